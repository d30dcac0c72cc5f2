/* bench-rss.c: runs a command (N times), reporting wall time, CPU time and
   peak RSS of the child from wait4's rusage.

   Usage: bench-rss [-n RUNS] [-w WARMUP] [-o FILE] [-C DIR] -- PROG [ARG]...

   The child's standard output goes to FILE (default /dev/null; "-" keeps
   it), its standard error is inherited.  WARMUP runs (default 0) come first
   and are not counted.  Wall time is CLOCK_MONOTONIC from just before fork
   to just after wait4, so it includes exec and the dynamic loader, as a
   user typing the command would see.

   Prints one line on standard output, key=value pairs for bench/run.sh:
     n=30 wall_p50=0.012345 wall_p99=0.020000 wall_min=... wall_max=...
     wall_mean=... cpu_p50=... user_p50=... sys_p50=... rss_kb_max=...
     status=0
   Percentiles are nearest-rank: p99 of 30 runs is the slowest of them.
   'status' is the first nonzero exit status of a counted run (128 + signal
   number for a signal), else 0. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static double
tv_seconds (struct timeval tv)
{
  return (double) tv.tv_sec + (double) tv.tv_usec / 1e6;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of sorted v[0..n). */
static double
percentile (const double *v, size_t n, double p)
{
  size_t rank = (size_t) ceil (p / 100.0 * (double) n);
  if (rank < 1)
    rank = 1;
  if (rank > n)
    rank = n;
  return v[rank - 1];
}

struct run
{
  double wall, user, sys;
  long rss_kb;
  int status;
};

static void
run_once (char **argv, const char *out, const char *dir, struct run *r)
{
  double t0 = now_seconds ();
  pid_t pid = fork ();
  if (pid < 0)
    {
      perror ("bench-rss: fork");
      exit (2);
    }
  if (pid == 0)
    {
      if (strcmp (out, "-") != 0)
        {
          int fd = open (out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
          if (fd < 0 || dup2 (fd, STDOUT_FILENO) < 0)
            {
              fprintf (stderr, "bench-rss: %s: %s\n", out, strerror (errno));
              _exit (127);
            }
          close (fd);
        }
      if (dir && chdir (dir) != 0)
        {
          fprintf (stderr, "bench-rss: %s: %s\n", dir, strerror (errno));
          _exit (127);
        }
      execvp (argv[0], argv);
      fprintf (stderr, "bench-rss: %s: %s\n", argv[0], strerror (errno));
      _exit (127);
    }
  int st;
  struct rusage ru;
  pid_t w;
  while ((w = wait4 (pid, &st, 0, &ru)) < 0 && errno == EINTR)
    ;
  double t1 = now_seconds ();
  if (w < 0)
    {
      perror ("bench-rss: wait4");
      exit (2);
    }
  r->wall = t1 - t0;
  r->user = tv_seconds (ru.ru_utime);
  r->sys = tv_seconds (ru.ru_stime);
  r->rss_kb = ru.ru_maxrss;          /* Linux: KiB */
  r->status = WIFEXITED (st) ? WEXITSTATUS (st)
              : WIFSIGNALED (st) ? 128 + WTERMSIG (st) : 255;
}

int
main (int argc, char **argv)
{
  long runs = 1, warmup = 0;
  const char *out = "/dev/null", *dir = NULL;
  int c;
  while ((c = getopt (argc, argv, "+n:w:o:C:")) != -1)
    switch (c)
      {
      case 'n':
        runs = atol (optarg);
        break;
      case 'w':
        warmup = atol (optarg);
        break;
      case 'o':
        out = optarg;
        break;
      case 'C':
        dir = optarg;
        break;
      default:
        fprintf (stderr, "Usage: bench-rss [-n RUNS] [-w WARMUP] [-o FILE]"
                 " [-C DIR] -- PROG [ARG]...\n");
        return 2;
      }
  if (optind >= argc || runs < 1 || warmup < 0)
    {
      fprintf (stderr, "bench-rss: nothing to run\n");
      return 2;
    }
  char **cmd = argv + optind;

  struct run r;
  for (long i = 0; i < warmup; i++)
    run_once (cmd, out, dir, &r);

  double *wall = calloc ((size_t) runs, sizeof *wall);
  double *cpu = calloc ((size_t) runs, sizeof *cpu);
  double *user = calloc ((size_t) runs, sizeof *user);
  double *sys = calloc ((size_t) runs, sizeof *sys);
  if (!wall || !cpu || !user || !sys)
    {
      perror ("bench-rss");
      return 2;
    }
  long rss_max = 0;
  int status = 0;
  double sum = 0;
  for (long i = 0; i < runs; i++)
    {
      run_once (cmd, out, dir, &r);
      wall[i] = r.wall;
      user[i] = r.user;
      sys[i] = r.sys;
      cpu[i] = r.user + r.sys;
      sum += r.wall;
      if (r.rss_kb > rss_max)
        rss_max = r.rss_kb;
      if (r.status && !status)
        status = r.status;
    }
  size_t n = (size_t) runs;
  qsort (wall, n, sizeof *wall, compare_doubles);
  qsort (cpu, n, sizeof *cpu, compare_doubles);
  qsort (user, n, sizeof *user, compare_doubles);
  qsort (sys, n, sizeof *sys, compare_doubles);
  printf ("n=%zu wall_p50=%.6f wall_p99=%.6f wall_min=%.6f wall_max=%.6f"
          " wall_mean=%.6f cpu_p50=%.6f user_p50=%.6f sys_p50=%.6f"
          " rss_kb_max=%ld status=%d\n",
          n, percentile (wall, n, 50), percentile (wall, n, 99), wall[0],
          wall[n - 1], sum / (double) n, percentile (cpu, n, 50),
          percentile (user, n, 50), percentile (sys, n, 50), rss_max,
          status);
  free (wall);
  free (cpu);
  free (user);
  free (sys);
  return 0;
}
