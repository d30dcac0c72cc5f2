#!/bin/sh
# hostile-collection.sh: a collection made to break things, generated here
# (no binary blobs in the repository): empty and blank files, PDF, JPEG,
# gzip and random bytes, invalid, truncated and BOM-less UTF-16 text,
# Latin-1, NUL bytes, escape sequences of every kind (OSC title, link and
# clipboard, CSI 6n, 8-bit C1, DCS, unterminated) and bidi overrides, file
# names with spaces, a newline, invalid UTF-8 and escape sequences, deep
# directories, unreadable files and directories, symbolic link loops and a
# FIFO.  `byline index` finishes with the documented status and reports
# every skipped file with its reason; show, list, search, reprints and diff
# work on what was indexed; no escape, C0 (but \t \n), DEL or C1 character
# reaches their output, which is valid UTF-8; the collection is untouched.
# (The scale cases, 100,000 files and a 20 MB line, are hostile-scale.sh.)
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
need jq

# Unreadable files mean something only to an unprivileged user.  As root
# (CI), byline runs as nobody, from a copy it can reach; if that is not
# possible root reads everything and the test says so.
RUN=
locked=yes
if [ "$(id -u)" -eq 0 ]; then
	pub=$SCRATCH/pub
	mkdir -p "$pub"
	cp "$BYLINE" "$pub/byline" && cp -R "${BYLINE_DATADIR:-$top_srcdir/data}" "$pub/data"
	chmod -R a+rX "$pub"
	chmod 755 "$SCRATCH"
	chown -R nobody "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" 2>/dev/null
	if command -v setpriv > /dev/null 2>&1 &&
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- \
			"$pub/byline" --version > /dev/null 2>&1; then
		RUN="setpriv --reuid=nobody --regid=nogroup --clear-groups --"
		BYLINE=$pub/byline
		BYLINE_DATADIR=$pub/data
		export BYLINE_DATADIR
	else
		echo "note: cannot run as nobody; root reads the 'unreadable' files"
		locked=no
	fi
fi
by () { $RUN "$BYLINE" "$@"; }

c=$SCRATCH/coll
mkdir -p "$c/good" "$c/odd" "$c/bin" "$c/enc" "$c/esc" "$c/names" \
	"$c/deep" "$c/locked" "$c/links"
chmod -R a+rX "$c"
body='The council met on Tuesday to discuss the budget for the coming year, and members argued about the cost of the new bridge over the river.'
cp "$SAMPLES"/*.txt "$c/good/"

# Empty and blank.
: > "$c/odd/empty.txt"
printf '   \n\t\n  \r\n\n\f\n' > "$c/odd/blank.txt"
printf '\033[2J\033]0;x\007\n\302\205\n' > "$c/odd/only-escapes.txt"

# Binary.
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' > "$c/bin/doc.pdf"
printf '\377\330\377\340\000\020JFIF\000\001\001\000\000\001\000\001\000\000' > "$c/bin/photo.jpg"
gzip -9 -n < "$c/good/000_a9864a11cced52c0.txt" > "$c/bin/article.txt.gz"
awk 'BEGIN { srand(42); for (i = 0; i < 65536; i++) printf "%c", int(rand() * 256) }' > "$c/bin/random.bin"
printf '%%PDF-1.4\n' > "$c/bin/$(printf 'pdf\033]0;pwned-binname\007\033[2J.pdf')"

# Encodings: invalid and truncated UTF-8, UTF-16 with and without a BOM,
# Latin-1, NUL bytes.
printf 'Broken \303\050 UTF-8 \200 and \377 here\n\n%s\n' "$body" > "$c/enc/invalid.txt"
printf 'Truncated at the end\n\n%s caf\303' "$body" > "$c/enc/truncated.txt"
# u16 TEXT BE: TEXT (ASCII) as UTF-16, big-endian if BE is not empty.
u16 () {
	printf '%s' "$1" | LC_ALL=C awk -v be="$2" 'BEGIN { RS = "\001" }
		{ n = length($0); for (i = 1; i <= n; i++) { ch = substr($0, i, 1)
		  if (be) printf "%c%s", 0, ch; else printf "%s%c", ch, 0 } }'
}
{ printf '\377\376'; u16 "Little endian with a mark

$body
" ""; } > "$c/enc/utf16le-bom.txt"
{ printf '\376\377'; u16 "Big endian with a mark

$body
" 1; } > "$c/enc/utf16be-bom.txt"
u16 "No mark at all

$body
" "" > "$c/enc/utf16le-nobom.txt"
printf 'Caf\351 au lait\n\nLe caf\351 est \223bon\224 et la cr\350me aussi, dit-il \340 Paris.\n' > "$c/enc/latin1.txt"
printf 'Headline with a NUL\n\nSome text\000with a NUL byte in it. %s\n' "$body" > "$c/enc/nul.txt"

# Escape sequences: OSC 0 and 2 titles (BEL and ST), OSC 8 link, OSC 52
# clipboard, CSI 6n, colours, 8-bit C1 (CSI, OSC, DCS, NEL) as UTF-8 and
# as raw bytes, unterminated sequences, bidi overrides and isolates.
{
	printf 'Title \033]0;pwned-title\007here \033]2;pwned-two\033\\now\n\n'
	printf 'Click \033]8;;http://evil.example/\033\\the link\033]8;;\033\\ now, \033]52;c;cHduZWQ=\007copied and \033[6n asked.\n\n'
	printf 'Red \033[31mRED\033[0m and \302\2331;31mC1 CSI\302\233m and \302\2350;pwned-c1\302\234 and \302\220qDCS\302\234 and \302\205NEL.\n\n'
	printf 'Raw 8-bit \2331;31m CSI and \2350;raw\234 here.\n\n'
	printf 'Bidi \342\200\256evil override\342\200\254 and \342\201\246isolate\342\201\251 end. %s\n\n' "$body"
	printf 'Unterminated \033]0;pwned-unterminated and more\n\nNext \033[ and \033P unfinished DCS\n'
	printf 'Last \033'
} > "$c/esc/escapes.txt"

# File names: spaces, a newline, invalid UTF-8, an escape sequence, C1.
printf 'A name with spaces\n\n%s\n' "$body" > "$c/names/with spaces.txt"
printf 'A name with a newline\n\n%s\n' "$body" > "$c/names/new
line.txt"
printf 'An invalid name\n\n%s\n' "$body" > "$c/names/$(printf 'bad\377\376name.txt')"
esc_name=$c/names/$(printf 'esc\033]0;pwned-name\007\033[2J\302\233c.txt')
printf 'An escaped name\n\n%s\n' "$body" > "$esc_name"

# Deep: 200 nested directories.
(cd "$c/deep" && i=0 && while [ $i -lt 200 ]; do
	mkdir d && cd d || exit 1; i=$((i + 1)); done &&
	printf 'Deep down\n\n%s\n' "$body" > deep.txt) || fail "deep directories"

# Unreadable file and directory.
printf 'Locked file\n\n%s\n' "$body" > "$c/locked/file.txt"
mkdir "$c/locked/dir"
printf 'Locked dir\n\n%s\n' "$body" > "$c/locked/dir/inside.txt"

# Symbolic links (never followed): to itself, a cycle of two, to the
# parent, to a directory of articles, dangling; and a FIFO (never opened).
ln -s self "$c/links/self"
ln -s b "$c/links/a"
ln -s a "$c/links/b"
ln -s .. "$c/links/up"
ln -s ../good "$c/links/good"
ln -s nowhere "$c/links/dangling"
mkfifo "$c/links/fifo" 2>/dev/null || true

chmod -R a+rX "$c"
chmod 000 "$c/locked/file.txt" "$c/locked/dir"

# The collection's state: names, sizes, times, modes and contents.
snapshot () {
	LC_ALL=C find "$c" -printf '%p %s %T@ %m %y\n' | LC_ALL=C sort
	LC_ALL=C find "$c" -type f -perm -u=r -exec cksum {} + | LC_ALL=C sort
}
snapshot > "$SCRATCH/before"

# json_ok WHAT FILE: empty, or JSON jq can read.
json_ok () {
	if [ ! -s "$2" ] || jq . "$2" > /dev/null 2>&1; then pass; else
		fail "$1: invalid JSON"; fi
}

# clean WHAT FILE: no escape or control character, valid UTF-8.
clean () {
	expect_no_escapes "$1" "$2"
	if iconv -f UTF-8 -t UTF-8 < "$2" > /dev/null 2>&1; then pass; else
		fail "$1: output is not valid UTF-8"; fi
}

# ---- index ----
by index -C "$c" > "$SCRATCH/index.out" 2> "$SCRATCH/index.err"
st=$?
clean "index stdout" "$SCRATCH/index.out"
clean "index stderr" "$SCRATCH/index.err"
out=$(cat "$SCRATCH/index.out")
err=$(cat "$SCRATCH/index.err")
if [ $locked = yes ]; then
	expect_eq "index: status 1 (some files could not be read)" 1 "$st"
	expect_match "unreadable file on stderr" 'locked/file.txt: cannot open: Permission denied' "$err"
	expect_match "unreadable directory on stderr" "cannot read directory 'locked/dir': Permission denied" "$err"
	articles=17 skipped=10
else
	expect_eq "index: status 0 (root reads everything)" 0 "$st"
	articles=19 skipped=9
fi
expect_match "summary" "$articles articles \\($articles added, 0 updated, 0 moved, 0 removed, 0 unchanged\\), $skipped files skipped" "$out"
for s in 'bin/article.txt.gz: binary file \(gzip archive\)' \
	'bin/doc.pdf: binary file \(PDF document\)' \
	'bin/photo.jpg: binary file \(JPEG image\)' \
	'bin/random.bin: binary file' \
	'bin/pdf.pdf: binary file \(PDF document\)' \
	'enc/nul.txt: binary file \(contains NUL bytes\)' \
	'odd/empty.txt: empty file' \
	'odd/blank.txt: no text' \
	'odd/only-escapes.txt: no text'; do
	expect_match "summary names [$s]" "^  $s" "$out"
done
expect_no_match "symbolic links are not followed" 'links/(self|a|b|up|good|dangling)' "$out$err"

# list --skipped: the same files, each with its reason; the unreadable too.
by list --skipped -C "$c" > "$SCRATCH/skipped" 2>&1
expect_eq "list --skipped: status" 0 $?
clean "list --skipped" "$SCRATCH/skipped"
skipped=$(cat "$SCRATCH/skipped")
for f in bin/article.txt.gz bin/doc.pdf bin/photo.jpg bin/random.bin \
	bin/pdf.pdf enc/nul.txt odd/empty.txt odd/blank.txt odd/only-escapes.txt; do
	expect_match "list --skipped has $f" "^$f: .*skipped" "$skipped"
done
if [ $locked = yes ]; then
	expect_match "list --skipped: unreadable file" '^locked/file.txt: cannot open: Permission denied' "$skipped"
	expect_match "list --skipped: unreadable directory" '^locked/dir/: cannot read directory: Permission denied' "$skipped"
fi
by list --skipped --json -C "$c" > "$SCRATCH/skipped.json" 2>&1
clean "list --skipped --json" "$SCRATCH/skipped.json"
expect_eq "list --skipped --json: one valid object a line" \
	"$(wc -l < "$SCRATCH/skipped")" "$(jq -c 'select(.path and .reason)' "$SCRATCH/skipped.json" | wc -l)"
expect_match "JSON keeps the name's escape as \\u001b" 'pdf\\u001b\]0;pwned-binname' "$(cat "$SCRATCH/skipped.json")"

# ---- list, search: what was indexed ----
by list --json -C "$c" > "$SCRATCH/list.json" 2>&1
clean "list --json" "$SCRATCH/list.json"
expect_eq "list --json: every article" "$articles" "$(jq -c . "$SCRATCH/list.json" | wc -l)"
for p in enc/invalid.txt enc/truncated.txt enc/utf16le-bom.txt \
	enc/utf16be-bom.txt enc/utf16le-nobom.txt enc/latin1.txt esc/escapes.txt \
	"names/with spaces.txt" "$(printf 'names/new\nline.txt')" \
	"deep/$(printf 'd/%.0s' $(seq 200))deep.txt"; do
	expect_eq "indexed: $p" 1 \
		"$(jq -c --arg p "$p" 'select(.path == $p)' "$SCRATCH/list.json" | wc -l)"
done
headline () { jq -r --arg p "$1" 'select(.path == $p) | .headline' "$SCRATCH/list.json"; }
expect_eq "UTF-16 without a mark" "No mark at all" "$(headline enc/utf16le-nobom.txt)"
expect_eq "UTF-16 big-endian" "Big endian with a mark" "$(headline enc/utf16be-bom.txt)"
expect_eq "Latin-1" "Café au lait" "$(headline enc/latin1.txt)"
expect_eq "escapes: the text is kept" "Title here now" "$(headline esc/escapes.txt)"

by list -C "$c" > "$SCRATCH/list" 2>&1
expect_eq "list: status" 0 $?
clean "list" "$SCRATCH/list"
expect_eq "list: a line an article" "$articles" "$(wc -l < "$SCRATCH/list")"

payload='pwned-(title|two|c1|name|unterminated|binname)|evil\.example|cHduZWQ'
for q in pwned click council 'caf*' bidi evil; do
	by search -C "$c" "$q" > "$SCRATCH/search" 2>&1
	clean "search $q" "$SCRATCH/search"
	expect_no_match "search $q: no escape payload" "$payload" "$(cat "$SCRATCH/search")"
	by search --json -C "$c" "$q" > "$SCRATCH/search.json" 2>&1
	clean "search --json $q" "$SCRATCH/search.json"
	json_ok "search --json $q" "$SCRATCH/search.json"
done
expect_match "search finds the escaped article" 'Title here now' \
	"$(by search -C "$c" click 2>&1)"
expect_eq "search: the payload of an OSC is not indexed" "" \
	"$(by search --json -C "$c" 'evil.example OR cHduZWQ OR "pwned-title"' 2>&1)"

# ---- reprints: the body shared by the small articles makes a story ----
by reprints -C "$c" > "$SCRATCH/reprints" 2>&1
expect_eq "reprints: status" 0 $?
clean "reprints" "$SCRATCH/reprints"
expect_match "reprints: the samples' story" 'US, China consulted on safety' "$(cat "$SCRATCH/reprints")"
by reprints --json -C "$c" > "$SCRATCH/reprints.json" 2>&1
clean "reprints --json" "$SCRATCH/reprints.json"
json_ok "reprints --json" "$SCRATCH/reprints.json"

# ---- show and diff on the files themselves ----
(cd "$c" && find . -type f -exec $RUN "$BYLINE" show {} + ) > "$SCRATCH/show" 2>&1
expect_eq "show every file: status 1 (the binary ones)" 1 $?
clean "show" "$SCRATCH/show"
expect_no_match "show: no escape payload" "$payload" "$(cat "$SCRATCH/show")"
(cd "$c" && find . -type f -exec $RUN "$BYLINE" show --json {} + ) > "$SCRATCH/show.json" 2>/dev/null
clean "show --json" "$SCRATCH/show.json"
json_ok "show --json" "$SCRATCH/show.json"

for mode in --inline --side-by-side --json --stat; do
	COLUMNS=100 by diff $mode "$c/esc/escapes.txt" "$esc_name" > "$SCRATCH/diff" 2>&1
	expect_eq "diff $mode: status" 0 $?
	clean "diff $mode" "$SCRATCH/diff"
	[ $mode = --json ] ||
		expect_no_match "diff $mode: no escape payload" "$payload" "$(cat "$SCRATCH/diff")"
	# (Not from the build tree, which nobody may not be allowed to read: a
	# relative path is looked for there first.)
	(cd "$SCRATCH" && COLUMNS=100 by diff $mode -C "$c" enc/utf16le-nobom.txt \
		enc/latin1.txt) > "$SCRATCH/diff" 2>&1
	expect_eq "diff $mode by indexed path: status" 0 $?
	clean "diff $mode by indexed path" "$SCRATCH/diff"
done

# ---- a second run changes nothing; the collection is untouched ----
by index -C "$c" > "$SCRATCH/index2.out" 2> "$SCRATCH/index2.err"
expect_eq "second run: same status" "$st" $?
expect_match "second run: nothing to do" "$articles articles \\(0 added, 0 updated, 0 moved, 0 removed, $articles unchanged\\)" "$(cat "$SCRATCH/index2.out")"
clean "second run" "$SCRATCH/index2.err"
snapshot > "$SCRATCH/after"
if cmp -s "$SCRATCH/before" "$SCRATCH/after"; then pass; else
	fail "the collection changed: $(diff "$SCRATCH/before" "$SCRATCH/after" | head -c 600)"; fi

finish
