/* test-templates.c — agreement templates: the shipped ones carry what the
 * law asks, bad files are refused with the member named, a station's own
 * files replace or add to the shipped ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "concord-core.h"

static char *empty_dir;

static void
assert_strv (GStrv              got,
             const char *const *want)
{
  g_autofree char *got_text = g_strjoinv (" ", got);
  g_autofree char *want_text = g_strjoinv (" ", (char **) want);

  g_assert_cmpstr (got_text, ==, want_text);
}

static void
assert_field (const ConcordTemplate *template,
              const char            *key,
              ConcordFieldKind       kind,
              const char            *source,
              gboolean               required)
{
  const ConcordTemplateField *field = concord_template_find_field (template, key);

  g_test_message ("%s: %s", template->id, key);
  g_assert_nonnull (field);
  g_assert_cmpint (field->kind, ==, kind);
  g_assert_cmpstr (field->source, ==, source);
  g_assert_cmpint (field->required, ==, required);
  g_assert_nonnull (field->label);
  if (kind == CONCORD_FIELD_CLAUSE)
    g_assert_nonnull (field->default_text);
}

static void
test_shipped (void)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  static const char *const ids[] = {
    "lawyer-mediation", "people-mediation", "police-mediation", "settlement"
  };

  concord_template_reload ();
  list = concord_template_list ();
  problems = concord_template_list_problems ();
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < list->len; i++)
    {
      ConcordTemplate *template = g_ptr_array_index (list, i);

      g_assert_cmpstr (template->id, ==, ids[i]);
      g_assert_true (template->builtin);
      g_assert_true (g_str_has_prefix (template->origin, "/io/github/concord/Concord/core/templates/"));
      g_assert_true (concord_template_has_section (template, CONCORD_SECTION_PARTIES));
      g_assert_true (concord_template_has_section (template, CONCORD_SECTION_TERMS));
      g_assert_true (concord_template_has_section (template, CONCORD_SECTION_SIGNATURES));
      g_assert_nonnull (template->basis);
      /* Every template ends with how many copies there are. */
      assert_field (template, "effect", CONCORD_FIELD_CLAUSE, NULL, TRUE);
      g_assert_nonnull (strstr (concord_template_find_field (template, "effect")->default_text,
                                "一式{copies}份"));
    }
}

static void
test_people (void)
{
  g_autoptr(ConcordTemplate) t = concord_template_find ("people-mediation");
  static const char *const checks[] = {
    "parties-particulars", "required-fields", "terms-present", "terms-performance",
    "mediator", "committee", "copies", NULL
  };
  static const char *const signers[] = { "parties", "mediator", "committee-seal", NULL };

  g_assert_nonnull (t);
  g_assert_cmpstr (t->title, ==, "人民调解协议书");
  /* The interface language of the tests is English (LC_ALL=C). */
  g_assert_cmpstr (t->name, ==, "People’s mediation agreement");
  g_assert_cmpuint (t->mediation_types, ==, 1u << CONCORD_MEDIATION_PEOPLE);
  assert_strv (t->checks, checks);
  assert_strv (t->signers, signers);
  g_assert_cmpint (t->extra_copies, ==, 1);
  /* Art. 29: main facts, matters in dispute, each party's responsibility. */
  assert_field (t, "facts", CONCORD_FIELD_TEXT, "case.facts", TRUE);
  assert_field (t, "disputed", CONCORD_FIELD_TEXT, "case.claims", TRUE);
  assert_field (t, "responsibility", CONCORD_FIELD_TEXT, NULL, TRUE);
  assert_field (t, "default", CONCORD_FIELD_CLAUSE, NULL, TRUE);
  assert_field (t, "closing", CONCORD_FIELD_CLAUSE, NULL, TRUE);
  /* Art. 33: judicial confirmation within 30 days, optional. */
  assert_field (t, "confirmation", CONCORD_FIELD_CLAUSE, NULL, FALSE);
  g_assert_nonnull (strstr (concord_template_find_field (t, "confirmation")->default_text, "三十日内"));
  g_assert_cmpstr (concord_template_find_field (t, "facts")->label, ==, "Main facts");
  g_assert_cmpstr (concord_template_find_field (t, "facts")->heading, ==, "纠纷的主要事实：");
  g_assert_null (concord_template_find_field (t, "organ"));
}

static void
test_police (void)
{
  g_autoptr(ConcordTemplate) t = concord_template_find ("police-mediation");
  static const char *const checks[] = {
    "parties-particulars", "organ", "presiding-officer", "incident", "required-fields",
    "terms-present", "terms-performance", "police-screening", "copies", NULL
  };
  static const char *const signers[] = { "parties", "presiding-officer", "organ-seal", NULL };

  g_assert_nonnull (t);
  g_assert_cmpstr (t->title, ==, "治安调解协议书");
  g_assert_cmpuint (t->mediation_types, ==, 1u << CONCORD_MEDIATION_POLICE);
  assert_strv (t->checks, checks);
  assert_strv (t->signers, signers);
  g_assert_cmpint (t->extra_copies, ==, 1);
  /* Art. 184: organ, presiding officer, others present, time, place,
   * cause, course, circumstances, result. */
  assert_field (t, "organ", CONCORD_FIELD_LINE, "station.name", TRUE);
  assert_field (t, "presiding", CONCORD_FIELD_LINE, "team.officer", TRUE);
  assert_field (t, "others", CONCORD_FIELD_TEXT, "case.attendees", FALSE);
  assert_field (t, "occurred-at", CONCORD_FIELD_LINE, "case.occurred-at", TRUE);
  assert_field (t, "place", CONCORD_FIELD_LINE, "case.place", TRUE);
  assert_field (t, "incident-no", CONCORD_FIELD_LINE, "case.incident-no", FALSE);
  assert_field (t, "cause", CONCORD_FIELD_TEXT, NULL, TRUE);
  assert_field (t, "course", CONCORD_FIELD_TEXT, "case.facts", TRUE);
  assert_field (t, "circumstances", CONCORD_FIELD_TEXT, NULL, TRUE);
  assert_field (t, "result", CONCORD_FIELD_TEXT, NULL, TRUE);
  /* Art. 185: performed, no penalty; not performed, the penalty. */
  assert_field (t, "mediation", CONCORD_FIELD_CLAUSE, NULL, TRUE);
  g_assert_nonnull (strstr (concord_template_find_field (t, "mediation")->default_text,
                            "公安机关对违反治安管理行为人不再予以处罚"));
  g_assert_nonnull (strstr (concord_template_find_field (t, "mediation")->default_text,
                            "依法对违反治安管理行为人予以处罚"));
}

static void
test_lawyer_and_settlement (void)
{
  g_autoptr(ConcordTemplate) lawyer = concord_template_find ("lawyer-mediation");
  g_autoptr(ConcordTemplate) settlement = concord_template_find ("settlement");
  static const char *const lawyer_checks[] = {
    "parties-particulars", "required-fields", "terms-present", "terms-performance",
    "mediator", "copies", NULL
  };
  static const char *const lawyer_signers[] = { "parties", "mediator", NULL };
  static const char *const settlement_checks[] = {
    "parties-particulars", "required-fields", "terms-present", "terms-performance", "copies", NULL
  };
  static const char *const settlement_signers[] = { "parties", NULL };

  g_assert_cmpstr (lawyer->title, ==, "调解协议书");
  assert_strv (lawyer->checks, lawyer_checks);
  assert_strv (lawyer->signers, lawyer_signers);
  g_assert_cmpint (lawyer->extra_copies, ==, 1);
  assert_field (lawyer, "organisation", CONCORD_FIELD_LINE, "station.name", TRUE);
  assert_field (lawyer, "responsibility", CONCORD_FIELD_TEXT, NULL, TRUE);

  g_assert_cmpstr (settlement->title, ==, "和解协议书");
  assert_strv (settlement->checks, settlement_checks);
  assert_strv (settlement->signers, settlement_signers);
  g_assert_cmpint (settlement->extra_copies, ==, 0);
  assert_field (settlement, "facts", CONCORD_FIELD_TEXT, "case.facts", TRUE);
  assert_field (settlement, "disputed", CONCORD_FIELD_TEXT, "case.claims", TRUE);
  assert_field (settlement, "default", CONCORD_FIELD_CLAUSE, NULL, TRUE);
  assert_field (settlement, "closing", CONCORD_FIELD_CLAUSE, NULL, TRUE);
  g_assert_null (concord_template_find_field (settlement, "responsibility"));
}

static void
test_default_ids (void)
{
  static const struct { ConcordMediationType type; const char *id; } cases[] = {
    { CONCORD_MEDIATION_PEOPLE, "people-mediation" },
    { CONCORD_MEDIATION_POLICE, "police-mediation" },
    { CONCORD_MEDIATION_LAWYER, "lawyer-mediation" },
    { CONCORD_MEDIATION_SETTLEMENT, "settlement" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ConcordTemplate) t = concord_template_find (concord_template_default_id (cases[i].type));

      g_assert_cmpstr (concord_template_default_id (cases[i].type), ==, cases[i].id);
      g_assert_nonnull (t);
      /* The default template serves its type. */
      g_assert_true (t->mediation_types & (1u << cases[i].type));
    }
  g_assert_null (concord_template_find ("no-such-template"));
  g_assert_null (concord_template_find (NULL));
}

#define GOOD_HEAD "{\"id\": \"t\", \"name\": \"T\", \"title\": \"协议书\", \"mediation_types\": [\"people\"], "
#define GOOD_SECTIONS \
  "\"sections\": [{\"id\": \"p\", \"kind\": \"parties\", \"label\": \"Parties\"}, " \
  "{\"id\": \"f\", \"kind\": \"fields\", \"label\": \"F\", \"fields\": [" \
  "{\"key\": \"facts\", \"kind\": \"text\", \"label\": {\"en\": \"Facts\", \"zh_CN\": \"事实\"}}]}, " \
  "{\"id\": \"t\", \"kind\": \"terms\", \"label\": \"Terms\"}]"
#define GOOD_TAIL ", \"checks\": [\"terms-present\"], \"signers\": [\"parties\"]}"

static void
test_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordTemplate) t = concord_template_parse (GOOD_HEAD GOOD_SECTIONS GOOD_TAIL, -1,
                                                         "mine.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  g_assert_cmpstr (t->id, ==, "t");
  g_assert_cmpstr (t->origin, ==, "mine.json");
  g_assert_cmpint (t->extra_copies, ==, 0);
  g_assert_null (t->basis);
  g_assert_cmpuint (t->sections->len, ==, 3);
  g_assert_false (concord_template_has_section (t, CONCORD_SECTION_SIGNATURES));
  g_assert_cmpstr (concord_template_find_field (t, "facts")->label, ==, "Facts");
  g_assert_false (concord_template_find_field (t, "facts")->required);
}

static void
test_bad (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "[1, 2]", "bad.json: /: a template is a JSON object" },
    { "{\"id\": ", NULL },
    { GOOD_HEAD "\"sections\": [{\"id\": \"f\", \"kind\": \"fields\", \"label\": \"F\", \"fields\": ["
      "{\"kind\": \"text\", \"label\": \"Facts\"}]}]" GOOD_TAIL,
      "bad.json: sections[0].fields[0]: “key” is missing" },
    { GOOD_HEAD "\"sections\": [{\"id\": \"p\", \"kind\": \"parties\", \"label\": \"P\"}, "
      "{\"id\": \"t\", \"kind\": \"terms\", \"label\": \"T\"}, "
      "{\"id\": \"f\", \"kind\": \"fields\", \"label\": \"F\", \"fields\": ["
      "{\"key\": \"a\", \"kind\": \"text\", \"label\": \"A\"}, "
      "{\"key\": \"b\", \"kind\": \"paragraph\", \"label\": \"B\"}]}]" GOOD_TAIL,
      "bad.json: sections[2].fields[1].kind: unknown field kind “paragraph” (known: “text”, “line”, “clause”)" },
    { GOOD_HEAD "\"sections\": [{\"id\": \"p\", \"kind\": \"table\", \"label\": \"P\"}]" GOOD_TAIL,
      "bad.json: sections[0].kind: unknown section kind “table” (known: “fields”, “parties”, “terms”, “signatures”)" },
    { GOOD_HEAD "\"sections\": [{\"id\": \"f\", \"kind\": \"fields\", \"label\": \"F\", \"fields\": ["
      "{\"key\": \"a\", \"kind\": \"text\", \"label\": \"A\", \"source\": \"case.weather\"}]}]" GOOD_TAIL,
      "bad.json: sections[0].fields[0].source: unknown source “case.weather”" },
    { GOOD_HEAD GOOD_SECTIONS ", \"checks\": [\"terms-present\", \"signatures-present\"], \"signers\": [\"parties\"]}",
      "bad.json: checks[1]: unknown check rule “signatures-present”" },
    { GOOD_HEAD GOOD_SECTIONS ", \"checks\": [], \"signers\": [\"parties\", \"notary\"]}",
      "bad.json: signers[1]: unknown signer “notary”" },
    { GOOD_HEAD GOOD_SECTIONS ", \"checks\": [\"copies\", \"copies\"], \"signers\": []}",
      "bad.json: checks[1]: “copies” is listed twice" },
    { "{\"id\": \"t\", \"name\": \"T\", \"title\": \"协议书\", \"mediation_types\": [\"court\"], "
      GOOD_SECTIONS GOOD_TAIL,
      "bad.json: mediation_types[0]: unknown type of mediation “court” (known: “people”, “police”, “lawyer”, “settlement”)" },
    { "{\"id\": \"t\", \"name\": \"T\", \"mediation_types\": [\"people\"], " GOOD_SECTIONS GOOD_TAIL,
      "bad.json: /: “title” is missing" },
    { "{\"id\": \"t\", \"name\": \"T\", \"title\": 5, \"mediation_types\": [\"people\"], " GOOD_SECTIONS GOOD_TAIL,
      "bad.json: title: must be a string" },
    { GOOD_HEAD GOOD_SECTIONS ", \"checks\": [], \"signers\": [], \"requierd\": true}",
      "bad.json: requierd: unknown member “requierd”" },
    { GOOD_HEAD GOOD_SECTIONS ", \"checks\": [], \"signers\": [], \"extra_copies\": -1}",
      "bad.json: extra_copies: must be a whole number from 0 to 10" },
    { GOOD_HEAD "\"sections\": [{\"id\": \"f\", \"kind\": \"fields\", \"label\": \"F\", \"fields\": ["
      "{\"key\": \"a\", \"kind\": \"clause\", \"label\": \"A\"}]}]" GOOD_TAIL,
      "bad.json: sections[0].fields[0]: a clause needs its standard text in “default”" },
    { GOOD_HEAD "\"sections\": [{\"id\": \"f\", \"kind\": \"fields\", \"label\": \"F\", \"fields\": ["
      "{\"key\": \"a\", \"kind\": \"text\", \"label\": \"A\"}, {\"key\": \"a\", \"kind\": \"line\", \"label\": \"B\"}]}]"
      GOOD_TAIL,
      "bad.json: sections[0].fields[1].key: the key “a” is used twice" },
    { GOOD_HEAD "\"sections\": [{\"id\": \"f\", \"kind\": \"fields\", \"label\": \"F\", \"fields\": ["
      "{\"key\": \"a\", \"kind\": \"text\", \"label\": {\"en\": 3}}]}]" GOOD_TAIL,
      "bad.json: sections[0].fields[0].label.en: must be a string" },
    { GOOD_HEAD "\"sections\": [{\"id\": \"f\", \"kind\": \"fields\", \"label\": \"F\", \"fields\": ["
      "{\"key\": \"a\", \"kind\": \"text\", \"label\": \"A\", \"required\": \"yes\"}]}]" GOOD_TAIL,
      "bad.json: sections[0].fields[0].required: must be true or false" },
    { GOOD_HEAD "\"sections\": [{\"id\": \"f\", \"kind\": \"fields\", \"label\": \"F\"}]" GOOD_TAIL,
      "bad.json: sections[0]: a section of kind “fields” needs its “fields”" },
    /* "terms-present" without a terms section */
    { GOOD_HEAD "\"sections\": [{\"id\": \"p\", \"kind\": \"parties\", \"label\": \"P\"}]" GOOD_TAIL,
      "bad.json: checks[0]: the rule “terms-present” needs a section of kind “terms”" },
    { GOOD_HEAD "\"sections\": [{\"id\": \"p\", \"kind\": \"parties\", \"label\": \"P\"}, "
      "{\"id\": \"p2\", \"kind\": \"parties\", \"label\": \"P\"}, {\"id\": \"t\", \"kind\": \"terms\", \"label\": \"T\"}]"
      GOOD_TAIL,
      "bad.json: sections: more than one section of kind “parties”" },
    { "{\"format\": 2, \"id\": \"t\"}", "bad.json: format: this version of Concord reads templates of format 1 only" },
    { "{\"id\": \"Bad id\", \"name\": \"T\", \"title\": \"协议书\", \"mediation_types\": [\"people\"], "
      GOOD_SECTIONS GOOD_TAIL,
      "bad.json: id: must be letters, digits, “-” or “_”, starting with a letter" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConcordTemplate) t = NULL;

      g_test_message ("%u: %s", i, cases[i].json);
      t = concord_template_parse (cases[i].json, -1, "bad.json", &error);
      g_assert_null (t);
      g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      else
        g_assert_true (g_str_has_prefix (error->message, "bad.json: not a JSON file: "));
    }
}

static void
test_comments_allowed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordTemplate) t = NULL;

  /* Members starting with "_" are comments, wherever they are. */
  t = concord_template_parse ("{\"_comment\": \"our own\", \"id\": \"t\", \"name\": \"T\", \"title\": \"协议书\", "
                              "\"mediation_types\": [\"people\"], \"sections\": [{\"_why\": \"ours\", \"id\": \"p\", "
                              "\"kind\": \"parties\", \"label\": \"P\"}, {\"id\": \"t\", \"kind\": \"terms\", "
                              "\"label\": \"T\"}]" GOOD_TAIL,
                              -1, "c.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (t);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_station_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("concord-templates-XXXXXX", &error);
  g_autoptr(ConcordTemplate) shipped = concord_template_find ("people-mediation");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *broken_path = NULL;
  g_autofree char *twin_path = NULL;
  const char *people_path = "/io/github/concord/Concord/core/templates/people-mediation.json";
  GString *text;

  g_assert_no_error (error);
  g_assert_true (shipped->builtin);

  /* The station's people's mediation form: the shipped one with its own
   * title. */
  bytes = g_resources_lookup_data (people_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (text, "\"title\": \"人民调解协议书\"",
                                      "\"title\": \"东城街道人民调解协议书\"", 1), ==, 1);
  replaced = g_string_free (text, FALSE);
  write_file (dir, "people.json", replaced);
  write_file (dir, "custom.json",
              "{\"id\": \"custom\", \"name\": \"Ours\", \"title\": \"调解协议书\", \"mediation_types\": [\"people\"], "
              GOOD_SECTIONS GOOD_TAIL);
  write_file (dir, "broken.json", "{\"id\": \"broken\", \"name\": \"B\"");
  write_file (dir, "twin.json",
              "{\"id\": \"custom\", \"name\": \"Twin\", \"title\": \"调解协议书\", \"mediation_types\": [\"people\"], "
              GOOD_SECTIONS GOOD_TAIL);
  write_file (dir, "notes.txt", "not a template");

  g_setenv ("CONCORD_TEMPLATE_DIR", dir, TRUE);
  concord_template_reload ();
  {
    g_autoptr(GPtrArray) list = concord_template_list ();
    g_autoptr(GPtrArray) problems = concord_template_list_problems ();
    g_autoptr(ConcordTemplate) people = concord_template_find ("people-mediation");
    g_autoptr(ConcordTemplate) custom = concord_template_find ("custom");
    g_autofree char *people_file = g_build_filename (dir, "people.json", NULL);

    g_assert_cmpuint (list->len, ==, 5);
    g_assert_cmpstr (((ConcordTemplate *) g_ptr_array_index (list, 0))->id, ==, "custom");
    g_assert_cmpstr (((ConcordTemplate *) g_ptr_array_index (list, 2))->id, ==, "people-mediation");
    g_assert_false (people->builtin);
    g_assert_cmpstr (people->title, ==, "东城街道人民调解协议书");
    g_assert_cmpstr (people->origin, ==, people_file);
    g_assert_false (custom->builtin);
    g_assert_cmpstr (custom->name, ==, "Ours");

    broken_path = g_build_filename (dir, "broken.json", NULL);
    twin_path = g_build_filename (dir, "twin.json", NULL);
    g_assert_cmpuint (problems->len, ==, 2);
    g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), broken_path));
    g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "not a JSON file"));
    g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 1), twin_path));
    g_assert_nonnull (strstr (g_ptr_array_index (problems, 1), "“custom” is already used by"));
    /* The shipped one still in hand is untouched. */
    g_assert_cmpstr (shipped->title, ==, "人民调解协议书");
  }

  /* Without the station's files, the shipped ones come back. */
  g_setenv ("CONCORD_TEMPLATE_DIR", empty_dir, TRUE);
  concord_template_reload ();
  {
    g_autoptr(ConcordTemplate) people = concord_template_find ("people-mediation");
    g_autoptr(GPtrArray) problems = concord_template_list_problems ();

    g_assert_true (people->builtin);
    g_assert_cmpstr (people->title, ==, "人民调解协议书");
    g_assert_null (concord_template_find ("custom"));
    g_assert_cmpuint (problems->len, ==, 0);
  }

  {
    const char *names[] = { "people.json", "custom.json", "broken.json", "twin.json", "notes.txt" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (dir, names[i], NULL);

        g_assert_cmpint (g_remove (path), ==, 0);
      }
    g_assert_cmpint (g_rmdir (dir), ==, 0);
  }
}

static void
test_languages (void)
{
  g_autoptr(ConcordTemplate) cn = NULL;
  g_autoptr(ConcordTemplate) tw = NULL;
  g_autoptr(ConcordTemplate) hk = NULL;
  g_autoptr(ConcordTemplate) fr = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/concord/Concord/core/templates/people-mediation.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  const char *data = g_bytes_get_data (bytes, NULL);
  gssize size = (gssize) g_bytes_get_size (bytes);

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  cn = concord_template_parse (data, size, "p.json", NULL);
  g_setenv ("LANGUAGE", "zh_TW", TRUE);
  tw = concord_template_parse (data, size, "p.json", NULL);
  g_setenv ("LANGUAGE", "zh_HK", TRUE);
  hk = concord_template_parse (data, size, "p.json", NULL);
  g_setenv ("LANGUAGE", "fr_FR", TRUE);
  fr = concord_template_parse (data, size, "p.json", NULL);
  g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (cn->name, ==, "人民调解协议书");
  g_assert_cmpstr (concord_template_find_field (cn, "facts")->label, ==, "纠纷主要事实");
  g_assert_cmpstr (tw->name, ==, "人民調解協議書");
  g_assert_cmpstr (concord_template_find_field (tw, "facts")->label, ==, "糾紛主要事實");
  g_assert_cmpstr (hk->name, ==, "人民調解協議書");
  g_assert_cmpstr (fr->name, ==, "People’s mediation agreement");
  /* Document words do not change with the language. */
  g_assert_cmpstr (tw->title, ==, "人民调解协议书");
  g_assert_cmpstr (concord_template_find_field (tw, "facts")->heading, ==, "纠纷的主要事实：");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* No station templates of the person running the tests. */
  empty_dir = g_dir_make_tmp ("concord-no-templates-XXXXXX", NULL);
  g_setenv ("CONCORD_TEMPLATE_DIR", empty_dir, TRUE);
  g_unsetenv ("LANGUAGE");

  g_test_add_func ("/templates/shipped", test_shipped);
  g_test_add_func ("/templates/people", test_people);
  g_test_add_func ("/templates/police", test_police);
  g_test_add_func ("/templates/lawyer-and-settlement", test_lawyer_and_settlement);
  g_test_add_func ("/templates/default-ids", test_default_ids);
  g_test_add_func ("/templates/minimal", test_minimal);
  g_test_add_func ("/templates/bad", test_bad);
  g_test_add_func ("/templates/comments", test_comments_allowed);
  g_test_add_func ("/templates/station-dir", test_station_dir);
  g_test_add_func ("/templates/languages", test_languages);
  status = g_test_run ();
  g_rmdir (empty_dir);
  g_free (empty_dir);
  return status;
}
