/*
 * yaml-tree.h - a small, bounded document tree built from libyaml's event
 * stream.  libyaml's own document loader has no nesting limit (quadratic
 * on deep input) and keeps aliases as shared nodes (alias bombs), so
 * lessons are parsed here instead, with caps on file size, depth, nodes
 * and scalar length, and with anchors, aliases, tags, duplicate keys and
 * extra documents rejected at their line and column.
 *
 * The YAML layer stops at the first problem: it reports one diagnostic.
 */
#ifndef RF_YAML_TREE_H
#define RF_YAML_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum ynode_type {
	YNODE_SCALAR,
	YNODE_MAP,
	YNODE_SEQ,
};

struct ynode;

struct ypair {
	struct ynode *key;	/* always a scalar */
	struct ynode *value;
};

struct ynode {
	enum ynode_type type;
	int line;		/* 1-based */
	int col;		/* 1-based, in characters */
	union {
		struct {
			char *text;	/* as decoded: may hold NUL bytes */
			size_t len;
			bool plain;	/* unquoted: true/123 may be typed */
		} scalar;
		struct {
			struct ypair *pairs;
			size_t count;
		} map;
		struct {
			struct ynode **items;
			size_t count;
		} seq;
	} u;
};

struct ytree_limits {
	size_t max_bytes;	/* whole file */
	int max_depth;		/* nested maps and sequences */
	size_t max_nodes;
	size_t max_scalar;	/* bytes in one scalar */
};

/* The limits lessons are read with: 1 MiB, depth 32, 20000 nodes, 64 KiB. */
extern const struct ytree_limits ytree_default_limits;

struct arena;

struct ytree {
	struct ynode *root;	/* NULL for an empty document */
	size_t nodes;
	struct arena *arena;	/* owns every node and text */
};

/*
 * Parse data[0..len) (the text of 'file') into *t.  Returns 0, or -1 with
 * exactly one problem added to 'diags', located and in an educator's
 * words.  On failure *t holds nothing to free.
 */
int ytree_parse(struct ytree *t, const char *file, const char *data,
    size_t len, const struct ytree_limits *lim, struct diag_list *diags);

/*
 * Parse only the head of a document whose root is a mapping, for the
 * home screen, which needs each lesson's title and not its steps: the
 * root's pairs whose key is one of keys[0..key_count) are built, other
 * values are stepped over without being built, and parsing stops at the
 * root key 'stop' (may be NULL) or once every key asked for is read.
 * Returns as ytree_parse (a problem after the head is not seen).
 */
int ytree_parse_head(struct ytree *t, const char *file, const char *data,
    size_t len, const char *const *keys, size_t key_count, const char *stop,
    struct diag_list *diags);

/*
 * The same from only the start of a file (its first bytes), when the
 * head can be read there the quick way (see yaml-tree.c): 0 and the
 * head in *t, or 1, not sure: read the whole file with ytree_parse_head.
 * It reports no problems.
 */
int ytree_parse_head_prefix(struct ytree *t, const char *file,
    const char *data, size_t len, const char *const *keys, size_t key_count);

/* Test-only: false makes ytree_parse_head always use libyaml (the head
 * is otherwise read directly when the file's first lines are simple). */
extern bool ytree_quick_head;
extern size_t ytree_quick_hits;	/* heads read the quick way */

void ytree_finish(struct ytree *t);

/* The value for 'key' in a map node, or NULL. */
struct ynode *ynode_get(const struct ynode *map, const char *key);

/* "a mapping", "a list", "text" - for messages. */
const char *ynode_type_name(enum ynode_type type);

#endif
