/* src/ui-app.c */
typedef int rf_placeholder_ui_app;
