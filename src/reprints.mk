## src/reprints.mk: owned by the reprints module; appended to libbyline_a_SOURCES and check_PROGRAMS.
