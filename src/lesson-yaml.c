/* src/lesson-yaml.c */
typedef int rf_placeholder_lesson_yaml;
