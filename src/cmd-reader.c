/* cmd-reader.c: `byline [OPTION]... [DIR|FILE]`: the curses reader. */
#include "system.h"

#include <getopt.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "bgindex.h"
#include "cmd.h"
#include "collection.h"
#include "colour.h"
#include "extract.h"
#include "msg.h"
#include "indexer.h"
#include "names.h"
#include "store.h"
#include "ui.h"

static void
reader_usage (void)
{
  printf (_("Usage: byline [OPTION]... [DIR]\n"
            "  or:  byline [OPTION]... FILE\n"));
  fputs (_("Browse the articles of the collection DIR (default: the current\n"
           "directory) in the terminal, or read one article FILE.\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("  -k, --highlight=TERM  highlight TERM (whole words; may be "
           "repeated)\n"
           "      --color=WHEN      use colours: auto (the default), always "
           "or never\n"
           "      --no-mouse        do not use the mouse\n"
           "  -h, --help            display this help and exit\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("Press ? in the reader for its keys.  They, colours and highlight\n"
           "terms can be set in $XDG_CONFIG_HOME/byline/config.\n"), stdout);
}

/* Opens the index of the collection 'dir' (NULL: the default one).  An
   index that has finished a run is shown as it is and brought up to date
   by a child process (*bg, see bgindex.h); any other is brought up to date
   first, quietly but for a progress bar on a terminal.  *root gets the
   collection's directory (caller frees); problems that do not stop it go
   to 'warnings'.  Returns NULL with *status and *cause (may stay NULL when
   the indexer printed the message itself). */
static struct store *
reader_open_index (const char *dir, char **root, struct strv *warnings,
                   struct bgindex *bg, int *status, char **cause)
{
  struct collection c;
  bg->pid = 0;
  bg->fd = -1;
  if (collection_resolve (dir, NULL, &c, cause) != 0)
    {
      *status = 2;
      return NULL;
    }
  char *why = NULL;
  *status = 0;
  if (!(indexer_complete (c.index_path)
        && bgindex_start (bg, &c, &why) == 0))
    {
      if (why)
        strv_push (warnings, why);
      struct indexer_options o = { .rebuild = false,
                                   .progress = isatty (STDERR_FILENO) != 0,
                                   .quiet = true, .if_incomplete = false };
      struct indexer_stats st;
      *status = indexer_run (&c, &o, &st, cause);
      if (st.failed)
        strv_push (warnings, xasprintf (P_("%zu file could not be read (see "
                                           "'byline index')",
                                           "%zu files could not be read (see "
                                           "'byline index')", st.failed),
                                        st.failed));
      indexer_stats_free (&st);
    }
  struct store *s = NULL;
  if (*status == 0 || *status == 1)
    {
      *status = 0;
      if (store_open (c.index_path, 0, &s, cause) != STORE_OK)
        {
          s = NULL;
          *status = 2;
        }
    }
  if (s == NULL)
    bgindex_stop (bg);
  *root = s ? xstrdup (c.root) : NULL;
  collection_free (&c);
  return s;
}

/* ui->idle while the index is updated in the background: when the child
   is done, the list reads the index again and the status line says what
   changed. */
static bool
reader_idle (struct ui *ui)
{
  struct bgindex_result r;
  if (!bgindex_done (ui->idle_arg, &r))
    return false;
  ui->idle = NULL;
  bool changed = r.added + r.updated + r.moved + r.removed > 0;
  if (r.status == 2)
    ui_error (ui, "%s", r.cause);
  else if (r.status == 0 || r.status == 1)
    {
      if (changed && ui->depth && strcmp (ui->stack[0]->ops->name, "list") == 0)
        view_list_reload (ui->stack[0]);
      if (r.failed)
        ui_error (ui, P_("%zu file could not be read (see 'byline index')",
                         "%zu files could not be read (see 'byline index')",
                         r.failed), r.failed);
      else if (changed)
        /* TRANSLATORS: the index was brought up to date while the reader
           was open; the counts of articles new, changed (or moved) and
           gone. */
        ui_message (ui, _("index updated: %zu new, %zu changed, %zu removed"),
                    r.added, r.updated + r.moved, r.removed);
    }
  free (r.cause);
  return true;
}

int
cmd_reader (int argc, char **argv)
{
  enum { OPT_COLOR = 256, OPT_NO_MOUSE };
  static const struct option longopts[] = {
    { "highlight", required_argument, NULL, 'k' },
    { "color", required_argument, NULL, OPT_COLOR },
    { "colour", required_argument, NULL, OPT_COLOR },
    { "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  struct strv terms = STRV_INIT;
  int colour_when = -1;
  bool no_mouse = false;
  int c;
  while ((c = getopt_long (argc, argv, "k:h", longopts, NULL)) != -1)
    switch (c)
      {
      case 'k':
        strv_add (&terms, optarg);
        break;
      case OPT_COLOR:
        colour_when = colour_parse_when (optarg);
        if (colour_when < 0)
          {
            msg_error (_("invalid argument '%s' for '--color' (use auto, "
                         "always or never)"), optarg);
            strv_free (&terms);
            return cmd_usage_error (NULL);
          }
        break;
      case OPT_NO_MOUSE:
        no_mouse = true;
        break;
      case 'h':
        reader_usage ();
        strv_free (&terms);
        return 0;
      default:
        strv_free (&terms);
        return cmd_usage_error (NULL);
      }
  if (argc - optind > 1)
    {
      msg_error (_("too many arguments"));
      strv_free (&terms);
      return cmd_usage_error (NULL);
    }
  const char *target = optind < argc ? argv[optind] : ".";

  struct stat st;
  if (stat (target, &st) != 0)
    {
      char *shown = name_display (target);
      if (errno == ENOENT && optind < argc && !strchr (target, '/'))
        msg_error (_("'%s' is neither a command nor a directory"), shown);
      else
        msg_error ("%s: %s", shown, strerror (errno));
      free (shown);
      strv_free (&terms);
      return cmd_usage_error (NULL);
    }

  if (!isatty (STDOUT_FILENO) || !isatty (STDIN_FILENO))
    {
      msg_error (_("the reader needs a terminal; for output to a pipe or a "
                   "file use 'byline show', 'byline list' or 'byline "
                   "search'"));
      strv_free (&terms);
      return 2;
    }
  char *why = ui_term_problem ();
  if (why)
    {
      /* TRANSLATORS: the placeholder says what is wrong with the
         terminal. */
      msg_error (_("the reader cannot run: %s; set TERM (for example "
                   "TERM=xterm-256color) or use 'byline show'"), why);
      free (why);
      strv_free (&terms);
      return 2;
    }
  struct strv warnings = STRV_INIT;
  struct ui ui;
  ui_init (&ui, &warnings);
  struct outlets *rules = outlets_default (&warnings);
  ui.rules = rules;
  if (colour_when >= 0)
    ui.settings.colour_when = colour_when;
  if (no_mouse)
    ui.settings.mouse = false;
  for (size_t i = 0; i < terms.n; i++)
    ui_add_term (&ui, terms.v[i]);
  strv_free (&terms);

  int status = 0;
  struct bgindex bg = { 0, -1 };
  if (S_ISDIR (st.st_mode))
    {
      char *cause = NULL;
      char *root = NULL;
      struct store *store = reader_open_index (optind < argc ? target : NULL,
                                               &root, &warnings, &bg,
                                               &status, &cause);
      if (store == NULL)
        {
          if (cause)
            msg_error ("%s", cause);
          free (cause);
          strv_free (&warnings);
          ui_free (&ui);
          outlets_free (rules);
          return status ? status : 2;
        }
      ui_push (&ui, view_list_new (&ui, store, root));
      free (root);
      if (bg.pid > 0)
        {
          ui.idle = reader_idle;
          ui.idle_arg = &bg;
        }
    }
  else
    {
      struct article a;
      char *cause = NULL;
      char *shown = name_display (target);
      if (article_load (target, ui.rules, (int64_t) time (NULL), &a,
                        &cause) != 0)
        {
          msg_error ("%s: %s", shown, cause);
          free (cause);
          free (shown);
          strv_free (&warnings);
          ui_free (&ui);
          outlets_free (rules);
          return 1;
        }
      ui_push (&ui, view_reader_new (&ui, &a, shown, NULL));
      free (shown);
    }
  if (warnings.n)
    {
      if (warnings.n == 1)
        ui_error (&ui, "%s", warnings.v[0]);
      else
        /* TRANSLATORS: the first warning, then how many more. */
        ui_error (&ui, P_("%s (and %zu more warning)",
                          "%s (and %zu more warnings)", warnings.n - 1),
                  warnings.v[0], warnings.n - 1);
    }
  status = ui_run (&ui);
  bgindex_stop (&bg);
  for (size_t i = 0; i < warnings.n; i++)
    msg_warn ("%s", warnings.v[i]);
  strv_free (&warnings);
  ui_free (&ui);
  outlets_free (rules);
  return status;
}
