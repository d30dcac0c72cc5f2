/* cmd-index.c: `byline index`: bring the index up to date. */
#include "system.h"
#include "cmd.h"

#include <getopt.h>
#include <unistd.h>

#include "collection.h"
#include "indexer.h"
#include "msg.h"

static void
cmd_index_usage (void)
{
  printf (_("Usage: byline index [OPTION]...\n"));
  fputs (_("Bring the index of a collection up to date: new and changed files\n"
           "are read and extracted, files that are gone are removed, moved\n"
           "files keep their state.  The collection is never written to.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("  -C, --collection=DIR  the collection (default: $BYLINE_COLLECTION,\n"
           "                          else the current directory)\n"
           "      --index=FILE      the index file (default: $BYLINE_INDEX, else\n"
           "                          one per collection under\n"
           "                          $XDG_DATA_HOME/byline/)\n"
           "      --rebuild         start from an empty index (read and bookmark\n"
           "                          marks are kept)\n"
           "  -q, --quiet           print nothing but errors\n"
           "  -h, --help            display this help and exit\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status: 0 if every file was handled, 1 if some could not be\n"
           "read, 2 on trouble, 130 if interrupted (the work done is kept).\n"),
         stdout);
}

static void
cmd_index_summary (const struct collection *c, const struct indexer_stats *st)
{
  /* TRANSLATORS: the summary of 'byline index'; the first placeholder is
     the collection directory, the second the number of articles. */
  printf (P_("%s: %zu article", "%s: %zu articles", st->articles), c->root,
          st->articles);
  /* TRANSLATORS: continues the summary line of 'byline index'. */
  printf (_(" (%zu added, %zu updated, %zu moved, %zu removed, %zu unchanged)"),
          st->added, st->updated, st->moved, st->removed, st->unchanged);
  if (st->skipped)
    printf (P_(", %zu file skipped", ", %zu files skipped", st->skipped),
            st->skipped);
  fputs ("\n", stdout);
  for (size_t i = 0; i < st->skipped_now.n; i++)
    printf ("  %s\n", st->skipped_now.v[i]);
}

int
cmd_index (int argc, char **argv)
{
  static const struct option longopts[] = {
    { "collection", required_argument, NULL, 'C' },
    { "index", required_argument, NULL, 'I' },
    { "rebuild", no_argument, NULL, 'R' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  const char *dir = NULL, *index = NULL;
  struct indexer_options o = { 0 };
  int c;
  while ((c = getopt_long (argc, argv, "C:qh", longopts, NULL)) != -1)
    switch (c)
      {
      case 'C':
        dir = optarg;
        break;
      case 'I':
        index = optarg;
        break;
      case 'R':
        o.rebuild = true;
        break;
      case 'q':
        o.quiet = true;
        break;
      case 'h':
        cmd_index_usage ();
        return 0;
      default:
        return cmd_usage_error ("index");
      }
  if (optind < argc)
    {
      msg_error (_("unexpected argument '%s'"), argv[optind]);
      return cmd_usage_error ("index");
    }

  struct collection col;
  char *cause = NULL;
  if (collection_resolve (dir, index, &col, &cause) != 0)
    {
      msg_error ("%s", cause);
      free (cause);
      return 2;
    }
  o.progress = !o.quiet && isatty (STDERR_FILENO);
  struct indexer_stats st;
  int status = indexer_run (&col, &o, &st, &cause);
  if (st.interrupted)
    msg_error (P_("interrupted: %zu file done is saved; run 'byline index' "
                  "again to finish",
                  "interrupted: %zu files done are saved; run 'byline index' "
                  "again to finish",
                  st.added + st.updated + st.moved),
               st.added + st.updated + st.moved);
  else if (status == 2)
    msg_error ("%s", cause);
  else if (!o.quiet)
    cmd_index_summary (&col, &st);
  free (cause);
  indexer_stats_free (&st);
  collection_free (&col);
  return status;
}
