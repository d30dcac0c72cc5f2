/* wdiff.c: word-level diff of two texts, paragraphs aligned first. */
#include "system.h"
#include "wdiff.h"

#include <math.h>

#include "lcs-bits.h"
#include "wordseq.h"

void
wdiff_params_init (struct wdiff_params *p)
{
  /* A re-translated paragraph of the samples (000 against 001) scores
     0.55-0.9 by the weighted Dice below; two different paragraphs of one
     story about the same people score under 0.3. */
  p->para_min = 0.4;
  p->move_min = 0.5;
  p->cleanup = true;
}

/* ======================================================================
   The token matcher: patience diff, histogram diff where nothing is
   unique, exact LCS on small regions.  Regions wait on an explicit stack,
   so no input can overflow the C stack; matches are collected unordered
   and sorted at the end (regions never overlap, so they form one chain).
   ====================================================================== */

#define WM_DP_CELLS (1u << 16)  /* exact LCS below this many cells */
#define WM_MAX_CHAIN 64         /* histogram: ignore keys more common */

struct wm_region
{
  size_t a0, a1, b0, b1;
};

struct wm_slot
{
  uint64_t key;
  uint32_t gen;               /* slot in use when gen == wm.gen */
  uint32_t ca, cb;            /* occurrences in the region's a and b */
  size_t pb;                  /* last position in b */
};

struct wm
{
  const uint64_t *a, *b;
  struct wdiff_match *out;
  size_t n, alloc;
  struct wm_region *stack;
  size_t sn, salloc;
  struct wm_slot *tab;
  size_t tcap;
  uint32_t gen;
  size_t *scratch;            /* LIS work space */
  size_t scratch_alloc;
  uint16_t *dp;               /* DP work space: lengths < 2^16 since
                                 na * nb <= WM_DP_CELLS */
  size_t dp_alloc;
  uint64_t *bp;               /* bit-parallel DP work space */
  size_t bp_alloc;
  size_t *bs;
  size_t bs_alloc;
};

static void
wm_emit (struct wm *w, size_t i, size_t j)
{
  w->out = xgrow (w->out, &w->alloc, w->n + 1, sizeof *w->out);
  w->out[w->n++] = (struct wdiff_match) { i, j };
}

static void
wm_push (struct wm *w, size_t a0, size_t a1, size_t b0, size_t b1)
{
  if (a0 >= a1 || b0 >= b1)
    return;
  w->stack = xgrow (w->stack, &w->salloc, w->sn + 1, sizeof *w->stack);
  w->stack[w->sn++] = (struct wm_region) { a0, a1, b0, b1 };
}

static struct wm_slot *
wm_slot (struct wm *w, uint64_t key)
{
  size_t mask = w->tcap - 1, i = (size_t) (key ^ (key >> 29)) & mask;
  while (w->tab[i].gen == w->gen && w->tab[i].key != key)
    i = (i + 1) & mask;
  struct wm_slot *s = &w->tab[i];
  if (s->gen != w->gen)
    {
      s->gen = w->gen;
      s->key = key;
      s->ca = s->cb = 0;
    }
  return s;
}

/* Counts the keys of a region into the table. */
static void
wm_count (struct wm *w, const struct wm_region *r)
{
  size_t need = 16;
  while (need < 2 * (r->a1 - r->a0 + r->b1 - r->b0))
    need *= 2;
  if (need > w->tcap || w->gen == UINT32_MAX)
    {
      free (w->tab);
      w->tab = xcalloc (need, sizeof *w->tab);
      w->tcap = need;
      w->gen = 0;
    }
  /* A bigger table than needed is fine: it is only probed. */
  w->gen++;
  for (size_t i = r->a0; i < r->a1; i++)
    {
      struct wm_slot *s = wm_slot (w, w->a[i]);
      if (s->ca < UINT32_MAX)
        s->ca++;
    }
  for (size_t j = r->b0; j < r->b1; j++)
    {
      struct wm_slot *s = wm_slot (w, w->b[j]);
      if (s->cb < UINT32_MAX)
        s->cb++;
      s->pb = j;
    }
}

/* Exact LCS by dynamic programming, a cell at a time (the region is
   tiny: see wm_dp). */
static void
wm_dp_cells (struct wm *w, const struct wm_region *r)
{
  size_t na = r->a1 - r->a0, nb = r->b1 - r->b0, cols = nb + 1;
  w->dp = xgrow (w->dp, &w->dp_alloc, (na + 1) * cols, sizeof *w->dp);
  uint16_t *L = w->dp;        /* L[i][j]: LCS of a[i..] and b[j..] */
  const uint64_t *a = w->a + r->a0, *b = w->b + r->b0;
  for (size_t j = 0; j <= nb; j++)
    L[na * cols + j] = 0;
  for (size_t i = na; i-- > 0;)
    {
      uint16_t *row = L + i * cols, *below = row + cols;
      uint64_t ai = a[i];
      row[nb] = 0;
      for (size_t j = nb; j-- > 0;)
        row[j] = ai == b[j] ? (uint16_t) (below[j + 1] + 1)
                            : MAX (below[j], row[j + 1]);
    }
  for (size_t i = 0, j = 0; i < na && j < nb;)
    if (a[i] == b[j])
      wm_emit (w, r->a0 + i++, r->b0 + j++);
    else if (L[(i + 1) * cols + j] >= L[i * cols + j + 1])
      i++;
    else
      j++;
}

/* Exact LCS of a small region: the matching of the dynamic program
   L[i][j] = LCS (a[i..], b[j..]) walked from (0, 0) (a match when the keys
   are equal, else down when L[i+1][j] >= L[i][j+1], else right), with the
   rows of L computed bit-parallel (Hyyro) over the reversed sequences: row
   k is a vector V_k of nb bits, and the LCS of the last k keys of a and
   the last t of b is t minus the ones among the first t bits of V_k.
   Filling L a cell at a time took 5% of byline index with reprint
   detection (most of the verification of candidate pairs): 256 x 256
   keys took 185 us, 10 us this way. */
static void
wm_dp_bits (struct wm *w, const struct wm_region *r)
{
  size_t na = r->a1 - r->a0, nb = r->b1 - r->b0;
  size_t words = (nb + 63) / 64, cap = 16;
  const uint64_t *a = w->a + r->a0, *b = w->b + r->b0;
  while (cap < 2 * na)
    cap *= 2;
  /* bp: the hash table's keys, a row of match bits per distinct key of a
     (bit t: b[nb - 1 - t] is that key), V_0 .. V_na.  bs: the table's
     rows, the row of each key of a, the ones before each word of each V. */
  w->bp = xgrow (w->bp, &w->bp_alloc, cap + (2 * na + 1) * words,
                 sizeof *w->bp);
  w->bs = xgrow (w->bs, &w->bs_alloc, cap + na + (na + 1) * (words + 1),
                 sizeof *w->bs);
  uint64_t *hkey = w->bp, *pm = hkey + cap, *v = pm + na * words;
  size_t *hrow = w->bs, *arow = hrow + cap, *cum = arow + na;
  for (size_t h = 0; h < cap; h++)
    hrow[h] = SIZE_MAX;
  size_t rows = 0;
  for (size_t i = 0; i < na; i++)
    {
      size_t h = (size_t) wordseq_mix (a[i]) & (cap - 1);
      while (hrow[h] != SIZE_MAX && hkey[h] != a[i])
        h = (h + 1) & (cap - 1);
      if (hrow[h] == SIZE_MAX)
        {
          hkey[h] = a[i], hrow[h] = rows;
          memset (pm + rows * words, 0, words * sizeof *pm);
          rows++;
        }
      arow[i] = hrow[h];
    }
  for (size_t t = 0; t < nb; t++)
    {
      uint64_t key = b[nb - 1 - t];
      size_t h = (size_t) wordseq_mix (key) & (cap - 1);
      while (hrow[h] != SIZE_MAX && hkey[h] != key)
        h = (h + 1) & (cap - 1);
      if (hrow[h] != SIZE_MAX)
        pm[hrow[h] * words + t / 64] |= UINT64_C (1) << (t % 64);
    }
  /* V_0 is all ones; V_k+1 adds a[na - 1 - k]. */
  for (size_t x = 0; x < words; x++)
    v[x] = ~UINT64_C (0);
  for (size_t k = 0; k < na; k++)
    {
      lcs_bits_step (v + k * words, pm + arow[na - 1 - k] * words,
                     v + (k + 1) * words, words);
    }
  for (size_t k = 0; k <= na; k++)
    {
      size_t *c = cum + k * (words + 1);
      const uint64_t *vk = v + k * words;
      c[0] = 0;
      for (size_t x = 0; x < words; x++)
        c[x + 1] = c[x] + lcs_bits_ones (vk[x]);
    }
#define WM_ONES(k, t)                                                   \
  (cum[(k) * (words + 1) + (t) / 64]                                    \
   + ((t) % 64 ? lcs_bits_ones                                          \
        (v[(k) * words + (t) / 64] & ((UINT64_C (1) << ((t) % 64)) - 1)) \
      : 0))
  for (size_t i = 0, j = 0; i < na && j < nb;)
    if (a[i] == b[j])
      wm_emit (w, r->a0 + i++, r->b0 + j++);
    else
      {
        /* L[i+1][j] = (nb-j) - ones (na-i-1, nb-j) and L[i][j+1] =
           (nb-j-1) - ones (na-i, nb-j-1): down when the first is not
           smaller. */
        size_t down = WM_ONES (na - i - 1, nb - j);
        size_t right = WM_ONES (na - i, nb - j - 1);
        if (down <= right + 1)
          i++;
        else
          j++;
      }
#undef WM_ONES
}

/* Exact LCS by dynamic programming (the region is small): a cell at a
   time below WM_DP_TINY cells, where that is faster, else bit-parallel.
   Both make the same matching. */
#define WM_DP_TINY 256

static void
wm_dp (struct wm *w, const struct wm_region *r)
{
  if ((r->a1 - r->a0) * (r->b1 - r->b0) <= WM_DP_TINY)
    wm_dp_cells (w, r);
  else
    wm_dp_bits (w, r);
}

/* Patience: the keys unique on both sides, longest increasing subsequence
   of their positions.  Returns false when no key is unique on both. */
static bool
wm_patience (struct wm *w, const struct wm_region *r)
{
  size_t na = r->a1 - r->a0, k = 0;
  /* scratch: [0,na) positions in a, [na,2na) in b, then tails, preds */
  w->scratch = xgrow (w->scratch, &w->scratch_alloc, 4 * na + 4,
                      sizeof *w->scratch);
  size_t *pa = w->scratch, *pb = pa + na, *tails = pb + na, *pred = tails + na;
  for (size_t i = r->a0; i < r->a1; i++)
    {
      struct wm_slot *s = wm_slot (w, w->a[i]);
      if (s->ca == 1 && s->cb == 1)
        pa[k] = i, pb[k] = s->pb, k++;
    }
  if (k == 0)
    return false;
  size_t len = 0;
  for (size_t x = 0; x < k; x++)
    {
      size_t lo = 0, hi = len;
      while (lo < hi)
        {
          size_t mid = (lo + hi) / 2;
          if (pb[tails[mid]] < pb[x])
            lo = mid + 1;
          else
            hi = mid;
        }
      pred[x] = lo ? tails[lo - 1] : SIZE_MAX;
      tails[lo] = x;
      if (lo == len)
        len++;
    }
  /* Walk the chain backwards; the gaps between anchors become regions. */
  size_t a1 = r->a1, b1 = r->b1;
  for (size_t x = tails[len - 1]; x != SIZE_MAX; x = pred[x])
    {
      wm_emit (w, pa[x], pb[x]);
      wm_push (w, pa[x] + 1, a1, pb[x] + 1, b1);
      a1 = pa[x], b1 = pb[x];
    }
  wm_push (w, r->a0, a1, r->b0, b1);
  return true;
}

/* Histogram: the rarest common key, the longest run through one of its
   occurrences.  Returns false when every common key is too frequent. */
static bool
wm_histogram (struct wm *w, const struct wm_region *r)
{
  struct wm_slot *best = NULL;
  for (size_t i = r->a0; i < r->a1; i++)
    {
      struct wm_slot *s = wm_slot (w, w->a[i]);
      if (s->cb == 0 || s->ca > WM_MAX_CHAIN || s->cb > WM_MAX_CHAIN)
        continue;
      if (best == NULL || s->ca + s->cb < best->ca + best->cb)
        best = s;
    }
  if (best == NULL)
    return false;
  uint64_t key = best->key;
  size_t bi = 0, bj = 0, blen = 0, bs = 0;
  for (size_t i = r->a0; i < r->a1; i++)
    if (w->a[i] == key)
      for (size_t j = r->b0; j < r->b1; j++)
        if (w->b[j] == key)
          {
            size_t s = 0, e = 1;
            while (i - s > r->a0 && j - s > r->b0
                   && w->a[i - s - 1] == w->b[j - s - 1])
              s++;
            while (i + e < r->a1 && j + e < r->b1 && w->a[i + e] == w->b[j + e])
              e++;
            if (s + e > blen)
              blen = s + e, bi = i - s, bj = j - s, bs = s;
          }
  (void) bs;
  for (size_t x = 0; x < blen; x++)
    wm_emit (w, bi + x, bj + x);
  wm_push (w, r->a0, bi, r->b0, bj);
  wm_push (w, bi + blen, r->a1, bj + blen, r->b1);
  return true;
}

static void
wm_region (struct wm *w, struct wm_region r)
{
  while (r.a0 < r.a1 && r.b0 < r.b1 && w->a[r.a0] == w->b[r.b0])
    wm_emit (w, r.a0++, r.b0++);
  while (r.a0 < r.a1 && r.b0 < r.b1 && w->a[r.a1 - 1] == w->b[r.b1 - 1])
    wm_emit (w, --r.a1, --r.b1);
  if (r.a0 == r.a1 || r.b0 == r.b1)
    return;
  size_t na = r.a1 - r.a0, nb = r.b1 - r.b0;
  if (na <= WM_DP_CELLS / nb)
    {
      wm_dp (w, &r);
      return;
    }
  wm_count (w, &r);
  if (!wm_patience (w, &r))
    wm_histogram (w, &r);
}

size_t
wdiff_match_keys (const uint64_t *a, size_t n, const uint64_t *b, size_t m,
                  struct wdiff_match **out, size_t *alloc)
{
  struct wm w = { .a = a, .b = b, .out = *out, .alloc = *alloc };
  wm_push (&w, 0, n, 0, m);
  while (w.sn)
    {
      struct wm_region r = w.stack[--w.sn];
      wm_region (&w, r);
    }
  if (w.n > 1)
    {
      /* Each position of a is matched at most once: place them by it. */
      size_t *at = xmalloc (n * sizeof *at);
      for (size_t i = 0; i < n; i++)
        at[i] = SIZE_MAX;
      for (size_t x = 0; x < w.n; x++)
        at[w.out[x].a] = w.out[x].b;
      size_t k = 0;
      for (size_t i = 0; i < n; i++)
        if (at[i] != SIZE_MAX)
          w.out[k++] = (struct wdiff_match) { i, at[i] };
      free (at);
    }
  free (w.stack);
  free (w.tab);
  free (w.scratch);
  free (w.dp);
  free (w.bp);
  free (w.bs);
  *out = w.out;
  *alloc = w.alloc;
  return w.n;
}

/* ======================================================================
   Sides: paragraphs and tokens.
   ====================================================================== */

struct side
{
  const char *text;
  size_t len;
  struct wordseq ws;
  uint64_t *keys;             /* ws.v[i].key, contiguous for the matcher */
  struct wdiff_range *paras;
  size_t n_paras, paras_alloc;
  size_t *first;              /* paragraph p's tokens: [first[p], first[p+1]) */
  size_t first_alloc;
};

static bool
side_blank_line (const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
      return false;
  return true;
}

static void
side_add_para (struct side *sd, size_t off, size_t end)
{
  size_t before = sd->ws.n;
  if (wordseq_add (&sd->ws, sd->text, off, end - off) == 0)
    return;
  sd->paras = xgrow (sd->paras, &sd->paras_alloc, sd->n_paras + 1,
                     sizeof *sd->paras);
  sd->first = xgrow (sd->first, &sd->first_alloc, sd->n_paras + 2,
                     sizeof *sd->first);
  sd->first[sd->n_paras] = before;
  sd->first[sd->n_paras + 1] = sd->ws.n;
  /* The paragraph spans its tokens (no surrounding spaces). */
  size_t s = sd->ws.v[before].off;
  size_t e = sd->ws.v[sd->ws.n - 1].off + sd->ws.v[sd->ws.n - 1].len;
  sd->paras[sd->n_paras++] = (struct wdiff_range) { s, e - s };
}

/* Paragraphs are separated by blank lines. */
static void
side_init (struct side *sd, const char *text, size_t len)
{
  memset (sd, 0, sizeof *sd);
  sd->text = text;
  sd->len = len;
  sd->first = xgrow (NULL, &sd->first_alloc, 1, sizeof *sd->first);
  sd->first[0] = 0;
  size_t start = 0, i = 0;
  bool in_para = false;
  while (i < len)
    {
      const char *nl = memchr (text + i, '\n', len - i);
      size_t e = nl ? (size_t) (nl - text) : len;
      bool blank = side_blank_line (text + i, e - i);
      if (blank && in_para)
        side_add_para (sd, start, i), in_para = false;
      else if (!blank && !in_para)
        start = i, in_para = true;
      i = nl ? e + 1 : len;
    }
  if (in_para)
    side_add_para (sd, start, len);
  sd->keys = xmalloc ((sd->ws.n + 1) * sizeof *sd->keys);
  for (size_t t = 0; t < sd->ws.n; t++)
    sd->keys[t] = sd->ws.v[t].key;
}

static void
side_free (struct side *sd)
{
  wordseq_free (&sd->ws);
  free (sd->keys);
  free (sd->first);
  /* paras are handed to struct wdiff */
}

/* ======================================================================
   Small tools: sorting word keys without a comparison callback, and a
   table from keys to small integers.  qsort with callbacks (bags, document
   frequencies, postings) and bsearch took a third of wdiff_run's time on
   the reprint versions of byline index.
   ====================================================================== */

/* Sorts v[0..n) ascending: insertion sort for short runs, else quicksort
   (median of three) with the smaller side on an explicit stack. */
static void
keys_sort (uint64_t *v, size_t n)
{
  size_t lo_stack[64], hi_stack[64], sp = 0;
  size_t lo = 0, hi = n;
  for (;;)
    {
      while (hi - lo > 16)
        {
          size_t mid = lo + (hi - lo) / 2;
          uint64_t a = v[lo], b = v[mid], c = v[hi - 1];
          uint64_t pivot = a < b ? (b < c ? b : a < c ? c : a)
                                 : (a < c ? a : b < c ? c : b);
          size_t i = lo, j = hi - 1;
          for (;;)
            {
              while (v[i] < pivot)
                i++;
              while (v[j] > pivot)
                j--;
              if (i >= j)
                break;
              uint64_t t = v[i];
              v[i] = v[j];
              v[j] = t;
              i++;
              j--;
            }
          /* [lo, j] <= pivot <= [j+1, hi) */
          size_t split = j + 1;
          if (split - lo < hi - split)
            {
              lo_stack[sp] = split, hi_stack[sp++] = hi;
              hi = split;
            }
          else
            {
              lo_stack[sp] = lo, hi_stack[sp++] = split;
              lo = split;
            }
        }
      for (size_t i = lo + 1; i < hi; i++)
        {
          uint64_t x = v[i];
          size_t j = i;
          for (; j > lo && v[j - 1] > x; j--)
            v[j] = v[j - 1];
          v[j] = x;
        }
      if (sp == 0)
        break;
      sp--;
      lo = lo_stack[sp];
      hi = hi_stack[sp];
    }
}

/* Open addressing from a key to a value (slot in use when val != 0). */
struct ktab
{
  uint64_t *key;
  size_t *val;
  size_t mask;
};

static void
ktab_init (struct ktab *t, size_t n)
{
  size_t cap = 16;
  while (cap < 2 * n)
    cap *= 2;
  t->key = xmalloc (cap * sizeof *t->key);
  t->val = xcalloc (cap, sizeof *t->val);
  t->mask = cap - 1;
}

/* The slot of 'key': t->val[slot] is 0 when it is not in the table yet.
   Keys are wordseq hashes, mixed already. */
static inline size_t
ktab_slot (const struct ktab *t, uint64_t key)
{
  size_t i = (size_t) (key ^ (key >> 29)) & t->mask;
  while (t->val[i] && t->key[i] != key)
    i = (i + 1) & t->mask;
  return i;
}

static void
ktab_free (struct ktab *t)
{
  free (t->key);
  free (t->val);
}

/* ======================================================================
   Paragraph similarity: a weighted Dice coefficient over the bags of word
   keys, each key weighted by its inverse paragraph frequency over both
   texts (log(1 + N/df)), so "the" and "said" count little and names
   count much.
   ====================================================================== */

struct bag_item
{
  uint64_t key;
  uint32_t count;
  double w;
};

struct bag
{
  struct bag_item *v;
  size_t n;
  double mass;
  uint64_t hash;              /* of the whole token sequence */
};

static void
bag_build (const struct side *sd, size_t p, struct bag *bg)
{
  size_t t0 = sd->first[p], t1 = sd->first[p + 1], nw = 0;
  for (size_t t = t0; t < t1; t++)
    nw += sd->ws.v[t].word;
  bool words_only = nw > 0;
  uint64_t *k = xmalloc ((t1 - t0 + 1) * sizeof *k);
  size_t nk = 0;
  bg->hash = 0;
  for (size_t t = t0; t < t1; t++)
    {
      bg->hash = wordseq_mix (bg->hash + sd->keys[t]);
      if (words_only && !sd->ws.v[t].word)
        continue;
      k[nk++] = sd->keys[t];
    }
  keys_sort (k, nk);
  bg->v = xmalloc ((nk + 1) * sizeof *bg->v);
  size_t u = 0;
  for (size_t i = 0; i < nk; i++)
    if (u && bg->v[u - 1].key == k[i])
      bg->v[u - 1].count++;
    else
      bg->v[u++] = (struct bag_item) { k[i], 1, 0 };
  bg->n = u;
  free (k);
}

/* Weights every bag item by its inverse paragraph frequency (each bag
   holds a key once, so its document frequency is the number of bags that
   hold it). */
static void
bags_weigh (struct bag *bags, size_t nbags)
{
  size_t n = 0;
  for (size_t i = 0; i < nbags; i++)
    n += bags[i].n;
  struct ktab df;
  ktab_init (&df, n);
  size_t *slot = xmalloc ((n + 1) * sizeof *slot), k = 0;
  for (size_t i = 0; i < nbags; i++)
    for (size_t j = 0; j < bags[i].n; j++)
      {
        size_t h = ktab_slot (&df, bags[i].v[j].key);
        df.key[h] = bags[i].v[j].key;
        df.val[h]++;
        slot[k++] = h;
      }
  /* A key's weight, computed once (-1: not yet). */
  double *w = xmalloc ((df.mask + 1) * sizeof *w);
  for (size_t h = 0; h <= df.mask; h++)
    w[h] = -1;
  k = 0;
  for (size_t i = 0; i < nbags; i++)
    {
      bags[i].mass = 0;
      for (size_t j = 0; j < bags[i].n; j++)
        {
          size_t h = slot[k++];
          if (w[h] < 0)
            w[h] = log (1.0 + (double) nbags / (double) df.val[h]);
          bags[i].v[j].w = w[h];
          bags[i].mass += bags[i].v[j].count * bags[i].v[j].w;
        }
    }
  free (w);
  free (slot);
  ktab_free (&df);
}

static double
bag_sim (const struct bag *x, const struct bag *y)
{
  if (x->mass + y->mass <= 0)
    return 0;
  double common = 0;
  for (size_t i = 0, j = 0; i < x->n && j < y->n;)
    if (x->v[i].key < y->v[j].key)
      i++;
    else if (x->v[i].key > y->v[j].key)
      j++;
    else
      {
        common += MIN (x->v[i].count, y->v[j].count) * x->v[i].w;
        i++, j++;
      }
  return 2 * common / (x->mass + y->mass);
}

/* ======================================================================
   Paragraph alignment.  Candidate pairs come from an inverted index over
   the left bags that skips keys in more than PARA_CAP paragraphs (they
   weigh little and would make it quadratic), plus identical paragraphs
   paired in order.  The in-order alignment is the chain of candidates
   with the greatest total similarity (weighted LIS, Fenwick tree); what is
   left pairs greedily, best first, as moved.
   ====================================================================== */

#define PARA_CAP 64

struct cand
{
  size_t p, q;                /* left, right paragraph */
  double sim;
};

/* A paragraph holding a key: which, how often, the key's weight. */
struct post
{
  size_t p;
  uint32_t count;
  double w;
};

/* The postings of the keys of bags[0..nb): key -> group (its slot's
   value, from 1) in kt, group v's postings at post[start[v-1] ..
   start[v]), in paragraph order. */
struct postings
{
  struct ktab kt;
  size_t *start;
  struct post *post;
};

static void
postings_build (const struct bag *bags, size_t nb, struct postings *ps)
{
  size_t np = 0, ng = 0;
  for (size_t p = 0; p < nb; p++)
    np += bags[p].n;
  ktab_init (&ps->kt, np);
  ps->start = xcalloc (np + 2, sizeof *ps->start);
  size_t *group = xmalloc ((np + 1) * sizeof *group), k = 0;
  for (size_t p = 0; p < nb; p++)
    for (size_t j = 0; j < bags[p].n; j++)
      {
        size_t h = ktab_slot (&ps->kt, bags[p].v[j].key);
        if (ps->kt.val[h] == 0)
          ps->kt.key[h] = bags[p].v[j].key, ps->kt.val[h] = ++ng;
        ps->start[ps->kt.val[h]]++;
        group[k++] = ps->kt.val[h] - 1;
      }
  for (size_t g = 1; g <= ng; g++)
    ps->start[g] += ps->start[g - 1];
  ps->post = xmalloc ((np + 1) * sizeof *ps->post);
  size_t *fill = xmalloc ((ng + 1) * sizeof *fill);
  memcpy (fill, ps->start, (ng + 1) * sizeof *fill);
  k = 0;
  for (size_t p = 0; p < nb; p++)
    for (size_t j = 0; j < bags[p].n; j++)
      ps->post[fill[group[k++]]++] = (struct post) {
        p, bags[p].v[j].count, bags[p].v[j].w
      };
  free (fill);
  free (group);
}

/* The postings of 'key': *lo and *hi bound them; false when none. */
static inline bool
postings_find (const struct postings *ps, uint64_t key, size_t *lo,
               size_t *hi)
{
  size_t g = ps->kt.val[ktab_slot (&ps->kt, key)];
  if (g == 0)
    return false;
  *lo = ps->start[g - 1];
  *hi = ps->start[g];
  return true;
}

static void
postings_free (struct postings *ps)
{
  ktab_free (&ps->kt);
  free (ps->start);
  free (ps->post);
}

struct hpara
{
  uint64_t hash;
  size_t idx;
};

static int
hpara_cmp (const void *x, const void *y)
{
  const struct hpara *a = x, *b = y;
  if (a->hash != b->hash)
    return a->hash < b->hash ? -1 : 1;
  return (a->idx > b->idx) - (a->idx < b->idx);
}

static void
cand_add (struct cand **c, size_t *n, size_t *alloc, size_t p, size_t q,
          double sim)
{
  *c = xgrow (*c, alloc, *n + 1, sizeof **c);
  (*c)[(*n)++] = (struct cand) { p, q, sim };
}

static size_t
para_candidates (struct bag *L, size_t nl, struct bag *R, size_t nr,
                 double min, struct cand **out)
{
  size_t n = 0, alloc = 0;
  *out = xgrow (NULL, &alloc, 1, sizeof **out);   /* never NULL */
  struct postings ps;
  postings_build (L, nl, &ps);
  const struct post *post = ps.post;

  double *acc = xcalloc (nl + 1, sizeof *acc);
  size_t *touched = xmalloc ((nl + 1) * sizeof *touched), nt = 0;
  for (size_t q = 0; q < nr; q++)
    {
      nt = 0;
      for (size_t j = 0; j < R[q].n; j++)
        {
          const struct bag_item *it = &R[q].v[j];
          size_t lo, e;
          if (!postings_find (&ps, it->key, &lo, &e) || e - lo > PARA_CAP)
            continue;
          for (size_t x = lo; x < e; x++)
            {
              if (acc[post[x].p] == 0)
                touched[nt++] = post[x].p;
              acc[post[x].p] += MIN (post[x].count, it->count) * it->w;
            }
        }
      for (size_t t = 0; t < nt; t++)
        {
          size_t p = touched[t];
          /* The capped keys are the common ones and weigh little: a pair
             far below the threshold without them stays below with them. */
          if (2 * acc[p] / (L[p].mass + R[q].mass) >= min / 2)
            {
              double s = bag_sim (&L[p], &R[q]);
              if (s >= min)
                cand_add (out, &n, &alloc, p, q, s);
            }
          acc[p] = 0;
        }
    }
  free (acc);
  free (touched);
  postings_free (&ps);

  /* Identical paragraphs (even made only of common words), k-th with k-th. */
  struct hpara *h = xmalloc ((nl + nr + 1) * sizeof *h);
  for (size_t p = 0; p < nl; p++)
    h[p] = (struct hpara) { L[p].hash, p };
  for (size_t q = 0; q < nr; q++)
    h[nl + q] = (struct hpara) { R[q].hash, nl + q };
  qsort (h, nl + nr, sizeof *h, hpara_cmp);
  for (size_t i = 0; i < nl + nr;)
    {
      size_t j = i, m = i;
      while (j < nl + nr && h[j].hash == h[i].hash)
        j++;
      while (m < j && h[m].idx < nl)
        m++;
      for (size_t k = 0; i + k < m && m + k < j; k++)
        cand_add (out, &n, &alloc, h[i + k].idx, h[m + k].idx - nl, 1.0);
      i = j;
    }
  free (h);
  return n;
}

static int
cand_cmp_chain (const void *x, const void *y)
{
  const struct cand *a = x, *b = y;
  if (a->p != b->p)
    return a->p < b->p ? -1 : 1;
  return (a->q < b->q) - (a->q > b->q);      /* q descending */
}

static int
cand_cmp_sim (const void *x, const void *y)
{
  const struct cand *a = x, *b = y;
  if (a->sim != b->sim)
    return a->sim > b->sim ? -1 : 1;
  if (a->p != b->p)
    return a->p < b->p ? -1 : 1;
  return (a->q > b->q) - (a->q < b->q);
}

/* Fills ml[p] (right paragraph of left p, or -1) and mr[q], and moved[]
   (by right paragraph). */
static void
para_align (struct cand *c, size_t nc, size_t nl, size_t nr,
            const struct wdiff_params *prm, ptrdiff_t *ml, ptrdiff_t *mr,
            bool *moved)
{
  for (size_t p = 0; p < nl; p++)
    ml[p] = -1;
  for (size_t q = 0; q < nr; q++)
    mr[q] = -1, moved[q] = false;

  /* Weighted LIS: dp[x] = sim[x] + best dp over candidates left and above. */
  qsort (c, nc, sizeof *c, cand_cmp_chain);
  double *dp = xmalloc ((nc + 1) * sizeof *dp);
  size_t *prev = xmalloc ((nc + 1) * sizeof *prev);
  double *fv = xcalloc (nr + 1, sizeof *fv);
  size_t *fi = xmalloc ((nr + 1) * sizeof *fi);
  for (size_t i = 0; i <= nr; i++)
    fi[i] = SIZE_MAX;
  size_t best = SIZE_MAX;
  for (size_t x = 0; x < nc; x++)
    {
      if (c[x].sim < prm->para_min)
        {
          dp[x] = -1;
          continue;
        }
      double bv = 0;
      size_t bi = SIZE_MAX;
      for (size_t i = c[x].q; i > 0; i -= i & -i)  /* prefix [0, q) */
        if (fi[i] != SIZE_MAX && fv[i] > bv)
          bv = fv[i], bi = fi[i];
      dp[x] = bv + c[x].sim;
      prev[x] = bi;
      for (size_t i = c[x].q + 1; i <= nr; i += i & -i)
        if (fi[i] == SIZE_MAX || dp[x] > fv[i])
          fv[i] = dp[x], fi[i] = x;
      if (best == SIZE_MAX || dp[x] > dp[best])
        best = x;
    }
  for (size_t x = best; x != SIZE_MAX; x = prev[x])
    {
      ml[c[x].p] = (ptrdiff_t) c[x].q;
      mr[c[x].q] = (ptrdiff_t) c[x].p;
    }
  free (dp);
  free (prev);
  free (fv);
  free (fi);

  /* What is left: moved paragraphs, best first. */
  qsort (c, nc, sizeof *c, cand_cmp_sim);
  for (size_t x = 0; x < nc; x++)
    if (c[x].sim >= prm->move_min && ml[c[x].p] < 0 && mr[c[x].q] < 0)
      {
        ml[c[x].p] = (ptrdiff_t) c[x].q;
        mr[c[x].q] = (ptrdiff_t) c[x].p;
        moved[c[x].q] = true;
      }
}

#define GAP_MIN 0.2             /* pairing threshold between anchors */
#define GAP_MAX_PAIRS 256       /* gaps larger than this stay unpaired */

/* Unmatched paragraphs in the same gap between two in-order pairs are the
   same place in both texts: pair them in order at a lower threshold, so a
   short paragraph whose one word changed ("Their craft." and "Their
   crafts.") is an edit rather than a deletion and an insertion. */
static void
para_gaps (const struct bag *L, size_t nl, const struct bag *R, size_t nr,
           ptrdiff_t *ml, ptrdiff_t *mr, const bool *moved)
{
  size_t p = 0, q = 0;
  while (p <= nl && q <= nr)
    {
      /* The next in-order anchor (or the ends). */
      size_t pe = p, qe;
      while (pe < nl && (ml[pe] < 0 || moved[ml[pe]]))
        pe++;
      qe = pe < nl ? (size_t) ml[pe] : nr;
      if (qe < q)
        qe = q;
      size_t lp = 0, lq = 0;
      for (size_t i = p; i < pe; i++)
        lp += ml[i] < 0;
      for (size_t j = q; j < qe; j++)
        lq += mr[j] < 0;
      if (lp && lq && lp * lq <= GAP_MAX_PAIRS)
        {
          size_t from = q;
          for (size_t i = p; i < pe; i++)
            {
              if (ml[i] >= 0)
                continue;
              size_t bj = SIZE_MAX;
              double bs = GAP_MIN;
              for (size_t j = from; j < qe; j++)
                if (mr[j] < 0)
                  {
                    double s = bag_sim (&L[i], &R[j]);
                    if (s >= bs)
                      bs = s, bj = j;
                  }
              if (bj != SIZE_MAX)
                {
                  ml[i] = (ptrdiff_t) bj;
                  mr[bj] = (ptrdiff_t) i;
                  from = bj + 1;
                }
            }
        }
      p = pe + 1;
      q = qe + 1;
    }
}

#define ECHO_MIN 0.6             /* share of the right paragraph's weight */
#define ECHO_MIN_WORDS 6

/* A deleted left paragraph that contains most of a right paragraph already
   aligned elsewhere (a photo caption repeating a sentence of the body, a
   dek repeating the lead) echoes it: echo[p] is that paragraph, else -1.
   Only left paragraphs: a pair shows the left text against the right. */
static void
para_echoes (const struct bag *L, size_t nl, const struct bag *R, size_t nr,
             const ptrdiff_t *ml, ptrdiff_t *echo)
{
  size_t *words = NULL;
  double *common = NULL;
  struct postings ps;
  for (size_t i = 0; i < nl; i++)
    {
      echo[i] = -1;
      if (ml[i] >= 0 || nl * nr > 65536)
        continue;
      if (words == NULL)
        {
          /* The right paragraphs' words, counted once, and the postings
             of their keys. */
          words = xcalloc (nr + 1, sizeof *words);
          for (size_t j = 0; j < nr; j++)
            for (size_t k = 0; k < R[j].n; k++)
              words[j] += R[j].v[k].count;
          common = xcalloc (nr + 1, sizeof *common);
          postings_build (R, nr, &ps);
        }
      /* The weight of L[i]'s words in each right paragraph, added up key
         by key in key order (as a merge of the two bags would). */
      const struct bag *x = &L[i];
      for (size_t a = 0; a < x->n; a++)
        {
          size_t lo, hi;
          if (postings_find (&ps, x->v[a].key, &lo, &hi))
            for (size_t e = lo; e < hi; e++)
              common[ps.post[e].p] += MIN (x->v[a].count, ps.post[e].count)
                                      * ps.post[e].w;
        }
      double best = ECHO_MIN;
      for (size_t j = 0; j < nr; j++)
        {
          const struct bag *y = &R[j];
          double c = common[j];
          common[j] = 0;
          if (y->mass <= 0 || words[j] < ECHO_MIN_WORDS)
            continue;
          if (c / y->mass >= best)
            best = c / y->mass, echo[i] = (ptrdiff_t) j;
        }
    }
  if (words)
    postings_free (&ps);
  free (words);
  free (common);
}

/* ======================================================================
   Word ops inside an aligned pair.
   ====================================================================== */

struct top                    /* an op over token indexes */
{
  enum wdiff_kind kind;
  size_t a0, a1, b0, b1;
};

struct ops
{
  struct top *v;
  size_t n, alloc;
};

static void
ops_push (struct ops *o, enum wdiff_kind k, size_t a0, size_t a1, size_t b0,
          size_t b1)
{
  o->v = xgrow (o->v, &o->alloc, o->n + 1, sizeof *o->v);
  o->v[o->n++] = (struct top) { k, a0, a1, b0, b1 };
}

static void
ops_change (struct ops *o, size_t a0, size_t a1, size_t b0, size_t b1)
{
  if (a0 == a1 && b0 == b1)
    return;
  ops_push (o, a0 == a1 ? WDIFF_INSERT : b0 == b1 ? WDIFF_DELETE
            : WDIFF_REPLACE, a0, a1, b0, b1);
}

static size_t
top_size (const struct top *t)
{
  return MAX (t->a1 - t->a0, t->b1 - t->b0);
}

/* Semantic clean-up: an unchanged run of at most two tokens between two
   changes is folded into them when it is shorter than both, or no longer
   than two replacements, so "[-a-]{+b+} the [-c-]{+d+}" reads
   "[-a the c-]{+b the d+}" while "one [-two-] three {+four+}" stays. */
static void
ops_cleanup (struct ops *o)
{
  for (int pass = 0; pass < 2; pass++)
    {
      size_t w = 0;
      for (size_t r = 0; r < o->n; r++)
        {
          o->v[w++] = o->v[r];
          if (w < 3)
            continue;
          struct top *x = &o->v[w - 3], *e = &o->v[w - 2], *y = &o->v[w - 1];
          size_t len = e->a1 - e->a0;
          if (x->kind == WDIFF_EQUAL || y->kind == WDIFF_EQUAL
              || e->kind != WDIFF_EQUAL || len > 2)
            continue;
          bool both_replace = x->kind == WDIFF_REPLACE
            && y->kind == WDIFF_REPLACE;
          if (both_replace
              ? len > top_size (x) || len > top_size (y)
              : len >= top_size (x) || len >= top_size (y))
            continue;
          x->kind = WDIFF_REPLACE;
          x->a1 = y->a1;
          x->b1 = y->b1;
          w -= 2;
        }
      o->n = w;
    }
}

/* ======================================================================
   Putting it together.
   ====================================================================== */

struct run
{
  struct side A, B;
  const struct wdiff_params *prm;
  struct wdiff *d;
  size_t ops_alloc, pairs_alloc;
  struct wdiff_match *m;
  size_t m_alloc;
  struct ops o;
};

static size_t
run_words (const struct side *sd, size_t t0, size_t t1)
{
  size_t n = 0;
  for (size_t t = t0; t < t1; t++)
    n += sd->ws.v[t].word;
  return n;
}

/* Byte range of tokens [t0,t1) of paragraph p; an empty one sits after the
   token before it in the paragraph, or at the paragraph's start. */
static void
run_range (const struct side *sd, ptrdiff_t p, size_t t0, size_t t1,
           size_t *off, size_t *len)
{
  if (p < 0)
    {
      *off = 0, *len = 0;
      return;
    }
  if (t0 == t1)
    {
      *off = t0 > sd->first[p]
        ? sd->ws.v[t0 - 1].off + sd->ws.v[t0 - 1].len : sd->paras[p].off;
      *len = 0;
      return;
    }
  *off = sd->ws.v[t0].off;
  *len = sd->ws.v[t1 - 1].off + sd->ws.v[t1 - 1].len - *off;
}

/* 'echo': p is deleted, and diffed against q (aligned elsewhere) only for
   reading; the summary counts p as removed. */
static void
run_pair (struct run *r, ptrdiff_t p, ptrdiff_t q, bool moved, bool echo)
{
  struct wdiff *d = r->d;
  size_t a0 = p < 0 ? 0 : r->A.first[p], a1 = p < 0 ? 0 : r->A.first[p + 1];
  size_t b0 = q < 0 ? 0 : r->B.first[q], b1 = q < 0 ? 0 : r->B.first[q + 1];
  size_t eqw = 0;
  r->o.n = 0;
  if (p >= 0 && q >= 0)
    {
      size_t nm = wdiff_match_keys (r->A.keys + a0, a1 - a0, r->B.keys + b0,
                                    b1 - b0, &r->m, &r->m_alloc);
      size_t i = a0, j = b0;
      for (size_t x = 0; x < nm;)
        {
          size_t mi = a0 + r->m[x].a, mj = b0 + r->m[x].b, y = x + 1;
          while (y < nm && r->m[y].a == r->m[y - 1].a + 1
                 && r->m[y].b == r->m[y - 1].b + 1)
            y++;
          ops_change (&r->o, i, mi, j, mj);
          ops_push (&r->o, WDIFF_EQUAL, mi, mi + (y - x), mj, mj + (y - x));
          eqw += run_words (&r->A, mi, mi + (y - x));
          i = mi + (y - x), j = mj + (y - x);
          x = y;
        }
      ops_change (&r->o, i, a1, j, b1);
      if (r->prm->cleanup)
        ops_cleanup (&r->o);
    }
  else
    ops_change (&r->o, a0, a1, b0, b1);

  d->pairs = xgrow (d->pairs, &r->pairs_alloc, d->n_pairs + 1,
                    sizeof *d->pairs);
  struct wdiff_pair *pr = &d->pairs[d->n_pairs++];
  size_t aw = run_words (&r->A, a0, a1), bw = run_words (&r->B, b0, b1);
  pr->left = p;
  pr->right = q;
  pr->moved = moved;
  pr->echo = echo;
  pr->similarity = aw + bw ? 2.0 * eqw / (aw + bw) : (p >= 0 && q >= 0);
  pr->op = d->n_ops;
  pr->n_ops = r->o.n;
  d->ops = xgrow (d->ops, &r->ops_alloc, d->n_ops + r->o.n + 1,
                  sizeof *d->ops);
  for (size_t x = 0; x < r->o.n; x++)
    {
      const struct top *t = &r->o.v[x];
      struct wdiff_op *op = &d->ops[d->n_ops++];
      op->kind = t->kind;
      run_range (&r->A, p, t->a0, t->a1, &op->a_off, &op->a_len);
      run_range (&r->B, q, t->b0, t->b1, &op->b_off, &op->b_len);
      op->a_words = run_words (&r->A, t->a0, t->a1);
      op->b_words = run_words (&r->B, t->b0, t->b1);
      struct wdiff_summary *s = &d->sum;
      if (echo)
        continue;
      switch (op->kind)
        {
        case WDIFF_EQUAL:
          s->words_equal += op->a_words;
          break;
        case WDIFF_DELETE:
          s->words_removed += op->a_words;
          break;
        case WDIFF_INSERT:
          s->words_added += op->b_words;
          break;
        case WDIFF_REPLACE:
          {
            size_t c = MIN (op->a_words, op->b_words);
            s->words_changed += c;
            s->words_removed += op->a_words - c;
            s->words_added += op->b_words - c;
          }
          break;
        }
    }
  if (echo)
    {
      d->sum.words_removed += aw;
      d->sum.paras_removed++;
    }
  else if (p < 0)
    d->sum.paras_added++;
  else if (q < 0)
    d->sum.paras_removed++;
  else if (moved)
    d->sum.paras_moved++;
}

void
wdiff_run (const char *a, size_t alen, const char *b, size_t blen,
           const struct wdiff_params *prm, struct wdiff *d)
{
  struct wdiff_params defaults;
  if (prm == NULL)
    {
      wdiff_params_init (&defaults);
      prm = &defaults;
    }
  struct run r = { .prm = prm, .d = d };
  memset (d, 0, sizeof *d);
  d->a = a, d->a_len = alen, d->b = b, d->b_len = blen;
  side_init (&r.A, a, alen);
  side_init (&r.B, b, blen);
  size_t nl = r.A.n_paras, nr = r.B.n_paras;
  d->a_paras = r.A.paras, d->n_a_paras = nl;
  d->b_paras = r.B.paras, d->n_b_paras = nr;

  struct bag *bags = xmalloc ((nl + nr + 1) * sizeof *bags);
  for (size_t p = 0; p < nl; p++)
    bag_build (&r.A, p, &bags[p]);
  for (size_t q = 0; q < nr; q++)
    bag_build (&r.B, q, &bags[nl + q]);
  bags_weigh (bags, nl + nr);
  struct cand *c;
  size_t nc = para_candidates (bags, nl, bags + nl, nr,
                               MIN (prm->para_min, prm->move_min), &c);

  ptrdiff_t *ml = xmalloc ((nl + 1) * sizeof *ml);
  ptrdiff_t *mr = xmalloc ((nr + 1) * sizeof *mr);
  bool *moved = xmalloc ((nr + 1) * sizeof *moved);
  para_align (c, nc, nl, nr, prm, ml, mr, moved);
  para_gaps (bags, nl, bags + nl, nr, ml, mr, moved);
  ptrdiff_t *echo = xmalloc ((nl + 1) * sizeof *echo);
  para_echoes (bags, nl, bags + nl, nr, ml, echo);
  free (c);
  for (size_t i = 0; i < nl + nr; i++)
    free (bags[i].v);
  free (bags);

  /* Display order: right paragraphs in order (moved ones where they now
     are), each preceded by the left paragraphs deleted before its in-order
     partner. */
  size_t p = 0;
  for (size_t q = 0; q <= nr; q++)
    {
      if (q < nr && (mr[q] < 0 || moved[q]))
        {
          run_pair (&r, mr[q], (ptrdiff_t) q, moved[q], false);
          continue;
        }
      size_t stop = q < nr ? (size_t) mr[q] : nl;
      for (; p < stop; p++)
        if (ml[p] < 0)
          run_pair (&r, (ptrdiff_t) p, echo[p], false, echo[p] >= 0);
      if (q < nr)
        {
          run_pair (&r, (ptrdiff_t) p, (ptrdiff_t) q, false, false);
          p++;
        }
    }
  free (ml);
  free (mr);
  free (moved);
  free (echo);
  free (r.m);
  free (r.o.v);

  struct wdiff_summary *s = &d->sum;
  s->left_words = r.A.ws.words;
  s->right_words = r.B.ws.words;
  s->similarity = s->left_words + s->right_words
    ? 2.0 * s->words_equal / (s->left_words + s->right_words) : 1.0;
  side_free (&r.A);
  side_free (&r.B);
}

void
wdiff_free (struct wdiff *d)
{
  free (d->a_paras);
  free (d->b_paras);
  free (d->pairs);
  free (d->ops);
  memset (d, 0, sizeof *d);
}
