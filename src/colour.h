/* colour.h: what each part of the screen looks like, per terminal.

   One table (COLOUR_TABLE below) has a row per role and a column per
   theme: 8 colours, 16 colours, 256 colours, and monochrome attributes.  The
   monochrome column alone tells every role apart (bold, underline,
   reverse, dim), so NO_COLOR and --color=never lose nothing.  The config
   file may override a role's colours and attributes.  The table is
   process state owned by this module; colour_setup runs after initscr. */
#ifndef BYLINE_COLOUR_H
#define BYLINE_COLOUR_H

#include <stdbool.h>

#include <curses.h>

/* The colour table: one row per role.  Columns: foreground and background
   for 8, 16 and 256 colours (-1: the terminal's default), the attributes
   added to the colours, and the attributes used alone in monochrome.  */
#define COLOUR_TABLE(C) \
  C (NORMAL,   "normal",     -1, -1,  -1, -1,  -1,  -1, A_NORMAL, A_NORMAL) \
  C (TITLE,    "title",       7,  4,  15,  4, 255,  24, A_BOLD,   A_REVERSE | A_BOLD) \
  C (STATUS,   "status",      7,  4,  15,  4, 252, 237, A_NORMAL, A_REVERSE) \
  C (MESSAGE,  "message",     3, -1,  11, -1, 220,  -1, A_BOLD,   A_BOLD) \
  C (ERROR,    "error",       1, -1,   9, -1, 196,  -1, A_BOLD,   A_BOLD | A_UNDERLINE) \
  C (CURSOR,   "cursor",      0,  6,   0, 14,  16, 117, A_NORMAL, A_REVERSE) \
  C (UNREAD,   "unread",     -1, -1,  15, -1, 231,  -1, A_BOLD,   A_BOLD) \
  C (DATE,     "date",        6, -1,   6, -1,  73,  -1, A_NORMAL, A_NORMAL) \
  C (OUTLET,   "outlet",      2, -1,  10, -1, 108,  -1, A_NORMAL, A_NORMAL) \
  C (HEADLINE, "headline",   -1, -1,  15, -1, 231,  -1, A_BOLD,   A_BOLD) \
  C (DEK,      "dek",        -1, -1,  -1, -1, 250,  -1, A_NORMAL, A_NORMAL) \
  C (LABEL,    "label",       4, -1,  12, -1,  68,  -1, A_NORMAL, A_UNDERLINE) \
  C (META,     "meta",       -1, -1,  -1, -1, 252,  -1, A_NORMAL, A_NORMAL) \
  C (BODY,     "body",       -1, -1,  -1, -1,  -1,  -1, A_NORMAL, A_NORMAL) \
  C (DIM,      "dim",         4, -1,   8, -1, 243,  -1, A_NORMAL, A_DIM) \
  C (SEARCH,   "search",      0,  3,   0, 11,  16, 220, A_BOLD,   A_REVERSE | A_BOLD) \
  C (TERM1,    "highlight1",  1, -1,   9, -1, 203,  -1, A_BOLD,   A_BOLD | A_UNDERLINE) \
  C (TERM2,    "highlight2",  2, -1,  10, -1, 114,  -1, A_BOLD,   A_BOLD | A_UNDERLINE) \
  C (TERM3,    "highlight3",  5, -1,  13, -1, 177,  -1, A_BOLD,   A_BOLD | A_UNDERLINE) \
  C (TERM4,    "highlight4",  6, -1,  14, -1,  81,  -1, A_BOLD,   A_BOLD | A_UNDERLINE) \
  C (TERM5,    "highlight5",  3, -1,  11, -1, 221,  -1, A_BOLD,   A_BOLD | A_UNDERLINE) \
  C (TERM6,    "highlight6",  4, -1,  12, -1, 111,  -1, A_BOLD,   A_BOLD | A_UNDERLINE) \
  C (DIFF_DEL, "diff-delete", 1, -1,   9, -1, 203, 52, A_UNDERLINE, A_DIM | A_UNDERLINE) \
  C (DIFF_INS, "diff-insert", 2, -1,  10, -1, 114, 22, A_BOLD,   A_BOLD | A_REVERSE) \
  C (DIFF_GUTTER, "diff-gutter", 3, -1, 11, -1, 179, -1, A_BOLD,  A_BOLD)

enum colour_role
{
#define COLOUR_ENUM(id, name, f8, b8, f16, b16, f256, b256, attr, mono) \
  COLOUR_##id,
  COLOUR_TABLE (COLOUR_ENUM)
#undef COLOUR_ENUM
  COLOUR_COUNT
};

/* The highlight term colours, in order (term i gets the i % N'th). */
#define COLOUR_N_TERMS 6

enum colour_theme
{
  COLOUR_THEME_MONO,
  COLOUR_THEME_8,
  COLOUR_THEME_16,
  COLOUR_THEME_256
};

enum colour_when
{
  COLOUR_AUTO,
  COLOUR_ALWAYS,
  COLOUR_NEVER
};

/* "auto", "always", "never" (also "yes", "no"); -1 when none. */
int colour_parse_when (const char *s);

/* Chooses a theme from 'when', the NO_COLOR variable and what the
   terminal can do, and sets up the colour pairs.  After initscr. */
void colour_setup (enum colour_when when);
enum colour_theme colour_theme (void);

/* The curses attributes (colour pair included) of a role. */
attr_t colour_attr (enum colour_role role);
/* The role of highlight term i (0-based). */
enum colour_role colour_term_role (size_t i);

/* "color ROLE FG [BG] [ATTR]..." from the config file, applied to every
   theme (words[0] is the role's name).  Before colour_setup.  Returns 0,
   or -1 with *cause (translated, caller frees). */
int colour_configure (char *const *words, size_t n, char **cause);

/* Forgets configured overrides (for tests). */
void colour_reset (void);

#endif
