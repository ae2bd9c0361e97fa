/* concord-signature-window.c
 *
 * The window stays open until the store has taken the signature: a
 * refusal (the case moved on, the version was replaced or locked) is
 * shown above the pad and the strokes stay, so nothing written is lost
 * to a message. Closing with strokes on the pad asks first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-signature-window"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-signature-window.h"
#include "concord-ui-util.h"

struct _ConcordSignatureWindow
{
  AdwWindow            parent_instance;

  ConcordContext      *context;
  gint64               case_id;
  gint64               agreement_id;
  ConcordSigner       *signer;
  gboolean             done;       /* stored or discarded: closes without asking */
  gint64               replaces;   /* the signature this one takes the place of, or 0 */

  AdwWindowTitle      *window_title;
  GtkWidget           *sign_button;
  GtkLabel            *role_label;
  GtkLabel            *name_label;
  GtkLabel            *meta_label;
  GtkLabel            *error_label;
  ConcordSignaturePad *pad;
};

enum {
  SIGNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConcordSignatureWindow, concord_signature_window, ADW_TYPE_WINDOW)

/* Helpers */

static ConcordSigner *
dup_signer (const ConcordSigner *signer)
{
  ConcordSigner *copy = g_new0 (ConcordSigner, 1);

  copy->key = g_strdup (signer->key);
  copy->role = g_strdup (signer->role);
  copy->name = g_strdup (signer->name != NULL ? signer->name : "");
  copy->party_id = signer->party_id;
  return copy;
}

static void
show_error (ConcordSignatureWindow *self,
            const char             *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_actions (ConcordSignatureWindow *self)
{
  gboolean empty = concord_signature_pad_is_empty (self->pad);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signature.sign", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signature.undo", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signature.clear", !empty);
}

/* Who signs, and which text: "Version 2 of the agreement · verification
 * code 3F2A-9C1B-77D0". */
static void
show_signer (ConcordSignatureWindow *self)
{
  ConcordStore *store = concord_context_get_store (self->context);
  g_autoptr(ConcordSigning) signing = NULL;
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *subtitle = NULL;
  int version = 0;

  gtk_label_set_text (self->role_label, self->signer->role != NULL ? self->signer->role : "");
  if (concord_text_is_blank (self->signer->name))
    {
      /* Translators: in the signature window, when the case gives no name for the signer */
      gtk_label_set_text (self->name_label, _("(no name given)"));
      gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "dim-label");
    }
  else
    gtk_label_set_text (self->name_label, self->signer->name);
  /* Translators: the window title's subtitle, role and name of who signs, e.g. "甲方 赵某" */
  subtitle = g_strdup_printf (C_("signer", "%s %s"), self->signer->role != NULL ? self->signer->role : "",
                              self->signer->name != NULL ? self->signer->name : "");
  adw_window_title_set_subtitle (self->window_title, g_strstrip (subtitle));
  {
    /* Translators: accessible name of the signature pad; %s is the role and name of who signs, e.g. "甲方 赵某" */
    g_autofree char *label = g_strdup_printf (_("Signature pad for %s"), subtitle);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->pad), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }

  signing = concord_store_load_signing (store, self->case_id, &error);
  if (signing != NULL && signing->agreement_id == self->agreement_id)
    {
      version = signing->version;
      code = g_strdup (signing->code);
    }
  else
    {
      g_clear_error (&error);
      agreement = concord_store_load_agreement_by_id (store, self->agreement_id, &error);
      if (agreement != NULL)
        {
          version = agreement->version;
          code = concord_agreement_verification_code (agreement);
        }
    }
  if (version == 0)
    {
      show_error (self, error != NULL ? error->message : NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->meta_label), FALSE);
      return;
    }
  /* Translators: under the signer's name in the signature window: which
   * text is signed; %d is the version number, %s the verification code
   * printed on the agreement, e.g. "3F2A-9C1B-77D0" */
  meta = g_strdup_printf (_("Signs version %d of the agreement · verification code %s"), version,
                          code != NULL ? code : "");
  gtk_label_set_text (self->meta_label, meta);
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
pad_changed_cb (ConcordSignatureWindow *self)
{
  update_actions (self);
}

/* Stores @signature; one that signs again takes the place of the old
 * signature in the same transaction, so a refusal keeps the old one. */
static gboolean
store_signature (ConcordSignatureWindow *self,
                 ConcordSignature       *signature,
                 gboolean               *locked,
                 GError                **error)
{
  ConcordStore *store = concord_context_get_store (self->context);
  const char *actor = concord_context_get_username (self->context);

  if (self->replaces == 0)
    return concord_store_add_signature (store, self->case_id, signature, actor, locked, error);
  if (!concord_store_begin_batch (store, error))
    return FALSE;
  if (!concord_store_remove_signature (store, self->replaces, actor, error) ||
      !concord_store_add_signature (store, self->case_id, signature, actor, locked, error) ||
      !concord_store_commit_batch (store, error))
    {
      concord_store_rollback_batch (store);
      return FALSE;
    }
  return TRUE;
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConcordSignatureWindow *self = CONCORD_SIGNATURE_WINDOW (widget);
  g_autoptr(ConcordSignature) signature = NULL;
  g_autoptr(GError) error = NULL;
  gboolean locked = FALSE;

  if (self->done || concord_signature_pad_is_empty (self->pad))
    return;

  signature = concord_signature_pad_dup_signature (self->pad);
  signature->agreement_id = self->agreement_id;
  signature->signer = g_strdup (self->signer->key);
  signature->signer_name = g_strdup (self->signer->name);
  signature->signed_at = concord_clock_now_iso ();
  signature->recorded_by = g_strdup (concord_context_get_username (self->context));

  if (!concord_signature_check_strokes (signature, &error))
    {
      show_error (self, error->message);
      return;
    }
  if (!store_signature (self, signature, &locked, &error))
    {
      /* The strokes stay; what the case shows behind is read again, since
       * the refusal may come from a change made elsewhere. */
      show_error (self, error->message);
      gtk_widget_grab_focus (self->sign_button);
      concord_context_case_changed (self->context, self->case_id);
      return;
    }

  self->done = TRUE;
  show_error (self, NULL);
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNED], 0, locked);
  concord_context_case_changed (self->context, self->case_id);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  concord_signature_pad_undo (CONCORD_SIGNATURE_WINDOW (widget)->pad);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  concord_signature_pad_clear (CONCORD_SIGNATURE_WINDOW (widget)->pad);
}

static void
discard_response_cb (AdwMessageDialog       *dialog,
                     const char             *response,
                     ConcordSignatureWindow *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  /* Hidden now, destroyed once the dialog that asked has gone. */
  self->done = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

/* Overrides */

static gboolean
concord_signature_window_close_request (GtkWindow *window)
{
  ConcordSignatureWindow *self = CONCORD_SIGNATURE_WINDOW (window);
  AdwMessageDialog *dialog;

  if (self->done || concord_signature_pad_is_empty (self->pad))
    return GTK_WINDOW_CLASS (concord_signature_window_parent_class)->close_request (window);

  /* Translators: asked when the signature window is closed with something
   * written on the pad */
  dialog = concord_ui_discard_dialog_new (window, _("Discard the Signature?"),
                                          self->replaces != 0
                                          ? _("What is written on the pad is not kept; the signature given "
                                              "before stays.")
                                          : _("What is written on the pad is not kept, and this person has "
                                              "not signed."),
                                          /* Translators: response: go back to the signature pad */
                                          _("_Keep Signing"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
concord_signature_window_dispose (GObject *object)
{
  ConcordSignatureWindow *self = CONCORD_SIGNATURE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_SIGNATURE_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_signature_window_parent_class)->dispose (object);
}

static void
concord_signature_window_finalize (GObject *object)
{
  ConcordSignatureWindow *self = CONCORD_SIGNATURE_WINDOW (object);

  g_clear_pointer (&self->signer, concord_signer_free);

  G_OBJECT_CLASS (concord_signature_window_parent_class)->finalize (object);
}

static void
concord_signature_window_class_init (ConcordSignatureWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = concord_signature_window_dispose;
  object_class->finalize = concord_signature_window_finalize;
  window_class->close_request = concord_signature_window_close_request;

  /**
   * ConcordSignatureWindow::signed:
   * @locked: this signature completed the agreement, which is locked
   *
   * The signature was stored; the window closes.
   */
  signals[SIGNED] =
    g_signal_new ("signed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (CONCORD_TYPE_SIGNATURE_PAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-signature-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordSignatureWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConcordSignatureWindow, sign_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordSignatureWindow, role_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSignatureWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSignatureWindow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSignatureWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSignatureWindow, pad);
  gtk_widget_class_bind_template_callback (widget_class, pad_changed_cb);

  gtk_widget_class_install_action (widget_class, "signature.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "signature.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "signature.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "signature.clear", NULL, clear_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "signature.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "signature.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "signature.sign", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "signature.sign", NULL);
}

static void
concord_signature_window_init (ConcordSignatureWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/* Public */

ConcordSignatureWindow *
concord_signature_window_new (GtkWindow           *parent,
                              ConcordContext      *context,
                              gint64               case_id,
                              gint64               agreement_id,
                              const ConcordSigner *signer)
{
  ConcordSignatureWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (case_id > 0, NULL);
  g_return_val_if_fail (agreement_id > 0, NULL);
  g_return_val_if_fail (signer != NULL && signer->key != NULL, NULL);

  self = g_object_new (CONCORD_TYPE_SIGNATURE_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->case_id = case_id;
  self->agreement_id = agreement_id;
  self->signer = dup_signer (signer);
  show_signer (self);
  return self;
}

ConcordSignaturePad *
concord_signature_window_get_pad (ConcordSignatureWindow *self)
{
  g_return_val_if_fail (CONCORD_IS_SIGNATURE_WINDOW (self), NULL);

  return self->pad;
}

void
concord_signature_window_set_replaces (ConcordSignatureWindow *self,
                                       gint64                  signature_id)
{
  g_return_if_fail (CONCORD_IS_SIGNATURE_WINDOW (self));
  self->replaces = signature_id;
}
