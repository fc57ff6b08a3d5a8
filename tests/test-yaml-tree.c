/* tests/test-yaml-tree.c */
#include <criterion/criterion.h>
