/* tests/test-paths.c */
#include <criterion/criterion.h>
