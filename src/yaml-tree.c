/* src/yaml-tree.c */
typedef int rf_placeholder_yaml_tree;
