## bench/local.mk: the corpus generator and 'make bench' (not part of check).
## The programs are EXTRA_PROGRAMS: built on demand ('make bench',
## 'make bench/gen-corpus'), never by 'make' or 'make check'.

GEN_CORPUS_SOURCES = \
	bench/gen.h bench/gen-date.h bench/gen-story.h \
	bench/gen-corpus.c bench/gen-date.c bench/gen-outlet.c \
	bench/gen-story.c bench/gen-text.c bench/gen-words.c

EXTRA_PROGRAMS = bench/gen-corpus
# Self-contained apart from two small utilities, so tests can build it
# whatever state the rest of the library is in.
bench_gen_corpus_SOURCES = $(GEN_CORPUS_SOURCES) src/xalloc.c src/buf.c src/strv.c
bench_gen_corpus_LDADD = $(LTLIBINTL)

CLEANFILES += $(EXTRA_PROGRAMS)
EXTRA_DIST += bench/README.md
