/* test-fts.c: the "byline" FTS5 tokenizer and the SQL functions, through a
   real in-memory SQLite database. */
#include "system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>

#include "buf.h"
#include "fts.h"

static void
exec (sqlite3 *db, const char *sql)
{
  char *err = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &err);
  if (rc != SQLITE_OK)
    fail_msg ("%s: %s", sql, err ? err : "?");
}

/* A database with the tokenizer and a table t(x) whose row i is docs[i-1]. */
static sqlite3 *
open_db (const char *const *docs, size_t n)
{
  sqlite3 *db;
  assert_int_equal (sqlite3_open (":memory:", &db), SQLITE_OK);
  assert_int_equal (fts_register (db), SQLITE_OK);
  exec (db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='byline')");
  exec (db, "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')");
  sqlite3_stmt *st;
  assert_int_equal (sqlite3_prepare_v2 (db, "INSERT INTO t(rowid, x) "
                                        "VALUES (?, ?)", -1, &st, NULL),
                    SQLITE_OK);
  for (size_t i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (st, 1, (sqlite3_int64) i + 1);
      sqlite3_bind_text (st, 2, docs[i], -1, SQLITE_STATIC);
      assert_int_equal (sqlite3_step (st), SQLITE_DONE);
      sqlite3_reset (st);
    }
  sqlite3_finalize (st);
  return db;
}

/* Rows of a one-column query with one text parameter (may be NULL),
   joined by '|'.  Caller frees. */
static char *
rows (sqlite3 *db, const char *sql, const char *param)
{
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (db, sql, -1, &st, NULL) != SQLITE_OK)
    fail_msg ("%s: %s", sql, sqlite3_errmsg (db));
  if (param)
    sqlite3_bind_text (st, 1, param, -1, SQLITE_STATIC);
  struct buf b = BUF_INIT;
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      if (b.len > 0)
        buf_addc (&b, '|');
      const char *v = (const char *) sqlite3_column_text (st, 0);
      buf_adds (&b, v ? v : "NULL");
    }
  if (rc != SQLITE_DONE)
    fail_msg ("%s [%s]: %s", sql, param ? param : "", sqlite3_errmsg (db));
  sqlite3_finalize (st);
  return buf_steal (&b);
}

#define assert_rows(db, sql, param, want)                       \
  do                                                            \
    {                                                           \
      char *got_ = rows ((db), (sql), (param));                 \
      if (strcmp (got_, (want)) != 0)                           \
        fail_msg ("%s [%s]: got \"%s\", want \"%s\"", (sql),    \
                  (param) ? (param) : "", got_, (want));        \
      free (got_);                                              \
    }                                                           \
  while (0)

#define assert_match(db, q, want) \
  assert_rows ((db), "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", \
               (q), (want))

/* The tokens of document 'row', in order, joined by '|'. */
static char *
tokens (sqlite3 *db, int row)
{
  char *sql = xasprintf ("SELECT term FROM v WHERE doc = %d "
                         "ORDER BY offset, term", row);
  char *r = rows (db, sql, NULL);
  free (sql);
  return r;
}

#define assert_tokens(db, row, want)                                    \
  do                                                                    \
    {                                                                   \
      char *got_ = tokens ((db), (row));                                \
      if (strcmp (got_, (want)) != 0)                                   \
        fail_msg ("row %d: got \"%s\", want \"%s\"", (row), got_, (want)); \
      free (got_);                                                      \
    }                                                                   \
  while (0)

static void
test_ascii (void **state)
{
  (void) state;
  static const char *const docs[] = {
    "Hello, World! The quick brown fox.",
    "Goodbye world",
    "hello again",
  };
  sqlite3 *db = open_db (docs, ARRAY_SIZE (docs));
  assert_tokens (db, 1, "hello|world|the|quick|brown|fox");
  assert_match (db, "hello", "1|3");
  assert_match (db, "WORLD", "1|2");
  assert_match (db, "hello world", "1");
  assert_match (db, "\"quick brown\"", "1");
  assert_match (db, "\"brown quick\"", "");
  assert_match (db, "fox OR goodbye", "1|2");
  assert_match (db, "world NOT hello", "2");
  sqlite3_close (db);
}

static void
test_accents (void **state)
{
  (void) state;
  static const char *const docs[] = {
    "Le Café de Flore",
    "CAFÉ NOIR",
    "un cafe",
    "Cafés et crème brûlée",
    "Straße in Zoë's town",
  };
  sqlite3 *db = open_db (docs, ARRAY_SIZE (docs));
  assert_tokens (db, 1, "le|cafe|de|flore");
  assert_tokens (db, 4, "cafes|et|creme|brulee");
  assert_match (db, "cafe", "1|2|3");
  assert_match (db, "café", "1|2|3");
  assert_match (db, "\"CAFÉ\"", "1|2|3");
  assert_match (db, "creme", "4");
  assert_match (db, "\"strasse\"", "5");
  assert_match (db, "\"straße\"", "5");
  sqlite3_close (db);
}

static void
test_cjk (void **state)
{
  (void) state;
  static const char *const docs[] = {
    "中华人民共和国成立",
    "华中科技大学",
    "東京オリンピックは延期",
    "서울 올림픽",
  };
  sqlite3 *db = open_db (docs, ARRAY_SIZE (docs));
  assert_tokens (db, 1, "中|华|人|民|共|和|国|成|立");
  assert_match (db, "\"中华\"", "1");
  assert_match (db, "\"华中\"", "2");
  /* Without quotes: both ideographs anywhere. */
  assert_match (db, "中 华", "1|2");
  assert_match (db, "\"人民共和国\"", "1");
  assert_match (db, "\"東京\"", "3");
  assert_match (db, "\"延期\"", "3");
  assert_match (db, "\"東延\"", "");
  sqlite3_close (db);
}

static void
test_punctuation_and_emoji (void **state)
{
  (void) state;
  static const char *const docs[] = {
    "I ❤ NY 🎉🎉 -- “quoted” (parens) [brackets] ... 100% & more",
    "Don't stop; it's fine",
    "The U.S. and the U.K. agreed",
    "China's Tianwen-1 probe, e-mail and co-operation",
    "📰",
    "L’Europe et l'homme d’État",
  };
  sqlite3 *db = open_db (docs, ARRAY_SIZE (docs));
  assert_tokens (db, 1, "i|ny|quoted|parens|brackets|100|more");
  /* Words with apostrophes also index their parts, at their position. */
  assert_tokens (db, 2, "don|don't|t|stop|it|it's|s|fine");
  assert_tokens (db, 3, "the|u.s|and|the|u.k|agreed");
  assert_tokens (db, 4,
                 "china|china's|s|tianwen|1|probe|e|mail|and|co|operation");
  assert_tokens (db, 5, "");
  assert_tokens (db, 6, "europe|l|l’europe|et|homme|l|l'homme|d|d’etat|etat");
  assert_match (db, "homme", "6");
  assert_match (db, "europe etat", "6");
  assert_match (db, "\"l'europe\"", "");
  assert_match (db, "\"l’europe\"", "6");
  assert_match (db, "ny", "1");
  assert_match (db, "\"don't\"", "2");
  assert_match (db, "\"DON’T\"", "");
  assert_match (db, "don", "2");
  assert_match (db, "china", "4");
  assert_match (db, "\"china's\"", "4");
  assert_match (db, "\"china's tianwen\"", "4");
  assert_match (db, "\"china tianwen\"", "4");
  assert_match (db, "\"U.S.\"", "3");
  assert_match (db, "\"u.s\"", "3");
  assert_match (db, "\"Tianwen-1\"", "4");
  assert_match (db, "\"tianwen 1\"", "4");
  assert_match (db, "\"e-mail\"", "4");
  /* A string of punctuation alone has no token and matches nothing. */
  assert_match (db, "\"🎉\"", "");
  sqlite3_close (db);
}

static void
test_prefix (void **state)
{
  (void) state;
  static const char *const docs[] = {
    "Café society",
    "Caffeine intake",
    "cab driver",
    "Straße",
  };
  sqlite3 *db = open_db (docs, ARRAY_SIZE (docs));
  assert_match (db, "caf*", "1|2");
  assert_match (db, "\"CAF\"*", "1|2");
  assert_match (db, "\"café\"*", "1");
  assert_match (db, "\"caffè\"*", "2");
  assert_match (db, "\"STRAß\"*", "4");
  assert_match (db, "\"socié\"*", "1");
  sqlite3_close (db);
}

static void
test_highlight (void **state)
{
  (void) state;
  static const char *const docs[] = {
    "Le Café, c’est ça: CAFÉ!",
    "中华人民共和国成立了",
    "«Tianwen-1» lands 🎉 on Mars",
    "China’s probe, l'homme",
  };
  sqlite3 *db = open_db (docs, ARRAY_SIZE (docs));
  const char *hl = "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ? "
    "ORDER BY rowid";
  assert_rows (db, hl, "cafe", "Le [Café], c’est ça: [CAFÉ]!");
  assert_rows (db, hl, "\"ca\"", "Le Café, c’est [ça]: CAFÉ!");
  assert_rows (db, hl, "\"人民\"", "中华[人民]共和国成立了");
  assert_rows (db, hl, "est", "Le Café, [c’est] ça: CAFÉ!");
  /* A part of a word highlights the whole word, where the index has it. */
  assert_rows (db, hl, "china homme", "[China’s] probe, [l'homme]");
  assert_rows (db, hl, "\"china’s probe\"", "[China’s probe], l'homme");
  assert_rows (db, hl, "\"tianwen-1\" mars",
               "«[Tianwen-1]» lands 🎉 on [Mars]");
  assert_rows (db, "SELECT snippet(t, 0, '<', '>', '…', 3) FROM t "
               "WHERE t MATCH ?", "mars", "…lands 🎉 on <Mars>");
  sqlite3_close (db);
}

static void
test_functions (void **state)
{
  (void) state;
  sqlite3 *db;
  assert_int_equal (sqlite3_open (":memory:", &db), SQLITE_OK);
  assert_int_equal (fts_register (db), SQLITE_OK);
  assert_rows (db, "SELECT byline_fold(?)", "Café CRÈME ﬁn", "cafe creme fin");
  assert_rows (db, "SELECT byline_fold(NULL)", NULL, "NULL");
  assert_rows (db, "SELECT byline_fold('')", NULL, "");
  assert_rows (db, "SELECT byline_words(?)", "Agence France-Presse (AFP)",
               "agence france presse afp");
  assert_rows (db, "SELECT byline_words(?)", "Jean-Louis Santini\nZoë Brown",
               "jean louis santini \n zoe brown");
  assert_rows (db, "SELECT byline_words(?)", "\n\n—\nA\n\n", "a");
  assert_rows (db, "SELECT byline_words(NULL)", NULL, "NULL");
  /* Registering twice is harmless. */
  assert_int_equal (fts_register (db), SQLITE_OK);
  /* The tokenizer takes no arguments. */
  assert_int_not_equal (sqlite3_exec (db, "CREATE VIRTUAL TABLE x USING "
                                      "fts5(a, tokenize='byline porter')",
                                      NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
}

/* External content, as the index has it: rowids, deletes and rebuilds go
   through the same tokenizer. */
static void
test_external_content (void **state)
{
  (void) state;
  sqlite3 *db;
  assert_int_equal (sqlite3_open (":memory:", &db), SQLITE_OK);
  assert_int_equal (fts_register (db), SQLITE_OK);
  exec (db, "CREATE TABLE articles (id INTEGER PRIMARY KEY, headline TEXT, "
        "body TEXT);"
        "CREATE VIRTUAL TABLE fts USING fts5(headline, body, "
        "content='articles', content_rowid='id', tokenize='byline');"
        "INSERT INTO articles VALUES (7, 'Café news', 'Rates rise'),"
        " (9, 'Rates', 'Café prices');"
        "INSERT INTO fts(fts) VALUES ('rebuild');");
  const char *q = "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid";
  assert_rows (db, q, "cafe", "7|9");
  assert_rows (db, q, "headline : cafe", "7");
  assert_rows (db, q, "body : \"cafe\"*", "9");
  assert_rows (db, "SELECT rowid FROM fts WHERE fts MATCH ? "
               "ORDER BY bm25(fts, 10.0, 1.0)", "rates", "9|7");
  exec (db, "INSERT INTO fts(fts, rowid, headline, body) "
        "VALUES ('delete', 7, 'Café news', 'Rates rise');"
        "INSERT INTO fts(fts, rowid, headline, body) VALUES ('delete', 9, "
        "'Rates', 'Café prices');"
        "INSERT INTO fts(fts) VALUES ('integrity-check');");
  assert_rows (db, q, "cafe", "");
  sqlite3_close (db);
}

/* A long document with many words: the tokenizer reuses its buffers and
   the offsets hold to the end. */
static void
test_long_document (void **state)
{
  (void) state;
  struct buf b = BUF_INIT;
  for (int i = 0; i < 20000; i++)
    buf_printf (&b, "Wörd%d café, ", i);
  buf_adds (&b, "Ende");
  const char *docs[] = { b.data };
  sqlite3 *db = open_db (docs, 1);
  assert_match (db, "wORD19999", "1");
  assert_match (db, "ende", "1");
  assert_rows (db, "SELECT count(*) FROM v", NULL, "40001");
  assert_rows (db, "SELECT substr(highlight(t, 0, '[', ']'), -22) FROM t "
               "WHERE t MATCH ?", "ende", "Wörd19999 café, [Ende]");
  sqlite3_close (db);
  buf_free (&b);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_ascii),
    cmocka_unit_test (test_accents),
    cmocka_unit_test (test_cjk),
    cmocka_unit_test (test_punctuation_and_emoji),
    cmocka_unit_test (test_prefix),
    cmocka_unit_test (test_highlight),
    cmocka_unit_test (test_functions),
    cmocka_unit_test (test_external_content),
    cmocka_unit_test (test_long_document),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
