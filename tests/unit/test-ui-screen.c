/* test-ui-screen.c: drawing, the reader's layout and the help view on a
   curses screen that writes to /dev/null, read back cell by cell: wide
   characters take two columns, nothing is drawn past its rectangle,
   controls never reach the screen, wrapping keeps every word. */
#include "system.h"

#include <limits.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>

#include <curses.h>

#include "article.h"
#include "buf.h"
#include "colour.h"
#include "draw.h"
#include "keymap.h"
#include "ui.h"

static FILE *screen_out, *screen_in;
static SCREEN *screen;

/* A screen of a known terminal type; false when its terminfo entry is
   not installed (the test is then skipped). */
static bool
screen_start (void)
{
  screen_out = fopen ("/dev/null", "w");
  screen_in = fopen ("/dev/null", "r");
  if (!screen_out || !screen_in)
    return false;
  screen = newterm ("xterm-256color", screen_out, screen_in);
  if (screen == NULL)
    return false;
  resizeterm (24, 80);
  colour_setup (COLOUR_NEVER);
  return true;
}

static void
screen_stop (void)
{
  endwin ();
  delscreen (screen);
  fclose (screen_out);
  fclose (screen_in);
}

/* The characters of row y from column x for n columns, as UTF-8; the
   second half of a wide character is left out, as on a terminal. */
static char *
screen_row (int y, int x, int n)
{
  struct buf b = BUF_INIT;
  buf_adds (&b, "");
  for (int c = x; c < x + n; c++)
    {
      cchar_t cc;
      wchar_t wc[CCHARW_MAX + 1];
      attr_t a;
      short pair;
      if (mvwin_wch (stdscr, y, c, &cc) == ERR)
        break;
      getcchar (&cc, wc, &a, &pair, NULL);
      if (wc[0] == 0)
        continue;
      for (int k = 0; wc[k]; k++)
        {
          char mb[MB_LEN_MAX + 1];
          int len = wctomb (mb, wc[k]);
          if (len > 0)
            buf_add (&b, mb, (size_t) len);
        }
      int w = wcwidth (wc[0]);
      if (w == 2)
        c++;
    }
  return buf_steal (&b);
}

static wchar_t
screen_cell (int y, int x)
{
  cchar_t cc;
  wchar_t wc[CCHARW_MAX + 1];
  attr_t a;
  short pair;
  mvwin_wch (stdscr, y, x, &cc);
  getcchar (&cc, wc, &a, &pair, NULL);
  return wc[0];
}

static void
test_draw_columns (void **state)
{
  (void) state;
  erase ();
  int used = draw_str (stdscr, 0, 0, 80, "a語😀b\x1b[31mc\xe2\x80\xae" "d",
                       A_NORMAL);
  assert_int_equal (screen_cell (0, 0), L'a');
  assert_int_equal (screen_cell (0, 1), 0x8a9e);
  assert_int_equal (screen_cell (0, 3), 0x1f600);
  assert_int_equal (screen_cell (0, 5), L'b');
  assert_int_equal (screen_cell (0, 6), 0xfffd);
  assert_int_equal (screen_cell (0, 7), L'[');
  assert_int_equal (screen_cell (0, 11), L'c');
  assert_int_equal (screen_cell (0, 12), 0xfffd);
  assert_int_equal (screen_cell (0, 13), L'd');
  assert_int_equal (used, 14);

  /* A wide character that does not fit is left out whole. */
  erase ();
  draw_fill (stdscr, 1, 0, 10, A_NORMAL);
  assert_int_equal (draw_str (stdscr, 1, 0, 3, "語語", A_NORMAL), 2);
  assert_int_equal (screen_cell (1, 2), L' ');
  assert_int_equal (draw_str (stdscr, 1, 5, 4, "語語x", A_NORMAL), 4);
  assert_int_equal (screen_cell (1, 9), L' ');
  /* Combining marks stay with their base. */
  erase ();
  assert_int_equal (draw_str (stdscr, 2, 0, 10, "e\xcc\x81x", A_NORMAL), 2);
  assert_int_equal (screen_cell (2, 1), L'x');
}

static void
test_draw_spans (void **state)
{
  (void) state;
  erase ();
  struct draw_span spans[] = { { 2, 3, A_BOLD }, { 3, 1, A_REVERSE } };
  draw_text_spans (stdscr, 0, 0, 20, "abcdefg", 7, A_NORMAL, spans, 2);
  attr_t want[] = { 0, 0, A_BOLD, A_REVERSE, A_BOLD, 0, 0 };
  for (int x = 0; x < 7; x++)
    {
      cchar_t cc;
      wchar_t wc[CCHARW_MAX + 1];
      attr_t a;
      short pair;
      mvwin_wch (stdscr, 0, x, &cc);
      getcchar (&cc, wc, &a, &pair, NULL);
      assert_int_equal (a & (A_BOLD | A_REVERSE), want[x]);
    }
}

static void
test_article (struct article *a)
{
  memset (a, 0, sizeof *a);
  a->headline = xstrdup ("A headline long enough to wrap in a narrow pane");
  a->dek = xstrdup ("The dek");
  a->date = (struct date) { DATE_PREC_MONTH, 2021, 4, 0, 0, 0, 0, false, 0 };
  a->outlet = xstrdup ("The Outlet");
  strv_add (&a->authors, "Ann Author");
  strv_add (&a->authors, "Bob Writer");
  a->body = xstrdup ("First paragraph with some words that go on and on "
                     "until the line has to wrap somewhere.\n\n"
                     "語語語語語語語語語語語語語語語語語語語語語語語語語語\n\n"
                     "Supercalifragilisticexpialidociousandthensomemoreletters"
                     " end.\n\nLast paragraph, ESC\x1b[2J here.");
  a->body_len = strlen (a->body);
}

/* The words of the screen rows [y0, y1), in order, joined by spaces. */
static char *
screen_words (int y0, int y1, int x, int n)
{
  struct buf b = BUF_INIT;
  buf_adds (&b, "");
  for (int y = y0; y < y1; y++)
    {
      char *row = screen_row (y, x, n);
      char *p = row;
      while (*p)
        {
          size_t sp = strspn (p, " ");
          p += sp;
          size_t len = strcspn (p, " ");
          if (len)
            {
              if (b.len)
                buf_addc (&b, ' ');
              buf_add (&b, p, len);
            }
          p += len;
        }
      free (row);
    }
  return buf_steal (&b);
}

static void
test_reader_layout (void **state)
{
  (void) state;
  setenv ("XDG_CONFIG_HOME", "/nonexistent", 1);
  struct strv warnings = STRV_INIT;
  struct ui ui;
  ui_init (&ui, &warnings);
  struct article a;
  test_article (&a);
  struct view *v = view_reader_new (&ui, &a, "dir/file.txt", NULL);
  assert_null (a.headline);

  for (int cols = 30; cols < 80; cols += 24)
    {
      erase ();
      /* Columns outside the pane keep what was there. */
      for (int y = 0; y < 24; y++)
        draw_str (stdscr, y, cols, 80 - cols, "#", A_NORMAL);
      struct rect r = { 0, 0, 24, cols };
      v->rect = r;
      v->ops->draw (v, r);
      for (int y = 0; y < 24; y++)
        {
          if (screen_cell (y, cols) != L'#')
            {
              char *row = screen_row (y, 0, 80);
              print_message ("at %d columns, row %d: [%s]\n", cols, y, row);
              free (row);
            }
          assert_int_equal (screen_cell (y, cols), L'#');
        }
      char *words = screen_words (0, 24, 0, cols);
      assert_non_null (strstr (words, "A headline long enough to wrap in a "
                               "narrow pane The dek"));
      assert_non_null (strstr (words, "Date: Apr 2021 Outlet: The Outlet "
                               "Authors: Ann Author, Bob Writer "
                               "File: dir/file.txt"));
      assert_non_null (strstr (words, "First paragraph with some words that "
                               "go on and on until the line has to wrap "
                               "somewhere."));
      /* The long word is cut, not lost. */
      assert_non_null (strstr (words, "Supercalifragilistic"));
      assert_non_null (strstr (words, "end."));
      assert_null (strstr (words, "\x1b"));
      free (words);
      /* The CJK paragraph: full rows of wide characters, none split. */
      int cjk_rows = 0;
      for (int y = 0; y < 24; y++)
        if (screen_cell (y, 1) == 0x8a9e)
          {
            cjk_rows++;
            for (int x = 1; x + 1 < cols - 1; x += 2)
              {
                wchar_t c = screen_cell (y, x);
                assert_true (c == 0x8a9e || c == L' ');
              }
          }
      int per_row = (cols - 2) / 2;
      assert_int_equal (cjk_rows, (26 + per_row - 1) / per_row);
    }
  v->ops->free (v);
  ui_free (&ui);
  strv_free (&warnings);
}

static void
test_reader_scroll_keeps_place (void **state)
{
  (void) state;
  setenv ("XDG_CONFIG_HOME", "/nonexistent", 1);
  struct ui ui;
  struct strv warnings = STRV_INIT;
  ui_init (&ui, &warnings);
  struct article a;
  memset (&a, 0, sizeof a);
  a.headline = xstrdup ("Many paragraphs");
  struct buf body = BUF_INIT;
  for (int i = 1; i <= 60; i++)
    buf_printf (&body, "%sParagraph number %d, with enough words in it to "
                "wrap on a narrow window.", i > 1 ? "\n\n" : "", i);
  a.body_len = body.len;
  a.body = buf_steal (&body);
  struct view *v = view_reader_new (&ui, &a, NULL, NULL);
  struct rect r = { 0, 0, 20, 80 };
  v->ops->draw (v, r);
  for (int i = 0; i < 40; i++)
    v->ops->action (v, ACT_DOWN);
  v->ops->draw (v, r);
  char *top = screen_row (0, 0, 80);
  assert_non_null (strstr (top, "Paragraph number"));
  char *num = strstr (top, "number ");
  int para = num ? atoi (num + 7) : -1;
  free (top);
  /* Narrower: the same paragraph is still at the top. */
  struct rect narrow = { 0, 0, 20, 40 };
  erase ();
  v->ops->draw (v, narrow);
  char *words = screen_words (0, 2, 0, 40);
  char *want = xasprintf ("number %d,", para);
  assert_non_null (strstr (words, want));
  free (want);
  free (words);
  v->ops->free (v);
  ui_free (&ui);
  strv_free (&warnings);
}

static void
test_help_lists_actions (void **state)
{
  (void) state;
  setenv ("XDG_CONFIG_HOME", "/nonexistent", 1);
  struct ui ui;
  struct strv warnings = STRV_INIT;
  ui_init (&ui, &warnings);
  keymap_set (&ui.keys, 'x', ACT_QUIT);
  struct view *v = view_help_new (&ui);
  resizeterm (60, 100);
  erase ();
  struct rect r = { 0, 0, 60, 100 };
  v->ops->draw (v, r);
  struct buf all = BUF_INIT;
  for (int y = 0; y < 60; y++)
    {
      char *row = screen_row (y, 0, 100);
      buf_adds (&all, row);
      buf_addc (&all, '\n');
      free (row);
    }
  for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
    {
      char *want = xasprintf (" %s ", action_name ((enum action) a));
      assert_non_null (strstr (all.data, want));
      free (want);
    }
  /* Bindings from the config show. */
  assert_non_null (strstr (all.data, "Q, x "));
  buf_free (&all);
  resizeterm (24, 80);
  v->ops->free (v);
  ui_free (&ui);
  strv_free (&warnings);
}

int
main (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_draw_columns),
    cmocka_unit_test (test_draw_spans),
    cmocka_unit_test (test_reader_layout),
    cmocka_unit_test (test_reader_scroll_keeps_place),
    cmocka_unit_test (test_help_lists_actions),
  };
  if (!screen_start ())
    {
      puts ("SKIP: no terminfo entry for xterm-256color");
      return 77;
    }
  int r = cmocka_run_group_tests (tests, NULL, NULL);
  screen_stop ();
  return r;
}
