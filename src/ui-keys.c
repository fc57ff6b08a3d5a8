/* ui-keys.c - the key table. */
#include "ui-keys.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

#define CTX_PLAYER (CTX_INTRO | CTX_PAGE | CTX_CHOICE | CTX_MULTI | \
	CTX_FEEDBACK | CTX_SUMMARY)
#define CTX_QUESTION (CTX_CHOICE | CTX_MULTI)
/* Where the arrows and numbers choose something. */
#define CTX_PICKING (CTX_QUESTION | CTX_CHAT | CTX_STORY | CTX_ORDER | \
	CTX_INTRO)
#define CTX_ANSWERING (CTX_QUESTION | CTX_CHAT | CTX_STORY | CTX_ORDER)

const struct ui_binding ui_bindings[] = {
	{ { KEY_UP, 'k', 0 }, "\xe2\x86\x91\xe2\x86\x93", "Up/Down", ACT_UP,
	    CTX_ALL & ~CTX_TOO_SMALL, CTX_HOME | CTX_PICKING, N_("move"),
	    N_("Move up (Down or j moves down); on long pages, scroll") },
	{ { KEY_DOWN, 'j', 0 }, NULL, NULL, ACT_DOWN,
	    CTX_ALL & ~CTX_TOO_SMALL, 0, NULL, NULL },
	{ { KEY_PPAGE, 0 }, "PgUp", "PgUp", ACT_PAGE_UP,
	    CTX_ALL & ~CTX_TOO_SMALL, 0, NULL,
	    N_("Scroll up a screen (PgDn scrolls down)") },
	{ { KEY_NPAGE, 0 }, NULL, NULL, ACT_PAGE_DOWN,
	    CTX_ALL & ~CTX_TOO_SMALL, 0, NULL, NULL },
	{ { '1', '2', '3', 0 }, "1-8", "1-8", ACT_PICK,
	    CTX_QUESTION | CTX_STORY | CTX_ORDER | CTX_INTRO, 0, NULL,
	    N_("Choose an option by its number") },
	{ { ' ', 0 }, "Space", "Space", ACT_TOGGLE,
	    CTX_MULTI | CTX_CHAT | CTX_ORDER, CTX_MULTI, N_("mark"),
	    N_("Mark or unmark the option (questions with several right "
	    "answers); in a chat, flag the message as a red flag; when "
	    "putting things in order, pick the item up and put it down") },
	{ { 0 }, "Space", "Space", ACT_TOGGLE, 0, CTX_CHAT, N_("flag"), NULL },
	{ { 0 }, "Space", "Space", ACT_TOGGLE, 0, CTX_ORDER,
	    N_("pick up"), NULL },
	{ { '\r', '\n', KEY_ENTER, 0 }, "Enter", "Enter", ACT_CONFIRM,
	    CTX_ALL & ~(CTX_KEYS | CTX_TOO_SMALL), CTX_HOME, N_("open"),
	    N_("Open the lesson, answer, or go on") },
	{ { 0 }, "Enter", "Enter", ACT_CONFIRM, 0, CTX_INTRO, N_("choose"),
	    NULL },
	{ { 0 }, "Enter", "Enter", ACT_CONFIRM, 0, CTX_QUESTION, N_("answer"),
	    NULL },
	{ { 0 }, "Enter", "Enter", ACT_CONFIRM, 0, CTX_CHAT | CTX_ORDER,
	    N_("check"), NULL },
	{ { 0 }, "Enter", "Enter", ACT_CONFIRM, 0, CTX_STORY, N_("choose"),
	    NULL },
	{ { 0 }, "Enter", "Enter", ACT_CONFIRM, 0,
	    CTX_PAGE | CTX_FEEDBACK | CTX_ENDING, N_("next"), NULL },
	{ { 'b', KEY_BACKSPACE, 0 }, "b", "b", ACT_STORY_BACK,
	    CTX_STORY | CTX_ENDING, CTX_STORY | CTX_ENDING, N_("back a step"),
	    N_("In a story, go back one step and try another choice") },
	{ { 0 }, "Enter", "Enter", ACT_CONFIRM, 0, CTX_SUMMARY, N_("finish"),
	    NULL },
	{ { 't', 0 }, "t", "t", ACT_HINT, CTX_QUESTION | CTX_CHAT | CTX_ORDER,
	    CTX_QUESTION | CTX_CHAT | CTX_ORDER, N_("hint"),
	    N_("Show the question's hint, when it has one") },
	{ { 's', 0 }, "s", "s", ACT_SKIP, CTX_ANSWERING | CTX_PAGE,
	    CTX_ANSWERING, N_("skip"),
	    N_("Skip this question; skipping is never counted as wrong") },
	{ { '?', 0 }, "?", "?", ACT_KEYS, CTX_ALL & ~(CTX_KEYS | CTX_TOO_SMALL),
	    CTX_ALL & ~(CTX_KEYS | CTX_TOO_SMALL), N_("keys"),
	    N_("Show this list of keys") },
	{ { 'r', 0 }, "r", "r", ACT_RELOAD, CTX_PREVIEW, CTX_PREVIEW,
	    N_("reload"), N_("When previewing a lesson: read the file again, "
	    "keeping your place") },
	{ { 'h', KEY_F(1), 0 }, "h", "h", ACT_GET_HELP,
	    CTX_ALL & ~CTX_GETHELP, CTX_ALL & ~CTX_GETHELP, N_("get help"),
	    N_("Get help: who to talk to and where to report, from any "
	    "screen") },
	{ { 'c', 0 }, "c", "c", ACT_COUNTRY, CTX_GETHELP, CTX_GETHELP,
	    N_("change country"), N_("On the get-help screen, show another "
	    "country's services") },
	{ { 'q', 27, 0 }, "q", "q", ACT_BACK, CTX_ALL,
	    CTX_KEYS | CTX_TOO_SMALL | CTX_GETHELP,
	    N_("back"), N_("Go back: from a lesson to the list (your place is "
	    "kept); from the list, quit") },
	{ { 0 }, "q", "q", ACT_BACK, 0, CTX_ALL & ~(CTX_HOME | CTX_KEYS |
	    CTX_TOO_SMALL | CTX_GETHELP), N_("list"), NULL },
	{ { 0 }, "q", "q", ACT_BACK, 0, CTX_HOME, N_("quit"), NULL },
	{ { 'x', 'X', 0 }, "x", "x", ACT_QUICK_EXIT, CTX_ALL, CTX_ALL,
	    N_("quick exit"), N_("Quick exit: leave at once and clear the "
	    "screen; your progress is saved") },
};

const size_t ui_binding_count = RF_ARRAY_LEN(ui_bindings);

enum ui_action
ui_keys_action(unsigned ctx, int key, int *arg)
{
	size_t i, k;

	for (i = 0; i < ui_binding_count; i++) {
		/* The number keys are one row: '1'..'8' give 0..7. */
		if (ui_bindings[i].action == ACT_PICK && key >= '1' &&
		    key <= '8' && (ui_bindings[i].contexts & ctx)) {
			*arg = key - '1';
			return ACT_PICK;
		}
	}
	for (i = 0; i < ui_binding_count; i++) {
		const struct ui_binding *b = &ui_bindings[i];

		if (!(b->contexts & ctx) || b->action == ACT_PICK)
			continue;
		for (k = 0; k < RF_ARRAY_LEN(b->keys) && b->keys[k] != 0; k++) {
			if (b->keys[k] == key)
				return b->action;
		}
	}
	return ACT_NONE;
}

/* Which hints go first when the footer is too narrow: 0 never. */
static int
drop_rank(enum ui_action a)
{
	switch (a) {
	case ACT_KEYS:
	case ACT_GET_HELP:
	case ACT_BACK:
	case ACT_QUICK_EXIT:
		return 0;
	case ACT_HINT:
	case ACT_SKIP:
		return 1;
	case ACT_UP:
		return 2;
	case ACT_STORY_BACK:
	case ACT_COUNTRY:
	case ACT_RELOAD:
		return 3;
	default:
		return 4;
	}
}

char *
ui_keys_footer(unsigned ctx, int cols, int utf8)
{
	const struct ui_binding *parts[RF_ARRAY_LEN(ui_bindings)];
	size_t n = 0, i;
	int rank;
	struct buf b;

	for (i = 0; i < ui_binding_count; i++) {
		const struct ui_binding *bd = &ui_bindings[i];

		if ((bd->footer & ctx) && bd->hint != NULL)
			parts[n++] = bd;
	}
	/* Drop the least needed hints, the last ones first, until the
	 * line fits; help, back and the quick exit always stay. */
	for (rank = 1;; ) {
		buf_init(&b);
		buf_add(&b, "", 0);
		for (i = 0; i < n; i++) {
			if (parts[i] == NULL)
				continue;
			if (b.len > 0)
				buf_adds(&b, "  ");
			buf_adds(&b, utf8 ? parts[i]->label :
			    parts[i]->ascii_label);
			buf_addc(&b, ' ');
			buf_adds(&b, _(parts[i]->hint));
		}
		if (text_width(b.data) <= cols || rank > 4)
			break;
		buf_finish(&b);
		for (i = n; i-- > 0;) {
			if (parts[i] != NULL &&
			    drop_rank(parts[i]->action) == rank) {
				parts[i] = NULL;
				break;
			}
		}
		if (i == (size_t)-1)
			rank++;	/* nothing more of this rank to drop */
	}
	return buf_steal(&b);
}
