#!/bin/sh
# readme.sh: the capture in README.md (the block after "<!-- capture -->")
# is what byline prints today: each "$ COMMAND" line is run with the
# program found as `byline` (COLUMNS=100, in a directory holding a copy of
# sample-articles) and its output must be the lines that follow it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"

readme=$top_srcdir/README.md
[ -f "$readme" ] || { echo "SKIP: no README.md"; exit 77; }
mkdir -p "$SCRATCH/bin" "$SCRATCH/run"
ln -s "$BYLINE" "$SCRATCH/bin/byline"
cp -R "$SAMPLES" "$SCRATCH/run/sample-articles"
chmod -R u+w "$SCRATCH/run"

# The block: from the first ``` after the marker to the next ```.
awk '/<!-- capture -->/ { on = 1; next }
	on == 1 && /^```/ { on = 2; next }
	on == 2 && /^```/ { exit }
	on == 2 { print }' "$readme" > "$SCRATCH/block"
[ -s "$SCRATCH/block" ] || { fail "no capture block in README.md"; finish; }

# Split it: cmd.N holds command N, want.N what follows it (blank lines at
# its end dropped).
awk -v d="$SCRATCH" '
	/^\$ / { n++; print substr($0, 3) > (d "/cmd." n); close(d "/cmd." n)
		 printf "" > (d "/want." n); next }
	n { print >> (d "/want." n) }
	END { print n > (d "/count") }' "$SCRATCH/block"
n=$(cat "$SCRATCH/count")
[ "$n" -ge 4 ] && pass || fail "only $n commands in the capture"
i=1
while [ "$i" -le "$n" ]; do
	cmd=$(cat "$SCRATCH/cmd.$i")
	want=$(sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$SCRATCH/want.$i")
	got=$(cd "$SCRATCH/run" && PATH=$SCRATCH/bin:$PATH COLUMNS=100 sh -c "$cmd" 2>&1)
	expect_eq "README: \$ $cmd" "$want" "$got"
	i=$((i + 1))
done
finish
