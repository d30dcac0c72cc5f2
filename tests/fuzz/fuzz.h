/* fuzz.h: the fuzz targets, one function each.

   Every target is a function taking the raw input and returning 0; a bug
   shows as a sanitizer report or an abort.  tests/fuzz/fuzz-NAME.c defines
   fuzz_NAME and, unless FUZZ_NO_MAIN is defined, libFuzzer's entry point
   calling it.  tests/unit/test-regress.c compiles the same files with
   FUZZ_NO_MAIN and feeds them the saved inputs, so the regressions run in
   'make check' without clang.  Targets are deterministic, free everything
   they allocate per input (what they set up once stays reachable), and
   never write files. */
#ifndef BYLINE_FUZZ_H
#define BYLINE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* A fixed clock: 2024-01-01T00:00:00Z, so dates are judged the same way on
   every run. */
#define FUZZ_NOW ((int64_t) 1704067200)

int fuzz_decode (const uint8_t *data, size_t size);
int fuzz_article (const uint8_t *data, size_t size);
int fuzz_header (const uint8_t *data, size_t size);
int fuzz_date (const uint8_t *data, size_t size);
int fuzz_query (const uint8_t *data, size_t size);
int fuzz_tokens (const uint8_t *data, size_t size);
int fuzz_config (const uint8_t *data, size_t size);
int fuzz_outlets (const uint8_t *data, size_t size);
int fuzz_wdiff (const uint8_t *data, size_t size);

/* A broken invariant: report it and abort (libFuzzer saves the input). */
#define FUZZ_CHECK(cond)                                                   \
  do                                                                       \
    {                                                                      \
      if (!(cond))                                                         \
        {                                                                  \
          fprintf (stderr, "%s:%d: fuzz check failed: %s\n", __FILE__,     \
                   __LINE__, #cond);                                       \
          abort ();                                                        \
        }                                                                  \
    }                                                                      \
  while (0)

#ifdef FUZZ_NO_MAIN
# define FUZZ_ENTRY(fn)
#else
# define FUZZ_ENTRY(fn)                                                    \
  int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);           \
  int                                                                      \
  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)                \
  {                                                                        \
    return fn (data, size);                                                \
  }
#endif

#endif
