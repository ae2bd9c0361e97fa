/* concord-fail-dialog.h — closing a mediation as failed: the reason and
 * where the parties were sent (court, another legal channel, work orders
 * to departments with their due dates)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_FAIL_DIALOG (concord_fail_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ConcordFailDialog, concord_fail_dialog, CONCORD, FAIL_DIALOG, AdwWindow)

/* A modal dialog over @parent for case @c. On "Close as Failed" it checks
 * what was typed (each problem shown at its field, the first one
 * focused, nothing typed lost), calls concord_store_fail_case(), then
 * concord_context_case_changed(), emits "failed" (gint64 case_id) and
 * closes. A store error is shown in the dialog, which stays open. */
ConcordFailDialog *concord_fail_dialog_new (GtkWindow         *parent,
                                            ConcordContext    *context,
                                            const ConcordCase *c);

G_END_DECLS
