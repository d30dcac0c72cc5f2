/* gen-date.c: the generator's dates, printed the many ways sites print them. */
#include "system.h"
#include "gen-date.h"

static const char *const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"
};
/* AP style: months of five letters or fewer are never abbreviated. */
static const char *const month_ap[] = {
  "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
  "Oct.", "Nov.", "Dec."
};
static const char *const weekday_names[] = {
  "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
  "Saturday"
};
static const char *const month_fr[] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
  "septembre", "octobre", "novembre", "décembre"
};
static const char *const weekday_fr[] = {
  "dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"
};
static const char *const month_de[] = {
  "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
  "September", "Oktober", "November", "Dezember"
};
static const char *const weekday_de[] = {
  "Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
  "Samstag"
};
static const char *const month_es[] = {
  "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
  "septiembre", "octubre", "noviembre", "diciembre"
};
static const char *const weekday_es[] = {
  "domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"
};

struct zone
{
  const char *name;
  int minutes;
};

static const struct zone zones[] = {
  { "EDT", -240 }, { "EST", -300 }, { "GMT", 0 }, { "BST", 60 },
  { "CET", 60 }, { "CEST", 120 }, { "PDT", -420 }, { "JST", 540 },
  { "UTC", 0 }, { "IST", 330 }, { "HKT", 480 }, { "AEST", 600 },
};

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int64_t
days_from_civil (int y, int m, int d)
{
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (int64_t z, int *y, int *m, int *d)
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

static void
gdate_fill (struct gdate *g)
{
  int64_t local = g->utc + (int64_t) g->tz_minutes * 60;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t secs = local - days * 86400;
  civil_from_days (days, &g->year, &g->month, &g->day);
  g->hour = (int) (secs / 3600);
  g->minute = (int) (secs / 60 % 60);
  g->second = (int) (secs % 60);
  g->wday = (int) ((days % 7 + 11) % 7);     /* 1970-01-01 was a Thursday */
}

void
gdate_random (struct gdate *g, struct rng *r)
{
  int64_t lo = days_from_civil (2005, 1, 1), hi = days_from_civil (2024, 6, 30);
  int64_t day = lo + rng_below (r, (uint32_t) (hi - lo));
  g->utc = day * 86400 + rng_below (r, 86400);
  const struct zone *z = &zones[rng_below (r, ARRAY_SIZE (zones))];
  g->tz_name = z->name;
  g->tz_minutes = z->minutes;
  gdate_fill (g);
}

void
gdate_shift (struct gdate *g, int64_t seconds, struct rng *r)
{
  g->utc += seconds;
  if (r && rng_chance (r, 0.5))
    {
      const struct zone *z = &zones[rng_below (r, ARRAY_SIZE (zones))];
      g->tz_name = z->name;
      g->tz_minutes = z->minutes;
    }
  gdate_fill (g);
}

static int
hour12 (int h)
{
  return h % 12 == 0 ? 12 : h % 12;
}

void
gdate_in_zone (const struct gdate *g, int minutes, const char *name,
               struct gdate *out)
{
  *out = *g;
  out->tz_minutes = minutes;
  out->tz_name = name;
  gdate_fill (out);
}

void
gdate_eastern (const struct gdate *g, struct gdate *out)
{
  /* Near enough for a generator: summer time from April to October. */
  bool dst = g->month >= 4 && g->month <= 10;
  gdate_in_zone (g, dst ? -240 : -300, dst ? "EDT" : "EST", out);
}

static void
gdate_utc (const struct gdate *g, struct gdate *u)
{
  gdate_in_zone (g, 0, "UTC", u);
}

/* "2:29 p.m." */
static void
time_ap (struct buf *b, const struct gdate *g)
{
  buf_printf (b, "%d:%02d %s", hour12 (g->hour), g->minute,
              g->hour < 12 ? "a.m." : "p.m.");
}

enum date_prec
gdate_print (struct buf *b, enum date_style style, const struct gdate *g,
             struct rng *r)
{
  struct gdate u;
  int mo = g->month - 1;
  switch (style)
    {
    case DS_WEEKDAY_DMY_TIME:   /* Wednesday 31 March 2021 04:15 EDT */
      buf_printf (b, "%s %d %s %d %02d:%02d %s", weekday_names[g->wday],
                  g->day, month_names[mo], g->year, g->hour, g->minute,
                  g->tz_name);
      return DP_MINUTE;
    case DS_MDY:                /* March 31, 2021 */
      buf_printf (b, "%s %d, %d", month_names[mo], g->day, g->year);
      return DP_DAY;
    case DS_MDY_AP:             /* Mar. 31, 2021 (AP: March 31, 2021) */
      if (rng_chance (r, 0.5) || mo == 4)
        buf_printf (b, "%s %d, %d", month_ap[mo], g->day, g->year);
      else
        buf_printf (b, "%.3s. %d, %d", month_names[mo], g->day, g->year);
      return DP_DAY;
    case DS_ISO:
      buf_printf (b, "%04d-%02d-%02d", g->year, g->month, g->day);
      return DP_DAY;
    case DS_ISO_Z:              /* 2021-03-31T08:15:00Z */
      gdate_utc (g, &u);
      buf_printf (b, "%04d-%02d-%02dT%02d:%02d:%02dZ", u.year, u.month, u.day,
                  u.hour, u.minute, u.second);
      return DP_SECOND;
    case DS_RFC822:             /* Wed, 31 Mar 2021 08:15:00 +0000 */
      buf_printf (b, "%.3s, %02d %.3s %d %02d:%02d:%02d %c%02d%02d",
                  weekday_names[g->wday], g->day, month_names[mo], g->year,
                  g->hour, g->minute, g->second, g->tz_minutes < 0 ? '-' : '+',
                  abs (g->tz_minutes) / 60, abs (g->tz_minutes) % 60);
      return DP_SECOND;
    case DS_DMY_SLASH:          /* 31/03/2021 */
      buf_printf (b, "%02d/%02d/%d", g->day, g->month, g->year);
      return g->day <= 12 ? DP_YEAR : DP_DAY;
    case DS_MONTH_ONLY:         /* date 2021-04 */
      buf_printf (b, "date %04d-%02d", g->year, g->month);
      return DP_MONTH;
    case DS_PIPE:               /* | 15 April 2024, Monday | */
      buf_printf (b, "| %d %s %d, %s |", g->day, month_names[mo], g->year,
                  weekday_names[g->wday]);
      return DP_DAY;
    case DS_PUBLISHED:          /* Published February 6, 2021 at 2:29 p.m. ET | Updated ... */
      {
        gdate_eastern (g, &u);
        buf_printf (b, "Published %s %d, %d at ", month_names[u.month - 1],
                    u.day, u.year);
        time_ap (b, &u);
        buf_adds (b, " ET");
        struct gdate up = u;
        gdate_shift (&up, rng_range (r, 600, 90000), NULL);
        buf_printf (b, " | Updated %s %d, %d at ", month_names[up.month - 1],
                    up.day, up.year);
        time_ap (b, &up);
        buf_adds (b, " ET");
      }
      return DP_MINUTE;
    case DS_FR:                 /* Publié le 31 mars 2021 à 10h15 */
      if (rng_chance (r, 0.5))
        {
          buf_printf (b, "Publié le %d %s %d à %02dh%02d", g->day,
                      month_fr[mo], g->year, g->hour, g->minute);
          return DP_MINUTE;
        }
      buf_printf (b, "%s %d %s %d", weekday_fr[g->wday], g->day, month_fr[mo],
                  g->year);
      return DP_DAY;
    case DS_DE:                 /* Mittwoch, 31. März 2021 / 31.03.2021, 10:15 Uhr */
      if (rng_chance (r, 0.5))
        {
          buf_printf (b, "%s, %d. %s %d", weekday_de[g->wday], g->day,
                      month_de[mo], g->year);
          return DP_DAY;
        }
      buf_printf (b, "%02d.%02d.%d, %02d:%02d Uhr", g->day, g->month, g->year,
                  g->hour, g->minute);
      return DP_MINUTE;
    case DS_ES:                 /* miércoles, 31 de marzo de 2021 10:15 */
      if (rng_chance (r, 0.5))
        {
          buf_printf (b, "%s, %d de %s de %d %02d:%02d", weekday_es[g->wday],
                      g->day, month_es[mo], g->year, g->hour, g->minute);
          return DP_MINUTE;
        }
      buf_printf (b, "%d de %s de %d", g->day, month_es[mo], g->year);
      return DP_DAY;
    case DS_CNN:                /* Updated 0815 GMT (1615 HKT) March 31, 2021 */
      gdate_utc (g, &u);
      buf_printf (b, "Updated %02d%02d GMT (%02d%02d %s) %s %d, %d", u.hour,
                  u.minute, g->hour, g->minute, g->tz_name, month_names[mo],
                  g->day, g->year);
      return DP_MINUTE;
    case DS_REUTERS:            /* March 31, 2021 8:15 AM UTC */
      gdate_utc (g, &u);
      buf_printf (b, "%s %d, %d %d:%02d %s UTC", month_names[u.month - 1],
                  u.day, u.year, hour12 (u.hour), u.minute,
                  u.hour < 12 ? "AM" : "PM");
      return DP_MINUTE;
    case DS_AP_SITE:            /* Published 4:15 AM EDT, March 31, 2021 */
      buf_printf (b, "Published %d:%02d %s %s, %s %d, %d", hour12 (g->hour),
                  g->minute, g->hour < 12 ? "AM" : "PM", g->tz_name,
                  month_names[mo], g->day, g->year);
      return DP_MINUTE;
    case DS_US_SLASH:           /* 3/31/2021 8:15 AM */
      buf_printf (b, "%d/%d/%d %d:%02d %s", g->month, g->day, g->year,
                  hour12 (g->hour), g->minute, g->hour < 12 ? "AM" : "PM");
      return g->day <= 12 ? DP_YEAR : DP_MINUTE;
    case DS_DAY_MON:            /* 31 Mar 2021 */
      buf_printf (b, "%d %.3s %d", g->day, month_names[mo], g->year);
      return DP_DAY;
    }
  return DP_NONE;
}

const char *
gdate_month_abbr (int month)
{
  static const char *const abbr[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
    "Nov", "Dec"
  };
  return abbr[(month - 1) % 12];
}

const char *
gdate_month_name (int month)
{
  return month_names[(month - 1) % 12];
}
