/* text-width.c: display columns, fitting and UAX #14 wrapping.

   Widths come from uc_width with the "UTF-8" encoding (East Asian ambiguous
   characters are narrow); control characters, which text_decode has removed
   from article text but which other strings may hold, count 0. */
#include "system.h"
#include "text.h"

#include <limits.h>
#include <unigbrk.h>
#include <unictype.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

static inline int
text_uc_width (ucs4_t uc)
{
  int w = uc_width (uc, "UTF-8");
  return w < 0 ? 0 : w;
}

int
text_width (const char *str, size_t n)
{
  const uint8_t *s = (const uint8_t *) str;
  size_t w = 0, i = 0;
  while (i < n)
    {
      if (s[i] < 0x80)
        {
          w += s[i] >= 0x20 && s[i] < 0x7f;
          i++;
          continue;
        }
      ucs4_t uc;
      i += u8_mbtouc (&uc, s + i, n - i);
      w += text_uc_width (uc);
    }
  return w > INT_MAX ? INT_MAX : (int) w;
}

/* The end of the grapheme cluster that starts at s[i].  u8_grapheme_next
   of libunistring 1.0 neither pairs regional indicators nor keeps emoji
   ZWJ sequences together (GB11-GB13), so those are added here. */
static size_t
text_cluster_end (const uint8_t *s, size_t n, size_t i)
{
  /* An ASCII character followed by ASCII is a cluster of its own (CR LF
     aside, which does not matter here: both are 0 columns wide). */
  if (s[i] < 0x80 && (i + 1 == n || s[i + 1] < 0x80))
    return i + 1;
  const uint8_t *e = u8_grapheme_next (s + i, s + n);
  size_t end = e && e > s + i ? (size_t) (e - s) : i + 1;
  ucs4_t first, last = 0, next;
  u8_mbtouc (&first, s + i, n - i);
  for (size_t j = i; j < end;)
    j += u8_mbtouc (&last, s + j, end - j);
  while (end < n)
    {
      int k = u8_mbtouc (&next, s + end, n - end);
      bool ri = first >= 0x1f1e6 && first <= 0x1f1ff
        && next >= 0x1f1e6 && next <= 0x1f1ff && end - i == 4;
      if (!ri && !(last == 0x200d && uc_is_property_extended_pictographic (next)))
        break;
      e = u8_grapheme_next (s + end, s + n);
      size_t more = e && e > s + end ? (size_t) (e - s) : end + k;
      for (size_t j = end; j < more;)
        j += u8_mbtouc (&last, s + j, more - j);
      end = more;
    }
  return end;
}

size_t
text_fit (const char *str, size_t n, int cols, int *used)
{
  const uint8_t *s = (const uint8_t *) str;
  size_t i = 0;
  int w = 0;
  while (i < n)
    {
      size_t e = text_cluster_end (s, n, i);
      int cw = text_width (str + i, e - i);
      if (cw > cols - w)
        break;
      w += cw;
      i = e;
    }
  if (used)
    *used = w;
  return i;
}

static void
text_add_line (struct text_line **lines, size_t *alloc, size_t *count,
               size_t off, size_t len, int width)
{
  if (*count >= *alloc)
    *lines = xgrow (*lines, alloc, *count + 1, sizeof **lines);
  (*lines)[(*count)++] = (struct text_line) { off, len, width };
}

/* s[a..b) is one line as UAX #14 chose it: drops the spaces at its end and
   cuts what is still too wide (a long word) with text_fit. */
static void
text_wrap_line (const char *s, size_t a, size_t b, int cols,
                struct text_line **lines, size_t *alloc, size_t *count)
{
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
    b--;
  int w = text_width (s + a, b - a);
  bool cut = false;
  while (w > cols)
    {
      int used;
      size_t k = text_fit (s + a, b - a, cols, &used);
      if (k == 0)
        {
          /* One character wider than the screen: alone on its line. */
          k = text_cluster_end ((const uint8_t *) s, b, a) - a;
          used = text_width (s + a, k);
        }
      text_add_line (lines, alloc, count, a, k, used);
      a += k;
      w -= used;
      cut = true;
    }
  if (a < b || !cut)
    text_add_line (lines, alloc, count, a, b - a, w);
}

/* Greedy UAX #14 wrapping: u8_possible_linebreaks gives the opportunities;
   a line ends at the last one before its visible width (without the spaces
   at its end, which hang) would pass cols.  u8_width_linebreaks counts those
   spaces, so "aaaa bbbb cccc" at 9 columns would lose its exact fit. */
size_t
text_wrap (const char *str, size_t n, int cols, struct text_line **lines,
           size_t *alloc)
{
  size_t count = 0;
  if (cols < 1)
    cols = 1;
  if (n == 0)
    {
      text_add_line (lines, alloc, &count, 0, 0, 0);
      return count;
    }

  const uint8_t *s = (const uint8_t *) str;
  char stack[1024];
  char *brk = n <= sizeof stack ? stack : xmalloc (n);
  u8_possible_linebreaks (s, n, "UTF-8", brk);

  size_t start = 0, last = 0;   /* the line, its last break opportunity */
  int w = 0;                    /* width of s[start..i) */
  for (size_t i = 0; i < n;)
    {
      ucs4_t uc;
      int k = u8_mbtouc (&uc, s + i, n - i);
      if (brk[i] == UC_BREAK_MANDATORY || brk[i] == UC_BREAK_CR_BEFORE_LF)
        {
          /* s[i] is the line break character (or CR of CR LF). */
          text_wrap_line (str, start, i, cols, lines, alloc, &count);
          i += brk[i] == UC_BREAK_CR_BEFORE_LF ? 2 : k;
          start = last = i, w = 0;
          continue;
        }
      if (brk[i] == UC_BREAK_POSSIBLE && i > start)
        last = i;
      int cw = s[i] < 0x80 ? s[i] >= 0x20 && s[i] < 0x7f
                           : text_width (str + i, k);
      if (uc != ' ' && w + cw > cols && last > start)
        {
          text_wrap_line (str, start, last, cols, lines, alloc, &count);
          start = last;
          w = text_width (str + start, i - start);
        }
      w += cw;
      i += k;
    }
  text_wrap_line (str, start, n, cols, lines, alloc, &count);
  if (brk != stack)
    free (brk);
  return count;
}
