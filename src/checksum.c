/* src/checksum.c */
typedef int rf_placeholder_checksum;
