/* cluster.h: verifying candidate reprint pairs and grouping them.

   Candidates come from MinHash/LSH (minhash.h); here they are verified on
   the texts themselves and grouped into reprint clusters, each naming its
   probable original.  Pure: no I/O, no database.

   Integration: for each new article, prepare its text (cluster_text_init),
   verify it against its LSH candidates (cluster_verify) and store every
   verified pair with its verdict; then rebuild the clusters from all stored
   pairs with cluster_build, which is fast (it touches only the pairs). */
#ifndef BYLINE_CLUSTER_H
#define BYLINE_CLUSTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "minhash.h"

/* A text prepared for verification.  Owns its arrays. */
struct cluster_text
{
  uint64_t *keys;             /* word keys in text order (wordseq.h) */
  size_t n;
  uint64_t *shingles;         /* distinct verify_shingle hashes, sorted */
  size_t n_shingles;
  uint32_t *shingle_at;       /* the shingle starting at each word, as an
                                 index into shingles (n_at of them) */
  size_t n_at;
};

void cluster_text_init (struct cluster_text *t, const char *s, size_t n,
                        const struct reprint_params *p);
void cluster_text_free (struct cluster_text *t);

struct cluster_verdict
{
  double containment;         /* shared shingles / the smaller side's */
  double alignment;           /* words aligned in order (moved blocks of
                                 four words or more too) / the smaller
                                 side's words */
  double similarity;          /* [0,1]: the alignment */
  bool reprint;               /* both long enough, containment and
                                 alignment over their thresholds */
};

/* Compares two prepared texts.  Symmetric.  Cost about linear in the
   texts' lengths. */
void cluster_verify (const struct cluster_text *a,
                     const struct cluster_text *b,
                     const struct reprint_params *p,
                     struct cluster_verdict *v);

/* The same, but when the alignment is certainly below 'floor' it may stop
   early: then similarity and alignment are an upper bound (still below
   'floor') rather than the exact value.  With floor = the least of
   support_min, link_min and alignment_min, clustering gives what exact
   verdicts give, at a fraction of the cost for the many dissimilar
   candidates. */
void cluster_verify_floor (const struct cluster_text *a,
                           const struct cluster_text *b,
                           const struct reprint_params *p, double floor,
                           struct cluster_verdict *v);

/* The same from raw texts (clean bodies). */
void cluster_verify_texts (const char *a, size_t an, const char *b,
                           size_t bn, const struct reprint_params *p,
                           struct cluster_verdict *v);

/* ---- clusters ----------------------------------------------------------- */

struct cluster_article
{
  int64_t id;                 /* the caller's, copied through */
  int64_t date;               /* date_sort_key; 0 when unknown */
  bool has_agency;            /* attributed to a wire agency */
};

/* A verified pair, reprint or not: pairs that failed verification are
   evidence against merging too. */
struct cluster_link
{
  size_t a, b;                /* indexes into the article array */
  double similarity;
  bool reprint;
};

/* Optional: verifies a pair that was not among the links (clusters about
   to merge ask about their members).  Returns false when it cannot. */
typedef bool (*cluster_verify_fn) (void *ctx, size_t a, size_t b,
                                   struct cluster_verdict *v);

struct cluster
{
  size_t *members;            /* indexes into the article array; [0] is the
                                 probable original, the rest by date */
  size_t n;                   /* at least 2 */
};

/* Owns the clusters and their member arrays; cluster_set_free. */
struct cluster_set
{
  struct cluster *v;
  size_t n;
};

/* Groups articles[0..n) by their links.  A link joins two clusters only
   when it is a reprint with similarity >= link_min, and then only if more
   than half of all member pairs across the two clusters have similarity
   >= support_min (pairs not among the links count against, unless
   'verify' is given and answers them), so a story cannot chain to an
   unrelated one through one shared quote or through a digest that
   contains both.  Links are taken strongest first, ties by index, so the
   result does not depend on their order.  'verify' may be NULL. */
void cluster_build (const struct cluster_article *articles, size_t n,
                    const struct cluster_link *links, size_t n_links,
                    const struct reprint_params *p, cluster_verify_fn verify,
                    void *ctx, struct cluster_set *out);

void cluster_set_free (struct cluster_set *s);

/* Orders articles as probable originals: dated before undated, then
   attributed to an agency before not, then earlier, then lower id. */
int cluster_origin_cmp (const struct cluster_article *x,
                        const struct cluster_article *y);

#endif
