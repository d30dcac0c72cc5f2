/* buf.h: a growable byte buffer, always NUL-terminated. */
#ifndef BYLINE_BUF_H
#define BYLINE_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf
{
  char *data;   /* NUL-terminated; NULL until the first append */
  size_t len;
  size_t alloc;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_add (struct buf *b, const void *p, size_t n);
void buf_addc (struct buf *b, char c);
void buf_adds (struct buf *b, const char *s);
void buf_printf (struct buf *b, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));
void buf_reset (struct buf *b);
/* Hands the data over to the caller (never NULL, "" when empty). */
char *buf_steal (struct buf *b);
void buf_free (struct buf *b);

#endif
