/*
 * ui-draw.h - drawing helpers shared by the screens: the frame (header,
 * rule, footer) and a "document" of wrapped, styled lines that a screen
 * builds for its content and that is drawn in a scrolled window.
 */
#ifndef RF_UI_DRAW_H
#define RF_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "ui-term.h"

struct ui_line {
	char *text;		/* owned, sanitised; NULL: a placeholder */
	int tag;		/* a placeholder's number, for its screen */
	enum ui_style style;
	int indent;		/* columns */
	bool focus;		/* the selected item: keep it in view */
};

struct ui_doc {
	struct ui_line *lines;
	size_t count;
	size_t cap;
	int width;		/* the columns it was laid out for */
};

void ui_doc_init(struct ui_doc *d, int width);
void ui_doc_finish(struct ui_doc *d);

/* One line as it is (cut to fit the width). */
void ui_doc_line(struct ui_doc *d, const char *text, enum ui_style style,
    int indent, bool focus);

/*
 * Lesson text wrapped to the width less 'indent' (paragraphs and
 * bullets, see text_wrap).  'first' (may be NULL) is put before the first
 * line, and the lines after it are indented by its width.
 */
void ui_doc_text(struct ui_doc *d, const char *text, enum ui_style style,
    int indent, const char *first, bool focus);

void ui_doc_blank(struct ui_doc *d);

/*
 * A line whose text is made only if it is in view, for long lists: add
 * it with its tag, call ui_doc_view, then ui_doc_fill the placeholders
 * in [scroll, scroll + rows) before ui_doc_draw.
 */
void ui_doc_placeholder(struct ui_doc *d, int tag, enum ui_style style,
    int indent, bool focus);
void ui_doc_fill(struct ui_doc *d, size_t line, const char *text);

/* Clamp *scroll as ui_doc_draw does (and with 'follow' bring the focused
 * line into view), without drawing. */
void ui_doc_view(const struct ui_doc *d, int rows, int *scroll, bool follow);

/* The index of the first focused line, or -1. */
int ui_doc_focus(const struct ui_doc *d);

/*
 * Draw lines [*scroll, *scroll + rows) at screen row 'top'.  *scroll is
 * clamped; with 'follow' it is also moved so the focused line is visible
 * (after the cursor moved; not while the reader scrolls).  Returns the
 * screen row of the focused line when it is visible, or -1.
 */
int ui_doc_draw(const struct ui_doc *d, int top, int rows, int *scroll,
    bool follow);

/* The header (left and right parts), a rule under it, the footer for
 * 'ctx' with a rule above it.  Returns the rows left between them via
 * *top and *rows. */
void ui_frame(const char *left, const char *right, unsigned ctx, int *top,
    int *rows);

/* 's' cut or padded with spaces to exactly 'cols' display columns.
 * Caller frees. */
char *ui_fit(const char *s, int cols);

/* Put the hardware cursor on the selected item (row y, column x), where
 * screen readers and magnifiers follow it; y < 0 hides it. */
void ui_cursor_at(int y, int x);

/* Draw 'text' at (y, x) cut to 'cols' columns, in 'style'. */
void ui_put(int y, int x, const char *text, int cols, enum ui_style style);

/* The "window too small" screen, with 'extra' (may be NULL) below it.
 * Returns true when it was drawn (the window is below UI_MIN_COLS x
 * UI_MIN_ROWS). */
bool ui_too_small(const char *extra);

#endif
