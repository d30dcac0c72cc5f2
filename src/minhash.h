/* minhash.h: MinHash signatures of word shingles, and LSH band keys.

   A signature summarises the set of word shingles (runs of 'shingle'
   consecutive normalised words, see wordseq.h) of an article's clean body so
   that the fraction of equal slots between two signatures estimates the
   Jaccard similarity of their shingle sets.  Band keys bucket signatures so
   that candidate reprint pairs are found in linear time; candidates are then
   verified on the texts (cluster.h).  Pure: no I/O, no database.

   Integration: sign each new article (minhash_sign), store the blob
   (minhash_to_blob) and one row (band, key, article) per band key
   (minhash_band_keys); the candidates of a new article are the stored
   articles sharing at least one (band, key) with it. */
#ifndef BYLINE_MINHASH_H
#define BYLINE_MINHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Every knob of reprint detection, in one place; reprint_params_init gives
   the defaults, whose measurements are documented in minhash.c. */
struct reprint_params
{
  bool enabled;               /* false: no signing, no clusters */
  /* signing (changing these makes stored signatures stale) */
  unsigned shingle;           /* words per shingle */
  unsigned bands;             /* LSH bands ... */
  unsigned rows;              /* ... of this many rows: bands*rows hashes */
  unsigned lead_words;        /* also sign the first N words (0: don't) */
  /* verification (cluster_verify) */
  unsigned verify_shingle;    /* words per shingle for containment */
  size_t min_words;           /* shorter texts are never reprints */
  double containment_min;     /* shared shingles / smaller side's */
  double alignment_min;       /* aligned words / smaller side's words */
  /* candidates, before verification (minhash_containment of the pair) */
  double estimate_min;        /* below: not a reprint, not verified */
  double estimate_sure;       /* from: a reprint (both texts long enough),
                                 not verified */
  /* clustering (cluster_build) */
  double link_min;            /* a verified pair joins clusters at this similarity */
  double support_min;         /* a pair supports a merge at this similarity */
};

void reprint_params_init (struct reprint_params *p);

/* Number of hash functions, bands*rows. */
#define MINHASH_HASHES(p) ((size_t) (p)->bands * (p)->rows)
#define MINHASH_MAX_HASHES 1024

/* A signature.  Owns 'mins'; minhash_free releases it. */
struct minhash_sig
{
  uint32_t *mins;             /* 2*k slots: k over the whole text, then k over
                                 its lead (the first lead_words words) */
  size_t k;                   /* hashes per part */
  unsigned shingle;
  uint32_t shingles;          /* distinct shingles in the whole text */
  uint32_t words;             /* word tokens */
};

/* Signs the word tokens of s[0..n).  A text with fewer words than a
   shingle is one shingle; a text without words gets an empty signature
   (shingles == 0) that has no band keys and matches nothing. */
void minhash_sign (const char *s, size_t n, const struct reprint_params *p,
                   struct minhash_sig *sig);

/* Same from precomputed word keys (wordseq keys of the word tokens). */
void minhash_sign_keys (const uint64_t *keys, size_t n,
                        const struct reprint_params *p,
                        struct minhash_sig *sig);

void minhash_free (struct minhash_sig *sig);

/* Estimated Jaccard similarity of the whole texts' shingle sets, [0,1];
   0 when either is empty or the signatures are incompatible. */
double minhash_jaccard (const struct minhash_sig *a,
                        const struct minhash_sig *b);

/* Estimated containment of the whole texts' shingle sets, |A n B| /
   min(|A|, |B|), from the estimated Jaccard similarity J and the distinct
   shingle counts: |A n B| = J (|A| + |B|) / (1 + J).  [0,1]; 0 when
   minhash_jaccard is.  A truncated reprint has a low J but a containment
   near 1. */
double minhash_containment (const struct minhash_sig *a,
                            const struct minhash_sig *b);

/* Number of band keys minhash_band_keys writes: 2*bands (whole text and
   lead), 0 for an empty signature. */
size_t minhash_n_keys (const struct minhash_sig *sig,
                       const struct reprint_params *p);

/* Writes minhash_n_keys keys: keys[i] belongs to band i (bands
   0..bands-1 over the whole text, bands..2*bands-1 over the lead).  Two
   articles are candidates when they share a key in the same band.  Keys
   are below 2^63, so they store unchanged in an SQLite INTEGER. */
size_t minhash_band_keys (const struct minhash_sig *sig,
                          const struct reprint_params *p, uint64_t *keys);

/* Blob layout (little-endian, MINHASH_BLOB_SIZE(k) bytes):
     0  4  magic "BMH2" (fast similarity sketching; "BMH1", k minima,
           is no longer read)
     4  2  k (hashes per part)
     6  1  shingle
     7  1  zero
     8  4  distinct shingles
    12  4  words
    16  4*2k  mins (whole text, then lead)
   Appends to *blob (xgrow'd, caller frees) and returns its size. */
#define MINHASH_BLOB_SIZE(k) (16 + 8 * (size_t) (k))
size_t minhash_to_blob (const struct minhash_sig *sig, unsigned char **blob,
                        size_t *alloc);

/* Parses a blob into *sig (minhash_free it).  Returns false (and leaves
   *sig empty) when the blob is malformed. */
bool minhash_from_blob (const void *blob, size_t n, struct minhash_sig *sig);

/* ---- candidate pairs in memory (rebuilds, tests, benchmarks) ---------- */

struct minhash_pair
{
  size_t a, b;                /* indexes into the signature array, a < b */
};

/* All pairs of sigs[0..n) sharing a band key, each once, sorted.  *pairs
   is xgrow'd (caller frees).  Returns the number of pairs.  Linear in n
   plus the output. */
size_t minhash_candidates (const struct minhash_sig *sigs, size_t n,
                           const struct reprint_params *p,
                           struct minhash_pair **pairs, size_t *alloc);

#endif
