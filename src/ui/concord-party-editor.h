/* concord-party-editor.h — the particulars of one party of a case, with
 * its claims and its agent, guardian or representative
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"
#include "concord-intake-form.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_PARTY_EDITOR (concord_party_editor_get_type ())
G_DECLARE_FINAL_TYPE (ConcordPartyEditor, concord_party_editor, CONCORD, PARTY_EDITOR, AdwPreferencesGroup)

/* Signals:
 *   "changed" — anything was typed or chosen (not emitted by
 *               concord_party_editor_set_party())
 *   "remove-requested" — the Remove button was pressed; the owner removes
 *               the editor (after asking, when the party has data) */
ConcordPartyEditor *concord_party_editor_new (void);

/* Shows @party (nullable: a blank party) in the widgets. */
void              concord_party_editor_set_party (ConcordPartyEditor *self,
                                                  const ConcordParty *party);
/* A new party as typed (dates and phones not normalised). The id of the
 * party shown by set_party() is kept. */
ConcordParty     *concord_party_editor_build_party (ConcordPartyEditor *self);
/* Nothing has been typed into it. */
gboolean          concord_party_editor_is_blank (ConcordPartyEditor *self);

/* Position in the case (0-based): the title says "Party 1". */
void              concord_party_editor_set_position (ConcordPartyEditor *self,
                                                     guint               position);

ConcordPartyRole  concord_party_editor_get_role (ConcordPartyEditor *self);
/* Sets the role unless the user has chosen one (a default, not a choice). */
void              concord_party_editor_set_default_role (ConcordPartyEditor *self,
                                                         ConcordPartyRole    role);

GtkEditable      *concord_party_editor_get_name_editable (ConcordPartyEditor *self);

/* Shows the messages and offers of @state (nullable: none) for the party
 * at @prefix ("party/1"). A message is shown at a field only when the
 * field has been left or paused in after typing, or @show_all. */
void              concord_party_editor_apply_state (ConcordPartyEditor           *self,
                                                    const ConcordIntakeFormState *state,
                                                    const char                   *prefix,
                                                    gboolean                      show_all);
/* Moves the focus to @subfield ("name", "agent/phone"), expanding what
 * hides it. Returns FALSE when the editor has no such field. */
gboolean          concord_party_editor_focus_field (ConcordPartyEditor *self,
                                                    const char         *subfield);

G_END_DECLS
