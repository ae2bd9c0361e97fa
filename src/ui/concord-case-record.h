/* concord-case-record.h — what happened in a case's mediation, shown in
 * the case view: its sessions, the positions over the rounds, the legal
 * points explained, linked earlier cases, and where a failed mediation
 * sent the parties (referrals and work orders until answered)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_CASE_RECORD (concord_case_record_get_type ())
G_DECLARE_FINAL_TYPE (ConcordCaseRecord, concord_case_record, CONCORD, CASE_RECORD, GtkWidget)

/* Signal "open-case" (gint64 case_id): a linked case was activated.
 * The widget follows the context's "privacy-mode" at once, and after it
 * changes something (a work order answered, a note shared in a session
 * record) it calls concord_context_case_changed(). */
GtkWidget *concord_case_record_new (ConcordContext *context);

/* Loads from the store and shows the record of case @c. */
gboolean   concord_case_record_show_case (ConcordCaseRecord *self,
                                          const ConcordCase *c,
                                          GError           **error);
void       concord_case_record_clear (ConcordCaseRecord *self);

G_END_DECLS
