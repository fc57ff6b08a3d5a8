/* paths.c - where per-user and system data live (XDG base directories). */
#include "paths.h"

#include <dirent.h>

#include <errno.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* The XDG spec says relative paths in these variables are to be ignored. */
static bool
usable_dir(const char *s)
{
	return s != NULL && s[0] == '/';
}

/* A copy of 's' without trailing slashes ("/" stays "/"). */
static char *
strip_trailing_slashes(const char *s, size_t len)
{
	while (len > 1 && s[len - 1] == '/')
		len--;
	return xstrndup(s, len);
}

char *
paths_data_home(void)
{
	const char *s;
	struct passwd *pw;

	s = getenv("XDG_DATA_HOME");
	if (usable_dir(s))
		return strip_trailing_slashes(s, strlen(s));
	s = getenv("HOME");
	if (usable_dir(s))
		return paths_join(s, ".local/share");
	/* No (usable) HOME, as under some service managers: ask passwd. */
	pw = getpwuid(getuid());
	if (pw != NULL && usable_dir(pw->pw_dir))
		return paths_join(pw->pw_dir, ".local/share");
	return NULL;
}

static void
list_add(char ***list, size_t *n, char *s)
{
	*list = xreallocarray(*list, *n + 2, sizeof **list);
	(*list)[(*n)++] = s;
	(*list)[*n] = NULL;
}

char **
paths_data_dirs(size_t *count)
{
	const char *env, *p, *end;
	char **list = NULL;
	size_t n = 0;

	env = getenv("XDG_DATA_DIRS");
	for (p = env; p != NULL && *p != '\0'; p = *end ? end + 1 : end) {
		end = strchr(p, ':');
		if (end == NULL)
			end = p + strlen(p);
		if (end > p && *p == '/')
			list_add(&list, &n, strip_trailing_slashes(p,
			    (size_t)(end - p)));
	}
	/* Unset, empty or nothing usable: the spec's default. */
	if (n == 0) {
		list_add(&list, &n, xstrdup("/usr/local/share"));
		list_add(&list, &n, xstrdup("/usr/share"));
	}
	if (count != NULL)
		*count = n;
	return list;
}

void
paths_free_list(char **list)
{
	char **p;

	if (list == NULL)
		return;
	for (p = list; *p != NULL; p++)
		free(*p);
	free(list);
}

char *
paths_join(const char *a, const char *b)
{
	size_t la = strlen(a), lb;
	char *out;

	if (*a == '\0')
		return xstrdup(b);
	if (*b == '\0')
		return xstrdup(a);
	while (la > 0 && a[la - 1] == '/')
		la--;
	while (*b == '/')
		b++;
	lb = strlen(b);
	out = xmalloc(la + 1 + lb + 1);
	memcpy(out, a, la);
	out[la] = '/';
	memcpy(out + la + 1, b, lb + 1);
	return out;
}

/* Make one directory; an existing directory is fine. */
static int
mkdir_one(const char *path, mode_t mode, bool last)
{
	struct stat st;
	int err;

	if (mkdir(path, mode) == 0)
		return 0;
	err = errno;
	/*
	 * Whatever mkdir said (EEXIST, but also EACCES or EROFS for a
	 * directory that is already there), an existing directory will do.
	 */
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		return last ? EEXIST : ENOTDIR;
	}
	return err;
}

int
paths_mkdir_p(const char *path, mode_t mode)
{
	char *copy, *p;
	int err = 0;

	if (path == NULL || *path == '\0')
		return ENOENT;
	copy = xstrdup(path);
	p = copy;
	for (;;) {
		while (*p == '/')
			p++;
		while (*p != '\0' && *p != '/')
			p++;
		if (*p == '\0') {
			err = mkdir_one(copy, mode, true);
			break;
		}
		/* Trailing slashes only: this is the last component. */
		if (p[strspn(p, "/")] == '\0') {
			*p = '\0';
			err = mkdir_one(copy, mode, true);
			break;
		}
		*p = '\0';
		err = mkdir_one(copy, mode, false);
		*p = '/';
		if (err != 0)
			break;
	}
	free(copy);
	return err;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A regular file, or a link to one?  The directory entry's type says so
 * without a stat() for most file systems. */
static bool
regular_entry(const char *dir, const struct dirent *de)
{
	struct stat st;
	char *path;
	bool ok;

	if (de->d_type == DT_REG)
		return true;
	if (de->d_type != DT_LNK && de->d_type != DT_UNKNOWN)
		return false;
	path = paths_join(dir, de->d_name);
	ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return ok;
}

static char **
list(const char *dir, const char *suffix, size_t *count)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	char **names;
	size_t n = 0, sl = suffix ? strlen(suffix) : 0;

	if (count != NULL)
		*count = 0;
	if (dp == NULL)
		return NULL;
	names = xcalloc(1, sizeof *names);
	while ((de = readdir(dp)) != NULL) {
		size_t len = strlen(de->d_name);

		if (de->d_name[0] == '.')
			continue;
		if (suffix != NULL && (len <= sl ||
		    strcmp(de->d_name + len - sl, suffix) != 0 ||
		    !regular_entry(dir, de)))
			continue;
		names = xreallocarray(names, n + 2, sizeof *names);
		names[n++] = xstrdup(de->d_name);
		names[n] = NULL;
	}
	closedir(dp);
	if (n > 1)
		qsort(names, n, sizeof *names, cmp_names);
	if (count != NULL)
		*count = n;
	return names;
}

char **
paths_list_dir(const char *dir, size_t *count)
{
	return list(dir, NULL, count);
}

char **
paths_list_files(const char *dir, const char *suffix, size_t *count)
{
	return list(dir, suffix, count);
}
