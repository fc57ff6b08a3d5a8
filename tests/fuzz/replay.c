/*
 * replay.c - run a fuzz target on saved inputs: every regular file in
 * each directory (or each file) named on the command line, in name order,
 * skipping names that start with '.' (.gitkeep).  Linked with one target
 * in every build, so the seed corpus and every crash ever found run as
 * ordinary tests; a crash, an abort() or a sanitizer report fails them.
 * Exit status 0 when every input ran; 1 when a path cannot be read.
 */
#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "paths.h"
#include "util.h"

/* Files up to 16 MiB: more than any input libFuzzer is run with. */
#define REPLAY_MAX (16u << 20)

static int
replay_file(const char *path)
{
	char *data;
	size_t len;
	int err = read_file(path, REPLAY_MAX, &data, &len);

	if (err != 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(err));
		return -1;
	}
	/* Announced first, so the input that crashes is the last named. */
	fprintf(stderr, "replay: %s\n", path);
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	return 0;
}

static int
replay_path(const char *path, size_t *count)
{
	struct stat st;
	char **names;
	size_t n, i;
	int status = 0;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		(*count)++;
		return replay_file(path);
	}
	names = paths_list_dir(path, &n);
	if (names == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		char *p;

		if (names[i][0] == '.')
			continue;
		p = paths_join(path, names[i]);
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
			(*count)++;
			if (replay_file(p) != 0)
				status = -1;
		}
		free(p);
	}
	paths_free_list(names);
	return status;
}

int
main(int argc, char **argv)
{
	size_t count = 0;
	int i, status = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR-OR-FILE...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (replay_path(argv[i], &count) != 0)
			status = 1;
	}
	printf("replayed %zu inputs\n", count);
	return status;
}
