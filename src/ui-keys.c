/* src/ui-keys.c */
typedef int rf_placeholder_ui_keys;
