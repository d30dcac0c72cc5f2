/* wordseq.h: a text as a sequence of normalised token keys.

   Shingles, reprint verification and the word diff all compare tokens the
   same way: text_tokenize splits, text_fold folds, then typography is
   normalised (curly and straight quotes, dashes, soft hyphens, zero-width
   and non-breaking spaces) so that only real edits differ.  A token's key
   is a 64-bit hash of that normal form.  Pure: no I/O, no globals. */
#ifndef BYLINE_WORDSEQ_H
#define BYLINE_WORDSEQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct text_token;

struct wordseq_tok
{
  size_t off;                 /* byte range in the text given to wordseq_add */
  size_t len;
  uint64_t key;               /* hash of the normal form; equal forms, equal keys */
  bool word;                  /* a word token (false: punctuation, symbol) */
};

/* Owns its arrays; wordseq_free releases them.  Zero-initialise (or use
   WORDSEQ_INIT) before the first wordseq_add. */
struct wordseq
{
  struct wordseq_tok *v;
  size_t n;
  size_t alloc;
  size_t words;               /* tokens with .word set */
  /* scratch, reused across calls */
  struct text_token *scratch;
  size_t scratch_alloc;
  struct buf fold;
};

#define WORDSEQ_INIT { NULL, 0, 0, 0, NULL, 0, BUF_INIT }

/* Appends the tokens of text[off..off+len); their offsets are relative to
   'text'.  Tokens whose normal form is empty (a lone soft hyphen or
   zero-width space) are dropped.  Returns the number appended. */
size_t wordseq_add (struct wordseq *ws, const char *text, size_t off,
                    size_t len);

/* Appends the keys of the word tokens of text[0..len) (those wordseq_add
   would append with .word set) to (*keys)[n..], xgrow'd; returns the new
   count.  Uses only ws's scratch. */
size_t wordseq_word_keys (struct wordseq *ws, const char *text, size_t len,
                          uint64_t **keys, size_t *alloc, size_t n);

void wordseq_free (struct wordseq *ws);

/* The normal form of one token: text_fold, then typography normalised.
   Replaces the contents of 'out'. */
void wordseq_norm (const char *s, size_t n, struct buf *out);

/* A well-mixed 64-bit hash of n bytes (stable across runs and platforms:
   signatures stored on disk depend on it). */
uint64_t wordseq_hash (const void *p, size_t n);

/* The splitmix64 finaliser: a bijective 64-bit mixer. */
static inline uint64_t
wordseq_mix (uint64_t x)
{
  x ^= x >> 30;
  x *= UINT64_C (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= UINT64_C (0x94d049bb133111eb);
  x ^= x >> 31;
  return x;
}

#endif
