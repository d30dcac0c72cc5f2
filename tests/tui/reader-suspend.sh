#!/bin/sh
# reader-suspend.sh: ^Z gives the terminal back as it was and stops the
# reader; fg brings its screen back.  Needs a shell with job control, so
# the reader runs under an interactive bash (skipped without one).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"
command -v bash >/dev/null 2>&1 || { echo "SKIP: bash not installed"; exit 77; }

TERM=xterm-256color tmux -S "$TUI_SOCK" -f /dev/null new-session -d -x 80 -y 24 \
	"env -i PATH=\"$PATH\" TERM=screen-256color LC_ALL=C.UTF-8 TZ=UTC HOME=\"$HOME\" XDG_DATA_HOME=\"$XDG_DATA_HOME\" XDG_CONFIG_HOME=\"$XDG_CONFIG_HOME\" PS1='ready\$ ' bash --norc --noprofile -i" ||
	{ echo "FAIL: cannot start tmux" >&2; exit 1; }
tui_expect "shell" "ready\\$"
tui_text "$(tui_quote "$BYLINE") $(tui_quote "$SAMPLES")"
tui_keys Enter
tui_expect "started" "5 articles"
expect_eq "alternate screen while running" 1 "$(tui_pane '#{alternate_on}')"
tui_keys C-z
tui_expect "stopped" "Stopped"
expect_eq "terminal given back" 0 "$(tui_pane '#{alternate_on}')"
tui_text "fg"
tui_keys Enter
tui_expect "screen back" "5 articles, by date"
expect_eq "alternate screen again" 1 "$(tui_pane '#{alternate_on}')"
tui_keys j Enter
tui_expect "keys work after fg" "\[article\]"
tui_keys Q
tui_expect "exited" "ready\\$ *$"
tui_text 'echo "status=$?"'
tui_keys Enter
tui_expect "exit status" "status=0"
finish
