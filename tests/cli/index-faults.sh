#!/bin/sh
# index-faults.sh: a truncated, empty or garbage index file, a read-only
# index directory and a full disk (a file size limit, ulimit -f) give one
# clear line naming the file and a non-zero status; no -wal, -shm or
# -journal file and no half-written index is left behind, a damaged index
# is not touched without --rebuild, and the collection never is.  An index
# in a read-only directory cannot be updated but is still read.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"

c=$SCRATCH/coll
d=$SCRATCH/idx
mkdir -p "$c" "$d"
cp "$SAMPLES"/*.txt "$c/"
coll_sum () { (cd "$c" && ls -l --time-style=+%s . && cksum *); }
coll_sum > "$SCRATCH/coll.before"
sum () { cksum < "$1"; }

# no_leftovers WHAT FILE: nothing but FILE (if any) and its lock.
no_leftovers () {
	left=$(ls -a "$(dirname "$2")" | grep -F "$(basename "$2")" | grep -Ev "^$(basename "$2")(\\.lock)?\$")
	expect_eq "$1: nothing left beside the index" "" "$left"
}

# one_line WHAT ERRFILE PATTERN: stderr is one line matching PATTERN.
one_line () {
	expect_eq "$1: one line on stderr" 1 "$(wc -l < "$2")"
	expect_match "$1: the message" "$3" "$(cat "$2")"
}

"$BYLINE" index -q -C "$c" --index="$d/good.db" || fail "reference index"
size=$(wc -c < "$d/good.db")

# ---- damaged index files: refused with the --rebuild advice ----
damaged='^byline: .*/bad\.db: not a byline index, or damaged; .byline index --rebuild. rebuilds it$'
check_damaged () { # check_damaged WHAT: $d/bad.db holds the damage
	before=$(sum "$d/bad.db")
	for cmd in "index" "list" "search mars" "reprints"; do
		# shellcheck disable=SC2086
		"$BYLINE" $cmd -C "$c" --index="$d/bad.db" > "$SCRATCH/out" 2> "$SCRATCH/err"
		expect_eq "$1, $cmd: status 2" 2 $?
		one_line "$1, $cmd" "$SCRATCH/err" "$damaged"
		expect_eq "$1, $cmd: no output" "" "$(cat "$SCRATCH/out")"
	done
	expect_eq "$1: the file is not touched" "$before" "$(sum "$d/bad.db")"
	no_leftovers "$1" "$d/bad.db"
	"$BYLINE" index -q --rebuild -C "$c" --index="$d/bad.db"
	expect_eq "$1: --rebuild repairs it" 0 $?
	expect_eq "$1: then lists every article" 5 "$("$BYLINE" list -C "$c" --index="$d/bad.db" | wc -l)"
	no_leftovers "$1, rebuilt" "$d/bad.db"
	rm -f "$d/bad.db" "$d/bad.db.lock"
}
for cut in 100 4096 8192 $((size / 2)) $((size - 4096)); do
	head -c $cut "$d/good.db" > "$d/bad.db"
	check_damaged "truncated to $cut bytes"
done
awk 'BEGIN { srand(7); for (i = 0; i < 20000; i++) printf "%c", int(rand() * 256) }' > "$d/bad.db"
check_damaged "garbage"
printf 'SQLite format 3\000and then garbage, not a database at all' > "$d/bad.db"
check_damaged "SQLite header, garbage after"
cp "$SAMPLES/000_a9864a11cced52c0.txt" "$d/bad.db"
check_damaged "a text file"

# A zero-length file is an empty database: the index is built in it.
: > "$d/zero.db"
"$BYLINE" list -C "$c" --index="$d/zero.db" > "$SCRATCH/out" 2> "$SCRATCH/err"
expect_eq "zero-length: list builds the index" "0 5" "$? $(wc -l < "$SCRATCH/out")"
no_leftovers "zero-length" "$d/zero.db"

# ---- a read-only index directory ----
# Root writes anyway: as root this part runs byline as nobody.
RUN=
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv > /dev/null 2>&1; then
		mkdir -p "$SCRATCH/pub"
		cp "$BYLINE" "$SCRATCH/pub/byline"
		cp -R "${BYLINE_DATADIR:-$top_srcdir/data}" "$SCRATCH/pub/data"
		chmod -R a+rX "$SCRATCH/pub" "$c"
		chmod 755 "$SCRATCH"
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- \
			"$SCRATCH/pub/byline" --version > /dev/null 2>&1 &&
			RUN="setpriv --reuid=nobody --regid=nogroup --clear-groups --"
	fi
	[ -n "$RUN" ] || echo "note: cannot run as nobody; read-only directory cases skipped"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$RUN" ]; then
	ro=$SCRATCH/ro
	mkdir -p "$ro"
	cp "$d/good.db" "$ro/good.db"
	[ -n "$RUN" ] && chown -R nobody "$ro" "$HOME" "$XDG_CONFIG_HOME"
	chmod 555 "$ro"
	if [ -n "$RUN" ]; then
		by () { (BYLINE_DATADIR=$SCRATCH/pub/data; export BYLINE_DATADIR
			$RUN "$SCRATCH/pub/byline" "$@"); }
	else
		by () { "$BYLINE" "$@"; }
	fi
	by index -C "$c" --index="$ro/new.db" > "$SCRATCH/out" 2> "$SCRATCH/err"
	expect_eq "read-only directory, new index: status 2" 2 $?
	one_line "read-only directory, new index" "$SCRATCH/err" \
		"^byline: cannot create '.*/ro/new\\.db\\.lock': Permission denied\$"
	expect_eq "read-only directory: nothing created" "good.db" "$(ls -a "$ro" | grep -v '^\.\.\?$')"
	before=$(sum "$ro/good.db")
	by index -C "$c" --index="$ro/good.db" > "$SCRATCH/out" 2> "$SCRATCH/err"
	expect_eq "read-only directory, update: status 2" 2 $?
	one_line "read-only directory, update" "$SCRATCH/err" "^byline: .*ro/good\\.db"
	# Reading needs no write: list and search work on the index as it is
	# (opened read-only, immutable when SQLite cannot share a WAL index).
	by list -C "$c" --index="$ro/good.db" > "$SCRATCH/out" 2> "$SCRATCH/err"
	expect_eq "read-only directory, list: status, lines, messages" "0 5 " \
		"$? $(wc -l < "$SCRATCH/out") $(cat "$SCRATCH/err")"
	by search --color=never -C "$c" --index="$ro/good.db" spacecraft > "$SCRATCH/out" 2> "$SCRATCH/err"
	expect_eq "read-only directory, search: status, messages" "0 " "$? $(cat "$SCRATCH/err")"
	expect_match "read-only directory, search finds" "Mars" "$(cat "$SCRATCH/out")"
	expect_eq "read-only directory: the index is not touched" "$before" "$(sum "$ro/good.db")"
	expect_eq "read-only directory: nothing left" "good.db" "$(ls -a "$ro" | grep -v '^\.\.\?$')"
	chmod 755 "$ro"
fi

# ---- a full disk: a file size limit (a small tmpfs needs root and mount) ----
# byline ignores SIGXFSZ, so the write fails with EFBIG and is reported.
(ulimit -f 64 && exec "$BYLINE" index -C "$c" --index="$d/full.db") > "$SCRATCH/out" 2> "$SCRATCH/err"
st=$?
expect_eq "full disk, new index: status 2 (not killed by SIGXFSZ)" 2 $st
one_line "full disk, new index" "$SCRATCH/err" '^byline: .*/full\.db: '
expect_match "full disk, new index: says why" "File too large" "$(cat "$SCRATCH/err")"
no_leftovers "full disk, new index" "$d/full.db"
"$BYLINE" list -C "$c" --index="$d/full.db" > "$SCRATCH/out" 2> "$SCRATCH/err"
expect_eq "full disk: the next run builds the index" "0 5" "$? $(wc -l < "$SCRATCH/out")"
# An update that does not fit: the index keeps what it had.
cp "$d/good.db" "$d/upd.db"
mkdir -p "$c/more"
i=0
while [ $i -lt 40 ]; do
	{ cat "$SAMPLES/001_ba268a7cdc32d459.txt"; printf '\nCopy %d, with its own words: %d.\n' $i $((i * 7919)); } > "$c/more/c$i.txt"
	i=$((i + 1))
done
lim=$((($(wc -c < "$d/upd.db") + 8192) / 512))
(ulimit -f $lim && exec "$BYLINE" index -C "$c" --index="$d/upd.db") > "$SCRATCH/out" 2> "$SCRATCH/err"
expect_eq "full disk, update: status 2" 2 $?
one_line "full disk, update" "$SCRATCH/err" '^byline: .*/upd\.db: '
expect_match "full disk, update: says why" "File too large" "$(cat "$SCRATCH/err")"
no_leftovers "full disk, update" "$d/upd.db"
n=$("$BYLINE" list -C "$c" --index="$d/upd.db" 2>/dev/null | wc -l)
if [ "$n" -ge 5 ] && [ "$n" -le 45 ]; then pass; else
	fail "full disk, update: the index does not open ($n articles)"; fi
"$BYLINE" index -q -C "$c" --index="$d/upd.db"
expect_eq "full disk, update: the next run finishes" "0 45" \
	"$? $("$BYLINE" list -C "$c" --index="$d/upd.db" | wc -l)"
rm -r "$c/more"

coll_sum > "$SCRATCH/coll.after"
if cmp -s "$SCRATCH/coll.before" "$SCRATCH/coll.after"; then pass; else
	fail "the collection changed"; fi

finish
