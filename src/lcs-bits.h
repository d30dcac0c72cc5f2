/* lcs-bits.h: the step of the bit-parallel longest common subsequence
   (Hyyro), shared by cluster.c (the length, for verification) and wdiff.c
   (every row, for the matching).

   For sequences a and b, V_0 is all ones over b's positions and V_k+1 is
   lcs_bits_step (V_k, M(a[k])), where M(x) has a bit at each position of
   b holding x; the LCS of a[0..k) and b is then |b| minus the ones of
   V_k.  Words of 64 positions, least significant first. */
#ifndef BYLINE_LCS_BITS_H
#define BYLINE_LCS_BITS_H

#include <stddef.h>
#include <stdint.h>

/* out = V' from v and the match row; out may be v. */
static inline void
lcs_bits_step (const uint64_t *v, const uint64_t *row, uint64_t *out,
               size_t words)
{
  uint64_t carry = 0;
  for (size_t x = 0; x < words; x++)
    {
      uint64_t u = v[x] & row[x], s = v[x] + u;
      uint64_t c1 = s < v[x], y = s + carry;
      uint64_t c2 = y < s;
      out[x] = y | (v[x] & ~row[x]);
      carry = c1 | c2;
    }
}

/* Ones in x, inline: without -mpopcnt, __builtin_popcountll is a call
   into libgcc. */
static inline size_t
lcs_bits_ones (uint64_t x)
{
  x -= (x >> 1) & UINT64_C (0x5555555555555555);
  x = (x & UINT64_C (0x3333333333333333))
      + ((x >> 2) & UINT64_C (0x3333333333333333));
  x = (x + (x >> 4)) & UINT64_C (0x0f0f0f0f0f0f0f0f);
  return (size_t) ((x * UINT64_C (0x0101010101010101)) >> 56);
}

#endif
