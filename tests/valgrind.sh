#!/bin/sh
# tests/valgrind.sh: runs the test suite's programs under valgrind memcheck
# (make check-valgrind sets it as LOG_COMPILER).
#
#   valgrind.sh tests/unit/test-foo   the unit test under valgrind; its
#                                     report goes into the test's log
#   valgrind.sh tests/cli/foo.sh      the script as is, with $BYLINE
#                                     pointing back here, so that every
#                                     byline it starts runs under valgrind
#
# A memory error or a definite or indirect leak makes the program exit
# with status 99.  byline's reports also go to $VALGRIND_LOGDIR/PID.log,
# since a test may throw away what byline prints; make check-valgrind
# fails when any of those is not empty.  Only third-party code is
# suppressed (tests/valgrind.supp).

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"

vg () {
	exec valgrind -q --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=definite,indirect \
		--errors-for-leak-kinds=definite,indirect \
		--track-origins=yes --num-callers=30 \
		--suppressions="$top_srcdir/tests/valgrind.supp" "$@"
}

# Called as $BYLINE by a test script.
if [ -n "${VALGRIND_BYLINE:-}" ]; then
	vg --log-file="$VALGRIND_LOGDIR/%p.log" "$VALGRIND_BYLINE" "$@"
fi

case $1 in
*.sh)
	: "${VALGRIND_LOGDIR:?}"
	VALGRIND_BYLINE=${BYLINE:?}
	BYLINE=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
	export VALGRIND_BYLINE VALGRIND_LOGDIR BYLINE top_srcdir
	exec "$@"
	;;
*)
	vg "$@"
	;;
esac
