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
  g_assert_cmpint (c->stage, ==, CONCORD_STAGE_ACCEPTED);
  g_assert_nonnull (c->incident_no);
  g_assert_nonnull (c->case_no);
  g_assert_cmpstr (c->received_at, ==, "2026-03-14T02:40:00Z");
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

static void
test_demo_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  load_demo (fixture->store, N_DEMO_CASES);
  load_demo (fixture->store, 0);
  g_assert_cmpuint (count_matching (fixture->store, NULL), ==, N_DEMO_CASES);
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
  ADD ("/demo/twice", test_demo_twice);
  ADD ("/demo/keeps-settings", test_demo_keeps_settings);
  ADD ("/demo/documents", test_demo_documents);
  ADD ("/generate/cases", test_generate);
  ADD ("/generate/deterministic", test_generate_deterministic);
  ADD ("/generate/progress", test_generate_progress);

  return g_test_run ();
}
