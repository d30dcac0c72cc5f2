## src/reprints.mk: owned by the reprints module; appended to libbyline_a_SOURCES and check_PROGRAMS.
## Reprint detection (MinHash/LSH, verification, clusters) and the word diff.
libbyline_a_SOURCES += \
	src/wordseq.c src/wordseq.h \
	src/minhash.c src/minhash.h \
	src/cluster.c src/cluster.h \
	src/wdiff.c src/wdiff.h \
	src/lcs-bits.h \
	src/wdiff-render.c \
	src/store-int.h src/store-reprints.c \
	src/config-reprints.c src/config-reprints.h \
	src/cmd-reprints.c src/cmd-diff.c

check_PROGRAMS += tests/unit/test-minhash tests/unit/test-cluster \
	tests/unit/test-wdiff
tests_unit_test_minhash_SOURCES = tests/unit/test-minhash.c
tests_unit_test_minhash_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_minhash_LDADD = $(UNIT_LDADD)
tests_unit_test_cluster_SOURCES = tests/unit/test-cluster.c
tests_unit_test_cluster_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_cluster_LDADD = $(UNIT_LDADD)
tests_unit_test_wdiff_SOURCES = tests/unit/test-wdiff.c
tests_unit_test_wdiff_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_wdiff_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test-minhash tests/unit/test-cluster tests/unit/test-wdiff

REPRINTS_CLI_TESTS = \
	tests/cli/reprints-samples.sh \
	tests/cli/reprints-incremental.sh \
	tests/cli/reprints-templated.sh \
	tests/cli/diff-samples.sh
TESTS += $(REPRINTS_CLI_TESTS)
EXTRA_DIST += $(REPRINTS_CLI_TESTS)
