/* test-ui-helpers.h — what the interface tests share: starting GTK,
 * waiting for the main loop, walking the widget tree, finding windows,
 * answering dialogs, and the walk that proves privacy mode shows nothing
 * confidential
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#define UI_WAIT_TIMEOUT_MS 5000

typedef gboolean (*UiCondition) (gpointer data);

/* Sets the locale and starts the test framework, GTK and libadwaita.
 * Without a display it says so and returns FALSE: main() then returns 77
 * (skipped). @what names the tests in that message. */
static inline gboolean
ui_test_init (int         *argc,
              char      ***argv,
              const char  *what)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: the %s tests need one (run them under Xvfb).\n", what);
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

/* Waiting */

static inline gboolean
ui_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop for @ms milliseconds. */
static inline void
run_for (int ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (10, ui_wake_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* Lets pending layout and drawing happen. */
static inline void
settle (void)
{
  run_for (100);
}

/* Runs the main loop until @condition holds or 5 s passed; returns
 * whether it holds. */
static inline gboolean
wait_for (UiCondition condition,
          gpointer    data)
{
  gint64 deadline = g_get_monotonic_time () + UI_WAIT_TIMEOUT_MS * 1000;
  guint wake = g_timeout_add (10, ui_wake_cb, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return met;
}

/* Walking the widget tree */

static inline void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static inline GtkWidget *
find_first (GtkWidget *root,
            GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* Whether a label showing exactly @text is on screen inside @root. */
static inline gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (label) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The mapped button labelled @label inside @root, or NULL. */
static inline GtkWidget *
find_shown_button (GtkWidget  *root,
                   const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (gtk_widget_get_mapped (button) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0)
        return button;
    }
  return NULL;
}

/* The named widget @name of the template of @widget (of a final type). */
static inline gpointer
template_child (gpointer    widget,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), G_OBJECT_TYPE (widget), name);

  if (child == NULL)
    g_error ("%s has no template child “%s”", G_OBJECT_TYPE_NAME (widget), name);
  return child;
}

/* Windows */

/* The first visible toplevel of @type that carries @key (as the code
 * under test keeps a widget with g_object_set_data()), or of @type alone
 * when @key is NULL; NULL when there is none. */
static inline GtkWindow *
find_toplevel_with (GType       type,
                    const char *key)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)) &&
          (key == NULL || g_object_get_data (G_OBJECT (w), key) != NULL))
        return w;
    }
  return NULL;
}

/* The first visible toplevel of @type, or NULL. */
static inline GtkWindow *
find_toplevel (GType type)
{
  return find_toplevel_with (type, NULL);
}

/* For wait_for(): whether a toplevel of the type @type (a GType in a
 * pointer, GSIZE_TO_POINTER (type)) is shown, or is no longer. */
static inline gboolean
toplevel_open (gpointer type)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (type)) != NULL;
}

static inline gboolean
toplevel_closed (gpointer type)
{
  return !toplevel_open (type);
}

/* Waits up to 5 s for find_toplevel_with (@type, @key). */
static inline GtkWindow *
wait_for_toplevel (GType       type,
                   const char *key)
{
  gint64 deadline = g_get_monotonic_time () + UI_WAIT_TIMEOUT_MS * 1000;
  GtkWindow *w;

  while ((w = find_toplevel_with (type, key)) == NULL && g_get_monotonic_time () < deadline)
    run_for (20);
  return w;
}

/* The visible message dialog on top, or NULL. */
static inline AdwMessageDialog *
find_message_dialog (void)
{
  return (AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static inline gboolean
message_dialog_open (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* Answers @question with @response as a click would. */
static inline void
answer (AdwMessageDialog *question,
        const char       *response)
{
  adw_message_dialog_response (question, response);
  gtk_window_destroy (GTK_WINDOW (question));
  settle ();
}

/* Destroys every window a test left, dialogs included, and lets that
 * happen. */
static inline void
destroy_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (w);
    }
  run_for (50);
}

/* Privacy walk */

static inline void
ui_append_shown (GString    *out,
                 const char *text)
{
  if (text != NULL && *text != '\0')
    {
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
}

/* Everything a person could read in @widget and below, where it is drawn
 * (mapped): label texts, typed text of entries, text views' buffers,
 * tooltips, the titles and subtitles of rows and groups, window titles. */
static inline void
ui_collect_shown_text (GtkWidget *widget,
                       GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  ui_append_shown (out, gtk_widget_get_tooltip_text (widget));
  if (GTK_IS_LABEL (widget))
    ui_append_shown (out, gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_EDITABLE (widget))
    ui_append_shown (out, gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      ui_append_shown (out, text);
    }
  else if (GTK_IS_WINDOW (widget))
    ui_append_shown (out, gtk_window_get_title (GTK_WINDOW (widget)));

  if (ADW_IS_PREFERENCES_ROW (widget))
    ui_append_shown (out, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget))
    ui_append_shown (out, adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (ADW_IS_EXPANDER_ROW (widget))
    ui_append_shown (out, adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget)));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      ui_append_shown (out, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
      ui_append_shown (out, adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ui_collect_shown_text (child, out);
}

/* Everything shown in @widget, as ui_collect_shown_text() finds it. */
static inline char *
ui_dup_shown_text (gpointer widget)
{
  GString *out = g_string_new (NULL);

  ui_collect_shown_text (GTK_WIDGET (widget), out);
  return g_string_free (out, FALSE);
}

/* Everything shown in every visible window. */
static inline char *
ui_dup_all_shown_text (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GString *out = g_string_new (NULL);

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data))
      ui_collect_shown_text (l->data, out);
  g_list_free (toplevels);
  return g_string_free (out, FALSE);
}

/* Whether @text can be read in @widget. */
static inline gboolean
widget_shows (gpointer    widget,
              const char *text)
{
  g_autofree char *shown = ui_dup_shown_text (widget);

  return strstr (shown, text) != NULL;
}

/* Whether @text can be read anywhere on the screen, in any window. */
static inline gboolean
screen_shows (const char *text)
{
  g_autofree char *shown = ui_dup_all_shown_text ();

  return strstr (shown, text) != NULL;
}

/* Asserts that none of @secrets (NULL-terminated) is shown in any window,
 * or, with @shown, that each of them is. */
static inline void
assert_secrets (const char *const *secrets,
                gboolean           shown)
{
  g_autofree char *text = ui_dup_all_shown_text ();

  for (guint i = 0; secrets[i] != NULL; i++)
    {
      gboolean found = strstr (text, secrets[i]) != NULL;

      if (found != shown)
        g_error ("“%s” is %s on screen", secrets[i], found ? "shown" : "not shown");
    }
}
