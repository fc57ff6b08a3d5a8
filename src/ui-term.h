/*
 * ui-term.h - the one module that owns the terminal: start-up, colours and
 * attributes, signals, resize, and teardown on every way out (normal exit,
 * Ctrl-C, SIGTERM, SIGHUP, and the crash signals).
 */
#ifndef RF_UI_TERM_H
#define RF_UI_TERM_H

#include <stdbool.h>

#include <curses.h>

/* The smallest usable window. */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 18

enum ui_style {
	UI_NORMAL,
	UI_HEADER,	/* the top line */
	UI_FOOTER,	/* key hints */
	UI_TITLE,	/* headings */
	UI_SELECTED,	/* the item under the cursor */
	UI_RIGHT,	/* always also carries a word or symbol */
	UI_WRONG,	/* always also carries a word or symbol */
	UI_DIM,		/* secondary text */
	UI_NOTICE,	/* a message for the student */
	UI_STYLE_COUNT,
};

/* Symbols with ASCII fallbacks when the locale is not UTF-8. */
struct ui_symbols {
	const char *right;	/* ✓  or + */
	const char *wrong;	/* ✗  or x */
	const char *pointer;	/* ▸  or > */
	const char *bullet;	/* "• " or "- " */
	const char *marked;	/* [x] */
	const char *unmarked;	/* [ ] */
	const char *hline;	/* ─  or - */
	const char *ellipsis;	/* …  or ... */
};

/*
 * Take over the terminal.  'color' false (--no-color, NO_COLOR) draws
 * with plain attributes only; 'high_contrast' draws with bold, reverse
 * and underline only, never dim or colour.  Installs the signal handlers
 * first, so curses leaves them alone.
 */
void ui_term_start(bool color, bool high_contrast);

/* Give the terminal back as it was.  Safe to call twice. */
void ui_term_stop(void);

/* Quick exit: wipe the screen and the scrollback, then ui_term_stop(). */
void ui_term_wipe_and_stop(void);

/* A pending SIGINT/SIGTERM/SIGHUP, or 0. */
int ui_term_signal(void);

/* Wait for a key (ERR on timeout, so signals are noticed). */
int ui_term_getkey(void);

attr_t ui_attr(enum ui_style s);
const struct ui_symbols *ui_sym(void);
bool ui_term_is_started(void);

#endif
