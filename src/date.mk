## src/date.mk: owned by the date module; appended to libbyline_a_SOURCES and check_PROGRAMS.
libbyline_a_SOURCES += src/date.c src/date-names.c src/date.h
check_PROGRAMS += tests/unit/test-date
tests_unit_test_date_SOURCES = tests/unit/test-date.c
tests_unit_test_date_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_date_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test-date
