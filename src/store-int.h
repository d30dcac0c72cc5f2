/* store-int.h: what the store's own files (store.c, store-reprints.c)
   share: the struct and its cache of prepared statements.  Nothing else
   includes it. */
#ifndef BYLINE_STORE_INT_H
#define BYLINE_STORE_INT_H

#include <sqlite3.h>

#include "minhash.h"

/* Statements run once per file or per pair, prepared once. */
enum store_stmt
{
  STMT_INSERT,
  STMT_UPDATE,
  STMT_DELETE,
  STMT_PUT_SKIPPED,
  STMT_DELETE_SKIPPED,
  STMT_TOUCH,
  STMT_FTS_INSERT,
  STMT_FTS_DELETE,
  STMT_OLD_TEXT,
  STMT_DELETE_STATE,
  /* reprints (store-reprints.c) */
  STMT_SIG_GET,
  STMT_SIG_PUT,
  STMT_SIG_DELETE,
  STMT_BAND_PUT,
  STMT_BAND_DELETE,
  STMT_PAIRS_DELETE,
  STMT_VERSIONS_DELETE,
  STMT_DIRTY,
  STMT_BODY,
  STMT_PAIR_PUT,
  STMT_CANDIDATES,
  STMT_HAS_PAIR,
  STMT_COUNT
};

struct store
{
  sqlite3 *db;
  char *path;
  sqlite3_stmt *stmt[STMT_COUNT];
  struct reprint_params rp;     /* what band keys are computed with */
  sqlite3_stmt *bands_put;      /* all of an article's band keys in one
                                   INSERT (store-reprints.c) ... */
  size_t bands_put_n;           /* ... of this many keys */
};

/* The SQL of each statement (store.c). */
extern const char *const store_stmt_sql[STMT_COUNT];

/* The prepared statement 'which', reset and unbound; NULL with *cause. */
sqlite3_stmt *store_stmt (struct store *s, enum store_stmt which,
                          char **cause);
/* Steps a statement that returns no row and resets it; 0 or -1. */
int store_step (struct store *s, sqlite3_stmt *st, char **cause);
/* Runs SQL without results; 0 or -1. */
int store_exec (struct store *s, const char *sql, char **cause);

/* Drops what reprint detection knows about article 'id' (signature, band
   keys, pairs, versions) and marks the clusters stale (store-reprints.c). */
int store_reprints_forget (struct store *s, int64_t id, char **cause);

#endif
