/* concord-linebreak.h — breaking Chinese paragraphs into lines
 *
 * Chinese official documents are set in fully justified lines. Where a
 * line may end follows the rules Chinese typesetting calls 禁则 (GB/T
 * 15834, and what printers do): a line never starts with closing
 * punctuation (，。、；：？！）」』》〉】〕’”…—% and their half-width
 * forms) and never ends with opening punctuation (（「『《〈【〔‘“¥),
 * and a run of Latin letters or digits ("ID 370203…", "2026", "¥60,000.00",
 * "13805320001") stays whole unless it is longer than a whole line.
 * Between Chinese characters a line may break anywhere. When a closing
 * mark would start a line, the character before it goes down with it
 * (or, when the line has room for it, the mark stays at the end: 行尾挤进
 * is not done; the line is made shorter and justified).
 *
 * Widths come from the caller (the PDF's font), so this module knows
 * nothing of fonts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The width of @length bytes of UTF-8 at @text, in the caller's units. */
typedef double (*ConcordMeasureFunc) (const char *text,
                                      gsize       length,
                                      gpointer    data);

typedef struct
{
  gsize    start;     /* byte offset of the line in the paragraph */
  gsize    length;    /* bytes, without spaces dropped at its end */
  double   width;     /* natural width of those bytes */
  guint    n_chars;   /* Unicode characters in it */
  gboolean last;      /* the paragraph's last line: not justified */
} ConcordLine;

/* The lines of one paragraph (@text has no line breaks; NULL or "" gives
 * one empty last line), none wider than @width unless a single character
 * or an unbreakable run is. A new array of ConcordLine. */
GArray *concord_linebreak (const char         *text,
                           double              width,
                           ConcordMeasureFunc  measure,
                           gpointer            data);

/* The space to add after each character but the line's last one so that
 * @line fills @width exactly (full justification, 两端对齐); 0 for the
 * last line of a paragraph, a line of one character, or a line that is
 * already as wide. */
double  concord_line_justify_spacing (const ConcordLine *line,
                                      double             width);

/* TRUE for a character that must not start a line / end a line. */
gboolean concord_linebreak_is_closing (gunichar c);
gboolean concord_linebreak_is_opening (gunichar c);

G_END_DECLS
