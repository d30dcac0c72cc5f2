/* view-versions.c: the versions of one story (a reprint cluster): the
   probable original first, then the others by date, each with how much of
   it differs from the original.  Enter compares a version with the
   original word by word (view-diff.c). */
#include "system.h"

#include "article.h"
#include "buf.h"
#include "colour.h"
#include "date.h"
#include "draw.h"
#include "names.h"
#include "store.h"
#include "text.h"
#include "ui.h"

struct versions
{
  struct view v;
  struct store *store;          /* the list's */
  struct store_version *vs;
  size_t n;
  size_t cur, top;
  int page;
};

static void
versions_draw (struct view *v, struct rect r)
{
  struct versions *vv = (struct versions *) v;
  vv->page = MAX (r.lines - 1, 1);
  if (vv->cur < vv->top)
    vv->top = vv->cur;
  if (vv->cur >= vv->top + (size_t) vv->page)
    vv->top = vv->cur - (size_t) vv->page + 1;
  /* TRANSLATORS: column headings of the versions view. */
  const char *h_sim = _("alike"), *h_words = _("words +/-/~");
  int sim_cols = MAX (5, text_width (h_sim, strlen (h_sim)));
  int words_cols = MAX (15, text_width (h_words, strlen (h_words)));
  int date_cols = 11, outlet_cols = MIN (16, r.cols / 6);
  attr_t la = colour_attr (COLOUR_LABEL);
  draw_fill (stdscr, r.y, r.x, r.cols, colour_attr (COLOUR_NORMAL));
  int x = r.x + 1 + 2 + date_cols + 1 + outlet_cols + 1;
  if (x + sim_cols < r.x + r.cols)
    draw_str (stdscr, r.y, x, sim_cols, h_sim, la);
  x += sim_cols + 1;
  if (x + words_cols < r.x + r.cols)
    draw_str (stdscr, r.y, x, words_cols, h_words, la);

  for (int y = 1; y < r.lines; y++)
    {
      int row = r.y + y;
      size_t i = vv->top + (size_t) (y - 1);
      bool sel = i == vv->cur;
      attr_t base = sel && i < vv->n ? colour_attr (COLOUR_CURSOR)
        : colour_attr (COLOUR_NORMAL);
      draw_fill (stdscr, row, r.x, r.cols, base);
      if (i >= vv->n)
        continue;
      const struct store_version *s = &vv->vs[i];
      int cx = r.x + 1, end = r.x + r.cols - 1;
      /* '=' marks the original. */
      draw_str (stdscr, row, cx, 1, i == 0 ? "=" : " ",
                sel ? base : colour_attr (COLOUR_DIFF_GUTTER));
      cx += 2;
      struct date d;
      char *date = s->date && date_from_iso (s->date, &d) ? ui_date (&d)
        : xstrdup ("");
      draw_str (stdscr, row, cx, MIN (date_cols, end - cx), date,
                sel ? base : colour_attr (COLOUR_DATE));
      free (date);
      cx += date_cols + 1;
      const char *who = s->outlet ? s->outlet : s->agency ? s->agency : "";
      if (cx < end)
        draw_str (stdscr, row, cx, MIN (outlet_cols, end - cx), who,
                  sel ? base : colour_attr (COLOUR_OUTLET));
      cx += outlet_cols + 1;
      char *sim = xasprintf ("%3.0f%%", s->similarity * 100.0);
      if (cx < end)
        draw_str (stdscr, row, cx, MIN (sim_cols, end - cx), sim, base);
      free (sim);
      cx += sim_cols + 1;
      char *words = i == 0 ? xstrdup ("")
        : xasprintf ("+%lld -%lld ~%lld", (long long) s->added,
                     (long long) s->removed, (long long) s->changed);
      if (cx < end)
        draw_str (stdscr, row, cx, MIN (words_cols, end - cx), words, base);
      free (words);
      cx += words_cols + 1;
      if (cx < end)
        draw_str (stdscr, row, cx, end - cx, s->headline ? s->headline : "",
                  base);
    }
}

static char *
versions_title (struct view *v)
{
  struct versions *vv = (struct versions *) v;
  /* TRANSLATORS: the versions view's title. */
  return xasprintf (P_("%zu version of: %s", "%zu versions of: %s", vv->n),
                    vv->n, vv->n && vv->vs[0].headline
                    ? vv->vs[0].headline : "");
}

/* The text version i is compared on, as an article for view_diff_new. */
static bool
versions_text (struct versions *vv, size_t i, struct article *a, char **name)
{
  memset (a, 0, sizeof *a);
  char *text = NULL, *path = NULL, *cause = NULL;
  size_t len = 0;
  if (store_compare_text (vv->store, vv->vs[i].id, &text, &len, &path,
                          &cause) != 0)
    {
      ui_error (vv->v.ui, "%s", cause ? cause
                : _("the article is no longer in the index"));
      free (cause);
      return false;
    }
  a->body = text;
  a->body_len = len;
  const struct store_version *s = &vv->vs[i];
  struct buf b = BUF_INIT;
  const char *who = s->outlet ? s->outlet : s->agency;
  if (who)
    buf_printf (&b, "%s, ", who);
  struct date d;
  if (s->date && date_from_iso (s->date, &d))
    {
      char *ds = ui_date (&d);
      buf_printf (&b, "%s, ", ds);
      free (ds);
    }
  char *shown = name_display (path);
  buf_adds (&b, shown);
  free (shown);
  free (path);
  *name = buf_steal (&b);
  return true;
}

static void
versions_open (struct versions *vv)
{
  if (vv->cur >= vv->n)
    return;
  if (vv->cur == 0)
    {
      ui_message (vv->v.ui, _("this is the original: select a version to "
                              "compare with it"));
      return;
    }
  struct article a, b;
  char *na = NULL, *nb = NULL;
  if (versions_text (vv, 0, &a, &na))
    {
      if (versions_text (vv, vv->cur, &b, &nb))
        ui_push (vv->v.ui, view_diff_new (vv->v.ui, &a, na, &b, nb));
      else
        article_free (&a);
    }
  free (na);
  free (nb);
}

static bool
versions_action (struct view *v, enum action a)
{
  struct versions *vv = (struct versions *) v;
  size_t p = (size_t) MAX (vv->page, 1);
  switch (a)
    {
    case ACT_UP:
      vv->cur = vv->cur ? vv->cur - 1 : 0;
      return true;
    case ACT_DOWN:
      if (vv->cur + 1 < vv->n)
        vv->cur++;
      return true;
    case ACT_PAGE_UP:
    case ACT_HALF_PAGE_UP:
      {
        size_t step = a == ACT_PAGE_UP ? p : MAX (p / 2, 1);
        vv->cur = vv->cur > step ? vv->cur - step : 0;
        return true;
      }
    case ACT_PAGE_DOWN:
    case ACT_HALF_PAGE_DOWN:
      {
        size_t step = a == ACT_PAGE_DOWN ? p : MAX (p / 2, 1);
        vv->cur = vv->n ? MIN (vv->cur + step, vv->n - 1) : 0;
        return true;
      }
    case ACT_FIRST:
      vv->cur = 0;
      return true;
    case ACT_LAST:
      vv->cur = vv->n ? vv->n - 1 : 0;
      return true;
    case ACT_OPEN:
    case ACT_DIFF:
      versions_open (vv);
      return true;
    default:
      return false;
    }
}

static void
versions_click (struct view *v, int row)
{
  struct versions *vv = (struct versions *) v;
  if (row < 1)
    return;
  size_t i = vv->top + (size_t) (row - 1);
  if (i >= vv->n)
    return;
  if (i == vv->cur)
    versions_open (vv);
  else
    vv->cur = i;
}

static void
versions_free (struct view *v)
{
  struct versions *vv = (struct versions *) v;
  store_versions_free (vv->vs, vv->n);
  free (vv);
}

static const struct view_ops versions_ops = {
  .name = "versions",
  .draw = versions_draw,
  .title = versions_title,
  .action = versions_action,
  .click = versions_click,
  .free = versions_free,
};

struct view *
view_versions_new (struct ui *ui, struct store *s, int64_t id)
{
  struct store_version *vs = NULL;
  size_t n = 0;
  char *cause = NULL;
  if (store_versions (s, id, &vs, &n, &cause) != 0)
    {
      ui_error (ui, "%s", cause);
      free (cause);
      return NULL;
    }
  if (n < 2)
    {
      store_versions_free (vs, n);
      ui_message (ui, _("this article has no other version"));
      return NULL;
    }
  struct versions *vv = xcalloc (1, sizeof *vv);
  vv->v.ops = &versions_ops;
  vv->v.ui = ui;
  vv->store = s;
  vv->vs = vs;
  vv->n = n;
  vv->page = 1;
  /* Start on the article the versions were asked for. */
  for (size_t i = 0; i < n; i++)
    if (vs[i].id == id)
      vv->cur = i;
  return &vv->v;
}
