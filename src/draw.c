/* draw.c: drawing text cell by cell, refusing control characters. */
#include "system.h"
#include "draw.h"

#include <unistr.h>
#include <wchar.h>

#include "text.h"

/* Characters that must never reach the terminal even if the text layer
   let them through: C0, DEL, C1, and the bidi embedding, override and
   isolate controls (they reorder what follows on the line). */
static bool
draw_refused (ucs4_t uc)
{
  return uc < 0x20 || (uc >= 0x7f && uc < 0xa0)
    || (uc >= 0x202a && uc <= 0x202e) || (uc >= 0x2066 && uc <= 0x2069)
    || uc == 0x200e || uc == 0x200f || uc == 0x061c
    || (uc >= 0xd800 && uc <= 0xdfff) || uc > 0x10ffff;
}

/* Decodes one character at s[i]; invalid bytes count one at a time. */
static int
draw_decode (const char *s, size_t n, size_t i, ucs4_t *uc)
{
  int len = u8_mbtoucr (uc, (const uint8_t *) s + i, n - i);
  if (len <= 0)
    {
      *uc = 0xfffd;
      return 1;
    }
  return len;
}

static int
draw_char_width (const char *s, size_t len)
{
  return text_width (s, len);
}

bool
draw_next_cell (const char *s, size_t n, size_t *i, struct draw_cell *c)
{
  for (;;)
    {
      if (*i >= n)
        return false;
      ucs4_t uc;
      size_t start = *i;
      int len = draw_decode (s, n, start, &uc);
      *i += (size_t) len;
      c->off = start;
      c->len = (size_t) len;
      if (uc == '\t')
        {
          c->wc[0] = L' ';
          c->wc[1] = 0;
          c->width = 1;
          return true;
        }
      if (draw_refused (uc) || uc == 0xfffd)
        {
          c->wc[0] = (wchar_t) 0xfffd;
          c->wc[1] = 0;
          c->width = 1;
          return true;
        }
      int w = draw_char_width (s + start, (size_t) len);
      if (w <= 0)
        continue;           /* a mark with nothing to combine with */
      c->wc[0] = (wchar_t) uc;
      c->width = w > 2 ? 2 : w;
      int k = 1;
      /* Zero-width characters after it join the cell. */
      while (*i < n)
        {
          int l2 = draw_decode (s, n, *i, &uc);
          if (uc == '\t' || draw_refused (uc) || uc == 0xfffd
              || draw_char_width (s + *i, (size_t) l2) != 0)
            break;
          if (k < DRAW_CELL_MAX)
            c->wc[k++] = (wchar_t) uc;
          *i += (size_t) l2;
        }
      c->wc[k] = 0;
      c->len = *i - start;
      return true;
    }
}

static void
draw_cell_at (WINDOW *w, int y, int x, const struct draw_cell *c,
              attr_t attr)
{
  cchar_t cc;
  short pair = (short) PAIR_NUMBER (attr);
  attr_t a = attr & ~A_COLOR;
  /* A single-byte locale (C, Latin-1) shows what its charset has (never a
     C1 control), else one '?' per column. */
  if (MB_CUR_MAX == 1 && c->wc[0] > 0x7e
      && (c->wc[0] < 0xa0 || c->wc[1] != 0
          || wctob ((wint_t) c->wc[0]) == EOF))
    {
      wchar_t q[2] = { L'?', 0 };
      for (int k = 0; k < c->width; k++)
        {
          setcchar (&cc, q, a, pair, NULL);
          mvwadd_wch (w, y, x + k, &cc);
        }
      return;
    }
  if (setcchar (&cc, c->wc, a, pair, NULL) == ERR)
    {
      wchar_t r[2] = { (wchar_t) 0xfffd, 0 };
      setcchar (&cc, r, a, pair, NULL);
    }
  mvwadd_wch (w, y, x, &cc);
}

int
draw_text_spans (WINDOW *w, int y, int x, int cols, const char *s,
                 size_t n, attr_t attr, const struct draw_span *spans,
                 size_t n_spans)
{
  size_t i = 0;
  int used = 0;
  struct draw_cell c;
  while (used < cols && draw_next_cell (s, n, &i, &c))
    {
      if (used + c.width > cols)
        break;
      attr_t a = attr;
      for (size_t k = 0; k < n_spans; k++)
        if (c.off < spans[k].off + spans[k].len
            && c.off + c.len > spans[k].off)
          a = spans[k].attr;
      draw_cell_at (w, y, x + used, &c, a);
      used += c.width;
    }
  return used;
}

int
draw_text (WINDOW *w, int y, int x, int cols, const char *s, size_t n,
           attr_t attr)
{
  return draw_text_spans (w, y, x, cols, s, n, attr, NULL, 0);
}

int
draw_str (WINDOW *w, int y, int x, int cols, const char *s, attr_t attr)
{
  return draw_text (w, y, x, cols, s, strlen (s), attr);
}

void
draw_fill (WINDOW *w, int y, int x, int cols, attr_t attr)
{
  cchar_t cc;
  wchar_t sp[2] = { L' ', 0 };
  setcchar (&cc, sp, attr & ~A_COLOR, (short) PAIR_NUMBER (attr), NULL);
  for (int k = 0; k < cols; k++)
    mvwadd_wch (w, y, x + k, &cc);
}
