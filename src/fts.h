/* fts.h: byline's FTS5 tokenizer and SQL functions, over the text layer.

   The tokenizer "byline" splits with text_tokenize and emits the word
   tokens only, each in text_fold form (NFKC, case folded, diacritics
   removed; every ideograph a token), with byte offsets into the original
   so snippet()/highlight() work.  It is the same notion of a word that
   highlighting, shingles and diff use. */
#ifndef BYLINE_FTS_H
#define BYLINE_FTS_H

#include <sqlite3.h>

/* Registers on db: the FTS5 tokenizer "byline", and the SQL function
   byline_fold(text) -> text (text_fold over the whole string, NULL stays
   NULL).  Returns SQLITE_OK or an SQLite error code. */
int fts_register (sqlite3 *db);

#endif
