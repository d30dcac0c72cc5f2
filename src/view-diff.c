/* view-diff.c: two articles side by side, word by word (wdiff.h): the
   left one's deleted words and the right one's inserted words marked, each
   paragraph with a gutter saying whether it was moved, edited, added or
   removed.  In monochrome the words also carry wdiff's [- -] {+ +}
   marks, so nothing depends on colour. */
#include "system.h"

#include "article.h"
#include "buf.h"
#include "colour.h"
#include "draw.h"
#include "ui.h"
#include "wdiff.h"

struct diff
{
  struct view v;
  char *a_body, *b_body;        /* the texts wdiff borrows */
  char *a_name, *b_name;        /* shown */
  struct wdiff d;
  struct wdiff_lines lines;
  int layout_cols;              /* 0: lay out on the next draw */
  size_t top;
  int page;
};

static attr_t
diff_attr (enum wdiff_attr a)
{
  switch (a)
    {
    case WDIFF_ATTR_DEL:
      return colour_attr (COLOUR_DIFF_DEL);
    case WDIFF_ATTR_INS:
      return colour_attr (COLOUR_DIFF_INS);
    case WDIFF_ATTR_GUTTER_DEL:
      return colour_attr (COLOUR_DIFF_DEL);
    case WDIFF_ATTR_GUTTER_INS:
      return colour_attr (COLOUR_DIFF_INS);
    case WDIFF_ATTR_GUTTER_MOVED:
    case WDIFF_ATTR_GUTTER_CHANGED:
      return colour_attr (COLOUR_DIFF_GUTTER);
    case WDIFF_ATTR_SEP:
      return colour_attr (COLOUR_LABEL);
    case WDIFF_ATTR_NONE:
    default:
      return colour_attr (COLOUR_BODY);
    }
}

static void
diff_layout (struct diff *df, int cols)
{
  wdiff_lines_free (&df->lines);
  df->lines = (struct wdiff_lines) WDIFF_LINES_INIT;
  enum wdiff_style style = colour_theme () == COLOUR_THEME_MONO
    ? WDIFF_PLAIN : WDIFF_ANSI;
  wdiff_layout_side (&df->d, MAX (cols, 13), style, &df->lines);
  /* Keep roughly the same place in the text. */
  if (df->layout_cols && df->top)
    df->top = (size_t) ((double) df->top * df->layout_cols / MAX (cols, 13));
  df->layout_cols = cols;
}

static void
diff_draw (struct view *v, struct rect r)
{
  struct diff *df = (struct diff *) v;
  int cols = r.cols - 2;
  df->page = MAX (r.lines - 1, 1);
  if (df->layout_cols != cols)
    diff_layout (df, cols);
  size_t max_top = df->lines.n > (size_t) df->page
    ? df->lines.n - (size_t) df->page : 0;
  df->top = MIN (df->top, max_top);

  /* The names above their columns. */
  attr_t la = colour_attr (COLOUR_LABEL);
  draw_fill (stdscr, r.y, r.x, r.cols, colour_attr (COLOUR_NORMAL));
  int col = df->lines.col > 0 ? df->lines.col : (cols - 3) / 2;
  draw_str (stdscr, r.y, r.x + 1, col, df->a_name, la);
  draw_str (stdscr, r.y, r.x + 1 + col + 3, col, df->b_name, la);

  struct draw_span *spans = NULL;
  size_t alloc = 0;
  for (int y = 1; y < r.lines; y++)
    {
      int row = r.y + y;
      draw_fill (stdscr, row, r.x, r.cols, colour_attr (COLOUR_NORMAL));
      size_t i = df->top + (size_t) (y - 1);
      if (i >= df->lines.n)
        continue;
      const struct wdiff_line *l = &df->lines.v[i];
      spans = xgrow (spans, &alloc, l->n_spans + 1, sizeof *spans);
      for (size_t k = 0; k < l->n_spans; k++)
        spans[k] = (struct draw_span) { l->spans[k].off, l->spans[k].len,
                                        diff_attr (l->spans[k].attr) };
      draw_text_spans (stdscr, row, r.x + 1, r.cols - 2, l->text, l->len,
                       colour_attr (COLOUR_BODY), spans, l->n_spans);
    }
  free (spans);
}

static char *
diff_title (struct view *v)
{
  struct diff *df = (struct diff *) v;
  const struct wdiff_summary *s = &df->d.sum;
  /* TRANSLATORS: the comparison's title: how similar the two texts are
     (a percentage), then counts of words added and removed and of
     paragraphs moved. */
  return xasprintf (_("Comparison: %.0f%% alike, %zu words added, %zu "
                      "removed, %zu paragraphs moved"),
                    s->similarity * 100.0, s->words_added, s->words_removed,
                    s->paras_moved);
}

static bool
diff_line_changed (const struct wdiff_line *l)
{
  for (size_t k = 0; k < l->n_spans; k++)
    if (l->spans[k].attr != WDIFF_ATTR_NONE
        && l->spans[k].attr != WDIFF_ATTR_SEP)
      return true;
  return false;
}

/* Moves to the next (or previous) block of changed lines. */
static void
diff_next_change (struct diff *df, bool forward)
{
  size_t n = df->lines.n, i = df->top;
  if (forward)
    {
      while (i < n && diff_line_changed (&df->lines.v[i]))
        i++;
      while (i < n && !diff_line_changed (&df->lines.v[i]))
        i++;
    }
  else
    {
      while (i > 0 && !diff_line_changed (&df->lines.v[i - 1]))
        i--;
      while (i > 0 && diff_line_changed (&df->lines.v[i - 1]))
        i--;
    }
  if (i >= n || (!forward && i == 0 && !diff_line_changed (&df->lines.v[0])))
    {
      ui_message (df->v.ui, forward ? _("no change below")
                  : _("no change above"));
      return;
    }
  df->top = i;
}

static bool
diff_action (struct view *v, enum action a)
{
  struct diff *df = (struct diff *) v;
  if (ui_scroll (&df->top, df->lines.n, df->page, a))
    return true;
  if (a == ACT_SEARCH_NEXT || a == ACT_SEARCH_PREV)
    {
      diff_next_change (df, a == ACT_SEARCH_NEXT);
      return true;
    }
  return false;
}

static void
diff_free (struct view *v)
{
  struct diff *df = (struct diff *) v;
  wdiff_lines_free (&df->lines);
  wdiff_free (&df->d);
  free (df->a_body);
  free (df->b_body);
  free (df->a_name);
  free (df->b_name);
  free (df);
}

static const struct view_ops diff_ops = {
  .name = "diff",
  .draw = diff_draw,
  .title = diff_title,
  .action = diff_action,
  .click = NULL,
  .free = diff_free,
};

struct view *
view_diff_new (struct ui *ui, struct article *a, const char *a_name,
               struct article *b, const char *b_name)
{
  struct diff *df = xcalloc (1, sizeof *df);
  df->v.ops = &diff_ops;
  df->v.ui = ui;
  df->a_body = a->body ? a->body : xstrdup ("");
  df->b_body = b->body ? b->body : xstrdup ("");
  a->body = b->body = NULL;
  df->a_name = xstrdup (a_name);
  df->b_name = xstrdup (b_name);
  article_free (a);
  article_free (b);
  df->page = 1;
  wdiff_run (df->a_body, strlen (df->a_body), df->b_body,
             strlen (df->b_body), NULL, &df->d);
  return &df->v;
}
