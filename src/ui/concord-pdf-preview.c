/* concord-pdf-preview.c
 *
 * The preview holds the PDF's bytes. Setting them opens the document once
 * on the main thread (to learn the number and size of the pages, and to
 * refuse a file poppler cannot read); the pages are then rasterised in a
 * GTask thread, from a document of its own (a PopplerDocument is not
 * shared between threads), at the width the pages are given times the
 * scale factor, and come back as pixel buffers that become textures.
 *
 * Each page is a small widget of its own (ConcordPdfPreviewPage): as wide
 * as the preview allows (up to MAX_PAGE_WIDTH), as tall as the page's
 * proportions say, so the layout is right before the pixels arrive and
 * does not jump when they do. When the width changes the pages are drawn
 * again once it has settled (RERENDER_DELAY_MS); meanwhile the old pixels
 * are scaled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-pdf-preview"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <poppler.h>

#include "concord-pdf-preview.h"

/* poppler-glib 22.12 declares no g_autoptr() cleanups of its own. */
typedef PopplerDocument ConcordPopplerDocument;
typedef PopplerPage     ConcordPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordPopplerPage, g_object_unref)

#define MAX_PAGE_WIDTH     900
#define MIN_PAGE_WIDTH     120
#define RERENDER_DELAY_MS  150
#define MAX_MESSAGE_CHARS  160

/* One page: its proportions, its pixels, what it says. */

#define CONCORD_TYPE_PDF_PREVIEW_PAGE (concord_pdf_preview_page_get_type ())
G_DECLARE_FINAL_TYPE (ConcordPdfPreviewPage, concord_pdf_preview_page, CONCORD, PDF_PREVIEW_PAGE, GtkWidget)

struct _ConcordPdfPreviewPage
{
  GtkWidget   parent_instance;

  double      width_pt;
  double      height_pt;
  GdkTexture *texture;
};

G_DEFINE_FINAL_TYPE (ConcordPdfPreviewPage, concord_pdf_preview_page, GTK_TYPE_WIDGET)

static void
concord_pdf_preview_page_finalize (GObject *object)
{
  ConcordPdfPreviewPage *self = CONCORD_PDF_PREVIEW_PAGE (object);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (concord_pdf_preview_page_parent_class)->finalize (object);
}

static GtkSizeRequestMode
concord_pdf_preview_page_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
concord_pdf_preview_page_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  ConcordPdfPreviewPage *self = CONCORD_PDF_PREVIEW_PAGE (widget);
  double ratio = self->width_pt > 0 ? self->height_pt / self->width_pt : G_SQRT2;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As wide as the preview lets it be. */
      *minimum = MIN_PAGE_WIDTH;
      *natural = MAX_PAGE_WIDTH;
    }
  else
    {
      int width = for_size >= 0 ? for_size : MAX_PAGE_WIDTH;

      width = MIN (width, MAX_PAGE_WIDTH);
      *minimum = *natural = (int) ceil (width * ratio);
    }
}

static void
concord_pdf_preview_page_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  ConcordPdfPreviewPage *self = CONCORD_PDF_PREVIEW_PAGE (widget);

  /* The white sheet and its shadow come from the CSS (style.css). */
  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture,
                                 &GRAPHENE_RECT_INIT (0, 0,
                                                      gtk_widget_get_width (widget),
                                                      gtk_widget_get_height (widget)));
}

static void
concord_pdf_preview_page_class_init (ConcordPdfPreviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = concord_pdf_preview_page_finalize;
  widget_class->get_request_mode = concord_pdf_preview_page_get_request_mode;
  widget_class->measure = concord_pdf_preview_page_measure;
  widget_class->snapshot = concord_pdf_preview_page_snapshot;

  gtk_widget_class_set_css_name (widget_class, "page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
concord_pdf_preview_page_init (ConcordPdfPreviewPage *self)
{
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

static void
page_set_size (ConcordPdfPreviewPage *self,
               double                 width_pt,
               double                 height_pt)
{
  if (self->width_pt == width_pt && self->height_pt == height_pt)
    return;
  self->width_pt = width_pt;
  self->height_pt = height_pt;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
page_set_texture (ConcordPdfPreviewPage *self,
                  GdkTexture            *texture)
{
  g_set_object (&self->texture, texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The preview */

struct _ConcordPdfPreview
{
  GtkWidget      parent_instance;

  GBytes        *pdf;
  GArray        *sizes;          /* of double pairs (width, height) in points */
  GPtrArray     *pages;          /* of ConcordPdfPreviewPage, in pages_box */
  GCancellable  *cancellable;
  guint          serial;         /* of the PDF set; a render of another is dropped */
  int            rendered_width; /* device pixels of the last render asked for */
  guint          rerender_id;
  char          *message;

  GtkWidget     *scroller;
  GtkWidget     *pages_box;
  GtkWidget     *message_box;
  GtkWidget     *message_label;
};

G_DEFINE_FINAL_TYPE (ConcordPdfPreview, concord_pdf_preview, GTK_TYPE_WIDGET)

typedef struct
{
  GBytes *pdf;
  int     width;     /* device pixels of each page's width */
  guint   serial;
} RenderJob;

typedef struct
{
  GBytes *pixels;    /* ARGB32 premultiplied, native endian: cairo's */
  int     width;
  int     height;
  gsize   stride;
  char   *text;
} RenderedPage;

static void
render_job_free (RenderJob *job)
{
  g_bytes_unref (job->pdf);
  g_free (job);
}

static void
rendered_page_free (RenderedPage *page)
{
  g_clear_pointer (&page->pixels, g_bytes_unref);
  g_free (page->text);
  g_free (page);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr(ConcordPopplerDocument) document = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) rendered_page_free);
  GError *error = NULL;
  int n;

  document = poppler_document_new_from_bytes (job->pdf, NULL, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  n = poppler_document_get_n_pages (document);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(ConcordPopplerPage) page = poppler_document_get_page (document, i);
      RenderedPage *rendered;
      cairo_surface_t *surface;
      cairo_t *cr;
      double width_pt = 0, height_pt = 0, scale;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      if (page != NULL)
        poppler_page_get_size (page, &width_pt, &height_pt);
      /* A page that cannot be drawn ends the job: skipping it would put
       * every later page in the wrong place. */
      if (page == NULL || width_pt <= 0 || height_pt <= 0)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   _("Page %d of the PDF cannot be drawn."), i + 1);
          return;
        }

      rendered = g_new0 (RenderedPage, 1);
      scale = job->width / width_pt;
      rendered->width = job->width;
      rendered->height = MAX (1, (int) ceil (height_pt * scale));
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, rendered->width, rendered->height);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      rendered->stride = cairo_image_surface_get_stride (surface);
      rendered->pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                                     rendered->stride * rendered->height,
                                                     (GDestroyNotify) cairo_surface_destroy,
                                                     surface);
      rendered->text = poppler_page_get_text (page);
      g_ptr_array_add (pages, rendered);
    }
  g_task_return_pointer (task, g_steal_pointer (&pages), (GDestroyNotify) g_ptr_array_unref);
}

static void
set_pages_dimmed (ConcordPdfPreview *self,
                  gboolean           dimmed)
{
  if (dimmed)
    gtk_widget_add_css_class (self->pages_box, "dimmed");
  else
    gtk_widget_remove_css_class (self->pages_box, "dimmed");
}

static void
show_message (ConcordPdfPreview *self,
              const char        *message)
{
  if (message == self->message)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  /* A reason that quotes a long field keeps its end, which says what is
   * wrong and what to do; the whole of it is in the tooltip. */
  if (message != NULL && g_utf8_strlen (message, -1) > MAX_MESSAGE_CHARS)
    {
      g_autofree char *shown = g_strconcat ("…", g_utf8_offset_to_pointer (message, g_utf8_strlen (message, -1) - MAX_MESSAGE_CHARS), NULL);

      gtk_label_set_text (GTK_LABEL (self->message_label), shown);
      gtk_widget_set_tooltip_text (self->message_label, message);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->message_label), message != NULL ? message : "");
      gtk_widget_set_tooltip_text (self->message_label, NULL);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message != NULL ? message : "",
                                  -1);
  gtk_widget_set_visible (self->message_box, message != NULL);
  /* The last pages stay, dimmed: the layout does not jump, and it is
   * plain they are not up to date. */
  set_pages_dimmed (self, message != NULL);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
render_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GPtrArray) rendered = NULL;
  g_autoptr(GError) error = NULL;
  ConcordPdfPreview *self;

  rendered = g_task_propagate_pointer (G_TASK (result), &error);
  if (rendered == NULL)
    {
      /* Only the newest job speaks: an older failure must not cover it. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          ((RenderJob *) g_task_get_task_data (G_TASK (result)))->serial == CONCORD_PDF_PREVIEW (source)->serial)
        {
          self = CONCORD_PDF_PREVIEW (source);
          g_warning ("Could not draw the pages of the PDF: %s", error->message);
          show_message (self, error->message);
        }
      return;
    }

  self = CONCORD_PDF_PREVIEW (source);
  if (((RenderJob *) g_task_get_task_data (G_TASK (result)))->serial != self->serial)
    return;

  for (guint i = 0; i < rendered->len && i < self->pages->len; i++)
    {
      RenderedPage *page = g_ptr_array_index (rendered, i);
      g_autoptr(GdkTexture) texture = gdk_memory_texture_new (page->width, page->height,
                                                             GDK_MEMORY_DEFAULT,
                                                             page->pixels, page->stride);
      ConcordPdfPreviewPage *widget = g_ptr_array_index (self->pages, i);

      page_set_texture (widget, texture);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, page->text != NULL ? page->text : "",
                                      -1);
    }
}

static int
page_pixel_width (ConcordPdfPreview *self)
{
  GtkWidget *first;

  if (self->pages->len == 0)
    return 0;
  first = g_ptr_array_index (self->pages, 0);
  return gtk_widget_get_width (first) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

/* Draws the pages at the width they are given now. */
static void
render (ConcordPdfPreview *self)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;
  int width = page_pixel_width (self);

  g_clear_handle_id (&self->rerender_id, g_source_remove);
  if (self->pdf == NULL || width <= 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->rendered_width = width;

  job = g_new0 (RenderJob, 1);
  job->pdf = g_bytes_ref (self->pdf);
  job->width = width;
  job->serial = self->serial;
  task = g_task_new (self, self->cancellable, render_done_cb, NULL);
  g_task_set_source_tag (task, render);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_thread);
}

static gboolean
rerender_cb (gpointer data)
{
  ConcordPdfPreview *self = data;

  self->rerender_id = 0;
  render (self);
  return G_SOURCE_REMOVE;
}

/* After a change of width, once it settled; at once when nothing is
 * drawn yet at any width. */
static void
queue_render (ConcordPdfPreview *self,
              gboolean           now)
{
  g_clear_handle_id (&self->rerender_id, g_source_remove);
  self->rerender_id = g_timeout_add (now ? 0 : RERENDER_DELAY_MS, rerender_cb, self);
}

static void
label_pages (ConcordPdfPreview *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      g_autofree char *label = NULL;

      /* Translators: what a screen reader says of a page of the
       * agreement's preview, e.g. "第 1 页，共 3 页" */
      label = g_strdup_printf (C_("preview page", "Page %u of %u"), i + 1, self->pages->len);
      gtk_accessible_update_property (GTK_ACCESSIBLE (g_ptr_array_index (self->pages, i)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

/* As many page widgets as @n, each with its size; the pixels they show
 * stay until new ones come. */
static void
set_page_count (ConcordPdfPreview *self,
                guint              n)
{
  while (self->pages->len > n)
    {
      GtkWidget *page = g_ptr_array_index (self->pages, self->pages->len - 1);

      gtk_box_remove (GTK_BOX (self->pages_box), page);
      g_ptr_array_remove_index (self->pages, self->pages->len - 1);
    }
  while (self->pages->len < n)
    {
      GtkWidget *page = g_object_new (CONCORD_TYPE_PDF_PREVIEW_PAGE, NULL);
      g_autofree char *name = g_strdup_printf ("page-%u", self->pages->len + 1);

      gtk_widget_set_name (page, name);
      gtk_box_append (GTK_BOX (self->pages_box), page);
      g_ptr_array_add (self->pages, page);
    }
  for (guint i = 0; i < n; i++)
    page_set_size (g_ptr_array_index (self->pages, i),
                   g_array_index (self->sizes, double, 2 * i),
                   g_array_index (self->sizes, double, 2 * i + 1));
  label_pages (self);
}

/* Overrides */

static void
concord_pdf_preview_dispose (GObject *object)
{
  ConcordPdfPreview *self = CONCORD_PDF_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->rerender_id, g_source_remove);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->message_box, gtk_widget_unparent);
  self->pages_box = self->message_label = NULL;
  if (self->pages != NULL)
    g_ptr_array_set_size (self->pages, 0);

  G_OBJECT_CLASS (concord_pdf_preview_parent_class)->dispose (object);
}

static void
concord_pdf_preview_finalize (GObject *object)
{
  ConcordPdfPreview *self = CONCORD_PDF_PREVIEW (object);

  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self->message);

  G_OBJECT_CLASS (concord_pdf_preview_parent_class)->finalize (object);
}

static void
concord_pdf_preview_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  ConcordPdfPreview *self = CONCORD_PDF_PREVIEW (widget);

  /* The reason floats over the pages and takes no room of its own. */
  gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

/* The reason, over the pages: as wide as the preview less its margins,
 * as tall as its lines need at that width (up to the preview's height),
 * at the top over pages, in the middle when there are none. */
static void
allocate_message (ConcordPdfPreview *self,
                  int                width,
                  int                height)
{
  GtkWidget *box = self->message_box;
  int margin = gtk_widget_get_margin_start (box);
  int box_width, box_height, minimum = 0, natural = 0, min_width = 0, y;

  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  box_width = MAX (width - 2 * margin, min_width);
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, box_width, &minimum, &natural, NULL, NULL);
  box_height = MAX (minimum, MIN (natural, height - 2 * margin));
  y = self->pages->len > 0 ? margin : MAX ((height - box_height) / 2, margin);
  gtk_widget_allocate (box, box_width, box_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (margin, y)));
}

static void
concord_pdf_preview_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  ConcordPdfPreview *self = CONCORD_PDF_PREVIEW (widget);
  int pixels;

  gtk_widget_allocate (self->scroller, width, height, baseline, NULL);
  if (gtk_widget_get_visible (self->message_box))
    allocate_message (self, width, height);

  /* The pages are allocated now: draw them again when their width
   * changed, once it settles. */
  pixels = page_pixel_width (self);
  if (self->pdf != NULL && pixels > 0 && pixels != self->rendered_width)
    {
      /* The width asked for: a new change restarts the wait. */
      self->rendered_width = pixels;
      queue_render (self, FALSE);
    }
}

static void
scale_factor_cb (ConcordPdfPreview *self)
{
  if (self->pdf != NULL)
    queue_render (self, TRUE);
}

static void
concord_pdf_preview_class_init (ConcordPdfPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_pdf_preview_dispose;
  object_class->finalize = concord_pdf_preview_finalize;
  widget_class->measure = concord_pdf_preview_measure;
  widget_class->size_allocate = concord_pdf_preview_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "pdfpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
concord_pdf_preview_init (ConcordPdfPreview *self)
{
  GtkWidget *icon;

  self->pages = g_ptr_array_new ();
  self->sizes = g_array_new (FALSE, TRUE, sizeof (double));

  self->scroller = gtk_scrolled_window_new ();
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_hexpand (self->scroller, TRUE);

  self->pages_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_add_css_class (self->pages_box, "pages");
  gtk_widget_set_margin_top (self->pages_box, 18);
  gtk_widget_set_margin_bottom (self->pages_box, 18);
  gtk_widget_set_margin_start (self->pages_box, 18);
  gtk_widget_set_margin_end (self->pages_box, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->pages_box);

  /* The reason there is no up-to-date PDF, over the dimmed pages. */
  /* An alert: a screen reader says it when it appears. */
  self->message_box = g_object_new (GTK_TYPE_BOX,
                                    "orientation", GTK_ORIENTATION_HORIZONTAL,
                                    "spacing", 12,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                                    NULL);
  gtk_widget_add_css_class (self->message_box, "card");
  gtk_widget_add_css_class (self->message_box, "preview-message");
  gtk_widget_set_valign (self->message_box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (self->message_box, GTK_ALIGN_FILL);
  gtk_widget_set_margin_top (self->message_box, 24);
  gtk_widget_set_margin_bottom (self->message_box, 24);
  gtk_widget_set_margin_start (self->message_box, 24);
  gtk_widget_set_margin_end (self->message_box, 24);
  gtk_widget_set_visible (self->message_box, FALSE);
  /* A reason longer than the preview is cut at its foot. */
  gtk_widget_set_overflow (self->message_box, GTK_OVERFLOW_HIDDEN);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  gtk_box_append (GTK_BOX (self->message_box), icon);
  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->message_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->message_label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->message_label), TRUE);
  gtk_widget_set_hexpand (self->message_label, TRUE);
  gtk_box_append (GTK_BOX (self->message_box), self->message_label);
  gtk_widget_set_parent (self->message_box, GTK_WIDGET (self));

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_cb), NULL);
}

/* Public */

GtkWidget *
concord_pdf_preview_new (void)
{
  return g_object_new (CONCORD_TYPE_PDF_PREVIEW, NULL);
}

gboolean
concord_pdf_preview_set_pdf (ConcordPdfPreview *self,
                             GBytes            *pdf,
                             GError           **error)
{
  g_autoptr(ConcordPopplerDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  int n;

  g_return_val_if_fail (CONCORD_IS_PDF_PREVIEW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->rerender_id, g_source_remove);
  self->serial++;

  if (pdf == NULL)
    {
      g_clear_pointer (&self->pdf, g_bytes_unref);
      g_array_set_size (self->sizes, 0);
      set_page_count (self, 0);
      show_message (self, NULL);
      return TRUE;
    }

  document = poppler_document_new_from_bytes (pdf, NULL, &local_error);
  if (document == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: shown over the preview when the PDF made could not
       * be read back; %s is poppler's reason */
      message = g_strdup_printf (_("The PDF could not be shown: %s"), local_error->message);
      show_message (self, message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  n = poppler_document_get_n_pages (document);
  g_array_set_size (self->sizes, 0);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(ConcordPopplerPage) page = poppler_document_get_page (document, i);
      double size[2] = { 595.276, 841.89 };  /* A4, should a page be unreadable */

      if (page != NULL)
        poppler_page_get_size (page, &size[0], &size[1]);
      if (size[0] <= 0 || size[1] <= 0)
        size[0] = 595.276, size[1] = 841.89;
      g_array_append_vals (self->sizes, size, 2);
    }

  if (self->pdf != pdf)
    {
      g_clear_pointer (&self->pdf, g_bytes_unref);
      self->pdf = g_bytes_ref (pdf);
    }
  set_page_count (self, (guint) n);
  show_message (self, NULL);

  /* Drawn at once when the pages have a width already; else as soon as
   * they are allocated (size_allocate). */
  self->rendered_width = 0;
  if (page_pixel_width (self) > 0)
    render (self);
  return TRUE;
}

void
concord_pdf_preview_set_message (ConcordPdfPreview *self,
                                 const char        *message)
{
  g_return_if_fail (CONCORD_IS_PDF_PREVIEW (self));

  if (g_strcmp0 (message, self->message) == 0)
    return;
  show_message (self, message);
}

guint
concord_pdf_preview_get_n_pages (ConcordPdfPreview *self)
{
  g_return_val_if_fail (CONCORD_IS_PDF_PREVIEW (self), 0);

  return self->pages->len;
}
