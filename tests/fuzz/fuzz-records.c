/*
 * fuzz-records.c - the progress file parser and the class result-record
 * parser on any bytes.  Both files end with a CRC-32 line, which random
 * bytes almost never match, so when the first byte is odd the rest gets
 * a correct "checksum" line appended before parsing and the record
 * parsers behind it are reached.  Whatever parses must format to
 * something that parses again to the same bytes; a record the parser
 * accepts and the formatter refuses is a bug.  A broken promise abort()s.
 */
#include "fuzz.h"

#include <stdio.h>
#include <string.h>

#include "checksum.h"
#include "progress.h"
#include "results.h"
#include "util.h"

#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

static void
check_progress(const char *data, size_t len)
{
	struct progress p, q;
	const char *why = NULL;
	char *once, *twice;
	size_t i;

	memset(&p, 0, sizeof p);
	if (progress_parse(&p, data, len, &why) != 0) {
		REQUIRE(why != NULL && p.count == 0);
		progress_close(&p);
		return;
	}
	for (i = 0; i < p.count; i++) {
		const struct progress_entry *e = &p.entries[i];

		REQUIRE(e->lesson_id != NULL && e->results != NULL);
		REQUIRE(progress_get(&p, e->lesson_id) != NULL);
	}
	/* Parsing the same file again over the store replaces, not adds. */
	REQUIRE(progress_parse(&p, data, len, NULL) == 0);
	once = progress_format(&p);
	memset(&q, 0, sizeof q);
	REQUIRE(progress_parse(&q, once, strlen(once), &why) == 0);
	REQUIRE(q.count == p.count);
	twice = progress_format(&q);
	REQUIRE(strcmp(once, twice) == 0);
	free(once);
	free(twice);
	progress_close(&q);
	progress_close(&p);
}

static void
check_result(const char *data, size_t len)
{
	struct result_record r, r2;
	const char *why = NULL;
	char *once, *twice;

	if (results_parse(data, len, &r, &why) != 0) {
		REQUIRE(why != NULL && r.lesson_id == NULL && r.steps == NULL);
		return;
	}
	REQUIRE(r.lesson_id != NULL && r.lang != NULL);
	once = results_format(&r);
	REQUIRE(once != NULL);
	REQUIRE(results_parse(once, strlen(once), &r2, &why) == 0);
	REQUIRE(r2.step_count == r.step_count);
	twice = results_format(&r2);
	REQUIRE(twice != NULL && strcmp(once, twice) == 0);
	free(once);
	free(twice);
	results_record_finish(&r2);
	results_record_finish(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf;
	size_t len;

	fuzz_setup();
	if (size == 0)
		return 0;
	len = size - 1;
	/* Room for the checksum line; the parsers get exactly len bytes. */
	buf = xmalloc(len + 32);
	memcpy(buf, data + 1, len);
	if (data[0] & 1) {
		char line[32];
		int n = snprintf(line, sizeof line, "checksum %08x\n",
		    (unsigned int)checksum_crc32(0, buf, len));

		memcpy(buf + len, line, (size_t)n);
		len += (size_t)n;
		buf = xrealloc(buf, len);
	} else {
		buf = xrealloc(buf, len ? len : 1);
	}
	check_progress(buf, len);
	check_result(buf, len);
	free(buf);
	return 0;
}
