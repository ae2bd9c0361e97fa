/* test-types.c — stored codes and labels of the domain enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-types"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-core.h"

/* One enumeration seen through its three functions, called through small
 * wrappers that take an int. */
typedef struct
{
  const char  *name;
  int          n_values;
  const char  *(*to_code) (int value);
  int          (*from_code) (const char *code);
  const char  *(*label) (int value);
  const char  *codes;           /* every stored code, in order, space-separated */
} EnumInfo;

#define ENUM_WRAPPERS(prefix, Type) \
  static const char *prefix##_to_code (int v) { return concord_##prefix##_to_code ((Type) v); } \
  static const char *prefix##_label (int v) { return concord_##prefix##_label ((Type) v); }

ENUM_WRAPPERS (source, ConcordSource)
ENUM_WRAPPERS (mediation_type, ConcordMediationType)
ENUM_WRAPPERS (stage, ConcordStage)
ENUM_WRAPPERS (party_kind, ConcordPartyKind)
ENUM_WRAPPERS (party_role, ConcordPartyRole)
ENUM_WRAPPERS (agent_kind, ConcordAgentKind)
ENUM_WRAPPERS (gender, ConcordGender)
ENUM_WRAPPERS (id_type, ConcordIdType)
ENUM_WRAPPERS (team_role, ConcordTeamRole)

#define ENUM_INFO(prefix, n, codes) \
  { #prefix, n, prefix##_to_code, concord_##prefix##_from_code, prefix##_label, codes }

/* The codes are what the database stores: changing one is a migration,
 * so they are spelt out here. */
static const EnumInfo enums[] = {
  ENUM_INFO (source, CONCORD_N_SOURCES,
             "call110 walk_in referral screening"),
  ENUM_INFO (mediation_type, CONCORD_N_MEDIATION_TYPES,
             "people police lawyer settlement"),
  ENUM_INFO (stage, CONCORD_N_STAGES,
             "received accepted back_to_back face_to_face drafting review signing "
             "follow_up closed not_accepted failed withdrawn"),
  ENUM_INFO (party_kind, CONCORD_N_PARTY_KINDS,
             "person organisation"),
  ENUM_INFO (party_role, CONCORD_N_PARTY_ROLES,
             "applicant respondent party third"),
  ENUM_INFO (agent_kind, CONCORD_N_AGENT_KINDS,
             "none entrusted guardian representative"),
  ENUM_INFO (gender, CONCORD_N_GENDERS,
             "unknown male female"),
  ENUM_INFO (id_type, CONCORD_N_ID_TYPES,
             "none resident passport hk_macao taiwan foreign_resident credit_code other"),
  ENUM_INFO (team_role, CONCORD_N_TEAM_ROLES,
             "mediator officer lawyer note_taker judicial helper"),
};

static void
test_codes_round_trip (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (enums); e++)
    {
      const EnumInfo *info = &enums[e];
      g_auto(GStrv) expected = g_strsplit (info->codes, " ", -1);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_test_message ("enumeration %s", info->name);
      g_assert_cmpuint (g_strv_length (expected), ==, (guint) info->n_values);

      for (int v = 0; v < info->n_values; v++)
        {
          const char *code = info->to_code (v);

          g_assert_nonnull (code);
          g_assert_cmpstr (code, ==, expected[v]);
          g_assert_cmpint (info->from_code (code), ==, v);
          /* ASCII, lower case, readable in the sqlite3 shell. */
          for (const char *p = code; *p != '\0'; p++)
            g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_');
          g_assert_false (g_hash_table_contains (seen, code));
          g_hash_table_add (seen, (gpointer) code);
        }
    }
}

static void
test_unknown_codes (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (enums); e++)
    {
      const EnumInfo *info = &enums[e];
      g_autofree char *upper = g_ascii_strup (info->to_code (0), -1);
      g_autofree char *spaced = g_strdup_printf (" %s", info->to_code (0));

      g_test_message ("enumeration %s", info->name);
      g_assert_cmpint (info->from_code (NULL), ==, -1);
      g_assert_cmpint (info->from_code (""), ==, -1);
      g_assert_cmpint (info->from_code ("no-such-code"), ==, -1);
      g_assert_cmpint (info->from_code (upper), ==, -1);
      g_assert_cmpint (info->from_code (spaced), ==, -1);
    }
  /* A code of one enumeration is not a code of another. */
  g_assert_cmpint (concord_stage_from_code ("walk_in"), ==, -1);
  g_assert_cmpint (concord_source_from_code ("closed"), ==, -1);
}

static void
test_labels (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (enums); e++)
    {
      const EnumInfo *info = &enums[e];
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_test_message ("enumeration %s", info->name);
      for (int v = 0; v < info->n_values; v++)
        {
          const char *label = info->label (v);

          g_assert_nonnull (label);
          g_assert_cmpstr (label, !=, "");
          g_assert_true (g_utf8_validate (label, -1, NULL));
          /* Two values never look the same in a drop-down. */
          g_assert_false (g_hash_table_contains (seen, label));
          g_hash_table_add (seen, (gpointer) label);
        }
    }

  /* Untranslated (the tests run in the C locale), the English source. */
  g_assert_cmpstr (concord_source_label (CONCORD_SOURCE_CALL_110), ==, "110 call");
  g_assert_cmpstr (concord_stage_label (CONCORD_STAGE_BACK_TO_BACK), ==, "Back-to-back");
  g_assert_cmpstr (concord_gender_label (CONCORD_GENDER_UNKNOWN), ==, "Not given");
  g_assert_cmpstr (concord_team_role_label (CONCORD_TEAM_MEDIATOR), ==, "Mediator");
  g_assert_cmpstr (concord_id_type_label (CONCORD_ID_RESIDENT), ==, "Resident identity card");
  g_assert_cmpstr (concord_mediation_type_label (CONCORD_MEDIATION_POLICE), ==,
                   "Police public-security mediation");
}

static void
test_stage_is_final (void)
{
  static const gboolean final[CONCORD_N_STAGES] = {
    [CONCORD_STAGE_CLOSED] = TRUE,
    [CONCORD_STAGE_NOT_ACCEPTED] = TRUE,
    [CONCORD_STAGE_FAILED] = TRUE,
    [CONCORD_STAGE_WITHDRAWN] = TRUE,
  };

  for (int s = 0; s < CONCORD_N_STAGES; s++)
    {
      g_test_message ("stage %s", concord_stage_to_code (s));
      g_assert_cmpint (concord_stage_is_final (s), ==, final[s]);
    }
}

static void
test_category_defaults (void)
{
  static const char *expected[] = {
    "marriage_family", "neighbour", "housing_homestead", "contract",
    "production_business", "damage", "forest_land", "requisition_demolition",
    "environment", "labour", "consumer", "medical", "road_traffic",
    "property_management", "minor_injury", "other",
  };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const ConcordCategoryDefault *defaults;
  guint n = 0;

  defaults = concord_category_defaults (&n);
  g_assert_nonnull (defaults);
  g_assert_cmpuint (n, ==, 16);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  g_assert_true (concord_category_defaults (NULL) == defaults);

  for (guint i = 0; i < n; i++)
    {
      const char *label;

      g_assert_cmpstr (defaults[i].code, ==, expected[i]);
      g_assert_false (g_hash_table_contains (seen, defaults[i].code));
      g_hash_table_add (seen, (gpointer) defaults[i].code);

      g_assert_nonnull (defaults[i].label);
      g_assert_cmpstr (defaults[i].label, !=, "");
      label = concord_category_builtin_label (defaults[i].code);
      g_assert_cmpstr (label, ==, defaults[i].label);
    }

  g_assert_cmpstr (concord_category_builtin_label ("minor_injury"), ==, "Minor injury / fight");
  g_assert_cmpstr (concord_category_builtin_label ("other"), ==, "Other");
  /* A station's own category has no built-in label. */
  g_assert_null (concord_category_builtin_label ("parking"));
  g_assert_null (concord_category_builtin_label (""));
  g_assert_null (concord_category_builtin_label ("Other"));
}

static void
test_party_ordinal_label (void)
{
  static const char *expected[] = {
    "Party A", "Party B", "Party C", "Party D", "Party E",
    "Party F", "Party G", "Party H", "Party I", "Party J",
    "Party 11", "Party 12",
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *label = concord_party_ordinal_label (i);

      g_assert_cmpstr (label, ==, expected[i]);
    }

  /* Every position has its own label, however many parties there are. */
  for (guint i = 0; i < 200; i++)
    {
      char *label = concord_party_ordinal_label (i);

      g_assert_cmpstr (label, !=, "");
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, label);
    }
  {
    g_autofree char *hundredth = concord_party_ordinal_label (99);

    g_assert_cmpstr (hundredth, ==, "Party 100");
  }
}

static void
test_locale_dir (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("CONCORD_LOCALEDIR"));

  g_setenv ("CONCORD_LOCALEDIR", "/tmp/concord-test-locale", TRUE);
  g_assert_cmpstr (concord_locale_dir (), ==, "/tmp/concord-test-locale");

  g_setenv ("CONCORD_LOCALEDIR", "", TRUE);
  g_assert_cmpstr (concord_locale_dir (), ==, LOCALEDIR);

  g_unsetenv ("CONCORD_LOCALEDIR");
  g_assert_cmpstr (concord_locale_dir (), ==, LOCALEDIR);

  if (saved != NULL)
    g_setenv ("CONCORD_LOCALEDIR", saved, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/codes-round-trip", test_codes_round_trip);
  g_test_add_func ("/types/unknown-codes", test_unknown_codes);
  g_test_add_func ("/types/labels", test_labels);
  g_test_add_func ("/types/stage-is-final", test_stage_is_final);
  g_test_add_func ("/types/category-defaults", test_category_defaults);
  g_test_add_func ("/types/party-ordinal-label", test_party_ordinal_label);
  g_test_add_func ("/types/locale-dir", test_locale_dir);

  return g_test_run ();
}
