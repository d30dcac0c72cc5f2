#!/bin/sh
# potfiles.sh: every source file that marks strings for translation is in
# po/POTFILES.in, and every file listed there exists.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"

cd "$top_srcdir" || exit 99
listed=$(grep -v -e '^#' -e '^$' po/POTFILES.in | sort -u)
for f in $listed; do
	if [ -f "$f" ]; then pass; else fail "POTFILES.in lists $f, which does not exist"; fi
done
for f in $(grep -l -E '(^|[^A-Za-z0-9_])(N?_|P_)[ ]?\(' src/*.c src/*.def 2>/dev/null | sort -u); do
	if printf '%s\n' "$listed" | grep -qx "$f"; then pass; else
		fail "$f marks strings for translation but is not in po/POTFILES.in"; fi
done
finish
