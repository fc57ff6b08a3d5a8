/*
 * settings.h - the lab's settings: a per-user file
 * ($XDG_CONFIG_HOME/redflags/config.yaml, by default
 * ~/.config/redflags/config.yaml) over a system-wide one
 * (/etc/redflags/config.yaml, or $REDFLAGS_SYSTEM_CONFIG).  A setting in
 * the user's file wins; the command line wins over both.  No curses.
 */
#ifndef RF_SETTINGS_H
#define RF_SETTINGS_H

#include "diag.h"

struct settings {
	char *country;		/* the help to show: "GB", "international" */
	char *results;		/* the lab's class results folder, or NULL */
	char *class_code;	/* a class code put in each result record */
	char *language;		/* the default language: "es" */
	char *course;		/* a course file to use instead of the first */
};

/*
 * Read the system file, then the user's over it.  Missing files are
 * fine; problems in a file go to 'diags' and that file's settings are
 * ignored.  settings_finish frees.
 */
void settings_load(struct settings *c, struct diag_list *diags);

/* Read one file over what *c holds (for tests and the two files). */
int settings_read(struct settings *c, const char *path, struct diag_list *diags);

void settings_finish(struct settings *c);

#endif
