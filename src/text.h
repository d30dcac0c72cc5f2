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
   (with a BOM, or without one when every other byte is zero beside a
   printable one, as in Latin-script text). */
const char *text_sniff_binary (const void *bytes, size_t n);

/* Decodes n bytes: UTF-8 (BOM dropped), UTF-16 (with a BOM, or without one
   as text_sniff_binary recognises it), else Windows-1252
   when the bytes are not valid UTF-8 but are plausible as it; any remaining
   invalid sequence becomes U+FFFD.  Then: NFC, CRLF and CR -> LF, C0/C1
   controls other than \t and \n removed, escape sequences (CSI, OSC, DCS,
   SOS, PM, APC, 7-bit and 8-bit forms, unterminated ones to the end of the
   line) removed whole, bidi overrides/isolates (U+202A..202E,
   U+2066..2069) removed.  Never fails.  Returns a malloc'd NUL-terminated
   string (caller frees), its length in *len; *info may be NULL.

   The details the rest of the program can rely on:
   - Windows-1252 or UTF-8 with U+FFFD: bytes >= 0x80 come in runs between
     ASCII bytes.  A run with an error counts for Windows-1252 when it is at
     most 2 bytes long and reads well there (a letter next to a letter or
     digit or as a one-letter word, a quote or currency sign next to a
     letter or digit, a dash next to a space), against it otherwise (legacy
     CJK or Cyrillic encodings, "\xc3(" in broken UTF-8); a valid multi-byte
     sequence counts for UTF-8.  Windows-1252 wins when its runs outnumber
     both others; so "caf\xe9" is "café", while a stray bad byte in text that
     has valid accents elsewhere, or "Broken \xc3( UTF-8 \x80 here",
     becomes U+FFFD.  A sequence cut
     off by the end of the input after its second byte is truncated UTF-8,
     not evidence.  With a UTF-8 BOM errors are only replaced.
   - U+FFFD replaces each maximal ill-formed subpart (Unicode's recommended
     practice): an overlong form or an encoded surrogate gives one U+FFFD
     per byte.
   - The five bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D)
     are removed as controls; they never start an 8-bit escape sequence.
   - \f, \v, U+2028 and U+2029 become \n (removing them would join words).
   - An escape sequence is removed up to its terminator, its line end or
     8 KiB, whichever comes first; a control string (OSC, DCS, SOS, PM, APC)
     ends at BEL, ESC \, 8-bit ST, or before another ESC.  OSC 8 hyperlinks
     thus leave their visible text.  Each sequence counts once in controls. */
char *text_decode (const void *bytes, size_t n, size_t *len,
                   struct text_decode_info *info);

/* Copies s[0..n) to the end of out with each ill-formed UTF-8 subsequence
   replaced by U+FFFD, as text_decode does (and nothing else: no BOM,
   encoding guess or cleaning).  For strings that do not come from
   text_decode, such as command-line arguments.  Returns the number of
   replacements; out->data is never NULL afterwards. */
size_t text_repair_utf8 (const char *s, size_t n, struct buf *out);

/* True if NFC never changes uc nor lets it combine with what precedes it
   (ASCII, Latin-1, Cyrillic, CJK, kana, Hangul syllables, ...): text_decode
   normalises only between such characters.  Exposed for the tests. */
bool text_nfc_stable (uint32_t uc);

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
   "don't" and "U.S" stay whole.  Stores the tokens in (*toks)[0..count)
   (the array is reused across calls: grown with xgrow, *alloc its capacity;
   both may start NULL/0; the caller frees *toks) and returns count.

   Also: "U.S." is "U.S" and "."; "Tianwen-1" is "Tianwen" "-" "1"; "3.5"
   and "1,000" are one word each; "_" and "__" are symbols, "_id" a word.
   A symbol token is one UAX #29 segment: a single character with its
   marks, so an emoji with its skin tone or variation selector, a ZWJ
   sequence or a flag is one token with word false (emoji are not
   searchable words); a run of '_' is one symbol too.  Ideographs take the marks after them (a
   Katakana letter and U+3099).  White space (Unicode White_Space) and
   default-ignorable characters between tokens (U+200B) are dropped.  Input
   need not be valid UTF-8 (bad bytes are symbols); never allocates per
   token; pure-ASCII stretches between spaces take a fast path. */
size_t text_tokenize (const char *s, size_t n, struct text_token **toks,
                      size_t *alloc);

/* text_tokenize without its ASCII fast path (u8_wordbreaks on everything):
   the same tokens, slower.  For the tests and the benchmarks. */
size_t text_tokenize_uax29 (const char *s, size_t n, struct text_token **toks,
                            size_t *alloc);

/* The normal form of a token, shared by search, shingles, highlighting and
   diff: NFKC, case folded (u8_casefold), diacritics removed ("Café" ->
   "cafe").  Replaces the contents of 'out' (out->data is never NULL
   afterwards, "" for an empty result).

   Case folding is language-independent (no Turkish dotless i): "Straße"
   and "STRASSE" are both "strasse", "ＡＢＣ" is "abc", "ﬁ" is "fi".
   Diacritics are marks with a non-zero combining class, except the ones
   that spell letters (kana voicing, viramas, Thai/Lao/Tibetan vowels), so
   "が" stays "が"; default-ignorable characters (soft hyphen, ZWJ,
   variation selectors) go too.  ASCII is only lowercased.  Invalid UTF-8 is
   repaired first (text_repair_utf8). */
void text_fold (const char *s, size_t n, struct buf *out);

/* text_fold without its fast paths (ASCII, and a table of Latin letters
   and punctuation): always through libunistring.  The same result; for the
   tests, which check the table with it. */
void text_fold_slow (const char *s, size_t n, struct buf *out);

/* Number of word tokens in s[0..n). */
size_t text_count_words (const char *s, size_t n);

/* ---- widths and wrapping (text-width.c) --------------------------------- */

/* Display columns of s[0..n) (uc_width: CJK and emoji 2, combining 0).
   Control characters, tab included, count 0: expand tabs before
   measuring.  East Asian ambiguous characters count 1. */
int text_width (const char *s, size_t n);

/* The longest prefix of s[0..n) that fits in 'cols' columns, in bytes; never
   splits a character (nor a combining sequence: it works on grapheme
   clusters).  *used (may be NULL) gets its width.  Zero-width clusters at
   the limit are included. */
size_t text_fit (const char *s, size_t n, int cols, int *used);

struct text_line
{
  size_t off;               /* byte range of the line in the paragraph */
  size_t len;
  int width;                /* display columns */
};

/* Wraps one paragraph (no newlines expected; a newline forces a break) into
   lines of at most 'cols' columns with UAX #14 line breaking
   (u8_possible_linebreaks, filled greedily).  Spaces at the break are not part of either line;
   a word wider than cols is cut with text_fit.  Stores the lines in
   (*lines)[0..count) (reused like text_tokenize's array: xgrow, *alloc)
   and returns count (at least 1, an empty line for an empty paragraph).

   Also: cols < 1 counts as 1; a character wider than cols is alone on its
   line (which is then wider than cols); spaces and tabs at the end of a
   line are dropped (they never force a break), leading ones of the
   paragraph kept; a trailing newline gives a final empty line; what is
   left of a cut word starts the next line, the following word does not
   join it. */
size_t text_wrap (const char *s, size_t n, int cols, struct text_line **lines,
                  size_t *alloc);

#endif
