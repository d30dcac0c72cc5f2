## src/search.mk: the FTS5 tokenizer and the query language.
libbyline_a_SOURCES += \
	src/fts.c src/fts.h \
	src/query.c src/query.h

check_PROGRAMS += tests/unit/test-fts
tests_unit_test_fts_SOURCES = tests/unit/test-fts.c
tests_unit_test_fts_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_fts_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test-fts

check_PROGRAMS += tests/unit/test-query
tests_unit_test_query_SOURCES = tests/unit/test-query.c
tests_unit_test_query_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_query_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test-query
