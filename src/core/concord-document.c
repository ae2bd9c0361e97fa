/* concord-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "concord-clock.h"
#include "concord-document.h"
#include "concord-error.h"
#include "concord-signature.h"

gboolean
concord_document_parse_font_setting (const char *spec,
                                     char      **path,
                                     guint      *index)
{
  g_autofree char *copy = NULL;
  char *hash;
  guint64 value = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (index != NULL, FALSE);

  *path = NULL;
  *index = 0;
  if (spec == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (spec));
  if (copy[0] == '\0')
    return FALSE;
  /* "path#index": a face of a collection. A '#' inside a file name is
   * kept when what follows is not a number. */
  hash = strrchr (copy, '#');
  if (hash != NULL && hash[1] != '\0' &&
      g_ascii_string_to_unsigned (hash + 1, 10, 0, 1023, &value, NULL))
    *hash = '\0';
  else
    value = 0;
  *path = g_steal_pointer (&copy);
  *index = (guint) value;
  return TRUE;
}

/* What the options point to, owned. */
typedef struct
{
  ConcordPdfOptions options;
  char             *body;
  char             *heading;
  char             *seal;
  GPtrArray        *signatures;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->body);
  g_free (o->heading);
  g_free (o->seal);
  g_clear_pointer (&o->signatures, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static void
options_from_store (ConcordStore *store,
                    Options      *o)
{
  g_autofree char *body = concord_store_get_setting (store, CONCORD_SETTING_PDF_BODY_FONT);
  g_autofree char *heading = concord_store_get_setting (store, CONCORD_SETTING_PDF_HEADING_FONT);
  g_autofree char *seal = concord_store_get_setting (store, CONCORD_SETTING_PDF_SEAL_IMAGE);

  memset (o, 0, sizeof *o);
  if (concord_document_parse_font_setting (body, &o->body, &o->options.body_index))
    o->options.body_font = o->body;
  if (concord_document_parse_font_setting (heading, &o->heading, &o->options.heading_index))
    o->options.heading_font = o->heading;
  if (seal != NULL && g_strstrip (seal)[0] != '\0')
    o->options.seal_image = o->seal = g_steal_pointer (&seal);
}

static GBytes *
render (ConcordStore           *store,
        const ConcordAgreement *agreement,
        gboolean                signed_copy,
        guint                  *pages,
        GError                **error)
{
  g_autoptr(ConcordTemplate) template = NULL;
  g_autoptr(ConcordAgreementSource) source = NULL;
  g_auto(Options) o = { { 0 } };
  GBytes *pdf;

  template = concord_agreement_dup_template (agreement, error);
  if (template == NULL)
    return NULL;
  source = concord_store_dup_agreement_source (store, agreement->case_id, error);
  if (source == NULL)
    return NULL;
  options_from_store (store, &o);
  if (signed_copy && agreement->id != 0)
    {
      o.signatures = concord_store_list_signatures (store, agreement->id, error);
      if (o.signatures == NULL)
        return NULL;
      o.options.signatures = o.signatures;
    }
  pdf = concord_pdf_render_agreement (agreement, template, source, &o.options, error);
  if (pdf != NULL && pages != NULL)
    *pages = concord_pdf_count_pages (pdf);
  return pdf;
}

GBytes *
concord_document_render (ConcordStore *store,
                         gint64        case_id,
                         gint64        agreement_id,
                         gboolean      signed_copy,
                         guint        *pages,
                         GError      **error)
{
  g_autoptr(ConcordAgreement) agreement = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CONCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (agreement_id != 0)
    agreement = concord_store_load_agreement_by_id (store, agreement_id, &local_error);
  else
    agreement = concord_store_load_agreement (store, case_id, 0, &local_error);
  if (agreement == NULL)
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND,
                             _("The case has no saved agreement yet."));
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (agreement->case_id != case_id)
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND,
                           _("That agreement version belongs to another case."));
      return NULL;
    }
  return render (store, agreement, signed_copy, pages, error);
}

GBytes *
concord_document_render_draft (ConcordStore           *store,
                               const ConcordAgreement *agreement,
                               const char             *as_of,
                               guint                  *pages,
                               GError                **error)
{
  g_autoptr(ConcordAgreement) copy = NULL;

  g_return_val_if_fail (CONCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (agreement != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = concord_agreement_copy (agreement);
  copy->case_id = agreement->case_id;
  if (copy->saved_at == NULL)
    copy->saved_at = as_of != NULL ? g_strdup (as_of) : concord_clock_now_iso ();
  return render (store, copy, FALSE, pages, error);
}

void
concord_verdict_free (ConcordVerdict *verdict)
{
  if (verdict == NULL)
    return;
  g_free (verdict->case_number);
  g_free (verdict->code);
  g_free (verdict->locked_at);
  g_free (verdict->summary);
  g_free (verdict->detail);
  g_free (verdict);
}

static char *
local_day (const char *utc_iso)
{
  g_autoptr(GDateTime) utc = utc_iso != NULL ? g_date_time_new_from_iso8601 (utc_iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (utc_iso != NULL ? utc_iso : "");
  local = g_date_time_to_local (utc);
  /* Translators: a date in a sentence; strftime format */
  return g_date_time_format (local, _("%Y-%m-%d"));
}

/* Names in the verdict the case and version @agreement belongs to. */
static gboolean
name_case (ConcordStore           *store,
           const ConcordAgreement *agreement,
           ConcordVerdict         *verdict,
           GError                **error)
{
  g_autoptr(ConcordCase) c = concord_store_load_case (store, agreement->case_id, error);

  if (c == NULL)
    return FALSE;
  verdict->case_id = c->id;
  verdict->case_number = g_strdup (c->case_no);
  verdict->version = agreement->version;
  return TRUE;
}

/* Fills in the verdict on a file that is version @agreement's rendering
 * (archived or rendered again): genuine, unsigned or superseded. */
static gboolean
settle (ConcordStore           *store,
        const ConcordAgreement *agreement,
        gboolean                shows_signatures,
        ConcordVerdict         *verdict,
        GError                **error)
{
  g_autoptr(ConcordSigning) signing = NULL;
  g_autofree char *day = NULL;
  gboolean on_screen = FALSE;

  if (!name_case (store, agreement, verdict, error))
    return FALSE;
  if (verdict->code == NULL)
    verdict->code = concord_agreement_verification_code (agreement);

  /* The signing of the case's latest version. Only the latest can be
   * locked: a locked version ends the signing, and the case moves on to
   * follow-up. */
  signing = concord_store_load_signing (store, agreement->case_id, error);
  if (signing == NULL)
    return FALSE;
  if (signing->agreement_id == agreement->id)
    {
      verdict->locked_at = g_strdup (signing->locked_at);
      for (guint i = 0; i < signing->signatures->len; i++)
        {
          ConcordSignature *signature = g_ptr_array_index (signing->signatures, i);

          on_screen |= signature != NULL && signature->method == CONCORD_SIGNATURE_METHOD_PAD;
        }
    }

  if (verdict->locked_at != NULL && !shows_signatures && on_screen)
    {
      verdict->kind = CONCORD_VERDICT_UNSIGNED;
      verdict->summary = g_strdup_printf (_("Unchanged, but without the signatures: version %d of case %s "
                                            "was signed on screen, and this copy shows empty signature "
                                            "boxes."),
                                          verdict->version, verdict->case_number);
    }
  else if (verdict->locked_at != NULL)
    {
      day = local_day (verdict->locked_at);
      verdict->kind = CONCORD_VERDICT_GENUINE;
      verdict->summary = g_strdup_printf (_("Verified: this is the signed agreement of case %s, version %d, "
                                            "locked on %s."),
                                          verdict->case_number, verdict->version, day);
    }
  else if (signing->agreement_id != agreement->id)
    {
      verdict->kind = CONCORD_VERDICT_SUPERSEDED;
      verdict->summary = g_strdup_printf (_("Unchanged, but replaced: version %d of case %s was not signed; "
                                            "version %d replaced it."),
                                          verdict->version, verdict->case_number, signing->version);
    }
  else
    {
      verdict->kind = CONCORD_VERDICT_UNSIGNED;
      verdict->summary = g_strdup_printf (_("Unchanged, but not signed yet: version %d of case %s has "
                                            "not been signed by everyone."),
                                          verdict->version, verdict->case_number);
    }
  return TRUE;
}

ConcordVerdict *
concord_document_verify (ConcordStore *store,
                         GBytes       *pdf,
                         GError      **error)
{
  g_autoptr(ConcordVerdict) verdict = g_new0 (ConcordVerdict, 1);
  g_autofree char *sha256 = NULL;
  g_autoptr(ConcordPrint) print = NULL;
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *code = NULL;
  GError *local_error = NULL;
  ConcordPdfMarker marker;
  gsize size;
  const char *data;

  g_return_val_if_fail (CONCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (pdf, &size);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);

  /* A copy archived when it was printed. */
  print = concord_store_find_print (store, sha256, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (print != NULL)
    {
      agreement = concord_store_load_agreement_by_id (store, print->agreement_id, error);
      if (agreement == NULL || !settle (store, agreement, print->signed_copy, verdict, error))
        return NULL;
      verdict->archived = TRUE;
      {
        g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (print->printed_at, NULL);
        g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
        /* Translators: a date and time in a sentence; strftime format */
        g_autofree char *when = local != NULL ? g_date_time_format (local, _("%Y-%m-%d %H:%M"))
                                              : g_strdup (print->printed_at);

        verdict->detail = g_strdup_printf (_("The file is byte for byte the copy printed on %s (SHA-256 %.16s…)."),
                                           when, sha256);
      }
      return g_steal_pointer (&verdict);
    }

  if (size > CONCORD_DOCUMENT_MAX_PDF_SIZE)
    {
      verdict->kind = CONCORD_VERDICT_FOREIGN;
      verdict->summary = g_strdup (_("The file is far too large to be an agreement printed by Concord."));
      return g_steal_pointer (&verdict);
    }
  if (size < 5 || memcmp (data, "%PDF-", 5) != 0)
    {
      verdict->kind = CONCORD_VERDICT_FOREIGN;
      verdict->summary = g_strdup (_("This is not a PDF file."));
      return g_steal_pointer (&verdict);
    }
  if (!concord_pdf_read_marker (pdf, &marker))
    {
      verdict->kind = CONCORD_VERDICT_FOREIGN;
      verdict->summary = g_strdup (_("This PDF was not made by Concord: it carries no agreement’s mark."));
      return g_steal_pointer (&verdict);
    }
  verdict->code = g_strdup (marker.code);
  agreement = concord_store_load_agreement_by_id (store, marker.agreement_id, &local_error);
  if (agreement == NULL && local_error != NULL && !g_error_matches (local_error, CONCORD_ERROR,
                                                                    CONCORD_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  g_clear_error (&local_error);
  if (agreement != NULL)
    code = concord_agreement_verification_code (agreement);
  if (agreement == NULL || agreement->case_id != marker.case_id || agreement->version != marker.version ||
      g_strcmp0 (code, marker.code) != 0)
    {
      verdict->kind = CONCORD_VERDICT_UNKNOWN;
      verdict->summary = g_strdup_printf (_("Not an agreement of this database: no version here has the "
                                            "verification code %s."),
                                          marker.code);
      return g_steal_pointer (&verdict);
    }

  again = render (store, agreement, marker.signed_copy, NULL, &local_error);
  if (again == NULL)
    {
      /* The stored version cannot be rendered any more (a font removed):
       * the file cannot be compared, which is not the file's fault. */
      verdict->kind = CONCORD_VERDICT_UNKNOWN;
      verdict->summary = g_strdup_printf (_("The file claims to be version %d of a case here, but that version "
                                            "cannot be rendered again to compare: %s"),
                                          marker.version, local_error->message);
      g_clear_error (&local_error);
      return g_steal_pointer (&verdict);
    }
  if (!g_bytes_equal (again, pdf))
    {
      if (!name_case (store, agreement, verdict, error))
        return NULL;
      verdict->kind = CONCORD_VERDICT_ALTERED;
      verdict->summary = g_strdup_printf (_("Altered: the file claims to be version %d of case %s, but it "
                                            "differs from that agreement."),
                                          agreement->version, verdict->case_number);
      verdict->detail = g_strdup (_("It is neither a copy printed or saved here nor what the stored version "
                                    "renders to now. A genuine copy made elsewhere cannot be matched either "
                                    "once the station’s name, the team, the fonts or the seal have changed "
                                    "since it was made."));
      return g_steal_pointer (&verdict);
    }
  if (!settle (store, agreement, marker.signed_copy, verdict, error))
    return NULL;
  verdict->detail = g_strdup (_("The file is byte for byte what the stored version renders to now."));
  return g_steal_pointer (&verdict);
}
