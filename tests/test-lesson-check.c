/* tests/test-lesson-check.c */
#include <criterion/criterion.h>
