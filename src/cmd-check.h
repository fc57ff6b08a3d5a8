/* cmd-check.h - `redflags check`: validate lesson files without curses. */
#ifndef RF_CMD_CHECK_H
#define RF_CMD_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "catalog.h"

/*
 * Check each path (a file, or a directory searched for *.yaml, two levels
 * deep); with no paths, every lesson, course and help file on the
 * catalogue's search path, and the settings files.
 * Every problem goes to 'err' like a compiler's, then a summary line (or,
 * with opts->json, everything as one JSON object on 'out').
 * Returns the exit status: 0 clean (warnings allowed unless werror), 1
 * problems.
 */
struct check_opts {
	bool werror;		/* --werror: warnings fail the check too */
	bool json;		/* --format json: one JSON object on 'out' */
};

int cmd_check(const char *const *paths, size_t n, struct catalog *search,
    const struct check_opts *opts, FILE *out, FILE *err);

#endif
