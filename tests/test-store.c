/* test-store.c — the SQLite store: cases, parties, team, numbers, search,
 * decisions, settings, categories, audit, refusing bad files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include "concord-sqlite-store.h"
#include "test-fixtures.h"

static guint
count_cases (ConcordStore *store,
             const char   *text)
{
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(GError) error = NULL;
  guint count = 0;

  query->text = g_strdup (text);
  g_assert_true (concord_store_count_cases (store, query, 0, &count, NULL, &error));
  g_assert_no_error (error);
  return count;
}

static GPtrArray *
search (ConcordStore *store,
        const char   *text)
{
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  query->text = g_strdup (text);
  rows = concord_store_query_cases (store, query, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static char *
sql_text (ConcordStore *store,
          const char   *sql)
{
  g_autoptr(GError) error = NULL;
  char *text = _concord_sqlite_store_query_text (CONCORD_SQLITE_STORE (store), sql, &error);

  g_assert_no_error (error);
  return text;
}

static void
test_open_new (Fixture      *f,
               gconstpointer data)
{
  g_autofree char *mode = sql_text (f->store, "PRAGMA journal_mode");
  g_autofree char *fk = sql_text (f->store, "PRAGMA foreign_keys");
  g_autofree char *format = concord_store_get_setting (f->store, CONCORD_SETTING_CASE_NUMBER_FORMAT);

  g_assert_cmpint (concord_store_get_schema_version (f->store), ==, concord_store_latest_schema_version ());
  g_assert_cmpstr (concord_store_get_location (f->store), ==, f->path);
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpstr (fk, ==, "1");
  g_assert_cmpstr (format, ==, CONCORD_CASE_NUMBER_DEFAULT_FORMAT);
  g_assert_cmpuint (count_cases (f->store, NULL), ==, 0);
}

static void
test_save_and_load (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(ConcordCase) c = fixture_fire_case ();
  g_autoptr(ConcordCase) loaded = NULL;
  g_autoptr(ConcordCase) found = NULL;
  g_autoptr(GError) error = NULL;
  ConcordParty *wu;

  g_assert_true (concord_store_set_setting (f->store, CONCORD_SETTING_STATION_SHORT_NAME, "东城", "tester", &error));
  g_assert_no_error (error);
  g_setenv ("CONCORD_NOW", "2026-11-06T01:00:00Z", TRUE);

  g_assert_true (concord_store_save_case (f->store, c, "tester", &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->id, >, 0);
  g_assert_cmpstr (c->case_no, ==, "(2026)东城调字第0001号");
  g_assert_cmpstr (c->received_at, ==, "2026-11-06T01:00:00Z");
  /* Three working days to decide acceptance by default: received on a
   * Friday, due on Wednesday. */
  g_assert_cmpstr (c->due_at, ==, "2026-11-11T01:00:00Z");
  for (guint i = 0; i < c->parties->len; i++)
    g_assert_cmpint (((ConcordParty *) g_ptr_array_index (c->parties, i))->id, >, 0);
  for (guint i = 0; i < c->team->len; i++)
    g_assert_cmpint (((ConcordTeamMember *) g_ptr_array_index (c->team, i))->id, >, 0);

  loaded = concord_store_load_case (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->case_no, ==, c->case_no);
  g_assert_cmpint (loaded->source, ==, CONCORD_SOURCE_CALL_110);
  g_assert_cmpstr (loaded->incident_no, ==, "J3702032026110500123");
  g_assert_cmpstr (loaded->occurred_at, ==, "2026-11-05T12:30:00Z");
  g_assert_cmpstr (loaded->place, ==, "幸福路8号3单元");
  g_assert_cmpstr (loaded->category, ==, "damage");
  g_assert_cmpint (loaded->mediation_type, ==, CONCORD_MEDIATION_PEOPLE);
  g_assert_cmpstr (loaded->facts, ==, c->facts);
  g_assert_cmpint (loaded->stage, ==, CONCORD_STAGE_RECEIVED);
  g_assert_cmpuint (loaded->parties->len, ==, 3);
  g_assert_cmpstr (((ConcordParty *) g_ptr_array_index (loaded->parties, 0))->name, ==, "张某");
  g_assert_cmpstr (((ConcordParty *) g_ptr_array_index (loaded->parties, 1))->name, ==, "李某");
  wu = g_ptr_array_index (loaded->parties, 2);
  g_assert_cmpstr (wu->name, ==, "吴某");
  g_assert_cmpint (wu->role, ==, CONCORD_ROLE_RESPONDENT);
  g_assert_cmpint (wu->gender, ==, CONCORD_GENDER_MALE);
  g_assert_cmpstr (wu->ethnicity, ==, "汉族");
  g_assert_cmpstr (wu->birth_date, ==, "2004-01-15");
  g_assert_cmpstr (wu->id_number, ==, ((ConcordParty *) g_ptr_array_index (c->parties, 2))->id_number);
  g_assert_cmpstr (wu->phone, ==, "15805320003");
  g_assert_cmpstr (wu->occupation, ==, "大学生");
  g_assert_cmpstr (wu->claims, ==, "承认过错，但无力承担十三万元");
  g_assert_cmpint (wu->agent_kind, ==, CONCORD_AGENT_ENTRUSTED);
  g_assert_cmpstr (wu->agent_relation, ==, "父子");
  g_assert_nonnull (wu->agent);
  g_assert_cmpstr (wu->agent->name, ==, "吴父");
  g_assert_cmpstr (wu->agent->phone, ==, "15805320004");
  g_assert_cmpuint (loaded->team->len, ==, 3);
  g_assert_cmpstr (((ConcordTeamMember *) g_ptr_array_index (loaded->team, 0))->name, ==, "刘警官");
  g_assert_cmpint (((ConcordTeamMember *) g_ptr_array_index (loaded->team, 1))->role, ==, CONCORD_TEAM_LAWYER);
  g_assert_cmpstr (((ConcordTeamMember *) g_ptr_array_index (loaded->team, 1))->organisation, ==, "某律师事务所");

  found = concord_store_find_case (f->store, " (2026)东城调字第0001号 ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, c->id);

  g_assert_null (concord_store_find_case (f->store, "(2026)东城调字第9999号", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (concord_store_load_case (f->store, 424242, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND);

  g_unsetenv ("CONCORD_NOW");
}

static void
test_update_keeps_party_ids (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr(ConcordCase) c = fixture_fire_case ();
  g_autoptr(ConcordCase) edit = NULL;
  g_autoptr(ConcordCase) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *n_parties = NULL;
  g_autofree char *n_members = NULL;
  ConcordParty *added;
  gint64 zhang_id, wu_id;

  g_assert_true (concord_store_save_case (f->store, c, "tester", &error));
  g_assert_no_error (error);
  zhang_id = ((ConcordParty *) g_ptr_array_index (c->parties, 0))->id;
  wu_id = ((ConcordParty *) g_ptr_array_index (c->parties, 2))->id;

  /* Remove Li, change Zhang's phone, drop Wu's agent, add a party. */
  edit = concord_case_copy (c);
  g_ptr_array_remove_index (edit->parties, 1);
  concord_set_text (&((ConcordParty *) g_ptr_array_index (edit->parties, 0))->phone, "+86 138-0532-9999");
  ((ConcordParty *) g_ptr_array_index (edit->parties, 1))->agent_kind = CONCORD_AGENT_NONE;
  g_clear_pointer (&((ConcordParty *) g_ptr_array_index (edit->parties, 1))->agent, concord_party_unref);
  added = concord_party_new ();
  added->name = g_strdup ("物业公司");
  added->kind = CONCORD_PARTY_ORGANISATION;
  added->role = CONCORD_ROLE_THIRD_PARTY;
  added->id_type = CONCORD_ID_NONE;
  g_ptr_array_add (edit->parties, added);
  concord_set_text (&edit->facts, "补充：物业公司参与协调。");

  g_assert_true (concord_store_save_case (f->store, edit, "tester", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (edit->case_no, ==, c->case_no);

  loaded = concord_store_load_case (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->parties->len, ==, 3);
  g_assert_cmpint (((ConcordParty *) g_ptr_array_index (loaded->parties, 0))->id, ==, zhang_id);
  g_assert_cmpstr (((ConcordParty *) g_ptr_array_index (loaded->parties, 0))->phone, ==, "13805329999");
  g_assert_cmpint (((ConcordParty *) g_ptr_array_index (loaded->parties, 1))->id, ==, wu_id);
  g_assert_null (((ConcordParty *) g_ptr_array_index (loaded->parties, 1))->agent);
  g_assert_cmpstr (((ConcordParty *) g_ptr_array_index (loaded->parties, 2))->name, ==, "物业公司");
  g_assert_cmpstr (loaded->facts, ==, "补充：物业公司参与协调。");

  /* Li and Wu's agent are gone from the table; the members were reused. */
  n_parties = sql_text (f->store, "SELECT count(*) FROM party");
  g_assert_cmpstr (n_parties, ==, "3");
  n_members = sql_text (f->store, "SELECT count(*) FROM team_member");
  g_assert_cmpstr (n_members, ==, "3");

  /* The search index follows the edit. */
  g_assert_cmpuint (count_cases (f->store, "李某"), ==, 0);
  g_assert_cmpuint (count_cases (f->store, "物业"), ==, 1);
  g_assert_cmpuint (count_cases (f->store, "13805329999"), ==, 1);
  g_assert_cmpuint (count_cases (f->store, "13805320001"), ==, 0);
  g_assert_true (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (f->store),
                                             "INSERT INTO case_search (case_search) VALUES ('integrity-check')",
                                             &error));
  g_assert_no_error (error);
}

static void
test_invalid_not_saved (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(ConcordCase) c = fixture_fire_case ();
  g_autoptr(ConcordCase) empty = concord_case_new ();
  g_autoptr(GError) error = NULL;
  ConcordParty *zhang = g_ptr_array_index (c->parties, 0);

  /* Wrong check digit. */
  zhang->id_number[17] = zhang->id_number[17] == '1' ? '2' : '1';
  g_assert_false (concord_store_save_case (f->store, c, "tester", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (c->id, ==, 0);
  g_assert_null (c->case_no);

  g_assert_false (concord_store_save_case (f->store, empty, "tester", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);

  /* An unknown category is refused before anything is written. */
  g_clear_pointer (&c, concord_case_unref);
  c = fixture_fire_case ();
  concord_set_text (&c->category, "no_such_category");
  g_assert_false (concord_store_save_case (f->store, c, "tester", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (count_cases (f->store, NULL), ==, 0);
}

static void
test_failed_write_rolls_back (Fixture      *f,
                              gconstpointer data)
{
  g_autoptr(ConcordCase) c = fixture_fire_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *n_parties = NULL;
  g_autofree char *n_audit = NULL;
  g_autofree char *seq = NULL;
  ConcordTeamMember *ghost;

  /* A team member id that does not exist fails the foreign key after the
   * case and its parties were written: all of it must go. */
  ghost = g_ptr_array_index (c->team, 2);
  ghost->id = 987654;
  g_assert_false (concord_store_save_case (f->store, c, "tester", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (c->id, ==, 0);
  g_assert_null (c->case_no);
  for (guint i = 0; i < c->parties->len; i++)
    g_assert_cmpint (((ConcordParty *) g_ptr_array_index (c->parties, i))->id, ==, 0);
  g_assert_cmpint (((ConcordTeamMember *) g_ptr_array_index (c->team, 0))->id, ==, 0);
  g_assert_cmpuint (count_cases (f->store, NULL), ==, 0);
  n_parties = sql_text (f->store, "SELECT count(*) FROM party");
  g_assert_cmpstr (n_parties, ==, "0");
  n_audit = sql_text (f->store, "SELECT count(*) FROM audit");
  g_assert_cmpstr (n_audit, ==, "0");
  seq = sql_text (f->store, "SELECT count(*) FROM case_sequence");
  g_assert_cmpstr (seq, ==, "0");

  /* Fixed, the same record saves and gets number 1. */
  ghost->id = 0;
  g_assert_true (concord_store_save_case (f->store, c, "tester", &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (c->case_no, "第0001号"));
}

static void
test_case_numbers_yearly (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *times[] = {
    "2025-12-31T15:59:59Z",  /* 23:59:59 in Shanghai: still 2025 */
    "2025-12-31T16:00:00Z",  /* midnight in Shanghai: 2026 */
    "2026-03-01T02:00:00Z",
  };
  const char *expected[] = {
    "(2025)调字第0001号", "(2026)调字第0001号", "(2026)调字第0002号",
  };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(ConcordCase) c = fixture_quick_case ("赵某", "一句话。");

      c->received_at = g_strdup (times[i]);
      g_assert_true (concord_store_save_case (f->store, c, "tester", &error));
      g_assert_no_error (error);
      g_assert_cmpstr (c->case_no, ==, expected[i]);
    }

  /* A format changed so that it repeats an earlier number: skipped. */
  g_assert_true (concord_store_set_setting (f->store, CONCORD_SETTING_CASE_NUMBER_FORMAT,
                                            "({year})调字第{seq:4}号", "tester", &error));
  g_assert_no_error (error);
  g_assert_false (concord_store_set_setting (f->store, CONCORD_SETTING_CASE_NUMBER_FORMAT,
                                             "({year})调字第号", "tester", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
}

typedef struct
{
  const char *path;
  GPtrArray  *numbers;
  GMutex     *lock;
} SaverData;

static gpointer
saver_thread (gpointer user_data)
{
  SaverData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordStore) store = concord_store_open (data->path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(ConcordCase) c = fixture_quick_case ("钱某", "两个窗口同时保存。");

      g_assert_true (concord_store_save_case (store, c, "tester", &error));
      g_assert_no_error (error);
      g_mutex_lock (data->lock);
      g_ptr_array_add (data->numbers, g_strdup (c->case_no));
      g_mutex_unlock (data->lock);
    }
  return NULL;
}

static void
test_case_numbers_concurrent (Fixture      *f,
                              gconstpointer data)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GMutex lock;
  SaverData saver = { f->path, numbers, &lock };
  GThread *threads[3];

  /* Three connections, as three windows or programs would have. */
  g_mutex_init (&lock);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("saver", saver_thread, &saver);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&lock);

  g_assert_cmpuint (numbers->len, ==, 120);
  for (guint i = 0; i < numbers->len; i++)
    g_assert_true (g_hash_table_add (seen, g_ptr_array_index (numbers, i)));
  for (guint seq = 1; seq <= 120; seq++)
    {
      g_autoptr(GDateTime) now = concord_clock_now ();
      g_autoptr(GDateTime) local = g_date_time_to_local (now);
      g_autofree char *expected = g_strdup_printf ("(%d)调字第%04u号", g_date_time_get_year (local), seq);

      g_assert_true (g_hash_table_contains (seen, expected));
    }
}

static void
save_or_die (ConcordStore *store,
             ConcordCase  *c)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = concord_store_save_case (store, c, "tester", &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
test_search (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(ConcordCase) fire = fixture_fire_case ();
  g_autoptr(ConcordCase) dance = fixture_quick_case ("孙某", "广场舞噪音扰民引发邻里纠纷。");
  g_autoptr(ConcordCase) debt = fixture_quick_case ("周某", "拖欠货款纠纷。");
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *id_tail = NULL;
  ConcordParty *zhang;

  save_or_die (f->store, fire);
  save_or_die (f->store, dance);
  save_or_die (f->store, debt);
  zhang = g_ptr_array_index (fire->parties, 0);

  /* Two-character Chinese words, one character, names. */
  g_assert_cmpuint (count_cases (f->store, "纠纷"), ==, 2);
  g_assert_cmpuint (count_cases (f->store, "火灾"), ==, 1);
  g_assert_cmpuint (count_cases (f->store, "张"), ==, 1);
  g_assert_cmpuint (count_cases (f->store, "张某"), ==, 1);
  g_assert_cmpuint (count_cases (f->store, "邻里纠纷"), ==, 1);
  /* Characters that are not adjacent do not make a phrase. */
  g_assert_cmpuint (count_cases (f->store, "纠货"), ==, 0);
  /* Words are ANDed. */
  g_assert_cmpuint (count_cases (f->store, "纠纷 货款"), ==, 1);
  /* Phone numbers, whole and by a part from the middle; ID numbers. */
  g_assert_cmpuint (count_cases (f->store, "13805320001"), ==, 1);
  g_assert_cmpuint (count_cases (f->store, "0532000"), ==, 1);
  g_assert_cmpuint (count_cases (f->store, zhang->id_number), ==, 1);
  id_tail = g_ascii_strdown (zhang->id_number + 10, -1);
  g_assert_cmpuint (count_cases (f->store, id_tail), ==, 1);
  /* Case numbers, whole or by their number. */
  g_assert_cmpuint (count_cases (f->store, fire->case_no), ==, 1);
  g_assert_cmpuint (count_cases (f->store, "0003"), ==, 2);   /* case 3, and a phone ending 0003 */
  g_assert_cmpuint (count_cases (f->store, "第0003号"), ==, 1);
  /* The police incident number. */
  g_assert_cmpuint (count_cases (f->store, "J3702032026110500123"), ==, 1);
  /* Nothing to search for, and FTS syntax typed by a user, are harmless. */
  g_assert_cmpuint (count_cases (f->store, "，。"), ==, 0);
  g_assert_cmpuint (count_cases (f->store, "\"纠纷 OR NEAR("), ==, 0);

  /* Newest first. */
  rows = search (f->store, "纠纷");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (concord_case_summary_get_id (g_ptr_array_index (rows, 0)), ==, debt->id);
  g_assert_cmpint (concord_case_summary_get_id (g_ptr_array_index (rows, 1)), ==, dance->id);
  g_assert_cmpstr (concord_case_summary_get_party_names (g_ptr_array_index (rows, 1)), ==, "孙某");
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = search (f->store, "火灾");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (concord_case_summary_get_case_no (g_ptr_array_index (rows, 0)), ==, fire->case_no);
  g_assert_cmpstr (concord_case_summary_get_party_names (g_ptr_array_index (rows, 0)), ==, "张某、李某、吴某");
  g_assert_cmpstr (concord_case_summary_get_category (g_ptr_array_index (rows, 0)), ==, "damage");
  g_assert_nonnull (concord_case_summary_get_category_label (g_ptr_array_index (rows, 0)));
}

static void
test_filters_and_paging (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) fire = fixture_fire_case ();
  guint count = 0;
  gboolean capped = FALSE;
  gint64 last_id;

  g_setenv ("CONCORD_NOW", "2026-11-06T00:00:00Z", TRUE);
  save_or_die (f->store, fire);
  g_assert_true (concord_store_save_case (f->store, fire, "tester", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 25; i++)
    {
      g_autoptr(ConcordCase) c = fixture_quick_case ("郑某", i % 2 ? "邻居噪音纠纷。" : "合同欠款。");

      c->category = g_strdup (i % 2 ? "neighbour" : "contract");
      c->mediation_type = i % 5 == 0 ? CONCORD_MEDIATION_POLICE : CONCORD_MEDIATION_PEOPLE;
      save_or_die (f->store, c);
      if (i < 10)
        {
          g_assert_true (concord_store_decide_case (f->store, c->id, TRUE, NULL, "tester", &error));
          g_assert_no_error (error);
        }
    }

  /* Received on Friday 6 November with 3 working days to decide: due on
   * Wednesday 11 November, overdue right after. The 10 accepted ones have
   * 7 working days to their first session: Tuesday 17 November. */
  g_setenv ("CONCORD_NOW", "2026-11-11T00:00:00Z", TRUE);
  query->overdue = TRUE;
  g_assert_true (concord_store_count_cases (f->store, query, 0, &count, NULL, &error));
  g_assert_cmpuint (count, ==, 0);
  g_setenv ("CONCORD_NOW", "2026-11-11T00:00:01Z", TRUE);
  g_assert_true (concord_store_count_cases (f->store, query, 0, &count, NULL, &error));
  g_assert_cmpuint (count, ==, 16);
  g_setenv ("CONCORD_NOW", "2026-11-16T23:59:59Z", TRUE);
  g_assert_true (concord_store_count_cases (f->store, query, 0, &count, NULL, &error));
  g_assert_cmpuint (count, ==, 16);
  g_setenv ("CONCORD_NOW", "2026-11-17T00:00:01Z", TRUE);
  g_assert_true (concord_store_count_cases (f->store, query, 0, &count, NULL, &error));
  g_assert_cmpuint (count, ==, 26);
  query->overdue = FALSE;

  query->stage = CONCORD_STAGE_ACCEPTED;
  g_assert_true (concord_store_count_cases (f->store, query, 0, &count, NULL, &error));
  g_assert_cmpuint (count, ==, 10);
  query->stage = -1;

  query->category = g_strdup ("neighbour");
  g_assert_true (concord_store_count_cases (f->store, query, 0, &count, NULL, &error));
  g_assert_cmpuint (count, ==, 12);
  query->text = g_strdup ("噪音");
  g_assert_true (concord_store_count_cases (f->store, query, 0, &count, NULL, &error));
  g_assert_cmpuint (count, ==, 12);
  g_clear_pointer (&query->text, g_free);
  g_clear_pointer (&query->category, g_free);

  query->mediation_type = CONCORD_MEDIATION_POLICE;
  g_assert_true (concord_store_count_cases (f->store, query, 0, &count, NULL, &error));
  g_assert_cmpuint (count, ==, 5);
  query->mediation_type = -1;

  query->mine = g_strdup ("liu");
  rows = concord_store_query_cases (f->store, query, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (concord_case_summary_get_id (g_ptr_array_index (rows, 0)), ==, fire->id);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&query->mine, g_free);

  /* Keyset paging: pages of 10 cover all 26 once, newest first. */
  last_id = 0;
  for (guint page = 0, seen = 0; ; page++)
    {
      rows = concord_store_query_cases (f->store, query, last_id, 10, &error);
      g_assert_no_error (error);
      if (rows->len == 0)
        {
          g_assert_cmpuint (seen, ==, 26);
          g_clear_pointer (&rows, g_ptr_array_unref);
          break;
        }
      for (guint i = 0; i < rows->len; i++)
        {
          gint64 id = concord_case_summary_get_id (g_ptr_array_index (rows, i));

          g_assert_true (last_id == 0 || id < last_id);
          last_id = id;
        }
      seen += rows->len;
      g_clear_pointer (&rows, g_ptr_array_unref);
    }

  /* A capped count stops at the cap. */
  query->text = g_strdup ("某");
  g_assert_true (concord_store_count_cases (f->store, query, 20, &count, &capped, &error));
  g_assert_cmpuint (count, ==, 20);
  g_assert_true (capped);
  g_assert_true (concord_store_count_cases (f->store, query, 100, &count, &capped, &error));
  g_assert_cmpuint (count, ==, 26);
  g_assert_false (capped);

  g_unsetenv ("CONCORD_NOW");
}

static void
test_decide (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(ConcordCase) a = fixture_quick_case ("冯某", "一句话的纠纷。");
  g_autoptr(ConcordCase) b = fixture_quick_case ("陈某", "另一件纠纷。");
  g_autoptr(ConcordCase) loaded = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("CONCORD_NOW", "2026-11-20T08:00:00Z", TRUE);
  save_or_die (f->store, a);
  save_or_die (f->store, b);

  g_assert_true (concord_store_decide_case (f->store, a->id, TRUE, NULL, "mediator", &error));
  g_assert_no_error (error);
  loaded = concord_store_load_case (f->store, a->id, &error);
  g_assert_cmpint (loaded->stage, ==, CONCORD_STAGE_ACCEPTED);
  /* Seven working days from Friday 20 November, 16:00 in Qingdao. */
  g_assert_cmpstr (loaded->due_at, ==, "2026-12-01T08:00:00Z");
  g_clear_pointer (&loaded, concord_case_unref);

  /* Deciding twice is refused with the reason. */
  g_assert_false (concord_store_decide_case (f->store, a->id, FALSE, "重复", "mediator", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);

  /* Not accepting needs a reason. */
  g_assert_false (concord_store_decide_case (f->store, b->id, FALSE, "  ", "mediator", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (concord_store_decide_case (f->store, b->id, FALSE, "属于劳动仲裁受理范围", "mediator", &error));
  g_assert_no_error (error);
  loaded = concord_store_load_case (f->store, b->id, &error);
  g_assert_cmpint (loaded->stage, ==, CONCORD_STAGE_NOT_ACCEPTED);
  g_assert_cmpstr (loaded->stage_reason, ==, "属于劳动仲裁受理范围");
  g_assert_null (loaded->due_at);

  g_assert_false (concord_store_decide_case (f->store, 99999, TRUE, NULL, "mediator", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  audit = concord_store_list_audit (f->store, b->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpstr (((ConcordAuditEntry *) g_ptr_array_index (audit, 0))->action, ==, "case.create");
  g_assert_cmpstr (((ConcordAuditEntry *) g_ptr_array_index (audit, 1))->action, ==, "case.not-accept");
  g_assert_cmpstr (((ConcordAuditEntry *) g_ptr_array_index (audit, 1))->actor, ==, "mediator");
  g_assert_cmpstr (((ConcordAuditEntry *) g_ptr_array_index (audit, 1))->at, ==, "2026-11-20T08:00:00Z");
  g_unsetenv ("CONCORD_NOW");
}

static void
test_audit_chain (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(ConcordCase) c = fixture_fire_case ();
  g_autoptr(GError) error = NULL;

  save_or_die (f->store, c);
  g_assert_true (concord_store_decide_case (f->store, c->id, TRUE, NULL, "tester", &error));
  g_assert_true (concord_store_verify_audit (f->store, &error));
  g_assert_no_error (error);

  /* The log refuses changes… */
  g_assert_false (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (f->store),
                                              "UPDATE audit SET actor = 'someone else'", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (f->store),
                                              "DELETE FROM audit", &error));
  g_clear_error (&error);

  /* …and a change made around the triggers breaks the chain. */
  g_assert_true (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (f->store),
                                             "DROP TRIGGER audit_no_update;"
                                             "UPDATE audit SET actor = 'someone else' WHERE id = 1;",
                                             &error));
  g_assert_no_error (error);
  g_assert_false (concord_store_verify_audit (f->store, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CORRUPT);
}

static void
test_settings_categories_members (Fixture      *f,
                                  gconstpointer data)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(ConcordTeamMember) member = concord_team_member_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *label = NULL;
  gboolean found_custom = FALSE;

  g_assert_true (concord_store_set_setting (f->store, CONCORD_SETTING_STATION_NAME, "东城派出所", "admin", &error));
  value = concord_store_get_setting (f->store, CONCORD_SETTING_STATION_NAME);
  g_assert_cmpstr (value, ==, "东城派出所");
  g_clear_pointer (&value, g_free);
  g_assert_true (concord_store_set_setting (f->store, CONCORD_SETTING_STATION_NAME, NULL, "admin", &error));
  value = concord_store_get_setting (f->store, CONCORD_SETTING_STATION_NAME);
  g_assert_null (value);
  g_assert_false (concord_store_set_setting (f->store, CONCORD_SETTING_LIMIT_RECEIVED_DAYS, "0", "admin", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);

  categories = concord_store_list_categories (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 16);
  g_clear_pointer (&categories, g_ptr_array_unref);

  g_assert_true (concord_store_save_category (f->store, "pets", "宠物饲养", TRUE, "admin", &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_save_category (f->store, "medical", NULL, FALSE, "admin", &error));
  g_assert_no_error (error);
  g_assert_false (concord_store_save_category (f->store, "Bad Code", "x", TRUE, "admin", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (concord_store_save_category (f->store, "unnamed", "  ", TRUE, "admin", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);

  categories = concord_store_list_categories (f->store, FALSE, &error);
  g_assert_cmpuint (categories->len, ==, 16);   /* one added, one made inactive */
  for (guint i = 0; i < categories->len; i++)
    {
      ConcordCategory *category = g_ptr_array_index (categories, i);

      g_assert_cmpstr (category->code, !=, "medical");
      if (g_str_equal (category->code, "pets"))
        {
          g_assert_cmpstr (category->label, ==, "宠物饲养");
          g_assert_false (category->builtin);
          found_custom = TRUE;
        }
    }
  g_assert_true (found_custom);
  label = concord_store_dup_category_label (f->store, "pets");
  g_assert_cmpstr (label, ==, "宠物饲养");

  member->name = g_strdup ("  王调解员 ");
  member->phone = g_strdup ("13812345678");
  member->username = g_strdup ("wang");
  g_assert_true (concord_store_save_member (f->store, member, "admin", &error));
  g_assert_no_error (error);
  g_assert_cmpint (member->id, >, 0);
  concord_set_text (&member->phone, "12");
  g_assert_false (concord_store_save_member (f->store, member, "admin", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  members = concord_store_list_members (f->store, &error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (((ConcordTeamMember *) g_ptr_array_index (members, 0))->name, ==, "王调解员");
  g_assert_cmpstr (((ConcordTeamMember *) g_ptr_array_index (members, 0))->phone, ==, "13812345678");
}

static void
test_normalized_on_save (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(ConcordCase) c = fixture_fire_case ();
  g_autoptr(ConcordCase) loaded = NULL;
  g_autoptr(GError) error = NULL;
  ConcordParty *zhang = g_ptr_array_index (c->parties, 0);
  ConcordParty *li = g_ptr_array_index (c->parties, 1);

  concord_set_text (&zhang->birth_date, "1968年4月12日");
  g_free (li->phone);
  li->phone = g_strdup ("   ");
  g_free (c->occurred_at);
  c->occurred_at = g_strdup ("2026-11-05T20:30:00+08:00");
  g_free (c->place);
  c->place = g_strdup ("  幸福路8号  ");
  save_or_die (f->store, c);

  loaded = concord_store_load_case (f->store, c->id, &error);
  g_assert_no_error (error);
  zhang = g_ptr_array_index (loaded->parties, 0);
  li = g_ptr_array_index (loaded->parties, 1);
  g_assert_cmpstr (zhang->birth_date, ==, "1968-04-12");
  g_assert_null (li->phone);
  g_assert_cmpstr (loaded->occurred_at, ==, "2026-11-05T12:30:00Z");
  g_assert_cmpstr (loaded->place, ==, "幸福路8号");
}

static void
test_members_follow_cases (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(ConcordTeamMember) mediator = concord_team_member_new ();
  g_autoptr(ConcordCase) c = fixture_quick_case ("韩某", "一句话。");
  g_autoptr(ConcordCase) d = fixture_quick_case ("杨某", "又一句话。");
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  ConcordTeamMember *on_case;

  /* Saved with spaces, matched without: one member. */
  mediator->name = g_strdup ("王调解员");
  mediator->phone = g_strdup ("138 0013 8000");
  g_assert_true (concord_store_save_member (f->store, mediator, "admin", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mediator->phone, ==, "13800138000");

  on_case = concord_team_member_new ();
  on_case->name = g_strdup ("王调解员");
  on_case->phone = g_strdup ("13800138000");
  g_ptr_array_add (c->team, on_case);
  save_or_die (f->store, c);
  g_assert_cmpint (on_case->id, ==, mediator->id);

  /* A new phone typed for a known member updates the member. */
  on_case = concord_team_member_copy (mediator);
  concord_set_text (&on_case->phone, "13900139000");
  concord_set_text (&on_case->organisation, "东城街道人民调解委员会");
  g_ptr_array_add (d->team, on_case);
  save_or_die (f->store, d);

  members = concord_store_list_members (f->store, &error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (((ConcordTeamMember *) g_ptr_array_index (members, 0))->phone, ==, "13900139000");
  g_assert_cmpstr (((ConcordTeamMember *) g_ptr_array_index (members, 0))->organisation, ==, "东城街道人民调解委员会");
}

static void
test_batches (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(ConcordCase) fire = fixture_fire_case ();
  g_autoptr(ConcordCase) quick = fixture_quick_case ("魏某", "批量中登记。");
  g_autoptr(GError) error = NULL;
  ConcordParty *zhang;

  /* A case saved twice in one batch is indexed with its last text only. */
  g_assert_true (concord_store_begin_batch (f->store, &error));
  save_or_die (f->store, fire);
  zhang = g_ptr_array_index (fire->parties, 0);
  concord_set_text (&zhang->phone, "13805321111");
  concord_set_text (&fire->facts, "改写后的事实：楼道失火。");
  save_or_die (f->store, fire);
  g_assert_true (concord_store_commit_batch (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_cases (f->store, "火灾"), ==, 0);
  g_assert_cmpuint (count_cases (f->store, "失火"), ==, 1);
  g_assert_cmpuint (count_cases (f->store, "13805320001"), ==, 0);
  g_assert_cmpuint (count_cases (f->store, "13805321111"), ==, 1);

  /* …and updated again in a later batch, the earlier text goes. */
  g_assert_true (concord_store_begin_batch (f->store, &error));
  concord_set_text (&fire->facts, "再次改写：电线短路。");
  save_or_die (f->store, fire);
  g_assert_true (concord_store_commit_batch (f->store, &error));
  g_assert_cmpuint (count_cases (f->store, "失火"), ==, 0);
  g_assert_cmpuint (count_cases (f->store, "短路"), ==, 1);

  /* A batch rolled back inside leaves nothing, and its commit says so. */
  g_assert_true (concord_store_begin_batch (f->store, &error));
  g_assert_true (concord_store_begin_batch (f->store, &error));
  save_or_die (f->store, quick);
  concord_store_rollback_batch (f->store);
  g_assert_false (concord_store_commit_batch (f->store, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (count_cases (f->store, "魏某"), ==, 0);
  g_assert_cmpuint (count_cases (f->store, NULL), ==, 1);
}

static void
test_file_private (Fixture      *f,
                   gconstpointer data)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_refuses_newer (void)
{
  g_autofree char *dir = g_dir_make_tmp ("concord-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GError) error = NULL;
  ConcordStore *store;

  store = concord_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (store),
                                             "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99", &error));
  g_object_unref (store);
  before = file_checksum (path);

  store = concord_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_TOO_NEW);
  g_assert_nonnull (strstr (error->message, path));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  fixture_remove_dir (dir);
}

static void
test_refuses_garbage (void)
{
  g_autofree char *dir = g_dir_make_tmp ("concord-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  char garbage[8192];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) (i * 7 + 3);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));
  before = file_checksum (path);
  g_assert_null (concord_store_open (path, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CORRUPT);
  g_clear_error (&error);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* An SQLite file of another program is not ours to migrate. */
  {
    g_autoptr(ConcordStore) other = _concord_sqlite_store_open_at_version (foreign, 0, &error);

    g_assert_no_error (error);
    g_assert_true (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (other),
                                               "CREATE TABLE photos (id INTEGER)", &error));
  }
  g_assert_null (concord_store_open (foreign, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CORRUPT);
  g_clear_error (&error);

  /* A folder where the file should be. */
  g_assert_null (concord_store_open (dir, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CANNOT_OPEN);

  fixture_remove_dir (dir);
}

static void
test_refuses_no_permission (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("file permissions do not bind root");
      return;
    }

  dir = g_dir_make_tmp ("concord-test-XXXXXX", NULL);
  path = g_build_filename (dir, "locked.db", NULL);
  g_object_unref (concord_store_open (path, &error));
  g_assert_no_error (error);
  g_chmod (path, 0400);
  g_assert_null (concord_store_open (path, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CANNOT_OPEN);
  g_chmod (path, 0600);
  fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/open-new", test_open_new);
  ADD ("/store/save-and-load", test_save_and_load);
  ADD ("/store/update-keeps-party-ids", test_update_keeps_party_ids);
  ADD ("/store/invalid-not-saved", test_invalid_not_saved);
  ADD ("/store/failed-write-rolls-back", test_failed_write_rolls_back);
  ADD ("/store/case-numbers/yearly", test_case_numbers_yearly);
  ADD ("/store/case-numbers/concurrent", test_case_numbers_concurrent);
  ADD ("/store/search", test_search);
  ADD ("/store/filters-and-paging", test_filters_and_paging);
  ADD ("/store/decide", test_decide);
  ADD ("/store/audit-chain", test_audit_chain);
  ADD ("/store/settings-categories-members", test_settings_categories_members);
  ADD ("/store/normalized-on-save", test_normalized_on_save);
  ADD ("/store/batches", test_batches);
  ADD ("/store/file-private", test_file_private);
  ADD ("/store/members-follow-cases", test_members_follow_cases);
#undef ADD
  g_test_add_func ("/store/refuses/newer", test_refuses_newer);
  g_test_add_func ("/store/refuses/garbage", test_refuses_garbage);
  g_test_add_func ("/store/refuses/no-permission", test_refuses_no_permission);

  return g_test_run ();
}
