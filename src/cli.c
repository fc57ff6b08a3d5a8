/* src/cli.c */
typedef int rf_placeholder_cli;
