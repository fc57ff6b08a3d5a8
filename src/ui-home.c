/* src/ui-home.c */
typedef int rf_placeholder_ui_home;
