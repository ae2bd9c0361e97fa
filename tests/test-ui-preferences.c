/* test-ui-preferences.c — the printing page of the preferences through its
 * real widgets (run under Xvfb): the body and heading fonts chosen,
 * refused (PostScript outlines, no Chinese, broken files) and reset; a
 * collection's font picked in the dialog; the seal chosen, refused (not a
 * PNG, no transparency, damaged) and removed.
 *
 * Native file choosers cannot be driven, so the tests hand the file to
 * the path the chooser takes (concord-preferences-window-private.h).
 *
 * Set CONCORD_TEST_PAUSE=name to stop in the test called name ("page",
 * "refused", "face", "no-chinese", "seal-refused", "seal") with the window on screen, for a
 * screenshot; it goes on after CONCORD_TEST_PAUSE_SECONDS (default 5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ui-preferences"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "concord-core.h"
#include "concord-preferences-window.h"
#include "concord-preferences-window-private.h"
#include "test-ui-helpers.h"

#define UMING   CONCORD_PDF_FONT_DEFAULT_BODY
#define ZENHEI  CONCORD_PDF_FONT_DEFAULT_HEADING
#define NOTO    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

typedef struct
{
  char           *dir;
  ConcordStore   *store;
  ConcordContext *context;
  GtkWidget      *window;
} Fixture;

/* Helpers */

static void
maybe_pause (const char *name)
{
  const char *pause = g_getenv ("CONCORD_TEST_PAUSE");
  const char *seconds = g_getenv ("CONCORD_TEST_PAUSE_SECONDS");

  if (pause == NULL || g_strcmp0 (pause, name) != 0)
    return;
  g_printerr ("# pausing in %s\n", name);
  run_for ((seconds != NULL ? atoi (seconds) : 5) * 1000);
}

static char *
dup_setting (Fixture    *fixture,
             const char *key)
{
  return concord_store_get_setting (fixture->store, key);
}

static void
set_setting (Fixture    *fixture,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (concord_store_set_setting (fixture->store, key, value, "tester", &error));
  g_assert_no_error (error);
}

/* Whether @widget and all its parents are visible. */
static gboolean
shown (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w))
      return FALSE;
  return TRUE;
}

static void
open_window (Fixture *fixture)
{
  fixture->window = concord_preferences_window_new (fixture->context, NULL);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  /* The printing page, as the agreement's "font missing" message opens it. */
  concord_preferences_window_focus_setting (CONCORD_PREFERENCES_WINDOW (fixture->window),
                                            CONCORD_SETTING_PDF_BODY_FONT);
  gtk_window_present (GTK_WINDOW (fixture->window));
  settle ();
}

static ConcordPreferencesWindow *
window (Fixture *fixture)
{
  return CONCORD_PREFERENCES_WINDOW (fixture->window);
}

typedef enum { BODY, HEADING } Slot;

static const char *
slot_key (Slot slot)
{
  return slot == BODY ? CONCORD_SETTING_PDF_BODY_FONT : CONCORD_SETTING_PDF_HEADING_FONT;
}

static AdwActionRow *
font_row (Fixture *fixture,
          Slot     slot)
{
  return template_child (fixture->window, slot == BODY ? "body_font_row" : "heading_font_row");
}

static GtkWidget *
font_reset (Fixture *fixture,
            Slot     slot)
{
  return template_child (fixture->window, slot == BODY ? "body_font_reset" : "heading_font_reset");
}

/* The message shown under a row, or NULL when none is shown. */
static const char *
row_message (Fixture    *fixture,
             const char *prefix)
{
  g_autofree char *row_name = g_strconcat (prefix, "_message_row", NULL);
  g_autofree char *label_name = g_strconcat (prefix, "_message", NULL);
  GtkWidget *row = template_child (fixture->window, row_name);
  GtkLabel *label = template_child (fixture->window, label_name);

  if (!shown (row) || !gtk_widget_get_mapped (GTK_WIDGET (label)))
    return NULL;
  return gtk_label_get_text (label);
}

static const char *
font_message (Fixture *fixture,
              Slot     slot)
{
  return row_message (fixture, slot == BODY ? "body_font" : "heading_font");
}

static const char *
seal_message (Fixture *fixture)
{
  return row_message (fixture, "seal");
}

/* Asserts that a message is shown and has @text in it. */
static void
assert_says (const char *message,
             const char *text)
{
  if (message == NULL)
    g_error ("no message is shown (expected one with “%s”)", text);
  if (strstr (message, text) == NULL)
    g_error ("the message “%s” does not say “%s”", message, text);
}

static void
choose_font (Fixture    *fixture,
             Slot        slot,
             const char *path,
             int         face)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  _concord_preferences_window_choose_font (window (fixture), slot_key (slot), file, face);
  settle ();
}

static void
choose_seal (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  _concord_preferences_window_choose_seal (window (fixture), file);
  settle ();
}

static void
click (GtkWidget *button)
{
  g_assert_true (shown (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

/* The message concord_pdf_font_open() gives for @path: what the row must
 * show. */
static char *
open_error (const char *path,
            guint       face)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordPdfFont) font = concord_pdf_font_open (path, face, &error);

  g_assert_null (font);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  return g_strdup (error->message);
}

static char *
family_of (const char *path,
           guint       face)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordPdfFont) font = concord_pdf_font_open (path, face, &error);

  g_assert_no_error (error);
  return g_strdup (concord_pdf_font_get_family (font));
}

static void
require_file (const char *path)
{
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_error ("%s is missing: install the font package the test uses", path);
}

/* A Latin-only TrueType font on this machine, or NULL. */
static const char *
latin_font (void)
{
  static const char *const candidates[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (g_file_test (candidates[i], G_FILE_TEST_IS_REGULAR))
      return candidates[i];
  return NULL;
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const void *data,
            gsize       len)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, (gssize) len, &error));
  g_assert_no_error (error);
  return path;
}

/* A PNG of a red ring: on a transparent background (ARGB32), or on white
 * (RGB24: a PNG without an alpha channel), or on white with an alpha
 * channel that is opaque everywhere. */
typedef enum { SEAL_TRANSPARENT, SEAL_NO_ALPHA, SEAL_OPAQUE_ALPHA } SealKind;

static char *
write_seal (Fixture    *fixture,
            const char *name,
            SealKind    kind)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GdkPixbuf) opaque = NULL;
  g_autoptr(GdkPixbuf) with_alpha = NULL;
  g_autoptr(GError) error = NULL;

  surface = cairo_image_surface_create (kind == SEAL_NO_ALPHA ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32,
                                        200, 200);
  cr = cairo_create (surface);
  if (kind != SEAL_TRANSPARENT)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 1);
  cairo_set_line_width (cr, 12);
  cairo_arc (cr, 100, 100, 80, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* Cairo writes an opaque image without alpha: add an opaque channel. */
  if (kind == SEAL_OPAQUE_ALPHA)
    {
      opaque = gdk_pixbuf_new_from_file (path, &error);
      g_assert_no_error (error);
      with_alpha = gdk_pixbuf_add_alpha (opaque, FALSE, 0, 0, 0);
      g_assert_true (gdk_pixbuf_save (with_alpha, path, "png", &error, NULL));
      g_assert_no_error (error);
    }
  return path;
}

/* The PNG colour type of @path (6: RGBA, 2: RGB). */
static int
png_colour_type (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 26);
  return (guint8) data[25];
}

/* The seal shipped for the demo, next to this file in the source tree,
 * or NULL when the tests run from elsewhere. */
static char *
shipped_seal (void)
{
  g_autofree char *tests = g_path_get_dirname (__FILE__);
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = exe != NULL ? g_path_get_dirname (exe) : g_strdup (".");
  /* __FILE__ is relative to the build directory when meson compiles. */
  g_autofree char *build_root = g_path_get_dirname (exe_dir);
  const char *bases[] = { ".", build_root };

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      char *path = g_build_filename (bases[i], tests, "..", "resources", "demo", "seal.png", NULL);

      if (g_path_is_absolute (tests) && i > 0)
        break;
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          char *canonical = g_canonicalize_filename (path, NULL);

          g_free (path);
          return canonical;
        }
      g_free (path);
    }
  return NULL;
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("concord-ui-preferences-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "concord.db", NULL);
  fixture->store = concord_store_open (path, &error);
  g_assert_no_error (error);
  fixture->context = concord_context_new (fixture->store, "tester");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  destroy_all_windows ();
  g_assert_null (fixture->window);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The file chooser the "Choose…" button opens (GTK's own dialog when no
 * portal runs, as under Xvfb), or NULL. */
static GtkFileChooser *
find_chooser (void)
{
  return (GtkFileChooser *) find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
}

static gboolean
chooser_open (gpointer data)
{
  return find_chooser () != NULL;
}

static gboolean
chooser_closed (gpointer data)
{
  return find_chooser () == NULL;
}

/* GTK's chooser reads folders in threads: slow under valgrind, so it is
 * given longer than wait_for() gives. */
static gboolean
wait_long (UiCondition condition)
{
  for (guint i = 0; i < 6; i++)
    if (wait_for (condition, NULL))
      return TRUE;
  return FALSE;
}

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (find_chooser ());

  return file != NULL;
}

/* Picks @path in the chooser and accepts, as a click on "Choose" would. */
static void
accept_in_chooser (const char *path)
{
  GtkFileChooser *chooser = find_chooser ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_file (chooser, file, &error));
  g_assert_no_error (error);
  /* The file is selected once its folder is loaded; before, the dialog
   * would not take the response. */
  g_assert_true (wait_long (chooser_has_file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (wait_long (chooser_closed));
  settle ();
}

/* Tests */

/* Unset, the page shows the default fonts by name and file, no seal, and
 * says what the seal is for. */
static void
test_page (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *body_family = family_of (UMING, 0);
  g_autofree char *heading_family = family_of (ZENHEI, 0);
  g_autofree char *body_default = g_strdup_printf (_("%s (default)\n%s"), body_family, UMING);
  g_autofree char *heading_default = g_strdup_printf (_("%s (default)\n%s"), heading_family, ZENHEI);
  GtkWidget *page;

  require_file (UMING);
  require_file (ZENHEI);
  open_window (fixture);

  /* Asked for the body font, the window opened at the printing page. */
  page = gtk_widget_get_ancestor (GTK_WIDGET (font_row (fixture, BODY)), ADW_TYPE_PREFERENCES_PAGE);
  g_assert_true (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (fixture->window)) ==
                 (gpointer) page);
  g_assert_cmpstr (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (page)), ==, _("Printing"));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (font_row (fixture, BODY))));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (font_row (fixture, BODY))), ==,
                   _("Body font"));
  g_assert_cmpstr (adw_action_row_get_subtitle (font_row (fixture, BODY)), ==, body_default);
  g_assert_cmpstr (adw_action_row_get_subtitle (font_row (fixture, HEADING)), ==, heading_default);
  g_assert_true (g_str_has_prefix (body_family, "AR PL UMing"));
  g_assert_false (gtk_widget_is_sensitive (font_reset (fixture, BODY)));
  g_assert_false (gtk_widget_is_sensitive (font_reset (fixture, HEADING)));
  g_assert_null (font_message (fixture, BODY));
  g_assert_null (font_message (fixture, HEADING));
  g_assert_nonnull (find_shown_button (fixture->window, _("_Choose…")));

  /* The seal: none, stamped by hand, and what it is for. */
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (fixture->window, "seal_row")), ==,
                   _("None: the seal is stamped by hand on the printed copies"));
  g_assert_false (gtk_widget_get_mapped (template_child (fixture->window, "seal_picture")));
  g_assert_false (gtk_widget_is_sensitive (template_child (fixture->window, "seal_remove")));
  g_assert_null (seal_message (fixture));
  g_assert_true (widget_shows (fixture->window,
                               _("The seal is printed over the organisation’s name on agreements. "
                                 "Choose a PNG image with a transparent background, or leave it empty "
                                 "to stamp the printed copies by hand.")));

  maybe_pause ("page");

  /* Asked for the seal from another page: the printing page, at the seal's
   * button. */
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (fixture->window),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (template_child (fixture->window, "station_name_row"),
                                                                                          ADW_TYPE_PREFERENCES_PAGE)));
  settle ();
  g_assert_false (gtk_widget_get_mapped (template_child (fixture->window, "seal_choose")));
  concord_preferences_window_focus_setting (window (fixture), CONCORD_SETTING_PDF_SEAL_IMAGE);
  settle ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) ==
                 template_child (fixture->window, "seal_choose"));
}

/* Good fonts are stored and shown; a collection's font is picked in the
 * dialog. */
static void
test_font_chosen (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *uming_hk = family_of (UMING, 1);
  g_autofree char *zenhei_1 = family_of (ZENHEI, 1);
  g_autofree char *value = NULL;
  g_autofree char *expected = NULL;
  AdwMessageDialog *question;
  GtkDropDown *dropdown;
  GListModel *names;

  require_file (UMING);
  require_file (ZENHEI);
  open_window (fixture);

  /* uming.ttc, face 0, for the body. */
  choose_font (fixture, BODY, UMING, 0);
  value = dup_setting (fixture, CONCORD_SETTING_PDF_BODY_FONT);
  g_assert_cmpstr (value, ==, UMING);
  g_clear_pointer (&value, g_free);
  g_assert_null (font_message (fixture, BODY));
  g_assert_true (gtk_widget_is_sensitive (font_reset (fixture, BODY)));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (font_row (fixture, BODY)), "AR PL UMing"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (font_row (fixture, BODY)), UMING));
  {
    g_autofree char *family = family_of (UMING, 0);
    g_autofree char *as_default = g_strdup_printf (_("%s (default)\n%s"), family, UMING);

    /* Chosen, it is no longer called the default. */
    g_assert_cmpstr (adw_action_row_get_subtitle (font_row (fixture, BODY)), !=, as_default);
  }

  /* wqy-zenhei.ttc for the headings, as the chooser hands it: it holds
   * several fonts, so the dialog asks which, by name. */
  choose_font (fixture, HEADING, ZENHEI, -1);
  g_assert_true (wait_for (message_dialog_open, NULL));
  question = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, _("Which Font?"));
  dropdown = GTK_DROP_DOWN (find_first (GTK_WIDGET (question), GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (dropdown);
  names = gtk_drop_down_get_model (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "WenQuanYi Zen Hei");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, zenhei_1);
  maybe_pause ("face");

  /* Cancelled: nothing changes. */
  answer (question, "cancel");
  value = dup_setting (fixture, CONCORD_SETTING_PDF_HEADING_FONT);
  g_assert_null (value);
  g_assert_false (gtk_widget_is_sensitive (font_reset (fixture, HEADING)));

  /* The second font of the file. */
  choose_font (fixture, HEADING, ZENHEI, -1);
  g_assert_true (wait_for (message_dialog_open, NULL));
  question = find_message_dialog ();
  dropdown = GTK_DROP_DOWN (find_first (GTK_WIDGET (question), GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (dropdown, 1);
  answer (question, "choose");
  value = dup_setting (fixture, CONCORD_SETTING_PDF_HEADING_FONT);
  expected = g_strdup_printf ("%s#1", ZENHEI);
  g_assert_cmpstr (value, ==, expected);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&expected, g_free);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (font_row (fixture, HEADING)), zenhei_1));
  g_assert_null (font_message (fixture, HEADING));

  /* The body from the HK face of uming.ttc, asked for directly. */
  choose_font (fixture, BODY, UMING, 1);
  value = dup_setting (fixture, CONCORD_SETTING_PDF_BODY_FONT);
  expected = g_strdup_printf ("%s#1", UMING);
  g_assert_cmpstr (value, ==, expected);
  g_clear_pointer (&value, g_free);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (font_row (fixture, BODY)), uming_hk));

  /* A new window shows what was stored. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  settle ();
  g_assert_null (fixture->window);
  open_window (fixture);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (font_row (fixture, BODY)), uming_hk));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (font_row (fixture, HEADING)), zenhei_1));
  g_assert_true (gtk_widget_is_sensitive (font_reset (fixture, BODY)));
}

/* Noto Sans CJK (PostScript outlines), broken files and a face the file
 * does not have are refused at the row; the setting stays. */
static void
test_font_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *cff_message = NULL;
  g_autofree char *value = NULL;
  g_autofree char *garbage = NULL;
  g_autofree char *garbage_message = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *truncated_message = NULL;
  g_autofree char *face_message = NULL;
  g_autofree char *font_data = NULL;
  g_autofree char *subtitle = NULL;
  gsize font_len = 0;

  require_file (UMING);
  if (!g_file_test (NOTO, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip (NOTO " is not installed (fonts-noto-cjk)");
      return;
    }
  set_setting (fixture, CONCORD_SETTING_PDF_BODY_FONT, UMING);
  open_window (fixture);
  subtitle = g_strdup (adw_action_row_get_subtitle (font_row (fixture, BODY)));

  /* As the chooser hands it: every font of the collection is CFF, so
   * nothing to pick from, and the message says why. */
  cff_message = open_error (NOTO, 0);
  g_assert_nonnull (strstr (cff_message, "CFF"));
  choose_font (fixture, BODY, NOTO, -1);
  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (font_message (fixture, BODY), ==, cff_message);
  value = dup_setting (fixture, CONCORD_SETTING_PDF_BODY_FONT);
  g_assert_cmpstr (value, ==, UMING);
  g_clear_pointer (&value, g_free);
  g_assert_cmpstr (adw_action_row_get_subtitle (font_row (fixture, BODY)), ==, subtitle);
  g_assert_null (font_message (fixture, HEADING));
  maybe_pause ("refused");

  /* The same for the headings, face 0 asked for directly. */
  choose_font (fixture, HEADING, NOTO, 0);
  g_assert_cmpstr (font_message (fixture, HEADING), ==, cff_message);
  value = dup_setting (fixture, CONCORD_SETTING_PDF_HEADING_FONT);
  g_assert_null (value);

  /* A good choice takes the message away. */
  choose_font (fixture, HEADING, ZENHEI, 0);
  g_assert_null (font_message (fixture, HEADING));

  /* Not a font at all. */
  garbage = write_file (fixture, "garbage.ttf", "this is not a font, just some text\n", 35);
  garbage_message = open_error (garbage, 0);
  choose_font (fixture, BODY, garbage, -1);
  g_assert_cmpstr (font_message (fixture, BODY), ==, garbage_message);
  value = dup_setting (fixture, CONCORD_SETTING_PDF_BODY_FONT);
  g_assert_cmpstr (value, ==, UMING);
  g_clear_pointer (&value, g_free);

  /* A TrueType file cut short in copying. */
  g_assert_true (g_file_get_contents (ZENHEI, &font_data, &font_len, NULL));
  truncated = write_file (fixture, "truncated.ttc", font_data, font_len / 2);
  truncated_message = open_error (truncated, 0);
  choose_font (fixture, BODY, truncated, -1);
  g_assert_cmpstr (font_message (fixture, BODY), ==, truncated_message);

  /* A font number the file does not have. */
  face_message = open_error (UMING, 9);
  choose_font (fixture, BODY, UMING, 9);
  g_assert_cmpstr (font_message (fixture, BODY), ==, face_message);
  value = dup_setting (fixture, CONCORD_SETTING_PDF_BODY_FONT);
  g_assert_cmpstr (value, ==, UMING);
}

/* A font without Chinese is refused, naming characters it lacks. */
static void
test_font_without_chinese (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *latin = latin_font ();
  g_autofree char *value = NULL;
  g_autofree char *name = NULL;
  g_autofree char *needed = NULL;
  const char *message;

  if (latin == NULL)
    {
      g_test_skip ("no Latin-only TrueType font on this machine");
      return;
    }
  open_window (fixture);
  name = g_path_get_basename (latin);

  choose_font (fixture, BODY, latin, -1);
  message = font_message (fixture, BODY);
  g_assert_nonnull (message);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, name));
  /* The first characters the body needs, named. */
  g_assert_nonnull (strstr (message, "人"));
  g_assert_nonnull (strstr (message, "民"));
  g_assert_nonnull (strstr (message, "调"));
  maybe_pause ("no-chinese");
  value = dup_setting (fixture, CONCORD_SETTING_PDF_BODY_FONT);
  g_assert_null (value);
  g_assert_false (gtk_widget_is_sensitive (font_reset (fixture, BODY)));

  choose_font (fixture, HEADING, latin, 0);
  g_assert_nonnull (font_message (fixture, HEADING));
  assert_says (font_message (fixture, HEADING), "协");
  value = dup_setting (fixture, CONCORD_SETTING_PDF_HEADING_FONT);
  g_assert_null (value);

  /* What the body must have: the test words, the capital numerals, the
   * station's names; the headings the templates' titles. */
  needed = _concord_preferences_dup_needed_chars (CONCORD_SETTING_PDF_BODY_FONT, "东城派出所", "东城人民调解委员会");
  for (const char *c = "人民调解协议书甲乙丙方当事人调解员签名按指印年月日第页共壹贰叁肆伍陆柒捌玖拾佰仟万元整东城派出所";
       *c != '\0'; c = g_utf8_next_char (c))
    {
      char one[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (c), one);
      if (strstr (needed, one) == NULL)
        g_error ("the body font is not checked for “%s”", one);
    }
  g_clear_pointer (&needed, g_free);
  needed = _concord_preferences_dup_needed_chars (CONCORD_SETTING_PDF_HEADING_FONT, NULL, NULL);
  g_assert_nonnull (strstr (needed, "治"));   /* 治安调解协议书 */
  g_assert_nonnull (strstr (needed, "和"));   /* 和解协议书 */

  /* A station name with a character the font lacks: refused, named. */
  set_setting (fixture, CONCORD_SETTING_COMMITTEE_NAME, "𠀀城人民调解委员会");
  {
    g_autoptr(ConcordPdfFont) font = concord_pdf_font_open (UMING, 0, NULL);

    g_assert_false (concord_pdf_font_has_char (font, g_utf8_get_char ("𠀀")));
  }
  choose_font (fixture, BODY, UMING, 0);
  message = font_message (fixture, BODY);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "𠀀"));
  value = dup_setting (fixture, CONCORD_SETTING_PDF_BODY_FONT);
  g_assert_null (value);
}

/* "Reset to Default" clears the setting. */
static void
test_font_reset (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *value = NULL;
  g_autofree char *family = family_of (ZENHEI, 0);
  g_autofree char *heading_default = g_strdup_printf (_("%s (default)\n%s"), family, ZENHEI);
  g_autofree char *gone = NULL;
  g_autofree char *gone_message = NULL;

  open_window (fixture);
  choose_font (fixture, HEADING, UMING, 2);
  value = dup_setting (fixture, CONCORD_SETTING_PDF_HEADING_FONT);
  g_assert_nonnull (value);
  g_clear_pointer (&value, g_free);

  click (font_reset (fixture, HEADING));
  value = dup_setting (fixture, CONCORD_SETTING_PDF_HEADING_FONT);
  g_assert_null (value);
  g_assert_cmpstr (adw_action_row_get_subtitle (font_row (fixture, HEADING)), ==, heading_default);
  g_assert_false (gtk_widget_is_sensitive (font_reset (fixture, HEADING)));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  settle ();

  /* A font removed since it was chosen: the row says so, and reset puts
   * it right. */
  gone = g_build_filename (fixture->dir, "gone.ttf", NULL);
  gone_message = open_error (gone, 0);
  set_setting (fixture, CONCORD_SETTING_PDF_BODY_FONT, gone);
  open_window (fixture);
  g_assert_cmpstr (font_message (fixture, BODY), ==, gone_message);
  click (font_reset (fixture, BODY));
  g_assert_null (font_message (fixture, BODY));
  value = dup_setting (fixture, CONCORD_SETTING_PDF_BODY_FONT);
  g_assert_null (value);
}

/* The seal: a PNG with transparency stored and shown; a JPEG, garbage, a
 * damaged PNG and PNGs without transparency refused; removed. */
static void
test_seal (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *good = write_seal (fixture, "seal.png", SEAL_TRANSPARENT);
  g_autofree char *no_alpha = write_seal (fixture, "seal-white.png", SEAL_NO_ALPHA);
  g_autofree char *opaque = write_seal (fixture, "seal-opaque.png", SEAL_OPAQUE_ALPHA);
  g_autofree char *garbage = write_file (fixture, "garbage.png", "GIF89a not a png at all", 23);
  g_autofree char *jpeg = g_build_filename (fixture->dir, "seal.jpg", NULL);
  g_autofree char *damaged = NULL;
  g_autofree char *good_data = NULL;
  g_autofree char *value = NULL;
  g_autofree char *shipped = shipped_seal ();
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  AdwActionRow *row;
  GtkPicture *picture;
  GtkWidget *remove;
  gsize good_len = 0;

  g_assert_cmpint (png_colour_type (good), ==, 6);
  g_assert_cmpint (png_colour_type (no_alpha), ==, 2);
  g_assert_cmpint (png_colour_type (opaque), ==, 6);
  pixbuf = gdk_pixbuf_new_from_file (no_alpha, &error);
  g_assert_no_error (error);
  g_assert_true (gdk_pixbuf_save (pixbuf, jpeg, "jpeg", &error, NULL));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (good, &good_data, &good_len, NULL));
  damaged = write_file (fixture, "damaged.png", good_data, good_len / 2);

  open_window (fixture);
  row = template_child (fixture->window, "seal_row");
  picture = template_child (fixture->window, "seal_picture");
  remove = template_child (fixture->window, "seal_remove");

  choose_seal (fixture, good);
  value = dup_setting (fixture, CONCORD_SETTING_PDF_SEAL_IMAGE);
  g_assert_cmpstr (value, ==, good);
  g_clear_pointer (&value, g_free);
  g_assert_null (seal_message (fixture));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, good);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (picture)));
  g_assert_nonnull (gtk_picture_get_paintable (picture));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (picture)), ==, 200);
  g_assert_true (gtk_widget_is_sensitive (remove));

  /* Refused, each with its message, the good one kept. */
  choose_seal (fixture, jpeg);
  g_assert_nonnull (seal_message (fixture));
  assert_says (seal_message (fixture), "seal.jpg");
  assert_says (seal_message (fixture), "PNG");
  {
    g_autofree char *expected = g_strdup_printf (_("“%s” is not a PNG image. Save the seal as a PNG image with a transparent background, and choose that."),
                                                 "seal.jpg");
    g_assert_cmpstr (seal_message (fixture), ==, expected);
  }
  choose_seal (fixture, garbage);
  {
    g_autofree char *expected = g_strdup_printf (_("“%s” is not a PNG image. Save the seal as a PNG image with a transparent background, and choose that."),
                                                 "garbage.png");
    g_assert_cmpstr (seal_message (fixture), ==, expected);
  }
  choose_seal (fixture, damaged);
  {
    g_autofree char *expected = g_strdup_printf (_("“%s” is damaged or incomplete. Choose another image."),
                                                 "damaged.png");
    g_assert_cmpstr (seal_message (fixture), ==, expected);
  }
  choose_seal (fixture, no_alpha);
  {
    g_autofree char *expected = g_strdup_printf (_("“%s” has no transparent background: printed over the organisation’s name, it would hide it. "
                                                   "Save the seal as a PNG image with a transparent background."),
                                                 "seal-white.png");
    g_assert_cmpstr (seal_message (fixture), ==, expected);
  }
  maybe_pause ("seal-refused");
  /* What the PDF's reader refuses: interlaced, and too large. */
  {
    g_autofree char *interlaced_data = g_memdup2 (good_data, good_len);
    g_autofree char *interlaced = NULL;
    g_autofree char *large = g_build_filename (fixture->dir, "large.png", NULL);
    g_autofree char *expected = NULL;
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2400, 40);

    interlaced_data[28] = 1;   /* IHDR's interlace method */
    interlaced = write_file (fixture, "interlaced.png", interlaced_data, good_len);
    choose_seal (fixture, interlaced);
    expected = g_strdup_printf (_("“%s” is an interlaced PNG image, which the PDF cannot use. Save it again without interlacing."),
                                "interlaced.png");
    g_assert_cmpstr (seal_message (fixture), ==, expected);
    g_clear_pointer (&expected, g_free);

    g_assert_cmpint (cairo_surface_write_to_png (surface, large), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
    choose_seal (fixture, large);
    expected = g_strdup_printf (_("“%s” is %u × %u pixels, larger than a seal needs (at most %u across). Save a smaller image."),
                                "large.png", 2400, 40, 2000);
    g_assert_cmpstr (seal_message (fixture), ==, expected);
  }
  choose_seal (fixture, opaque);
  assert_says (seal_message (fixture), "seal-opaque.png");
  value = dup_setting (fixture, CONCORD_SETTING_PDF_SEAL_IMAGE);
  g_assert_cmpstr (value, ==, good);
  g_clear_pointer (&value, g_free);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, good);
  g_assert_nonnull (gtk_picture_get_paintable (picture));

  /* The demo's seal is a good one. */
  if (shipped != NULL)
    {
      choose_seal (fixture, shipped);
      g_assert_null (seal_message (fixture));
      value = dup_setting (fixture, CONCORD_SETTING_PDF_SEAL_IMAGE);
      g_assert_cmpstr (value, ==, shipped);
      g_clear_pointer (&value, g_free);
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (picture)), >=, 400);
      maybe_pause ("seal");
    }
  else
    g_test_message ("resources/demo/seal.png not found from here: not checked");

  /* Removed: stamped by hand. */
  click (remove);
  value = dup_setting (fixture, CONCORD_SETTING_PDF_SEAL_IMAGE);
  g_assert_null (value);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   _("None: the seal is stamped by hand on the printed copies"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (picture)));
  g_assert_false (gtk_widget_is_sensitive (remove));
  g_assert_null (seal_message (fixture));

  /* A stored seal whose file has gone: said at the row. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  settle ();
  set_setting (fixture, CONCORD_SETTING_PDF_SEAL_IMAGE, good);
  g_unlink (good);
  open_window (fixture);
  g_assert_nonnull (seal_message (fixture));
  assert_says (seal_message (fixture), "seal.png");
  g_assert_true (gtk_widget_is_sensitive (template_child (fixture->window, "seal_remove")));
}

/* The buttons open a chooser for fonts and for PNG images; what is
 * chosen there goes the same way. */
static void
test_chooser (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *seal = write_seal (fixture, "seal.png", SEAL_TRANSPARENT);
  g_autofree char *value = NULL;
  g_autofree char *noto_message = NULL;
  GtkFileChooser *chooser;
  GtkFileFilter *filter;

  require_file (UMING);
  open_window (fixture);

  /* Body font: the chooser shows TrueType files, at the current font. */
  click (template_child (fixture->window, "body_font_choose"));
  g_assert_true (wait_long (chooser_open));
  chooser = find_chooser ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, _("Choose the Body Font"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (chooser)) == GTK_WINDOW (fixture->window));
  filter = gtk_file_chooser_get_filter (chooser);
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, _("TrueType fonts"));
  /* It opens in the folder of the current font. */
  {
    g_autoptr(GFile) folder = NULL;
    g_autofree char *folder_path = NULL;
    g_autofree char *expected = g_path_get_dirname (UMING);

    run_for (300);
    folder = gtk_file_chooser_get_current_folder (chooser);
    folder_path = folder != NULL ? g_file_get_path (folder) : NULL;
    g_assert_cmpstr (folder_path, ==, expected);
  }
  accept_in_chooser (ZENHEI);
  /* A collection: which font? */
  g_assert_true (wait_for (message_dialog_open, NULL));
  answer (find_message_dialog (), "choose");
  value = dup_setting (fixture, CONCORD_SETTING_PDF_BODY_FONT);
  g_assert_cmpstr (value, ==, ZENHEI);
  g_clear_pointer (&value, g_free);

  /* Cancelled: nothing changes. */
  click (template_child (fixture->window, "heading_font_choose"));
  g_assert_true (wait_long (chooser_open));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (find_chooser ())), ==, _("Choose the Heading Font"));
  gtk_dialog_response (GTK_DIALOG (find_chooser ()), GTK_RESPONSE_CANCEL);
  g_assert_true (wait_long (chooser_closed));
  settle ();
  g_assert_null (find_message_dialog ());
  value = dup_setting (fixture, CONCORD_SETTING_PDF_HEADING_FONT);
  g_assert_null (value);

  /* A refused font through the chooser. */
  if (g_file_test (NOTO, G_FILE_TEST_IS_REGULAR))
    {
      noto_message = open_error (NOTO, 0);
      click (template_child (fixture->window, "heading_font_choose"));
      g_assert_true (wait_long (chooser_open));
      accept_in_chooser (NOTO);
      g_assert_cmpstr (font_message (fixture, HEADING), ==, noto_message);
      value = dup_setting (fixture, CONCORD_SETTING_PDF_HEADING_FONT);
      g_assert_null (value);
    }

  /* The seal: PNG images. */
  click (template_child (fixture->window, "seal_choose"));
  g_assert_true (wait_long (chooser_open));
  chooser = find_chooser ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, _("Choose the Seal Image"));
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (chooser)), ==, _("PNG images"));
  accept_in_chooser (seal);
  value = dup_setting (fixture, CONCORD_SETTING_PDF_SEAL_IMAGE);
  g_assert_cmpstr (value, ==, seal);
  g_assert_true (gtk_widget_get_mapped (template_child (fixture->window, "seal_picture")));

  /* Closing the window with a chooser open closes the chooser. */
  click (template_child (fixture->window, "seal_choose"));
  g_assert_true (wait_long (chooser_open));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  settle ();
  g_assert_null (fixture->window);
  g_assert_true (wait_long (chooser_closed));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* Messages are compared through gettext, so the test also runs in
   * Chinese (LANG=zh_CN.UTF-8) for screenshots. */
  bindtextdomain (GETTEXT_PACKAGE, concord_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (!ui_test_init (&argc, &argv, "preferences"))
    return 77;

#define ADD(path, func) \
  g_test_add ("/ui-preferences/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("page", test_page);
  ADD ("font-chosen", test_font_chosen);
  ADD ("font-refused", test_font_refused);
  ADD ("font-without-chinese", test_font_without_chinese);
  ADD ("font-reset", test_font_reset);
  ADD ("seal", test_seal);
  ADD ("chooser", test_chooser);
#undef ADD

  return g_test_run ();
}
