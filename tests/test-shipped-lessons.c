/*
 * tests/test-shipped-lessons.c - every lesson the program ships, in every
 * language folder under lessons/, loads and checks clean: no error and
 * no warning, ids unique across the catalogue, and each of the three
 * teaching topics has at least one lesson.  The course: four modules in
 * order, each with the step types a module needs, every lesson sourced,
 * with a content note, 10-20 minutes, no blaming or graphic wording, and
 * playable to its end along every path.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "course.h"
#include "diag.h"
#include "lesson-check.h"
#include "lesson-compare.h"
#include "lesson-yaml.h"
#include "quiz.h"
#include "util.h"

#define LESSONS "../lessons"

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(shipped_lessons, .init = setup);

struct shipped {
	struct lesson *items[256];
	size_t count;
};

static void
load_all(struct shipped *s)
{
	DIR *top = opendir(LESSONS), *dp;
	struct dirent *lang, *de;

	memset(s, 0, sizeof *s);
	cr_assert_not_null(top, "no %s folder", LESSONS);
	while ((lang = readdir(top)) != NULL) {
		char *dir;

		if (lang->d_name[0] == '.')
			continue;
		dir = xasprintf("%s/%s", LESSONS, lang->d_name);
		dp = opendir(dir);
		while (dp != NULL && (de = readdir(dp)) != NULL) {
			size_t n = strlen(de->d_name), i;
			struct diag_list d;
			struct lesson *l;
			char *path;

			if (n < 6 || strcmp(de->d_name + n - 5, ".yaml") != 0 ||
			    course_is_file(de->d_name))
				continue;
			path = xasprintf("%s/%s", dir, de->d_name);
			diag_list_init(&d);
			l = lesson_load(path, &d, NULL, NULL);
			cr_assert_not_null(l, "%s does not load", path);
			lesson_check(l, &d);
			for (i = 0; i < d.count; i++) {
				char *msg = diag_format(&d.items[i]);

				cr_expect_fail("%s", msg);
				free(msg);
			}
			diag_list_finish(&d);
			cr_assert_lt(s->count, RF_ARRAY_LEN(s->items));
			s->items[s->count++] = l;
			free(path);
		}
		if (dp != NULL)
			closedir(dp);
		free(dir);
	}
	closedir(top);
}

static void
free_all(struct shipped *s)
{
	size_t i;

	for (i = 0; i < s->count; i++)
		lesson_destroy(s->items[i]);
}

Test(shipped_lessons, every_lesson_loads_and_checks_clean)
{
	struct shipped s;

	load_all(&s);
	cr_expect_geq(s.count, 3, "only %zu lessons shipped", s.count);
	free_all(&s);
}

Test(shipped_lessons, ids_are_unique_within_each_language)
{
	struct shipped s;
	size_t i, j;

	load_all(&s);
	for (i = 0; i < s.count; i++) {
		const char *fi = strrchr(s.items[i]->file, '/');

		for (j = i + 1; j < s.count; j++) {
			const char *fj = strrchr(s.items[j]->file, '/');
			size_t di = (size_t)(fi - s.items[i]->file);
			size_t dj = (size_t)(fj - s.items[j]->file);
			bool same_lang = di == dj && strncmp(s.items[i]->file,
			    s.items[j]->file, di) == 0;

			cr_expect(!same_lang || strcmp(s.items[i]->id,
			    s.items[j]->id) != 0, "%s and %s share id %s",
			    s.items[i]->file, s.items[j]->file,
			    s.items[i]->id);
		}
	}
	free_all(&s);
}

Test(shipped_lessons, each_topic_has_a_sourced_lesson_with_a_content_note)
{
	struct shipped s;
	bool topic[TOPIC_COUNT] = { false };
	size_t i;

	load_all(&s);
	for (i = 0; i < s.count; i++) {
		const struct lesson *l = s.items[i];

		cr_expect_not_null(l->content_note, "%s has no content note",
		    l->file);
		cr_expect_gt(l->source_count, 0, "%s has no sources", l->file);
		cr_expect_gt(lesson_question_count(l), 0, "%s asks nothing",
		    l->file);
		cr_expect_gt(l->remember_count, 0, "%s has no 'remember'",
		    l->file);
		topic[l->topic] = true;
	}
	cr_expect(topic[TOPIC_GROOMING], "no grooming lesson");
	cr_expect(topic[TOPIC_SEXTORTION], "no sextortion lesson");
	cr_expect(topic[TOPIC_RECRUITMENT], "no recruitment lesson");
	free_all(&s);
}

/* The course ----------------------------------------------------------- */

static struct course *
load_course(void)
{
	struct diag_list d;
	struct course *c;

	diag_list_init(&d);
	c = course_load(LESSONS "/en/course.yaml", &d);
	cr_assert_not_null(c, "the course does not load: %s",
	    d.count ? d.items[0].message : "");
	cr_expect_eq(d.count, 0);
	diag_list_finish(&d);
	return c;
}

static const struct lesson *
find(const struct shipped *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->count; i++) {
		if (strcmp(s->items[i]->id, id) == 0 &&
		    strstr(s->items[i]->file, "/en/") != NULL)
			return s->items[i];
	}
	return NULL;
}

Test(shipped_lessons, the_course_has_four_modules_in_order)
{
	static const char *const order[] = { "grooming", "sextortion",
	    "recruitment", "help" };
	static const enum lesson_topic topics[] = { TOPIC_GROOMING,
	    TOPIC_SEXTORTION, TOPIC_RECRUITMENT, TOPIC_HELP };
	struct course *c = load_course();
	struct shipped s;
	size_t m, i;

	load_all(&s);
	cr_assert_eq(c->module_count, 4);
	for (m = 0; m < 4; m++) {
		const struct course_module *mod = &c->modules[m];

		cr_expect_str_eq(mod->id, order[m]);
		cr_expect(mod->lesson_count >= 2 && mod->lesson_count <= 4,
		    "module %s has %zu lessons", mod->id, mod->lesson_count);
		for (i = 0; i < mod->lesson_count; i++) {
			const struct lesson *l = find(&s, mod->lessons[i]);

			cr_assert_not_null(l, "the course lists '%s', which is "
			    "not shipped", mod->lessons[i]);
			cr_expect_eq(l->topic, topics[m], "%s is not a %s "
			    "lesson", l->id, order[m]);
			cr_expect(l->minutes >= 10 && l->minutes <= 20,
			    "%s takes %d minutes", l->id, l->minutes);
		}
	}
	/* And every English lesson is in the course. */
	for (i = 0; i < s.count; i++) {
		size_t mm, ii;

		if (strstr(s.items[i]->file, "/en/") == NULL)
			continue;
		cr_expect_eq(course_find(c, s.items[i]->id, &mm, &ii), 0,
		    "%s is not in the course", s.items[i]->id);
	}
	course_destroy(c);
	free_all(&s);
}

Test(shipped_lessons, every_module_has_a_chat_a_story_and_two_more_types)
{
	struct course *c = load_course();
	struct shipped s;
	size_t m, i, j;

	load_all(&s);
	for (m = 0; m < c->module_count; m++) {
		bool has[STEP_ORDER + 1] = { false };
		int others = 0;

		for (i = 0; i < c->modules[m].lesson_count; i++) {
			const struct lesson *l = find(&s,
			    c->modules[m].lessons[i]);

			for (j = 0; l != NULL && j < l->step_count; j++)
				has[l->steps[j].type] = true;
		}
		others = has[STEP_CHOICE] + has[STEP_MULTI] +
		    has[STEP_TRUEFALSE] + has[STEP_ORDER];
		cr_expect(has[STEP_CHAT], "module %s has no chat",
		    c->modules[m].id);
		cr_expect(has[STEP_SCENARIO], "module %s has no scenario",
		    c->modules[m].id);
		cr_expect_geq(others, 2, "module %s has %d other question "
		    "types", c->modules[m].id, others);
	}
	course_destroy(c);
	free_all(&s);
}

Test(shipped_lessons, every_lesson_has_what_a_teacher_needs)
{
	struct shipped s;
	size_t i;

	load_all(&s);
	for (i = 0; i < s.count; i++) {
		const struct lesson *l = s.items[i];
		const struct lesson_step *last = &l->steps[l->step_count - 1];
		size_t k;

		cr_expect_not_null(l->content_note, "%s", l->file);
		cr_expect_gt(l->objective_count, 0, "%s", l->file);
		cr_expect_gt(l->remember_count, 0, "%s", l->file);
		cr_expect_gt(l->source_count, 0, "%s", l->file);
		for (k = 0; k < l->source_count; k++)
			cr_expect(l->sources[k].publisher != NULL &&
			    l->sources[k].title != NULL, "%s: source %zu",
			    l->file, k + 1);
		cr_expect(last->type == STEP_PAGE && last->show_help,
		    "%s does not end with where to get help", l->file);
	}
	free_all(&s);
}

/*
 * Words no lesson says to a student, in its own voice: blaming, graphic
 * or fear-based wording (the fact sheet's section 5).  Option texts and
 * chat messages are left out: they model what the student learns to
 * spot or to reject.
 */
static const char *const banned[] = {
	"your own fault", "you should have", "should have known",
	"why did you", "asking for it", "you were stupid", "gullible",
	"naive", "child pornography", "porn", "naked", "rape", "molest",
	"sexy", "stranger danger", "victims", "ruin your life",
	"you will get in trouble", "you'll get in trouble",
};

static void
expect_clean(const char *file, const char *what, const char *text)
{
	size_t i, k;
	char lower[65536];

	if (text == NULL)
		return;
	for (k = 0; text[k] != '\0' && k + 1 < sizeof lower; k++)
		lower[k] = (char)((text[k] >= 'A' && text[k] <= 'Z') ?
		    text[k] + 32 : text[k]);
	lower[k] = '\0';
	for (i = 0; i < RF_ARRAY_LEN(banned); i++)
		cr_expect_null(strstr(lower, banned[i]), "%s: %s says '%s'",
		    file, what, banned[i]);
}

Test(shipped_lessons, no_lesson_blames_or_is_graphic)
{
	struct shipped s;
	size_t i, j, k, n;

	load_all(&s);
	for (i = 0; i < s.count; i++) {
		const struct lesson *l = s.items[i];

		/* The list is English words ("molest" is in Spanish
		 * "molestar"): translations are held to their source. */
		if (strstr(l->file, "/en/") == NULL)
			continue;
		expect_clean(l->file, "the content note", l->content_note);
		for (k = 0; k < l->remember_count; k++)
			expect_clean(l->file, "remember", l->remember[k]);
		for (k = 0; k < l->objective_count; k++)
			expect_clean(l->file, "an objective", l->objectives[k]);
		for (j = 0; j < l->step_count; j++) {
			const struct lesson_step *st = &l->steps[j];

			if (st->type == STEP_PAGE)
				expect_clean(l->file, "a page", st->text);
			expect_clean(l->file, "a hint", st->hint);
			expect_clean(l->file, "a feedback", st->feedback);
			for (k = 0; k < st->option_count; k++)
				expect_clean(l->file, "an option's feedback",
				    st->options[k].feedback);
			for (k = 0; k < st->chat.message_count; k++)
				expect_clean(l->file, "a message's why",
				    st->chat.messages[k].why);
			for (k = 0; k < st->order.item_count; k++)
				expect_clean(l->file, "an item's why",
				    st->order.items[k].why);
			for (k = 0; k < st->scenario.node_count; k++) {
				const struct lesson_node *nd =
				    &st->scenario.nodes[k];

				expect_clean(l->file, "a debrief", nd->debrief);
				for (n = 0; n < nd->choice_count; n++)
					expect_clean(l->file, "a choice's "
					    "feedback", nd->choices[n].feedback);
			}
		}
	}
	free_all(&s);
}

Test(shipped_lessons, the_banned_words_check_can_fail)
{
	/* The check above would see these. */
	cr_expect_not_null(strstr("it was your own fault", banned[0]));
	cr_expect_not_null(strstr("stranger danger!", "stranger danger"));
}

/* Play ------------------------------------------------------------------ */

/* Walk every path of a story from node 'at' (the engine's current one),
 * depth-first with BACK, and count the endings reached. */
static int
explore(struct quiz *q, const struct lesson_step *s, int depth, bool *seen)
{
	size_t at = quiz_node(q), i;
	const struct lesson_node *n = &s->scenario.nodes[at];
	int endings = 0;

	cr_assert_lt(depth, 64, "%s: a story longer than 64 steps", s->id);
	if (n->ending != ENDING_NONE) {
		cr_assert_eq(q->phase, QUIZ_FEEDBACK);
		return 1;
	}
	cr_assert_gt(n->choice_count, 0, "%s: node %s is a dead end", s->id,
	    n->id);
	if (seen[at])
		return 0;	/* a loop: its other ways out are walked */
	seen[at] = true;
	for (i = 0; i < n->choice_count; i++) {
		quiz_handle(q, QUIZ_EV_PICK, (int)i);
		cr_assert(quiz_handle(q, QUIZ_EV_CONFIRM, 0) & QUIZ_CH_STEP,
		    "%s: choice %zu of %s goes nowhere", s->id, i + 1, n->id);
		endings += explore(q, s, depth + 1, seen);
		cr_assert(quiz_handle(q, QUIZ_EV_BACK, 0) & QUIZ_CH_STEP);
		cr_assert_eq(quiz_node(q), at);
	}
	seen[at] = false;
	return endings;
}

Test(shipped_lessons, every_lesson_plays_to_its_end_along_every_story_path)
{
	struct shipped s;
	size_t i;

	load_all(&s);
	for (i = 0; i < s.count; i++) {
		const struct lesson *l = s.items[i];
		struct quiz q;
		int guard = 0;

		quiz_init(&q, l);
		quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
		while (q.phase != QUIZ_SUMMARY && guard++ < 10000) {
			const struct lesson_step *st = quiz_current(&q);
			bool seen[LESSON_MAX_NODES] = { false };

			if (st->type == STEP_SCENARIO && q.phase == QUIZ_STEP) {
				cr_expect_gt(explore(&q, st, 0, seen), 0,
				    "%s: story %s reaches no ending", l->file,
				    st->id);
				/* Then play it along its first choices. */
				while (q.phase == QUIZ_STEP && guard++ < 10000)
					quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
				continue;
			}
			if (st->type == STEP_CHAT && q.phase == QUIZ_STEP) {
				size_t k;

				while (q.revealed < st->chat.message_count)
					quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
				for (k = 0; k < st->chat.message_count; k++) {
					if (st->chat.messages[k].flag !=
					    FLAG_NONE) {
						quiz_handle(&q, QUIZ_EV_PICK,
						    (int)k);
						quiz_handle(&q, QUIZ_EV_TOGGLE,
						    0);
					}
				}
				cr_expect(quiz_handle(&q, QUIZ_EV_CONFIRM, 0) &
				    QUIZ_CH_ANSWERED);
				cr_expect(q.last_right, "%s: %s, every flag "
				    "marked, is not right", l->file, st->id);
				continue;
			}
			if (st->type == STEP_MULTI && q.phase == QUIZ_STEP) {
				size_t k;

				for (k = 0; k < st->option_count; k++) {
					if (st->options[k].correct)
						quiz_handle(&q, QUIZ_EV_PICK,
						    (int)k);
				}
			}
			quiz_handle(&q, QUIZ_EV_CONFIRM, 0);
		}
		cr_expect_eq(q.phase, QUIZ_SUMMARY, "%s never ends", l->file);
		quiz_finish(&q);
	}
	free_all(&s);
}

/* Translations ---------------------------------------------------------- */

Test(shipped_lessons, every_translation_matches_its_english_source)
{
	struct shipped s;
	size_t i, compared = 0;

	load_all(&s);
	for (i = 0; i < s.count; i++) {
		const struct lesson *tr = s.items[i];
		const char *base = strrchr(tr->file, '/');
		struct diag_list d, ignored;
		struct lesson *src;
		char *path;
		size_t k;

		if (strstr(tr->file, "/en/") != NULL || base == NULL)
			continue;
		path = xasprintf("%s/en%s", LESSONS, base);
		diag_list_init(&d);
		diag_list_init(&ignored);
		src = lesson_load(path, &ignored, NULL, NULL);
		cr_expect_not_null(src, "%s has no English source %s",
		    tr->file, path);
		if (src != NULL) {
			lesson_compare(src, tr, &d);
			for (k = 0; k < d.count; k++) {
				char *msg = diag_format(&d.items[k]);

				cr_expect_fail("%s", msg);
				free(msg);
			}
			compared++;
		}
		lesson_destroy(src);
		diag_list_finish(&d);
		diag_list_finish(&ignored);
		free(path);
	}
	free_all(&s);
	(void)compared;
}
