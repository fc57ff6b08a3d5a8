/* tests/test-diag.c */
#include <criterion/criterion.h>
