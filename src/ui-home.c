/* ui-home.c - the home screen: lessons by topic, with their status. */
#include "ui-app.h"

#include <stdlib.h>
#include <string.h>

#include "course.h"
#include "i18n.h"
#include "text.h"
#include "ui-draw.h"
#include "util.h"

static char *
status_text(const struct progress_entry *pe, const char **mark)
{
	*mark = " ";
	if (pe == NULL)
		return xstrdup(_("new"));
	if (pe->status == PROGRESS_FINISHED) {
		*mark = ui_sym()->right;
		return xasprintf(_("done %d/%d"), pe->score, pe->max_score);
	}
	*mark = ui_sym()->ellipsis[0] == '.' ? "~" : ui_sym()->ellipsis;
	return xasprintf(_("step %d of %d"), pe->step + 1, pe->step_count);
}

/* The visible entries, in display order; returns how many. */
static int
visible(struct app *a, int *out)
{
	size_t i;
	int n = 0;

	for (i = 0; i < a->catalog->count; i++) {
		if (!a->catalog->entries[i].shadowed)
			out[n++] = (int)i;
	}
	return n;
}

/* The recommended next lesson: the first in the course's order (or the
 * list's) that is not finished.  -1 when all are. */
static int
next_lesson(const struct app *a, const int *idx, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		const struct lesson *l = a->catalog->entries[idx[i]].lesson;
		const struct progress_entry *pe = progress_get(a->progress,
		    l->id);

		if (pe == NULL || pe->status != PROGRESS_FINISHED)
			return i;
	}
	return -1;
}

/* Lesson i's line on the list (the cursor's, "next"...). */
static char *
lesson_line(struct app *a, const int *idx, int i, int next, int width)
{
	const struct catalog_entry *e = &a->catalog->entries[idx[i]];
	const struct lesson *l = e->lesson;
	const struct progress_entry *pe = progress_get(a->progress, l->id);
	const char *mark;
	char *st = status_text(pe, &mark);
	char *m = xasprintf(_("%d min"), l->minutes);
	char *mins = ui_fit(m, 8);	/* by display width, not bytes */
	int title_cols = width - 2 - 2 - 2 - 8 - 16;
	char *named = catalog_is_fallback(a->catalog, e) ?
	    xasprintf(_("%s (in English)"), l->title) : xstrdup(l->title);
	char *title = ui_fit(named, title_cols < 10 ? 10 : title_cols);
	char *line;

	if (i == next && pe == NULL) {
		free(st);
		st = xstrdup(_("next"));
	}
	line = xasprintf("%s %s %s  %s  %s",
	    i == a->home_cursor ? ui_sym()->pointer : " ", mark, title, mins,
	    st);
	free(m);
	free(named);
	free(title);
	free(mins);
	free(st);
	return line;
}

/*
 * The list can hold hundreds of lessons: its lines are placeholders
 * (a lesson's index, or a group heading's) and only those in view are
 * made, so a key press costs the same with 10 lessons or 500.
 */
#define HEADING_TAG(i)	(-2 - (i))

static void
home_draw(struct app *a)
{
	int top, rows, n, i, at, next;
	int *idx = xcalloc(a->catalog->count + 1, sizeof *idx);
	int last_group = -1;
	struct ui_doc d;
	size_t k;
	const char *right = a->progress->can_save ? NULL :
	    _("progress not saved");

	ui_frame("redflags", right, CTX_HOME, &top, &rows);
	ui_doc_init(&d, COLS - 2);
	if (a->first_screen) {
		/* Only promise what is true: progress may not be saved. */
		ui_doc_text(&d, a->progress->can_save ? _("Press h at any "
		    "time to see where to get help. Press x at any time to "
		    "leave at once: the screen is cleared and your progress is "
		    "kept.") : _("Press h at any time to see where to get help. "
		    "Press x at any time to leave at once: the screen is "
		    "cleared."), UI_NOTICE, 0, NULL, false);
		ui_doc_blank(&d);
	}
	/* Notices first, where they are seen.  Read live: a save that
	 * fails later (a full disk) shows here. */
	if (a->progress->notice != NULL) {
		ui_doc_text(&d, a->progress->notice, UI_NOTICE, 0, NULL, false);
		ui_doc_blank(&d);
	}
	if (a->notice != NULL) {
		ui_doc_text(&d, a->notice, UI_NOTICE, 0, NULL, false);
		ui_doc_blank(&d);
	}
	n = visible(a, idx);
	if (a->home_cursor >= n)
		a->home_cursor = n > 0 ? n - 1 : 0;
	next = next_lesson(a, idx, n);
	if (a->catalog->course != NULL) {
		ui_doc_text(&d, a->catalog->course->title, UI_HEADER, 0, NULL,
		    false);
		ui_doc_blank(&d);
	}
	for (i = 0; i < n; i++) {
		int group = a->catalog->entries[idx[i]].group;

		if (group != last_group) {
			if (last_group != -1)
				ui_doc_blank(&d);
			ui_doc_placeholder(&d, HEADING_TAG(i), UI_TITLE, 0,
			    false);
			last_group = group;
		}
		ui_doc_placeholder(&d, i, i == a->home_cursor ? UI_SELECTED :
		    UI_NORMAL, 1, i == a->home_cursor);
	}
	if (n == 0) {
		ui_doc_text(&d, _("No lessons were found. Run 'redflags list' "
		    "to see where redflags looks for them, or start it with "
		    "--lessons DIR."), UI_NOTICE, 0, NULL, false);
	}
	ui_doc_view(&d, rows, &a->home_scroll, true);
	for (k = (size_t)a->home_scroll; k < d.count &&
	    k < (size_t)a->home_scroll + (size_t)rows; k++) {
		int tag = d.lines[k].tag;
		char *text = NULL;

		if (tag >= 0) {
			text = lesson_line(a, idx, tag, next, d.width);
		} else if (tag <= HEADING_TAG(0)) {
			const struct lesson *l = a->catalog->entries[
			    idx[HEADING_TAG(0) - tag]].lesson;

			(void)catalog_group(a->catalog, l, &text);
		}
		if (text != NULL) {
			ui_doc_fill(&d, k, text);
			free(text);
		}
	}
	at = ui_doc_draw(&d, top, rows, &a->home_scroll, true);
	ui_cursor_at(at, 2);	/* readers and magnifiers follow it */
	ui_doc_finish(&d);
	free(idx);
}

static unsigned
home_context(struct app *a)
{
	(void)a;
	return CTX_HOME;
}

static void
home_action(struct app *a, enum ui_action act, int arg)
{
	int *idx = xcalloc(a->catalog->count + 1, sizeof *idx);
	int n = visible(a, idx);

	(void)arg;
	switch (act) {
	case ACT_UP:
		if (a->home_cursor > 0)
			a->home_cursor--;
		break;
	case ACT_DOWN:
		if (a->home_cursor + 1 < n)
			a->home_cursor++;
		break;
	case ACT_PAGE_UP:
		a->home_cursor = a->home_cursor > 10 ? a->home_cursor - 10 : 0;
		break;
	case ACT_PAGE_DOWN:
		a->home_cursor = a->home_cursor + 10 < n ?
		    a->home_cursor + 10 : (n > 0 ? n - 1 : 0);
		break;
	case ACT_CONFIRM:
		if (n > 0)
			ui_app_open_lesson(a,
			    &a->catalog->entries[idx[a->home_cursor]]);
		break;
	case ACT_BACK:
		a->running = false;
		break;
	default:
		break;
	}
	free(idx);
}

const struct ui_screen ui_home_screen = {
	"home", home_context, home_draw, home_action,
};
