/*
 * tests/test-env.c - the environments a school lab has, end to end: the
 * real binary in a pseudo-terminal (tests/vt.h), with a read-only home,
 * missing or unwritable XDG folders, no HOME, two copies at once, a
 * non-UTF-8 locale, the terminal types labs use, and the program itself
 * under valgrind.  Each test says what a student would see and checks
 * what ends up on disk.
 *
 * CI runs as root, and root ignores permission bits: a read-only folder
 * is tested by running the program as the user 'nobody' (setpriv), the
 * way a student's own account would meet it.  Where that is impossible
 * the test uses a folder that cannot exist for anyone (a path under a
 * regular file) or is skipped with the reason.
 */
#include <criterion/criterion.h>

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "vt.h"

/* The sample fixture lesson after one right answer (docs/progress-format.md). */
#define SAMPLE_STARTED "e2e-sample\tstarted\t2\t4\t1\t"
#define POINTER "\xe2\x96\xb8"	/* ▸ */

/* How the program is run: as we are, or as 'nobody'. */
enum who { AS_US, AS_NOBODY };

struct env {
	struct vt *vt;
	char tmp[64];		/* a fresh folder, removed at the end */
	char *env[24];
	int n;
	enum who who;
};

static void
env_add(struct env *e, const char *fmt, ...)
{
	va_list ap;
	char *s;

	cr_assert_lt(e->n, 22, "too many variables");
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	e->env[e->n++] = s;
	e->env[e->n] = NULL;
}

/*
 * A fresh folder and the variables every run has: the fixture lessons
 * only, and no system lesson folders.  HOME and the XDG variables are
 * each test's own.
 */
static void
env_new(struct env *e, const char *term, const char *lc_all)
{
	memset(e, 0, sizeof *e);
	strcpy(e->tmp, "/tmp/redflags-env-XXXXXX");
	cr_assert_not_null(mkdtemp(e->tmp));
	/* 'nobody' must be able to reach the folders made inside it. */
	cr_assert_eq(chmod(e->tmp, 0755), 0);
	env_add(e, "TERM=%s", term);
	if (lc_all != NULL)
		env_add(e, "LC_ALL=%s", lc_all);
	env_add(e, "PATH=/usr/bin:/bin");
	env_add(e, "XDG_DATA_DIRS=%s/none", e->tmp);
	env_add(e, "REDFLAGS_ONLY_LESSONS=1");
	env_add(e, "REDFLAGS_SYSTEM_CONFIG=%s/none.yaml", e->tmp);
}

static void
env_free(struct env *e)
{
	char *cmd;
	int i, rc;

	vt_free(e->vt);
	e->vt = NULL;
	for (i = 0; i < e->n; i++)
		free(e->env[i]);
	e->n = 0;
	/* Folders made read-only must be writable again to be removed. */
	cmd = xasprintf("chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'",
	    e->tmp, e->tmp);
	rc = system(cmd);
	(void)rc;
	free(cmd);
}

/* Whether setpriv can run a program as 'nobody' here. */
static bool
can_become_nobody(void)
{
	struct passwd *pw = getpwnam("nobody");
	char *cmd;
	bool ok;

	if (geteuid() != 0 || pw == NULL)
		return false;
	cmd = xasprintf("setpriv --reuid=%u --regid=%u --clear-groups true "
	    ">/dev/null 2>&1", (unsigned)pw->pw_uid, (unsigned)pw->pw_gid);
	ok = system(cmd) == 0;
	free(cmd);
	return ok;
}

/*
 * Who can meet a read-only folder: we, when we are not root; 'nobody'
 * when we are root and may become it.  false: root and stuck as root.
 */
static bool
pick_student(struct env *e)
{
	if (geteuid() != 0) {
		e->who = AS_US;
		return true;
	}
	e->who = AS_NOBODY;
	return can_become_nobody();
}

/* Give a folder to whoever runs the program. */
static void
env_own(struct env *e, const char *path)
{
	if (e->who == AS_NOBODY) {
		struct passwd *pw = getpwnam("nobody");

		cr_assert_not_null(pw);
		cr_assert_eq(chown(path, pw->pw_uid, pw->pw_gid), 0, "%s: %s",
		    path, strerror(errno));
	}
}

static char *
env_path(struct env *e, const char *rel)
{
	return xasprintf("%s/%s", e->tmp, rel);
}

static void
env_mkdir(struct env *e, const char *rel, mode_t mode)
{
	char *p = env_path(e, rel);

	cr_assert_eq(mkdir(p, 0755), 0, "%s: %s", p, strerror(errno));
	env_own(e, p);
	cr_assert_eq(chmod(p, mode), 0);
	free(p);
}

/* Start redflags with the fixture lessons, plus 'extra' arguments. */
static void
env_spawn_args(struct env *e, int rows, int cols, const char *const *pre)
{
	const char *bin = getenv("REDFLAGS_BIN");
	char *argv[16], ids[2][32];
	int n = 0;

	cr_assert_not_null(bin, "REDFLAGS_BIN is not set (run through meson)");
	if (e->who == AS_NOBODY) {
		struct passwd *pw = getpwnam("nobody");

		cr_assert_not_null(pw);
		snprintf(ids[0], sizeof ids[0], "--reuid=%u",
		    (unsigned)pw->pw_uid);
		snprintf(ids[1], sizeof ids[1], "--regid=%u",
		    (unsigned)pw->pw_gid);
		argv[n++] = "/usr/bin/setpriv";
		argv[n++] = ids[0];
		argv[n++] = ids[1];
		argv[n++] = "--clear-groups";
	}
	for (; pre != NULL && *pre != NULL; pre++)
		argv[n++] = (char *)*pre;
	argv[n++] = (char *)bin;
	argv[n++] = "--lessons";
	argv[n++] = "data/e2e";
	argv[n] = NULL;
	e->vt = vt_spawn(rows, cols, argv, e->env);
	cr_assert_not_null(e->vt, "vt_spawn: %s", strerror(errno));
}

static void
env_spawn(struct env *e)
{
	env_spawn_args(e, 24, 80, NULL);
}

#define SEE(e, text) \
	cr_assert(vt_wait_text((e)->vt, (text), 5000), \
	    "'%s' not on the screen:\n%s", (text), vt_screen_text((e)->vt))

#define NOT_SEE(e, text) \
	cr_assert_not(vt_find_text((e)->vt, (text), NULL, NULL), \
	    "'%s' on the screen:\n%s", (text), vt_screen_text((e)->vt))

static void
key(struct env *e, const char *k)
{
	cr_assert(vt_send(e->vt, k), "the program stopped reading keys");
	vt_wait_quiet(e->vt, 30, 1000);
}

/* Move the home screen's pointer onto 'title'; 'pointer' is its mark. */
static void
select_lesson(struct env *e, const char *title, const char *pointer)
{
	int i, row, col;

	for (i = 0; i < 20; i++) {
		char *line;
		bool here;

		SEE(e, title);
		cr_assert(vt_find_text(e->vt, title, &row, &col));
		line = vt_row(e->vt, row);
		here = strncmp(line, "  ", 2) == 0 &&
		    strncmp(line + 2, pointer, strlen(pointer)) == 0;
		free(line);
		if (here)
			return;
		key(e, VT_KEY_DOWN);
	}
	cr_assert_fail("could not select %s:\n%s", title,
	    vt_screen_text(e->vt));
}

/* Open the sample lesson and answer its first question right. */
static void
play_sample(struct env *e, const char *pointer)
{
	select_lesson(e, "Sample lesson", pointer);
	key(e, VT_KEY_ENTER);
	SEE(e, "Before you start");
	key(e, VT_KEY_ENTER);
	SEE(e, "First page");
	key(e, VT_KEY_ENTER);
	SEE(e, "Which answer is right?");
	key(e, "2");
	key(e, VT_KEY_ENTER);
	SEE(e, "Right.");
}

/* Back to the list, quit, and see the terminal given back. */
static void
quit_and_check_terminal(struct env *e)
{
	int st;

	key(e, "q");
	SEE(e, "Sample lesson");
	key(e, "q");
	st = vt_wait_exit(e->vt, 5000);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %#x", st);
	cr_expect(vt_termios_sane(e->vt), "terminal left raw");
	cr_expect(vt_left_altscreen(e->vt), "alternate screen kept");
	cr_expect_not(vt_altscreen_active(e->vt));
}

static char *
slurp(const char *path)
{
	char *data = NULL;
	size_t len;

	if (read_file(path, 1 << 20, &data, &len) != 0)
		return NULL;
	return data;
}

/* Names in a folder, "." files too (-1 if it cannot be read). */
static int
count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static bool
exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/*
 * The lesson plays, saving is said to be off (top right and in words,
 * with the folder it would use), quitting gives the terminal back, and the
 * same words are left on the normal screen for the teacher.
 */
static void
check_unsaved_run(struct env *e, const char *folder, const char *reason)
{
	/* The path is one word, so it is never wrapped. */
	char *want = xasprintf("%s.", folder);

	SEE(e, "progress not saved");
	SEE(e, "Your progress cannot be saved on this computer");
	SEE(e, reason);
	SEE(e, "A teacher can check the folder");
	SEE(e, want);
	/* Nothing promises what cannot be kept. */
	cr_expect_not(vt_find_text(e->vt, "your progress is kept", NULL, NULL),
	    "the first screen promises progress is kept:\n%s",
	    vt_screen_text(e->vt));
	play_sample(e, POINTER);
	quit_and_check_terminal(e);
	cr_expect(vt_wait_text(e->vt, "redflags: Your progress cannot be "
	    "saved", 0), "nothing said after quitting:\n%s",
	    vt_screen_text(e->vt));
	free(want);
}

/* ------------------------------------------------------------------ */

Test(env, read_only_home, .timeout = 90)
{
	struct env e;
	char *home, *folder;

	env_new(&e, "xterm-256color", "C.UTF-8");
	if (!pick_student(&e)) {
		env_free(&e);
		cr_skip_test("root here cannot become 'nobody' (setpriv), and "
		    "root writes into a read-only folder anyway");
	}
	/* The student's own home, made read-only (0555). */
	env_mkdir(&e, "home", 0555);
	home = env_path(&e, "home");
	env_add(&e, "HOME=%s", home);
	folder = xasprintf("%s/.local/share/redflags", home);
	env_spawn(&e);
	check_unsaved_run(&e, folder, "(Permission denied)");
	/* Nothing was written anywhere in it. */
	cr_expect_eq(count_entries(home), 0, "the read-only home changed");
	free(folder);
	free(home);
	env_free(&e);
}

Test(env, home_that_is_not_a_folder_even_for_root, .timeout = 90)
{
	struct env e;
	char *home, *folder;
	FILE *f;

	/* Works the same as root: nobody can make folders under a file. */
	env_new(&e, "xterm-256color", "C.UTF-8");
	home = env_path(&e, "home");
	f = fopen(home, "w");
	cr_assert_not_null(f);
	fclose(f);
	env_add(&e, "HOME=%s", home);
	folder = xasprintf("%s/.local/share/redflags", home);
	env_spawn(&e);
	check_unsaved_run(&e, folder, "(Not a directory)");
	free(folder);
	free(home);
	env_free(&e);
}

Test(env, missing_xdg_folders_are_created_or_left_alone, .timeout = 90)
{
	struct env e;
	char *data, *progress, *file, *config, *state, *home;
	struct stat st;

	env_new(&e, "xterm-256color", "C.UTF-8");
	env_mkdir(&e, "home", 0755);
	home = env_path(&e, "home");
	data = env_path(&e, "data/deeper/still");
	config = env_path(&e, "config/missing");
	state = env_path(&e, "state/missing");
	env_add(&e, "HOME=%s", home);
	env_add(&e, "XDG_DATA_HOME=%s", data);
	env_add(&e, "XDG_CONFIG_HOME=%s", config);
	env_add(&e, "XDG_STATE_HOME=%s", state);
	env_spawn(&e);
	SEE(&e, "Sample lesson");
	NOT_SEE(&e, "progress not saved");
	NOT_SEE(&e, "cannot be saved");
	play_sample(&e, POINTER);
	quit_and_check_terminal(&e);

	/* Progress goes to $XDG_DATA_HOME/redflags, made with its parents,
	 * private to the student. */
	progress = xasprintf("%s/redflags", data);
	cr_assert_eq(stat(progress, &st), 0, "%s was not made", progress);
	cr_expect(S_ISDIR(st.st_mode));
	cr_expect_eq(st.st_mode & 0777, 0700, "mode %o", st.st_mode & 0777);
	file = xasprintf("%s/progress", progress);
	free(progress);
	progress = slurp(file);
	cr_assert_not_null(progress, "no progress file in %s", file);
	cr_expect(strstr(progress, SAMPLE_STARTED) != NULL, "%s", progress);
	/* Settings are only read and state is not used: neither folder is
	 * made, and HOME's own data folder is not used instead. */
	cr_expect_not(exists(config), "%s was made", config);
	cr_expect_not(exists(state), "%s was made", state);
	cr_expect_eq(count_entries(home), 0, "HOME was written to");
	free(progress);
	free(file);
	free(data);
	free(config);
	free(state);
	free(home);
	env_free(&e);
}

Test(env, unwritable_xdg_folders_are_said_and_lessons_work, .timeout = 90)
{
	struct env e;
	char *data, *folder, *config, *home;
	const char *reason = "(Permission denied)";

	env_new(&e, "xterm-256color", "C.UTF-8");
	env_mkdir(&e, "home", 0755);
	home = env_path(&e, "home");
	if (pick_student(&e)) {
		env_mkdir(&e, "data", 0555);
		data = env_path(&e, "data");
	} else {
		/* Root stuck as root: the folder cannot exist instead. */
		FILE *f;

		data = env_path(&e, "file");
		f = fopen(data, "w");
		cr_assert_not_null(f);
		fclose(f);
		reason = "(Not a directory)";
	}
	/* Settings that cannot be read (0000) are no reason to stop. */
	env_mkdir(&e, "config", 0000);
	config = env_path(&e, "config");
	env_add(&e, "HOME=%s", home);
	env_add(&e, "XDG_DATA_HOME=%s", data);
	env_add(&e, "XDG_CONFIG_HOME=%s", config);
	env_add(&e, "XDG_STATE_HOME=%s/state-unused", e.tmp);
	folder = xasprintf("%s/redflags", data);
	env_spawn(&e);
	check_unsaved_run(&e, folder, reason);
	/* No silent fallback to HOME's folder, nothing in the data folder. */
	cr_expect_eq(count_entries(home), 0, "HOME was written to");
	cr_expect_not(exists(folder), "%s was made", folder);
	free(folder);
	free(config);
	free(data);
	free(home);
	env_free(&e);
}

Test(env, no_home_uses_the_account_home_from_the_password_database,
    .timeout = 90)
{
	struct env e;
	struct passwd *pw;
	char *folder;

	/*
	 * Without HOME (and XDG_*), the home folder comes from the password
	 * database, as a student would expect.  Run as 'nobody', whose home
	 * (/nonexistent on Debian) cannot be written: so nothing of ours is
	 * touched, and the notice names that folder.
	 */
	env_new(&e, "xterm-256color", "C.UTF-8");
	pw = getpwnam("nobody");
	if (!can_become_nobody() || pw == NULL) {
		env_free(&e);
		cr_skip_test("needs root that can become 'nobody' (setpriv), "
		    "so that the real home of whoever runs the tests is not "
		    "written to");
	}
	folder = xasprintf("%s/.local/share/redflags", pw->pw_dir);
	if (access(pw->pw_dir, F_OK) == 0) {
		free(folder);
		env_free(&e);
		cr_skip_test("the home of 'nobody' (%s) exists here",
		    pw->pw_dir);
	}
	e.who = AS_NOBODY;
	env_spawn(&e);
	check_unsaved_run(&e, folder, "(Permission denied)");
	cr_expect_not(exists(folder));
	free(folder);
	env_free(&e);
}

Test(env, two_copies_with_one_home_keep_both_lessons, .timeout = 120)
{
	struct env a, b;
	char *home, *file, *progress;
	int st;

	/* Two logins of one student: same HOME, each its own terminal. */
	env_new(&a, "xterm-256color", "C.UTF-8");
	env_mkdir(&a, "home", 0755);
	home = env_path(&a, "home");
	env_add(&a, "HOME=%s", home);
	memset(&b, 0, sizeof b);
	for (int i = 0; i < a.n; i++)
		env_add(&b, "%s", a.env[i]);
	env_spawn(&a);
	env_spawn(&b);
	SEE(&a, "Sample lesson");
	SEE(&b, "Interactive steps");

	/* Both answer before either saves. */
	play_sample(&a, POINTER);
	select_lesson(&b, "Interactive steps", POINTER);
	key(&b, VT_KEY_ENTER);
	SEE(&b, "Before you start");
	key(&b, VT_KEY_ENTER);
	SEE(&b, "gg you're good");
	key(&b, VT_KEY_ENTER);
	SEE(&b, "thanks lol");
	key(&b, VT_KEY_DOWN);
	SEE(&b, "add me on another app?");
	key(&b, VT_KEY_SPACE);
	SEE(&b, "1 message flagged.");
	key(&b, VT_KEY_DOWN);
	SEE(&b, "keep this between us ok?");
	key(&b, VT_KEY_SPACE);
	SEE(&b, "2 messages flagged.");
	key(&b, VT_KEY_ENTER);
	SEE(&b, "Right. You found 2 of 2 red flags.");

	/* A leaves first, then B, whose copy never read A's lesson. */
	quit_and_check_terminal(&a);
	key(&b, "q");
	SEE(&b, "Interactive steps");
	key(&b, "q");
	st = vt_wait_exit(b.vt, 5000);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %#x", st);
	cr_expect(vt_termios_sane(b.vt));

	file = xasprintf("%s/.local/share/redflags/progress", home);
	progress = slurp(file);
	cr_assert_not_null(progress, "no %s", file);
	cr_expect(strstr(progress, SAMPLE_STARTED) != NULL,
	    "the first copy's lesson was lost:\n%s", progress);
	cr_expect(strstr(progress, "\tinteractive\tstarted\t1\t3\t1\t") !=
	    NULL,
	    "the second copy's lesson was lost:\n%s", progress);
	free(progress);
	free(file);
	free(home);
	/* b.tmp is empty: only a's folder is removed. */
	for (int i = 0; i < b.n; i++)
		free(b.env[i]);
	vt_free(b.vt);
	env_free(&a);
}

/* ------------------------------------------------------------------ */
/* A locale that is not UTF-8. */

static void
check_ascii_home(struct env *e)
{
	char *rule;

	SEE(e, "Sample lesson");
	/* ASCII for the pointer, the rules and the arrows. */
	select_lesson(e, "Sample lesson", ">");
	rule = vt_row(e->vt, 1);
	cr_expect_eq(strspn(rule, "-"), 80, "rule: %s", rule);
	free(rule);
	SEE(e, "Up/Down move");
	cr_expect_not(vt_output_contains(e->vt, POINTER), "a UTF-8 pointer");
	cr_expect_not(vt_output_contains(e->vt, "\xe2\x94\x80"),
	    "a UTF-8 rule");
	cr_expect_not(vt_output_contains(e->vt, "\xe2\x86\x91"),
	    "a UTF-8 arrow");
}

Test(env, c_locale_warns_and_draws_in_ascii, .timeout = 90)
{
	struct env e;
	char *home;

	env_new(&e, "xterm-256color", "C");
	home = env_path(&e, "home");
	env_add(&e, "HOME=%s", home);
	env_spawn(&e);
	SEE(&e, "language setting (the locale) is");
	SEE(&e, "not UTF-8");
	SEE(&e, "LC_ALL=C.UTF-8");
	check_ascii_home(&e);
	/* Still usable: open a lesson, move, answer, quit. */
	key(&e, VT_KEY_ENTER);
	SEE(&e, "Before you start");
	SEE(&e, "  > 1. Begin");
	key(&e, VT_KEY_ENTER);
	SEE(&e, "First page");
	key(&e, VT_KEY_ENTER);
	key(&e, "2");
	key(&e, VT_KEY_ENTER);
	SEE(&e, "Right.");
	quit_and_check_terminal(&e);
	free(home);
	home = xasprintf("%s/home/.local/share/redflags/progress", e.tmp);
	{
		char *p = slurp(home);

		cr_assert_not_null(p, "progress not saved");
		cr_expect(strstr(p, SAMPLE_STARTED) != NULL, "%s", p);
		free(p);
	}
	free(home);
	env_free(&e);
}

Test(env, lang_unset_suggests_lang_and_spanish_says_it_too, .timeout = 90)
{
	struct env e;

	/* Nothing set at all, in Spanish through LANGUAGE. */
	env_new(&e, "xterm-256color", NULL);
	env_add(&e, "HOME=%s", e.tmp);
	env_add(&e, "LANGUAGE=es");
	env_spawn(&e);
	SEE(&e, "no es UTF-8");
	SEE(&e, "LANG=C.UTF-8");
	NOT_SEE(&e, "LC_ALL=");
	key(&e, "q");
	cr_expect_eq(vt_wait_exit(e.vt, 5000), 0);
	cr_expect(vt_termios_sane(e.vt));
	env_free(&e);
}

Test(env, a_utf8_locale_gives_no_warning, .timeout = 60)
{
	struct env e;

	env_new(&e, "xterm-256color", "C.UTF-8");
	env_add(&e, "HOME=%s", e.tmp);
	env_spawn(&e);
	SEE(&e, "Sample lesson");
	select_lesson(&e, "Sample lesson", POINTER);
	NOT_SEE(&e, "not UTF-8");
	key(&e, "q");
	cr_expect_eq(vt_wait_exit(e.vt, 5000), 0);
	env_free(&e);
}

Test(env, plain_mode_in_a_c_locale_warns_first, .timeout = 60)
{
	struct env e;

	env_new(&e, "dumb", "C");
	env_add(&e, "HOME=%s", e.tmp);
	env_spawn(&e);
	SEE(&e, "plain mode");
	SEE(&e, "redflags: This terminal's language setting");
	key(&e, "q\r");
	cr_expect_eq(vt_wait_exit(e.vt, 5000), 0);
	cr_expect_not(vt_output_contains(e.vt, "\033[?1049h"),
	    "curses started");
	env_free(&e);
}

/* ------------------------------------------------------------------ */
/* Terminal types. */

/*
 * Start, see the home screen, move the selection (visible without colour:
 * reverse video and the pointer), open a lesson, see its content note,
 * begin it, quick-exit with x, and see the terminal given back and wiped
 * and the lesson kept as started.
 */
static void
check_terminal(const char *term, bool colour, bool altscreen)
{
	struct env e;
	int row, col, st;
	struct vt_attrs at;
	char *line, *path, *progress;

	env_new(&e, term, "C.UTF-8");
	env_add(&e, "HOME=%s", e.tmp);
	env_spawn(&e);
	SEE(&e, "Sample lesson");
	SEE(&e, "quick exit");
	cr_expect_eq(vt_altscreen_active(e.vt), altscreen,
	    "%s: alternate screen %s", term, altscreen ? "off" : "on");

	/* The header is coloured only where the terminal has colour. */
	at = vt_cell_attrs(e.vt, 0, 1);
	cr_expect_eq(at.fg != VT_COLOR_DEFAULT, colour, "%s: header fg %d",
	    term, at.fg);

	select_lesson(&e, "Interactive steps", POINTER);
	cr_assert(vt_find_text(e.vt, "Interactive steps", &row, &col));
	cr_expect(vt_cell_reverse(e.vt, row, col), "%s: the selection is "
	    "not in reverse video", term);
	cr_assert(vt_find_text(e.vt, "Sample lesson", &row, &col));
	cr_expect_not(vt_cell_reverse(e.vt, row, col), "%s: an unselected "
	    "lesson is in reverse video", term);
	line = vt_row(e.vt, row);
	cr_expect(strstr(line, POINTER) == NULL, "%s: two pointers", term);
	free(line);

	key(&e, VT_KEY_ENTER);
	SEE(&e, "Before you start");
	SEE(&e, "Practice with a chat, a story and an ordering task.");
	key(&e, VT_KEY_ENTER);
	SEE(&e, "gg you're good");
	key(&e, "x");
	st = vt_wait_exit(e.vt, 5000);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s: status %#x",
	    term, st);
	cr_expect(vt_termios_sane(e.vt), "%s: terminal left raw", term);
	cr_expect_not(vt_altscreen_active(e.vt), "%s: still on the "
	    "alternate screen", term);
	if (altscreen)
		cr_expect(vt_left_altscreen(e.vt), "%s", term);
	cr_expect(vt_wait_gone(e.vt, "gg you're good", 1000),
	    "%s: the lesson is still on the screen:\n%s", term,
	    vt_screen_text(e.vt));
	cr_expect(vt_wait_gone(e.vt, "Sample lesson", 1000),
	    "%s: the list is still on the screen:\n%s", term,
	    vt_screen_text(e.vt));
	cr_expect(vt_cursor_visible(e.vt), "%s: the cursor stayed hidden",
	    term);
	/* Quick exit keeps the student's place, as the first screen says. */
	path = xasprintf("%s/.local/share/redflags/progress", e.tmp);
	progress = slurp(path);
	cr_assert_not_null(progress, "%s: nothing saved", term);
	cr_expect(strstr(progress, "\tinteractive\tstarted\t0\t3\t") != NULL,
	    "%s: %s", term, progress);
	free(progress);
	free(path);
	env_free(&e);
}

Test(term, linux, .timeout = 60)
{
	check_terminal("linux", true, false);
}

Test(term, screen, .timeout = 60)
{
	check_terminal("screen", true, true);
}

Test(term, vt100, .timeout = 60)
{
	check_terminal("vt100", false, false);
}

Test(term, xterm_256color, .timeout = 60)
{
	check_terminal("xterm-256color", true, true);
}

Test(term, unknown_type_falls_back_to_plain_mode, .timeout = 60)
{
	struct env e;

	env_new(&e, "no-such-terminal", "C.UTF-8");
	env_add(&e, "HOME=%s", e.tmp);
	env_spawn(&e);
	SEE(&e, "is not known here");
	SEE(&e, "plain mode");
	SEE(&e, "1. Sample lesson");
	key(&e, "x\r");
	cr_expect_eq(vt_wait_exit(e.vt, 5000), 0);
	cr_expect(vt_termios_sane(e.vt));
	env_free(&e);
}

/* ------------------------------------------------------------------ */
/* The program itself under valgrind. */

#define VALGRIND "/usr/bin/valgrind"

static void
need_valgrind(void)
{
#ifdef RF_SANITIZED
	cr_skip_test("a sanitizer build: valgrind cannot run it");
#endif
	if (access(VALGRIND, X_OK) != 0)
		cr_skip_test("valgrind is not installed (apt-get install "
		    "valgrind)");
}

/* The valgrind log, for a failing test. */
static char *
vg_log(struct env *e)
{
	char *path = env_path(e, "valgrind.log"), *s = slurp(path);

	free(path);
	return s != NULL ? s : xstrdup("(no log)");
}

static int
run_sh(const char *script)
{
	int st = system(script);

	cr_assert_neq(st, -1);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

#define VG_ARGS "-q --error-exitcode=99 --leak-check=full " \
	"--errors-for-leak-kinds=definite --track-origins=no"

Test(valgrind, check_of_the_shipped_lessons, .timeout = 120)
{
	struct env e;
	const char *bin = getenv("REDFLAGS_BIN");
	char *cmd, *log;
	int rc;

	need_valgrind();
	cr_assert_not_null(bin);
	env_new(&e, "dumb", "C.UTF-8");
	cmd = xasprintf("env -i HOME=%s PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "
	    VALGRIND " " VG_ARGS " --log-file=%s/valgrind.log %s check "
	    ">%s/out 2>&1", e.tmp, e.tmp, bin, e.tmp);
	rc = run_sh(cmd);
	free(cmd);
	log = vg_log(&e);
	cr_expect_eq(rc, 0, "exit %d; valgrind says:\n%s", rc, log);
	free(log);
	{
		char *out = env_path(&e, "out"), *s = slurp(out);

		cr_assert_not_null(s);
		cr_expect(strstr(s, " 0 errors") != NULL, "%s", s);
		free(s);
		free(out);
	}
	env_free(&e);
}

Test(valgrind, a_lesson_played_in_plain_mode, .timeout = 120)
{
	struct env e;
	const char *bin = getenv("REDFLAGS_BIN");
	char *cmd, *log, *out, *s;
	int rc;

	need_valgrind();
	cr_assert_not_null(bin);
	env_new(&e, "dumb", "C.UTF-8");
	/* Sample lesson (1), begin, page, choice 2, false, 1 3, summary. */
	cmd = xasprintf("printf '1\\n1\\n\\n2\\n\\nfalse\\n\\n1 3\\n\\n\\nq\\n' | "
	    "env -i HOME=%s PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "
	    "REDFLAGS_ONLY_LESSONS=1 " VALGRIND " " VG_ARGS
	    " --log-file=%s/valgrind.log %s --plain --lessons data/e2e "
	    ">%s/out 2>&1", e.tmp, e.tmp, bin, e.tmp);
	rc = run_sh(cmd);
	free(cmd);
	log = vg_log(&e);
	cr_expect_eq(rc, 0, "exit %d; valgrind says:\n%s", rc, log);
	free(log);
	out = env_path(&e, "out");
	s = slurp(out);
	cr_assert_not_null(s);
	cr_expect(strstr(s, "You got 3 of 3 questions right the first "
	    "time.") != NULL, "%s", s);
	free(s);
	free(out);
	env_free(&e);
}

Test(valgrind, a_lesson_played_in_the_full_screen, .timeout = 180)
{
	struct env e;
	const char *pre[] = { VALGRIND, "-q", "--error-exitcode=99",
		"--leak-check=full", "--errors-for-leak-kinds=definite",
		NULL, NULL };
	char *logopt, *log;
	int st;

	need_valgrind();
	env_new(&e, "xterm-256color", "C.UTF-8");
	env_add(&e, "HOME=%s", e.tmp);
	logopt = xasprintf("--log-file=%s/valgrind.log", e.tmp);
	pre[5] = logopt;
	env_spawn_args(&e, 24, 80, pre);
	/* Valgrind is slow to start: wait longer for the first screen. */
	cr_assert(vt_wait_text(e.vt, "Sample lesson", 30000),
	    "no home screen:\n%s", vt_screen_text(e.vt));
	play_sample(&e, POINTER);
	key(&e, "q");
	SEE(&e, "Sample lesson");
	key(&e, "q");
	st = vt_wait_exit(e.vt, 30000);
	log = vg_log(&e);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "status %#x; valgrind says:\n%s", st, log);
	cr_expect(vt_termios_sane(e.vt));
	free(log);
	free(logopt);
	env_free(&e);
}
