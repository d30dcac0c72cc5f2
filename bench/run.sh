#!/bin/sh
# bench/run.sh: the benchmark driver behind 'make bench'.
#
# Usage: run.sh [STAGE]...     (no stage: every stage, in order)
#
# Stages, each a function stage_NAME below printing "NAME: ..." lines:
#   extract   bench-extract over the collection (MB/s, articles/s, RSS)
# To add one (index, search, reprints, diff): write stage_NAME and add NAME
# to STAGES.
#
# Environment (make sets the first two):
#   top_builddir  build tree with bench/gen-corpus and bench/bench-extract
#   top_srcdir    source tree (for data/outlets.txt)
#   BENCH_COUNT   articles in the collection (default 10000)
#   BENCH_SEED    generator seed (default 1)
#   BENCH_DATA    where collections go (default $top_builddir/bench-data);
#                 a collection is generated once per seed and count, then
#                 reused.  Never the source tree.
# Each stage's output is also kept in $BENCH_DATA/last-STAGE.txt.

set -eu

STAGES="extract"

: "${top_builddir:=$(pwd)}"
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${BENCH_COUNT:=10000}"
: "${BENCH_SEED:=1}"
: "${BENCH_DATA:=$top_builddir/bench-data}"
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
for stage; do
	run_stage "$stage"
done
