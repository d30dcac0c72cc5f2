/* cmd-search.c: `byline search`: ranked hits with a snippet. */
#include "system.h"
#include "cmd.h"

#include <getopt.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "buf.h"
#include "indexer.h"
#include "json.h"
#include "highlight.h"
#include "msg.h"
#include "query.h"
#include "store.h"
#include "text.h"

/* snippet() and highlight() mark matches with these; the decoded text of an
   article never contains control characters, so they cannot clash. */
#define MARK_ON '\001'
#define MARK_OFF '\002'
#define SNIPPET_TOKENS 12
/* FTS5's snippet() and highlight() are quadratic in the matches of an
   article (hours for millions of words); above this many words the snippet
   is made here, around the first match in the body. */
#define SNIPPET_MAX_WORDS 50000
/* The body is searched in pieces of this many bytes, cut at spaces; the
   snippet keeps about this many bytes either side of the match. */
#define SNIPPET_PIECE 65536
#define SNIPPET_AROUND 80

static void
cmd_search_usage (void)
{
  printf (_("Usage: byline search [OPTION]... QUERY...\n"));
  fputs (_("Search the index: the articles matching QUERY, best first (words\n"
           "in the headline count more than in the body; ties go to the\n"
           "newest), each with a snippet around the best match.  The words of\n"
           "QUERY are joined by spaces; see byline(1) for the query language.\n"
           "An index that does not exist yet is built first.\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("      --json            one JSON object per line\n"
           "  -n, --limit=N         at most N hits (default 20; 0: all)\n"
           "      --color=WHEN      highlight matches: auto (on a terminal,\n"
           "                          unless NO_COLOR is set), always, never\n"
           "  -C, --collection=DIR  the collection (default: $BYLINE_COLLECTION,\n"
           "                          else the current directory)\n"
           "      --index=FILE      the index file (default: $BYLINE_INDEX)\n"
           "  -h, --help            display this help and exit\n"), stdout);
}

struct cmd_search
{
  bool json;
  bool color;
  int cols;                  /* 0: no width limit */
  const struct query_sql *qs;
  struct store *store;
  sqlite3_stmt *marks;       /* snippet and highlighted headline of a hit */
  sqlite3_stmt *start;       /* the body of an article, for unranked hits */
  struct highlight terms;    /* the query's words, for huge articles */
};

/* Appends s with the match marks turned into SGR (colour) or dropped,
   newlines and tabs as spaces, cut to 'width' columns (0: no limit). */
static void
cmd_search_render (struct buf *b, const char *s, bool color, int width)
{
  int used = 0;
  bool on = false;
  while (*s)
    {
      size_t n = strcspn (s, "\001\002\n\t");
      if (n)
        {
          int w;
          size_t fit = width ? text_fit (s, n, width - used, &w) : n;
          if (!width)
            w = 0;
          buf_add (b, s, fit);
          used += w;
          if (fit < n)
            break;
          s += n;
          continue;
        }
      if (*s == MARK_ON || *s == MARK_OFF)
        {
          on = *s == MARK_ON;
          if (color)
            buf_adds (b, on ? "\033[1;7m" : "\033[0m");
        }
      else if ((!width || used < width)
               && !(b->len && b->data[b->len - 1] == ' '))
        {
          buf_addc (b, ' ');
          used++;
        }
      s++;
    }
  if (color && on)
    buf_adds (b, "\033[0m");
}

/* The beginning of the body, for a hit that matched on metadata only. */
static char *
cmd_search_lead (const char *body)
{
  struct text_token *toks = NULL;
  size_t alloc = 0;
  size_t len = strlen (body), words = 0, end = 0;
  size_t n = text_tokenize (body, MIN (len, (size_t) 2000), &toks, &alloc);
  for (size_t i = 0; i < n && words < SNIPPET_TOKENS; i++)
    {
      end = toks[i].off + toks[i].len;
      words += toks[i].word;
    }
  free (toks);
  char *r = xasprintf ("%.*s%s", (int) end, body, end < len ? "…" : "");
  return r;
}

/* The snippet of a huge article: the first match in the body (the query's
   words as search finds them, highlight.h) with its neighbours, cut at
   spaces; the lead when nothing matches in the body. */
static char *
cmd_search_huge (const struct cmd_search *cs, const char *body)
{
  size_t len = strlen (body), alloc = 0, n = 0, off = 0, end = 0;
  struct highlight_hit *hits = NULL;
  for (size_t next = 0; next < len && n == 0; next = end)
    {
      off = next;
      end = len - off > SNIPPET_PIECE ? off + SNIPPET_PIECE : len;
      while (end < len && body[end] != ' ')
        end++;
      n = highlight_find (&cs->terms, body + off, end - off, &hits, &alloc);
    }
  if (n == 0)
    {
      free (hits);
      return cmd_search_lead (body);
    }
  size_t at = off + hits[0].off;
  size_t a = at > SNIPPET_AROUND ? at - SNIPPET_AROUND : 0;
  size_t b = MIN (len, at + hits[0].len + SNIPPET_AROUND);
  while (a > 0 && a < at && body[a - 1] != ' ')
    a++;
  while (b < len && b > at + hits[0].len && body[b] != ' ')
    b--;
  struct buf s = BUF_INIT;
  if (a > 0)
    buf_adds (&s, "…");
  size_t p = a;
  for (size_t i = 0; i < n && off + hits[i].off + hits[i].len <= b; i++)
    {
      size_t h = off + hits[i].off;
      if (h < p)
        continue;
      buf_add (&s, body + p, h - p);
      buf_addc (&s, MARK_ON);
      buf_add (&s, body + h, hits[i].len);
      buf_addc (&s, MARK_OFF);
      p = h + hits[i].len;
    }
  buf_add (&s, body + p, b - p);
  if (b < len)
    buf_adds (&s, "…");
  free (hits);
  return buf_steal (&s);
}

/* Fills *snippet and *headline (caller frees; marked with MARK_ON/OFF). */
static int
cmd_search_marks (struct cmd_search *cs, int64_t id, bool huge,
                  char **snippet, char **headline, char **cause)
{
  sqlite3_stmt *st = cs->qs->rank_match && !huge ? cs->marks : cs->start;
  sqlite3_reset (st);
  if (cs->qs->rank_match)
    sqlite3_bind_text (st, 1, cs->qs->rank_match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, id);
  int rc = sqlite3_step (st);
  *snippet = *headline = NULL;
  if (rc == SQLITE_ROW)
    {
      const char *a = (const char *) sqlite3_column_text (st, 0);
      const char *b = (const char *) sqlite3_column_text (st, 1);
      *snippet = !cs->qs->rank_match ? cmd_search_lead (a ? a : "")
                 : huge ? cmd_search_huge (cs, a ? a : "")
                 : xstrdup (a ? a : "");
      *headline = b ? xstrdup (b) : NULL;
    }
  else if (rc != SQLITE_DONE)
    {
      *cause = store_error (cs->store, rc);
      return -1;
    }
  if (*snippet == NULL)
    *snippet = xstrdup ("");
  sqlite3_reset (st);
  return 0;
}

static void
cmd_search_hit (struct cmd_search *cs, sqlite3_stmt *st, const char *snippet,
                const char *headline, struct buf *b)
{
  buf_reset (b);
  if (cs->json)
    {
      struct json j;
      json_init (&j, b);
      json_obj_begin (&j);
      store_row_json (st, &j);
      json_key (&j, "score");
      if (sqlite3_column_type (st, STORE_COL_SCORE) == SQLITE_NULL)
        json_null (&j);
      else
        json_double (&j, sqlite3_column_double (st, STORE_COL_SCORE));
      struct buf plain = BUF_INIT;
      cmd_search_render (&plain, snippet, false, 0);
      json_key (&j, "snippet");
      json_stringn (&j, plain.data ? plain.data : "", plain.len);
      buf_free (&plain);
      json_obj_end (&j);
      buf_addc (b, '\n');
      return;
    }
  const char *date = (const char *) sqlite3_column_text (st, STORE_COL_DATE);
  const char *outlet = (const char *) sqlite3_column_text (st,
                                                           STORE_COL_OUTLET);
  if (headline == NULL)
    headline = (const char *) sqlite3_column_text (st, STORE_COL_HEADLINE);
  struct buf meta = BUF_INIT;
  buf_printf (&meta, "%.10s  %s  ", date && *date ? date : "-",
              outlet && *outlet ? outlet : "-");
  int64_t nv = sqlite3_column_int64 (st, STORE_COL_VERSIONS);
  if (nv > 1)
    {
      /* TRANSLATORS: in byline list and search, a story in N versions
         (reprints); keep it short. */
      buf_printf (&meta, _("×%lld"), (long long) nv);
      buf_adds (&meta, "  ");
    }
  int used = text_width (meta.data, meta.len);
  cmd_search_render (b, meta.data, false, cs->cols);
  buf_free (&meta);
  if (!cs->cols || used < cs->cols)
    cmd_search_render (b, headline ? headline : "", cs->color,
                       cs->cols ? cs->cols - used : 0);
  buf_adds (b, "\n    ");
  cmd_search_render (b, snippet, cs->color, cs->cols > 4 ? cs->cols - 4 : 0);
  buf_addc (b, '\n');
}

static int
cmd_search_run (struct cmd_search *cs, int64_t limit, char **cause)
{
  sqlite3 *db = store_db (cs->store);
  int rc = sqlite3_prepare_v2 (db,
                               "SELECT snippet(fts, 1, char(1), char(2), '…', "
                               "12), highlight(fts, 0, char(1), char(2))"
                               " FROM fts WHERE fts MATCH ?1 AND rowid = ?2",
                               -1, &cs->marks, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT body, NULL, ?1 FROM articles"
                             " WHERE id = ?2", -1, &cs->start, NULL);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (cs->store, rc);
      return 2;
    }
  sqlite3_stmt *st = store_select (cs->store, cs->qs, NULL, false, true,
                                   limit, cause);
  if (st == NULL)
    return 2;
  struct buf b = BUF_INIT;
  int status = 0;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      char *snippet, *headline;
      bool huge = sqlite3_column_int64 (st, STORE_COL_WORDS) > SNIPPET_MAX_WORDS;
      if (cmd_search_marks (cs, sqlite3_column_int64 (st, STORE_COL_ID), huge,
                            &snippet, &headline, cause) != 0)
        {
          status = 2;
          break;
        }
      cmd_search_hit (cs, st, snippet, headline, &b);
      fwrite (b.data, 1, b.len, stdout);
      free (snippet);
      free (headline);
    }
  if (status == 0 && rc != SQLITE_DONE)
    {
      *cause = store_error (cs->store, rc);
      status = 2;
    }
  buf_free (&b);
  sqlite3_finalize (st);
  return status;
}

static int
cmd_search_columns (void)
{
  const char *c = getenv ("COLUMNS");
  if (c && atoi (c) > 0)
    return atoi (c);
  struct winsize ws;
  if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  return 80;
}

int
cmd_search (int argc, char **argv)
{
  enum { OPT_JSON = 256, OPT_COLOR, OPT_INDEX };
  static const struct option longopts[] = {
    { "json", no_argument, NULL, OPT_JSON },
    { "limit", required_argument, NULL, 'n' },
    { "color", required_argument, NULL, OPT_COLOR },
    { "colour", required_argument, NULL, OPT_COLOR },
    { "collection", required_argument, NULL, 'C' },
    { "index", required_argument, NULL, OPT_INDEX },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  const char *dir = NULL, *index = NULL, *color = "auto";
  bool json = false;
  int64_t limit = 20;
  int c;
  while ((c = getopt_long (argc, argv, "n:C:h", longopts, NULL)) != -1)
    switch (c)
      {
      case OPT_JSON:
        json = true;
        break;
      case 'n':
        {
          char *end;
          errno = 0;
          long long v = strtoll (optarg, &end, 10);
          if (errno || end == optarg || *end || v < 0)
            {
              msg_error (_("invalid limit '%s'"), optarg);
              return cmd_usage_error ("search");
            }
          limit = v;
        }
        break;
      case OPT_COLOR:
        if (strcmp (optarg, "auto") && strcmp (optarg, "always")
            && strcmp (optarg, "never"))
          {
            msg_error (_("invalid --color argument '%s' (auto, always, never)"),
                       optarg);
            return cmd_usage_error ("search");
          }
        color = optarg;
        break;
      case 'C':
        dir = optarg;
        break;
      case OPT_INDEX:
        index = optarg;
        break;
      case 'h':
        cmd_search_usage ();
        return 0;
      default:
        return cmd_usage_error ("search");
      }
  if (optind >= argc)
    {
      msg_error (_("no query given"));
      return cmd_usage_error ("search");
    }

  struct buf text = BUF_INIT;
  for (int i = optind; i < argc; i++)
    {
      if (i > optind)
        buf_addc (&text, ' ');
      buf_adds (&text, argv[i]);
    }
  char *cause = NULL;
  struct query *q = query_parse (text.data, &cause);
  buf_free (&text);
  if (q == NULL)
    {
      msg_error ("%s", cause);
      free (cause);
      return 2;
    }
  struct query_sql qs;
  query_to_sql (q, &qs);
  struct strv terms = STRV_INIT;
  query_terms (q, &terms);
  query_free (q);

  bool tty = isatty (STDOUT_FILENO);
  const char *no_color = getenv ("NO_COLOR");
  struct cmd_search cs = {
    .json = json,
    .color = !json && (strcmp (color, "always") == 0
                       || (strcmp (color, "auto") == 0 && tty
                           && !(no_color && *no_color))),
    .cols = tty && !json ? cmd_search_columns () : 0,
    .qs = &qs,
  };
  for (size_t i = 0; i < terms.n; i++)
    highlight_add (&cs.terms, terms.v[i], 0);
  strv_free (&terms);
  int status = indexer_open (dir, index, &cs.store, &cause);
  if (status == 0)
    status = cmd_search_run (&cs, limit, &cause);
  if (cause)
    msg_error ("%s", cause);
  free (cause);
  sqlite3_finalize (cs.marks);
  sqlite3_finalize (cs.start);
  highlight_free (&cs.terms);
  store_close (cs.store);
  query_sql_free (&qs);
  return status;
}
