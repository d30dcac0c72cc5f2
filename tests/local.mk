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

# make check-valgrind: the suite with every program under valgrind
# memcheck (tests/valgrind.sh); not part of make check, it takes minutes.
# Fails on any memory error or definite or indirect leak.  Time limits
# are stretched (tests/unit/slowdown.h, TUI_TIMEOUT).  Left out: the
# stress tests that run byline over thousands of files again and again,
# or over 100,000 files (hours under valgrind; index-samples,
# index-incremental and hostile-collection run the same code on fewer
# files), and reader-suspend, since a program under valgrind does not
# stop on ^Z.
VALGRIND_LOGDIR = tests/valgrind-logs
VALGRIND_SKIP = tests/cli/index-kill.sh tests/cli/index-concurrent.sh \
	tests/cli/hostile-scale.sh \
	tests/tui/reader-suspend.sh
EXTRA_DIST += tests/valgrind.sh tests/valgrind.supp
check-valgrind: all
	@valgrind --version >/dev/null 2>&1 || \
	  { echo "check-valgrind: valgrind is not installed"; exit 1; }
	rm -rf $(VALGRIND_LOGDIR) && $(MKDIR_P) $(VALGRIND_LOGDIR)
	{ echo '#!/bin/sh'; \
	  echo "exec $(SHELL) '$(abs_top_srcdir)/tests/valgrind.sh'" \
	    "--log='$(abs_top_builddir)/$(VALGRIND_LOGDIR)'" \
	    "'$(abs_top_builddir)/byline$(EXEEXT)' \"\$$@\""; \
	} > tests/byline-valgrind && chmod +x tests/byline-valgrind
	@tests=; for t in $(TESTS); do \
	  case " $(VALGRIND_SKIP) " in *" $$t "*) ;; *) tests="$$tests $$t" ;; esac; \
	done; \
	echo "$(MAKE) check TESTS='...' (all but $(VALGRIND_SKIP))"; \
	$(MAKE) $(AM_MAKEFLAGS) check TESTS="$$tests" \
	  LOG_COMPILER='$(SHELL) $(abs_top_srcdir)/tests/valgrind.sh' \
	  TESTS_ENVIRONMENT='export BYLINE="$(abs_top_builddir)/tests/byline-valgrind" BYLINE_TEST_SLOWDOWN=50 TUI_TIMEOUT=600;'
	@bad=`find $(VALGRIND_LOGDIR) -type f -size +0c`; \
	if test -n "$$bad"; then \
	  for f in $$bad; do echo "==== $$f"; cat "$$f"; done; \
	  echo "check-valgrind: valgrind reported errors (above)"; exit 1; \
	fi; \
	echo "check-valgrind: no memory errors, no leaks"
clean-local: clean-valgrind
clean-valgrind:
	rm -rf $(VALGRIND_LOGDIR) tests/byline-valgrind
.PHONY: check-valgrind clean-valgrind

# The installed program: make installcheck (so also make distcheck) checks
# it where it was installed; make check-install does a whole install and
# uninstall round trip in a scratch prefix (tests/install.sh).
EXTRA_DIST += tests/install.sh
installcheck-local:
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	  $(SHELL) '$(srcdir)/tests/install.sh' --installed '$(bindir)' \
	  '$(mandir)' '$(bashcompletiondir)' '$(pkgdatadir)'
check-install:
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	  $(SHELL) '$(srcdir)/tests/install.sh'
.PHONY: check-install

# The README's capture is what byline prints.
TESTS += tests/cli/readme.sh
EXTRA_DIST += tests/cli/readme.sh
