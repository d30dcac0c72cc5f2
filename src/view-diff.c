/* view-diff.c: two articles compared word by word (wdiff.h), side by
   side or inline.

   Side by side, the left text's deleted words and the right one's
   inserted words are marked, each paragraph with a gutter saying whether
   it was moved (~), edited (!), added (+) or removed (-); both columns
   scroll together, being one list of lines.  Inline (dwdiff style) there
   is one text, each change its deleted words then its inserted ones, the
   same gutters, and a note above a moved paragraph.  A window narrower
   than UI_DIFF_SIDE_COLS is always inline; the user toggles otherwise.
   In monochrome the words also carry wdiff's [- -] {+ +} marks, and the
   colours come with attributes, so nothing depends on colour.  The ui's
   highlight terms are found in each paragraph as a whole (a term may
   span a line break) and marked over the diff's own spans. */
#include "system.h"

#include "article.h"
#include "buf.h"
#include "colour.h"
#include "draw.h"
#include "text.h"
#include "ui.h"
#include "wdiff.h"

#define DIFF_GUTTER_W 2
#define DIFF_SEP_W 3

/* What a display line shows: a part of pair 'pair' (SIZE_MAX for the
   blank line between pairs); 'note' for the line announcing a moved
   paragraph, which is not text to highlight in. */
struct diff_row
{
  size_t pair;
  bool note;
};

/* A highlight term's hit on display line 'line'. */
struct diff_mark
{
  size_t line;
  struct draw_span span;
};

struct diff
{
  struct view v;
  char *a_body, *b_body;        /* the texts wdiff borrows */
  char *a_name, *b_name;        /* shown */
  struct wdiff d;
  struct wdiff_lines lines;
  struct diff_row *rows;        /* one per line */
  size_t rows_alloc;
  struct diff_mark *marks;
  size_t n_marks, marks_alloc;
  unsigned terms_gen;           /* the ui's terms_gen the marks are for */
  bool want_inline;             /* what the user asked for */
  bool is_inline;               /* how the lines are laid out */
  int layout_cols;              /* 0: lay out on the next draw */
  int win_cols;                 /* the width last drawn in */
  size_t top;
  int page;
};

bool
view_diff_inline (int cols, bool want_inline)
{
  return want_inline || cols < UI_DIFF_SIDE_COLS;
}

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

/* ---- the inline layout -------------------------------------------------- */

static void
diff_span (struct wdiff_line *l, size_t *alloc, size_t off, size_t len,
           enum wdiff_attr attr)
{
  if (len == 0 || attr == WDIFF_ATTR_NONE)
    return;
  l->spans = xgrow (l->spans, alloc, l->n_spans + 1, sizeof *l->spans);
  l->spans[l->n_spans++] = (struct wdiff_span) { off, len, attr };
}

static void
diff_push (struct wdiff_lines *out, struct buf *b, struct wdiff_line *l)
{
  l->len = b->len;
  l->width = text_width (b->data ? b->data : "", b->len);
  l->text = b->data ? buf_steal (b) : xstrdup ("");
  out->v = xgrow (out->v, &out->alloc, out->n + 1, sizeof *out->v);
  out->v[out->n++] = *l;
}

/* The gutter of a pair, as wdiff_layout_side has it on the right. */
static char
diff_gutter (const struct wdiff *d, const struct wdiff_pair *pr,
             enum wdiff_attr *attr)
{
  if (pr->right < 0)
    return *attr = WDIFF_ATTR_GUTTER_DEL, '-';
  if (pr->echo)
    return *attr = WDIFF_ATTR_GUTTER_DEL, '=';
  if (pr->left < 0)
    return *attr = WDIFF_ATTR_GUTTER_INS, '+';
  if (pr->moved)
    return *attr = WDIFF_ATTR_GUTTER_MOVED, '~';
  for (size_t k = pr->op; k < pr->op + pr->n_ops; k++)
    if (d->ops[k].kind != WDIFF_EQUAL)
      return *attr = WDIFF_ATTR_GUTTER_CHANGED, '!';
  return *attr = WDIFF_ATTR_NONE, ' ';
}

/* Appends text with its line breaks and tabs turned into spaces. */
static void
diff_text (struct buf *b, const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    buf_addc (b, s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ? ' ' : s[i]);
}

static void
diff_mark_words (struct wdiff_line *c, size_t *alloc, struct buf *b,
                 const char *s, size_t n, bool del, enum wdiff_style style)
{
  size_t start = b->len;
  if (style == WDIFF_PLAIN)
    buf_adds (b, del ? "[-" : "{+");
  diff_text (b, s, n);
  if (style == WDIFF_PLAIN)
    buf_adds (b, del ? "-]" : "+}");
  diff_span (c, alloc, start, b->len - start,
             del ? WDIFF_ATTR_DEL : WDIFF_ATTR_INS);
}

/* One paragraph inline, as wdiff_render_inline writes it: 'c' gets the
   text (b) and its spans. */
static void
diff_inline_text (const struct wdiff *d, const struct wdiff_pair *pr,
                  enum wdiff_style style, struct buf *b,
                  struct wdiff_line *c, size_t *alloc)
{
  size_t a_end = SIZE_MAX, b_end = SIZE_MAX;
  for (size_t k = pr->op; k < pr->op + pr->n_ops; k++)
    {
      const struct wdiff_op *op = &d->ops[k];
      /* A space where the text had one, on the side that shows. */
      bool gap = k > pr->op;
      if (op->b_len && b_end != SIZE_MAX)
        gap = op->b_off > b_end;
      else if (op->a_len && a_end != SIZE_MAX)
        gap = op->a_off > a_end;
      if (gap)
        buf_addc (b, ' ');
      if (op->kind == WDIFF_EQUAL)
        diff_text (b, d->b + op->b_off, op->b_len);
      if ((op->kind == WDIFF_DELETE || op->kind == WDIFF_REPLACE)
          && op->a_len)
        diff_mark_words (c, alloc, b, d->a + op->a_off, op->a_len, true,
                         style);
      if ((op->kind == WDIFF_INSERT || op->kind == WDIFF_REPLACE)
          && op->b_len)
        diff_mark_words (c, alloc, b, d->b + op->b_off, op->b_len, false,
                         style);
      if (op->a_len)
        a_end = op->a_off + op->a_len;
      if (op->b_len)
        b_end = op->b_off + op->b_len;
    }
}

/* Wraps the text; the marks must not offer line breaks ("[-" would break
   after its hyphen), so the wrapping sees a copy with letters in place of
   the marks' inner characters: same bytes, same widths. */
static size_t
diff_wrap (const struct buf *b, int cols, struct text_line **lines,
           size_t *alloc)
{
  if (b->len == 0)
    return text_wrap ("", 0, cols, lines, alloc);
  char *shadow = xmemdup (b->data, b->len);
  for (size_t i = 0; i + 1 < b->len; i++)
    if ((shadow[i] == '[' && shadow[i + 1] == '-')
        || (shadow[i] == '{' && shadow[i + 1] == '+'))
      shadow[i + 1] = 'x';
    else if ((shadow[i] == '-' && shadow[i + 1] == ']')
             || (shadow[i] == '+' && shadow[i + 1] == '}'))
      shadow[i] = 'x';
  size_t n = text_wrap (shadow, b->len, cols, lines, alloc);
  free (shadow);
  return n;
}

/* Appends pair i inline in 'width' columns: a note line for a moved or
   echoed paragraph, then the wrapped text, each line behind the gutter.
   Returns whether it began with a note. */
static bool
diff_inline_pair (const struct wdiff *d, size_t i, int width,
                  enum wdiff_style style, struct wdiff_lines *out)
{
  const struct wdiff_pair *pr = &d->pairs[i];
  enum wdiff_attr gattr;
  char g = diff_gutter (d, pr, &gattr);
  bool note = pr->moved || pr->echo;
  if (note)
    {
      struct buf b = BUF_INIT;
      struct wdiff_line l = { 0 };
      size_t alloc = 0;
      buf_addc (&b, g);
      buf_addc (&b, ' ');
      if (pr->moved)
        /* TRANSLATORS: before a paragraph that the newer text has
           elsewhere; %td is its number in the older text. */
        buf_printf (&b, _("(moved from paragraph %td)"), pr->left + 1);
      else
        /* TRANSLATORS: before a paragraph that only the older text has
           (a caption, say) but that repeats most of one the newer text
           has elsewhere, here diffed against it; %td is that one's
           number in the newer text. */
        buf_printf (&b, _("(only in the older text; compared with "
                          "paragraph %td of the newer)"), pr->right + 1);
      diff_span (&l, &alloc, 0, b.len, gattr);
      diff_push (out, &b, &l);
    }

  struct buf text = BUF_INIT;
  struct wdiff_line cell = { 0 };
  size_t cell_alloc = 0;
  diff_inline_text (d, pr, style, &text, &cell, &cell_alloc);
  struct text_line *wl = NULL;
  size_t wl_alloc = 0;
  size_t nl = diff_wrap (&text, MAX (width - DIFF_GUTTER_W, 1), &wl,
                         &wl_alloc);
  for (size_t r = 0; r < nl; r++)
    {
      struct buf b = BUF_INIT;
      struct wdiff_line l = { 0 };
      size_t alloc = 0;
      buf_addc (&b, g);
      buf_addc (&b, ' ');
      diff_span (&l, &alloc, 0, 1, gattr);
      buf_add (&b, text.data ? text.data + wl[r].off : "", wl[r].len);
      for (size_t k = 0; k < cell.n_spans; k++)
        {
          size_t s = MAX (cell.spans[k].off, wl[r].off);
          size_t e = MIN (cell.spans[k].off + cell.spans[k].len,
                          wl[r].off + wl[r].len);
          if (s < e)
            diff_span (&l, &alloc, DIFF_GUTTER_W + s - wl[r].off, e - s,
                       cell.spans[k].attr);
        }
      diff_push (out, &b, &l);
    }
  free (wl);
  free (cell.spans);
  buf_free (&text);
  return note;
}

void
view_diff_layout_inline (const struct wdiff *d, int width, bool marks,
                         struct wdiff_lines *out)
{
  enum wdiff_style style = marks ? WDIFF_PLAIN : WDIFF_ANSI;
  for (size_t i = 0; i < d->n_pairs; i++)
    {
      if (i > 0)
        {
          struct buf b = BUF_INIT;
          struct wdiff_line l = { 0 };
          diff_push (out, &b, &l);
        }
      diff_inline_pair (d, i, width, style, out);
    }
}

/* ---- laying out and finding the terms ----------------------------------- */

/* The blank line between two pairs side by side: the separator only. */
static void
diff_side_gap (struct wdiff_lines *out)
{
  struct buf b = BUF_INIT;
  struct wdiff_line l = { 0 };
  size_t alloc = 0;
  for (int i = 0; i < out->col; i++)
    buf_addc (&b, ' ');
  diff_span (&l, &alloc, b.len, DIFF_SEP_W, WDIFF_ATTR_SEP);
  buf_adds (&b, " | ");
  for (int i = 0; i < out->col; i++)
    buf_addc (&b, ' ');
  diff_push (out, &b, &l);
}

/* Makes room for a row per line. */
static void
diff_rows (struct diff *df)
{
  df->rows = xgrow (df->rows, &df->rows_alloc, df->lines.n,
                    sizeof *df->rows);
}

/* Lays out every pair (one at a time, so each line knows its pair). */
static void
diff_layout_all (struct diff *df, int width)
{
  enum wdiff_style style = colour_theme () == COLOUR_THEME_MONO
    ? WDIFF_PLAIN : WDIFF_ANSI;
  const struct wdiff *d = &df->d;
  for (size_t i = 0; i < d->n_pairs; i++)
    {
      size_t before = df->lines.n;
      if (i > 0)
        {
          if (df->is_inline)
            {
              struct buf b = BUF_INIT;
              struct wdiff_line l = { 0 };
              diff_push (&df->lines, &b, &l);
            }
          else
            diff_side_gap (&df->lines);
          diff_rows (df);
          df->rows[before++] = (struct diff_row) { SIZE_MAX, false };
        }
      bool note = false;
      if (df->is_inline)
        note = diff_inline_pair (d, i, width, style, &df->lines);
      else
        {
          struct wdiff one = *d;
          one.pairs = &d->pairs[i];
          one.n_pairs = 1;
          wdiff_layout_side (&one, width, style, &df->lines);
        }
      diff_rows (df);
      for (size_t k = before; k < df->lines.n; k++)
        df->rows[k] = (struct diff_row) { i, note && k == before };
    }
}

/* Where the top line is: its pair, and how far into the pair's lines
   (out of how many). */
static bool
diff_anchor (const struct diff *df, size_t *pair, size_t *off, size_t *n)
{
  size_t i = df->top;
  while (i < df->lines.n && df->rows[i].pair == SIZE_MAX)
    i++;
  if (i >= df->lines.n)
    return false;
  *pair = df->rows[i].pair;
  size_t first = i, end = i;
  while (first > 0 && df->rows[first - 1].pair == *pair)
    first--;
  while (end < df->lines.n && df->rows[end].pair == *pair)
    end++;
  *off = df->top > first ? df->top - first : 0;
  *n = end - first;
  return true;
}

static void
diff_layout (struct diff *df, int cols)
{
  size_t pair = 0, off = 0, n = 0;
  bool anchored = df->layout_cols && diff_anchor (df, &pair, &off, &n);
  wdiff_lines_free (&df->lines);
  df->lines = (struct wdiff_lines) WDIFF_LINES_INIT;
  diff_layout_all (df, MAX (cols, 13));
  df->layout_cols = cols;
  df->terms_gen = df->v.ui->terms_gen - 1;
  /* Keep the same place in the text, in both modes and any width. */
  if (!anchored)
    return;
  size_t first = 0;
  while (first < df->lines.n && df->rows[first].pair != pair)
    first++;
  size_t count = 0;
  while (first + count < df->lines.n && df->rows[first + count].pair == pair)
    count++;
  df->top = first + (count ? MIN (off * count / MAX (n, 1), count - 1) : 0);
}

/* One column's text on line i: the bytes after the gutter (for side by
   side, column 0 left of the separator, 1 right of it), without the
   padding. */
static bool
diff_segment (const struct diff *df, size_t i, int column, size_t *off,
              size_t *len)
{
  const struct wdiff_line *l = &df->lines.v[i];
  size_t from = 0, to = l->len;
  if (!df->is_inline)
    {
      size_t sep = SIZE_MAX;
      for (size_t k = 0; k < l->n_spans && sep == SIZE_MAX; k++)
        if (l->spans[k].attr == WDIFF_ATTR_SEP)
          sep = l->spans[k].off;
      if (sep == SIZE_MAX)
        return false;
      if (column == 0)
        to = sep;
      else
        from = sep + DIFF_SEP_W;
    }
  from += DIFF_GUTTER_W;
  while (to > from && l->text[to - 1] == ' ')
    to--;
  if (from >= to)
    return false;
  *off = from;
  *len = to - from;
  return true;
}

/* A paragraph's text for one column, pieced together from its lines. */
struct diff_piece
{
  size_t joined, line, off, len;
};

static void
diff_mark_pair (struct diff *df, size_t first, size_t end, int column,
                struct buf *joined, struct diff_piece **pieces,
                size_t *palloc, struct highlight_hit **hits, size_t *halloc)
{
  size_t np = 0;
  joined->len = 0;
  for (size_t i = first; i < end; i++)
    {
      size_t off, len;
      if (df->rows[i].note || !diff_segment (df, i, column, &off, &len))
        continue;
      if (joined->len)
        buf_addc (joined, ' ');
      *pieces = xgrow (*pieces, palloc, np + 1, sizeof **pieces);
      (*pieces)[np++] = (struct diff_piece) { joined->len, i, off, len };
      buf_add (joined, df->lines.v[i].text + off, len);
    }
  if (np == 0)
    return;
  size_t nh = highlight_find (&df->v.ui->terms, joined->data, joined->len,
                              hits, halloc);
  for (size_t h = 0; h < nh; h++)
    for (size_t p = 0; p < np; p++)
      {
        const struct diff_piece *pc = &(*pieces)[p];
        size_t s = MAX ((*hits)[h].off, pc->joined);
        size_t e = MIN ((*hits)[h].off + (*hits)[h].len,
                        pc->joined + pc->len);
        if (s >= e)
          continue;
        df->marks = xgrow (df->marks, &df->marks_alloc, df->n_marks + 1,
                           sizeof *df->marks);
        df->marks[df->n_marks++] = (struct diff_mark) {
          pc->line, { pc->off + s - pc->joined, e - s,
                      colour_attr ((enum colour_role) (*hits)[h].tag) } };
      }
}

/* Finds the ui's highlight terms in every paragraph of every column. */
static void
diff_find_terms (struct diff *df)
{
  df->n_marks = 0;
  df->terms_gen = df->v.ui->terms_gen;
  if (df->v.ui->terms.n == 0)
    return;
  struct buf joined = BUF_INIT;
  struct diff_piece *pieces = NULL;
  struct highlight_hit *hits = NULL;
  size_t palloc = 0, halloc = 0;
  for (size_t i = 0; i < df->lines.n;)
    {
      size_t end = i + 1;
      while (end < df->lines.n && df->rows[end].pair == df->rows[i].pair)
        end++;
      if (df->rows[i].pair != SIZE_MAX)
        for (int column = 0; column < (df->is_inline ? 1 : 2); column++)
          diff_mark_pair (df, i, end, column, &joined, &pieces, &palloc,
                          &hits, &halloc);
      i = end;
    }
  buf_free (&joined);
  free (pieces);
  free (hits);
}

/* ---- drawing ------------------------------------------------------------ */

/* The line above the text: the names over their columns, or inline, the
   older one marked as deleted and the newer as inserted (a legend). */
static void
diff_draw_names (struct diff *df, struct rect r, int cols)
{
  attr_t la = colour_attr (COLOUR_LABEL);
  draw_fill (stdscr, r.y, r.x, r.cols, colour_attr (COLOUR_NORMAL));
  if (!df->is_inline)
    {
      int col = df->lines.col > 0 ? df->lines.col : (cols - 3) / 2;
      draw_str (stdscr, r.y, r.x + 1, col, df->a_name, la);
      draw_str (stdscr, r.y, r.x + 1 + col + 3, col, df->b_name, la);
      return;
    }
  struct buf b = BUF_INIT;
  struct draw_span spans[2];
  buf_adds (&b, "[-");
  buf_adds (&b, df->a_name);
  buf_adds (&b, "-]");
  spans[0] = (struct draw_span) { 0, b.len, diff_attr (WDIFF_ATTR_DEL) };
  buf_adds (&b, "  ");
  size_t start = b.len;
  buf_adds (&b, "{+");
  buf_adds (&b, df->b_name);
  buf_adds (&b, "+}");
  spans[1] = (struct draw_span) { start, b.len - start,
                                  diff_attr (WDIFF_ATTR_INS) };
  draw_text_spans (stdscr, r.y, r.x + 1, cols, b.data, b.len, la, spans, 2);
  buf_free (&b);
}

static void
diff_draw (struct view *v, struct rect r)
{
  struct diff *df = (struct diff *) v;
  int cols = r.cols - 2;
  df->page = MAX (r.lines - 1, 1);
  df->win_cols = r.cols;
  bool inl = view_diff_inline (r.cols, df->want_inline);
  if (df->layout_cols != cols || inl != df->is_inline)
    {
      df->is_inline = inl;
      diff_layout (df, cols);
    }
  if (df->terms_gen != v->ui->terms_gen)
    diff_find_terms (df);
  size_t max_top = df->lines.n > (size_t) df->page
    ? df->lines.n - (size_t) df->page : 0;
  df->top = MIN (df->top, max_top);

  diff_draw_names (df, r, cols);
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
      size_t n = 0;
      spans = xgrow (spans, &alloc, l->n_spans + 1, sizeof *spans);
      for (size_t k = 0; k < l->n_spans; k++)
        spans[n++] = (struct draw_span) { l->spans[k].off, l->spans[k].len,
                                          diff_attr (l->spans[k].attr) };
      /* The terms last, in their colour over a change, keeping the
         change's attributes (underlined, bold) so it still shows. */
      size_t n_diff = n;
      for (size_t k = 0; k < df->n_marks; k++)
        if (df->marks[k].line == i)
          {
            struct draw_span m = df->marks[k].span;
            for (size_t j = 0; j < n_diff; j++)
              if (spans[j].off <= m.off
                  && m.off < spans[j].off + spans[j].len)
                m.attr |= spans[j].attr & A_ATTRIBUTES & ~A_COLOR;
            spans = xgrow (spans, &alloc, n + 1, sizeof *spans);
            spans[n++] = m;
          }
      draw_text_spans (stdscr, row, r.x + 1, r.cols - 2, l->text, l->len,
                       colour_attr (COLOUR_BODY), spans, n);
    }
  free (spans);
}

static char *
diff_title (struct view *v)
{
  struct diff *df = (struct diff *) v;
  const struct wdiff_summary *s = &df->d.sum;
  if (df->is_inline)
    /* TRANSLATORS: the comparison's title when the changes are shown in
       one text: how similar the two texts are (a percentage), then counts
       of words added and removed and of paragraphs moved. */
    return xasprintf (_("Comparison (inline): %.0f%% alike, %zu words "
                        "added, %zu removed, %zu paragraphs moved"),
                      s->similarity * 100.0, s->words_added,
                      s->words_removed, s->paras_moved);
  /* TRANSLATORS: the comparison's title: how similar the two texts are
     (a percentage), then counts of words added and removed and of
     paragraphs moved. */
  return xasprintf (_("Comparison: %.0f%% alike, %zu words added, %zu "
                      "removed, %zu paragraphs moved"),
                    s->similarity * 100.0, s->words_added, s->words_removed,
                    s->paras_moved);
}

/* ---- actions ------------------------------------------------------------ */

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

static void
diff_toggle_inline (struct diff *df)
{
  if (df->win_cols && df->win_cols < UI_DIFF_SIDE_COLS)
    {
      /* TRANSLATORS: %d is a number of columns. */
      ui_message (df->v.ui, _("side by side needs a window of %d columns; "
                              "this one is inline"), UI_DIFF_SIDE_COLS);
      return;
    }
  df->want_inline = !df->want_inline;
  ui_message (df->v.ui, df->want_inline ? _("showing the changes inline")
              : _("showing the texts side by side"));
}

static bool
diff_action (struct view *v, enum action a)
{
  struct diff *df = (struct diff *) v;
  if (ui_scroll (&df->top, df->lines.n, df->page, a))
    return true;
  switch (a)
    {
    case ACT_SEARCH_NEXT:
    case ACT_SEARCH_PREV:
      diff_next_change (df, a == ACT_SEARCH_NEXT);
      return true;
    case ACT_TOGGLE_INLINE:
      diff_toggle_inline (df);
      return true;
    default:
      return false;
    }
}

static void
diff_free (struct view *v)
{
  struct diff *df = (struct diff *) v;
  wdiff_lines_free (&df->lines);
  wdiff_free (&df->d);
  free (df->rows);
  free (df->marks);
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
