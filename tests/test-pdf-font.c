/* test-pdf-font.c — fonts for the PDF: refusals, glyph lookup, widths,
 * and HarfBuzz subsets that libharu 2.3.0 embeds, checked end to end
 * with pdftotext, pdffonts and pdftoppm (poppler-utils)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include <hpdf.h>

#include "concord-error.h"
#include "concord-pdf-font.h"

/* Scenario 1 (the fire): the heading in the heading face, the body in
 * the body face. */
static const char scenario_heading[] = "人民调解协议书";
static const char scenario_body[] =
  "申请人：张某，男；李某，女。\n"
  "被申请人：吴某。\n"
  "调解员：王调解员、刘警官、陈律师。\n"
  "依照《中华人民共和国民法典》第一千一百六十五条，\n"
  "吴某赔偿人民币壹拾叁万元整（¥130,000.00）。\n"
  "“本协议自各方签字之日起生效。”\n";

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("concord-pdf-font-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static char *
strip_blanks (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static ConcordPdfFont *
open_font (const char *path)
{
  g_autoptr(GError) error = NULL;
  ConcordPdfFont *font;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  font = concord_pdf_font_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (font);
  return font;
}

#define REQUIRE_FONT(font, path) \
  G_STMT_START { \
    if ((font) == NULL) \
      { \
        g_test_skip ("font not installed: " path); \
        return; \
      } \
  } G_STMT_END

static void
assert_refused (const char *path,
                guint       index,
                const char *file_name,
                const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordPdfFont) font = concord_pdf_font_open (path, index, &error);

  g_assert_null (font);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_test_message ("%s: %s", path, error->message);
  g_assert_nonnull (strstr (error->message, file_name));
  g_assert_nonnull (strstr (error->message, why));
}

static void
test_open_defaults (void)
{
  g_autoptr(ConcordPdfFont) body = open_font (CONCORD_PDF_FONT_DEFAULT_BODY);
  g_autoptr(ConcordPdfFont) heading = NULL;

  REQUIRE_FONT (body, CONCORD_PDF_FONT_DEFAULT_BODY);
  heading = open_font (CONCORD_PDF_FONT_DEFAULT_HEADING);
  REQUIRE_FONT (heading, CONCORD_PDF_FONT_DEFAULT_HEADING);

  g_assert_cmpstr (concord_pdf_font_get_path (body), ==, CONCORD_PDF_FONT_DEFAULT_BODY);
  g_assert_cmpstr (concord_pdf_font_get_family (body), ==, "AR PL UMing CN");
  g_assert_cmpstr (concord_pdf_font_get_path (heading), ==, CONCORD_PDF_FONT_DEFAULT_HEADING);
  g_assert_cmpstr (concord_pdf_font_get_family (heading), ==, "WenQuanYi Zen Hei");

  /* The other faces of the collection open too. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ConcordPdfFont) tw = concord_pdf_font_open (CONCORD_PDF_FONT_DEFAULT_BODY, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (concord_pdf_font_get_family (tw), ==, "AR PL UMing TW");
  }
}

static void
test_refuse_cff (void)
{
  static const char *const candidates[] = {
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *base = NULL;

      if (!g_file_test (candidates[i], G_FILE_TEST_EXISTS))
        continue;
      base = g_path_get_basename (candidates[i]);
      assert_refused (candidates[i], 0, base, "PostScript (CFF) outlines");
      return;
    }
  g_test_skip ("no Noto CJK font installed (fonts-noto-cjk)");
}

static void
test_refuse_broken (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *text = g_build_filename (dir, "agreement.txt", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.ttf", NULL);
  g_autofree char *missing = g_build_filename (dir, "nothing-here.ttf", NULL);
  g_autofree char *truncated = g_build_filename (dir, "cut-short.ttf", NULL);
  g_autofree char *folder = g_build_filename (dir, "fonts.ttf", NULL);
  static const char *const sources[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    CONCORD_PDF_FONT_DEFAULT_BODY,
  };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (text, "人民调解协议书\n这不是字体。\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  assert_refused (text, 0, "agreement.txt", "is not a font file");
  assert_refused (empty, 0, "empty.ttf", "is not a font file");
  assert_refused (missing, 0, missing, "does not exist");
  assert_refused (folder, 0, "fonts.ttf", "cannot be read");

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *bytes = NULL;
      gsize len = 0;

      if (!g_file_get_contents (sources[i], &bytes, &len, NULL))
        continue;
      g_assert_cmpuint (len, >, 1000);
      g_file_set_contents (truncated, bytes, 1000, &error);
      g_assert_no_error (error);
      g_test_message ("first 1000 bytes of %s", sources[i]);
      assert_refused (truncated, 0, "cut-short.ttf", "damaged or incomplete");
      break;
    }

  if (g_file_test (CONCORD_PDF_FONT_DEFAULT_BODY, G_FILE_TEST_EXISTS))
    {
      /* uming.ttc holds 4 faces (CN, HK, TW, TW MBE). */
      assert_refused (CONCORD_PDF_FONT_DEFAULT_BODY, 99, "uming.ttc", "no font number 99");
      assert_refused (CONCORD_PDF_FONT_DEFAULT_BODY, 4, "uming.ttc", "it holds 4 fonts");
    }

  remove_dir (dir);
}

static void
test_lookup (void)
{
  g_autoptr(ConcordPdfFont) body = open_font (CONCORD_PDF_FONT_DEFAULT_BODY);
  g_autofree char *scenario = NULL;

  REQUIRE_FONT (body, CONCORD_PDF_FONT_DEFAULT_BODY);

  g_assert_true (concord_pdf_font_has_char (body, 0x4EBA));   /* 人 */
  g_assert_true (concord_pdf_font_has_char (body, 0x58F9));   /* 壹 */
  g_assert_true (concord_pdf_font_has_char (body, 'A'));
  g_assert_true (concord_pdf_font_has_char (body, 0xA5));     /* ¥ */
  g_assert_true (concord_pdf_font_has_char (body, 0xFF0C));   /* ， */
  g_assert_false (concord_pdf_font_has_char (body, 0x1F600)); /* an emoji */
  g_assert_false (concord_pdf_font_has_char (body, 0xE000));  /* private use */

  /* The whole document is there; blanks are not looked up. */
  scenario = g_strconcat (scenario_heading, "\n", scenario_body, NULL);
  g_assert_cmpuint (concord_pdf_font_find_missing (body, scenario), ==, 0);
  g_assert_cmpuint (concord_pdf_font_find_missing (body, ""), ==, 0);
  g_assert_cmpuint (concord_pdf_font_find_missing (body, " \n\r\t　"), ==, 0);

  /* A rare name outside the BMP: AR PL UMing has no 𠀀 (U+20000), so it
   * is reported, never printed as a blank. */
  g_assert_false (concord_pdf_font_has_char (body, 0x20000));
  g_assert_cmpuint (concord_pdf_font_find_missing (body, "张𠀀某"), ==, 0x20000);
  g_assert_cmpuint (concord_pdf_font_find_missing (body, "申请人：张某\n𠀀"), ==, 0x20000);
  /* The first missing character is the one reported. */
  g_assert_cmpuint (concord_pdf_font_find_missing (body, "张😀𠀀"), ==, 0x1F600);
}

static void
test_width (void)
{
  g_autoptr(ConcordPdfFont) body = open_font (CONCORD_PDF_FONT_DEFAULT_BODY);
  g_autoptr(ConcordPdfFont) heading = NULL;

  REQUIRE_FONT (body, CONCORD_PDF_FONT_DEFAULT_BODY);

  /* 1024 font units of 1024 per em. */
  g_assert_cmpint (concord_pdf_font_char_width (body, 0x4EBA), ==, 1000);
  g_assert_cmpint (concord_pdf_font_char_width (body, 0xFF08), ==, 1000); /* （ */
  g_assert_cmpint (concord_pdf_font_char_width (body, 'A'), ==, 500);
  g_assert_cmpint (concord_pdf_font_char_width (body, '1'), ==, 500);
  g_assert_cmpint (concord_pdf_font_char_width (body, 0x20000), ==, 0);
  g_assert_cmpint (concord_pdf_font_char_width (body, 0x1F600), ==, 0);

  heading = open_font (CONCORD_PDF_FONT_DEFAULT_HEADING);
  REQUIRE_FONT (heading, CONCORD_PDF_FONT_DEFAULT_HEADING);
  g_assert_cmpint (concord_pdf_font_char_width (heading, 0x4EBA), ==, 1000);
  /* Zen Hei's Latin is proportional: 573/1024 em. */
  g_assert_cmpint (concord_pdf_font_char_width (heading, 'A'), >, 500);
  g_assert_cmpint (concord_pdf_font_char_width (heading, 'A'), <, 1000);
}

static void
test_subset (void)
{
  g_autoptr(ConcordPdfFont) body = open_font (CONCORD_PDF_FONT_DEFAULT_BODY);
  g_autofree char *dir = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *bytes_one = NULL;
  g_autofree char *bytes_two = NULL;
  gsize len_one = 0, len_two = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordPdfFont) small = NULL;
  g_autofree char *scenario = NULL;

  REQUIRE_FONT (body, CONCORD_PDF_FONT_DEFAULT_BODY);
  dir = make_temp_dir ();

  scenario = g_strconcat (scenario_heading, scenario_body, NULL);
  one = concord_pdf_font_subset (body, scenario, dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (one);
  g_assert_true (g_str_has_prefix (one, dir));

  /* The same characters in another order, repeated: same bytes, new file. */
  {
    g_autofree char *reversed = g_utf8_strreverse (scenario, -1);
    g_autofree char *twice = g_strconcat (reversed, scenario, NULL);

    two = concord_pdf_font_subset (body, twice, dir, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpstr (one, !=, two);
  g_assert_true (g_file_get_contents (one, &bytes_one, &len_one, NULL));
  g_assert_true (g_file_get_contents (two, &bytes_two, &len_two, NULL));
  g_test_message ("subset of the scenario's text: %" G_GSIZE_FORMAT " bytes", len_one);
  g_assert_cmpuint (len_one, ==, len_two);
  g_assert_true (memcmp (bytes_one, bytes_two, len_one) == 0);
  /* AR PL UMing is 21 MB; the scenario's ~80 characters are tens of KB. */
  g_assert_cmpuint (len_one, <, 100 * 1024);

  /* The subset is a font of its own that passes the same checks, with
   * the document's characters, their widths, and nothing else. */
  small = concord_pdf_font_open (one, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (concord_pdf_font_get_family (small), ==, "AR PL UMing CN");
  g_assert_cmpuint (concord_pdf_font_find_missing (small, scenario), ==, 0);
  for (const char *p = scenario; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n')
        g_assert_cmpint (concord_pdf_font_char_width (small, c), ==,
                         concord_pdf_font_char_width (body, c));
    }
  g_assert_false (concord_pdf_font_has_char (small, 0x9B3C)); /* 鬼 */
  g_assert_true (concord_pdf_font_has_char (body, 0x9B3C));

  /* A missing character: an error naming it, and no file left behind. */
  {
    g_autoptr(GError) missing = NULL;
    g_autofree char *none = NULL;
    guint before = count_files (dir);

    /* 鿔 (U+9FD4, Unicode 8) is newer than AR PL UMing. */
    g_assert_false (concord_pdf_font_has_char (body, 0x9FD4));
    none = concord_pdf_font_subset (body, "申请人：张鿔", dir, &missing);
    g_assert_null (none);
    g_assert_error (missing, CONCORD_ERROR, CONCORD_ERROR_INVALID);
    g_test_message ("%s", missing->message);
    g_assert_nonnull (strstr (missing->message, "“鿔”"));
    g_assert_nonnull (strstr (missing->message, "U+9FD4"));
    g_assert_nonnull (strstr (missing->message, "AR PL UMing CN"));
    g_assert_cmpuint (count_files (dir), ==, before);
  }

  /* Beyond U+FFFF, libharu 2.3.0 prints a space whatever the font has
   * ("张𠀀某" reads back "张 某"): refused, with the reason, before the
   * font is even asked. */
  {
    g_autoptr(GError) rare = NULL;
    g_autofree char *none = NULL;
    guint before = count_files (dir);

    none = concord_pdf_font_subset (body, "申请人：张𠀀", dir, &rare);
    g_assert_null (none);
    g_assert_error (rare, CONCORD_ERROR, CONCORD_ERROR_INVALID);
    g_test_message ("%s", rare->message);
    g_assert_nonnull (strstr (rare->message, "“𠀀”"));
    g_assert_nonnull (strstr (rare->message, "U+20000"));
    g_assert_nonnull (strstr (rare->message, "U+FFFF"));
    g_assert_cmpuint (count_files (dir), ==, before);
  }

  /* A folder that does not exist. */
  {
    g_autoptr(GError) nowhere = NULL;
    g_autofree char *gone = g_build_filename (dir, "gone", NULL);
    g_autofree char *none = concord_pdf_font_subset (body, "人", gone, &nowhere);

    g_assert_null (none);
    g_assert_error (nowhere, CONCORD_ERROR, CONCORD_ERROR_INVALID);
    g_assert_nonnull (strstr (nowhere->message, gone));
  }

  remove_dir (dir);
}

/* libharu ------------------------------------------------------------ */

typedef struct
{
  HPDF_STATUS error;
  HPDF_STATUS detail;
} HaruStatus;

static void
haru_error_cb (HPDF_STATUS  error_no,
               HPDF_STATUS  detail_no,
               void        *user_data)
{
  HaruStatus *status = user_data;

  if (status->error == HPDF_OK)
    {
      status->error = error_no;
      status->detail = detail_no;
    }
}

#define assert_haru_ok(status) \
  G_STMT_START { \
    if ((status)->error != HPDF_OK) \
      g_error ("libharu error 0x%04X (detail %u)", \
               (guint) (status)->error, (guint) (status)->detail); \
  } G_STMT_END

/* Loads a font into @pdf: a plain TrueType file (a subset) when @index
 * is negative, else face @index of a collection. */
static HPDF_Font
load_font (HPDF_Doc    pdf,
           HaruStatus *status,
           const char *path,
           int         index)
{
  const char *name;
  HPDF_Font font;

  if (index < 0)
    name = HPDF_LoadTTFontFromFile (pdf, path, HPDF_TRUE);
  else
    name = HPDF_LoadTTFontFromFile2 (pdf, path, (HPDF_UINT) index, HPDF_TRUE);
  assert_haru_ok (status);
  g_assert_nonnull (name);
  font = HPDF_GetFont (pdf, name, "UTF-8");
  assert_haru_ok (status);
  g_assert_nonnull (font);
  return font;
}

/* Writes scenario 1's heading (when @heading_path is set) and body on an
 * A4 page, as the renderer will, and saves the PDF to @out. */
static void
write_pdf (const char *out,
           const char *body_path,
           int         body_index,
           const char *heading_path,
           int         heading_index)
{
  HaruStatus status = { HPDF_OK, HPDF_OK };
  HPDF_Doc pdf = HPDF_New (haru_error_cb, &status);
  g_auto(GStrv) lines = g_strsplit (scenario_body, "\n", -1);
  HPDF_Font body;
  HPDF_Page page;
  double y = 760;

  g_assert_nonnull (pdf);
  HPDF_UseUTFEncodings (pdf);
  HPDF_SetCurrentEncoder (pdf, "UTF-8");
  HPDF_SetCompressionMode (pdf, HPDF_COMP_ALL);
  assert_haru_ok (&status);

  body = load_font (pdf, &status, body_path, body_index);
  page = HPDF_AddPage (pdf);
  HPDF_Page_SetSize (page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  HPDF_Page_BeginText (page);
  if (heading_path != NULL)
    {
      HPDF_Font heading = load_font (pdf, &status, heading_path, heading_index);

      HPDF_Page_SetFontAndSize (page, heading, 22);
      HPDF_Page_TextOut (page, 220, 790, scenario_heading);
    }
  HPDF_Page_SetFontAndSize (page, body, 14);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      HPDF_Page_TextOut (page, 72, y, lines[i]);
      y -= 24;
    }
  HPDF_Page_EndText (page);
  assert_haru_ok (&status);

  HPDF_SaveToFile (pdf, out);
  assert_haru_ok (&status);
  HPDF_Free (pdf);
}

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (wait_status, &error);
  g_assert_no_error (error);
  return out;
}

/* What pdftotext reads back, compared character for character with what
 * was written; blanks and line breaks do not count. */
static void
assert_text (const char *pdf_path,
             const char *written)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf_path, "-", NULL };
  g_autofree char *out = run_tool (argv);
  g_autofree char *got = strip_blanks (out);
  g_autofree char *want = strip_blanks (written);
  const char *g = got;
  const char *w = want;
  guint i = 0;

  for (; *g != '\0' && *w != '\0'; g = g_utf8_next_char (g), w = g_utf8_next_char (w), i++)
    if (g_utf8_get_char (g) != g_utf8_get_char (w))
      break;
  if (*g != '\0' || *w != '\0')
    g_test_message ("pdftotext differs at character %u: U+%04X instead of U+%04X",
                    i, *g ? g_utf8_get_char (g) : 0, *w ? g_utf8_get_char (w) : 0);
  g_assert_cmpstr (got, ==, want);
}

/* pdffonts lists @n_fonts fonts, each embedded, whose names contain
 * @names. */
static void
assert_fonts_embedded (const char        *pdf_path,
                       guint              n_fonts,
                       const char *const *names)
{
  const char *argv[] = { "pdffonts", pdf_path, NULL };
  g_autofree char *out = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint seen = 0;
  gboolean table = FALSE;

  g_test_message ("%s", out);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      guint n;

      if (g_str_has_prefix (lines[i], "----"))
        {
          table = TRUE;
          continue;
        }
      if (!table || *lines[i] == '\0')
        continue;
      /* name, type (two words), encoding, emb, sub, uni, object, generation */
      words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      {
        GPtrArray *kept = g_ptr_array_new ();

        for (guint j = 0; words[j] != NULL; j++)
          if (*words[j] != '\0')
            g_ptr_array_add (kept, words[j]);
        n = kept->len;
        g_assert_cmpuint (n, >=, 6);
        g_assert_cmpstr (g_ptr_array_index (kept, n - 5), ==, "yes"); /* emb */
        g_assert_cmpstr (g_ptr_array_index (kept, n - 3), ==, "yes"); /* uni */
        g_assert_nonnull (strstr (g_ptr_array_index (kept, 0), names[seen]));
        g_ptr_array_free (kept, TRUE);
      }
      seen++;
      g_assert_cmpuint (seen, <=, n_fonts);
    }
  g_assert_cmpuint (seen, ==, n_fonts);
}

/* The page rendered by pdftoppm, as a grey map. */
static GBytes *
render_page (const char *pdf_path)
{
  g_autofree char *prefix = g_strconcat (pdf_path, "-page", NULL);
  g_autofree char *pgm = g_strconcat (prefix, ".pgm", NULL);
  const char *argv[] = { "pdftoppm", "-r", "100", "-gray", "-singlefile",
                         pdf_path, prefix, NULL };
  g_autofree char *out = run_tool (argv);
  g_autofree char *bytes = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (pgm, &bytes, &len, NULL));
  return g_bytes_new_take (g_steal_pointer (&bytes), len);
}

static gboolean
have_poppler_utils (void)
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

static void
test_libharu_body (void)
{
  g_autoptr(ConcordPdfFont) body = open_font (CONCORD_PDF_FONT_DEFAULT_BODY);
  static const char *const names[] = { "UMing", NULL };
  g_autofree char *dir = NULL;
  g_autofree char *subset = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *whole = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GBytes) whole_page = NULL;
  g_autoptr(GError) error = NULL;

  REQUIRE_FONT (body, CONCORD_PDF_FONT_DEFAULT_BODY);
  if (!have_poppler_utils ())
    {
      g_test_skip ("pdftotext, pdffonts or pdftoppm not found (poppler-utils)");
      return;
    }

  dir = make_temp_dir ();
  subset = concord_pdf_font_subset (body, scenario_body, dir, &error);
  g_assert_no_error (error);

  pdf = g_build_filename (dir, "scenario-1.pdf", NULL);
  write_pdf (pdf, subset, -1, NULL, -1);
  assert_text (pdf, scenario_body);
  assert_fonts_embedded (pdf, 1, names);

  /* pdftotext reads libharu's ToUnicode map, not the glyphs: a glyph
   * left out of the subset still reads back right. The rendered page
   * shows it: it must be the page made with the whole font. */
  whole = g_build_filename (dir, "whole-font.pdf", NULL);
  write_pdf (whole, CONCORD_PDF_FONT_DEFAULT_BODY, 0, NULL, -1);
  page = render_page (pdf);
  whole_page = render_page (whole);
  g_assert_true (g_bytes_equal (page, whole_page));

  remove_dir (dir);
}

static void
test_libharu_two_fonts (void)
{
  g_autoptr(ConcordPdfFont) body = open_font (CONCORD_PDF_FONT_DEFAULT_BODY);
  g_autoptr(ConcordPdfFont) heading = NULL;
  static const char *const names[] = { "ZenHei", "UMing", NULL };
  g_autofree char *dir = NULL;
  g_autofree char *body_subset = NULL;
  g_autofree char *heading_subset = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GBytes) whole_page = NULL;
  g_autoptr(GError) error = NULL;

  REQUIRE_FONT (body, CONCORD_PDF_FONT_DEFAULT_BODY);
  heading = open_font (CONCORD_PDF_FONT_DEFAULT_HEADING);
  REQUIRE_FONT (heading, CONCORD_PDF_FONT_DEFAULT_HEADING);
  if (!have_poppler_utils ())
    {
      g_test_skip ("pdftotext, pdffonts or pdftoppm not found (poppler-utils)");
      return;
    }

  dir = make_temp_dir ();
  body_subset = concord_pdf_font_subset (body, scenario_body, dir, &error);
  g_assert_no_error (error);
  heading_subset = concord_pdf_font_subset (heading, scenario_heading, dir, &error);
  g_assert_no_error (error);

  pdf = g_build_filename (dir, "two-fonts.pdf", NULL);
  write_pdf (pdf, body_subset, -1, heading_subset, -1);
  written = g_strconcat (scenario_heading, "\n", scenario_body, NULL);
  assert_text (pdf, written);
  assert_fonts_embedded (pdf, 2, names);

  /* The glyphs are the right ones, not just the text layer: the page
   * renders exactly as with the whole fonts libharu loads itself
   * (pdftotext alone misses a glyph left out of a subset). */
  whole = g_build_filename (dir, "whole-fonts.pdf", NULL);
  write_pdf (whole, CONCORD_PDF_FONT_DEFAULT_BODY, 0, CONCORD_PDF_FONT_DEFAULT_HEADING, 0);
  page = render_page (pdf);
  whole_page = render_page (whole);
  g_assert_true (g_bytes_equal (page, whole_page));

  /* And differs from a page without its heading (the comparison can
   * fail). */
  {
    g_autofree char *bare = g_build_filename (dir, "no-heading.pdf", NULL);
    g_autoptr(GBytes) bare_page = NULL;

    write_pdf (bare, body_subset, -1, NULL, -1);
    bare_page = render_page (bare);
    g_assert_false (g_bytes_equal (page, bare_page));
  }

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-font/open-defaults", test_open_defaults);
  g_test_add_func ("/pdf-font/refuse-cff", test_refuse_cff);
  g_test_add_func ("/pdf-font/refuse-broken", test_refuse_broken);
  g_test_add_func ("/pdf-font/lookup", test_lookup);
  g_test_add_func ("/pdf-font/width", test_width);
  g_test_add_func ("/pdf-font/subset", test_subset);
  g_test_add_func ("/pdf-font/libharu-body", test_libharu_body);
  g_test_add_func ("/pdf-font/libharu-two-fonts", test_libharu_two_fonts);

  return g_test_run ();
}
