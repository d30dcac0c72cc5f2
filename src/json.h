/* json.h: writing JSON (objects per line for --json output). */
#ifndef BYLINE_JSON_H
#define BYLINE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

/* Appends s[0..n) as a JSON string literal (quotes included); control
   characters escaped, invalid UTF-8 impossible (input is decoded text). */
void json_str (struct buf *b, const char *s, size_t n);
/* Appends a string or null when s is NULL. */
void json_strz (struct buf *b, const char *s);

/* A tiny writer that handles commas: json_obj_begin/end, json_key, values. */
struct json
{
  struct buf *b;
  int depth;
  bool need_comma[32];
};

void json_init (struct json *j, struct buf *b);
void json_obj_begin (struct json *j);
void json_obj_end (struct json *j);
void json_arr_begin (struct json *j);
void json_arr_end (struct json *j);
void json_key (struct json *j, const char *key);
void json_string (struct json *j, const char *s);      /* NULL -> null */
void json_stringn (struct json *j, const char *s, size_t n);
void json_int (struct json *j, int64_t v);
void json_double (struct json *j, double v);
void json_bool (struct json *j, bool v);
void json_null (struct json *j);

#endif
