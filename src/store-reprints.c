/* store-reprints.c: signatures, band keys, verified pairs, clusters and
   versions in the index; see store.h for the tables and the contract. */
#include "system.h"
#include "store.h"

#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "cluster.h"
#include "minhash.h"
#include "store-int.h"
#include "wdiff.h"
#include "wordseq.h"

/* Buckets up to this size give all their pairs; larger ones each member
   and the STORE_RP_BUCKET_WINDOW after it (store_rp_scan_bucket).  A wire
   story with more versions than that still chains together.  4,000
   templated articles (one sentence pattern, different numbers) took 3 min
   to index, 2.3 million pairs verified; windowed, see the commit. */
#define STORE_RP_BUCKET_ALL 64
#define STORE_RP_BUCKET_WINDOW 16
/* The most candidates an article added to an index is compared with
   (store_rp_candidates): a family never comes near it. */
#define STORE_RP_CANDIDATES_MAX 64

/* Work per transaction while signing and verifying, so that an interrupted
   run keeps most of what it did and a reader never waits long. */
#define STORE_REPRINTS_BATCH 200

/* ---- parameters ----------------------------------------------------------- */

static char *
store_rp_sign_key (const struct reprint_params *p)
{
  if (!p->enabled)
    return xstrdup ("off");
  /* "sketch=fss": signatures by fast similarity sketching (blob "BMH2");
     an index signed before (k minima) signs every article again. */
  return xasprintf ("sketch=fss shingle=%u bands=%u rows=%u lead=%u",
                    p->shingle, p->bands, p->rows, p->lead_words);
}

static char *
store_rp_verify_key (const struct reprint_params *p)
{
  return xasprintf ("shingle=%u min_words=%zu containment=%.6g"
                    " alignment=%.6g estimate=%.6g,%.6g", p->verify_shingle,
                    p->min_words, p->containment_min, p->alignment_min,
                    p->estimate_min, p->estimate_sure);
}

static char *
store_rp_cluster_key (const struct reprint_params *p)
{
  return xasprintf ("link=%.6g support=%.6g", p->link_min, p->support_min);
}

/* Compares meta 'key' with 'want' and stores 'want'; true when it
   differed (or was absent). */
static int
store_rp_meta_swap (struct store *s, const char *key, char *want,
                    bool *changed, char **cause)
{
  char *have = store_meta_get (s, key);
  *changed = have == NULL || strcmp (have, want) != 0;
  free (have);
  int r = *changed ? store_meta_set (s, key, want, cause) : 0;
  free (want);
  return r;
}

int
store_reprints_params (struct store *s, const struct reprint_params *p,
                       char **cause)
{
  s->rp = *p;
  bool sign, verify, cluster;
  if (store_rp_meta_swap (s, "reprints_sign", store_rp_sign_key (p), &sign,
                          cause) != 0
      || store_rp_meta_swap (s, "reprints_verify", store_rp_verify_key (p),
                             &verify, cause) != 0
      || store_rp_meta_swap (s, "reprints_cluster", store_rp_cluster_key (p),
                             &cluster, cause) != 0)
    return -1;
  if (sign)
    return store_exec (s, "DELETE FROM sigs; DELETE FROM bands;"
                       " DELETE FROM pairs; DELETE FROM versions;"
                       " INSERT OR REPLACE INTO meta (key, value)"
                       " VALUES ('reprints_dirty', '1');", cause);
  if (verify)
    return store_exec (s, "DELETE FROM pairs; UPDATE sigs SET pending = 1;"
                       " INSERT OR REPLACE INTO meta (key, value)"
                       " VALUES ('reprints_dirty', '1');", cause);
  if (cluster)
    return store_exec (s, "INSERT OR REPLACE INTO meta (key, value)"
                       " VALUES ('reprints_dirty', '1');", cause);
  return 0;
}

bool
store_reprints_stale (struct store *s)
{
  char *v = store_meta_get (s, "reprints_dirty");
  free (v);
  return v != NULL;
}

static int
store_rp_mark_dirty (struct store *s, char **cause)
{
  sqlite3_stmt *st = store_stmt (s, STMT_DIRTY, cause);
  return st ? store_step (s, st, cause) : -1;
}

/* ---- signatures and band keys ------------------------------------------- */

/* Runs STMT_BAND_DELETE for every band key of 'sig'. */
static int
store_rp_bands_delete (struct store *s, int64_t id,
                       const struct minhash_sig *sig, char **cause)
{
  size_t n = minhash_n_keys (sig, &s->rp);
  if (n == 0)
    return 0;
  uint64_t *keys = xmalloc (n * sizeof *keys);
  minhash_band_keys (sig, &s->rp, keys);
  int r = 0;
  for (size_t i = 0; i < n && r == 0; i++)
    {
      sqlite3_stmt *st = store_stmt (s, STMT_BAND_DELETE, cause);
      if (st == NULL)
        {
          r = -1;
          break;
        }
      sqlite3_bind_int (st, 1, (int) i);
      sqlite3_bind_int64 (st, 2, (sqlite3_int64) keys[i]);
      sqlite3_bind_int64 (st, 3, id);
      r = store_step (s, st, cause);
    }
  free (keys);
  return r;
}

/* Reads the stored signature of 'id' and whether it waits for its
   verification (into *pending, unless NULL).  Returns 1 (and *sig) when
   there is one, 0 when not, -1 with *cause. */
static int
store_rp_get_sig (struct store *s, int64_t id, struct minhash_sig *sig,
                  bool *pending, char **cause)
{
  sqlite3_stmt *st = store_stmt (s, STMT_SIG_GET, cause);
  if (st == NULL)
    return -1;
  sqlite3_bind_int64 (st, 1, id);
  int rc = sqlite3_step (st);
  int r = 0;
  if (rc == SQLITE_ROW)
    {
      r = minhash_from_blob (sqlite3_column_blob (st, 0),
                             (size_t) sqlite3_column_bytes (st, 0), sig)
          && sig->k == MINHASH_HASHES (&s->rp) ? 1 : 0;
      if (pending)
        *pending = sqlite3_column_int (st, 1) != 0;
    }
  else if (rc != SQLITE_DONE)
    {
      *cause = store_error (s, rc);
      r = -1;
    }
  if (r == 0 && rc == SQLITE_ROW)
    minhash_free (sig);
  sqlite3_reset (st);
  return r;
}

int
store_reprints_forget (struct store *s, int64_t id, char **cause)
{
  if (store_reprints_flush (s, cause) != 0)
    return -1;
  struct minhash_sig sig;
  int have = store_rp_get_sig (s, id, &sig, NULL, cause);
  if (have < 0)
    return -1;
  int r = 0;
  if (have)
    {
      r = store_rp_bands_delete (s, id, &sig, cause);
      minhash_free (&sig);
    }
  static const enum store_stmt drop[] = {
    STMT_SIG_DELETE, STMT_PAIRS_DELETE, STMT_VERSIONS_DELETE,
  };
  for (size_t i = 0; i < ARRAY_SIZE (drop) && r == 0; i++)
    {
      sqlite3_stmt *st = store_stmt (s, drop[i], cause);
      if (st == NULL)
        return -1;
      sqlite3_bind_int64 (st, 1, id);
      r = store_step (s, st, cause);
    }
  return r == 0 ? store_rp_mark_dirty (s, cause) : -1;
}

int
store_put_signature (struct store *s, int64_t id,
                     const struct minhash_sig *sig, char **cause)
{
  (void) cause;
  if (sig->k != MINHASH_HASHES (&s->rp))
    return 0;           /* signed with other parameters: signed again later */
  s->sq_ids = xgrow (s->sq_ids, &s->sq_alloc_ids, s->sq_n + 1,
                     sizeof *s->sq_ids);
  s->sq_sigs = xgrow (s->sq_sigs, &s->sq_alloc_sigs, s->sq_n + 1,
                      sizeof *s->sq_sigs);
  struct minhash_sig *q = &s->sq_sigs[s->sq_n];
  *q = *sig;
  q->mins = xmalloc (2 * sig->k * sizeof *q->mins);
  memcpy (q->mins, sig->mins, 2 * sig->k * sizeof *q->mins);
  s->sq_ids[s->sq_n++] = id;
  return 0;
}

void
store_reprints_drop (struct store *s)
{
  for (size_t i = 0; i < s->sq_n; i++)
    minhash_free (&s->sq_sigs[i]);
  s->sq_n = 0;
}

struct store_rp_band_row
{
  uint64_t key;
  uint32_t band;
  int64_t id;
};

/* Sorts rows[0..n), which are in id order, by (band, key, id): a stable
   LSD radix sort on the key then the band, 16 bits a pass (a pass whose
   digit is the same everywhere is skipped).  qsort with a comparison took
   0.14 s for the 960,000 band keys of 10,000 articles. */
static void
store_rp_band_rows_sort (struct store_rp_band_row *rows, size_t n)
{
  if (n < 2)
    return;
  struct store_rp_band_row *tmp = xmalloc (n * sizeof *tmp);
  struct store_rp_band_row *src = rows, *dst = tmp;
  size_t *count = xmalloc ((65536 + 1) * sizeof *count);
  for (unsigned pass = 0; pass < 5; pass++)
    {
      memset (count, 0, (65536 + 1) * sizeof *count);
#define STORE_RP_DIGIT(r) \
  (pass < 4 ? (size_t) (((r).key >> (16 * pass)) & 0xffff) \
            : (size_t) ((r).band & 0xffff))
      for (size_t i = 0; i < n; i++)
        count[STORE_RP_DIGIT (src[i]) + 1]++;
      if (count[STORE_RP_DIGIT (src[0]) + 1] == n)
        continue;
      for (size_t d = 1; d <= 65536; d++)
        count[d] += count[d - 1];
      for (size_t i = 0; i < n; i++)
        dst[count[STORE_RP_DIGIT (src[i])]++] = src[i];
#undef STORE_RP_DIGIT
      struct store_rp_band_row *t = src;
      src = dst, dst = t;
    }
  if (src != rows)
    memcpy (rows, src, n * sizeof *rows);
  free (count);
  free (tmp);
}

/* Band rows per INSERT: fewer statements to run. */
#define STORE_RP_BAND_ROWS 64

static int
store_rp_bands_stmt (struct store *s, char **cause)
{
  if (s->bands_put)
    return 0;
  struct buf sql = BUF_INIT;
  buf_adds (&sql, "INSERT OR IGNORE INTO bands (band, key, id) VALUES ");
  for (size_t i = 0; i < STORE_RP_BAND_ROWS; i++)
    buf_adds (&sql, i ? ",(?,?,?)" : "(?,?,?)");
  int rc = sqlite3_prepare_v2 (s->db, sql.data, (int) sql.len, &s->bands_put,
                               NULL);
  buf_free (&sql);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      sqlite3_finalize (s->bands_put);
      s->bands_put = NULL;
      return -1;
    }
  return 0;
}

/* Inserts rows[0..n), in the table's order, into the bands table. */
static int
store_rp_bands_insert (struct store *s, const struct store_rp_band_row *rows,
                       size_t n_rows, char **cause)
{
  size_t i = 0;
  int r = 0;
  if (n_rows >= STORE_RP_BAND_ROWS)
    r = store_rp_bands_stmt (s, cause);
  for (; r == 0 && i + STORE_RP_BAND_ROWS <= n_rows; i += STORE_RP_BAND_ROWS)
    {
      sqlite3_stmt *st = s->bands_put;
      for (size_t k = 0; k < STORE_RP_BAND_ROWS; k++)
        {
          const struct store_rp_band_row *w = &rows[i + k];
          sqlite3_bind_int (st, (int) (3 * k + 1), (int) w->band);
          sqlite3_bind_int64 (st, (int) (3 * k + 2), (sqlite3_int64) w->key);
          sqlite3_bind_int64 (st, (int) (3 * k + 3), w->id);
        }
      r = store_step (s, st, cause);
    }
  for (; i < n_rows && r == 0; i++)
    {
      sqlite3_stmt *st = store_stmt (s, STMT_BAND_PUT, cause);
      if (st == NULL)
        return -1;
      sqlite3_bind_int (st, 1, (int) rows[i].band);
      sqlite3_bind_int64 (st, 2, (sqlite3_int64) rows[i].key);
      sqlite3_bind_int64 (st, 3, rows[i].id);
      r = store_step (s, st, cause);
    }
  return r;
}

/* Inserts rows[0..n) (in id order; sorted here) into the bands table. */
static int
store_rp_bands_write (struct store *s, struct store_rp_band_row *rows,
                      size_t n_rows, char **cause)
{
  store_rp_band_rows_sort (rows, n_rows);
  return store_rp_bands_insert (s, rows, n_rows, cause);
}

/* The queued signatures, written just before the commit rather than with
   each article: in a transaction that has written to the FTS table, every
   statement that needs a statement journal (as these do) first makes FTS5
   write out what it holds in memory, a segment per article, then merges
   (measured: 30% of the indexing time at 3,000 articles).  Their band keys
   wait for store_rp_band_pending. */
int
store_reprints_flush (struct store *s, char **cause)
{
  if (s->sq_n == 0)
    return 0;
  unsigned char *blob = NULL;
  size_t alloc = 0;
  int r = 0;
  for (size_t i = 0; i < s->sq_n && r == 0; i++)
    {
      size_t n = minhash_to_blob (&s->sq_sigs[i], &blob, &alloc);
      sqlite3_stmt *st = store_stmt (s, STMT_SIG_PUT, cause);
      if (st == NULL)
        {
          r = -1;
          break;
        }
      sqlite3_bind_int64 (st, 1, s->sq_ids[i]);
      sqlite3_bind_blob (st, 2, blob, (int) n, SQLITE_STATIC);
      r = store_step (s, st, cause);
    }
  free (blob);
  store_reprints_drop (s);
  return r == 0 ? store_rp_mark_dirty (s, cause) : -1;
}

/* Pending signatures whose band keys are written per transaction. */
#define STORE_RP_BAND_CHUNK 5000

/* Writes the band keys of every pending signature (again, for those of an
   interrupted run: the rows are ignored), a chunk of signatures at a time
   in key order.  Band keys written with each indexing batch instead land
   all over the bands B-tree, so every batch rewrote most of its pages:
   2.4 s of CPU at 10,000 articles (960,000 keys), 1.6 s this way. */
static int
store_rp_band_pending (struct store *s, char **cause)
{
  size_t per = 2 * (size_t) s->rp.bands;
  uint64_t *keys = xmalloc ((per + 1) * sizeof *keys);
  struct store_rp_band_row *rows = NULL;
  size_t alloc = 0;
  int64_t after = 0;
  int r = 0;
  for (bool more = true; more && r == 0;)
    {
      sqlite3_stmt *st;
      size_t n_rows = 0, n_sigs = 0;
      int rc = sqlite3_prepare_v2 (s->db, "SELECT id, sig FROM sigs"
                                   " WHERE pending AND id > ?1 ORDER BY id"
                                   " LIMIT ?2", -1, &st, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_int64 (st, 1, after);
          sqlite3_bind_int (st, 2, STORE_RP_BAND_CHUNK);
        }
      while (rc == SQLITE_OK && (rc = sqlite3_step (st)) == SQLITE_ROW)
        {
          rc = SQLITE_OK;
          struct minhash_sig sig;
          after = sqlite3_column_int64 (st, 0);
          n_sigs++;
          if (!minhash_from_blob (sqlite3_column_blob (st, 1),
                                  (size_t) sqlite3_column_bytes (st, 1), &sig))
            continue;
          size_t nk = sig.k == MINHASH_HASHES (&s->rp)
                      ? minhash_band_keys (&sig, &s->rp, keys) : 0;
          rows = xgrow (rows, &alloc, n_rows + nk + 1, sizeof *rows);
          for (size_t k = 0; k < nk; k++)
            rows[n_rows++] = (struct store_rp_band_row) {
              .key = keys[k], .band = (uint32_t) k, .id = after,
            };
          minhash_free (&sig);
        }
      sqlite3_finalize (st);
      if (rc != SQLITE_DONE)
        {
          *cause = store_error (s, rc);
          r = -1;
          break;
        }
      more = n_sigs == STORE_RP_BAND_CHUNK;
      if (n_rows == 0)
        continue;
      r = store_begin (s, cause);
      if (r == 0)
        r = store_rp_bands_write (s, rows, n_rows, cause);
      if (r == 0)
        r = store_commit (s, cause);
      else
        store_rollback (s);
    }
  free (rows);
  free (keys);
  return r;
}

/* ---- the update: sign, verify, cluster ---------------------------------- */

/* Collects the integers of the first column of 'sql' (no parameters). */
static int
store_rp_ids (struct store *s, const char *sql, int64_t **ids, size_t *n,
              char **cause)
{
  sqlite3_stmt *st;
  size_t alloc = 0;
  *ids = NULL;
  *n = 0;
  int rc = sqlite3_prepare_v2 (s->db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (st)) == SQLITE_ROW)
        {
          *ids = xgrow (*ids, &alloc, *n + 1, sizeof **ids);
          (*ids)[(*n)++] = sqlite3_column_int64 (st, 0);
        }
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      free (*ids);
      *ids = NULL;
      return -1;
    }
  return 0;
}

/* The clean body of 'id' into *b (replaced); 0, 1 when there is no such
   article, -1. */
static int
store_rp_body (struct store *s, int64_t id, struct buf *b, char **cause)
{
  sqlite3_stmt *st = store_stmt (s, STMT_BODY, cause);
  if (st == NULL)
    return -1;
  sqlite3_bind_int64 (st, 1, id);
  int rc = sqlite3_step (st);
  buf_reset (b);
  int r = 1;
  if (rc == SQLITE_ROW)
    {
      buf_add (b, sqlite3_column_text (st, 0),
               (size_t) sqlite3_column_bytes (st, 0));
      r = 0;
    }
  else if (rc != SQLITE_DONE)
    {
      *cause = store_error (s, rc);
      r = -1;
    }
  sqlite3_reset (st);
  return r;
}

/* Signs the articles that have no signature (new parameters, an old
   index), a batch per transaction. */
static int
store_rp_sign_missing (struct store *s, const volatile sig_atomic_t *stop,
                       struct store_reprints_stats *rs, char **cause)
{
  struct buf body = BUF_INIT;
  int r = 0;
  while (r == 0 && !(stop && *stop))
    {
      int64_t *ids;
      size_t n;
      char *sql = xasprintf ("SELECT id FROM articles WHERE id NOT IN"
                             " (SELECT id FROM sigs) ORDER BY id LIMIT %d",
                             STORE_REPRINTS_BATCH);
      r = store_rp_ids (s, sql, &ids, &n, cause);
      free (sql);
      if (r != 0 || n == 0)
        break;
      r = store_begin (s, cause);
      for (size_t i = 0; i < n && r == 0; i++)
        {
          r = store_rp_body (s, ids[i], &body, cause);
          if (r != 0)
            break;
          struct minhash_sig sig;
          minhash_sign (body.data ? body.data : "", body.len, &s->rp, &sig);
          r = store_put_signature (s, ids[i], &sig, cause);
          minhash_free (&sig);
          rs->signed_n++;
        }
      free (ids);
      if (r == 0)
        r = store_commit (s, cause);
      else
        store_rollback (s);
    }
  buf_free (&body);
  return r;
}

static int
store_rp_cmp_i64 (const void *x, const void *y)
{
  int64_t a = *(const int64_t *) x, b = *(const int64_t *) y;
  return (a > b) - (a < b);
}

/* A candidate and the bands it shares, most first, then by id. */
struct store_rp_hit
{
  int64_t id;
  size_t hits;
};

static int
store_rp_hit_cmp (const void *x, const void *y)
{
  const struct store_rp_hit *a = x, *b = y;
  if (a->hits != b->hits)
    return a->hits > b->hits ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

/* The articles sharing a band key with 'id', sorted, without 'id'.  The
   buckets of a story reprinted many times hold the same ids in every band,
   so they are deduplicated in a hash set as they come, counting the bands
   each shares.  Past STORE_RP_CANDIDATES_MAX only those sharing the most
   bands are kept (ties: the lower ids), as the scan windows its large
   buckets: an article among thousands of templated ones is compared with
   a few of them, not all. */
static int
store_rp_candidates (struct store *s, int64_t id, sqlite3_stmt **join,
                     size_t *join_n, size_t min_hits, int64_t **out,
                     size_t *n, char **cause)
{
  *out = NULL;
  *n = 0;
  struct minhash_sig sig;
  int have = store_rp_get_sig (s, id, &sig, NULL, cause);
  if (have <= 0)
    return have;
  size_t nk = minhash_n_keys (&sig, &s->rp), alloc = 0;
  uint64_t *keys = xmalloc ((nk + 1) * sizeof *keys);
  minhash_band_keys (&sig, &s->rp, keys);
  minhash_free (&sig);
  size_t n_slots = 64, alloc_hits = 0;
  int64_t *set = xcalloc (n_slots, sizeof *set);   /* 0: empty */
  size_t *at = xmalloc (n_slots * sizeof *at);     /* its index in *out */
  size_t *hits = NULL;                             /* bands shared */
  int r = 0;
  /* One statement for all the keys: a join of their VALUES with the
     bands' primary key, far cheaper than a statement per key. */
  if (nk > 0 && (*join == NULL || *join_n != nk))
    {
      sqlite3_finalize (*join);
      *join = NULL;
      struct buf sql = BUF_INIT;
      buf_adds (&sql, "SELECT b.id FROM (VALUES ");
      for (size_t i = 0; i < nk; i++)
        buf_adds (&sql, i ? ",(?,?)" : "(?,?)");
      buf_adds (&sql, ") v CROSS JOIN bands b ON b.band = v.column1"
                " AND b.key = v.column2");
      int rc = sqlite3_prepare_v2 (s->db, sql.data, (int) sql.len, join,
                                   NULL);
      buf_free (&sql);
      if (rc != SQLITE_OK)
        {
          *cause = store_error (s, rc);
          sqlite3_finalize (*join);
          *join = NULL;
          r = -1;
        }
      *join_n = nk;
    }
  if (r == 0 && nk > 0)
    {
      sqlite3_stmt *st = *join;
      for (size_t i = 0; i < nk; i++)
        {
          sqlite3_bind_int (st, (int) (2 * i + 1), (int) i);
          sqlite3_bind_int64 (st, (int) (2 * i + 2),
                              (sqlite3_int64) keys[i]);
        }
      int rc;
      while ((rc = sqlite3_step (st)) == SQLITE_ROW)
        {
          int64_t o = sqlite3_column_int64 (st, 0);
          if (o == id || o <= 0)
            continue;
          size_t h = (size_t) wordseq_mix ((uint64_t) o) & (n_slots - 1);
          while (set[h] && set[h] != o)
            h = (h + 1) & (n_slots - 1);
          if (set[h])
            {
              hits[at[h]]++;
              continue;
            }
          set[h] = o;
          at[h] = *n;
          *out = xgrow (*out, &alloc, *n + 1, sizeof **out);
          hits = xgrow (hits, &alloc_hits, *n + 1, sizeof *hits);
          hits[*n] = 1;
          (*out)[(*n)++] = o;
          if (2 * *n >= n_slots)
            {
              free (set);
              free (at);
              n_slots *= 4;
              set = xcalloc (n_slots, sizeof *set);
              at = xmalloc (n_slots * sizeof *at);
              for (size_t k = 0; k < *n; k++)
                {
                  size_t g = (size_t) wordseq_mix ((uint64_t) (*out)[k])
                             & (n_slots - 1);
                  while (set[g])
                    g = (g + 1) & (n_slots - 1);
                  set[g] = (*out)[k];
                  at[g] = k;
                }
            }
        }
      if (rc != SQLITE_DONE)
        {
          *cause = store_error (s, rc);
          r = -1;
        }
      sqlite3_reset (st);
    }
  free (set);
  free (at);
  free (keys);
  if (min_hits > 1)
    {
      size_t kept = 0;
      for (size_t k = 0; k < *n; k++)
        if (hits[k] >= min_hits)
          {
            (*out)[kept] = (*out)[k];
            hits[kept++] = hits[k];
          }
      *n = kept;
    }
  if (*n > STORE_RP_CANDIDATES_MAX)
    {
      struct store_rp_hit *v = xmalloc (*n * sizeof *v);
      for (size_t k = 0; k < *n; k++)
        v[k] = (struct store_rp_hit) { (*out)[k], hits[k] };
      qsort (v, *n, sizeof *v, store_rp_hit_cmp);
      *n = STORE_RP_CANDIDATES_MAX;
      for (size_t k = 0; k < *n; k++)
        (*out)[k] = v[k].id;
      free (v);
    }
  free (hits);
  if (*n > 1)
    qsort (*out, *n, sizeof **out, store_rp_cmp_i64);
  return r == 0 ? 1 : -1;
}

/* Whether the pair (a, b), a < b, is already stored. */
static int
store_rp_has_pair (struct store *s, int64_t a, int64_t b, char **cause)
{
  sqlite3_stmt *st = store_stmt (s, STMT_HAS_PAIR, cause);
  if (st == NULL)
    return -1;
  sqlite3_bind_int64 (st, 1, a);
  sqlite3_bind_int64 (st, 2, b);
  int rc = sqlite3_step (st);
  sqlite3_reset (st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  return rc == SQLITE_ROW;
}

/* Prepared texts of recent candidates: a story reprinted N times makes
   each of its versions a candidate of the N-1 others, so tokenizing each
   text once matters.  Direct-mapped on the id (ids of one batch are close
   together), a few tens of MB at most. */
#define STORE_RP_CACHE 2048

struct store_rp_cache
{
  int64_t id[STORE_RP_CACHE];           /* 0: empty */
  struct cluster_text t[STORE_RP_CACHE];
};

static void
store_rp_cache_free (struct store_rp_cache *c)
{
  for (size_t i = 0; i < STORE_RP_CACHE; i++)
    if (c->id[i])
      cluster_text_free (&c->t[i]);
  free (c);
}

/* ---- a small pool of threads for the pure work ------------------------- */

/* Runs fn (ctx, i) for every i in [0, n) on up to one thread per core
   (the calling thread is one of them).  fn must touch nothing shared but
   its own item: the SQLite connection stays on the calling thread. */
struct store_rp_pool
{
  pthread_mutex_t lock;
  size_t next, n;
  void (*fn) (void *ctx, size_t i);
  void *ctx;
};

static void *
store_rp_pool_run (void *arg)
{
  struct store_rp_pool *pl = arg;
  for (;;)
    {
      pthread_mutex_lock (&pl->lock);
      size_t i = pl->next < pl->n ? pl->next++ : SIZE_MAX;
      pthread_mutex_unlock (&pl->lock);
      if (i == SIZE_MAX)
        return NULL;
      pl->fn (pl->ctx, i);
    }
}

static void
store_rp_parallel (size_t n, void (*fn) (void *, size_t), void *ctx)
{
  long cores = sysconf (_SC_NPROCESSORS_ONLN);
  size_t nt = cores < 1 ? 1 : cores > 8 ? 8 : (size_t) cores;
  nt = MIN (nt, n);
  if (nt <= 1)
    {
      for (size_t i = 0; i < n; i++)
        fn (ctx, i);
      return;
    }
  struct store_rp_pool pl = { .n = n, .fn = fn, .ctx = ctx };
  pthread_mutex_init (&pl.lock, NULL);
  pthread_t th[8];
  size_t started = 0;
  for (; started + 1 < nt; started++)
    if (pthread_create (&th[started], NULL, store_rp_pool_run, &pl) != 0)
      break;
  store_rp_pool_run (&pl);
  for (size_t i = 0; i < started; i++)
    pthread_join (th[i], NULL);
  pthread_mutex_destroy (&pl.lock);
}

/* ---- verification, a batch of pending articles at a time ----------------- */

/* A text needed by the batch: borrowed from the cache or prepared. */
struct store_rp_need
{
  int64_t id;
  char *body;                   /* to prepare; NULL when cached */
  size_t len;
  bool gone;                    /* no such article: its pairs are not stored */
  struct cluster_text own;
  const struct cluster_text *t;
};

struct store_rp_job
{
  int64_t a, b;                 /* a < b */
  size_t na, nb;                /* indexes into the needs */
  bool near_dup;                /* decided from the signatures */
  struct cluster_verdict v;
};

struct store_rp_batch
{
  const struct reprint_params *p;
  struct store_rp_need *need;
  size_t n_need, alloc_need;
  struct store_rp_job *job;
  size_t n_job, alloc_job;
  sqlite3_stmt *join;           /* store_rp_candidates' statement */
  size_t join_n;                /* ... for this many keys */
  size_t min_hits;              /* bands a candidate must share */
  /* id -> need index + 1, open addressing */
  int64_t *set_id;
  size_t *set_ix;
  size_t n_slots;
};

static size_t
store_rp_batch_need (struct store_rp_batch *bt, int64_t id)
{
  if (2 * (bt->n_need + 1) > bt->n_slots)
    {
      size_t ns = bt->n_slots ? 4 * bt->n_slots : 256;
      free (bt->set_id);
      free (bt->set_ix);
      bt->set_id = xcalloc (ns, sizeof *bt->set_id);
      bt->set_ix = xcalloc (ns, sizeof *bt->set_ix);
      bt->n_slots = ns;
      for (size_t k = 0; k < bt->n_need; k++)
        {
          size_t g = (size_t) wordseq_mix ((uint64_t) bt->need[k].id)
                     & (ns - 1);
          while (bt->set_id[g])
            g = (g + 1) & (ns - 1);
          bt->set_id[g] = bt->need[k].id;
          bt->set_ix[g] = k;
        }
    }
  size_t h = (size_t) wordseq_mix ((uint64_t) id) & (bt->n_slots - 1);
  while (bt->set_id[h] && bt->set_id[h] != id)
    h = (h + 1) & (bt->n_slots - 1);
  if (bt->set_id[h])
    return bt->set_ix[h];
  bt->need = xgrow (bt->need, &bt->alloc_need, bt->n_need + 1,
                    sizeof *bt->need);
  bt->need[bt->n_need] = (struct store_rp_need) { .id = id };
  bt->set_id[h] = id;
  bt->set_ix[h] = bt->n_need;
  return bt->n_need++;
}

static void
store_rp_batch_reset (struct store_rp_batch *bt)
{
  for (size_t i = 0; i < bt->n_need; i++)
    {
      free (bt->need[i].body);
      cluster_text_free (&bt->need[i].own);
    }
  bt->n_need = bt->n_job = 0;
  if (bt->n_slots)
    memset (bt->set_id, 0, bt->n_slots * sizeof *bt->set_id);
}

static void
store_rp_batch_free (struct store_rp_batch *bt)
{
  store_rp_batch_reset (bt);
  sqlite3_finalize (bt->join);
  free (bt->need);
  free (bt->job);
  free (bt->set_id);
  free (bt->set_ix);
}

static void
store_rp_prepare_fn (void *ctx, size_t i)
{
  struct store_rp_batch *bt = ctx;
  struct store_rp_need *nd = &bt->need[i];
  if (nd->body && !nd->gone)
    {
      cluster_text_init (&nd->own, nd->body, nd->len, bt->p);
      nd->t = &nd->own;
    }
}

static void
store_rp_verify_fn (void *ctx, size_t i)
{
  struct store_rp_batch *bt = ctx;
  struct store_rp_job *j = &bt->job[i];
  if (!j->near_dup && !bt->need[j->na].gone && !bt->need[j->nb].gone)
    cluster_verify_floor (bt->need[j->na].t, bt->need[j->nb].t, bt->p,
                          MIN (bt->p->support_min,
                               MIN (bt->p->link_min, bt->p->alignment_min)),
                          &j->v);
}

/* Queues the verification of candidate pair (a, b), a < b, whose
   signatures estimate containment c; 'sure': taken as a reprint. */
static void
store_rp_batch_job (struct store_rp_batch *bt, int64_t a, int64_t b,
                    double c, bool sure)
{
  bt->job = xgrow (bt->job, &bt->alloc_job, bt->n_job + 1, sizeof *bt->job);
  struct store_rp_job *j = &bt->job[bt->n_job++];
  *j = (struct store_rp_job) { .a = a, .b = b, .near_dup = sure };
  if (sure)
    j->v = (struct cluster_verdict) {
      .containment = c, .alignment = c, .similarity = c, .reprint = true,
    };
  else
    {
      j->na = store_rp_batch_need (bt, a);
      j->nb = store_rp_batch_need (bt, b);
    }
}

/* Adds the unverified pairs of pending article 'id' to the batch. */
static int
store_rp_batch_add (struct store *s, struct store_rp_batch *bt, int64_t id,
                    struct store_reprints_stats *rs, char **cause)
{
  int64_t *cand;
  size_t nc;
  int r = store_rp_candidates (s, id, &bt->join, &bt->join_n,
                               bt->min_hits, &cand, &nc,
                               cause);
  if (r <= 0)
    return r;
  struct minhash_sig sig = { 0 };
  bool have_sig = false;
  r = 0;
  for (size_t i = 0; i < nc && r == 0; i++)
    {
      int64_t a = MIN (id, cand[i]), b = MAX (id, cand[i]);
      if (!have_sig)
        {
          if ((r = store_rp_get_sig (s, id, &sig, NULL, cause)) < 0)
            break;
          have_sig = r == 1;
          r = 0;
          if (!have_sig)
            break;
        }
      struct minhash_sig other;
      bool later = false;
      int got = store_rp_get_sig (s, cand[i], &other, &later, cause);
      if (got < 0)
        {
          r = -1;
          break;
        }
      if (got == 0)
        continue;
      if (later && cand[i] > id)
        {
          /* Pending too, after 'id' (they go in id order): the pair is
             its, once. */
          minhash_free (&other);
          continue;
        }
      /* Most candidates are chance collisions of unrelated texts (their
         common shingles, such as "of the", give them a Jaccard similarity
         of 0.05 to 0.2): the signatures settle them, and the pairs a
         verification would surely accept, without reading the texts. */
      double c = minhash_containment (&sig, &other);
      bool sure = c >= s->rp.estimate_sure && sig.words >= s->rp.min_words
                  && other.words >= s->rp.min_words;
      minhash_free (&other);
      rs->candidates++;
      if (c < s->rp.estimate_min)
        continue;
      int has = store_rp_has_pair (s, a, b, cause);
      if (has < 0)
        r = -1;
      if (has == 0)
        store_rp_batch_job (bt, a, b, c, sure);
    }
  if (have_sig)
    minhash_free (&sig);
  free (cand);
  return r;
}

/* Runs the jobs of the batch: the bodies are read here, the texts
   prepared and the pairs verified on the pool, the verdicts written
   here. */
static int
store_rp_batch_run (struct store *s, struct store_rp_batch *bt,
                    struct store_rp_cache *cache, struct buf *body,
                    struct store_reprints_stats *rs, char **cause)
{
  int r = 0;
  for (size_t i = 0; i < bt->n_need && r == 0; i++)
    {
      struct store_rp_need *nd = &bt->need[i];
      size_t slot = (size_t) ((uint64_t) nd->id % STORE_RP_CACHE);
      if (cache->id[slot] == nd->id)
        {
          nd->t = &cache->t[slot];
          continue;
        }
      r = store_rp_body (s, nd->id, body, cause);
      if (r == 1)
        nd->gone = true, r = 0;
      nd->len = body->len;
      nd->body = xmalloc (body->len + 1);
      memcpy (nd->body, body->data ? body->data : "", body->len);
      nd->body[body->len] = '\0';
    }
  if (r != 0)
    return -1;
  store_rp_parallel (bt->n_need, store_rp_prepare_fn, bt);
  store_rp_parallel (bt->n_job, store_rp_verify_fn, bt);
  for (size_t i = 0; i < bt->n_job && r == 0; i++)
    {
      const struct store_rp_job *j = &bt->job[i];
      if (!j->near_dup && (bt->need[j->na].gone || bt->need[j->nb].gone))
        continue;
      rs->verified++;
      rs->compared += !j->near_dup;
      sqlite3_stmt *st = store_stmt (s, STMT_PAIR_PUT, cause);
      if (st == NULL)
        return -1;
      sqlite3_bind_int64 (st, 1, j->a);
      sqlite3_bind_int64 (st, 2, j->b);
      sqlite3_bind_double (st, 3, j->v.similarity);
      sqlite3_bind_int (st, 4, j->v.reprint);
      r = store_step (s, st, cause);
    }
  /* Keep what was prepared for the next batches. */
  for (size_t i = 0; i < bt->n_need; i++)
    {
      struct store_rp_need *nd = &bt->need[i];
      if (nd->body == NULL || nd->gone)
        continue;
      size_t slot = (size_t) ((uint64_t) nd->id % STORE_RP_CACHE);
      if (cache->id[slot])
        cluster_text_free (&cache->t[slot]);
      cache->t[slot] = nd->own;
      cache->id[slot] = nd->id;
      memset (&nd->own, 0, sizeof nd->own);
    }
  return r;
}

/* Verifies pending articles ids[0..n) against their candidates. */
static int
store_rp_verify_batch (struct store *s, const int64_t *ids, size_t n,
                       struct store_rp_batch *bt,
                       struct store_rp_cache *cache, struct buf *body,
                       struct store_reprints_stats *rs, char **cause)
{
  int r = 0;
  store_rp_batch_reset (bt);
  for (size_t i = 0; i < n && r == 0; i++)
    r = store_rp_batch_add (s, bt, ids[i], rs, cause);
  if (r == 0)
    r = store_rp_batch_run (s, bt, cache, body, rs, cause);
  for (size_t i = 0; i < n && r == 0; i++)
    {
      char *sql = sqlite3_mprintf ("UPDATE sigs SET pending = 0"
                                   " WHERE id = %lld", (long long) ids[i]);
      r = store_exec (s, sql, cause);
      sqlite3_free (sql);
    }
  return r;
}

/* ---- a large update: the candidates from one pass over the band keys ---- */

/* When at least 1/STORE_RP_SCAN_SHARE of the signatures are pending (a
   first index, new parameters), the candidates come from the band keys of
   every signature, in memory (about 1.5 KB each and 0.8 KB of keys, hence
   at most STORE_RP_SCAN_MAX of them), rather than from a
   lookup of each band key of each pending article and a read of each
   candidate's signature.  Measured on gen-corpus --count=10000 (960,000
   band keys, 67,394 candidate pairs, perf): 4.6 s of CPU for the lookups
   and reads, 0.7 s for the pass; the verification phase of a full index
   went from 13.9 s to 6.2 s of wall time on a loaded 2-core machine.  (The
   pass read the bands table back in key order at first: 0.3 s of CPU more
   than computing the keys again.) */
#define STORE_RP_SCAN_SHARE 8
#define STORE_RP_SCAN_MAX 50000
/* Candidate pairs verified per transaction in a scan. */
#define STORE_RP_SCAN_JOBS 1000

struct store_rp_pair
{
  int64_t a, b;                 /* a < b */
  double c;                     /* estimated containment */
  bool sure;
};

struct store_rp_scan
{
  const struct reprint_params *p;
  int64_t *ids;                 /* every signed article, sorted */
  struct minhash_sig *sigs;     /* their signatures */
  bool *pending;
  size_t n, alloc_ids, alloc_sigs, alloc_pending;
  struct store_rp_pair *pairs;  /* candidates that need a verdict */
  size_t n_pairs, alloc_pairs;
  size_t candidates;
  /* The pairs taken from large buckets (x << 32 | y, plus one), which
     store_rp_scan_seen cannot tell apart: open addressing, 0 empty. */
  uint64_t *big;
  size_t n_big, cap_big;
  /* Bit x * 2 * bands + band: x was in a large bucket in that band. */
  unsigned char *inbig;
};

static bool
store_rp_scan_inbig (const struct store_rp_scan *sc, size_t x, size_t band)
{
  size_t bit = x * 2 * (size_t) sc->p->bands + band;
  return sc->inbig && (sc->inbig[bit / 8] >> (bit % 8) & 1);
}

static void
store_rp_scan_free (struct store_rp_scan *sc)
{
  for (size_t i = 0; i < sc->n; i++)
    minhash_free (&sc->sigs[i]);
  free (sc->ids);
  free (sc->sigs);
  free (sc->pending);
  free (sc->big);
  free (sc->inbig);
  sc->inbig = NULL;
  sc->ids = NULL;
  sc->sigs = NULL;
  sc->pending = NULL;
  sc->big = NULL;
  sc->n = sc->alloc_ids = sc->alloc_sigs = sc->alloc_pending = 0;
  sc->n_big = sc->cap_big = 0;
}

/* The pair (x, y), x < y, in the large buckets' set: whether it was
   there; with 'add', it is afterwards. */
static bool
store_rp_scan_big (struct store_rp_scan *sc, size_t x, size_t y, bool add)
{
  if (add && 2 * (sc->n_big + 1) > sc->cap_big)
    {
      size_t old_cap = sc->cap_big;
      uint64_t *old = sc->big;
      sc->cap_big = old_cap ? 2 * old_cap : 1024;
      sc->big = xcalloc (sc->cap_big, sizeof *sc->big);
      for (size_t i = 0; i < old_cap; i++)
        if (old[i])
          {
            size_t h = (size_t) wordseq_mix (old[i]) & (sc->cap_big - 1);
            while (sc->big[h])
              h = (h + 1) & (sc->cap_big - 1);
            sc->big[h] = old[i];
          }
      free (old);
    }
  if (sc->cap_big == 0)
    return false;
  uint64_t key = ((uint64_t) x << 32 | (uint64_t) y) + 1;
  size_t h = (size_t) wordseq_mix (key) & (sc->cap_big - 1);
  while (sc->big[h] && sc->big[h] != key)
    h = (h + 1) & (sc->cap_big - 1);
  if (sc->big[h])
    return true;
  if (add)
    {
      sc->big[h] = key;
      sc->n_big++;
    }
  return false;
}

/* Every usable signature, in id order. */
static int
store_rp_scan_load (struct store *s, struct store_rp_scan *sc, char **cause)
{
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2 (s->db, "SELECT id, sig, pending FROM sigs"
                               " ORDER BY id", -1, &st, NULL);
  while (st && (rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      struct minhash_sig sig;
      if (!minhash_from_blob (sqlite3_column_blob (st, 1),
                              (size_t) sqlite3_column_bytes (st, 1), &sig))
        continue;
      if (sig.k != MINHASH_HASHES (sc->p))
        {
          minhash_free (&sig);
          continue;
        }
      sc->ids = xgrow (sc->ids, &sc->alloc_ids, sc->n + 1, sizeof *sc->ids);
      sc->sigs = xgrow (sc->sigs, &sc->alloc_sigs, sc->n + 1,
                        sizeof *sc->sigs);
      sc->pending = xgrow (sc->pending, &sc->alloc_pending, sc->n + 1,
                           sizeof *sc->pending);
      sc->ids[sc->n] = sqlite3_column_int64 (st, 0);
      sc->sigs[sc->n] = sig;
      sc->pending[sc->n++] = sqlite3_column_int (st, 2) != 0;
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  return 0;
}

/* Whether signatures x and y agree on a band before 'band' (the pair was
   seen there). */
static bool
store_rp_scan_seen (const struct store_rp_scan *sc, size_t x, size_t y,
                    size_t band)
{
  const struct reprint_params *p = sc->p;
  const uint32_t *mx = sc->sigs[x].mins, *my = sc->sigs[y].mins;
  size_t k = sc->sigs[x].k;
  for (size_t j = 0; j < band; j++)
    {
      size_t off = (j / p->bands) * k + (j % p->bands) * p->rows;
      size_t r = 0;
      while (r < p->rows && mx[off + r] == my[off + r])
        r++;
      if (r == p->rows && !store_rp_scan_inbig (sc, x, j))
        return true;
    }
  return false;
}

/* The articles m[0..n) share a key in 'band': their pairs with a pending
   side, each counted once (in the first band they share), settled from
   the signatures as in store_rp_batch_add. */
static void
store_rp_scan_bucket (struct store_rp_scan *sc, const size_t *m, size_t n,
                      size_t band)
{
  const struct reprint_params *p = sc->p;
  /* A bucket larger than STORE_RP_BUCKET_ALL (templated articles: market
     reports, weather, results, all alike) would cost its size squared:
     there each member meets only the STORE_RP_BUCKET_WINDOW after it (m is
     in id order), which still chains a true family together through
     verified links, and the clustering's support check decides the rest
     (cluster_build samples large merges). */
  bool big = n > STORE_RP_BUCKET_ALL;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n && (!big || j - i <= STORE_RP_BUCKET_WINDOW);
         j++)
      {
        size_t x = m[i], y = m[j];
        if (!(sc->pending[x] || sc->pending[y]))
          continue;
        /* Each pair once: in the first band where it shares a small
           bucket, or in the first large bucket that offers it. */
        if (store_rp_scan_seen (sc, x, y, band)
            || store_rp_scan_big (sc, MIN (x, y), MAX (x, y), big))
          continue;
        sc->candidates++;
        double c = minhash_containment (&sc->sigs[x], &sc->sigs[y]);
        if (c < p->estimate_min)
          continue;
        sc->pairs = xgrow (sc->pairs, &sc->alloc_pairs, sc->n_pairs + 1,
                           sizeof *sc->pairs);
        sc->pairs[sc->n_pairs++] = (struct store_rp_pair) {
          .a = MIN (sc->ids[x], sc->ids[y]), .b = MAX (sc->ids[x], sc->ids[y]),
          .c = c,
          .sure = c >= p->estimate_sure && sc->sigs[x].words >= p->min_words
                  && sc->sigs[y].words >= p->min_words,
        };
      }
}

struct store_rp_keyed
{
  uint64_t key;
  size_t x;
};

/* Sorts v[0..n) by key, stably: LSD radix, a byte a pass (a pass whose
   byte is the same everywhere is skipped); tmp has room for n. */
static void
store_rp_keyed_sort (struct store_rp_keyed *v, struct store_rp_keyed *tmp,
                     size_t n)
{
  if (n < 2)
    return;
  struct store_rp_keyed *src = v, *dst = tmp;
  for (unsigned shift = 0; shift < 64; shift += 8)
    {
      size_t count[257] = { 0 };
      for (size_t i = 0; i < n; i++)
        count[((src[i].key >> shift) & 0xff) + 1]++;
      if (count[((src[0].key >> shift) & 0xff) + 1] == n)
        continue;
      for (size_t d = 1; d <= 256; d++)
        count[d] += count[d - 1];
      for (size_t i = 0; i < n; i++)
        dst[count[(src[i].key >> shift) & 0xff]++] = src[i];
      struct store_rp_keyed *t = src;
      src = dst, dst = t;
    }
  if (src != v)
    memcpy (v, src, n * sizeof *v);
}

/* Rows of the bands table written per transaction when the scan fills
   it (about STORE_RP_BAND_CHUNK signatures' worth, as
   store_rp_band_pending). */
#define STORE_RP_SCAN_FILL (96 * 5000)

/* The candidates into sc->pairs: the band keys of every signature in
   memory, then band by band the signatures sorted by their key there, each
   run of equal keys a bucket.  The bands table holds the same keys
   (store_rp_band_pending wrote the pending ones), but reading its 960,000
   rows back in key order took 0.3 s of CPU at 10,000 articles.
   With 'fill' the bands table is empty (a first index, new signing
   parameters) and every key is written here, in the table's order: each
   row lands at its end, where store_rp_band_pending's rows, in key order
   but a chunk of signatures at a time, land all over it, so that each
   chunk rewrote most of the table (at 10,000 articles, perf: 0.52 s of
   CPU for writing the keys and the pass, 0.39 s this way). */
static int
store_rp_scan_bands (struct store *s, struct store_rp_scan *sc, bool fill,
                     char **cause)
{
  size_t per = 2 * (size_t) sc->p->bands;
  uint64_t *keys = xmalloc ((sc->n * per + 1) * sizeof *keys);
  unsigned char *has = xcalloc (sc->n + 1, 1);
  for (size_t x = 0; x < sc->n; x++)
    has[x] = minhash_band_keys (&sc->sigs[x], sc->p, keys + x * per) == per;
  struct store_rp_keyed *v = xmalloc ((sc->n + 1) * sizeof *v);
  struct store_rp_keyed *tmp = xmalloc ((sc->n + 1) * sizeof *tmp);
  size_t *m = xmalloc ((sc->n + 1) * sizeof *m);
  struct store_rp_band_row *rows = NULL;
  if (fill)
    rows = xmalloc ((sc->n + 1) * sizeof *rows);
  size_t in_txn = 0;
  int r = 0;
  for (size_t band = 0; band < per && r == 0; band++)
    {
      size_t n = 0;
      for (size_t x = 0; x < sc->n; x++)
        if (has[x])
          v[n++] = (struct store_rp_keyed) { keys[x * per + band], x };
      store_rp_keyed_sort (v, tmp, n);
      if (fill && n > 0)
        {
          /* Sorted by key, then id (x in id order, the sort stable). */
          for (size_t i = 0; i < n; i++)
            rows[i] = (struct store_rp_band_row) {
              .key = v[i].key, .band = (uint32_t) band,
              .id = sc->ids[v[i].x],
            };
          if (in_txn == 0)
            r = store_begin (s, cause);
          if (r == 0)
            r = store_rp_bands_insert (s, rows, n, cause);
          in_txn += n;
          if (r == 0 && (in_txn >= STORE_RP_SCAN_FILL || band + 1 == per))
            {
              r = store_commit (s, cause);
              in_txn = 0;
            }
          else if (r != 0)
            store_rollback (s);
        }
      for (size_t i = 0; i < n && r == 0;)
        {
          size_t j = i + 1;
          while (j < n && v[j].key == v[i].key)
            j++;
          if (j - i > 1)
            {
              for (size_t k = i; k < j; k++)
                m[k - i] = v[k].x;
              store_rp_scan_bucket (sc, m, j - i, band);
            }
          if (j - i > STORE_RP_BUCKET_ALL)
            {
              if (sc->inbig == NULL)
                sc->inbig = xcalloc ((sc->n * per + 7) / 8 + 1, 1);
              for (size_t k = i; k < j; k++)
                {
                  size_t bit = v[k].x * per + band;
                  sc->inbig[bit / 8] |= (unsigned char) (1u << (bit % 8));
                }
            }
          i = j;
        }
    }
  if (r == 0 && in_txn > 0)
    r = store_commit (s, cause);
  free (rows);
  free (m);
  free (tmp);
  free (v);
  free (has);
  free (keys);
  return r;
}

static int
store_rp_pair_cmp (const void *x, const void *y)
{
  const struct store_rp_pair *a = x, *b = y;
  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return (a->b > b->b) - (a->b < b->b);
}

/* Verifies every pending signature against its candidates, found in one
   pass over the band keys. */
static int
store_rp_verify_scan (struct store *s, const volatile sig_atomic_t *stop,
                      bool fill, struct store_rp_batch *bt,
                      struct store_rp_cache *cache, struct buf *body,
                      struct store_reprints_stats *rs, char **cause)
{
  struct store_rp_scan sc = { .p = &s->rp };
  int r = store_rp_scan_load (s, &sc, cause);
  if (r == 0)
    r = store_rp_scan_bands (s, &sc, fill, cause);
  store_rp_scan_free (&sc);
  rs->candidates += sc.candidates;
  if (sc.n_pairs > 1)
    qsort (sc.pairs, sc.n_pairs, sizeof *sc.pairs, store_rp_pair_cmp);
  for (size_t i = 0; i < sc.n_pairs && r == 0 && !(stop && *stop);)
    {
      r = store_begin (s, cause);
      store_rp_batch_reset (bt);
      for (; i < sc.n_pairs && r == 0 && bt->n_job < STORE_RP_SCAN_JOBS; i++)
        {
          const struct store_rp_pair *q = &sc.pairs[i];
          int has = store_rp_has_pair (s, q->a, q->b, cause);
          if (has < 0)
            r = -1;
          else if (has == 0)
            store_rp_batch_job (bt, q->a, q->b, q->c, q->sure);
        }
      if (r == 0)
        r = store_rp_batch_run (s, bt, cache, body, rs, cause);
      if (r == 0)
        r = store_commit (s, cause);
      else
        store_rollback (s);
    }
  free (sc.pairs);
  if (r == 0 && !(stop && *stop))
    r = store_exec (s, "UPDATE sigs SET pending = 0 WHERE pending", cause);
  return r;
}

static int
store_rp_verify_pending (struct store *s, const volatile sig_atomic_t *stop,
                         struct store_reprints_stats *rs, char **cause)
{
  struct buf body = BUF_INIT;
  struct store_rp_cache *cache = xcalloc (1, sizeof *cache);
  struct store_rp_batch bt = { .p = &s->rp };
  int64_t *count = NULL;
  size_t n_count = 0;
  /* Whether the bands table is empty, how many signatures, how many
     pending. */
  int r = store_rp_ids (s, "SELECT NOT EXISTS (SELECT 1 FROM bands)"
                        " UNION ALL SELECT count(*) FROM sigs UNION ALL"
                        " SELECT count(*) FROM sigs WHERE pending", &count,
                        &n_count, cause);
  bool scan = r == 0 && n_count == 3 && count[2] > 0
              && count[2] * STORE_RP_SCAN_SHARE >= count[1]
              && count[1] <= STORE_RP_SCAN_MAX;
  bool fill = scan && count[0] == 1;
  /* Past the scan's size, each candidate's signature is read from the
     index, and chance collisions grow with the square of the collection:
     3.24 million candidates at 100,000 articles, 69 s.  There a candidate
     must share two bands.  Measured at 10,000 (seed 1): of 111,364
     candidates 105,096 share one band, against 26 of the 5,315 reprint
     pairs (which their families still reach through the others). */
  bt.min_hits = r == 0 && n_count == 3 && count[1] > STORE_RP_SCAN_MAX
                ? 2 : 1;
  if (r == 0 && !fill)
    r = store_rp_band_pending (s, cause);
  if (r == 0 && scan)
    r = store_rp_verify_scan (s, stop, fill, &bt, cache, &body, rs, cause);
  free (count);
  while (r == 0 && !(stop && *stop))
    {
      int64_t *ids;
      size_t n;
      char *sql = xasprintf ("SELECT id FROM sigs WHERE pending ORDER BY id"
                             " LIMIT %d", STORE_REPRINTS_BATCH);
      r = store_rp_ids (s, sql, &ids, &n, cause);
      free (sql);
      if (r != 0 || n == 0)
        break;
      r = store_begin (s, cause);
      if (r == 0)
        r = store_rp_verify_batch (s, ids, n, &bt, cache, &body, rs, cause);
      free (ids);
      if (r == 0)
        r = store_commit (s, cause);
      else
        store_rollback (s);
    }
  store_rp_batch_free (&bt);
  store_rp_cache_free (cache);
  buf_free (&body);
  return r;
}

/* ---- clustering ---------------------------------------------------------- */

struct store_rp_build
{
  struct store *s;
  int64_t *ids;                 /* index -> article id, sorted */
  size_t n;
  struct buf a, b;
  int failed;
  char *cause;
};

static size_t
store_rp_index (const struct store_rp_build *bd, int64_t id)
{
  size_t lo = 0, hi = bd->n;
  while (lo < hi)
    {
      size_t mid = (lo + hi) / 2;
      if (bd->ids[mid] < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* cluster_build asks about member pairs that were never candidates. */
static bool
store_rp_verify_cb (void *ctx, size_t x, size_t y, struct cluster_verdict *v)
{
  struct store_rp_build *bd = ctx;
  if (bd->failed)
    return false;
  char *cause = NULL;
  if (store_rp_body (bd->s, bd->ids[x], &bd->a, &cause) != 0
      || store_rp_body (bd->s, bd->ids[y], &bd->b, &cause) != 0)
    {
      if (cause)
        {
          bd->failed = 1;
          bd->cause = cause;
        }
      return false;
    }
  cluster_verify_texts (bd->a.data ? bd->a.data : "", bd->a.len,
                        bd->b.data ? bd->b.data : "", bd->b.len,
                        &bd->s->rp, v);
  return true;
}

/* The text of 'id' as versions are compared (article_compare_text), read
   with *st (prepared here the first time; the caller finalizes it). */
static int
store_rp_compare_text (struct store *s, sqlite3_stmt **st, int64_t id,
                       char **text, size_t *len, char **cause)
{
  *text = NULL;
  *len = 0;
  int rc = SQLITE_OK;
  if (*st == NULL)
    rc = sqlite3_prepare_v2 (s->db, "SELECT front, body FROM articles"
                             " WHERE id = ?1", -1, st, NULL);
  int r = 1;
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (*st, 1, id);
      rc = sqlite3_step (*st);
      if (rc == SQLITE_ROW)
        {
          *text = article_compare_text
            ((const char *) sqlite3_column_text (*st, 0),
             (size_t) sqlite3_column_bytes (*st, 0),
             (const char *) sqlite3_column_text (*st, 1),
             (size_t) sqlite3_column_bytes (*st, 1), len);
          r = 0;
        }
      rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
      sqlite3_reset (*st);
    }
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  return r;
}

/* Versions rows waiting for their diff against the original: diffed on
   the pool a few dozen at a time, written on the writer thread. */
#define STORE_RP_DIFF_BATCH 64

struct store_rp_vjob
{
  int64_t id, original;
  int rank;
  size_t otext;                 /* index into the texts */
  char *text;
  size_t len;
  struct wdiff_summary sum;
};

struct store_rp_versions
{
  struct store_rp_vjob *job;
  size_t n_job, alloc_job;
  char **otext;                 /* originals' texts, owned */
  size_t *olen;
  size_t n_otext, alloc_otext, alloc_olen;
  int64_t last;                 /* whose text otext[n_otext - 1] is */
  /* Statements run per member, prepared once: parsing them for each of
     the 5,300 members at 10,000 articles cost 0.2 s. */
  sqlite3_stmt *text;           /* store_rp_compare_text */
  sqlite3_stmt *get;            /* a member's versions row */
  sqlite3_stmt *rank;           /* its new rank */
  sqlite3_stmt *put;            /* a new versions row */
  sqlite3_stmt *member;         /* articles.cluster, and the members table */
  sqlite3_stmt *listed;
};

/* Prepares *st from 'sql' unless it is; resets and clears its bindings
   if it is.  0, or -1 with *cause. */
static int
store_rp_vstmt (struct store *s, sqlite3_stmt **st, const char *sql,
                char **cause)
{
  if (*st)
    {
      sqlite3_reset (*st);
      sqlite3_clear_bindings (*st);
      return 0;
    }
  int rc = sqlite3_prepare_v2 (s->db, sql, -1, st, NULL);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      sqlite3_finalize (*st);
      *st = NULL;
      return -1;
    }
  return 0;
}

/* Steps 'st' to its end (a write); 0, or -1 with *cause. */
static int
store_rp_vstep (struct store *s, sqlite3_stmt *st, char **cause)
{
  int rc = sqlite3_step (st);
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  return 0;
}

/* Makes the text of 'original' the last of vs->otext, read only when a
   member needs a diff (after a small update most have their row). */
static int
store_rp_versions_original (struct store *s, struct store_rp_versions *vs,
                            int64_t original, char **cause)
{
  if (vs->n_otext && vs->last == original)
    return 0;
  char *otext;
  size_t olen;
  if (store_rp_compare_text (s, &vs->text, original, &otext, &olen, cause)
      != 0)
    return -1;
  if (vs->n_job == 0)
    {
      /* No diff waits on the texts kept so far. */
      for (size_t i = 0; i < vs->n_otext; i++)
        free (vs->otext[i]);
      vs->n_otext = 0;
    }
  vs->otext = xgrow (vs->otext, &vs->alloc_otext, vs->n_otext + 1,
                     sizeof *vs->otext);
  vs->olen = xgrow (vs->olen, &vs->alloc_olen, vs->n_otext + 1,
                    sizeof *vs->olen);
  vs->otext[vs->n_otext] = otext;
  vs->olen[vs->n_otext++] = olen;
  vs->last = original;
  return 0;
}

static void
store_rp_diff_fn (void *ctx, size_t i)
{
  struct store_rp_versions *vs = ctx;
  struct store_rp_vjob *j = &vs->job[i];
  struct wdiff d;
  wdiff_run (vs->otext[j->otext], vs->olen[j->otext], j->text, j->len, NULL,
             &d);
  j->sum = d.sum;
  wdiff_free (&d);
}

static int
store_rp_version_row (struct store *s, struct store_rp_versions *vs,
                      int64_t id, int64_t original, int rank,
                      const struct wdiff_summary *sum, char **cause)
{
  if (store_rp_vstmt (s, &vs->put, "INSERT OR REPLACE INTO versions (id,"
                      " original, rank, similarity, added, removed, changed)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", cause) != 0)
    return -1;
  sqlite3_stmt *st = vs->put;
  sqlite3_bind_int64 (st, 1, id);
  sqlite3_bind_int64 (st, 2, original);
  sqlite3_bind_int (st, 3, rank);
  sqlite3_bind_double (st, 4, sum->similarity);
  sqlite3_bind_int64 (st, 5, (sqlite3_int64) sum->words_added);
  sqlite3_bind_int64 (st, 6, (sqlite3_int64) sum->words_removed);
  sqlite3_bind_int64 (st, 7, (sqlite3_int64) sum->words_changed);
  return store_rp_vstep (s, st, cause);
}

/* Diffs the queued versions and writes their rows (only frees them when
   'cause' is NULL: after an error); keeps the last original's text when
   'keep_last' (its cluster is not finished). */
static int
store_rp_versions_flush (struct store *s, struct store_rp_versions *vs,
                         bool keep_last, struct store_reprints_stats *rs,
                         char **cause)
{
  store_rp_parallel (vs->n_job, store_rp_diff_fn, vs);
  int r = 0;
  for (size_t i = 0; i < vs->n_job; i++)
    {
      struct store_rp_vjob *j = &vs->job[i];
      if (r == 0 && cause)
        r = store_rp_version_row (s, vs, j->id, j->original, j->rank,
                                  &j->sum, cause);
      free (j->text);
      rs->diffed++;
    }
  vs->n_job = 0;
  size_t keep = keep_last && vs->n_otext ? 1 : 0;
  for (size_t i = 0; i + keep < vs->n_otext; i++)
    free (vs->otext[i]);
  if (keep)
    {
      vs->otext[0] = vs->otext[vs->n_otext - 1];
      vs->olen[0] = vs->olen[vs->n_otext - 1];
    }
  vs->n_otext = keep;
  return r;
}

/* Writes the versions row of member 'id' of the cluster of 'original'
   (rank 'rank'), queueing its diff against the original when there is no
   row for that original yet. */
static int
store_rp_version (struct store *s, struct store_rp_versions *vs,
                  int64_t original, int64_t id, int rank,
                  struct store_reprints_stats *rs, char **cause)
{
  if (store_rp_vstmt (s, &vs->get, "SELECT original FROM versions"
                      " WHERE id = ?1", cause) != 0)
    return -1;
  sqlite3_stmt *st = vs->get;
  sqlite3_bind_int64 (st, 1, id);
  int rc = sqlite3_step (st);
  bool fresh = rc == SQLITE_ROW && sqlite3_column_int64 (st, 0) == original;
  sqlite3_reset (st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  if (fresh)
    {
      if (store_rp_vstmt (s, &vs->rank, "UPDATE versions SET rank = ?1"
                          " WHERE id = ?2", cause) != 0)
        return -1;
      sqlite3_bind_int (vs->rank, 1, rank);
      sqlite3_bind_int64 (vs->rank, 2, id);
      return store_rp_vstep (s, vs->rank, cause);
    }
  if (id == original)
    {
      struct wdiff_summary sum = { .similarity = 1 };
      return store_rp_version_row (s, vs, id, original, rank, &sum, cause);
    }
  char *text;
  size_t len;
  if (store_rp_versions_original (s, vs, original, cause) != 0
      || store_rp_compare_text (s, &vs->text, id, &text, &len, cause) != 0)
    return -1;
  vs->job = xgrow (vs->job, &vs->alloc_job, vs->n_job + 1, sizeof *vs->job);
  vs->job[vs->n_job++] = (struct store_rp_vjob) {
    .id = id, .original = original, .rank = rank, .otext = vs->n_otext - 1,
    .text = text, .len = len,
  };
  if (vs->n_job >= STORE_RP_DIFF_BATCH)
    return store_rp_versions_flush (s, vs, true, rs, cause);
  return 0;
}

/* Rebuilds the clusters from the stored pairs and writes articles.cluster
   and versions, in the caller's transaction. */
static int
store_rp_cluster (struct store *s, struct store_reprints_stats *rs,
                  char **cause)
{
  struct store_rp_build bd = { .s = s };
  int r = store_rp_ids (s, "SELECT a FROM pairs UNION SELECT b FROM pairs"
                        " ORDER BY 1", &bd.ids, &bd.n, cause);
  if (r != 0)
    return -1;
  struct cluster_article *art = xcalloc (bd.n + 1, sizeof *art);
  struct cluster_link *links = NULL;
  size_t n_links = 0, alloc = 0;
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2 (s->db, "SELECT id, date_key, agency IS NOT NULL"
                               " FROM articles WHERE id IN (SELECT a FROM"
                               " pairs UNION SELECT b FROM pairs)", -1, &st,
                               NULL);
  while (st && (rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      size_t i = store_rp_index (&bd, sqlite3_column_int64 (st, 0));
      if (i < bd.n)
        art[i] = (struct cluster_article) {
          .id = bd.ids[i], .date = sqlite3_column_int64 (st, 1),
          .has_agency = sqlite3_column_int (st, 2) != 0,
        };
    }
  sqlite3_finalize (st);
  st = NULL;
  if (rc == SQLITE_DONE)
    rc = sqlite3_prepare_v2 (s->db, "SELECT a, b, similarity, reprint FROM"
                             " pairs ORDER BY a, b", -1, &st, NULL);
  while (st && (rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      links = xgrow (links, &alloc, n_links + 1, sizeof *links);
      links[n_links++] = (struct cluster_link) {
        .a = store_rp_index (&bd, sqlite3_column_int64 (st, 0)),
        .b = store_rp_index (&bd, sqlite3_column_int64 (st, 1)),
        .similarity = sqlite3_column_double (st, 2),
        .reprint = sqlite3_column_int (st, 3) != 0,
      };
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    {
      *cause = store_error (s, rc);
      r = -1;
    }

  struct cluster_set cs = { 0 };
  if (r == 0)
    {
      cluster_build (art, bd.n, links, n_links, &s->rp, store_rp_verify_cb,
                     &bd, &cs);
      if (bd.failed)
        {
          *cause = bd.cause;
          bd.cause = NULL;
          r = -1;
        }
    }
  if (r == 0)
    r = store_exec (s, "CREATE TEMP TABLE IF NOT EXISTS members"
                    " (id INTEGER PRIMARY KEY); DELETE FROM members;", cause);
  struct store_rp_versions vs = { 0 };
  for (size_t c = 0; c < cs.n && r == 0; c++)
    {
      const struct cluster *cl = &cs.v[c];
      int64_t original = bd.ids[cl->members[0]];
      for (size_t m = 0; m < cl->n && r == 0; m++)
        {
          int64_t id = bd.ids[cl->members[m]];
          /* Only rows that change are written: a small update leaves most
             clusters as they were, and rewriting every member's row
             rewrote most pages of the articles table. */
          r = store_rp_vstmt (s, &vs.member, "UPDATE articles SET"
                              " cluster = ?1 WHERE id = ?2 AND cluster"
                              " IS NOT ?1", cause);
          if (r == 0)
            {
              sqlite3_bind_int64 (vs.member, 1, original);
              sqlite3_bind_int64 (vs.member, 2, id);
              r = store_rp_vstep (s, vs.member, cause);
            }
          if (r == 0)
            r = store_rp_vstmt (s, &vs.listed, "INSERT INTO members"
                                " VALUES (?1)", cause);
          if (r == 0)
            {
              sqlite3_bind_int64 (vs.listed, 1, id);
              r = store_rp_vstep (s, vs.listed, cause);
            }
          if (r == 0)
            r = store_rp_version (s, &vs, original, id, (int) m, rs, cause);
        }
      rs->clusters++;
    }
  if (store_rp_versions_flush (s, &vs, false, rs, r == 0 ? cause : NULL) != 0
      && r == 0)
    r = -1;
  free (vs.job);
  free (vs.otext);
  free (vs.olen);
  sqlite3_finalize (vs.text);
  sqlite3_finalize (vs.get);
  sqlite3_finalize (vs.rank);
  sqlite3_finalize (vs.put);
  sqlite3_finalize (vs.member);
  sqlite3_finalize (vs.listed);
  if (r == 0)
    r = store_exec (s, "UPDATE articles SET cluster = NULL"
                    " WHERE cluster IS NOT NULL AND id NOT IN"
                    " (SELECT id FROM members);"
                    " DELETE FROM versions WHERE id NOT IN"
                    " (SELECT id FROM members); DELETE FROM members;"
                    " DELETE FROM meta WHERE key = 'reprints_dirty';", cause);
  cluster_set_free (&cs);
  free (links);
  free (art);
  free (bd.ids);
  buf_free (&bd.a);
  buf_free (&bd.b);
  return r;
}

static double
store_rp_clock (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

int
store_reprints_update (struct store *s, const volatile sig_atomic_t *stop,
                       struct store_reprints_stats *rs, char **cause)
{
  memset (rs, 0, sizeof *rs);
  double t0 = store_rp_clock ();
  if (s->rp.enabled
      && (store_rp_sign_missing (s, stop, rs, cause) != 0
          || store_rp_verify_pending (s, stop, rs, cause) != 0))
    return -1;
  if (stop && *stop)
    return 1;
  if (!store_reprints_stale (s))
    return 0;
  double t1 = store_rp_clock ();
  int r = store_begin (s, cause);
  if (r == 0)
    r = store_rp_cluster (s, rs, cause);
  if (r == 0)
    {
      /* What this run did, for benchmarks and the curious. */
      double t2 = store_rp_clock ();
      char *v = xasprintf ("signed=%zu candidates=%zu verified=%zu"
                           " compared=%zu clusters=%zu diffed=%zu"
                           " verify_s=%.3f cluster_s=%.3f", rs->signed_n,
                           rs->candidates, rs->verified, rs->compared,
                           rs->clusters, rs->diffed, t1 - t0, t2 - t1);
      r = store_meta_set (s, "reprints_last", v, cause);
      free (v);
    }
  if (r == 0)
    r = store_commit (s, cause);
  else
    store_rollback (s);
  return r;
}

/* ---- reading -------------------------------------------------------------- */

int
store_compare_text (struct store *s, int64_t id, char **text, size_t *len,
                    char **path, char **cause)
{
  sqlite3_stmt *st;
  *text = NULL;
  *path = NULL;
  *len = 0;
  int rc = sqlite3_prepare_v2 (s->db, "SELECT front, body, path FROM articles"
                               " WHERE id = ?1", -1, &st, NULL);
  int r = 1;
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (st, 1, id);
      rc = sqlite3_step (st);
      if (rc == SQLITE_ROW)
        {
          *text = article_compare_text
            ((const char *) sqlite3_column_text (st, 0),
             (size_t) sqlite3_column_bytes (st, 0),
             (const char *) sqlite3_column_text (st, 1),
             (size_t) sqlite3_column_bytes (st, 1), len);
          *path = xstrdup ((const char *) sqlite3_column_text (st, 2));
          r = 0;
        }
      rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  return r;
}

int64_t
store_find_article (struct store *s, const char *path, char **cause)
{
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2 (s->db, "SELECT id FROM articles WHERE path = ?1",
                               -1, &st, NULL);
  int64_t id = 0;
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (st, 1, path, -1, SQLITE_STATIC);
      rc = sqlite3_step (st);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (st, 0);
      rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  return id;
}

static const char store_versions_sql[] =
  "SELECT v.original, a.id, a.path, a.headline, a.date, a.outlet, a.agency,"
  " v.similarity, v.added, v.removed, v.changed FROM versions v"
  " JOIN articles a ON a.id = v.id";

static char *
store_version_text (sqlite3_stmt *st, int col)
{
  const char *t = (const char *) sqlite3_column_text (st, col);
  return t ? xstrdup (t) : NULL;
}

static void
store_version_read (sqlite3_stmt *st, struct store_version *v)
{
#define STORE_V_TEXT(col) store_version_text (st, col)
  *v = (struct store_version) {
    .cluster = sqlite3_column_int64 (st, 0),
    .id = sqlite3_column_int64 (st, 1),
    .path = STORE_V_TEXT (2),
    .headline = STORE_V_TEXT (3),
    .date = STORE_V_TEXT (4),
    .outlet = STORE_V_TEXT (5),
    .agency = STORE_V_TEXT (6),
    .similarity = sqlite3_column_double (st, 7),
    .added = sqlite3_column_int64 (st, 8),
    .removed = sqlite3_column_int64 (st, 9),
    .changed = sqlite3_column_int64 (st, 10),
  };
#undef STORE_V_TEXT
}

void
store_versions_free (struct store_version *v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      free (v[i].path);
      free (v[i].headline);
      free (v[i].date);
      free (v[i].outlet);
      free (v[i].agency);
    }
  free (v);
}

/* Runs a versions query, calling fn at each change of cluster. */
static int
store_versions_run (struct store *s, sqlite3_stmt *st, store_cluster_fn fn,
                    void *arg, struct store_version **keep, size_t *keep_n,
                    char **cause)
{
  struct store_version *v = NULL;
  size_t n = 0, alloc = 0;
  int rc, r = 0;
  while (r == 0 && (rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      int64_t cl = sqlite3_column_int64 (st, 0);
      if (n && v[0].cluster != cl && fn)
        {
          r = n >= 2 ? fn (v, n, arg) : 0;
          store_versions_free (v, n);
          v = NULL;
          n = alloc = 0;
        }
      v = xgrow (v, &alloc, n + 1, sizeof *v);
      store_version_read (st, &v[n++]);
    }
  if (r == 0 && rc != SQLITE_DONE)
    {
      *cause = store_error (s, rc);
      r = -1;
    }
  if (r == 0 && n >= 2 && fn)
    r = fn (v, n, arg);
  if (keep && r == 0)
    {
      *keep = v;
      *keep_n = n;
    }
  else
    store_versions_free (v, n);
  return r;
}

int
store_versions (struct store *s, int64_t id, struct store_version **v,
                size_t *n, char **cause)
{
  *v = NULL;
  *n = 0;
  char *sql = xasprintf ("%s WHERE v.original = (SELECT original FROM versions"
                         " WHERE id = ?1) ORDER BY v.rank", store_versions_sql);
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2 (s->db, sql, -1, &st, NULL);
  free (sql);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  sqlite3_bind_int64 (st, 1, id);
  int r = store_versions_run (s, st, NULL, NULL, v, n, cause);
  sqlite3_finalize (st);
  return r;
}

int
store_each_cluster (struct store *s, double min_similarity,
                    store_cluster_fn fn, void *arg, char **cause)
{
  char *sql = xasprintf ("%s JOIN articles o ON o.id = v.original"
                         " WHERE v.rank = 0 OR v.similarity >= ?1"
                         " ORDER BY o.date_key DESC, v.original, v.rank",
                         store_versions_sql);
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2 (s->db, sql, -1, &st, NULL);
  free (sql);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  sqlite3_bind_double (st, 1, min_similarity);
  int r = store_versions_run (s, st, fn, arg, NULL, NULL, cause);
  sqlite3_finalize (st);
  return r;
}
