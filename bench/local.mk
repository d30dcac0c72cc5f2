## bench/local.mk: the corpus generator and 'make bench' (not part of check).
## The programs are EXTRA_PROGRAMS: built on demand ('make bench',
## 'make bench/gen-corpus'), never by 'make' or 'make check'.  The data
## goes to $(abs_top_builddir)/bench-data, never the source tree.

BENCH_PROGS = bench/gen-corpus bench/bench-extract bench/bench-rss \
	bench/bench-search bench/bench-tmux
EXTRA_PROGRAMS = $(BENCH_PROGS)

# Self-contained apart from three small utilities, so tests can build it
# whatever state the rest of the library is in.
bench_gen_corpus_SOURCES = \
	bench/gen.h bench/gen-date.h bench/gen-story.h \
	bench/gen-corpus.c bench/gen-date.c bench/gen-outlet.c \
	bench/gen-story.c bench/gen-text.c bench/gen-words.c \
	src/xalloc.c src/buf.c src/strv.c
bench_gen_corpus_LDADD = $(LTLIBINTL)

bench_bench_extract_SOURCES = bench/bench-extract.c
bench_bench_extract_LDADD = $(BYLINE_LIBS)

# Runs a command, reporting wall, CPU and the child's peak RSS (no library).
bench_bench_rss_SOURCES = bench/bench-rss.c
bench_bench_rss_LDADD = -lm

# In-process search latency over an index (store.h, query.h).
bench_bench_search_SOURCES = bench/bench-search.c
bench_bench_search_LDADD = $(BYLINE_LIBS) -lm

# Drives a program in tmux: time to a screen, key press to redraw (no
# library; distributed as a _SOURCES file like the others).
bench_bench_tmux_SOURCES = bench/bench-tmux.c
bench_bench_tmux_LDADD = -lm

# 'make bench' runs every stage; 'make bench BENCH_STAGES=extract' some.
# BENCH_COUNT and BENCH_SEED choose the collection (default 10000 and 1).
BENCH_STAGES =
bench: $(BENCH_PROGS) byline$(EXEEXT)
	@top_builddir='$(abs_top_builddir)' top_srcdir='$(abs_top_srcdir)' \
	  $(SHELL) '$(srcdir)/bench/run.sh' $(BENCH_STAGES)

bench-clean:
	rm -rf '$(abs_top_builddir)/bench-data'

.PHONY: bench bench-clean

CLEANFILES += $(EXTRA_PROGRAMS)
EXTRA_DIST += bench/README.md bench/run.sh bench/to-mail.sh bench/reprints.sh
