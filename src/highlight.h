/* highlight.h: finding terms in text as whole words, the way search does.

   A term is one or more words ("Jurczyk", "space agency"); it matches a
   run of consecutive word tokens (text_tokenize) whose text_fold forms
   equal its words, so case, accents and the punctuation between the
   words do not matter and "mars" does not match "Marseille".  A term
   ending in '*' matches words that start with its last word.  Each term
   carries a tag (its colour, for the reader) returned with its hits.
   struct highlight owns its terms. */
#ifndef BYLINE_HIGHLIGHT_H
#define BYLINE_HIGHLIGHT_H

#include <stdbool.h>
#include <stddef.h>

struct highlight_term
{
  char *text;            /* the term as given (trimmed), for messages */
  char **words;          /* text_fold forms */
  size_t n_words;
  bool prefix;
  int tag;
};

struct highlight
{
  struct highlight_term *v;
  size_t n;
  size_t alloc;
};

#define HIGHLIGHT_INIT { NULL, 0, 0 }

struct highlight_hit
{
  size_t off, len;       /* byte range in the text searched */
  int tag;
};

/* Adds a term.  Returns false (and adds nothing) when it has no word. */
bool highlight_add (struct highlight *h, const char *term, int tag);
/* The index of the first term that is 'term' (the same words after
   folding, the same prefix mark), or -1. */
ptrdiff_t highlight_index (const struct highlight *h, const char *term);
/* Removes term i (0 <= i < h->n), keeping the others in order. */
void highlight_remove (struct highlight *h, size_t i);
void highlight_free (struct highlight *h);

/* Replaces the contents of *hits (grown with xgrow, *alloc its capacity;
   both may start NULL/0) with the hits of every term in s[0..n), ordered
   by offset (for one offset, in term order); returns how many. */
size_t highlight_find (const struct highlight *h, const char *s, size_t n,
                       struct highlight_hit **hits, size_t *alloc);

#endif
