/*
 * test-plain.c - the plain-text mode: whole lessons played by typing
 * answers into a memory stream and reading what is printed.
 *
 * Two lessons on disk (run from tests/), data/plain/en/:
 *
 *   basics.yaml "plain-basics" (grooming), list number 1
 *     0 page, 1 choice (2 right, hint), 2 true/false (false), 3 multi
 *     (1 and 3 right)
 *   interactive.yaml "plain-interactive" (sextortion), list number 2
 *     0 chat, reveal: 1 them, 2 me, 3 them (flag), 4 them (flag)
 *     1 scenario: first -> [1 Pay: paid, 2 Tell: told]
 *                 paid  -> [1 Tell: told, 2 Pay again: kept-paying]
 *     2 order, shown as 1 Block, 2 Tell, 3 Save, 4 Stop; best is
 *       Stop, Save, Block, Tell (the last two may swap): "4 3 1 2"
 *
 * Progress goes to a mkdtemp folder and is read back from disk.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "catalog.h"
#include "plain.h"
#include "progress.h"
#include "resources.h"
#include "text.h"
#include "util.h"

#define LESSONS "data/plain"
#define BASICS "plain-basics"
#define INTERACTIVE "plain-interactive"
#define LIST_PROMPT "Type a lesson number, h for help, or q to quit:"
#define INTRO_PROMPT "Type 1, 2 or 3 (or begin, skip or help):"
#define ENTER "Press Enter to go on."
#define CHOICE_PROMPT "Type the number of your answer, t for a hint, s to " \
	"skip:"
#define TF_PROMPT "Type the number of your answer, or s to skip:"
#define MULTI_PROMPT "Type the numbers of every right answer, separated " \
	"by spaces:"
#define CHAT_PROMPT "Type the numbers of the messages that are red flags, " \
	"separated by spaces:"
#define STORY_PROMPT "Type the number of your choice:"
#define STORY_BACK_PROMPT "Type the number of your choice, or b to go back " \
	"a step:"
#define ENDING_PROMPT "Press b to go back a step and try another choice, " \
	"or Enter to go on."
#define ORDER_PROMPT "Type the numbers in the best order, such as 3 1 2 4:"
#define SUMMARY_PROMPT "Press Enter to go back to the list."
#define CLOSING "If anything in this lesson worries you, talk to an adult " \
	"you trust. It is never"

/* Answers that play each lesson through, one line each. */
#define PLAY_BASICS "1\n1\n\n2\n\nfalse\n\n1 3\n\n\n"
#define PLAY_INTERACTIVE "2\n1\n3 4\n\n2\n\n4 3 1 2\n\n\n"

static char *tmp_dir;
static struct catalog cat;
static struct progress prog;

static void
setup(void)
{
	char tmpl[] = "/tmp/rf-plain-XXXXXX";

	cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
	cr_assert_not_null(mkdtemp(tmpl), "mkdtemp: %s", strerror(errno));
	tmp_dir = xstrdup(tmpl);
	catalog_init(&cat);
	catalog_add_dir(&cat, LESSONS, "--lessons");
	catalog_load(&cat, "en");
	cr_assert_eq(catalog_visible(&cat), 2, "the fixtures did not load");
	cr_assert_eq(cat.files_failed, 0);
	progress_open(&prog, tmp_dir);
	cr_assert(prog.can_save);
}

static void
teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", tmp_dir);

	progress_close(&prog);
	catalog_finish(&cat);
	cr_assert_eq(strncmp(tmp_dir, "/tmp/rf-plain-", 14), 0);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	free(tmp_dir);
}

TestSuite(plain, .init = setup, .fini = teardown, .timeout = 10);

/* A help list built in memory. */
static struct help_entry country_entries[] = {
	{ HELP_EMERGENCY, "Emergency", NULL, "999", NULL, NULL, NULL, 0, 0 },
	{ HELP_TRUSTED_ADULT, "A parent or carer", "Someone at home you "
	    "trust.", NULL, NULL, NULL, NULL, 0, 0 },
	{ HELP_SUPPORT, "Kidline", "Free and private, for anyone under 19.",
	    "0800 1111", "text KID to 8888", "kidline.example", "24/7", 0, 0 },
	{ HELP_IMAGE_REMOVAL, "Take It Down", NULL, NULL, NULL,
	    "takeitdown.example", NULL, 0, 0 },
};
static struct help_country country = {
	"mem.yaml", "TL", "Testland", "2026-01-02",
	"You are not in trouble, and it is not your fault.",
	country_entries, RF_ARRAY_LEN(country_entries),
};
static struct help_entry school_entries[] = {
	{ HELP_TRUSTED_ADULT, "Ms Rivera", "The school counsellor.", NULL,
	    NULL, NULL, "room 114", 0, 0 },
};
static struct help_country school = {
	"school.yaml", "TL", "Hillside School", "2026-02-03", NULL,
	school_entries, RF_ARRAY_LEN(school_entries),
};

struct run {
	char *out;
	long consumed;		/* bytes of input read */
};

static struct run
run_with(const char *input, const struct help_country *help,
    const struct help_country *sch, int width)
{
	struct plain_opts o;
	struct run r;
	size_t len;
	FILE *in, *out;

	in = *input != '\0' ? fmemopen((void *)input, strlen(input), "r") :
	    fopen("/dev/null", "r");
	cr_assert_not_null(in);
	out = open_memstream(&r.out, &len);
	cr_assert_not_null(out);
	o.in = in;
	o.out = out;
	o.help = help;
	o.school = sch;
	o.width = width;
	cr_assert_eq(plain_run(&cat, &prog, &o), 0);
	r.consumed = ftell(in);
	fclose(in);
	fclose(out);
	return r;
}

static char *
run(const char *input)
{
	return run_with(input, &country, &school, 0).out;
}

/* Read the progress back from disk, as the next start would. */
static const struct progress_entry *
saved(const char *id)
{
	progress_close(&prog);
	progress_open(&prog, tmp_dir);
	return progress_get(&prog, id);
}

/* The output as lines (owned, NULL-terminated). */
static char **
lines_of(const char *out, size_t *count)
{
	char **v = NULL;
	size_t n = 0;
	const char *p = out, *nl;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		v = xreallocarray(v, n + 2, sizeof *v);
		v[n++] = xstrndup(p, (size_t)(nl - p));
		p = *nl ? nl + 1 : nl;
	}
	v = xreallocarray(v, n + 1, sizeof *v);
	v[n] = NULL;
	if (count != NULL)
		*count = n;
	return v;
}

static void
free_lines(char **v)
{
	size_t i;

	for (i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/* How often this exact line was printed. */
static int
count_line(const char *out, const char *line)
{
	char **v = lines_of(out, NULL);
	int n = 0;
	size_t i;

	for (i = 0; v[i] != NULL; i++)
		n += strcmp(v[i], line) == 0;
	free_lines(v);
	return n;
}

/* Each line (NULL-terminated list) is printed, whole, after the one
 * before it. */
static void
in_order(const char *out, ...)
{
	char **v = lines_of(out, NULL);
	const char *want;
	size_t at = 0;
	va_list ap;

	va_start(ap, out);
	while ((want = va_arg(ap, const char *)) != NULL) {
		while (v[at] != NULL && strcmp(v[at], want) != 0)
			at++;
		if (v[at] == NULL) {
			va_end(ap);
			free_lines(v);
			cr_assert_fail("missing, or out of order: \"%s\"\n"
			    "--- output ---\n%s", want, out);
		}
		at++;
	}
	va_end(ap);
	free_lines(v);
}

/* These lines (NULL-terminated list) follow each other somewhere in the
 * output, with nothing in between. */
static void
together(const char *out, ...)
{
	const char *want[64];
	char **v = lines_of(out, NULL);
	size_t n = 0, at, i;
	va_list ap;

	va_start(ap, out);
	while (n < RF_ARRAY_LEN(want) &&
	    (want[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	cr_assert(n > 0 && n < RF_ARRAY_LEN(want));
	for (at = 0; v[at] != NULL; at++) {
		for (i = 0; i < n && v[at + i] != NULL &&
		    strcmp(v[at + i], want[i]) == 0; i++)
			;
		if (i == n) {
			free_lines(v);
			return;
		}
	}
	free_lines(v);
	cr_assert_fail("these lines are not together:\n%s ...\n--- output "
	    "---\n%s", want[0], out);
}

static const char *
last_line(const char *out)
{
	static char buf[512];
	size_t n = strlen(out);
	const char *p;

	cr_assert(n > 0 && out[n - 1] == '\n', "output does not end a line");
	for (p = out + n - 1; p > out && p[-1] != '\n'; p--)
		;
	snprintf(buf, sizeof buf, "%.*s", (int)(out + n - 1 - p), p);
	return buf;
}

/* The list ------------------------------------------------------------- */

Test(plain, start_says_how_to_get_help_and_leave_then_lists_by_topic)
{
	char *out = run("");

	together(out,
	    "This is redflags in plain mode: plain text, read in order. At "
	    "any prompt, type h",
	    "to see where to get help, or x to leave at once.",
	    "In a lesson, t shows a hint, s skips a question and q goes back "
	    "to the list;",
	    "your place is kept.",
	    "",
	    "Grooming",
	    "1. Plain basics \xe2\x80\x94 5 min \xe2\x80\x94 new",
	    "",
	    "Sextortion",
	    "2. Plain interactive \xe2\x80\x94 8 min \xe2\x80\x94 new",
	    "",
	    LIST_PROMPT, NULL);
	cr_assert_str_eq(last_line(out), LIST_PROMPT);
	free(out);
}

Test(plain, list_shows_each_lesson_status_from_progress)
{
	struct progress_entry e = { BASICS, PROGRESS_STARTED, 2, 4, 1, 3, 0,
	    ".c..", 0 };
	struct progress_entry f = { INTERACTIVE, PROGRESS_FINISHED, 0, 3, 2,
	    3, 1, "ccw", 0 };
	char *out;

	progress_set(&prog, &e);
	progress_set(&prog, &f);
	out = run("");
	in_order(out,
	    "1. Plain basics \xe2\x80\x94 5 min \xe2\x80\x94 step 3 of 4",
	    "2. Plain interactive \xe2\x80\x94 8 min \xe2\x80\x94 done 2/3",
	    NULL);
	free(out);
}

Test(plain, list_prints_the_progress_notice_sanitised)
{
	char *out;

	prog.notice = xstrdup("Your progress\x1b[2J will not be saved.");
	out = run("");
	in_order(out, "2. Plain interactive \xe2\x80\x94 8 min \xe2\x80\x94 "
	    "new", "", "Your progress will not be saved.", LIST_PROMPT,
	    NULL);
	cr_assert_null(strchr(out, '\x1b'));
	free(out);
}

Test(plain, garbage_at_the_list_is_asked_again)
{
	char *out = run("banana\n0\n3\n\n1\n");

	cr_assert_eq(count_line(out, "Please type a lesson number from 1 to 2, "
	    "or q to quit (h for help)."), 4);
	cr_assert_eq(count_line(out, LIST_PROMPT), 5);
	in_order(out, "Plain basics", INTRO_PROMPT, NULL);
	free(out);
}

Test(plain, q_at_the_list_quits)
{
	struct run r = run_with("q\n1\n", &country, &school, 0);

	cr_assert_eq(r.consumed, 2, "read past the q");
	cr_assert_eq(count_line(r.out, "Plain basics"), 0);
	cr_assert_str_eq(last_line(r.out), LIST_PROMPT);
	free(r.out);
}

/* Opening a lesson ----------------------------------------------------- */

Test(plain, intro_shows_title_note_objectives_and_three_choices)
{
	char *out = run("1\n");

	together(out,
	    "Plain basics",
	    "Grooming \xe2\x80\x94 5 min",
	    "",
	    "Before you start",
	    "A short practice lesson about messages in general.",
	    "",
	    "In this lesson you will:",
	    "- Answer each kind of question",
	    "",
	    "1. Begin",
	    "2. Skip this lesson",
	    "3. Get help",
	    "",
	    INTRO_PROMPT, NULL);
	free(out);
	/* Leaving from the intro stores nothing. */
	cr_assert_null(saved(BASICS));
}

Test(plain, skip_this_lesson_goes_back_to_the_list_and_saves_nothing)
{
	char *out = run("1\nskip\n2\n2\n");

	in_order(out, INTRO_PROMPT, "That is fine. The lesson stays in the "
	    "list for whenever you want it.", LIST_PROMPT, "Plain interactive",
	    INTRO_PROMPT, "That is fine. The lesson stays in the list for "
	    "whenever you want it.", LIST_PROMPT, NULL);
	cr_assert_eq(count_line(out, "Step 1 of 4"), 0);
	cr_assert_eq(count_line(out, "Step 1 of 3"), 0);
	free(out);
	cr_assert_null(saved(BASICS));
	cr_assert_null(saved(INTERACTIVE));
}

Test(plain, get_help_at_the_intro_prints_help_and_asks_again)
{
	char *out = run("1\n3\nhelp\nbanana\nbegin\n");

	cr_assert_eq(count_line(out, "Where to get help: Testland"), 2);
	cr_assert_eq(count_line(out, INTRO_PROMPT), 4);
	in_order(out, "Where to get help: Testland", INTRO_PROMPT,
	    "Where to get help: Testland", INTRO_PROMPT,
	    "Please type 1 to begin, 2 to skip this lesson or 3 to get help (h "
	    "for help).", INTRO_PROMPT, "Step 1 of 4", NULL);
	free(out);
}

/* Playing -------------------------------------------------------------- */

Test(plain, plays_the_basics_lesson_through)
{
	const struct progress_entry *pe;
	char *out = run(PLAY_BASICS);

	together(out,
	    "Step 1 of 4",
	    "",
	    "First page",
	    "",
	    "This is the first page.",
	    "",
	    "- a bullet point",
	    "",
	    ENTER, NULL);
	together(out,
	    "Step 2 of 4",
	    "",
	    "Which answer is right?",
	    "",
	    "1. The wrong answer",
	    "2. The right answer",
	    "3. Another wrong answer",
	    "",
	    CHOICE_PROMPT,
	    "",
	    "Right.",
	    "",
	    "1. The wrong answer",
	    "2. The right answer (your answer, and right)",
	    "   Yes, this one is right.",
	    "3. Another wrong answer",
	    "",
	    ENTER, NULL);
	together(out,
	    "Step 3 of 4",
	    "",
	    "The sky is green.",
	    "",
	    "1. True",
	    "2. False",
	    "",
	    TF_PROMPT,
	    "",
	    "Right.",
	    "The sky is usually blue.",
	    "",
	    "1. True",
	    "2. False (your answer, and right)", NULL);
	together(out,
	    "Lesson complete",
	    "",
	    "You got 3 of 3 questions right the first time.",
	    "",
	    "What to remember",
	    "- You can always ask for help.",
	    "",
	    "Where these facts come from",
	    "- Test fixture, Not a real source (2026) "
	    "https://example.org/source",
	    "",
	    CLOSING,
	    "your fault, and asking for help will not get you in trouble.",
	    "",
	    SUMMARY_PROMPT,
	    "", NULL);
	/* Back at the list, with the lesson done. */
	in_order(out, SUMMARY_PROMPT, "1. Plain basics \xe2\x80\x94 5 min "
	    "\xe2\x80\x94 done 3/3", LIST_PROMPT, NULL);
	cr_assert_eq(count_line(out, "Not quite."), 0);
	free(out);

	pe = saved(BASICS);
	cr_assert_not_null(pe);
	cr_assert_eq(pe->status, PROGRESS_FINISHED);
	cr_assert_eq(pe->step, 0);
	cr_assert_eq(pe->step_count, 4);
	cr_assert_eq(pe->score, 3);
	cr_assert_eq(pe->max_score, 3);
	cr_assert_eq(pe->times_finished, 1);
	cr_assert_str_eq(pe->results, ".ccc");
}

Test(plain, wrong_answers_say_not_quite_with_the_feedback)
{
	const struct progress_entry *pe;
	char *out = run("1\n1\n\n1\n\ntrue\n\n1 2\n\n\n");

	together(out,
	    "Not quite.",
	    "",
	    "1. The wrong answer (your answer)",
	    "   This one is wrong because it is the first.",
	    "2. The right answer (the right answer)",
	    "   Yes, this one is right.",
	    "3. Another wrong answer", NULL);
	together(out,
	    "Not quite.",
	    "The sky is usually blue.",
	    "",
	    "1. True (your answer)",
	    "2. False (the right answer)", NULL);
	/* A multi explains every option. */
	together(out,
	    MULTI_PROMPT,
	    "",
	    "Not quite.",
	    "",
	    "1. Asks to keep it secret (right, and you marked it)",
	    "   Secrecy is a red flag.",
	    "2. Says good game (you marked it, but it is not right)",
	    "   Being friendly is fine.",
	    "3. Asks to move to a private app (right, not marked)",
	    "   Moving you somewhere private is a red flag.", NULL);
	in_order(out, "You got 0 of 3 questions right the first time.", NULL);
	cr_assert_eq(count_line(out, "Right."), 0);
	free(out);
	pe = saved(BASICS);
	cr_assert_str_eq(pe->results, ".www");
	cr_assert_eq(pe->score, 0);
}

Test(plain, true_false_takes_numbers_and_words)
{
	const struct progress_entry *pe;
	char *out = run("1\n1\n\n2\n\nmaybe\nFALSE\nx\n");

	in_order(out, TF_PROMPT, "Please type 1 (true) or 2 (false), t for a "
	    "hint or s to skip (h for help).", TF_PROMPT,
	    "Right.", "2. False (your answer, and right)", ENTER, NULL);
	free(out);
	pe = saved(BASICS);
	cr_assert_str_eq(pe->results, ".cc.");
}

Test(plain, hint_is_printed_and_the_question_asked_again)
{
	char *out = run("1\n1\n\nt\nt\n2\n\nt\n");

	in_order(out, CHOICE_PROMPT, "Hint: It is the second one.",
	    CHOICE_PROMPT, "Hint: It is the second one.", CHOICE_PROMPT,
	    "Right.", TF_PROMPT, "This question has no hint.", TF_PROMPT,
	    NULL);
	free(out);
}

Test(plain, skipped_questions_count_apart_in_the_summary)
{
	const struct progress_entry *pe;
	char *out = run("1\n1\ns\ns\nS\n1 3\n\n\n");

	/* s on a page goes on, as in the UI; no feedback for a skip. */
	in_order(out, "Step 1 of 4", "Step 2 of 4", CHOICE_PROMPT,
	    "Step 3 of 4", TF_PROMPT, "Step 4 of 4", "Right.",
	    "You got 1 of 3 questions right the first time.",
	    "You skipped 2 questions; that is fine.", NULL);
	free(out);
	pe = saved(BASICS);
	cr_assert_str_eq(pe->results, ".ssc");
	cr_assert_eq(pe->status, PROGRESS_FINISHED);
}

Test(plain, garbage_in_a_lesson_is_asked_again_every_time)
{
	char *out = run("1\n1\nnext\n\n9\n2 3\nb\n2\nok\n\n1\n\n5\n1 x\n"
	    "1 3\n\nagain\n\n");

	in_order(out,
	    ENTER, "Please press Enter to go on, or type q to go back to the "
	    "list (h for help).", ENTER,
	    CHOICE_PROMPT, "Please type one number from 1 to 3, t for a hint "
	    "or s to skip (h for help).", CHOICE_PROMPT, "Please type one "
	    "number from 1 to 3, t for a hint or s to skip (h for help).",
	    CHOICE_PROMPT, "Please type one number from 1 to 3, t for a hint "
	    "or s to skip (h for help).", CHOICE_PROMPT, "Right.",
	    ENTER, "Please press Enter to go on, or type q to go back to the "
	    "list (h for help).", ENTER,
	    MULTI_PROMPT, "Please type the numbers of every right answer, from "
	    "1 to 3, separated by spaces;", "or t for a hint or s to skip (h "
	    "for help).", MULTI_PROMPT, "Please type the numbers of every "
	    "right answer, from 1 to 3, separated by spaces;", MULTI_PROMPT,
	    "Right.",
	    SUMMARY_PROMPT, "Please press Enter to go back to the list (h for "
	    "help).", SUMMARY_PROMPT, LIST_PROMPT, NULL);
	cr_assert_eq(count_line(out, "Lesson complete"), 1);
	free(out);
	cr_assert_eq(saved(BASICS)->status, PROGRESS_FINISHED);
}

/* Chat, story, order --------------------------------------------------- */

Test(plain, chat_prints_every_message_and_checks_found_and_missed)
{
	const struct progress_entry *pe;
	char *out = run("2\n1\n1 3\nx\n");

	together(out,
	    "Step 1 of 3",
	    "",
	    "Mark every message that is a red flag.",
	    "",
	    "Game chat \xe2\x80\x94 Rio",
	    "1. Rio (20:14): gg you're good",
	    "2. You: thanks lol",
	    "3. Rio: add me on another app?",
	    "4. Rio (new account): keep this between us ok?",
	    "",
	    CHAT_PROMPT,
	    "",
	    "Not quite.",
	    "You found 1 of 2 red flags, and flagged 1 message that is not "
	    "one.",
	    "",
	    "Game chat \xe2\x80\x94 Rio",
	    "1. Rio (20:14): gg you're good",
	    "   flagged, but not a red flag",
	    "   A compliment on its own is normal.",
	    "2. You: thanks lol",
	    "3. Rio: add me on another app?",
	    "   found: moving to a private app",
	    "   Moving to a private app is a common step.",
	    "4. Rio (new account): keep this between us ok?",
	    "   missed: asking for secrecy",
	    "   Asking for secrecy is a clear warning sign.",
	    "",
	    ENTER, NULL);
	free(out);
	pe = saved(INTERACTIVE);
	cr_assert_str_eq(pe->results, "w..");
	cr_assert_eq(pe->step, 1, "x at the feedback saves the next step");
}

Test(plain, chat_all_red_flags_found_is_right)
{
	char *out = run("2\n1\nt\n4,3\n");

	in_order(out, CHAT_PROMPT, "Hint: Look for secrets.", CHAT_PROMPT,
	    "Right.", "You found 2 of 2 red flags.", NULL);
	free(out);
	cr_assert_str_eq(saved(INTERACTIVE)->results, "c..");
}

Test(plain, chat_own_message_cannot_be_a_red_flag)
{
	char *out = run("2\n1\n2 3\n5\n3 4\n");

	in_order(out, CHAT_PROMPT, "Message 2 is your own; only the other "
	    "person's messages can be red flags.", CHAT_PROMPT,
	    "Please type the numbers of the messages that are red flags, from "
	    "1 to 4,", CHAT_PROMPT, "Right.", NULL);
	free(out);
}

Test(plain, story_walks_nodes_to_an_ending_with_both_paths)
{
	const struct progress_entry *pe;
	char *out = run("2\n1\ns\n1\n2\n");

	together(out,
	    "Step 2 of 3",
	    "",
	    "A threat",
	    "",
	    "Eli gets a message.",
	    "",
	    "Someone says they will share a photo unless Eli pays.",
	    "",
	    "Them: pay or everyone sees it",
	    "",
	    "What could Eli do?",
	    "1. Pay",
	    "2. Stop replying and tell someone",
	    "",
	    STORY_PROMPT,
	    "",
	    "You chose: Pay",
	    "  Understandable when scared; it usually leads to more demands.",
	    "",
	    "They ask for more.",
	    "",
	    "What could Eli do?",
	    "1. Stop and tell someone",
	    "2. Pay again",
	    "",
	    STORY_BACK_PROMPT,
	    "",
	    "You chose: Pay again",
	    "  Many people feel they have no choice; there is one.",
	    "",
	    "A harmful ending",
	    "  Paying again rarely ends it.",
	    "",
	    "The path you took:",
	    "  1. Pay",
	    "  2. Pay again",
	    "The best path:",
	    "  1. Stop replying and tell someone",
	    "",
	    ENDING_PROMPT, NULL);
	free(out);
	pe = saved(INTERACTIVE);
	cr_assert_str_eq(pe->results, "sw.");
	cr_assert_eq(pe->step, 2);
	cr_assert_eq(pe->status, PROGRESS_STARTED);
}

Test(plain, story_back_tries_another_way_but_the_first_ending_counts)
{
	const struct progress_entry *pe;
	char *out = run("2\n1\ns\n1\n2\nb\nb\n2\n");

	in_order(out, "A harmful ending", ENDING_PROMPT,
	    /* b from the ending: back at "paid" */
	    "They ask for more.", STORY_BACK_PROMPT,
	    /* b again: the start, with the story's title and text */
	    "A threat", "Eli gets a message.", STORY_PROMPT,
	    "You chose: Stop replying and tell someone", "A safe ending",
	    "  Eli did the right things. It is never his fault.",
	    "The path you took:", "  1. Stop replying and tell someone",
	    "The score counts the first ending you reached: A harmful ending.",
	    ENDING_PROMPT, NULL);
	/* The best path is the one taken: not shown again. */
	cr_assert_eq(count_line(out, "The best path:"), 1);
	free(out);
	pe = saved(INTERACTIVE);
	cr_assert_str_eq(pe->results, "sw.");
}

Test(plain, story_garbage_is_asked_again)
{
	char *out = run("2\n1\ns\nt\n3\n2\nagain\n");

	in_order(out, STORY_PROMPT, "Please type a number from 1 to 2, or s to "
	    "skip (h for help).", STORY_PROMPT, "Please type a number from 1 "
	    "to 2, or s to skip (h for help).", STORY_PROMPT, "A safe ending",
	    ENDING_PROMPT, "Please press Enter to go on, or type b to go back "
	    "a step (h for help).", ENDING_PROMPT, NULL);
	free(out);
	cr_assert_str_eq(saved(INTERACTIVE)->results, "sc.");
}

Test(plain, order_is_shown_shuffled_and_checked_place_by_place)
{
	const struct progress_entry *pe;
	char *out = run("2\n1\ns\ns\n4 1 3 2\n");

	together(out,
	    "Step 3 of 3",
	    "",
	    "Put these in the best order.",
	    "",
	    "1. Block and report",
	    "2. Tell a trusted adult",
	    "3. Save the chat, never any image",
	    "4. Stop replying",
	    "",
	    ORDER_PROMPT,
	    "",
	    "Not quite.",
	    "Some steps are in a different place.",
	    "",
	    "Your order:",
	    "1. Stop replying (right place)",
	    "2. Block and report (not the best place)",
	    "3. Save the chat, never any image (not the best place)",
	    "4. Tell a trusted adult (right place)",
	    "",
	    "The best order, and why:",
	    "1. Stop replying",
	    "   Replying gives them more to use.",
	    "2. Save the chat, never any image",
	    "   Evidence helps.",
	    "3. Block and report",
	    "   Block after saving.",
	    "   (This one can swap places with its neighbour in the same "
	    "group.)",
	    "4. Tell a trusted adult",
	    "   Nobody should face this alone.",
	    "   (This one can swap places with its neighbour in the same "
	    "group.)",
	    "",
	    ENTER, NULL);
	free(out);
	pe = saved(INTERACTIVE);
	cr_assert_str_eq(pe->results, "ssw");
}

Test(plain, order_with_interchangeable_places_swapped_is_right)
{
	char *out = run("2\n1\ns\ns\n1 1 2 3\n4 3 2 1\n");

	in_order(out, ORDER_PROMPT, "Please type each number from 1 to 4 once, "
	    "in the order you think is best; or t", ORDER_PROMPT, "Right.",
	    "That order works.", "1. Stop replying (right place)",
	    "2. Save the chat, never any image (right place)",
	    "3. Tell a trusted adult (right place)",
	    "4. Block and report (right place)", NULL);
	free(out);
	cr_assert_str_eq(saved(INTERACTIVE)->results, "ssc");
}

Test(plain, plays_the_interactive_lesson_through)
{
	const struct progress_entry *pe;
	char *out = run(PLAY_INTERACTIVE);

	in_order(out, "Right.", "You found 2 of 2 red flags.", "A safe ending",
	    "Right.", "That order works.", "Lesson complete",
	    "You got 3 of 3 questions right the first time.",
	    "What to remember", "- It is never your fault.",
	    "Where these facts come from", "- Tests, A fixture", CLOSING,
	    SUMMARY_PROMPT, "2. Plain interactive \xe2\x80\x94 8 min "
	    "\xe2\x80\x94 done 3/3", LIST_PROMPT, NULL);
	cr_assert_eq(count_line(out, "You skipped 1 question; that is fine."),
	    0);
	free(out);
	pe = saved(INTERACTIVE);
	cr_assert_eq(pe->status, PROGRESS_FINISHED);
	cr_assert_eq(pe->score, 3);
	cr_assert_eq(pe->max_score, 3);
	cr_assert_eq(pe->times_finished, 1);
	cr_assert_str_eq(pe->results, "ccc");
}

/* Leaving and coming back ---------------------------------------------- */

Test(plain, x_leaves_at_once_and_keeps_the_place)
{
	const char *input = "1\n1\n\nx\n2\n\n";
	const struct progress_entry *pe;
	struct run r = run_with(input, &country, &school, 0);

	cr_assert_eq(r.consumed, 7, "read %ld bytes, not up to the x",
	    r.consumed);
	cr_assert_str_eq(last_line(r.out), CHOICE_PROMPT);
	free(r.out);
	pe = saved(BASICS);
	cr_assert_not_null(pe);
	cr_assert_eq(pe->status, PROGRESS_STARTED);
	cr_assert_eq(pe->step, 1);
	cr_assert_str_eq(pe->results, "....");
}

/*
 * The answers come through a stream that, each time the program asks
 * for the next line, reads the progress file as another copy of the
 * program would: what is on disk after each answer.
 */
struct feed {
	const char *data;
	size_t at, len;
	char snaps[32][64];
	int nsnap;
};

static void
snapshot(struct feed *f)
{
	const struct progress_entry *pe;
	struct progress other;

	if (f->nsnap == (int)RF_ARRAY_LEN(f->snaps))
		return;
	progress_open(&other, tmp_dir);
	pe = progress_get(&other, BASICS);
	if (pe == NULL)
		snprintf(f->snaps[f->nsnap++], sizeof f->snaps[0], "-");
	else
		snprintf(f->snaps[f->nsnap++], sizeof f->snaps[0], "%s %d %s",
		    pe->status == PROGRESS_FINISHED ? "finished" : "started",
		    pe->step, pe->results);
	progress_close(&other);
}

static ssize_t
feed_read(void *cookie, char *buf, size_t size)
{
	struct feed *f = cookie;
	const char *nl;
	size_t n;

	snapshot(f);
	if (f->at >= f->len)
		return 0;
	/* One line per read, so each read is one answer asked for. */
	nl = memchr(f->data + f->at, '\n', f->len - f->at);
	n = nl ? (size_t)(nl - (f->data + f->at)) + 1 : f->len - f->at;
	if (n > size)
		n = size;
	memcpy(buf, f->data + f->at, n);
	f->at += n;
	return (ssize_t)n;
}

Test(plain, progress_is_on_disk_after_every_answer)
{
	static const char *const want[] = {
		"-",			/* the list */
		"-",			/* the intro */
		"-",			/* the page: nothing answered yet */
		"started 1 ....",	/* the choice */
		"started 2 .c..",	/* its feedback: the next step */
		"started 2 .c..",	/* true/false */
		"started 3 .cc.",
		"started 3 .cc.",	/* multi */
		"started 3 .ccc",	/* the last feedback */
		"finished 0 .ccc",	/* the summary */
		"finished 0 .ccc",	/* the list again, then the end */
	};
	cookie_io_functions_t io = { feed_read, NULL, NULL, NULL };
	struct feed f;
	struct plain_opts o;
	char *out;
	size_t len, i;

	memset(&f, 0, sizeof f);
	f.data = PLAY_BASICS;
	f.len = strlen(f.data);
	o.in = fopencookie(&f, "r", io);
	o.out = open_memstream(&out, &len);
	o.help = &country;
	o.school = &school;
	o.width = 0;
	cr_assert_not_null(o.in);
	cr_assert_eq(plain_run(&cat, &prog, &o), 0);
	fclose(o.in);
	fclose(o.out);
	free(out);
	cr_assert_geq(f.nsnap, (int)RF_ARRAY_LEN(want));
	for (i = 0; i < RF_ARRAY_LEN(want); i++)
		cr_expect_str_eq(f.snaps[i], want[i], "before answer %zu",
		    i + 1);
}

Test(plain, x_works_at_the_list_and_the_intro)
{
	struct run r = run_with("X\n1\n", &country, &school, 0);

	cr_assert_eq(r.consumed, 2);
	cr_assert_str_eq(last_line(r.out), LIST_PROMPT);
	free(r.out);
	r = run_with("1\nexit\n1\n", &country, &school, 0);
	cr_assert_eq(r.consumed, 7);
	cr_assert_str_eq(last_line(r.out), INTRO_PROMPT);
	free(r.out);
	cr_assert_null(saved(BASICS));
	/* Begun but nothing answered: the way out still saves. */
	r = run_with("1\n1\nx\n\n", &country, &school, 0);
	cr_assert_eq(r.consumed, 6);
	cr_assert_str_eq(last_line(r.out), ENTER);
	free(r.out);
	cr_assert_not_null(saved(BASICS));
	cr_assert_eq(saved(BASICS)->status, PROGRESS_STARTED);
	cr_assert_eq(saved(BASICS)->step, 0);
}

Test(plain, q_goes_back_to_the_list_keeping_the_place_then_quits)
{
	const struct progress_entry *pe;
	struct run r = run_with("1\n1\n\n2\nq\nq\n1\n", &country, &school, 0);

	in_order(r.out, "Right.", ENTER, "Grooming",
	    "1. Plain basics \xe2\x80\x94 5 min \xe2\x80\x94 step 3 of 4",
	    LIST_PROMPT, NULL);
	cr_assert_str_eq(last_line(r.out), LIST_PROMPT);
	cr_assert_eq(r.consumed, 11, "the last q should quit");
	free(r.out);
	pe = saved(BASICS);
	cr_assert_eq(pe->status, PROGRESS_STARTED);
	cr_assert_eq(pe->step, 2);
	cr_assert_str_eq(pe->results, ".c..");
	cr_assert_eq(pe->score, 1);
	cr_assert_eq(pe->max_score, 3);
}

Test(plain, resumes_from_the_saved_step)
{
	char *out = run("1\n1\n\n2\nq\nq\n");

	free(out);
	cr_assert_eq(saved(BASICS)->step, 2);
	/* A new start, reading the progress from disk. */
	out = run("1\n1\nfalse\n\n1 3\n\n");
	in_order(out, "1. Go on from step 3", "2. Skip this lesson",
	    INTRO_PROMPT, "Step 3 of 4", "Right.", "Step 4 of 4",
	    "You got 3 of 3 questions right the first time.", NULL);
	cr_assert_eq(count_line(out, "Step 1 of 4"), 0);
	cr_assert_eq(count_line(out, "Step 2 of 4"), 0);
	free(out);
	cr_assert_eq(saved(BASICS)->status, PROGRESS_FINISHED);
	cr_assert_str_eq(saved(BASICS)->results, ".ccc");
}

Test(plain, finished_lesson_can_be_played_again)
{
	char *out = run(PLAY_BASICS);

	free(out);
	out = run("1\n");
	in_order(out, "You finished this lesson before, with 3 of 3 right.",
	    "1. Begin", INTRO_PROMPT, NULL);
	free(out);
	out = run("1\n1\ns\ns\ns\ns\n");
	free(out);
	cr_assert_eq(saved(BASICS)->times_finished, 2);
	cr_assert_eq(saved(BASICS)->score, 0);
	cr_assert_str_eq(saved(BASICS)->results, ".sss");
}

/*
 * End of input at every prompt of both lessons: the run ends, returns 0,
 * and each line typed answered exactly one prompt.
 */
static const char *const prompts[] = {
	LIST_PROMPT, INTRO_PROMPT, ENTER, CHOICE_PROMPT, TF_PROMPT,
	MULTI_PROMPT, CHAT_PROMPT, STORY_PROMPT, STORY_BACK_PROMPT,
	ENDING_PROMPT, ORDER_PROMPT, SUMMARY_PROMPT,
};

static int
prompt_count(const char *out)
{
	size_t i;
	int n = 0;

	for (i = 0; i < RF_ARRAY_LEN(prompts); i++)
		n += count_line(out, prompts[i]);
	return n;
}

Test(plain, end_of_input_at_every_prompt_ends_cleanly)
{
	static const char *const scripts[] = {
		PLAY_BASICS,
		"2\n1\n3 4\n\n1\nb\n1\n2\n\n4 3 1 2\n\n\n",
	};
	size_t s;

	for (s = 0; s < RF_ARRAY_LEN(scripts); s++) {
		const char *full = scripts[s];
		size_t cut, lines = 0;

		for (cut = 0; full[cut] != '\0'; cut++)
			lines += full[cut] == '\n';
		for (cut = 0; cut <= lines; cut++) {
			char *input, *out;
			size_t len = 0, seen = 0;

			while (seen < cut) {
				if (full[len++] == '\n')
					seen++;
			}
			input = xstrndup(full, len);
			out = run(input);
			cr_assert_eq(prompt_count(out), (int)cut + 1,
			    "script %zu cut after %zu lines: %d prompts\n%s",
			    s, cut, prompt_count(out), out);
			cr_assert(strcmp(last_line(out), "") != 0);
			free(out);
			free(input);
			/* Start over, with no progress, for the next cut. */
			teardown();
			setup();
		}
	}
}

Test(plain, end_of_input_mid_lesson_saves_the_place)
{
	const struct progress_entry *pe;
	char *out = run("2\n1\n3 4\n\n1");

	/* The last line has no newline: it is still an answer. */
	cr_assert_str_eq(last_line(out), STORY_BACK_PROMPT);
	free(out);
	pe = saved(INTERACTIVE);
	cr_assert_eq(pe->status, PROGRESS_STARTED);
	cr_assert_eq(pe->step, 1);
	cr_assert_str_eq(pe->results, "c..");
}

/* Help ----------------------------------------------------------------- */

Test(plain, h_prints_the_help_and_asks_again_at_every_prompt)
{
	char *out = run("h\n1\nh\n1\nh\n\nH\n2\n");

	cr_assert_eq(count_line(out, "Where to get help: Testland"), 4);
	in_order(out, LIST_PROMPT, "Where to get help: Testland",
	    "Checked on 2026-01-02.", "", LIST_PROMPT, INTRO_PROMPT,
	    "Where to get help: Testland", INTRO_PROMPT, ENTER,
	    "Where to get help: Testland", ENTER, CHOICE_PROMPT,
	    "Where to get help: Testland", CHOICE_PROMPT, "Right.", NULL);
	free(out);
}

Test(plain, help_lists_entries_by_kind_with_the_school_first)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	plain_print_help(f, &country, &school, 0);
	fclose(f);
	cr_assert_str_eq(buf,
	    "Where to get help: Testland\n"
	    "You are not in trouble, and it is not your fault.\n"
	    "\n"
	    "Talk to someone you trust\n"
	    "- Ms Rivera \xe2\x80\x94 room 114 (set by your school)\n"
	    "  The school counsellor.\n"
	    "- A parent or carer\n"
	    "  Someone at home you trust.\n"
	    "\n"
	    "Get an image taken down\n"
	    "- Take It Down \xe2\x80\x94 takeitdown.example\n"
	    "\n"
	    "Someone to talk to\n"
	    "- Kidline \xe2\x80\x94 0800 1111 \xe2\x80\x94 text KID to 8888 "
	    "\xe2\x80\x94 kidline.example \xe2\x80\x94 24/7\n"
	    "  Free and private, for anyone under 19.\n"
	    "\n"
	    "In danger right now\n"
	    "- Emergency \xe2\x80\x94 999\n"
	    "\n"
	    "Checked on 2026-01-02.\n"
	    "Your school's entries were checked on 2026-02-03.\n");
	free(buf);
}

Test(plain, help_sanitises_and_wraps_and_copes_without_a_list)
{
	struct help_entry e = { HELP_REPORT, "Bad\x1b]0;owned\x07 line",
	    "A long explanation of what this service does, which has to wrap "
	    "onto a second line.", NULL, NULL, "bad.example", NULL, 0, 0 };
	struct help_country h = { "x.yaml", "XX", "Evil\x1b[2J", "\x1b[1mnow",
	    NULL, &e, 1 };
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	plain_print_help(f, &h, NULL, 40);
	fclose(f);
	cr_assert_null(strchr(buf, '\x1b'), "%s", buf);
	cr_assert_null(strchr(buf, '\x07'), "%s", buf);
	together(buf,
	    "Where to get help: Evil",
	    "",
	    "Someone is pressuring or threatening you",
	    "- Bad line \xe2\x80\x94 bad.example",
	    "  A long explanation of what this",
	    "  service does, which has to wrap onto a",
	    "  second line.",
	    "",
	    "Checked on now.", NULL);
	free(buf);

	f = open_memstream(&buf, &len);
	plain_print_help(f, NULL, NULL, 0);
	fclose(f);
	cr_assert_str_eq(buf, "No list of places to get help was found on this "
	    "computer. Talk to an adult you\ntrust. If you are in danger right "
	    "now, call your local emergency number.\n");
	free(buf);
}

Test(plain, no_help_list_still_answers_h)
{
	struct run r = run_with("h\n", NULL, NULL, 0);

	in_order(r.out, LIST_PROMPT, "No list of places to get help was found "
	    "on this computer. Talk to an adult you", LIST_PROMPT, NULL);
	free(r.out);
}

/* Width ---------------------------------------------------------------- */

Test(plain, every_line_fits_the_width)
{
	struct run r = run_with("1\n1\n\n1\n\n1\n\n1 2\n\n\n2\n1\n1\n\n1\n2\n"
	    "\n1 2 3 4\n\n\nh\n", &country, &school, 30);
	char **v = lines_of(r.out, NULL);
	size_t i;

	for (i = 0; v[i] != NULL; i++)
		cr_assert_leq(text_width(v[i]), 30, "line %zu is too wide: "
		    "\"%s\"", i + 1, v[i]);
	cr_assert_gt(i, 100);
	/* The continuation of a numbered item lines up under its text. */
	together(r.out, "4. Rio (new account): keep", "   this between us ok?",
	    NULL);
	free_lines(v);
	free(r.out);
}
