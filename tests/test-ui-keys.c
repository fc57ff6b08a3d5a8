/* test-ui-keys.c - the key table: actions, consistency, footer hints. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <curses.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui-keys.h"
#include "util.h"

static void
set_locale(void)
{
	/* Footer widths come from wcwidth(): meson sets C.UTF-8. */
	setlocale(LC_ALL, "");
}

TestSuite(ui_keys, .init = set_locale);

static const struct {
	unsigned ctx;
	const char *name;
} contexts[] = {
	{ CTX_HOME, "home" },
	{ CTX_INTRO, "intro" },
	{ CTX_PAGE, "page" },
	{ CTX_CHOICE, "choice" },
	{ CTX_MULTI, "multi" },
	{ CTX_FEEDBACK, "feedback" },
	{ CTX_SUMMARY, "summary" },
	{ CTX_KEYS, "keys" },
	{ CTX_TOO_SMALL, "too small" },
	{ CTX_CHAT, "chat" },
	{ CTX_STORY, "story" },
	{ CTX_ENDING, "ending" },
	{ CTX_ORDER, "order" },
	{ CTX_GETHELP, "get help" },
	{ CTX_PREVIEW, "preview" },
};

#define QUESTION (CTX_CHOICE | CTX_MULTI)
#define ANSWERING (QUESTION | CTX_CHAT | CTX_STORY | CTX_ORDER)
/* Where the number keys choose: questions, story choices, order places. */
#define NUMBERED (QUESTION | CTX_STORY | CTX_ORDER | CTX_INTRO)
#define PLAYER (CTX_INTRO | CTX_PAGE | CTX_CHOICE | CTX_MULTI | \
	CTX_FEEDBACK | CTX_SUMMARY)

Test(ui_keys, the_contexts_cover_ctx_all)
{
	unsigned all = 0;
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(contexts); i++) {
		cr_assert_eq(all & contexts[i].ctx, 0);
		all |= contexts[i].ctx;
	}
	cr_assert_eq(all, (unsigned)CTX_ALL);
}

/*
 * Every key and where it works: in the contexts of 'where' the key gives
 * 'action', everywhere else nothing.
 */
struct key_case {
	int key;
	enum ui_action action;
	unsigned where;
};

ParameterizedTestParameters(ui_keys, each_key_works_exactly_in_its_contexts)
{
	static struct key_case cases[] = {
		{ KEY_UP, ACT_UP, CTX_ALL & ~CTX_TOO_SMALL },
		{ 'k', ACT_UP, CTX_ALL & ~CTX_TOO_SMALL },
		{ KEY_DOWN, ACT_DOWN, CTX_ALL & ~CTX_TOO_SMALL },
		{ 'j', ACT_DOWN, CTX_ALL & ~CTX_TOO_SMALL },
		{ KEY_PPAGE, ACT_PAGE_UP, CTX_ALL & ~CTX_TOO_SMALL },
		{ KEY_NPAGE, ACT_PAGE_DOWN, CTX_ALL & ~CTX_TOO_SMALL },
		{ '\r', ACT_CONFIRM, CTX_ALL & ~(CTX_KEYS | CTX_TOO_SMALL) },
		{ '\n', ACT_CONFIRM, CTX_ALL & ~(CTX_KEYS | CTX_TOO_SMALL) },
		{ KEY_ENTER, ACT_CONFIRM,
		    CTX_ALL & ~(CTX_KEYS | CTX_TOO_SMALL) },
		{ ' ', ACT_TOGGLE, CTX_MULTI | CTX_CHAT | CTX_ORDER },
		{ 't', ACT_HINT, QUESTION | CTX_CHAT | CTX_ORDER },
		{ 's', ACT_SKIP, ANSWERING | CTX_PAGE },
		{ 'b', ACT_STORY_BACK, CTX_STORY | CTX_ENDING },
		{ 'h', ACT_GET_HELP, CTX_ALL & ~CTX_GETHELP },
		{ KEY_F(1), ACT_GET_HELP, CTX_ALL & ~CTX_GETHELP },
		{ 'c', ACT_COUNTRY, CTX_GETHELP },
		{ 'r', ACT_RELOAD, CTX_PREVIEW },
		{ KEY_BACKSPACE, ACT_STORY_BACK, CTX_STORY | CTX_ENDING },
		{ '?', ACT_KEYS, CTX_ALL & ~(CTX_KEYS | CTX_TOO_SMALL) },
		{ 'q', ACT_BACK, CTX_ALL },
		{ 27, ACT_BACK, CTX_ALL },
		{ 'x', ACT_QUICK_EXIT, CTX_ALL },
		{ 'X', ACT_QUICK_EXIT, CTX_ALL },
		/* keys bound nowhere */
		{ 'z', ACT_NONE, 0 },
		{ 'Q', ACT_NONE, 0 },
		{ '0', ACT_NONE, 0 },
		{ '9', ACT_NONE, 0 },
		{ '\t', ACT_NONE, 0 },
		{ KEY_LEFT, ACT_NONE, 0 },
		{ KEY_RIGHT, ACT_NONE, 0 },
		{ KEY_RESIZE, ACT_NONE, 0 },
		{ 0, ACT_NONE, 0 },
		{ ERR, ACT_NONE, 0 },
	};

	return cr_make_param_array(struct key_case, cases,
	    RF_ARRAY_LEN(cases));
}

ParameterizedTest(struct key_case *c, ui_keys,
    each_key_works_exactly_in_its_contexts)
{
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(contexts); i++) {
		int arg = -99;
		enum ui_action want = (contexts[i].ctx & c->where) ?
		    c->action : ACT_NONE;
		enum ui_action got = ui_keys_action(contexts[i].ctx, c->key,
		    &arg);

		cr_assert_eq(got, want, "key %d in %s: action %d, want %d",
		    c->key, contexts[i].name, got, want);
	}
}

Test(ui_keys, numbers_pick_options_choices_and_places)
{
	static const unsigned questions[] = { CTX_CHOICE, CTX_MULTI,
	    CTX_STORY, CTX_ORDER, CTX_INTRO };
	size_t i;
	int key;

	for (i = 0; i < RF_ARRAY_LEN(questions); i++) {
		for (key = '1'; key <= '8'; key++) {
			int arg = -1;

			cr_assert_eq(ui_keys_action(questions[i], key, &arg),
			    ACT_PICK, "key %c", key);
			cr_assert_eq(arg, key - '1', "key %c: arg %d", key,
			    arg);
		}
	}
}

Test(ui_keys, numbers_do_nothing_where_nothing_is_numbered)
{
	size_t i;
	int key;

	for (i = 0; i < RF_ARRAY_LEN(contexts); i++) {
		if (contexts[i].ctx & NUMBERED)
			continue;
		for (key = '0'; key <= '9'; key++) {
			int arg = -1;

			cr_assert_eq(ui_keys_action(contexts[i].ctx, key, &arg),
			    ACT_NONE, "key %c in %s", key, contexts[i].name);
		}
	}
}

Test(ui_keys, quick_exit_and_back_work_everywhere)
{
	size_t i;
	int arg;

	for (i = 0; i < RF_ARRAY_LEN(contexts); i++) {
		cr_assert_eq(ui_keys_action(contexts[i].ctx, 'x', &arg),
		    ACT_QUICK_EXIT, "x in %s", contexts[i].name);
		cr_assert_eq(ui_keys_action(contexts[i].ctx, 'q', &arg),
		    ACT_BACK, "q in %s", contexts[i].name);
		cr_assert_eq(ui_keys_action(contexts[i].ctx, 27, &arg),
		    ACT_BACK, "Esc in %s", contexts[i].name);
	}
	/* Even when the window is too small for anything else. */
	cr_assert_eq(ui_keys_action(CTX_TOO_SMALL, 'x', &arg), ACT_QUICK_EXIT);
}

/* Does binding b list 'key'? */
static bool
binding_has_key(const struct ui_binding *b, int key)
{
	size_t k;

	for (k = 0; k < RF_ARRAY_LEN(b->keys) && b->keys[k] != 0; k++) {
		if (b->keys[k] == key)
			return true;
	}
	return false;
}

Test(ui_keys, no_key_means_two_things_in_one_context)
{
	size_t c, i, j, k;

	for (c = 0; c < RF_ARRAY_LEN(contexts); c++) {
		unsigned ctx = contexts[c].ctx;

		for (i = 0; i < ui_binding_count; i++) {
			const struct ui_binding *a = &ui_bindings[i];

			if (!(a->contexts & ctx))
				continue;
			for (k = 0; k < RF_ARRAY_LEN(a->keys) &&
			    a->keys[k] != 0; k++) {
				for (j = i + 1; j < ui_binding_count; j++) {
					const struct ui_binding *b =
					    &ui_bindings[j];

					if (!(b->contexts & ctx) ||
					    !binding_has_key(b, a->keys[k]))
						continue;
					cr_assert_eq(a->action, b->action,
					    "key %d in %s: bindings %zu and "
					    "%zu differ", a->keys[k],
					    contexts[c].name, i, j);
				}
			}
		}
	}
}

/* The action the table gives 'key' in 'ctx', by reading the table. */
static enum ui_action
table_action(unsigned ctx, int key)
{
	size_t i;

	if ((ctx & NUMBERED) && key >= '1' && key <= '8')
		return ACT_PICK;
	for (i = 0; i < ui_binding_count; i++) {
		if ((ui_bindings[i].contexts & ctx) &&
		    binding_has_key(&ui_bindings[i], key))
			return ui_bindings[i].action;
	}
	return ACT_NONE;
}

Test(ui_keys, every_key_does_what_the_table_says)
{
	size_t c;
	int key;

	for (c = 0; c < RF_ARRAY_LEN(contexts); c++) {
		for (key = 1; key <= KEY_MAX; key++) {
			int arg;

			cr_assert_eq(ui_keys_action(contexts[c].ctx, key, &arg),
			    table_action(contexts[c].ctx, key),
			    "key %d in %s", key, contexts[c].name);
		}
	}
}

Test(ui_keys, every_action_has_a_key)
{
	enum ui_action act;
	size_t c;
	int key;

	for (act = ACT_UP; act <= ACT_QUICK_EXIT; act++) {
		bool found = false;

		for (c = 0; c < RF_ARRAY_LEN(contexts) && !found; c++) {
			for (key = 1; key <= KEY_MAX && !found; key++) {
				int arg;

				found = ui_keys_action(contexts[c].ctx, key,
				    &arg) == act;
			}
		}
		cr_assert(found, "no key for action %d", act);
	}
}

Test(ui_keys, bindings_with_keys_and_a_label_explain_themselves)
{
	size_t i;

	for (i = 0; i < ui_binding_count; i++) {
		const struct ui_binding *b = &ui_bindings[i];

		if (b->keys[0] != 0 && b->label != NULL) {
			cr_assert_not_null(b->ascii_label, "binding %zu", i);
			cr_assert_not_null(b->help, "binding %zu", i);
		}
		if (b->footer != 0) {
			cr_assert_not_null(b->label, "binding %zu", i);
			cr_assert_not_null(b->ascii_label, "binding %zu", i);
			cr_assert_not_null(b->hint, "binding %zu", i);
		}
		/* ASCII labels are ASCII. */
		if (b->ascii_label != NULL) {
			const char *p;

			for (p = b->ascii_label; *p != '\0'; p++)
				cr_assert_lt((unsigned char)*p, 0x80,
				    "binding %zu", i);
		}
	}
}

Test(ui_keys, footer_hints_only_keys_that_work_there)
{
	size_t c, i, j;

	for (c = 0; c < RF_ARRAY_LEN(contexts); c++) {
		for (i = 0; i < ui_binding_count; i++) {
			const struct ui_binding *b = &ui_bindings[i];
			bool bound = false;

			if (!(b->footer & contexts[c].ctx))
				continue;
			for (j = 0; j < ui_binding_count; j++) {
				bound |= ui_bindings[j].action == b->action &&
				    ui_bindings[j].keys[0] != 0 &&
				    (ui_bindings[j].contexts & contexts[c].ctx);
			}
			cr_assert(bound, "the %s footer hints '%s %s', which "
			    "does nothing there", contexts[c].name, b->label,
			    b->hint);
		}
	}
}

/* Footers, as they are drawn. */

static const int widths[] = { 80, 60, 40 };

Test(ui_keys, footer_always_has_keys_help_and_quick_exit_hints)
{
	size_t c, w;
	int utf8;

	for (c = 0; c < RF_ARRAY_LEN(contexts); c++) {
		unsigned ctx = contexts[c].ctx;

		for (w = 0; w < RF_ARRAY_LEN(widths); w++) {
			for (utf8 = 0; utf8 <= 1; utf8++) {
				char *f = ui_keys_footer(ctx, widths[w], utf8);

				cr_assert_not_null(strstr(f, "x quick exit"),
				    "%s at %d: [%s]", contexts[c].name,
				    widths[w], f);
				cr_assert(ctx == CTX_GETHELP ||
				    strstr(f, "h get help") != NULL,
				    "%s at %d: [%s]", contexts[c].name,
				    widths[w], f);
				/* The keys screen is where '?' leads; a
				 * window too small has no keys screen. */
				if (ctx == CTX_KEYS || ctx == CTX_TOO_SMALL)
					cr_assert_null(strstr(f, "? keys"),
					    "%s: [%s]", contexts[c].name, f);
				else
					cr_assert_not_null(strstr(f, "? keys"),
					    "%s at %d: [%s]",
					    contexts[c].name, widths[w], f);
				free(f);
			}
		}
	}
}

Test(ui_keys, footer_fits_the_columns)
{
	size_t c, w;
	int utf8;

	for (c = 0; c < RF_ARRAY_LEN(contexts); c++) {
		for (w = 0; w < RF_ARRAY_LEN(widths); w++) {
			for (utf8 = 0; utf8 <= 1; utf8++) {
				char *f = ui_keys_footer(contexts[c].ctx,
				    widths[w], utf8);

				cr_assert_leq(text_width(f), widths[w],
				    "%s at %d: [%s] is %d wide",
				    contexts[c].name, widths[w], f,
				    text_width(f));
				cr_assert_gt(text_width(f), 0);
				free(f);
			}
		}
	}
}

Test(ui_keys, footer_never_drops_help_back_and_quick_exit)
{
	/* Too narrow for anything: what must stay stays. */
	char *f = ui_keys_footer(CTX_MULTI, 10, 1);

	cr_assert_str_eq(f, "? keys  h get help  q list  x quick exit");
	free(f);
	f = ui_keys_footer(CTX_HOME, 1, 0);
	cr_assert_str_eq(f, "? keys  h get help  q quit  x quick exit");
	free(f);
}

struct footer_case {
	unsigned ctx;
	int cols;
	int utf8;
	char want[160];
};

ParameterizedTestParameters(ui_keys, footer_says_what_the_keys_do_here)
{
	static struct footer_case cases[] = {
		{ CTX_HOME, 80, 1,
		    "\xe2\x86\x91\xe2\x86\x93 move  Enter open  "
		    "? keys  h get help  q quit  x quick exit" },
		{ CTX_INTRO, 80, 1,
		    "\xe2\x86\x91\xe2\x86\x93 move  Enter choose"
		    "  ? keys  h get help  q list  x quick exit" },
		{ CTX_PAGE, 80, 1,
		    "Enter next  ? keys  h get help  q list  "
		    "x quick exit" },
		{ CTX_CHOICE, 80, 1,
		    "\xe2\x86\x91\xe2\x86\x93 move  Enter answer"
		    "  t hint  s skip  ? keys  h get help  q list"
		    "  x quick exit" },
		{ CTX_CHOICE, 120, 1,
		    "\xe2\x86\x91\xe2\x86\x93 move  Enter answer"
		    "  t hint  s skip  ? keys  h get help  q list"
		    "  x quick exit" },
		{ CTX_MULTI, 80, 1,
		    "\xe2\x86\x91\xe2\x86\x93 move  Space mark  "
		    "Enter answer  ? keys  h get help  q list  "
		    "x quick exit" },
		{ CTX_MULTI, 120, 1,
		    "\xe2\x86\x91\xe2\x86\x93 move  Space mark  "
		    "Enter answer  t hint  s skip  ? keys  "
		    "h get help  q list  x quick exit" },
		{ CTX_FEEDBACK, 80, 1,
		    "Enter next  ? keys  h get help  q list  "
		    "x quick exit" },
		{ CTX_SUMMARY, 80, 1,
		    "Enter finish  ? keys  h get help  q list  "
		    "x quick exit" },
		{ CTX_KEYS, 80, 1,
		    "h get help  q back  x quick exit" },
		{ CTX_TOO_SMALL, 80, 1,
		    "h get help  q back  x quick exit" },
		{ CTX_CHAT, 80, 1,
		    "\xe2\x86\x91\xe2\x86\x93 move  Space flag  "
		    "Enter check  ? keys  h get help  q list  "
		    "x quick exit" },
		{ CTX_CHAT, 120, 1,
		    "\xe2\x86\x91\xe2\x86\x93 move  Space flag  "
		    "Enter check  t hint  s skip  ? keys  "
		    "h get help  q list  x quick exit" },
		{ CTX_STORY, 80, 1,
		    "\xe2\x86\x91\xe2\x86\x93 move  Enter choose"
		    "  b back a step  ? keys  h get help  q list"
		    "  x quick exit" },
		{ CTX_STORY, 120, 1,
		    "\xe2\x86\x91\xe2\x86\x93 move  Enter choose"
		    "  b back a step  s skip  ? keys  h get help"
		    "  q list  x quick exit" },
		{ CTX_ENDING, 80, 1,
		    "Enter next  b back a step  ? keys  "
		    "h get help  q list  x quick exit" },
		{ CTX_ORDER, 80, 1,
		    "\xe2\x86\x91\xe2\x86\x93 move  Space pick up"
		    "  Enter check  ? keys  h get help  q list  "
		    "x quick exit" },
		{ CTX_ORDER, 120, 1,
		    "\xe2\x86\x91\xe2\x86\x93 move  Space pick up"
		    "  Enter check  t hint  s skip  ? keys  "
		    "h get help  q list  x quick exit" },
		{ CTX_GETHELP, 80, 1,
		    "? keys  c change country  q back  "
		    "x quick exit" },
		{ CTX_HOME, 80, 0, "Up/Down move  Enter open  ? keys  "
		    "h get help  q quit  x quick exit" },
	};

	return cr_make_param_array(struct footer_case, cases,
	    RF_ARRAY_LEN(cases));
}

ParameterizedTest(struct footer_case *c, ui_keys,
    footer_says_what_the_keys_do_here)
{
	char *f = ui_keys_footer(c->ctx, c->cols, c->utf8);

	cr_assert_str_eq(f, c->want);
	free(f);
}

Test(ui_keys, footer_differs_per_context)
{
	static const unsigned lesson_contexts[] = {
		CTX_HOME, CTX_INTRO, CTX_PAGE, CTX_CHOICE, CTX_MULTI,
		CTX_SUMMARY, CTX_KEYS,
	};
	char *f[RF_ARRAY_LEN(lesson_contexts)];
	size_t i, j;

	for (i = 0; i < RF_ARRAY_LEN(lesson_contexts); i++)
		f[i] = ui_keys_footer(lesson_contexts[i], 200, 1);
	for (i = 0; i < RF_ARRAY_LEN(lesson_contexts); i++) {
		for (j = i + 1; j < RF_ARRAY_LEN(lesson_contexts); j++)
			cr_assert_str_neq(f[i], f[j], "contexts %#x and %#x",
			    lesson_contexts[i], lesson_contexts[j]);
	}
	cr_assert_not_null(strstr(f[0], "Enter open"));
	cr_assert_null(strstr(f[0], "Space mark"));
	cr_assert_not_null(strstr(f[4], "Space mark"));
	cr_assert_null(strstr(f[3], "Space mark"));
	for (i = 0; i < RF_ARRAY_LEN(lesson_contexts); i++)
		free(f[i]);
}

Test(ui_keys, multi_footer_at_80_keeps_space_mark)
{
	char *f = ui_keys_footer(CTX_MULTI, 80, 1);

	cr_assert_not_null(strstr(f, "Space mark"), "[%s]", f);
	cr_assert_not_null(strstr(f, "Enter answer"), "[%s]", f);
	cr_assert_leq(text_width(f), 80);
	free(f);
}

Test(ui_keys, footer_drops_hint_and_skip_first_then_move)
{
	/* Too wide at 80: skip and hint go before what answers. */
	char *f = ui_keys_footer(CTX_MULTI, 80, 1);

	cr_assert_str_eq(f, "\xe2\x86\x91\xe2\x86\x93 move  Space mark  "
	    "Enter answer  ? keys  h get help  q list  x quick exit");
	free(f);
	f = ui_keys_footer(CTX_ORDER, 70, 1);
	cr_assert_str_eq(f, "Space pick up  Enter check  ? keys  h get help  "
	    "q list  x quick exit");
	free(f);
}
