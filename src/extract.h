/* extract.h: paragraphs, roles and metadata from decoded article text.

   Pure: no I/O (outlet rules are loaded by the caller), no globals, no clock.
   The rules are general, data-driven heuristics: they must work on outlets
   nobody here has seen. */
#ifndef BYLINE_EXTRACT_H
#define BYLINE_EXTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"

/* Extracts from 'text' (output of text_decode: valid NFC UTF-8, LF line
   ends) into *a, which the caller zero-initialises and later passes to
   article_free.  The text is copied into a->text.  Sets every field of the
   article; a->paras covers every non-blank paragraph of the text with its
   role. */
void extract_article (const char *text, size_t len,
                      const struct outlets *rules, int64_t now,
                      struct article *a);

/* ---- outlet signatures (outlets.c) --------------------------------------
   A plain-text rules file (format documented at the top of
   data/outlets.txt) mapping names, domains and phrases to outlets and wire
   agencies. */

struct outlets *outlets_new (void);
void outlets_free (struct outlets *o);

/* Adds the rules of one file.  Returns 0, or -1 with *cause (caller frees)
   when the file cannot be read.  A malformed line is skipped and reported
   in 'warnings' (may be NULL) as "FILE:LINE: message". */
int outlets_load_file (struct outlets *o, const char *path,
                       struct strv *warnings, char **cause);

/* Adds rules from text in memory ('name' is used in warnings). */
void outlets_load_text (struct outlets *o, const char *text, size_t len,
                        const char *name, struct strv *warnings);

/* The rules byline uses: $BYLINE_DATADIR/outlets.txt, else
   PKGDATADIR/outlets.txt, else the copy built into the program; then
   $XDG_CONFIG_HOME/byline/outlets.txt (default ~/.config/...) if present.
   Never fails; problems go to 'warnings' (may be NULL). */
struct outlets *outlets_default (struct strv *warnings);

#endif
