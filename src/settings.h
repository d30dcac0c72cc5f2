/* settings.h: the reader's configuration file.

   $XDG_CONFIG_HOME/byline/config (default ~/.config/byline/config), one
   command a line, '#' starts a comment, "double quotes" group words:
     bind KEY ACTION        KEY as in keymap_parse_key; ACTION from
                            actions.def, or "none" to unbind
     unbind KEY
     color ROLE FG [BG] [ATTR]...   (also "colour"; see colour.h)
     highlight TERM...      a highlight term (the rest of the line, one
                            term; each term gets its own colour)
     set mouse on|off
     set color auto|always|never
   A bad line is reported as "FILE:LINE: problem" and skipped; nothing
   here is ever fatal.  (The header is not called config.h: that name is
   autoconf's.)  struct settings owns its strings. */
#ifndef BYLINE_SETTINGS_H
#define BYLINE_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "strv.h"

struct keymap;

struct settings
{
  bool mouse;
  int colour_when;          /* enum colour_when */
  struct strv terms;        /* highlight terms, in order */
};

/* Mouse on, colour auto, no terms. */
void settings_init (struct settings *s);
void settings_free (struct settings *s);

/* Applies the commands of text[0..len) ('name' is used in warnings) to s,
   km and the colour table; appends translated warnings. */
void settings_parse (struct settings *s, struct keymap *km, const char *text,
                     size_t len, const char *name, struct strv *warnings);

/* The config file's path (caller frees); NULL when neither
   XDG_CONFIG_HOME nor HOME is set. */
char *settings_path (void);

/* Reads the config file if there is one (a missing file is not an
   error; an unreadable one is a warning). */
void settings_load (struct settings *s, struct keymap *km,
                    struct strv *warnings);

#endif
