#!/usr/bin/env bash
# bench/ensure-libreoffice.sh — find LibreOffice for the PDF benchmark,
# installing it when it is missing
#
#   bench/ensure-libreoffice.sh [--no-install]
#
# Prints the path of the `libreoffice` program on standard output. When
# there is none it installs Debian 12's Writer without a GUI
# (libreoffice-writer-nogui, else libreoffice-writer), as root or through
# sudo as scripts/deps does, unless --no-install is given. Exits 1, having
# said why on standard error, when LibreOffice is not there afterwards.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

install=1
case ${1:-} in
  --no-install) install=0 ;;
  '') ;;
  -h|--help) sed -n '5,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "bench/ensure-libreoffice.sh: unknown argument: $1" >&2; exit 2 ;;
esac

found () {
  command -v libreoffice 2>/dev/null || command -v soffice 2>/dev/null
}

if path=$(found); then
  echo "$path"
  exit 0
fi

if [ "$install" = 0 ]; then
  echo "bench/ensure-libreoffice.sh: LibreOffice is not installed" >&2
  exit 1
fi

as_root () {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    echo "bench/ensure-libreoffice.sh: need root (or sudo without a password) to run: $*" >&2
    return 1
  fi
}

if ! command -v apt-get >/dev/null 2>&1; then
  echo "bench/ensure-libreoffice.sh: LibreOffice is not installed and there is no apt-get to install it" >&2
  exit 1
fi

echo "bench/ensure-libreoffice.sh: installing LibreOffice Writer (for comparison only)" >&2
# Writer alone, without its GUI: what `--headless --convert-to pdf` needs.
# Its output goes to standard error: standard output is the path.
{
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-writer-nogui ||
    { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      { as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-writer-nogui ||
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-writer; }; }
} >&2 || true

if path=$(found); then
  echo "$path"
  exit 0
fi
echo "bench/ensure-libreoffice.sh: LibreOffice could not be installed" >&2
exit 1
