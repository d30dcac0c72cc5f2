/* test-cluster.c: pair verification and reprint clusters. */
#include "system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>

#include "buf.h"
#include "cluster.h"
#include "minhash.h"
#include "wordseq.h"

/* ---- helpers ------------------------------------------------------------ */

static char *
read_sample (const char *name)
{
  const char *top = getenv ("top_srcdir");
  char *path = xasprintf ("%s/sample-articles/%s", top ? top : ".", name);
  FILE *f = fopen (path, "rb");
  assert_non_null (f);
  struct buf b = BUF_INIT;
  char chunk[4096];
  size_t n;
  while ((n = fread (chunk, 1, sizeof chunk, f)) > 0)
    buf_add (&b, chunk, n);
  fclose (f);
  free (path);
  return buf_steal (&b);
}

static char *
between (const char *s, const char *from, const char *to)
{
  const char *a = strstr (s, from);
  assert_non_null (a);
  const char *b = strstr (a, to);
  assert_non_null (b);
  return xstrndup (a, (size_t) (b - a) + strlen (to));
}

static uint64_t
rnd (uint64_t *s)
{
  *s = wordseq_mix (*s + 0x9e3779b97f4a7c15u);
  return *s;
}

static const char *const common[] = {
  "the", "of", "and", "to", "in", "a", "said", "that", "for", "on", "with",
  "was", "is", "by", "at", "as", "it", "from", "his", "her"
};

/* A made-up word of a story's own vocabulary, or a common word. */
static void
story_word (struct buf *b, uint64_t story, uint64_t *rng)
{
  uint64_t r = rnd (rng);
  if (r % 100 < 45)
    {
      buf_adds (b, common[(r >> 8) % ARRAY_SIZE (common)]);
      return;
    }
  static const char *syl[] = { "ka", "lo", "mi", "ne", "tor", "shi", "ra",
                               "ven", "du", "pe", "ax", "qui", "bel", "zo" };
  uint64_t w = wordseq_mix (story * 1000 + (r >> 8) % 400);
  for (int i = 0; i < 2 + (int) (w % 3); i++, w >>= 4)
    buf_adds (b, syl[w % ARRAY_SIZE (syl)]);
}

/* A story: 'paras' paragraphs of 50 words. */
static char *
story (uint64_t id, int paras)
{
  struct buf b = BUF_INIT;
  uint64_t rng = id;
  for (int p = 0; p < paras; p++)
    {
      if (p)
        buf_adds (&b, "\n\n");
      for (int w = 0; w < 50; w++)
        {
          if (w)
            buf_addc (&b, ' ');
          story_word (&b, id, &rng);
        }
      buf_addc (&b, '.');
    }
  return buf_steal (&b);
}

/* Every 'every'-th word replaced by another word (a synonym), and every
   'swap'-th pair of words swapped (word order of a translation). */
static char *
retranslate (const char *s, int every, int swap)
{
  struct buf b = BUF_INIT, w1 = BUF_INIT;
  uint64_t rng = 99;
  int n = 0;
  const char *p = s;
  while (*p)
    {
      size_t len = strcspn (p, " \n.");
      if (len == 0)
        {
          buf_addc (&b, *p++);
          continue;
        }
      n++;
      if (swap && n % swap == 0 && p[len] == ' ' && strcspn (p + len + 1, " \n.") > 0)
        {
          size_t len2 = strcspn (p + len + 1, " \n.");
          buf_add (&b, p + len + 1, len2);
          buf_addc (&b, ' ');
          buf_add (&b, p, len);
          p += len + 1 + len2;
          n++;
          continue;
        }
      if (n % every == 0)
        {
          buf_reset (&w1);
          story_word (&w1, 777, &rng);
          buf_adds (&b, w1.data);
        }
      else
        buf_add (&b, p, len);
      p += len;
    }
  buf_free (&w1);
  return buf_steal (&b);
}

static void
verify (const char *a, const char *b, struct cluster_verdict *v)
{
  struct reprint_params p;
  reprint_params_init (&p);
  cluster_verify_texts (a, strlen (a), b, strlen (b), &p, v);
}

/* ---- verification -------------------------------------------------------- */

static void
test_samples (void **state)
{
  (void) state;
  char *s0 = read_sample ("000_a9864a11cced52c0.txt");
  char *s1 = read_sample ("001_ba268a7cdc32d459.txt");
  char *s2 = read_sample ("002_627ae5fae44a2e15.txt");
  char *b1 = between (s1, "As their respective spacecrafts headed to Mars China",
                      "will not attempt to land.");
  char *b2 = between (s2, "China confirmed on Wednesday", "a good sign.");
  struct cluster_verdict v;
  verify (s0, b1, &v);
  print_message ("000~001: similarity %.2f containment %.2f\n",
                 v.similarity, v.containment);
  assert_true (v.reprint);
  assert_true (v.similarity >= 0.75);
  verify (b1, b2, &v);
  print_message ("001~002: similarity %.2f containment %.2f\n",
                 v.similarity, v.containment);
  assert_false (v.reprint);
  assert_true (v.similarity < 0.35);
  verify (s0, b2, &v);
  assert_false (v.reprint);
  assert_true (v.similarity < 0.35);
  free (b1);
  free (b2);
  free (s0);
  free (s1);
  free (s2);
}

static void
test_truncated (void **state)
{
  (void) state;
  char *o = story (1, 10);
  char *t = xstrndup (o, strlen (o) * 35 / 100);
  struct cluster_verdict v;
  verify (o, t, &v);
  assert_true (v.reprint);
  assert_true (v.similarity >= 0.95);
  assert_true (v.containment >= 0.95);
  verify (t, o, &v);              /* symmetric */
  assert_true (v.reprint);
  free (o);
  free (t);
}

static void
test_reordered (void **state)
{
  (void) state;
  char *o = story (2, 6);
  /* Paragraphs 0..5 as 0 4 1 5 2 3. */
  const char *para[6];
  size_t len[6];
  const char *p = o;
  for (int i = 0; i < 6; i++)
    {
      para[i] = p;
      const char *e = strstr (p, "\n\n");
      len[i] = e ? (size_t) (e - p) : strlen (p);
      p = e ? e + 2 : p + len[i];
    }
  const int order[] = { 0, 4, 1, 5, 2, 3 };
  struct buf b = BUF_INIT;
  for (int i = 0; i < 6; i++)
    {
      if (i)
        buf_adds (&b, "\n\n");
      buf_add (&b, para[order[i]], len[order[i]]);
    }
  struct cluster_verdict v;
  verify (o, b.data, &v);
  assert_true (v.reprint);
  assert_true (v.similarity >= 0.95);  /* moved blocks count */
  buf_free (&b);
  free (o);
}

static void
test_retranslated (void **state)
{
  (void) state;
  char *o = story (3, 8);
  char *r = retranslate (o, 6, 12);     /* 1 synonym in 6, 1 swap in 12 */
  struct cluster_verdict v;
  verify (o, r, &v);
  print_message ("re-translation: similarity %.2f containment %.2f\n",
                 v.similarity, v.containment);
  assert_true (v.reprint);
  assert_true (v.similarity >= 0.6 && v.similarity < 0.9);
  free (r);
  r = retranslate (o, 2, 0);            /* half the words: too far */
  verify (o, r, &v);
  assert_false (v.reprint);
  free (r);
  free (o);
}

static void
test_shared_quote (void **state)
{
  (void) state;
  /* Two stories of 300 words on one event that quote the same 60 words. */
  char *q = story (40, 1), *a = story (41, 6), *b = story (42, 6);
  struct buf x = BUF_INIT, y = BUF_INIT;
  buf_printf (&x, "%s\n\n\xe2\x80\x9c%s\xe2\x80\x9d", a, q);
  buf_printf (&y, "\"%s\" he said.\n\n%s", q, b);
  struct cluster_verdict v;
  verify (x.data, y.data, &v);
  print_message ("shared quote: similarity %.2f containment %.2f\n",
                 v.similarity, v.containment);
  assert_false (v.reprint);
  assert_true (v.similarity < 0.4);
  /* The quote alone, though, is wholly contained: that one is a reprint
     (of a part), as a truncated copy is. */
  verify (x.data, q, &v);
  assert_true (v.reprint);
  buf_free (&x);
  buf_free (&y);
  free (q);
  free (a);
  free (b);
}

static void
test_short (void **state)
{
  (void) state;
  struct cluster_verdict v;
  verify ("Photo: AP.", "Photo: AP.", &v);
  assert_false (v.reprint);
  assert_true (v.similarity == 1.0);
  verify ("", "", &v);
  assert_false (v.reprint);
  assert_true (v.similarity == 0);
}

/* ---- clusters ------------------------------------------------------------ */

static struct cluster_link
link (size_t a, size_t b, double sim)
{
  return (struct cluster_link) { a, b, sim, sim >= 0.5 };
}

static void
test_family (void **state)
{
  (void) state;
  struct reprint_params p;
  reprint_params_init (&p);
  /* 0 undated, 1 staff copy dated first, 2 agency, 3 later, 4 unrelated. */
  struct cluster_article art[] = {
    { 10, 0, false }, { 11, 100, false }, { 12, 150, true },
    { 13, 300, true }, { 14, 50, true },
  };
  struct cluster_link links[] = {
    link (0, 1, 0.8), link (0, 2, 0.9), link (0, 3, 0.85), link (1, 2, 0.7),
    link (1, 3, 0.75), link (2, 3, 0.95), link (3, 4, 0.2),
  };
  struct cluster_set cs;
  cluster_build (art, 5, links, ARRAY_SIZE (links), &p, NULL, NULL, &cs);
  assert_int_equal (cs.n, 1);
  assert_int_equal (cs.v[0].n, 4);
  /* The original: dated, from an agency, earliest of those; then by date,
     undated last. */
  const size_t want[] = { 2, 1, 3, 0 };
  for (size_t i = 0; i < 4; i++)
    assert_int_equal (cs.v[0].members[i], want[i]);
  cluster_set_free (&cs);

  /* Links that are too weak join nothing. */
  struct cluster_link weak[] = { link (0, 1, 0.45), { 2, 3, 0.9, false } };
  cluster_build (art, 5, weak, 2, &p, NULL, NULL, &cs);
  assert_int_equal (cs.n, 0);
  cluster_set_free (&cs);
}

static void
test_origin_order (void **state)
{
  (void) state;
  struct cluster_article a = { 1, 200, true }, b = { 2, 100, false },
    c = { 3, 0, true }, d = { 4, 200, true };
  assert_true (cluster_origin_cmp (&a, &b) < 0);  /* agency first */
  assert_true (cluster_origin_cmp (&b, &c) < 0);  /* dated first */
  assert_true (cluster_origin_cmp (&a, &d) < 0);  /* then the id */
  assert_true (cluster_origin_cmp (&d, &a) > 0);
  assert_int_equal (cluster_origin_cmp (&a, &a), 0);
}

/* A~B and B~C strongly, A and C unrelated (B a digest of both): whatever
   the dates and the order of the links, A and C never share a cluster. */
static void
test_no_chain (void **state)
{
  (void) state;
  struct reprint_params p;
  reprint_params_init (&p);
  for (int perm = 0; perm < 6; perm++)
    {
      int64_t dates[3] = { 100, 200, 300 };
      int x = perm % 3, y = (perm / 3 + x + 1) % 3;
      int64_t t = dates[x];
      dates[x] = dates[y];
      dates[y] = t;
      struct cluster_article art[3] = {
        { 1, dates[0], false }, { 2, dates[1], true }, { 3, dates[2], false }
      };
      struct cluster_link links[] = {
        link (0, 1, perm % 2 ? 0.9 : 0.8), link (1, 2, perm % 2 ? 0.8 : 0.9),
        link (0, 2, 0.1),
      };
      for (size_t with_ac = 2; with_ac <= 3; with_ac++)
        {
          struct cluster_set cs;
          cluster_build (art, 3, links, with_ac, &p, NULL, NULL, &cs);
          assert_int_equal (cs.n, 1);
          assert_int_equal (cs.v[0].n, 2);
          cluster_set_free (&cs);
        }
    }
}

/* Two families bridged by one pair of members (a shared long quote that
   passed verification): the families stay apart. */
static void
test_no_bridge (void **state)
{
  (void) state;
  struct reprint_params p;
  reprint_params_init (&p);
  struct cluster_article art[6] = { { 0, 1, true }, { 1, 2, false },
                                    { 2, 3, false }, { 3, 1, true },
                                    { 4, 2, false }, { 5, 3, false } };
  struct cluster_link links[] = {
    link (0, 1, 0.9), link (0, 2, 0.9), link (1, 2, 0.8),
    link (3, 4, 0.9), link (3, 5, 0.9), link (4, 5, 0.8),
    link (2, 3, 0.6),
  };
  struct cluster_set cs;
  cluster_build (art, 6, links, ARRAY_SIZE (links), &p, NULL, NULL, &cs);
  assert_int_equal (cs.n, 2);
  assert_int_equal (cs.v[0].n, 3);
  assert_int_equal (cs.v[1].n, 3);
  cluster_set_free (&cs);
}

/* Hysteresis: a member linked to the original and close to (not a reprint
   of) a sibling joins; one unrelated to the sibling does not. */
static void
test_support (void **state)
{
  (void) state;
  struct reprint_params p;
  reprint_params_init (&p);
  struct cluster_article art[3] = { { 0, 1, true }, { 1, 2, false },
                                    { 2, 3, false } };
  struct cluster_link links[] = {
    link (0, 1, 0.9), link (0, 2, 0.8), link (1, 2, 0.45),
  };
  struct cluster_set cs;
  cluster_build (art, 3, links, 3, &p, NULL, NULL, &cs);
  assert_int_equal (cs.n, 1);
  assert_int_equal (cs.v[0].n, 3);
  cluster_set_free (&cs);
  links[2].similarity = 0.2;
  cluster_build (art, 3, links, 3, &p, NULL, NULL, &cs);
  assert_int_equal (cs.n, 1);
  assert_int_equal (cs.v[0].n, 2);
  cluster_set_free (&cs);
}

static int verify_calls;

static bool
verify_cb (void *ctx, size_t a, size_t b, struct cluster_verdict *v)
{
  (void) ctx;
  verify_calls++;
  assert_true ((a == 1 && b == 2) || (a == 2 && b == 1));
  v->similarity = v->alignment = 0.6;
  v->containment = 0.5;
  v->reprint = true;
  return true;
}

static void
test_callback (void **state)
{
  (void) state;
  struct reprint_params p;
  reprint_params_init (&p);
  struct cluster_article art[3] = { { 0, 1, true }, { 1, 2, false },
                                    { 2, 3, false } };
  struct cluster_link links[] = { link (0, 1, 0.9), link (0, 2, 0.8) };
  struct cluster_set cs;
  cluster_build (art, 3, links, 2, &p, NULL, NULL, &cs);
  assert_int_equal (cs.v[0].n, 2);           /* 1~2 unknown: against */
  cluster_set_free (&cs);
  verify_calls = 0;
  cluster_build (art, 3, links, 2, &p, verify_cb, NULL, &cs);
  assert_int_equal (cs.v[0].n, 3);
  assert_int_equal (verify_calls, 1);
  cluster_set_free (&cs);
}

/* Large clusters: two stories of 300 versions each, chained by their
   links, and a reprint link between them, taken last.  The bridge must not join
   them, and the support checks are sampled (cluster.c, CL_SUPPORT_SIDE):
   counting every pair across a merge would ask about 45,000 pairs. */
#define LARGE 300
static int large_calls;

static bool
large_cb (void *ctx, size_t a, size_t b, struct cluster_verdict *v)
{
  (void) ctx;
  large_calls++;
  bool same = a / LARGE == b / LARGE;
  v->similarity = v->alignment = v->containment = same ? 0.9 : 0.1;
  v->reprint = same;
  return true;
}

static void
test_large (void **state)
{
  (void) state;
  struct reprint_params p;
  reprint_params_init (&p);
  struct cluster_article *art = xcalloc (2 * LARGE, sizeof *art);
  struct cluster_link *links = xcalloc (2 * LARGE, sizeof *links);
  size_t nl = 0;
  for (size_t i = 0; i < 2 * LARGE; i++)
    art[i] = (struct cluster_article) { (int64_t) i, (int64_t) i + 1,
                                        i % LARGE == 0 };
  for (size_t i = 0; i + 1 < 2 * LARGE; i++)
    if ((i + 1) % LARGE != 0)
      links[nl++] = link (i, i + 1, 0.9);
  links[nl++] = link (LARGE - 1, LARGE, 0.6);
  struct cluster_set cs;
  large_calls = 0;
  cluster_build (art, 2 * LARGE, links, nl, &p, large_cb, NULL, &cs);
  assert_int_equal (cs.n, 2);
  assert_int_equal (cs.v[0].n, LARGE);
  assert_int_equal (cs.v[1].n, LARGE);
  assert_true (large_calls < 25000);
  cluster_set_free (&cs);
  free (links);
  free (art);
}

static void
test_link_order (void **state)
{
  (void) state;
  struct reprint_params p;
  reprint_params_init (&p);
  struct cluster_article art[5];
  for (int i = 0; i < 5; i++)
    art[i] = (struct cluster_article) { i, 10 - i, false };
  struct cluster_link links[] = {
    link (0, 1, 0.9), link (1, 2, 0.6), link (0, 2, 0.3), link (2, 3, 0.9),
    link (3, 4, 0.7), link (1, 3, 0.55),
  };
  struct cluster_set ref;
  cluster_build (art, 5, links, ARRAY_SIZE (links), &p, NULL, NULL, &ref);
  for (int r = 0; r < 20; r++)
    {
      struct cluster_link l2[ARRAY_SIZE (links)];
      memcpy (l2, links, sizeof links);
      uint64_t rng = r;
      for (size_t i = ARRAY_SIZE (l2); i > 1; i--)
        {
          size_t j = rnd (&rng) % i;
          struct cluster_link t = l2[i - 1];
          l2[i - 1] = l2[j];
          l2[j] = t;
          if (rng & 1)
            {
              size_t x = l2[j].a;
              l2[j].a = l2[j].b;
              l2[j].b = x;
            }
        }
      struct cluster_set cs;
      cluster_build (art, 5, l2, ARRAY_SIZE (l2), &p, NULL, NULL, &cs);
      assert_int_equal (cs.n, ref.n);
      for (size_t c = 0; c < cs.n; c++)
        {
          assert_int_equal (cs.v[c].n, ref.v[c].n);
          assert_memory_equal (cs.v[c].members, ref.v[c].members,
                               cs.v[c].n * sizeof *cs.v[c].members);
        }
      cluster_set_free (&cs);
    }
  cluster_set_free (&ref);
}

/* Signing, LSH, verification and clustering on the samples. */
static void
test_pipeline (void **state)
{
  (void) state;
  struct reprint_params p;
  reprint_params_init (&p);
  char *s[3];
  /* Clean bodies, as the extractor gives them (000 without its caption). */
  char *t0 = read_sample ("000_a9864a11cced52c0.txt");
  s[0] = between (t0, "As their respective", "will not attempt to land.");
  char *t1 = read_sample ("001_ba268a7cdc32d459.txt");
  char *t2 = read_sample ("002_627ae5fae44a2e15.txt");
  s[1] = between (t1, "As their respective spacecrafts headed to Mars China",
                  "will not attempt to land.");
  s[2] = between (t2, "China confirmed on Wednesday", "a good sign.");
  struct minhash_sig sig[3];
  struct cluster_text ct[3];
  for (int i = 0; i < 3; i++)
    {
      minhash_sign (s[i], strlen (s[i]), &p, &sig[i]);
      cluster_text_init (&ct[i], s[i], strlen (s[i]), &p);
    }
  struct minhash_pair *pairs = NULL;
  size_t alloc = 0;
  size_t np = minhash_candidates (sig, 3, &p, &pairs, &alloc);
  assert_int_equal (np, 1);
  assert_int_equal (pairs[0].a, 0);
  assert_int_equal (pairs[0].b, 1);
  print_message ("000~001 estimated Jaccard %.2f\n",
                 minhash_jaccard (&sig[0], &sig[1]));
  struct cluster_link l;
  struct cluster_verdict v;
  cluster_verify (&ct[0], &ct[1], &p, &v);
  l = (struct cluster_link) { 0, 1, v.similarity, v.reprint };
  /* 000 is dated 2021-04, 001 2021-03-31 and credits AP. */
  struct cluster_article art[3] = { { 0, 20210400, true },
                                    { 1, 20210331, true },
                                    { 2, 20210331, false } };
  struct cluster_set cs;
  cluster_build (art, 3, &l, 1, &p, NULL, NULL, &cs);
  assert_int_equal (cs.n, 1);
  assert_int_equal (cs.v[0].n, 2);
  assert_int_equal (cs.v[0].members[0], 1);
  assert_int_equal (cs.v[0].members[1], 0);
  cluster_set_free (&cs);
  free (pairs);
  for (int i = 0; i < 3; i++)
    {
      minhash_free (&sig[i]);
      cluster_text_free (&ct[i]);
      free (s[i]);
    }
  free (t0);
  free (t1);
  free (t2);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_samples),
    cmocka_unit_test (test_truncated),
    cmocka_unit_test (test_reordered),
    cmocka_unit_test (test_retranslated),
    cmocka_unit_test (test_shared_quote),
    cmocka_unit_test (test_short),
    cmocka_unit_test (test_family),
    cmocka_unit_test (test_origin_order),
    cmocka_unit_test (test_no_chain),
    cmocka_unit_test (test_no_bridge),
    cmocka_unit_test (test_support),
    cmocka_unit_test (test_callback),
    cmocka_unit_test (test_link_order),
    cmocka_unit_test (test_large),
    cmocka_unit_test (test_pipeline),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
