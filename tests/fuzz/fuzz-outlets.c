/* fuzz-outlets.c: the outlet rules parser (outlets_load_text), then the
   rules at work: an article is extracted with them.  The input is the
   rules file, optionally followed by a form feed and the article's text;
   without one a fixed article that attributes itself several ways is
   used. */
#include "system.h"

#include "strv.h"
#include "text.h"
#include "common.h"

static const char fuzz_outlets_article[] =
  "Source: independent.co.uk\n"
  "URL: https://www.example.com/news/2021/03/31/bridge\n"
  "\n"
  "Bridge to close for repairs\n"
  "\n"
  "By JANE DOE, Associated Press\n"
  "\n"
  "LONDON (Reuters) - The council voted on Tuesday to close the bridge, "
  "officials told AFP.\n"
  "\n"
  "Get notifications from The Independent.\n"
  "\n"
  "Copyright 2021 The Guardian. Via AP news wire\n";

int
fuzz_outlets (const uint8_t *data, size_t size)
{
  const char *s = (const char *) data;
  const char *ff = memchr (s, '\f', size);
  size_t rules_len = ff ? (size_t) (ff - s) : size;

  struct strv warnings = STRV_INIT;
  struct outlets *o = outlets_new ();
  outlets_load_text (o, s, rules_len, "outlets.txt", &warnings);
  /* Loaded twice: later rules override earlier ones for the same alias. */
  outlets_load_text (o, s, rules_len, "user.txt", &warnings);

  size_t len;
  char *text;
  if (ff)
    text = text_decode (ff + 1, size - rules_len - 1, &len, NULL);
  else
    text = text_decode (fuzz_outlets_article,
                        sizeof fuzz_outlets_article - 1, &len, NULL);
  struct article a;
  memset (&a, 0, sizeof a);
  extract_article (text, len, o, FUZZ_NOW, &a);
  fuzz_check_article (&a);
  article_free (&a);
  free (text);

  outlets_free (o);
  strv_free (&warnings);
  return 0;
}

FUZZ_ENTRY (fuzz_outlets)
