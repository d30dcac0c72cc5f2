/* article.h: one article, as extracted from one file.

   struct article owns everything it points to; article_free releases it.
   Strings are valid UTF-8 (they came through text_decode); optional strings
   are NULL when unknown, never guessed. */
#ifndef BYLINE_ARTICLE_H
#define BYLINE_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "strv.h"

struct outlets;

enum para_role
{
  ROLE_BODY,
  ROLE_HEADLINE,
  ROLE_DEK,             /* standfirst */
  ROLE_DATELINE,        /* a line that carries the date */
  ROLE_BYLINE,
  ROLE_CAPTION,
  ROLE_BOILERPLATE,     /* site chrome, appeals, comments, bios, related */
  ROLE_HEADER           /* the RFC 822-style header block */
};

struct para
{
  size_t off;           /* byte range in article.text */
  size_t len;
  enum para_role role;
};

struct article
{
  char *text;               /* the decoded text, NUL-terminated */
  size_t text_len;
  struct para *paras;       /* in text order */
  size_t n_paras;

  char *headline;           /* never NULL after extraction ("" if nothing at all) */
  bool headline_derived;    /* made from the lead sentence */
  char *dek;
  struct date date;
  char *outlet;             /* publication */
  char *agency;             /* wire service */
  char *url;
  struct strv authors;

  char *body;               /* body paragraphs joined by "\n\n" */
  size_t body_len;
  size_t words;             /* word tokens in the body */

  struct strv warnings;     /* translated, for the user */
};

/* Untranslated role name: "body", "headline", "dek", "dateline", "byline",
   "caption", "boilerplate", "header". */
const char *para_role_name (enum para_role role);

void article_free (struct article *a);

/* Reads, sniffs, decodes and extracts one file.  Returns 0 on success.
   Returns -1 when the file cannot be read or is binary: *cause gets a
   translated message (caller frees) and *a is left empty.  'rules' may be
   NULL (no outlet signatures); 'now' bounds dates (seconds since epoch). */
int article_load (const char *path, const struct outlets *rules, int64_t now,
                  struct article *a, char **cause);

/* Same from bytes in memory (the file's raw content). */
int article_from_bytes (const void *bytes, size_t n,
                        const struct outlets *rules, int64_t now,
                        struct article *a, char **cause);

/* The front matter a reader compares besides the body: the headline as
   printed (not a derived one), the dek and the photo captions, in text
   order, joined by "\n\n".  Returns it (malloc'd, caller frees) with its
   length in *len, or NULL when there is none. */
char *article_front (const struct article *a, size_t *len);

/* The text two versions of a story are compared on (byline diff, the
   versions of a reprint cluster): the front matter, a blank line, the clean
   body; either may be NULL.  Captions and deks are edited by outlets too,
   so they are part of the comparison; they come first, whatever their
   place in the file, so both versions put them in the same place.  Returns
   a malloc'd string (never NULL), its length in *len. */
char *article_compare_text (const char *front, size_t front_len,
                            const char *body, size_t body_len, size_t *len);

/* Files larger than this are refused (a reason, not a crash). */
#define ARTICLE_MAX_BYTES ((size_t) 64 << 20)

#endif
