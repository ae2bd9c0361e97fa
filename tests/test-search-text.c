/* test-search-text.c — the search index text and queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concord-search-text.h"

static char *
index_text (const char *text)
{
  GString *out = g_string_new (NULL);

  concord_search_text_append (out, text);
  return g_string_free (out, FALSE);
}

static void
test_index_chinese (void)
{
  g_autofree char *text = index_text ("邻里纠纷，张某");

  /* One token per character; punctuation dropped. */
  g_assert_cmpstr (text, ==, "邻 里 纠 纷 张 某");
}

static void
test_index_runs_and_suffixes (void)
{
  g_autofree char *text = index_text ("电话13800138000");
  g_autofree char *numbers = index_text ("(2026)东城调字第0012号");
  g_autofree char *full_width = index_text ("ＡＢ１２");

  /* The run whole, then its suffixes of three or more characters, after
   * the field's own tokens. */
  g_assert_cmpstr (text, ==,
                   "电 话 13800138000 3800138000 800138000 00138000 0138000 138000 38000 8000 000");
  g_assert_cmpstr (numbers, ==, "2026 东 城 调 字 第 0012 号 026 012");
  /* Full-width letters and digits are folded (NFKC) and lower-cased. */
  g_assert_cmpstr (full_width, ==, "ab12 b12");
}

static void
test_index_appends (void)
{
  GString *out = g_string_new ("火 灾");

  concord_search_text_append (out, NULL);
  concord_search_text_append (out, "");
  concord_search_text_append (out, "吴某");
  g_assert_cmpstr (out->str, ==, "火 灾 吴 某");
  g_string_free (out, TRUE);
}

static void
test_query (void)
{
  struct
  {
    const char *input;
    const char *expected;
  } cases[] = {
    { "纠纷", "\"纠 纷\"" },
    { "张", "\"张\"" },
    { "  邻里纠纷  ", "\"邻 里 纠 纷\"" },
    { "张 火灾", "\"张\" AND \"火 灾\"" },
    { "张，火灾", "\"张\" AND \"火 灾\"" },
    { "1380013", "\"1380013\" *" },
    { "3号楼", "\"3 号 楼\"" },
    { "A栋3", "\"a 栋 3\" *" },
    { "\"; DROP TABLE cases; --", "\"drop\" * AND \"table\" * AND \"cases\" *" },
    { "ＡＢＣ", "\"abc\" *" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = concord_search_text_query (cases[i].input);

      g_assert_cmpstr (query, ==, cases[i].expected);
    }
}

static void
test_query_nothing (void)
{
  g_assert_null (concord_search_text_query (NULL));
  g_assert_null (concord_search_text_query (""));
  g_assert_null (concord_search_text_query ("   "));
  g_assert_null (concord_search_text_query ("，。！？*\"()"));
  g_assert_null (concord_search_text_query ("\xff\xfe"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-text/index/chinese", test_index_chinese);
  g_test_add_func ("/search-text/index/runs", test_index_runs_and_suffixes);
  g_test_add_func ("/search-text/index/append", test_index_appends);
  g_test_add_func ("/search-text/query", test_query);
  g_test_add_func ("/search-text/query/nothing", test_query_nothing);

  return g_test_run ();
}
