/* src/ui-help.c */
typedef int rf_placeholder_ui_help;
