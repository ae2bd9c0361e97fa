/* concord-statute.c — statute articles: reading the Markdown layout,
 * article numbers, citations
 *
 * The layout (see concord-statute.h) as the published files have it:
 *
 *   # 中华人民共和国民法典
 *   # 侵权责任编                       (a Civil Code book: second "#" line)
 *   2020年5月28日 第十三届全国人民代表大会第三次会议通过
 *   <!-- INFO END -->
 *   ## 第一章  一般规定                 (spaces vary: U+0020, U+2002, U+3000)
 *   第一千一百六十五条 行为人因过错…
 *   依照法律规定推定行为人有过错…        (the article's second paragraph)
 *
 * with blank lines between paragraphs. Paragraphs right after the
 * "<!-- INFO END -->" line, before any heading or article, are a preamble
 * (the judicial confirmation rules have one) and are skipped, as is the
 * text under a "序言" heading. A "# book" heading after that line starts a
 * book of the Civil Code, so that one file may hold articles of several
 * books (the starter set does). Headings are classified by what they say
 * ("第一分编", "第一章", "第一节"), as their level differs between books.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-statute"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "concord-error.h"
#include "concord-statute.h"

#define INFO_END          "<!-- INFO END -->"
#define LAW_PREFIX        "中华人民共和国"
#define MAX_LABEL_CHARS   16
#define MAX_NUMBER        99999999

/* Statutes and files */

ConcordStatute *
concord_statute_new (void)
{
  return g_new0 (ConcordStatute, 1);
}

ConcordStatute *
concord_statute_copy (const ConcordStatute *statute)
{
  ConcordStatute *copy;

  g_return_val_if_fail (statute != NULL, NULL);

  copy = concord_statute_new ();
  copy->id = statute->id;
  copy->law = g_strdup (statute->law);
  copy->version_date = g_strdup (statute->version_date);
  copy->part = g_strdup (statute->part);
  copy->chapter = g_strdup (statute->chapter);
  copy->section = g_strdup (statute->section);
  copy->number = statute->number;
  copy->label = g_strdup (statute->label);
  copy->text = g_strdup (statute->text);
  copy->tags = g_strdup (statute->tags);
  return copy;
}

void
concord_statute_free (ConcordStatute *statute)
{
  if (statute == NULL)
    return;
  g_free (statute->law);
  g_free (statute->version_date);
  g_free (statute->part);
  g_free (statute->chapter);
  g_free (statute->section);
  g_free (statute->label);
  g_free (statute->text);
  g_free (statute->tags);
  g_free (statute);
}

void
concord_statute_file_free (ConcordStatuteFile *file)
{
  if (file == NULL)
    return;
  g_free (file->law);
  g_free (file->version_date);
  g_free (file->part);
  g_clear_pointer (&file->articles, g_ptr_array_unref);
  g_free (file);
}

/* Numbers */

static int
chinese_digit (gunichar c)
{
  switch (c)
    {
    case 0x96F6: /* 零 */
    case 0x3007: /* 〇 */
      return 0;
    case 0x4E00: return 1; /* 一 */
    case 0x4E8C: return 2; /* 二 */
    case 0x4E24: return 2; /* 两 */
    case 0x4E09: return 3; /* 三 */
    case 0x56DB: return 4; /* 四 */
    case 0x4E94: return 5; /* 五 */
    case 0x516D: return 6; /* 六 */
    case 0x4E03: return 7; /* 七 */
    case 0x516B: return 8; /* 八 */
    case 0x4E5D: return 9; /* 九 */
    default:     return -1;
    }
}

static int
chinese_unit (gunichar c)
{
  switch (c)
    {
    case 0x5341: return 10;     /* 十 */
    case 0x767E: return 100;    /* 百 */
    case 0x5343: return 1000;   /* 千 */
    case 0x4E07: return 10000;  /* 万 */
    default:     return 0;
    }
}

static int
arabic_digit (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)  /* full-width */
    return (int) (c - 0xFF10);
  return -1;
}

static gboolean
is_number_char (gunichar c)
{
  return chinese_digit (c) >= 0 || chinese_unit (c) > 0 || arabic_digit (c) >= 0;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/* Chinese numerals, written with units ("一千一百六十五", "十五",
 * "一千零一十") or digit by digit ("一一六五"); 0 when not a number. */
static int
parse_chinese (const gunichar *chars,
               glong           n)
{
  gint64 total = 0;     /* the part above 万 */
  gint64 section = 0;   /* the part below 万 */
  int digit = -1;       /* a digit waiting for its unit */
  int last_unit = 100000;
  gboolean has_unit = FALSE;
  gboolean zero = FALSE;

  for (glong i = 0; i < n; i++)
    has_unit |= chinese_unit (chars[i]) > 0;

  if (!has_unit)
    {
      gint64 value = 0;

      for (glong i = 0; i < n; i++)
        {
          value = value * 10 + chinese_digit (chars[i]);
          if (value > MAX_NUMBER)
            return 0;
        }
      return (int) value;
    }

  for (glong i = 0; i < n; i++)
    {
      int d = chinese_digit (chars[i]);
      int unit = chinese_unit (chars[i]);

      if (d == 0)
        {
          if (digit > 0)
            return 0;   /* "五零" */
          zero = TRUE;
          continue;
        }
      if (d > 0)
        {
          if (digit > 0)
            return 0;   /* two digits without a unit between them */
          digit = d;
          continue;
        }
      if (unit == 10000)
        {
          if (total > 0 || (section == 0 && digit < 0))
            return 0;
          section += MAX (digit, 0);
          total = section * 10000;
          section = 0;
          digit = -1;
          last_unit = 10000;
          zero = FALSE;
          continue;
        }
      /* 十, 百 or 千: units fall within a section ("一千一百") */
      if (unit >= last_unit)
        return 0;
      if (digit < 0 && unit != 10)
        return 0;       /* "百五" */
      section += (gint64) (digit < 0 ? 1 : digit) * unit;
      digit = -1;
      last_unit = unit;
      zero = FALSE;
    }

  if (digit > 0)
    {
      /* "一百五" is 150 as people say it; "一百零五" is 105. */
      if (!zero && last_unit >= 100 && last_unit < 10000)
        section += (gint64) digit * (last_unit / 10);
      else
        section += digit;
    }
  total += section;
  if (total <= 0 || total > MAX_NUMBER)
    return 0;
  return (int) total;
}

int
concord_statute_parse_number (const char *text)
{
  g_autofree gunichar *chars = NULL;
  glong n = 0, start = 0, end;
  gboolean arabic = TRUE, chinese = TRUE;

  if (text == NULL)
    return 0;
  chars = g_utf8_to_ucs4 (text, -1, NULL, &n, NULL);
  if (chars == NULL)
    return 0;

  end = n;
  while (start < end && is_space (chars[start]))
    start++;
  while (end > start && is_space (chars[end - 1]))
    end--;
  if (start < end && chars[start] == 0x7B2C)   /* 第 */
    {
      start++;
      while (start < end && is_space (chars[start]))
        start++;
    }
  if (end > start && chars[end - 1] == 0x6761)   /* 条 */
    {
      end--;
      while (end > start && is_space (chars[end - 1]))
        end--;
    }
  if (start >= end)
    return 0;

  for (glong i = start; i < end; i++)
    {
      arabic &= arabic_digit (chars[i]) >= 0;
      chinese &= chinese_digit (chars[i]) >= 0 || chinese_unit (chars[i]) > 0;
    }

  if (arabic)
    {
      gint64 value = 0;

      for (glong i = start; i < end; i++)
        {
          value = value * 10 + arabic_digit (chars[i]);
          if (value > MAX_NUMBER)
            return 0;
        }
      return (int) value;
    }
  if (chinese)
    return parse_chinese (chars + start, end - start);
  return 0;
}

static const char *const digit_names[] = {
  "零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
};
static const char *const unit_names[] = { "千", "百", "十", "" };

/* 1…9999 in Chinese numerals; @leading: the number starts here, so 10–19
 * are "十…" rather than "一十…". */
static void
append_below_10000 (GString  *out,
                    int       n,
                    gboolean  leading)
{
  static const int place_values[] = { 1000, 100, 10, 1 };
  gboolean started = FALSE;
  gboolean pending_zero = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (place_values); i++)
    {
      int d = (n / place_values[i]) % 10;

      if (d == 0)
        {
          if (started)
            pending_zero = TRUE;
          continue;
        }
      if (pending_zero)
        g_string_append (out, digit_names[0]);
      pending_zero = FALSE;
      if (!(d == 1 && place_values[i] == 10 && !started && leading))
        g_string_append (out, digit_names[d]);
      g_string_append (out, unit_names[i]);
      started = TRUE;
    }
}

char *
concord_statute_number_label (int number)
{
  GString *out;

  g_return_val_if_fail (number > 0 && number <= MAX_NUMBER, NULL);

  out = g_string_new ("第");
  if (number >= 10000)
    {
      int low = number % 10000;

      append_below_10000 (out, number / 10000, TRUE);
      g_string_append (out, "万");
      if (low > 0 && low < 1000)
        g_string_append (out, digit_names[0]);
      if (low > 0)
        append_below_10000 (out, low, FALSE);
    }
  else
    append_below_10000 (out, number, TRUE);
  g_string_append (out, "条");
  return g_string_free (out, FALSE);
}

char *
concord_statute_citation (const ConcordStatute *statute)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (statute != NULL, NULL);

  if (statute->label != NULL && *statute->label != '\0')
    label = g_strdup (statute->label);
  else if (statute->number > 0)
    label = concord_statute_number_label (statute->number);
  else
    label = g_strdup ("");
  return g_strdup_printf ("《%s》%s", statute->law ? statute->law : "", label);
}

char *
concord_statute_short_law (const char *law)
{
  g_return_val_if_fail (law != NULL, NULL);

  if (g_str_has_prefix (law, LAW_PREFIX) && law[strlen (LAW_PREFIX)] != '\0')
    return g_strdup (law + strlen (LAW_PREFIX));
  return g_strdup (law);
}

/* Parsing */

typedef struct
{
  guint               line_no;
  ConcordStatuteFile *file;
  char               *part;         /* the current book (a "#" heading in the body) */
  char               *chapter;
  char               *section;
  ConcordStatute     *article;      /* being read; also in file->articles */
  guint               article_line;
  GString            *text;         /* of the article being read */
  gboolean            seen_heading;
  gboolean            in_preamble;  /* under a "序言" heading */
} Parser;

static void
parser_clear (Parser *parser)
{
  g_clear_pointer (&parser->file, concord_statute_file_free);
  g_free (parser->part);
  g_free (parser->chapter);
  g_free (parser->section);
  if (parser->text != NULL)
    g_string_free (parser->text, TRUE);
}

G_GNUC_PRINTF (4, 5)
static void
set_line_error (GError    **error,
                guint      *error_line,
                guint       line,
                const char *format,
                ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (error_line != NULL)
    *error_line = line;
  /* Translators: a line of a statute file that is not in the expected
   * layout; %u is the line number, %s says what is wrong there. */
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("Line %u: %s"), line, reason);
}

/* The text after a line's leading "#"s (NULL when the line is no
 * heading), with its level. */
static const char *
heading_text (const char *line,
              guint      *level)
{
  guint n = 0;

  while (line[n] == '#')
    n++;
  if (n == 0)
    return NULL;
  *level = n;
  return line + n;
}

/* Runs of spaces of any kind become one space; none at either end. */
static char *
normalize_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static const char *
skip_spaces (const char *p)
{
  while (*p != '\0' && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* Whether @text starts with "第" + numerals + @unit ("章", "节", "分编"). */
static gboolean
starts_with_ordinal (const char *text,
                     const char *unit)
{
  const char *p;

  if (!g_str_has_prefix (text, "第"))
    return FALSE;
  p = text + strlen ("第");
  if (!is_number_char (g_utf8_get_char (p)))
    return FALSE;
  while (*p != '\0' && is_number_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return g_str_has_prefix (p, unit);
}

/* A "YYYY-MM-DD" from "(YYYY-MM-DD)" in a file name, or NULL. */
static char *
date_from_file_name (const char *file_name)
{
  g_autofree char *base = NULL;

  if (file_name == NULL)
    return NULL;
  base = g_path_get_basename (file_name);
  for (const char *p = strchr (base, '('); p != NULL; p = strchr (p + 1, '('))
    {
      static const char pattern[] = "(dddd-dd-dd)";
      gboolean match = strlen (p) >= sizeof pattern - 1;
      int y, m, d;

      for (gsize i = 0; match && i < sizeof pattern - 1; i++)
        match = pattern[i] == 'd' ? g_ascii_isdigit (p[i]) : p[i] == pattern[i];
      if (!match)
        continue;
      y = atoi (p + 1);
      m = atoi (p + 6);
      d = atoi (p + 9);
      if (g_date_valid_dmy (d, m, y))
        return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    }
  return NULL;
}

/* Reads a run of digits (ASCII or full-width) at *p. */
static int
read_digits (const char **p,
             int         *n_digits)
{
  int value = 0;

  *n_digits = 0;
  while (**p != '\0')
    {
      int d = arabic_digit (g_utf8_get_char (*p));

      if (d < 0)
        break;
      if (*n_digits < 6)
        value = value * 10 + d;
      (*n_digits)++;
      *p = g_utf8_next_char (*p);
    }
  return value;
}

/* The first "2020年5月28日" of a history line, as "2020-05-28", or NULL. */
static char *
date_from_history (const char *line)
{
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *q = p;
      int y, m, d, n;

      if (arabic_digit (g_utf8_get_char (p)) < 0)
        continue;
      y = read_digits (&q, &n);
      if (n != 4 || !g_str_has_prefix (q, "年"))
        {
          p = g_utf8_prev_char (q);
          continue;
        }
      q += strlen ("年");
      m = read_digits (&q, &n);
      if (n < 1 || n > 2 || !g_str_has_prefix (q, "月"))
        continue;
      q += strlen ("月");
      d = read_digits (&q, &n);
      if (n < 1 || n > 2 || !g_str_has_prefix (q, "日"))
        continue;
      if (g_date_valid_dmy (d, m, y))
        return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    }
  return NULL;
}

/* When @line starts with an article label ("第十条"), its length in
 * bytes; 0 otherwise. */
static gsize
article_label_length (const char *line)
{
  const char *p;
  guint n = 0;

  if (!g_str_has_prefix (line, "第"))
    return 0;
  p = line + strlen ("第");
  while (*p != '\0' && n <= MAX_LABEL_CHARS)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x6761)   /* 条 */
        return n > 0 ? (gsize) (p - line) + strlen ("条") : 0;
      if (!is_number_char (c))
        return 0;
      p = g_utf8_next_char (p);
      n++;
    }
  return 0;
}

static gboolean
finish_article (Parser  *parser,
                guint   *error_line,
                GError **error)
{
  ConcordStatute *article = parser->article;
  g_autofree char *stripped = NULL;

  if (article == NULL)
    return TRUE;
  parser->article = NULL;
  stripped = g_strstrip (g_strdup (parser->text->str));
  if (*stripped == '\0')
    {
      set_line_error (error, error_line, parser->article_line,
                      _("article “%s” has no text"), article->label);
      return FALSE;
    }
  article->text = g_strdup (parser->text->str);
  g_string_truncate (parser->text, 0);
  return TRUE;
}

static void
set_heading (char      **field,
             const char *text)
{
  g_free (*field);
  *field = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

static void
read_heading (Parser     *parser,
              guint       level,
              const char *raw)
{
  g_autofree char *text = normalize_spaces (raw);

  parser->seen_heading = TRUE;
  parser->in_preamble = FALSE;

  if (level == 1)
    {
      set_heading (&parser->part, text);
      set_heading (&parser->chapter, NULL);
      set_heading (&parser->section, NULL);
    }
  else if (starts_with_ordinal (text, "分编") || starts_with_ordinal (text, "编"))
    {
      set_heading (&parser->chapter, NULL);
      set_heading (&parser->section, NULL);
    }
  else if (starts_with_ordinal (text, "章"))
    {
      set_heading (&parser->chapter, text);
      set_heading (&parser->section, NULL);
    }
  else if (starts_with_ordinal (text, "节"))
    set_heading (&parser->section, text);
  else if (g_str_equal (text, "序言") || g_str_equal (text, "前言"))
    {
      set_heading (&parser->chapter, NULL);
      set_heading (&parser->section, NULL);
      parser->in_preamble = TRUE;
    }
  else if (level == 2)
    {
      set_heading (&parser->chapter, text);
      set_heading (&parser->section, NULL);
    }
  else
    set_heading (&parser->section, text);
}

static gboolean
read_article (Parser     *parser,
              const char *line,
              gsize       label_length,
              guint      *error_line,
              GError    **error)
{
  g_autofree char *label = g_strndup (line, label_length);
  const char *rest = line + label_length;
  ConcordStatute *previous = NULL;
  ConcordStatute *article;
  int number;

  if (g_str_has_prefix (rest, "之"))
    {
      const char *end = rest;
      g_autofree char *shown = NULL;

      while (*end != '\0' && !is_space (g_utf8_get_char (end)) && end - rest < 12)
        end = g_utf8_next_char (end);
      shown = g_strndup (line, end - line);
      set_line_error (error, error_line, parser->line_no,
                      _("articles numbered like “%s” are not supported"), shown);
      return FALSE;
    }

  number = concord_statute_parse_number (label);
  if (number <= 0)
    {
      set_line_error (error, error_line, parser->line_no,
                      _("the article number “%s” cannot be read"), label);
      return FALSE;
    }

  if (!finish_article (parser, error_line, error))
    return FALSE;

  if (parser->file->articles->len > 0)
    previous = g_ptr_array_index (parser->file->articles, parser->file->articles->len - 1);
  if (previous != NULL && number == previous->number)
    {
      set_line_error (error, error_line, parser->line_no,
                      _("article “%s” appears twice"), label);
      return FALSE;
    }
  if (previous != NULL && number < previous->number)
    {
      set_line_error (error, error_line, parser->line_no,
                      _("article “%s” comes after “%s”: articles must be in order"),
                      label, previous->label);
      return FALSE;
    }

  article = concord_statute_new ();
  article->law = g_strdup (parser->file->law);
  article->version_date = g_strdup (parser->file->version_date);
  article->part = g_strdup (parser->part != NULL ? parser->part : parser->file->part);
  article->chapter = g_strdup (parser->chapter);
  article->section = g_strdup (parser->section);
  article->number = number;
  article->label = g_steal_pointer (&label);
  g_ptr_array_add (parser->file->articles, article);

  parser->article = article;
  parser->article_line = parser->line_no;
  parser->in_preamble = FALSE;
  g_string_assign (parser->text, skip_spaces (rest));
  return TRUE;
}

static gboolean
read_paragraph (Parser     *parser,
                const char *line,
                guint      *error_line,
                GError    **error)
{
  if (parser->in_preamble || (!parser->seen_heading && parser->file->articles->len == 0))
    return TRUE;   /* a preamble: not an article */
  if (parser->article == NULL)
    {
      set_line_error (error, error_line, parser->line_no, "%s", _("text before the first article"));
      return FALSE;
    }
  if (parser->text->len > 0)
    g_string_append_c (parser->text, '\n');
  g_string_append (parser->text, line);
  return TRUE;
}

typedef enum
{
  STATE_START,    /* before the title */
  STATE_HEADER,   /* title, book, history */
  STATE_BODY,     /* after "<!-- INFO END -->" */
} State;

ConcordStatuteFile *
concord_statute_parse (const char  *text,
                       gssize       length,
                       const char  *file_name,
                       guint       *error_line,
                       GError     **error)
{
  Parser parser = { 0 };
  State state = STATE_START;
  g_autofree char *history_date = NULL;
  const char *end;
  const char *p;
  guint last_line = 1;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (error_line != NULL)
    *error_line = 0;
  if (text == NULL)
    text = "";
  if (length < 0)
    length = (gssize) strlen (text);
  end = text + length;
  p = text;
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;   /* a byte order mark */

  parser.file = g_new0 (ConcordStatuteFile, 1);
  parser.file->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_statute_free);
  parser.text = g_string_new (NULL);

  for (guint line_no = 1; p < end || line_no == 1; line_no++)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize len = (nl != NULL ? nl : end) - p;
      g_autofree char *line = NULL;
      const char *heading;
      guint level = 0;
      gsize label_length;

      parser.line_no = last_line = line_no;
      if (len > 0 && p[len - 1] == '\r')
        len--;
      if (!g_utf8_validate (p, (gssize) len, NULL))
        {
          set_line_error (error, error_line, line_no, "%s",
                          _("the text is not valid UTF-8 (save the file as UTF-8)"));
          goto failed;
        }
      line = g_strndup (p, len);
      p = nl != NULL ? nl + 1 : end;

      if (*skip_spaces (line) == '\0')
        continue;
      heading = heading_text (line, &level);

      switch (state)
        {
        case STATE_START:
          if (heading == NULL || level != 1 || *skip_spaces (heading) == '\0')
            {
              set_line_error (error, error_line, line_no, "%s",
                              _("the file must start with a “# title” line"));
              goto failed;
            }
          parser.file->law = normalize_spaces (heading);
          state = STATE_HEADER;
          break;

        case STATE_HEADER:
          {
            g_autofree char *trimmed = g_strstrip (g_strdup (line));

            if (g_str_equal (trimmed, INFO_END))
              {
                parser.file->version_date = date_from_file_name (file_name);
                if (parser.file->version_date == NULL)
                  parser.file->version_date = g_steal_pointer (&history_date);
                if (parser.file->version_date == NULL)
                  {
                    set_line_error (error, error_line, line_no, "%s",
                                    _("no version date: the file name has none, as in "
                                      "“Law(2020-05-28).md”, and the history above has no date "
                                      "such as “2020年5月28日”"));
                    goto failed;
                  }
                state = STATE_BODY;
              }
            else if ((heading != NULL && level > 1) || article_label_length (line) > 0)
              {
                set_line_error (error, error_line, line_no, "%s",
                                _("the line “<!-- INFO END -->” that ends the title and history "
                                  "is missing before this line"));
                goto failed;
              }
            else if (heading != NULL)
              {
                if (parser.file->part != NULL)
                  {
                    set_line_error (error, error_line, line_no, "%s",
                                    _("only the title and a book of the code may be “#” lines "
                                      "before “<!-- INFO END -->”"));
                    goto failed;
                  }
                parser.file->part = normalize_spaces (heading);
                if (*parser.file->part == '\0')
                  g_clear_pointer (&parser.file->part, g_free);
              }
            else if (history_date == NULL)
              history_date = date_from_history (line);
          }
          break;

        case STATE_BODY:
          if (heading != NULL)
            {
              if (!finish_article (&parser, error_line, error))
                goto failed;
              read_heading (&parser, level, heading);
            }
          else if (g_str_has_prefix (skip_spaces (line), "<!--") && g_str_has_suffix (line, "-->"))
            continue;
          else if ((label_length = article_label_length (line)) > 0)
            {
              if (!read_article (&parser, line, label_length, error_line, error))
                goto failed;
            }
          else if (!read_paragraph (&parser, line, error_line, error))
            goto failed;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (state == STATE_START)
    {
      set_line_error (error, error_line, 1, "%s", _("the file must start with a “# title” line"));
      goto failed;
    }
  if (state == STATE_HEADER)
    {
      set_line_error (error, error_line, last_line, "%s",
                      _("the line “<!-- INFO END -->” that ends the title and history is missing"));
      goto failed;
    }
  if (!finish_article (&parser, error_line, error))
    goto failed;
  if (parser.file->articles->len == 0)
    {
      set_line_error (error, error_line, last_line, "%s",
                      _("the file has no articles (paragraphs that start with “第…条”)"));
      goto failed;
    }

  {
    ConcordStatuteFile *file = g_steal_pointer (&parser.file);

    parser_clear (&parser);
    return file;
  }

failed:
  parser_clear (&parser);
  return NULL;
}

ConcordStatuteFile *
concord_statute_parse_file (const char  *path,
                            guint       *error_line,
                            GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (error_line != NULL)
    *error_line = 0;
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  /* The file name gives the version date; its characters may be in the
   * file system's encoding. */
  name = g_filename_display_basename (path);
  return concord_statute_parse (contents, (gssize) length, name, error_line, error);
}
