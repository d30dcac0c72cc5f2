#!/bin/sh
# bench/to-mail.sh: writes a generated collection as one-message mail files,
# for comparing 'byline index' with 'notmuch new' on the same articles.
#
# Usage: to-mail.sh DIR META OUT
#
# DIR is a collection from gen-corpus, META its --meta file (one line per
# file: PATH DATE OUTLET AGENCY AUTHORS HEADLINE, tab-separated).  For each
# file, OUT/PATH (OUT created) is the article's bytes as they are, after a
# header block:
#   From: OUTLET (else AGENCY, else "byline bench") <bench@example.invalid>
#   Subject: HEADLINE (else the file name)
#   Date: DATE in RFC 5322 form (a year alone is 1 January, a month its
#         1st, no time 00:00:00, no offset +0000; no date: 1 Jan 2000)
#   Message-ID: <PATH@bench.invalid>
#   MIME-Version: 1.0
#   Content-Type: text/plain; charset=utf-8
# The output is a pure function of the input.  One awk process, so 100,000
# files take seconds, not minutes.
set -eu

[ $# -eq 3 ] || { echo "Usage: to-mail.sh DIR META OUT" >&2; exit 2; }
src=$1 meta=$2 out=$3
[ -d "$src" ] || { echo "to-mail.sh: $src: not a directory" >&2; exit 2; }
[ -f "$meta" ] || { echo "to-mail.sh: $meta: no such file" >&2; exit 2; }
mkdir -p "$out"

LC_ALL=C awk -F '\t' -v src="$src" -v dst="$out" '
BEGIN {
	split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", mon, " ")
}
# ISO 8601 at any precision gen-corpus prints -> RFC 5322.
function rfcdate(d,    y, m, day, t, z) {
	if (d !~ /^[0-9][0-9][0-9][0-9]/)
		return "1 Jan 2000 00:00:00 +0000"
	y = substr(d, 1, 4); m = 1; day = 1; t = "00:00:00"; z = "+0000"
	if (length(d) >= 7) m = substr(d, 6, 2) + 0
	if (length(d) >= 10) day = substr(d, 9, 2) + 0
	if (length(d) >= 16) {
		t = substr(d, 12, 5)
		rest = substr(d, 17)
		if (rest ~ /^:[0-9][0-9]/) { t = t substr(rest, 1, 3); rest = substr(rest, 4) }
		else t = t ":00"
		if (rest ~ /^[-+][0-9][0-9]:[0-9][0-9]/)
			z = substr(rest, 1, 3) substr(rest, 5, 2)
	}
	if (m < 1 || m > 12) m = 1
	return day " " mon[m] " " y " " t " " z
}
NF >= 6 {
	path = $1; from = $3
	if (from == "-") from = $4
	if (from == "-") from = "byline bench"
	subj = $6
	if (subj == "-") subj = path
	in_file = src "/" path; out_file = dst "/" path
	printf "From: %s <bench@example.invalid>\n", from > out_file
	printf "Subject: %s\n", subj > out_file
	printf "Date: %s\n", rfcdate($2) > out_file
	printf "Message-ID: <%s@bench.invalid>\n", path > out_file
	printf "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" > out_file
	while ((r = (getline line < in_file)) > 0)
		print line > out_file
	if (r < 0) { print "to-mail.sh: cannot read " in_file > "/dev/stderr"; exit 1 }
	close(in_file); close(out_file)
	n++
}
END { if (n == 0) { print "to-mail.sh: no articles in the meta file" > "/dev/stderr"; exit 1 } }
' "$meta"
