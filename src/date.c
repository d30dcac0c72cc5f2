/* date.c: finding and parsing dates in article text, with their precision.

   A hand-written scanner: no regex, no locale, no mutable state, so it is
   thread-safe and costs little on lines without dates (a date needs a
   four-digit year, which is looked for first).

   Forms found (day and month names from date-names.c):
     2021-03-31  2021/03/31  2021-03-31T08:15:00Z  2021-03-31 08:15+02:00
     2021-04 (month)   31/03/2021  03/31/2021  31.03.2021  31-03-2021
     31 March 2021  12. März 2021  31 de marzo de 2021  1er avril 2021
     the 31st of March 2021 (as "31st of March 2021")
     March 31, 2021  Mar. 31 2021  March 31st, 2021  March 2021 (month)
   each optionally led by a day name ("Wed, ", "Mittwoch, ") and followed by
   a time ("04:15", "08:15:00", "2:29 p.m.", "2 pm", "14h30", "10:15 Uhr")
   after a space, a comma, "at", "à", "um", "@" or a dash, and the time by a
   zone ("Z", "+0000", "-04:00", "GMT+2", "EDT", "ET", "CEST"...).  The
   time may also come first: "10:32 AM ET, Wed March 31, 2021".

   Decisions:
   - Years run from DATE_YEAR_MIN to now's year; two-digit years are never
     taken.  A lone year is no date for date_find (too many numbers in text
     look like one) but is year precision for date_parse (a header field).
   - A date is "after now" when its earliest instant is: for a time with a
     zone the exact instant; otherwise the local time at UTC+14, the first
     zone to reach it.  Such dates are rejected.
   - Numeric day/month order is settled when one part is above 12; when both
     are 12 or below and differ, only the year is kept; when they are equal
     the order does not matter and the day is kept.
   - ET, CT, MT, PT (US generic zones) are daylight time when the US rule of
     that year says so: since 2007 from the second Sunday in March to the
     first in November, 1987-2006 from the first Sunday in April to the last
     in October, 1967-1986 from the last Sunday in April to the last in
     October, changing at 02:00 local; before 1967, standard time.
   - IST is India (+05:30), BST British Summer Time (+01:00).
   - Zone words are taken in capitals only ("et" is French for "and"); a
     numeric offset needs a space before it unless the date is ISO 8601
     ("10:30-12:00" is a range more often than a zone). */
#include "system.h"
#include "date.h"

#define DATE_YEAR_MIN 1800

/* UTC+14 (Line Islands) is the first zone to reach any local time. */
#define DATE_TZ_EARLIEST (14 * 60)

struct date_zone
{
  const char *name;
  short minutes;                /* standard offset east of UTC */
  bool us_generic;              /* +60 when US daylight time applies */
};

static const struct date_zone date_zones[] = {
  { "UTC", 0, false }, { "GMT", 0, false }, { "UT", 0, false },
  { "Z", 0, false },
  { "ET", -300, true }, { "CT", -360, true }, { "MT", -420, true },
  { "PT", -480, true },
  { "EST", -300, false }, { "EDT", -240, false },
  { "CST", -360, false }, { "CDT", -300, false },
  { "MST", -420, false }, { "MDT", -360, false },
  { "PST", -480, false }, { "PDT", -420, false },
  { "AKST", -540, false }, { "AKDT", -480, false },
  { "HST", -600, false },
  { "WET", 0, false }, { "WEST", 60, false }, { "BST", 60, false },
  { "CET", 60, false }, { "CEST", 120, false },
  { "MEZ", 60, false }, { "MESZ", 120, false },
  { "EET", 120, false }, { "EEST", 180, false }, { "MSK", 180, false },
  { "IST", 330, false },
  { "HKT", 480, false }, { "SGT", 480, false }, { "AWST", 480, false },
  { "JST", 540, false }, { "KST", 540, false },
  { "ACST", 570, false }, { "ACDT", 630, false },
  { "AEST", 600, false }, { "AEDT", 660, false },
  { "NZST", 720, false }, { "NZDT", 780, false },
};

/* What the scanner works on: the text, the clock, and whether a "weak"
   month name may stand without a day. */
struct date_scan
{
  const char *s;
  size_t n;
  int64_t now;
  bool weak_ok;
};

/* ---- calendar ------------------------------------------------------------ */

static bool
date_is_leap (int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
date_days_in_month (int y, int m)
{
  static const unsigned char days[12]
    = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  return m == 2 && date_is_leap (y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int64_t
date_days_from_civil (int y, int m, int d)
{
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
date_civil_from_days (int64_t z, int *y, int *m, int *d)
{
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = (int) (yoe + era * 400 + (*m <= 2));
}

/* 0 = Sunday. */
static int
date_weekday (int y, int m, int d)
{
  int64_t z = date_days_from_civil (y, m, d);
  return (int) (((z % 7) + 11) % 7);
}

/* The day of month of the nth (1-based) Sunday, or the last when n is 0. */
static int
date_sunday (int y, int m, int nth)
{
  if (nth == 0)
    {
      int last = date_days_in_month (y, m);
      return last - date_weekday (y, m, last);
    }
  int first = 1 + (7 - date_weekday (y, m, 1)) % 7;
  return first + 7 * (nth - 1);
}

/* Whether US daylight time is in effect at local standard time y-m-d h:00
   (see the rule at the top of the file). */
static bool
date_us_dst (int y, int m, int d, int h)
{
  int sm, sd, em, ed;
  if (y >= 2007)
    sm = 3, sd = date_sunday (y, 3, 2), em = 11, ed = date_sunday (y, 11, 1);
  else if (y >= 1987)
    sm = 4, sd = date_sunday (y, 4, 1), em = 10, ed = date_sunday (y, 10, 0);
  else if (y >= 1967)
    sm = 4, sd = date_sunday (y, 4, 0), em = 10, ed = date_sunday (y, 10, 0);
  else
    return false;
  int at = (m * 32 + d) * 24 + h;
  return at >= (sm * 32 + sd) * 24 + 2 && at < (em * 32 + ed) * 24 + 2;
}

/* Seconds since the epoch of the date's earliest instant: unknown parts at
   their earliest, and without a zone at UTC+14. */
static int64_t
date_earliest (const struct date *d)
{
  int m = d->precision >= DATE_PREC_MONTH ? d->month : 1;
  int dd = d->precision >= DATE_PREC_DAY ? d->day : 1;
  int64_t t = date_days_from_civil (d->year, m, dd) * 86400;
  if (d->precision >= DATE_PREC_MINUTE)
    t += d->hour * 3600 + d->minute * 60
         + (d->precision == DATE_PREC_SECOND ? d->second : 0);
  int tz = d->precision >= DATE_PREC_MINUTE && d->has_tz
             ? d->tz_minutes : DATE_TZ_EARLIEST;
  return t - (int64_t) tz * 60;
}

/* Whether the fields of *d make a real date of its precision. */
static bool
date_fields_valid (const struct date *d)
{
  if (d->precision <= DATE_PREC_NONE || d->precision > DATE_PREC_SECOND)
    return false;
  if (d->year < 1 || d->year > 9999)
    return false;
  if (d->precision >= DATE_PREC_MONTH && (d->month < 1 || d->month > 12))
    return false;
  if (d->precision >= DATE_PREC_DAY
      && (d->day < 1 || d->day > date_days_in_month (d->year, d->month)))
    return false;
  if (d->precision >= DATE_PREC_MINUTE
      && (d->hour < 0 || d->hour > 23 || d->minute < 0 || d->minute > 59))
    return false;
  if (d->precision == DATE_PREC_SECOND && (d->second < 0 || d->second > 59))
    return false;
  if (d->has_tz && (d->tz_minutes < -14 * 60 || d->tz_minutes > 14 * 60))
    return false;
  return true;
}

/* Whether *d is a valid date in DATE_YEAR_MIN..now that is not after now. */
static bool
date_acceptable (const struct date *d, int64_t now)
{
  return date_fields_valid (d) && d->year >= DATE_YEAR_MIN
         && date_earliest (d) <= now;
}

/* ---- characters -------------------------------------------------------- */

static bool
date_digit (unsigned char c)
{
  return c >= '0' && c <= '9';
}

/* A separator inside a numeric date ("31/03/2021", "2021-03-31"). */
static bool
date_numsep (char c)
{
  return c == '-' || c == '/' || c == '.';
}

static bool
date_alpha (unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
date_upper (unsigned char c)
{
  return c >= 'A' && c <= 'Z';
}

/* Decodes the code point at s[i] (i < n); returns its length.  Invalid
   bytes come back one at a time as U+FFFD. */
static size_t
date_utf8 (const char *s, size_t n, size_t i, uint32_t *cp)
{
  unsigned char c = s[i];
  size_t len;
  uint32_t v;
  if (c < 0x80)
    {
      *cp = c;
      return 1;
    }
  else if (c >= 0xC2 && c <= 0xDF)
    len = 2, v = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF)
    len = 3, v = c & 0x0F;
  else if (c >= 0xF0 && c <= 0xF4)
    len = 4, v = c & 0x07;
  else
    {
      *cp = 0xFFFD;
      return 1;
    }
  if (i + len > n)
    {
      *cp = 0xFFFD;
      return 1;
    }
  for (size_t k = 1; k < len; k++)
    {
      unsigned char b = s[i + k];
      if ((b & 0xC0) != 0x80)
        {
          *cp = 0xFFFD;
          return 1;
        }
      v = (v << 6) | (b & 0x3F);
    }
  *cp = v;
  return len;
}

static bool
date_cp_space (uint32_t cp)
{
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f'
         || cp == '\v' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A)
         || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Letters and digits of any script, roughly: what may not touch a date. */
static bool
date_cp_word (uint32_t cp)
{
  if (cp < 0x80)
    return date_alpha (cp) || date_digit (cp);
  return !(cp <= 0xBF || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD
           || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F)
           || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF20));
}

/* Whether a letter or digit starts at s[i] (false at the end). */
static bool
date_word_at (const char *s, size_t n, size_t i)
{
  uint32_t cp;
  return i < n && (date_utf8 (s, n, i, &cp), date_cp_word (cp));
}

/* Whether a letter or digit ends right before s[i]. */
static bool
date_word_before (const char *s, size_t n, size_t i)
{
  if (i == 0)
    return false;
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && ((unsigned char) s[j] & 0xC0) == 0x80)
    j--;
  uint32_t cp;
  size_t len = date_utf8 (s, n, j, &cp);
  if (j + len != i)
    return ((unsigned char) s[i - 1]) >= 0x80;  /* stray bytes: be careful */
  return date_cp_word (cp);
}

static size_t
date_skip_space (const char *s, size_t n, size_t i)
{
  while (i < n)
    {
      unsigned char c = s[i];
      if (c == ' ' || (c >= '\t' && c <= '\r'))
        {
          i++;
          continue;
        }
      /* Only U+00A0, U+2000.., U+3000 are spaces beyond ASCII. */
      if (c != 0xC2 && c != 0xE2 && c != 0xE3)
        break;
      uint32_t cp;
      size_t len = date_utf8 (s, n, i, &cp);
      if (!date_cp_space (cp))
        break;
      i += len;
    }
  return i;
}

/* The start of the spaces that end right before s[i]. */
static size_t
date_skip_space_back (const char *s, size_t i)
{
  for (;;)
    {
      if (i >= 1 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
        i--;
      else if (i >= 2 && (unsigned char) s[i - 2] == 0xC2
               && (unsigned char) s[i - 1] == 0xA0)
        i -= 2;
      else if (i >= 3 && (unsigned char) s[i - 3] == 0xE2
               && (unsigned char) s[i - 2] == 0x80
               && ((unsigned char) s[i - 1] == 0xAF
                   || (unsigned char) s[i - 1] == 0x89))
        i -= 3;
      else
        return i;
    }
}

/* Reads the run of digits at s[i]; returns its length and, when at most 9
   digits long, its value in *v. */
static size_t
date_digits (const char *s, size_t n, size_t i, int *v)
{
  size_t k = 0;
  int val = 0;
  while (i + k < n && date_digit (s[i + k]))
    {
      if (k < 9)
        val = val * 10 + (s[i + k] - '0');
      k++;
    }
  *v = val;
  return k;
}

/* The end of the run of letters (ASCII or Latin-1 accented) at s[i]. */
static size_t
date_letters (const char *s, size_t n, size_t i)
{
  while (i < n)
    {
      unsigned char c = s[i];
      if (date_alpha (c))
        i++;
      else if (c == 0xC3 && i + 1 < n
               && ((unsigned char) s[i + 1] & 0xC0) == 0x80)
        i += 2;
      else
        break;
    }
  return i;
}

/* Whether the ASCII word w (lower case) is at s[i], case-insensitively,
   and not followed by another letter or digit. */
static bool
date_keyword (const char *s, size_t n, size_t i, const char *w)
{
  size_t len = strlen (w);
  if (i + len > n)
    return false;
  for (size_t k = 0; k < len; k++)
    {
      unsigned char c = s[i + k];
      if (c >= 'A' && c <= 'Z')
        c = c - 'A' + 'a';
      if (c != (unsigned char) w[k])
        return false;
    }
  return !date_word_at (s, n, i + len);
}

/* Whether a number ending at s[i] ends there: no letter or digit next, and
   no separator leading to more digits ("555-123-4567", "1.2.3"). */
static bool
date_number_ends (const char *s, size_t n, size_t i)
{
  if (date_word_at (s, n, i))
    return false;
  return !(i + 1 < n && (date_numsep (s[i]) || s[i] == ':')
           && date_digit (s[i + 1]));
}

/* Whether a number starting at s[i] starts there (the mirror image). */
static bool
date_number_starts (const char *s, size_t n, size_t i)
{
  if (date_word_before (s, n, i))
    return false;
  return !(i >= 2
           && (date_numsep (s[i - 1]) || s[i - 1] == ':' || s[i - 1] == '+')
           && date_digit (s[i - 2]));
}

/* ---- zones and times ----------------------------------------------------- */

/* Reads a numeric offset at s[i] ("+0000", "-04:00", "+05:30", "+02"; with
   'short_ok' also "+2" as in "GMT+2").  Returns its end, or 0. */
static size_t
date_scan_offset (const char *s, size_t n, size_t i, bool short_ok,
                  int *minutes)
{
  if (i >= n || (s[i] != '+' && s[i] != '-'))
    return 0;
  int sign = s[i] == '-' ? -1 : 1;
  int v, h, m = 0;
  size_t j = i + 1;
  size_t k = date_digits (s, n, j, &v);
  if (k == 4)
    h = v / 100, m = v % 100, j += 4;
  else if (k == 2 || (k == 1 && short_ok))
    {
      h = v;
      j += k;
      if (j + 2 < n && s[j] == ':' && date_digits (s, n, j + 1, &v) == 2)
        m = v, j += 3;
    }
  else
    return 0;
  if (h > 14 || m > 59 || date_word_at (s, n, j))
    return 0;
  *minutes = sign * (h * 60 + m);
  return j;
}

/* Skips an RFC 2822 zone comment such as " (UTC)" after a numeric offset. */
static size_t
date_skip_zone_comment (const char *s, size_t n, size_t i)
{
  size_t j = date_skip_space (s, n, i);
  if (j >= n || s[j] != '(')
    return i;
  size_t k = j + 1;
  while (k < n && date_upper (s[k]))
    k++;
  return k > j + 1 && k < n && s[k] == ')' ? k + 1 : i;
}

/* Reads a zone after a time ending at s[i]; fills d->has_tz and
   d->tz_minutes (the date and time of *d are already set, for ET and
   friends).  Returns the end of the zone, or i when there is none. */
static size_t
date_scan_zone (const char *s, size_t n, size_t i, bool iso, struct date *d)
{
  int minutes;
  size_t j;
  if (i < n && s[i] == 'Z' && !date_word_at (s, n, i + 1))
    {
      d->has_tz = true;
      d->tz_minutes = 0;
      return i + 1;
    }
  if (iso && (j = date_scan_offset (s, n, i, false, &minutes)))
    goto offset;
  size_t k = date_skip_space (s, n, i);
  if (k == i)
    return i;
  if ((j = date_scan_offset (s, n, k, false, &minutes)))
    goto offset;
  size_t e = k;
  while (e < n && date_upper (s[e]))
    e++;
  /* "GMT+2", "UTC-04:00" */
  if (e - k == 3 && e < n && (s[e] == '+' || s[e] == '-')
      && (memcmp (s + k, "GMT", 3) == 0 || memcmp (s + k, "UTC", 3) == 0)
      && (j = date_scan_offset (s, n, e, true, &minutes)))
    goto offset;
  if (e == k || e - k > 4 || date_word_at (s, n, e))
    return i;
  for (size_t z = 0; z < ARRAY_SIZE (date_zones); z++)
    {
      const struct date_zone *zone = &date_zones[z];
      if (strlen (zone->name) != e - k || memcmp (zone->name, s + k, e - k))
        continue;
      d->has_tz = true;
      d->tz_minutes = zone->minutes;
      if (zone->us_generic
          && date_us_dst (d->year, d->month, d->day, d->hour))
        d->tz_minutes += 60;
      return e;
    }
  return i;

offset:
  d->has_tz = true;
  d->tz_minutes = minutes;
  return date_skip_zone_comment (s, n, j);
}

/* Reads "am", "pm", "a.m.", "p.m." (any case) at s[i]: returns 1 for am,
   2 for pm, 0 for neither, and the end in *end. */
static int
date_scan_ampm (const char *s, size_t n, size_t i, size_t *end)
{
  if (i >= n)
    return 0;
  char c = s[i] | 0x20;
  if (c != 'a' && c != 'p')
    return 0;
  size_t j = i + 1;
  bool dots = j < n && s[j] == '.';
  j += dots;
  if (j >= n || (s[j] | 0x20) != 'm')
    return 0;
  j++;
  if (dots && j < n && s[j] == '.')
    j++;
  if (date_word_at (s, n, j))
    return 0;
  *end = j;
  return c == 'a' ? 1 : 2;
}

/* Reads a time of day at s[i] into *d (whose date is set) with its zone,
   raising the precision to minute or second.  'iso' allows an offset
   right after the time.  Returns the end, or 0 when there is no time. */
static size_t
date_scan_time (const char *s, size_t n, size_t i, bool iso, struct date *d)
{
  int h, mi = 0, sec = 0, v;
  bool has_min = false, has_sec = false;
  size_t k = date_digits (s, n, i, &h);
  if (k < 1 || k > 2)
    return 0;
  size_t j = i + k;
  if (j + 2 < n && (s[j] == ':' || (!iso && (s[j] == 'h' || s[j] == 'H')))
      && date_digits (s, n, j + 1, &v) == 2)
    {
      bool colon = s[j] == ':';
      mi = v, has_min = true, j += 3;
      if (colon && j + 2 < n && s[j] == ':'
          && date_digits (s, n, j + 1, &v) == 2)
        {
          sec = v, has_sec = true, j += 3;
          if (j + 1 < n && (s[j] == '.' || s[j] == ',')
              && date_digit (s[j + 1]))
            j += 1 + date_digits (s, n, j + 1, &v);
        }
    }
  size_t e;
  int ampm = date_scan_ampm (s, n, date_skip_space (s, n, j), &e);
  if (ampm)
    {
      if (h < 1 || h > 12)
        return 0;
      h = h % 12 + (ampm == 2 ? 12 : 0);
      j = e;
    }
  else if (!has_min)
    return 0;
  if (h > 23 || mi > 59 || sec > 59)
    return 0;
  if (!iso)
    {
      e = date_skip_space (s, n, j);
      if (date_keyword (s, n, e, "uhr"))
        j = e + 3;
    }
  struct date t = *d;
  t.hour = h, t.minute = mi, t.second = sec;
  t.precision = has_sec ? DATE_PREC_SECOND : DATE_PREC_MINUTE;
  t.has_tz = false, t.tz_minutes = 0;
  j = date_scan_zone (s, n, j, iso, &t);
  if (date_word_at (s, n, j))
    return 0;
  *d = t;
  return j;
}

/* After a date ending at s[i], reads an optional time introduced by
   spaces, a comma, "at", "à", "um", "@" or a dash.  Returns the new end
   (i when there is no time). */
static size_t
date_scan_time_after (const char *s, size_t n, size_t i, struct date *d)
{
  size_t j = date_skip_space (s, n, i);
  if (j < n && s[j] == ',')
    j = date_skip_space (s, n, j + 1);
  if (date_keyword (s, n, j, "at") || date_keyword (s, n, j, "um"))
    j = date_skip_space (s, n, j + 2);
  else if (j + 1 < n && (unsigned char) s[j] == 0xC3
           && (unsigned char) s[j + 1] == 0xA0 && !date_word_at (s, n, j + 2))
    j = date_skip_space (s, n, j + 2);                  /* "à" */
  else if (j < n && (s[j] == '@' || s[j] == '-'))
    j = date_skip_space (s, n, j + 1);
  else if (j + 3 <= n && memcmp (s + j, "\xE2\x80\x93", 3) == 0)
    j = date_skip_space (s, n, j + 3);                  /* en dash */
  if (j == i || j >= n || !date_digit (s[j]) || date_word_before (s, n, j))
    return i;
  struct date t = *d;
  size_t e = date_scan_time (s, n, j, false, &t);
  if (e == 0)
    return i;
  *d = t;
  return e;
}

/* ---- date forms ---------------------------------------------------------- */

/* What trying a form at a position gave: nothing, a date, or something
   shaped like a date that is no valid one ("29 February 2021"), whose
   parts must not be read again as a shorter date ("February 2021"). */
enum date_try
{
  TRY_NONE = 0,
  TRY_FOUND,
  TRY_SKIP                      /* resume the scan at the match's end */
};

/* A match being built: the date and the byte range. */
struct date_match
{
  struct date d;
  size_t start, end;
};

/* Reads a four-digit year at s[i], ending as a number should. */
static bool
date_scan_year (const char *s, size_t n, size_t i, int *y)
{
  return date_digits (s, n, i, y) == 4 && date_number_ends (s, n, i + 4);
}

/* ISO-like, year first, at the four digits at s[i]: "2021-03-31" (also
   with '/' or '.'), an optional "T08:15:00Z" or " 08:15", or "2021-04". */
static enum date_try
date_form_ymd (const struct date_scan *sc, size_t i, struct date_match *m)
{
  const char *s = sc->s;
  size_t n = sc->n;
  int y, mo, dd;
  size_t j = i + 4;
  if (j + 1 >= n || !date_numsep (s[j]))
    return TRY_NONE;
  char sep = s[j];
  date_digits (s, n, i, &y);
  size_t k = date_digits (s, n, j + 1, &mo);
  if (k < 1 || k > 2)
    return TRY_NONE;
  j += 1 + k;
  memset (&m->d, 0, sizeof m->d);
  m->d.year = y;
  m->d.month = mo;
  if (j + 1 < n && s[j] == sep && date_digit (s[j + 1]))
    {
      k = date_digits (s, n, j + 1, &dd);
      if (k < 1 || k > 2)
        return TRY_NONE;
      j += 1 + k;
      m->d.day = dd;
      m->d.precision = DATE_PREC_DAY;
      if (j + 1 < n && (s[j] == 'T' || s[j] == ' ') && date_digit (s[j + 1]))
        {
          struct date t = m->d;
          size_t e = date_scan_time (s, n, j + 1, true, &t);
          if (e)
            m->d = t, j = e;
          else if (s[j] == 'T')
            return TRY_NONE;
        }
    }
  else if (sep == '-' && k == 2)
    m->d.precision = DATE_PREC_MONTH;
  else
    return TRY_NONE;
  if (!date_number_ends (s, n, j))
    return TRY_NONE;
  m->start = i;
  m->end = j;
  return date_acceptable (&m->d, sc->now) ? TRY_FOUND : TRY_SKIP;
}

/* Numeric, year last, at the one or two digits at s[i]: "31/03/2021",
   "03/31/2021", "31.03.2021", "31-03-2021", the order settled as the top
   of the file says. */
static enum date_try
date_form_dmy_numeric (const struct date_scan *sc, size_t i,
                       struct date_match *m)
{
  const char *s = sc->s;
  size_t n = sc->n;
  int a, b, y;
  size_t ka = date_digits (s, n, i, &a);
  size_t j = i + ka;
  if (j + 1 >= n || !date_numsep (s[j]))
    return TRY_NONE;
  char sep = s[j];
  size_t kb = date_digits (s, n, j + 1, &b);
  if (kb < 1 || kb > 2)
    return TRY_NONE;
  j += 1 + kb;
  if (j + 1 >= n || s[j] != sep || !date_scan_year (s, n, j + 1, &y))
    return TRY_NONE;
  j += 5;
  memset (&m->d, 0, sizeof m->d);
  m->d.year = y;
  m->start = i;
  m->end = j;
  if (a > 12 && b > 12)
    return TRY_SKIP;
  if (a > 12 || b > 12 || a == b)
    {
      m->d.precision = DATE_PREC_DAY;
      m->d.day = a > 12 ? a : b;
      m->d.month = a > 12 ? b : a;
      if (!date_acceptable (&m->d, sc->now))
        return TRY_SKIP;
      m->end = date_scan_time_after (s, n, j, &m->d);
    }
  else
    {
      /* Both orders are real dates; keep the year if either is past. */
      struct date x = m->d, z = m->d;
      x.precision = z.precision = DATE_PREC_DAY;
      x.day = a, x.month = b;
      z.day = b, z.month = a;
      if (!date_acceptable (&x, sc->now) && !date_acceptable (&z, sc->now))
        return TRY_SKIP;
      m->d.precision = DATE_PREC_YEAR;
    }
  return TRY_FOUND;
}

/* Skips an ordinal ending after a day number at s[i]: "st", "nd", "rd",
   "th", French "er" (1er), or German '.' (12.).  Returns the new end. */
static size_t
date_skip_ordinal (const char *s, size_t n, size_t i)
{
  static const char *const ords[] = { "st", "nd", "rd", "th", "er" };
  if (i < n && s[i] == '.')
    return i + 1;
  for (size_t k = 0; k < ARRAY_SIZE (ords); k++)
    if (i + 2 <= n && (s[i] | 0x20) == ords[k][0]
        && (s[i + 1] | 0x20) == ords[k][1] && !date_word_at (s, n, i + 2))
      return i + 2;
  return i;
}

/* Reads a month name at s[i] with an optional dot, and whether it is weak
   ("mars").  Returns the end, or 0. */
static size_t
date_scan_month (const char *s, size_t n, size_t i, int *mo, bool *weak)
{
  size_t e = date_letters (s, n, i);
  if (e == i || date_word_at (s, n, e))
    return 0;
  *mo = date_month_name (s + i, e - i, weak);
  if (*mo == 0)
    return 0;
  return e < n && s[e] == '.' ? e + 1 : e;
}

/* Skips what may stand between parts of a written date: spaces, at most
   one comma, and a connector word ("de", "of").  Returns the new position,
   which is i when nothing (or only a connector with no space) was there. */
static size_t
date_skip_between (const char *s, size_t n, size_t i, bool connector)
{
  size_t j = date_skip_space (s, n, i);
  if (j < n && s[j] == ',')
    j = date_skip_space (s, n, j + 1);
  if (connector && j > i
      && (date_keyword (s, n, j, "de") || date_keyword (s, n, j, "of")))
    {
      size_t k = date_skip_space (s, n, j + 2);
      if (k > j + 2)
        j = k;
    }
  return j;
}

/* Day first, at the one or two digits at s[i]: "31 March 2021",
   "12. März 2021", "31 de marzo de 2021", "1er avril 2021", "31st of March
   2021", with an optional time. */
static enum date_try
date_form_dmy_named (const struct date_scan *sc, size_t i,
                     struct date_match *m)
{
  const char *s = sc->s;
  size_t n = sc->n;
  int dd, mo, y;
  size_t k = date_digits (s, n, i, &dd);
  size_t j = date_skip_ordinal (s, n, i + k);
  bool dot = j > i + k && s[j - 1] == '.';
  size_t e = date_skip_between (s, n, j, true);
  if (e == j && !dot)
    return TRY_NONE;
  bool weak;
  j = date_scan_month (s, n, e, &mo, &weak);
  if (j == 0)
    return TRY_NONE;
  e = date_skip_between (s, n, j, true);
  if ((e == j && s[j - 1] != '.') || !date_scan_year (s, n, e, &y))
    return TRY_NONE;
  memset (&m->d, 0, sizeof m->d);
  m->d.precision = DATE_PREC_DAY;
  m->d.year = y, m->d.month = mo, m->d.day = dd;
  m->start = i;
  m->end = e + 4;
  if (!date_acceptable (&m->d, sc->now))
    return TRY_SKIP;
  m->end = date_scan_time_after (s, n, e + 4, &m->d);
  return TRY_FOUND;
}

/* Month first, at the word at s[i]: "March 31, 2021", "Mar. 31 2021",
   "March 31st, 2021" with an optional time, or "March 2021", "marzo de
   2021" (month precision; not for weak names in running text). */
static enum date_try
date_form_mdy_named (const struct date_scan *sc, size_t i,
                     struct date_match *m)
{
  const char *s = sc->s;
  size_t n = sc->n;
  int dd, mo, y;
  bool weak;
  size_t j = date_scan_month (s, n, i, &mo, &weak);
  if (j == 0)
    return TRY_NONE;
  size_t e = date_skip_between (s, n, j, true);
  if ((e == j && s[j - 1] != '.') || e >= n || !date_digit (s[e]))
    return TRY_NONE;
  memset (&m->d, 0, sizeof m->d);
  m->d.month = mo;
  m->start = i;
  size_t k = date_digits (s, n, e, &dd);
  if (k == 4)
    {
      if ((weak && !sc->weak_ok) || !date_scan_year (s, n, e, &y))
        return TRY_NONE;
      m->d.precision = DATE_PREC_MONTH;
      m->d.year = y;
      m->end = e + 4;
      return date_acceptable (&m->d, sc->now) ? TRY_FOUND : TRY_SKIP;
    }
  if (k > 2)
    return TRY_NONE;
  j = date_skip_ordinal (s, n, e + k);
  if (j < n && s[j] == '.')
    return TRY_NONE;                       /* "March 12.5" */
  e = date_skip_between (s, n, j, false);
  if (e == j || !date_scan_year (s, n, e, &y))
    return TRY_NONE;
  m->d.precision = DATE_PREC_DAY;
  m->d.year = y, m->d.day = dd;
  m->end = e + 4;
  if (!date_acceptable (&m->d, sc->now))
    return TRY_SKIP;
  m->end = date_scan_time_after (s, n, e + 4, &m->d);
  return TRY_FOUND;
}

static enum date_try date_form_time_first (const struct date_scan *sc,
                                           size_t i, struct date_match *m);

/* Tries every form that may start with the digits at s[i]; a time first
   only when 'time_first' (not after a time already). */
static enum date_try
date_try_number (const struct date_scan *sc, size_t i, size_t len,
                 bool time_first, struct date_match *m)
{
  if (!date_number_starts (sc->s, sc->n, i))
    return TRY_NONE;
  if (len == 4)
    return date_form_ymd (sc, i, m);
  if (len > 2)
    return TRY_NONE;
  enum date_try t = date_form_dmy_numeric (sc, i, m);
  if (t == TRY_NONE)
    t = date_form_dmy_named (sc, i, m);
  /* Hours alone ("2 pm") before a day are rare: want the minutes. */
  size_t j = i + len;
  if (t == TRY_NONE && time_first && j + 2 < sc->n
      && (sc->s[j] == ':' || sc->s[j] == 'h' || sc->s[j] == 'H')
      && date_digit (sc->s[j + 1]))
    t = date_form_time_first (sc, i, m);
  return t;
}

/* A time before a day: "10:32 AM ET, Wed March 31, 2021", "8:15 a.m. EST
   January 5, 2021".  Only commas and spaces (and a day name) may stand
   between them, and the day must have no time of its own. */
static enum date_try
date_form_time_first (const struct date_scan *sc, size_t i,
                      struct date_match *m)
{
  const char *s = sc->s;
  size_t n = sc->n;
  struct date t = { .year = 2000, .month = 1, .day = 1 };
  size_t e = date_scan_time (s, n, i, false, &t);
  if (e == 0)
    return TRY_NONE;
  size_t j = date_skip_between (s, n, e, false);
  if (j == e || j >= n)
    return TRY_NONE;
  size_t we = date_letters (s, n, j);
  if (we > j && date_weekday_name (s + j, we - j))
    {
      size_t k = date_skip_between (s, n, we < n && s[we] == '.' ? we + 1 : we,
                                    false);
      if (k > we)
        j = k;
    }
  enum date_try r = TRY_NONE;
  if (j >= n)
    return TRY_NONE;
  if (date_digit (s[j]))
    {
      int v;
      r = date_try_number (sc, j, date_digits (s, n, j, &v), false, m);
    }
  else if (date_alpha (s[j]) || (unsigned char) s[j] == 0xC3)
    r = date_form_mdy_named (sc, j, m);
  if (r != TRY_FOUND || m->d.precision != DATE_PREC_DAY)
    return TRY_NONE;
  /* Read the time again on the real day: ET depends on it. */
  t = m->d;
  if (date_scan_time (s, n, i, false, &t) != e
      || !date_acceptable (&t, sc->now))
    return TRY_NONE;
  m->d = t;
  m->start = i;
  return TRY_FOUND;
}

/* Widens a match that starts at s[i] over a day name before it
   ("Wednesday ", "Wed, ", "Mittwoch, ").  Returns the new start. */
static size_t
date_widen_weekday (const char *s, size_t n, size_t i)
{
  size_t j = date_skip_space_back (s, i);
  if (j > 0 && s[j - 1] == ',')
    j = date_skip_space_back (s, j - 1);
  if (j > 0 && s[j - 1] == '.')
    j--;
  if (j == i)
    return i;
  size_t we = j;
  while (j > 0)
    {
      if (date_alpha (s[j - 1]))
        j--;
      else if (j >= 2 && (unsigned char) s[j - 2] == 0xC3
               && ((unsigned char) s[j - 1] & 0xC0) == 0x80)
        j -= 2;
      else
        break;
    }
  if (j == we || date_word_before (s, n, j)
      || date_weekday_name (s + j, we - j) == 0)
    return i;
  return j;
}

/* Whether s[0..n) holds a run of exactly four digits that may be a year:
   every form needs one. */
static bool
date_has_year (const char *s, size_t n)
{
  size_t run = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (date_digit (s[i]))
        run++;
      else
        {
          if (run == 4 && (s[i - 4] == '1' || s[i - 4] == '2'))
            return true;
          run = 0;
        }
    }
  return run == 4 && (s[n - 4] == '1' || s[n - 4] == '2');
}

/* Whether a month name may start at s[i]: a cheap look at the next bytes
   before the table lookup.  Names are 3..10 letters, and a day or year
   (or "de") follows after an optional dot and spaces. */
static bool
date_may_be_month (const char *s, size_t n, size_t i, size_t e)
{
  if (e - i < 3 || e - i > 12)
    return false;
  if (e < n && s[e] == '.')
    e++;
  size_t j = date_skip_space (s, n, e);
  return j < n && (date_digit (s[j]) || s[j] == 'd');
}

bool
date_find (const char *s, size_t n, int64_t now, struct date *d,
           size_t *start, size_t *end)
{
  struct date_scan sc = { s, n, now, false };
  struct date_match m;
  if (!date_has_year (s, n))
    return false;
  for (size_t i = 0; i < n;)
    {
      unsigned char c = s[i];
      if (date_digit (c))
        {
          int v;
          size_t len = date_digits (s, n, i, &v);
          enum date_try t = date_try_number (&sc, i, len, true, &m);
          if (t == TRY_FOUND)
            goto found;
          i = t == TRY_SKIP ? m.end : i + len;
        }
      else if (date_alpha (c) || c == 0xC3)
        {
          size_t e = date_letters (s, n, i);
          enum date_try t = TRY_NONE;
          if (e == i)
            e = i + 1;
          else if (date_may_be_month (s, n, i, e)
                   && !date_word_before (s, n, i))
            t = date_form_mdy_named (&sc, i, &m);
          if (t == TRY_FOUND)
            goto found;
          i = t == TRY_SKIP ? m.end : e;
        }
      else
        i++;
    }
  return false;

found:
  m.start = date_widen_weekday (s, n, m.start);
  if (d)
    *d = m.d;
  if (start)
    *start = m.start;
  if (end)
    *end = m.end;
  return true;
}

/* Whether s[i..n) holds only spaces and punctuation. */
static bool
date_only_punct (const char *s, size_t n, size_t i)
{
  while (i < n)
    {
      uint32_t cp;
      size_t len = date_utf8 (s, n, i, &cp);
      if (date_cp_word (cp))
        return false;
      i += len;
    }
  return true;
}

/* Parses s[i..n) as one date followed by nothing but spaces and
   punctuation; a lone year counts. */
static bool
date_parse_at (const struct date_scan *sc, size_t i, struct date *d)
{
  const char *s = sc->s;
  size_t n = sc->n;
  struct date_match m;
  enum date_try t = TRY_NONE;
  int y;
  if (i >= n)
    return false;
  if (date_digit (s[i]))
    {
      size_t len = date_digits (s, n, i, &y);
      if (len == 4 && date_only_punct (s, n, i + 4))
        {
          memset (d, 0, sizeof *d);
          d->precision = DATE_PREC_YEAR;
          d->year = y;
          return date_acceptable (d, sc->now);
        }
      t = date_try_number (sc, i, len, true, &m);
    }
  else if (date_alpha (s[i]) || (unsigned char) s[i] == 0xC3)
    t = date_form_mdy_named (sc, i, &m);
  if (t != TRY_FOUND || !date_only_punct (s, n, m.end))
    return false;
  *d = m.d;
  return true;
}

bool
date_parse (const char *s, size_t n, int64_t now, struct date *d)
{
  struct date_scan sc = { s, n, now, true };
  struct date r;
  size_t i = 0;
  while (i < n)
    {
      uint32_t cp;
      size_t len = date_utf8 (s, n, i, &cp);
      if (date_cp_word (cp) || cp == '+')
        break;
      i += len;
    }
  bool ok = date_parse_at (&sc, i, &r);
  /* After a leading day name: "Wed, 31 Mar 2021 08:15:00 +0000".  Tried
     second, as "Mar" is both Tuesday (mardi, martes) and March. */
  size_t e = date_letters (s, n, i);
  if (!ok && e > i && date_weekday_name (s + i, e - i))
    {
      size_t j = date_skip_between (s, n, e < n && s[e] == '.' ? e + 1 : e,
                                    false);
      ok = j > e && date_parse_at (&sc, j, &r);
    }
  if (ok && d)
    *d = r;
  return ok;
}

/* ---- ISO strings and keys ------------------------------------------------ */

const char *
date_iso (const struct date *d, char buf[DATE_ISO_MAX])
{
  buf[0] = '\0';
  if (!d || !date_fields_valid (d))
    return buf;
  /* The fields are valid: the modulos only show the compiler how long
     each number is. */
  unsigned y = (unsigned) d->year % 10000, mo = (unsigned) d->month % 100;
  unsigned dd = (unsigned) d->day % 100;
  if (d->precision == DATE_PREC_YEAR)
    snprintf (buf, DATE_ISO_MAX, "%04u", y);
  else if (d->precision == DATE_PREC_MONTH)
    snprintf (buf, DATE_ISO_MAX, "%04u-%02u", y, mo);
  else
    snprintf (buf, DATE_ISO_MAX, "%04u-%02u-%02u", y, mo, dd);
  if (d->precision < DATE_PREC_MINUTE)
    return buf;
  size_t len = strlen (buf);
  len += snprintf (buf + len, DATE_ISO_MAX - len, "T%02u:%02u",
                   (unsigned) d->hour % 100, (unsigned) d->minute % 100);
  if (d->precision == DATE_PREC_SECOND)
    len += snprintf (buf + len, DATE_ISO_MAX - len, ":%02u",
                     (unsigned) d->second % 100);
  if (d->has_tz && d->tz_minutes == 0)
    snprintf (buf + len, DATE_ISO_MAX - len, "Z");
  else if (d->has_tz)
    {
      unsigned a = (unsigned) (d->tz_minutes < 0 ? -d->tz_minutes
                                                 : d->tz_minutes) % 1000;
      snprintf (buf + len, DATE_ISO_MAX - len, "%c%02u:%02u",
                d->tz_minutes < 0 ? '-' : '+', a / 60, a % 60);
    }
  return buf;
}

/* Reads exactly 'k' digits at *p into *v and advances *p. */
static bool
date_iso_num (const char **p, int k, int *v)
{
  int val = 0;
  for (int i = 0; i < k; i++)
    {
      if (!date_digit ((*p)[i]))
        return false;
      val = val * 10 + ((*p)[i] - '0');
    }
  *p += k;
  *v = val;
  return true;
}

bool
date_from_iso (const char *s, struct date *d)
{
  struct date r = { 0 };
  const char *p = s;
  if (!s || !date_iso_num (&p, 4, &r.year))
    return false;
  r.precision = DATE_PREC_YEAR;
  if (*p == '-')
    {
      p++;
      if (!date_iso_num (&p, 2, &r.month))
        return false;
      r.precision = DATE_PREC_MONTH;
      if (*p == '-')
        {
          p++;
          if (!date_iso_num (&p, 2, &r.day))
            return false;
          r.precision = DATE_PREC_DAY;
          if (*p == 'T')
            {
              p++;
              if (!date_iso_num (&p, 2, &r.hour) || *p++ != ':'
                  || !date_iso_num (&p, 2, &r.minute))
                return false;
              r.precision = DATE_PREC_MINUTE;
              if (*p == ':')
                {
                  p++;
                  if (!date_iso_num (&p, 2, &r.second))
                    return false;
                  r.precision = DATE_PREC_SECOND;
                }
              if (*p == 'Z')
                p++, r.has_tz = true;
              else if (*p == '+' || *p == '-')
                {
                  int sign = *p++ == '-' ? -1 : 1, h, m;
                  if (!date_iso_num (&p, 2, &h) || *p++ != ':'
                      || !date_iso_num (&p, 2, &m) || m > 59)
                    return false;
                  r.has_tz = true;
                  r.tz_minutes = sign * (h * 60 + m);
                }
            }
        }
    }
  if (*p != '\0' || !date_fields_valid (&r))
    return false;
  if (d)
    *d = r;
  return true;
}

const char *
date_precision_name (enum date_precision p)
{
  switch (p)
    {
    case DATE_PREC_YEAR:
      return "year";
    case DATE_PREC_MONTH:
      return "month";
    case DATE_PREC_DAY:
      return "day";
    case DATE_PREC_MINUTE:
      return "minute";
    case DATE_PREC_SECOND:
      return "second";
    default:
      return NULL;
    }
}

int64_t
date_sort_key (const struct date *d)
{
  if (!d || !date_fields_valid (d))
    return 0;
  int y = d->year, m = 0, dd = 0, h = 0, mi = 0, sec = 0;
  if (d->precision >= DATE_PREC_MONTH)
    m = d->month;
  if (d->precision >= DATE_PREC_DAY)
    dd = d->day;
  if (d->precision >= DATE_PREC_MINUTE)
    {
      h = d->hour, mi = d->minute;
      if (d->precision == DATE_PREC_SECOND)
        sec = d->second;
      if (d->has_tz)
        {
          int64_t t = date_days_from_civil (y, m, dd) * 86400 + h * 3600
                      + mi * 60 + sec - (int64_t) d->tz_minutes * 60;
          int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
          int64_t rem = t - days * 86400;
          date_civil_from_days (days, &y, &m, &dd);
          h = (int) (rem / 3600), mi = (int) (rem / 60 % 60);
          sec = (int) (rem % 60);
        }
    }
  return ((((((int64_t) y * 100 + m) * 100 + dd) * 100 + h) * 100 + mi) * 100
          + sec);
}
