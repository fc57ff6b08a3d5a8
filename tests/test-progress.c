/* tests/test-progress.c */
#include <criterion/criterion.h>
