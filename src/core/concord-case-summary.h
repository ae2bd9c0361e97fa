/* concord-case-summary.h — one row of the case list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "concord-types.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_CASE_SUMMARY (concord_case_summary_get_type ())
G_DECLARE_FINAL_TYPE (ConcordCaseSummary, concord_case_summary, CONCORD, CASE_SUMMARY, GObject)

/* Properties (all read-only once constructed, GObject-bindable for list
 * rows): "id" (gint64), "case-no", "party-names", "category" (code),
 * "category-label", "stage" (int, ConcordStage), "stage-label",
 * "mediation-type" (int), "received-at" (UTC ISO), "due-at" (UTC ISO or
 * NULL), "overdue" (boolean), "facts". */
ConcordCaseSummary *concord_case_summary_new (gint64               id,
                                              const char          *case_no,
                                              const char          *party_names,
                                              const char          *category,
                                              const char          *category_label,
                                              ConcordStage         stage,
                                              ConcordMediationType mediation_type,
                                              const char          *received_at,
                                              const char          *due_at,
                                              gboolean             overdue,
                                              const char          *facts);

gint64               concord_case_summary_get_id (ConcordCaseSummary *self);
const char          *concord_case_summary_get_case_no (ConcordCaseSummary *self);
const char          *concord_case_summary_get_party_names (ConcordCaseSummary *self);
const char          *concord_case_summary_get_category (ConcordCaseSummary *self);
const char          *concord_case_summary_get_category_label (ConcordCaseSummary *self);
ConcordStage         concord_case_summary_get_stage (ConcordCaseSummary *self);
ConcordMediationType concord_case_summary_get_mediation_type (ConcordCaseSummary *self);
const char          *concord_case_summary_get_received_at (ConcordCaseSummary *self);
const char          *concord_case_summary_get_due_at (ConcordCaseSummary *self);
gboolean             concord_case_summary_get_overdue (ConcordCaseSummary *self);
const char          *concord_case_summary_get_facts (ConcordCaseSummary *self);

/* "work-order-due": the due date (YYYY-MM-DD) of the case's earliest
 * unanswered work order, or NULL when none is open. Set by the storage
 * after construction. */
const char          *concord_case_summary_get_work_order_due (ConcordCaseSummary *self);
void                 concord_case_summary_set_work_order_due (ConcordCaseSummary *self,
                                                              const char         *due_date);

G_END_DECLS
