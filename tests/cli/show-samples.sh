#!/bin/sh
# show-samples.sh: `byline show` on the sample collection gives the expected
# metadata and body boundaries, in text and in JSON.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
need jq

s0=$SAMPLES/000_a9864a11cced52c0.txt
s1=$SAMPLES/001_ba268a7cdc32d459.txt
s2=$SAMPLES/002_627ae5fae44a2e15.txt
s3=$SAMPLES/003_b83eedb220476ed3.txt
s4=$SAMPLES/004_1cd7caf796a3157a.txt

"$BYLINE" show --json "$s0" "$s1" "$s2" "$s3" "$s4" > "$SCRATCH/out.json" 2> "$SCRATCH/err"
expect_eq "show --json exit status" 0 $?
expect_eq "one line per file" 5 "$(wc -l < "$SCRATCH/out.json")"
expect_eq "nothing on stderr" "" "$(cat "$SCRATCH/err")"

field () { # field N JQ-EXPR
	sed -n "$(($1 + 1))p" "$SCRATCH/out.json" | jq -r "$2"
}

# 000: derived headline, month date, AP, caption not body.
expect_match "000 headline" '^As their respective spacecraft headed to Mars, China and the United States held consultations' "$(field 0 .headline)"
expect_eq "000 headline derived" true "$(field 0 .headline_derived)"
expect_eq "000 headline length" true "$(field 0 '.headline | length <= 101')"
expect_eq "000 date" "2021-04 month" "$(field 0 '"\(.date) \(.date_precision)"')"
expect_eq "000 outlet" null "$(field 0 .outlet)"
expect_eq "000 agency" AP "$(field 0 .agency)"
expect_eq "000 authors" 0 "$(field 0 '.authors | length')"
expect_match "000 body starts with the lead" '^As their respective spacecraft headed to Mars' "$(field 0 .body)"
expect_no_match "000 caption not in body" 'A visitor to an exhibit' "$(field 0 .body)"

# 001: headline, minute date with zone, The Independent, AP, clean body.
expect_eq "001 headline" "US, China consulted on safety as their crafts headed to Mars" "$(field 1 .headline)"
expect_eq "001 headline not derived" false "$(field 1 .headline_derived)"
expect_eq "001 date" "2021-03-31T04:15-04:00 minute" "$(field 1 '"\(.date) \(.date_precision)"')"
expect_eq "001 outlet" "The Independent" "$(field 1 .outlet)"
expect_eq "001 agency" AP "$(field 1 .agency)"
expect_eq "001 authors" 0 "$(field 1 '.authors | length')"
expect_match "001 body start" '^As their respective spacecrafts headed to Mars China and the U.S. held consultations' "$(field 1 .body)"
expect_match "001 body end" 'will not attempt to land\.$' "$(field 1 .body)"
expect_no_match "001 no notification prompt" 'notifications|Notifications' "$(field 1 .body)"
expect_no_match "001 no donation appeal" 'Your support|donation' "$(field 1 .body)"
expect_no_match "001 no registration text" 'registering|logged in' "$(field 1 .body)"

# 002: day date from "| 15 April 2024, Monday |"; nothing else known.
expect_eq "002 headline" "China, NASA Coordinate on Mars Even as Beijing Issues Fiery New Threats" "$(field 2 .headline)"
expect_eq "002 date" "2024-04-15 day" "$(field 2 '"\(.date) \(.date_precision)"')"
expect_eq "002 outlet" null "$(field 2 .outlet)"
expect_eq "002 agency" null "$(field 2 .agency)"
expect_eq "002 authors" 0 "$(field 2 '.authors | length')"

# 003: no date; Space.com; author from the bio; bio not body.
expect_eq "003 headline" "Chinese Space Officials Meeting with NASA Today" "$(field 3 .headline)"
expect_eq "003 date" null "$(field 3 .date)"
expect_eq "003 outlet" "Space.com" "$(field 3 .outlet)"
expect_eq "003 agency" null "$(field 3 .agency)"
expect_eq "003 authors" "Leonard David" "$(field 3 '.authors | join(",")')"
expect_no_match "003 bio not body" 'award-winning space journalist|has been reporting on the space industry' "$(field 3 .body)"

# 004: date and author on one line, Phys.org, AFP; no captions, no tail.
expect_eq "004 headline" "China, US move toward cooperation in space" "$(field 4 .headline)"
expect_eq "004 date" "2014-01-12 day" "$(field 4 '"\(.date) \(.date_precision)"')"
expect_eq "004 outlet" "Phys.org" "$(field 4 .outlet)"
expect_eq "004 agency" AFP "$(field 4 .agency)"
expect_eq "004 authors" "Jean-Louis Santini" "$(field 4 '.authors | join(",")')"
expect_match "004 body end" 'that constitutes a good ground to get together\."$' "$(field 4 .body)"
expect_no_match "004 no captions" 'carrier rocket blasts off|pictured in Washington' "$(field 4 .body)"
expect_no_match "004 no tail" 'Explore further|Related Stories|comments|Recommended' "$(field 4 .body)"

# Every object has every key.
keys='["agency","authors","body","date","date_precision","dek","headline","headline_derived","outlet","path","url","warnings","words"]'
expect_eq "JSON keys" "true true true true true" \
	"$(jq -c "[keys[] | select(. != \"url\")] == ($keys | map(select(. != \"url\")))" "$SCRATCH/out.json" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "word counts positive" "true true true true true" \
	"$(jq -c '.words > 100' "$SCRATCH/out.json" | tr '\n' ' ' | sed 's/ $//')"

# The text form names the fields and prints the body.
"$BYLINE" show "$s1" > "$SCRATCH/out.txt"
expect_eq "show exit status" 0 $?
expect_match "text headline" '^Headline: +US, China consulted on safety' "$(cat "$SCRATCH/out.txt")"
expect_match "text date" '^Date: +2021-03-31T04:15-04:00 \(minute\)' "$(cat "$SCRATCH/out.txt")"
expect_match "text outlet" '^Outlet: +The Independent' "$(cat "$SCRATCH/out.txt")"
expect_match "text body" '^Jurczyk said the most recent exchange' "$(cat "$SCRATCH/out.txt")"

# Usage errors.
expect_status "show without files" 2 "$BYLINE" show
expect_status "unknown option" 2 "$BYLINE" show --frobnicate "$s1"
"$BYLINE" show --help > "$SCRATCH/help"
expect_match "show --help" 'Usage: byline show' "$(cat "$SCRATCH/help")"
expect_match "byline --version" '^byline [0-9]' "$("$BYLINE" --version)"
expect_status "unknown command" 2 "$BYLINE" frobnicate

finish
