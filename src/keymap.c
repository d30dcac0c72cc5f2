/* keymap.c: key names and bindings, driven by actions.def. */
#include "system.h"
#include "keymap.h"

#include <curses.h>
#include <strings.h>
#include <unistr.h>

#include "buf.h"

struct action_info
{
  const char *name;
  const char *keys;
  const char *help;     /* N_() */
};

static const struct action_info keymap_actions[] = {
  [ACT_NONE] = { NULL, NULL, NULL },
#define ACTION(id, name, keys, help) [ACT_##id] = { name, keys, help },
#include "actions.def"
#undef ACTION
};

static const struct
{
  const char *name;
  int key;
} keymap_names[] = {
  { "Up", KEYMAP_FKEY (KEY_UP) },
  { "Down", KEYMAP_FKEY (KEY_DOWN) },
  { "Left", KEYMAP_FKEY (KEY_LEFT) },
  { "Right", KEYMAP_FKEY (KEY_RIGHT) },
  { "PageUp", KEYMAP_FKEY (KEY_PPAGE) },
  { "PageDown", KEYMAP_FKEY (KEY_NPAGE) },
  { "Home", KEYMAP_FKEY (KEY_HOME) },
  { "End", KEYMAP_FKEY (KEY_END) },
  { "Enter", '\n' },
  { "Esc", 27 },
  { "Tab", '\t' },
  { "Space", ' ' },
  { "Backspace", KEYMAP_FKEY (KEY_BACKSPACE) },
  { "Delete", KEYMAP_FKEY (KEY_DC) },
  { "Insert", KEYMAP_FKEY (KEY_IC) },
};

const char *
action_name (enum action a)
{
  return a > ACT_NONE && a < ACT_COUNT ? keymap_actions[a].name : NULL;
}

const char *
action_help (enum action a)
{
  return a > ACT_NONE && a < ACT_COUNT ? _(keymap_actions[a].help) : NULL;
}

enum action
action_by_name (const char *name)
{
  for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
    if (strcmp (keymap_actions[a].name, name) == 0)
      return (enum action) a;
  return ACT_NONE;
}

void
keymap_free (struct keymap *km)
{
  free (km->v);
  km->v = NULL;
  km->n = km->alloc = 0;
}

static int
keymap_normalize (int key)
{
  if (key == '\r' || key == KEYMAP_FKEY (KEY_ENTER))
    return '\n';
  if (key == 127 || key == 8)
    return KEYMAP_FKEY (KEY_BACKSPACE);
  return key;
}

void
keymap_set (struct keymap *km, int key, enum action a)
{
  key = keymap_normalize (key);
  for (size_t i = 0; i < km->n; i++)
    if (km->v[i].key == key)
      {
        memmove (&km->v[i], &km->v[i + 1], (km->n - i - 1) * sizeof *km->v);
        km->n--;
        break;
      }
  if (a == ACT_NONE)
    return;
  km->v = xgrow (km->v, &km->alloc, km->n + 1, sizeof *km->v);
  km->v[km->n].key = key;
  km->v[km->n].action = a;
  km->n++;
}

enum action
keymap_lookup (const struct keymap *km, int key)
{
  key = keymap_normalize (key);
  for (size_t i = 0; i < km->n; i++)
    if (km->v[i].key == key)
      return km->v[i].action;
  return ACT_NONE;
}

int
keymap_parse_key (const char *name, int *key)
{
  size_t n = strlen (name);
  if (n == 0)
    return -1;
  if (name[0] == '<' && n > 2 && name[n - 1] == '>')
    {
      const char *s = name + 1;
      size_t len = n - 2;
      for (size_t i = 0; i < ARRAY_SIZE (keymap_names); i++)
        if (strlen (keymap_names[i].name) == len
            && strncasecmp (keymap_names[i].name, s, len) == 0)
          {
            *key = keymap_names[i].key;
            return 0;
          }
      if ((s[0] == 'F' || s[0] == 'f') && len >= 2 && len <= 3)
        {
          int f = 0;
          for (size_t i = 1; i < len; i++)
            {
              if (s[i] < '0' || s[i] > '9')
                return -1;
              f = f * 10 + (s[i] - '0');
            }
          if (f < 1 || f > 12)
            return -1;
          *key = KEYMAP_FKEY (KEY_F (f));
          return 0;
        }
      return -1;
    }
  if (name[0] == '^' && n == 2)
    {
      char c = name[1];
      if (c >= 'a' && c <= 'z')
        c = (char) (c - 'a' + 'A');
      if (c < '@' || c > '_')
        return -1;
      *key = KEYMAP_CTRL (c);
      return 0;
    }
  ucs4_t uc;
  int len = u8_mbtoucr (&uc, (const uint8_t *) name, n);
  if (len < 0 || (size_t) len != n || uc < 0x20 || (uc >= 0x7f && uc < 0xa0))
    return -1;
  *key = (int) uc;
  return 0;
}

void
keymap_key_name (int key, struct buf *out)
{
  for (size_t i = 0; i < ARRAY_SIZE (keymap_names); i++)
    if (keymap_names[i].key == key)
      {
        buf_printf (out, "<%s>", keymap_names[i].name);
        return;
      }
  if (KEYMAP_IS_FKEY (key))
    {
      int k = key - KEYMAP_FKEY (0);
      if (k >= KEY_F (1) && k <= KEY_F (12))
        buf_printf (out, "<F%d>", k - KEY_F (0));
      else
        buf_printf (out, "<%d>", k);
      return;
    }
  if (key >= 0 && key < 0x20)
    {
      buf_addc (out, '^');
      buf_addc (out, (char) (key + '@'));
      return;
    }
  uint8_t tmp[6];
  int len = u8_uctomb (tmp, (ucs4_t) key, sizeof tmp);
  if (len > 0)
    buf_add (out, tmp, (size_t) len);
}

size_t
keymap_keys_for (const struct keymap *km, enum action a, struct buf *out)
{
  size_t count = 0;
  for (size_t i = 0; i < km->n; i++)
    if (km->v[i].action == a)
      {
        if (count++)
          buf_adds (out, ", ");
        keymap_key_name (km->v[i].key, out);
      }
  return count;
}

void
keymap_defaults (struct keymap *km)
{
  for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
    {
      const char *p = keymap_actions[a].keys;
      while (*p)
        {
          size_t len = strcspn (p, " ");
          char *name = xstrndup (p, len);
          int key;
          if (keymap_parse_key (name, &key) == 0)
            keymap_set (km, key, (enum action) a);
          free (name);
          p += len;
          p += strspn (p, " ");
        }
    }
}

int
keymap_bind (struct keymap *km, const char *key, const char *action,
             char **cause)
{
  int k;
  if (keymap_parse_key (key, &k) != 0)
    {
      *cause = xasprintf (_("unknown key '%s'"), key);
      return -1;
    }
  enum action a = ACT_NONE;
  if (strcmp (action, "none") != 0)
    {
      a = action_by_name (action);
      if (a == ACT_NONE)
        {
          *cause = xasprintf (_("unknown action '%s'"), action);
          return -1;
        }
    }
  keymap_set (km, k, a);
  return 0;
}
