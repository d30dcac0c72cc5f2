/* colour.c: the colour table, themes and config overrides. */
#include "system.h"
#include "colour.h"

#include <strings.h>

struct colour_entry
{
  const char *name;
  short fg[3], bg[3];       /* 8, 16, 256 colours */
  attr_t attr;              /* with colours */
  attr_t mono;              /* alone */
};

static const struct colour_entry colour_defaults[COLOUR_COUNT] = {
#define COLOUR_ROW(id, nm, f8, b8, f16, b16, f256, b256, at, mo) \
  [COLOUR_##id] = { nm, { f8, f16, f256 }, { b8, b16, b256 }, at, mo },
  COLOUR_TABLE (COLOUR_ROW)
#undef COLOUR_ROW
};

/* Overrides from the config file: -2 means "not set". */
struct colour_override
{
  short fg, bg;
  bool has_attr;
  attr_t attr;
};

static struct colour_override colour_overrides[COLOUR_COUNT];
static bool colour_overrides_init;
static enum colour_theme colour_current = COLOUR_THEME_MONO;
static attr_t colour_attrs[COLOUR_COUNT];

static void
colour_init_overrides (void)
{
  if (colour_overrides_init)
    return;
  for (size_t i = 0; i < COLOUR_COUNT; i++)
    colour_overrides[i] = (struct colour_override) { -2, -2, false, 0 };
  colour_overrides_init = true;
}

void
colour_reset (void)
{
  colour_overrides_init = false;
  colour_init_overrides ();
}

int
colour_parse_when (const char *s)
{
  if (strcmp (s, "auto") == 0 || strcmp (s, "tty") == 0
      || strcmp (s, "if-tty") == 0)
    return COLOUR_AUTO;
  if (strcmp (s, "always") == 0 || strcmp (s, "yes") == 0
      || strcmp (s, "force") == 0)
    return COLOUR_ALWAYS;
  if (strcmp (s, "never") == 0 || strcmp (s, "no") == 0
      || strcmp (s, "none") == 0)
    return COLOUR_NEVER;
  return -1;
}

static const char *const colour_names[] = {
  "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

/* A colour: "default", a name, "bright" + name, "colorN" or N (0-255).
   Returns -1 for default, the number, or -2 when not a colour. */
static int
colour_parse_colour (const char *s)
{
  if (strcasecmp (s, "default") == 0)
    return -1;
  int base = 0;
  const char *p = s;
  if (strncasecmp (p, "bright", 6) == 0)
    {
      base = 8;
      p += 6;
      if (*p == '-')
        p++;
    }
  for (size_t i = 0; i < ARRAY_SIZE (colour_names); i++)
    if (strcasecmp (p, colour_names[i]) == 0)
      return base + (int) i;
  if (base)
    return -2;
  if (strncasecmp (p, "colour", 6) == 0)
    p += 6;
  else if (strncasecmp (p, "color", 5) == 0)
    p += 5;
  if (*p < '0' || *p > '9')
    return -2;
  char *end;
  long n = strtol (p, &end, 10);
  if (*end || n < 0 || n > 255)
    return -2;
  return (int) n;
}

static const struct
{
  const char *name;
  attr_t attr;
} colour_attr_names[] = {
  { "normal", A_NORMAL }, { "bold", A_BOLD }, { "dim", A_DIM },
  { "underline", A_UNDERLINE }, { "reverse", A_REVERSE },
  { "standout", A_STANDOUT }, { "italic", A_ITALIC }, { "blink", A_BLINK },
};

static int
colour_role_by_name (const char *name)
{
  for (size_t i = 0; i < COLOUR_COUNT; i++)
    if (strcasecmp (colour_defaults[i].name, name) == 0)
      return (int) i;
  return -1;
}

int
colour_configure (char *const *words, size_t n, char **cause)
{
  colour_init_overrides ();
  if (n < 2)
    {
      *cause = xstrdup (_("usage: color ROLE FOREGROUND [BACKGROUND] "
                          "[ATTRIBUTE]..."));
      return -1;
    }
  int role = colour_role_by_name (words[0]);
  if (role < 0)
    {
      *cause = xasprintf (_("unknown colour role '%s'"), words[0]);
      return -1;
    }
  struct colour_override o = { -2, -2, false, A_NORMAL };
  size_t i = 1;
  for (int k = 0; k < 2 && i < n; k++, i++)
    {
      int c = colour_parse_colour (words[i]);
      if (c == -2)
        break;
      if (k == 0)
        o.fg = (short) c;
      else
        o.bg = (short) c;
    }
  for (; i < n; i++)
    {
      size_t j;
      for (j = 0; j < ARRAY_SIZE (colour_attr_names); j++)
        if (strcasecmp (words[i], colour_attr_names[j].name) == 0)
          break;
      if (j == ARRAY_SIZE (colour_attr_names))
        {
          *cause = xasprintf (_("unknown colour or attribute '%s'"),
                              words[i]);
          return -1;
        }
      o.has_attr = true;
      o.attr |= colour_attr_names[j].attr;
    }
  struct colour_override *cur = &colour_overrides[role];
  if (o.fg != -2)
    cur->fg = o.fg;
  if (o.bg != -2)
    cur->bg = o.bg;
  if (o.has_attr)
    {
      cur->has_attr = true;
      cur->attr = o.attr;
    }
  return 0;
}

/* A configured colour made to fit the theme. */
static short
colour_fit (short c, short dflt, enum colour_theme theme)
{
  if (c == -2)
    return dflt;
  if (c < 0)
    return -1;
  if (theme == COLOUR_THEME_8 && c >= 8)
    return c < 16 ? (short) (c - 8) : dflt;
  if (theme == COLOUR_THEME_16 && c >= 16)
    return dflt;
  return c;
}

void
colour_setup (enum colour_when when)
{
  colour_init_overrides ();
  const char *no_colour = getenv ("NO_COLOR");
  bool want = when == COLOUR_ALWAYS
    || (when == COLOUR_AUTO && !(no_colour && *no_colour));
  colour_current = COLOUR_THEME_MONO;
  if (want && has_colors () && start_color () == OK)
    {
      use_default_colors ();
      if (COLORS >= 256 && COLOR_PAIRS > COLOUR_COUNT)
        colour_current = COLOUR_THEME_256;
      else if (COLORS >= 16 && COLOR_PAIRS > COLOUR_COUNT)
        colour_current = COLOUR_THEME_16;
      else if (COLORS >= 8 && COLOR_PAIRS > COLOUR_COUNT)
        colour_current = COLOUR_THEME_8;
    }
  for (size_t i = 0; i < COLOUR_COUNT; i++)
    {
      const struct colour_entry *e = &colour_defaults[i];
      const struct colour_override *o = &colour_overrides[i];
      if (colour_current == COLOUR_THEME_MONO)
        {
          colour_attrs[i] = o->has_attr ? o->attr : e->mono;
          continue;
        }
      int t = colour_current - COLOUR_THEME_8;
      short fg = colour_fit (o->fg, e->fg[t], colour_current);
      short bg = colour_fit (o->bg, e->bg[t], colour_current);
      init_pair ((short) (i + 1), fg, bg);
      colour_attrs[i] = COLOR_PAIR ((int) i + 1)
        | (o->has_attr ? o->attr : e->attr);
    }
}

enum colour_theme
colour_theme (void)
{
  return colour_current;
}

attr_t
colour_attr (enum colour_role role)
{
  if ((size_t) role >= COLOUR_COUNT)
    return A_NORMAL;
  return colour_attrs[role];
}

enum colour_role
colour_term_role (size_t i)
{
  return (enum colour_role) (COLOUR_TERM1 + (int) (i % COLOUR_N_TERMS));
}
