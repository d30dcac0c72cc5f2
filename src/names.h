/* names.h: file names made safe to show.  A file name is bytes: it may hold
   invalid UTF-8, newlines or escape sequences, and none of that may reach
   the terminal or break a line-oriented or JSON output. */
#ifndef BYLINE_NAMES_H
#define BYLINE_NAMES_H

/* Returns a malloc'd copy of 'name' decoded like article text (invalid
   sequences become U+FFFD, controls and escape sequences removed) with tabs
   and newlines shown as U+FFFD.  Caller frees. */
char *name_display (const char *name);

#endif
