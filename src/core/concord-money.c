/* concord-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "concord-error.h"
#include "concord-money.h"

/* Full-width digits, comma and stop become ASCII; spaces and the yuan
 * signs around the number are dropped. */
static char *
money_ascii (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (out, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0C)
        g_string_append_c (out, ',');
      else if (c == 0xFF0E || c == 0x3002)
        g_string_append_c (out, '.');
      else if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
strip_prefix (char      **s,
              const char *prefix)
{
  if (g_str_has_prefix (*s, prefix))
    {
      *s += strlen (prefix);
      return TRUE;
    }
  return FALSE;
}

static gboolean
strip_suffix (char       *s,
              const char *suffix)
{
  if (g_str_has_suffix (s, suffix))
    {
      s[strlen (s) - strlen (suffix)] = '\0';
      return TRUE;
    }
  return FALSE;
}

gboolean
concord_money_parse (const char *text,
                     gint64     *fen,
                     GError    **error)
{
  g_autofree char *ascii = NULL;
  char *s;
  gboolean wan = FALSE;
  guint64 whole = 0;
  guint64 frac = 0;
  guint n_frac = 0;
  guint n_whole = 0;
  guint max_frac;
  const char *p;
  guint64 result;

  g_return_val_if_fail (fen != NULL, FALSE);
  *fen = 0;

  ascii = money_ascii (text != NULL ? text : "");
  s = ascii;
  if (*s == '\0')
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("Enter an amount."));
      return FALSE;
    }
  if (*s == '-' || g_str_has_prefix (s, "\xe2\x88\x92"))
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("An amount cannot be negative."));
      return FALSE;
    }
  if (!strip_prefix (&s, "\xc2\xa5") && !strip_prefix (&s, "\xef\xbf\xa5") && !strip_prefix (&s, "RMB"))
    strip_prefix (&s, "\xe4\xba\xba\xe6\xb0\x91\xe5\xb8\x81"); /* ¥ ￥ RMB 人民币 */
  strip_suffix (s, "\xe5\x85\x83"); /* 元 */
  if (strip_suffix (s, "\xe4\xb8\x87")) /* 万 */
    wan = TRUE;

  max_frac = wan ? 6 : 2;
  p = s;
  if (!g_ascii_isdigit (*p))
    goto not_a_number;
  for (; *p != '\0' && *p != '.'; p++)
    {
      if (*p == ',')
        continue;
      if (!g_ascii_isdigit (*p))
        goto not_a_number;
      if (++n_whole > 15)
        goto too_large;
      whole = whole * 10 + (guint64) (*p - '0');
    }
  if (*p == '.')
    {
      p++;
      if (*p == '\0')
        goto not_a_number;
      for (; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p))
            goto not_a_number;
          if (++n_frac > max_frac)
            {
              g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("An amount has at most two decimals (fen)."));
              return FALSE;
            }
          frac = frac * 10 + (guint64) (*p - '0');
        }
    }
  /* Scale to fen: the fraction has n_frac digits. */
  for (guint i = n_frac; i < max_frac; i++)
    frac *= 10;
  if (wan)
    {
      /* frac now counts millionths of 万 = fen (10,000 yuan = 1,000,000 fen). */
      if (whole > (guint64) CONCORD_MONEY_MAX_FEN / 1000000)
        goto too_large;
      result = whole * 1000000 + frac;
    }
  else
    {
      if (whole > (guint64) CONCORD_MONEY_MAX_FEN / 100)
        goto too_large;
      result = whole * 100 + frac;
    }
  if (result > (guint64) CONCORD_MONEY_MAX_FEN)
    goto too_large;
  *fen = (gint64) result;
  return TRUE;

not_a_number:
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
               _("“%s” is not an amount: type it in figures, for example 130000 or 13.5万."), text);
  return FALSE;

too_large:
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
               _("The amount is too large: at most 999,999,999,999.99 yuan."));
  return FALSE;
}

char *
concord_money_format (gint64 fen)
{
  GString *out = g_string_new (NULL);
  g_autofree char *digits = NULL;
  guint64 value;
  gsize n;

  if (fen < 0)
    {
      g_string_append_c (out, '-');
      value = (guint64) (-(fen + 1)) + 1;
    }
  else
    value = (guint64) fen;

  g_string_append (out, "\xc2\xa5");
  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value / 100);
  n = strlen (digits);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, ".%02u", (guint) (value % 100));
  return g_string_free (out, FALSE);
}

/* Chinese capital numerals as banks write amounts on vouchers (中国人民银行
 * 《支付结算办法》, 正确填写票据和结算凭证的基本规定):
 *
 * - 壹拾 is always written with its 壹 (10 → 壹拾元整).
 * - A zero inside the number is written 零, once for a run of zeros and for
 *   a whole 万 or 亿 group of zeros (1409 → 壹仟肆佰零玖, 6007 → 陆仟零柒,
 *   100,005 → 壹拾万零伍, 100,000,001 → 壹亿零壹). Zeros at the end of a
 *   group are not (107,000 → 壹拾万柒仟).
 * - Where the rules allow either, Concord writes the 零 after 元 when the
 *   yuan digit is 0 and the jiao digit is not (1680.32 →
 *   壹仟陆佰捌拾元零叁角贰分); it must when the jiao digit is 0 and the fen
 *   digit is not (325.04 → 叁佰贰拾伍元零肆分).
 * - 整 follows 元 and 角; never 分. Below one yuan there is no 元
 *   (0.07 → 柒分, 0.50 → 伍角整). */
char *
concord_money_capital (gint64 fen)
{
  static const char *const digit[] = {
    "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"
  };
  static const char *const place[] = { "", "拾", "佰", "仟" };
  static const char *const group_unit[] = { "", "万", "亿" };
  GString *out;
  guint64 yuan;
  guint jiao;
  guint fen_digit;
  gboolean started = FALSE;
  gboolean zero_pending = FALSE;

  g_return_val_if_fail (fen >= 0 && fen <= CONCORD_MONEY_MAX_FEN, NULL);

  out = g_string_new (NULL);
  yuan = (guint64) fen / 100;
  jiao = (guint) ((fen / 10) % 10);
  fen_digit = (guint) (fen % 10);

  for (int g = 2; g >= 0; g--)
    {
      guint64 scale = g == 2 ? G_GUINT64_CONSTANT (100000000) : g == 1 ? 10000 : 1;
      guint group = (guint) ((yuan / scale) % 10000);

      if (group == 0)
        {
          if (started)
            zero_pending = TRUE;
          continue;
        }
      for (int p = 3; p >= 0; p--)
        {
          static const guint powers[] = { 1, 10, 100, 1000 };
          guint d = (group / powers[p]) % 10;

          if (d == 0)
            {
              if (started)
                zero_pending = TRUE;
              continue;
            }
          if (zero_pending)
            g_string_append (out, digit[0]);
          zero_pending = FALSE;
          g_string_append (out, digit[d]);
          g_string_append (out, place[p]);
          started = TRUE;
        }
      g_string_append (out, group_unit[g]);
      /* Zeros that end a group are not read before the next one. */
      zero_pending = FALSE;
    }

  if (yuan > 0)
    g_string_append (out, "元");

  if (jiao == 0 && fen_digit == 0)
    {
      if (yuan == 0)
        g_string_append (out, "零元");
      g_string_append (out, "整");
      return g_string_free (out, FALSE);
    }

  if (yuan > 0 && (jiao == 0 || yuan % 10 == 0))
    g_string_append (out, digit[0]);
  if (jiao != 0)
    {
      g_string_append (out, digit[jiao]);
      g_string_append (out, "角");
    }
  if (fen_digit != 0)
    {
      g_string_append (out, digit[fen_digit]);
      g_string_append (out, "分");
    }
  else
    g_string_append (out, "整");
  return g_string_free (out, FALSE);
}

char *
concord_money_format_both (gint64 fen)
{
  g_autofree char *capital = NULL;
  g_autofree char *figures = NULL;

  g_return_val_if_fail (fen >= 0 && fen <= CONCORD_MONEY_MAX_FEN, NULL);

  capital = concord_money_capital (fen);
  figures = concord_money_format (fen);
  return g_strdup_printf ("人民币%s（%s）", capital, figures);
}
