/* test-linebreak.c — Chinese paragraphs break into lines by the rules of
 * Chinese typesetting (禁则), with widths from the caller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include "concord-core.h"
#include "concord-linebreak.h"

/* What a measure function was asked, to check each character is measured
 * once and alone. */
typedef struct
{
  guint calls;
  gsize bytes;
  gsize max_length;
} MeasureLog;

/* Every ASCII character 5 units, everything else 10. */
static double
mono_char (gunichar c)
{
  return c < 0x80 ? 5 : 10;
}

/* Narrow i, l and stops, wide m and w, 3 for a space, 10 for a wide
 * character, 6 for other non-ASCII (… — ’ ¥). */
static double
proportional_char (gunichar c)
{
  if (c < 0x80)
    {
      if (strchr ("il.,:;!'|", (int) c) != NULL)
        return 2;
      if (c == ' ')
        return 3;
      if (strchr ("mwMW@%", (int) c) != NULL)
        return 8;
      if (g_ascii_isdigit (c))
        return 5;
      if (g_ascii_isupper (c))
        return 6;
      return 4;
    }
  return g_unichar_iswide (c) ? 10 : 6;
}

static double
sum_widths (const char *text,
            gsize       length,
            double    (*char_width) (gunichar))
{
  double w = 0;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    w += char_width (g_utf8_get_char (p));
  return w;
}

static double
mono (const char *text,
      gsize       length,
      gpointer    data)
{
  MeasureLog *log = data;

  if (log != NULL)
    {
      log->calls++;
      log->bytes += length;
      log->max_length = MAX (log->max_length, length);
    }
  return sum_widths (text, length, mono_char);
}

static double
proportional (const char *text,
              gsize       length,
              gpointer    data)
{
  return sum_widths (text, length, proportional_char);
}

/* The lines' texts, as a NULL-terminated array. */
static GStrv
line_texts (const char *text,
            GArray     *lines)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < lines->len; i++)
    {
      const ConcordLine *line = &g_array_index (lines, ConcordLine, i);
      g_autofree char *s = g_strndup (text + line->start, line->length);

      g_strv_builder_add (builder, s);
    }
  return g_strv_builder_end (builder);
}

static GArray *
check_lines (const char         *text,
             double              width,
             ConcordMeasureFunc  measure,
             const char *const  *expected)
{
  g_autoptr(GArray) lines = concord_linebreak (text, width, measure, NULL);
  g_auto(GStrv) texts = NULL;

  g_assert_nonnull (lines);
  texts = line_texts (text, lines);
  g_test_message ("%s at %g", text, width);
  g_assert_cmpstrv (texts, expected);
  for (guint i = 0; i < lines->len; i++)
    {
      const ConcordLine *line = &g_array_index (lines, ConcordLine, i);

      g_assert_cmpint (line->last, ==, i + 1 == lines->len);
      g_assert_cmpuint (line->n_chars, ==, g_utf8_strlen (texts[i], -1));
      g_assert_cmpfloat (line->width, ==, measure (texts[i], strlen (texts[i]), NULL));
    }
  return g_steal_pointer (&lines);
}

static void
assert_lines (const char         *text,
              double              width,
              ConcordMeasureFunc  measure,
              const char *const  *expected)
{
  g_autoptr(GArray) lines = check_lines (text, width, measure, expected);
}

#define LINES(...) ((const char *const[]) { __VA_ARGS__, NULL })

static void
assert_line (const ConcordLine *line,
             gsize              start,
             gsize              length,
             double             width,
             guint              n_chars,
             gboolean           last)
{
  g_assert_cmpuint (line->start, ==, start);
  g_assert_cmpuint (line->length, ==, length);
  g_assert_cmpfloat (line->width, ==, width);
  g_assert_cmpuint (line->n_chars, ==, n_chars);
  g_assert_cmpint (line->last, ==, last);
}

/* Every mark the header lists, and some that are neither. */
static void
test_classes (void)
{
  const char *closing = "，。、；：？！）」』》〉】〕’”…—%,.;:?!)]}";
  const char *opening = "（「『《〈【〔‘“([{¥￥$";
  const char *neither = "甲乙调解室aZ09 　#&*\"'+=<>|~^_@-/\\";

  for (const char *p = closing; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_assert_true (concord_linebreak_is_closing (g_utf8_get_char (p)));
      g_assert_false (concord_linebreak_is_opening (g_utf8_get_char (p)));
    }
  for (const char *p = opening; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_assert_true (concord_linebreak_is_opening (g_utf8_get_char (p)));
      g_assert_false (concord_linebreak_is_closing (g_utf8_get_char (p)));
    }
  for (const char *p = neither; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_assert_false (concord_linebreak_is_opening (g_utf8_get_char (p)));
      g_assert_false (concord_linebreak_is_closing (g_utf8_get_char (p)));
    }
}

static void
test_empty (void)
{
  static const char *const texts[] = { NULL, "", "   ", "　", " 　 " };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GArray) lines = concord_linebreak (texts[i], 100, mono, NULL);

      g_assert_cmpuint (lines->len, ==, 1);
      assert_line (&g_array_index (lines, ConcordLine, 0), 0, 0, 0, 0, TRUE);
      g_assert_cmpfloat (concord_line_justify_spacing (&g_array_index (lines, ConcordLine, 0), 100),
                         ==, 0);
    }
}

static void
test_cjk (void)
{
  const char *text = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致";
  g_autoptr(GArray) lines = check_lines (text, 100, mono,
                                         LINES ("天地玄黄宇宙洪荒日月",
                                                "盈昃辰宿列张寒来暑往",
                                                "秋收冬藏闰余成岁律吕",
                                                "调阳云腾致"));

  g_assert_cmpuint (lines->len, ==, 4);
  assert_line (&g_array_index (lines, ConcordLine, 0), 0, 30, 100, 10, FALSE);
  assert_line (&g_array_index (lines, ConcordLine, 1), 30, 30, 100, 10, FALSE);
  assert_line (&g_array_index (lines, ConcordLine, 2), 60, 30, 100, 10, FALSE);
  assert_line (&g_array_index (lines, ConcordLine, 3), 90, 15, 50, 5, TRUE);

  /* Narrower than one character: one a line. */
  assert_lines ("甲乙丙", 7, mono, LINES ("甲", "乙", "丙"));
  assert_lines ("甲乙丙", 0, mono, LINES ("甲", "乙", "丙"));
}

static void
test_closing (void)
{
  const char *closing = "，。、；：？！）」』》〉】〕’”…—%,.;:?!)]}";
  g_autoptr(GArray) lines = NULL;

  /* "，" would start the second line: "十" goes down with it. */
  lines = check_lines ("一二三四五六七八九十，甲乙", 100, mono,
                       LINES ("一二三四五六七八九", "十，甲乙"));
  assert_line (&g_array_index (lines, ConcordLine, 0), 0, 27, 90, 9, FALSE);
  assert_line (&g_array_index (lines, ConcordLine, 1), 27, 12, 40, 4, TRUE);

  /* Every closing mark of the header, full- and half-width. */
  for (const char *p = closing; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *mark = g_strndup (p, g_utf8_next_char (p) - p);
      g_autofree char *text = g_strconcat ("一二三四五六七八九十", mark, "甲", NULL);
      g_autofree char *second = g_strconcat ("十", mark, "甲", NULL);

      assert_lines (text, 100, mono, LINES ("一二三四五六七八九", second));
    }

  /* The mark fits: it stays at the line's end. */
  assert_lines ("一二三四五六七八九，十", 100, mono, LINES ("一二三四五六七八九，", "十"));
  /* Two closing marks: both go down with the character before them. */
  assert_lines ("一二三四五六七八九十。」甲", 100, mono, LINES ("一二三四五六七八九", "十。」甲"));
  /* The character before is held by an opening mark: all three go down. */
  assert_lines ("一二三四五六七八（九）甲", 100, mono, LINES ("一二三四五六七八", "（九）甲"));
  /* A Latin word goes down whole with its comma. */
  assert_lines ("一二三四五六七八abcd，甲", 100, mono, LINES ("一二三四五六七八", "abcd，甲"));
  /* A space before a closing mark is no place to break. */
  assert_lines ("一二三四五六七八 ab ，甲", 100, mono, LINES ("一二三四五六七八", "ab ，甲"));
  /* A paragraph may start with one. */
  assert_lines ("”一二", 100, mono, LINES ("”一二"));
}

static void
test_opening (void)
{
  const char *opening = "（「『《〈【〔‘“([{¥￥$";

  /* "《" fits but would end the line: it goes down. */
  assert_lines ("一二三四五六七八九《书》", 100, mono, LINES ("一二三四五六七八九", "《书》"));

  for (const char *p = opening; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *mark = g_strndup (p, g_utf8_next_char (p) - p);
      g_autofree char *text = g_strconcat ("一二三四五六七八九", mark, "甲乙", NULL);
      g_autofree char *second = g_strconcat (mark, "甲乙", NULL);

      assert_lines (text, 100, mono, LINES ("一二三四五六七八九", second));
    }

  /* Nor across a space. */
  assert_lines ("一二三四五六七八九（ 甲", 100, mono, LINES ("一二三四五六七八九", "（ 甲"));
  /* Two opening marks stay with what they open. */
  assert_lines ("一二三四五六七八“《书》”", 100, mono, LINES ("一二三四五六七八", "“《书》”"));
}

static void
test_runs (void)
{
  g_autoptr(GArray) lines = NULL;

  assert_lines ("一二三四五六七八九2026年", 100, mono, LINES ("一二三四五六七八九", "2026年"));
  assert_lines ("当事人电话：13805320001", 100, mono, LINES ("当事人电话：", "13805320001"));
  assert_lines ("赔偿金额人民币¥60,000.00元", 100, mono, LINES ("赔偿金额人民币", "¥60,000.00元"));
  assert_lines ("一二三四五六七八于2026-03-05", 100, mono, LINES ("一二三四五六七八于", "2026-03-05"));
  assert_lines ("一二三四五六七八九十10:30前", 100, mono, LINES ("一二三四五六七八九十", "10:30前"));
  assert_lines ("一二三四五六七八九50%。", 100, mono, LINES ("一二三四五六七八九", "50%。"));
  assert_lines ("一二三四五六七八九Concord", 100, mono, LINES ("一二三四五六七八九", "Concord"));

  /* The space after "ID" is where the line breaks; it is dropped. */
  lines = check_lines ("身份证ID 370203196809030310", 100, mono,
                       LINES ("身份证ID", "370203196809030310"));
  assert_line (&g_array_index (lines, ConcordLine, 0), 0, 11, 40, 5, FALSE);
  assert_line (&g_array_index (lines, ConcordLine, 1), 12, 18, 90, 18, TRUE);

  /* A full stop after a run is punctuation, not part of it. */
  assert_lines ("一二三四五六七八九十abc. de", 100, mono, LINES ("一二三四五六七八九十", "abc. de"));
}

static void
test_long_run (void)
{
  /* 30 digits are 150 wide: they break by characters. */
  assert_lines ("号码123456789012345678901234567890", 100, mono,
                LINES ("号码1234567890123456", "78901234567890"));
  /* Alone, over three lines. */
  assert_lines ("1234567890123456789012345678901234567890123", 100, mono,
                LINES ("12345678901234567890", "12345678901234567890", "123"));
  /* Punctuation rules still hold inside: no line starts with "." */
  assert_lines ("12345678901234567890.1234", 100, mono,
                LINES ("1234567890123456789", "0.1234"));
  /* A run narrower than one character breaks into single ones. */
  assert_lines ("ab", 3, mono, LINES ("a", "b"));
  /* Glued to an opening mark a short run goes whole, over the width. */
  assert_lines ("（12345678901234567890）", 100, mono, LINES ("（12345678901234567890）"));
}

static void
test_spaces (void)
{
  g_autoptr(GArray) lines = NULL;

  lines = check_lines ("abc def ghi", 35, mono, LINES ("abc def", "ghi"));
  assert_line (&g_array_index (lines, ConcordLine, 0), 0, 7, 35, 7, FALSE);
  assert_line (&g_array_index (lines, ConcordLine, 1), 8, 3, 15, 3, TRUE);
  g_clear_pointer (&lines, g_array_unref);

  /* U+3000 is a space too. */
  lines = check_lines ("甲乙　丙丁", 30, mono, LINES ("甲乙", "丙丁"));
  assert_line (&g_array_index (lines, ConcordLine, 0), 0, 6, 20, 2, FALSE);
  assert_line (&g_array_index (lines, ConcordLine, 1), 9, 6, 20, 2, TRUE);
  g_clear_pointer (&lines, g_array_unref);

  /* A paragraph's indent stays and counts. */
  lines = check_lines ("　　一二三四五六七八九十", 100, mono, LINES ("　　一二三四五六七八", "九十"));
  assert_line (&g_array_index (lines, ConcordLine, 0), 0, 30, 100, 10, FALSE);
  g_clear_pointer (&lines, g_array_unref);

  /* Several spaces, spaces at the paragraph's end. */
  lines = check_lines ("ab   cd  ", 20, mono, LINES ("ab", "cd"));
  assert_line (&g_array_index (lines, ConcordLine, 0), 0, 2, 10, 2, FALSE);
  assert_line (&g_array_index (lines, ConcordLine, 1), 5, 2, 10, 2, TRUE);
  g_clear_pointer (&lines, g_array_unref);

  /* Spaces in the middle of a line count. */
  assert_lines ("a b c d e f g h i j k", 45, mono, LINES ("a b c d e", "f g h i j", "k"));
  /* Trailing spaces do not make a line overflow. */
  assert_lines ("一二三四五六七八九十   甲", 100, mono, LINES ("一二三四五六七八九十", "甲"));
  /* A no-break space is no place to break. */
  assert_lines ("一二三四五六七八ID\u00a0370203", 100, mono, LINES ("一二三四五六七八", "ID\u00a0370203"));
}

static void
test_two_em (void)
{
  assert_lines ("一二三四五六七八九十……好", 100, mono, LINES ("一二三四五六七八九", "十……好"));
  assert_lines ("一二三四五六七八九十——好", 100, mono, LINES ("一二三四五六七八九", "十——好"));
  /* The first half fits; the two stay together. */
  assert_lines ("一二三四五六七八九……好", 100, mono, LINES ("一二三四五六七八", "九……好"));
  assert_lines ("一二三四五六七八九——好", 100, mono, LINES ("一二三四五六七八", "九——好"));
  /* After it a line may break. */
  assert_lines ("一二三四五六七八——好", 100, mono, LINES ("一二三四五六七八——", "好"));
}

static void
test_proportional (void)
{
  g_autoptr(GArray) lines = check_lines ("调解室minimal wall 2026年", 60, proportional,
                                         LINES ("调解室minimal", "wall 2026年"));

  assert_line (&g_array_index (lines, ConcordLine, 0), 0, 16, 60, 10, FALSE);
  assert_line (&g_array_index (lines, ConcordLine, 1), 17, 12, 49, 10, TRUE);

  /* "iiii" is 8 wide, "mmmm" 32, a space 3. */
  assert_lines ("iiii mmmm iiii iiii", 35, proportional, LINES ("iiii", "mmmm", "iiii iiii"));
  /* Wider than the line, "mmmm" breaks by characters, from where it is. */
  assert_lines ("iiii mmmm iiii iiii", 30, proportional, LINES ("iiii mm", "mm iiii", "iiii"));
}

static void
test_justify (void)
{
  ConcordLine line = { 0, 27, 90, 9, FALSE };
  g_autoptr(GArray) lines = NULL;

  g_assert_cmpfloat (concord_line_justify_spacing (&line, 100), ==, 1.25);
  g_assert_cmpfloat (line.width + 8 * concord_line_justify_spacing (&line, 100), ==, 100);
  g_assert_cmpfloat (concord_line_justify_spacing (&line, 90), ==, 0);
  g_assert_cmpfloat (concord_line_justify_spacing (&line, 80), ==, 0);
  line.last = TRUE;
  g_assert_cmpfloat (concord_line_justify_spacing (&line, 100), ==, 0);
  line.last = FALSE;
  line.n_chars = 1;
  g_assert_cmpfloat (concord_line_justify_spacing (&line, 100), ==, 0);
  line.n_chars = 0;
  g_assert_cmpfloat (concord_line_justify_spacing (&line, 100), ==, 0);

  lines = check_lines ("一二三四五六七八九十，甲乙", 100, mono,
                       LINES ("一二三四五六七八九", "十，甲乙"));
  g_assert_cmpfloat (concord_line_justify_spacing (&g_array_index (lines, ConcordLine, 0), 100),
                     ==, 1.25);
  g_assert_cmpfloat (concord_line_justify_spacing (&g_array_index (lines, ConcordLine, 1), 100),
                     ==, 0);
}

/* Each character is measured once, alone: a 500-character paragraph
 * costs 500 calls, not one per character per line. */
static void
test_measure_once (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) lines = NULL;
  MeasureLog log = { 0, };

  while (g_utf8_strlen (text->str, -1) < 500)
    g_string_append (text, "调解协议第1条，甲方于2026年3月5日前支付乙方¥60,000.00元"
                           "（大写：陆万元整）。 ID 370203196809030310…… ");

  lines = concord_linebreak (text->str, 155, mono, &log);
  g_assert_cmpuint (lines->len, >, 20);
  g_assert_cmpuint (log.calls, ==, g_utf8_strlen (text->str, -1));
  g_assert_cmpuint (log.bytes, ==, text->len);
  g_assert_cmpuint (log.max_length, ==, 3);
}

/* The property test: random paragraphs of Chinese, punctuation, numbers,
 * Latin words and spaces, at random widths. */

static const char *const cjk_chars[] = {
  "调", "解", "室", "甲", "乙", "方", "当", "事", "人", "协", "议", "赔", "偿", "元",
  "年", "月", "日", "号", "第", "条",
};
static const char *const closing_marks[] = {
  "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "〉", "】", "〕",
  "’", "”", "…", "—", "%", ",", ".", ";", ":", "?", "!", ")", "]", "}",
};
static const char *const opening_marks[] = {
  "（", "「", "『", "《", "〈", "【", "〔", "‘", "“", "(", "[", "{", "¥", "￥", "$",
};

static void
append_digits (GString *s,
               GRand   *rand,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (s, '0' + g_rand_int_range (rand, 0, 10));
}

static char *
random_paragraph (GRand *rand)
{
  GString *s = g_string_new (NULL);
  guint n_tokens = g_rand_int_range (rand, 0, 60);

  for (guint i = 0; i < n_tokens; i++)
    {
      guint kind = g_rand_int_range (rand, 0, 100);

      if (kind < 40)
        g_string_append (s, cjk_chars[g_rand_int_range (rand, 0, G_N_ELEMENTS (cjk_chars))]);
      else if (kind < 52)
        g_string_append (s, closing_marks[g_rand_int_range (rand, 0, G_N_ELEMENTS (closing_marks))]);
      else if (kind < 60)
        g_string_append (s, opening_marks[g_rand_int_range (rand, 0, G_N_ELEMENTS (opening_marks))]);
      else if (kind < 63)
        g_string_append (s, g_rand_boolean (rand) ? "……" : "——");
      else if (kind < 72)
        append_digits (s, rand, g_rand_int_range (rand, 1, 31));
      else if (kind < 76)
        {
          /* an amount: ¥60,000.00 */
          g_string_append (s, "¥");
          append_digits (s, rand, g_rand_int_range (rand, 1, 4));
          for (guint k = g_rand_int_range (rand, 0, 3); k > 0; k--)
            {
              g_string_append_c (s, ',');
              append_digits (s, rand, 3);
            }
          g_string_append_c (s, '.');
          append_digits (s, rand, 2);
        }
      else if (kind < 80)
        {
          /* a date or a time */
          append_digits (s, rand, 4);
          g_string_append (s, g_rand_boolean (rand) ? "-" : ":");
          append_digits (s, rand, 2);
        }
      else if (kind < 86)
        {
          /* a Latin word */
          for (guint k = g_rand_int_range (rand, 1, 16); k > 0; k--)
            g_string_append_c (s, "abcilmwxyzDIMW"[g_rand_int_range (rand, 0, 14)]);
        }
      else if (kind < 95)
        {
          for (guint k = g_rand_int_range (rand, 1, 4); k > 0; k--)
            g_string_append_c (s, ' ');
        }
      else if (kind < 98)
        g_string_append (s, "　");
      else
        g_string_append_c (s, "-/.,"[g_rand_int_range (rand, 0, 4)]);
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  gsize    offset;
  gunichar c;
  double   width;
  gboolean space;
  guint    run;        /* 1-based run id, 0 outside runs */
} TestChar;

static gboolean
ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum (c);
}

/* The paragraph as characters, with its Latin/digit runs: letters and
 * digits, and . , % - / : standing between two of them. */
static TestChar *
split_chars (const char *text,
             double    (*char_width) (gunichar),
             guint      *n_out,
             double    **run_widths_out)
{
  guint n = g_utf8_strlen (text, -1);
  TestChar *chars = g_new0 (TestChar, n + 1);
  double *run_widths = g_new0 (double, n + 1);
  guint run = 0;
  guint i = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      chars[i].offset = p - text;
      chars[i].c = g_utf8_get_char (p);
      chars[i].width = char_width (chars[i].c);
      chars[i].space = chars[i].c == ' ' || chars[i].c == 0x3000;
    }
  chars[n].offset = strlen (text);

  for (i = 0; i < n; )
    {
      if (!ascii_alnum (chars[i].c))
        {
          i++;
          continue;
        }
      run++;
      while (i < n)
        {
          guint k = i;

          while (k < n && ascii_alnum (chars[k].c))
            k++;
          for (; i < k; i++)
            chars[i].run = run;
          while (k < n && chars[k].c < 0x80 && strchr (".,%-/:", (int) chars[k].c) != NULL)
            k++;
          if (k == i || k == n || !ascii_alnum (chars[k].c))
            break;
          for (; i < k; i++)
            chars[i].run = run;
        }
    }
  for (i = 0; i < n; i++)
    run_widths[chars[i].run] += chars[i].width;

  *n_out = n;
  *run_widths_out = run_widths;
  return chars;
}

/* May a line start at character @p (a line that starts at @from)? */
static gboolean
may_start (const TestChar *chars,
           const double   *run_widths,
           guint           from,
           guint           p,
           double          width)
{
  guint before = p;

  if (p <= from || chars[p].space || concord_linebreak_is_closing (chars[p].c))
    return FALSE;
  while (before > from && chars[before - 1].space)
    before--;
  if (before == from)
    return FALSE;
  if (concord_linebreak_is_opening (chars[before - 1].c))
    return FALSE;
  if (before == p && chars[p].run != 0 && chars[p - 1].run == chars[p].run &&
      run_widths[chars[p].run] <= width)
    return FALSE;
  return TRUE;
}

static double
trimmed_width (const TestChar *chars,
               guint           from,
               guint           to)
{
  double w = 0;

  while (to > from && chars[to - 1].space)
    to--;
  for (guint i = from; i < to; i++)
    w += chars[i].width;
  return w;
}

static void
check_paragraph (const char *text,
                 double      width,
                 gboolean    use_mono)
{
  double (*char_width) (gunichar) = use_mono ? mono_char : proportional_char;
  g_autoptr(GArray) lines = concord_linebreak (text, width, use_mono ? mono : proportional, NULL);
  g_autofree TestChar *chars = NULL;
  g_autofree double *run_widths = NULL;
  g_autofree guint *char_at = NULL;
  g_autoptr(GString) rebuilt = g_string_new (NULL);
  gsize text_len = strlen (text);
  guint n;

  chars = split_chars (text, char_width, &n, &run_widths);
  char_at = g_new0 (guint, text_len + 1);
  for (guint i = 0; i <= n; i++)
    char_at[chars[i].offset] = i;

  g_assert_cmpuint (lines->len, >=, 1);
  g_assert_cmpuint (g_array_index (lines, ConcordLine, 0).start, ==, 0);

  for (guint k = 0; k < lines->len; k++)
    {
      const ConcordLine *line = &g_array_index (lines, ConcordLine, k);
      gsize end = line->start + line->length;
      gsize next = k + 1 < lines->len ? g_array_index (lines, ConcordLine, k + 1).start : text_len;
      guint first, stop, next_first;

      g_assert_cmpint (line->last, ==, k + 1 == lines->len);
      g_assert_cmpuint (end, <=, next);
      g_assert_true (g_utf8_validate (text + line->start, line->length, NULL));
      first = char_at[line->start];
      stop = char_at[end];
      next_first = char_at[next];
      g_assert_cmpuint (chars[first].offset, ==, line->start);
      g_assert_cmpuint (chars[stop].offset, ==, end);
      g_assert_cmpuint (chars[next_first].offset, ==, next);

      /* Rebuilt from the lines and the spaces dropped between them. */
      g_string_append_len (rebuilt, text + line->start, next - line->start);
      for (guint i = stop; i < next_first; i++)
        g_assert_true (chars[i].space);

      g_assert_cmpuint (line->n_chars, ==, stop - first);
      g_assert_cmpfloat (line->width, ==, trimmed_width (chars, first, stop));

      if (line->length == 0)
        {
          /* Only a paragraph of nothing but spaces has an empty line. */
          g_assert_cmpuint (lines->len, ==, 1);
          continue;
        }
      g_assert_false (chars[stop - 1].space);
      if (k > 0)
        {
          g_assert_false (chars[first].space);
          g_assert_false (concord_linebreak_is_closing (chars[first].c));
        }
      if (!line->last)
        g_assert_false (concord_linebreak_is_opening (chars[stop - 1].c));

      /* Too wide only when it is one unit with nowhere to break. */
      if (line->width > width)
        for (guint p = first + 1; p < stop; p++)
          g_assert_false (may_start (chars, run_widths, first, p, width));

      /* Not needlessly short: what the next line starts with would not fit. */
      if (!line->last)
        {
          guint q = next_first + 1;

          while (q < n && !may_start (chars, run_widths, first, q, width))
            q++;
          g_assert_cmpfloat (trimmed_width (chars, first, q), >, width);
        }
    }
  g_assert_cmpstr (rebuilt->str, ==, text);

  /* Runs no wider than the line are never split. */
  for (guint k = 1; k < lines->len; k++)
    {
      guint first = char_at[g_array_index (lines, ConcordLine, k).start];

      if (chars[first].run != 0 && first > 0 && chars[first - 1].run == chars[first].run)
        g_assert_cmpfloat (run_widths[chars[first].run], >, width);
    }
}

static void
test_property (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260305);
  guint n_paragraphs = g_test_thorough () ? 100000 : 10000;

  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_autofree char *text = random_paragraph (rand);
      double width = g_rand_int_range (rand, 5, 301);
      gboolean use_mono = g_rand_boolean (rand);

      if (g_rand_int_range (rand, 0, 4) == 0)
        width += 0.5;
      if (g_test_verbose ())
        g_test_message ("%u: \"%s\" at %g", i, text, width);
      check_paragraph (text, width, use_mono);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/linebreak/classes", test_classes);
  g_test_add_func ("/linebreak/empty", test_empty);
  g_test_add_func ("/linebreak/cjk", test_cjk);
  g_test_add_func ("/linebreak/closing", test_closing);
  g_test_add_func ("/linebreak/opening", test_opening);
  g_test_add_func ("/linebreak/runs", test_runs);
  g_test_add_func ("/linebreak/long-run", test_long_run);
  g_test_add_func ("/linebreak/spaces", test_spaces);
  g_test_add_func ("/linebreak/two-em", test_two_em);
  g_test_add_func ("/linebreak/proportional", test_proportional);
  g_test_add_func ("/linebreak/justify", test_justify);
  g_test_add_func ("/linebreak/measure-once", test_measure_once);
  g_test_add_func ("/linebreak/property", test_property);

  return g_test_run ();
}
