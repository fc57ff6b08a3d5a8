/*
 * ui-keys.h - every key binding, in one table.  The same table turns keys
 * into actions, writes the footer's key hints and fills the '?' screen,
 * so the three cannot drift apart.
 */
#ifndef RF_UI_KEYS_H
#define RF_UI_KEYS_H

#include <stddef.h>

enum ui_action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_CONFIRM,	/* Enter: open, start, answer, go on */
	ACT_TOGGLE,	/* Space: mark an option (multi) */
	ACT_PICK,	/* 1-8: choose an option by number */
	ACT_SKIP,
	ACT_HINT,
	ACT_STORY_BACK,	/* b: a scenario's previous step */
	ACT_KEYS,	/* ? the keys screen */
	ACT_GET_HELP,	/* h: who to contact, from every screen */
	ACT_COUNTRY,	/* c: the get-help screen's next country */
	ACT_RELOAD,	/* r: preview: read the lesson file again */
	ACT_BACK,	/* q / Esc: back, or quit from home */
	ACT_QUICK_EXIT,	/* x: leave at once */
};

/* Where a binding applies (bit flags). */
enum ui_context {
	CTX_HOME = 1 << 0,
	CTX_INTRO = 1 << 1,
	CTX_PAGE = 1 << 2,
	CTX_CHOICE = 1 << 3,	/* choice and true/false */
	CTX_MULTI = 1 << 4,
	CTX_FEEDBACK = 1 << 5,
	CTX_SUMMARY = 1 << 6,
	CTX_KEYS = 1 << 7,	/* the '?' screen */
	CTX_TOO_SMALL = 1 << 8,
	CTX_CHAT = 1 << 9,	/* marking a chat's red flags */
	CTX_STORY = 1 << 10,	/* a scenario node with choices */
	CTX_ENDING = 1 << 11,	/* a scenario ending */
	CTX_ORDER = 1 << 12,	/* putting items in order */
	CTX_GETHELP = 1 << 13,	/* the get-help screen */
	CTX_PREVIEW = 1 << 14,	/* added to the player's contexts in preview */
	CTX_ALL = (1 << 15) - 1,
};

struct ui_binding {
	int keys[4];		/* curses key codes; 0 ends */
	const char *label;	/* how the keys are written: "↑↓", "Enter" */
	const char *ascii_label;/* the same without UTF-8 */
	enum ui_action action;
	unsigned contexts;
	unsigned footer;	/* contexts whose footer shows it */
	const char *hint;	/* short, for the footer (N_()) */
	const char *help;	/* a sentence for the '?' screen (N_()) */
};

extern const struct ui_binding ui_bindings[];
extern const size_t ui_binding_count;

/*
 * The action for 'key' in 'ctx', or ACT_NONE.  For ACT_PICK, *arg gets
 * the option index (0 for '1').
 */
enum ui_action ui_keys_action(unsigned ctx, int key, int *arg);

/*
 * The footer for 'ctx': "↑↓ move  Enter open  ? keys  h get help  q quit
 * x quick exit", translated, cut to fit 'cols' by dropping hints from the
 * middle (the keys, get-help, back and quick-exit hints always stay).
 * Caller frees.
 */
char *ui_keys_footer(unsigned ctx, int cols, int utf8);

#endif
