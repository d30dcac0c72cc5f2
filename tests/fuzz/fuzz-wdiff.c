/* fuzz-wdiff.c: the word diff and both renderers.  The input is the left
   text, a form feed, the right text (no form feed: the right text is
   empty); the width of the side-by-side layout comes from the length. */
#include "system.h"

#include "buf.h"
#include "wdiff.h"
#include "fuzz.h"

int
fuzz_wdiff (const uint8_t *data, size_t size)
{
  if (size > 32768)
    return 0;
  const char *s = (const char *) data;
  const char *ff = memchr (s, '\f', size);
  const char *a = s, *b = ff ? ff + 1 : s + size;
  size_t alen = ff ? (size_t) (ff - s) : size;
  size_t blen = (size_t) (s + size - b);

  struct wdiff d;
  wdiff_run (a, alen, b, blen, NULL, &d);
  FUZZ_CHECK (d.sum.similarity >= 0 && d.sum.similarity <= 1);
  for (size_t i = 0; i < d.n_ops; i++)
    {
      const struct wdiff_op *op = &d.ops[i];
      FUZZ_CHECK (op->a_off <= alen && op->a_len <= alen - op->a_off);
      FUZZ_CHECK (op->b_off <= blen && op->b_len <= blen - op->b_off);
    }
  for (size_t i = 0; i < d.n_pairs; i++)
    {
      const struct wdiff_pair *p = &d.pairs[i];
      FUZZ_CHECK (p->left >= -1 && p->left < (ptrdiff_t) d.n_a_paras);
      FUZZ_CHECK (p->right >= -1 && p->right < (ptrdiff_t) d.n_b_paras);
      FUZZ_CHECK (p->op <= d.n_ops && p->n_ops <= d.n_ops - p->op);
    }

  struct buf out = BUF_INIT;
  int width = 13 + (int) (size % 120);
  for (int style = WDIFF_PLAIN; style <= WDIFF_ANSI; style++)
    {
      struct wdiff_lines l = WDIFF_LINES_INIT;
      wdiff_layout_side (&d, width, style, &l);
      for (size_t i = 0; i < l.n; i++)
        {
          const struct wdiff_line *ln = &l.v[i];
          FUZZ_CHECK (ln->width == 2 * l.col + 3);
          for (size_t k = 0; k < ln->n_spans; k++)
            FUZZ_CHECK (ln->spans[k].off <= ln->len
                        && ln->spans[k].len <= ln->len - ln->spans[k].off);
        }
      wdiff_lines_print (&l, style, &out);
      buf_reset (&out);
      wdiff_lines_free (&l);
    }
  wdiff_render_inline (&d, WDIFF_PLAIN, &out);
  buf_reset (&out);
  wdiff_render_inline (&d, WDIFF_ANSI, &out);
  buf_free (&out);
  wdiff_free (&d);

  /* Without the clean-up pass, as reprint verification compares. */
  struct wdiff_params p;
  wdiff_params_init (&p);
  p.cleanup = false;
  wdiff_run (a, alen, b, blen, &p, &d);
  wdiff_free (&d);
  return 0;
}

FUZZ_ENTRY (fuzz_wdiff)
