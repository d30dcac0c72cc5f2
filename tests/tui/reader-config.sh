#!/bin/sh
# reader-config.sh: the config file rebinds keys, sets colours and
# highlight terms; a bad line is reported with its line number, never
# fatal.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

ESC=$(printf '\033')
mkdir -p "$XDG_CONFIG_HOME/byline"
cat > "$XDG_CONFIG_HOME/byline/config" <<'CFG'
# keys
bind x quit
bind <F5> help
unbind Q
frobnicate the widgets
highlight "working-level meetings"
highlight Jurczyk
color highlight2 brightmagenta default bold
set mouse off
CFG

tui_start 100 30 "$SAMPLES/001_ba268a7cdc32d459.txt"
tui_expect "opened" "\[article\]"
tui_expect "bad line reported" "config:5: unknown command 'frobnicate'"
expect_eq "set mouse off" 0 "$(tui_pane '#{mouse_standard_flag}')"
# Both terms highlighted, each in its own colour.
tui_expect "terms on screen" "working-level meetings"
tui_screen -e > "$SCRATCH/attr"
first=$(grep -o "$ESC\[[0-9;]*m\($ESC\[[0-9;]*m\)*working-level meetings" "$SCRATCH/attr" | head -n 1)
second=$(grep -o "$ESC\[[0-9;]*m\($ESC\[[0-9;]*m\)*Jurczyk" "$SCRATCH/attr" | head -n 1)
expect_match "multi-word term highlighted" "working-level" "$first"
expect_match "second term highlighted" "Jurczyk" "$second"
if [ "${first%working*}" != "${second%Jurczyk*}" ]; then pass; else
	fail "terms not in their own colours: same attributes [${first%working*}]"; fi
# Set by the config: bright magenta (13) for the second term.
expect_match "configured colour" "(38;5;13|95)m" "$second"
tui_keys F5
tui_expect "rebound help" "Help: keys and actions"
tui_expect "help shows the new binding" "x +quit"
tui_keys q Q
tui_expect "Q unbound" "no action bound to key Q"
tui_keys x
expect_eq "x quits" 0 "$(tui_exit_status)"
finish
