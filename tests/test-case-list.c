/* test-case-list.c — the on-demand case list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-fixtures.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint calls;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->calls++;
}

static void
fill (ConcordStore *store,
      guint         n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (concord_store_begin_batch (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConcordCase) c = fixture_quick_case (i % 3 ? "褚某" : "卫某",
                                                     i % 3 ? "相邻通行纠纷。" : "噪音扰民。");

      g_assert_true (concord_store_save_case (store, c, "tester", &error));
      g_assert_no_error (error);
    }
  g_assert_true (concord_store_commit_batch (store, &error));
}

static void
test_pages_on_demand (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(ConcordCaseList) list = NULL;
  g_autoptr(ConcordCaseSummary) first = NULL;
  g_autoptr(ConcordCaseSummary) row = NULL;
  Changes changes = { 0 };
  guint n;

  fill (f->store, 450);
  list = concord_case_list_new (f->store);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* One page held, all counted. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, CONCORD_CASE_LIST_PAGE_SIZE);
  g_assert_cmpuint (concord_case_list_get_total (list), ==, 450);
  g_assert_false (concord_case_list_get_total_capped (list));
  g_assert_true (concord_case_list_get_has_more (list));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == CONCORD_TYPE_CASE_SUMMARY);

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (concord_case_summary_get_id (first), ==, 450);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), CONCORD_CASE_LIST_PAGE_SIZE));

  /* Reading a row near the end fetches the next page from the main loop. */
  row = g_list_model_get_item (G_LIST_MODEL (list), CONCORD_CASE_LIST_PAGE_SIZE - 10);
  g_assert_cmpuint (changes.calls, ==, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, CONCORD_CASE_LIST_PAGE_SIZE);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, CONCORD_CASE_LIST_PAGE_SIZE);

  while (concord_case_list_load_more (list))
    ;
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 450);
  g_assert_false (concord_case_list_get_has_more (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConcordCaseSummary) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (concord_case_summary_get_id (item), ==, 450 - i);
    }
  g_assert_cmpuint (concord_case_list_find (list, 1), ==, 449);
  g_assert_cmpuint (concord_case_list_find (list, 9999), ==, G_MAXUINT);
}

static void
test_query_and_reload (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(ConcordCaseList) list = NULL;
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(ConcordCase) fire = fixture_fire_case ();
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };

  fill (f->store, 30);
  list = concord_case_list_new (f->store);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 30);

  query->text = g_strdup ("噪音");
  concord_case_list_set_query (list, query);
  g_assert_true (concord_case_query_equal (concord_case_list_get_query (list), query));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  g_assert_cmpuint (concord_case_list_get_total (list), ==, 10);
  g_assert_cmpuint (changes.removed, ==, 30);
  g_assert_cmpuint (changes.added, ==, 10);
  g_assert_false (concord_case_list_get_has_more (list));

  /* Saved elsewhere, shown after a reload. */
  g_assert_true (concord_store_save_case (f->store, fire, "tester", &error));
  g_assert_no_error (error);
  g_free (query->text);
  query->text = g_strdup ("火灾");
  concord_case_list_set_query (list, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (concord_case_list_find (list, fire->id), ==, 0);

  g_clear_pointer (&query->text, g_free);
  query->stage = CONCORD_STAGE_ACCEPTED;
  concord_case_list_set_query (list, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (concord_store_decide_case (f->store, fire->id, TRUE, NULL, "tester", &error));
  concord_case_list_reload (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_null (concord_case_list_get_error_message (list));
}

static void
test_capped_total (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(ConcordCaseList) list = NULL;
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();

  fill (f->store, 20);
  list = concord_case_list_new (f->store);
  query->text = g_strdup ("某");
  concord_case_list_set_query (list, query);
  /* Far below the cap: exact. */
  g_assert_cmpuint (concord_case_list_get_total (list), ==, 20);
  g_assert_false (concord_case_list_get_total_capped (list));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/case-list/pages-on-demand", Fixture, NULL, fixture_set_up, test_pages_on_demand, fixture_tear_down);
  g_test_add ("/case-list/query-and-reload", Fixture, NULL, fixture_set_up, test_query_and_reload, fixture_tear_down);
  g_test_add ("/case-list/capped-total", Fixture, NULL, fixture_set_up, test_capped_total, fixture_tear_down);

  return g_test_run ();
}
