/* tests/test-quiz.c */
#include <criterion/criterion.h>
