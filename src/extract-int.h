/* extract-int.h: private to extract*.c and outlets.c.

   The extractor works in three passes over one 'struct xctx':
     extract.c        splits the text into paragraphs, folds each one once
                      and runs the cue tables over it (struct xpara);
     extract-roles.c  gives every paragraph its role;
     extract-meta.c   reads headline, dek, date, outlet, agency and authors
                      off the roles, and builds the body.
   Nothing here is visible outside the extract module. */
#ifndef BYLINE_EXTRACT_INT_H
#define BYLINE_EXTRACT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "buf.h"
#include "date.h"

struct outlets;

/* ---- cues ----------------------------------------------------------------
   A cue is a folded phrase (see extract_fold) of one kind.  Each paragraph
   records which kinds matched at its start and which matched anywhere in
   its folded prefix; the role rules combine those bits with the shape of
   the paragraph (length, punctuation, position).  The tables themselves
   live in extract.c. */
enum cue_kind
{
  CUE_CHROME,           /* site chrome when the paragraph is short */
  CUE_CHROME_STRONG,    /* site chrome wherever it appears */
  CUE_TAIL,             /* "Related stories": the article is over */
  CUE_COMMENTS,         /* the comment section starts */
  CUE_COMMENT_LINE,     /* a comment's rating or moderation line */
  CUE_CREDIT,           /* a picture credit: "(AP Photo", "Getty Images" */
  CUE_CAPTION_START,    /* "An artist's illustration", "File photo" */
  CUE_CAPTION_VERB,     /* "pictured", "looks on": captions without credit */
  CUE_DATE_LABEL,       /* "Published", "Updated" */
  CUE_BYLINE,           /* "By", "Von", "Par", "Reporting by" */
  CUE_BIO,              /* "journalist", "has written for" */
  CUE_SELF,             /* we, our, you, your: the site talking */
  CUE_CHROME_READER,    /* chrome words, when the paragraph talks to the
                           reader: "We use necessary cookies ..." */
  CUE_ATTRIB,           /* "told", "has learned", "reports": who reported */
  CUE_N_KINDS
};

#define CUE_BIT(k) (1u << (k))

/* The folded copy of a paragraph is cut after this many bytes: cues are
   looked for near the start, and long paragraphs are prose. */
#define XFOLD_MAX 2048

/* Features of one paragraph. */
struct xpara
{
  size_t fold_off, fold_len;    /* folded prefix in xctx.fold */
  unsigned start;               /* CUE_BITs matched at the first word */
  unsigned any;                 /* CUE_BITs matched anywhere */
  unsigned words;               /* whitespace-separated tokens */
  unsigned chars;               /* code points */
  unsigned lines;               /* source lines joined into it */
  bool end_punct;               /* ends a sentence: . ! ? (maybe quoted) */
  bool end_ellipsis;            /* ends with "..." or U+2026 */
  bool lower_start;             /* first letter is lower case */
  bool tail;                    /* inside the related/comments tail */
  bool bio;                     /* an author bio (boilerplate) */
  signed char date_state;       /* 0 not looked, 1 found, -1 none */
  struct date date;             /* when date_state == 1 */
  size_t date_start, date_end;  /* byte range in the paragraph */
};

/* Header fields ("Title:", "Date:", ...) found at the top of the file. */
struct xheader
{
  bool present;
  char *title;
  char *dek;
  struct date date;
  char *source;
  char *agency;
  char *url;
  struct strv authors;
};

/* One extraction. */
struct xctx
{
  struct article *a;
  const struct outlets *rules;
  int64_t now;
  struct xpara *px;             /* parallel to a->paras */
  size_t n_alloc;
  struct buf fold;              /* all folded prefixes, one after another */
  struct xheader hdr;
  size_t headline;              /* paragraph index, or SIZE_MAX */
  size_t dek;                   /* paragraph index, or SIZE_MAX */
};

#define XNONE SIZE_MAX

/* extract.c */
void extract_fold (const char *s, size_t n, struct buf *out);
void extract_buf_init (struct buf *b, size_t room);
const char *xpara_text (const struct xctx *x, size_t i);
const char *xpara_fold (const struct xctx *x, size_t i);
bool xpara_date (struct xctx *x, size_t i);
bool extract_is_space (const char *s, size_t n, size_t *clen);
size_t extract_trim_end (const char *s, size_t n);

/* extract-roles.c */
void extract_roles (struct xctx *x);
bool extract_name_shaped (const char *s, size_t n);
bool extract_is_rating_line (const char *s, size_t n);

/* extract-meta.c */
void extract_header (struct xctx *x, size_t *consumed);
void extract_meta (struct xctx *x);
void extract_header_free (struct xheader *h);

/* outlets.c */
enum outlet_kind
{
  OUTLET_PUBLICATION,
  OUTLET_AGENCY
};

/* The canonical name and kind for a name, domain or phrase s[0..n), or
   NULL; a leading "the " and surrounding punctuation are ignored. */
const char *outlets_lookup (const struct outlets *o, const char *s, size_t n,
                            enum outlet_kind *kind);

/* The longest run of at most six words at the start of s[0..n) that is a
   known name; *used gets its length in bytes. */
const char *outlets_lookup_prefix (const struct outlets *o, const char *s,
                                   size_t n, enum outlet_kind *kind,
                                   size_t *used);

/* The outlet whose site-chrome phrase occurs in the folded text f[0..n). */
const char *outlets_find_chrome (const struct outlets *o, const char *f,
                                 size_t n);

/* The host of a URL (or a bare domain) looked up, parent domains too. */
const char *outlets_lookup_host (const struct outlets *o, const char *url,
                                 enum outlet_kind *kind);

/* outlets-builtin.c, generated from data/outlets.txt */
extern const char outlets_builtin[];
extern const size_t outlets_builtin_len;

#endif
