/* fuzz-tokens.c: text_tokenize (fast path against plain UAX #29),
   text_fold (fast paths against the slow one) on every token, then
   widths and wrapping of the repaired text. */
#include "system.h"

#include "buf.h"
#include "text.h"
#include "fuzz.h"

static void
fuzz_tokens_words (const char *s, size_t n)
{
  struct text_token *t = NULL, *u = NULL;
  size_t ta = 0, ua = 0;
  size_t nt = text_tokenize (s, n, &t, &ta);
  size_t nu = text_tokenize_uax29 (s, n, &u, &ua);
  FUZZ_CHECK (nt == nu);
  struct buf f = BUF_INIT, g = BUF_INIT;
  size_t words = 0, prev_end = 0;
  for (size_t i = 0; i < nt; i++)
    {
      FUZZ_CHECK (t[i].off == u[i].off && t[i].len == u[i].len
                  && t[i].word == u[i].word);
      FUZZ_CHECK (t[i].len > 0 && t[i].off >= prev_end
                  && t[i].off + t[i].len <= n);
      prev_end = t[i].off + t[i].len;
      words += t[i].word;
      text_fold (s + t[i].off, t[i].len, &f);
      text_fold_slow (s + t[i].off, t[i].len, &g);
      FUZZ_CHECK (f.data != NULL && g.data != NULL);
      FUZZ_CHECK (f.len == g.len && memcmp (f.data, g.data, f.len) == 0);
    }
  FUZZ_CHECK (text_count_words (s, n) == words);
  /* The whole input folds too (the search path folds whole fields). */
  text_fold (s, n, &f);
  buf_free (&f);
  buf_free (&g);
  free (t);
  free (u);
}

static void
fuzz_tokens_wrap (const char *s, size_t n, int cols)
{
  (void) text_width (s, n);
  int used = -1;
  size_t fit = text_fit (s, n, cols, &used);
  FUZZ_CHECK (fit <= n && used >= 0);

  struct text_line *l = NULL;
  size_t la = 0;
  size_t nl = text_wrap (s, n, cols, &l, &la);
  FUZZ_CHECK (nl >= 1);
  size_t prev_end = 0;
  for (size_t i = 0; i < nl; i++)
    {
      FUZZ_CHECK (l[i].off >= prev_end && l[i].off <= n
                  && l[i].len <= n - l[i].off);
      FUZZ_CHECK (l[i].width == text_width (s + l[i].off, l[i].len));
      prev_end = l[i].off + l[i].len;
    }
  free (l);
}

int
fuzz_tokens (const uint8_t *data, size_t size)
{
  if (size > 16384)
    return 0;
  const char *s = (const char *) data;
  fuzz_tokens_words (s, size);

  struct buf r = BUF_INIT;
  text_repair_utf8 (s, size, &r);
  fuzz_tokens_wrap (r.data, r.len, (int) (size % 61) - 1);
  buf_free (&r);
  return 0;
}

FUZZ_ENTRY (fuzz_tokens)
