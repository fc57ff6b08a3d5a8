/*
 * lesson-check.h - what a lesson means, checked: the rules a well-formed
 * file can still break (a question with no right answer, two steps with
 * one id, a chat with no red flag to find, a scenario choice that goes to
 * no node or a loop with no ending...) and a reviewer's warnings (no
 * content note, an option with no feedback, a page too long for an 80x24
 * screen, a scenario with no safe path).  Every problem in a lesson is
 * collected, not just the first.  Steps the loader marked incomplete are
 * not checked again.
 */
#ifndef RF_LESSON_CHECK_H
#define RF_LESSON_CHECK_H

#include "diag.h"
#include "lesson.h"

/* Lines of wrapped text that fit one 80x24 page (76 columns). */
#define LESSON_PAGE_LINES 15
#define LESSON_PAGE_COLUMNS 76

/* Add every problem found in 'l' (read from l->file) to 'diags'. */
void lesson_check(const struct lesson *l, struct diag_list *diags);

#endif
