/* fuzz-query.c: query_parse, query_to_sql and query_terms; the SQL is then
   run through store_select against an in-memory index holding one article,
   so SQL or FTS5 syntax errors in what the compiler writes show up. */
#include "system.h"

#include <sqlite3.h>

#include "query.h"
#include "scan.h"
#include "store.h"
#include "common.h"

static const char fuzz_query_article[] =
  "Title: Café owners in Zürich fight the rent rise\n"
  "Author: Jane Doe; John Roe\n"
  "Source: The Independent\n"
  "Agency: Reuters\n"
  "Date: 2021-03-31\n"
  "\n"
  "ZURICH (Reuters) - Owners of the city's cafés said on Wednesday that "
  "a rise in rents would close dozens of them by the end of the year.\n"
  "\n"
  "The Tianwen-1 probe and the U.S. rover were not involved.\n";

/* The index, made once and kept for the whole run. */
static struct store *
fuzz_query_store (void)
{
  static struct store *s;
  if (s)
    return s;
  char *cause = NULL;
  FUZZ_CHECK (store_open (":memory:", STORE_WRITE, &s, &cause) == STORE_OK);
  struct article a;
  FUZZ_CHECK (article_from_bytes (fuzz_query_article,
                                  sizeof fuzz_query_article - 1,
                                  fuzz_builtin_outlets (), FUZZ_NOW, &a,
                                  &cause) == 0);
  struct scan_ident id = { (int64_t) sizeof fuzz_query_article - 1, 0, 1 };
  FUZZ_CHECK (store_begin (s, &cause) == 0);
  FUZZ_CHECK (store_insert_article (s, "a.txt", &id, 1, &a, &cause) > 0);
  FUZZ_CHECK (store_commit (s, &cause) == 0);
  article_free (&a);
  return s;
}

static void
fuzz_query_run (const struct query_sql *qs)
{
  struct store *s = fuzz_query_store ();
  char *cause = NULL;
  sqlite3_stmt *st = store_select (s, qs, NULL, false, true, 0, &cause);
  if (st == NULL)
    fprintf (stderr, "store_select: %s\nwhere: %s\n", cause, qs->where);
  FUZZ_CHECK (st != NULL);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    fprintf (stderr, "step: %s\nwhere: %s\nmatch: %s\n",
             sqlite3_errmsg (store_db (s)), qs->where,
             qs->rank_match ? qs->rank_match : "(none)");
  FUZZ_CHECK (rc == SQLITE_DONE);
  sqlite3_finalize (st);
}

int
fuzz_query (const uint8_t *data, size_t size)
{
  if (size > 4096)
    return 0;   /* the syntax, not the speed of long queries */
  char *z = xmalloc (size + 1);
  memcpy (z, data, size);
  z[size] = '\0';
  char *cause = NULL;
  struct query *q = query_parse (z, &cause);
  if (q == NULL)
    FUZZ_CHECK (cause != NULL);
  else
    {
      FUZZ_CHECK (cause == NULL);
      struct query_sql qs;
      query_to_sql (q, &qs);
      FUZZ_CHECK (qs.where != NULL);
      struct strv terms = STRV_INIT;
      query_terms (q, &terms);
      strv_free (&terms);
      fuzz_query_run (&qs);
      query_sql_free (&qs);
      query_free (q);
    }
  free (cause);
  free (z);
  return 0;
}

FUZZ_ENTRY (fuzz_query)
