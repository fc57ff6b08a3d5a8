/* tests/test-text.c */
#include <criterion/criterion.h>
