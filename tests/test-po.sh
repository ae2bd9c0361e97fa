#!/bin/sh
# test-po.sh — every message of the sources is translated in every language
#
# Extracts the messages as meson's gettext target does (glib preset) and
# checks each po/*.po with msgcmp (a message missing from a translation
# fails) and msgfmt (a fuzzy or untranslated entry fails).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

src=${MESON_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$src"
xgettext --files-from=po/POTFILES.in --directory="$src" --output="$work/concord.pot" \
  --from-code=UTF-8 --add-comments --sort-by-file \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format

failed=0
for lang in $(cat po/LINGUAS); do
  if ! msgcmp --use-untranslated "po/$lang.po" "$work/concord.pot" 2>"$work/cmp"; then
    echo "po/$lang.po lacks messages of the sources:"
    head -20 "$work/cmp"
    failed=1
  fi
  stats=$(msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1) || { echo "$stats"; failed=1; }
  case $stats in
    *fuzzy*|*untranslated*) echo "po/$lang.po: $stats"; failed=1 ;;
    *) echo "po/$lang.po: $stats" ;;
  esac
done
exit $failed
