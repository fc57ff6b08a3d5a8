/*
 * plain.h - the lessons as plain text, for screen readers, braille
 * displays, TERM=dumb and scripts.  No curses, no colour, no cursor
 * movement: everything is printed once, in reading order, and answers
 * are read a line at a time.  The same engine (quiz.h), lessons
 * (catalog.h), progress (progress.h) and help (resources.h) as the
 * ncurses interface.
 *
 * At every prompt: h (or help) prints where to get help and asks again;
 * x (or exit) saves and leaves at once; q (or quit) goes back from a
 * lesson to the list, and from the list quits.  The end of the input
 * saves and leaves, like x.
 */
#ifndef RF_PLAIN_H
#define RF_PLAIN_H

#include <stdio.h>

#include "catalog.h"
#include "progress.h"
#include "resources.h"

struct plain_opts {
	FILE *in;			/* answers, one per line */
	FILE *out;			/* everything the student reads */
	const struct help_country *help;	/* may be NULL */
	const struct help_country *school;	/* may be NULL */
	int width;			/* wrap width; 0 = 80 */
};

/* Run the lessons in plain text until the student quits or input ends.
 * Progress is saved on every answer and on the way out.  Returns the
 * exit status (0). */
int plain_run(struct catalog *c, struct progress *p,
    const struct plain_opts *o);

/* Print the help resources (used by the plain mode's 'h' and by
 * `redflags help`). */
void plain_print_help(FILE *out, const struct help_country *help,
    const struct help_country *school, int width);

#endif
