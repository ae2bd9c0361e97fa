/* test-migrations.c — every earlier schema version upgrades to the latest
 * with its data intact; a failed upgrade changes nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concord-sqlite-store.h"
#include "test-fixtures.h"

/* Data as a database of @version held it, written with that version's
 * schema (SQL, not today's code). */
static void
fill_version (ConcordStore *store,
              int           version)
{
  g_autoptr(GError) error = NULL;

  if (version < 1)
    return;

  g_assert_true (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (store),
    "INSERT INTO settings (key, value) VALUES ('station.short-name', '东城');"
    "INSERT INTO team_member (id, name, role, phone, created_at)"
    "  VALUES (1, '王调解员', 'mediator', '13812345678', '2026-01-02T03:04:05Z');"
    "INSERT INTO case_sequence (year, last) VALUES (2026, 7);"
    "INSERT INTO cases (id, case_no, year, seq, source, category, mediation_type, facts, stage,"
    "  received_at, due_at, updated_at, party_names)"
    "  VALUES (7, '(2026)东城调字第0007号', 2026, 7, 'call110', 'damage', 'people',"
    "  '租户用电不慎引发火灾，殃及楼上邻居。', 'accepted', '2026-03-01T02:00:00Z', NULL,"
    "  '2026-03-01T02:00:00Z', '张某、吴某');"
    "INSERT INTO party (id, case_id, position, kind, role, name, gender, id_type, phone)"
    "  VALUES (1, 7, 0, 'person', 'applicant', '张某', 'male', 'none', '13805320001');"
    "INSERT INTO party (id, case_id, position, kind, role, name, gender, id_type)"
    "  VALUES (2, 7, 1, 'person', 'respondent', '吴某', 'male', 'none');"
    "INSERT INTO case_team (case_id, position, member_id, role) VALUES (7, 0, 1, 'mediator');",
    &error));
  g_assert_no_error (error);

  if (version >= 2)
    {
      /* Version 2 indexes cases for search as they are written: the same
       * fields in the same order as _concord_sqlite_search_body(). */
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *sql = NULL;
      const char *fields[] = {
        "(2026)东城调字第0007号", NULL, NULL, NULL, "租户用电不慎引发火灾，殃及楼上邻居。",
        "张某", "13805320001", NULL, NULL,
        "吴某", NULL, NULL, NULL,
      };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        concord_search_text_append (body, fields[i]);
      g_assert_null (strchr (body->str, '\''));
      sql = g_strdup_printf ("INSERT INTO case_search (rowid, body) VALUES (7, '%s')", body->str);
      g_assert_true (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (store), sql, &error));
      g_assert_no_error (error);
    }

  if (version >= 3)
    {
      /* Version 3 keeps the history of stages. */
      g_assert_true (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (store),
        "INSERT INTO stage_move (case_id, from_stage, to_stage, at, actor)"
        "  VALUES (7, NULL, 'received', '2026-03-01T01:00:00Z', '王调解员');"
        "INSERT INTO stage_move (case_id, from_stage, to_stage, at, actor)"
        "  VALUES (7, 'received', 'accepted', '2026-03-01T02:00:00Z', '王调解员');",
        &error));
      g_assert_no_error (error);
    }
}

static void
check_upgraded (ConcordStore *store,
                int           from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(ConcordCase) fresh = fixture_quick_case ("新当事人", "升级后登记的纠纷。");
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) moves = NULL;

  g_assert_cmpint (concord_store_get_schema_version (store), ==, concord_store_latest_schema_version ());
  categories = concord_store_list_categories (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 16);

  if (from >= 1)
    {
      g_autoptr(ConcordCase) old = concord_store_find_case (store, "(2026)东城调字第0007号", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (old->parties->len, ==, 2);
      g_assert_cmpstr (((ConcordParty *) g_ptr_array_index (old->parties, 0))->name, ==, "张某");
      g_assert_cmpuint (old->team->len, ==, 1);
      g_assert_cmpint (old->stage, ==, CONCORD_STAGE_ACCEPTED);

      /* Every case has a history of its stages; cases from before version
       * 3 get one entry for the stage they were at. */
      moves = concord_store_list_stage_moves (store, old->id, &error);
      g_assert_no_error (error);
      if (from < 3)
        {
          ConcordStageMove *move;

          g_assert_cmpuint (moves->len, ==, 1);
          move = g_ptr_array_index (moves, 0);
          g_assert_cmpint (move->case_id, ==, 7);
          g_assert_cmpint (move->from_stage, ==, -1);
          g_assert_cmpint (move->to_stage, ==, CONCORD_STAGE_ACCEPTED);
          g_assert_cmpstr (move->at, ==, "2026-03-01T02:00:00Z");
          g_assert_cmpstr (move->actor, ==, "migration");
          g_assert_null (move->reason);
        }
      else
        g_assert_cmpuint (moves->len, ==, 2);
      g_clear_pointer (&moves, g_ptr_array_unref);

      /* …and moves on from there. */
      g_assert_true (concord_store_move_stage (store, old->id, CONCORD_STAGE_FACE_TO_FACE, NULL, "王调解员", &error));
      g_assert_no_error (error);
      moves = concord_store_list_stage_moves (store, old->id, &error);
      g_assert_cmpuint (moves->len, ==, from < 3 ? 2 : 3);
      g_assert_cmpint (((ConcordStageMove *) g_ptr_array_index (moves, moves->len - 1))->from_stage, ==,
                       CONCORD_STAGE_ACCEPTED);
      g_clear_pointer (&moves, g_ptr_array_unref);

      /* Version 4: sessions, notes and positions on a case from before. */
      {
        g_autoptr(ConcordSession) session = concord_session_new ();
        g_autoptr(ConcordPosition) position = concord_position_new ();
        g_autoptr(GPtrArray) notes = NULL;
        g_autoptr(GPtrArray) positions = NULL;
        ConcordAttendee *attendee = concord_attendee_new ();

        session->case_id = old->id;
        session->kind = CONCORD_SESSION_FACE_TO_FACE;
        attendee->party_id = 1;
        attendee->name = g_strdup ("张某");
        g_ptr_array_add (session->attendees, attendee);
        g_assert_cmpint (concord_store_start_session (store, session, "王调解员", &error), >, 0);
        g_assert_no_error (error);
        g_assert_cmpint (concord_store_add_note (store, session->id, 0, "双方到场。", "王调解员", &error), >, 0);
        g_assert_no_error (error);
        position->session_id = session->id;
        position->party_id = 1;
        position->has_amount = TRUE;
        position->amount_fen = 13000000;
        g_assert_cmpint (concord_store_add_position (store, position, "王调解员", &error), >, 0);
        g_assert_no_error (error);
        notes = concord_store_list_notes (store, old->id, 0, &error);
        g_assert_cmpuint (notes->len, ==, 1);
        g_assert_false (((ConcordNote *) g_ptr_array_index (notes, 0))->confidential);
        positions = concord_store_list_positions (store, old->id, &error);
        g_assert_cmpuint (positions->len, ==, 1);
      }

      /* Cases from before the search index are found by it. */
      query->text = g_strdup ("火灾");
      rows = concord_store_query_cases (store, query, 0, 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      g_clear_pointer (&rows, g_ptr_array_unref);
      g_free (query->text);
      query->text = g_strdup ("0532000");
      rows = concord_store_query_cases (store, query, 0, 10, &error);
      g_assert_cmpuint (rows->len, ==, 1);
      g_clear_pointer (&rows, g_ptr_array_unref);
    }

  /* New cases continue the year's sequence. */
  fresh->received_at = g_strdup ("2026-06-01T00:00:00Z");
  g_assert_true (concord_store_save_case (store, fresh, "tester", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fresh->case_no, ==, from >= 1 ? "(2026)东城调字第0008号" : "(2026)调字第0001号");
  moves = concord_store_list_stage_moves (store, fresh->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (moves->len, ==, 1);
  g_assert_cmpint (((ConcordStageMove *) g_ptr_array_index (moves, 0))->to_stage, ==, CONCORD_STAGE_RECEIVED);

  /* A new case finds the earlier case of the same party (name and phone). */
  {
    g_autoptr(ConcordCase) again = fixture_quick_case ("张某", "又因漏水争吵。");
    g_autoptr(GPtrArray) linked = NULL;

    ((ConcordParty *) g_ptr_array_index (again->parties, 0))->phone = g_strdup ("13805320001");
    g_assert_true (concord_store_save_case (store, again, "tester", &error));
    g_assert_no_error (error);
    linked = concord_store_find_linked_cases (store, again->id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (linked->len, ==, from >= 1 ? 1 : 0);
  }
  g_assert_true (concord_store_verify_audit (store, &error));
}

static void
test_upgrade_from (gconstpointer data)
{
  int from = GPOINTER_TO_INT (data);
  g_autofree char *dir = g_dir_make_tmp ("concord-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(ConcordStore) old = _concord_sqlite_store_open_at_version (path, from, &error);

    g_assert_no_error (error);
    g_assert_cmpint (concord_store_get_schema_version (old), ==, from);
    fill_version (old, from);
  }
  {
    g_autoptr(ConcordStore) store = concord_store_open (path, &error);

    g_assert_no_error (error);
    check_upgraded (store, from);
  }
  /* Opening again is a no-op. */
  {
    g_autoptr(ConcordStore) again = concord_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (concord_store_get_schema_version (again), ==, concord_store_latest_schema_version ());
  }
  fixture_remove_dir (dir);
}

static void
test_failed_upgrade_changes_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("concord-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(ConcordStore) old = _concord_sqlite_store_open_at_version (path, 1, &error);

    g_assert_no_error (error);
    fill_version (old, 1);
    /* Something in the way of migration 2. */
    g_assert_true (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (old),
                                               "CREATE TABLE case_search (x)", &error));
  }

  g_assert_null (concord_store_open (path, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  {
    g_autoptr(ConcordStore) old = _concord_sqlite_store_open_at_version (path, 1, &error);
    g_autofree char *version = NULL;
    g_autofree char *cases = NULL;

    g_assert_no_error (error);
    version = _concord_sqlite_store_query_text (CONCORD_SQLITE_STORE (old), "PRAGMA user_version", &error);
    g_assert_cmpstr (version, ==, "1");
    cases = _concord_sqlite_store_query_text (CONCORD_SQLITE_STORE (old), "SELECT count(*) FROM cases", &error);
    g_assert_cmpstr (cases, ==, "1");
  }
  fixture_remove_dir (dir);
}

/* An index made by another tokenizer is rebuilt when the file is opened. */
static void
test_search_index_rebuilt (void)
{
  g_autofree char *dir = g_dir_make_tmp ("concord-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "stale.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = concord_search_text_stamp ();

  {
    g_autoptr(ConcordStore) store = concord_store_open (path, &error);
    g_autoptr(ConcordCase) c = fixture_fire_case ();
    g_autofree char *stored = NULL;

    g_assert_no_error (error);
    g_assert_true (concord_store_save_case (store, c, "tester", &error));
    stored = concord_store_get_setting (store, "search.index-stamp");
    g_assert_cmpstr (stored, ==, stamp);
    /* As if made by an older tokenizer: entries the current one would not
     * produce, and none it would. */
    g_assert_true (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (store),
      "INSERT INTO case_search (case_search) VALUES ('delete-all');"
      "INSERT INTO case_search (rowid, body) VALUES (1, '旧索引 stale');"
      "UPDATE settings SET value = 'text-0 glib-2.0' WHERE key = 'search.index-stamp';",
      &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(ConcordStore) store = concord_store_open (path, &error);
    g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
    g_autofree char *stored = NULL;
    guint count = 0;

    g_assert_no_error (error);
    query->text = g_strdup ("火灾");
    g_assert_true (concord_store_count_cases (store, query, 0, &count, NULL, &error));
    g_assert_cmpuint (count, ==, 1);
    g_free (query->text);
    query->text = g_strdup ("stale");
    g_assert_true (concord_store_count_cases (store, query, 0, &count, NULL, &error));
    g_assert_cmpuint (count, ==, 0);
    stored = concord_store_get_setting (store, "search.index-stamp");
    g_assert_cmpstr (stored, ==, stamp);
  }
  fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (int version = 0; version < concord_store_latest_schema_version (); version++)
    {
      g_autofree char *name = g_strdup_printf ("/migrations/from-version-%d", version);

      g_test_add_data_func (name, GINT_TO_POINTER (version), test_upgrade_from);
    }
  g_test_add_func ("/migrations/failed-upgrade-changes-nothing", test_failed_upgrade_changes_nothing);
  g_test_add_func ("/migrations/search-index-rebuilt", test_search_index_rebuilt);

  return g_test_run ();
}
