/* concord-position-dialog.c
 *
 * A modal window rather than an AdwMessageDialog: a message dialog closes
 * on every response, and a wrong amount must leave the dialog open with
 * everything typed still in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-position-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-money.h"
#include "concord-ui-util.h"
#include "concord-position-dialog.h"

struct _ConcordPositionDialog
{
  AdwWindow        parent_instance;

  ConcordContext  *context;
  gint64           session_id;
  GPtrArray       *parties;  /* of ConcordParty */
  gboolean         kind_chosen;

  GtkLabel        *error_label;
  AdwComboRow     *party_row;
  AdwComboRow     *kind_row;
  AdwEntryRow     *amount_row;
  GtkLabel        *amount_error;
  GtkTextView     *terms_view;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConcordPositionDialog, concord_position_dialog, ADW_TYPE_WINDOW)

/* What a party usually puts on the table: the applicant asks, the
 * respondent offers. */
static ConcordPositionKind
usual_kind (const ConcordParty *party)
{
  return party != NULL && party->role == CONCORD_ROLE_RESPONDENT
         ? CONCORD_POSITION_OFFER : CONCORD_POSITION_DEMAND;
}

static const ConcordParty *
selected_party (ConcordPositionDialog *self)
{
  guint i = adw_combo_row_get_selected (self->party_row);

  if (self->parties == NULL || i >= self->parties->len)
    return NULL;
  return g_ptr_array_index (self->parties, i);
}

static void
show_error (ConcordPositionDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
kind_selected_cb (AdwComboRow           *row,
                  GParamSpec            *pspec,
                  ConcordPositionDialog *self)
{
  self->kind_chosen = TRUE;
}

static void
party_selected_cb (AdwComboRow           *row,
                   GParamSpec            *pspec,
                   ConcordPositionDialog *self)
{
  /* Follow the party until the kind was chosen by hand. */
  if (!self->kind_chosen)
    {
      g_signal_handlers_block_by_func (self->kind_row, kind_selected_cb, self);
      adw_combo_row_set_selected (self->kind_row, usual_kind (selected_party (self)));
      g_signal_handlers_unblock_by_func (self->kind_row, kind_selected_cb, self);
    }
}

static void
amount_changed_cb (GtkEditable           *editable,
                   ConcordPositionDialog *self)
{
  concord_ui_set_field_error (GTK_WIDGET (self->amount_row), self->amount_error, NULL);
}

static void
amount_activated_cb (AdwEntryRow           *row,
                     ConcordPositionDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "position.save", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  concord_position_dialog_save (CONCORD_POSITION_DIALOG (widget), NULL);
}

/* The room's shortcut works here too: the screen may have to be turned
 * while a position is being typed. */
static void
toggle_privacy_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ConcordPositionDialog *self = CONCORD_POSITION_DIALOG (widget);

  concord_context_set_privacy_mode (self->context, !concord_context_get_privacy_mode (self->context));
}

static void
concord_position_dialog_dispose (GObject *object)
{
  ConcordPositionDialog *self = CONCORD_POSITION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_POSITION_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->parties, g_ptr_array_unref);

  G_OBJECT_CLASS (concord_position_dialog_parent_class)->dispose (object);
}

static void
concord_position_dialog_class_init (ConcordPositionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_position_dialog_dispose;

  /**
   * ConcordPositionDialog::saved:
   * @position_id: the id of the stored position
   *
   * The position is stored; the dialog closes next.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-position-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordPositionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordPositionDialog, party_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPositionDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPositionDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPositionDialog, amount_error);
  gtk_widget_class_bind_template_child (widget_class, ConcordPositionDialog, terms_view);

  gtk_widget_class_install_action (widget_class, "position.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "position.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "position.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "position.toggle-privacy", NULL, toggle_privacy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "position.toggle-privacy", NULL);
}

static void
concord_position_dialog_init (ConcordPositionDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  G_STATIC_ASSERT (CONCORD_POSITION_DEMAND == 0 && CONCORD_POSITION_OFFER == 1);
  gtk_string_list_append (kinds, concord_position_kind_label (CONCORD_POSITION_DEMAND));
  gtk_string_list_append (kinds, concord_position_kind_label (CONCORD_POSITION_OFFER));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  g_signal_connect (self->amount_row, "changed", G_CALLBACK (amount_changed_cb), self);
  g_signal_connect (self->amount_row, "entry-activated", G_CALLBACK (amount_activated_cb), self);
}

ConcordPositionDialog *
concord_position_dialog_new (GtkWindow            *parent,
                             ConcordContext       *context,
                             const ConcordCase    *c,
                             const ConcordSession *session,
                             gint64                party_id)
{
  ConcordPositionDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (c != NULL, NULL);
  g_return_val_if_fail (session != NULL && session->id > 0, NULL);

  self = g_object_new (CONCORD_TYPE_POSITION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->session_id = session->id;
  self->parties = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_party_unref);
  for (guint i = 0; i < c->parties->len; i++)
    {
      ConcordParty *p = g_ptr_array_index (c->parties, i);

      g_ptr_array_add (self->parties, concord_party_ref (p));
      gtk_string_list_append (names, p->name != NULL ? p->name : "");
    }
  adw_combo_row_set_model (self->party_row, G_LIST_MODEL (names));
  g_signal_connect (self->party_row, "notify::selected", G_CALLBACK (party_selected_cb), self);
  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  concord_position_dialog_set_party_id (self, party_id);
  party_selected_cb (self->party_row, NULL, self);

  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
  return self;
}

gint64
concord_position_dialog_get_party_id (ConcordPositionDialog *self)
{
  const ConcordParty *party;

  g_return_val_if_fail (CONCORD_IS_POSITION_DIALOG (self), 0);

  party = selected_party (self);
  return party != NULL ? party->id : 0;
}

void
concord_position_dialog_set_party_id (ConcordPositionDialog *self,
                                      gint64                 party_id)
{
  g_return_if_fail (CONCORD_IS_POSITION_DIALOG (self));

  for (guint i = 0; i < self->parties->len; i++)
    if (((ConcordParty *) g_ptr_array_index (self->parties, i))->id == party_id)
      {
        adw_combo_row_set_selected (self->party_row, i);
        return;
      }
}

ConcordPositionKind
concord_position_dialog_get_kind (ConcordPositionDialog *self)
{
  g_return_val_if_fail (CONCORD_IS_POSITION_DIALOG (self), CONCORD_POSITION_DEMAND);

  return adw_combo_row_get_selected (self->kind_row) == CONCORD_POSITION_OFFER
         ? CONCORD_POSITION_OFFER : CONCORD_POSITION_DEMAND;
}

void
concord_position_dialog_set_kind (ConcordPositionDialog *self,
                                  ConcordPositionKind    kind)
{
  g_return_if_fail (CONCORD_IS_POSITION_DIALOG (self));
  g_return_if_fail (kind == CONCORD_POSITION_DEMAND || kind == CONCORD_POSITION_OFFER);

  adw_combo_row_set_selected (self->kind_row, kind);
}

gint64
concord_position_dialog_save (ConcordPositionDialog *self,
                              GError               **error)
{
  g_autoptr(ConcordPosition) position = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *terms = NULL;
  const ConcordParty *party;
  const char *amount;
  gint64 id;

  g_return_val_if_fail (CONCORD_IS_POSITION_DIALOG (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  show_error (self, NULL);
  party = selected_party (self);
  if (party == NULL)
    {
      g_set_error (&local_error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The case has no party yet: add the parties to the case first."));
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  position = concord_position_new ();
  position->session_id = self->session_id;
  position->party_id = party->id;
  position->kind = concord_position_dialog_get_kind (self);
  terms = g_strstrip (concord_ui_text_view_dup_text (self->terms_view));
  position->terms = *terms != '\0' ? g_strdup (terms) : NULL;

  amount = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  if (!concord_text_is_blank (amount))
    {
      if (!concord_money_parse (amount, &position->amount_fen, &local_error))
        {
          concord_ui_set_field_error (GTK_WIDGET (self->amount_row), self->amount_error, local_error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
          g_propagate_error (error, g_steal_pointer (&local_error));
          return 0;
        }
      position->has_amount = TRUE;
    }
  else if (position->terms == NULL)
    {
      g_set_error (&local_error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("Enter an amount, or the terms in words."));
      concord_ui_set_field_error (GTK_WIDGET (self->amount_row), self->amount_error, local_error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  id = concord_store_add_position (concord_context_get_store (self->context), position,
                                   concord_context_get_username (self->context), &local_error);
  if (id == 0)
    {
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return id;
}
