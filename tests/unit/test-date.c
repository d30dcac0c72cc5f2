/* test-date.c: date_find, date_parse, ISO strings, sort keys, names. */
#include "system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>

#include "date.h"

/* 2026-11-22T12:00:00Z: every case runs at this 'now' unless it says. */
#define NOW INT64_C (1795348800)
#define DAY INT64_C (86400)

/* Match range: W for the whole input, N for not checked. */
#define W (-2)
#define N (-1)

struct find_case
{
  const char *in;
  const char *iso;              /* NULL: no date */
  enum date_precision prec;
  int start, end;
  int64_t now;                  /* 0: NOW */
};

static const struct find_case find_cases[] = {
  /* The formats of the issue. */
  { "Wednesday 31 March 2021 04:15 EDT", "2021-03-31T04:15-04:00",
    DATE_PREC_MINUTE, W, W, 0 },
  { "31 March 2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "March 31, 2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "Mar. 31, 2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "2021-03-31", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "2021-03-31T08:15:00Z", "2021-03-31T08:15:00Z", DATE_PREC_SECOND,
    W, W, 0 },
  { "Wed, 31 Mar 2021 08:15:00 +0000", "2021-03-31T08:15:00Z",
    DATE_PREC_SECOND, W, W, 0 },
  { "31/03/2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "03/31/2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "2021-04", "2021-04", DATE_PREC_MONTH, W, W, 0 },
  { "date 2021-04", "2021-04", DATE_PREC_MONTH, 5, 12, 0 },
  { "January 12, 2014 by Jean-Louis Santini", "2014-01-12", DATE_PREC_DAY,
    0, 16, 0 },
  { "| 15 April 2024, Monday |", "2024-04-15", DATE_PREC_DAY, 2, 15, 0 },
  { "Published February 6, 2021 at 2:29 p.m. ET | Updated February 7, 2021",
    "2021-02-06T14:29-05:00", DATE_PREC_MINUTE, 10, 42, 0 },
  { "Jan 12, 2014", "2014-01-12", DATE_PREC_DAY, W, W, 0 },
  { "12 Jan 2014", "2014-01-12", DATE_PREC_DAY, W, W, 0 },
  { "12. März 2021", "2021-03-12", DATE_PREC_DAY, W, W, 0 },
  { "31 mars 2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "31 de marzo de 2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "Mittwoch, 31. März 2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "March 2021", "2021-03", DATE_PREC_MONTH, W, W, 0 },

  /* Names: case, accents, abbreviations with and without the dot. */
  { "Sept. 5, 2020", "2020-09-05", DATE_PREC_DAY, W, W, 0 },
  { "Sept 5, 2020", "2020-09-05", DATE_PREC_DAY, W, W, 0 },
  { "5 févr. 2021", "2021-02-05", DATE_PREC_DAY, W, W, 0 },
  { "5 fevr 2021", "2021-02-05", DATE_PREC_DAY, W, W, 0 },
  { "5 FÉVRIER 2021", "2021-02-05", DATE_PREC_DAY, W, W, 0 },
  { "24. Dez. 2020", "2020-12-24", DATE_PREC_DAY, W, W, 0 },
  { "3 août 2021", "2021-08-03", DATE_PREC_DAY, W, W, 0 },
  { "15 déc. 2020", "2020-12-15", DATE_PREC_DAY, W, W, 0 },
  { "1er avril 2021", "2021-04-01", DATE_PREC_DAY, W, W, 0 },
  { "mercredi 31 mars 2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "12. MÄRZ 2021", "2021-03-12", DATE_PREC_DAY, W, W, 0 },
  { "12. Maerz 2021", "2021-03-12", DATE_PREC_DAY, W, W, 0 },
  { "3. Okt. 2020", "2020-10-03", DATE_PREC_DAY, W, W, 0 },
  { "12. Jänner 2021", "2021-01-12", DATE_PREC_DAY, W, W, 0 },
  { "3 ene 2021", "2021-01-03", DATE_PREC_DAY, W, W, 0 },
  { "3 dic. 2020", "2020-12-03", DATE_PREC_DAY, W, W, 0 },
  { "miércoles, 3 de agosto de 2022", "2022-08-03", DATE_PREC_DAY,
    W, W, 0 },
  { "septiembre de 2020", "2020-09", DATE_PREC_MONTH, W, W, 0 },
  { "in September 2006, during", "2006-09", DATE_PREC_MONTH, 3, 17, 0 },
  { "March 31st, 2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "the 31st of March 2021", "2021-03-31", DATE_PREC_DAY, 4, 22, 0 },
  { "2nd January 2021", "2021-01-02", DATE_PREC_DAY, W, W, 0 },
  { "Wednesday March 31, 2021 that", "2021-03-31", DATE_PREC_DAY, 0, 24, 0 },
  { "31 Mars 2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  /* "Mars" is the planet unless a day stands next to it. */
  { "the Mars 2020 rover", NULL, 0, N, N, 0 },
  { "headed to Mars 2021 was", NULL, 0, N, N, 0 },

  /* Times and zones. */
  { "31 March 2021 08:15", "2021-03-31T08:15", DATE_PREC_MINUTE, W, W, 0 },
  { "March 31, 2021 10:15 AM", "2021-03-31T10:15", DATE_PREC_MINUTE,
    W, W, 0 },
  { "March 31, 2021, 12:05 am", "2021-03-31T00:05", DATE_PREC_MINUTE,
    W, W, 0 },
  { "March 31, 2021 12:30 PM", "2021-03-31T12:30", DATE_PREC_MINUTE,
    W, W, 0 },
  { "March 31, 2021 2 pm", "2021-03-31T14:00", DATE_PREC_MINUTE, W, W, 0 },
  { "31 mars 2021 à 14h30", "2021-03-31T14:30", DATE_PREC_MINUTE, W, W, 0 },
  { "31. März 2021 um 10:15 Uhr", "2021-03-31T10:15", DATE_PREC_MINUTE,
    W, W, 0 },
  { "31. März 2021, 10:15 MESZ", "2021-03-31T10:15+02:00",
    DATE_PREC_MINUTE, W, W, 0 },
  { "2021-03-31T08:15:00.123+02:00", "2021-03-31T08:15:00+02:00",
    DATE_PREC_SECOND, W, W, 0 },
  { "2021-03-31T04:15-04:00", "2021-03-31T04:15-04:00", DATE_PREC_MINUTE,
    W, W, 0 },
  { "2021-03-31 08:15", "2021-03-31T08:15", DATE_PREC_MINUTE, W, W, 0 },
  { "March 31, 2021 04:15 GMT+2", "2021-03-31T04:15+02:00",
    DATE_PREC_MINUTE, W, W, 0 },
  { "31 Mar 2021 08:15:00 +0530", "2021-03-31T08:15:00+05:30",
    DATE_PREC_SECOND, W, W, 0 },
  { "31 March 2021 04:15 IST", "2021-03-31T04:15+05:30", DATE_PREC_MINUTE,
    W, W, 0 },
  { "31 March 2021 04:15 CET", "2021-03-31T04:15+01:00", DATE_PREC_MINUTE,
    W, W, 0 },
  { "31 Mar 2021 04:15 JST", "2021-03-31T04:15+09:00", DATE_PREC_MINUTE,
    W, W, 0 },
  { "31 Mar 2021 04:15 AEST", "2021-03-31T04:15+10:00", DATE_PREC_MINUTE,
    W, W, 0 },
  { "31 Mar 2021 04:15 PDT", "2021-03-31T04:15-07:00", DATE_PREC_MINUTE,
    W, W, 0 },
  { "31 Mar 2021 04:15 UTC", "2021-03-31T04:15Z", DATE_PREC_MINUTE,
    W, W, 0 },
  { "Wed, 31 Mar 2021 08:15:00 +0000 (UTC)", "2021-03-31T08:15:00Z",
    DATE_PREC_SECOND, W, W, 0 },
  /* A time that is no time leaves the date alone. */
  { "31 March 2021 13:15 pm", "2021-03-31", DATE_PREC_DAY, 0, 13, 0 },
  { "March 31, 2021 25:00", "2021-03-31", DATE_PREC_DAY, 0, 14, 0 },
  { "March 12, 2021 12 people", "2021-03-12", DATE_PREC_DAY, 0, 14, 0 },
  { "31 March 2021 04:15 et 05:00", "2021-03-31T04:15", DATE_PREC_MINUTE,
    0, 19, 0 },

  /* A time before the day. */
  { "Updated 10:32 AM ET, Wed March 31, 2021", "2021-03-31T10:32-04:00",
    DATE_PREC_MINUTE, 8, 39, 0 },
  { "8:15 a.m. EST January 5, 2021 by", "2021-01-05T08:15-05:00",
    DATE_PREC_MINUTE, 0, 29, 0 },
  { "14:30 Uhr, 31. März 2021", "2021-03-31T14:30", DATE_PREC_MINUTE,
    W, W, 0 },
  { "10:00, March 31, 2021 11:00", "2021-03-31T11:00", DATE_PREC_MINUTE,
    7, 27, 0 },
  { "the 10:30 train on March 31, 2021", "2021-03-31", DATE_PREC_DAY,
    19, 33, 0 },
  /* The time would put the day after now: the day alone stays. */
  { "23:00 UTC, 22 November 2026", "2026-11-22", DATE_PREC_DAY, 11, 27, 0 },

  /* ET, CT, MT, PT follow the US daylight rule of the date. */
  { "July 4, 2021 at 10:00 a.m. ET", "2021-07-04T10:00-04:00",
    DATE_PREC_MINUTE, W, W, 0 },
  { "March 14, 2021 1:59 a.m. ET", "2021-03-14T01:59-05:00",
    DATE_PREC_MINUTE, W, W, 0 },
  { "March 14, 2021 3:00 a.m. ET", "2021-03-14T03:00-04:00",
    DATE_PREC_MINUTE, W, W, 0 },
  { "November 7, 2021 12:30 a.m. ET", "2021-11-07T00:30-04:00",
    DATE_PREC_MINUTE, W, W, 0 },
  { "November 7, 2021 3:00 a.m. ET", "2021-11-07T03:00-05:00",
    DATE_PREC_MINUTE, W, W, 0 },
  { "April 2, 2006 3:00 PM ET", "2006-04-02T15:00-04:00", DATE_PREC_MINUTE,
    W, W, 0 },
  { "March 20, 2006 3:00 PM ET", "2006-03-20T15:00-05:00", DATE_PREC_MINUTE,
    W, W, 0 },
  { "October 30, 1960 3:00 PM ET", "1960-10-30T15:00-05:00",
    DATE_PREC_MINUTE, W, W, 0 },
  { "June 1, 2020 9:00 PT", "2020-06-01T09:00-07:00", DATE_PREC_MINUTE,
    W, W, 0 },
  { "January 5, 2020 9:00 CT", "2020-01-05T09:00-06:00", DATE_PREC_MINUTE,
    W, W, 0 },

  /* Numeric dates and the day/month order. */
  { "31.03.2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "31-03-2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "2021/03/31", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "04/03/2021", "2021", DATE_PREC_YEAR, W, W, 0 },
  { "on 4/3/2021 at", "2021", DATE_PREC_YEAR, 3, 11, 0 },
  { "05/05/2021", "2021-05-05", DATE_PREC_DAY, W, W, 0 },
  { "31/03/2021 08:15", "2021-03-31T08:15", DATE_PREC_MINUTE, W, W, 0 },
  /* Dec 11 is after now, Nov 12 is not: the year stays. */
  { "12/11/2026", "2026", DATE_PREC_YEAR, W, W, 0 },
  /* Both orders after now (2026-01-05). */
  { "10/11/2026", NULL, 0, N, N, INT64_C (1767571200) + 4 * DAY },

  /* Leap years. */
  { "29 February 2024", "2024-02-29", DATE_PREC_DAY, W, W, 0 },
  { "Feb 29, 2020", "2020-02-29", DATE_PREC_DAY, W, W, 0 },
  { "29/02/2000", "2000-02-29", DATE_PREC_DAY, W, W, 0 },
  { "2000-02-29", "2000-02-29", DATE_PREC_DAY, W, W, 0 },
  { "29 February 2021", NULL, 0, N, N, 0 },
  { "29.02.2023", NULL, 0, N, N, 0 },
  { "1900-02-29", NULL, 0, N, N, 0 },
  { "29 February 1900", NULL, 0, N, N, 0 },

  /* Rejections. */
  { "2021-13-45", NULL, 0, N, N, 0 },
  { "2021-03-45", NULL, 0, N, N, 0 },
  { "2021-00", NULL, 0, N, N, 0 },
  { "31/31/2021", NULL, 0, N, N, 0 },
  { "February 30, 2021", NULL, 0, N, N, 0 },
  { "30 février 2021", NULL, 0, N, N, 0 },
  { "31 April 2021", NULL, 0, N, N, 0 },
  { "0 March 2021", NULL, 0, N, N, 0 },
  { "99 Mar 2021", NULL, 0, N, N, 0 },
  { "call 555-123-4567 now", NULL, 0, N, N, 0 },
  { "call 555-12-2021 now", NULL, 0, N, N, 0 },
  { "+1 202 555 0143", NULL, 0, N, N, 0 },
  { "at 04:15 today", NULL, 0, N, N, 0 },
  { "2021", NULL, 0, N, N, 0 },
  { "Copyright 2021 The Associated Press", NULL, 0, N, N, 0 },
  { "12345678 and 20210331", NULL, 0, N, N, 0 },
  { "version 1.2.3", NULL, 0, N, N, 0 },
  { "version 1.2.2021.4", NULL, 0, N, N, 0 },
  { "March 31", NULL, 0, N, N, 0 },
  { "held June 30 to July 1in Beijing", NULL, 0, N, N, 0 },
  { "12 March 1750", NULL, 0, N, N, 0 },
  { "1799-12-31", NULL, 0, N, N, 0 },
  { "31 March 2027", NULL, 0, N, N, 0 },
  { "22 November 2027", NULL, 0, N, N, 0 },
  { "2026-12", NULL, 0, N, N, 0 },
  { "24 November 2026", NULL, 0, N, N, 0 },
  { "2026-11-22T13:00Z", NULL, 0, N, N, 0 },
  { "abc2021-03-31", NULL, 0, N, N, 0 },
  { "2021-03-31abc", NULL, 0, N, N, 0 },
  { "2021-03-31Tfoo", NULL, 0, N, N, 0 },
  { "", NULL, 0, N, N, 0 },

  /* Near now: a day is after now only once UTC+14 reached it. */
  { "23 November 2026", "2026-11-23", DATE_PREC_DAY, W, W, 0 },
  { "22 November 2026", "2026-11-22", DATE_PREC_DAY, W, W, 0 },
  { "2026-11-22T11:00Z", "2026-11-22T11:00Z", DATE_PREC_MINUTE, W, W, 0 },
  { "2026-11", "2026-11", DATE_PREC_MONTH, W, W, 0 },

  /* The first date wins; invalid ones are skipped. */
  { " date 2021-04 A visitor in Beijing on March 12, 2021. Confirmed on "
    "Wednesday March 31, 2021", "2021-04", DATE_PREC_MONTH, 6, 13, 0 },
  { "Jan 12, 2014 and 1999-01-01", "2014-01-12", DATE_PREC_DAY, 0, 12, 0 },
  { "see 2021-13-45 or 31 March 2021", "2021-03-31", DATE_PREC_DAY,
    18, 31, 0 },
  { "5 / 5 (1) Jan 12, 2014", "2014-01-12", DATE_PREC_DAY, 10, 22, 0 },
  { "Updated 2020-01-01, published 31 March 2019", "2020-01-01",
    DATE_PREC_DAY, 8, 18, 0 },

  /* Spaces and punctuation of real text. */
  { "31\xC2\xA0March\xC2\xA0" "2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "March\xE2\x80\xAF" "31, 2021", "2021-03-31", DATE_PREC_DAY, W, W, 0 },
  { "\xE2\x80\x94" "2021-03-31\xE2\x80\x94", "2021-03-31", DATE_PREC_DAY,
    3, 13, 0 },
  { "(March 31, 2021)", "2021-03-31", DATE_PREC_DAY, 1, 15, 0 },
};

static int64_t
case_now (int64_t now)
{
  return now ? now : NOW;
}

static void
check_find_case (const struct find_case *c)
{
  struct date d;
  size_t start = 99, end = 99, n = strlen (c->in);
  char buf[DATE_ISO_MAX];
  bool ok = date_find (c->in, n, case_now (c->now), &d, &start, &end);
  if (!c->iso)
    {
      if (ok)
        fail_msg ("\"%s\": found %s", c->in, date_iso (&d, buf));
      return;
    }
  if (!ok)
    fail_msg ("\"%s\": no date, wanted %s", c->in, c->iso);
  if (strcmp (date_iso (&d, buf), c->iso) != 0 || d.precision != c->prec)
    fail_msg ("\"%s\": got %s (%s), wanted %s (%s)", c->in, buf,
              date_precision_name (d.precision), c->iso,
              date_precision_name (c->prec));
  size_t ws = c->start == W ? 0 : (size_t) c->start;
  size_t we = c->end == W ? n : (size_t) c->end;
  if ((c->start != N && start != ws) || (c->end != N && end != we))
    fail_msg ("\"%s\": match [%zu, %zu), wanted [%zu, %zu)", c->in, start,
              end, ws, we);

  /* What date_iso wrote reads back to the same date. */
  struct date r;
  char buf2[DATE_ISO_MAX];
  assert_true (date_from_iso (buf, &r));
  assert_string_equal (date_iso (&r, buf2), buf);
  assert_int_equal (date_sort_key (&r), date_sort_key (&d));
}

static void
test_find_table (void **state)
{
  (void) state;
  for (size_t i = 0; i < ARRAY_SIZE (find_cases); i++)
    check_find_case (&find_cases[i]);
}

/* NULL out-parameters are allowed, and n bounds the text. */
static void
test_find_bounds (void **state)
{
  (void) state;
  const char *s = "31 March 2021 and more";
  assert_true (date_find (s, strlen (s), NOW, NULL, NULL, NULL));
  assert_false (date_find (s, 12, NOW, NULL, NULL, NULL));
  struct date d;
  assert_true (date_find ("2021-03-31T08:15", 10, NOW, &d, NULL, NULL));
  assert_int_equal (d.precision, DATE_PREC_DAY);
  assert_false (date_find ("", 0, NOW, &d, NULL, NULL));
}

/* A date one year after now is rejected; now itself is not. */
static void
test_future (void **state)
{
  (void) state;
  struct date d;
  const char *at_now = "2026-11-22T12:00:00Z";
  const char *later = "2027-11-22T12:00:00Z";
  assert_true (date_find (at_now, strlen (at_now), NOW, &d, NULL, NULL));
  assert_false (date_find (later, strlen (later), NOW, &d, NULL, NULL));
  assert_true (date_find (later, strlen (later), NOW + 366 * DAY, &d, NULL,
                          NULL));
  assert_false (date_parse ("2027", 4, NOW, &d));
  assert_true (date_parse ("2026", 4, NOW, &d));
  assert_false (date_parse ("2026-11-22T12:00:01Z", 20, NOW, &d));
}

struct parse_case
{
  const char *in;
  const char *iso;              /* NULL: rejected */
  enum date_precision prec;
};

static const struct parse_case parse_cases[] = {
  { "2021", "2021", DATE_PREC_YEAR },
  { "  2021.", "2021", DATE_PREC_YEAR },
  { "2021-04", "2021-04", DATE_PREC_MONTH },
  { "(2021-03-31)", "2021-03-31", DATE_PREC_DAY },
  { "Wed, 31 Mar 2021 08:15:00 +0000", "2021-03-31T08:15:00Z",
    DATE_PREC_SECOND },
  { "Wed, 31 Mar 2021 08:15:00 -0400 (EDT)", "2021-03-31T08:15:00-04:00",
    DATE_PREC_SECOND },
  { "Mittwoch, 31. März 2021", "2021-03-31", DATE_PREC_DAY },
  { "March 2021", "2021-03", DATE_PREC_MONTH },
  { "Mar 2021", "2021-03", DATE_PREC_MONTH },
  { "mar. 31, 2021", "2021-03-31", DATE_PREC_DAY },
  { "mar. 30 mars 2021", "2021-03-30", DATE_PREC_DAY },
  { "Mars 2021", "2021-03", DATE_PREC_MONTH },
  { "31/03/2021.", "2021-03-31", DATE_PREC_DAY },
  { "12/11/2021", "2021", DATE_PREC_YEAR },
  { "Thursday, January 14, 2021 3:05 PM EST", "2021-01-14T15:05-05:00",
    DATE_PREC_MINUTE },
  { "3:05 PM EST, Thursday, January 14, 2021", "2021-01-14T15:05-05:00",
    DATE_PREC_MINUTE },
  { "2021-03-31T08:15:00Z", "2021-03-31T08:15:00Z", DATE_PREC_SECOND },
  { "January 12, 2014 by Jean-Louis Santini", NULL, 0 },
  { "Date 2021", NULL, 0 },
  { "04:15", NULL, 0 },
  { "1700", NULL, 0 },
  { "20210", NULL, 0 },
  { "Wednesday", NULL, 0 },
  { "", NULL, 0 },
  { " - ", NULL, 0 },
  { "2021-13-45", NULL, 0 },
  { "31/31/2021", NULL, 0 },
};

static void
test_parse_table (void **state)
{
  (void) state;
  for (size_t i = 0; i < ARRAY_SIZE (parse_cases); i++)
    {
      const struct parse_case *c = &parse_cases[i];
      struct date d;
      char buf[DATE_ISO_MAX];
      bool ok = date_parse (c->in, strlen (c->in), NOW, &d);
      if (!c->iso)
        {
          if (ok)
            fail_msg ("parse \"%s\": got %s", c->in, date_iso (&d, buf));
          continue;
        }
      if (!ok)
        fail_msg ("parse \"%s\": rejected, wanted %s", c->in, c->iso);
      if (strcmp (date_iso (&d, buf), c->iso) != 0 || d.precision != c->prec)
        fail_msg ("parse \"%s\": got %s, wanted %s", c->in, buf, c->iso);
    }
}

static void
test_iso_round_trip (void **state)
{
  (void) state;
  static const char *const good[] = {
    "2021", "2021-04", "2021-03-31", "2021-03-31T04:15", "2021-03-31T04:15Z",
    "2021-03-31T04:15-04:00", "2021-03-31T08:15:00Z",
    "2021-03-31T08:15:00+05:30", "2021-03-31T08:15:00-03:30",
    "2021-03-31T08:15:00", "1800-01-01", "2024-02-29T23:59:59+14:00",
  };
  static const char *const bad[] = {
    "", "202", "2021-13", "2021-02-30", "2021-3-31", "2021-03-31T25:00",
    "2021-03-31T04:60", "20210331", "2021-03-31T04:15+0400",
    "2021-03-31 ", "2021-03-31T04", "abcd", "2021-03-31T04:15+15:00",
    "2023-02-29",
  };
  for (size_t i = 0; i < ARRAY_SIZE (good); i++)
    {
      struct date d;
      char buf[DATE_ISO_MAX];
      if (!date_from_iso (good[i], &d))
        fail_msg ("from_iso \"%s\" failed", good[i]);
      assert_string_equal (date_iso (&d, buf), good[i]);
    }
  for (size_t i = 0; i < ARRAY_SIZE (bad); i++)
    {
      struct date d;
      if (date_from_iso (bad[i], &d))
        fail_msg ("from_iso \"%s\" accepted", bad[i]);
    }
  struct date none = { 0 };
  char buf[DATE_ISO_MAX];
  assert_string_equal (date_iso (&none, buf), "");
}

static void
test_iso_fields (void **state)
{
  (void) state;
  struct date d;
  assert_true (date_from_iso ("2021-03-31T04:15-04:00", &d));
  assert_int_equal (d.precision, DATE_PREC_MINUTE);
  assert_int_equal (d.year, 2021);
  assert_int_equal (d.month, 3);
  assert_int_equal (d.day, 31);
  assert_int_equal (d.hour, 4);
  assert_int_equal (d.minute, 15);
  assert_true (d.has_tz);
  assert_int_equal (d.tz_minutes, -240);
  assert_true (date_from_iso ("2021", &d));
  assert_int_equal (d.month, 0);
  assert_int_equal (d.day, 0);
  assert_false (d.has_tz);
}

static int64_t
key_of (const char *iso)
{
  struct date d;
  assert_true (date_from_iso (iso, &d));
  return date_sort_key (&d);
}

static void
test_sort_key (void **state)
{
  (void) state;
  struct date none = { 0 };
  assert_int_equal (date_sort_key (&none), 0);
  assert_int_equal (key_of ("2021"), INT64_C (20210000000000));
  assert_int_equal (key_of ("2021-04"), INT64_C (20210400000000));
  assert_int_equal (key_of ("2021-03-31"), INT64_C (20210331000000));
  assert_int_equal (key_of ("2021-03-31T04:15"), INT64_C (20210331041500));
  assert_int_equal (key_of ("2021-03-31T23:30-04:00"),
                    INT64_C (20210401033000));
  assert_int_equal (key_of ("2021-01-01T01:00+05:30"),
                    INT64_C (20201231193000));
  assert_int_equal (key_of ("2021-03-31T08:15:07Z"),
                    INT64_C (20210331081507));
  assert_true (key_of ("2021") < key_of ("2021-01"));
  assert_true (key_of ("2021-01") < key_of ("2021-01-01"));
  assert_true (key_of ("2021-03-31") < key_of ("2021-03-31T00:01"));
  assert_true (key_of ("2021-03-31T04:15-04:00")
               > key_of ("2021-03-31T08:14:00Z"));
  assert_true (key_of ("2020-12-31T23:59:59Z") < key_of ("2021"));
}

static void
test_precision_name (void **state)
{
  (void) state;
  assert_null (date_precision_name (DATE_PREC_NONE));
  assert_string_equal (date_precision_name (DATE_PREC_YEAR), "year");
  assert_string_equal (date_precision_name (DATE_PREC_MONTH), "month");
  assert_string_equal (date_precision_name (DATE_PREC_DAY), "day");
  assert_string_equal (date_precision_name (DATE_PREC_MINUTE), "minute");
  assert_string_equal (date_precision_name (DATE_PREC_SECOND), "second");
}

struct name_case
{
  const char *name;
  int value;
};

/* Every key of the tables in date-names.c (so a table out of order for
   the binary search fails here), then spellings as printed. */
static const struct name_case month_names[] = {
  { "abr", 4 }, { "abril", 4 }, { "ago", 8 }, { "agosto", 8 }, { "aout", 8 },
  { "apr", 4 }, { "april", 4 }, { "aug", 8 }, { "august", 8 }, { "avr", 4 },
  { "avril", 4 }, { "dec", 12 }, { "december", 12 }, { "decembre", 12 },
  { "dez", 12 }, { "dezember", 12 }, { "dic", 12 }, { "diciembre", 12 },
  { "ene", 1 }, { "enero", 1 }, { "feb", 2 }, { "febrero", 2 },
  { "februar", 2 }, { "february", 2 }, { "fev", 2 }, { "fevr", 2 },
  { "fevrier", 2 }, { "jan", 1 }, { "janner", 1 }, { "januar", 1 },
  { "january", 1 }, { "janv", 1 }, { "janvier", 1 }, { "juil", 7 },
  { "juillet", 7 }, { "juin", 6 }, { "jul", 7 }, { "juli", 7 },
  { "julio", 7 }, { "july", 7 }, { "jun", 6 }, { "june", 6 }, { "juni", 6 },
  { "junio", 6 }, { "maerz", 3 }, { "mai", 5 }, { "mar", 3 }, { "march", 3 },
  { "mars", 3 }, { "marz", 3 }, { "marzo", 3 }, { "may", 5 }, { "mayo", 5 },
  { "nov", 11 }, { "november", 11 }, { "novembre", 11 }, { "noviembre", 11 },
  { "oct", 10 }, { "october", 10 }, { "octobre", 10 }, { "octubre", 10 },
  { "okt", 10 }, { "oktober", 10 }, { "sep", 9 }, { "sept", 9 },
  { "september", 9 }, { "septembre", 9 }, { "septiembre", 9 },
  { "setiembre", 9 },
  { "Février", 2 }, { "FÉVR", 2 }, { "août", 8 }, { "Décembre", 12 },
  { "März", 3 }, { "MÄRZ", 3 }, { "Jänner", 1 }, { "SEPTEMBER", 9 },
  { "March", 3 }, { "", 0 }, { "marc", 0 }, { "marches", 0 },
  { "Mär", 3 }, { "maybe", 0 }, { "ma", 0 }, { "mar.", 0 },
  { "janvieraaaaaaaaaaaaa", 0 }, { "m\xC3", 0 }, { "\xC3\xA6", 0 },
};

static const struct name_case weekday_names[] = {
  { "dienstag", 2 }, { "dim", 7 }, { "dimanche", 7 }, { "dom", 7 },
  { "domingo", 7 }, { "donnerstag", 4 }, { "freitag", 5 }, { "fri", 5 },
  { "friday", 5 }, { "jeu", 4 }, { "jeudi", 4 }, { "jue", 4 },
  { "jueves", 4 }, { "lun", 1 }, { "lundi", 1 }, { "lunes", 1 },
  { "mar", 2 }, { "mardi", 2 }, { "martes", 2 }, { "mer", 3 },
  { "mercredi", 3 }, { "mie", 3 }, { "miercoles", 3 }, { "mittwoch", 3 },
  { "mon", 1 }, { "monday", 1 }, { "montag", 1 }, { "sab", 6 },
  { "sabado", 6 }, { "sam", 6 }, { "samedi", 6 }, { "samstag", 6 },
  { "sat", 6 }, { "saturday", 6 }, { "sonnabend", 6 }, { "sonntag", 7 },
  { "sun", 7 }, { "sunday", 7 }, { "thu", 4 }, { "thur", 4 }, { "thurs", 4 },
  { "thursday", 4 }, { "tue", 2 }, { "tues", 2 }, { "tuesday", 2 },
  { "ven", 5 }, { "vendredi", 5 }, { "vie", 5 }, { "viernes", 5 },
  { "wed", 3 }, { "wednesday", 3 },
  { "Miércoles", 3 }, { "SÁBADO", 6 }, { "Wednesday", 3 }, { "so", 0 },
  { "weds", 0 }, { "", 0 },
};

static void
test_names (void **state)
{
  (void) state;
  for (size_t i = 0; i < ARRAY_SIZE (month_names); i++)
    {
      const char *s = month_names[i].name;
      int v = date_month_name (s, strlen (s), NULL);
      if (v != month_names[i].value)
        fail_msg ("month \"%s\": %d, wanted %d", s, v, month_names[i].value);
    }
  for (size_t i = 0; i < ARRAY_SIZE (weekday_names); i++)
    {
      const char *s = weekday_names[i].name;
      int v = date_weekday_name (s, strlen (s));
      if (v != weekday_names[i].value)
        fail_msg ("weekday \"%s\": %d, wanted %d", s, v,
                  weekday_names[i].value);
    }
  bool weak = false;
  assert_int_equal (date_month_name ("Mars", 4, &weak), 3);
  assert_true (weak);
  assert_int_equal (date_month_name ("March", 5, &weak), 3);
  assert_false (weak);
}

/* The sample collection's date lines. */
static void
test_samples (void **state)
{
  (void) state;
  static const struct
  {
    const char *line, *iso;
  } lines[] = {
    { " date 2021-04 A visitor to an exhibit views an exhibit with a replica "
      "of the Chinese Mars Rover from the Tianwen-1 spacecraft in Beijing on "
      "March 12, 2021.", "2021-04" },
    { "Wednesday 31 March 2021 04:15 EDT", "2021-03-31T04:15-04:00" },
    { "China US Space (Copyright 2021 The Associated Press. All rights "
      "reserved.)", NULL },
    { "| 15 April 2024, Monday |", "2024-04-15" },
    { "working groups that CNSA proposed to NASA in September 2006, during",
      "2006-09" },
    { "January 12, 2014 by Jean-Louis Santini", "2014-01-12" },
    { "5 / 5 (3) Jan 12, 2014", "2014-01-12" },
    { "not rated yet Jan 13, 2014", "2014-01-13" },
    { "held June 30 to July 1in Beijing. That meeting brought", NULL },
  };
  for (size_t i = 0; i < ARRAY_SIZE (lines); i++)
    {
      struct date d;
      char buf[DATE_ISO_MAX];
      bool ok = date_find (lines[i].line, strlen (lines[i].line), NOW, &d,
                           NULL, NULL);
      if (ok != (lines[i].iso != NULL)
          || (ok && strcmp (date_iso (&d, buf), lines[i].iso) != 0))
        fail_msg ("sample \"%s\": %s", lines[i].line,
                  ok ? date_iso (&d, buf) : "no date");
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_find_table),
    cmocka_unit_test (test_find_bounds),
    cmocka_unit_test (test_future),
    cmocka_unit_test (test_parse_table),
    cmocka_unit_test (test_iso_round_trip),
    cmocka_unit_test (test_iso_fields),
    cmocka_unit_test (test_sort_key),
    cmocka_unit_test (test_precision_name),
    cmocka_unit_test (test_names),
    cmocka_unit_test (test_samples),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
