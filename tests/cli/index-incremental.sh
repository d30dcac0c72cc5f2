#!/bin/sh
# index-incremental.sh: touch, edit, delete, move, add files between runs;
# ids and per-article state follow the content; unreadable files.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
need jq

coll=$SCRATCH/coll
idx=$SCRATCH/index.db
mkdir -p "$coll"
cp "$SAMPLES"/*.txt "$coll/"
index () { "$BYLINE" index -C "$coll" --index="$idx" "$@"; }
ids () { "$BYLINE" list --json -C "$coll" --index="$idx" | jq -r '"\(.path) \(.id)"' | sort; }
id_of () { "$BYLINE" list --json -C "$coll" --index="$idx" | jq -r --arg p "$1" 'select(.path == $p) | .id'; }

index > /dev/null
expect_eq "first run" 5 "$("$BYLINE" list -C "$coll" --index="$idx" | wc -l)"
ids0=$(ids)

# touch: same bytes, nothing to update.
touch "$coll/000_a9864a11cced52c0.txt"
expect_match "touch" '\(0 added, 0 updated, 0 moved, 0 removed, 5 unchanged\)' "$(index)"
expect_eq "touch keeps ids" "$ids0" "$(ids)"

# edit: updated in place, same id, new words searchable.
id1=$(id_of 001_ba268a7cdc32d459.txt)
sed 's/Jurczyk/Quokkaburra/' "$coll/001_ba268a7cdc32d459.txt" > "$SCRATCH/edit"
cat "$SCRATCH/edit" > "$coll/001_ba268a7cdc32d459.txt"
expect_match "edit" '\(0 added, 1 updated, 0 moved, 0 removed, 4 unchanged\)' "$(index)"
expect_eq "edit keeps the id" "$id1" "$(id_of 001_ba268a7cdc32d459.txt)"
expect_eq "edit is searchable" 001_ba268a7cdc32d459.txt \
	"$("$BYLINE" search --json -C "$coll" --index="$idx" quokkaburra | jq -r .path)"

# delete
rm "$coll/002_627ae5fae44a2e15.txt"
expect_match "delete" '4 articles \(0 added, 0 updated, 0 moved, 1 removed, 4 unchanged\)' "$(index)"
expect_eq "deleted is gone from search" "" \
	"$("$BYLINE" search --json -C "$coll" --index="$idx" 'date:2021-03-31 outlet:nothing-here')"

# move (rename into a new directory): same id, and the state follows.
id3=$(id_of 003_b83eedb220476ed3.txt)
have_sqlite=no
if command -v sqlite3 > /dev/null 2>&1; then
	have_sqlite=yes
	sqlite3 "$idx" "INSERT INTO state (id, read, bookmark) VALUES ($id3, 1, 1)"
fi
mkdir "$coll/moved"
mv "$coll/003_b83eedb220476ed3.txt" "$coll/moved/renamed.txt"
expect_match "move" '4 articles \(0 added, 0 updated, 1 moved, 0 removed, 3 unchanged\)' "$(index)"
expect_eq "move keeps the id" "$id3" "$(id_of moved/renamed.txt)"
if [ $have_sqlite = yes ]; then
	expect_eq "move keeps the state" "1|1" \
		"$(sqlite3 "$idx" "SELECT read, bookmark FROM state WHERE id = $id3")"
fi

# add a copy: a new article (the original is still there).
cp "$coll/moved/renamed.txt" "$coll/copy.txt"
expect_match "add" '5 articles \(1 added, 0 updated, 0 moved, 0 removed, 4 unchanged\)' "$(index)"

# A text file turning binary and back.
printf '%%PDF-1.4\n\0\0binary' > "$coll/copy.txt"
out=$(index)
expect_match "now binary" '4 articles \(0 added, 0 updated, 0 moved, 1 removed, 4 unchanged\), 1 file skipped' "$out"
expect_match "now binary: listed" '^  copy\.txt: ' "$out"
expect_match "list --skipped" '^copy\.txt: ' "$("$BYLINE" list --skipped -C "$coll" --index="$idx")"
cp "$SAMPLES/002_627ae5fae44a2e15.txt" "$coll/copy.txt"
expect_match "text again" '5 articles \(1 added, .*\)$' "$(index)"
expect_eq "no more skipped" "" "$("$BYLINE" list --skipped -C "$coll" --index="$idx")"

# --rebuild keeps the state by path.
if [ $have_sqlite = yes ]; then
	index --rebuild --quiet
	expect_eq "rebuild keeps the state" "1|1" \
		"$(sqlite3 "$idx" "SELECT s.read, s.bookmark FROM state s JOIN articles a USING (id) WHERE a.path = 'moved/renamed.txt'")"
fi

# An unreadable file: reported, exit 1, the rest indexed, retried next time.
if [ "$(id -u)" != 0 ]; then
	cp "$SAMPLES/000_a9864a11cced52c0.txt" "$coll/locked.txt"
	chmod 000 "$coll/locked.txt"
	index > "$SCRATCH/out" 2> "$SCRATCH/err"
	expect_eq "unreadable: exit status" 1 $?
	expect_match "unreadable: message" 'locked\.txt: cannot open: ' "$(cat "$SCRATCH/err")"
	expect_match "unreadable: in --skipped" '^locked\.txt: ' "$("$BYLINE" list --skipped -C "$coll" --index="$idx")"
	chmod 644 "$coll/locked.txt"
	expect_match "readable again" '6 articles \(1 added' "$(index)"
fi

finish
