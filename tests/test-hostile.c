/* tests/test-hostile.c */
#include <criterion/criterion.h>
