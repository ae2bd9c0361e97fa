/* concord-pdf-font.h — the fonts an agreement is printed with
 *
 * libharu 2.3.0 embeds TrueType fonts (glyf outlines) only: CFF-based
 * OpenType (Noto CJK) it cannot use, some fonts it fails to load (Droid
 * Sans Fallback) and some it loads but drops glyphs from (WenQuanYi Micro
 * Hei). And it embeds almost the whole font (about 1 MB with AR PL
 * UMing), so a document's characters are first cut out of the font with
 * HarfBuzz's hb-subset into a small TrueType file that libharu loads.
 *
 * A font is checked when chosen (concord_pdf_font_open()): a file that is
 * not TrueType with glyf outlines, has no Unicode cmap, or cannot be read
 * is refused with a message for the clerk. Before rendering, every
 * character to be printed is looked up: a missing glyph is an error that
 * names the character, never a blank in the PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ConcordPdfFont ConcordPdfFont;

/* The default body face (AR PL UMing, Ming/Song style, fonts-arphic-uming)
 * and heading face (WenQuanYi Zen Hei, fonts-wqy-zenhei): paths of
 * TrueType collections, face index 0. */
#define CONCORD_PDF_FONT_DEFAULT_BODY    "/usr/share/fonts/truetype/arphic/uming.ttc"
#define CONCORD_PDF_FONT_DEFAULT_HEADING "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

/* Opens face @index of the font file at @path (.ttf, or .ttc collection)
 * and checks that libharu can embed it. CONCORD_ERROR_INVALID, with a
 * message naming the file, for: no such file or unreadable; not a font;
 * CFF/OpenType-PS outlines ("this font has PostScript outlines (CFF),
 * which the PDF library cannot embed; choose a TrueType font"); no
 * Unicode character map; no face @index. */
ConcordPdfFont *concord_pdf_font_open (const char  *path,
                                       guint        index,
                                       GError     **error);
void            concord_pdf_font_free (ConcordPdfFont *font);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordPdfFont, concord_pdf_font_free)

const char     *concord_pdf_font_get_path (ConcordPdfFont *font);
/* The family name from the font's name table ("AR PL UMing CN"). */
const char     *concord_pdf_font_get_family (ConcordPdfFont *font);

/* Whether the font has a glyph for @c (not .notdef). */
gboolean        concord_pdf_font_has_char (ConcordPdfFont *font,
                                           gunichar        c);

/* The first character of @text (UTF-8) the font has no glyph for, or 0.
 * Spaces, line breaks and tabs are not looked up. */
gunichar        concord_pdf_font_find_missing (ConcordPdfFont *font,
                                               const char     *text);

/* The advance width of @c in 1/1000 of the font size (PDF text space),
 * or 0 for a missing glyph. */
int             concord_pdf_font_char_width (ConcordPdfFont *font,
                                             gunichar        c);

/* A TrueType font holding only the glyphs of the characters of @chars
 * (UTF-8; duplicates and order do not matter), written to a new file in
 * @dir (which must exist): its path, for HPDF_LoadTTFontFromFile. The
 * same characters always give the same bytes. CONCORD_ERROR_INVALID when a
 * character is missing (as concord_pdf_font_find_missing()) or the
 * subsetting fails. */
char           *concord_pdf_font_subset (ConcordPdfFont *font,
                                         const char     *chars,
                                         const char     *dir,
                                         GError        **error);

G_END_DECLS
