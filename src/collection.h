/* collection.h: which collection a command works on, and where its index is.

   The collection is a directory of article files; byline never writes to it.
   Its index lives per user under $XDG_DATA_HOME/byline/ (default
   ~/.local/share/byline/), in a file named from the collection's canonical
   path, so two collections never share an index and the same collection
   reached through different paths (symlinks, "..") always finds its own. */
#ifndef BYLINE_COLLECTION_H
#define BYLINE_COLLECTION_H

struct collection
{
  char *root;          /* canonical absolute path, no trailing slash */
  char *index_path;    /* the SQLite index file (may not exist yet) */
};

/* Resolves the collection: 'dir' (from -C/--collection) if not NULL, else
   $BYLINE_COLLECTION if set and not empty, else the current directory; it
   must be a readable directory.  The index: 'index' (from --index) if not
   NULL, else $BYLINE_INDEX if set and not empty, else
   $XDG_DATA_HOME/byline/NAME-HASH.db where NAME is the collection's last
   path component (bytes other than [A-Za-z0-9._-] become '_') and HASH is
   the 64-bit FNV-1a of the canonical path, in 16 hex digits.
   Returns 0 and fills *c (free with collection_free), or -1 with *cause
   (translated, caller frees). */
int collection_resolve (const char *dir, const char *index,
                        struct collection *c, char **cause);

/* Creates the directory that will hold the index, if needed (mode 0700).
   Returns 0, or -1 with *cause. */
int collection_make_index_dir (const struct collection *c, char **cause);

void collection_free (struct collection *c);

#endif
