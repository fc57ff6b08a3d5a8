/* test-util.c - buffers, xasprintf, edit distance, reading and writing. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <criterion/redirect.h>

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* buf */

Test(util, buf_starts_empty_and_steals_an_empty_string)
{
	struct buf b;
	char *s;

	buf_init(&b);
	cr_assert_null(b.data);
	cr_assert_eq(b.len, 0);
	cr_assert_eq(b.cap, 0);
	s = buf_steal(&b);
	cr_assert_str_eq(s, "");
	free(s);
	cr_assert_null(b.data);
	cr_assert_eq(b.len, 0);
}

Test(util, buf_add_of_nothing_still_terminates)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	cr_assert_not_null(b.data);
	cr_assert_eq(b.len, 0);
	cr_assert_str_eq(b.data, "");
	buf_finish(&b);
	cr_assert_null(b.data);
	cr_assert_eq(b.len, 0);
	cr_assert_eq(b.cap, 0);
}

Test(util, buf_appends_bytes_chars_strings_and_formats)
{
	struct buf b;
	char *s;

	buf_init(&b);
	buf_add(&b, "abcdef", 3);
	buf_addc(&b, '-');
	buf_adds(&b, "xyz");
	buf_printf(&b, "[%d:%s:%05.1f]", 42, "q", 2.5);
	cr_assert_eq(b.len, strlen("abc-xyz[42:q:002.5]"));
	cr_assert_str_eq(b.data, "abc-xyz[42:q:002.5]");
	s = buf_steal(&b);
	cr_assert_str_eq(s, "abc-xyz[42:q:002.5]");
	cr_assert_null(b.data);
	cr_assert_eq(b.len, 0);
	cr_assert_eq(b.cap, 0);
	free(s);
}

Test(util, buf_keeps_embedded_nul_bytes)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, "a\0b", 3);
	cr_assert_eq(b.len, 3);
	cr_assert_eq(memcmp(b.data, "a\0b", 4), 0);
	buf_finish(&b);
}

Test(util, buf_grows_past_its_first_block)
{
	struct buf b;
	char want[1001];
	int i;

	buf_init(&b);
	for (i = 0; i < 1000; i++) {
		want[i] = (char)('a' + i % 26);
		buf_addc(&b, want[i]);
		cr_assert_eq(b.len, (size_t)i + 1);
		cr_assert_gt(b.cap, b.len);
		cr_assert_eq(b.data[b.len], '\0');
	}
	want[1000] = '\0';
	cr_assert_str_eq(b.data, want);
	buf_finish(&b);
}

Test(util, buf_takes_one_big_add)
{
	struct buf b;
	char *big = xmalloc(100000);

	memset(big, 'z', 100000);
	buf_init(&b);
	buf_adds(&b, "<");
	buf_add(&b, big, 100000);
	buf_adds(&b, ">");
	cr_assert_eq(b.len, 100002);
	cr_assert_eq(b.data[0], '<');
	cr_assert_eq(b.data[1], 'z');
	cr_assert_eq(b.data[100000], 'z');
	cr_assert_eq(b.data[100001], '>');
	cr_assert_eq(b.data[100002], '\0');
	buf_finish(&b);
	free(big);
}

/* x* allocation */

Test(util, xasprintf_formats_into_a_new_string)
{
	char *s = xasprintf("%s:%d:%d: %s", "f.yaml", 12, 7, "msg");

	cr_assert_str_eq(s, "f.yaml:12:7: msg");
	free(s);
	s = xasprintf("%s", "");
	cr_assert_str_eq(s, "");
	free(s);
	s = xasprintf("%.3s|%-4s|%x", "abcdef", "ab", 255);
	cr_assert_str_eq(s, "abc|ab  |ff");
	free(s);
}

Test(util, xasprintf_formats_long_strings)
{
	char *s = xasprintf("%0*d", 5000, 7);

	cr_assert_eq(strlen(s), 5000);
	cr_assert_eq(s[0], '0');
	cr_assert_eq(s[4998], '0');
	cr_assert_eq(s[4999], '7');
	free(s);
}

Test(util, xstrdup_and_xstrndup_copy)
{
	const char *src = "hello";
	char *a = xstrdup(src), *b = xstrndup("hello world", 5);
	char *c = xstrndup("ab", 0);

	cr_assert_str_eq(a, "hello");
	cr_assert_neq(a, src);
	cr_assert_str_eq(b, "hello");
	cr_assert_str_eq(c, "");
	free(a);
	free(b);
	free(c);
}

Test(util, xcalloc_zeroes_and_zero_sizes_give_memory)
{
	int *v = xcalloc(16, sizeof *v);
	void *z = xmalloc(0), *zc = xcalloc(0, 0);
	int i;

	for (i = 0; i < 16; i++)
		cr_assert_eq(v[i], 0);
	cr_assert_not_null(z);
	cr_assert_not_null(zc);
	v = xreallocarray(v, 32, sizeof *v);
	v[31] = 5;
	cr_assert_eq(v[0], 0);
	cr_assert_eq(v[31], 5);
	free(v);
	free(z);
	free(zc);
}

Test(util, xreallocarray_refuses_an_overflowing_size, .exit_code = 2)
{
	/* fatal() exits 2 instead of letting nmemb * size wrap. */
	cr_redirect_stderr();
	xreallocarray(NULL, (size_t)-1 / 2 + 2, 2);
}

Test(util, fatal_prints_the_program_name_and_exits_2, .exit_code = 2)
{
	cr_redirect_stderr();
	fatal("cannot %s", "go on");
}

/* edit_distance */

struct dist_case {
	char a[24];
	char b[24];
	int cap;
	int want;
};

ParameterizedTestParameters(util, edit_distance_counts_edits_up_to_the_cap)
{
	static struct dist_case cases[] = {
		{ "", "", 3, 0 },
		{ "abc", "abc", 3, 0 },
		{ "", "abc", 3, 3 },
		{ "abc", "", 3, 3 },
		{ "choices", "choises", 3, 1 },		/* substitution */
		{ "prompt", "promt", 3, 1 },		/* deletion */
		{ "title", "titles", 3, 1 },		/* insertion */
		/* swapping two neighbours is one edit */
		{ "feedback", "feedbakc", 3, 1 },
		{ "ab", "ba", 3, 1 },
		{ "tpoic", "topic", 1, 1 },
		{ "abc", "cba", 3, 2 },
		{ "kitten", "sitting", 3, 3 },
		{ "flaw", "lawn", 3, 2 },
		{ "objectives", "objective", 2, 1 },
		/* over the cap: cap + 1, however far apart */
		{ "kitten", "sitting", 2, 3 },
		{ "", "abcdef", 2, 3 },
		{ "abcdef", "", 2, 3 },
		{ "content_note", "remember", 2, 3 },
		{ "a", "b", 0, 1 },
		{ "ab", "ba", 0, 1 },
		{ "same", "same", 0, 0 },
		/* case counts */
		{ "Title", "title", 3, 1 },
	};

	return cr_make_param_array(struct dist_case, cases,
	    RF_ARRAY_LEN(cases));
}

ParameterizedTest(struct dist_case *c, util,
    edit_distance_counts_edits_up_to_the_cap)
{
	cr_assert_eq(edit_distance(c->a, c->b, c->cap), c->want,
	    "edit_distance(\"%s\", \"%s\", %d) = %d, want %d", c->a, c->b,
	    c->cap, edit_distance(c->a, c->b, c->cap), c->want);
	/* The distance is symmetric. */
	cr_assert_eq(edit_distance(c->b, c->a, c->cap), c->want);
}

Test(util, edit_distance_handles_64_characters)
{
	char a[65], b[65];

	memset(a, 'a', 64);
	a[64] = '\0';
	memcpy(b, a, sizeof b);
	b[63] = 'b';
	cr_assert_eq(edit_distance(a, a, 3), 0);
	cr_assert_eq(edit_distance(a, b, 3), 1);
	b[0] = 'b';
	cr_assert_eq(edit_distance(a, b, 3), 2);
}

/* read_file */

static char tmpdir[] = "/tmp/test-util-XXXXXX";
static char *tmppath;

static void
make_tmpdir(void)
{
	strcpy(tmpdir, "/tmp/test-util-XXXXXX");
	cr_assert_not_null(mkdtemp(tmpdir));
	tmppath = xasprintf("%s/file", tmpdir);
}

static void
remove_tmpdir(void)
{
	unlink(tmppath);
	free(tmppath);
	tmppath = NULL;
	rmdir(tmpdir);
}

static void
write_bytes(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	cr_assert_not_null(f);
	cr_assert_eq(fwrite(data, 1, len, f), len);
	cr_assert_eq(fclose(f), 0);
}

Test(util, read_file_reads_the_whole_file, .init = make_tmpdir,
    .fini = remove_tmpdir)
{
	char *out;
	size_t len;

	write_bytes(tmppath, "id: x\ntitle: y\n", 15);
	cr_assert_eq(read_file(tmppath, 1024, &out, &len), 0);
	cr_assert_eq(len, 15);
	cr_assert_str_eq(out, "id: x\ntitle: y\n");
	free(out);
}

Test(util, read_file_keeps_nul_bytes_and_terminates, .init = make_tmpdir,
    .fini = remove_tmpdir)
{
	char *out;
	size_t len;

	write_bytes(tmppath, "a\0b", 3);
	cr_assert_eq(read_file(tmppath, 1024, &out, &len), 0);
	cr_assert_eq(len, 3);
	cr_assert_eq(memcmp(out, "a\0b\0", 4), 0);
	free(out);
}

Test(util, read_file_of_an_empty_file_gives_an_empty_string,
    .init = make_tmpdir, .fini = remove_tmpdir)
{
	char *out;
	size_t len = 99;

	write_bytes(tmppath, "", 0);
	cr_assert_eq(read_file(tmppath, 1024, &out, &len), 0);
	cr_assert_eq(len, 0);
	cr_assert_not_null(out);
	cr_assert_str_eq(out, "");
	free(out);
}

Test(util, read_file_takes_exactly_max_bytes, .init = make_tmpdir,
    .fini = remove_tmpdir)
{
	char data[100], *out;
	size_t len;

	memset(data, 'x', sizeof data);
	write_bytes(tmppath, data, sizeof data);
	cr_assert_eq(read_file(tmppath, 100, &out, &len), 0);
	cr_assert_eq(len, 100);
	cr_assert_eq(memcmp(out, data, 100), 0);
	cr_assert_eq(out[100], '\0');
	free(out);
}

Test(util, read_file_refuses_one_byte_over_max_with_efbig,
    .init = make_tmpdir, .fini = remove_tmpdir)
{
	char data[101], *out = (char *)1;
	size_t len = 99;

	memset(data, 'x', sizeof data);
	write_bytes(tmppath, data, sizeof data);
	cr_assert_eq(read_file(tmppath, 100, &out, &len), EFBIG);
	cr_assert_null(out);
	cr_assert_eq(len, 0);
}

Test(util, read_file_refuses_what_is_not_a_regular_file)
{
	/* Devices and streams are never read: /dev/zero never ends. */
	char *out = (char *)1;
	size_t len = 99;

	cr_assert_eq(read_file("/dev/zero", 1000, &out, &len), EINVAL);
	cr_assert_null(out);
	cr_assert_eq(len, 0);
	cr_assert_eq(read_file("/dev/null", 1000, &out, &len), EINVAL);
}

Test(util, read_file_of_a_fifo_does_not_hang, .init = make_tmpdir,
    .fini = remove_tmpdir, .timeout = 10)
{
	char *out = (char *)1;
	size_t len = 99;

	/* No writer: a blocking open would wait for ever. */
	cr_assert_eq(mkfifo(tmppath, 0600), 0);
	cr_assert_eq(read_file(tmppath, 1000, &out, &len), EINVAL);
	cr_assert_null(out);
	unlink(tmppath);
}

Test(util, read_file_of_a_missing_file_is_enoent, .init = make_tmpdir,
    .fini = remove_tmpdir)
{
	char *out = (char *)1;
	size_t len = 99;

	cr_assert_eq(read_file(tmppath, 1024, &out, &len), ENOENT);
	cr_assert_null(out);
	cr_assert_eq(len, 0);
}

Test(util, read_file_of_a_directory_is_eisdir, .init = make_tmpdir,
    .fini = remove_tmpdir)
{
	char *out = (char *)1;
	size_t len = 99;

	cr_assert_eq(read_file(tmpdir, 1024, &out, &len), EISDIR);
	cr_assert_null(out);
	cr_assert_eq(len, 0);
}

/* write_fd and read_fd, through a fake read/write that misbehaves. */

static char sink[64];
static size_t sink_len;
static int fake_calls;
static int fake_mode;	/* 0 one byte at a time, 1 take nothing, 2 EIO */

static ssize_t
fake_write(int fd, const void *data, size_t len)
{
	(void)fd;
	/* Every third call is interrupted before it writes anything. */
	if (++fake_calls % 3 == 0) {
		errno = EINTR;
		return -1;
	}
	if (fake_mode == 1)
		return 0;
	if (fake_mode == 2) {
		errno = EIO;
		return -1;
	}
	if (len > 0 && sink_len < sizeof sink) {
		sink[sink_len++] = *(const char *)data;
		return 1;
	}
	return 0;
}

Test(util, write_fd_finishes_through_short_and_interrupted_writes)
{
	fake_calls = 0;
	fake_mode = 0;
	sink_len = 0;
	cr_assert_eq(write_fd(-1, "hello, world", 12, fake_write), 0);
	cr_assert_eq(sink_len, 12);
	cr_assert_arr_eq(sink, "hello, world", 12);
	cr_assert_gt(fake_calls, 12, "the interrupted calls were retried");
}

Test(util, write_fd_that_takes_nothing_is_a_full_disk)
{
	fake_calls = 0;
	fake_mode = 1;
	cr_assert_eq(write_fd(-1, "x", 1, fake_write), ENOSPC);
}

Test(util, write_fd_passes_on_the_error)
{
	fake_calls = 0;
	fake_mode = 2;
	cr_assert_eq(write_fd(-1, "x", 1, fake_write), EIO);
}

static ssize_t
fake_read(int fd, void *data, size_t len)
{
	static const char text[] = "abcdef";

	(void)fd;
	if (++fake_calls % 2 == 0) {
		errno = EINTR;
		return -1;
	}
	if (sink_len >= 6 || len == 0)
		return 0;
	*(char *)data = text[sink_len++];
	return 1;
}

Test(util, read_fd_reads_to_the_end_through_interruptions)
{
	char *out;
	size_t len;

	fake_calls = 0;
	sink_len = 0;
	cr_assert_eq(read_fd(-1, 100, fake_read, &out, &len), 0);
	cr_assert_eq(len, 6);
	cr_assert_str_eq(out, "abcdef");
	free(out);
}

Test(util, read_fd_refuses_one_byte_over_max)
{
	char *out;
	size_t len;

	fake_calls = 0;
	sink_len = 0;
	cr_assert_eq(read_fd(-1, 5, fake_read, &out, &len), EFBIG);
	cr_assert_null(out);
	cr_assert_eq(len, 0);
}

Test(util, an_arena_gives_zeroed_aligned_memory_and_frees_it_at_once)
{
	struct arena *a = arena_new();
	char *s, *big;
	int *v, *w;
	size_t i;

	/* Many small pieces, each zeroed and aligned. */
	for (i = 1; i < 3000; i++) {
		unsigned char *p = arena_alloc(a, i % 97 + 1);
		size_t k;

		cr_assert_eq((uintptr_t)p % _Alignof(max_align_t), 0);
		for (k = 0; k < i % 97 + 1; k++)
			cr_assert_eq(p[k], 0);
		memset(p, 0xab, i % 97 + 1);
	}
	s = arena_strndup(a, "hello, world", 5);
	cr_expect_str_eq(s, "hello");
	/* Bigger than any block so far. */
	big = arena_alloc(a, 1 << 20);
	cr_expect_eq(big[0], 0);
	cr_expect_eq(big[(1 << 20) - 1], 0);
	/* Growing an array keeps what it held. */
	v = arena_grow(a, NULL, 0, 4 * sizeof *v);
	for (i = 0; i < 4; i++)
		v[i] = (int)i + 1;
	w = arena_grow(a, v, 4 * sizeof *v, 8 * sizeof *w);
	for (i = 0; i < 4; i++)
		cr_expect_eq(w[i], (int)i + 1);
	cr_expect_eq(w[7], 0);
	arena_free(a);

	/* A new arena reuses freed blocks, and they are zeroed again. */
	a = arena_new();
	for (i = 0; i < 2000; i++) {
		unsigned char *p = arena_alloc(a, 64);
		size_t k;

		for (k = 0; k < 64; k++)
			cr_assert_eq(p[k], 0, "reused memory not cleared");
	}
	arena_free(a);
	arena_free(NULL);
}

Test(util, read_file_start_reads_only_the_start)
{
	char buf[16];
	size_t len;
	bool whole;

	cr_assert_eq(read_file_start("data/progress/good-empty.progress", buf,
	    sizeof buf, &len, &whole), 0);
	cr_expect_gt(len, 0);
	cr_expect_leq(len, sizeof buf);
	cr_assert_eq(read_file_start("../lessons/en/grooming-how-it-starts.yaml",
	    buf, sizeof buf, &len, &whole), 0);
	cr_expect_eq(len, sizeof buf);
	cr_expect_not(whole);
	cr_expect_eq(memcmp(buf, "# Lesson: how on", 16), 0);
	cr_expect_eq(read_file_start("data", buf, sizeof buf, &len, &whole),
	    EISDIR);
	cr_expect_eq(read_file_start("data/no-such-file", buf, sizeof buf,
	    &len, &whole), ENOENT);
}
