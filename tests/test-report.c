/* test-report.c */
#include <criterion/criterion.h>
