## src/store.mk: owned by the store module; appended to libbyline_a_SOURCES and check_PROGRAMS.
libbyline_a_SOURCES += \
	src/store.c src/store.h \
	src/scan.c src/scan.h \
	src/collection.c src/collection.h \
	src/indexer.c src/indexer.h \
	src/bgindex.c src/bgindex.h \
	src/cmd-index.c src/cmd-list.c src/cmd-search.c

check_PROGRAMS += tests/unit/test-store
tests_unit_test_store_SOURCES = tests/unit/test-store.c
tests_unit_test_store_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test-store

STORE_CLI_TESTS = \
	tests/cli/index-samples.sh \
	tests/cli/index-incremental.sh \
	tests/cli/index-kill.sh \
	tests/cli/index-concurrent.sh \
	tests/cli/hostile-collection.sh \
	tests/cli/hostile-scale.sh \
	tests/cli/index-faults.sh \
	tests/cli/search-samples.sh
TESTS += $(STORE_CLI_TESTS)
EXTRA_DIST += $(STORE_CLI_TESTS)
