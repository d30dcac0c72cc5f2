#!/bin/sh
# reprints-samples.sh: `byline reprints` on the samples finds exactly one
# story in two versions, 000 and 001 (001 the original: earlier, from AP),
# and list and search show it; its figures are byline diff's of the original
# against the version; a reprint copied into the collection joins the
# cluster, and leaves it when deleted.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
need jq

coll=$SCRATCH/coll
mkdir -p "$coll"
cp "$SAMPLES"/*.txt "$coll"/

# Text: one block, the original first, aligned columns.
"$BYLINE" reprints -C "$coll" > "$SCRATCH/text" 2> "$SCRATCH/err"
expect_eq "exit status" 0 $?
expect_eq "nothing on stderr" "" "$(cat "$SCRATCH/err")"
expect_eq "two lines" 2 "$(wc -l < "$SCRATCH/text")"
expect_match "original first" '^2021-03-31  The Independent +original +US, China consulted' "$(head -n 1 "$SCRATCH/text")"
expect_match "then 000" '^2021-04 +AP +[0-9]+% \+[0-9]+ -[0-9]+  As their respective spacecraft' "$(tail -n 1 "$SCRATCH/text")"
expect_eq "headline column aligned" 1 \
	"$(awk '{ print index($0, " US, China") + index($0, " As their") }' "$SCRATCH/text" | sort -u | wc -l)"

# JSON: one cluster, 001 then 000.
"$BYLINE" reprints --json -C "$coll" > "$SCRATCH/json"
expect_eq "one cluster" 1 "$(wc -l < "$SCRATCH/json")"
expect_eq "members" "001 000" "$(jq -r '.members[].path' "$SCRATCH/json" | cut -c1-3 | tr '\n' ' ' | sed 's/ $//')"
expect_eq "original" "001_ba268a7cdc32d459.txt" "$(jq -r .original "$SCRATCH/json")"
expect_eq "cluster is the original's id" true \
	"$(jq '.cluster == .members[0].id' "$SCRATCH/json")"
expect_eq "original: similarity 1, nothing added" "1 0 0" \
	"$(jq -r '.members[0] | "\(.similarity) \(.added) \(.removed)"' "$SCRATCH/json")"
expect_eq "000 similar but edited" true \
	"$(jq '.members[1] | .similarity > 0.5 and .similarity < 1 and .added > 0 and .removed > 0' "$SCRATCH/json")"
expect_eq "member keys" '["added","agency","changed","date","headline","id","outlet","path","removed","similarity"]' \
	"$(jq -c '.members[0] | keys' "$SCRATCH/json")"

# The figures are byline diff's, original first: a version's "added" are
# the words it has and its original lacks ('byline diff ORIGINAL VERSION'),
# in the JSON, in the text and by file or by id.
# agree COLL: every version of every cluster of COLL against byline diff.
agree () {
	"$BYLINE" reprints --json -C "$1" > "$SCRATCH/agree.json"
	"$BYLINE" reprints -C "$1" | grep -v -e '^$' -e ' original ' \
		> "$SCRATCH/agree.text"
	jq -r '.original as $o | .cluster as $c | .members[1:][]
		| "\($o) \($c) \(.path) \(.id) \(.added) \(.removed) \(.changed) \(.similarity)"' \
		"$SCRATCH/agree.json" > "$SCRATCH/agree.rows"
	expect_eq "agree: a text line per version" \
		"$(wc -l < "$SCRATCH/agree.rows")" "$(wc -l < "$SCRATCH/agree.text")"
	n=0
	while read -r o oid m mid add rem chg sim; do
		n=$((n + 1))
		want="$add $rem $chg $sim"
		expect_eq "agree: $m against $o: diff --json of the files" "$want" \
			"$("$BYLINE" diff --json "$1/$o" "$1/$m" | jq -r '.summary | "\(.words_added) \(.words_removed) \(.words_changed) \(.similarity)"')"
		expect_eq "agree: $m against $o: diff --json of the ids" "$want" \
			"$("$BYLINE" diff --json -C "$1" "$oid" "$mid" | jq -r '.summary | "\(.words_added) \(.words_removed) \(.words_changed) \(.similarity)"')"
		stat=$("$BYLINE" diff --stat "$1/$o" "$1/$m")
		expect_eq "agree: $m against $o: text and diff --stat" \
			"$(printf '%s\n' "$stat" | sed -n 's/^similarity: *//p') +$(printf '%s\n' "$stat" | sed -n 's/^words added: *//p') -$(printf '%s\n' "$stat" | sed -n 's/^words removed: *//p')" \
			"$(sed -n "${n}p" "$SCRATCH/agree.text" | sed 's/^.* \([0-9]*%\) \(+[0-9]*\) \(-[0-9]*\)  .*$/\1 \2 \3/')"
	done < "$SCRATCH/agree.rows"
	expect_eq "agree: versions compared in $1" "$2" "$n"
}
agree "$coll" 1

# --min-similarity filters the versions.
expect_eq "--min-similarity=0.99" "" "$("$BYLINE" reprints --min-similarity=0.99 -C "$coll")"
expect_eq "--min-similarity=0.5" 2 "$("$BYLINE" reprints --min-similarity=0.5 -C "$coll" | wc -l)"
expect_status "bad --min-similarity" 2 "$BYLINE" reprints --min-similarity=2 -C "$coll"
expect_status "an argument" 2 "$BYLINE" reprints -C "$coll" extra

# list and search fill "cluster".
"$BYLINE" list --json -C "$coll" > "$SCRATCH/list"
cl=$(jq -r .cluster "$SCRATCH/json")
expect_eq "list: cluster of 000 and 001" "$cl $cl" \
	"$(jq -r 'select(.path < "002") | .cluster' "$SCRATCH/list" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "list: others null" "null null null" \
	"$(jq -r 'select(.path >= "002") | .cluster' "$SCRATCH/list" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "search: cluster" "$cl $cl" \
	"$("$BYLINE" search --json -C "$coll" Jurczyk | jq -r .cluster | tr '\n' ' ' | sed 's/ $//')"
expect_match "search text: ×2" '  ×2  US, China' "$("$BYLINE" search -C "$coll" Jurczyk)"

# A reprint copied in joins; deleting it leaves the cluster as it was.
{ sed 's/Jurczyk said/Jurczyk told reporters/' "$SAMPLES/001_ba268a7cdc32d459.txt"; } > "$coll/005_copy.txt"
"$BYLINE" index --quiet -C "$coll" > /dev/null
expect_eq "copy joins (by date after the original)" "001 005 000" \
	"$("$BYLINE" reprints --json -C "$coll" | jq -r '.members[].path' | cut -c1-3 | tr '\n' ' ' | sed 's/ $//')"
expect_match "list: ×3" '×3' "$("$BYLINE" list -C "$coll")"
rm "$coll/005_copy.txt"
"$BYLINE" index --quiet -C "$coll" > /dev/null
"$BYLINE" reprints --json -C "$coll" > "$SCRATCH/json2"
if cmp -s "$SCRATCH/json" "$SCRATCH/json2"; then pass; else
	fail "after deleting the copy: $(cat "$SCRATCH/json2")"; fi

# Deleting the original: the story is in one version only.
mv "$coll/001_ba268a7cdc32d459.txt" "$SCRATCH/"
"$BYLINE" index --quiet -C "$coll" > /dev/null
expect_eq "no cluster without 001" "" "$("$BYLINE" reprints -C "$coll")"
expect_eq "list: all null" "null null null null" \
	"$("$BYLINE" list --json -C "$coll" | jq -r .cluster | tr '\n' ' ' | sed 's/ $//')"
mv "$SCRATCH/001_ba268a7cdc32d459.txt" "$coll/"

# A similarity of exactly 62.5% is rounded as diff --stat rounds it.
half=$SCRATCH/half
mkdir -p "$half"
lede='The old harbour bridge reopened to traffic on Monday after eight months of repairs that replaced its deck, its lights and most of the steel'
printf 'Harbour bridge reopens after repairs\n\nMarch 1, 2021\n\n%s\n' \
	"$lede cables holding the central span above the water, the city engineer said at a short ceremony." \
	> "$half/a.txt"
printf 'Harbour bridge reopens after repairs\n\nMarch 2, 2021\n\n%s\n' \
	"$lede officials told a crowd of commuters cyclists and local shop owners gathered nearby while a brass band played two old." \
	> "$half/b.txt"
expect_eq "half: similarity 0.625" 0.625 \
	"$("$BYLINE" diff --json "$half/a.txt" "$half/b.txt" | jq .summary.similarity)"
agree "$half" 1

# Config: a bad line is a warning with its number; changed settings apply
# at the next index run (here: nothing is similar enough).
mkdir -p "$XDG_CONFIG_HOME/byline"
printf 'set mouse off\nreprints.bands = lots\nreprints.min_similarity = 0.95\n' > "$XDG_CONFIG_HOME/byline/config"
out=$("$BYLINE" index -C "$coll" 2>&1 >/dev/null)
expect_match "config warning" 'config:2: bands: .lots. is not a number' "$out"
expect_no_match "only the bad line" 'config:(1|3)' "$out"
expect_eq "stricter: no cluster" "" "$("$BYLINE" reprints -C "$coll")"
rm "$XDG_CONFIG_HOME/byline/config"
"$BYLINE" index --quiet -C "$coll" > /dev/null
"$BYLINE" reprints --json -C "$coll" > "$SCRATCH/json3"
expect_eq "defaults again" "001 000" "$(jq -r '.members[].path' "$SCRATCH/json3" | cut -c1-3 | tr '\n' ' ' | sed 's/ $//')"

# reprints.enabled = false: no signatures, no clusters; a bad value is a
# warning (and leaves it on); on again, every article is signed again.
printf 'reprints.enabled = false\n' > "$XDG_CONFIG_HOME/byline/config"
expect_eq "off: index quietly" "" "$("$BYLINE" index --quiet -C "$coll" 2>&1)"
expect_eq "off: no cluster" "" "$("$BYLINE" reprints -C "$coll")"
expect_eq "off: list: all null" "null null null null null" \
	"$("$BYLINE" list --json -C "$coll" | jq -r .cluster | tr '\n' ' ' | sed 's/ $//')"
idx=$(ls "$XDG_DATA_HOME"/byline/coll-*.db)
if command -v sqlite3 > /dev/null 2>&1; then
	expect_eq "off: no signatures" 0 "$(sqlite3 "$idx" 'SELECT count(*) FROM sigs')"
fi
printf 'A new story about the harbour bridge, told in more than twenty words so that it could be a reprint of something, which it is not.\n' > "$coll/006_new.txt"
"$BYLINE" index --quiet -C "$coll" > /dev/null
expect_eq "off: a new article, still no cluster" "" "$("$BYLINE" reprints -C "$coll")"
rm "$coll/006_new.txt"
printf 'reprints.enabled = maybe\n' > "$XDG_CONFIG_HOME/byline/config"
out=$("$BYLINE" index -C "$coll" 2>&1 >/dev/null)
expect_match "bad enabled: warning" "config:1: enabled: 'maybe' is not true or false" "$out"
expect_eq "bad enabled: on" "001 000" "$("$BYLINE" reprints --json -C "$coll" | jq -r '.members[].path' | cut -c1-3 | tr '\n' ' ' | sed 's/ $//')"
printf 'reprints.enabled = off\n' > "$XDG_CONFIG_HOME/byline/config"
"$BYLINE" index --quiet -C "$coll" > /dev/null
expect_eq "off again" "" "$("$BYLINE" reprints -C "$coll")"
printf 'reprints.enabled = yes\n' > "$XDG_CONFIG_HOME/byline/config"
"$BYLINE" index --quiet -C "$coll" > /dev/null
"$BYLINE" reprints --json -C "$coll" > "$SCRATCH/json4"
if cmp -s "$SCRATCH/json3" "$SCRATCH/json4"; then pass; else
	fail "on again: $(cat "$SCRATCH/json4")"; fi
rm "$XDG_CONFIG_HOME/byline/config"

finish
