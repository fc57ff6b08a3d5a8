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
#include "resources.h"
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
extern const struct ui_screen ui_gethelp_screen;

#define UI_OVERLAY_DEPTH 4

struct ui_options {
	bool color;
	bool high_contrast;
	struct help_set *help;		/* borrowed; may be empty */
	/* An author's preview: open this lesson (the catalogue's only one)
	 * at once, at this step id (may be NULL), and leave with it. */
	const char *preview_path;
	const char *preview_step;
	/* Class mode: a teacher leads the catalogue's only lesson; answers
	 * are revealed, not given; the discussion prompts are shown. */
	bool classroom;
};

struct app {
	struct catalog *catalog;	/* borrowed */
	struct progress *progress;	/* borrowed */
	const struct ui_screen *screen;
	/* Screens under the overlays ('?' keys, 'h' get help). */
	const struct ui_screen *below[UI_OVERLAY_DEPTH];
	int overlays;
	struct help_set *help;		/* borrowed */
	const char *preview_path;	/* an author's preview, or NULL */
	bool classroom;			/* a teacher-led class */
	bool first_screen;		/* say once which keys leave and help */
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
	int intro_choice;		/* 0 begin, 1 skip the lesson, 2 help */
	/* overlays */
	int help_scroll;
	int gethelp_scroll;
};

/*
 * Run the interface until the student quits, the quick exit, or a
 * signal.  Returns the exit status.  Progress is saved on every answer
 * and on the way out.
 */
int ui_app_run(struct catalog *c, struct progress *p,
    const struct ui_options *opts);

/* Preview: read the lesson's file again and keep the place; a file
 * with errors keeps the old lesson and says why. */
void ui_app_reload(struct app *a);

/* Open an entry in the player (resuming where it stopped).  A lesson
 * whose file has an error is not opened: false, and a notice says so. */
bool ui_app_open_lesson(struct app *a, struct catalog_entry *e);

/* Save the open lesson's place and results into progress. */
void ui_app_save_lesson(struct app *a, bool finished);

/* Leave the player for the home screen. */
void ui_app_close_lesson(struct app *a);

void ui_app_switch(struct app *a, const struct ui_screen *s);

/* Open an overlay over the current screen; pop goes back to it. */
void ui_app_push(struct app *a, const struct ui_screen *s);
void ui_app_pop(struct app *a);

/* The help resources as a document (the get-help screen, and pages
 * that point to help). */
struct ui_doc;
void ui_help_doc(struct ui_doc *d, struct help_set *set);

#endif
