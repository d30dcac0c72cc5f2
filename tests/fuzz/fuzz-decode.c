/* fuzz-decode.c: text_sniff_binary, text_decode and text_repair_utf8, with
   the promises of text.h checked on the output. */
#include "system.h"

#include <unistr.h>

#include "buf.h"
#include "strv.h"
#include "text.h"
#include "fuzz.h"

/* Valid UTF-8 without NUL, C0 (but \t \n), DEL, C1 or bidi controls. */
static void
fuzz_decode_check_clean (const char *s, size_t len)
{
  FUZZ_CHECK (strlen (s) == len);
  FUZZ_CHECK (u8_check ((const uint8_t *) s, len) == NULL);
  const uint8_t *p = (const uint8_t *) s, *end = p + len;
  while (p < end)
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, p, (size_t) (end - p));
      FUZZ_CHECK (n > 0);
      FUZZ_CHECK (uc >= 0x20 || uc == '\t' || uc == '\n');
      FUZZ_CHECK (uc < 0x7f || uc > 0x9f);
      FUZZ_CHECK (!(uc >= 0x202a && uc <= 0x202e));
      FUZZ_CHECK (!(uc >= 0x2066 && uc <= 0x2069));
      p += n;
    }
}

int
fuzz_decode (const uint8_t *data, size_t size)
{
  (void) text_sniff_binary (data, size);

  struct text_decode_info info;
  size_t len = SIZE_MAX;
  char *text = text_decode (data, size, &len, &info);
  FUZZ_CHECK (text != NULL);
  fuzz_decode_check_clean (text, len);

  /* Decoding is idempotent on its own output, up to the encoding guess:
     clean UTF-8 stays as it is. */
  size_t len2;
  char *again = text_decode (text, len, &len2, NULL);
  fuzz_decode_check_clean (again, len2);
  free (again);
  free (text);

  struct strv w = STRV_INIT;
  text_decode_warnings (&info, &w);
  strv_free (&w);

  struct buf b = BUF_INIT;
  (void) text_repair_utf8 ((const char *) data, size, &b);
  FUZZ_CHECK (b.data != NULL);
  FUZZ_CHECK (u8_check ((const uint8_t *) b.data, b.len) == NULL);
  buf_free (&b);
  return 0;
}

FUZZ_ENTRY (fuzz_decode)
