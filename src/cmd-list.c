/* cmd-list.c: `byline list`: the articles of the index, one per line. */
#include "system.h"
#include "cmd.h"

#include <getopt.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "buf.h"
#include "indexer.h"
#include "json.h"
#include "msg.h"
#include "names.h"
#include "query.h"
#include "store.h"
#include "text.h"

static void
cmd_list_usage (void)
{
  printf (_("Usage: byline list [OPTION]... [QUERY]...\n"));
  fputs (_("List the articles of the index (those matching QUERY, if given),\n"
           "one per line: date, outlet and headline.  The words of QUERY are\n"
           "joined by spaces; see byline(1) for the query language.  An index\n"
           "that does not exist yet is built first.\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("  -s, --sort=KEY        date (newest first, the default), outlet,\n"
           "                          headline (A to Z), words (longest first)\n"
           "                          or versions (most reprinted first)\n"
           "  -r, --reverse         reverse the order\n"
           "      --json            one JSON object per line\n"
           "      --skipped         list the files that are not indexed, and why\n"
           "  -C, --collection=DIR  the collection (default: $BYLINE_COLLECTION,\n"
           "                          else the current directory)\n"
           "      --index=FILE      the index file (default: $BYLINE_INDEX)\n"
           "  -h, --help            display this help and exit\n"), stdout);
}

/* Columns for the output, or 0 for no limit (not a terminal). */
static int
cmd_list_columns (void)
{
  if (!isatty (STDOUT_FILENO))
    return 0;
  const char *c = getenv ("COLUMNS");
  if (c && atoi (c) > 0)
    return atoi (c);
  struct winsize ws;
  if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  return 80;
}

/* Tabs and newlines as spaces, "-" for nothing: one field on one line. */
static char *
cmd_list_field (const unsigned char *s, size_t max)
{
  if (s == NULL || *s == '\0')
    return xstrdup ("-");
  size_t n = strlen ((const char *) s);
  if (max && n > max)
    n = max;
  char *r = xstrndup ((const char *) s, n);
  for (char *p = r; *p; p++)
    if (*p == '\t' || *p == '\n')
      *p = ' ';
  return r;
}

/* Appends s padded with spaces to 'width' display columns, cut with an
   ellipsis when wider. */
static void
cmd_list_cell (struct buf *b, const char *s, int width, bool pad)
{
  size_t n = strlen (s);
  int w = text_width (s, n);
  if (width > 0 && w > width)
    {
      int used;
      size_t fit = text_fit (s, n, width - 1, &used);
      buf_add (b, s, fit);
      buf_adds (b, "…");
      w = used + 1;
    }
  else
    buf_add (b, s, n);
  if (pad)
    for (; w < width; w++)
      buf_addc (b, ' ');
}

struct cmd_list_row
{
  char *date, *outlet, *versions, *headline;
};

static int
cmd_list_text (sqlite3_stmt *st, struct store *s, char **cause)
{
  struct cmd_list_row *rows = NULL;
  size_t n = 0, alloc = 0;
  int wdate = 0, woutlet = 0, wver = 0, rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      rows = xgrow (rows, &alloc, n + 1, sizeof *rows);
      struct cmd_list_row *r = &rows[n++];
      /* The day is enough for a list; the time is in --json. */
      r->date = cmd_list_field (sqlite3_column_text (st, STORE_COL_DATE), 10);
      r->outlet = cmd_list_field (sqlite3_column_text (st, STORE_COL_OUTLET),
                                  0);
      r->headline = cmd_list_field (sqlite3_column_text (st,
                                                         STORE_COL_HEADLINE),
                                    0);
      int64_t nv = sqlite3_column_int64 (st, STORE_COL_VERSIONS);
      /* TRANSLATORS: in byline list, a story in N versions (reprints);
         keep it short. */
      r->versions = nv > 1 ? xasprintf (_("×%lld"), (long long) nv)
                           : xstrdup ("");
      wver = MAX (wver, text_width (r->versions, strlen (r->versions)));
      wdate = MAX (wdate, text_width (r->date, strlen (r->date)));
      woutlet = MAX (woutlet, text_width (r->outlet, strlen (r->outlet)));
    }
  int status = 0;
  if (rc != SQLITE_DONE)
    {
      *cause = store_error (s, rc);
      status = 2;
    }
  int cols = cmd_list_columns ();
  if (cols)
    woutlet = MIN (woutlet, MAX (8, cols / 4));
  int whead = cols ? MAX (cols - wdate - woutlet - 4 - (wver ? wver + 2 : 0),
                         1) : 0;
  struct buf line = BUF_INIT;
  for (size_t i = 0; i < n; i++)
    {
      buf_reset (&line);
      cmd_list_cell (&line, rows[i].date, wdate, true);
      buf_adds (&line, "  ");
      cmd_list_cell (&line, rows[i].outlet, woutlet, true);
      buf_adds (&line, "  ");
      if (wver)
        {
          cmd_list_cell (&line, rows[i].versions, wver, true);
          buf_adds (&line, "  ");
        }
      cmd_list_cell (&line, rows[i].headline, whead, false);
      buf_addc (&line, '\n');
      fwrite (line.data, 1, line.len, stdout);
      free (rows[i].date);
      free (rows[i].outlet);
      free (rows[i].versions);
      free (rows[i].headline);
    }
  buf_free (&line);
  free (rows);
  return status;
}

static int
cmd_list_json (sqlite3_stmt *st, struct store *s, char **cause)
{
  struct buf b = BUF_INIT;
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      struct json j;
      buf_reset (&b);
      json_init (&j, &b);
      json_obj_begin (&j);
      store_row_json (st, &j);
      json_obj_end (&j);
      buf_addc (&b, '\n');
      fwrite (b.data, 1, b.len, stdout);
    }
  buf_free (&b);
  if (rc != SQLITE_DONE)
    {
      *cause = store_error (s, rc);
      return 2;
    }
  return 0;
}

static int
cmd_list_skipped (struct store *s, bool json, char **cause)
{
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2 (store_db (s), "SELECT path, reason FROM skipped"
                               " ORDER BY path", -1, &st, NULL);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      return 2;
    }
  struct buf b = BUF_INIT;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      const char *path = (const char *) sqlite3_column_text (st, 0);
      const char *reason = (const char *) sqlite3_column_text (st, 1);
      buf_reset (&b);
      if (json)
        {
          struct json j;
          json_init (&j, &b);
          json_obj_begin (&j);
          json_key (&j, "path");
          json_string (&j, path);
          json_key (&j, "reason");
          json_string (&j, reason);
          json_obj_end (&j);
        }
      else
        {
          char *shown = name_display (path ? path : "");
          buf_printf (&b, "%s: %s", shown, reason ? reason : "");
          free (shown);
        }
      buf_addc (&b, '\n');
      fwrite (b.data, 1, b.len, stdout);
    }
  buf_free (&b);
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    {
      *cause = store_error (s, rc);
      return 2;
    }
  return 0;
}

/* The query of the command line: arguments joined by spaces. */
static char *
cmd_list_join (int argc, char **argv)
{
  struct buf b = BUF_INIT;
  for (int i = 0; i < argc; i++)
    {
      if (i)
        buf_addc (&b, ' ');
      buf_adds (&b, argv[i]);
    }
  return buf_steal (&b);
}

int
cmd_list (int argc, char **argv)
{
  enum { OPT_JSON = 256, OPT_SKIPPED, OPT_INDEX };
  static const struct option longopts[] = {
    { "sort", required_argument, NULL, 's' },
    { "reverse", no_argument, NULL, 'r' },
    { "json", no_argument, NULL, OPT_JSON },
    { "skipped", no_argument, NULL, OPT_SKIPPED },
    { "collection", required_argument, NULL, 'C' },
    { "index", required_argument, NULL, OPT_INDEX },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  static const char *const sorts[] = { "date", "outlet", "headline", "words",
                                       "versions" };
  const char *dir = NULL, *index = NULL, *sort = NULL;
  bool reverse = false, json = false, skipped = false;
  int c;
  while ((c = getopt_long (argc, argv, "s:rC:h", longopts, NULL)) != -1)
    switch (c)
      {
      case 's':
        sort = NULL;
        for (size_t i = 0; i < ARRAY_SIZE (sorts); i++)
          if (strcmp (optarg, sorts[i]) == 0)
            sort = sorts[i];
        if (sort == NULL)
          {
            msg_error (_("unknown sort order '%s' (date, outlet, headline, "
                         "words, versions)"), optarg);
            return cmd_usage_error ("list");
          }
        break;
      case 'r':
        reverse = true;
        break;
      case OPT_JSON:
        json = true;
        break;
      case OPT_SKIPPED:
        skipped = true;
        break;
      case 'C':
        dir = optarg;
        break;
      case OPT_INDEX:
        index = optarg;
        break;
      case 'h':
        cmd_list_usage ();
        return 0;
      default:
        return cmd_usage_error ("list");
      }

  char *cause = NULL;
  char *text = cmd_list_join (argc - optind, argv + optind);
  struct query *q = query_parse (text, &cause);
  free (text);
  if (q == NULL)
    {
      msg_error ("%s", cause);
      free (cause);
      return 2;
    }
  struct query_sql qs;
  query_to_sql (q, &qs);
  query_free (q);

  struct store *s = NULL;
  int status = indexer_open (dir, index, &s, &cause);
  if (status == 0 && skipped)
    status = cmd_list_skipped (s, json, &cause);
  else if (status == 0)
    {
      sqlite3_stmt *st = store_select (s, &qs, sort, reverse, false, 0,
                                       &cause);
      if (st == NULL)
        status = 2;
      else
        {
          status = json ? cmd_list_json (st, s, &cause)
                        : cmd_list_text (st, s, &cause);
          sqlite3_finalize (st);
        }
    }
  if (cause)
    msg_error ("%s", cause);
  free (cause);
  store_close (s);
  query_sql_free (&qs);
  return status;
}
