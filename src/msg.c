/* msg.c: messages for the user on stderr. */
#include "system.h"
#include "msg.h"

#include <stdarg.h>
#include <unistd.h>

static void
msg_vprint (const char *prefix, const char *fmt, va_list ap)
{
  fflush (stdout);
  fputs ("byline: ", stderr);
  if (prefix)
    fputs (prefix, stderr);
  vfprintf (stderr, fmt, ap);
  fputc ('\n', stderr);
}

void
msg_warn (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  /* TRANSLATORS: prefix of warning messages. */
  msg_vprint (_("warning: "), fmt, ap);
  va_end (ap);
}

void
msg_error (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  msg_vprint (NULL, fmt, ap);
  va_end (ap);
}

void
msg_fatal (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  msg_vprint (NULL, fmt, ap);
  va_end (ap);
  exit (2);
}

void
msg_close_stdout (void)
{
  bool failed = ferror (stdout) != 0;
  if (fclose (stdout) != 0 && errno != EBADF)
    failed = true;
  if (failed)
    {
      fprintf (stderr, _("byline: write error: %s\n"), strerror (errno));
      _exit (2);
    }
}
