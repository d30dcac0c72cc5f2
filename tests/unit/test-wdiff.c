/* test-wdiff.c: the word diff, paragraph alignment and rendering. */
#include "system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <time.h>
#include <cmocka.h>

#include "buf.h"
#include "slowdown.h"
#include "text.h"
#include "wdiff.h"

/* ---- helpers ------------------------------------------------------------ */

static char *
read_sample (const char *name, size_t *len)
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
  *len = b.len;
  return buf_steal (&b);
}

/* The substring of s from the first 'from' to the end of the first 'to'
   after it. */
static char *
between (const char *s, const char *from, const char *to)
{
  const char *a = strstr (s, from);
  assert_non_null (a);
  const char *b = strstr (a, to);
  assert_non_null (b);
  return xstrndup (a, (size_t) (b - a) + strlen (to));
}

static void
diff (const char *a, const char *b, struct wdiff *d)
{
  wdiff_run (a, strlen (a), b, strlen (b), NULL, d);
}

static char *
inline_plain (const struct wdiff *d)
{
  struct buf b = BUF_INIT;
  wdiff_render_inline (d, WDIFF_PLAIN, &b);
  return buf_steal (&b);
}

static size_t
count_kind (const struct wdiff *d, enum wdiff_kind k)
{
  size_t n = 0;
  for (size_t i = 0; i < d->n_ops; i++)
    n += d->ops[i].kind == k;
  return n;
}

/* Is there a replace op whose left text contains l and right text r? */
static bool
has_replace (const struct wdiff *d, const char *l, const char *r)
{
  for (size_t i = 0; i < d->n_ops; i++)
    {
      const struct wdiff_op *op = &d->ops[i];
      if (op->kind != WDIFF_REPLACE)
        continue;
      char *x = xstrndup (d->a + op->a_off, op->a_len);
      char *y = xstrndup (d->b + op->b_off, op->b_len);
      bool ok = strstr (x, l) && strstr (y, r);
      free (x);
      free (y);
      if (ok)
        return true;
    }
  return false;
}

/* ---- the matcher ------------------------------------------------------- */

static size_t
lcs_len (const uint64_t *a, size_t n, const uint64_t *b, size_t m)
{
  size_t *row = xcalloc (m + 1, sizeof *row), best;
  for (size_t i = 0; i < n; i++)
    {
      size_t diag = 0;
      for (size_t j = 0; j < m; j++)
        {
          size_t up = row[j + 1];
          row[j + 1] = a[i] == b[j] ? diag + 1 : MAX (row[j], row[j + 1]);
          diag = up;
        }
    }
  best = row[m];
  free (row);
  return best;
}

static void
test_match_lcs (void **state)
{
  (void) state;
  uint64_t rng = 12345;
  for (int trial = 0; trial < 200; trial++)
    {
      size_t n = 1 + trial % 60, m = 1 + (trial * 7) % 70;
      uint64_t a[64], b[72];
      for (size_t i = 0; i < n; i++)
        rng = rng * 6364136223846793005u + 1, a[i] = (rng >> 33) % 6;
      for (size_t j = 0; j < m; j++)
        rng = rng * 6364136223846793005u + 1, b[j] = (rng >> 33) % 6;
      struct wdiff_match *mt = NULL;
      size_t alloc = 0;
      size_t k = wdiff_match_keys (a, n, b, m, &mt, &alloc);
      for (size_t x = 0; x < k; x++)
        {
          assert_true (a[mt[x].a] == b[mt[x].b]);
          if (x)
            assert_true (mt[x].a > mt[x - 1].a && mt[x].b > mt[x - 1].b);
        }
      /* Small regions are solved exactly. */
      assert_int_equal (k, lcs_len (a, n, b, m));
      free (mt);
    }
}

static void
test_match_large (void **state)
{
  (void) state;
  /* 20,000 keys with edits every 50: patience territory (no DP). */
  size_t n = 20000;
  uint64_t *a = xmalloc (n * sizeof *a), *b = xmalloc (n * sizeof *b);
  for (size_t i = 0; i < n; i++)
    a[i] = b[i] = i % 3000;        /* repeats: not all unique */
  for (size_t i = 25; i < n; i += 50)
    b[i] = 1000000 + i;
  struct wdiff_match *mt = NULL;
  size_t alloc = 0;
  size_t k = wdiff_match_keys (a, n, b, n, &mt, &alloc);
  assert_int_equal (k, n - n / 50);
  free (mt);
  free (a);
  free (b);
}

/* ---- diffs --------------------------------------------------------------- */

static void
test_identical (void **state)
{
  (void) state;
  const char *t = "First paragraph, with words.\n\nSecond one.\n\nThird.";
  struct wdiff d;
  diff (t, t, &d);
  assert_int_equal (d.n_a_paras, 3);
  assert_int_equal (d.n_pairs, 3);
  for (size_t i = 0; i < d.n_pairs; i++)
    {
      assert_int_equal (d.pairs[i].left, (ptrdiff_t) i);
      assert_int_equal (d.pairs[i].right, (ptrdiff_t) i);
      assert_false (d.pairs[i].moved);
      assert_true (d.pairs[i].similarity == 1.0);
    }
  assert_int_equal (count_kind (&d, WDIFF_EQUAL), d.n_ops);
  assert_int_equal (d.sum.words_added + d.sum.words_removed
                    + d.sum.words_changed, 0);
  assert_true (d.sum.similarity == 1.0);
  char *s = inline_plain (&d);
  assert_string_equal (s, "First paragraph, with words.\n\nSecond one.\n\nThird.\n");
  free (s);
  wdiff_free (&d);
}

static void
test_empty (void **state)
{
  (void) state;
  struct wdiff d;
  diff ("", "", &d);
  assert_int_equal (d.n_pairs, 0);
  assert_true (d.sum.similarity == 1.0);
  wdiff_free (&d);

  diff ("  \n\n \n", "One two.", &d);
  assert_int_equal (d.n_pairs, 1);
  assert_int_equal (d.pairs[0].left, -1);
  assert_int_equal (d.pairs[0].right, 0);
  assert_int_equal (d.sum.words_added, 2);
  assert_int_equal (d.sum.paras_added, 1);
  assert_true (d.sum.similarity == 0.0);
  char *s = inline_plain (&d);
  assert_string_equal (s, "{+One two.+}\n");
  free (s);
  wdiff_free (&d);
}

static void
test_all_different (void **state)
{
  (void) state;
  struct wdiff d;
  diff ("alpha beta gamma", "delta epsilon zeta eta", &d);
  assert_int_equal (count_kind (&d, WDIFF_EQUAL), 0);
  assert_int_equal (d.sum.words_equal, 0);
  assert_true (d.sum.similarity == 0.0);
  assert_int_equal (d.sum.words_removed + d.sum.words_changed, 3);
  assert_int_equal (d.sum.words_added + d.sum.words_changed, 4);
  wdiff_free (&d);
}

static void
test_one_word (void **state)
{
  (void) state;
  const char *a = "The quick brown fox jumps over the lazy dog.";
  const char *b = "The quick brown cat jumps over the lazy dog.";
  struct wdiff d;
  diff (a, b, &d);
  assert_int_equal (count_kind (&d, WDIFF_REPLACE), 1);
  assert_int_equal (count_kind (&d, WDIFF_DELETE), 0);
  assert_int_equal (count_kind (&d, WDIFF_INSERT), 0);
  assert_true (has_replace (&d, "fox", "cat"));
  for (size_t i = 0; i < d.n_ops; i++)
    if (d.ops[i].kind == WDIFF_REPLACE)
      {
        assert_int_equal (d.ops[i].a_off, 16);
        assert_int_equal (d.ops[i].a_len, 3);
        assert_int_equal (d.ops[i].b_off, 16);
        assert_int_equal (d.ops[i].b_len, 3);
      }
  assert_int_equal (d.sum.words_changed, 1);
  assert_int_equal (d.sum.words_added, 0);
  assert_int_equal (d.sum.words_removed, 0);
  char *s = inline_plain (&d);
  assert_string_equal (s, "The quick brown [-fox-]{+cat+} jumps over the lazy dog.\n");
  free (s);
  wdiff_free (&d);

  /* A deleted and an inserted word keep their spaces. */
  diff ("one two three", "one three four", &d);
  s = inline_plain (&d);
  assert_string_equal (s, "one [-two-] three {+four+}\n");
  free (s);
  wdiff_free (&d);
}

static void
test_typography (void **state)
{
  (void) state;
  /* Curly and straight quotes, an en dash for a hyphen, a soft hyphen, a
     no-break space, a zero-width space: not edits. */
  const char *a = "China\xe2\x80\x99s \xe2\x80\x9c" "flight safety\xe2\x80\x9d "
    "\xe2\x80\x93 military\xe2\x80\x91" "backed safe\xc2\xad" "guards,\xc2\xa0"
    "done\xe2\x80\x8b" ".";
  const char *b = "China's \"flight safety\" - military-backed safeguards, done.";
  struct wdiff d;
  diff (a, b, &d);
  assert_int_equal (d.n_pairs, 1);
  assert_int_equal (count_kind (&d, WDIFF_EQUAL), d.n_ops);
  assert_true (d.sum.similarity == 1.0);
  wdiff_free (&d);

  /* A real edit still shows. */
  diff ("Their craft.", "Their crafts.", &d);
  assert_true (has_replace (&d, "craft", "crafts"));
  wdiff_free (&d);
}

static void
test_cleanup (void **state)
{
  (void) state;
  const char *a = "we saw red the blue car today";
  const char *b = "we saw green the yellow car today";
  struct wdiff d;
  diff (a, b, &d);
  char *s = inline_plain (&d);
  assert_string_equal (s, "we saw [-red the blue-]{+green the yellow+} car today\n");
  free (s);
  assert_int_equal (count_kind (&d, WDIFF_REPLACE), 1);
  wdiff_free (&d);

  struct wdiff_params p;
  wdiff_params_init (&p);
  p.cleanup = false;
  wdiff_run (a, strlen (a), b, strlen (b), &p, &d);
  assert_int_equal (count_kind (&d, WDIFF_REPLACE), 2);
  wdiff_free (&d);

  /* A longer unchanged run stays. */
  diff ("x a b c y", "p a b c q", &d);
  assert_int_equal (count_kind (&d, WDIFF_REPLACE), 2);
  wdiff_free (&d);
}

#define P1 "Officials in the capital announced a new budget on Monday morning."
#define P2 "The opposition leader called the plan reckless and promised a vote."
#define P3 "Markets rose sharply after the announcement, led by bank shares."
#define P4 "Analysts expect the parliament to debate the measures next week."
#define P2E "The opposition leader called the plan dangerous and promised a vote."

static void
test_moved (void **state)
{
  (void) state;
  struct wdiff d;
  diff (P1 "\n\n" P2 "\n\n" P3 "\n\n" P4, P1 "\n\n" P3 "\n\n" P4 "\n\n" P2, &d);
  assert_int_equal (d.n_pairs, 4);
  size_t moved = 0;
  for (size_t i = 0; i < d.n_pairs; i++)
    {
      assert_true (d.pairs[i].left >= 0 && d.pairs[i].right >= 0);
      assert_true (d.pairs[i].similarity == 1.0);
      if (d.pairs[i].moved)
        {
          moved++;
          assert_int_equal (d.pairs[i].left, 1);
          assert_int_equal (d.pairs[i].right, 3);
        }
    }
  assert_int_equal (moved, 1);
  assert_int_equal (d.sum.paras_moved, 1);
  assert_int_equal (d.sum.words_added + d.sum.words_removed, 0);
  /* Display order follows the right text. */
  assert_int_equal (d.pairs[3].right, 3);
  wdiff_free (&d);
}

static void
test_moved_edited (void **state)
{
  (void) state;
  struct wdiff d;
  diff (P1 "\n\n" P2 "\n\n" P3 "\n\n" P4, P1 "\n\n" P3 "\n\n" P4 "\n\n" P2E, &d);
  assert_int_equal (d.n_pairs, 4);
  assert_int_equal (d.sum.paras_moved, 1);
  assert_int_equal (d.sum.paras_added + d.sum.paras_removed, 0);
  const struct wdiff_pair *m = &d.pairs[3];
  assert_true (m->moved);
  assert_int_equal (m->left, 1);
  assert_true (m->similarity > 0.8 && m->similarity < 1.0);
  assert_true (has_replace (&d, "reckless", "dangerous"));
  assert_int_equal (d.sum.words_changed, 1);
  char *s = inline_plain (&d);
  assert_non_null (strstr (s, "(moved from paragraph 2)\nThe opposition "
                           "leader called the plan [-reckless-]{+dangerous+}"));
  free (s);
  wdiff_free (&d);
}

static void
test_deleted_inserted (void **state)
{
  (void) state;
  struct wdiff d;
  diff (P1 "\n\n" P2 "\n\n" P4, P1 "\n\n" P3 "\n\n" P4, &d);
  assert_int_equal (d.sum.paras_added, 1);
  assert_int_equal (d.sum.paras_removed, 1);
  assert_int_equal (d.sum.paras_moved, 0);
  assert_int_equal (d.n_pairs, 4);
  assert_int_equal (d.pairs[0].left, 0);
  assert_int_equal (d.pairs[3].left, 2);
  wdiff_free (&d);
}

/* ---- big inputs ------------------------------------------------------- */

static uint64_t
rnd (uint64_t *s)
{
  *s = *s * 6364136223846793005u + 1442695040888963407u;
  return *s >> 33;
}

static void
add_word (struct buf *b, uint64_t *rng)
{
  static const char *syl[] = { "ka", "lo", "mi", "ne", "tor", "shi", "ra",
                               "ven", "du", "pe", "ax", "qui" };
  unsigned n = 1 + rnd (rng) % 3;
  for (unsigned i = 0; i < n; i++)
    buf_adds (b, syl[rnd (rng) % ARRAY_SIZE (syl)]);
}

/* Left: 100,000 words in paragraphs of 50 ('para' true) or one paragraph.
   Right: the same with about 1% of words changed, some inserted, and
   every 40th paragraph moved to the end. */
static void
big_texts (bool para, struct buf *a, struct buf *b)
{
  uint64_t rng = 42, r2 = 7;
  struct buf moved = BUF_INIT;
  size_t words = 100000;
  for (size_t i = 0; i < words; i++)
    {
      bool brk = para && i % 50 == 0 && i > 0;
      size_t pnum = i / 50;
      struct buf *target = para && pnum % 40 == 17 ? &moved : b;
      if (brk)
        {
          buf_adds (a, "\n\n");
          if (target == b || (target == &moved && i % 50 == 0))
            buf_adds (target, "\n\n");
        }
      else if (i)
        {
          buf_addc (a, ' ');
          buf_addc (target, ' ');
        }
      size_t st = a->len;
      add_word (a, &rng);
      uint64_t x = rnd (&r2) % 100;
      if (x == 0)
        add_word (target, &r2);
      else
        buf_add (target, a->data + st, a->len - st);
      if (x == 1)
        buf_adds (target, " inserted");
    }
  buf_add (b, moved.data, moved.len);
  buf_free (&moved);
}

static void
test_big (void **state)
{
  (void) state;
  for (int para = 1; para >= 0; para--)
    {
      struct buf a = BUF_INIT, b = BUF_INIT;
      big_texts (para, &a, &b);
      clock_t t0 = clock ();
      struct wdiff d;
      wdiff_run (a.data, a.len, b.data, b.len, NULL, &d);
      double secs = (double) (clock () - t0) / CLOCKS_PER_SEC;
      print_message ("100,000 words, %s: %.2f s, %zu pairs, similarity %.3f,"
                     " %zu moved\n", para ? "paragraphs" : "one paragraph",
                     secs, d.n_pairs, d.sum.similarity, d.sum.paras_moved);
      assert_true (secs < 5.0 * test_slowdown ());
      assert_int_equal (d.sum.left_words, 100000);
      assert_true (d.sum.similarity > 0.95);
      if (para)
        {
          assert_int_equal (d.n_a_paras, 2000);
          assert_true (d.sum.paras_moved >= 45);
          assert_int_equal (d.sum.paras_added + d.sum.paras_removed, 0);
        }
      wdiff_free (&d);
      buf_free (&a);
      buf_free (&b);
    }
}

/* ---- the samples ------------------------------------------------------ */

static void
test_samples (void **state)
{
  (void) state;
  size_t n0, n1;
  char *s0 = read_sample ("000_a9864a11cced52c0.txt", &n0);
  char *s1 = read_sample ("001_ba268a7cdc32d459.txt", &n1);
  char *b0 = between (s0, "As their respective", "will not attempt to land.");
  char *b1 = between (s1, "As their respective spacecrafts headed to Mars China",
                      "will not attempt to land.");
  struct wdiff d;
  diff (b0, b1, &d);
  assert_int_equal (d.n_a_paras, 10);
  assert_int_equal (d.n_b_paras, 10);
  /* Every paragraph aligned with its counterpart, in order. */
  assert_int_equal (d.n_pairs, 10);
  for (size_t i = 0; i < d.n_pairs; i++)
    {
      assert_int_equal (d.pairs[i].left, (ptrdiff_t) i);
      assert_int_equal (d.pairs[i].right, (ptrdiff_t) i);
      assert_false (d.pairs[i].moved);
    }
  assert_true (has_replace (&d, "spacecraft", "spacecrafts"));
  assert_true (has_replace (&d, "United States", "U.S"));
  assert_true (has_replace (&d, "craft", "crafts"));
  assert_true (d.sum.similarity > 0.6 && d.sum.similarity < 0.95);
  print_message ("samples 000/001: similarity %.3f, +%zu -%zu ~%zu words\n",
                 d.sum.similarity, d.sum.words_added, d.sum.words_removed,
                 d.sum.words_changed);
  wdiff_free (&d);

  /* The whole of 000 (caption first) against 001's body: the caption is
     deleted (the summary says so), but as it repeats 001's second
     paragraph it is shown against it (an echo): "boats" -> "crafts".  The
     rest is aligned. */
  diff (s0, b1, &d);
  assert_int_equal (d.sum.paras_removed, 1);
  assert_int_equal (d.pairs[0].left, 0);
  assert_true (d.pairs[0].echo);
  assert_int_equal (d.pairs[0].right, 1);
  assert_true (has_replace (&d, "boats", "crafts"));
  for (size_t i = 1; i < d.n_pairs; i++)
    assert_false (d.pairs[i].echo);
  assert_int_equal (d.sum.paras_moved, 0);
  wdiff_free (&d);

  /* 000's caption repeats 001's second paragraph with "boats". */
  char *cap = between (s0, "The Chinese National Space Agency confirmed on",
                       "of their boats.");
  char *p2 = between (s1, "China's National Space Agency confirmed",
                      "of their crafts.");
  diff (cap, p2, &d);
  assert_true (has_replace (&d, "boats", "crafts"));
  wdiff_free (&d);
  free (cap);
  free (p2);
  free (b0);
  free (b1);
  free (s0);
  free (s1);
}

/* ---- rendering ---------------------------------------------------------- */

static void
check_side_lines (const struct wdiff_lines *l, int width)
{
  int col = (width - 3) / 2;
  assert_int_equal (l->col, col);
  assert_true (l->n > 0);
  for (size_t i = 0; i < l->n; i++)
    {
      const struct wdiff_line *ln = &l->v[i];
      assert_int_equal (text_width (ln->text, ln->len), 2 * col + 3);
      assert_int_equal (ln->width, 2 * col + 3);
      int used;
      size_t cut = text_fit (ln->text, ln->len, col, &used);
      assert_int_equal (used, col);
      assert_memory_equal (ln->text + cut, " | ", 3);
      assert_int_equal (text_width (ln->text + cut + 3, ln->len - cut - 3),
                        col);
    }
}

static void
test_side_by_side (void **state)
{
  (void) state;
  const char *a = "東京で会議が開かれた。参加者は多かった。 Tokyo hosted the "
    "meeting and many people came.\n\nUnchanged paragraph here.";
  const char *b = "大阪で会議が開かれた。参加者は少なかった。 Osaka hosted the "
    "meeting and few people came.\n\nUnchanged paragraph here.\n\n"
    "A new closing paragraph ＡＢＣ.";
  struct wdiff d;
  diff (a, b, &d);
  for (int width = 13; width <= 81; width += 17)
    for (int style = WDIFF_PLAIN; style <= WDIFF_ANSI; style++)
      {
        struct wdiff_lines l = WDIFF_LINES_INIT;
        wdiff_layout_side (&d, width, style, &l);
        check_side_lines (&l, width);
        wdiff_lines_free (&l);
      }

  struct buf out = BUF_INIT;
  wdiff_render_side (&d, 80, WDIFF_PLAIN, &out);
  assert_non_null (strstr (out.data, "[-Tokyo-]"));
  assert_non_null (strstr (out.data, "{+Osaka+}"));
  assert_non_null (strstr (out.data, "[-東京-]"));
  assert_non_null (strstr (out.data, "{+大阪+}"));
  assert_non_null (strstr (out.data, "+ {+A new closing"));
  assert_null (strstr (out.data, "\033["));
  buf_reset (&out);
  wdiff_render_side (&d, 80, WDIFF_ANSI, &out);
  assert_non_null (strstr (out.data, "\033[31;9mTokyo\033[0m"));
  assert_non_null (strstr (out.data, "\033[32;4mOsaka\033[0m"));
  assert_null (strstr (out.data, "[-"));
  buf_free (&out);
  wdiff_free (&d);
}

static void
test_side_moved (void **state)
{
  (void) state;
  struct wdiff d;
  diff (P1 "\n\n" P2 "\n\n" P3, P1 "\n\n" P3 "\n\n" P2E, &d);
  struct wdiff_lines l = WDIFF_LINES_INIT;
  wdiff_layout_side (&d, 60, WDIFF_PLAIN, &l);
  check_side_lines (&l, 60);
  bool moved = false;
  for (size_t i = 0; i < l.n; i++)
    if (strncmp (l.v[i].text, "~ ", 2) == 0)
      {
        moved = true;
        size_t k;
        for (k = 0; k < l.v[i].n_spans; k++)
          if (l.v[i].spans[k].attr == WDIFF_ATTR_GUTTER_MOVED)
            break;
        assert_true (k < l.v[i].n_spans);
      }
  assert_true (moved);
  wdiff_lines_free (&l);
  wdiff_free (&d);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_match_lcs),
    cmocka_unit_test (test_match_large),
    cmocka_unit_test (test_identical),
    cmocka_unit_test (test_empty),
    cmocka_unit_test (test_all_different),
    cmocka_unit_test (test_one_word),
    cmocka_unit_test (test_typography),
    cmocka_unit_test (test_cleanup),
    cmocka_unit_test (test_moved),
    cmocka_unit_test (test_moved_edited),
    cmocka_unit_test (test_deleted_inserted),
    cmocka_unit_test (test_big),
    cmocka_unit_test (test_samples),
    cmocka_unit_test (test_side_by_side),
    cmocka_unit_test (test_side_moved),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
