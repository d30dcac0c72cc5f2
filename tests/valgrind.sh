#!/bin/sh
# tests/valgrind.sh: runs the test suite's programs under valgrind memcheck
# (make check-valgrind sets it as LOG_COMPILER).
#
#   valgrind.sh tests/unit/test-foo   the unit test under valgrind; its
#                                     report goes into the test's log
#   valgrind.sh tests/cli/foo.sh      the script as is (its $BYLINE is
#                                     tests/byline-valgrind, which make
#                                     check-valgrind writes)
#   valgrind.sh --log=DIR BYLINE ARG...
#                                     what tests/byline-valgrind runs:
#                                     byline under valgrind, its report
#                                     in DIR/PID.log
#
# A memory error or a definite or indirect leak makes the program exit
# with status 99.  byline's reports go to files since a test may throw
# away what byline prints (or clear its environment: that is why
# tests/byline-valgrind has the paths written in); make check-valgrind
# fails when any of them is not empty.  Only third-party code is
# suppressed (tests/valgrind.supp).

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"

vg () {
	exec valgrind -q --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=definite,indirect \
		--errors-for-leak-kinds=definite,indirect \
		--track-origins=yes --num-callers=30 \
		--suppressions="$top_srcdir/tests/valgrind.supp" "$@"
}

case $1 in
--log=*)
	# tests/byline-valgrind, the $BYLINE of make check-valgrind.
	log=${1#--log=}
	shift
	vg --log-file="$log/%p.log" "$@"
	;;
*.sh)
	exec "$@"
	;;
*)
	vg "$@"
	;;
esac
