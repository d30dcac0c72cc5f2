/* store-reprints.c: signatures, band keys, verified pairs, clusters and
   versions in the index; see store.h for the tables and the contract. */
#include "system.h"
#include "store.h"

#include "article.h"
#include "buf.h"
#include "cluster.h"
#include "minhash.h"
#include "store-int.h"
#include "wdiff.h"
#include "wordseq.h"

/* Work per transaction while signing and verifying, so that an interrupted
   run keeps most of what it did and a reader never waits long. */
#define STORE_REPRINTS_BATCH 200

/* ---- parameters ----------------------------------------------------------- */

static char *
store_rp_sign_key (const struct reprint_params *p)
{
  return xasprintf ("shingle=%u bands=%u rows=%u lead=%u", p->shingle,
                    p->bands, p->rows, p->lead_words);
}

static char *
store_rp_verify_key (const struct reprint_params *p)
{
  return xasprintf ("shingle=%u min_words=%zu containment=%.6g"
                    " alignment=%.6g", p->verify_shingle, p->min_words,
                    p->containment_min, p->alignment_min);
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

/* Runs STMT_BAND_PUT or STMT_BAND_DELETE for every band key of 'sig'. */
static int
store_rp_bands (struct store *s, enum store_stmt which, int64_t id,
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
      sqlite3_stmt *st = store_stmt (s, which, cause);
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

/* Reads the stored signature of 'id'.  Returns 1 (and *sig) when there is
   one, 0 when not, -1 with *cause. */
static int
store_rp_get_sig (struct store *s, int64_t id, struct minhash_sig *sig,
                  char **cause)
{
  sqlite3_stmt *st = store_stmt (s, STMT_SIG_GET, cause);
  if (st == NULL)
    return -1;
  sqlite3_bind_int64 (st, 1, id);
  int rc = sqlite3_step (st);
  int r = 0;
  if (rc == SQLITE_ROW)
    r = minhash_from_blob (sqlite3_column_blob (st, 0),
                           (size_t) sqlite3_column_bytes (st, 0), sig)
        && sig->k == MINHASH_HASHES (&s->rp) ? 1 : 0;
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
  struct minhash_sig sig;
  int have = store_rp_get_sig (s, id, &sig, cause);
  if (have < 0)
    return -1;
  int r = 0;
  if (have)
    {
      r = store_rp_bands (s, STMT_BAND_DELETE, id, &sig, cause);
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
  if (sig->k != MINHASH_HASHES (&s->rp))
    return 0;           /* signed with other parameters: signed again later */
  unsigned char *blob = NULL;
  size_t alloc = 0, n = minhash_to_blob (sig, &blob, &alloc);
  sqlite3_stmt *st = store_stmt (s, STMT_SIG_PUT, cause);
  int r = -1;
  if (st)
    {
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_blob (st, 2, blob, (int) n, SQLITE_STATIC);
      r = store_step (s, st, cause);
    }
  free (blob);
  if (r == 0)
    r = store_rp_bands (s, STMT_BAND_PUT, id, sig, cause);
  return r == 0 ? store_rp_mark_dirty (s, cause) : -1;
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

/* The articles sharing a band key with 'id', sorted, without 'id'.  The
   buckets of a story reprinted many times hold the same ids in every band,
   so they are deduplicated in a hash set as they come. */
static int
store_rp_candidates (struct store *s, int64_t id, int64_t **out, size_t *n,
                     char **cause)
{
  *out = NULL;
  *n = 0;
  struct minhash_sig sig;
  int have = store_rp_get_sig (s, id, &sig, cause);
  if (have <= 0)
    return have;
  size_t nk = minhash_n_keys (&sig, &s->rp), alloc = 0;
  uint64_t *keys = xmalloc ((nk + 1) * sizeof *keys);
  minhash_band_keys (&sig, &s->rp, keys);
  minhash_free (&sig);
  size_t n_slots = 64;
  int64_t *set = xcalloc (n_slots, sizeof *set);   /* 0: empty */
  int r = 0;
  for (size_t i = 0; i < nk && r == 0; i++)
    {
      sqlite3_stmt *st = store_stmt (s, STMT_CANDIDATES, cause);
      if (st == NULL)
        {
          r = -1;
          break;
        }
      sqlite3_bind_int (st, 1, (int) i);
      sqlite3_bind_int64 (st, 2, (sqlite3_int64) keys[i]);
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
            continue;
          set[h] = o;
          *out = xgrow (*out, &alloc, *n + 1, sizeof **out);
          (*out)[(*n)++] = o;
          if (2 * *n >= n_slots)
            {
              free (set);
              n_slots *= 4;
              set = xcalloc (n_slots, sizeof *set);
              for (size_t k = 0; k < *n; k++)
                {
                  size_t g = (size_t) wordseq_mix ((uint64_t) (*out)[k])
                             & (n_slots - 1);
                  while (set[g])
                    g = (g + 1) & (n_slots - 1);
                  set[g] = (*out)[k];
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
  free (keys);
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

/* The prepared text of article 'id'; NULL when there is no such article
   (*r = 1) or on an error (*r = -1, *cause). */
static const struct cluster_text *
store_rp_text (struct store *s, struct store_rp_cache *c, int64_t id,
               struct buf *body, int *r, char **cause)
{
  size_t slot = (size_t) ((uint64_t) id % STORE_RP_CACHE);
  *r = 0;
  if (c->id[slot] == id)
    return &c->t[slot];
  if ((*r = store_rp_body (s, id, body, cause)) != 0)
    return NULL;
  if (c->id[slot])
    cluster_text_free (&c->t[slot]);
  cluster_text_init (&c->t[slot], body->data ? body->data : "", body->len,
                     &s->rp);
  c->id[slot] = id;
  return &c->t[slot];
}

/* Verifies one pending article against its candidates. */
static int
store_rp_verify_one (struct store *s, int64_t id, struct buf *body,
                     struct store_rp_cache *cache,
                     struct store_reprints_stats *rs, char **cause)
{
  int64_t *cand;
  size_t nc;
  int r = store_rp_candidates (s, id, &cand, &nc, cause);
  if (r < 0)
    return -1;
  r = 0;
  /* A copy: the candidate's slot may be the same as ours. */
  struct cluster_text tx = { 0 };
  bool have_tx = false;
  for (size_t i = 0; i < nc && r == 0; i++)
    {
      int64_t a = MIN (id, cand[i]), b = MAX (id, cand[i]);
      int has = store_rp_has_pair (s, a, b, cause);
      if (has < 0)
        r = -1;
      if (has != 0)
        continue;
      if (!have_tx)
        {
          if ((r = store_rp_body (s, id, body, cause)) != 0)
            break;
          cluster_text_init (&tx, body->data ? body->data : "", body->len,
                             &s->rp);
          have_tx = true;
        }
      int got;
      const struct cluster_text *ty = store_rp_text (s, cache, cand[i], body,
                                                     &got, cause);
      if (got < 0)
        r = -1;
      if (ty == NULL)
        continue;
      struct cluster_verdict v;
      cluster_verify (&tx, ty, &s->rp, &v);
      rs->verified++;
      sqlite3_stmt *st = store_stmt (s, STMT_PAIR_PUT, cause);
      if (st == NULL)
        {
          r = -1;
          break;
        }
      sqlite3_bind_int64 (st, 1, a);
      sqlite3_bind_int64 (st, 2, b);
      sqlite3_bind_double (st, 3, v.similarity);
      sqlite3_bind_int (st, 4, v.reprint);
      r = store_step (s, st, cause);
    }
  if (have_tx)
    cluster_text_free (&tx);
  free (cand);
  if (r != 0)
    return -1;
  char *sql = sqlite3_mprintf ("UPDATE sigs SET pending = 0 WHERE id = %lld",
                               (long long) id);
  r = store_exec (s, sql, cause);
  sqlite3_free (sql);
  return r;
}

static int
store_rp_verify_pending (struct store *s, const volatile sig_atomic_t *stop,
                         struct store_reprints_stats *rs, char **cause)
{
  struct buf body = BUF_INIT;
  struct store_rp_cache *cache = xcalloc (1, sizeof *cache);
  int r = 0;
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
      for (size_t i = 0; i < n && r == 0; i++)
        r = store_rp_verify_one (s, ids[i], &body, cache, rs, cause);
      free (ids);
      if (r == 0)
        r = store_commit (s, cause);
      else
        store_rollback (s);
    }
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

/* The text of 'id' as versions are compared (article_compare_text). */
static int
store_rp_compare_text (struct store *s, int64_t id, char **text, size_t *len,
                       char **cause)
{
  char *path = NULL;
  int r = store_compare_text (s, id, text, len, &path, cause);
  free (path);
  return r;
}

/* Writes the versions row of member 'id' of the cluster of 'original'
   (rank 'rank'), diffing it against the original when there is no row for
   that original yet. */
static int
store_rp_version (struct store *s, int64_t original, int64_t id, int rank,
                  const char *otext, size_t olen,
                  struct store_reprints_stats *rs, char **cause)
{
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2 (s->db, "SELECT original FROM versions"
                               " WHERE id = ?1", -1, &st, NULL);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  sqlite3_bind_int64 (st, 1, id);
  rc = sqlite3_step (st);
  bool fresh = rc == SQLITE_ROW && sqlite3_column_int64 (st, 0) == original;
  sqlite3_finalize (st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  char *sql;
  if (fresh)
    sql = sqlite3_mprintf ("UPDATE versions SET rank = %d WHERE id = %lld",
                           rank, (long long) id);
  else
    {
      struct wdiff_summary sum = { .similarity = 1 };
      if (id != original)
        {
          char *text;
          size_t len;
          if (store_rp_compare_text (s, id, &text, &len, cause) != 0)
            return -1;
          struct wdiff d;
          wdiff_run (otext, olen, text, len, NULL, &d);
          sum = d.sum;
          wdiff_free (&d);
          free (text);
          rs->diffed++;
        }
      sql = sqlite3_mprintf ("INSERT OR REPLACE INTO versions (id, original,"
                             " rank, similarity, added, removed, changed)"
                             " VALUES (%lld, %lld, %d, %.17g, %lld, %lld,"
                             " %lld)", (long long) id, (long long) original,
                             rank, sum.similarity,
                             (long long) sum.words_added,
                             (long long) sum.words_removed,
                             (long long) sum.words_changed);
    }
  int r = store_exec (s, sql, cause);
  sqlite3_free (sql);
  return r;
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
                    " (id INTEGER PRIMARY KEY); DELETE FROM members;"
                    " UPDATE articles SET cluster = NULL"
                    " WHERE cluster IS NOT NULL;", cause);
  for (size_t c = 0; c < cs.n && r == 0; c++)
    {
      const struct cluster *cl = &cs.v[c];
      int64_t original = bd.ids[cl->members[0]];
      char *otext;
      size_t olen;
      if (store_rp_compare_text (s, original, &otext, &olen, cause) != 0)
        {
          r = -1;
          break;
        }
      for (size_t m = 0; m < cl->n && r == 0; m++)
        {
          int64_t id = bd.ids[cl->members[m]];
          char *sql = sqlite3_mprintf ("UPDATE articles SET cluster = %lld"
                                       " WHERE id = %lld; INSERT INTO members"
                                       " VALUES (%lld)", (long long) original,
                                       (long long) id, (long long) id);
          r = store_exec (s, sql, cause);
          sqlite3_free (sql);
          if (r == 0)
            r = store_rp_version (s, original, id, (int) m, otext, olen, rs,
                                  cause);
        }
      free (otext);
      rs->clusters++;
    }
  if (r == 0)
    r = store_exec (s, "DELETE FROM versions WHERE id NOT IN"
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

int
store_reprints_update (struct store *s, const volatile sig_atomic_t *stop,
                       struct store_reprints_stats *rs, char **cause)
{
  memset (rs, 0, sizeof *rs);
  if (store_rp_sign_missing (s, stop, rs, cause) != 0
      || store_rp_verify_pending (s, stop, rs, cause) != 0)
    return -1;
  if (stop && *stop)
    return 1;
  if (!store_reprints_stale (s))
    return 0;
  int r = store_begin (s, cause);
  if (r == 0)
    r = store_rp_cluster (s, rs, cause);
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
