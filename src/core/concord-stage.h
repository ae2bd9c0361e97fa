/* concord-stage.h — the path of a case as a state machine
 *
 * DESIGN.md, "The path of a case": received → accepted → back-to-back ⇄
 * face-to-face → drafting → legal review → signing → follow-up → closed,
 * with the side exits not accepted, failed and withdrawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "concord-types.h"

G_BEGIN_DECLS

/* TRUE when the path allows moving from @from to @to (reason aside). */
gboolean            concord_stage_can_move (ConcordStage from,
                                            ConcordStage to);

/* TRUE when a move to @to from @from needs a reason: not accepted, failed,
 * withdrawn, and sending an agreement back from review to drafting. */
gboolean            concord_stage_move_needs_reason (ConcordStage from,
                                                     ConcordStage to);

/* Checks a move. An illegal move gives CONCORD_ERROR_STAGE, a missing
 * reason (NULL or blank @reason where one is needed) CONCORD_ERROR_INVALID;
 * both with a message that says why, for the mediator. */
gboolean            concord_stage_check_move (ConcordStage from,
                                              ConcordStage to,
                                              const char  *reason,
                                              GError     **error);

/* The stages a case at @from may move to, in the order the interface
 * offers them (the next step of the path first); *n gets their number.
 * The array is static. */
const ConcordStage *concord_stage_next_moves (ConcordStage from,
                                              guint       *n);

/* One recorded move of a case. */
typedef struct
{
  gint64  id;
  gint64  case_id;
  int     from_stage;   /* ConcordStage, or -1 for the first entry of a case */
  int     to_stage;     /* ConcordStage */
  char   *at;           /* UTC ISO-8601 */
  char   *actor;        /* username; "migration" for histories made on upgrade */
  char   *reason;       /* or NULL */
} ConcordStageMove;

void concord_stage_move_free (ConcordStageMove *move);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordStageMove, concord_stage_move_free)

G_END_DECLS
