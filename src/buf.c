/* buf.c: a growable byte buffer. */
#include "system.h"
#include "buf.h"

static void
buf_reserve (struct buf *b, size_t extra)
{
  if (b->len + extra + 1 > b->alloc)
    b->data = xgrow (b->data, &b->alloc, b->len + extra + 1, 1);
}

void
buf_add (struct buf *b, const void *p, size_t n)
{
  buf_reserve (b, n);
  if (n)
    memcpy (b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void
buf_addc (struct buf *b, char c)
{
  buf_add (b, &c, 1);
}

void
buf_adds (struct buf *b, const char *s)
{
  buf_add (b, s, strlen (s));
}

void
buf_printf (struct buf *b, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *s = xvasprintf (fmt, ap);
  va_end (ap);
  buf_adds (b, s);
  free (s);
}

void
buf_reset (struct buf *b)
{
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
}

char *
buf_steal (struct buf *b)
{
  char *r = b->data ? b->data : xstrdup ("");
  b->data = NULL;
  b->len = b->alloc = 0;
  return r;
}

void
buf_free (struct buf *b)
{
  free (b->data);
  b->data = NULL;
  b->len = b->alloc = 0;
}
