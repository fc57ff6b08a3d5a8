/*
 * cmd-report.c - `redflags report`: a class's anonymous results summed up,
 * as the things a teacher may want to discuss next.
 *
 * Every figure is an integer sum; shares and averages are rounded with
 * integer arithmetic, so the output does not depend on the locale's
 * decimal point and tests can pin it exactly.
 */
#include "cmd-report.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "lesson.h"
#include "paths.h"
#include "results.h"
#include "util.h"

#define MAX_FILE	(256 * 1024)
#define TOP_MISSED	3

struct answer_count {
	uint32_t answer;
	size_t count;
};

struct ending_count {
	char *node;
	enum lesson_ending kind;
	size_t count;
};

/* One question of a lesson, over every record that has it. */
struct question {
	char *key;		/* the step id, or "#N" for one without */
	enum step_type type;
	size_t asked;
	size_t right;		/* right the first time */
	struct answer_count *wrongs;	/* wrong first answers (known) */
	size_t wrong_count;
	size_t missed[64];	/* chats: times each message was missed */
	size_t chat_known;	/* chats with details */
	size_t mistaken;	/* messages flagged by mistake, in all */
	struct ending_count *endings;
	size_t ending_count;
};

struct lesson_sum {
	char *id;
	size_t finished;
	size_t score;		/* right first time, over all records */
	size_t max;		/* questions, over all records */
	struct question *qs;
	size_t q_count;
};

struct report {
	struct lesson_sum *lessons;
	size_t count;
	size_t records;
};

/* Rounded integer division. */
static size_t
rdiv(size_t a, size_t b)
{
	return b == 0 ? 0 : (a * 2 + b) / (b * 2);
}

/* a / b in tenths, written as "2.3", or "4" when whole. */
static void
tenths(char *out, size_t size, size_t a, size_t b)
{
	size_t t = rdiv(a * 10, b);

	if (t % 10 == 0)
		snprintf(out, size, "%zu", t / 10);
	else
		snprintf(out, size, "%zu.%zu", t / 10, t % 10);
}

static void
add_list(struct buf *b, uint32_t bits)
{
	bool first = true;
	int i;

	for (i = 0; i < 32; i++) {
		if (bits & ((uint32_t)1 << i)) {
			buf_printf(b, "%s%d", first ? "" : ",", i + 1);
			first = false;
		}
	}
}

/* Summing up. */

static struct lesson_sum *
find_lesson(struct report *rep, const char *id)
{
	size_t i;

	for (i = 0; i < rep->count; i++) {
		if (strcmp(rep->lessons[i].id, id) == 0)
			return &rep->lessons[i];
	}
	rep->lessons = xreallocarray(rep->lessons, rep->count + 1,
	    sizeof *rep->lessons);
	memset(&rep->lessons[rep->count], 0, sizeof rep->lessons[0]);
	rep->lessons[rep->count].id = xstrdup(id);
	return &rep->lessons[rep->count++];
}

static struct question *
find_question(struct lesson_sum *ls, const char *key, enum step_type type)
{
	size_t i;

	for (i = 0; i < ls->q_count; i++) {
		if (strcmp(ls->qs[i].key, key) == 0 && ls->qs[i].type == type)
			return &ls->qs[i];
	}
	ls->qs = xreallocarray(ls->qs, ls->q_count + 1, sizeof *ls->qs);
	memset(&ls->qs[ls->q_count], 0, sizeof ls->qs[0]);
	ls->qs[ls->q_count].key = xstrdup(key);
	ls->qs[ls->q_count].type = type;
	return &ls->qs[ls->q_count++];
}

static void
count_wrong(struct question *q, uint32_t answer)
{
	size_t i;

	for (i = 0; i < q->wrong_count; i++) {
		if (q->wrongs[i].answer == answer) {
			q->wrongs[i].count++;
			return;
		}
	}
	q->wrongs = xreallocarray(q->wrongs, q->wrong_count + 1,
	    sizeof *q->wrongs);
	q->wrongs[q->wrong_count].answer = answer;
	q->wrongs[q->wrong_count++].count = 1;
}

static void
count_ending(struct question *q, const char *node, enum lesson_ending kind)
{
	size_t i;

	for (i = 0; i < q->ending_count; i++) {
		if (strcmp(q->endings[i].node, node) == 0 &&
		    q->endings[i].kind == kind) {
			q->endings[i].count++;
			return;
		}
	}
	q->endings = xreallocarray(q->endings, q->ending_count + 1,
	    sizeof *q->endings);
	q->endings[q->ending_count].node = xstrdup(node);
	q->endings[q->ending_count].kind = kind;
	q->endings[q->ending_count++].count = 1;
}

static void
add_record(struct report *rep, const struct result_record *r)
{
	struct lesson_sum *ls = find_lesson(rep, r->lesson_id);
	struct question *q;
	char key[24];
	const char *k;
	size_t i;
	int j;

	rep->records++;
	ls->finished++;
	for (i = 0; i < r->step_count; i++) {
		const struct result_step *s = &r->steps[i];

		if (s->type == STEP_PAGE)
			continue;
		k = s->id;
		if (k == NULL) {
			snprintf(key, sizeof key, "#%zu", i + 1);
			k = key;
		}
		q = find_question(ls, k, s->type);
		q->asked++;
		ls->max++;
		if (s->result == QUIZ_R_RIGHT) {
			q->right++;
			ls->score++;
		}
		if (!s->known)
			continue;
		if (s->type == STEP_CHAT) {
			q->chat_known++;
			q->mistaken += (size_t)s->wrong;
			for (j = 0; j < 64; j++) {
				if (s->missed & ((uint64_t)1 << j))
					q->missed[j]++;
			}
		} else if (s->type == STEP_SCENARIO) {
			count_ending(q, s->ending_node, s->ending);
		} else if (s->result == QUIZ_R_WRONG && s->answer != 0) {
			count_wrong(q, s->answer);
		}
	}
}

static int
cmp_lesson(const void *a, const void *b)
{
	const struct lesson_sum *x = a, *y = b;

	return strcmp(x->id, y->id);
}

static int
cmp_ending(const void *a, const void *b)
{
	const struct ending_count *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->node, y->node);
}

/* The most common wrong first answer (ties: the lowest options), or
 * NULL when none is known. */
static const struct answer_count *
top_wrong(const struct question *q)
{
	const struct answer_count *best = NULL;
	size_t i;

	for (i = 0; i < q->wrong_count; i++) {
		const struct answer_count *w = &q->wrongs[i];

		if (best == NULL || w->count > best->count ||
		    (w->count == best->count && w->answer < best->answer))
			best = w;
	}
	return best;
}

/* The messages missed most often (ties: the earlier), at most 'max'. */
static size_t
top_missed(const struct question *q, int *out, size_t max)
{
	size_t n = 0, i, best;
	bool used[64] = { false };
	int j, pick;

	for (i = 0; i < max; i++) {
		pick = -1;
		best = 0;
		for (j = 0; j < 64; j++) {
			if (!used[j] && q->missed[j] > best) {
				best = q->missed[j];
				pick = j;
			}
		}
		if (pick < 0)
			break;
		used[pick] = true;
		out[n++] = pick;
	}
	return n;
}

static void
report_free(struct report *rep)
{
	size_t i, j, k;

	for (i = 0; i < rep->count; i++) {
		struct lesson_sum *ls = &rep->lessons[i];

		for (j = 0; j < ls->q_count; j++) {
			for (k = 0; k < ls->qs[j].ending_count; k++)
				free(ls->qs[j].endings[k].node);
			free(ls->qs[j].endings);
			free(ls->qs[j].wrongs);
			free(ls->qs[j].key);
		}
		free(ls->qs);
		free(ls->id);
	}
	free(rep->lessons);
}

/* Reading. */

static bool
is_result_name(const char *name)
{
	size_t n = strlen(name);

	return n > 11 && strncmp(name, "result-", 7) == 0 &&
	    strcmp(name + n - 4, ".txt") == 0;
}

static int
cmp_str(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;

	return strcmp(*x, *y);
}

/* The result file names in dir, sorted; NULL with errno on failure. */
static char **
list_files(const char *dir, size_t *count)
{
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	DIR *d;

	*count = 0;
	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		if (!is_result_name(de->d_name))
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, cmp_str);
	*count = n;
	return names != NULL ? names : xcalloc(1, sizeof *names);
}

static void
read_all(struct report *rep, const char *dir, const char *class_code,
    char **names, size_t n, FILE *err)
{
	struct result_record r;
	const char *why;
	char *path, *data;
	size_t i, len;
	int e;

	for (i = 0; i < n; i++) {
		path = paths_join(dir, names[i]);
		e = read_file(path, MAX_FILE, &data, &len);
		if (e != 0) {
			fprintf(err, _("redflags: %s: skipped, cannot be read "
			    "(%s)\n"), path, strerror(e));
			free(path);
			continue;
		}
		if (results_parse(data, len, &r, &why) != 0) {
			fprintf(err, _("redflags: %s: skipped, not a valid "
			    "result file (%s)\n"), path, why);
		} else {
			if (class_code == NULL || (r.class_code != NULL &&
			    strcasecmp(r.class_code, class_code) == 0))
				add_record(rep, &r);
			results_record_finish(&r);
		}
		free(data);
		free(path);
	}
}

/* Text. */

static void
print_question(FILE *out, const struct question *q)
{
	const struct answer_count *w;
	struct buf b;
	int top[TOP_MISSED];
	size_t i, n;

	fprintf(out, _("  %s (%s): %zu of %zu right the first time (%zu%%)\n"),
	    q->key, lesson_step_type_key(q->type), q->right, q->asked,
	    rdiv(q->right * 100, q->asked));
	if ((w = top_wrong(q)) != NULL) {
		buf_init(&b);
		add_list(&b, w->answer);
		fprintf(out, ngettext(
		    "    most common wrong first answer: %s (%zu time)\n",
		    "    most common wrong first answer: %s (%zu times)\n",
		    w->count), b.data, w->count);
		buf_finish(&b);
	}
	if (q->chat_known > 0) {
		n = top_missed(q, top, TOP_MISSED);
		if (n == 0)
			fprintf(out, "    %s\n",
			    _("red flags most often missed: none"));
		else {
			fprintf(out, "    %s", _("red flags most often missed:"));
			for (i = 0; i < n; i++) {
				fputs(i == 0 ? " " : ", ", out);
				fprintf(out, ngettext("message %d (%zu time)",
				    "message %d (%zu times)",
				    q->missed[top[i]]), top[i] + 1,
				    q->missed[top[i]]);
			}
			fputc('\n', out);
		}
		fprintf(out, _("    messages flagged by mistake: %zu\n"),
		    q->mistaken);
	}
	if (q->ending_count > 0) {
		fprintf(out, "    %s", _("endings reached first:"));
		for (i = 0; i < q->ending_count; i++) {
			fprintf(out, "%s%s (%s) %zu", i == 0 ? " " : ", ",
			    q->endings[i].node,
			    lesson_ending_key(q->endings[i].kind),
			    q->endings[i].count);
		}
		fputc('\n', out);
	}
}

static void
print_text(FILE *out, const struct report *rep, const char *class_code)
{
	char avg[32], max[32];
	size_t i, j;

	if (class_code != NULL)
		fprintf(out, ngettext("%zu result for class %s.\n",
		    "%zu results for class %s.\n", rep->records),
		    rep->records, class_code);
	else
		fprintf(out, ngettext("%zu result.\n", "%zu results.\n",
		    rep->records), rep->records);
	for (i = 0; i < rep->count; i++) {
		const struct lesson_sum *ls = &rep->lessons[i];

		tenths(avg, sizeof avg, ls->score, ls->finished);
		tenths(max, sizeof max, ls->max, ls->finished);
		fputc('\n', out);
		fprintf(out, _("%s: %zu finished, average score %s of %s "
		    "(%zu%%)\n"), ls->id, ls->finished, avg, max,
		    rdiv(ls->score * 100, ls->max));
		for (j = 0; j < ls->q_count; j++)
			print_question(out, &ls->qs[j]);
	}
}

/* CSV (RFC 4180). */

static void
csv_field(FILE *out, const char *s, bool last)
{
	const char *p;

	if (strpbrk(s, ",\"\r\n") == NULL)
		fputs(s, out);
	else {
		fputc('"', out);
		for (p = s; *p != '\0'; p++) {
			if (*p == '"')
				fputc('"', out);
			fputc(*p, out);
		}
		fputc('"', out);
	}
	fputs(last ? "\r\n" : ",", out);
}

static void
csv_num(FILE *out, size_t v)
{
	fprintf(out, "%zu,", v);
}

static void
csv_question(FILE *out, const struct question *q)
{
	const struct answer_count *w;
	struct buf b;
	int top[TOP_MISSED];
	size_t i, n;

	csv_field(out, q->key, false);
	csv_field(out, lesson_step_type_key(q->type), false);
	csv_num(out, q->asked);
	csv_num(out, q->right);
	csv_num(out, rdiv(q->right * 100, q->asked));
	buf_init(&b);
	buf_adds(&b, "");
	if ((w = top_wrong(q)) != NULL)
		add_list(&b, w->answer);
	csv_field(out, b.data, false);
	if (w != NULL)
		csv_num(out, w->count);
	else
		fputc(',', out);
	buf_finish(&b);

	buf_init(&b);
	buf_adds(&b, "");
	n = q->chat_known > 0 ? top_missed(q, top, TOP_MISSED) : 0;
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%d:%zu", i == 0 ? "" : ";", top[i] + 1,
		    q->missed[top[i]]);
	csv_field(out, b.data, false);
	if (q->chat_known > 0)
		csv_num(out, q->mistaken);
	else
		fputc(',', out);
	buf_finish(&b);

	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < q->ending_count; i++)
		buf_printf(&b, "%s%s %s:%zu", i == 0 ? "" : ";",
		    q->endings[i].node, lesson_ending_key(q->endings[i].kind),
		    q->endings[i].count);
	csv_field(out, b.data, true);
	buf_finish(&b);
}

static void
print_csv(FILE *out, const struct report *rep)
{
	char avg[32], max[32];
	size_t i, j;

	fputs("lesson,finished,average_score,questions,percent_score,"
	    "question,type,asked,right_first_time,percent_right,"
	    "most_common_wrong_answer,wrong_answer_count,"
	    "most_missed_red_flags,flagged_by_mistake,endings\r\n", out);
	for (i = 0; i < rep->count; i++) {
		const struct lesson_sum *ls = &rep->lessons[i];

		tenths(avg, sizeof avg, ls->score, ls->finished);
		tenths(max, sizeof max, ls->max, ls->finished);
		for (j = 0; j < ls->q_count || j == 0; j++) {
			csv_field(out, ls->id, false);
			csv_num(out, ls->finished);
			csv_field(out, avg, false);
			csv_field(out, max, false);
			csv_num(out, rdiv(ls->score * 100, ls->max));
			if (j < ls->q_count)
				csv_question(out, &ls->qs[j]);
			else
				fputs(",,,,,,,,,\r\n", out);
		}
	}
}

int
cmd_report(const char *dir, const char *class_code, bool csv, FILE *out,
    FILE *err)
{
	struct report rep;
	char **names;
	size_t n, i, j;

	if (class_code != NULL && !results_valid_class(class_code)) {
		fprintf(err, _("redflags: '%s' is not a class code (1 to 32 "
		    "letters, digits and '-')\n"), class_code);
		return 1;
	}
	if ((names = list_files(dir, &n)) == NULL) {
		fprintf(err, _("redflags: %s: cannot read the folder (%s)\n"),
		    dir, strerror(errno));
		return 1;
	}
	memset(&rep, 0, sizeof rep);
	read_all(&rep, dir, class_code, names, n, err);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);

	if (rep.count > 1)
		qsort(rep.lessons, rep.count, sizeof *rep.lessons, cmp_lesson);
	for (i = 0; i < rep.count; i++) {
		for (j = 0; j < rep.lessons[i].q_count; j++) {
			struct question *q = &rep.lessons[i].qs[j];

			if (q->ending_count > 1)
				qsort(q->endings, q->ending_count,
				    sizeof *q->endings, cmp_ending);
		}
	}
	if (csv)
		print_csv(out, &rep);
	else
		print_text(out, &rep, class_code);
	report_free(&rep);
	return 0;
}
