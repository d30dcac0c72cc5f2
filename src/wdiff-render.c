/* wdiff-render.c: a word diff side by side or inline, as text. */
#include "system.h"
#include "wdiff.h"

#include "buf.h"
#include "text.h"

#define WDIFF_SEP " | "
#define WDIFF_SEP_W 3
#define WDIFF_GUTTER_W 2

/* A cell: one side of one aligned pair, as display text with spans. */
struct cell
{
  struct buf text;
  struct wdiff_span *spans;
  size_t n_spans, alloc;
};

/* Appends text with its line breaks and tabs turned into spaces. */
static void
render_text (struct buf *b, const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    buf_addc (b, s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ? ' ' : s[i]);
}

static void
cell_span (struct cell *c, size_t off, size_t len, enum wdiff_attr attr)
{
  if (len == 0 || attr == WDIFF_ATTR_NONE)
    return;
  c->spans = xgrow (c->spans, &c->alloc, c->n_spans + 1, sizeof *c->spans);
  c->spans[c->n_spans++] = (struct wdiff_span) { off, len, attr };
}

/* Appends one op's text for one side, marked when it is a change. */
static void
cell_add (struct cell *c, const char *s, size_t n, bool changed,
          bool left, enum wdiff_style style)
{
  size_t start = c->text.len;
  if (changed && style == WDIFF_PLAIN)
    buf_adds (&c->text, left ? "[-" : "{+");
  render_text (&c->text, s, n);
  if (changed && style == WDIFF_PLAIN)
    buf_adds (&c->text, left ? "-]" : "+}");
  if (changed)
    cell_span (c, start, c->text.len - start,
               left ? WDIFF_ATTR_DEL : WDIFF_ATTR_INS);
}

/* The text of one side of pair 'pr', edits marked. */
static void
cell_build (const struct wdiff *d, const struct wdiff_pair *pr, bool left,
            enum wdiff_style style, struct cell *c)
{
  const char *t = left ? d->a : d->b;
  size_t prev_end = SIZE_MAX;
  for (size_t k = pr->op; k < pr->op + pr->n_ops; k++)
    {
      const struct wdiff_op *op = &d->ops[k];
      size_t off = left ? op->a_off : op->b_off;
      size_t len = left ? op->a_len : op->b_len;
      if (len == 0)
        continue;
      if (prev_end != SIZE_MAX && off > prev_end)
        buf_addc (&c->text, ' ');
      cell_add (c, t + off, len, op->kind != WDIFF_EQUAL, left, style);
      prev_end = off + len;
    }
}

/* Wraps a cell.  The marks must not offer line breaks ("[-" would break
   after its hyphen), so the wrapping sees a shadow copy with letters in
   place of the marks' inner characters: same bytes, same widths, breaks
   only where the text has them. */
static size_t
cell_wrap (const struct cell *c, int cols, struct text_line **lines,
           size_t *alloc)
{
  if (c->text.len == 0)
    return text_wrap ("", 0, cols, lines, alloc);
  char *shadow = xmemdup (c->text.data, c->text.len);
  for (size_t i = 0; i + 1 < c->text.len; i++)
    if ((shadow[i] == '[' && shadow[i + 1] == '-')
        || (shadow[i] == '{' && shadow[i + 1] == '+'))
      shadow[i + 1] = 'x';
    else if ((shadow[i] == '-' && shadow[i + 1] == ']')
             || (shadow[i] == '+' && shadow[i + 1] == '}'))
      shadow[i] = 'x';
  size_t n = text_wrap (shadow, c->text.len, cols, lines, alloc);
  free (shadow);
  return n;
}

static void
cell_free (struct cell *c)
{
  buf_free (&c->text);
  free (c->spans);
}

static void
line_span (struct wdiff_line *l, size_t *alloc, size_t off, size_t len,
           enum wdiff_attr attr)
{
  if (len == 0 || attr == WDIFF_ATTR_NONE)
    return;
  l->spans = xgrow (l->spans, alloc, l->n_spans + 1, sizeof *l->spans);
  l->spans[l->n_spans++] = (struct wdiff_span) { off, len, attr };
}

/* Appends a gutter and one wrapped line of a cell (or nothing), padded to
   the column. */
static void
line_column (struct wdiff_line *l, struct buf *b, size_t *alloc,
             const struct cell *c, const struct text_line *tl, int textw,
             char gutter, enum wdiff_attr gattr)
{
  size_t g = b->len;
  buf_addc (b, gutter);
  buf_addc (b, ' ');
  if (gutter != ' ')
    line_span (l, alloc, g, 1, gattr);
  int used = 0;
  if (tl)
    {
      size_t base = b->len;
      buf_add (b, c->text.data + tl->off, tl->len);
      used = tl->width;
      for (size_t i = 0; i < c->n_spans; i++)
        {
          size_t s = MAX (c->spans[i].off, tl->off);
          size_t e = MIN (c->spans[i].off + c->spans[i].len,
                          tl->off + tl->len);
          if (s < e)
            line_span (l, alloc, base + s - tl->off, e - s, c->spans[i].attr);
        }
    }
  for (; used < textw; used++)
    buf_addc (b, ' ');
}

static void
lines_push (struct wdiff_lines *out, struct buf *b, struct wdiff_line *l)
{
  l->len = b->len;
  l->text = buf_steal (b);
  out->v = xgrow (out->v, &out->alloc, out->n + 1, sizeof *out->v);
  out->v[out->n++] = *l;
}

static void
layout_row (struct wdiff_lines *out, const struct cell *lc,
            const struct text_line *ll, const struct cell *rc,
            const struct text_line *rl, int textw, char lg, char rg,
            enum wdiff_attr gattr)
{
  struct buf b = BUF_INIT;
  struct wdiff_line l = { 0 };
  size_t alloc = 0;
  line_column (&l, &b, &alloc, lc, ll, textw, lg, gattr);
  line_span (&l, &alloc, b.len, WDIFF_SEP_W, WDIFF_ATTR_SEP);
  buf_adds (&b, WDIFF_SEP);
  line_column (&l, &b, &alloc, rc, rl, textw, rg, gattr);
  l.width = 2 * (textw + WDIFF_GUTTER_W) + WDIFF_SEP_W;
  lines_push (out, &b, &l);
}

static bool
pair_edited (const struct wdiff *d, const struct wdiff_pair *pr)
{
  for (size_t k = pr->op; k < pr->op + pr->n_ops; k++)
    if (d->ops[k].kind != WDIFF_EQUAL)
      return true;
  return false;
}

void
wdiff_layout_side (const struct wdiff *d, int width, enum wdiff_style style,
                   struct wdiff_lines *out)
{
  int col = MAX (width, 13);
  col = (col - WDIFF_SEP_W) / 2;
  int textw = col - WDIFF_GUTTER_W;
  out->col = col;
  struct text_line *ll = NULL, *rl = NULL;
  size_t la = 0, ra = 0;
  for (size_t i = 0; i < d->n_pairs; i++)
    {
      const struct wdiff_pair *pr = &d->pairs[i];
      struct cell lc = { BUF_INIT, NULL, 0, 0 }, rc = { BUF_INIT, NULL, 0, 0 };
      size_t nl = 0, nr = 0;
      if (pr->left >= 0)
        {
          cell_build (d, pr, true, style, &lc);
          nl = cell_wrap (&lc, textw, &ll, &la);
        }
      if (pr->right >= 0)
        {
          cell_build (d, pr, false, style, &rc);
          nr = cell_wrap (&rc, textw, &rl, &ra);
        }
      char lg = ' ', rg = ' ';
      enum wdiff_attr gattr = WDIFF_ATTR_NONE;
      if (pr->right < 0)
        lg = '-', gattr = WDIFF_ATTR_GUTTER_DEL;
      else if (pr->echo)
        lg = '-', rg = '=', gattr = WDIFF_ATTR_GUTTER_DEL;
      else if (pr->left < 0)
        rg = '+', gattr = WDIFF_ATTR_GUTTER_INS;
      else if (pr->moved)
        lg = rg = '~', gattr = WDIFF_ATTR_GUTTER_MOVED;
      else if (pair_edited (d, pr))
        lg = rg = '!', gattr = WDIFF_ATTR_GUTTER_CHANGED;
      if (i > 0)
        layout_row (out, NULL, NULL, NULL, NULL, textw, ' ', ' ',
                    WDIFF_ATTR_NONE);
      for (size_t r = 0; r < MAX (nl, nr); r++)
        layout_row (out, &lc, r < nl ? &ll[r] : NULL, &rc,
                    r < nr ? &rl[r] : NULL, textw, r < nl ? lg : ' ',
                    r < nr ? rg : ' ', gattr);
      cell_free (&lc);
      cell_free (&rc);
    }
  free (ll);
  free (rl);
}

void
wdiff_lines_free (struct wdiff_lines *l)
{
  for (size_t i = 0; i < l->n; i++)
    {
      free (l->v[i].text);
      free (l->v[i].spans);
    }
  free (l->v);
  memset (l, 0, sizeof *l);
}

static const char *
wdiff_sgr (enum wdiff_attr a)
{
  switch (a)
    {
    case WDIFF_ATTR_DEL:
      return "\033[31;9m";      /* red, crossed out */
    case WDIFF_ATTR_INS:
      return "\033[32;4m";      /* green, underlined */
    case WDIFF_ATTR_GUTTER_DEL:
      return "\033[1;31m";
    case WDIFF_ATTR_GUTTER_INS:
      return "\033[1;32m";
    case WDIFF_ATTR_GUTTER_MOVED:
      return "\033[1;33m";
    case WDIFF_ATTR_GUTTER_CHANGED:
      return "\033[1;36m";
    case WDIFF_ATTR_SEP:
      return "\033[2m";
    case WDIFF_ATTR_NONE:
    default:
      return "";
    }
}

#define WDIFF_SGR_RESET "\033[0m"

void
wdiff_lines_print (const struct wdiff_lines *l, enum wdiff_style style,
                   struct buf *out)
{
  for (size_t i = 0; i < l->n; i++)
    {
      const struct wdiff_line *ln = &l->v[i];
      size_t pos = 0;
      if (style == WDIFF_ANSI)
        for (size_t s = 0; s < ln->n_spans; s++)
          {
            const struct wdiff_span *sp = &ln->spans[s];
            buf_add (out, ln->text + pos, sp->off - pos);
            buf_adds (out, wdiff_sgr (sp->attr));
            buf_add (out, ln->text + sp->off, sp->len);
            buf_adds (out, WDIFF_SGR_RESET);
            pos = sp->off + sp->len;
          }
      buf_add (out, ln->text + pos, ln->len - pos);
      buf_addc (out, '\n');
    }
}

void
wdiff_render_side (const struct wdiff *d, int width, enum wdiff_style style,
                   struct buf *out)
{
  struct wdiff_lines l = WDIFF_LINES_INIT;
  wdiff_layout_side (d, width, style, &l);
  wdiff_lines_print (&l, style, out);
  wdiff_lines_free (&l);
}

/* ---- inline ------------------------------------------------------------- */

static void
inline_mark (struct buf *out, const char *s, size_t n, bool left,
             enum wdiff_style style)
{
  if (style == WDIFF_ANSI)
    buf_adds (out, wdiff_sgr (left ? WDIFF_ATTR_DEL : WDIFF_ATTR_INS));
  else
    buf_adds (out, left ? "[-" : "{+");
  render_text (out, s, n);
  buf_adds (out, style == WDIFF_ANSI ? WDIFF_SGR_RESET : left ? "-]" : "+}");
}

void
wdiff_render_inline (const struct wdiff *d, enum wdiff_style style,
                     struct buf *out)
{
  for (size_t i = 0; i < d->n_pairs; i++)
    {
      const struct wdiff_pair *pr = &d->pairs[i];
      if (i > 0)
        buf_adds (out, "\n\n");
      if (pr->moved)
        {
          /* TRANSLATORS: before a paragraph that the newer text has
             elsewhere; %td is its number in the older text. */
          buf_printf (out, _("(moved from paragraph %td)"), pr->left + 1);
          buf_addc (out, '\n');
        }
      else if (pr->echo)
        {
          /* TRANSLATORS: before a paragraph that only the older text has
             (a caption, say) but that repeats most of one the newer text
             has elsewhere, here diffed against it; %td is that one's
             number in the newer text. */
          buf_printf (out, _("(only in the older text; compared with "
                             "paragraph %td of the newer)"), pr->right + 1);
          buf_addc (out, '\n');
        }
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
            buf_addc (out, ' ');
          switch (op->kind)
            {
            case WDIFF_EQUAL:
              render_text (out, d->b + op->b_off, op->b_len);
              break;
            case WDIFF_DELETE:
              inline_mark (out, d->a + op->a_off, op->a_len, true, style);
              break;
            case WDIFF_INSERT:
              inline_mark (out, d->b + op->b_off, op->b_len, false, style);
              break;
            case WDIFF_REPLACE:
              inline_mark (out, d->a + op->a_off, op->a_len, true, style);
              inline_mark (out, d->b + op->b_off, op->b_len, false, style);
              break;
            }
          if (op->a_len)
            a_end = op->a_off + op->a_len;
          if (op->b_len)
            b_end = op->b_off + op->b_len;
        }
    }
  if (d->n_pairs)
    buf_addc (out, '\n');
}
