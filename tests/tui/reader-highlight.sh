#!/bin/sh
# reader-highlight.sh: h highlights a term (whole words, several words
# too) in the list, the reader and a comparison, each term in its own
# colour; H offers the terms and stops highlighting the one given.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

ESC=$(printf '\033')
SGR="(${ESC}\[[0-9;]*m)*"
# The first term colour (highlight1: 203 on 256 colours, bold) and the
# second (highlight2: 114); a deletion has 203 too, but on a background.
T1="${ESC}\[38;5;203m"
T2="${ESC}\[38;5;114m"

# attr_expect WHAT PATTERN: waits for PATTERN on the screen with attributes.
attr_expect () {
	if tui_wait_attr "$2"; then pass; else
		fail "$1: [$2] is not on the screen:"
		printf '%s\n' "$SCREEN" | cat -v | sed 's/^/  | /' >&2
	fi
}
# attr_expect_gone WHAT PATTERN
attr_expect_gone () {
	i=0
	while [ "$i" -lt "$TUI_TIMEOUT" ]; do
		SCREEN=$(tui_screen -e)
		printf '%s\n' "$SCREEN" | grep -Eq -- "$2" || { pass; return; }
		sleep 0.1
		i=$((i + 1))
	done
	fail "$1: [$2] stayed on the screen"
}

tui_start 120 30 "$SAMPLES"
tui_expect "list" "5 articles, by date"
expect_no_match "no highlight yet" "${T1}Mars" "$(tui_screen -e)"
tui_keys h
tui_expect "prompt" "Highlight:"
tui_text "mars"
tui_keys Enter
tui_expect "added" "highlighting 'mars'"
attr_expect "list: Mars in the first term colour" "${T1}${SGR}Mars"
# Whole words only: "Marseille" would not be; and Enter shows it in
# the reader.
tui_keys j j Enter
tui_expect "reader" "\[article\]"
attr_expect "reader: Mars" "${T1}${SGR}Mars"
tui_keys q
# A term of two words, in a comparison, across a line break too.
tui_keys k m j d
tui_expect "comparison" "^ Comparison: [0-9]+% alike"
tui_keys h
tui_expect "prompt 2" "Highlight:"
tui_text "Flight  Safety"
tui_keys Enter
tui_expect "added 2" "highlighting 'Flight  Safety'"
attr_expect "diff: both words, in the second colour" "${T2}${SGR}flight safety"
attr_expect "diff: across a line break" "${T2}${SGR}safety${SGR}\" of their"
attr_expect "diff: Mars still in the first" "${T1}${SGR}Mars"
# H offers the last term; another one can be typed instead.
tui_keys H
tui_expect "remove prompt" "Stop highlighting \(mars, Flight  Safety\): Flight  Safety"
tui_keys C-u
tui_text "MARS"
tui_keys Enter
tui_expect "removed" "'MARS' is no longer highlighted"
attr_expect_gone "diff: Mars no longer" "${T1}${SGR}Mars"
attr_expect "diff: the other term stays" "${T2}${SGR}flight safety"
tui_keys H
tui_expect "remove prompt 2" "Stop highlighting \(Flight  Safety\): Flight  Safety"
tui_keys Enter
attr_expect_gone "diff: none left" "${T2}${SGR}flight"
tui_keys H
tui_expect "nothing to remove" "no term is highlighted"
tui_keys q
attr_expect_gone "list: none left" "${T1}${SGR}Mars"
tui_keys Q
expect_eq "exit status" 0 "$(tui_exit_status)"
finish
