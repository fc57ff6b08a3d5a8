/* tests/test-ui-keys.c */
#include <criterion/criterion.h>
