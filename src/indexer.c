/* indexer.c: walk, compare, extract in worker threads, write in batches. */
#include "system.h"
#include "indexer.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "collection.h"
#include "config-reprints.h"
#include "extract.h"
#include "msg.h"
#include "names.h"
#include "scan.h"
#include "minhash.h"
#include "store.h"

/* ---- what the index knows: path -> entry --------------------------------- */

struct known
{
  char *path;
  int64_t id;                /* 0: a skipped file */
  struct scan_ident ident;
  uint64_t hash;
  bool retry;
  bool seen;                 /* found by this walk */
  bool claimed;              /* a gone article taken over by a moved file */
};

struct known_map
{
  struct known *v;
  size_t n, alloc;
  size_t *slot;              /* open addressing: index + 1, 0 empty */
  size_t n_slots;            /* a power of two */
};

static size_t
known_bucket (const struct known_map *m, const char *path)
{
  return (size_t) scan_hash (SCAN_HASH_INIT, path, strlen (path))
         & (m->n_slots - 1);
}

static void
known_rehash (struct known_map *m)
{
  free (m->slot);
  m->n_slots = 64;
  while (m->n_slots < 2 * (m->n + 1))
    m->n_slots *= 2;
  m->slot = xcalloc (m->n_slots, sizeof *m->slot);
  for (size_t i = 0; i < m->n; i++)
    {
      size_t b = known_bucket (m, m->v[i].path);
      while (m->slot[b])
        b = (b + 1) & (m->n_slots - 1);
      m->slot[b] = i + 1;
    }
}

static struct known *
known_find (const struct known_map *m, const char *path)
{
  if (m->n_slots == 0)
    return NULL;
  for (size_t b = known_bucket (m, path); m->slot[b];
       b = (b + 1) & (m->n_slots - 1))
    if (strcmp (m->v[m->slot[b] - 1].path, path) == 0)
      return &m->v[m->slot[b] - 1];
  return NULL;
}

static void
known_add (const struct store_known *k, void *arg)
{
  struct known_map *m = arg;
  m->v = xgrow (m->v, &m->alloc, m->n + 1, sizeof *m->v);
  m->v[m->n++] = (struct known) {
    .path = xstrdup (k->path), .id = k->id, .ident = k->ident,
    .hash = k->hash, .retry = k->retry,
  };
}

static void
known_free (struct known_map *m)
{
  for (size_t i = 0; i < m->n; i++)
    free (m->v[i].path);
  free (m->v);
  free (m->slot);
}

/* ---- jobs and results ------------------------------------------------------ */

struct job
{
  char *path;                /* relative */
  struct scan_ident ident;   /* from the walk */
  const struct known *known; /* NULL: a new path; read-only in workers */
};

enum result_kind
{
  RESULT_ARTICLE,            /* extracted */
  RESULT_TOUCH,              /* same bytes as the article already stored */
  RESULT_SKIP                /* not an article: 'cause' says why */
};

struct result
{
  bool ready;
  enum result_kind kind;
  struct article a;
  struct minhash_sig sig;    /* of the clean body (RESULT_ARTICLE) */
  uint64_t hash;
  struct scan_ident ident;   /* of the bytes that were read */
  char *cause;
  bool unreadable;
  bool gone;                 /* deleted between the walk and the read */
};

#define INDEXER_WINDOW 64

struct indexer
{
  const struct collection *c;
  const struct indexer_options *o;
  struct indexer_stats *st;
  struct store *store;
  struct known_map known;
  struct strv failed_dirs;   /* "dir/" prefixes that could not be read */
  struct strv failed_why;    /* and why, in the same order */

  struct job *jobs;
  size_t n_jobs, alloc_jobs;

  const struct outlets *rules;
  int64_t now;
  struct reprint_params rp;

  pthread_mutex_t lock;
  pthread_cond_t ready;      /* a result was stored */
  pthread_cond_t space;      /* the writer took a result */
  size_t next_job;           /* next to hand to a worker */
  size_t next_write;         /* next the writer takes */
  bool stop;
  struct result window[INDEXER_WINDOW];

  /* progress */
  bool bar_shown;
  double t_start, t_drawn;
};

static volatile sig_atomic_t indexer_signal;

static void
indexer_on_signal (int sig)
{
  indexer_signal = sig;
}

static double
indexer_clock (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* ---- the walk -------------------------------------------------------------- */

static int
indexer_on_file (const char *rel, const struct scan_ident *id, void *arg)
{
  struct indexer *ix = arg;
  struct known *k = known_find (&ix->known, rel);
  if (k)
    {
      k->seen = true;
      if (k->ident.size == id->size && k->ident.mtime_ns == id->mtime_ns
          && k->ident.inode == id->inode && !(k->id == 0 && k->retry))
        {
          if (k->id)
            ix->st->unchanged++;
          else
            ix->st->skipped++;
          return 0;
        }
    }
  ix->jobs = xgrow (ix->jobs, &ix->alloc_jobs, ix->n_jobs + 1,
                    sizeof *ix->jobs);
  ix->jobs[ix->n_jobs++] = (struct job) { xstrdup (rel), *id, k };
  return indexer_signal ? 1 : 0;
}

static void
indexer_on_dir_error (const char *rel, int err, void *arg)
{
  struct indexer *ix = arg;
  char *shown = name_display (*rel ? rel : ".");
  msg_error (_("cannot read directory '%s': %s"), shown, strerror (err));
  free (shown);
  strv_addf (&ix->failed_dirs, "%s/", rel);
  strv_addf (&ix->failed_why, _("cannot read directory: %s"), strerror (err));
  ix->st->failed++;
}

/* ---- workers ----------------------------------------------------------------- */

static void
indexer_process (struct indexer *ix, const struct job *j, struct result *r)
{
  char *full = xasprintf ("%s/%s", ix->c->root, j->path);
  size_t n = 0;
  char *bytes = scan_read (full, &n, &r->ident, &r->unreadable, &r->cause);
  r->kind = RESULT_SKIP;
  if (bytes == NULL)
    {
      struct stat sb;
      r->ident = j->ident;
      r->gone = r->unreadable && lstat (full, &sb) != 0
                 && (errno == ENOENT || errno == ENOTDIR);
      free (full);
      return;
    }
  free (full);
  r->unreadable = false;
  r->hash = scan_hash (SCAN_HASH_INIT, bytes, n);
  if (n == 0)
    r->cause = xstrdup (_("empty file, skipped"));
  else if (j->known && j->known->id && j->known->hash == r->hash)
    r->kind = RESULT_TOUCH;
  else if (article_from_bytes (bytes, n, ix->rules, ix->now, &r->a,
                               &r->cause) == 0)
    {
      r->kind = RESULT_ARTICLE;
      if (ix->rp.enabled)
        minhash_sign (r->a.body ? r->a.body : "", r->a.body_len, &ix->rp,
                      &r->sig);
    }
  if (r->kind == RESULT_ARTICLE && r->a.words == 0 && r->a.headline[0] == '\0')
    {
      /* Only white space, controls or escape sequences: nothing to read. */
      r->kind = RESULT_SKIP;
      article_free (&r->a);
      minhash_free (&r->sig);
      r->cause = xstrdup (_("no text, skipped"));
    }
  free (bytes);
}

static void *
indexer_worker (void *arg)
{
  struct indexer *ix = arg;
  pthread_mutex_lock (&ix->lock);
  for (;;)
    {
      if (ix->stop || ix->next_job >= ix->n_jobs)
        break;
      size_t seq = ix->next_job++;
      while (!ix->stop && seq >= ix->next_write + INDEXER_WINDOW)
        pthread_cond_wait (&ix->space, &ix->lock);
      if (ix->stop)
        break;
      pthread_mutex_unlock (&ix->lock);

      struct result r = { 0 };
      indexer_process (ix, &ix->jobs[seq], &r);
      r.ready = true;

      pthread_mutex_lock (&ix->lock);
      ix->window[seq % INDEXER_WINDOW] = r;
      pthread_cond_signal (&ix->ready);
    }
  pthread_mutex_unlock (&ix->lock);
  return NULL;
}

/* ---- progress ---------------------------------------------------------------- */

static int
indexer_term_width (void)
{
  struct winsize ws;
  if (ioctl (STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  const char *c = getenv ("COLUMNS");
  int n = c ? atoi (c) : 0;
  return n > 0 ? n : 80;
}

static void
indexer_progress_clear (struct indexer *ix)
{
  if (ix->bar_shown)
    {
      fputs ("\r\033[K", stderr);
      fflush (stderr);
      ix->bar_shown = false;
    }
}

/* One line, redrawn in place with \r, always narrower than the terminal so
   it never wraps and never scrolls. */
static void
indexer_progress (struct indexer *ix, size_t done, bool force)
{
  if (!ix->o->progress || ix->n_jobs == 0)
    return;
  double t = indexer_clock ();
  if (!force && t - ix->t_drawn < 0.1)
    return;
  ix->t_drawn = t;
  double el = t - ix->t_start;
  double rate = el > 0.2 ? (double) done / el : 0;
  struct buf tail = BUF_INIT;
  buf_printf (&tail, " %zu/%zu", done, ix->n_jobs);
  if (rate > 0)
    {
      long eta = (long) ((double) (ix->n_jobs - done) / rate + 0.5);
      /* TRANSLATORS: progress bar: files per second and the estimated time
         left (minutes:seconds); keep it short and ASCII if possible. */
      buf_printf (&tail, _(" %.0f files/s ETA %ld:%02ld"), rate, eta / 60,
                  eta % 60);
    }
  int width = indexer_term_width () - 1;
  int bar = width - (int) tail.len - 2;
  struct buf line = BUF_INIT;
  buf_adds (&line, "\r");
  if (bar >= 10)
    {
      bar = MIN (bar, 50);
      int fill = (int) ((double) bar * (double) done / (double) ix->n_jobs);
      buf_addc (&line, '[');
      for (int i = 0; i < bar; i++)
        buf_addc (&line, i < fill ? '#' : '.');
      buf_addc (&line, ']');
    }
  if ((int) tail.len <= width)
    buf_add (&line, tail.data, tail.len);
  buf_adds (&line, "\033[K");
  fputs (line.data, stderr);
  fflush (stderr);
  ix->bar_shown = true;
  buf_free (&tail);
  buf_free (&line);
}

/* ---- the writer ------------------------------------------------------------- */

static int
indexer_gone_cmp (const void *a, const void *b)
{
  const struct known *x = *(const struct known *const *) a;
  const struct known *y = *(const struct known *const *) b;
  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return strcmp (x->path, y->path);
}

static bool
indexer_under_failed_dir (const struct indexer *ix, const char *path)
{
  for (size_t i = 0; i < ix->failed_dirs.n; i++)
    {
      const char *d = ix->failed_dirs.v[i];
      if (strcmp (d, "/") == 0 || strncmp (path, d, strlen (d)) == 0)
        return true;
    }
  return false;
}

/* Articles whose file was not found, sorted by hash, for moves. */
struct gone
{
  struct known **v;
  size_t n;
};

static void
indexer_collect_gone (struct indexer *ix, struct gone *g)
{
  g->v = xmalloc ((ix->known.n + 1) * sizeof *g->v);
  g->n = 0;
  for (size_t i = 0; i < ix->known.n; i++)
    {
      struct known *k = &ix->known.v[i];
      if (!k->seen && k->id && !indexer_under_failed_dir (ix, k->path))
        g->v[g->n++] = k;
    }
  qsort (g->v, g->n, sizeof *g->v, indexer_gone_cmp);
}

static struct known *
indexer_claim_gone (struct gone *g, uint64_t hash)
{
  size_t lo = 0, hi = g->n;
  while (lo < hi)
    {
      size_t mid = (lo + hi) / 2;
      if (g->v[mid]->hash < hash)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (; lo < g->n && g->v[lo]->hash == hash; lo++)
    if (!g->v[lo]->claimed)
      {
        g->v[lo]->claimed = true;
        return g->v[lo];
      }
  return NULL;
}

/* Writes one result; 0 or -1 with *cause. */
static int
indexer_apply (struct indexer *ix, struct gone *g, const struct job *j,
               struct result *r, char **cause)
{
  struct store *s = ix->store;
  struct indexer_stats *st = ix->st;
  const struct known *k = j->known;
  switch (r->kind)
    {
    case RESULT_TOUCH:
      st->unchanged++;
      return store_touch_article (s, k->id, &r->ident, cause);
    case RESULT_SKIP:
      if (r->gone)
        {
          /* As if the walk had not found it. */
          if (k && k->id)
            st->removed++;
          return k && k->id ? store_delete_article (s, k->id, cause)
                 : k ? store_delete_skipped (s, j->path, cause) : 0;
        }
      st->skipped++;
      if (r->unreadable || !(k && k->id == 0))
        {
          /* File names are bytes: shown safely. */
          char *shown = name_display (j->path);
          if (r->unreadable)
            {
              indexer_progress_clear (ix);
              msg_error ("%s: %s", shown, r->cause);
              st->failed++;
            }
          else
            strv_addf (&st->skipped_now, "%s: %s", shown, r->cause);
          free (shown);
        }
      if (k && k->id && store_delete_article (s, k->id, cause) != 0)
        return -1;
      if (k && k->id)
        st->removed++;
      return store_put_skipped (s, j->path, &r->ident, r->unreadable,
                                r->cause, cause);
    case RESULT_ARTICLE:
      {
        int64_t id;
        const struct known *from;
        if (k && k->id)
          {
            st->updated++;
            id = k->id;
            if (store_update_article (s, id, j->path, &r->ident, r->hash,
                                      &r->a, cause) != 0)
              return -1;
          }
        else if (k && store_delete_skipped (s, j->path, cause) != 0)
          return -1;
        else if ((from = indexer_claim_gone (g, r->hash)) != NULL)
          {
            st->moved++;
            id = from->id;
            if (store_update_article (s, id, j->path, &r->ident, r->hash,
                                      &r->a, cause) != 0)
              return -1;
          }
        else
          {
            st->added++;
            id = store_insert_article (s, j->path, &r->ident, r->hash, &r->a,
                                       cause);
            if (id <= 0)
              return -1;
          }
        return store_put_signature (s, id, &r->sig, cause);
      }
    }
  return 0;
}

/* Removes what is gone, reattaches carried state, marks the run done. */
static int
indexer_finish (struct indexer *ix, struct gone *g, char **cause)
{
  for (size_t i = 0; i < g->n; i++)
    if (!g->v[i]->claimed)
      {
        if (store_delete_article (ix->store, g->v[i]->id, cause) != 0)
          return -1;
        ix->st->removed++;
      }
  for (size_t i = 0; i < ix->known.n; i++)
    {
      const struct known *k = &ix->known.v[i];
      if (!k->seen && k->id == 0 && !indexer_under_failed_dir (ix, k->path)
          && store_delete_skipped (ix->store, k->path, cause) != 0)
        return -1;
    }
  /* Unreadable directories are listed with the skipped files (below the
     root: an unreadable root is an error); the entry goes once the
     directory can be read. */
  for (size_t i = 0; i < ix->failed_dirs.n; i++)
    {
      static const struct scan_ident none;
      if (strcmp (ix->failed_dirs.v[i], "/") != 0
          && store_put_skipped (ix->store, ix->failed_dirs.v[i], &none, true,
                                ix->failed_why.v[i], cause) != 0)
        return -1;
    }
  if (store_apply_pending_state (ix->store, cause) != 0)
    return -1;
  char *now = xasprintf ("%lld", (long long) time (NULL));
  int r = store_meta_set (ix->store, "indexed_at", now, cause);
  free (now);
  if (r == 0)
    r = store_meta_set (ix->store, "collection", ix->c->root, cause);
  return r;
}

/* The writer loop, in the calling thread.  Returns 0, or -1 with *cause. */
static int
indexer_write (struct indexer *ix, char **cause)
{
  struct gone g;
  indexer_collect_gone (ix, &g);
  int r = store_begin (ix->store, cause);
  size_t in_batch = 0;
  double t_batch = indexer_clock ();
  ix->t_start = t_batch;
  indexer_progress (ix, 0, true);

  for (size_t seq = 0; r == 0 && seq < ix->n_jobs; seq++)
    {
      struct result *slot = &ix->window[seq % INDEXER_WINDOW];
      pthread_mutex_lock (&ix->lock);
      while (!slot->ready && !indexer_signal)
        {
          struct timespec until;
          clock_gettime (CLOCK_REALTIME, &until);
          until.tv_nsec += 100 * 1000000;
          if (until.tv_nsec >= 1000000000)
            {
              until.tv_sec++;
              until.tv_nsec -= 1000000000;
            }
          pthread_cond_timedwait (&ix->ready, &ix->lock, &until);
        }
      if (!slot->ready)
        {
          pthread_mutex_unlock (&ix->lock);
          break;                /* interrupted */
        }
      struct result res = *slot;
      memset (slot, 0, sizeof *slot);
      ix->next_write = seq + 1;
      pthread_cond_broadcast (&ix->space);
      pthread_mutex_unlock (&ix->lock);

      r = indexer_apply (ix, &g, &ix->jobs[seq], &res, cause);
      article_free (&res.a);
      minhash_free (&res.sig);
      free (res.cause);
      if (r != 0)
        break;
      in_batch++;
      double t = indexer_clock ();
      if (in_batch >= INDEXER_BATCH_FILES
          || t - t_batch >= INDEXER_BATCH_MS / 1000.0)
        {
          r = store_commit (ix->store, cause);
          if (r == 0)
            r = store_begin (ix->store, cause);
          in_batch = 0;
          t_batch = t;
        }
      indexer_progress (ix, seq + 1, seq + 1 == ix->n_jobs);
      if (indexer_signal)
        break;
    }
  if (r == 0 && !indexer_signal)
    r = indexer_finish (ix, &g, cause);
  if (r == 0)
    r = store_commit (ix->store, cause);
  else
    store_rollback (ix->store);
  free (g.v);
  return r;
}

/* ---- the run ------------------------------------------------------------------ */

/* Takes the writer lock INDEX.lock; returns its fd, or -1 with *cause. */
static int
indexer_lock (const struct collection *c, bool quiet, char **cause)
{
  char *path = xasprintf ("%s.lock", c->index_path);
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      *cause = xasprintf (_("cannot create '%s': %s"), path, strerror (errno));
      free (path);
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (!quiet)
        msg_warn (_("waiting for another 'byline index' to finish with '%s'"),
                  c->index_path);
      while (flock (fd, LOCK_EX) != 0)
        if (errno != EINTR || indexer_signal)
          {
            *cause = indexer_signal
              ? xstrdup (_("interrupted"))
              : xasprintf (_("cannot lock '%s': %s"), path, strerror (errno));
            close (fd);
            free (path);
            return -1;
          }
    }
  free (path);
  return fd;
}

static unsigned
indexer_threads (void)
{
  long n = sysconf (_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > 8 ? 8 : (unsigned) n;
}

static void
indexer_free (struct indexer *ix)
{
  known_free (&ix->known);
  strv_free (&ix->failed_dirs);
  strv_free (&ix->failed_why);
  for (size_t i = 0; i < ix->n_jobs; i++)
    free (ix->jobs[i].path);
  free (ix->jobs);
  for (size_t i = 0; i < INDEXER_WINDOW; i++)
    {
      article_free (&ix->window[i].a);
      minhash_free (&ix->window[i].sig);
      free (ix->window[i].cause);
    }
}

/* The part of indexer_run with the lock held and signals caught. */
static int
indexer_locked (struct indexer *ix, char **cause)
{
  const struct indexer_options *o = ix->o;
  int flags = STORE_WRITE | (o->rebuild ? STORE_REBUILD : 0);
  if (store_open (ix->c->index_path, flags, &ix->store, cause) != STORE_OK)
    return 2;
  if (o->if_incomplete && !o->rebuild)
    {
      char *done = store_meta_get (ix->store, "indexed_at");
      free (done);
      if (done && !store_reprints_stale (ix->store))
        {
          ix->st->did_nothing = true;
          return 0;
        }
    }
  if (store_begin (ix->store, cause) != 0)
    return 2;
  if (store_reprints_params (ix->store, &ix->rp, cause) != 0
      || store_commit (ix->store, cause) != 0)
    {
      store_rollback (ix->store);
      return 2;
    }
  if (store_each_known (ix->store, known_add, &ix->known, cause) != 0)
    return 2;
  known_rehash (&ix->known);

  if (scan_walk (ix->c->root, indexer_on_file, indexer_on_dir_error, ix) < 0)
    {
      *cause = xasprintf (_("cannot open collection '%s': %s"), ix->c->root,
                          strerror (errno));
      return 2;
    }
  if (indexer_signal)
    return 0;

  struct strv warnings = STRV_INIT;
  struct outlets *rules = ix->n_jobs ? outlets_default (&warnings) : NULL;
  if (!o->quiet)
    for (size_t i = 0; i < warnings.n; i++)
      msg_warn ("%s", warnings.v[i]);
  strv_free (&warnings);
  ix->rules = rules;
  ix->now = (int64_t) time (NULL);

  unsigned n_threads = indexer_threads ();
  if (n_threads > ix->n_jobs)
    n_threads = ix->n_jobs ? (unsigned) ix->n_jobs : 0;
  pthread_t *threads = xcalloc (n_threads + 1, sizeof *threads);
  unsigned started = 0;
  for (; started < n_threads; started++)
    if (pthread_create (&threads[started], NULL, indexer_worker, ix) != 0)
      break;
  int r = 0;
  if (started || ix->n_jobs == 0)
    r = indexer_write (ix, cause);
  else
    {
      *cause = xstrdup (_("cannot start worker threads"));
      r = -1;
    }
  if (r == 0 && !indexer_signal)
    {
      /* The new and changed signatures against their candidates, then the
         clusters: after the batches, so each pair is verified once. */
      struct store_reprints_stats rs;
      r = store_reprints_update (ix->store, &indexer_signal, &rs, cause) < 0
          ? -1 : 0;
      ix->st->clusters = rs.clusters;
    }

  pthread_mutex_lock (&ix->lock);
  ix->stop = true;
  pthread_cond_broadcast (&ix->space);
  pthread_mutex_unlock (&ix->lock);
  for (unsigned i = 0; i < started; i++)
    pthread_join (threads[i], NULL);
  free (threads);
  indexer_progress_clear (ix);
  if (rules)
    outlets_free (rules);
  return r == 0 ? 0 : 2;
}

static int
indexer_count (struct store *s, size_t *n)
{
  sqlite3_stmt *st;
  *n = 0;
  if (sqlite3_prepare_v2 (store_db (s), "SELECT count(*) FROM articles", -1,
                          &st, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step (st) == SQLITE_ROW)
    *n = (size_t) sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  return 0;
}

int
indexer_run (const struct collection *c, const struct indexer_options *o,
             struct indexer_stats *st, char **cause)
{
  memset (st, 0, sizeof *st);
  if (collection_make_index_dir (c, cause) != 0)
    return 2;

  /* Ctrl-C, kill and a closed terminal all commit what is done and stop
     cleanly, with 128 + the signal's number as the exit status. */
  struct sigaction sa = { .sa_handler = indexer_on_signal }, old_int, old_term,
    old_hup;
  sigemptyset (&sa.sa_mask);
  indexer_signal = 0;
  sigaction (SIGINT, &sa, &old_int);
  sigaction (SIGTERM, &sa, &old_term);
  sigaction (SIGHUP, &sa, &old_hup);

  int status = 2;
  int lock = indexer_lock (c, o->quiet, cause);
  if (lock >= 0)
    {
      struct indexer ix = { .c = c, .o = o, .st = st };
      struct strv warnings = STRV_INIT;
      config_reprints_load (&ix.rp, &warnings);
      if (!o->quiet)
        for (size_t i = 0; i < warnings.n; i++)
          msg_warn ("%s", warnings.v[i]);
      strv_free (&warnings);
      pthread_mutex_init (&ix.lock, NULL);
      pthread_cond_init (&ix.ready, NULL);
      pthread_cond_init (&ix.space, NULL);
      status = indexer_locked (&ix, cause);
      if (ix.store)
        indexer_count (ix.store, &st->articles);
      store_close (ix.store);
      indexer_free (&ix);
      pthread_mutex_destroy (&ix.lock);
      pthread_cond_destroy (&ix.ready);
      pthread_cond_destroy (&ix.space);
      close (lock);
    }

  if (indexer_signal)
    {
      st->interrupted = true;
      status = 128 + (int) indexer_signal;
    }
  else if (status == 0 && st->failed)
    status = 1;
  sigaction (SIGINT, &old_int, NULL);
  sigaction (SIGTERM, &old_term, NULL);
  sigaction (SIGHUP, &old_hup, NULL);
  return status;
}

void
indexer_stats_free (struct indexer_stats *st)
{
  strv_free (&st->skipped_now);
}

/* Whether the open index has finished a run and its clusters are
   current. */
static bool
indexer_store_complete (struct store *s)
{
  char *done = store_meta_get (s, "indexed_at");
  bool complete = done && !store_reprints_stale (s);
  free (done);
  return complete;
}

bool
indexer_complete (const char *index_path)
{
  struct store *s;
  char *cause = NULL;
  if (store_open (index_path, 0, &s, &cause) != STORE_OK)
    {
      free (cause);
      return false;
    }
  bool complete = indexer_store_complete (s);
  store_close (s);
  return complete;
}

int
indexer_ensure (const struct collection *c, bool progress, char **cause)
{
  struct store *s;
  int r = store_open (c->index_path, 0, &s, cause);
  if (r == STORE_ERROR)
    return 2;
  if (r == STORE_OK)
    {
      bool complete = indexer_store_complete (s);
      store_close (s);
      if (complete)
        return 0;
    }
  struct indexer_options o = {
    .progress = progress, .quiet = true, .if_incomplete = true,
  };
  struct indexer_stats st;
  int status = indexer_run (c, &o, &st, cause);
  indexer_stats_free (&st);
  if (status >= 130)
    msg_error (_("interrupted; run 'byline index' to finish the index"));
  return status;
}

int
indexer_open (const char *dir, const char *index, struct store **s,
              char **cause)
{
  struct collection col;
  *s = NULL;
  if (collection_resolve (dir, index, &col, cause) != 0)
    return 2;
  int status = indexer_ensure (&col, isatty (STDERR_FILENO), cause);
  if (status == 1)
    status = 0;             /* unreadable files were reported */
  if (status == 0 && store_open (col.index_path, 0, s, cause) != STORE_OK)
    {
      if (*cause == NULL)
        *cause = xasprintf (_("%s: the index is not ready; run "
                              "'byline index'"), col.index_path);
      status = 2;
    }
  collection_free (&col);
  return status;
}
