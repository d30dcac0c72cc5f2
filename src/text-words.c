/* text-words.c: words by UAX #29 (u8_wordbreaks), and their folded form.

   Text is cut at ASCII white space into chunks (UAX #29 always breaks
   there, and a chunk's leading white space is dropped anyway); a chunk made
   only of ASCII goes through a hand-written copy of the UAX #29 rules that
   can apply to ASCII, the others through u8_wordbreaks.  Both give the
   same tokens: tests/unit/test-text.c compares them. */
#include "system.h"
#include "text.h"

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwbrk.h>

#include "buf.h"
#include "msg.h"

/* Where tokens go: an array, or only a count of words when toks is NULL. */
struct text_sink
{
  struct text_token **toks;
  size_t *alloc;
  size_t n;
  size_t words;
};

static inline void
text_emit (struct text_sink *k, size_t off, size_t len, bool word)
{
  k->words += word;
  if (k->toks == NULL)
    return;
  if (k->n >= *k->alloc)
    *k->toks = xgrow (*k->toks, k->alloc, k->n + 1, sizeof **k->toks);
  (*k->toks)[k->n++] = (struct text_token) { off, len, word };
}

/* ---- ASCII ------------------------------------------------------------- */

static inline bool
text_ascii_space (uint8_t c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline bool
text_ascii_alpha (uint8_t c)
{
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static inline bool
text_ascii_digit (uint8_t c)
{
  return c >= '0' && c <= '9';
}

/* The end of the word that starts at s[i] (a letter, digit or '_'):
   letters, digits and '_' join (WB5, WB8-WB10, WB13a/b); ':' '.' '\''
   join two letters (WB6/7); ',' ';' '.' '\'' join two digits (WB11/12). */
static size_t
text_ascii_word_end (const uint8_t *s, size_t n, size_t i)
{
  size_t j = i + 1;
  for (;;)
    {
      if (j < n && (text_ascii_alpha (s[j]) || text_ascii_digit (s[j])
                    || s[j] == '_'))
        {
          j++;
          continue;
        }
      if (j + 1 < n)
        {
          uint8_t p = s[j - 1], d = s[j], e = s[j + 1];
          if (text_ascii_alpha (p) && text_ascii_alpha (e)
              && (d == ':' || d == '.' || d == '\''))
            {
              j += 2;
              continue;
            }
          if (text_ascii_digit (p) && text_ascii_digit (e)
              && (d == ',' || d == ';' || d == '.' || d == '\''))
            {
              j += 2;
              continue;
            }
        }
      return j;
    }
}

/* s[a..b): ASCII without white space. */
static void
text_ascii_chunk (const uint8_t *s, size_t a, size_t b, struct text_sink *k)
{
  size_t i = a;
  while (i < b)
    {
      uint8_t c = s[i];
      if (text_ascii_alpha (c) || text_ascii_digit (c) || c == '_')
        {
          size_t j = text_ascii_word_end (s, b, i);
          bool word = true;
          if (c == '_')
            {
              /* "_" and "__" are symbols; "_id" is a word. */
              word = false;
              for (size_t m = i; m < j && !word; m++)
                word = s[m] != '_';
            }
          text_emit (k, i, j - i, word);
          i = j;
        }
      else
        {
          text_emit (k, i, 1, false);
          i++;
        }
    }
}

/* ---- everything else --------------------------------------------------- */

static inline bool
text_is_alnum (ucs4_t uc)
{
  return uc_is_general_category_withtable (uc, UC_CATEGORY_MASK_L
                                           | UC_CATEGORY_MASK_N);
}

/* Characters that are a token each even inside a UAX #29 word. */
static bool
text_is_ideograph (ucs4_t uc)
{
  return (uc >= 0x3041 && uc <= 0x3096)         /* Hiragana */
    || (uc >= 0x309d && uc <= 0x309f)
    || (uc >= 0x30a1 && uc <= 0x30ff)           /* Katakana */
    || (uc >= 0x31f0 && uc <= 0x31ff)
    || (uc >= 0xff66 && uc <= 0xff9d)           /* halfwidth Katakana */
    || (uc >= 0xac00 && uc <= 0xd7a3)           /* Hangul syllables */
    || uc_is_property_ideographic (uc);
}

/* What UAX #29 attaches to the character before it (WB4). */
static inline bool
text_is_attached (ucs4_t uc)
{
  int p = uc_wordbreak_property (uc);
  return p == WBP_EXTEND || p == WBP_FORMAT || p == WBP_ZWJ;
}

static bool
text_has_alnum (const uint8_t *s, size_t a, size_t b)
{
  while (a < b)
    {
      ucs4_t uc;
      a += u8_mbtouc (&uc, s + a, b - a);
      if (text_is_alnum (uc))
        return true;
    }
  return false;
}

/* A UAX #29 segment with letters or digits: one word, except that each
   ideograph (with the marks after it) is a token of its own. */
static void
text_word_segment (const uint8_t *s, size_t a, size_t b, struct text_sink *k)
{
  size_t run = a, i = a;
  while (i < b)
    {
      ucs4_t uc;
      int len = u8_mbtouc (&uc, s + i, b - i);
      if (!text_is_ideograph (uc))
        {
          i += len;
          continue;
        }
      if (run < i)
        text_emit (k, run, i - run, text_has_alnum (s, run, i));
      size_t j = i + len;
      while (j < b)
        {
          len = u8_mbtouc (&uc, s + j, b - j);
          if (!text_is_attached (uc))
            break;
          j += len;
        }
      text_emit (k, i, j - i, true);
      i = run = j;
    }
  if (run < b)
    text_emit (k, run, b - run, text_has_alnum (s, run, b));
}

/* Drops a segment's white space and invisible characters; the rest is a
   word, or a symbol token.  UAX #29 already breaks between any two symbols,
   so a symbol segment is one character with what belongs to it: its marks,
   an emoji modifier or ZWJ sequence, the second half of a flag. */
static void
text_segment (const uint8_t *s, size_t a, size_t b, struct text_sink *k)
{
  while (a < b)
    {
      ucs4_t uc;
      int len = u8_mbtouc (&uc, s + a, b - a);
      if (!uc_is_property_white_space (uc)
          && !uc_is_property_default_ignorable_code_point (uc))
        break;
      a += len;
    }
  if (a == b)
    return;
  if (text_has_alnum (s, a, b))
    {
      text_word_segment (s, a, b, k);
      return;
    }
  text_emit (k, a, b - a, false);
}

/* s[a..b) by u8_wordbreaks; brk has room for b - a. */
static void
text_uax29_chunk (const uint8_t *s, size_t a, size_t b, char *brk,
                  struct text_sink *k)
{
  u8_wordbreaks (s + a, b - a, brk);
  size_t start = a;
  for (size_t i = a + 1; i < b; i++)
    if (brk[i - a])
      {
        text_segment (s, start, i, k);
        start = i;
      }
  if (start < b)
    text_segment (s, start, b, k);
}

static void
text_tokenize_1 (const char *str, size_t n, struct text_sink *k, bool fast)
{
  const uint8_t *s = (const uint8_t *) str;
  char stack[1024];
  char *brk = stack;
  size_t brk_alloc = sizeof stack;
  size_t i = 0;
  while (i < n)
    {
      if (fast)
        while (i < n && text_ascii_space (s[i]))
          i++;
      size_t a = i;
      bool ascii = true;
      if (fast)
        for (; i < n && !text_ascii_space (s[i]); i++)
          ascii &= s[i] < 0x80;
      else
        i = n, ascii = false;
      if (a == i)
        break;
      if (ascii)
        text_ascii_chunk (s, a, i, k);
      else
        {
          if (i - a > brk_alloc)
            {
              if (brk != stack)
                free (brk);
              brk_alloc = MAX (i - a, 2 * brk_alloc);
              brk = xmalloc (brk_alloc);
            }
          text_uax29_chunk (s, a, i, brk, k);
        }
    }
  if (brk != stack)
    free (brk);
}

size_t
text_tokenize (const char *s, size_t n, struct text_token **toks,
               size_t *alloc)
{
  struct text_sink k = { toks, alloc, 0, 0 };
  text_tokenize_1 (s, n, &k, true);
  return k.n;
}

size_t
text_tokenize_uax29 (const char *s, size_t n, struct text_token **toks,
                     size_t *alloc)
{
  struct text_sink k = { toks, alloc, 0, 0 };
  text_tokenize_1 (s, n, &k, false);
  return k.n;
}

size_t
text_count_words (const char *s, size_t n)
{
  struct text_sink k = { NULL, NULL, 0, 0 };
  text_tokenize_1 (s, n, &k, true);
  return k.words;
}

/* ---- folding ----------------------------------------------------------- */

static void BYLINE_NORETURN
text_nomem (void)
{
  msg_fatal ("%s", _("out of memory"));
}

/* Accents to drop: marks with a non-zero combining class, except the
   classes that spell letters rather than decorate them (kana voicing 8,
   viramas 9, Telugu length marks 84 and 91, Thai and Lao vowels and tones
   103, 107, 118, 122, Tibetan vowels 129, 130, 132); and invisible
   characters (soft hyphen, joiners, variation selectors). */
static bool
text_fold_drops (ucs4_t uc)
{
  int ccc = uc_combining_class (uc);
  switch (ccc)
    {
    case 0:
      return uc_is_property_default_ignorable_code_point (uc);
    case 8: case 9: case 84: case 91: case 103: case 107: case 118:
    case 122: case 129: case 130: case 132:
      return false;
    default:
      return true;
    }
}

/* Frees r unless it is the caller's stack buffer. */
static void
text_free_unless (uint8_t *r, const uint8_t *stack)
{
  if (r != stack)
    free (r);
}

void
text_fold (const char *str, size_t n, struct buf *out)
{
  const uint8_t *s = (const uint8_t *) str;
  buf_reset (out);
  buf_add (out, "", 0);

  size_t i = 0;
  while (i < n && s[i] < 0x80)
    i++;
  if (i == n)
    {
      buf_add (out, s, n);
      for (size_t j = 0; j < n; j++)
        if (out->data[j] >= 'A' && out->data[j] <= 'Z')
          out->data[j] += 'a' - 'A';
      return;
    }

  struct buf fixed = BUF_INIT;
  if (u8_check (s, n))
    {
      text_repair_utf8 (str, n, &fixed);
      s = (const uint8_t *) fixed.data;
      n = fixed.len;
    }

  uint8_t st1[256], st2[256], st3[256];
  size_t n1 = sizeof st1, n2 = sizeof st2, n3 = sizeof st3;
  /* NFKD first, so that compatibility characters that decompose into
     capitals ("㎒" -> "MHz") are case folded too. */
  uint8_t *r1 = u8_normalize (UNINORM_NFKD, s, n, st1, &n1);
  if (r1 == NULL)
    text_nomem ();
  uint8_t *r2 = u8_casefold (r1, n1, NULL, UNINORM_NFKD, st2, &n2);
  if (r2 == NULL)
    text_nomem ();
  text_free_unless (r1, st1);

  size_t m = 0;
  for (size_t j = 0; j < n2;)
    {
      ucs4_t uc;
      int len = u8_mbtouc_unsafe (&uc, r2 + j, n2 - j);
      if (!text_fold_drops (uc))
        {
          memmove (r2 + m, r2 + j, len);
          m += len;
        }
      j += len;
    }

  uint8_t *r3 = u8_normalize (UNINORM_NFC, r2, m, st3, &n3);
  if (r3 == NULL)
    text_nomem ();
  text_free_unless (r2, st2);
  buf_add (out, r3, n3);
  text_free_unless (r3, st3);
  buf_free (&fixed);
}
