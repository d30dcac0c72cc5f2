#!/bin/sh
# search-samples.sh: `byline search` on the sample collection: ranking,
# field queries, phrases, snippets, JSON, colour, malformed queries.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
need jq

coll=$SCRATCH/coll
mkdir -p "$coll"
cp "$SAMPLES"/*.txt "$coll/"
search () { "$BYLINE" search -C "$coll" "$@"; }
paths () { search --json "$@" | jq -r .path | cut -c1-3 | tr '\n' ' ' | sed 's/ $//'; }

# The first search builds the index (quietly).
"$BYLINE" search -C "$coll" --json Jurczyk > "$SCRATCH/out" 2> "$SCRATCH/err"
expect_eq "search exit status" 0 $?
expect_eq "search: nothing on stderr" "" "$(cat "$SCRATCH/err")"
expect_eq "Jurczyk: 000 and 001" "000 001" "$(jq -r .path "$SCRATCH/out" | cut -c1-3 | sort | tr '\n' ' ' | sed 's/ $//')"
expect_eq "JSON keys" \
	'["agency","authors","cluster","date","date_precision","headline","headline_derived","id","outlet","path","score","snippet","words"]' \
	"$(head -n 1 "$SCRATCH/out" | jq -c keys)"
expect_eq "score is a positive number" true "$(jq -s 'all(.score | type == "number" and . > 0)' "$SCRATCH/out")"
expect_eq "scores in decreasing order" true "$(jq -s '[.[].score] | . == (sort | reverse)' "$SCRATCH/out")"
expect_match "snippet has the word" 'Jurczyk' "$(head -n 1 "$SCRATCH/out" | jq -r .snippet)"
expect_no_escapes "JSON output has no escapes" "$SCRATCH/out"

expect_eq "date:2014 finds 004" "004" "$(paths date:2014)"
expect_eq "phrase" "000 001" "$(paths '"Administrator Steve Jurczyk"' | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//')"
expect_eq "phrase in order only" "000" "$(paths '"Acting Administrator"')"
expect_eq "no phrase across the order" "" "$(paths '"Jurczyk Steve"')"
expect_eq "field query" "001" "$(paths 'outlet:independent Jurczyk')"
expect_eq "negation" "000" "$(paths 'Jurczyk -outlet:independent')"
expect_eq "words joined" "$(paths Jurczyk Mars)" "$(paths 'Jurczyk Mars')"
expect_eq "a hit through metadata alone" "004" "$(paths 'zzzyzzxq OR outlet:phys.org')"
expect_eq "text hits rank before metadata-only hits" "000 001 004" "$(paths 'Jurczyk OR outlet:phys.org' | tr ' ' '\n' | head -n 2 | sort | tr '\n' ' ')004"
expect_eq "no hit: no output" "" "$(search zzzyzzxq)"
expect_status "no hit: status 0" 0 "$BYLINE" search -C "$coll" zzzyzzxq

# Headline weighted above the body: a word in 001's headline.
first=$(search --json crafts | head -n 1 | jq -r .path | cut -c1-3)
expect_eq "headline match ranks first" 001 "$first"

# --limit
expect_eq "--limit=1" 1 "$(search --limit=1 Mars --json | wc -l)"
expect_status "bad --limit" 2 "$BYLINE" search -C "$coll" --limit=x Mars

# Text output: two lines per hit, no escapes when piped; colour on demand.
search Jurczyk > "$SCRATCH/text"
expect_eq "text: two lines per hit" 4 "$(wc -l < "$SCRATCH/text")"
expect_match "text: snippet line" '^    .*Jurczyk' "$(cat "$SCRATCH/text")"
expect_no_escapes "text: no escapes when piped" "$SCRATCH/text"
search --color=always Jurczyk > "$SCRATCH/color"
expect_match "--color=always highlights" "$(printf '\033')\\[1;7mJurczyk" "$(cat "$SCRATCH/color")"
NO_COLOR=1 search --color=always Jurczyk > "$SCRATCH/color"
expect_match "--color=always beats NO_COLOR" "$(printf '\033')" "$(cat "$SCRATCH/color")"
search --color=never Jurczyk > "$SCRATCH/color"
expect_no_escapes "--color=never" "$SCRATCH/color"
expect_status "bad --color" 2 "$BYLINE" search -C "$coll" --color=maybe Mars

# A malformed query: the parser's message with a column, status 2.
"$BYLINE" search -C "$coll" 'Mars (rover' > "$SCRATCH/out" 2> "$SCRATCH/err"
expect_eq "malformed: exit status" 2 $?
expect_match "malformed: column" 'column [0-9]+' "$(cat "$SCRATCH/err")"
expect_no_match "malformed: no SQL error" 'SQL|sqlite|fts5' "$(cat "$SCRATCH/err")"
expect_eq "malformed: no output" "" "$(cat "$SCRATCH/out")"
"$BYLINE" list -C "$coll" 'date:>=' > /dev/null 2> "$SCRATCH/err"
expect_eq "list malformed: exit status" 2 $?
expect_match "list malformed: column" 'column [0-9]+' "$(cat "$SCRATCH/err")"
expect_status "no query" 2 "$BYLINE" search -C "$coll"
expect_status "search --help" 0 "$BYLINE" search --help

finish
