/* common.h: what several fuzz targets share (static functions only,
   so each target file stands alone). */
#ifndef BYLINE_FUZZ_COMMON_H
#define BYLINE_FUZZ_COMMON_H

#include "article.h"
#include "extract.h"
#include "fuzz.h"

/* The rules file compiled into the program (src/outlets-builtin.c). */
extern const char outlets_builtin[];
extern const size_t outlets_builtin_len;

/* The built-in rules, loaded once and kept for the whole run. */
static inline const struct outlets *
fuzz_builtin_outlets (void)
{
  static struct outlets *rules;
  if (rules == NULL)
    {
      rules = outlets_new ();
      outlets_load_text (rules, outlets_builtin, outlets_builtin_len,
                         "outlets.txt", NULL);
    }
  return rules;
}

/* Checks what article.h and extract.h promise about an extracted article,
   and exercises the functions that read one. */
static inline void
fuzz_check_article (const struct article *a)
{
  FUZZ_CHECK (a->text != NULL);
  FUZZ_CHECK (strlen (a->text) == a->text_len);
  FUZZ_CHECK (a->headline != NULL);
  size_t prev_end = 0;
  for (size_t i = 0; i < a->n_paras; i++)
    {
      const struct para *p = &a->paras[i];
      FUZZ_CHECK (p->off <= a->text_len && p->len <= a->text_len - p->off);
      FUZZ_CHECK (p->off >= prev_end);
      FUZZ_CHECK (para_role_name (p->role) != NULL);
      prev_end = p->off + p->len;
    }
  FUZZ_CHECK (a->body == NULL || strlen (a->body) == a->body_len);
  for (size_t i = 0; i < a->authors.n; i++)
    FUZZ_CHECK (a->authors.v[i] != NULL);
  char iso[DATE_ISO_MAX];
  (void) date_iso (&a->date, iso);
  (void) date_sort_key (&a->date);

  size_t flen = 0, clen = 0;
  char *front = article_front (a, &flen);
  FUZZ_CHECK (front == NULL || strlen (front) == flen);
  char *cmp = article_compare_text (front, flen, a->body, a->body_len, &clen);
  FUZZ_CHECK (cmp != NULL && strlen (cmp) == clen);
  free (cmp);
  free (front);
}

#endif
