/* cmd-reprints.c: `byline reprints`: the stories the index holds in
   several versions, each with its original and its reprints. */
#include "system.h"
#include "cmd.h"

#include <getopt.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "buf.h"
#include "config-reprints.h"
#include "indexer.h"
#include "json.h"
#include "msg.h"
#include "store.h"
#include "text.h"

static void
cmd_reprints_usage (void)
{
  printf (_("Usage: byline reprints [OPTION]...\n"));
  fputs (_("List the stories of the index that exist in several versions\n"
           "(reprints, rewrites, translations): each cluster starts with its\n"
           "probable original (dated earliest, a wire agency's first), then\n"
           "the other versions by date, each with its date, outlet, similarity\n"
           "to the original and the words added and removed against it (the\n"
           "headline, dek, captions and body, as 'byline diff' compares them).\n"
           "Newest stories first.  An index that does not exist yet is built\n"
           "first.\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("      --json            one JSON object per cluster and line:\n"
           "                          {\"cluster\": ID, \"original\": PATH,\n"
           "                          \"members\": [...]}, the original first\n"
           "                          among the members (similarity 1)\n"
           "      --min-similarity=X  only versions at least X (0 to 1)\n"
           "                          similar to their original\n"
           "  -C, --collection=DIR  the collection (default: $BYLINE_COLLECTION,\n"
           "                          else the current directory)\n"
           "      --index=FILE      the index file (default: $BYLINE_INDEX)\n"
           "  -h, --help            display this help and exit\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("Reprint detection is tuned by reprints.* lines in the config file;\n"
           "see byline(1).\n"), stdout);
}

/* One line of the text output, before alignment. */
struct cmd_reprints_row
{
  bool first;               /* the original: a blank line before it */
  char *date, *outlet, *sim, *added, *removed, *headline;
};

struct cmd_reprints
{
  bool json;
  struct buf out;
  struct cmd_reprints_row *rows;
  size_t n, alloc;
};

/* Tabs and newlines as spaces, "-" for nothing. */
static char *
cmd_reprints_field (const char *s, size_t max)
{
  if (s == NULL || *s == '\0')
    return xstrdup ("-");
  size_t n = strlen (s);
  if (max && n > max)
    n = max;
  char *r = xstrndup (s, n);
  for (char *p = r; *p; p++)
    if (*p == '\t' || *p == '\n')
      *p = ' ';
  return r;
}

static int
cmd_reprints_json (const struct store_version *v, size_t n,
                   struct cmd_reprints *cr)
{
  struct json j;
  buf_reset (&cr->out);
  json_init (&j, &cr->out);
  json_obj_begin (&j);
  json_key (&j, "cluster");
  json_int (&j, v[0].cluster);
  json_key (&j, "original");
  json_string (&j, v[0].path);
  json_key (&j, "members");
  json_arr_begin (&j);
  for (size_t i = 0; i < n; i++)
    {
      json_obj_begin (&j);
      json_key (&j, "id");
      json_int (&j, v[i].id);
      json_key (&j, "path");
      json_string (&j, v[i].path);
      json_key (&j, "date");
      json_string (&j, v[i].date);
      json_key (&j, "outlet");
      json_string (&j, v[i].outlet);
      json_key (&j, "agency");
      json_string (&j, v[i].agency);
      json_key (&j, "headline");
      json_string (&j, v[i].headline);
      json_key (&j, "similarity");
      json_double (&j, v[i].similarity);
      json_key (&j, "added");
      json_int (&j, v[i].added);
      json_key (&j, "removed");
      json_int (&j, v[i].removed);
      json_key (&j, "changed");
      json_int (&j, v[i].changed);
      json_obj_end (&j);
    }
  json_arr_end (&j);
  json_obj_end (&j);
  buf_addc (&cr->out, '\n');
  fwrite (cr->out.data, 1, cr->out.len, stdout);
  return 0;
}

static int
cmd_reprints_each (const struct store_version *v, size_t n, void *arg)
{
  struct cmd_reprints *cr = arg;
  if (cr->json)
    return cmd_reprints_json (v, n, cr);
  for (size_t i = 0; i < n; i++)
    {
      cr->rows = xgrow (cr->rows, &cr->alloc, cr->n + 1, sizeof *cr->rows);
      struct cmd_reprints_row *r = &cr->rows[cr->n++];
      r->first = i == 0;
      r->date = cmd_reprints_field (v[i].date, 10);
      r->outlet = cmd_reprints_field (v[i].outlet ? v[i].outlet
                                      : v[i].agency, 0);
      r->headline = cmd_reprints_field (v[i].headline, 0);
      if (i == 0)
        {
          /* TRANSLATORS: in byline reprints, marks the original version of
             a story in the similarity column; keep it short. */
          r->sim = xstrdup (_("original"));
          r->added = xstrdup ("");
          r->removed = xstrdup ("");
        }
      else
        {
          /* Rounded as byline diff --stat rounds it, so the two agree. */
          r->sim = xasprintf ("%.0f%%", v[i].similarity * 100);
          r->added = xasprintf ("+%lld", (long long) v[i].added);
          r->removed = xasprintf ("-%lld", (long long) v[i].removed);
        }
    }
  return 0;
}

/* Columns for the output, or 0 for no limit (not a terminal). */
static int
cmd_reprints_columns (void)
{
  if (!isatty (STDOUT_FILENO))
    return 0;
  const char *c = getenv ("COLUMNS");
  if (c && atoi (c) > 0)
    return atoi (c);
  struct winsize ws;
  if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  return 80;
}

/* Appends s in 'width' columns: padded (on the left when 'right'), cut
   with an ellipsis when wider; width 0 is unlimited and unpadded. */
static void
cmd_reprints_cell (struct buf *b, const char *s, int width, bool right)
{
  size_t n = strlen (s);
  int w = text_width (s, n);
  if (width > 0 && w > width)
    {
      int used;
      size_t fit = text_fit (s, n, width - 1, &used);
      buf_add (b, s, fit);
      buf_adds (b, "…");
      w = used + 1;
    }
  else
    {
      for (int k = w; right && k < width; k++)
        buf_addc (b, ' ');
      buf_add (b, s, n);
    }
  for (; !right && width > 0 && w < width; w++)
    buf_addc (b, ' ');
}

static int
cmd_reprints_width (const char *s)
{
  return text_width (s, strlen (s));
}

static void
cmd_reprints_text (struct cmd_reprints *cr)
{
  int wd = 0, wo = 0, ws = 0, wa = 0, wr = 0;
  for (size_t i = 0; i < cr->n; i++)
    {
      const struct cmd_reprints_row *r = &cr->rows[i];
      wd = MAX (wd, cmd_reprints_width (r->date));
      wo = MAX (wo, cmd_reprints_width (r->outlet));
      ws = MAX (ws, cmd_reprints_width (r->sim));
      wa = MAX (wa, cmd_reprints_width (r->added));
      wr = MAX (wr, cmd_reprints_width (r->removed));
    }
  int cols = cmd_reprints_columns ();
  if (cols)
    wo = MIN (wo, MAX (8, cols / 5));
  int used = wd + wo + ws + wa + wr + 10;
  int wh = cols ? MAX (cols - used, 1) : 0;
  struct buf *b = &cr->out;
  for (size_t i = 0; i < cr->n; i++)
    {
      struct cmd_reprints_row *r = &cr->rows[i];
      buf_reset (b);
      if (r->first && i)
        buf_addc (b, '\n');
      cmd_reprints_cell (b, r->date, wd, false);
      buf_adds (b, "  ");
      cmd_reprints_cell (b, r->outlet, wo, false);
      buf_adds (b, "  ");
      cmd_reprints_cell (b, r->sim, ws, true);
      buf_adds (b, " ");
      cmd_reprints_cell (b, r->added, wa, true);
      buf_adds (b, " ");
      cmd_reprints_cell (b, r->removed, wr, true);
      buf_adds (b, "  ");
      cmd_reprints_cell (b, r->headline, wh, false);
      buf_addc (b, '\n');
      fwrite (b->data, 1, b->len, stdout);
      free (r->date);
      free (r->outlet);
      free (r->sim);
      free (r->added);
      free (r->removed);
      free (r->headline);
    }
  cr->n = 0;
}

int
cmd_reprints (int argc, char **argv)
{
  enum { OPT_JSON = 256, OPT_MIN, OPT_INDEX };
  static const struct option longopts[] = {
    { "json", no_argument, NULL, OPT_JSON },
    { "min-similarity", required_argument, NULL, OPT_MIN },
    { "collection", required_argument, NULL, 'C' },
    { "index", required_argument, NULL, OPT_INDEX },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  const char *dir = NULL, *index = NULL;
  double min_sim = 0;
  struct cmd_reprints cr = { 0 };
  int c;
  while ((c = getopt_long (argc, argv, "C:h", longopts, NULL)) != -1)
    switch (c)
      {
      case OPT_JSON:
        cr.json = true;
        break;
      case OPT_MIN:
        if (!config_reprints_fraction (optarg, &min_sim))
          {
            msg_error (_("invalid --min-similarity '%s' (a number from 0 "
                         "to 1)"), optarg);
            return cmd_usage_error ("reprints");
          }
        break;
      case 'C':
        dir = optarg;
        break;
      case OPT_INDEX:
        index = optarg;
        break;
      case 'h':
        cmd_reprints_usage ();
        return 0;
      default:
        return cmd_usage_error ("reprints");
      }
  if (optind < argc)
    {
      msg_error (_("unexpected argument '%s'"), argv[optind]);
      return cmd_usage_error ("reprints");
    }

  char *cause = NULL;
  struct store *s = NULL;
  int status = indexer_open (dir, index, &s, &cause);
  if (status == 0
      && store_each_cluster (s, min_sim, cmd_reprints_each, &cr, &cause) != 0)
    status = 2;
  if (status == 0 && !cr.json)
    cmd_reprints_text (&cr);
  if (cause)
    msg_error ("%s", cause);
  free (cause);
  for (size_t i = 0; i < cr.n; i++)
    {
      free (cr.rows[i].date);
      free (cr.rows[i].outlet);
      free (cr.rows[i].sim);
      free (cr.rows[i].added);
      free (cr.rows[i].removed);
      free (cr.rows[i].headline);
    }
  free (cr.rows);
  buf_free (&cr.out);
  store_close (s);
  return status;
}
