/* date.h: finding and parsing dates in article text, with their precision.

   Pure: no I/O, no globals, never reads the clock (callers pass 'now').
   A date is never completed from today's date; a date after 'now' is
   rejected; an ambiguous dd/mm vs mm/dd (both parts <= 12) keeps only the
   year.  Thread-safe: nothing mutable is shared.  The forms understood and
   the rules (years 1800..now, US zones ET/CT/MT/PT by the DST rule of the
   date, IST = India...) are listed at the top of date.c. */
#ifndef BYLINE_DATE_H
#define BYLINE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum date_precision
{
  DATE_PREC_NONE = 0,
  DATE_PREC_YEAR,
  DATE_PREC_MONTH,
  DATE_PREC_DAY,
  DATE_PREC_MINUTE,
  DATE_PREC_SECOND
};

struct date
{
  enum date_precision precision;   /* NONE: no date; fields below unset */
  int year, month, day;             /* month, day: 0 when not known */
  int hour, minute, second;
  bool has_tz;                      /* tz_minutes is meaningful */
  int tz_minutes;                   /* offset east of UTC: EDT is -240 */
};

/* Finds the first date in s[0..n) (one line or paragraph of text).  Returns
   true and fills *d; *start and *end (either may be NULL) get the byte range
   of the match, so "January 12, 2014 by Jean-Louis Santini" leaves the
   author after *end.  'now' is seconds since the epoch.  The match includes
   a day name before the date ("Wednesday 31 March 2021") and a time and
   zone after it.  A lone year ("in 2021") is no date here.  To find every
   date, call again from s + *end. */
bool date_find (const char *s, size_t n, int64_t now, struct date *d,
                size_t *start, size_t *end);

/* Parses s[0..n) as one date and nothing else (surrounding spaces and
   punctuation allowed): for header fields such as "Date:".  Unlike
   date_find it takes a lone year ("2021": year precision) and a month name
   that is also a word ("Mars 2021"). */
bool date_parse (const char *s, size_t n, int64_t now, struct date *d);

#define DATE_ISO_MAX 40
/* ISO 8601 to the date's precision: "2021", "2021-04", "2021-03-31",
   "2021-03-31T04:15-04:00", "2021-03-31T08:15:00Z", "" for none.  Returns buf. */
const char *date_iso (const struct date *d, char buf[DATE_ISO_MAX]);

/* Parses what date_iso wrote (for reading dates back from the index):
   exactly those shapes, any year 1..9999, no 'now' check. */
bool date_from_iso (const char *s, struct date *d);

/* "year", "month", "day", "minute", "second"; NULL for none. */
const char *date_precision_name (enum date_precision p);

/* A key that sorts dates chronologically, YYYYMMDDhhmmss as a number
   (unknown parts count as their earliest value: 0 for month and day);
   0 for no date.  A time with a zone is converted to UTC first so keys
   from different zones compare; a time without one counts as written. */
int64_t date_sort_key (const struct date *d);

/* ---- names (date-names.c) ------------------------------------------------
   English, French, German and Spanish; case and accent insensitive
   ("MÄRZ", "fevr", "Sept"); s[0..n) is the word without a trailing dot. */

/* Returns 1..12, or 0 when s is no month name.  *weak (may be NULL) is set
   for names that are also common words ("Mars", the planet): date_find
   wants a day next to those. */
int date_month_name (const char *s, size_t n, bool *weak);

/* Returns 1 (Monday) .. 7 (Sunday), or 0 when s is no day name. */
int date_weekday_name (const char *s, size_t n);

#endif
