/* concord-intake-dialog.h — registering a dispute (登记受理), and completing
 * or correcting its particulars later
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_INTAKE_DIALOG (concord_intake_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ConcordIntakeDialog, concord_intake_dialog, CONCORD, INTAKE_DIALOG, AdwWindow)

/* A modal window over @parent. @existing (nullable) is the case to edit; a
 * copy is edited, the store is written only on Save.
 * Signal "saved" (gint64 case_id) is emitted after a successful save, just
 * before the dialog closes. */
ConcordIntakeDialog *concord_intake_dialog_new (ConcordContext *context,
                                                GtkWindow      *parent,
                                                ConcordCase    *existing);
gboolean             concord_intake_dialog_close_all (GtkWindow *parent);
/* Focuses the field of @path (as concord_case_validate() names them, or
 * "police_screening" for the art. 179 checklist of police mediation), now
 * or when the dialog shows. */
void                 concord_intake_dialog_focus_field (ConcordIntakeDialog *self,
                                                        const char          *path);

G_END_DECLS
