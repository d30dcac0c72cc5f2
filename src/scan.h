/* scan.h: walking a collection, and the identity of its files.

   The walk visits regular files in a stable order (bytewise sorted names,
   depth first), skips hidden entries (a name starting with '.'), never
   follows symbolic links (so nothing outside the tree is read) and never
   enters a directory that is one of its own ancestors (bind mounts), so it
   always ends.  It only stats: files are opened later, by whoever needs
   their bytes, read-only. */
#ifndef BYLINE_SCAN_H
#define BYLINE_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What decides whether a file changed: an unchanged file has the same size,
   modification time and inode, and costs one fstatat. */
struct scan_ident
{
  int64_t size;
  int64_t mtime_ns;
  int64_t inode;
};

/* Called for each regular file with its path relative to the root ("a/b.txt")
   and its identity; the path is only valid during the call.  A non-zero
   return stops the walk (scan_walk then returns that value). */
typedef int (*scan_file_fn) (const char *rel, const struct scan_ident *id,
                             void *arg);

/* Called for a directory that cannot be read (rel is "" for the root);
   'err' is the errno.  Files below it are unknown, not gone. */
typedef void (*scan_error_fn) (const char *rel, int err, void *arg);

/* Walks the tree under 'root'.  Returns 0, what a callback returned, or -1
   when the root itself cannot be opened (errno set). */
int scan_walk (const char *root, scan_file_fn file, scan_error_fn error,
               void *arg);

/* The content hash of indexed files (used to recognise a moved file):
   64-bit FNV-1a, continuing from 'h' (start with SCAN_HASH_INIT).  Also
   names index files after the collection path. */
#define SCAN_HASH_INIT UINT64_C (0xcbf29ce484222325)
uint64_t scan_hash (uint64_t h, const void *p, size_t n);

/* Reads a whole file (opened O_RDONLY, never following a final symlink).
   Returns the bytes (malloc'd, NUL-terminated, caller frees) with their
   count in *n and the identity of what was read in *id; or NULL with
   *cause (translated, caller frees) and *unreadable true for I/O errors
   (false for a file refused on its kind or size). */
char *scan_read (const char *path, size_t *n, struct scan_ident *id,
                 bool *unreadable, char **cause);

#endif
