/* xalloc.c: allocation that never returns NULL. */
#include "system.h"

#include <stdarg.h>

static void BYLINE_NORETURN
xalloc_die (void)
{
  fputs (_("byline: out of memory\n"), stderr);
  abort ();
}

void *
xmalloc (size_t n)
{
  void *p = malloc (n ? n : 1);
  if (p == NULL)
    xalloc_die ();
  return p;
}

void *
xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size ? size : 1);
  if (p == NULL)
    xalloc_die ();
  return p;
}

void *
xrealloc (void *p, size_t n)
{
  p = realloc (p, n ? n : 1);
  if (p == NULL)
    xalloc_die ();
  return p;
}

void *
xgrow (void *p, size_t *nalloc, size_t need, size_t size)
{
  size_t n = *nalloc;
  if (need <= n)
    return p;
  if (n < 8)
    n = 8;
  while (n < need)
    {
      if (n > SIZE_MAX / 2 / size)
        xalloc_die ();
      n *= 2;
    }
  *nalloc = n;
  return xrealloc (p, n * size);
}

char *
xstrdup (const char *s)
{
  return xmemdup (s, strlen (s) + 1);
}

char *
xstrndup (const char *s, size_t n)
{
  size_t len = strnlen (s, n);
  char *r = xmalloc (len + 1);
  memcpy (r, s, len);
  r[len] = '\0';
  return r;
}

char *
xmemdup (const void *p, size_t n)
{
  char *r = xmalloc (n);
  memcpy (r, p, n);
  return r;
}

char *
xvasprintf (const char *fmt, va_list ap)
{
  char *r;
  if (vasprintf (&r, fmt, ap) < 0)
    xalloc_die ();
  return r;
}

char *
xasprintf (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *r = xvasprintf (fmt, ap);
  va_end (ap);
  return r;
}
