/* xalloc.h: allocation that never returns NULL (it exits on exhaustion). */
#ifndef BYLINE_XALLOC_H
#define BYLINE_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc (size_t n);
void *xcalloc (size_t n, size_t size);
void *xrealloc (void *p, size_t n);
/* Grows an array of *nalloc elements of size 'size' to hold at least 'need'. */
void *xgrow (void *p, size_t *nalloc, size_t need, size_t size);
char *xstrdup (const char *s);
char *xstrndup (const char *s, size_t n);
char *xmemdup (const void *p, size_t n);
char *xasprintf (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));
char *xvasprintf (const char *fmt, va_list ap);

#endif
