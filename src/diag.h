/*
 * diag.h - problems as values: one type carrying file:line:col, a severity,
 * a code per cause and a message, collected in a list and printed like a
 * compiler (the message, then the offending line and a caret).
 */
#ifndef RF_DIAG_H
#define RF_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum diag_severity {
	DIAG_ERROR,
	DIAG_WARNING,
};

/* One code per cause, so tests and tools can tell problems apart. */
enum diag_code {
	DIAG_IO,		/* the file cannot be read */
	DIAG_TOO_BIG,		/* over a size, depth, node or length cap */
	DIAG_SYNTAX,		/* not valid YAML */
	DIAG_ENCODING,		/* not valid UTF-8 */
	DIAG_ALIAS,		/* anchors and aliases are not allowed */
	DIAG_DUPLICATE_KEY,
	DIAG_MULTI_DOC,		/* more than one document */
	DIAG_UNKNOWN_KEY,
	DIAG_MISSING_KEY,
	DIAG_WRONG_TYPE,
	DIAG_BAD_VALUE,
	DIAG_DUPLICATE_ID,
	DIAG_ANSWER,		/* a question's right answers do not add up */
	DIAG_CONTENT,		/* a reviewer's warning: missing feedback... */
};

struct diag {
	char *file;		/* as the user named it; owned */
	int line;		/* 1-based; 0 when the problem has no place */
	int col;		/* 1-based; 0 when unknown */
	enum diag_severity severity;
	enum diag_code code;
	char *message;		/* sanitised, translated; owned */
};

struct diag_list {
	struct diag *items;
	size_t count;
	size_t cap;
};

void diag_list_init(struct diag_list *l);
void diag_list_finish(struct diag_list *l);

/* Add a problem.  'file' and the formatted message are copied. */
void diag_add(struct diag_list *l, enum diag_severity sev, enum diag_code code,
    const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

size_t diag_count(const struct diag_list *l, enum diag_severity sev);

/* The first problem of this severity, or NULL. */
const struct diag *diag_first(const struct diag_list *l,
    enum diag_severity sev);

/* Sort by file, then line, then column (stable for equal places). */
void diag_sort(struct diag_list *l);

/*
 * Print one problem like a compiler:
 *   FILE:LINE:COL: error: MESSAGE
 *    12 |   choises:
 *       |   ^
 * 'source' is the file's text (may be NULL: no excerpt).  Everything that
 * came from the file is sanitised before it is printed.
 */
void diag_print(FILE *out, const struct diag *d, const char *source,
    size_t source_len);

/* "FILE:LINE:COL: error: MESSAGE" into a new string (for tests). */
char *diag_format(const struct diag *d);

#endif
