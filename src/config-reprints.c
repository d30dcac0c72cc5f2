/* config-reprints.c: reprints.* lines of the config file. */
#include "system.h"
#include "config-reprints.h"

#include "buf.h"
#include "minhash.h"
#include "settings.h"
#include "strv.h"

#define CONFIG_REPRINTS_PREFIX "reprints."

/* Parses an unsigned integer in [lo, hi]; false if it is not one. */
static bool
config_reprints_uint (const char *v, unsigned long lo, unsigned long hi,
                      unsigned long *out)
{
  char *end;
  if (*v < '0' || *v > '9')
    return false;
  errno = 0;
  unsigned long x = strtoul (v, &end, 10);
  if (errno || *end || x < lo || x > hi)
    return false;
  *out = x;
  return true;
}

bool
config_reprints_fraction (const char *v, double *out)
{
  unsigned long whole = 0, num = 0, den = 1;
  const char *p = v;
  if (*p < '0' || *p > '9')
    return false;
  while (*p >= '0' && *p <= '9')
    whole = whole * 10 + (unsigned long) (*p++ - '0');
  if (*p == '.')
    for (p++; *p >= '0' && *p <= '9' && den < 1000000000UL; p++)
      {
        num = num * 10 + (unsigned long) (*p - '0');
        den *= 10;
      }
  if (*p || whole > 1)
    return false;
  double x = (double) whole + (double) num / (double) den;
  if (x > 1)
    return false;
  *out = x;
  return true;
}

/* Applies one setting; returns a translated problem (caller frees) or
   NULL. */
static char *
config_reprints_set (struct reprint_params *p, const char *key,
                     const char *v)
{
  unsigned long u;
  double d;
  if (strcmp (key, "enabled") == 0)
    {
      static const char *const yes[] = { "true", "yes", "on", "1" };
      static const char *const no[] = { "false", "no", "off", "0" };
      for (size_t i = 0; i < ARRAY_SIZE (yes); i++)
        if (strcmp (v, yes[i]) == 0 || strcmp (v, no[i]) == 0)
          {
            p->enabled = strcmp (v, yes[i]) == 0;
            return NULL;
          }
      /* TRANSLATORS: a setting and its value; "true" and "false" are
         what the config file takes, not to be translated. */
      return xasprintf (_("%s: '%s' is not true or false"), key, v);
    }
  if (strcmp (key, "shingle") == 0 || strcmp (key, "bands") == 0
      || strcmp (key, "rows") == 0)
    {
      unsigned long hi = key[0] == 's' ? 16 : key[0] == 'b' ? 256 : 32;
      if (!config_reprints_uint (v, 1, hi, &u))
        /* TRANSLATORS: a setting, its value, the limits. */
        return xasprintf (_("%s: '%s' is not a number from %d to %lu"), key,
                          v, 1, hi);
      struct reprint_params q = *p;
      if (key[0] == 's')
        q.shingle = (unsigned) u;
      else if (key[0] == 'b')
        q.bands = (unsigned) u;
      else
        q.rows = (unsigned) u;
      if (MINHASH_HASHES (&q) > MINHASH_MAX_HASHES)
        return xasprintf (_("%s: bands x rows is more than %d"), key,
                          MINHASH_MAX_HASHES);
      *p = q;
      return NULL;
    }
  if (strcmp (key, "lead_words") == 0 || strcmp (key, "min_words") == 0)
    {
      if (!config_reprints_uint (v, 0, 100000, &u))
        return xasprintf (_("%s: '%s' is not a number from %d to %lu"), key,
                          v, 0, 100000UL);
      if (key[0] == 'l')
        p->lead_words = (unsigned) u;
      else
        p->min_words = u;
      return NULL;
    }
  if (strcmp (key, "min_similarity") == 0
      || strcmp (key, "min_containment") == 0)
    {
      if (!config_reprints_fraction (v, &d))
        /* TRANSLATORS: a setting and its value. */
        return xasprintf (_("%s: '%s' is not a number from 0 to 1"), key, v);
      if (strcmp (key, "min_containment") == 0)
        p->containment_min = d;
      else
        {
          /* One knob for the verdict and for joining clusters; support for
             a merge stays a little below it, as in the defaults. */
          p->alignment_min = d;
          p->link_min = d;
          p->support_min = d > 0.1 ? d - 0.1 : 0;
        }
      return NULL;
    }
  return xasprintf (_("unknown setting '%s%s'"), CONFIG_REPRINTS_PREFIX, key);
}

void
config_reprints_parse (struct reprint_params *p, const char *text, size_t len,
                       const char *name, struct strv *warnings)
{
  const char *q = text, *end = text + len;
  size_t lineno = 0;
  struct buf line = BUF_INIT;
  while (q < end)
    {
      const char *nl = memchr (q, '\n', (size_t) (end - q));
      const char *eol = nl ? nl : end;
      lineno++;
      buf_reset (&line);
      buf_add (&line, q, (size_t) (eol - q));
      q = nl ? nl + 1 : end;

      char *s = line.data;
      char *hash = strchr (s, '#');
      if (hash)
        *hash = '\0';
      s += strspn (s, " \t");
      if (strncmp (s, CONFIG_REPRINTS_PREFIX, strlen (CONFIG_REPRINTS_PREFIX))
          != 0)
        continue;
      s += strlen (CONFIG_REPRINTS_PREFIX);
      size_t kn = strcspn (s, " \t=\r");
      char *key = xstrndup (s, kn);
      s += kn;
      s += strspn (s, " \t");
      if (*s == '=')
        s++;
      s += strspn (s, " \t");
      size_t vn = strlen (s);
      while (vn && strchr (" \t\r", s[vn - 1]))
        vn--;
      s[vn] = '\0';
      char *problem = *s == '\0'
        ? xasprintf (_("%s%s: no value"), CONFIG_REPRINTS_PREFIX, key)
        : config_reprints_set (p, key, s);
      if (problem)
        {
          /* TRANSLATORS: file name, line number, problem. */
          strv_addf (warnings, _("%s:%zu: %s"), name, lineno, problem);
          free (problem);
        }
      free (key);
    }
  buf_free (&line);
}

void
config_reprints_load (struct reprint_params *p, struct strv *warnings)
{
  reprint_params_init (p);
  char *path = settings_path ();
  if (path == NULL)
    return;
  FILE *f = fopen (path, "r");
  if (f == NULL)
    {
      if (errno != ENOENT && errno != ENOTDIR)
        strv_addf (warnings, "%s: %s", path, strerror (errno));
      free (path);
      return;
    }
  struct buf text = BUF_INIT;
  char chunk[4096];
  size_t r;
  while ((r = fread (chunk, 1, sizeof chunk, f)) > 0)
    buf_add (&text, chunk, r);
  if (ferror (f))
    strv_addf (warnings, "%s: %s", path, strerror (errno));
  else
    config_reprints_parse (p, text.data ? text.data : "", text.len, path,
                           warnings);
  fclose (f);
  buf_free (&text);
  free (path);
}
