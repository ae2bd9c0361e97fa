/* test-ui-session.c — a session run through real widgets: started from the
 * case view, notes typed and saved on their own, ended with an outcome.
 * Runs under Xvfb (suite "ui").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "concord-case-view.h"
#include "concord-session-window.h"
#include "test-fixtures.h"

#define ACTOR "王调解员"
#define WAIT_TIMEOUT_MS 5000

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (int ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_MS * 1000;
  GtkWindow *w;

  while ((w = find_toplevel (type)) == NULL && g_get_monotonic_time () < deadline)
    run_for (20);
  return w;
}

/* The message dialog that carries the widget @key (as the code under test
 * keeps it with g_object_set_data()). */
static GtkWindow *
wait_for_dialog_with (const char *key)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_MS * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)) &&
              g_object_get_data (G_OBJECT (w), key) != NULL)
            return w;
        }
      run_for (20);
    }
  return NULL;
}

static const char *
stored_note_text (ConcordStore *store,
                  gint64        case_id,
                  GPtrArray   **notes)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (notes, g_ptr_array_unref);
  *notes = concord_store_list_notes (store, case_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*notes)->len, ==, 1);
  return ((ConcordNote *) g_ptr_array_index (*notes, 0))->text;
}

static void
test_session (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = fixture_fire_case ();
  g_autoptr(ConcordContext) context = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(ConcordSession) session = NULL;
  GtkWindow *main_window, *dialog_window, *session_window;
  ConcordCaseView *view;
  GtkTextBuffer *buffer;
  const char *text;
  const char *typed = "张某称房屋被熏黑，要求赔偿。";

  fixture_set_up (&f, NULL);
  g_assert_true (concord_store_save_case (f.store, c, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_decide_case (f.store, c->id, TRUE, NULL, ACTOR, &error));
  g_assert_no_error (error);
  context = concord_context_new (f.store, "tester");

  main_window = GTK_WINDOW (gtk_window_new ());
  view = CONCORD_CASE_VIEW (concord_case_view_new (context));
  gtk_window_set_child (main_window, GTK_WIDGET (view));
  gtk_window_present (main_window);
  g_assert_true (concord_case_view_show_case (view, c->id, &error));
  g_assert_no_error (error);

  /* Accepted: no session yet. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (view), "case.start-session", NULL) &&
                  find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);

  g_assert_true (concord_store_move_stage (f.store, c->id, CONCORD_STAGE_BACK_TO_BACK, NULL, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_true (concord_case_view_reload (view, &error));
  g_assert_no_error (error);

  /* Ctrl+Shift+S's action opens the dialog, preset to back-to-back with the first party. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "case.start-session", NULL));
  dialog_window = wait_for_dialog_with ("room-entry");
  g_assert_nonnull (dialog_window);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog_window), "room-entry"), "第二调解室");
  g_assert_cmpuint (gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (dialog_window), "kind-dropdown")),
                    ==, CONCORD_SESSION_BACK_TO_BACK);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog_window), "start");

  session_window = wait_for_toplevel (CONCORD_TYPE_SESSION_WINDOW);
  g_assert_nonnull (session_window);
  sessions = concord_store_list_sessions (f.store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  session = concord_session_ref (g_ptr_array_index (sessions, 0));
  g_assert_cmpint (session->kind, ==, CONCORD_SESSION_BACK_TO_BACK);
  g_assert_cmpstr (session->room, ==, "第二调解室");
  g_assert_cmpuint (session->attendees->len, ==, 1);
  g_assert_null (session->ended_at);
  text = stored_note_text (f.store, c->id, &notes);
  g_assert_true (text == NULL || *text == '\0');
  g_assert_true (((ConcordNote *) g_ptr_array_index (notes, 0))->confidential);

  /* Typed into the real view; on disk 300 ms later without doing anything. */
  buffer = concord_session_window_get_buffer (CONCORD_SESSION_WINDOW (session_window));
  gtk_text_buffer_insert_at_cursor (buffer, typed, -1);
  run_for (450);
  g_assert_cmpstr (stored_note_text (f.store, c->id, &notes), ==, typed);
  gtk_text_buffer_insert_at_cursor (buffer, "吴某", -1);
  run_for (450);
  g_assert_cmpstr (stored_note_text (f.store, c->id, &notes), ==, "张某称房屋被熏黑，要求赔偿。吴某");

  /* Closing without ending asks first and keeps the window. */
  gtk_window_close (session_window);
  run_for (50);
  g_assert_true (find_toplevel (CONCORD_TYPE_SESSION_WINDOW) == session_window);
  dialog_window = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog_window);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog_window), "cancel");
  run_for (50);

  /* Ending: the last words typed are saved with it, the outcome recorded. */
  gtk_text_buffer_insert_at_cursor (buffer, "称", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (session_window), "session.end", NULL));
  dialog_window = wait_for_dialog_with ("outcome-entry");
  g_assert_nonnull (dialog_window);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog_window), "outcome-entry"), "同意下次面对面调解");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog_window), "end");
  run_for (100);
  g_assert_null (find_toplevel (CONCORD_TYPE_SESSION_WINDOW));

  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = concord_store_list_sessions (f.store, c->id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&session, concord_session_unref);
  session = concord_session_ref (g_ptr_array_index (sessions, 0));
  g_assert_nonnull (session->ended_at);
  g_assert_cmpstr (session->outcome, ==, "同意下次面对面调解");
  g_assert_cmpstr (stored_note_text (f.store, c->id, &notes), ==, "张某称房屋被熏黑，要求赔偿。吴某称");

  gtk_window_destroy (main_window);
  run_for (50);
  g_clear_object (&context);
  fixture_tear_down (&f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: the session tests need one (run them under Xvfb).\n");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/ui/session/start-type-end", test_session);
  return g_test_run ();
}
