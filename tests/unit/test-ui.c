/* test-ui.c: the reader's pure parts: key table, layout, scrolling,
   config parsing, highlight matching, cells and widths, dates. */
#include "system.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>

#include "buf.h"
#include "colour.h"
#include "date.h"
#include "draw.h"
#include "highlight.h"
#include "keymap.h"
#include "settings.h"
#include "strv.h"
#include "ui.h"
#include "wdiff.h"

static void
test_actions_table (void **state)
{
  (void) state;
  struct keymap km = KEYMAP_INIT;
  keymap_defaults (&km);
  for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
    {
      const char *name = action_name ((enum action) a);
      assert_non_null (name);
      assert_int_equal (action_by_name (name), a);
      assert_non_null (action_help ((enum action) a));
      struct buf keys = BUF_INIT;
      /* Every action has a default key. */
      assert_true (keymap_keys_for (&km, (enum action) a, &keys) > 0);
      buf_free (&keys);
    }
  assert_int_equal (action_by_name ("no-such-action"), ACT_NONE);
  /* No key is bound twice by the defaults. */
  for (size_t i = 0; i < km.n; i++)
    for (size_t k = i + 1; k < km.n; k++)
      assert_int_not_equal (km.v[i].key, km.v[k].key);
  keymap_free (&km);
}

static void
test_keymap_defaults (void **state)
{
  (void) state;
  struct keymap km = KEYMAP_INIT;
  keymap_defaults (&km);
  assert_int_equal (keymap_lookup (&km, 'j'), ACT_DOWN);
  assert_int_equal (keymap_lookup (&km, KEYMAP_FKEY (KEY_DOWN)), ACT_DOWN);
  assert_int_equal (keymap_lookup (&km, KEYMAP_CTRL ('D')),
                    ACT_HALF_PAGE_DOWN);
  assert_int_equal (keymap_lookup (&km, KEYMAP_CTRL ('U')), ACT_HALF_PAGE_UP);
  assert_int_equal (keymap_lookup (&km, 'g'), ACT_FIRST);
  assert_int_equal (keymap_lookup (&km, 'G'), ACT_LAST);
  assert_int_equal (keymap_lookup (&km, '\n'), ACT_OPEN);
  assert_int_equal (keymap_lookup (&km, '\r'), ACT_OPEN);
  assert_int_equal (keymap_lookup (&km, KEYMAP_FKEY (KEY_ENTER)), ACT_OPEN);
  assert_int_equal (keymap_lookup (&km, 27), ACT_BACK);
  assert_int_equal (keymap_lookup (&km, 'q'), ACT_BACK);
  assert_int_equal (keymap_lookup (&km, '?'), ACT_HELP);
  assert_int_equal (keymap_lookup (&km, '/'), ACT_SEARCH);
  assert_int_equal (keymap_lookup (&km, KEYMAP_FKEY (KEY_NPAGE)),
                    ACT_PAGE_DOWN);
  assert_int_equal (keymap_lookup (&km, 'z'), ACT_NONE);
  keymap_free (&km);
}

static void
test_keymap_names (void **state)
{
  (void) state;
  static const char *const names[] = {
    "j", "?", "é", "^D", "<Up>", "<PageDown>", "<Enter>", "<Esc>", "<F1>",
    "<F12>", "<Space>", "<Tab>", "<Home>", "語",
  };
  for (size_t i = 0; i < ARRAY_SIZE (names); i++)
    {
      int key;
      assert_int_equal (keymap_parse_key (names[i], &key), 0);
      struct buf b = BUF_INIT;
      keymap_key_name (key, &b);
      assert_string_equal (b.data, names[i]);
      buf_free (&b);
    }
  int key;
  assert_int_equal (keymap_parse_key ("<pagedown>", &key), 0);
  assert_int_equal (key, KEYMAP_FKEY (KEY_NPAGE));
  assert_int_equal (keymap_parse_key ("^d", &key), 0);
  assert_int_equal (key, 4);
  static const char *const bad[] = {
    "", "jj", "<Nope>", "<F13>", "<F0>", "^1", "\x01", "\xff", "<>",
  };
  for (size_t i = 0; i < ARRAY_SIZE (bad); i++)
    assert_int_equal (keymap_parse_key (bad[i], &key), -1);
}

static void
test_keymap_bind (void **state)
{
  (void) state;
  struct keymap km = KEYMAP_INIT;
  keymap_defaults (&km);
  char *cause = NULL;
  assert_int_equal (keymap_bind (&km, "x", "quit", &cause), 0);
  assert_int_equal (keymap_lookup (&km, 'x'), ACT_QUIT);
  assert_int_equal (keymap_bind (&km, "j", "up", &cause), 0);
  assert_int_equal (keymap_lookup (&km, 'j'), ACT_UP);
  assert_int_equal (keymap_bind (&km, "j", "none", &cause), 0);
  assert_int_equal (keymap_lookup (&km, 'j'), ACT_NONE);
  assert_int_equal (keymap_bind (&km, "<Bogus>", "up", &cause), -1);
  assert_non_null (strstr (cause, "<Bogus>"));
  free (cause);
  assert_int_equal (keymap_bind (&km, "y", "fly", &cause), -1);
  assert_non_null (strstr (cause, "fly"));
  free (cause);
  struct buf b = BUF_INIT;
  keymap_keys_for (&km, ACT_UP, &b);
  assert_string_equal (b.data, "k, <Up>");
  buf_free (&b);
  keymap_free (&km);
}

static void
test_layout (void **state)
{
  (void) state;
  struct ui_layout l;
  ui_layout (24, 80, &l);
  assert_false (l.too_small);
  assert_int_equal (l.title.y, 0);
  assert_int_equal (l.body.y, 1);
  assert_int_equal (l.body.lines, 22);
  assert_int_equal (l.body.cols, 80);
  assert_int_equal (l.status.y, 23);
  ui_layout (UI_MIN_LINES, UI_MIN_COLS, &l);
  assert_false (l.too_small);
  assert_int_equal (l.body.lines, UI_MIN_LINES - 2);
  ui_layout (UI_MIN_LINES - 1, 80, &l);
  assert_true (l.too_small);
  ui_layout (24, UI_MIN_COLS - 1, &l);
  assert_true (l.too_small);
  ui_layout (0, 0, &l);
  assert_true (l.too_small);
  assert_int_equal (l.body.lines, 0);
}

static void
test_scroll (void **state)
{
  (void) state;
  size_t top = 0;
  assert_true (ui_scroll (&top, 100, 20, ACT_DOWN));
  assert_int_equal (top, 1);
  assert_true (ui_scroll (&top, 100, 20, ACT_UP));
  assert_true (ui_scroll (&top, 100, 20, ACT_UP));
  assert_int_equal (top, 0);
  assert_true (ui_scroll (&top, 100, 20, ACT_PAGE_DOWN));
  assert_int_equal (top, 20);
  assert_true (ui_scroll (&top, 100, 20, ACT_HALF_PAGE_DOWN));
  assert_int_equal (top, 30);
  assert_true (ui_scroll (&top, 100, 20, ACT_LAST));
  assert_int_equal (top, 80);
  assert_true (ui_scroll (&top, 100, 20, ACT_PAGE_DOWN));
  assert_int_equal (top, 80);
  assert_true (ui_scroll (&top, 100, 20, ACT_HALF_PAGE_UP));
  assert_int_equal (top, 70);
  assert_true (ui_scroll (&top, 100, 20, ACT_FIRST));
  assert_int_equal (top, 0);
  /* Shorter than the window: nothing to scroll. */
  assert_true (ui_scroll (&top, 5, 20, ACT_LAST));
  assert_int_equal (top, 0);
  assert_false (ui_scroll (&top, 100, 20, ACT_OPEN));
}

static void
test_settings (void **state)
{
  (void) state;
  colour_reset ();
  struct settings s;
  struct keymap km = KEYMAP_INIT;
  struct strv warnings = STRV_INIT;
  settings_init (&s);
  keymap_defaults (&km);
  static const char text[] =
    "# a comment\n"
    "bind x quit\n"
    "\n"
    "bind <F2> nonsense\n"                  /* 4: unknown action */
    "  unbind   q   # trailing comment\n"
    "highlight Jurczyk\n"
    "highlight \"space agency\"\n"
    "highlight China   National\n"
    "frobnicate\n"                          /* 9 */
    "set mouse off\n"
    "set color never\n"
    "color search red default bold\n"
    "color nosuchrole red\n"                /* 13 */
    "highlight \"unterminated\n"            /* 14 */
    "set mouse maybe\r\n"                   /* 15 */
    "bind j";                               /* 16, no newline */
  settings_parse (&s, &km, text, sizeof text - 1, "cfg", &warnings);
  assert_int_equal (keymap_lookup (&km, 'x'), ACT_QUIT);
  assert_int_equal (keymap_lookup (&km, 'q'), ACT_NONE);
  assert_int_equal (keymap_lookup (&km, KEYMAP_FKEY (KEY_F (2))), ACT_NONE);
  assert_false (s.mouse);
  assert_int_equal (s.colour_when, COLOUR_NEVER);
  assert_int_equal (s.terms.n, 3);
  assert_string_equal (s.terms.v[0], "Jurczyk");
  assert_string_equal (s.terms.v[1], "space agency");
  assert_string_equal (s.terms.v[2], "China National");
  assert_int_equal (warnings.n, 6);
  assert_true (strncmp (warnings.v[0], "cfg:4: ", 7) == 0);
  assert_true (strncmp (warnings.v[1], "cfg:9: ", 7) == 0);
  assert_true (strncmp (warnings.v[2], "cfg:13: ", 8) == 0);
  assert_true (strncmp (warnings.v[3], "cfg:14: ", 8) == 0);
  assert_true (strncmp (warnings.v[4], "cfg:15: ", 8) == 0);
  assert_true (strncmp (warnings.v[5], "cfg:16: ", 8) == 0);
  strv_free (&warnings);
  settings_free (&s);
  keymap_free (&km);
  colour_reset ();
}

static void
test_colour_when (void **state)
{
  (void) state;
  assert_int_equal (colour_parse_when ("auto"), COLOUR_AUTO);
  assert_int_equal (colour_parse_when ("always"), COLOUR_ALWAYS);
  assert_int_equal (colour_parse_when ("never"), COLOUR_NEVER);
  assert_int_equal (colour_parse_when ("sometimes"), -1);
  char *cause = NULL;
  char *ok[] = { (char *) "dim", (char *) "bright-black", (char *) "colour240",
                 (char *) "italic" };
  assert_int_equal (colour_configure (ok, 4, &cause), 0);
  char *bad[] = { (char *) "dim", (char *) "purple" };
  assert_int_equal (colour_configure (bad, 2, &cause), -1);
  assert_non_null (strstr (cause, "purple"));
  free (cause);
  colour_reset ();
}

/* Hits of 'terms' in s, as "off+len:tag" separated by spaces. */
static char *
hits_of (const char *const *terms, size_t n_terms, const char *s)
{
  struct highlight h = HIGHLIGHT_INIT;
  for (size_t i = 0; i < n_terms; i++)
    highlight_add (&h, terms[i], (int) i);
  struct highlight_hit *hits = NULL;
  size_t alloc = 0;
  size_t n = highlight_find (&h, s, strlen (s), &hits, &alloc);
  struct buf b = BUF_INIT;
  buf_adds (&b, "");
  for (size_t i = 0; i < n; i++)
    buf_printf (&b, "%s%zu+%zu:%d", i ? " " : "", hits[i].off, hits[i].len,
                hits[i].tag);
  free (hits);
  highlight_free (&h);
  return buf_steal (&b);
}

static void
test_highlight (void **state)
{
  (void) state;
  const char *t1[] = { "mars" };
  char *r = hits_of (t1, 1, "Mars, MARS and Marseille; mars.");
  assert_string_equal (r, "0+4:0 6+4:0 26+4:0");
  free (r);
  /* Accents and case fold away, both ways. */
  const char *t2[] = { "cafe", "Élan" };
  r = hits_of (t2, 2, "Café élan CAFÉ");
  assert_string_equal (r, "0+5:0 6+5:1 12+5:0");
  free (r);
  /* A term of several words spans the punctuation between them. */
  const char *t3[] = { "space agency", "agency" };
  r = hits_of (t3, 2, "the Space-Agency and a space  agency");
  assert_string_equal (r, "4+12:0 10+6:1 23+13:0 30+6:1");
  free (r);
  /* Prefix terms. */
  const char *t4[] = { "consult*" };
  r = hits_of (t4, 1, "consultations, consulted, consul");
  assert_string_equal (r, "0+13:0 15+9:0");
  free (r);
  /* No words: nothing added. */
  struct highlight h = HIGHLIGHT_INIT;
  assert_false (highlight_add (&h, "  ... ", 0));
  assert_int_equal (h.n, 0);
  highlight_free (&h);
}

/* The cells of s as "width:codepoints" separated by spaces. */
static char *
cells_of (const char *s)
{
  struct buf b = BUF_INIT;
  buf_adds (&b, "");
  size_t i = 0;
  struct draw_cell c;
  while (draw_next_cell (s, strlen (s), &i, &c))
    {
      buf_printf (&b, "%s%d:", b.len ? " " : "", c.width);
      for (int k = 0; c.wc[k]; k++)
        buf_printf (&b, "%s%X", k ? "+" : "", (unsigned) c.wc[k]);
    }
  return buf_steal (&b);
}

static void
test_cells (void **state)
{
  (void) state;
  char *r = cells_of ("a語😀");
  assert_string_equal (r, "1:61 2:8A9E 2:1F600");
  free (r);
  /* A combining mark joins its base; one with no base is dropped. */
  r = cells_of ("\xcc\x81" "e\xcc\x81x");
  assert_string_equal (r, "1:65+301 1:78");
  free (r);
  /* Controls, escapes, DEL, C1 and invalid bytes never get through. */
  r = cells_of ("a\x1b[31mb\x7f\xc2\x9b\xff\t");
  assert_string_equal (r, "1:61 1:FFFD 1:5B 1:33 1:31 1:6D 1:62 1:FFFD "
                       "1:FFFD 1:FFFD 1:20");
  free (r);
  /* Bidi overrides too. */
  r = cells_of ("x\xe2\x80\xaey");
  assert_string_equal (r, "1:78 1:FFFD 1:79");
  free (r);
}

static void
test_date (void **state)
{
  (void) state;
  struct date d = { 0 };
  char *s = ui_date (&d);
  assert_string_equal (s, "");
  free (s);
  d = (struct date) { DATE_PREC_YEAR, 2021, 0, 0, 0, 0, 0, false, 0 };
  s = ui_date (&d);
  assert_string_equal (s, "2021");
  free (s);
  d.precision = DATE_PREC_MONTH;
  d.month = 4;
  s = ui_date (&d);
  assert_string_equal (s, "Apr 2021");
  free (s);
  d = (struct date) { DATE_PREC_DAY, 2021, 3, 1, 0, 0, 0, false, 0 };
  s = ui_date (&d);
  assert_string_equal (s, "1 Mar 2021");
  free (s);
  d = (struct date) { DATE_PREC_MINUTE, 2021, 3, 31, 4, 15, 0, true, -240 };
  s = ui_date (&d);
  assert_string_equal (s, "31 Mar 2021 04:15 -04:00");
  free (s);
  d = (struct date) { DATE_PREC_SECOND, 2021, 3, 31, 8, 15, 2, true, 0 };
  s = ui_date (&d);
  assert_string_equal (s, "31 Mar 2021 08:15:02 UTC");
  free (s);
}

/* Terms are found again by their folded words, and removed. */
static void
test_highlight_remove (void **state)
{
  (void) state;
  struct highlight h = HIGHLIGHT_INIT;
  assert_true (highlight_add (&h, "  Space   Agency ", 1));
  assert_true (highlight_add (&h, "mars*", 2));
  assert_true (highlight_add (&h, "NASA", 3));
  assert_false (highlight_add (&h, " -- ", 4));
  assert_string_equal (h.v[0].text, "Space   Agency");
  assert_string_equal (h.v[1].text, "mars*");
  assert_int_equal (highlight_index (&h, "space agency"), 0);
  assert_int_equal (highlight_index (&h, "SPACE, agency"), 0);
  assert_int_equal (highlight_index (&h, "space"), -1);
  assert_int_equal (highlight_index (&h, "mars"), -1);
  assert_int_equal (highlight_index (&h, "Mars*"), 1);
  assert_int_equal (highlight_index (&h, "nasa"), 2);
  highlight_remove (&h, 1);
  assert_int_equal (h.n, 2);
  assert_int_equal (highlight_index (&h, "nasa"), 1);
  assert_int_equal (h.v[1].tag, 3);
  highlight_remove (&h, 5);
  assert_int_equal (h.n, 2);
  highlight_free (&h);
}

/* Side by side from UI_DIFF_SIDE_COLS columns on, unless asked not to. */
static void
test_diff_inline_decision (void **state)
{
  (void) state;
  assert_true (view_diff_inline (40, false));
  assert_true (view_diff_inline (UI_DIFF_SIDE_COLS - 1, false));
  assert_false (view_diff_inline (UI_DIFF_SIDE_COLS, false));
  assert_false (view_diff_inline (200, false));
  assert_true (view_diff_inline (UI_DIFF_SIDE_COLS, true));
  assert_true (view_diff_inline (70, true));
}

static void
test_diff_layout_inline (void **state)
{
  (void) state;
  const char *a = "First paragraph stays.\n\nThe old boats sailed home.\n\n"
    "Gone entirely now.";
  const char *b = "First paragraph stays.\n\nThe old crafts sailed home.";
  struct wdiff d;
  wdiff_run (a, strlen (a), b, strlen (b), NULL, &d);
  struct wdiff_lines l = WDIFF_LINES_INIT;
  view_diff_layout_inline (&d, 60, true, &l);
  assert_true (l.n >= 5);
  assert_string_equal (l.v[0].text, "  First paragraph stays.");
  assert_string_equal (l.v[1].text, "");
  assert_string_equal (l.v[2].text,
                       "! The old [-boats-]{+crafts+} sailed home.");
  assert_string_equal (l.v[4].text, "- [-Gone entirely now.-]");
  /* The deletion, then the insertion, as spans (the gutter first). */
  const struct wdiff_line *c = &l.v[2];
  assert_int_equal (c->n_spans, 3);
  assert_int_equal (c->spans[0].attr, WDIFF_ATTR_GUTTER_CHANGED);
  assert_int_equal (c->spans[1].attr, WDIFF_ATTR_DEL);
  assert_int_equal (c->spans[1].off, 10);
  assert_int_equal (c->spans[1].len, 9);
  assert_int_equal (c->spans[2].attr, WDIFF_ATTR_INS);
  wdiff_lines_free (&l);
  /* Narrow: wrapped, never inside a mark; no marks in colour. */
  view_diff_layout_inline (&d, 16, false, &l);
  for (size_t i = 0; i < l.n; i++)
    assert_true (l.v[i].width <= 16);
  wdiff_lines_free (&l);
  wdiff_free (&d);
}

int
main (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_actions_table),
    cmocka_unit_test (test_keymap_defaults),
    cmocka_unit_test (test_keymap_names),
    cmocka_unit_test (test_keymap_bind),
    cmocka_unit_test (test_layout),
    cmocka_unit_test (test_scroll),
    cmocka_unit_test (test_settings),
    cmocka_unit_test (test_colour_when),
    cmocka_unit_test (test_highlight),
    cmocka_unit_test (test_highlight_remove),
    cmocka_unit_test (test_diff_inline_decision),
    cmocka_unit_test (test_diff_layout_inline),
    cmocka_unit_test (test_cells),
    cmocka_unit_test (test_date),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
