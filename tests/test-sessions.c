/* test-sessions.c — sessions, notes, positions, legal points and linked
 * cases in the SQLite store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concord-sqlite-store.h"
#include "test-fixtures.h"

#define ACTOR "王调解员"

static char *
query_text (Fixture    *f,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  char *text = _concord_sqlite_store_query_text (CONCORD_SQLITE_STORE (f->store), sql, &error);

  g_assert_no_error (error);
  return text;
}

static int
count_rows (Fixture    *f,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autofree char *text = query_text (f, sql);

  return atoi (text);
}

/* The fire case (scenario 1), stored and moved to @stage. */
static ConcordCase *
stored_fire_case (Fixture     *f,
                  ConcordStage stage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = fixture_fire_case ();

  g_assert_true (concord_store_save_case (f->store, c, ACTOR, &error));
  g_assert_no_error (error);
  if (stage != CONCORD_STAGE_RECEIVED)
    {
      g_assert_true (concord_store_decide_case (f->store, c->id, TRUE, NULL, ACTOR, &error));
      g_assert_no_error (error);
    }
  if (stage != CONCORD_STAGE_RECEIVED && stage != CONCORD_STAGE_ACCEPTED)
    {
      g_assert_true (concord_store_move_stage (f->store, c->id, stage, NULL, ACTOR, &error));
      g_assert_no_error (error);
    }
  return concord_store_load_case (f->store, c->id, NULL);
}

static gint64
party_id (ConcordCase *c,
          guint        index)
{
  return ((ConcordParty *) g_ptr_array_index (c->parties, index))->id;
}

static gint64
start (Fixture           *f,
       ConcordCase       *c,
       ConcordSessionKind kind,
       const char        *room,
       gint64             with_party)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordSession) session = concord_session_new ();
  gint64 id;

  session->case_id = c->id;
  session->kind = kind;
  session->room = g_strdup (room);
  if (with_party > 0)
    {
      ConcordAttendee *attendee = concord_attendee_new ();

      attendee->party_id = with_party;
      attendee->name = g_strdup ("当事人");
      g_ptr_array_add (session->attendees, attendee);
    }
  id = concord_store_start_session (f->store, session, ACTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_session_start_end (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = stored_fire_case (f, CONCORD_STAGE_BACK_TO_BACK);
  g_autoptr(ConcordSession) session = concord_session_new ();
  g_autoptr(ConcordSession) loaded = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  ConcordAttendee *attendee;
  gint64 id;
  gint64 other;

  session->case_id = c->id;
  session->kind = CONCORD_SESSION_BACK_TO_BACK;
  session->room = g_strdup ("  调解室一 ");
  attendee = concord_attendee_new ();
  attendee->party_id = party_id (c, 0);
  attendee->name = g_strdup ("张某");
  g_ptr_array_add (session->attendees, attendee);
  attendee = concord_attendee_new ();
  attendee->member_id = ((ConcordTeamMember *) g_ptr_array_index (c->team, 0))->id;
  attendee->name = g_strdup ("刘警官");
  g_ptr_array_add (session->attendees, attendee);
  attendee = concord_attendee_new ();
  attendee->name = g_strdup ("赵主任");
  attendee->role = g_strdup ("居委会委员");
  g_ptr_array_add (session->attendees, attendee);

  id = concord_store_start_session (f->store, session, ACTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (session->id, ==, id);
  g_assert_nonnull (session->started_at);
  g_assert_cmpstr (session->created_by, ==, ACTOR);

  /* A second back-to-back session at the same time, in another room. */
  other = start (f, c, CONCORD_SESSION_BACK_TO_BACK, "调解室二", party_id (c, 2));
  g_assert_cmpint (other, !=, id);

  loaded = concord_store_load_session (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->case_id, ==, c->id);
  g_assert_cmpint (loaded->kind, ==, CONCORD_SESSION_BACK_TO_BACK);
  g_assert_cmpstr (loaded->room, ==, "调解室一");
  g_assert_null (loaded->ended_at);
  g_assert_cmpuint (loaded->attendees->len, ==, 3);
  attendee = g_ptr_array_index (loaded->attendees, 0);
  g_assert_cmpint (attendee->party_id, ==, party_id (c, 0));
  g_assert_cmpstr (attendee->name, ==, "张某");
  attendee = g_ptr_array_index (loaded->attendees, 1);
  g_assert_cmpint (attendee->member_id, >, 0);
  g_assert_cmpint (attendee->party_id, ==, 0);
  attendee = g_ptr_array_index (loaded->attendees, 2);
  g_assert_cmpint (attendee->party_id, ==, 0);
  g_assert_cmpint (attendee->member_id, ==, 0);
  g_assert_cmpstr (attendee->role, ==, "居委会委员");
  g_clear_pointer (&loaded, concord_session_unref);

  g_assert_true (concord_store_end_session (f->store, id, "张某同意降低赔偿要求", ACTOR, &error));
  g_assert_no_error (error);
  loaded = concord_store_load_session (f->store, id, &error);
  g_assert_nonnull (loaded->ended_at);
  g_assert_cmpstr (loaded->outcome, ==, "张某同意降低赔偿要求");

  /* Ending twice is refused. */
  g_assert_false (concord_store_end_session (f->store, id, "again", ACTOR, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_CONFLICT);
  g_clear_error (&error);

  sessions = concord_store_list_sessions (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  g_assert_cmpint (((ConcordSession *) g_ptr_array_index (sessions, 0))->id, ==, id);
  g_assert_cmpuint (((ConcordSession *) g_ptr_array_index (sessions, 1))->attendees->len, ==, 1);

  g_assert_null (concord_store_load_session (f->store, 9999, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  audit = concord_store_list_audit (f->store, c->id, &error);
  g_assert_cmpstr (((ConcordAuditEntry *) g_ptr_array_index (audit, audit->len - 1))->action, ==, "session.end");
  g_assert_true (concord_store_verify_audit (f->store, &error));
  g_assert_no_error (error);
}

static void
test_session_stage_check (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = stored_fire_case (f, CONCORD_STAGE_ACCEPTED);
  g_autoptr(ConcordSession) session = concord_session_new ();

  session->case_id = c->id;
  session->kind = CONCORD_SESSION_FACE_TO_FACE;
  g_assert_cmpint (concord_store_start_session (f->store, session, ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, c->case_no));
  g_clear_error (&error);
  g_assert_cmpint (session->id, ==, 0);
  g_assert_cmpint (count_rows (f, "session"), ==, 0);

  /* Face-to-face is a stage where sessions are held too. */
  g_assert_true (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_FACE_TO_FACE, NULL, ACTOR, &error));
  g_assert_cmpint (concord_store_start_session (f->store, session, ACTOR, &error), >, 0);
  g_assert_no_error (error);

  /* A wrong kind, and a case that does not exist. */
  session->id = 0;
  session->kind = 7;
  g_assert_cmpint (concord_store_start_session (f->store, session, ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  session->kind = CONCORD_SESSION_BACK_TO_BACK;
  session->case_id = 4242;
  g_assert_cmpint (concord_store_start_session (f->store, session, ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "session"), ==, 1);
}

/* A write refused half-way leaves nothing behind, audit included. */
static void
test_refused_write_changes_nothing (Fixture      *f,
                                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = stored_fire_case (f, CONCORD_STAGE_BACK_TO_BACK);
  g_autoptr(ConcordCase) other = fixture_quick_case ("周某", "另一宗纠纷。");
  g_autoptr(ConcordSession) session = concord_session_new ();
  g_autoptr(ConcordPosition) position = concord_position_new ();
  ConcordAttendee *attendee;
  int audit_before;
  gint64 id;

  g_assert_true (concord_store_save_case (f->store, other, ACTOR, &error));
  g_assert_no_error (error);
  audit_before = count_rows (f, "audit");

  /* The second attendee is a party of another case: found only after the
   * session row and the first attendee are written. */
  session->case_id = c->id;
  attendee = concord_attendee_new ();
  attendee->party_id = party_id (c, 0);
  attendee->name = g_strdup ("张某");
  g_ptr_array_add (session->attendees, attendee);
  attendee = concord_attendee_new ();
  attendee->party_id = party_id (other, 0);
  attendee->name = g_strdup ("周某");
  g_ptr_array_add (session->attendees, attendee);
  g_assert_cmpint (concord_store_start_session (f->store, session, ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "session"), ==, 0);
  g_assert_cmpint (count_rows (f, "session_attendee"), ==, 0);
  g_assert_cmpint (count_rows (f, "audit"), ==, audit_before);

  /* A nameless attendee is refused before anything is written. */
  g_free (attendee->name);
  attendee->name = g_strdup ("  ");
  g_assert_cmpint (concord_store_start_session (f->store, session, ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);

  id = start (f, c, CONCORD_SESSION_BACK_TO_BACK, NULL, 0);
  audit_before = count_rows (f, "audit");

  /* Positions: a party of another case, a negative amount, nothing at all. */
  position->session_id = id;
  position->party_id = party_id (other, 0);
  position->has_amount = TRUE;
  position->amount_fen = 100;
  g_assert_cmpint (concord_store_add_position (f->store, position, ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  position->party_id = party_id (c, 0);
  position->amount_fen = -1;
  g_assert_cmpint (concord_store_add_position (f->store, position, ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  position->has_amount = FALSE;
  g_assert_cmpint (concord_store_add_position (f->store, position, ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);

  /* Notes and legal points need a session that exists. */
  g_assert_cmpint (concord_store_add_note (f->store, 9999, 0, "x", ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (concord_store_add_note (f->store, id, party_id (other, 0), "x", ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (concord_store_add_legal_point (f->store, 9999, "过错责任", NULL, ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (concord_store_add_legal_point (f->store, id, " ", NULL, ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (concord_store_set_note_text (f->store, 9999, "x", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (f, "position"), ==, 0);
  g_assert_cmpint (count_rows (f, "note"), ==, 0);
  g_assert_cmpint (count_rows (f, "legal_point"), ==, 0);
  g_assert_cmpint (count_rows (f, "audit"), ==, audit_before);
}

static void
test_notes (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = stored_fire_case (f, CONCORD_STAGE_BACK_TO_BACK);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  ConcordNote *note;
  gint64 caucus;
  gint64 joint;
  gint64 caucus_note;
  gint64 joint_note;
  gint64 started;
  guint n_audit;
  const int rounds = 500;
  double per_call_ms;

  caucus = start (f, c, CONCORD_SESSION_BACK_TO_BACK, "调解室一", party_id (c, 0));
  caucus_note = concord_store_add_note (f->store, caucus, party_id (c, 0), "张某：其实八万也可以接受。", ACTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (caucus_note, >, 0);

  g_assert_true (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_FACE_TO_FACE, NULL, ACTOR, &error));
  joint = start (f, c, CONCORD_SESSION_FACE_TO_FACE, "调解室一", 0);
  joint_note = concord_store_add_note (f->store, joint, 0, "三方到场。", ACTOR, &error);
  g_assert_no_error (error);

  /* Back-to-back notes are confidential by default, face-to-face ones not. */
  notes = concord_store_list_notes (f->store, 0, caucus, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpint (note->id, ==, caucus_note);
  g_assert_cmpint (note->party_id, ==, party_id (c, 0));
  g_assert_true (note->confidential);
  g_assert_true (concord_note_is_private (note));
  g_assert_null (note->shared_at);
  g_clear_pointer (&notes, g_ptr_array_unref);

  notes = concord_store_list_notes (f->store, c->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  note = g_ptr_array_index (notes, 1);
  g_assert_cmpint (note->id, ==, joint_note);
  g_assert_false (note->confidential);
  g_assert_false (concord_note_is_private (note));
  g_clear_pointer (&notes, g_ptr_array_unref);

  /* Autosave: the text is replaced in place. */
  g_assert_true (concord_store_set_note_text (f->store, caucus_note, "张某：其实八万也可以接受，但不要告诉吴某。", &error));
  g_assert_no_error (error);

  /* Sharing is recorded: who and when. Sharing again records nothing
   * more; a joint note cannot be shared. */
  g_assert_true (concord_store_share_note (f->store, caucus_note, ACTOR, &error));
  g_assert_no_error (error);
  audit = concord_store_list_audit (f->store, c->id, &error);
  n_audit = audit->len;
  g_clear_pointer (&audit, g_ptr_array_unref);
  g_assert_true (concord_store_share_note (f->store, caucus_note, ACTOR, &error));
  g_assert_no_error (error);
  audit = concord_store_list_audit (f->store, c->id, &error);
  g_assert_cmpuint (audit->len, ==, n_audit);
  g_clear_pointer (&audit, g_ptr_array_unref);
  g_assert_false (concord_store_share_note (f->store, joint_note, ACTOR, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);

  notes = concord_store_list_notes (f->store, 0, caucus, &error);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpstr (note->text, ==, "张某：其实八万也可以接受，但不要告诉吴某。");
  g_assert_true (note->confidential);
  g_assert_nonnull (note->shared_at);
  g_assert_cmpstr (note->shared_by, ==, ACTOR);
  g_assert_false (concord_note_is_private (note));
  g_clear_pointer (&notes, g_ptr_array_unref);

  /* The audit says a note was taken and shared, never its text. */
  audit = concord_store_list_audit (f->store, c->id, &error);
  g_assert_cmpstr (((ConcordAuditEntry *) g_ptr_array_index (audit, audit->len - 1))->action, ==, "note.share");
  for (guint i = 0; i < audit->len; i++)
    {
      const char *detail = ((ConcordAuditEntry *) g_ptr_array_index (audit, i))->detail;

      g_assert_true (detail == NULL || strstr (detail, "八万") == NULL);
    }

  /* The autosave path on this file database: time per call. */
  started = g_get_monotonic_time ();
  for (int i = 0; i < rounds; i++)
    {
      g_autofree char *text = g_strdup_printf ("三方到场。第%d次保存：吴某表示愿意分期付款。", i);

      if (!concord_store_set_note_text (f->store, joint_note, text, &error))
        break;
    }
  g_assert_no_error (error);
  per_call_ms = (g_get_monotonic_time () - started) / 1000.0 / rounds;
  g_test_message ("set_note_text: %.3f ms per call (%d calls, file database, WAL)", per_call_ms, rounds);
  if (g_getenv ("CONCORD_TEST_VERBOSE") != NULL || g_test_verbose ())
    g_printerr ("set_note_text: %.3f ms per call\n", per_call_ms);
  g_assert_cmpfloat (per_call_ms, <, 5.0);   /* the target is well under 1 ms; leave room for valgrind */
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
  g_assert_nonnull (position->at);
}

static gint64
current_gap (Fixture     *f,
             ConcordCase *c,
             gboolean    *known)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) positions = concord_store_list_positions (f->store, c->id, &error);
  gint64 gap = -1;

  g_assert_no_error (error);
  *known = concord_positions_gap (positions, &gap);
  return gap;
}

/* Scenario 1: Zhang asks 130,000 yuan, then 100,000, then 80,000; Wu
 * offers 30,000, then 50,000, then 80,000. Li asks only for repairs. */
static void
test_positions (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = stored_fire_case (f, CONCORD_STAGE_BACK_TO_BACK);
  g_autoptr(GPtrArray) positions = NULL;
  gint64 zhang = party_id (c, 0);
  gint64 li = party_id (c, 1);
  gint64 wu = party_id (c, 2);
  const gint64 demands[] = { 130000, 100000, 80000 };
  const gint64 offers[] = { 30000, 50000, 80000 };
  const gint64 gaps[] = { 100000, 50000, 0 };
  gboolean known;
  ConcordPosition *first;

  add_position (f, start (f, c, CONCORD_SESSION_BACK_TO_BACK, "调解室一", li), li,
                CONCORD_POSITION_DEMAND, -1, "由吴某负责修复房屋");
  for (guint round = 0; round < G_N_ELEMENTS (demands); round++)
    {
      gint64 with_zhang = start (f, c, CONCORD_SESSION_BACK_TO_BACK, "调解室一", zhang);
      gint64 with_wu = start (f, c, CONCORD_SESSION_BACK_TO_BACK, "调解室二", wu);

      add_position (f, with_zhang, zhang, CONCORD_POSITION_DEMAND, demands[round], NULL);
      if (round == 0)
        {
          current_gap (f, c, &known);
          g_assert_false (known);   /* no offer yet */
        }
      add_position (f, with_wu, wu, CONCORD_POSITION_OFFER, offers[round], "分期支付");
      g_assert_cmpint (current_gap (f, c, &known), ==, gaps[round] * 100);
      g_assert_true (known);
    }

  positions = concord_store_list_positions (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (positions->len, ==, 7);
  first = g_ptr_array_index (positions, 0);
  g_assert_cmpint (first->party_id, ==, li);
  g_assert_false (first->has_amount);
  g_assert_cmpstr (first->terms, ==, "由吴某负责修复房屋");
  for (guint i = 1; i < positions->len; i++)
    {
      ConcordPosition *prev = g_ptr_array_index (positions, i - 1);
      ConcordPosition *next = g_ptr_array_index (positions, i);

      g_assert_cmpstr (prev->at, <=, next->at);
      g_assert_cmpint (prev->id, <, next->id);
    }
  g_assert_cmpint (((ConcordPosition *) g_ptr_array_index (positions, 1))->amount_fen, ==, 13000000);
  g_assert_cmpint (((ConcordPosition *) g_ptr_array_index (positions, 1))->kind, ==, CONCORD_POSITION_DEMAND);
  g_assert_cmpint (((ConcordPosition *) g_ptr_array_index (positions, 2))->kind, ==, CONCORD_POSITION_OFFER);

  /* Should Li put a figure on the repairs, both claims count against the
   * offer. */
  add_position (f, start (f, c, CONCORD_SESSION_BACK_TO_BACK, NULL, li), li,
                CONCORD_POSITION_DEMAND, 20000, NULL);
  g_assert_cmpint (current_gap (f, c, &known), ==, 2000000);
}

static void
test_gap_rule (void)
{
  g_autoptr(GPtrArray) positions = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_position_free);
  struct { gint64 party; ConcordPositionKind kind; gint64 fen; } rows[] = {
    { 1, CONCORD_POSITION_DEMAND, 1000 },
    { 2, CONCORD_POSITION_OFFER, 200 },
    { 1, CONCORD_POSITION_DEMAND, 800 },   /* replaces 1000 */
    { 3, CONCORD_POSITION_DEMAND, 100 },   /* adds to it */
    { 2, CONCORD_POSITION_OFFER, 900 },
  };
  gint64 gap = 42;

  g_assert_false (concord_positions_gap (positions, &gap));
  g_assert_cmpint (gap, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      ConcordPosition *p = concord_position_new ();

      p->party_id = rows[i].party;
      p->kind = rows[i].kind;
      p->has_amount = TRUE;
      p->amount_fen = rows[i].fen;
      g_ptr_array_add (positions, p);
    }
  g_assert_true (concord_positions_gap (positions, &gap));
  g_assert_cmpint (gap, ==, 0);   /* 800 + 100 − 900 */
}

static void
test_legal_points (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = stored_fire_case (f, CONCORD_STAGE_BACK_TO_BACK);
  g_autoptr(GPtrArray) points = NULL;
  gint64 session = start (f, c, CONCORD_SESSION_BACK_TO_BACK, "调解室一", party_id (c, 0));
  ConcordLegalPoint *point;

  g_assert_cmpint (concord_store_add_legal_point (f->store, session,
                                                  "行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。",
                                                  " 《中华人民共和国民法典》第一千一百六十五条 ", ACTOR, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (concord_store_add_legal_point (f->store, session,
                                                  "起诉需要重新鉴定损失，耗时耗钱，结果未必更多。",
                                                  NULL, ACTOR, &error), >, 0);
  points = concord_store_list_legal_points (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 2);
  point = g_ptr_array_index (points, 0);
  g_assert_cmpint (point->session_id, ==, session);
  g_assert_cmpstr (point->citation, ==, "《中华人民共和国民法典》第一千一百六十五条");
  g_assert_nonnull (point->at);
  point = g_ptr_array_index (points, 1);
  g_assert_null (point->citation);
}

static GPtrArray *
linked (Fixture     *f,
        ConcordCase *c)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cases = concord_store_find_linked_cases (f->store, c->id, &error);

  g_assert_no_error (error);
  return cases;
}

/* Scenario 5: two elderly neighbours and a camera, called in before. */
static void
test_linked_cases (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(ConcordCase) earlier = fixture_neighbour_case (f, ACTOR, "楼道安装摄像头引发争吵。",
                                                   "孙某", "37020219500101001", "13605320001",
                                                   "钱某", "13605320002");
  g_autoptr(ConcordCase) unrelated = fixture_neighbour_case (f, ACTOR, "停车位纠纷。",
                                                     "郑某", NULL, "13605320009", NULL, NULL);
  /* Sun again by ID number, with a new phone. */
  g_autoptr(ConcordCase) by_id = fixture_neighbour_case (f, ACTOR, "摄像头被布遮住。",
                                                 "孙某", "37020219500101001", "13605329999", NULL, NULL);
  /* Qian again by name and phone, typed another way. */
  g_autoptr(ConcordCase) by_phone = fixture_neighbour_case (f, ACTOR, "再次因摄像头争吵。",
                                                    "钱 某", NULL, "136 0532 0002", NULL, NULL);
  /* The same name alone, or the same phone with another name, is not a link. */
  g_autoptr(ConcordCase) name_only = fixture_neighbour_case (f, ACTOR, "同名不同人。",
                                                     "钱某", NULL, "13605320777", NULL, NULL);
  g_autoptr(ConcordCase) phone_only = fixture_neighbour_case (f, ACTOR, "借用电话报警。",
                                                      "冯某", NULL, "13605320002", NULL, NULL);
  g_autoptr(GPtrArray) cases = NULL;

  cases = linked (f, by_id);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpint (concord_case_summary_get_id (g_ptr_array_index (cases, 0)), ==, earlier->id);
  g_assert_cmpstr (concord_case_summary_get_case_no (g_ptr_array_index (cases, 0)), ==, earlier->case_no);
  g_clear_pointer (&cases, g_ptr_array_unref);

  cases = linked (f, by_phone);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpint (concord_case_summary_get_id (g_ptr_array_index (cases, 0)), ==, earlier->id);
  g_clear_pointer (&cases, g_ptr_array_unref);

  cases = linked (f, name_only);
  g_assert_cmpuint (cases->len, ==, 0);
  g_clear_pointer (&cases, g_ptr_array_unref);
  cases = linked (f, phone_only);
  g_assert_cmpuint (cases->len, ==, 0);
  g_clear_pointer (&cases, g_ptr_array_unref);
  cases = linked (f, unrelated);
  g_assert_cmpuint (cases->len, ==, 0);
  g_clear_pointer (&cases, g_ptr_array_unref);

  /* Only earlier cases: the first one links to none. */
  cases = linked (f, earlier);
  g_assert_cmpuint (cases->len, ==, 0);
  g_clear_pointer (&cases, g_ptr_array_unref);

  /* A third call: both earlier ones, newest first. */
  {
    g_autoptr(ConcordCase) third = fixture_neighbour_case (f, ACTOR, "第三次报警。",
                                                   "孙某", "37020219500101001", NULL, "钱某", "13605320002");

    cases = linked (f, third);
    g_assert_cmpuint (cases->len, ==, 3);
    g_assert_cmpint (concord_case_summary_get_id (g_ptr_array_index (cases, 0)), ==, by_phone->id);
    g_assert_cmpint (concord_case_summary_get_id (g_ptr_array_index (cases, 1)), ==, by_id->id);
    g_assert_cmpint (concord_case_summary_get_id (g_ptr_array_index (cases, 2)), ==, earlier->id);
    g_clear_pointer (&cases, g_ptr_array_unref);
  }
}

static void
test_session_kind_codes (void)
{
  g_assert_cmpstr (concord_session_kind_to_code (CONCORD_SESSION_FACE_TO_FACE), ==, "face_to_face");
  g_assert_cmpint (concord_session_kind_from_code ("back_to_back"), ==, CONCORD_SESSION_BACK_TO_BACK);
  g_assert_cmpint (concord_session_kind_from_code ("lunch"), ==, -1);
  g_assert_cmpint (concord_position_kind_from_code ("offer"), ==, CONCORD_POSITION_OFFER);
  g_assert_nonnull (concord_session_kind_label (CONCORD_SESSION_BACK_TO_BACK));
  g_assert_nonnull (concord_position_kind_label (CONCORD_POSITION_DEMAND));
}

/* Attendees can be added and removed after the start, with an audit
 * entry each; a name is needed; a party must be one of the case's. */
static void
test_attendees (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = stored_fire_case (f, CONCORD_STAGE_FACE_TO_FACE);
  g_autoptr(ConcordCase) other = stored_fire_case (f, CONCORD_STAGE_ACCEPTED);
  g_autoptr(ConcordAttendee) helper = concord_attendee_new ();
  g_autoptr(ConcordAttendee) blank = concord_attendee_new ();
  g_autoptr(ConcordAttendee) stranger = concord_attendee_new ();
  g_autoptr(ConcordSession) session = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  ConcordAttendee *a;
  gint64 id = start (f, c, CONCORD_SESSION_FACE_TO_FACE, "一号调解室", party_id (c, 0));
  gint64 helper_id;

  helper->name = g_strdup (" 赵大妈 ");
  helper->role = g_strdup ("居委会委员");
  helper_id = concord_store_add_attendee (f->store, id, helper, ACTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (helper_id, >, 0);
  g_assert_cmpint (helper->id, ==, helper_id);

  blank->name = g_strdup ("   ");
  g_assert_cmpint (concord_store_add_attendee (f->store, id, blank, ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);

  stranger->name = g_strdup ("别案当事人");
  stranger->party_id = party_id (other, 0);
  g_assert_cmpint (concord_store_add_attendee (f->store, id, stranger, ACTOR, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (concord_store_add_attendee (f->store, 99999, helper, ACTOR, &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  session = concord_store_load_session (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (session->attendees->len, ==, 2);
  a = g_ptr_array_index (session->attendees, 1);
  g_assert_cmpstr (a->name, ==, "赵大妈");
  g_assert_cmpstr (a->role, ==, "居委会委员");
  g_assert_cmpint (a->party_id, ==, 0);
  g_clear_pointer (&session, concord_session_unref);

  g_assert_true (concord_store_remove_attendee (f->store, helper_id, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_false (concord_store_remove_attendee (f->store, helper_id, ACTOR, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  session = concord_store_load_session (f->store, id, &error);
  g_assert_cmpuint (session->attendees->len, ==, 1);

  audit = concord_store_list_audit (f->store, c->id, &error);
  g_assert_cmpstr (((ConcordAuditEntry *) g_ptr_array_index (audit, audit->len - 2))->action, ==,
                   "session.attendee");
  g_assert_cmpstr (((ConcordAuditEntry *) g_ptr_array_index (audit, audit->len - 1))->action, ==,
                   "session.attendee.remove");
}

/* The per-note switch goes both ways and is recorded each time. */
static void
test_note_share_switch (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = stored_fire_case (f, CONCORD_STAGE_BACK_TO_BACK);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 session = start (f, c, CONCORD_SESSION_BACK_TO_BACK, NULL, party_id (c, 0));
  gint64 note = concord_store_add_note (f->store, session, party_id (c, 0), "底线八万", ACTOR, &error);
  ConcordNote *n;

  g_assert_no_error (error);
  g_assert_true (concord_store_set_note_shared (f->store, note, TRUE, "李律师", &error));
  g_assert_no_error (error);
  notes = concord_store_list_notes (f->store, 0, session, &error);
  n = g_ptr_array_index (notes, 0);
  g_assert_nonnull (n->shared_at);
  g_assert_cmpstr (n->shared_by, ==, "李律师");
  g_assert_true (concord_privacy_shows_note (n, TRUE));
  g_clear_pointer (&notes, g_ptr_array_unref);

  g_assert_true (concord_store_set_note_shared (f->store, note, FALSE, ACTOR, &error));
  g_assert_no_error (error);
  notes = concord_store_list_notes (f->store, 0, session, &error);
  n = g_ptr_array_index (notes, 0);
  g_assert_null (n->shared_at);
  g_assert_null (n->shared_by);
  g_assert_true (concord_note_is_private (n));
  g_assert_false (concord_privacy_shows_note (n, TRUE));
  g_assert_true (concord_privacy_shows_note (n, FALSE));

  audit = concord_store_list_audit (f->store, c->id, &error);
  g_assert_cmpstr (((ConcordAuditEntry *) g_ptr_array_index (audit, audit->len - 2))->action, ==, "note.share");
  g_assert_cmpstr (((ConcordAuditEntry *) g_ptr_array_index (audit, audit->len - 1))->action, ==, "note.unshare");
}

static void
test_privacy_rules (void)
{
  g_autoptr(ConcordSession) caucus = concord_session_new ();
  g_autoptr(ConcordSession) joint = concord_session_new ();
  ConcordNote private_note = { .confidential = TRUE };
  ConcordNote shared_note = { .confidential = TRUE, .shared_at = (char *) "2026-11-20T08:00:00Z" };
  ConcordNote joint_note = { .confidential = FALSE };

  caucus->kind = CONCORD_SESSION_BACK_TO_BACK;
  joint->kind = CONCORD_SESSION_FACE_TO_FACE;
  g_assert_false (concord_privacy_shows_session_content (caucus, TRUE));
  g_assert_true (concord_privacy_shows_session_content (caucus, FALSE));
  g_assert_true (concord_privacy_shows_session_content (joint, TRUE));
  g_assert_false (concord_privacy_shows_note (&private_note, TRUE));
  g_assert_true (concord_privacy_shows_note (&private_note, FALSE));
  g_assert_true (concord_privacy_shows_note (&shared_note, TRUE));
  g_assert_true (concord_privacy_shows_note (&joint_note, TRUE));
}

static ConcordReferral *
work_order (const char *department,
            const char *request,
            const char *due)
{
  ConcordReferral *r = concord_referral_new (CONCORD_REFERRAL_DEPARTMENT);

  r->detail = g_strdup (department);
  r->request = g_strdup (request);
  r->due_date = g_strdup (due);
  return r;
}

static void
test_referral_validate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordReferral) sue = concord_referral_new (CONCORD_REFERRAL_LITIGATION);
  g_autoptr(ConcordReferral) ok = work_order ("区市场监管局", "核查商户经营资质", "2026年12月7日");
  g_autoptr(ConcordReferral) no_dept = work_order (" ", "核查", "2026-12-07");
  g_autoptr(ConcordReferral) no_request = work_order ("区住建委", NULL, "2026-12-07");
  g_autoptr(ConcordReferral) no_date = work_order ("区住建委", "核查", NULL);
  g_autoptr(ConcordReferral) bad_date = work_order ("区住建委", "核查", "2026-02-30");
  g_autoptr(ConcordReferral) past = work_order ("区住建委", "核查", "2026-11-19");

  g_assert_true (concord_referral_validate (sue, "2026-11-20", &error));
  g_assert_true (concord_referral_validate (ok, "2026-11-20", &error));
  g_assert_no_error (error);
  g_assert_true (concord_referral_validate (past, NULL, &error));
  for (guint i = 0; i < 5; i++)
    {
      ConcordReferral *bad[] = { no_dept, no_request, no_date, bad_date, past };

      g_assert_false (concord_referral_validate (bad[i], "2026-11-20", &error));
      g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_true (concord_referral_is_open_work_order (ok));
  g_assert_false (concord_referral_is_open_work_order (sue));
  g_assert_cmpint (concord_referral_kind_from_code ("department"), ==, CONCORD_REFERRAL_DEPARTMENT);
  g_assert_cmpint (concord_referral_kind_from_code ("court"), ==, -1);
  g_assert_cmpstr (concord_referral_kind_to_code (CONCORD_REFERRAL_JUDICIAL), ==, "judicial");
  for (int k = 0; k < CONCORD_N_REFERRAL_KINDS; k++)
    g_assert_nonnull (concord_referral_kind_label (k));
}

static guint
count_query (Fixture         *f,
             ConcordCaseQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = concord_store_query_cases (f->store, query, 0, 100, &error);

  g_assert_no_error (error);
  return rows->len;
}

/* Scenario 7: after two rounds the case fails; the parties are guided to
 * court and a work order goes to a department, open until answered. */
static void
test_fail_case (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = stored_fire_case (f, CONCORD_STAGE_FACE_TO_FACE);
  g_autoptr(ConcordCase) loaded = NULL;
  g_autoptr(GPtrArray) referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_referral_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autofree char *before = NULL;
  ConcordReferral *r;
  ConcordReferral *sue;
  guint n_audit;

  g_setenv ("CONCORD_NOW", "2026-11-20T08:00:00Z", TRUE);

  /* Nothing recorded: refused, nothing changed. */
  before = query_text (f, "SELECT stage || '|' || count(*) FROM cases JOIN referral ON 1 = 1");
  g_assert_false (concord_store_fail_case (f->store, c->id, "吴某拒绝任何方案", referrals, ACTOR, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);

  sue = concord_referral_new (CONCORD_REFERRAL_LITIGATION);
  sue->detail = g_strdup ("  东城区人民法院 ");
  g_ptr_array_add (referrals, sue);
  g_ptr_array_add (referrals, work_order ("区住建委", "核查房屋安全隐患", "2026-11-19"));

  /* A past due date, a blank reason: refused, nothing written. */
  audit = concord_store_list_audit (f->store, c->id, &error);
  n_audit = audit->len;
  g_clear_pointer (&audit, g_ptr_array_unref);
  g_assert_false (concord_store_fail_case (f->store, c->id, "吴某拒绝任何方案", referrals, ACTOR, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  r = g_ptr_array_index (referrals, 1);
  g_free (r->due_date);
  r->due_date = g_strdup ("2026年12月4日");
  g_assert_false (concord_store_fail_case (f->store, c->id, "  ", referrals, ACTOR, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "referral"), ==, 0);
  audit = concord_store_list_audit (f->store, c->id, &error);
  g_assert_cmpuint (audit->len, ==, n_audit);
  g_clear_pointer (&audit, g_ptr_array_unref);

  /* Through move_stage the referral would be missing. */
  g_assert_false (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_FAILED, "拒绝", ACTOR, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);

  g_assert_true (concord_store_fail_case (f->store, c->id, "吴某拒绝任何方案", referrals, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sue->id, >, 0);
  g_assert_cmpint (r->id, >, sue->id);
  g_assert_cmpstr (r->due_date, ==, "2026-12-04");
  g_assert_cmpstr (r->created_by, ==, ACTOR);

  loaded = concord_store_load_case (f->store, c->id, &error);
  g_assert_cmpint (loaded->stage, ==, CONCORD_STAGE_FAILED);
  g_assert_cmpstr (loaded->stage_reason, ==, "吴某拒绝任何方案");

  listed = concord_store_list_referrals (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  r = g_ptr_array_index (listed, 0);
  g_assert_cmpint (r->kind, ==, CONCORD_REFERRAL_LITIGATION);
  g_assert_cmpstr (r->detail, ==, "东城区人民法院");
  g_assert_null (r->due_date);
  g_assert_false (concord_referral_is_open_work_order (r));
  r = g_ptr_array_index (listed, 1);
  g_assert_cmpint (r->kind, ==, CONCORD_REFERRAL_DEPARTMENT);
  g_assert_cmpstr (r->detail, ==, "区住建委");
  g_assert_cmpstr (r->request, ==, "核查房屋安全隐患");
  g_assert_cmpstr (r->created_at, ==, "2026-11-20T08:00:00Z");
  g_assert_true (concord_referral_is_open_work_order (r));

  /* The list shows the open work order, and can show only those. */
  rows = concord_store_query_cases (f->store, query, 0, 10, &error);
  g_assert_cmpstr (concord_case_summary_get_work_order_due (g_ptr_array_index (rows, 0)), ==, "2026-12-04");
  g_clear_pointer (&rows, g_ptr_array_unref);
  query->open_work_orders = TRUE;
  g_assert_cmpuint (count_query (f, query), ==, 1);

  /* Answered: closed for good. */
  g_assert_false (concord_store_answer_work_order (f->store, r->id, " ", ACTOR, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (concord_store_answer_work_order (f->store, sue->id, "不适用", ACTOR, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_setenv ("CONCORD_NOW", "2026-11-27T02:00:00Z", TRUE);
  g_assert_true (concord_store_answer_work_order (f->store, r->id, "已现场核查，责令整改", "内勤", &error));
  g_assert_no_error (error);
  g_assert_false (concord_store_answer_work_order (f->store, r->id, "又一次", ACTOR, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_query (f, query), ==, 0);
  query->open_work_orders = FALSE;
  rows = concord_store_query_cases (f->store, query, 0, 10, &error);
  g_assert_null (concord_case_summary_get_work_order_due (g_ptr_array_index (rows, 0)));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = concord_store_list_referrals (f->store, c->id, &error);
  r = g_ptr_array_index (listed, 1);
  g_assert_cmpstr (r->answer, ==, "已现场核查，责令整改");
  g_assert_cmpstr (r->answered_by, ==, "内勤");
  g_assert_cmpstr (r->answered_at, ==, "2026-11-27T02:00:00Z");
  g_assert_false (concord_referral_is_open_work_order (r));

  audit = concord_store_list_audit (f->store, c->id, &error);
  g_assert_cmpstr (((ConcordAuditEntry *) g_ptr_array_index (audit, audit->len - 1))->action, ==,
                   "workorder.answer");
  g_assert_true (concord_store_verify_audit (f->store, &error));
  g_unsetenv ("CONCORD_NOW");
}

/* Police mediation: while there has been one session, the case is due at
 * the latest 7 working days after it (公安机关办理行政案件程序规定 art. 183);
 * a second session puts the stage's own limit back. */
static void
test_police_second_session (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = fixture_fire_case ();
  g_autoptr(ConcordCase) loaded = NULL;
  g_autoptr(ConcordCase) people = stored_fire_case (f, CONCORD_STAGE_BACK_TO_BACK);

  /* Friday 2026-11-20, 10:00 Beijing time. */
  g_setenv ("CONCORD_NOW", "2026-11-20T02:00:00Z", TRUE);
  g_assert_true (concord_store_set_setting (f->store, "limit.back_to_back.days", "30", ACTOR, &error));
  c->mediation_type = CONCORD_MEDIATION_POLICE;
  g_assert_true (concord_store_save_case (f->store, c, ACTOR, &error));
  g_assert_true (concord_store_decide_case (f->store, c->id, TRUE, NULL, ACTOR, &error));
  g_assert_true (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_BACK_TO_BACK, NULL, ACTOR, &error));
  g_assert_no_error (error);
  loaded = concord_store_load_case (f->store, c->id, &error);
  g_assert_cmpstr (loaded->due_at, ==, "2027-01-01T02:00:00Z"); /* 30 working days */
  g_clear_pointer (&loaded, concord_case_unref);

  /* First session on Monday 23rd: due 7 working days later, Wed 2 Dec. */
  g_setenv ("CONCORD_NOW", "2026-11-23T01:00:00Z", TRUE);
  start (f, c, CONCORD_SESSION_BACK_TO_BACK, NULL, party_id (c, 0));
  loaded = concord_store_load_case (f->store, c->id, &error);
  g_assert_cmpstr (loaded->due_at, ==, "2026-12-02T01:00:00Z");
  g_clear_pointer (&loaded, concord_case_unref);

  /* Moving to face-to-face keeps the rule. */
  g_setenv ("CONCORD_NOW", "2026-11-24T01:00:00Z", TRUE);
  g_assert_true (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_FACE_TO_FACE, NULL, ACTOR, &error));
  loaded = concord_store_load_case (f->store, c->id, &error);
  g_assert_cmpstr (loaded->due_at, ==, "2026-12-02T01:00:00Z");
  g_clear_pointer (&loaded, concord_case_unref);

  /* The second session: the stage's limit (15 working days from the 24th). */
  g_setenv ("CONCORD_NOW", "2026-11-30T01:00:00Z", TRUE);
  start (f, c, CONCORD_SESSION_FACE_TO_FACE, NULL, 0);
  loaded = concord_store_load_case (f->store, c->id, &error);
  g_assert_cmpstr (loaded->due_at, ==, "2026-12-15T01:00:00Z");
  g_clear_pointer (&loaded, concord_case_unref);

  /* People's mediation: no such rule. */
  g_setenv ("CONCORD_NOW", "2026-11-23T01:00:00Z", TRUE);
  start (f, people, CONCORD_SESSION_BACK_TO_BACK, NULL, party_id (people, 0));
  loaded = concord_store_load_case (f->store, people->id, &error);
  g_assert_cmpstr (loaded->due_at, ==, people->due_at);
  g_unsetenv ("CONCORD_NOW");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sessions/kind-codes", test_session_kind_codes);
  g_test_add_func ("/sessions/gap-rule", test_gap_rule);
  g_test_add_func ("/sessions/privacy-rules", test_privacy_rules);
  g_test_add_func ("/sessions/referral-validate", test_referral_validate);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sessions/start-end", test_session_start_end);
  ADD ("/sessions/stage-check", test_session_stage_check);
  ADD ("/sessions/refused-write-changes-nothing", test_refused_write_changes_nothing);
  ADD ("/sessions/notes", test_notes);
  ADD ("/sessions/positions", test_positions);
  ADD ("/sessions/legal-points", test_legal_points);
  ADD ("/sessions/linked-cases", test_linked_cases);
  ADD ("/sessions/attendees", test_attendees);
  ADD ("/sessions/note-share-switch", test_note_share_switch);
  ADD ("/sessions/fail-case", test_fail_case);
  ADD ("/sessions/police-second-session", test_police_second_session);
#undef ADD

  return g_test_run ();
}
