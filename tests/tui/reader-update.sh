#!/bin/sh
# reader-update.sh: a collection whose index has finished a run opens at
# once on the index as it is, and is brought up to date behind the screen
# (bgindex.h): new and removed files show in the list when the update is
# done, with a message saying what changed, and the selection stays on its
# article.  Quitting while the update runs stops it (nothing is left
# running) and the next run finishes the job.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

coll=$SCRATCH/coll
mkdir -p "$coll"
cp "$SAMPLES"/*.txt "$coll/"
"$BYLINE" index --quiet -C "$coll" || fail "first index"

# Changes since: 003 removed, one new article.
rm "$coll"/003_*.txt
{
	echo "Lighthouse keepers return to Fastnet Rock after forty years"
	echo
	echo "By Morwenna Tregarthen"
	echo
	i=0
	while [ $i -lt 12 ]; do
		echo "The keepers, paragraph $i, found the lamp room as it was left, with the logbook open and the brass polished by the last crew before automation."
		echo
		i=$((i + 1))
	done
} > "$coll/lighthouse.txt"

tui_start 120 30 "$coll"
tui_expect "the update's message" "index updated: 1 new, 0 changed, 1 removed"
tui_expect "the new article is listed" "Lighthouse keepers return to Fastnet Rock"
tui_expect "the count" "5 articles, by date"
expect_no_match "the removed one is gone" "Chinese Space Officials Meeting" "$SCREEN"
# The list works on the updated index: open the new article.
tui_keys G
tui_keys Enter
tui_expect "the new article opens" "Morwenna Tregarthen"
tui_keys q q
expect_eq "exit status" 0 "$(tui_exit_status)"
tmux -S "$TUI_SOCK" kill-server 2>/dev/null

# many DIR N NAME: N small articles dated 5 March 2025 (newer than every
# sample, so they sort above them) in DIR, files NAME0000.txt..., each of
# words drawn at random, so that no two are alike (templated articles
# would all be compared as reprints).
many () {
	mkdir -p "$1"
	awk -v dir="$1" -v n="$2" -v name="$3" 'BEGIN {
		nw = split("harbour quay boats tide cargo master pilot crane ferry " \
			"storm dock net fish trawler crew winch rope anchor buoy light " \
			"gull salt wind north south east west morning evening night " \
			"council mayor vote budget road bridge school market bakery " \
			"river flood rain field farmer wheat barley sheep cattle fence " \
			"train station ticket platform engine signal driver track", w, " ")
		srand(7)
		for (i = 0; i < n; i++) {
			f = sprintf("%s/%s%04d.txt", dir, name, i)
			printf "Harbour report %s number %d\n\nMarch 5, 2025\n\n", name, i > f
			for (p = 0; p < 3; p++) {
				line = ""
				for (k = 0; k < 25; k++)
					line = line w[int(rand() * nw) + 1] " "
				print line "." > f
				print "" > f
			}
			close(f)
		}
	}'
}

# The selection stays on its article while 4,000 rows arrive above it
# (400 under valgrind, where everything is fifty times slower).
N=4000
[ "${BYLINE_TEST_SLOWDOWN:-1}" -gt 1 ] && N=400
many "$coll/many" $N a
tui_start 120 30 "$coll"
tui_expect "first screen" "articles, by date"
if printf '%s\n' "$SCREEN" | grep -q " 5 articles, by date"; then
	tui_keys j j
	tui_expect "third row selected" "31 Mar 2021 +The Independent"
	tui_expect "the update's message" "index updated: $N new, 0 changed, 0 removed"
	tui_expect "the new count" "$((N + 5)) articles, by date"
	tui_keys Enter
	tui_expect "the same article is selected" "US, China consulted on safety"
else
	echo "note: the update was done before the first screen; selection not checked"
fi
tui_keys q q
expect_eq "exit status" 0 "$(tui_exit_status)"
tmux -S "$TUI_SOCK" kill-server 2>/dev/null

# Quitting during a long update stops it: the files replaced by others.
rm -r "$coll/many"
many "$coll/more" $N b
tui_start 120 30 "$coll"
tui_expect "shown before the update ends" "articles, by date"
tui_keys q
expect_eq "exit status" 0 "$(tui_exit_status)"
# No byline is left running on the collection.
left=$(ps -eo args= | grep -F -- "$coll" | grep -v -e grep -e 'run\.sh' -e '^sleep' || true)
expect_eq "nothing left running" "" "$left"
"$BYLINE" index --quiet -C "$coll" || fail "index after the interrupted update"
expect_eq "the next run finishes the job" $((N + 5)) "$("$BYLINE" list -C "$coll" | wc -l)"
finish
