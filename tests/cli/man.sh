#!/bin/sh
# man.sh: man/byline.1 renders without warnings and documents every command
# and every long option that the commands' --help prints.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
need groff

page=$top_srcdir/man/byline.1
warnings=$(groff -ww -z -man "$page" 2>&1)
expect_eq "groff warnings" "" "$warnings"

text=$(groff -man -Tutf8 -P-cbou "$page" 2>/dev/null | sed 's/‐/-/g')
cmds=$("$BYLINE" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
for c in $cmds; do
	expect_match "man page documents '$c'" "^ +$c( |$)" "$text"
	for opt in $("$BYLINE" "$c" --help | grep -o -E -- '--[a-z][a-z-]*' | sort -u); do
		expect_match "man page documents '$c $opt'" -- "$opt" "$text"
	done
done

# The KEYS section is the one man/keys.sh makes from the action table.
want=$(sh "$top_srcdir/man/keys.sh" "$top_srcdir/src/actions.def")
have=$(sed -n '/^\.\\" KEYS-BEGIN/,/^\.\\" KEYS-END/p' "$page" | sed '1d;$d')
expect_eq "KEYS section matches src/actions.def (run man/keys.sh src/actions.def man/byline.1)" "$want" "$have"
finish
