/*
 * text.h - UTF-8 validation, sanitising and wrapping by display width.
 * No curses here: the UI and the plain-text printers both use it.
 *
 * Widths come from wcwidth(), so the caller must have a UTF-8 LC_CTYPE
 * (main.c makes sure of it; tests set C.UTF-8).
 */
#ifndef RF_TEXT_H
#define RF_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF; NUL bytes count as invalid).  On failure,
 * *bad_offset (if not NULL) is the byte offset of the first bad byte.
 */
bool text_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/*
 * Decode one code point at s (at most len bytes).  Returns the number of
 * bytes used (>= 1); an invalid sequence yields U+FFFD and consumes one
 * byte.  len must be > 0.
 */
size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Append the UTF-8 encoding of cp to out (4 bytes room); returns bytes. */
size_t text_utf8_encode(uint32_t cp, char *out);

enum {
	TEXT_KEEP_NEWLINES = 1 << 0,	/* keep '\n'; otherwise it becomes ' ' */
};

/*
 * Return a new, NUL-terminated copy of s[0..len) that is safe to draw or
 * print: no C0/C1 control character (a tab becomes a space; '\n' is kept
 * only with TEXT_KEEP_NEWLINES; CR is dropped), no DEL, no bidi embedding,
 * override or isolate (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
 * U+061C), no zero-width space or BOM (U+200B, U+2060, U+FEFF), U+2028 and
 * U+2029 treated as newlines, invalid bytes as U+FFFD.  ZWJ (U+200D),
 * variation selectors and combining marks are kept.  Caller frees.
 */
char *text_sanitize(const char *s, size_t len, unsigned flags);

/* How many of s[0..len)'s first bytes are printable ASCII (0x20-0x7e). */
size_t text_ascii_span(const char *s, size_t len);

/* Display width in terminal columns of a UTF-8 string (controls count 0). */
int text_width(const char *s);

/* Display width of one code point: 0, 1 or 2. */
int text_cp_width(uint32_t cp);

/*
 * Cut s so that it fits in 'cols' columns; returns a new string.  When it
 * had to cut and 'ellipsis' is not NULL, the ellipsis (counted in the
 * columns) ends the result.  Never splits a wide character or separates a
 * combining mark from its base.
 */
char *text_truncate(const char *s, int cols, const char *ellipsis);

struct text_line {
	char *text;	/* owned, no newline */
	int width;	/* display columns of text */
};

struct text_lines {
	struct text_line *lines;
	size_t count;
	size_t cap;
};

void text_lines_init(struct text_lines *tl);
void text_lines_finish(struct text_lines *tl);

/*
 * Lay out lesson text in 'width' columns (width >= 8), appending lines
 * to *out.  The text format is the one lessons use:
 *   - lines separated by '\n'; one or more blank lines end a paragraph and
 *     give exactly one empty output line between paragraphs;
 *   - consecutive non-blank lines are joined with a space into one
 *     paragraph and re-wrapped (like Markdown);
 *   - a line that starts with "- " (after optional spaces) is a bullet
 *     item: it is drawn as 'bullet' (e.g. "• " or "- ") followed by its
 *     text, and continuation lines are indented by the bullet's width;
 *     lines that follow a bullet without a blank line continue it.
 * Words are broken at spaces; a word longer than the line is broken by
 * display columns, never inside a wide character or before a combining
 * mark.  Input is expected to be sanitised already.
 */
void text_wrap(const char *s, int width, const char *bullet,
    struct text_lines *out);

/* How many lines text_wrap would give, without making them. */
size_t text_wrap_count(const char *s, int width, const char *bullet);

#endif
