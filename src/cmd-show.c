/* cmd-show.c: `byline show`: metadata and clean text of files, no index. */
#include "system.h"

#include <getopt.h>
#include <time.h>

#include "article.h"
#include "buf.h"
#include "cmd.h"
#include "extract.h"
#include "json.h"
#include "msg.h"
#include "names.h"
#include "text.h"

static void
show_usage (void)
{
  printf (_("Usage: byline show [OPTION]... FILE...\n"));
  fputs (_("Print the metadata and the clean body of each article FILE,\n"
           "without using the index.\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("  -j, --json     one JSON object per line\n"
           "  -h, --help     display this help and exit\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status is 0 if every file was read, 1 if some could not be,\n"
           "and 2 on a usage error.\n"), stdout);
}

static void
show_json_article (struct buf *out, const char *path, const struct article *a)
{
  struct json j;
  char iso[DATE_ISO_MAX];
  json_init (&j, out);
  json_obj_begin (&j);
  json_key (&j, "path");
  json_string (&j, path);
  json_key (&j, "headline");
  json_string (&j, a->headline);
  json_key (&j, "headline_derived");
  json_bool (&j, a->headline_derived);
  json_key (&j, "dek");
  json_string (&j, a->dek);
  json_key (&j, "date");
  json_string (&j, a->date.precision ? date_iso (&a->date, iso) : NULL);
  json_key (&j, "date_precision");
  json_string (&j, date_precision_name (a->date.precision));
  json_key (&j, "outlet");
  json_string (&j, a->outlet);
  json_key (&j, "agency");
  json_string (&j, a->agency);
  json_key (&j, "authors");
  json_arr_begin (&j);
  for (size_t i = 0; i < a->authors.n; i++)
    json_string (&j, a->authors.v[i]);
  json_arr_end (&j);
  json_key (&j, "url");
  json_string (&j, a->url);
  json_key (&j, "words");
  json_int (&j, (int64_t) a->words);
  json_key (&j, "body");
  json_stringn (&j, a->body ? a->body : "", a->body_len);
  json_key (&j, "warnings");
  json_arr_begin (&j);
  for (size_t i = 0; i < a->warnings.n; i++)
    json_string (&j, a->warnings.v[i]);
  json_arr_end (&j);
  json_obj_end (&j);
  buf_addc (out, '\n');
}

static void
show_json_error (struct buf *out, const char *path, const char *cause)
{
  struct json j;
  json_init (&j, out);
  json_obj_begin (&j);
  json_key (&j, "path");
  json_string (&j, path);
  json_key (&j, "error");
  json_string (&j, cause);
  json_obj_end (&j);
  buf_addc (out, '\n');
}

/* One "Label:  value" line, labels padded to a common display width so
   translations of any length stay aligned. */
static void
show_field (struct buf *out, const char *label, int label_cols,
            const char *value)
{
  buf_adds (out, label);
  for (int w = text_width (label, strlen (label)); w < label_cols + 2; w++)
    buf_addc (out, ' ');
  buf_adds (out, value);
  buf_addc (out, '\n');
}

static void
show_text_article (struct buf *out, const char *path, const struct article *a)
{
  /* TRANSLATORS: field labels of `byline show`; they are aligned for you. */
  const char *labels[] = { _("File:"), _("Headline:"), _("Dek:"), _("Date:"),
                           _("Outlet:"), _("Agency:"), _("Authors:"),
                           _("Words:"), _("Warning:") };
  int cols = 0;
  for (size_t i = 0; i < ARRAY_SIZE (labels); i++)
    cols = MAX (cols, text_width (labels[i], strlen (labels[i])));

  show_field (out, labels[0], cols, path);
  if (a->headline_derived)
    {
      /* TRANSLATORS: shown after a headline made from the lead sentence. */
      char *h = xasprintf (_("%s (derived)"), a->headline);
      show_field (out, labels[1], cols, h);
      free (h);
    }
  else
    show_field (out, labels[1], cols, a->headline);
  if (a->dek)
    show_field (out, labels[2], cols, a->dek);
  if (a->date.precision)
    {
      char iso[DATE_ISO_MAX];
      /* TRANSLATORS: a date and its precision, e.g. "2021-04 (month)". */
      char *d = xasprintf (_("%s (%s)"), date_iso (&a->date, iso),
                           _(date_precision_name (a->date.precision)));
      show_field (out, labels[3], cols, d);
      free (d);
    }
  if (a->outlet)
    show_field (out, labels[4], cols, a->outlet);
  if (a->agency)
    show_field (out, labels[5], cols, a->agency);
  if (a->authors.n)
    {
      struct buf names = BUF_INIT;
      for (size_t i = 0; i < a->authors.n; i++)
        {
          if (i)
            buf_adds (&names, ", ");
          buf_adds (&names, a->authors.v[i]);
        }
      show_field (out, labels[6], cols, names.data);
      buf_free (&names);
    }
  char words[32];
  snprintf (words, sizeof words, "%zu", a->words);
  show_field (out, labels[7], cols, words);
  for (size_t i = 0; i < a->warnings.n; i++)
    show_field (out, labels[8], cols, a->warnings.v[i]);
  buf_addc (out, '\n');
  if (a->body_len)
    {
      buf_add (out, a->body, a->body_len);
      buf_addc (out, '\n');
    }
}

/* Precision names, for xgettext (date.c returns them untranslated). */
static const char *const show_precision_names[] = {
  N_("year"), N_("month"), N_("day"), N_("minute"), N_("second")
};

int
cmd_show (int argc, char **argv)
{
  static const struct option longopts[] = {
    { "json", no_argument, NULL, 'j' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  bool json = false;
  int c;
  (void) show_precision_names;
  while ((c = getopt_long (argc, argv, "jh", longopts, NULL)) != -1)
    switch (c)
      {
      case 'j':
        json = true;
        break;
      case 'h':
        show_usage ();
        return 0;
      default:
        return cmd_usage_error ("show");
      }
  if (optind >= argc)
    {
      msg_error (_("show: no file given"));
      return cmd_usage_error ("show");
    }

  struct strv warnings = STRV_INIT;
  struct outlets *rules = outlets_default (&warnings);
  for (size_t i = 0; i < warnings.n; i++)
    msg_warn ("%s", warnings.v[i]);
  strv_free (&warnings);

  int64_t now = (int64_t) time (NULL);
  int status = 0;
  struct buf out = BUF_INIT;
  for (int i = optind; i < argc; i++)
    {
      const char *path = argv[i];
      char *shown = name_display (path);
      struct article a;
      char *cause = NULL;
      buf_reset (&out);
      if (article_load (path, rules, now, &a, &cause) != 0)
        {
          msg_error ("%s: %s", shown, cause);
          if (json)
            show_json_error (&out, shown, cause);
          free (cause);
          status = 1;
        }
      else
        {
          if (json)
            show_json_article (&out, shown, &a);
          else
            {
              if (i > optind)
                buf_adds (&out, "\n");
              show_text_article (&out, shown, &a);
            }
          article_free (&a);
        }
      fwrite (out.data, 1, out.len, stdout);
      free (shown);
    }
  buf_free (&out);
  outlets_free (rules);
  return status;
}
