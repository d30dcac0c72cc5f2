/* cluster.c: verifying candidate reprint pairs and grouping them. */
#include "system.h"
#include "cluster.h"

#include "lcs-bits.h"
#include "wdiff.h"
#include "wordseq.h"

/* ---- verification ------------------------------------------------------- */

/* LSD radix sort of v[0..n), a byte at a time: several times faster than
   qsort with a comparison callback on the few hundred hashes of a text. */
static void
cluster_sort_u64 (uint64_t *v, size_t n)
{
  if (n < 2)
    return;
  uint64_t *tmp = xmalloc (n * sizeof *tmp), *src = v, *dst = tmp;
  for (unsigned shift = 0; shift < 64; shift += 8)
    {
      size_t count[257] = { 0 };
      for (size_t i = 0; i < n; i++)
        count[((src[i] >> shift) & 0xff) + 1]++;
      if (count[((src[0] >> shift) & 0xff) + 1] == n)
        continue;             /* all the same byte: nothing moves */
      for (size_t b = 1; b <= 256; b++)
        count[b] += count[b - 1];
      for (size_t i = 0; i < n; i++)
        dst[count[(src[i] >> shift) & 0xff]++] = src[i];
      uint64_t *t = src;
      src = dst, dst = t;
    }
  if (src != v)
    memcpy (v, src, n * sizeof *v);
  free (tmp);
}

void
cluster_text_init (struct cluster_text *t, const char *s, size_t n,
                   const struct reprint_params *p)
{
  struct wordseq ws = WORDSEQ_INIT;
  size_t alloc = 0;
  memset (t, 0, sizeof *t);
  t->n = wordseq_word_keys (&ws, s, n, &t->keys, &alloc, 0);
  wordseq_free (&ws);

  size_t w = p->verify_shingle ? p->verify_shingle : 1;
  size_t nsh = t->n == 0 ? 0 : t->n < w ? 1 : t->n - w + 1;
  t->shingles = xmalloc ((nsh + 1) * sizeof *t->shingles);
  uint64_t *at = xmalloc ((nsh + 1) * sizeof *at);
  for (size_t i = 0; i < nsh; i++)
    {
      uint64_t h = 0;
      for (size_t j = i; j < i + w && j < t->n; j++)
        h = wordseq_mix (h + t->keys[j]);
      t->shingles[i] = at[i] = h;
    }
  cluster_sort_u64 (t->shingles, nsh);
  size_t u = 0;
  for (size_t i = 0; i < nsh; i++)
    if (u == 0 || t->shingles[u - 1] != t->shingles[i])
      t->shingles[u++] = t->shingles[i];
  t->n_shingles = u;
  t->shingle_at = xmalloc ((nsh + 1) * sizeof *t->shingle_at);
  t->n_at = nsh;
  /* Each shingle's index among the distinct ones, from a hash table (the
     shingle hashes are well mixed already): a binary search per shingle
     was a third of this function. */
  size_t cap = 16;
  while (cap < 2 * u)
    cap *= 2;
  uint64_t *hk = xmalloc (cap * sizeof *hk);
  uint32_t *hv = xmalloc (cap * sizeof *hv);
  for (size_t h = 0; h < cap; h++)
    hv[h] = UINT32_MAX;
  for (size_t x = 0; x < u; x++)
    {
      size_t h = (size_t) t->shingles[x] & (cap - 1);
      while (hv[h] != UINT32_MAX)
        h = (h + 1) & (cap - 1);
      hk[h] = t->shingles[x], hv[h] = (uint32_t) x;
    }
  for (size_t i = 0; i < nsh; i++)
    {
      size_t h = (size_t) at[i] & (cap - 1);
      while (hv[h] != UINT32_MAX && hk[h] != at[i])
        h = (h + 1) & (cap - 1);
      t->shingle_at[i] = hv[h];
    }
  free (hk);
  free (hv);
  free (at);
}

void
cluster_text_free (struct cluster_text *t)
{
  free (t->keys);
  free (t->shingles);
  free (t->shingle_at);
  memset (t, 0, sizeof *t);
}

static double
cluster_containment (const struct cluster_text *a,
                     const struct cluster_text *b)
{
  size_t common = 0, small = MIN (a->n_shingles, b->n_shingles);
  if (small == 0)
    return 0;
  /* A merge without branches: which side moves is random. */
  for (size_t i = 0, j = 0; i < a->n_shingles && j < b->n_shingles;)
    {
      uint64_t x = a->shingles[i], y = b->shingles[j];
      common += x == y;
      i += x <= y;
      j += y <= x;
    }
  return (double) common / small;
}

#define CLUSTER_MOVE_PASSES 3
#define CLUSTER_MOVE_RUN 4      /* a moved block counts from this many words */

/* Words of the smaller side aligned with the other: an in-order matching
   (wdiff_match_keys, close to the LCS), then up to CLUSTER_MOVE_PASSES
   matchings of what is left, where only runs of CLUSTER_MOVE_RUN words
   contiguous on both sides count, so moved paragraphs align but scattered
   common words do not. */
/* Words of a that could lie in a run of CLUSTER_MOVE_RUN (>= w) words
   equal on both sides ('common' flags a's distinct shingles of w words
   that b has too): such a run is made of consecutive shared shingles.  A
   bound on the words of a that moved blocks can align. */
static size_t
cluster_covered (const struct cluster_text *a, const bool *common, size_t w)
{
  size_t span = CLUSTER_MOVE_RUN - w + 1;   /* shingles in a run */
  size_t covered = 0, end = 0;              /* words [0, end) counted */
  size_t streak = 0;
  for (size_t i = 0; i < a->n_at; i++)
    {
      streak = common[a->shingle_at[i]] ? streak + 1 : 0;
      if (streak >= span)
        {
          size_t first = i + 1 - span;      /* the run's first word */
          covered += first + CLUSTER_MOVE_RUN - MAX (end, first);
          end = first + CLUSTER_MOVE_RUN;
        }
    }
  return covered;
}

/* Flags the distinct shingles each side shares with the other. */
static void
cluster_common (const struct cluster_text *a, const struct cluster_text *b,
                bool *ca, bool *cb)
{
  for (size_t i = 0, j = 0; i < a->n_shingles && j < b->n_shingles;)
    {
      uint64_t x = a->shingles[i], y = b->shingles[j];
      bool eq = x == y;
      ca[i] |= eq;
      cb[j] |= eq;
      i += x <= y;
      j += y <= x;
    }
}

/* Length of the longest common subsequence of a[0..n) and b[0..m), bit
   parallel (Hyyro): O(n * m / 64) simple word operations. */
static size_t
cluster_lcs_len (const uint64_t *a, size_t n, const uint64_t *b, size_t m)
{
  if (n == 0 || m == 0)
    return 0;
  size_t words = (m + 63) / 64, cap = 16;
  while (cap < 2 * m)
    cap *= 2;
  /* b's distinct keys -> their row of match bits */
  uint64_t *hkey = xmalloc (cap * sizeof *hkey);
  uint32_t *hrow = xmalloc (cap * sizeof *hrow);
  for (size_t i = 0; i < cap; i++)
    hrow[i] = UINT32_MAX;
  uint64_t *pm = xcalloc (m * words, sizeof *pm);
  uint32_t rows = 0;
  for (size_t j = 0; j < m; j++)
    {
      size_t h = (size_t) wordseq_mix (b[j]) & (cap - 1);
      while (hrow[h] != UINT32_MAX && hkey[h] != b[j])
        h = (h + 1) & (cap - 1);
      if (hrow[h] == UINT32_MAX)
        hkey[h] = b[j], hrow[h] = rows++;
      pm[(size_t) hrow[h] * words + j / 64] |= UINT64_C (1) << (j % 64);
    }
  uint64_t *v = xmalloc (words * sizeof *v);
  for (size_t w = 0; w < words; w++)
    v[w] = ~UINT64_C (0);
  for (size_t i = 0; i < n; i++)
    {
      size_t h = (size_t) wordseq_mix (a[i]) & (cap - 1);
      while (hrow[h] != UINT32_MAX && hkey[h] != a[i])
        h = (h + 1) & (cap - 1);
      if (hrow[h] == UINT32_MAX)
        continue;
      lcs_bits_step (v, pm + (size_t) hrow[h] * words, v, words);
    }
  size_t ones = 0;
  for (size_t w = 0; w < words; w++)
    {
      uint64_t x = v[w];
      if (w == words - 1 && m % 64)
        x &= (UINT64_C (1) << (m % 64)) - 1;
      ones += lcs_bits_ones (x);
    }
  free (hkey);
  free (hrow);
  free (pm);
  free (v);
  return m - ones;
}

/* An upper bound of cluster_alignment's aligned words, cheap: the
   in-order matching is at most the longest common subsequence, and moved
   words are covered by shared shingles.  SIZE_MAX when it cannot tell. */
static size_t
cluster_align_bound (const struct cluster_text *a,
                     const struct cluster_text *b, size_t w)
{
  if (w < 1 || w > CLUSTER_MOVE_RUN || MIN (a->n, b->n) < w
      || a->shingle_at == NULL || b->shingle_at == NULL)
    return SIZE_MAX;
  bool *ca = xcalloc (a->n_shingles + 1, 1);
  bool *cb = xcalloc (b->n_shingles + 1, 1);
  cluster_common (a, b, ca, cb);
  size_t moved = MIN (cluster_covered (a, ca, w), cluster_covered (b, cb, w));
  free (ca);
  free (cb);
  return moved + cluster_lcs_len (a->keys, a->n, b->keys, b->n);
}

static double
cluster_alignment (const struct cluster_text *a,
                   const struct cluster_text *b, size_t w, double floor)
{
  size_t small = MIN (a->n, b->n);
  if (small == 0)
    return 0;
  if (floor > 0)
    {
      /* Not similar enough to matter even if every word that could align
         did: the matching cannot change the verdict. */
      size_t bound = cluster_align_bound (a, b, w);
      if (bound != SIZE_MAX && (double) bound < floor * (double) small)
        return (double) bound / (double) small;
    }
  struct wdiff_match *m = NULL;
  size_t m_alloc = 0;
  size_t nm = wdiff_match_keys (a->keys, a->n, b->keys, b->n, &m, &m_alloc);
  size_t aligned = nm;
  bool *used_a = xcalloc (a->n, 1), *used_b = xcalloc (b->n, 1);
  for (size_t i = 0; i < nm; i++)
    used_a[m[i].a] = used_b[m[i].b] = true;

  uint64_t *ra = xmalloc (a->n * sizeof *ra), *rb = xmalloc (b->n * sizeof *rb);
  size_t *ia = xmalloc (a->n * sizeof *ia), *ib = xmalloc (b->n * sizeof *ib);
  for (int pass = 0; pass < CLUSTER_MOVE_PASSES; pass++)
    {
      size_t na = 0, nb = 0, got = 0;
      for (size_t i = 0; i < a->n; i++)
        if (!used_a[i])
          ra[na] = a->keys[i], ia[na++] = i;
      for (size_t j = 0; j < b->n; j++)
        if (!used_b[j])
          rb[nb] = b->keys[j], ib[nb++] = j;
      nm = wdiff_match_keys (ra, na, rb, nb, &m, &m_alloc);
      for (size_t x = 0; x < nm;)
        {
          size_t y = x + 1;
          while (y < nm && ia[m[y].a] == ia[m[y - 1].a] + 1
                 && ib[m[y].b] == ib[m[y - 1].b] + 1)
            y++;
          if (y - x >= CLUSTER_MOVE_RUN)
            for (size_t z = x; z < y; z++)
              used_a[ia[m[z].a]] = used_b[ib[m[z].b]] = true, got++;
          x = y;
        }
      aligned += got;
      if (got == 0)
        break;
    }
  free (ra);
  free (rb);
  free (ia);
  free (ib);
  free (used_a);
  free (used_b);
  free (m);
  return MIN (1.0, (double) aligned / small);
}

void
cluster_verify_floor (const struct cluster_text *a,
                      const struct cluster_text *b,
                      const struct reprint_params *p, double floor,
                      struct cluster_verdict *v)
{
  v->containment = cluster_containment (a, b);
  v->alignment = cluster_alignment (a, b, p->verify_shingle, floor);
  v->similarity = v->alignment;
  v->reprint = MIN (a->n, b->n) >= p->min_words
    && v->containment >= p->containment_min
    && v->alignment >= p->alignment_min;
}

void
cluster_verify (const struct cluster_text *a, const struct cluster_text *b,
                const struct reprint_params *p, struct cluster_verdict *v)
{
  cluster_verify_floor (a, b, p, 0, v);
}

void
cluster_verify_texts (const char *a, size_t an, const char *b, size_t bn,
                      const struct reprint_params *p,
                      struct cluster_verdict *v)
{
  struct cluster_text ta, tb;
  cluster_text_init (&ta, a, an, p);
  cluster_text_init (&tb, b, bn, p);
  cluster_verify (&ta, &tb, p, v);
  cluster_text_free (&ta);
  cluster_text_free (&tb);
}

/* ---- clusters ----------------------------------------------------------- */

int
cluster_origin_cmp (const struct cluster_article *x,
                    const struct cluster_article *y)
{
  if ((x->date != 0) != (y->date != 0))
    return x->date != 0 ? -1 : 1;
  if (x->has_agency != y->has_agency)
    return x->has_agency ? -1 : 1;
  if (x->date != y->date)
    return x->date < y->date ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* What is known about a pair, by (min, max) index. */
struct pairmap_slot
{
  size_t a, b;                /* a == SIZE_MAX: empty */
  double sim;
  bool reprint;
};

struct pairmap
{
  struct pairmap_slot *v;
  size_t cap, n;
};

static size_t
pairmap_hash (size_t a, size_t b)
{
  return (size_t) wordseq_mix (((uint64_t) a << 32) ^ (uint64_t) b
                               ^ ((uint64_t) b >> 32));
}

static struct pairmap_slot *
pairmap_find (struct pairmap *pm, size_t a, size_t b, bool add)
{
  if (a > b)
    {
      size_t t = a;
      a = b, b = t;
    }
  if (add && 2 * (pm->n + 1) > pm->cap)
    {
      struct pairmap old = *pm;
      pm->cap = old.cap ? 2 * old.cap : 64;
      pm->v = xmalloc (pm->cap * sizeof *pm->v);
      for (size_t i = 0; i < pm->cap; i++)
        pm->v[i].a = SIZE_MAX;
      pm->n = 0;
      for (size_t i = 0; i < old.cap; i++)
        if (old.v[i].a != SIZE_MAX)
          *pairmap_find (pm, old.v[i].a, old.v[i].b, true) = old.v[i];
      free (old.v);
    }
  if (pm->cap == 0)
    return NULL;
  size_t i = pairmap_hash (a, b) & (pm->cap - 1);
  while (pm->v[i].a != SIZE_MAX && (pm->v[i].a != a || pm->v[i].b != b))
    i = (i + 1) & (pm->cap - 1);
  if (pm->v[i].a == SIZE_MAX)
    {
      if (!add)
        return NULL;
      pm->v[i] = (struct pairmap_slot) { a, b, -1, false };
      pm->n++;
    }
  return &pm->v[i];
}

struct cl
{
  const struct cluster_article *art;
  const struct reprint_params *p;
  cluster_verify_fn verify;
  void *ctx;
  struct pairmap pm;
  size_t *parent, *size, *next, *last, *origin;
};

static size_t
cl_find (struct cl *c, size_t x)
{
  while (c->parent[x] != x)
    {
      c->parent[x] = c->parent[c->parent[x]];
      x = c->parent[x];
    }
  return x;
}

/* The known (or, through the callback, learnt) verdict on a pair; NULL
   when nobody knows. */
static const struct pairmap_slot *
cl_pair (struct cl *c, size_t a, size_t b)
{
  struct pairmap_slot *s = pairmap_find (&c->pm, a, b, false);
  if (s || c->verify == NULL)
    return s;
  struct cluster_verdict v;
  bool ok = c->verify (c->ctx, a, b, &v);
  s = pairmap_find (&c->pm, a, b, true);
  s->sim = ok ? v.similarity : 0;
  s->reprint = ok && v.reprint;
  return s;
}

/* Up to this many members a side, the support of a merge counts every
   pair across; past it, CL_SUPPORT_SIDE members of each side spread
   evenly along their lists (cl_sample), CL_SUPPORT_SIDE squared pairs.  Counting
   every pair made a cluster of n cost n squared / 4 verifications as it
   grew: 4,000 templated articles (one pattern, different numbers) took 72
   s of clustering.  A sample of 64 pairs puts a true majority of 3/4
   below one half with a chance under 1e-4. */
#define CL_SUPPORT_SIDE 8

/* The members of the cluster rooted at r that a support check asks
   about: all of them up to CL_SUPPORT_SIDE, else that many, evenly spaced
   along its list. */
static size_t
cl_sample (struct cl *c, size_t r, size_t *out)
{
  size_t n = c->size[r], k = MIN (n, CL_SUPPORT_SIDE), got = 0, i = 0;
  for (size_t x = r; x != SIZE_MAX && got < k; x = c->next[x], i++)
    if (i == got * n / k)
      out[got++] = x;
  return got;
}

static bool
cl_may_merge (struct cl *c, size_t rx, size_t ry)
{
  /* Strict majority of supporting pairs, deciding as soon as it can.
     Average linkage with a cut at one half: two unrelated stories joined
     only through a common member have one supporting pair in two, which
     is not a majority, however the clusters grow.  ("Linked to the
     cluster's original" was tried and rejected: a digest that contains
     both stories can itself be the earliest member, and then everything it
     contains chains through it.)  The support threshold is lower than the
     link threshold, hysteresis that keeps a weaker re-translation in the
     family it was linked into. */
  size_t xs[CL_SUPPORT_SIDE], ys[CL_SUPPORT_SIDE];
  size_t nx = cl_sample (c, rx, xs), ny = cl_sample (c, ry, ys);
  size_t total = nx * ny, yes = 0, no = 0;
  for (size_t i = 0; i < nx; i++)
    for (size_t j = 0; j < ny; j++)
      {
        const struct pairmap_slot *s = cl_pair (c, xs[i], ys[j]);
        if (s && s->sim >= c->p->support_min)
          yes++;
        else
          no++;
        if (2 * yes > total)
          return true;
        if (2 * no >= total)
          return false;
      }
  return false;
}

static void
cl_merge (struct cl *c, size_t rx, size_t ry)
{
  if (c->size[rx] < c->size[ry])
    {
      size_t t = rx;
      rx = ry, ry = t;
    }
  c->parent[ry] = rx;
  c->size[rx] += c->size[ry];
  c->next[c->last[rx]] = ry;
  c->last[rx] = c->last[ry];
  if (cluster_origin_cmp (&c->art[c->origin[ry]], &c->art[c->origin[rx]]) < 0)
    c->origin[rx] = c->origin[ry];
}

static int
cluster_cmp_link (const void *x, const void *y)
{
  const struct cluster_link *a = *(const struct cluster_link *const *) x;
  const struct cluster_link *b = *(const struct cluster_link *const *) y;
  if (a->similarity != b->similarity)
    return a->similarity > b->similarity ? -1 : 1;
  size_t a0 = MIN (a->a, a->b), b0 = MIN (b->a, b->b);
  if (a0 != b0)
    return a0 < b0 ? -1 : 1;
  a0 = MAX (a->a, a->b), b0 = MAX (b->a, b->b);
  return (a0 > b0) - (a0 < b0);
}

/* Members sorted for display: the original first, then by date. */
struct member
{
  const struct cluster_article *art;
  size_t idx;
};

static int
cluster_cmp_member (const void *x, const void *y)
{
  const struct cluster_article *a = ((const struct member *) x)->art;
  const struct cluster_article *b = ((const struct member *) y)->art;
  if ((a->date != 0) != (b->date != 0))
    return a->date != 0 ? -1 : 1;
  if (a->date != b->date)
    return a->date < b->date ? -1 : 1;
  return cluster_origin_cmp (a, b);
}

void
cluster_build (const struct cluster_article *articles, size_t n,
               const struct cluster_link *links, size_t n_links,
               const struct reprint_params *p, cluster_verify_fn verify,
               void *ctx, struct cluster_set *out)
{
  struct cl c = { .art = articles, .p = p, .verify = verify, .ctx = ctx };
  memset (out, 0, sizeof *out);
  c.parent = xmalloc ((n + 1) * sizeof *c.parent);
  c.size = xmalloc ((n + 1) * sizeof *c.size);
  c.next = xmalloc ((n + 1) * sizeof *c.next);
  c.last = xmalloc ((n + 1) * sizeof *c.last);
  c.origin = xmalloc ((n + 1) * sizeof *c.origin);
  for (size_t i = 0; i < n; i++)
    {
      c.parent[i] = c.last[i] = c.origin[i] = i;
      c.size[i] = 1;
      c.next[i] = SIZE_MAX;
    }

  const struct cluster_link **edges = xmalloc ((n_links + 1) * sizeof *edges);
  size_t ne = 0;
  for (size_t i = 0; i < n_links; i++)
    {
      const struct cluster_link *l = &links[i];
      if (l->a >= n || l->b >= n || l->a == l->b)
        continue;
      struct pairmap_slot *s = pairmap_find (&c.pm, l->a, l->b, true);
      if (l->similarity > s->sim)
        s->sim = l->similarity, s->reprint = l->reprint;
      if (l->reprint && l->similarity >= p->link_min)
        edges[ne++] = l;
    }
  qsort (edges, ne, sizeof *edges, cluster_cmp_link);
  for (size_t i = 0; i < ne; i++)
    {
      size_t rx = cl_find (&c, edges[i]->a), ry = cl_find (&c, edges[i]->b);
      if (rx != ry && cl_may_merge (&c, rx, ry))
        cl_merge (&c, rx, ry);
    }
  free (edges);

  size_t alloc = 0;
  for (size_t r = 0; r < n; r++)
    {
      if (c.parent[r] != r || c.size[r] < 2)
        continue;
      out->v = xgrow (out->v, &alloc, out->n + 1, sizeof *out->v);
      struct cluster *cl = &out->v[out->n++];
      cl->n = c.size[r];
      cl->members = xmalloc (cl->n * sizeof *cl->members);
      struct member *m = xmalloc (cl->n * sizeof *m);
      size_t k = 0;
      for (size_t x = r; x != SIZE_MAX; x = c.next[x])
        if (x != c.origin[r])
          m[k++] = (struct member) { &articles[x], x };
      qsort (m, k, sizeof *m, cluster_cmp_member);
      cl->members[0] = c.origin[r];
      for (size_t i = 0; i < k; i++)
        cl->members[i + 1] = m[i].idx;
      free (m);
    }
  free (c.parent);
  free (c.size);
  free (c.next);
  free (c.last);
  free (c.origin);
  free (c.pm.v);
}

void
cluster_set_free (struct cluster_set *s)
{
  for (size_t i = 0; i < s->n; i++)
    free (s->v[i].members);
  free (s->v);
  memset (s, 0, sizeof *s);
}
