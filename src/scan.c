/* scan.c: walking the collection with openat/fdopendir; reading files. */
#include "system.h"
#include "scan.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"

uint64_t
scan_hash (uint64_t h, const void *p, size_t n)
{
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++)
    {
      h ^= s[i];
      h *= UINT64_C (0x100000001b3);
    }
  return h;
}

static void
scan_ident_from_stat (const struct stat *st, struct scan_ident *id)
{
  id->size = st->st_size;
  id->mtime_ns = (int64_t) st->st_mtim.tv_sec * 1000000000
                 + st->st_mtim.tv_nsec;
  id->inode = (int64_t) st->st_ino;
}

/* The directories from the root to the current one, to refuse a cycle. */
struct scan_ancestor
{
  dev_t dev;
  ino_t ino;
};

struct scan_walker
{
  scan_file_fn file;
  scan_error_fn error;
  void *arg;
  struct buf path;                 /* relative path of the current dir + '/' */
  struct scan_ancestor *up;
  size_t n_up, alloc_up;
};

static int
scan_cmp (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Reads the names of a directory (hidden ones left out), sorted.  Takes
   over fd.  Returns the count, or -1 with errno set. */
static ssize_t
scan_names (int fd, char ***names)
{
  DIR *d = fdopendir (fd);
  if (d == NULL)
    {
      int e = errno;
      close (fd);
      errno = e;
      return -1;
    }
  char **v = NULL;
  size_t n = 0, alloc = 0;
  struct dirent *de;
  errno = 0;
  while ((de = readdir (d)) != NULL)
    {
      if (de->d_name[0] == '.')
        continue;
      v = xgrow (v, &alloc, n + 1, sizeof *v);
      v[n++] = xstrdup (de->d_name);
      errno = 0;
    }
  int e = errno;
  closedir (d);
  if (e)
    {
      for (size_t i = 0; i < n; i++)
        free (v[i]);
      free (v);
      errno = e;
      return -1;
    }
  if (n > 1)
    qsort (v, n, sizeof *v, scan_cmp);
  *names = v;
  return (ssize_t) n;
}

static int scan_dir (struct scan_walker *w, int fd);

static int
scan_entry (struct scan_walker *w, int dirfd, const char *name)
{
  struct stat st;
  if (fstatat (dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
    return 0;               /* vanished since readdir: not there */
  size_t mark = w->path.len;
  buf_adds (&w->path, name);
  int r = 0;
  if (S_ISREG (st.st_mode))
    {
      struct scan_ident id;
      scan_ident_from_stat (&st, &id);
      r = w->file (w->path.data, &id, w->arg);
    }
  else if (S_ISDIR (st.st_mode))
    {
      bool cycle = false;
      for (size_t i = 0; i < w->n_up; i++)
        if (w->up[i].dev == st.st_dev && w->up[i].ino == st.st_ino)
          cycle = true;
      if (!cycle)
        {
          int fd = openat (dirfd, name,
                           O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
          if (fd < 0)
            {
              if (w->error)
                w->error (w->path.data, errno, w->arg);
            }
          else
            {
              w->up = xgrow (w->up, &w->alloc_up, w->n_up + 1, sizeof *w->up);
              w->up[w->n_up++] = (struct scan_ancestor) { st.st_dev,
                                                          st.st_ino };
              buf_addc (&w->path, '/');
              r = scan_dir (w, fd);
              w->n_up--;
            }
        }
    }
  w->path.len = mark;
  w->path.data[mark] = '\0';
  return r;
}

/* Walks the directory open on fd (taken over); w->path is its relative
   path with a trailing '/' (empty for the root). */
static int
scan_dir (struct scan_walker *w, int fd)
{
  int dirfd = dup (fd);
  char **names;
  ssize_t n = dirfd < 0 ? -1 : scan_names (fd, &names);
  if (n < 0)
    {
      int e = errno;
      if (dirfd >= 0)
        close (dirfd);
      else
        close (fd);
      if (w->error)
        {
          /* Report without the trailing slash. */
          size_t len = w->path.len;
          char *rel = xstrndup (w->path.data ? w->path.data : "",
                                len ? len - 1 : 0);
          w->error (rel, e, w->arg);
          free (rel);
        }
      return 0;
    }
  int r = 0;
  for (ssize_t i = 0; i < n; i++)
    {
      if (r == 0)
        r = scan_entry (w, dirfd, names[i]);
      free (names[i]);
    }
  free (names);
  close (dirfd);
  return r;
}

int
scan_walk (const char *root, scan_file_fn file, scan_error_fn error,
           void *arg)
{
  int fd = open (root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  struct stat st;
  if (fstat (fd, &st) != 0)
    {
      int e = errno;
      close (fd);
      errno = e;
      return -1;
    }
  struct scan_walker w = { .file = file, .error = error, .arg = arg };
  buf_adds (&w.path, "");
  w.up = xgrow (NULL, &w.alloc_up, 1, sizeof *w.up);
  w.up[w.n_up++] = (struct scan_ancestor) { st.st_dev, st.st_ino };
  int r = scan_dir (&w, fd);
  buf_free (&w.path);
  free (w.up);
  return r;
}

char *
scan_read (const char *path, size_t *n, struct scan_ident *id,
           bool *unreadable, char **cause)
{
  *unreadable = true;
  int fd = open (path, O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NOFOLLOW
                       | O_NONBLOCK);
  if (fd < 0)
    {
      *cause = xasprintf (_("cannot open: %s"), strerror (errno));
      return NULL;
    }
  struct stat st;
  if (fstat (fd, &st) != 0)
    {
      *cause = xasprintf (_("cannot read: %s"), strerror (errno));
      close (fd);
      return NULL;
    }
  scan_ident_from_stat (&st, id);
  if (!S_ISREG (st.st_mode))
    {
      *unreadable = false;
      *cause = xstrdup (_("not a regular file, skipped"));
      close (fd);
      return NULL;
    }
  if ((uintmax_t) st.st_size > ARTICLE_MAX_BYTES)
    {
      *unreadable = false;
      *cause = xasprintf (_("file too large (%jd bytes, limit %zu MiB), skipped"),
                          (intmax_t) st.st_size, ARTICLE_MAX_BYTES >> 20);
      close (fd);
      return NULL;
    }
  /* Room for the NUL and one more byte, so the read that sees the end
     needs no growth. */
  size_t alloc = (size_t) st.st_size + 2, len = 0;
  char *data = xmalloc (alloc);
  for (;;)
    {
      if (len + 1 >= alloc)
        {
          /* It grew while we read it. */
          if (alloc > ARTICLE_MAX_BYTES)
            {
              *unreadable = false;
              *cause = xasprintf (_("file too large (limit %zu MiB), skipped"),
                                  ARTICLE_MAX_BYTES >> 20);
              free (data);
              close (fd);
              return NULL;
            }
          alloc *= 2;
          data = xrealloc (data, alloc);
        }
      ssize_t r = read (fd, data + len, alloc - 1 - len);
      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          *cause = xasprintf (_("cannot read: %s"), strerror (errno));
          free (data);
          close (fd);
          return NULL;
        }
      if (r == 0)
        break;
      len += (size_t) r;
    }
  close (fd);
  data[len] = '\0';
  *n = len;
  return data;
}
