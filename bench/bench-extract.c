/* bench-extract.c: times article_from_bytes over a whole collection.

   Every file is read into memory first, so the figures are extraction
   alone: no disk, one thread.  A trivial pass over the same bytes (lines
   with memchr, then u8_check) is timed in the same run as the baseline, so
   the result can be quoted as a ratio that means something on any machine.

   Output, one figure per line, "name: values" (parsed by bench/run.sh and
   by people with grep):
     load: 10000 files, 45.1 MB, 0.21 s
     baseline: 10000 articles, 45.1 MB, 0.020 s, 2255.0 MB/s (memchr lines + u8_check)
     extract: 10000 articles, 45.1 MB, 0.93 s, 48.5 MB/s, 10752 articles/s, peak RSS 112 MB
     ratio: extract/baseline 46.5 (RSS after loading 60 MB)
     cpu: baseline 0.020 s, extract 0.92 s
     found: 0 failed, 9512 dated, ... (what was extracted, to catch a
            regression that makes extraction fast by doing nothing) */
#include "system.h"

#include <dirent.h>
#include <getopt.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistr.h>

#include "article.h"
#include "buf.h"
#include "extract.h"
#include "strv.h"

struct file
{
  char *path;
  char *data;
  size_t len;
};

struct files
{
  struct file *v;
  size_t n;
  size_t alloc;
  uint64_t bytes;
};

static double
now_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* User + system CPU seconds: less disturbed than wall time on a busy box. */
static double
cpu_seconds (void)
{
  struct rusage ru;
  if (getrusage (RUSAGE_SELF, &ru) != 0)
    return 0;
  return (double) (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
    + (double) (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static double
peak_rss_mb (void)
{
  struct rusage ru;
  if (getrusage (RUSAGE_SELF, &ru) != 0)
    return 0;
  return (double) ru.ru_maxrss / 1024.0;        /* Linux: KiB */
}

static char *
read_all (const char *path, size_t *len)
{
  FILE *f = fopen (path, "rb");
  if (f == NULL)
    return NULL;
  struct buf b = BUF_INIT;
  char chunk[65536];
  size_t n;
  while ((n = fread (chunk, 1, sizeof chunk, f)) > 0)
    buf_add (&b, chunk, n);
  bool bad = ferror (f);
  fclose (f);
  if (bad)
    {
      buf_free (&b);
      return NULL;
    }
  *len = b.len;
  return buf_steal (&b);
}

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Loads every regular file under 'dir' (sorted, recursing, skipping dot
   files) into 'fs'. */
static void
load_dir (struct files *fs, const char *dir)
{
  DIR *d = opendir (dir);
  if (d == NULL)
    {
      fprintf (stderr, "bench-extract: cannot open %s: %s\n", dir,
               strerror (errno));
      exit (1);
    }
  struct strv names = STRV_INIT;
  struct dirent *e;
  while ((e = readdir (d)) != NULL)
    if (e->d_name[0] != '.')
      strv_add (&names, e->d_name);
  closedir (d);
  if (names.n)
    qsort (names.v, names.n, sizeof *names.v, compare_names);
  for (size_t i = 0; i < names.n; i++)
    {
      char *path = xasprintf ("%s/%s", dir, names.v[i]);
      struct stat st;
      if (stat (path, &st) != 0)
        free (path);
      else if (S_ISDIR (st.st_mode))
        {
          load_dir (fs, path);
          free (path);
        }
      else if (!S_ISREG (st.st_mode))
        free (path);
      else
        {
          size_t len;
          char *data = read_all (path, &len);
          if (data == NULL)
            {
              fprintf (stderr, "bench-extract: cannot read %s: %s\n", path,
                       strerror (errno));
              exit (1);
            }
          fs->v = xgrow (fs->v, &fs->alloc, fs->n + 1, sizeof *fs->v);
          fs->v[fs->n++] = (struct file) { path, data, len };
          fs->bytes += len;
        }
    }
  strv_free (&names);
}

/* The floor: touch every byte twice, as any extraction must at least. */
static double
run_baseline (const struct files *fs, size_t *lines, size_t *invalid)
{
  double t0 = now_seconds ();
  size_t nl = 0, bad = 0;
  for (size_t i = 0; i < fs->n; i++)
    {
      const char *p = fs->v[i].data, *end = p + fs->v[i].len;
      while ((p = memchr (p, '\n', (size_t) (end - p))) != NULL)
        {
          nl++;
          p++;
        }
      if (u8_check ((const uint8_t *) fs->v[i].data, fs->v[i].len) != NULL)
        bad++;
    }
  *lines = nl;
  *invalid = bad;
  return now_seconds () - t0;
}

struct found
{
  size_t failed, dated, headline, authors, outlet, agency, paras, words;
};

static double
run_extract (const struct files *fs, const struct outlets *rules,
             int64_t now, struct found *f)
{
  double t0 = now_seconds ();
  for (size_t i = 0; i < fs->n; i++)
    {
      struct article a;
      char *cause = NULL;
      if (article_from_bytes (fs->v[i].data, fs->v[i].len, rules, now, &a,
                              &cause) != 0)
        {
          f->failed++;
          free (cause);
          article_free (&a);
          continue;
        }
      f->dated += a.date.precision != DATE_PREC_NONE;
      f->headline += a.headline && *a.headline && !a.headline_derived;
      f->authors += a.authors.n > 0;
      f->outlet += a.outlet != NULL;
      f->agency += a.agency != NULL;
      f->paras += a.n_paras;
      f->words += a.words;
      article_free (&a);
    }
  return now_seconds () - t0;
}

static void
usage (FILE *out)
{
  fputs ("Usage: bench-extract [--no-rules] DIR\n"
         "Load every file under DIR into memory, then time article_from_bytes\n"
         "over all of them on one thread, against a trivial pass over the\n"
         "same bytes.\n\n"
         "  --no-rules   extract without outlet signatures\n"
         "  -h, --help   display this help and exit\n", out);
}

int
main (int argc, char **argv)
{
  static const struct option longopts[] = {
    { "no-rules", no_argument, NULL, 'R' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  bool use_rules = true;
  int ch;
  while ((ch = getopt_long (argc, argv, "h", longopts, NULL)) != -1)
    switch (ch)
      {
      case 'R': use_rules = false; break;
      case 'h': usage (stdout); return 0;
      default: usage (stderr); return 2;
      }
  if (optind + 1 != argc)
    {
      usage (stderr);
      return 2;
    }

  struct files fs = { NULL, 0, 0, 0 };
  double t0 = now_seconds ();
  load_dir (&fs, argv[optind]);
  double load = now_seconds () - t0;
  double mb = (double) fs.bytes / 1e6;
  printf ("load: %zu files, %.1f MB, %.2f s\n", fs.n, mb, load);
  if (fs.n == 0)
    {
      fprintf (stderr, "bench-extract: no files in %s\n", argv[optind]);
      return 1;
    }

  struct strv warnings = STRV_INIT;
  struct outlets *rules = use_rules ? outlets_default (&warnings) : NULL;
  for (size_t i = 0; i < warnings.n; i++)
    fprintf (stderr, "bench-extract: %s\n", warnings.v[i]);
  strv_free (&warnings);
  double rss_loaded = peak_rss_mb ();

  size_t lines, invalid;
  double cpu0 = cpu_seconds ();
  double base = run_baseline (&fs, &lines, &invalid);
  double base_cpu = cpu_seconds () - cpu0;
  printf ("baseline: %zu articles, %.1f MB, %.3f s, %.1f MB/s "
          "(memchr lines + u8_check: %zu lines, %zu not UTF-8)\n",
          fs.n, mb, base, base > 0 ? mb / base : 0.0, lines, invalid);
  fflush (stdout);

  struct found f = { 0 };
  cpu0 = cpu_seconds ();
  double ext = run_extract (&fs, rules, (int64_t) time (NULL), &f);
  double ext_cpu = cpu_seconds () - cpu0;
  printf ("extract: %zu articles, %.1f MB, %.2f s, %.1f MB/s, %.0f articles/s, "
          "peak RSS %.0f MB\n", fs.n, mb, ext, ext > 0 ? mb / ext : 0.0,
          ext > 0 ? (double) fs.n / ext : 0.0, peak_rss_mb ());
  printf ("ratio: extract/baseline %.1f (RSS after loading %.0f MB)\n",
          base > 0 ? ext / base : 0.0, rss_loaded);
  printf ("cpu: baseline %.3f s, extract %.2f s\n", base_cpu, ext_cpu);
  printf ("found: %zu failed, %zu dated, %zu headline, %zu authors, "
          "%zu outlet, %zu agency, %zu paragraphs, %zu words\n",
          f.failed, f.dated, f.headline, f.authors, f.outlet, f.agency,
          f.paras, f.words);

  if (rules)
    outlets_free (rules);
  for (size_t i = 0; i < fs.n; i++)
    {
      free (fs.v[i].path);
      free (fs.v[i].data);
    }
  free (fs.v);
  if (fflush (stdout) != 0 || ferror (stdout))
    return 1;
  return 0;
}
