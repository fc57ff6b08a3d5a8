/*
 * bench/yaml-raw.c - the reference for `redflags check` throughput: read
 * each file named and run libyaml's event parser over it until the end
 * of the stream, doing nothing with the events.
 *
 *   yaml-raw FILE...
 *
 * Each file is read whole into memory first (as redflags reads a lesson)
 * and parsed from the buffer.  Prints the files, bytes and events to
 * stdout; exits 1 if a file cannot be read or does not parse.
 */
#include <stdio.h>
#include <stdlib.h>

#include <yaml.h>

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (fp == NULL)
		return NULL;
	for (;;) {
		if (*len == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((buf = realloc(buf, cap)) == NULL)
				abort();
		}
		n = fread(buf + *len, 1, cap - *len, fp);
		*len += n;
		if (n == 0)
			break;
	}
	fclose(fp);
	return buf;
}

int
main(int argc, char **argv)
{
	unsigned long long bytes = 0, events = 0;
	int i, status = 0;

	for (i = 1; i < argc; i++) {
		yaml_parser_t parser;
		yaml_event_t ev;
		unsigned char *buf;
		size_t len;
		int done = 0;

		if ((buf = slurp(argv[i], &len)) == NULL) {
			perror(argv[i]);
			status = 1;
			continue;
		}
		bytes += len;
		yaml_parser_initialize(&parser);
		yaml_parser_set_input_string(&parser, buf, len);
		while (!done) {
			if (!yaml_parser_parse(&parser, &ev)) {
				fprintf(stderr, "%s: %s\n", argv[i],
				    parser.problem ? parser.problem : "error");
				status = 1;
				break;
			}
			done = ev.type == YAML_STREAM_END_EVENT;
			events++;
			yaml_event_delete(&ev);
		}
		yaml_parser_delete(&parser);
		free(buf);
	}
	printf("%d files, %llu bytes, %llu events\n", argc - 1, bytes, events);
	return status;
}
