/* fuzz-article.c: a whole file through article_from_bytes (sniffing,
   decoding, the header block, roles, metadata) with the built-in outlet
   rules. */
#include "system.h"

#include "common.h"

int
fuzz_article (const uint8_t *data, size_t size)
{
  struct article a;
  char *cause = NULL;
  if (article_from_bytes (data, size, fuzz_builtin_outlets (), FUZZ_NOW, &a,
                          &cause) == 0)
    {
      FUZZ_CHECK (cause == NULL);
      fuzz_check_article (&a);
    }
  else
    FUZZ_CHECK (cause != NULL);
  free (cause);
  article_free (&a);
  return 0;
}

FUZZ_ENTRY (fuzz_article)
