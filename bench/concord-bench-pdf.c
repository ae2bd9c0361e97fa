/* concord-bench-pdf.c — the agreement PDF stays fast and small (issue 5)
 *
 *   concord-bench-pdf [--runs N] [--cli PATH] [--cli-runs N]
 *                     [--libreoffice PATH | --libreoffice-missing WHY]
 *                     [--lo-runs N] [--keep DIR]
 *
 * Builds scenario 1's agreement the way the tests do (tests/test-fixtures.h:
 * the fire case, made complete, with Wu's two payments to Zhang and Li) in
 * a database under a temporary folder, then measures:
 *
 *   - rendering it in this process with concord_pdf_render_agreement():
 *     the first (cold: fonts read and subset) render, then N more (default
 *     100): median, p90 and slowest; the PDF's size and pages; in turns
 *     with the same through concord_document_render(), from the store;
 *   - the whole `concord-cli --db DB pdf CASE_NO -o FILE` process (PATH),
 *     run 20 times: first, median, slowest, peak memory;
 *   - converting an equivalent document (the same text, fonts, sizes and
 *     A4 page, written here as a Flat ODT) with
 *     `libreoffice --headless --convert-to pdf`, what clerks use today:
 *     5 runs with a private user profile, the first with a new profile
 *     (cold), then warm; median; the PDF's size and pages.
 *
 * Prints a table like concord-bench with the targets (in process < 30 ms,
 * whole process < 200 ms, file < 500 KB, ≥ 20 times faster than
 * LibreOffice, whole process against whole process) and exits 1 when one
 * is missed. Without --libreoffice it looks for `libreoffice` in PATH;
 * bench/ensure-libreoffice.sh installs it. --keep writes the PDFs and the
 * Flat ODT to DIR for a look.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-bench-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "concord-core.h"
#include "bench-table.h"
#include "test-fixtures.h"

#define TARGET_RENDER_MS   30.0
#define TARGET_PROCESS_MS  200.0
#define TARGET_SIZE_KB     500.0
#define TARGET_RATIO       20.0
#define ACTOR              "liu"
#define LAWYER             "chen"

G_GNUC_NORETURN static void
die (const char   *what,
     const GError *error)
{
  fprintf (stderr, "concord-bench-pdf: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* ---- Scenario 1's agreement ------------------------------------------ */

static ConcordTerm *
money_term (gint64      payer,
            gint64      payee,
            gint64      fen,
            const char *due,
            const char *text)
{
  ConcordTerm *term = concord_term_new (CONCORD_TERM_MONEY);

  term->party_id = payer;
  term->counterparty_id = payee;
  term->amount_fen = fen;
  term->method = g_strdup ("银行转账");
  term->due_date = g_strdup (due);
  term->text = g_strdup (text);
  return term;
}

/* The fire case stored, its agreement complete with Wu's two payments (as
 * tests/test-pdf.c makes it), submitted and approved by the lawyer: the
 * case is at signing, as when the clerk prints. Returns the case. */
static ConcordCase *
make_scenario (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordAgreement) agreement = NULL;
  ConcordCase *c;
  ConcordParty *zhang, *li, *wu;

  c = fixture_stored_fire_case (f, CONCORD_STAGE_BACK_TO_BACK, ACTOR);
  if (!concord_store_move_stage (f->store, c->id, CONCORD_STAGE_DRAFTING, NULL, ACTOR, &error))
    die ("move the case to drafting", error);
  agreement = fixture_complete_agreement (f->store, c->id, ACTOR);
  zhang = g_ptr_array_index (c->parties, 0);
  li = g_ptr_array_index (c->parties, 1);
  wu = g_ptr_array_index (c->parties, 2);
  while (agreement->terms->len > 0)
    concord_agreement_remove_term (agreement,
                                   ((ConcordTerm *) g_ptr_array_index (agreement->terms, 0))->id);
  concord_agreement_add_term (agreement,
                              money_term (wu->id, zhang->id, 7500000, "2026-11-30", "赔偿房屋及财产损失"));
  concord_agreement_add_term (agreement,
                              money_term (wu->id, li->id, 3200000, "2026-12-31", NULL));
  if (!concord_store_save_agreement (f->store, agreement, ACTOR, &error))
    die ("save the agreement", error);

  /* Approved, so that concord-cli prints no note about a draft. */
  if (!concord_store_submit_agreement (f->store, c->id, ACTOR, &error))
    die ("submit the agreement", error);
  if (concord_store_review_required (f->store) &&
      !concord_store_review_agreement (f->store, c->id, TRUE, NULL, LAWYER, &error))
    die ("approve the agreement", error);

  /* Reloaded: the case number is the stored one. */
  {
    ConcordCase *loaded = concord_store_load_case (f->store, c->id, &error);

    if (loaded == NULL)
      die ("load the case", error);
    concord_case_unref (c);
    c = loaded;
  }
  return c;
}

/* ---- The equivalent document for LibreOffice ------------------------- */

/* The same layout as concord-pdf.c: A4, a text block 30 characters of
 * 15 pt wide and centred, 28 mm above and 25 mm below, lines 1.8 times the
 * size apart, the title in 22 pt of the heading face, paragraphs indented
 * by two characters and justified, the signature block with a box for the
 * signature and one for the fingerprint, "第 X 页 共 Y 页" at the foot. */
#define BODY_FONT     "AR PL UMing CN"
#define HEADING_FONT  "WenQuanYi Zen Hei"

static const char fodt_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"\n"
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"\n"
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"\n"
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"\n"
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"\n"
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"\n"
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
  " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"\n"
  " office:version=\"1.2\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n"
  "<office:meta><dc:title>%s</dc:title></office:meta>\n"
  "<office:font-face-decls>\n"
  " <style:font-face style:name=\"" BODY_FONT "\" svg:font-family=\"'" BODY_FONT "'\""
  " style:font-family-generic=\"roman\" style:font-pitch=\"variable\"/>\n"
  " <style:font-face style:name=\"" HEADING_FONT "\" svg:font-family=\"'" HEADING_FONT "'\""
  " style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/>\n"
  "</office:font-face-decls>\n"
  "<office:styles>\n"
  " <style:default-style style:family=\"paragraph\">\n"
  "  <style:paragraph-properties fo:line-height=\"27pt\" fo:margin-top=\"0pt\" fo:margin-bottom=\"0pt\"/>\n"
  "  <style:text-properties style:font-name=\"" BODY_FONT "\" fo:font-size=\"15pt\""
  " style:font-name-asian=\"" BODY_FONT "\" style:font-size-asian=\"15pt\""
  " fo:language=\"zh\" fo:country=\"CN\" style:language-asian=\"zh\" style:country-asian=\"CN\"/>\n"
  " </style:default-style>\n"
  " <style:style style:name=\"Standard\" style:family=\"paragraph\"/>\n"
  " <style:style style:name=\"Body\" style:family=\"paragraph\">\n"
  "  <style:paragraph-properties fo:text-align=\"justify\" fo:text-indent=\"30pt\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Title\" style:family=\"paragraph\">\n"
  "  <style:paragraph-properties fo:text-align=\"center\" fo:line-height=\"39.6pt\"/>\n"
  "  <style:text-properties style:font-name=\"" HEADING_FONT "\" fo:font-size=\"22pt\""
  " style:font-name-asian=\"" HEADING_FONT "\" style:font-size-asian=\"22pt\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"CaseNo\" style:family=\"paragraph\">\n"
  "  <style:paragraph-properties fo:text-align=\"end\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Heading\" style:family=\"paragraph\">\n"
  "  <style:paragraph-properties fo:text-align=\"justify\" fo:margin-top=\"7.5pt\" fo:keep-with-next=\"always\"/>\n"
  "  <style:text-properties style:font-name=\"" HEADING_FONT "\" style:font-name-asian=\"" HEADING_FONT "\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"FieldHeading\" style:family=\"paragraph\">\n"
  "  <style:paragraph-properties fo:text-align=\"justify\" fo:keep-with-next=\"always\"/>\n"
  "  <style:text-properties style:font-name=\"" HEADING_FONT "\" style:font-name-asian=\"" HEADING_FONT "\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Right\" style:family=\"paragraph\">\n"
  "  <style:paragraph-properties fo:text-align=\"end\" fo:line-height=\"45pt\" fo:margin-right=\"15pt\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Cell\" style:family=\"paragraph\">\n"
  "  <style:paragraph-properties fo:text-align=\"start\" fo:line-height=\"100%%\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Footer\" style:family=\"paragraph\">\n"
  "  <style:paragraph-properties fo:text-align=\"center\" fo:line-height=\"100%%\"/>\n"
  "  <style:text-properties fo:font-size=\"10.5pt\" style:font-size-asian=\"10.5pt\"/>\n"
  " </style:style>\n"
  "</office:styles>\n"
  "<office:automatic-styles>\n"
  " <style:page-layout style:name=\"A4\">\n"
  "  <style:page-layout-properties fo:page-width=\"210mm\" fo:page-height=\"297mm\""
  " style:print-orientation=\"portrait\" fo:margin-top=\"28mm\" fo:margin-bottom=\"12mm\""
  " fo:margin-left=\"72.64pt\" fo:margin-right=\"72.64pt\"/>\n"
  "  <style:footer-style><style:header-footer-properties fo:min-height=\"0mm\" fo:margin-top=\"9mm\"/></style:footer-style>\n"
  " </style:page-layout>\n"
  " <style:style style:name=\"Sign\" style:family=\"table\">\n"
  "  <style:table-properties style:width=\"450pt\" table:align=\"left\" fo:margin-top=\"30pt\" fo:keep-with-next=\"always\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Sign.A\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"165pt\"/></style:style>\n"
  " <style:style style:name=\"Sign.B\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"45pt\"/></style:style>\n"
  " <style:style style:name=\"Sign.C\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"120pt\"/></style:style>\n"
  " <style:style style:name=\"Sign.D\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"15pt\"/></style:style>\n"
  " <style:style style:name=\"Sign.E\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"60pt\"/></style:style>\n"
  " <style:style style:name=\"Sign.F\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"45pt\"/></style:style>\n"
  " <style:style style:name=\"Sign.row\" style:family=\"table-row\"><style:table-row-properties style:row-height=\"37pt\"/></style:style>\n"
  " <style:style style:name=\"Sign.gap\" style:family=\"table-row\"><style:table-row-properties style:row-height=\"8pt\"/></style:style>\n"
  " <style:style style:name=\"Sign.cell\" style:family=\"table-cell\">\n"
  "  <style:table-cell-properties fo:padding=\"0pt\" fo:border=\"none\" style:vertical-align=\"middle\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Sign.box\" style:family=\"table-cell\">\n"
  "  <style:table-cell-properties fo:padding=\"0pt\" fo:border=\"0.5pt solid #000000\" style:vertical-align=\"middle\"/>\n"
  " </style:style>\n"
  "</office:automatic-styles>\n"
  "<office:master-styles>\n"
  " <style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\">\n"
  "  <style:footer><text:p text:style-name=\"Footer\">第 <text:page-number text:select-page=\"current\">1</text:page-number>"
  " 页 共 <text:page-count>1</text:page-count> 页</text:p></style:footer>\n"
  " </style:master-page>\n"
  "</office:master-styles>\n"
  "<office:body>\n"
  "<office:text>\n";

static const char fodt_tail[] =
  "</office:text>\n"
  "</office:body>\n"
  "</office:document>\n";

/* One paragraph per line of @text, in @style. */
static void
fodt_paragraphs (GString    *out,
                 const char *style,
                 const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

      if (lines[i][0] == '\0' && lines[1] != NULL)
        continue;
      g_string_append_printf (out, "<text:p text:style-name=\"%s\">%s</text:p>\n", style, escaped);
    }
}

/* "一", "十二", "二十": numbers of terms (as concord-pdf.c numbers them). */
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

static void
fodt_parties (GString                *out,
              const ConcordAgreement *agreement)
{
  for (guint i = 0; i < agreement->parties->len; i++)
    {
      ConcordAgreementParty *party = g_ptr_array_index (agreement->parties, i);
      const char *particulars = !concord_text_is_blank (party->particulars) ? party->particulars : party->name;
      g_autofree char *text = g_strdup_printf ("%s：%s",
                                               !concord_text_is_blank (party->role) ? party->role : "当事人",
                                               particulars != NULL ? particulars : "");

      fodt_paragraphs (out, "Body", text);
    }
}

static void
fodt_sign_row (GString    *out,
               const char *label)
{
  g_autofree char *escaped = g_markup_escape_text (label, -1);

  g_string_append_printf (out,
                          "<table:table-row table:style-name=\"Sign.row\">"
                          "<table:table-cell table:style-name=\"Sign.cell\"><text:p text:style-name=\"Cell\">%s</text:p></table:table-cell>"
                          "<table:table-cell table:style-name=\"Sign.cell\"><text:p text:style-name=\"Cell\">签名：</text:p></table:table-cell>"
                          "<table:table-cell table:style-name=\"Sign.box\"><text:p text:style-name=\"Cell\"/></table:table-cell>"
                          "<table:table-cell table:style-name=\"Sign.cell\"><text:p text:style-name=\"Cell\"/></table:table-cell>"
                          "<table:table-cell table:style-name=\"Sign.cell\"><text:p text:style-name=\"Cell\">按指印：</text:p></table:table-cell>"
                          "<table:table-cell table:style-name=\"Sign.box\"><text:p text:style-name=\"Cell\"/></table:table-cell>"
                          "</table:table-row>\n"
                          "<table:table-row table:style-name=\"Sign.gap\">"
                          "<table:table-cell table:number-columns-repeated=\"6\" table:style-name=\"Sign.cell\">"
                          "<text:p text:style-name=\"Cell\"/></table:table-cell></table:table-row>\n",
                          escaped);
}

/* The signature block: the signers who sign in boxes in a table, then the
 * seals and the date on the right, as concord-pdf.c sets them. */
static void
fodt_signatures (GString                      *out,
                 const ConcordAgreement       *agreement,
                 const ConcordTemplate        *template,
                 const ConcordAgreementSource *source)
{
  g_autoptr(GString) after = g_string_new (NULL);

  g_string_append (out,
                   "<table:table table:name=\"Signatures\" table:style-name=\"Sign\">\n"
                   "<table:table-column table:style-name=\"Sign.A\"/><table:table-column table:style-name=\"Sign.B\"/>"
                   "<table:table-column table:style-name=\"Sign.C\"/><table:table-column table:style-name=\"Sign.D\"/>"
                   "<table:table-column table:style-name=\"Sign.E\"/><table:table-column table:style-name=\"Sign.F\"/>\n");
  for (guint s = 0; template->signers != NULL && template->signers[s] != NULL; s++)
    {
      const char *signer = template->signers[s];

      if (g_str_equal (signer, "parties"))
        for (guint i = 0; i < agreement->parties->len; i++)
          {
            ConcordAgreementParty *party = g_ptr_array_index (agreement->parties, i);
            g_autofree char *label = g_strdup_printf ("%s：%s", party->role != NULL ? party->role : "当事人",
                                                      party->name != NULL ? party->name : "");

            fodt_sign_row (out, label);
          }
      else if (g_str_equal (signer, "mediator") || g_str_equal (signer, "presiding-officer"))
        {
          gboolean mediator = g_str_equal (signer, "mediator");
          const char *name = team_name (source, mediator ? CONCORD_TEAM_MEDIATOR : CONCORD_TEAM_OFFICER);
          g_autofree char *label = g_strdup_printf ("%s：%s", mediator ? "调解员" : "主持人",
                                                    name != NULL ? name : "");

          fodt_sign_row (out, label);
        }
      else if (g_str_equal (signer, "committee-seal") || g_str_equal (signer, "organ-seal"))
        {
          const char *name = g_str_equal (signer, "committee-seal") ? source->committee_name : source->station_name;
          g_autofree char *label = g_strdup_printf ("%s（印章）", name != NULL ? name : "");

          fodt_paragraphs (after, "Right", label);
        }
    }
  g_string_append (out, "</table:table>\n");
  g_string_append (out, after->str);
  fodt_paragraphs (out, "Right", "　　年　　月　　日");
}

/* The agreement as a Flat ODT with the text concord-pdf.c prints, in the
 * same order, fonts and sizes. */
static char *
agreement_fodt (const ConcordAgreement       *agreement,
                const ConcordTemplate        *template,
                const ConcordAgreementSource *source)
{
  g_autofree char *title = g_markup_escape_text (template->title != NULL ? template->title : "", -1);
  GString *out = g_string_new (NULL);
  gboolean signatures_done = FALSE;

  g_string_append_printf (out, fodt_head, title);
  fodt_paragraphs (out, "Title", template->title);
  if (source->c != NULL && !concord_text_is_blank (source->c->case_no))
    fodt_paragraphs (out, "CaseNo", source->c->case_no);
  if (!concord_template_has_section (template, CONCORD_SECTION_PARTIES))
    fodt_parties (out, agreement);

  for (guint s = 0; s < template->sections->len; s++)
    {
      ConcordTemplateSection *section = g_ptr_array_index (template->sections, s);

      if (!concord_text_is_blank (section->heading))
        fodt_paragraphs (out, "Heading", section->heading);
      switch (section->kind)
        {
        case CONCORD_SECTION_PARTIES:
          fodt_parties (out, agreement);
          break;

        case CONCORD_SECTION_FIELDS:
          for (guint k = 0; k < section->fields->len; k++)
            {
              ConcordTemplateField *field = g_ptr_array_index (section->fields, k);
              const char *value = concord_agreement_get_field (agreement, field->key);
              g_autofree char *expanded = NULL;

              if (value == NULL)
                continue;
              expanded = field->kind == CONCORD_FIELD_CLAUSE
                         ? concord_agreement_expand_text (agreement, value) : g_strdup (value);
              if (!concord_text_is_blank (field->heading))
                fodt_paragraphs (out, "FieldHeading", field->heading);
              fodt_paragraphs (out, "Body", expanded);
            }
          break;

        case CONCORD_SECTION_TERMS:
          for (guint i = 0; i < agreement->terms->len; i++)
            {
              const ConcordTerm *term = g_ptr_array_index (agreement->terms, i);
              g_autofree char *sentence = concord_agreement_term_text (agreement, term);
              g_autofree char *number = chinese_number (i + 1);
              g_autofree char *text = g_strdup_printf ("%s、%s", number, sentence);

              fodt_paragraphs (out, "Body", text);
            }
          break;

        case CONCORD_SECTION_SIGNATURES:
          if (!signatures_done)
            fodt_signatures (out, agreement, template, source);
          signatures_done = TRUE;
          break;

        case CONCORD_N_SECTION_KINDS:
        default:
          break;
        }
    }
  if (!signatures_done)
    fodt_signatures (out, agreement, template, source);
  g_string_append (out, fodt_tail);
  return g_string_free (out, FALSE);
}

/* ---- Measures --------------------------------------------------------- */

static char *
size_text (gsize bytes)
{
  return g_strdup_printf ("%.1f KB (%" G_GSIZE_FORMAT " bytes)", bytes / 1024.0, bytes);
}

static void
add_size_row (const char *what,
              gsize       bytes,
              gboolean    with_target)
{
  g_autofree char *value = size_text (bytes);

  add_row (what, value, with_target ? "< 500 KB" : NULL,
           with_target ? (bytes / 1024.0 < TARGET_SIZE_KB ? RESULT_PASS : RESULT_FAIL) : RESULT_NONE);
}

static void
add_text_row (const char *what,
              const char *value)
{
  add_row (what, value, NULL, RESULT_NONE);
}

/* Pages of the PDF at @path by pdfinfo, or 0 when it cannot tell. */
static guint
pdfinfo_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *line;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return 0;
  line = strstr (out, "\nPages:");
  /* strtoull skips the blanks after the colon. */
  return line != NULL ? (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10) : 0;
}

/* The fonts embedded in the PDF at @path ("AR PL UMing CN, WenQuanYi Zen
 * Hei"), by pdffonts, or NULL. */
static char *
pdffonts_names (const char *path)
{
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return NULL;
  lines = g_strsplit (out, "\n", -1);
  /* Two heading lines; then the name up to the first blank, subset tag
   * (ABCDEF+) dropped. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_autofree char *name = g_strndup (lines[i], strcspn (lines[i], " "));
      const char *plus = strchr (name, '+');
      const char *bare = plus != NULL ? plus + 1 : name;
      gboolean seen = FALSE;

      if (*bare == '\0')
        continue;
      for (guint k = 0; k < names->len; k++)
        seen |= g_str_equal (g_ptr_array_index (names, k), bare);
      if (!seen)
        g_ptr_array_add (names, g_strdup (bare));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static void
add_render_rows (const char *how,
                 GArray     *ms)
{
  g_autofree char *median = g_strdup_printf ("%s: median of %u", how, ms->len);
  g_autofree char *p90 = g_strdup_printf ("%s: p90", how);
  g_autofree char *slowest = g_strdup_printf ("%s: slowest of %u", how, ms->len);

  add_ms_row (median, percentile (ms, 50), TARGET_RENDER_MS);
  add_ms_row (p90, percentile (ms, 90), 0);
  add_ms_row (slowest, percentile (ms, 100), 0);
}

/* Rendering in this process, both ways, their runs taken in turns so that
 * both see the same machine (caches, the allocator, other work): with
 * concord_pdf_render_agreement() on the agreement, template and case read
 * once, and with concord_document_render(), which reads them (and the
 * station's settings) from the store each time, as the application prints.
 * The first render of each is reported on its own: the very first reads
 * and subsets the fonts. Returns the median of the first way, and its PDF
 * in @pdf. */
static double
bench_render (ConcordStore *store,
              gint64        case_id,
              guint         runs,
              GBytes      **pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(ConcordTemplate) template = NULL;
  g_autoptr(ConcordAgreementSource) source = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) document_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GBytes) document_pdf = NULL;
  g_autofree char *document_failure = NULL;
  gboolean same = TRUE, document_same = TRUE;
  double cold_ms = 0, document_first_ms = 0;

  agreement = concord_store_load_agreement (store, case_id, 0, &error);
  if (agreement == NULL)
    die ("load the agreement", error);
  template = concord_agreement_dup_template (agreement, &error);
  if (template == NULL)
    die ("find the template", error);
  source = concord_store_dup_agreement_source (store, case_id, &error);
  if (source == NULL)
    die ("read the case", error);

  for (guint run = 0; run <= runs; run++)
    {
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      bytes = concord_pdf_render_agreement (agreement, template, source, NULL, &error);
      elapsed = ms_since (start);
      if (bytes == NULL)
        die ("render the agreement", error);
      if (run == 0)
        {
          cold_ms = elapsed;
          *pdf = g_bytes_ref (bytes);
        }
      else
        {
          g_array_append_val (ms, elapsed);
          same &= g_bytes_equal (bytes, *pdf);
        }

      if (document_failure == NULL)
        {
          g_autoptr(GBytes) document = NULL;
          guint pages = 0;

          start = g_get_monotonic_time ();
          document = concord_document_render (store, case_id, 0, FALSE, &pages, &error);
          elapsed = ms_since (start);
          if (document == NULL)
            {
              document_failure = g_strdup (error->message);
              g_clear_error (&error);
              continue;
            }
          if (run == 0)
            {
              document_first_ms = elapsed;
              document_pdf = g_bytes_ref (document);
            }
          else
            g_array_append_val (document_ms, elapsed);
          document_same &= g_bytes_equal (document, *pdf) && pages == concord_pdf_count_pages (*pdf);
        }
    }

  add_ms_row ("in process (concord_pdf_render_agreement): first render (cold)", cold_ms, 0);
  add_render_rows ("in process (concord_pdf_render_agreement)", ms);
  add_text_row ("in process: every render the same bytes", same ? "yes" : "no");
  if (document_failure != NULL)
    add_row ("from the store (concord_document_render)", document_failure, "< 30 ms", RESULT_FAIL);
  else
    {
      add_ms_row ("from the store (concord_document_render): first render", document_first_ms, 0);
      add_render_rows ("from the store (concord_document_render)", document_ms);
      add_text_row ("from the store: the same bytes and pages as in process", document_same ? "yes" : "no");
    }
  return percentile (ms, 50);
}

typedef struct
{
  double ms;
  long   max_rss_kb;
} Spawned;

/* Runs @argv to its end; FALSE (with what went wrong in @failure) when it
 * could not start or did not succeed. */
static gboolean
spawn_timed (const char *const *argv,
             char              **env,
             Spawned            *spawned,
             char              **failure)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage = { 0 };
  gint64 start = g_get_monotonic_time ();
  GPid pid;
  int status = 0;

  if (!g_spawn_async (NULL, (char **) argv, env,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      *failure = g_strdup (error->message);
      return FALSE;
    }
  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;
  spawned->ms = ms_since (start);
  spawned->max_rss_kb = usage.ru_maxrss;
  g_spawn_close_pid (pid);
  if (!g_spawn_check_wait_status (status, &error))
    {
      *failure = g_strdup_printf ("%s failed: %s", argv[0], error->message);
      return FALSE;
    }
  return TRUE;
}

static void
add_process_rows (const char *how,
                  GArray     *ms,
                  double      target_ms)
{
  g_autofree char *first = g_strdup_printf ("%s: first run", how);
  g_autofree char *median = g_strdup_printf ("%s: median of %u", how, ms->len);
  g_autofree char *slowest = g_strdup_printf ("%s: slowest of %u", how, ms->len);

  add_ms_row (first, g_array_index (ms, double, 0), 0);
  add_ms_row (median, percentile (ms, 50), target_ms);
  add_ms_row (slowest, percentile (ms, 100), 0);
}

/* The whole concord-cli process; returns its median, or 0 when it could
 * not be measured. */
static double
bench_cli (const char *cli,
           const char *db,
           const char *case_no,
           const char *out_dir,
           guint       runs,
           GBytes     *in_process)
{
  g_autofree char *output = g_build_filename (out_dir, "concord-cli.pdf", NULL);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *contents = NULL;
  g_autofree char *rss = NULL;
  const char *argv[] = { cli, "--db", db, "pdf", case_no, "-o", output, NULL };
  long max_rss_kb = 0;
  gsize length = 0;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      add_row ("concord-cli pdf: whole process", "no concord-cli (--cli PATH)", "< 200 ms", RESULT_SKIP);
      return 0;
    }
  for (guint run = 0; run < runs; run++)
    {
      g_autofree char *failure = NULL;
      Spawned spawned = { 0 };

      g_remove (output);
      if (!spawn_timed (argv, NULL, &spawned, &failure))
        {
          add_row ("concord-cli pdf: whole process", failure, "< 200 ms", RESULT_FAIL);
          return 0;
        }
      g_array_append_val (ms, spawned.ms);
      max_rss_kb = MAX (max_rss_kb, spawned.max_rss_kb);
    }
  add_process_rows ("concord-cli pdf: whole process", ms, TARGET_PROCESS_MS);
  rss = g_strdup_printf ("%.1f MB", max_rss_kb / 1024.0);
  add_text_row ("concord-cli pdf: peak memory (max RSS)", rss);
  if (g_file_get_contents (output, &contents, &length, NULL))
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

      add_text_row ("concord-cli pdf: same bytes as in process",
                    g_bytes_equal (bytes, in_process) ? "yes" : "no");
    }
  else
    add_row ("concord-cli pdf: the file", "not written", NULL, RESULT_FAIL);
  return percentile (ms, 50);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (dir);
}

/* LibreOffice converting the equivalent document: returns its median, or
 * 0 when it could not be measured. */
static double
bench_libreoffice (const char *libreoffice,
                   const char *missing,
                   const char *fodt,
                   const char *out_dir,
                   const char *work_dir,
                   guint       runs)
{
  g_autofree char *profile = g_build_filename (work_dir, "libreoffice-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *lo_dir = g_build_filename (work_dir, "libreoffice-out", NULL);
  g_autofree char *base = g_path_get_basename (fodt);
  g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".fodt"));
  g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *made = g_build_filename (lo_dir, pdf_name, NULL);
  g_autofree char *kept = g_build_filename (out_dir, "libreoffice.pdf", NULL);
  g_autofree char *rss = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { libreoffice, env_arg, "--headless", "--convert-to", "pdf",
                         "--outdir", lo_dir, fodt, NULL };
  long max_rss_kb = 0;
  gsize length = 0;
  double cold_ms = 0, median;

  if (libreoffice == NULL)
    {
      add_row ("LibreOffice", missing != NULL ? missing : "not installed", NULL, RESULT_SKIP);
      return 0;
    }

  /* Headless: no display, no session bus to talk to. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "SESSION_MANAGER");

  remove_tree (profile);
  for (guint run = 0; run < runs; run++)
    {
      g_autofree char *failure = NULL;
      Spawned spawned = { 0 };

      remove_tree (lo_dir);
      if (!spawn_timed (argv, env, &spawned, &failure))
        {
          add_row ("LibreOffice --convert-to pdf", failure, NULL, RESULT_FAIL);
          return 0;
        }
      if (!g_file_test (made, G_FILE_TEST_EXISTS))
        {
          add_row ("LibreOffice --convert-to pdf", "no PDF written", NULL, RESULT_FAIL);
          return 0;
        }
      if (run == 0)
        cold_ms = spawned.ms;
      g_array_append_val (ms, spawned.ms);
      max_rss_kb = MAX (max_rss_kb, spawned.max_rss_kb);
    }

  add_ms_row ("LibreOffice --convert-to pdf: first (new profile)", cold_ms, 0);
  median = percentile (ms, 50);
  {
    g_autofree char *label = g_strdup_printf ("LibreOffice --convert-to pdf: median of %u", ms->len);

    add_ms_row (label, median, 0);
  }
  add_ms_row ("LibreOffice --convert-to pdf: fastest", percentile (ms, 0), 0);
  rss = g_strdup_printf ("%.1f MB", max_rss_kb / 1024.0);
  add_text_row ("LibreOffice: peak memory (max RSS)", rss);

  if (g_file_get_contents (made, &contents, &length, NULL))
    {
      add_size_row ("LibreOffice: PDF size", length, FALSE);
      g_file_set_contents (kept, contents, (gssize) length, NULL);
    }
  pages = g_strdup_printf ("%u", pdfinfo_pages (made));
  add_text_row ("LibreOffice: pages", pages);
  fonts = pdffonts_names (made);
  if (fonts != NULL)
    add_text_row ("LibreOffice: fonts embedded", fonts);
  return median;
}

static void
add_ratio_row (const char *what,
               double      slow_ms,
               double      fast_ms,
               gboolean    with_target)
{
  g_autofree char *value = NULL;
  double ratio;

  if (slow_ms <= 0 || fast_ms <= 0)
    {
      add_row (what, "not measured", with_target ? "≥ 20×" : NULL, with_target ? RESULT_SKIP : RESULT_NONE);
      return;
    }
  ratio = slow_ms / fast_ms;
  value = g_strdup_printf ("%.1f× faster", ratio);
  add_row (what, value, with_target ? "≥ 20×" : NULL,
           with_target ? (ratio >= TARGET_RATIO ? RESULT_PASS : RESULT_FAIL) : RESULT_NONE);
}

static void
usage (FILE *out)
{
  fputs ("Usage: concord-bench-pdf [--runs N] [--cli PATH] [--cli-runs N]\n"
         "                         [--libreoffice PATH | --libreoffice-missing WHY]\n"
         "                         [--lo-runs N] [--keep DIR]\n"
         "\n"
         "  --runs N                 renders in this process after the first (default 100)\n"
         "  --cli PATH               concord-cli, for the whole-process measure\n"
         "  --cli-runs N             concord-cli runs (default 20)\n"
         "  --libreoffice PATH       LibreOffice (default: libreoffice in PATH)\n"
         "  --libreoffice-missing W  do not look for LibreOffice; print W instead\n"
         "  --lo-runs N              LibreOffice conversions (default 5)\n"
         "  --keep DIR               write the PDFs and the Flat ODT to DIR\n",
         out);
}

static gboolean
parse_count (const char *value,
             guint      *count)
{
  guint64 parsed;

  if (!g_ascii_string_to_unsigned (value, 10, 1, 100000, &parsed, NULL))
    return FALSE;
  *count = (guint) parsed;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(ConcordTemplate) template = NULL;
  g_autoptr(ConcordAgreementSource) source = NULL;
  g_autofree char *libreoffice = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *fodt_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *fodt = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *fonts = NULL;
  const char *cli = NULL, *keep = NULL, *missing = NULL;
  guint runs = 100, cli_runs = 20, lo_runs = 5;
  double render_ms, cli_ms, lo_ms;
  Fixture f = { 0 };
  gboolean all_pass;

  setlocale (LC_ALL, "");
  bench_table_init ();

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;
      gboolean ok = TRUE;

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          usage (stdout);
          return 0;
        }
      if (value == NULL)
        ok = FALSE;
      else if (g_str_equal (arg, "--runs"))
        ok = parse_count (value, &runs);
      else if (g_str_equal (arg, "--cli-runs"))
        ok = parse_count (value, &cli_runs);
      else if (g_str_equal (arg, "--lo-runs"))
        ok = parse_count (value, &lo_runs);
      else if (g_str_equal (arg, "--cli"))
        cli = value;
      else if (g_str_equal (arg, "--libreoffice"))
        libreoffice = g_strdup (value);
      else if (g_str_equal (arg, "--libreoffice-missing"))
        missing = value;
      else if (g_str_equal (arg, "--keep"))
        keep = value;
      else
        ok = FALSE;
      if (!ok)
        {
          usage (stderr);
          return 2;
        }
      i++;
    }
  if (libreoffice == NULL && missing == NULL)
    libreoffice = g_find_program_in_path ("libreoffice");
  if (libreoffice == NULL && missing == NULL)
    missing = "not installed (bench/ensure-libreoffice.sh installs it)";

  if (!g_file_test (CONCORD_PDF_FONT_DEFAULT_BODY, G_FILE_TEST_EXISTS) ||
      !g_file_test (CONCORD_PDF_FONT_DEFAULT_HEADING, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "concord-bench-pdf: the fonts %s and %s are needed (fonts-arphic-uming, fonts-wqy-zenhei)\n",
               CONCORD_PDF_FONT_DEFAULT_BODY, CONCORD_PDF_FONT_DEFAULT_HEADING);
      return 1;
    }

  fixture_set_up (&f, NULL);
  if (keep != NULL)
    {
      if (g_mkdir_with_parents (keep, 0755) != 0)
        {
          fprintf (stderr, "concord-bench-pdf: cannot make %s: %s\n", keep, g_strerror (errno));
          return 1;
        }
      out_dir = g_strdup (keep);
    }
  else
    out_dir = g_strdup (f.dir);

  c = make_scenario (&f);
  printf ("Concord PDF benchmark: scenario 1's agreement, case %s\n", c->case_no);
  fflush (stdout);

  /* In process. */
  render_ms = bench_render (f.store, c->id, runs, &pdf);
  add_size_row ("PDF size", g_bytes_get_size (pdf), TRUE);
  pages = g_strdup_printf ("%u", concord_pdf_count_pages (pdf));
  add_text_row ("PDF pages", pages);
  pdf_path = g_build_filename (out_dir, "concord.pdf", NULL);
  if (!g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error))
    die ("write the PDF", error);
  fonts = pdffonts_names (pdf_path);
  if (fonts != NULL)
    add_text_row ("PDF fonts embedded", fonts);

  /* The equivalent document, from the same agreement. */
  agreement = concord_store_load_agreement (f.store, c->id, 0, &error);
  if (agreement == NULL)
    die ("load the agreement", error);
  template = concord_agreement_dup_template (agreement, &error);
  if (template == NULL)
    die ("find the template", error);
  source = concord_store_dup_agreement_source (f.store, c->id, &error);
  if (source == NULL)
    die ("read the case", error);
  fodt = agreement_fodt (agreement, template, source);
  fodt_path = g_build_filename (out_dir, "agreement.fodt", NULL);
  if (!g_file_set_contents (fodt_path, fodt, -1, &error))
    die ("write the Flat ODT", error);

  /* Other processes open the database: let go of it. */
  g_clear_object (&f.store);

  cli_ms = bench_cli (cli, f.path, c->case_no, out_dir, cli_runs, pdf);
  lo_ms = bench_libreoffice (libreoffice, missing, fodt_path, out_dir, f.dir, lo_runs);

  add_ratio_row ("LibreOffice ÷ concord-cli pdf (whole processes, medians)", lo_ms, cli_ms, TRUE);
  add_ratio_row ("LibreOffice ÷ render in process (medians)", lo_ms, render_ms, FALSE);

  if (keep != NULL)
    printf ("The PDFs and the Flat ODT are in %s\n", keep);
  all_pass = print_table ();
  bench_table_free ();
  fixture_tear_down (&f, NULL);
  return all_pass ? 0 : 1;
}
