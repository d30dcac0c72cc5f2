/* test-minhash.c: MinHash estimates, LSH banding, blobs. */
#include "system.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>

#include "buf.h"
#include "minhash.h"
#include "wordseq.h"

static uint64_t
key (uint64_t set, uint64_t i)
{
  return wordseq_mix (set * UINT64_C (1000003) + i + 1);
}

static void
shuffle (uint64_t *v, size_t n, uint64_t *rng)
{
  for (size_t i = n; i > 1; i--)
    {
      *rng = wordseq_mix (*rng + 1);
      size_t j = *rng % i;
      uint64_t t = v[i - 1];
      v[i - 1] = v[j];
      v[j] = t;
    }
}

/* Two sequences of distinct keys whose sets have exactly the Jaccard
   similarity inter/union, in random order. */
static void
make_pair (uint64_t seed, size_t uni, size_t inter, uint64_t **a, size_t *na,
           uint64_t **b, size_t *nb)
{
  size_t own = (uni - inter) / 2;
  *na = *nb = inter + own;
  *a = xmalloc (*na * sizeof **a);
  *b = xmalloc (*nb * sizeof **b);
  for (size_t i = 0; i < inter; i++)
    (*a)[i] = (*b)[i] = key (seed, i);
  for (size_t i = 0; i < own; i++)
    {
      (*a)[inter + i] = key (seed, uni + i);
      (*b)[inter + i] = key (seed, 2 * uni + i);
    }
  uint64_t rng = seed;
  shuffle (*a, *na, &rng);
  shuffle (*b, *nb, &rng);
}

static void
params_words (struct reprint_params *p)
{
  reprint_params_init (p);
  p->shingle = 1;               /* sets of keys, as constructed */
}

static void
test_estimates (void **state)
{
  (void) state;
  struct reprint_params p;
  params_words (&p);
  const double js[] = { 0.2, 0.5, 0.8 };
  for (size_t t = 0; t < ARRAY_SIZE (js); t++)
    {
      double k = MINHASH_HASHES (&p), j = js[t];
      double sigma = sqrt (j * (1 - j) / k), sum = 0;
      int trials = 30;
      for (int s = 0; s < trials; s++)
        {
          uint64_t *a, *b;
          size_t na, nb;
          make_pair (100 * t + s + 1, 1000, (size_t) (1000 * j), &a, &na, &b,
                     &nb);
          struct minhash_sig sa, sb;
          minhash_sign_keys (a, na, &p, &sa);
          minhash_sign_keys (b, nb, &p, &sb);
          double est = minhash_jaccard (&sa, &sb);
          assert_true (fabs (est - j) <= 3 * sigma);
          sum += est;
          assert_int_equal (sa.shingles, na);
          minhash_free (&sa);
          minhash_free (&sb);
          free (a);
          free (b);
        }
      /* The mean of independent estimates is unbiased. */
      assert_true (fabs (sum / trials - j) <= 3 * sigma / sqrt (trials));
    }
}

/* A truncated copy (a third of the text) has a Jaccard similarity of a
   third but a containment near 1; two unrelated texts estimate near 0. */
static void
test_containment (void **state)
{
  (void) state;
  struct reprint_params p;
  params_words (&p);
  uint64_t *a, *b;
  size_t na, nb;
  make_pair (42, 900, 0, &a, &na, &b, &nb);
  struct minhash_sig sa, sa3, sb;
  minhash_sign_keys (a, na, &p, &sa);
  minhash_sign_keys (a, na / 3, &p, &sa3);
  minhash_sign_keys (b, nb, &p, &sb);
  double sigma = sqrt ((1.0 / 3) * (2.0 / 3) / MINHASH_HASHES (&p));
  assert_true (fabs (minhash_jaccard (&sa, &sa3) - 1.0 / 3) <= 3 * sigma);
  assert_true (minhash_containment (&sa, &sa3) >= 0.85);
  assert_true (minhash_containment (&sa3, &sa) >= 0.85);
  assert_true (minhash_containment (&sa, &sb) <= 0.05);
  assert_true (minhash_containment (&sa, &sa) == 1.0);
  struct minhash_sig empty;
  minhash_sign_keys (a, 0, &p, &empty);
  assert_true (minhash_containment (&sa, &empty) == 0);
  minhash_free (&sa);
  minhash_free (&sa3);
  minhash_free (&sb);
  minhash_free (&empty);
  free (a);
  free (b);
}

static bool
shares_key (const struct minhash_sig *a, const struct minhash_sig *b,
            const struct reprint_params *p)
{
  uint64_t ka[2 * MINHASH_MAX_HASHES], kb[2 * MINHASH_MAX_HASHES];
  size_t n = minhash_band_keys (a, p, ka);
  size_t m = minhash_band_keys (b, p, kb);
  for (size_t i = 0; i < MIN (n, m); i++)
    if (ka[i] == kb[i])
      return true;
  return false;
}

/* Fraction of 'pairs' constructed pairs at Jaccard j that LSH finds. */
static double
lsh_recall (const struct reprint_params *p, double j, int pairs)
{
  int found = 0;
  for (int s = 0; s < pairs; s++)
    {
      uint64_t *a, *b;
      size_t na, nb;
      make_pair (7919 * s + (uint64_t) (j * 100), 400, (size_t) (400 * j),
                 &a, &na, &b, &nb);
      struct minhash_sig sa, sb;
      minhash_sign_keys (a, na, p, &sa);
      minhash_sign_keys (b, nb, p, &sb);
      found += shares_key (&sa, &sb, p);
      minhash_free (&sa);
      minhash_free (&sb);
      free (a);
      free (b);
    }
  return (double) found / pairs;
}

static void
test_lsh_scurve (void **state)
{
  (void) state;
  struct reprint_params p;
  params_words (&p);
  p.lead_words = 0;             /* the whole text only: the textbook curve */
  double r8 = lsh_recall (&p, 0.8, 300);
  double r5 = lsh_recall (&p, 0.5, 300);
  double r2 = lsh_recall (&p, 0.2, 300);
  double r05 = lsh_recall (&p, 0.05, 300);
  print_message ("LSH recall: J=0.8 %.3f, 0.5 %.3f, 0.2 %.3f, 0.05 %.3f\n",
                 r8, r5, r2, r05);
  assert_true (r8 >= 0.99);
  assert_true (r5 >= 0.85);     /* theory: 0.95 */
  assert_true (r2 <= 0.15);     /* theory: 0.074 */
  assert_true (r05 <= 0.01);
}

static void
test_lsh_truncated (void **state)
{
  (void) state;
  struct reprint_params p;
  params_words (&p);
  /* Reprints cut to their first 300 words of 1000: whole-text Jaccard 0.3. */
  int found = 0, found_nolead = 0, pairs = 100;
  for (int s = 0; s < pairs; s++)
    {
      uint64_t *a = xmalloc (1000 * sizeof *a);
      for (size_t i = 0; i < 1000; i++)
        a[i] = key (s + 5000, i);
      struct minhash_sig sa, sb;
      minhash_sign_keys (a, 1000, &p, &sa);
      minhash_sign_keys (a, 300, &p, &sb);
      found += shares_key (&sa, &sb, &p);
      minhash_free (&sa);
      minhash_free (&sb);
      p.lead_words = 0;
      minhash_sign_keys (a, 1000, &p, &sa);
      minhash_sign_keys (a, 300, &p, &sb);
      found_nolead += shares_key (&sa, &sb, &p);
      minhash_free (&sa);
      minhash_free (&sb);
      p.lead_words = 100;
      free (a);
    }
  assert_int_equal (found, pairs);
  assert_true (found_nolead < pairs * 6 / 10);    /* theory: 32% */
}

static void
test_empty_and_short (void **state)
{
  (void) state;
  struct reprint_params p;
  reprint_params_init (&p);
  struct minhash_sig s, t;
  minhash_sign ("", 0, &p, &s);
  assert_int_equal (s.shingles, 0);
  assert_int_equal (minhash_n_keys (&s, &p), 0);
  minhash_sign ("  ...  ", 7, &p, &t);
  assert_true (minhash_jaccard (&s, &t) == 0);
  minhash_free (&s);
  minhash_free (&t);

  /* One word: one shingle, and it matches itself. */
  minhash_sign ("Hello", 5, &p, &s);
  minhash_sign ("hello!", 6, &p, &t);
  assert_int_equal (s.shingles, 1);
  assert_true (minhash_jaccard (&s, &t) == 1.0);
  assert_int_equal (minhash_n_keys (&s, &p), 2 * p.bands);
  minhash_free (&s);
  minhash_free (&t);
}

static void
test_normalisation (void **state)
{
  (void) state;
  struct reprint_params p;
  reprint_params_init (&p);
  const char *a = "China\xe2\x80\x99s \xe2\x80\x9c" "flight safety\xe2\x80\x9d, "
    "its CRAFT \xe2\x80\x94 the caf\xc3\xa9.";
  const char *b = "China's \"flight safety\" its craft - the cafe";
  struct minhash_sig s, t;
  minhash_sign (a, strlen (a), &p, &s);
  minhash_sign (b, strlen (b), &p, &t);
  assert_true (minhash_jaccard (&s, &t) == 1.0);
  assert_memory_equal (s.mins, t.mins, 2 * s.k * sizeof *s.mins);
  minhash_free (&t);
  minhash_sign ("China's flight safety its boat the cafe", 39, &p, &t);
  assert_true (minhash_jaccard (&s, &t) < 1.0);
  minhash_free (&s);
  minhash_free (&t);
}

/* A long text is tokenized in pieces: the signature is that of all its
   words at once. */
static void
test_long_text (void **state)
{
  (void) state;
  struct reprint_params p;
  reprint_params_init (&p);
  struct buf b = BUF_INIT;
  for (int i = 0; b.len < 300000; i++)
    buf_printf (&b, "word%d caf\xc3\xa9-%d,\t\"quoted\"\n\n%s", i % 977, i,
                i % 5 ? "" : "a-long-run-of-letters-without-white-space-");
  struct wordseq ws = WORDSEQ_INIT;
  wordseq_add (&ws, b.data, 0, b.len);
  uint64_t *keys = xmalloc (ws.words * sizeof *keys);
  size_t nw = 0;
  for (size_t i = 0; i < ws.n; i++)
    if (ws.v[i].word)
      keys[nw++] = ws.v[i].key;
  struct minhash_sig s, t;
  minhash_sign_keys (keys, nw, &p, &s);
  minhash_sign (b.data, b.len, &p, &t);
  assert_int_equal (s.words, t.words);
  assert_int_equal (s.shingles, t.shingles);
  assert_memory_equal (s.mins, t.mins, 2 * s.k * sizeof *s.mins);
  minhash_free (&s);
  minhash_free (&t);
  free (keys);
  wordseq_free (&ws);
  buf_free (&b);
}

static void
test_blob (void **state)
{
  (void) state;
  struct reprint_params p;
  reprint_params_init (&p);
  const char *text = "one two three four five six seven eight nine ten";
  struct minhash_sig s, t;
  minhash_sign (text, strlen (text), &p, &s);
  unsigned char *blob = NULL;
  size_t alloc = 0;
  size_t n = minhash_to_blob (&s, &blob, &alloc);
  assert_int_equal (n, MINHASH_BLOB_SIZE (MINHASH_HASHES (&p)));
  assert_memory_equal (blob, "BMH2", 4);
  assert_int_equal (blob[4] | blob[5] << 8, MINHASH_HASHES (&p));
  assert_int_equal (blob[12], 10);                /* words, little-endian */
  assert_int_equal (blob[16], s.mins[0] & 0xff);
  assert_true (minhash_from_blob (blob, n, &t));
  assert_int_equal (t.k, s.k);
  assert_int_equal (t.shingles, s.shingles);
  assert_int_equal (t.words, 10);
  assert_memory_equal (t.mins, s.mins, 2 * s.k * sizeof *s.mins);
  minhash_free (&t);

  /* Malformed: short, wrong magic, wrong size for k. */
  assert_false (minhash_from_blob (blob, n - 1, &t));
  assert_null (t.mins);
  blob[0] = 'X';
  assert_false (minhash_from_blob (blob, n, &t));
  blob[0] = 'B';
  blob[4] = 3;
  assert_false (minhash_from_blob (blob, n, &t));
  assert_false (minhash_from_blob (blob, 3, &t));
  free (blob);
  minhash_free (&s);
}

/* The format is stable: a signature stored today compares tomorrow. */
static void
test_stable (void **state)
{
  (void) state;
  struct reprint_params p;
  params_words (&p);
  p.bands = 48;
  p.rows = 4;
  uint64_t keys[] = { 1, 2, 3 };
  struct minhash_sig s;
  minhash_sign_keys (keys, 3, &p, &s);
  uint64_t bk[2 * MINHASH_MAX_HASHES];
  minhash_band_keys (&s, &p, bk);
  assert_int_equal (s.mins[0], 0xd56777);
  assert_true (bk[0] == UINT64_C (0x5b688550f78e7c4b));
  for (size_t i = 0; i < minhash_n_keys (&s, &p); i++)
    assert_true (bk[i] <= (uint64_t) INT64_MAX);
  minhash_free (&s);
}

static void
test_candidates (void **state)
{
  (void) state;
  struct reprint_params p;
  params_words (&p);
  /* Eight texts: 0~1 (J 0.8), 2~3~4 (near-identical), the rest unrelated. */
  struct minhash_sig sig[8];
  for (size_t i = 0; i < 8; i++)
    {
      uint64_t v[300];
      uint64_t set = i == 1 ? 0 : i == 3 || i == 4 ? 2 : i;
      for (size_t j = 0; j < 300; j++)
        v[j] = key (set + 900, j);
      if (i == 1)
        for (size_t j = 0; j < 33; j++)
          v[j] = key (999, j);     /* 267 shared of 333: J = 0.8 */
      if (i == 4)
        v[0] = key (998, 0);
      minhash_sign_keys (v, 300, &p, &sig[i]);
    }
  struct minhash_pair *pairs = NULL;
  size_t alloc = 0;
  size_t n = minhash_candidates (sig, 8, &p, &pairs, &alloc);
  assert_int_equal (n, 4);
  const size_t want[4][2] = { { 0, 1 }, { 2, 3 }, { 2, 4 }, { 3, 4 } };
  for (size_t i = 0; i < 4; i++)
    {
      assert_int_equal (pairs[i].a, want[i][0]);
      assert_int_equal (pairs[i].b, want[i][1]);
    }
  free (pairs);
  for (size_t i = 0; i < 8; i++)
    minhash_free (&sig[i]);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_estimates),
    cmocka_unit_test (test_containment),
    cmocka_unit_test (test_lsh_scurve),
    cmocka_unit_test (test_lsh_truncated),
    cmocka_unit_test (test_empty_and_short),
    cmocka_unit_test (test_normalisation),
    cmocka_unit_test (test_long_text),
    cmocka_unit_test (test_blob),
    cmocka_unit_test (test_stable),
    cmocka_unit_test (test_candidates),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
