#!/bin/sh
# reader-versions.sh: reprints: the list marks the articles of a story
# with how many versions it has; V lists them, the original first; Enter
# compares a version with the original.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

tui_start 120 30 "$SAMPLES"
tui_expect "list" "5 articles, by date"
# 000 (AP) and 001 (The Independent) are the same AP story.
tui_expect "versions marker: 000" "Apr 2021 +AP +\[2\] "
tui_expect "versions marker: 001" "31 Mar 2021 The Independent +\[2\] "
expect_no_match "no marker: 002" "15 Apr 2024 .*\[[0-9]+\]" "$SCREEN"
tui_keys j j V
tui_expect "versions" "2 versions of: US, China consulted on safety"
tui_expect "the original first" "^ = 31 Mar 2021 The Independent +100%"
tui_expect "the reprint" "^   Apr 2021 +AP +[0-9]+% +\+[0-9]+ -[0-9]+ ~[0-9]+"
tui_keys Enter
tui_expect "Enter on the original" "this is the original"
tui_keys j Enter
tui_expect "comparison" "Comparison: [0-9]+% alike"
tui_expect "columns" "The Independent, 31 Mar 2021.* AP, Apr 2021"
tui_keys q
tui_expect "back to the versions" "2 versions of"
tui_keys q
# From the reader too; an article in no story says so.
tui_keys g Enter V
tui_expect "no versions" "this article has no other version"
expect_no_match "no versions field" "Versions:" "$SCREEN"
tui_keys q j Enter
tui_expect "versions field" "Versions: +2 \(press V to compare them\)"
tui_keys V
tui_expect "V from the reader" "2 versions of"
tui_keys q q j V
tui_expect "V from the list on 001" "2 versions of"
tui_keys Q
expect_eq "exit status" 0 "$(tui_exit_status)"
finish
