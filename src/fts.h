/* fts.h: byline's FTS5 tokenizer and SQL functions, over the text layer.

   The tokenizer "byline" splits with text_tokenize and emits the word
   tokens only, each in text_fold form (NFKC, case folded, diacritics
   removed; every ideograph a token), with byte offsets into the original
   so snippet()/highlight() work.  It is the same notion of a word that
   highlighting, shingles and diff use. */
#ifndef BYLINE_FTS_H
#define BYLINE_FTS_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "buf.h"

struct fts_cache;
struct text_token;

/* Registers on db: the FTS5 tokenizer "byline", and the SQL function
   byline_fold(text) -> text (text_fold over the whole string, NULL stays
   NULL).  Returns SQLITE_OK or an SQLite error code. */
int fts_register (sqlite3 *db);

/* Also registered by fts_register: byline_words(text) -> text, the words
   the tokenizer emits for the text, in text_fold form, separated by single
   spaces, with " \n " between the words of different lines (NULL stays
   NULL).  query.c matches metadata with
     instr(' ' || byline_words(a.outlet) || ' ', ' word ') > 0
   so that "outlet:presse" finds "Agence France-Presse" but not
   "Pressemitteilung", and author:"smith jones" does not run across two
   authors. */

/* ---- the tokenizer's words, for code that must agree with it ----------- */

/* Scratch space reused between calls, so that tokenizing a long text does
   not allocate per word.  Initialize with FTS_WORDS_INIT; one user at a
   time; release with fts_words_free. */
struct fts_words
{
  struct text_token *toks;
  size_t toks_alloc;
  struct text_token *sub;
  size_t sub_alloc;
  struct buf fold;
  struct fts_cache *cache;    /* folded forms of recent non-ASCII words */
};
#define FTS_WORDS_INIT { NULL, 0, NULL, 0, BUF_INIT, NULL }

/* Called for each word: 'word' (word_len bytes, not NUL-terminated, valid
   only during the call) in text_fold form; off/len its byte range in the
   input.  A token whose folded form is several words (NFKC turns "㍻"
   into two ideographs) calls back once per word, with the same range.
   'part' is set for the parts of a word with apostrophes (see below),
   which follow the word itself with the same range.  Returning nonzero
   stops the walk. */
typedef int fts_word_fn (void *ctx, const char *word, size_t word_len,
                         size_t off, size_t len, bool part);

/* Walks the words of s[0..n) exactly as the tokenizer "byline" emits them.
   With 'parts', a word with apostrophes (' U+2019 U+02BC) is followed by
   its pieces: "china's" by "china" and "s", "l'homme" by "l" and
   "homme".  The tokenizer indexes documents with parts, as tokens
   colocated with the word, so that "china" finds "China's" and "homme"
   finds "l'homme", while a query for "china's" still wants the whole
   word; queries are tokenized without parts.  Returns 0, or the first
   nonzero value fn returned. */
int fts_words (struct fts_words *fw, const char *s, size_t n, bool parts,
               fts_word_fn *fn, void *ctx);
void fts_words_free (struct fts_words *fw);

#endif
