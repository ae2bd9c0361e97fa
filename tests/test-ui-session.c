/* test-ui-session.c — a session run through real widgets: started from the
 * case view, notes typed and saved on their own, ended with an outcome;
 * attendees added and removed, positions and legal points recorded, notes
 * shared, and privacy mode hiding every word of a caucus.
 * Runs under Xvfb (suite "ui").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "concord-case-view.h"
#include "concord-position-dialog.h"
#include "concord-session-window.h"
#include "test-fixtures.h"
#include "test-ui-helpers.h"

#define ACTOR "王调解员"

/* The row of @list titled @title, or NULL. */
static GtkWidget *
find_row (GtkListBox *list,
          const char *title)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;
  return NULL;
}

/* The widget under @root whose tooltip is @tooltip, or NULL. */
static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  const char *own = gtk_widget_get_tooltip_text (root);

  if (g_strcmp0 (own, tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
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

/* A session of the fire case (scenario 1) run straight from its window. */
typedef struct
{
  Fixture               f;
  ConcordCase          *c;
  ConcordContext       *context;
  ConcordSessionWindow *window;
  guint                 changes;
} Room;

static void
case_changed_cb (ConcordContext *context,
                 gint64          case_id,
                 Room           *room)
{
  g_assert_cmpint (case_id, ==, room->c->id);
  room->changes++;
}

static ConcordParty *
room_party (Room       *room,
            const char *name)
{
  for (guint i = 0; i < room->c->parties->len; i++)
    {
      ConcordParty *p = g_ptr_array_index (room->c->parties, i);

      if (g_strcmp0 (p->name, name) == 0)
        return p;
    }
  g_assert_not_reached ();
}

static void
room_set_up (Room         *room,
             ConcordStage  stage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = NULL;

  fixture_set_up (&room->f, NULL);
  c = fixture_stored_fire_case (&room->f, CONCORD_STAGE_BACK_TO_BACK, ACTOR);
  if (stage == CONCORD_STAGE_FACE_TO_FACE)
    {
      g_assert_true (concord_store_move_stage (room->f.store, c->id, stage, NULL, ACTOR, &error));
      g_assert_no_error (error);
    }
  room->c = concord_store_load_case (room->f.store, c->id, &error);
  g_assert_no_error (error);
  room->context = concord_context_new (room->f.store, "tester");
  g_signal_connect (room->context, "case-changed", G_CALLBACK (case_changed_cb), room);
}

static void
room_start (Room               *room,
            ConcordSessionKind  kind,
            const char         *party)
{
  g_autoptr(GError) error = NULL;

  room->window = concord_session_window_start (NULL, room->context, room->c, kind, "第一调解室",
                                               party != NULL ? room_party (room, party)->id : 0,
                                               &error);
  g_assert_no_error (error);
  g_assert_nonnull (room->window);
  gtk_window_present (GTK_WINDOW (room->window));
  wait_until_mapped (room->window);
}

static void
room_tear_down (Room *room)
{
  /* Every window this test opened goes, the session's with its dialogs. */
  destroy_all_windows ();
  g_signal_handlers_disconnect_by_data (room->context, room);
  g_clear_object (&room->context);
  g_clear_pointer (&room->c, concord_case_unref);
  fixture_tear_down (&room->f, NULL);
}

static ConcordSession *
stored_session (Room *room)
{
  g_autoptr(GError) error = NULL;
  ConcordSession *session;

  session = concord_store_load_session (room->f.store, concord_session_window_get_session_id (room->window), &error);
  g_assert_no_error (error);
  return session;
}

static const ConcordAttendee *
find_attendee (const ConcordSession *session,
               const char           *name)
{
  for (guint i = 0; i < session->attendees->len; i++)
    {
      const ConcordAttendee *a = g_ptr_array_index (session->attendees, i);

      if (g_strcmp0 (a->name, name) == 0)
        return a;
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
  g_autoptr(ConcordCase) c = NULL;
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
  c = fixture_stored_fire_case (&f, CONCORD_STAGE_ACCEPTED, ACTOR);
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
  dialog_window = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "room-entry");
  g_assert_nonnull (dialog_window);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog_window), "room-entry"), "第二调解室");
  g_assert_cmpuint (gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (dialog_window), "kind-dropdown")),
                    ==, CONCORD_SESSION_BACK_TO_BACK);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog_window), "start");

  session_window = wait_for_toplevel (CONCORD_TYPE_SESSION_WINDOW, NULL);
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

  /* Typed into the real view (once it is on screen: the first frame may
   * take a while on a loaded machine); on disk 300 ms later without doing
   * anything. */
  wait_until_mapped (session_window);
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
  dialog_window = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (dialog_window);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog_window), "cancel");
  run_for (50);

  /* Ending: the last words typed are saved with it, the outcome recorded. */
  gtk_text_buffer_insert_at_cursor (buffer, "称", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (session_window), "session.end", NULL));
  dialog_window = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "outcome-entry");
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

/* The attendees: someone of the case picked from a list, an invited
 * helper by name and role (a name is needed), and one removed. */
static void
test_attendees (void)
{
  Room room = { 0 };
  g_autoptr(ConcordSession) session = NULL;
  const ConcordAttendee *a;
  GtkListBox *candidates;
  GtkWidget *row, *remove;
  GtkLabel *helper_error;
  guint changes;

  room_set_up (&room, CONCORD_STAGE_BACK_TO_BACK);
  room_start (&room, CONCORD_SESSION_BACK_TO_BACK, "张某");
  g_assert_true (widget_shows (room.window, "张某"));

  /* The list offers the case's other parties, the agent and the team,
   * not who attends already. */
  gtk_menu_button_popup (template_child (room.window, "add_attendee_button"));
  run_for (100);
  candidates = template_child (room.window, "candidates_list");
  g_assert_null (find_row (candidates, "张某"));
  g_assert_nonnull (find_row (candidates, "李某"));
  g_assert_nonnull (find_row (candidates, "吴父"));
  g_assert_nonnull (find_row (candidates, "陈律师"));
  row = find_row (candidates, "刘警官");
  g_assert_nonnull (row);
  changes = room.changes;
  gtk_widget_activate (row);
  run_for (50);
  g_assert_cmpuint (room.changes, >, changes);
  session = stored_session (&room);
  a = find_attendee (session, "刘警官");
  g_assert_nonnull (a);
  g_assert_cmpint (a->member_id, >, 0);
  g_assert_cmpstr (a->role, ==, concord_team_role_label (CONCORD_TEAM_OFFICER));
  g_assert_nonnull (find_row (template_child (room.window, "attendees_list"), "刘警官"));

  /* The agent, as the agent of his party. */
  gtk_menu_button_popup (template_child (room.window, "add_attendee_button"));
  run_for (100);
  g_assert_null (find_row (candidates, "刘警官"));
  gtk_widget_activate (find_row (candidates, "吴父"));
  run_for (50);
  g_clear_pointer (&session, concord_session_unref);
  session = stored_session (&room);
  a = find_attendee (session, "吴父");
  g_assert_nonnull (a);
  g_assert_cmpint (a->party_id, ==, 0);
  g_assert_nonnull (strstr (a->role, "吴某"));

  /* An invited helper without a name: told at the field, nothing stored,
   * the role typed stays. */
  gtk_menu_button_popup (template_child (room.window, "add_attendee_button"));
  run_for (100);
  helper_error = template_child (room.window, "helper_error");
  gtk_editable_set_text (template_child (room.window, "helper_name_entry"), "  ");
  gtk_editable_set_text (template_child (room.window, "helper_role_entry"), "居委会委员");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room.window), "session.add-helper", NULL));
  run_for (50);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (helper_error)));
  g_assert_cmpstr (gtk_label_get_text (helper_error), !=, "");
  g_assert_true (gtk_widget_has_css_class (template_child (room.window, "helper_name_entry"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (template_child (room.window, "helper_role_entry")), ==, "居委会委员");
  g_clear_pointer (&session, concord_session_unref);
  session = stored_session (&room);
  g_assert_cmpuint (session->attendees->len, ==, 3);

  /* With a name: stored with its role, shown, the form emptied. */
  gtk_editable_set_text (template_child (room.window, "helper_name_entry"), "赵主任");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (helper_error)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room.window), "session.add-helper", NULL));
  run_for (50);
  g_clear_pointer (&session, concord_session_unref);
  session = stored_session (&room);
  a = find_attendee (session, "赵主任");
  g_assert_nonnull (a);
  g_assert_cmpstr (a->role, ==, "居委会委员");
  g_assert_cmpint (a->party_id, ==, 0);
  g_assert_cmpint (a->member_id, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (template_child (room.window, "helper_name_entry")), ==, "");
  g_assert_true (widget_shows (room.window, "赵主任"));
  g_assert_true (widget_shows (room.window, "居委会委员"));

  /* Removed by its row's button. */
  changes = room.changes;
  remove = find_by_tooltip (template_child (room.window, "attendees_list"), "Remove 赵主任");
  g_assert_nonnull (remove);
  /* Activating a button clicks it after a short visual delay. */
  gtk_widget_activate (remove);
  run_for (400);
  g_assert_cmpuint (room.changes, >, changes);
  g_clear_pointer (&session, concord_session_unref);
  session = stored_session (&room);
  g_assert_null (find_attendee (session, "赵主任"));
  g_assert_nonnull (find_attendee (session, "刘警官"));
  g_assert_false (widget_shows (room.window, "赵主任"));

  room_tear_down (&room);
}

static GPtrArray *
stored_positions (Room *room)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *positions;

  positions = concord_store_list_positions (room->f.store, room->c->id, &error);
  g_assert_no_error (error);
  return positions;
}

/* A position: a wrong amount is told at the field and nothing typed is
 * lost; a right one is stored in fen and listed in yuan. */
static void
test_position (void)
{
  Room room = { 0 };
  g_autoptr(GPtrArray) positions = NULL;
  ConcordPositionDialog *dialog;
  GtkTextBuffer *terms;
  GtkLabel *amount_error;
  const ConcordPosition *p;
  g_autofree char *kept = NULL;
  GtkTextIter start, end;
  const char *bad[] = { "十三万", "abc" };
  guint changes;

  room_set_up (&room, CONCORD_STAGE_BACK_TO_BACK);
  room_start (&room, CONCORD_SESSION_BACK_TO_BACK, "吴某");
  g_assert_false (widget_shows (room.window, "¥"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room.window), "session.record-position", NULL));
  dialog = CONCORD_POSITION_DIALOG (wait_for_toplevel (CONCORD_TYPE_POSITION_DIALOG, NULL));
  g_assert_nonnull (dialog);
  wait_until_mapped (dialog);
  /* Back-to-back with 吴某, the respondent: his offer, at first. */
  g_assert_cmpint (concord_position_dialog_get_party_id (dialog), ==, room_party (&room, "吴某")->id);
  g_assert_cmpint (concord_position_dialog_get_kind (dialog), ==, CONCORD_POSITION_OFFER);

  /* 吴某 reports 张某's demand: chosen in the dropdowns. */
  adw_combo_row_set_selected (template_child (dialog, "party_row"), 0);
  adw_combo_row_set_selected (template_child (dialog, "kind_row"), CONCORD_POSITION_DEMAND);
  g_assert_cmpint (concord_position_dialog_get_party_id (dialog), ==, room_party (&room, "张某")->id);
  terms = gtk_text_view_get_buffer (template_child (dialog, "terms_view"));
  gtk_text_buffer_set_text (terms, "一次性赔偿房屋损失", -1);
  amount_error = template_child (dialog, "amount_error");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gtk_editable_set_text (template_child (dialog, "amount_row"), bad[i]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "position.save", NULL));
      run_for (50);
      g_assert_true (find_toplevel (CONCORD_TYPE_POSITION_DIALOG) == GTK_WINDOW (dialog));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (amount_error)));
      g_assert_nonnull (strstr (gtk_label_get_text (amount_error), bad[i]));
      g_assert_true (gtk_widget_has_css_class (template_child (dialog, "amount_row"), "error"));
      g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, "amount_row")), ==, bad[i]);
      gtk_text_buffer_get_bounds (terms, &start, &end);
      g_clear_pointer (&kept, g_free);
      kept = gtk_text_buffer_get_text (terms, &start, &end, FALSE);
      g_assert_cmpstr (kept, ==, "一次性赔偿房屋损失");
      g_clear_pointer (&positions, g_ptr_array_unref);
      positions = stored_positions (&room);
      g_assert_cmpuint (positions->len, ==, 0);
    }

  /* Typing again clears the message; a right amount is stored. */
  gtk_editable_set_text (template_child (dialog, "amount_row"), "130000");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (amount_error)));
  changes = room.changes;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "position.save", NULL));
  run_for (100);
  g_assert_null (find_toplevel (CONCORD_TYPE_POSITION_DIALOG));
  g_assert_cmpuint (room.changes, >, changes);

  g_clear_pointer (&positions, g_ptr_array_unref);
  positions = stored_positions (&room);
  g_assert_cmpuint (positions->len, ==, 1);
  p = g_ptr_array_index (positions, 0);
  g_assert_cmpint (p->session_id, ==, concord_session_window_get_session_id (room.window));
  g_assert_cmpint (p->party_id, ==, room_party (&room, "张某")->id);
  g_assert_cmpint (p->kind, ==, CONCORD_POSITION_DEMAND);
  g_assert_true (p->has_amount);
  g_assert_cmpint (p->amount_fen, ==, 13000000);
  g_assert_cmpstr (p->terms, ==, "一次性赔偿房屋损失");
  g_assert_true (widget_shows (template_child (room.window, "positions_list"), "¥130,000.00"));
  g_assert_true (widget_shows (template_child (room.window, "positions_list"), "一次性赔偿房屋损失"));
  g_assert_true (widget_shows (template_child (room.window, "positions_list"), "张某"));

  /* Terms in words only: no amount needed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room.window), "session.record-position", NULL));
  dialog = CONCORD_POSITION_DIALOG (wait_for_toplevel (CONCORD_TYPE_POSITION_DIALOG, NULL));
  g_assert_nonnull (dialog);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (template_child (dialog, "terms_view")),
                            "愿意当面道歉", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "position.save", NULL));
  run_for (100);
  g_assert_null (find_toplevel (CONCORD_TYPE_POSITION_DIALOG));
  g_clear_pointer (&positions, g_ptr_array_unref);
  positions = stored_positions (&room);
  g_assert_cmpuint (positions->len, ==, 2);
  p = g_ptr_array_index (positions, 1);
  g_assert_false (p->has_amount);
  g_assert_cmpint (p->party_id, ==, room_party (&room, "吴某")->id);
  g_assert_cmpint (p->kind, ==, CONCORD_POSITION_OFFER);
  g_assert_true (widget_shows (room.window, "愿意当面道歉"));

  room_tear_down (&room);
}

/* A legal point explained, with its citation: a blank one is refused at
 * the field. */
static void
test_legal_point (void)
{
  Room room = { 0 };
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  const ConcordLegalPoint *p;
  GtkLabel *legal_error;
  const char *text = "因过错侵害他人民事权益造成损害的，应当承担侵权责任";
  const char *citation = "《民法典》第一千一百六十五条";
  guint changes;

  room_set_up (&room, CONCORD_STAGE_BACK_TO_BACK);
  room_start (&room, CONCORD_SESSION_BACK_TO_BACK, "吴某");
  legal_error = template_child (room.window, "legal_error");

  gtk_editable_set_text (template_child (room.window, "legal_citation_row"), citation);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room.window), "session.add-legal-point", NULL));
  run_for (50);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (legal_error)));
  g_assert_cmpstr (gtk_label_get_text (legal_error), !=, "");
  g_assert_cmpstr (gtk_editable_get_text (template_child (room.window, "legal_citation_row")), ==, citation);
  points = concord_store_list_legal_points (room.f.store, room.c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 0);
  g_clear_pointer (&points, g_ptr_array_unref);

  gtk_editable_set_text (template_child (room.window, "legal_text_row"), text);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (legal_error)));
  changes = room.changes;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room.window), "session.add-legal-point", NULL));
  run_for (50);
  g_assert_cmpuint (room.changes, >, changes);
  points = concord_store_list_legal_points (room.f.store, room.c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 1);
  p = g_ptr_array_index (points, 0);
  g_assert_cmpint (p->session_id, ==, concord_session_window_get_session_id (room.window));
  g_assert_cmpstr (p->text, ==, text);
  g_assert_cmpstr (p->citation, ==, citation);
  g_assert_cmpstr (gtk_editable_get_text (template_child (room.window, "legal_text_row")), ==, "");
  g_assert_true (widget_shows (template_child (room.window, "legal_list"), text));
  g_assert_true (widget_shows (template_child (room.window, "legal_list"), citation));

  room_tear_down (&room);
}

static const ConcordNote *
stored_note (Room       *room,
             GPtrArray **notes)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (notes, g_ptr_array_unref);
  *notes = concord_store_list_notes (room->f.store, room->c->id,
                                     concord_session_window_get_session_id (room->window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*notes)->len, ==, 1);
  return g_ptr_array_index (*notes, 0);
}

/* The party agrees to share its caucus notes, then takes it back: both
 * recorded. */
static void
test_sharing (void)
{
  Room room = { 0 };
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  GtkSwitch *share;
  gboolean shared = FALSE, unshared = FALSE;
  guint changes;

  room_set_up (&room, CONCORD_STAGE_BACK_TO_BACK);
  room_start (&room, CONCORD_SESSION_BACK_TO_BACK, "张某");
  share = template_child (room.window, "share_switch");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (share)));
  g_assert_false (gtk_switch_get_active (share));
  g_assert_true (stored_note (&room, &notes)->confidential);
  g_assert_null (stored_note (&room, &notes)->shared_at);

  changes = room.changes;
  gtk_switch_set_active (share, TRUE);
  run_for (50);
  g_assert_cmpuint (room.changes, >, changes);
  g_assert_nonnull (stored_note (&room, &notes)->shared_at);
  g_assert_cmpstr (stored_note (&room, &notes)->shared_by, ==, "tester");

  gtk_switch_set_active (share, FALSE);
  run_for (50);
  g_assert_null (stored_note (&room, &notes)->shared_at);

  audit = concord_store_list_audit (room.f.store, room.c->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      const ConcordAuditEntry *e = g_ptr_array_index (audit, i);

      shared |= g_strcmp0 (e->action, "note.share") == 0;
      unshared |= g_strcmp0 (e->action, "note.unshare") == 0;
    }
  g_assert_true (shared && unshared);

  /* Opened again, the window shows the stored state. */
  gtk_switch_set_active (share, TRUE);
  run_for (50);
  {
    gint64 session_id = concord_session_window_get_session_id (room.window);
    ConcordSessionWindow *again;

    concord_session_window_save (room.window, &error);
    g_assert_no_error (error);
    gtk_window_destroy (GTK_WINDOW (room.window));
    run_for (50);
    again = concord_session_window_open (NULL, room.context, session_id, &error);
    g_assert_no_error (error);
    room.window = again;
    gtk_window_present (GTK_WINDOW (again));
    wait_until_mapped (again);
    g_assert_true (gtk_switch_get_active (template_child (again, "share_switch")));
  }

  room_tear_down (&room);
}

/* Ctrl+Shift+P as the window's own shortcut: found among its shortcuts
 * and run as a key press would. */
static void
press_ctrl_shift_p (gpointer window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GtkShortcutTrigger) trigger = gtk_shortcut_trigger_parse_string ("<Control><Shift>p");
  gboolean done = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !done; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !done; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (window), gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_true (done);
  run_for (50);
}

/* Privacy mode: a face-to-face session starts in it; in a back-to-back
 * session it hides every word of the caucus from every widget on the
 * screen, keeps what is typed and saves it, and shows it all again. */
static void
test_privacy (void)
{
  Room room = { 0 };
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  ConcordSessionWindow *joint;
  ConcordPositionDialog *dialog;
  GtkTextBuffer *buffer;
  const char *secret = "张某私下表示十万元也可以接受";
  const char *terms = "分期支付，首期三万元";
  const char *point = "诉讼需要重新鉴定损失，费时费力";
  const char *typing = "（屏幕转向当事人）";
  const char *draft = "尚未保存的报价条件";
  g_autofree char *all = NULL;

  room_set_up (&room, CONCORD_STAGE_FACE_TO_FACE);

  /* A face-to-face session turns privacy mode on; its own notes are not
   * confidential and stay in sight. */
  g_assert_false (concord_context_get_privacy_mode (room.context));
  room_start (&room, CONCORD_SESSION_FACE_TO_FACE, NULL);
  joint = room.window;
  g_assert_true (concord_context_get_privacy_mode (room.context));
  g_assert_true (gtk_toggle_button_get_active (template_child (joint, "privacy_button")));
  gtk_text_buffer_insert_at_cursor (concord_session_window_get_buffer (joint), "双方同意当面协商", -1);
  run_for (50);
  g_assert_true (widget_shows (joint, "双方同意当面协商"));
  g_assert_true (widget_shows (joint, "Privacy Mode (Ctrl+Shift+P)"));
  gtk_window_destroy (GTK_WINDOW (joint));
  run_for (50);

  /* The toggle button turns it off, through the context. */
  room_start (&room, CONCORD_SESSION_BACK_TO_BACK, "张某");
  g_assert_true (gtk_toggle_button_get_active (template_child (room.window, "privacy_button")));
  gtk_toggle_button_set_active (template_child (room.window, "privacy_button"), FALSE);
  g_assert_false (concord_context_get_privacy_mode (room.context));

  /* A caucus with 张某: notes, a position and a legal point. */
  buffer = concord_session_window_get_buffer (room.window);
  gtk_text_buffer_insert_at_cursor (buffer, secret, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room.window), "session.record-position", NULL));
  dialog = CONCORD_POSITION_DIALOG (wait_for_toplevel (CONCORD_TYPE_POSITION_DIALOG, NULL));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (template_child (dialog, "amount_row"), "100000");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (template_child (dialog, "terms_view")), terms, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "position.save", NULL));
  run_for (100);
  gtk_editable_set_text (template_child (room.window, "legal_text_row"), point);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room.window), "session.add-legal-point", NULL));
  run_for (100);
  g_assert_true (screen_shows (secret));
  g_assert_true (screen_shows (terms));
  g_assert_true (screen_shows ("¥100,000.00"));
  g_assert_true (screen_shows (point));

  /* A second position half typed when the screen is turned. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room.window), "session.record-position", NULL));
  dialog = CONCORD_POSITION_DIALOG (wait_for_toplevel (CONCORD_TYPE_POSITION_DIALOG, NULL));
  g_assert_nonnull (dialog);
  wait_until_mapped (dialog);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (template_child (dialog, "terms_view")), draft, -1);
  g_assert_true (screen_shows (draft));

  /* Ctrl+Shift+P, pressed while typing in the dialog: nothing of the
   * caucus anywhere on the screen. */
  press_ctrl_shift_p (dialog);
  g_assert_true (concord_context_get_privacy_mode (room.context));
  g_assert_true (gtk_toggle_button_get_active (template_child (room.window, "privacy_button")));
  g_assert_false (screen_shows (secret));
  g_assert_false (screen_shows (terms));
  g_assert_false (screen_shows ("¥100,000.00"));
  g_assert_false (screen_shows (point));
  g_assert_false (screen_shows (draft));
  g_assert_true (widget_shows (room.window, "Hidden in Privacy Mode"));
  /* Recording a position waits until the screen is turned back. */
  gtk_widget_activate_action (GTK_WIDGET (room.window), "session.record-position", NULL);
  run_for (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (screen_shows (draft));
  /* Who attends is not confidential. */
  g_assert_true (widget_shows (room.window, "张某"));

  /* Typing goes on out of sight: kept, and saved. */
  gtk_text_buffer_insert_at_cursor (buffer, typing, -1);
  run_for (450);
  all = g_strconcat (secret, typing, NULL);
  g_assert_cmpstr (stored_note (&room, &notes)->text, ==, all);
  g_assert_false (screen_shows (secret));

  /* Shared by the party: the notes may be seen, the rest stays hidden. */
  gtk_switch_set_active (template_child (room.window, "share_switch"), TRUE);
  run_for (50);
  g_assert_true (screen_shows (all));
  g_assert_false (screen_shows (terms));
  g_assert_false (screen_shows (point));
  gtk_switch_set_active (template_child (room.window, "share_switch"), FALSE);
  run_for (50);
  g_assert_false (screen_shows (secret));

  /* Off again, by the same keys: everything is back, nothing lost. */
  press_ctrl_shift_p (room.window);
  run_for (100);
  g_assert_false (concord_context_get_privacy_mode (room.context));
  g_assert_true (screen_shows (all));
  g_assert_true (screen_shows (terms));
  g_assert_true (screen_shows ("¥100,000.00"));
  g_assert_true (screen_shows (point));
  g_assert_true (find_toplevel (CONCORD_TYPE_POSITION_DIALOG) == GTK_WINDOW (dialog));
  g_assert_true (screen_shows (draft));
  g_assert_false (widget_shows (room.window, "Hidden in Privacy Mode"));

  room_tear_down (&room);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "session"))
    return 77;

  g_test_add_func ("/ui/session/start-type-end", test_session);
  g_test_add_func ("/ui/session/attendees", test_attendees);
  g_test_add_func ("/ui/session/position", test_position);
  g_test_add_func ("/ui/session/legal-point", test_legal_point);
  g_test_add_func ("/ui/session/sharing", test_sharing);
  g_test_add_func ("/ui/session/privacy", test_privacy);
  return g_test_run ();
}
