/* src/ui-draw.c */
typedef int rf_placeholder_ui_draw;
