/* view-help.c: every action with its keys and what it does, made from
   actions.def and the keymap in use (so rebound keys show as bound). */
#include "system.h"

#include "buf.h"
#include "colour.h"
#include "draw.h"
#include "text.h"
#include "ui.h"

struct help_row
{
  char *keys;
  const char *name;
  const char *text;             /* translated */
};

/* A screen line: a row's keys and name, then a piece of its text. */
struct help_line
{
  size_t row;
  size_t off, len;
  bool first;
};

struct help
{
  struct view v;
  struct help_row *rows;
  size_t n_rows;
  int keys_cols, name_cols;
  struct help_line *lines;
  size_t n_lines, lines_alloc;
  int wrap_cols;
  size_t top;
  int page;
};

static void
help_wrap (struct help *h, int cols)
{
  struct text_line *tl = NULL;
  size_t alloc = 0;
  h->n_lines = 0;
  for (size_t i = 0; i < h->n_rows; i++)
    {
      const char *t = h->rows[i].text;
      size_t n = text_wrap (t, strlen (t), MAX (cols, 10), &tl, &alloc);
      h->lines = xgrow (h->lines, &h->lines_alloc, h->n_lines + n,
                        sizeof *h->lines);
      for (size_t k = 0; k < n; k++)
        h->lines[h->n_lines++] = (struct help_line) { i, tl[k].off,
                                                      tl[k].len, k == 0 };
    }
  free (tl);
  h->wrap_cols = cols;
}

static void
help_draw (struct view *v, struct rect r)
{
  struct help *h = (struct help *) v;
  h->page = r.lines;
  int kc = MIN (h->keys_cols, r.cols / 3);
  int nc = MIN (h->name_cols, r.cols / 4);
  int tc = r.cols - 2 - kc - 2 - nc - 2;
  if (tc != h->wrap_cols)
    help_wrap (h, tc);
  size_t total = h->n_lines;
  size_t max_top = total > (size_t) r.lines ? total - (size_t) r.lines : 0;
  h->top = MIN (h->top, max_top);
  for (int y = 0; y < r.lines; y++)
    {
      int row = r.y + y;
      draw_fill (stdscr, row, r.x, r.cols, colour_attr (COLOUR_NORMAL));
      size_t i = h->top + (size_t) y;
      if (i >= total)
        continue;
      const struct help_line *l = &h->lines[i];
      const struct help_row *hr = &h->rows[l->row];
      int x = r.x + 1;
      if (l->first)
        {
          draw_str (stdscr, row, x, kc, hr->keys, colour_attr (COLOUR_LABEL));
          draw_str (stdscr, row, x + kc + 2, nc, hr->name,
                    colour_attr (COLOUR_OUTLET));
        }
      x += kc + 2 + nc + 2;
      if (x < r.x + r.cols - 1)
        draw_text (stdscr, row, x, r.x + r.cols - 1 - x, hr->text + l->off,
                   l->len, colour_attr (COLOUR_NORMAL));
    }
}

static char *
help_title (struct view *v)
{
  (void) v;
  return xstrdup (_("Help: keys and actions"));
}

static bool
help_action (struct view *v, enum action a)
{
  struct help *h = (struct help *) v;
  return ui_scroll (&h->top, h->n_lines, h->page, a);
}

static void
help_free (struct view *v)
{
  struct help *h = (struct help *) v;
  for (size_t i = 0; i < h->n_rows; i++)
    free (h->rows[i].keys);
  free (h->rows);
  free (h->lines);
  free (h);
}

static const struct view_ops help_ops = {
  .name = "help",
  .draw = help_draw,
  .title = help_title,
  .action = help_action,
  .click = NULL,
  .free = help_free,
};

struct view *
view_help_new (struct ui *ui)
{
  struct help *h = xcalloc (1, sizeof *h);
  h->v.ops = &help_ops;
  h->v.ui = ui;
  h->page = 1;
  h->rows = xcalloc (ACT_COUNT, sizeof *h->rows);
  for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
    {
      struct help_row *hr = &h->rows[h->n_rows++];
      struct buf keys = BUF_INIT;
      if (keymap_keys_for (&ui->keys, (enum action) a, &keys) == 0)
        /* TRANSLATORS: in the help, for an action with no key. */
        buf_adds (&keys, _("(unbound)"));
      hr->keys = buf_steal (&keys);
      hr->name = action_name ((enum action) a);
      hr->text = action_help ((enum action) a);
      h->keys_cols = MAX (h->keys_cols,
                          text_width (hr->keys, strlen (hr->keys)));
      h->name_cols = MAX (h->name_cols,
                          text_width (hr->name, strlen (hr->name)));
    }
  return &h->v;
}
