/* text.h: the text layer over libunistring.

   Every byte of an article passes through text_decode before anything else
   looks at it; everything after works on valid, NFC, LF-terminated UTF-8
   without control characters.  Words, folding, widths and wrapping are
   answered here and nowhere else, so search, highlighting, shingles and diff
   agree on what a word is.  Pure functions: no I/O, no globals. */
#ifndef BYLINE_TEXT_H
#define BYLINE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct strv;

/* ---- decoding (text-decode.c) ------------------------------------------ */

enum text_encoding
{
  TEXT_ENC_UTF8,
  TEXT_ENC_UTF16LE,
  TEXT_ENC_UTF16BE,
  TEXT_ENC_CP1252     /* not valid UTF-8; read as Windows-1252 / Latin-1 */
};

/* What text_decode did, so callers can warn. */
struct text_decode_info
{
  enum text_encoding encoding;
  bool bom;                 /* a byte order mark was found and dropped */
  size_t replaced;          /* invalid sequences replaced by U+FFFD */
  size_t controls;          /* control characters and escape sequences removed */
  size_t bidi;              /* bidirectional controls removed */
};

/* Looks at the first bytes of a file.  Returns NULL for text, else a static
   untranslated reason marked with N_() ("contains NUL bytes", "PDF document",
   "JPEG image", "PNG image", "gzip archive", ...): pass it through _().
   NUL bytes in the first 8 KiB make a file binary, except in UTF-16 text
   with a BOM. */
const char *text_sniff_binary (const void *bytes, size_t n);

/* Decodes n bytes: UTF-8 (BOM dropped), UTF-16 with a BOM, else Windows-1252
   when the bytes are not valid UTF-8 but are plausible as it; any remaining
   invalid sequence becomes U+FFFD.  Then: NFC, CRLF and CR -> LF, C0/C1
   controls other than \t and \n removed, escape sequences (CSI, OSC, DCS,
   SOS, PM, APC, 7-bit and 8-bit forms, unterminated ones to the end of the
   line) removed whole, bidi overrides/isolates (U+202A..202E,
   U+2066..2069) removed.  Never fails.  Returns a malloc'd NUL-terminated
   string (caller frees), its length in *len; *info may be NULL. */
char *text_decode (const void *bytes, size_t n, size_t *len,
                   struct text_decode_info *info);

/* Appends translated, human-readable warnings for what text_decode did
   ("converted from Windows-1252", "3 invalid UTF-8 sequences replaced", ...). */
void text_decode_warnings (const struct text_decode_info *info,
                           struct strv *warnings);

/* ---- words (text-words.c) ---------------------------------------------- */

struct text_token
{
  size_t off;               /* byte range in the text */
  size_t len;
  bool word;                /* letters, digits, ideographs; false: punctuation, symbols */
};

/* Splits s[0..n) into tokens by UAX #29 (u8_wordbreaks): whitespace is
   dropped, every punctuation or symbol character is a token of its own, every
   ideograph (Han, Hiragana, Katakana, Hangul syllable) is a token of its own,
   "don't" and "U.S" stay whole.  Appends to *toks (grown with xgrow, *alloc
   its capacity; both may start NULL/0) and returns the number of tokens
   appended. */
size_t text_tokenize (const char *s, size_t n, struct text_token **toks,
                      size_t *alloc);

/* The normal form of a token, shared by search, shingles, highlighting and
   diff: NFKC, case folded (u8_casefold), diacritics removed ("Café" ->
   "cafe").  Replaces the contents of 'out'. */
void text_fold (const char *s, size_t n, struct buf *out);

/* Number of word tokens in s[0..n). */
size_t text_count_words (const char *s, size_t n);

/* ---- widths and wrapping (text-width.c) --------------------------------- */

/* Display columns of s[0..n) (uc_width: CJK and emoji 2, combining 0). */
int text_width (const char *s, size_t n);

/* The longest prefix of s[0..n) that fits in 'cols' columns, in bytes; never
   splits a character (nor a combining sequence).  *used (may be NULL) gets
   its width. */
size_t text_fit (const char *s, size_t n, int cols, int *used);

struct text_line
{
  size_t off;               /* byte range of the line in the paragraph */
  size_t len;
  int width;                /* display columns */
};

/* Wraps one paragraph (no newlines expected; a newline forces a break) into
   lines of at most 'cols' columns with UAX #14 line breaking
   (u8_width_linebreaks).  Spaces at the break are not part of either line;
   a word wider than cols is cut with text_fit.  Appends to *lines (xgrow,
   *alloc) and returns the number appended (at least 1, an empty line for an
   empty paragraph). */
size_t text_wrap (const char *s, size_t n, int cols, struct text_line **lines,
                  size_t *alloc);

#endif
