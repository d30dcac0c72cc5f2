## tests/local.mk: unit-test plumbing and the CLI tests.
UNIT_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
UNIT_LDADD = $(BYLINE_LIBS) $(CMOCKA_LIBS)

AM_TESTS_ENVIRONMENT = \
	export LC_ALL=C.UTF-8 TZ=UTC; \
	export BYLINE="$(abs_top_builddir)/byline$(EXEEXT)"; \
	export BYLINE_DATADIR="$(abs_top_srcdir)/data"; \
	export top_srcdir="$(abs_top_srcdir)" top_builddir="$(abs_top_builddir)";

check_PROGRAMS += tests/unit/test-util
tests_unit_test_util_SOURCES = tests/unit/test-util.c
tests_unit_test_util_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_util_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test-util

CLI_TESTS = \
	tests/cli/potfiles.sh \
	tests/cli/show-samples.sh \
	tests/cli/show-hostile.sh
TESTS += $(CLI_TESTS)
EXTRA_DIST += $(CLI_TESTS) tests/cli/lib.sh \
	sample-articles/000_a9864a11cced52c0.txt \
	sample-articles/001_ba268a7cdc32d459.txt \
	sample-articles/002_627ae5fae44a2e15.txt \
	sample-articles/003_b83eedb220476ed3.txt \
	sample-articles/004_1cd7caf796a3157a.txt

# The manual renders without warnings.
TESTS += tests/cli/man.sh
EXTRA_DIST += tests/cli/man.sh man/keys.sh

# Messages in German, French and Chinese (po/*.po).
TESTS += tests/cli/i18n.sh
EXTRA_DIST += tests/cli/i18n.sh

# Time limits of the unit tests, stretched under valgrind.
EXTRA_DIST += tests/unit/slowdown.h
