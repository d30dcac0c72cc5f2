/* test-store.c: the index (schema, migrations, rows, FTS sync, state) and
   the collection walk, against temporary files. */
#include "system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "query.h"
#include "scan.h"
#include "store.h"

struct fixture
{
  char *dir;
  char *db;
};

static int
setup (void **state)
{
  struct fixture *f = xcalloc (1, sizeof *f);
  const char *tmp = getenv ("TMPDIR");
  f->dir = xasprintf ("%s/byline-test-store.XXXXXX", tmp && *tmp ? tmp : "/tmp");
  assert_non_null (mkdtemp (f->dir));
  f->db = xasprintf ("%s/index.db", f->dir);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  struct fixture *f = *state;
  char *cmd = xasprintf ("rm -rf '%s'", f->dir);
  assert_int_equal (system (cmd), 0);
  free (cmd);
  free (f->dir);
  free (f->db);
  free (f);
  return 0;
}

static struct store *
open_write (const char *path, int flags)
{
  struct store *s = NULL;
  char *cause = NULL;
  int r = store_open (path, STORE_WRITE | flags, &s, &cause);
  if (r != STORE_OK)
    fail_msg ("store_open: %s", cause ? cause : "?");
  return s;
}

static void
make_article (struct article *a, const char *headline, const char *body)
{
  memset (a, 0, sizeof *a);
  a->headline = xstrdup (headline);
  a->body = xstrdup (body);
  a->body_len = strlen (body);
  a->words = 2;
  a->outlet = xstrdup ("The Daily Test");
  strv_add (&a->authors, "Ann Author");
  strv_add (&a->authors, "Bob Writer");
  a->date.precision = DATE_PREC_DAY;
  a->date.year = 2014;
  a->date.month = 1;
  a->date.day = 12;
}

static int64_t
int_query (struct store *s, const char *sql)
{
  sqlite3_stmt *st;
  assert_int_equal (sqlite3_prepare_v2 (store_db (s), sql, -1, &st, NULL),
                    SQLITE_OK);
  int64_t v = -1;
  if (sqlite3_step (st) == SQLITE_ROW)
    v = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  return v;
}

static int64_t
matches (struct store *s, const char *q)
{
  char *sql = sqlite3_mprintf ("SELECT count(*) FROM fts WHERE fts MATCH %Q",
                               q);
  int64_t n = int_query (s, sql);
  sqlite3_free (sql);
  return n;
}

static void
fts_ok (struct store *s)
{
  assert_int_equal (sqlite3_exec (store_db (s),
                                   "INSERT INTO fts (fts, rank)"
                                   " VALUES ('integrity-check', 1)",
                                   NULL, NULL, NULL), SQLITE_OK);
}

static int64_t
insert (struct store *s, const char *path, const char *headline,
        const char *body, uint64_t hash)
{
  struct article a;
  make_article (&a, headline, body);
  struct scan_ident id = { 10, 20, 30 };
  char *cause = NULL;
  int64_t r = store_insert_article (s, path, &id, hash, &a, &cause);
  assert_null (cause);
  assert_true (r > 0);
  article_free (&a);
  return r;
}

static void
test_create (void **state)
{
  struct fixture *f = *state;
  struct store *s = NULL;
  char *cause = NULL;
  assert_int_equal (store_open (f->db, 0, &s, &cause), STORE_MISSING);
  s = open_write (f->db, 0);
  assert_int_equal (int_query (s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
  assert_int_equal (int_query (s, "PRAGMA application_id"),
                    STORE_APPLICATION_ID);
  assert_int_equal (int_query (s, "SELECT count(*) FROM articles"), 0);
  assert_null (store_meta_get (s, "indexed_at"));
  assert_int_equal (store_meta_set (s, "indexed_at", "1", &cause), 0);
  char *v = store_meta_get (s, "indexed_at");
  assert_string_equal (v, "1");
  free (v);
  store_close (s);

  /* Readers find it as it is. */
  assert_int_equal (store_open (f->db, 0, &s, &cause), STORE_OK);
  sqlite3_stmt *st;
  assert_int_equal (sqlite3_prepare_v2 (store_db (s), "PRAGMA journal_mode",
                                        -1, &st, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_step (st), SQLITE_ROW);
  assert_string_equal (sqlite3_column_text (st, 0), "wal");
  sqlite3_finalize (st);
  store_close (s);
}

static void
test_fts_sync (void **state)
{
  struct fixture *f = *state;
  struct store *s = open_write (f->db, 0);
  char *cause = NULL;
  assert_int_equal (store_begin (s, &cause), 0);
  int64_t id = insert (s, "a.txt", "Mars rover", "alpha beta", 1);
  insert (s, "b.txt", "Other", "delta", 2);
  assert_int_equal (matches (s, "alpha"), 1);
  assert_int_equal (matches (s, "headline:rover"), 1);
  assert_int_equal (matches (s, "ROVER"), 1);

  struct article a;
  make_article (&a, "New headline", "gamma");
  struct scan_ident ident = { 11, 21, 31 };
  assert_int_equal (store_update_article (s, id, "a.txt", &ident, 3, &a,
                                          &cause), 0);
  article_free (&a);
  assert_int_equal (matches (s, "alpha"), 0);
  assert_int_equal (matches (s, "rover"), 0);
  assert_int_equal (matches (s, "gamma"), 1);
  fts_ok (s);

  assert_int_equal (store_touch_article (s, id, &ident, &cause), 0);
  assert_int_equal (matches (s, "gamma"), 1);

  assert_int_equal (store_delete_article (s, id, &cause), 0);
  assert_int_equal (matches (s, "gamma"), 0);
  assert_int_equal (matches (s, "delta"), 1);
  fts_ok (s);
  assert_int_equal (store_commit (s, &cause), 0);

  /* Metadata as stored. */
  assert_int_equal (int_query (s, "SELECT date_key > 0 FROM articles"), 1);
  assert_int_equal (int_query (s, "SELECT authors = 'Ann Author' || char(10)"
                               " || 'Bob Writer' FROM articles"), 1);
  store_close (s);
}

static void
test_rename_keeps_state (void **state)
{
  struct fixture *f = *state;
  struct store *s = open_write (f->db, 0);
  char *cause = NULL;
  int64_t id = insert (s, "old/name.txt", "Headline", "body words", 42);
  struct store_state st = { .read = true, .bookmark = true };
  assert_int_equal (store_set_state (s, id, &st, &cause), 0);

  struct article a;
  make_article (&a, "Headline", "body words");
  struct scan_ident ident = { 1, 2, 3 };
  assert_int_equal (store_update_article (s, id, "new/name.txt", &ident, 42,
                                          &a, &cause), 0);
  article_free (&a);
  memset (&st, 0, sizeof st);
  assert_int_equal (store_get_state (s, id, &st, &cause), 0);
  assert_true (st.read);
  assert_true (st.bookmark);
  assert_int_equal (int_query (s, "SELECT count(*) FROM articles"
                               " WHERE path = 'new/name.txt'"), 1);

  /* Deleting the article deletes its state. */
  assert_int_equal (store_delete_article (s, id, &cause), 0);
  assert_int_equal (int_query (s, "SELECT count(*) FROM state"), 0);
  store_close (s);
}

struct seen
{
  int articles, skipped, retry;
};

static void
count_known (const struct store_known *k, void *arg)
{
  struct seen *n = arg;
  if (k->id)
    n->articles++;
  else
    {
      n->skipped++;
      n->retry += k->retry;
    }
}

static void
test_skipped (void **state)
{
  struct fixture *f = *state;
  struct store *s = open_write (f->db, 0);
  char *cause = NULL;
  struct scan_ident ident = { 5, 6, 7 };
  insert (s, "x.txt", "H", "b", 9);
  assert_int_equal (store_put_skipped (s, "pic.jpg", &ident, false,
                                       "binary file (JPEG image), skipped",
                                       &cause), 0);
  assert_int_equal (store_put_skipped (s, "locked.txt", &ident, true,
                                       "cannot open: Permission denied",
                                       &cause), 0);
  /* Replacing keeps one row per path. */
  assert_int_equal (store_put_skipped (s, "pic.jpg", &ident, false,
                                       "binary file (JPEG image), skipped",
                                       &cause), 0);
  struct seen n = { 0 };
  assert_int_equal (store_each_known (s, count_known, &n, &cause), 0);
  assert_int_equal (n.articles, 1);
  assert_int_equal (n.skipped, 2);
  assert_int_equal (n.retry, 1);
  assert_int_equal (store_delete_skipped (s, "locked.txt", &cause), 0);
  memset (&n, 0, sizeof n);
  assert_int_equal (store_each_known (s, count_known, &n, &cause), 0);
  assert_int_equal (n.skipped, 1);
  /* Skipped files are not articles. */
  assert_int_equal (int_query (s, "SELECT count(*) FROM articles"), 1);
  store_close (s);
}

static void
test_rebuild_old_version (void **state)
{
  struct fixture *f = *state;
  struct store *s = open_write (f->db, 0);
  char *cause = NULL;
  int64_t id = insert (s, "kept.txt", "H", "body", 1);
  struct store_state st = { .bookmark = true };
  assert_int_equal (store_set_state (s, id, &st, &cause), 0);
  assert_int_equal (sqlite3_exec (store_db (s), "PRAGMA user_version = 0",
                                  NULL, NULL, NULL), SQLITE_OK);
  store_close (s);

  /* A reader leaves it alone and says so; a writer rebuilds it. */
  assert_int_equal (store_open (f->db, 0, &s, &cause), STORE_OUTDATED);
  s = open_write (f->db, 0);
  assert_int_equal (int_query (s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
  assert_int_equal (int_query (s, "SELECT count(*) FROM articles"), 0);
  assert_int_equal (int_query (s, "SELECT count(*) FROM pending_state"), 1);
  fts_ok (s);

  /* The state comes back when the file is indexed again. */
  id = insert (s, "kept.txt", "H", "body", 1);
  assert_int_equal (store_apply_pending_state (s, &cause), 0);
  memset (&st, 0, sizeof st);
  assert_int_equal (store_get_state (s, id, &st, &cause), 0);
  assert_true (st.bookmark);
  assert_false (st.read);
  assert_int_equal (int_query (s, "SELECT count(*) FROM pending_state"), 0);
  store_close (s);

  /* --rebuild of a current index: same thing. */
  s = open_write (f->db, STORE_REBUILD);
  assert_int_equal (int_query (s, "SELECT count(*) FROM articles"), 0);
  assert_int_equal (int_query (s, "SELECT count(*) FROM pending_state"), 1);
  store_close (s);
}

static void
write_file (const char *path, const char *data, size_t n)
{
  FILE *fp = fopen (path, "wb");
  assert_non_null (fp);
  assert_int_equal (fwrite (data, 1, n, fp), n);
  assert_int_equal (fclose (fp), 0);
}

static void
expect_refused (const char *path, const char *what)
{
  struct store *s = NULL;
  char *cause = NULL;
  assert_int_equal (store_open (path, STORE_WRITE, &s, &cause), STORE_ERROR);
  assert_null (s);
  assert_non_null (cause);
  assert_non_null (strstr (cause, path));
  assert_non_null (strstr (cause, "byline index --rebuild"));
  if (what)
    assert_non_null (strstr (cause, what));
  free (cause);
  cause = NULL;
  assert_int_equal (store_open (path, 0, &s, &cause), STORE_ERROR);
  assert_non_null (strstr (cause, "--rebuild"));
  free (cause);
}

static void
test_not_an_index (void **state)
{
  struct fixture *f = *state;
  /* Garbage. */
  char junk[4096];
  for (size_t i = 0; i < sizeof junk; i++)
    junk[i] = (char) (i * 7 + 3);
  write_file (f->db, junk, sizeof junk);
  expect_refused (f->db, NULL);
  struct store *s = open_write (f->db, STORE_REBUILD);
  assert_int_equal (int_query (s, "SELECT count(*) FROM articles"), 0);
  store_close (s);

  /* Another program's database. */
  char *other = xasprintf ("%s/other.db", f->dir);
  sqlite3 *db;
  assert_int_equal (sqlite3_open (other, &db), SQLITE_OK);
  assert_int_equal (sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL),
                    SQLITE_OK);
  sqlite3_close (db);
  expect_refused (other, "not a byline index");

  /* A newer byline's index. */
  s = open_write (f->db, 0);
  assert_int_equal (sqlite3_exec (store_db (s), "PRAGMA user_version = 999",
                                  NULL, NULL, NULL), SQLITE_OK);
  store_close (s);
  expect_refused (f->db, "newer");
  free (other);
}

static void
test_select (void **state)
{
  struct fixture *f = *state;
  struct store *s = open_write (f->db, 0);
  char *cause = NULL;
  insert (s, "1.txt", "Rover lands on Mars", "the rover is fine", 1);
  insert (s, "2.txt", "Budget news", "a rover was mentioned once", 2);
  insert (s, "3.txt", "Nothing", "unrelated", 3);

  struct query *q = query_parse ("rover", &cause);
  assert_non_null (q);
  struct query_sql qs;
  query_to_sql (q, &qs);
  query_free (q);
  sqlite3_stmt *st = store_select (s, &qs, NULL, false, true, 0, &cause);
  assert_non_null (st);
  /* The headline counts more than the body. */
  assert_int_equal (sqlite3_step (st), SQLITE_ROW);
  assert_string_equal (sqlite3_column_text (st, STORE_COL_PATH), "1.txt");
  assert_true (sqlite3_column_double (st, STORE_COL_SCORE) > 0);
  assert_int_equal (sqlite3_step (st), SQLITE_ROW);
  assert_string_equal (sqlite3_column_text (st, STORE_COL_PATH), "2.txt");
  assert_int_equal (sqlite3_step (st), SQLITE_DONE);
  sqlite3_finalize (st);

  st = store_select (s, NULL, "headline", true, false, 2, &cause);
  assert_non_null (st);
  assert_int_equal (sqlite3_step (st), SQLITE_ROW);
  assert_string_equal (sqlite3_column_text (st, STORE_COL_PATH), "1.txt");
  assert_int_equal (sqlite3_step (st), SQLITE_ROW);
  assert_int_equal (sqlite3_step (st), SQLITE_DONE);
  sqlite3_finalize (st);
  query_sql_free (&qs);
  store_close (s);
}

/* ---- scan ---------------------------------------------------------------- */

static int
collect (const char *rel, const struct scan_ident *id, void *arg)
{
  struct strv *sv = arg;
  assert_true (id->size >= 0);
  strv_add (sv, rel);
  return 0;
}

static void
test_scan (void **state)
{
  struct fixture *f = *state;
  char *root = xasprintf ("%s/coll", f->dir);
  char *p;
  assert_int_equal (mkdir (root, 0700), 0);
  static const char *const dirs[] = { "b", "b/c", ".hidden" };
  for (size_t i = 0; i < ARRAY_SIZE (dirs); i++)
    {
      p = xasprintf ("%s/%s", root, dirs[i]);
      assert_int_equal (mkdir (p, 0700), 0);
      free (p);
    }
  static const char *const files[] = { "z.txt", "a.txt", "b/c/d.txt",
                                       ".dot.txt", ".hidden/x.txt" };
  for (size_t i = 0; i < ARRAY_SIZE (files); i++)
    {
      p = xasprintf ("%s/%s", root, files[i]);
      write_file (p, "text\n", 5);
      free (p);
    }
  p = xasprintf ("%s/b/loop", root);
  assert_int_equal (symlink ("..", p), 0);
  free (p);
  p = xasprintf ("%s/outside.txt", root);
  assert_int_equal (symlink ("/etc/passwd", p), 0);
  free (p);

  struct strv got = STRV_INIT;
  assert_int_equal (scan_walk (root, collect, NULL, &got), 0);
  assert_int_equal (got.n, 3);
  assert_string_equal (got.v[0], "a.txt");
  assert_string_equal (got.v[1], "b/c/d.txt");
  assert_string_equal (got.v[2], "z.txt");
  strv_free (&got);

  /* Reading: bytes, identity; a symlink is never followed. */
  p = xasprintf ("%s/a.txt", root);
  size_t n;
  struct scan_ident id;
  bool unreadable;
  char *cause = NULL;
  char *data = scan_read (p, &n, &id, &unreadable, &cause);
  assert_non_null (data);
  assert_int_equal (n, 5);
  assert_int_equal (id.size, 5);
  free (data);
  free (p);
  p = xasprintf ("%s/outside.txt", root);
  assert_null (scan_read (p, &n, &id, &unreadable, &cause));
  assert_true (unreadable);
  free (cause);
  free (p);
  free (root);

  /* FNV-1a test vectors. */
  assert_true (scan_hash (SCAN_HASH_INIT, "", 0)
               == UINT64_C (0xcbf29ce484222325));
  assert_true (scan_hash (SCAN_HASH_INIT, "a", 1)
               == UINT64_C (0xaf63dc4c8601ec8c));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_create, setup, teardown),
    cmocka_unit_test_setup_teardown (test_fts_sync, setup, teardown),
    cmocka_unit_test_setup_teardown (test_rename_keeps_state, setup, teardown),
    cmocka_unit_test_setup_teardown (test_skipped, setup, teardown),
    cmocka_unit_test_setup_teardown (test_rebuild_old_version, setup, teardown),
    cmocka_unit_test_setup_teardown (test_not_an_index, setup, teardown),
    cmocka_unit_test_setup_teardown (test_select, setup, teardown),
    cmocka_unit_test_setup_teardown (test_scan, setup, teardown),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
