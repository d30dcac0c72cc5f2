/* view-list.c: the articles of the index, one per row.

   The listing is a statement from store_select that is stepped only as far
   as the window needs: the list holds the ids it has passed (8 bytes a
   row) and the details of the rows on screen, never the whole collection.
   '/' runs a ranked full-text query, 'l' limits the list with the query
   language; both highlight the query's terms in the headlines.  With the
   split on, the selected article is shown below the list (beside it on a
   wide window) by a reader view the list owns. */
#include "system.h"

#include <time.h>

#include <sqlite3.h>

#include "article.h"
#include "buf.h"
#include "colour.h"
#include "date.h"
#include "draw.h"
#include "names.h"
#include "query.h"
#include "store.h"
#include "text.h"
#include "ui.h"

/* The details of a row on screen. */
struct list_row
{
  int64_t id;
  char *date, *outlet, *headline;   /* decoded text from the index */
  int64_t versions;                 /* of its story; 0: in no cluster */
  bool read, bookmark;
};

static const char *const list_sorts[] = { "date", "outlet", "headline",
                                          "words", "versions" };

struct list
{
  struct view v;
  struct store *store;
  char *root;
  char *root_shown;

  /* The listing. */
  char *query;                  /* the search or limit, NULL for all */
  bool ranked;                  /* a search: by relevance until 's' */
  struct query_sql qs;
  bool has_qs;
  size_t sort;                  /* in list_sorts */
  bool reverse;
  sqlite3_stmt *st;             /* NULL once stepped to the end */
  int64_t *ids;
  int64_t *versions;            /* STORE_COL_VERSIONS of each id */
  size_t n_ids, ids_alloc, versions_alloc;
  bool any_versions;            /* some row has versions: show the column */
  int64_t count;
  struct strv term_words;       /* query_terms */
  struct highlight terms;

  struct list_row *rows;        /* the rows drawn last */
  size_t n_rows;
  sqlite3_stmt *row_st;

  size_t cur, top;
  int page;

  bool split;
  struct view *pane;
  int64_t pane_id;

  int64_t marked;               /* to compare with ('m'), 0 for none */
};

static void
list_row_free (struct list_row *r)
{
  free (r->date);
  free (r->outlet);
  free (r->headline);
}

static void
list_forget_rows (struct list *l)
{
  for (size_t i = 0; i < l->n_rows; i++)
    list_row_free (&l->rows[i]);
  free (l->rows);
  l->rows = NULL;
  l->n_rows = 0;
}

static char *
list_column (sqlite3_stmt *st, int col)
{
  const char *s = (const char *) sqlite3_column_text (st, col);
  return xstrdup (s ? s : "");
}

static bool
list_fetch_row (struct list *l, int64_t id, struct list_row *r)
{
  memset (r, 0, sizeof *r);
  r->id = id;
  if (l->row_st == NULL
      && sqlite3_prepare_v2 (store_db (l->store),
                             "SELECT a.headline, a.date, a.date_prec,"
                             " coalesce(a.outlet, a.agency), 0,"
                             " coalesce(s.read, 0), coalesce(s.bookmark, 0)"
                             " FROM articles a LEFT JOIN state s"
                             " ON s.id = a.id WHERE a.id = ?", -1,
                             &l->row_st, NULL) != SQLITE_OK)
    return false;
  sqlite3_reset (l->row_st);
  sqlite3_bind_int64 (l->row_st, 1, id);
  if (sqlite3_step (l->row_st) != SQLITE_ROW)
    {
      r->date = xstrdup ("");
      r->outlet = xstrdup ("");
      r->headline = xstrdup ("");
      return false;
    }
  r->headline = list_column (l->row_st, 0);
  struct date d;
  const char *iso = (const char *) sqlite3_column_text (l->row_st, 1);
  if (iso && date_from_iso (iso, &d))
    r->date = ui_date (&d);
  else
    r->date = xstrdup ("");
  r->outlet = list_column (l->row_st, 3);
  r->read = sqlite3_column_int (l->row_st, 5) != 0;
  r->bookmark = sqlite3_column_int (l->row_st, 6) != 0;
  sqlite3_reset (l->row_st);
  return true;
}

/* Steps the listing until it has 'need' ids or is done. */
static void
list_need (struct list *l, size_t need)
{
  while (l->st && l->n_ids < need)
    {
      int rc = sqlite3_step (l->st);
      if (rc != SQLITE_ROW)
        {
          if (rc != SQLITE_DONE)
            {
              char *e = store_error (l->store, rc);
              ui_error (l->v.ui, "%s", e);
              free (e);
            }
          sqlite3_finalize (l->st);
          l->st = NULL;
          break;
        }
      l->ids = xgrow (l->ids, &l->ids_alloc, l->n_ids + 1, sizeof *l->ids);
      l->versions = xgrow (l->versions, &l->versions_alloc, l->n_ids + 1,
                           sizeof *l->versions);
      l->versions[l->n_ids] = sqlite3_column_int64 (l->st,
                                                    STORE_COL_VERSIONS);
      if (l->versions[l->n_ids] > 1)
        l->any_versions = true;
      l->ids[l->n_ids++] = sqlite3_column_int64 (l->st, STORE_COL_ID);
    }
}

static int64_t
list_count (struct list *l)
{
  struct buf sql = BUF_INIT;
  buf_printf (&sql, "SELECT count(*) FROM articles a WHERE (%s)",
              l->has_qs ? l->qs.where : "1");
  sqlite3_stmt *st;
  int64_t n = -1;
  if (sqlite3_prepare_v2 (store_db (l->store), sql.data, -1, &st, NULL)
      == SQLITE_OK)
    {
      for (size_t k = 0; l->has_qs && k < l->qs.params.n; k++)
        sqlite3_bind_text (st, (int) k + 1, l->qs.params.v[k], -1,
                           SQLITE_TRANSIENT);
      if (sqlite3_step (st) == SQLITE_ROW)
        n = sqlite3_column_int64 (st, 0);
      sqlite3_finalize (st);
    }
  buf_free (&sql);
  return n;
}

/* Starts the listing again (new query, order or index), keeping the
   selected article selected when it is among the first 'depth' rows
   (read as far as needed).  Returns whether it was. */
static bool
list_requery_keep (struct list *l, size_t depth)
{
  int64_t keep = l->cur < l->n_ids ? l->ids[l->cur] : 0;
  if (l->st)
    sqlite3_finalize (l->st);
  l->n_ids = 0;
  list_forget_rows (l);
  char *cause = NULL;
  const char *sort = l->ranked ? "relevance" : list_sorts[l->sort];
  l->st = store_select (l->store, l->has_qs ? &l->qs : NULL, sort,
                        l->reverse, l->ranked, 0, &cause);
  if (l->st == NULL)
    {
      ui_error (l->v.ui, "%s", cause);
      free (cause);
    }
  l->count = list_count (l);
  l->cur = l->top = 0;
  list_need (l, MIN (depth, 1000));
  for (size_t i = 0; keep && i < depth; i++)
    {
      if (i >= l->n_ids)
        list_need (l, l->n_ids + 4096);
      if (i >= l->n_ids)
        break;
      if (l->ids[i] == keep)
        {
          l->cur = i;
          return true;
        }
    }
  return false;
}

/* The same, looking near the top only. */
static void
list_requery (struct list *l)
{
  list_requery_keep (l, 1000);
}

/* Sets the query: a ranked search or a limit; NULL or "" for all. */
static bool
list_set_query (struct list *l, const char *text, bool ranked)
{
  struct query *q = NULL;
  if (text && *text)
    {
      char *cause = NULL;
      q = query_parse (text, &cause);
      if (q == NULL)
        {
          ui_error (l->v.ui, "%s", cause);
          free (cause);
          return false;
        }
    }
  if (l->has_qs)
    query_sql_free (&l->qs);
  l->has_qs = false;
  free (l->query);
  l->query = NULL;
  strv_free (&l->term_words);
  highlight_free (&l->terms);
  l->ranked = false;
  if (q)
    {
      query_to_sql (q, &l->qs);
      l->has_qs = true;
      query_terms (q, &l->term_words);
      for (size_t i = 0; i < l->term_words.n; i++)
        highlight_add (&l->terms, l->term_words.v[i], COLOUR_SEARCH);
      query_free (q);
      l->query = xstrdup (text);
      l->ranked = ranked && l->qs.rank_match != NULL;
    }
  list_requery (l);
  return true;
}

/* ---- drawing ------------------------------------------------------------- */

/* The row for id, from the rows drawn last or from the index. */
static void
list_row_for (struct list *l, int64_t id, struct list_row *old, size_t n_old,
              struct list_row *out)
{
  for (size_t i = 0; i < n_old; i++)
    if (old[i].id == id && old[i].headline)
      {
        *out = old[i];
        old[i].headline = NULL;
        old[i].date = old[i].outlet = NULL;
        return;
      }
  list_fetch_row (l, id, out);
}

static void
list_draw_row (struct list *l, const struct list_row *row, bool sel, int y,
               struct rect r)
{
  attr_t base = sel ? colour_attr (COLOUR_CURSOR)
    : colour_attr (COLOUR_NORMAL);
  attr_t unread = row->read ? 0 : colour_attr (COLOUR_UNREAD) & ~A_COLOR;
  draw_fill (stdscr, y, r.x, r.cols, base);
  int x = r.x + 1, end = r.x + r.cols - 1;
  /* Flags: N unread, ! bookmarked (bold marks unread as well). */
  char flags[3] = { row->read ? ' ' : 'N', row->bookmark ? '!' : ' ', 0 };
  draw_str (stdscr, y, x, MIN (2, end - x), flags, base | unread);
  x += 3;
  int date_cols = 11, outlet_cols = MIN (16, r.cols / 6);
  if (x < end)
    draw_str (stdscr, y, x, MIN (date_cols, end - x), row->date,
              (sel ? base : colour_attr (COLOUR_DATE)) | unread);
  x += date_cols + 1;
  if (x < end)
    draw_str (stdscr, y, x, MIN (outlet_cols, end - x), row->outlet,
              (sel ? base : colour_attr (COLOUR_OUTLET)) | unread);
  x += outlet_cols + 1;
  if (l->any_versions)
    {
      int64_t n = row->versions;
      if (n > 1 && x < end)
        {
          char *v = xasprintf ("[%lld]", (long long) n);
          draw_str (stdscr, y, x, MIN (5, end - x), v,
                    (sel ? base : colour_attr (COLOUR_LABEL)) | unread);
          free (v);
        }
      x += 6;
    }
  if (x >= end)
    return;
  struct highlight_hit *hits = NULL;
  size_t alloc = 0;
  size_t n = strlen (row->headline);
  size_t nh = highlight_find (&l->v.ui->terms, row->headline, n, &hits,
                              &alloc);
  struct draw_span *spans = xcalloc (nh + 1, sizeof *spans);
  for (size_t k = 0; k < nh; k++)
    spans[k] = (struct draw_span) { hits[k].off, hits[k].len,
                                    colour_attr ((enum colour_role)
                                                 hits[k].tag) };
  size_t nq = highlight_find (&l->terms, row->headline, n, &hits, &alloc);
  spans = xrealloc (spans, (nh + nq + 1) * sizeof *spans);
  /* In monochrome the cursor row is reversed like a search hit: there a
     hit is underlined and bold instead, so it still stands out. */
  attr_t hit = sel && colour_theme () == COLOUR_THEME_MONO
    ? A_BOLD | A_UNDERLINE : colour_attr (COLOUR_SEARCH);
  for (size_t k = 0; k < nq; k++)
    spans[nh + k] = (struct draw_span) { hits[k].off, hits[k].len, hit };
  draw_text_spans (stdscr, y, x, end - x, row->headline, n, base | unread,
                   spans, nh + nq);
  free (spans);
  free (hits);
}

static void
list_draw_rows (struct list *l, struct rect r)
{
  l->page = MAX (r.lines, 1);
  list_need (l, l->top + (size_t) r.lines + 1);
  if (l->n_ids && l->cur >= l->n_ids)
    l->cur = l->n_ids - 1;
  if (l->cur < l->top)
    l->top = l->cur;
  if (l->cur >= l->top + (size_t) l->page)
    l->top = l->cur - (size_t) l->page + 1;
  list_need (l, l->top + (size_t) r.lines + 1);

  struct list_row *old = l->rows;
  size_t n_old = l->n_rows;
  l->rows = xcalloc ((size_t) l->page, sizeof *l->rows);
  l->n_rows = 0;
  for (int y = 0; y < r.lines; y++)
    {
      size_t i = l->top + (size_t) y;
      if (i >= l->n_ids)
        {
          draw_fill (stdscr, r.y + y, r.x, r.cols,
                     colour_attr (COLOUR_NORMAL));
          continue;
        }
      struct list_row *row = &l->rows[l->n_rows++];
      list_row_for (l, l->ids[i], old, n_old, row);
      row->versions = l->versions[i];
      list_draw_row (l, row, i == l->cur, r.y + y, r);
    }
  for (size_t i = 0; i < n_old; i++)
    list_row_free (&old[i]);
  free (old);
  if (l->n_ids == 0)
    draw_str (stdscr, r.y, r.x + 1, r.cols - 2,
              l->query ? _("No article matches.")
              : _("The collection has no articles yet."),
              colour_attr (COLOUR_MESSAGE));
}

static void list_update_pane (struct list *l);

static void
list_draw (struct view *v, struct rect r)
{
  struct list *l = (struct list *) v;
  if (!l->split || r.lines < 8)
    {
      list_draw_rows (l, r);
      return;
    }
  list_update_pane (l);
  struct rect top = r, pane = r;
  if (r.cols >= 160)
    {
      /* Side by side: the list gets two fifths. */
      top.cols = r.cols * 2 / 5;
      pane.x = r.x + top.cols + 1;
      pane.cols = r.cols - top.cols - 1;
      for (int y = 0; y < r.lines; y++)
        draw_str (stdscr, r.y + y, r.x + top.cols, 1, "|",
                  colour_attr (COLOUR_STATUS));
    }
  else
    {
      top.lines = MAX (r.lines / 3, 3);
      pane.y = r.y + top.lines + 1;
      pane.lines = r.lines - top.lines - 1;
      draw_fill (stdscr, r.y + top.lines, r.x, r.cols,
                 colour_attr (COLOUR_STATUS));
    }
  list_draw_rows (l, top);
  if (l->pane)
    {
      l->pane->rect = pane;
      l->pane->ops->draw (l->pane, pane);
      if (r.cols < 160)
        {
          char *t = l->pane->ops->title (l->pane);
          draw_str (stdscr, r.y + top.lines, r.x + 1, r.cols - 2, t,
                    colour_attr (COLOUR_STATUS));
          free (t);
        }
    }
  else
    for (int y = 0; y < pane.lines; y++)
      draw_fill (stdscr, pane.y + y, pane.x, pane.cols,
                 colour_attr (COLOUR_NORMAL));
}

static char *
list_title (struct view *v)
{
  struct list *l = (struct list *) v;
  struct buf t = BUF_INIT;
  int64_t n = l->count >= 0 ? l->count : (int64_t) l->n_ids;
  /* TRANSLATORS: the list's title: the collection and how many articles. */
  buf_printf (&t, P_("%s: %lld article", "%s: %lld articles", n),
              l->root_shown, (long long) n);
  buf_adds (&t, ", ");
  if (l->ranked)
    buf_adds (&t, _("by relevance"));
  else
    {
      static const char *const names[] = { N_("by date"), N_("by outlet"),
                                           N_("by headline"),
                                           N_("by length"),
                                           N_("by versions") };
      buf_adds (&t, _(names[l->sort]));
    }
  if (l->reverse)
    buf_printf (&t, " %s", _("(reversed)"));
  if (l->query)
    /* TRANSLATORS: in the list's title, the search or limit in force. */
    buf_printf (&t, l->ranked ? _(", search: %s") : _(", limit: %s"),
                l->query);
  return buf_steal (&t);
}

/* ---- opening ------------------------------------------------------------- */

/* The article 'id' from the index (the clean text and the metadata). */
static bool
list_article (struct list *l, int64_t id, struct article *a, char **path)
{
  memset (a, 0, sizeof *a);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (store_db (l->store),
                          "SELECT headline, headline_derived, dek, date,"
                          " outlet, agency, authors, url, body, words,"
                          " warnings, path FROM articles WHERE id = ?", -1,
                          &st, NULL) != SQLITE_OK)
    return false;
  sqlite3_bind_int64 (st, 1, id);
  bool ok = sqlite3_step (st) == SQLITE_ROW;
  if (ok)
    {
      const char *s;
      a->headline = list_column (st, 0);
      a->headline_derived = sqlite3_column_int (st, 1) != 0;
#define OPT_COL(field, col) \
      if ((s = (const char *) sqlite3_column_text (st, col)) != NULL) \
        field = xstrdup (s);
      OPT_COL (a->dek, 2);
      OPT_COL (a->outlet, 4);
      OPT_COL (a->agency, 5);
      OPT_COL (a->url, 7);
#undef OPT_COL
      if ((s = (const char *) sqlite3_column_text (st, 3)) != NULL)
        date_from_iso (s, &a->date);
      for (int col = 6; col <= 10; col += 4)
        {
          s = (const char *) sqlite3_column_text (st, col);
          while (s && *s)
            {
              size_t n = strcspn (s, "\n");
              struct strv *sv = col == 6 ? &a->authors : &a->warnings;
              strv_push (sv, xstrndup (s, n));
              s += n + (s[n] == '\n');
            }
        }
      a->body = list_column (st, 8);
      a->body_len = strlen (a->body);
      a->words = (size_t) sqlite3_column_int64 (st, 9);
      *path = list_column (st, 11);
    }
  sqlite3_finalize (st);
  return ok;
}

static void
list_set_read (struct list *l, int64_t id, bool read)
{
  struct store_state s;
  char *cause = NULL;
  if (store_get_state (l->store, id, &s, &cause) == 0)
    {
      if (s.read == read)
        return;
      s.read = read;
      if (store_set_state (l->store, id, &s, &cause) == 0)
        {
          for (size_t i = 0; i < l->n_rows; i++)
            if (l->rows[i].id == id)
              l->rows[i].read = read;
          return;
        }
    }
  ui_error (l->v.ui, "%s", cause);
  free (cause);
}

/* A reader view of article 'id', or NULL (with a message). */
static struct view *
list_reader (struct list *l, int64_t id)
{
  struct article a;
  char *rel = NULL;
  if (!list_article (l, id, &a, &rel))
    {
      ui_error (l->v.ui, _("the article is no longer in the index"));
      article_free (&a);
      return NULL;
    }
  char *file = xasprintf ("%s/%s", l->root, rel);
  char *shown = name_display (rel);
  struct view *v = view_reader_new (l->v.ui, &a, shown, file);
  int64_t versions = 0;
  for (size_t i = 0; i < l->n_ids; i++)
    if (l->ids[i] == id)
      versions = l->versions[i];
  if (versions > 1)
    {
      /* TRANSLATORS: in the reader's metadata: how many versions the
         story has and the key that lists them. */
      char *t = xasprintf (_("%lld (press V to compare them)"),
                           (long long) versions);
      view_reader_field (v, _("Versions:"), t);
      free (t);
    }
  if (l->term_words.n)
    view_reader_mark (v, &l->term_words, l->query);
  free (shown);
  free (file);
  free (rel);
  list_set_read (l, id, true);
  return v;
}

static void
list_open (struct list *l)
{
  if (l->cur >= l->n_ids)
    return;
  struct view *v = list_reader (l, l->ids[l->cur]);
  if (v)
    ui_push (l->v.ui, v);
}

static void
list_update_pane (struct list *l)
{
  int64_t id = l->cur < l->n_ids ? l->ids[l->cur] : 0;
  if (l->pane && l->pane_id == id)
    return;
  if (l->pane)
    l->pane->ops->free (l->pane);
  l->pane = id ? list_reader (l, id) : NULL;
  l->pane_id = id;
}

/* ---- actions ------------------------------------------------------------- */

/* A column heading for the comparison: outlet, date, file. */
static char *
list_diff_name (const struct article *a, const char *rel)
{
  struct buf b = BUF_INIT;
  const char *who = a->outlet ? a->outlet : a->agency;
  if (who)
    buf_printf (&b, "%s, ", who);
  if (a->date.precision != DATE_PREC_NONE)
    {
      char *d = ui_date (&a->date);
      buf_printf (&b, "%s, ", d);
      free (d);
    }
  char *shown = name_display (rel);
  buf_adds (&b, shown);
  free (shown);
  return buf_steal (&b);
}

/* Puts in a's body what versions are compared on (store_compare_text):
   deks and captions are edited too.  Keeps the body when it cannot. */
static void
list_compare_text (struct list *l, int64_t id, struct article *a)
{
  char *text = NULL, *path = NULL, *cause = NULL;
  size_t len = 0;
  if (store_compare_text (l->store, id, &text, &len, &path, &cause) == 0)
    {
      free (a->body);
      a->body = text;
      a->body_len = len;
    }
  else
    free (text);
  free (path);
  free (cause);
}

static void
list_diff (struct list *l)
{
  if (l->cur >= l->n_ids)
    return;
  int64_t id = l->ids[l->cur];
  if (l->marked == 0)
    {
      ui_error (l->v.ui, _("mark an article with 'm' first, then select "
                           "the one to compare it with"));
      return;
    }
  if (l->marked == id)
    {
      ui_error (l->v.ui, _("this is the marked article: select another"));
      return;
    }
  struct article a, b;
  char *ra = NULL, *rb = NULL;
  bool ok_a = list_article (l, l->marked, &a, &ra);
  bool ok_b = list_article (l, id, &b, &rb);
  if (!ok_a || !ok_b)
    {
      ui_error (l->v.ui, _("the article is no longer in the index"));
      article_free (&a);
      article_free (&b);
    }
  else
    {
      list_compare_text (l, l->marked, &a);
      list_compare_text (l, id, &b);
      char *na = list_diff_name (&a, ra), *nb = list_diff_name (&b, rb);
      ui_push (l->v.ui, view_diff_new (l->v.ui, &a, na, &b, nb));
      free (na);
      free (nb);
    }
  free (ra);
  free (rb);
}

static void
list_toggle_bookmark (struct list *l)
{
  if (l->cur >= l->n_ids)
    return;
  int64_t id = l->ids[l->cur];
  struct store_state s;
  char *cause = NULL;
  if (store_get_state (l->store, id, &s, &cause) == 0)
    {
      s.bookmark = !s.bookmark;
      if (store_set_state (l->store, id, &s, &cause) == 0)
        {
          for (size_t i = 0; i < l->n_rows; i++)
            if (l->rows[i].id == id)
              l->rows[i].bookmark = s.bookmark;
          ui_message (l->v.ui, s.bookmark ? _("bookmarked")
                      : _("bookmark removed"));
          return;
        }
    }
  ui_error (l->v.ui, "%s", cause);
  free (cause);
}

static void
list_toggle_read (struct list *l)
{
  if (l->cur >= l->n_ids)
    return;
  int64_t id = l->ids[l->cur];
  struct store_state s;
  char *cause = NULL;
  if (store_get_state (l->store, id, &s, &cause) != 0)
    {
      ui_error (l->v.ui, "%s", cause);
      free (cause);
      return;
    }
  list_set_read (l, id, !s.read);
  ui_message (l->v.ui, s.read ? _("marked unread") : _("marked read"));
}

static void
list_next_unread (struct list *l)
{
  for (size_t i = l->cur + 1;; i++)
    {
      list_need (l, i + 1);
      if (i >= l->n_ids)
        break;
      struct store_state s;
      char *cause = NULL;
      if (store_get_state (l->store, l->ids[i], &s, &cause) != 0)
        {
          ui_error (l->v.ui, "%s", cause);
          free (cause);
          return;
        }
      if (!s.read)
        {
          l->cur = i;
          return;
        }
    }
  ui_message (l->v.ui, _("no unread article below"));
}

static void
list_prompt (struct list *l, bool ranked)
{
  /* TRANSLATORS: prompts on the status line of the list. */
  char *q = prompt_read (l->v.ui, ranked ? _("search: ") : _("limit: "),
                         !ranked && l->query && !l->ranked ? l->query : NULL);
  if (q == NULL)
    return;
  if (list_set_query (l, q, ranked) && l->query)
    ui_message (l->v.ui, P_("%lld article matches", "%lld articles match",
                            l->count), (long long) l->count);
  free (q);
}

static bool
list_move (struct list *l, enum action a)
{
  size_t p = (size_t) MAX (l->page, 1);
  switch (a)
    {
    case ACT_UP:
      l->cur = l->cur ? l->cur - 1 : 0;
      return true;
    case ACT_DOWN:
      list_need (l, l->cur + 2);
      if (l->cur + 1 < l->n_ids)
        l->cur++;
      return true;
    case ACT_PAGE_UP:
    case ACT_HALF_PAGE_UP:
      {
        size_t step = a == ACT_PAGE_UP ? p : MAX (p / 2, 1);
        l->cur = l->cur > step ? l->cur - step : 0;
        l->top = l->top > step ? l->top - step : 0;
        return true;
      }
    case ACT_PAGE_DOWN:
    case ACT_HALF_PAGE_DOWN:
      {
        size_t step = a == ACT_PAGE_DOWN ? p : MAX (p / 2, 1);
        list_need (l, l->cur + step + p + 1);
        size_t n = l->n_ids;
        l->cur = n ? MIN (l->cur + step, n - 1) : 0;
        l->top = MIN (l->top + step, n > p ? n - p : 0);
        return true;
      }
    case ACT_FIRST:
      l->cur = 0;
      return true;
    case ACT_LAST:
      list_need (l, SIZE_MAX);
      l->cur = l->n_ids ? l->n_ids - 1 : 0;
      return true;
    default:
      return false;
    }
}

static bool
list_action (struct view *v, enum action a)
{
  struct list *l = (struct list *) v;
  /* With the split on, paging and the article's own keys go to it. */
  if (l->split && l->pane)
    switch (a)
      {
      case ACT_PAGE_UP:
      case ACT_PAGE_DOWN:
      case ACT_HALF_PAGE_UP:
      case ACT_HALF_PAGE_DOWN:
      case ACT_TOGGLE_ORIGINAL:
      case ACT_SEARCH_NEXT:
      case ACT_SEARCH_PREV:
      case ACT_SEARCH_CLEAR:
        return l->pane->ops->action (l->pane, a);
      default:
        break;
      }
  if (list_move (l, a))
    return true;
  switch (a)
    {
    case ACT_OPEN:
      list_open (l);
      return true;
    case ACT_NEXT_ARTICLE:
    case ACT_PREV_ARTICLE:
      if (a == ACT_NEXT_ARTICLE)
        list_need (l, l->cur + 2);
      if (a == ACT_NEXT_ARTICLE ? l->cur + 1 >= l->n_ids : l->cur == 0)
        {
          ui_message (v->ui, a == ACT_NEXT_ARTICLE ? _("no next article")
                      : _("no previous article"));
          return true;
        }
      l->cur = a == ACT_NEXT_ARTICLE ? l->cur + 1 : l->cur - 1;
      list_open (l);
      return true;
    case ACT_SEARCH:
    case ACT_LIMIT:
      list_prompt (l, a == ACT_SEARCH);
      return true;
    case ACT_SEARCH_CLEAR:
      if (l->query)
        list_set_query (l, NULL, false);
      return true;
    case ACT_SORT:
      if (l->ranked)
        l->ranked = false, l->sort = 0;
      else
        l->sort = (l->sort + 1) % ARRAY_SIZE (list_sorts);
      list_requery (l);
      return true;
    case ACT_SORT_REVERSE:
      l->reverse = !l->reverse;
      list_requery (l);
      return true;
    case ACT_TOGGLE_READ:
      list_toggle_read (l);
      return true;
    case ACT_TOGGLE_BOOKMARK:
      list_toggle_bookmark (l);
      return true;
    case ACT_NEXT_UNREAD:
      list_next_unread (l);
      return true;
    case ACT_MARK:
      if (l->cur < l->n_ids)
        {
          l->marked = l->ids[l->cur] == l->marked ? 0 : l->ids[l->cur];
          ui_message (v->ui, l->marked
                      ? _("marked; select another article and press 'd' to "
                          "compare")
                      : _("mark removed"));
        }
      return true;
    case ACT_DIFF:
      list_diff (l);
      return true;
    case ACT_VERSIONS:
      if (l->cur < l->n_ids)
        {
          struct view *vv = view_versions_new (v->ui, l->store,
                                               l->ids[l->cur]);
          if (vv)
            ui_push (v->ui, vv);
        }
      return true;
    case ACT_TOGGLE_SPLIT:
      l->split = !l->split;
      if (!l->split && l->pane)
        {
          l->pane->ops->free (l->pane);
          l->pane = NULL;
          l->pane_id = 0;
        }
      return true;
    case ACT_BACK:
      if (l->query)
        {
          list_set_query (l, NULL, false);
          return true;
        }
      return false;
    default:
      return false;
    }
}

static void
list_click (struct view *v, int row)
{
  struct list *l = (struct list *) v;
  size_t i = l->top + (size_t) row;
  if (row < l->page && i < l->n_ids)
    {
      if (i == l->cur)
        list_open (l);
      else
        l->cur = i;
    }
}

static void
list_free (struct view *v)
{
  struct list *l = (struct list *) v;
  if (l->pane)
    l->pane->ops->free (l->pane);
  list_forget_rows (l);
  if (l->st)
    sqlite3_finalize (l->st);
  if (l->row_st)
    sqlite3_finalize (l->row_st);
  if (l->has_qs)
    query_sql_free (&l->qs);
  free (l->query);
  strv_free (&l->term_words);
  highlight_free (&l->terms);
  free (l->ids);
  free (l->versions);
  store_close (l->store);
  free (l->root);
  free (l->root_shown);
  free (l);
}

void
view_list_reload (struct view *v)
{
  struct list *l = (struct list *) v;
  size_t height = l->cur - l->top;
  /* New rows may have come above it: rows are read on until it is found,
     as far as 100,000 (a moment once per update; past that the selection
     goes to the top). */
  if (list_requery_keep (l, 100000))
    l->top = l->cur >= height ? l->cur - height : 0;
  if (l->pane)
    list_update_pane (l);
}

static const struct view_ops list_ops = {
  .name = "list",
  .draw = list_draw,
  .title = list_title,
  .action = list_action,
  .click = list_click,
  .free = list_free,
};

struct view *
view_list_new (struct ui *ui, struct store *s, const char *root)
{
  struct list *l = xcalloc (1, sizeof *l);
  l->v.ops = &list_ops;
  l->v.ui = ui;
  l->store = s;
  l->root = xstrdup (root);
  l->root_shown = name_display (root);
  l->page = 1;
  l->count = -1;
  list_requery (l);
  return &l->v;
}
