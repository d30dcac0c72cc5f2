#!/bin/sh
# reader-list.sh: the list over the index: full-text search, limit, sort,
# read and bookmark flags kept in the index, next unread, the split view.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

ESC=$(printf '\033')
H000="As their respective spacecraft headed to Mars"
H001="US, China consulted on safety"
H002="China, NASA Coordinate on Mars"
H003="Chinese Space Officials Meeting"
H004="China, US move toward cooperation"

tui_start 100 30 "$SAMPLES"
tui_expect "list" "5 articles, by date"
tui_expect "all unread" "^ N +15 Apr 2024"

# / runs a ranked full-text query over the collection.
tui_keys /
tui_expect "search prompt" "^search:"
tui_text "Jurczyk"
tui_keys Enter
tui_expect "search: count" "2 articles, by relevance, search: Jurczyk"
tui_expect "search: 000" "$H000"
tui_expect "search: 001" "$H001"
expect_no_match "search: not 002" "$H002" "$SCREEN"
expect_no_match "search: not 004" "$H004" "$SCREEN"
# Opening a hit highlights the query's terms in the article.
tui_keys Enter
tui_expect "hits marked" "hits for \"Jurczyk\": press n"
tui_keys n
tui_expect "first hit" "hit 1 of"
if tui_wait_attr "$ESC\[[0-9;]*mJurczyk"; then pass; else
	fail "search terms not highlighted in the article"; fi
tui_keys q
# Terms of a search are highlighted in the headlines.
tui_keys /
tui_text "mars"
tui_keys Enter
tui_expect "search mars" "search: mars"
if tui_wait_attr "$ESC\[[0-9;]*mMars"; then pass; else
	fail "search terms not highlighted in the headlines"; fi
# q clears the search before it quits.
tui_keys q
tui_expect "search cleared" "5 articles, by date$"

# l limits with the query language; sorting keeps the limit.
tui_keys l
tui_expect "limit prompt" "^limit:"
tui_text "date:2021"
tui_keys Enter
tui_expect "limit" "2 articles, by date, limit: date:2021"
tui_keys c
tui_expect "limit cleared" "5 articles, by date$"
tui_keys l
tui_text "outlet:(("
tui_keys Enter
tui_expect "bad query reported" "column"
tui_keys s
tui_expect "sort by outlet" "5 articles, by outlet"
tui_keys s
tui_expect "sort by headline" "by headline"
tui_expect "first by headline" "^ N .*$H000"
tui_keys S
tui_expect "reversed" "by headline \(reversed\)"
# 001 was opened from the search: it is read.
tui_expect "first reversed" "^    .*$H001"
tui_keys s s
tui_expect "sort by versions" "by versions \(reversed\)"
tui_keys s
tui_expect "back to date" "by date \(reversed\)"
tui_keys S
tui_expect "by date" "5 articles, by date$"

# Read, unread, bookmark; Tab goes to the next unread.  (A new order
# keeps the selected article selected: go to the top first.)
tui_keys g Enter
tui_expect "opened 002" "\[article\].*$H002"
tui_keys q
tui_expect "002 read" "^    15 Apr 2024"
tui_keys j b
tui_expect "000 bookmarked" "^ N! Apr 2021"
tui_keys r
tui_expect "000 read" "^  ! Apr 2021"
tui_keys g Tab Enter
tui_expect "next unread: 004" "\[article\].*$H004"
# In the reader, b and r act on the article read.
tui_keys b
tui_expect "bookmarked from the reader" "bookmarked"
tui_keys r
tui_expect "unread from the reader" "marked unread"
tui_keys r q
tui_expect "flags of 004" "^  ! 12 Jan 2014"
tui_keys b
tui_keys Q
expect_eq "exit status" 0 "$(tui_exit_status)"

# The flags are in the index: still there next time.
tui_start 100 30 "$SAMPLES"
tui_expect "flags kept: 002" "^    15 Apr 2024"
tui_expect "flags kept: 000" "^  ! Apr 2021"
tui_expect "flags kept: 004" "^    12 Jan 2014"
tui_expect "flags kept: 003" "^ N  +Space.com"

# The mouse: the terminal was asked for mouse events; a click selects
# a row, a click on the selected row opens it, the wheel scrolls.
expect_eq "mouse reporting on" 1 "$(tui_pane '#{mouse_standard_flag}')"
tui_click 20 4
# The selected row has the cursor's background (colour 117).
if tui_wait_attr "48;5;117m[^$ESC]*31 Mar 2021"; then pass; else
	fail "click did not select the row"; fi
tui_click 20 4
tui_expect "click opens" "\[article\].*$H001"
tui_mouse 65 20 10
tui_expect "wheel scrolls" "\[article\] +[1-9][0-9]?%"
tui_keys q
tui_expect "back" "5 articles"
tui_keys g

# The split: the selected article below the list, then beside it.
tui_keys v
tui_expect "split: article below" "Date: +15 Apr 2024"
tui_expect "split: list above" "$H002"
tui_keys j
tui_expect "split: follows the selection" "File: +000_"
tui_resize 200 40
tui_expect "side by side" "\|.*File: +000_"
tui_keys v
tui_expect_gone "split off" "File: +000_"

tui_keys Q
tui_exit_status >/dev/null

# --no-mouse leaves the terminal's mouse alone.
tui_start 100 30 --no-mouse "$SAMPLES"
tui_expect "--no-mouse: list" "5 articles"
expect_eq "--no-mouse: mouse reporting off" 0 "$(tui_pane '#{mouse_standard_flag}')"

# m marks an article, d compares it with the selected one, side by side.
tui_resize 120 40
tui_keys g d
tui_expect "d without a mark" "mark an article with 'm' first"
tui_keys j m j d
tui_expect "comparison" "Comparison: [0-9]+% alike, [0-9]+ words added"
tui_expect "column headings" "AP, Apr 2021, 000_.* The Independent, 31 Mar 2021"
tui_expect "side by side" "As their respective spacecraft headed .*\| .*As their respective spacecrafts headed"
if tui_wait_attr "$ESC\[[0-9;]*mUnited States"; then pass; else
	fail "changed words not marked"; fi
tui_keys n
tui_expect "next change" "Comparison"
tui_keys q
tui_expect "back to the list" "5 articles"
tui_keys Q
expect_eq "exit status" 0 "$(tui_exit_status)"
finish
