## src/search.mk: the FTS5 tokenizer and the query language.
