/* concord-pdf-font.c — checking, looking up and subsetting the fonts an
 * agreement is printed with
 *
 * HarfBuzz reads the font (tables, cmap, advances, names) and cuts the
 * document's characters out of it with hb-subset; libharu then embeds the
 * small TrueType file. The checks at open time follow what libharu 2.3.0
 * needs when it embeds a font (hpdf_fontdef_tt.c): glyf outlines, a
 * Unicode cmap, head/hhea/hmtx/maxp/name/OS/2, and an fsType that allows
 * embedding and subsetting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-pdf-font"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>

#include "concord-error.h"
#include "concord-pdf-font.h"

/* The HarfBuzz objects are made immutable once checked, so a font may be
 * looked up and subset from a rendering thread. */
struct _ConcordPdfFont
{
  char      *path;
  char      *family;
  guint      index;
  hb_blob_t *blob;
  hb_face_t *face;
  hb_font_t *font;
  guint      upem;
};

/* Tables libharu needs besides the outlines (it reports
 * HPDF_TTF_MISSING_TABLE without them). */
static const char *const needed_tables[] = {
  "head", "hhea", "hmtx", "maxp", "name", "OS/2",
};

/* Tables libharu never embeds: dropped from the subset so the file stays
 * small (layout, vertical metrics, bitmaps, tool stamps). */
static const char *const dropped_tables[] = {
  "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH",
  "vhea", "vmtx", "VORG",
  "BDF ", "EBDT", "EBLC", "EBSC", "CBDT", "CBLC", "sbix", "SVG ",
  "FFTM", "DSIG", "LTSH", "PCLT", "VDMX", "hdmx", "gasp", "kern",
};

/* OS/2 fsType bits with which libharu refuses to embed: restricted
 * licence, no subsetting, bitmap embedding only. */
#define FS_TYPE_FORBIDS_EMBEDDING (0x0002 | 0x0100 | 0x0200)

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16)
         | ((guint32) p[2] << 8) | (guint32) p[3];
}

static guint16
read_be16 (const guint8 *p)
{
  return (guint16) ((p[0] << 8) | p[1]);
}

static char *
display_basename (const char *path)
{
  return g_filename_display_basename (path);
}

/* Checks the sfnt table directory of face @index against the file's
 * length: a copy cut short leaves tables pointing past the end, which
 * HarfBuzz reads as empty tables and libharu as garbage. Returns FALSE
 * with *@not_sfnt set when the face is not a TrueType/OpenType font at
 * all (a Type 1 or Mac resource font). */
static gboolean
check_directory (hb_blob_t *blob,
                 guint      index,
                 gboolean  *not_sfnt)
{
  unsigned int len = 0;
  const guint8 *data = (const guint8 *) hb_blob_get_data (blob, &len);
  guint64 offset = 0;
  guint32 version;
  guint16 num_tables;

  *not_sfnt = FALSE;
  if (data == NULL || len < 12)
    return FALSE;

  if (memcmp (data, "ttcf", 4) == 0)
    {
      guint32 n = read_be32 (data + 8);

      if (index >= n || 12 + 4 * (guint64) n > len)
        return FALSE;
      offset = read_be32 (data + 12 + 4 * index);
      if (offset + 12 > len)
        return FALSE;
    }

  version = read_be32 (data + offset);
  if (version != 0x00010000 && version != 0x4F54544F /* OTTO */
      && version != 0x74727565 /* true */)
    {
      *not_sfnt = TRUE;
      return FALSE;
    }

  num_tables = read_be16 (data + offset + 4);
  if (offset + 12 + 16 * (guint64) num_tables > len)
    return FALSE;

  for (guint i = 0; i < num_tables; i++)
    {
      const guint8 *record = data + offset + 12 + 16 * (guint64) i;
      guint64 table_offset = read_be32 (record + 8);
      guint64 table_length = read_be32 (record + 12);

      if (table_offset + table_length > len)
        return FALSE;
    }
  return TRUE;
}

static gsize
table_length (hb_face_t  *face,
              const char *tag)
{
  hb_blob_t *table = hb_face_reference_table (face, hb_tag_from_string (tag, 4));
  gsize len = hb_blob_get_length (table);

  hb_blob_destroy (table);
  return len;
}

static guint16
read_fs_type (hb_face_t *face)
{
  hb_blob_t *os2 = hb_face_reference_table (face, HB_TAG ('O', 'S', '/', '2'));
  unsigned int len = 0;
  const guint8 *data = (const guint8 *) hb_blob_get_data (os2, &len);
  guint16 fs_type = len >= 10 ? read_be16 (data + 8) : 0;

  hb_blob_destroy (os2);
  return fs_type;
}

static gboolean
has_unicode_cmap (hb_face_t *face)
{
  hb_set_t *unicodes;
  gboolean any;

  if (table_length (face, "cmap") == 0)
    return FALSE;
  unicodes = hb_set_create ();
  hb_face_collect_unicodes (face, unicodes);
  any = !hb_set_is_empty (unicodes);
  hb_set_destroy (unicodes);
  return any;
}

static char *
name_from_table (hb_face_t       *face,
                 hb_ot_name_id_t  id)
{
  unsigned int len = hb_ot_name_get_utf8 (face, id,
                                          hb_language_from_string ("en", -1),
                                          NULL, NULL);
  char *name;

  if (len == 0)
    return NULL;
  len++;
  name = g_malloc (len);
  hb_ot_name_get_utf8 (face, id, hb_language_from_string ("en", -1), &len, name);
  g_strstrip (name);
  if (*name == '\0')
    g_clear_pointer (&name, g_free);
  return name;
}

static char *
family_name (hb_face_t  *face,
             const char *path)
{
  char *name = name_from_table (face, HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY);

  if (name == NULL)
    name = name_from_table (face, HB_OT_NAME_ID_FONT_FAMILY);
  if (name == NULL)
    name = display_basename (path);
  return name;
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static gboolean
check_face (hb_blob_t   *blob,
            hb_face_t   *face,
            const char  *path,
            guint        index,
            GError     **error)
{
  g_autofree char *name = display_basename (path);
  gboolean not_sfnt = FALSE;

  if (!check_directory (blob, index, &not_sfnt))
    {
      if (not_sfnt)
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                     /* Translators: %s is a file name. AR PL UMing is the name of a font: keep it as it is. */
                     _("“%s” is not a font file that can be used for the PDF. Choose a TrueType font such as AR PL UMing."),
                     name);
      else
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                     /* Translators: %s is a font file name. */
                     _("The font file “%s” is damaged or incomplete. Copy it again, or choose another font."),
                     name);
      return FALSE;
    }

  if (table_length (face, "CFF ") > 0 || table_length (face, "CFF2") > 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is a font file name. PostScript and CFF are font technologies; AR PL UMing is the name of a font: keep it as it is. */
                   _("“%s” has PostScript (CFF) outlines, which cannot be embedded in the PDF. Choose a TrueType font such as AR PL UMing."),
                   name);
      return FALSE;
    }

  if (table_length (face, "glyf") == 0 || table_length (face, "loca") == 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is a font file name. Outlines are the shapes of the characters. */
                   _("“%s” has no TrueType outlines, which the PDF needs. Choose a TrueType font such as AR PL UMing."),
                   name);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (needed_tables); i++)
    {
      if (table_length (face, needed_tables[i]) == 0)
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       /* Translators: the first %s is a font file name, the second the name of a part of the font (a table: “OS/2”, “hmtx”…). */
                       _("“%s” lacks information the PDF needs (its “%s” table). Choose a TrueType font such as AR PL UMing."),
                       name, needed_tables[i]);
          return FALSE;
        }
    }

  if (!has_unicode_cmap (face))
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is a font file name. A character map tells which shape belongs to which character. */
                   _("“%s” has no Unicode character map, so the characters of the document cannot be found in it. Choose a TrueType font such as AR PL UMing."),
                   name);
      return FALSE;
    }

  if ((read_fs_type (face) & FS_TYPE_FORBIDS_EMBEDDING) != 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is a font file name. */
                   _("The licence of “%s” does not allow it to be embedded in a PDF. Choose a font such as AR PL UMing."),
                   name);
      return FALSE;
    }

  return TRUE;
}

/**
 * concord_pdf_font_open:
 * @path: a .ttf or .ttc file
 * @index: the face in a collection (0 for a .ttf)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the font, or %NULL with CONCORD_ERROR_INVALID
 */
ConcordPdfFont *
concord_pdf_font_open (const char  *path,
                       guint        index,
                       GError     **error)
{
  g_autoptr(ConcordPdfFont) font = NULL;
  g_autofree char *name = NULL;
  hb_blob_t *blob;
  guint count;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_basename (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is the full path of a font file. */
                   _("The font file “%s” does not exist. Choose another font."),
                   display);
      return NULL;
    }

  blob = g_file_test (path, G_FILE_TEST_IS_REGULAR)
         ? hb_blob_create_from_file_or_fail (path) : NULL;
  if (blob == NULL)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is a font file name. */
                   _("The font file “%s” cannot be read. Check that it is a file you may open, or choose another font."),
                   name);
      return NULL;
    }

  font = g_new0 (ConcordPdfFont, 1);
  font->blob = blob;
  font->path = g_strdup (path);
  font->index = index;

  count = hb_face_count (blob);
  if (count == 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("“%s” is not a font file that can be used for the PDF. Choose a TrueType font such as AR PL UMing."),
                   name);
      return NULL;
    }
  if (index >= count)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is a font file name; a font file can hold several fonts, numbered from 0. The first %u is the number asked for, the second how many fonts the file holds. */
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” has no font number %u: it holds %u font. Choose another font.",
                                "“%s” has no font number %u: it holds %u fonts. Choose another font.",
                                count),
                   name, index, count);
      return NULL;
    }

  font->face = hb_face_create (blob, index);
  if (!check_face (blob, font->face, path, index, error))
    return NULL;
  hb_face_make_immutable (font->face);

  font->upem = hb_face_get_upem (font->face);
  font->font = hb_font_create (font->face);
  hb_font_set_scale (font->font, (int) font->upem, (int) font->upem);
  hb_font_make_immutable (font->font);
  font->family = family_name (font->face, path);

  return g_steal_pointer (&font);
}

void
concord_pdf_font_free (ConcordPdfFont *font)
{
  if (font == NULL)
    return;
  g_clear_pointer (&font->font, hb_font_destroy);
  g_clear_pointer (&font->face, hb_face_destroy);
  g_clear_pointer (&font->blob, hb_blob_destroy);
  g_free (font->path);
  g_free (font->family);
  g_free (font);
}

const char *
concord_pdf_font_get_path (ConcordPdfFont *font)
{
  g_return_val_if_fail (font != NULL, NULL);

  return font->path;
}

const char *
concord_pdf_font_get_family (ConcordPdfFont *font)
{
  g_return_val_if_fail (font != NULL, NULL);

  return font->family;
}

gboolean
concord_pdf_font_has_char (ConcordPdfFont *font,
                           gunichar        c)
{
  hb_codepoint_t glyph = 0;

  g_return_val_if_fail (font != NULL, FALSE);

  return hb_font_get_nominal_glyph (font->font, c, &glyph) && glyph != 0;
}

gunichar
concord_pdf_font_find_missing (ConcordPdfFont *font,
                               const char     *text)
{
  g_return_val_if_fail (font != NULL, 0);
  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_blank (c) && !concord_pdf_font_has_char (font, c))
        return c;
    }
  return 0;
}

int
concord_pdf_font_char_width (ConcordPdfFont *font,
                             gunichar        c)
{
  hb_codepoint_t glyph = 0;
  hb_position_t advance;

  g_return_val_if_fail (font != NULL, 0);

  if (!hb_font_get_nominal_glyph (font->font, c, &glyph) || glyph == 0)
    return 0;
  advance = hb_font_get_glyph_h_advance (font->font, glyph);
  /* Font units to 1/1000 em, rounded to nearest (1024 → 1000). */
  return (int) (((gint64) advance * 1000 + font->upem / 2) / font->upem);
}

/**
 * concord_pdf_font_subset:
 * @font: a font
 * @chars: the characters to keep (UTF-8)
 * @dir: an existing folder for the new file
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the path of the new TrueType file
 */
char *
concord_pdf_font_subset (ConcordPdfFont *font,
                         const char     *chars,
                         const char     *dir,
                         GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  hb_subset_input_t *input;
  hb_set_t *unicodes;
  hb_set_t *drop;
  hb_face_t *subset;
  hb_blob_t *data;
  const char *bytes;
  unsigned int len = 0;
  gunichar missing;
  int fd;
  int saved_errno = 0;
  gboolean written;

  g_return_val_if_fail (font != NULL, NULL);
  g_return_val_if_fail (chars != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (chars, -1, NULL), NULL);
  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* libharu 2.3.0's UTF-8 encoder turns every character beyond U+FFFF
   * into a space, whatever the font has: refused here, so that such a
   * character is never printed as a blank. */
  for (const char *p = chars; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0xFFFF)
        {
          char utf8[7] = { 0 };

          g_unichar_to_utf8 (c, utf8);
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       /* Translators: %s is a rare character (such as one in a person's name), U+%04X its Unicode number. */
                       _("The rare character “%s” (U+%04X) cannot be printed: the PDF library only handles characters up to U+FFFF. Change the text."),
                       utf8, c);
          return NULL;
        }
    }

  missing = concord_pdf_font_find_missing (font, chars);
  if (missing != 0)
    {
      char utf8[7] = { 0 };

      g_unichar_to_utf8 (missing, utf8);
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: the first %s is a character, U+%04X its Unicode number, the second %s the name of a font ("AR PL UMing CN"). */
                   _("The character “%s” (U+%04X) is not in the font “%s”, so it cannot be printed. Change the text, or choose a font that has this character."),
                   utf8, missing, font->family);
      return NULL;
    }

  name = display_basename (font->path);
  input = hb_subset_input_create_or_fail ();
  if (input == NULL)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is a font file name. */
                   _("The characters to print could not be taken from the font “%s”. Choose another font."),
                   name);
      return NULL;
    }

  unicodes = hb_subset_input_unicode_set (input);
  for (const char *p = chars; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Spaces the font has are kept; the others, and line breaks, are
       * not printed as glyphs. */
      if (concord_pdf_font_has_char (font, c))
        hb_set_add (unicodes, c);
    }
  drop = hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (guint i = 0; i < G_N_ELEMENTS (dropped_tables); i++)
    hb_set_add (drop, hb_tag_from_string (dropped_tables[i], 4));

  subset = hb_subset_or_fail (font->face, input);
  hb_subset_input_destroy (input);
  if (subset == NULL)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The characters to print could not be taken from the font “%s”. Choose another font."),
                   name);
      return NULL;
    }

  data = hb_face_reference_blob (subset);
  hb_face_destroy (subset);
  bytes = hb_blob_get_data (data, &len);
  if (len == 0)
    {
      hb_blob_destroy (data);
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The characters to print could not be taken from the font “%s”. Choose another font."),
                   name);
      return NULL;
    }

  path = g_build_filename (dir, "concord-font-XXXXXX.ttf", NULL);
  fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      written = FALSE;
      saved_errno = errno;
    }
  else
    {
      written = write_all (fd, (const guint8 *) bytes, len);
      if (!written)
        saved_errno = errno;
      if (close (fd) != 0 && written)
        {
          written = FALSE;
          saved_errno = errno;
        }
      if (!written)
        g_unlink (path);
    }
  hb_blob_destroy (data);

  if (!written)
    {
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: the first %s is a folder, the second the system's reason ("No space left on device"). */
                   _("The font for the PDF could not be written in “%s”: %s."),
                   display, g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&path);
}
