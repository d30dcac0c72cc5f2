/* minhash.c: MinHash signatures of word shingles, and LSH band keys. */
#include "system.h"
#include "minhash.h"

#include "wordseq.h"

/* PARAMETERS AND HOW THEY WERE CHOSEN: see the comment above
   reprint_params_init at the end of this file. */

#define MINHASH_SEED UINT64_C (0x62796c696e65)  /* "byline"; part of the format */

/* The k slots are filled by fast similarity sketching (Dahlgaard, Knudsen
   and Thorup, "Fast similarity sketching", FOCS 2017) over the shingles'
   64-bit hashes, not by k hash functions each minimised over every
   shingle.  In round r < k every shingle x falls in one slot, h_r(x)
   picked, with the value r + (a rank from h_r(x)); in round k + j it falls
   in slot j, so every slot is filled after 2k rounds at most.  A slot keeps
   its smallest value, and the rounds stop as soon as every slot is filled:
   later values are all larger.  The shingle that holds a slot for A u B
   holds it for A and for B when it is in both, and it is any of A u B with
   the same chance, so a slot agrees with probability J, the Jaccard
   similarity, as with k independent minima (test-minhash checks the
   estimates and the LSH curve).  A text of n shingles takes about
   (k/n) ln k + 1 rounds of n hashes, not k*n multiplications: 600 words,
   192 slots and a lead of 100 words make about 3,000 hashes instead of
   134,000 multiplications: minhash_sign_keys on 600 words went from 47 us
   to 9 us (gcc -O2), most of it now the shingle hashes and their distinct
   count; byline index of gen-corpus --seed=1 --count=10000 spent 0.6 s of
   CPU less.
   h_r(x) = mix(x ^ s_r): the slot from its high 32 bits (multiply-shift
   to [0,k)), the rank from its low 20 bits; a slot stores r << 20 | rank
   (r < 2k <= 2048: below 2^31, never UINT32_MAX, which marks an empty
   slot).  The s_r
   come from a fixed splitmix64 stream, so signatures made by different
   runs compare; they are part of the blob format ("BMH2"). */
#define MINHASH_RANK_BITS 20

static uint64_t
minhash_shingle_hash (const uint64_t *keys, size_t n)
{
  uint64_t h = MINHASH_SEED;
  for (size_t i = 0; i < n; i++)
    h = wordseq_mix (h + keys[i]);
  return h;
}

static uint64_t
minhash_round_seed (size_t r)
{
  return wordseq_mix (MINHASH_SEED + (uint64_t) (r + 1)
                      * UINT64_C (0x9e3779b97f4a7c15));
}

/* The k slots of x[0..n) into slot[0..k) (all UINT32_MAX when n == 0). */
static void
minhash_sketch (const uint64_t *x, size_t n, size_t k, uint32_t *slot)
{
  for (size_t j = 0; j < k; j++)
    slot[j] = UINT32_MAX;
  size_t filled = 0;
  const uint32_t rank = (1u << MINHASH_RANK_BITS) - 1;
  for (size_t r = 0; r < 2 * k && filled < k && n > 0; r++)
    {
      uint64_t seed = minhash_round_seed (r);
      uint32_t top = (uint32_t) r << MINHASH_RANK_BITS;
      /* Without branches: which slot a shingle lands in is random, and
         mispredicted branches were most of this loop's time. */
      if (r < k)
        for (size_t i = 0; i < n; i++)
          {
            uint64_t h = wordseq_mix (x[i] ^ seed);
            size_t j = (size_t) (((h >> 32) * (uint64_t) k) >> 32);
            uint32_t v = top | ((uint32_t) h & rank), old = slot[j];
            filled += old == UINT32_MAX;
            slot[j] = v < old ? v : old;
          }
      else
        {
          uint32_t m = slot[r - k];
          filled += m == UINT32_MAX;
          for (size_t i = 0; i < n; i++)
            {
              uint32_t v = top | ((uint32_t) wordseq_mix (x[i] ^ seed) & rank);
              m = v < m ? v : m;
            }
          slot[r - k] = m;
        }
    }
}

/* Distinct values among v[0..n), in an open-addressing set. */
static size_t
minhash_distinct (const uint64_t *v, size_t n)
{
  size_t cap = 16, distinct = 0;
  while (cap < 2 * n)
    cap *= 2;
  uint64_t *set = xcalloc (cap, sizeof *set);
  bool zero = false;            /* 0 marks an empty slot */
  for (size_t i = 0; i < n; i++)
    {
      if (v[i] == 0)
        {
          distinct += !zero;
          zero = true;
          continue;
        }
      size_t h = (size_t) (v[i] >> 7) & (cap - 1);   /* mixed already */
      while (set[h] && set[h] != v[i])
        h = (h + 1) & (cap - 1);
      if (!set[h])
        set[h] = v[i], distinct++;
    }
  free (set);
  return distinct;
}

void
minhash_sign_keys (const uint64_t *keys, size_t n,
                   const struct reprint_params *p, struct minhash_sig *sig)
{
  size_t k = MINHASH_HASHES (p);
  size_t w = p->shingle ? p->shingle : 1;
  memset (sig, 0, sizeof *sig);
  sig->k = k;
  sig->shingle = (unsigned) w;
  sig->words = (uint32_t) MIN (n, UINT32_MAX);
  sig->mins = xmalloc (2 * k * sizeof *sig->mins);
  memset (sig->mins, 0xff, 2 * k * sizeof *sig->mins);
  if (n == 0)
    return;

  size_t nsh = n < w ? 1 : n - w + 1;
  size_t lead = nsh;
  if (p->lead_words && n > p->lead_words)
    lead = p->lead_words < w ? 1 : p->lead_words - w + 1;

  uint64_t *hashes = xmalloc (nsh * sizeof *hashes);
  for (size_t i = 0; i < nsh; i++)
    hashes[i] = minhash_shingle_hash (keys + i, MIN (w, n - i));
  minhash_sketch (hashes, nsh, k, sig->mins);
  if (lead < nsh)
    minhash_sketch (hashes, lead, k, sig->mins + k);
  else
    memcpy (sig->mins + k, sig->mins, k * sizeof *sig->mins);
  size_t distinct = minhash_distinct (hashes, nsh);
  sig->shingles = (uint32_t) MIN (distinct, UINT32_MAX);
  free (hashes);
}

/* The text is tokenized in pieces of about this many bytes, cut at ASCII
   white space (where the tokenizer cuts anyway, so the words are the same):
   only the keys of a long text are kept, 8 bytes a word, not its tokens. */
#define MINHASH_PIECE 65536

void
minhash_sign (const char *s, size_t n, const struct reprint_params *p,
              struct minhash_sig *sig)
{
  struct wordseq ws = WORDSEQ_INIT;
  uint64_t *keys = NULL;
  size_t nw = 0, alloc = 0;
  for (size_t off = 0; off < n;)
    {
      size_t end = n - off > MINHASH_PIECE ? off + MINHASH_PIECE : n;
      while (end < n && s[end] != ' ' && (s[end] < '\t' || s[end] > '\r'))
        end++;
      nw = wordseq_word_keys (&ws, s + off, end - off, &keys, &alloc, nw);
      off = end;
    }
  minhash_sign_keys (keys, nw, p, sig);
  free (keys);
  wordseq_free (&ws);
}

void
minhash_free (struct minhash_sig *sig)
{
  free (sig->mins);
  memset (sig, 0, sizeof *sig);
}

double
minhash_jaccard (const struct minhash_sig *a, const struct minhash_sig *b)
{
  if (a->k != b->k || a->shingle != b->shingle || a->k == 0
      || a->shingles == 0 || b->shingles == 0)
    return 0;
  size_t eq = 0;
  for (size_t i = 0; i < a->k; i++)
    eq += a->mins[i] == b->mins[i];
  return (double) eq / a->k;
}

double
minhash_containment (const struct minhash_sig *a,
                     const struct minhash_sig *b)
{
  double j = minhash_jaccard (a, b);
  if (j <= 0)
    return 0;
  double inter = j * ((double) a->shingles + b->shingles) / (1 + j);
  double c = inter / MIN (a->shingles, b->shingles);
  return c < 1 ? c : 1;
}

size_t
minhash_n_keys (const struct minhash_sig *sig, const struct reprint_params *p)
{
  if (sig->shingles == 0 || sig->k != MINHASH_HASHES (p) || sig->k == 0)
    return 0;
  return 2 * (size_t) p->bands;
}

size_t
minhash_band_keys (const struct minhash_sig *sig,
                   const struct reprint_params *p, uint64_t *keys)
{
  size_t nk = minhash_n_keys (sig, p);
  for (size_t band = 0; band < nk; band++)
    {
      /* Bands over the lead (band >= bands) read the lead slots. */
      size_t part = band / p->bands, b = band % p->bands;
      const uint32_t *m = sig->mins + part * sig->k + b * p->rows;
      uint64_t h = wordseq_mix (MINHASH_SEED ^ band);
      for (size_t r = 0; r < p->rows; r++)
        h = wordseq_mix (h + m[r]);
      keys[band] = h & (uint64_t) INT64_MAX;
    }
  return nk;
}

static void
minhash_put (unsigned char *p, uint64_t v, int bytes)
{
  for (int i = 0; i < bytes; i++)
    p[i] = (unsigned char) (v >> (8 * i));
}

static uint64_t
minhash_get (const unsigned char *p, int bytes)
{
  uint64_t v = 0;
  for (int i = 0; i < bytes; i++)
    v |= (uint64_t) p[i] << (8 * i);
  return v;
}

size_t
minhash_to_blob (const struct minhash_sig *sig, unsigned char **blob,
                 size_t *alloc)
{
  size_t n = MINHASH_BLOB_SIZE (sig->k);
  *blob = xgrow (*blob, alloc, n, 1);
  unsigned char *p = *blob;
  memcpy (p, "BMH2", 4);
  minhash_put (p + 4, sig->k, 2);
  p[6] = (unsigned char) sig->shingle;
  p[7] = 0;
  minhash_put (p + 8, sig->shingles, 4);
  minhash_put (p + 12, sig->words, 4);
  for (size_t i = 0; i < 2 * sig->k; i++)
    minhash_put (p + 16 + 4 * i, sig->mins[i], 4);
  return n;
}

bool
minhash_from_blob (const void *blob, size_t n, struct minhash_sig *sig)
{
  const unsigned char *p = blob;
  memset (sig, 0, sizeof *sig);
  if (n < 16 || memcmp (p, "BMH2", 4) != 0 || p[7] != 0)
    return false;
  size_t k = minhash_get (p + 4, 2);
  if (k == 0 || k > MINHASH_MAX_HASHES || n != MINHASH_BLOB_SIZE (k)
      || p[6] == 0)
    return false;
  sig->k = k;
  sig->shingle = p[6];
  sig->shingles = (uint32_t) minhash_get (p + 8, 4);
  sig->words = (uint32_t) minhash_get (p + 12, 4);
  sig->mins = xmalloc (2 * k * sizeof *sig->mins);
  for (size_t i = 0; i < 2 * k; i++)
    sig->mins[i] = (uint32_t) minhash_get (p + 16 + 4 * i, 4);
  return true;
}

struct minhash_entry
{
  uint64_t key;
  uint32_t band;
  size_t idx;
};

static int
minhash_cmp_entry (const void *x, const void *y)
{
  const struct minhash_entry *a = x, *b = y;
  if (a->band != b->band)
    return a->band < b->band ? -1 : 1;
  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  return (a->idx > b->idx) - (a->idx < b->idx);
}

static int
minhash_cmp_pair (const void *x, const void *y)
{
  const struct minhash_pair *a = x, *b = y;
  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return (a->b > b->b) - (a->b < b->b);
}

size_t
minhash_candidates (const struct minhash_sig *sigs, size_t n,
                    const struct reprint_params *p,
                    struct minhash_pair **pairs, size_t *alloc)
{
  size_t per = 2 * (size_t) p->bands, ne = 0, np = 0;
  struct minhash_entry *e = xmalloc ((n * per + 1) * sizeof *e);
  uint64_t *keys = xmalloc ((per + 1) * sizeof *keys);
  for (size_t i = 0; i < n; i++)
    {
      size_t nk = minhash_band_keys (&sigs[i], p, keys);
      for (size_t j = 0; j < nk; j++)
        e[ne++] = (struct minhash_entry) { keys[j], (uint32_t) j, i };
    }
  free (keys);
  qsort (e, ne, sizeof *e, minhash_cmp_entry);
  for (size_t i = 0; i < ne;)
    {
      size_t j = i + 1;
      while (j < ne && e[j].band == e[i].band && e[j].key == e[i].key)
        j++;
      for (size_t x = i; x < j; x++)
        for (size_t y = x + 1; y < j; y++)
          if (e[x].idx != e[y].idx)
            {
              *pairs = xgrow (*pairs, alloc, np + 1, sizeof **pairs);
              (*pairs)[np++] = (struct minhash_pair) { e[x].idx, e[y].idx };
            }
      i = j;
    }
  free (e);
  if (np)
    qsort (*pairs, np, sizeof **pairs, minhash_cmp_pair);
  size_t u = 0;
  for (size_t i = 0; i < np; i++)
    if (u == 0 || minhash_cmp_pair (&(*pairs)[u - 1], &(*pairs)[i]) != 0)
      (*pairs)[u++] = (*pairs)[i];
  return u;
}

/* Defaults, and how they were chosen.

   Measured on bench/gen-corpus --seed=1 --count=3000 (1,699 true reprint
   pairs, 347 of them involving a re-translation, plus same-event
   distractors that share names and verbatim quotes), with boilerplate
   paragraphs (those in more than 10 files) removed as the extractor would,
   and on the samples (000 is a re-translation of 001, 002 a different
   story on the same event).

   shingle 2, bands 48 x rows 4 (192 hashes):  the re-translated sample
     pair has a shingle Jaccard of 0.51 with 2-word shingles but 0.40 with
     3 and 0.32 with 4, while different stories on the same event stay under
     0.05 with 2.  LSH finds a pair with probability 1-(1-J^4)^48 per part:
     0.2 -> 7%, 0.4 -> 71%, 0.5 -> 95%, 0.8 -> 100%.  On the corpus:
       shingle/bands/rows   LSH recall (re-translations)   candidates
       2/32/4               0.952 (0.896)                  3,749
       2/48/4               0.979 (0.954)                  4,922
       2/64/4               0.987 (0.968)                  6,822
       2/40/5               0.896 (0.795)                  1,949
       3/32/4               0.913 (0.755)                  1,787
       3/48/3               0.992 (0.971)                 21,308
     2/48/4 is the knee: 64 bands buy 0.8% recall for 40% more
     candidates (each costs a verification, ~0.35 ms).
   lead_words 100:  the lead is signed too (its band keys are the second
     half), because a reprint cut to a third of the original has a whole-
     text Jaccard of a third, which LSH misses, but the same lead.  It costs
     nothing to compute (the minima after the lead's shingles) and doubles
     the band keys.  Without it: LSH recall 0.870, cluster recall 0.853.
   verify_shingle 3, containment_min 0.25, alignment_min 0.5:  every
     candidate pair verified: true pairs' alignment (aligned words over the
     smaller side) is 0.3-1.0, mostly 0.7-1.0, the low ones being two
     differently cut reprints of one original, which the clusters join
     through the original anyway; the highest non-reprint (a distractor
     against a short truncated reprint sharing its quotes) is 0.44, most are
     0.1-0.3.  At 0.5: no false pair, 6 true candidate pairs rejected (at
     0.6: 25).  The samples: 000/001 0.86, 001/002 and 000/002 0.2-0.25.
     Containment over 3-word shingles is a second guard against an
     alignment made of common words: the samples score 0.60 against 0.04.
   estimate_min 0.4, estimate_sure 0.85 (minhash_containment of a candidate
     pair, from the signatures alone):  most LSH candidates are chance
     collisions of unrelated texts, whose common shingles ("of the") give
     them an estimated Jaccard of 0.05-0.2, and their number grows with the
     square of the collection.  On gen-corpus --seed=1 --count=10000 (67,394
     candidates, 5,308 of them true pairs): every true pair estimates a
     containment of 0.47 or more, 94% of the others below 0.35; at 0.4,
     1,149 false candidates are left to verify.  From 0.85 on, all 3,148
     pairs (Jaccard under 0.9 included) verified as reprints, aligned at
     0.81 or more, all true: 0.9 leaves a margin.  Cluster precision and
     recall unchanged (3,000: 1.000/1.000; 10,000: 1.000/0.9994); texts
     compared: 67,394 -> 3,212 at 10,000.
     With fast similarity sketching, estimate_sure 0.85:  on the same
     corpus every pair estimated at 0.85 or more verified as a true
     reprint, aligned at 0.77 or more (on --seed=2 --count=5000 at 0.85 or
     more), and no false pair estimated above 0.63 (0.57); texts compared
     2,851 -> 1,978 (1,310 -> 865), precision and recall unchanged.  The
     smallest estimate of a true pair was 0.50 (0.42 on --seed=2), so
     estimate_min stays at 0.4.
   min_words 20:  below it, a caption or a brief matches anything.
   link_min 0.5, support_min 0.4:  a link needs the verdict; support (for
     merging clusters) is a little lower, so a weaker sibling stays in its
     family.  Clusters: pair precision 1.000, recall 0.984 (0.979 with
     support_min 0.5).

   The figures above were measured with k independent minima per slot
   (blob "BMH1").  Fast similarity sketching ("BMH2", same parameters), on
   gen-corpus --seed=1 --count=10000: candidates 67,394 -> 111,364 (chance
   collisions, settled from the signatures), verified 6,457 -> 6,068,
   texts compared 3,212 -> 2,851, cluster pair precision 1.0000 -> 1.0000,
   recall 0.9994 -> 1.0000; test-minhash's LSH curve: J=0.5 0.967, J=0.2
   0.063 (theory 0.95 and 0.074).  Simulated (2,000 pairs of sets of 99
   and of 500 shingles per J), the share of pairs sharing a band follows
   1-(1-J^4)^48 within 0.02 from J=0.2 to 0.6, as with k minima.  On other
   seeds cluster pair recall moved by chance, as pairs near J=0.3 are found
   or not by the luck of the hashes: --seed=2 --count=5000 0.9986 -> 0.9979,
   --seed=3 --count=30000 0.9992 -> 0.9983 (precision 0.9996 -> 0.9998).

   Cost (gcc -O2, one core): signing 0.35 ms per article, tokenizing
   included (k minima; the sketch takes a fifth of what that spent on the
   hashes); verification 0.4 ms per candidate pair; candidates for 3,000
   articles 0.1 s.  Since (fast similarity sketching, ASCII tokens keyed
   without folding, bit-parallel LCS, the scan writing the band keys):
   signing 35 us per article of gen-corpus, a verification text 39 us, a
   verified pair 80 us, a versions diff 125 us; on gen-corpus --seed=1
   --count=10000 reprint detection adds 1.6 s of wall and CPU time to
   byline index (bench/reprints.sh; it added 4.0 to 5.3 s of CPU before),
   pair precision and recall 1.0000 and 1.0000. */
void
reprint_params_init (struct reprint_params *p)
{
  p->enabled = true;
  p->shingle = 2;
  p->bands = 48;
  p->rows = 4;
  p->lead_words = 100;
  p->verify_shingle = 3;
  p->min_words = 20;
  p->containment_min = 0.25;
  p->alignment_min = 0.5;
  p->estimate_min = 0.4;
  p->estimate_sure = 0.85;
  p->link_min = 0.5;
  p->support_min = 0.4;
}
