/* test-pdf.c — the agreement PDF: scenario 1 rendered and read back with
 * poppler-utils (pdftotext, pdffonts, pdftoppm), the same bytes twice, a
 * long agreement over several pages with its footer and the signature
 * block kept with the text before it, a character the font cannot print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "concord-core.h"
#include "test-fixtures.h"

typedef struct
{
  Fixture                 f;
  ConcordAgreement       *agreement;
  ConcordTemplate        *template;
  ConcordAgreementSource *source;
} PdfFixture;

static gboolean
have_fonts (void)
{
  return g_file_test (CONCORD_PDF_FONT_DEFAULT_BODY, G_FILE_TEST_EXISTS) &&
         g_file_test (CONCORD_PDF_FONT_DEFAULT_HEADING, G_FILE_TEST_EXISTS);
}

static gboolean
have_poppler (void)
{
  static const char *const tools[] = { "pdftotext", "pdffonts", "pdftoppm" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        return FALSE;
    }
  return TRUE;
}

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

/* Scenario 1 in a temporary store: the complete agreement with two money
 * terms (Wu pays Zhang and Li), saved; @facts replaces the facts when
 * given. */
static void
pdf_set_up (PdfFixture *pf,
            const char *facts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = NULL;
  ConcordParty *zhang, *li, *wu;

  fixture_set_up (&pf->f, NULL);
  c = fixture_stored_fire_case (&pf->f, CONCORD_STAGE_BACK_TO_BACK, "liu");
  g_assert_true (concord_store_move_stage (pf->f.store, c->id, CONCORD_STAGE_DRAFTING, NULL, "liu", &error));
  g_assert_no_error (error);
  pf->agreement = fixture_complete_agreement (pf->f.store, c->id, "liu");
  zhang = g_ptr_array_index (c->parties, 0);
  li = g_ptr_array_index (c->parties, 1);
  wu = g_ptr_array_index (c->parties, 2);
  while (pf->agreement->terms->len > 0)
    concord_agreement_remove_term (pf->agreement,
                                   ((ConcordTerm *) g_ptr_array_index (pf->agreement->terms, 0))->id);
  concord_agreement_add_term (pf->agreement,
                              money_term (wu->id, zhang->id, 7500000, "2026-11-30", "赔偿房屋及财产损失"));
  concord_agreement_add_term (pf->agreement,
                              money_term (wu->id, li->id, 3200000, "2026-12-31", NULL));
  if (facts != NULL)
    concord_agreement_set_field (pf->agreement, "facts", facts);
  g_assert_true (concord_store_save_agreement (pf->f.store, pf->agreement, "liu", &error));
  g_assert_no_error (error);
  g_clear_pointer (&pf->agreement, concord_agreement_unref);
  pf->agreement = concord_store_load_agreement (pf->f.store, c->id, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pf->agreement->saved_at);
  pf->template = concord_template_find (pf->agreement->template_id);
  g_assert_nonnull (pf->template);
  pf->source = concord_store_dup_agreement_source (pf->f.store, c->id, &error);
  g_assert_no_error (error);
}

static void
pdf_tear_down (PdfFixture *pf)
{
  g_clear_pointer (&pf->source, concord_agreement_source_free);
  g_clear_pointer (&pf->template, concord_template_unref);
  g_clear_pointer (&pf->agreement, concord_agreement_unref);
  fixture_tear_down (&pf->f, NULL);
}

static GBytes *
render (PdfFixture *pf)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf = concord_pdf_render_agreement (pf->agreement, pf->template, pf->source, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static char *
write_pdf (PdfFixture *pf,
           GBytes     *pdf)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (pf->f.dir, "agreement.pdf", NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL),
                                      (gssize) g_bytes_get_size (pdf), &error));
  g_assert_no_error (error);
  return path;
}

static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Page @page's text (0: all), without blanks: lines break anywhere. */
static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };
  g_autofree char *text = run (page == 0 ? all : one);
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static char *
strip (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *text,
                 const char *what)
{
  g_autofree char *needle = strip (what);

  if (strstr (text, needle) == NULL)
    g_error ("the PDF's text lacks “%s”", needle);
}

static void
test_scenario (void)
{
  PdfFixture pf = { 0 };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *png = NULL;

  if (!have_fonts ())
    {
      g_test_skip ("fonts-arphic-uming or fonts-wqy-zenhei not installed");
      return;
    }
  pdf_set_up (&pf, NULL);
  pdf = render (&pf);
  g_test_message ("scenario 1: %zu bytes, %u pages", g_bytes_get_size (pdf),
                  concord_pdf_count_pages (pdf));
  g_assert_cmpuint (g_bytes_get_size (pdf), <, 500 * 1024);
  g_assert_cmpuint (concord_pdf_count_pages (pdf), >=, 1);

  /* The same agreement, the same bytes. */
  again = render (&pf);
  g_assert_true (g_bytes_equal (pdf, again));

  if (!have_poppler ())
    {
      g_test_skip ("pdftotext, pdffonts or pdftoppm not found (poppler-utils)");
      pdf_tear_down (&pf);
      return;
    }
  path = write_pdf (&pf, pdf);
  text = pdf_text (path, 0);
  assert_contains (text, pf.template->title);
  assert_contains (text, pf.source->c->case_no);
  for (guint i = 0; i < pf.agreement->parties->len; i++)
    {
      ConcordAgreementParty *party = g_ptr_array_index (pf.agreement->parties, i);
      g_auto(GStrv) lines = g_strsplit (party->particulars, "\n", -1);

      assert_contains (text, party->name);
      for (guint k = 0; lines[k] != NULL; k++)
        assert_contains (text, lines[k]);
    }
  for (guint i = 0; i < pf.agreement->terms->len; i++)
    {
      g_autofree char *sentence = concord_agreement_term_text (pf.agreement,
                                                               g_ptr_array_index (pf.agreement->terms, i));

      assert_contains (text, sentence);
    }
  assert_contains (text, "一、吴某");
  assert_contains (text, "二、吴某");
  assert_contains (text, "柒万伍仟元整");
  assert_contains (text, "叁万贰仟元整");
  assert_contains (text, "按指印");
  assert_contains (text, "东城街道人民调解委员会（印章）");
  {
    g_autofree char *footer = g_strdup_printf ("第1页共%u页", concord_pdf_count_pages (pdf));

    assert_contains (text, footer);
  }

  /* Both faces embedded. */
  {
    const char *argv[] = { "pdffonts", path, NULL };

    fonts = run (argv);
    g_assert_nonnull (strstr (fonts, "UMing"));
    g_assert_nonnull (strstr (fonts, "ZenHei"));
    for (char **line = g_strsplit (fonts, "\n", -1), **l = line + 2; *l != NULL || (g_strfreev (line), FALSE); l++)
      if (**l != '\0')
        g_assert_nonnull (strstr (*l, " yes yes "));
  }

  /* Page 1 renders. */
  {
    g_autofree char *prefix = g_build_filename (pf.f.dir, "page", NULL);
    const char *argv[] = { "pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-gray", "-singlefile",
                           path, prefix, NULL };
    g_autofree char *out = run (argv);

    png = g_strconcat (prefix, ".pgm", NULL);
    g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  }
  pdf_tear_down (&pf);
}

static void
test_long (void)
{
  PdfFixture pf = { 0 };
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  GString *facts = g_string_new (NULL);
  guint n;

  if (!have_fonts ())
    {
      g_test_skip ("fonts-arphic-uming or fonts-wqy-zenhei not installed");
      g_string_free (facts, TRUE);
      return;
    }
  while (g_utf8_strlen (facts->str, -1) < 3000)
    g_string_append (facts, "租户吴某用电不慎引发火灾，烧毁房东李某的房屋并熏黑楼上邻居张某的房屋。");
  pdf_set_up (&pf, facts->str);
  g_string_free (facts, TRUE);
  pdf = render (&pf);
  n = concord_pdf_count_pages (pdf);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (g_bytes_get_size (pdf), <, 500 * 1024);
  if (!have_poppler ())
    {
      g_test_skip ("pdftotext, pdffonts or pdftoppm not found (poppler-utils)");
      pdf_tear_down (&pf);
      return;
    }
  path = write_pdf (&pf, pdf);
  text = pdf_text (path, 0);
  {
    g_autofree char *first = g_strdup_printf ("第1页共%u页", n);
    g_autofree char *final = g_strdup_printf ("第%u页共%u页", n, n);

    assert_contains (text, first);
    assert_contains (text, final);
  }
  /* The signature block is on the last page, after text of the clauses. */
  last = pdf_text (path, n);
  {
    const char *sign = strstr (last, "签名：");
    const char *stop = strstr (last, "。");

    g_assert_nonnull (sign);
    g_assert_nonnull (stop);
    g_assert_true (stop < sign);
  }
  pdf_tear_down (&pf);
}

/* The signature block at every position near a page end: never alone at
 * the top of a page. */
static void
test_keep_together (void)
{
  PdfFixture pf = { 0 };

  if (!have_fonts () || !have_poppler ())
    {
      g_test_skip ("fonts or poppler-utils not installed");
      return;
    }
  pdf_set_up (&pf, NULL);
  for (guint extra = 0; extra < 30; extra++)
    {
      GString *facts = g_string_new ("火灾经过。");
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *path = NULL;
      g_autofree char *last = NULL;
      const char *sign;
      guint n;

      for (guint i = 0; i < extra; i++)
        g_string_append (facts, "\n吴某用电不慎引发火灾，烧毁房东李某的房屋。");
      concord_agreement_set_field (pf.agreement, "facts", facts->str);
      g_string_free (facts, TRUE);
      pdf = render (&pf);
      n = concord_pdf_count_pages (pdf);
      path = write_pdf (&pf, pdf);
      last = pdf_text (path, n);
      sign = strstr (last, "签名：");
      g_assert_nonnull (sign);
      if (strstr (last, "。") == NULL || strstr (last, "。") > sign)
        g_error ("%u extra paragraphs: the signature block starts page %u alone", extra, n);
    }
  pdf_tear_down (&pf);
}

static void
test_unprintable (void)
{
  PdfFixture pf = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  ConcordAgreementParty *party;

  if (!have_fonts ())
    {
      g_test_skip ("fonts-arphic-uming or fonts-wqy-zenhei not installed");
      return;
    }
  pdf_set_up (&pf, NULL);
  party = g_ptr_array_index (pf.agreement->parties, 0);
  g_free (party->name);
  party->name = g_strdup ("张𠀀某");
  pdf = concord_pdf_render_agreement (pf.agreement, pf.template, pf.source, NULL, &error);
  g_assert_null (pdf);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "张𠀀某"));
  g_assert_nonnull (strstr (error->message, "“𠀀”"));
  pdf_tear_down (&pf);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *empty_dir = NULL;
  int status;

  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);
  empty_dir = g_dir_make_tmp ("concord-no-templates-XXXXXX", NULL);
  g_setenv ("CONCORD_TEMPLATE_DIR", empty_dir, TRUE);

  g_test_add_func ("/pdf/scenario", test_scenario);
  g_test_add_func ("/pdf/long", test_long);
  g_test_add_func ("/pdf/keep-together", test_keep_together);
  g_test_add_func ("/pdf/unprintable", test_unprintable);

  status = g_test_run ();
  g_rmdir (empty_dir);
  return status;
}
