/* indexer.h: bringing an index up to date with its collection.

   The main thread walks the collection (scan.h) and compares each file's
   identity with what the index knows: an unchanged file costs one stat.
   New and changed files are read, hashed and extracted by worker threads,
   one per core, while the calling thread is the single SQLite writer.
   Results are written in walk order through a bounded window, so memory
   stays bounded and a new file always gets the same id however the threads
   were scheduled.  Work is committed every INDEXER_BATCH_FILES files or
   INDEXER_BATCH_MS milliseconds: a run killed at any moment leaves an index
   that opens, and the next run finishes the job with the result an
   uninterrupted run would have given.

   A new file whose content hash is that of an article whose file is gone is
   a move: the article keeps its id and state.  A file under a directory that
   could not be read is not taken as gone.

   Reprints: the workers also sign each extracted body (minhash.h, with the
   parameters of the config file, config-reprints.h), and the signature and
   its band keys are written with the article.  After the batches,
   store_reprints_update verifies the new signatures against their
   candidates and rebuilds the clusters; an index whose clusters are stale
   (an interrupted run) is not complete for indexer_ensure.

   One indexer at a time per index:
   a lock file INDEX.lock next to the index (flock) serialises writers. */
#ifndef BYLINE_INDEXER_H
#define BYLINE_INDEXER_H

#include <stdbool.h>
#include <stddef.h>

#include "strv.h"

struct collection;

#define INDEXER_BATCH_FILES 500
#define INDEXER_BATCH_MS 500

struct indexer_options
{
  bool rebuild;          /* start from an empty index (state kept by path) */
  bool progress;         /* draw a progress bar on stderr (a terminal) */
  bool quiet;            /* no warnings about the rules file, no waiting
                            message; errors are always reported */
  bool if_incomplete;    /* do nothing if a run has already finished */
};

struct indexer_stats
{
  size_t articles;       /* in the index at the end */
  size_t added, updated, moved, removed, unchanged;
  size_t skipped;        /* files in the collection that are not articles */
  size_t failed;         /* of which unreadable this run (reported by
                            msg_error as they happen) */
  struct strv skipped_now;   /* "PATH: reason" for files newly skipped */
  size_t clusters;       /* reprint clusters rebuilt (0 if unchanged) */
  bool interrupted;      /* SIGINT or SIGTERM: what was done is committed */
  bool did_nothing;      /* if_incomplete and the index was complete */
};

/* Runs the indexer for collection c.  Returns 0 when every file was
   handled, 1 when some could not be read (the rest was done), 2 on a fatal
   error with *cause set (translated, caller frees), 130 when interrupted
   by SIGINT (143 for SIGTERM).  *st is filled in every case; free it with
   indexer_stats_free. */
int indexer_run (const struct collection *c, const struct indexer_options *o,
                 struct indexer_stats *st, char **cause);
void indexer_stats_free (struct indexer_stats *st);

/* Whether the index at 'index_path' exists, has finished a run and has
   current reprint clusters (what indexer_ensure asks for). */
bool indexer_complete (const char *index_path);

/* For the reading commands: makes sure the index exists and has finished
   one run, building it quietly (a progress bar if 'progress') if not.
   Returns like indexer_run; on 1 the unreadable files were reported. */
int indexer_ensure (const struct collection *c, bool progress, char **cause);

struct store;

/* What the reading commands do first: resolves the collection ('dir' and
   'index' from -C and --index, may be NULL), makes sure its index is built
   (indexer_ensure, with a progress bar when stderr is a terminal) and opens
   it for reading.  Returns 0 and *s (store_close it), or an exit status (2,
   130, ...) with *cause set unless the message was already printed. */
int indexer_open (const char *dir, const char *index, struct store **s,
                  char **cause);

#endif
