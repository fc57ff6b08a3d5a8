/* test-checksum.c - CRC-32 against published values and a bitwise model. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <stdint.h>
#include <string.h>

#include "checksum.h"

/*
 * Criterion copies parameters into the worker process, where pointers into
 * this binary may not be valid: keep the bytes inside the struct.
 */
struct crc_case {
	char data[48];
	size_t len;
	uint32_t crc;
};

/* Check values as zlib's crc32() gives them (and `python3 -c zlib.crc32`). */
static struct crc_case crc_cases[] = {
	{ "", 0, 0x00000000U },
	{ "a", 1, 0xe8b7be43U },
	{ "abc", 3, 0x352441c2U },
	{ "123456789", 9, 0xcbf43926U },
	{ "message digest", 14, 0x20159d7fU },
	{ "The quick brown fox jumps over the lazy dog", 43, 0x414fa339U },
	{ "\0\0\0\0", 4, 0x2144df1cU },
	{ "\xff\xff\xff\xff", 4, 0xffffffffU },
};

ParameterizedTestParameters(checksum, matches_published_check_values)
{
	return cr_make_param_array(struct crc_case, crc_cases,
	    sizeof crc_cases / sizeof crc_cases[0]);
}

ParameterizedTest(struct crc_case *c, checksum,
    matches_published_check_values)
{
	uint32_t got = checksum_crc32(0, c->data, c->len);

	cr_assert_eq(got, c->crc, "crc of %zu bytes: got %08x, want %08x",
	    c->len, got, c->crc);
}

/* The slow, obviously-right definition, one bit at a time. */
static uint32_t
crc_bitwise(const unsigned char *p, size_t len)
{
	uint32_t c = 0xffffffffU;
	size_t i;
	int k;

	for (i = 0; i < len; i++) {
		c ^= p[i];
		for (k = 0; k < 8; k++)
			c = (c & 1) ? 0xedb88320U ^ (c >> 1) : c >> 1;
	}
	return ~c;
}

Test(checksum, table_agrees_with_bitwise_definition_for_every_byte)
{
	unsigned char b;
	int n;

	for (n = 0; n < 256; n++) {
		b = (unsigned char)n;
		cr_assert_eq(checksum_crc32(0, &b, 1), crc_bitwise(&b, 1),
		    "byte %d", n);
	}
}

Test(checksum, table_agrees_with_bitwise_definition_for_long_input)
{
	unsigned char data[4096];
	uint32_t x = 12345;
	size_t i;

	for (i = 0; i < sizeof data; i++) {
		x = x * 1103515245U + 12345U;
		data[i] = (unsigned char)(x >> 16);
	}
	cr_assert_eq(checksum_crc32(0, data, sizeof data),
	    crc_bitwise(data, sizeof data));
}

Test(checksum, running_update_equals_one_shot_at_every_split)
{
	const char *s = "The quick brown fox jumps over the lazy dog";
	size_t len = strlen(s), cut;
	uint32_t whole = checksum_crc32(0, s, len), crc;

	for (cut = 0; cut <= len; cut++) {
		crc = checksum_crc32(0, s, cut);
		crc = checksum_crc32(crc, s + cut, len - cut);
		cr_assert_eq(crc, whole, "split at %zu", cut);
	}
}

Test(checksum, zero_length_update_leaves_value_unchanged)
{
	uint32_t crc = checksum_crc32(0, "abc", 3);

	cr_assert_eq(checksum_crc32(crc, "", 0), crc);
	cr_assert_eq(checksum_crc32(crc, NULL, 0), crc);
}

Test(checksum, every_single_bit_flip_changes_the_value)
{
	unsigned char data[64];
	uint32_t base;
	size_t i;
	int bit;

	for (i = 0; i < sizeof data; i++)
		data[i] = (unsigned char)('a' + i % 26);
	base = checksum_crc32(0, data, sizeof data);
	for (i = 0; i < sizeof data; i++) {
		for (bit = 0; bit < 8; bit++) {
			data[i] ^= (unsigned char)(1u << bit);
			cr_assert_neq(checksum_crc32(0, data, sizeof data),
			    base, "flip byte %zu bit %d", i, bit);
			data[i] ^= (unsigned char)(1u << bit);
		}
	}
}
