/* concord-signature.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-signature"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "concord-error.h"
#include "concord-signature.h"

ConcordSignature *
concord_signature_new (ConcordSignatureMethod method)
{
  ConcordSignature *self = g_new0 (ConcordSignature, 1);

  self->method = method;
  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return self;
}

ConcordSignature *
concord_signature_copy (const ConcordSignature *signature)
{
  ConcordSignature *copy;

  g_return_val_if_fail (signature != NULL, NULL);

  copy = concord_signature_new (signature->method);
  copy->id = signature->id;
  copy->agreement_id = signature->agreement_id;
  copy->signer = g_strdup (signature->signer);
  copy->signer_name = g_strdup (signature->signer_name);
  copy->signed_at = g_strdup (signature->signed_at);
  copy->recorded_by = g_strdup (signature->recorded_by);
  copy->checked_by = g_strdup (signature->checked_by);
  for (guint i = 0; i < signature->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (signature->strokes, i);
      GArray *dup = concord_signature_add_stroke (copy);

      g_array_append_vals (dup, stroke->data, stroke->len);
    }
  return copy;
}

void
concord_signature_free (ConcordSignature *signature)
{
  if (signature == NULL)
    return;
  g_free (signature->signer);
  g_free (signature->signer_name);
  g_ptr_array_unref (signature->strokes);
  g_free (signature->signed_at);
  g_free (signature->recorded_by);
  g_free (signature->checked_by);
  g_free (signature);
}

GArray *
concord_signature_add_stroke (ConcordSignature *self)
{
  GArray *stroke;

  g_return_val_if_fail (self != NULL, NULL);

  stroke = g_array_new (FALSE, FALSE, sizeof (ConcordInkPoint));
  g_ptr_array_add (self->strokes, stroke);
  return stroke;
}

guint
concord_signature_count_points (const ConcordSignature *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->strokes->len; i++)
    n += ((GArray *) g_ptr_array_index (self->strokes, i))->len;
  return n;
}

/* Numbers written the same way on every machine, whatever the locale:
 * fixed decimals, trailing zeros dropped. */
static void
append_number (GString *out,
               double   value,
               int      decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  gsize len;

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  len = strlen (buffer);
  if (strchr (buffer, '.') != NULL)
    {
      while (len > 0 && buffer[len - 1] == '0')
        buffer[--len] = '\0';
      if (len > 0 && buffer[len - 1] == '.')
        buffer[--len] = '\0';
    }
  if (g_str_equal (buffer, "-0"))
    g_strlcpy (buffer, "0", sizeof buffer);
  g_string_append (out, buffer);
}

char *
concord_signature_strokes_to_json (const ConcordSignature *self)
{
  GString *out = g_string_new ("[");

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '[');
      for (guint j = 0; j < stroke->len; j++)
        {
          const ConcordInkPoint *point = &g_array_index (stroke, ConcordInkPoint, j);

          if (j > 0)
            g_string_append_c (out, ',');
          append_number (out, point->x, 1);
          g_string_append_c (out, ',');
          append_number (out, point->y, 1);
          g_string_append_c (out, ',');
          append_number (out, point->pressure, 3);
          g_string_append_printf (out, ",%" G_GUINT32_FORMAT, point->t);
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static gboolean
strokes_invalid (GError    **error,
                 const char *why)
{
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
               _("The signature’s strokes cannot be read: %s."), why);
  return FALSE;
}

gboolean
concord_signature_strokes_from_json (ConcordSignature *self,
                                     const char       *json,
                                     GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  JsonNode *root;
  JsonArray *array;
  double last_t = -1;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return strokes_invalid (error, _("not JSON"));
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return strokes_invalid (error, _("not a list of strokes"));
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonArray *numbers;
      GArray *stroke;
      guint n;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return strokes_invalid (error, _("a stroke is not a list of points"));
      numbers = json_node_get_array (node);
      n = json_array_get_length (numbers);
      if (n == 0 || n % 4 != 0)
        return strokes_invalid (error, _("a stroke has an incomplete point"));
      stroke = g_array_sized_new (FALSE, FALSE, sizeof (ConcordInkPoint), n / 4);
      g_ptr_array_add (strokes, stroke);
      for (guint j = 0; j < n; j += 4)
        {
          double v[4];
          ConcordInkPoint point;

          for (guint k = 0; k < 4; k++)
            {
              JsonNode *number = json_array_get_element (numbers, j + k);

              if (!JSON_NODE_HOLDS_VALUE (number) ||
                  (json_node_get_value_type (number) != G_TYPE_DOUBLE &&
                   json_node_get_value_type (number) != G_TYPE_INT64))
                return strokes_invalid (error, _("a point holds something other than numbers"));
              v[k] = json_node_get_double (number);
            }
          if (!isfinite (v[0]) || !isfinite (v[1]) ||
              v[0] < 0 || v[0] > CONCORD_SIGNATURE_PAD_WIDTH ||
              v[1] < 0 || v[1] > CONCORD_SIGNATURE_PAD_HEIGHT)
            return strokes_invalid (error, _("a point lies outside the pad"));
          if (!(v[2] >= 0 && v[2] <= 1))
            return strokes_invalid (error, _("a pressure lies outside 0 to 1"));
          if (!(v[3] >= 0 && v[3] <= G_MAXUINT32) || v[3] != floor (v[3]) || v[3] < last_t)
            return strokes_invalid (error, _("the times of the points go back"));
          last_t = v[3];
          point.x = v[0];
          point.y = v[1];
          point.pressure = v[2];
          point.t = (guint32) v[3];
          g_array_append_val (stroke, point);
        }
    }
  g_ptr_array_unref (self->strokes);
  self->strokes = g_steal_pointer (&strokes);
  return TRUE;
}

gboolean
concord_signature_check_strokes (const ConcordSignature *self,
                                 GError                **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (concord_signature_count_points (self) < 2)
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("Nothing is written on the pad yet: sign with the pen, a finger or the mouse."));
      return FALSE;
    }
  return TRUE;
}

void
concord_signer_free (ConcordSigner *signer)
{
  if (signer == NULL)
    return;
  g_free (signer->key);
  g_free (signer->role);
  g_free (signer->name);
  g_free (signer);
}

static void
add_signer (GPtrArray  *signers,
            char       *key,
            const char *role,
            const char *name,
            gint64      party_id)
{
  ConcordSigner *signer = g_new0 (ConcordSigner, 1);

  signer->key = key;
  signer->role = g_strdup (role);
  signer->name = g_strdup (name != NULL ? name : "");
  signer->party_id = party_id;
  g_ptr_array_add (signers, signer);
}

static const char *
team_name (const ConcordAgreementSource *source,
           ConcordTeamRole               role)
{
  for (guint i = 0; source != NULL && source->c != NULL && i < source->c->team->len; i++)
    {
      ConcordTeamMember *member = g_ptr_array_index (source->c->team, i);

      if (member->role == role)
        return member->name;
    }
  return NULL;
}

GPtrArray *
concord_signature_required_signers (const ConcordAgreement       *agreement,
                                    const ConcordTemplate        *template,
                                    const ConcordAgreementSource *source)
{
  GPtrArray *signers = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_signer_free);

  g_return_val_if_fail (agreement != NULL, signers);
  g_return_val_if_fail (template != NULL, signers);

  for (guint s = 0; template->signers != NULL && template->signers[s] != NULL; s++)
    {
      const char *what = template->signers[s];

      if (g_str_equal (what, "parties"))
        {
          for (guint i = 0; i < agreement->parties->len; i++)
            {
              ConcordAgreementParty *party = g_ptr_array_index (agreement->parties, i);

              add_signer (signers, g_strdup_printf ("party:%" G_GINT64_FORMAT, party->party_id),
                          party->role != NULL ? party->role : "当事人", party->name, party->party_id);
            }
        }
      /* The roles are printed in the agreement's language, Chinese. */
      else if (g_str_equal (what, "mediator"))
        add_signer (signers, g_strdup ("mediator"), "调解员",
                    team_name (source, CONCORD_TEAM_MEDIATOR), 0);
      else if (g_str_equal (what, "presiding-officer"))
        add_signer (signers, g_strdup ("presiding-officer"), "主持人",
                    team_name (source, CONCORD_TEAM_OFFICER), 0);
    }
  return signers;
}

gboolean
concord_signature_pad_allowed (const ConcordCase *c,
                               const char        *category_label,
                               char             **reason)
{
  static const char *const words[] = { "婚", "收养", "继承", "遗产", "遗嘱", "marriage", "adoption", "succession",
                                       "inheritance", "divorce" };
  g_autofree char *folded = NULL;
  gboolean personal = FALSE;

  g_return_val_if_fail (c != NULL, TRUE);

  if (c->category != NULL && g_str_equal (c->category, "marriage_family"))
    personal = TRUE;
  if (category_label != NULL)
    folded = g_utf8_casefold (category_label, -1);
  for (guint i = 0; !personal && folded != NULL && i < G_N_ELEMENTS (words); i++)
    personal = strstr (folded, words[i]) != NULL;
  if (personal && reason != NULL)
    *reason = g_strdup (_("Under the Electronic Signature Law (art. 3), documents on marriage, adoption "
                          "or succession cannot rest on electronic signatures: print the agreement and "
                          "have it signed in ink with fingerprints."));
  return !personal;
}

char *
concord_agreement_content_hash (const ConcordAgreement *agreement)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (agreement != NULL, NULL);

  json = concord_agreement_to_json (agreement);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, json, -1);
}

static char *
format_code (const char *hex)
{
  g_autofree char *upper = g_ascii_strup (hex, 12);

  return g_strdup_printf ("%.4s-%.4s-%.4s", upper, upper + 4, upper + 8);
}

char *
concord_agreement_verification_code (const ConcordAgreement *agreement)
{
  g_autofree char *hash = concord_agreement_content_hash (agreement);

  return hash != NULL ? format_code (hash) : NULL;
}

char *
concord_verification_code_normalize (const char *code)
{
  char hex[13];
  guint n = 0;

  if (code == NULL)
    return NULL;
  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '-' || *p == ' ')
        continue;
      if (!g_ascii_isxdigit (*p) || n == 12)
        return NULL;
      hex[n++] = *p;
    }
  if (n != 12)
    return NULL;
  hex[n] = '\0';
  return format_code (hex);
}
