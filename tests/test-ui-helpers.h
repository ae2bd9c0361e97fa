/* test-ui-helpers.h — what the interface tests share: waiting for the
 * main loop, walking the widget tree, answering dialogs, and the walk
 * that proves privacy mode shows nothing confidential
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <string.h>

#define UI_WAIT_TIMEOUT_MS 5000

typedef gboolean (*UiCondition) (gpointer data);

static gboolean
ui_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
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

/* Lets pending layout and drawing happen. */
static inline void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 100 * 1000;
  guint wake = g_timeout_add (10, ui_wake_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

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

/* The visible message dialog on top, or NULL. */
static inline AdwMessageDialog *
find_message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
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

/* The first visible toplevel of @type, or NULL. */
static inline GtkWindow *
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
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
 * tooltips, window titles. */
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

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ui_collect_shown_text (child, out);
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
