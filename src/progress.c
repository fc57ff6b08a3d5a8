/*
 * progress.c - each student's progress, kept on this machine only.
 *
 * The file format is in docs/progress-format.md.  In short:
 *
 *	redflags-progress 1
 *	lesson <id> <status> <step> <steps> <score> <max> <finished> <updated>
 *	    <results>	(one line, fields separated by TABs)
 *	...
 *	checksum <CRC-32 of every byte before this line, 8 lowercase hex>
 *
 * The parser trusts nothing: the size is capped, every line is bounded,
 * every field is checked, and it never recurses, so it can be fed any
 * bytes.  Saving writes a temp file and renames it over the old one under
 * a lock, so the old file survives any failure before the rename.
 */
#include "progress.h"

#include <errno.h>
#include <fcntl.h>
#include <libintl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checksum.h"
#include "paths.h"
#include "sysio.h"
#include "util.h"

#define _(s) gettext(s)

#define PROGRESS_MAGIC		"redflags-progress "
#define PROGRESS_VERSION	1
#define PROGRESS_FILE		"progress"
#define PROGRESS_LOCK		"progress.lock"
#define PROGRESS_TMP		"progress.tmp-XXXXXX"
#define PROGRESS_ASIDE		"progress.corrupt-"

/*
 * Limits.  Together they keep the longest file a valid store can produce
 * (MAX_ENTRIES lines of at most ~620 bytes) well under MAX_FILE, so what
 * progress_format() writes, progress_parse() always reads back.
 */
#define MAX_FILE	(1024 * 1024)
#define MAX_LINE	1024
#define MAX_ENTRIES	1000
#define MAX_ID		64
#define MAX_STEPS	500
#define MAX_FINISHED	999999
#define MAX_TIME	253402300799LL	/* 9999-12-31 23:59:59 UTC */
#define NFIELDS		10

enum load_result {
	LOAD_OK,
	LOAD_CORRUPT,
	LOAD_FUTURE,	/* a version this program does not know */
};

/* Entries. */

static bool
valid_id(const char *s, size_t len)
{
	size_t i;

	if (len < 1 || len > MAX_ID)
		return false;
	for (i = 0; i < len; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	}
	return true;
}

static bool
valid_result(char c)
{
	return c == PROGRESS_R_NONE || c == PROGRESS_R_RIGHT ||
	    c == PROGRESS_R_WRONG || c == PROGRESS_R_SKIPPED;
}

/* Would this entry survive a round trip through the file? */
static bool
valid_entry(const struct progress_entry *e)
{
	size_t i, n;

	if (e->lesson_id == NULL ||
	    !valid_id(e->lesson_id, strlen(e->lesson_id)))
		return false;
	if (e->status != PROGRESS_STARTED && e->status != PROGRESS_FINISHED)
		return false;
	if (e->step_count < 0 || e->step_count > MAX_STEPS ||
	    e->step < 0 || e->step > e->step_count ||
	    e->max_score < 0 || e->max_score > e->step_count ||
	    e->score < 0 || e->score > e->max_score ||
	    e->times_finished < 0 || e->times_finished > MAX_FINISHED ||
	    e->updated < 0 || e->updated > MAX_TIME)
		return false;
	if (e->results == NULL)
		return false;
	n = strlen(e->results);
	if (n != 0 && n != (size_t)e->step_count)
		return false;
	for (i = 0; i < n; i++) {
		if (!valid_result(e->results[i]))
			return false;
	}
	return true;
}

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/*
 * Copy 'src' into 'dst', forcing every field into the range the file
 * format accepts, so that a caller's slip cannot produce a file that the
 * next start would throw away.  The lesson id must already be valid.
 */
static void
entry_copy_clean(struct progress_entry *dst, const struct progress_entry *src)
{
	size_t i, n;

	dst->lesson_id = xstrdup(src->lesson_id);
	dst->status = src->status == PROGRESS_FINISHED ?
	    PROGRESS_FINISHED : PROGRESS_STARTED;
	dst->step_count = clamp(src->step_count, 0, MAX_STEPS);
	dst->step = clamp(src->step, 0, dst->step_count);
	dst->max_score = clamp(src->max_score, 0, dst->step_count);
	dst->score = clamp(src->score, 0, dst->max_score);
	dst->times_finished = clamp(src->times_finished, 0, MAX_FINISHED);
	dst->updated = src->updated < 0 ? 0 :
	    src->updated > MAX_TIME ? MAX_TIME : src->updated;
	n = src->results != NULL ? strlen(src->results) : 0;
	if (n == 0 || dst->step_count == 0) {
		dst->results = xstrdup("");
		return;
	}
	/* Pad or cut to step_count; anything unknown becomes "not yet". */
	dst->results = xmalloc((size_t)dst->step_count + 1);
	for (i = 0; i < (size_t)dst->step_count; i++) {
		if (i < n && valid_result(src->results[i]))
			dst->results[i] = src->results[i];
		else
			dst->results[i] = PROGRESS_R_NONE;
	}
	dst->results[dst->step_count] = '\0';
}

void
progress_entry_finish(struct progress_entry *e)
{
	if (e == NULL)
		return;
	free(e->lesson_id);
	free(e->results);
	e->lesson_id = NULL;
	e->results = NULL;
}

static ssize_t
find_index(const struct progress *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->count; i++) {
		if (strcmp(p->entries[i].lesson_id, id) == 0)
			return (ssize_t)i;
	}
	return -1;
}

/* Make room for one more entry; returns its index (zeroed, not dirty). */
static size_t
grow(struct progress *p)
{
	if (p->count == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->entries = xreallocarray(p->entries, p->cap,
		    sizeof *p->entries);
		p->dirty = xreallocarray(p->dirty, p->cap, sizeof *p->dirty);
	}
	memset(&p->entries[p->count], 0, sizeof p->entries[p->count]);
	p->dirty[p->count] = false;
	return p->count++;
}

static void
free_entries(struct progress *p)
{
	size_t i;

	for (i = 0; i < p->count; i++)
		progress_entry_finish(&p->entries[i]);
	free(p->entries);
	free(p->dirty);
	p->entries = NULL;
	p->dirty = NULL;
	p->count = p->cap = 0;
}

const struct progress_entry *
progress_get(const struct progress *p, const char *lesson_id)
{
	ssize_t i;

	if (p == NULL || lesson_id == NULL)
		return NULL;
	i = find_index(p, lesson_id);
	return i < 0 ? NULL : &p->entries[i];
}

/*
 * Entries with an id the file could not hold are ignored, as are new
 * lessons beyond MAX_ENTRIES; other fields are clamped into range (see
 * entry_copy_clean), and any status but FINISHED is stored as STARTED: a
 * lesson that is being saved was opened.  The entry is marked as changed
 * by this copy.
 */
void
progress_set(struct progress *p, const struct progress_entry *e)
{
	struct progress_entry copy;
	ssize_t i;

	if (p == NULL || e == NULL || e->lesson_id == NULL ||
	    !valid_id(e->lesson_id, strlen(e->lesson_id)))
		return;
	/* Copy first: 'e' may point into p->entries. */
	entry_copy_clean(&copy, e);
	i = find_index(p, e->lesson_id);
	if (i >= 0)
		progress_entry_finish(&p->entries[i]);
	else if (p->count >= MAX_ENTRIES) {
		progress_entry_finish(&copy);
		return;
	} else
		i = (ssize_t)grow(p);
	p->entries[i] = copy;
	p->dirty[i] = true;
}

/* Formatting. */

static const char *
status_word(enum progress_status s)
{
	return s == PROGRESS_FINISHED ? "finished" : "started";
}

static int
cmp_entry_ptr(const void *a, const void *b)
{
	const struct progress_entry *const *x = a, *const *y = b;

	return strcmp((*x)->lesson_id, (*y)->lesson_id);
}

/* Lessons in id order, so the same store always gives the same bytes. */
char *
progress_format(const struct progress *p)
{
	const struct progress_entry **sorted, *e;
	struct buf b;
	size_t i;
	uint32_t crc;

	buf_init(&b);
	buf_printf(&b, "%s%d\n", PROGRESS_MAGIC, PROGRESS_VERSION);
	sorted = xreallocarray(NULL, p->count, sizeof *sorted);
	for (i = 0; i < p->count; i++)
		sorted[i] = &p->entries[i];
	if (p->count > 1)
		qsort(sorted, p->count, sizeof *sorted, cmp_entry_ptr);
	for (i = 0; i < p->count; i++) {
		e = sorted[i];
		/* Never write what the parser would refuse. */
		if (!valid_entry(e))
			continue;
		buf_printf(&b, "lesson\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%lld\t%s\n",
		    e->lesson_id, status_word(e->status), e->step,
		    e->step_count, e->score, e->max_score, e->times_finished,
		    e->updated, e->results[0] != '\0' ? e->results : "-");
	}
	free(sorted);
	crc = checksum_crc32(0, b.data, b.len);
	buf_printf(&b, "checksum %08x\n", (unsigned int)crc);
	return buf_steal(&b);
}

/* Parsing. */

static bool
field_is(const char *s, size_t len, const char *word)
{
	return len == strlen(word) && memcmp(s, word, len) == 0;
}

/* One "lesson" line (without its newline) into *e. */
static int
parse_record(const char *line, size_t len, struct progress_entry *e,
    const char **why)
{
	const char *f[NFIELDS];
	size_t flen[NFIELDS], i, nf = 0, start = 0;
	long long v[6];
	int k;

	for (i = 0; i <= len; i++) {
		if (i < len && line[i] != '\t')
			continue;
		if (nf == NFIELDS) {
			*why = "a lesson line has too many fields";
			return -1;
		}
		f[nf] = line + start;
		flen[nf] = i - start;
		nf++;
		start = i + 1;
	}
	if (nf == 0 || !field_is(f[0], flen[0], "lesson")) {
		*why = "a line is not a lesson record";
		return -1;
	}
	if (nf != NFIELDS) {
		*why = "a lesson line has too few fields";
		return -1;
	}
	if (!valid_id(f[1], flen[1])) {
		*why = "a lesson id is not 1 to 64 of a-z, 0-9 and '-'";
		return -1;
	}
	if (field_is(f[2], flen[2], "started"))
		e->status = PROGRESS_STARTED;
	else if (field_is(f[2], flen[2], "finished"))
		e->status = PROGRESS_FINISHED;
	else {
		*why = "a lesson has an unknown status";
		return -1;
	}
	/* step, step_count, score, max_score, times_finished, updated */
	for (k = 0; k < 6; k++) {
		if (!parse_decimal(f[3 + k], flen[3 + k],
		    k == 5 ? MAX_TIME : k == 4 ? MAX_FINISHED : MAX_STEPS,
		    &v[k])) {
			*why = "a lesson has a number that is malformed or "
			    "too large";
			return -1;
		}
	}
	e->step = (int)v[0];
	e->step_count = (int)v[1];
	e->score = (int)v[2];
	e->max_score = (int)v[3];
	e->times_finished = (int)v[4];
	e->updated = v[5];
	if (e->step > e->step_count || e->max_score > e->step_count ||
	    e->score > e->max_score) {
		*why = "a lesson's step or score is out of range";
		return -1;
	}
	if (field_is(f[9], flen[9], "-"))
		flen[9] = 0;
	else if (flen[9] != (size_t)e->step_count) {
		*why = "a lesson's results do not match its step count";
		return -1;
	}
	for (i = 0; i < flen[9]; i++) {
		if (!valid_result(f[9][i])) {
			*why = "a lesson's results contain an unknown mark";
			return -1;
		}
	}
	e->lesson_id = xstrndup(f[1], flen[1]);
	e->results = xstrndup(f[9], flen[9]);
	return 0;
}

static int
cmp_entry_id(const void *a, const void *b)
{
	const struct progress_entry *x = a, *y = b;

	return strcmp(x->lesson_id, y->lesson_id);
}

/* The first line: the magic and a version number. */
static enum load_result
parse_header(const char *line, size_t len, const char **why)
{
	size_t n = strlen(PROGRESS_MAGIC), i;
	long long version = 0;

	if (len < n || memcmp(line, PROGRESS_MAGIC, n) != 0) {
		*why = "not a redflags progress file";
		return LOAD_CORRUPT;
	}
	if (len - n < 1 || len - n > 9 || (len - n > 1 && line[n] == '0')) {
		*why = "the version line is malformed";
		return LOAD_CORRUPT;
	}
	for (i = n; i < len; i++) {
		if (line[i] < '0' || line[i] > '9') {
			*why = "the version line is malformed";
			return LOAD_CORRUPT;
		}
		version = version * 10 + (line[i] - '0');
	}
	if (version > PROGRESS_VERSION) {
		*why = "the file was written by a newer version of redflags";
		return LOAD_FUTURE;
	}
	if (version != PROGRESS_VERSION) {
		*why = "the file has an unknown version";
		return LOAD_CORRUPT;
	}
	return LOAD_OK;
}

static bool
is_lower_hex(const char *s, size_t len, uint32_t *out)
{
	uint32_t v = 0;
	size_t i;
	int d;

	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (s[i] >= 'a' && s[i] <= 'f')
			d = s[i] - 'a' + 10;
		else
			return false;
		v = v << 4 | (uint32_t)d;
	}
	*out = v;
	return true;
}

/*
 * Parse a whole file into 'out' (which must be empty).  On failure 'out'
 * is left empty.
 */
static enum load_result
parse_all(struct progress *out, const char *data, size_t len,
    const char **why)
{
	const char *nl, *line, *end;
	size_t head, tail, n;
	uint32_t want;
	enum load_result r;
	int i;
	static const char cword[] = "checksum ";

	if (len > MAX_FILE) {
		*why = "the file is larger than 1 MiB";
		return LOAD_CORRUPT;
	}
	if (len == 0) {
		*why = "the file is empty";
		return LOAD_CORRUPT;
	}
	nl = memchr(data, '\n', len < MAX_LINE + 1 ? len : MAX_LINE + 1);
	if (nl == NULL) {
		*why = "the first line is missing or too long";
		return LOAD_CORRUPT;
	}
	head = (size_t)(nl - data) + 1;
	if ((r = parse_header(data, head - 1, why)) != LOAD_OK)
		return r;

	/* The last line: "checksum xxxxxxxx\n" over everything before it. */
	if (data[len - 1] != '\n') {
		*why = "the file does not end with a newline (truncated?)";
		return LOAD_CORRUPT;
	}
	n = sizeof cword - 1 + 8 + 1;
	if (len - head < n) {
		*why = "the checksum line is missing (truncated?)";
		return LOAD_CORRUPT;
	}
	tail = len - n;
	if (data[tail - 1] != '\n' ||
	    memcmp(data + tail, cword, sizeof cword - 1) != 0 ||
	    !is_lower_hex(data + tail + sizeof cword - 1, 8, &want)) {
		*why = "the checksum line is missing or malformed (truncated?)";
		return LOAD_CORRUPT;
	}
	if (checksum_crc32(0, data, tail) != want) {
		*why = "the checksum does not match (the file was damaged)";
		return LOAD_CORRUPT;
	}

	/* The records in between. */
	end = data + tail;
	for (line = data + head; line < end; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(end - line));
		/* end[-1] is '\n', so nl is never NULL here. */
		if ((size_t)(nl - line) > MAX_LINE) {
			*why = "a line is too long";
			goto bad;
		}
		if (out->count >= MAX_ENTRIES) {
			*why = "the file has too many lessons";
			goto bad;
		}
		i = (int)grow(out);
		if (parse_record(line, (size_t)(nl - line), &out->entries[i],
		    why) != 0) {
			out->count--;
			goto bad;
		}
	}

	/* Each lesson once: sort (the file is written sorted anyway). */
	if (out->count > 1)
		qsort(out->entries, out->count, sizeof *out->entries,
		    cmp_entry_id);
	for (n = 1; n < out->count; n++) {
		if (strcmp(out->entries[n - 1].lesson_id,
		    out->entries[n].lesson_id) == 0) {
			*why = "a lesson appears twice";
			goto bad;
		}
	}
	return LOAD_OK;

bad:
	free_entries(out);
	return LOAD_CORRUPT;
}

/*
 * Entries in the file replace entries with the same id already in *p
 * (and are not marked changed); nothing in *p changes on failure.
 */
int
progress_parse(struct progress *p, const char *data, size_t len,
    const char **why)
{
	struct progress tmp;
	const char *dummy;
	ssize_t j;
	size_t i;

	if (why == NULL)
		why = &dummy;
	*why = NULL;
	if (data == NULL) {
		*why = "no data";
		return -1;
	}
	memset(&tmp, 0, sizeof tmp);
	if (parse_all(&tmp, data, len, why) != LOAD_OK)
		return -1;
	for (i = 0; i < tmp.count; i++) {
		j = find_index(p, tmp.entries[i].lesson_id);
		if (j >= 0)
			progress_entry_finish(&p->entries[j]);
		else
			j = (ssize_t)grow(p);
		p->entries[j] = tmp.entries[i];
		p->dirty[j] = false;
	}
	/* The strings now belong to *p. */
	free(tmp.entries);
	free(tmp.dirty);
	return 0;
}

/* Notices for the student. */

void
progress_add_notice(struct progress *p, char *s)
{
	char *joined;

	if (p->notice == NULL) {
		p->notice = s;
		return;
	}
	if (strstr(p->notice, s) != NULL) {
		free(s);	/* said already: a failing disk says it once */
		return;
	}
	joined = xasprintf("%s %s", p->notice, s);
	free(p->notice);
	free(s);
	p->notice = joined;
}

/* Saving is off for the rest of this run; said once. */
static void
cannot_save(struct progress *p, const char *reason)
{
	if (!p->can_save)
		return;
	p->can_save = false;
	progress_add_notice(p, xasprintf(_("Your progress cannot be saved on this "
	    "computer (%s). You can still use every lesson."), reason));
	/* Where, for whoever can fix it (a read-only home, a full disk). */
	if (p->dir != NULL)
		progress_add_notice(p, xasprintf(_("A teacher can check the folder "
		    "%s."), p->dir));
}

/* Errors that will not go away by trying again in a minute. */
static bool
is_lasting(int err)
{
	/* A full disk can be freed while the program runs: keep trying. */
	return err == EACCES || err == EPERM || err == EROFS;
}

/* Files on disk. */

static int
lock_take(const struct progress *p)
{
	int fd;

	fd = sysio_open(p->lock_path, O_RDWR | O_CREAT, 0600);
	if (fd < 0)
		return -1;
	if (sysio_flock(fd, LOCK_EX) != 0) {
		int err = errno;

		close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

/*
 * Read the current file.  Returns 0 (with *data NULL when there is no
 * file), EFBIG when it is over the size cap, or an errno value.
 */
static int
read_current(const struct progress *p, char **data, size_t *len)
{
	int fd, err;

	*data = NULL;
	*len = 0;
	fd = sysio_open(p->path, O_RDONLY, 0);
	if (fd < 0)
		return errno == ENOENT ? 0 : errno;
	err = read_fd(fd, MAX_FILE, sysio_read, data, len);
	/* Nothing was written through this descriptor: nothing to lose. */
	close(fd);
	return err;
}

/*
 * Move an unreadable file out of the way, never over an earlier one:
 * link() refuses an existing name, where rename() would replace it.
 * Returns the new path (caller frees) or NULL with errno set.
 */
static char *
move_aside(const struct progress *p)
{
	char stamp[32], *base, *to;
	struct tm tm;
	time_t now;
	int i, err;

	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL ||
	    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0)
		snprintf(stamp, sizeof stamp, "%lld", (long long)now);
	base = xasprintf("%s/%s%s", p->dir, PROGRESS_ASIDE, stamp);
	for (i = 0; i < 1000; i++) {
		to = i == 0 ? xstrdup(base) : xasprintf("%s-%d", base, i);
		if (sysio_link(p->path, to) == 0) {
			if (unlink(p->path) != 0) {
				/* Two names for one file: keep the old one. */
				err = errno;
				unlink(to);
				free(to);
				free(base);
				errno = err;
				return NULL;
			}
			free(base);
			return to;
		}
		err = errno;
		if (err != EEXIST) {
			/* No hard links (FAT, some FUSE): check, rename. */
			if (err == EPERM || err == ENOTSUP ||
			    err == EOPNOTSUPP || err == EMLINK) {
				struct stat st;

				if (lstat(to, &st) == 0) {
					free(to);
					continue;
				}
				if (sysio_rename(p->path, to) == 0) {
					free(base);
					return to;
				}
				err = errno;
			}
			free(to);
			free(base);
			errno = err;
			return NULL;
		}
		free(to);
	}
	free(base);
	errno = EEXIST;
	return NULL;
}

/* Tell the student their unreadable file was kept (or could not be). */
static void
notice_moved(struct progress *p, enum load_result why, const char *to,
    bool at_start)
{
	if (to == NULL) {
		if (at_start)
			progress_add_notice(p, xstrdup(_("Your saved progress could "
			    "not be read, so redflags is starting fresh.")));
		cannot_save(p, strerror(errno));
		return;
	}
	if (!at_start)
		progress_add_notice(p, xasprintf(_("A saved progress file that could "
		    "not be read was kept as %s."), to));
	else if (why == LOAD_FUTURE)
		progress_add_notice(p, xasprintf(_("Your saved progress was written by "
		    "a newer version of redflags, so this version is starting "
		    "fresh. The old file was kept as %s."), to));
	else
		progress_add_notice(p, xasprintf(_("Your saved progress could not be "
		    "read, so redflags is starting fresh. The old file was "
		    "kept as %s."), to));
}

/* Read the file at start-up; move it aside if it is unreadable. */
static void
load(struct progress *p)
{
	const char *why;
	enum load_result r;
	char *data = NULL, *to;
	size_t len = 0;
	int err;

	err = read_file(p->path, MAX_FILE, &data, &len);
	if (err == ENOENT || err == ENOTDIR)
		return;		/* nothing saved yet */
	if (err != 0 && err != EFBIG) {
		/* Maybe fine, just not ours to read: do not overwrite it. */
		if (!p->can_save) {
			progress_add_notice(p, xasprintf(_("Your saved progress could "
			    "not be read (%s)."), strerror(err)));
			return;
		}
		p->can_save = false;
		progress_add_notice(p, xasprintf(_("Your saved progress could not be "
		    "read (%s), so it will not be saved either; the file was "
		    "left as it is. You can still use every lesson."),
		    strerror(err)));
		return;
	}
	r = LOAD_CORRUPT;
	if (err == 0)
		r = parse_all(p, data, len, &why);
	free(data);
	if (r == LOAD_OK)
		return;
	to = move_aside(p);
	notice_moved(p, r, to, true);
	free(to);
}

void
progress_open(struct progress *p, const char *dir)
{
	int err, fd;

	memset(p, 0, sizeof *p);
	p->can_save = true;
	if (dir == NULL || *dir == '\0') {
		cannot_save(p, _("no home folder was found"));
		return;
	}
	p->dir = xstrdup(dir);
	p->path = paths_join(dir, PROGRESS_FILE);
	p->lock_path = paths_join(dir, PROGRESS_LOCK);

	if ((err = paths_mkdir_p(dir, 0700)) != 0)
		cannot_save(p, strerror(err));
	else if (access(dir, W_OK) != 0)
		cannot_save(p, strerror(errno));

	/* Under the lock, so a file is not moved aside mid-save. */
	fd = -1;
	if (p->can_save)
		fd = lock_take(p);
	load(p);
	if (fd >= 0)
		close(fd);
}

void
progress_close(struct progress *p)
{
	if (p == NULL)
		return;
	free_entries(p);
	free(p->dir);
	free(p->path);
	free(p->lock_path);
	free(p->notice);
	memset(p, 0, sizeof *p);
}

/* Saving. */

/* Deep copy of a valid entry. */
static void
append_copy(struct progress *to, const struct progress_entry *e)
{
	size_t i = grow(to);

	to->entries[i] = *e;
	to->entries[i].lesson_id = xstrdup(e->lesson_id);
	to->entries[i].results = xstrdup(e->results);
}

/*
 * What to write: our lessons, except that the file's copy wins for the
 * ones we did not change (another copy may have); then the file's other
 * lessons.
 */
static void
merge(const struct progress *ours, const struct progress *disk,
    struct progress *out)
{
	ssize_t j;
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < ours->count; i++) {
		j = find_index(disk, ours->entries[i].lesson_id);
		if (j >= 0 && !ours->dirty[i])
			append_copy(out, &disk->entries[j]);
		else
			append_copy(out, &ours->entries[i]);
	}
	for (i = 0; i < disk->count && out->count < MAX_ENTRIES; i++) {
		if (find_index(ours, disk->entries[i].lesson_id) < 0)
			append_copy(out, &disk->entries[i]);
	}
}

/*
 * Temp file, write, fsync, close, rename, fsync the directory.  Until the
 * rename the old file is untouched; every failure before it removes the
 * temp file.  Returns 0 or an errno value.
 */
static int
write_atomic(const struct progress *p, const char *data, size_t len)
{
	char *tmp;
	int fd, dfd = -1, err;

	tmp = xasprintf("%s/%s", p->dir, PROGRESS_TMP);
	if ((fd = sysio_mkstemp(tmp)) < 0) {
		err = errno;
		free(tmp);
		return err;
	}
	if ((err = write_fd(fd, data, len, sysio_write)) != 0)
		goto fail;
	if (sysio_fsync(fd) != 0) {
		err = errno;
		goto fail;
	}
	err = sysio_close(fd) != 0 ? errno : 0;
	fd = -1;
	if (err != 0)
		goto fail;
	/* Opened before the rename, so nothing but its fsync comes after. */
	if ((dfd = sysio_open(p->dir, O_RDONLY | O_DIRECTORY, 0)) < 0) {
		err = errno;
		goto fail;
	}
	if (sysio_rename(tmp, p->path) != 0) {
		err = errno;
		goto fail;
	}
	free(tmp);
	/*
	 * The new file is in place; this makes the rename itself survive a
	 * power cut.  Some file systems cannot fsync a directory (EINVAL).
	 */
	err = 0;
	if (sysio_fsync(dfd) != 0 && errno != EINVAL)
		err = errno;
	close(dfd);
	return err;

fail:
	if (fd >= 0)
		close(fd);
	if (dfd >= 0)
		close(dfd);
	unlink(tmp);
	free(tmp);
	return err;
}

static int
save_locked(struct progress *p)
{
	struct progress disk, merged;
	const char *why;
	enum load_result r;
	char *data, *text, *to;
	size_t len;
	int err, lockfd;

	if ((lockfd = lock_take(p)) < 0)
		return errno;
	memset(&disk, 0, sizeof disk);
	err = read_current(p, &data, &len);
	if (err == EFBIG) {
		r = LOAD_CORRUPT;
		err = 0;
	} else if (err != 0)
		goto out;	/* could not read it: do not overwrite it */
	else if (data == NULL)
		r = LOAD_OK;
	else
		r = parse_all(&disk, data, len, &why);
	free(data);
	if (r != LOAD_OK) {
		/* Another program (or a newer redflags) wrote it: keep it. */
		to = move_aside(p);
		if (to == NULL) {
			err = errno;
			goto out;
		}
		notice_moved(p, r, to, false);
		free(to);
	}

	merge(p, &disk, &merged);
	text = progress_format(&merged);
	err = write_atomic(p, text, strlen(text));
	free(text);
	if (err == 0) {
		/* Memory now matches the file; nothing is pending. */
		free_entries(p);
		p->entries = merged.entries;
		p->dirty = merged.dirty;
		p->count = merged.count;
		p->cap = merged.cap;
	} else
		free_entries(&merged);
out:
	free_entries(&disk);
	/* Unlocks.  Nothing was written through it, so nothing to check. */
	close(lockfd);
	return err;
}

int
progress_save(struct progress *p)
{
	int err;

	if (p == NULL || !p->can_save || p->path == NULL)
		return EROFS;
	sysio_begin();
	err = save_locked(p);
	sysio_end();
	if (err == 0)
		return 0;
	if (is_lasting(err))
		cannot_save(p, strerror(err));
	else
		progress_add_notice(p, xasprintf(_("Your progress could not be saved "
		    "just now (%s). redflags will try again."),
		    strerror(err)));
	return err;
}
