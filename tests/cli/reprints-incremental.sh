#!/bin/sh
# reprints-incremental.sh: the candidates of a large update come from one
# pass over the band keys, those of a small one from lookups of each new
# article's keys (store-reprints.c); both must give the same verdicts and
# clusters.  A collection indexed at once is compared with the same one
# indexed a few files at a time.  (With families larger than the buckets
# store-reprints.c compares in full, only the clusters must agree.)
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
need sqlite3

all=$SCRATCH/all
gen=$top_builddir/bench/gen-corpus
if [ -x "$gen" ]; then
	"$gen" --out="$all" --count=400 --seed=11 --quiet || fail "gen-corpus"
else
	# No generator: variants of the samples (each a reprint of the
	# others of its sample).
	mkdir -p "$all"
	i=0
	while [ $i -lt 40 ]; do
		for f in "$SAMPLES"/*.txt; do
			{ cat "$f"; printf '\nVariant %d of %s.\n' $i "$(basename "$f")"; } \
				> "$all/v$i-$(basename "$f")"
		done
		i=$((i + 1))
	done
fi
ls "$all" | LC_ALL=C sort > "$SCRATCH/names"
n=$(wc -l < "$SCRATCH/names")

"$BYLINE" index --quiet -C "$all" --index="$SCRATCH/ref.db"
expect_eq "index at once" 0 $?

# Half, then a twentieth at a time: each run's new signatures are far
# fewer than an eighth of the index.
part=$SCRATCH/part
mkdir -p "$part"
step=$((n / 20 + 1))
have=$((n / 2))
head -n "$have" "$SCRATCH/names" | while read -r f; do ln "$all/$f" "$part/$f"; done
runs=0
while :; do
	"$BYLINE" index --quiet -C "$part" --index="$SCRATCH/inc.db" ||
		fail "index of $have files"
	runs=$((runs + 1))
	[ "$have" -ge "$n" ] && break
	sed -n "$((have + 1)),$((have + step))p" "$SCRATCH/names" |
		while read -r f; do ln "$all/$f" "$part/$f"; done
	have=$((have + step))
done
expect_match "several small runs" '^[0-9]+$' "$runs"

pairs () {
	sqlite3 "$1" "SELECT x.path, y.path, p.similarity, p.reprint FROM pairs p
		JOIN articles x ON x.id = p.a JOIN articles y ON y.id = p.b
		ORDER BY 1, 2"
}
clusters () {
	sqlite3 "$1" "SELECT a.path, o.path FROM articles a
		JOIN articles o ON o.id = a.cluster ORDER BY 1"
}
versions () {
	sqlite3 "$1" "SELECT a.path, o.path, v.rank, v.similarity, v.added,
		v.removed, v.changed FROM versions v JOIN articles a ON a.id = v.id
		JOIN articles o ON o.id = v.original ORDER BY 1"
}
ref=$(pairs "$SCRATCH/ref.db")
expect_match "pairs were verified" '\|1$' "$ref"
inc=$(pairs "$SCRATCH/inc.db")
if [ -x "$gen" ]; then
	# Families of at most 8: every bucket is small, both ways judge the
	# same pairs.
	expect_eq "same verdicts" "$ref" "$inc"
else
	# Families of 80 (the variants of 000 and 001): their buckets are
	# large, windowed in one pass and capped per new article in the
	# other, so the pairs judged differ; a pair judged both ways gets the
	# same verdict, and the clusters below must not differ.
	both=$(printf '%s\n' "$ref" | cut -d'|' -f1,2 | LC_ALL=C sort > "$SCRATCH/r.k"
		printf '%s\n' "$inc" | cut -d'|' -f1,2 | LC_ALL=C sort > "$SCRATCH/i.k"
		LC_ALL=C comm -12 "$SCRATCH/r.k" "$SCRATCH/i.k" | wc -l)
	expect_match "pairs judged both ways" '^[1-9][0-9]*$' "$both"
	expect_eq "same verdicts where both judged" "" \
		"$( { printf '%s\n' "$ref"; printf '%s\n' "$inc"; } | LC_ALL=C sort -u |
			cut -d'|' -f1,2 | LC_ALL=C uniq -d)"
fi
expect_eq "same clusters" "$(clusters "$SCRATCH/ref.db")" \
	"$(clusters "$SCRATCH/inc.db")"
expect_eq "same versions" "$(versions "$SCRATCH/ref.db")" \
	"$(versions "$SCRATCH/inc.db")"
finish
