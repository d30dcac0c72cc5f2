/* json.c: writing JSON. */
#include "system.h"
#include "buf.h"
#include "json.h"

#include <inttypes.h>
#include <math.h>
#include <unistr.h>

/* JSON strings are UTF-8 (RFC 8259), and a file name is bytes: an invalid
   sequence becomes U+FFFD.  C0 and C1 controls and DEL are written as
   \u escapes, so no escape sequence can reach a terminal that shows the
   output. */
void
json_str (struct buf *b, const char *s, size_t n)
{
  static const char hex[] = "0123456789abcdef";
  const uint8_t *p = (const uint8_t *) s;
  buf_addc (b, '"');
  size_t run = 0, i = 0;
  while (i < n)
    {
      unsigned c = p[i];
      const char *esc = NULL;
      char u[7];
      size_t k = 1;
      if (c >= 0x80)
        {
          ucs4_t uc;
          int len = u8_mbtoucr (&uc, p + i, n - i);
          if (len < 0)
            esc = "\xef\xbf\xbd";
          else
            {
              k = (size_t) len;
              c = uc;
            }
        }
      else
        switch (c)
          {
          case '"': esc = "\\\""; break;
          case '\\': esc = "\\\\"; break;
          case '\n': esc = "\\n"; break;
          case '\t': esc = "\\t"; break;
          case '\r': esc = "\\r"; break;
          }
      if (esc == NULL && (c < 0x20 || (c >= 0x7f && c <= 0x9f)))
        {
          memcpy (u, "\\u00", 4);
          u[4] = hex[c >> 4];
          u[5] = hex[c & 15];
          u[6] = '\0';
          esc = u;
        }
      if (esc)
        {
          buf_add (b, s + i - run, run);
          run = 0;
          buf_adds (b, esc);
        }
      else
        run += k;
      i += k;
    }
  buf_add (b, s + n - run, run);
  buf_addc (b, '"');
}

void
json_strz (struct buf *b, const char *s)
{
  if (s)
    json_str (b, s, strlen (s));
  else
    buf_adds (b, "null");
}

void
json_init (struct json *j, struct buf *b)
{
  memset (j, 0, sizeof *j);
  j->b = b;
}

static void
json_value_prefix (struct json *j)
{
  if (j->depth > 0 && j->need_comma[j->depth])
    buf_addc (j->b, ',');
  if (j->depth > 0)
    j->need_comma[j->depth] = true;
}

static void
json_open (struct json *j, char c)
{
  json_value_prefix (j);
  buf_addc (j->b, c);
  if (j->depth + 1 < (int) ARRAY_SIZE (j->need_comma))
    j->depth++;
  j->need_comma[j->depth] = false;
}

static void
json_close (struct json *j, char c)
{
  buf_addc (j->b, c);
  if (j->depth > 0)
    j->depth--;
}

void json_obj_begin (struct json *j) { json_open (j, '{'); }
void json_obj_end (struct json *j) { json_close (j, '}'); }
void json_arr_begin (struct json *j) { json_open (j, '['); }
void json_arr_end (struct json *j) { json_close (j, ']'); }

void
json_key (struct json *j, const char *key)
{
  json_value_prefix (j);
  json_strz (j->b, key);
  buf_addc (j->b, ':');
  /* The value that follows must not add a comma. */
  j->need_comma[j->depth] = false;
}

/* After a value, the next key or element needs a comma. */
static void
json_after (struct json *j)
{
  if (j->depth > 0)
    j->need_comma[j->depth] = true;
}

void
json_string (struct json *j, const char *s)
{
  json_value_prefix (j);
  json_strz (j->b, s);
  json_after (j);
}

void
json_stringn (struct json *j, const char *s, size_t n)
{
  json_value_prefix (j);
  json_str (j->b, s, n);
  json_after (j);
}

void
json_int (struct json *j, int64_t v)
{
  json_value_prefix (j);
  buf_printf (j->b, "%" PRId64, v);
  json_after (j);
}

void
json_double (struct json *j, double v)
{
  json_value_prefix (j);
  if (isfinite (v))
    buf_printf (j->b, "%.4g", v);
  else
    buf_adds (j->b, "null");
  json_after (j);
}

void
json_bool (struct json *j, bool v)
{
  json_value_prefix (j);
  buf_adds (j->b, v ? "true" : "false");
  json_after (j);
}

void
json_null (struct json *j)
{
  json_value_prefix (j);
  buf_adds (j->b, "null");
  json_after (j);
}
