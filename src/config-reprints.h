/* config-reprints.h: the reprint-detection settings of the config file.

   The file is the reader's (settings.h: $XDG_CONFIG_HOME/byline/config);
   only lines whose first word starts with "reprints." are read here, and
   the reader skips them:
     reprints.enabled = true       false: no reprint detection while indexing
                                   (also yes/no, on/off, 1/0)
     reprints.shingle = 2          words per shingle (1-16)
     reprints.bands = 48           LSH bands (1-256) ...
     reprints.rows = 4             ... of this many rows (1-32; at most 1024
                                   hashes, bands x rows)
     reprints.lead_words = 100     also sign the first N words (0: don't)
     reprints.min_words = 20       shorter bodies are never reprints
     reprints.min_similarity = 0.5 the share of the shorter text that must
                                   align with the other (0-1)
     reprints.min_containment = 0.25  the share of its 3-word shingles that
                                   must be shared (0-1)
   "=" is optional; '#' starts a comment.  A bad line is a warning
   "FILE:LINE: problem" and is skipped; nothing here is fatal. */
#ifndef BYLINE_CONFIG_REPRINTS_H
#define BYLINE_CONFIG_REPRINTS_H

#include <stdbool.h>
#include <stddef.h>

struct reprint_params;
struct strv;

/* Applies the reprints.* lines of text[0..len) to *p ('name' names the
   file in warnings, which are translated and appended). */
void config_reprints_parse (struct reprint_params *p, const char *text,
                            size_t len, const char *name,
                            struct strv *warnings);

/* Fills *p with the defaults (reprint_params_init), then applies the config
   file if there is one. */
void config_reprints_load (struct reprint_params *p, struct strv *warnings);

/* Parses a number from 0 to 1 written with a '.' whatever the locale
   ("0.5", "1", ".7" is refused); false when it is not one. */
bool config_reprints_fraction (const char *v, double *out);

#endif
