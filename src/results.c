/*
 * results.c - anonymous class results: one small file per finished lesson.
 *
 * The format.  Fields are separated by one TAB,
 * every line ends with LF:
 *
 *	redflags-result 1
 *	lesson	<lesson id>
 *	lang	<language code>
 *	class	<class code, or ->
 *	date	<YYYY-MM-DD>
 *	seconds	<0..999999>
 *	step	<id or ->	<type>	<result>	<details...>	(one per step)
 *	checksum <CRC-32 of every byte before this line, 8 lowercase hex>
 *
 * result is '.', 'c', 'w' or 's'.  The details depend on the type:
 *	page, order	none
 *	choice, multi, truefalse	<options chosen first, e.g. 2 or 1,3>
 *	chat	<red flags found>	<red flags missed>	<flagged by mistake>
 *	scenario	<first ending's node id>	<its kind: safe/risky/harmful>
 * Lists are message or option numbers from 1, ascending, comma-separated,
 * "-" when empty.  Details that were not recorded are all "?"; they are
 * always "?" when the result is '.' or 's'.
 *
 * The parser trusts nothing, as progress.c's: the size and every line
 * are bounded, every field is checked, any error rejects the whole file.
 */
#include "results.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checksum.h"
#include "sysio.h"
#include "util.h"

#define RESULTS_MAGIC	"redflags-result "
#define RESULTS_VERSION	1
#define RESULTS_TMP	".result-tmp-XXXXXX"

#define MAX_FILE	(256 * 1024)
#define MAX_LINE	512
#define MAX_ID		64
#define MAX_LANG	16
#define MAX_FIELDS	8
#define MAX_OPTION	32	/* bits in result_step.answer */
#define MAX_MESSAGE	64	/* bits in found/missed */
#define MAX_WRONG	LESSON_MAX_MESSAGES

/* Checks. */

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
valid_str_id(const char *s)
{
	return s != NULL && valid_id(s, strlen(s));
}

static bool
valid_lang(const char *s, size_t len)
{
	size_t i;

	if (len < 1 || len > MAX_LANG)
		return false;
	for (i = 0; i < len; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
		    s[i] == '_'))
			return false;
	}
	return true;
}

static bool
valid_class(const char *s, size_t len)
{
	size_t i;

	if (len < 1 || len > RESULTS_MAX_CLASS)
		return false;
	for (i = 0; i < len; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	}
	return true;
}

bool
results_valid_class(const char *s)
{
	return s != NULL && valid_class(s, strlen(s));
}

static bool
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
	}
	return true;
}

/* YYYY-MM-DD with a month 01-12 and a day 01-31. */
static bool
valid_date(const char *s, size_t len)
{
	int m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) ||
	    !digits(s + 5, 2) || !digits(s + 8, 2))
		return false;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static bool
valid_result(char c)
{
	return c == QUIZ_R_NONE || c == QUIZ_R_RIGHT || c == QUIZ_R_WRONG ||
	    c == QUIZ_R_SKIPPED;
}

static bool
is_options(enum step_type t)
{
	return t == STEP_CHOICE || t == STEP_MULTI || t == STEP_TRUEFALSE;
}

/* Does this step have details at all, and are they valid? */
static bool
has_details(enum step_type t)
{
	return is_options(t) || t == STEP_CHAT || t == STEP_SCENARIO;
}

static bool
valid_step(const struct result_step *s)
{
	if (s->id != NULL && !valid_str_id(s->id))
		return false;
	if ((unsigned)s->type > STEP_ORDER || !valid_result(s->result))
		return false;
	if (s->type == STEP_PAGE && s->result != QUIZ_R_NONE)
		return false;
	if (!s->known)
		return true;
	if (!has_details(s->type) || (s->result != QUIZ_R_RIGHT &&
	    s->result != QUIZ_R_WRONG))
		return false;
	if (s->type == STEP_CHAT)
		return (s->found & s->missed) == 0 && s->wrong >= 0 &&
		    s->wrong <= MAX_WRONG;
	if (s->type == STEP_SCENARIO)
		return valid_str_id(s->ending_node) &&
		    (s->ending == ENDING_SAFE || s->ending == ENDING_RISKY ||
		    s->ending == ENDING_HARMFUL);
	return true;
}

static bool
valid_record(const struct result_record *r)
{
	size_t i;

	if (!valid_str_id(r->lesson_id) || r->lang == NULL ||
	    !valid_lang(r->lang, strlen(r->lang)))
		return false;
	if (r->class_code != NULL && !results_valid_class(r->class_code))
		return false;
	if (strnlen(r->date, sizeof r->date) != 10 ||
	    !valid_date(r->date, 10))
		return false;
	if (r->seconds < 0 || r->seconds > RESULTS_MAX_SECONDS ||
	    r->step_count > RESULTS_MAX_STEPS ||
	    (r->step_count > 0 && r->steps == NULL))
		return false;
	for (i = 0; i < r->step_count; i++) {
		if (!valid_step(&r->steps[i]))
			return false;
	}
	return true;
}

/* Records. */

static void
step_finish(struct result_step *s)
{
	free(s->id);
	free(s->ending_node);
	memset(s, 0, sizeof *s);
}

void
results_record_finish(struct result_record *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->step_count; i++)
		step_finish(&r->steps[i]);
	free(r->steps);
	free(r->lesson_id);
	free(r->lang);
	free(r->class_code);
	memset(r, 0, sizeof *r);
}

/* Formatting. */

static void
add_list(struct buf *b, uint64_t bits)
{
	bool first = true;
	int i;

	if (bits == 0) {
		buf_addc(b, '-');
		return;
	}
	for (i = 0; i < 64; i++) {
		if (!(bits & ((uint64_t)1 << i)))
			continue;
		buf_printf(b, "%s%d", first ? "" : ",", i + 1);
		first = false;
	}
}

static void
add_step(struct buf *b, const struct result_step *s)
{
	buf_printf(b, "step\t%s\t%s\t%c", s->id != NULL ? s->id : "-",
	    lesson_step_type_key(s->type), s->result);
	if (is_options(s->type)) {
		buf_addc(b, '\t');
		if (s->known)
			add_list(b, s->answer);
		else
			buf_addc(b, '?');
	} else if (s->type == STEP_CHAT) {
		if (!s->known) {
			buf_adds(b, "\t?\t?\t?");
		} else {
			buf_addc(b, '\t');
			add_list(b, s->found);
			buf_addc(b, '\t');
			add_list(b, s->missed);
			buf_printf(b, "\t%d", s->wrong);
		}
	} else if (s->type == STEP_SCENARIO) {
		if (!s->known)
			buf_adds(b, "\t?\t?");
		else
			buf_printf(b, "\t%s\t%s", s->ending_node,
			    lesson_ending_key(s->ending));
	}
	buf_addc(b, '\n');
}

char *
results_format(const struct result_record *r)
{
	struct buf b;
	size_t i;
	uint32_t crc;

	if (r == NULL || !valid_record(r))
		return NULL;
	buf_init(&b);
	buf_printf(&b, "%s%d\n", RESULTS_MAGIC, RESULTS_VERSION);
	buf_printf(&b, "lesson\t%s\nlang\t%s\nclass\t%s\ndate\t%s\n"
	    "seconds\t%ld\n", r->lesson_id, r->lang,
	    r->class_code != NULL ? r->class_code : "-", r->date, r->seconds);
	for (i = 0; i < r->step_count; i++)
		add_step(&b, &r->steps[i]);
	crc = checksum_crc32(0, b.data, b.len);
	buf_printf(&b, "checksum %08x\n", (unsigned int)crc);
	return buf_steal(&b);
}

/* Parsing. */

/* parse_decimal, for the long fields of a record. */
static bool
parse_number(const char *s, size_t len, long max, long *out)
{
	long long v;

	if (!parse_decimal(s, len, max, &v))
		return false;
	*out = (long)v;
	return true;
}

/* "-", or numbers 1..max, strictly ascending, comma-separated. */
static bool
parse_list(const char *s, size_t len, int max, uint64_t *out)
{
	size_t i = 0, start;
	long v, last = 0;

	*out = 0;
	if (len == 1 && s[0] == '-')
		return true;
	while (i < len) {
		start = i;
		while (i < len && s[i] != ',')
			i++;
		if (!parse_number(s + start, i - start, max, &v) || v < 1 ||
		    v <= last)
			return false;
		*out |= (uint64_t)1 << (v - 1);
		last = v;
		if (i < len && ++i == len)
			return false;	/* a trailing comma */
	}
	return len > 0;
}

static bool
field_is(const char *s, size_t len, const char *word)
{
	return len == strlen(word) && memcmp(s, word, len) == 0;
}

struct fields {
	const char *f[MAX_FIELDS];
	size_t len[MAX_FIELDS];
	size_t n;
};

/* Split a line at TABs; false when there are too many fields. */
static bool
split(const char *line, size_t len, struct fields *fs)
{
	size_t i, start = 0;

	fs->n = 0;
	for (i = 0; i <= len; i++) {
		if (i < len && line[i] != '\t')
			continue;
		if (fs->n == MAX_FIELDS)
			return false;
		fs->f[fs->n] = line + start;
		fs->len[fs->n] = i - start;
		fs->n++;
		start = i + 1;
	}
	return true;
}

static int
parse_type(const char *s, size_t len)
{
	int t;

	for (t = STEP_PAGE; t <= STEP_ORDER; t++) {
		if (field_is(s, len, lesson_step_type_key((enum step_type)t)))
			return t;
	}
	return -1;
}

static bool
all_unknown(const struct fields *fs, size_t from)
{
	size_t i;

	for (i = from; i < fs->n; i++) {
		if (!field_is(fs->f[i], fs->len[i], "?"))
			return false;
	}
	return true;
}

static int
parse_step(const char *line, size_t len, struct result_step *s,
    const char **why)
{
	struct fields fs;
	size_t want;
	long v;
	int t, e;
	char key[16];

	memset(s, 0, sizeof *s);
	if (!split(line, len, &fs) || fs.n < 4 ||
	    !field_is(fs.f[0], fs.len[0], "step")) {
		*why = "a line is not a step record";
		return -1;
	}
	if (!field_is(fs.f[1], fs.len[1], "-") &&
	    !valid_id(fs.f[1], fs.len[1])) {
		*why = "a step id is not 1 to 64 of a-z, 0-9 and '-'";
		return -1;
	}
	if ((t = parse_type(fs.f[2], fs.len[2])) < 0) {
		*why = "a step has an unknown type";
		return -1;
	}
	s->type = (enum step_type)t;
	if (fs.len[3] != 1 || !valid_result(fs.f[3][0]) ||
	    (s->type == STEP_PAGE && fs.f[3][0] != QUIZ_R_NONE)) {
		*why = "a step has an unknown result";
		return -1;
	}
	s->result = fs.f[3][0];
	want = is_options(s->type) ? 5 : s->type == STEP_CHAT ? 7 :
	    s->type == STEP_SCENARIO ? 6 : 4;
	if (fs.n != want) {
		*why = "a step has the wrong number of fields";
		return -1;
	}
	if (want == 4 || all_unknown(&fs, 4))
		goto done;
	if (s->result != QUIZ_R_RIGHT && s->result != QUIZ_R_WRONG) {
		*why = "a step that was not answered has details";
		return -1;
	}
	s->known = true;
	if (is_options(s->type)) {
		if (!parse_list(fs.f[4], fs.len[4], MAX_OPTION, &s->found)) {
			*why = "a step's answer is malformed";
			return -1;
		}
		s->answer = (uint32_t)s->found;
		s->found = 0;
	} else if (s->type == STEP_CHAT) {
		if (!parse_list(fs.f[4], fs.len[4], MAX_MESSAGE, &s->found) ||
		    !parse_list(fs.f[5], fs.len[5], MAX_MESSAGE, &s->missed) ||
		    (s->found & s->missed) != 0 ||
		    !parse_number(fs.f[6], fs.len[6], MAX_WRONG, &v)) {
			*why = "a chat step's red flags are malformed";
			return -1;
		}
		s->wrong = (int)v;
	} else {
		if (!valid_id(fs.f[4], fs.len[4]) || fs.len[5] >=
		    sizeof key) {
			*why = "a scenario step's ending is malformed";
			return -1;
		}
		memcpy(key, fs.f[5], fs.len[5]);
		key[fs.len[5]] = '\0';
		if ((e = lesson_ending_parse(key)) < 0) {
			*why = "a scenario step's ending is malformed";
			return -1;
		}
		s->ending = (enum lesson_ending)e;
		s->ending_node = xstrndup(fs.f[4], fs.len[4]);
	}
done:
	if (!field_is(fs.f[1], fs.len[1], "-"))
		s->id = xstrndup(fs.f[1], fs.len[1]);
	return 0;
}

/* One "key<TAB>value" header line; the value or NULL. */
static const char *
header_value(const char *line, size_t len, const char *key, size_t *vlen)
{
	size_t n = strlen(key);

	if (len < n + 1 || memcmp(line, key, n) != 0 || line[n] != '\t' ||
	    memchr(line + n + 1, '\t', len - n - 1) != NULL)
		return NULL;
	*vlen = len - n - 1;
	return line + n + 1;
}

static int
parse_header(const char *line, size_t len, const char **why)
{
	size_t n = strlen(RESULTS_MAGIC);
	long version;

	if (len < n || memcmp(line, RESULTS_MAGIC, n) != 0) {
		*why = "not a redflags result file";
		return -1;
	}
	if (!parse_number(line + n, len - n, 999999999L, &version)) {
		*why = "the version line is malformed";
		return -1;
	}
	if (version > RESULTS_VERSION) {
		*why = "the file was written by a newer version of redflags";
		return -1;
	}
	if (version != RESULTS_VERSION) {
		*why = "the file has an unknown version";
		return -1;
	}
	return 0;
}

/* Check the final "checksum" line; returns the length before it, or 0
 * with *why set. */
static size_t
check_sum(const char *data, size_t len, const char **why)
{
	static const char word[] = "checksum ";
	size_t tail = sizeof word - 1 + 8 + 1, body, i;
	unsigned long want = 0;
	const char *h;

	if (len < tail || data[len - 1] != '\n') {
		*why = "the file is cut short (no checksum line)";
		return 0;
	}
	body = len - tail;
	if ((body > 0 && data[body - 1] != '\n') ||
	    memcmp(data + body, word, sizeof word - 1) != 0) {
		*why = "the file is cut short (no checksum line)";
		return 0;
	}
	h = data + body + sizeof word - 1;
	for (i = 0; i < 8; i++) {
		int c = h[i];

		want <<= 4;
		if (c >= '0' && c <= '9')
			want |= (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			want |= (unsigned long)(c - 'a' + 10);
		else {
			*why = "the checksum line is malformed";
			return 0;
		}
	}
	if (checksum_crc32(0, data, body) != (uint32_t)want) {
		*why = "the checksum does not match (the file is damaged)";
		return 0;
	}
	if (body == 0) {
		*why = "the file has only a checksum line";
		return 0;
	}
	return body;
}

int
results_parse(const char *data, size_t len, struct result_record *out,
    const char **why)
{
	static const char *const keys[] = {
		"lesson", "lang", "class", "date", "seconds",
	};
	struct result_record r;
	const char *line, *nl, *v;
	size_t body, pos = 0, llen, vlen, cap = 0, k = 0;
	const char *dummy;

	if (why == NULL)
		why = &dummy;
	memset(out, 0, sizeof *out);
	memset(&r, 0, sizeof r);
	if (data == NULL || len > MAX_FILE) {
		*why = "the file is too big";
		return -1;
	}
	if (memchr(data, '\0', len) != NULL) {
		*why = "the file contains a NUL byte";
		return -1;
	}
	if ((body = check_sum(data, len, why)) == 0)
		return -1;
	while (pos < body) {
		line = data + pos;
		nl = memchr(line, '\n', body - pos);
		llen = (size_t)(nl - line);
		pos += llen + 1;
		if (llen > MAX_LINE) {
			*why = "a line is too long";
			goto fail;
		}
		if (llen > 0 && line[llen - 1] == '\r') {
			*why = "a line ends with CR LF";
			goto fail;
		}
		if (k == 0) {
			if (parse_header(line, llen, why) != 0)
				goto fail;
			k++;
			continue;
		}
		if (k <= RF_ARRAY_LEN(keys)) {
			v = header_value(line, llen, keys[k - 1], &vlen);
			if (v == NULL) {
				*why = "a header line is missing or out of "
				    "order";
				goto fail;
			}
			switch (k) {
			case 1:
				if (!valid_id(v, vlen)) {
					*why = "the lesson id is malformed";
					goto fail;
				}
				r.lesson_id = xstrndup(v, vlen);
				break;
			case 2:
				if (!valid_lang(v, vlen)) {
					*why = "the language is malformed";
					goto fail;
				}
				r.lang = xstrndup(v, vlen);
				break;
			case 3:
				if (field_is(v, vlen, "-"))
					break;
				if (!valid_class(v, vlen)) {
					*why = "the class code is malformed";
					goto fail;
				}
				r.class_code = xstrndup(v, vlen);
				break;
			case 4:
				if (!valid_date(v, vlen)) {
					*why = "the date is malformed";
					goto fail;
				}
				memcpy(r.date, v, 10);
				break;
			default:
				if (!parse_number(v, vlen, RESULTS_MAX_SECONDS,
				    &r.seconds)) {
					*why = "the seconds are malformed";
					goto fail;
				}
				break;
			}
			k++;
			continue;
		}
		if (r.step_count == RESULTS_MAX_STEPS) {
			*why = "too many steps";
			goto fail;
		}
		if (r.step_count == cap) {
			cap = cap ? cap * 2 : 16;
			r.steps = xreallocarray(r.steps, cap, sizeof *r.steps);
		}
		if (parse_step(line, llen, &r.steps[r.step_count], why) != 0) {
			step_finish(&r.steps[r.step_count]);
			goto fail;
		}
		r.step_count++;
	}
	if (k <= RF_ARRAY_LEN(keys)) {
		*why = "a header line is missing";
		goto fail;
	}
	*out = r;
	return 0;
fail:
	results_record_finish(&r);
	return -1;
}

/* From the engine. */

/* The details of step i that the quiz holds now, if it does. */
static void
capture(struct result_step *rs, const struct quiz *q, size_t i)
{
	const struct lesson_step *s = &q->lesson->steps[i];
	const struct lesson_node *n;
	size_t j;

	if (rs->result != QUIZ_R_RIGHT && rs->result != QUIZ_R_WRONG)
		return;
	if (is_options(s->type)) {
		uint32_t a = 0;

		for (j = 0; j < s->option_count && j < MAX_OPTION &&
		    j < QUIZ_MAX_MARKS; j++) {
			if (q->marks[j])
				a |= (uint32_t)1 << j;
		}
		if (a == 0)
			return;		/* not this step's marks */
		rs->answer = a;
		rs->known = true;
	} else if (s->type == STEP_CHAT) {
		uint64_t found = 0, missed = 0;
		int wrong = 0;

		for (j = 0; j < s->chat.message_count && j < MAX_MESSAGE &&
		    j < QUIZ_MAX_MARKS; j++) {
			bool flag = s->chat.messages[j].flag != FLAG_NONE;

			if (flag && q->marks[j])
				found |= (uint64_t)1 << j;
			else if (flag)
				missed |= (uint64_t)1 << j;
			else if (q->marks[j])
				wrong++;
		}
		if (found == 0 && wrong == 0)
			return;		/* nothing marked: not this step's */
		rs->found = found;
		rs->missed = missed;
		rs->wrong = wrong;
		rs->known = true;
	} else if (s->type == STEP_SCENARIO) {
		if (q->first_ending >= s->scenario.node_count)
			return;
		n = &s->scenario.nodes[q->first_ending];
		if (n->ending == ENDING_NONE || !valid_str_id(n->id))
			return;
		free(rs->ending_node);
		rs->ending_node = xstrdup(n->id);
		rs->ending = n->ending;
		rs->known = true;
	}
}

/* Make r hold q's lesson's steps (keeping notes for the same lesson). */
static void
setup_steps(struct result_record *r, const struct quiz *q)
{
	const struct lesson *l = q->lesson;
	size_t i, n = l->step_count;

	if (r->steps != NULL && r->lesson_id != NULL &&
	    strcmp(r->lesson_id, l->id) == 0 && r->step_count == n)
		return;
	results_record_finish(r);
	r->lesson_id = xstrdup(l->id);
	if (n > RESULTS_MAX_STEPS)
		n = RESULTS_MAX_STEPS;
	r->steps = xcalloc(n > 0 ? n : 1, sizeof *r->steps);
	r->step_count = n;
	for (i = 0; i < n; i++) {
		const struct lesson_step *s = &l->steps[i];

		r->steps[i].type = s->type;
		r->steps[i].result = QUIZ_R_NONE;
		if (valid_str_id(s->id))
			r->steps[i].id = xstrdup(s->id);
	}
}

static void
refresh_results(struct result_record *r, const struct quiz *q)
{
	size_t i;
	char c;

	for (i = 0; i < r->step_count; i++) {
		c = q->results != NULL ? q->results[i] : QUIZ_R_NONE;
		if (!valid_result(c) || r->steps[i].type == STEP_PAGE)
			c = QUIZ_R_NONE;
		if (c != r->steps[i].result) {
			/* Details noted for another answer do not apply. */
			free(r->steps[i].ending_node);
			r->steps[i].ending_node = NULL;
			r->steps[i].known = false;
		}
		r->steps[i].result = c;
	}
}

void
results_note_step(struct result_record *r, const struct quiz *q)
{
	if (r == NULL || q == NULL || q->lesson == NULL)
		return;
	setup_steps(r, q);
	refresh_results(r, q);
	if (q->phase == QUIZ_FEEDBACK && q->step < r->step_count)
		capture(&r->steps[q->step], q, q->step);
}

void
results_from_quiz(struct result_record *r, const struct quiz *q,
    const char *lang, const char *class_code, long seconds)
{
	struct tm tm;
	time_t now;
	size_t cur;

	setup_steps(r, q);
	refresh_results(r, q);
	/* The step whose marks the quiz still holds (the last one, at the
	 * summary), unless it was noted already. */
	cur = q->phase == QUIZ_SUMMARY ? r->step_count - 1 : q->step;
	if (r->step_count > 0 && cur < r->step_count &&
	    !r->steps[cur].known && (q->phase == QUIZ_SUMMARY ||
	    q->phase == QUIZ_FEEDBACK))
		capture(&r->steps[cur], q, cur);

	free(r->lang);
	r->lang = xstrdup(lang != NULL && valid_lang(lang, strlen(lang)) ?
	    lang : "en");
	free(r->class_code);
	r->class_code = results_valid_class(class_code) ?
	    xstrdup(class_code) : NULL;
	r->seconds = seconds < 0 ? 0 : seconds > RESULTS_MAX_SECONDS ?
	    RESULTS_MAX_SECONDS : seconds;
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL ||
	    strftime(r->date, sizeof r->date, "%Y-%m-%d", &tm) != 10 ||
	    !valid_date(r->date, 10))
		memcpy(r->date, "1970-01-01", 11);
}

/* Writing. */

/* 16 hex digits, random enough that two writers never pick the same. */
static void
random_hex(char out[17])
{
	static unsigned long counter;
	unsigned char b[8];
	uint64_t v;
	struct timespec ts;
	int i;

	if (getrandom(b, sizeof b, GRND_NONBLOCK) == (ssize_t)sizeof b) {
		for (i = 0; i < 8; i++)
			snprintf(out + 2 * i, 3, "%02x", b[i]);
		return;
	}
	/* No entropy yet (very early boot): mix what differs per writer. */
	clock_gettime(CLOCK_REALTIME, &ts);
	v = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^
	    ((uint64_t)getpid() << 40) ^ (uint64_t)++counter;
	v ^= v >> 33;
	v *= 0xff51afd7ed558ccdULL;
	v ^= v >> 33;
	snprintf(out, 17, "%016llx", (unsigned long long)v);
}

/* Give the complete temp file its final name, never over another file. */
static int
publish(const char *dir, const char *tmp, const char *date, char **final)
{
	char hex[17], *to;
	struct stat st;
	int i, err = EEXIST;

	for (i = 0; i < 100; i++) {
		random_hex(hex);
		to = xasprintf("%s/result-%s-%s.txt", dir, date, hex);
		if (sysio_link(tmp, to) == 0) {
			*final = to;
			unlink(tmp);
			return 0;
		}
		err = errno;
		if (err == EPERM || err == ENOTSUP || err == EOPNOTSUPP ||
		    err == EMLINK) {
			/* No hard links (FAT, some FUSE): take a fresh
			 * random name only when it is free, by rename. */
			if (lstat(to, &st) == 0)
				err = EEXIST;
			else if (errno != ENOENT)
				err = errno;
			else if (sysio_rename(tmp, to) == 0) {
				*final = to;
				return 0;
			} else
				err = errno;
		}
		if (err != EEXIST) {
			free(to);
			return err;
		}
		free(to);
	}
	return err;
}

static int
write_record(const char *dir, const struct result_record *r, char **final)
{
	char *text, *tmp;
	int fd, dfd, err;

	if ((text = results_format(r)) == NULL)
		return EINVAL;
	tmp = xasprintf("%s/%s", dir, RESULTS_TMP);
	if ((fd = sysio_mkstemp(tmp)) < 0) {
		err = errno;
		goto out;
	}
	err = 0;
	if (sysio_fchmod(fd, 0644) != 0 ||
	    (err = write_fd(fd, text, strlen(text), sysio_write)) != 0 ||
	    sysio_fsync(fd) != 0) {
		if (err == 0)
			err = errno;
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (sysio_close(fd) != 0) {
		err = errno;
		unlink(tmp);
		goto out;
	}
	if ((err = publish(dir, tmp, r->date, final)) != 0) {
		unlink(tmp);
		goto out;
	}
	/* Make the new name survive a power cut; some file systems cannot
	 * fsync a directory (EINVAL).  The record is complete either way,
	 * so a failure here is not an error for it. */
	if ((dfd = sysio_open(dir, O_RDONLY | O_DIRECTORY, 0)) >= 0) {
		(void)sysio_fsync(dfd);
		close(dfd);
	}
out:
	free(tmp);
	free(text);
	return err;
}

int
results_write(const char *dir, const struct result_record *r,
    char **written_path)
{
	char *final = NULL;
	int err;

	if (written_path != NULL)
		*written_path = NULL;
	if (dir == NULL || *dir == '\0' || r == NULL)
		return EINVAL;
	sysio_begin();
	err = write_record(dir, r, &final);
	sysio_end();
	if (err == 0 && written_path != NULL) {
		*written_path = final;
		final = NULL;
	}
	free(final);
	return err;
}
