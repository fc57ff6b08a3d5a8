/* ui-app.c - the interface's main loop. */
#include "ui-app.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "lesson-check.h"
#include "lesson-yaml.h"
#include "play.h"
#include "ui-draw.h"
#include "ui-term.h"
#include "util.h"

/*
 * REDFLAGS_KEY_TIMES=FILE (for bench/): the time from reading each key to
 * the end of its redraw, in microseconds, one per line, written to FILE
 * when the program ends.  Nothing is kept without it.
 */
#define KEY_TIMES_MAX 4096
static double *key_times;
static size_t key_times_n;
static struct timespec key_t0;

static void
key_times_start(void)
{
	if (getenv("REDFLAGS_KEY_TIMES") != NULL && key_times == NULL)
		key_times = xcalloc(KEY_TIMES_MAX, sizeof *key_times);
}

static void
key_times_key(void)
{
	if (key_times != NULL)
		clock_gettime(CLOCK_MONOTONIC, &key_t0);
}

static void
key_times_drawn(void)
{
	struct timespec t;

	if (key_times == NULL || key_times_n == KEY_TIMES_MAX)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	key_times[key_times_n++] = (double)(t.tv_sec - key_t0.tv_sec) * 1e6 +
	    (double)(t.tv_nsec - key_t0.tv_nsec) / 1e3;
}

static void
key_times_finish(void)
{
	const char *path = getenv("REDFLAGS_KEY_TIMES");
	FILE *f;
	size_t i;

	if (key_times == NULL)
		return;
	if (path != NULL && (f = fopen(path, "w")) != NULL) {
		for (i = 0; i < key_times_n; i++)
			fprintf(f, "%.1f\n", key_times[i]);
		fclose(f);
	}
	free(key_times);
	key_times = NULL;
	key_times_n = 0;
}

void
ui_app_switch(struct app *a, const struct ui_screen *s)
{
	a->screen = s;
}

void
ui_app_push(struct app *a, const struct ui_screen *s)
{
	if (a->screen == s)
		return;
	if (a->overlays == UI_OVERLAY_DEPTH) {
		/* Deep enough: replace the top overlay. */
		a->screen = s;
		return;
	}
	a->below[a->overlays++] = a->screen;
	a->screen = s;
	if (s == &ui_help_screen)
		a->help_scroll = 0;
	if (s == &ui_gethelp_screen)
		a->gethelp_scroll = 0;
}

void
ui_app_pop(struct app *a)
{
	if (a->overlays > 0)
		a->screen = a->below[--a->overlays];
	else
		a->screen = &ui_home_screen;
}

bool
ui_app_open_lesson(struct app *a, struct catalog_entry *e)
{
	struct diag_list d;

	diag_list_init(&d);
	if (catalog_open(a->catalog, &e, &d) < 0) {
		free(a->notice);
		a->notice = catalog_open_problem(e, &d);
		diag_list_finish(&d);
		return false;
	}
	diag_list_finish(&d);
	a->lesson = e;
	play_open(&a->quiz, e->lesson, a->progress);
	a->player_scroll = 0;
	a->player_follow = true;
	a->intro_choice = 0;
	a->first_screen = false;
	ui_app_switch(a, &ui_player_screen);
	return true;
}

void
ui_app_save_lesson(struct app *a, bool finished)
{
	/* Nothing is saved about anyone in a class. */
	if (a->lesson != NULL && !a->classroom)
		play_save(a->progress, &a->quiz, finished);
}

void
ui_app_reload(struct app *a)
{
	const struct lesson_step *at = quiz_current(&a->quiz);
	struct diag_list d;
	struct lesson *fresh;
	size_t step = a->quiz.step, i;

	if (a->preview_path == NULL || a->lesson == NULL)
		return;
	diag_list_init(&d);
	fresh = lesson_load(a->preview_path, &d, NULL, NULL);
	if (fresh != NULL)
		lesson_check(fresh, &d);
	free(a->notice);
	a->notice = NULL;
	if (fresh == NULL || diag_count(&d, DIAG_ERROR) > 0) {
		const struct diag *first = diag_first(&d, DIAG_ERROR);

		a->notice = first != NULL ? diag_format(first) :
		    xstrdup(_("the file could not be read"));
		lesson_destroy(fresh);
		diag_list_finish(&d);
		return;
	}
	diag_list_finish(&d);
	/* The same step by id when it still exists, else the same place. */
	if (at != NULL && at->id != NULL) {
		for (i = 0; i < fresh->step_count; i++) {
			if (fresh->steps[i].id != NULL &&
			    strcmp(fresh->steps[i].id, at->id) == 0)
				step = i;
		}
	}
	{
		bool intro = a->quiz.phase == QUIZ_INTRO;

		quiz_finish(&a->quiz);
		lesson_destroy(a->lesson->lesson);
		a->lesson->lesson = fresh;
		quiz_init(&a->quiz, fresh);
		if (!intro)
			quiz_goto(&a->quiz, step);
	}
	a->notice = xstrdup(_("Reloaded."));
}

void
ui_app_close_lesson(struct app *a)
{
	ui_app_save_lesson(a, false);
	quiz_finish(&a->quiz);
	a->lesson = NULL;
	ui_app_switch(a, &ui_home_screen);
	if (a->preview_path != NULL || a->classroom)
		a->running = false;	/* these end with their lesson */
}

/* The emergency line of the help shown now, for the too-small screen. */
static char *
emergency_line(const struct app *a)
{
	const struct help_country *h = help_set_current(a->help);
	size_t i;

	for (i = 0; h != NULL && i < h->entry_count; i++) {
		const struct help_entry *e = &h->entries[i];

		if (e->kind == HELP_EMERGENCY && e->phone != NULL)
			return xasprintf(_("Need help now? Talk to an adult you "
			    "trust. In danger, call %s."), e->phone);
	}
	return xstrdup(_("Need help now? Talk to an adult you trust, or call "
	    "your local emergency number."));
}

static void
draw(struct app *a)
{
	/* The help files are read for the emergency line only when it is
	 * shown, so they stay unread until then (help is loaded on first
	 * use). */
	char *extra = COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS ?
	    emergency_line(a) : NULL;
	bool small = ui_too_small(extra);

	free(extra);
	if (small) {
		refresh();
		return;
	}
	a->screen->draw(a);
	refresh();
}

static void
leave(struct app *a)
{
	if (a->lesson != NULL)
		ui_app_save_lesson(a, false);
	a->running = false;
}

int
ui_app_run(struct catalog *c, struct progress *p,
    const struct ui_options *opts)
{
	struct app a;
	int status = 0, sig;

	memset(&a, 0, sizeof a);
	a.catalog = c;
	a.progress = p;
	a.screen = &ui_home_screen;
	a.running = true;
	a.help = opts->help;
	a.first_screen = opts->preview_path == NULL;
	a.preview_path = opts->preview_path;
	a.classroom = opts->classroom;
	if (a.classroom)
		a.first_screen = false;
	if (c->files_failed > 0)
		a.notice = xasprintf(ngettext("%zu lesson file has errors and "
		    "is left out; a teacher can run 'redflags check' to see "
		    "why.", "%zu lesson files have errors and are left out; a "
		    "teacher can run 'redflags check' to see why.",
		    c->files_failed), c->files_failed);

	{
		/* Said on the home screen, beside any other notice. */
		char *warn = i18n_locale_notice();

		if (warn != NULL && a.notice != NULL) {
			char *both = xasprintf("%s %s", warn, a.notice);

			free(warn);
			free(a.notice);
			a.notice = both;
		} else if (warn != NULL) {
			a.notice = warn;
		}
	}
	ui_term_start(opts->color, opts->high_contrast);
	if ((a.preview_path != NULL || a.classroom) && c->count > 0) {
		struct lesson *l;
		size_t i;

		if (ui_app_open_lesson(&a, &c->entries[0]))
			l = c->entries[0].lesson;
		else
			l = NULL;
		for (i = 0; l != NULL && opts->preview_step != NULL &&
		    i < l->step_count;
		    i++) {
			if (l->steps[i].id != NULL &&
			    strcmp(l->steps[i].id, opts->preview_step) == 0)
				quiz_goto(&a.quiz, i);
		}
	}
	draw(&a);
	key_times_start();
	while (a.running) {
		int key = ui_term_getkey(), arg = 0;
		unsigned ctx;
		enum ui_action act;

		if ((sig = ui_term_signal()) != 0) {
			leave(&a);
			status = 128 + sig;
			break;
		}
		if (key == ERR)
			continue;
		key_times_key();
		if (key == KEY_RESIZE) {
			draw(&a);
			continue;
		}
		if (COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS)
			ctx = CTX_TOO_SMALL;
		else
			ctx = a.screen->context(&a);
		if (a.preview_path != NULL && a.screen == &ui_player_screen)
			ctx |= CTX_PREVIEW;
		act = ui_keys_action(ctx, key, &arg);
		if (act == ACT_QUICK_EXIT) {
			leave(&a);
			a.quick_exit = true;
			break;
		}
		if (ctx == CTX_TOO_SMALL) {
			if (act == ACT_BACK && a.screen == &ui_home_screen)
				leave(&a);
			continue;
		}
		if (act == ACT_KEYS) {
			ui_app_push(&a, &ui_help_screen);
		} else if (act == ACT_GET_HELP) {
			ui_app_push(&a, &ui_gethelp_screen);
		} else if (act == ACT_RELOAD) {
			ui_app_reload(&a);
		} else if (act != ACT_NONE) {
			a.screen->action(&a, act, arg);
		}
		if (a.running) {
			draw(&a);
			key_times_drawn();
		}
	}
	key_times_finish();
	if (a.quick_exit)
		ui_term_wipe_and_stop();
	else
		ui_term_stop();
	if (a.lesson != NULL)
		quiz_finish(&a.quiz);
	free(a.notice);
	return status;
}
