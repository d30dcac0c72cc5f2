/* test-regress.c: the fuzz targets on saved inputs, without libFuzzer.

   Every file in tests/fuzz/regress/ (an input that once crashed a target,
   named TARGET-WHAT) and every seed in tests/fuzz/corpus/TARGET/ goes
   through the same function the fuzzer calls (tests/fuzz/fuzz-TARGET.c,
   compiled here with FUZZ_NO_MAIN), so a fixed bug stays fixed in a plain
   'make check'.  A crash or a failed FUZZ_CHECK aborts the test. */
#include "system.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>

#include "buf.h"
#include "fuzz.h"

static const struct
{
  const char *name;
  int (*fn) (const uint8_t *, size_t);
} regress_targets[] = {
  { "decode", fuzz_decode },
  { "article", fuzz_article },
  { "header", fuzz_header },
  { "date", fuzz_date },
  { "query", fuzz_query },
  { "tokens", fuzz_tokens },
  { "config", fuzz_config },
  { "outlets", fuzz_outlets },
  { "wdiff", fuzz_wdiff },
};

static const char *
regress_srcdir (void)
{
  const char *d = getenv ("top_srcdir");
  return d && *d ? d : ".";
}

static void
regress_read (const char *path, struct buf *b)
{
  FILE *f = fopen (path, "rb");
  if (f == NULL)
    fail_msg ("%s: %s", path, strerror (errno));
  char chunk[4096];
  size_t r;
  buf_reset (b);
  while ((r = fread (chunk, 1, sizeof chunk, f)) > 0)
    buf_add (b, chunk, r);
  assert_false (ferror (f));
  fclose (f);
}

/* Runs fn on every file of 'dir' whose name starts with 'prefix'; returns
   how many (0 when the directory does not exist). */
static size_t
regress_dir (const char *dir, const char *prefix,
             int (*fn) (const uint8_t *, size_t))
{
  DIR *d = opendir (dir);
  if (d == NULL)
    return 0;
  size_t n = 0;
  struct buf b = BUF_INIT;
  struct dirent *e;
  while ((e = readdir (d)) != NULL)
    {
      if (e->d_name[0] == '.' || strncmp (e->d_name, prefix,
                                          strlen (prefix)) != 0)
        continue;
      char *path = xasprintf ("%s/%s", dir, e->d_name);
      regress_read (path, &b);
      /* A copy of exactly the file's size, so ASan sees reads past it. */
      uint8_t *data = xmalloc (b.len ? b.len : 1);
      if (b.len)
        memcpy (data, b.data, b.len);
      print_message ("%s\n", path);
      assert_int_equal (fn (data, b.len), 0);
      free (data);
      free (path);
      n++;
    }
  closedir (d);
  buf_free (&b);
  return n;
}

static void
test_regress (void **state)
{
  (void) state;
  char *dir = xasprintf ("%s/tests/fuzz/regress", regress_srcdir ());
  for (size_t i = 0; i < ARRAY_SIZE (regress_targets); i++)
    {
      char *prefix = xasprintf ("%s-", regress_targets[i].name);
      regress_dir (dir, prefix, regress_targets[i].fn);
      free (prefix);
    }
  free (dir);
}

/* The seeds must at least not crash, and every target has some. */
static void
test_corpus (void **state)
{
  (void) state;
  for (size_t i = 0; i < ARRAY_SIZE (regress_targets); i++)
    {
      char *dir = xasprintf ("%s/tests/fuzz/corpus/%s", regress_srcdir (),
                             regress_targets[i].name);
      size_t n = regress_dir (dir, "", regress_targets[i].fn);
      if (n == 0)
        fail_msg ("%s: no seeds", dir);
      free (dir);
    }
}

/* The empty input, which libFuzzer always tries first. */
static void
test_empty (void **state)
{
  (void) state;
  static const uint8_t none[1];
  for (size_t i = 0; i < ARRAY_SIZE (regress_targets); i++)
    assert_int_equal (regress_targets[i].fn (none, 0), 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_empty),
    cmocka_unit_test (test_regress),
    cmocka_unit_test (test_corpus),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
