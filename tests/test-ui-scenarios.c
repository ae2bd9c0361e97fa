/* test-ui-scenarios.c — scenario 1 run at the desk through the real
 * widgets, from an accepted case to drafting: back-to-back sessions with
 * each side (caucus notes, positions, a legal point), a face-to-face
 * session that turns privacy mode on, the claim of 130,000 yuan coming
 * down until the offers meet it; and a walk over every window proving
 * that privacy mode shows nothing confidential. Then the agreements of
 * scenario 1 (people's mediation) and scenario 3 (police mediation) from
 * drafting to approval: the completeness check refusing, each problem
 * leading to its place, review, sent back, fixed, approved. Runs under
 * Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concord-agreement-editor.h"
#include "concord-case-view.h"
#include "concord-intake-dialog-private.h"
#include "concord-position-dialog.h"
#include "concord-review-pane.h"
#include "concord-term-dialog.h"
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

/* The agreement */

/* The widget named @name under @root, or NULL: the editor names its fields
 * "field:KEY" and its problem rows by their target. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
shown_editor (Desk *d)
{
  GtkWidget *editor = find_first (d->view, CONCORD_TYPE_AGREEMENT_EDITOR);

  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_mapped (editor));
  return editor;
}

/* The targets of the problems the editor lists, in order. */
static GPtrArray *
listed_problems (Desk *d)
{
  GtkWidget *group = template_child (shown_editor (d), "check_group");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *targets = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (gtk_widget_get_mapped (group));
  collect (group, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      const char *name = gtk_widget_get_name (row);

      /* Rows without a target keep their type's name. */
      if (gtk_widget_get_mapped (row) && g_ascii_islower (name[0]) && !g_str_equal (name, "check-ok"))
        g_ptr_array_add (targets, g_strdup (name));
    }
  return targets;
}

static gboolean
listed (GPtrArray  *targets,
        const char *target)
{
  for (guint i = 0; i < targets->len; i++)
    if (g_str_equal (g_ptr_array_index (targets, i), target))
      return TRUE;
  return FALSE;
}

/* Sends the agreement on with the case's main button and expects the
 * completeness check to refuse it: the message is closed, the stage
 * unchanged, and the editor's list of problems returned. */
static GPtrArray *
send_refused (Desk       *d,
              const char *label)
{
  GtkWidget *button = find_shown_button (d->view, label);
  AdwMessageDialog *message;
  ConcordStage before = stage_now (d);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  settle ();
  message = find_message_dialog ();
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "not complete"));
  answer (message, "close");
  g_assert_cmpint (stage_now (d), ==, before);
  return listed_problems (d);
}

/* Activates the problem row of @target: it leads to its place. */
static void
activate_problem (Desk       *d,
                  const char *target)
{
  GtkWidget *row = find_named (template_child (shown_editor (d), "check_group"), target);

  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  settle ();
}

/* Whether @widget stands well inside the visible part of its scrolled
 * page. */
static gboolean
in_view (gpointer widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  if (!gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  /* The point is in the viewport, which shows the page as scrolled: the
   * field starts in its upper half, not at the bottom edge. */
  return point.y >= 0 && point.y <= gtk_adjustment_get_page_size (adjustment) / 2;
}

/* Types @text into the editor's field @key after following its problem,
 * which must put the focus there, in view. */
static void
fill_problem_field (Desk       *d,
                    const char *key,
                    const char *text)
{
  g_autofree char *target = g_strconcat ("field:", key, NULL);
  GtkWidget *field;
  GtkWidget *focus;

  activate_problem (d, target);
  field = find_named (template_child (shown_editor (d), "sections_box"), target);
  g_assert_nonnull (field);
  focus = gtk_root_get_focus (GTK_ROOT (d->window));
  g_assert_true (focus == field || (focus != NULL && gtk_widget_is_ancestor (focus, field)));
  g_assert_true (wait_for (in_view, field));
  if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field), text);
  settle ();
}

/* The term dialog from the editor: @payer pays @payee @amount (as typed)
 * by bank transfer on @due. */
static void
add_money_term (Desk       *d,
                guint       payer,
                guint       payee,
                const char *amount,
                const char *due)
{
  g_autoptr(GError) error = NULL;
  ConcordTermDialog *dialog;

  g_signal_emit_by_name (find_shown_button (shown_editor (d), "Add _Money Term…"), "clicked");
  settle ();
  dialog = CONCORD_TERM_DIALOG (wait_for_toplevel (CONCORD_TYPE_TERM_DIALOG, NULL));
  g_assert_nonnull (dialog);
  adw_combo_row_set_selected (template_child (dialog, "payer_row"), payer);
  adw_combo_row_set_selected (template_child (dialog, "payee_row"), payee);
  gtk_editable_set_text (template_child (dialog, "amount_row"), amount);
  gtk_editable_set_text (template_child (dialog, "method_row"), "银行转账");
  gtk_editable_set_text (template_child (dialog, "due_row"), due);
  settle ();
  g_assert_true (concord_term_dialog_save (dialog, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_null (find_toplevel (CONCORD_TYPE_TERM_DIALOG));
}

/* A party's problem opens the case's form at that party: every party is
 * given an address there and the form saved. */
static void
complete_parties_in_form (Desk       *d,
                          const char *target)
{
  g_autoptr(GPtrArray) editors = g_ptr_array_new ();
  ConcordIntakeDialog *form;

  activate_problem (d, target);
  form = CONCORD_INTAKE_DIALOG (wait_for_toplevel (CONCORD_TYPE_INTAKE_DIALOG, NULL));
  g_assert_nonnull (form);
  settle ();
  collect (GTK_WIDGET (form), CONCORD_TYPE_PARTY_EDITOR, editors);
  g_assert_cmpuint (editors->len, >=, 2);
  for (guint i = 0; i < editors->len; i++)
    {
      GtkWidget *address = _concord_party_editor_get_field (g_ptr_array_index (editors, i), "address");

      if (address != NULL && *gtk_editable_get_text (GTK_EDITABLE (address)) == '\0')
        gtk_editable_set_text (GTK_EDITABLE (address), "东城区青年路18号");
    }
  g_signal_emit_by_name (_concord_intake_dialog_get_save_button (form), "clicked");
  settle ();
  g_assert_null (find_toplevel (CONCORD_TYPE_INTAKE_DIALOG));
}

static void
click_in_pane (Desk       *d,
               const char *label)
{
  GtkWidget *pane = find_first (d->view, CONCORD_TYPE_REVIEW_PANE);
  GtkWidget *button;

  g_assert_nonnull (pane);
  g_assert_true (gtk_widget_get_mapped (pane));
  button = find_shown_button (pane, label);
  if (button == NULL)
    g_error ("no button “%s” in the review pane", label);
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

/* Approves in the review pane as someone who is not the case's lawyer:
 * asked first, with the lawyer's name (@lawyer, or NULL for none). */
static void
approve_not_as_lawyer (Desk       *d,
                       const char *lawyer)
{
  AdwMessageDialog *dialog;

  click_in_pane (d, "Approve for Signing");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (stage_now (d), ==, CONCORD_STAGE_REVIEW);
  if (lawyer != NULL)
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), lawyer));
  answer (dialog, "approve");
  g_assert_null (find_message_dialog ());
}

static gboolean
case_column_gone (gpointer pane)
{
  return !gtk_widget_get_mapped (template_child (pane, "case_column"));
}

static void
send_back (Desk       *d,
           const char *comments)
{
  AdwMessageDialog *dialog;

  click_in_pane (d, "Send Back to Drafting…");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_first (GTK_WIDGET (dialog),
                                                                                 GTK_TYPE_TEXT_VIEW))),
                            comments, -1);
  answer (dialog, "send-back");
  g_assert_null (find_message_dialog ());
}

/* Scenario 1's agreement at the desk: drafted from the case, refused by
 * the completeness check, completed through what the check lists, sent to
 * review, sent back with the lawyer's comments, fixed, approved. */
static void
test_fire_agreement (Desk         *d,
                     gconstpointer data)
{
  const char *comments = "责任划分应写明吴某对火灾承担全部责任。";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(ConcordAgreement) approved = NULL;
  g_autofree char *zhang = NULL;
  GtkWidget *editor;

  g_assert_true (concord_store_move_stage (d->base.store, d->c->id, CONCORD_STAGE_FACE_TO_FACE, NULL, "wang",
                                           &error));
  g_assert_true (concord_store_set_setting (d->base.store, CONCORD_SETTING_COMMITTEE_NAME,
                                            "东城街道人民调解委员会", "wang", &error));
  g_assert_true (concord_case_view_reload (CONCORD_CASE_VIEW (d->view), NULL));
  settle ();
  click_next (d, "Start Drafting");
  g_assert_cmpint (stage_now (d), ==, CONCORD_STAGE_DRAFTING);

  /* The draft starts from the case, with the people's mediation form. */
  editor = shown_editor (d);
  /* The start page shows whole inside the case's page, not in a sliver. */
  g_assert_cmpint (gtk_widget_get_height (template_child (editor, "start_page")), >, 250);
  g_assert_cmpint (gtk_widget_get_height (template_child (editor, "start_button")), >, 20);
  g_signal_emit_by_name (template_child (editor, "start_button"), "clicked");
  settle ();
  g_assert_true (widget_shows (editor, "人民调解协议书"));

  /* The wheel over the number of copies scrolls the page, not the number. */
  {
    GtkWidget *copies = find_named (template_child (editor, "sections_box"), "copies");
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (copies);
    double before = gtk_spin_button_get_value (GTK_SPIN_BUTTON (copies));
    gboolean handled = FALSE;
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller) &&
            gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
          {
            g_signal_emit_by_name (controller, "scroll", 0.0, 3.0, &handled);
            found = TRUE;
          }
      }
    g_assert_true (found);
    g_assert_true (handled);
    g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (copies)), ==, before);
  }

  /* Sent as it is, it is refused: what the law asks is listed. */
  problems = send_refused (d, "Send to Legal Review");
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  zhang = g_strdup_printf ("party:%" G_GINT64_FORMAT, ((ConcordParty *) g_ptr_array_index (d->c->parties, 0))->id);
  g_assert_true (listed (problems, "field:responsibility"));
  g_assert_true (listed (problems, "terms"));
  g_assert_true (listed (problems, zhang));
  g_assert_false (listed (problems, "field:facts"));

  /* Each problem leads to its place. */
  fill_problem_field (d, "responsibility", "吴某用电不慎引发火灾，对张某、李某的损失承担赔偿责任。");
  complete_parties_in_form (d, zhang);
  add_money_term (d, 2, 0, "6万", "2026-12-31");
  add_money_term (d, 2, 1, "4万", "2026-12-31");
  settle ();

  click_next (d, "Send to Legal Review");
  g_assert_cmpint (stage_now (d), ==, CONCORD_STAGE_REVIEW);

  /* The lawyer sees the facts beside the terms in the pane (the case's own
   * facts give way to them) and sends it back. */
  g_assert_true (widget_shows (find_first (d->view, CONCORD_TYPE_REVIEW_PANE), "人民币陆万元整"));
  g_assert_true (gtk_widget_get_mapped (template_child (find_first (d->view, CONCORD_TYPE_REVIEW_PANE),
                                                        "case_column")));
  g_assert_false (gtk_widget_get_mapped (template_child (d->view, "facts_group")));
  send_back (d, comments);
  g_assert_cmpint (stage_now (d), ==, CONCORD_STAGE_DRAFTING);
  /* At the top of the case, the lawyer's comments. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (template_child (d->view, "scroller")), 0);
  settle ();
  g_assert_true (shows_label (d->view, comments));

  /* Fixed in the editor, sent again, approved. */
  editor = shown_editor (d);
  {
    GtkWidget *field = find_named (template_child (editor, "sections_box"), "field:responsibility");

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)),
                              "吴某对火灾承担全部责任，赔偿张某、李某的全部损失。", -1);
    settle ();
  }
  click_next (d, "Send to Legal Review");
  g_assert_cmpint (stage_now (d), ==, CONCORD_STAGE_REVIEW);
  approve_not_as_lawyer (d, "陈律师");
  g_assert_cmpint (stage_now (d), ==, CONCORD_STAGE_SIGNING);
  /* Approved: the agreement alone, the case shown once. */
  g_assert_true (wait_for (case_column_gone, find_first (d->view, CONCORD_TYPE_REVIEW_PANE)));
  g_assert_true (gtk_widget_get_mapped (template_child (d->view, "facts_group")));
  /* Who signs, as the form says: the parties, the mediator, the seal. */
  g_assert_true (shows_label (find_first (d->view, CONCORD_TYPE_REVIEW_PANE), "Signed by"));
  g_assert_true (widget_shows (find_first (d->view, CONCORD_TYPE_REVIEW_PANE), "the mediator (王调解员)"));

  /* What the store holds. */
  versions = concord_store_list_agreement_versions (d->base.store, d->c->id, &error);
  g_assert_no_error (error);
  /* Sending saves a version each time: refused (1), complete (2), fixed (3). */
  g_assert_cmpuint (versions->len, ==, 3);
  reviews = concord_store_list_reviews (d->base.store, d->c->id, &error);
  g_assert_cmpuint (reviews->len, ==, 2);
  g_assert_false (((ConcordReview *) g_ptr_array_index (reviews, 0))->approved);
  g_assert_cmpint (((ConcordReview *) g_ptr_array_index (reviews, 0))->version, ==, 2);
  g_assert_cmpstr (((ConcordReview *) g_ptr_array_index (reviews, 0))->comment, ==, comments);
  g_assert_cmpint (((ConcordReview *) g_ptr_array_index (reviews, 1))->version, ==, 3);
  g_assert_true (((ConcordReview *) g_ptr_array_index (reviews, 1))->approved);
  g_assert_true (concord_store_agreement_approved (d->base.store, d->c->id));
  approved = concord_store_load_agreement (d->base.store, d->c->id, 0, &error);
  g_assert_cmpuint (approved->terms->len, ==, 2);
  g_assert_cmpint (((ConcordTerm *) g_ptr_array_index (approved->terms, 0))->amount_fen, ==, 6000000);
  g_assert_cmpstr (concord_agreement_get_field (approved, "responsibility"), ==,
                   "吴某对火灾承担全部责任，赔偿张某、李某的全部损失。");
}

/* Scenario 3: a fight at a night-market stall, mediated by the police.
 * The police form asks what art. 184 asks; the art. 179 checklist not
 * done at intake holds it back until it is. */
static void
test_fight_agreement (Desk         *d,
                      gconstpointer data)
{
  g_autoptr(ConcordCase) fight = concord_case_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  ConcordTeamMember *officer = concord_team_member_new ();
  ConcordParty *a, *b;
  guint rounds = 0;

  fight->source = CONCORD_SOURCE_CALL_110;
  fight->incident_no = g_strdup ("J3702032026111800231");
  fight->mediation_type = CONCORD_MEDIATION_POLICE;
  fight->category = g_strdup ("minor_injury");
  fight->occurred_at = g_strdup ("2026-11-18T15:20:00Z");
  fight->place = g_strdup ("东城区光明路夜市烧烤摊");
  fight->facts = g_strdup ("赵某与钱某酒后在夜市烧烤摊发生口角并互殴，均受轻微伤，巡逻队员将二人分开。");
  a = fixture_party (CONCORD_ROLE_PARTY, "赵某", CONCORD_GENDER_MALE, "37020219900101001", "1990-01-01",
                     "13805320101", "要求钱某赔偿医疗费");
  b = fixture_party (CONCORD_ROLE_PARTY, "钱某", CONCORD_GENDER_MALE, "37020219910202003", "1991-02-02",
                     "13805320102", "要求赵某赔偿医疗费");
  a->address = g_strdup ("东城区光明路1号");
  b->address = g_strdup ("东城区光明路2号");
  g_ptr_array_add (fight->parties, a);
  g_ptr_array_add (fight->parties, b);
  officer->name = g_strdup ("徐警官");
  officer->role = CONCORD_TEAM_OFFICER;
  g_ptr_array_add (fight->team, officer);
  concord_store_save_case (d->base.store, fight, "xu", &error);
  g_assert_no_error (error);
  g_assert_true (concord_store_set_setting (d->base.store, CONCORD_SETTING_STATION_NAME, "东城派出所", "xu", &error));
  g_assert_true (concord_store_decide_case (d->base.store, fight->id, TRUE, NULL, "xu", &error));
  g_assert_true (concord_store_move_stage (d->base.store, fight->id, CONCORD_STAGE_FACE_TO_FACE, NULL, "xu", &error));
  g_assert_true (concord_store_move_stage (d->base.store, fight->id, CONCORD_STAGE_DRAFTING, NULL, "xu", &error));
  g_assert_no_error (error);
  concord_window_show_case (d->window, fight->id);
  settle ();
  g_clear_pointer (&d->c, concord_case_unref);
  d->c = concord_case_ref (fight);

  g_signal_emit_by_name (template_child (shown_editor (d), "start_button"), "clicked");
  settle ();
  g_assert_true (widget_shows (shown_editor (d), "治安调解协议书"));

  problems = send_refused (d, "Send to Legal Review");
  g_assert_true (listed (problems, "case:police-screening"));
  g_assert_true (listed (problems, "terms"));

  /* Every field the police form still asks for, through its problem. */
  while (rounds++ < 10)
    {
      g_autoptr(GPtrArray) now = listed_problems (d);
      const char *field = NULL;

      for (guint i = 0; i < now->len && field == NULL; i++)
        if (g_str_has_prefix (g_ptr_array_index (now, i), "field:"))
          field = (const char *) g_ptr_array_index (now, i) + strlen ("field:");
      if (field == NULL)
        break;
      fill_problem_field (d, field, "双方酒后因琐事发生口角，继而互相推搡厮打，均受轻微伤。");
    }
  add_money_term (d, 1, 0, "2000", "2026-11-30");

  /* The art. 179 checklist: its problem opens the case's form there. */
  activate_problem (d, "case:police-screening");
  {
    ConcordIntakeDialog *form = CONCORD_INTAKE_DIALOG (wait_for_toplevel (CONCORD_TYPE_INTAKE_DIALOG, NULL));

    g_assert_nonnull (form);
    settle ();
    gtk_switch_set_active (GTK_SWITCH (_concord_intake_dialog_get_screened_switch (form)), TRUE);
    g_signal_emit_by_name (_concord_intake_dialog_get_save_button (form), "clicked");
    settle ();
    g_assert_null (find_toplevel (CONCORD_TYPE_INTAKE_DIALOG));
  }

  click_next (d, "Send to Legal Review");
  g_assert_cmpint (stage_now (d), ==, CONCORD_STAGE_REVIEW);
  approve_not_as_lawyer (d, NULL);
  g_assert_cmpint (stage_now (d), ==, CONCORD_STAGE_SIGNING);
  g_assert_true (concord_store_agreement_approved (d->base.store, fight->id));
  {
    g_autoptr(ConcordAgreement) approved = concord_store_load_agreement (d->base.store, fight->id, 0, &error);

    g_assert_cmpstr (approved->template_id, ==, "police-mediation");
  }
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
  g_test_add ("/ui/scenarios/fire-agreement", Desk, NULL,
              desk_set_up, test_fire_agreement, desk_tear_down);
  g_test_add ("/ui/scenarios/fight-agreement", Desk, NULL,
              desk_set_up, test_fight_agreement, desk_tear_down);
  return g_test_run ();
}
