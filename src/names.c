/* names.c: file names made safe to show. */
#include "system.h"
#include "names.h"

#include "text.h"

char *
name_display (const char *name)
{
  size_t len;
  char *s = text_decode (name, strlen (name), &len, NULL);
  if (strpbrk (s, "\t\n") == NULL)
    return s;
  struct { char *p; size_t n, alloc; } out = { NULL, 0, 0 };
  out.p = xmalloc (len * 3 + 1);
  for (size_t i = 0; i < len; i++)
    if (s[i] == '\t' || s[i] == '\n')
      {
        memcpy (out.p + out.n, "\xef\xbf\xbd", 3);
        out.n += 3;
      }
    else
      out.p[out.n++] = s[i];
  out.p[out.n] = '\0';
  free (s);
  return out.p;
}
