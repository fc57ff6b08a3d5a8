/* main.c - redflags: start-up, the command line, then a command. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curses.h>
#include <term.h>
#include <unistd.h>

#include "catalog.h"
#include "cli.h"
#include "cmd-check.h"
#include "cmd-list.h"
#include "cmd-new.h"
#include "cmd-report.h"
#include "play.h"
#include "config.h"
#include "i18n.h"
#include "lesson-yaml.h"
#include "paths.h"
#include "plain.h"
#include "resources.h"
#include "settings.h"
#include "progress.h"
#include "ui-app.h"
#include "util.h"

static bool
want_color(const struct cli *cli)
{
	const char *nc = getenv("NO_COLOR");

	return !cli->no_color && (nc == NULL || *nc == '\0');
}

/* Plain mode when asked, or when a full-screen interface cannot work. */
static bool
want_plain(const struct cli *cli)
{
	const char *term = getenv("TERM");

	return cli->plain || !isatty(STDOUT_FILENO) ||
	    !isatty(STDIN_FILENO) || term == NULL || *term == '\0' ||
	    strcmp(term, "dumb") == 0;
}

enum run_mode {
	RUN_LESSONS,	/* the student's interface */
	RUN_PREVIEW,	/* an author's preview of one file */
	RUN_CLASS,	/* a teacher leads one lesson */
};

static int
run_interface(const struct cli *cli, struct catalog *c, const char *lang,
    enum run_mode mode)
{
	bool preview = mode != RUN_LESSONS;
	struct ui_options opts;
	struct settings cfg;
	struct diag_list ignored;
	struct help_set help;
	struct progress p;
	char *home, *dir, **help_dirs;
	size_t nhelp;
	bool plain = want_plain(cli);
	int err = 0, status;

	if (!plain && setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		fprintf(stderr, _("redflags: the terminal type '%s' is not "
		    "known here, so the lessons run in plain mode; try "
		    "TERM=xterm or TERM=vt100 for the full screen\n"),
		    getenv("TERM") ? getenv("TERM") : "");
		plain = true;
	} else if (!plain) {
		/* Only a check: initscr sets the terminal up again. */
		del_curterm(cur_term);
	}
	if (!preview)
		catalog_load(c, lang);
	/* Problems in help files are for 'redflags check' to show. */
	diag_list_init(&ignored);
	settings_load(&cfg, &ignored);
	if (mode == RUN_LESSONS) {
		/* Class results, when the lab keeps them: anonymous. */
		struct play_results pr = { cfg.results, cli->class_code ?
		    cli->class_code : cfg.class_code, lang };

		play_set_results(&pr);
	}
	{
		/* Help is always found where the program keeps it, even
		 * when only some lesson folders are read. */
		struct catalog where;
		size_t i;

		catalog_init(&where);
		for (i = 0; i < c->dir_count; i++)
			catalog_add_dir(&where, c->dirs[i].path,
			    c->dirs[i].origin);
		catalog_add_default_dirs(&where);
		help_dirs = catalog_help_dirs(&where, &nhelp);
		catalog_finish(&where);
	}
	/* The command line wins over the settings files. */
	/* Read when help is first shown, not before the first screen. */
	help_set_defer(&help, (const char *const *)help_dirs, nhelp, lang,
	    cli->country ? cli->country : cfg.country);
	paths_free_list(help_dirs);
	diag_list_finish(&ignored);
	home = paths_data_home();
	/* A preview is an author's: it keeps no student's progress. */
	dir = home && !preview ? paths_join(home, "redflags") : NULL;
	progress_open(&p, dir);
	if (plain) {
		char *warn = i18n_locale_notice();

		/* Before the lesson text, where it is read first. */
		if (warn != NULL)
			fprintf(stderr, "redflags: %s\n", warn);
		free(warn);
	}
	if (plain) {
		const struct help_country *now = help_set_current(&help);
		struct plain_opts po = { stdin, stdout, now, help.school, 0 };

		status = plain_run(c, &p, &po);
	} else {
		opts.color = want_color(cli);
		opts.high_contrast = cli->high_contrast;
		opts.help = &help;
		opts.preview_path = mode == RUN_PREVIEW ? cli->args[0] : NULL;
		opts.preview_step = mode == RUN_PREVIEW ? cli->step : NULL;
		opts.classroom = mode == RUN_CLASS;
		status = ui_app_run(c, &p, &opts);
	}
	help_set_finish(&help);
	play_set_results(NULL);
	settings_finish(&cfg);
	if (p.notice != NULL && !p.can_save)
		fprintf(stderr, "redflags: %s\n", p.notice);
	progress_close(&p);
	free(dir);
	free(home);
	return status;
}

/* `redflags preview FILE`: check it, then open it at once. */
static int
preview(const struct cli *cli, struct catalog *c, const char *lang)
{
	struct check_opts co = { false, false };
	struct diag_list d;
	struct lesson *l;
	const char *one[1];

	one[0] = cli->args[0];
	if (cmd_check(one, 1, c, &co, stdout, stderr) != 0)
		return 1;
	diag_list_init(&d);
	l = lesson_load(cli->args[0], &d, NULL, NULL);
	diag_list_finish(&d);
	if (l == NULL)
		return 1;
	catalog_add_lesson(c, l);
	return run_interface(cli, c, lang, RUN_PREVIEW);
}

/* `redflags class LESSON`: a lesson id from the catalogue, or a file. */
static int
classroom(const struct cli *cli, struct catalog *c, const char *lang)
{
	struct catalog one;
	struct catalog_entry *e;
	struct lesson *l = NULL;
	int status;

	catalog_load(c, lang);
	e = catalog_find(c, cli->args[0]);
	if (e != NULL) {
		struct diag_list d;

		diag_list_init(&d);
		if (catalog_open(c, &e, &d) < 0) {
			for (size_t k = 0; k < d.count; k++)
				diag_print(stderr, &d.items[k], NULL, 0);
			diag_list_finish(&d);
			return 1;
		}
		diag_list_finish(&d);
		l = e->lesson;
		e->lesson = NULL;	/* moved to 'one' below */
		e->shadowed = true;
	} else if (access(cli->args[0], R_OK) == 0) {
		struct check_opts co = { false, false };
		struct diag_list d;
		const char *path[1] = { cli->args[0] };

		if (cmd_check(path, 1, c, &co, stdout, stderr) != 0)
			return 1;
		diag_list_init(&d);
		l = lesson_load(cli->args[0], &d, NULL, NULL);
		diag_list_finish(&d);
	}
	if (l == NULL) {
		fprintf(stderr, _("redflags class: no lesson '%s'; 'redflags "
		    "list' shows the lesson ids\n"), cli->args[0]);
		return 1;
	}
	catalog_init(&one);
	for (size_t i = 0; i < c->dir_count; i++)
		catalog_add_dir(&one, c->dirs[i].path, c->dirs[i].origin);
	catalog_add_lesson(&one, l);
	status = run_interface(cli, &one, lang, RUN_CLASS);
	catalog_finish(&one);
	return status;
}

/* `redflags report [DIR]`: the settings' results folder by default. */
static int
report(const struct cli *cli)
{
	struct settings cfg;
	struct diag_list d;
	const char *dir;
	int status;

	diag_list_init(&d);
	settings_load(&cfg, &d);
	diag_list_finish(&d);
	dir = cli->arg_count > 0 ? cli->args[0] : cfg.results;
	if (dir == NULL) {
		fprintf(stderr, "%s\n", _("redflags report: name the results "
		    "folder, or set 'results:' in the settings"));
		settings_finish(&cfg);
		return 2;
	}
	status = cmd_report(dir, cli->class_code, cli->csv, stdout, stderr);
	settings_finish(&cfg);
	return status;
}

/* --lang CODE or --lang=CODE, looked for before the rest is parsed. */
static const char *
lang_option(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			return argv[i + 1];
		if (strncmp(argv[i], "--lang=", 7) == 0)
			return argv[i] + 7;
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	struct catalog c;
	struct cli cli;
	const char *lang;
	char *course_file = NULL;
	size_t i;
	int status = 0;

	i18n_setup_locale();
	/* The language first, so that every message, usage errors too,
	 * is in it. */
	{
		/* --lang, else the settings' language, else the locale. */
		struct settings cfg;
		struct diag_list d;
		const char *opt = lang_option(argc, argv);
		char *from_settings;

		diag_list_init(&d);
		settings_load(&cfg, &d);
		diag_list_finish(&d);
		from_settings = cfg.language ? xstrdup(cfg.language) : NULL;
		lang = i18n_setup(opt ? opt : from_settings);
		if (cfg.course != NULL)
			course_file = xstrdup(cfg.course);
		free(from_settings);
		settings_finish(&cfg);
	}

	if (cli_parse(&cli, argc, argv) < 0) {
		fprintf(stderr, "redflags: %s\n", cli.error);
		cli_finish(&cli);
		free(course_file);
		return 2;
	}
	if (cli.command == CLI_HELP) {
		cli_usage(stdout);
		cli_finish(&cli);
		free(course_file);
		return 0;
	}
	if (cli.command == CLI_VERSION) {
		printf("redflags %s\n", VERSION);
		cli_finish(&cli);
		free(course_file);
		return 0;
	}

	catalog_init(&c);
	if (course_file != NULL)
		catalog_use_course(&c, course_file);
	free(course_file);
	for (i = 0; i < cli.lesson_dir_count; i++)
		catalog_add_dir(&c, cli.lesson_dirs[i], "--lessons");
	catalog_add_search_path(&c);

	switch (cli.command) {
	case CLI_CHECK: {
		struct check_opts co = { cli.werror, cli.json };

		status = cmd_check(cli.args, cli.arg_count, &c, &co, stdout,
		    stderr);
		break;
	}
	case CLI_NEW:
		status = cmd_new(cli.args[0], cli.topic, stderr);
		break;
	case CLI_PREVIEW:
		status = preview(&cli, &c, lang);
		break;
	case CLI_CLASS:
		status = classroom(&cli, &c, lang);
		break;
	case CLI_REPORT:
		status = report(&cli);
		break;
	case CLI_LIST:
		catalog_load(&c, lang);
		status = cmd_list(&c, stdout);
		break;
	case CLI_RUN:
		status = run_interface(&cli, &c, lang, RUN_LESSONS);
		break;
	default:
		break;
	}
	catalog_finish(&c);
	cli_finish(&cli);
	return status;
}
