# tests/tui/lib.sh: shared by the end-to-end tests of the reader.  Source
# it first:
#   . "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"
# On top of tests/cli/lib.sh (pinned environment, scratch directory,
# expect_* helpers) it runs the real program in an isolated tmux server of
# a fixed size and polls the screen for what a test waits for, never
# sleeping for a fixed time.  Without tmux the test is skipped, except in
# CI ($CI set), where that is a failure.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	if [ -n "${CI:-}" ]; then
		echo "FAIL: tmux is needed for the TUI tests in CI" >&2
		exit 1
	fi
	echo "SKIP: tmux not installed"
	exit 77
fi

TUI_SOCK=$SCRATCH/tmux.sock
trap 'tmux -S "$TUI_SOCK" kill-server 2>/dev/null; chmod -R u+rwx "$SCRATCH" 2>/dev/null; rm -rf "$SCRATCH"' EXIT
# The most a wait may take, in tenths of a second.
TUI_TIMEOUT=${TUI_TIMEOUT:-100}
SCREEN=

# tui_quote ARG: ARG single-quoted for sh.
tui_quote () {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# tui_start COLS LINES [ARG]...: runs byline ARG... in a new tmux server;
# TUI_ENV (assignments, e.g. "NO_COLOR=1") is added to its environment.
# When byline exits the pane shows "[exit STATUS]"; $SCRATCH/pid holds
# its process id.
tui_start () {
	cols=$1 lines=$2; shift 2
	run=$SCRATCH/run.sh
	{
		echo 'export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC TERM=screen-256color'
		echo "export HOME=$(tui_quote "$HOME")"
		echo "export XDG_DATA_HOME=$(tui_quote "$XDG_DATA_HOME")"
		echo "export XDG_CONFIG_HOME=$(tui_quote "$XDG_CONFIG_HOME")"
		echo 'unset NO_COLOR'
		[ -n "${TUI_ENV:-}" ] && echo "export ${TUI_ENV}"
		printf '%s' "$(tui_quote "$BYLINE")"
		for a in "$@"; do printf ' %s' "$(tui_quote "$a")"; done
		echo " 2>$(tui_quote "$SCRATCH/stderr") </dev/tty &"
		echo "echo \$! > $(tui_quote "$SCRATCH/pid")"
		echo 'wait $!; echo "[exit $?]"'
		echo 'exec sleep 600'
	} > "$run"
	TERM=xterm-256color tmux -S "$TUI_SOCK" -f /dev/null new-session -d \
		-x "$cols" -y "$lines" "sh $(tui_quote "$run")" ||
		{ echo "FAIL: cannot start tmux" >&2; exit 1; }
}

# tui_pane FORMAT: a tmux format about the pane ("#{alternate_on}").
tui_pane () {
	tmux -S "$TUI_SOCK" display-message -p "$1"
}

# tui_screen [-e]: the pane's text now (with -e, with its attributes).
tui_screen () {
	tmux -S "$TUI_SOCK" capture-pane -p "$@" 2>/dev/null
}

# tui_wait PATTERN: polls the screen until grep -E PATTERN matches (0) or
# the time is up (1); SCREEN holds the last capture.
tui_wait () {
	i=0
	while [ "$i" -lt "$TUI_TIMEOUT" ]; do
		SCREEN=$(tui_screen)
		printf '%s\n' "$SCREEN" | grep -Eq -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# tui_wait_attr PATTERN: like tui_wait, on the screen with attributes.
tui_wait_attr () {
	i=0
	while [ "$i" -lt "$TUI_TIMEOUT" ]; do
		SCREEN=$(tui_screen -e)
		printf '%s\n' "$SCREEN" | grep -Eq -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# tui_wait_gone PATTERN: polls until PATTERN is no longer on the screen.
tui_wait_gone () {
	i=0
	while [ "$i" -lt "$TUI_TIMEOUT" ]; do
		SCREEN=$(tui_screen)
		printf '%s\n' "$SCREEN" | grep -Eq -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# tui_expect WHAT PATTERN: waits for PATTERN; a failure shows the screen.
tui_expect () {
	if tui_wait "$2"; then pass; else
		fail "$1: [$2] did not appear; the screen was:"
		printf '%s\n' "$SCREEN" | sed 's/^/  | /' >&2
	fi
}

# tui_expect_gone WHAT PATTERN
tui_expect_gone () {
	if tui_wait_gone "$2"; then pass; else
		fail "$1: [$2] stayed on the screen:"
		printf '%s\n' "$SCREEN" | sed 's/^/  | /' >&2
	fi
}

# tui_keys KEY...: tmux key names (Enter, Escape, C-d, NPage) or text.
tui_keys () {
	tmux -S "$TUI_SOCK" send-keys "$@"
}

# tui_text TEXT: types TEXT literally.
tui_text () {
	tmux -S "$TUI_SOCK" send-keys -l -- "$1"
}

# tui_mouse BUTTON COL ROW: what a terminal in X10 mouse mode (the
# screen-256color entry's kmous) sends: ESC [ M and three bytes, 32 plus
# the button (0 left press, 3 release, 64 wheel up, 65 wheel down) and
# the 1-based column and row.
tui_mouse () {
	b=$(printf '\%03o' $((32 + $1)))
	x=$(printf '\%03o' $((32 + $2)))
	y=$(printf '\%03o' $((32 + $3)))
	# shellcheck disable=SC2059
	tmux -S "$TUI_SOCK" send-keys -l "$(printf "\033[M$b$x$y")"
}

# tui_click COL ROW: a left click.
tui_click () {
	tui_mouse 0 "$1" "$2"
	tui_mouse 3 "$1" "$2"
}

# tui_resize COLS LINES
tui_resize () {
	tmux -S "$TUI_SOCK" resize-window -x "$1" -y "$2"
}

# tui_exit_status: waits for byline to exit and prints its status; a
# sanitizer report on its stderr is a failure.
tui_exit_status () {
	if tui_wait '^\[exit [0-9]+\]'; then
		if grep -Eq 'Sanitizer|runtime error' "$SCRATCH/stderr"; then
			fail "sanitizer report:"
			head -n 30 "$SCRATCH/stderr" >&2
		fi
		printf '%s\n' "$SCREEN" | sed -n 's/^\[exit \([0-9]*\)\].*/\1/p' | tail -n 1
	else
		echo none
	fi
}

# tui_col TEXT: the display column (1-based) just after the first TEXT on
# the screen, counting wide characters as two (wc -L is width-aware).
tui_col () {
	printf '%s\n' "$SCREEN" | grep -F -- "$1" | head -n 1 |
		sed "s/\($(printf '%s' "$1" | sed 's/[][\.*^$/]/\\&/g')\).*/\1/" |
		wc -L
}
