/* prompt.c: reading a line of text on the status line. */
#include "system.h"

#include <curses.h>
#include <unistr.h>

#include "buf.h"
#include "colour.h"
#include "draw.h"
#include "keymap.h"
#include "text.h"
#include "ui.h"

/* Drops the last character (with the marks that combine with it). */
static void
prompt_backspace (struct buf *b)
{
  while (b->len)
    {
      const uint8_t *prev = u8_prev (NULL, (const uint8_t *) b->data + b->len,
                                     (const uint8_t *) b->data);
      size_t at = prev ? (size_t) ((const char *) prev - b->data) : b->len - 1;
      bool mark = text_width (b->data + at, b->len - at) == 0 && at > 0;
      b->len = at;
      b->data[at] = '\0';
      if (!mark)
        break;
    }
}

static void
prompt_word_rubout (struct buf *b)
{
  while (b->len && b->data[b->len - 1] == ' ')
    b->data[--b->len] = '\0';
  while (b->len && b->data[b->len - 1] != ' ')
    prompt_backspace (b);
}

static void
prompt_draw (const char *label, const struct buf *b)
{
  int y = LINES - 1;
  attr_t a = colour_attr (COLOUR_NORMAL);
  draw_fill (stdscr, y, 0, COLS, a);
  int x = draw_str (stdscr, y, 0, COLS - 1, label, colour_attr (COLOUR_MESSAGE));
  int room = COLS - 1 - x;
  const char *s = b->data ? b->data : "";
  size_t n = b->len;
  /* Show the end of a text too long for the line. */
  while (n && text_width (s, n) > room)
    {
      size_t skip = text_fit (s, n, 1, NULL);
      if (skip == 0)
        skip = 1;
      s += skip;
      n -= skip;
    }
  x += draw_text (stdscr, y, x, room, s, n, a);
  move (y, MIN (x, COLS - 1));
  refresh ();
}

char *
prompt_read (struct ui *ui, const char *label, const char *initial)
{
  struct buf b = BUF_INIT;
  buf_adds (&b, initial ? initial : "");
  curs_set (1);
  char *result = NULL;
  for (;;)
    {
      prompt_draw (label, &b);
      int key = ui_getkey ();
      if (ui_interrupted ())
        break;
      if (key < 0)
        continue;
      if (key == KEYMAP_FKEY (KEY_RESIZE))
        {
          ui_draw (ui);
          continue;
        }
      if (key == '\n' || key == '\r' || key == KEYMAP_FKEY (KEY_ENTER))
        {
          result = buf_steal (&b);
          break;
        }
      if (key == 27 || key == KEYMAP_CTRL ('G') || key == KEYMAP_CTRL ('C'))
        break;
      if (key == KEYMAP_FKEY (KEY_BACKSPACE) || key == 127 || key == 8)
        {
          if (b.len == 0)
            break;
          prompt_backspace (&b);
        }
      else if (key == KEYMAP_CTRL ('U'))
        buf_reset (&b);
      else if (key == KEYMAP_CTRL ('W'))
        prompt_word_rubout (&b);
      else if (!KEYMAP_IS_FKEY (key) && key >= 0x20 && key != 0x7f
               && !(key >= 0x80 && key < 0xa0))
        {
          uint8_t tmp[6];
          int len = u8_uctomb (tmp, (ucs4_t) key, sizeof tmp);
          if (len > 0)
            buf_add (&b, tmp, (size_t) len);
        }
    }
  buf_free (&b);
  curs_set (0);
  return result;
}
