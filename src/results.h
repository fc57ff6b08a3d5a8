/*
 * results.h - anonymous class results: one small file per finished lesson.
 *
 * When a student finishes a lesson, a result record can be written to a
 * class folder for the teacher (cmd-report.h sums them up).  A record
 * holds only: the lesson id and language, an optional class code, the
 * date (YYYY-MM-DD, never the time of day), the seconds taken, and per
 * step its id, type, first result and what was answered.  No user name,
 * no host name, no free text.  The file format (described at the top of
 * results.c) is line-based text with a version line and a CRC-32 checksum
 * line, like the progress file (docs/progress-format.md).
 * No curses here.
 */
#ifndef RF_RESULTS_H
#define RF_RESULTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lesson.h"
#include "quiz.h"

#define RESULTS_MAX_CLASS 32	/* class code: [A-Za-z0-9-], 1..32 */
#define RESULTS_MAX_STEPS 500
#define RESULTS_MAX_SECONDS 999999L

/* One step of a finished lesson. */
struct result_step {
	char *id;		/* [a-z0-9-], 1..64, or NULL (a page without) */
	enum step_type type;
	char result;		/* QUIZ_R_*: '.', 'c', 'w' or 's' */
	/*
	 * known: the details below were recorded (else they are "?" in the
	 * file).  Pages and skipped steps have none; order steps need none
	 * (right or not is the result).
	 */
	bool known;
	/* choice, multi, truefalse: the options chosen first, bit i for
	 * option i + 1 */
	uint32_t answer;
	/* chat: red-flag messages found and missed, bit i for message
	 * i + 1; and how many other messages were flagged by mistake */
	uint64_t found;
	uint64_t missed;
	int wrong;
	/* scenario: the first ending reached (its node id and kind) */
	char *ending_node;	/* [a-z0-9-], 1..64, or NULL when not known */
	enum lesson_ending ending;
};

struct result_record {
	char *lesson_id;	/* [a-z0-9-], 1..64 */
	char *lang;		/* [a-z0-9_-], 1..16, e.g. "en" */
	char *class_code;	/* [A-Za-z0-9-], 1..32, or NULL */
	char date[11];		/* "YYYY-MM-DD" */
	long seconds;		/* 0..RESULTS_MAX_SECONDS */
	struct result_step *steps;
	size_t step_count;
};

/* Is this a class code a record can hold ([A-Za-z0-9-], 1 to 32)? */
bool results_valid_class(const char *s);

/*
 * Fill *r (caller memory, overwritten) from a quiz, normally one in its
 * summary: every step's id, type and result character (q->results), and
 * the details the quiz still holds, which are those of its current step
 * (at the summary: the last step) -- the options marked, the chat's
 * found/missed/mistaken messages, the scenario's first ending.  Details
 * noted earlier with results_note_step() on the same record are kept,
 * so a UI that calls results_note_step() after each QUIZ_CH_ANSWERED gets
 * them for every step.  r must be zeroed, or hold what an earlier
 * results_note_step() or results_from_quiz() left (for another lesson it
 * is freed and started afresh).  The date is today's (local).
 * An invalid class code is left out; seconds are clamped.
 * results_record_finish() frees.
 */
void results_from_quiz(struct result_record *r, const struct quiz *q,
    const char *lang, const char *class_code, long seconds);

/*
 * Note the details of the quiz's current step into r, when it has just
 * been answered (phase QUIZ_FEEDBACK); otherwise does nothing.  r must be
 * zeroed before the first call (it allocates the steps from q->lesson).
 */
void results_note_step(struct result_record *r, const struct quiz *q);

/*
 * Serialise a record: a new string (free it), or NULL when the record
 * breaks a rule of the format (an id, the language, the class code or
 * the date malformed, a number out of range), so nothing is ever written
 * that results_parse() would refuse.
 */
char *results_format(const struct result_record *r);

/*
 * Parse one record file (any bytes).  Returns 0 and fills *out (caller
 * memory, overwritten; free with results_record_finish), or -1 with *why
 * set to a static English reason and *out zeroed.  Strict: a wrong or
 * missing checksum, version line, field or limit rejects the whole file.
 */
int results_parse(const char *data, size_t len, struct result_record *out,
    const char **why);

/*
 * Write a record atomically into 'dir' (which must exist): a temp file
 * ".result-tmp-XXXXXX" in the same folder, write all, fsync, close, then
 * link() it to a new unique name "result-<date>-<16 random hex>.txt"
 * (retrying on EEXIST; an existing file is never replaced), unlink the
 * temp, fsync the folder (a failure of that last step does not undo the
 * complete record, and is not reported).  The file is mode 0644 (there is nothing
 * personal in it, and the teacher reads it).  Returns 0 and, when
 * written_path is not NULL, the new path in *written_path (free it); or
 * an errno value (EINVAL for a record results_format() refuses), with
 * no file left behind under a final name nor any temp file.  The calls
 * go through sysio.h, so tests can fail each in turn.
 */
int results_write(const char *dir, const struct result_record *r,
    char **written_path);

/* Free what a record owns and zero it.  NULL is a no-op. */
void results_record_finish(struct result_record *r);

#endif
