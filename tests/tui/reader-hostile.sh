#!/bin/sh
# reader-hostile.sh: wide characters keep columns aligned; escape
# sequences and control characters in an article never reach the screen.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

ESC=$(printf '\033')
# Lines of one paragraph end at the same display column: "|" after 8
# columns of ASCII, CJK (2 each), emoji (2 each) and combining marks (0).
{
	echo "Wide characters in a headline 語"
	echo
	echo "The table below must stay aligned in the reader."
	echo
	echo "AAAAAAAA|ascii"
	echo "語語語語|cjk"
	echo "😀😀😀😀|emoji"
	printf 'e\314\201e\314\201e\314\201e\314\201AAAA|combining\n'
	echo
	printf 'Red \033[31mRED\033[0m text, a title \033]0;pwned\007 and a clear \033[2J here.\n'
	echo
	printf 'Bell\007, backspace\010 and C1 \302\205 controls; bidi \342\200\256override\342\200\254 end.\n'
} > "$SCRATCH/wide.txt"

tui_start 80 24 -k zzz --color=always "$SCRATCH/wide.txt"
tui_expect "opened" "\[article\]"
tui_expect "ascii row" "AAAAAAAA\|ascii"
tui_expect "cjk row" "語語語語\|cjk"
ascii=$(tui_col "AAAAAAAA|")
for w in "語語語語|" "😀😀😀😀|" "AAAA|combining"; do
	col=$(tui_col "$w")
	[ "$w" = "AAAA|combining" ] && col=$((col - 9))
	expect_eq "column of [$w]" "$ascii" "$col"
done
tui_expect "escapes: text kept" "Red RED text, a title +and a clear +here"
expect_no_match "no OSC payload" "pwned" "$SCREEN"
tui_screen -e > "$SCRATCH/attr"
expect_no_match "no red from the article" "${ESC}\[31m" "$(cat "$SCRATCH/attr")"
title=$(tmux -S "$TUI_SOCK" display-message -p '#{pane_title}')
expect_no_match "window title untouched" "pwned" "$title"
tui_expect "controls dropped" "Bell, backspace and C1 +controls; bidi override end"
tui_keys Q
expect_eq "exit status" 0 "$(tui_exit_status)"
finish
