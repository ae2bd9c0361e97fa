#!/usr/bin/env bash
# test-cli.sh — concord-cli as scripts and people use it
#
# Runs $CONCORD_CLI against databases in a temporary directory. Prints TAP
# and a closing "N passed, N failed" line; exits 0 when everything passed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

cli=${CONCORD_CLI:-}
if [ -z "$cli" ] || [ ! -x "$cli" ]; then
  echo "1..0 # SKIP CONCORD_CLI is not set to the concord-cli program"
  exit 77
fi

export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=${TZ:-Asia/Shanghai}
export CONCORD_NOW=${CONCORD_NOW:-2026-11-23T08:00:00Z}
unset CONCORD_DB

tmp=$(mktemp -d "${TMPDIR:-/tmp}/concord-test-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
db=$tmp/concord.db

n=0
passed=0
failed=0

ok () {
  n=$((n + 1)); passed=$((passed + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1)); failed=$((failed + 1))
  echo "not ok $n - $1"
  shift
  for line in "$@"; do echo "#   $line"; done
  if [ -s "$tmp/out" ]; then sed 's/^/#   stdout: /' "$tmp/out" | head -20; fi
  if [ -s "$tmp/err" ]; then sed 's/^/#   stderr: /' "$tmp/err" | head -20; fi
}

# run ARGS…: runs the program, keeps stdout/stderr in $tmp/out and $tmp/err
# and the exit status in $status.
run () {
  "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
}

# expect_status CODE DESCRIPTION ARGS…
expect_status () {
  local code=$1 description=$2
  shift 2
  run "$@"
  if [ "$status" -eq "$code" ]; then
    ok "$description (exit $code)"
  else
    not_ok "$description" "expected exit $code, got $status: concord-cli $*"
  fi
}

# check DESCRIPTION COMMAND…: passes when the shell command succeeds.
check () {
  local description=$1
  shift
  if "$@"; then ok "$description"; else not_ok "$description" "failed: $*"; fi
}

lines () { grep -c '' "$1"; }

checksum () { sha256sum "$1" | cut -d' ' -f1; }

# --- help and version
expect_status 0 "--help" --help
check "--help names the commands" grep -q 'search' "$tmp/out"
expect_status 0 "--version" --version
check "--version prints the version" grep -Eq '^concord-cli [0-9]' "$tmp/out"

# --- init
expect_status 0 "init creates the database" --db "$db" init
check "init prints the path" grep -qF "$db" "$tmp/out"
check "init prints the schema version" grep -Eq 'Schema version: [0-9]+' "$tmp/out"
check "the database file exists" test -s "$db"

# --- demo
expect_status 0 "demo loads" --db "$db" demo
check "demo says how many were added" grep -q 'Added 9 demonstration cases' "$tmp/out"
expect_status 0 "demo again" --db "$db" demo
check "demo again adds nothing" grep -q 'already loaded' "$tmp/out"

# --- list
expect_status 0 "list" --db "$db" list
check "list shows the nine cases" test "$(lines "$tmp/out")" -eq 9
check "list lines have four tab-separated fields" \
  test "$(awk -F'\t' 'NF != 4' "$tmp/out" | wc -l)" -eq 0
expect_status 0 "list --limit 3" --db "$db" list --limit 3
check "list --limit 3 shows three" test "$(lines "$tmp/out")" -eq 3
expect_status 0 "list --stage received" --db "$db" list --stage received
check "one demo case is only received" test "$(lines "$tmp/out")" -eq 1
expect_status 0 "list --category=neighbour" --db "$db" list --category=neighbour
check "three neighbour cases" test "$(lines "$tmp/out")" -eq 3

CONCORD_DB=$db "$cli" list >"$tmp/out" 2>"$tmp/err"
check "CONCORD_DB names the database" test "$(lines "$tmp/out")" -eq 9

# --- search
expect_status 0 "search 火灾" --db "$db" search 火灾
check "search 火灾 finds the fire" test "$(lines "$tmp/out")" -eq 1
case_no=$(head -n1 "$tmp/out" | cut -f1)
check "the first field is a case number" grep -q '调字第' <<<"$case_no"
check "the fire case names its three parties" grep -q '张某' "$tmp/out"

expect_status 0 "search 纠纷" --db "$db" search 纠纷
check "search 纠纷 finds several cases" test "$(lines "$tmp/out")" -ge 3
check "every search line starts with a case number" \
  test "$(cut -f1 "$tmp/out" | grep -vc '调字第')" -eq 0
expect_status 0 "search with no match" --db "$db" search 这个词不会出现
check "no match prints nothing" test ! -s "$tmp/out"

# --- show
expect_status 0 "show the fire case" --db "$db" show "$case_no"
check "show prints the case number" grep -qF "$case_no" "$tmp/out"
for name in 张某 李某 吴某; do
  check "show lists party $name" grep -q "$name" "$tmp/out"
done
check "show prints an ID number" grep -q '370203196809030310' "$tmp/out"
check "show prints the team" grep -q '罗某某' "$tmp/out"
check "show prints the audit trail" grep -q 'Registered' "$tmp/out"

expect_status 1 "show an unknown case" --db "$db" show "(2026)东城调字第9999号"
check "unknown case is named" grep -q 'No case numbered' "$tmp/err"

# --- usage errors
expect_status 2 "no command" --db "$db"
expect_status 2 "unknown command" --db "$db" frobnicate
check "unknown command is named" grep -q 'frobnicate' "$tmp/err"
expect_status 2 "unknown option" --frobnicate list
expect_status 2 "--db without a value" --db
expect_status 2 "generate without --cases" --db "$db" generate
expect_status 2 "generate --cases without a value" --db "$db" generate --cases
expect_status 2 "generate --cases abc" --db "$db" generate --cases abc
expect_status 2 "generate --cases 0" --db "$db" generate --cases 0
expect_status 2 "generate --cases -5" --db "$db" generate --cases -5
expect_status 2 "generate --cases 1.5" --db "$db" generate --cases 1.5
expect_status 2 "list --limit without a value" --db "$db" list --limit
expect_status 2 "list --limit x" --db "$db" list --limit x
expect_status 2 "list --stage unknown" --db "$db" list --stage nowhere
expect_status 2 "list --category unknown" --db "$db" list --category nowhere
expect_status 2 "search without text" --db "$db" search
expect_status 2 "search with two texts" --db "$db" search 火灾 纠纷
expect_status 2 "show without a case number" --db "$db" show
expect_status 2 "init with an argument" --db "$db" init extra

# --- read-only commands do not create a database
missing=$tmp/missing.db
for command in list "search 火灾" "show X"; do
  # shellcheck disable=SC2086 # the command's words are meant to split
  expect_status 1 "$command without a database" --db "$missing" $command
  check "$command says there is no database" grep -qF "No database at $missing" "$tmp/err"
  check "$command does not create one" test ! -e "$missing"
done

# --- output that cannot be written
if [ -w /dev/full ]; then
  "$cli" --db "$db" list >/dev/full 2>"$tmp/err"
  status=$?
  if [ "$status" -eq 1 ]; then ok "list to a full disk (exit 1)"; else not_ok "list to a full disk" "exit $status"; fi
  check "a full disk is reported" grep -q 'Cannot write the output' "$tmp/err"
fi

# --- search text in the terminal's character set
expect_status 2 "search text that is not UTF-8 in a UTF-8 terminal" --db "$db" search $'\xff\xfe'
check "invalid search text is explained" grep -q 'character set' "$tmp/err"
gbk_text=$(printf '火灾' | iconv -f UTF-8 -t GBK 2>/dev/null)
if [ -n "$gbk_text" ] && command -v localedef >/dev/null &&
   mkdir -p "$tmp/locale" &&
   localedef -i zh_CN -f GBK "$tmp/locale/zh_CN.GBK" >/dev/null 2>&1; then
  LOCPATH=$tmp/locale LC_ALL=zh_CN.GBK "$cli" --db "$db" search "$gbk_text" >"$tmp/out" 2>"$tmp/err"
  status=$?
  check "search typed in a GBK terminal (exit $status)" test "$status" -eq 0
  check "search typed in GBK finds the fire" test "$(lines "$tmp/out")" -eq 1
else
  echo "ok $((n + 1)) - search typed in a GBK terminal # SKIP no GBK locale"
  n=$((n + 1)); passed=$((passed + 1))
fi

# --- databases that must be refused and left alone
garbage=$tmp/garbage.db
for i in $(seq 1 200); do echo "this is not a database, line $i"; done >"$garbage"
before=$(checksum "$garbage")
expect_status 1 "a file that is not a database" --db "$garbage" list
check "the error says which file" grep -qF "$garbage" "$tmp/err"
check "the garbage file is unchanged" test "$(checksum "$garbage")" = "$before"

if command -v sqlite3 >/dev/null; then
  newer=$tmp/newer.db
  "$cli" --db "$newer" init >/dev/null 2>&1
  version=$(sqlite3 "$newer" 'PRAGMA user_version;')
  sqlite3 "$newer" "PRAGMA user_version=$((version + 900));"
  rm -f "$newer-wal" "$newer-shm"
  before=$(checksum "$newer")
  expect_status 1 "a database from a newer Concord" --db "$newer" list
  check "the error says it is newer" grep -qi 'newer' "$tmp/err"
  check "the newer database is unchanged" test "$(checksum "$newer")" = "$before"
  expect_status 1 "init on a newer database" --db "$newer" init
  check "init leaves the newer database unchanged" test "$(checksum "$newer")" = "$before"

  # A database that fails while the category is checked: a failure (1),
  # not a usage error (2).
  broken=$tmp/broken.db
  cp "$db" "$broken"
  sqlite3 "$broken" 'ALTER TABLE category RENAME COLUMN position TO place_in_list;'
  expect_status 1 "list --category on a broken database" --db "$broken" list --category neighbour
else
  echo "ok $((n + 1)) - a database from a newer Concord # SKIP no sqlite3 shell"
  n=$((n + 1)); passed=$((passed + 1))
fi

if [ "$(id -u)" -ne 0 ]; then
  locked=$tmp/locked
  mkdir "$locked"
  "$cli" --db "$locked/c.db" init >/dev/null 2>&1
  chmod 000 "$locked/c.db"
  expect_status 1 "a database without permission" --db "$locked/c.db" list
  chmod 600 "$locked/c.db"
else
  echo "ok $((n + 1)) - a database without permission # SKIP running as root"
  n=$((n + 1)); passed=$((passed + 1))
fi

# --- generated cases
gen=$tmp/generated.db
expect_status 0 "generate --cases 1000" --db "$gen" generate --cases 1000 --seed 5
check "generate reports the rate" grep -q 'cases/s' "$tmp/out"
check "generate shows progress on stderr" grep -q '1000' "$tmp/err"
expect_status 0 "list the generated cases" --db "$gen" list
check "a thousand cases" test "$(lines "$tmp/out")" -eq 1000
expect_status 0 "search 纠纷 in generated cases" --db "$gen" search 纠纷
found=$(lines "$tmp/out")
check "纠纷 finds some but not all ($found)" test "$found" -gt 100 -a "$found" -lt 1000
check "search lines start with a case number" \
  test "$(cut -f1 "$tmp/out" | grep -vc '调字第')" -eq 0
first=$(head -n1 "$tmp/out" | cut -f1)
expect_status 0 "show a generated case" --db "$gen" show "$first"
expect_status 0 "search --limit 5" --db "$gen" search 纠纷 --limit 5
check "search --limit 5 shows five" test "$(lines "$tmp/out")" -eq 5

# --- the agreement as a PDF; signing on paper; verification
expect_status 0 "list --stage closed" --db "$db" list --stage closed
closed_no=$(head -n1 "$tmp/out" | cut -f1)
expect_status 0 "pdf of the signed agreement" --db "$db" pdf "$closed_no" -o "$tmp/signed.pdf"
check "the PDF starts as a PDF" grep -q '^%PDF-' "$tmp/signed.pdf"
expect_status 0 "verify the genuine copy" --db "$db" verify "$tmp/signed.pdf"
check "verify says genuine first" test "$(head -n1 "$tmp/out")" = genuine
check "verify names the case" grep -qF "$closed_no" "$tmp/out"
expect_status 0 "pdf again" --db "$db" pdf "$closed_no" -o "$tmp/again.pdf"
check "a reprint is byte for byte the same" test "$(checksum "$tmp/signed.pdf")" = "$(checksum "$tmp/again.pdf")"
# One byte changed inside the first stream.
offset=$(grep -abo 'stream' "$tmp/signed.pdf" | head -n1 | cut -d: -f1)
cp "$tmp/signed.pdf" "$tmp/edited.pdf"
printf 'X' | dd of="$tmp/edited.pdf" bs=1 seek=$((offset + 60)) conv=notrunc status=none
expect_status 3 "verify an edited copy" --db "$db" verify "$tmp/edited.pdf"
check "verify says altered" test "$(head -n1 "$tmp/out")" = altered
printf '%%PDF-1.4\n%%%%EOF\n' >"$tmp/foreign.pdf"
expect_status 3 "verify a foreign PDF" --db "$db" verify "$tmp/foreign.pdf"
check "verify says foreign" test "$(head -n1 "$tmp/out")" = foreign
"$cli" --db "$tmp/empty.db" init >/dev/null 2>&1
expect_status 3 "verify a copy against another database" --db "$tmp/empty.db" verify "$tmp/signed.pdf"
check "another database does not know it" test "$(head -n1 "$tmp/out")" = unknown
expect_status 1 "verify a missing file" --db "$db" verify "$tmp/none.pdf"
expect_status 2 "verify without a file" --db "$db" verify
expect_status 0 "pdf of the fire case's draft" --db "$db" pdf "$case_no" -o "$tmp/draft.pdf"
check "a draft is noted as not approved" grep -q 'not approved' "$tmp/err"
expect_status 3 "verify the draft" --db "$db" verify "$tmp/draft.pdf"
check "a draft is unsigned" test "$(head -n1 "$tmp/out")" = unsigned
expect_status 2 "pdf with a bad version" --db "$db" pdf "$case_no" --version x -o "$tmp/x.pdf"
expect_status 1 "pdf of a version that does not exist" --db "$db" pdf "$case_no" --version 9 -o "$tmp/x.pdf"
expect_status 1 "sign a case in drafting" --db "$db" sign "$case_no" --paper --checked-by 王书记员
check "signing explains the stage" grep -q 'signing' "$tmp/err"
expect_status 2 "sign without --paper" --db "$db" sign "$case_no" --checked-by 王书记员
expect_status 2 "sign without a checker" --db "$db" sign "$case_no" --paper

# --- amounts in capital numerals
expect_status 0 "amount 100005.07" amount 100005.07
check "amount in figures and capitals" \
  test "$(cat "$tmp/out")" = "$(printf '¥100,005.07\n人民币壹拾万零伍元零柒分')"
expect_status 0 "amount 13万" amount 13万
check "13万 is 壹拾叁万元整" grep -qx '人民币壹拾叁万元整' "$tmp/out"
expect_status 0 "amount at the top of the range" amount 999999999999.99
check "the largest amount" grep -qx '人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分' "$tmp/out"
expect_status 2 "amount abc" amount abc
check "a bad amount is explained" grep -q 'abc' "$tmp/err"
expect_status 2 "amount above the range" amount 1000000000000
expect_status 2 "amount 0" amount 0
expect_status 2 "amount without a value" amount
expect_status 2 "amount with two values" amount 1 2

echo "1..$n"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
