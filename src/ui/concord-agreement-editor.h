/* concord-agreement-editor.h — drafting the agreement (协议起草): the
 * template's fields, the terms editor, the completeness check, versions
 *
 * Shown in the case view while the case is in drafting. Typing is saved as
 * the working draft (concord_store_save_agreement_draft()) a moment after
 * it stops; "Save Version" (Ctrl+S) makes a version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_AGREEMENT_EDITOR (concord_agreement_editor_get_type ())
G_DECLARE_FINAL_TYPE (ConcordAgreementEditor, concord_agreement_editor, CONCORD, AGREEMENT_EDITOR, GtkWidget)

GtkWidget *concord_agreement_editor_new (ConcordContext *context);

/* Shows the agreement of case @case_id (0: none): its working draft or
 * latest version, or, when it has none, a page offering to start a draft
 * from the case with the template of its type of mediation (another can be
 * chosen). Saves what was typed for the case shown before. */
void       concord_agreement_editor_set_case (ConcordAgreementEditor *self,
                                              gint64                  case_id);

/* Writes pending typing to the working draft now. */
void       concord_agreement_editor_flush (ConcordAgreementEditor *self);

/* Saves the draft as a version when it changed, then sends it on
 * (concord_store_submit_agreement()). When the completeness check finds
 * something missing, the editor shows the list of problems (each one
 * jumps to its place) and this returns FALSE with the store's error. */
gboolean   concord_agreement_editor_submit (ConcordAgreementEditor *self,
                                            GError                **error);

/* Shows and focuses the place of @target (concord-agreement.h targets)
 * inside the editor: a field, a term, the copies. Returns FALSE for
 * targets outside the editor (parties, team, case particulars, settings):
 * those are announced with the "open-target" signal instead. */
gboolean   concord_agreement_editor_focus_target (ConcordAgreementEditor *self,
                                                  const char             *target);

/* Signal "open-target" (const char *target): a problem whose place is
 * outside the editor was activated ("party:12", "team", "case:place",
 * "case:police-screening", "setting:station.committee"); the case view
 * opens the case's form or the preferences at that place. */

G_END_DECLS
