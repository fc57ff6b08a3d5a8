/* tests/test-checksum.c */
#include <criterion/criterion.h>
