/* test-demo.c — the demonstration cases and the case generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "concord-core.h"
#include "concord-sqlite-store.h"

#define N_DEMO_CASES 9

typedef struct
{
  char         *dir;
  ConcordStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("concord-test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "concord.db", NULL);
  fixture->store = concord_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static guint
count_matching (ConcordStore *store,
                const char   *text)
{
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(GError) error = NULL;
  guint count = 0;
  gboolean capped = TRUE;

  concord_set_text (&query->text, text);
  g_assert_true (concord_store_count_cases (store, query, 0, &count, &capped, &error));
  g_assert_no_error (error);
  g_assert_false (capped);
  return count;
}

static GPtrArray *
query_all (ConcordStore *store,
           const char   *text)
{
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *found;

  concord_set_text (&query->text, text);
  found = concord_store_query_cases (store, query, 0, 10000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

static ConcordCase *
load_summary_case (ConcordStore       *store,
                   ConcordCaseSummary *summary)
{
  g_autoptr(GError) error = NULL;
  ConcordCase *c;

  c = concord_store_load_case (store, concord_case_summary_get_id (summary), &error);
  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

/* The one case @text finds (the newest when @newest_of_several). */
static ConcordCase *
find_case (ConcordStore *store,
           const char   *text,
           gboolean      newest_of_several)
{
  g_autoptr(GPtrArray) found = query_all (store, text);

  if (!newest_of_several)
    g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpuint (found->len, >=, 1);
  return load_summary_case (store, g_ptr_array_index (found, 0));
}

static ConcordCaseSummary *
find_summary (ConcordStore *store,
              gint64        id)
{
  g_autoptr(GPtrArray) all = query_all (store, NULL);

  for (guint i = 0; i < all->len; i++)
    if (concord_case_summary_get_id (g_ptr_array_index (all, i)) == id)
      return g_object_ref (g_ptr_array_index (all, i));
  g_assert_not_reached ();
  return NULL;
}

static GPtrArray *
list_sessions (ConcordStore *store,
               gint64        case_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *sessions = concord_store_list_sessions (store, case_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sessions);
  return sessions;
}

static GPtrArray *
list_positions (ConcordStore *store,
                gint64        case_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *positions = concord_store_list_positions (store, case_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (positions);
  return positions;
}

static ConcordParty *
party_named (ConcordCase *c,
             const char  *name)
{
  for (guint i = 0; i < c->parties->len; i++)
    {
      ConcordParty *party = g_ptr_array_index (c->parties, i);

      if (g_strcmp0 (party->name, name) == 0)
        return party;
    }
  g_assert_not_reached ();
  return NULL;
}

/* The amounts of @party_id's positions of @kind, in order, in yuan. */
static GArray *
amounts_of (GPtrArray           *positions,
            gint64               party_id,
            ConcordPositionKind  kind)
{
  GArray *amounts = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < positions->len; i++)
    {
      ConcordPosition *position = g_ptr_array_index (positions, i);
      gint64 yuan;

      if (position->party_id != party_id || position->kind != kind || !position->has_amount)
        continue;
      yuan = position->amount_fen / 100;
      g_array_append_val (amounts, yuan);
    }
  return amounts;
}

static guint
count_rows (ConcordStore *store,
            const char   *table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autofree char *text = _concord_sqlite_store_query_text (CONCORD_SQLITE_STORE (store), sql, &error);

  g_assert_no_error (error);
  return (guint) g_ascii_strtoull (text, NULL, 10);
}

static void
load_demo (ConcordStore *store,
           guint         expected)
{
  g_autoptr(GError) error = NULL;
  guint added = 12345;

  g_assert_true (concord_demo_load (store, "tester", &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, expected);
}

static void
test_demo_counts (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *station = NULL;
  g_autofree char *short_name = NULL;
  g_autofree char *committee = NULL;

  load_demo (fixture->store, N_DEMO_CASES);
  g_assert_cmpuint (count_matching (fixture->store, NULL), ==, N_DEMO_CASES);

  station = concord_store_get_setting (fixture->store, CONCORD_SETTING_STATION_NAME);
  short_name = concord_store_get_setting (fixture->store, CONCORD_SETTING_STATION_SHORT_NAME);
  committee = concord_store_get_setting (fixture->store, CONCORD_SETTING_COMMITTEE_NAME);
  g_assert_cmpstr (station, ==, "东城派出所警民联调室");
  g_assert_cmpstr (short_name, ==, "东城");
  g_assert_cmpstr (committee, ==, "东城街道人民调解委员会");

  /* The station's six plus the helpers named in cases. */
  members = concord_store_list_members (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, >=, 6);

  /* The demo mediator is whoever loaded the demo: "Mine" shows their
   * cases, and nobody else's username is taken. */
  {
    g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
    g_autoptr(GPtrArray) mine = NULL;
    guint n_desk = 0;

    for (guint i = 0; i < members->len; i++)
      if (g_strcmp0 (((ConcordTeamMember *) g_ptr_array_index (members, i))->username, "tester") == 0)
        n_desk++;
    g_assert_cmpuint (n_desk, ==, 1);
    query->mine = g_strdup ("tester");
    mine = concord_store_query_cases (fixture->store, query, 0, 100, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (mine->len, >, 0);
    g_assert_cmpuint (mine->len, <, N_DEMO_CASES);
  }
}

static void
test_demo_fire (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) fire = NULL;
  g_autoptr(GPtrArray) zhang = NULL;
  g_autoptr(ConcordCase) c = NULL;
  gboolean found = FALSE;

  load_demo (fixture->store, N_DEMO_CASES);

  fire = query_all (fixture->store, "火灾");
  g_assert_cmpuint (fire->len, ==, 1);
  c = load_summary_case (fixture->store, g_ptr_array_index (fire, 0));

  g_assert_cmpuint (c->parties->len, ==, 3);
  g_assert_cmpstr (c->category, ==, "damage");
  g_assert_cmpint (c->source, ==, CONCORD_SOURCE_CALL_110);
  g_assert_cmpint (c->mediation_type, ==, CONCORD_MEDIATION_PEOPLE);
  g_assert_cmpint (c->stage, ==, CONCORD_STAGE_DRAFTING);
  g_assert_nonnull (c->incident_no);
  g_assert_nonnull (c->case_no);
  g_assert_cmpstr (c->received_at, ==, "2026-11-16T02:40:00Z");
  g_assert_nonnull (strstr (c->case_no, "2026"));
  g_assert_cmpuint (c->team->len, >=, 3);

  /* The claim of 130,000 yuan is the upstairs neighbour's. */
  for (guint i = 0; i < c->parties->len; i++)
    {
      ConcordParty *party = g_ptr_array_index (c->parties, i);

      if (g_strcmp0 (party->name, "张某") == 0)
        g_assert_nonnull (strstr (party->claims, "130000"));
      if (g_strcmp0 (party->name, "吴某") == 0)
        g_assert_cmpint (party->role, ==, CONCORD_ROLE_RESPONDENT);
    }

  zhang = query_all (fixture->store, "张");
  for (guint i = 0; i < zhang->len; i++)
    if (concord_case_summary_get_id (g_ptr_array_index (zhang, i)) == c->id)
      found = TRUE;
  g_assert_true (found);
}

static void
test_demo_scenarios (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  guint n_received = 0, n_not_accepted = 0;
  gboolean group = FALSE, fight = FALSE, helper = FALSE;

  load_demo (fixture->store, N_DEMO_CASES);

  /* The stairwell camera came back: two cases of the same neighbours. */
  g_assert_cmpuint (count_matching (fixture->store, "摄像头"), ==, 2);
  g_assert_cmpuint (count_matching (fixture->store, "纠纷"), >=, 3);
  g_assert_cmpuint (count_matching (fixture->store, "广场舞"), ==, 1);

  all = concord_store_query_cases (fixture->store, query, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, N_DEMO_CASES);

  for (guint i = 0; i < all->len; i++)
    {
      ConcordCaseSummary *summary = g_ptr_array_index (all, i);
      g_autoptr(ConcordCase) c = load_summary_case (fixture->store, summary);

      /* Newest first. */
      if (i > 0)
        g_assert_cmpstr (concord_case_summary_get_received_at (g_ptr_array_index (all, i - 1)), >=,
                         concord_case_summary_get_received_at (summary));

      if (c->stage == CONCORD_STAGE_RECEIVED)
        n_received++;
      if (c->stage == CONCORD_STAGE_NOT_ACCEPTED)
        {
          n_not_accepted++;
          g_assert_nonnull (c->stage_reason);
        }

      for (guint j = 0; j < c->parties->len; j++)
        {
          ConcordParty *party = g_ptr_array_index (c->parties, j);

          if (party->agent_kind == CONCORD_AGENT_REPRESENTATIVE && party->agent != NULL)
            group = TRUE;
          if (party->role == CONCORD_ROLE_PARTY && c->mediation_type == CONCORD_MEDIATION_POLICE &&
              g_strcmp0 (c->category, "minor_injury") == 0)
            fight = TRUE;
        }
      for (guint j = 0; j < c->team->len; j++)
        if (((ConcordTeamMember *) g_ptr_array_index (c->team, j))->role == CONCORD_TEAM_HELPER)
          helper = TRUE;
    }

  g_assert_cmpuint (n_received, ==, 1);
  g_assert_cmpuint (n_not_accepted, ==, 1);
  g_assert_true (group);
  g_assert_true (fight);
  g_assert_true (helper);
}

/* Scenario 1 goes through the mediation: caucuses and joint rounds, the
 * claims coming down and the offer going up until they meet, the law
 * explained, a residents' committee member invited, then drafting. */
static void
test_demo_fire_sessions (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(GArray) zhang_demands = NULL;
  g_autoptr(GArray) wu_offers = NULL;
  g_autoptr(GError) error = NULL;
  ConcordParty *zhang, *wu;
  guint n_back = 0, n_face = 0, n_private = 0, n_shared = 0;
  gboolean helper = FALSE, fault = FALSE;
  gint64 gap = -1;

  load_demo (fixture->store, N_DEMO_CASES);
  c = find_case (fixture->store, "火灾", FALSE);
  g_assert_cmpint (c->stage, ==, CONCORD_STAGE_DRAFTING);
  zhang = party_named (c, "张某");
  wu = party_named (c, "吴某");

  sessions = list_sessions (fixture->store, c->id);
  g_assert_cmpuint (sessions->len, ==, 8);
  for (guint i = 0; i < sessions->len; i++)
    {
      ConcordSession *session = g_ptr_array_index (sessions, i);

      /* Recorded at the times of the story, not when the demo was loaded. */
      g_assert_nonnull (session->ended_at);
      g_assert_cmpstr (session->started_at, <, session->ended_at);
      g_assert_cmpstr (session->started_at, >=, c->received_at);
      g_assert_cmpstr (session->ended_at, <, "2026-11-20");
      g_assert_nonnull (session->outcome);
      g_assert_nonnull (session->room);
      if (session->kind == CONCORD_SESSION_BACK_TO_BACK)
        n_back++;
      else
        n_face++;
      for (guint j = 0; j < session->attendees->len; j++)
        {
          ConcordAttendee *a = g_ptr_array_index (session->attendees, j);

          if (a->party_id == 0 && a->member_id == 0 && strstr (a->role, "居民委员会") != NULL)
            helper = TRUE;
        }
    }
  g_assert_cmpstr (((ConcordSession *) g_ptr_array_index (sessions, 0))->started_at, ==,
                   "2026-11-16T03:10:00Z");
  g_assert_cmpuint (n_back, >=, 4);
  g_assert_cmpuint (n_face, >=, 2);
  g_assert_true (helper);

  /* 130,000 coming down, the offer going up, until the gap is closed. */
  positions = list_positions (fixture->store, c->id);
  zhang_demands = amounts_of (positions, zhang->id, CONCORD_POSITION_DEMAND);
  wu_offers = amounts_of (positions, wu->id, CONCORD_POSITION_OFFER);
  g_assert_cmpuint (zhang_demands->len, >=, 3);
  g_assert_cmpint (g_array_index (zhang_demands, gint64, 0), ==, 130000);
  for (guint i = 1; i < zhang_demands->len; i++)
    g_assert_cmpint (g_array_index (zhang_demands, gint64, i), <, g_array_index (zhang_demands, gint64, i - 1));
  g_assert_cmpuint (wu_offers->len, >=, 3);
  for (guint i = 1; i < wu_offers->len; i++)
    g_assert_cmpint (g_array_index (wu_offers, gint64, i), >, g_array_index (wu_offers, gint64, i - 1));
  for (guint i = 1; i < positions->len; i++)
    g_assert_cmpstr (((ConcordPosition *) g_ptr_array_index (positions, i - 1))->at, <=,
                     ((ConcordPosition *) g_ptr_array_index (positions, i))->at);
  g_assert_true (concord_positions_gap (positions, &gap));
  g_assert_cmpint (gap, ==, 0);

  /* Caucus notes are confidential; one was shared with the party's leave. */
  notes = concord_store_list_notes (fixture->store, c->id, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < notes->len; i++)
    {
      ConcordNote *note = g_ptr_array_index (notes, i);

      g_assert_false (concord_text_is_blank (note->text));
      if (concord_note_is_private (note))
        {
          n_private++;
          g_assert_cmpint (note->party_id, >, 0);
          g_assert_false (concord_privacy_shows_note (note, TRUE));
        }
      if (note->shared_at != NULL)
        {
          n_shared++;
          g_assert_true (note->confidential);
          g_assert_true (concord_privacy_shows_note (note, TRUE));
        }
    }
  g_assert_cmpuint (n_private, >=, 4);
  g_assert_cmpuint (n_shared, ==, 1);

  points = concord_store_list_legal_points (fixture->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, >=, 3);
  for (guint i = 0; i < points->len; i++)
    {
      ConcordLegalPoint *point = g_ptr_array_index (points, i);

      g_assert_nonnull (point->citation);
      g_assert_true (g_str_has_prefix (point->citation, "《"));
      if (g_strcmp0 (point->citation, "《民法典》第一千一百六十五条") == 0)
        fault = TRUE;
    }
  g_assert_true (fault);

  /* The path: accepted, back-to-back ⇄ face-to-face, drafting. */
  moves = concord_store_list_stage_moves (fixture->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (moves->len, >=, 4);
  g_assert_cmpint (((ConcordStageMove *) g_ptr_array_index (moves, 1))->to_stage, ==, CONCORD_STAGE_ACCEPTED);
  g_assert_cmpint (((ConcordStageMove *) g_ptr_array_index (moves, moves->len - 1))->to_stage, ==,
                   CONCORD_STAGE_DRAFTING);
  g_assert_cmpstr (((ConcordStageMove *) g_ptr_array_index (moves, moves->len - 1))->at, ==,
                   "2026-11-19T03:20:00Z");
}

/* Scenario 7: two rounds, then failed with its reason, guided to court
 * and a work order still open. */
static void
test_demo_failed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(ConcordCaseSummary) summary = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today = concord_clock_today_iso ();
  ConcordReferral *order = NULL;
  gboolean court = FALSE;

  load_demo (fixture->store, N_DEMO_CASES);
  c = find_case (fixture->store, "漏水", FALSE);
  g_assert_cmpint (c->stage, ==, CONCORD_STAGE_FAILED);
  g_assert_false (concord_text_is_blank (c->stage_reason));

  sessions = list_sessions (fixture->store, c->id);
  g_assert_cmpuint (sessions->len, >=, 2);

  referrals = concord_store_list_referrals (fixture->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (referrals->len, ==, 2);
  for (guint i = 0; i < referrals->len; i++)
    {
      ConcordReferral *r = g_ptr_array_index (referrals, i);

      if (r->kind == CONCORD_REFERRAL_LITIGATION)
        court = TRUE;
      if (concord_referral_is_open_work_order (r))
        {
          g_assert_null (order);
          order = r;
        }
    }
  g_assert_true (court);
  g_assert_nonnull (order);
  g_assert_false (concord_text_is_blank (order->detail));
  g_assert_false (concord_text_is_blank (order->request));
  /* Due two weeks after the day the demo was loaded, whenever that is. */
  g_assert_cmpstr (today, ==, "2026-11-23");
  g_assert_cmpstr (order->due_date, ==, "2026-12-07");

  summary = find_summary (fixture->store, c->id);
  g_assert_cmpstr (concord_case_summary_get_work_order_due (summary), ==, order->due_date);

  query->open_work_orders = TRUE;
  open = concord_store_query_cases (fixture->store, query, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (concord_case_summary_get_id (g_ptr_array_index (open, 0)), ==, c->id);
}

/* The due date of scenario 7's work order when the demo is loaded with
 * the clock at @load_time, in a new database. */
static char *
work_order_due_loaded_at (Fixture    *fixture,
                          const char *name,
                          const char *load_time)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(ConcordStore) store = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fixed = NULL;

  store = concord_store_open (path, &error);
  g_assert_no_error (error);
  concord_clock_set_fixed (load_time);
  load_demo (store, N_DEMO_CASES);
  fixed = concord_clock_dup_fixed ();
  g_assert_cmpstr (fixed, ==, load_time);
  concord_clock_set_fixed (NULL);

  c = find_case (store, "漏水", FALSE);
  referrals = concord_store_list_referrals (store, c->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < referrals->len; i++)
    {
      ConcordReferral *r = g_ptr_array_index (referrals, i);

      if (r->kind == CONCORD_REFERRAL_DEPARTMENT)
        return g_strdup (r->due_date);
    }
  g_assert_not_reached ();
  return NULL;
}

/* Loaded long after the story, the work order is still due in the
 * future; loaded before the failure, two weeks after it. */
static void
test_demo_work_order_later (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *later = work_order_due_loaded_at (fixture, "later.db", "2027-03-01T02:00:00Z");
  g_autofree char *earlier = work_order_due_loaded_at (fixture, "earlier.db", "2026-01-05T02:00:00Z");

  g_assert_cmpstr (later, ==, "2027-03-15");
  g_assert_cmpstr (earlier, ==, "2026-11-04");
}

/* Scenario 5: the neighbours came back; the new case finds the earlier
 * one, which was closed after its session. */
static void
test_demo_linked (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(ConcordCase) earlier = NULL;
  g_autoptr(GPtrArray) linked = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) earlier_sessions = NULL;
  g_autoptr(GError) error = NULL;
  ConcordSession *first, *second;

  load_demo (fixture->store, N_DEMO_CASES);
  c = find_case (fixture->store, "摄像头", TRUE);
  linked = concord_store_find_linked_cases (fixture->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linked->len, ==, 1);
  earlier = load_summary_case (fixture->store, g_ptr_array_index (linked, 0));
  g_assert_nonnull (strstr (earlier->facts, "摄像头"));
  g_assert_cmpint (earlier->stage, ==, CONCORD_STAGE_CLOSED);
  earlier_sessions = list_sessions (fixture->store, earlier->id);
  g_assert_cmpuint (earlier_sessions->len, >=, 1);
  /* Its agreement was signed on paper, checked by the clerk, and locked. */
  {
    g_autoptr(ConcordSigning) signing = concord_store_load_signing (fixture->store, earlier->id, &error);
    ConcordSignature *first_signature;

    g_assert_no_error (error);
    g_assert_nonnull (signing->locked_at);
    g_assert_cmpuint (signing->signers->len, ==, 3);
    first_signature = g_ptr_array_index (signing->signatures, 0);
    g_assert_cmpint (first_signature->method, ==, CONCORD_SIGNATURE_METHOD_INK);
    g_assert_cmpstr (first_signature->checked_by, ==, "孙某某");
    g_assert_true (g_str_has_prefix (first_signature->signed_at, "2026-04-09"));
  }

  /* Separate rooms at the same time, then together. */
  sessions = list_sessions (fixture->store, c->id);
  g_assert_cmpuint (sessions->len, >=, 2);
  first = g_ptr_array_index (sessions, 0);
  second = g_ptr_array_index (sessions, 1);
  g_assert_cmpint (first->kind, ==, CONCORD_SESSION_BACK_TO_BACK);
  g_assert_cmpint (second->kind, ==, CONCORD_SESSION_BACK_TO_BACK);
  g_assert_cmpstr (first->room, !=, second->room);
  g_assert_cmpstr (second->started_at, <, first->ended_at);
  g_assert_cmpint (((ConcordSession *) g_ptr_array_index (sessions, sessions->len - 1))->kind, ==,
                   CONCORD_SESSION_FACE_TO_FACE);
}

/* Scenario 6: many rounds, terms in words and amounts, still going. */
static void
test_demo_family (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) positions = NULL;
  guint n_words = 0, n_amounts = 0;
  gint64 gap = 0;

  load_demo (fixture->store, N_DEMO_CASES);
  c = find_case (fixture->store, "酒后", FALSE);
  g_assert_cmpstr (c->category, ==, "marriage_family");
  g_assert_true (c->stage == CONCORD_STAGE_FACE_TO_FACE || c->stage == CONCORD_STAGE_BACK_TO_BACK);

  sessions = list_sessions (fixture->store, c->id);
  g_assert_cmpuint (sessions->len, >=, 8);
  g_assert_cmpuint (sessions->len, <=, 12);

  positions = list_positions (fixture->store, c->id);
  for (guint i = 0; i < positions->len; i++)
    {
      ConcordPosition *position = g_ptr_array_index (positions, i);

      if (position->has_amount)
        n_amounts++;
      else
        n_words++;
    }
  g_assert_cmpuint (n_words, >=, 2);
  g_assert_cmpuint (n_amounts, >=, 4);
  g_assert_true (concord_positions_gap (positions, &gap));
  g_assert_cmpint (gap, >, 0);
}

/* Scenario 3: the second police session within seven working days of
 * the first, the police form approved, waiting at signing for the two
 * parties and the presiding officer. */
static void
test_demo_police (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(ConcordCalendar) calendar = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(ConcordSigning) signing = NULL;
  g_autofree char *holidays = NULL;
  g_autofree char *workdays = NULL;
  g_autofree char *limit = NULL;

  load_demo (fixture->store, N_DEMO_CASES);
  c = find_case (fixture->store, "烧烤摊", FALSE);
  g_assert_cmpint (c->mediation_type, ==, CONCORD_MEDIATION_POLICE);
  g_assert_cmpint (c->stage, ==, CONCORD_STAGE_SIGNING);
  g_assert_true (c->police_screened);

  sessions = list_sessions (fixture->store, c->id);
  g_assert_cmpuint (sessions->len, ==, 2);
  holidays = concord_store_get_setting (fixture->store, CONCORD_SETTING_CALENDAR_HOLIDAYS);
  workdays = concord_store_get_setting (fixture->store, CONCORD_SETTING_CALENDAR_WORKDAYS);
  calendar = concord_calendar_new (holidays, workdays, NULL);
  g_assert_nonnull (calendar);
  start = concord_clock_parse_iso (((ConcordSession *) g_ptr_array_index (sessions, 0))->started_at);
  due = concord_calendar_add_working_days_to_time (calendar, start, CONCORD_POLICE_SECOND_SESSION_WORKING_DAYS);
  limit = concord_clock_format_iso (due);
  g_assert_cmpstr (((ConcordSession *) g_ptr_array_index (sessions, 1))->started_at, <, limit);

  agreement = concord_store_load_agreement (fixture->store, c->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agreement->template_id, ==, "police-mediation");
  g_assert_cmpuint (agreement->terms->len, ==, 3);
  g_assert_true (concord_store_agreement_approved (fixture->store, c->id));
  signing = concord_store_load_signing (fixture->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signing->signers->len, ==, 3);
  g_assert_cmpstr (((ConcordSigner *) g_ptr_array_index (signing->signers, 2))->role, ==, "主持人");
  g_assert_true (signing->pad_allowed);
  g_assert_null (signing->locked_at);
  for (guint i = 0; i < signing->signatures->len; i++)
    g_assert_null (g_ptr_array_index (signing->signatures, i));
}

/* The clock the demo fixed goes back to what it was, even when loading
 * fails; a failed load stores nothing. */
static void
test_demo_clock (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  g_autofree char *fixed = NULL;
  guint added = 99;

  g_assert_null (concord_clock_dup_fixed ());

  /* The work order of scenario 7 cannot be stored. */
  g_assert_true (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (fixture->store),
                                             "CREATE TRIGGER no_referral BEFORE INSERT ON referral"
                                             " BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                             &error));
  g_assert_no_error (error);
  g_assert_false (concord_demo_load (fixture->store, "tester", &added, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_null (concord_clock_dup_fixed ());
  now = concord_clock_now_iso ();
  g_assert_cmpstr (now, ==, "2026-11-23T08:00:00Z");
  g_assert_cmpuint (count_matching (fixture->store, NULL), ==, 0);
  g_assert_cmpuint (count_rows (fixture->store, "session"), ==, 0);

  /* A clock fixed before stays fixed, at the same time. */
  g_assert_true (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (fixture->store),
                                             "DROP TRIGGER no_referral", &error));
  g_assert_no_error (error);
  concord_clock_set_fixed ("2026-11-24T01:00:00Z");
  load_demo (fixture->store, N_DEMO_CASES);
  fixed = concord_clock_dup_fixed ();
  g_assert_cmpstr (fixed, ==, "2026-11-24T01:00:00Z");
  concord_clock_set_fixed (NULL);
  g_clear_pointer (&now, g_free);
  now = concord_clock_now_iso ();
  g_assert_cmpstr (now, ==, "2026-11-23T08:00:00Z");

  /* The audit log runs in time order, and its chain holds. */
  g_assert_true (concord_store_verify_audit (fixture->store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) audit = concord_store_list_audit (fixture->store, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (audit->len, >, 100);
    for (guint i = 1; i < audit->len; i++)
      g_assert_cmpstr (((ConcordAuditEntry *) g_ptr_array_index (audit, i - 1))->at, <=,
                       ((ConcordAuditEntry *) g_ptr_array_index (audit, i))->at);
  }
}

/* The fixed clock of concord_clock_set_fixed() wins over CONCORD_NOW. */
static void
test_clock_fixed (void)
{
  g_autofree char *fixed = NULL;
  g_autofree char *back = NULL;
  g_autofree char *today = NULL;

  concord_clock_set_fixed ("2026-03-14T18:30:00+08:00");
  fixed = concord_clock_now_iso ();
  g_assert_cmpstr (fixed, ==, "2026-03-14T10:30:00Z");
  today = concord_clock_today_iso ();
  g_assert_cmpstr (today, ==, "2026-03-14");
  g_clear_pointer (&fixed, g_free);
  fixed = concord_clock_dup_fixed ();
  g_assert_cmpstr (fixed, ==, "2026-03-14T10:30:00Z");

  concord_clock_set_fixed (NULL);
  g_assert_null (concord_clock_dup_fixed ());
  back = concord_clock_now_iso ();
  g_assert_cmpstr (back, ==, "2026-11-23T08:00:00Z");

  /* A malformed time is a programming error and changes nothing. */
  concord_clock_set_fixed ("2026-03-14T10:30:00Z");
  g_test_expect_message ("concord-clock", G_LOG_LEVEL_CRITICAL, "*not an ISO-8601 time*");
  concord_clock_set_fixed ("yesterday");
  g_test_assert_expected_messages ();
  g_clear_pointer (&fixed, g_free);
  fixed = concord_clock_dup_fixed ();
  g_assert_cmpstr (fixed, ==, "2026-03-14T10:30:00Z");
  concord_clock_set_fixed (NULL);
}

static void
test_demo_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *const tables[] = {
    "cases", "session", "session_attendee", "note", "position", "legal_point", "referral",
    "stage_move", "team_member",
  };
  guint counts[G_N_ELEMENTS (tables)];

  load_demo (fixture->store, N_DEMO_CASES);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      counts[i] = count_rows (fixture->store, tables[i]);
      g_assert_cmpuint (counts[i], >, 0);
    }
  load_demo (fixture->store, 0);
  g_assert_cmpuint (count_matching (fixture->store, NULL), ==, N_DEMO_CASES);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpuint (count_rows (fixture->store, tables[i]), ==, counts[i]);
}

static void
test_demo_keeps_settings (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *station = NULL;

  g_assert_true (concord_store_set_setting (fixture->store, CONCORD_SETTING_STATION_NAME,
                                            "四方派出所人民调解室", "tester", &error));
  g_assert_no_error (error);
  load_demo (fixture->store, N_DEMO_CASES);
  station = concord_store_get_setting (fixture->store, CONCORD_SETTING_STATION_NAME);
  g_assert_cmpstr (station, ==, "四方派出所人民调解室");
}

static void
check_party_documents (const ConcordParty *party)
{
  g_autoptr(GError) error = NULL;
  ConcordIdInfo info;

  if (party->id_type == CONCORD_ID_RESIDENT)
    {
      g_assert_nonnull (party->id_number);
      g_assert_true (concord_validate_resident_id (party->id_number, &info, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (info.birth_date, ==, party->birth_date);
      g_assert_cmpint (info.gender, ==, party->gender);
    }
  else if (party->id_type == CONCORD_ID_CREDIT_CODE)
    {
      g_assert_true (concord_validate_credit_code (party->id_number, &error));
      g_assert_no_error (error);
    }
  if (party->phone != NULL)
    {
      g_assert_true (concord_validate_phone (party->phone, NULL, &error));
      g_assert_no_error (error);
    }
}

/* Every ID number, phone and date of every case (demo or generated) is
 * valid, and the whole case passes the intake validation. */
static void
check_all_cases_valid (ConcordStore *store)
{
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  all = concord_store_query_cases (store, query, 0, 100000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 0);

  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(ConcordCase) c = load_summary_case (store, g_ptr_array_index (all, i));
      g_autoptr(GPtrArray) problems = concord_case_validate (c);

      for (guint j = 0; j < problems->len; j++)
        {
          ConcordProblem *problem = g_ptr_array_index (problems, j);

          g_test_message ("%s %s: %s", c->case_no, problem->field, problem->message);
        }
      g_assert_cmpuint (problems->len, ==, 0);

      for (guint j = 0; j < c->parties->len; j++)
        {
          ConcordParty *party = g_ptr_array_index (c->parties, j);

          check_party_documents (party);
          if (party->agent != NULL)
            check_party_documents (party->agent);
        }
    }
}

static void
test_demo_documents (Fixture       *fixture,
                     gconstpointer  data)
{
  load_demo (fixture->store, N_DEMO_CASES);
  check_all_cases_valid (fixture->store);
}

static void
test_generate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_family, n_all;

  g_assert_true (concord_generate_cases (fixture->store, 600, 42, NULL, NULL, &error));
  g_assert_no_error (error);

  n_all = count_matching (fixture->store, NULL);
  g_assert_cmpuint (n_all, ==, 600);
  g_assert_cmpuint (count_matching (fixture->store, "纠纷"), >, 60);
  g_assert_cmpuint (count_matching (fixture->store, "纠纷"), <, 600);
  g_assert_cmpuint (count_matching (fixture->store, "张"), >, 10);

  {
    g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
    gboolean capped;

    query->category = g_strdup ("marriage_family");
    g_assert_true (concord_store_count_cases (fixture->store, query, 0, &n_family, &capped, &error));
    g_assert_no_error (error);
  }
  /* About 46%. */
  g_assert_cmpuint (n_family, >, 600 * 36 / 100);
  g_assert_cmpuint (n_family, <, 600 * 56 / 100);

  check_all_cases_valid (fixture->store);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer data)
{
  guint *calls = data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

/* The same seed gives the same cases. */
static void
test_generate_deterministic (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "second.db", NULL);
  g_autoptr(ConcordStore) second = NULL;
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(GPtrArray) first_cases = NULL;
  g_autoptr(GPtrArray) second_cases = NULL;

  g_assert_true (concord_generate_cases (fixture->store, 300, 7, NULL, NULL, &error));
  g_assert_no_error (error);

  second = concord_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (concord_generate_cases (second, 300, 7, NULL, NULL, &error));
  g_assert_no_error (error);

  first_cases = concord_store_query_cases (fixture->store, query, 0, 50, &error);
  g_assert_no_error (error);
  second_cases = concord_store_query_cases (second, query, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first_cases->len, ==, 50);
  g_assert_cmpuint (second_cases->len, ==, 50);
  for (guint i = 0; i < first_cases->len; i++)
    {
      ConcordCaseSummary *a = g_ptr_array_index (first_cases, i);
      ConcordCaseSummary *b = g_ptr_array_index (second_cases, i);

      g_assert_cmpstr (concord_case_summary_get_case_no (a), ==, concord_case_summary_get_case_no (b));
      g_assert_cmpstr (concord_case_summary_get_party_names (a), ==, concord_case_summary_get_party_names (b));
      g_assert_cmpstr (concord_case_summary_get_facts (a), ==, concord_case_summary_get_facts (b));
      g_assert_cmpstr (concord_case_summary_get_received_at (a), ==, concord_case_summary_get_received_at (b));
    }
}

/* Progress every 10,000 cases, and once at the end. */
static void
test_generate_progress (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  g_assert_true (concord_generate_cases (fixture->store, 10001, 3, progress_cb, &calls, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 2);
  g_assert_cmpuint (count_matching (fixture->store, NULL), ==, 10001);
}

int
main (int   argc,
      char *argv[])
{
  /* Received times and deadlines are computed from a fixed "now". */
  g_setenv ("CONCORD_NOW", "2026-11-23T08:00:00Z", TRUE);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/demo/counts", test_demo_counts);
  ADD ("/demo/fire", test_demo_fire);
  ADD ("/demo/scenarios", test_demo_scenarios);
  ADD ("/demo/fire-sessions", test_demo_fire_sessions);
  ADD ("/demo/failed", test_demo_failed);
  ADD ("/demo/work-order-later", test_demo_work_order_later);
  ADD ("/demo/linked", test_demo_linked);
  ADD ("/demo/family", test_demo_family);
  ADD ("/demo/police", test_demo_police);
  ADD ("/demo/clock", test_demo_clock);
  ADD ("/demo/twice", test_demo_twice);
  ADD ("/demo/keeps-settings", test_demo_keeps_settings);
  ADD ("/demo/documents", test_demo_documents);
  ADD ("/generate/cases", test_generate);
  g_test_add_func ("/clock/fixed", test_clock_fixed);
  ADD ("/generate/deterministic", test_generate_deterministic);
  ADD ("/generate/progress", test_generate_progress);

  return g_test_run ();
}
