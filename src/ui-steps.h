/*
 * ui-steps.h - how the player draws the interactive step types into its
 * document: a chat to mark (ui-chat.c), a branching story (ui-story.c)
 * and items to put in order (ui-order.c).  Each draws the answering
 * state and the checked state from the engine's quiz.
 */
#ifndef RF_UI_STEPS_H
#define RF_UI_STEPS_H

#include "lesson.h"
#include "quiz.h"
#include "ui-draw.h"

/* Messages drawn like a messaging app; 'q' NULL for a scenario's
 * excerpt (nothing to mark, everything shown). */
void ui_chat_messages(struct ui_doc *d, const struct lesson_message *m,
    size_t count, const char *contact, const struct quiz *q);

void ui_chat_draw(struct ui_doc *d, const struct quiz *q,
    const struct lesson_step *s);
void ui_chat_draw_checked(struct ui_doc *d, const struct quiz *q,
    const struct lesson_step *s);

void ui_story_draw(struct ui_doc *d, const struct quiz *q,
    const struct lesson_step *s);

void ui_order_draw(struct ui_doc *d, const struct quiz *q,
    const struct lesson_step *s);
void ui_order_draw_checked(struct ui_doc *d, const struct quiz *q,
    const struct lesson_step *s);

/* "✓ Right." / "✗ Not quite." and an optional detail, focused. */
void ui_verdict(struct ui_doc *d, bool right, const char *detail);

#endif
