/* test-intake-form.c — what the intake form shows, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-intake-form"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "concord-core.h"
#include "test-ids.h"
#include "concord-intake-form.h"

/* The same number with a wrong check character; @right gets the right one. */
static char *
make_bad_resident_id (const char *body,
                      char       *right)
{
  g_autofree char *good = fixture_resident_id (body);
  char last = good[17];

  *right = last;
  good[17] = last == '0' ? '1' : '0';
  return g_strdup (good);
}

static ConcordCase *
new_draft (const char *name,
           const char *facts)
{
  ConcordCase *c = concord_case_new ();
  ConcordParty *party = concord_party_new ();

  concord_set_text (&party->name, name);
  g_ptr_array_add (c->parties, party);
  concord_set_text (&c->facts, facts);
  return c;
}

static ConcordIntakeFormState *
compute (ConcordCase *draft,
         const char  *occurred_at_text)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");

  concord_intake_form_normalize (draft, occurred_at_text, tz);
  return concord_intake_form_compute (draft, occurred_at_text, tz);
}

static void
assert_fields (const ConcordIntakeFormState *state,
               const char * const           *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < state->fields->len && i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (state->fields, i), ==, expected[i]);
  g_assert_cmpuint (state->fields->len, ==, n);
  g_assert_cmpuint (g_hash_table_size (state->messages), ==, n);
}

static void
test_empty (void)
{
  g_autoptr(ConcordCase) draft = new_draft (NULL, NULL);
  g_autoptr(ConcordIntakeFormState) state = compute (draft, NULL);
  const char * const fields[] = { "party/0/name", "facts", NULL };

  /* Save waits for a name and a sentence, and says so. */
  g_assert_false (state->can_save);
  g_assert_cmpstr (state->missing, ==, "Enter a party's name and the facts to register the case.");
  assert_fields (state, fields);
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "party/0/name"), ==,
                   "Enter the name of at least one party");
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "facts"), ==,
                   "Describe the dispute in at least one sentence");
  g_assert_cmpuint (state->conflicts->len, ==, 0);
  g_assert_cmpuint (state->offers->len, ==, 0);
}

static void
test_no_parties (void)
{
  g_autoptr(ConcordCase) draft = concord_case_new ();
  g_autoptr(ConcordIntakeFormState) state = NULL;
  const char * const fields[] = { "party/0/name", NULL };

  concord_set_text (&draft->facts, "邻居楼上漏水");
  state = compute (draft, "");
  g_assert_false (state->can_save);
  g_assert_cmpstr (state->missing, ==, "Enter a party's name to register the case.");
  assert_fields (state, fields);
}

static void
test_missing_facts (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("吴某", "   ");
  g_autoptr(ConcordIntakeFormState) state = compute (draft, NULL);
  const char * const fields[] = { "facts", NULL };

  g_assert_false (state->can_save);
  g_assert_cmpstr (state->missing, ==, "Describe the dispute in a sentence to register the case.");
  assert_fields (state, fields);
}

static void
test_quick (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("吴某", "租户用电不慎引发火灾，烧毁房东和楼上邻居的房屋。");
  g_autoptr(ConcordIntakeFormState) state = compute (draft, NULL);
  const char * const fields[] = { NULL };

  g_assert_true (state->can_save);
  g_assert_null (state->missing);
  assert_fields (state, fields);
  g_assert_cmpuint (state->offers->len, ==, 0);
}

static void
test_bad_id (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("吴某", "火灾");
  ConcordParty *party = g_ptr_array_index (draft->parties, 0);
  g_autoptr(ConcordIntakeFormState) state = NULL;
  g_autofree char *expected = NULL;
  const char * const fields[] = { "party/0/id_number", NULL };
  char right;

  party->id_number = make_bad_resident_id ("11010119990307123", &right);
  state = compute (draft, NULL);

  /* A wrong field does not disable Save: pressing it shows the field. */
  g_assert_true (state->can_save);
  assert_fields (state, fields);
  expected = g_strdup ("This ID number does not add up: a digit is wrong or two are swapped. Check every digit against the card.");
  (void) right;
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "party/0/id_number"), ==, expected);
  /* No offer from a number that is wrong. */
  g_assert_null (concord_intake_form_state_get_offer (state, "party/0"));
}

static void
test_short_id (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("吴某", "火灾");
  ConcordParty *party = g_ptr_array_index (draft->parties, 0);
  g_autoptr(ConcordIntakeFormState) state = NULL;

  concord_set_text (&party->id_number, "1101011999");
  state = compute (draft, NULL);
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "party/0/id_number"), ==,
                   "An ID number has 18 characters; this one has 10");
}

static void
test_id_offer (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("吴某", "火灾");
  ConcordParty *party = g_ptr_array_index (draft->parties, 0);
  g_autoptr(ConcordIntakeFormState) state = NULL;
  const ConcordIdOffer *offer;
  const char * const no_fields[] = { NULL };

  /* 17th digit 3: odd, a man. */
  party->id_number = fixture_resident_id ("11010119990307123");
  state = compute (draft, NULL);
  assert_fields (state, no_fields);
  offer = concord_intake_form_state_get_offer (state, "party/0");
  g_assert_nonnull (offer);
  g_assert_cmpuint (state->offers->len, ==, 1);
  g_assert_cmpstr (offer->birth_date, ==, "1999-03-07");
  g_assert_cmpint (offer->gender, ==, CONCORD_GENDER_MALE);
  g_assert_true (offer->fill_birth_date);
  g_assert_true (offer->fill_gender);
  g_assert_cmpstr (offer->question, ==, "Fill in birth date 1999-03-07 and gender male from the ID number?");
  g_assert_cmpstr (offer->button_label, ==, "Fill in from ID: 1999-03-07, male");

  /* The birth date is there (typed another way): only the gender is left. */
  g_clear_pointer (&state, concord_intake_form_state_free);
  concord_set_text (&party->birth_date, "1999/3/7");
  state = compute (draft, NULL);
  offer = concord_intake_form_state_get_offer (state, "party/0");
  g_assert_nonnull (offer);
  g_assert_false (offer->fill_birth_date);
  g_assert_true (offer->fill_gender);
  g_assert_cmpstr (offer->question, ==, "Fill in gender male from the ID number?");
  g_assert_cmpstr (offer->button_label, ==, "Fill in from ID: male");

  /* All filled in: nothing to offer. */
  g_clear_pointer (&state, concord_intake_form_state_free);
  party->gender = CONCORD_GENDER_MALE;
  state = compute (draft, NULL);
  g_assert_null (concord_intake_form_state_get_offer (state, "party/0"));
  assert_fields (state, no_fields);

  /* A different birth date and gender: the offer, and the mismatch said
   * at the fields. */
  g_clear_pointer (&state, concord_intake_form_state_free);
  concord_set_text (&party->birth_date, "1998-03-07");
  party->gender = CONCORD_GENDER_FEMALE;
  state = compute (draft, NULL);
  offer = concord_intake_form_state_get_offer (state, "party/0");
  g_assert_nonnull (offer);
  g_assert_cmpstr (offer->question, ==, "Fill in birth date 1999-03-07 and gender male from the ID number?");
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "party/0/birth_date"), ==,
                   "This does not match the ID number, which gives 1999-03-07");
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "party/0/gender"), ==,
                   "This does not match the ID number, which is a man's");
  {
    const char * const fields[] = { "party/0/gender", "party/0/birth_date", NULL };

    assert_fields (state, fields);
  }
}

static void
test_agent_offer (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("小张", "打架");
  ConcordParty *party = g_ptr_array_index (draft->parties, 0);
  g_autoptr(ConcordIntakeFormState) state = NULL;
  const ConcordIdOffer *offer;

  party->agent_kind = CONCORD_AGENT_GUARDIAN;
  party->agent = concord_party_new ();
  concord_set_text (&party->agent->name, "张父");
  /* 17th digit 4: even, a woman. */
  party->agent->id_number = fixture_resident_id ("37020219750612104");
  state = compute (draft, NULL);
  g_assert_null (concord_intake_form_state_get_offer (state, "party/0"));
  offer = concord_intake_form_state_get_offer (state, "party/0/agent");
  g_assert_nonnull (offer);
  g_assert_cmpstr (offer->question, ==, "Fill in birth date 1975-06-12 and gender female from the ID number?");
  g_assert_cmpstr (offer->button_label, ==, "Fill in from ID: 1975-06-12, female");

  /* An agent with particulars but no name. */
  g_clear_pointer (&state, concord_intake_form_state_free);
  concord_set_text (&party->agent->name, NULL);
  state = compute (draft, NULL);
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "party/0/agent/name"), ==,
                   "Enter the agent's name, or choose “No agent”");
}

static void
test_bad_phone (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("吴某", "火灾");
  ConcordParty *party = g_ptr_array_index (draft->parties, 0);
  ConcordTeamMember *member = concord_team_member_new ();
  g_autoptr(ConcordIntakeFormState) state = NULL;
  const char * const fields[] = { "party/0/phone", "team/0/phone", NULL };

  concord_set_text (&party->phone, "138 0013 800");
  concord_set_text (&member->name, "王警官");
  member->role = CONCORD_TEAM_OFFICER;
  concord_set_text (&member->phone, "12345");
  g_ptr_array_add (draft->team, member);

  state = compute (draft, NULL);
  g_assert_true (state->can_save);
  assert_fields (state, fields);
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "party/0/phone"), ==,
                   "A mobile number has 11 digits starting with 1; this one has 10");
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "team/0/phone"), ==,
                   "Service numbers such as 12345 or 110 cannot be used as a phone number");
}

static void
test_bad_dates (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("吴某", "火灾");
  ConcordParty *party = g_ptr_array_index (draft->parties, 0);
  g_autoptr(ConcordIntakeFormState) state = NULL;
  const char * const fields[] = { "occurred_at", "party/0/birth_date", NULL };

  concord_set_text (&party->birth_date, "1999-02-30");
  state = compute (draft, "2026-11-23 25:30");
  assert_fields (state, fields);
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "party/0/birth_date"), ==,
                   "This date does not exist");
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "occurred_at"), ==,
                   "This time does not exist");

  g_clear_pointer (&state, concord_intake_form_state_free);
  state = compute (draft, "yesterday");
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "occurred_at"), ==,
                   "Enter the date as 2026-11-23");

  /* A good time clears it and is stored as UTC. */
  g_clear_pointer (&state, concord_intake_form_state_free);
  concord_set_text (&party->birth_date, "1999年3月7日");
  state = compute (draft, "2026-11-23 14:30");
  {
    const char * const none[] = { NULL };

    assert_fields (state, none);
  }
  g_assert_cmpstr (draft->occurred_at, ==, "2026-11-23T06:30:00Z");
  g_assert_cmpstr (party->birth_date, ==, "1999-03-07");
}

static void
test_unnamed_party (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("吴某", "火灾");
  ConcordParty *second = concord_party_new ();
  g_autoptr(ConcordIntakeFormState) state = NULL;
  const char * const fields[] = { "party/1/name", NULL };

  concord_set_text (&second->phone, "13800138000");
  g_ptr_array_add (draft->parties, second);
  state = compute (draft, NULL);
  g_assert_true (state->can_save);
  assert_fields (state, fields);
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "party/1/name"), ==,
                   "Enter the party's name");
}

static void
test_conflicts (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("张伟", "楼上漏水");
  ConcordParty *second = concord_party_new ();
  ConcordTeamMember *mediator = concord_team_member_new ();
  ConcordTeamMember *lawyer = concord_team_member_new ();
  g_autoptr(ConcordIntakeFormState) state = NULL;
  const char * const no_fields[] = { NULL };

  concord_set_text (&second->name, "李某");
  concord_set_text (&second->phone, "13912345678");
  g_ptr_array_add (draft->parties, second);

  concord_set_text (&mediator->name, "张 伟");
  mediator->role = CONCORD_TEAM_MEDIATOR;
  g_ptr_array_add (draft->team, mediator);
  concord_set_text (&lawyer->name, "赵律师");
  concord_set_text (&lawyer->phone, "139-1234-5678");
  lawyer->role = CONCORD_TEAM_LAWYER;
  g_ptr_array_add (draft->team, lawyer);

  state = compute (draft, NULL);
  /* A warning, never a block. */
  g_assert_true (state->can_save);
  assert_fields (state, no_fields);
  g_assert_cmpuint (state->conflicts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (state->conflicts, 0), ==,
                   "张 伟 (Mediator) has the same name as party 张伟");
  g_assert_cmpstr (g_ptr_array_index (state->conflicts, 1), ==,
                   "赵律师 (Lawyer) has the same phone number as party 李某");
}

static void
test_order (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("吴某", NULL);
  ConcordParty *second = concord_party_new ();
  ConcordTeamMember *member = concord_team_member_new ();
  g_autoptr(ConcordIntakeFormState) state = NULL;
  const char * const fields[] = {
    "facts", "occurred_at", "party/1/phone", "team/0/phone", NULL
  };

  concord_set_text (&second->name, "李某");
  concord_set_text (&second->phone, "123");
  g_ptr_array_add (draft->parties, second);
  concord_set_text (&member->name, "王");
  concord_set_text (&member->phone, "456");
  g_ptr_array_add (draft->team, member);

  /* In the order of the page, whatever the order they were found in. */
  state = compute (draft, "2026-02-30 10:00");
  assert_fields (state, fields);
}

/* Police procedure rules art. 179: a ticked exclusion is said at the
 * checklist, in the page's order (after the type of mediation, before the
 * parties), even while no party has a name yet. */
static void
test_police_exclusions (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("甲某", "夜市两伙人结伙斗殴。");
  g_autoptr(ConcordCase) unnamed = new_draft (NULL, "夜市两伙人结伙斗殴。");
  g_autoptr(ConcordIntakeFormState) state = NULL;
  const char * const police_fields[] = { "police_exclusions", NULL };
  const char * const ordered[] = { "party/0/name", "police_exclusions", NULL };
  const char * const none[] = { NULL };
  const char *message;

  draft->mediation_type = CONCORD_MEDIATION_POLICE;
  draft->police_exclusions = CONCORD_EXCLUSION_GANG_FIGHT;
  state = compute (draft, NULL);
  assert_fields (state, police_fields);
  message = concord_intake_form_state_get_message (state, "police_exclusions");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, concord_police_exclusion_label (CONCORD_EXCLUSION_GANG_FIGHT)));
  /* Save can be pressed; it is refused with the message. */
  g_assert_true (state->can_save);
  g_clear_pointer (&state, concord_intake_form_state_free);

  unnamed->mediation_type = CONCORD_MEDIATION_POLICE;
  unnamed->police_exclusions = CONCORD_EXCLUSION_HIRED_HARM | CONCORD_EXCLUSION_FLED;
  state = compute (unnamed, NULL);
  assert_fields (state, ordered);
  g_clear_pointer (&state, concord_intake_form_state_free);

  /* People's mediation: the same ticks stop nothing. */
  draft->mediation_type = CONCORD_MEDIATION_PEOPLE;
  state = compute (draft, NULL);
  assert_fields (state, none);
  g_clear_pointer (&state, concord_intake_form_state_free);

  /* Nothing ticked, gone through: police mediation is fine. */
  draft->mediation_type = CONCORD_MEDIATION_POLICE;
  draft->police_exclusions = 0;
  draft->police_screened = TRUE;
  state = compute (draft, NULL);
  assert_fields (state, none);
}

static void
test_store_message (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("吴某", "火灾");
  g_autoptr(ConcordIntakeFormState) state = compute (draft, NULL);
  const char * const fields[] = { "case", NULL };

  concord_intake_form_state_add_message (state, "case", "The category is no longer in use");
  assert_fields (state, fields);
  /* The first message for a field stays. */
  concord_intake_form_state_add_message (state, "case", "Something else");
  g_assert_cmpstr (concord_intake_form_state_get_message (state, "case"), ==,
                   "The category is no longer in use");
}

static void
test_normalize (void)
{
  g_autoptr(ConcordCase) draft = new_draft ("吴某", "火灾");
  ConcordParty *party = g_ptr_array_index (draft->parties, 0);
  ConcordTeamMember *member = concord_team_member_new ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");

  concord_set_text (&party->phone, "138 0013 8000");
  concord_set_text (&party->birth_date, "1999.03.07");
  concord_set_text (&party->id_number, "11010119990307123x");
  concord_set_text (&member->name, "王警官");
  concord_set_text (&member->phone, "0532 8888 6666");
  g_ptr_array_add (draft->team, member);

  concord_intake_form_normalize (draft, "  ", tz);
  g_assert_null (draft->occurred_at);
  g_assert_cmpstr (party->phone, ==, "13800138000");
  g_assert_cmpstr (party->birth_date, ==, "1999-03-07");
  g_assert_cmpstr (party->id_number, ==, "11010119990307123X");
  g_assert_cmpstr (member->phone, ==, "0532-88886666");

  /* What does not parse is left for the form and the store to refuse. */
  concord_set_text (&party->birth_date, "someday");
  concord_intake_form_normalize (draft, "2026-11-23 14:30", tz);
  g_assert_cmpstr (party->birth_date, ==, "someday");
  g_assert_cmpstr (draft->occurred_at, ==, "2026-11-23T06:30:00Z");
}

static void
test_split_field (void)
{
  struct {
    const char *field;
    const char *group;
    int         index;
    const char *rest;
  } cases[] = {
    { "facts", "facts", -1, NULL },
    { "party/0/name", "party", 0, "name" },
    { "party/12/agent/phone", "party", 12, "agent/phone" },
    { "team/2/phone", "team", 2, "phone" },
    { "party/x/name", "party", -1, "x/name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *group = NULL;
      g_autofree char *rest = NULL;
      int index;

      g_assert_true (concord_intake_form_split_field (cases[i].field, &group, &index, &rest));
      g_assert_cmpstr (group, ==, cases[i].group);
      g_assert_cmpint (index, ==, cases[i].index);
      g_assert_cmpstr (rest, ==, cases[i].rest);
    }

  {
    g_autofree char *group = NULL;
    g_autofree char *rest = NULL;
    int index;

    g_assert_false (concord_intake_form_split_field ("", &group, &index, &rest));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* The form must not need a display: nothing here initialises GTK. */
  g_setenv ("CONCORD_NOW", "2026-11-23T08:00:00Z", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/intake-form/empty", test_empty);
  g_test_add_func ("/intake-form/no-parties", test_no_parties);
  g_test_add_func ("/intake-form/missing-facts", test_missing_facts);
  g_test_add_func ("/intake-form/quick", test_quick);
  g_test_add_func ("/intake-form/bad-id", test_bad_id);
  g_test_add_func ("/intake-form/short-id", test_short_id);
  g_test_add_func ("/intake-form/id-offer", test_id_offer);
  g_test_add_func ("/intake-form/agent-offer", test_agent_offer);
  g_test_add_func ("/intake-form/bad-phone", test_bad_phone);
  g_test_add_func ("/intake-form/bad-dates", test_bad_dates);
  g_test_add_func ("/intake-form/unnamed-party", test_unnamed_party);
  g_test_add_func ("/intake-form/conflicts", test_conflicts);
  g_test_add_func ("/intake-form/order", test_order);
  g_test_add_func ("/intake-form/police-exclusions", test_police_exclusions);
  g_test_add_func ("/intake-form/store-message", test_store_message);
  g_test_add_func ("/intake-form/normalize", test_normalize);
  g_test_add_func ("/intake-form/split-field", test_split_field);

  return g_test_run ();
}
