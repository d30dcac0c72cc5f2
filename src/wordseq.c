/* wordseq.c: a text as a sequence of normalised token keys. */
#include "system.h"
#include "wordseq.h"

#include <unistr.h>

#include "text.h"

/* What a character becomes after folding: itself (0), another ASCII
   character, or nothing (-1).  text_fold (NFKC) already turns no-break
   spaces into spaces and most compatibility forms into ASCII; what is left
   is typography that NFKC keeps apart. */
static int
wordseq_typo (ucs4_t c)
{
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x2032: case 0x2035: case 0x02BC: case 0x02B9: case 0xFF07:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2033: case 0x2036: case 0x00AB: case 0x00BB: case 0xFF02:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
    case 0xFEFF: case 0x00A0: case 0x202F: case 0x2007: case 0x180E:
    case ' ': case '\t': case '\n':
      return -1;
    default:
      return 0;
    }
}

void
wordseq_norm (const char *s, size_t n, struct buf *out)
{
  text_fold (s, n, out);
  /* Rewrite in place: every replacement is no longer than what it
     replaces. */
  uint8_t *p = (uint8_t *) out->data;
  size_t len = out->len, r = 0, w = 0;
  if (p == NULL)
    return;
  while (r < len)
    {
      ucs4_t c;
      int k = u8_mbtouc (&c, p + r, len - r);
      int t = wordseq_typo (c);
      if (t == 0)
        memmove (p + w, p + r, k), w += k;
      else if (t > 0)
        p[w++] = (uint8_t) t;
      r += k;
    }
  out->len = w;
  p[w] = '\0';
}

uint64_t
wordseq_hash (const void *p, size_t n)
{
  /* FNV-1a over the bytes, then a full-avalanche finaliser so that every
     output bit depends on every input bit (MinHash permutations need it). */
  const unsigned char *s = p;
  uint64_t h = UINT64_C (0xcbf29ce484222325);
  for (size_t i = 0; i < n; i++)
    {
      h ^= s[i];
      h *= UINT64_C (0x100000001b3);
    }
  return wordseq_mix (h ^ n);
}

/* wordseq_hash (wordseq_norm (s[0..n))) when s is all ASCII, without
   building the normal form: text_fold of ASCII lowercases it, and of the
   typography only the white space goes.  Sets *empty when the normal form
   is empty; returns false (and nothing) when s is not all ASCII.  Most
   tokens are ASCII, and the general path cost more than tokenizing: a
   third of signing an article. */
static bool
wordseq_ascii_key (const unsigned char *s, size_t n, uint64_t *key,
                   bool *empty)
{
  uint64_t h = UINT64_C (0xcbf29ce484222325);
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    {
      unsigned c = s[i];
      if (c >= 0x80)
        return false;
      if (c == ' ' || c == '\t' || c == '\n')
        continue;
      if (c >= 'A' && c <= 'Z')
        c += 'a' - 'A';
      h ^= c;
      h *= UINT64_C (0x100000001b3);
      m++;
    }
  *empty = m == 0;
  *key = wordseq_mix (h ^ m);
  return true;
}

size_t
wordseq_add (struct wordseq *ws, const char *text, size_t off, size_t len)
{
  size_t nt = text_tokenize (text + off, len, &ws->scratch,
                             &ws->scratch_alloc);
  size_t added = 0;
  for (size_t i = 0; i < nt; i++)
    {
      const struct text_token *t = &ws->scratch[i];
      uint64_t key;
      bool empty;
      if (!wordseq_ascii_key ((const unsigned char *) text + off + t->off,
                              t->len, &key, &empty))
        {
          wordseq_norm (text + off + t->off, t->len, &ws->fold);
          empty = ws->fold.len == 0;
          if (!empty)
            key = wordseq_hash (ws->fold.data, ws->fold.len);
        }
      if (empty)
        continue;
      ws->v = xgrow (ws->v, &ws->alloc, ws->n + 1, sizeof *ws->v);
      struct wordseq_tok *o = &ws->v[ws->n++];
      o->off = off + t->off;
      o->len = t->len;
      o->key = key;
      o->word = t->word;
      ws->words += t->word;
      added++;
    }
  return added;
}

size_t
wordseq_word_keys (struct wordseq *ws, const char *text, size_t len,
                   uint64_t **keys, size_t *alloc, size_t n)
{
  size_t nt = text_tokenize (text, len, &ws->scratch, &ws->scratch_alloc);
  *keys = xgrow (*keys, alloc, n + nt + 1, sizeof **keys);
  for (size_t i = 0; i < nt; i++)
    {
      const struct text_token *t = &ws->scratch[i];
      if (!t->word)
        continue;
      uint64_t key;
      bool empty;
      if (!wordseq_ascii_key ((const unsigned char *) text + t->off, t->len,
                              &key, &empty))
        {
          wordseq_norm (text + t->off, t->len, &ws->fold);
          empty = ws->fold.len == 0;
          if (!empty)
            key = wordseq_hash (ws->fold.data, ws->fold.len);
        }
      if (!empty)
        (*keys)[n++] = key;
    }
  return n;
}

void
wordseq_free (struct wordseq *ws)
{
  free (ws->v);
  free (ws->scratch);
  buf_free (&ws->fold);
  memset (ws, 0, sizeof *ws);
}
