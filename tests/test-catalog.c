/* tests/test-catalog.c */
#include <criterion/criterion.h>
