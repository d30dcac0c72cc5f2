#!/bin/sh
# show-hostile.sh: `byline show` on hostile files: each gets metadata or a
# clear error, nothing crashes, no escape byte reaches stdout.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"
need jq

d=$SCRATCH/hostile
mkdir -p "$d"
: > "$d/empty.txt"
printf '   \n\t\n  \n' > "$d/blank.txt"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' > "$d/image.png"
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n' > "$d/doc.pdf"
printf '\037\213\010\000\000\000\000\000' > "$d/archive.gz"
printf 'Headline here\n\nSome text\0with a NUL byte in it.\n' > "$d/nul.txt"
printf 'Broken \303\050 UTF-8 \200 here and there in a long enough paragraph of body text.\n' > "$d/invalid.txt"
# UTF-16LE with BOM: "Hi café\n"
printf '\377\376H\000i\000 \000c\000a\000f\000\351\000\n\000' > "$d/utf16.txt"
# Latin-1 / Windows-1252.
printf 'Caf\351 au lait\n\nLe caf\351 est \223bon\224 et la cr\350me aussi, dit-il.\n' > "$d/latin1.txt"
# Escape sequences: OSC title, OSC 8 link, OSC 52 clipboard, CSI 6n, C1 CSI, bidi override.
printf 'Title\033]0;pwned\007 here\n\nClick \033]8;;http://x\033\\link\033]8;;\033\\ now \033]52;c;Zm9v\007 and \033[6n and \302\233\061m red\033[31m and \342\200\256evil and \033[unterminated\n' > "$d/escapes.txt"
# A 10 MB single line.
head -c 10000000 /dev/zero | tr '\0' 'a' > "$d/huge.txt"
printf ' end\n' >> "$d/huge.txt"

"$BYLINE" show --json "$d"/* > "$SCRATCH/out.json" 2> "$SCRATCH/err"
status=$?
expect_eq "exit status 1 when some files fail" 1 "$status"
expect_eq "one JSON line per file" "$(ls "$d" | wc -l)" "$(wc -l < "$SCRATCH/out.json")"
expect_eq "valid JSON" 0 "$(jq -e . "$SCRATCH/out.json" > /dev/null; echo $?)"
expect_no_escapes "stdout" "$SCRATCH/out.json"

get () { jq -r "select(.path | endswith(\"/$1\")) | $2" "$SCRATCH/out.json"; }

for f in image.png doc.pdf archive.gz nul.txt; do
	expect_match "$f is an error" 'binary' "$(get "$f" .error)"
	expect_match "$f named on stderr" "$f: .*binary" "$(cat "$SCRATCH/err")"
done
expect_eq "empty file has no body" 0 "$(get empty.txt .words)"
expect_eq "blank file has no body" 0 "$(get blank.txt .words)"
expect_match "invalid UTF-8 replaced" '�' "$(get invalid.txt .body)"
expect_match "UTF-16 decoded" 'Hi café' "$(get utf16.txt '.headline + " " + .body')"
expect_match "Latin-1 decoded" 'café est “bon”' "$(get latin1.txt .body)"
expect_match "Latin-1 warned" 'Windows-1252' "$(get latin1.txt '.warnings | join(" ")')"
expect_match "escapes removed, text kept" 'Click link now' "$(get escapes.txt '[.headline, .dek, .body] | join(" ")')"
expect_no_match "no OSC payload" 'pwned|Zm9v|http://x' "$(get escapes.txt '[.headline, .dek, .body] | join(" ")')"
expect_eq "huge line read (two words)" 2 "$(get huge.txt .words)"

# The text form is clean too.
"$BYLINE" show "$d"/escapes.txt "$d"/invalid.txt "$d"/latin1.txt > "$SCRATCH/out.txt" 2>&1
expect_eq "text form exit status" 0 $?
expect_no_escapes "text stdout" "$SCRATCH/out.txt"

# A file name with an escape sequence and a newline is shown safely.
bad=$(printf '%s/name\033[2Jwith\nnewline.txt' "$d")
printf 'A headline\n\nBody text of the article.\n' > "$bad"
"$BYLINE" show "$bad" > "$SCRATCH/name.txt" 2>&1
expect_eq "odd file name readable" 0 $?
expect_no_escapes "odd file name output" "$SCRATCH/name.txt"

# Unreadable and missing files: clear errors, the others go on.
printf 'A headline\n\nSome body text.\n' > "$d/unreadable.txt"
chmod 000 "$d/unreadable.txt"
"$BYLINE" show "$d/missing.txt" "$d/blank.txt" > "$SCRATCH/m.txt" 2> "$SCRATCH/m.err"
expect_eq "missing file: status 1" 1 $?
expect_match "missing file named" 'missing.txt: cannot open' "$(cat "$SCRATCH/m.err")"
if [ "$(id -u)" -ne 0 ]; then
	expect_status "unreadable file: status 1" 1 "$BYLINE" show "$d/unreadable.txt"
fi
expect_status "a directory is an error" 1 "$BYLINE" show "$d"

finish
