/* cli.h - the command line: which command, which options. */
#ifndef RF_CLI_H
#define RF_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum cli_command {
	CLI_RUN,	/* the interface */
	CLI_CHECK,	/* validate lesson files */
	CLI_LIST,	/* lessons found and where from */
	CLI_NEW,	/* write a template lesson */
	CLI_PREVIEW,	/* open one lesson straight away */
	CLI_CLASS,	/* a teacher leads one lesson on a projector */
	CLI_REPORT,	/* what a class understood, from result records */
	CLI_HELP,
	CLI_VERSION,
};

struct cli {
	enum cli_command command;
	const char **lesson_dirs;	/* --lessons, in order (borrowed) */
	size_t lesson_dir_count;
	const char **args;		/* check's FILE|DIR (borrowed) */
	size_t arg_count;
	bool no_color;
	bool werror;			/* check --werror */
	bool json;			/* check --format json */
	const char *topic;		/* new --topic */
	const char *step;		/* preview --step ID */
	const char *class_code;		/* --class CODE */
	bool csv;			/* report --csv */
	bool high_contrast;
	bool plain;			/* --plain: no curses */
	const char *country;		/* --country CODE, or NULL */
	const char *lang;		/* --lang CODE, or NULL */
	char *error;			/* a usage problem, or NULL; owned */
};

/* Parse argv.  Returns 0, or -1 with c->error set.  cli_finish frees. */
int cli_parse(struct cli *c, int argc, char **argv);
void cli_finish(struct cli *c);

/* The --help text. */
void cli_usage(FILE *out);

#endif
