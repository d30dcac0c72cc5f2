/* main.c: options, locale, and dispatch to a command. */
#include "system.h"

#include <getopt.h>
#include <locale.h>
#include <signal.h>

#include "cmd.h"
#include "msg.h"

struct command
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;      /* N_() */
};

static const struct command commands[] = {
  { "show", cmd_show, N_("print the metadata and clean text of article files") },
  { "index", cmd_index, N_("bring the index of a collection up to date") },
  { "list", cmd_list, N_("list the articles of the index, or those matching a query") },
  { "search", cmd_search, N_("search the index: ranked hits with snippets") },
  { "reprints", cmd_reprints, N_("list the stories found in several versions") },
  { "diff", cmd_diff, N_("compare two versions of an article word by word") },
};

static void
usage (void)
{
  printf (_("Usage: byline [OPTION]... [DIR]\n"
            "  or:  byline COMMAND [OPTION]... [ARG]...\n"));
  fputs (_("Read, search and compare a collection of saved news articles.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Commands:\n"), stdout);
  for (size_t i = 0; i < ARRAY_SIZE (commands); i++)
    printf ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fputs ("\n", stdout);
  fputs (_("Options:\n"
           "  -k, --highlight=TERM  highlight TERM in the reader (repeatable)\n"
           "      --color=WHEN      colours: auto, always or never\n"
           "      --no-mouse        do not use the mouse in the reader\n"
           "  -h, --help            display this help and exit\n"
           "  -V, --version         output version information and exit\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Run 'byline COMMAND --help' for the options of a command.\n"),
         stdout);
  /* TRANSLATORS: the placeholder is the bug report address. */
  printf (_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

static void
version (void)
{
  printf ("byline %s\n", PACKAGE_VERSION);
  fputs (_("License GPLv3+: GNU GPL version 3 or later.\n"
           "This is free software: you are free to change and redistribute it.\n"
           "There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
}

int
cmd_usage_error (const char *cmd)
{
  if (cmd)
    fprintf (stderr, _("Try 'byline %s --help' for more information.\n"), cmd);
  else
    fputs (_("Try 'byline --help' for more information.\n"), stderr);
  return 2;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  /* Past a file size limit (ulimit -f) a write fails with EFBIG and is
     reported, rather than the signal killing the program mid-write. */
  signal (SIGXFSZ, SIG_IGN);
  /* BYLINE_LOCALEDIR: catalogues from elsewhere, so that the tests can
     run the uninstalled program in another language. */
  const char *localedir = getenv ("BYLINE_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (PACKAGE, localedir);
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  textdomain (PACKAGE);
  atexit (msg_close_stdout);

  if (argc >= 2 && argv[1][0] != '-')
    for (size_t i = 0; i < ARRAY_SIZE (commands); i++)
      if (strcmp (argv[1], commands[i].name) == 0)
        return commands[i].run (argc - 1, argv + 1);

  /* -h and -V alone; anything else (options, DIR, nothing) is the
     reader's. */
  if (argc == 2 && (strcmp (argv[1], "-h") == 0
                    || strcmp (argv[1], "--help") == 0))
    {
      usage ();
      return 0;
    }
  if (argc == 2 && (strcmp (argv[1], "-V") == 0
                    || strcmp (argv[1], "--version") == 0))
    {
      version ();
      return 0;
    }
  return cmd_reader (argc, argv);
}
