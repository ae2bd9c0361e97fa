/* concord-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "concord-session.h"
#include "concord-case.h"
#include "concord-error.h"
#include "concord-validate.h"

static const char *const session_kind_codes[] = { "back_to_back", "face_to_face" };
static const char *const position_kind_codes[] = { "demand", "offer" };

const char *
concord_session_kind_to_code (ConcordSessionKind kind)
{
  g_return_val_if_fail (kind >= 0 && kind < CONCORD_N_SESSION_KINDS, NULL);
  return session_kind_codes[kind];
}

int
concord_session_kind_from_code (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (session_kind_codes); i++)
    if (strcmp (code, session_kind_codes[i]) == 0)
      return (int) i;
  return -1;
}

const char *
concord_session_kind_label (ConcordSessionKind kind)
{
  switch (kind)
    {
    case CONCORD_SESSION_BACK_TO_BACK:
      return C_("session kind", "Back-to-back");
    case CONCORD_SESSION_FACE_TO_FACE:
      return C_("session kind", "Face-to-face");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
concord_position_kind_to_code (ConcordPositionKind kind)
{
  g_return_val_if_fail (kind == CONCORD_POSITION_DEMAND || kind == CONCORD_POSITION_OFFER, NULL);
  return position_kind_codes[kind];
}

int
concord_position_kind_from_code (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (position_kind_codes); i++)
    if (strcmp (code, position_kind_codes[i]) == 0)
      return (int) i;
  return -1;
}

const char *
concord_position_kind_label (ConcordPositionKind kind)
{
  switch (kind)
    {
    case CONCORD_POSITION_DEMAND:
      return C_("position", "Demand");
    case CONCORD_POSITION_OFFER:
      return C_("position", "Offer");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Attendees */

G_DEFINE_BOXED_TYPE (ConcordAttendee, concord_attendee, concord_attendee_ref, concord_attendee_unref)

ConcordAttendee *
concord_attendee_new (void)
{
  ConcordAttendee *self = g_new0 (ConcordAttendee, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

ConcordAttendee *
concord_attendee_ref (ConcordAttendee *attendee)
{
  g_return_val_if_fail (attendee != NULL, NULL);

  g_atomic_ref_count_inc (&attendee->ref_count);
  return attendee;
}

void
concord_attendee_unref (ConcordAttendee *attendee)
{
  g_return_if_fail (attendee != NULL);

  if (!g_atomic_ref_count_dec (&attendee->ref_count))
    return;
  g_free (attendee->name);
  g_free (attendee->role);
  g_free (attendee);
}

ConcordAttendee *
concord_attendee_copy (const ConcordAttendee *attendee)
{
  ConcordAttendee *copy;

  g_return_val_if_fail (attendee != NULL, NULL);

  copy = concord_attendee_new ();
  copy->id = attendee->id;
  copy->party_id = attendee->party_id;
  copy->member_id = attendee->member_id;
  copy->name = g_strdup (attendee->name);
  copy->role = g_strdup (attendee->role);
  return copy;
}

/* Sessions */

G_DEFINE_BOXED_TYPE (ConcordSession, concord_session, concord_session_ref, concord_session_unref)

ConcordSession *
concord_session_new (void)
{
  ConcordSession *self = g_new0 (ConcordSession, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = CONCORD_SESSION_BACK_TO_BACK;
  self->attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_attendee_unref);
  return self;
}

ConcordSession *
concord_session_ref (ConcordSession *session)
{
  g_return_val_if_fail (session != NULL, NULL);

  g_atomic_ref_count_inc (&session->ref_count);
  return session;
}

void
concord_session_unref (ConcordSession *session)
{
  g_return_if_fail (session != NULL);

  if (!g_atomic_ref_count_dec (&session->ref_count))
    return;
  g_free (session->room);
  g_free (session->started_at);
  g_free (session->ended_at);
  g_free (session->outcome);
  g_free (session->created_by);
  g_ptr_array_unref (session->attendees);
  g_free (session);
}

ConcordSession *
concord_session_copy (const ConcordSession *session)
{
  ConcordSession *copy;

  g_return_val_if_fail (session != NULL, NULL);

  copy = concord_session_new ();
  copy->id = session->id;
  copy->case_id = session->case_id;
  copy->kind = session->kind;
  copy->room = g_strdup (session->room);
  copy->started_at = g_strdup (session->started_at);
  copy->ended_at = g_strdup (session->ended_at);
  copy->outcome = g_strdup (session->outcome);
  copy->created_by = g_strdup (session->created_by);
  for (guint i = 0; i < session->attendees->len; i++)
    g_ptr_array_add (copy->attendees, concord_attendee_copy (g_ptr_array_index (session->attendees, i)));
  return copy;
}

/* Notes, positions, legal points */

void
concord_note_free (ConcordNote *note)
{
  if (note == NULL)
    return;
  g_free (note->shared_at);
  g_free (note->shared_by);
  g_free (note->text);
  g_free (note->updated_at);
  g_free (note);
}

gboolean
concord_note_is_private (const ConcordNote *note)
{
  g_return_val_if_fail (note != NULL, TRUE);

  return note->confidential && note->shared_at == NULL;
}

ConcordPosition *
concord_position_new (void)
{
  return g_new0 (ConcordPosition, 1);
}

void
concord_position_free (ConcordPosition *position)
{
  if (position == NULL)
    return;
  g_free (position->terms);
  g_free (position->at);
  g_free (position);
}

gboolean
concord_positions_gap (GPtrArray *positions,
                       gint64    *gap_fen)
{
  /* party id → latest position of each kind; later entries replace
   * earlier ones, as @positions is in time order. */
  g_autoptr(GHashTable) demands = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) offers = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer value;
  gint64 demanded = 0;
  gint64 offered = 0;

  g_return_val_if_fail (positions != NULL, FALSE);

  if (gap_fen != NULL)
    *gap_fen = 0;

  for (guint i = 0; i < positions->len; i++)
    {
      ConcordPosition *position = g_ptr_array_index (positions, i);

      if (!position->has_amount)
        continue;
      g_hash_table_insert (position->kind == CONCORD_POSITION_DEMAND ? demands : offers,
                           &position->party_id, position);
    }
  if (g_hash_table_size (demands) == 0 || g_hash_table_size (offers) == 0)
    return FALSE;

  g_hash_table_iter_init (&iter, demands);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    demanded += ((ConcordPosition *) value)->amount_fen;
  g_hash_table_iter_init (&iter, offers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    offered += ((ConcordPosition *) value)->amount_fen;

  if (gap_fen != NULL)
    *gap_fen = demanded - offered;
  return TRUE;
}

void
concord_legal_point_free (ConcordLegalPoint *point)
{
  if (point == NULL)
    return;
  g_free (point->text);
  g_free (point->citation);
  g_free (point->at);
  g_free (point);
}

gboolean
concord_privacy_shows_note (const ConcordNote *note,
                            gboolean           privacy)
{
  g_return_val_if_fail (note != NULL, FALSE);

  return !privacy || !concord_note_is_private (note);
}

gboolean
concord_privacy_shows_session_content (const ConcordSession *session,
                                       gboolean              privacy)
{
  g_return_val_if_fail (session != NULL, FALSE);

  return !privacy || session->kind != CONCORD_SESSION_BACK_TO_BACK;
}

static const char *const referral_kind_codes[] = { "litigation", "judicial", "department" };
G_STATIC_ASSERT (G_N_ELEMENTS (referral_kind_codes) == CONCORD_N_REFERRAL_KINDS);

const char *
concord_referral_kind_to_code (ConcordReferralKind kind)
{
  g_return_val_if_fail ((guint) kind < CONCORD_N_REFERRAL_KINDS, NULL);
  return referral_kind_codes[kind];
}

int
concord_referral_kind_from_code (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (referral_kind_codes); i++)
    if (strcmp (code, referral_kind_codes[i]) == 0)
      return (int) i;
  return -1;
}

const char *
concord_referral_kind_label (ConcordReferralKind kind)
{
  switch (kind)
    {
    case CONCORD_REFERRAL_LITIGATION:
      /* Translators: where the parties of a failed mediation were sent: to sue at the people's court */
      return C_("referral", "Guided to sue");
    case CONCORD_REFERRAL_JUDICIAL:
      /* Translators: where the parties of a failed mediation were sent:
       * arbitration, court-annexed mediation and the like */
      return C_("referral", "Other legal channel");
    case CONCORD_REFERRAL_DEPARTMENT:
      /* Translators: a work order (工单) sent to another government department */
      return C_("referral", "Work order to a department");
    default:
      g_return_val_if_reached (NULL);
    }
}

ConcordReferral *
concord_referral_new (ConcordReferralKind kind)
{
  ConcordReferral *referral = g_new0 (ConcordReferral, 1);

  referral->kind = kind;
  return referral;
}

void
concord_referral_free (ConcordReferral *referral)
{
  if (referral == NULL)
    return;
  g_free (referral->detail);
  g_free (referral->request);
  g_free (referral->due_date);
  g_free (referral->created_at);
  g_free (referral->created_by);
  g_free (referral->answered_at);
  g_free (referral->answer);
  g_free (referral->answered_by);
  g_free (referral);
}

gboolean
concord_referral_is_open_work_order (const ConcordReferral *referral)
{
  g_return_val_if_fail (referral != NULL, FALSE);

  return referral->kind == CONCORD_REFERRAL_DEPARTMENT && referral->answered_at == NULL;
}

gboolean
concord_referral_validate (const ConcordReferral *referral,
                           const char            *today,
                           GError               **error)
{
  g_autofree char *due = NULL;

  g_return_val_if_fail (referral != NULL, FALSE);

  if ((guint) referral->kind >= CONCORD_N_REFERRAL_KINDS)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("Unknown kind of referral."));
      return FALSE;
    }
  if (referral->kind != CONCORD_REFERRAL_DEPARTMENT)
    return TRUE;

  if (concord_text_is_blank (referral->detail))
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("Enter the department the work order goes to."));
      return FALSE;
    }
  if (concord_text_is_blank (referral->request))
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("Enter what the department is asked to do."));
      return FALSE;
    }
  if (concord_text_is_blank (referral->due_date))
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("Enter the date by which the department must answer."));
      return FALSE;
    }
  if (!concord_validate_date (referral->due_date, &due, error))
    return FALSE;
  if (today != NULL && strcmp (due, today) < 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The due date %s has already passed."), due);
      return FALSE;
    }
  return TRUE;
}
