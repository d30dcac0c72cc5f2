/* fuzz-header.c: the RFC 822-style header block.  The input is put between
   a known first field (so the block is taken as a header) and a short body,
   so every mutation lands in the block's fields. */
#include "system.h"

#include "buf.h"
#include "common.h"

static const char fuzz_header_body[] =
  "\n\nThe council voted on Tuesday to close the bridge for repairs, "
  "officials said.\n\nWork is expected to start in March and last "
  "until the autumn.\n";

int
fuzz_header (const uint8_t *data, size_t size)
{
  struct buf b = BUF_INIT;
  buf_adds (&b, "Title: ");
  buf_add (&b, data, size);
  buf_adds (&b, fuzz_header_body);

  struct article a;
  char *cause = NULL;
  if (article_from_bytes (b.data, b.len, fuzz_builtin_outlets (), FUZZ_NOW,
                          &a, &cause) == 0)
    fuzz_check_article (&a);
  free (cause);
  article_free (&a);
  buf_free (&b);
  return 0;
}

FUZZ_ENTRY (fuzz_header)
