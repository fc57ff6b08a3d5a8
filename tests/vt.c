/* tests/vt.c */
typedef int vt_placeholder;
