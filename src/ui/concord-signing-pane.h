/* concord-signing-pane.h — signing the agreement (签署)
 *
 * Shown in the case view from signing on. While the case is at signing:
 * the version being signed and its verification code; each required
 * signer (concord_store_load_signing()) with where their signature stands
 * — not signed, signed on screen (time), signed on paper (date, checked
 * by whom) — "Sign on Screen…" (concord-signature-window) and, before the
 * lock, "Sign Again" for a pad signature; when the pad is not allowed
 * (Electronic Signature Law art. 3) the reason instead, and the
 * ink-and-fingerprint way only. "Print for Ink Signing…" prints with
 * empty boxes; "Record Paper Signing…" asks the date and who checked the
 * paper and records every missing signature. Once locked: the lock time
 * and the stored code, "Print Signed Copy…", "Save as PDF…", and the
 * printed files archived with the case. Every change is announced with
 * concord_context_case_changed().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_SIGNING_PANE (concord_signing_pane_get_type ())
G_DECLARE_FINAL_TYPE (ConcordSigningPane, concord_signing_pane, CONCORD, SIGNING_PANE, GtkWidget)

GtkWidget *concord_signing_pane_new (ConcordContext *context);

/* Shows case @case_id (0: none). */
void       concord_signing_pane_set_case (ConcordSigningPane *self,
                                          gint64              case_id);

G_END_DECLS
