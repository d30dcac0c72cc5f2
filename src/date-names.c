/* date-names.c: month and day names in English, French, German and Spanish. */
#include "system.h"
#include "date.h"

/* The longest name in the tables is 10 letters; a longer word is no name,
   so the fold buffer never truncates a name. */
#define DATE_NAME_MAX 12

enum
{
  NAME_WEAK = 1                 /* also a common word: "Mars", the planet */
};

struct date_name
{
  const char *key;              /* folded: ASCII lower case, no accents */
  unsigned char value;
  unsigned char flags;
};

/* Sorted by key (strcmp) for the binary search; tests/unit/test-date.c looks
   every key up, so a misplaced entry fails there.  Abbreviations are listed
   without their dot: the scanner accepts one after any name. */
static const struct date_name date_months[] = {
  { "abr", 4, 0 }, { "abril", 4, 0 },
  { "ago", 8, 0 }, { "agosto", 8, 0 },
  { "aout", 8, 0 },
  { "apr", 4, 0 }, { "april", 4, 0 },
  { "aug", 8, 0 }, { "august", 8, 0 },
  { "avr", 4, 0 }, { "avril", 4, 0 },
  { "dec", 12, 0 }, { "december", 12, 0 }, { "decembre", 12, 0 },
  { "dez", 12, 0 }, { "dezember", 12, 0 },
  { "dic", 12, 0 }, { "diciembre", 12, 0 },
  { "ene", 1, 0 }, { "enero", 1, 0 },
  { "feb", 2, 0 }, { "febrero", 2, 0 }, { "februar", 2, 0 },
  { "february", 2, 0 },
  { "fev", 2, 0 }, { "fevr", 2, 0 }, { "fevrier", 2, 0 },
  { "jan", 1, 0 }, { "janner", 1, 0 }, { "januar", 1, 0 },
  { "january", 1, 0 }, { "janv", 1, 0 }, { "janvier", 1, 0 },
  { "juil", 7, 0 }, { "juillet", 7, 0 }, { "juin", 6, 0 },
  { "jul", 7, 0 }, { "juli", 7, 0 }, { "julio", 7, 0 }, { "july", 7, 0 },
  { "jun", 6, 0 }, { "june", 6, 0 }, { "juni", 6, 0 }, { "junio", 6, 0 },
  { "maerz", 3, 0 }, { "mai", 5, 0 },
  { "mar", 3, 0 }, { "march", 3, 0 }, { "mars", 3, NAME_WEAK },
  { "marz", 3, 0 }, { "marzo", 3, 0 },
  { "may", 5, 0 }, { "mayo", 5, 0 },
  { "nov", 11, 0 }, { "november", 11, 0 }, { "novembre", 11, 0 },
  { "noviembre", 11, 0 },
  { "oct", 10, 0 }, { "october", 10, 0 }, { "octobre", 10, 0 },
  { "octubre", 10, 0 },
  { "okt", 10, 0 }, { "oktober", 10, 0 },
  { "sep", 9, 0 }, { "sept", 9, 0 }, { "september", 9, 0 },
  { "septembre", 9, 0 }, { "septiembre", 9, 0 },
  { "setiembre", 9, 0 },
};

/* German two-letter abbreviations (Mo, Di, Do, So...) are left out: they
   are English words, and a day name only widens a match that a date made. */
static const struct date_name date_weekdays[] = {
  { "dienstag", 2, 0 }, { "dim", 7, 0 }, { "dimanche", 7, 0 },
  { "dom", 7, 0 }, { "domingo", 7, 0 }, { "donnerstag", 4, 0 },
  { "freitag", 5, 0 }, { "fri", 5, 0 }, { "friday", 5, 0 },
  { "jeu", 4, 0 }, { "jeudi", 4, 0 }, { "jue", 4, 0 }, { "jueves", 4, 0 },
  { "lun", 1, 0 }, { "lundi", 1, 0 }, { "lunes", 1, 0 },
  { "mar", 2, 0 }, { "mardi", 2, 0 }, { "martes", 2, 0 },
  { "mer", 3, 0 }, { "mercredi", 3, 0 }, { "mie", 3, 0 },
  { "miercoles", 3, 0 }, { "mittwoch", 3, 0 },
  { "mon", 1, 0 }, { "monday", 1, 0 }, { "montag", 1, 0 },
  { "sab", 6, 0 }, { "sabado", 6, 0 }, { "sam", 6, 0 }, { "samedi", 6, 0 },
  { "samstag", 6, 0 }, { "sat", 6, 0 }, { "saturday", 6, 0 },
  { "sonnabend", 6, 0 }, { "sonntag", 7, 0 },
  { "sun", 7, 0 }, { "sunday", 7, 0 },
  { "thu", 4, 0 }, { "thur", 4, 0 }, { "thurs", 4, 0 },
  { "thursday", 4, 0 },
  { "tue", 2, 0 }, { "tues", 2, 0 }, { "tuesday", 2, 0 },
  { "ven", 5, 0 }, { "vendredi", 5, 0 }, { "vie", 5, 0 },
  { "viernes", 5, 0 },
  { "wed", 3, 0 }, { "wednesday", 3, 0 },
};

/* Base letters of U+00C0..U+00FF; '\0' for those that are no letter or fold
   to more than one (Æ, ß, ×, ÷, Þ...). */
static const char date_latin1_fold[64 + 1] =
  "aaaaaa\0ceeeeiiii" "\0nooooo\0\0uuuuy\0\0"
  "aaaaaa\0ceeeeiiii" "\0nooooo\0\0uuuuy\0y";

/* Folds the word s[0..n) into key[] (ASCII lower case, accents dropped).
   Returns false when it holds anything else or is too long for a name. */
static bool
date_name_fold (const char *s, size_t n, char key[DATE_NAME_MAX + 1])
{
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    {
      unsigned char c = s[i];
      char f;
      if (c >= 'A' && c <= 'Z')
        f = c - 'A' + 'a';
      else if (c >= 'a' && c <= 'z')
        f = c;
      else if (c == 0xC3 && i + 1 < n
               && ((unsigned char) s[i + 1] & 0xC0) == 0x80)
        {
          f = date_latin1_fold[((unsigned char) s[++i]) - 0x80];
          if (f == '\0')
            return false;
        }
      else
        return false;
      if (k == DATE_NAME_MAX)
        return false;
      key[k++] = f;
    }
  key[k] = '\0';
  return k > 0;
}

static int
date_name_cmp (const void *key, const void *elt)
{
  return strcmp (key, ((const struct date_name *) elt)->key);
}

/* Names start with one of these letters (either case): a cheap test
   before folding, as most words looked up are no names. */
static bool
date_name_initial (unsigned char c, const char *initials)
{
  return c < 0x80 && strchr (initials, c | 0x20) != NULL && c != '\0';
}

static const struct date_name *
date_name_lookup (const char *s, size_t n, const struct date_name *table,
                  size_t count, const char *initials)
{
  char key[DATE_NAME_MAX + 1];
  if (n < 3 || n > 2 * DATE_NAME_MAX || !date_name_initial (s[0], initials)
      || !date_name_fold (s, n, key))
    return NULL;
  return bsearch (key, table, count, sizeof *table, date_name_cmp);
}

int
date_month_name (const char *s, size_t n, bool *weak)
{
  const struct date_name *e
    = date_name_lookup (s, n, date_months, ARRAY_SIZE (date_months),
                        "adefjmnos");
  if (weak)
    *weak = e && (e->flags & NAME_WEAK);
  return e ? e->value : 0;
}

int
date_weekday_name (const char *s, size_t n)
{
  const struct date_name *e
    = date_name_lookup (s, n, date_weekdays, ARRAY_SIZE (date_weekdays),
                        "dfjlmstvw");
  return e ? e->value : 0;
}
