/* src/lesson-check.c */
typedef int rf_placeholder_lesson_check;
