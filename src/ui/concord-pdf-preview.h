/* concord-pdf-preview.h — the pages of a real PDF, on screen
 *
 * Renders each page of a PDF (poppler-glib) at the widget's width and
 * shows them one under the other on a grey desk, like a document viewer.
 * The preview is the PDF: what prints is what is shown. When the PDF
 * could not be made, the reason is shown in place of the pages (the last
 * pages stay, dimmed, so the layout does not jump).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CONCORD_TYPE_PDF_PREVIEW (concord_pdf_preview_get_type ())
G_DECLARE_FINAL_TYPE (ConcordPdfPreview, concord_pdf_preview, CONCORD, PDF_PREVIEW, GtkWidget)

GtkWidget *concord_pdf_preview_new (void);

/* Shows @pdf (NULL: nothing). FALSE with @error when poppler cannot read
 * it; the error is then shown too. */
gboolean   concord_pdf_preview_set_pdf (ConcordPdfPreview *self,
                                        GBytes            *pdf,
                                        GError           **error);
/* Shows @message (NULL: none) as the reason there is no up-to-date PDF. */
void       concord_pdf_preview_set_message (ConcordPdfPreview *self,
                                            const char        *message);
guint      concord_pdf_preview_get_n_pages (ConcordPdfPreview *self);

G_END_DECLS
