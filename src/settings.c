/* settings.c: parsing the reader's configuration file. */
#include "system.h"
#include "settings.h"

#include "buf.h"
#include "colour.h"
#include "keymap.h"

void
settings_init (struct settings *s)
{
  s->mouse = true;
  s->colour_when = COLOUR_AUTO;
  s->terms = (struct strv) STRV_INIT;
}

void
settings_free (struct settings *s)
{
  strv_free (&s->terms);
}

/* Splits one line into words: blanks separate, "..." groups (with \" and
   \\ inside), '#' at the start of a word ends the line.  Returns -1 with
   *cause on an unterminated quote. */
static int
settings_split (const char *p, const char *end, struct strv *words,
                char **cause)
{
  struct buf w = BUF_INIT;
  while (p < end)
    {
      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if (p == end || *p == '#')
        break;
      buf_reset (&w);
      buf_add (&w, "", 0);
      while (p < end && *p != ' ' && *p != '\t')
        {
          if (*p != '"')
            {
              buf_addc (&w, *p++);
              continue;
            }
          for (p++; p < end && *p != '"'; p++)
            {
              if (*p == '\\' && p + 1 < end
                  && (p[1] == '"' || p[1] == '\\'))
                p++;
              buf_addc (&w, *p);
            }
          if (p == end)
            {
              *cause = xstrdup (_("unterminated quote"));
              buf_free (&w);
              return -1;
            }
          p++;
        }
      strv_add (words, w.data);
    }
  buf_free (&w);
  return 0;
}

static int
settings_bool (const char *v)
{
  if (strcmp (v, "on") == 0 || strcmp (v, "yes") == 0
      || strcmp (v, "true") == 0 || strcmp (v, "1") == 0)
    return 1;
  if (strcmp (v, "off") == 0 || strcmp (v, "no") == 0
      || strcmp (v, "false") == 0 || strcmp (v, "0") == 0)
    return 0;
  return -1;
}

static int
settings_set (struct settings *s, char **w, size_t n, char **cause)
{
  if (n != 3)
    {
      *cause = xstrdup (_("usage: set OPTION VALUE"));
      return -1;
    }
  if (strcmp (w[1], "mouse") == 0)
    {
      int b = settings_bool (w[2]);
      if (b < 0)
        {
          *cause = xasprintf (_("'%s' is not on or off"), w[2]);
          return -1;
        }
      s->mouse = b;
      return 0;
    }
  if (strcmp (w[1], "color") == 0 || strcmp (w[1], "colour") == 0)
    {
      int when = colour_parse_when (w[2]);
      if (when < 0)
        {
          *cause = xasprintf (_("'%s' is not auto, always or never"), w[2]);
          return -1;
        }
      s->colour_when = when;
      return 0;
    }
  *cause = xasprintf (_("unknown option '%s'"), w[1]);
  return -1;
}

/* One line's words; returns -1 with *cause when they are wrong. */
static int
settings_command (struct settings *s, struct keymap *km, char **w, size_t n,
                  char **cause)
{
  const char *cmd = w[0];
  if (strncmp (cmd, "reprints.", 9) == 0)
    return 0;                   /* config-reprints.c reads those */
  if (strcmp (cmd, "bind") == 0)
    {
      if (n != 3)
        {
          *cause = xstrdup (_("usage: bind KEY ACTION"));
          return -1;
        }
      return keymap_bind (km, w[1], w[2], cause);
    }
  if (strcmp (cmd, "unbind") == 0)
    {
      if (n != 2)
        {
          *cause = xstrdup (_("usage: unbind KEY"));
          return -1;
        }
      return keymap_bind (km, w[1], "none", cause);
    }
  if (strcmp (cmd, "color") == 0 || strcmp (cmd, "colour") == 0)
    return colour_configure (w + 1, n - 1, cause);
  if (strcmp (cmd, "highlight") == 0)
    {
      if (n < 2)
        {
          *cause = xstrdup (_("usage: highlight TERM..."));
          return -1;
        }
      struct buf t = BUF_INIT;
      for (size_t i = 1; i < n; i++)
        {
          if (i > 1)
            buf_addc (&t, ' ');
          buf_adds (&t, w[i]);
        }
      strv_push (&s->terms, buf_steal (&t));
      return 0;
    }
  if (strcmp (cmd, "set") == 0)
    return settings_set (s, w, n, cause);
  *cause = xasprintf (_("unknown command '%s'"), cmd);
  return -1;
}

void
settings_parse (struct settings *s, struct keymap *km, const char *text,
                size_t len, const char *name, struct strv *warnings)
{
  const char *p = text, *end = text + len;
  size_t lineno = 0;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      const char *eol = nl ? nl : end;
      lineno++;
      struct strv words = STRV_INIT;
      char *cause = NULL;
      const char *e = eol;
      if (e > p && e[-1] == '\r')
        e--;
      if (settings_split (p, e, &words, &cause) == 0 && words.n)
        settings_command (s, km, words.v, words.n, &cause);
      if (cause)
        {
          /* TRANSLATORS: file name, line number, problem. */
          strv_addf (warnings, _("%s:%zu: %s"), name, lineno, cause);
          free (cause);
        }
      strv_free (&words);
      p = nl ? nl + 1 : end;
    }
}

char *
settings_path (void)
{
  const char *xdg = getenv ("XDG_CONFIG_HOME");
  if (xdg && *xdg == '/')
    return xasprintf ("%s/byline/config", xdg);
  const char *home = getenv ("HOME");
  if (home && *home)
    return xasprintf ("%s/.config/byline/config", home);
  return NULL;
}

void
settings_load (struct settings *s, struct keymap *km, struct strv *warnings)
{
  char *path = settings_path ();
  if (path == NULL)
    return;
  FILE *f = fopen (path, "r");
  if (f == NULL)
    {
      if (errno != ENOENT && errno != ENOTDIR)
        strv_addf (warnings, _("%s: %s"), path, strerror (errno));
      free (path);
      return;
    }
  struct buf text = BUF_INIT;
  char chunk[4096];
  size_t r;
  while ((r = fread (chunk, 1, sizeof chunk, f)) > 0)
    buf_add (&text, chunk, r);
  if (ferror (f))
    strv_addf (warnings, _("%s: %s"), path, strerror (errno));
  else
    settings_parse (s, km, text.data ? text.data : "", text.len, path,
                    warnings);
  fclose (f);
  buf_free (&text);
  free (path);
}
