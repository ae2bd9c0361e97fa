/* concord-verify-dialog.c
 *
 * One verdict at a time: the file chosen is read whole (an agreement's
 * PDF is small) and handed to concord_document_verify(); the status page
 * says the verdict in a word, with its icon and colour, and the store's
 * sentence under it; what was found (case, version, code, signing date,
 * whether the bytes are those of an archived print) is listed below.
 *
 * "Open Case" asks the window the dialog belongs to for the case
 * (win.show-case, concord-window.c) and closes the dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-verify-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-resources.h"
#include "concord-ui-util.h"
#include "concord-verify-dialog.h"

struct _ConcordVerifyDialog
{
  AdwWindow             parent_instance;

  ConcordContext       *context;
  ConcordVerdict       *verdict;
  GPtrArray            *rows;
  GtkFileChooserNative *chooser;
  gboolean              chosen;     /* a file was chosen once */

  GtkStack             *stack;
  AdwStatusPage        *error_page;
  AdwStatusPage        *verdict_page;
  AdwPreferencesGroup  *details_group;
  GtkLabel             *detail_label;
  GtkWidget            *open_case_button;
};

G_DEFINE_FINAL_TYPE (ConcordVerifyDialog, concord_verify_dialog, ADW_TYPE_WINDOW)

static const char *verdict_classes[] = { "verdict-genuine", "verdict-altered", "verdict-warning", "verdict-notice" };

/* Helpers */

static const char *
verdict_title (ConcordVerdictKind kind)
{
  switch (kind)
    {
    case CONCORD_VERDICT_GENUINE:
      /* Translators: the verdict on a printed agreement's PDF, in a word */
      return _("Genuine");
    case CONCORD_VERDICT_UNSIGNED:
      /* Translators: the verdict: the PDF is unchanged, but that version was never signed */
      return _("Unchanged, but Not Signed");
    case CONCORD_VERDICT_SUPERSEDED:
      /* Translators: the verdict: the PDF is unchanged, but a later version replaced it */
      return _("Unchanged, but Replaced");
    case CONCORD_VERDICT_ALTERED:
      /* Translators: the verdict: the PDF claims to be an agreement of this database, but differs */
      return _("Altered");
    case CONCORD_VERDICT_UNKNOWN:
      /* Translators: the verdict: an agreement made by Concord, but on another desk */
      return _("Not From This Database");
    case CONCORD_VERDICT_FOREIGN:
    default:
      /* Translators: the verdict: the PDF is not an agreement made by Concord */
      return _("Not a Concord Agreement");
    }
}

static const char *
verdict_icon (ConcordVerdictKind kind)
{
  switch (kind)
    {
    case CONCORD_VERDICT_GENUINE:
      return "emblem-ok-symbolic";
    case CONCORD_VERDICT_ALTERED:
      return "dialog-error-symbolic";
    case CONCORD_VERDICT_UNSIGNED:
    case CONCORD_VERDICT_SUPERSEDED:
      return "dialog-information-symbolic";
    case CONCORD_VERDICT_UNKNOWN:
    case CONCORD_VERDICT_FOREIGN:
    default:
      return "dialog-warning-symbolic";
    }
}

/* The colour (style.css, "statuspage.verdict"). */
static const char *
verdict_class (ConcordVerdictKind kind)
{
  switch (kind)
    {
    case CONCORD_VERDICT_GENUINE:
      return "verdict-genuine";
    case CONCORD_VERDICT_ALTERED:
      return "verdict-altered";
    case CONCORD_VERDICT_UNSIGNED:
    case CONCORD_VERDICT_SUPERSEDED:
      return "verdict-notice";
    case CONCORD_VERDICT_UNKNOWN:
    case CONCORD_VERDICT_FOREIGN:
    default:
      return "verdict-warning";
    }
}

static void
show_error (ConcordVerifyDialog *self,
            const char          *message)
{
  g_clear_pointer (&self->verdict, concord_verdict_free);
  adw_status_page_set_description (self->error_page, message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.open-case", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
show_verdict (ConcordVerifyDialog *self,
              GFile               *file)
{
  const ConcordVerdict *verdict = self->verdict;
  g_autofree char *name = g_file_get_basename (file);
  gboolean has_case = verdict->case_id > 0;

  for (guint i = 0; i < G_N_ELEMENTS (verdict_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_page), verdict_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_page), verdict_class (verdict->kind));
  adw_status_page_set_icon_name (self->verdict_page, verdict_icon (verdict->kind));
  adw_status_page_set_title (self->verdict_page, verdict_title (verdict->kind));
  adw_status_page_set_description (self->verdict_page, verdict->summary != NULL ? verdict->summary : "");

  concord_ui_group_clear (self->details_group, self->rows);
  /* Translators: a row of the verify window: the file that was checked */
  concord_ui_group_add_property (self->details_group, self->rows, _("File"), name);
  concord_ui_group_add_property (self->details_group, self->rows, _("Case"), verdict->case_number);
  if (verdict->version > 0)
    {
      g_autofree char *version = NULL;

      /* Translators: the version of the agreement a PDF is, e.g. "第 3 版" */
      version = g_strdup_printf (_("Version %d"), verdict->version);
      /* Translators: a row of the verify window: which version of the agreement */
      concord_ui_group_add_property (self->details_group, self->rows, C_("verify", "Version"), version);
    }
  /* Translators: a row of the verify window: the code printed at the foot of each page */
  concord_ui_group_add_property (self->details_group, self->rows, _("Verification code"), verdict->code);
  if (verdict->locked_at != NULL)
    {
      g_autofree char *date = concord_ui_format_date (verdict->locked_at);

      /* Translators: a row of the verify window: when every signer had signed */
      concord_ui_group_add_property (self->details_group, self->rows, _("Signed on"), date);
    }
  if (has_case)
    /* Translators: a row of the verify window: whether the file's bytes are
     * exactly those of a copy printed or saved from this database */
    concord_ui_group_add_property (self->details_group, self->rows, _("Printed copy on file"),
                                   verdict->archived
                                   ? _("Yes: the same bytes as a copy printed from this database")
                                   : _("No"));

  gtk_label_set_text (self->detail_label, verdict->detail != NULL ? verdict->detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), verdict->detail != NULL && *verdict->detail != '\0');
  gtk_widget_set_visible (self->open_case_button, has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.open-case", has_case);
  gtk_stack_set_visible_child_name (self->stack, "verdict");
}

/* Callbacks */

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     ConcordVerifyDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    concord_verify_dialog_verify_file (self, file);
  else if (!self->chosen)
    /* Opened for a file, and none was wanted after all. */
    gtk_window_close (GTK_WINDOW (self));
}

/* Actions */

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConcordVerifyDialog *self = CONCORD_VERIFY_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = NULL;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }
  /* Translators: title of the file chooser of the verify window */
  self->chooser = gtk_file_chooser_native_new (_("Choose an Agreement to Verify"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Verify"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConcordVerifyDialog *self = CONCORD_VERIFY_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->verdict == NULL || self->verdict->case_id <= 0 || parent == NULL)
    return;
  if (!gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-case", "x", self->verdict->case_id))
    {
      g_warning ("The window has no win.show-case action");
      return;
    }
  gtk_window_present (parent);
  gtk_window_close (GTK_WINDOW (self));
}

/* Overrides */

static void
concord_verify_dialog_dispose (GObject *object)
{
  ConcordVerifyDialog *self = CONCORD_VERIFY_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_VERIFY_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_verify_dialog_parent_class)->dispose (object);
}

static void
concord_verify_dialog_finalize (GObject *object)
{
  ConcordVerifyDialog *self = CONCORD_VERIFY_DIALOG (object);

  g_clear_pointer (&self->verdict, concord_verdict_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (concord_verify_dialog_parent_class)->finalize (object);
}

static void
concord_verify_dialog_class_init (ConcordVerifyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_verify_dialog_dispose;
  object_class->finalize = concord_verify_dialog_finalize;

  if (concord_get_resource () == NULL)
    g_critical ("The interface resources are missing");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-verify-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordVerifyDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordVerifyDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, ConcordVerifyDialog, verdict_page);
  gtk_widget_class_bind_template_child (widget_class, ConcordVerifyDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordVerifyDialog, detail_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordVerifyDialog, open_case_button);

  gtk_widget_class_install_action (widget_class, "verify.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "verify.open-case", NULL, open_case_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "verify.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
concord_verify_dialog_init (ConcordVerifyDialog *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.open-case", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public */

/**
 * concord_verify_dialog_new:
 * @parent: (nullable): the main window, whose win.show-case opens a case
 * @context: the desk's context
 *
 * The verify window, before a file is chosen: activate its
 * "verify.choose" action to ask for one.
 */
ConcordVerifyDialog *
concord_verify_dialog_new (GtkWindow      *parent,
                           ConcordContext *context)
{
  ConcordVerifyDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);

  self = g_object_new (CONCORD_TYPE_VERIFY_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  return self;
}

void
concord_verify_dialog_verify_file (ConcordVerifyDialog *self,
                                   GFile               *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ConcordVerdict *verdict;

  g_return_if_fail (CONCORD_IS_VERIFY_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  self->chosen = TRUE;
  /* An agreement is well under a megabyte: a huge file is not read. */
  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                                   NULL, NULL);

    if (info != NULL && g_file_info_get_size (info) > CONCORD_DOCUMENT_MAX_PDF_SIZE)
      {
        show_error (self, _("The file is far too large to be an agreement printed by Concord."));
        return;
      }
  }
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      show_error (self, error->message);
      return;
    }
  verdict = concord_document_verify (concord_context_get_store (self->context), bytes, &error);
  if (verdict == NULL)
    {
      show_error (self, error != NULL ? error->message : "");
      return;
    }
  g_clear_pointer (&self->verdict, concord_verdict_free);
  self->verdict = verdict;
  show_verdict (self, file);
}

const ConcordVerdict *
concord_verify_dialog_get_verdict (ConcordVerifyDialog *self)
{
  g_return_val_if_fail (CONCORD_IS_VERIFY_DIALOG (self), NULL);

  return self->verdict;
}
