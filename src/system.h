/* system.h: what every byline source file includes first. */
#ifndef BYLINE_SYSTEM_H
#define BYLINE_SYSTEM_H

#include <config.h>

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined ENABLE_NLS && ENABLE_NLS
# include <libintl.h>
# define _(s) gettext (s)
# define P_(s, p, n) ngettext ((s), (p), (n))
#else
# define _(s) ((const char *) (s))
# define P_(s, p, n) ((n) == 1 ? (s) : (p))
# define textdomain(d) ((void) 0)
# define bindtextdomain(d, dir) ((void) 0)
# define bind_textdomain_codeset(d, c) ((void) 0)
#endif
#define N_(s) (s)

#define ARRAY_SIZE(a) (sizeof (a) / sizeof ((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

#if defined __GNUC__
# define BYLINE_PRINTF(f, a) __attribute__ ((format (printf, f, a)))
# define BYLINE_NORETURN __attribute__ ((noreturn))
#else
# define BYLINE_PRINTF(f, a)
# define BYLINE_NORETURN
#endif

#include "xalloc.h"

#endif
