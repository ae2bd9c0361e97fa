/* concord-linebreak.c — breaking Chinese paragraphs into lines
 *
 * The paragraph is cut into characters; each is measured once, alone, and
 * a line's width is the sum of its characters' widths. The measure of a
 * run of text is therefore taken to equal the sum of its characters'
 * measures: kerning and ligatures are ignored, which is what the PDF side
 * does too (one glyph per character, no pair kerning).
 *
 * Each character gets a class (closing, opening, space…) and a flag that
 * says whether a line may start at it. A line may start:
 *
 *  - after a run of spaces, unless the next character is closing or the
 *    last character before the spaces is opening;
 *  - between two other characters, unless the second is closing (or a
 *    combining mark), the first is opening, either is a no-break space or
 *    joiner, or both belong to the same Latin/digit run.
 *
 * Keeping a closing mark with the character before it is what moves that
 * character down when the mark would start a line ("repeat if that also
 * violates" falls out: the whole glued unit moves). "……" and "——" are two
 * closing marks, so they never split and never start a line. A Latin/digit
 * run wider than a whole line may break between any two of its characters
 * (still obeying the punctuation rules).
 *
 * Lines are then filled greedily: each takes as many characters as fit and
 * ends at the last place a line may start. Spaces at the end of a line are
 * dropped and not counted; a line with no such place before it overflows
 * extends to the first one (a single unbreakable unit wider than the line).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-linebreak"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "concord-linebreak.h"

typedef enum
{
  CLASS_OTHER,     /* Chinese characters, letters, digits, symbols */
  CLASS_SPACE,     /* a break opportunity, dropped at a line's end */
  CLASS_CLOSING,   /* never starts a line */
  CLASS_OPENING,   /* never ends a line */
  CLASS_ATTACHED,  /* combining marks, variation selectors */
  CLASS_GLUE,      /* no-break spaces and joiners: no break either side */
} CharClass;

typedef struct
{
  gsize    offset;     /* in bytes */
  double   width;
  gunichar c;
  guint    run;        /* 1-based id of its Latin/digit run, or 0 */
  guint8   klass;
  guint8   can_start;  /* a line may start at this character */
} Char;

static gboolean
is_space (gunichar c)
{
  if (c == 0x00A0 || c == 0x2007 || c == 0x202F)
    return FALSE;
  return c == 0x200B || g_unichar_isspace (c);
}

static gboolean
is_attached (gunichar c)
{
  return g_unichar_ismark (c) ||
         (c >= 0xFE00 && c <= 0xFE0F) ||      /* variation selectors */
         (c >= 0xE0100 && c <= 0xE01EF) ||
         c == 0x200D;                         /* zero-width joiner */
}

static gboolean
is_glue (gunichar c)
{
  return c == 0x00A0 || c == 0x2007 || c == 0x202F || c == 0x2060 || c == 0xFEFF;
}

/* Letters and digits of Latin text, numbers and identifiers. Chinese
 * characters are alphabetic to Unicode; they are wide, which tells them
 * apart. Full-width digits and letters are runs too. */
static gboolean
is_run_char (gunichar c)
{
  if (!g_unichar_isalnum (c))
    return FALSE;
  return !g_unichar_iswide (c) || (c >= 0xFF10 && c <= 0xFF5A);
}

/* What belongs inside a number, an amount or an identifier when it stands
 * between two letters or digits: "60,000.00", "2026-03-05", "10:30", "5/6".
 * Of the full-width marks only the full stop ("３．５"): a full-width colon
 * or comma after a number ends a clause ("附件1：2026年…"). */
static gboolean
is_run_connector (gunichar c)
{
  switch (c)
    {
    case '.': case ',': case '%': case '-': case '/': case ':':
    case '_': case '@': case '\'':
    case 0xFF0E:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * concord_linebreak_is_closing:
 * @c: a character
 *
 * Closing punctuation, which must not start a line: the full-width marks
 * of GB/T 15834 (，。、；：？！）」』》〉】〕’”…—%), their half-width
 * forms, and a few more that printers keep off a line's start (the
 * middle dot of names, the wave dash of ranges, ‰, °, ℃).
 *
 * Returns: %TRUE if @c must not start a line
 */
gboolean
concord_linebreak_is_closing (gunichar c)
{
  switch (c)
    {
    /* GB/T 15834 */
    case 0xFF0C: /* ， */
    case 0x3002: /* 。 */
    case 0x3001: /* 、 */
    case 0xFF1B: /* ； */
    case 0xFF1A: /* ： */
    case 0xFF1F: /* ？ */
    case 0xFF01: /* ！ */
    case 0xFF09: /* ） */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0x300B: /* 》 */
    case 0x3009: /* 〉 */
    case 0x3011: /* 】 */
    case 0x3015: /* 〕 */
    case 0x2019: /* ’ */
    case 0x201D: /* ” */
    case 0x2026: /* … */
    case 0x2014: /* — */
    case '%':
    /* half-width */
    case ',': case '.': case ';': case ':': case '?': case '!':
    case ')': case ']': case '}':
    /* other full-width and half-width-katakana forms */
    case 0xFF05: /* ％ */
    case 0xFF0E: /* ． */
    case 0xFF3D: /* ］ */
    case 0xFF5D: /* ｝ */
    case 0x3017: /* 〗 */
    case 0x3019: /* 〙 */
    case 0x301B: /* 〛 */
    case 0xFF61: /* ｡ */
    case 0xFF63: /* ｣ */
    case 0xFF64: /* ､ */
    /* dashes and ellipses */
    case 0x2013: /* – */
    case 0x2015: /* ― */
    case 0x2E3A: /* ⸺ */
    case 0x2E3B: /* ⸻ */
    case 0x22EF: /* ⋯ */
    /* middle dots, wave dashes, units */
    case 0x00B7: /* · */
    case 0x2027: /* ‧ */
    case 0x30FB: /* ・ */
    case 0xFF5E: /* ～ */
    case 0x301C: /* 〜 */
    case 0x2030: /* ‰ */
    case 0x00B0: /* ° */
    case 0x2103: /* ℃ */
    case 0x00BB: /* » */
    case 0x203A: /* › */
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * concord_linebreak_is_opening:
 * @c: a character
 *
 * Opening punctuation, which must not end a line: （「『《〈【〔‘“, their
 * half-width forms ([{, and the currency signs written before an amount
 * (¥ ￥ $ ＄ £ €).
 *
 * Returns: %TRUE if @c must not end a line
 */
gboolean
concord_linebreak_is_opening (gunichar c)
{
  switch (c)
    {
    case 0xFF08: /* （ */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
    case 0x300A: /* 《 */
    case 0x3008: /* 〈 */
    case 0x3010: /* 【 */
    case 0x3014: /* 〔 */
    case 0x2018: /* ‘ */
    case 0x201C: /* “ */
    case '(': case '[': case '{':
    case 0xFF3B: /* ［ */
    case 0xFF5B: /* ｛ */
    case 0x3016: /* 〖 */
    case 0x3018: /* 〘 */
    case 0x301A: /* 〚 */
    case 0xFF62: /* ｢ */
    case 0x00AB: /* « */
    case 0x2039: /* ‹ */
    /* currency signs before an amount */
    case 0x00A5: /* ¥ */
    case 0xFFE5: /* ￥ */
    case '$':
    case 0xFF04: /* ＄ */
    case 0x00A3: /* £ */
    case 0x20AC: /* € */
      return TRUE;
    default:
      return FALSE;
    }
}

static CharClass
classify (gunichar c)
{
  if (is_space (c))
    return CLASS_SPACE;
  if (is_glue (c))
    return CLASS_GLUE;
  if (is_attached (c))
    return CLASS_ATTACHED;
  if (concord_linebreak_is_closing (c))
    return CLASS_CLOSING;
  if (concord_linebreak_is_opening (c))
    return CLASS_OPENING;
  return CLASS_OTHER;
}

/* Gives each Latin/digit run an id: letters and digits, the combining
 * marks on them, and connectors standing between two of them. */
static void
mark_runs (Char  *chars,
           guint  n)
{
  guint run = 0;
  guint i = 0;

  while (i < n)
    {
      if (!is_run_char (chars[i].c))
        {
          i++;
          continue;
        }

      run++;
      while (i < n)
        {
          guint k;

          if (is_run_char (chars[i].c) || chars[i].klass == CLASS_ATTACHED)
            {
              chars[i++].run = run;
              continue;
            }
          for (k = i; k < n && is_run_connector (chars[k].c); k++)
            ;
          if (k == i || k == n || !is_run_char (chars[k].c))
            break;
          for (; i < k; i++)
            chars[i].run = run;
        }
    }
}

static void
mark_line_starts (Char  *chars,
                  guint  n)
{
  guint last_solid = G_MAXUINT;  /* the last character that is not a space */

  for (guint i = 0; i < n; i++)
    {
      Char *ch = &chars[i];

      ch->can_start = FALSE;
      if (ch->klass == CLASS_SPACE)
        continue;

      if (last_solid != G_MAXUINT &&
          ch->klass != CLASS_CLOSING &&
          ch->klass != CLASS_ATTACHED &&
          ch->klass != CLASS_GLUE)
        {
          const Char *before = &chars[last_solid];

          if (last_solid + 1 < i)
            ch->can_start = before->klass != CLASS_OPENING;
          else
            ch->can_start = before->klass != CLASS_OPENING &&
                            before->klass != CLASS_GLUE &&
                            (before->run == 0 || before->run != ch->run);
        }
      last_solid = i;
    }
}

/* A run wider than the line breaks by characters, punctuation rules
 * still applying inside it ("1234." keeps its full stop). */
static void
open_wide_runs (Char   *chars,
                guint   n,
                double  width)
{
  guint i = 0;

  while (i < n)
    {
      guint run = chars[i].run;
      guint end;
      double run_width = 0;

      if (run == 0)
        {
          i++;
          continue;
        }
      for (end = i; end < n && chars[end].run == run; end++)
        run_width += chars[end].width;

      if (run_width > width)
        for (guint k = i + 1; k < end; k++)
          chars[k].can_start = chars[k].klass != CLASS_CLOSING &&
                               chars[k].klass != CLASS_ATTACHED &&
                               chars[k].klass != CLASS_GLUE &&
                               chars[k - 1].klass != CLASS_OPENING;
      i = end;
    }
}

static gboolean
fits (double w,
      double width)
{
  /* Sums of font widths carry rounding; a line that fills the measure
   * exactly must still fit. */
  return w <= width + fabs (width) * 1e-9;
}

static void
append_line (GArray     *lines,
             const Char *chars,
             guint       n,
             gsize       text_len,
             guint       start,
             guint       end)
{
  ConcordLine line = { 0, };
  guint e = end;

  while (e > start && chars[e - 1].klass == CLASS_SPACE)
    e--;

  line.start = start < n ? chars[start].offset : text_len;
  line.length = (e < n ? chars[e].offset : text_len) - line.start;
  for (guint i = start; i < e; i++)
    line.width += chars[i].width;
  line.n_chars = e - start;
  line.last = end == n;
  g_array_append_val (lines, line);
}

/**
 * concord_linebreak:
 * @text: (nullable): one paragraph of UTF-8, without line breaks
 * @width: the measure, in the units of @measure
 * @measure: gives the width of a piece of @text
 * @data: passed to @measure
 *
 * Breaks @text into lines no wider than @width, following the rules of
 * Chinese typesetting (see concord-linebreak.h). @measure is called once
 * per character, with that character alone; a line's width is the sum of
 * its characters' widths (kerning is ignored).
 *
 * Returns: (transfer full): a new array of #ConcordLine, at least one
 */
GArray *
concord_linebreak (const char         *text,
                   double              width,
                   ConcordMeasureFunc  measure,
                   gpointer            data)
{
  g_autoptr(GArray) lines = NULL;
  g_autofree Char *chars = NULL;
  gsize text_len;
  guint n = 0;
  guint s = 0;

  g_return_val_if_fail (measure != NULL, NULL);
  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);

  lines = g_array_new (FALSE, TRUE, sizeof (ConcordLine));
  if (text == NULL || *text == '\0')
    {
      ConcordLine empty = { 0, 0, 0, 0, TRUE };

      g_array_append_val (lines, empty);
      return g_steal_pointer (&lines);
    }

  text_len = strlen (text);
  chars = g_new0 (Char, text_len);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      Char *ch = &chars[n++];
      gsize len = g_utf8_next_char (p) - p;

      ch->offset = p - text;
      ch->c = g_utf8_get_char (p);
      ch->klass = classify (ch->c);
      ch->width = measure (p, len, data);
    }

  mark_runs (chars, n);
  mark_line_starts (chars, n);
  open_wide_runs (chars, n, width);

  while (s < n)
    {
      double w = 0;        /* up to the last character that is not a space */
      double pending = 0;  /* spaces after it */
      guint best = s;      /* the last place the line may end */
      gboolean over = FALSE;
      guint end = n;

      for (guint j = s; j < n; j++)
        {
          const Char *ch = &chars[j];

          if (ch->klass == CLASS_SPACE)
            {
              pending += ch->width;
              continue;
            }
          if (j > s && ch->can_start)
            {
              if (over)
                {
                  end = j;
                  break;
                }
              best = j;
            }
          if (!fits (w + pending + ch->width, width))
            {
              if (best > s)
                {
                  end = best;
                  break;
                }
              /* A single unit wider than the line: it goes whole, and the
               * line ends at the next place it may. */
              over = TRUE;
            }
          w += pending + ch->width;
          pending = 0;
        }

      append_line (lines, chars, n, text_len, s, end);
      s = end;
    }

  return g_steal_pointer (&lines);
}

/**
 * concord_line_justify_spacing:
 * @line: a line from concord_linebreak()
 * @width: the measure it was broken for
 *
 * Returns: the space to add after each character but the last so that
 *   @line fills @width; 0 for a paragraph's last line, a line of one
 *   character or a line already as wide
 */
double
concord_line_justify_spacing (const ConcordLine *line,
                              double             width)
{
  g_return_val_if_fail (line != NULL, 0);

  if (line->last || line->n_chars < 2 || !(line->width < width))
    return 0;
  return (width - line->width) / (line->n_chars - 1);
}
