/* concord-pdf.h — the agreement as the PDF the parties sign
 *
 * An A4 document set like a Chinese official document (DESIGN.md, "What
 * the law asks of the agreement"): the title centred in the heading face,
 * the case number on its own line, the parties' particulars, the
 * template's sections in order with their headings, the terms numbered
 * (一、二、…), money in figures and capital numerals as the agreement
 * states it, the clauses, the signature block (each party with a box for
 * the signature and one for the fingerprint 按指印, the mediator or the
 * presiding officer, the organisation with room for its seal, the date),
 * and "第 X 页 共 Y 页" at the foot of every page. The signature block
 * never starts alone at the top of a page: the last clause goes with it.
 *
 * Lines are broken by concord-linebreak and fully justified; fonts are
 * checked and subset by concord-pdf-font (one subset per font file, all
 * the text printed in it), embedded in the PDF with libharu.
 *
 * The same agreement always renders to the same bytes: the document's
 * dates and identifiers are fixed from the agreement (its saved_at), not
 * the clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "concord-agreement.h"

G_BEGIN_DECLS

typedef struct
{
  const char *body_font;      /* path; NULL: CONCORD_PDF_FONT_DEFAULT_BODY */
  guint       body_index;
  const char *heading_font;   /* path; NULL: CONCORD_PDF_FONT_DEFAULT_HEADING */
  guint       heading_index;
  const char *seal_image;     /* a PNG (with transparency) placed over the
                               * organisation's name; NULL: room for the stamp */
  GPtrArray  *signatures;     /* of ConcordSignature of this version, or NULL.
                               * Pad signatures are drawn as vector paths in
                               * their signer's box (line width following
                               * pressure); ink ones leave the boxes empty,
                               * as does a signer without a signature */
} ConcordPdfOptions;

/* Every PDF carries, in its document information (Keywords, not
 * compressed), a marker that concord_pdf_read_marker() finds again:
 *   "concord-verify/1 case=<case id> agreement=<version row id>
 *    version=<n> code=<verification code> signed=<0|1>"
 * signed=1 when pad signatures were drawn. The footer of every page prints
 * the verification code (concord_agreement_verification_code()) beside
 * "第 X 页 共 Y 页", and the last page a QR code (libqrencode) carrying
 * "<case number> <verification code>". */
typedef struct
{
  gint64   case_id;
  gint64   agreement_id;
  int      version;
  char     code[15];          /* "3F2A-9C1B-77D0" */
  gboolean signed_copy;
} ConcordPdfMarker;

/* TRUE when @pdf carries a well-formed marker, read into @marker. */
gboolean concord_pdf_read_marker (GBytes           *pdf,
                                  ConcordPdfMarker *marker);

/* Renders @agreement (a saved version: saved_at set) of the case in
 * @source with @template. @options may be NULL for the defaults.
 * CONCORD_ERROR_INVALID when a character cannot be printed, with a message
 * naming the character and where it is ("张𠀀某 (the name of a party): the
 * character “𠀀” cannot be printed …"), or when a font is refused. The
 * PDF's bytes. */
GBytes *concord_pdf_render_agreement (const ConcordAgreement       *agreement,
                                      const ConcordTemplate        *template,
                                      const ConcordAgreementSource *source,
                                      const ConcordPdfOptions      *options,
                                      GError                      **error);

/* How many pages the last render made (for tests and the print dialog's
 * copies), from a PDF made by concord_pdf_render_agreement(). */
guint   concord_pdf_count_pages (GBytes *pdf);

G_END_DECLS
