/* view-reader.c: one article: its metadata above the clean body (or the
   original text), wrapped to the window, with search inside the text. */
#include "system.h"

#include <time.h>

#include "article.h"
#include "buf.h"
#include "colour.h"
#include "draw.h"
#include "highlight.h"
#include "text.h"
#include "ui.h"

/* A paragraph or a metadata field, before wrapping. */
struct reader_block
{
  const char *label;            /* translated field label, or NULL */
  const char *s;                /* into the article or reader.owned */
  size_t n;
  enum colour_role role;
  bool gap;                     /* an empty line follows */
};

/* One screen line: part of a block, or an empty line (len 0, gap). */
struct reader_line
{
  size_t block;
  size_t off, len;              /* in the block's text */
  bool first;                   /* draws the block's label */
  bool empty;
};

/* A range of a block drawn with another colour. */
struct reader_mark
{
  size_t block;
  size_t off, len;
  enum colour_role role;
};

struct reader
{
  struct view v;
  struct article a;
  char *path;                   /* shown */
  char *file;                   /* to read the original text from, or NULL */
  bool original;

  struct reader_block *blocks;
  size_t n_blocks, blocks_alloc;
  struct strv owned;
  struct strv extra;            /* more fields: label, value, label, ... */
  int label_cols;

  struct reader_line *lines;
  size_t n_lines, lines_alloc;
  int wrap_cols;                /* 0: wrap on the next draw */
  size_t top;
  int page;
  int old_page;                 /* the page the lines were last shown in */

  struct reader_mark *terms;    /* the ui's highlight terms */
  size_t n_terms, terms_alloc;
  unsigned terms_gen;           /* the ui's terms_gen they were found for */
  struct highlight search;
  char *search_text;
  struct reader_mark *hits;     /* search hits, in text order */
  size_t n_hits, hits_alloc;
  size_t cur_hit;
  bool hit_pending;             /* marked from outside: n shows cur_hit */
};

static void
reader_add_block (struct reader *r, const char *label, const char *s,
                  size_t n, enum colour_role role, bool gap)
{
  r->blocks = xgrow (r->blocks, &r->blocks_alloc, r->n_blocks + 1,
                     sizeof *r->blocks);
  r->blocks[r->n_blocks++] = (struct reader_block) { label, s, n, role, gap };
}

/* A field whose text the reader makes (kept in r->owned). */
static void
reader_add_owned (struct reader *r, const char *label, char *s,
                  enum colour_role role)
{
  strv_push (&r->owned, s);
  reader_add_block (r, label, s, strlen (s), role, false);
}

static enum colour_role
reader_role_colour (enum para_role role)
{
  switch (role)
    {
    case ROLE_HEADLINE:
      return COLOUR_HEADLINE;
    case ROLE_DEK:
      return COLOUR_DEK;
    case ROLE_DATELINE:
    case ROLE_BYLINE:
      return COLOUR_META;
    case ROLE_CAPTION:
    case ROLE_BOILERPLATE:
    case ROLE_HEADER:
      return COLOUR_DIM;
    case ROLE_BODY:
    default:
      return COLOUR_BODY;
    }
}

static void
reader_header (struct reader *r)
{
  const struct article *a = &r->a;
  /* TRANSLATORS: field labels of the reader; they are aligned for you. */
  const char *date_l = _("Date:"), *outlet_l = _("Outlet:");
  const char *agency_l = _("Agency:"), *authors_l = _("Authors:");
  const char *file_l = _("File:"), *warn_l = _("Warning:");
  const char *labels[] = { date_l, outlet_l, agency_l, authors_l, file_l,
                           warn_l };
  r->label_cols = 0;
  for (size_t i = 0; i < ARRAY_SIZE (labels); i++)
    r->label_cols = MAX (r->label_cols,
                         text_width (labels[i], strlen (labels[i])));
  for (size_t i = 0; i + 1 < r->extra.n; i += 2)
    r->label_cols = MAX (r->label_cols, text_width (r->extra.v[i],
                                                    strlen (r->extra.v[i])));

  const char *h = a->headline && *a->headline ? a->headline : NULL;
  if (h)
    reader_add_block (r, NULL, h, strlen (h), COLOUR_HEADLINE, true);
  if (a->dek)
    reader_add_block (r, NULL, a->dek, strlen (a->dek), COLOUR_DEK, true);
  if (a->date.precision != DATE_PREC_NONE)
    reader_add_owned (r, date_l, ui_date (&a->date), COLOUR_DATE);
  if (a->outlet)
    reader_add_block (r, outlet_l, a->outlet, strlen (a->outlet),
                      COLOUR_OUTLET, false);
  if (a->agency)
    reader_add_block (r, agency_l, a->agency, strlen (a->agency),
                      COLOUR_META, false);
  if (a->authors.n)
    {
      struct buf names = BUF_INIT;
      for (size_t i = 0; i < a->authors.n; i++)
        {
          if (i)
            buf_adds (&names, ", ");
          buf_adds (&names, a->authors.v[i]);
        }
      reader_add_owned (r, authors_l, buf_steal (&names), COLOUR_META);
    }
  for (size_t i = 0; i + 1 < r->extra.n; i += 2)
    reader_add_block (r, r->extra.v[i], r->extra.v[i + 1],
                      strlen (r->extra.v[i + 1]), COLOUR_META, false);
  if (r->path)
    reader_add_block (r, file_l, r->path, strlen (r->path), COLOUR_META,
                      false);
  for (size_t i = 0; i < a->warnings.n; i++)
    reader_add_block (r, warn_l, a->warnings.v[i], strlen (a->warnings.v[i]),
                      COLOUR_ERROR, false);
  if (r->n_blocks)
    r->blocks[r->n_blocks - 1].gap = true;
}

static void
reader_body (struct reader *r)
{
  const struct article *a = &r->a;
  if (r->original)
    {
      for (size_t i = 0; i < a->n_paras; i++)
        {
          const struct para *p = &a->paras[i];
          if (p->off > a->text_len || p->len > a->text_len - p->off)
            continue;
          reader_add_block (r, NULL, a->text + p->off, p->len,
                            reader_role_colour (p->role), true);
        }
      if (a->n_paras == 0 && a->text)
        reader_add_block (r, NULL, a->text, a->text_len, COLOUR_BODY, true);
      return;
    }
  const char *p = a->body ? a->body : "";
  const char *end = p + a->body_len;
  while (p < end)
    {
      const char *q = p;
      while (q < end && !(q[0] == '\n' && q + 1 < end && q[1] == '\n'))
        q++;
      if (q > p)
        reader_add_block (r, NULL, p, (size_t) (q - p), COLOUR_BODY, true);
      p = q;
      while (p < end && *p == '\n')
        p++;
    }
}

static void
reader_marks (struct reader *r, const struct highlight *h,
              struct reader_mark **marks, size_t *n, size_t *alloc,
              bool search)
{
  *n = 0;
  struct highlight_hit *hits = NULL;
  size_t halloc = 0;
  for (size_t b = 0; b < r->n_blocks; b++)
    {
      const struct reader_block *blk = &r->blocks[b];
      size_t nh = highlight_find (h, blk->s, blk->n, &hits, &halloc);
      for (size_t i = 0; i < nh; i++)
        {
          *marks = xgrow (*marks, alloc, *n + 1, sizeof **marks);
          (*marks)[(*n)++] = (struct reader_mark) {
            b, hits[i].off, hits[i].len,
            search ? COLOUR_SEARCH : (enum colour_role) hits[i].tag };
        }
    }
  free (hits);
}

/* Rebuilds the blocks (after switching between body and original). */
static void
reader_build (struct reader *r)
{
  r->n_blocks = 0;
  strv_free (&r->owned);
  reader_header (r);
  reader_body (r);
  reader_marks (r, &r->v.ui->terms, &r->terms, &r->n_terms,
                &r->terms_alloc, false);
  r->terms_gen = r->v.ui->terms_gen;
  reader_marks (r, &r->search, &r->hits, &r->n_hits, &r->hits_alloc, true);
  r->cur_hit = 0;
  r->hit_pending = r->n_hits > 0;
  r->wrap_cols = 0;
}

static void
reader_add_line (struct reader *r, struct reader_line l)
{
  r->lines = xgrow (r->lines, &r->lines_alloc, r->n_lines + 1,
                    sizeof *r->lines);
  r->lines[r->n_lines++] = l;
}

/* The line that shows byte 'off' of block 'b'.  Lines are in (block,
   offset) order, a block's empty line after its text: binary search. */
static size_t
reader_find_line (const struct reader *r, size_t b, size_t off)
{
  size_t lo = 0, hi = r->n_lines;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      const struct reader_line *l = &r->lines[mid];
      if (l->block < b || (l->block == b && l->off <= off))
        lo = mid + 1;
      else
        hi = mid;
    }
  /* lo is the first line after it.  Before the block's first line (which
     starts after any leading space): that line. */
  if (lo < r->n_lines && r->lines[lo].block == b
      && (lo == 0 || r->lines[lo - 1].block < b))
    return lo;
  size_t i = lo ? lo - 1 : 0;
  while (i > 0 && r->lines[i].empty)
    i--;
  return i;
}

static void
reader_wrap (struct reader *r, int cols)
{
  /* Keep the top line's text at the top. */
  size_t anchor_b = 0, anchor_off = 0;
  bool anchored = r->n_lines && r->top > 0 && r->top < r->n_lines;
  if (anchored)
    {
      size_t t = r->top;
      while (t > 0 && r->lines[t].empty)
        t--;
      anchor_b = r->lines[t].block;
      anchor_off = r->lines[t].off;
    }
  /* And the current search hit in view if it was. */
  bool hit_shown = false;
  size_t old_page = (size_t) MAX (r->old_page, 1);
  if (r->n_hits && r->n_lines)
    {
      size_t hl = reader_find_line (r, r->hits[r->cur_hit].block,
                                    r->hits[r->cur_hit].off);
      hit_shown = hl >= r->top && hl < r->top + old_page;
    }
  r->n_lines = 0;
  struct text_line *tl = NULL;
  size_t tl_alloc = 0;
  for (size_t b = 0; b < r->n_blocks; b++)
    {
      const struct reader_block *blk = &r->blocks[b];
      int indent = blk->label ? r->label_cols + 2 : 0;
      int width = MAX (cols - indent, 10);
      size_t n = text_wrap (blk->s, blk->n, width, &tl, &tl_alloc);
      for (size_t i = 0; i < n; i++)
        reader_add_line (r, (struct reader_line) {
          b, tl[i].off, tl[i].len, i == 0, false });
      if (blk->gap)
        reader_add_line (r, (struct reader_line) { b, blk->n, 0, false,
                                                   true });
    }
  free (tl);
  r->wrap_cols = cols;
  r->top = anchored ? reader_find_line (r, anchor_b, anchor_off) : 0;
  size_t page = (size_t) MAX (r->page, 1);
  if (hit_shown)
    {
      size_t hl = reader_find_line (r, r->hits[r->cur_hit].block,
                                    r->hits[r->cur_hit].off);
      if (hl < r->top || hl >= r->top + page)
        r->top = hl > page / 3 ? hl - page / 3 : 0;
    }
  r->old_page = r->page;
}

static void
reader_line_spans (const struct reader *r, const struct reader_line *l,
                   struct draw_span **spans, size_t *n, size_t *alloc)
{
  *n = 0;
  const struct reader_mark *sets[2] = { r->terms, r->hits };
  size_t counts[2] = { r->n_terms, r->n_hits };
  for (int s = 0; s < 2; s++)
    for (size_t i = 0; i < counts[s]; i++)
      {
        const struct reader_mark *m = &sets[s][i];
        if (m->block != l->block || m->off >= l->off + l->len
            || m->off + m->len <= l->off)
          continue;
        size_t from = MAX (m->off, l->off);
        size_t to = MIN (m->off + m->len, l->off + l->len);
        attr_t a = colour_attr (m->role);
        if (s == 1 && i == r->cur_hit)
          a |= A_UNDERLINE;
        *spans = xgrow (*spans, alloc, *n + 1, sizeof **spans);
        (*spans)[(*n)++] = (struct draw_span) { from - l->off, to - from, a };
      }
}

static void
reader_draw (struct view *v, struct rect rc)
{
  struct reader *r = (struct reader *) v;
  int cols = MAX (rc.cols - 2, 1);
  r->page = rc.lines;
  if (r->wrap_cols != cols)
    reader_wrap (r, cols);
  if (r->terms_gen != v->ui->terms_gen)
    {
      reader_marks (r, &v->ui->terms, &r->terms, &r->n_terms,
                    &r->terms_alloc, false);
      r->terms_gen = v->ui->terms_gen;
    }
  r->old_page = r->page;
  size_t max_top = r->n_lines > (size_t) rc.lines
    ? r->n_lines - (size_t) rc.lines : 0;
  r->top = MIN (r->top, max_top);
  struct draw_span *spans = NULL;
  size_t n_spans = 0, spans_alloc = 0;
  for (int y = 0; y < rc.lines; y++)
    {
      int row = rc.y + y;
      draw_fill (stdscr, row, rc.x, rc.cols, colour_attr (COLOUR_NORMAL));
      size_t i = r->top + (size_t) y;
      if (i >= r->n_lines || r->lines[i].empty)
        continue;
      const struct reader_line *l = &r->lines[i];
      const struct reader_block *blk = &r->blocks[l->block];
      int x = rc.x + 1;
      if (blk->label)
        {
          if (l->first)
            draw_str (stdscr, row, x, r->label_cols, blk->label,
                      colour_attr (COLOUR_LABEL));
          x += r->label_cols + 2;
        }
      reader_line_spans (r, l, &spans, &n_spans, &spans_alloc);
      draw_text_spans (stdscr, row, x, rc.x + rc.cols - 1 - x,
                       blk->s + l->off, l->len, colour_attr (blk->role),
                       spans, n_spans);
    }
  free (spans);
}

static char *
reader_title (struct view *v)
{
  struct reader *r = (struct reader *) v;
  size_t max_top = r->n_lines > (size_t) r->page
    ? r->n_lines - (size_t) r->page : 0;
  int pct = max_top ? (int) (r->top * 100 / max_top) : 100;
  const char *h = r->a.headline && *r->a.headline ? r->a.headline
    : (r->path ? r->path : "");
  /* TRANSLATORS: the reader's title line: the mode, how far down the
     text the window is, and the headline. */
  return xasprintf (_("%s %3d%%  %s"), r->original ? _("[original]")
                    : _("[article]"), pct, h);
}

/* Shows hit i: on the window's first third unless it is already in view. */
static void
reader_show_hit (struct reader *r, size_t i, int wrapped)
{
  r->cur_hit = i;
  r->hit_pending = false;
  const struct reader_mark *m = &r->hits[i];
  size_t line = reader_find_line (r, m->block, m->off);
  if (line < r->top || line >= r->top + (size_t) MAX (r->page, 1))
    {
      size_t third = (size_t) MAX (r->page, 3) / 3;
      r->top = line > third ? line - third : 0;
    }
  if (wrapped > 0)
    ui_message (r->v.ui, _("hit %zu of %zu for \"%s\" (went on from the "
                           "top)"), i + 1, r->n_hits, r->search_text);
  else if (wrapped < 0)
    ui_message (r->v.ui, _("hit %zu of %zu for \"%s\" (went on from the "
                           "bottom)"), i + 1, r->n_hits, r->search_text);
  else
    ui_message (r->v.ui, _("hit %zu of %zu for \"%s\""), i + 1, r->n_hits,
                r->search_text);
}

static void
reader_search (struct reader *r)
{
  char *q = prompt_read (r->v.ui, "/", NULL);
  if (q == NULL)
    return;
  highlight_free (&r->search);
  free (r->search_text);
  r->search_text = NULL;
  r->n_hits = 0;
  if (!highlight_add (&r->search, q, 0))
    {
      if (*q)
        ui_error (r->v.ui, _("nothing to search for in \"%s\""), q);
      free (q);
      return;
    }
  r->search_text = q;
  reader_marks (r, &r->search, &r->hits, &r->n_hits, &r->hits_alloc, true);
  if (r->n_hits == 0)
    {
      ui_error (r->v.ui, _("not found: \"%s\""), q);
      return;
    }
  if (r->wrap_cols == 0)
    reader_wrap (r, MAX (r->v.rect.cols - 2, 1));
  /* The first hit at or after the top of the window. */
  size_t i;
  for (i = 0; i < r->n_hits; i++)
    if (reader_find_line (r, r->hits[i].block, r->hits[i].off) >= r->top)
      break;
  reader_show_hit (r, i < r->n_hits ? i : 0, i < r->n_hits ? 0 : 1);
}

static void
reader_next_hit (struct reader *r, bool forward)
{
  if (r->n_hits == 0)
    {
      ui_error (r->v.ui, r->search_text ? _("no hits")
                : _("no search: use '/' first"));
      return;
    }
  size_t i = r->cur_hit;
  bool wrapped = false;
  if (r->hit_pending)
    {
      r->hit_pending = false;
      reader_show_hit (r, forward ? 0 : r->n_hits - 1, 0);
      return;
    }
  if (forward)
    {
      i++;
      if (i == r->n_hits)
        i = 0, wrapped = true;
    }
  else
    {
      if (i == 0)
        i = r->n_hits, wrapped = true;
      i--;
    }
  reader_show_hit (r, i, !wrapped ? 0 : forward ? 1 : -1);
}

/* The index keeps the clean text only: the original comes from the file,
   read again (and extracted again, for the roles of its paragraphs). */
static bool
reader_load_original (struct reader *r)
{
  if (r->file == NULL)
    {
      ui_error (r->v.ui, _("the original text is not available"));
      return false;
    }
  struct article o;
  char *cause = NULL;
  if (article_load (r->file, r->v.ui->rules, (int64_t) time (NULL), &o,
                    &cause) != 0)
    {
      ui_error (r->v.ui, "%s: %s", r->path ? r->path : "", cause);
      free (cause);
      return false;
    }
  r->a.text = o.text;
  r->a.text_len = o.text_len;
  r->a.paras = o.paras;
  r->a.n_paras = o.n_paras;
  o.text = NULL;
  o.paras = NULL;
  o.n_paras = 0;
  article_free (&o);
  return true;
}

static bool
reader_action (struct view *v, enum action a)
{
  struct reader *r = (struct reader *) v;
  struct ui *ui = v->ui;
  if (ui_scroll (&r->top, r->n_lines, r->page, a))
    return true;
  switch (a)
    {
    case ACT_TOGGLE_ORIGINAL:
      if (!r->original && r->a.text == NULL && !reader_load_original (r))
        return true;
      r->original = !r->original;
      reader_build (r);
      r->top = 0;
      ui_message (ui, r->original ? _("showing the original text")
                  : _("showing the clean article"));
      return true;
    case ACT_SEARCH:
      reader_search (r);
      return true;
    case ACT_SEARCH_NEXT:
    case ACT_SEARCH_PREV:
      reader_next_hit (r, a == ACT_SEARCH_NEXT);
      return true;
    case ACT_SEARCH_CLEAR:
      highlight_free (&r->search);
      r->n_hits = 0;
      r->hit_pending = false;
      free (r->search_text);
      r->search_text = NULL;
      return true;
    case ACT_TOGGLE_READ:
    case ACT_TOGGLE_BOOKMARK:
    case ACT_MARK:
    case ACT_DIFF:
    case ACT_VERSIONS:
      /* The list below knows the article: it is its selected row. */
      if (ui->depth >= 2 && ui_top (ui) == v)
        {
          struct view *below = ui->stack[ui->depth - 2];
          return below->ops->action && below->ops->action (below, a);
        }
      return false;
    case ACT_NEXT_ARTICLE:
    case ACT_PREV_ARTICLE:
      if (ui->depth >= 2 && ui_top (ui) == v)
        {
          /* The list below opens the neighbour; this view goes. */
          struct view *below = ui->stack[ui->depth - 2];
          ui_pop (ui);
          ui_view_action (below, a);
          return true;
        }
      return false;
    default:
      return false;
    }
}

static void
reader_free (struct view *v)
{
  struct reader *r = (struct reader *) v;
  article_free (&r->a);
  free (r->path);
  free (r->file);
  strv_free (&r->extra);
  free (r->blocks);
  strv_free (&r->owned);
  free (r->lines);
  free (r->terms);
  highlight_free (&r->search);
  free (r->search_text);
  free (r->hits);
  free (r);
}

static const struct view_ops reader_ops = {
  .name = "reader",
  .draw = reader_draw,
  .title = reader_title,
  .action = reader_action,
  .click = NULL,
  .free = reader_free,
};

void
view_reader_field (struct view *v, const char *label, const char *value)
{
  struct reader *r = (struct reader *) v;
  strv_add (&r->extra, label);
  strv_add (&r->extra, value);
  size_t top = r->top;
  reader_build (r);
  r->top = top;
}

void
view_reader_mark (struct view *v, const struct strv *terms, const char *text)
{
  struct reader *r = (struct reader *) v;
  highlight_free (&r->search);
  for (size_t i = 0; i < terms->n; i++)
    highlight_add (&r->search, terms->v[i], 0);
  free (r->search_text);
  r->search_text = xstrdup (text);
  reader_marks (r, &r->search, &r->hits, &r->n_hits, &r->hits_alloc, true);
  r->cur_hit = 0;
  r->hit_pending = r->n_hits > 0;
  if (r->n_hits)
    ui_message (r->v.ui, P_("%zu hit for \"%s\": press n to see it",
                            "%zu hits for \"%s\": press n to see them",
                            r->n_hits), r->n_hits, text);
}

struct view *
view_reader_new (struct ui *ui, struct article *a, const char *path,
                 const char *file)
{
  struct reader *r = xcalloc (1, sizeof *r);
  r->v.ops = &reader_ops;
  r->v.ui = ui;
  r->a = *a;
  memset (a, 0, sizeof *a);
  r->path = path ? xstrdup (path) : NULL;
  r->file = file ? xstrdup (file) : NULL;
  r->page = 1;
  reader_build (r);
  return &r->v;
}
