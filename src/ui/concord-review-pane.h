/* concord-review-pane.h — the lawyer's review of the legal basis (法律审核)
 *
 * The facts, the claims, the positions and the agreement side by side;
 * citations of statute articles for the case and for single clauses;
 * comments per clause; approve, or send back with comments. Shown in the
 * case view while the case is in legal review, and read-only (the
 * approved agreement with its citations and comments) after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_REVIEW_PANE (concord_review_pane_get_type ())
G_DECLARE_FINAL_TYPE (ConcordReviewPane, concord_review_pane, CONCORD, REVIEW_PANE, GtkWidget)

GtkWidget *concord_review_pane_new (ConcordContext *context);

/* Shows case @case_id (0: none). Approve and Send Back are offered only
 * while the case is in legal review. A decision goes through
 * concord_store_review_agreement() and is announced with
 * concord_context_case_changed(). */
void       concord_review_pane_set_case (ConcordReviewPane *self,
                                         gint64             case_id);

G_END_DECLS
