## src/extract.mk: owned by the extract module; appended to libbyline_a_SOURCES and check_PROGRAMS.
libbyline_a_SOURCES += \
	src/extract.h src/extract-int.h \
	src/extract.c src/extract-roles.c src/extract-meta.c \
	src/outlets.c
nodist_libbyline_a_SOURCES = src/outlets-builtin.c
BUILT_SOURCES = src/outlets-builtin.c
CLEANFILES += src/outlets-builtin.c
dist_pkgdata_DATA += data/outlets.txt

# The rules file compiled in, for when no data directory can be found.
# Written into the build tree (builddir != srcdir under distcheck).
src/outlets-builtin.c: $(top_srcdir)/data/outlets.txt
	$(AM_V_GEN)$(MKDIR_P) src && { \
	  echo '/* Generated from data/outlets.txt by src/extract.mk; do not edit. */'; \
	  echo '#include <stddef.h>'; \
	  echo 'extern const char outlets_builtin[];'; \
	  echo 'extern const size_t outlets_builtin_len;'; \
	  echo 'const char outlets_builtin[] = {'; \
	  od -An -v -tx1 $(top_srcdir)/data/outlets.txt \
	    | $(SED) -e 's/[0-9a-fA-F][0-9a-fA-F]/0x&,/g'; \
	  echo '0x00 };'; \
	  echo 'const size_t outlets_builtin_len = sizeof outlets_builtin - 1;'; \
	} > $@-t && mv -f $@-t $@

check_PROGRAMS += tests/unit/test-extract
tests_unit_test_extract_SOURCES = tests/unit/test-extract.c
tests_unit_test_extract_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_extract_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test-extract
