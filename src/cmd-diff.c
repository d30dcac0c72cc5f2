/* cmd-diff.c: `byline diff`: two versions of an article, word by word. */
#include "system.h"
#include "cmd.h"

#include <getopt.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "extract.h"
#include "indexer.h"
#include "json.h"
#include "msg.h"
#include "store.h"
#include "wdiff.h"

static void
cmd_diff_usage (void)
{
  printf (_("Usage: byline diff [OPTION]... A B\n"));
  fputs (_("Compare two versions of an article word by word, paragraphs\n"
           "aligned first (moved paragraphs are found).  A and B are article\n"
           "files, anywhere (extracted as 'byline show' does, no index needed),\n"
           "or paths inside the collection or ids from 'byline list --json'\n"
           "(read from the index, built first if missing).  The compared text\n"
           "is the headline as printed, the dek, the captions, then the body:\n"
           "what outlets edit; site chrome is left out.\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("  -y, --side-by-side    two columns, A on the left (the default on\n"
           "                          a terminal at least 80 columns wide)\n"
           "  -i, --inline          one text: [-removed-] {+added+} (the default\n"
           "                          otherwise)\n"
           "  -w, --width=N         side by side in N columns (default: COLUMNS,\n"
           "                          else the terminal's width, else 80)\n"
           "      --color=WHEN      colours instead of marks: auto (on a\n"
           "                          terminal, unless NO_COLOR is set), always,\n"
           "                          never\n"
           "      --stat            only the summary: words added, removed and\n"
           "                          changed, paragraphs moved, similarity\n"
           "      --json            one JSON object: the summary and the aligned\n"
           "                          paragraph pairs with their word operations\n"
           "  -C, --collection=DIR  the collection (default: $BYLINE_COLLECTION,\n"
           "                          else the current directory)\n"
           "      --index=FILE      the index file (default: $BYLINE_INDEX)\n"
           "  -h, --help            display this help and exit\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status is 0 when both articles were compared, whether they\n"
           "differ or not, and 2 when one cannot be read or on a usage error.\n"),
         stdout);
}

/* One side: its text (owned) and the name it is shown under. */
struct cmd_diff_side
{
  char *text;
  size_t len;
  char *name;
};

struct cmd_diff
{
  const char *dir, *index;
  struct store *store;        /* opened on the first id or indexed path */
  bool store_tried;
  int store_status;
  struct outlets *rules;
};

static bool
cmd_diff_is_id (const char *s)
{
  if (*s == '\0' || strlen (s) > 18)
    return false;
  for (; *s; s++)
    if (*s < '0' || *s > '9')
      return false;
  return true;
}

static int
cmd_diff_from_file (struct cmd_diff *cd, const char *path,
                    struct cmd_diff_side *side, char **cause)
{
  if (cd->rules == NULL)
    {
      struct strv warnings = STRV_INIT;
      cd->rules = outlets_default (&warnings);
      for (size_t i = 0; i < warnings.n; i++)
        msg_warn ("%s", warnings.v[i]);
      strv_free (&warnings);
    }
  struct article a;
  if (article_load (path, cd->rules, (int64_t) time (NULL), &a, cause) != 0)
    return -1;
  size_t flen;
  char *front = article_front (&a, &flen);
  side->text = article_compare_text (front, flen, a.body, a.body_len,
                                     &side->len);
  side->name = xstrdup (path);
  free (front);
  article_free (&a);
  return 0;
}

static int
cmd_diff_from_index (struct cmd_diff *cd, const char *arg,
                     struct cmd_diff_side *side, char **cause)
{
  if (!cd->store_tried)
    {
      cd->store_tried = true;
      cd->store_status = indexer_open (cd->dir, cd->index, &cd->store, cause);
      if (cd->store_status != 0)
        return -1;
    }
  if (cd->store == NULL)
    {
      *cause = xasprintf (_("%s: no index to look it up in"), arg);
      return -1;
    }
  int64_t id = cmd_diff_is_id (arg) ? strtoll (arg, NULL, 10)
               : store_find_article (cd->store, arg, cause);
  if (id < 0)
    return -1;
  int r = id > 0 ? store_compare_text (cd->store, id, &side->text,
                                       &side->len, &side->name, cause) : 1;
  if (r == 1)
    *cause = cmd_diff_is_id (arg)
      ? xasprintf (_("%s: no article with this id in the index"), arg)
      : xasprintf (_("%s: no such file, and no such article in the index"),
                   arg);
  return r == 0 ? 0 : -1;
}

/* An argument is a file when one is there; else an id or a path in the
   index. */
static int
cmd_diff_load (struct cmd_diff *cd, const char *arg,
               struct cmd_diff_side *side, char **cause)
{
  struct stat st;
  if (!cmd_diff_is_id (arg) && stat (arg, &st) == 0)
    return cmd_diff_from_file (cd, arg, side, cause);
  if (!cmd_diff_is_id (arg) && errno != ENOENT)
    {
      *cause = xasprintf ("%s: %s", arg, strerror (errno));
      return -1;
    }
  return cmd_diff_from_index (cd, arg, side, cause);
}

static int
cmd_diff_columns (int width)
{
  if (width > 0)
    return width;
  const char *c = getenv ("COLUMNS");
  if (c && atoi (c) > 0)
    return atoi (c);
  struct winsize ws;
  if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  return 80;
}

static void
cmd_diff_stat (const struct wdiff_summary *s, struct buf *b)
{
  /* TRANSLATORS: byline diff --stat; the placeholders are counts of words;
     keep each line's label short. */
  buf_printf (b, _("words added:     %zu\n"), s->words_added);
  buf_printf (b, _("words removed:   %zu\n"), s->words_removed);
  buf_printf (b, _("words changed:   %zu\n"), s->words_changed);
  buf_printf (b, _("paragraphs moved: %zu, added: %zu, removed: %zu\n"),
              s->paras_moved, s->paras_added, s->paras_removed);
  /* TRANSLATORS: a percentage follows; %% is a percent sign. */
  buf_printf (b, _("similarity:      %.0f%%\n"), s->similarity * 100);
}

static void
cmd_diff_json_summary (const struct wdiff_summary *s, struct json *j)
{
  json_obj_begin (j);
  json_key (j, "words_added");
  json_int (j, (int64_t) s->words_added);
  json_key (j, "words_removed");
  json_int (j, (int64_t) s->words_removed);
  json_key (j, "words_changed");
  json_int (j, (int64_t) s->words_changed);
  json_key (j, "words_equal");
  json_int (j, (int64_t) s->words_equal);
  json_key (j, "paragraphs_moved");
  json_int (j, (int64_t) s->paras_moved);
  json_key (j, "paragraphs_added");
  json_int (j, (int64_t) s->paras_added);
  json_key (j, "paragraphs_removed");
  json_int (j, (int64_t) s->paras_removed);
  json_key (j, "similarity");
  json_double (j, s->similarity);
  json_obj_end (j);
}

static void
cmd_diff_json_para (const char *text, const struct wdiff_range *r,
                    ptrdiff_t i, struct json *j)
{
  if (i < 0)
    json_null (j);
  else
    json_stringn (j, text + r[i].off, r[i].len);
}

static void
cmd_diff_json (const struct wdiff *d, const struct cmd_diff_side *a,
               const struct cmd_diff_side *b, struct buf *out)
{
  static const char *const kinds[] = {
    [WDIFF_EQUAL] = "equal", [WDIFF_DELETE] = "delete",
    [WDIFF_INSERT] = "insert", [WDIFF_REPLACE] = "replace",
  };
  struct json j;
  json_init (&j, out);
  json_obj_begin (&j);
  json_key (&j, "a");
  json_string (&j, a->name);
  json_key (&j, "b");
  json_string (&j, b->name);
  json_key (&j, "summary");
  cmd_diff_json_summary (&d->sum, &j);
  json_key (&j, "pairs");
  json_arr_begin (&j);
  for (size_t p = 0; p < d->n_pairs; p++)
    {
      const struct wdiff_pair *pr = &d->pairs[p];
      json_obj_begin (&j);
      json_key (&j, "left");
      if (pr->left < 0)
        json_null (&j);
      else
        json_int (&j, pr->left);
      json_key (&j, "right");
      if (pr->right < 0)
        json_null (&j);
      else
        json_int (&j, pr->right);
      json_key (&j, "moved");
      json_bool (&j, pr->moved);
      json_key (&j, "echo");
      json_bool (&j, pr->echo);
      json_key (&j, "similarity");
      json_double (&j, pr->similarity);
      json_key (&j, "left_text");
      cmd_diff_json_para (d->a, d->a_paras, pr->left, &j);
      json_key (&j, "right_text");
      cmd_diff_json_para (d->b, d->b_paras, pr->right, &j);
      json_key (&j, "ops");
      json_arr_begin (&j);
      for (size_t k = pr->op; k < pr->op + pr->n_ops; k++)
        {
          const struct wdiff_op *op = &d->ops[k];
          json_obj_begin (&j);
          json_key (&j, "op");
          json_string (&j, kinds[op->kind]);
          if (op->kind != WDIFF_INSERT)
            {
              json_key (&j, op->kind == WDIFF_EQUAL ? "text" : "old");
              json_stringn (&j, d->a + op->a_off, op->a_len);
            }
          if (op->kind == WDIFF_INSERT || op->kind == WDIFF_REPLACE)
            {
              json_key (&j, "new");
              json_stringn (&j, d->b + op->b_off, op->b_len);
            }
          json_key (&j, "a_words");
          json_int (&j, (int64_t) op->a_words);
          json_key (&j, "b_words");
          json_int (&j, (int64_t) op->b_words);
          json_obj_end (&j);
        }
      json_arr_end (&j);
      json_obj_end (&j);
    }
  json_arr_end (&j);
  json_obj_end (&j);
  buf_addc (out, '\n');
}

enum cmd_diff_mode { MODE_AUTO, MODE_SIDE, MODE_INLINE, MODE_STAT, MODE_JSON };

static void
cmd_diff_render (const struct wdiff *d, const struct cmd_diff_side *a,
                 const struct cmd_diff_side *b, enum cmd_diff_mode mode,
                 int width, bool colour, struct buf *out)
{
  enum wdiff_style style = colour ? WDIFF_ANSI : WDIFF_PLAIN;
  bool tty = isatty (STDOUT_FILENO);
  int cols = cmd_diff_columns (width);
  if (mode == MODE_AUTO)
    mode = tty && cols >= 80 ? MODE_SIDE : MODE_INLINE;
  switch (mode)
    {
    case MODE_JSON:
      cmd_diff_json (d, a, b, out);
      break;
    case MODE_STAT:
      cmd_diff_stat (&d->sum, out);
      break;
    case MODE_SIDE:
      wdiff_render_side (d, MAX (cols, 13), style, out);
      break;
    default:
      wdiff_render_inline (d, style, out);
      break;
    }
}

int
cmd_diff (int argc, char **argv)
{
  enum { OPT_COLOR = 256, OPT_STAT, OPT_JSON, OPT_INDEX };
  static const struct option longopts[] = {
    { "side-by-side", no_argument, NULL, 'y' },
    { "inline", no_argument, NULL, 'i' },
    { "width", required_argument, NULL, 'w' },
    { "color", required_argument, NULL, OPT_COLOR },
    { "colour", required_argument, NULL, OPT_COLOR },
    { "stat", no_argument, NULL, OPT_STAT },
    { "json", no_argument, NULL, OPT_JSON },
    { "collection", required_argument, NULL, 'C' },
    { "index", required_argument, NULL, OPT_INDEX },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  struct cmd_diff cd = { 0 };
  enum cmd_diff_mode mode = MODE_AUTO;
  const char *color = "auto";
  int width = 0, c;
  while ((c = getopt_long (argc, argv, "yiw:C:h", longopts, NULL)) != -1)
    switch (c)
      {
      case 'y':
        mode = MODE_SIDE;
        break;
      case 'i':
        mode = MODE_INLINE;
        break;
      case 'w':
        {
          char *end;
          long w = strtol (optarg, &end, 10);
          if (*optarg == '\0' || *end || w < 13 || w > 10000)
            {
              msg_error (_("invalid --width '%s' (13 to 10000 columns)"),
                         optarg);
              return cmd_usage_error ("diff");
            }
          width = (int) w;
        }
        break;
      case OPT_COLOR:
        if (strcmp (optarg, "auto") != 0 && strcmp (optarg, "always") != 0
            && strcmp (optarg, "never") != 0)
          {
            msg_error (_("invalid --color argument '%s' (auto, always, "
                         "never)"), optarg);
            return cmd_usage_error ("diff");
          }
        color = optarg;
        break;
      case OPT_STAT:
        mode = MODE_STAT;
        break;
      case OPT_JSON:
        mode = MODE_JSON;
        break;
      case 'C':
        cd.dir = optarg;
        break;
      case OPT_INDEX:
        cd.index = optarg;
        break;
      case 'h':
        cmd_diff_usage ();
        return 0;
      default:
        return cmd_usage_error ("diff");
      }
  if (argc - optind != 2)
    {
      if (argc - optind < 2)
        msg_error (_("two articles to compare are needed"));
      else
        msg_error (_("unexpected argument '%s'"), argv[optind + 2]);
      return cmd_usage_error ("diff");
    }

  const char *no_color = getenv ("NO_COLOR");
  bool colour = mode != MODE_JSON && mode != MODE_STAT
                && (strcmp (color, "always") == 0
                    || (strcmp (color, "auto") == 0 && isatty (STDOUT_FILENO)
                        && !(no_color && *no_color)));

  struct cmd_diff_side a = { 0 }, b = { 0 };
  char *cause = NULL;
  int status = 0;
  if (cmd_diff_load (&cd, argv[optind], &a, &cause) != 0
      || cmd_diff_load (&cd, argv[optind + 1], &b, &cause) != 0)
    status = cd.store_status > 2 ? cd.store_status : 2;
  else
    {
      struct wdiff d;
      struct buf out = BUF_INIT;
      wdiff_run (a.text, a.len, b.text, b.len, NULL, &d);
      cmd_diff_render (&d, &a, &b, mode, width, colour, &out);
      fwrite (out.data ? out.data : "", 1, out.len, stdout);
      buf_free (&out);
      wdiff_free (&d);
    }
  if (cause)
    msg_error ("%s", cause);
  free (cause);
  free (a.text);
  free (a.name);
  free (b.text);
  free (b.name);
  store_close (cd.store);
  if (cd.rules)
    outlets_free (cd.rules);
  return status;
}
