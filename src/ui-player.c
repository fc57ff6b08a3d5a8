/* src/ui-player.c */
typedef int rf_placeholder_ui_player;
