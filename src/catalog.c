/* src/catalog.c */
typedef int rf_placeholder_catalog;
