/* test-money.c — amounts typed in yuan become exact fen, and come back
 * with thousands separators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "concord-core.h"

static void
test_parse (void)
{
  static const struct { const char *text; gint64 fen; } good[] = {
    { "130000", 13000000 },
    { "130,000.00", 13000000 },
    { "¥130000", 13000000 },
    { "￥ 130,000", 13000000 },
    { "人民币130000元", 13000000 },
    { "130000元", 13000000 },
    { "13万", 13000000 },
    { "13.5万元", 13500000 },
    { "0.01万", 10000 },
    { "１３００００", 13000000 },
    { " 0.5 ", 50 },
    { "0.07", 7 },
    { "100005.07", 10000507 },
    { "0", 0 },
    { "999999999999.99", 99999999999999 },
    { "99999999.9999万", 99999999999900 },
    { "99999999.999999万", 99999999999999 },
  };
  static const char *const bad[] = {
    "", "  ", "abc", "十三万", "-5", "1.234", "12.", ".5", "1e5", "13万万",
    "1000000000000", "999999999999.991", "100000000万", "1 2 3 x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;

      g_test_message ("%s", good[i].text);
      g_assert_true (concord_money_parse (good[i].text, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, good[i].fen);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;

      g_test_message ("%s", bad[i]);
      g_assert_false (concord_money_parse (bad[i], &fen, &error));
      g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
      g_assert_cmpint (fen, ==, 0);
    }
}

static void
test_format (void)
{
  static const struct { gint64 fen; const char *text; } cases[] = {
    { 0, "¥0.00" },
    { 7, "¥0.07" },
    { 100, "¥1.00" },
    { 99999, "¥999.99" },
    { 100000, "¥1,000.00" },
    { 13000000, "¥130,000.00" },
    { 10000507, "¥100,005.07" },
    { 99999999999999, "¥999,999,999,999.99" },
    { -3000000, "-¥30,000.00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = concord_money_format (cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/format", test_format);
  return g_test_run ();
}
