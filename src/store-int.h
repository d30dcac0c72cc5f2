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
  /* Signatures waiting to be written with the rest of the transaction
     (store-reprints.c): ids[i] signed sigs[i], owned. */
  int64_t *sq_ids;
  struct minhash_sig *sq_sigs;
  size_t sq_n, sq_alloc_ids, sq_alloc_sigs;
  sqlite3_stmt *bands_put;      /* many band rows in one INSERT */
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

/* Writes the signatures store_put_signature queued (store_commit does,
   first); store_reprints_drop forgets them (a rollback, a close). */
int store_reprints_flush (struct store *s, char **cause);
void store_reprints_drop (struct store *s);

#endif
