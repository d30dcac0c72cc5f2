## src/search.mk: the FTS5 tokenizer and the query language.
libbyline_a_SOURCES += \
	src/fts.c src/fts.h \
	src/query.c src/query.h
