## src/ui.mk: owned by the ui module; appended to libbyline_a_SOURCES and check_PROGRAMS.
libbyline_a_SOURCES += \
	src/ui.c src/ui.h \
	src/ui-term.c \
	src/keymap.c src/keymap.h \
	src/colour.c src/colour.h \
	src/draw.c src/draw.h \
	src/highlight.c src/highlight.h \
	src/settings.c src/settings.h \
	src/prompt.c \
	src/view-help.c \
	src/view-reader.c \
	src/view-list.c \
	src/view-diff.c \
	src/view-versions.c \
	src/cmd-reader.c
EXTRA_DIST += src/actions.def

check_PROGRAMS += tests/unit/test-ui
tests_unit_test_ui_SOURCES = tests/unit/test-ui.c
tests_unit_test_ui_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_ui_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test-ui

check_PROGRAMS += tests/unit/test-ui-screen
tests_unit_test_ui_screen_SOURCES = tests/unit/test-ui-screen.c
tests_unit_test_ui_screen_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_ui_screen_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test-ui-screen

TUI_TESTS = \
	tests/tui/reader-basic.sh \
	tests/tui/reader-search.sh \
	tests/tui/reader-resize.sh \
	tests/tui/reader-hostile.sh \
	tests/tui/reader-matrix.sh \
	tests/tui/reader-nocolor.sh \
	tests/tui/reader-list.sh \
	tests/tui/reader-config.sh \
	tests/tui/reader-suspend.sh \
	tests/tui/reader-versions.sh \
	tests/tui/reader-diff.sh \
	tests/tui/reader-highlight.sh \
	tests/tui/reader-update.sh
TESTS += $(TUI_TESTS)
EXTRA_DIST += $(TUI_TESTS) tests/tui/lib.sh
