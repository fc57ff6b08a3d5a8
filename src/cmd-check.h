/* cmd-check.h - `redflags check`: validate lesson files without curses. */
#ifndef RF_CMD_CHECK_H
#define RF_CMD_CHECK_H

#include <stddef.h>
#include <stdio.h>

#include "catalog.h"

/*
 * Check each path (a file, or a directory searched for *.yaml, two levels
 * deep); with no paths, every lesson, course and help file on the
 * catalogue's search path, and the settings files.
 * Every problem goes to 'err' like a compiler's, then a summary line.
 * Returns the exit status: 0 clean (warnings allowed), 1 problems.
 */
int cmd_check(const char *const *paths, size_t n, struct catalog *search,
    FILE *err);

#endif
