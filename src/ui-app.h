/*
 * ui-app.h - the interface's context and main loop.  Screens are small
 * tables of functions (draw, key) in one file each: ui-home.c (the lesson
 * list), ui-player.c (a lesson), ui-help.c (the '?' keys overlay).
 */
#ifndef RF_UI_APP_H
#define RF_UI_APP_H

#include <stdbool.h>

#include "catalog.h"
#include "progress.h"
#include "quiz.h"
#include "ui-keys.h"

struct app;

struct ui_screen {
	const char *name;
	/* The key context for the footer and the table (CTX_*). */
	unsigned (*context)(struct app *);
	void (*draw)(struct app *);
	void (*action)(struct app *, enum ui_action, int arg);
};

extern const struct ui_screen ui_home_screen;
extern const struct ui_screen ui_player_screen;
extern const struct ui_screen ui_help_screen;

struct app {
	struct catalog *catalog;	/* borrowed */
	struct progress *progress;	/* borrowed */
	const struct ui_screen *screen;
	const struct ui_screen *below;	/* under the '?' overlay */
	bool running;
	bool quick_exit;
	/* home */
	int home_cursor;		/* index into catalog entries */
	int home_scroll;
	char *notice;			/* one-off message on the home screen */
	/* player */
	struct catalog_entry *lesson;	/* open lesson, or NULL */
	struct quiz quiz;
	int player_scroll;
	bool player_follow;		/* keep the focused line in view */
	bool player_nudge;		/* Enter on a multi with nothing marked */
	/* help overlay */
	int help_scroll;
};

/*
 * Run the interface until the student quits, the quick exit, or a
 * signal.  Returns the exit status.  Progress is saved on every answer
 * and on the way out.
 */
int ui_app_run(struct catalog *c, struct progress *p, bool color);

/* Open an entry in the player (resuming where it stopped). */
void ui_app_open_lesson(struct app *a, struct catalog_entry *e);

/* Save the open lesson's place and results into progress. */
void ui_app_save_lesson(struct app *a, bool finished);

/* Leave the player for the home screen. */
void ui_app_close_lesson(struct app *a);

void ui_app_switch(struct app *a, const struct ui_screen *s);

#endif
