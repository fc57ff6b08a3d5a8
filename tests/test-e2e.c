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
