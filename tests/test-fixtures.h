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
