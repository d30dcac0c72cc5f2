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
  struct highlight_term t = { NULL, 0, prefix, tag };
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
    return false;
  h->v = xgrow (h->v, &h->alloc, h->n + 1, sizeof *h->v);
  h->v[h->n++] = t;
  return true;
}

void
highlight_free (struct highlight *h)
{
  for (size_t i = 0; i < h->n; i++)
    {
      for (size_t k = 0; k < h->v[i].n_words; k++)
        free (h->v[i].words[k]);
      free (h->v[i].words);
    }
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
