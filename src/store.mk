## src/store.mk: owned by the store module; appended to libbyline_a_SOURCES and check_PROGRAMS.
