/* test-pdf.c — the agreement PDF: scenario 1 rendered and read back with
 * poppler-utils (pdftotext, pdffonts, pdftoppm), the same bytes twice, a
 * long agreement over several pages with its footer and the signature
 * block kept with the text before it, a character the font cannot print;
 * pad signatures in their boxes, the seal over the name, the
 * verification code and the QR code, the marker, scenario 3 on the
 * police form and the other templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <qrencode.h>

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

/* How many times @needle is in @text. */
static guint
count_in (const char *text,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

/* @text without the footers, which come between the text of one page
 * and the next. */
static char *
without_footers (PdfFixture *pf,
                 const char *text)
{
  g_autofree char *code = concord_agreement_verification_code (pf->agreement);
  g_autofree char *verify = g_strdup_printf ("核验码%s", code);
  GString *out = g_string_new (text);

  g_assert_cmpuint (g_string_replace (out, verify, "", 0), >=, 1);
  for (guint n = 1; n < 10; n++)
    for (guint p = 1; p <= n; p++)
      {
        g_autofree char *footer = g_strdup_printf ("第%u页共%u页", p, n);

        g_string_replace (out, footer, "", 0);
      }
  return g_string_free (out, FALSE);
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
  /* Every page carries the verification code and its number. */
  {
    g_autofree char *code = concord_agreement_verification_code (pf.agreement);
    g_autofree char *verify = g_strdup_printf ("核验码%s", code);

    g_assert_nonnull (code);
    g_assert_cmpuint (strlen (code), ==, 14);
    g_assert_cmpuint (count_in (text, verify), ==, n);
    for (guint p = 1; p <= n; p++)
      {
        g_autofree char *page = pdf_text (path, p);
        g_autofree char *footer = g_strdup_printf ("第%u页共%u页", p, n);

        assert_contains (page, verify);
        assert_contains (page, footer);
      }
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
      /* No page ends with a heading. */
      for (guint p = 1; p < n; p++)
        {
          g_autofree char *page = pdf_text (path, p);
          g_autofree char *body = without_footers (&pf, page);

          for (guint s = 0; s < pf.template->sections->len; s++)
            {
              ConcordTemplateSection *section = g_ptr_array_index (pf.template->sections, s);

              if (section->heading != NULL && g_str_has_suffix (body, section->heading))
                g_error ("%u extra paragraphs: page %u ends with the heading %s", extra, p, section->heading);
              for (guint k = 0; k < section->fields->len; k++)
                {
                  ConcordTemplateField *field = g_ptr_array_index (section->fields, k);

                  if (field->heading != NULL && g_str_has_suffix (body, field->heading))
                    g_error ("%u extra paragraphs: page %u ends with the heading %s", extra, p, field->heading);
                }
            }
        }
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

/* A PDF written as @name in @dir; with CONCORD_TEST_PDF_KEEP set to a
 * directory, a copy is kept there to look at. */
static char *
write_named (const char *dir,
             const char *name,
             GBytes     *pdf)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  const char *keep = g_getenv ("CONCORD_TEST_PDF_KEEP");

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL),
                                      (gssize) g_bytes_get_size (pdf), &error));
  g_assert_no_error (error);
  if (keep != NULL)
    {
      g_autofree char *copy = g_build_filename (keep, name, NULL);

      g_assert_true (g_file_set_contents (copy, g_bytes_get_data (pdf, NULL),
                                          (gssize) g_bytes_get_size (pdf), NULL));
    }
  return path;
}

static GBytes *
render_with (PdfFixture              *pf,
             const ConcordPdfOptions *options)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf = concord_pdf_render_agreement (pf->agreement, pf->template, pf->source, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

/* Pages rendered by pdftoppm, read from its PPM. */
typedef struct
{
  int     width;
  int     height;
  double  scale;     /* pixels per point */
  guchar *data;
} Image;

static void
image_free (Image *image)
{
  g_free (image->data);
  g_free (image);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Image, image_free)

static Image *
render_page (const char *path,
             guint       page,
             int         dpi)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *ppm = g_strconcat (prefix, ".ppm", NULL);
  g_autofree char *first = g_strdup_printf ("%u", page);
  g_autofree char *resolution = g_strdup_printf ("%d", dpi);
  const char *argv[] = { "pdftoppm", "-r", resolution, "-f", first, "-l", first, "-singlefile",
                         path, prefix, NULL };
  g_autofree char *out = run (argv);
  g_autofree char *data = NULL;
  gsize size = 0;
  Image *image = g_new0 (Image, 1);
  const char *p;
  char *end;
  long values[3];

  g_assert_true (g_file_get_contents (ppm, &data, &size, &error));
  g_assert_no_error (error);
  g_assert_true (size > 2 && data[0] == 'P' && data[1] == '6');
  p = data + 2;
  for (guint i = 0; i < 3; i++)
    {
      while (g_ascii_isspace (*p))
        p++;
      values[i] = strtol (p, &end, 10);
      p = end;
    }
  p++;
  image->width = (int) values[0];
  image->height = (int) values[1];
  image->scale = dpi / 72.0;
  g_assert_cmpint (values[2], ==, 255);
  g_assert_cmpuint (size - (p - data), ==, (gsize) image->width * image->height * 3);
  image->data = g_memdup2 (p, (gsize) image->width * image->height * 3);
  g_unlink (ppm);
  return image;
}

static const guchar *
pixel (const Image *image,
       int          x,
       int          y)
{
  return image->data + ((gsize) y * image->width + x) * 3;
}

/* The blue-black of a pen, the red of a seal, the black of text. */
static gboolean
is_ink (const guchar *p)
{
  return p[2] >= p[0] + 25 && p[2] >= p[1] + 15;
}

static gboolean
is_red (const guchar *p)
{
  return p[0] >= p[1] + 60 && p[0] >= p[2] + 60;
}

static gboolean
is_black (const guchar *p)
{
  return p[0] + p[1] + p[2] < 3 * 120;
}

static gboolean
is_dark (const guchar *p)
{
  return p[0] + p[1] + p[2] < 3 * 200;
}

typedef struct
{
  int x0, y0, x1, y1;   /* pixels, y downwards, inclusive */
} Box;

/* The signature boxes of a page rendered at 144 dpi: the rectangles
 * whose top and bottom edges are long horizontal lines (8 characters,
 * 240 pixels; nothing else on the page draws such a line), from the top. */
static GArray *
find_sign_boxes (const Image *image)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Box));
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (Box));

  for (int y = 0; y < image->height; y++)
    {
      int run = 0, best = 0, best_end = 0;

      for (int x = 0; x < image->width; x++)
        {
          run = is_dark (pixel (image, x, y)) ? run + 1 : 0;
          if (run > best)
            {
              best = run;
              best_end = x;
            }
        }
      if (best >= 200)
        {
          Box edge = { best_end - best + 1, y, best_end, y };

          if (edges->len > 0 && g_array_index (edges, Box, edges->len - 1).y1 == y - 1)
            g_array_index (edges, Box, edges->len - 1).y1 = y;
          else
            g_array_append_val (edges, edge);
        }
    }
  g_assert_cmpuint (edges->len % 2, ==, 0);
  for (guint i = 0; i < edges->len; i += 2)
    {
      Box top = g_array_index (edges, Box, i);
      Box bottom = g_array_index (edges, Box, i + 1);
      Box box = { top.x0, top.y0, top.x1, bottom.y1 };

      g_assert_cmpint (ABS (top.x0 - bottom.x0), <=, 2);
      g_assert_cmpint (bottom.y1 - top.y0, >, 40);
      g_array_append_val (boxes, box);
    }
  return boxes;
}

static guint
count_pixels (const Image *image,
              const Box   *box,
              gboolean   (*test) (const guchar *p))
{
  guint n = 0;

  for (int y = MAX (box->y0, 0); y <= MIN (box->y1, image->height - 1); y++)
    for (int x = MAX (box->x0, 0); x <= MIN (box->x1, image->width - 1); x++)
      n += test (pixel (image, x, y));
  return n;
}

/* A signature as a pen on the pad writes it: two strokes, a loop and a
 * flourish, the pressure rising and falling, in the pad's units. */
static ConcordSignature *
pad_signature (gint64      agreement_id,
               const char *signer,
               double      shift)
{
  ConcordSignature *signature = concord_signature_new (CONCORD_SIGNATURE_METHOD_PAD);
  guint32 t = 0;

  for (guint s = 0; s < 2; s++)
    {
      GArray *stroke = concord_signature_add_stroke (signature);

      for (guint i = 0; i < 60; i++)
        {
          double a = i / 59.0;
          ConcordInkPoint point;

          if (s == 0)
            {
              point.x = 120 + shift + 160 * a + 40 * sin (a * 4 * G_PI);
              point.y = 120 - 60 * sin (a * 2 * G_PI) * (1 - a);
            }
          else
            {
              point.x = 300 + shift + 140 * a;
              point.y = 150 - 50 * a + 25 * sin (a * 6 * G_PI);
            }
          point.pressure = 0.2 + 0.7 * sin (a * G_PI);
          point.t = t;
          t += 12;
          g_array_append_val (stroke, point);
        }
    }
  signature->agreement_id = agreement_id;
  signature->signer = g_strdup (signer);
  signature->signer_name = g_strdup (signer);
  return signature;
}

static char *
party_key (PdfFixture *pf,
           guint       i)
{
  return g_strdup_printf ("party:%" G_GINT64_FORMAT,
                          ((ConcordAgreementParty *) g_ptr_array_index (pf->agreement->parties, i))->party_id);
}

/* Pad signatures of Zhang and the mediator are drawn in their boxes, in
 * ink; Li signed in ink and Wu not at all: their boxes stay empty. The
 * text is the same as the unsigned copy's; the marker says signed=1. */
static void
test_signatures (void)
{
  PdfFixture pf = { 0 };
  g_autoptr(GPtrArray) signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_signature_free);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) signed_pdf = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) other_version = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *signed_path = NULL;
  g_autofree char *plain_text = NULL;
  g_autofree char *signed_text = NULL;
  g_autofree char *zhang = NULL;
  g_autofree char *li = NULL;
  g_autoptr(Image) before = NULL;
  g_autoptr(Image) after = NULL;
  g_autoptr(GArray) boxes = NULL;
  ConcordPdfOptions options = { 0 };
  ConcordPdfMarker marker;
  ConcordSignature *ink;
  guint n, inside = 0;

  if (!have_fonts () || !have_poppler ())
    {
      g_test_skip ("fonts or poppler-utils not installed");
      return;
    }
  pdf_set_up (&pf, NULL);
  zhang = party_key (&pf, 0);
  li = party_key (&pf, 1);
  g_ptr_array_add (signatures, pad_signature (pf.agreement->id, zhang, 0));
  g_ptr_array_add (signatures, pad_signature (pf.agreement->id, "mediator", 30));
  ink = concord_signature_new (CONCORD_SIGNATURE_METHOD_INK);
  ink->agreement_id = pf.agreement->id;
  ink->signer = g_strdup (li);
  ink->signed_at = g_strdup ("2026-11-20T00:00:00Z");
  g_ptr_array_add (signatures, ink);

  plain = render (&pf);
  options.signatures = signatures;
  signed_pdf = render_with (&pf, &options);
  again = render_with (&pf, &options);
  g_assert_true (g_bytes_equal (signed_pdf, again));
  g_assert_false (g_bytes_equal (plain, signed_pdf));
  g_test_message ("unsigned %zu bytes, signed %zu bytes", g_bytes_get_size (plain), g_bytes_get_size (signed_pdf));

  g_assert_true (concord_pdf_read_marker (plain, &marker));
  g_assert_false (marker.signed_copy);
  g_assert_true (concord_pdf_read_marker (signed_pdf, &marker));
  g_assert_true (marker.signed_copy);

  n = concord_pdf_count_pages (signed_pdf);
  g_assert_cmpuint (n, ==, concord_pdf_count_pages (plain));
  plain_path = write_named (pf.f.dir, "plain.pdf", plain);
  signed_path = write_named (pf.f.dir, "signed.pdf", signed_pdf);
  plain_text = pdf_text (plain_path, 0);
  signed_text = pdf_text (signed_path, 0);
  g_assert_cmpstr (plain_text, ==, signed_text);

  /* The boxes: Zhang, Li, Wu, the mediator. */
  before = render_page (plain_path, n, 144);
  after = render_page (signed_path, n, 144);
  boxes = find_sign_boxes (before);
  g_assert_cmpuint (boxes->len, ==, 4);
  {
    g_autoptr(GArray) same = find_sign_boxes (after);

    g_assert_cmpuint (same->len, ==, 4);
  }
  for (guint i = 0; i < boxes->len; i++)
    {
      const Box *box = &g_array_index (boxes, Box, i);
      guint ink_after = count_pixels (after, box, is_ink);

      g_assert_cmpuint (count_pixels (before, box, is_ink), ==, 0);
      if (i == 0 || i == 3)
        g_assert_cmpuint (ink_after, >, 300);
      else
        g_assert_cmpuint (ink_after, ==, 0);
      inside += ink_after;
    }
  /* Nothing of the ink outside the boxes: cropped and scaled to fit. */
  {
    Box page = { 0, 0, after->width - 1, after->height - 1 };

    g_assert_cmpuint (count_pixels (after, &page, is_ink), ==, inside);
    g_assert_cmpuint (count_pixels (before, &page, is_ink), ==, 0);
  }

  /* A signature of another version is not drawn on this one. */
  for (guint i = 0; i < signatures->len; i++)
    ((ConcordSignature *) g_ptr_array_index (signatures, i))->agreement_id = pf.agreement->id + 100;
  other_version = render_with (&pf, &options);
  g_assert_true (g_bytes_equal (other_version, plain));
  pdf_tear_down (&pf);
}

/* A PNG of a seal in memory: a red ring and a star on a transparent
 * ground, edges smoothed (alpha between 0 and 255). */
static guint32
crc32_of (const guchar *data,
          gsize         len,
          guint32       crc)
{
  crc = ~crc;
  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
  return ~crc;
}

static void
png_chunk (GByteArray   *png,
           const char   *type,
           const guchar *data,
           gsize         len)
{
  guchar header[8] = { len >> 24, len >> 16, len >> 8, len, type[0], type[1], type[2], type[3] };
  guint32 crc = crc32_of (header + 4, 4, 0);
  guchar tail[4];

  crc = crc32_of (data, len, crc);
  tail[0] = crc >> 24;
  tail[1] = crc >> 16;
  tail[2] = crc >> 8;
  tail[3] = crc;
  g_byte_array_append (png, header, 8);
  g_byte_array_append (png, data, len);
  g_byte_array_append (png, tail, 4);
}

static double
coverage (double distance)
{
  return CLAMP (0.5 - distance, 0.0, 1.0);
}

/* The seal's coverage at a pixel: a ring and a five-pointed star. */
static double
seal_alpha (int size,
            int x,
            int y)
{
  double c = size / 2.0, outer = size * 0.48, inner = size * 0.44, star = size * 0.2;
  double dx = x + 0.5 - c, dy = y + 0.5 - c;
  double r = sqrt (dx * dx + dy * dy);
  double ring = MIN (coverage (r - outer), coverage (inner - r));
  double angle = fmod (atan2 (dx, -dy) + 2 * G_PI, 2 * G_PI / 5) - G_PI / 5;
  double edge = star * cos (G_PI / 5) / cos (angle) * 0.55 + star * 0.45 * (1 - fabs (angle) / (G_PI / 5));

  return MAX (ring, coverage (r - edge));
}

/* A seal as a PNG of colour type @color and @depth bits, its rows
 * filtered in turn with each of the five filters; opaque kinds have the
 * seal on white, the palette one transparency from tRNS. */
static GByteArray *
seal_rows (int size,
           int color,
           int depth)
{
  static const guchar red[3] = { 215, 25, 32 };
  static const int channels[] = { 1, 0, 3, 1, 2, 0, 4 };
  GByteArray *raw = g_byte_array_new ();
  int stride = (size * channels[color] * depth + 7) / 8;
  int bpp = MAX (1, channels[color] * depth / 8);
  g_autofree guchar *line = g_malloc0 (stride);
  g_autofree guchar *prior = g_malloc0 (stride);

  for (int y = 0; y < size; y++)
    {
      guchar filter = y % 5;

      memset (line, 0, stride);
      for (int x = 0; x < size; x++)
        {
          double a = seal_alpha (size, x, y);
          guint values[4];
          int n = 0;

          switch (color)
            {
            case 6:
            case 2:
              for (int k = 0; k < 3; k++)
                values[n++] = color == 6 ? red[k] : (guint) round (255 * (1 - a) + red[k] * a);
              if (color == 6)
                values[n++] = (guint) round (a * 255);
              break;
            case 4:
            case 0:
              values[n++] = color == 4 ? 80 : (guint) round (255 * (1 - a) + 80 * a);
              if (color == 4)
                values[n++] = (guint) round (a * 255);
              break;
            default:
              values[n++] = a > 0.5 ? 1 : 0;
              break;
            }
          for (int k = 0; k < n; k++)
            {
              int i = x * n + k;

              if (depth == 16)
                {
                  line[2 * i] = (values[k] * 257) >> 8;
                  line[2 * i + 1] = (values[k] * 257) & 0xFF;
                }
              else if (depth == 8)
                line[i] = values[k];
              else
                line[i * depth / 8] |= values[k] << (8 - depth - (i * depth) % 8);
            }
        }
      g_byte_array_append (raw, &filter, 1);
      for (int i = 0; i < stride; i++)
        {
          int a = i >= bpp ? line[i - bpp] : 0, b = y > 0 ? prior[i] : 0, c = y > 0 && i >= bpp ? prior[i - bpp] : 0;
          int p = a + b - c, pa = ABS (p - a), pb = ABS (p - b), pc = ABS (p - c);
          int predictor[5] = { 0, a, b, (a + b) / 2, pa <= pb && pa <= pc ? a : pb <= pc ? b : c };
          guchar byte = (guchar) (line[i] - predictor[filter]);

          g_byte_array_append (raw, &byte, 1);
        }
      memcpy (prior, line, stride);
    }
  return raw;
}

/* A PNG of @raw, the filtered rows of a @size × @size image. */
static GBytes *
png_of_rows (int         size,
             int         color,
             int         depth,
             int         interlace,
             GByteArray *raw)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  g_autoptr(GOutputStream) compress = g_converter_output_stream_new (memory, G_CONVERTER (zlib));
  g_autoptr(GBytes) deflated = NULL;
  GByteArray *png = g_byte_array_new ();
  guchar ihdr[13] = { size >> 24, size >> 16, size >> 8, size, size >> 24, size >> 16, size >> 8, size,
                      depth, color, 0, 0, interlace };

  g_assert_true (g_output_stream_write_all (compress, raw->data, raw->len, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (compress, NULL, NULL));
  deflated = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));

  g_byte_array_append (png, signature, sizeof signature);
  png_chunk (png, "IHDR", ihdr, sizeof ihdr);
  if (color == 3)
    {
      static const guchar palette[6] = { 255, 255, 255, 215, 25, 32 };
      static const guchar alpha[2] = { 0, 255 };

      png_chunk (png, "PLTE", palette, sizeof palette);
      png_chunk (png, "tRNS", alpha, sizeof alpha);
    }
  png_chunk (png, "IDAT", g_bytes_get_data (deflated, NULL), g_bytes_get_size (deflated));
  png_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (png);
}

static GBytes *
seal_png_kind (int size,
               int color,
               int depth,
               int interlace)
{
  g_autoptr(GByteArray) raw = seal_rows (size, color, depth);

  return png_of_rows (size, color, depth, interlace, raw);
}

static GBytes *
seal_png (int size)
{
  return seal_png_kind (size, 6, 8, 0);
}

/* The bounding box (points, from the top left) of the first word
 * pdftotext -bbox finds containing @needle on @page. */
static gboolean
word_box (const char *path,
          guint       page,
          const char *needle,
          double      box[4],
          char      **word)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };
  g_autofree char *html = run (argv);
  g_auto(GStrv) lines = g_strsplit (html, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = strstr (lines[i], "<word ");
      const char *text;

      if (p == NULL || strstr (lines[i], needle) == NULL)
        continue;
      g_assert_cmpint (sscanf (p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">",
                               &box[0], &box[1], &box[2], &box[3]), ==, 4);
      text = strchr (p, '>') + 1;
      *word = g_strndup (text, strstr (text, "</word>") - text);
      return TRUE;
    }
  return FALSE;
}

/* The seal is printed over the committee's name, centred on it, its
 * transparency kept (the name shows through); a missing or broken PNG is
 * refused with its path named. */
static void
test_seal (void)
{
  PdfFixture pf = { 0 };
  g_autoptr(GBytes) png = seal_png (480);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seal_path = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *sealed_path = NULL;
  g_autofree char *plain_text = NULL;
  g_autofree char *sealed_text = NULL;
  g_autofree char *word = NULL;
  g_autoptr(Image) image = NULL;
  g_autoptr(Image) bare = NULL;
  ConcordPdfOptions options = { 0 };
  double box[4], sum_x = 0, sum_y = 0, min_x = G_MAXDOUBLE, max_x = 0;
  guint n, red = 0, dark_under = 0, dark_bare = 0;

  if (!have_fonts () || !have_poppler ())
    {
      g_test_skip ("fonts or poppler-utils not installed");
      return;
    }
  pdf_set_up (&pf, NULL);
  seal_path = write_named (pf.f.dir, "seal.png", png);
  options.seal_image = seal_path;
  plain = render (&pf);
  sealed = render_with (&pf, &options);
  again = render_with (&pf, &options);
  g_assert_true (g_bytes_equal (sealed, again));
  g_assert_cmpuint (g_bytes_get_size (sealed), <, 500 * 1024);
  n = concord_pdf_count_pages (sealed);
  plain_path = write_named (pf.f.dir, "plain.pdf", plain);
  sealed_path = write_named (pf.f.dir, "sealed.pdf", sealed);
  plain_text = pdf_text (plain_path, 0);
  sealed_text = pdf_text (sealed_path, 0);
  g_assert_cmpstr (plain_text, ==, sealed_text);

  g_assert_true (word_box (sealed_path, n, "（印章）", box, &word));
  g_assert_cmpstr (word, ==, "东城街道人民调解委员会（印章）");
  image = render_page (sealed_path, n, 72);
  bare = render_page (plain_path, n, 72);
  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      if (is_red (pixel (image, x, y)))
        {
          red++;
          sum_x += x + 0.5;
          sum_y += y + 0.5;
          min_x = MIN (min_x, x);
          max_x = MAX (max_x, x + 1);
        }
  g_assert_cmpuint (red, >, 500);
  /* 42 mm wide (119 points), centred on the name: the name is the first
   * 11 of the 15 full-width characters of the line. */
  g_test_message ("seal %.1f points wide, centre (%.1f, %.1f); name %.1f…%.1f, %.1f…%.1f",
                  max_x - min_x, sum_x / red, sum_y / red, box[0], box[2], box[1], box[3]);
  g_assert_cmpfloat (fabs ((max_x - min_x) - 42 * 72 / 25.4), <, 4);
  g_assert_cmpfloat (fabs (sum_x / red - (box[0] + (box[2] - box[0]) * 11 / 15 / 2)), <, 3);
  g_assert_cmpfloat (fabs (sum_y / red - (box[1] + box[3]) / 2), <, 4);
  /* Transparent around the ring and star: the name's black still shows
   * under the seal, nearly as much as without it. */
  {
    Box name = { (int) box[0], (int) box[1], (int) box[2], (int) box[3] };

    for (int y = name.y0; y <= name.y1; y++)
      for (int x = name.x0; x <= name.x1; x++)
        {
          dark_under += is_black (pixel (image, x, y));
          dark_bare += is_black (pixel (bare, x, y));
        }
    g_assert_cmpuint (dark_under, >, dark_bare * 8 / 10);
  }

  /* Every kind of PNG a seal comes as: drawn over the name, transparent
   * (or white, multiplied away) around the ring and the star. */
  {
    static const struct { int color, depth; } kinds[] = {
      { 6, 8 }, { 6, 16 }, { 4, 8 }, { 2, 8 }, { 0, 8 }, { 3, 8 }, { 3, 4 }, { 3, 1 }, { 0, 16 },
    };

    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autoptr(GBytes) kind_png = seal_png_kind (240, kinds[k].color, kinds[k].depth, 0);
        g_autofree char *kind_path = write_named (pf.f.dir, "kind.png", kind_png);
        g_autoptr(GBytes) kind_pdf = NULL;
        g_autofree char *pdf_path = NULL;
        g_autoptr(Image) kind_image = NULL;
        guint changed = 0, seal_area = 0;

        options.seal_image = kind_path;
        kind_pdf = render_with (&pf, &options);
        pdf_path = write_named (pf.f.dir, "kind.pdf", kind_pdf);
        kind_image = render_page (pdf_path, n, 72);
        for (int y = 0; y < kind_image->height; y++)
          for (int x = 0; x < kind_image->width; x++)
            {
              const guchar *p = pixel (kind_image, x, y), *q = pixel (bare, x, y);

              if (ABS (p[0] - q[0]) + ABS (p[1] - q[1]) + ABS (p[2] - q[2]) > 60)
                {
                  changed++;
                  g_assert_cmpfloat (fabs (x + 0.5 - sum_x / red), <, 62);
                  g_assert_cmpfloat (fabs (y + 0.5 - sum_y / red), <, 62);
                }
            }
        seal_area = (guint) (119 * 119);
        g_test_message ("seal as colour type %d, %d bits: %u pixels changed", kinds[k].color, kinds[k].depth,
                        changed);
        g_assert_cmpuint (changed, >, seal_area / 10);
        g_assert_cmpuint (changed, <, seal_area / 2);
      }
  }

  /* Missing, not a PNG, a damaged PNG, an interlaced one: refused, never
   * left out. */
  {
    g_autofree char *missing = g_build_filename (pf.f.dir, "no-seal.png", NULL);
    g_autofree char *text_file = g_build_filename (pf.f.dir, "seal.txt", NULL);
    g_autofree char *broken = g_build_filename (pf.f.dir, "broken.png", NULL);
    g_autofree char *interlaced = g_build_filename (pf.f.dir, "interlaced.png", NULL);
    g_autofree char *truncated = g_build_filename (pf.f.dir, "truncated.png", NULL);
    g_autofree char *flipped = g_build_filename (pf.f.dir, "flipped.png", NULL);
    const char *bad[] = { missing, text_file, broken, pf.f.dir, interlaced, truncated, flipped };
    GByteArray *damaged = g_byte_array_new ();
    g_autoptr(GBytes) interlaced_png = seal_png_kind (64, 6, 8, 1);
    gsize png_size;
    const char *png_data = g_bytes_get_data (png, &png_size);
    g_autofree char *flipped_data = g_memdup2 (png_data, png_size);

    g_free (write_named (pf.f.dir, "interlaced.png", interlaced_png));
    g_assert_true (g_file_set_contents (truncated, png_data, png_size - 20, NULL));
    /* one bit of the image data changed: the checksum no longer holds */
    flipped_data[png_size / 2] ^= 0x10;
    g_assert_true (g_file_set_contents (flipped, flipped_data, png_size, NULL));

    g_assert_true (g_file_set_contents (text_file, "not a seal", -1, NULL));
    g_byte_array_append (damaged, g_bytes_get_data (png, NULL), 60);
    memset (damaged->data + 40, 0xAB, 20);
    g_assert_true (g_file_set_contents (broken, (const char *) damaged->data, damaged->len, NULL));
    g_byte_array_unref (damaged);
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GBytes) refused = NULL;

        options.seal_image = bad[i];
        refused = concord_pdf_render_agreement (pf.agreement, pf.template, pf.source, &options, &error);
        g_assert_null (refused);
        g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
        g_test_message ("%s", error->message);
        g_assert_nonnull (strstr (error->message, bad[i]));
        g_clear_error (&error);
      }
  }

  /* Damaged image data behind good checksums (rows changed, then
   * compressed and checked again): a bad row filter refused, other bytes
   * drawn, never a crash. */
  {
    guint refused = 0;

    for (guint round = 0; round < 40; round++)
      {
        g_autoptr(GByteArray) rows = seal_rows (48, round % 2 ? 6 : 3, round % 2 ? 8 : 4);
        g_autofree char *mutated_path = g_build_filename (pf.f.dir, "mutated.png", NULL);
        g_autoptr(GBytes) mutated = NULL;
        g_autoptr(GBytes) result = NULL;
        guint at = g_test_rand_int_range (0, rows->len);

        rows->data[at] ^= (guchar) g_test_rand_int_range (1, 256);
        /* and a row's filter, half the time */
        if (round % 4 < 2)
          rows->data[(rows->len / 48) * (guint) g_test_rand_int_range (0, 48)] = 5 + round;
        mutated = png_of_rows (48, round % 2 ? 6 : 3, round % 2 ? 8 : 4, 0, rows);
        g_assert_true (g_file_set_contents (mutated_path, g_bytes_get_data (mutated, NULL),
                                            g_bytes_get_size (mutated), NULL));
        options.seal_image = mutated_path;
        result = concord_pdf_render_agreement (pf.agreement, pf.template, pf.source, &options, &error);
        if (result == NULL)
          {
            g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
            g_assert_nonnull (strstr (error->message, "damaged"));
            g_clear_error (&error);
            refused++;
          }
        else
          g_assert_cmpuint (round % 4, >=, 2);
      }
    g_test_message ("damaged image data: %u of 40 refused", refused);
    g_assert_cmpuint (refused, >=, 20);
  }
  pdf_tear_down (&pf);
}

/* The QR code of the last page: where it is (the bottom right, clear of
 * the signature block), that it is exactly the symbol of "<case number>
 * <code>", and, with zbarimg, that a reader decodes it. */
static void
test_qr (void)
{
  PdfFixture pf = { 0 };
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *code = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *zbar = g_find_program_in_path ("zbarimg");
  g_autoptr(Image) image = NULL;
  QRcode *qr;
  int x0 = G_MAXINT, y0 = G_MAXINT, x1 = -1, y1 = -1;
  double module;
  guint n;

  if (!have_fonts () || !have_poppler ())
    {
      g_test_skip ("fonts or poppler-utils not installed");
      return;
    }
  pdf_set_up (&pf, NULL);
  pdf = render (&pf);
  n = concord_pdf_count_pages (pdf);
  path = write_named (pf.f.dir, "qr.pdf", pdf);
  code = concord_agreement_verification_code (pf.agreement);
  expected = g_strdup_printf ("%s %s", pf.source->c->case_no, code);

  /* The symbol: the dark pixels of the bottom right corner, below the
   * signature block and above the footer line. */
  image = render_page (path, n, 150);
  for (int y = image->height * 3 / 4; y < image->height - (int) (32 * image->scale); y++)
    for (int x = image->width * 2 / 3; x < image->width; x++)
      if (is_dark (pixel (image, x, y)))
        {
          x0 = MIN (x0, x);
          x1 = MAX (x1, x);
          y0 = MIN (y0, y);
          y1 = MAX (y1, y);
        }
  g_assert_cmpint (x1, >, x0);
  qr = QRcode_encodeString8bit (expected, 0, QR_ECLEVEL_M);
  g_assert_nonnull (qr);
  module = (x1 - x0 + 1.0) / qr->width;
  g_test_message ("QR version %d, %d modules, %.1f mm, at (%d, %d) px", qr->version, qr->width,
                  (x1 - x0 + 1) / image->scale * 25.4 / 72, x0, y0);
  g_assert_cmpfloat (fabs ((x1 - x0 + 1) / image->scale - 18 * 72 / 25.4), <, 2);
  g_assert_cmpint (ABS ((y1 - y0) - (x1 - x0)), <, 2);
  /* The right edge on the text block's, the bottom above the footer. */
  g_assert_cmpfloat (x1 / image->scale, >, 595.276 - 80);
  g_assert_cmpfloat (y1 / image->scale, <, 841.89 - 35.4 - 8);
  for (int row = 0; row < qr->width; row++)
    for (int col = 0; col < qr->width; col++)
      {
        const guchar *p = pixel (image, x0 + (int) ((col + 0.5) * module), y0 + (int) ((row + 0.5) * module));
        gboolean dark = p[0] < 128;

        if (dark != (qr->data[row * qr->width + col] & 1))
          g_error ("QR module (%d, %d) is %s", row, col, dark ? "dark" : "light");
      }
  /* Its quiet zone, four modules all round, is white: nothing of the
   * signature block comes near. */
  {
    Box zone = { x0 - (int) (4 * module), y0 - (int) (4 * module), x1 + (int) (4 * module), y0 - 1 };

    g_assert_cmpuint (count_pixels (image, &zone, is_dark), ==, 0);
    zone = (Box) { x0 - (int) (4 * module), y0, x0 - 1, y1 };
    g_assert_cmpuint (count_pixels (image, &zone, is_dark), ==, 0);
  }
  QRcode_free (qr);

  if (zbar == NULL)
    g_test_message ("zbarimg not found (zbar-tools): the QR code is not decoded");
  else
    {
      g_autofree char *prefix = g_build_filename (pf.f.dir, "qr", NULL);
      g_autofree char *png = g_strconcat (prefix, ".png", NULL);
      g_autofree char *last = g_strdup_printf ("%u", n);
      const char *render_argv[] = { "pdftoppm", "-r", "200", "-png", "-f", last, "-l", last, "-singlefile",
                                    path, prefix, NULL };
      const char *zbar_argv[] = { "zbarimg", "--raw", "-q", "-Sqrcode.binary", png, NULL };
      g_autofree char *out = run (render_argv);
      g_autofree char *decoded = run (zbar_argv);

      g_strchomp (decoded);
      g_assert_cmpstr (decoded, ==, expected);
    }
  pdf_tear_down (&pf);
}

/* @needle in @pdf's bytes (binary streams hold NULs: not strstr). */
static const char *
find_in_bytes (GBytes     *pdf,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* The marker in the document information, read back; anything not
 * exactly of its form is refused. */
static GBytes *
replace_once (GBytes     *pdf,
              const char *from,
              const char *to)
{
  const char *data = g_bytes_get_data (pdf, NULL);
  GString *out = g_string_new_len (data, g_bytes_get_size (pdf));
  const char *at = find_in_bytes (pdf, from);

  g_assert_nonnull (at);
  g_string_erase (out, at - data, strlen (from));
  g_string_insert_len (out, at - data, to, strlen (to));
  return g_string_free_to_bytes (out);
}

static void
test_marker (void)
{
  PdfFixture pf = { 0 };
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *code = NULL;
  g_autofree char *literal = NULL;
  ConcordPdfMarker marker = { 0 };
  gsize size = 0;

  if (!have_fonts ())
    {
      g_test_skip ("fonts-arphic-uming or fonts-wqy-zenhei not installed");
      return;
    }
  pdf_set_up (&pf, NULL);
  pdf = render (&pf);
  code = concord_agreement_verification_code (pf.agreement);
  g_assert_true (concord_pdf_read_marker (pdf, &marker));
  g_assert_cmpint (marker.case_id, ==, pf.agreement->case_id);
  g_assert_cmpint (marker.agreement_id, ==, pf.agreement->id);
  g_assert_cmpint (marker.version, ==, pf.agreement->version);
  g_assert_cmpint (marker.version, >=, 1);
  g_assert_cmpstr (marker.code, ==, code);
  g_assert_false (marker.signed_copy);

  /* In the raw bytes, not compressed. */
  g_bytes_get_data (pdf, &size);
  literal = g_strdup_printf ("case=%" G_GINT64_FORMAT " agreement=%" G_GINT64_FORMAT " version=%d code=%s signed=0)",
                             pf.agreement->case_id, pf.agreement->id, pf.agreement->version, code);
  g_assert_nonnull (find_in_bytes (pdf, literal));

  /* The same marker as a UTF-16 hex string is the same marker. */
  {
    const char *start = find_in_bytes (pdf, "/Keywords (");
    const char *end = strchr (start, ')');
    g_autofree char *old = g_strndup (start, end + 1 - start);
    g_autofree char *text = g_strdup_printf ("concord-verify/1 %s", literal);
    GString *hex = g_string_new ("/Keywords <FEFF");
    g_autoptr(GBytes) utf16 = NULL;
    ConcordPdfMarker again = { 0 };

    text[strlen (text) - 1] = '\0';
    for (const char *p = text; *p != '\0'; p++)
      g_string_append_printf (hex, "00%02X", (guchar) *p);
    g_string_append_c (hex, '>');
    utf16 = replace_once (pdf, old, hex->str);
    g_string_free (hex, TRUE);
    g_assert_true (concord_pdf_read_marker (utf16, &again));
    g_assert_cmpint (again.case_id, ==, marker.case_id);
    g_assert_cmpint (again.agreement_id, ==, marker.agreement_id);
    g_assert_cmpint (again.version, ==, marker.version);
    g_assert_cmpstr (again.code, ==, marker.code);
    g_assert_cmpint (again.signed_copy, ==, marker.signed_copy);
  }

  /* Malformed markers. */
  {
    const struct { const char *from; const char *to; } bad[] = {
      { " signed=0)", " signed=2)" },
      { " signed=0)", " signed=0 )" },
      { " signed=0)", " signed=01)" },
      { " signed=0)", ")" },
      { " signed=0)", " signed=0 extra=1)" },
      { " code=", " code= " },
      { " code=", " kode=" },
      { " agreement=", "  agreement=" },
      { " version=", " version=-" },
      { " version=", " version=0" },
      { "case=", "case=+" },
      { "case=", "case=99999999999999999999" },
      { "concord-verify\\0571 ", "concord-verify\\0572 " },
      { "concord-verify", "Concord-verify" },
      { "/Keywords (", "/Keywords [" },
      { "/Keywords (", "/KeywordsX (" },
      { "/Keywords (concord", "/Keywords (\\(concord" },
      { "/Keywords (concord", "/Keywords (\\377concord" },
      { "/Info ", "/Infx " },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GBytes) changed = replace_once (pdf, bad[i].from, bad[i].to);
        ConcordPdfMarker untouched = { 0 };

        untouched.version = -7;
        if (concord_pdf_read_marker (changed, &untouched))
          g_error ("“%s” → “%s”: still read as a marker", bad[i].from, bad[i].to);
        g_assert_cmpint (untouched.version, ==, -7);
      }
    /* The code in lower case, a dash missing */
    {
      g_autofree char *lower = g_ascii_strdown (code, -1);
      g_autofree char *from = g_strdup_printf ("code=%s", code);
      g_autofree char *to = g_strdup_printf ("code=%s", lower);
      g_autofree char *nodash = g_strdup_printf ("code=%.4s%s", code, code + 5);
      g_autoptr(GBytes) changed = replace_once (pdf, from, to);
      g_autoptr(GBytes) short_code = replace_once (pdf, from, nodash);

      if (g_strcmp0 (lower, code) != 0)
        g_assert_false (concord_pdf_read_marker (changed, &marker));
      g_assert_false (concord_pdf_read_marker (short_code, &marker));
    }
    /* A second Keywords entry in the Info dictionary */
    {
      g_autoptr(GBytes) twice = replace_once (pdf, "/Keywords (", "/Keywords (x)\n/Keywords (");

      g_assert_false (concord_pdf_read_marker (twice, &marker));
    }
  }

  /* Truncated, empty, not a PDF, a PDF without a marker. */
  {
    g_autoptr(GBytes) half = g_bytes_new_from_bytes (pdf, 0, size / 2);
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr(GBytes) text = g_bytes_new_static ("concord-verify/1 case=1 agreement=2 version=1 "
                                                 "code=3F2A-9C1B-77D0 signed=0", 71);
    static const char foreign_pdf[] =
      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< /Title (x) >>\nendobj\n"
      "trailer\n<< /Root 1 0 R /Info 2 0 R >>\n%%EOF\n";
    g_autoptr(GBytes) foreign = g_bytes_new_static (foreign_pdf, sizeof foreign_pdf - 1);

    g_assert_false (concord_pdf_read_marker (half, &marker));
    g_assert_false (concord_pdf_read_marker (empty, &marker));
    g_assert_false (concord_pdf_read_marker (text, &marker));
    g_assert_false (concord_pdf_read_marker (foreign, &marker));
  }
  pdf_tear_down (&pf);
}

/* Scenario 3: the fight at the night market on the police form. */
static ConcordParty *
fight_party (gint64      id,
             const char *name,
             const char *first17,
             const char *birth_date,
             const char *address,
             const char *phone)
{
  ConcordParty *party = concord_party_new ();

  party->id = id;
  party->role = CONCORD_ROLE_PARTY;
  party->name = g_strdup (name);
  party->gender = CONCORD_GENDER_MALE;
  party->ethnicity = g_strdup ("汉族");
  party->birth_date = g_strdup (birth_date);
  party->id_type = CONCORD_ID_RESIDENT;
  party->id_number = fixture_resident_id (first17);
  party->address = g_strdup (address);
  party->phone = g_strdup (phone);
  return party;
}

static ConcordTeamMember *
fight_officer (gint64      id,
               const char *name)
{
  ConcordTeamMember *member = concord_team_member_new ();

  member->id = id;
  member->role = CONCORD_TEAM_OFFICER;
  member->name = g_strdup (name);
  member->organisation = g_strdup ("四方派出所");
  return member;
}

static void
fight_set_up (PdfFixture *pf,
              const char *template_id)
{
  ConcordAgreementSource *source = g_new0 (ConcordAgreementSource, 1);
  ConcordCase *c = concord_case_new ();
  ConcordSession *session = concord_session_new ();
  const struct { gint64 party_id; gint64 member_id; const char *name; const char *role; } attendees[] = {
    { 1, 0, "郑某某", NULL }, { 2, 0, "冯某某", NULL }, { 0, 11, "赵某某", NULL },
    { 0, 0, "周某某", "治安志愿者" }, { 0, 0, "陈某某", NULL },
  };
  ConcordTerm *term;

  c->id = 9;
  c->case_no = g_strdup ("(2026)四方公调字第0031号");
  c->mediation_type = CONCORD_MEDIATION_POLICE;
  c->incident_no = g_strdup ("J3702032026111600456");
  c->occurred_at = g_strdup ("2026-11-16T13:00:00Z");
  c->place = g_strdup ("夜市烧烤摊");
  c->facts = g_strdup ("郑某某与冯某某在夜市饮酒时发生口角，继而互相推搡厮打，经巡逻志愿者劝阻分开。");
  c->police_screened = TRUE;
  g_ptr_array_add (c->parties, fight_party (1, "郑某某", "37020219900101001", "1990-01-01",
                                            "青岛市市北区海港路1号2单元301室", "13800000001"));
  g_ptr_array_add (c->parties, fight_party (2, "冯某某", "37020219910202002", "1991-02-02",
                                            "青岛市市北区海港路2号", "13800000002"));
  g_ptr_array_add (c->team, fight_officer (11, "赵某某"));
  g_ptr_array_add (c->team, fight_officer (14, "韩某某"));
  /* Other forms for the same case: a mediator signs them. */
  if (g_str_equal (template_id, "people-mediation") || g_str_equal (template_id, "lawyer-mediation"))
    {
      ConcordTeamMember *mediator = concord_team_member_new ();

      mediator->id = 15;
      mediator->role = CONCORD_TEAM_MEDIATOR;
      mediator->name = g_strdup (g_str_equal (template_id, "people-mediation") ? "王调解员" : "孙律师");
      mediator->organisation = g_strdup (g_str_equal (template_id, "people-mediation")
                                         ? "四方街道人民调解委员会" : "山东某某律师事务所");
      g_ptr_array_add (c->team, mediator);
    }
  for (guint i = 0; i < G_N_ELEMENTS (attendees); i++)
    {
      ConcordAttendee *attendee = concord_attendee_new ();

      attendee->party_id = attendees[i].party_id;
      attendee->member_id = attendees[i].member_id;
      attendee->name = g_strdup (attendees[i].name);
      attendee->role = g_strdup (attendees[i].role);
      g_ptr_array_add (session->attendees, attendee);
    }
  source->c = c;
  source->station_name = g_strdup ("青岛市公安局市北分局四方派出所");
  source->committee_name = g_strdup ("四方街道人民调解委员会");
  source->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_session_unref);
  g_ptr_array_add (source->sessions, session);
  source->today = g_strdup ("2026-11-17");

  pf->source = source;
  pf->template = concord_template_find (template_id);
  g_assert_nonnull (pf->template);
  pf->agreement = concord_agreement_new_draft (pf->template, source);
  pf->agreement->id = 31;
  pf->agreement->case_id = 9;
  pf->agreement->version = 1;
  pf->agreement->saved_at = g_strdup ("2026-11-17T02:30:00Z");
  concord_agreement_set_field (pf->agreement, "cause", "双方饮酒时因结账琐事发生口角。");
  concord_agreement_set_field (pf->agreement, "circumstances", "情节轻微，双方均有过错，事后均表示悔意。");
  concord_agreement_set_field (pf->agreement, "result", "双方均受轻微伤（面部擦伤），经医院检查无骨折。");
  for (guint s = 0; s < pf->template->sections->len; s++)
    {
      ConcordTemplateSection *section = g_ptr_array_index (pf->template->sections, s);

      for (guint k = 0; k < section->fields->len; k++)
        {
          ConcordTemplateField *field = g_ptr_array_index (section->fields, k);

          if (concord_agreement_get_field (pf->agreement, field->key) == NULL)
            concord_agreement_set_field (pf->agreement, field->key, "经调查，双方对事实均无异议。");
        }
    }
  term = concord_term_new (CONCORD_TERM_ACT);
  term->party_id = 1;
  term->counterparty_id = 2;
  term->text = g_strdup ("当面向冯某某赔礼道歉");
  term->deadline = g_strdup ("于本协议签订当日");
  concord_agreement_add_term (pf->agreement, term);
  term = money_term (2, 1, 80000, "2026-11-20", "医疗费");
  g_free (term->method);
  term->method = g_strdup ("现金");
  concord_agreement_add_term (pf->agreement, term);
}

static void
fight_tear_down (PdfFixture *pf)
{
  g_clear_pointer (&pf->source, concord_agreement_source_free);
  g_clear_pointer (&pf->template, concord_template_unref);
  g_clear_pointer (&pf->agreement, concord_agreement_unref);
}

/* Every field of the template with its heading, every party's
 * particulars, every term, the signature block: in @text exactly. */
static void
assert_every_field (PdfFixture *pf,
                    const char *with_footers)
{
  g_autofree char *text = without_footers (pf, with_footers);

  assert_contains (text, pf->template->title);
  if (pf->source->c->case_no != NULL)
    assert_contains (text, pf->source->c->case_no);
  for (guint i = 0; i < pf->agreement->parties->len; i++)
    {
      ConcordAgreementParty *party = g_ptr_array_index (pf->agreement->parties, i);
      g_autofree char *line = g_strdup_printf ("%s：%s", party->role, party->particulars);
      g_auto(GStrv) lines = g_strsplit (line, "\n", -1);

      for (guint k = 0; lines[k] != NULL; k++)
        assert_contains (text, lines[k]);
    }
  for (guint s = 0; s < pf->template->sections->len; s++)
    {
      ConcordTemplateSection *section = g_ptr_array_index (pf->template->sections, s);

      if (section->heading != NULL)
        assert_contains (text, section->heading);
      for (guint k = 0; k < section->fields->len; k++)
        {
          ConcordTemplateField *field = g_ptr_array_index (section->fields, k);
          const char *value = concord_agreement_get_field (pf->agreement, field->key);
          g_autofree char *expanded = NULL;
          g_auto(GStrv) paragraphs = NULL;

          if (value == NULL)
            continue;
          expanded = field->kind == CONCORD_FIELD_CLAUSE ? concord_agreement_expand_text (pf->agreement, value)
                                                         : g_strdup (value);
          paragraphs = g_strsplit (expanded, "\n", -1);
          for (guint p = 0; paragraphs[p] != NULL; p++)
            {
              /* A one-line field runs in after its heading. */
              g_autofree char *with_heading = g_strconcat (p == 0 && field->heading != NULL ? field->heading : "",
                                                           paragraphs[p], NULL);

              assert_contains (text, with_heading);
            }
        }
    }
  for (guint i = 0; i < pf->agreement->terms->len; i++)
    {
      g_autofree char *sentence = concord_agreement_term_text (pf->agreement,
                                                               g_ptr_array_index (pf->agreement->terms, i));
      g_autofree char *numbered = g_strdup_printf ("%s、%s", i == 0 ? "一" : i == 1 ? "二" : "三", sentence);

      assert_contains (text, numbered);
    }
}

static void
test_police (void)
{
  PdfFixture pf = { 0 };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GPtrArray) signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_signature_free);
  g_autoptr(GPtrArray) signers = NULL;
  g_autoptr(GArray) boxes = NULL;
  g_autoptr(Image) image = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  ConcordPdfOptions options = { 0 };
  ConcordPdfMarker marker;
  guint n;

  if (!have_fonts () || !have_poppler ())
    {
      g_test_skip ("fonts or poppler-utils not installed");
      return;
    }
  fight_set_up (&pf, "police-mediation");
  g_assert_nonnull (strstr (concord_agreement_get_field (pf.agreement, "mediation"), "本案以调解方式处理"));

  /* Signed on the pad by both parties and the presiding officer, the
   * keys as the signing pane has them. */
  signers = concord_signature_required_signers (pf.agreement, pf.template, pf.source);
  g_assert_cmpuint (signers->len, ==, 3);
  for (guint i = 0; i < signers->len; i++)
    g_ptr_array_add (signatures, pad_signature (31, ((ConcordSigner *) g_ptr_array_index (signers, i))->key, i * 20));
  g_assert_cmpstr (((ConcordSigner *) g_ptr_array_index (signers, 2))->key, ==, "presiding-officer");
  options.signatures = signatures;
  pdf = render_with (&pf, &options);
  again = render_with (&pf, &options);
  g_assert_true (g_bytes_equal (pdf, again));
  g_assert_true (concord_pdf_read_marker (pdf, &marker));
  g_assert_cmpint (marker.case_id, ==, 9);
  g_assert_cmpint (marker.agreement_id, ==, 31);
  g_assert_true (marker.signed_copy);

  n = concord_pdf_count_pages (pdf);
  path = write_named (g_get_tmp_dir (), "concord-test-police.pdf", pdf);
  text = pdf_text (path, 0);
  assert_every_field (&pf, text);
  assert_contains (text, "调解机关：青岛市公安局市北分局四方派出所");
  assert_contains (text, "主持人：赵某某、韩某某");
  assert_contains (text, "警情号：J3702032026111600456");
  assert_contains (text, "本案以调解方式处理");
  assert_contains (text, "主持人：赵某某");
  assert_contains (text, "青岛市公安局市北分局四方派出所（印章）");

  /* Two parties fingerprint; the presiding officer signs only; each
   * signer has a date to write under the name. */
  last = pdf_text (path, n);
  g_assert_cmpuint (count_in (last, "按指印："), ==, 2);
  g_assert_cmpuint (count_in (last, "签名："), ==, 3);
  g_assert_cmpuint (count_in (last, "日期："), ==, 3);
  image = render_page (path, n, 144);
  boxes = find_sign_boxes (image);
  g_assert_cmpuint (boxes->len, ==, 3);
  for (guint i = 0; i < boxes->len; i++)
    {
      const Box *box = &g_array_index (boxes, Box, i);
      /* right of the signature box, in its row */
      Box beside = { box->x1 + 4, box->y0, image->width - 1, box->y1 };

      g_assert_cmpuint (count_pixels (image, box, is_ink), >, 300);
      if (i < 2)
        g_assert_cmpuint (count_pixels (image, &beside, is_dark), >, 200);
      else
        g_assert_cmpuint (count_pixels (image, &beside, is_dark), ==, 0);
    }
  g_unlink (path);
  fight_tear_down (&pf);
}

/* Each shipped template renders with its own signature block. */
static void
test_templates (void)
{
  static const struct { const char *id; const char *title; const char *official; const char *seal; guint boxes; } templates[] = {
    { "people-mediation", "人民调解协议书", "调解员：", "四方街道人民调解委员会（印章）", 3 },
    { "police-mediation", "治安调解协议书", "主持人：", "青岛市公安局市北分局四方派出所（印章）", 3 },
    { "lawyer-mediation", "调解协议书", "调解员：", NULL, 3 },
    { "settlement", "和解协议书", NULL, NULL, 2 },
  };

  if (!have_fonts () || !have_poppler ())
    {
      g_test_skip ("fonts or poppler-utils not installed");
      return;
    }
  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      PdfFixture pf = { 0 };
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GArray) boxes = NULL;
      g_autoptr(Image) image = NULL;
      g_autofree char *name = g_strdup_printf ("concord-test-%s.pdf", templates[t].id);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *last = NULL;
      g_autofree char *code = NULL;
      guint n;

      fight_set_up (&pf, templates[t].id);
      pdf = render (&pf);
      n = concord_pdf_count_pages (pdf);
      path = write_named (g_get_tmp_dir (), name, pdf);
      text = pdf_text (path, 0);
      last = pdf_text (path, n);
      g_test_message ("%s: %u pages, %zu bytes", templates[t].id, n, g_bytes_get_size (pdf));
      assert_every_field (&pf, text);
      g_assert_true (g_str_has_prefix (text, templates[t].title));
      g_assert_cmpuint (count_in (last, "按指印："), ==, 2);
      if (templates[t].official != NULL)
        assert_contains (last, templates[t].official);
      else
        {
          g_assert_null (strstr (last, "调解员："));
          g_assert_null (strstr (last, "主持人："));
        }
      if (templates[t].seal != NULL)
        assert_contains (last, templates[t].seal);
      else
        g_assert_null (strstr (last, "（印章）"));
      {
        g_autofree char *body = without_footers (&pf, last);

        assert_contains (body, "年月日");
      }
      code = concord_agreement_verification_code (pf.agreement);
      for (guint p = 1; p <= n; p++)
        {
          g_autofree char *page = pdf_text (path, p);
          g_autofree char *footer = g_strdup_printf ("第%u页共%u页", p, n);
          g_autofree char *verify = g_strdup_printf ("核验码%s", code);

          assert_contains (page, footer);
          assert_contains (page, verify);
        }
      image = render_page (path, n, 144);
      boxes = find_sign_boxes (image);
      g_assert_cmpuint (boxes->len, ==, templates[t].boxes);
      g_unlink (path);
      fight_tear_down (&pf);
    }
}

/* A party's particulars: wherever the ID number falls, it is never
 * broken, and the line before it is never spread out to fill the
 * measure (pdftotext would see the gaps as spaces). */
static void
test_id_number_line (void)
{
  PdfFixture pf = { 0 };

  if (!have_fonts () || !have_poppler ())
    {
      g_test_skip ("fonts or poppler-utils not installed");
      return;
    }
  fight_set_up (&pf, "police-mediation");
  for (guint extra = 0; extra < 24; extra++)
    {
      ConcordAgreementParty *party = g_ptr_array_index (pf.agreement->parties, 1);
      GString *address = g_string_new ("住青岛市市北区");
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *path = NULL;
      g_autofree char *raw = NULL;

      for (guint i = 0; i < extra; i++)
        g_string_append (address, "某");
      g_string_append (address, "路2号");
      g_free (party->particulars);
      party->particulars = g_strdup_printf ("冯某某，男，1991年2月2日出生，汉族，%s，公民身份号码370202199102020023，"
                                            "联系电话13800000002", address->str);
      g_string_free (address, TRUE);
      pdf = render (&pf);
      path = write_named (g_get_tmp_dir (), "concord-test-id.pdf", pdf);
      {
        const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", path, "-", NULL };

        raw = run (argv);
      }
      if (strstr (raw, "370202199102020023") == NULL)
        g_error ("%u: the ID number is broken or spread:\n%s", extra, raw);
      /* No gap wide enough to read as a space inside the particulars. */
      {
        const char *start = strstr (raw, "乙方：冯某某");
        const char *end = strstr (raw, "13800000002");

        g_assert_nonnull (start);
        g_assert_nonnull (end);
        for (const char *p = start; p < end; p++)
          if (*p == ' ')
            g_error ("%u: the particulars are spread out:\n%.*s", extra, (int) (end - start), start);
      }
      g_unlink (path);
    }
  fight_tear_down (&pf);
}


/* Scenario 2's kind of agreement: many parties. The signature block goes
 * on over a second page, row by row, and every party has its boxes. */
static void
test_many_parties (void)
{
  PdfFixture pf = { 0 };
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint n, boxes = 0;

  if (!have_fonts () || !have_poppler ())
    {
      g_test_skip ("fonts or poppler-utils not installed");
      return;
    }
  fight_set_up (&pf, "people-mediation");
  for (guint i = 0; i < 12; i++)
    {
      ConcordAgreementParty *party = g_new0 (ConcordAgreementParty, 1);

      party->party_id = 100 + i;
      party->role = g_strdup ("丙方");
      party->name = g_strdup_printf ("居民%u", i + 1);
      party->particulars = g_strdup_printf ("居民%u，女，1960年1月1日出生，汉族，住青年路小区%u号楼", i + 1, i + 1);
      g_ptr_array_add (pf.agreement->parties, party);
    }
  pdf = render (&pf);
  n = concord_pdf_count_pages (pdf);
  path = write_named (g_get_tmp_dir (), "concord-test-many.pdf", pdf);
  text = pdf_text (path, 0);
  g_assert_cmpuint (count_in (text, "按指印："), ==, 14);
  g_assert_cmpuint (count_in (text, "签名："), ==, 15);
  for (guint p = 1; p <= n; p++)
    {
      g_autoptr(Image) image = render_page (path, p, 144);
      g_autoptr(GArray) found = find_sign_boxes (image);

      /* every box whole, above the footer and the QR code's room */
      for (guint i = 0; i < found->len; i++)
        g_assert_cmpfloat (g_array_index (found, Box, i).y1 / image->scale, <, 841.89 - 100);
      boxes += found->len;
    }
  g_assert_cmpuint (boxes, ==, 15);
  g_unlink (path);
  fight_tear_down (&pf);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of 100 renders of scenario 1 (-m perf only): plain, then
 * with two pad signatures and the seal. */
static void
test_speed (void)
{
  PdfFixture pf = { 0 };
  g_autoptr(GPtrArray) signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_signature_free);
  g_autoptr(GBytes) png = NULL;
  g_autofree char *seal_path = NULL;
  g_autofree char *zhang = NULL;
  ConcordPdfOptions options = { 0 };

  if (!g_test_perf ())
    {
      g_test_skip ("run with -m perf");
      return;
    }
  if (!have_fonts ())
    {
      g_test_skip ("fonts-arphic-uming or fonts-wqy-zenhei not installed");
      return;
    }
  pdf_set_up (&pf, NULL);
  png = seal_png (480);
  seal_path = write_named (pf.f.dir, "seal.png", png);
  zhang = party_key (&pf, 0);
  g_ptr_array_add (signatures, pad_signature (pf.agreement->id, zhang, 0));
  g_ptr_array_add (signatures, pad_signature (pf.agreement->id, "mediator", 30));
  for (guint round = 0; round < 2; round++)
    {
      double times[100];
      gsize size = 0;

      if (round == 1)
        {
          options.signatures = signatures;
          options.seal_image = seal_path;
        }
      for (guint i = 0; i < G_N_ELEMENTS (times); i++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GBytes) pdf = render_with (&pf, &options);

          times[i] = (g_get_monotonic_time () - start) / 1000.0;
          size = g_bytes_get_size (pdf);
        }
      qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_doubles);
      g_test_message ("scenario 1%s: median %.1f ms, fastest %.1f ms, slowest %.1f ms, %zu bytes",
                      round == 0 ? "" : " signed and sealed", times[50], times[0], times[99], size);
      g_test_minimized_result (times[50], "median %.1f ms", times[50]);
    }
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
  g_test_add_func ("/pdf/signatures", test_signatures);
  g_test_add_func ("/pdf/seal", test_seal);
  g_test_add_func ("/pdf/qr", test_qr);
  g_test_add_func ("/pdf/marker", test_marker);
  g_test_add_func ("/pdf/police", test_police);
  g_test_add_func ("/pdf/templates", test_templates);
  g_test_add_func ("/pdf/id-number-line", test_id_number_line);
  g_test_add_func ("/pdf/many-parties", test_many_parties);
  g_test_add_func ("/pdf/speed", test_speed);

  status = g_test_run ();
  g_rmdir (empty_dir);
  return status;
}
