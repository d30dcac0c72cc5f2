/* text-words.c: words by UAX #29 (u8_wordbreaks), and their folded form.

   Text is cut at ASCII white space into chunks (UAX #29 always breaks
   there, and a chunk's leading white space is dropped anyway).  A chunk
   made only of ASCII goes through a hand-written copy of the UAX #29 rules
   that can apply to ASCII; one whose characters need no more than those
   rules (most non-ASCII text) through the same rules over
   uc_wordbreak_property; the others through u8_wordbreaks.  All give the
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
#include "swar.h"

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

/* What the ASCII path asks of a byte, one table lookup per byte. */
enum
{
  TEXT_C_SPACE = 1,     /* ' ', \t \n \v \f \r */
  TEXT_C_ALPHA = 2,
  TEXT_C_DIGIT = 4,
  TEXT_C_WORD = 8,      /* letter, digit or '_' */
  TEXT_C_HIGH = 16      /* >= 0x80: not ASCII */
};

#define TEXT_C(c) \
  (((c) == ' ' || ((c) >= '\t' && (c) <= '\r') ? TEXT_C_SPACE : 0) \
   | (((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z' ? TEXT_C_ALPHA | TEXT_C_WORD : 0) \
   | ((c) >= '0' && (c) <= '9' ? TEXT_C_DIGIT | TEXT_C_WORD : 0) \
   | ((c) == '_' ? TEXT_C_WORD : 0) | ((c) >= 0x80 ? TEXT_C_HIGH : 0))
#define TEXT_C4(c) TEXT_C (c), TEXT_C (c + 1), TEXT_C (c + 2), TEXT_C (c + 3)
#define TEXT_C16(c) TEXT_C4 (c), TEXT_C4 (c + 4), TEXT_C4 (c + 8), TEXT_C4 (c + 12)
#define TEXT_C64(c) \
  TEXT_C16 (c), TEXT_C16 (c + 16), TEXT_C16 (c + 32), TEXT_C16 (c + 48)

static const unsigned char text_ascii_class[256] = {
  TEXT_C64 (0), TEXT_C64 (64), TEXT_C64 (128), TEXT_C64 (192)
};

#undef TEXT_C64
#undef TEXT_C16
#undef TEXT_C4
#undef TEXT_C

static inline bool
text_ascii_space (uint8_t c)
{
  return text_ascii_class[c] & TEXT_C_SPACE;
}

static inline bool
text_ascii_alpha (uint8_t c)
{
  return text_ascii_class[c] & TEXT_C_ALPHA;
}

static inline bool
text_ascii_digit (uint8_t c)
{
  return text_ascii_class[c] & TEXT_C_DIGIT;
}

/* Letters, digits and '_'. */
static inline bool
text_ascii_wordc (uint8_t c)
{
  return text_ascii_class[c] & TEXT_C_WORD;
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
      if (j < n && text_ascii_wordc (s[j]))
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
      if (text_ascii_wordc (c))
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

/* ---- the common non-ASCII case ----------------------------------------- */

/* UAX #29 classes for text_simple_chunk; TEXT_WB_HARD stands for the ones
   whose rules it does not implement (Extend, Format, ZWJ, Katakana,
   Hebrew_Letter, Regional_Indicator, Double_Quote, line breaks). */
enum text_wb
{
  TEXT_WB_OTHER, TEXT_WB_LETTER, TEXT_WB_DIGIT, TEXT_WB_ENL,
  TEXT_WB_MIDLETTER, TEXT_WB_MIDNUM, TEXT_WB_MIDNUMLETQ, TEXT_WB_SPACE,
  TEXT_WB_HARD
};

static enum text_wb
text_wb_class (ucs4_t uc)
{
  switch (uc_wordbreak_property (uc))
    {
    case WBP_ALETTER: return TEXT_WB_LETTER;
    case WBP_NUMERIC: return TEXT_WB_DIGIT;
    case WBP_EXTENDNUMLET: return TEXT_WB_ENL;
    case WBP_MIDLETTER: return TEXT_WB_MIDLETTER;
    case WBP_MIDNUM: return TEXT_WB_MIDNUM;
    case WBP_MIDNUMLET: case WBP_SQ: return TEXT_WB_MIDNUMLETQ;
    case WBP_WSS: return TEXT_WB_SPACE;
    case WBP_OTHER:
      return uc_is_property_white_space (uc)
        || uc_is_property_default_ignorable_code_point (uc)
        ? TEXT_WB_SPACE : TEXT_WB_OTHER;
    default: return TEXT_WB_HARD;
    }
}

static inline bool
text_wb_wordish (enum text_wb c)
{
  return c == TEXT_WB_LETTER || c == TEXT_WB_DIGIT || c == TEXT_WB_ENL;
}

/* Most non-ASCII words (accented Latin, Cyrillic, Greek, curly
   apostrophes, CJK, Hangul) need only the rules the ASCII path knows:
   WB5-WB13b without WB4, and a break everywhere else.  Returns false,
   having emitted nothing, when s[a..b) needs the rest of UAX #29. */
static bool
text_simple_chunk (const uint8_t *s, size_t a, size_t b, struct text_sink *k)
{
  for (size_t i = a; i < b;)
    {
      ucs4_t uc;
      i += u8_mbtouc (&uc, s + i, b - i);
      if (uc == 0xfffd || text_wb_class (uc) == TEXT_WB_HARD)
        return false;
    }
  size_t i = a;
  while (i < b)
    {
      ucs4_t uc;
      int len = u8_mbtouc (&uc, s + i, b - i);
      enum text_wb c = text_wb_class (uc);
      if (c == TEXT_WB_SPACE)
        {
          i += len;
          continue;
        }
      if (!text_wb_wordish (c))
        {
          /* Han and Hiragana are Other: letters, but a token each. */
          text_emit (k, i, len, text_is_alnum (uc));
          i += len;
          continue;
        }
      size_t j = i + len;
      enum text_wb prev = c;
      while (j < b)
        {
          int l2 = u8_mbtouc (&uc, s + j, b - j);
          enum text_wb c2 = text_wb_class (uc);
          if (text_wb_wordish (c2))
            {
              prev = c2;
              j += l2;
              continue;
            }
          if (j + l2 >= b)
            break;
          int l3 = u8_mbtouc (&uc, s + j + l2, b - j - l2);
          enum text_wb c3 = text_wb_class (uc);
          if ((prev == TEXT_WB_LETTER && c3 == TEXT_WB_LETTER
               && (c2 == TEXT_WB_MIDLETTER || c2 == TEXT_WB_MIDNUMLETQ))
              || (prev == TEXT_WB_DIGIT && c3 == TEXT_WB_DIGIT
                  && (c2 == TEXT_WB_MIDNUM || c2 == TEXT_WB_MIDNUMLETQ)))
            {
              j += l2 + l3;
              continue;
            }
          break;
        }
      /* As u8_wordbreaks' segments are: a letter that is also a default
         ignorable code point (U+FFA0 HALFWIDTH HANGUL FILLER) is dropped
         at the start of a word (found by fuzz-tokens). */
      text_segment (s, i, j, k);
      i = j;
    }
  return true;
}

/* ---- the rest ---------------------------------------------------------- */

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
        {
          unsigned seen = 0, c;
          for (; i < n && !((c = text_ascii_class[s[i]]) & TEXT_C_SPACE); i++)
            seen |= c;
          ascii = !(seen & TEXT_C_HIGH);
        }
      else
        i = n, ascii = false;
      if (a == i)
        break;
      if (ascii)
        text_ascii_chunk (s, a, i, k);
      else if (!fast || !text_simple_chunk (s, a, i, k))
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

/* Letters and digits (swar masks). */
static inline uint64_t
text_swar_alnum (uint64_t w, uint64_t *digits)
{
  uint64_t l = w | SWAR_ONES * 0x20;
  *digits = swar_below (w, '9' + 1) & ~swar_below (w, '0');
  return (swar_below (l, 'z' + 1) & ~swar_below (l, 'a')) | *digits;
}

/* Whether the joiner at s[j] joins the words on either side, as
   text_ascii_word_end decides it. */
static bool
text_ascii_joins (const uint8_t *s, size_t n, size_t j)
{
  if (j == 0 || j + 1 >= n)
    return false;
  uint8_t p = s[j - 1], d = s[j], e = s[j + 1];
  return (text_ascii_alpha (p) && text_ascii_alpha (e)
          && (d == ':' || d == '.' || d == '\''))
    || (text_ascii_digit (p) && text_ascii_digit (e)
        && (d == ',' || d == ';' || d == '.' || d == '\''));
}

/* Whether the run of letters, digits and '_' that starts at s[j] is all
   '_' (a symbol, not a word). */
static bool
text_ascii_underscores (const uint8_t *s, size_t n, size_t j)
{
  for (; j < n && text_ascii_wordc (s[j]); j++)
    if (s[j] != '_')
      return false;
  return true;
}

/* The words text_ascii_chunk finds in the ASCII text s[0..n), cut into
   chunks at white space or not: the runs of letters, digits and '_', less
   one for each joiner between two of them, less the runs of '_' alone.
   Eight bytes at a time; joiners and '_' are rare and checked one by one. */
static size_t
text_ascii_count (const uint8_t *s, size_t n)
{
  size_t runs = 0, less = 0;
  uint64_t after_word = 0;      /* 0x80 when the byte before was in a run */
  uint64_t after_alnum = 0;     /* ... when it was a letter or digit */
  for (size_t i = 0; i < n; i += 8)
    {
      uint64_t w;
      if (i + 8 <= n)
        w = swar_load (s + i);
      else
        {
          unsigned char tail[8] = { 0 };
          memcpy (tail, s + i, n - i);
          w = swar_load (tail);
        }
      uint64_t digits, alnum = text_swar_alnum (w, &digits);
      uint64_t under = swar_eq (w, '_'), wc = alnum | under;
      uint64_t starts = wc & ~(wc << 8 | after_word);
      runs += swar_count (starts);
      /* Joiners (' , . : ;, all in 0x27..0x3B) after a letter or digit
         and, but for the last byte, before one. */
      uint64_t joiners = swar_below (w, 0x3c) & ~swar_below (w, 0x27)
        & ~digits & (alnum << 8 | after_alnum)
        & (alnum >> 8 | SWAR_HIGHS << 56);
      for (uint64_t m = joiners; m; m &= m - 1)
        less += text_ascii_joins (s, n, i + swar_first (m));
      for (uint64_t m = starts & under; m; m &= m - 1)
        less += text_ascii_underscores (s, n, i + swar_first (m));
      after_word = wc >> 56;
      after_alnum = alnum >> 56;
    }
  return runs - less;
}

/* text_tokenize_1's count of words, with the ASCII stretches between
   chunks that are not ASCII counted by text_ascii_count. */
size_t
text_count_words (const char *str, size_t n)
{
  const uint8_t *s = (const uint8_t *) str;
  size_t words = 0, i = 0;
  while (i < n)
    {
      size_t h = i + swar_ascii_prefix (s + i, n - i);
      if (h == n)
        return words + text_ascii_count (s + i, n - i);
      /* The chunk around s[h]: from after the white space before it to
         the white space after it. */
      size_t a = h, b = h;
      while (a > i && !text_ascii_space (s[a - 1]))
        a--;
      while (b < n && !text_ascii_space (s[b]))
        b++;
      words += text_ascii_count (s + i, a - i);
      if (a < b)
        {
          struct text_sink k = { NULL, NULL, 0, 0 };
          text_tokenize_1 (str + a, b - a, &k, true);
          words += k.words;
        }
      i = b;
    }
  return words;
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

/* text_fold of single characters (Latin-1, Latin Extended, IPA, Greek,
   Cyrillic, General Punctuation up to U+205E and the currency signs),
   generated with its slow path (libunistring 1.0, Unicode 14) and checked
   entry by entry by tests/unit/test-text.c.  Folding them is context-free:
   the marks among them fold to nothing or to a letter, and no two of their
   folds compose, so a word made of them folds character by character.
   "\xff" marks a fold too long for an entry (U+2034 "‴" is three primes):
   those go through the slow path. */
#define TEXT_FOLD_LATIN_FIRST 0xa0
#define TEXT_FOLD_LATIN_LAST 0x4ff
#define TEXT_FOLD_PUNCT_FIRST 0x2010
#define TEXT_FOLD_PUNCT_LAST 0x205e
#define TEXT_FOLD_CURRENCY_FIRST 0x20a0
#define TEXT_FOLD_CURRENCY_LAST 0x20c0

static const char text_fold_table[][8] =
{
/* U+00A0..U+04FF */
  "\x20",		/* U+00A0 */
  "\xc2\xa1",		/* U+00A1 */
  "\xc2\xa2",		/* U+00A2 */
  "\xc2\xa3",		/* U+00A3 */
  "\xc2\xa4",		/* U+00A4 */
  "\xc2\xa5",		/* U+00A5 */
  "\xc2\xa6",		/* U+00A6 */
  "\xc2\xa7",		/* U+00A7 */
  "\x20",		/* U+00A8 */
  "\xc2\xa9",		/* U+00A9 */
  "\x61",		/* U+00AA */
  "\xc2\xab",		/* U+00AB */
  "\xc2\xac",		/* U+00AC */
  "",		/* U+00AD */
  "\xc2\xae",		/* U+00AE */
  "\x20",		/* U+00AF */
  "\xc2\xb0",		/* U+00B0 */
  "\xc2\xb1",		/* U+00B1 */
  "\x32",		/* U+00B2 */
  "\x33",		/* U+00B3 */
  "\x20",		/* U+00B4 */
  "\xce\xbc",		/* U+00B5 */
  "\xc2\xb6",		/* U+00B6 */
  "\xc2\xb7",		/* U+00B7 */
  "\x20",		/* U+00B8 */
  "\x31",		/* U+00B9 */
  "\x6f",		/* U+00BA */
  "\xc2\xbb",		/* U+00BB */
  "\x31\xe2\x81\x84\x34",/* U+00BC */
  "\x31\xe2\x81\x84\x32",/* U+00BD */
  "\x33\xe2\x81\x84\x34",/* U+00BE */
  "\xc2\xbf",		/* U+00BF */
  "\x61",		/* U+00C0 */
  "\x61",		/* U+00C1 */
  "\x61",		/* U+00C2 */
  "\x61",		/* U+00C3 */
  "\x61",		/* U+00C4 */
  "\x61",		/* U+00C5 */
  "\xc3\xa6",		/* U+00C6 */
  "\x63",		/* U+00C7 */
  "\x65",		/* U+00C8 */
  "\x65",		/* U+00C9 */
  "\x65",		/* U+00CA */
  "\x65",		/* U+00CB */
  "\x69",		/* U+00CC */
  "\x69",		/* U+00CD */
  "\x69",		/* U+00CE */
  "\x69",		/* U+00CF */
  "\xc3\xb0",		/* U+00D0 */
  "\x6e",		/* U+00D1 */
  "\x6f",		/* U+00D2 */
  "\x6f",		/* U+00D3 */
  "\x6f",		/* U+00D4 */
  "\x6f",		/* U+00D5 */
  "\x6f",		/* U+00D6 */
  "\xc3\x97",		/* U+00D7 */
  "\xc3\xb8",		/* U+00D8 */
  "\x75",		/* U+00D9 */
  "\x75",		/* U+00DA */
  "\x75",		/* U+00DB */
  "\x75",		/* U+00DC */
  "\x79",		/* U+00DD */
  "\xc3\xbe",		/* U+00DE */
  "\x73\x73",		/* U+00DF */
  "\x61",		/* U+00E0 */
  "\x61",		/* U+00E1 */
  "\x61",		/* U+00E2 */
  "\x61",		/* U+00E3 */
  "\x61",		/* U+00E4 */
  "\x61",		/* U+00E5 */
  "\xc3\xa6",		/* U+00E6 */
  "\x63",		/* U+00E7 */
  "\x65",		/* U+00E8 */
  "\x65",		/* U+00E9 */
  "\x65",		/* U+00EA */
  "\x65",		/* U+00EB */
  "\x69",		/* U+00EC */
  "\x69",		/* U+00ED */
  "\x69",		/* U+00EE */
  "\x69",		/* U+00EF */
  "\xc3\xb0",		/* U+00F0 */
  "\x6e",		/* U+00F1 */
  "\x6f",		/* U+00F2 */
  "\x6f",		/* U+00F3 */
  "\x6f",		/* U+00F4 */
  "\x6f",		/* U+00F5 */
  "\x6f",		/* U+00F6 */
  "\xc3\xb7",		/* U+00F7 */
  "\xc3\xb8",		/* U+00F8 */
  "\x75",		/* U+00F9 */
  "\x75",		/* U+00FA */
  "\x75",		/* U+00FB */
  "\x75",		/* U+00FC */
  "\x79",		/* U+00FD */
  "\xc3\xbe",		/* U+00FE */
  "\x79",		/* U+00FF */
  "\x61",		/* U+0100 */
  "\x61",		/* U+0101 */
  "\x61",		/* U+0102 */
  "\x61",		/* U+0103 */
  "\x61",		/* U+0104 */
  "\x61",		/* U+0105 */
  "\x63",		/* U+0106 */
  "\x63",		/* U+0107 */
  "\x63",		/* U+0108 */
  "\x63",		/* U+0109 */
  "\x63",		/* U+010A */
  "\x63",		/* U+010B */
  "\x63",		/* U+010C */
  "\x63",		/* U+010D */
  "\x64",		/* U+010E */
  "\x64",		/* U+010F */
  "\xc4\x91",		/* U+0110 */
  "\xc4\x91",		/* U+0111 */
  "\x65",		/* U+0112 */
  "\x65",		/* U+0113 */
  "\x65",		/* U+0114 */
  "\x65",		/* U+0115 */
  "\x65",		/* U+0116 */
  "\x65",		/* U+0117 */
  "\x65",		/* U+0118 */
  "\x65",		/* U+0119 */
  "\x65",		/* U+011A */
  "\x65",		/* U+011B */
  "\x67",		/* U+011C */
  "\x67",		/* U+011D */
  "\x67",		/* U+011E */
  "\x67",		/* U+011F */
  "\x67",		/* U+0120 */
  "\x67",		/* U+0121 */
  "\x67",		/* U+0122 */
  "\x67",		/* U+0123 */
  "\x68",		/* U+0124 */
  "\x68",		/* U+0125 */
  "\xc4\xa7",		/* U+0126 */
  "\xc4\xa7",		/* U+0127 */
  "\x69",		/* U+0128 */
  "\x69",		/* U+0129 */
  "\x69",		/* U+012A */
  "\x69",		/* U+012B */
  "\x69",		/* U+012C */
  "\x69",		/* U+012D */
  "\x69",		/* U+012E */
  "\x69",		/* U+012F */
  "\x69",		/* U+0130 */
  "\xc4\xb1",		/* U+0131 */
  "\x69\x6a",		/* U+0132 */
  "\x69\x6a",		/* U+0133 */
  "\x6a",		/* U+0134 */
  "\x6a",		/* U+0135 */
  "\x6b",		/* U+0136 */
  "\x6b",		/* U+0137 */
  "\xc4\xb8",		/* U+0138 */
  "\x6c",		/* U+0139 */
  "\x6c",		/* U+013A */
  "\x6c",		/* U+013B */
  "\x6c",		/* U+013C */
  "\x6c",		/* U+013D */
  "\x6c",		/* U+013E */
  "\x6c\xc2\xb7",	/* U+013F */
  "\x6c\xc2\xb7",	/* U+0140 */
  "\xc5\x82",		/* U+0141 */
  "\xc5\x82",		/* U+0142 */
  "\x6e",		/* U+0143 */
  "\x6e",		/* U+0144 */
  "\x6e",		/* U+0145 */
  "\x6e",		/* U+0146 */
  "\x6e",		/* U+0147 */
  "\x6e",		/* U+0148 */
  "\xca\xbc\x6e",	/* U+0149 */
  "\xc5\x8b",		/* U+014A */
  "\xc5\x8b",		/* U+014B */
  "\x6f",		/* U+014C */
  "\x6f",		/* U+014D */
  "\x6f",		/* U+014E */
  "\x6f",		/* U+014F */
  "\x6f",		/* U+0150 */
  "\x6f",		/* U+0151 */
  "\xc5\x93",		/* U+0152 */
  "\xc5\x93",		/* U+0153 */
  "\x72",		/* U+0154 */
  "\x72",		/* U+0155 */
  "\x72",		/* U+0156 */
  "\x72",		/* U+0157 */
  "\x72",		/* U+0158 */
  "\x72",		/* U+0159 */
  "\x73",		/* U+015A */
  "\x73",		/* U+015B */
  "\x73",		/* U+015C */
  "\x73",		/* U+015D */
  "\x73",		/* U+015E */
  "\x73",		/* U+015F */
  "\x73",		/* U+0160 */
  "\x73",		/* U+0161 */
  "\x74",		/* U+0162 */
  "\x74",		/* U+0163 */
  "\x74",		/* U+0164 */
  "\x74",		/* U+0165 */
  "\xc5\xa7",		/* U+0166 */
  "\xc5\xa7",		/* U+0167 */
  "\x75",		/* U+0168 */
  "\x75",		/* U+0169 */
  "\x75",		/* U+016A */
  "\x75",		/* U+016B */
  "\x75",		/* U+016C */
  "\x75",		/* U+016D */
  "\x75",		/* U+016E */
  "\x75",		/* U+016F */
  "\x75",		/* U+0170 */
  "\x75",		/* U+0171 */
  "\x75",		/* U+0172 */
  "\x75",		/* U+0173 */
  "\x77",		/* U+0174 */
  "\x77",		/* U+0175 */
  "\x79",		/* U+0176 */
  "\x79",		/* U+0177 */
  "\x79",		/* U+0178 */
  "\x7a",		/* U+0179 */
  "\x7a",		/* U+017A */
  "\x7a",		/* U+017B */
  "\x7a",		/* U+017C */
  "\x7a",		/* U+017D */
  "\x7a",		/* U+017E */
  "\x73",		/* U+017F */
  "\xc6\x80",		/* U+0180 */
  "\xc9\x93",		/* U+0181 */
  "\xc6\x83",		/* U+0182 */
  "\xc6\x83",		/* U+0183 */
  "\xc6\x85",		/* U+0184 */
  "\xc6\x85",		/* U+0185 */
  "\xc9\x94",		/* U+0186 */
  "\xc6\x88",		/* U+0187 */
  "\xc6\x88",		/* U+0188 */
  "\xc9\x96",		/* U+0189 */
  "\xc9\x97",		/* U+018A */
  "\xc6\x8c",		/* U+018B */
  "\xc6\x8c",		/* U+018C */
  "\xc6\x8d",		/* U+018D */
  "\xc7\x9d",		/* U+018E */
  "\xc9\x99",		/* U+018F */
  "\xc9\x9b",		/* U+0190 */
  "\xc6\x92",		/* U+0191 */
  "\xc6\x92",		/* U+0192 */
  "\xc9\xa0",		/* U+0193 */
  "\xc9\xa3",		/* U+0194 */
  "\xc6\x95",		/* U+0195 */
  "\xc9\xa9",		/* U+0196 */
  "\xc9\xa8",		/* U+0197 */
  "\xc6\x99",		/* U+0198 */
  "\xc6\x99",		/* U+0199 */
  "\xc6\x9a",		/* U+019A */
  "\xc6\x9b",		/* U+019B */
  "\xc9\xaf",		/* U+019C */
  "\xc9\xb2",		/* U+019D */
  "\xc6\x9e",		/* U+019E */
  "\xc9\xb5",		/* U+019F */
  "\x6f",		/* U+01A0 */
  "\x6f",		/* U+01A1 */
  "\xc6\xa3",		/* U+01A2 */
  "\xc6\xa3",		/* U+01A3 */
  "\xc6\xa5",		/* U+01A4 */
  "\xc6\xa5",		/* U+01A5 */
  "\xca\x80",		/* U+01A6 */
  "\xc6\xa8",		/* U+01A7 */
  "\xc6\xa8",		/* U+01A8 */
  "\xca\x83",		/* U+01A9 */
  "\xc6\xaa",		/* U+01AA */
  "\xc6\xab",		/* U+01AB */
  "\xc6\xad",		/* U+01AC */
  "\xc6\xad",		/* U+01AD */
  "\xca\x88",		/* U+01AE */
  "\x75",		/* U+01AF */
  "\x75",		/* U+01B0 */
  "\xca\x8a",		/* U+01B1 */
  "\xca\x8b",		/* U+01B2 */
  "\xc6\xb4",		/* U+01B3 */
  "\xc6\xb4",		/* U+01B4 */
  "\xc6\xb6",		/* U+01B5 */
  "\xc6\xb6",		/* U+01B6 */
  "\xca\x92",		/* U+01B7 */
  "\xc6\xb9",		/* U+01B8 */
  "\xc6\xb9",		/* U+01B9 */
  "\xc6\xba",		/* U+01BA */
  "\xc6\xbb",		/* U+01BB */
  "\xc6\xbd",		/* U+01BC */
  "\xc6\xbd",		/* U+01BD */
  "\xc6\xbe",		/* U+01BE */
  "\xc6\xbf",		/* U+01BF */
  "\xc7\x80",		/* U+01C0 */
  "\xc7\x81",		/* U+01C1 */
  "\xc7\x82",		/* U+01C2 */
  "\xc7\x83",		/* U+01C3 */
  "\x64\x7a",		/* U+01C4 */
  "\x64\x7a",		/* U+01C5 */
  "\x64\x7a",		/* U+01C6 */
  "\x6c\x6a",		/* U+01C7 */
  "\x6c\x6a",		/* U+01C8 */
  "\x6c\x6a",		/* U+01C9 */
  "\x6e\x6a",		/* U+01CA */
  "\x6e\x6a",		/* U+01CB */
  "\x6e\x6a",		/* U+01CC */
  "\x61",		/* U+01CD */
  "\x61",		/* U+01CE */
  "\x69",		/* U+01CF */
  "\x69",		/* U+01D0 */
  "\x6f",		/* U+01D1 */
  "\x6f",		/* U+01D2 */
  "\x75",		/* U+01D3 */
  "\x75",		/* U+01D4 */
  "\x75",		/* U+01D5 */
  "\x75",		/* U+01D6 */
  "\x75",		/* U+01D7 */
  "\x75",		/* U+01D8 */
  "\x75",		/* U+01D9 */
  "\x75",		/* U+01DA */
  "\x75",		/* U+01DB */
  "\x75",		/* U+01DC */
  "\xc7\x9d",		/* U+01DD */
  "\x61",		/* U+01DE */
  "\x61",		/* U+01DF */
  "\x61",		/* U+01E0 */
  "\x61",		/* U+01E1 */
  "\xc3\xa6",		/* U+01E2 */
  "\xc3\xa6",		/* U+01E3 */
  "\xc7\xa5",		/* U+01E4 */
  "\xc7\xa5",		/* U+01E5 */
  "\x67",		/* U+01E6 */
  "\x67",		/* U+01E7 */
  "\x6b",		/* U+01E8 */
  "\x6b",		/* U+01E9 */
  "\x6f",		/* U+01EA */
  "\x6f",		/* U+01EB */
  "\x6f",		/* U+01EC */
  "\x6f",		/* U+01ED */
  "\xca\x92",		/* U+01EE */
  "\xca\x92",		/* U+01EF */
  "\x6a",		/* U+01F0 */
  "\x64\x7a",		/* U+01F1 */
  "\x64\x7a",		/* U+01F2 */
  "\x64\x7a",		/* U+01F3 */
  "\x67",		/* U+01F4 */
  "\x67",		/* U+01F5 */
  "\xc6\x95",		/* U+01F6 */
  "\xc6\xbf",		/* U+01F7 */
  "\x6e",		/* U+01F8 */
  "\x6e",		/* U+01F9 */
  "\x61",		/* U+01FA */
  "\x61",		/* U+01FB */
  "\xc3\xa6",		/* U+01FC */
  "\xc3\xa6",		/* U+01FD */
  "\xc3\xb8",		/* U+01FE */
  "\xc3\xb8",		/* U+01FF */
  "\x61",		/* U+0200 */
  "\x61",		/* U+0201 */
  "\x61",		/* U+0202 */
  "\x61",		/* U+0203 */
  "\x65",		/* U+0204 */
  "\x65",		/* U+0205 */
  "\x65",		/* U+0206 */
  "\x65",		/* U+0207 */
  "\x69",		/* U+0208 */
  "\x69",		/* U+0209 */
  "\x69",		/* U+020A */
  "\x69",		/* U+020B */
  "\x6f",		/* U+020C */
  "\x6f",		/* U+020D */
  "\x6f",		/* U+020E */
  "\x6f",		/* U+020F */
  "\x72",		/* U+0210 */
  "\x72",		/* U+0211 */
  "\x72",		/* U+0212 */
  "\x72",		/* U+0213 */
  "\x75",		/* U+0214 */
  "\x75",		/* U+0215 */
  "\x75",		/* U+0216 */
  "\x75",		/* U+0217 */
  "\x73",		/* U+0218 */
  "\x73",		/* U+0219 */
  "\x74",		/* U+021A */
  "\x74",		/* U+021B */
  "\xc8\x9d",		/* U+021C */
  "\xc8\x9d",		/* U+021D */
  "\x68",		/* U+021E */
  "\x68",		/* U+021F */
  "\xc6\x9e",		/* U+0220 */
  "\xc8\xa1",		/* U+0221 */
  "\xc8\xa3",		/* U+0222 */
  "\xc8\xa3",		/* U+0223 */
  "\xc8\xa5",		/* U+0224 */
  "\xc8\xa5",		/* U+0225 */
  "\x61",		/* U+0226 */
  "\x61",		/* U+0227 */
  "\x65",		/* U+0228 */
  "\x65",		/* U+0229 */
  "\x6f",		/* U+022A */
  "\x6f",		/* U+022B */
  "\x6f",		/* U+022C */
  "\x6f",		/* U+022D */
  "\x6f",		/* U+022E */
  "\x6f",		/* U+022F */
  "\x6f",		/* U+0230 */
  "\x6f",		/* U+0231 */
  "\x79",		/* U+0232 */
  "\x79",		/* U+0233 */
  "\xc8\xb4",		/* U+0234 */
  "\xc8\xb5",		/* U+0235 */
  "\xc8\xb6",		/* U+0236 */
  "\xc8\xb7",		/* U+0237 */
  "\xc8\xb8",		/* U+0238 */
  "\xc8\xb9",		/* U+0239 */
  "\xe2\xb1\xa5",	/* U+023A */
  "\xc8\xbc",		/* U+023B */
  "\xc8\xbc",		/* U+023C */
  "\xc6\x9a",		/* U+023D */
  "\xe2\xb1\xa6",	/* U+023E */
  "\xc8\xbf",		/* U+023F */
  "\xc9\x80",		/* U+0240 */
  "\xc9\x82",		/* U+0241 */
  "\xc9\x82",		/* U+0242 */
  "\xc6\x80",		/* U+0243 */
  "\xca\x89",		/* U+0244 */
  "\xca\x8c",		/* U+0245 */
  "\xc9\x87",		/* U+0246 */
  "\xc9\x87",		/* U+0247 */
  "\xc9\x89",		/* U+0248 */
  "\xc9\x89",		/* U+0249 */
  "\xc9\x8b",		/* U+024A */
  "\xc9\x8b",		/* U+024B */
  "\xc9\x8d",		/* U+024C */
  "\xc9\x8d",		/* U+024D */
  "\xc9\x8f",		/* U+024E */
  "\xc9\x8f",		/* U+024F */
  "\xc9\x90",		/* U+0250 */
  "\xc9\x91",		/* U+0251 */
  "\xc9\x92",		/* U+0252 */
  "\xc9\x93",		/* U+0253 */
  "\xc9\x94",		/* U+0254 */
  "\xc9\x95",		/* U+0255 */
  "\xc9\x96",		/* U+0256 */
  "\xc9\x97",		/* U+0257 */
  "\xc9\x98",		/* U+0258 */
  "\xc9\x99",		/* U+0259 */
  "\xc9\x9a",		/* U+025A */
  "\xc9\x9b",		/* U+025B */
  "\xc9\x9c",		/* U+025C */
  "\xc9\x9d",		/* U+025D */
  "\xc9\x9e",		/* U+025E */
  "\xc9\x9f",		/* U+025F */
  "\xc9\xa0",		/* U+0260 */
  "\xc9\xa1",		/* U+0261 */
  "\xc9\xa2",		/* U+0262 */
  "\xc9\xa3",		/* U+0263 */
  "\xc9\xa4",		/* U+0264 */
  "\xc9\xa5",		/* U+0265 */
  "\xc9\xa6",		/* U+0266 */
  "\xc9\xa7",		/* U+0267 */
  "\xc9\xa8",		/* U+0268 */
  "\xc9\xa9",		/* U+0269 */
  "\xc9\xaa",		/* U+026A */
  "\xc9\xab",		/* U+026B */
  "\xc9\xac",		/* U+026C */
  "\xc9\xad",		/* U+026D */
  "\xc9\xae",		/* U+026E */
  "\xc9\xaf",		/* U+026F */
  "\xc9\xb0",		/* U+0270 */
  "\xc9\xb1",		/* U+0271 */
  "\xc9\xb2",		/* U+0272 */
  "\xc9\xb3",		/* U+0273 */
  "\xc9\xb4",		/* U+0274 */
  "\xc9\xb5",		/* U+0275 */
  "\xc9\xb6",		/* U+0276 */
  "\xc9\xb7",		/* U+0277 */
  "\xc9\xb8",		/* U+0278 */
  "\xc9\xb9",		/* U+0279 */
  "\xc9\xba",		/* U+027A */
  "\xc9\xbb",		/* U+027B */
  "\xc9\xbc",		/* U+027C */
  "\xc9\xbd",		/* U+027D */
  "\xc9\xbe",		/* U+027E */
  "\xc9\xbf",		/* U+027F */
  "\xca\x80",		/* U+0280 */
  "\xca\x81",		/* U+0281 */
  "\xca\x82",		/* U+0282 */
  "\xca\x83",		/* U+0283 */
  "\xca\x84",		/* U+0284 */
  "\xca\x85",		/* U+0285 */
  "\xca\x86",		/* U+0286 */
  "\xca\x87",		/* U+0287 */
  "\xca\x88",		/* U+0288 */
  "\xca\x89",		/* U+0289 */
  "\xca\x8a",		/* U+028A */
  "\xca\x8b",		/* U+028B */
  "\xca\x8c",		/* U+028C */
  "\xca\x8d",		/* U+028D */
  "\xca\x8e",		/* U+028E */
  "\xca\x8f",		/* U+028F */
  "\xca\x90",		/* U+0290 */
  "\xca\x91",		/* U+0291 */
  "\xca\x92",		/* U+0292 */
  "\xca\x93",		/* U+0293 */
  "\xca\x94",		/* U+0294 */
  "\xca\x95",		/* U+0295 */
  "\xca\x96",		/* U+0296 */
  "\xca\x97",		/* U+0297 */
  "\xca\x98",		/* U+0298 */
  "\xca\x99",		/* U+0299 */
  "\xca\x9a",		/* U+029A */
  "\xca\x9b",		/* U+029B */
  "\xca\x9c",		/* U+029C */
  "\xca\x9d",		/* U+029D */
  "\xca\x9e",		/* U+029E */
  "\xca\x9f",		/* U+029F */
  "\xca\xa0",		/* U+02A0 */
  "\xca\xa1",		/* U+02A1 */
  "\xca\xa2",		/* U+02A2 */
  "\xca\xa3",		/* U+02A3 */
  "\xca\xa4",		/* U+02A4 */
  "\xca\xa5",		/* U+02A5 */
  "\xca\xa6",		/* U+02A6 */
  "\xca\xa7",		/* U+02A7 */
  "\xca\xa8",		/* U+02A8 */
  "\xca\xa9",		/* U+02A9 */
  "\xca\xaa",		/* U+02AA */
  "\xca\xab",		/* U+02AB */
  "\xca\xac",		/* U+02AC */
  "\xca\xad",		/* U+02AD */
  "\xca\xae",		/* U+02AE */
  "\xca\xaf",		/* U+02AF */
  "\x68",		/* U+02B0 */
  "\xc9\xa6",		/* U+02B1 */
  "\x6a",		/* U+02B2 */
  "\x72",		/* U+02B3 */
  "\xc9\xb9",		/* U+02B4 */
  "\xc9\xbb",		/* U+02B5 */
  "\xca\x81",		/* U+02B6 */
  "\x77",		/* U+02B7 */
  "\x79",		/* U+02B8 */
  "\xca\xb9",		/* U+02B9 */
  "\xca\xba",		/* U+02BA */
  "\xca\xbb",		/* U+02BB */
  "\xca\xbc",		/* U+02BC */
  "\xca\xbd",		/* U+02BD */
  "\xca\xbe",		/* U+02BE */
  "\xca\xbf",		/* U+02BF */
  "\xcb\x80",		/* U+02C0 */
  "\xcb\x81",		/* U+02C1 */
  "\xcb\x82",		/* U+02C2 */
  "\xcb\x83",		/* U+02C3 */
  "\xcb\x84",		/* U+02C4 */
  "\xcb\x85",		/* U+02C5 */
  "\xcb\x86",		/* U+02C6 */
  "\xcb\x87",		/* U+02C7 */
  "\xcb\x88",		/* U+02C8 */
  "\xcb\x89",		/* U+02C9 */
  "\xcb\x8a",		/* U+02CA */
  "\xcb\x8b",		/* U+02CB */
  "\xcb\x8c",		/* U+02CC */
  "\xcb\x8d",		/* U+02CD */
  "\xcb\x8e",		/* U+02CE */
  "\xcb\x8f",		/* U+02CF */
  "\xcb\x90",		/* U+02D0 */
  "\xcb\x91",		/* U+02D1 */
  "\xcb\x92",		/* U+02D2 */
  "\xcb\x93",		/* U+02D3 */
  "\xcb\x94",		/* U+02D4 */
  "\xcb\x95",		/* U+02D5 */
  "\xcb\x96",		/* U+02D6 */
  "\xcb\x97",		/* U+02D7 */
  "\x20",		/* U+02D8 */
  "\x20",		/* U+02D9 */
  "\x20",		/* U+02DA */
  "\x20",		/* U+02DB */
  "\x20",		/* U+02DC */
  "\x20",		/* U+02DD */
  "\xcb\x9e",		/* U+02DE */
  "\xcb\x9f",		/* U+02DF */
  "\xc9\xa3",		/* U+02E0 */
  "\x6c",		/* U+02E1 */
  "\x73",		/* U+02E2 */
  "\x78",		/* U+02E3 */
  "\xca\x95",		/* U+02E4 */
  "\xcb\xa5",		/* U+02E5 */
  "\xcb\xa6",		/* U+02E6 */
  "\xcb\xa7",		/* U+02E7 */
  "\xcb\xa8",		/* U+02E8 */
  "\xcb\xa9",		/* U+02E9 */
  "\xcb\xaa",		/* U+02EA */
  "\xcb\xab",		/* U+02EB */
  "\xcb\xac",		/* U+02EC */
  "\xcb\xad",		/* U+02ED */
  "\xcb\xae",		/* U+02EE */
  "\xcb\xaf",		/* U+02EF */
  "\xcb\xb0",		/* U+02F0 */
  "\xcb\xb1",		/* U+02F1 */
  "\xcb\xb2",		/* U+02F2 */
  "\xcb\xb3",		/* U+02F3 */
  "\xcb\xb4",		/* U+02F4 */
  "\xcb\xb5",		/* U+02F5 */
  "\xcb\xb6",		/* U+02F6 */
  "\xcb\xb7",		/* U+02F7 */
  "\xcb\xb8",		/* U+02F8 */
  "\xcb\xb9",		/* U+02F9 */
  "\xcb\xba",		/* U+02FA */
  "\xcb\xbb",		/* U+02FB */
  "\xcb\xbc",		/* U+02FC */
  "\xcb\xbd",		/* U+02FD */
  "\xcb\xbe",		/* U+02FE */
  "\xcb\xbf",		/* U+02FF */
  "",		/* U+0300 */
  "",		/* U+0301 */
  "",		/* U+0302 */
  "",		/* U+0303 */
  "",		/* U+0304 */
  "",		/* U+0305 */
  "",		/* U+0306 */
  "",		/* U+0307 */
  "",		/* U+0308 */
  "",		/* U+0309 */
  "",		/* U+030A */
  "",		/* U+030B */
  "",		/* U+030C */
  "",		/* U+030D */
  "",		/* U+030E */
  "",		/* U+030F */
  "",		/* U+0310 */
  "",		/* U+0311 */
  "",		/* U+0312 */
  "",		/* U+0313 */
  "",		/* U+0314 */
  "",		/* U+0315 */
  "",		/* U+0316 */
  "",		/* U+0317 */
  "",		/* U+0318 */
  "",		/* U+0319 */
  "",		/* U+031A */
  "",		/* U+031B */
  "",		/* U+031C */
  "",		/* U+031D */
  "",		/* U+031E */
  "",		/* U+031F */
  "",		/* U+0320 */
  "",		/* U+0321 */
  "",		/* U+0322 */
  "",		/* U+0323 */
  "",		/* U+0324 */
  "",		/* U+0325 */
  "",		/* U+0326 */
  "",		/* U+0327 */
  "",		/* U+0328 */
  "",		/* U+0329 */
  "",		/* U+032A */
  "",		/* U+032B */
  "",		/* U+032C */
  "",		/* U+032D */
  "",		/* U+032E */
  "",		/* U+032F */
  "",		/* U+0330 */
  "",		/* U+0331 */
  "",		/* U+0332 */
  "",		/* U+0333 */
  "",		/* U+0334 */
  "",		/* U+0335 */
  "",		/* U+0336 */
  "",		/* U+0337 */
  "",		/* U+0338 */
  "",		/* U+0339 */
  "",		/* U+033A */
  "",		/* U+033B */
  "",		/* U+033C */
  "",		/* U+033D */
  "",		/* U+033E */
  "",		/* U+033F */
  "",		/* U+0340 */
  "",		/* U+0341 */
  "",		/* U+0342 */
  "",		/* U+0343 */
  "",		/* U+0344 */
  "\xce\xb9",		/* U+0345 */
  "",		/* U+0346 */
  "",		/* U+0347 */
  "",		/* U+0348 */
  "",		/* U+0349 */
  "",		/* U+034A */
  "",		/* U+034B */
  "",		/* U+034C */
  "",		/* U+034D */
  "",		/* U+034E */
  "",		/* U+034F */
  "",		/* U+0350 */
  "",		/* U+0351 */
  "",		/* U+0352 */
  "",		/* U+0353 */
  "",		/* U+0354 */
  "",		/* U+0355 */
  "",		/* U+0356 */
  "",		/* U+0357 */
  "",		/* U+0358 */
  "",		/* U+0359 */
  "",		/* U+035A */
  "",		/* U+035B */
  "",		/* U+035C */
  "",		/* U+035D */
  "",		/* U+035E */
  "",		/* U+035F */
  "",		/* U+0360 */
  "",		/* U+0361 */
  "",		/* U+0362 */
  "",		/* U+0363 */
  "",		/* U+0364 */
  "",		/* U+0365 */
  "",		/* U+0366 */
  "",		/* U+0367 */
  "",		/* U+0368 */
  "",		/* U+0369 */
  "",		/* U+036A */
  "",		/* U+036B */
  "",		/* U+036C */
  "",		/* U+036D */
  "",		/* U+036E */
  "",		/* U+036F */
  "\xcd\xb1",		/* U+0370 */
  "\xcd\xb1",		/* U+0371 */
  "\xcd\xb3",		/* U+0372 */
  "\xcd\xb3",		/* U+0373 */
  "\xca\xb9",		/* U+0374 */
  "\xcd\xb5",		/* U+0375 */
  "\xcd\xb7",		/* U+0376 */
  "\xcd\xb7",		/* U+0377 */
  "\xcd\xb8",		/* U+0378 */
  "\xcd\xb9",		/* U+0379 */
  "\x20\xce\xb9",	/* U+037A */
  "\xcd\xbb",		/* U+037B */
  "\xcd\xbc",		/* U+037C */
  "\xcd\xbd",		/* U+037D */
  "\x3b",		/* U+037E */
  "\xcf\xb3",		/* U+037F */
  "\xce\x80",		/* U+0380 */
  "\xce\x81",		/* U+0381 */
  "\xce\x82",		/* U+0382 */
  "\xce\x83",		/* U+0383 */
  "\x20",		/* U+0384 */
  "\x20",		/* U+0385 */
  "\xce\xb1",		/* U+0386 */
  "\xc2\xb7",		/* U+0387 */
  "\xce\xb5",		/* U+0388 */
  "\xce\xb7",		/* U+0389 */
  "\xce\xb9",		/* U+038A */
  "\xce\x8b",		/* U+038B */
  "\xce\xbf",		/* U+038C */
  "\xce\x8d",		/* U+038D */
  "\xcf\x85",		/* U+038E */
  "\xcf\x89",		/* U+038F */
  "\xce\xb9",		/* U+0390 */
  "\xce\xb1",		/* U+0391 */
  "\xce\xb2",		/* U+0392 */
  "\xce\xb3",		/* U+0393 */
  "\xce\xb4",		/* U+0394 */
  "\xce\xb5",		/* U+0395 */
  "\xce\xb6",		/* U+0396 */
  "\xce\xb7",		/* U+0397 */
  "\xce\xb8",		/* U+0398 */
  "\xce\xb9",		/* U+0399 */
  "\xce\xba",		/* U+039A */
  "\xce\xbb",		/* U+039B */
  "\xce\xbc",		/* U+039C */
  "\xce\xbd",		/* U+039D */
  "\xce\xbe",		/* U+039E */
  "\xce\xbf",		/* U+039F */
  "\xcf\x80",		/* U+03A0 */
  "\xcf\x81",		/* U+03A1 */
  "\xce\xa2",		/* U+03A2 */
  "\xcf\x83",		/* U+03A3 */
  "\xcf\x84",		/* U+03A4 */
  "\xcf\x85",		/* U+03A5 */
  "\xcf\x86",		/* U+03A6 */
  "\xcf\x87",		/* U+03A7 */
  "\xcf\x88",		/* U+03A8 */
  "\xcf\x89",		/* U+03A9 */
  "\xce\xb9",		/* U+03AA */
  "\xcf\x85",		/* U+03AB */
  "\xce\xb1",		/* U+03AC */
  "\xce\xb5",		/* U+03AD */
  "\xce\xb7",		/* U+03AE */
  "\xce\xb9",		/* U+03AF */
  "\xcf\x85",		/* U+03B0 */
  "\xce\xb1",		/* U+03B1 */
  "\xce\xb2",		/* U+03B2 */
  "\xce\xb3",		/* U+03B3 */
  "\xce\xb4",		/* U+03B4 */
  "\xce\xb5",		/* U+03B5 */
  "\xce\xb6",		/* U+03B6 */
  "\xce\xb7",		/* U+03B7 */
  "\xce\xb8",		/* U+03B8 */
  "\xce\xb9",		/* U+03B9 */
  "\xce\xba",		/* U+03BA */
  "\xce\xbb",		/* U+03BB */
  "\xce\xbc",		/* U+03BC */
  "\xce\xbd",		/* U+03BD */
  "\xce\xbe",		/* U+03BE */
  "\xce\xbf",		/* U+03BF */
  "\xcf\x80",		/* U+03C0 */
  "\xcf\x81",		/* U+03C1 */
  "\xcf\x83",		/* U+03C2 */
  "\xcf\x83",		/* U+03C3 */
  "\xcf\x84",		/* U+03C4 */
  "\xcf\x85",		/* U+03C5 */
  "\xcf\x86",		/* U+03C6 */
  "\xcf\x87",		/* U+03C7 */
  "\xcf\x88",		/* U+03C8 */
  "\xcf\x89",		/* U+03C9 */
  "\xce\xb9",		/* U+03CA */
  "\xcf\x85",		/* U+03CB */
  "\xce\xbf",		/* U+03CC */
  "\xcf\x85",		/* U+03CD */
  "\xcf\x89",		/* U+03CE */
  "\xcf\x97",		/* U+03CF */
  "\xce\xb2",		/* U+03D0 */
  "\xce\xb8",		/* U+03D1 */
  "\xcf\x85",		/* U+03D2 */
  "\xcf\x85",		/* U+03D3 */
  "\xcf\x85",		/* U+03D4 */
  "\xcf\x86",		/* U+03D5 */
  "\xcf\x80",		/* U+03D6 */
  "\xcf\x97",		/* U+03D7 */
  "\xcf\x99",		/* U+03D8 */
  "\xcf\x99",		/* U+03D9 */
  "\xcf\x9b",		/* U+03DA */
  "\xcf\x9b",		/* U+03DB */
  "\xcf\x9d",		/* U+03DC */
  "\xcf\x9d",		/* U+03DD */
  "\xcf\x9f",		/* U+03DE */
  "\xcf\x9f",		/* U+03DF */
  "\xcf\xa1",		/* U+03E0 */
  "\xcf\xa1",		/* U+03E1 */
  "\xcf\xa3",		/* U+03E2 */
  "\xcf\xa3",		/* U+03E3 */
  "\xcf\xa5",		/* U+03E4 */
  "\xcf\xa5",		/* U+03E5 */
  "\xcf\xa7",		/* U+03E6 */
  "\xcf\xa7",		/* U+03E7 */
  "\xcf\xa9",		/* U+03E8 */
  "\xcf\xa9",		/* U+03E9 */
  "\xcf\xab",		/* U+03EA */
  "\xcf\xab",		/* U+03EB */
  "\xcf\xad",		/* U+03EC */
  "\xcf\xad",		/* U+03ED */
  "\xcf\xaf",		/* U+03EE */
  "\xcf\xaf",		/* U+03EF */
  "\xce\xba",		/* U+03F0 */
  "\xcf\x81",		/* U+03F1 */
  "\xcf\x83",		/* U+03F2 */
  "\xcf\xb3",		/* U+03F3 */
  "\xce\xb8",		/* U+03F4 */
  "\xce\xb5",		/* U+03F5 */
  "\xcf\xb6",		/* U+03F6 */
  "\xcf\xb8",		/* U+03F7 */
  "\xcf\xb8",		/* U+03F8 */
  "\xcf\x83",		/* U+03F9 */
  "\xcf\xbb",		/* U+03FA */
  "\xcf\xbb",		/* U+03FB */
  "\xcf\xbc",		/* U+03FC */
  "\xcd\xbb",		/* U+03FD */
  "\xcd\xbc",		/* U+03FE */
  "\xcd\xbd",		/* U+03FF */
  "\xd0\xb5",		/* U+0400 */
  "\xd0\xb5",		/* U+0401 */
  "\xd1\x92",		/* U+0402 */
  "\xd0\xb3",		/* U+0403 */
  "\xd1\x94",		/* U+0404 */
  "\xd1\x95",		/* U+0405 */
  "\xd1\x96",		/* U+0406 */
  "\xd1\x96",		/* U+0407 */
  "\xd1\x98",		/* U+0408 */
  "\xd1\x99",		/* U+0409 */
  "\xd1\x9a",		/* U+040A */
  "\xd1\x9b",		/* U+040B */
  "\xd0\xba",		/* U+040C */
  "\xd0\xb8",		/* U+040D */
  "\xd1\x83",		/* U+040E */
  "\xd1\x9f",		/* U+040F */
  "\xd0\xb0",		/* U+0410 */
  "\xd0\xb1",		/* U+0411 */
  "\xd0\xb2",		/* U+0412 */
  "\xd0\xb3",		/* U+0413 */
  "\xd0\xb4",		/* U+0414 */
  "\xd0\xb5",		/* U+0415 */
  "\xd0\xb6",		/* U+0416 */
  "\xd0\xb7",		/* U+0417 */
  "\xd0\xb8",		/* U+0418 */
  "\xd0\xb8",		/* U+0419 */
  "\xd0\xba",		/* U+041A */
  "\xd0\xbb",		/* U+041B */
  "\xd0\xbc",		/* U+041C */
  "\xd0\xbd",		/* U+041D */
  "\xd0\xbe",		/* U+041E */
  "\xd0\xbf",		/* U+041F */
  "\xd1\x80",		/* U+0420 */
  "\xd1\x81",		/* U+0421 */
  "\xd1\x82",		/* U+0422 */
  "\xd1\x83",		/* U+0423 */
  "\xd1\x84",		/* U+0424 */
  "\xd1\x85",		/* U+0425 */
  "\xd1\x86",		/* U+0426 */
  "\xd1\x87",		/* U+0427 */
  "\xd1\x88",		/* U+0428 */
  "\xd1\x89",		/* U+0429 */
  "\xd1\x8a",		/* U+042A */
  "\xd1\x8b",		/* U+042B */
  "\xd1\x8c",		/* U+042C */
  "\xd1\x8d",		/* U+042D */
  "\xd1\x8e",		/* U+042E */
  "\xd1\x8f",		/* U+042F */
  "\xd0\xb0",		/* U+0430 */
  "\xd0\xb1",		/* U+0431 */
  "\xd0\xb2",		/* U+0432 */
  "\xd0\xb3",		/* U+0433 */
  "\xd0\xb4",		/* U+0434 */
  "\xd0\xb5",		/* U+0435 */
  "\xd0\xb6",		/* U+0436 */
  "\xd0\xb7",		/* U+0437 */
  "\xd0\xb8",		/* U+0438 */
  "\xd0\xb8",		/* U+0439 */
  "\xd0\xba",		/* U+043A */
  "\xd0\xbb",		/* U+043B */
  "\xd0\xbc",		/* U+043C */
  "\xd0\xbd",		/* U+043D */
  "\xd0\xbe",		/* U+043E */
  "\xd0\xbf",		/* U+043F */
  "\xd1\x80",		/* U+0440 */
  "\xd1\x81",		/* U+0441 */
  "\xd1\x82",		/* U+0442 */
  "\xd1\x83",		/* U+0443 */
  "\xd1\x84",		/* U+0444 */
  "\xd1\x85",		/* U+0445 */
  "\xd1\x86",		/* U+0446 */
  "\xd1\x87",		/* U+0447 */
  "\xd1\x88",		/* U+0448 */
  "\xd1\x89",		/* U+0449 */
  "\xd1\x8a",		/* U+044A */
  "\xd1\x8b",		/* U+044B */
  "\xd1\x8c",		/* U+044C */
  "\xd1\x8d",		/* U+044D */
  "\xd1\x8e",		/* U+044E */
  "\xd1\x8f",		/* U+044F */
  "\xd0\xb5",		/* U+0450 */
  "\xd0\xb5",		/* U+0451 */
  "\xd1\x92",		/* U+0452 */
  "\xd0\xb3",		/* U+0453 */
  "\xd1\x94",		/* U+0454 */
  "\xd1\x95",		/* U+0455 */
  "\xd1\x96",		/* U+0456 */
  "\xd1\x96",		/* U+0457 */
  "\xd1\x98",		/* U+0458 */
  "\xd1\x99",		/* U+0459 */
  "\xd1\x9a",		/* U+045A */
  "\xd1\x9b",		/* U+045B */
  "\xd0\xba",		/* U+045C */
  "\xd0\xb8",		/* U+045D */
  "\xd1\x83",		/* U+045E */
  "\xd1\x9f",		/* U+045F */
  "\xd1\xa1",		/* U+0460 */
  "\xd1\xa1",		/* U+0461 */
  "\xd1\xa3",		/* U+0462 */
  "\xd1\xa3",		/* U+0463 */
  "\xd1\xa5",		/* U+0464 */
  "\xd1\xa5",		/* U+0465 */
  "\xd1\xa7",		/* U+0466 */
  "\xd1\xa7",		/* U+0467 */
  "\xd1\xa9",		/* U+0468 */
  "\xd1\xa9",		/* U+0469 */
  "\xd1\xab",		/* U+046A */
  "\xd1\xab",		/* U+046B */
  "\xd1\xad",		/* U+046C */
  "\xd1\xad",		/* U+046D */
  "\xd1\xaf",		/* U+046E */
  "\xd1\xaf",		/* U+046F */
  "\xd1\xb1",		/* U+0470 */
  "\xd1\xb1",		/* U+0471 */
  "\xd1\xb3",		/* U+0472 */
  "\xd1\xb3",		/* U+0473 */
  "\xd1\xb5",		/* U+0474 */
  "\xd1\xb5",		/* U+0475 */
  "\xd1\xb5",		/* U+0476 */
  "\xd1\xb5",		/* U+0477 */
  "\xd1\xb9",		/* U+0478 */
  "\xd1\xb9",		/* U+0479 */
  "\xd1\xbb",		/* U+047A */
  "\xd1\xbb",		/* U+047B */
  "\xd1\xbd",		/* U+047C */
  "\xd1\xbd",		/* U+047D */
  "\xd1\xbf",		/* U+047E */
  "\xd1\xbf",		/* U+047F */
  "\xd2\x81",		/* U+0480 */
  "\xd2\x81",		/* U+0481 */
  "\xd2\x82",		/* U+0482 */
  "",		/* U+0483 */
  "",		/* U+0484 */
  "",		/* U+0485 */
  "",		/* U+0486 */
  "",		/* U+0487 */
  "\xd2\x88",		/* U+0488 */
  "\xd2\x89",		/* U+0489 */
  "\xd2\x8b",		/* U+048A */
  "\xd2\x8b",		/* U+048B */
  "\xd2\x8d",		/* U+048C */
  "\xd2\x8d",		/* U+048D */
  "\xd2\x8f",		/* U+048E */
  "\xd2\x8f",		/* U+048F */
  "\xd2\x91",		/* U+0490 */
  "\xd2\x91",		/* U+0491 */
  "\xd2\x93",		/* U+0492 */
  "\xd2\x93",		/* U+0493 */
  "\xd2\x95",		/* U+0494 */
  "\xd2\x95",		/* U+0495 */
  "\xd2\x97",		/* U+0496 */
  "\xd2\x97",		/* U+0497 */
  "\xd2\x99",		/* U+0498 */
  "\xd2\x99",		/* U+0499 */
  "\xd2\x9b",		/* U+049A */
  "\xd2\x9b",		/* U+049B */
  "\xd2\x9d",		/* U+049C */
  "\xd2\x9d",		/* U+049D */
  "\xd2\x9f",		/* U+049E */
  "\xd2\x9f",		/* U+049F */
  "\xd2\xa1",		/* U+04A0 */
  "\xd2\xa1",		/* U+04A1 */
  "\xd2\xa3",		/* U+04A2 */
  "\xd2\xa3",		/* U+04A3 */
  "\xd2\xa5",		/* U+04A4 */
  "\xd2\xa5",		/* U+04A5 */
  "\xd2\xa7",		/* U+04A6 */
  "\xd2\xa7",		/* U+04A7 */
  "\xd2\xa9",		/* U+04A8 */
  "\xd2\xa9",		/* U+04A9 */
  "\xd2\xab",		/* U+04AA */
  "\xd2\xab",		/* U+04AB */
  "\xd2\xad",		/* U+04AC */
  "\xd2\xad",		/* U+04AD */
  "\xd2\xaf",		/* U+04AE */
  "\xd2\xaf",		/* U+04AF */
  "\xd2\xb1",		/* U+04B0 */
  "\xd2\xb1",		/* U+04B1 */
  "\xd2\xb3",		/* U+04B2 */
  "\xd2\xb3",		/* U+04B3 */
  "\xd2\xb5",		/* U+04B4 */
  "\xd2\xb5",		/* U+04B5 */
  "\xd2\xb7",		/* U+04B6 */
  "\xd2\xb7",		/* U+04B7 */
  "\xd2\xb9",		/* U+04B8 */
  "\xd2\xb9",		/* U+04B9 */
  "\xd2\xbb",		/* U+04BA */
  "\xd2\xbb",		/* U+04BB */
  "\xd2\xbd",		/* U+04BC */
  "\xd2\xbd",		/* U+04BD */
  "\xd2\xbf",		/* U+04BE */
  "\xd2\xbf",		/* U+04BF */
  "\xd3\x8f",		/* U+04C0 */
  "\xd0\xb6",		/* U+04C1 */
  "\xd0\xb6",		/* U+04C2 */
  "\xd3\x84",		/* U+04C3 */
  "\xd3\x84",		/* U+04C4 */
  "\xd3\x86",		/* U+04C5 */
  "\xd3\x86",		/* U+04C6 */
  "\xd3\x88",		/* U+04C7 */
  "\xd3\x88",		/* U+04C8 */
  "\xd3\x8a",		/* U+04C9 */
  "\xd3\x8a",		/* U+04CA */
  "\xd3\x8c",		/* U+04CB */
  "\xd3\x8c",		/* U+04CC */
  "\xd3\x8e",		/* U+04CD */
  "\xd3\x8e",		/* U+04CE */
  "\xd3\x8f",		/* U+04CF */
  "\xd0\xb0",		/* U+04D0 */
  "\xd0\xb0",		/* U+04D1 */
  "\xd0\xb0",		/* U+04D2 */
  "\xd0\xb0",		/* U+04D3 */
  "\xd3\x95",		/* U+04D4 */
  "\xd3\x95",		/* U+04D5 */
  "\xd0\xb5",		/* U+04D6 */
  "\xd0\xb5",		/* U+04D7 */
  "\xd3\x99",		/* U+04D8 */
  "\xd3\x99",		/* U+04D9 */
  "\xd3\x99",		/* U+04DA */
  "\xd3\x99",		/* U+04DB */
  "\xd0\xb6",		/* U+04DC */
  "\xd0\xb6",		/* U+04DD */
  "\xd0\xb7",		/* U+04DE */
  "\xd0\xb7",		/* U+04DF */
  "\xd3\xa1",		/* U+04E0 */
  "\xd3\xa1",		/* U+04E1 */
  "\xd0\xb8",		/* U+04E2 */
  "\xd0\xb8",		/* U+04E3 */
  "\xd0\xb8",		/* U+04E4 */
  "\xd0\xb8",		/* U+04E5 */
  "\xd0\xbe",		/* U+04E6 */
  "\xd0\xbe",		/* U+04E7 */
  "\xd3\xa9",		/* U+04E8 */
  "\xd3\xa9",		/* U+04E9 */
  "\xd3\xa9",		/* U+04EA */
  "\xd3\xa9",		/* U+04EB */
  "\xd1\x8d",		/* U+04EC */
  "\xd1\x8d",		/* U+04ED */
  "\xd1\x83",		/* U+04EE */
  "\xd1\x83",		/* U+04EF */
  "\xd1\x83",		/* U+04F0 */
  "\xd1\x83",		/* U+04F1 */
  "\xd1\x83",		/* U+04F2 */
  "\xd1\x83",		/* U+04F3 */
  "\xd1\x87",		/* U+04F4 */
  "\xd1\x87",		/* U+04F5 */
  "\xd3\xb7",		/* U+04F6 */
  "\xd3\xb7",		/* U+04F7 */
  "\xd1\x8b",		/* U+04F8 */
  "\xd1\x8b",		/* U+04F9 */
  "\xd3\xbb",		/* U+04FA */
  "\xd3\xbb",		/* U+04FB */
  "\xd3\xbd",		/* U+04FC */
  "\xd3\xbd",		/* U+04FD */
  "\xd3\xbf",		/* U+04FE */
  "\xd3\xbf",		/* U+04FF */
/* U+2010..U+205E */
  "\xe2\x80\x90",	/* U+2010 */
  "\xe2\x80\x90",	/* U+2011 */
  "\xe2\x80\x92",	/* U+2012 */
  "\xe2\x80\x93",	/* U+2013 */
  "\xe2\x80\x94",	/* U+2014 */
  "\xe2\x80\x95",	/* U+2015 */
  "\xe2\x80\x96",	/* U+2016 */
  "\x20",		/* U+2017 */
  "\xe2\x80\x98",	/* U+2018 */
  "\xe2\x80\x99",	/* U+2019 */
  "\xe2\x80\x9a",	/* U+201A */
  "\xe2\x80\x9b",	/* U+201B */
  "\xe2\x80\x9c",	/* U+201C */
  "\xe2\x80\x9d",	/* U+201D */
  "\xe2\x80\x9e",	/* U+201E */
  "\xe2\x80\x9f",	/* U+201F */
  "\xe2\x80\xa0",	/* U+2020 */
  "\xe2\x80\xa1",	/* U+2021 */
  "\xe2\x80\xa2",	/* U+2022 */
  "\xe2\x80\xa3",	/* U+2023 */
  "\x2e",		/* U+2024 */
  "\x2e\x2e",		/* U+2025 */
  "\x2e\x2e\x2e",	/* U+2026 */
  "\xe2\x80\xa7",	/* U+2027 */
  "\xe2\x80\xa8",	/* U+2028 */
  "\xe2\x80\xa9",	/* U+2029 */
  "",		/* U+202A */
  "",		/* U+202B */
  "",		/* U+202C */
  "",		/* U+202D */
  "",		/* U+202E */
  "\x20",		/* U+202F */
  "\xe2\x80\xb0",	/* U+2030 */
  "\xe2\x80\xb1",	/* U+2031 */
  "\xe2\x80\xb2",	/* U+2032 */
  "\xe2\x80\xb2\xe2\x80\xb2",	/* U+2033 */
  "\xff",		/* U+2034 */
  "\xe2\x80\xb5",	/* U+2035 */
  "\xe2\x80\xb5\xe2\x80\xb5",	/* U+2036 */
  "\xff",		/* U+2037 */
  "\xe2\x80\xb8",	/* U+2038 */
  "\xe2\x80\xb9",	/* U+2039 */
  "\xe2\x80\xba",	/* U+203A */
  "\xe2\x80\xbb",	/* U+203B */
  "\x21\x21",		/* U+203C */
  "\xe2\x80\xbd",	/* U+203D */
  "\x20",		/* U+203E */
  "\xe2\x80\xbf",	/* U+203F */
  "\xe2\x81\x80",	/* U+2040 */
  "\xe2\x81\x81",	/* U+2041 */
  "\xe2\x81\x82",	/* U+2042 */
  "\xe2\x81\x83",	/* U+2043 */
  "\xe2\x81\x84",	/* U+2044 */
  "\xe2\x81\x85",	/* U+2045 */
  "\xe2\x81\x86",	/* U+2046 */
  "\x3f\x3f",		/* U+2047 */
  "\x3f\x21",		/* U+2048 */
  "\x21\x3f",		/* U+2049 */
  "\xe2\x81\x8a",	/* U+204A */
  "\xe2\x81\x8b",	/* U+204B */
  "\xe2\x81\x8c",	/* U+204C */
  "\xe2\x81\x8d",	/* U+204D */
  "\xe2\x81\x8e",	/* U+204E */
  "\xe2\x81\x8f",	/* U+204F */
  "\xe2\x81\x90",	/* U+2050 */
  "\xe2\x81\x91",	/* U+2051 */
  "\xe2\x81\x92",	/* U+2052 */
  "\xe2\x81\x93",	/* U+2053 */
  "\xe2\x81\x94",	/* U+2054 */
  "\xe2\x81\x95",	/* U+2055 */
  "\xe2\x81\x96",	/* U+2056 */
  "\xff",		/* U+2057 */
  "\xe2\x81\x98",	/* U+2058 */
  "\xe2\x81\x99",	/* U+2059 */
  "\xe2\x81\x9a",	/* U+205A */
  "\xe2\x81\x9b",	/* U+205B */
  "\xe2\x81\x9c",	/* U+205C */
  "\xe2\x81\x9d",	/* U+205D */
  "\xe2\x81\x9e",	/* U+205E */
/* U+20A0..U+20C0 */
  "\xe2\x82\xa0",	/* U+20A0 */
  "\xe2\x82\xa1",	/* U+20A1 */
  "\xe2\x82\xa2",	/* U+20A2 */
  "\xe2\x82\xa3",	/* U+20A3 */
  "\xe2\x82\xa4",	/* U+20A4 */
  "\xe2\x82\xa5",	/* U+20A5 */
  "\xe2\x82\xa6",	/* U+20A6 */
  "\xe2\x82\xa7",	/* U+20A7 */
  "\x72\x73",		/* U+20A8 */
  "\xe2\x82\xa9",	/* U+20A9 */
  "\xe2\x82\xaa",	/* U+20AA */
  "\xe2\x82\xab",	/* U+20AB */
  "\xe2\x82\xac",	/* U+20AC */
  "\xe2\x82\xad",	/* U+20AD */
  "\xe2\x82\xae",	/* U+20AE */
  "\xe2\x82\xaf",	/* U+20AF */
  "\xe2\x82\xb0",	/* U+20B0 */
  "\xe2\x82\xb1",	/* U+20B1 */
  "\xe2\x82\xb2",	/* U+20B2 */
  "\xe2\x82\xb3",	/* U+20B3 */
  "\xe2\x82\xb4",	/* U+20B4 */
  "\xe2\x82\xb5",	/* U+20B5 */
  "\xe2\x82\xb6",	/* U+20B6 */
  "\xe2\x82\xb7",	/* U+20B7 */
  "\xe2\x82\xb8",	/* U+20B8 */
  "\xe2\x82\xb9",	/* U+20B9 */
  "\xe2\x82\xba",	/* U+20BA */
  "\xe2\x82\xbb",	/* U+20BB */
  "\xe2\x82\xbc",	/* U+20BC */
  "\xe2\x82\xbd",	/* U+20BD */
  "\xe2\x82\xbe",	/* U+20BE */
  "\xe2\x82\xbf",	/* U+20BF */
  "\xe2\x83\x80",	/* U+20C0 */
};

_Static_assert (ARRAY_SIZE (text_fold_table)
                == TEXT_FOLD_LATIN_LAST - TEXT_FOLD_LATIN_FIRST + 1
                + TEXT_FOLD_PUNCT_LAST - TEXT_FOLD_PUNCT_FIRST + 1
                + TEXT_FOLD_CURRENCY_LAST - TEXT_FOLD_CURRENCY_FIRST + 1,
                "one entry per character of the three ranges");

/* Characters that fold to themselves: kana, CJK ideographs, Hangul. */
static inline bool
text_fold_same (ucs4_t uc)
{
  return (uc >= 0x3041 && uc <= 0x3096) || (uc >= 0x30a1 && uc <= 0x30fa)
    || (uc >= 0x3400 && uc <= 0x4dbf) || (uc >= 0x4e00 && uc <= 0x9fff)
    || (uc >= 0xac00 && uc <= 0xd7a3);
}

/* The fold of uc from text_fold_table, or NULL. */
static inline const char *
text_fold_char (ucs4_t uc)
{
  size_t latin = TEXT_FOLD_LATIN_LAST - TEXT_FOLD_LATIN_FIRST + 1;
  size_t punct = TEXT_FOLD_PUNCT_LAST - TEXT_FOLD_PUNCT_FIRST + 1;
  const char *f;
  if (uc >= TEXT_FOLD_LATIN_FIRST && uc <= TEXT_FOLD_LATIN_LAST)
    f = text_fold_table[uc - TEXT_FOLD_LATIN_FIRST];
  else if (uc >= TEXT_FOLD_PUNCT_FIRST && uc <= TEXT_FOLD_PUNCT_LAST)
    f = text_fold_table[latin + uc - TEXT_FOLD_PUNCT_FIRST];
  else if (uc >= TEXT_FOLD_CURRENCY_FIRST && uc <= TEXT_FOLD_CURRENCY_LAST)
    f = text_fold_table[latin + punct + uc - TEXT_FOLD_CURRENCY_FIRST];
  else
    return NULL;
  return f[0] == '\xff' ? NULL : f;
}

/* Lowercases the ASCII letters of p[0..n) in place. */
static void
text_ascii_lower (char *p, size_t n)
{
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    {
      uint64_t w = swar_load (p + i);
      uint64_t up = swar_upper (w);
      if (up == 0)
        continue;
      swar_store (p + i, w | up >> 2);  /* 0x80 -> 0x20 in each capital */
    }
  for (; i < n; i++)
    if (p[i] >= 'A' && p[i] <= 'Z')
      p[i] += 'a' - 'A';
}

/* Folds s[0..n) character by character into out, or returns false when a
   character is outside ASCII and text_fold_table. */
static bool
text_fold_table_path (const uint8_t *s, size_t n, struct buf *out)
{
  size_t i = 0;
  while (i < n)
    {
      size_t run = i;
      i += swar_ascii_prefix (s + i, n - i);
      size_t from = out->len;
      buf_add (out, s + run, i - run);
      text_ascii_lower (out->data + from, i - run);
      if (i == n)
        break;
      ucs4_t uc;
      int len = u8_mbtouc (&uc, s + i, n - i);
      if (text_fold_same (uc))
        buf_add (out, s + i, len);
      else
        {
          const char *f = text_fold_char (uc);
          if (f == NULL)
            return false;
          buf_adds (out, f);
        }
      i += len;
    }
  return true;
}

/* Frees r unless it is the caller's stack buffer. */
static void
text_free_unless (uint8_t *r, const uint8_t *stack)
{
  if (r != stack)
    free (r);
}

/* The libunistring path of text_fold. */
void
text_fold_slow (const char *str, size_t n, struct buf *out)
{
  const uint8_t *s = (const uint8_t *) str;
  buf_reset (out);
  buf_add (out, "", 0);
  if (n == 0)
    return;

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

void
text_fold (const char *s, size_t n, struct buf *out)
{
  buf_reset (out);
  buf_add (out, "", 0);
  if (!text_fold_table_path ((const uint8_t *) s, n, out))
    text_fold_slow (s, n, out);
}
