/* concord-pdf.c — the agreement as the PDF the parties sign
 *
 * Two passes: the layout places every line and box on its page with the
 * fonts' widths (concord-pdf-font) and the line breaking of
 * concord-linebreak; then the characters each font prints are subset
 * into a private temporary directory and libharu draws the pages: the
 * text and boxes, the pad signatures as vector paths in their boxes, the
 * seal over the organisation's name, and at the foot of every page the
 * verification code and "第 X 页 共 Y 页" now that the page count is
 * known; on the last page a QR code of the case number and the code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-pdf"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include <hpdf.h>
#include <qrencode.h>

#include "concord-error.h"
#include "concord-pdf.h"
#include "concord-pdf-font.h"
#include "concord-linebreak.h"
#include "concord-signature.h"

/* A4 in points; the text block is 30 characters of the body size wide,
 * centred (GB/T 9704 sets 28 characters of 16 pt: about the same width). */
#define PAGE_WIDTH      595.276
#define PAGE_HEIGHT     841.890
#define MM              (72.0 / 25.4)
#define MARGIN_TOP      (28 * MM)
#define MARGIN_BOTTOM   (25 * MM)
#define BODY_SIZE       15.0
#define CHARS_PER_LINE  30
#define TEXT_WIDTH      (BODY_SIZE * CHARS_PER_LINE)
#define MARGIN_LEFT     ((PAGE_WIDTH - TEXT_WIDTH) / 2)
#define TEXT_RIGHT      (MARGIN_LEFT + TEXT_WIDTH)
#define LEADING         1.8     /* line pitch, times the size */
#define TITLE_SIZE      22.0
#define FOOTER_SIZE     10.5
#define FOOTER_Y        (MARGIN_BOTTOM / 2)
#define INDENT          "\u3000\u3000"

/* A justified line spreads its characters by less than a tenth of the
 * body size: wider gaps show, and readers (pdftotext, a viewer's search)
 * take them for spaces. A line that would need more — the next run, an
 * ID or phone number, did not fit — ends short instead, as the last line
 * of a paragraph does: the number stays whole on the next line, where a
 * clerk reads it against the ID card. */
#define MAX_SPACING     0.09

/* The signature block: a row per signer, then the organisation's name
 * with room around it for its seal (42 mm, the size of a committee's or a
 * police organ's official seal), and the date. */
#define SIGN_PITCH      (BODY_SIZE * 3.0)
#define SIGN_SPACE      (BODY_SIZE * 2.0)
#define SIGN_BOX_X      (MARGIN_LEFT + BODY_SIZE * 14)
#define SIGN_BOX_W      (BODY_SIZE * 8)
#define SIGN_BOX_H      (SIGN_PITCH - 8)
#define SEAL_SIZE       (42 * MM)
#define SEAL_ZONE       (SEAL_SIZE + 6)

/* The QR code of the last page: 18 mm, its right edge on the text block's,
 * just above the footer; the last page's text stays clear of it and of
 * its quiet zone. */
#define QR_SIZE         (18 * MM)
#define QR_Y            (FOOTER_Y + FOOTER_SIZE * 1.2)
#define QR_BOTTOM       (QR_Y + QR_SIZE + 8)

/* Pad signatures: ink of a blue-black pen, the width following the
 * pressure. */
#define INK_R           0.07
#define INK_G           0.11
#define INK_B           0.30
#define INK_MIN_WIDTH   0.4
#define INK_MAX_WIDTH   1.6

#define MARKER_PREFIX   "concord-verify/1 "

enum { FONT_BODY, FONT_HEADING, N_FONTS };

typedef enum { ALIGN_JUSTIFY, ALIGN_CENTRE, ALIGN_RIGHT } Align;

typedef enum { ITEM_TEXT, ITEM_RECT } ItemKind;

typedef struct
{
  ItemKind  kind;
  guint     page;       /* 0-based */
  double    x, y;       /* text: baseline start; rect: lower left */
  double    w, h;       /* rect */
  int       font;
  double    size;
  double    spacing;    /* character spacing (justification) */
  char     *text;
} Item;

/* A signature box, and whose it is. */
typedef struct
{
  guint       page;
  double      x, y, w, h;
  char       *key;      /* the signer's key (ConcordSigner) */
} SignBox;

typedef struct
{
  ConcordPdfFont *fonts[N_FONTS];
  GArray         *items;        /* of Item */
  GArray         *boxes;        /* of SignBox */
  guint           page;
  double          y;            /* top of the next line: the space left
                                 * goes down to bottom */
  double          bottom;       /* MARGIN_BOTTOM; QR_BOTTOM from the
                                 * signature block on (the last page) */
  guint           last_par;     /* index in items of the last body
                                 * paragraph's first line */
  gboolean        has_seal;     /* an organisation's name to seal */
  guint           seal_page;
  double          seal_x, seal_y;  /* the centre of the seal */
  GString        *chars[N_FONTS];
  GPtrArray      *signatures;   /* options->signatures, or NULL */
} Layout;

/* Widths of a paragraph whose first @split bytes (a run-in heading) are
 * set in fonts[0] and the rest in fonts[1]. */
typedef struct
{
  const char     *full;
  gsize           split;
  ConcordPdfFont *fonts[2];
  double          size;
} Measure;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->text);
}

static void
box_clear (gpointer data)
{
  SignBox *box = data;

  g_free (box->key);
}

/* Variation selectors and zero-width characters are not printed (the
 * fonts have no glyphs for them and they show nothing). */
static char *
printable_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) ||
          (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF ||
          c == '\r')
        continue;
      if (c == '\t')
        c = ' ';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static double
char_width (ConcordPdfFont *font,
            double          size,
            gunichar        c)
{
  if (c == 0x3000)
    return size;
  return size * concord_pdf_font_char_width (font, c) / 1000.0;
}

static ConcordPdfFont *
font_at (const Measure *m,
         const char    *p)
{
  return m->full != NULL && (gsize) (p - m->full) < m->split ? m->fonts[0] : m->fonts[1];
}

static double
measure_text (const char *text,
              gsize       length,
              gpointer    data)
{
  Measure *m = data;
  double width = 0;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    width += char_width (font_at (m, p), m->size, g_utf8_get_char (p));
  return width;
}

static double
text_width (Layout     *layout,
            int         font,
            double      size,
            const char *text)
{
  Measure m = { NULL, 0, { layout->fonts[font], layout->fonts[font] }, size };

  return measure_text (text, strlen (text), &m);
}

static void
new_page (Layout *layout)
{
  layout->page++;
  layout->y = PAGE_HEIGHT - MARGIN_TOP;
}

static gboolean
fits (Layout *layout,
      double  height)
{
  return layout->y - height >= layout->bottom - 0.01;
}

static void
add_text (Layout     *layout,
          int         font,
          double      size,
          double      x,
          double      baseline,
          double      spacing,
          const char *text,
          gsize       length)
{
  Item item = { 0 };

  item.kind = ITEM_TEXT;
  item.page = layout->page;
  item.x = x;
  item.y = baseline;
  item.font = font;
  item.size = size;
  item.spacing = spacing;
  item.text = g_strndup (text, length);
  g_string_append_len (layout->chars[font], text, length);
  g_array_append_val (layout->items, item);
}

static void
add_rect (Layout *layout,
          double  x,
          double  y,
          double  w,
          double  h)
{
  Item item = { 0 };

  item.kind = ITEM_RECT;
  item.page = layout->page;
  item.x = x;
  item.y = y;
  item.w = w;
  item.h = h;
  g_array_append_val (layout->items, item);
}

/* Latin letters, digits and their punctuation hold together: a
 * justified line spreads the gaps between Chinese characters, never
 * those inside "370203197502170620" or "¥60,000.00". */
static gboolean
joined (gunichar a,
        gunichar b)
{
  return a < 0x2000 && b < 0x2000 && !g_unichar_isspace (a) && !g_unichar_isspace (b);
}

/* One line of a paragraph placed at @baseline: in pieces of one font
 * and one spacing, so that justification spreads only the gaps it may. */
static void
add_line (Layout            *layout,
          const Measure     *m,
          int                lead_font,
          int                font,
          const char        *full,
          const ConcordLine *line,
          Align              align,
          double             baseline)
{
  const char *start = full + line->start;
  const char *end = start + line->length;
  double x = MARGIN_LEFT;
  double spacing = 0;
  guint gaps = 0;

  if (align == ALIGN_JUSTIFY && !line->last && line->width < TEXT_WIDTH)
    {
      for (const char *p = start; p < end; p = g_utf8_next_char (p))
        {
          const char *next = g_utf8_next_char (p);

          if (next < end && !joined (g_utf8_get_char (p), g_utf8_get_char (next)))
            gaps++;
        }
      if (gaps > 0)
        spacing = (TEXT_WIDTH - line->width) / gaps;
      if (spacing > m->size * MAX_SPACING)
        spacing = 0;
    }
  else if (align == ALIGN_CENTRE)
    x = MARGIN_LEFT + (TEXT_WIDTH - line->width) / 2;
  else if (align == ALIGN_RIGHT)
    x = TEXT_RIGHT - line->width;

  /* The indent is room, not characters. */
  while (start < end && g_utf8_get_char (start) == 0x3000)
    {
      x += m->size + spacing;
      start = g_utf8_next_char (start);
    }

  while (start < end)
    {
      gboolean lead = m->full != NULL && (gsize) (start - m->full) < m->split;
      const char *p = start;
      const char *next = g_utf8_next_char (p);
      gboolean spread = next < end && !joined (g_utf8_get_char (p), g_utf8_get_char (next));
      double width = 0;
      guint n = 0;

      /* Up to the end of the run of one font and one kind of gap. */
      for (;;)
        {
          width += char_width (font_at (m, p), m->size, g_utf8_get_char (p));
          n++;
          next = g_utf8_next_char (p);
          if (next >= end || font_at (m, next) != font_at (m, p) ||
              (!joined (g_utf8_get_char (p), g_utf8_get_char (next))) != spread)
            break;
          p = next;
        }
      add_text (layout, lead ? lead_font : font, m->size, x, baseline, spread ? spacing : 0,
                start, next - start);
      x += width + (n - 1) * (spread ? spacing : 0);
      if (next < end && !joined (g_utf8_get_char (p), g_utf8_get_char (next)))
        x += spacing;
      start = next;
    }
}

/* One paragraph (no line breaks in @text), @lead (a run-in heading, in
 * @lead_font) before it, broken into lines and placed from layout->y
 * down, on new pages as needed. */
static void
add_run_in (Layout     *layout,
            int         lead_font,
            const char *lead,
            int         font,
            double      size,
            Align       align,
            gboolean    indent,
            double      space_before,
            const char *text)
{
  g_autofree char *full = g_strconcat (indent ? INDENT : "", lead, text, NULL);
  Measure m = { full, (indent ? strlen (INDENT) : 0) + strlen (lead),
                { layout->fonts[lead_font], layout->fonts[font] }, size };
  double pitch = size * LEADING;
  g_autoptr(GArray) lines = concord_linebreak (full, TEXT_WIDTH, measure_text, &m);

  if (layout->y < PAGE_HEIGHT - MARGIN_TOP - 0.01)
    layout->y -= space_before;
  if (font == FONT_BODY)
    layout->last_par = layout->items->len;
  for (guint i = 0; i < lines->len; i++)
    {
      if (!fits (layout, pitch))
        new_page (layout);
      add_line (layout, &m, lead_font, font, full, &g_array_index (lines, ConcordLine, i),
                align, layout->y - size);
      layout->y -= pitch;
    }
}

static void
add_paragraph (Layout     *layout,
               int         font,
               double      size,
               Align       align,
               gboolean    indent,
               double      space_before,
               const char *text)
{
  add_run_in (layout, font, "", font, size, align, indent, space_before, text);
}

/* A heading never ends a page: it goes to the next one unless two lines
 * of what it heads fit under it. */
static void
add_heading (Layout     *layout,
             double      space_before,
             const char *text)
{
  double pitch = BODY_SIZE * LEADING;

  if (layout->y < PAGE_HEIGHT - MARGIN_TOP - 0.01 && !fits (layout, space_before + 3 * pitch))
    new_page (layout);
  add_paragraph (layout, FONT_HEADING, BODY_SIZE, ALIGN_JUSTIFY, FALSE, space_before, text);
}

/* @text split at its line breaks, each a paragraph. */
static void
add_paragraphs (Layout     *layout,
                int         font,
                Align       align,
                gboolean    indent,
                const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (paragraphs[i][0] == '\0')
        continue;
      add_paragraph (layout, font, BODY_SIZE, align, indent, 0, paragraphs[i]);
    }
}

/* "一", "十二", "二十": numbers of terms. */
static char *
chinese_number (guint n)
{
  static const char *const digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n < 10)
    return g_strdup (digits[n]);
  if (n < 20)
    return g_strconcat ("十", n % 10 ? digits[n % 10] : "", NULL);
  if (n < 100)
    return g_strconcat (digits[n / 10], "十", n % 10 ? digits[n % 10] : "", NULL);
  return g_strdup_printf ("%u", n);
}

/* The rows of the signature block. */
typedef enum
{
  SIGN_PARTY,      /* a signature box and a fingerprint box */
  SIGN_OFFICIAL,   /* the mediator or presiding officer: a signature box */
  SIGN_SEAL,       /* the organisation's name, its seal over it */
  SIGN_DATE,
} SignKind;

typedef struct
{
  SignKind  kind;
  char     *label;
  char     *key;       /* the signer's key (ConcordSigner) for boxes */
  char     *date;      /* a signer's row: "日期：…", the day signed on
                        * screen or blanks for the pen */
  gsize     name_len;  /* SIGN_SEAL: bytes of the label that are the name */
} SignLine;

static void
sign_line_free (gpointer data)
{
  SignLine *line = data;

  g_free (line->label);
  g_free (line->key);
  g_free (line->date);
  g_free (line);
}

static SignLine *
add_sign_line (GPtrArray  *lines,
               SignKind    kind,
               char       *label,
               char       *key)
{
  SignLine *line = g_new0 (SignLine, 1);

  line->kind = kind;
  line->label = label;
  line->key = key;
  g_ptr_array_add (lines, line);
  return line;
}

static void
add_seal_line (GPtrArray  *lines,
               const char *name)
{
  g_autofree char *clean = printable_text (name);
  SignLine *line = add_sign_line (lines, SIGN_SEAL, g_strdup_printf ("%s（印章）", clean), NULL);

  line->name_len = strlen (clean);
}

static const ConcordSignature *find_signature (GPtrArray              *signatures,
                                               const ConcordAgreement *agreement,
                                               const char             *key);

/* The local time @key signed on screen, or NULL. */
static GDateTime *
signed_on_screen (GPtrArray              *signatures,
                  const ConcordAgreement *agreement,
                  const char             *key)
{
  const ConcordSignature *signature = find_signature (signatures, agreement, key);
  g_autoptr(GDateTime) at = NULL;

  if (signature == NULL || signature->signed_at == NULL)
    return NULL;
  at = g_date_time_new_from_iso8601 (signature->signed_at, NULL);
  return at != NULL ? g_date_time_to_local (at) : NULL;
}

/* The rows of the signature block in the template's order: the signers
 * of concord_signature_required_signers(), with their keys, each with the
 * date under the name (the day signed on screen, or blanks for the pen);
 * the seals; the date of signing, the day of the last signature once
 * every signer signed on screen, else blank. */
static GPtrArray *
signature_lines (const ConcordAgreement       *agreement,
                 const ConcordTemplate        *template,
                 const ConcordAgreementSource *source,
                 GPtrArray                    *signatures)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (sign_line_free);
  g_autoptr(GPtrArray) signers = concord_signature_required_signers (agreement, template, source);
  g_autoptr(GDateTime) last = NULL;
  gboolean all_on_screen = TRUE;
  guint next = 0;

  for (guint s = 0; template->signers != NULL && template->signers[s] != NULL; s++)
    {
      const char *what = template->signers[s];

      if (g_str_equal (what, "committee-seal"))
        add_seal_line (lines, source->committee_name != NULL ? source->committee_name : "");
      else if (g_str_equal (what, "organ-seal"))
        add_seal_line (lines, source->station_name != NULL ? source->station_name : "");
      else
        /* The signers this entry stands for, as concord-signature lists
         * them: every party, or the one official. */
        for (; next < signers->len; next++)
          {
            ConcordSigner *signer = g_ptr_array_index (signers, next);
            gboolean party = signer->party_id != 0;
            g_autoptr(GDateTime) at = NULL;
            g_autofree char *day = NULL;
            SignLine *line;

            if (party != g_str_equal (what, "parties") || (!party && !g_str_equal (what, signer->key)))
              break;
            line = add_sign_line (lines, party ? SIGN_PARTY : SIGN_OFFICIAL,
                                  g_strdup_printf ("%s：%s", signer->role, signer->name), g_strdup (signer->key));
            at = signed_on_screen (signatures, agreement, signer->key);
            if (at != NULL)
              day = g_date_time_format (at, "%Y年%-m月%-d日");
            line->date = g_strconcat ("日期：", day != NULL ? day : "　　　年　　月　　日", NULL);
            all_on_screen &= at != NULL;
            if (at != NULL && (last == NULL || g_date_time_compare (at, last) > 0))
              {
                g_clear_pointer (&last, g_date_time_unref);
                last = g_date_time_ref (at);
              }
            if (!party)
              {
                next++;
                break;
              }
          }
    }
  add_sign_line (lines, SIGN_DATE,
                 all_on_screen && last != NULL ? g_date_time_format (last, "%Y年%-m月%-d日")
                                               : g_strdup ("　　年　　月　　日"),
                 NULL);
  return lines;
}

static double
signatures_height (GPtrArray *lines)
{
  double height = SIGN_SPACE;
  gboolean sealed = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      SignLine *line = g_ptr_array_index (lines, i);

      if (line->kind == SIGN_SEAL)
        {
          height += SEAL_ZONE;
          sealed = TRUE;
        }
      else if (line->kind != SIGN_DATE || !sealed)
        height += SIGN_PITCH;
    }
  return height;
}

/* Where the label of a right-aligned line of the block starts. */
static double
right_aligned (Layout     *layout,
               const char *text)
{
  return TEXT_RIGHT - BODY_SIZE - text_width (layout, FONT_BODY, BODY_SIZE, text);
}

/* The signature block, kept together; when it does not fit, the last
 * paragraph before it goes to the next page with it. From here on the
 * last page keeps clear of the QR code. */
static void
add_signatures (Layout    *layout,
                GPtrArray *lines)
{
  double height = signatures_height (lines);
  double seal_centre = 0;
  gboolean sealed = FALSE;

  /* A block longer than a page starts after the text where two rows
   * fit, and goes on over the next. */
  if (height > PAGE_HEIGHT - MARGIN_TOP - QR_BOTTOM)
    height = SIGN_SPACE + 2 * SIGN_PITCH;
  layout->bottom = QR_BOTTOM;
  if (!fits (layout, height))
    {
      guint first = layout->last_par;
      guint end = layout->items->len;
      guint page = layout->page;
      double top = PAGE_HEIGHT - MARGIN_TOP;

      /* Only the lines on this page move; not all of them when they fill
       * it (the page would be left empty). */
      while (first < end && g_array_index (layout->items, Item, first).page != page)
        first++;
      if (first < end && g_array_index (layout->items, Item, first).y > top - BODY_SIZE * LEADING &&
          end - first > 1)
        {
          /* Keep whole lines: a line is several items. */
          double last_y = g_array_index (layout->items, Item, end - 1).y;
          guint keep = end - 1;

          while (keep > first && g_array_index (layout->items, Item, keep - 1).y == last_y)
            keep--;
          if (keep > first)
            {
              double prev_y = g_array_index (layout->items, Item, keep - 1).y;
              guint two = keep;

              while (two > first && g_array_index (layout->items, Item, two - 1).y == prev_y)
                two--;
              first = two > first ? two : keep;
            }
        }
      new_page (layout);
      if (first < end)
        {
          double shift = top - (g_array_index (layout->items, Item, first).y + BODY_SIZE);

          for (guint i = first; i < end; i++)
            {
              Item *item = &g_array_index (layout->items, Item, i);

              item->page = layout->page;
              item->y += shift;
            }
          layout->y = g_array_index (layout->items, Item, end - 1).y - BODY_SIZE * (LEADING - 1);
        }
    }
  layout->y -= SIGN_SPACE;
  for (guint i = 0; i < lines->len; i++)
    {
      SignLine *line = g_ptr_array_index (lines, i);
      double baseline;

      /* A block longer than a page (a dozen parties) goes on over the
       * next, row by row. */
      if ((line->kind == SIGN_SEAL && !fits (layout, SEAL_ZONE)) ||
          ((line->kind == SIGN_PARTY || line->kind == SIGN_OFFICIAL || (line->kind == SIGN_DATE && !sealed)) &&
           !fits (layout, SIGN_PITCH)))
        new_page (layout);
      baseline = layout->y - SIGN_PITCH / 2 - BODY_SIZE / 3;
      switch (line->kind)
        {
        case SIGN_PARTY:
        case SIGN_OFFICIAL:
          {
            static const char sign[] = "签名：";
            static const char finger[] = "按指印：";
            double box_y = layout->y - SIGN_PITCH + 4;
            SignBox box = { layout->page, SIGN_BOX_X, box_y, SIGN_BOX_W, SIGN_BOX_H, g_strdup (line->key) };

            /* The name above, the date under it, smaller. */
            add_text (layout, FONT_BODY, BODY_SIZE, MARGIN_LEFT, baseline + BODY_SIZE * 0.45, 0,
                      line->label, strlen (line->label));
            if (line->date != NULL)
              add_text (layout, FONT_BODY, BODY_SIZE * 0.8, MARGIN_LEFT, baseline - BODY_SIZE * 0.75, 0,
                        line->date, strlen (line->date));
            add_text (layout, FONT_BODY, BODY_SIZE, SIGN_BOX_X - BODY_SIZE * 3, baseline, 0,
                      sign, strlen (sign));
            add_rect (layout, box.x, box.y, box.w, box.h);
            g_array_append_val (layout->boxes, box);
            /* Only the parties put a fingerprint on the agreement. */
            if (line->kind == SIGN_PARTY)
              {
                double x = SIGN_BOX_X + SIGN_BOX_W + BODY_SIZE;

                add_text (layout, FONT_BODY, BODY_SIZE, x, baseline, 0, finger, strlen (finger));
                add_rect (layout, x + BODY_SIZE * 4, box_y, SIGN_BOX_H, SIGN_BOX_H);
              }
            layout->y -= SIGN_PITCH;
          }
          break;

        case SIGN_SEAL:
          {
            /* The seal's upper half clears the rows above; the name is
             * at its centre (a character's middle is about 0.38 of the
             * size above the baseline), the date under it. */
            double x = right_aligned (layout, line->label);
            g_autofree char *name = g_strndup (line->label, line->name_len);
            double name_width = text_width (layout, FONT_BODY, BODY_SIZE, name);

            seal_centre = layout->y - SEAL_SIZE / 2 - 4;
            baseline = seal_centre - BODY_SIZE * 0.38;
            add_text (layout, FONT_BODY, BODY_SIZE, x, baseline, 0, line->label, strlen (line->label));
            if (!layout->has_seal)
              {
                layout->has_seal = TRUE;
                layout->seal_page = layout->page;
                layout->seal_x = x + (line->name_len > 0 ? name_width
                                      : text_width (layout, FONT_BODY, BODY_SIZE, line->label)) / 2;
                layout->seal_y = seal_centre;
              }
            layout->y -= SEAL_ZONE;
            sealed = TRUE;
          }
          break;

        case SIGN_DATE:
        default:
          if (sealed)
            baseline = seal_centre - BODY_SIZE * 0.38 - BODY_SIZE * 2;
          add_text (layout, FONT_BODY, BODY_SIZE, right_aligned (layout, line->label), baseline, 0,
                    line->label, strlen (line->label));
          if (!sealed)
            layout->y -= SIGN_PITCH;
          break;
        }
    }
}

static void
add_parties (Layout                 *layout,
             const ConcordAgreement *agreement)
{
  for (guint i = 0; i < agreement->parties->len; i++)
    {
      ConcordAgreementParty *party = g_ptr_array_index (agreement->parties, i);
      g_autofree char *particulars = printable_text (party->particulars);
      g_autofree char *role = printable_text (party->role);
      g_autofree char *text = NULL;

      if (particulars[0] == '\0')
        {
          g_free (particulars);
          particulars = printable_text (party->name);
        }
      text = g_strdup_printf ("%s：%s", role[0] != '\0' ? role : "当事人", particulars);
      add_paragraphs (layout, FONT_BODY, ALIGN_JUSTIFY, TRUE, text);
    }
}

/* Fails when @font cannot print a character of @text. */
static gboolean
check_text (Layout      *layout,
            int          font,
            const char  *text,
            const char  *where,
            GError     **error)
{
  gunichar missing = concord_pdf_font_find_missing (layout->fonts[font], text);
  char utf8[8] = { 0 };
  g_autofree char *quoted = NULL;

  if (missing == 0)
    return TRUE;
  g_unichar_to_utf8 (missing, utf8);
  /* The words around the character, not a whole long field. */
  {
    const char *at = strstr (text, utf8);
    const char *from = at != NULL ? at : text;
    const char *to;
    glong before = 0;

    while (from > text && before < 6)
      {
        from = g_utf8_prev_char (from);
        before++;
      }
    to = at != NULL ? g_utf8_next_char (at) : text;
    for (int after = 0; *to != '\0' && after < 6; after++)
      to = g_utf8_next_char (to);
    quoted = g_strdup_printf ("%s%.*s%s", from > text ? "…" : "", (int) (to - from), from,
                              *to != '\0' ? "…" : "");
  }
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
               /* Translators: "张𠀀某 (the name of a party): the character
                * “𠀀” (U+20000) cannot be printed with the font AR PL UMing
                * CN…" */
               _("%s (%s): the character “%s” (U+%04X) cannot be printed with the font %s; "
                 "write it another way or choose another font"),
               quoted, where, utf8, missing, concord_pdf_font_get_family (layout->fonts[font]));
  return FALSE;
}

/* A field's words: a one-line field (调解机关：四方派出所) runs in after
 * its heading; a text field's paragraphs follow their heading. */
static gboolean
add_field (Layout                     *layout,
           const ConcordAgreement     *agreement,
           const ConcordTemplateField *field,
           GError                    **error)
{
  const char *value = concord_agreement_get_field (agreement, field->key);
  g_autofree char *expanded = NULL;
  g_autofree char *text = NULL;
  g_autofree char *field_heading = printable_text (field->heading);

  if (value == NULL)
    return TRUE;
  expanded = field->kind == CONCORD_FIELD_CLAUSE
             ? concord_agreement_expand_text (agreement, value) : g_strdup (value);
  text = printable_text (expanded);
  if (!check_text (layout, FONT_HEADING, field_heading, field->label, error) ||
      !check_text (layout, FONT_BODY, text, field->label, error))
    return FALSE;
  if (field->kind == CONCORD_FIELD_LINE && field_heading[0] != '\0' && strchr (text, '\n') == NULL)
    {
      g_strstrip (text);
      add_run_in (layout, FONT_HEADING, field_heading, FONT_BODY, BODY_SIZE, ALIGN_JUSTIFY, FALSE, 0, text);
      return TRUE;
    }
  if (field_heading[0] != '\0')
    add_heading (layout, 0, field_heading);
  add_paragraphs (layout, FONT_BODY, ALIGN_JUSTIFY, TRUE, text);
  return TRUE;
}

/* The whole document laid out; FALSE when a character cannot be printed. */
static gboolean
lay_out (Layout                       *layout,
         const ConcordAgreement       *agreement,
         const ConcordTemplate        *template,
         const ConcordAgreementSource *source,
         GError                      **error)
{
  g_autofree char *title = printable_text (template->title);
  g_autofree char *case_no = printable_text (source->c != NULL ? source->c->case_no : NULL);
  gboolean signatures_done = FALSE;

  if (!check_text (layout, FONT_HEADING, title, _("the title"), error) ||
      !check_text (layout, FONT_BODY, case_no, _("the case number"), error))
    return FALSE;
  for (guint i = 0; i < agreement->parties->len; i++)
    {
      ConcordAgreementParty *party = g_ptr_array_index (agreement->parties, i);
      g_autofree char *name = printable_text (party->name);
      g_autofree char *role = printable_text (party->role);
      g_autofree char *particulars = printable_text (party->particulars);

      if (!check_text (layout, FONT_BODY, name, _("the name of a party"), error) ||
          !check_text (layout, FONT_BODY, role, _("the role of a party"), error) ||
          !check_text (layout, FONT_BODY, particulars, _("the particulars of a party"), error))
        return FALSE;
    }

  add_paragraph (layout, FONT_HEADING, TITLE_SIZE, ALIGN_CENTRE, FALSE, 0, title);
  if (case_no[0] != '\0')
    add_paragraph (layout, FONT_BODY, BODY_SIZE, ALIGN_RIGHT, FALSE, 0, case_no);

  /* A template without a parties section still names them first. */
  if (!concord_template_has_section (template, CONCORD_SECTION_PARTIES))
    add_parties (layout, agreement);
  for (guint s = 0; s <= template->sections->len; s++)
    {
      ConcordTemplateSection *section = s < template->sections->len ? g_ptr_array_index (template->sections, s) : NULL;
      ConcordSectionKind kind = section != NULL ? section->kind : CONCORD_N_SECTION_KINDS;
      g_autofree char *heading = section != NULL ? printable_text (section->heading) : NULL;

      if (section == NULL && signatures_done)
        break;
      if (section == NULL)
        kind = CONCORD_SECTION_SIGNATURES;

      if (heading != NULL && heading[0] != '\0')
        {
          if (!check_text (layout, FONT_HEADING, heading, _("a heading"), error))
            return FALSE;
          add_heading (layout, BODY_SIZE / 2, heading);
        }

      switch (kind)
        {
        case CONCORD_SECTION_PARTIES:
          add_parties (layout, agreement);
          break;

        case CONCORD_SECTION_FIELDS:
          for (guint k = 0; k < section->fields->len; k++)
            if (!add_field (layout, agreement, g_ptr_array_index (section->fields, k), error))
              return FALSE;
          break;

        case CONCORD_SECTION_TERMS:
          for (guint i = 0; i < agreement->terms->len; i++)
            {
              const ConcordTerm *term = g_ptr_array_index (agreement->terms, i);
              g_autofree char *sentence = concord_agreement_term_text (agreement, term);
              g_autofree char *clean = printable_text (sentence);
              g_autofree char *number = chinese_number (i + 1);
              g_autofree char *text = g_strdup_printf ("%s、%s", number, clean);
              /* Translators: where a character cannot be printed: "term 2" */
              g_autofree char *where = g_strdup_printf (_("term %u"), i + 1);

              if (!check_text (layout, FONT_BODY, text, where, error))
                return FALSE;
              add_paragraphs (layout, FONT_BODY, ALIGN_JUSTIFY, TRUE, text);
            }
          break;

        case CONCORD_SECTION_SIGNATURES:
          if (!signatures_done)
            {
              g_autoptr(GPtrArray) lines = signature_lines (agreement, template, source, layout->signatures);

              for (guint i = 0; i < lines->len; i++)
                {
                  SignLine *line = g_ptr_array_index (lines, i);
                  g_autofree char *clean = printable_text (line->label);

                  g_free (line->label);
                  line->label = g_steal_pointer (&clean);
                  if (!check_text (layout, FONT_BODY, line->label, _("the signatures"), error) ||
                      (line->date != NULL &&
                       !check_text (layout, FONT_BODY, line->date, _("the signatures"), error)))
                    return FALSE;
                }
              add_signatures (layout, lines);
              signatures_done = TRUE;
            }
          break;

        case CONCORD_N_SECTION_KINDS:
        default:
          break;
        }
    }
  return TRUE;
}

typedef struct
{
  HPDF_STATUS error;
  HPDF_STATUS detail;
} HaruStatus;

static void
haru_error (HPDF_STATUS error_no,
            HPDF_STATUS detail_no,
            void       *user_data)
{
  HaruStatus *status = user_data;

  if (status->error == HPDF_OK)
    {
      status->error = error_no;
      status->detail = detail_no;
    }
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (dir);
}

static void
set_date (HPDF_Doc     pdf,
          HPDF_InfoType type,
          GDateTime   *when)
{
  HPDF_Date date = { 0 };

  date.year = g_date_time_get_year (when);
  date.month = g_date_time_get_month (when);
  date.day = g_date_time_get_day_of_month (when);
  date.hour = g_date_time_get_hour (when);
  date.minutes = g_date_time_get_minute (when);
  date.seconds = g_date_time_get_second (when);
  date.ind = 'Z';
  HPDF_SetInfoDateAttr (pdf, type, date);
}

/* The seal, decoded here from its PNG rather than by libharu: libharu
 * hands PNGs to libpng without catching its errors (a damaged file
 * aborts the program), mishandles 16-bit and interlaced images, and
 * leaves the transparency uncompressed. Every chunk and its checksum is
 * checked, the image data inflated in full and unfiltered; libharu gets
 * the pixels and the transparency as raw images, which it compresses. */
#define SEAL_MAX_PIXELS 2000

typedef struct
{
  guint32  width;
  guint32  height;
  guchar  *rgb;      /* width × height × 3 */
  guchar  *alpha;    /* width × height, or NULL when opaque */
} Seal;

static void
seal_free (Seal *seal)
{
  if (seal == NULL)
    return;
  g_free (seal->rgb);
  g_free (seal->alpha);
  g_free (seal);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Seal, seal_free)

static guint32
read_be32 (const guchar *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* The CRC-32 of PNG chunks (ISO 3309). */
static guint32
png_crc (const guchar *data,
         gsize         length)
{
  static guint32 table[256];
  static gsize ready = 0;
  guint32 crc = 0xFFFFFFFFu;

  if (g_once_init_enter (&ready))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&ready, 1);
    }
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

static guint
paeth (guint a,
       guint b,
       guint c)
{
  int p = (int) a + (int) b - (int) c;
  int pa = ABS (p - (int) a), pb = ABS (p - (int) b), pc = ABS (p - (int) c);

  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Sample @i of an unfiltered row, as stored (1 to 16 bits). */
static guint
sample (const guchar *row,
        guint         depth,
        gsize         i)
{
  if (depth == 8)
    return row[i];
  if (depth == 16)
    return (guint) row[2 * i] << 8 | row[2 * i + 1];
  return (row[i * depth / 8] >> (8 - depth - (i * depth) % 8)) & ((1u << depth) - 1);
}

/* A sample scaled to 8 bits. */
static guchar
to_byte (guint value,
         guint depth)
{
  return depth == 16 ? value >> 8 : depth == 8 ? value : value * 255 / ((1u << depth) - 1);
}

static Seal *
seal_damaged (const char *path,
              GError    **error)
{
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
               _("The seal image “%s” cannot be used: the PNG file is damaged. Save the seal again as a "
                 "PNG image and choose it in Preferences."),
               path);
  return NULL;
}

static Seal *
decode_png (const guchar *data,
            gsize         size,
            const char   *path,
            GError      **error)
{
  static const guint channels[] = { 1, 0, 3, 1, 2, 0, 4 };
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  g_autoptr(GConverter) inflate = NULL;
  g_autoptr(Seal) seal = g_new0 (Seal, 1);
  g_autofree guchar *rows = NULL;
  guchar palette[256 * 3] = { 0 };
  guchar palette_alpha[256];
  guint16 key[3] = { 0 };
  gboolean keyed = FALSE;
  gsize offset = 8, stride, expected, done_in = 0, done_out = 0, bpp;
  guint32 width = 0, height = 0;
  guint depth = 0, color = 0, n_palette = 0, n_channels;
  gboolean after_idat = FALSE, end = FALSE, has_alpha;

  memset (palette_alpha, 255, sizeof palette_alpha);
  while (!end)
    {
      guint32 length;
      const guchar *type, *body;

      if (size - offset < 12 || (length = read_be32 (data + offset)) > size - offset - 12)
        return seal_damaged (path, error);
      type = data + offset + 4;
      body = type + 4;
      for (int i = 0; i < 4; i++)
        if (!g_ascii_isalpha (type[i]))
          return seal_damaged (path, error);
      if (png_crc (type, length + 4) != read_be32 (body + length) ||
          (offset == 8) != (memcmp (type, "IHDR", 4) == 0))
        return seal_damaged (path, error);

      if (memcmp (type, "IHDR", 4) == 0)
        {
          static const guint8 depths[] = { 0x1F, 0, 0x18, 0x0F, 0x18, 0, 0x18 };  /* bits: 1 2 4 8 16 */

          if (length != 13)
            return seal_damaged (path, error);
          width = read_be32 (body);
          height = read_be32 (body + 4);
          depth = body[8];
          color = body[9];
          if (width == 0 || height == 0 || color > 6 || channels[color] == 0 ||
              depth == 0 || depth > 16 || (depth & (depth - 1)) != 0 ||
              !(depths[color] & (1u << g_bit_nth_lsf (depth, -1))) ||
              body[10] != 0 || body[11] != 0 || body[12] > 1)
            return seal_damaged (path, error);
          if (body[12] != 0)
            {
              g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("The seal image “%s” is an interlaced PNG. Save it again without interlacing "
                             "and choose it in Preferences."),
                           path);
              return NULL;
            }
          if (width > SEAL_MAX_PIXELS || height > SEAL_MAX_PIXELS)
            {
              g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("The seal image “%s” is %u × %u pixels, larger than a seal needs (at most %u "
                             "across; 1000 prints 42 mm at 600 dpi). Save a smaller image and choose it "
                             "again in Preferences."),
                           path, width, height, SEAL_MAX_PIXELS);
              return NULL;
            }
        }
      else if (memcmp (type, "PLTE", 4) == 0)
        {
          if (idat->len > 0 || length == 0 || length % 3 != 0 || length > 3 * 256)
            return seal_damaged (path, error);
          n_palette = length / 3;
          memcpy (palette, body, length);
        }
      else if (memcmp (type, "tRNS", 4) == 0)
        {
          if (idat->len > 0)
            return seal_damaged (path, error);
          if (color == 3 && length <= n_palette)
            memcpy (palette_alpha, body, length);
          else if ((color == 0 && length == 2) || (color == 2 && length == 6))
            {
              for (guint i = 0; i < length / 2; i++)
                key[i] = (guint16) (body[2 * i] << 8 | body[2 * i + 1]);
              keyed = TRUE;
            }
          else
            return seal_damaged (path, error);
        }
      else if (memcmp (type, "IDAT", 4) == 0)
        {
          if (after_idat)
            return seal_damaged (path, error);
          g_byte_array_append (idat, body, length);
        }
      else if (memcmp (type, "IEND", 4) == 0)
        end = TRUE;
      else if (g_ascii_isupper (type[0]))
        return seal_damaged (path, error);   /* a critical chunk of a later PNG */
      if (idat->len > 0 && memcmp (type, "IDAT", 4) != 0)
        after_idat = TRUE;
      offset += 12 + (gsize) length;
    }
  if (idat->len == 0 || (color == 3 && n_palette == 0))
    return seal_damaged (path, error);

  /* The image data inflate to exactly the rows, each behind its filter. */
  n_channels = channels[color];
  stride = ((gsize) width * n_channels * depth + 7) / 8;
  bpp = MAX (1, n_channels * depth / 8);
  expected = (gsize) height * (1 + stride);
  rows = g_malloc (expected + 1);
  inflate = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  while (done_out <= expected)
    {
      g_autoptr(GError) local = NULL;
      gsize read = 0, written = 0;
      GConverterResult result = g_converter_convert (inflate, idat->data + done_in, idat->len - done_in,
                                                     rows + done_out, expected + 1 - done_out,
                                                     G_CONVERTER_INPUT_AT_END, &read, &written, &local);

      if (result == G_CONVERTER_ERROR)
        return seal_damaged (path, error);
      done_in += read;
      done_out += written;
      if (result == G_CONVERTER_FINISHED)
        break;
      if (read == 0 && written == 0)
        return seal_damaged (path, error);
    }
  if (done_in != idat->len || done_out != expected)
    return seal_damaged (path, error);

  seal->width = width;
  seal->height = height;
  seal->rgb = g_malloc ((gsize) width * height * 3);
  has_alpha = color == 4 || color == 6 || keyed;
  for (guint i = 0; color == 3 && i < n_palette; i++)
    has_alpha |= palette_alpha[i] != 255;
  if (has_alpha)
    seal->alpha = g_malloc ((gsize) width * height);

  for (guint32 y = 0; y < height; y++)
    {
      guchar *row = rows + y * (1 + stride) + 1;
      const guchar *prior = y > 0 ? row - (1 + stride) : NULL;
      guint filter = row[-1];

      if (filter > 4)
        return seal_damaged (path, error);
      if (filter == 1)
        for (gsize i = bpp; i < stride; i++)
          row[i] += row[i - bpp];
      else if (filter == 2 && prior != NULL)
        for (gsize i = 0; i < stride; i++)
          row[i] += prior[i];
      else if (filter == 3)
        for (gsize i = 0; i < stride; i++)
          row[i] += ((i >= bpp ? row[i - bpp] : 0) + (prior != NULL ? prior[i] : 0)) / 2;
      else if (filter == 4)
        for (gsize i = 0; i < stride; i++)
          row[i] += paeth (i >= bpp ? row[i - bpp] : 0, prior != NULL ? prior[i] : 0,
                           prior != NULL && i >= bpp ? prior[i - bpp] : 0);

      /* What seals mostly are, done quickly: 8-bit RGBA and RGB. */
      if (depth == 8 && color == 6)
        {
          guchar *rgb = seal->rgb + (gsize) y * width * 3;
          guchar *alpha = seal->alpha + (gsize) y * width;

          for (guint32 x = 0; x < width; x++)
            {
              rgb[3 * x] = row[4 * x];
              rgb[3 * x + 1] = row[4 * x + 1];
              rgb[3 * x + 2] = row[4 * x + 2];
              alpha[x] = row[4 * x + 3];
            }
          continue;
        }
      if (depth == 8 && color == 2 && !keyed)
        {
          memcpy (seal->rgb + (gsize) y * width * 3, row, (gsize) width * 3);
          continue;
        }
      for (guint32 x = 0; x < width; x++)
        {
          guchar *rgb = seal->rgb + ((gsize) y * width + x) * 3;
          gsize first = (gsize) x * n_channels;
          guint v0 = sample (row, depth, first);
          guchar alpha = 255;

          switch (color)
            {
            case 0:
            case 4:
              rgb[0] = rgb[1] = rgb[2] = to_byte (v0, depth);
              if (color == 4)
                alpha = to_byte (sample (row, depth, first + 1), depth);
              else if (keyed && v0 == key[0])
                alpha = 0;
              break;

            case 3:
              /* An index past the palette is black, as libpng has it. */
              if (v0 < n_palette)
                memcpy (rgb, palette + 3 * v0, 3);
              else
                rgb[0] = rgb[1] = rgb[2] = 0;
              alpha = v0 < 256 ? palette_alpha[v0] : 255;
              break;

            default:
              {
                guint v1 = sample (row, depth, first + 1), v2 = sample (row, depth, first + 2);

                rgb[0] = to_byte (v0, depth);
                rgb[1] = to_byte (v1, depth);
                rgb[2] = to_byte (v2, depth);
                if (color == 6)
                  alpha = to_byte (sample (row, depth, first + 3), depth);
                else if (keyed && v0 == key[0] && v1 == key[1] && v2 == key[2])
                  alpha = 0;
              }
              break;
            }
          if (seal->alpha != NULL)
            seal->alpha[(gsize) y * width + x] = alpha;
        }
    }
  return g_steal_pointer (&seal);
}

/* The seal's PNG, read and decoded before anything is laid out so that a
 * missing or broken file is said at once. */
static Seal *
read_seal (const char *path,
           GError    **error)
{
  static const char signature[] = "\x89PNG\r\n\x1a\n";
  g_autoptr(GError) local = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &data, &size, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                     _("The seal image “%s” does not exist. Choose the seal again in Preferences."), path);
      else if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_ISDIR))
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                     _("The seal image “%s” is a folder, not an image. Choose the seal again in Preferences."),
                     path);
      else
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                     /* Translators: the second %s is the system's message, which names the file again */
                     _("The seal image “%s” cannot be read: %s. Choose the seal again in Preferences."),
                     path, local->message);
      return NULL;
    }
  if (size < sizeof signature - 1 || memcmp (data, signature, sizeof signature - 1) != 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The seal image “%s” is not a PNG file. Choose a PNG image of the seal with a "
                     "transparent background in Preferences."),
                   path);
      return NULL;
    }
  return decode_png ((const guchar *) data, size, path, error);
}

typedef struct
{
  double x, y, w;
} InkPoint;

/* 0.4 to 1.6 pt with the pressure, in steps of 0.1 pt: consecutive parts
 * of a stroke of the same width are one path. */
static double
ink_width (float pressure)
{
  double p = isfinite (pressure) ? CLAMP (pressure, 0.0, 1.0) : 0.5;

  return round ((INK_MIN_WIDTH + (INK_MAX_WIDTH - INK_MIN_WIDTH) * p) * 10) / 10;
}

/* A stroke smoothed through the midpoints of its samples (each sample
 * the control point of a curve between the midpoints on either side),
 * each part as wide as its sample's pressure asks. */
static void
draw_stroke (HPDF_Page       page,
             const InkPoint *p,
             guint           n)
{
  double width = -1;

  if (n == 1)
    {
      HPDF_Page_SetLineWidth (page, p[0].w);
      HPDF_Page_MoveTo (page, p[0].x, p[0].y);
      HPDF_Page_LineTo (page, p[0].x, p[0].y);
      HPDF_Page_Stroke (page);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      double sx = i == 0 ? p[0].x : (p[i - 1].x + p[i].x) / 2;
      double sy = i == 0 ? p[0].y : (p[i - 1].y + p[i].y) / 2;
      double ex = i == n - 1 ? p[i].x : (p[i].x + p[i + 1].x) / 2;
      double ey = i == n - 1 ? p[i].y : (p[i].y + p[i + 1].y) / 2;

      if (p[i].w != width)
        {
          if (width > 0)
            HPDF_Page_Stroke (page);
          width = p[i].w;
          HPDF_Page_SetLineWidth (page, width);
          HPDF_Page_MoveTo (page, sx, sy);
        }
      if (i == 0 || i == n - 1)
        HPDF_Page_LineTo (page, ex, ey);
      else
        HPDF_Page_CurveTo (page,
                           sx + 2.0 / 3 * (p[i].x - sx), sy + 2.0 / 3 * (p[i].y - sy),
                           ex + 2.0 / 3 * (p[i].x - ex), ey + 2.0 / 3 * (p[i].y - ey),
                           ex, ey);
    }
  HPDF_Page_Stroke (page);
}

/* @signature's strokes cropped to their extent (and a little margin),
 * scaled to fit @box with their proportions, centred in it. FALSE when
 * there is nothing to draw. */
static gboolean
draw_signature (HPDF_Page               page,
                const SignBox          *box,
                const ConcordSignature *signature)
{
  static const double padding = 3;
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double margin, width, height, scale, x0, y0;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (InkPoint));

  for (guint i = 0; i < signature->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (signature->strokes, i);

      for (guint j = 0; j < stroke->len; j++)
        {
          const ConcordInkPoint *point = &g_array_index (stroke, ConcordInkPoint, j);

          if (!isfinite (point->x) || !isfinite (point->y))
            continue;
          min_x = MIN (min_x, point->x);
          max_x = MAX (max_x, point->x);
          min_y = MIN (min_y, point->y);
          max_y = MAX (max_y, point->y);
        }
    }
  if (min_x > max_x)
    return FALSE;

  margin = 0.04 * MAX (max_x - min_x, max_y - min_y) + 2;
  width = max_x - min_x + 2 * margin;
  height = max_y - min_y + 2 * margin;
  scale = MIN ((box->w - 2 * padding) / width, (box->h - 2 * padding) / height);
  /* A few small marks are not blown up to the whole box. */
  scale = MIN (scale, (box->h - 2 * padding) / (CONCORD_SIGNATURE_PAD_HEIGHT / 4));
  x0 = box->x + (box->w - width * scale) / 2;
  y0 = box->y + (box->h - height * scale) / 2;

  HPDF_Page_GSave (page);
  HPDF_Page_SetRGBStroke (page, INK_R, INK_G, INK_B);
  HPDF_Page_SetLineCap (page, HPDF_ROUND_END);
  HPDF_Page_SetLineJoin (page, HPDF_ROUND_JOIN);
  for (guint i = 0; i < signature->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (signature->strokes, i);

      g_array_set_size (points, 0);
      for (guint j = 0; j < stroke->len; j++)
        {
          const ConcordInkPoint *point = &g_array_index (stroke, ConcordInkPoint, j);
          InkPoint ink;

          if (!isfinite (point->x) || !isfinite (point->y))
            continue;
          /* The pad's y goes down, the page's up. */
          ink.x = x0 + (point->x - min_x + margin) * scale;
          ink.y = y0 + (height - (point->y - min_y + margin)) * scale;
          ink.w = ink_width (point->pressure);
          g_array_append_val (points, ink);
        }
      if (points->len > 0)
        draw_stroke (page, (const InkPoint *) points->data, points->len);
    }
  HPDF_Page_GRestore (page);
  return TRUE;
}

/* The pad signature of @key among @signatures (of this version), or NULL. */
static const ConcordSignature *
find_signature (GPtrArray              *signatures,
                const ConcordAgreement *agreement,
                const char             *key)
{
  for (guint i = 0; signatures != NULL && key != NULL && i < signatures->len; i++)
    {
      const ConcordSignature *signature = g_ptr_array_index (signatures, i);

      if (signature->method != CONCORD_SIGNATURE_METHOD_PAD || g_strcmp0 (signature->signer, key) != 0 ||
          concord_signature_count_points (signature) == 0)
        continue;
      /* A signature of another version is never drawn on this one. */
      if (signature->agreement_id != 0 && agreement->id != 0 && signature->agreement_id != agreement->id)
        continue;
      return signature;
    }
  return NULL;
}

/* The seal over the organisation's name, 42 mm wide, centred on it; its
 * red multiplies with the black of the name as ink on paper does (and a
 * seal scanned on white paper needs no transparency). */
static void
draw_seal (HPDF_Doc   pdf,
           HPDF_Page  page,
           Layout    *layout,
           Seal      *seal)
{
  HPDF_Image image = HPDF_LoadRawImageFromMem (pdf, seal->rgb, seal->width, seal->height,
                                               HPDF_CS_DEVICE_RGB, 8);
  HPDF_ExtGState multiply;
  double width = SEAL_SIZE;
  double height = width * seal->height / seal->width;

  if (image == NULL)
    return;   /* libharu's error, reported when the document is saved */
  if (seal->alpha != NULL)
    HPDF_Image_AddSMask (image, HPDF_LoadRawImageFromMem (pdf, seal->alpha, seal->width, seal->height,
                                                          HPDF_CS_DEVICE_GRAY, 8));
  /* Round seals are as tall as wide, oval ones wider: either way within
   * a 42 mm square. */
  if (height > SEAL_SIZE)
    {
      width *= SEAL_SIZE / height;
      height = SEAL_SIZE;
    }
  multiply = HPDF_CreateExtGState (pdf);
  HPDF_ExtGState_SetBlendMode (multiply, HPDF_BM_MULTIPLY);
  HPDF_Page_GSave (page);
  HPDF_Page_SetExtGState (page, multiply);
  HPDF_Page_DrawImage (page, image, layout->seal_x - width / 2, layout->seal_y - height / 2, width, height);
  HPDF_Page_GRestore (page);
}

/* The QR code of @text (UTF-8, byte mode, level M) as filled squares,
 * each row's dark modules merged into runs. */
static gboolean
draw_qr (HPDF_Page   page,
         const char *text,
         GError    **error)
{
  QRcode *qr = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  double module, x0, top;

  if (qr == NULL)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The PDF could not be made: the QR code of “%s” could not be made"), text);
      return FALSE;
    }
  module = QR_SIZE / qr->width;
  x0 = TEXT_RIGHT - QR_SIZE;
  top = QR_Y + QR_SIZE;
  HPDF_Page_GSave (page);
  HPDF_Page_SetRGBFill (page, 0, 0, 0);
  for (int row = 0; row < qr->width; row++)
    {
      const unsigned char *line = qr->data + row * qr->width;

      for (int col = 0; col < qr->width; )
        {
          int end = col;

          if (!(line[col] & 1))
            {
              col++;
              continue;
            }
          while (end < qr->width && (line[end] & 1))
            end++;
          HPDF_Page_Rectangle (page, x0 + col * module, top - (row + 1) * module,
                               (end - col) * module, module);
          col = end;
        }
    }
  HPDF_Page_Fill (page);
  HPDF_Page_GRestore (page);
  QRcode_free (qr);
  return TRUE;
}

static GBytes *
draw (Layout                       *layout,
      const ConcordAgreement       *agreement,
      const ConcordAgreementSource *source,
      const ConcordPdfOptions      *options,
      Seal                         *seal,
      const char                   *title,
      const char                   *dir,
      GError                      **error)
{
  HaruStatus status = { HPDF_OK, HPDF_OK };
  HPDF_Doc pdf = HPDF_New (haru_error, &status);
  HPDF_Font fonts[N_FONTS] = { NULL, NULL };
  guint n_pages = layout->page + 1;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(GPtrArray) footers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *code = concord_agreement_verification_code (agreement);
  g_autofree char *code_line = g_strdup_printf ("核验码 %s", code);
  g_autofree char *case_no = printable_text (source->c != NULL ? source->c->case_no : NULL);
  g_autofree char *qr_text = NULL;
  g_autofree char *marker = NULL;
  guint n_signed = 0;
  GBytes *bytes = NULL;

  if (pdf == NULL)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("The PDF could not be made: out of memory"));
      return NULL;
    }

  /* Which signatures are drawn decides the marker: count them first. */
  for (guint i = 0; i < layout->boxes->len; i++)
    if (find_signature (options != NULL ? options->signatures : NULL, agreement,
                        g_array_index (layout->boxes, SignBox, i).key) != NULL)
      n_signed++;
  marker = g_strdup_printf (MARKER_PREFIX "case=%" G_GINT64_FORMAT " agreement=%" G_GINT64_FORMAT
                            " version=%d code=%s signed=%d",
                            MAX (agreement->case_id, 0), MAX (agreement->id, 0),
                            MAX (agreement->version, 0), code, n_signed > 0 ? 1 : 0);
  /* Before the UTF-8 encoder is set: the marker is then written as a
   * plain (literal) string, readable in the file's bytes. */
  HPDF_SetInfoAttr (pdf, HPDF_INFO_KEYWORDS, marker);

  HPDF_UseUTFEncodings (pdf);
  HPDF_SetCurrentEncoder (pdf, "UTF-8");
  HPDF_SetCompressionMode (pdf, HPDF_COMP_ALL);

  for (guint p = 0; p < n_pages; p++)
    {
      char *footer = g_strdup_printf ("第 %u 页 共 %u 页", p + 1, n_pages);

      g_string_append (layout->chars[FONT_BODY], footer);
      g_ptr_array_add (footers, footer);
    }
  g_string_append (layout->chars[FONT_BODY], code_line);

  for (int f = 0; f < N_FONTS; f++)
    {
      g_autofree char *path = NULL;
      const char *name;

      if (layout->chars[f]->len == 0)
        continue;
      path = concord_pdf_font_subset (layout->fonts[f], layout->chars[f]->str, dir, error);
      if (path == NULL)
        goto out;
      name = HPDF_LoadTTFontFromFile (pdf, path, HPDF_TRUE);
      if (name != NULL)
        fonts[f] = HPDF_GetFont (pdf, name, "UTF-8");
      if (fonts[f] == NULL)
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("The PDF could not be made: the font %s could not be embedded (error %04X, %u)"),
                       concord_pdf_font_get_path (layout->fonts[f]),
                       (guint) status.error, (guint) status.detail);
          goto out;
        }
    }

  for (guint p = 0; p < n_pages; p++)
    {
      HPDF_Page page = HPDF_AddPage (pdf);

      HPDF_Page_SetSize (page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
      g_ptr_array_add (pages, page);
    }

  for (guint i = 0; i < layout->items->len; i++)
    {
      Item *item = &g_array_index (layout->items, Item, i);
      HPDF_Page page = g_ptr_array_index (pages, item->page);

      if (item->kind == ITEM_RECT)
        {
          HPDF_Page_SetLineWidth (page, 0.6);
          HPDF_Page_Rectangle (page, item->x, item->y, item->w, item->h);
          HPDF_Page_Stroke (page);
          continue;
        }
      if (item->text[0] == '\0')
        continue;
      HPDF_Page_BeginText (page);
      HPDF_Page_SetFontAndSize (page, fonts[item->font], item->size);
      HPDF_Page_SetCharSpace (page, item->spacing);
      HPDF_Page_TextOut (page, item->x, item->y, item->text);
      HPDF_Page_SetCharSpace (page, 0);
      HPDF_Page_EndText (page);
    }

  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const SignBox *box = &g_array_index (layout->boxes, SignBox, i);
      const ConcordSignature *signature = find_signature (options != NULL ? options->signatures : NULL,
                                                          agreement, box->key);

      if (signature != NULL)
        draw_signature (g_ptr_array_index (pages, box->page), box, signature);
    }

  if (seal != NULL && layout->has_seal)
    draw_seal (pdf, g_ptr_array_index (pages, layout->seal_page), layout, seal);

  for (guint p = 0; p < n_pages; p++)
    {
      HPDF_Page page = g_ptr_array_index (pages, p);
      const char *footer = g_ptr_array_index (footers, p);
      double width = text_width (layout, FONT_BODY, FOOTER_SIZE, footer);

      HPDF_Page_BeginText (page);
      HPDF_Page_SetFontAndSize (page, fonts[FONT_BODY], FOOTER_SIZE);
      HPDF_Page_TextOut (page, MARGIN_LEFT, FOOTER_Y, code_line);
      HPDF_Page_TextOut (page, (PAGE_WIDTH - width) / 2, FOOTER_Y, footer);
      HPDF_Page_EndText (page);
    }

  qr_text = case_no[0] != '\0' ? g_strdup_printf ("%s %s", case_no, code) : g_strdup (code);
  if (!draw_qr (g_ptr_array_index (pages, n_pages - 1), qr_text, error))
    goto out;

  HPDF_SetInfoAttr (pdf, HPDF_INFO_TITLE, title);
  HPDF_SetInfoAttr (pdf, HPDF_INFO_CREATOR, "Concord");
  if (agreement->saved_at != NULL)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (agreement->saved_at, NULL);

      if (when != NULL)
        {
          g_autoptr(GDateTime) utc = g_date_time_to_utc (when);

          set_date (pdf, HPDF_INFO_CREATION_DATE, utc);
          set_date (pdf, HPDF_INFO_MOD_DATE, utc);
        }
    }

  if (status.error == HPDF_OK && HPDF_SaveToStream (pdf) == HPDF_OK)
    {
      HPDF_UINT32 size = HPDF_GetStreamSize (pdf);
      guchar *data = g_malloc (MAX (size, 1));
      HPDF_UINT32 read = size;

      HPDF_ResetStream (pdf);
      if (HPDF_ReadFromStream (pdf, data, &read) == HPDF_OK || read == size)
        bytes = g_bytes_new_take (data, read);
      else
        g_free (data);
    }
  if (bytes == NULL)
    g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                 _("The PDF could not be made (libharu error %04X, %u)"),
                 (guint) status.error, (guint) status.detail);

out:
  HPDF_Free (pdf);
  return bytes;
}

GBytes *
concord_pdf_render_agreement (const ConcordAgreement       *agreement,
                              const ConcordTemplate        *template,
                              const ConcordAgreementSource *source,
                              const ConcordPdfOptions      *options,
                              GError                      **error)
{
  Layout layout = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *title = NULL;
  g_autoptr(Seal) seal = NULL;
  GBytes *bytes = NULL;

  g_return_val_if_fail (agreement != NULL, NULL);
  g_return_val_if_fail (template != NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A seal that is asked for and cannot be printed is an error, never
   * left out; a template without a seal does not need it. */
  if (options != NULL && options->seal_image != NULL && template->signers != NULL &&
      (g_strv_contains ((const char *const *) template->signers, "committee-seal") ||
       g_strv_contains ((const char *const *) template->signers, "organ-seal")))
    {
      seal = read_seal (options->seal_image, error);
      if (seal == NULL)
        return NULL;
    }

  layout.fonts[FONT_BODY] = concord_pdf_font_open (options != NULL && options->body_font != NULL
                                                   ? options->body_font : CONCORD_PDF_FONT_DEFAULT_BODY,
                                                   options != NULL ? options->body_index : 0, error);
  if (layout.fonts[FONT_BODY] == NULL)
    return NULL;
  layout.fonts[FONT_HEADING] = concord_pdf_font_open (options != NULL && options->heading_font != NULL
                                                      ? options->heading_font : CONCORD_PDF_FONT_DEFAULT_HEADING,
                                                      options != NULL ? options->heading_index : 0, error);
  if (layout.fonts[FONT_HEADING] == NULL)
    {
      concord_pdf_font_free (layout.fonts[FONT_BODY]);
      return NULL;
    }
  layout.items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (layout.items, item_clear);
  layout.boxes = g_array_new (FALSE, TRUE, sizeof (SignBox));
  g_array_set_clear_func (layout.boxes, box_clear);
  layout.y = PAGE_HEIGHT - MARGIN_TOP;
  layout.bottom = MARGIN_BOTTOM;
  layout.signatures = options != NULL ? options->signatures : NULL;
  for (int f = 0; f < N_FONTS; f++)
    layout.chars[f] = g_string_new (NULL);
  title = printable_text (template->title);

  if (lay_out (&layout, agreement, template, source, error))
    {
      dir = g_dir_make_tmp ("concord-pdf-XXXXXX", error);
      if (dir != NULL)
        {
          bytes = draw (&layout, agreement, source, options, seal, title, dir, error);
          remove_dir (dir);
        }
    }

  for (int f = 0; f < N_FONTS; f++)
    {
      g_string_free (layout.chars[f], TRUE);
      concord_pdf_font_free (layout.fonts[f]);
    }
  g_array_unref (layout.items);
  g_array_unref (layout.boxes);
  return bytes;
}

guint
concord_pdf_count_pages (GBytes *pdf)
{
  static const char needle[] = "/Type /Page";
  const char *data;
  gsize size;
  guint n = 0;

  g_return_val_if_fail (pdf != NULL, 0);

  data = g_bytes_get_data (pdf, &size);
  for (gsize i = 0; data != NULL && i + sizeof needle - 1 <= size; i++)
    {
      gsize end = i + sizeof needle - 1;

      if (memcmp (data + i, needle, sizeof needle - 1) != 0)
        continue;
      /* "/Type /Pages" is the page tree, not a page. */
      if (end < size && g_ascii_isalnum (data[end]))
        continue;
      n++;
    }
  return n;
}

/* Reading the marker back: from the trailer to its Info dictionary, the
 * one Keywords string in it, and the marker's exact form. Anything else
 * is not a marker. */

#define MAX_MARKER 256

static const char *
find_bytes (const char *start,
            const char *end,
            const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = start; p != NULL && p + n <= end; p++)
    {
      p = memchr (p, needle[0], end - p);
      if (p == NULL || p + n > end)
        return NULL;
      if (memcmp (p, needle, n) == 0)
        return p;
    }
  return NULL;
}

static const char *
find_last_bytes (const char *start,
                 const char *end,
                 const char *needle)
{
  gsize n = strlen (needle);

  if (end - start < (gssize) n)
    return NULL;
  for (const char *p = end - n; p >= start; p--)
    if (memcmp (p, needle, n) == 0)
      return p;
  return NULL;
}

static gboolean
is_pdf_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && is_pdf_space (*p))
    p++;
  return p;
}

/* A decimal number without sign or leading zeros, at most @max. */
static gboolean
read_number (const char **p,
             const char  *end,
             gint64       max,
             gint64      *value)
{
  const char *q = *p;
  guint64 n = 0;

  if (q >= end || !g_ascii_isdigit (*q) || (*q == '0' && q + 1 < end && g_ascii_isdigit (q[1])))
    return FALSE;
  while (q < end && g_ascii_isdigit (*q))
    {
      n = n * 10 + (guint64) (*q - '0');
      if (n > (guint64) max)
        return FALSE;
      q++;
    }
  *value = (gint64) n;
  *p = q;
  return TRUE;
}

static gboolean
expect (const char **p,
        const char  *end,
        const char  *word)
{
  gsize n = strlen (word);

  if ((gsize) (end - *p) < n || memcmp (*p, word, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

/* The text of the PDF string at @p: a literal string "(…)" with the
 * escapes PDF allows, or a hex string "<…>" (bytes, or UTF-16BE after
 * FEFF); printable ASCII only. */
static gboolean
read_pdf_string (const char *p,
                 const char *end,
                 GString    *out)
{
  if (p < end && *p == '(')
    {
      for (p++; p < end; p++)
        {
          int c = (guchar) *p;

          if (c == ')')
            return TRUE;
          if (c == '(')
            return FALSE;
          if (c == '\\')
            {
              if (++p >= end)
                return FALSE;
              c = (guchar) *p;
              if (c >= '0' && c <= '7')
                {
                  int value = 0;

                  for (int k = 0; k < 3 && p < end && *p >= '0' && *p <= '7'; k++, p++)
                    value = value * 8 + (*p - '0');
                  p--;
                  c = value;
                }
              else if (c != '(' && c != ')' && c != '\\')
                return FALSE;
            }
          if (c < 0x20 || c > 0x7e || out->len >= MAX_MARKER)
            return FALSE;
          g_string_append_c (out, (char) c);
        }
      return FALSE;
    }
  if (p < end && *p == '<')
    {
      GByteArray *raw = g_byte_array_new ();
      gboolean ok = FALSE;

      for (p++; p + 1 < end && g_ascii_isxdigit (p[0]) && g_ascii_isxdigit (p[1]) && raw->len <= 2 * MAX_MARKER + 2; p += 2)
        {
          guint8 byte = (guint8) (g_ascii_xdigit_value (p[0]) * 16 + g_ascii_xdigit_value (p[1]));

          g_byte_array_append (raw, &byte, 1);
        }
      if (p < end && *p == '>')
        {
          gboolean utf16 = raw->len >= 2 && raw->data[0] == 0xFE && raw->data[1] == 0xFF;
          guint step = utf16 ? 2 : 1;

          ok = !utf16 || raw->len % 2 == 0;
          for (guint i = utf16 ? 2 : 0; ok && i < raw->len; i += step)
            {
              guint c = utf16 ? (guint) raw->data[i] << 8 | raw->data[i + 1] : raw->data[i];

              ok = c >= 0x20 && c <= 0x7e && out->len < MAX_MARKER;
              if (ok)
                g_string_append_c (out, (char) c);
            }
        }
      g_byte_array_unref (raw);
      return ok;
    }
  return FALSE;
}

static gboolean
parse_marker (const char       *text,
              ConcordPdfMarker *marker)
{
  const char *p = text;
  const char *end = text + strlen (text);
  ConcordPdfMarker found = { 0 };
  gint64 version, signed_copy;

  if (!expect (&p, end, MARKER_PREFIX "case=") ||
      !read_number (&p, end, G_MAXINT64, &found.case_id) ||
      !expect (&p, end, " agreement=") ||
      !read_number (&p, end, G_MAXINT64, &found.agreement_id) ||
      !expect (&p, end, " version=") ||
      !read_number (&p, end, G_MAXINT, &version) ||
      !expect (&p, end, " code="))
    return FALSE;
  /* "3F2A-9C1B-77D0" as printed */
  if (end - p < 14)
    return FALSE;
  for (int i = 0; i < 14; i++)
    {
      gboolean dash = i == 4 || i == 9;

      if (dash ? p[i] != '-' : !(g_ascii_isdigit (p[i]) || (p[i] >= 'A' && p[i] <= 'F')))
        return FALSE;
    }
  memcpy (found.code, p, 14);
  found.code[14] = '\0';
  p += 14;
  if (!expect (&p, end, " signed=") || !read_number (&p, end, 1, &signed_copy) || p != end)
    return FALSE;
  found.version = (int) version;
  found.signed_copy = signed_copy == 1;
  *marker = found;
  return TRUE;
}

gboolean
concord_pdf_read_marker (GBytes           *pdf,
                         ConcordPdfMarker *marker)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *header = NULL;
  const char *data, *end, *p, *object = NULL, *dict_end, *keywords;
  gsize size = 0;
  gint64 number, generation;

  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (marker != NULL, FALSE);

  data = g_bytes_get_data (pdf, &size);
  if (data == NULL || size < 8 || memcmp (data, "%PDF-", 5) != 0)
    return FALSE;
  end = data + size;

  /* trailer << … /Info 3 0 R … >> */
  p = find_last_bytes (data, end, "trailer");
  if (p == NULL || (p = find_bytes (p, end, "/Info")) == NULL)
    return FALSE;
  p = skip_space (p + 5, end);
  if (!read_number (&p, end, G_MAXINT32, &number))
    return FALSE;
  p = skip_space (p, end);
  if (!read_number (&p, end, 65535, &generation))
    return FALSE;
  p = skip_space (p, end);
  if (p >= end || *p != 'R')
    return FALSE;

  /* "3 0 obj" at the start of a line: the last such object is the one
   * that counts. */
  header = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " obj", number, generation);
  for (const char *q = find_bytes (data, end, header); q != NULL;
       q = find_bytes (q + 1, end, header))
    if (q == data || q[-1] == '\n' || q[-1] == '\r')
      object = q;
  if (object == NULL || (dict_end = find_bytes (object, end, "endobj")) == NULL)
    return FALSE;

  /* One Keywords entry, with a string. */
  keywords = find_bytes (object, dict_end, "/Keywords");
  if (keywords == NULL || find_bytes (keywords + 1, dict_end, "/Keywords") != NULL)
    return FALSE;
  p = keywords + strlen ("/Keywords");
  if (p < dict_end && !is_pdf_space (*p) && *p != '(' && *p != '<')
    return FALSE;
  p = skip_space (p, dict_end);
  if (!read_pdf_string (p, dict_end, text))
    return FALSE;
  return parse_marker (text->str, marker);
}
