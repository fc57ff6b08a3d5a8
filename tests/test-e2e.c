/* tests/test-e2e.c */
#include <criterion/criterion.h>
