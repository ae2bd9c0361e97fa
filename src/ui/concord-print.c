/* concord-print.c
 *
 * What is printed is the PDF concord_document_render() makes, page by
 * page through poppler into the print context: the paper shows the same
 * pages as the preview and as "Save as PDF…". The PDF already holds its
 * margins, so the operation draws on the full page (use-full-page) of an
 * A4 portrait sheet, points scaled to the printer's resolution.
 *
 * A print job keeps the PDF with the operation (PrintJob); once it ends
 * with GTK_PRINT_OPERATION_RESULT_APPLY the bytes are archived with the
 * case, with the number of copies the dialog ended with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-print"

#include "config.h"

#include <glib/gi18n.h>

#include <poppler.h>
#include <string.h>

#include "concord-ui-util.h"
#include "concord-print.h"

#define PRINT_JOB_KEY "concord-print-job"

typedef struct
{
  ConcordContext  *context;
  gint64           case_id;
  gint64           agreement_id;
  GBytes          *pdf;
  PopplerDocument *document;
  guint            pages;
  GtkWindow       *parent;        /* weak; where errors are shown */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->context);
  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_clear_object (&job->document);
  g_clear_weak_pointer (&job->parent);
  g_free (job);
}

/* Helpers */

static ConcordStore *
job_store (PrintJob *job)
{
  return concord_context_get_store (job->context);
}

/* The version to print: @agreement_id of case @case_id, or its latest. */
static ConcordAgreement *
load_version (ConcordStore *store,
              gint64        case_id,
              gint64        agreement_id,
              GError      **error)
{
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(GError) local_error = NULL;

  if (agreement_id > 0)
    agreement = concord_store_load_agreement_by_id (store, agreement_id, &local_error);
  else
    agreement = concord_store_load_agreement (store, case_id, 0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (agreement == NULL || agreement->case_id != case_id)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND,
                   _("The case has no agreement to print."));
      return NULL;
    }
  return g_steal_pointer (&agreement);
}

/* Printing is for an approved agreement (DESIGN.md, "Legal review"). */
static gboolean
check_approved (ConcordStore *store,
                gint64        case_id,
                GError      **error)
{
  if (concord_store_agreement_approved (store, case_id))
    return TRUE;
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
               concord_store_review_required (store)
               ? _("The agreement is printed once the lawyer has approved it. Send it to legal review first.")
               : _("The agreement is printed once it is complete and sent on for signing."));
  return FALSE;
}

static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (widget == NULL)
    return NULL;
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
show_toast (GtkWindow  *parent,
            const char *text)
{
  AdwToastOverlay *overlay = find_toast_overlay (GTK_WIDGET (parent));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (text));
}

/* "(2026)东城调字第0005号 人民调解协议书.pdf", with what a file name cannot
 * hold replaced. */
static char *
suggested_file_name (ConcordStore *store,
                     gint64        case_id)
{
  g_autoptr(ConcordCase) c = concord_store_load_case (store, case_id, NULL);
  g_autoptr(ConcordAgreement) agreement = concord_store_load_agreement (store, case_id, 0, NULL);
  g_autoptr(ConcordTemplate) template = agreement != NULL ? concord_agreement_dup_template (agreement, NULL) : NULL;
  const char *title = template != NULL && !concord_text_is_blank (template->title) ? template->title : NULL;
  g_autofree char *name = NULL;

  if (c != NULL && !concord_text_is_blank (c->case_no))
    /* Translators: the file name offered when saving the agreement as a
     * PDF: the case number, then the document's title; when the title is
     * unknown, "调解协议书" */
    name = g_strdup_printf ("%s %s.pdf", c->case_no, title != NULL ? title : _("Mediation Agreement"));
  else
    name = g_strdup_printf ("%s.pdf", title != NULL ? title : _("Mediation Agreement"));
  g_strdelimit (name, "/\\", '-');
  return g_steal_pointer (&name);
}

/* The print operation */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  gtk_print_operation_set_n_pages (operation, (int) job->pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  PopplerPage *page = poppler_document_get_page (job->document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (page == NULL)
    return;
  /* The PDF is in points; the context in the printer's dots. */
  cairo_save (cr);
  cairo_scale (cr,
               gtk_print_context_get_dpi_x (context) / 72.0,
               gtk_print_context_get_dpi_y (context) / 72.0);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  g_object_unref (page);
}

static void
archive (PrintJob *job,
         guint     copies)
{
  g_autoptr(GError) error = NULL;

  if (concord_store_archive_print (job_store (job), job->agreement_id, job->pdf, job->pages,
                                   MAX (copies, 1),
                                   concord_context_get_username (job->context), &error) <= 0)
    {
      g_warning ("Could not archive the printed agreement of case %" G_GINT64_FORMAT ": %s",
                 job->case_id, error != NULL ? error->message : "?");
      if (job->parent != NULL)
        concord_ui_show_message (job->parent,
                                 /* Translators: heading of a message after printing, when the
                                  * printed file could not be kept with the case */
                                 _("The Printed Agreement Was Not Archived"),
                                 error != NULL ? error->message : "");
      return;
    }
  concord_context_case_changed (job->context, job->case_id);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

      archive (job, settings != NULL ? (guint) gtk_print_settings_get_n_copies (settings) : 1);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (job->parent != NULL)
        concord_ui_show_message (job->parent, _("Could Not Print the Agreement"),
                                 error != NULL ? error->message : "");
    }
}

/* Public */

GtkPrintOperation *
concord_print_operation_new (ConcordContext *context,
                             gint64          case_id,
                             gint64          agreement_id,
                             gboolean        signed_copy,
                             GError        **error)
{
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autofree char *job_name = NULL;
  ConcordStore *store;
  PrintJob *job;
  guint pages = 0;

  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (case_id > 0, NULL);
  g_return_val_if_fail (agreement_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = concord_context_get_store (context);
  if (!check_approved (store, case_id, error))
    return NULL;
  agreement = load_version (store, case_id, agreement_id, error);
  if (agreement == NULL)
    return NULL;

  job = g_new0 (PrintJob, 1);
  job->context = g_object_ref (context);
  job->case_id = case_id;
  job->agreement_id = agreement->id;
  job->pdf = concord_document_render (store, case_id, agreement->id, signed_copy, &pages, error);
  if (job->pdf == NULL)
    {
      print_job_free (job);
      return NULL;
    }
  job->document = poppler_document_new_from_bytes (job->pdf, NULL, error);
  if (job->document == NULL)
    {
      print_job_free (job);
      return NULL;
    }
  job->pages = (guint) poppler_document_get_n_pages (job->document);
  if (job->pages == 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("The agreement’s PDF has no pages."));
      print_job_free (job);
      return NULL;
    }

  operation = gtk_print_operation_new ();
  job_name = suggested_file_name (store, case_id);
  if (g_str_has_suffix (job_name, ".pdf"))
    job_name[strlen (job_name) - 4] = '\0';
  gtk_print_operation_set_job_name (operation, job_name);

  /* A4 portrait, the PDF's own margins: drawn from the paper's corner. */
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);

  /* One copy for each party and those the mediators keep; one-sided, as
   * each page is signed across (DESIGN.md, "Print dialog"). */
  settings = gtk_print_settings_new ();
  gtk_print_settings_set_paper_size (settings, a4);
  gtk_print_settings_set_orientation (settings, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_settings_set_n_copies (settings, MAX (agreement->copies, 1));
  gtk_print_settings_set_collate (settings, TRUE);
  gtk_print_settings_set_duplex (settings, GTK_PRINT_DUPLEX_SIMPLEX);
  gtk_print_settings_set_use_color (settings, TRUE);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_n_pages (operation, (int) job->pages);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);

  g_object_set_data_full (G_OBJECT (operation), PRINT_JOB_KEY, job, (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);
  return g_steal_pointer (&operation);
}

void
concord_print_agreement (GtkWindow      *parent,
                         ConcordContext *context,
                         gint64          case_id,
                         gboolean        signed_copy)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  ConcordStore *store;
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (CONCORD_IS_CONTEXT (context));
  g_return_if_fail (case_id > 0);

  store = concord_context_get_store (context);
  if (!check_approved (store, case_id, &error))
    {
      /* Translators: heading of the message when printing an agreement
       * that the lawyer has not approved */
      concord_ui_show_message (parent, _("The Agreement Is Not Approved Yet"), error->message);
      return;
    }
  operation = concord_print_operation_new (context, case_id, 0, signed_copy, &error);
  if (operation == NULL)
    {
      concord_ui_show_message (parent, _("Could Not Print the Agreement"), error->message);
      return;
    }
  job = g_object_get_data (G_OBJECT (operation), PRINT_JOB_KEY);
  g_set_weak_pointer (&job->parent, parent);

  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    concord_ui_show_message (parent, _("Could Not Print the Agreement"),
                             error != NULL ? error->message : "");
}

typedef struct
{
  GtkWindow      *parent;   /* weak */
  ConcordContext *context;
  gint64          case_id;
  gboolean        signed_copy;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_weak_pointer (&request->parent);
  g_clear_object (&request->context);
  g_free (request);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  SaveRequest     *request)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);

  if (file != NULL)
    {
      if (!concord_print_save_pdf_to_file (request->context, request->case_id, request->signed_copy,
                                           file, &error))
        concord_ui_show_message (request->parent, _("Could Not Save the Agreement"), error->message);
      else if (request->parent != NULL)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = NULL;

          /* Translators: a toast after the agreement was saved as a PDF; %s is the file's name */
          text = g_strdup_printf (_("Saved as “%s”"), name);
          show_toast (request->parent, text);
        }
    }
  save_request_free (request);
  g_object_unref (chooser);
}

void
concord_print_save_pdf (GtkWindow      *parent,
                        ConcordContext *context,
                        gint64          case_id,
                        gboolean        signed_copy)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  SaveRequest *request;
  ConcordStore *store;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (CONCORD_IS_CONTEXT (context));
  g_return_if_fail (case_id > 0);

  store = concord_context_get_store (context);
  if (!check_approved (store, case_id, &error))
    {
      concord_ui_show_message (parent, _("The Agreement Is Not Approved Yet"), error->message);
      return;
    }

  /* Translators: title of the file chooser that saves the agreement as a PDF */
  chooser = gtk_file_chooser_native_new (_("Save Agreement as PDF"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = suggested_file_name (store, case_id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = gtk_file_filter_new ();
  /* Translators: the kind of file in the file chooser */
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  request = g_new0 (SaveRequest, 1);
  g_set_weak_pointer (&request->parent, parent);
  request->context = g_object_ref (context);
  request->case_id = case_id;
  request->signed_copy = signed_copy;
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
concord_print_save_pdf_to_file (ConcordContext *context,
                                gint64          case_id,
                                gboolean        signed_copy,
                                GFile          *file,
                                GError        **error)
{
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(GBytes) pdf = NULL;
  ConcordStore *store;
  guint pages = 0;

  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (case_id > 0, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = concord_context_get_store (context);
  if (!check_approved (store, case_id, error))
    return FALSE;
  agreement = load_version (store, case_id, 0, error);
  if (agreement == NULL)
    return FALSE;
  pdf = concord_document_render (store, case_id, agreement->id, signed_copy, &pages, error);
  if (pdf == NULL)
    return FALSE;
  if (pages == 0)
    pages = concord_pdf_count_pages (pdf);

  if (!g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error))
    return FALSE;

  /* One file, one copy: kept with the case like a print. */
  if (concord_store_archive_print (store, agreement->id, pdf, pages, 1,
                                   concord_context_get_username (context), error) <= 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_FAILED,
                     _("The saved file could not be archived with the case."));
      return FALSE;
    }
  concord_context_case_changed (context, case_id);
  return TRUE;
}
