/* test-text.c: the text layer: decoding, sniffing, words, folding, widths. */
#include "system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "buf.h"
#include "strv.h"
#include "swar.h"
#include "text.h"

/* ---- helpers ----------------------------------------------------------- */

/* text_decode of a literal (its sizeof, so NUL bytes count). */
#define DECODE(lit, info) decode_n ((lit), sizeof (lit) - 1, (info))

static char *
decode_n (const char *bytes, size_t n, struct text_decode_info *info)
{
  size_t len = 12345;
  char *r = text_decode (bytes, n, &len, info);
  assert_non_null (r);
  assert_int_equal (len, strlen (r));
  return r;
}

#define assert_decodes(lit, want) \
  do { char *r_ = DECODE (lit, NULL); assert_string_equal (r_, want); \
       free (r_); } while (0)

/* Tokens as text: words as they are, symbols in brackets, space-separated. */
static char *
tokens_str_with (size_t (*fn) (const char *, size_t, struct text_token **,
                               size_t *),
                 const char *s, size_t n)
{
  struct text_token *t = NULL;
  size_t alloc = 0;
  size_t k = fn (s, n, &t, &alloc);
  struct buf b = BUF_INIT;
  for (size_t i = 0; i < k; i++)
    {
      assert_true (t[i].off + t[i].len <= n);
      assert_true (t[i].len > 0);
      if (i > 0)
        {
          assert_true (t[i].off >= t[i - 1].off + t[i - 1].len);
          buf_addc (&b, ' ');
        }
      if (!t[i].word)
        buf_addc (&b, '[');
      buf_add (&b, s + t[i].off, t[i].len);
      if (!t[i].word)
        buf_addc (&b, ']');
    }
  free (t);
  return buf_steal (&b);
}

static char *
tokens_str (const char *s)
{
  return tokens_str_with (text_tokenize, s, strlen (s));
}

#define assert_tokens(s, want) \
  do { char *r_ = tokens_str (s); assert_string_equal (r_, want); \
       free (r_); } while (0)

static char *
fold (const char *s)
{
  struct buf b = BUF_INIT;
  text_fold (s, strlen (s), &b);
  assert_non_null (b.data);
  assert_int_equal (b.len, strlen (b.data));
  return buf_steal (&b);
}

#define assert_folds(s, want) \
  do { char *r_ = fold (s); assert_string_equal (r_, want); free (r_); } \
  while (0)

/* A small deterministic generator, so failures reproduce. */
static uint32_t rng_state = 12345;

static uint32_t
rng (void)
{
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

/* ---- swar.h ------------------------------------------------------------ */

/* Every mask agrees with a byte-by-byte test, for every byte value at
   every position of the word. */
static void
test_swar_masks (void **state)
{
  (void) state;
  for (int iter = 0; iter < 4096; iter++)
    {
      unsigned char b[8];
      for (int k = 0; k < 8; k++)
        b[k] = (unsigned char) rng ();
      b[iter % 8] = (unsigned char) (iter / 8 % 256);
      uint64_t w = swar_load (b);
      unsigned char c = (unsigned char) rng (), lim = (unsigned char) (1 + rng () % 128);
      uint64_t masks[] = { swar_high (w), swar_eq (w, c), swar_eq (w, b[3]),
                           swar_below (w, lim), swar_upper (w),
                           swar_continuation (w) };
      for (int k = 0; k < 8; k++)
        {
          bool want[] = { b[k] >= 0x80, b[k] == c, b[k] == b[3], b[k] < lim,
                          b[k] >= 'A' && b[k] <= 'Z', (b[k] & 0xc0) == 0x80 };
          for (size_t m = 0; m < ARRAY_SIZE (masks); m++)
            assert_int_equal ((masks[m] >> (8 * k)) & 0xff, want[m] ? 0x80 : 0);
        }
      uint64_t any = swar_eq (w, b[iter % 8]);
      unsigned first = 0, count = 0;
      while (b[first] != b[iter % 8])
        first++;
      for (int k = 0; k < 8; k++)
        count += b[k] == b[iter % 8];
      assert_int_equal (swar_first (any), first);
      assert_int_equal (swar_count (any), count);
      unsigned char out[8];
      swar_store (out, w);
      assert_memory_equal (out, b, 8);
    }
  unsigned char s[40];
  for (size_t n = 0; n <= sizeof s; n++)
    for (size_t hi = 0; hi <= n; hi++)
      {
        memset (s, 'a', sizeof s);
        if (hi < n)
          s[hi] = 0xc3;
        assert_int_equal (swar_ascii_prefix (s, n), hi);
      }
}

/* ---- decoding ---------------------------------------------------------- */

static void
test_decode_utf8_valid (void **state)
{
  (void) state;
  struct text_decode_info info;
  const char in[] = "Grüße, 世界 — naïve 😀\tend\n";
  char *r = DECODE (in, &info);
  assert_string_equal (r, in);
  assert_int_equal (info.encoding, TEXT_ENC_UTF8);
  assert_false (info.bom);
  assert_int_equal (info.replaced, 0);
  assert_int_equal (info.controls, 0);
  assert_int_equal (info.bidi, 0);
  free (r);
}

static void
test_decode_empty (void **state)
{
  (void) state;
  size_t len = 99;
  char *r = text_decode (NULL, 0, &len, NULL);
  assert_string_equal (r, "");
  assert_int_equal (len, 0);
  free (r);
  r = text_decode ("", 0, NULL, NULL);
  assert_string_equal (r, "");
  free (r);
}

static void
test_decode_bom (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("\xef\xbb\xbfhello é", &info);
  assert_string_equal (r, "hello é");
  assert_true (info.bom);
  assert_int_equal (info.encoding, TEXT_ENC_UTF8);
  free (r);
  /* Only a leading BOM is one. */
  r = DECODE ("\xef\xbb\xbf", &info);
  assert_string_equal (r, "");
  assert_true (info.bom);
  free (r);
}

static void
test_decode_utf16le (void **state)
{
  (void) state;
  struct text_decode_info info;
  /* "hé😀\r\n!" */
  char *r = DECODE ("\xff\xfeh\0\xe9\0\x3d\xd8\x00\xde\r\0\n\0!\0", &info);
  assert_string_equal (r, "hé😀\n!");
  assert_int_equal (info.encoding, TEXT_ENC_UTF16LE);
  assert_true (info.bom);
  assert_int_equal (info.replaced, 0);
  free (r);
}

static void
test_decode_utf16be (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("\xfe\xff\0h\0\xe9\xd8\x3d\xde\x00\x4e\x2d", &info);
  assert_string_equal (r, "hé😀中");
  assert_int_equal (info.encoding, TEXT_ENC_UTF16BE);
  assert_true (info.bom);
  free (r);
}

static void
test_decode_utf16_broken (void **state)
{
  (void) state;
  struct text_decode_info info;
  /* A lone high surrogate, a lone low one, and an odd last byte. */
  char *r = DECODE ("\xff\xfe" "a\0\x3d\xd8" "b\0\x00\xde" "c\0d", &info);
  assert_string_equal (r, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd");
  assert_int_equal (info.replaced, 3);
  free (r);
  /* UTF-16 with C1 controls and escapes gets cleaned like the rest. */
  r = DECODE ("\xff\xfe" "a\0\x1b\0[\0" "1\0m\0b\0\x9b\0" "2\0J\0", &info);
  assert_string_equal (r, "ab");
  assert_int_equal (info.controls, 2);
  free (r);
  /* Without a BOM: every other byte is zero. */
  r = DECODE ("H\0i\0 \0c\0a\0f\0\xe9\0\n\0", &info);
  assert_string_equal (r, "Hi caf\xc3\xa9\n");
  assert_int_equal (info.encoding, TEXT_ENC_UTF16LE);
  free (r);
  r = DECODE ("\0H\0i\0 \0t\0h\0e\0r\0e", &info);
  assert_string_equal (r, "Hi there");
  assert_int_equal (info.encoding, TEXT_ENC_UTF16BE);
  free (r);
}

static void
test_decode_cp1252 (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("caf\xe9 \x93quoted\x94 \x80" "5 \x85 na\xefve", &info);
  assert_string_equal (r, "café “quoted” €5 … naïve");
  assert_int_equal (info.encoding, TEXT_ENC_CP1252);
  assert_int_equal (info.replaced, 0);
  assert_int_equal (info.controls, 0);
  free (r);
  /* German with two high bytes in a row. */
  r = DECODE ("Gr\xf6\xdf" "e", &info);
  assert_string_equal (r, "Größe");
  assert_int_equal (info.encoding, TEXT_ENC_CP1252);
  free (r);
  /* A Latin-1 file that ends in an accented letter. */
  r = DECODE ("caf\xe9", &info);
  assert_string_equal (r, "café");
  assert_int_equal (info.encoding, TEXT_ENC_CP1252);
  free (r);
}

static void
test_decode_cp1252_c1 (void **state)
{
  (void) state;
  struct text_decode_info info;
  /* 0x9B is "›" in Windows-1252, not a CSI; undefined 0x9D and 0x90 are
     dropped alone and do not start an OSC or DCS that eats the line. */
  char *r = DECODE ("caf\xe9 \x9b" "31m a\x9d" "b c\x90" "d \xe8", &info);
  assert_string_equal (r, "café ›31m ab cd è");
  assert_int_equal (info.encoding, TEXT_ENC_CP1252);
  assert_int_equal (info.controls, 2);
  free (r);
}

static void
test_decode_stray_byte (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("naïve café \xff résumé", &info);
  assert_string_equal (r, "naïve café \xef\xbf\xbd résumé");
  assert_int_equal (info.encoding, TEXT_ENC_UTF8);
  assert_int_equal (info.replaced, 1);
  free (r);
  /* A long run of bad bytes (here a GBK "中文") is not Windows-1252. */
  r = DECODE ("abc \xd6\xd0\xce\xc4 def", &info);
  assert_int_equal (info.encoding, TEXT_ENC_UTF8);
  assert_int_equal (info.replaced, 4);
  assert_string_equal (r, "abc \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd def");
  free (r);
  /* Bytes out of place in Windows-1252 text: broken UTF-8. */
  r = DECODE ("Broken \303\050 UTF-8 \200 here", &info);
  assert_string_equal (r, "Broken \xef\xbf\xbd( UTF-8 \xef\xbf\xbd here");
  assert_int_equal (info.encoding, TEXT_ENC_UTF8);
  assert_int_equal (info.replaced, 2);
  free (r);
  /* But a one-letter word, smart quotes and a dash are Windows-1252. */
  r = DECODE ("Rendez-vous \xe0 Paris", &info);
  assert_string_equal (r, "Rendez-vous à Paris");
  assert_int_equal (info.encoding, TEXT_ENC_CP1252);
  free (r);
  r = DECODE ("He said \x93hello\x94 \x96 and left", &info);
  assert_string_equal (r, "He said “hello” – and left");
  assert_int_equal (info.encoding, TEXT_ENC_CP1252);
  free (r);
  /* With a UTF-8 BOM bad bytes are only replaced. */
  r = DECODE ("\xef\xbb\xbf" "caf\xe9", &info);
  assert_string_equal (r, "caf\xef\xbf\xbd");
  assert_int_equal (info.encoding, TEXT_ENC_UTF8);
  assert_int_equal (info.replaced, 1);
  free (r);
}

static void
test_decode_truncated (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("café \xe2\x82", &info);
  assert_string_equal (r, "café \xef\xbf\xbd");
  assert_int_equal (info.encoding, TEXT_ENC_UTF8);
  assert_int_equal (info.replaced, 1);
  free (r);
  /* Even with no other non-ASCII text: a cut-off sequence is UTF-8. */
  r = DECODE ("price: 5 \xf0\x9f\x98", &info);
  assert_string_equal (r, "price: 5 \xef\xbf\xbd");
  assert_int_equal (info.encoding, TEXT_ENC_UTF8);
  assert_int_equal (info.replaced, 1);
  free (r);
}

static void
test_decode_overlong (void **state)
{
  (void) state;
  struct text_decode_info info;
  /* One U+FFFD per byte of an overlong form (maximal subparts). */
  char *r = DECODE ("é \xc0\xaf \xe0\x80\xaf x", &info);
  assert_string_equal (r, "é \xef\xbf\xbd\xef\xbf\xbd "
                       "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd x");
  assert_int_equal (info.encoding, TEXT_ENC_UTF8);
  assert_int_equal (info.replaced, 5);
  free (r);
  /* Beyond U+10FFFF. */
  r = DECODE ("ü \xf4\x90\x80\x80 ü", &info);
  assert_string_equal (r, "ü \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd ü");
  assert_int_equal (info.replaced, 4);
  free (r);
}

static void
test_decode_surrogates (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("é \xed\xa0\x80 ü", &info);
  assert_string_equal (r, "é \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd ü");
  assert_int_equal (info.encoding, TEXT_ENC_UTF8);
  assert_int_equal (info.replaced, 3);
  free (r);
  /* A CESU-8 pair too: each half is ill-formed. */
  r = DECODE ("€ \xed\xa0\xbd\xed\xb8\x80", &info);
  assert_int_equal (info.replaced, 6);
  assert_true (u8_check ((const uint8_t *) r, strlen (r)) == NULL);
  free (r);
}

static void
test_decode_newlines (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("a\r\nb\rc\n\r\nd\r\r\ne\r", &info);
  assert_string_equal (r, "a\nb\nc\n\nd\n\ne\n");
  assert_int_equal (info.controls, 0);
  free (r);
  /* Separators that would otherwise glue words together. */
  assert_decodes ("page\fnext\vline\xe2\x80\xa8sep\xe2\x80\xa9para",
                  "page\nnext\nline\nsep\npara");
}

static void
test_decode_nfc (void **state)
{
  (void) state;
  assert_decodes ("e\xcc\x81", "\xc3\xa9");
  assert_decodes ("cafe\xcc\x81 A\xcc\x88 ok", "café Ä ok");
  /* Hangul jamo compose; marks reorder by combining class. */
  assert_decodes ("\xe1\x84\x80\xe1\x85\xa1 x", "가 x");
  assert_decodes ("a\xcc\xa3\xcc\x81", "\xe1\xba\xa1\xcc\x81");
  assert_decodes ("a\xcc\x81\xcc\xa3", "\xe1\xba\xa1\xcc\x81");
  /* Singletons: the ohm sign and the angstrom sign. */
  assert_decodes ("\xe2\x84\xa6 \xe2\x84\xab", "Ω Å");
  /* Normalised after cleaning: a removed control between base and mark. */
  assert_decodes ("e\x01\xcc\x81", "é");
  assert_decodes ("\xcc\x81start", "\xcc\x81start");
  /* Stable text in between is left as it was. */
  assert_decodes ("中文 e\xcc\x81 가 o\xcc\x88", "中文 é 가 ö");
}

/* Every character text_nfc_stable admits: combining class 0, unchanged by
   NFC, and never the second of a canonical pair. */
static void
test_decode_nfc_stable_table (void **state)
{
  (void) state;
  static bool second[0x110000];
  memset (second, 0, sizeof second);
  for (ucs4_t c = 0; c < 0x110000; c++)
    {
      ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
      int tag;
      int k = uc_decomposition (c, &tag, d);
      if (k == 2 && tag == UC_DECOMP_CANONICAL)
        second[d[1]] = true;
    }
  size_t checked = 0;
  for (ucs4_t c = 0; c < 0x110000; c++)
    {
      if (!text_nfc_stable (c) || (c >= 0xd800 && c <= 0xdfff))
        continue;
      checked++;
      if (uc_combining_class (c) != 0 || second[c])
        fail_msg ("U+%04X is not stable", (unsigned) c);
      uint8_t in[8], outbuf[32];
      int n = u8_uctomb (in, c, sizeof in);
      size_t len = sizeof outbuf;
      uint8_t *r = u8_normalize (UNINORM_NFC, in, n, outbuf, &len);
      assert_non_null (r);
      if (len != (size_t) n || memcmp (r, in, n) != 0)
        fail_msg ("NFC changes U+%04X", (unsigned) c);
      if (r != outbuf)
        free (r);
    }
  assert_true (checked > 40000);
}

static void
test_decode_controls (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("a\x01" "b\x7f" "c\xc2\x85" "d\tx\ny\0z\xc2\x9c!", &info);
  assert_string_equal (r, "abcd\tx\nyz!");
  assert_int_equal (info.controls, 5);
  assert_int_equal (info.encoding, TEXT_ENC_UTF8);
  free (r);
}

static void
test_decode_csi (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("\x1b[1;31mred\x1b[0m plain \x1b[?25l\x1b[2J!", &info);
  assert_string_equal (r, "red plain !");
  assert_int_equal (info.controls, 4);
  free (r);
  /* Intermediates; and a parameter byte run broken by a non-CSI byte. */
  assert_decodes ("a\x1b[1 qb", "ab");
  assert_decodes ("a\x1b[12é", "aé");
  /* 8-bit CSI (U+009B). */
  r = DECODE ("x\xc2\x9b" "31mred\xc2\x9b" "0m", &info);
  assert_string_equal (r, "xred");
  assert_int_equal (info.controls, 2);
  free (r);
}

static void
test_decode_osc (void **state)
{
  (void) state;
  struct text_decode_info info;
  /* BEL, ESC \ and 8-bit ST terminated. */
  char *r = DECODE ("\x1b]0;title\x07one \x1b]2;t\x1b\\two "
                    "\x1b]0;t\xc2\x9cthree", &info);
  assert_string_equal (r, "one two three");
  assert_int_equal (info.controls, 3);
  free (r);
  /* 8-bit OSC. */
  assert_decodes ("a\xc2\x9d" "0;title\x07" "b", "ab");
  assert_decodes ("a\xc2\x9d" "0;title\xc2\x9c" "b", "ab");
}

static void
test_decode_osc8_hyperlink (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("see \x1b]8;;https://example.org/x\x1b\\the link"
                    "\x1b]8;;\x1b\\ now", &info);
  assert_string_equal (r, "see the link now");
  assert_int_equal (info.controls, 2);
  free (r);
  r = DECODE ("\x1b]8;id=1;http://a.b/\x07text\x1b]8;;\x07", &info);
  assert_string_equal (r, "text");
  free (r);
}

static void
test_decode_osc52 (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("before\x1b]52;c;cm0gLXJmIH4K\x07" "after", &info);
  assert_string_equal (r, "beforeafter");
  assert_int_equal (info.controls, 1);
  free (r);
}

static void
test_decode_dcs_sos_pm_apc (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("\x1bPq#0;2;0;0;0#0~~@@\x1b\\after", &info);
  assert_string_equal (r, "after");
  assert_int_equal (info.controls, 1);
  free (r);
  r = DECODE ("\x1bXsos\x1b\\" "a\x1b^pm\x1b\\" "b\x1b_apc\x07" "c", &info);
  assert_string_equal (r, "abc");
  assert_int_equal (info.controls, 3);
  free (r);
  /* 8-bit DCS, SOS, PM, APC. */
  assert_decodes ("\xc2\x90" "dcs\xc2\x9c" "1\xc2\x98" "s\xc2\x9c" "2"
                  "\xc2\x9e" "p\xc2\x9c" "3\xc2\x9f" "a\xc2\x9c" "4", "1234");
}

static void
test_decode_esc_two_byte (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("a\x1b" "7b\x1b" "8c\x1b(Bd\x1b=e\x1b" "cf\x1b#8g", &info);
  assert_string_equal (r, "abcdefg");
  assert_int_equal (info.controls, 6);
  free (r);
  /* ESC before a newline or a non-ASCII character goes alone. */
  assert_decodes ("a\x1b\nb\x1bé\x1b", "a\nbé");
  /* ESC ESC: two sequences. */
  assert_decodes ("a\x1b\x1b[31mb", "ab");
}

static void
test_decode_unterminated (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("a\x1b]0;never ends\nnext line", &info);
  assert_string_equal (r, "a\nnext line");
  assert_int_equal (info.controls, 1);
  free (r);
  assert_decodes ("a\x1bPdcs\r\nb", "a\nb");
  assert_decodes ("b\x1b[12", "b");
  assert_decodes ("c\x1b]", "c");
  assert_decodes ("d\xc2\x9b", "d");
  assert_decodes ("e\xc2\x9d" "abc", "e");
  /* An OSC cut short by another escape: both go, the text stays. */
  assert_decodes ("x\x1b]0;ab\x1b[1mbold", "xbold");
}

static void
test_decode_escape_limit (void **state)
{
  (void) state;
  /* An unterminated OSC on a very long line removes at most 8 KiB. */
  size_t n = 20000;
  char *in = xmalloc (n);
  memcpy (in, "\x1b]", 2);
  for (size_t i = 2; i < n; i++)
    in[i] = 'a' + i % 26;
  in[4000] = (char) 0xc3;       /* characters straddle the limit */
  in[4001] = (char) 0xa9;
  for (size_t i = 8190; i < 8196; i += 2)
    {
      in[i] = (char) 0xc3;
      in[i + 1] = (char) 0xa9;
    }
  size_t len;
  struct text_decode_info info;
  char *r = text_decode (in, n, &len, &info);
  assert_true (len >= n - 8192 - 2 && len < n - 8000);
  assert_true (u8_check ((const uint8_t *) r, len) == NULL);
  assert_int_equal (info.controls, 1);
  free (r);
  free (in);
}

static void
test_decode_bidi (void **state)
{
  (void) state;
  struct text_decode_info info;
  char *r = DECODE ("a\xe2\x80\xae" "b\xe2\x81\xa6" "c\xe2\x81\xa9" "d\xe2\x80\xaa"
                    "e\xe2\x80\xac" "f\xe2\x81\xa8g\xe2\x80\x8fh", &info);
  /* U+200F (RLM) is a mark, not an override: it stays. */
  assert_string_equal (r, "abcdefg\xe2\x80\x8fh");
  assert_int_equal (info.bidi, 6);
  assert_int_equal (info.controls, 0);
  free (r);
}

/* Whatever the bytes, the result is valid NFC UTF-8 without controls. */
static void
test_decode_random (void **state)
{
  (void) state;
  static const char pieces[][5] =
    { "a", " ", "\n", "\r", "\x1b", "[", "]", "\x07", "\\", "\xc2", "\x9b",
      "\x9d", "\xe9", "\xcc\x81", "\xe2\x80\xae", "\xff", "\0", "1", ";",
      "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\xe4\xb8\xad", "e", "P", "\xfe" };
  for (int iter = 0; iter < 3000; iter++)
    {
      char in[200];
      size_t n = 0, want = rng () % 60;
      if (iter % 7 == 0)
        {
          in[n++] = (char) 0xff;
          in[n++] = (char) 0xfe;
        }
      for (size_t i = 0; i < want; i++)
        {
          const char *p = pieces[rng () % ARRAY_SIZE (pieces)];
          size_t k = p[0] ? strlen (p) : 1;
          memcpy (in + n, p, k);
          n += k;
        }
      size_t len;
      char *r = text_decode (in, n, &len, NULL);
      const uint8_t *u = (const uint8_t *) r;
      assert_true (u8_check (u, len) == NULL);
      assert_int_equal (strlen (r), len);
      for (size_t i = 0; i < len;)
        {
          ucs4_t uc;
          i += u8_mbtouc (&uc, u + i, len - i);
          assert_false ((uc < 0x20 && uc != '\t' && uc != '\n')
                        || (uc >= 0x7f && uc <= 0x9f));
          assert_false ((uc >= 0x202a && uc <= 0x202e)
                        || (uc >= 0x2066 && uc <= 0x2069));
        }
      uint8_t buf[512];
      size_t nlen = sizeof buf;
      uint8_t *nfc = u8_normalize (UNINORM_NFC, u, len, buf, &nlen);
      assert_true (nlen == len && memcmp (nfc, u, len) == 0);
      if (nfc != buf)
        free (nfc);
      free (r);
    }
}

static void
test_decode_warnings (void **state)
{
  (void) state;
  struct strv w = STRV_INIT;
  struct text_decode_info info = { TEXT_ENC_UTF8, false, 0, 0, 0 };
  text_decode_warnings (&info, &w);
  assert_int_equal (w.n, 0);

  info = (struct text_decode_info) { TEXT_ENC_CP1252, false, 0, 1, 0 };
  text_decode_warnings (&info, &w);
  assert_int_equal (w.n, 2);
  assert_string_equal (w.v[0], "converted from Windows-1252");
  assert_string_equal (w.v[1], "1 control character or escape sequence removed");
  strv_free (&w);

  info = (struct text_decode_info) { TEXT_ENC_UTF16BE, true, 3, 2, 1 };
  text_decode_warnings (&info, &w);
  assert_int_equal (w.n, 4);
  assert_string_equal (w.v[0], "converted from UTF-16");
  assert_string_equal (w.v[1], "3 invalid byte sequences replaced");
  assert_string_equal (w.v[2], "2 control characters or escape sequences removed");
  assert_string_equal (w.v[3], "1 bidirectional control character removed");
  strv_free (&w);

  info = (struct text_decode_info) { TEXT_ENC_UTF16LE, true, 1, 0, 2 };
  text_decode_warnings (&info, &w);
  assert_true (strv_contains (&w, "1 invalid byte sequence replaced"));
  assert_true (strv_contains (&w, "2 bidirectional control characters removed"));
  strv_free (&w);
}

static void
test_repair_utf8 (void **state)
{
  (void) state;
  struct buf b = BUF_INIT;
  assert_int_equal (text_repair_utf8 ("a\xffé\xe2\x82", 6, &b), 2);
  assert_string_equal (b.data, "a\xef\xbf\xbdé\xef\xbf\xbd");
  buf_free (&b);
  assert_int_equal (text_repair_utf8 ("", 0, &b), 0);
  assert_non_null (b.data);
  buf_free (&b);
}

/* ---- sniffing ---------------------------------------------------------- */

#define assert_sniff(lit, want) \
  do { const char *w_ = text_sniff_binary ((lit), sizeof (lit) - 1); \
       assert_non_null (w_); assert_string_equal (w_, want); } while (0)

static void
test_sniff_magic (void **state)
{
  (void) state;
  assert_sniff ("%PDF-1.7\n", "PDF document");
  assert_sniff ("\xff\xd8\xff\xe0\0\x10JFIF", "JPEG image");
  assert_sniff ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image");
  assert_sniff ("GIF89a\x01", "GIF image");
  assert_sniff ("GIF87a\x01", "GIF image");
  assert_sniff ("RIFF\x24\x08\0\0WEBPVP8 ", "WebP image");
  assert_sniff ("\x1f\x8b\x08\0", "gzip archive");
  assert_sniff ("PK\x03\x04\x14\0", "zip archive");
  assert_sniff ("BZh91AY&SY\x01", "bzip2 archive");
  assert_sniff ("\xfd" "7zXZ\0\0", "xz archive");
  assert_sniff ("\x28\xb5\x2f\xfd\x04", "zstd archive");
  assert_sniff ("7z\xbc\xaf\x27\x1c\0\x04", "7z archive");
  assert_sniff ("\x7f" "ELF\x02\x01\x01", "ELF executable");
  assert_sniff ("Rar!\x1a\x07\x01", "RAR archive");
  assert_sniff ("ID3\x04\0\0", "MP3 audio");
  assert_sniff ("SQLite format 3\0\x10", "SQLite database");
  assert_sniff ("\0\0\0\x20" "ftypisom", "MP4 media");
  /* Text that merely starts like a magic number. */
  assert_null (text_sniff_binary ("BZh is not bzip2", 16));
  assert_null (text_sniff_binary ("ID3 tags explained", 18));
  assert_null (text_sniff_binary ("RIFF raff", 9));
}

static void
test_sniff_nul (void **state)
{
  (void) state;
  assert_sniff ("text\0more", "contains NUL bytes");
  assert_null (text_sniff_binary ("plain text\n", 11));
  assert_null (text_sniff_binary ("", 0));
  assert_null (text_sniff_binary ("caf\xe9", 4));
  /* UTF-16 with a BOM is text despite its NUL bytes. */
  assert_null (text_sniff_binary ("\xff\xfeh\0i\0", 6));
  assert_null (text_sniff_binary ("\xfe\xff\0h\0i", 6));
  /* So is UTF-16 without one, when the NULs come in that pattern. */
  assert_null (text_sniff_binary ("h\0i\0 \0y\0o\0u\0", 12));
  assert_null (text_sniff_binary ("\0h\0i\0 \0y\0o\0u", 12));
  assert_sniff ("h\0i\0\x01\0\x02\0\x03\0\x04\0", "contains NUL bytes");
  assert_sniff ("h\0i\0\0y\0o\0u\0", "contains NUL bytes");
  /* Only the first 8 KiB are searched. */
  size_t n = 10000;
  char *b = xmalloc (n);
  memset (b, 'x', n);
  b[9000] = '\0';
  assert_null (text_sniff_binary (b, n));
  b[8191] = '\0';
  assert_non_null (text_sniff_binary (b, n));
  free (b);
}

/* ---- words ------------------------------------------------------------- */

static void
test_tokenize_ascii (void **state)
{
  (void) state;
  assert_tokens ("Hello, world!", "Hello [,] world [!]");
  assert_tokens ("  (a)  \t\n b...", "[(] a [)] b [.] [.] [.]");
  assert_tokens ("", "");
  assert_tokens (" \t\n ", "");
  assert_tokens ("snake_case _id _ __ a:b", "snake_case _id [_] [__] a:b");
  assert_tokens ("e-mail \"quoted\"", "e [-] mail [\"] quoted [\"]");
}

static void
test_tokenize_accents (void **state)
{
  (void) state;
  assert_tokens ("Café crème brûlée, Ærø!", "Café crème brûlée [,] Ærø [!]");
  /* Decomposed accents stay with their letter. */
  assert_tokens ("cafe\xcc\x81 ok", "cafe\xcc\x81 ok");
  assert_tokens ("Привет, мир", "Привет [,] мир");
}

static void
test_tokenize_cjk (void **state)
{
  (void) state;
  struct text_token *t = NULL;
  size_t alloc = 0;
  const char *s = "中华人民共和国";
  size_t k = text_tokenize (s, strlen (s), &t, &alloc);
  assert_int_equal (k, 7);
  for (size_t i = 0; i < k; i++)
    {
      assert_true (t[i].word);
      assert_int_equal (t[i].off, 3 * i);
      assert_int_equal (t[i].len, 3);
    }
  free (t);
  assert_tokens ("東京タワーへ行く。", "東 京 タ ワ ー へ 行 く [。]");
  assert_tokens ("대한민국 ABC대한", "대 한 민 국 ABC 대 한");
  assert_tokens ("ガ", "ガ");
  assert_tokens ("カ\xe3\x82\x99", "カ\xe3\x82\x99");
  assert_tokens ("2024年5月", "2024 年 5 月");
}

static void
test_tokenize_emoji (void **state)
{
  (void) state;
  assert_tokens ("I ❤️ NY 👍🏽!", "I [❤️] NY [👍🏽] [!]");
  assert_tokens ("🇫🇷🇩🇪 😀😀", "[🇫🇷] [🇩🇪] [😀] [😀]");
  assert_int_equal (text_count_words ("I ❤️ NY 👍🏽!", strlen ("I ❤️ NY 👍🏽!")), 2);
}

static void
test_tokenize_apostrophes (void **state)
{
  (void) state;
  assert_tokens ("don't it’s 'quoted' rock'n'roll",
                 "don't it’s ['] quoted ['] rock'n'roll");
  assert_tokens ("the dogs' bowls", "the dogs ['] bowls");
}

static void
test_tokenize_abbrev (void **state)
{
  (void) state;
  assert_tokens ("U.S.", "U.S [.]");
  assert_tokens ("the U.S. and e.g. this", "the U.S [.] and e.g [.] this");
}

static void
test_tokenize_hyphen_numbers (void **state)
{
  (void) state;
  assert_tokens ("Tianwen-1", "Tianwen [-] 1");
  assert_tokens ("3.5 1,000 1.5.3 -2 10:30 $5", "3.5 1,000 1.5.3 [-] 2 10 [:] 30 [$] 5");
  assert_tokens ("x86_64 COVID19 1st", "x86_64 COVID19 1st");
}

static void
test_tokenize_spaces (void **state)
{
  (void) state;
  assert_tokens ("a\xc2\xa0" "b\xe2\x80\x8b" "c\xe3\x80\x80" "d\xe2\x80\x83" "e",
                 "a b c d e");
  /* A lone combining mark after a space is a symbol of its own. */
  assert_tokens ("a \xcc\x81 b", "a [\xcc\x81] b");
}

static void
test_tokenize_reuse (void **state)
{
  (void) state;
  struct text_token *t = NULL;
  size_t alloc = 0;
  assert_int_equal (text_tokenize ("one two three", 13, &t, &alloc), 3);
  /* The array is reused: tokens start at index 0 again. */
  assert_int_equal (text_tokenize ("x, y", 4, &t, &alloc), 3);
  assert_int_equal (t[0].off, 0);
  assert_int_equal (t[1].off, 1);
  assert_false (t[1].word);
  assert_int_equal (t[2].off, 3);
  /* Many tokens grow the array. */
  struct buf b = BUF_INIT;
  for (int i = 0; i < 1000; i++)
    buf_adds (&b, "w ");
  assert_int_equal (text_tokenize (b.data, b.len, &t, &alloc), 1000);
  assert_true (alloc >= 1000);
  buf_free (&b);
  free (t);
  /* Invalid UTF-8 does not crash, and does not make words. */
  assert_tokens ("a\xff" "b \xe2\x82", "a [\xff] b [\xe2\x82]");
}

/* The word-at-a-time skips of text_decode stop at anything they must
   look at, wherever it falls in a word. */
static void
test_decode_offsets (void **state)
{
  (void) state;
  static const char *const cases[][2] =
    { { "\r\n", "\n" }, { "\r", "\n" }, { "\x1b[1m", "" }, { "\x7f", "" },
      { "\x01", "" }, { "e\xcc\x81", "\xc3\xa9" }, { "\xe2\x80\x99", "\xe2\x80\x99" },
      { "\t", "\t" }, { "\n", "\n" }, { "\xe2\x80\xae", "" },
      { "\xc3\xa9", "\xc3\xa9" } };
  for (size_t c = 0; c < ARRAY_SIZE (cases); c++)
    for (int off = 0; off <= 20; off++)
      {
        struct buf in = BUF_INIT, want = BUF_INIT;
        for (int i = 0; i < off; i++)
          buf_addc (&in, 'a'), buf_addc (&want, 'a');
        buf_adds (&in, cases[c][0]);
        buf_adds (&want, cases[c][1]);
        for (int i = off; i < 20; i++)
          buf_addc (&in, 'b'), buf_addc (&want, 'b');
        char *r = decode_n (in.data, in.len, NULL);
        assert_string_equal (r, want.data);
        free (r);
        buf_free (&in);
        buf_free (&want);
      }
}

/* text_count_words's eight-bytes-at-a-time count, on longer text than
   test_tokenize_fast_path makes, against the tokens. */
static void
test_count_words_long (void **state)
{
  (void) state;
  static const char *pieces[] =
    { "word", "Word", "U.S.", "1,000", "3.5", "don't", "a:b", "x'", "_",
      "__", "_id", "a_b", " ", " ", "\n", "\t", ".", ",", "'", ";", ":", "-",
      "(", "9", "z", "é", "—", "’", "中", "\xff", "..." };
  for (int iter = 0; iter < 5000; iter++)
    {
      struct buf b = BUF_INIT;
      size_t n = 1 + rng () % 60;
      for (size_t i = 0; i < n; i++)
        buf_adds (&b, pieces[rng () % (iter % 2 ? ARRAY_SIZE (pieces)
                                                : ARRAY_SIZE (pieces) - 6)]);
      struct text_token *t = NULL;
      size_t alloc = 0, words = 0, k = text_tokenize (b.data, b.len, &t, &alloc);
      for (size_t i = 0; i < k; i++)
        words += t[i].word;
      if (text_count_words (b.data, b.len) != words)
        fail_msg ("\"%s\": %zu words, tokens say %zu", b.data,
                  text_count_words (b.data, b.len), words);
      free (t);
      buf_free (&b);
    }
}

static void
test_count_words (void **state)
{
  (void) state;
  const char *s = "Hello, world! 中华 3.5 — U.S. 😀";
  assert_int_equal (text_count_words (s, strlen (s)), 6);
  assert_int_equal (text_count_words ("", 0), 0);
  assert_int_equal (text_count_words ("... !!", 6), 0);
}

/* The ASCII fast path gives what u8_wordbreaks gives. */
static void
test_tokenize_fast_path (void **state)
{
  (void) state;
  static const char *ascii[] =
    { "a", "Z", "0", "7", ".", ":", "'", ",", ";", "_", "-", " ", "\t",
      "\n", "\"", "?", "(", "\r", "\f", "$", "a", "b", "1" };
  static const char *other[] =
    { "é", "中", "\xcc\x81", "🇫🇷", "\xc2\xa0", "’", "カ", "가", "\xe2\x80\x8d",
      "😀", "٣", "ß", "“", "—", "\xe3\x80\x80", "·", "،", "＿", "ｱ", "א",
      "\xc2\xad", "\xe2\x80\x8b", "Ж", "\xe2\x80\xa8", "１", "\xff", "é" };
  for (int iter = 0; iter < 20000; iter++)
    {
      struct buf b = BUF_INIT;
      size_t n = 1 + rng () % 24;
      bool mixed = iter % 2;
      for (size_t i = 0; i < n; i++)
        {
          if (mixed && rng () % 5 == 0)
            buf_adds (&b, other[rng () % ARRAY_SIZE (other)]);
          else
            buf_adds (&b, ascii[rng () % ARRAY_SIZE (ascii)]);
        }
      char *fast = tokens_str_with (text_tokenize, b.data, b.len);
      char *slow = tokens_str_with (text_tokenize_uax29, b.data, b.len);
      if (strcmp (fast, slow) != 0)
        fail_msg ("\"%s\": fast \"%s\", UAX #29 \"%s\"", b.data, fast, slow);
      struct text_token *t = NULL;
      size_t alloc = 0, words = 0, k = text_tokenize (b.data, b.len, &t, &alloc);
      for (size_t i = 0; i < k; i++)
        words += t[i].word;
      assert_int_equal (text_count_words (b.data, b.len), words);
      free (t);
      free (fast);
      free (slow);
      buf_free (&b);
    }
}

/* ---- folding ----------------------------------------------------------- */

static void
test_fold (void **state)
{
  (void) state;
  assert_folds ("Café", "cafe");
  assert_folds ("cafe\xcc\x81", "cafe");
  assert_folds ("STRASSE", "strasse");
  assert_folds ("Straße", "strasse");
  assert_folds ("ＡＢＣ", "abc");
  assert_folds ("ﬁnancial", "financial");
  assert_folds ("Ångström", "angstrom");
  assert_folds ("ÉCOLE naïve Ørsted", "ecole naive ørsted");
  assert_folds ("Ελληνικά ΆΈ", "ελληνικα αε");
  assert_folds ("ПРИВЕТ Ёж", "привет еж");
  assert_folds ("㎒", "mhz");
  assert_folds ("co\xc2\xad" "operate", "cooperate");
  assert_folds ("❤️", "❤");
  assert_folds ("中华", "中华");
  assert_folds ("가나", "가나");
  /* Marks that spell rather than decorate stay. */
  assert_folds ("がガ", "がガ");
  assert_folds ("हिन्दी", "हिन्दी");
  assert_folds ("HELLO World 42", "hello world 42");
  assert_folds ("", "");
  assert_folds ("\xff", "\xef\xbf\xbd");
}

/* ASCII is only lowercased, as the slow path would do it. */
static void
test_fold_ascii_fast_path (void **state)
{
  (void) state;
  for (int c = 1; c < 0x80; c++)
    {
      char in[8], want[8];
      snprintf (in, sizeof in, "%cé", c);
      snprintf (want, sizeof want, "%ce", c >= 'A' && c <= 'Z' ? c + 32 : c);
      char *slow = fold (in);
      assert_string_equal (slow, want);
      free (slow);
    }
  struct buf b = BUF_INIT;
  text_fold ("Abc", 3, &b);
  text_fold ("X", 1, &b);
  assert_string_equal (b.data, "x");
  assert_int_equal (b.len, 1);
  buf_free (&b);
}

/* The fold table against libunistring, and words made of its characters
   folded whole. */
static void
test_fold_table (void **state)
{
  (void) state;
  static const ucs4_t ranges[][2] =
    { { 0xa0, 0x4ff }, { 0x2010, 0x205e }, { 0x20a0, 0x20c0 }, { 0x3041, 0x3096 },
      { 0x30a1, 0x30fa }, { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff },
      { 0xac00, 0xd7a3 } };
  struct buf fast = BUF_INIT, slow = BUF_INIT;
  for (size_t r = 0; r < ARRAY_SIZE (ranges); r++)
    for (ucs4_t c = ranges[r][0]; c <= ranges[r][1]; c++)
      {
        uint8_t in[4];
        int n = u8_uctomb (in, c, sizeof in);
        text_fold ((const char *) in, n, &fast);
        text_fold_slow ((const char *) in, n, &slow);
        if (strcmp (fast.data, slow.data) != 0)
          fail_msg ("U+%04X: table \"%s\", libunistring \"%s\"",
                    (unsigned) c, fast.data, slow.data);
      }
  for (int iter = 0; iter < 5000; iter++)
    {
      struct buf in = BUF_INIT;
      size_t n = 1 + rng () % 10;
      for (size_t i = 0; i < n; i++)
        {
          uint32_t x = rng () % 6;
          ucs4_t c = x == 0 ? 0x20 + rng () % 0x5f
            : x == 1 ? 0x2010 + rng () % 0x4f
            : x == 2 ? 0x300 + rng () % 0x70
            : x == 3 ? 0x3041 + rng () % 0x56
            : 0xa0 + rng () % 0x460;
          uint8_t u[4];
          buf_add (&in, u, u8_uctomb (u, c, sizeof u));
        }
      text_fold (in.data, in.len, &fast);
      text_fold_slow (in.data, in.len, &slow);
      if (strcmp (fast.data, slow.data) != 0)
        fail_msg ("\"%s\": fast \"%s\", slow \"%s\"", in.data, fast.data,
                  slow.data);
      buf_free (&in);
    }
  buf_free (&fast);
  buf_free (&slow);
}

/* ---- widths ------------------------------------------------------------ */

static void
test_width (void **state)
{
  (void) state;
  assert_int_equal (text_width ("abc", 3), 3);
  assert_int_equal (text_width ("", 0), 0);
  assert_int_equal (text_width ("中文", strlen ("中文")), 4);
  assert_int_equal (text_width ("😀", strlen ("😀")), 2);
  assert_int_equal (text_width ("👍🏽", strlen ("👍🏽")), 4);
  assert_int_equal (text_width ("e\xcc\x81", 3), 1);
  assert_int_equal (text_width ("\xcc\x81", 2), 0);
  assert_int_equal (text_width ("ＡＢ", strlen ("ＡＢ")), 4);
  assert_int_equal (text_width ("가", strlen ("가")), 2);
  assert_int_equal (text_width ("a\tb\x1b\n", 5), 2);
  assert_int_equal (text_width ("\xc2\x9b", 2), 0);
  assert_int_equal (text_width ("é", 2), 1);
  assert_int_equal (text_width ("\xff", 1), 1);
}

static void
test_fit (void **state)
{
  (void) state;
  int used = -1;
  assert_int_equal (text_fit ("abcdef", 6, 3, &used), 3);
  assert_int_equal (used, 3);
  assert_int_equal (text_fit ("ab", 2, 10, &used), 2);
  assert_int_equal (used, 2);
  const char *cjk = "中文字";
  assert_int_equal (text_fit (cjk, 9, 3, &used), 3);
  assert_int_equal (used, 2);
  assert_int_equal (text_fit (cjk, 9, 4, &used), 6);
  assert_int_equal (used, 4);
  assert_int_equal (text_fit (cjk, 9, 1, &used), 0);
  assert_int_equal (used, 0);
  /* A base and its marks stay together. */
  assert_int_equal (text_fit ("e\xcc\x81\xcc\xa3x", 6, 1, &used), 5);
  assert_int_equal (used, 1);
  assert_int_equal (text_fit ("ae\xcc\x81", 4, 1, &used), 1);
  /* A flag is one cluster of two regional indicators. */
  assert_int_equal (text_fit ("🇫🇷", 8, 1, &used), 0);
  assert_int_equal (text_fit ("🇫🇷", 8, 2, &used), 8);
  assert_int_equal (text_fit ("abc", 3, 0, NULL), 0);
  assert_int_equal (text_fit ("", 0, 5, &used), 0);
  assert_int_equal (used, 0);
}

/* ---- wrapping ---------------------------------------------------------- */

/* Lines as text joined with '|'. */
static char *
wrap_str (const char *s, int cols)
{
  struct text_line *l = NULL;
  size_t alloc = 0, n = strlen (s);
  size_t k = text_wrap (s, n, cols, &l, &alloc);
  assert_true (k >= 1);
  struct buf b = BUF_INIT;
  buf_add (&b, "", 0);
  for (size_t i = 0; i < k; i++)
    {
      assert_true (l[i].off + l[i].len <= n);
      assert_int_equal (l[i].width, text_width (s + l[i].off, l[i].len));
      if (i)
        buf_addc (&b, '|');
      buf_add (&b, s + l[i].off, l[i].len);
    }
  free (l);
  return buf_steal (&b);
}

#define assert_wraps(s, cols, want) \
  do { char *r_ = wrap_str (s, cols); assert_string_equal (r_, want); \
       free (r_); } while (0)

static void
test_wrap (void **state)
{
  (void) state;
  assert_wraps ("aaaa bbbb cccc", 9, "aaaa bbbb|cccc");
  assert_wraps ("aaaa bbbb cccc", 14, "aaaa bbbb cccc");
  assert_wraps ("aaaa bbbb cccc", 13, "aaaa bbbb|cccc");
  assert_wraps ("aaaa bbbb cccc", 4, "aaaa|bbbb|cccc");
  assert_wraps ("aaaa   bbbb", 6, "aaaa|bbbb");
  assert_wraps ("", 10, "");
  assert_wraps ("ab\ncd", 10, "ab|cd");
  assert_wraps ("ab\n", 10, "ab|");
  assert_wraps ("  indented text", 20, "  indented text");
}

static void
test_wrap_long_word (void **state)
{
  (void) state;
  assert_wraps ("abcdefghij", 4, "abcd|efgh|ij");
  assert_wraps ("short averyveryverylongword end", 8,
                "short|averyver|yverylon|gword|end");
  assert_wraps ("中文", 1, "中|文");
  assert_wraps ("abc", 0, "a|b|c");
}

static void
test_wrap_cjk (void **state)
{
  (void) state;
  struct text_line *l = NULL;
  size_t alloc = 0;
  const char *s = "中华人民共和国";
  size_t k = text_wrap (s, strlen (s), 6, &l, &alloc);
  assert_int_equal (k, 3);
  assert_int_equal (l[0].len, 9);
  assert_int_equal (l[0].width, 6);
  assert_int_equal (l[1].off, 9);
  assert_int_equal (l[1].width, 6);
  assert_int_equal (l[2].off, 18);
  assert_int_equal (l[2].width, 2);
  free (l);
  /* No line starts with closing punctuation. */
  char *r = wrap_str ("你好，世界。", 4);
  assert_true (strstr (r, "|，") == NULL && strstr (r, "|。") == NULL);
  free (r);
  assert_wraps ("Hello 世界 world", 8, "Hello 世|界 world");
}

/* Random paragraphs: every line fits, lines are in order, and only spaces
   are lost between them. */
static void
test_wrap_random (void **state)
{
  (void) state;
  static const char *words[] =
    { "a", "word", "longerword", "中文", "é", "e\xcc\x81t\xc3\xa9", "😀",
      "x-y", "1,000", "“quoted”", "supercalifragilistic" };
  struct text_line *l = NULL;
  size_t alloc = 0;
  for (int iter = 0; iter < 2000; iter++)
    {
      struct buf b = BUF_INIT;
      size_t nw = rng () % 12;
      buf_add (&b, "", 0);
      for (size_t i = 0; i < nw; i++)
        {
          if (i)
            buf_adds (&b, rng () % 4 ? " " : "  ");
          buf_adds (&b, words[rng () % ARRAY_SIZE (words)]);
        }
      int cols = 1 + rng () % 25;
      size_t k = text_wrap (b.data, b.len, cols, &l, &alloc);
      assert_true (k >= 1);
      size_t pos = 0;
      for (size_t i = 0; i < k; i++)
        {
          assert_true (l[i].off >= pos);
          for (size_t j = pos; j < l[i].off; j++)
            assert_int_equal (b.data[j], ' ');
          int w = text_width (b.data + l[i].off, l[i].len);
          assert_int_equal (w, l[i].width);
          assert_true (w <= cols || text_fit (b.data + l[i].off, l[i].len,
                                              cols, NULL) == 0);
          pos = l[i].off + l[i].len;
        }
      for (size_t j = pos; j < b.len; j++)
        assert_int_equal (b.data[j], ' ');
      buf_free (&b);
    }
  free (l);
}

int
main (void)
{
  const struct CMUnitTest tests[] =
    {
      cmocka_unit_test (test_decode_utf8_valid),
      cmocka_unit_test (test_decode_empty),
      cmocka_unit_test (test_decode_bom),
      cmocka_unit_test (test_decode_utf16le),
      cmocka_unit_test (test_decode_utf16be),
      cmocka_unit_test (test_decode_utf16_broken),
      cmocka_unit_test (test_decode_cp1252),
      cmocka_unit_test (test_decode_cp1252_c1),
      cmocka_unit_test (test_decode_stray_byte),
      cmocka_unit_test (test_decode_truncated),
      cmocka_unit_test (test_decode_overlong),
      cmocka_unit_test (test_decode_surrogates),
      cmocka_unit_test (test_decode_newlines),
      cmocka_unit_test (test_decode_nfc),
      cmocka_unit_test (test_decode_nfc_stable_table),
      cmocka_unit_test (test_decode_controls),
      cmocka_unit_test (test_decode_csi),
      cmocka_unit_test (test_decode_osc),
      cmocka_unit_test (test_decode_osc8_hyperlink),
      cmocka_unit_test (test_decode_osc52),
      cmocka_unit_test (test_decode_dcs_sos_pm_apc),
      cmocka_unit_test (test_decode_esc_two_byte),
      cmocka_unit_test (test_decode_unterminated),
      cmocka_unit_test (test_decode_escape_limit),
      cmocka_unit_test (test_decode_bidi),
      cmocka_unit_test (test_decode_random),
      cmocka_unit_test (test_decode_warnings),
      cmocka_unit_test (test_repair_utf8),
      cmocka_unit_test (test_sniff_magic),
      cmocka_unit_test (test_sniff_nul),
      cmocka_unit_test (test_tokenize_ascii),
      cmocka_unit_test (test_tokenize_accents),
      cmocka_unit_test (test_tokenize_cjk),
      cmocka_unit_test (test_tokenize_emoji),
      cmocka_unit_test (test_tokenize_apostrophes),
      cmocka_unit_test (test_tokenize_abbrev),
      cmocka_unit_test (test_tokenize_hyphen_numbers),
      cmocka_unit_test (test_tokenize_spaces),
      cmocka_unit_test (test_tokenize_reuse),
      cmocka_unit_test (test_count_words),
      cmocka_unit_test (test_count_words_long),
      cmocka_unit_test (test_decode_offsets),
      cmocka_unit_test (test_swar_masks),
      cmocka_unit_test (test_tokenize_fast_path),
      cmocka_unit_test (test_fold),
      cmocka_unit_test (test_fold_ascii_fast_path),
      cmocka_unit_test (test_fold_table),
      cmocka_unit_test (test_width),
      cmocka_unit_test (test_fit),
      cmocka_unit_test (test_wrap),
      cmocka_unit_test (test_wrap_long_word),
      cmocka_unit_test (test_wrap_cjk),
      cmocka_unit_test (test_wrap_random),
    };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
