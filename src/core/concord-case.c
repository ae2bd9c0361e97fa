/* concord-case.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-case"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concord-case.h"

G_DEFINE_BOXED_TYPE (ConcordParty, concord_party, concord_party_ref, concord_party_unref)
G_DEFINE_BOXED_TYPE (ConcordTeamMember, concord_team_member, concord_team_member_ref, concord_team_member_unref)
G_DEFINE_BOXED_TYPE (ConcordCase, concord_case, concord_case_ref, concord_case_unref)

void
concord_set_text (char **field,
                  const char *value)
{
  g_autofree char *copy = NULL;

  g_return_if_fail (field != NULL);

  if (value != NULL)
    {
      copy = g_strstrip (g_strdup (value));
      if (*copy == '\0')
        g_clear_pointer (&copy, g_free);
    }
  g_free (*field);
  *field = g_steal_pointer (&copy);
}

gboolean
concord_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Party */

ConcordParty *
concord_party_new (void)
{
  ConcordParty *party = g_new0 (ConcordParty, 1);

  g_atomic_ref_count_init (&party->ref_count);
  party->kind = CONCORD_PARTY_PERSON;
  party->role = CONCORD_ROLE_APPLICANT;
  party->gender = CONCORD_GENDER_UNKNOWN;
  party->id_type = CONCORD_ID_RESIDENT;
  party->agent_kind = CONCORD_AGENT_NONE;
  return party;
}

ConcordParty *
concord_party_ref (ConcordParty *party)
{
  g_return_val_if_fail (party != NULL, NULL);
  g_atomic_ref_count_inc (&party->ref_count);
  return party;
}

void
concord_party_unref (ConcordParty *party)
{
  g_return_if_fail (party != NULL);

  if (!g_atomic_ref_count_dec (&party->ref_count))
    return;

  g_free (party->name);
  g_free (party->ethnicity);
  g_free (party->birth_date);
  g_free (party->id_number);
  g_free (party->phone);
  g_free (party->address);
  g_free (party->occupation);
  g_free (party->claims);
  g_clear_pointer (&party->agent, concord_party_unref);
  g_free (party->agent_relation);
  g_free (party);
}

ConcordParty *
concord_party_copy (const ConcordParty *party)
{
  ConcordParty *copy;

  g_return_val_if_fail (party != NULL, NULL);

  copy = concord_party_new ();
  copy->id = party->id;
  copy->kind = party->kind;
  copy->role = party->role;
  copy->name = g_strdup (party->name);
  copy->gender = party->gender;
  copy->ethnicity = g_strdup (party->ethnicity);
  copy->birth_date = g_strdup (party->birth_date);
  copy->id_type = party->id_type;
  copy->id_number = g_strdup (party->id_number);
  copy->phone = g_strdup (party->phone);
  copy->address = g_strdup (party->address);
  copy->occupation = g_strdup (party->occupation);
  copy->claims = g_strdup (party->claims);
  copy->agent_kind = party->agent_kind;
  copy->agent = party->agent ? concord_party_copy (party->agent) : NULL;
  copy->agent_relation = g_strdup (party->agent_relation);
  return copy;
}

/* Team member */

ConcordTeamMember *
concord_team_member_new (void)
{
  ConcordTeamMember *member = g_new0 (ConcordTeamMember, 1);

  g_atomic_ref_count_init (&member->ref_count);
  member->role = CONCORD_TEAM_MEDIATOR;
  return member;
}

ConcordTeamMember *
concord_team_member_ref (ConcordTeamMember *member)
{
  g_return_val_if_fail (member != NULL, NULL);
  g_atomic_ref_count_inc (&member->ref_count);
  return member;
}

void
concord_team_member_unref (ConcordTeamMember *member)
{
  g_return_if_fail (member != NULL);

  if (!g_atomic_ref_count_dec (&member->ref_count))
    return;

  g_free (member->name);
  g_free (member->phone);
  g_free (member->id_number);
  g_free (member->organisation);
  g_free (member->username);
  g_free (member);
}

ConcordTeamMember *
concord_team_member_copy (const ConcordTeamMember *member)
{
  ConcordTeamMember *copy;

  g_return_val_if_fail (member != NULL, NULL);

  copy = concord_team_member_new ();
  copy->id = member->id;
  copy->name = g_strdup (member->name);
  copy->role = member->role;
  copy->phone = g_strdup (member->phone);
  copy->id_number = g_strdup (member->id_number);
  copy->organisation = g_strdup (member->organisation);
  copy->username = g_strdup (member->username);
  return copy;
}

/* Case */

ConcordCase *
concord_case_new (void)
{
  ConcordCase *self = g_new0 (ConcordCase, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->source = CONCORD_SOURCE_WALK_IN;
  self->mediation_type = CONCORD_MEDIATION_PEOPLE;
  self->stage = CONCORD_STAGE_RECEIVED;
  self->parties = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_party_unref);
  self->team = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_team_member_unref);
  return self;
}

ConcordCase *
concord_case_ref (ConcordCase *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
concord_case_unref (ConcordCase *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->case_no);
  g_free (self->referred_by);
  g_free (self->incident_no);
  g_free (self->occurred_at);
  g_free (self->place);
  g_free (self->category);
  g_free (self->facts);
  g_free (self->stage_reason);
  g_free (self->received_at);
  g_free (self->due_at);
  g_free (self->updated_at);
  g_ptr_array_unref (self->parties);
  g_ptr_array_unref (self->team);
  g_free (self);
}

ConcordCase *
concord_case_copy (const ConcordCase *self)
{
  ConcordCase *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = concord_case_new ();
  copy->id = self->id;
  copy->case_no = g_strdup (self->case_no);
  copy->source = self->source;
  copy->referred_by = g_strdup (self->referred_by);
  copy->incident_no = g_strdup (self->incident_no);
  copy->occurred_at = g_strdup (self->occurred_at);
  copy->place = g_strdup (self->place);
  copy->category = g_strdup (self->category);
  copy->mediation_type = self->mediation_type;
  copy->facts = g_strdup (self->facts);
  copy->stage = self->stage;
  copy->stage_reason = g_strdup (self->stage_reason);
  copy->received_at = g_strdup (self->received_at);
  copy->due_at = g_strdup (self->due_at);
  copy->updated_at = g_strdup (self->updated_at);
  copy->police_screened = self->police_screened;
  copy->police_exclusions = self->police_exclusions;
  for (guint i = 0; i < self->parties->len; i++)
    g_ptr_array_add (copy->parties, concord_party_copy (g_ptr_array_index (self->parties, i)));
  for (guint i = 0; i < self->team->len; i++)
    g_ptr_array_add (copy->team, concord_team_member_copy (g_ptr_array_index (self->team, i)));
  return copy;
}

char *
concord_case_dup_party_names (const ConcordCase *self)
{
  GString *names;

  g_return_val_if_fail (self != NULL, NULL);

  names = g_string_new (NULL);
  for (guint i = 0; i < self->parties->len; i++)
    {
      const ConcordParty *party = g_ptr_array_index (self->parties, i);

      if (party->name == NULL)
        continue;
      if (names->len > 0)
        /* Translators: separator between party names in a list */
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, party->name);
    }
  return g_string_free (names, FALSE);
}

char *
concord_case_dup_party_role (const ConcordCase  *self,
                             const ConcordParty *party)
{
  guint position = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (party != NULL, NULL);

  if (party->role != CONCORD_ROLE_PARTY)
    return g_strdup (concord_party_role_label (party->role));
  for (guint i = 0; i < self->parties->len; i++)
    {
      const ConcordParty *other = g_ptr_array_index (self->parties, i);

      if (other == party || other->id == party->id)
        break;
      if (other->role == CONCORD_ROLE_PARTY)
        position++;
    }
  return concord_party_ordinal_label (position);
}

const char *
concord_police_exclusion_label (ConcordPoliceExclusion bit)
{
  switch (bit)
    {
    case CONCORD_EXCLUSION_HIRED_HARM:
      return _("Someone was hired to hurt another person");
    case CONCORD_EXCLUSION_GANG_FIGHT:
      return _("A gang fight or other picking of quarrels");
    case CONCORD_EXCLUSION_REPEATED:
      return _("Public-order violations committed repeatedly");
    case CONCORD_EXCLUSION_UNWILLING:
      return _("A party clearly refuses mediation");
    case CONCORD_EXCLUSION_NEW_VIOLATION:
      return _("A party committed a new violation against the other during mediation");
    case CONCORD_EXCLUSION_FLED:
      return _("The suspect fled during mediation");
    case CONCORD_EXCLUSION_OTHER:
      return _("Other reasons that make mediation unsuitable");
    default:
      g_return_val_if_reached (NULL);
    }
}
