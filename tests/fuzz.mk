## tests/fuzz.mk: libFuzzer targets (configure --enable-fuzzing, clang) and
## the regression test that replays their saved inputs in every build.
##
## A fuzzing build instruments the library too, so pass the flags in CFLAGS:
##   ../configure CC=clang --enable-fuzzing \
##     CFLAGS='-g -O1 -fsanitize=fuzzer-no-link,address,undefined'
##   make fuzz
##   tests/fuzz/run.sh 180            # every target, 3 minutes each
## Crashing inputs go to tests/fuzz/regress/TARGET-WHAT (see its README).

FUZZ_TARGETS = decode article header date query tokens config outlets wdiff
FUZZ_SRCS = tests/fuzz/fuzz.h tests/fuzz/common.h \
	tests/fuzz/fuzz-decode.c tests/fuzz/fuzz-article.c \
	tests/fuzz/fuzz-header.c tests/fuzz/fuzz-date.c \
	tests/fuzz/fuzz-query.c tests/fuzz/fuzz-tokens.c \
	tests/fuzz/fuzz-config.c tests/fuzz/fuzz-outlets.c \
	tests/fuzz/fuzz-wdiff.c

# Always: the saved inputs and the seeds through the same functions.
check_PROGRAMS += tests/unit/test-regress
tests_unit_test_regress_SOURCES = tests/unit/test-regress.c $(FUZZ_SRCS)
tests_unit_test_regress_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/fuzz \
	-DFUZZ_NO_MAIN
tests_unit_test_regress_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_regress_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test-regress

EXTRA_DIST += tests/fuzz/run.sh tests/fuzz/corpus tests/fuzz/regress \
	tests/fuzz/article.dict tests/fuzz/header.dict tests/fuzz/date.dict \
	tests/fuzz/query.dict tests/fuzz/config.dict tests/fuzz/outlets.dict

if ENABLE_FUZZING
FUZZ_PROGS = \
	tests/fuzz/fuzz-decode tests/fuzz/fuzz-article tests/fuzz/fuzz-header \
	tests/fuzz/fuzz-date tests/fuzz/fuzz-query tests/fuzz/fuzz-tokens \
	tests/fuzz/fuzz-config tests/fuzz/fuzz-outlets tests/fuzz/fuzz-wdiff
noinst_PROGRAMS = $(FUZZ_PROGS)

FUZZ_CPP = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/fuzz
FUZZ_LINK = -fsanitize=fuzzer
tests_fuzz_fuzz_decode_SOURCES = tests/fuzz/fuzz-decode.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_decode_CPPFLAGS = $(FUZZ_CPP)
tests_fuzz_fuzz_decode_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_decode_LDADD = $(BYLINE_LIBS)
tests_fuzz_fuzz_article_SOURCES = tests/fuzz/fuzz-article.c \
	tests/fuzz/fuzz.h tests/fuzz/common.h
tests_fuzz_fuzz_article_CPPFLAGS = $(FUZZ_CPP)
tests_fuzz_fuzz_article_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_article_LDADD = $(BYLINE_LIBS)
tests_fuzz_fuzz_header_SOURCES = tests/fuzz/fuzz-header.c \
	tests/fuzz/fuzz.h tests/fuzz/common.h
tests_fuzz_fuzz_header_CPPFLAGS = $(FUZZ_CPP)
tests_fuzz_fuzz_header_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_header_LDADD = $(BYLINE_LIBS)
tests_fuzz_fuzz_date_SOURCES = tests/fuzz/fuzz-date.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_date_CPPFLAGS = $(FUZZ_CPP)
tests_fuzz_fuzz_date_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_date_LDADD = $(BYLINE_LIBS)
tests_fuzz_fuzz_query_SOURCES = tests/fuzz/fuzz-query.c \
	tests/fuzz/fuzz.h tests/fuzz/common.h
tests_fuzz_fuzz_query_CPPFLAGS = $(FUZZ_CPP)
tests_fuzz_fuzz_query_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_query_LDADD = $(BYLINE_LIBS)
tests_fuzz_fuzz_tokens_SOURCES = tests/fuzz/fuzz-tokens.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_tokens_CPPFLAGS = $(FUZZ_CPP)
tests_fuzz_fuzz_tokens_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_tokens_LDADD = $(BYLINE_LIBS)
tests_fuzz_fuzz_config_SOURCES = tests/fuzz/fuzz-config.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_config_CPPFLAGS = $(FUZZ_CPP)
tests_fuzz_fuzz_config_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_config_LDADD = $(BYLINE_LIBS)
tests_fuzz_fuzz_outlets_SOURCES = tests/fuzz/fuzz-outlets.c \
	tests/fuzz/fuzz.h tests/fuzz/common.h
tests_fuzz_fuzz_outlets_CPPFLAGS = $(FUZZ_CPP)
tests_fuzz_fuzz_outlets_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_outlets_LDADD = $(BYLINE_LIBS)
tests_fuzz_fuzz_wdiff_SOURCES = tests/fuzz/fuzz-wdiff.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_wdiff_CPPFLAGS = $(FUZZ_CPP)
tests_fuzz_fuzz_wdiff_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_wdiff_LDADD = $(BYLINE_LIBS)
else
FUZZ_PROGS =
endif

fuzz: $(FUZZ_PROGS)
	@test -n "$(FUZZ_PROGS)" || \
	  { echo "fuzz: configure with CC=clang --enable-fuzzing" >&2; exit 1; }
.PHONY: fuzz
