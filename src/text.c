/* src/text.c */
typedef int rf_placeholder_text;
