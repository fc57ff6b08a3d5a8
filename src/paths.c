/* src/paths.c */
typedef int rf_placeholder_paths;
