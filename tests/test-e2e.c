/*
 * tests/test-e2e.c - end-to-end tests in a pseudo-terminal (see vt.h).
 */
#include <criterion/criterion.h>

#include <sys/wait.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vt.h"

/*
 * ---------------------------------------------------------------------
 * Harness self-tests: Test(vt, ...) prove tests/vt.c against /bin/sh,
 * independently of redflags.  Keep them first and keep them small.
 * ---------------------------------------------------------------------
 */

static char *const vt_test_env[] = {
	"TERM=xterm-256color",
	"LC_ALL=C.UTF-8",
	"PATH=/usr/bin:/bin",
	NULL,
};

/* Run a /bin/sh script on a rows x cols terminal. */
static struct vt *
vt_test_sh(int rows, int cols, const char *script)
{
	char *argv[] = { "/bin/sh", "-c", (char *)script, NULL };
	struct vt *vt;

	vt = vt_spawn(rows, cols, argv, vt_test_env);
	cr_assert_not_null(vt, "vt_spawn failed");
	return vt;
}

static long long
vt_test_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Assert on one row of the screen without leaking it. */
static void
vt_test_row_eq(struct vt *vt, int row, const char *want)
{
	char *got = vt_row(vt, row);

	cr_assert_str_eq(got, want, "row %d", row);
	free(got);
}

#define VT_ASSERT_TEXT(vt, text) \
	cr_assert(vt_wait_text((vt), (text), 5000), \
	    "'%s' not on the screen:\n%s", (text), vt_screen_text(vt))

Test(vt, printed_text_appears_on_the_screen, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80, "printf 'hello world\\n  second'");
	char *s;

	VT_ASSERT_TEXT(vt, "hello world");
	vt_test_row_eq(vt, 0, "hello world");
	vt_test_row_eq(vt, 1, "  second");
	vt_test_row_eq(vt, 2, "");
	vt_test_row_eq(vt, 99, "");
	s = vt_screen_text(vt);
	cr_assert(strncmp(s, "hello world\n  second\n\n", 22) == 0, "%s", s);
	free(s);
	cr_assert_eq(vt_wait_exit(vt, 5000), 0);
	vt_free(vt);
}

Test(vt, wide_characters_take_two_cells, .timeout = 30)
{
	struct vt *vt = vt_test_sh(5, 20, "printf 'a\346\227\245\346\234\254b'");
	int row = -1, col = -1;

	VT_ASSERT_TEXT(vt, "a日本b");
	cr_assert_eq(vt_cell_width(vt, 0, 0), 1);
	cr_assert_eq(vt_cell_width(vt, 0, 1), 2);
	cr_assert_eq(vt_cell_width(vt, 0, 2), 0);
	cr_assert_eq(vt_cell_width(vt, 0, 3), 2);
	cr_assert_eq(vt_cell_width(vt, 0, 4), 0);
	cr_assert_eq(vt_cell_width(vt, 0, 5), 1);
	cr_assert_eq(vt_cell_width(vt, 0, 20), -1);
	cr_assert(vt_find_text(vt, "b", &row, &col));
	cr_assert_eq(row, 0);
	cr_assert_eq(col, 5);
	cr_assert(vt_find_text(vt, "本", &row, &col));
	cr_assert_eq(col, 3);
	cr_assert_not(vt_find_text(vt, "nowhere", NULL, NULL));
	vt_free(vt);
}

Test(vt, combining_marks_stay_with_their_base, .timeout = 30)
{
	struct vt *vt = vt_test_sh(5, 20, "printf 'e\314\201x'");
	int col = -1;

	VT_ASSERT_TEXT(vt, "e\314\201x");
	cr_assert(vt_find_text(vt, "x", NULL, &col));
	cr_assert_eq(col, 1);
	vt_free(vt);
}

Test(vt, resize_changes_stty_size, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80,
	    "stty size; read x; stty size; sleep 5");

	VT_ASSERT_TEXT(vt, "24 80");
	vt_resize(vt, 30, 100);
	cr_assert_eq(vt_rows(vt), 30);
	cr_assert_eq(vt_cols(vt), 100);
	cr_assert(vt_send(vt, VT_KEY_ENTER));
	VT_ASSERT_TEXT(vt, "30 100");
	vt_free(vt);
}

Test(vt, resize_sends_sigwinch, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80,
	    "trap 'echo winch $(stty size)' WINCH; echo ready;"
	    " while :; do sleep 0.05; done");

	VT_ASSERT_TEXT(vt, "ready");
	vt_resize(vt, 10, 40);
	VT_ASSERT_TEXT(vt, "winch 10 40");
	vt_free(vt);
}

Test(vt, exit_status_is_returned, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80, "echo bye; exit 3");
	int st;

	st = vt_wait_exit(vt, 5000);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 3, "status %#x", st);
	cr_assert_not(vt_running(vt));
	/* Output written just before exit is not lost. */
	cr_assert(vt_wait_text(vt, "bye", 0));
	cr_assert_eq(vt_wait_exit(vt, 0), st);
	vt_free(vt);
}

Test(vt, exec_failure_exits_127, .timeout = 30)
{
	char *argv[] = { "/nonexistent/program", NULL };
	struct vt *vt = vt_spawn(24, 80, argv, vt_test_env);
	int st;

	cr_assert_not_null(vt);
	st = vt_wait_exit(vt, 5000);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 127, "status %#x", st);
	cr_assert(vt_wait_text(vt, "cannot execute /nonexistent/program", 0));
	vt_free(vt);
}

Test(vt, program_is_found_in_path_and_env_is_exact, .timeout = 30)
{
	char *argv[] = { "sh", "-c",
		"echo \"T=$TERM H=${HOME-unset} P=$PATH\"", NULL };
	struct vt *vt = vt_spawn(24, 80, argv, vt_test_env);

	cr_assert_not_null(vt);
	VT_ASSERT_TEXT(vt, "T=xterm-256color H=unset P=/usr/bin:/bin");
	vt_free(vt);
}

Test(vt, wait_exit_times_out_and_kills, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80, "exec sleep 30");
	long long t0 = vt_test_ms();

	cr_assert_eq(vt_wait_exit(vt, 300), -1);
	cr_assert_lt(vt_test_ms() - t0, 3000);
	cr_assert_not(vt_running(vt));
	vt_free(vt);
}

Test(vt, wait_text_times_out, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80, "echo something; sleep 30");
	long long t0 = vt_test_ms();

	cr_assert_not(vt_wait_text(vt, "never printed", 300));
	cr_assert_lt(vt_test_ms() - t0, 3000);
	cr_assert(vt_wait_text(vt, "something", 5000));
	vt_free(vt);
}

Test(vt, wait_gone_sees_the_screen_cleared, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80,
	    "echo first; sleep 0.2; printf '\\033[H\\033[2Jsecond'; sleep 30");

	VT_ASSERT_TEXT(vt, "first");
	cr_assert(vt_wait_gone(vt, "first", 5000));
	VT_ASSERT_TEXT(vt, "second");
	cr_assert(vt_wait_quiet(vt, 100, 5000));
	vt_free(vt);
}

Test(vt, kill_delivers_a_signal, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80, "echo ready; exec sleep 30");
	int st;

	VT_ASSERT_TEXT(vt, "ready");
	vt_kill(vt, SIGTERM);
	st = vt_wait_exit(vt, 5000);
	cr_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "%#x", st);
	vt_free(vt);
}

Test(vt, ctrl_c_goes_through_the_line_discipline, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80, "echo ready; exec sleep 30");
	int st;

	VT_ASSERT_TEXT(vt, "ready");
	cr_assert(vt_send(vt, VT_KEY_CTRL_C));
	st = vt_wait_exit(vt, 5000);
	cr_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGINT, "%#x", st);
	vt_free(vt);
}

Test(vt, hangup_sends_sighup, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80, "echo ready; exec sleep 30");
	int st;

	VT_ASSERT_TEXT(vt, "ready");
	vt_hangup(vt);
	st = vt_wait_exit(vt, 5000);
	cr_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGHUP, "%#x", st);
	cr_assert(vt_wait_text(vt, "ready", 0));
	cr_assert_not(vt_send(vt, "x"));
	vt_free(vt);
}

Test(vt, termios_sane_after_a_clean_exit, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80,
	    "stty raw -echo; stty sane; exit 0");

	cr_assert_eq(vt_wait_exit(vt, 5000), 0);
	cr_assert(vt_termios_sane(vt));
	vt_free(vt);
}

Test(vt, termios_not_sane_after_raw_mode_is_left_on, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80, "stty raw -echo; exit 0");
	struct termios t;

	cr_assert_eq(vt_wait_exit(vt, 5000), 0);
	cr_assert_not(vt_termios_sane(vt));
	cr_assert(vt_termios(vt, &t));
	cr_assert_eq(t.c_lflag & (ICANON | ECHO), 0);
	vt_free(vt);
}

Test(vt, typed_keys_reach_the_program, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80,
	    "stty -echo; echo ready; read line; echo \"got <$line>\"");

	VT_ASSERT_TEXT(vt, "ready");
	cr_assert(vt_send(vt, "abc" VT_KEY_ENTER));
	VT_ASSERT_TEXT(vt, "got <abc>");
	cr_assert_eq(vt_wait_exit(vt, 5000), 0);
	vt_free(vt);
}

/* Print the bytes one key sends, in hex, with or without DECCKM. */
#define VT_KEY_BYTES(mode) \
	"printf '" mode "'; stty raw -echo; echo ready;" \
	" x=$(head -c 3 | od -An -tx1); stty sane; echo \"<$x>\"; sleep 30"

Test(vt, cursor_keys_in_normal_mode_are_csi, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80, VT_KEY_BYTES(""));

	VT_ASSERT_TEXT(vt, "ready");
	cr_assert(vt_send(vt, VT_KEY_UP));
	VT_ASSERT_TEXT(vt, "< 1b 5b 41>");
	vt_free(vt);
}

Test(vt, cursor_keys_follow_application_mode, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80, VT_KEY_BYTES("\\033[?1h\\033="));

	VT_ASSERT_TEXT(vt, "ready");
	cr_assert(vt_send(vt, VT_KEY_LEFT));
	VT_ASSERT_TEXT(vt, "< 1b 4f 44>");
	vt_free(vt);
}

Test(vt, send_raw_is_not_translated, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80, VT_KEY_BYTES("\\033[?1h"));

	VT_ASSERT_TEXT(vt, "ready");
	cr_assert(vt_send_raw(vt, "\033[A", 3));
	VT_ASSERT_TEXT(vt, "< 1b 5b 41>");
	vt_free(vt);
}

Test(vt, cell_attributes_are_read, .timeout = 30)
{
	struct vt *vt = vt_test_sh(5, 20,
	    "printf '\\033[1mB\\033[0m\\033[7mR\\033[0m\\033[31mC\\033[0m"
	    "\\033[38;5;200;48;5;17mX\\033[0mN'");
	struct vt_attrs a;

	VT_ASSERT_TEXT(vt, "BRCXN");
	cr_assert(vt_cell_bold(vt, 0, 0));
	cr_assert_not(vt_cell_reverse(vt, 0, 0));
	cr_assert(vt_cell_reverse(vt, 0, 1));
	cr_assert_not(vt_cell_bold(vt, 0, 1));
	a = vt_cell_attrs(vt, 0, 2);
	cr_assert_eq(a.fg, 1);
	cr_assert_eq(a.bg, VT_COLOR_DEFAULT);
	a = vt_cell_attrs(vt, 0, 3);
	cr_assert_eq(a.fg, 200);
	cr_assert_eq(a.bg, 17);
	a = vt_cell_attrs(vt, 0, 4);
	cr_assert_eq(a.fg, VT_COLOR_DEFAULT);
	cr_assert_not(a.bold || a.reverse || a.underline);
	cr_assert(vt_output_contains(vt, "\033[7m"));
	cr_assert_not(vt_output_contains(vt, "\033[5m"));
	vt_free(vt);
}

Test(vt, alternate_screen_left_or_not, .timeout = 30)
{
	struct vt *left = vt_test_sh(5, 20,
	    "printf 'main\\033[?1049h\\033[Halt\\033[?1049l'");
	struct vt *stuck = vt_test_sh(5, 20,
	    "printf 'main\\033[?1049h\\033[Halt'");
	struct vt *never = vt_test_sh(5, 20, "printf 'main'");

	cr_assert_eq(vt_wait_exit(left, 5000), 0);
	cr_assert_eq(vt_wait_exit(stuck, 5000), 0);
	cr_assert_eq(vt_wait_exit(never, 5000), 0);
	cr_assert(vt_left_altscreen(left));
	cr_assert_not(vt_altscreen_active(left));
	cr_assert(vt_wait_text(left, "main", 0));
	cr_assert(vt_wait_gone(left, "alt", 0));
	cr_assert_not(vt_left_altscreen(stuck));
	cr_assert(vt_altscreen_active(stuck));
	cr_assert(vt_wait_text(stuck, "alt", 0));
	cr_assert_not(vt_left_altscreen(never));
	vt_free(left);
	vt_free(stuck);
	vt_free(never);
}

Test(vt, cursor_and_bell_are_tracked, .timeout = 30)
{
	struct vt *vt = vt_test_sh(10, 20,
	    "printf '\\a\\a\\033[4;7Hx\\033[?25l'");
	int row, col;

	cr_assert_eq(vt_wait_exit(vt, 5000), 0);
	vt_cursor(vt, &row, &col);
	cr_assert_eq(row, 3);
	cr_assert_eq(col, 7);
	cr_assert_not(vt_cursor_visible(vt));
	cr_assert_eq(vt_bells(vt), 2);
	vt_free(vt);
}

Test(vt, large_output_does_not_deadlock, .timeout = 30)
{
	struct vt *vt = vt_test_sh(24, 80,
	    "i=0; while [ $i -lt 3000 ]; do echo line $i; i=$((i+1)); done;"
	    " echo done");
	size_t len;

	cr_assert_eq(vt_wait_exit(vt, 20000), 0);
	VT_ASSERT_TEXT(vt, "done");
	vt_output(vt, &len);
	cr_assert_gt(len, 3000 * 7);
	vt_free(vt);
}

Test(vt, dump_shows_the_screen, .timeout = 30)
{
	struct vt *vt = vt_test_sh(3, 12, "printf 'dumped'");
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);

	VT_ASSERT_TEXT(vt, "dumped");
	vt_dump(vt, fp);
	fclose(fp);
	cr_assert(strstr(s, "  0|dumped      |") != NULL, "%s", s);
	free(s);
	vt_free(vt);
}

/*
 * ---------------------------------------------------------------------
 * redflags end-to-end tests go below.
 * ---------------------------------------------------------------------
 */

#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "util.h"

struct rf {
	struct vt *vt;
	char home[64];		/* a fresh XDG_DATA_HOME for each test */
	char *env[14];
};

static void
rf_env(struct rf *r, const char *extra)
{
	int n = 0;

	r->env[n++] = xstrdup("TERM=xterm-256color");
	r->env[n++] = xstrdup("LC_ALL=C.UTF-8");
	r->env[n++] = xstrdup("PATH=/usr/bin:/bin");
	r->env[n++] = xasprintf("HOME=%s", r->home);
	r->env[n++] = xasprintf("XDG_DATA_HOME=%s", r->home);
	r->env[n++] = xasprintf("XDG_DATA_DIRS=%s/none", r->home);
	/* Only the fixtures: not the repository's own lessons. */
	r->env[n++] = xstrdup("REDFLAGS_ONLY_LESSONS=1");
	if (extra != NULL)
		r->env[n++] = xstrdup(extra);
	r->env[n] = NULL;
}

static void
rf_env_free(struct rf *r)
{
	int i;

	for (i = 0; r->env[i] != NULL; i++)
		free(r->env[i]);
	r->env[0] = NULL;
}

/* Start redflags with the e2e fixture lessons on rows x cols. */
static void
rf_start(struct rf *r, int rows, int cols, const char *extra)
{
	const char *bin = getenv("REDFLAGS_BIN");
	char *argv[] = { (char *)bin, "--lessons", "data/e2e", NULL };

	cr_assert_not_null(bin, "REDFLAGS_BIN is not set (run through meson)");
	rf_env(r, extra);
	r->vt = vt_spawn(rows, cols, argv, r->env);
	cr_assert_not_null(r->vt);
	cr_assert(vt_wait_text(r->vt, "redflags", 5000),
	    "no home screen:\n%s", vt_screen_text(r->vt));
}

static void
rf_new(struct rf *r)
{
	memset(r, 0, sizeof *r);
	strcpy(r->home, "/tmp/redflags-e2e-XXXXXX");
	cr_assert_not_null(mkdtemp(r->home));
}

static void
rf_stop(struct rf *r)
{
	vt_free(r->vt);
	r->vt = NULL;
	rf_env_free(r);
}

static void
rf_cleanup(struct rf *r)
{
	char *cmd = xasprintf("rm -rf '%s'", r->home);
	int rc = system(cmd);

	(void)rc;
	free(cmd);
}

#define RF_SEE(r, text) \
	cr_assert(vt_wait_text((r)->vt, (text), 5000), \
	    "'%s' not on the screen:\n%s", (text), vt_screen_text((r)->vt))

/* Move the home screen's cursor onto the lesson titled 'title'. */
static void
rf_select(struct rf *r, const char *title)
{
	int i, row, col;

	for (i = 0; i < 40; i++) {
		char *line;
		bool here;

		RF_SEE(r, title);
		cr_assert(vt_find_text(r->vt, title, &row, &col));
		line = vt_row(r->vt, row);
		here = strstr(line, "\xe2\x96\xb8") != NULL;	/* ▸ */
		free(line);
		if (here)
			return;
		vt_send(r->vt, VT_KEY_DOWN);
		vt_wait_quiet(r->vt, 30, 500);
	}
	cr_assert_fail("could not select %s:\n%s", title,
	    vt_screen_text(r->vt));
}

static void
rf_key(struct rf *r, const char *key)
{
	vt_send(r->vt, key);
	vt_wait_quiet(r->vt, 30, 1000);
}

static char *
rf_progress(struct rf *r)
{
	char *path = xasprintf("%s/redflags/progress", r->home), *data = NULL;
	size_t len;

	if (read_file(path, 1 << 20, &data, &len) != 0)
		data = NULL;
	free(path);
	return data;
}

/* The sample lesson: a page, a choice, a true/false and a multi. */
static void
rf_open_sample(struct rf *r)
{
	rf_select(r, "Sample lesson");
	rf_key(r, VT_KEY_ENTER);
	RF_SEE(r, "Before you start");
}

Test(redflags, home_lists_lessons_by_topic_with_status, .timeout = 60)
{
	struct rf r;

	rf_new(&r);
	rf_start(&r, 24, 80, NULL);
	RF_SEE(&r, "Grooming");
	RF_SEE(&r, "Sample lesson");
	RF_SEE(&r, "5 min");
	RF_SEE(&r, "new");
	RF_SEE(&r, "x quick exit");
	RF_SEE(&r, "? keys");
	rf_key(&r, "q");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	cr_expect(vt_left_altscreen(r.vt), "alternate screen not left");
	cr_expect(vt_termios_sane(r.vt), "terminal not restored");
	rf_stop(&r);
	rf_cleanup(&r);
}

Test(redflags, answer_see_feedback_quit_and_resume, .timeout = 60)
{
	struct rf r;
	char *progress;

	rf_new(&r);
	rf_start(&r, 24, 80, NULL);
	rf_open_sample(&r);
	RF_SEE(&r, "Enter choose");
	RF_SEE(&r, "1. Begin");
	RF_SEE(&r, "2. Skip this lesson");
	RF_SEE(&r, "3. Get help first");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "First page");
	RF_SEE(&r, "step 1 of 4");
	RF_SEE(&r, "a bullet point");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Which answer is right?");
	RF_SEE(&r, "step 2 of 4");
	rf_key(&r, VT_KEY_DOWN);
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Right.");
	RF_SEE(&r, "Yes, this one is right.");
	rf_key(&r, "q");
	RF_SEE(&r, "step 3 of 4");	/* the status on the home screen */
	rf_key(&r, "q");
	cr_assert_eq(vt_wait_exit(r.vt, 5000), 0);
	cr_expect(vt_termios_sane(r.vt));
	rf_stop(&r);

	progress = rf_progress(&r);
	cr_assert_not_null(progress, "no progress file");
	cr_expect(strstr(progress, "e2e-sample\tstarted\t2\t4\t1\t3\t") !=
	    NULL, "%s", progress);
	free(progress);

	rf_start(&r, 24, 80, NULL);
	RF_SEE(&r, "step 3 of 4");
	rf_open_sample(&r);
	RF_SEE(&r, "You stopped at step 3 of 4");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "The sky is green.");
	rf_key(&r, "x");
	vt_wait_exit(r.vt, 5000);
	rf_stop(&r);
	rf_cleanup(&r);
}

Test(redflags, a_wrong_answer_is_explained_in_words, .timeout = 60)
{
	struct rf r;

	rf_new(&r);
	rf_start(&r, 24, 80, NULL);
	rf_open_sample(&r);
	rf_key(&r, VT_KEY_ENTER);
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Which answer is right?");
	rf_key(&r, "1");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Not quite.");
	RF_SEE(&r, "This one is wrong because it is the first.");
	RF_SEE(&r, "Yes, this one is right.");
	RF_SEE(&r, "your answer");
	rf_key(&r, "q");
	rf_key(&r, "q");
	vt_wait_exit(r.vt, 5000);
	rf_stop(&r);
	rf_cleanup(&r);
}

Test(redflags, finish_a_lesson_and_see_the_summary, .timeout = 60)
{
	struct rf r;
	char *progress;

	rf_new(&r);
	rf_start(&r, 24, 80, NULL);
	rf_open_sample(&r);
	rf_key(&r, VT_KEY_ENTER);		/* start */
	rf_key(&r, VT_KEY_ENTER);		/* page */
	rf_key(&r, "2");			/* choice: the right one */
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Right.");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "The sky is green.");
	rf_key(&r, "2");			/* False */
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "The sky is usually blue.");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Pick the two red flags.");
	RF_SEE(&r, "Space mark");
	rf_key(&r, VT_KEY_ENTER);		/* nothing marked yet */
	RF_SEE(&r, "Nothing is marked yet.");
	rf_key(&r, VT_KEY_SPACE);		/* option 1 */
	rf_key(&r, VT_KEY_DOWN);
	rf_key(&r, VT_KEY_DOWN);
	rf_key(&r, VT_KEY_SPACE);		/* option 3 */
	RF_SEE(&r, "[x] 3.");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Right.");
	RF_SEE(&r, "Secrecy is a red flag.");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Lesson complete");
	RF_SEE(&r, "You got 3 of 3 questions right the first time.");
	RF_SEE(&r, "Every step type works.");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "done 3/3");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "You finished this lesson before, with 3 of 3 right.");
	rf_key(&r, "q");
	rf_key(&r, "q");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	rf_stop(&r);
	progress = rf_progress(&r);
	cr_assert_not_null(progress);
	cr_expect(strstr(progress, "e2e-sample\tfinished\t0\t4\t3\t3\t1\t") !=
	    NULL, "%s", progress);
	free(progress);
	rf_cleanup(&r);
}

Test(redflags, resize_below_the_minimum_and_back, .timeout = 60)
{
	struct rf r;

	rf_new(&r);
	rf_start(&r, 24, 80, NULL);
	RF_SEE(&r, "Sample lesson");
	vt_resize(r.vt, 12, 40);
	RF_SEE(&r, "The window is 40x12.");
	RF_SEE(&r, "least 60x18.");
	rf_key(&r, VT_KEY_ENTER);		/* ignored while too small */
	RF_SEE(&r, "The window is 40x12.");
	vt_resize(r.vt, 24, 80);
	RF_SEE(&r, "Sample lesson");
	cr_expect(vt_wait_gone(r.vt, "The window is", 3000));
	vt_resize(r.vt, 30, 100);
	RF_SEE(&r, "Sample lesson");
	rf_key(&r, "q");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	cr_expect(vt_termios_sane(r.vt));
	rf_stop(&r);
	rf_cleanup(&r);
}

/* Answer the first question, then end the program with 'how'. */
static void
rf_answer_then(struct rf *r, void (*how)(struct rf *), int want_status,
    bool check_termios)
{
	char *progress;
	int st;

	rf_start(r, 24, 80, NULL);
	rf_open_sample(r);
	rf_key(r, VT_KEY_ENTER);
	rf_key(r, VT_KEY_ENTER);
	rf_key(r, "2");
	rf_key(r, VT_KEY_ENTER);
	RF_SEE(r, "Right.");
	how(r);
	st = vt_wait_exit(r->vt, 5000);
	cr_expect(st != -1, "did not exit");
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == want_status,
	    "status %d, want exit %d", st, want_status);
	if (check_termios) {
		cr_expect(vt_termios_sane(r->vt), "terminal left raw");
		cr_expect(vt_left_altscreen(r->vt), "alternate screen kept");
	}
	rf_stop(r);
	progress = rf_progress(r);
	cr_assert_not_null(progress, "progress lost");
	cr_expect(strstr(progress, "e2e-sample\tstarted\t2\t4\t1\t") != NULL,
	    "%s", progress);
	free(progress);
}

static void
by_ctrl_c(struct rf *r)
{
	vt_send(r->vt, VT_KEY_CTRL_C);
}

static void
by_sigterm(struct rf *r)
{
	vt_kill(r->vt, SIGTERM);
}

static void
by_hangup(struct rf *r)
{
	vt_hangup(r->vt);
}

static void
by_quick_exit(struct rf *r)
{
	vt_send(r->vt, "x");
}

Test(redflags, ctrl_c_restores_the_terminal_and_saves, .timeout = 60)
{
	struct rf r;

	rf_new(&r);
	rf_answer_then(&r, by_ctrl_c, 128 + SIGINT, true);
	rf_cleanup(&r);
}

Test(redflags, sigterm_restores_the_terminal_and_saves, .timeout = 60)
{
	struct rf r;

	rf_new(&r);
	rf_answer_then(&r, by_sigterm, 128 + SIGTERM, true);
	rf_cleanup(&r);
}

Test(redflags, a_hangup_saves_progress, .timeout = 60)
{
	struct rf r;

	rf_new(&r);
	rf_answer_then(&r, by_hangup, 128 + SIGHUP, false);
	rf_cleanup(&r);
}

Test(redflags, quick_exit_wipes_the_screen_and_saves, .timeout = 60)
{
	struct rf r;
	size_t len;
	const char *out;

	rf_new(&r);
	rf_answer_then(&r, by_quick_exit, 0, false);
	/* rf_answer_then freed the vt: run it again to look at the screen. */
	rf_start(&r, 24, 80, NULL);
	rf_open_sample(&r);
	rf_key(&r, "x");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	cr_expect(vt_termios_sane(r.vt));
	cr_expect(vt_output_contains(r.vt, "\033[3J"), "scrollback not wiped");
	out = vt_output(r.vt, &len);
	cr_expect(len > 0 && out != NULL);
	cr_expect(vt_wait_gone(r.vt, "Before you start", 1000),
	    "lesson text still on the screen:\n%s", vt_screen_text(r.vt));
	rf_stop(&r);
	rf_cleanup(&r);
}

Test(redflags, the_keys_screen_comes_from_the_key_table, .timeout = 60)
{
	struct rf r;

	rf_new(&r);
	rf_start(&r, 24, 80, NULL);
	rf_key(&r, "?");
	RF_SEE(&r, "Keys");
	RF_SEE(&r, "Show this list of keys");
	RF_SEE(&r, "Quick exit: leave at once");
	rf_key(&r, "q");
	RF_SEE(&r, "Sample lesson");
	rf_key(&r, "q");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	rf_stop(&r);
	rf_cleanup(&r);
}

Test(redflags, no_color_draws_without_colour, .timeout = 60)
{
	struct rf r;
	int row, col, c;
	bool any = false;

	rf_new(&r);
	rf_start(&r, 24, 80, "NO_COLOR=1");
	rf_open_sample(&r);
	for (row = 0; row < 24; row++) {
		for (col = 0; col < 80; col++) {
			struct vt_attrs a = vt_cell_attrs(r.vt, row, col);

			if (a.fg != VT_COLOR_DEFAULT ||
			    a.bg != VT_COLOR_DEFAULT)
				any = true;
		}
	}
	cr_expect_not(any, "a coloured cell with NO_COLOR:\n%s",
	    vt_screen_text(r.vt));
	/* The title is still set apart, by an attribute. */
	cr_assert(vt_find_text(r.vt, "Before you start", &row, &c));
	cr_expect(vt_cell_bold(r.vt, row, c));
	rf_key(&r, "x");
	vt_wait_exit(r.vt, 5000);
	rf_stop(&r);
	rf_cleanup(&r);
}

Test(redflags, unwritable_progress_is_said_and_lessons_still_work,
    .timeout = 60)
{
	struct rf r;
	char *file;
	FILE *f;

	rf_new(&r);
	/* A data home under a regular file can never be created, even by
	 * root. */
	file = xasprintf("%s/file", r.home);
	f = fopen(file, "w");
	cr_assert_not_null(f);
	fclose(f);
	{
		char *extra = xasprintf("XDG_DATA_HOME=%s/sub", file);
		const char *bin = getenv("REDFLAGS_BIN");
		char *argv[] = { (char *)bin, "--lessons", "data/e2e", NULL };

		rf_env(&r, NULL);
		free(r.env[4]);
		r.env[4] = extra;
		r.vt = vt_spawn(24, 80, argv, r.env);
		cr_assert_not_null(r.vt);
	}
	RF_SEE(&r, "progress not saved");
	RF_SEE(&r, "cannot be saved");
	rf_open_sample(&r);
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "First page");
	rf_key(&r, "q");
	rf_key(&r, "q");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	rf_stop(&r);
	free(file);
	rf_cleanup(&r);
}

Test(redflags, a_corrupt_progress_file_is_kept_aside_and_said, .timeout = 60)
{
	struct rf r;
	char *dir, *path;
	FILE *f;

	rf_new(&r);
	dir = xasprintf("%s/redflags", r.home);
	cr_assert_eq(mkdir(dir, 0700), 0);
	path = xasprintf("%s/progress", dir);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("redflags-progress 1\nlesson\tgarbage\n", f);
	fclose(f);
	rf_start(&r, 24, 80, NULL);
	RF_SEE(&r, "could not be read");
	RF_SEE(&r, "Sample lesson");
	rf_key(&r, "q");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	rf_stop(&r);
	{
		char *cmd = xasprintf("ls %s | grep -q '^progress.corrupt-'",
		    dir);

		cr_expect_eq(system(cmd), 0, "the corrupt file was not kept");
		free(cmd);
	}
	free(path);
	free(dir);
	rf_cleanup(&r);
}

Test(redflags, wide_text_wraps_by_width_and_hostile_text_is_inert,
    .timeout = 60)
{
	struct rf r;
	int row, col, rows_with_cjk = 0, i;

	rf_new(&r);
	rf_start(&r, 24, 80, NULL);
	rf_select(&r, "Wide");
	cr_expect_not(vt_output_contains(r.vt, "\033]2;"),
	    "a title-setting sequence from the lesson reached the terminal");
	cr_expect_not(vt_output_contains(r.vt, "\xe2\x80\xae"),
	    "a right-to-left override reached the terminal");
	cr_assert(vt_find_text(r.vt, "日本語", &row, &col));
	cr_expect_eq(vt_cell_width(r.vt, row, col), 2);
	{
		char *screen = vt_screen_text(r.vt);

		cr_expect(strstr(screen, "pwned") == NULL, "%s", screen);
		free(screen);
	}
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Text in several scripts.");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "漢字のページ");
	for (i = 0; i < 24; i++) {
		char *line = vt_row(r.vt, i);

		if (strstr(line, "表示幅") != NULL || strstr(line, "文章") !=
		    NULL)
			rows_with_cjk++;
		free(line);
	}
	cr_expect_geq(rows_with_cjk, 2, "the paragraph did not wrap:\n%s",
	    vt_screen_text(r.vt));
	rf_key(&r, "x");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	rf_stop(&r);
	rf_cleanup(&r);
}

static void
rf_crash(int sig)
{
	struct rf r;
	int st;

	rf_new(&r);
	rf_start(&r, 24, 80, NULL);
	rf_open_sample(&r);
	vt_kill(r.vt, sig);
	st = vt_wait_exit(r.vt, 5000);
	cr_expect(WIFSIGNALED(st) && WTERMSIG(st) == sig,
	    "status %d: did not die of signal %d", st, sig);
	cr_expect(vt_termios_sane(r.vt), "terminal left raw after signal %d",
	    sig);
	cr_expect(vt_left_altscreen(r.vt),
	    "alternate screen kept after signal %d", sig);
	rf_stop(&r);
	rf_cleanup(&r);
}

Test(redflags, a_crash_signal_still_restores_the_terminal, .timeout = 60)
{
	rf_crash(SIGSEGV);
	rf_crash(SIGABRT);
	rf_crash(SIGQUIT);
}

Test(redflags, a_lesson_with_errors_is_left_out_or_will_not_open,
    .timeout = 60)
{
	struct rf r;
	const char *bin = getenv("REDFLAGS_BIN");
	char *argv[] = { (char *)bin, "--lessons", "data/e2e", "--lessons",
	    "data/e2e-broken", NULL };

	rf_new(&r);
	rf_env(&r, NULL);
	r.vt = vt_spawn(24, 80, argv, r.env);
	cr_assert_not_null(r.vt);
	RF_SEE(&r, "Sample lesson");
	/* A broken head (minutes: lots) cannot be listed: left out, said. */
	RF_SEE(&r, "1 lesson file has errors and is left out");
	cr_expect_not(vt_find_text(r.vt, "broken head", NULL, NULL));
	/* An error further on: listed, and opening it names the mistake
	 * instead of starting the lesson. */
	rf_select(&r, "A broken lesson");
	rf_key(&r, "\r");
	RF_SEE(&r, "This lesson could not be opened");
	RF_SEE(&r, "broken.yaml:11:7");
	RF_SEE(&r, "choises");
	cr_expect_not(vt_find_text(r.vt, "Content note", NULL, NULL));
	/* Still usable: another lesson opens. */
	for (int i = 0; i < 12; i++)
		rf_key(&r, VT_KEY_UP);
	rf_select(&r, "Sample lesson");
	rf_key(&r, "\r");
	RF_SEE(&r, "Begin");
	rf_key(&r, "x");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	rf_stop(&r);
	rf_cleanup(&r);
}

Test(redflags, a_long_page_scrolls_and_stays_where_it_was_scrolled,
    .timeout = 60)
{
	struct rf r;

	rf_new(&r);
	rf_start(&r, 24, 80, NULL);
	rf_select(&r, "Long page lesson");
	rf_key(&r, VT_KEY_ENTER);
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Line number 1");
	cr_expect_not(vt_find_text(r.vt, "Line number 40", NULL, NULL));
	rf_key(&r, VT_KEY_PGDN);
	rf_key(&r, VT_KEY_PGDN);
	RF_SEE(&r, "Line number 40");
	/* Another redraw (a key that does nothing here) keeps the place. */
	rf_key(&r, "t");
	RF_SEE(&r, "Line number 40");
	rf_key(&r, VT_KEY_UP);
	rf_key(&r, VT_KEY_PGUP);
	rf_key(&r, VT_KEY_PGUP);
	RF_SEE(&r, "A long page");
	rf_key(&r, "x");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	rf_stop(&r);
	rf_cleanup(&r);
}

/* The place number shown before an item ("  3. Stop replying"). */
static int
rf_place_of(struct rf *r, const char *text)
{
	int row, col, place = 0;
	char *line, *hit;

	cr_assert(vt_find_text(r->vt, text, &row, &col), "no '%s':\n%s", text,
	    vt_screen_text(r->vt));
	line = vt_row(r->vt, row);
	hit = strstr(line, text);
	cr_assert(hit != NULL && hit - line >= 3);
	/* "N. " just before the text. */
	cr_assert(sscanf(hit - 3, "%d.", &place) == 1, "row: %s", line);
	free(line);
	return place;
}

/* Pick up the item at place 'from' and put it down at place 'to'. */
static void
rf_move_item(struct rf *r, int from, int to)
{
	char key[2] = { (char)('0' + from), '\0' };

	rf_key(r, key);
	rf_key(r, VT_KEY_SPACE);
	for (; from > to; from--)
		rf_key(r, VT_KEY_UP);
	for (; from < to; from++)
		rf_key(r, VT_KEY_DOWN);
	rf_key(r, VT_KEY_SPACE);
}

Test(redflags, play_a_chat_a_story_with_going_back_and_an_ordering,
    .timeout = 90)
{
	struct rf r;
	int row, col;
	char *line;

	rf_new(&r);
	rf_start(&r, 24, 80, NULL);
	rf_select(&r, "Interactive steps");
	rf_key(&r, VT_KEY_ENTER);
	rf_key(&r, VT_KEY_ENTER);

	/* The chat arrives one message at a time. */
	RF_SEE(&r, "Game chat");
	RF_SEE(&r, "gg you're good");
	cr_expect_not(vt_find_text(r.vt, "thanks lol", NULL, NULL));
	RF_SEE(&r, "more messages are coming");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "thanks lol");
	rf_key(&r, VT_KEY_DOWN);
	RF_SEE(&r, "add me on another app?");
	rf_key(&r, VT_KEY_SPACE);
	cr_assert(vt_find_text(r.vt, "add me on another app?", &row, &col));
	line = vt_row(r.vt, row);
	cr_expect(strstr(line, "\xe2\x9a\x91") != NULL, "not flagged: %s",
	    line);
	free(line);
	RF_SEE(&r, "1 message flagged.");
	rf_key(&r, VT_KEY_DOWN);
	RF_SEE(&r, "keep this between us ok?");
	rf_key(&r, VT_KEY_SPACE);
	RF_SEE(&r, "2 messages flagged.");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Right. You found 2 of 2 red flags.");
	RF_SEE(&r, "found: asking for secrecy");
	RF_SEE(&r, "Moving to a private app is a common step.");
	rf_key(&r, VT_KEY_ENTER);

	/* The story: a risky choice, back a step, the safe one. */
	RF_SEE(&r, "Someone says they will share a photo unless Eli pays.");
	RF_SEE(&r, "pay or everyone sees it");
	RF_SEE(&r, "What could Eli do?");
	rf_key(&r, "1");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "You chose: Pay");
	RF_SEE(&r, "it usually leads to more demands");
	RF_SEE(&r, "They ask for more.");
	rf_key(&r, "b");
	RF_SEE(&r, "Someone says they will share a photo unless Eli pays.");
	cr_expect(vt_wait_gone(r.vt, "They ask for more.", 2000));
	rf_key(&r, "2");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "A safe ending");
	RF_SEE(&r, "It is never his fault.");
	RF_SEE(&r, "The path you took:");
	RF_SEE(&r, "1. Stop replying and tell someone");
	rf_key(&r, VT_KEY_ENTER);

	/* The ordering: move each item to its place, by reading the
	 * screen, then check. */
	RF_SEE(&r, "Put these in the best order.");
	rf_move_item(&r, rf_place_of(&r, "Stop replying"), 1);
	rf_move_item(&r, rf_place_of(&r, "Save the chat, never any image"), 2);
	rf_move_item(&r, rf_place_of(&r, "Block and report"), 3);
	cr_expect_eq(rf_place_of(&r, "Tell a trusted adult"), 4);
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Right. That order works.");
	RF_SEE(&r, "The best order, and why:");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Lesson complete");
	RF_SEE(&r, "You got 3 of 3 questions right the first time.");
	rf_key(&r, "x");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	rf_stop(&r);
	rf_cleanup(&r);
}

Test(redflags, a_story_ending_reached_first_is_the_score, .timeout = 90)
{
	struct rf r;
	char *progress;

	rf_new(&r);
	rf_start(&r, 24, 80, NULL);
	rf_select(&r, "Interactive steps");
	rf_key(&r, VT_KEY_ENTER);
	rf_key(&r, VT_KEY_ENTER);
	rf_key(&r, "s");			/* skip the chat */
	RF_SEE(&r, "Someone says they will share a photo");
	rf_key(&r, VT_KEY_ENTER);		/* 1. Pay */
	RF_SEE(&r, "They ask for more.");
	rf_key(&r, "2");
	rf_key(&r, VT_KEY_ENTER);		/* 2. Pay again */
	RF_SEE(&r, "A harmful ending");
	RF_SEE(&r, "The best path:");
	rf_key(&r, "b");
	RF_SEE(&r, "They ask for more.");
	rf_key(&r, "1");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "A safe ending");
	RF_SEE(&r, "The score counts the first ending you reached: A harmful "
	    "ending.");
	rf_key(&r, "q");
	rf_key(&r, "q");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	rf_stop(&r);
	progress = rf_progress(&r);
	cr_assert_not_null(progress);
	/* skipped chat, wrong story (first ending harmful), resume at 2 */
	cr_expect(strstr(progress, "interactive\tstarted\t2\t3\t0\t3\t0\t") !=
	    NULL && strstr(progress, "\tsw.\n") != NULL, "%s", progress);
	free(progress);
	rf_cleanup(&r);
}

/*
 * Safeguarding: the help key and the quick exit from every kind of
 * screen.  Each place is reached from the home screen of the e2e lessons
 * by a list of keys, and recognised by a text it shows.
 */
struct place {
	const char *name;
	const char *lesson;	/* NULL: the home screen itself */
	const char *keys[12];	/* after opening the lesson */
	const char *shows;
};

static const struct place places[] = {
	{ "home", NULL, { NULL }, "Sample lesson" },
	{ "keys screen", NULL, { "?", NULL }, "Show this list of keys" },
	{ "intro", "Sample lesson", { NULL }, "Before you start" },
	{ "page", "Sample lesson", { VT_KEY_ENTER, NULL }, "a bullet point" },
	{ "choice", "Sample lesson", { VT_KEY_ENTER, VT_KEY_ENTER, NULL },
	    "Which answer is right?" },
	{ "feedback", "Sample lesson", { VT_KEY_ENTER, VT_KEY_ENTER, "2",
	    VT_KEY_ENTER, NULL }, "Yes, this one is right." },
	{ "true/false", "Sample lesson", { VT_KEY_ENTER, VT_KEY_ENTER, "2",
	    VT_KEY_ENTER, VT_KEY_ENTER, NULL }, "The sky is green." },
	{ "multi", "Sample lesson", { VT_KEY_ENTER, VT_KEY_ENTER, "2",
	    VT_KEY_ENTER, VT_KEY_ENTER, "2", VT_KEY_ENTER, VT_KEY_ENTER,
	    NULL }, "Pick the two red flags." },
	{ "summary", "Sample lesson", { VT_KEY_ENTER, "s", "s", "s", "s",
	    NULL }, "Lesson complete" },
	{ "chat", "Interactive steps", { VT_KEY_ENTER, NULL },
	    "gg you're good" },
	{ "story", "Interactive steps", { VT_KEY_ENTER, "s", NULL },
	    "Someone says they will share a photo" },
	{ "ending", "Interactive steps", { VT_KEY_ENTER, "s", "2",
	    VT_KEY_ENTER, NULL }, "A safe ending" },
	{ "order", "Interactive steps", { VT_KEY_ENTER, "s", "s", NULL },
	    "Put these in the best order." },
};

static void
rf_go(struct rf *r, const struct place *pl)
{
	size_t i;

	if (pl->lesson != NULL) {
		rf_select(r, pl->lesson);
		rf_key(r, VT_KEY_ENTER);
		RF_SEE(r, "Before you start");
	}
	for (i = 0; pl->keys[i] != NULL; i++)
		rf_key(r, pl->keys[i]);
	cr_assert(vt_wait_text(r->vt, pl->shows, 5000), "%s: '%s' not "
	    "shown:\n%s", pl->name, pl->shows, vt_screen_text(r->vt));
}

Test(redflags, the_help_key_works_on_every_screen_and_comes_back,
    .timeout = 240)
{
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(places); i++) {
		struct rf r;

		rf_new(&r);
		/* LC_ALL=C.UTF-8 has no country: the international help. */
		rf_start(&r, 24, 80, NULL);
		rf_go(&r, &places[i]);
		cr_expect(vt_find_text(r.vt, "h get help", NULL, NULL),
		    "%s: the footer does not show the help key:\n%s",
		    places[i].name, vt_screen_text(r.vt));
		rf_key(&r, "h");
		cr_expect(vt_wait_text(r.vt, "Get help", 3000) &&
		    vt_wait_text(r.vt, "An adult you trust", 3000),
		    "%s: no help:\n%s",
		    places[i].name, vt_screen_text(r.vt));
		rf_key(&r, "q");
		cr_expect(vt_wait_text(r.vt, places[i].shows, 3000),
		    "%s: not back after the help screen:\n%s", places[i].name,
		    vt_screen_text(r.vt));
		rf_key(&r, "x");
		cr_expect_eq(vt_wait_exit(r.vt, 5000), 0, "%s", places[i].name);
		rf_stop(&r);
		rf_cleanup(&r);
	}
}

/* Does the output hold an SGR sequence that sets a colour? */
static bool
sets_colour(const char *out, size_t len)
{
	size_t i;

	for (i = 0; i + 2 < len; i++) {
		size_t j;
		int param = 0;
		bool digits = false;

		if (out[i] != '\033' || out[i + 1] != '[')
			continue;
		for (j = i + 2; j < len; j++) {
			char ch = out[j];

			if (ch >= '0' && ch <= '9') {
				param = param * 10 + (ch - '0');
				digits = true;
			} else if (ch == ';' || ch == 'm') {
				if (digits && ((param >= 30 && param <= 49) ||
				    (param >= 90 && param <= 107)))
					return true;
				param = 0;
				digits = false;
				if (ch == 'm')
					break;
			} else {
				break;
			}
		}
	}
	return false;
}

Test(redflags, quick_exit_from_every_screen_clears_restores_and_keeps,
    .timeout = 240)
{
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(places); i++) {
		struct rf r;
		char *before, *after;

		rf_new(&r);
		rf_start(&r, 24, 80, NULL);
		rf_go(&r, &places[i]);
		before = rf_progress(&r);
		rf_key(&r, "x");
		cr_expect_eq(vt_wait_exit(r.vt, 5000), 0, "%s",
		    places[i].name);
		cr_expect(vt_termios_sane(r.vt), "%s: terminal left raw",
		    places[i].name);
		cr_expect(vt_left_altscreen(r.vt), "%s: alternate screen kept",
		    places[i].name);
		cr_expect(vt_output_contains(r.vt, "\033[3J"),
		    "%s: scrollback not cleared", places[i].name);
		cr_expect(vt_wait_gone(r.vt, places[i].shows, 1000),
		    "%s: still on the screen:\n%s", places[i].name,
		    vt_screen_text(r.vt));
		rf_stop(&r);
		/* What was saved before is still there, or newer. */
		after = rf_progress(&r);
		cr_expect(before == NULL || after != NULL,
		    "%s: progress lost", places[i].name);
		free(before);
		free(after);
		rf_cleanup(&r);
	}
}

Test(redflags, the_content_note_offers_begin_skip_and_help, .timeout = 60)
{
	struct rf r;

	rf_new(&r);
	rf_start(&r, 24, 80, NULL);
	rf_select(&r, "Sample lesson");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "A short practice lesson used by the tests.");
	/* Skip this lesson: back to the list, nothing recorded. */
	rf_key(&r, "2");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Sample lesson");
	cr_expect(vt_wait_gone(r.vt, "Before you start", 2000));
	cr_expect_null(rf_progress(&r), "skipping saved something");
	/* Get help first, then begin. */
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Before you start");
	rf_key(&r, VT_KEY_DOWN);
	rf_key(&r, VT_KEY_DOWN);
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Get help");
	rf_key(&r, "q");
	RF_SEE(&r, "Before you start");
	rf_key(&r, "1");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "First page");
	rf_key(&r, "x");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	rf_stop(&r);
	rf_cleanup(&r);
}

Test(redflags, no_color_sends_no_colour_sequence_anywhere, .timeout = 90)
{
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(places); i++) {
		struct rf r;
		const char *out;
		size_t len;

		rf_new(&r);
		rf_start(&r, 24, 80, "NO_COLOR=1");
		rf_go(&r, &places[i]);
		rf_key(&r, "h");
		RF_SEE(&r, "Get help");
		out = vt_output(r.vt, &len);
		cr_expect_not(sets_colour(out, len), "%s: a colour sequence "
		    "with NO_COLOR", places[i].name);
		rf_key(&r, "x");
		vt_wait_exit(r.vt, 5000);
		rf_stop(&r);
		rf_cleanup(&r);
	}
	{
		/* And the check can fail: without NO_COLOR there is colour. */
		struct rf r;
		const char *out;
		size_t len;

		rf_new(&r);
		rf_start(&r, 24, 80, NULL);
		out = vt_output(r.vt, &len);
		cr_expect(sets_colour(out, len), "no colour without NO_COLOR");
		rf_key(&r, "x");
		vt_wait_exit(r.vt, 5000);
		rf_stop(&r);
		rf_cleanup(&r);
	}
}

Test(redflags, a_tiny_terminal_says_so_and_still_leaves_cleanly,
    .timeout = 60)
{
	static const int sizes[][2] = { { 5, 20 }, { 2, 10 }, { 1, 1 } };
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(sizes); i++) {
		struct rf r;
		const char *bin = getenv("REDFLAGS_BIN");
		char *argv[] = { (char *)bin, "--lessons", "data/e2e", NULL };
		int st;

		rf_new(&r);
		rf_env(&r, NULL);
		r.vt = vt_spawn(sizes[i][0], sizes[i][1], argv, r.env);
		cr_assert_not_null(r.vt);
		if (sizes[i][1] >= 20)
			cr_expect(vt_wait_text(r.vt, "The window", 5000),
			    "%dx%d:\n%s", sizes[i][1], sizes[i][0],
			    vt_screen_text(r.vt));
		else
			vt_wait_quiet(r.vt, 200, 2000);
		rf_key(&r, "x");
		st = vt_wait_exit(r.vt, 5000);
		cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		    "%dx%d: status %d", sizes[i][1], sizes[i][0], st);
		cr_expect(vt_termios_sane(r.vt));
		rf_stop(&r);
		rf_cleanup(&r);
	}
}

Test(redflags, high_contrast_uses_no_dim_and_no_colour, .timeout = 60)
{
	struct rf r;
	const char *bin = getenv("REDFLAGS_BIN");
	char *argv[] = { (char *)bin, "--lessons", "data/e2e",
	    "--high-contrast", NULL };
	const char *out;
	size_t len;

	rf_new(&r);
	rf_env(&r, NULL);
	r.vt = vt_spawn(24, 80, argv, r.env);
	cr_assert_not_null(r.vt);
	RF_SEE(&r, "Sample lesson");
	rf_select(&r, "Sample lesson");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Before you start");
	out = vt_output(r.vt, &len);
	cr_expect_not(sets_colour(out, len));
	cr_expect_not(vt_output_contains(r.vt, "\033[2m"), "dim text");
	rf_key(&r, "x");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	rf_stop(&r);
	rf_cleanup(&r);
}

Test(redflags, the_cursor_sits_on_the_selected_item, .timeout = 60)
{
	struct rf r;
	int row, col, crow, ccol;

	rf_new(&r);
	rf_start(&r, 24, 80, NULL);
	rf_select(&r, "Sample lesson");
	cr_assert(vt_find_text(r.vt, "Sample lesson", &row, &col));
	vt_cursor(r.vt, &crow, &ccol);
	cr_expect_eq(crow, row, "cursor on row %d, selection on %d", crow,
	    row);
	cr_expect(vt_cursor_visible(r.vt));
	rf_key(&r, "x");
	vt_wait_exit(r.vt, 5000);
	rf_stop(&r);
	rf_cleanup(&r);
}

Test(redflags, the_help_follows_the_locale_and_country_option, .timeout = 60)
{
	static const struct {
		const char *env;	/* replaces LC_ALL=C.UTF-8 */
		const char *country;	/* --country, or NULL */
		const char *shows;
	} cases[] = {
		{ "LC_ALL=en_GB.UTF-8", NULL, "Childline" },
		{ "LC_ALL=C.UTF-8", "US", "CyberTipline" },
		{ "LC_ALL=C.UTF-8", "uk", "Childline" },
		{ "LC_ALL=es_MX.UTF-8", NULL, "México" },
		{ "LC_ALL=C.UTF-8", NULL, "International" },
	};
	size_t i;

	for (i = 0; i < RF_ARRAY_LEN(cases); i++) {
		struct rf r;
		const char *bin = getenv("REDFLAGS_BIN");
		char *argv[] = { (char *)bin, "--lessons", "data/e2e",
		    "--country", (char *)cases[i].country, NULL };

		if (cases[i].country == NULL)
			argv[3] = NULL;
		rf_new(&r);
		rf_env(&r, NULL);
		free(r.env[1]);
		r.env[1] = xstrdup(cases[i].env);
		r.vt = vt_spawn(24, 80, argv, r.env);
		cr_assert_not_null(r.vt);
		RF_SEE(&r, "5 min");	/* the list is up, in any language */
		rf_key(&r, "h");
		cr_expect(vt_wait_text(r.vt, cases[i].shows, 3000),
		    "%s %s: '%s' not shown:\n%s", cases[i].env,
		    cases[i].country ? cases[i].country : "", cases[i].shows,
		    vt_screen_text(r.vt));
		rf_key(&r, "x");
		vt_wait_exit(r.vt, 5000);
		rf_stop(&r);
		rf_cleanup(&r);
	}
}

/*
 * Plain mode through the real binary, as a script would use it: answers
 * piped in, the text read back, no terminal at all.
 */
static char *
rf_pipe_run(struct rf *r, char *const argv[], const char *input, int *status)
{
	int in[2], out[2];
	pid_t pid;
	struct buf b;
	char chunk[4096];
	ssize_t n;
	size_t len = strlen(input), done = 0;

	rf_env(r, NULL);
	cr_assert_eq(pipe(in), 0);
	cr_assert_eq(pipe(out), 0);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(out[1], 2);
		close(in[1]);
		close(out[0]);
		execve(argv[0], argv, r->env);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	while (done < len) {
		n = write(in[1], input + done, len - done);
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	close(in[1]);
	buf_init(&b);
	buf_add(&b, "", 0);
	while ((n = read(out[0], chunk, sizeof chunk)) > 0)
		buf_add(&b, chunk, (size_t)n);
	close(out[0]);
	waitpid(pid, status, 0);
	rf_env_free(r);
	return buf_steal(&b);
}

/* The number plain mode gives a lesson in its list. */
static int
rf_plain_number(struct rf *r, char *const argv[], const char *title)
{
	char *out, *want = xasprintf(". %s", title), *at;
	int st, n;

	out = rf_pipe_run(r, argv, "q\n", &st);
	at = strstr(out, want);
	cr_assert_not_null(at, "no '%s' in:\n%s", title, out);
	while (at > out && at[-1] >= '0' && at[-1] <= '9')
		at--;
	n = atoi(at);
	free(out);
	free(want);
	return n;
}

Test(redflags, plain_mode_plays_a_whole_lesson_from_piped_answers,
    .timeout = 60)
{
	struct rf r;
	const char *bin = getenv("REDFLAGS_BIN");
	char *argv[] = { (char *)bin, "--lessons", "data/e2e", NULL };
	char *out, *progress;
	int st;

	rf_new(&r);
	/* Sample lesson, begin, page, choice 2, tf false, multi 1 3, the
	 * summary, then quit. */
	{
		char input[64];

		snprintf(input, sizeof input,
		    "%d\n1\n\n2\n\nfalse\n\n1 3\n\n\nq\n",
		    rf_plain_number(&r, argv, "Sample lesson"));
		out = rf_pipe_run(&r, argv, input, &st);
	}
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %d", st);
	cr_expect(strstr(out, "This is redflags in plain mode") != NULL, "%s",
	    out);
	cr_expect(strstr(out, "\033") == NULL, "an escape sequence in plain "
	    "mode");
	cr_expect(strstr(out, "Which answer is right?") != NULL);
	cr_expect(strstr(out, "Yes, this one is right.") != NULL);
	cr_expect(strstr(out, "The sky is usually blue.") != NULL);
	cr_expect(strstr(out, "Secrecy is a red flag.") != NULL);
	cr_expect(strstr(out, "You got 3 of 3 questions right the first "
	    "time.") != NULL, "%s", out);
	free(out);
	progress = rf_progress(&r);
	cr_assert_not_null(progress, "plain mode saved nothing");
	cr_expect(strstr(progress, "e2e-sample\tfinished\t0\t4\t3\t3\t1\t") !=
	    NULL, "%s", progress);
	free(progress);
	rf_cleanup(&r);
}

Test(redflags, plain_mode_is_used_when_term_is_dumb, .timeout = 60)
{
	struct rf r;
	const char *bin = getenv("REDFLAGS_BIN");
	char *argv[] = { (char *)bin, "--lessons", "data/e2e", NULL };
	const char *out;
	size_t len;

	rf_new(&r);
	rf_env(&r, NULL);
	free(r.env[0]);
	r.env[0] = xstrdup("TERM=dumb");
	r.vt = vt_spawn(24, 80, argv, r.env);
	cr_assert_not_null(r.vt);
	RF_SEE(&r, "plain mode");
	rf_key(&r, "h\r");
	RF_SEE(&r, "Emergency");
	rf_key(&r, "x\r");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	out = vt_output(r.vt, &len);
	cr_expect_not(vt_altscreen_active(r.vt));
	cr_expect(strstr(out, "\033[?1049h") == NULL, "curses started");
	rf_stop(&r);
	rf_cleanup(&r);
}

Test(redflags, a_page_can_show_the_help_in_both_interfaces, .timeout = 60)
{
	struct rf r;
	const char *bin = getenv("REDFLAGS_BIN");
	char *argv[] = { (char *)bin, "--lessons", "data/e2e", "--country",
	    "GB", NULL };
	char *out;
	int st;

	rf_new(&r);
	rf_env(&r, NULL);
	r.vt = vt_spawn(24, 80, argv, r.env);
	cr_assert_not_null(r.vt);
	rf_select(&r, "Help page lesson");
	rf_key(&r, VT_KEY_ENTER);
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Here is who can help.");
	RF_SEE(&r, "Talk to someone you trust");
	rf_key(&r, VT_KEY_PGDN);
	rf_key(&r, VT_KEY_PGDN);
	RF_SEE(&r, "Childline");
	rf_key(&r, "x");
	vt_wait_exit(r.vt, 5000);
	rf_stop(&r);

	/* The same page in plain mode. */
	{
		char input[32];

		snprintf(input, sizeof input, "%d\n1\n",
		    rf_plain_number(&r, argv, "Help page lesson"));
		out = rf_pipe_run(&r, argv, input, &st);
	}
	cr_expect(strstr(out, "Here is who can help.") != NULL, "%s", out);
	cr_expect(strstr(out, "Childline") != NULL, "%s", out);
	free(out);
	rf_cleanup(&r);
}

Test(redflags, the_settings_file_chooses_the_country, .timeout = 60)
{
	struct rf r;
	char *dir, *path;
	FILE *f;

	rf_new(&r);
	dir = xasprintf("%s/.config/redflags", r.home);
	cr_assert_eq(paths_mkdir_p(dir, 0700), 0);
	path = xasprintf("%s/config.yaml", dir);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("country: US\n", f);
	fclose(f);
	rf_start(&r, 24, 80, NULL);
	rf_key(&r, "h");
	RF_SEE(&r, "United States");
	RF_SEE(&r, "CyberTipline");
	rf_key(&r, "x");
	vt_wait_exit(r.vt, 5000);
	rf_stop(&r);
	free(path);
	free(dir);
	rf_cleanup(&r);
}

Test(redflags, preview_opens_a_lesson_at_a_step_and_reloads_it, .timeout = 60)
{
	struct rf r;
	const char *bin = getenv("REDFLAGS_BIN");
	char *file, *data, *edited, *argv[6];
	size_t len;
	FILE *f;

	rf_new(&r);
	file = xasprintf("%s/lesson.yaml", r.home);
	cr_assert_eq(read_file("data/e2e/en/sample.yaml", 1 << 20, &data,
	    &len), 0);
	f = fopen(file, "w");
	cr_assert_not_null(f);
	fputs(data, f);
	fclose(f);
	argv[0] = (char *)bin;
	argv[1] = "preview";
	argv[2] = file;
	argv[3] = "--step";
	argv[4] = "tf";
	argv[5] = NULL;
	rf_env(&r, NULL);
	r.vt = vt_spawn(24, 80, argv, r.env);
	cr_assert_not_null(r.vt);
	RF_SEE(&r, "The sky is green.");	/* straight to --step tf */
	RF_SEE(&r, "preview");
	RF_SEE(&r, "r reload");
	/* Edit the file, as an author in another window would. */
	edited = xstrdup(data);
	{
		char *at = strstr(edited, "The sky is green.");

		cr_assert_not_null(at);
		memcpy(at, "The sea is green.", 17);
	}
	f = fopen(file, "w");
	fputs(edited, f);
	fclose(f);
	rf_key(&r, "r");
	RF_SEE(&r, "The sea is green.");
	RF_SEE(&r, "Reloaded.");
	/* A broken file keeps the lesson and says where it is wrong. */
	f = fopen(file, "w");
	fputs("id: broken\ntitel: x\n", f);
	fclose(f);
	rf_key(&r, "r");
	RF_SEE(&r, "unknown key 'titel'");
	RF_SEE(&r, "The sea is green.");
	rf_key(&r, "q");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0, "a preview ends with its "
	    "lesson");
	cr_expect_null(rf_progress(&r), "a preview saves no progress");
	rf_stop(&r);
	free(edited);
	free(data);
	free(file);
	rf_cleanup(&r);
}

Test(redflags, the_interface_and_lessons_are_in_spanish, .timeout = 90)
{
	static const char *const ways[][2] = {
		{ "LANGUAGE=es", NULL },	/* with LC_ALL=C.UTF-8 */
		{ NULL, "es" },			/* --lang es */
	};
	size_t w;

	for (w = 0; w < RF_ARRAY_LEN(ways); w++) {
		struct rf r;
		const char *bin = getenv("REDFLAGS_BIN");
		char *argv[] = { (char *)bin, "--lessons", "data/e2e", "--lang",
		    (char *)ways[w][1], NULL };
		char *footer;

		if (ways[w][1] == NULL)
			argv[3] = NULL;
		rf_new(&r);
		rf_env(&r, ways[w][0]);
		r.vt = vt_spawn(24, 80, argv, r.env);
		cr_assert_not_null(r.vt);
		RF_SEE(&r, "Pulsa h en cualquier momento");
		RF_SEE(&r, "Lección de ejemplo");
		/* An untranslated lesson is there, in English, and says so. */
		RF_SEE(&r, "Interactive steps (en inglés)");
		footer = vt_row(r.vt, 23);
		cr_expect(strstr(footer, "x salida rápida") != NULL &&
		    strstr(footer, "h ayuda") != NULL, "footer: %s", footer);
		free(footer);
		rf_select(&r, "Lección de ejemplo");
		rf_key(&r, VT_KEY_ENTER);
		RF_SEE(&r, "Una lección corta de práctica");
		rf_key(&r, VT_KEY_ENTER);
		rf_key(&r, VT_KEY_ENTER);
		RF_SEE(&r, "¿Qué respuesta es la correcta?");
		rf_key(&r, "2");
		rf_key(&r, VT_KEY_ENTER);
		RF_SEE(&r, "Sí, esta es la correcta.");
		footer = vt_row(r.vt, 23);
		cr_expect(strstr(footer, "x salida rápida") != NULL,
		    "footer: %s", footer);
		free(footer);
		rf_key(&r, "x");
		cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
		rf_stop(&r);
		rf_cleanup(&r);
	}
}

Test(redflags, class_mode_reveals_answers_and_saves_nothing, .timeout = 60)
{
	struct rf r;
	const char *bin = getenv("REDFLAGS_BIN");
	char *argv[] = { (char *)bin, "--lessons", "data/e2e", "class",
	    "e2e-sample", NULL };

	rf_new(&r);
	rf_env(&r, NULL);
	r.vt = vt_spawn(24, 80, argv, r.env);
	cr_assert_not_null(r.vt);
	RF_SEE(&r, "class mode");
	RF_SEE(&r, "Before you start");	/* straight into the lesson */
	rf_key(&r, VT_KEY_ENTER);
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Which answer is right?");
	RF_SEE(&r, "press Enter to show the answer");
	cr_expect_not(vt_find_text(r.vt, "Yes, this one is right.", NULL,
	    NULL), "the answer is shown before the class has talked");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "The answer");
	RF_SEE(&r, "Yes, this one is right.");
	RF_SEE(&r, "This one is wrong because it is the first.");
	RF_SEE(&r, "For discussion");
	RF_SEE(&r, "Why might someone choose the first answer?");
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "The sky is green.");
	rf_key(&r, "h");
	RF_SEE(&r, "Get help");
	rf_key(&r, "q");
	RF_SEE(&r, "The sky is green.");
	rf_key(&r, "q");		/* the class ends with its lesson */
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	rf_stop(&r);
	cr_expect_null(rf_progress(&r), "class mode saved something");
	rf_cleanup(&r);
}

Test(redflags, a_finished_lesson_leaves_an_anonymous_class_record,
    .timeout = 60)
{
	struct rf r;
	char *cfg, *res, *path, **names, *data, *out;
	const char *bin = getenv("REDFLAGS_BIN");
	char *argv[] = { (char *)bin, "report", NULL, NULL };
	size_t n, len;
	FILE *f;
	int st;

	rf_new(&r);
	cfg = xasprintf("%s/.config/redflags", r.home);
	res = xasprintf("%s/results", r.home);
	cr_assert_eq(paths_mkdir_p(cfg, 0700), 0);
	cr_assert_eq(paths_mkdir_p(res, 0700), 0);
	path = xasprintf("%s/config.yaml", cfg);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fprintf(f, "results: %s\nclass: 7B\n", res);
	fclose(f);
	rf_start(&r, 24, 80, NULL);
	rf_open_sample(&r);
	rf_key(&r, VT_KEY_ENTER);		/* begin */
	rf_key(&r, VT_KEY_ENTER);		/* page */
	rf_key(&r, "1");			/* choice: wrong */
	rf_key(&r, VT_KEY_ENTER);
	rf_key(&r, VT_KEY_ENTER);
	rf_key(&r, "s");			/* skip the true/false */
	rf_key(&r, VT_KEY_SPACE);		/* multi: option 1 only */
	rf_key(&r, VT_KEY_ENTER);
	rf_key(&r, VT_KEY_ENTER);
	RF_SEE(&r, "Lesson complete");
	rf_key(&r, "x");
	vt_wait_exit(r.vt, 5000);
	rf_stop(&r);

	names = paths_list_dir(res, &n);
	cr_assert_eq(n, 1, "%zu records", n);
	free(path);
	path = xasprintf("%s/%s", res, names[0]);
	cr_assert_eq(read_file(path, 1 << 20, &data, &len), 0);
	cr_expect(strstr(data, "lesson\te2e-sample\n") != NULL, "%s", data);
	cr_expect(strstr(data, "class\t7B\n") != NULL, "%s", data);
	cr_expect(strstr(data, "step\tfirst-choice\tchoice\tw\t1\n") != NULL,
	    "%s", data);
	cr_expect(strstr(data, "step\ttf\ttruefalse\ts\t?\n") != NULL, "%s",
	    data);
	/* Anonymous: nothing of the student or the machine. */
	cr_expect(strstr(data, r.home) == NULL, "%s", data);
	cr_expect(strstr(data, "home") == NULL && strstr(data, "user") == NULL,
	    "%s", data);
	paths_free_list(names);
	free(data);

	/* And the teacher's report reads it. */
	argv[2] = res;
	out = rf_pipe_run(&r, argv, "", &st);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s", out);
	cr_expect(strstr(out, "e2e-sample: 1 finished") != NULL, "%s", out);
	cr_expect(strstr(out, "first-choice (choice): 0 of 1 right the first "
	    "time") != NULL, "%s", out);
	free(out);
	free(path);
	free(cfg);
	free(res);
	rf_cleanup(&r);
}

Test(redflags, the_settings_choose_the_language, .timeout = 60)
{
	struct rf r;
	char *dir, *path;
	FILE *f;

	rf_new(&r);
	dir = xasprintf("%s/.config/redflags", r.home);
	cr_assert_eq(paths_mkdir_p(dir, 0700), 0);
	path = xasprintf("%s/config.yaml", dir);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("language: es\n", f);
	fclose(f);
	rf_start(&r, 24, 80, NULL);
	RF_SEE(&r, "Lección de ejemplo");
	RF_SEE(&r, "x salida rápida");
	rf_key(&r, "x");
	vt_wait_exit(r.vt, 5000);
	rf_stop(&r);
	free(path);
	free(dir);
	rf_cleanup(&r);
}

/* bench/'s hook: each key's own time, from reading it to its redraw. */
Test(redflags, key_times_are_written_when_asked, .timeout = 60)
{
	struct rf r;
	char *extra, *path, *data, *line, *save = NULL;
	size_t len;
	int n = 0;

	rf_new(&r);
	path = xasprintf("%s/key-times", r.home);
	extra = xasprintf("REDFLAGS_KEY_TIMES=%s", path);
	rf_start(&r, 24, 80, extra);
	RF_SEE(&r, "Sample lesson");
	rf_key(&r, VT_KEY_DOWN);
	rf_key(&r, VT_KEY_DOWN);
	rf_key(&r, VT_KEY_UP);
	rf_key(&r, "q");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	cr_assert_eq(read_file(path, 1 << 16, &data, &len), 0, "%s", path);
	for (line = strtok_r(data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		double us = strtod(line, NULL);

		cr_expect(us > 0 && us < 5e6, "%s", line);
		n++;
	}
	/* Three moves; the quit key ends the program before a redraw. */
	cr_expect_eq(n, 3, "%d times", n);
	free(data);
	free(path);
	free(extra);
	rf_stop(&r);
	rf_cleanup(&r);

	/* Without the variable, nothing is written. */
	rf_new(&r);
	path = xasprintf("%s/key-times", r.home);
	rf_start(&r, 24, 80, NULL);
	rf_key(&r, VT_KEY_DOWN);
	rf_key(&r, "q");
	cr_expect_eq(vt_wait_exit(r.vt, 5000), 0);
	cr_expect_neq(access(path, F_OK), 0);
	free(path);
	rf_stop(&r);
	rf_cleanup(&r);
}

/* Plain mode says the same of a lesson that will not open, and goes on. */
Test(redflags, plain_mode_says_why_a_lesson_will_not_open, .timeout = 60)
{
	struct rf r;
	const char *bin = getenv("REDFLAGS_BIN");
	char *argv[] = { (char *)bin, "--plain", "--lessons", "data/e2e-broken",
	    NULL };
	char *out;
	int st;

	rf_new(&r);
	out = rf_pipe_run(&r, argv, "1\nq\n", &st);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%#x", st);
	cr_expect(strstr(out, "This lesson could not be opened") != NULL,
	    "%s", out);
	cr_expect(strstr(out, "broken.yaml:11:7") != NULL, "%s", out);
	/* Back at the list afterwards, not in the lesson. */
	cr_expect(strstr(out, "Before you start") == NULL, "%s", out);
	cr_expect(strstr(strstr(out, "could not be opened") ?
	    strstr(out, "could not be opened") : out, "Type a lesson number")
	    != NULL, "%s", out);
	free(out);
	rf_cleanup(&r);
}
