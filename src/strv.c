/* strv.c: a growable vector of owned strings. */
#include "system.h"
#include "strv.h"

#include <stdarg.h>

void
strv_push (struct strv *sv, char *s)
{
  sv->v = xgrow (sv->v, &sv->alloc, sv->n + 2, sizeof *sv->v);
  sv->v[sv->n++] = s;
  sv->v[sv->n] = NULL;
}

void
strv_add (struct strv *sv, const char *s)
{
  strv_push (sv, xstrdup (s));
}

void
strv_addf (struct strv *sv, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  strv_push (sv, xvasprintf (fmt, ap));
  va_end (ap);
}

int
strv_contains (const struct strv *sv, const char *s)
{
  for (size_t i = 0; i < sv->n; i++)
    if (strcmp (sv->v[i], s) == 0)
      return 1;
  return 0;
}

void
strv_free (struct strv *sv)
{
  for (size_t i = 0; i < sv->n; i++)
    free (sv->v[i]);
  free (sv->v);
  sv->v = NULL;
  sv->n = sv->alloc = 0;
}
