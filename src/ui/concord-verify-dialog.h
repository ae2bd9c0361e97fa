/* concord-verify-dialog.h — is this printed agreement genuine?
 *
 * Opened from the main menu ("Verify a PDF…"): the user picks a PDF, and
 * the window shows the verdict of concord_document_verify() — genuine,
 * unsigned, superseded, altered, not of this database, not a Concord
 * agreement — with an icon and colour for each, the case (a button opens
 * it in the main window), the version, the code and what was compared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_VERIFY_DIALOG (concord_verify_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ConcordVerifyDialog, concord_verify_dialog, CONCORD, VERIFY_DIALOG, AdwWindow)

ConcordVerifyDialog *concord_verify_dialog_new (GtkWindow      *parent,
                                                ConcordContext *context);

/* Verifies @file and shows the verdict (what choosing it does). */
void                 concord_verify_dialog_verify_file (ConcordVerifyDialog *self,
                                                        GFile               *file);
/* The verdict shown, for tests; NULL before a file was chosen. */
const ConcordVerdict *concord_verify_dialog_get_verdict (ConcordVerifyDialog *self);

G_END_DECLS
