/* bench-search.c: in-process search latency over an existing index.

   Usage: bench-search [-n RUNS] [-l LIMIT] INDEX QUERY...

   Opens INDEX read-only with store_open (as 'byline search' does once the
   index exists) and, RUNS times (default 100, after one warm-up run),
   does what 'byline search --limit=LIMIT' does for QUERY minus the output:
   query_parse and query_to_sql, store_select (ranked, LIMIT rows, default
   50), stepping every row, and for each hit the snippet()/highlight()
   statement of src/cmd-search.c (copied here: keep it in step).  'select'
   is the time to the last of the LIMIT rows without snippets, 'full' with
   them; each is timed separately, so neither warms the other within a run.

   Prints one line of key=value pairs for bench/run.sh:
     runs=100 hits=50 select_p50=0.000812 select_p99=0.001020
     full_p50=0.001534 full_p99=0.002100
   (seconds; nearest-rank percentiles). */
#include "system.h"

#include <getopt.h>
#include <math.h>
#include <time.h>

#include "buf.h"
#include "query.h"
#include "store.h"

static double
now_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (const double *v, size_t n, double p)
{
  size_t rank = (size_t) ceil (p / 100.0 * (double) n);
  if (rank < 1)
    rank = 1;
  if (rank > n)
    rank = n;
  return v[rank - 1];
}

static void
fail (const char *what, char *cause)
{
  fprintf (stderr, "bench-search: %s: %s\n", what, cause ? cause : "?");
  free (cause);
  exit (2);
}

/* One search; returns the number of hits. */
static long
search_once (struct store *s, const char *text, long limit, bool snippets)
{
  char *cause = NULL;
  struct query *q = query_parse (text, &cause);
  if (q == NULL)
    fail (text, cause);
  struct query_sql qs;
  query_to_sql (q, &qs);
  query_free (q);

  sqlite3 *db = store_db (s);
  sqlite3_stmt *marks = NULL;
  if (snippets
      && sqlite3_prepare_v2 (db, "SELECT snippet(fts, 1, char(1), char(2),"
                             " '…', 12), highlight(fts, 0, char(1), char(2))"
                             " FROM fts WHERE fts MATCH ?1 AND rowid = ?2",
                             -1, &marks, NULL) != SQLITE_OK)
    fail ("prepare", xstrdup (sqlite3_errmsg (db)));
  sqlite3_stmt *st = store_select (s, &qs, NULL, false, true, limit, &cause);
  if (st == NULL)
    fail ("store_select", cause);
  long hits = 0;
  size_t bytes = 0;
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      hits++;
      /* Fetch what the listing shows, as the command does. */
      for (int col = STORE_COL_ID; col <= STORE_COL_SCORE; col++)
        bytes += (size_t) sqlite3_column_bytes (st, col);
      if (marks && qs.rank_match)
        {
          sqlite3_reset (marks);
          sqlite3_bind_text (marks, 1, qs.rank_match, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (marks, 2,
                              sqlite3_column_int64 (st, STORE_COL_ID));
          if (sqlite3_step (marks) == SQLITE_ROW)
            bytes += strlen ((const char *) sqlite3_column_text (marks, 0))
                     + (size_t) sqlite3_column_bytes (marks, 1);
          sqlite3_reset (marks);
        }
    }
  if (rc != SQLITE_DONE)
    fail ("step", xstrdup (sqlite3_errmsg (db)));
  sqlite3_finalize (st);
  sqlite3_finalize (marks);
  query_sql_free (&qs);
  if (bytes == 0 && hits)
    fail ("step", xstrdup ("empty rows"));
  return hits;
}

int
main (int argc, char **argv)
{
  long runs = 100, limit = 50;
  int c;
  while ((c = getopt (argc, argv, "n:l:")) != -1)
    switch (c)
      {
      case 'n':
        runs = atol (optarg);
        break;
      case 'l':
        limit = atol (optarg);
        break;
      default:
        fprintf (stderr, "Usage: bench-search [-n RUNS] [-l LIMIT] INDEX"
                 " QUERY...\n");
        return 2;
      }
  if (argc - optind < 2 || runs < 1)
    {
      fprintf (stderr, "Usage: bench-search [-n RUNS] [-l LIMIT] INDEX"
               " QUERY...\n");
      return 2;
    }
  const char *index = argv[optind];
  struct buf text = BUF_INIT;
  for (int i = optind + 1; i < argc; i++)
    {
      if (i > optind + 1)
        buf_addc (&text, ' ');
      buf_adds (&text, argv[i]);
    }

  struct store *s;
  char *cause = NULL;
  if (store_open (index, 0, &s, &cause) != STORE_OK)
    fail (index, cause);

  search_once (s, text.data, limit, true);          /* warm-up */
  double *sel = xcalloc ((size_t) runs, sizeof *sel);
  double *full = xcalloc ((size_t) runs, sizeof *full);
  long hits = 0;
  for (long i = 0; i < runs; i++)
    {
      double t0 = now_seconds ();
      hits = search_once (s, text.data, limit, false);
      double t1 = now_seconds ();
      search_once (s, text.data, limit, true);
      double t2 = now_seconds ();
      sel[i] = t1 - t0;
      full[i] = t2 - t1;
    }
  size_t n = (size_t) runs;
  qsort (sel, n, sizeof *sel, compare_doubles);
  qsort (full, n, sizeof *full, compare_doubles);
  printf ("runs=%zu hits=%ld select_p50=%.6f select_p99=%.6f"
          " full_p50=%.6f full_p99=%.6f\n", n, hits,
          percentile (sel, n, 50), percentile (sel, n, 99),
          percentile (full, n, 50), percentile (full, n, 99));
  free (sel);
  free (full);
  buf_free (&text);
  store_close (s);
  return 0;
}
