/* gen-corpus.c: writes a synthetic collection of scraped news articles, with
   reprint families and their ground truth, for benchmarks and tests.

   The collection is a pure function of --seed and --count: the same
   options give byte-identical files on every machine.  See bench/README.md
   for the truth and meta file formats. */
#include "system.h"

#include <getopt.h>
#include <sys/stat.h>
#include <time.h>

#include "gen.h"
#include "gen-story.h"

struct corpus
{
  uint64_t seed;
  size_t count;
  const char *out;
  int name_width;
  uint32_t *perm;               /* slot -> file number */
  size_t next;                  /* next slot */
  char **truth;                 /* per file number: "path\tfamily\tkind" */
  char **meta;                  /* per file number, or NULL without --meta */
  struct buf text;              /* scratch for one file */
  /* statistics */
  long families;
  size_t family_articles, distractors, retranslations, singles;
  uint64_t bytes;
};

/* ---- output ------------------------------------------------------------------ */

static void
mkdir_p (const char *dir)
{
  char *p = xstrdup (dir);
  for (char *s = p + 1; *s; s++)
    if (*s == '/')
      {
        *s = '\0';
        mkdir (p, 0777);
        *s = '/';
      }
  if (mkdir (p, 0777) != 0 && errno != EEXIST)
    {
      fprintf (stderr, "gen-corpus: cannot create %s: %s\n", p,
               strerror (errno));
      exit (1);
    }
  free (p);
}

static void
write_file (const char *path, const char *data, size_t n)
{
  FILE *f = fopen (path, "wb");
  if (f == NULL || fwrite (data, 1, n, f) != n || fclose (f) != 0)
    {
      fprintf (stderr, "gen-corpus: cannot write %s: %s\n", path,
               strerror (errno));
      exit (1);
    }
}

/* Is 'needle' visible in the text (so a reader could find it)? */
static bool
shown (const char *text, const char *needle)
{
  return needle && *needle && strcasestr (text, needle) != NULL;
}

static char *
meta_line (const char *name, const char *text, const struct outlet *o,
           const struct story *s, const struct render_info *info)
{
  struct buf m = BUF_INIT;
  buf_printf (&m, "%s\t%s\t", name, info->date.len ? info->date.data : "-");
  buf_adds (&m, shown (text, outlet_name (o)) ? outlet_name (o) : "-");
  buf_addc (&m, '\t');
  if (s->agency && (shown (text, s->agency->name)
                    || shown (text, s->agency->short_name)))
    buf_adds (&m, s->agency->short_name);
  else
    buf_adds (&m, "-");
  buf_addc (&m, '\t');
  size_t n = 0;
  for (size_t i = 0; i < s->authors.n; i++)
    if (shown (text, s->authors.v[i]))
      buf_printf (&m, "%s%s", n++ ? "; " : "", s->authors.v[i]);
  if (n == 0)
    buf_adds (&m, "-");
  buf_printf (&m, "\t%s", info->headline_shown ? s->headline : "-");
  return buf_steal (&m);
}

/* Renders one article into the next slot. */
static void
emit (struct corpus *cp, const struct story *s, const struct outlet *o,
      long family, const char *kind, struct rng *r)
{
  uint32_t number = cp->perm[cp->next++];
  char name[64];
  snprintf (name, sizeof name, "%0*u_%016llx.txt", cp->name_width,
            (unsigned) number, (unsigned long long) rng_next (r));
  struct render_info info = { BUF_INIT, false };
  buf_reset (&cp->text);
  outlet_render (&cp->text, o, s, &info, r);
  if (cp->meta)
    cp->meta[number] = meta_line (name, cp->text.data, o, s, &info);
  const char *acc = outlet_accident (&cp->text, r);
  buf_free (&info.date);

  char *path = xasprintf ("%s/%s", cp->out, name);
  write_file (path, cp->text.data, cp->text.len);
  free (path);
  cp->bytes += cp->text.len;
  cp->truth[number] = xasprintf ("%s\t%ld\t%s%s%s", name, family, kind,
                                 *acc ? (strchr (kind, ':') ? "," : ":") : "",
                                 acc);
}

static size_t
room (const struct corpus *cp)
{
  return cp->count - cp->next;
}

/* ---- families ---------------------------------------------------------------- */

static const struct outlet *
pick_outlet (struct rng *r, const struct outlet **avoid, size_t n_avoid,
             bool no_uk)
{
  for (int tries = 0;; tries++)
    {
      const struct outlet *o = gen_outlets[rng_below (r, (uint32_t) gen_n_outlets)];
      bool ok = !(no_uk && outlet_uk (o));
      for (size_t i = 0; ok && i < n_avoid; i++)
        ok = avoid[i] != o;
      if (ok || tries > 20)
        return o;
    }
}

/* The original and up to 'reprints' edited copies.  'kind' is the
   original's kind ("original" or "original:rival=F").  Returns the family
   id, or -1 when only the original fitted. */
static long
emit_family (struct corpus *cp, const struct story *orig, int reprints,
             const char *kind, struct rng *r)
{
  if ((size_t) reprints > room (cp) - 1)
    reprints = (int) room (cp) - 1;
  const struct outlet *used[16];
  size_t n_used = 0;
  used[n_used++] = pick_outlet (r, NULL, 0, true);
  if (reprints <= 0)
    {
      emit (cp, orig, used[0], -1, "single", r);
      cp->singles++;
      return -1;
    }
  long family = ++cp->families;
  emit (cp, orig, used[0], family, kind, r);
  cp->family_articles += (size_t) reprints + 1;
  struct buf k = BUF_INIT;
  for (int i = 0; i < reprints; i++)
    {
      const struct outlet *o = pick_outlet (r, used, n_used, false);
      if (n_used < ARRAY_SIZE (used))
        used[n_used++] = o;
      struct reprint_opts ro = { rng_chance (r, 0.15), outlet_uk (o) };
      buf_reset (&k);
      buf_adds (&k, ro.retranslate ? "retranslation:" : "reprint:");
      cp->retranslations += ro.retranslate;
      struct story rep;
      story_reprint (&rep, orig, &ro, &k, r);
      if (k.data[k.len - 1] == ':')
        buf_adds (&k, "verbatim");
      emit (cp, &rep, o, family, k.data, r);
      story_free (&rep);
    }
  buf_free (&k);
  return family;
}

static int
family_reprints (struct rng *r)
{
  int n = 1;
  while (n < 7 && rng_chance (r, 0.5))
    n++;
  return n;
}

static const struct agency *
pick_agency (struct rng *r, const struct agency *avoid)
{
  const struct agency *a;
  do
    a = &gen_agencies[rng_below (r, (uint32_t) gen_n_agencies)];
  while (a == avoid);
  return a;
}

/* One unit: a single story, a reprint family, or an event covered by a
   reprinted story and same-topic distractors (which share the cast and
   one or two long quotes, and are different stories). */
static void
emit_unit (struct corpus *cp, uint64_t unit)
{
  struct rng r;
  rng_seed (&r, cp->seed, unit + 1);
  struct cast c;
  cast_init (&c, &r);
  uint32_t x = rng_below (&r, 100);
  struct story s;
  if (x < 80 || room (cp) < 2)
    {
      const struct agency *ag = rng_chance (&r, 0.35) ? pick_agency (&r, NULL) : NULL;
      story_write (&s, &c, ag, rng_below (&r, 3), &r);
      emit (cp, &s, pick_outlet (&r, NULL, 0, false), -1, "single", &r);
      cp->singles++;
      story_free (&s);
      cast_free (&c);
      return;
    }
  const struct agency *ag = pick_agency (&r, NULL);
  story_write (&s, &c, ag, 2, &r);
  long family = emit_family (cp, &s, family_reprints (&r), "original", &r);
  int distractors = x < 95 ? 0 : rng_range (&r, 1, 2);
  for (int i = 0; i < distractors && room (cp) > 0; i++)
    {
      struct story d;
      const struct agency *dag = rng_chance (&r, 0.7) ? pick_agency (&r, ag) : NULL;
      story_write (&d, &c, dag, rng_range (&r, 1, 2), &r);
      d.date = s.date;
      gdate_shift (&d.date, rng_range (&r, -7200, 7200), &r);
      if (dag && room (cp) > 1 && rng_chance (&r, 0.4))
        {
          char *kind = xasprintf ("original:rival=%ld", family);
          emit_family (cp, &d, rng_range (&r, 1, 3), kind, &r);
          free (kind);
        }
      else
        {
          char *kind = xasprintf ("distractor:family=%ld", family);
          emit (cp, &d, pick_outlet (&r, NULL, 0, false), -1, kind, &r);
          free (kind);
          cp->distractors++;
        }
      story_free (&d);
    }
  story_free (&s);
  cast_free (&c);
}

/* ---- main -------------------------------------------------------------------- */

static void
write_lines (const char *path, char **lines, size_t n)
{
  FILE *f = fopen (path, "w");
  if (f == NULL)
    {
      fprintf (stderr, "gen-corpus: cannot write %s: %s\n", path,
               strerror (errno));
      exit (1);
    }
  for (size_t i = 0; i < n; i++)
    {
      fputs (lines[i], f);
      fputc ('\n', f);
    }
  if (fclose (f) != 0)
    {
      fprintf (stderr, "gen-corpus: cannot write %s: %s\n", path,
               strerror (errno));
      exit (1);
    }
}

static void
usage (FILE *f)
{
  fputs ("Usage: gen-corpus --out=DIR [OPTION]...\n"
         "Write a synthetic collection of scraped news articles, with reprint\n"
         "families, distractors and ground truth.\n\n"
         "  -o, --out=DIR      directory for the article files (created)\n"
         "  -n, --count=N      number of articles (default 1000)\n"
         "  -s, --seed=N       random seed (default 1); same seed, same bytes\n"
         "  -t, --truth=FILE   write PATH<TAB>FAMILY<TAB>KIND lines\n"
         "  -m, --meta=FILE    write PATH<TAB>DATE<TAB>OUTLET<TAB>AGENCY<TAB>"
         "AUTHORS<TAB>HEADLINE lines\n"
         "  -q, --quiet        no summary line\n"
         "  -h, --help         display this help and exit\n", f);
}

static uint64_t
parse_number (const char *s, const char *what)
{
  char *end;
  errno = 0;
  unsigned long long v = strtoull (s, &end, 10);
  if (errno || end == s || *end || *s == '-')
    {
      fprintf (stderr, "gen-corpus: invalid %s: '%s'\n", what, s);
      exit (2);
    }
  return v;
}

int
main (int argc, char **argv)
{
  static const struct option longopts[] = {
    { "out", required_argument, NULL, 'o' },
    { "count", required_argument, NULL, 'n' },
    { "seed", required_argument, NULL, 's' },
    { "truth", required_argument, NULL, 't' },
    { "meta", required_argument, NULL, 'm' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  struct corpus cp = { .seed = 1, .count = 1000 };
  const char *truth = NULL, *meta = NULL;
  bool quiet = false;
  int ch;
  while ((ch = getopt_long (argc, argv, "o:n:s:t:m:qh", longopts, NULL)) != -1)
    switch (ch)
      {
      case 'o': cp.out = optarg; break;
      case 'n': cp.count = (size_t) parse_number (optarg, "count"); break;
      case 's': cp.seed = parse_number (optarg, "seed"); break;
      case 't': truth = optarg; break;
      case 'm': meta = optarg; break;
      case 'q': quiet = true; break;
      case 'h': usage (stdout); return 0;
      default: usage (stderr); return 2;
      }
  if (cp.out == NULL || optind != argc || cp.count > UINT32_MAX)
    {
      usage (stderr);
      return 2;
    }

  struct timespec t0, t1;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  mkdir_p (cp.out);
  cp.name_width = 6;
  for (size_t n = cp.count; n >= 1000000; n /= 10)
    cp.name_width++;
  cp.perm = xcalloc (cp.count, sizeof *cp.perm);
  cp.truth = xcalloc (cp.count, sizeof *cp.truth);
  if (meta)
    cp.meta = xcalloc (cp.count, sizeof *cp.meta);
  struct rng master;
  rng_seed (&master, cp.seed, 0);
  for (size_t i = 0; i < cp.count; i++)
    cp.perm[i] = (uint32_t) i;
  for (size_t i = cp.count; i > 1; i--)   /* Fisher-Yates */
    {
      size_t j = rng_below (&master, (uint32_t) i);
      uint32_t t = cp.perm[i - 1];
      cp.perm[i - 1] = cp.perm[j];
      cp.perm[j] = t;
    }

  for (uint64_t unit = 0; cp.next < cp.count; unit++)
    emit_unit (&cp, unit);

  if (truth)
    write_lines (truth, cp.truth, cp.count);
  if (meta)
    write_lines (meta, cp.meta, cp.count);
  clock_gettime (CLOCK_MONOTONIC, &t1);
  double secs = (double) (t1.tv_sec - t0.tv_sec)
    + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;
  if (!quiet)
    printf ("gen-corpus: %zu articles, %.1f MB, %ld families (%zu articles, "
            "%zu retranslations), %zu distractors, %zu singles, %.2f s\n",
            cp.count, (double) cp.bytes / 1e6, cp.families,
            cp.family_articles, cp.retranslations, cp.distractors,
            cp.singles, secs);

  for (size_t i = 0; i < cp.count; i++)
    {
      free (cp.truth[i]);
      if (cp.meta)
        free (cp.meta[i]);
    }
  free (cp.truth);
  free (cp.meta);
  free (cp.perm);
  buf_free (&cp.text);
  if (fflush (stdout) != 0 || ferror (stdout))
    return 1;
  return 0;
}
