/* cmd-new.h - `redflags new FILE --topic T`: a template lesson to edit. */
#ifndef RF_CMD_NEW_H
#define RF_CMD_NEW_H

#include <stdio.h>

/*
 * Write a commented template lesson of 'topic' to 'path' (never over an
 * existing file); it passes `redflags check` as written.  Messages to
 * 'err'.  Returns the exit status.
 */
int cmd_new(const char *path, const char *topic, FILE *err);

#endif
