/*
 * progress.h - each student's progress, kept on this machine only.
 *
 * One file per user, $XDG_DATA_HOME/redflags/progress (see paths.h), in a
 * small line-based text format with a version line and a CRC-32 checksum
 * line (docs/progress-format.md).  Saving is atomic: a temp file in the
 * same directory, write all, fsync, close, rename, fsync the directory.
 * A lock file beside it (flock) serialises two copies of the program;
 * saving re-reads the file under the lock and merges, so a second copy's
 * lessons are not lost.  No curses here.
 */
#ifndef RF_PROGRESS_H
#define RF_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

enum progress_status {
	PROGRESS_NEW = 0,	/* never opened (not stored) */
	PROGRESS_STARTED,
	PROGRESS_FINISHED,
};

/* Per-step result characters in progress_entry.results. */
#define PROGRESS_R_NONE    '.'	/* not answered yet, or a page */
#define PROGRESS_R_RIGHT   'c'	/* right the first time */
#define PROGRESS_R_WRONG   'w'	/* answered, not right the first time */
#define PROGRESS_R_SKIPPED 's'	/* skipped */

struct progress_entry {
	char *lesson_id;	/* [a-z0-9-], 1..64 chars */
	enum progress_status status;
	int step;		/* 0-based step to resume at */
	int step_count;		/* steps the lesson had when saved */
	int score;		/* questions right the first time */
	int max_score;		/* questions in the lesson */
	int times_finished;	/* how often the lesson was finished */
	char *results;		/* step_count chars of PROGRESS_R_*, or "" */
	long long updated;	/* seconds since the epoch */
};

/* Saving goes through sysio.h, whose faults tests can turn on. */

struct progress {
	char *dir;		/* owned */
	char *path;		/* dir/progress */
	char *lock_path;	/* dir/progress.lock */
	struct progress_entry *entries;
	size_t count;
	size_t cap;
	bool *dirty;		/* parallel to entries: changed by this copy */
	bool can_save;		/* false: read-only or unwritable; keep going */
	char *notice;		/* a sentence for the student, or NULL; owned */
};

/*
 * Open the store in 'dir' (created with its parents if missing) and read
 * the file if it exists.  Never fails hard: a corrupt file (bad version,
 * bad checksum, truncated, unparsable) is renamed aside to
 * "progress.corrupt-YYYYMMDD-HHMMSS" and the store starts empty, with a
 * notice saying so and where the old file went; a directory that cannot
 * be created or written gives can_save = false and a notice that progress
 * will not be saved.  dir == NULL means no data home: can_save = false.
 */
void progress_open(struct progress *p, const char *dir);

/* Free everything; does not save.  progress_close(NULL) is a no-op. */
void progress_close(struct progress *p);

/* The entry for a lesson, or NULL when it was never opened. */
const struct progress_entry *progress_get(const struct progress *p,
    const char *lesson_id);

/* Store a copy of *e (replacing any entry with the same lesson_id). */
void progress_set(struct progress *p, const struct progress_entry *e);

/*
 * Write the store to disk: under the lock, re-read the file, keep its
 * entries for lessons this copy did not change, put ours over them, write
 * atomically.  Returns 0, or an errno value; on failure the old file is
 * intact, nothing in memory is lost, can_save may become false and a
 * notice is set.  When can_save is false it returns EROFS at once.
 */
int progress_save(struct progress *p);

/* Serialise and parse (exposed for tests and fuzzing).  progress_format
 * returns a new string; progress_parse returns 0 or -1 (with *why set to a
 * static English reason) and appends entries to *p. */
char *progress_format(const struct progress *p);
int progress_parse(struct progress *p, const char *data, size_t len,
    const char **why);

void progress_entry_finish(struct progress_entry *e);

/* Add a sentence (owned from now on) to the notice, once: the same
 * sentence again is dropped. */
void progress_add_notice(struct progress *p, char *s);

#endif
