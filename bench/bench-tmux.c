/* bench-tmux.c: latency of a terminal program driven through tmux, for the
   reader stage of bench/run.sh.  The tmux server must already run on
   SOCKET (run.sh starts it with an idle session); every tmux command is a
   fork and exec of the tmux client, timed with CLOCK_MONOTONIC, and the
   screen is polled with 'capture-pane -p -e' in a tight loop (no sleep),
   so the granularity of a measurement is one capture round trip, reported
   as poll_mean.

   Usage:
     bench-tmux -S SOCKET start SESSION COLS LINES MARKER COMMAND
       new-session -d -s SESSION -x COLS -y LINES COMMAND, then polls the
       pane until its text contains MARKER.  Prints
         elapsed=S polls=N poll_mean=S status=0
     bench-tmux -S SOCKET keys SESSION RUNS KEY[,KEY]... [MARKER]
       RUNS times: captures the pane, sends the next KEY of the list in
       turn (send-keys; "NPage,PPage" alternates), polls until
       the capture differs from the one before the key (and contains
       MARKER when given), and records the time from before send-keys to
       that capture.  Prints
         n=RUNS p50=S p99=S min=S max=S mean=S poll_mean=S polls_mean=N
         status=0
       'partial' counts the presses whose detected screen was not the
       final one (a capture right after it differed): a redraw caught
       half-way.
       Percentiles are nearest-rank (p99 of 50 is the slowest but one).
   A wait gives up after 30 s (status=1). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *sock;

static double
now_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* Runs tmux -S sock ARGS...; with 'out', its standard output goes there
   (malloc'd, NUL-terminated).  Returns the exit status (-1 on failure). */
static int
tmux (char **out, char *const *args)
{
  char *argv[16];
  int n = 0;
  argv[n++] = (char *) "tmux";
  argv[n++] = (char *) "-S";
  argv[n++] = (char *) sock;
  for (; *args && n < 15; args++)
    argv[n++] = *args;
  argv[n] = NULL;
  int fd[2];
  if (pipe (fd) != 0)
    return -1;
  pid_t pid = fork ();
  if (pid < 0)
    return -1;
  if (pid == 0)
    {
      dup2 (fd[1], STDOUT_FILENO);
      close (fd[0]);
      close (fd[1]);
      execvp ("tmux", argv);
      _exit (127);
    }
  close (fd[1]);
  size_t len = 0, cap = 65536;
  char *b = malloc (cap);
  if (b == NULL)
    abort ();
  for (;;)
    {
      if (len + 1 >= cap)
        {
          cap *= 2;
          b = realloc (b, cap);
          if (b == NULL)
            abort ();
        }
      ssize_t r = read (fd[0], b + len, cap - len - 1);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        break;
      len += (size_t) r;
    }
  close (fd[0]);
  b[len] = '\0';
  int st;
  while (waitpid (pid, &st, 0) < 0)
    if (errno != EINTR)
      return -1;
  if (out)
    *out = b;
  else
    free (b);
  return WIFEXITED (st) ? WEXITSTATUS (st) : -1;
}

static char *
capture (const char *session)
{
  char *out = NULL;
  char *args[] = { (char *) "capture-pane", (char *) "-p", (char *) "-e",
                   (char *) "-t", (char *) session, NULL };
  if (tmux (&out, args) != 0)
    {
      free (out);
      return NULL;
    }
  return out;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

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

static int
cmd_start (char **argv)
{
  const char *session = argv[0], *marker = argv[3];
  char *args[] = { (char *) "new-session", (char *) "-d", (char *) "-s",
                   argv[0], (char *) "-x", argv[1], (char *) "-y", argv[2],
                   argv[4], NULL };
  double t0 = now_seconds ();
  if (tmux (NULL, args) != 0)
    {
      fprintf (stderr, "bench-tmux: new-session failed\n");
      return 1;
    }
  long polls = 0;
  double tp = now_seconds ();
  for (;;)
    {
      char *s = capture (session);
      polls++;
      int found = s && strstr (s, marker);
      free (s);
      double t = now_seconds ();
      if (found)
        {
          printf ("elapsed=%.6f polls=%ld poll_mean=%.6f status=0\n",
                  t - t0, polls, (t - tp) / (double) polls);
          return 0;
        }
      if (t - t0 > 30)
        {
          printf ("elapsed=%.6f polls=%ld poll_mean=%.6f status=1\n",
                  t - t0, polls, (t - tp) / (double) polls);
          return 0;
        }
    }
}

static int
cmd_keys (char **argv)
{
  const char *session = argv[0];
  long runs = atol (argv[1]);
  char *keys[64];
  int n_keys = 0;
  for (char *k = strtok (argv[2], ","); k && n_keys < 64;
       k = strtok (NULL, ","))
    keys[n_keys++] = k;
  const char *marker = argv[3];
  if (runs < 1 || n_keys == 0)
    return 2;
  double *v = calloc ((size_t) runs, sizeof *v);
  double poll_time = 0;
  long polls = 0, partial = 0;
  int status = 0;
  char *args[] = { (char *) "send-keys", (char *) "-t", (char *) session,
                   NULL, NULL };
  for (long i = 0; i < runs; i++)
    {
      args[3] = keys[i % n_keys];
      char *before = capture (session);
      if (before == NULL)
        {
          status = 1;
          break;
        }
      double t0 = now_seconds ();
      if (tmux (NULL, args) != 0)
        {
          status = 1;
          free (before);
          break;
        }
      double tp = now_seconds ();
      for (;;)
        {
          char *s = capture (session);
          polls++;
          int done = s && strcmp (s, before) != 0
            && (marker == NULL || strstr (s, marker));
          double t = now_seconds ();
          if (done)
            {
              v[i] = t - t0;
              poll_time += t - tp;
              /* Untimed: was that screen the final one, or did the
                 redraw go on after it (a partial frame was caught)? */
              char *again = capture (session);
              if (again == NULL || strcmp (again, s) != 0)
                partial++;
              free (again);
              free (s);
              break;
            }
          free (s);
          if (t - t0 > 30)
            {
              status = 1;
              break;
            }
        }
      free (before);
      if (status)
        break;
    }
  if (status)
    {
      printf ("status=1\n");
      return 0;
    }
  double sum = 0;
  for (long i = 0; i < runs; i++)
    sum += v[i];
  qsort (v, (size_t) runs, sizeof *v, compare_doubles);
  printf ("n=%ld p50=%.6f p99=%.6f min=%.6f max=%.6f mean=%.6f "
          "poll_mean=%.6f polls_mean=%.2f partial=%ld status=0\n", runs,
          percentile (v, (size_t) runs, 50), percentile (v, (size_t) runs, 99),
          v[0], v[runs - 1], sum / (double) runs, poll_time / (double) polls,
          (double) polls / (double) runs, partial);
  free (v);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc >= 3 && strcmp (argv[1], "-S") == 0)
    {
      sock = argv[2];
      if (argc == 9 && strcmp (argv[3], "start") == 0)
        return cmd_start (argv + 4);
      if ((argc == 7 || argc == 8) && strcmp (argv[3], "keys") == 0)
        return cmd_keys (argv + 4);
    }
  fprintf (stderr, "usage: bench-tmux -S SOCKET start SESSION COLS LINES "
           "MARKER COMMAND\n"
           "       bench-tmux -S SOCKET keys SESSION RUNS KEY[,KEY]... [MARKER]\n");
  return 2;
}
