## src/ui.mk: owned by the ui module; appended to libbyline_a_SOURCES and check_PROGRAMS.
