/* cmd.h: the shell commands.  Each takes the arguments after the command
   name (argv[0] is the command name) and returns the exit status:
   0 success, 1 some input failed (the rest was done), 2 usage or fatal. */
#ifndef BYLINE_CMD_H
#define BYLINE_CMD_H

int cmd_show (int argc, char **argv);
/* The curses reader: `byline [OPTION]... [DIR|FILE]` (argv[0] is the
   program); refuses to run (2) when stdout is not a terminal. */
int cmd_reader (int argc, char **argv);
int cmd_index (int argc, char **argv);
int cmd_list (int argc, char **argv);
int cmd_search (int argc, char **argv);
int cmd_reprints (int argc, char **argv);
int cmd_diff (int argc, char **argv);

/* Prints "Try 'byline CMD --help'." on stderr and returns 2. */
int cmd_usage_error (const char *cmd);

#endif
