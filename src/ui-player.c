/* ui-player.c - one lesson, one step at a time, drawn from the engine. */
#include "ui-app.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "ui-draw.h"
#include "ui-steps.h"
#include "util.h"

static const char *
option_text(const struct lesson_step *s, size_t i)
{
	if (s->type == STEP_TRUEFALSE)
		return i == 0 ? _("True") : _("False");
	return s->options[i].text ? s->options[i].text : "";
}

static void
draw_intro(struct app *a, struct ui_doc *d)
{
	const struct lesson *l = a->quiz.lesson;
	const struct progress_entry *pe = progress_get(a->progress, l->id);
	size_t i;

	ui_doc_text(d, l->title, UI_TITLE, 0, NULL, false);
	ui_doc_blank(d);
	if (l->content_note != NULL) {
		ui_doc_line(d, _("Before you start"), UI_TITLE, 0, false);
		ui_doc_text(d, l->content_note, UI_NORMAL, 0, NULL, false);
		ui_doc_blank(d);
	}
	if (l->objective_count > 0) {
		ui_doc_line(d, _("In this lesson you will:"), UI_TITLE, 0,
		    false);
		for (i = 0; i < l->objective_count; i++)
			ui_doc_text(d, l->objectives[i], UI_NORMAL, 0,
			    ui_sym()->bullet, false);
		ui_doc_blank(d);
	}
	if (pe != NULL && pe->status == PROGRESS_FINISHED) {
		char *msg = xasprintf(_("You finished this lesson before, "
		    "with %d of %d right."), pe->score, pe->max_score);

		ui_doc_text(d, msg, UI_NOTICE, 0, NULL, false);
		free(msg);
	} else if (a->quiz.step >= l->step_count) {
		ui_doc_text(d, _("You have answered every question."),
		    UI_NOTICE, 0, NULL, false);
	} else if (a->quiz.step > 0) {
		char *msg = xasprintf(_("You stopped at step %zu of %zu."),
		    a->quiz.step + 1, l->step_count);

		ui_doc_text(d, msg, UI_NOTICE, 0, NULL, false);
		free(msg);
	}
	ui_doc_text(d, _("You can skip any question, get help with h, and "
	    "leave at once with x."), UI_DIM, 0, NULL, false);
	ui_doc_blank(d);
	{
		/* The content note's three choices: begin, skip, get help. */
		const char *begin = pe != NULL &&
		    pe->status == PROGRESS_FINISHED ? _("Go through it again") :
		    a->quiz.step >= l->step_count ? _("See what to remember") :
		    a->quiz.step > 0 ? _("Go on from there") : _("Begin");
		const char *labels[3] = { begin, _("Skip this lesson"),
		    _("Get help first") };
		int k;

		for (k = 0; k < 3; k++) {
			bool here = k == a->intro_choice;
			char *lead = xasprintf("%s %d. ", here ?
			    ui_sym()->pointer : " ", k + 1);

			ui_doc_text(d, labels[k], here ? UI_SELECTED :
			    UI_NORMAL, 1, lead, here);
			free(lead);
		}
	}
}

static void
draw_options(struct app *a, struct ui_doc *d, const struct lesson_step *s)
{
	const struct ui_symbols *sym = ui_sym();
	size_t i;

	for (i = 0; i < s->option_count; i++) {
		bool here = (int)i == a->quiz.cursor;
		char *lead;

		if (s->type == STEP_MULTI)
			lead = xasprintf("%s %s %zu. ", here ? sym->pointer :
			    " ", a->quiz.marks[i] ? sym->marked : sym->unmarked,
			    i + 1);
		else
			lead = xasprintf("%s %zu. ", here ? sym->pointer : " ",
			    i + 1);
		ui_doc_text(d, option_text(s, i), here ? UI_SELECTED :
		    UI_NORMAL, 1, lead, here);
		free(lead);
		if (a->classroom)
			ui_doc_blank(d);	/* room to read from the back */
	}
	ui_doc_blank(d);
	if (a->classroom)
		ui_doc_text(d, _("Talk about it, then press Enter to show the "
		    "answer."), UI_DIM, 0, NULL, false);
	else if (s->type == STEP_MULTI && a->player_nudge)
		ui_doc_text(d, _("Nothing is marked yet. Mark every right "
		    "answer with Space, then press Enter; or press s to "
		    "skip."), UI_NOTICE, 0, NULL, false);
	else if (s->type == STEP_MULTI)
		ui_doc_text(d, _("Mark every right answer with Space, then "
		    "press Enter."), UI_DIM, 0, NULL, false);
	if (a->quiz.hint_shown && s->hint != NULL) {
		ui_doc_blank(d);
		ui_doc_text(d, s->hint, UI_NOTICE, 0, _("Hint: "), false);
	}
}

/* A word for how the student's answer and the option relate. */
static const char *
option_status(const struct lesson_step *s, bool right, bool chosen)
{
	if (s->type != STEP_MULTI)
		return chosen ? _("your answer") : NULL;
	if (right)
		return chosen ? _("right, and you marked it") :
		    _("right, not marked");
	return chosen ? _("you marked it, but it is not right") : NULL;
}

static void
draw_feedback(struct app *a, struct ui_doc *d, const struct lesson_step *s)
{
	const struct ui_symbols *sym = ui_sym();
	bool utf8 = strcmp(sym->right, "+") != 0;
	size_t i;
	char *verdict;

	/* The verdict first, in words and a symbol, never colour alone. */
	if (a->classroom)
		verdict = xasprintf("%s %s", sym->right, _("The answer"));
	else
		verdict = xasprintf("%s %s", a->quiz.last_right ? sym->right :
		    sym->wrong, a->quiz.last_right ? _("Right.") :
		    _("Not quite."));
	ui_doc_line(d, verdict, a->quiz.last_right ? UI_RIGHT : UI_WRONG, 0,
	    true);
	free(verdict);
	if (s->type == STEP_TRUEFALSE && s->feedback != NULL)
		ui_doc_text(d, s->feedback, UI_NORMAL, 2, NULL, false);
	ui_doc_blank(d);

	for (i = 0; i < s->option_count; i++) {
		bool right = s->options[i].correct;
		bool chosen = a->quiz.marks[i];
		const char *status = a->classroom ? NULL :
		    option_status(s, right, chosen);
		const char *mark = right ? sym->right :
		    (chosen ? sym->wrong : " ");
		char *lead, *text;

		lead = xasprintf("%s %zu. ", mark, i + 1);
		if (status != NULL)
			text = xasprintf("%s %s %s", option_text(s, i),
			    utf8 ? "\xe2\x86\x90" : "<-", status);
		else
			text = xstrdup(option_text(s, i));
		ui_doc_text(d, text, chosen ? UI_TITLE : UI_NORMAL, 1, lead,
		    false);
		free(lead);
		free(text);
		/* Explain every option of a multi; for one-answer questions
		 * the chosen one and the right one. */
		if ((a->classroom || s->type == STEP_MULTI ||
		    (s->type == STEP_CHOICE && (chosen || right))) &&
		    s->options[i].feedback != NULL)
			ui_doc_text(d, s->options[i].feedback, UI_DIM, 6,
			    NULL, false);
	}
}

static void
draw_summary(struct app *a, struct ui_doc *d)
{
	const struct lesson *l = a->quiz.lesson;
	int score = quiz_score(&a->quiz), max = quiz_max_score(&a->quiz);
	int skipped = quiz_skipped(&a->quiz);
	char *msg;
	size_t i;

	ui_doc_line(d, _("Lesson complete"), UI_TITLE, 0, true);
	ui_doc_blank(d);
	msg = xasprintf(ngettext("You got %d of %d question right the first "
	    "time.", "You got %d of %d questions right the first time.", max),
	    score, max);
	ui_doc_text(d, msg, UI_NORMAL, 0, NULL, false);
	free(msg);
	if (skipped > 0) {
		msg = xasprintf(ngettext("You skipped %d question; that is "
		    "fine.", "You skipped %d questions; that is fine.",
		    skipped), skipped);
		ui_doc_text(d, msg, UI_NORMAL, 0, NULL, false);
		free(msg);
	}
	if (l->remember_count > 0) {
		ui_doc_blank(d);
		ui_doc_line(d, _("What to remember"), UI_TITLE, 0, false);
		for (i = 0; i < l->remember_count; i++)
			ui_doc_text(d, l->remember[i], UI_NORMAL, 0,
			    ui_sym()->bullet, false);
	}
	ui_doc_blank(d);
	ui_doc_text(d, _("If anything in this lesson worries you, talk to an "
	    "adult you trust. It is never your fault, and asking for help "
	    "will not get you in trouble."), UI_NOTICE, 0, NULL, false);
	if (l->source_count > 0) {
		ui_doc_blank(d);
		ui_doc_line(d, _("Where these facts come from"), UI_TITLE, 0,
		    false);
		for (i = 0; i < l->source_count; i++) {
			const struct lesson_source *src = &l->sources[i];
			char *cite = src->year > 0 ?
			    xasprintf("%s, %s (%d)%s%s", src->publisher,
			    src->title, src->year, src->url ? " " : "",
			    src->url ? src->url : "") :
			    xasprintf("%s, %s%s%s", src->publisher, src->title,
			    src->url ? " " : "", src->url ? src->url : "");

			ui_doc_text(d, cite, UI_DIM, 0, ui_sym()->bullet,
			    false);
			free(cite);
		}
	}
	ui_doc_blank(d);
	ui_doc_text(d, _("Press Enter to go back to the list."), UI_DIM, 0,
	    NULL, false);
}

static void
draw_interactive(struct app *a, struct ui_doc *d, const struct lesson_step *s)
{
	bool checked = a->quiz.phase == QUIZ_FEEDBACK;

	switch (s->type) {
	case STEP_CHAT:
		if (checked)
			ui_chat_draw_checked(d, &a->quiz, s);
		else
			ui_chat_draw(d, &a->quiz, s);
		if (a->player_nudge)
			ui_doc_text(d, _("Nothing is flagged yet. Flag the red "
			    "flags with Space, then press Enter; or press s "
			    "to skip."), UI_NOTICE, 0, NULL, false);
		break;
	case STEP_SCENARIO:
		ui_story_draw(d, &a->quiz, s);
		break;
	case STEP_ORDER:
		if (checked)
			ui_order_draw_checked(d, &a->quiz, s);
		else
			ui_order_draw(d, &a->quiz, s);
		break;
	default:
		break;
	}
}

static unsigned
player_context(struct app *a)
{
	const struct lesson_step *s = quiz_current(&a->quiz);

	switch (a->quiz.phase) {
	case QUIZ_INTRO:
		return CTX_INTRO;
	case QUIZ_FEEDBACK:
		return s != NULL && s->type == STEP_SCENARIO ? CTX_ENDING :
		    CTX_FEEDBACK;
	case QUIZ_SUMMARY:
		return CTX_SUMMARY;
	case QUIZ_STEP:
		break;
	}
	if (s == NULL)
		return CTX_PAGE;
	switch (s->type) {
	case STEP_PAGE:
		return CTX_PAGE;
	case STEP_MULTI:
		return CTX_MULTI;
	case STEP_CHAT:
		return CTX_CHAT;
	case STEP_SCENARIO:
		return CTX_STORY;
	case STEP_ORDER:
		return CTX_ORDER;
	case STEP_CHOICE:
	case STEP_TRUEFALSE:
		break;
	}
	return CTX_CHOICE;
}

/*
 * Class mode: Enter reveals the answer the class has talked about, so the
 * engine is given the right one (a story's choices are the class's own).
 */
static void
class_answer(struct app *a)
{
	const struct lesson_step *s = quiz_current(&a->quiz);
	struct quiz *q = &a->quiz;
	size_t i;

	if (s == NULL)
		return;
	switch (s->type) {
	case STEP_CHOICE:
	case STEP_TRUEFALSE:
		for (i = 0; i < s->option_count; i++) {
			if (s->options[i].correct)
				q->cursor = (int)i;
		}
		break;
	case STEP_MULTI:
		for (i = 0; i < s->option_count; i++)
			q->marks[i] = s->options[i].correct;
		break;
	case STEP_CHAT:
		/* While messages are still arriving, Enter brings the
		 * next one, at the class's pace. */
		if (q->revealed < s->chat.message_count)
			return;
		for (i = 0; i < s->chat.message_count &&
		    i < QUIZ_MAX_MARKS; i++)
			q->marks[i] = s->chat.messages[i].flag != FLAG_NONE;
		break;
	case STEP_ORDER:
		for (i = 0; i < s->order.item_count; i++)
			q->perm[i] = (int)i;
		q->grabbed = false;
		break;
	default:
		break;
	}
}

/* Class mode: the step's question for the class, for the teacher. */
static void
draw_discussion(struct app *a, struct ui_doc *d, const struct lesson_step *s)
{
	if (!a->classroom || s == NULL || s->discussion == NULL)
		return;
	ui_doc_blank(d);
	ui_doc_line(d, _("For discussion"), UI_TITLE, 0, false);
	ui_doc_text(d, s->discussion, UI_NOTICE, 2, NULL, false);
}

static void
player_draw(struct app *a)
{
	const struct lesson *l = a->quiz.lesson;
	const struct lesson_step *s = quiz_current(&a->quiz);
	char *left, *right = NULL;
	int top, rows, at;
	struct ui_doc d;

	left = xasprintf("%s %s %s", lesson_topic_name(l->topic),
	    strcmp(ui_sym()->right, "+") ? "\xe2\x80\xba" : ">", l->title);
	if (a->quiz.phase == QUIZ_STEP || a->quiz.phase == QUIZ_FEEDBACK)
		right = xasprintf(_("step %zu of %zu"), a->quiz.step + 1,
		    l->step_count);
	else if (a->quiz.phase == QUIZ_INTRO)
		right = xasprintf(_("%d min"), l->minutes);
	if (a->preview_path != NULL || a->classroom ||
	    !a->progress->can_save) {
		char *more = xasprintf("%s%s%s", right ? right : "",
		    right ? " - " : "", a->classroom ? _("class mode") :
		    a->preview_path ? _("preview") : _("progress not saved"));

		free(right);
		right = more;
	}
	ui_frame(left, right, player_context(a) |
	    (a->preview_path ? CTX_PREVIEW : 0), &top, &rows);
	ui_doc_init(&d, COLS - 2);
	if (a->preview_path != NULL && a->notice != NULL) {
		ui_doc_text(&d, a->notice, UI_NOTICE, 0, NULL, false);
		ui_doc_blank(&d);
	}
	switch (a->quiz.phase) {
	case QUIZ_INTRO:
		draw_intro(a, &d);
		break;
	case QUIZ_SUMMARY:
		draw_summary(a, &d);
		break;
	case QUIZ_STEP:
	case QUIZ_FEEDBACK:
		if (s->type == STEP_CHAT || s->type == STEP_SCENARIO ||
		    s->type == STEP_ORDER) {
			draw_interactive(a, &d, s);
			break;
		}
		if (s->type == STEP_PAGE) {
			if (s->title != NULL) {
				ui_doc_text(&d, s->title, UI_TITLE, 0, NULL,
				    false);
				ui_doc_blank(&d);
			}
			ui_doc_text(&d, s->text, UI_NORMAL, 0, NULL, false);
			if (s->show_help) {
				ui_doc_blank(&d);
				ui_help_doc(&d, a->help);
			}
			break;
		}
		ui_doc_text(&d, s->text, UI_TITLE, 0, NULL, false);
		ui_doc_blank(&d);
		if (a->quiz.phase == QUIZ_STEP)
			draw_options(a, &d, s);
		else
			draw_feedback(a, &d, s);
		break;
	}
	if (s != NULL && (a->quiz.phase == QUIZ_FEEDBACK ||
	    s->type == STEP_PAGE || s->type == STEP_SCENARIO))
		draw_discussion(a, &d, s);
	at = ui_doc_draw(&d, top, rows, &a->player_scroll,
	    a->player_follow);
	ui_cursor_at(at, 2);
	ui_doc_finish(&d);
	free(left);
	free(right);
}

/* The reader scrolls: the view stops following the cursor. */
static void
scroll_by(struct app *a, int lines)
{
	a->player_scroll += lines;
	if (a->player_scroll < 0)
		a->player_scroll = 0;
	a->player_follow = false;
}

/* The content note's choices: begin, skip this lesson, get help. */
static void
intro_action(struct app *a, enum ui_action act, int arg)
{
	switch (act) {
	case ACT_UP:
		a->intro_choice = (a->intro_choice + 2) % 3;
		break;
	case ACT_DOWN:
		a->intro_choice = (a->intro_choice + 1) % 3;
		break;
	case ACT_PICK:
		if (arg >= 0 && arg < 3)
			a->intro_choice = arg;
		break;
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		scroll_by(a, (act == ACT_PAGE_UP ? -1 : 1) * (LINES - 6));
		break;
	case ACT_CONFIRM:
		if (a->intro_choice == 1) {
			ui_app_close_lesson(a);
		} else if (a->intro_choice == 2) {
			ui_app_push(a, &ui_gethelp_screen);
		} else {
			quiz_handle(&a->quiz, QUIZ_EV_CONFIRM, 0);
			a->player_scroll = 0;
			if (a->quiz.phase == QUIZ_SUMMARY)
				ui_app_save_lesson(a, true);
		}
		break;
	case ACT_BACK:
		ui_app_close_lesson(a);
		break;
	default:
		break;
	}
}

static void
player_action(struct app *a, enum ui_action act, int arg)
{
	unsigned ctx = player_context(a), ch = 0;
	bool question = ctx == CTX_CHOICE || ctx == CTX_MULTI ||
	    ctx == CTX_CHAT || ctx == CTX_STORY || ctx == CTX_ORDER;

	a->player_nudge = false;
	a->player_follow = true;
	if (ctx == CTX_INTRO) {
		intro_action(a, act, arg);
		return;
	}

	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
		if (question)
			ch = quiz_handle(&a->quiz, QUIZ_EV_MOVE,
			    act == ACT_UP ? -1 : 1);
		else
			scroll_by(a, act == ACT_UP ? -1 : 1);
		break;
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		scroll_by(a, (act == ACT_PAGE_UP ? -1 : 1) * (LINES - 6));
		break;
	case ACT_PICK:
		ch = quiz_handle(&a->quiz, QUIZ_EV_PICK, arg);
		break;
	case ACT_TOGGLE:
		ch = quiz_handle(&a->quiz, QUIZ_EV_TOGGLE, 0);
		break;
	case ACT_SKIP:
		ch = quiz_handle(&a->quiz, QUIZ_EV_SKIP, 0);
		break;
	case ACT_HINT:
		ch = quiz_handle(&a->quiz, QUIZ_EV_HINT, 0);
		break;
	case ACT_CONFIRM:
		if (a->quiz.phase == QUIZ_SUMMARY) {
			ui_app_close_lesson(a);
			return;
		}
		if (a->classroom && a->quiz.phase == QUIZ_STEP)
			class_answer(a);
		ch = quiz_handle(&a->quiz, QUIZ_EV_CONFIRM, 0);
		a->player_nudge = ch == 0 && (ctx == CTX_MULTI ||
		    ctx == CTX_CHAT);
		break;
	case ACT_STORY_BACK:
		ch = quiz_handle(&a->quiz, QUIZ_EV_BACK, 0);
		break;
	case ACT_BACK:
		ui_app_close_lesson(a);
		return;
	default:
		break;
	}
	if (ch & QUIZ_CH_STEP)
		a->player_scroll = 0;
	if (ch & QUIZ_CH_FINISHED)
		ui_app_save_lesson(a, true);
	else if (ch & QUIZ_CH_ANSWERED)
		ui_app_save_lesson(a, false);
}

const struct ui_screen ui_player_screen = {
	"player", player_context, player_draw, player_action,
};
