/* cmd-show.c: `byline show`: metadata and clean text of files, no index. */
#include "system.h"
#include "cmd.h"
