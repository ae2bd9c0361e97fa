/* concord-intake-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-intake-form"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "concord-intake-form.h"

/* The order of the fields on the page, for "the first invalid field". */
static const char * const case_field_order[] = {
  "source", "referred_by", "incident_no", "occurred_at", "place", "category",
  "mediation_type", "police_exclusions",
};

static const char * const party_field_order[] = {
  "name", "role", "kind", "id_type", "id_number", "gender", "birth_date",
  "phone", "ethnicity", "address", "occupation", "claims", "agent_kind",
  "agent_relation",
};

static const char * const team_field_order[] = {
  "name", "organisation", "phone", "id_number",
};

static void
id_offer_free (ConcordIdOffer *offer)
{
  g_free (offer->prefix);
  g_free (offer->question);
  g_free (offer->button_label);
  g_free (offer);
}

void
concord_intake_form_state_free (ConcordIntakeFormState *state)
{
  if (state == NULL)
    return;

  g_clear_pointer (&state->messages, g_hash_table_unref);
  g_clear_pointer (&state->fields, g_ptr_array_unref);
  g_clear_pointer (&state->conflicts, g_ptr_array_unref);
  g_clear_pointer (&state->offers, g_ptr_array_unref);
  g_free (state->missing);
  g_free (state);
}

static void
add_message (ConcordIntakeFormState *state,
             const char             *field,
             const char             *message)
{
  if (g_hash_table_contains (state->messages, field))
    return;
  g_hash_table_insert (state->messages, g_strdup (field), g_strdup (message));
  g_ptr_array_add (state->fields, g_strdup (field));
}

static guint
rank_in (const char * const *order,
         guint               n_order,
         const char         *name)
{
  for (guint i = 0; i < n_order; i++)
    if (g_strcmp0 (order[i], name) == 0)
      return i;
  return n_order;
}

/* A sort key that follows the page: the quick name, the facts, the case,
 * each party (its agent after it), the team, then anything else. */
static void
field_rank (const char *field,
            guint       key[4])
{
  g_autofree char *group = NULL;
  g_autofree char *rest = NULL;
  int index = -1;

  key[0] = 9;
  key[1] = key[2] = key[3] = 0;

  if (!concord_intake_form_split_field (field, &group, &index, &rest))
    return;

  if (g_str_equal (field, "party/0/name"))
    key[0] = 0;
  else if (g_str_equal (group, "facts"))
    key[0] = 1;
  else if (index < 0 && rank_in (case_field_order, G_N_ELEMENTS (case_field_order), group) <
           G_N_ELEMENTS (case_field_order))
    {
      key[0] = 2;
      key[1] = rank_in (case_field_order, G_N_ELEMENTS (case_field_order), group);
    }
  else if (g_str_equal (group, "party") && index >= 0)
    {
      key[0] = 3;
      key[1] = (guint) index;
      if (rest != NULL && g_str_has_prefix (rest, "agent/"))
        {
          key[2] = 1;
          key[3] = rank_in (party_field_order, G_N_ELEMENTS (party_field_order), rest + 6);
        }
      else
        key[3] = rank_in (party_field_order, G_N_ELEMENTS (party_field_order), rest);
    }
  else if (g_str_equal (group, "team") && index >= 0)
    {
      key[0] = 4;
      key[1] = (guint) index;
      key[3] = rank_in (team_field_order, G_N_ELEMENTS (team_field_order), rest);
    }
}

static int
compare_fields (gconstpointer a,
                gconstpointer b)
{
  const char *field_a = *(const char * const *) a;
  const char *field_b = *(const char * const *) b;
  guint key_a[4], key_b[4];

  field_rank (field_a, key_a);
  field_rank (field_b, key_b);
  for (guint i = 0; i < 4; i++)
    if (key_a[i] != key_b[i])
      return key_a[i] < key_b[i] ? -1 : 1;
  return 0;
}

static gboolean
person_has_data (const ConcordParty *party)
{
  return !concord_text_is_blank (party->name) || !concord_text_is_blank (party->id_number) ||
         !concord_text_is_blank (party->phone) || !concord_text_is_blank (party->birth_date) ||
         !concord_text_is_blank (party->address) || !concord_text_is_blank (party->ethnicity) ||
         !concord_text_is_blank (party->occupation) || !concord_text_is_blank (party->claims);
}

static const char *
gender_word (ConcordGender gender)
{
  switch (gender)
    {
    case CONCORD_GENDER_MALE:
      /* Translators: a gender inside a sentence: "…and gender male from the ID number?" */
      return C_("gender in a sentence", "male");
    case CONCORD_GENDER_FEMALE:
      return C_("gender in a sentence", "female");
    case CONCORD_GENDER_UNKNOWN:
    case CONCORD_N_GENDERS:
    default:
      return "";
    }
}

static void
add_offer (ConcordIntakeFormState *state,
           const char             *prefix,
           const ConcordParty     *person)
{
  ConcordIdInfo info = { { 0 } };
  g_autofree char *given_date = NULL;
  ConcordIdOffer *offer;

  if (person->kind != CONCORD_PARTY_PERSON || person->id_type != CONCORD_ID_RESIDENT ||
      concord_text_is_blank (person->id_number))
    return;
  if (!concord_validate_resident_id (person->id_number, &info, NULL))
    return;

  if (!concord_text_is_blank (person->birth_date) &&
      !concord_validate_date (person->birth_date, &given_date, NULL))
    g_clear_pointer (&given_date, g_free);

  offer = g_new0 (ConcordIdOffer, 1);
  offer->prefix = g_strdup (prefix);
  g_strlcpy (offer->birth_date, info.birth_date, sizeof offer->birth_date);
  offer->gender = info.gender;
  offer->fill_birth_date = given_date == NULL || g_strcmp0 (given_date, info.birth_date) != 0;
  offer->fill_gender = info.gender != CONCORD_GENDER_UNKNOWN && person->gender != info.gender;

  if (offer->fill_birth_date && offer->fill_gender)
    {
      /* Translators: %s are a date (1999-03-07) and a gender (male) */
      offer->question = g_strdup_printf (_("Fill in birth date %s and gender %s from the ID number?"),
                                         info.birth_date, gender_word (info.gender));
      /* Translators: a button under an ID number; %s are a date and a gender */
      offer->button_label = g_strdup_printf (_("Fill in from ID: %s, %s"),
                                             info.birth_date, gender_word (info.gender));
    }
  else if (offer->fill_birth_date)
    {
      offer->question = g_strdup_printf (_("Fill in birth date %s from the ID number?"),
                                         info.birth_date);
      offer->button_label = g_strdup_printf (_("Fill in from ID: %s"), info.birth_date);
    }
  else if (offer->fill_gender)
    {
      offer->question = g_strdup_printf (_("Fill in gender %s from the ID number?"),
                                         gender_word (info.gender));
      offer->button_label = g_strdup_printf (_("Fill in from ID: %s"), gender_word (info.gender));
    }
  else
    {
      id_offer_free (offer);
      return;
    }

  g_ptr_array_add (state->offers, offer);
}

static gboolean
is_party_name_field (const char *field)
{
  g_autofree char *group = NULL;
  g_autofree char *rest = NULL;
  int index;

  return concord_intake_form_split_field (field, &group, &index, &rest) &&
         g_str_equal (group, "party") && g_strcmp0 (rest, "name") == 0;
}

static gboolean
is_known_top_field (const char *field)
{
  return g_str_equal (field, "facts") ||
         rank_in (case_field_order, G_N_ELEMENTS (case_field_order), field) <
         G_N_ELEMENTS (case_field_order) ||
         g_str_has_prefix (field, "party/") || g_str_has_prefix (field, "team/");
}

ConcordIntakeFormState *
concord_intake_form_compute (const ConcordCase *draft,
                             const char        *occurred_at_text,
                             GTimeZone         *tz)
{
  g_autoptr(ConcordIntakeFormState) state = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  gboolean has_name = FALSE;
  gboolean has_facts;

  g_return_val_if_fail (draft != NULL, NULL);

  state = g_new0 (ConcordIntakeFormState, 1);
  state->messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  state->fields = g_ptr_array_new_with_free_func (g_free);
  state->conflicts = g_ptr_array_new_with_free_func (g_free);
  state->offers = g_ptr_array_new_with_free_func ((GDestroyNotify) id_offer_free);

  for (guint i = 0; i < draft->parties->len; i++)
    {
      const ConcordParty *party = g_ptr_array_index (draft->parties, i);

      if (!concord_text_is_blank (party->name))
        has_name = TRUE;
    }
  has_facts = !concord_text_is_blank (draft->facts);

  /* What registration needs comes first, in the form's own words. */
  if (!has_name)
    add_message (state, "party/0/name", _("Enter the name of at least one party"));
  if (!has_facts)
    add_message (state, "facts", _("Describe the dispute in at least one sentence"));

  if (!concord_text_is_blank (occurred_at_text))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *utc = NULL;

      /* The store sees only the UTC time; what was typed is checked here,
       * so that the message can say what is wrong with it. */
      if (!concord_validate_local_datetime (occurred_at_text, tz, &utc, &error))
        add_message (state, "occurred_at", error->message);
    }

  problems = concord_case_validate (draft);
  for (guint i = 0; i < problems->len; i++)
    {
      const ConcordProblem *problem = g_ptr_array_index (problems, i);

      if (problem->field == NULL || problem->message == NULL)
        continue;
      /* "No party has a name" is said once, at the first name. */
      if (!has_name && (is_party_name_field (problem->field) || !is_known_top_field (problem->field)))
        continue;
      add_message (state, problem->field, problem->message);
    }

  /* A party (or an agent) that has particulars but no name cannot be
   * stored; the store may say so in its own way, this is the fallback. */
  for (guint i = 0; i < draft->parties->len; i++)
    {
      const ConcordParty *party = g_ptr_array_index (draft->parties, i);

      if (has_name && concord_text_is_blank (party->name))
        {
          g_autofree char *field = g_strdup_printf ("party/%u/name", i);

          add_message (state, field, _("Enter the party's name"));
        }
      if (party->agent_kind != CONCORD_AGENT_NONE && party->agent != NULL &&
          concord_text_is_blank (party->agent->name) && person_has_data (party->agent))
        {
          g_autofree char *field = g_strdup_printf ("party/%u/agent/name", i);

          add_message (state, field, _("Enter the agent's name, or choose “No agent”"));
        }
    }

  g_ptr_array_sort (state->fields, compare_fields);

  conflicts = concord_case_find_conflicts (draft);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const ConcordConflict *conflict = g_ptr_array_index (conflicts, i);

      g_ptr_array_add (state->conflicts, g_strdup (conflict->message));
    }

  for (guint i = 0; i < draft->parties->len; i++)
    {
      const ConcordParty *party = g_ptr_array_index (draft->parties, i);
      g_autofree char *prefix = g_strdup_printf ("party/%u", i);
      g_autofree char *agent_prefix = g_strdup_printf ("party/%u/agent", i);

      add_offer (state, prefix, party);
      if (party->agent_kind != CONCORD_AGENT_NONE && party->agent != NULL)
        add_offer (state, agent_prefix, party->agent);
    }

  state->can_save = has_name && has_facts;
  if (!has_name && !has_facts)
    state->missing = g_strdup (_("Enter a party's name and the facts to register the case."));
  else if (!has_name)
    state->missing = g_strdup (_("Enter a party's name to register the case."));
  else if (!has_facts)
    state->missing = g_strdup (_("Describe the dispute in a sentence to register the case."));

  return g_steal_pointer (&state);
}

const char *
concord_intake_form_state_get_message (const ConcordIntakeFormState *state,
                                       const char                   *field)
{
  g_return_val_if_fail (state != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return g_hash_table_lookup (state->messages, field);
}

const ConcordIdOffer *
concord_intake_form_state_get_offer (const ConcordIntakeFormState *state,
                                     const char                   *prefix)
{
  g_return_val_if_fail (state != NULL, NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  for (guint i = 0; i < state->offers->len; i++)
    {
      const ConcordIdOffer *offer = g_ptr_array_index (state->offers, i);

      if (g_str_equal (offer->prefix, prefix))
        return offer;
    }
  return NULL;
}

void
concord_intake_form_state_add_message (ConcordIntakeFormState *state,
                                       const char             *field,
                                       const char             *message)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (field != NULL && message != NULL);

  add_message (state, field, message);
  g_ptr_array_sort (state->fields, compare_fields);
}

static void
normalize_person (ConcordParty *person)
{
  if (!concord_text_is_blank (person->birth_date))
    {
      g_autofree char *iso = NULL;

      if (concord_validate_date (person->birth_date, &iso, NULL))
        concord_set_text (&person->birth_date, iso);
    }
  if (!concord_text_is_blank (person->phone))
    {
      g_autofree char *normalized = NULL;

      if (concord_validate_phone (person->phone, &normalized, NULL) && normalized != NULL)
        concord_set_text (&person->phone, normalized);
    }
  if (person->id_number != NULL &&
      (person->id_type == CONCORD_ID_RESIDENT || person->id_type == CONCORD_ID_CREDIT_CODE))
    {
      g_autofree char *upper = g_ascii_strup (person->id_number, -1);

      concord_set_text (&person->id_number, upper);
    }
}

void
concord_intake_form_normalize (ConcordCase *draft,
                               const char  *occurred_at_text,
                               GTimeZone   *tz)
{
  g_return_if_fail (draft != NULL);

  if (concord_text_is_blank (occurred_at_text))
    g_clear_pointer (&draft->occurred_at, g_free);
  else
    {
      g_autofree char *utc = NULL;

      if (concord_validate_local_datetime (occurred_at_text, tz, &utc, NULL))
        concord_set_text (&draft->occurred_at, utc);
      else
        concord_set_text (&draft->occurred_at, occurred_at_text);
    }

  for (guint i = 0; i < draft->parties->len; i++)
    {
      ConcordParty *party = g_ptr_array_index (draft->parties, i);

      normalize_person (party);
      if (party->agent != NULL)
        normalize_person (party->agent);
    }

  for (guint i = 0; i < draft->team->len; i++)
    {
      ConcordTeamMember *member = g_ptr_array_index (draft->team, i);

      if (!concord_text_is_blank (member->phone))
        {
          g_autofree char *normalized = NULL;

          if (concord_validate_phone (member->phone, &normalized, NULL) && normalized != NULL)
            concord_set_text (&member->phone, normalized);
        }
    }
}

gboolean
concord_intake_form_split_field (const char  *field,
                                 char       **group,
                                 int         *index,
                                 char       **rest)
{
  g_auto(GStrv) parts = NULL;
  guint n_parts;
  guint64 number;

  g_return_val_if_fail (group != NULL && index != NULL && rest != NULL, FALSE);

  *group = NULL;
  *index = -1;
  *rest = NULL;

  if (field == NULL || *field == '\0')
    return FALSE;

  parts = g_strsplit (field, "/", 3);
  n_parts = g_strv_length (parts);
  *group = g_strdup (parts[0]);

  if (n_parts >= 2 && g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXINT, &number, NULL))
    {
      *index = (int) number;
      if (n_parts == 3)
        *rest = g_strdup (parts[2]);
    }
  else if (n_parts >= 2)
    *rest = g_strdup (field + strlen (parts[0]) + 1);

  return TRUE;
}
