/* concord-fail-dialog-private.h — what the widget tests reach into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concord-fail-dialog.h"

G_BEGIN_DECLS

GtkTextView    *_concord_fail_dialog_get_reason_view (ConcordFailDialog *self);
/* @kind: CONCORD_REFERRAL_LITIGATION or CONCORD_REFERRAL_JUDICIAL */
GtkCheckButton *_concord_fail_dialog_get_check (ConcordFailDialog   *self,
                                                ConcordReferralKind  kind);
GtkEditable    *_concord_fail_dialog_get_detail (ConcordFailDialog   *self,
                                                 ConcordReferralKind  kind);
GtkWidget      *_concord_fail_dialog_get_submit_button (ConcordFailDialog *self);
GtkWidget      *_concord_fail_dialog_get_add_order_button (ConcordFailDialog *self);
guint           _concord_fail_dialog_get_n_orders (ConcordFailDialog *self);
/* @field: "department", "request" or "due" */
GtkEditable    *_concord_fail_dialog_get_order_field (ConcordFailDialog *self,
                                                      guint              index,
                                                      const char        *field);
GtkWidget      *_concord_fail_dialog_get_order_remove_button (ConcordFailDialog *self,
                                                              guint              index);
/* @field: "general", "reason", "referral" */
GtkLabel       *_concord_fail_dialog_get_message_label (ConcordFailDialog *self,
                                                        const char        *field);
GtkLabel       *_concord_fail_dialog_get_order_message_label (ConcordFailDialog *self,
                                                              guint              index,
                                                              const char        *field);

G_END_DECLS
