/* src/progress.c */
typedef int rf_placeholder_progress;
