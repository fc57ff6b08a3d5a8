/*
 * plain.c - the lessons as plain text, read in order.
 *
 * The same engine as the ncurses player: each answer typed is turned into
 * the events ui-player.c sends for the keys (a number is PICK, Enter is
 * CONFIRM, and so on), and the engine's changes decide what is printed
 * and saved.  Nothing here moves a cursor, clears the screen or uses
 * colour: every line is printed once, in reading order.
 */
#include "plain.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "i18n.h"
#include "play.h"
#include "lesson.h"
#include "quiz.h"
#include "text.h"
#include "util.h"

#define PLAIN_WIDTH 80
#define PLAIN_MIN_WIDTH 20
#define PLAIN_BULLET "- "
#define MAX_NUMBERS 64		/* numbers read from one answer */

enum reply {
	REPLY_LINE,		/* an answer is in pl->line */
	REPLY_BACK,		/* q: back to the list; at the list, quit */
	REPLY_LEAVE,		/* x, or the end of the input: leave now */
};

struct plain {
	const struct plain_opts *o;
	FILE *out;
	int width;
	struct progress *progress;
	struct catalog_entry *lesson;	/* the open lesson, or NULL */
	struct quiz quiz;
	size_t shown_step;	/* the step whose heading was printed */
	char *line;		/* the last answer: trimmed, in lower case */
	size_t line_cap;
	bool blank;		/* the last line printed was empty */
};

static int
fix_width(int width)
{
	if (width <= 0)
		return PLAIN_WIDTH;
	return width < PLAIN_MIN_WIDTH ? PLAIN_MIN_WIDTH : width;
}

/* The separator between fields: an em dash where the locale has it. */
static const char *
dash(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && strcmp(cs, "UTF-8") == 0 ? " \xe2\x80\x94 " :
	    " - ";
}

/*
 * Print text wrapped in 'width' columns, 'indent' spaces in; 'lead' (may
 * be NULL) goes before the first line and the lines after it are indented
 * by its width.  Empty lines carry no spaces.  Returns the lines printed.
 */
static size_t
wrap_out(FILE *out, int width, int indent, const char *lead,
    const char *text)
{
	struct text_lines tl;
	int lw = lead != NULL ? text_width(lead) : 0;
	int room = width - indent - lw;
	size_t i, n;

	if (text == NULL)
		return 0;
	text_lines_init(&tl);
	text_wrap(text, room < 8 ? 8 : room, PLAIN_BULLET, &tl);
	for (i = 0; i < tl.count; i++) {
		const char *t = tl.lines[i].text;

		if (i == 0 && lead != NULL)
			fprintf(out, "%*s%s%s\n", indent, "", lead, t);
		else if (*t == '\0')
			fputc('\n', out);
		else
			fprintf(out, "%*s%s\n", indent + lw, "", t);
	}
	n = tl.count;
	if (n == 0 && lead != NULL) {
		fprintf(out, "%*s%s\n", indent, "", lead);
		n = 1;
	}
	text_lines_finish(&tl);
	return n;
}

/* A copy of text from a file that is safe to print (NULL stays NULL). */
static char *
clean(const char *s, unsigned flags)
{
	return s != NULL ? text_sanitize(s, strlen(s), flags) : NULL;
}

/* Printing ------------------------------------------------------------- */

static void
put(struct plain *pl, int indent, const char *lead, const char *text)
{
	if (wrap_out(pl->out, pl->width, indent, lead, text) > 0)
		pl->blank = false;
}

static void putf(struct plain *, int, const char *, ...)
	__attribute__((format(printf, 3, 4)));

static void
putf(struct plain *pl, int indent, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	put(pl, indent, NULL, s);
	free(s);
}

/* One empty line between blocks, never two. */
static void
blank(struct plain *pl)
{
	if (!pl->blank) {
		fputc('\n', pl->out);
		pl->blank = true;
	}
}

static void
show_help(struct plain *pl)
{
	blank(pl);
	plain_print_help(pl->out, pl->o->help, pl->o->school, pl->width);
	pl->blank = false;
	blank(pl);
}

/* Reading answers ------------------------------------------------------ */

static void
trim_lower(char *s)
{
	size_t n = strlen(s), i = 0;

	while (n > 0 && strchr(" \t\r\n\f\v", s[n - 1]) != NULL)
		n--;
	while (i < n && strchr(" \t\f\v", s[i]) != NULL)
		i++;
	memmove(s, s + i, n - i);
	s[n - i] = '\0';
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] - 'A' + 'a');
	}
}

static bool
is(const struct plain *pl, const char *word)
{
	return strcmp(pl->line, word) == 0;
}

/*
 * Print the prompt and read one answer.  h prints the help and asks
 * again; x and the end of the input leave; q goes back.
 */
static enum reply
ask(struct plain *pl, const char *prompt)
{
	for (;;) {
		blank(pl);
		put(pl, 0, NULL, prompt);
		fflush(pl->out);
		if (getline(&pl->line, &pl->line_cap, pl->o->in) < 0)
			return REPLY_LEAVE;
		/* What comes next starts a new block. */
		pl->blank = false;
		trim_lower(pl->line);
		if (is(pl, "h") || is(pl, "help")) {
			show_help(pl);
			continue;
		}
		if (is(pl, "x") || is(pl, "exit"))
			return REPLY_LEAVE;
		if (is(pl, "q") || is(pl, "quit"))
			return REPLY_BACK;
		return REPLY_LINE;
	}
}

/* An answer that was not understood: say what to type. */
static void
nudge(struct plain *pl, const char *msg)
{
	blank(pl);
	put(pl, 0, NULL, msg);
}

static void nudgef(struct plain *, const char *, ...)
	__attribute__((format(printf, 2, 3)));

static void
nudgef(struct plain *pl, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	nudge(pl, s);
	free(s);
}

static bool
is_sep(char c)
{
	return c == ' ' || c == ',' || c == '\t';
}

/*
 * Read numbers from 1 to max separated by spaces or commas into out,
 * 0-based.  Returns how many, or -1 when anything else is there (or more
 * than 'room').
 */
static int
parse_numbers(const char *s, size_t max, int *out, int room)
{
	int n = 0;

	while (*s != '\0') {
		size_t v = 0;

		if (is_sep(*s)) {
			s++;
			continue;
		}
		if (*s < '0' || *s > '9')
			return -1;
		for (; *s >= '0' && *s <= '9'; s++) {
			v = v * 10 + (size_t)(*s - '0');
			if (v > 1000)
				return -1;
		}
		if (*s != '\0' && !is_sep(*s))
			return -1;
		if (v < 1 || v > max || n == room)
			return -1;
		out[n++] = (int)v - 1;
	}
	return n;
}

/* Exactly one number from 1 to max; -1 when the answer is not one. */
static int
parse_one(const struct plain *pl, size_t max)
{
	int v;

	return parse_numbers(pl->line, max, &v, 1) == 1 ? v : -1;
}

/* Progress ------------------------------------------------------------- */

/* Save the open lesson's place and results (see play.h). */
static void
save_lesson(struct plain *pl, bool finished)
{
	if (pl->lesson != NULL)
		play_save(pl->progress, &pl->quiz, finished);
}

/* Send one event to the engine and save when it says so. */
static unsigned
event(struct plain *pl, enum quiz_event ev, int arg)
{
	unsigned ch = quiz_handle(&pl->quiz, ev, arg);

	if (ch & QUIZ_CH_FINISHED)
		save_lesson(pl, true);
	else if (ch & QUIZ_CH_ANSWERED)
		save_lesson(pl, false);
	return ch;
}

/* Showing steps -------------------------------------------------------- */

static const char *
option_text(const struct lesson_step *s, size_t i)
{
	if (s->type == STEP_TRUEFALSE)
		return i == 0 ? _("True") : _("False");
	return s->options[i].text ? s->options[i].text : "";
}

static const char *
name_of(const struct lesson_message *m, const char *contact)
{
	if (m->name != NULL)
		return m->name;
	return m->mine ? _("You") : (contact ? contact : _("Them"));
}

/* "Name: text", or "Name (20:14): text". */
static char *
message_text(const struct lesson_message *m, const char *contact)
{
	if (m->time != NULL)
		return xasprintf("%s (%s): %s", name_of(m, contact), m->time,
		    m->text ? m->text : "");
	return xasprintf("%s: %s", name_of(m, contact),
	    m->text ? m->text : "");
}

/* Something numbered: "3. text", continuation lines under the text. */
static void
numbered(struct plain *pl, int indent, size_t n, const char *text)
{
	char *lead = xasprintf("%zu. ", n);

	put(pl, indent, lead, text);
	free(lead);
}

static int
lead_width(size_t n)
{
	char *lead = xasprintf("%zu. ", n);
	int w = (int)strlen(lead);

	free(lead);
	return w;
}

static void
show_options(struct plain *pl, const struct lesson_step *s)
{
	size_t i;

	put(pl, 0, NULL, s->text);
	blank(pl);
	for (i = 0; i < s->option_count; i++)
		numbered(pl, 0, i + 1, option_text(s, i));
}

static void
chat_header(struct plain *pl, const struct lesson_step *s)
{
	const char *app = s->chat.app ? s->chat.app : _("Chat");

	if (s->chat.contact != NULL)
		putf(pl, 0, "%s%s%s", app, dash(), s->chat.contact);
	else
		put(pl, 0, NULL, app);
}

static void
show_chat(struct plain *pl, const struct lesson_step *s)
{
	size_t i;

	put(pl, 0, NULL, s->text);
	blank(pl);
	chat_header(pl, s);
	for (i = 0; i < s->chat.message_count; i++) {
		char *t = message_text(&s->chat.messages[i], s->chat.contact);

		numbered(pl, 0, i + 1, t);
		free(t);
	}
}

static void
show_order(struct plain *pl, const struct lesson_step *s)
{
	size_t i;

	put(pl, 0, NULL, s->text);
	blank(pl);
	for (i = 0; i < s->order.item_count; i++)
		numbered(pl, 0, i + 1,
		    s->order.items[pl->quiz.perm[i]].text);
}

/* A path as the choices made along it, numbered. */
static void
path_lines(struct plain *pl, const struct lesson_scenario *sc,
    const size_t *nodes, const int *choices, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		int c = choices ? choices[i] :
		    lesson_scenario_choice_to(sc, nodes[i], nodes[i + 1]);

		if (c < 0 || (size_t)c >= sc->nodes[nodes[i]].choice_count)
			continue;
		numbered(pl, 2, i + 1, sc->nodes[nodes[i]].choices[c].text);
	}
}

static void
show_ending(struct plain *pl, const struct lesson_scenario *sc,
    const struct lesson_node *node)
{
	const struct quiz *q = &pl->quiz;
	size_t best[LESSON_MAX_NODES], nbest, at = quiz_node(q);

	put(pl, 0, NULL, lesson_ending_name(node->ending));
	put(pl, 2, NULL, node->debrief);
	blank(pl);
	put(pl, 0, NULL, _("The path you took:"));
	path_lines(pl, sc, q->path, q->path_choice, q->path_len);
	nbest = lesson_scenario_best_path(sc, best);
	if (nbest > 0 && best[nbest - 1] != at) {
		put(pl, 0, NULL, _("The best path:"));
		path_lines(pl, sc, best, NULL, nbest);
	}
	if (q->first_ending != LESSON_NO_NODE && q->first_ending != at)
		putf(pl, 0, _("The score counts the first ending you reached: "
		    "%s."),
		    lesson_ending_name(sc->nodes[q->first_ending].ending));
}

/* The node the story is at, with what led there (ui-story.c's order). */
static void
show_story(struct plain *pl, const struct lesson_step *s)
{
	const struct quiz *q = &pl->quiz;
	const struct lesson_scenario *sc = &s->scenario;
	const struct lesson_node *node;
	size_t at = quiz_node(q), i;

	if (at == LESSON_NO_NODE) {
		put(pl, 0, NULL, s->title);
		blank(pl);
		put(pl, 0, NULL, _("This story has no start; a teacher can run "
		    "'redflags check' to see why."));
		return;
	}
	node = &sc->nodes[at];
	if (q->path_len == 1) {
		if (s->title != NULL) {
			put(pl, 0, NULL, s->title);
			blank(pl);
		}
		if (s->text != NULL) {
			put(pl, 0, NULL, s->text);
			blank(pl);
		}
	}
	if (q->path_len >= 2 && q->last_choice >= 0) {
		const struct lesson_node *prev = &sc->nodes[q->path[
		    q->path_len - 2]];

		if ((size_t)q->last_choice < prev->choice_count) {
			const struct lesson_choice *c =
			    &prev->choices[q->last_choice];

			put(pl, 0, _("You chose: "), c->text);
			put(pl, 2, NULL, c->feedback);
			blank(pl);
		}
	}
	put(pl, 0, NULL, node->text);
	if (node->chat_count > 0) {
		blank(pl);
		for (i = 0; i < node->chat_count; i++) {
			char *t = message_text(&node->chat[i], NULL);

			put(pl, 0, NULL, t);
			free(t);
		}
	}
	blank(pl);
	if (node->ending != ENDING_NONE) {
		show_ending(pl, sc, node);
		return;
	}
	put(pl, 0, NULL, sc->question ? sc->question :
	    _("What could they do?"));
	for (i = 0; i < node->choice_count; i++)
		numbered(pl, 0, i + 1, node->choices[i].text);
}

/* A word for how the student's answer and the option relate. */
static const char *
option_status(const struct lesson_step *s, bool right, bool chosen)
{
	if (s->type != STEP_MULTI) {
		if (chosen)
			return right ? _("your answer, and right") :
			    _("your answer");
		return right ? _("the right answer") : NULL;
	}
	if (right)
		return chosen ? _("right, and you marked it") :
		    _("right, not marked");
	return chosen ? _("you marked it, but it is not right") : NULL;
}

static void
verdict(struct plain *pl)
{
	put(pl, 0, NULL, pl->quiz.last_right ? _("Right.") : _("Not quite."));
}

/* ui-player.c's draw_feedback, in words instead of marks. */
static void
show_options_checked(struct plain *pl, const struct lesson_step *s)
{
	size_t i;

	verdict(pl);
	if (s->type == STEP_TRUEFALSE)
		put(pl, 0, NULL, s->feedback);
	blank(pl);
	for (i = 0; i < s->option_count; i++) {
		bool right = s->options[i].correct;
		bool chosen = pl->quiz.marks[i];
		const char *status = option_status(s, right, chosen);
		char *text;

		if (status != NULL)
			text = xasprintf("%s (%s)", option_text(s, i), status);
		else
			text = xstrdup(option_text(s, i));
		numbered(pl, 0, i + 1, text);
		free(text);
		/* Explain every option of a multi; for one-answer questions
		 * the chosen one and the right one. */
		if ((s->type == STEP_MULTI || (s->type == STEP_CHOICE &&
		    (chosen || right))) && s->options[i].feedback != NULL)
			put(pl, lead_width(i + 1), NULL,
			    s->options[i].feedback);
	}
}

/* ui-chat.c's checked view. */
static void
show_chat_checked(struct plain *pl, const struct lesson_step *s)
{
	const struct quiz *q = &pl->quiz;
	int found, missed, wrong;
	size_t i;

	quiz_chat_counts(q, &found, &missed, &wrong);
	verdict(pl);
	if (wrong > 0)
		putf(pl, 0, ngettext("You found %d of %d red flags, and "
		    "flagged %d message that is not one.", "You found %d of %d "
		    "red flags, and flagged %d messages that are not.", wrong),
		    found, found + missed, wrong);
	else
		putf(pl, 0, _("You found %d of %d red flags."), found,
		    found + missed);
	blank(pl);
	chat_header(pl, s);
	for (i = 0; i < s->chat.message_count; i++) {
		const struct lesson_message *m = &s->chat.messages[i];
		bool flag = m->flag != FLAG_NONE, marked = q->marks[i];
		int in = lead_width(i + 1);
		char *t = message_text(m, s->chat.contact);

		numbered(pl, 0, i + 1, t);
		free(t);
		if (flag && marked)
			putf(pl, in, "%s: %s", _("found"),
			    lesson_flag_name(m->flag));
		else if (flag)
			putf(pl, in, "%s: %s", _("missed"),
			    lesson_flag_name(m->flag));
		else if (marked)
			put(pl, in, NULL, _("flagged, but not a red flag"));
		put(pl, in, NULL, m->why);
	}
}

/* ui-order.c's checked view. */
static void
show_order_checked(struct plain *pl, const struct lesson_step *s)
{
	const struct lesson_order *o = &s->order;
	size_t i, j;

	verdict(pl);
	put(pl, 0, NULL, pl->quiz.last_right ? _("That order works.") :
	    _("Some steps are in a different place."));
	blank(pl);
	put(pl, 0, NULL, _("Your order:"));
	for (i = 0; i < o->item_count; i++) {
		bool ok = lesson_order_place_ok(o, pl->quiz.perm, i);
		char *t = xasprintf("%s (%s)", o->items[pl->quiz.perm[i]].text,
		    ok ? _("right place") : _("not the best place"));

		numbered(pl, 0, i + 1, t);
		free(t);
	}
	blank(pl);
	put(pl, 0, NULL, _("The best order, and why:"));
	for (i = 0; i < o->item_count; i++) {
		bool swaps = false;

		for (j = 0; j < o->item_count; j++)
			swaps |= j != i && o->group[i] != 0 &&
			    o->group[j] == o->group[i];
		numbered(pl, 0, i + 1, o->items[i].text);
		put(pl, lead_width(i + 1), NULL, o->items[i].why);
		if (swaps)
			put(pl, lead_width(i + 1), NULL, _("(This one can "
			    "swap places with its neighbour in the same "
			    "group.)"));
	}
}

static void
show_summary(struct plain *pl)
{
	const struct lesson *l = pl->quiz.lesson;
	int score = quiz_score(&pl->quiz), max = quiz_max_score(&pl->quiz);
	int skipped = quiz_skipped(&pl->quiz);
	size_t i;

	blank(pl);
	put(pl, 0, NULL, _("Lesson complete"));
	blank(pl);
	putf(pl, 0, ngettext("You got %d of %d question right the first "
	    "time.", "You got %d of %d questions right the first time.", max),
	    score, max);
	if (skipped > 0)
		putf(pl, 0, ngettext("You skipped %d question; that is fine.",
		    "You skipped %d questions; that is fine.", skipped),
		    skipped);
	if (l->remember_count > 0) {
		blank(pl);
		put(pl, 0, NULL, _("What to remember"));
		for (i = 0; i < l->remember_count; i++)
			put(pl, 0, PLAIN_BULLET, l->remember[i]);
	}
	if (l->source_count > 0) {
		blank(pl);
		put(pl, 0, NULL, _("Where these facts come from"));
		for (i = 0; i < l->source_count; i++) {
			const struct lesson_source *src = &l->sources[i];
			char *cite = src->year > 0 ?
			    xasprintf("%s, %s (%d)%s%s", src->publisher,
			    src->title, src->year, src->url ? " " : "",
			    src->url ? src->url : "") :
			    xasprintf("%s, %s%s%s", src->publisher, src->title,
			    src->url ? " " : "", src->url ? src->url : "");

			put(pl, 0, PLAIN_BULLET, cite);
			free(cite);
		}
	}
	blank(pl);
	put(pl, 0, NULL, _("If anything in this lesson worries you, talk to an "
	    "adult you trust. It is never your fault, and asking for help "
	    "will not get you in trouble."));
}

/* Print what the engine shows now: a step, its feedback, the summary. */
static void
show_state(struct plain *pl)
{
	const struct quiz *q = &pl->quiz;
	const struct lesson_step *s = quiz_current(q);

	if (q->phase == QUIZ_SUMMARY) {
		show_summary(pl);
		return;
	}
	if (s == NULL || q->phase == QUIZ_INTRO)
		return;
	blank(pl);
	if (q->phase == QUIZ_STEP && q->step != pl->shown_step) {
		putf(pl, 0, _("Step %zu of %zu"), q->step + 1,
		    q->lesson->step_count);
		blank(pl);
		pl->shown_step = q->step;
	}
	if (s->type == STEP_SCENARIO) {
		show_story(pl, s);
		return;
	}
	if (q->phase == QUIZ_FEEDBACK) {
		if (s->type == STEP_CHAT)
			show_chat_checked(pl, s);
		else if (s->type == STEP_ORDER)
			show_order_checked(pl, s);
		else
			show_options_checked(pl, s);
		return;
	}
	switch (s->type) {
	case STEP_PAGE:
		if (s->title != NULL) {
			put(pl, 0, NULL, s->title);
			blank(pl);
		}
		put(pl, 0, NULL, s->text);
		if (s->show_help)
			show_help(pl);
		break;
	case STEP_CHOICE:
	case STEP_MULTI:
	case STEP_TRUEFALSE:
		show_options(pl, s);
		break;
	case STEP_CHAT:
		show_chat(pl, s);
		break;
	case STEP_ORDER:
		show_order(pl, s);
		break;
	case STEP_SCENARIO:
		break;
	}
}

/* Answering ------------------------------------------------------------ */

/* t: the hint, printed again each time it is asked for. */
static void
hint(struct plain *pl, const struct lesson_step *s)
{
	blank(pl);
	if (s->hint == NULL) {
		put(pl, 0, NULL, _("This question has no hint."));
		return;
	}
	quiz_handle(&pl->quiz, QUIZ_EV_HINT, 0);
	put(pl, 0, _("Hint: "), s->hint);
}

/* Enter goes on (a page, feedback); s on a page skips it, as in the UI. */
static enum reply
answer_enter(struct plain *pl, const struct lesson_step *s, unsigned *ch)
{
	enum reply r;

	for (;;) {
		if ((r = ask(pl, _("Press Enter to go on."))) != REPLY_LINE)
			return r;
		if (is(pl, "")) {
			*ch = event(pl, QUIZ_EV_CONFIRM, 0);
			return r;
		}
		if (is(pl, "s") && pl->quiz.phase == QUIZ_STEP &&
		    s->type == STEP_PAGE) {
			*ch = event(pl, QUIZ_EV_SKIP, 0);
			return r;
		}
		nudge(pl, _("Please press Enter to go on, or type q to go back "
		    "to the list (h for help)."));
	}
}

/* t and s, which every question takes.  Returns true when handled. */
static bool
common(struct plain *pl, const struct lesson_step *s, unsigned *ch,
    bool *done)
{
	*done = false;
	if (is(pl, "t") && s->type != STEP_SCENARIO) {
		hint(pl, s);
		return true;
	}
	if (is(pl, "s")) {
		*ch = event(pl, QUIZ_EV_SKIP, 0);
		*done = true;
		return true;
	}
	return false;
}

static enum reply
answer_choice(struct plain *pl, const struct lesson_step *s, unsigned *ch)
{
	const char *prompt = s->hint != NULL ? _("Type the number of your "
	    "answer, t for a hint, s to skip:") : _("Type the number of your "
	    "answer, or s to skip:");
	enum reply r;
	bool done;
	int v;

	for (;;) {
		if ((r = ask(pl, prompt)) != REPLY_LINE)
			return r;
		if (common(pl, s, ch, &done)) {
			if (done)
				return r;
			continue;
		}
		v = parse_one(pl, s->option_count);
		if (s->type == STEP_TRUEFALSE && is(pl, "true"))
			v = 0;
		else if (s->type == STEP_TRUEFALSE && is(pl, "false"))
			v = 1;
		if (v >= 0) {
			event(pl, QUIZ_EV_PICK, v);
			*ch = event(pl, QUIZ_EV_CONFIRM, 0);
			return r;
		}
		if (s->type == STEP_TRUEFALSE)
			nudge(pl, _("Please type 1 (true) or 2 (false), t "
			    "for a hint or s to skip (h for help)."));
		else
			nudgef(pl, _("Please type one number from 1 to %zu, t "
			    "for a hint or s to skip (h for help)."),
			    s->option_count);
	}
}

/* Numbers from 1 to max, each taken once: marks[i] set.  False when the
 * answer is not a list of such numbers. */
static bool
parse_marks(const struct plain *pl, size_t max, bool *marks)
{
	int nums[MAX_NUMBERS], n, i;

	memset(marks, 0, max * sizeof *marks);
	n = parse_numbers(pl->line, max, nums, MAX_NUMBERS);
	if (n <= 0)
		return false;
	for (i = 0; i < n; i++)
		marks[nums[i]] = true;
	return true;
}

static enum reply
answer_multi(struct plain *pl, const struct lesson_step *s, unsigned *ch)
{
	bool marks[LESSON_MAX_OPTIONS], done;
	size_t n = s->option_count, i;
	enum reply r;

	if (n > LESSON_MAX_OPTIONS)
		n = LESSON_MAX_OPTIONS;
	for (;;) {
		if ((r = ask(pl, _("Type the numbers of every right answer, "
		    "separated by spaces:"))) != REPLY_LINE)
			return r;
		if (common(pl, s, ch, &done)) {
			if (done)
				return r;
			continue;
		}
		if (n > 0 && parse_marks(pl, n, marks)) {
			/* PICK toggles a multi's option, as the number keys
			 * do; every mark is clear when the step starts. */
			for (i = 0; i < n; i++) {
				if (marks[i] != pl->quiz.marks[i])
					event(pl, QUIZ_EV_PICK, (int)i);
			}
			*ch = event(pl, QUIZ_EV_CONFIRM, 0);
			return r;
		}
		nudgef(pl, _("Please type the numbers of every right answer, "
		    "from 1 to %zu, separated by spaces; or t for a hint or s "
		    "to skip (h for help)."), n);
	}
}

static enum reply
answer_chat(struct plain *pl, const struct lesson_step *s, unsigned *ch)
{
	bool marks[QUIZ_MAX_MARKS], done;
	size_t n = s->chat.message_count, i;
	enum reply r;

	if (n > QUIZ_MAX_MARKS)
		n = QUIZ_MAX_MARKS;
	for (;;) {
		if ((r = ask(pl, _("Type the numbers of the messages that are "
		    "red flags, separated by spaces:"))) != REPLY_LINE)
			return r;
		if (common(pl, s, ch, &done)) {
			if (done)
				return r;
			continue;
		}
		if (n == 0 || !parse_marks(pl, n, marks)) {
			nudgef(pl, _("Please type the numbers of the messages "
			    "that are red flags, from 1 to %zu, separated by "
			    "spaces; or t for a hint or s to skip (h for "
			    "help)."), n);
			continue;
		}
		for (i = 0; i < n; i++) {
			if (marks[i] && s->chat.messages[i].mine)
				break;
		}
		if (i < n) {
			nudgef(pl, _("Message %zu is your own; only the other "
			    "person's messages can be red flags."), i + 1);
			continue;
		}
		/* Plain mode shows every message at once: bring them all
		 * in, then flag each one as Space does under the cursor. */
		while (pl->quiz.revealed < s->chat.message_count)
			event(pl, QUIZ_EV_CONFIRM, 0);
		for (i = 0; i < n; i++) {
			if (marks[i] == pl->quiz.marks[i])
				continue;
			event(pl, QUIZ_EV_PICK, (int)i);
			event(pl, QUIZ_EV_TOGGLE, 0);
		}
		*ch = event(pl, QUIZ_EV_CONFIRM, 0);
		return r;
	}
}

/* "3 1 2 4" for four items: an example that is not 1 2 3 4. */
static char *
order_example(size_t n)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	if (n >= 3)
		buf_adds(&b, "3 1 2");
	else if (n == 2)
		buf_adds(&b, "2 1");
	else
		buf_adds(&b, "1");
	for (i = 4; i <= n; i++)
		buf_printf(&b, " %zu", i);
	return buf_steal(&b);
}

/*
 * Put the items in the order typed, as the keys would: for each place
 * from the top, pick up the item wanted there (PICK, TOGGLE), carry it up
 * (MOVE -1) and put it down (TOGGLE).
 */
static void
order_set(struct plain *pl, const int *want, size_t n)
{
	size_t place, j, k;

	for (place = 0; place < n; place++) {
		for (j = place; j < n && pl->quiz.perm[j] != want[place]; j++)
			;
		if (j == n || j == place)
			continue;
		event(pl, QUIZ_EV_PICK, (int)j);
		event(pl, QUIZ_EV_TOGGLE, 0);
		for (k = j; k > place; k--)
			event(pl, QUIZ_EV_MOVE, -1);
		event(pl, QUIZ_EV_TOGGLE, 0);
	}
}

static enum reply
answer_order(struct plain *pl, const struct lesson_step *s, unsigned *ch)
{
	size_t n = s->order.item_count, i;
	int nums[MAX_NUMBERS], want[LESSON_MAX_ITEMS], got;
	bool seen[LESSON_MAX_ITEMS], ok;
	char *example, *prompt;
	enum reply r;

	if (n > LESSON_MAX_ITEMS)
		n = LESSON_MAX_ITEMS;
	example = order_example(n);
	prompt = xasprintf(_("Type the numbers in the best order, such as "
	    "%s:"), example);
	for (;;) {
		bool done;

		if ((r = ask(pl, prompt)) != REPLY_LINE)
			break;
		if (common(pl, s, ch, &done)) {
			if (done)
				break;
			continue;
		}
		got = parse_numbers(pl->line, n, nums, MAX_NUMBERS);
		ok = got == (int)n && n > 0;
		memset(seen, 0, sizeof seen);
		for (i = 0; ok && i < n; i++) {
			ok = !seen[nums[i]];
			seen[nums[i]] = true;
			/* The numbers are places in the list as shown. */
			want[i] = pl->quiz.perm[nums[i]];
		}
		if (ok) {
			order_set(pl, want, n);
			*ch = event(pl, QUIZ_EV_CONFIRM, 0);
			break;
		}
		nudgef(pl, _("Please type each number from 1 to %zu once, in "
		    "the order you think is best; or t for a hint or s to skip "
		    "(h for help)."), n);
	}
	free(prompt);
	free(example);
	return r;
}

static enum reply
answer_story(struct plain *pl, const struct lesson_step *s, unsigned *ch)
{
	const struct lesson_node *node;
	size_t at = quiz_node(&pl->quiz);
	bool can_back = pl->quiz.path_len >= 2, done;
	enum reply r;
	int v;

	if (at == LESSON_NO_NODE)
		return answer_enter(pl, s, ch);
	node = &s->scenario.nodes[at];
	for (;;) {
		if ((r = ask(pl, can_back ? _("Type the number of your choice, "
		    "or b to go back a step:") : _("Type the number of your "
		    "choice:"))) != REPLY_LINE)
			return r;
		if (common(pl, s, ch, &done)) {
			if (done)
				return r;
			continue;
		}
		if (can_back && is(pl, "b")) {
			*ch = event(pl, QUIZ_EV_BACK, 0);
			return r;
		}
		v = parse_one(pl, node->choice_count);
		if (v >= 0) {
			event(pl, QUIZ_EV_PICK, v);
			*ch = event(pl, QUIZ_EV_CONFIRM, 0);
			if (*ch != 0)
				return r;
			nudge(pl, _("That choice leads nowhere; a teacher can "
			    "run 'redflags check' to see why."));
			continue;
		}
		if (can_back)
			nudgef(pl, _("Please type a number from 1 to %zu, b to "
			    "go back a step, or s to skip (h for help)."),
			    node->choice_count);
		else
			nudgef(pl, _("Please type a number from 1 to %zu, or s "
			    "to skip (h for help)."), node->choice_count);
	}
}

/* An ending: b goes back a step, Enter goes on. */
static enum reply
answer_ending(struct plain *pl, unsigned *ch)
{
	enum reply r;

	for (;;) {
		if ((r = ask(pl, _("Press b to go back a step and try another "
		    "choice, or Enter to go on."))) != REPLY_LINE)
			return r;
		if (is(pl, "")) {
			*ch = event(pl, QUIZ_EV_CONFIRM, 0);
			return r;
		}
		if (is(pl, "b")) {
			*ch = event(pl, QUIZ_EV_BACK, 0);
			return r;
		}
		nudge(pl, _("Please press Enter to go on, or type b to go back "
		    "a step (h for help)."));
	}
}

static enum reply
answer_summary(struct plain *pl)
{
	enum reply r;

	for (;;) {
		if ((r = ask(pl, _("Press Enter to go back to the list."))) !=
		    REPLY_LINE)
			return r;
		if (is(pl, ""))
			return REPLY_BACK;
		nudge(pl, _("Please press Enter to go back to the list (h for "
		    "help)."));
	}
}

/* Read one answer for what is shown now and give it to the engine. */
static enum reply
answer(struct plain *pl, unsigned *ch)
{
	const struct lesson_step *s = quiz_current(&pl->quiz);

	*ch = 0;
	if (pl->quiz.phase == QUIZ_SUMMARY || s == NULL)
		return answer_summary(pl);
	if (pl->quiz.phase == QUIZ_FEEDBACK)
		return s->type == STEP_SCENARIO ? answer_ending(pl, ch) :
		    answer_enter(pl, s, ch);
	switch (s->type) {
	case STEP_PAGE:
		return answer_enter(pl, s, ch);
	case STEP_CHOICE:
	case STEP_TRUEFALSE:
		return answer_choice(pl, s, ch);
	case STEP_MULTI:
		return answer_multi(pl, s, ch);
	case STEP_CHAT:
		return answer_chat(pl, s, ch);
	case STEP_SCENARIO:
		return answer_story(pl, s, ch);
	case STEP_ORDER:
		return answer_order(pl, s, ch);
	}
	return answer_summary(pl);
}

/* A lesson ------------------------------------------------------------- */

/* Title, content note, objectives, then begin / skip / get help.
 * REPLY_LINE when the student began. */
static enum reply
intro(struct plain *pl)
{
	const struct lesson *l = pl->quiz.lesson;
	const struct progress_entry *pe = progress_get(pl->progress, l->id);
	enum reply r;
	char *mins;
	size_t i;

	blank(pl);
	put(pl, 0, NULL, l->title);
	mins = xasprintf(_("%d min"), l->minutes);
	putf(pl, 0, "%s%s%s", lesson_topic_name(l->topic), dash(), mins);
	free(mins);
	blank(pl);
	if (l->content_note != NULL) {
		put(pl, 0, NULL, _("Before you start"));
		put(pl, 0, NULL, l->content_note);
		blank(pl);
	}
	if (l->objective_count > 0) {
		put(pl, 0, NULL, _("In this lesson you will:"));
		for (i = 0; i < l->objective_count; i++)
			put(pl, 0, PLAIN_BULLET, l->objectives[i]);
		blank(pl);
	}
	if (pe != NULL && pe->status == PROGRESS_FINISHED) {
		putf(pl, 0, _("You finished this lesson before, with %d of %d "
		    "right."), pe->score, pe->max_score);
		blank(pl);
	}
	if (pl->quiz.step >= l->step_count)
		put(pl, 0, NULL, _("1. See what to remember (you have answered "
		    "every question)"));
	else if (pl->quiz.step > 0)
		putf(pl, 0, _("1. Go on from step %zu"), pl->quiz.step + 1);
	else
		put(pl, 0, NULL, _("1. Begin"));
	put(pl, 0, NULL, _("2. Skip this lesson"));
	put(pl, 0, NULL, _("3. Get help"));
	for (;;) {
		if ((r = ask(pl, _("Type 1, 2 or 3 (or begin, skip or "
		    "help):"))) != REPLY_LINE)
			return r;
		if (is(pl, "1") || is(pl, "begin")) {
			event(pl, QUIZ_EV_CONFIRM, 0);
			return REPLY_LINE;
		}
		if (is(pl, "2") || is(pl, "skip")) {
			blank(pl);
			put(pl, 0, NULL, _("That is fine. The lesson stays in "
			    "the list for whenever you want it."));
			return REPLY_BACK;
		}
		if (is(pl, "3")) {
			show_help(pl);
			continue;
		}
		nudge(pl, _("Please type 1 to begin, 2 to skip this lesson "
		    "or 3 to get help (h for help)."));
	}
}

static enum reply
play(struct plain *pl, struct catalog *c, struct catalog_entry *e)
{
	enum reply r;
	unsigned ch;
	struct diag_list d;

	diag_list_init(&d);
	if (catalog_open(c, &e, &d) < 0) {
		char *msg = catalog_open_problem(e, &d);

		nudge(pl, msg);
		free(msg);
		diag_list_finish(&d);
		return REPLY_BACK;
	}
	diag_list_finish(&d);
	pl->lesson = e;
	pl->shown_step = (size_t)-1;
	play_open(&pl->quiz, e->lesson, pl->progress);
	r = intro(pl);
	while (r == REPLY_LINE) {
		show_state(pl);
		do {
			r = answer(pl, &ch);
		} while (r == REPLY_LINE && (ch & QUIZ_CH_STEP) == 0);
	}
	save_lesson(pl, false);
	quiz_finish(&pl->quiz);
	pl->lesson = NULL;
	return r;
}

/* The list ------------------------------------------------------------- */

static char *
status_text(const struct progress_entry *pe)
{
	if (pe == NULL)
		return xstrdup(_("new"));
	if (pe->status == PROGRESS_FINISHED)
		return xasprintf(_("done %d/%d"), pe->score, pe->max_score);
	return xasprintf(_("step %d of %d"), pe->step + 1, pe->step_count);
}

static void
show_list(struct plain *pl, struct catalog *c, struct catalog_entry **vis,
    size_t n)
{
	int last_group = -1;
	size_t i;

	blank(pl);
	if (c->course != NULL)
		put(pl, 0, NULL, c->course->title);
	for (i = 0; i < n; i++) {
		const struct lesson *l = vis[i]->lesson;
		char *st = status_text(progress_get(pl->progress, l->id));
		char *mins = xasprintf(_("%d min"), l->minutes);
		char *t = catalog_is_fallback(c, vis[i]) ?
		    xasprintf(_("%s (in English)%s%s%s%s"), l->title, dash(),
		    mins, dash(), st) :
		    xasprintf("%s%s%s%s%s", l->title, dash(), mins, dash(),
		    st);

		char *title;
		int group = catalog_group(c, l, &title);

		if (group != last_group) {
			blank(pl);
			put(pl, 0, NULL, title);
			last_group = group;
		}
		free(title);
		numbered(pl, 0, i + 1, t);
		free(t);
		free(mins);
		free(st);
	}
	if (n == 0)
		put(pl, 0, NULL, _("No lessons were found. Run 'redflags list' "
		    "to see where redflags looks for them, or start it with "
		    "--lessons DIR."));
	/* Read each time: a save that failed since shows here. */
	if (pl->progress->notice != NULL) {
		char *safe = clean(pl->progress->notice, 0);

		blank(pl);
		put(pl, 0, NULL, safe);
		free(safe);
	}
	if (c->files_failed > 0) {
		blank(pl);
		putf(pl, 0, ngettext("%zu lesson file has errors and is left "
		    "out; a teacher can run 'redflags check' to see why.",
		    "%zu lesson files have errors and are left out; a teacher "
		    "can run 'redflags check' to see why.", c->files_failed),
		    c->files_failed);
	}
}

int
plain_run(struct catalog *c, struct progress *p, const struct plain_opts *o)
{
	struct catalog_entry **vis;
	struct plain pl;
	size_t n = 0, i;
	enum reply r;
	int pick;

	memset(&pl, 0, sizeof pl);
	pl.o = o;
	pl.out = o->out;
	pl.width = fix_width(o->width);
	pl.progress = p;
	pl.blank = true;
	vis = xcalloc(c->count + 1, sizeof *vis);
	for (i = 0; i < c->count; i++) {
		if (!c->entries[i].shadowed)
			vis[n++] = &c->entries[i];
	}

	put(&pl, 0, NULL, _("This is redflags in plain mode: plain text, read "
	    "in order. At any prompt, type h to see where to get help, or x "
	    "to leave at once."));
	put(&pl, 0, NULL, _("In a lesson, t shows a hint, s skips a question "
	    "and q goes back to the list; your place is kept."));
	for (;;) {
		show_list(&pl, c, vis, n);
		for (;;) {
			r = ask(&pl, _("Type a lesson number, h for help, or q "
			    "to quit:"));
			if (r != REPLY_LINE)
				goto out;
			if ((pick = parse_one(&pl, n)) >= 0)
				break;
			if (n > 0)
				nudgef(&pl, _("Please type a lesson number "
				    "from 1 to %zu, or q to quit (h for "
				    "help)."), n);
			else
				nudge(&pl, _("There are no lessons to open. "
				    "Type q to quit (h for help)."));
		}
		if (play(&pl, c, vis[pick]) == REPLY_LEAVE)
			break;
	}
out:
	fflush(pl.out);
	free(pl.line);
	free(vis);
	return 0;
}

/* Help ----------------------------------------------------------------- */

static void
help_entry(FILE *out, int width, const struct help_entry *e, bool school)
{
	const char *fields[5] = { e->name, e->phone, e->text, e->web,
	    e->hours };
	struct buf b;
	char *safe;
	size_t i;

	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < RF_ARRAY_LEN(fields); i++) {
		if (fields[i] == NULL)
			continue;
		safe = clean(fields[i], 0);
		if (b.len > 0)
			buf_adds(&b, dash());
		buf_adds(&b, safe);
		free(safe);
	}
	if (school)
		buf_printf(&b, " (%s)", _("set by your school"));
	wrap_out(out, width, 0, PLAIN_BULLET, b.data);
	buf_finish(&b);
	safe = clean(e->about, TEXT_KEEP_NEWLINES);
	wrap_out(out, width, 2, NULL, safe);
	free(safe);
}

static size_t
kind_count(const struct help_country *h, enum help_kind k)
{
	size_t i, n = 0;

	for (i = 0; h != NULL && i < h->entry_count; i++)
		n += h->entries[i].kind == k;
	return n;
}

static void
help_kind(FILE *out, int width, const struct help_country *h,
    enum help_kind k, bool school)
{
	size_t i;

	for (i = 0; h != NULL && i < h->entry_count; i++) {
		if (h->entries[i].kind == k)
			help_entry(out, width, &h->entries[i], school);
	}
}

void
plain_print_help(FILE *out, const struct help_country *help,
    const struct help_country *school, int width)
{
	int k;
	char *safe, *title;

	width = fix_width(width);
	if (help == NULL && school == NULL) {
		wrap_out(out, width, 0, NULL, _("No list of places to get "
		    "help was found on this computer. Talk to an adult you "
		    "trust. If you are in danger right now, call your local "
		    "emergency number."));
		return;
	}
	if (help != NULL && help->name != NULL) {
		safe = clean(help->name, 0);
		title = xasprintf(_("Where to get help: %s"), safe);
		wrap_out(out, width, 0, NULL, title);
		free(title);
		free(safe);
	} else {
		wrap_out(out, width, 0, NULL, _("Where to get help"));
	}
	if (help != NULL && help->intro != NULL) {
		safe = clean(help->intro, TEXT_KEEP_NEWLINES);
		wrap_out(out, width, 0, NULL, safe);
		free(safe);
	}
	/* By kind in the order of the enum; the school's own people come
	 * first under each heading. */
	for (k = 0; k < HELP_KIND_COUNT; k++) {
		if (kind_count(school, (enum help_kind)k) +
		    kind_count(help, (enum help_kind)k) == 0)
			continue;
		fputc('\n', out);
		wrap_out(out, width, 0, NULL,
		    help_kind_heading((enum help_kind)k));
		help_kind(out, width, school, (enum help_kind)k, true);
		help_kind(out, width, help, (enum help_kind)k, false);
	}
	fputc('\n', out);
	if (help != NULL && help->checked != NULL) {
		safe = clean(help->checked, 0);
		title = xasprintf(_("Checked on %s."), safe);
		wrap_out(out, width, 0, NULL, title);
		free(title);
		free(safe);
	}
	if (school != NULL && school->checked != NULL) {
		safe = clean(school->checked, 0);
		title = xasprintf(_("Your school's entries were checked on "
		    "%s."), safe);
		wrap_out(out, width, 0, NULL, title);
		free(title);
		free(safe);
	}
}
