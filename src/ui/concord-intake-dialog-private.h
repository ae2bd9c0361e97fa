/* concord-intake-dialog-private.h — what the intake dialog and the party
 * editor share, and what the widget tests reach into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concord-intake-dialog.h"
#include "concord-party-editor.h"

G_BEGIN_DECLS

/* When a field's message may show: a field is "edited" as soon as it
 * changes, and becomes "touched" when the focus leaves it or typing
 * pauses. Only touched fields show their message, so nobody is told the ID
 * number is too short while typing its first digit. */
void         _concord_field_mark_edited (GtkWidget *field);
gboolean     _concord_field_promote (GtkWidget *field);
gboolean     _concord_field_is_touched (GtkWidget *field);
/* Calls @callback (swapped: @data first) when the focus leaves @field. */
void         _concord_field_watch_focus (GtkWidget *field,
                                         GCallback  callback,
                                         gpointer   data);
/* Gives the editable inside @field (an AdwEntryRow, a GtkEntry) the
 * accessible label @label. */
void         _concord_field_set_accessible_label (GtkWidget  *field,
                                                  const char *label);

/* Party editor */
void         _concord_party_editor_promote_fields (ConcordPartyEditor *self);
gboolean     _concord_party_editor_has_data (ConcordPartyEditor *self);
GtkWidget   *_concord_party_editor_get_field (ConcordPartyEditor *self,
                                              const char         *subfield);
GtkLabel    *_concord_party_editor_get_message_label (ConcordPartyEditor *self,
                                                      const char         *subfield);
GtkButton   *_concord_party_editor_get_offer_button (ConcordPartyEditor *self,
                                                     gboolean            agent);
GtkButton   *_concord_party_editor_get_remove_button (ConcordPartyEditor *self);

/* Intake dialog, for the tests */
GtkWidget          *_concord_intake_dialog_get_save_button (ConcordIntakeDialog *self);
GtkWidget          *_concord_intake_dialog_get_add_party_button (ConcordIntakeDialog *self);
GtkWidget          *_concord_intake_dialog_get_add_member_button (ConcordIntakeDialog *self);
GtkWidget          *_concord_intake_dialog_get_quick_name (ConcordIntakeDialog *self);
GtkTextView        *_concord_intake_dialog_get_facts_view (ConcordIntakeDialog *self);
/* "source", "referred_by", "incident_no", "occurred_at", "place",
 * "category", "mediation_type": the row of that field; "police_exclusions"
 * (or "police_screening"): the box of the art. 179 checklist. */
GtkWidget          *_concord_intake_dialog_get_case_field (ConcordIntakeDialog *self,
                                                           const char          *field);
GtkLabel           *_concord_intake_dialog_get_message_label (ConcordIntakeDialog *self,
                                                              const char          *field);
guint               _concord_intake_dialog_get_n_parties (ConcordIntakeDialog *self);
ConcordPartyEditor *_concord_intake_dialog_get_party_editor (ConcordIntakeDialog *self,
                                                             guint                index);
/* Team rows: 0 mediator, 1 police officer, 2 lawyer, 3 note-taker, then
 * the ones added. @what is "name", "phone" or "organisation". */
guint               _concord_intake_dialog_get_n_team_rows (ConcordIntakeDialog *self);
GtkEditable        *_concord_intake_dialog_get_team_entry (ConcordIntakeDialog *self,
                                                           guint                row,
                                                           const char          *what);
/* The role chooser of an added row (NULL for the four fixed ones). */
GtkDropDown        *_concord_intake_dialog_get_team_role_dropdown (ConcordIntakeDialog *self,
                                                                   guint                row);
GtkLabel           *_concord_intake_dialog_get_team_message_label (ConcordIntakeDialog *self,
                                                                   guint                row);
GtkLabel           *_concord_intake_dialog_get_conflicts_label (ConcordIntakeDialog *self);
GtkLabel           *_concord_intake_dialog_get_missing_label (ConcordIntakeDialog *self);
/* The art. 179 checklist (police mediation only): the check and the row
 * of an exclusion, and the switch "gone through with the parties". The
 * group is _concord_intake_dialog_get_case_field (self, "police_exclusions"),
 * its message _concord_intake_dialog_get_message_label (self, "police_exclusions"). */
GtkCheckButton     *_concord_intake_dialog_get_exclusion_check (ConcordIntakeDialog    *self,
                                                                ConcordPoliceExclusion  bit);
GtkWidget          *_concord_intake_dialog_get_exclusion_row (ConcordIntakeDialog    *self,
                                                              ConcordPoliceExclusion  bit);
GtkSwitch          *_concord_intake_dialog_get_screened_switch (ConcordIntakeDialog *self);
/* Runs the pending validation now (what a pause in typing does). */
void                _concord_intake_dialog_flush (ConcordIntakeDialog *self);

G_END_DECLS
