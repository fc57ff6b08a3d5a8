/* test-paths.c - XDG data home and dirs, join, mkdir -p. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "paths.h"

static void
set_env(const char *name, const char *value)
{
	if (value == NULL)
		cr_assert_eq(unsetenv(name), 0);
	else
		cr_assert_eq(setenv(name, value, 1), 0);
}

static void
assert_data_home(const char *want)
{
	char *got = paths_data_home();

	cr_assert_not_null(got);
	cr_assert_str_eq(got, want);
	free(got);
}

/* The password database's idea of our home + /.local/share. */
static char *
passwd_data_home(void)
{
	struct passwd *pw = getpwuid(getuid());

	cr_assert_not_null(pw, "no passwd entry for uid %d", (int)getuid());
	return paths_join(pw->pw_dir, ".local/share");
}

Test(paths, data_home_is_absolute_xdg_data_home)
{
	set_env("HOME", "/home/student");
	set_env("XDG_DATA_HOME", "/srv/data");
	assert_data_home("/srv/data");
	set_env("XDG_DATA_HOME", "/srv/data/");
	assert_data_home("/srv/data");
}

Test(paths, data_home_falls_back_to_home_local_share)
{
	set_env("HOME", "/home/student");
	set_env("XDG_DATA_HOME", NULL);
	assert_data_home("/home/student/.local/share");
	set_env("HOME", "/home/student/");
	assert_data_home("/home/student/.local/share");
}

Test(paths, data_home_ignores_empty_xdg_data_home)
{
	set_env("HOME", "/home/student");
	set_env("XDG_DATA_HOME", "");
	assert_data_home("/home/student/.local/share");
}

Test(paths, data_home_ignores_relative_xdg_data_home)
{
	set_env("HOME", "/home/student");
	set_env("XDG_DATA_HOME", "relative/data");
	assert_data_home("/home/student/.local/share");
	set_env("XDG_DATA_HOME", "./data");
	assert_data_home("/home/student/.local/share");
}

Test(paths, data_home_uses_passwd_when_home_is_unset)
{
	char *want = passwd_data_home();

	set_env("XDG_DATA_HOME", NULL);
	set_env("HOME", NULL);
	assert_data_home(want);
	free(want);
}

Test(paths, data_home_uses_passwd_when_home_is_empty_or_relative)
{
	char *want = passwd_data_home();

	set_env("XDG_DATA_HOME", NULL);
	set_env("HOME", "");
	assert_data_home(want);
	set_env("HOME", "student");
	assert_data_home(want);
	free(want);
}

Test(paths, data_home_is_null_without_home_or_passwd_entry)
{
	uid_t uid;
	pid_t pid;
	int status;

	if (geteuid() != 0)
		cr_skip_test("needs root to become a uid with no passwd entry");
	for (uid = 54321; getpwuid(uid) != NULL; uid++)
		;
	pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		char *s;

		unsetenv("XDG_DATA_HOME");
		unsetenv("HOME");
		if (setgid(uid) != 0 || setuid(uid) != 0)
			_exit(3);
		s = paths_data_home();
		_exit(s == NULL ? 0 : 1);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status));
	cr_assert_eq(WEXITSTATUS(status), 0,
	    "child exited %d (1: not NULL, 3: setuid failed)",
	    WEXITSTATUS(status));
}

static void
assert_dirs(const char *env, const char *const *want, size_t nwant)
{
	char **got;
	size_t n, i;

	set_env("XDG_DATA_DIRS", env);
	got = paths_data_dirs(&n);
	cr_assert_not_null(got);
	cr_assert_eq(n, nwant, "XDG_DATA_DIRS=%s: %zu dirs, want %zu",
	    env ? env : "(unset)", n, nwant);
	for (i = 0; i < n; i++)
		cr_assert_str_eq(got[i], want[i], "entry %zu", i);
	cr_assert_null(got[n], "list is NULL-terminated");
	paths_free_list(got);
}

static const char *const default_dirs[] = { "/usr/local/share", "/usr/share" };

Test(paths, data_dirs_default_when_unset_or_empty)
{
	assert_dirs(NULL, default_dirs, 2);
	assert_dirs("", default_dirs, 2);
	assert_dirs(":::", default_dirs, 2);
}

Test(paths, data_dirs_keeps_absolute_entries_in_order)
{
	static const char *const want[] = { "/opt/share", "/usr/share", "/" };

	assert_dirs("/opt/share:/usr/share/:/", want, 3);
}

Test(paths, data_dirs_drops_relative_and_empty_entries)
{
	static const char *const want[] = { "/a", "/c" };

	assert_dirs("rel:/a::./b:/c:", want, 2);
}

Test(paths, data_dirs_default_when_every_entry_is_relative)
{
	assert_dirs("share:local/share", default_dirs, 2);
}

Test(paths, data_dirs_count_may_be_null)
{
	char **got;

	set_env("XDG_DATA_DIRS", "/x");
	got = paths_data_dirs(NULL);
	cr_assert_str_eq(got[0], "/x");
	cr_assert_null(got[1]);
	paths_free_list(got);
	paths_free_list(NULL);
}

/* Arrays, not pointers: Criterion copies parameters to the worker. */
struct join_case {
	char a[16], b[16], want[32];
};

static struct join_case join_cases[] = {
	{ "a", "b", "a/b" },
	{ "a/", "b", "a/b" },
	{ "a", "/b", "a/b" },
	{ "a//", "//b", "a/b" },
	{ "/", "b", "/b" },
	{ "/", "/b", "/b" },
	{ "/x/y", "p/q/", "/x/y/p/q/" },
	{ "", "b", "b" },
	{ "a", "", "a" },
	{ "", "", "" },
};

ParameterizedTestParameters(paths, join_puts_exactly_one_slash_between)
{
	return cr_make_param_array(struct join_case, join_cases,
	    sizeof join_cases / sizeof join_cases[0]);
}

ParameterizedTest(struct join_case *c, paths,
    join_puts_exactly_one_slash_between)
{
	char *got = paths_join(c->a, c->b);

	cr_assert_str_eq(got, c->want, "join(\"%s\", \"%s\")", c->a, c->b);
	free(got);
}

/* A fresh directory under /tmp; removed by rm_rf(). */
static char *
make_tmp(void)
{
	char tmpl[] = "/tmp/rf-paths-XXXXXX";
	char *d = mkdtemp(tmpl);

	cr_assert_not_null(d, "mkdtemp: %s", strerror(errno));
	return strdup(d);
}

static void
rm_rf(char *dir)
{
	char *cmd;

	cr_assert_eq(strncmp(dir, "/tmp/rf-paths-", 14), 0);
	cr_assert_gt(asprintf(&cmd, "rm -rf '%s'", dir), 0);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	free(dir);
}

static bool
is_dir_with_mode(const char *path, mode_t mode)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
	    (st.st_mode & 07777) == mode;
}

Test(paths, mkdir_p_creates_every_missing_parent_with_mode)
{
	char *tmp = make_tmp(), *deep, *mid;

	umask(022);
	deep = paths_join(tmp, "a/b/c");
	mid = paths_join(tmp, "a/b");
	cr_assert_eq(paths_mkdir_p(deep, 0700), 0);
	cr_assert(is_dir_with_mode(deep, 0700));
	cr_assert(is_dir_with_mode(mid, 0700));
	free(deep);
	free(mid);
	rm_rf(tmp);
}

Test(paths, mkdir_p_accepts_existing_dirs_and_extra_slashes)
{
	char *tmp = make_tmp(), *path, *clean;

	path = paths_join(tmp, "x//y///");
	clean = paths_join(tmp, "x/y");
	cr_assert_eq(paths_mkdir_p(path, 0755), 0);
	cr_assert_eq(paths_mkdir_p(path, 0755), 0, "second time is fine");
	cr_assert_eq(paths_mkdir_p(clean, 0755), 0);
	cr_assert_eq(paths_mkdir_p("/", 0755), 0);
	cr_assert_eq(paths_mkdir_p(tmp, 0755), 0);
	cr_assert(is_dir_with_mode(clean, 0755));
	free(path);
	free(clean);
	rm_rf(tmp);
}

Test(paths, mkdir_p_relative_path_is_under_cwd)
{
	char *tmp = make_tmp(), *want, old[4096];

	cr_assert_not_null(getcwd(old, sizeof old));
	cr_assert_eq(chdir(tmp), 0);
	cr_assert_eq(paths_mkdir_p("r/s", 0700), 0);
	cr_assert_eq(chdir(old), 0);
	want = paths_join(tmp, "r/s");
	cr_assert(is_dir_with_mode(want, 0700));
	free(want);
	rm_rf(tmp);
}

Test(paths, mkdir_p_fails_through_a_regular_file)
{
	char *tmp = make_tmp(), *file, *under;
	int fd;

	file = paths_join(tmp, "file");
	under = paths_join(tmp, "file/sub/dir");
	fd = open(file, O_WRONLY | O_CREAT, 0600);
	cr_assert_geq(fd, 0);
	close(fd);
	cr_assert_eq(paths_mkdir_p(under, 0700), ENOTDIR);
	cr_assert_eq(paths_mkdir_p(file, 0700), EEXIST,
	    "the last component is a file, not a directory");
	free(file);
	free(under);
	rm_rf(tmp);
}

Test(paths, mkdir_p_empty_path_is_enoent)
{
	cr_assert_eq(paths_mkdir_p("", 0700), ENOENT);
}

/* Touch dir/name (an empty regular file). */
static void
touch(const char *dir, const char *name)
{
	char *p;
	int fd;

	cr_assert_gt(asprintf(&p, "%s/%s", dir, name), 0);
	fd = open(p, O_WRONLY | O_CREAT, 0644);
	cr_assert_geq(fd, 0, "%s: %s", p, strerror(errno));
	close(fd);
	free(p);
}

static void
at(const char *dir, const char *name, int (*make)(const char *, const char *),
    const char *target)
{
	char *p;

	cr_assert_gt(asprintf(&p, "%s/%s", dir, name), 0);
	if (make != NULL)
		cr_assert_eq(make(target, p), 0, "%s: %s", p, strerror(errno));
	else if (target != NULL)
		cr_assert_eq(mkfifo(p, 0644), 0, "%s", strerror(errno));
	else
		cr_assert_eq(mkdir(p, 0755), 0, "%s", strerror(errno));
	free(p);
}

Test(paths, list_files_gives_regular_files_and_links_to_them_by_suffix)
{
	char *dir = make_tmp(), *file;
	char **names;
	size_t n = 99;

	touch(dir, "b.yaml");
	touch(dir, "a.yaml");
	touch(dir, "notes.txt");
	touch(dir, ".hidden.yaml");
	touch(dir, ".yaml");
	touch(dir, "yaml");
	at(dir, "folder.yaml", NULL, NULL);			/* a folder */
	at(dir, "pipe.yaml", NULL, "fifo");			/* a FIFO */
	cr_assert_gt(asprintf(&file, "%s/a.yaml", dir), 0);
	at(dir, "link.yaml", symlink, file);			/* to a file */
	at(dir, "dirlink.yaml", symlink, "/tmp");		/* to a folder */
	at(dir, "dangling.yaml", symlink, "/nonexistent/x");
	free(file);

	names = paths_list_files(dir, ".yaml", &n);
	cr_assert_not_null(names);
	cr_assert_eq(n, 3, "got %zu names", n);
	cr_expect_str_eq(names[0], "a.yaml");
	cr_expect_str_eq(names[1], "b.yaml");
	cr_expect_str_eq(names[2], "link.yaml");
	cr_expect_null(names[3]);
	paths_free_list(names);

	/* paths_list_dir still lists every name but the dot files. */
	names = paths_list_dir(dir, &n);
	cr_expect_eq(n, 9, "got %zu names", n);
	paths_free_list(names);

	cr_expect_null(paths_list_files("/nonexistent/folder", ".yaml", &n));
	cr_expect_eq(n, 0);
	rm_rf(dir);
}
