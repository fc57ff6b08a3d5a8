/* src/lesson.c */
typedef int rf_placeholder_lesson;
