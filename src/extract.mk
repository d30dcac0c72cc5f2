## src/extract.mk: owned by the extract module; appended to libbyline_a_SOURCES and check_PROGRAMS.
