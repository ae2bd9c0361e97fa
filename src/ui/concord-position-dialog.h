/* concord-position-dialog.h — records one party's demand or offer in a
 * session: the amount in yuan and the terms in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_POSITION_DIALOG (concord_position_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ConcordPositionDialog, concord_position_dialog, CONCORD, POSITION_DIALOG, AdwWindow)

/* A modal dialog over @parent for a position of one of @c's parties in
 * @session; @party_id (0 for the first party) is selected at first. It
 * stays open, with what was typed, until the position is stored or the
 * dialog is cancelled; "saved" (gint64 position_id) is emitted once it is
 * stored, then the dialog closes. Not yet presented. */
ConcordPositionDialog *concord_position_dialog_new (GtkWindow            *parent,
                                                    ConcordContext       *context,
                                                    const ConcordCase    *c,
                                                    const ConcordSession *session,
                                                    gint64                party_id);

/* The party selected now, 0 when the case has none. */
gint64                 concord_position_dialog_get_party_id (ConcordPositionDialog *self);
void                   concord_position_dialog_set_party_id (ConcordPositionDialog *self,
                                                             gint64                 party_id);
ConcordPositionKind    concord_position_dialog_get_kind (ConcordPositionDialog *self);
void                   concord_position_dialog_set_kind (ConcordPositionDialog *self,
                                                         ConcordPositionKind    kind);

/* Checks and stores what the dialog shows, as its Save button does:
 * returns the new position's id, or 0 with @error set, the message shown
 * at the field and the dialog left open. */
gint64                 concord_position_dialog_save (ConcordPositionDialog *self,
                                                     GError               **error);

G_END_DECLS
