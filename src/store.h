/* store.h: the index, an SQLite database (WAL, FTS5).

   Schema (version STORE_SCHEMA_VERSION, in PRAGMA user_version; PRAGMA
   application_id is STORE_APPLICATION_ID, which is how a byline index is
   recognised):

     meta(key TEXT PRIMARY KEY, value TEXT)
         "collection": the canonical path of the collection;
         "indexed_at": unix time of the last indexing run that finished
         (absent until one has: a new, rebuilt or interrupted-first-run index)
     articles(id INTEGER PRIMARY KEY, path TEXT UNIQUE  -- relative to the
         collection --, headline, headline_derived, dek, date -- date_iso() --,
         date_prec -- date_precision_name() --, date_key -- date_sort_key(), 0
         none --, outlet, agency, authors -- joined by "\n" --, url, words,
         body -- clean body, paragraphs joined by "\n\n" --, cluster -- NULL
         until reprints exist --, warnings -- joined by "\n", NULL if none --,
         size, mtime_ns, inode -- file identity, see scan.h --, hash -- 64-bit
         FNV-1a of the file's bytes as a signed integer --, indexed_at)
     fts: fts5(headline, body, content='articles', content_rowid='id',
         tokenize='byline'), kept in sync by the functions below (not by
         triggers, which would make FTS5 flush at every statement): nothing
         else may change articles.headline or articles.body
     skipped(path TEXT PRIMARY KEY, size, mtime_ns, inode, retry, reason):
         files that are not articles (binary, unreadable, too large, empty);
         'reason' is translated; retry = 1 for I/O errors (tried again on
         every run, as a permission change does not touch size or mtime)
     state(id INTEGER PRIMARY KEY -- articles.id --, read, bookmark):
         per-article state; only non-default rows; deleted with the article;
         an article keeps its id when its file changes or moves
     pending_state(path TEXT PRIMARY KEY, read, bookmark): state carried
         over a rebuild, reattached by path when an indexing run finishes

   Concurrency: one writer at a time (the indexer holds a lock file next to
   the index, see indexer.h) and any number of readers; a busy timeout makes
   them wait rather than fail.  A struct store is used by one thread at a
   time. */
#ifndef BYLINE_STORE_H
#define BYLINE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include <sqlite3.h>

#include "scan.h"

struct article;

#define STORE_SCHEMA_VERSION 1
#define STORE_APPLICATION_ID 0x42594c4e     /* "BYLN" */

/* store_open flags. */
enum
{
  STORE_WRITE = 1,      /* create, migrate or rebuild as needed */
  STORE_REBUILD = 2     /* with STORE_WRITE: start empty (state carried over
                           when the old file is readable) */
};

/* store_open results. */
enum
{
  STORE_OK = 0,
  STORE_ERROR = -1,     /* *cause set */
  STORE_MISSING = 1,    /* without STORE_WRITE: no index there yet */
  STORE_OUTDATED = 2    /* without STORE_WRITE: an older schema, which a
                           writer will migrate or rebuild */
};

struct store;

/* Opens the index at 'path'.  On STORE_OK *out is the store (free with
   store_close).  A file that is not a byline index, is damaged, or was
   written by a newer byline gives STORE_ERROR with a message naming the file
   and saying that 'byline index --rebuild' fixes it (with STORE_REBUILD such
   a file is replaced).  *cause is translated; the caller frees it. */
int store_open (const char *path, int flags, struct store **out,
                char **cause);
void store_close (struct store *s);

sqlite3 *store_db (struct store *s);
const char *store_path (const struct store *s);

/* The message for an SQLite failure 'rc' (caller frees): damage is reported
   with the file name and the --rebuild advice, anything else as the file
   name and SQLite's message. */
char *store_error (struct store *s, int rc);

int store_begin (struct store *s, char **cause);
int store_commit (struct store *s, char **cause);
void store_rollback (struct store *s);

/* The value of a meta key (caller frees), NULL if absent. */
char *store_meta_get (struct store *s, const char *key);
int store_meta_set (struct store *s, const char *key, const char *value,
                    char **cause);

/* One file the index knows: an article (id > 0) or a skipped file (id 0). */
struct store_known
{
  const char *path;     /* valid during the callback */
  int64_t id;
  struct scan_ident ident;
  uint64_t hash;        /* articles only */
  bool retry;           /* skipped files only */
};

typedef void (*store_known_fn) (const struct store_known *k, void *arg);

/* Calls fn for every article and skipped file, in no particular order.
   Returns 0 or -1 with *cause. */
int store_each_known (struct store *s, store_known_fn fn, void *arg,
                      char **cause);

/* Writing (inside store_begin/store_commit).  Articles are stored from an
   extracted struct article with the identity of the file they came from.
   insert returns the new id (> 0), or -1 with *cause; the others 0 or -1. */
int64_t store_insert_article (struct store *s, const char *path,
                              const struct scan_ident *ident, uint64_t hash,
                              const struct article *a, char **cause);
/* Replaces everything of article 'id' (path included: this is also how a
   moved file keeps its id and state). */
int store_update_article (struct store *s, int64_t id, const char *path,
                          const struct scan_ident *ident, uint64_t hash,
                          const struct article *a, char **cause);
/* Records a new identity for a file whose bytes did not change (touched,
   copied over itself). */
int store_touch_article (struct store *s, int64_t id,
                         const struct scan_ident *ident, char **cause);
int store_delete_article (struct store *s, int64_t id, char **cause);
int store_put_skipped (struct store *s, const char *path,
                       const struct scan_ident *ident, bool retry,
                       const char *reason, char **cause);
int store_delete_skipped (struct store *s, const char *path, char **cause);

/* Reattaches state carried over a rebuild to the articles now at those
   paths, and forgets the rest.  Called when an indexing run finishes. */
int store_apply_pending_state (struct store *s, char **cause);

/* Per-article state. */
struct store_state
{
  bool read;
  bool bookmark;
};

/* Fills *st (all false for an article without state).  0 or -1. */
int store_get_state (struct store *s, int64_t id, struct store_state *st,
                     char **cause);
int store_set_state (struct store *s, int64_t id,
                     const struct store_state *st, char **cause);

/* ---- reading: listings for list and search ------------------------------ */

struct query_sql;
struct json;

/* The columns of a listing statement, in this order. */
enum store_col
{
  STORE_COL_ID, STORE_COL_PATH, STORE_COL_HEADLINE,
  STORE_COL_HEADLINE_DERIVED, STORE_COL_DATE, STORE_COL_DATE_PREC,
  STORE_COL_OUTLET, STORE_COL_AGENCY, STORE_COL_AUTHORS, STORE_COL_WORDS,
  STORE_COL_CLUSTER,
  STORE_COL_SCORE       /* -bm25 (higher is better); NULL when unranked */
};

/* Prepares the listing of the articles that match 'qs' (NULL: all).
   'sort' is "date" (newest first), "outlet", "headline" (A to Z, case and
   accents ignored), "words" (longest first) or "relevance" (bm25 with the
   headline weighted 10 to the body's 1); NULL takes the query's sort:, else
   "relevance" when the query has words and 'ranked', else "date".  Ties go
   to the newest, then to the lowest id.  'reverse' flips the main order.
   'limit' <= 0 means all.  Returns the statement (caller finalizes) or NULL
   with *cause. */
sqlite3_stmt *store_select (struct store *s, const struct query_sql *qs,
                            const char *sort, bool reverse, bool ranked,
                            int64_t limit, char **cause);

/* Writes the keys every JSON listing has (id, path, headline,
   headline_derived, date, date_precision, outlet, agency, authors as an
   array, words, cluster) from the current row of a listing, into an open
   object. */
void store_row_json (sqlite3_stmt *st, struct json *j);

#endif
