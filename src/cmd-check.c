/* src/cmd-check.c */
typedef int rf_placeholder_cmd_check;
