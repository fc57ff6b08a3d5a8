/* test-progress.c - the progress store: format, parser, atomic save, merge. */
#include <criterion/criterion.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "checksum.h"
#include "paths.h"
#include "progress.h"
#include "sysio.h"
#include "util.h"

/* Helpers. */

static char *
make_tmp(void)
{
	char tmpl[] = "/tmp/rf-progress-XXXXXX";
	char *d = mkdtemp(tmpl);

	cr_assert_not_null(d, "mkdtemp: %s", strerror(errno));
	return xstrdup(d);
}

static void
rm_rf(char *dir)
{
	char *cmd;

	cr_assert_eq(strncmp(dir, "/tmp/rf-progress-", 17), 0);
	cmd = xasprintf("rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	free(dir);
}

static void
write_bytes(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	cr_assert_not_null(f, "%s: %s", path, strerror(errno));
	cr_assert_eq(fwrite(data, 1, len, f), len);
	cr_assert_eq(fclose(f), 0);
}

/* The whole file, or NULL when it does not exist. */
static char *
slurp(const char *path, size_t *len)
{
	char *data;
	int err;

	err = read_file(path, 16 * 1024 * 1024, &data, len);
	if (err == ENOENT)
		return NULL;
	cr_assert_eq(err, 0, "%s: %s", path, strerror(err));
	return data;
}

/* How many names in 'dir' start with 'prefix'; the last one in *last. */
static int
count_prefixed(const char *dir, const char *prefix, char **last)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	cr_assert_not_null(d, "%s: %s", dir, strerror(errno));
	if (last != NULL)
		*last = NULL;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, strlen(prefix)) != 0)
			continue;
		n++;
		if (last != NULL) {
			free(*last);
			*last = paths_join(dir, de->d_name);
		}
	}
	closedir(d);
	return n;
}

static struct progress_entry
entry(const char *id, enum progress_status status, int step, int steps,
    const char *results)
{
	struct progress_entry e;

	memset(&e, 0, sizeof e);
	e.lesson_id = (char *)id;
	e.status = status;
	e.step = step;
	e.step_count = steps;
	e.score = 1;
	e.max_score = steps > 0 ? 2 : 0;
	e.times_finished = status == PROGRESS_FINISHED ? 1 : 0;
	e.results = (char *)results;
	e.updated = 1717171717;
	return e;
}

static void
assert_entry_eq(const struct progress_entry *got,
    const struct progress_entry *want)
{
	cr_assert_not_null(got, "lesson %s is missing", want->lesson_id);
	cr_assert_str_eq(got->lesson_id, want->lesson_id);
	cr_assert_eq(got->status, want->status, "%s", want->lesson_id);
	cr_assert_eq(got->step, want->step, "%s", want->lesson_id);
	cr_assert_eq(got->step_count, want->step_count);
	cr_assert_eq(got->score, want->score);
	cr_assert_eq(got->max_score, want->max_score);
	cr_assert_eq(got->times_finished, want->times_finished);
	cr_assert_str_eq(got->results, want->results);
	cr_assert_eq(got->updated, want->updated);
}

static void
assert_same_store(const struct progress *a, const struct progress *b)
{
	size_t i;

	cr_assert_eq(a->count, b->count, "%zu lessons, want %zu", a->count,
	    b->count);
	for (i = 0; i < a->count; i++)
		assert_entry_eq(progress_get(b, a->entries[i].lesson_id),
		    &a->entries[i]);
}

/* A store in memory only, with three lessons of different shapes. */
static void
sample_store(struct progress *p)
{
	struct progress_entry e;

	progress_open(p, NULL);
	e = entry("what-is-grooming", PROGRESS_FINISHED, 5, 5, "c.wcs");
	e.score = 2;
	e.times_finished = 3;
	progress_set(p, &e);
	e = entry("sextortion-101", PROGRESS_STARTED, 1, 4, "w...");
	progress_set(p, &e);
	e = entry("a", PROGRESS_STARTED, 0, 0, "");
	progress_set(p, &e);
}

static char *
sample_text(size_t *len)
{
	struct progress p;
	char *s;

	sample_store(&p);
	s = progress_format(&p);
	progress_close(&p);
	*len = strlen(s);
	return s;
}

/* 'body' followed by its correct checksum line. */
static char *
with_checksum(const char *body)
{
	return xasprintf("%schecksum %08x\n", body,
	    (unsigned int)checksum_crc32(0, body, strlen(body)));
}

/* Round trip. */

Test(progress, round_trip_through_the_file_keeps_every_field)
{
	struct progress p, q, want;
	char *tmp = make_tmp(), *dir;
	struct stat st;

	dir = paths_join(tmp, "data/redflags");
	progress_open(&p, dir);
	cr_assert(p.can_save);
	cr_assert_null(p.notice, "unexpected notice: %s", p.notice);
	cr_assert_eq(stat(dir, &st), 0, "the directory was created");
	cr_assert_eq(st.st_mode & 0777, 0700);

	sample_store(&want);
	for (size_t i = 0; i < want.count; i++)
		progress_set(&p, &want.entries[i]);
	cr_assert_eq(progress_save(&p), 0, "notice: %s", p.notice);
	cr_assert_null(p.notice);
	for (size_t i = 0; i < p.count; i++)
		cr_assert_not(p.dirty[i], "saved entries are clean");
	cr_assert_eq(stat(p.path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600, "only the student reads it");

	progress_open(&q, dir);
	cr_assert_null(q.notice, "unexpected notice: %s", q.notice);
	assert_same_store(&want, &q);
	cr_assert_eq(count_prefixed(dir, "progress.tmp-", NULL), 0);

	progress_close(&want);
	progress_close(&p);
	progress_close(&q);
	free(dir);
	rm_rf(tmp);
}

Test(progress, format_then_parse_gives_back_the_same_store)
{
	struct progress p, q;
	const char *why = "unset";
	char *s;

	sample_store(&p);
	s = progress_format(&p);
	memset(&q, 0, sizeof q);
	cr_assert_eq(progress_parse(&q, s, strlen(s), &why), 0, "%s", why);
	assert_same_store(&p, &q);
	for (size_t i = 0; i < q.count; i++)
		cr_assert_not(q.dirty[i]);
	free(s);
	progress_close(&p);
	progress_close(&q);
}

Test(progress, format_is_sorted_and_stable)
{
	struct progress p;
	char *s, *t;

	sample_store(&p);
	s = progress_format(&p);
	t = progress_format(&p);
	cr_assert_str_eq(s, t);
	cr_assert_eq(strncmp(s, "redflags-progress 1\nlesson\ta\t", 29), 0,
	    "got: %s", s);
	cr_assert_lt(strstr(s, "sextortion-101"),
	    strstr(s, "what-is-grooming"));
	free(s);
	free(t);
	progress_close(&p);
}

Test(progress, empty_store_formats_to_header_and_checksum)
{
	struct progress p;
	char *s, *want;

	progress_open(&p, NULL);
	s = progress_format(&p);
	want = with_checksum("redflags-progress 1\n");
	cr_assert_str_eq(s, want);
	free(s);
	free(want);
	progress_close(&p);
}

/* progress_get and progress_set. */

Test(progress, get_of_an_unknown_lesson_is_null)
{
	struct progress p;

	sample_store(&p);
	cr_assert_null(progress_get(&p, "never-opened"));
	cr_assert_null(progress_get(&p, ""));
	cr_assert_not_null(progress_get(&p, "a"));
	progress_close(&p);
}

Test(progress, set_replaces_the_entry_with_the_same_id)
{
	struct progress p;
	struct progress_entry e = entry("x", PROGRESS_STARTED, 1, 3, "c..");

	progress_open(&p, NULL);
	progress_set(&p, &e);
	e.step = 2;
	e.results = "cw.";
	progress_set(&p, &e);
	cr_assert_eq(p.count, 1);
	assert_entry_eq(progress_get(&p, "x"), &e);
	/* Setting an entry from the store itself is safe. */
	progress_set(&p, progress_get(&p, "x"));
	assert_entry_eq(progress_get(&p, "x"), &e);
	cr_assert(p.dirty[0]);
	progress_close(&p);
}

Test(progress, set_ignores_lesson_ids_the_file_cannot_hold)
{
	static const char *bad[] = { "", "Grooming", "a b", "a\tb", "a_b",
	    "ü", "12345678901234567890123456789012345678901234567890123456789"
	    "0123456" };
	struct progress p;
	struct progress_entry e = entry("ok", PROGRESS_STARTED, 0, 1, ".");

	progress_open(&p, NULL);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		e.lesson_id = (char *)bad[i];
		progress_set(&p, &e);
	}
	e.lesson_id = NULL;
	progress_set(&p, &e);
	cr_assert_eq(p.count, 0);
	e.lesson_id = "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-"
	    "123456789";
	cr_assert_eq(strlen(e.lesson_id), 64);
	progress_set(&p, &e);
	cr_assert_eq(p.count, 1, "64 characters is still fine");
	progress_close(&p);
}

Test(progress, set_clamps_fields_so_the_file_always_parses)
{
	struct progress p, q;
	struct progress_entry e = entry("x", 7, -3, 4, "cXw");
	const struct progress_entry *got;
	const char *why;
	char *s;

	e.score = 99;
	e.max_score = -1;
	e.times_finished = -5;
	e.updated = -1;
	progress_open(&p, NULL);
	progress_set(&p, &e);
	got = progress_get(&p, "x");
	cr_assert_eq(got->status, PROGRESS_STARTED);
	cr_assert_eq(got->step, 0);
	cr_assert_eq(got->max_score, 0);
	cr_assert_eq(got->score, 0);
	cr_assert_eq(got->times_finished, 0);
	cr_assert_eq(got->updated, 0);
	cr_assert_str_eq(got->results, "c.w.", "padded, unknown marks cleared");

	e = entry("y", PROGRESS_FINISHED, 9, 3, "cwsc");
	e.results = NULL;
	progress_set(&p, &e);
	got = progress_get(&p, "y");
	cr_assert_eq(got->step, 3);
	cr_assert_str_eq(got->results, "");

	s = progress_format(&p);
	memset(&q, 0, sizeof q);
	cr_assert_eq(progress_parse(&q, s, strlen(s), &why), 0, "%s", why);
	assert_same_store(&p, &q);
	free(s);
	progress_close(&p);
	progress_close(&q);
}

/* The parser. */

Test(progress, parser_accepts_the_shipped_good_fixtures)
{
	static const struct { const char *file; size_t count; } good[] = {
		{ "data/progress/good-empty.progress", 0 },
		{ "data/progress/good-three-lessons.progress", 3 },
	};
	const struct progress_entry *e;
	struct progress p;
	const char *why;
	char *data;
	size_t len;

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		data = slurp(good[i].file, &len);
		cr_assert_not_null(data, "%s is missing", good[i].file);
		memset(&p, 0, sizeof p);
		cr_assert_eq(progress_parse(&p, data, len, &why), 0, "%s: %s",
		    good[i].file, why);
		cr_assert_eq(p.count, good[i].count, "%s", good[i].file);
		free(data);
		if (i == 1) {
			e = progress_get(&p, "online-friends");
			cr_assert_not_null(e);
			cr_assert_eq(e->status, PROGRESS_FINISHED);
			cr_assert_eq(e->times_finished, 2);
			cr_assert_str_eq(e->results, "c.wcs.");
			e = progress_get(&p, "what-is-grooming");
			cr_assert_str_eq(e->results, "");
		}
		progress_close(&p);
	}
}

Test(progress, parser_rejects_the_shipped_bad_fixtures)
{
	static const struct { const char *file, *why; } bad[] = {
		{ "data/progress/bad-checksum.progress", "checksum" },
		{ "data/progress/bad-uppercase-id.progress", "lesson id" },
		{ "data/progress/bad-results-length.progress", "results" },
		{ "data/progress/bad-duplicate-lesson.progress", "twice" },
		{ "data/progress/bad-no-checksum.progress", "checksum" },
		{ "data/progress/future-v2.progress", "newer version" },
	};
	struct progress p;
	const char *why;
	char *data;
	size_t len;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		data = slurp(bad[i].file, &len);
		cr_assert_not_null(data, "%s is missing", bad[i].file);
		memset(&p, 0, sizeof p);
		why = NULL;
		cr_assert_eq(progress_parse(&p, data, len, &why), -1, "%s",
		    bad[i].file);
		cr_assert_not_null(why);
		cr_assert_not_null(strstr(why, bad[i].why), "%s: why = %s",
		    bad[i].file, why);
		cr_assert_eq(p.count, 0);
		free(data);
		progress_close(&p);
	}
}

/* Bodies that are checksummed correctly but wrong inside. */
static const struct {
	const char *body, *why;
} bad_bodies[] = {
	{ "redflags-progress 1\nlesson\tA\tstarted\t0\t1\t0\t0\t0\t0\t.\n",
	  "lesson id" },
	{ "redflags-progress 1\nlesson\t\tstarted\t0\t1\t0\t0\t0\t0\t.\n",
	  "lesson id" },
	{ "redflags-progress 1\nlesson\ta.b\tstarted\t0\t1\t0\t0\t0\t0\t.\n",
	  "lesson id" },
	{ "redflags-progress 1\nlesson\tabcdefghij-abcdefghij-abcdefghij-"
	  "abcdefghij-abcdefghij-1234567890\tstarted\t0\t1\t0\t0\t0\t0\t.\n",
	  "lesson id" },
	{ "redflags-progress 1\nlesson\ta\tnew\t0\t1\t0\t0\t0\t0\t.\n",
	  "status" },
	{ "redflags-progress 1\nlesson\ta\tStarted\t0\t1\t0\t0\t0\t0\t.\n",
	  "status" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t-1\t1\t0\t0\t0\t0\t.\n",
	  "number" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t01\t1\t0\t0\t0\t0\t.\n",
	  "number" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t\t1\t0\t0\t0\t0\t.\n",
	  "number" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t501\t0\t0\t0\t0\t-\n",
	  "number" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t1\t0\t0\t0\t"
	  "99999999999999999999\t.\n", "number" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t1\t0\t0\t1000000\t0"
	  "\t.\n",
	  "number" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t1\t0\t0\t0\t1e3\t.\n",
	  "number" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t2\t1\t0\t0\t0\t0\t.\n",
	  "out of range" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t1\t1\t0\t0\t0\t.\n",
	  "out of range" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t1\t0\t2\t0\t0\t.\n",
	  "out of range" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t2\t0\t0\t0\t0\t.\n",
	  "results" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t2\t0\t0\t0\t0\t...\n",
	  "results" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t2\t0\t0\t0\t0\t.x\n",
	  "unknown mark" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t2\t0\t0\t0\t0\t\n",
	  "results" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t1\t0\t0\t0\t.\n",
	  "too few" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t1\t0\t0\t0\t0\t.\tx\n",
	  "too many" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t1\t0\t0\t0\t0\t.\r\n",
	  "results" },
	{ "redflags-progress 1\n\n", "not a lesson record" },
	{ "redflags-progress 1\nbadge\tgold\n", "not a lesson record" },
	{ "redflags-progress 1\nlesson\ta\tstarted\t0\t0\t0\t0\t0\t0\t-\n"
	  "lesson\ta\tfinished\t0\t0\t0\t0\t1\t0\t-\n", "twice" },
	{ "redflags-progress 0\n", "unknown version" },
	{ "redflags-progress 01\n", "version line" },
	{ "redflags-progress \n", "version line" },
	{ "redflags-progress 1 \n", "version line" },
	{ "redflags-progress 2\n", "newer version" },
	{ "redflags-progress 999999999\n", "newer version" },
	{ "redflags-progress 9999999999\n", "version line" },
	{ "Redflags-progress 1\n", "not a redflags progress file" },
	{ "\n", "not a redflags progress file" },
};

Test(progress, parser_rejects_bad_records_with_a_reason)
{
	struct progress p;
	const char *why;
	char *s;

	for (size_t i = 0; i < sizeof bad_bodies / sizeof bad_bodies[0];
	    i++) {
		s = with_checksum(bad_bodies[i].body);
		memset(&p, 0, sizeof p);
		why = NULL;
		cr_assert_eq(progress_parse(&p, s, strlen(s), &why), -1,
		    "accepted case %zu: %s", i, s);
		cr_assert_not_null(why);
		cr_assert_not_null(strstr(why, bad_bodies[i].why),
		    "case %zu: why = \"%s\", want \"%s\"", i, why,
		    bad_bodies[i].why);
		cr_assert_eq(p.count, 0, "nothing appended on failure");
		free(s);
		progress_close(&p);
	}
}

Test(progress, parser_rejects_damaged_checksum_lines)
{
	static const char *const tails[] = {
		"",			/* missing */
		"checksum 1234567\n",	/* 7 digits */
		"checksum 123456789\n",
		"checksum ABCDEF12\n",	/* upper case is not written */
		"checksum 0000000g\n",
		"checksum  1234567\n",
		"checksum 12345678",	/* no final newline */
		"checksum 12345678\r\n",
	};
	const char *body = "redflags-progress 1\n";
	struct progress p;
	const char *why;
	char *s;

	for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		s = xasprintf("%s%s", body, tails[i]);
		memset(&p, 0, sizeof p);
		cr_assert_eq(progress_parse(&p, s, strlen(s), &why), -1,
		    "tail %zu", i);
		free(s);
	}
	/* A correct one after it, and something after the checksum line. */
	s = with_checksum(body);
	cr_assert_eq(progress_parse(&p, s, strlen(s), &why), 0, "%s", why);
	free(s);
	s = with_checksum(body);
	s = xrealloc(s, strlen(s) + 2);
	strcat(s, "x");
	cr_assert_eq(progress_parse(&p, s, strlen(s), &why), -1);
	free(s);
	progress_close(&p);
}

Test(progress, parser_refuses_files_over_one_mebibyte)
{
	struct progress p;
	const char *why;
	size_t len = 1024 * 1024 + 1;
	char *s = xmalloc(len);

	memset(s, 'a', len);
	memset(&p, 0, sizeof p);
	cr_assert_eq(progress_parse(&p, s, len, &why), -1);
	cr_assert_not_null(strstr(why, "larger than"), "%s", why);
	free(s);
}

Test(progress, parser_refuses_overlong_lines)
{
	struct progress p;
	struct buf b;
	const char *why;
	char *s;

	buf_init(&b);
	buf_adds(&b, "redflags-progress 1\n"
	    "lesson\ta\tstarted\t0\t0\t0\t0\t0\t0\t-");
	for (int i = 0; i < 2000; i++)
		buf_addc(&b, ' ');
	buf_adds(&b, "\n");
	s = with_checksum(b.data);
	memset(&p, 0, sizeof p);
	cr_assert_eq(progress_parse(&p, s, strlen(s), &why), -1);
	cr_assert_not_null(strstr(why, "too long"), "%s", why);
	free(s);
	buf_finish(&b);

	/* A first line that never ends. */
	s = xmalloc(100000);
	memset(s, 'r', 100000);
	cr_assert_eq(progress_parse(&p, s, 100000, &why), -1);
	cr_assert_not_null(strstr(why, "first line"), "%s", why);
	free(s);
}

Test(progress, parser_survives_arbitrary_bytes)
{
	struct progress p;
	const char *why;
	unsigned char data[512];
	unsigned int x = 1;
	size_t len;

	/* Not a fuzzer, but every byte value, NULs included, in many places. */
	for (int round = 0; round < 2000; round++) {
		len = (size_t)(round % (int)sizeof data);
		for (size_t i = 0; i < len; i++) {
			x = x * 1103515245U + 12345U;
			data[i] = (unsigned char)(x >> 16);
		}
		if (round % 3 == 0 && len > 20)
			memcpy(data, "redflags-progress 1\n", 20);
		memset(&p, 0, sizeof p);
		cr_assert_eq(progress_parse(&p, (char *)data, len, &why), -1);
		cr_assert_not_null(why);
	}
	cr_assert_eq(progress_parse(&p, NULL, 0, &why), -1);
	cr_assert_eq(progress_parse(&p, "", 0, NULL), -1, "why may be NULL");
}

Test(progress, parse_replaces_entries_with_the_same_id)
{
	struct progress p;
	struct progress_entry e = entry("a", PROGRESS_STARTED, 1, 2, "c.");
	const char *why;
	char *s;

	progress_open(&p, NULL);
	progress_set(&p, &e);
	s = with_checksum("redflags-progress 1\n"
	    "lesson\ta\tfinished\t2\t2\t1\t1\t1\t5\tcc\n"
	    "lesson\tb\tstarted\t0\t0\t0\t0\t0\t5\t-\n");
	cr_assert_eq(progress_parse(&p, s, strlen(s), &why), 0, "%s", why);
	cr_assert_eq(p.count, 2);
	cr_assert_eq(progress_get(&p, "a")->status, PROGRESS_FINISHED);
	cr_assert_not(p.dirty[0]);
	free(s);
	progress_close(&p);
}

/* Truncated and damaged files. */

Test(progress, truncated_file_is_detected_at_every_length)
{
	struct progress p, whole;
	const char *why;
	size_t len, cut, dlen;
	char *text = sample_text(&len), *tmp = make_tmp(), *path, *aside;
	char *data;

	sample_store(&whole);
	path = paths_join(tmp, "progress");
	for (cut = 0; cut <= len; cut++) {
		memset(&p, 0, sizeof p);
		if (progress_parse(&p, text, cut, &why) == 0) {
			cr_assert_eq(cut, len, "a cut at %zu parsed", cut);
			assert_same_store(&whole, &p);
		} else
			cr_assert_not_null(why);
		progress_close(&p);

		/* On disk: moved aside, with a notice, store empty. */
		write_bytes(path, text, cut);
		progress_open(&p, tmp);
		if (cut == len) {
			cr_assert_null(p.notice, "%s", p.notice);
			assert_same_store(&whole, &p);
			progress_close(&p);
			continue;
		}
		cr_assert_eq(p.count, 0, "cut at %zu", cut);
		cr_assert(p.can_save);
		cr_assert_not_null(p.notice, "cut at %zu: no notice", cut);
		cr_assert_eq(access(path, F_OK), -1, "file was moved away");
		cr_assert_eq(count_prefixed(tmp, "progress.corrupt-", &aside),
		    1);
		cr_assert_not_null(strstr(p.notice, aside), "notice: %s",
		    p.notice);
		cr_assert_not_null(strstr(p.notice, "starting fresh"));
		data = slurp(aside, &dlen);
		cr_assert_eq(dlen, cut);
		cr_assert_eq(memcmp(data, text, cut), 0, "kept byte for byte");
		free(data);
		cr_assert_eq(unlink(aside), 0);
		free(aside);
		progress_close(&p);
	}
	progress_close(&whole);
	free(text);
	free(path);
	rm_rf(tmp);
}

Test(progress, every_single_bit_flip_is_detected)
{
	struct progress p;
	const char *why;
	size_t len, i;
	char *text = sample_text(&len), *tmp = make_tmp(), *path, *aside;
	int bit;

	path = paths_join(tmp, "progress");
	for (i = 0; i < len; i++) {
		for (bit = 0; bit < 8; bit++) {
			text[i] ^= (char)(1 << bit);
			memset(&p, 0, sizeof p);
			why = NULL;
			cr_assert_eq(progress_parse(&p, text, len, &why), -1,
			    "flip of byte %zu bit %d was accepted", i, bit);
			cr_assert_not_null(why);
			if (bit == 0 || bit == 7) {
				/* And on disk, for some of them. */
				write_bytes(path, text, len);
				progress_open(&p, tmp);
				cr_assert_eq(p.count, 0);
				cr_assert_not_null(p.notice);
				cr_assert_eq(count_prefixed(tmp,
				    "progress.corrupt-", &aside), 1);
				cr_assert_eq(unlink(aside), 0);
				free(aside);
				progress_close(&p);
			}
			text[i] ^= (char)(1 << bit);
		}
	}
	free(text);
	free(path);
	rm_rf(tmp);
}

Test(progress, future_version_is_moved_aside_with_its_own_notice)
{
	struct progress p;
	char *tmp = make_tmp(), *path, *aside, *data, *orig;
	size_t len, olen;

	orig = slurp("data/progress/future-v2.progress", &olen);
	cr_assert_not_null(orig);
	path = paths_join(tmp, "progress");
	write_bytes(path, orig, olen);
	progress_open(&p, tmp);
	cr_assert_eq(p.count, 0);
	cr_assert(p.can_save);
	cr_assert_not_null(p.notice);
	cr_assert_not_null(strstr(p.notice, "newer version of redflags"),
	    "notice: %s", p.notice);
	cr_assert_eq(count_prefixed(tmp, "progress.corrupt-", &aside), 1);
	cr_assert_not_null(strstr(p.notice, aside));
	data = slurp(aside, &len);
	cr_assert_eq(len, olen);
	cr_assert_eq(memcmp(data, orig, len), 0);
	/* Starting fresh works. */
	cr_assert_eq(progress_save(&p), 0);
	cr_assert_eq(access(path, F_OK), 0);
	free(data);
	free(orig);
	free(aside);
	free(path);
	progress_close(&p);
	rm_rf(tmp);
}

Test(progress, corrupt_file_never_replaces_an_earlier_one)
{
	struct progress p;
	char *tmp = make_tmp(), *path, *name, *data;
	char stamp[32];
	struct tm tm;
	time_t now = time(NULL), t;
	size_t len;

	/* Take this second's name (and the next two) beforehand. */
	for (t = now; t < now + 3; t++) {
		localtime_r(&t, &tm);
		strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
		name = xasprintf("%s/progress.corrupt-%s", tmp, stamp);
		write_bytes(name, "earlier", 7);
		free(name);
	}
	path = paths_join(tmp, "progress");
	write_bytes(path, "garbage", 7);
	progress_open(&p, tmp);
	cr_assert_not_null(p.notice);
	cr_assert_eq(count_prefixed(tmp, "progress.corrupt-", NULL), 4);
	/* The earlier files are untouched; ours got a "-1" suffix. */
	for (t = now; t < now + 3; t++) {
		localtime_r(&t, &tm);
		strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
		name = xasprintf("%s/progress.corrupt-%s", tmp, stamp);
		data = slurp(name, &len);
		cr_assert_str_eq(data, "earlier");
		free(data);
		free(name);
	}
	cr_assert_not_null(strstr(p.notice, "-1."), "notice: %s", p.notice);
	free(path);
	progress_close(&p);
	rm_rf(tmp);
}

Test(progress, oversized_file_is_moved_aside)
{
	struct progress p;
	char *tmp = make_tmp(), *path, *big;
	size_t len = 1024 * 1024 + 10;

	path = paths_join(tmp, "progress");
	big = xmalloc(len);
	memset(big, '\n', len);
	write_bytes(path, big, len);
	progress_open(&p, tmp);
	cr_assert_not_null(p.notice);
	cr_assert_eq(count_prefixed(tmp, "progress.corrupt-", NULL), 1);
	cr_assert_eq(access(path, F_OK), -1);
	free(big);
	free(path);
	progress_close(&p);
	rm_rf(tmp);
}

Test(progress, file_damaged_while_running_is_kept_at_save)
{
	struct progress p;
	struct progress_entry e = entry("a", PROGRESS_STARTED, 0, 1, ".");
	char *tmp = make_tmp(), *path;

	path = paths_join(tmp, "progress");
	progress_open(&p, tmp);
	cr_assert_null(p.notice);
	write_bytes(path, "redflags-progress 7\n", 20);
	progress_set(&p, &e);
	cr_assert_eq(progress_save(&p), 0);
	cr_assert_eq(count_prefixed(tmp, "progress.corrupt-", NULL), 1);
	cr_assert_not_null(p.notice);
	cr_assert_not_null(strstr(p.notice, "was kept as"), "%s", p.notice);
	progress_close(&p);
	progress_open(&p, tmp);
	cr_assert_null(p.notice);
	cr_assert_not_null(progress_get(&p, "a"));
	progress_close(&p);
	free(path);
	rm_rf(tmp);
}

/* Failing saves. */

struct fault_setup {
	char *tmp;
	char *path;
	char *old;
	size_t old_len;
	struct progress p;
};

/* A directory with a saved file holding lesson "old"; then "new" is set. */
static void
fault_setup(struct fault_setup *f)
{
	struct progress_entry e = entry("old", PROGRESS_FINISHED, 3, 3, "ccw");
	struct progress q;

	memset(&sysio_faults, 0, sizeof sysio_faults);
	f->tmp = make_tmp();
	progress_open(&q, f->tmp);
	progress_set(&q, &e);
	cr_assert_eq(progress_save(&q), 0);
	progress_close(&q);
	f->path = paths_join(f->tmp, "progress");
	f->old = slurp(f->path, &f->old_len);
	cr_assert_not_null(f->old);

	progress_open(&f->p, f->tmp);
	cr_assert_null(f->p.notice);
	e = entry("new", PROGRESS_STARTED, 1, 4, "c...");
	progress_set(&f->p, &e);
}

static void
fault_teardown(struct fault_setup *f)
{
	memset(&sysio_faults, 0, sizeof sysio_faults);
	progress_close(&f->p);
	free(f->path);
	free(f->old);
	rm_rf(f->tmp);
}

/* The file on disk holds both "old" and "new", and nothing else is left. */
static void
assert_saved_both(const char *dir)
{
	struct progress q;

	progress_open(&q, dir);
	cr_assert_null(q.notice, "%s", q.notice);
	cr_assert_eq(q.count, 2);
	cr_assert_not_null(progress_get(&q, "old"));
	cr_assert_not_null(progress_get(&q, "new"));
	progress_close(&q);
}

/* How many faultable calls a save makes in this setup. */
static int
calls_in_a_save(void)
{
	struct fault_setup f;
	int n;

	fault_setup(&f);
	cr_assert_eq(progress_save(&f.p), 0);
	n = sysio_faults.calls;
	fault_teardown(&f);
	return n;
}

static void
fail_every_call(int err)
{
	struct fault_setup f;
	char *data;
	size_t len;
	int n = calls_in_a_save(), i, r, replaced = 0;

	/*
	 * lock open, flock, open and read the file (twice: data, then end of
	 * file), mkstemp, write, fsync, close, open the directory, rename,
	 * fsync the directory.
	 */
	cr_assert_eq(n, 12, "%d calls counted", n);
	for (i = 1; i <= n; i++) {
		fault_setup(&f);
		sysio_faults.fail_at = i;
		sysio_faults.fail_errno = err;
		r = progress_save(&f.p);
		cr_assert_eq(sysio_faults.calls >= i, 1,
		    "call %d was never made", i);
		cr_assert_eq(r, err, "call %d: save returned %d", i, r);

		/* The old file is intact (see below for the last call). */
		data = slurp(f.path, &len);
		cr_assert_not_null(data, "call %d: the file is gone", i);
		if (len != f.old_len || memcmp(data, f.old, len) != 0) {
			/*
			 * Only the directory fsync comes after the rename: the
			 * new file is complete and in place, but may not
			 * survive a power cut, so the save still reports it.
			 */
			cr_assert_eq(i, n, "call %d changed the file", i);
			replaced = 1;
		}
		free(data);
		cr_assert_eq(count_prefixed(f.tmp, "progress.tmp-", NULL), 0,
		    "call %d left a temp file", i);
		cr_assert_eq(count_prefixed(f.tmp, "progress.corrupt-", NULL),
		    0);

		/* Nothing is lost from memory; the student is told. */
		cr_assert_not_null(progress_get(&f.p, "new"));
		cr_assert_not_null(progress_get(&f.p, "old"));
		cr_assert_not_null(f.p.notice, "call %d: no notice", i);
		cr_assert_not_null(strstr(f.p.notice, strerror(err)),
		    "notice: %s", f.p.notice);
		if (err == EIO || err == ENOSPC) {
			cr_assert(f.p.can_save, "%s may pass: try again",
			    strerror(err));
			cr_assert_not_null(strstr(f.p.notice,
			    "could not be saved just now"));
		} else {
			cr_assert_not(f.p.can_save);
			cr_assert_not_null(strstr(f.p.notice,
			    "cannot be saved on this computer"));
			cr_assert_eq(progress_save(&f.p), EROFS,
			    "no more tries once saving is off");
			/* As a "try again" once the disk is writable. */
			f.p.can_save = true;
		}

		/* With the fault gone, the same store saves fine. */
		memset(&sysio_faults, 0, sizeof sysio_faults);
		cr_assert_eq(progress_save(&f.p), 0, "retry after call %d", i);
		assert_saved_both(f.tmp);
		cr_assert_eq(count_prefixed(f.tmp, "progress.tmp-", NULL), 0);
		fault_teardown(&f);
	}
	cr_assert(replaced, "the last call is the directory fsync, after "
	    "the rename, so the last failure leaves the new file");
}

Test(progress, save_failing_with_enospc_at_any_call_keeps_the_old_file)
{
	fail_every_call(ENOSPC);
}

Test(progress, save_failing_with_eio_at_any_call_keeps_the_old_file)
{
	fail_every_call(EIO);
}

Test(progress, save_failing_with_erofs_at_any_call_keeps_the_old_file)
{
	fail_every_call(EROFS);
}

Test(progress, short_write_is_detected_and_keeps_the_old_file)
{
	struct fault_setup f;
	char *data;
	size_t len;
	int r;

	fault_setup(&f);
	sysio_faults.short_write = true;
	r = progress_save(&f.p);
	cr_assert_neq(r, 0, "a short write went unnoticed");
	data = slurp(f.path, &len);
	cr_assert_eq(len, f.old_len);
	cr_assert_eq(memcmp(data, f.old, len), 0);
	free(data);
	cr_assert_eq(count_prefixed(f.tmp, "progress.tmp-", NULL), 0);
	cr_assert_not_null(progress_get(&f.p, "new"));
	cr_assert_not_null(f.p.notice);

	memset(&sysio_faults, 0, sizeof sysio_faults);
	f.p.can_save = true;
	cr_assert_eq(progress_save(&f.p), 0);
	assert_saved_both(f.tmp);
	fault_teardown(&f);
}

Test(progress, dirty_flags_stay_until_a_save_succeeds)
{
	struct fault_setup f;

	fault_setup(&f);
	sysio_faults.fail_at = 1;
	sysio_faults.fail_errno = EIO;
	cr_assert_eq(progress_save(&f.p), EIO);
	cr_assert(f.p.dirty[f.p.count - 1] ||
	    f.p.dirty[0], "the new lesson is still pending");
	memset(&sysio_faults, 0, sizeof sysio_faults);
	cr_assert_eq(progress_save(&f.p), 0);
	for (size_t i = 0; i < f.p.count; i++)
		cr_assert_not(f.p.dirty[i]);
	fault_teardown(&f);
}

/* Nowhere to save. */

Test(progress, directory_under_a_regular_file_cannot_save_but_works)
{
	struct progress p;
	struct progress_entry e = entry("a", PROGRESS_STARTED, 1, 2, "c.");
	char *tmp = make_tmp(), *file, *dir, *want;

	file = paths_join(tmp, "file");
	dir = paths_join(tmp, "file/sub");
	write_bytes(file, "x", 1);
	progress_open(&p, dir);
	cr_assert_not(p.can_save);
	cr_assert_not_null(p.notice);
	want = xasprintf("Your progress cannot be saved on this computer "
	    "(Not a directory). You can still use every lesson. A teacher "
	    "can check the folder %s.", dir);
	cr_assert_str_eq(p.notice, want);
	free(want);
	progress_set(&p, &e);
	assert_entry_eq(progress_get(&p, "a"), &e);
	cr_assert_eq(progress_save(&p), EROFS);
	cr_assert_eq(count_prefixed(tmp, "", NULL), 3, ". .. file");
	progress_close(&p);
	free(file);
	free(dir);
	rm_rf(tmp);
}

Test(progress, no_data_home_cannot_save_but_works)
{
	struct progress p;
	struct progress_entry e = entry("a", PROGRESS_STARTED, 1, 2, "c.");

	progress_open(&p, NULL);
	cr_assert_not(p.can_save);
	cr_assert_not_null(p.notice);
	cr_assert_not_null(strstr(p.notice, "cannot be saved"));
	progress_set(&p, &e);
	cr_assert_not_null(progress_get(&p, "a"));
	cr_assert_eq(progress_save(&p), EROFS);
	progress_close(&p);
}

Test(progress, read_only_directory_for_an_ordinary_user)
{
	char *tmp = make_tmp(), *dir;
	struct passwd *pw;
	pid_t pid;
	int status;

	if (geteuid() != 0)
		cr_skip_test("needs root to become an ordinary user");
	pw = getpwnam("nobody");
	if (pw == NULL)
		cr_skip_test("no user 'nobody'");
	/* Root-owned and 0755: the user can enter it but not write it. */
	dir = paths_join(tmp, "ro");
	cr_assert_eq(mkdir(dir, 0755), 0);
	cr_assert_eq(chmod(tmp, 0755), 0);
	pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		struct progress p;
		struct progress_entry e = entry("a", PROGRESS_STARTED, 0, 0,
		    "");
		int code = 0;

		if (setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
			_exit(10);
		progress_open(&p, dir);
		if (p.can_save)
			code = 1;
		else if (p.notice == NULL || strstr(p.notice,
		    "(Permission denied)") == NULL)
			code = 2;
		progress_set(&p, &e);
		if (progress_get(&p, "a") == NULL)
			code = 3;
		if (progress_save(&p) != EROFS)
			code = 4;
		progress_close(&p);
		free(dir);
		free(tmp);
		_exit(code);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status));
	cr_assert_eq(WEXITSTATUS(status), 0, "child failed with code %d",
	    WEXITSTATUS(status));
	cr_assert_eq(count_prefixed(dir, "progress", NULL), 0);
	free(dir);
	rm_rf(tmp);
}

/* Two copies of the program. */

Test(progress, two_stores_on_one_directory_keep_both_lessons)
{
	struct progress a, b, c;
	struct progress_entry ea = entry("lesson-a", PROGRESS_STARTED, 1, 3,
	    "c..");
	struct progress_entry eb = entry("lesson-b", PROGRESS_FINISHED, 2, 2,
	    "cw");
	char *tmp = make_tmp();

	progress_open(&a, tmp);
	progress_open(&b, tmp);
	progress_set(&a, &ea);
	progress_set(&b, &eb);
	cr_assert_eq(progress_save(&a), 0);
	cr_assert_eq(progress_save(&b), 0);
	/* b picked up a's lesson while saving. */
	assert_entry_eq(progress_get(&b, "lesson-a"), &ea);

	progress_open(&c, tmp);
	cr_assert_eq(c.count, 2);
	assert_entry_eq(progress_get(&c, "lesson-a"), &ea);
	assert_entry_eq(progress_get(&c, "lesson-b"), &eb);
	progress_close(&a);
	progress_close(&b);
	progress_close(&c);
	rm_rf(tmp);
}

Test(progress, unchanged_lessons_are_taken_from_the_file_when_saving)
{
	struct progress a, b, c;
	struct progress_entry e = entry("shared", PROGRESS_STARTED, 0, 3,
	    "...");
	struct progress_entry mine = entry("mine", PROGRESS_STARTED, 0, 0, "");
	char *tmp = make_tmp();

	progress_open(&a, tmp);
	progress_set(&a, &e);
	cr_assert_eq(progress_save(&a), 0);

	/* b reads "shared" at step 0, a moves it on, b saves something else. */
	progress_open(&b, tmp);
	e.step = 2;
	e.results = "cw.";
	progress_set(&a, &e);
	cr_assert_eq(progress_save(&a), 0);
	progress_set(&b, &mine);
	cr_assert_eq(progress_save(&b), 0);

	progress_open(&c, tmp);
	assert_entry_eq(progress_get(&c, "shared"), &e);
	cr_assert_not_null(progress_get(&c, "mine"));
	assert_entry_eq(progress_get(&b, "shared"), &e);
	progress_close(&a);
	progress_close(&b);
	progress_close(&c);
	rm_rf(tmp);
}

Test(progress, changed_lessons_win_over_the_file_when_saving)
{
	struct progress a, b, c;
	struct progress_entry e = entry("shared", PROGRESS_STARTED, 0, 3,
	    "...");
	char *tmp = make_tmp();

	progress_open(&a, tmp);
	progress_open(&b, tmp);
	progress_set(&a, &e);
	cr_assert_eq(progress_save(&a), 0);
	e.step = 3;
	e.status = PROGRESS_FINISHED;
	progress_set(&b, &e);
	cr_assert_eq(progress_save(&b), 0);
	progress_open(&c, tmp);
	assert_entry_eq(progress_get(&c, "shared"), &e);
	progress_close(&a);
	progress_close(&b);
	progress_close(&c);
	rm_rf(tmp);
}

static int
save_many(const char *dir, const char *id, int times)
{
	struct progress p;
	struct progress_entry e = entry(id, PROGRESS_STARTED, 0, 2, "..");
	int i, code = 0;

	progress_open(&p, dir);
	if (!p.can_save || p.notice != NULL)
		code = 1;
	for (i = 1; i <= times && code == 0; i++) {
		e.times_finished = i;
		progress_set(&p, &e);
		if (progress_save(&p) != 0)
			code = 2;
	}
	progress_close(&p);
	return code;
}

Test(progress, two_processes_saving_at_once_lose_nothing)
{
	struct progress p;
	const char *ids[2] = { "lesson-one", "lesson-two" };
	char *tmp = make_tmp();
	pid_t pid[2];
	int status, i;

	for (i = 0; i < 2; i++) {
		pid[i] = fork();
		cr_assert_neq(pid[i], -1);
		if (pid[i] == 0) {
			int code = save_many(tmp, ids[i], 100);

			free(tmp);
			_exit(code);
		}
	}
	for (i = 0; i < 2; i++) {
		cr_assert_eq(waitpid(pid[i], &status, 0), pid[i]);
		cr_assert(WIFEXITED(status));
		cr_assert_eq(WEXITSTATUS(status), 0, "child %d: %d", i,
		    WEXITSTATUS(status));
	}
	progress_open(&p, tmp);
	cr_assert_null(p.notice, "%s", p.notice);
	cr_assert_eq(p.count, 2);
	for (i = 0; i < 2; i++) {
		cr_assert_not_null(progress_get(&p, ids[i]));
		cr_assert_eq(progress_get(&p, ids[i])->times_finished, 100);
	}
	cr_assert_eq(count_prefixed(tmp, "progress.tmp-", NULL), 0);
	cr_assert_eq(count_prefixed(tmp, "progress.corrupt-", NULL), 0);
	progress_close(&p);
	rm_rf(tmp);
}

/* Odds and ends. */

Test(progress, close_of_null_or_twice_is_harmless)
{
	struct progress p;

	progress_close(NULL);
	sample_store(&p);
	progress_close(&p);
	progress_close(&p);
	cr_assert_eq(p.count, 0);
	cr_assert_null(p.notice);
	progress_entry_finish(NULL);
}

Test(progress, only_progress_and_its_lock_are_left_after_saving)
{
	struct progress p;
	struct progress_entry e = entry("a", PROGRESS_STARTED, 0, 0, "");
	char *tmp = make_tmp();

	progress_open(&p, tmp);
	progress_set(&p, &e);
	for (int i = 0; i < 5; i++)
		cr_assert_eq(progress_save(&p), 0);
	cr_assert_eq(count_prefixed(tmp, "", NULL), 4,
	    ". .. progress progress.lock");
	cr_assert_eq(count_prefixed(tmp, "progress.lock", NULL), 1);
	progress_close(&p);
	rm_rf(tmp);
}

Test(progress, a_failing_disk_says_so_once_however_often_it_fails)
{
	struct fault_setup f;
	int i;

	fault_setup(&f);
	for (i = 0; i < 5; i++) {
		sysio_faults.fail_at = 3;
		sysio_faults.fail_errno = ENOSPC;
		cr_assert_neq(progress_save(&f.p), 0);
	}
	cr_assert(f.p.can_save, "a full disk may be freed: keep trying");
	cr_assert_not_null(f.p.notice);
	{
		const char *first = strstr(f.p.notice, "could not be saved");

		cr_assert_not_null(first);
		cr_assert_null(strstr(first + 1, "could not be saved"),
		    "said twice: %s", f.p.notice);
	}
	memset(&sysio_faults, 0, sizeof sysio_faults);
	cr_assert_eq(progress_save(&f.p), 0, "saves once the disk has room");
	fault_teardown(&f);
}
