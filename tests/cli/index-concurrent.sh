#!/bin/sh
# index-concurrent.sh: `byline list` run in a loop while the indexer writes
# never fails and always sees a whole index.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"

coll=$SCRATCH/coll
mkdir -p "$coll"
i=0
while [ $i -lt 150 ]; do
	for f in "$SAMPLES"/*.txt; do
		{ cat "$f"; printf '\nCopy %d.\n' $i; } > "$coll/c$i-$(basename "$f")"
	done
	i=$((i + 1))
done
n=$(ls "$coll" | wc -l)
idx=$SCRATCH/index.db

# While the first run builds it: list waits for it, then lists everything.
"$BYLINE" index --quiet -C "$coll" --index="$idx" &
pid=$!
bad=0
runs=0
while kill -0 $pid 2>/dev/null; do
	"$BYLINE" list -C "$coll" --index="$idx" > "$SCRATCH/out1" 2>&1
	got=$(wc -l < "$SCRATCH/out1")
	[ "$got" = "$n" ] || { bad=$((bad + 1)); echo "got $got of $n:"; grep -v '^[0-9-]' "$SCRATCH/out1" | head -5; }
	runs=$((runs + 1))
done
wait $pid
expect_eq "first run" 0 $?
expect_eq "lists during the first run" 0 "$bad"

# Every file changed: the second run updates in batches while list reads.
for f in "$coll"/*; do printf 'One more line.\n' >> "$f"; done
"$BYLINE" index --quiet -C "$coll" --index="$idx" &
pid=$!
bad=0
while kill -0 $pid 2>/dev/null; do
	got=$("$BYLINE" list -C "$coll" --index="$idx" 2> "$SCRATCH/err" | wc -l)
	[ "$got" = "$n" ] && [ ! -s "$SCRATCH/err" ] || bad=$((bad + 1))
	runs=$((runs + 1))
done
wait $pid
expect_eq "second run" 0 $?
expect_eq "lists during the second run" 0 "$bad"
expect_match "list ran" '^[1-9]' "$runs"

finish
