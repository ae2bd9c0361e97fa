/* test-fixtures.h — what the core tests share: temporary databases and
 * the parties of the fire case (scenario 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>

#include "concord-core.h"
#include "test-ids.h"

typedef struct
{
  char         *dir;
  char         *path;
  ConcordStore *store;
} Fixture;

static inline void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("concord-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "concord.db", NULL);
  f->store = concord_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static inline void
fixture_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        fixture_remove_dir (child);
      else
        g_remove (child);
    }
  g_rmdir (dir);
}

static inline void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->store);
  fixture_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static inline ConcordParty *
fixture_party (ConcordPartyRole role,
               const char      *name,
               ConcordGender    gender,
               const char      *first17,
               const char      *birth_date,
               const char      *phone,
               const char      *claims)
{
  ConcordParty *party = concord_party_new ();

  party->role = role;
  party->name = g_strdup (name);
  party->gender = gender;
  party->ethnicity = g_strdup ("汉族");
  party->birth_date = g_strdup (birth_date);
  party->id_type = CONCORD_ID_RESIDENT;
  party->id_number = fixture_resident_id (first17);
  party->phone = g_strdup (phone);
  party->claims = g_strdup (claims);
  return party;
}

/* Scenario 1: a tenant's fire damaged the landlord's flat and the flat of
 * the neighbour upstairs, who asks 130,000 yuan. */
static inline ConcordCase *
fixture_fire_case (void)
{
  ConcordCase *c = concord_case_new ();
  ConcordTeamMember *officer = concord_team_member_new ();
  ConcordTeamMember *lawyer = concord_team_member_new ();
  ConcordTeamMember *mediator = concord_team_member_new ();
  ConcordParty *wu;

  c->source = CONCORD_SOURCE_CALL_110;
  c->incident_no = g_strdup ("J3702032026110500123");
  c->occurred_at = g_strdup ("2026-11-05T12:30:00Z");
  c->place = g_strdup ("幸福路8号3单元");
  c->category = g_strdup ("damage");
  c->mediation_type = CONCORD_MEDIATION_PEOPLE;
  c->facts = g_strdup ("租户吴某用电不慎引发火灾，烧毁房东李某的房屋并熏黑楼上邻居张某的房屋，张某报警要求赔偿。");

  g_ptr_array_add (c->parties,
                   fixture_party (CONCORD_ROLE_APPLICANT, "张某", CONCORD_GENDER_MALE,
                                  "37020219680412001", "1968-04-12", "13805320001",
                                  "要求吴某赔偿房屋损失人民币130000元"));
  g_ptr_array_add (c->parties,
                   fixture_party (CONCORD_ROLE_APPLICANT, "李某", CONCORD_GENDER_FEMALE,
                                  "37020319750923002", "1975-09-23", "13905320002",
                                  "要求吴某赔偿房屋修复费用"));
  wu = fixture_party (CONCORD_ROLE_RESPONDENT, "吴某", CONCORD_GENDER_MALE,
                      "37028320040115003", "2004-01-15", "15805320003",
                      "承认过错，但无力承担十三万元");
  wu->occupation = g_strdup ("大学生");
  wu->agent_kind = CONCORD_AGENT_ENTRUSTED;
  wu->agent_relation = g_strdup ("父子");
  wu->agent = fixture_party (CONCORD_ROLE_RESPONDENT, "吴父", CONCORD_GENDER_MALE,
                             "37028319760301005", "1976-03-01", "15805320004", NULL);
  g_ptr_array_add (c->parties, wu);

  officer->name = g_strdup ("刘警官");
  officer->role = CONCORD_TEAM_OFFICER;
  officer->phone = g_strdup ("13705320010");
  officer->username = g_strdup ("liu");
  lawyer->name = g_strdup ("陈律师");
  lawyer->role = CONCORD_TEAM_LAWYER;
  lawyer->username = g_strdup ("chen");
  lawyer->organisation = g_strdup ("某律师事务所");
  mediator->name = g_strdup ("王调解员");
  mediator->role = CONCORD_TEAM_MEDIATOR;
  g_ptr_array_add (c->team, officer);
  g_ptr_array_add (c->team, lawyer);
  g_ptr_array_add (c->team, mediator);
  return c;
}

/* A case registered in seconds: one name, one sentence. */
static inline ConcordCase *
fixture_quick_case (const char *name,
                    const char *facts)
{
  ConcordCase *c = concord_case_new ();
  ConcordParty *party = concord_party_new ();

  party->name = g_strdup (name);
  party->id_type = CONCORD_ID_NONE;
  g_ptr_array_add (c->parties, party);
  c->facts = g_strdup (facts);
  return c;
}

/* The fire case (scenario 1) stored by @actor and moved to @stage: accepted
 * unless @stage is CONCORD_STAGE_RECEIVED, then moved straight to @stage.
 * Returns the case as the store loads it. */
static inline ConcordCase *
fixture_stored_fire_case (Fixture     *f,
                          ConcordStage stage,
                          const char  *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = fixture_fire_case ();
  ConcordCase *loaded;

  g_assert_true (concord_store_save_case (f->store, c, actor, &error));
  g_assert_no_error (error);
  if (stage != CONCORD_STAGE_RECEIVED)
    {
      g_assert_true (concord_store_decide_case (f->store, c->id, TRUE, NULL, actor, &error));
      g_assert_no_error (error);
    }
  if (stage != CONCORD_STAGE_RECEIVED && stage != CONCORD_STAGE_ACCEPTED)
    {
      g_assert_true (concord_store_move_stage (f->store, c->id, stage, NULL, actor, &error));
      g_assert_no_error (error);
    }
  loaded = concord_store_load_case (f->store, c->id, &error);
  g_assert_no_error (error);
  return loaded;
}

/* A neighbours' case (scenario 5) stored by @actor: @name1 with an ID
 * number completed from @id1 (none when NULL) and @phone1, and, unless
 * @name2 is NULL, a second party without an ID number. */
static inline ConcordCase *
fixture_neighbour_case (Fixture    *f,
                        const char *actor,
                        const char *facts,
                        const char *name1,
                        const char *id1,
                        const char *phone1,
                        const char *name2,
                        const char *phone2)
{
  g_autoptr(GError) error = NULL;
  ConcordCase *c = fixture_quick_case (name1, facts);
  ConcordParty *first = g_ptr_array_index (c->parties, 0);

  if (id1 != NULL)
    {
      first->id_type = CONCORD_ID_RESIDENT;
      first->id_number = fixture_resident_id (id1);
    }
  first->phone = g_strdup (phone1);
  if (name2 != NULL)
    {
      ConcordParty *second = concord_party_new ();

      second->name = g_strdup (name2);
      second->id_type = CONCORD_ID_NONE;
      second->phone = g_strdup (phone2);
      g_ptr_array_add (c->parties, second);
    }
  g_assert_true (concord_store_save_case (f->store, c, actor, &error));
  g_assert_no_error (error);
  return c;
}

/* Makes case @case_id's agreement complete and saves it as a version:
 * completes what the completeness check asks of the case (every party's
 * gender, birth date and address; a mediator and an officer on the team;
 * the art. 179 checklist done; time and place; the station's and the
 * committee's names), drafts from the case's default template unless a
 * version exists, fills every empty required field, and adds a term from
 * the first party to the second (to the others when alone) when there is
 * none. The case must be in drafting. */
static inline ConcordAgreement *
fixture_complete_agreement (ConcordStore *store,
                            gint64        case_id,
                            const char   *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = concord_store_load_case (store, case_id, &error);
  g_autoptr(ConcordAgreementSource) source = NULL;
  g_autoptr(ConcordTemplate) template = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  ConcordAgreement *agreement;
  gboolean has_mediator = FALSE, has_officer = FALSE;

  g_assert_no_error (error);
  /* An agreement is between at least two parties. */
  if (c->parties->len == 1)
    {
      ConcordParty *other = concord_party_new ();

      other->name = g_strdup ("对方某");
      other->id_type = CONCORD_ID_NONE;
      g_ptr_array_add (c->parties, other);
    }
  for (guint i = 0; i < c->parties->len; i++)
    {
      ConcordParty *party = g_ptr_array_index (c->parties, i);

      if (party->gender == CONCORD_GENDER_UNKNOWN)
        party->gender = CONCORD_GENDER_MALE;
      if (party->birth_date == NULL && party->id_number == NULL)
        party->birth_date = g_strdup ("1970-01-01");
      if (party->address == NULL)
        party->address = g_strdup_printf ("东城区幸福路%u号", i + 1);
      if (party->kind == CONCORD_PARTY_ORGANISATION && party->occupation == NULL)
        party->occupation = g_strdup ("赵某");
    }
  for (guint i = 0; i < c->team->len; i++)
    {
      ConcordTeamMember *member = g_ptr_array_index (c->team, i);

      has_mediator |= member->role == CONCORD_TEAM_MEDIATOR;
      has_officer |= member->role == CONCORD_TEAM_OFFICER;
    }
  if (!has_mediator)
    {
      ConcordTeamMember *member = concord_team_member_new ();

      member->name = g_strdup ("黄调解员");
      member->role = CONCORD_TEAM_MEDIATOR;
      g_ptr_array_add (c->team, member);
    }
  if (!has_officer)
    {
      ConcordTeamMember *member = concord_team_member_new ();

      member->name = g_strdup ("罗警官");
      member->role = CONCORD_TEAM_OFFICER;
      g_ptr_array_add (c->team, member);
    }
  if (c->occurred_at == NULL)
    c->occurred_at = g_strdup (c->received_at);
  if (c->place == NULL)
    c->place = g_strdup ("东城区光明路夜市");
  c->police_screened = TRUE;
  c->police_exclusions = 0;
  concord_store_save_case (store, c, actor, &error);
  g_assert_no_error (error);
  {
    g_autofree char *station = concord_store_get_setting (store, CONCORD_SETTING_STATION_NAME);
    g_autofree char *committee = concord_store_get_setting (store, CONCORD_SETTING_COMMITTEE_NAME);

    if (concord_text_is_blank (station))
      g_assert_true (concord_store_set_setting (store, CONCORD_SETTING_STATION_NAME, "东城派出所", actor, NULL));
    if (concord_text_is_blank (committee))
      g_assert_true (concord_store_set_setting (store, CONCORD_SETTING_COMMITTEE_NAME,
                                                "东城街道人民调解委员会", actor, NULL));
  }

  source = concord_store_dup_agreement_source (store, case_id, &error);
  g_assert_no_error (error);
  agreement = concord_store_load_current_agreement (store, case_id, &error);
  g_assert_no_error (error);
  if (agreement == NULL)
    {
      template = concord_template_find (concord_template_default_id (source->c->mediation_type));
      g_assert_nonnull (template);
      agreement = concord_agreement_new_draft (template, source);
      agreement->case_id = case_id;
    }
  else
    template = concord_template_find (agreement->template_id);

  for (guint i = 0; i < template->sections->len; i++)
    {
      ConcordTemplateSection *section = g_ptr_array_index (template->sections, i);

      for (guint k = 0; k < section->fields->len; k++)
        {
          ConcordTemplateField *field = g_ptr_array_index (section->fields, k);

          if (field->required && concord_agreement_get_field (agreement, field->key) == NULL)
            concord_agreement_set_field (agreement, field->key, "经调查，双方对事实均无异议。");
        }
    }
  if (agreement->terms->len == 0)
    {
      ConcordTerm *term = concord_term_new (CONCORD_TERM_ACT);
      ConcordParty *first = g_ptr_array_index (source->c->parties, 0);

      term->party_id = first->id;
      if (source->c->parties->len > 1)
        term->counterparty_id = ((ConcordParty *) g_ptr_array_index (source->c->parties, 1))->id;
      term->text = g_strdup ("向对方赔礼道歉");
      term->deadline = g_strdup ("于本协议签订当日");
      concord_agreement_add_term (agreement, term);
    }
  if (agreement->copies < (int) source->c->parties->len + template->extra_copies)
    agreement->copies = (int) source->c->parties->len + template->extra_copies;

  g_assert_true (concord_store_save_agreement (store, agreement, actor, &error));
  g_assert_no_error (error);
  problems = concord_agreement_check (agreement, template, source);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("fixture agreement: %s\n",
                ((ConcordAgreementProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
  return agreement;
}

/* Moves case @id to @to the way the application does: to legal review by
 * completing and submitting its agreement (fixture_complete_agreement()),
 * straight to signing with review switched off for the moment, to
 * signing or back to drafting from review by the lawyer's decision, a
 * failed mediation with a referral to court, the others with
 * concord_store_move_stage(). */
static inline gboolean
fixture_move (ConcordStore *store,
              gint64        id,
              ConcordStage  to,
              const char   *reason,
              const char   *actor,
              GError      **error)
{
  g_autoptr(ConcordCase) c = concord_store_load_case (store, id, error);

  if (c == NULL)
    return FALSE;
  if (c->stage == CONCORD_STAGE_DRAFTING &&
      (to == CONCORD_STAGE_REVIEW || to == CONCORD_STAGE_SIGNING))
    {
      g_autoptr(ConcordAgreement) agreement = fixture_complete_agreement (store, id, actor);
      gboolean required = concord_store_review_required (store);
      gboolean ok;

      /* Straight to signing: the station does without review. */
      if (to == CONCORD_STAGE_SIGNING && required)
        g_assert_true (concord_store_set_setting (store, CONCORD_SETTING_REVIEW_REQUIRED, "false", actor, NULL));
      ok = concord_store_submit_agreement (store, id, actor, error);
      if (to == CONCORD_STAGE_SIGNING && required)
        g_assert_true (concord_store_set_setting (store, CONCORD_SETTING_REVIEW_REQUIRED, "true", actor, NULL));
      return ok;
    }
  if (c->stage == CONCORD_STAGE_REVIEW &&
      (to == CONCORD_STAGE_SIGNING || to == CONCORD_STAGE_DRAFTING))
    return concord_store_review_agreement (store, id, to == CONCORD_STAGE_SIGNING, reason, actor, error);
  /* Follow-up begins once the agreement is signed: on paper, here. */
  if (c->stage == CONCORD_STAGE_SIGNING && to == CONCORD_STAGE_FOLLOW_UP)
    {
      g_autoptr(ConcordSigning) signing = concord_store_load_signing (store, id, NULL);

      if (signing != NULL && signing->locked_at == NULL)
        {
          g_autofree char *today = concord_clock_today_iso ();

          if (!concord_store_record_paper_signing (store, id, signing->agreement_id, today, "王书记员",
                                                   actor, error))
            return FALSE;
        }
    }
  if (to == CONCORD_STAGE_FAILED)
    {
      g_autoptr(GPtrArray) referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_referral_free);

      g_ptr_array_add (referrals, concord_referral_new (CONCORD_REFERRAL_LITIGATION));
      return concord_store_fail_case (store, id, reason, referrals, actor, error);
    }
  return concord_store_move_stage (store, id, to, reason, actor, error);
}
