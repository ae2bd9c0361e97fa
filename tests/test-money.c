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

/* Hard cases: zeros inside, at group borders, whole groups of zeros, 壹拾,
 * jiao and fen alone, the ends of the range. */
static void
test_capital (void)
{
  static const struct { gint64 fen; const char *text; } cases[] = {
    { 1, "壹分" },
    { 7, "柒分" },
    { 10, "壹角整" },
    { 50, "伍角整" },
    { 57, "伍角柒分" },
    { 100, "壹元整" },
    { 105, "壹元零伍分" },
    { 110, "壹元壹角整" },
    { 1000, "壹拾元整" },
    { 1005, "壹拾元零伍分" },
    { 1050, "壹拾元零伍角整" },
    { 1500, "壹拾伍元整" },
    { 10100, "壹佰零壹元整" },
    { 101000, "壹仟零壹拾元整" },
    { 140950, "壹仟肆佰零玖元伍角整" },
    { 168032, "壹仟陆佰捌拾元零叁角贰分" },
    { 600714, "陆仟零柒元壹角肆分" },
    { 1640902, "壹万陆仟肆佰零玖元零贰分" },
    { 32504, "叁佰贰拾伍元零肆分" },
    { 1000000, "壹万元整" },
    { 1000100, "壹万零壹元整" },
    { 1001000, "壹万零壹拾元整" },
    { 1010000, "壹万零壹佰元整" },
    { 1100000, "壹万壹仟元整" },
    { 10700053, "壹拾万柒仟元零伍角叁分" },
    { 10000507, "壹拾万零伍元零柒分" },
    { 13000000, "壹拾叁万元整" },
    { 10000000, "壹拾万元整" },
    { 100000000, "壹佰万元整" },
    { 1000000000, "壹仟万元整" },
    { 1010000000, "壹仟零壹拾万元整" },
    { 10000000000, "壹亿元整" },
    { 10000000100, "壹亿零壹元整" },
    { 10000100000, "壹亿零壹仟元整" },
    { 10001000000, "壹亿零壹万元整" },
    { 10010000000, "壹亿零壹拾万元整" },
    { 11000000000, "壹亿壹仟万元整" },
    { 100000000000, "壹拾亿元整" },
    { 100000000001, "壹拾亿元零壹分" },
    { 100500000000, "壹拾亿零伍佰万元整" },
    { 12345678901234, "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分" },
    { 99999999999999, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
    { 0, "零元整" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = concord_money_capital (cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Reads capital numerals back into fen, independently of the writer:
 * -1 when the text is not well formed. */
static gint64
read_capital (const char *text)
{
  static const char *const digits = "零壹贰叁肆伍陆柒捌玖";
  gint64 total = 0, section = 0, yuan = -1;
  int pending = -1;
  gboolean last_zero = FALSE;
  const char *p = text;

  if (g_str_has_prefix (p, "零") && !g_str_equal (p, "零元整"))
    return -1;
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *d = g_utf8_strchr (digits, -1, c);

      if (d != NULL)
        {
          int v = (int) g_utf8_pointer_to_offset (digits, d);

          if (pending >= 0)
            return -1;            /* two digits in a row */
          if (v == 0)
            {
              if (last_zero)
                return -1;        /* 零零 */
              last_zero = TRUE;
              continue;
            }
          pending = v;
          last_zero = FALSE;
          continue;
        }
      switch (c)
        {
        case 0x62FE: /* 拾 */
        case 0x4F70: /* 佰 */
        case 0x4EDF: /* 仟 */
          if (pending < 0)
            return -1;            /* 拾 without 壹 */
          section += pending * (c == 0x62FE ? 10 : c == 0x4F70 ? 100 : 1000);
          pending = -1;
          break;
        case 0x4E07: /* 万 */
        case 0x4EBF: /* 亿 */
          if (pending >= 0)
            section += pending;
          pending = -1;
          if (c == 0x4E07)
            total += section * 10000;
          else
            total = (total + section) * 100000000;
          section = 0;
          break;
        case 0x5143: /* 元 */
          if (pending >= 0)
            section += pending;
          pending = -1;
          yuan = total + section;
          total = section = 0;
          break;
        case 0x89D2: /* 角 */
          if (pending < 0)
            return -1;
          total += pending * 10;
          pending = -1;
          break;
        case 0x5206: /* 分 */
          if (pending < 0)
            return -1;
          total += pending;
          pending = -1;
          if (p[3] != '\0')
            return -1;
          break;
        case 0x6574: /* 整 */
          if (p[3] != '\0' || pending >= 0)
            return -1;
          break;
        default:
          return -1;
        }
    }
  return (yuan < 0 ? 0 : yuan * 100) + total;
}

/* Every written amount reads back to itself: a sweep over the small
 * amounts, every power of ten with its neighbours, and random amounts over
 * the whole range. */
static void
test_capital_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (gint64 fen = 1; fen <= 200000; fen++)
    g_array_append_val (amounts, fen);
  for (gint64 power = 1; power <= CONCORD_MONEY_MAX_FEN; power *= 10)
    for (gint64 k = 1; k <= 9; k++)
      for (gint64 delta = -1; delta <= 1; delta++)
        {
          gint64 fen = power * k + delta;

          if (fen >= 1 && fen <= CONCORD_MONEY_MAX_FEN)
            g_array_append_val (amounts, fen);
        }
  for (guint i = 0; i < 200000; i++)
    {
      /* Random digits, many of them zero, so zero runs are common. */
      gint64 fen = 0;

      for (int d = 0; d < 14; d++)
        fen = fen * 10 + (g_rand_int_range (rand, 0, 3) == 0 ? g_rand_int_range (rand, 0, 10) : 0);
      if (fen >= 1)
        g_array_append_val (amounts, fen);
    }

  for (guint i = 0; i < amounts->len; i++)
    {
      gint64 fen = g_array_index (amounts, gint64, i);
      g_autofree char *text = concord_money_capital (fen);

      if (read_capital (text) != fen)
        g_error ("%" G_GINT64_FORMAT " fen was written %s", fen, text);
      /* 整 exactly when there is no fen digit. */
      g_assert_cmpint (g_str_has_suffix (text, "整"), ==, fen % 10 == 0);
    }
}

static void
test_format_both (void)
{
  g_autofree char *text = concord_money_format_both (13000000);

  g_assert_cmpstr (text, ==, "人民币壹拾叁万元整（¥130,000.00）");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/capital", test_capital);
  g_test_add_func ("/money/capital-round-trip", test_capital_round_trip);
  g_test_add_func ("/money/format-both", test_format_both);
  return g_test_run ();
}
