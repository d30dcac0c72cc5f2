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

   Reprints (store-reprints.c; see minhash.h and cluster.h for the method):
     articles.front: the headline as printed, the dek and the captions,
         joined by "\n\n" (article_front), NULL if none; with the body it
         makes the text versions are compared on (article_compare_text)
     articles.cluster: the id of the cluster's original (its probable
         first publication), NULL for an article in no cluster
     sigs(id INTEGER PRIMARY KEY -- articles.id --, sig -- minhash blob of
         the clean body --, pending -- 1 until verified against its
         candidates)
     bands(band, key, id): one row per LSH band key of each signature,
         primary key (band, key, id) for the lookup of candidates
     pairs(a, b -- article ids, a < b --, similarity, reprint): every
         candidate pair verified on the texts, failed ones included
         (evidence against merging clusters)
     versions(id INTEGER PRIMARY KEY, original, rank -- 0 for the original,
         then by date --, similarity, added, removed, changed -- words, of
         the word diff against the original): one row per cluster member,
         kept while neither text changes
     meta "reprints_sign", "reprints_verify", "reprints_cluster": the
         parameters they were made with; "reprints_dirty": present while
         the clusters do not reflect the pairs (set in the same transaction
         as any change; cleared by the transaction that rebuilds them)
   An article that changes or goes loses its signature, band keys, pairs
   and versions rows in the same transaction.

   Concurrency: one writer at a time (the indexer holds a lock file next to
   the index, see indexer.h) and any number of readers; a busy timeout makes
   them wait rather than fail.  A struct store is used by one thread at a
   time. */
#ifndef BYLINE_STORE_H
#define BYLINE_STORE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "scan.h"

struct article;

#define STORE_SCHEMA_VERSION 2
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
  STORE_COL_SCORE,      /* -bm25 (higher is better); NULL when unranked */
  STORE_COL_VERSIONS    /* versions of its story (cluster members), 0 when
                           it is in no cluster */
};

/* Prepares the listing of the articles that match 'qs' (NULL: all).
   'sort' is "date" (newest first), "outlet", "headline" (A to Z, case and
   accents ignored), "words" (longest first), "versions" (stories in the
   most versions first: the size of the article's cluster, 0 for an
   article in one version) or "relevance" (bm25 with the
   headline weighted 10 to the body's 1); NULL takes the query's sort:, else
   "relevance" when the query has words and 'ranked', else "date".  Ties go
   to the newest, then to the lowest id.  'reverse' flips the main order.
   'limit' <= 0 means all.  Returns the statement (caller finalizes) or NULL
   with *cause. */
sqlite3_stmt *store_select (struct store *s, const struct query_sql *qs,
                            const char *sort, bool reverse, bool ranked,
                            int64_t limit, char **cause);

/* ---- reprints (store-reprints.c) ------------------------------------------ */

struct minhash_sig;
struct reprint_params;

/* Sets the parameters of reprint detection and compares them with those
   the index was made with: new signing parameters drop every signature,
   band key and pair (the articles are signed again by
   store_reprints_update), new verification parameters drop the pairs, new
   clustering parameters only make the clusters stale.  Call it in a
   transaction before writing signatures.  0 or -1 with *cause. */
int store_reprints_params (struct store *s, const struct reprint_params *p,
                           char **cause);

/* Stores the signature of article 'id' (just inserted or updated, in the
   same transaction), pending verification: copied and written at
   store_commit (dropped by store_rollback); its band keys are written when
   store_reprints_update starts verifying.  A signature made with other
   parameters is ignored (the article is signed again later).  0 or -1. */
int store_put_signature (struct store *s, int64_t id,
                         const struct minhash_sig *sig, char **cause);

/* Whether the clusters are not up to date (an interrupted run). */
bool store_reprints_stale (struct store *s);

struct store_reprints_stats
{
  size_t signed_n;           /* articles signed from their stored body */
  size_t candidates;         /* pairs sharing a band key, each once */
  size_t verified;           /* candidate pairs judged (on the texts or,
                                for sure ones, the signatures) */
  size_t compared;           /* of which on the texts */
  size_t clusters;
  size_t diffed;             /* versions diffed against their original */
};

/* Brings the reprints up to date, outside any transaction: signs the
   articles that have no signature, verifies each pending signature against
   the articles sharing a band key with it (only those: linear), then, if
   anything changed, rebuilds the clusters from all stored pairs
   (cluster_build) and writes articles.cluster and versions (a member is
   diffed against its original only when it has no row for that original).
   Signing and verifying commit every few hundred articles and stop between
   batches when *stop (may be NULL) becomes non-zero; the clustering is one
   transaction.  Whatever the interruptions, the result is that of one
   uninterrupted run.  With reprint detection off (reprint_params.enabled
   false) nothing is signed or verified: the clusters only empty.  A run
   that rebuilds the clusters leaves its figures in meta 'reprints_last'
   ("candidates=N verified=N compared=N ... verify_s=S cluster_s=S", for
   benchmarks).  Returns 0, 1 when stopped, -1 with *cause. */
int store_reprints_update (struct store *s, const volatile sig_atomic_t *stop,
                           struct store_reprints_stats *rs, char **cause);

/* One version of a story: a member of a cluster. */
struct store_version
{
  int64_t cluster;           /* the original's id */
  int64_t id;
  char *path, *headline, *date, *outlet, *agency;  /* NULL when unknown */
  double similarity;         /* to the original (1 for the original) */
  int64_t added, removed, changed;  /* words, against the original */
};

/* The versions of the story of article 'id', the original first, then by
   date; *n is 0 when the article is in no cluster.  0 or -1 with *cause;
   free *v with store_versions_free. */
int store_versions (struct store *s, int64_t id, struct store_version **v,
                    size_t *n, char **cause);
void store_versions_free (struct store_version *v, size_t n);

/* Called with the versions of one cluster (borrowed: valid during the
   call), the original first; a non-zero return stops the walk. */
typedef int (*store_cluster_fn) (const struct store_version *v, size_t n,
                                 void *arg);

/* Calls fn for each cluster, newest original first, with the original and
   the members whose similarity to it is at least 'min_similarity' (a
   cluster left with its original alone is not reported).  Returns 0, what
   fn returned, or -1 with *cause. */
int store_each_cluster (struct store *s, double min_similarity,
                        store_cluster_fn fn, void *arg, char **cause);

/* The text article 'id' is compared on (article_compare_text of its front
   matter and body) in *text (len *len) and its path in *path; the caller
   frees both.  0, 1 when there is no such article, -1 with *cause. */
int store_compare_text (struct store *s, int64_t id, char **text,
                        size_t *len, char **path, char **cause);

/* The id of the article at 'path' (relative to the collection), 0 when
   none, -1 with *cause. */
int64_t store_find_article (struct store *s, const char *path, char **cause);

/* Writes the keys every JSON listing has (id, path, headline,
   headline_derived, date, date_precision, outlet, agency, authors as an
   array, words, cluster) from the current row of a listing, into an open
   object. */
void store_row_json (sqlite3_stmt *st, struct json *j);

#endif
