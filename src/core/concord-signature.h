/* concord-signature.h — who signs an agreement, and their signatures
 *
 * DESIGN.md, "Signing": each party signs on a signature pad (vector strokes
 * with pressure and time) or in ink with a fingerprint on paper; the
 * mediator (for police mediation the presiding officer) signs too. Once
 * every required signer has signed, the agreement is locked: its content
 * hash is stored and printed as the verification code.
 *
 * The Electronic Signature Law (电子签名法) art. 3 excludes documents on
 * personal relations — marriage, adoption, succession — from electronic
 * signatures: concord_signature_pad_allowed() says when the pad may not be
 * used, and why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "concord-agreement.h"
#include "concord-template.h"

G_BEGIN_DECLS

/* One sampled point of a stroke. x and y are in pad units: the pad is
 * CONCORD_SIGNATURE_PAD_WIDTH × CONCORD_SIGNATURE_PAD_HEIGHT, y downwards,
 * whatever the widget's size on screen. pressure is 0..1 (0.5 when the
 * device does not report it); t is milliseconds since the first point of
 * the signature. */
typedef struct
{
  float   x;
  float   y;
  float   pressure;
  guint32 t;
} ConcordInkPoint;

#define CONCORD_SIGNATURE_PAD_WIDTH  600.0
#define CONCORD_SIGNATURE_PAD_HEIGHT 240.0

typedef enum
{
  CONCORD_SIGNATURE_METHOD_PAD,   /* drawn on screen; strokes kept */
  CONCORD_SIGNATURE_METHOD_INK,   /* signed on paper with a fingerprint; recorded */
} ConcordSignatureMethod;

/* A signature of one signer on one agreement version. */
typedef struct
{
  gint64                  id;            /* 0 until stored */
  gint64                  agreement_id;  /* the version signed */
  char                   *signer;        /* the signer's key, see ConcordSigner */
  char                   *signer_name;   /* the name as it was at signing */
  ConcordSignatureMethod  method;
  GPtrArray              *strokes;       /* of GArray of ConcordInkPoint; empty for ink */
  char                   *signed_at;     /* UTC ISO-8601: when signed (pad: the
                                          * last point; ink: the date on paper,
                                          * "YYYY-MM-DDT00:00:00Z" when only
                                          * the day is known) */
  char                   *recorded_by;   /* username who captured or recorded it */
  char                   *checked_by;    /* ink: who checked the paper; pad: NULL */
} ConcordSignature;

ConcordSignature *concord_signature_new (ConcordSignatureMethod method);
ConcordSignature *concord_signature_copy (const ConcordSignature *signature);
void              concord_signature_free (ConcordSignature *signature);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordSignature, concord_signature_free)

/* A new stroke (an empty GArray of ConcordInkPoint) appended to @self. */
GArray           *concord_signature_add_stroke (ConcordSignature *self);
/* The number of points in all strokes. */
guint             concord_signature_count_points (const ConcordSignature *self);

/* The strokes as stored: a JSON array of strokes, each a flat array of
 * numbers x, y, pressure, t repeated (x, y to 0.1, pressure to 0.001).
 * The same strokes always give the same text. */
char             *concord_signature_strokes_to_json (const ConcordSignature *self);
/* Reads strokes written by concord_signature_strokes_to_json() into @self
 * (replacing its strokes). CONCORD_ERROR_INVALID on anything else:
 * points outside the pad, pressure outside 0..1, time going back. */
gboolean          concord_signature_strokes_from_json (ConcordSignature *self,
                                                       const char       *json,
                                                       GError          **error);
/* A signature with no stroke, or strokes of less than 2 points altogether,
 * is not a signature: CONCORD_ERROR_INVALID with a message for the signer. */
gboolean          concord_signature_check_strokes (const ConcordSignature *self,
                                                   GError                **error);

/* Who must sign an agreement, in the order of the signature block. */
typedef struct
{
  char   *key;       /* "party:<party_id>", "mediator", "presiding-officer" */
  char   *role;      /* as printed: "甲方", "申请人", "调解员", "主持人" */
  char   *name;      /* the party's or team member's name; "" when none */
  gint64  party_id;  /* for parties; 0 otherwise */
} ConcordSigner;

void concord_signer_free (ConcordSigner *signer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordSigner, concord_signer_free)

/* The signers @template asks for ("parties", "mediator",
 * "presiding-officer"; seals are not signers) of @agreement, with names
 * from the agreement's parties and the case's team in @source. A new array
 * of ConcordSigner. */
GPtrArray        *concord_signature_required_signers (const ConcordAgreement       *agreement,
                                                      const ConcordTemplate        *template,
                                                      const ConcordAgreementSource *source);

/* FALSE when electronic signatures may not be used for the case's
 * agreement (Electronic Signature Law art. 3: marriage, adoption,
 * succession — the category "marriage_family", or a category whose label
 * speaks of marriage, adoption, succession or an estate); *reason (may be
 * NULL) then gets a sentence for the mediator naming the law. */
gboolean          concord_signature_pad_allowed (const ConcordCase *c,
                                                 const char        *category_label,
                                                 char             **reason);

/* The SHA-256 (64 lowercase hex digits) of the agreement's canonical
 * content: concord_agreement_to_json() of its template, fields, terms,
 * copies and parties; not its version row, times, the case's id or the
 * PDF. */
char             *concord_agreement_content_hash (const ConcordAgreement *agreement);
/* The verification code printed on the agreement: the first 12 hex digits
 * of the content hash in capitals, in groups of four ("3F2A-9C1B-77D0"). */
char             *concord_agreement_verification_code (const ConcordAgreement *agreement);
/* @code as typed (any case, with or without dashes or spaces) in the
 * printed form, or NULL when it is not 12 hex digits. */
char             *concord_verification_code_normalize (const char *code);

G_END_DECLS
