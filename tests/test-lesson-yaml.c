/* tests/test-lesson-yaml.c */
#include <criterion/criterion.h>
