#!/bin/sh
# bench/run.sh: the benchmark driver behind 'make bench'.
#
# Usage: run.sh [STAGE]...     (no stage: every stage, in order)
#
# Stages, each a function stage_NAME below printing "NAME: ..." lines:
#   extract   bench-extract over the collection (MB/s, articles/s, RSS)
#   index     byline index: full, nothing changed, 1% changed (wall, CPU,
#             articles/s, peak RSS, index size; the reprint candidates and
#             verdicts of the full and 1% runs); beside reading every file
#             and, when installed, notmuch new on the same articles
#   search    byline search latency (rare word, common word, phrase), whole
#             process and in-process, beside grep -rli (and notmuch search)
#   reader    the reader in tmux: start to the first complete screen, key
#             press to redrawn screen (list and article), peak RSS; beside
#             the tmux round trip on cat
#   reprints  byline reprints --json against the generator's truth (pair
#             precision and recall), and the indexing time and peak RSS
#             reprint detection adds (reprints.enabled = false against on)
#   diff      byline diff per reprint pair of the truth (mean, p50, p99),
#             beside dwdiff and git diff --no-index --word-diff
#             (the last two stages are in bench/reprints.sh, with their
#             own variables: BENCH_REPRINTS_RUNS, BENCH_DIFF_PAIRS and
#             BENCH_DIFF_RUNS)
# To add one: write stage_NAME and add NAME to STAGES.
#
# Environment (make sets the first two):
#   top_builddir  build tree with bench/gen-corpus and bench/bench-extract
#   top_srcdir    source tree (for data/outlets.txt)
#   BENCH_COUNT   articles in the collection (default 10000)
#   BENCH_SEED    generator seed (default 1)
#   BENCH_DATA    where collections go (default $top_builddir/bench-data);
#                 a collection is generated once per seed and count, then
#                 reused.  Never the source tree.
#   BENCH_RUNS    whole-process runs per search query (default 30)
#   BENCH_GREP_RUNS  grep -rli runs per query (default 10)
#   BENCH_NOTMUCH auto (default): notmuch new when notmuch is installed and
#                 BENCH_COUNT <= 20000 (it indexes about 100 messages/s
#                 here: 100,000 would take 15-25 minutes); yes: at any
#                 count; no: never
#   BENCH_READER_RUNS  reader starts timed (default 10)
#   BENCH_KEY_RUNS     key presses timed per series (default 50)
#   BENCH_RARE, BENCH_COMMON, BENCH_PHRASE: the search queries (defaults
#                 honours, government, "health ministry": in about 0.1%,
#                 30% and 2% of the articles' texts)
# The index and search stages work on a hard-linked copy of the collection
# ($BENCH_DATA/work-sSEED-nCOUNT/coll, files changed there are replaced, not
# written through) with a private index, HOME and XDG directories, so they
# never touch the user's index or configuration.
# Each stage's output is also kept in $BENCH_DATA/last-STAGE.txt.

set -eu

STAGES="extract index search reader reprints diff"

: "${top_builddir:=$(pwd)}"
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${BENCH_COUNT:=10000}"
: "${BENCH_SEED:=1}"
: "${BENCH_DATA:=$top_builddir/bench-data}"
: "${BENCH_RUNS:=30}"
: "${BENCH_GREP_RUNS:=10}"
: "${BENCH_NOTMUCH:=auto}"
: "${BENCH_READER_RUNS:=10}"
: "${BENCH_KEY_RUNS:=50}"
: "${BENCH_RARE:=honours}"
: "${BENCH_COMMON:=government}"
: "${BENCH_PHRASE:=\"health ministry\"}"
BYLINE_DATADIR=${BYLINE_DATADIR:-$top_srcdir/data}
export BYLINE_DATADIR LC_ALL=C.UTF-8 TZ=UTC

die () { printf 'bench: %s\n' "$*" >&2; exit 1; }

# The collection for this seed and count: DIR, DIR.truth and DIR.meta.
CORPUS=$BENCH_DATA/corpus-s$BENCH_SEED-n$BENCH_COUNT

corpus () {
	if [ -f "$CORPUS.done" ]; then
		return 0
	fi
	gen=$top_builddir/bench/gen-corpus
	[ -x "$gen" ] || die "$gen not built (run 'make bench')"
	rm -rf "$CORPUS" "$CORPUS.truth" "$CORPUS.meta"
	mkdir -p "$BENCH_DATA"
	"$gen" --seed="$BENCH_SEED" --count="$BENCH_COUNT" --out="$CORPUS" \
		--truth="$CORPUS.truth" --meta="$CORPUS.meta" ||
		die "gen-corpus failed"
	: > "$CORPUS.done"
}

stage_extract () {
	prog=$top_builddir/bench/bench-extract
	[ -x "$prog" ] || die "$prog not built (run 'make bench')"
	"$prog" "$CORPUS"
}

# ---- index and search ----------------------------------------------------

WORK=$BENCH_DATA/work-s$BENCH_SEED-n$BENCH_COUNT
COLL=$WORK/coll
INDEX=$WORK/index.db
MAIL=$WORK/mail
BYLINE=$top_builddir/byline
RSS=$top_builddir/bench/bench-rss
SEARCH=$top_builddir/bench/bench-search

# A private HOME, XDG directories and notmuch configuration: the benchmark
# never reads or writes the user's index, rules or mail database.
private_env () {
	mkdir -p "$WORK/home" "$WORK/xdg-data" "$WORK/xdg-config"
	HOME=$WORK/home
	XDG_DATA_HOME=$WORK/xdg-data
	XDG_CONFIG_HOME=$WORK/xdg-config
	NOTMUCH_CONFIG=$WORK/notmuch-config
	export HOME XDG_DATA_HOME XDG_CONFIG_HOME NOTMUCH_CONFIG
	unset BYLINE_INDEX BYLINE_COLLECTION NOTMUCH_PROFILE NOTMUCH_DATABASE \
		MAILDIR || :
}

# kv KEY LINE: the value of KEY in a "key=value ..." line.
kv () { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# calc FORMAT EXPR: awk arithmetic on numbers from our own output.
calc () { awk "BEGIN { printf \"$1\", $2 }"; }

# ms SECONDS: in milliseconds.
ms () { calc '%.2f' "$1 * 1000"; }

# mb BYTES (1e6) and mib KIB (RSS, as bench-extract prints it).
mb () { calc '%.1f' "$1 / 1e6"; }
mib () { calc '%.0f' "$1 / 1024"; }

# verdict VALUE LIMIT UNIT: "met", or by how much it was missed.
verdict () {
	awk -v v="$1" -v l="$2" -v u="$3" 'BEGIN {
		if (v + 0 <= l + 0) print "met"
		else printf "MISSED by %.2f %s (%.2fx the target)\n", v - l, u, v / l
	}'
}

# rss [bench-rss options] -- COMMAND...: sets R to bench-rss's key=value
# line; dies when the command fails.  (Not meant for $(...): the stages run
# in an 'if', where set -e does not apply, so failures must exit here.)
rss () {
	[ -x "$RSS" ] || die "$RSS not built (run 'make bench')"
	R=$("$RSS" "$@") || die "bench-rss failed: $*"
	[ "$(kv status "$R")" = 0 ] ||
		die "failed (exit status $(kv status "$R")): $*"
}

# total_bytes DIR: the size of the regular files under DIR.
total_bytes () {
	find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d\n", s }'
}

# bytes_of FILE...: total size of those of the files that exist.
bytes_of () {
	for f; do
		if [ -f "$f" ]; then stat -c %s "$f"; fi
	done | awk '{ s += $1 } END { printf "%d\n", s }'
}

# The collection the index and search stages use: a hard-linked copy of
# CORPUS (no bytes copied; a file changed there is replaced by a new one,
# so CORPUS stays as generated), and no index yet.
work_copy () {
	rm -rf "$COLL" "$INDEX" "$INDEX-wal" "$INDEX-shm" "$INDEX.lock" \
		"$WORK/index.ok"
	mkdir -p "$WORK"
	cp -al "$CORPUS" "$COLL" || die "cannot copy $CORPUS"
}

byline_index () { "$BYLINE" index -C "$COLL" --index="$INDEX" "$@"; }

# Articles in the index (byline list, one JSON object per line).
index_articles () { "$BYLINE" list --json -C "$COLL" --index="$INDEX" | wc -l; }

# The summary 'byline index' printed to FILE: "N articles (A added, ...)".
index_summary () {
	sed -n 's/^.*: \([0-9][0-9]* articles.*\)$/\1/p' "$1" | tail -n 1
}

# What the last reprint update of the index did (meta reprints_last:
# candidate pairs, pairs judged, of which compared on the texts, clusters,
# versions diffed, and the wall time of verification and clustering).
reprints_last () {
	if ! command -v sqlite3 > /dev/null 2>&1; then
		echo "not shown (no sqlite3 shell)"
		return 0
	fi
	v=$(sqlite3 "$INDEX" "SELECT value FROM meta WHERE key = 'reprints_last'" 2>/dev/null) || v=
	echo "${v:-none}"
}

stage_index () {
	[ -x "$BYLINE" ] || die "$BYLINE not built (run 'make bench')"
	work_copy
	files=$(find "$COLL" -type f | wc -l)
	bytes=$(total_bytes "$COLL")
	echo "collection: $files files, $(mb "$bytes") MB, seed $BENCH_SEED, in $COLL"

	# Baseline: reading every file once, after a first read that warms the
	# page cache (so every run below starts from a warm cache too).
	rss -w 1 -- find "$COLL" -type f -exec cat {} +
	r=$R
	w=$(kv wall_p50 "$r")
	echo "baseline: read every file (find -exec cat): $files files, $(mb "$bytes") MB, $(calc '%.3f' "$w") s wall, $(calc '%.3f' "$(kv cpu_p50 "$r")") s cpu, $(calc '%.0f' "$bytes / 1e6 / $w") MB/s"

	# Full index, into an empty private index.
	rss -o "$WORK/index-full.out" -- "$BYLINE" index -C "$COLL" \
		--index="$INDEX"
	r=$R
	full_wall=$(kv wall_p50 "$r")
	full_cpu=$(kv cpu_p50 "$r")
	full_rss=$(kv rss_kb_max "$r")
	articles=$(index_articles)
	idx=$(bytes_of "$INDEX" "$INDEX-wal")
	echo "index: $articles articles, $(mb "$bytes") MB, $(calc '%.2f' "$full_wall") s wall, $(calc '%.2f' "$full_cpu") s cpu, $(calc '%.0f' "$articles / $full_wall") articles/s, peak RSS $(mib "$full_rss") MB, index $(calc '%.0f' "$idx / 1e6") MB ($(calc '%.2f' "$idx / $bytes")x collection)"
	echo "index-detail: user $(calc '%.2f' "$(kv user_p50 "$r")") s, sys $(calc '%.2f' "$(kv sys_p50 "$r")") s, cpu/wall $(calc '%.2f' "$full_cpu / $full_wall"), $(calc '%.1f' "$bytes / 1e6 / $full_wall") MB/s, $(calc '%.2f' "$full_wall / $w")x the read baseline; byline: $(index_summary "$WORK/index-full.out")"
	echo "index-reprints: $(reprints_last)"

	# Nothing changed: every file should cost one stat.
	rss -n 3 -o "$WORK/index-same.out" -- "$BYLINE" index \
		-C "$COLL" --index="$INDEX"
	r=$R
	same_wall=$(kv wall_p50 "$r")
	same_rss=$(kv rss_kb_max "$r")
	echo "reindex-unchanged: $files files, $(calc '%.3f' "$same_wall") s wall (median of 3, max $(calc '%.3f' "$(kv wall_max "$r")")), $(calc '%.3f' "$(kv cpu_p50 "$r")") s cpu, peak RSS $(mib "$same_rss") MB; byline: $(index_summary "$WORK/index-same.out")"

	# 1% of the files changed: every 100th file in name order gets a
	# correction line appended.  sed -i writes a new file, so CORPUS, which
	# shares the old inode, is untouched.
	(cd "$COLL" && find . -type f | LC_ALL=C sort | awk 'NR % 100 == 1') \
		> "$WORK/changed.list"
	changed=$(wc -l < "$WORK/changed.list")
	(cd "$COLL" && xargs sed -i -e '$a\' -e \
		'Correction: an earlier version of this article misstated the date of the vote.' \
		< "$WORK/changed.list") || die "cannot change the files"
	rss -o "$WORK/index-changed.out" -- "$BYLINE" index \
		-C "$COLL" --index="$INDEX"
	r=$R
	chg_wall=$(kv wall_p50 "$r")
	chg_rss=$(kv rss_kb_max "$r")
	echo "reindex-1pct: $changed of $files files changed, $(calc '%.3f' "$chg_wall") s wall, $(calc '%.3f' "$(kv cpu_p50 "$r")") s cpu, peak RSS $(mib "$chg_rss") MB; byline: $(index_summary "$WORK/index-changed.out")"
	echo "reindex-1pct-reprints: $(reprints_last)"
	idx=$(bytes_of "$INDEX" "$INDEX-wal")
	echo "index-size: $(calc '%.0f' "$idx / 1e6") MB after the changes ($(calc '%.2f' "$idx / $bytes")x collection, of which WAL $(calc '%.0f' "$(bytes_of "$INDEX-wal") / 1e6") MB)"
	: > "$WORK/index.ok"

	if ! command -v notmuch > /dev/null 2>&1; then
		echo "notmuch: not run (not installed)"
	elif [ "$BENCH_NOTMUCH" = no ] ||
		{ [ "$BENCH_NOTMUCH" = auto ] && [ "$BENCH_COUNT" -gt 20000 ]; }; then
		rm -rf "$MAIL/.notmuch"
		echo "notmuch: not run (BENCH_NOTMUCH=$BENCH_NOTMUCH; auto runs it up to 20000 articles)"
	else
		notmuch_index
	fi

	peak=$full_rss
	for k in "$same_rss" "$chg_rss"; do
		if [ "$k" -gt "$peak" ]; then peak=$k; fi
	done
	per10k=$(calc '%.2f' "$full_wall * 10000 / $articles")
	per100k=$(calc '%.2f' "$same_wall * 100000 / $files")
	s10= s100=
	[ "$articles" -eq 10000 ] || s10=" (scaled from $articles)"
	[ "$files" -eq 100000 ] || s100=" (scaled from $files)"
	echo "target: full index of 10,000 articles <= 2.5 s: $per10k s per 10,000$s10, $(verdict "$per10k" 2.5 s)"
	echo "target: nothing-changed re-index of 100,000 <= 2 s: $per100k s per 100,000$s100, $(verdict "$per100k" 2 s)"
	echo "target: indexing peak RSS <= 150 MB: $(mib "$peak") MB, $(verdict "$(mib "$peak")" 150 MB)"
}

# notmuch new over the same articles as one-message files (bench/to-mail.sh,
# converted once per collection into MAIL), with a private configuration.
notmuch_index () {
	if [ ! -f "$WORK/mail.done" ]; then
		rm -rf "$MAIL"
		sh "$top_srcdir/bench/to-mail.sh" "$CORPUS" "$CORPUS.meta" \
			"$MAIL" || die "to-mail.sh failed"
		: > "$WORK/mail.done"
	fi
	printf '%s\n' '[database]' "path=$MAIL" '[user]' 'name=bench' \
		'primary_email=bench@example.invalid' '[new]' 'tags=new' \
		'[search]' 'exclude_tags=' '[maildir]' 'synchronize_flags=false' \
		> "$NOTMUCH_CONFIG"
	rm -rf "$MAIL/.notmuch"
	mfiles=$(find "$MAIL" -type f | wc -l)
	mbytes=$(total_bytes "$MAIL")
	find "$MAIL" -type f -exec cat {} + > /dev/null
	rss -- notmuch new --quiet
	r=$R
	nm_wall=$(kv wall_p50 "$r")
	nm_cpu=$(kv cpu_p50 "$r")
	msgs=$(notmuch count '*')
	db=$(du -sb "$MAIL/.notmuch" | cut -f 1)
	echo "notmuch: $msgs messages, $(mb "$mbytes") MB ($mfiles files: the same articles with From, Subject and Date headers; $(notmuch --version)), $(calc '%.2f' "$nm_wall") s wall, $(calc '%.2f' "$nm_cpu") s cpu, $(calc '%.0f' "$msgs / $nm_wall") messages/s, peak RSS $(mib "$(kv rss_kb_max "$r")") MB, database $(calc '%.0f' "$db / 1e6") MB ($(calc '%.2f' "$db / $mbytes")x)"
	rss -n 3 -- notmuch new --quiet
	r=$R
	nm_same=$(kv wall_p50 "$r")
	echo "notmuch-unchanged: $(calc '%.3f' "$nm_same") s wall (median of 3), $(calc '%.3f' "$(kv cpu_p50 "$r")") s cpu, peak RSS $(mib "$(kv rss_kb_max "$r")") MB"
	echo "ratio: notmuch new/byline index: full wall $(calc '%.1f' "$nm_wall / $full_wall"), full cpu $(calc '%.1f' "$nm_cpu / $full_cpu"), unchanged wall $(calc '%.1f' "$nm_same / $same_wall")"
}

# search_query NAME QUERY: one query, whole process and in-process, beside
# grep -rli on the same files (and notmuch search when the index stage
# built its database).
search_query () {
	name=$1 q=$2
	pat=$(printf '%s' "$q" | tr -d '"')
	matches=$("$BYLINE" list --json -C "$COLL" --index="$INDEX" "$q" | wc -l)
	hits=$("$BYLINE" search --limit=50 --json -C "$COLL" --index="$INDEX" \
		"$q" | wc -l)
	gfiles=$(grep -rli -- "$pat" "$COLL" | wc -l)
	echo "search-$name: query '$q': $matches articles match, $hits hits shown (grep -rli '$pat': $gfiles files)"

	rss -n "$BENCH_RUNS" -w 1 -- "$BYLINE" search --limit=50 --json \
		-C "$COLL" --index="$INDEX" "$q"
	r=$R
	b50=$(kv wall_p50 "$r") b99=$(kv wall_p99 "$r")
	echo "search-$name: byline search --limit=50 --json: p50 $(ms "$b50") ms, p99 $(ms "$b99") ms, cpu p50 $(ms "$(kv cpu_p50 "$r")") ms, peak RSS $(mib "$(kv rss_kb_max "$r")") MB ($BENCH_RUNS runs, whole process)"
	eval "p99_$name=\$b99"

	[ -x "$SEARCH" ] || die "$SEARCH not built (run 'make bench')"
	r=$("$SEARCH" -n 100 -l 50 "$INDEX" "$q") || die "bench-search failed"
	echo "search-$name: in-process, 50 hits with snippets: p50 $(ms "$(kv full_p50 "$r")") ms, p99 $(ms "$(kv full_p99 "$r")") ms; listing alone p50 $(ms "$(kv select_p50 "$r")") ms, p99 $(ms "$(kv select_p99 "$r")") ms ($(kv runs "$r") runs, bench-search)"

	rss -n "$BENCH_GREP_RUNS" -w 1 -- grep -rli -- "$pat" "$COLL"
	r=$R
	g50=$(kv wall_p50 "$r") g99=$(kv wall_p99 "$r")
	echo "search-$name: grep -rli: p50 $(ms "$g50") ms, p99 $(ms "$g99") ms, cpu p50 $(ms "$(kv cpu_p50 "$r")") ms ($BENCH_GREP_RUNS runs)"
	ratio=$(calc '%.0f' "$g50 / $b50")
	eval "ratio_$name=\$ratio"
	echo "search-$name: ratio grep -rli/byline search: p50 ${ratio}x, p99 $(calc '%.0f' "$g99 / $b99")x"

	if [ "$BENCH_NOTMUCH" != no ] && [ -d "$MAIL/.notmuch" ] &&
		command -v notmuch > /dev/null 2>&1; then
		n=$(notmuch count -- "$q")
		rss -n "$BENCH_RUNS" -w 1 -- notmuch search --output=files \
			--limit=50 -- "$q"
		r=$R
		echo "search-$name: notmuch search --output=files --limit=50 ($n messages match): p50 $(ms "$(kv wall_p50 "$r")") ms, p99 $(ms "$(kv wall_p99 "$r")") ms ($BENCH_RUNS runs, whole process)"
	fi
}

stage_search () {
	[ -x "$BYLINE" ] || die "$BYLINE not built (run 'make bench')"
	if [ ! -f "$WORK/index.ok" ] || [ ! -f "$INDEX" ]; then
		work_copy
		byline_index -q || die "byline index failed"
		: > "$WORK/index.ok"
	fi
	articles=$(index_articles)
	files=$(find "$COLL" -type f | wc -l)
	# The first read of the files by grep is not timed (-w 1 everywhere).
	echo "search: $articles articles indexed of $files files in $COLL; warm cache, one untimed warm-up run before each series"
	search_query rare "$BENCH_RARE"
	search_query common "$BENCH_COMMON"
	search_query phrase "$BENCH_PHRASE"
	for k in rare common phrase; do
		eval "v=\$p99_$k"
		echo "target: search p99 <= 20 ms ($k, whole process, $articles articles): $(ms "$v") ms, $(verdict "$(ms "$v")" 20 ms)"
	done
	for k in rare common phrase; do
		eval "v=\$ratio_$k"
		echo "target: >= 100x faster than grep -rli ($k, p50): ${v}x, $(awk -v v="$v" 'BEGIN { if (v + 0 >= 100) print "met"; else printf "MISSED (%.1fx short of 100x)\n", 100 / v }')"
	done
}

# ---- reader ----------------------------------------------------------------

TMUXB=$top_builddir/bench/bench-tmux
READER_COLS=120
READER_LINES=40

# pct FILE P: nearest-rank percentile P of the numbers in FILE.
pct () {
	sort -g "$1" | awk -v p="$2" '{ v[NR] = $1 } END {
		r = int(p / 100 * NR); if (r < p / 100 * NR) r++; if (r < 1) r = 1
		printf "%.6f\n", v[r] }'
}

# tm ARGS: tmux on the stage's own server.
tm () { tmux -S "$SOCK" "$@"; }

# tmuxb ARGS: bench-tmux on that server; sets R to its key=value line.
tmuxb () {
	R=$("$TMUXB" -S "$SOCK" "$@") || die "bench-tmux failed: $*"
	[ "$(kv status "$R")" = 0 ] || die "bench-tmux timed out: $*"
}

# gone SESSION: waits until SESSION has ended (its program exited).
gone () {
	g=0
	while tm has-session -t "$1" 2> /dev/null; do
		g=$((g + 1))
		[ "$g" -lt 600 ] || die "tmux session $1 did not end"
		sleep 0.05
	done
}

stage_reader () {
	[ -x "$BYLINE" ] || die "$BYLINE not built (run 'make bench')"
	[ -x "$TMUXB" ] || die "$TMUXB not built (run 'make bench')"
	if ! command -v tmux > /dev/null 2>&1; then
		echo "reader: not run (tmux not installed)"
		return 0
	fi
	if [ ! -f "$WORK/index.ok" ] || [ ! -f "$INDEX" ]; then
		work_copy
		byline_index -q || die "byline index failed"
		: > "$WORK/index.ok"
	fi
	articles=$(index_articles)
	files=$(find "$COLL" -type f | wc -l)
	# The reader brings the index up to date first (a stat per file here,
	# as for a user who starts it on an indexed collection): warm it once.
	BYLINE_INDEX=$INDEX "$BYLINE" index -q -C "$COLL" ||
		die "byline index failed"
	SOCK=$WORK/tmux.sock
	rm -f "$SOCK"
	# The server takes its environment from here: private HOME and XDG
	# directories, the index, C.UTF-8, UTC.  An idle session keeps it up,
	# so no run below pays for starting the server.
	BYLINE_INDEX=$INDEX TERM=xterm-256color tmux -S "$SOCK" -f /dev/null \
		new-session -d -s idle -x "$READER_COLS" -y "$READER_LINES" \
		'exec cat' || die "cannot start tmux"
	trap 'tmux -S "$SOCK" kill-server 2> /dev/null' EXIT
	run="exec env TERM=screen-256color '$BYLINE' '$COLL'"
	echo "reader: $articles articles indexed of $files files in $COLL; tmux $(tmux -V | sed 's/^tmux //'), ${READER_COLS}x$READER_LINES, TERM=screen-256color in the pane; the screen is polled with capture-pane -p -e in a tight loop (each poll a tmux client fork+exec)"

	# (a) Start to the first complete screen: the title's count is drawn
	# with the rows.  Baseline: a shell printing a line, same server.
	marker="coll: $articles article"
	: > "$WORK/first.txt"
	: > "$WORK/first-base.txt"
	polls=0
	i=0
	while [ "$i" -lt "$BENCH_READER_RUNS" ]; do
		i=$((i + 1))
		tmuxb start "b$i" "$READER_COLS" "$READER_LINES" READY \
			"exec sh -c 'echo READY; exec cat'"
		kv elapsed "$R" >> "$WORK/first-base.txt"
		tm kill-session -t "b$i"
		tmuxb start "r$i" "$READER_COLS" "$READER_LINES" "$marker" "$run"
		kv elapsed "$R" >> "$WORK/first.txt"
		polls=$(calc '%.6f' "$polls + $(kv poll_mean "$R")")
		tm send-keys -t "r$i" Q
		gone "r$i"
	done
	f50=$(pct "$WORK/first.txt" 50) f99=$(pct "$WORK/first.txt" 99)
	fb50=$(pct "$WORK/first-base.txt" 50)
	echo "reader-first-screen: $articles articles, p50 $(ms "$f50") ms, p99 $(ms "$f99") ms (baseline tmux round trip $(ms "$fb50") ms: new-session of sh printing a line until captured, p50; $BENCH_READER_RUNS runs; poll granularity $(ms "$(calc '%.6f' "$polls / $BENCH_READER_RUNS")") ms)"

	# (b) Key press to redrawn screen.  Baseline: the same round trip on
	# cat (the terminal echoes each key).
	tmuxb keys idle "$BENCH_KEY_RUNS" a
	base=$(kv p50 "$R")
	echo "reader-baseline: cat, key echoed: p50 $(ms "$base") ms, p99 $(ms "$(kv p99 "$R")") ms, poll granularity $(ms "$(kv poll_mean "$R")") ms ($BENCH_KEY_RUNS presses: send-keys, then capture-pane until the screen changed)"
	tmuxb start rd "$READER_COLS" "$READER_LINES" "$marker" "$run"
	worst=0
	# key_series NAME KEYS MARKER
	key_series () {
		tmuxb keys rd "$BENCH_KEY_RUNS" "$2" ${3:+"$3"}
		k50=$(kv p50 "$R") k99=$(kv p99 "$R")
		echo "reader-redraw-$1: $articles articles, p50 $(ms "$k50") ms, p99 $(ms "$k99") ms, max $(ms "$(kv max "$R")") ms; minus the baseline p50 $(ms "$(calc '%.6f' "$k50 - $base")") ms, p99 $(ms "$(calc '%.6f' "$k99 - $base")") ms ($BENCH_KEY_RUNS presses of $2, $(kv polls_mean "$R") polls each, $(kv partial "$R") caught mid-redraw)"
		worst=$(calc '%.6f' "($k99 > $worst) ? $k99 : $worst")
		eval "p99_$(printf %s "$1" | tr - _)=\$k99"
	}
	key_series list-j j
	key_series list-pgdn NPage
	# Open an article longer than the screen (0% at the top), then scroll
	# it down and back up in turn so that every press changes the screen.
	tm send-keys -t rd Enter
	n=0
	until tm capture-pane -p -t rd | grep -q '^ *\[article\]   0%'; do
		n=$((n + 1))
		[ "$n" -lt 200 ] || die "no article longer than the screen"
		sleep 0.05
		[ $((n % 4)) -ne 0 ] || tm send-keys -t rd J
	done
	key_series article-j j,k "[article]"
	key_series article-pgdn NPage,PPage "[article]"
	pid=$(tm list-panes -t rd -F '#{pane_pid}')
	[ "$(cat "/proc/$pid/comm")" = byline ] || die "pane $pid is not byline"
	hwm=$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$pid/status")
	rss_now=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$pid/status")
	echo "reader-rss: $articles articles, peak RSS $(mib "$hwm") MB (VmHWM after the runs above, pid $pid), RSS now $(mib "$rss_now") MB"
	tm send-keys -t rd Q
	gone rd
	tm kill-server
	trap - EXIT

	f99b=$(calc '%.6f' "$f99 - $fb50")
	echo "target: reader first screen <= 150 ms (p99, $articles articles): $(ms "$f99") ms ($(ms "$f99b") ms less the tmux baseline), $(verdict "$(ms "$f99")" 150 ms)"
	for k in list-j list-pgdn article-j article-pgdn; do
		eval "v=\$p99_$(printf %s "$k" | tr - _)"
		echo "target: redraw <= 16 ms (p99, $k): $(ms "$v") ms ($(ms "$(calc '%.6f' "$v - $base")") ms less the baseline), $(verdict "$(ms "$v")" 16 ms)"
	done
	echo "target: reader peak RSS <= 64 MB: $(mib "$hwm") MB, $(verdict "$(mib "$hwm")" 64 MB)"
}

# The reprints and diff stages.
. "$top_srcdir/bench/reprints.sh"

run_stage () {
	printf '== %s (%s articles, seed %s) ==\n' "$1" "$BENCH_COUNT" "$BENCH_SEED"
	out=$BENCH_DATA/last-$1.txt
	if "stage_$1" > "$out.tmp"; then
		mv "$out.tmp" "$out"
		cat "$out"
	else
		cat "$out.tmp"
		rm -f "$out.tmp"
		die "stage $1 failed"
	fi
}

[ $# -gt 0 ] || set -- $STAGES
for stage; do
	case " $STAGES " in
	*" $stage "*) ;;
	*) die "unknown stage '$stage' (stages: $STAGES)" ;;
	esac
done
corpus
private_env
for stage; do
	run_stage "$stage"
done
