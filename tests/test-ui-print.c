/* test-ui-print.c — the agreement as its real PDF on screen and on paper:
 * the editor's live preview of scenario 1 (its pages, a change shown,
 * a character the font lacks named over the dimmed pages), the print
 * operation exported to a file (the same text as the document, the
 * copies preset, the print archived), "Save as PDF" (the exact bytes,
 * archived), and the verify window on a genuine, an altered and a
 * foreign file, opened from the main menu. Runs under Xvfb (suite "ui").
 *
 * With CONCORD_TEST_SHOTS=DIR the windows are also saved as PNG files
 * there, to be looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "concord-agreement-editor.h"
#include "concord-case-view.h"
#include "concord-pdf-preview.h"
#include "concord-print.h"
#include "concord-verify-dialog.h"
#include "concord-window.h"
#include "test-fixtures.h"
#include "test-ui-helpers.h"

/* What the interface says, in the language the test runs in (C: the
 * English source; with CONCORD_TEST_SHOTS the screenshots may be taken in
 * Chinese). */
#define T(text)          g_dgettext (GETTEXT_PACKAGE, text)
#define TC(context, text) g_dpgettext2 (GETTEXT_PACKAGE, context, text)

#define ACTOR  "王调解员"
#define MARKER "经现场勘验确认起火点位于出租屋厨房插座"

typedef struct
{
  Fixture         f;
  ConcordContext *context;
  gint64          case_id;
} Desk;

static void
desk_set_up (Desk          *desk,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = NULL;

  fixture_set_up (&desk->f, NULL);
  c = fixture_stored_fire_case (&desk->f, CONCORD_STAGE_BACK_TO_BACK, ACTOR);
  g_assert_true (concord_store_move_stage (desk->f.store, c->id, CONCORD_STAGE_DRAFTING, NULL, ACTOR, &error));
  g_assert_no_error (error);
  desk->case_id = c->id;
  desk->context = concord_context_new (desk->f.store, "tester");
}

static void
desk_tear_down (Desk          *desk,
                gconstpointer  data)
{
  destroy_all_windows ();
  g_clear_object (&desk->context);
  fixture_tear_down (&desk->f, NULL);
}

/* Scenario 1 brought to signing the way the application does. */
static void
move_to_signing (Desk *desk)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fixture_move (desk->f.store, desk->case_id, CONCORD_STAGE_REVIEW, NULL, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_true (fixture_move (desk->f.store, desk->case_id, CONCORD_STAGE_SIGNING, NULL, "chen", &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_agreement_approved (desk->f.store, desk->case_id));
}

/* Signed in ink, recorded by the clerk: the version is locked. */
static void
record_ink_signing (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordSigning) signing = concord_store_load_signing (desk->f.store, desk->case_id, &error);
  g_autofree char *today = concord_clock_today_iso ();

  g_assert_no_error (error);
  g_assert_true (concord_store_record_paper_signing (desk->f.store, desk->case_id, signing->agreement_id, today,
                                                     "王书记员", ACTOR, &error));
  g_assert_no_error (error);
}

static void
wait_until_mapped (gpointer widget)
{
  gint64 deadline = g_get_monotonic_time () + UI_WAIT_TIMEOUT_MS * 1000;

  while (!gtk_widget_get_mapped (GTK_WIDGET (widget)) && g_get_monotonic_time () < deadline)
    run_for (20);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (widget)));
  run_for (50);
}

/* @window as it was last drawn (a window waiting to be drawn again is
 * waited for). */
static GdkTexture *
render_window (gpointer window)
{
  gint64 deadline = g_get_monotonic_time () + UI_WAIT_TIMEOUT_MS * 1000;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  g_autoptr(GskRenderNode) node = NULL;

  while (node == NULL && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        run_for (20);
    }
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* The pixels @widget shows now, as drawn in its window. */
static GBytes *
widget_pixels (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GdkTexture) texture = render_window (window);
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  GByteArray *out = g_byte_array_new ();
  graphene_rect_t bounds;
  int x0, y0, x1, y1;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  x0 = CLAMP ((int) bounds.origin.x, 0, width);
  y0 = CLAMP ((int) bounds.origin.y, 0, height);
  x1 = CLAMP ((int) (bounds.origin.x + bounds.size.width), 0, width);
  y1 = CLAMP ((int) (bounds.origin.y + bounds.size.height), 0, height);
  g_assert_cmpint (x1 - x0, >, 10);
  g_assert_cmpint (y1 - y0, >, 10);
  gdk_texture_download (texture, data, stride);
  for (int y = y0; y < y1; y++)
    g_byte_array_append (out, data + y * stride + x0 * 4, (x1 - x0) * 4);
  return g_byte_array_free_to_bytes (out);
}

/* Saves @window as DIR/@name.png when CONCORD_TEST_SHOTS=DIR. */
static void
shoot (gpointer    window,
       const char *name)
{
  const char *dir = g_getenv ("CONCORD_TEST_SHOTS");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  settle ();
  texture = render_window (window);
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The text of @pdf as pdftotext reads it, without the spacing (which
 * follows positions to the hundredth of a point). */
static char *
pdf_text (GBytes *pdf)
{
  g_autofree char *dir = g_dir_make_tmp ("concord-pdftotext-XXXXXX", NULL);
  g_autofree char *in = g_build_filename (dir, "in.pdf", NULL);
  g_autofree char *out = g_build_filename (dir, "out.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-q", "-enc", "UTF-8", in, out, NULL };
  int status = 0;

  g_assert_true (g_file_set_contents (in, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_true (g_file_get_contents (out, &text, NULL, &error));
  g_assert_no_error (error);
  g_remove (in);
  g_remove (out);
  g_rmdir (dir);
  {
    GString *dense = g_string_new (NULL);

    for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        g_string_append_unichar (dense, g_utf8_get_char (p));
    return g_string_free (dense, FALSE);
  }
}

/* The editor's preview */

typedef struct
{
  Desk                   *desk;
  GtkWindow              *window;
  ConcordAgreementEditor *editor;
  ConcordPdfPreview      *preview;
} EditorDesk;

static void
editor_desk_open (EditorDesk *e,
                  Desk       *desk)
{
  GtkWidget *overlay, *scroller, *clamp;

  e->desk = desk;
  /* As the case view has it: a scrolled page, the editor in a clamp. */
  e->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (e->window, 1100, 860);
  overlay = adw_toast_overlay_new ();
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 880);
  e->editor = CONCORD_AGREEMENT_EDITOR (concord_agreement_editor_new (desk->context));
  gtk_widget_set_margin_top (GTK_WIDGET (e->editor), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (e->editor), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (e->editor), 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (e->editor));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), scroller);
  adw_window_set_content (ADW_WINDOW (e->window), overlay);
  concord_agreement_editor_set_case (e->editor, desk->case_id);
  gtk_window_present (e->window);
  wait_until_mapped (e->window);
  e->preview = template_child (e->editor, "preview");
}

static gboolean
preview_has_pages (gpointer data)
{
  EditorDesk *e = data;

  return gtk_widget_get_mapped (GTK_WIDGET (e->preview)) && concord_pdf_preview_get_n_pages (e->preview) > 0;
}

/* The page widgets of the preview, in order. */
static GPtrArray *
preview_pages (EditorDesk *e)
{
  GPtrArray *pages = g_ptr_array_new ();

  for (guint i = 1; ; i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%u", i);
      GtkWidget *page = NULL;
      g_autoptr(GPtrArray) all = g_ptr_array_new ();

      collect (GTK_WIDGET (e->preview), GTK_TYPE_WIDGET, all);
      for (guint k = 0; k < all->len && page == NULL; k++)
        if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (all, k)), name) == 0)
          page = g_ptr_array_index (all, k);
      if (page == NULL)
        break;
      g_ptr_array_add (pages, page);
    }
  return pages;
}

/* What the draft renders to, as the editor holds it once saved. */
static guint
draft_pages (EditorDesk *e)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordAgreement) draft = NULL;
  g_autoptr(GBytes) pdf = NULL;
  guint pages = 0;

  concord_agreement_editor_flush (e->editor);
  draft = concord_store_load_current_agreement (e->desk->f.store, e->desk->case_id, &error);
  g_assert_no_error (error);
  pdf = concord_document_render_draft (e->desk->f.store, draft, "2026-11-20T02:00:00Z", &pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, concord_pdf_count_pages (pdf));
  return pages;
}

typedef struct
{
  GtkWidget *page;
  GBytes    *before;
} PixelWait;

static gboolean
pixels_changed (gpointer data)
{
  PixelWait *wait = data;
  g_autoptr(GBytes) now = widget_pixels (wait->page);

  return !g_bytes_equal (now, wait->before);
}

static GtkWidget *
field_widget (EditorDesk *e,
              const char *key)
{
  g_autofree char *name = g_strconcat ("field:", key, NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect (template_child (e->editor, "sections_box"), GTK_TYPE_WIDGET, all);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (all, i)), name) == 0)
      return g_ptr_array_index (all, i);
  g_error ("no field %s", key);
  return NULL;
}

/* Types @text at the end of the text view of field @key, as a person would. */
static void
type_into_field (EditorDesk *e,
                 const char *key,
                 const char *text)
{
  GtkWidget *view = field_widget (e, key);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter end;

  gtk_widget_grab_focus (view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &end, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static gboolean
pages_dimmed (gpointer data)
{
  EditorDesk *e = data;
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

  collect (GTK_WIDGET (e->preview), GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (boxes, i), "pages"))
      return gtk_widget_has_css_class (g_ptr_array_index (boxes, i), "dimmed");
  return FALSE;
}

/* The message shown over the preview, or NULL. */
static const char *
preview_message (EditorDesk *e)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (GTK_WIDGET (e->preview), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (label) && *gtk_label_get_text (GTK_LABEL (label)) != '\0')
        return gtk_label_get_text (GTK_LABEL (label));
    }
  return NULL;
}

static gboolean
preview_says_something (gpointer data)
{
  return preview_message (data) != NULL;
}

static gboolean
pane_beside_form (gpointer data)
{
  EditorDesk *e = data;
  GtkWidget *pane = template_child (e->editor, "preview_pane");
  graphene_point_t point;

  return gtk_widget_get_mapped (pane) &&
         gtk_widget_compute_point (pane, GTK_WIDGET (e->editor), &GRAPHENE_POINT_INIT (0, 0), &point) &&
         point.x > gtk_widget_get_width (GTK_WIDGET (e->editor)) / 3.0 &&
         gtk_widget_get_opacity (pane) == 1.0;
}

static void
test_preview (Desk          *desk,
              gconstpointer  data)
{
  EditorDesk e = { 0 };
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(ConcordAgreement) agreement = NULL;
  GtkWidget *button, *pane;
  guint expected;
  PixelWait wait = { 0 };

  /* A complete version of scenario 1's agreement, still at drafting. */
  agreement = fixture_complete_agreement (desk->f.store, desk->case_id, ACTOR);
  editor_desk_open (&e, desk);

  pane = template_child (e.editor, "preview_pane");
  g_assert_false (gtk_widget_get_mapped (pane));

  /* The toggle shows the PDF's pages beside the form. */
  button = template_child (e.editor, "preview_button");
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (wait_for (preview_has_pages, &e));
  settle ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_true (gtk_widget_get_mapped (pane));
  expected = draft_pages (&e);
  g_assert_cmpuint (expected, >=, 2);
  g_assert_cmpuint (concord_pdf_preview_get_n_pages (e.preview), ==, expected);
  pages = preview_pages (&e);
  g_assert_cmpuint (pages->len, ==, expected);
  /* Beside the form, not under it. */
  g_assert_true (wait_for (pane_beside_form, &e));
  /* Each page is named for a screen reader. */
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *label = g_strdup_printf (TC ("preview page", "Page %u of %u"), i + 1, expected);
      g_autofree char *problem = gtk_test_accessible_check_property (g_ptr_array_index (pages, i),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, label);

      g_assert_null (problem);
    }
  shoot (e.window, "editor-preview");

  /* Typing changes the first page once the typing pauses. */
  wait.page = g_ptr_array_index (pages, 0);
  run_for (600);
  wait.before = widget_pixels (wait.page);
  type_into_field (&e, "facts", MARKER);
  run_for (150);
  g_assert_true (wait_for (pixels_changed, &wait));
  g_clear_pointer (&wait.before, g_bytes_unref);

  /* A long addition makes one more page. */
  {
    GString *more = g_string_new (NULL);

    for (guint i = 0; i < 30; i++)
      g_string_append (more, "火灾发生后，各方当事人在调解员的主持下多次协商，对损失的范围和数额逐项核对。");
    type_into_field (&e, "facts", more->str);
    g_string_free (more, TRUE);
  }
  expected = draft_pages (&e);
  {
    gint64 deadline = g_get_monotonic_time () + UI_WAIT_TIMEOUT_MS * 1000;

    while (concord_pdf_preview_get_n_pages (e.preview) != expected && g_get_monotonic_time () < deadline)
      run_for (20);
  }
  g_assert_cmpuint (concord_pdf_preview_get_n_pages (e.preview), ==, expected);
  g_assert_null (preview_message (&e));

  /* A character the font lacks: the reason, naming it, over the pages. */
  type_into_field (&e, "facts", "（𠀀）");
  g_assert_true (wait_for (preview_says_something, &e));
  g_assert_nonnull (strstr (preview_message (&e), "𠀀"));
  g_assert_true (pages_dimmed (&e));
  g_assert_cmpuint (concord_pdf_preview_get_n_pages (e.preview), ==, expected);
  shoot (e.window, "editor-preview-error");

  /* Hidden again, the preview is not drawn any more. */
  gtk_widget_activate_action (GTK_WIDGET (e.editor), "agreement.preview", NULL);
  settle ();
  g_assert_false (gtk_widget_get_mapped (pane));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

/* Printing and saving */

static void
count_changed_cb (ConcordContext *context,
                  gint64          case_id,
                  guint          *count)
{
  (*count)++;
}

static GBytes *
render_latest (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf = concord_document_render (desk->f.store, desk->case_id, 0, FALSE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static GPtrArray *
stored_prints (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *prints = concord_store_list_prints (desk->f.store, desk->case_id, &error);

  g_assert_no_error (error);
  return prints;
}

static GBytes *
read_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

static void
test_print_operation (Desk          *desk,
                      gconstpointer  data)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(GBytes) pdf = NULL, exported = NULL;
  g_autoptr(GPtrArray) prints = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (desk->f.dir, "printed.pdf", NULL);
  g_autofree char *expected_text = NULL, *printed_text = NULL, *sha = NULL;
  GtkPrintSettings *settings;
  GtkPageSetup *setup;
  GtkPrintOperationResult result;
  const ConcordPrint *print;
  guint changed = 0;

  move_to_signing (desk);
  agreement = concord_store_load_agreement (desk->f.store, desk->case_id, 0, &error);
  g_assert_no_error (error);
  /* Three parties and the committee's copy. */
  g_assert_cmpint (agreement->copies, ==, 4);

  operation = concord_print_operation_new (desk->context, desk->case_id, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (operation);

  /* What the dialog opens with. */
  settings = gtk_print_operation_get_print_settings (operation);
  g_assert_nonnull (settings);
  g_assert_cmpint (gtk_print_settings_get_n_copies (settings), ==, agreement->copies);
  g_assert_cmpint (gtk_print_settings_get_duplex (settings), ==, GTK_PRINT_DUPLEX_SIMPLEX);
  g_assert_true (gtk_print_settings_get_use_color (settings));
  setup = gtk_print_operation_get_default_page_setup (operation);
  g_assert_nonnull (setup);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_A4);
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_PORTRAIT);

  /* Printed to a file: the document's text, page for page. */
  g_signal_connect (desk->context, "case-changed", G_CALLBACK (count_changed_cb), &changed);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  settle ();

  pdf = render_latest (desk);
  exported = read_file_bytes (path);
  g_assert_cmpuint (concord_pdf_count_pages (exported), ==, concord_pdf_count_pages (pdf));
  expected_text = pdf_text (pdf);
  printed_text = pdf_text (exported);
  g_assert_nonnull (strstr (expected_text, "张某"));
  g_assert_cmpstr (printed_text, ==, expected_text);

  /* Archived with the case: the PDF's bytes, its pages, the copies. */
  prints = stored_prints (desk);
  g_assert_cmpuint (prints->len, ==, 1);
  print = g_ptr_array_index (prints, 0);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_assert_cmpstr (print->sha256, ==, sha);
  g_assert_cmpuint (print->pages, ==, concord_pdf_count_pages (pdf));
  g_assert_cmpuint (print->copies, ==, 4);
  g_assert_false (print->signed_copy);
  g_assert_cmpint (print->agreement_id, ==, agreement->id);
  g_assert_cmpuint (changed, >=, 1);
  g_signal_handlers_disconnect_by_func (desk->context, count_changed_cb, &changed);
  g_remove (path);
}

static gboolean
file_chooser_open (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static void
test_save_pdf (Desk          *desk,
               gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) pdf = NULL, saved = NULL;
  g_autoptr(GPtrArray) prints = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autofree char *path = g_build_filename (desk->f.dir, "saved.pdf", NULL);
  g_autofree char *sha = NULL, *expected_name = NULL;
  const ConcordPrint *print;
  GtkWindow *window, *chooser;

  move_to_signing (desk);
  file = g_file_new_for_path (path);
  g_assert_true (concord_print_save_pdf_to_file (desk->context, desk->case_id, FALSE, file, &error));
  g_assert_no_error (error);

  /* The exact bytes of the document, kept with the case. */
  pdf = render_latest (desk);
  saved = read_file_bytes (path);
  g_assert_true (g_bytes_equal (saved, pdf));
  prints = stored_prints (desk);
  g_assert_cmpuint (prints->len, ==, 1);
  print = g_ptr_array_index (prints, 0);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_assert_cmpstr (print->sha256, ==, sha);
  g_assert_cmpuint (print->size, ==, g_bytes_get_size (pdf));
  g_assert_cmpuint (print->pages, ==, concord_pdf_count_pages (pdf));

  /* "Save as PDF…" offers the case number and the document's title. */
  c = concord_store_load_case (desk->f.store, desk->case_id, &error);
  g_assert_no_error (error);
  expected_name = g_strdup_printf ("%s 人民调解协议书.pdf", c->case_no);
  g_strdelimit (expected_name, "/", '-');
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_present (window);
  wait_until_mapped (window);
  concord_print_save_pdf (window, desk->context, desk->case_id, FALSE);
  g_assert_true (wait_for (file_chooser_open, NULL));
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (name, ==, expected_name);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  settle ();
  g_remove (path);
}

/* Not approved: nothing is printed or saved, and the desk is told why. */
static void
test_refused (Desk          *desk,
              gconstpointer  data)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(GPtrArray) prints = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = g_build_filename (desk->f.dir, "refused.pdf", NULL);
  AdwMessageDialog *message;
  GtkWindow *window;

  agreement = fixture_complete_agreement (desk->f.store, desk->case_id, ACTOR);
  g_assert_false (concord_store_agreement_approved (desk->f.store, desk->case_id));

  operation = concord_print_operation_new (desk->context, desk->case_id, 0, FALSE, &error);
  g_assert_null (operation);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);

  file = g_file_new_for_path (path);
  g_assert_false (concord_print_save_pdf_to_file (desk->context, desk->case_id, FALSE, file, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  window = GTK_WINDOW (adw_window_new ());
  gtk_window_present (window);
  wait_until_mapped (window);
  concord_print_agreement (window, desk->context, desk->case_id, FALSE);
  g_assert_true (wait_for (message_dialog_open, NULL));
  message = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, T ("The Agreement Is Not Approved Yet"));
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==,
                   T ("The agreement is printed once the lawyer has approved it. Send it to legal review first."));
  answer (message, "close");
  {
    GType print_dialog = g_type_from_name ("GtkPrintUnixDialog");

    g_assert_true (print_dialog == 0 || find_toplevel (print_dialog) == NULL);
  }

  concord_print_save_pdf (window, desk->context, desk->case_id, FALSE);
  g_assert_true (wait_for (message_dialog_open, NULL));
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  answer (find_message_dialog (), "close");

  prints = stored_prints (desk);
  g_assert_cmpuint (prints->len, ==, 0);
}

/* The verify window */

/* A PDF that is not an agreement: a page with a line of text. */
static GBytes *
foreign_pdf (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "foreign.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.0, 842.0);
  cairo_t *cr = cairo_create (surface);
  GBytes *bytes;

  cairo_move_to (cr, 72, 72);
  cairo_set_font_size (cr, 12);
  cairo_show_text (cr, "Invoice 2026-0042");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  bytes = read_file_bytes (path);
  g_remove (path);
  return bytes;
}

/* @pdf with one byte inside its first content stream changed. */
static GBytes *
altered_pdf (GBytes *pdf)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (pdf, &size);
  guchar *copy = g_memdup2 (data, size);
  const char *stream = g_strstr_len (data, size, "stream\n");

  g_assert_nonnull (stream);
  copy[(stream - data) + strlen ("stream\n") + 20] ^= 0x01;
  return g_bytes_new_take (copy, size);
}

static GFile *
file_in (Desk       *desk,
         const char *name)
{
  g_autofree char *path = g_build_filename (desk->f.dir, name, NULL);

  return g_file_new_for_path (path);
}

static GFile *
write_pdf (Desk       *desk,
           const char *name,
           GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (desk->f.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Whether the file chooser @data has a file chosen (its folder is read
 * in the background). */
static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (data));

  return file != NULL;
}

/* The verdict the window shows, as a person reads it. */
static void
assert_shows_verdict (ConcordVerifyDialog *dialog,
                      ConcordVerdictKind   kind,
                      const char          *title,
                      const char          *style)
{
  const ConcordVerdict *verdict = concord_verify_dialog_get_verdict (dialog);
  AdwStatusPage *page = template_child (dialog, "verdict_page");

  g_assert_nonnull (verdict);
  g_assert_cmpint (verdict->kind, ==, kind);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, title);
  g_assert_nonnull (verdict->summary);
  g_assert_cmpstr (adw_status_page_get_description (page), ==, verdict->summary);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (page), style));
}

static void
test_verify (Desk          *desk,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) unsigned_file = NULL, genuine_file = NULL, altered_file = NULL, foreign_file = NULL;
  g_autoptr(GBytes) genuine = NULL, altered = NULL, foreign = NULL;
  g_autoptr(ConcordCase) c = NULL;
  GMenuModel *menu;
  ConcordWindow *window;
  ConcordVerifyDialog *dialog;
  GtkWidget *menu_button, *open_button;
  gboolean in_menu = FALSE;

  move_to_signing (desk);
  c = concord_store_load_case (desk->f.store, desk->case_id, &error);
  g_assert_no_error (error);

  /* A copy saved before the parties signed. */
  unsigned_file = file_in (desk, "unsigned.pdf");
  g_assert_true (concord_print_save_pdf_to_file (desk->context, desk->case_id, FALSE, unsigned_file, &error));
  g_assert_no_error (error);

  /* "Verify a PDF…" is in the main menu. */
  window = concord_window_new (NULL, desk->context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (window);
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    collect (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
    for (guint b = 0; b < buttons->len && !in_menu; b++)
      {
        menu_button = g_ptr_array_index (buttons, b);
        menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
        if (menu == NULL || !gtk_widget_get_mapped (menu_button))
          continue;
        for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
          {
            g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
            GMenuModel *items = section != NULL ? section : menu;

            for (int k = 0; k < g_menu_model_get_n_items (items); k++)
              {
                g_autofree char *action = NULL;
                g_autofree char *label = NULL;

                if (g_menu_model_get_item_attribute (items, k, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
                    g_strcmp0 (action, "win.verify-pdf") == 0)
                  {
                    g_assert_true (g_menu_model_get_item_attribute (items, k, G_MENU_ATTRIBUTE_LABEL, "s", &label));
                    g_assert_cmpstr (label, ==, T ("_Verify a PDF…"));
                    in_menu = TRUE;
                  }
              }
          }
      }
  }
  g_assert_true (in_menu);

  /* It opens the verify window, which asks for a file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.verify-pdf", NULL));
  dialog = (ConcordVerifyDialog *) wait_for_toplevel (CONCORD_TYPE_VERIFY_DIALOG, NULL);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (wait_for (file_chooser_open, NULL));
  g_assert_null (concord_verify_dialog_get_verdict (dialog));

  /* No file after all: the verify window goes too. */
  gtk_dialog_response (GTK_DIALOG (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)), GTK_RESPONSE_CANCEL);
  g_assert_true (wait_for (toplevel_closed, GSIZE_TO_POINTER (CONCORD_TYPE_VERIFY_DIALOG)));

  /* Again, with the copy saved before signing chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.verify-pdf", NULL));
  dialog = (ConcordVerifyDialog *) wait_for_toplevel (CONCORD_TYPE_VERIFY_DIALOG, NULL);
  g_assert_nonnull (dialog);
  g_assert_true (wait_for (file_chooser_open, NULL));
  {
    GtkWindow *chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

    g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), unsigned_file, &error));
    g_assert_no_error (error);
    g_assert_true (wait_for (chooser_has_file, chooser));
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  }
  g_assert_true (wait_for (toplevel_closed, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG)));
  wait_until_mapped (dialog);
  settle ();
  assert_shows_verdict (dialog, CONCORD_VERDICT_UNSIGNED, T ("Unchanged, but Not Signed"), "verdict-notice");
  shoot (dialog, "verdict-unsigned");

  /* Signed in ink: the same copy is now the genuine one. */
  record_ink_signing (desk);
  genuine_file = file_in (desk, "genuine.pdf");
  g_assert_true (concord_print_save_pdf_to_file (desk->context, desk->case_id, FALSE, genuine_file, &error));
  g_assert_no_error (error);
  genuine = g_file_load_bytes (genuine_file, NULL, NULL, &error);
  g_assert_no_error (error);
  altered = altered_pdf (genuine);
  altered_file = write_pdf (desk, "altered.pdf", altered);
  foreign = foreign_pdf (desk->f.dir);
  foreign_file = write_pdf (desk, "foreign.pdf", foreign);

  concord_verify_dialog_verify_file (dialog, altered_file);
  settle ();
  assert_shows_verdict (dialog, CONCORD_VERDICT_ALTERED, T ("Altered"), "verdict-altered");
  shoot (dialog, "verdict-altered");

  concord_verify_dialog_verify_file (dialog, foreign_file);
  settle ();
  assert_shows_verdict (dialog, CONCORD_VERDICT_FOREIGN, T ("Not a Concord Agreement"), "verdict-warning");
  g_assert_false (gtk_widget_get_mapped (template_child (dialog, "open_case_button")));
  shoot (dialog, "verdict-foreign");

  concord_verify_dialog_verify_file (dialog, genuine_file);
  settle ();
  assert_shows_verdict (dialog, CONCORD_VERDICT_GENUINE, T ("Genuine"), "verdict-genuine");
  g_assert_cmpint (concord_verify_dialog_get_verdict (dialog)->case_id, ==, desk->case_id);
  g_assert_true (widget_shows (dialog, c->case_no));
  g_assert_true (widget_shows (dialog, concord_verify_dialog_get_verdict (dialog)->code));
  shoot (dialog, "verdict-genuine");

  /* "Open Case" shows it in the main window and closes the verify window. */
  open_button = template_child (dialog, "open_case_button");
  g_assert_true (gtk_widget_get_mapped (open_button));
  g_signal_emit_by_name (open_button, "clicked");
  g_assert_true (wait_for (toplevel_closed, GSIZE_TO_POINTER (CONCORD_TYPE_VERIFY_DIALOG)));
  g_assert_cmpint (concord_case_view_get_case_id (CONCORD_CASE_VIEW (concord_window_get_case_view (window))), ==,
                   desk->case_id);

  /* A file that cannot be read says so. */
  dialog = concord_verify_dialog_new (GTK_WINDOW (window), desk->context);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_until_mapped (dialog);
  {
    g_autoptr(GFile) missing = file_in (desk, "missing.pdf");

    concord_verify_dialog_verify_file (dialog, missing);
  }
  settle ();
  g_assert_null (concord_verify_dialog_get_verdict (dialog));
  g_assert_true (gtk_widget_get_mapped (template_child (dialog, "error_page")));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "printing"))
    return 77;
  bindtextdomain (GETTEXT_PACKAGE, concord_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The application's style: the preview's desk and sheets, the verdicts' colours. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/concord/Concord/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add ("/print/preview", Desk, NULL, desk_set_up, test_preview, desk_tear_down);
  g_test_add ("/print/operation", Desk, NULL, desk_set_up, test_print_operation, desk_tear_down);
  g_test_add ("/print/save-pdf", Desk, NULL, desk_set_up, test_save_pdf, desk_tear_down);
  g_test_add ("/print/refused", Desk, NULL, desk_set_up, test_refused, desk_tear_down);
  g_test_add ("/print/verify", Desk, NULL, desk_set_up, test_verify, desk_tear_down);
  return g_test_run ();
}
