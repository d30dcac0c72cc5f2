/* keymap.h: key names, and the bindings from keys to actions.

   The actions come from actions.def; a key is an int: a Unicode code point
   for a character key (control keys are 1..31), or KEYMAP_FKEY (curses
   KEY_* code) for a function key, so the two never collide.  A keymap owns
   its bindings; it starts empty or with the defaults of actions.def.
   Pure apart from the KEY_* constants of curses: unit-tested without a
   terminal. */
#ifndef BYLINE_KEYMAP_H
#define BYLINE_KEYMAP_H

#include <stddef.h>

struct buf;

enum action
{
  ACT_NONE = 0,
#define ACTION(id, name, keys, help) ACT_##id,
#include "actions.def"
#undef ACTION
  ACT_COUNT
};

#define KEYMAP_FKEY(k) (0x200000 + (k))
#define KEYMAP_IS_FKEY(k) ((k) >= 0x200000)
#define KEYMAP_CTRL(c) ((c) & 0x1f)

struct keymap_binding
{
  int key;
  enum action action;
};

struct keymap
{
  struct keymap_binding *v;
  size_t n;
  size_t alloc;
};

#define KEYMAP_INIT { NULL, 0, 0 }

/* The action's name ("page-down") and translated help text; NULL for
   ACT_NONE or out of range. */
const char *action_name (enum action a);
const char *action_help (enum action a);
/* The action of a name, ACT_NONE when there is none. */
enum action action_by_name (const char *name);

/* Adds the default bindings of actions.def. */
void keymap_defaults (struct keymap *km);
void keymap_free (struct keymap *km);

/* Binds 'key' to 'a', replacing what it was bound to; ACT_NONE unbinds. */
void keymap_set (struct keymap *km, int key, enum action a);
/* The action bound to 'key', ACT_NONE if none.  '\r' and the curses
   Enter key count as '\n'. */
enum action keymap_lookup (const struct keymap *km, int key);

/* Parses a key name: a single character ("j", "?", "é"), "^X" for a
   control key, or one of <Up> <Down> <Left> <Right> <PageUp> <PageDown>
   <Home> <End> <Enter> <Esc> <Tab> <Space> <Backspace> <Delete> <Insert>
   <F1>..<F12> (case-insensitive).  Returns 0 and sets *key, or -1. */
int keymap_parse_key (const char *name, int *key);
/* Appends the name of 'key' as keymap_parse_key reads it. */
void keymap_key_name (int key, struct buf *out);
/* Appends the names of the keys bound to 'a', separated by ", ", in
   the order they were bound; returns how many. */
size_t keymap_keys_for (const struct keymap *km, enum action a,
                        struct buf *out);

/* "bind KEY ACTION": returns 0, or -1 with *cause (translated, caller
   frees). */
int keymap_bind (struct keymap *km, const char *key, const char *action,
                 char **cause);

#endif
