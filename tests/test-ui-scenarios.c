/* test-ui-scenarios.c — scenario 1 run at the desk through the real
 * widgets, from an accepted case to drafting: back-to-back sessions with
 * each side (caucus notes, positions, a legal point), a face-to-face
 * session that turns privacy mode on, the claim of 130,000 yuan coming
 * down until the offers meet it; and a walk over every window proving
 * that privacy mode shows nothing confidential. Runs under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concord-case-view.h"
#include "concord-position-dialog.h"
#include "concord-session-window.h"
#include "concord-window.h"
#include "test-fixtures.h"
#include "test-ui-helpers.h"

#define OTHER_FACTS "孙某家装修噪音扰民"

typedef struct
{
  Fixture         base;
  ConcordContext *context;
  ConcordWindow  *window;
  GtkWidget      *view;
  ConcordCase    *c;
} Desk;

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
desk_set_up (Desk         *d,
             gconstpointer data)
{
  g_autoptr(ConcordCase) other = fixture_quick_case ("孙某", OTHER_FACTS "，楼下住户多次投诉。");
  g_autoptr(GError) error = NULL;

  fixture_set_up (&d->base, NULL);
  d->c = fixture_stored_fire_case (&d->base, CONCORD_STAGE_ACCEPTED, "wang");
  /* Another dispute of the station: not for the eyes of these parties. */
  g_assert_true (concord_store_save_case (d->base.store, other, "wang", &error));
  g_assert_no_error (error);

  d->context = concord_context_new (d->base.store, "wang");
  d->window = g_object_ref_sink (concord_window_new (NULL, d->context));
  gtk_window_set_default_size (GTK_WINDOW (d->window), 1280, 860);
  gtk_window_present (GTK_WINDOW (d->window));
  g_assert_true (wait_for (mapped, d->window));
  d->view = concord_window_get_case_view (d->window);
  concord_window_show_case (d->window, d->c->id);
  settle ();
  g_assert_cmpint (concord_case_view_get_case_id (CONCORD_CASE_VIEW (d->view)), ==, d->c->id);
}

static void
desk_tear_down (Desk         *d,
                gconstpointer data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != d->window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  gtk_window_destroy (GTK_WINDOW (d->window));
  settle ();
  g_clear_object (&d->window);
  g_clear_object (&d->context);
  g_clear_pointer (&d->c, concord_case_unref);
  fixture_tear_down (&d->base, NULL);
}

static ConcordStage
stage_now (Desk *d)
{
  g_autoptr(ConcordCase) c = concord_store_load_case (d->base.store, d->c->id, NULL);

  return c->stage;
}

/* The main button of the case, as a click. */
static void
click_next (Desk       *d,
            const char *label)
{
  GtkWidget *button = find_shown_button (d->view, label);

  if (button == NULL)
    g_error ("no button “%s” on the case", label);
  g_signal_emit_by_name (button, "clicked");
  settle ();
  if (find_message_dialog () != NULL)
    g_error ("the move failed: %s", adw_message_dialog_get_body (find_message_dialog ()));
}

/* Starts a session from the case view with Ctrl+Shift+S's action: its
 * dialog asks the kind, the party (back-to-back) and the room. */
static ConcordSessionWindow *
start_session (Desk               *d,
               ConcordSessionKind  kind,
               guint               party_index,
               const char         *room)
{
  AdwMessageDialog *dialog;
  ConcordSessionWindow *window;

  g_assert_true (gtk_widget_activate_action (d->view, "case.start-session", NULL));
  g_assert_true (wait_for (message_dialog_open, NULL));
  dialog = find_message_dialog ();
  gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (dialog), "kind-dropdown"), kind);
  if (kind == CONCORD_SESSION_BACK_TO_BACK)
    gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (dialog), "party-dropdown"), party_index);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "room-entry"), room);
  answer (dialog, "start");

  g_assert_true (wait_for (toplevel_open, GSIZE_TO_POINTER (CONCORD_TYPE_SESSION_WINDOW)));
  window = CONCORD_SESSION_WINDOW (find_toplevel (CONCORD_TYPE_SESSION_WINDOW));
  g_assert_true (wait_for (mapped, window));
  settle ();
  return window;
}

static void
type_notes (ConcordSessionWindow *window,
            const char           *text)
{
  GtkTextBuffer *buffer = concord_session_window_get_buffer (window);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
}

/* Records a position through the session window's button and dialog. */
static void
record_position (ConcordSessionWindow *window,
                 guint                 party_index,
                 ConcordPositionKind   kind,
                 const char           *amount,
                 const char           *terms)
{
  ConcordPositionDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.record-position", NULL));
  g_assert_true (wait_for (toplevel_open, GSIZE_TO_POINTER (CONCORD_TYPE_POSITION_DIALOG)));
  dialog = CONCORD_POSITION_DIALOG (find_toplevel (CONCORD_TYPE_POSITION_DIALOG));
  g_assert_true (wait_for (mapped, dialog));
  adw_combo_row_set_selected (template_child (dialog, "party_row"), party_index);
  adw_combo_row_set_selected (template_child (dialog, "kind_row"), kind);
  gtk_editable_set_text (template_child (dialog, "amount_row"), amount);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (template_child (dialog, "terms_view")), terms, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "position.save", NULL));
  g_assert_true (wait_for (toplevel_closed, GSIZE_TO_POINTER (CONCORD_TYPE_POSITION_DIALOG)));
  settle ();
}

static void
add_legal_point (ConcordSessionWindow *window,
                 const char           *text,
                 const char           *citation)
{
  gtk_editable_set_text (template_child (window, "legal_text_row"), text);
  gtk_editable_set_text (template_child (window, "legal_citation_row"), citation);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.add-legal-point", NULL));
  settle ();
}

/* Ends the session through its End Session… dialog, with @outcome. */
static void
end_session (ConcordSessionWindow *window,
             const char           *outcome)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.end", NULL));
  g_assert_true (wait_for (message_dialog_open, NULL));
  dialog = find_message_dialog ();
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "outcome-entry"), outcome);
  answer (dialog, "end");
  g_assert_true (wait_for (toplevel_closed, GSIZE_TO_POINTER (CONCORD_TYPE_SESSION_WINDOW)));
  settle ();
}

static void
set_privacy_by_key (Desk     *d,
                    gboolean  on)
{
  /* The action of Ctrl+Shift+P on the main window. */
  if (concord_context_get_privacy_mode (d->context) != on)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (d->window), "win.toggle-privacy", NULL));
  settle ();
  g_assert_cmpint (concord_context_get_privacy_mode (d->context), ==, on);
}

static gboolean
gap_closed_shown (gpointer view)
{
  return shows_label (view, "The offers meet the demands.");
}

/* Scenario 1, from accepted to drafting. */
static void
test_fire_case_to_drafting (Desk         *d,
                            gconstpointer data)
{
  /* What 张某 and 吴某 each said only to the mediator. */
  const char *zhang_caucus = "张某：其实八万五也可以接受，但不要告诉吴某。";
  const char *wu_caucus = "吴某：家里最多能凑十万，希望分期。";
  const char *zhang_terms = "底线：八万五千元一次付清";
  const char *caucus_point = "单独释明：起诉需承担诉讼费用和时间成本";
  const char *caucus_outcome = "张某私下表示可降至八万五";
  const char *secrets[] = { zhang_caucus, wu_caucus, zhang_terms, caucus_point, caucus_outcome,
                            OTHER_FACTS, NULL };
  const char *joint_note = "双方当面确认：吴某分两期赔偿张某、李某。";
  ConcordSessionWindow *room;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  gint64 gap = -1;

  g_assert_cmpint (stage_now (d), ==, CONCORD_STAGE_ACCEPTED);
  click_next (d, "Start Back-to-Back Sessions");
  g_assert_cmpint (stage_now (d), ==, CONCORD_STAGE_BACK_TO_BACK);

  /* Round 1, back-to-back with 张某 (the first party): 130,000 asked. */
  room = start_session (d, CONCORD_SESSION_BACK_TO_BACK, 0, "第一调解室");
  g_assert_false (concord_context_get_privacy_mode (d->context));
  type_notes (room, zhang_caucus);
  record_position (room, 0, CONCORD_POSITION_DEMAND, "130,000", zhang_terms);
  add_legal_point (room, caucus_point, "《民事诉讼法》");
  end_session (room, caucus_outcome);

  /* Round 2, back-to-back with 吴某 (the third party): 60,000 offered. */
  room = start_session (d, CONCORD_SESSION_BACK_TO_BACK, 2, "第二调解室");
  type_notes (room, wu_caucus);
  record_position (room, 2, CONCORD_POSITION_OFFER, "6万", "分两期支付");
  end_session (room, "吴某愿先赔六万");

  /* The case shows both rounds and, privacy off, everything. */
  settle ();

  assert_secrets ((const char *[]) { zhang_terms, caucus_point, caucus_outcome, OTHER_FACTS, NULL }, TRUE);

  /* Round 3, face-to-face: the screen turns to the parties. */
  click_next (d, "Start Face-to-Face Session");
  g_assert_cmpint (stage_now (d), ==, CONCORD_STAGE_FACE_TO_FACE);
  room = start_session (d, CONCORD_SESSION_FACE_TO_FACE, 0, "第一调解室");
  g_assert_true (concord_context_get_privacy_mode (d->context));
  type_notes (room, joint_note);
  settle ();
  /* Nothing of the caucuses anywhere, in any window. */
  assert_secrets (secrets, FALSE);
  assert_secrets ((const char *[]) { joint_note, NULL }, TRUE);

  record_position (room, 0, CONCORD_POSITION_DEMAND, "100000", "房屋损失");
  record_position (room, 1, CONCORD_POSITION_DEMAND, "0", "李某放弃索赔，由保险理赔");
  record_position (room, 2, CONCORD_POSITION_OFFER, "100000", "分两期支付");
  add_legal_point (room, "因过错侵害他人民事权益造成损害的，应当承担侵权责任", "《民法典》第一千一百六十五条");
  settle ();
  assert_secrets (secrets, FALSE);
  /* The gap is closed, and the room may see that. */
  g_assert_true (wait_for (gap_closed_shown, d->view));
  end_session (room, "三方达成一致，进入协议起草");

  /* Privacy off (Ctrl+Shift+P): the mediator sees the caucuses again. */
  set_privacy_by_key (d, FALSE);
  assert_secrets ((const char *[]) { zhang_terms, caucus_point, caucus_outcome, OTHER_FACTS, NULL }, TRUE);

  click_next (d, "Start Drafting");
  g_assert_cmpint (stage_now (d), ==, CONCORD_STAGE_DRAFTING);

  /* What the store holds after the morning. */
  sessions = concord_store_list_sessions (d->base.store, d->c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 3);
  for (guint i = 0; i < sessions->len; i++)
    g_assert_nonnull (((ConcordSession *) g_ptr_array_index (sessions, i))->ended_at);
  g_assert_cmpstr (((ConcordSession *) g_ptr_array_index (sessions, 0))->room, ==, "第一调解室");
  positions = concord_store_list_positions (d->base.store, d->c->id, &error);
  g_assert_cmpuint (positions->len, ==, 5);
  g_assert_cmpint (((ConcordPosition *) g_ptr_array_index (positions, 0))->amount_fen, ==, 13000000);
  g_assert_cmpint (((ConcordPosition *) g_ptr_array_index (positions, 1))->amount_fen, ==, 6000000);
  g_assert_true (concord_positions_gap (positions, &gap));
  g_assert_cmpint (gap, ==, 0);
  notes = concord_store_list_notes (d->base.store, d->c->id, 0, &error);
  g_assert_cmpuint (notes->len, ==, 3);
  g_assert_cmpstr (((ConcordNote *) g_ptr_array_index (notes, 0))->text, ==, zhang_caucus);
  g_assert_true (concord_note_is_private (g_ptr_array_index (notes, 0)));
  g_assert_false (concord_note_is_private (g_ptr_array_index (notes, 2)));
  points = concord_store_list_legal_points (d->base.store, d->c->id, &error);
  g_assert_cmpuint (points->len, ==, 2);
  g_assert_cmpstr (((ConcordLegalPoint *) g_ptr_array_index (points, 1))->citation, ==, "《民法典》第一千一百六十五条");
}

/* Scenario 5: the same neighbours come back. The new case shows the
 * earlier one, and activating it opens it in the window. */
static void
test_repeat_dispute (Desk         *d,
                     gconstpointer data)
{
  g_autoptr(ConcordCase) again = fixture_fire_case ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *earlier = NULL;

  g_clear_pointer (&again->facts, g_free);
  again->facts = g_strdup ("张某再次投诉吴某：修复后楼道仍有烟味。");
  g_assert_true (concord_store_save_case (d->base.store, again, "wang", &error));
  g_assert_no_error (error);
  concord_window_show_case (d->window, again->id);
  settle ();
  g_assert_cmpint (concord_case_view_get_case_id (CONCORD_CASE_VIEW (d->view)), ==, again->id);

  collect (d->view, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len && earlier == NULL; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      if (gtk_widget_get_mapped (row) && title != NULL && strstr (title, d->c->case_no) != NULL)
        earlier = row;
    }
  if (earlier == NULL)
    g_error ("the earlier case %s is not shown", d->c->case_no);
  g_signal_emit_by_name (earlier, "activated");
  settle ();
  g_assert_cmpint (concord_case_view_get_case_id (CONCORD_CASE_VIEW (d->view)), ==, d->c->id);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "scenario"))
    return 77;

  g_test_add ("/ui/scenarios/fire-case-to-drafting", Desk, NULL,
              desk_set_up, test_fire_case_to_drafting, desk_tear_down);
  g_test_add ("/ui/scenarios/repeat-dispute", Desk, NULL,
              desk_set_up, test_repeat_dispute, desk_tear_down);
  return g_test_run ();
}
