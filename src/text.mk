## src/text.mk: owned by the text module; appended to libbyline_a_SOURCES and check_PROGRAMS.
