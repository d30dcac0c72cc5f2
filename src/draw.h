/* draw.h: width-aware drawing primitives that refuse control characters.

   Everything the reader puts on the screen goes through here.  Text is
   drawn cell by cell at columns computed with text_width, so a character
   the terminal library measures differently cannot shift what follows;
   C0 and C1 controls, DEL, invalid UTF-8 and bidi controls never reach
   the terminal, whatever the caller passed (they show as U+FFFD, tabs as
   a space).  Nothing here owns memory. */
#ifndef BYLINE_DRAW_H
#define BYLINE_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

/* One screen cell: a spacing character and the combining marks after it. */
#define DRAW_CELL_MAX 5
struct draw_cell
{
  wchar_t wc[DRAW_CELL_MAX + 1];  /* NUL-terminated */
  int width;                      /* 1 or 2 */
  size_t off, len;                /* the bytes it came from */
};

/* Reads the cell that starts at s[*i] and advances *i past it (and past
   zero-width characters that cannot start a cell).  Returns false at the
   end of s[0..n).  Pure: unit-tested without a terminal. */
bool draw_next_cell (const char *s, size_t n, size_t *i, struct draw_cell *c);

/* A byte range of the text drawn with other attributes (colour pair
   included); where spans overlap, the later one wins. */
struct draw_span
{
  size_t off, len;
  attr_t attr;
};

/* Draws s[0..n) at (y, x) of w in at most 'cols' columns; returns the
   columns used (a wide character that does not fit is left out). */
int draw_text (WINDOW *w, int y, int x, int cols, const char *s, size_t n,
               attr_t attr);
int draw_text_spans (WINDOW *w, int y, int x, int cols, const char *s,
                     size_t n, attr_t attr, const struct draw_span *spans,
                     size_t n_spans);
/* Same for a NUL-terminated string. */
int draw_str (WINDOW *w, int y, int x, int cols, const char *s, attr_t attr);
/* Fills 'cols' columns with spaces. */
void draw_fill (WINDOW *w, int y, int x, int cols, attr_t attr);

#endif
