/* collection.c: resolving the collection directory and its index file. */
#include "system.h"
#include "collection.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "scan.h"

static const char *
collection_env (const char *name)
{
  const char *v = getenv (name);
  return v && *v ? v : NULL;
}

/* $XDG_DATA_HOME, or ~/.local/share when unset, empty or relative (as the
   XDG base directory specification says). */
static char *
collection_data_home (void)
{
  const char *x = collection_env ("XDG_DATA_HOME");
  if (x && x[0] == '/')
    return xstrdup (x);
  const char *home = collection_env ("HOME");
  if (home == NULL)
    {
      struct passwd *pw = getpwuid (getuid ());
      home = pw && pw->pw_dir ? pw->pw_dir : "/";
    }
  return xasprintf ("%s/.local/share", home);
}

static char *
collection_index_name (const char *root)
{
  const char *base = strrchr (root, '/');
  base = base && base[1] ? base + 1 : "root";
  struct buf b = BUF_INIT;
  for (const char *p = base; *p; p++)
    {
      char c = *p;
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
      buf_addc (&b, ok ? c : '_');
    }
  uint64_t h = scan_hash (SCAN_HASH_INIT, root, strlen (root));
  buf_printf (&b, "-%016llx.db", (unsigned long long) h);
  return buf_steal (&b);
}

int
collection_resolve (const char *dir, const char *index,
                    struct collection *c, char **cause)
{
  memset (c, 0, sizeof *c);
  if (dir == NULL)
    dir = collection_env ("BYLINE_COLLECTION");
  if (dir == NULL)
    dir = ".";
  char *root = realpath (dir, NULL);
  struct stat st;
  if (root == NULL || stat (root, &st) != 0)
    {
      /* TRANSLATORS: the placeholders are a directory and the system's
         reason. */
      *cause = xasprintf (_("cannot open collection '%s': %s"), dir,
                          strerror (errno));
      free (root);
      return -1;
    }
  if (!S_ISDIR (st.st_mode))
    {
      *cause = xasprintf (_("cannot open collection '%s': %s"), dir,
                          strerror (ENOTDIR));
      free (root);
      return -1;
    }
  c->root = root;

  if (index == NULL)
    index = collection_env ("BYLINE_INDEX");
  if (index)
    c->index_path = xstrdup (index);
  else
    {
      char *home = collection_data_home ();
      char *name = collection_index_name (root);
      c->index_path = xasprintf ("%s/byline/%s", home, name);
      free (home);
      free (name);
    }
  return 0;
}

/* mkdir -p for the directories above the index file. */
int
collection_make_index_dir (const struct collection *c, char **cause)
{
  char *dir = xstrdup (c->index_path);
  char *slash = strrchr (dir, '/');
  if (slash == NULL || slash == dir)
    {
      free (dir);
      return 0;
    }
  *slash = '\0';
  for (char *p = dir + 1;; p++)
    if (*p == '/' || *p == '\0')
      {
        char save = *p;
        *p = '\0';
        if (mkdir (dir, 0700) != 0 && errno != EEXIST)
          {
            *cause = xasprintf (_("cannot create directory '%s': %s"), dir,
                                strerror (errno));
            free (dir);
            return -1;
          }
        *p = save;
        if (save == '\0')
          break;
      }
  free (dir);
  return 0;
}

void
collection_free (struct collection *c)
{
  free (c->root);
  free (c->index_path);
  memset (c, 0, sizeof *c);
}
