/*
 * test-report.c - `redflags report` over the fixture records in
 * tests/data/results/class/: four of online-friends (classes 7B, 7B, 7b,
 * 8A; the last with no details), one of sextortion-101 (no class), one
 * bit-flipped and one cut-short copy, and a file that is not a record.
 * The expected text and CSV are beside them, in tests/data/results/.
 */
#include <criterion/criterion.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd-report.h"
#include "results.h"
#include "util.h"

#define CLASS_DIR "data/results/class"

struct captured {
	char *out;
	char *err;
	int status;
};

static struct captured
run(const char *dir, const char *class_code, bool csv)
{
	struct captured c;
	size_t on = 0, en = 0;
	FILE *out, *err;

	c.out = c.err = NULL;
	out = open_memstream(&c.out, &on);
	err = open_memstream(&c.err, &en);
	cr_assert(out != NULL && err != NULL);
	c.status = cmd_report(dir, class_code, csv, out, err);
	cr_assert_eq(fclose(out), 0);
	cr_assert_eq(fclose(err), 0);
	return c;
}

static void
captured_free(struct captured *c)
{
	free(c->out);
	free(c->err);
}

static char *
fixture(const char *name)
{
	char *path = xasprintf("data/results/%s", name), *data;
	size_t len;

	cr_assert_eq(read_file(path, 1 << 20, &data, &len), 0, "%s", path);
	free(path);
	return data;
}

static void
assert_output(const struct captured *c, const char *want_out)
{
	char *want = fixture(want_out), *warn = fixture("warnings.txt");

	cr_assert_eq(c->status, 0);
	cr_assert_str_eq(c->out, want);
	/* The two damaged records, named, in name order. */
	cr_assert_str_eq(c->err, warn);
	free(want);
	free(warn);
}

Test(report, text_figures_match_the_fixtures)
{
	struct captured c = run(CLASS_DIR, NULL, false);

	assert_output(&c, "report.txt");
	captured_free(&c);
}

Test(report, csv_figures_match_the_fixtures)
{
	struct captured c = run(CLASS_DIR, NULL, true);

	assert_output(&c, "report.csv");
	/* RFC 4180: CRLF after every row, a field with a comma quoted. */
	cr_assert_not_null(strstr(c.out, ",\"1,2\",1,"));
	cr_assert_null(strstr(c.out, ",1,2,1,"));
	cr_assert_eq(c.out[strlen(c.out) - 2], '\r');
	captured_free(&c);
}

Test(report, class_filter_ignores_case_and_other_classes)
{
	struct captured c = run(CLASS_DIR, "7b", false);

	assert_output(&c, "report-7b.txt");
	cr_assert_null(strstr(c.out, "sextortion-101"));
	captured_free(&c);

	c = run(CLASS_DIR, "7B", true);
	assert_output(&c, "report-7b.csv");
	captured_free(&c);

	c = run(CLASS_DIR, "9Z", false);
	cr_assert_eq(c.status, 0);
	cr_assert_str_eq(c.out, "0 results for class 9Z.\n");
	captured_free(&c);
}

Test(report, damaged_records_are_named_and_not_counted)
{
	struct captured c = run(CLASS_DIR, NULL, false);

	cr_assert_not_null(strstr(c.err, "result-2024-06-06-00000000000000a1"
	    ".txt: skipped, not a valid result file (the checksum does not "
	    "match"));
	cr_assert_not_null(strstr(c.err, "result-2024-06-06-00000000000000a2"
	    ".txt: skipped, not a valid result file (the file is cut short"));
	cr_assert_null(strstr(c.err, "notes.txt"));
	/* Both are copies of 7B records: had they counted, 6 or 7. */
	cr_assert_eq(strncmp(c.out, "5 results.\n", 11), 0);
	cr_assert_not_null(strstr(c.out, "online-friends: 4 finished"));
	captured_free(&c);
}

Test(report, written_records_are_read_back)
{
	struct result_record r;
	struct captured c;
	char tmpl[] = "/tmp/rf-report-XXXXXX", *dir = mkdtemp(tmpl), *cmd;
	int i;

	cr_assert_not_null(dir);
	memset(&r, 0, sizeof r);
	r.lesson_id = xstrdup("solo");
	r.lang = xstrdup("en");
	memcpy(r.date, "2024-06-01", 11);
	r.step_count = 1;
	r.steps = xcalloc(1, sizeof *r.steps);
	r.steps[0].id = xstrdup("q");
	r.steps[0].type = STEP_CHOICE;
	r.steps[0].result = 'w';
	r.steps[0].known = true;
	r.steps[0].answer = 1u << 2;
	for (i = 0; i < 3; i++)
		cr_assert_eq(results_write(dir, &r, NULL), 0);
	results_record_finish(&r);
	c = run(dir, NULL, false);
	cr_assert_eq(c.status, 0);
	cr_assert_str_eq(c.out, "3 results.\n\n"
	    "solo: 3 finished, average score 0 of 1 (0%)\n"
	    "  q (choice): 0 of 3 right the first time (0%)\n"
	    "    most common wrong first answer: 3 (3 times)\n");
	cr_assert_str_eq(c.err, "");
	captured_free(&c);
	cmd = xasprintf("rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
}

Test(report, empty_missing_folder_and_bad_class)
{
	struct captured c;
	char tmpl[] = "/tmp/rf-report-XXXXXX", *dir = mkdtemp(tmpl);

	cr_assert_not_null(dir);
	c = run(dir, NULL, true);
	cr_assert_eq(c.status, 0);
	cr_assert_str_eq(c.out, "lesson,finished,average_score,questions,"
	    "percent_score,question,type,asked,right_first_time,"
	    "percent_right,most_common_wrong_answer,wrong_answer_count,"
	    "most_missed_red_flags,flagged_by_mistake,endings\r\n");
	captured_free(&c);
	cr_assert_eq(rmdir(dir), 0);

	c = run(dir, NULL, false);
	cr_assert_eq(c.status, 1);
	cr_assert_str_eq(c.out, "");
	cr_assert_not_null(strstr(c.err, "cannot read the folder"));
	captured_free(&c);

	c = run(CLASS_DIR, "7b; rm", false);
	cr_assert_eq(c.status, 1);
	cr_assert_str_eq(c.out, "");
	cr_assert_not_null(strstr(c.err, "is not a class code"));
	captured_free(&c);
}
