/*
 * lesson-compare.h - a translated lesson against its source: the same
 * ids, steps, right answers, red flags, story graph and ending kinds;
 * only the text may differ.  No curses here.
 */
#ifndef RF_LESSON_COMPARE_H
#define RF_LESSON_COMPARE_H

#include "diag.h"
#include "lesson.h"

/* Add every difference to 'diags', at the translation's places (each
 * message names the source's line). */
void lesson_compare(const struct lesson *source, const struct lesson *tr,
    struct diag_list *diags);

#endif
