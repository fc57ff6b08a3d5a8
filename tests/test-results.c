/* test-results.c - result records: format, parser, atomic write, builder. */
#include <criterion/criterion.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "checksum.h"
#include "diag.h"
#include "lesson-yaml.h"
#include "quiz.h"
#include "results.h"
#include "sysio.h"
#include "util.h"

/* Helpers. */

static char *
make_tmp(void)
{
	char tmpl[] = "/tmp/rf-results-XXXXXX";
	char *d = mkdtemp(tmpl);

	cr_assert_not_null(d, "mkdtemp: %s", strerror(errno));
	return xstrdup(d);
}

static void
rm_rf(char *dir)
{
	char *cmd;

	cr_assert_eq(strncmp(dir, "/tmp/rf-results-", 16), 0);
	cmd = xasprintf("rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	free(dir);
}

/* A record with one step of every kind. */
static void
sample(struct result_record *r)
{
	memset(r, 0, sizeof *r);
	r->lesson_id = xstrdup("online-friends");
	r->lang = xstrdup("en");
	r->class_code = xstrdup("7B-2024");
	memcpy(r->date, "2024-06-01", 11);
	r->seconds = 412;
	r->step_count = 7;
	r->steps = xcalloc(7, sizeof *r->steps);
	r->steps[0] = (struct result_step){ .type = STEP_PAGE,
	    .result = '.' };
	r->steps[1] = (struct result_step){ .id = xstrdup("q1"),
	    .type = STEP_CHOICE, .result = 'w', .known = true,
	    .answer = 1u << 1 };
	r->steps[2] = (struct result_step){ .id = xstrdup("q2"),
	    .type = STEP_MULTI, .result = 'c', .known = true,
	    .answer = (1u << 0) | (1u << 2) };
	r->steps[3] = (struct result_step){ .id = xstrdup("q3"),
	    .type = STEP_TRUEFALSE, .result = 's' };
	r->steps[4] = (struct result_step){ .id = xstrdup("chat1"),
	    .type = STEP_CHAT, .result = 'w', .known = true,
	    .found = (1u << 0) | (1u << 3), .missed = 1u << 5, .wrong = 1 };
	r->steps[5] = (struct result_step){ .id = xstrdup("story"),
	    .type = STEP_SCENARIO, .result = 'c', .known = true,
	    .ending_node = xstrdup("told"), .ending = ENDING_SAFE };
	r->steps[6] = (struct result_step){ .id = xstrdup("sort"),
	    .type = STEP_ORDER, .result = 'w' };
}

static const char sample_body[] =
	"redflags-result 1\n"
	"lesson\tonline-friends\n"
	"lang\ten\n"
	"class\t7B-2024\n"
	"date\t2024-06-01\n"
	"seconds\t412\n"
	"step\t-\tpage\t.\n"
	"step\tq1\tchoice\tw\t2\n"
	"step\tq2\tmulti\tc\t1,3\n"
	"step\tq3\ttruefalse\ts\t?\n"
	"step\tchat1\tchat\tw\t1,4\t6\t1\n"
	"step\tstory\tscenario\tc\ttold\tsafe\n"
	"step\tsort\torder\tw\n";

/* body + its checksum line. */
static char *
with_sum(const char *body)
{
	return xasprintf("%schecksum %08x\n", body,
	    (unsigned int)checksum_crc32(0, body, strlen(body)));
}

static void
assert_same(const struct result_record *a, const struct result_record *b)
{
	size_t i;

	cr_assert_str_eq(a->lesson_id, b->lesson_id);
	cr_assert_str_eq(a->lang, b->lang);
	cr_assert_eq(a->class_code == NULL, b->class_code == NULL);
	if (a->class_code != NULL)
		cr_assert_str_eq(a->class_code, b->class_code);
	cr_assert_str_eq(a->date, b->date);
	cr_assert_eq(a->seconds, b->seconds);
	cr_assert_eq(a->step_count, b->step_count);
	for (i = 0; i < a->step_count; i++) {
		const struct result_step *x = &a->steps[i], *y = &b->steps[i];

		cr_assert_eq(x->id == NULL, y->id == NULL, "step %zu", i);
		if (x->id != NULL)
			cr_assert_str_eq(x->id, y->id);
		cr_assert_eq(x->type, y->type, "step %zu", i);
		cr_assert_eq(x->result, y->result, "step %zu", i);
		cr_assert_eq(x->known, y->known, "step %zu", i);
		cr_assert_eq(x->answer, y->answer, "step %zu", i);
		cr_assert_eq(x->found, y->found, "step %zu", i);
		cr_assert_eq(x->missed, y->missed, "step %zu", i);
		cr_assert_eq(x->wrong, y->wrong, "step %zu", i);
		cr_assert_eq(x->ending, y->ending, "step %zu", i);
		cr_assert_eq(x->ending_node == NULL, y->ending_node == NULL);
		if (x->ending_node != NULL)
			cr_assert_str_eq(x->ending_node, y->ending_node);
	}
}

/* Format and parse. */

Test(results, format_is_the_documented_text)
{
	struct result_record r;
	char *text, *want;

	sample(&r);
	text = results_format(&r);
	want = with_sum(sample_body);
	cr_assert_not_null(text);
	cr_assert_str_eq(text, want);
	free(want);
	free(text);
	results_record_finish(&r);
}

Test(results, round_trip)
{
	struct result_record r, back;
	const char *why = NULL;
	char *text, *again;

	sample(&r);
	text = results_format(&r);
	cr_assert_eq(results_parse(text, strlen(text), &back, &why), 0,
	    "%s", why);
	assert_same(&r, &back);
	again = results_format(&back);
	cr_assert_str_eq(again, text);
	free(again);
	free(text);
	results_record_finish(&back);

	/* No class, no steps. */
	free(r.class_code);
	r.class_code = NULL;
	r.step_count = 1;
	text = results_format(&r);
	cr_assert_not_null(strstr(text, "\nclass\t-\n"));
	cr_assert_eq(results_parse(text, strlen(text), &back, &why), 0,
	    "%s", why);
	assert_same(&r, &back);
	results_record_finish(&back);
	free(text);
	r.step_count = 7;
	results_record_finish(&r);
}

Test(results, every_truncation_is_detected)
{
	struct result_record r, back;
	const char *why;
	char *text;
	size_t len, i;

	sample(&r);
	text = results_format(&r);
	len = strlen(text);
	for (i = 0; i < len; i++) {
		why = NULL;
		cr_assert_eq(results_parse(text, i, &back, &why), -1,
		    "cut at %zu was accepted", i);
		cr_assert_not_null(why);
		cr_assert_null(back.lesson_id);
	}
	free(text);
	results_record_finish(&r);
}

Test(results, every_bit_flip_is_detected)
{
	struct result_record r, back;
	const char *why;
	char *text;
	size_t len, i;
	int bit;

	sample(&r);
	text = results_format(&r);
	len = strlen(text);
	for (i = 0; i < len; i++) {
		for (bit = 0; bit < 8; bit++) {
			text[i] ^= (char)(1 << bit);
			cr_assert_eq(results_parse(text, len, &back, &why), -1,
			    "flip of bit %d at %zu was accepted", bit, i);
			text[i] ^= (char)(1 << bit);
		}
	}
	cr_assert_eq(results_parse(text, len, &back, &why), 0);
	results_record_finish(&back);
	free(text);
	results_record_finish(&r);
}

/* Bodies with a right checksum that still break a rule. */
static const char *const bad_bodies[] = {
	"",	/* only a checksum line: once refused with no reason */
	"redflags-result 2\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1\n",
	"redflags-result 1\nlang\ten\nlesson\ta\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1\n",
	"redflags-result 1\nlesson\tA\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\tx y\ndate\t2024-06-01\n"
	    "seconds\t1\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t"
	    "abcdefghijabcdefghijabcdefghijabc\ndate\t2024-06-01\nseconds\t1\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\n"
	    "date\t2024-06-01 10:00\nseconds\t1\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-13-01\n"
	    "seconds\t1\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t01\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1000000\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1\nname\tSam\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1\nstep\tq\tpage\tc\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1\nstep\tq\tchoice\tx\t1\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1\nstep\tq\tchoice\ts\t1\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1\nstep\tq\tmulti\tw\t3,1\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1\nstep\tq\tmulti\tw\t1,\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1\nstep\tq\tchat\tw\t1\t1\t0\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1\nstep\tq\tchat\tw\t1\t2\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1\nstep\tq\tscenario\tc\tend\tokay\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\n"
	    "seconds\t1\nstep\tq\torder\tc\t1\n",
	"redflags-result 1\nlesson\ta\nlang\ten\nclass\t-\ndate\t2024-06-01\r\n"
	    "seconds\t1\n",
};

Test(results, rule_breaks_are_refused_even_with_a_right_checksum)
{
	struct result_record back;
	const char *why;
	size_t i;
	char *text;

	for (i = 0; i < RF_ARRAY_LEN(bad_bodies); i++) {
		text = with_sum(bad_bodies[i]);
		why = NULL;
		cr_assert_eq(results_parse(text, strlen(text), &back, &why),
		    -1, "bad body %zu was accepted", i);
		cr_assert_not_null(why);
		free(text);
	}
}

Test(results, format_refuses_what_parse_would)
{
	struct result_record r;

	sample(&r);
	free(r.class_code);
	r.class_code = xstrdup("Mrs Smith's class");
	cr_assert_null(results_format(&r));
	free(r.class_code);
	r.class_code = NULL;
	memcpy(r.date, "2024-6-1", 9);
	cr_assert_null(results_format(&r));
	memcpy(r.date, "2024-06-01", 11);
	r.steps[3].known = true;	/* a skipped step with details */
	cr_assert_null(results_format(&r));
	r.steps[3].known = false;
	r.seconds = -1;
	cr_assert_null(results_format(&r));
	results_record_finish(&r);
}

/* Writing. */

static size_t
count_files(const char *dir, size_t *temps)
{
	struct dirent *de;
	DIR *d = opendir(dir);
	size_t n = 0;

	cr_assert_not_null(d);
	*temps = 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' && (de->d_name[1] == '\0' ||
		    strcmp(de->d_name, "..") == 0))
			continue;
		if (strncmp(de->d_name, "result-2024-06-01-", 18) == 0 &&
		    strlen(de->d_name) == 18 + 16 + 4 &&
		    strcmp(de->d_name + 34, ".txt") == 0)
			n++;
		else
			(*temps)++;
	}
	closedir(d);
	return n;
}

Test(results, write_makes_one_complete_file)
{
	struct result_record r, back;
	const char *why;
	char *dir = make_tmp(), *path = NULL, *data;
	size_t len, other;
	struct stat st;

	sample(&r);
	cr_assert_eq(results_write(dir, &r, &path), 0);
	cr_assert_not_null(path);
	cr_assert_eq(strncmp(path, dir, strlen(dir)), 0);
	cr_assert_eq(count_files(dir, &other), 1);
	cr_assert_eq(other, 0);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0644);
	cr_assert_eq(read_file(path, 1 << 20, &data, &len), 0);
	cr_assert_eq(results_parse(data, len, &back, &why), 0, "%s", why);
	assert_same(&r, &back);
	results_record_finish(&back);
	free(data);
	free(path);

	/* A record the format refuses writes nothing. */
	r.seconds = -5;
	cr_assert_eq(results_write(dir, &r, &path), EINVAL);
	cr_assert_null(path);
	cr_assert_eq(count_files(dir, &other), 1);
	cr_assert_eq(other, 0);
	results_record_finish(&r);
	rm_rf(dir);
}

Test(results, write_to_a_missing_folder_fails_cleanly)
{
	struct result_record r;
	char *path = (char *)"x";

	sample(&r);
	cr_assert_eq(results_write("/tmp/rf-results-none/nope", &r, &path),
	    ENOENT);
	cr_assert_null(path);
	results_record_finish(&r);
}

/* How many faultable calls one write makes. */
static int
calls_in_a_write(void)
{
	struct result_record r;
	char *dir = make_tmp();
	int n;

	memset(&sysio_faults, 0, sizeof sysio_faults);
	sample(&r);
	cr_assert_eq(results_write(dir, &r, NULL), 0);
	n = sysio_faults.calls;
	results_record_finish(&r);
	rm_rf(dir);
	return n;
}

/* The earlier record, byte for byte, and nothing else but maybe one
 * new complete record. */
static void
fail_every_call(int err)
{
	int n = calls_in_a_write(), i;

	/* mkstemp, fchmod, write, fsync, close, link, open the folder,
	 * fsync the folder. */
	cr_assert_eq(n, 8, "%d calls counted", n);
	for (i = 1; i <= n; i++) {
		struct result_record r, back;
		char *dir = make_tmp(), *first = NULL, *path = (char *)"x";
		char *before, *after, *data;
		size_t blen, alen, len, other;
		const char *why;
		int rc;

		sample(&r);
		memset(&sysio_faults, 0, sizeof sysio_faults);
		cr_assert_eq(results_write(dir, &r, &first), 0);
		cr_assert_eq(read_file(first, 1 << 20, &before, &blen), 0);

		sysio_faults.fail_at = i;
		sysio_faults.fail_errno = err;
		rc = results_write(dir, &r, &path);
		memset(&sysio_faults, 0, sizeof sysio_faults);

		cr_assert_eq(read_file(first, 1 << 20, &after, &alen), 0);
		cr_assert_eq(alen, blen, "call %d", i);
		cr_assert_eq(memcmp(before, after, blen), 0, "call %d", i);
		if (i <= 6) {
			/* Before the record has its name: refused, and
			 * nothing is left (no temp file either). */
			cr_assert_eq(rc, err, "call %d gave %d", i, rc);
			cr_assert_null(path);
			cr_assert_eq(count_files(dir, &other), 1, "call %d", i);
		} else {
			/* The folder's own fsync: the record is complete. */
			cr_assert_eq(rc, 0, "call %d gave %d", i, rc);
			cr_assert_not_null(path);
			cr_assert_eq(count_files(dir, &other), 2, "call %d", i);
			cr_assert_eq(read_file(path, 1 << 20, &data, &len), 0);
			cr_assert_eq(results_parse(data, len, &back, &why), 0,
			    "%s", why);
			results_record_finish(&back);
			free(data);
			free(path);
		}
		cr_assert_eq(other, 0, "call %d left a temp file", i);
		free(before);
		free(after);
		free(first);
		results_record_finish(&r);
		rm_rf(dir);
	}
}

Test(results, write_failing_with_enospc_at_any_call_leaves_no_trace)
{
	fail_every_call(ENOSPC);
}

Test(results, write_failing_with_eio_at_any_call_leaves_no_trace)
{
	fail_every_call(EIO);
}

Test(results, write_failing_with_erofs_at_any_call_leaves_no_trace)
{
	fail_every_call(EROFS);
}

Test(results, a_disk_filling_up_mid_write_leaves_no_trace)
{
	struct result_record r;
	char *dir = make_tmp(), *path = (char *)"x";
	size_t other;

	sample(&r);
	memset(&sysio_faults, 0, sizeof sysio_faults);
	sysio_faults.short_write = true;
	/* Half, then a quarter... then nothing: a full disk. */
	cr_assert_eq(results_write(dir, &r, &path), ENOSPC);
	memset(&sysio_faults, 0, sizeof sysio_faults);
	cr_assert_null(path);
	cr_assert_eq(count_files(dir, &other), 0);
	cr_assert_eq(other, 0);
	results_record_finish(&r);
	rm_rf(dir);
}

Test(results, many_writers_at_once_give_every_file)
{
	struct result_record r;
	char *dir = make_tmp(), *data, *path;
	pid_t pids[20];
	int i, j, status;
	size_t n, temps, len;
	struct dirent *de;
	const char *why;
	DIR *d;

	for (i = 0; i < 20; i++) {
		pids[i] = fork();
		cr_assert_neq(pids[i], -1);
		if (pids[i] == 0) {
			int bad = 0;

			sample(&r);
			for (j = 0; j < 10; j++) {
				r.seconds = i * 10 + j;
				bad |= results_write(dir, &r, NULL) != 0;
			}
			results_record_finish(&r);
			_exit(bad);
		}
	}
	for (i = 0; i < 20; i++) {
		cr_assert_eq(waitpid(pids[i], &status, 0), pids[i]);
		cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	n = count_files(dir, &temps);
	cr_assert_eq(n, 200);
	cr_assert_eq(temps, 0, "%zu other files left", temps);

	/* Every one is valid, and every writer's record is there once. */
	bool seen[200] = { false };
	d = opendir(dir);
	while ((de = readdir(d)) != NULL) {
		struct result_record back;

		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		cr_assert_eq(read_file(path, 1 << 20, &data, &len), 0);
		cr_assert_eq(results_parse(data, len, &back, &why), 0,
		    "%s: %s", path, why);
		cr_assert(back.seconds >= 0 && back.seconds < 200);
		cr_assert_not(seen[back.seconds]);
		seen[back.seconds] = true;
		results_record_finish(&back);
		free(data);
		free(path);
	}
	closedir(d);
	rm_rf(dir);
}

/* From the engine. */

static struct lesson *
load_mix(void)
{
	struct diag_list dl;
	struct lesson *l;

	diag_list_init(&dl);
	l = lesson_load("data/quiz/interactive-mix.yaml", &dl, NULL, NULL);
	cr_assert_not_null(l);
	cr_assert_eq(diag_count(&dl, DIAG_ERROR), 0);
	diag_list_finish(&dl);
	return l;
}

Test(results, from_quiz_keeps_what_the_quiz_holds)
{
	struct lesson *l = load_mix();
	struct result_record r, back;
	struct quiz q;
	const char *why, *want;
	char *text;

	quiz_init(&q, l);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);	/* intro */
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);	/* the page */
	/* chat: flag message 3 (a red flag) and 4 (not one) */
	quiz_handle(&q, QUIZ_EV_PICK, 2);
	quiz_handle(&q, QUIZ_EV_TOGGLE, 0);
	quiz_handle(&q, QUIZ_EV_PICK, 3);
	quiz_handle(&q, QUIZ_EV_TOGGLE, 0);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	/* scenario: "Send it", a harmful ending */
	quiz_handle(&q, QUIZ_EV_PICK, 2);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	/* order: skipped */
	quiz_handle(&q, QUIZ_EV_SKIP, 0);
	/* choice: "Yours", wrong */
	quiz_handle(&q, QUIZ_EV_PICK, 1);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(q.phase, QUIZ_SUMMARY);

	/* Alone it knows every result, but details for the last step only. */
	memset(&r, 0, sizeof r);
	results_from_quiz(&r, &q, "en", "7b", 95);
	text = results_format(&r);
	cr_assert_not_null(text);
	want = "step\t-\tpage\t.\n"
	    "step\tall-at-once\tchat\tw\t?\t?\t?\n"
	    "step\tloop\tscenario\tw\t?\t?\n"
	    "step\tsix-steps\torder\ts\n"
	    "step\tlast-question\tchoice\tw\t2\n"
	    "checksum ";
	cr_assert_eq(strncmp(strstr(text, "step\t"), want, strlen(want)), 0,
	    "%s", text);
	cr_assert_not_null(strstr(text, "\nlang\ten\nclass\t7b\ndate\t"));
	cr_assert_eq(results_parse(text, strlen(text), &back, &why), 0,
	    "%s", why);
	cr_assert_eq(back.seconds, 95);
	results_record_finish(&back);
	free(text);
	results_record_finish(&r);
	quiz_finish(&q);
	lesson_destroy(l);
}

Test(results, notes_after_each_answer_give_every_detail)
{
	struct lesson *l = load_mix();
	struct result_record r;
	struct quiz q;
	unsigned ch;
	char *text;
	const char *p, *want;

	memset(&r, 0, sizeof r);
	quiz_init(&q, l);
#define DO(ev, arg) do { \
		ch = quiz_handle(&q, ev, arg); \
		if (ch & QUIZ_CH_ANSWERED) \
			results_note_step(&r, &q); \
	} while (0)
	DO(QUIZ_EV_CONFIRM, 0);
	DO(QUIZ_EV_CONFIRM, 0);
	DO(QUIZ_EV_PICK, 2);
	DO(QUIZ_EV_TOGGLE, 0);
	DO(QUIZ_EV_PICK, 3);
	DO(QUIZ_EV_TOGGLE, 0);
	DO(QUIZ_EV_CONFIRM, 0);
	DO(QUIZ_EV_CONFIRM, 0);
	/* "Think it over", then back, then "Tell someone": no ending was
	 * reached before that one. */
	DO(QUIZ_EV_PICK, 1);
	DO(QUIZ_EV_CONFIRM, 0);
	DO(QUIZ_EV_BACK, 0);
	DO(QUIZ_EV_PICK, 0);
	DO(QUIZ_EV_CONFIRM, 0);
	cr_assert_eq(q.phase, QUIZ_FEEDBACK);
	DO(QUIZ_EV_CONFIRM, 0);
	DO(QUIZ_EV_SKIP, 0);
	DO(QUIZ_EV_PICK, 0);
	DO(QUIZ_EV_CONFIRM, 0);
	DO(QUIZ_EV_CONFIRM, 0);
#undef DO
	cr_assert_eq(q.phase, QUIZ_SUMMARY);
	results_from_quiz(&r, &q, "es", "bad code!", 5000000);
	cr_assert_null(r.class_code);
	cr_assert_eq(r.seconds, RESULTS_MAX_SECONDS);
	text = results_format(&r);
	cr_assert_not_null(text);
	p = strstr(text, "step\t");
	want = "step\t-\tpage\t.\n"
	    "step\tall-at-once\tchat\tw\t3\t5\t1\n"
	    "step\tloop\tscenario\tc\ttold\tsafe\n"
	    "step\tsix-steps\torder\ts\n"
	    "step\tlast-question\tchoice\tc\t1\n"
	    "checksum ";
	cr_assert_eq(strncmp(p, want, strlen(want)), 0, "%s", text);
	cr_assert_not_null(strstr(text, "\nlang\tes\nclass\t-\n"));
	free(text);
	results_record_finish(&r);
	quiz_finish(&q);
	lesson_destroy(l);
}
