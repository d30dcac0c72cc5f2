/* text-decode.c: bytes of unknown provenance -> clean NFC UTF-8.

   Three passes, each cheap on the common input (valid, mostly ASCII UTF-8):
   decode (BOM, UTF-16, Windows-1252, U+FFFD repair) to valid UTF-8; clean
   (line ends, controls, escape sequences, bidi controls); NFC, applied only
   to the stretches that can change. */
#include "system.h"
#include "text.h"

#include <unistr.h>
#include <uninorm.h>

#include "buf.h"
#include "msg.h"
#include "strv.h"
#include "swar.h"

/* How far text_sniff_binary looks for NUL bytes. */
#define TEXT_SNIFF_SIZE 8192

/* The longest escape sequence removed, in bytes.  A longer one, or one that
   runs to the end of its line without a terminator, is removed only up to
   this limit (or the end of the line), so a stray ESC ] never swallows more
   than a bounded part of one line. */
#define TEXT_ESCAPE_MAX 8192

#define TEXT_ESC 0x1b
#define TEXT_BEL 0x07

/* ---- sniffing ---------------------------------------------------------- */

/* One or two byte patterns at fixed offsets identify a format. */
struct text_magic
{
  unsigned char off, len;
  const char *bytes;
  unsigned char off2, len2;
  const char *bytes2;
  const char *what;
};

static const struct text_magic text_magics[] =
{
  { 0, 5, "%PDF-", 0, 0, NULL, N_("PDF document") },
  { 0, 3, "\xff\xd8\xff", 0, 0, NULL, N_("JPEG image") },
  { 0, 8, "\x89PNG\r\n\x1a\n", 0, 0, NULL, N_("PNG image") },
  { 0, 6, "GIF87a", 0, 0, NULL, N_("GIF image") },
  { 0, 6, "GIF89a", 0, 0, NULL, N_("GIF image") },
  { 0, 4, "RIFF", 8, 4, "WEBP", N_("WebP image") },
  { 0, 4, "RIFF", 8, 4, "WAVE", N_("WAVE audio") },
  { 0, 4, "RIFF", 8, 4, "AVI ", N_("AVI video") },
  { 0, 4, "II*\0", 0, 0, NULL, N_("TIFF image") },
  { 0, 4, "MM\0*", 0, 0, NULL, N_("TIFF image") },
  { 0, 2, "\x1f\x8b", 0, 0, NULL, N_("gzip archive") },
  { 0, 4, "PK\x03\x04", 0, 0, NULL, N_("zip archive") },
  { 0, 4, "PK\x05\x06", 0, 0, NULL, N_("zip archive") },
  { 0, 3, "BZh", 4, 6, "1AY&SY", N_("bzip2 archive") },
  { 0, 6, "\xfd" "7zXZ\0", 0, 0, NULL, N_("xz archive") },
  { 0, 4, "\x28\xb5\x2f\xfd", 0, 0, NULL, N_("zstd archive") },
  { 0, 6, "7z\xbc\xaf\x27\x1c", 0, 0, NULL, N_("7z archive") },
  { 0, 6, "Rar!\x1a\x07", 0, 0, NULL, N_("RAR archive") },
  { 0, 4, "\x04\x22\x4d\x18", 0, 0, NULL, N_("lz4 archive") },
  { 0, 4, "\x7f" "ELF", 0, 0, NULL, N_("ELF executable") },
  { 0, 4, "\xca\xfe\xba\xbe", 0, 0, NULL, N_("Java class file") },
  { 0, 8, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, 0, NULL,
    N_("Microsoft Office document") },
  { 0, 16, "SQLite format 3\0", 0, 0, NULL, N_("SQLite database") },
  { 0, 5, "OggS\0", 0, 0, NULL, N_("Ogg media") },
  { 0, 5, "fLaC\0", 0, 0, NULL, N_("FLAC audio") },
  { 4, 4, "ftyp", 0, 0, NULL, N_("MP4 media") },
  { 0, 4, "\x1a\x45\xdf\xa3", 0, 0, NULL, N_("Matroska/WebM video") },
  { 0, 4, "wOFF", 0, 0, NULL, N_("WOFF font") },
  { 0, 4, "wOF2", 0, 0, NULL, N_("WOFF font") },
};

static bool
text_has (const unsigned char *b, size_t n, size_t off, size_t len,
          const char *bytes)
{
  return off + len <= n && memcmp (b + off, bytes, len) == 0;
}

/* UTF-16 without a byte order mark, as some Windows tools write it: in
   text of mostly Latin script every other byte is zero, and the bytes
   beside the zeros are printable.  Returns TEXT_ENC_UTF16LE or
   TEXT_ENC_UTF16BE, or TEXT_ENC_UTF8 when the bytes do not look so (NUL
   bytes of a binary file do not come in such a regular pattern). */
static enum text_encoding
text_guess_utf16 (const unsigned char *b, size_t n)
{
  if (memchr (b, 0, MIN (n, TEXT_SNIFF_SIZE)) == NULL)
    return TEXT_ENC_UTF8;
  size_t pairs = MIN (n, TEXT_SNIFF_SIZE) / 2;
  size_t zero[2] = { 0, 0 }, shown[2] = { 0, 0 };
  for (size_t i = 0; i < pairs; i++)
    for (int k = 0; k < 2; k++)
      if (b[2 * i + k] == 0)
        {
          unsigned char c = b[2 * i + 1 - k];
          zero[k]++;
          shown[k] += c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
        }
  for (int k = 0; k < 2; k++)
    if (pairs >= 2 && zero[k] * 2 >= pairs && zero[1 - k] * 16 <= zero[k]
        && shown[k] * 10 >= zero[k] * 9)
      return k ? TEXT_ENC_UTF16LE : TEXT_ENC_UTF16BE;
  return TEXT_ENC_UTF8;
}

const char *
text_sniff_binary (const void *bytes, size_t n)
{
  const unsigned char *b = bytes;
  for (size_t i = 0; i < ARRAY_SIZE (text_magics); i++)
    {
      const struct text_magic *m = &text_magics[i];
      if (text_has (b, n, m->off, m->len, m->bytes)
          && (m->len2 == 0 || text_has (b, n, m->off2, m->len2, m->bytes2)))
        return m->what;
    }
  /* ID3v2: "ID3", a version byte 2..4; plain text hardly starts so. */
  if (n >= 4 && memcmp (b, "ID3", 3) == 0 && b[3] >= 2 && b[3] <= 4)
    return N_("MP3 audio");

  bool utf16 = (n >= 2 && ((b[0] == 0xff && b[1] == 0xfe)
                           || (b[0] == 0xfe && b[1] == 0xff)))
               || text_guess_utf16 (b, n) != TEXT_ENC_UTF8;
  if (!utf16 && memchr (b, 0, MIN (n, TEXT_SNIFF_SIZE)))
    return N_("contains NUL bytes");
  return NULL;
}

/* ---- UTF-8 ------------------------------------------------------------- */

enum
{
  TEXT_ILL = -1,        /* an ill-formed subsequence */
  TEXT_SHORT = -2       /* a well-formed prefix cut off by the end */
};

/* Decodes one sequence at s[0..n), n > 0, into *uc.  On an error *uc is
   TEXT_ILL or TEXT_SHORT and the length returned is the maximal subpart,
   so that each error becomes one U+FFFD as Unicode recommends (overlong
   forms and encoded surrogates give one U+FFFD per byte). */
static size_t
text_utf8_step (const uint8_t *s, size_t n, int32_t *uc)
{
  uint8_t c = s[0];
  if (c < 0x80)
    {
      *uc = c;
      return 1;
    }
  size_t need;
  uint8_t lo = 0x80, hi = 0xbf;
  int32_t v;
  if (c >= 0xc2 && c <= 0xdf)
    need = 1, v = c & 0x1f;
  else if (c >= 0xe0 && c <= 0xef)
    {
      need = 2, v = c & 0x0f;
      if (c == 0xe0)
        lo = 0xa0;
      else if (c == 0xed)
        hi = 0x9f;
    }
  else if (c >= 0xf0 && c <= 0xf4)
    {
      need = 3, v = c & 0x07;
      if (c == 0xf0)
        lo = 0x90;
      else if (c == 0xf4)
        hi = 0x8f;
    }
  else
    {
      *uc = TEXT_ILL;
      return 1;
    }
  for (size_t i = 1; i <= need; i++)
    {
      if (i >= n)
        {
          *uc = TEXT_SHORT;
          return i;
        }
      if (s[i] < lo || s[i] > hi)
        {
          *uc = TEXT_ILL;
          return i;
        }
      v = (v << 6) | (s[i] & 0x3f);
      lo = 0x80, hi = 0xbf;
    }
  *uc = v;
  return need + 1;
}

/* Whether s[0..n) is valid UTF-8, as u8_check decides it: ASCII is
   skipped eight bytes at a time, the rest goes through text_utf8_step,
   which accepts exactly the well-formed sequences. */
static bool
text_utf8_valid (const uint8_t *s, size_t n)
{
  size_t i = 0;
  for (;;)
    {
      i += swar_ascii_prefix (s + i, n - i);
      if (i == n)
        return true;
      int32_t uc;
      i += text_utf8_step (s + i, n - i, &uc);
      if (uc < 0)
        return false;
    }
}

static void
text_add_uc (struct buf *out, ucs4_t uc)
{
  uint8_t tmp[6];
  int k = u8_uctomb (tmp, uc, sizeof tmp);
  buf_add (out, tmp, k > 0 ? (size_t) k : 0);
}

static const uint8_t text_fffd[3] = { 0xef, 0xbf, 0xbd };

size_t
text_repair_utf8 (const char *str, size_t n, struct buf *out)
{
  const uint8_t *s = (const uint8_t *) str;
  size_t replaced = 0, i = 0;
  while (i < n)
    {
      size_t run = i;
      while (i < n && s[i] < 0x80)
        i++;
      int32_t uc = 0;
      size_t k = 0;
      while (i < n && s[i] >= 0x80
             && (k = text_utf8_step (s + i, n - i, &uc), uc >= 0))
        i += k;
      buf_add (out, s + run, i - run);
      if (i < n && s[i] >= 0x80)
        {
          buf_add (out, text_fffd, sizeof text_fffd);
          replaced++;
          i += k;
        }
    }
  if (out->data == NULL)
    buf_add (out, "", 0);
  return replaced;
}

/* What a scan of possibly broken UTF-8 found.  Bytes >= 0x80 come in runs
   between ASCII bytes; a run with an error is "latin" when it reads well as
   Windows-1252 (text_cp1252_plausible) and "junk" otherwise: longer than
   two bytes (legacy multi-byte or Cyrillic encodings, where Windows-1252
   would only give mojibake), or out of place ("\xc3(" is broken UTF-8,
   not "Ã("). */
struct text_scan
{
  size_t good;          /* valid multi-byte sequences */
  size_t latin;         /* short runs with errors */
  size_t junk;          /* long runs with errors */
};

static bool
text_ascii_alnum (int c)
{
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Whether the run s[a..b) of one or two bytes >= 0x80 looks like Windows-1252
   text: a letter next to a letter or digit, or a one-letter word ("à
   Paris"); a quote, currency sign or the like next to a letter or digit
   ("\x93hello\x94", "\x80" "5"); a dash, ellipsis, bullet or no-break space
   next to a space. */
static bool
text_cp1252_plausible (const uint8_t *s, size_t n, size_t a, size_t b)
{
  int prev = a > 0 ? s[a - 1] : ' ', next = b < n ? s[b] : ' ';
  if (text_ascii_alnum (prev) || text_ascii_alnum (next))
    return true;
  bool letter = false, spacer = false;
  for (size_t i = a; i < b; i++)
    {
      uint8_t c = s[i];
      letter |= (c >= 0xc0 && c != 0xd7 && c != 0xf7)
        || c == 0x83 || c == 0x8a || c == 0x8c || c == 0x8e
        || c == 0x9a || c == 0x9c || c == 0x9e || c == 0x9f;
      spacer |= c == 0x85 || c == 0x95 || c == 0x96 || c == 0x97
        || c == 0xa0;
    }
  bool space_before = prev == ' ' || prev == '\n' || prev == '\t';
  if (letter)
    return space_before && (next == ' ' || next == '\n' || next == '\r'
                            || strchr (",.;:!?)'\"", next) != NULL);
  return spacer && (space_before || next == ' ');
}

static void
text_scan_utf8 (const uint8_t *s, size_t n, struct text_scan *sc)
{
  memset (sc, 0, sizeof *sc);
  size_t i = 0;
  while (i < n)
    {
      if (s[i] < 0x80)
        {
          i++;
          continue;
        }
      size_t start = i;
      bool bad = false;
      while (i < n && s[i] >= 0x80)
        {
          int32_t uc;
          size_t k = text_utf8_step (s + i, n - i, &uc);
          if (uc >= 0)
            sc->good++;
          /* A sequence cut off by the end of the file after a continuation
             byte looks like truncated UTF-8, not like Windows-1252. */
          else if (!(uc == TEXT_SHORT && k >= 2))
            bad = true;
          i += k;
        }
      if (bad)
        {
          if (i - start <= 2 && text_cp1252_plausible (s, n, start, i))
            sc->latin++;
          else
            sc->junk++;
        }
    }
}

/* Windows-1252 0x80..0x9F; 0 marks the five undefined bytes. */
static const uint16_t text_cp1252[32] =
{
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

/* Undefined bytes (C1 controls in Latin-1) are removed here as controls, so
   that 0x90 and 0x9D never start an 8-bit DCS or OSC in the clean pass. */
static void
text_from_cp1252 (const uint8_t *s, size_t n, struct buf *out,
                  struct text_decode_info *info)
{
  size_t i = 0;
  while (i < n)
    {
      size_t run = i;
      while (i < n && s[i] < 0x80)
        i++;
      buf_add (out, s + run, i - run);
      if (i == n)
        break;
      uint8_t c = s[i++];
      if (c >= 0xa0)
        text_add_uc (out, c);
      else if (text_cp1252[c - 0x80])
        text_add_uc (out, text_cp1252[c - 0x80]);
      else
        info->controls++;
    }
}

static void
text_from_utf16 (const uint8_t *s, size_t n, bool be, struct buf *out,
                 struct text_decode_info *info)
{
  size_t i = 0;
  while (i + 1 < n)
    {
      uint32_t u = be ? (s[i] << 8 | s[i + 1]) : (s[i + 1] << 8 | s[i]);
      i += 2;
      if (u >= 0xd800 && u <= 0xdbff && i + 1 < n)
        {
          uint32_t l = be ? (s[i] << 8 | s[i + 1]) : (s[i + 1] << 8 | s[i]);
          if (l >= 0xdc00 && l <= 0xdfff)
            {
              i += 2;
              text_add_uc (out, 0x10000 + ((u - 0xd800) << 10) + (l - 0xdc00));
              continue;
            }
        }
      if (u >= 0xd800 && u <= 0xdfff)
        {
          buf_add (out, text_fffd, sizeof text_fffd);
          info->replaced++;
        }
      else
        text_add_uc (out, u);
    }
  if (i < n)
    {
      buf_add (out, text_fffd, sizeof text_fffd);
      info->replaced++;
    }
}

/* Pass 1: bytes -> valid UTF-8.  Returns s itself when it is already valid
   UTF-8 without a BOM, else tmp's data. */
static const uint8_t *
text_to_utf8 (const uint8_t *s, size_t n, size_t *len, struct buf *tmp,
              struct text_decode_info *info)
{
  if (n >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff)))
    {
      info->bom = true;
      info->encoding = s[0] == 0xff ? TEXT_ENC_UTF16LE : TEXT_ENC_UTF16BE;
      text_from_utf16 (s + 2, n - 2, s[0] == 0xfe, tmp, info);
    }
  else if ((info->encoding = text_guess_utf16 (s, n)) != TEXT_ENC_UTF8)
    text_from_utf16 (s, n, info->encoding == TEXT_ENC_UTF16BE, tmp, info);
  else
    {
      if (n >= 3 && memcmp (s, "\xef\xbb\xbf", 3) == 0)
        {
          info->bom = true;
          s += 3, n -= 3;
        }
      if (text_utf8_valid (s, n))
        {
          *len = n;
          return s;
        }
      struct text_scan sc;
      text_scan_utf8 (s, n, &sc);
      /* A BOM declares UTF-8: then errors are only repaired. */
      if (!info->bom && sc.latin > sc.good && sc.latin > sc.junk)
        {
          info->encoding = TEXT_ENC_CP1252;
          text_from_cp1252 (s, n, tmp, info);
        }
      else
        info->replaced += text_repair_utf8 ((const char *) s, n, tmp);
    }
  if (tmp->data == NULL)
    buf_add (tmp, "", 0);
  *len = tmp->len;
  return (const uint8_t *) tmp->data;
}

/* ---- cleaning ---------------------------------------------------------- */

/* The end of a control string (OSC, DCS, SOS, PM, APC) whose body starts at
   s[j]: after BEL, ESC \ or 8-bit ST; before any other ESC (which starts a
   sequence of its own) or a line end; at most TEXT_ESCAPE_MAX bytes from
   'start', never inside a character. */
static size_t
text_skip_string (const uint8_t *s, size_t n, size_t start, size_t j)
{
  size_t lim = MIN (n, start + TEXT_ESCAPE_MAX);
  for (; j < lim; j++)
    {
      uint8_t c = s[j];
      if (c == TEXT_BEL)
        return j + 1;
      if (c == '\n' || c == '\r')
        return j;
      if (c == TEXT_ESC)
        return j + 1 < n && s[j + 1] == '\\' ? j + 2 : j;
      if (c == 0xc2 && j + 1 < n && s[j + 1] == 0x9c)
        return j + 2;
    }
  while (j > start && j < n && (s[j] & 0xc0) == 0x80)
    j--;
  return j;
}

/* The end of a CSI whose parameters start at s[j]: after its final byte
   (0x40..0x7E), or before the first byte that cannot be part of it. */
static size_t
text_skip_csi (const uint8_t *s, size_t n, size_t start, size_t j)
{
  size_t lim = MIN (n, start + TEXT_ESCAPE_MAX);
  for (; j < lim; j++)
    {
      uint8_t c = s[j];
      if (c >= 0x40 && c <= 0x7e)
        return j + 1;
      if (c < 0x20 || c > 0x3f)
        return j;
    }
  return j;
}

/* s[i] starts an escape sequence: ESC, or a two-byte 8-bit introducer
   (U+0090, U+0098, U+009B, U+009D, U+009E, U+009F).  Returns its end. */
static size_t
text_skip_escape (const uint8_t *s, size_t n, size_t i)
{
  if (s[i] != TEXT_ESC)
    {
      uint8_t c = s[i + 1];
      if (c == 0x9b)
        return text_skip_csi (s, n, i, i + 2);
      return text_skip_string (s, n, i, i + 2);
    }
  size_t j = i + 1;
  if (j == n)
    return j;
  switch (s[j])
    {
    case '[':
      return text_skip_csi (s, n, i, j + 1);
    case ']': case 'P': case 'X': case '^': case '_':
      return text_skip_string (s, n, i, j + 1);
    default:
      break;
    }
  /* nF sequences: intermediates 0x20..0x2F, then a final 0x30..0x7E;
     without intermediates, ESC and one final (Fp, Fe, Fs). */
  size_t lim = MIN (n, i + TEXT_ESCAPE_MAX);
  while (j < lim && s[j] >= 0x20 && s[j] <= 0x2f)
    j++;
  if (j < lim && s[j] >= 0x30 && s[j] <= 0x7e)
    j++;
  return j;
}

static bool
text_is_bidi_control (ucs4_t uc)
{
  return (uc >= 0x202a && uc <= 0x202e) || (uc >= 0x2066 && uc <= 0x2069);
}

/* Bytes that text_clean must look at: all but printable ASCII, \n, \t. */
static inline uint64_t
text_unplain_bytes (uint64_t w)
{
  uint64_t controls = swar_below (w, 0x20) & ~swar_eq (w, '\n')
    & ~swar_eq (w, '\t');
  return controls | swar_eq (w, 0x7f) | swar_high (w);
}

/* Pass 2: line ends, controls, escape sequences and bidi controls, on valid
   UTF-8.  \f and \v become \n like U+2028 and U+2029: they separate text,
   and removing them would join the words on either side.  Returns whether
   NFC may change the result: false when every character kept is
   text_nfc_stable (then pass 3 has nothing to do). */
static bool
text_clean (const uint8_t *s, size_t n, struct buf *out,
            struct text_decode_info *info)
{
  size_t i = 0, run = 0;
  bool unstable = false;
  while (i < n)
    {
      if (i + 8 <= n)
        {
          uint64_t odd = text_unplain_bytes (swar_load (s + i));
          if (odd == 0)
            {
              i += 8;
              continue;
            }
          i += swar_first (odd);
        }
      uint8_t c = s[i];
      if ((c >= 0x20 && c < 0x7f) || c == '\n' || c == '\t')
        {
          i++;
          continue;
        }
      ucs4_t uc = c;
      int k = 1;
      if (c >= 0x80)
        {
          k = u8_mbtouc_unsafe (&uc, s + i, n - i);
          if (uc > 0x9f && !text_is_bidi_control (uc)
              && uc != 0x2028 && uc != 0x2029)
            {
              unstable |= !text_nfc_stable (uc);
              i += k;
              continue;
            }
        }
      buf_add (out, s + run, i - run);
      if (uc == '\r')
        {
          buf_addc (out, '\n');
          i += i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
        }
      else if (uc == '\f' || uc == '\v' || uc == 0x2028 || uc == 0x2029)
        {
          buf_addc (out, '\n');
          i += k;
        }
      else if (text_is_bidi_control (uc))
        {
          info->bidi++;
          i += k;
        }
      else
        {
          info->controls++;
          if (uc == TEXT_ESC || uc == 0x90 || uc == 0x98 || uc == 0x9b
              || uc == 0x9d || uc == 0x9e || uc == 0x9f)
            i = text_skip_escape (s, n, i);
          else
            i += k;
        }
      run = i;
    }
  buf_add (out, s + run, n - run);
  return unstable;
}

/* ---- NFC --------------------------------------------------------------- */

/* Code points that NFC leaves alone and that never combine with what comes
   before them (canonical combining class 0, NFC_Quick_Check Yes, never the
   second of a canonical pair): normalisation never crosses one, so text is
   normalised piecewise between them, and text made only of them (ASCII,
   Latin-1, Cyrillic, CJK, kana, Hangul syllables) is not touched at all.
   tests/unit/test-text.c checks every one against the Unicode data. */
bool
text_nfc_stable (uint32_t uc)
{
  return uc < 0x300
    || (uc >= 0x0400 && uc <= 0x0482) || (uc >= 0x048a && uc <= 0x04ff)
    || (uc >= 0x2010 && uc <= 0x2027) || (uc >= 0x2030 && uc <= 0x205e)
    || (uc >= 0x3041 && uc <= 0x3096) || (uc >= 0x30a1 && uc <= 0x30fa)
    || (uc >= 0x3400 && uc <= 0x4dbf) || (uc >= 0x4e00 && uc <= 0x9fff)
    || (uc >= 0xac00 && uc <= 0xd7a3) || (uc >= 0xff01 && uc <= 0xff60);
}

static void BYLINE_NORETURN
text_nomem (void)
{
  msg_fatal ("%s", _("out of memory"));
}

static void
text_add_nfc (const uint8_t *s, size_t n, struct buf *out)
{
  uint8_t stack[512];
  size_t len = sizeof stack;
  uint8_t *r = u8_normalize (UNINORM_NFC, s, n, stack, &len);
  if (r == NULL)
    text_nomem ();      /* the input is valid, so only ENOMEM is left */
  buf_add (out, r, len);
  if (r != stack)
    free (r);
}

/* Pass 3: NFC of valid UTF-8 in 'in'; the result replaces its contents. */
static void
text_nfc (struct buf *in)
{
  const uint8_t *s = (const uint8_t *) in->data;
  size_t n = in->len, i = 0, prev = 0, done = 0;
  struct buf out = BUF_INIT;
  while (i < n)
    {
      if (s[i] < 0x80)
        {
          size_t a = swar_ascii_prefix (s + i, n - i);
          i += a;
          prev = i - 1;
          continue;
        }
      ucs4_t uc;
      int k = u8_mbtouc_unsafe (&uc, s + i, n - i);
      if (text_nfc_stable (uc))
        {
          prev = i;
          i += k;
          continue;
        }
      /* From the last stable character to the next one. */
      size_t from = prev < i && prev >= done ? prev : i;
      i += k;
      while (i < n)
        {
          if (s[i] < 0x80)
            break;
          k = u8_mbtouc_unsafe (&uc, s + i, n - i);
          if (text_nfc_stable (uc))
            break;
          i += k;
        }
      buf_add (&out, s + done, from - done);
      text_add_nfc (s + from, i - from, &out);
      done = i;
      prev = i;
    }
  if (out.data == NULL)
    return;
  buf_add (&out, s + done, n - done);
  buf_free (in);
  *in = out;
}

/* ---- the decoder ------------------------------------------------------- */

char *
text_decode (const void *bytes, size_t n, size_t *len,
             struct text_decode_info *info)
{
  struct text_decode_info dummy;
  if (info == NULL)
    info = &dummy;
  memset (info, 0, sizeof *info);
  info->encoding = TEXT_ENC_UTF8;

  struct buf tmp = BUF_INIT, out = BUF_INIT;
  size_t m;
  const uint8_t *u = text_to_utf8 (bytes ? bytes : "", n, &m, &tmp, info);
  bool unstable = text_clean (u, m, &out, info);
  buf_free (&tmp);
  if (out.data == NULL)
    buf_add (&out, "", 0);
  if (unstable)
    text_nfc (&out);
  if (len)
    *len = out.len;
  return buf_steal (&out);
}

void
text_decode_warnings (const struct text_decode_info *info,
                      struct strv *warnings)
{
  switch (info->encoding)
    {
    case TEXT_ENC_CP1252:
      strv_add (warnings, _("converted from Windows-1252"));
      break;
    case TEXT_ENC_UTF16LE:
    case TEXT_ENC_UTF16BE:
      strv_add (warnings, _("converted from UTF-16"));
      break;
    case TEXT_ENC_UTF8:
      break;
    }
  if (info->replaced)
    /* TRANSLATORS: a file's bytes that were not valid text became U+FFFD. */
    strv_addf (warnings, P_("%zu invalid byte sequence replaced",
                            "%zu invalid byte sequences replaced",
                            info->replaced), info->replaced);
  if (info->controls)
    /* TRANSLATORS: terminal escape sequences such as colour codes. */
    strv_addf (warnings, P_("%zu control character or escape sequence removed",
                            "%zu control characters or escape sequences removed",
                            info->controls), info->controls);
  if (info->bidi)
    strv_addf (warnings, P_("%zu bidirectional control character removed",
                            "%zu bidirectional control characters removed",
                            info->bidi), info->bidi);
}
