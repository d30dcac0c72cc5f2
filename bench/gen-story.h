/* gen-story.h: stories (what was reported) and outlets (how a site shows
   it), for the corpus generator.  A story is written once, edited for each
   reprint, and rendered into a file's bytes by an outlet. */
#ifndef BYLINE_BENCH_GEN_STORY_H
#define BYLINE_BENCH_GEN_STORY_H

#include "gen.h"
#include "gen-date.h"

struct agency
{
  const char *name;             /* "Associated Press" */
  const char *short_name;       /* "AP" */
  const char *credit;           /* photo credit format, %s = photographer */
};

extern const struct agency gen_agencies[];
extern const size_t gen_n_agencies;

struct story
{
  const struct cast *cast;      /* borrowed */
  const struct agency *agency;  /* wire service, or NULL for staff copy */
  struct strv authors;
  char *headline;
  char *dek;
  struct gdate date;
  struct strv paras;            /* body; the lead may carry a dateline */
  size_t dateline_len;          /* bytes of "WASHINGTON (AP) — " in paras[0] */
  struct strv captions;         /* without credits */
  char *photographer;
};

/* Writes a new story about the event in 'cast'.  'quotes' (0, 1 or 2) is
   how many of the cast's long quotes it uses verbatim. */
void story_write (struct story *s, const struct cast *cast,
                  const struct agency *agency, int quotes, struct rng *r);
void story_copy (struct story *dst, const struct story *src);
void story_free (struct story *s);

/* Edits 'src' into a reprint in *dst.  Appends the edits made, as a comma
   list ("trunc,syn,uk"), to 'kind'. */
struct reprint_opts
{
  bool retranslate;
  bool uk;
};
void story_reprint (struct story *dst, const struct story *src,
                    const struct reprint_opts *o, struct buf *kind,
                    struct rng *r);

/* ---- outlets (gen-outlet.c) ------------------------------------------------ */

struct outlet;
extern const struct outlet *const gen_outlets[];
extern const size_t gen_n_outlets;
bool outlet_uk (const struct outlet *o);
const char *outlet_name (const struct outlet *o);

/* What a reader can learn from the rendered file (for --meta). */
struct render_info
{
  struct buf date;              /* ISO 8601 at the printed precision */
  bool headline_shown;
};

/* Renders the story as 'o' shows it, appending to b. */
void outlet_render (struct buf *b, const struct outlet *o,
                    const struct story *s, struct render_info *info,
                    struct rng *r);

/* Now and then spoils the whole file the way real collections are spoilt:
   CRLF line ends, Windows-1252 bytes, UTF-8 read as 1252 ("â€™"), a BOM.
   Returns the name of what it did, "" for nothing. */
const char *outlet_accident (struct buf *b, struct rng *r);

#endif
