/* gen-date.h: dates for the corpus generator, and the ways sites print them. */
#ifndef BYLINE_BENCH_GEN_DATE_H
#define BYLINE_BENCH_GEN_DATE_H

#include "gen.h"

struct gdate
{
  int64_t utc;                  /* seconds since the epoch */
  const char *tz_name;          /* "EDT"; static */
  int tz_minutes;               /* east of UTC */
  /* local time, filled from the above */
  int year, month, day, hour, minute, second, wday;
};

enum date_style
{
  DS_WEEKDAY_DMY_TIME,  /* Wednesday 31 March 2021 04:15 EDT */
  DS_MDY,               /* March 31, 2021 */
  DS_MDY_AP,            /* Mar. 31, 2021 */
  DS_ISO,               /* 2021-03-31 */
  DS_ISO_Z,             /* 2021-03-31T08:15:00Z */
  DS_RFC822,            /* Wed, 31 Mar 2021 08:15:00 +0000 */
  DS_DMY_SLASH,         /* 31/03/2021 */
  DS_MONTH_ONLY,        /* date 2021-04 */
  DS_PIPE,              /* | 15 April 2024, Monday | */
  DS_PUBLISHED,         /* Published ... at 2:29 p.m. ET | Updated ... */
  DS_FR, DS_DE, DS_ES,
  DS_CNN,               /* Updated 0815 GMT (1615 HKT) March 31, 2021 */
  DS_REUTERS,           /* March 31, 2021 8:15 AM UTC */
  DS_AP_SITE,           /* Published 4:15 AM EDT, March 31, 2021 */
  DS_US_SLASH,          /* 3/31/2021 8:15 AM */
  DS_DAY_MON            /* 31 Mar 2021 */
};

/* What a printed date tells (an ambiguous 03/04/2021 only its year). */
enum date_prec
{
  DP_NONE, DP_YEAR, DP_MONTH, DP_DAY, DP_MINUTE, DP_SECOND
};

/* A random moment between 2005 and mid-2024 in a random time zone. */
void gdate_random (struct gdate *g, struct rng *r);
/* Moves by 'seconds'; with 'r', perhaps to another time zone. */
void gdate_shift (struct gdate *g, int64_t seconds, struct rng *r);
/* The same moment in another zone. */
void gdate_in_zone (const struct gdate *g, int minutes, const char *name,
                    struct gdate *out);
/* The same moment in US Eastern time (EDT or EST). */
void gdate_eastern (const struct gdate *g, struct gdate *out);
/* Appends the date in 'style'; returns the precision a reader can get. */
enum date_prec gdate_print (struct buf *b, enum date_style style,
                            const struct gdate *g, struct rng *r);
const char *gdate_month_abbr (int month);
const char *gdate_month_name (int month);

#endif
