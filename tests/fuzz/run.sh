#!/bin/sh
# run.sh: runs the fuzz targets of a build configured with --enable-fuzzing.
#   tests/fuzz/run.sh SECONDS [TARGET...]     (from the build directory)
# Each target (all of them by default, one after the other) runs for
# SECONDS on a scratch copy of its seeds (the source tree is never
# written), with its dictionary.  Prints each run's executions; a crash,
# leak or failed check leaves the input in $FUZZ_OUT (default: a new
# directory under /tmp) and makes the exit status 1.  FUZZ_JOBS=2 runs two
# targets at a time.
set -u
secs=${1:?usage: run.sh SECONDS [TARGET...]}
shift
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
targets=${*:-decode article header date query tokens config outlets wdiff}
out=${FUZZ_OUT:-$(mktemp -d /tmp/byline-fuzz.XXXXXX)}
jobs=${FUZZ_JOBS:-1}
mkdir -p "$out"

run_one () { # run_one TARGET: 0 when it ran clean
	t=$1
	bin=tests/fuzz/fuzz-$t
	[ -x "$bin" ] || { echo "fuzz: $bin not built (make fuzz)"; return 1; }
	corpus=$out/corpus-$t
	mkdir -p "$corpus" "$out/crash-$t"
	cp "$srcdir/tests/fuzz/corpus/$t"/* "$corpus"/ 2>/dev/null
	dict=
	[ -f "$srcdir/tests/fuzz/$t.dict" ] && dict=-dict=$srcdir/tests/fuzz/$t.dict
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
	"$bin" -max_total_time="$secs" -timeout=25 -rss_limit_mb=2048 \
		-max_len=8192 -print_final_stats=1 \
		-artifact_prefix="$out/crash-$t/" $dict "$corpus" \
		> "$out/$t.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.log" | tail -n 1)
	echo "fuzz: $t: ${execs:-?} executions in ${secs}s, exit $rc"
	if [ "$rc" -ne 0 ]; then
		grep -E 'ERROR|SUMMARY|fuzz check failed|runtime error' "$out/$t.log" | head -n 5
		ls "$out/crash-$t"
		return 1
	fi
	return 0
}

status=0
set -- $targets
while [ $# -gt 0 ]; do
	if [ "$jobs" -ge 2 ] && [ $# -ge 2 ]; then
		run_one "$1" & p1=$!
		run_one "$2" || status=1
		wait $p1 || status=1
		shift 2
	else
		run_one "$1" || status=1
		shift
	fi
done
echo "fuzz: logs and any crashing inputs in $out"
exit $status
