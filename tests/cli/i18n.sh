#!/bin/sh
# i18n.sh: the catalogues of po/ translate the uninstalled program (found
# through BYLINE_LOCALEDIR): --help of every command in German, French and
# Chinese with the option names kept and the columns aligned, an error in
# German, the labels of `byline show` in French; LANGUAGE is ignored in the
# C locale, and the English output that man.sh reads is unchanged.
#
# gettext ignores LANGUAGE only when the locale is "C" itself; C.UTF-8 (the
# one UTF-8 locale every Debian system has) honours it, so no other locale
# needs to be installed.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"

grep -q '^#define ENABLE_NLS 1' "$top_builddir/config.h" 2>/dev/null ||
	{ echo "SKIP: built without NLS"; exit 77; }

langs="de fr zh_CN"

# The catalogues laid out as bindtextdomain looks for them,
# DIR/LL/LC_MESSAGES/byline.mo: compiled from the .po files (which checks
# them, too), else the .gmo files that make leaves in po/.
BYLINE_LOCALEDIR=$SCRATCH/locale
export BYLINE_LOCALEDIR
unset LANGUAGE
for l in $langs; do
	d=$BYLINE_LOCALEDIR/$l/LC_MESSAGES
	mkdir -p "$d" || exit 99
	if command -v msgfmt >/dev/null 2>&1; then
		msgfmt -c -o "$d/byline.mo" "$top_srcdir/po/$l.po" 2> "$SCRATCH/msgfmt"
		expect_eq "msgfmt -c $l.po" "" "$(cat "$SCRATCH/msgfmt")"
	fi
	for g in "$top_builddir/po/$l.gmo" "$top_srcdir/po/$l.gmo"; do
		[ -s "$d/byline.mo" ] && break
		[ -f "$g" ] && cp "$g" "$d/byline.mo"
	done
	[ -s "$d/byline.mo" ] || { echo "SKIP: no catalogue for $l"; exit 77; }
done

# aligned WHAT TEXT: in the option lines of a --help, the descriptions
# start in one column (an option too long for it is followed by two
# spaces) and their continuation lines two columns further.  The option
# parts are never CJK, so a character is a column once UTF-8 continuation
# bytes are dropped.
aligned () {
	bad=$(printf '%s\n' "$2" | LC_ALL=C sed 's/[\x80-\xbf]//g' | awk '
		match($0, /^ +-[^ ]*(, -[^ ]*)?   */) {
			p = substr($0, 1, RLENGTH); sub(/ +$/, "", p)
			n++; desc[n] = RLENGTH; opt[n] = length(p); line[n] = $0
			count[RLENGTH]++; inopt = 1; next
		}
		inopt && /^         *[^ ]/ {
			match($0, /^ */); m++; cont[m] = RLENGTH; cline[m] = $0; next
		}
		{ inopt = 0 }
		END {
			for (c in count) if (count[c] > best) { best = count[c]; col = c + 0 }
			for (i = 1; i <= n; i++)
				if (desc[i] != col && !(desc[i] > col && desc[i] == opt[i] + 2))
					print "description out of column " col ": " line[i]
			for (i = 1; i <= m; i++)
				if (cont[i] != col + 2)
					print "continuation not in column " col + 2 ": " cline[i]
		}')
	expect_eq "$1: columns" "" "$bad"
}

# options OUTPUT: the long options a --help names.
options () { printf '%s\n' "$1" | grep -o -E -- '--[a-z][a-z-]*' | sort -u; }

cmds=$("$BYLINE" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
expect_match "commands found in the English --help" '^show$' "$cmds"

# --help in each language: translated, same option names, aligned, and no
# line wider than 79 columns (CJK characters count two).
for l in C $langs; do
	for c in "" $cmds; do
		en=$(LANGUAGE= "$BYLINE" $c --help)
		if [ "$l" = C ]; then out=$en; else out=$(LANGUAGE=$l "$BYLINE" $c --help); fi
		what="LANGUAGE=$l byline${c:+ $c} --help"
		expect_eq "$what: option names" "$(options "$en")" "$(options "$out")"
		aligned "$what" "$out"
		width=$(printf '%s\n' "$out" | wc -L)
		if [ "$width" -le 79 ]; then pass; else
			fail "$what: a line is $width columns wide"; fi
		if [ "$l" != C ] && [ "$out" = "$en" ]; then
			fail "$what: not translated"; fi
	done
done

out=$(LANGUAGE=de "$BYLINE" --help)
expect_match "German usage" '^Aufruf: byline \[OPTION\]\.\.\. \[VERZ\]$' "$out"
expect_match "German commands heading" '^Befehle:$' "$out"
expect_match "German summary of show" '^  show +Metadaten und bereinigten Text' "$out"
expect_match "German options" '^  -h, --help +diese Hilfe anzeigen und beenden$' "$out"
out=$(LANGUAGE=fr "$BYLINE" --help)
expect_match "French usage" '^Utilisation : byline \[OPTION\]\.\.\. \[RÉP\]$' "$out"
expect_match "French second usage line aligned" '^         ou : byline COMMANDE ' "$out"
expect_match "French commands heading" '^Commandes :$' "$out"
out=$(LANGUAGE=zh_CN "$BYLINE" --help)
expect_match "Chinese usage" '^用法：byline \[OPTION\]\.\.\. \[DIR\]$' "$out"
expect_match "Chinese commands heading" '^命令：$' "$out"
expect_match "Chinese options" '^  -h, --help +显示此帮助信息并退出$' "$out"
# A language without a catalogue falls back to English.
expect_match "no catalogue: English" '^Usage: byline ' "$(LANGUAGE=xx "$BYLINE" --help)"

# An error in German, on stderr, with the usual exit status.
LANGUAGE=de "$BYLINE" show > "$SCRATCH/out" 2> "$SCRATCH/err"
expect_eq "German error: exit status" 2 $?
expect_eq "German error: nothing on stdout" "" "$(cat "$SCRATCH/out")"
expect_match "German error" '^byline: show: keine Datei angegeben$' "$(cat "$SCRATCH/err")"
expect_match "German hint" '^„byline show --help“ liefert weitere Informationen\.$' "$(cat "$SCRATCH/err")"
LANGUAGE=zh_CN "$BYLINE" show 2> "$SCRATCH/err"
expect_match "Chinese error" '^byline: show: 未指定文件$' "$(cat "$SCRATCH/err")"

# The labels of `byline show` in French, their values in one column, and
# the data itself untranslated.
LANGUAGE=fr "$BYLINE" show "$SAMPLES"/00[0-4]_*.txt > "$SCRATCH/fr" 2> "$SCRATCH/err"
expect_eq "French show: exit status" 0 $?
out=$(cat "$SCRATCH/fr")
expect_match "French label Fichier" '^Fichier : +/.*/000_a9864a11cced52c0\.txt$' "$out"
expect_match "French label Titre" '^Titre : +As their respective spacecraft' "$out"
expect_match "French label Date" '^Date : +2021-04 \(mois\)$' "$out"
expect_match "French label Agence" '^Agence : +AP$' "$out"
expect_match "French label Mots" '^Mots : +[0-9]+$' "$out"
expect_no_match "no English label" '^(File|Headline|Date|Outlet|Agency|Authors|Words):' "$out"
cols=$(LC_ALL=C sed 's/[\x80-\xbf]//g' "$SCRATCH/fr" |
	awk 'match($0, /^(Fichier|Titre|Chapeau|Date|M.dia|Agence|Auteurs|Mots|Avertissement) : +/) { print RLENGTH }' |
	sort -u)
expect_eq "French labels aligned" 1 "$(printf '%s\n' "$cols" | wc -l)"
expect_eq "French show: same body as English" \
	"$(LANGUAGE= "$BYLINE" show "$SAMPLES"/00[0-4]_*.txt | grep -c '')" "$(grep -c '' "$SCRATCH/fr")"

# LANGUAGE is ignored in the C locale, and not set: English.  man.sh reads
# the English --help; with the catalogues at hand it still passes.
expect_match "LC_ALL=C ignores LANGUAGE" '^Usage: byline ' \
	"$(LC_ALL=C LANGUAGE=de "$BYLINE" --help)"
expect_match "LANGUAGE unset: English" '^Commands:$' "$("$BYLINE" --help)"
export BYLINE top_srcdir top_builddir
sh "$top_srcdir/tests/cli/man.sh" > "$SCRATCH/man.out" 2>&1
st=$?
if [ "$st" -eq 0 ] || [ "$st" -eq 77 ]; then pass; else
	fail "man.sh with BYLINE_LOCALEDIR set: $(tail -n 5 "$SCRATCH/man.out")"; fi

finish
