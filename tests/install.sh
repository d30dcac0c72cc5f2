#!/bin/sh
# tests/install.sh: byline as installed works, and make uninstall takes all
# of it away again.
#
#   tests/install.sh          configures the source tree this script is in
#                             (which must not be configured in place) in a
#                             scratch directory with --prefix there, builds,
#                             installs, checks the installed program, then
#                             uninstalls and checks no file is left; make
#                             check-install and .ci/run run this
#   tests/install.sh --installed BINDIR MANDIR BASHCOMPDIR PKGDATADIR
#                             only the checks of the program installed
#                             there (make installcheck, so make distcheck
#                             runs them on its own installation); read-only
#
# The installed program must run from its bin directory with nothing in
# its environment pointing into the build: its catalogues (LANGUAGE=de
# gives German), the man page, the bash completion in bash-completion's
# standard place and data/outlets.txt in the package's data directory.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
export top_srcdir
. "$top_srcdir/tests/cli/lib.sh"
unset BYLINE_DATADIR BYLINE_LOCALEDIR

# check_installed BINDIR MANDIR BASHCOMPDIR: the read-only checks.
check_installed () {
	prog=$1/byline
	if [ -x "$prog" ]; then pass; else fail "$prog is not installed"; return; fi
	expect_match "byline --version" '^byline [0-9]' "$("$prog" --version)"
	out=$("$prog" show "$SAMPLES/001_ba268a7cdc32d459.txt" 2>&1)
	expect_match "byline show: headline" '^Headline: +US, China consulted' "$out"
	expect_match "byline show: the outlet, from outlets.txt" '^Outlet: +The Independent' "$out"
	expect_match "byline show: the agency" '^Agency: +AP' "$out"
	expect_no_match "byline show: no warning" 'warning' "$out"
	# The catalogue from the installed locale directory (C.UTF-8 honours
	# LANGUAGE; see tests/cli/i18n.sh).
	if grep -q '^#define ENABLE_NLS 1' "$top_builddir/config.h" 2>/dev/null; then
		out=$(LANGUAGE=de "$prog" --help)
		expect_match "LANGUAGE=de byline --help is German" '^Aufruf: byline ' "$out"
		out=$(LANGUAGE=fr "$prog" show --help)
		expect_match "LANGUAGE=fr byline show --help is French" '^Utilisation : byline show ' "$out"
	fi
	page=$2/man1/byline.1
	if [ -f "$page" ]; then
		pass
		if command -v man >/dev/null 2>&1; then
			out=$(MANWIDTH=80 man -l "$page" 2>&1 | head -n 5)
			expect_match "man -l the installed page" 'byline - read, search' "$out"
		fi
	else
		fail "no man page at $page"
	fi
	comp=$3/byline
	if [ -f "$comp" ]; then pass; else fail "no bash completion at $comp"; return; fi
	if command -v bash >/dev/null 2>&1; then
		out=$(PATH=$1:$PATH bash -c '. "$1" || exit
			COMP_WORDS=(byline re) COMP_CWORD=1; _byline
			printf "%s\n" "${COMPREPLY[@]}"
			COMP_WORDS=(byline show --j) COMP_CWORD=2; _byline
			printf "%s\n" "${COMPREPLY[@]}"' sh "$comp" 2>&1)
		expect_eq "bash completion of 'byline re' and 'byline show --j'" \
			"$(printf 'reprints\n--json')" "$out"
	fi
}

if [ "${1:-}" = --installed ]; then
	[ $# -eq 5 ] || { echo "usage: $0 --installed BINDIR MANDIR BASHCOMPDIR PKGDATADIR" >&2; exit 99; }
	check_installed "$2" "$3" "$4"
	[ -f "$5/outlets.txt" ] && pass || fail "no outlets.txt in $5"
	finish
fi

# The whole round trip in a scratch prefix.
need make
prefix=$SCRATCH/prefix
build=$SCRATCH/build
mkdir -p "$build" || exit 99
(
	cd "$build" &&
	"$top_srcdir/configure" -q --prefix="$prefix" &&
	make -j2 >/dev/null &&
	make install >/dev/null
) > "$SCRATCH/build.log" 2>&1 ||
	{ cat "$SCRATCH/build.log" >&2; echo "FAIL: configure, make or make install" >&2; exit 99; }
top_builddir=$build

check_installed "$prefix/bin" "$prefix/share/man" "$prefix/share/bash-completion/completions"

# The data file is the installed one: a rule added to it is followed.
data=$prefix/share/byline/outlets.txt
article=$SCRATCH/article.txt
printf '%s\n\n%s\n\n%s\n' 'Town hall opens' 'By Jane Doe, Testville Gazette' \
	'The new town hall opened on Monday after three years of work, the mayor said.' > "$article"
out=$("$prefix/bin/byline" show "$article")
expect_no_match "no Testville Gazette before the rule" '^Outlet: +Testville' "$out"
if [ -f "$data" ]; then
	printf 'outlet\tTestville Gazette\ttestville.example\n' >> "$data"
	out=$("$prefix/bin/byline" show "$article")
	expect_match "the installed outlets.txt is read" '^Outlet: +Testville Gazette' "$out"
else
	fail "no outlets.txt at $data"
fi

# make uninstall removes every file it installed.  Empty directories are
# left behind, as the GNU Coding Standards allow (automake's own
# distuninstallcheck does the same).
(cd "$build" && make uninstall) > "$SCRATCH/uninstall.log" 2>&1 ||
	{ cat "$SCRATCH/uninstall.log" >&2; fail "make uninstall"; }
left=$(cd "$prefix" && find . ! -type d | sort)
expect_eq "files left after make uninstall" "" "$left"
finish
