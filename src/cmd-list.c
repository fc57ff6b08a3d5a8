/* src/cmd-list.c */
typedef int rf_placeholder_cmd_list;
