#!/bin/sh
# potfiles.sh: every source file that marks strings for translation is in
# po/POTFILES.in, and every file listed there exists; and the German, French
# and Chinese catalogues translate every message the sources mark today
# (none missing, none fuzzy), so a new message cannot land untranslated.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/cli/lib.sh"

cd "$top_srcdir" || exit 99
listed=$(grep -v -e '^#' -e '^$' po/POTFILES.in | sort -u)
for f in $listed; do
	if [ -f "$f" ]; then pass; else fail "POTFILES.in lists $f, which does not exist"; fi
done
for f in $(grep -l -E '(^|[^A-Za-z0-9_])(N?_|P_)[ ]?\(' src/*.c src/*.def 2>/dev/null | sort -u); do
	if printf '%s\n' "$listed" | grep -qx "$f"; then pass; else
		fail "$f marks strings for translation but is not in po/POTFILES.in"; fi
done

# The messages as xgettext finds them now (the options of po/Makevars),
# merged into each catalogue in the scratch directory: nothing untranslated,
# nothing fuzzy.  Needs gettext's tools, which a build from git has.
if command -v xgettext >/dev/null 2>&1 && command -v msgmerge >/dev/null 2>&1; then
	opts=$(sed -n 's/^XGETTEXT_OPTIONS *= *//p' po/Makevars)
	# shellcheck disable=SC2086
	xgettext $opts --language=C --package-name=byline -o "$SCRATCH/byline.pot" \
		$listed 2> "$SCRATCH/xgettext.err" ||
		fail "xgettext: $(cat "$SCRATCH/xgettext.err")"
	for l in de fr zh_CN; do
		msgmerge -q --no-fuzzy-matching -o "$SCRATCH/$l.po" "po/$l.po" \
			"$SCRATCH/byline.pot" 2>/dev/null || { fail "msgmerge $l.po"; continue; }
		missing=$(msgattrib --untranslated --no-obsolete "$SCRATCH/$l.po" | grep -c '^msgid ')
		fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$SCRATCH/$l.po" | grep -c '^msgid ')
		# msgattrib prints the header entry too when it prints any other.
		[ "$missing" -gt 0 ] && missing=$((missing - 1))
		[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
		[ "$missing" -eq 0 ] && [ "$fuzzy" -eq 0 ] && pass ||
			fail "po/$l.po: $missing untranslated, $fuzzy fuzzy messages (make -C po update-po, then translate)"
	done
fi
finish
