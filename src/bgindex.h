/* bgindex.h: bringing an index up to date behind the reader's back.

   The reader opens a collection whose index has finished a run at once,
   on the index as it is, and brings it up to date in a child process: a
   walk of 100,000 unchanged files takes most of a second, which the first
   screen should not wait for.  The child is an ordinary indexer run
   (indexer.h: its own connection, the lock file, batches committed as it
   goes), quiet, with its standard streams on /dev/null; it sends its
   figures back through a pipe.  A child, not a thread, so the indexer's
   signal handling and the reader's stay apart: ^C and ^Z reach both
   through the terminal's process group, and each does the right thing. */
#ifndef BYLINE_BGINDEX_H
#define BYLINE_BGINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct collection;

struct bgindex
{
  pid_t pid;            /* the child; 0 when none runs */
  int fd;               /* the read end of its pipe */
};

/* What the child did. */
struct bgindex_result
{
  int status;           /* as indexer_run returns it */
  size_t added, updated, moved, removed, failed;
  char *cause;          /* the error when status is 2 (caller frees) */
};

/* Starts the child for collection c.  Returns 0, or -1 with *cause
   (translated, caller frees) when it could not be started. */
int bgindex_start (struct bgindex *b, const struct collection *c,
                   char **cause);

/* Without waiting: true when the child has ended, with *r filled (and
   the child reaped); false while it runs or when none was started. */
bool bgindex_done (struct bgindex *b, struct bgindex_result *r);

/* Asks a running child to stop (SIGTERM: it commits what it has done)
   and waits for it. */
void bgindex_stop (struct bgindex *b);

#endif
