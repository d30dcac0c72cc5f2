/* store.c: the SQLite index: opening, schema and migrations, rows. */
#include "system.h"
#include "store.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "fts.h"
#include "json.h"
#include "query.h"
#include "store-int.h"

static const char store_schema[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;\n"
  "CREATE TABLE articles (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  path TEXT NOT NULL UNIQUE,\n"
  "  headline TEXT NOT NULL DEFAULT '',\n"
  "  headline_derived INT NOT NULL DEFAULT 0,\n"
  "  dek TEXT,\n"
  "  date TEXT,\n"
  "  date_prec TEXT,\n"
  "  date_key INTEGER NOT NULL DEFAULT 0,\n"
  "  outlet TEXT,\n"
  "  agency TEXT,\n"
  "  authors TEXT,\n"
  "  url TEXT,\n"
  "  words INT NOT NULL DEFAULT 0,\n"
  "  body TEXT NOT NULL DEFAULT '',\n"
  "  front TEXT,\n"
  "  cluster INT,\n"
  "  warnings TEXT,\n"
  "  size INTEGER NOT NULL,\n"
  "  mtime_ns INTEGER NOT NULL,\n"
  "  inode INTEGER NOT NULL,\n"
  "  hash INTEGER NOT NULL,\n"
  "  indexed_at INTEGER NOT NULL\n"
  ");\n"
  "CREATE INDEX articles_hash ON articles (hash);\n"
  "CREATE INDEX articles_date ON articles (date_key);\n"
  "CREATE INDEX articles_cluster ON articles (cluster) WHERE cluster IS NOT NULL;\n"
  "CREATE VIRTUAL TABLE fts USING fts5 (headline, body, content='articles',\n"
  "  content_rowid='id', tokenize='byline');\n"
  "CREATE TABLE skipped (\n"
  "  path TEXT PRIMARY KEY,\n"
  "  size INTEGER NOT NULL,\n"
  "  mtime_ns INTEGER NOT NULL,\n"
  "  inode INTEGER NOT NULL,\n"
  "  retry INT NOT NULL DEFAULT 0,\n"
  "  reason TEXT NOT NULL\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE state (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  read INT NOT NULL DEFAULT 0,\n"
  "  bookmark INT NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE TABLE pending_state (\n"
  "  path TEXT PRIMARY KEY,\n"
  "  read INT NOT NULL DEFAULT 0,\n"
  "  bookmark INT NOT NULL DEFAULT 0\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE sigs (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  sig BLOB NOT NULL,\n"
  "  pending INT NOT NULL DEFAULT 1\n"
  ");\n"
  "CREATE INDEX sigs_pending ON sigs (id) WHERE pending;\n"
  "CREATE TABLE bands (\n"
  "  band INT NOT NULL,\n"
  "  key INTEGER NOT NULL,\n"
  "  id INTEGER NOT NULL,\n"
  "  PRIMARY KEY (band, key, id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE pairs (\n"
  "  a INTEGER NOT NULL,\n"
  "  b INTEGER NOT NULL,\n"
  "  similarity REAL NOT NULL,\n"
  "  reprint INT NOT NULL,\n"
  "  PRIMARY KEY (a, b)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX pairs_b ON pairs (b);\n"
  "CREATE TABLE versions (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  original INTEGER NOT NULL,\n"
  "  rank INT NOT NULL,\n"
  "  similarity REAL NOT NULL,\n"
  "  added INT NOT NULL,\n"
  "  removed INT NOT NULL,\n"
  "  changed INT NOT NULL\n"
  ");\n"
  "CREATE INDEX versions_original ON versions (original);\n";

/* Migrations: store_migrations[v] takes a version v index to v + 1.  An
   index older than the oldest step (NULL entry) is rebuilt instead.
   1 -> 2 (reprints) needs the front matter of every article, which only
   extraction gives: rebuilt. */
static const char *const store_migrations[STORE_SCHEMA_VERSION] = {
  [0] = NULL,
  [1] = NULL,
};

const char *const store_stmt_sql[STMT_COUNT] = {
  [STMT_INSERT] =
    "INSERT INTO articles (headline, headline_derived, dek, date, date_prec,"
    " date_key, outlet, agency, authors, url, words, body, warnings,"
    " path, size, mtime_ns, inode, hash, indexed_at, front)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
    " ?14, ?15, ?16, ?17, ?18, ?19, ?21)",
  [STMT_UPDATE] =
    "UPDATE articles SET headline = ?1, headline_derived = ?2, dek = ?3,"
    " date = ?4, date_prec = ?5, date_key = ?6, outlet = ?7, agency = ?8,"
    " authors = ?9, url = ?10, words = ?11, body = ?12, warnings = ?13,"
    " path = ?14, size = ?15, mtime_ns = ?16, inode = ?17, hash = ?18,"
    " indexed_at = ?19, front = ?21, cluster = NULL WHERE id = ?20",
  [STMT_DELETE] = "DELETE FROM articles WHERE id = ?1",
  [STMT_PUT_SKIPPED] =
    ("INSERT OR REPLACE INTO skipped (path, size, mtime_ns, inode, retry,"
     " reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
  [STMT_DELETE_SKIPPED] = "DELETE FROM skipped WHERE path = ?1",
  [STMT_TOUCH] =
    "UPDATE articles SET size = ?1, mtime_ns = ?2, inode = ?3 WHERE id = ?4",
  [STMT_FTS_INSERT] =
    "INSERT INTO fts (rowid, headline, body) VALUES (?1, ?2, ?3)",
  [STMT_FTS_DELETE] =
    "INSERT INTO fts (fts, rowid, headline, body) VALUES ('delete', ?1, ?2, ?3)",
  [STMT_OLD_TEXT] = "SELECT headline, body FROM articles WHERE id = ?1",
  [STMT_DELETE_STATE] = "DELETE FROM state WHERE id = ?1",
  [STMT_SIG_GET] = "SELECT sig, pending FROM sigs WHERE id = ?1",
  [STMT_SIG_PUT] =
    "INSERT OR REPLACE INTO sigs (id, sig, pending) VALUES (?1, ?2, 1)",
  [STMT_SIG_DELETE] = "DELETE FROM sigs WHERE id = ?1",
  [STMT_BAND_PUT] =
    "INSERT OR IGNORE INTO bands (band, key, id) VALUES (?1, ?2, ?3)",
  [STMT_BAND_DELETE] =
    "DELETE FROM bands WHERE band = ?1 AND key = ?2 AND id = ?3",
  [STMT_PAIRS_DELETE] = "DELETE FROM pairs WHERE a = ?1 OR b = ?1",
  [STMT_VERSIONS_DELETE] = "DELETE FROM versions WHERE id = ?1 OR original = ?1",
  [STMT_DIRTY] =
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('reprints_dirty', '1')",
  [STMT_BODY] = "SELECT body FROM articles WHERE id = ?1",
  [STMT_PAIR_PUT] =
    "INSERT OR REPLACE INTO pairs (a, b, similarity, reprint)"
    " VALUES (?1, ?2, ?3, ?4)",
  [STMT_CANDIDATES] =
    "SELECT id FROM bands WHERE band = ?1 AND key = ?2",
  [STMT_HAS_PAIR] = "SELECT 1 FROM pairs WHERE a = ?1 AND b = ?2",
};

static bool
store_damaged (int rc)
{
  rc &= 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

/* Why a write to the index at 'path' may have failed when the system
   did not say: ENOSPC when its file system has less than 1 MiB left,
   EFBIG when it or its WAL is within 1 MiB of the file size limit; else
   0. */
static int
store_io_errno (const char *path)
{
  const uintmax_t margin = 1024 * 1024;
  char *dir = xstrdup (path), *slash = strrchr (dir, '/');
  if (slash)
    slash[slash == dir] = '\0';    /* keep "/" for a file at the root */
  struct statvfs vfs;
  bool full = statvfs (slash ? dir : ".", &vfs) == 0
              && (uintmax_t) vfs.f_bavail * vfs.f_frsize < margin;
  free (dir);
  if (full)
    return ENOSPC;
  struct rlimit lim;
  if (getrlimit (RLIMIT_FSIZE, &lim) != 0 || lim.rlim_cur == RLIM_INFINITY)
    return 0;
  int e = 0;
  for (int wal = 0; wal < 2 && e == 0; wal++)
    {
      char *f = xasprintf ("%s%s", path, wal ? "-wal" : "");
      struct stat st;
      if (stat (f, &st) == 0 && (uintmax_t) st.st_size + margin >= lim.rlim_cur)
        e = EFBIG;
      free (f);
    }
  return e;
}

static char *
store_error_for (const char *path, sqlite3 *db, int rc)
{
  if (store_damaged (rc))
    /* TRANSLATORS: the placeholder is the index file; keep the command
       untranslated. */
    return xasprintf (_("%s: not a byline index, or damaged; "
                        "'byline index --rebuild' rebuilds it"), path);
  /* For a failed read or write, what the system said (ENOSPC, EFBIG,
     EACCES...) is what the user needs: "disk I/O error" alone is not.
     SQLite's unix VFS reports errno as it is when asked, often 0 by
     then, so a full disk and a file size limit are also looked for. */
  int base = rc & 0xff, e = db ? sqlite3_system_errno (db) : 0;
  if (e == 0 && (base == SQLITE_IOERR || base == SQLITE_FULL))
    e = store_io_errno (path);
  const char *msg = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  if (e != 0 && (base == SQLITE_IOERR || base == SQLITE_FULL
                 || base == SQLITE_CANTOPEN || base == SQLITE_READONLY))
    return xasprintf ("%s: %s (%s)", path, msg, strerror (e));
  return xasprintf ("%s: %s", path, msg);
}

char *
store_error (struct store *s, int rc)
{
  return store_error_for (s->path, s->db, rc);
}

int
store_exec (struct store *s, const char *sql, char **cause)
{
  int rc = sqlite3_exec (s->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  return 0;
}

/* Runs a query returning one integer; -1 with *cause on failure. */
static int
store_int (struct store *s, const char *sql, int64_t *v, int *rc_out,
           char **cause)
{
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2 (s->db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (st);
      if (rc == SQLITE_ROW)
        {
          *v = sqlite3_column_int64 (st, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *v = 0;
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    *cause = store_error (s, rc);
  sqlite3_finalize (st);
  if (rc_out)
    *rc_out = rc;
  return rc == SQLITE_OK ? 0 : -1;
}

int
store_begin (struct store *s, char **cause)
{
  return store_exec (s, "BEGIN IMMEDIATE", cause);
}

int
store_commit (struct store *s, char **cause)
{
  if (store_reprints_flush (s, cause) != 0)
    return -1;
  return store_exec (s, "COMMIT", cause);
}

void
store_rollback (struct store *s)
{
  store_reprints_drop (s);
  if (!sqlite3_get_autocommit (s->db))
    sqlite3_exec (s->db, "ROLLBACK", NULL, NULL, NULL);
}

static int
store_create_schema (struct store *s, char **cause)
{
  if (store_exec (s, store_schema, cause) != 0)
    return -1;
  char *pragmas = xasprintf ("PRAGMA application_id = %d;"
                             " PRAGMA user_version = %d;",
                             STORE_APPLICATION_ID, STORE_SCHEMA_VERSION);
  int r = store_exec (s, pragmas, cause);
  free (pragmas);
  return r;
}

/* Saves the state of the old index into pending_state (best effort: an old
   schema may not have it), then drops every table and creates the current
   schema, all in the caller's transaction, so an interrupted rebuild leaves
   the old index as it was. */
static int
store_rebuild_in_place (struct store *s, char **cause)
{
  struct strv carry = STRV_INIT;     /* path, read, bookmark triples */
  static const char *const carry_sql[] = {
    "SELECT a.path, s.read, s.bookmark FROM state s"
    " JOIN articles a ON a.id = s.id",
    "SELECT path, read, bookmark FROM pending_state",
  };
  for (size_t i = 0; i < ARRAY_SIZE (carry_sql); i++)
    {
      sqlite3_stmt *st;
      if (sqlite3_prepare_v2 (s->db, carry_sql[i], -1, &st, NULL) != SQLITE_OK)
        continue;
      while (sqlite3_step (st) == SQLITE_ROW)
        if (sqlite3_column_text (st, 0))
          {
            strv_add (&carry, (const char *) sqlite3_column_text (st, 0));
            strv_addf (&carry, "%d", sqlite3_column_int (st, 1) != 0);
            strv_addf (&carry, "%d", sqlite3_column_int (st, 2) != 0);
          }
      sqlite3_finalize (st);
    }

  /* Virtual tables first: dropping one drops its shadow tables. */
  static const char *const list_sql[] = {
    "SELECT name FROM sqlite_master WHERE type = 'table'"
    " AND sql LIKE 'CREATE VIRTUAL TABLE%'",
    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
    " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
  };
  int r = 0;
  for (size_t i = 0; i < ARRAY_SIZE (list_sql) && r == 0; i++)
    {
      struct strv names = STRV_INIT;
      sqlite3_stmt *st;
      int rc = sqlite3_prepare_v2 (s->db, list_sql[i], -1, &st, NULL);
      if (rc != SQLITE_OK)
        {
          *cause = store_error (s, rc);
          r = -1;
          break;
        }
      while (sqlite3_step (st) == SQLITE_ROW)
        strv_add (&names, (const char *) sqlite3_column_text (st, 0));
      sqlite3_finalize (st);
      for (size_t j = 0; j < names.n && r == 0; j++)
        {
          char *sql = sqlite3_mprintf ("DROP TABLE IF EXISTS \"%w\"",
                                       names.v[j]);
          /* A view is dropped as a view. */
          int rc2 = sqlite3_exec (s->db, sql, NULL, NULL, NULL);
          sqlite3_free (sql);
          if (rc2 != SQLITE_OK)
            {
              sql = sqlite3_mprintf ("DROP VIEW IF EXISTS \"%w\"", names.v[j]);
              rc2 = sqlite3_exec (s->db, sql, NULL, NULL, NULL);
              sqlite3_free (sql);
            }
          if (rc2 != SQLITE_OK)
            {
              *cause = store_error (s, rc2);
              r = -1;
            }
        }
      strv_free (&names);
    }
  if (r == 0)
    r = store_create_schema (s, cause);

  if (r == 0 && carry.n)
    {
      sqlite3_stmt *st;
      int rc = sqlite3_prepare_v2 (s->db,
                                   "INSERT OR REPLACE INTO pending_state"
                                   " (path, read, bookmark) VALUES (?, ?, ?)",
                                   -1, &st, NULL);
      for (size_t i = 0; rc == SQLITE_OK && i + 2 < carry.n; i += 3)
        {
          sqlite3_bind_text (st, 1, carry.v[i], -1, SQLITE_STATIC);
          sqlite3_bind_int (st, 2, atoi (carry.v[i + 1]));
          sqlite3_bind_int (st, 3, atoi (carry.v[i + 2]));
          rc = sqlite3_step (st);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
          sqlite3_reset (st);
        }
      sqlite3_finalize (st);
      if (rc != SQLITE_OK)
        {
          *cause = store_error (s, rc);
          r = -1;
        }
    }
  strv_free (&carry);
  return r;
}

/* Brings an index of version 'version' up to date, in one transaction. */
static int
store_upgrade (struct store *s, int64_t version, bool fresh, bool rebuild,
               char **cause)
{
  if (store_begin (s, cause) != 0)
    return -1;
  int r = 0;
  if (fresh)
    r = store_create_schema (s, cause);
  else if (rebuild || version < 0 || version > STORE_SCHEMA_VERSION
           || store_migrations[version] == NULL)
    r = store_rebuild_in_place (s, cause);
  else
    {
      for (int64_t v = version; v < STORE_SCHEMA_VERSION && r == 0; v++)
        if (store_migrations[v] == NULL)
          r = store_rebuild_in_place (s, cause), v = STORE_SCHEMA_VERSION;
        else
          r = store_exec (s, store_migrations[v], cause);
      if (r == 0)
        {
          char *sql = xasprintf ("PRAGMA user_version = %d",
                                 STORE_SCHEMA_VERSION);
          r = store_exec (s, sql, cause);
          free (sql);
        }
    }
  if (r == 0)
    r = store_commit (s, cause);
  if (r != 0)
    store_rollback (s);
  return r;
}

/* Connects to 'path', or, with 'uri' set, to that URI (read-only). */
static int
store_connect_to (const char *path, const char *uri, bool create,
                  struct store **out, char **cause)
{
  sqlite3 *db = NULL;
  int flags = uri ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
    : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2 (uri ? uri : path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      *cause = store_error_for (path, db, rc);
      sqlite3_close (db);
      return -1;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 10000);
  rc = fts_register (db);
  if (rc != SQLITE_OK)
    {
      *cause = store_error_for (path, db, rc);
      sqlite3_close (db);
      return -1;
    }
  struct store *s = xcalloc (1, sizeof *s);
  s->db = db;
  s->path = xstrdup (path);
  reprint_params_init (&s->rp);
  *out = s;
  return 0;
}

static int
store_connect (const char *path, bool create, struct store **out,
               char **cause)
{
  return store_connect_to (path, NULL, create, out, cause);
}

/* "file:PATH?QUERY" with PATH's bytes percent-encoded where a URI needs it
   (a '?', '#' or '%' in a file name must not end or escape the path). */
static char *
store_uri (const char *path, const char *query)
{
  struct buf b = BUF_INIT;
  buf_adds (&b, "file:");
  for (const unsigned char *p = (const unsigned char *) path; *p; p++)
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
        || (*p >= '0' && *p <= '9') || strchr ("/-._~", *p))
      buf_addc (&b, (char) *p);
    else
      buf_printf (&b, "%%%02X", *p);
  buf_addc (&b, '?');
  buf_adds (&b, query);
  return buf_steal (&b);
}

/* The application id, schema version and table count of the index. */
static int
store_probe (struct store *s, int64_t *app, int64_t *version,
             int64_t *tables, int *rc, char **why)
{
  return store_int (s, "PRAGMA application_id", app, rc, why) != 0
    || store_int (s, "PRAGMA user_version", version, rc, why) != 0
    || store_int (s, "SELECT count(*) FROM sqlite_master", tables, rc,
                  why) != 0 ? -1 : 0;
}

/* Reading an index whose directory (or file) byline may not write: SQLite
   needs to create the WAL index ("-shm") beside it even to read, so
   reading fails with SQLITE_READONLY or SQLITE_CANTOPEN.  Then it is opened
   read-only, and if even that cannot work (no -shm to share), as an
   immutable file, which is exact when no WAL is left over: an index that
   byline closed has none.  Returns 0 with *out connected and probed. */
static int
store_connect_readonly (const char *path, struct store **out,
                        int64_t *app, int64_t *version, int64_t *tables)
{
  char *wal = xasprintf ("%s-wal", path);
  struct stat st;
  bool wal_left = stat (wal, &st) == 0 && st.st_size > 0;
  free (wal);
  const char *queries[] = { "mode=ro", wal_left ? NULL : "immutable=1" };
  for (size_t i = 0; i < ARRAY_SIZE (queries) && queries[i]; i++)
    {
      char *uri = store_uri (path, queries[i]), *why = NULL;
      int rc = SQLITE_OK;
      struct store *s;
      int r = store_connect_to (path, uri, false, &s, &why);
      free (uri);
      if (r == 0 && store_probe (s, app, version, tables, &rc, &why) == 0)
        {
          *out = s;
          return 0;
        }
      if (r == 0)
        store_close (s);
      free (why);
    }
  return -1;
}

/* Removes an index file that cannot be opened as one, with its WAL. */
static int
store_unlink (const char *path, char **cause)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  for (size_t i = 0; i < ARRAY_SIZE (suffixes); i++)
    {
      char *p = xasprintf ("%s%s", path, suffixes[i]);
      int r = unlink (p);
      int e = errno;
      free (p);
      if (r != 0 && e != ENOENT)
        {
          *cause = xasprintf (_("cannot remove '%s': %s"), path, strerror (e));
          return -1;
        }
    }
  return 0;
}

int
store_open (const char *path, int flags, struct store **out, char **cause)
{
  bool write = flags & STORE_WRITE;
  bool rebuild = write && (flags & STORE_REBUILD);
  *out = NULL;
  struct stat st;
  if (!write && stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return STORE_MISSING;
      *cause = xasprintf ("%s: %s", path, strerror (errno));
      return STORE_ERROR;
    }

  struct store *s;
  if (store_connect (path, write, &s, cause) != 0)
    return STORE_ERROR;

  int64_t app = 0, version = 0, tables = 0;
  int rc = SQLITE_OK;
  char *why = NULL;
  if (store_probe (s, &app, &version, &tables, &rc, &why) != 0)
    {
      int base = rc & 0xff;
      if (!write && (base == SQLITE_READONLY || base == SQLITE_CANTOPEN))
        {
          store_close (s);
          if (store_connect_readonly (path, &s, &app, &version, &tables) != 0)
            {
              *cause = why;
              return STORE_ERROR;
            }
          free (why);
        }
      else if (rebuild && store_damaged (rc))
        {
          /* Beyond repair in place: start a new file. */
          free (why);
          store_close (s);
          if (store_unlink (path, cause) != 0
              || store_connect (path, true, &s, cause) != 0)
            return STORE_ERROR;
          app = version = tables = 0;
        }
      else
        {
          *cause = why;
          store_close (s);
          return STORE_ERROR;
        }
    }

  bool fresh = app == 0 && tables == 0;
  if (!fresh && app != STORE_APPLICATION_ID)
    {
      if (!rebuild)
        {
          *cause = store_error_for (path, NULL, SQLITE_NOTADB);
          store_close (s);
          return STORE_ERROR;
        }
      store_close (s);
      if (store_unlink (path, cause) != 0
          || store_connect (path, true, &s, cause) != 0)
        return STORE_ERROR;
      fresh = true;
    }
  if (!fresh && version > STORE_SCHEMA_VERSION && !rebuild)
    {
      *cause = xasprintf (_("%s: written by a newer version of byline; "
                            "'byline index --rebuild' rebuilds it"), path);
      store_close (s);
      return STORE_ERROR;
    }

  bool upgrade = fresh || rebuild || version != STORE_SCHEMA_VERSION;
  if (!write)
    {
      if (upgrade)
        {
          store_close (s);
          return fresh ? STORE_MISSING : STORE_OUTDATED;
        }
      *out = s;
      return STORE_OK;
    }

  /* WAL must be chosen outside a transaction; it sticks to the file. */
  if (store_exec (s, "PRAGMA journal_mode = WAL;"
                  " PRAGMA synchronous = NORMAL;"
                  " PRAGMA journal_size_limit = 67108864;"
                  " PRAGMA cache_size = -32768;", cause) != 0)
    {
      store_close (s);
      return STORE_ERROR;
    }
  if (upgrade && store_upgrade (s, version, fresh, rebuild, cause) != 0)
    {
      store_close (s);
      return STORE_ERROR;
    }
  *out = s;
  return STORE_OK;
}

void
store_close (struct store *s)
{
  if (s == NULL)
    return;
  for (size_t i = 0; i < STMT_COUNT; i++)
    sqlite3_finalize (s->stmt[i]);
  store_reprints_drop (s);
  sqlite3_finalize (s->bands_put);
  free (s->sq_ids);
  free (s->sq_sigs);
  sqlite3_close (s->db);
  free (s->path);
  free (s);
}

sqlite3 *
store_db (struct store *s)
{
  return s->db;
}

const char *
store_path (const struct store *s)
{
  return s->path;
}

sqlite3_stmt *
store_stmt (struct store *s, enum store_stmt which, char **cause)
{
  if (s->stmt[which] == NULL)
    {
      int rc = sqlite3_prepare_v3 (s->db, store_stmt_sql[which], -1,
                                   SQLITE_PREPARE_PERSISTENT, &s->stmt[which],
                                   NULL);
      if (rc != SQLITE_OK)
        {
          *cause = store_error (s, rc);
          return NULL;
        }
    }
  sqlite3_reset (s->stmt[which]);
  sqlite3_clear_bindings (s->stmt[which]);
  return s->stmt[which];
}

int
store_step (struct store *s, sqlite3_stmt *st, char **cause)
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

char *
store_meta_get (struct store *s, const char *key)
{
  sqlite3_stmt *st;
  char *v = NULL;
  if (sqlite3_prepare_v2 (s->db, "SELECT value FROM meta WHERE key = ?", -1,
                          &st, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (st) == SQLITE_ROW && sqlite3_column_text (st, 0))
    v = xstrdup ((const char *) sqlite3_column_text (st, 0));
  sqlite3_finalize (st);
  return v;
}

int
store_meta_set (struct store *s, const char *key, const char *value,
                char **cause)
{
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2 (s->db, "INSERT OR REPLACE INTO meta (key, value)"
                               " VALUES (?, ?)", -1, &st, NULL);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, value, -1, SQLITE_STATIC);
  int r = store_step (s, st, cause);
  sqlite3_finalize (st);
  return r;
}

int
store_each_known (struct store *s, store_known_fn fn, void *arg, char **cause)
{
  static const char *const sql[] = {
    "SELECT path, id, size, mtime_ns, inode, hash, 0 FROM articles",
    "SELECT path, 0, size, mtime_ns, inode, 0, retry FROM skipped",
  };
  for (size_t i = 0; i < ARRAY_SIZE (sql); i++)
    {
      sqlite3_stmt *st;
      int rc = sqlite3_prepare_v2 (s->db, sql[i], -1, &st, NULL);
      if (rc != SQLITE_OK)
        {
          *cause = store_error (s, rc);
          return -1;
        }
      while ((rc = sqlite3_step (st)) == SQLITE_ROW)
        {
          struct store_known k = {
            .path = (const char *) sqlite3_column_text (st, 0),
            .id = sqlite3_column_int64 (st, 1),
            .ident = { sqlite3_column_int64 (st, 2),
                       sqlite3_column_int64 (st, 3),
                       sqlite3_column_int64 (st, 4) },
            .hash = (uint64_t) sqlite3_column_int64 (st, 5),
            .retry = sqlite3_column_int (st, 6) != 0,
          };
          if (k.path)
            fn (&k, arg);
        }
      sqlite3_finalize (st);
      if (rc != SQLITE_DONE)
        {
          *cause = store_error (s, rc);
          return -1;
        }
    }
  return 0;
}

/* Binds text, or NULL for a NULL or (when 'empty_null') empty string. */
static void
store_bind_text (sqlite3_stmt *st, int i, const char *s, bool empty_null)
{
  if (s == NULL || (empty_null && *s == '\0'))
    sqlite3_bind_null (st, i);
  else
    sqlite3_bind_text (st, i, s, -1, SQLITE_TRANSIENT);
}

static void
store_bind_joined (sqlite3_stmt *st, int i, const struct strv *sv)
{
  if (sv->n == 0)
    {
      sqlite3_bind_null (st, i);
      return;
    }
  struct buf b = BUF_INIT;
  for (size_t k = 0; k < sv->n; k++)
    {
      if (k)
        buf_addc (&b, '\n');
      buf_adds (&b, sv->v[k]);
    }
  sqlite3_bind_text (st, i, b.data, (int) b.len, free);
  b.data = NULL;
}

/* Binds ?1..?19 of STMT_INSERT / STMT_UPDATE. */
static void
store_bind_article (sqlite3_stmt *st, const char *path,
                    const struct scan_ident *ident, uint64_t hash,
                    const struct article *a)
{
  char iso[DATE_ISO_MAX];
  store_bind_text (st, 1, a->headline ? a->headline : "", false);
  sqlite3_bind_int (st, 2, a->headline_derived);
  store_bind_text (st, 3, a->dek, true);
  if (a->date.precision != DATE_PREC_NONE)
    {
      store_bind_text (st, 4, date_iso (&a->date, iso), true);
      store_bind_text (st, 5, date_precision_name (a->date.precision), true);
    }
  sqlite3_bind_int64 (st, 6, date_sort_key (&a->date));
  store_bind_text (st, 7, a->outlet, true);
  store_bind_text (st, 8, a->agency, true);
  store_bind_joined (st, 9, &a->authors);
  store_bind_text (st, 10, a->url, true);
  sqlite3_bind_int64 (st, 11, (sqlite3_int64) a->words);
  if (a->body)
    sqlite3_bind_text (st, 12, a->body, (int) a->body_len, SQLITE_STATIC);
  else
    sqlite3_bind_text (st, 12, "", 0, SQLITE_STATIC);
  store_bind_joined (st, 13, &a->warnings);
  sqlite3_bind_text (st, 14, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (st, 15, ident->size);
  sqlite3_bind_int64 (st, 16, ident->mtime_ns);
  sqlite3_bind_int64 (st, 17, ident->inode);
  sqlite3_bind_int64 (st, 18, (sqlite3_int64) hash);
  sqlite3_bind_int64 (st, 19, (sqlite3_int64) time (NULL));
  size_t flen;
  char *front = article_front (a, &flen);
  if (front)
    sqlite3_bind_text (st, 21, front, (int) flen, free);
}

/* Adds the FTS row of article 'id'. */
static int
store_fts_add (struct store *s, int64_t id, const struct article *a,
               char **cause)
{
  sqlite3_stmt *st = store_stmt (s, STMT_FTS_INSERT, cause);
  if (st == NULL)
    return -1;
  sqlite3_bind_int64 (st, 1, id);
  sqlite3_bind_text (st, 2, a->headline ? a->headline : "", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (st, 3, a->body ? a->body : "",
                     a->body ? (int) a->body_len : 0, SQLITE_STATIC);
  return store_step (s, st, cause);
}

/* Removes the FTS row of article 'id': an external-content table must be
   told the exact old values, so they are read back first. */
static int
store_fts_remove (struct store *s, int64_t id, char **cause)
{
  sqlite3_stmt *old = store_stmt (s, STMT_OLD_TEXT, cause);
  if (old == NULL)
    return -1;
  sqlite3_bind_int64 (old, 1, id);
  int rc = sqlite3_step (old);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (old);
      return 0;
    }
  if (rc != SQLITE_ROW)
    {
      *cause = store_error (s, rc);
      sqlite3_reset (old);
      return -1;
    }
  sqlite3_stmt *st = store_stmt (s, STMT_FTS_DELETE, cause);
  int r = -1;
  if (st)
    {
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_value (st, 2, sqlite3_column_value (old, 0));
      sqlite3_bind_value (st, 3, sqlite3_column_value (old, 1));
      r = store_step (s, st, cause);
      sqlite3_clear_bindings (st);
    }
  sqlite3_reset (old);
  return r;
}

/* The FTS rows are written here rather than by triggers: a trigger makes
   every statement a savepoint, and FTS5 flushes its pending terms at each
   savepoint, which costs three times as much as one flush per batch.  So
   nothing but these functions may change articles.headline or .body. */
int64_t
store_insert_article (struct store *s, const char *path,
                      const struct scan_ident *ident, uint64_t hash,
                      const struct article *a, char **cause)
{
  sqlite3_stmt *st = store_stmt (s, STMT_INSERT, cause);
  if (st == NULL)
    return -1;
  store_bind_article (st, path, ident, hash, a);
  if (store_step (s, st, cause) != 0)
    return -1;
  int64_t id = sqlite3_last_insert_rowid (s->db);
  return store_fts_add (s, id, a, cause) == 0 ? id : -1;
}

int
store_update_article (struct store *s, int64_t id, const char *path,
                      const struct scan_ident *ident, uint64_t hash,
                      const struct article *a, char **cause)
{
  if (store_fts_remove (s, id, cause) != 0
      || store_reprints_forget (s, id, cause) != 0)
    return -1;
  sqlite3_stmt *st = store_stmt (s, STMT_UPDATE, cause);
  if (st == NULL)
    return -1;
  store_bind_article (st, path, ident, hash, a);
  sqlite3_bind_int64 (st, 20, id);
  if (store_step (s, st, cause) != 0)
    return -1;
  return store_fts_add (s, id, a, cause);
}

int
store_touch_article (struct store *s, int64_t id,
                     const struct scan_ident *ident, char **cause)
{
  sqlite3_stmt *st = store_stmt (s, STMT_TOUCH, cause);
  if (st == NULL)
    return -1;
  sqlite3_bind_int64 (st, 1, ident->size);
  sqlite3_bind_int64 (st, 2, ident->mtime_ns);
  sqlite3_bind_int64 (st, 3, ident->inode);
  sqlite3_bind_int64 (st, 4, id);
  return store_step (s, st, cause);
}

int
store_delete_article (struct store *s, int64_t id, char **cause)
{
  if (store_fts_remove (s, id, cause) != 0
      || store_reprints_forget (s, id, cause) != 0)
    return -1;
  sqlite3_stmt *st = store_stmt (s, STMT_DELETE, cause);
  if (st == NULL)
    return -1;
  sqlite3_bind_int64 (st, 1, id);
  if (store_step (s, st, cause) != 0)
    return -1;
  st = store_stmt (s, STMT_DELETE_STATE, cause);
  if (st == NULL)
    return -1;
  sqlite3_bind_int64 (st, 1, id);
  return store_step (s, st, cause);
}

int
store_put_skipped (struct store *s, const char *path,
                   const struct scan_ident *ident, bool retry,
                   const char *reason, char **cause)
{
  sqlite3_stmt *st = store_stmt (s, STMT_PUT_SKIPPED, cause);
  if (st == NULL)
    return -1;
  sqlite3_bind_text (st, 1, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (st, 2, ident->size);
  sqlite3_bind_int64 (st, 3, ident->mtime_ns);
  sqlite3_bind_int64 (st, 4, ident->inode);
  sqlite3_bind_int (st, 5, retry);
  sqlite3_bind_text (st, 6, reason ? reason : "", -1, SQLITE_TRANSIENT);
  return store_step (s, st, cause);
}

int
store_delete_skipped (struct store *s, const char *path, char **cause)
{
  sqlite3_stmt *st = store_stmt (s, STMT_DELETE_SKIPPED, cause);
  if (st == NULL)
    return -1;
  sqlite3_bind_text (st, 1, path, -1, SQLITE_TRANSIENT);
  return store_step (s, st, cause);
}

int
store_apply_pending_state (struct store *s, char **cause)
{
  return store_exec (s,
                     "INSERT OR REPLACE INTO state (id, read, bookmark)"
                     " SELECT a.id, p.read, p.bookmark FROM pending_state p"
                     " JOIN articles a ON a.path = p.path;"
                     " DELETE FROM pending_state;", cause);
}

int
store_get_state (struct store *s, int64_t id, struct store_state *out,
                 char **cause)
{
  sqlite3_stmt *st;
  memset (out, 0, sizeof *out);
  int rc = sqlite3_prepare_v2 (s->db, "SELECT read, bookmark FROM state"
                               " WHERE id = ?", -1, &st, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (st, 1, id);
      rc = sqlite3_step (st);
      if (rc == SQLITE_ROW)
        {
          out->read = sqlite3_column_int (st, 0) != 0;
          out->bookmark = sqlite3_column_int (st, 1) != 0;
        }
      rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  return 0;
}

int
store_set_state (struct store *s, int64_t id, const struct store_state *in,
                 char **cause)
{
  sqlite3_stmt *st;
  const char *sql = in->read || in->bookmark
    ? "INSERT OR REPLACE INTO state (id, read, bookmark)"
      " SELECT id, ?2, ?3 FROM articles WHERE id = ?1"
    : "DELETE FROM state WHERE id = ?1";
  int rc = sqlite3_prepare_v2 (s->db, sql, -1, &st, NULL);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      return -1;
    }
  sqlite3_bind_int64 (st, 1, id);
  if (in->read || in->bookmark)
    {
      sqlite3_bind_int (st, 2, in->read);
      sqlite3_bind_int (st, 3, in->bookmark);
    }
  int r = store_step (s, st, cause);
  sqlite3_finalize (st);
  return r;
}

/* ---- listings ------------------------------------------------------------------ */

static const char store_select_cols[] =
  "a.id, a.path, a.headline, a.headline_derived, a.date, a.date_prec,"
  " a.outlet, a.agency, a.authors, a.words, a.cluster";

/* True when qs matches exactly the rows of one FTS MATCH of its own
   rank_match: a pure text query (query.c compiles it to this one
   condition, whose only parameter is the MATCH expression). */
static bool
store_fts_only (const struct query_sql *qs)
{
  return qs && qs->rank_match && qs->where && qs->params.n == 1
         && strcmp (qs->where,
                    "(a.id IN (SELECT rowid FROM fts WHERE fts MATCH ?))") == 0
         && strcmp (qs->params.v[0], qs->rank_match) == 0;
}

#define STORE_RANK "rank MATCH 'bm25(10.0, 1.0)'"
#define STORE_VERSIONS \
  "CASE WHEN a.cluster IS NULL THEN 0" \
  " ELSE (SELECT count(*) FROM versions v" \
  " WHERE v.original = a.cluster) END AS n_versions"

/* store_select for a pure text query sorted by relevance: FTS5 ranks and
   cuts to the first limit hits itself (one MATCH, no materialised join),
   and only those are looked up in articles.  Same order as the general
   query: score, then date_key DESC, then id.  Hits tied on score with the
   limit-th are all fetched (t takes one more than the limit to see whether
   the tie crosses the cut, x is then that score), so the tie-break by date
   and id stays exact. */
static sqlite3_stmt *
store_select_fts (struct store *s, const struct query_sql *qs, int64_t limit,
                  char **cause)
{
  struct buf sql = BUF_INIT;
  long long n = (long long) limit;
  if (limit <= 0)
    buf_printf (&sql, "SELECT %s, -f.score, " STORE_VERSIONS
                " FROM (SELECT rowid AS id, rank AS score FROM fts"
                " WHERE fts MATCH ?1 AND " STORE_RANK ") f"
                " JOIN articles a ON a.id = f.id"
                " ORDER BY f.score, a.date_key DESC, a.id",
                store_select_cols);
  else
    buf_printf (&sql,
                "WITH t AS MATERIALIZED (SELECT rowid AS id, rank AS score"
                " FROM fts WHERE fts MATCH ?1 AND " STORE_RANK
                " ORDER BY rank LIMIT %lld),"
                " k AS (SELECT (SELECT score FROM t ORDER BY score"
                " LIMIT 1 OFFSET %lld) AS kth, (SELECT score FROM t"
                " ORDER BY score LIMIT 1 OFFSET %lld) AS nxt),"
                " x AS MATERIALIZED (SELECT kth FROM k WHERE nxt = kth),"
                " f AS (SELECT id, score FROM t"
                " WHERE NOT EXISTS (SELECT 1 FROM x)"
                " UNION ALL SELECT t.id, t.score FROM x CROSS JOIN t"
                " WHERE t.score < x.kth"
                " UNION ALL SELECT fts.rowid, fts.rank FROM x CROSS JOIN fts"
                " WHERE fts MATCH ?1 AND fts." STORE_RANK
                " AND +fts.rank = x.kth)"
                " SELECT %s, -f.score, " STORE_VERSIONS
                " FROM f JOIN articles a ON a.id = f.id"
                " ORDER BY f.score, a.date_key DESC, a.id LIMIT %lld",
                n + 1, n - 1, n, store_select_cols, n);

  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2 (s->db, sql.data, -1, &st, NULL);
  buf_free (&sql);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      return NULL;
    }
  sqlite3_bind_text (st, 1, qs->rank_match, -1, SQLITE_TRANSIENT);
  return st;
}

sqlite3_stmt *
store_select (struct store *s, const struct query_sql *qs, const char *sort,
              bool reverse, bool ranked, int64_t limit, char **cause)
{
  bool rank = ranked && qs && qs->rank_match;
  if (sort == NULL && qs && qs->sort)
    {
      sort = qs->sort;
      reverse = reverse != (qs->sort_reverse != 0);
    }
  if (sort == NULL)
    sort = rank ? "relevance" : "date";
  if (strcmp (sort, "relevance") == 0 && !(qs && qs->rank_match))
    sort = "date";
  bool score = qs && qs->rank_match
               && (rank || strcmp (sort, "relevance") == 0);

  struct buf sql = BUF_INIT;
  if (strcmp (sort, "relevance") == 0 && !reverse && store_fts_only (qs))
    return store_select_fts (s, qs, limit, cause);
  buf_printf (&sql, "SELECT %s, %s, CASE WHEN a.cluster IS NULL THEN 0"
              " ELSE (SELECT count(*) FROM versions v"
              " WHERE v.original = a.cluster) END AS n_versions"
              " FROM articles a",
              store_select_cols, score ? "-r.score" : "NULL");
  if (score)
    /* LEFT: a hit may match through metadata alone ("x OR outlet:y"). */
    buf_adds (&sql, " LEFT JOIN (SELECT rowid AS id, bm25(fts, 10.0, 1.0) AS score"
              " FROM fts WHERE fts MATCH ?) r ON r.id = a.id");
  buf_printf (&sql, " WHERE (%s)", qs ? qs->where : "1");

  const char *asc = reverse ? "DESC" : "ASC", *desc = reverse ? "ASC" : "DESC";
  if (strcmp (sort, "relevance") == 0)
    buf_printf (&sql, " ORDER BY r.score IS NULL, r.score %s", asc);
  else if (strcmp (sort, "outlet") == 0)
    buf_printf (&sql, " ORDER BY a.outlet IS NULL, byline_fold(a.outlet) %s",
                asc);
  else if (strcmp (sort, "headline") == 0)
    buf_printf (&sql, " ORDER BY byline_fold(a.headline) %s", asc);
  else if (strcmp (sort, "words") == 0)
    buf_printf (&sql, " ORDER BY a.words %s", desc);
  else if (strcmp (sort, "versions") == 0)
    buf_printf (&sql, " ORDER BY n_versions %s", desc);
  else
    buf_printf (&sql, " ORDER BY a.date_key %s", desc);
  buf_adds (&sql, ", a.date_key DESC, a.id");
  if (limit > 0)
    buf_printf (&sql, " LIMIT %lld", (long long) limit);

  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2 (s->db, sql.data, -1, &st, NULL);
  buf_free (&sql);
  if (rc != SQLITE_OK)
    {
      *cause = store_error (s, rc);
      return NULL;
    }
  int i = 1;
  if (score)
    sqlite3_bind_text (st, i++, qs->rank_match, -1, SQLITE_TRANSIENT);
  for (size_t k = 0; qs && k < qs->params.n; k++)
    sqlite3_bind_text (st, i++, qs->params.v[k], -1, SQLITE_TRANSIENT);
  return st;
}

static void
store_json_text (sqlite3_stmt *st, int col, struct json *j)
{
  const char *v = (const char *) sqlite3_column_text (st, col);
  if (v)
    json_stringn (j, v, (size_t) sqlite3_column_bytes (st, col));
  else
    json_null (j);
}

void
store_row_json (sqlite3_stmt *st, struct json *j)
{
  json_key (j, "id");
  json_int (j, sqlite3_column_int64 (st, STORE_COL_ID));
  json_key (j, "path");
  store_json_text (st, STORE_COL_PATH, j);
  json_key (j, "headline");
  store_json_text (st, STORE_COL_HEADLINE, j);
  json_key (j, "headline_derived");
  json_bool (j, sqlite3_column_int (st, STORE_COL_HEADLINE_DERIVED) != 0);
  json_key (j, "date");
  store_json_text (st, STORE_COL_DATE, j);
  json_key (j, "date_precision");
  store_json_text (st, STORE_COL_DATE_PREC, j);
  json_key (j, "outlet");
  store_json_text (st, STORE_COL_OUTLET, j);
  json_key (j, "agency");
  store_json_text (st, STORE_COL_AGENCY, j);
  json_key (j, "authors");
  json_arr_begin (j);
  const char *au = (const char *) sqlite3_column_text (st, STORE_COL_AUTHORS);
  while (au && *au)
    {
      const char *nl = strchr (au, '\n');
      size_t n = nl ? (size_t) (nl - au) : strlen (au);
      json_stringn (j, au, n);
      au = nl ? nl + 1 : au + n;
    }
  json_arr_end (j);
  json_key (j, "words");
  json_int (j, sqlite3_column_int64 (st, STORE_COL_WORDS));
  json_key (j, "cluster");
  if (sqlite3_column_type (st, STORE_COL_CLUSTER) == SQLITE_NULL)
    json_null (j);
  else
    json_int (j, sqlite3_column_int64 (st, STORE_COL_CLUSTER));
}
