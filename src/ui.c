/* ui.c: the curses loop, the view stack, signals and resizing. */
#include "system.h"
#include "ui.h"

#include <signal.h>
#include <stdarg.h>
#include <time.h>

#include <curses.h>

#include "buf.h"
#include "colour.h"
#include "date.h"
#include "draw.h"
#include "text.h"

/* Set by the signal handlers, read by the loop. */
static volatile sig_atomic_t ui_signalled;
static volatile sig_atomic_t ui_continued;
/* For the atexit handler: curses is running. */
static bool ui_curses_active;

void
ui_init (struct ui *ui, struct strv *warnings)
{
  memset (ui, 0, sizeof *ui);
  settings_init (&ui->settings);
  keymap_defaults (&ui->keys);
  settings_load (&ui->settings, &ui->keys, warnings);
  for (size_t i = 0; i < ui->settings.terms.n; i++)
    ui_add_term (ui, ui->settings.terms.v[i]);
}

void
ui_free (struct ui *ui)
{
  while (ui->depth)
    ui_pop (ui);
  free (ui->stack);
  keymap_free (&ui->keys);
  settings_free (&ui->settings);
  highlight_free (&ui->terms);
  free (ui->status);
  memset (ui, 0, sizeof *ui);
}

bool
ui_add_term (struct ui *ui, const char *term)
{
  if (highlight_index (&ui->terms, term) >= 0)
    return false;
  /* The first colour free, so a term removed gives its colour back. */
  size_t slot = ui->terms.n;
  for (size_t c = COLOUR_N_TERMS; c-- > 0;)
    {
      size_t i = 0;
      while (i < ui->terms.n
             && ui->terms.v[i].tag != (int) colour_term_role (c))
        i++;
      if (i == ui->terms.n)
        slot = c;
    }
  if (!highlight_add (&ui->terms, term, (int) colour_term_role (slot)))
    return false;
  ui->terms_gen++;
  return true;
}

bool
ui_remove_term (struct ui *ui, const char *term)
{
  ptrdiff_t i = highlight_index (&ui->terms, term);
  if (i < 0)
    return false;
  highlight_remove (&ui->terms, (size_t) i);
  ui->terms_gen++;
  return true;
}

void
ui_push (struct ui *ui, struct view *v)
{
  ui->stack = xgrow (ui->stack, &ui->alloc, ui->depth + 1,
                     sizeof *ui->stack);
  v->ui = ui;
  ui->stack[ui->depth++] = v;
}

void
ui_pop (struct ui *ui)
{
  if (ui->depth == 0)
    return;
  struct view *v = ui->stack[--ui->depth];
  v->ops->free (v);
}

struct view *
ui_top (const struct ui *ui)
{
  return ui->depth ? ui->stack[ui->depth - 1] : NULL;
}

static void
ui_set_status (struct ui *ui, bool error, const char *fmt, va_list ap)
{
  free (ui->status);
  ui->status = xvasprintf (fmt, ap);
  ui->status_error = error;
}

void
ui_message (struct ui *ui, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  ui_set_status (ui, false, fmt, ap);
  va_end (ap);
}

void
ui_error (struct ui *ui, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  ui_set_status (ui, true, fmt, ap);
  va_end (ap);
}

/* ---- pure helpers ------------------------------------------------------- */

void
ui_layout (int lines, int cols, struct ui_layout *out)
{
  memset (out, 0, sizeof *out);
  out->too_small = lines < UI_MIN_LINES || cols < UI_MIN_COLS;
  out->title = (struct rect) { 0, 0, 1, cols };
  out->body = (struct rect) { 1, 0, MAX (lines - 2, 0), cols };
  out->status = (struct rect) { MAX (lines - 1, 0), 0, 1, cols };
}

bool
ui_scroll (size_t *top, size_t total, int page, enum action a)
{
  size_t p = page > 1 ? (size_t) page : 1;
  size_t max = total > p ? total - p : 0;
  size_t t = MIN (*top, max);
  switch (a)
    {
    case ACT_UP:
      t = t ? t - 1 : 0;
      break;
    case ACT_DOWN:
      t = MIN (t + 1, max);
      break;
    case ACT_PAGE_UP:
      t = t > p ? t - p : 0;
      break;
    case ACT_PAGE_DOWN:
      t = MIN (t + p, max);
      break;
    case ACT_HALF_PAGE_UP:
      t = t > p / 2 ? t - MAX (p / 2, 1) : 0;
      break;
    case ACT_HALF_PAGE_DOWN:
      t = MIN (t + MAX (p / 2, 1), max);
      break;
    case ACT_FIRST:
      t = 0;
      break;
    case ACT_LAST:
      t = max;
      break;
    default:
      return false;
    }
  *top = t;
  return true;
}

char *
ui_date (const struct date *d)
{
  const char *fmt;
  switch (d->precision)
    {
    case DATE_PREC_YEAR:
      fmt = "%Y";
      break;
    case DATE_PREC_MONTH:
      /* TRANSLATORS: strftime format of a date known to the month. */
      fmt = _("%b %Y");
      break;
    case DATE_PREC_DAY:
      /* TRANSLATORS: strftime format of a date known to the day. */
      fmt = _("%e %b %Y");
      break;
    case DATE_PREC_MINUTE:
      /* TRANSLATORS: strftime format of a date and time to the minute. */
      fmt = _("%e %b %Y %H:%M");
      break;
    case DATE_PREC_SECOND:
      /* TRANSLATORS: strftime format of a date and time to the second. */
      fmt = _("%e %b %Y %H:%M:%S");
      break;
    case DATE_PREC_NONE:
    default:
      return xstrdup ("");
    }
  struct tm tm;
  memset (&tm, 0, sizeof tm);
  tm.tm_year = d->year - 1900;
  tm.tm_mon = d->month > 0 ? d->month - 1 : 0;
  tm.tm_mday = d->day > 0 ? d->day : 1;
  tm.tm_hour = d->hour;
  tm.tm_min = d->minute;
  tm.tm_sec = d->second;
  tm.tm_isdst = -1;
  size_t alloc = 64;
  char *s = xmalloc (alloc);
  while (strftime (s, alloc, fmt, &tm) == 0 && alloc < 4096)
    s = xrealloc (s, alloc *= 2);
  char *p = s;
  while (*p == ' ')
    p++;
  struct buf out = BUF_INIT;
  buf_adds (&out, p);
  free (s);
  if (d->has_tz && d->precision >= DATE_PREC_MINUTE)
    {
      int m = d->tz_minutes;
      if (m == 0)
        buf_adds (&out, " UTC");
      else
        buf_printf (&out, " %c%02d:%02d", m < 0 ? '-' : '+', abs (m) / 60,
                    abs (m) % 60);
    }
  return buf_steal (&out);
}

/* ---- terminal ------------------------------------------------------------ */

static void
ui_on_signal (int sig)
{
  ui_signalled = sig;
}

static void
ui_on_cont (int sig)
{
  (void) sig;
  ui_continued = 1;
}

static volatile sig_atomic_t ui_stop_asked;

static void
ui_on_tstp (int sig)
{
  (void) sig;
  ui_stop_asked = 1;
}

/* ^Z: give the terminal back as it was, stop, and take it again when
   continued.  Done from the loop, not the handler: endwin is not
   async-signal-safe. */
static void
ui_suspend (void)
{
  ui_stop_asked = 0;
  endwin ();
  struct sigaction sa, old;
  memset (&sa, 0, sizeof sa);
  sigemptyset (&sa.sa_mask);
  sa.sa_handler = SIG_DFL;
  sigaction (SIGTSTP, &sa, &old);
  sigset_t set;
  sigemptyset (&set);
  sigaddset (&set, SIGTSTP);
  sigprocmask (SIG_UNBLOCK, &set, NULL);
  raise (SIGTSTP);
  /* Continued. */
  sigaction (SIGTSTP, &old, NULL);
  clearok (curscr, TRUE);
  refresh ();
}

/* Runs at exit(), so a fatal error anywhere leaves a usable terminal. */
static void
ui_restore (void)
{
  if (ui_curses_active)
    {
      ui_curses_active = false;
      endwin ();
    }
}

static void
ui_signals (void)
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sigemptyset (&sa.sa_mask);
  sa.sa_handler = ui_on_signal;
  sigaction (SIGINT, &sa, NULL);
  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGHUP, &sa, NULL);
  sa.sa_handler = ui_on_tstp;
  sigaction (SIGTSTP, &sa, NULL);
  sa.sa_handler = ui_on_cont;
  sa.sa_flags = SA_RESTART;
  sigaction (SIGCONT, &sa, NULL);
  /* SIGWINCH stays with curses: it turns a resize into KEY_RESIZE. */
}

static void
ui_start (struct ui *ui)
{
  ui_signals ();
  static bool registered;
  if (!registered)
    {
      atexit (ui_restore);
      registered = true;
    }
  initscr ();
  ui_curses_active = true;
  ui->active = true;
  cbreak ();
  noecho ();
  nonl ();
  keypad (stdscr, TRUE);
  set_escdelay (25);
  curs_set (0);
  timeout (250);
  colour_setup ((enum colour_when) ui->settings.colour_when);
  if (ui->settings.mouse)
    {
      mousemask (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED
                 | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
                 | BUTTON5_PRESSED, NULL);
      mouseinterval (0);
    }
}

static void
ui_stop (struct ui *ui)
{
  ui->active = false;
  ui_restore ();
}

/* ---- drawing ------------------------------------------------------------- */

/* The request for a larger window, wrapped to whatever width there is. */
static void
ui_draw_too_small (void)
{
  char *msg = xasprintf (_("Please make the window at least %d columns "
                           "wide and %d lines high (it is %dx%d)."),
                         UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);
  struct text_line *lines = NULL;
  size_t alloc = 0;
  size_t n = text_wrap (msg, strlen (msg), MAX (COLS, 1), &lines, &alloc);
  erase ();
  int y0 = MAX ((LINES - (int) n) / 2, 0);
  for (size_t i = 0; i < n && y0 + (int) i < LINES; i++)
    draw_text (stdscr, y0 + (int) i, MAX ((COLS - lines[i].width) / 2, 0),
               COLS, msg + lines[i].off, lines[i].len,
               colour_attr (COLOUR_MESSAGE));
  free (lines);
  free (msg);
}

static void
ui_draw_title (struct ui *ui, struct rect r)
{
  attr_t a = colour_attr (COLOUR_TITLE);
  draw_fill (stdscr, r.y, r.x, r.cols, a);
  struct view *v = ui_top (ui);
  char *t = v && v->ops->title ? v->ops->title (v) : xstrdup ("byline");
  draw_str (stdscr, r.y, r.x + 1, r.cols - 2, t, a);
  free (t);
}

static void
ui_draw_status (struct ui *ui, struct rect r)
{
  attr_t a = colour_attr (COLOUR_STATUS);
  draw_fill (stdscr, r.y, r.x, r.cols, a);
  struct buf hint = BUF_INIT;
  for (size_t i = 0; i < ui->keys.n; i++)
    if (ui->keys.v[i].action == ACT_HELP)
      {
        struct buf key = BUF_INIT;
        keymap_key_name (ui->keys.v[i].key, &key);
        /* TRANSLATORS: in the status line, after the key of help. */
        buf_printf (&hint, _("%s:help"), key.data);
        buf_free (&key);
        break;
      }
  int hw = text_width (hint.data ? hint.data : "", hint.len);
  if (hw + 2 < r.cols / 2)
    draw_text (stdscr, r.y, r.x + r.cols - hw - 1, hw, hint.data, hint.len, a);
  else
    hw = -1;
  if (ui->status)
    {
      attr_t sa = ui->status_error ? colour_attr (COLOUR_ERROR) : a;
      draw_str (stdscr, r.y, r.x + 1, r.cols - hw - 3, ui->status, sa);
    }
  buf_free (&hint);
}

void
ui_draw (struct ui *ui)
{
  struct ui_layout l;
  ui_layout (LINES, COLS, &l);
  if (l.too_small)
    {
      ui_draw_too_small ();
      refresh ();
      return;
    }
  /* The view first: its title may depend on what it drew. */
  struct view *v = ui_top (ui);
  if (v)
    {
      v->rect = l.body;
      v->ops->draw (v, l.body);
    }
  ui_draw_title (ui, l.title);
  ui_draw_status (ui, l.status);
  refresh ();
}

/* ---- the loop ------------------------------------------------------------ */

static void
ui_mouse (struct ui *ui)
{
  MEVENT ev;
  struct view *v = ui_top (ui);
  if (getmouse (&ev) != OK || v == NULL)
    return;
  if (ev.bstate & BUTTON4_PRESSED)
    for (int i = 0; i < 3; i++)
      ui_view_action (v, ACT_UP);
  else if (ev.bstate & BUTTON5_PRESSED)
    for (int i = 0; i < 3; i++)
      ui_view_action (v, ACT_DOWN);
  else if ((ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED
                         | BUTTON1_DOUBLE_CLICKED))
           && v->ops->click && ev.y >= v->rect.y
           && ev.y < v->rect.y + v->rect.lines)
    {
      v->ops->click (v, ev.y - v->rect.y);
      /* Two clicks the terminal library saw as one double click. */
      if ((ev.bstate & BUTTON1_DOUBLE_CLICKED) && ui_top (ui) == v)
        v->ops->click (v, ev.y - v->rect.y);
    }
}

/* h: a term to highlight everywhere, from the status line. */
static void
ui_highlight_add (struct ui *ui)
{
  char *t = prompt_read (ui, _("Highlight: "), NULL);
  if (t == NULL || t[strspn (t, " \t")] == '\0')
    ;
  else if (highlight_index (&ui->terms, t) >= 0)
    ui_message (ui, _("'%s' is already highlighted"), t);
  else if (!ui_add_term (ui, t))
    ui_error (ui, _("'%s' has no word to highlight"), t);
  else
    ui_message (ui, _("highlighting '%s'"), t);
  free (t);
}

/* H: offers the terms highlighted (the last one typed in, the others
   named in the prompt) and stops highlighting the one given. */
static void
ui_highlight_remove (struct ui *ui)
{
  const struct highlight *h = &ui->terms;
  if (h->n == 0)
    {
      ui_message (ui, _("no term is highlighted"));
      return;
    }
  struct buf names = BUF_INIT;
  for (size_t i = 0; i < h->n; i++)
    {
      if (i)
        buf_adds (&names, ", ");
      buf_adds (&names, h->v[i].text);
    }
  /* TRANSLATORS: %s lists the highlighted terms, separated by commas. */
  char *label = xasprintf (_("Stop highlighting (%s): "), names.data);
  buf_free (&names);
  char *t = prompt_read (ui, label, h->v[h->n - 1].text);
  free (label);
  if (t == NULL || t[strspn (t, " \t")] == '\0')
    ;
  else if (ui_remove_term (ui, t))
    ui_message (ui, _("'%s' is no longer highlighted"), t);
  else
    ui_error (ui, _("'%s' is not highlighted"), t);
  free (t);
}

/* What the loop does with an action the view left alone. */
static void
ui_action (struct ui *ui, enum action a)
{
  switch (a)
    {
    case ACT_BACK:
      ui_pop (ui);
      break;
    case ACT_QUIT:
      ui->quit = true;
      break;
    case ACT_HELP:
      if (strcmp (ui_top (ui)->ops->name, "help") != 0)
        ui_push (ui, view_help_new (ui));
      break;
    case ACT_REDRAW:
      clearok (curscr, TRUE);
      break;
    case ACT_HIGHLIGHT_ADD:
      ui_highlight_add (ui);
      break;
    case ACT_HIGHLIGHT_REMOVE:
      ui_highlight_remove (ui);
      break;
    case ACT_NONE:
      break;
    default:
      {
        const char *name = action_name (a);
        ui_message (ui, _("'%s' does nothing here"), name ? name : "?");
      }
      break;
    }
}

void
ui_view_action (struct view *v, enum action a)
{
  if (!v->ops->action || !v->ops->action (v, a))
    ui_action (v->ui, a);
}

static void
ui_key (struct ui *ui, int key)
{
  enum action a = keymap_lookup (&ui->keys, key);
  if (a == ACT_NONE)
    {
      struct buf name = BUF_INIT;
      keymap_key_name (key, &name);
      ui_message (ui, _("no action bound to key %s"), name.data);
      buf_free (&name);
      return;
    }
  free (ui->status);
  ui->status = NULL;
  ui_view_action (ui_top (ui), a);
}

bool
ui_interrupted (void)
{
  return ui_signalled != 0;
}

/* The next key: a code point or KEYMAP_FKEY; -1 when there is none yet. */
int
ui_getkey (void)
{
  wint_t wc;
  int r = get_wch (&wc);
  if (ui_stop_asked)
    {
      ui_suspend ();
      return KEYMAP_FKEY (KEY_RESIZE);
    }
  if (r == ERR)
    return -1;
  if (r == KEY_CODE_YES)
    return KEYMAP_FKEY ((int) wc);
  return (int) wc;
}

int
ui_run (struct ui *ui)
{
  ui_start (ui);
  int status = 0;
  bool dirty = true;
  while (ui->depth && !ui->quit)
    {
      if (dirty)
        ui_draw (ui);
      dirty = true;
      int key = ui_getkey ();
      if (ui_signalled)
        break;
      if (ui->idle && ui->idle (ui))
        ui_draw (ui);
      if (ui_continued)
        {
          ui_continued = 0;
          clearok (curscr, TRUE);
        }
      if (key < 0)
        {
          dirty = false;
          continue;
        }
      if (key == KEYMAP_FKEY (KEY_RESIZE))
        continue;
      if (key == KEYMAP_FKEY (KEY_MOUSE))
        {
          ui_mouse (ui);
          continue;
        }
      struct ui_layout l;
      ui_layout (LINES, COLS, &l);
      if (l.too_small)
        {
          enum action a = keymap_lookup (&ui->keys, key);
          if (a == ACT_QUIT || a == ACT_BACK)
            ui->quit = true;
          continue;
        }
      ui_key (ui, key);
    }
  ui_stop (ui);
  if (ui_signalled)
    {
      int sig = ui_signalled;
      signal (sig, SIG_DFL);
      raise (sig);
      status = 128 + sig;
    }
  return status;
}
