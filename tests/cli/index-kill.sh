#!/bin/sh
# index-kill.sh: an indexer killed (SIGKILL) at random moments leaves an
# index that opens, and the next run ends with the same index as a run that
# was never interrupted.  SIGINT, SIGHUP and SIGTERM commit and exit 130,
# 129 and 143.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
need jq

coll=$SCRATCH/coll
gen=$top_builddir/bench/gen-corpus
if [ -x "$gen" ]; then
	"$gen" --out="$coll" --count=1500 --seed=7 --quiet || fail "gen-corpus"
else
	# No generator: vary the samples.  Each variant is a reprint of all
	# the others, and the pairs of a cluster are all verified, so 100 of
	# each (about 35,000 pairs) keep the test short.
	mkdir -p "$coll"
	i=0
	while [ $i -lt 100 ]; do
		for f in "$SAMPLES"/*.txt; do
			{ cat "$f"; printf '\nVariant %d of %s.\n' $i "$(basename "$f")"; } \
				> "$coll/v$i-$(basename "$f")"
		done
		i=$((i + 1))
	done
fi
n=$(find "$coll" -type f ! -name '.*' | wc -l)

"$BYLINE" index --quiet -C "$coll" --index="$SCRATCH/ref.db"
expect_eq "reference run" 0 $?
"$BYLINE" list --json -C "$coll" --index="$SCRATCH/ref.db" | sort > "$SCRATCH/ref.json"
expect_eq "reference has every file" "$n" "$(wc -l < "$SCRATCH/ref.json")"
"$BYLINE" reprints --json -C "$coll" --index="$SCRATCH/ref.db" > "$SCRATCH/ref.rp"

have_sqlite=no
command -v sqlite3 > /dev/null 2>&1 && have_sqlite=yes
k=0
opens=0
while [ $k -lt 20 ]; do
	delay=$(awk -v s=$k 'BEGIN { srand(s * 7919 + 1); printf "%.3f", rand() * 0.25 }')
	"$BYLINE" index --quiet -C "$coll" --index="$SCRATCH/k.db" &
	pid=$!
	sleep "$delay"
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	if [ $have_sqlite = yes ] && [ -e "$SCRATCH/k.db" ]; then
		[ "$(sqlite3 "$SCRATCH/k.db" 'PRAGMA quick_check' 2>&1)" = ok ] && opens=$((opens + 1))
	else
		opens=$((opens + 1))
	fi
	k=$((k + 1))
done
expect_eq "the index opens after every kill" 20 "$opens"

"$BYLINE" index --quiet -C "$coll" --index="$SCRATCH/k.db"
expect_eq "run after the kills" 0 $?
"$BYLINE" list --json -C "$coll" --index="$SCRATCH/k.db" | sort > "$SCRATCH/k.json"
if cmp -s "$SCRATCH/ref.json" "$SCRATCH/k.json"; then pass; else
	fail "killed index differs: $(diff "$SCRATCH/ref.json" "$SCRATCH/k.json" | head -c 600)"
fi
"$BYLINE" reprints --json -C "$coll" --index="$SCRATCH/k.db" > "$SCRATCH/k.rp"
if cmp -s "$SCRATCH/ref.rp" "$SCRATCH/k.rp"; then pass; else
	fail "killed index: reprints differ: $(diff "$SCRATCH/ref.rp" "$SCRATCH/k.rp" | head -c 600)"
fi
if [ $have_sqlite = yes ]; then
	for t in pairs versions; do
		expect_eq "same $t table" \
			"$(sqlite3 "$SCRATCH/ref.db" "SELECT * FROM $t ORDER BY 1, 2")" \
			"$(sqlite3 "$SCRATCH/k.db" "SELECT * FROM $t ORDER BY 1, 2")"
	done
fi
expect_eq "same search results" \
	"$("$BYLINE" search --json --limit=0 -C "$coll" --index="$SCRATCH/ref.db" the | jq -c '[.id, .path]')" \
	"$("$BYLINE" search --json --limit=0 -C "$coll" --index="$SCRATCH/k.db" the | jq -c '[.id, .path]')"

# SIGINT (Ctrl-C), SIGHUP (the terminal closed) and SIGTERM: what is done
# is committed, a message, status 128 + the signal's number; the next run
# ends where an uninterrupted one does.
for sig in INT:130 HUP:129 TERM:143; do
	name=${sig%:*} want=${sig#*:}
	db=$SCRATCH/$name.db
	"$BYLINE" index --quiet -C "$coll" --index="$db" 2> "$SCRATCH/err" &
	pid=$!
	sleep 0.15
	kill -"$name" $pid
	wait $pid
	st=$?
	if [ "$st" = "$want" ]; then
		pass
		expect_match "SIG$name message" "interrupted: .*'byline index' again" "$(cat "$SCRATCH/err")"
		"$BYLINE" index --quiet -C "$coll" --index="$db"
		"$BYLINE" list --json -C "$coll" --index="$db" | sort > "$SCRATCH/$name.json"
		if cmp -s "$SCRATCH/ref.json" "$SCRATCH/$name.json"; then pass; else
			fail "index interrupted by SIG$name differs"; fi
		"$BYLINE" reprints --json -C "$coll" --index="$db" > "$SCRATCH/$name.rp"
		if cmp -s "$SCRATCH/ref.rp" "$SCRATCH/$name.rp"; then pass; else
			fail "index interrupted by SIG$name: reprints differ"; fi
	else
		expect_eq "SIG$name exit status (or finished first)" 0 "$st"
	fi
done

finish
