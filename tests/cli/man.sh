#!/bin/sh
# man.sh: man/byline.1 renders without warnings and documents every command
# and every option that byline --help and each command's --help print, as
# an item of the command's entry (or of OPTIONS, or of the options shared
# by the commands that use an index) that reads as --help writes it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
need groff

page=$top_srcdir/man/byline.1
warnings=$(groff -ww -z -man "$page" 2>&1)
expect_eq "groff warnings" "" "$warnings"
if command -v man >/dev/null 2>&1; then
	warnings=$(MANWIDTH=80 MAN_KEEP_STDERR=1 man --warnings -l "$page" 2>&1 >/dev/null)
	expect_eq "man -l warnings" "" "$warnings"
fi

text=$(groff -man -Tutf8 -P-cbou "$page" 2>/dev/null | sed 's/‐/-/g')

# help_options: the option tags of the --help on stdin, one a line, as
# printed ("-s, --sort=KEY", "--json").
help_options () {
	sed -n 's/^  \{1,6\}\(-[A-Za-z0-9], \)\{0,1\}\(--[a-z][a-z-]*\(=[A-Z]*\)\{0,1\}\).*/\1\2/p' |
		grep -v -- '^-h, --help$'
}
# man_section NAME: the man page's entry of the command NAME (from its
# item to the next one at the same indentation), or the section NAME.
man_section () {
	printf '%s\n' "$text" | awk -v name="$1" '
		on && (/^[^ ]/ || /^   [^ ]/ || (cmd && /^       [^ ]/)) { exit }
		$0 == name { on = 1; next }
		$0 ~ "^       " name "( |$)" { on = cmd = 1; next }
		on { print }'
}
# expect_option WHERE TAG TEXT: TAG ("-s, --sort=KEY") opens an item of TEXT.
expect_option () {
	re=$(printf '%s' "$2" | sed 's/[][\.*^$?+(){}|]/\\&/g')
	expect_match "man page documents $1 '$2'" "^ +$re( |\$)" "$3"
}

for opt in $("$BYLINE" --help | help_options | tr ' ' '@'); do
	expect_option byline "$(printf '%s' "$opt" | tr '@' ' ')" "$(man_section OPTIONS)"
done
shared=$(man_section '   Options of the commands that use an index')
cmds=$("$BYLINE" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
for c in $cmds; do
	expect_match "man page documents '$c'" "^ +$c( |$)" "$text"
	own=$(man_section "$c")
	for opt in $("$BYLINE" "$c" --help | help_options | tr ' ' '@'); do
		opt=$(printf '%s' "$opt" | tr '@' ' ')
		case $opt in
		'-C, --collection=DIR' | '--index=FILE') expect_option "$c" "$opt" "$shared" ;;
		*) expect_option "$c" "$opt" "$own" ;;
		esac
	done
done

# The KEYS section is the one man/keys.sh makes from the action table.
want=$(sh "$top_srcdir/man/keys.sh" "$top_srcdir/src/actions.def")
have=$(sed -n '/^\.\\" KEYS-BEGIN/,/^\.\\" KEYS-END/p' "$page" | sed '1d;$d')
expect_eq "KEYS section matches src/actions.def (run man/keys.sh src/actions.def man/byline.1)" "$want" "$have"
finish
