#!/bin/sh
# reader-search.sh: / inside an article highlights every hit; n/N move;
# c clears.  Case and accents do not matter, whole words only.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

ESC=$(printf '\033')
# hl WORD: WORD on the screen right after an attribute change.
hl () { tui_screen -e | grep -c "$ESC\[[0-9;]*m$1"; }

tui_start 80 24 "$SAMPLES/001_ba268a7cdc32d459.txt"
tui_expect "opened" "\[article\]"
tui_keys /
tui_expect "prompt" "^/"
tui_text "jurczyk"
tui_keys Enter
tui_expect "first hit" "hit 1 of [0-9]+ for \"jurczyk\""
tui_expect "hit shown" "Jurczyk"
n=$(printf '%s\n' "$SCREEN" | sed -n 's/.*hit 1 of \([0-9]*\).*/\1/p')
[ "${n:-0}" -ge 2 ] && pass || fail "expected 2 hits or more, got [$n]"
expect_eq "hit highlighted" 1 "$([ "$(hl Jurczyk)" -ge 1 ] && echo 1)"
tui_keys n
tui_expect "second hit" "hit 2 of $n"
tui_keys N
tui_expect "back to the first" "hit 1 of $n"
tui_keys N
tui_expect "wraps" "hit $n of $n"
tui_keys c
tui_wait_gone "hit [0-9]+ of"
expect_eq "cleared" 0 "$(hl Jurczyk)"

# Accents and case: "NÁSA" finds NASA; "Tianwe" is not a word of "Tianwen-1".
tui_keys g /
tui_text "NÁSA"
tui_keys Enter
tui_expect "accent-insensitive" "hit 1 of [0-9]+ for \"NÁSA\""
tui_keys /
tui_text "Tianwe"
tui_keys Enter
tui_expect "whole words" "not found: \"Tianwe\""
# Esc at the prompt cancels.
tui_keys / x Escape
tui_expect "prompt cancelled" "\[article\]"
tui_keys Q
expect_eq "exit status" 0 "$(tui_exit_status)"
finish
