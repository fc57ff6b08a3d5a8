/* tests/test-shipped-lessons.c */
#include <criterion/criterion.h>
