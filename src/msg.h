/* msg.h: messages for the user on stderr, prefixed with the program name. */
#ifndef BYLINE_MSG_H
#define BYLINE_MSG_H

#include "system.h"

void msg_warn (const char *fmt, ...) BYLINE_PRINTF (1, 2);
void msg_error (const char *fmt, ...) BYLINE_PRINTF (1, 2);
/* For impossible states and unusable environments: prints and exits 2. */
void msg_fatal (const char *fmt, ...) BYLINE_PRINTF (1, 2) BYLINE_NORETURN;

/* Registered with atexit by main: flushes and closes stdout and exits
   with status 2 on a write error (a full disk, a closed pipe). */
void msg_close_stdout (void);

#endif
