/* concord-print.h — printing and saving the agreement
 *
 * The GTK print dialog (GtkPrintOperation) with the agreement's PDF drawn
 * page by page through poppler: A4, portrait, one-sided, copies preset to
 * the agreement's number of copies (parties + the template's extra: the
 * committee's or the police file's). "Save as PDF…" writes the same bytes
 * to a file the user picks (GtkFileChooserNative). Each printed or saved
 * file is archived with the case (concord_store_archive_print()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "concord-core.h"

G_BEGIN_DECLS

/* A print operation for version @agreement_id (0: latest) of the case,
 * rendered with concord_document_render(); NULL with @error when it cannot
 * be rendered. Copies, paper and duplex are preset; when it ends with
 * GTK_PRINT_OPERATION_RESULT_APPLY the file is archived. Tests run it with
 * GTK_PRINT_OPERATION_ACTION_EXPORT and an export filename. */
GtkPrintOperation *concord_print_operation_new (ConcordContext *context,
                                                gint64          case_id,
                                                gint64          agreement_id,
                                                gboolean        signed_copy,
                                                GError        **error);

/* Opens the print dialog for it over @parent; an error is shown in a
 * message dialog. */
void               concord_print_agreement (GtkWindow      *parent,
                                            ConcordContext *context,
                                            gint64          case_id,
                                            gboolean        signed_copy);

/* Asks where to save, writes the PDF, archives it. */
void               concord_print_save_pdf (GtkWindow      *parent,
                                           ConcordContext *context,
                                           gint64          case_id,
                                           gboolean        signed_copy);

/* Writes the PDF to @file and archives it (what "Save as PDF…" does once
 * the file is chosen). */
gboolean           concord_print_save_pdf_to_file (ConcordContext *context,
                                                   gint64          case_id,
                                                   gboolean        signed_copy,
                                                   GFile          *file,
                                                   GError        **error);

G_END_DECLS
