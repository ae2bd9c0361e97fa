/* concord-version-dialog.h — comparing two versions of the agreement
 *
 * Two lists of the saved versions (number, time, who saved it), the
 * latest and the one before chosen at first, and what changed between
 * them: each field, term or particular added, removed or changed, with
 * the words taken out struck through and those put in underlined.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_VERSION_DIALOG (concord_version_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ConcordVersionDialog, concord_version_dialog, CONCORD, VERSION_DIALOG, AdwWindow)

/* A dialog over @parent comparing the versions of case @case_id's
 * agreement. @draft (may be NULL), the editor's unsaved content, is
 * offered after the versions as "Unsaved changes". NULL with the store's
 * error when the versions cannot be read. */
ConcordVersionDialog *concord_version_dialog_new (GtkWindow              *parent,
                                                  ConcordContext         *context,
                                                  gint64                  case_id,
                                                  const ConcordAgreement *draft,
                                                  GError                **error);

/* Compares version @before with version @after (version numbers; 0 is
 * the unsaved draft). FALSE when either is not offered. */
gboolean              concord_version_dialog_compare (ConcordVersionDialog *self,
                                                      int                   before,
                                                      int                   after);

/* The number of changes shown. */
guint                 concord_version_dialog_get_n_changes (ConcordVersionDialog *self);

G_END_DECLS
