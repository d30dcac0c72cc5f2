#!/bin/sh
# diff-samples.sh: `byline diff` on the samples: files outside any index,
# indexed paths and ids; inline, side by side (CJK keeps its columns),
# --stat, --json, colours; errors.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
need jq

a=$SAMPLES/000_a9864a11cced52c0.txt
b=$SAMPLES/001_ba268a7cdc32d459.txt

# Two files, no index anywhere: inline (not a terminal), plain marks.
out=$("$BYLINE" diff "$a" "$b" 2> "$SCRATCH/err")
expect_eq "exit status" 0 $?
expect_eq "nothing on stderr" "" "$(cat "$SCRATCH/err")"
expect_eq "no index was made" "" "$(ls "$XDG_DATA_HOME")"
expect_match "spacecraft -> spacecrafts" '\[-spacecraft-\]\{\+spacecrafts\+\}' "$out"
expect_match "the United States -> the U.S." 'the \[-United States-\]\{\+U\.S\.\+\}' "$out"
expect_match "boats -> crafts (000's caption against 001's paragraph)" '\[-boats-\]\{\+crafts\+\}' "$out"
expect_match "the caption is marked" '^\(only in the older text; compared with paragraph [0-9]+ of the newer\)$' "$out"
expect_no_escapes "inline" /dev/null
printf '%s\n' "$out" > "$SCRATCH/inline"
expect_no_escapes "inline output" "$SCRATCH/inline"

# --stat
out=$("$BYLINE" diff --stat "$a" "$b")
expect_match "stat: added" '^words added: +[1-9][0-9]*$' "$out"
expect_match "stat: removed" '^words removed: +[1-9][0-9]*$' "$out"
expect_match "stat: changed" '^words changed: +[1-9][0-9]*$' "$out"
expect_match "stat: moved" '^paragraphs moved: 0, added: [0-9]+, removed: [0-9]+$' "$out"
expect_match "stat: similarity" '^similarity: +[5-9][0-9]%$' "$out"
expect_eq "stat: five lines" 5 "$(printf '%s\n' "$out" | wc -l)"

# --json: pairs with their ops, token text included.
"$BYLINE" diff --json "$a" "$b" > "$SCRATCH/json"
expect_eq "json: one object" 1 "$(wc -l < "$SCRATCH/json")"
expect_eq "json: keys" '["a","b","pairs","summary"]' "$(jq -c keys "$SCRATCH/json")"
expect_eq "json: boats -> crafts op" 1 \
	"$(jq '[.pairs[].ops[] | select(.op == "replace" and .old == "boats" and .new == "crafts")] | length' "$SCRATCH/json")"
expect_eq "json: spacecraft op" true \
	"$(jq '[.pairs[].ops[] | select(.op == "replace" and .old == "spacecraft" and .new == "spacecrafts")] | length >= 1' "$SCRATCH/json")"
expect_eq "json: echo pair" 1 "$(jq '[.pairs[] | select(.echo)] | length' "$SCRATCH/json")"
expect_eq "json: summary agrees with --stat" \
	"$("$BYLINE" diff --stat "$a" "$b" | sed -n 's/^words added: *//p')" \
	"$(jq .summary.words_added "$SCRATCH/json")"

# Side by side: every line the same width; CJK text keeps the columns.
# widths FILE: the display widths of its lines, each once.
widths () {
	python3 -c '
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line))
' "$1" 2>/dev/null | sort -u | tr '\n' ' ' | sed 's/ $//'
}
"$BYLINE" diff --side-by-side --width=100 "$a" "$b" > "$SCRATCH/side"
w=$(widths "$SCRATCH/side")
[ -n "$w" ] && expect_eq "side: one width" "99" "$w"
expect_match "side: separator" '^.{48} \| ' "$(head -n 1 "$SCRATCH/side")"
mkdir -p "$SCRATCH/cjk"
{ printf '中国国家航天局周三证实，今年一月至三月期间与美国宇航局举行了工作会议和沟通，以确保双方航天器的飞行安全。\n\n'
  printf '美国法律禁止美国宇航局与中国之间的几乎所有接触，原因是担心技术被盗以及中国太空计划的保密性和军方背景。\n'; } > "$SCRATCH/cjk/a.txt"
{ printf '中国国家航天局周三证实，今年一月至三月期间与美国宇航局举行了工作层面的会议和沟通，以确保双方航天器的飞行安全。\n\n'
  printf '美国法律禁止美国宇航局与中国之间的几乎所有联系，原因是担心技术盗窃以及中国太空计划的保密性和军方背景。\n'; } > "$SCRATCH/cjk/b.txt"
"$BYLINE" diff -y --width=60 --color=never "$SCRATCH/cjk/a.txt" "$SCRATCH/cjk/b.txt" > "$SCRATCH/cjkside"
expect_eq "CJK: side by side ran" 0 $?
w=$(widths "$SCRATCH/cjkside")
[ -n "$w" ] && expect_eq "CJK: every line 59 columns" "59" "$w"
expect_match "CJK: separator column" ' \| ' "$(head -n 1 "$SCRATCH/cjkside")"

# Colours: always forces ANSI, never gives marks, NO_COLOR is honoured.
expect_match "--color=always" "$(printf '\033')\\[" "$("$BYLINE" diff --color=always "$a" "$b")"
out=$("$BYLINE" diff --color=never "$a" "$b")
printf '%s\n' "$out" > "$SCRATCH/never"
expect_no_escapes "--color=never" "$SCRATCH/never"
expect_status "bad --color" 2 "$BYLINE" diff --color=sometimes "$a" "$b"
expect_status "bad --width" 2 "$BYLINE" diff --width=5 "$a" "$b"

# Errors: a missing file is named, exit 2; one argument is a usage error.
"$BYLINE" diff "$a" "$SCRATCH/nope.txt" > /dev/null 2> "$SCRATCH/err"
expect_eq "missing file: exit 2" 2 $?
expect_match "missing file: named" 'nope\.txt' "$(cat "$SCRATCH/err")"
expect_status "one argument" 2 "$BYLINE" diff "$a"
expect_status "three arguments" 2 "$BYLINE" diff "$a" "$b" "$a"

# In a collection: paths relative to it and ids from list --json.
coll=$SCRATCH/coll
mkdir -p "$coll"
cp "$SAMPLES"/*.txt "$coll"/
cd "$SCRATCH" || exit 99
out=$("$BYLINE" diff -C "$coll" 000_a9864a11cced52c0.txt 001_ba268a7cdc32d459.txt)
expect_match "indexed paths: boats -> crafts" '\[-boats-\]\{\+crafts\+\}' "$out"
expect_eq "indexed paths: same as the files" "$("$BYLINE" diff "$a" "$b")" "$out"
ida=$("$BYLINE" list --json -C "$coll" | jq -r 'select(.path | startswith("000")) | .id')
idb=$("$BYLINE" list --json -C "$coll" | jq -r 'select(.path | startswith("001")) | .id')
expect_eq "ids: same diff" "$out" "$("$BYLINE" diff -C "$coll" "$ida" "$idb")"
expect_eq "ids: --json names the paths" "000_a9864a11cced52c0.txt" \
	"$("$BYLINE" diff --json -C "$coll" "$ida" "$idb" | jq -r .a)"
"$BYLINE" diff -C "$coll" "$ida" 999 > /dev/null 2> "$SCRATCH/err"
expect_eq "unknown id: exit 2" 2 $?
expect_match "unknown id: said" '999: no article with this id' "$(cat "$SCRATCH/err")"
# reprints and diff agree on the words added and removed (original first).
rp=$("$BYLINE" reprints --json -C "$coll" | jq -r '.members[1] | "\(.added) \(.removed)"')
st=$("$BYLINE" diff --json -C "$coll" "$idb" "$ida" | jq -r '.summary | "\(.words_added) \(.words_removed)"')
expect_eq "reprints and diff agree" "$rp" "$st"

finish
