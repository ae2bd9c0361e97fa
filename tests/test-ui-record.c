/* test-ui-record.c — the record of a case's mediation through real
 * widgets: its sessions, legal points, linked earlier cases, a session's
 * record with the note-sharing switch, privacy mode, and the answer to a
 * work order. Runs under Xvfb (suite "ui").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concord-case-record.h"
#include "concord-positions-view.h"
#include "concord-session-record.h"
#include "test-fixtures.h"
#include "test-ui-helpers.h"

#define ACTOR "王调解员"

/* What must never be on the screen in privacy mode. */
#define SECRET_NOTE     "张某私下表示八万元也可以接受"
#define SECRET_TERMS    "私下同意分十二期支付"
#define SECRET_POINT    "背靠背时讲解的过错责任要点"
#define SECRET_OUTCOME  "张某愿意让步但不愿对方知道"
/* What may stay: a face-to-face session's content. */
#define OPEN_OUTCOME    "双方当面同意再约一次"
#define OPEN_POINT      "当面讲解：起诉需重新鉴定损失"
#define OPEN_CITATION   "《中华人民共和国民法典》第一千一百六十五条"

/* Widgets named @name under @root, in order; mapped ones only when
 * @mapped. */
static void
collect_named (GtkWidget  *root,
               const char *name,
               gboolean    mapped,
               GPtrArray  *found)
{
  if (mapped && !gtk_widget_get_mapped (root))
    return;
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, mapped, found);
}

static GPtrArray *
find_named (GtkWidget  *root,
            const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_named (root, name, TRUE, found);
  return found;
}

/* Waits until @needle is (or is no longer) shown under @root: the
 * record window rebuilds its notes after the switch's signal. */
static gboolean
wait_for_text (GtkWidget  *root,
               const char *needle,
               gboolean    shown)
{
  gint64 deadline = g_get_monotonic_time () + UI_WAIT_TIMEOUT_MS * 1000;

  for (;;)
    {
      g_autofree char *text = ui_dup_shown_text (root);

      if ((strstr (text, needle) != NULL) == shown)
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      run_for (20);
    }
}

static gint64
party_id (ConcordCase *c,
          guint        index)
{
  return ((ConcordParty *) g_ptr_array_index (c->parties, index))->id;
}

/* Starts a session at @start (UTC) and, unless @end is NULL, ends it at
 * @end with @outcome. */
static gint64
add_session (Fixture           *f,
             ConcordCase       *c,
             ConcordSessionKind kind,
             const char        *room,
             gint64             with_party,
             const char        *start,
             const char        *end,
             const char        *outcome)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordSession) session = concord_session_new ();
  gint64 id;

  session->case_id = c->id;
  session->kind = kind;
  session->room = g_strdup (room);
  for (guint i = 0; i < c->parties->len; i++)
    {
      const ConcordParty *p = g_ptr_array_index (c->parties, i);
      ConcordAttendee *attendee;

      if (kind == CONCORD_SESSION_BACK_TO_BACK && p->id != with_party)
        continue;
      attendee = concord_attendee_new ();
      attendee->party_id = p->id;
      attendee->name = g_strdup (p->name);
      attendee->role = g_strdup (concord_party_role_label (p->role));
      g_ptr_array_add (session->attendees, attendee);
    }
  g_setenv ("CONCORD_NOW", start, TRUE);
  id = concord_store_start_session (f->store, session, ACTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  if (end != NULL)
    {
      g_setenv ("CONCORD_NOW", end, TRUE);
      g_assert_true (concord_store_end_session (f->store, id, outcome, ACTOR, &error));
      g_assert_no_error (error);
    }
  return id;
}

static gint64
add_note (Fixture    *f,
          gint64      session,
          gint64      party,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = concord_store_add_note (f->store, session, party, text, ACTOR, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
add_position (Fixture            *f,
              gint64              session,
              gint64              party,
              ConcordPositionKind kind,
              gint64              yuan,
              const char         *terms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordPosition) position = concord_position_new ();

  position->session_id = session;
  position->party_id = party;
  position->kind = kind;
  position->has_amount = yuan >= 0;
  position->amount_fen = yuan >= 0 ? yuan * 100 : 0;
  position->terms = g_strdup (terms);
  g_assert_cmpint (concord_store_add_position (f->store, position, ACTOR, &error), >, 0);
  g_assert_no_error (error);
}

static void
add_point (Fixture    *f,
           gint64      session,
           const char *text,
           const char *citation)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (concord_store_add_legal_point (f->store, session, text, citation, ACTOR, &error), >, 0);
  g_assert_no_error (error);
}

typedef struct
{
  Fixture            f;
  ConcordContext    *context;
  GtkWindow         *window;
  ConcordCaseRecord *record;
} UiFixture;

static void
ui_set_up (UiFixture    *u,
           gconstpointer data)
{
  g_setenv ("CONCORD_NOW", "2026-11-23T01:00:00Z", TRUE);
  fixture_set_up (&u->f, NULL);
  u->context = concord_context_new (u->f.store, "wangli");
  u->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (u->window, 800, 900);
  u->record = CONCORD_CASE_RECORD (concord_case_record_new (u->context));
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (u->record));
    gtk_window_set_child (u->window, scroller);
  }
  gtk_window_present (u->window);
}

static void
ui_tear_down (UiFixture    *u,
              gconstpointer data)
{
  /* Whatever windows a test left open. */
  destroy_all_windows ();
  g_clear_object (&u->context);
  fixture_tear_down (&u->f, NULL);
  g_unsetenv ("CONCORD_NOW");
}

static void
show (UiFixture   *u,
      ConcordCase *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) loaded = concord_store_load_case (u->f.store, c->id, &error);

  g_assert_no_error (error);
  g_assert_true (concord_case_record_show_case (u->record, loaded, &error));
  g_assert_no_error (error);
  run_for (50);
}

static const char *
row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/* Sessions: numbered, oldest first, kind, party, date and times, room,
 * running tag, outcome; a legal point with its citation. */
static void
test_sessions (UiFixture    *u,
               gconstpointer data)
{
  g_autoptr(ConcordCase) c = fixture_stored_fire_case (&u->f, CONCORD_STAGE_BACK_TO_BACK, ACTOR);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autofree char *text = NULL;
  gint64 first, last;

  /* Nothing yet, but at a session stage the section says so. */
  show (u, c);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (u->record)));
  text = ui_dup_shown_text (GTK_WIDGET (u->record));
  g_assert_nonnull (strstr (text, "No sessions yet"));
  g_clear_pointer (&text, g_free);

  first = add_session (&u->f, c, CONCORD_SESSION_BACK_TO_BACK, "调解室一", party_id (c, 0),
                       "2026-11-23T01:00:00Z", "2026-11-23T01:40:00Z", "张某同意考虑降低赔偿要求");
  add_session (&u->f, c, CONCORD_SESSION_BACK_TO_BACK, "调解室二", party_id (c, 2),
               "2026-11-23T02:00:00Z", "2026-11-23T03:05:00Z", NULL);
  last = add_session (&u->f, c, CONCORD_SESSION_FACE_TO_FACE, "大调解室", 0,
                      "2026-11-24T06:00:00Z", NULL, NULL);
  add_point (&u->f, first, "行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。", OPEN_CITATION);
  add_point (&u->f, last, "起诉需要重新鉴定损失，耗时耗钱。", NULL);

  show (u, c);
  rows = find_named (GTK_WIDGET (u->record), "session-row");
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (row_title (rows->pdata[0]), ==, "Session 1 · Back-to-back · 张某");
  g_assert_cmpstr (row_title (rows->pdata[1]), ==, "Session 2 · Back-to-back · 吴某");
  g_assert_cmpstr (row_title (rows->pdata[2]), ==, "Session 3 · Face-to-face");
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==, "张某同意考虑降低赔偿要求");

  /* Local times (Asia/Shanghai), duration, room, running tag. */
  text = ui_dup_shown_text (rows->pdata[0]);
  g_assert_nonnull (strstr (text, "2026-11-23"));
  g_assert_nonnull (strstr (text, "09:00–09:40 · 40 min"));
  g_assert_nonnull (strstr (text, "调解室一"));
  g_assert_null (strstr (text, "Running"));
  g_clear_pointer (&text, g_free);
  text = ui_dup_shown_text (rows->pdata[1]);
  g_assert_nonnull (strstr (text, "10:00–11:05 · 1 h 5 min"));
  g_clear_pointer (&text, g_free);
  text = ui_dup_shown_text (rows->pdata[2]);
  g_assert_nonnull (strstr (text, "2026-11-24"));
  g_assert_nonnull (strstr (text, "14:00–"));
  g_assert_nonnull (strstr (text, "Running"));
  g_clear_pointer (&text, g_free);

  /* The legal points, with their session and citation. */
  points = find_named (GTK_WIDGET (u->record), "legal-point-row");
  g_assert_cmpuint (points->len, ==, 2);
  text = ui_dup_shown_text (points->pdata[0]);
  g_assert_nonnull (strstr (text, "Session 1 · Back-to-back · 2026-11-23"));
  g_assert_nonnull (strstr (text, "应当承担侵权责任"));
  g_assert_nonnull (strstr (text, OPEN_CITATION));
  g_clear_pointer (&text, g_free);
  text = ui_dup_shown_text (points->pdata[1]);
  g_assert_nonnull (strstr (text, "Session 3 · Face-to-face · 2026-11-24"));
  g_clear_pointer (&text, g_free);

  /* Activating a row opens that session's record. */
  gtk_widget_activate (rows->pdata[0]);
  {
    GtkWindow *w = wait_for_toplevel (CONCORD_TYPE_SESSION_RECORD, NULL);

    g_assert_nonnull (w);
    g_assert_cmpint (concord_session_record_get_session_id (CONCORD_SESSION_RECORD (w)), ==, first);
    g_assert_true (gtk_window_get_modal (w));
    text = ui_dup_shown_text (GTK_WIDGET (w));
    g_assert_nonnull (strstr (text, "张某同意考虑降低赔偿要求"));
    g_assert_nonnull (strstr (text, "调解室一"));
    g_assert_nonnull (strstr (text, OPEN_CITATION));
    gtk_window_destroy (w);
  }

  /* Cleared: nothing shown, no gap left. */
  concord_case_record_clear (u->record);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (u->record)));
}

/* A long case shows its latest sessions and a row for the earlier ones. */
static void
test_many_sessions (UiFixture    *u,
                    gconstpointer data)
{
  g_autoptr(ConcordCase) c = fixture_stored_fire_case (&u->f, CONCORD_STAGE_BACK_TO_BACK, ACTOR);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) more = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *start = g_strdup_printf ("2026-11-%02uT%02u:00:00Z", 1 + i / 10, i % 10);
      g_autofree char *end = g_strdup_printf ("2026-11-%02uT%02u:30:00Z", 1 + i / 10, i % 10);

      gint64 id = add_session (&u->f, c, CONCORD_SESSION_BACK_TO_BACK, NULL, party_id (c, i % 3),
                               start, end, NULL);
      g_autofree char *point = g_strdup_printf ("第%u次讲解", i + 1);

      add_point (&u->f, id, point, NULL);
    }
  show (u, c);
  rows = find_named (GTK_WIDGET (u->record), "session-row");
  more = find_named (GTK_WIDGET (u->record), "more-sessions-row");
  g_assert_cmpuint (more->len, ==, 1);
  g_assert_cmpstr (row_title (more->pdata[0]), ==, "Show 22 Earlier Sessions");
  g_assert_cmpuint (rows->len, ==, 8);
  g_assert_true (g_str_has_prefix (row_title (rows->pdata[0]), "Session 23 · "));
  g_assert_true (g_str_has_prefix (row_title (rows->pdata[7]), "Session 30 · "));

  gtk_widget_activate (more->pdata[0]);
  run_for (50);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_named (GTK_WIDGET (u->record), "session-row");
  g_assert_cmpuint (rows->len, ==, 30);
  g_assert_true (g_str_has_prefix (row_title (rows->pdata[0]), "Session 1 · "));

  /* The legal points fold the same way. */
  g_clear_pointer (&more, g_ptr_array_unref);
  g_clear_pointer (&rows, g_ptr_array_unref);
  more = find_named (GTK_WIDGET (u->record), "more-points-row");
  rows = find_named (GTK_WIDGET (u->record), "legal-point-row");
  g_assert_cmpuint (more->len, ==, 1);
  g_assert_cmpstr (row_title (more->pdata[0]), ==, "Show 22 Earlier Legal Points");
  g_assert_cmpuint (rows->len, ==, 8);
  text = ui_dup_shown_text (rows->pdata[0]);
  g_assert_nonnull (strstr (text, "第23次讲解"));
  g_clear_pointer (&text, g_free);
  gtk_widget_activate (more->pdata[0]);
  run_for (50);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_named (GTK_WIDGET (u->record), "legal-point-row");
  g_assert_cmpuint (rows->len, ==, 30);

  /* Shown again (the case changed): stays unfolded. */
  show (u, c);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_named (GTK_WIDGET (u->record), "session-row");
  g_assert_cmpuint (rows->len, ==, 30);
}

static void
open_case_cb (ConcordCaseRecord *record,
              gint64             case_id,
              gint64            *opened)
{
  *opened = case_id;
}

/* Scenario 5: the camera in the stairwell, called in before. */
static void
test_linked_cases (UiFixture    *u,
                   gconstpointer data)
{
  g_autoptr(ConcordCase) first = fixture_neighbour_case (&u->f, ACTOR, "楼道安装摄像头引发争吵。",
                                                         "孙某", "37020219500101001", "13605320001",
                                                         "钱某", "13605320002");
  g_autoptr(ConcordCase) unrelated = fixture_neighbour_case (&u->f, ACTOR, "停车位纠纷。",
                                                             "郑某", NULL, "13605320009", NULL, NULL);
  g_autoptr(ConcordCase) second = fixture_neighbour_case (&u->f, ACTOR, "摄像头被布遮住。",
                                                          "孙某", "37020219500101001", "13605329999",
                                                          NULL, NULL);
  g_autoptr(ConcordCase) third = fixture_neighbour_case (&u->f, ACTOR, "第三次报警。",
                                                         "孙某", "37020219500101001", NULL,
                                                         "钱某", "13605320002");
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  gint64 opened = 0;

  show (u, unrelated);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (u->record)));

  show (u, third);
  rows = find_named (GTK_WIDGET (u->record), "linked-case-row");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (row_title (rows->pdata[0]), ==, second->case_no);
  g_assert_cmpstr (row_title (rows->pdata[1]), ==, first->case_no);
  text = ui_dup_shown_text (rows->pdata[1]);
  g_assert_nonnull (strstr (text, "孙某"));
  g_assert_nonnull (strstr (text, "钱某"));
  g_assert_nonnull (strstr (text, "Received"));   /* the stage */
  g_assert_nonnull (strstr (text, "2026-11-23"));

  g_signal_connect (u->record, "open-case", G_CALLBACK (open_case_cb), &opened);
  gtk_widget_activate (rows->pdata[1]);
  g_assert_cmpint (opened, ==, first->id);
}

/* The case of the privacy test: a caucus with Zhang whose note, position,
 * legal point and outcome are confidential, and a face-to-face session
 * whose are not. */
static ConcordCase *
private_case (UiFixture *u,
              gint64    *caucus,
              gint64    *note_id)
{
  ConcordCase *c = fixture_stored_fire_case (&u->f, CONCORD_STAGE_BACK_TO_BACK, ACTOR);
  gint64 joint;

  *caucus = add_session (&u->f, c, CONCORD_SESSION_BACK_TO_BACK, "调解室一", party_id (c, 0),
                         "2026-11-23T01:00:00Z", "2026-11-23T01:40:00Z", SECRET_OUTCOME);
  {
    /* Long: shown in a text view, not a label. */
    g_autoptr(GString) long_note = g_string_new (SECRET_NOTE);

    for (guint i = 2; i <= 1000; i++)
      g_string_append_printf (long_note, "\n第%u行笔录：张某陈述损失情况。", i);
    *note_id = add_note (&u->f, *caucus, party_id (c, 0), long_note->str);
  }
  add_position (&u->f, *caucus, party_id (c, 0), CONCORD_POSITION_DEMAND, 100000, SECRET_TERMS);
  add_point (&u->f, *caucus, SECRET_POINT, "《中华人民共和国民法典》第一千一百八十四条");

  joint = add_session (&u->f, c, CONCORD_SESSION_FACE_TO_FACE, "大调解室", 0,
                       "2026-11-24T01:00:00Z", "2026-11-24T02:00:00Z", OPEN_OUTCOME);
  add_note (&u->f, joint, 0, "面对面笔录：双方陈述。");
  add_position (&u->f, joint, party_id (c, 2), CONCORD_POSITION_OFFER, 50000, "当面提出分期");
  add_point (&u->f, joint, OPEN_POINT, OPEN_CITATION);
  return c;
}

/* What privacy mode hides in private_case(). */
static const char *const secrets[] = { SECRET_NOTE, SECRET_TERMS, SECRET_POINT, SECRET_OUTCOME, NULL };

static void
test_privacy (UiFixture    *u,
              gconstpointer data)
{
  gint64 caucus, note_id;
  g_autoptr(ConcordCase) c = private_case (u, &caucus, &note_id);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  GtkWindow *session_window;

  show (u, c);
  rows = find_named (GTK_WIDGET (u->record), "session-row");
  g_assert_cmpuint (rows->len, ==, 2);
  gtk_widget_activate (rows->pdata[0]);
  session_window = wait_for_toplevel (CONCORD_TYPE_SESSION_RECORD, NULL);
  g_assert_nonnull (session_window);
  run_for (100);

  /* Off: the mediator sees everything, in both windows. */
  assert_secrets (secrets, TRUE);

  /* On: none of it, anywhere, at once. */
  concord_context_set_privacy_mode (u->context, TRUE);
  run_for (100);
  assert_secrets (secrets, FALSE);
  text = ui_dup_all_shown_text ();
  /* The face-to-face content stays, and the sections say what they hide. */
  g_assert_nonnull (strstr (text, OPEN_OUTCOME));
  g_assert_nonnull (strstr (text, OPEN_POINT));
  g_assert_nonnull (strstr (text, OPEN_CITATION));
  g_assert_nonnull (strstr (text, "Outcome hidden in privacy mode"));
  g_assert_nonnull (strstr (text, "Hidden in privacy mode"));
  g_assert_nonnull (strstr (text, "Legal points explained back-to-back are hidden in privacy mode."));
  g_clear_pointer (&text, g_free);

  /* A session record opened while privacy is on hides it too. */
  gtk_window_destroy (session_window);
  run_for (50);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_named (GTK_WIDGET (u->record), "session-row");
  gtk_widget_activate (rows->pdata[0]);
  session_window = wait_for_toplevel (CONCORD_TYPE_SESSION_RECORD, NULL);
  g_assert_nonnull (session_window);
  run_for (100);
  assert_secrets (secrets, FALSE);

  /* Off again: back at once. */
  concord_context_set_privacy_mode (u->context, FALSE);
  run_for (100);
  assert_secrets (secrets, TRUE);

  /* Shown again by a new show_case in privacy mode: still hidden. */
  concord_context_set_privacy_mode (u->context, TRUE);
  show (u, c);
  assert_secrets (secrets, FALSE);
}

static void
changed_cb (ConcordContext *context,
            gint64          case_id,
            gint64         *changed)
{
  *changed = case_id;
}

static ConcordNote *
stored_note (UiFixture *u,
             gint64     case_id,
             gint64     session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = concord_store_list_notes (u->f.store, case_id, session_id, &error);
  ConcordNote *note;

  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_steal_index (notes, 0);
  return note;
}

static void
test_share_note (UiFixture    *u,
                 gconstpointer data)
{
  gint64 caucus, note_id;
  g_autoptr(ConcordCase) c = private_case (u, &caucus, &note_id);
  g_autoptr(GPtrArray) switches = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ConcordSessionRecord *record;
  ConcordNote *note;
  gint64 changed = 0;

  g_signal_connect (u->context, "case-changed", G_CALLBACK (changed_cb), &changed);
  record = concord_session_record_new (u->context, u->window, c, caucus, 1, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (record));
  run_for (100);

  /* In privacy mode the note is hidden until the party agrees. */
  concord_context_set_privacy_mode (u->context, TRUE);
  run_for (50);
  text = ui_dup_shown_text (GTK_WIDGET (record));
  g_assert_null (strstr (text, SECRET_NOTE));
  g_clear_pointer (&text, g_free);

  switches = find_named (GTK_WIDGET (record), "share-switch");
  g_assert_cmpuint (switches->len, ==, 1);
  g_assert_false (gtk_switch_get_active (switches->pdata[0]));
  gtk_switch_set_active (switches->pdata[0], TRUE);
  g_assert_true (wait_for_text (GTK_WIDGET (record), SECRET_NOTE, TRUE));

  note = stored_note (u, c->id, caucus);
  g_assert_nonnull (note->shared_at);
  g_assert_cmpstr (note->shared_by, ==, "wangli");
  g_clear_pointer (&note, concord_note_free);
  g_assert_cmpint (changed, ==, c->id);

  /* Shared: shown even in privacy mode, with who recorded it. */
  text = ui_dup_shown_text (GTK_WIDGET (record));
  g_assert_nonnull (strstr (text, SECRET_NOTE));
  g_assert_nonnull (strstr (text, "Shared since 2026-11-24 10:00, recorded by wangli"));
  g_clear_pointer (&text, g_free);

  /* Taken back. */
  g_clear_pointer (&switches, g_ptr_array_unref);
  switches = find_named (GTK_WIDGET (record), "share-switch");
  g_assert_true (gtk_switch_get_active (switches->pdata[0]));
  gtk_switch_set_active (switches->pdata[0], FALSE);
  g_assert_true (wait_for_text (GTK_WIDGET (record), SECRET_NOTE, FALSE));
  note = stored_note (u, c->id, caucus);
  g_assert_null (note->shared_at);
  g_clear_pointer (&note, concord_note_free);
  text = ui_dup_shown_text (GTK_WIDGET (record));
  g_assert_null (strstr (text, SECRET_NOTE));
  gtk_window_destroy (GTK_WINDOW (record));
}

static GtkWidget *
click_answer (UiFixture *u)
{
  g_autoptr(GPtrArray) buttons = find_named (GTK_WIDGET (u->record), "answer-button");
  GtkWindow *dialog;

  g_assert_cmpuint (buttons->len, ==, 1);
  g_signal_emit_by_name (buttons->pdata[0], "clicked");
  dialog = wait_for_toplevel (ADW_TYPE_WINDOW, "answer-view");
  g_assert_nonnull (dialog);
  return GTK_WIDGET (dialog);
}

/* Scenario 7: failed, guided to court, a work order until answered. */
static void
test_work_order (UiFixture    *u,
                 gconstpointer data)
{
  g_autoptr(ConcordCase) c = fixture_stored_fire_case (&u->f, CONCORD_STAGE_BACK_TO_BACK, ACTOR);
  g_autoptr(GPtrArray) referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_referral_free);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ConcordCase) failed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ConcordReferral *r;
  GtkWidget *dialog;
  GtkLabel *error_label;
  GtkTextView *view;
  gint64 changed = 0;

  r = concord_referral_new (CONCORD_REFERRAL_LITIGATION);
  r->detail = g_strdup ("市南区人民法院");
  g_ptr_array_add (referrals, r);
  r = concord_referral_new (CONCORD_REFERRAL_DEPARTMENT);
  r->detail = g_strdup ("街道办事处");
  r->request = g_strdup ("核查房屋受损情况并协助安置");
  r->due_date = g_strdup ("2026-11-30");
  g_ptr_array_add (referrals, r);
  g_assert_true (concord_store_fail_case (u->f.store, c->id, "吴某拒绝任何赔偿方案", referrals, ACTOR, &error));
  g_assert_no_error (error);
  failed = concord_store_load_case (u->f.store, c->id, &error);
  g_assert_no_error (error);

  show (u, failed);
  rows = find_named (GTK_WIDGET (u->record), "referral-row");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (row_title (rows->pdata[0]), ==, "Guided to sue");
  text = ui_dup_shown_text (GTK_WIDGET (u->record));
  g_assert_nonnull (strstr (text, "市南区人民法院"));
  g_assert_nonnull (strstr (text, "街道办事处"));
  g_assert_nonnull (strstr (text, "核查房屋受损情况并协助安置"));
  g_assert_nonnull (strstr (text, "2026-11-30"));
  g_assert_nonnull (strstr (text, "Open"));
  g_assert_null (strstr (text, "Overdue"));
  g_clear_pointer (&text, g_free);

  /* Past its due date: overdue. */
  g_setenv ("CONCORD_NOW", "2026-12-01T01:00:00Z", TRUE);
  show (u, failed);
  text = ui_dup_shown_text (GTK_WIDGET (u->record));
  g_assert_nonnull (strstr (text, "Overdue"));
  g_clear_pointer (&text, g_free);

  /* A blank answer is refused at the field; nothing stored. */
  g_signal_connect (u->context, "case-changed", G_CALLBACK (changed_cb), &changed);
  dialog = click_answer (u);
  view = g_object_get_data (G_OBJECT (dialog), "answer-view");
  error_label = g_object_get_data (G_OBJECT (dialog), "answer-error");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "  \n ", -1);
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (dialog), "record-button"), "clicked");
  run_for (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, "Enter what the department answered.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (view), "error"));
  g_assert_true (find_toplevel_with (ADW_TYPE_WINDOW, "answer-view") == GTK_WINDOW (dialog));
  stored = concord_store_list_referrals (u->f.store, c->id, &error);
  g_assert_no_error (error);
  g_assert_null (((ConcordReferral *) g_ptr_array_index (stored, 1))->answered_at);
  g_clear_pointer (&stored, g_ptr_array_unref);
  g_assert_cmpint (changed, ==, 0);

  /* Typing clears the message; recording stores it and closes. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "已派员核查，安排临时住所。", -1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (dialog), "record-button"), "clicked");
  run_for (50);
  g_assert_null (find_toplevel_with (ADW_TYPE_WINDOW, "answer-view"));
  stored = concord_store_list_referrals (u->f.store, c->id, &error);
  g_assert_no_error (error);
  r = g_ptr_array_index (stored, 1);
  g_assert_nonnull (r->answered_at);
  g_assert_cmpstr (r->answer, ==, "已派员核查，安排临时住所。");
  g_assert_cmpstr (r->answered_by, ==, "wangli");
  g_assert_cmpint (changed, ==, c->id);

  /* The record shows the answer at once; no button, no tag of an open order. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_named (GTK_WIDGET (u->record), "answer-button");
  g_assert_cmpuint (rows->len, ==, 0);
  text = ui_dup_shown_text (GTK_WIDGET (u->record));
  g_assert_nonnull (strstr (text, "已派员核查，安排临时住所。"));
  g_assert_nonnull (strstr (text, "Answered"));
  g_assert_null (strstr (text, "Overdue"));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "record"))
    return 77;

#define ADD(path, func) g_test_add (path, UiFixture, NULL, ui_set_up, func, ui_tear_down)
  ADD ("/ui/record/sessions", test_sessions);
  ADD ("/ui/record/many-sessions", test_many_sessions);
  ADD ("/ui/record/linked-cases", test_linked_cases);
  ADD ("/ui/record/privacy", test_privacy);
  ADD ("/ui/record/share-note", test_share_note);
  ADD ("/ui/record/work-order", test_work_order);
#undef ADD
  return g_test_run ();
}
