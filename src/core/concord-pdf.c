/* concord-pdf.c — the agreement as the PDF the parties sign
 *
 * Two passes: the layout places every line and box on its page with the
 * fonts' widths (concord-pdf-font) and the line breaking of
 * concord-linebreak; then the characters each font prints are subset
 * into a private temporary directory and libharu draws the pages, with
 * "第 X 页 共 Y 页" at the foot now that the page count is known.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include <hpdf.h>

#include "concord-error.h"
#include "concord-pdf.h"
#include "concord-pdf-font.h"
#include "concord-linebreak.h"

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
#define LEADING         1.8     /* line pitch, times the size */
#define TITLE_SIZE      22.0
#define FOOTER_SIZE     10.5
#define INDENT          "\u3000\u3000"

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

typedef struct
{
  ConcordPdfFont *fonts[N_FONTS];
  GArray         *items;        /* of Item */
  guint           page;
  double          y;            /* baseline of the next line's top: the
                                 * space left goes down to MARGIN_BOTTOM */
  guint           last_par;     /* index in items of the last body
                                 * paragraph's first line */
  GString        *chars[N_FONTS];
} Layout;

typedef struct
{
  ConcordPdfFont *font;
  double          size;
} Measure;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->text);
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

static double
measure_text (const char *text,
              gsize       length,
              gpointer    data)
{
  Measure *m = data;
  double width = 0;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    width += char_width (m->font, m->size, g_utf8_get_char (p));
  return width;
}

static double
text_width (Layout     *layout,
            int         font,
            double      size,
            const char *text)
{
  Measure m = { layout->fonts[font], size };

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
  return layout->y - height >= MARGIN_BOTTOM - 0.01;
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

/* One paragraph (no line breaks in @text), broken into lines and placed
 * from layout->y down, on new pages as needed. */
static void
add_paragraph (Layout     *layout,
               int         font,
               double      size,
               Align       align,
               gboolean    indent,
               double      space_before,
               const char *text)
{
  g_autofree char *full = g_strconcat (indent ? INDENT : "", text, NULL);
  Measure m = { layout->fonts[font], size };
  double pitch = size * LEADING;
  g_autoptr(GArray) lines = concord_linebreak (full, TEXT_WIDTH, measure_text, &m);

  if (layout->y < PAGE_HEIGHT - MARGIN_TOP - 0.01)
    layout->y -= space_before;
  if (font == FONT_BODY)
    layout->last_par = layout->items->len;
  for (guint i = 0; i < lines->len; i++)
    {
      const ConcordLine *line = &g_array_index (lines, ConcordLine, i);
      const char *start = full + line->start;
      gsize length = line->length;
      double x = MARGIN_LEFT;
      double spacing = 0;

      if (!fits (layout, pitch))
        new_page (layout);
      if (align == ALIGN_JUSTIFY)
        spacing = concord_line_justify_spacing (line, TEXT_WIDTH);
      else if (align == ALIGN_CENTRE)
        x = MARGIN_LEFT + (TEXT_WIDTH - line->width) / 2;
      else
        x = MARGIN_LEFT + TEXT_WIDTH - line->width;
      /* The indent is room, not characters. */
      while (length > 0 && g_utf8_get_char (start) == 0x3000)
        {
          x += size + spacing;
          length -= 3;
          start += 3;
        }
      add_text (layout, font, size, x, layout->y - size, spacing, start, length);
      layout->y -= pitch;
    }
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

static const char *
team_name (const ConcordAgreementSource *source,
           ConcordTeamRole               role)
{
  for (guint i = 0; source->c != NULL && i < source->c->team->len; i++)
    {
      ConcordTeamMember *member = g_ptr_array_index (source->c->team, i);

      if (member->role == role)
        return member->name;
    }
  return NULL;
}

/* The text of the signature block, as lines; boxes drawn by the caller. */
typedef struct
{
  char    *label;
  gboolean boxes;      /* a signature box and a fingerprint box follow */
  Align    align;
} SignLine;

static void
sign_line_free (gpointer data)
{
  SignLine *line = data;

  g_free (line->label);
  g_free (line);
}

static void
add_sign_line (GPtrArray  *lines,
               char       *label,
               gboolean    boxes,
               Align       align)
{
  SignLine *line = g_new0 (SignLine, 1);

  line->label = label;
  line->boxes = boxes;
  line->align = align;
  g_ptr_array_add (lines, line);
}

static GPtrArray *
signature_lines (const ConcordAgreement       *agreement,
                 const ConcordTemplate        *template,
                 const ConcordAgreementSource *source)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (sign_line_free);

  for (guint s = 0; template->signers != NULL && template->signers[s] != NULL; s++)
    {
      const char *signer = template->signers[s];

      if (g_str_equal (signer, "parties"))
        {
          for (guint i = 0; i < agreement->parties->len; i++)
            {
              ConcordAgreementParty *party = g_ptr_array_index (agreement->parties, i);

              add_sign_line (lines, g_strdup_printf ("%s：%s", party->role != NULL ? party->role : "当事人",
                                                     party->name != NULL ? party->name : ""),
                             TRUE, ALIGN_JUSTIFY);
            }
        }
      else if (g_str_equal (signer, "mediator"))
        {
          const char *name = team_name (source, CONCORD_TEAM_MEDIATOR);

          add_sign_line (lines, g_strdup_printf ("调解员：%s", name != NULL ? name : ""),
                         TRUE, ALIGN_JUSTIFY);
        }
      else if (g_str_equal (signer, "presiding-officer"))
        {
          const char *name = team_name (source, CONCORD_TEAM_OFFICER);

          add_sign_line (lines, g_strdup_printf ("主持人：%s", name != NULL ? name : ""),
                         TRUE, ALIGN_JUSTIFY);
        }
      else if (g_str_equal (signer, "committee-seal"))
        add_sign_line (lines, g_strdup_printf ("%s（印章）",
                                               source->committee_name != NULL ? source->committee_name : ""),
                       FALSE, ALIGN_RIGHT);
      else if (g_str_equal (signer, "organ-seal"))
        add_sign_line (lines, g_strdup_printf ("%s（印章）",
                                               source->station_name != NULL ? source->station_name : ""),
                       FALSE, ALIGN_RIGHT);
    }
  add_sign_line (lines, g_strdup ("　　年　　月　　日"), FALSE, ALIGN_RIGHT);
  return lines;
}

#define SIGN_PITCH   (BODY_SIZE * 3.0)
#define SIGN_SPACE   (BODY_SIZE * 2.0)

/* The signature block, kept together; when it does not fit, the last
 * paragraph before it goes to the next page with it. */
static void
add_signatures (Layout    *layout,
                GPtrArray *lines)
{
  double height = SIGN_SPACE + lines->len * SIGN_PITCH;

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
        first = end - MAX (1, MIN (2, end - first - 1));
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
      double baseline = layout->y - SIGN_PITCH / 2 - BODY_SIZE / 3;
      double width = text_width (layout, FONT_BODY, BODY_SIZE, line->label);

      if (line->align == ALIGN_RIGHT)
        add_text (layout, FONT_BODY, BODY_SIZE, MARGIN_LEFT + TEXT_WIDTH - width - BODY_SIZE,
                  baseline, 0, line->label, strlen (line->label));
      else
        add_text (layout, FONT_BODY, BODY_SIZE, MARGIN_LEFT, baseline, 0,
                  line->label, strlen (line->label));
      if (line->boxes)
        {
          static const char sign[] = "签名：";
          static const char finger[] = "按指印：";
          double x = MARGIN_LEFT + BODY_SIZE * 11;
          double box_h = SIGN_PITCH - 8;
          double box_y = layout->y - SIGN_PITCH + 4;

          add_text (layout, FONT_BODY, BODY_SIZE, x, baseline, 0, sign, strlen (sign));
          x += BODY_SIZE * 3;
          add_rect (layout, x, box_y, BODY_SIZE * 8, box_h);
          x += BODY_SIZE * 9;
          add_text (layout, FONT_BODY, BODY_SIZE, x, baseline, 0, finger, strlen (finger));
          x += BODY_SIZE * 4;
          add_rect (layout, x, box_y, box_h, box_h);
        }
      layout->y -= SIGN_PITCH;
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

  if (missing == 0)
    return TRUE;
  g_unichar_to_utf8 (missing, utf8);
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
               /* Translators: "张𠀀某 (the name of a party): the character
                * “𠀀” (U+20000) cannot be printed with the font AR PL UMing
                * CN…" */
               _("%s (%s): the character “%s” (U+%04X) cannot be printed with the font %s; "
                 "write it another way or choose another font"),
               text, where, utf8, missing, concord_pdf_font_get_family (layout->fonts[font]));
  return FALSE;
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
          add_paragraph (layout, FONT_HEADING, BODY_SIZE, ALIGN_JUSTIFY, FALSE, BODY_SIZE / 2, heading);
        }

      switch (kind)
        {
        case CONCORD_SECTION_PARTIES:
          add_parties (layout, agreement);
          break;

        case CONCORD_SECTION_FIELDS:
          for (guint k = 0; k < section->fields->len; k++)
            {
              ConcordTemplateField *field = g_ptr_array_index (section->fields, k);
              const char *value = concord_agreement_get_field (agreement, field->key);
              g_autofree char *expanded = NULL;
              g_autofree char *text = NULL;
              g_autofree char *field_heading = printable_text (field->heading);

              if (value == NULL)
                continue;
              expanded = field->kind == CONCORD_FIELD_CLAUSE
                         ? concord_agreement_expand_text (agreement, value) : g_strdup (value);
              text = printable_text (expanded);
              if (!check_text (layout, FONT_HEADING, field_heading, field->label, error) ||
                  !check_text (layout, FONT_BODY, text, field->label, error))
                return FALSE;
              if (field_heading[0] != '\0')
                add_paragraph (layout, FONT_HEADING, BODY_SIZE, ALIGN_JUSTIFY, FALSE, 0, field_heading);
              add_paragraphs (layout, FONT_BODY, ALIGN_JUSTIFY, TRUE, text);
            }
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
              g_autoptr(GPtrArray) lines = signature_lines (agreement, template, source);

              for (guint i = 0; i < lines->len; i++)
                {
                  SignLine *line = g_ptr_array_index (lines, i);
                  g_autofree char *clean = printable_text (line->label);

                  g_free (line->label);
                  line->label = g_steal_pointer (&clean);
                  if (!check_text (layout, FONT_BODY, line->label, _("the signatures"), error))
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

static GBytes *
draw (Layout                 *layout,
      const ConcordAgreement *agreement,
      const char             *title,
      const char             *dir,
      GError                **error)
{
  HaruStatus status = { HPDF_OK, HPDF_OK };
  HPDF_Doc pdf = HPDF_New (haru_error, &status);
  HPDF_Font fonts[N_FONTS] = { NULL, NULL };
  guint n_pages = layout->page + 1;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(GPtrArray) footers = g_ptr_array_new_with_free_func (g_free);
  GBytes *bytes = NULL;

  if (pdf == NULL)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("The PDF could not be made: out of memory"));
      return NULL;
    }
  HPDF_UseUTFEncodings (pdf);
  HPDF_SetCurrentEncoder (pdf, "UTF-8");
  HPDF_SetCompressionMode (pdf, HPDF_COMP_ALL);

  for (guint p = 0; p < n_pages; p++)
    {
      char *footer = g_strdup_printf ("第 %u 页 共 %u 页", p + 1, n_pages);

      g_string_append (layout->chars[FONT_BODY], footer);
      g_ptr_array_add (footers, footer);
    }

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

  for (guint p = 0; p < n_pages; p++)
    {
      HPDF_Page page = g_ptr_array_index (pages, p);
      const char *footer = g_ptr_array_index (footers, p);
      double width = text_width (layout, FONT_BODY, FOOTER_SIZE, footer);

      HPDF_Page_BeginText (page);
      HPDF_Page_SetFontAndSize (page, fonts[FONT_BODY], FOOTER_SIZE);
      HPDF_Page_TextOut (page, (PAGE_WIDTH - width) / 2, MARGIN_BOTTOM / 2, footer);
      HPDF_Page_EndText (page);
    }

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
  GBytes *bytes = NULL;

  g_return_val_if_fail (agreement != NULL, NULL);
  g_return_val_if_fail (template != NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

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
  layout.y = PAGE_HEIGHT - MARGIN_TOP;
  for (int f = 0; f < N_FONTS; f++)
    layout.chars[f] = g_string_new (NULL);
  title = printable_text (template->title);

  if (lay_out (&layout, agreement, template, source, error))
    {
      dir = g_dir_make_tmp ("concord-pdf-XXXXXX", error);
      if (dir != NULL)
        {
          bytes = draw (&layout, agreement, title, dir, error);
          remove_dir (dir);
        }
    }

  for (int f = 0; f < N_FONTS; f++)
    {
      g_string_free (layout.chars[f], TRUE);
      concord_pdf_font_free (layout.fonts[f]);
    }
  g_array_unref (layout.items);
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
