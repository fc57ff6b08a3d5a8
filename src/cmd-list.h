/* cmd-list.h - `redflags list`: the lessons found and where from. */
#ifndef RF_CMD_LIST_H
#define RF_CMD_LIST_H

#include <stdio.h>

#include "catalog.h"

/* Print the search path and every lesson of a loaded catalogue to 'out'.
 * Returns the exit status (0). */
int cmd_list(const struct catalog *c, FILE *out);

#endif
