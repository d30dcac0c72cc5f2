# tests/cli/lib.sh: shared by the CLI tests.  Source it first:
#   . "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
# It pins the environment, makes a scratch directory in the build tree
# (removed on exit) and gives small assertion helpers.  Exit 77 = skip.

set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$(pwd)}"
: "${BYLINE:=$top_builddir/byline}"
export LC_ALL=C.UTF-8 TZ=UTC
unset NO_COLOR BYLINE_COLLECTION BYLINE_INDEX LANGUAGE LC_MESSAGES LANG
export HOME XDG_DATA_HOME XDG_CONFIG_HOME
SAMPLES="$top_srcdir/sample-articles"

test_name=$(basename "$0" .sh)
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/byline-$test_name.XXXXXX") || exit 99
HOME=$SCRATCH/home
XDG_DATA_HOME=$SCRATCH/data
XDG_CONFIG_HOME=$SCRATCH/config
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
trap 'chmod -R u+rwx "$SCRATCH" 2>/dev/null; rm -rf "$SCRATCH"' EXIT

failures=0
checks=0

# fail MESSAGE: records a failure and goes on.
fail () { failures=$((failures + 1)); printf 'FAIL: %s\n' "$*" >&2; }
pass () { checks=$((checks + 1)); }

# expect_eq WHAT EXPECTED ACTUAL
expect_eq () {
	if [ "$2" = "$3" ]; then pass; else
		fail "$1: expected [$2], got [$3]"; fi
}

# expect_match WHAT PATTERN TEXT  (grep -E pattern)
expect_match () {
	if printf '%s\n' "$3" | grep -Eq -- "$2"; then pass; else
		fail "$1: [$2] not found in: $(printf '%s' "$3" | head -c 400)"; fi
}

# expect_no_match WHAT PATTERN TEXT
expect_no_match () {
	if printf '%s\n' "$3" | grep -Eq -- "$2"; then
		fail "$1: [$2] unexpectedly found"; else pass; fi
}

# expect_status WHAT EXPECTED_STATUS command...
expect_status () {
	what=$1 want=$2; shift 2
	"$@" >/dev/null 2>&1; got=$?
	expect_eq "$what (exit status)" "$want" "$got"
}

# expect_no_escapes WHAT FILE: no ESC, no C0 other than \t \n, no C1 (as UTF-8 or raw).
expect_no_escapes () {
	if LC_ALL=C grep -q -P '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$2"; then
		fail "$1: control or escape bytes in output"; else pass; fi
}

need () {
	command -v "$1" >/dev/null 2>&1 || { echo "SKIP: $1 not installed"; exit 77; }
}

# finish: prints the tally and exits with the test's status.
finish () {
	printf '%s: %d checks, %d failed\n' "$test_name" "$((checks + failures))" "$failures"
	[ "$failures" -eq 0 ]
	exit $?
}
