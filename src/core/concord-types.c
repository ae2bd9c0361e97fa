/* concord-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concord-types.h"

typedef struct
{
  const char *code;
  const char *label;
} EnumEntry;

static const EnumEntry sources[] = {
  { "call110", NC_("source", "110 call") },
  { "walk_in", NC_("source", "Walk-in") },
  { "referral", NC_("source", "Referral") },
  { "screening", NC_("source", "Proactive screening") },
};

static const EnumEntry mediation_types[] = {
  { "people", N_("People’s mediation") },
  { "police", N_("Police public-security mediation") },
  { "lawyer", N_("Lawyer mediation") },
  { "settlement", N_("Settlement") },
};

static const EnumEntry stages[] = {
  { "received", NC_("stage", "Received") },
  { "accepted", NC_("stage", "Accepted") },
  { "back_to_back", NC_("stage", "Back-to-back") },
  { "face_to_face", NC_("stage", "Face-to-face") },
  { "drafting", NC_("stage", "Drafting") },
  { "review", NC_("stage", "Legal review") },
  { "signing", NC_("stage", "Signing") },
  { "follow_up", NC_("stage", "Follow-up") },
  { "closed", NC_("stage", "Closed") },
  { "not_accepted", NC_("stage", "Not accepted") },
  { "failed", NC_("stage", "Failed") },
  { "withdrawn", NC_("stage", "Withdrawn") },
};

static const EnumEntry party_kinds[] = {
  { "person", NC_("party kind", "Person") },
  { "organisation", NC_("party kind", "Organisation") },
};

static const EnumEntry party_roles[] = {
  { "applicant", NC_("party role", "Applicant") },
  { "respondent", NC_("party role", "Respondent") },
  { "party", NC_("party role", "Party") },
  { "third", NC_("party role", "Third party") },
};

static const EnumEntry agent_kinds[] = {
  { "none", N_("No agent") },
  { "entrusted", N_("Entrusted agent") },
  { "guardian", N_("Guardian") },
  { "representative", N_("Representative") },
};

static const EnumEntry genders[] = {
  { "unknown", NC_("gender", "Not given") },
  { "male", NC_("gender", "Male") },
  { "female", NC_("gender", "Female") },
};

static const EnumEntry id_types[] = {
  { "none", N_("None") },
  { "resident", N_("Resident identity card") },
  { "passport", N_("Passport") },
  { "hk_macao", N_("Mainland travel permit for Hong Kong and Macao residents") },
  { "taiwan", N_("Mainland travel permit for Taiwan residents") },
  { "foreign_resident", N_("Foreign permanent resident ID card") },
  { "credit_code", N_("Unified social credit code") },
  { "other", N_("Other document") },
};

static const EnumEntry team_roles[] = {
  { "mediator", N_("Mediator") },
  { "officer", N_("Police officer") },
  { "lawyer", N_("Lawyer") },
  { "note_taker", N_("Note-taker") },
  { "judicial", N_("Judicial office staff") },
  { "helper", N_("Other participant") },
};

/* Contexts for NC_() entries: the label lookup must use the same one. */
static const char *
context_of (const EnumEntry *table)
{
  if (table == sources)
    return "source";
  if (table == stages)
    return "stage";
  if (table == genders)
    return "gender";
  if (table == party_kinds)
    return "party kind";
  if (table == party_roles)
    return "party role";
  return NULL;
}

static const char *
entry_code (const EnumEntry *table, guint n, int value)
{
  g_return_val_if_fail (value >= 0 && (guint) value < n, NULL);
  return table[value].code;
}

static int
entry_from_code (const EnumEntry *table, guint n, const char *code)
{
  if (code == NULL)
    return -1;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (table[i].code, code))
      return (int) i;
  return -1;
}

static const char *
entry_label (const EnumEntry *table, guint n, int value)
{
  const char *context;

  g_return_val_if_fail (value >= 0 && (guint) value < n, "");
  context = context_of (table);
  if (context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, table[value].label);
  return g_dgettext (GETTEXT_PACKAGE, table[value].label);
}

#define DEFINE_ENUM_FUNCS(prefix, Type, table) \
  const char *concord_##prefix##_to_code (Type value) \
  { return entry_code (table, G_N_ELEMENTS (table), (int) value); } \
  int concord_##prefix##_from_code (const char *code) \
  { return entry_from_code (table, G_N_ELEMENTS (table), code); } \
  const char *concord_##prefix##_label (Type value) \
  { return entry_label (table, G_N_ELEMENTS (table), (int) value); }

G_STATIC_ASSERT (G_N_ELEMENTS (sources) == CONCORD_N_SOURCES);
G_STATIC_ASSERT (G_N_ELEMENTS (mediation_types) == CONCORD_N_MEDIATION_TYPES);
G_STATIC_ASSERT (G_N_ELEMENTS (stages) == CONCORD_N_STAGES);
G_STATIC_ASSERT (G_N_ELEMENTS (party_kinds) == CONCORD_N_PARTY_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (party_roles) == CONCORD_N_PARTY_ROLES);
G_STATIC_ASSERT (G_N_ELEMENTS (agent_kinds) == CONCORD_N_AGENT_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (genders) == CONCORD_N_GENDERS);
G_STATIC_ASSERT (G_N_ELEMENTS (id_types) == CONCORD_N_ID_TYPES);
G_STATIC_ASSERT (G_N_ELEMENTS (team_roles) == CONCORD_N_TEAM_ROLES);

DEFINE_ENUM_FUNCS (source, ConcordSource, sources)
DEFINE_ENUM_FUNCS (mediation_type, ConcordMediationType, mediation_types)
DEFINE_ENUM_FUNCS (stage, ConcordStage, stages)
DEFINE_ENUM_FUNCS (party_kind, ConcordPartyKind, party_kinds)
DEFINE_ENUM_FUNCS (party_role, ConcordPartyRole, party_roles)
DEFINE_ENUM_FUNCS (agent_kind, ConcordAgentKind, agent_kinds)
DEFINE_ENUM_FUNCS (gender, ConcordGender, genders)
DEFINE_ENUM_FUNCS (id_type, ConcordIdType, id_types)
DEFINE_ENUM_FUNCS (team_role, ConcordTeamRole, team_roles)

gboolean
concord_stage_is_final (ConcordStage value)
{
  return value == CONCORD_STAGE_CLOSED ||
         value == CONCORD_STAGE_NOT_ACCEPTED ||
         value == CONCORD_STAGE_FAILED ||
         value == CONCORD_STAGE_WITHDRAWN;
}

char *
concord_party_ordinal_label (guint position)
{
  /* The heavenly stems, as Chinese agreements name many parties. */
  static const char *stems[] = {
    N_("Party A"), N_("Party B"), N_("Party C"), N_("Party D"), N_("Party E"),
    N_("Party F"), N_("Party G"), N_("Party H"), N_("Party I"), N_("Party J"),
  };

  if (position < G_N_ELEMENTS (stems))
    return g_strdup (g_dgettext (GETTEXT_PACKAGE, stems[position]));
  /* Translators: a party beyond the tenth, e.g. "Party 11" */
  return g_strdup_printf (_("Party %u"), position + 1);
}

/* The categories that people's mediation statistics use, plus minor
 * injury / fight for police mediation. */
static const ConcordCategoryDefault category_defaults[] = {
  { "marriage_family", N_("Marriage and family") },
  { "neighbour", N_("Neighbours") },
  { "housing_homestead", N_("Housing and homestead") },
  { "contract", N_("Contract") },
  { "production_business", N_("Production and business") },
  { "damage", N_("Damage compensation") },
  { "forest_land", N_("Forest and land") },
  { "requisition_demolition", N_("Land requisition and demolition") },
  { "environment", N_("Environmental pollution") },
  { "labour", N_("Labour") },
  { "consumer", N_("Consumer") },
  { "medical", N_("Medical") },
  { "road_traffic", N_("Road traffic") },
  { "property_management", N_("Property management") },
  { "minor_injury", N_("Minor injury / fight") },
  { "other", N_("Other") },
};

const ConcordCategoryDefault *
concord_category_defaults (guint *n_defaults)
{
  if (n_defaults != NULL)
    *n_defaults = G_N_ELEMENTS (category_defaults);
  return category_defaults;
}

const char *
concord_category_builtin_label (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (category_defaults); i++)
    if (g_str_equal (category_defaults[i].code, code))
      return g_dgettext (GETTEXT_PACKAGE, category_defaults[i].label);
  return NULL;
}

const char *
concord_locale_dir (void)
{
  const char *dir = g_getenv ("CONCORD_LOCALEDIR");

  return (dir != NULL && *dir != '\0') ? dir : LOCALEDIR;
}
