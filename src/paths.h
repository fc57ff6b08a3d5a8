/* paths.h - where per-user and system data live (XDG base directories). */
#ifndef RF_PATHS_H
#define RF_PATHS_H

#include <stddef.h>
#include <sys/types.h>

/*
 * The user's data home: $XDG_DATA_HOME if set and absolute, else
 * $HOME/.local/share, else the home directory from the password database
 * + /.local/share.  NULL when there is none.  Caller frees.
 */
char *paths_data_home(void);

/*
 * The system data directories: $XDG_DATA_DIRS (absolute entries only) or
 * "/usr/local/share:/usr/share".  Returns a NULL-terminated array of
 * strings; *count (if not NULL) gets its length.  Free with
 * paths_free_list().
 */
char **paths_data_dirs(size_t *count);
void paths_free_list(char **list);

/* Join two path parts with exactly one '/'.  Caller frees. */
char *paths_join(const char *a, const char *b);

/*
 * Create a directory and its parents (like mkdir -p) with 'mode'.
 * Returns 0 or an errno value.
 */
int paths_mkdir_p(const char *path, mode_t mode);

/*
 * The names in a directory, sorted, without "." files.  Returns a
 * NULL-terminated array (free with paths_free_list), or NULL when the
 * directory cannot be read.  *count (if not NULL) gets its length.
 */
char **paths_list_dir(const char *dir, size_t *count);

/*
 * As paths_list_dir, but only regular files (or links to them) whose
 * name ends in 'suffix' and is longer than it ("x.yaml", not ".yaml").
 * The directory entry's type is used when the file system gives it, so
 * most files need no stat().
 */
char **paths_list_files(const char *dir, const char *suffix, size_t *count);

#endif
