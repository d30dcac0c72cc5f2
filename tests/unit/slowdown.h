/* tests/unit/slowdown.h: how much slower than usual the unit tests run.  */
#ifndef BYLINE_TESTS_SLOWDOWN_H
#define BYLINE_TESTS_SLOWDOWN_H

#include <stdlib.h>

/* The factor in $BYLINE_TEST_SLOWDOWN (make check-valgrind sets it; 1
   when unset or not a number of at least 1).  A test's time limits are
   multiplied by it, and a test whose cost is mostly a third-party
   library's on a huge input may take a smaller one when it is above 1.  */
static inline double
test_slowdown (void)
{
  const char *s = getenv ("BYLINE_TEST_SLOWDOWN");
  double f = s ? strtod (s, NULL) : 1.0;
  return f >= 1.0 ? f : 1.0;
}

#endif
