/* bgindex.c: an indexer run in a child process (see bgindex.h). */
#include "system.h"
#include "bgindex.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "collection.h"
#include "indexer.h"

/* The child: runs the indexer, writes "STATUS ADDED UPDATED MOVED REMOVED
   FAILED\nCAUSE" to fd, and never returns. */
static void
bgindex_child (const struct collection *c, int fd)
{
  int null = open ("/dev/null", O_RDWR);
  if (null >= 0)
    {
      dup2 (null, STDIN_FILENO);
      dup2 (null, STDOUT_FILENO);
      dup2 (null, STDERR_FILENO);
      if (null > STDERR_FILENO)
        close (null);
    }
  struct indexer_options o = { .quiet = true };
  struct indexer_stats st;
  char *cause = NULL;
  int status = indexer_run (c, &o, &st, &cause);
  char *line = xasprintf ("%d %zu %zu %zu %zu %zu\n%s", status, st.added,
                          st.updated, st.moved, st.removed, st.failed,
                          cause ? cause : "");
  size_t n = strlen (line), off = 0;
  while (off < n)
    {
      ssize_t w = write (fd, line + off, n - off);
      if (w < 0 && errno == EINTR)
        continue;
      if (w <= 0)
        break;
      off += (size_t) w;
    }
  free (line);
  free (cause);
  indexer_stats_free (&st);
  close (fd);
  _exit (0);
}

int
bgindex_start (struct bgindex *b, const struct collection *c, char **cause)
{
  b->pid = 0;
  b->fd = -1;
  int p[2];
  if (pipe (p) != 0)
    {
      *cause = xasprintf (_("cannot update the index in the background: %s"),
                          strerror (errno));
      return -1;
    }
  fflush (NULL);
  pid_t pid = fork ();
  if (pid < 0)
    {
      int e = errno;
      close (p[0]);
      close (p[1]);
      /* TRANSLATORS: the placeholder is the system's error message. */
      *cause = xasprintf (_("cannot update the index in the background: %s"),
                          strerror (e));
      return -1;
    }
  if (pid == 0)
    {
      close (p[0]);
      bgindex_child (c, p[1]);
    }
  close (p[1]);
  fcntl (p[0], F_SETFD, FD_CLOEXEC);
  b->pid = pid;
  b->fd = p[0];
  return 0;
}

/* Reads what the child sent into *r (the child has ended). */
static void
bgindex_read (struct bgindex *b, struct bgindex_result *r)
{
  struct buf in = BUF_INIT;
  char chunk[4096];
  for (;;)
    {
      ssize_t n = read (b->fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      buf_add (&in, chunk, (size_t) n);
    }
  close (b->fd);
  b->fd = -1;
  const char *s = in.data ? in.data : "";
  int used = 0;
  if (sscanf (s, "%d %zu %zu %zu %zu %zu%n", &r->status, &r->added,
              &r->updated, &r->moved, &r->removed, &r->failed, &used) == 6)
    {
      const char *cause = s + used;
      if (*cause == '\n')
        cause++;
      if (*cause)
        r->cause = xstrdup (cause);
    }
  buf_free (&in);
}

bool
bgindex_done (struct bgindex *b, struct bgindex_result *r)
{
  if (b->pid <= 0)
    return false;
  int ws;
  pid_t w = waitpid (b->pid, &ws, WNOHANG);
  if (w == 0 || (w < 0 && errno == EINTR))
    return false;
  memset (r, 0, sizeof *r);
  r->status = 2;
  b->pid = 0;
  bgindex_read (b, r);
  if (w > 0 && WIFSIGNALED (ws))
    {
      /* Killed before it could say anything. */
      r->status = 128 + WTERMSIG (ws);
      free (r->cause);
      r->cause = NULL;
    }
  else if (r->status == 2 && r->cause == NULL)
    /* TRANSLATORS: the index update that runs while the reader is open
       ended without a word. */
    r->cause = xstrdup (_("the index update in the background failed"));
  return true;
}

void
bgindex_stop (struct bgindex *b)
{
  if (b->pid > 0)
    {
      kill (b->pid, SIGTERM);
      while (waitpid (b->pid, NULL, 0) < 0 && errno == EINTR)
        ;
      b->pid = 0;
    }
  if (b->fd >= 0)
    {
      close (b->fd);
      b->fd = -1;
    }
}
