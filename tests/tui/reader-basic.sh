#!/bin/sh
# reader-basic.sh: the list of the samples, opening one, help, back, quit.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

# Not a terminal: refused with a message and status 2 (no tmux needed).
"$BYLINE" "$SAMPLES" </dev/null >"$SCRATCH/out" 2>"$SCRATCH/err"
expect_eq "not a terminal (status)" 2 "$?"
expect_match "not a terminal (message)" "needs a terminal" "$(cat "$SCRATCH/err")"

# A mistyped command is neither a command nor a directory.
"$BYLINE" lsit </dev/null >/dev/null 2>"$SCRATCH/err"
expect_eq "mistyped command (status)" 2 "$?"
expect_match "mistyped command (message)" "'lsit' is neither a command nor a directory" "$(cat "$SCRATCH/err")"
"$BYLINE" --color=sometimes "$SAMPLES" </dev/null >/dev/null 2>"$SCRATCH/err"
expect_eq "bad --color (status)" 2 "$?"
expect_match "bad --color (message)" "sometimes" "$(cat "$SCRATCH/err")"
"$BYLINE" -k x --help </dev/null >"$SCRATCH/out" 2>&1
expect_eq "reader --help (status)" 0 "$?"
expect_match "reader --help" "--no-mouse" "$(cat "$SCRATCH/out")"

tui_start 100 30 "$SAMPLES"
tui_expect "title: count and order" "sample-articles: 5 articles, by date"
for h in "As their respective spacecraft" "US, China consulted on safety" \
	"China, NASA Coordinate on Mars" "Chinese Space Officials Meeting" \
	"China, US move toward cooperation"; do
	tui_expect "list row" "$h"
done
tui_expect "list: outlet" "The Independent"

# Newest first: 002, 000, 001, 004, 003 (no date); Enter opens 001.
tui_keys j j Enter
tui_expect "reader: title" "\[article\].*US, China consulted"
tui_expect "reader: date" "Date: +31 Mar 2021 04:15"
tui_expect "reader: body" "China's National Space Agency confirmed Wednesday"
tui_expect "reader: path" "File: +001_ba268a7cdc32d459.txt"
tui_keys G
tui_expect "reader: end" "\[article\] 100%"

# The original text, boilerplate included, and back.
tui_keys o
tui_expect "original: boilerplate" "Stay up to date with notifications"
tui_keys o
tui_expect_gone "clean again" "Stay up to date with notifications"

# Help: every action of actions.def, with its key.
tui_resize 100 60
tui_keys '?'
tui_expect "help: title" "Help: keys and actions"
sed -n 's/^ACTION ([A-Z_]*, *"\([a-z-]*\)".*/\1/p' \
	"$top_srcdir/src/actions.def" > "$SCRATCH/actions"
expect_match "actions.def read" "page-down" "$(cat "$SCRATCH/actions")"
while read -r a; do
	tui_expect "help lists $a" " $a "
done < "$SCRATCH/actions"
tui_expect "help: keys" "j, <Down> +down"

# q closes help, then the reader; the list is back with 001 selected.
tui_keys q
tui_expect "back in the reader" "\[article\]"
tui_keys q
tui_expect "back in the list" "5 articles"
# J from the list opens the next article (004).
tui_keys J
tui_expect "next article" "\[article\].*China, US move toward cooperation"
# J in the reader goes on to the next (003), K back.
tui_keys J
tui_expect "J in the reader" "\[article\].*Chinese Space Officials Meeting"
tui_keys K
tui_expect "K in the reader" "\[article\].*China, US move toward cooperation"
tui_keys Q
expect_eq "exit status" 0 "$(tui_exit_status)"
expect_eq "nothing on stderr" "" "$(cat "$SCRATCH/stderr")"

# No argument: the current directory; -k highlights in the list.
cd "$SAMPLES" || exit 99
tui_start 100 30 -k mars
tui_expect "no argument: current directory" "5 articles"
if tui_wait_attr "$(printf '\033')\[[0-9;]*m[Mm]ars"; then pass; else
	fail "-k mars: not highlighted in the list"; fi
tui_keys q
expect_eq "q in the list quits" 0 "$(tui_exit_status)"
cd - >/dev/null || exit 99

# Files the indexer could not read are counted on the status line.
if [ "$(id -u)" != 0 ]; then
	mkdir "$SCRATCH/coll"
	cp "$SAMPLES/001_ba268a7cdc32d459.txt" "$SCRATCH/coll/"
	echo "An unreadable article" > "$SCRATCH/coll/secret.txt"
	chmod 000 "$SCRATCH/coll/secret.txt"
	tui_start 80 24 "$SCRATCH/coll"
	tui_expect "unreadable counted" "1 file could not be read"
	tui_expect "the rest listed" "1 article"
	tui_keys Q
	expect_eq "unreadable: exit status" 0 "$(tui_exit_status)"
fi

# SIGTERM and SIGINT restore the terminal (the alternate screen is left,
# the cursor is back) and end with the signal's status.
for sig in TERM INT; do
	tui_start 80 24 "$SAMPLES"
	tui_expect "$sig: started" "5 articles"
	expect_eq "$sig: alternate screen while running" 1 "$(tui_pane '#{alternate_on}')"
	kill -s "$sig" "$(cat "$SCRATCH/pid")"
	want=143; [ "$sig" = INT ] && want=130
	expect_eq "$sig: exit status" "$want" "$(tui_exit_status)"
	expect_eq "$sig: alternate screen left" 0 "$(tui_pane '#{alternate_on}')"
	expect_eq "$sig: cursor shown" 1 "$(tui_pane '#{cursor_flag}')"
done

finish
