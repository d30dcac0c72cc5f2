# bench/reprints.sh: the reprints and diff stages of bench/run.sh, which
# sources this file (its helpers, CORPUS, WORK, BYLINE and RSS are used
# here).  See bench/README.md for what the lines mean.
#
#   reprints  byline reprints --json against the generator's truth (pair
#             precision and recall, what the false and missed pairs are),
#             and what reprint detection costs the indexer: byline index
#             with reprints.enabled = false, then on (wall, CPU, peak RSS)
#   diff      byline diff --inline --color=never per reprint pair of the
#             truth, beside dwdiff and git diff --no-index --word-diff on
#             the same pairs in the same run
#
# Environment (besides run.sh's):
#   BENCH_REPRINTS_RUNS  index runs with detection off and on, alternated;
#                        the fastest of each is kept (default 2)
#   BENCH_DIFF_PAIRS     reprint pairs compared (default 200)
#   BENCH_DIFF_RUNS      runs per pair and program; the median is the
#                        pair's time (default 3)

: "${BENCH_REPRINTS_RUNS:=2}"
: "${BENCH_DIFF_PAIRS:=200}"
: "${BENCH_DIFF_RUNS:=3}"

# ---- reprints ----------------------------------------------------------------

# rp_index NAME CONFIG_HOME: one full 'byline index' of CORPUS into a new
# index WORK/rp-NAME.db with XDG_CONFIG_HOME=CONFIG_HOME; appends
# "wall cpu rss_kb" to WORK/rp-NAME.times.
rp_index () {
	db=$WORK/rp-$1.db
	rm -f "$db" "$db-wal" "$db-shm" "$db.lock"
	rss -o "$WORK/rp-$1.out" -- env XDG_CONFIG_HOME="$2" "$BYLINE" index \
		-C "$CORPUS" --index="$db"
	echo "$(kv wall_p50 "$R") $(kv cpu_p50 "$R") $(kv rss_kb_max "$R")" \
		>> "$WORK/rp-$1.times"
}

# rp_best NAME FIELD: the smallest of field FIELD (1 wall, 2 cpu, 3 RSS)
# over the runs of NAME.
rp_best () {
	awk -v f="$2" 'NR == 1 || $f < m { m = $f } END { print m }' \
		"$WORK/rp-$1.times"
}

# rp_score TRUTH JSON: pair precision and recall of the clusters in JSON
# (byline reprints --json) against TRUTH (PATH FAMILY KIND); prints one
# line of key=value pairs.
rp_score () {
	awk -F '\t' '
	FNR == NR {
		fam[$1] = $2
		split($3, k, ":")
		cls[$1] = k[1]
		if ($2 > 0) {
			size[$2]++
			memb[$2, size[$2]] = $1
			if ($3 ~ /rival=/) {
				r = $3
				sub(/.*rival=/, "", r)
				sub(/[^0-9].*/, "", r)
				rival[$2] = r
			}
		}
		next
	}
	{
		n = 0
		s = $0
		while (match(s, /"path":"[^"]*"/)) {
			m[++n] = substr(s, RSTART + 8, RLENGTH - 9)
			s = substr(s, RSTART + RLENGTH)
		}
		clusters++
		articles += n
		for (i = 1; i <= n; i++) {
			cl[m[i]] = FNR
			if (!(m[i] in fam))
				unknown++
		}
		for (i = 1; i < n; i++)
			for (j = i + 1; j <= n; j++) {
				a = m[i]; b = m[j]
				pred++
				if (fam[a] > 0 && fam[a] == fam[b])
					tp++
				else if (cls[a] == "distractor" || cls[b] == "distractor")
					fp_dis++
				else if (fam[a] > 0 && fam[b] > 0 &&
				    (rival[fam[a]] == fam[b] || rival[fam[b]] == fam[a]))
					fp_rival++
				else
					fp_other++
			}
	}
	END {
		for (f in size) {
			families++
			for (i = 1; i < size[f]; i++)
				for (j = i + 1; j <= size[f]; j++) {
					a = memb[f, i]; b = memb[f, j]
					rt = cls[a] == "retranslation" || cls[b] == "retranslation"
					want++
					if (rt) want_rt++
					if ((a in cl) && (b in cl) && cl[a] == cl[b]) {
						found++
						if (rt) found_rt++
					} else if (!(a in cl) || !(b in cl))
						miss_alone++
				}
		}
		printf "families=%d truth_pairs=%d truth_rt_pairs=%d clusters=%d articles=%d pairs=%d tp=%d fp_distractor=%d fp_rival=%d fp_other=%d found=%d found_rt=%d missed_unclustered=%d unknown=%d\n", \
			families, want, want_rt, clusters, articles, pred, tp, fp_dis + 0, \
			fp_rival + 0, fp_other + 0, found, found_rt, miss_alone + 0, unknown + 0
	}' "$1" "$2"
}

# at_least VALUE GOAL: "met", or by how much VALUE falls short of GOAL.
at_least () {
	awk -v v="$1" -v g="$2" 'BEGIN {
		if (v + 0 >= g + 0) print "met"
		else printf "MISSED by %.3f\n", g - v
	}'
}

stage_reprints () {
	[ -x "$BYLINE" ] || die "$BYLINE not built (run 'make bench')"
	truth=$CORPUS.truth
	[ -f "$truth" ] || die "no $truth"
	files=$(find "$CORPUS/" -type f | wc -l)
	bytes=$(total_bytes "$CORPUS/")
	# The generated collection itself, read only: the indexes are private.
	echo "reprints: collection $CORPUS: $files files, $(mb "$bytes") MB, seed $BENCH_SEED; indexes in $WORK/rp-{on,off}.db"

	# A configuration directory that turns detection off; the other runs
	# use run.sh's private XDG_CONFIG_HOME (no config file: the defaults).
	off=$WORK/xdg-config-reprints-off
	mkdir -p "$off/byline"
	printf 'reprints.enabled = false\n' > "$off/byline/config"
	[ ! -f "$XDG_CONFIG_HOME/byline/config" ] ||
		die "$XDG_CONFIG_HOME/byline/config exists: the defaults are measured"
	rm -f "$WORK/rp-on.times" "$WORK/rp-off.times"
	find "$CORPUS/" -type f -exec cat {} + > /dev/null
	i=0
	while [ "$i" -lt "$BENCH_REPRINTS_RUNS" ]; do
		i=$((i + 1))
		rp_index off "$off"
		rp_index on "$XDG_CONFIG_HOME"
	done

	"$BYLINE" reprints --json -C "$CORPUS" --index="$WORK/rp-on.db" \
		> "$WORK/rp.json" || die "byline reprints failed"
	off_clusters=$("$BYLINE" reprints --json -C "$CORPUS" \
		--index="$WORK/rp-off.db" | wc -l)
	r=$(rp_score "$truth" "$WORK/rp.json")
	[ "$(kv unknown "$r")" = 0 ] || die "byline reprints lists paths not in $truth"
	pairs=$(kv pairs "$r") tp=$(kv tp "$r") want=$(kv truth_pairs "$r")
	prec=$(calc '%.4f' "$pairs ? $tp / $pairs : 0")
	rec=$(calc '%.4f' "$want ? $(kv found "$r") / $want : 0")
	rt=$(kv truth_rt_pairs "$r")
	fp=$((pairs - tp))
	articles=$(grep -c . "$truth")
	echo "reprints-truth: $(kv families "$r") families, $(awk -F '\t' '$2 > 0' "$truth" | wc -l) of $articles articles in them, $want pairs to find ($rt with a re-translation); $(grep -c '	distractor' "$truth") distractors"
	echo "reprints-found: $(kv clusters "$r") clusters, $(kv articles "$r") articles, $pairs pairs (byline reprints --json; with reprints.enabled = false: $off_clusters clusters)"
	echo "reprints-quality: pair precision $prec ($fp false: $(kv fp_distractor "$r") with a distractor, $(kv fp_rival "$r") between rival families, $(kv fp_other "$r") other), pair recall $rec ($((want - $(kv found "$r"))) missed, $(kv missed_unclustered "$r") of them with an article in no cluster; re-translation pairs $(kv found_rt "$r") of $rt found, $(calc '%.4f' "$rt ? $(kv found_rt "$r") / $rt : 1"))"

	w_off=$(rp_best off 1) c_off=$(rp_best off 2) m_off=$(rp_best off 3)
	w_on=$(rp_best on 1) c_on=$(rp_best on 2) m_on=$(rp_best on 3)
	echo "reprints-index: detection off: $(calc '%.2f' "$w_off") s wall, $(calc '%.2f' "$c_off") s cpu, peak RSS $(mib "$m_off") MB; on: $(calc '%.2f' "$w_on") s wall, $(calc '%.2f' "$c_on") s cpu, peak RSS $(mib "$m_on") MB (fastest of $BENCH_REPRINTS_RUNS runs each, alternated; byline: $(index_summary "$WORK/rp-on.out"))"
	add_w=$(calc '%.3f' "$w_on - $w_off")
	add_c=$(calc '%.3f' "$c_on - $c_off")
	per10k=$(calc '%.2f' "$add_w * 10000 / $articles")
	s10=
	[ "$articles" -eq 10000 ] || s10=" (scaled from $articles)"
	echo "reprints-cost: detection adds $add_w s wall ($(calc '%.0f' "($w_on / $w_off - 1) * 100")%), $add_c s cpu, $(calc '%.0f' "($m_on - $m_off) / 1024") MB peak RSS; $per10k s wall per 10,000 articles$s10"
	echo "target: pair precision >= 0.98: $prec, $(at_least "$prec" 0.98)"
	echo "target: pair recall >= 0.95: $rec, $(at_least "$rec" 0.95)"
	echo "target: reprint detection adds <= 1 s per 10,000 articles (wall): $per10k s$s10, $(verdict "$per10k" 1 s)"
}

# ---- diff --------------------------------------------------------------------

# diff_rss COMMAND...: bench-rss with BENCH_DIFF_RUNS runs; sets R.  Exit
# status 1 is fine (dwdiff and git diff say "the files differ" with it).
diff_rss () {
	R=$("$RSS" -n "$BENCH_DIFF_RUNS" -- "$@") || die "bench-rss failed: $*"
	case $(kv status "$R") in
	0 | 1) ;;
	*) die "failed (exit status $(kv status "$R")): $*" ;;
	esac
}

# diff_stats FILE: "mean p50 p99" of the numbers in FILE (seconds).
diff_stats () {
	m=$(awk '{ s += $1 } END { printf "%.6f", s / NR }' "$1")
	echo "$m $(pct "$1" 50) $(pct "$1" 99)"
}

stage_diff () {
	[ -x "$BYLINE" ] || die "$BYLINE not built (run 'make bench')"
	truth=$CORPUS.truth
	[ -f "$truth" ] || die "no $truth"
	# Every (original, other version) pair of the truth's families, in
	# file order; BENCH_DIFF_PAIRS of them evenly spread.
	awk -F '\t' '$2 > 0 { n[$2]++; f[$2, n[$2]] = $1
		if ($3 ~ /^original/) o[$2] = $1 }
		END { for (k in n) for (i = 1; i <= n[k]; i++)
			if (f[k, i] != o[k] && o[k] != "") print o[k] "\t" f[k, i] }' \
		"$truth" | LC_ALL=C sort > "$WORK/diff-all.pairs"
	total=$(wc -l < "$WORK/diff-all.pairs")
	[ "$total" -gt 0 ] || die "no reprint pairs in $truth"
	awk -v n="$BENCH_DIFF_PAIRS" -v t="$total" \
		'BEGIN { if (n > t) n = t; for (i = 0; i < n; i++) want[int(i * t / n) + 1] = 1 }
		NR in want' "$WORK/diff-all.pairs" > "$WORK/diff.pairs"
	npairs=$(wc -l < "$WORK/diff.pairs")

	tools="byline"
	have_dw=no have_git=no
	if command -v dwdiff > /dev/null 2>&1; then
		have_dw=yes tools="$tools dwdiff"
	fi
	if command -v git > /dev/null 2>&1; then
		have_git=yes tools="$tools git"
	fi
	for t in $tools; do
		: > "$WORK/diff-$t.wall"
		: > "$WORK/diff-$t.cpu"
		: > "$WORK/diff-$t.bytes"
	done
	rss_max=0
	# run_tool TOOL A B: the pair once untimed (output size kept), then
	# timed; appends the median wall and CPU time.
	run_tool () {
		case $1 in
		byline) set -- "$1" "$BYLINE" diff --inline --color=never "$2" "$3" ;;
		dwdiff) set -- "$1" dwdiff "$2" "$3" ;;
		git) set -- "$1" git --no-pager diff --no-index --word-diff "$2" "$3" ;;
		esac
		t=$1
		shift
		"$@" | wc -c >> "$WORK/diff-$t.bytes"
		diff_rss "$@"
		kv wall_p50 "$R" >> "$WORK/diff-$t.wall"
		kv cpu_p50 "$R" >> "$WORK/diff-$t.cpu"
		if [ "$t" = byline ] && [ "$(kv rss_kb_max "$R")" -gt "$rss_max" ]; then
			rss_max=$(kv rss_kb_max "$R")
		fi
	}
	# Interleaved: each pair by each program in turn, so that the load of
	# the machine falls on all of them alike.
	while IFS='	' read -r a b; do
		for t in $tools; do
			run_tool "$t" "$CORPUS/$a" "$CORPUS/$b"
		done
	done < "$WORK/diff.pairs"

	pbytes=$(awk -F '\t' -v d="$CORPUS" '{ print d "/" $1; print d "/" $2 }' \
		"$WORK/diff.pairs" | tr '\n' '\0' | xargs -0 cat | wc -c)
	echo "diff: $npairs pairs (original, other version) of $total in $CORPUS.truth, evenly spread, $(calc '%.1f' "$pbytes / $npairs / 1000") kB per pair; whole process, median of $BENCH_DIFF_RUNS runs per pair and program, programs interleaved, after an untimed run"
	for t in $tools; do
		case $t in
		byline) label="byline diff --inline --color=never" ;;
		dwdiff) label="dwdiff ($(dwdiff --version 2>&1 | head -n 1))" ;;
		git) label="git diff --no-index --word-diff ($(git --version))" ;;
		esac
		set -- $(diff_stats "$WORK/diff-$t.wall")
		wm=$1 w50=$2 w99=$3
		set -- $(diff_stats "$WORK/diff-$t.cpu")
		eval "wall_$t='$wm $w50 $w99' cpu_$t='$1 $2 $3'"
		extra=
		[ "$t" != byline ] || extra=", peak RSS $(mib "$rss_max") MB"
		echo "diff-$t: $label: per pair mean $(ms "$wm") ms, p50 $(ms "$w50") ms, p99 $(ms "$w99") ms; cpu mean $(ms "$1") ms, p50 $(ms "$2") ms, p99 $(ms "$3") ms; output $(awk '{ s += $1 } END { printf "%.0f", s / 1000 }' "$WORK/diff-$t.bytes") kB$extra"
	done
	[ "$have_dw" = yes ] || echo "diff-dwdiff: not run (dwdiff not installed; apt-get install dwdiff)"
	[ "$have_git" = yes ] || echo "diff-git: not run (git not installed)"
	set -- $wall_byline
	bm=$1 b50=$2 b99=$3
	set -- $cpu_byline
	bcm=$1 bc50=$2
	for t in $tools; do
		[ "$t" != byline ] || continue
		eval "set -- \$wall_$t"
		om=$1 o50=$2 o99=$3
		eval "set -- \$cpu_$t"
		echo "ratio: $t/byline diff: wall mean $(calc '%.2f' "$om / $bm"), p50 $(calc '%.2f' "$o50 / $b50"), p99 $(calc '%.2f' "$o99 / $b99"); cpu mean $(calc '%.2f' "$1 / $bcm"), p50 $(calc '%.2f' "$2 / $bc50") (above 1: byline is faster)"
	done
	if [ "$have_git" = yes ]; then
		set -- $wall_git
		echo "target: byline diff per pair faster than git diff --word-diff (wall p50): $(ms "$b50") ms against $(ms "$2") ms, $(verdict "$(ms "$b50")" "$(ms "$2")" ms)"
	fi
}
