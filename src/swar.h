/* swar.h: eight bytes at a time, for the ASCII fast paths of the text and
   extract modules.

   A word is eight bytes of text loaded as a little-endian integer, so byte
   k of the text is bits 8k..8k+7 on every machine.  The mask functions
   return 0x80 in each byte position that matches and 0 elsewhere, exactly
   (no false positives from borrows), so masks combine with & | ~ and
   swar_first / swar_count read them.  Header-only: no state, no
   allocation. */
#ifndef BYLINE_SWAR_H
#define BYLINE_SWAR_H

#include <stddef.h>
#include <stdint.h>

#define SWAR_ONES  UINT64_C (0x0101010101010101)
#define SWAR_HIGHS UINT64_C (0x8080808080808080)
#define SWAR_LOWS  UINT64_C (0x7f7f7f7f7f7f7f7f)

/* s[0..8) as a little-endian word (compilers make this one load). */
static inline uint64_t
swar_load (const void *s)
{
  const unsigned char *p = s;
  return (uint64_t) p[0] | (uint64_t) p[1] << 8 | (uint64_t) p[2] << 16
    | (uint64_t) p[3] << 24 | (uint64_t) p[4] << 32 | (uint64_t) p[5] << 40
    | (uint64_t) p[6] << 48 | (uint64_t) p[7] << 56;
}

/* Stores w as s[0..8) (the inverse of swar_load). */
static inline void
swar_store (void *s, uint64_t w)
{
  unsigned char *p = s;
  p[0] = (unsigned char) w;
  p[1] = (unsigned char) (w >> 8);
  p[2] = (unsigned char) (w >> 16);
  p[3] = (unsigned char) (w >> 24);
  p[4] = (unsigned char) (w >> 32);
  p[5] = (unsigned char) (w >> 40);
  p[6] = (unsigned char) (w >> 48);
  p[7] = (unsigned char) (w >> 56);
}

/* Bytes >= 0x80. */
static inline uint64_t
swar_high (uint64_t w)
{
  return w & SWAR_HIGHS;
}

/* Bytes equal to c. */
static inline uint64_t
swar_eq (uint64_t w, unsigned char c)
{
  uint64_t t = w ^ (SWAR_ONES * c);
  return ~(((t & SWAR_LOWS) + SWAR_LOWS) | t) & SWAR_HIGHS;
}

/* Bytes below c, for 1 <= c <= 0x80. */
static inline uint64_t
swar_below (uint64_t w, unsigned char c)
{
  return ~(((w & SWAR_LOWS) + SWAR_ONES * (0x80 - c)) | w) & SWAR_HIGHS;
}

/* Bytes in ['A', 'Z']. */
static inline uint64_t
swar_upper (uint64_t w)
{
  return swar_below (w, 'Z' + 1) & ~swar_below (w, 'A');
}

/* UTF-8 continuation bytes (0x80..0xBF): bit 7 set, bit 6 clear. */
static inline uint64_t
swar_continuation (uint64_t w)
{
  return w & ~(w << 1) & SWAR_HIGHS;
}

/* The position (0..7) of the first matching byte of a non-zero mask. */
static inline unsigned
swar_first (uint64_t mask)
{
  return (unsigned) __builtin_ctzll (mask) / 8;
}

/* The number of matching bytes of a mask. */
static inline unsigned
swar_count (uint64_t mask)
{
  return (unsigned) (((mask >> 7) * SWAR_ONES) >> 56);
}

/* The length of the ASCII prefix of s[0..n). */
static inline size_t
swar_ascii_prefix (const unsigned char *s, size_t n)
{
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    {
      uint64_t h = swar_high (swar_load (s + i));
      if (h)
        return i + swar_first (h);
    }
  while (i < n && s[i] < 0x80)
    i++;
  return i;
}

#endif
