/*
 * lesson-yaml.h - from a lesson file to the lesson model.
 *
 * Reading goes: bytes -> yaml-tree (syntax, caps; stops at the first
 * problem) -> a table-driven walk that maps keys to fields and rejects
 * unknown keys (with a did-you-mean), missing keys and wrong types at
 * their line and column, collecting every problem in the file.  The
 * meaning checks (one right answer, unique ids...) are lesson-check's.
 */
#ifndef RF_LESSON_YAML_H
#define RF_LESSON_YAML_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "lesson.h"

/*
 * Build a lesson from data[0..len), the text of 'file'.  Problems are
 * added to 'diags'.  Returns the lesson (possibly partial when there were
 * errors: check diag_count(diags, DIAG_ERROR)), or NULL when the file
 * could not be parsed at all.  The caller owns the result.
 */
struct lesson *lesson_parse(const char *file, const char *data, size_t len,
    struct diag_list *diags);

/*
 * Read a lesson file whole (at most the tree's byte cap) into *data
 * (NUL-terminated; free it).  On failure adds a DIAG_TOO_BIG or DIAG_IO
 * problem naming the file and returns false, with *data NULL.
 */
bool lesson_read_file(const char *path, struct diag_list *diags, char **data,
    size_t *len);

/*
 * Read and parse a file (at most the tree's byte cap).  *source and
 * *source_len (when not NULL) receive the file's text for diag_print;
 * free it.  Returns as lesson_parse, or NULL with a DIAG_IO problem.
 */
struct lesson *lesson_load(const char *path, struct diag_list *diags,
    char **source, size_t *source_len);

/*
 * Only a lesson's head: id, title, topic, ages and minutes, read up to
 * the 'steps:' key and checked as lesson_parse checks them; the result
 * has head_only set and no steps.  What comes after the head is not
 * read, so its problems are not seen: open the lesson with lesson_load
 * (and lesson_check) before playing it.
 */
struct lesson *lesson_parse_head(const char *file, const char *data,
    size_t len, struct diag_list *diags);
struct lesson *lesson_load_head(const char *path, struct diag_list *diags);

/*
 * The keys the loader accepts in each kind of mapping, for tools and for
 * the test that keeps the JSON Schema (docs/lesson.schema.json) in step:
 * 'what' is one of "lesson", "source", "page", "choice", "multi",
 * "truefalse", "option", "chat", "message", "scenario", "node",
 * "choice-item", "excerpt", "order", "item", "steps" (the step type keys).
 * Returns the number of keys and sets *keys (static), or 0 when 'what' is
 * unknown.  *required (may be NULL) gets a parallel static array.
 */
size_t lesson_yaml_keys(const char *what, const char *const **keys,
    const bool **required);

#endif
