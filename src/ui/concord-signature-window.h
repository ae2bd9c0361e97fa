/* concord-signature-window.h — one signer signs on screen
 *
 * A modal window for one signer of one agreement version: who signs (role
 * and name, large, so the right person holds the pen), the verification
 * code of the text being signed, the pad, Clear and Undo, Cancel and Sign.
 * Sign stores the strokes with concord_store_add_signature(); a refusal is
 * shown in the window and the strokes stay. Escape asks before throwing
 * strokes away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"
#include "concord-signature-pad.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_SIGNATURE_WINDOW (concord_signature_window_get_type ())
G_DECLARE_FINAL_TYPE (ConcordSignatureWindow, concord_signature_window, CONCORD, SIGNATURE_WINDOW, AdwWindow)

/* Emits "signed" (gboolean locked: this signature completed the
 * agreement) after storing the signature, then closes. */
ConcordSignatureWindow *concord_signature_window_new (GtkWindow           *parent,
                                                      ConcordContext      *context,
                                                      gint64               case_id,
                                                      gint64               agreement_id,
                                                      const ConcordSigner *signer);

/* The signer signs again: the new signature takes the place of
 * @signature_id when it is stored (in one transaction); until then, and
 * when the window is cancelled, the old one stays. */
void                    concord_signature_window_set_replaces (ConcordSignatureWindow *self,
                                                               gint64                  signature_id);

/* The pad, for tests. */
ConcordSignaturePad    *concord_signature_window_get_pad (ConcordSignatureWindow *self);

G_END_DECLS
