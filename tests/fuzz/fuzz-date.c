/* fuzz-date.c: date_find over the whole input (every date, as the extractor
   looks for them), date_parse on it as a header value, and the ISO round
   trip of what they return. */
#include "system.h"

#include "date.h"
#include "fuzz.h"

static void
fuzz_date_check (const struct date *d)
{
  FUZZ_CHECK (d->precision > DATE_PREC_NONE
              && d->precision <= DATE_PREC_SECOND);
  FUZZ_CHECK (d->year >= 1 && d->year <= 9999);
  if (d->precision >= DATE_PREC_MONTH)
    FUZZ_CHECK (d->month >= 1 && d->month <= 12);
  if (d->precision >= DATE_PREC_DAY)
    FUZZ_CHECK (d->day >= 1 && d->day <= 31);
  if (d->precision >= DATE_PREC_MINUTE)
    FUZZ_CHECK (d->hour >= 0 && d->hour <= 23 && d->minute >= 0
                && d->minute <= 59);
  if (d->precision >= DATE_PREC_SECOND)
    FUZZ_CHECK (d->second >= 0 && d->second <= 60);
  FUZZ_CHECK (date_precision_name (d->precision) != NULL);

  /* What date_iso writes, date_from_iso reads back to the same date. */
  char iso[DATE_ISO_MAX];
  date_iso (d, iso);
  FUZZ_CHECK (iso[0] != '\0');
  struct date back;
  FUZZ_CHECK (date_from_iso (iso, &back));
  FUZZ_CHECK (back.precision == d->precision);
  FUZZ_CHECK (date_sort_key (&back) == date_sort_key (d));
}

int
fuzz_date (const uint8_t *data, size_t size)
{
  const char *s = (const char *) data;
  size_t at = 0;
  for (;;)
    {
      struct date d;
      size_t start = SIZE_MAX, end = SIZE_MAX;
      if (!date_find (s + at, size - at, FUZZ_NOW, &d, &start, &end))
        break;
      FUZZ_CHECK (start < end && end <= size - at);
      fuzz_date_check (&d);
      at += end;
    }

  struct date d;
  if (date_parse (s, size, FUZZ_NOW, &d))
    fuzz_date_check (&d);

  /* date_from_iso takes a NUL-terminated string. */
  char *z = xmalloc (size + 1);
  memcpy (z, data, size);
  z[size] = '\0';
  if (date_from_iso (z, &d))
    {
      char iso[DATE_ISO_MAX];
      date_iso (&d, iso);
      (void) date_sort_key (&d);
    }
  free (z);
  return 0;
}

FUZZ_ENTRY (fuzz_date)
