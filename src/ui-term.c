/* ui-term.c: whether the terminal can show the reader, asked of terminfo
   before curses starts (initscr would print its own message and exit on an
   unknown TERM, and draws nothing usable on one without cursor movement).
   Alone in its file: <term.h> defines macros named like ordinary words. */
#include "system.h"
#include "ui.h"

#include <unistd.h>

#include <curses.h>
#include <term.h>

char *
ui_term_problem (void)
{
  const char *term = getenv ("TERM");
  if (term == NULL || *term == '\0')
    return xstrdup (_("TERM is not set"));
  int err = 0;
  if (setupterm (NULL, STDOUT_FILENO, &err) != OK)
    /* TRANSLATORS: the placeholder is the value of $TERM. */
    return xasprintf (_("the terminal type '%s' is unknown to terminfo"),
                      term);
  char *cup = tigetstr ((char *) "cup");
  bool moves = cup != NULL && cup != (char *) -1;
  del_curterm (cur_term);
  if (!moves)
    /* TRANSLATORS: the placeholder is the value of $TERM. */
    return xasprintf (_("the terminal type '%s' cannot move the cursor"),
                      term);
  return NULL;
}
