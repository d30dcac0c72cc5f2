#!/bin/sh
# reprints-templated.sh: templated articles (one sentence pattern, other
# numbers: market reports, weather, results) fall into the same LSH
# buckets by the thousand.  Comparing every pair of such a bucket made
# 4,000 of them take minutes; store-reprints.c compares each with a window
# of its bucket (and at most STORE_RP_CANDIDATES_MAX candidates per article
# added later), and the clustering samples the support of large merges.
# The pairs judged must stay linear in the number of articles, and the
# articles still group.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
need sqlite3

c=$SCRATCH/coll
mkdir -p "$c"
# templated N NAME FIRST: N articles NAME0000.txt... numbered from FIRST.
templated () {
	awk -v dir="$c" -v n="$1" -v name="$2" -v first="$3" 'BEGIN {
		for (i = 0; i < n; i++) {
			f = sprintf("%s/%s%04d.txt", dir, name, i)
			printf "Harbour report %s number %d from the quay\n\nMarch 5, 2025\n\n", name, i > f
			for (p = 0; p < 4; p++)
				printf "Boats %d and %d came in at tide %d with cargo %d, the harbour master said on day %d.\n\n", first + i, p, i * 7 + p, i * 13 + p, i % 365 > f
			close(f)
		}
	}'
}
templated 1500 a 0
"$BYLINE" index --quiet -C "$c" --index="$SCRATCH/i.db"
expect_eq "index" 0 $?
pairs=$(sqlite3 "$SCRATCH/i.db" "SELECT count(*) FROM pairs")
# All pairs would be 1,124,250; a window of 16 in each band's bucket gives
# about 30 an article.
if [ "$pairs" -gt 0 ] && [ "$pairs" -le $((1500 * 60)) ]; then pass; else
	fail "pairs judged for 1,500 templated articles: $pairs (all pairs: 1124250)"; fi
clustered=$(sqlite3 "$SCRATCH/i.db" "SELECT count(*) FROM articles WHERE cluster IS NOT NULL")
if [ "$clustered" -ge 1000 ]; then pass; else
	fail "templated articles clustered: $clustered of 1500"; fi

# 50 more, added to the index: each compared with at most 64 of them.
templated 50 b 5000
"$BYLINE" index --quiet -C "$c" --index="$SCRATCH/i.db"
expect_eq "update" 0 $?
more=$(sqlite3 "$SCRATCH/i.db" "SELECT count(*) FROM pairs")
if [ $((more - pairs)) -le $((50 * 64)) ]; then pass; else
	fail "pairs judged for 50 templated articles added: $((more - pairs)) (at most 3200)"; fi
"$BYLINE" reprints --json -C "$c" --index="$SCRATCH/i.db" > "$SCRATCH/rp" 2> "$SCRATCH/err"
expect_eq "reprints: status, messages" "0 " "$? $(cat "$SCRATCH/err")"
expect_match "reprints lists clusters" '"cluster"' "$(head -c 300 "$SCRATCH/rp")"
finish
