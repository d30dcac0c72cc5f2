## src/date.mk: owned by the date module; appended to libbyline_a_SOURCES and check_PROGRAMS.
