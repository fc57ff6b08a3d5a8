/* src/diag.c */
typedef int rf_placeholder_diag;
