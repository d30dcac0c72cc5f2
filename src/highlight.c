/* highlight.c: whole-word term matching over text_tokenize + text_fold. */
#include "system.h"
#include "highlight.h"

#include "buf.h"
#include "text.h"

bool
highlight_add (struct highlight *h, const char *term, int tag)
{
  size_t n = strlen (term);
  while (n && (term[n - 1] == ' ' || term[n - 1] == '\t'))
    n--;
  bool prefix = n && term[n - 1] == '*';
  if (prefix)
    n--;

  struct text_token *toks = NULL;
  size_t alloc = 0;
  size_t nt = text_tokenize (term, n, &toks, &alloc);
  struct highlight_term t = { NULL, NULL, 0, prefix, tag };
  size_t walloc = 0;
  struct buf f = BUF_INIT;
  for (size_t i = 0; i < nt; i++)
    {
      if (!toks[i].word)
        continue;
      text_fold (term + toks[i].off, toks[i].len, &f);
      if (f.len == 0)
        continue;
      t.words = xgrow (t.words, &walloc, t.n_words + 1, sizeof *t.words);
      t.words[t.n_words++] = xstrndup (f.data, f.len);
    }
  buf_free (&f);
  free (toks);
  if (t.n_words == 0)
    {
      free (t.words);
      return false;
    }
  size_t start = 0;
  while (start < n && (term[start] == ' ' || term[start] == '\t'))
    start++;
  t.text = xstrndup (term + start, n + prefix - start);
  h->v = xgrow (h->v, &h->alloc, h->n + 1, sizeof *h->v);
  h->v[h->n++] = t;
  return true;
}

static void
highlight_term_free (struct highlight_term *t)
{
  for (size_t k = 0; k < t->n_words; k++)
    free (t->words[k]);
  free (t->words);
  free (t->text);
}

ptrdiff_t
highlight_index (const struct highlight *h, const char *term)
{
  /* Folded the same way as the terms themselves. */
  struct highlight probe = HIGHLIGHT_INIT;
  ptrdiff_t found = -1;
  if (!highlight_add (&probe, term, 0))
    return -1;
  const struct highlight_term *p = &probe.v[0];
  for (size_t i = 0; i < h->n && found < 0; i++)
    {
      const struct highlight_term *t = &h->v[i];
      if (t->n_words != p->n_words || t->prefix != p->prefix)
        continue;
      size_t k = 0;
      while (k < t->n_words && strcmp (t->words[k], p->words[k]) == 0)
        k++;
      if (k == t->n_words)
        found = (ptrdiff_t) i;
    }
  highlight_free (&probe);
  return found;
}

void
highlight_remove (struct highlight *h, size_t i)
{
  if (i >= h->n)
    return;
  highlight_term_free (&h->v[i]);
  memmove (&h->v[i], &h->v[i + 1], (h->n - i - 1) * sizeof *h->v);
  h->n--;
}

void
highlight_free (struct highlight *h)
{
  for (size_t i = 0; i < h->n; i++)
    highlight_term_free (&h->v[i]);
  free (h->v);
  h->v = NULL;
  h->n = h->alloc = 0;
}

/* The word tokens of the text with their folded forms. */
struct highlight_word
{
  size_t off, len;
  char *fold;
};

static bool
highlight_word_matches (const char *fold, const char *word, bool prefix)
{
  if (prefix)
    return strncmp (fold, word, strlen (word)) == 0;
  return strcmp (fold, word) == 0;
}

size_t
highlight_find (const struct highlight *h, const char *s, size_t n,
                struct highlight_hit **hits, size_t *alloc)
{
  if (h->n == 0 || n == 0)
    return 0;
  struct text_token *toks = NULL;
  size_t talloc = 0;
  size_t nt = text_tokenize (s, n, &toks, &talloc);
  struct highlight_word *words = xcalloc (nt ? nt : 1, sizeof *words);
  size_t nw = 0;
  struct buf f = BUF_INIT;
  for (size_t i = 0; i < nt; i++)
    if (toks[i].word)
      {
        text_fold (s + toks[i].off, toks[i].len, &f);
        words[nw].off = toks[i].off;
        words[nw].len = toks[i].len;
        words[nw].fold = xstrndup (f.data ? f.data : "", f.len);
        nw++;
      }
  buf_free (&f);
  free (toks);

  size_t count = 0;
  for (size_t j = 0; j < nw; j++)
    for (size_t t = 0; t < h->n; t++)
      {
        const struct highlight_term *term = &h->v[t];
        if (j + term->n_words > nw)
          continue;
        size_t k;
        for (k = 0; k < term->n_words; k++)
          if (!highlight_word_matches (words[j + k].fold, term->words[k],
                                       term->prefix
                                       && k + 1 == term->n_words))
            break;
        if (k < term->n_words)
          continue;
        const struct highlight_word *last = &words[j + term->n_words - 1];
        struct highlight_hit hit = { words[j].off,
                                     last->off + last->len - words[j].off,
                                     term->tag };
        *hits = xgrow (*hits, alloc, count + 1, sizeof **hits);
        (*hits)[count++] = hit;
      }
  for (size_t i = 0; i < nw; i++)
    free (words[i].fold);
  free (words);
  return count;
}
