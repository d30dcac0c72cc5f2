/* view-list.c: the articles of a collection, one per row.

   Until the index (store.h) is there, the rows are the files of the
   directory by name, each read when it first comes into view; only the
   rows drawn are ever loaded. */
#include "system.h"

#include <dirent.h>
#include <sys/stat.h>
#include <time.h>

#include "article.h"
#include "buf.h"
#include "colour.h"
#include "draw.h"
#include "names.h"
#include "text.h"
#include "ui.h"

struct list_row
{
  char *file;                   /* name in the directory, as bytes */
  bool loaded;
  bool failed;
  char *date, *outlet, *headline;   /* displayable */
};

struct list
{
  struct view v;
  char *dir;
  char *dir_shown;
  struct list_row *rows;
  size_t n_rows, rows_alloc;
  size_t cur, top;
  int page;
};

static int
list_cmp (const void *a, const void *b)
{
  const struct list_row *x = a, *y = b;
  return strcmp (x->file, y->file);
}

static void
list_read_dir (struct list *l)
{
  DIR *d = opendir (l->dir);
  if (d == NULL)
    {
      ui_error (l->v.ui, _("cannot read %s: %s"), l->dir_shown,
                strerror (errno));
      return;
    }
  struct dirent *e;
  while ((e = readdir (d)) != NULL)
    {
      if (e->d_name[0] == '.')
        continue;
      char *path = xasprintf ("%s/%s", l->dir, e->d_name);
      struct stat st;
      bool regular = stat (path, &st) == 0 && S_ISREG (st.st_mode);
      free (path);
      if (!regular)
        continue;
      l->rows = xgrow (l->rows, &l->rows_alloc, l->n_rows + 1,
                       sizeof *l->rows);
      memset (&l->rows[l->n_rows], 0, sizeof *l->rows);
      l->rows[l->n_rows++].file = xstrdup (e->d_name);
    }
  closedir (d);
  qsort (l->rows, l->n_rows, sizeof *l->rows, list_cmp);
}

static char *
list_path (const struct list *l, size_t i)
{
  return xasprintf ("%s/%s", l->dir, l->rows[i].file);
}

static void
list_load_row (struct list *l, size_t i)
{
  struct list_row *row = &l->rows[i];
  if (row->loaded)
    return;
  row->loaded = true;
  char *path = list_path (l, i);
  struct article a;
  char *cause = NULL;
  if (article_load (path, l->v.ui->rules, (int64_t) time (NULL), &a,
                    &cause) != 0)
    {
      row->failed = true;
      row->date = xstrdup ("");
      row->outlet = xstrdup ("");
      char *name = name_display (row->file);
      row->headline = xasprintf ("%s: %s", name, cause);
      free (name);
      free (cause);
    }
  else
    {
      row->date = ui_date (&a.date);
      row->outlet = xstrdup (a.outlet ? a.outlet : a.agency ? a.agency : "");
      row->headline = xstrdup (a.headline ? a.headline : "");
      article_free (&a);
    }
  free (path);
}

static void
list_draw (struct view *v, struct rect r)
{
  struct list *l = (struct list *) v;
  l->page = r.lines;
  if (l->cur < l->top)
    l->top = l->cur;
  if (l->cur >= l->top + (size_t) r.lines)
    l->top = l->cur - (size_t) r.lines + 1;
  int date_cols = 11, outlet_cols = MIN (18, r.cols / 5);
  for (int y = 0; y < r.lines; y++)
    {
      int row_y = r.y + y;
      size_t i = l->top + (size_t) y;
      bool sel = i == l->cur && i < l->n_rows;
      attr_t base = sel ? colour_attr (COLOUR_CURSOR)
        : colour_attr (COLOUR_NORMAL);
      draw_fill (stdscr, row_y, r.x, r.cols, base);
      if (i >= l->n_rows)
        continue;
      list_load_row (l, i);
      const struct list_row *row = &l->rows[i];
      int x = r.x + 1, end = r.x + r.cols - 1;
      draw_str (stdscr, row_y, x, MIN (date_cols, end - x), row->date,
                sel ? base : colour_attr (COLOUR_DATE));
      x += date_cols + 1;
      if (x < end)
        draw_str (stdscr, row_y, x, MIN (outlet_cols, end - x), row->outlet,
                  sel ? base : colour_attr (COLOUR_OUTLET));
      x += outlet_cols + 1;
      if (x >= end)
        continue;
      struct highlight_hit *hits = NULL;
      size_t alloc = 0;
      size_t nh = highlight_find (&v->ui->terms, row->headline,
                                  strlen (row->headline), &hits, &alloc);
      struct draw_span *spans = xcalloc (nh ? nh : 1, sizeof *spans);
      for (size_t k = 0; k < nh; k++)
        spans[k] = (struct draw_span) { hits[k].off, hits[k].len,
                                        colour_attr ((enum colour_role)
                                                     hits[k].tag) };
      draw_text_spans (stdscr, row_y, x, end - x, row->headline,
                       strlen (row->headline),
                       sel ? base : colour_attr (row->failed ? COLOUR_ERROR
                                                 : COLOUR_NORMAL),
                       sel ? NULL : spans, sel ? 0 : nh);
      free (spans);
      free (hits);
    }
}

static char *
list_title (struct view *v)
{
  struct list *l = (struct list *) v;
  /* TRANSLATORS: the list's title line: the collection, how many
     articles, and the order. */
  return xasprintf (P_("%s: %zu article, by file name",
                       "%s: %zu articles, by file name", l->n_rows),
                    l->dir_shown, l->n_rows);
}

static void
list_open (struct list *l)
{
  if (l->cur >= l->n_rows)
    return;
  char *path = list_path (l, l->cur);
  char *shown = name_display (path);
  struct article a;
  char *cause = NULL;
  if (article_load (path, l->v.ui->rules, (int64_t) time (NULL), &a,
                    &cause) != 0)
    {
      ui_error (l->v.ui, "%s: %s", shown, cause);
      free (cause);
    }
  else
    ui_push (l->v.ui, view_reader_new (l->v.ui, &a, shown));
  free (shown);
  free (path);
}

static bool
list_action (struct view *v, enum action a)
{
  struct list *l = (struct list *) v;
  size_t n = l->n_rows;
  size_t p = (size_t) MAX (l->page, 1);
  switch (a)
    {
    case ACT_UP:
      l->cur = l->cur ? l->cur - 1 : 0;
      return true;
    case ACT_DOWN:
      if (l->cur + 1 < n)
        l->cur++;
      return true;
    case ACT_PAGE_UP:
    case ACT_HALF_PAGE_UP:
      {
        size_t step = a == ACT_PAGE_UP ? p : MAX (p / 2, 1);
        l->cur = l->cur > step ? l->cur - step : 0;
        l->top = l->top > step ? l->top - step : 0;
      }
      return true;
    case ACT_PAGE_DOWN:
    case ACT_HALF_PAGE_DOWN:
      {
        size_t step = a == ACT_PAGE_DOWN ? p : MAX (p / 2, 1);
        l->cur = n ? MIN (l->cur + step, n - 1) : 0;
        l->top = MIN (l->top + step, n > p ? n - p : 0);
      }
      return true;
    case ACT_FIRST:
      l->cur = 0;
      return true;
    case ACT_LAST:
      l->cur = n ? n - 1 : 0;
      return true;
    case ACT_OPEN:
      list_open (l);
      return true;
    case ACT_NEXT_ARTICLE:
    case ACT_PREV_ARTICLE:
      if (a == ACT_NEXT_ARTICLE ? l->cur + 1 >= n : l->cur == 0)
        {
          ui_message (v->ui, a == ACT_NEXT_ARTICLE ? _("no next article")
                      : _("no previous article"));
          return true;
        }
      l->cur = a == ACT_NEXT_ARTICLE ? l->cur + 1 : l->cur - 1;
      list_open (l);
      return true;
    default:
      return false;
    }
}

static void
list_click (struct view *v, int row)
{
  struct list *l = (struct list *) v;
  size_t i = l->top + (size_t) row;
  if (i < l->n_rows)
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
  for (size_t i = 0; i < l->n_rows; i++)
    {
      free (l->rows[i].file);
      free (l->rows[i].date);
      free (l->rows[i].outlet);
      free (l->rows[i].headline);
    }
  free (l->rows);
  free (l->dir);
  free (l->dir_shown);
  free (l);
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
view_list_new (struct ui *ui, const char *dir)
{
  struct list *l = xcalloc (1, sizeof *l);
  l->v.ops = &list_ops;
  l->v.ui = ui;
  l->dir = xstrdup (dir);
  l->dir_shown = name_display (dir);
  l->page = 1;
  list_read_dir (l);
  return &l->v;
}
