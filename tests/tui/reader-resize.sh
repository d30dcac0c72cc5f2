#!/bin/sh
# reader-resize.sh: resizing keeps the position in the article; 40x10
# works; below it the screen asks for a larger window.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

# A long article with a marker in its 40th paragraph.
{
	echo "A long test article about resizing"; echo
	echo "By Jane Doe"; echo "March 3, 2021"; echo
	i=1
	while [ $i -le 60 ]; do
		if [ $i -eq 40 ]; then
			echo "Paragraph $i holds the Zanzibar marker, in the middle of a sentence that goes on so that it wraps."
		else
			echo "Paragraph $i is an ordinary paragraph of the article, long enough that it wraps on narrow windows."
		fi
		echo; i=$((i + 1))
	done
} > "$SCRATCH/long.txt"

tui_start 120 40 "$SCRATCH/long.txt"
tui_expect "opened" "\[article\]"
# Scroll so that the marker's paragraph is near the top.
tui_keys /
tui_text "zanzibar"
tui_keys Enter
tui_expect "found" "hit 1 of 1"
tui_expect_gone "headline scrolled away" "^ A long test article"
for size in "60 20" "200 50" "80 24"; do
	# shellcheck disable=SC2086
	tui_resize $size
	tui_expect "at $size: still there" "Zanzibar"
	tui_expect "at $size: still the reader" "\[article\]"
done
tui_resize 40 10
tui_expect "40x10 works" "\[article\]"
tui_resize 39 10
tui_expect "too narrow" "Please make the window"
tui_resize 40 9
tui_expect "too short" "40x9\)"
tui_resize 80 24
tui_expect "usable again" "Zanzibar"
tui_keys Q
expect_eq "exit status" 0 "$(tui_exit_status)"
finish
