/* ui.h: the curses reader: the loop, the view stack, and what views share.

   A view is a struct that starts with struct view, plus an ops table; the
   loop turns a key into an action (keymap.h), gives the top view the
   first say, then handles what is left (back, quit, help, redraw, and
   moving for views that only scroll).  The ui owns the views on its
   stack: ui_pop and ui_run's end free them through ops->free.  The
   screen is: a title line, the view, a status line. */
#ifndef BYLINE_UI_H
#define BYLINE_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "highlight.h"
#include "keymap.h"
#include "settings.h"
#include "system.h"

struct article;
struct outlets;
struct store;
struct date;
struct view;
struct wdiff;
struct wdiff_lines;

/* Below this the screen shows only a request for a larger window. */
#define UI_MIN_COLS 40
#define UI_MIN_LINES 10

struct rect
{
  int y, x, lines, cols;
};

struct view_ops
{
  const char *name;
  /* Draws the whole of r (every cell: the screen is not cleared). */
  void (*draw) (struct view *v, struct rect r);
  /* The title line's text, malloc'd (caller frees). */
  char *(*title) (struct view *v);
  /* Handles an action; false leaves it to the loop. */
  bool (*action) (struct view *v, enum action a);
  /* A click on row 'row' of the view's rectangle (may be NULL). */
  void (*click) (struct view *v, int row);
  void (*free) (struct view *v);
};

struct view
{
  const struct view_ops *ops;
  struct ui *ui;
  struct rect rect;             /* where it was drawn last */
};

struct ui
{
  struct view **stack;
  size_t depth, alloc;
  struct keymap keys;
  struct settings settings;
  struct highlight terms;       /* tags are enum colour_role */
  unsigned terms_gen;           /* changes whenever 'terms' does: views
                                   that keep their hits compare it */
  const struct outlets *rules;  /* for article_load; the caller's */
  char *status;                 /* the status line's message, or NULL */
  bool status_error;
  bool quit;
  bool active;                  /* curses is running */
  /* Called by ui_run after every key and every quiet quarter second;
     returns true when the screen must be drawn again.  May be NULL. */
  bool (*idle) (struct ui *ui);
  void *idle_arg;
};

/* Sets up keys (defaults, then the config file), settings and terms;
   warnings go to 'warnings'. */
void ui_init (struct ui *ui, struct strv *warnings);
void ui_free (struct ui *ui);
/* Adds a highlight term in the first term colour no other term has
   (they are shared once all are taken).  Returns false when the term has
   no word or is already highlighted. */
bool ui_add_term (struct ui *ui, const char *term);
/* Stops highlighting 'term' (compared as highlight_index does); returns
   false when it was not highlighted. */
bool ui_remove_term (struct ui *ui, const char *term);

/* The list view (view_list_new) reads the index again, because it has
   changed: the selection stays on the same article, at the same height. */
void view_list_reload (struct view *v);

/* Takes ownership of v. */
void ui_push (struct ui *ui, struct view *v);
/* Frees the top view. */
void ui_pop (struct ui *ui);
struct view *ui_top (const struct ui *ui);

/* The status line's message until the next key. */
void ui_message (struct ui *ui, const char *fmt, ...) BYLINE_PRINTF (2, 3);
void ui_error (struct ui *ui, const char *fmt, ...) BYLINE_PRINTF (2, 3);

/* Starts curses, runs until the stack is empty or quit is asked, and
   restores the terminal (also on SIGINT, SIGTERM, SIGHUP and exit()).
   Returns the exit status. */
int ui_run (struct ui *ui);
/* Redraws everything now (for prompts). */
void ui_draw (struct ui *ui);

/* Gives an action to v, then to the loop if v leaves it. */
void ui_view_action (struct view *v, enum action a);
/* The next key (a code point or KEYMAP_FKEY (KEY_*)); -1 on a timeout.
   A ^Z is handled here (the terminal restored, the process stopped):
   when continued it returns KEYMAP_FKEY (KEY_RESIZE), "redraw all". */
int ui_getkey (void);
/* SIGINT, SIGTERM or SIGHUP came: whatever waits for a key gives up. */
bool ui_interrupted (void);

/* Reads a line on the status line after 'label' (prompt.c), starting
   from 'initial' (may be NULL).  Returns the text (caller frees), or NULL
   when cancelled with Esc or ^G. */
char *prompt_read (struct ui *ui, const char *label, const char *initial);

/* ---- the views (view-*.c); each returns a view for ui_push ------------- */

/* Every action with its keys, from actions.def and the current keymap. */
struct view *view_help_new (struct ui *ui);
/* Takes over *a (and clears it); 'path' is shown as it is (it must have
   been made displayable, see names.h).  'file' (may be NULL) is read
   again for the original text when *a has none (an article from the
   index). */
struct view *view_reader_new (struct ui *ui, struct article *a,
                              const char *path, const char *file);
/* Adds a field to the reader's metadata ('label' as translated, with its
   colon), after the authors. */
void view_reader_field (struct view *v, const char *label,
                        const char *value);
/* Highlights 'terms' (text_fold forms, as query_terms gives them) as the
   reader's search, named 'text' in messages. */
void view_reader_mark (struct view *v, const struct strv *terms,
                       const char *text);
/* The clean bodies of a (left) and b (right) compared word by word; takes
   over and frees both articles.  The names head the columns. */
struct view *view_diff_new (struct ui *ui, struct article *a,
                            const char *a_name, struct article *b,
                            const char *b_name);
/* The versions of the story of article 'id' (its reprint cluster) from
   the index 's' (borrowed: the list's); NULL, with a message, when it has
   no other version. */
struct view *view_versions_new (struct ui *ui, struct store *s, int64_t id);
/* The articles of the index, one per row, fetched as they come into view.
   Takes over 's'; 'root' is the collection's directory. */
struct view *view_list_new (struct ui *ui, struct store *s, const char *root);

/* ---- pure helpers (unit-tested) ---------------------------------------- */

struct ui_layout
{
  bool too_small;
  struct rect title, body, status;
};

void ui_layout (int lines, int cols, struct ui_layout *out);

/* Moves a scroll position 'top' over 'total' lines shown 'page' at a time
   for a moving action; returns false for other actions. */
bool ui_scroll (size_t *top, size_t total, int page, enum action a);

/* Side by side needs this many columns; a narrower diff view is inline. */
#define UI_DIFF_SIDE_COLS 80

/* Whether the diff view lays out inline in a window 'cols' wide when
   'want_inline' says what the user asked for (view-diff.c). */
bool view_diff_inline (int cols, bool want_inline);
/* The inline layout of 'd' in 'width' columns, appended to *out: each
   pair's paragraph behind a gutter like wdiff_layout_side's ("~ " moved,
   "! " edited, "+ " added, "- " removed, "= " an echo), a moved or echo
   paragraph after a note line, each deletion before its insertion and,
   with 'marks', in [- -] and {+ +}; a blank line between pairs. */
void view_diff_layout_inline (const struct wdiff *d, int width, bool marks,
                              struct wdiff_lines *out);

/* NULL when the terminal ($TERM, on standard output) can show the reader,
   else why not, translated (caller frees).  Checked before curses starts
   (ui-term.c). */
char *ui_term_problem (void);

/* A date as the reader shows it, in the user's locale and honest about
   its precision: "2021", "Apr 2021", "31 Mar 2021", "31 Mar 2021 04:15
   -04:00".  Caller frees; "" for no date. */
char *ui_date (const struct date *d);

#endif
