/* fts.c: the FTS5 tokenizer "byline" and the SQL functions byline_fold and
   byline_words, all over text_tokenize and text_fold. */
#include "system.h"
#include "fts.h"

#include <limits.h>

#include "buf.h"
#include "text.h"

/* ---- words -------------------------------------------------------------- */

/* True if s[0..n) is ASCII: its text_fold is then plain lowercasing, and
   lowercasing changes no word break, so the token stays one word.  The
   common case, worth skipping libunistring for. */
static bool
fts_ascii (const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if ((unsigned char) s[i] >= 0x80)
      return false;
  return true;
}

static void
fts_ascii_lower (const char *s, size_t n, struct buf *out)
{
  buf_reset (out);
  buf_add (out, s, n);
  for (size_t i = 0; i < n; i++)
    if (out->data[i] >= 'A' && out->data[i] <= 'Z')
      out->data[i] += 'a' - 'A';
}

/* Bytes of the apostrophe at w[0..n), or 0. */
static size_t
fts_apostrophe (const char *w, size_t n)
{
  if (w[0] == '\'')
    return 1;
  if (n >= 3 && memcmp (w, "\xe2\x80\x99", 3) == 0)       /* U+2019 */
    return 3;
  if (n >= 2 && memcmp (w, "\xca\xbc", 2) == 0)           /* U+02BC */
    return 2;
  return 0;
}

/* Calls fn for the folded word w[0..n), then, with 'parts', for the
   pieces between its apostrophes. */
static int
fts_words_emit (const char *w, size_t n, size_t off, size_t len, bool parts,
                fts_word_fn *fn, void *ctx)
{
  int rc = fn (ctx, w, n, off, len, false);
  if (rc || !parts)
    return rc;
  if (memchr (w, '\'', n) == NULL && memchr (w, '\xe2', n) == NULL
      && memchr (w, '\xca', n) == NULL)
    return 0;
  size_t start = 0;
  for (size_t i = 0; i <= n; )
    {
      size_t a = i < n ? fts_apostrophe (w + i, n - i) : 1;
      if (a == 0)
        {
          i++;
          continue;
        }
      if (i > start && i - start < n)
        {
          rc = fn (ctx, w + start, i - start, off, len, true);
          if (rc)
            return rc;
        }
      i += a;
      start = i;
    }
  return 0;
}

/* Natural text repeats its words, and folding a non-ASCII word (NFKC,
   case folding, marks) costs far more than looking it up: a small
   direct-mapped cache of words whose folded form is one word. */
#define FTS_CACHE_SIZE 1024           /* a power of two */
#define FTS_CACHE_KEY 30
#define FTS_CACHE_VAL 32

struct fts_cache_entry
{
  unsigned char key_len;              /* 0: empty */
  unsigned char val_len;
  char key[FTS_CACHE_KEY];
  char val[FTS_CACHE_VAL];
};

struct fts_cache
{
  struct fts_cache_entry e[FTS_CACHE_SIZE];
};

static struct fts_cache_entry *
fts_cache_slot (struct fts_words *fw, const char *w, size_t n)
{
  if (fw->cache == NULL)
    fw->cache = xcalloc (1, sizeof *fw->cache);
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char) w[i]) * 16777619u;
  return &fw->cache->e[h & (FTS_CACHE_SIZE - 1)];
}

/* Folds the word token s[off..off+len) and calls fn for each word of the
   folded form: folding may change where the word breaks are, and the
   query side must see the same words as the document side. */
static int
fts_words_one (struct fts_words *fw, const char *s, size_t off, size_t len,
               bool parts, fts_word_fn *fn, void *ctx)
{
  const char *w = s + off;
  if (fts_ascii (w, len))
    {
      fts_ascii_lower (w, len, &fw->fold);
      return fts_words_emit (fw->fold.data, len, off, len, parts, fn, ctx);
    }

  struct fts_cache_entry *c = NULL;
  if (len <= FTS_CACHE_KEY)
    {
      c = fts_cache_slot (fw, w, len);
      if (c->key_len == len && memcmp (c->key, w, len) == 0)
        return fts_words_emit (c->val, c->val_len, off, len, parts, fn, ctx);
    }

  text_fold (w, len, &fw->fold);
  if (fw->fold.len == 0)
    return 0;
  size_t nsub = text_tokenize (fw->fold.data, fw->fold.len, &fw->sub,
                               &fw->sub_alloc);
  size_t nwords = 0;
  for (size_t i = 0; i < nsub; i++)
    if (fw->sub[i].word && fw->sub[i].len > 0)
      {
        nwords++;
        int rc = fts_words_emit (fw->fold.data + fw->sub[i].off,
                                 fw->sub[i].len, off, len, parts, fn, ctx);
        if (rc)
          return rc;
      }
  if (c && nwords == 1 && nsub == 1 && fw->fold.len <= FTS_CACHE_VAL)
    {
      c->key_len = (unsigned char) len;
      memcpy (c->key, w, len);
      c->val_len = (unsigned char) fw->fold.len;
      memcpy (c->val, fw->fold.data, fw->fold.len);
    }
  return 0;
}

int
fts_words (struct fts_words *fw, const char *s, size_t n, bool parts,
           fts_word_fn *fn, void *ctx)
{
  if (n == 0)
    return 0;
  size_t ntok = text_tokenize (s, n, &fw->toks, &fw->toks_alloc);
  for (size_t i = 0; i < ntok; i++)
    {
      if (!fw->toks[i].word || fw->toks[i].len == 0)
        continue;
      int rc = fts_words_one (fw, s, fw->toks[i].off, fw->toks[i].len,
                              parts, fn, ctx);
      if (rc)
        return rc;
    }
  return 0;
}

void
fts_words_free (struct fts_words *fw)
{
  free (fw->toks);
  free (fw->sub);
  buf_free (&fw->fold);
  free (fw->cache);
  fw->cache = NULL;
  fw->toks = fw->sub = NULL;
  fw->toks_alloc = fw->sub_alloc = 0;
}

/* ---- the tokenizer ------------------------------------------------------ */

/* One per FTS5 table.  The scratch space is reused for every document;
   'busy' guards against a nested call (an auxiliary function tokenizing
   from inside another tokenization), which gets scratch of its own. */
struct fts_tokenizer
{
  struct fts_words words;
  bool busy;
};

typedef int fts_token_cb (void *ctx, int tflags, const char *token,
                          int ntoken, int start, int end);

struct fts_emit
{
  void *ctx;
  fts_token_cb *token;
};

static int
fts_tok_create (void *user, const char **argv, int argc,
                Fts5Tokenizer **out)
{
  (void) user;
  (void) argv;
  /* No options: refuse them rather than silently ignore a typo. */
  if (argc > 0)
    return SQLITE_ERROR;
  struct fts_tokenizer *t = xcalloc (1, sizeof *t);
  *out = (Fts5Tokenizer *) t;
  return SQLITE_OK;
}

static void
fts_tok_delete (Fts5Tokenizer *tok)
{
  struct fts_tokenizer *t = (struct fts_tokenizer *) tok;
  if (t == NULL)
    return;
  fts_words_free (&t->words);
  free (t);
}

static int
fts_tok_emit (void *ctx, const char *word, size_t word_len, size_t off,
              size_t len, bool part)
{
  struct fts_emit *e = ctx;
  return e->token (e->ctx, part ? FTS5_TOKEN_COLOCATED : 0, word,
                   (int) word_len, (int) off, (int) (off + len));
}

/* Documents, queries, prefix queries and auxiliary functions all get the
   same tokens at the same positions: the folded form is what the index
   holds, so a query (and a prefix query's stem) must be folded the same
   way, and highlight() needs the positions the index has.  Documents also
   get the parts of words with apostrophes as colocated tokens, so that
   "china" finds "China's"; a query must not (colocated query tokens
   would mean alternatives for one position, and "china's" should ask for
   the whole word), nor auxiliary functions, which ignore them. */
static int
fts_tok_tokenize (Fts5Tokenizer *tok, void *ctx, int flags, const char *text,
                  int ntext, fts_token_cb *token)
{
  struct fts_tokenizer *t = (struct fts_tokenizer *) tok;
  struct fts_emit e = { ctx, token };
  bool parts = (flags & FTS5_TOKENIZE_DOCUMENT) != 0;
  if (text == NULL || ntext <= 0)
    return SQLITE_OK;

  if (!t->busy)
    {
      t->busy = true;
      int rc = fts_words (&t->words, text, (size_t) ntext, parts,
                          fts_tok_emit, &e);
      t->busy = false;
      return rc;
    }
  struct fts_words fw = FTS_WORDS_INIT;
  int rc = fts_words (&fw, text, (size_t) ntext, parts, fts_tok_emit,
                      &e);
  fts_words_free (&fw);
  return rc;
}

/* ---- SQL functions ------------------------------------------------------ */

/* Scratch space of the SQL functions, one per connection (a connection
   runs one statement step at a time), reused from row to row: a metadata
   query calls byline_words on every article. */
struct fts_func
{
  struct fts_words words;
  struct buf out;
};

static void
fts_func_free (void *p)
{
  struct fts_func *f = p;
  fts_words_free (&f->words);
  buf_free (&f->out);
  free (f);
}

static void
fts_sql_result (sqlite3_context *ctx, const struct buf *out)
{
  if (out->len > INT_MAX)
    sqlite3_result_error_toobig (ctx);
  else
    sqlite3_result_text (ctx, out->data ? out->data : "", (int) out->len,
                         SQLITE_TRANSIENT);
}

/* The text argument; NULL (after setting the result) for SQL NULL or
   when out of memory. */
static const char *
fts_sql_arg (sqlite3_context *ctx, sqlite3_value *v, size_t *n)
{
  if (sqlite3_value_type (v) == SQLITE_NULL)
    {
      sqlite3_result_null (ctx);
      return NULL;
    }
  const char *s = (const char *) sqlite3_value_text (v);
  *n = (size_t) sqlite3_value_bytes (v);
  if (s == NULL)
    sqlite3_result_error_nomem (ctx);
  return s;
}

static void
fts_sql_fold (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  struct fts_func *f = sqlite3_user_data (ctx);
  size_t n;
  (void) argc;
  const char *s = fts_sql_arg (ctx, argv[0], &n);
  if (s == NULL)
    return;
  text_fold (s, n, &f->out);
  fts_sql_result (ctx, &f->out);
}

struct fts_join
{
  struct buf *out;
  bool newline;         /* a line ended since the last word */
};

static int
fts_join_word (void *ctx, const char *word, size_t word_len, size_t off,
               size_t len, bool part)
{
  struct fts_join *j = ctx;
  (void) off;
  (void) len;
  (void) part;
  /* A line break becomes a word of its own, "\n", between the words of
     the two lines. */
  if (j->newline && j->out->len > 0)
    buf_adds (j->out, " \n");
  j->newline = false;
  if (j->out->len > 0)
    buf_addc (j->out, ' ');
  buf_add (j->out, word, word_len);
  return 0;
}

static void
fts_sql_words (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  struct fts_func *f = sqlite3_user_data (ctx);
  size_t n;
  (void) argc;
  const char *s = fts_sql_arg (ctx, argv[0], &n);
  if (s == NULL)
    return;
  struct fts_join j = { &f->out, false };
  buf_reset (&f->out);
  while (n > 0)
    {
      const char *nl = memchr (s, '\n', n);
      size_t line = nl ? (size_t) (nl - s) : n;
      fts_words (&f->words, s, line, false, fts_join_word, &j);
      j.newline = true;
      s += line;
      n -= line;
      if (n > 0)
        {
          s++;
          n--;
        }
    }
  fts_sql_result (ctx, &f->out);
}

/* ---- registration ------------------------------------------------------- */

static fts5_api *
fts_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL)
      != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

int
fts_register (sqlite3 *db)
{
  static fts5_tokenizer tokenizer = {
    .xCreate = fts_tok_create,
    .xDelete = fts_tok_delete,
    .xTokenize = fts_tok_tokenize,
  };
  fts5_api *api = fts_api (db);
  if (api == NULL)
    return SQLITE_ERROR;
  int rc = api->xCreateTokenizer (api, "byline", NULL, &tokenizer, NULL);
  if (rc != SQLITE_OK)
    return rc;

  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
#ifdef SQLITE_INNOCUOUS
  flags |= SQLITE_INNOCUOUS;
#endif
  /* Each function owns its scratch: SQLite frees it with fts_func_free
     when the function is replaced or the connection closes (and at once
     if registering fails). */
  rc = sqlite3_create_function_v2 (db, "byline_fold", 1, flags,
                                   xcalloc (1, sizeof (struct fts_func)),
                                   fts_sql_fold, NULL, NULL, fts_func_free);
  if (rc != SQLITE_OK)
    return rc;
  return sqlite3_create_function_v2 (db, "byline_words", 1, flags,
                                     xcalloc (1, sizeof (struct fts_func)),
                                     fts_sql_words, NULL, NULL,
                                     fts_func_free);
}
