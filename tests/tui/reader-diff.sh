#!/bin/sh
# reader-diff.sh: comparing two articles (m, then d): side by side from
# 80 columns, inline below (also after a resize), i toggles, n and N go
# from change to change in both layouts.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

ESC=$(printf '\033')
# tui_expect_line WHAT N PATTERN: waits for line N of the screen to match.
tui_expect_line () {
	i=0
	while [ "$i" -lt "$TUI_TIMEOUT" ]; do
		SCREEN=$(tui_screen)
		printf '%s\n' "$SCREEN" | sed -n "$2p" | grep -Eq -- "$3" &&
			{ pass; return; }
		sleep 0.1
		i=$((i + 1))
	done
	fail "$1: line $2 is not [$3]; the screen was:"
	printf '%s\n' "$SCREEN" | sed 's/^/  | /' >&2
}
# The list by date: 000 (AP) is the second row, 001 (The Independent) the
# third; 000's caption says "boats" where 001's paragraph says "crafts".
tui_start 120 30 "$SAMPLES"
tui_expect "list" "5 articles, by date"
tui_keys j m j d
tui_expect "comparison" "^ Comparison: [0-9]+% alike"
tui_expect "both names" "^ AP, Apr 2021, 000_.* The Independent, 31 Mar 2021"
tui_expect "two columns" "^ [-!=+~ ] .* \| [-!=+~ ] "
tui_expect "boats on the left" "^ - .*of their boats\..* \|( |$)"
tui_expect "crafts on the right" " \| = safety\" of their crafts\."
expect_no_match "not inline" "Comparison \(inline\)" "$SCREEN"
# Colour and attributes: deleted words underlined (4), inserted bold (1).
if tui_wait_attr "${ESC}\[4m(${ESC}\[[0-9;]*m)*boats"; then pass; else
	fail "boats is not marked as deleted"; fi
if tui_wait_attr "${ESC}\[1m(${ESC}\[[0-9;]*m)*crafts"; then pass; else
	fail "crafts is not marked as inserted"; fi

tui_keys i
tui_expect "i: inline" "^ Comparison \(inline\): [0-9]+% alike"
tui_expect "i: the legend" "^ \[-AP, Apr 2021.*-\]  \{\+The Independent"
tui_expect_gone "i: one column" " \| [-!=+~ ] "
tui_expect "i: both words in one text" "their boatscrafts\."
tui_expect "i: the note" "^ = \(only in the older text; compared with paragraph [0-9]+ of the newer\)"
# n and N go from change to change; i keeps the place in the text.
tui_keys g n
tui_expect_line "n inline" 3 "^ \+ As their respective spacecrafts"
tui_keys n
tui_expect_line "n again" 3 "^ \+ China US Space$"
tui_keys N
tui_expect_line "N inline" 3 "^ \+ As their respective spacecrafts"
tui_keys i
tui_expect_line "i again: side by side, same place" 3 \
	" \| \+ As their respective spacecrafts"
expect_no_match "i again: not inline" "Comparison \(inline\)" "$SCREEN"
tui_keys N
tui_expect_line "N side by side" 3 " \| \+ US, China consulted"
tui_keys n n n n
tui_expect_line "n side by side" 3 "^ - date 2021-04 .* \| = China's"

# Narrower than 80 columns: inline whatever was asked, side by side
# again when the window grows.
tui_resize 70 30
tui_expect "resized: inline" "^ Comparison \(inline\): [0-9]+% alike"
tui_keys i
tui_expect "i when narrow" "side by side needs a window of 80 columns"
tui_resize 100 30
tui_expect "wider: side by side" "^ [-!=+~ ] .* \| [-!=+~ ] "
expect_no_match "wider: not inline" "Comparison \(inline\)" "$SCREEN"
tui_keys Q
expect_eq "exit status" 0 "$(tui_exit_status)"
tmux -S "$TUI_SOCK" kill-server 2>/dev/null

# Monochrome at 70 columns: inline from the start, with wdiff's marks.
TUI_ENV="NO_COLOR=1" tui_start 70 30 "$SAMPLES"
tui_expect "mono: list" "5 articles, by date"
tui_keys j m j d
tui_expect "mono: inline" "^ Comparison \(inline\): [0-9]+% alike"
tui_expect "mono: marks" "\[-boats-\]\{\+crafts\+\}\."
expect_no_match "mono: one column" " \| [-!=+~ ] " "$SCREEN"
tui_keys Q
expect_eq "mono: exit status" 0 "$(tui_exit_status)"
finish
