#!/bin/sh
# index-samples.sh: `byline index` on the sample collection, then list;
# where the index lives; read-only collections; damaged index files.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
need jq

# A copy with a binary file and a hidden one added.
coll=$SCRATCH/coll
mkdir -p "$coll/sub" "$coll/.git"
cp "$SAMPLES"/*.txt "$coll/"
mv "$coll/004_1cd7caf796a3157a.txt" "$coll/sub/"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' > "$coll/image.png"
cp "$SAMPLES/000_a9864a11cced52c0.txt" "$coll/.git/hidden.txt"
chmod -R a-w "$coll"
before=$(ls -laR "$coll")

out=$("$BYLINE" index -C "$coll" 2> "$SCRATCH/err")
expect_eq "index exit status" 0 $?
expect_eq "index: nothing on stderr (not a terminal)" "" "$(cat "$SCRATCH/err")"
expect_match "summary counts" '5 articles \(5 added, 0 updated, 0 moved, 0 removed, 0 unchanged\), 1 file skipped' "$out"
expect_match "summary lists the binary file" '^  image\.png: binary file' "$out"
expect_eq "the collection is not written to" "$before" "$(ls -laR "$coll")"

# The index is under XDG_DATA_HOME, named after the collection.
idx=$(ls "$XDG_DATA_HOME"/byline/coll-*.db 2>/dev/null)
expect_match "index file name" '/byline/coll-[0-9a-f]{16}\.db$' "$idx"

# Nothing changed: nothing done.
out=$("$BYLINE" index -C "$coll")
expect_match "second run" '5 articles \(0 added, 0 updated, 0 moved, 0 removed, 5 unchanged\), 1 file skipped$' "$out"
expect_eq "--quiet prints nothing" "" "$("$BYLINE" index --quiet -C "$coll" 2>&1)"

# list, text: date, outlet, headline; one line each; newest first.
"$BYLINE" list -C "$coll" > "$SCRATCH/list" 2> "$SCRATCH/err"
expect_eq "list exit status" 0 $?
expect_eq "list: 5 lines" 5 "$(wc -l < "$SCRATCH/list")"
expect_eq "list: nothing on stderr" "" "$(cat "$SCRATCH/err")"
expect_match "list: 001 line" '^2021-03-31  The Independent  ×2  US, China consulted on safety as their crafts headed to Mars$' "$(cat "$SCRATCH/list")"
# The story in two versions is marked on both, and only there.
expect_eq "list: two rows marked ×2" 2 "$(grep -c '  ×2  ' "$SCRATCH/list")"
# Undated articles count as the oldest.
expect_match "list: undated last" '^-  ' "$(tail -n 1 "$SCRATCH/list")"
expect_match "list: then the oldest" '^2014' "$(tail -n 2 "$SCRATCH/list" | head -n 1)"
# Columns line up: the headline column starts at the same place on every line
# that has an outlet (all widths here are ASCII once the two-column "×2"
# marks are spaces).
cols=$(sed 's/×2/  /' "$SCRATCH/list" | awk -F'  +' 'NF >= 3 { print index($0, $3) }' | sort -u | wc -l)
expect_eq "list: aligned headline column" 1 "$cols"

# list --json: valid JSON Lines with the documented keys.
"$BYLINE" list --json -C "$coll" > "$SCRATCH/json"
expect_eq "list --json exit status" 0 $?
expect_eq "list --json: every line parses" 5 "$(jq -c . "$SCRATCH/json" | wc -l)"
expect_eq "list --json keys" \
	'["agency","authors","cluster","date","date_precision","headline","headline_derived","id","outlet","path","words"]' \
	"$(head -n 1 "$SCRATCH/json" | jq -c 'keys')"
expect_eq "list --json: paths are relative" \
	"000_a9864a11cced52c0.txt 001_ba268a7cdc32d459.txt 002_627ae5fae44a2e15.txt 003_b83eedb220476ed3.txt sub/004_1cd7caf796a3157a.txt" \
	"$(jq -r .path "$SCRATCH/json" | sort | tr '\n' ' ' | sed 's/ $//')"
expect_eq "list --json: 001 metadata" \
	'"The Independent" "AP" "2021-03-31T04:15-04:00" "minute" true []' \
	"$(jq -c 'select(.path | startswith("001")) | [.outlet, .agency, .date, .date_precision, .cluster == .id, .authors] | .[]' "$SCRATCH/json" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "list --json: words are numbers" true "$(jq -s 'all(.words | type == "number" and . > 50)' "$SCRATCH/json")"

# list --skipped
out=$("$BYLINE" list --skipped -C "$coll")
expect_match "list --skipped" '^image\.png: binary file \(PNG image\)' "$out"
expect_eq "list --skipped --json" "image.png" "$("$BYLINE" list --skipped --json -C "$coll" | jq -r .path)"

# Sort orders.
expect_match "sort=headline" '^2021-03-31 .* +U' "$("$BYLINE" list --sort=headline -C "$coll" | tail -n 1)"
first=$("$BYLINE" list --sort=words --json -C "$coll" | head -n 1 | jq .words)
max=$("$BYLINE" list --json -C "$coll" | jq -s 'map(.words) | max')
expect_eq "sort=words: longest first" "$max" "$first"
# sort=versions: the one story in two versions (000, 001) comes first.
expect_eq "sort=versions: the cluster first" "000 001" \
	"$("$BYLINE" list --sort=versions --json -C "$coll" | head -n 2 | jq -r '.path[0:3]' | sort | tr '\n' ' ' | sed 's/ $//')"
expect_eq "sort:versions in the query" \
	"$("$BYLINE" list --sort=versions -C "$coll")" "$("$BYLINE" list -C "$coll" sort:versions)"
expect_eq "sort=versions --reverse: the cluster last" "000 001" \
	"$("$BYLINE" list --sort=versions --reverse --json -C "$coll" | tail -n 2 | jq -r '.path[0:3]' | sort | tr '\n' ' ' | sed 's/ $//')"
expect_eq "--reverse" "$(tac "$SCRATCH/list")" "$("$BYLINE" list --reverse -C "$coll")"
expect_status "unknown sort" 2 "$BYLINE" list --sort=size -C "$coll"

# A query restricts the list.
expect_eq "list QUERY" 2 "$("$BYLINE" list -C "$coll" Jurczyk | wc -l)"
expect_eq "list date:2014" 1 "$("$BYLINE" list -C "$coll" date:2014 | wc -l)"

# $BYLINE_COLLECTION and the current directory.
expect_eq "BYLINE_COLLECTION" 5 "$(BYLINE_COLLECTION=$coll "$BYLINE" list | wc -l)"
expect_eq "current directory" 5 "$(cd "$coll" && "$BYLINE" list | wc -l)"

# --index and $BYLINE_INDEX; list on a missing index builds it first.
out=$("$BYLINE" list --index="$SCRATCH/other.db" -C "$coll" 2> "$SCRATCH/err")
expect_eq "list builds a missing index" 5 "$(printf '%s\n' "$out" | wc -l)"
expect_eq "... quietly" "" "$(cat "$SCRATCH/err")"
expect_eq "BYLINE_INDEX" 5 "$(BYLINE_INDEX=$SCRATCH/other.db "$BYLINE" list -C "$coll" | wc -l)"

# A file that is not an index: a clear error, and --rebuild fixes it.
printf 'not a database, just text that is long enough to look like one..%.0s' 1 2 3 4 5 6 7 8 9 10 > "$SCRATCH/bad.db"
"$BYLINE" list --index="$SCRATCH/bad.db" -C "$coll" > /dev/null 2> "$SCRATCH/err"
expect_eq "bad index: exit status" 2 $?
expect_match "bad index: message" "bad\.db: .*'byline index --rebuild'" "$(cat "$SCRATCH/err")"
expect_status "index --rebuild fixes it" 0 "$BYLINE" index --rebuild --index="$SCRATCH/bad.db" -C "$coll"
expect_eq "rebuilt index lists" 5 "$("$BYLINE" list --index="$SCRATCH/bad.db" -C "$coll" | wc -l)"

# Errors.
expect_status "missing collection" 2 "$BYLINE" index -C "$SCRATCH/nowhere"
expect_status "extra argument" 2 "$BYLINE" index -C "$coll" extra
expect_status "index --help" 0 "$BYLINE" index --help
expect_status "list --help" 0 "$BYLINE" list --help
expect_match "main --help lists index" '^  index ' "$("$BYLINE" --help)"

finish
