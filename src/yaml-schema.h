/*
 * yaml-schema.h - a table-driven walk from a YAML tree (yaml-tree.h) into
 * C structs: each table row maps a key to a field, its kind and whether
 * it is required.  The walker rejects unknown keys (with a did-you-mean),
 * missing keys and wrong types at their line and column, and collects
 * every problem.  Text is validated UTF-8 and sanitised on the way in.
 * Lessons (lesson-yaml.c) and help resources (resources.c) use it.
 */
#ifndef RF_YAML_SCHEMA_H
#define RF_YAML_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "yaml-tree.h"

/* Where problems go. */
struct schema {
	const char *file;
	struct diag_list *diags;
};

enum schema_kind {
	SF_LINE,		/* one line of text */
	SF_TEXT,		/* text with paragraphs and bullets */
	SF_ID,		/* [a-z0-9][a-z0-9-]* */
	SF_INT,
	SF_BOOL,
	SF_LINES,	/* a list of one-line texts */
	SF_CUSTOM,
};

struct schema_field {
	const char *key;
	enum schema_kind kind;
	bool required;
	size_t offset;		/* of the field in the object */
	size_t count_offset;	/* SF_LINES: of its size_t count */
	int min, max;		/* SF_INT */
	void (*parse)(struct schema *, const struct ynode *, void *obj);
	const char *example;	/* for "add KEY: EXAMPLE" */
};

#define SCHEMA_NO_MARK ((size_t)-1)

void schema_problem(struct schema *sc, enum diag_severity sev,
    enum diag_code code, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* The text of a scalar node. */
const char *schema_scalar(const struct ynode *n);

/* True when n is a scalar; otherwise report that 'key' should be text. */
bool schema_want_scalar(struct schema *sc, const struct ynode *n,
    const char *key);

/* A text field: validated, sanitised (keeping newlines when 'multiline'),
 * or NULL after a problem.  Caller frees. */
char *schema_text(struct schema *sc, const struct ynode *n, const char *key,
    bool multiline);

/* An id ([a-z0-9][a-z0-9-]*, up to 64), or NULL after a problem. */
char *schema_id(struct schema *sc, const struct ynode *n, const char *key);

/* A plain whole number in [min, max]; false after a problem. */
bool schema_int(struct schema *sc, const struct ynode *n, const char *key,
    int min, int max, int *out);

/* Plain true or false; false after a problem. */
bool schema_bool(struct schema *sc, const struct ynode *n, const char *key,
    bool *out);

/* A list of one-line texts into a new array (*count set). */
void schema_lines(struct schema *sc, const struct ynode *n, const char *key,
    char ***out, size_t *count);

/* The key in 'keys' closest to 'word' (a typo or a synonym), or NULL. */
const char *schema_closest(const char *word, const char *const *keys,
    size_t n);

/* Report an unknown key with a did-you-mean or the list of keys; returns
 * the guess (one of keys) or NULL. */
const char *schema_unknown_key(struct schema *sc, const struct ynode *key,
    const char *const *keys, size_t n, const char *where);

/*
 * Fill 'obj' from mapping 'n' by the table (at most 24 rows).  Returns
 * false (after reporting) when n is not a mapping.  'where' names the
 * mapping in messages: an untranslated N_() string, translated only when
 * there is a problem; with 'where_arg' it is a format with one %s for it
 * (N_("this %s step"), "page").  schema_list and schema_load_file take
 * 'where' the same way.
 */
bool schema_walk(struct schema *sc, const struct ynode *n,
    const struct schema_field *fields, size_t nfields, void *obj,
    const char *where, const char *where_arg);

/*
 * A list of mappings, each walked with 'fields' into a new array of
 * 'size'-byte elements: at most 'max' of them.  When mark_offset is not
 * SCHEMA_NO_MARK, each element's struct lesson_mark-like {int line, col}
 * there gets its item's place.  Returns the array (length in *count;
 * free it), or NULL when n is not a list.
 */
void *schema_list(struct schema *sc, const struct ynode *n, const char *key,
    size_t max, size_t size, const struct schema_field *fields,
    size_t nfields, size_t mark_offset, const char *where, size_t *count);

/*
 * Read the file at 'path' (at most 'max' bytes) and walk its root mapping
 * into 'obj' with 'fields'.  An empty document is reported with
 * 'empty_msg' (when not NULL; otherwise it is fine and sets nothing).
 * Returns 0 when no new error was added to 'diags', else -1.
 */
int schema_load_file(const char *path, size_t max,
    const struct schema_field *fields, size_t nfields, void *obj,
    const char *where, const char *empty_msg, struct diag_list *diags);

#endif
