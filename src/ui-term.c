/* src/ui-term.c */
typedef int rf_placeholder_ui_term;
