## src/text.mk: owned by the text module; appended to libbyline_a_SOURCES and check_PROGRAMS.
libbyline_a_SOURCES += src/text.h src/swar.h src/text-decode.c src/text-words.c src/text-width.c
check_PROGRAMS += tests/unit/test-text
tests_unit_test_text_SOURCES = tests/unit/test-text.c
tests_unit_test_text_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_text_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test-text
