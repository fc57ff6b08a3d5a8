/* tests/test-util.c */
#include <criterion/criterion.h>
