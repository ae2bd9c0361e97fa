/* concord-document.h — a case's agreement as a PDF, from the store; and
 * telling a genuine printed agreement from an altered or foreign one
 *
 * Rendering from the store gathers what concord_pdf_render_agreement()
 * needs: the version, its template, the case (the source), the station's
 * fonts and seal (CONCORD_SETTING_PDF_*) and, for a signed copy, the
 * version's signatures.
 *
 * Verification (DESIGN.md, "reprints that are provably identical"): a PDF
 * is genuine when its bytes are those of a copy archived at printing, or
 * those the stored version renders to now (same content, same signatures,
 * same fonts — rendering is deterministic). The marker in the PDF says
 * which version it claims to be; the verification code printed on it is
 * checked against that version's content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "concord-store.h"
#include "concord-pdf.h"

G_BEGIN_DECLS

/* A font setting "path" or "path#index" split; FALSE when @spec is NULL
 * or blank (use the default). */
gboolean  concord_document_parse_font_setting (const char *spec,
                                               char      **path,
                                               guint      *index);

/* Renders version @agreement_id (0: the latest) of case @case_id with the
 * station's fonts and seal. With @signed_copy the version's pad
 * signatures are drawn (a version with none renders as the ink copy).
 * *pages (may be NULL) gets the number of pages. */
GBytes   *concord_document_render (ConcordStore *store,
                                   gint64        case_id,
                                   gint64        agreement_id,
                                   gboolean      signed_copy,
                                   guint        *pages,
                                   GError      **error);

/* Renders @agreement as it stands (a draft being edited: not saved, its
 * saved_at may be NULL and is then taken as @as_of, an ISO-8601 time) for
 * the editor's preview. Same layout as the printed copy. */
GBytes   *concord_document_render_draft (ConcordStore           *store,
                                         const ConcordAgreement *agreement,
                                         const char             *as_of,
                                         guint                  *pages,
                                         GError                **error);

typedef enum
{
  CONCORD_VERDICT_GENUINE,    /* a signed agreement of this database, unchanged */
  CONCORD_VERDICT_UNSIGNED,   /* unchanged, but that version is not (yet) signed */
  CONCORD_VERDICT_SUPERSEDED, /* unchanged, but a later version replaced it */
  CONCORD_VERDICT_ALTERED,    /* claims to be a version here, but differs */
  CONCORD_VERDICT_UNKNOWN,    /* a Concord agreement, not of this database */
  CONCORD_VERDICT_FOREIGN,    /* not an agreement made by Concord */
} ConcordVerdictKind;

typedef struct
{
  ConcordVerdictKind kind;
  gint64   case_id;          /* when the case was found; else 0 */
  char    *case_number;      /* of that case, or NULL */
  int      version;
  char    *code;             /* the code the file claims, or NULL */
  char    *locked_at;        /* when signed, or NULL */
  gboolean archived;         /* the bytes are those of an archived print */
  char    *summary;          /* one sentence for the user, translated:
                              * "Genuine: the signed agreement of case
                              * (2026)东城调字第0005号, version 3, signed on
                              * 2026年11月23日." */
  char    *detail;           /* what was compared, or NULL */
} ConcordVerdict;

void concord_verdict_free (ConcordVerdict *verdict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordVerdict, concord_verdict_free)

/* Larger files are not agreements made by Concord (they are well under a
 * megabyte): FOREIGN without reading further. */
#define CONCORD_DOCUMENT_MAX_PDF_SIZE (64 * 1024 * 1024)

/* The verdict on @pdf. NULL with an error only when the store fails. */
ConcordVerdict *concord_document_verify (ConcordStore *store,
                                         GBytes       *pdf,
                                         GError      **error);

G_END_DECLS
