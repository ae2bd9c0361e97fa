/* concord-term-dialog.h — adding or changing one term of the agreement
 *
 * A money term (who pays whom, how much, how and by when, in one payment
 * or in instalments) or an act (who does what for whom, by when). Each
 * problem is shown at its field and nothing typed is lost; the sentence
 * the agreement will print is shown as it is typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_TERM_DIALOG (concord_term_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ConcordTermDialog, concord_term_dialog, CONCORD, TERM_DIALOG, AdwWindow)

/* A dialog over @parent for a new term of @kind (@term NULL) or for
 * changing a copy of @term. The parties and the names in the sentence
 * come from @agreement's snapshot (copied: the dialog keeps its own). */
ConcordTermDialog *concord_term_dialog_new (GtkWindow              *parent,
                                            const ConcordAgreement *agreement,
                                            const ConcordTerm      *term,
                                            ConcordTermKind         kind);

/* The term as typed so far, whatever is wrong with it (amounts that do
 * not parse count as 0): what the sentence at the bottom shows. */
ConcordTerm       *concord_term_dialog_dup_term (ConcordTermDialog *self);

/* Checks what was typed; on success emits "saved" and closes. Otherwise
 * shows each problem at its field, keeps everything typed and returns
 * FALSE with the first problem. */
gboolean           concord_term_dialog_save (ConcordTermDialog *self,
                                             GError           **error);

/* Signal "saved" (const ConcordTerm *term): the checked term, owned by
 * the dialog (copy it); id is that of the term being changed, or NULL. */

G_END_DECLS
