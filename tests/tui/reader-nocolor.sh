#!/bin/sh
# reader-nocolor.sh: NO_COLOR and --color=never give a monochrome screen
# that still shows the distinctions with attributes; colours otherwise.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

ESC=$(printf '\033')
ART=$SAMPLES/001_ba268a7cdc32d459.txt
# colours FILE: the SGR colour parameters in a capture (30-37, 38;5;N,
# 40-47, 48;5;N, 90-107); default-colour resets (39, 49) do not count.
colours () {
	grep -o "$ESC\[[0-9;]*m" "$1" | tr -d "$ESC[m" | tr ';' '\n' |
		grep -E '^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$' | head -n 1
}

check () {
	what=$1; shift
	tui_start 80 24 -k Jurczyk "$@" "$ART"
	tui_expect "$what: opened" "\[article\]"
	tui_keys /
	tui_text NASA
	tui_keys Enter
	tui_expect "$what: search" "hit 1 of"
	tui_screen -e > "$SCRATCH/attr"
	tui_keys Q
	tui_exit_status >/dev/null
}

TUI_ENV="NO_COLOR=1" check "NO_COLOR"
expect_eq "NO_COLOR: no colour" "" "$(colours "$SCRATCH/attr")"
# Reverse (7) for the title and the hits, bold (1) for the headline.
expect_match "NO_COLOR: reverse" "${ESC}\[([0-9;]*;)?7[;m]" "$(cat "$SCRATCH/attr")"
expect_match "NO_COLOR: bold" "${ESC}\[([0-9;]*;)?1[;m]" "$(cat "$SCRATCH/attr")"
expect_match "NO_COLOR: underlined term" "${ESC}\[([0-9;]*;)?4[;m]" "$(cat "$SCRATCH/attr")"

# The comparison marks words with [- -] and {+ +} when there is no colour.
TUI_ENV="NO_COLOR=1" tui_start 120 40 "$SAMPLES"
tui_expect "list" "5 articles"
tui_keys j m j d
tui_expect "NO_COLOR: comparison marks" "\[-.*-\]"
tui_expect "NO_COLOR: insertion marks" "\{\+.*\+\}"
tui_screen -e > "$SCRATCH/attr"
tui_keys Q
tui_exit_status >/dev/null
expect_eq "NO_COLOR comparison: no colour" "" "$(colours "$SCRATCH/attr")"

check "--color=never" --color=never
expect_eq "--color=never: no colour" "" "$(colours "$SCRATCH/attr")"

TUI_ENV="NO_COLOR=1" check "--color=always wins" --color=always
expect_match "--color=always: colours" "." "$(colours "$SCRATCH/attr")"
check "default" 
expect_match "default: colours" "." "$(colours "$SCRATCH/attr")"

# A search hit on the list's cursor row: the row is reversed, so the hit
# is underlined and bold (not reversed, like the hits on other rows).
TUI_ENV="NO_COLOR=1" tui_start 120 30 "$SAMPLES"
tui_expect "NO_COLOR list" "5 articles, by date"
tui_keys /
tui_text mars
tui_keys Enter
tui_expect "NO_COLOR list search" "search: mars"
if tui_wait_attr "^$ESC\[[0-9;]*7m.*$ESC\[[0-9;]*4m($ESC\[[0-9;]*m)*Mars"; then
	pass
else
	fail "NO_COLOR: the hit on the cursor row is not underlined:"
	printf '%s\n' "$SCREEN" | cat -v | sed 's/^/  | /' >&2
fi
expect_no_match "NO_COLOR: no reversed hit on the cursor row" \
	"^$ESC\[[0-9;]*7m.*$ESC\[7mMars" "$SCREEN"
tui_keys Q
tui_exit_status >/dev/null
finish
