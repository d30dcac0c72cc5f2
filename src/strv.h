/* strv.h: a growable vector of owned strings. */
#ifndef BYLINE_STRV_H
#define BYLINE_STRV_H

#include <stddef.h>

struct strv
{
  char **v;     /* v[n] is NULL when n > 0 */
  size_t n;
  size_t alloc;
};

#define STRV_INIT { NULL, 0, 0 }

/* Takes ownership of s. */
void strv_push (struct strv *sv, char *s);
void strv_add (struct strv *sv, const char *s);
void strv_addf (struct strv *sv, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));
int strv_contains (const struct strv *sv, const char *s);
void strv_free (struct strv *sv);

#endif
