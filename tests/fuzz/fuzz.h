/*
 * fuzz.h - what the fuzz targets share.  Each target defines the libFuzzer
 * entry point; replay.c calls the same function on saved inputs, so the
 * targets build with any compiler and the corpus and crashes run as
 * ordinary tests.  A target abort()s when an invariant breaks.
 */
#ifndef RF_FUZZ_H
#define RF_FUZZ_H

#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* Run one input; always returns 0 (libFuzzer's contract). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Widths come from wcwidth(): the targets need a UTF-8 LC_CTYPE, as
 * main.c makes sure the program has. */
static inline void
fuzz_setup(void)
{
	static int done;

	if (!done) {
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			abort();
		done = 1;
	}
}

#endif
