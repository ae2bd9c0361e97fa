/* test-agreement.c — the agreement core: a draft made from the case, term
 * sentences, the legal completeness check, canonical JSON, differences
 * between versions and between texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "concord-core.h"
#include "test-ids.h"

/* Ids as the store would give them. */
enum { ZHANG = 1, LI = 2, WU = 3, OFFICER = 11, LAWYER = 12, MEDIATOR = 13 };

static ConcordParty *
person (gint64           id,
        ConcordPartyRole role,
        const char      *name,
        ConcordGender    gender,
        const char      *first17,
        const char      *birth_date,
        const char      *address,
        const char      *phone,
        const char      *claims)
{
  ConcordParty *party = concord_party_new ();

  party->id = id;
  party->role = role;
  party->name = g_strdup (name);
  party->gender = gender;
  party->ethnicity = g_strdup ("汉族");
  party->birth_date = g_strdup (birth_date);
  party->id_type = CONCORD_ID_RESIDENT;
  party->id_number = first17 != NULL ? fixture_resident_id (first17) : NULL;
  party->address = g_strdup (address);
  party->phone = g_strdup (phone);
  party->claims = g_strdup (claims);
  return party;
}

static ConcordTeamMember *
member (gint64          id,
        ConcordTeamRole role,
        const char     *name,
        const char     *organisation)
{
  ConcordTeamMember *m = concord_team_member_new ();

  m->id = id;
  m->role = role;
  m->name = g_strdup (name);
  m->organisation = g_strdup (organisation);
  return m;
}

/* Scenario 1: the tenant Wu's fire damaged the landlord Li's flat and the
 * neighbour Zhang's; Zhang asked 130,000 yuan and came down to 60,000. */
static ConcordCase *
fire_case (void)
{
  ConcordCase *c = concord_case_new ();
  ConcordParty *wu;

  c->id = 7;
  c->mediation_type = CONCORD_MEDIATION_PEOPLE;
  c->occurred_at = g_strdup ("2026-11-05T12:30:00Z");
  c->place = g_strdup ("幸福路8号3单元");
  c->facts = g_strdup ("2026年11月5日，租户吴某某用电不慎引发火灾，烧毁房东李某某的房屋，并熏黑楼上邻居张某某的房屋。");
  g_ptr_array_add (c->parties, person (ZHANG, CONCORD_ROLE_APPLICANT, "张某某", CONCORD_GENDER_MALE,
                                       "37020219680412001", "1968-04-12", "幸福路8号3单元402室",
                                       "13805320001", "要求吴某某赔偿房屋损失人民币130000元"));
  g_ptr_array_add (c->parties, person (LI, CONCORD_ROLE_APPLICANT, "李某某", CONCORD_GENDER_FEMALE,
                                       "37020319750923002", "1975-09-23", "光明路1号",
                                       "13905320002", "要求吴某某赔偿房屋修复费用"));
  wu = person (WU, CONCORD_ROLE_RESPONDENT, "吴某某", CONCORD_GENDER_MALE, "37028320040302003",
               "2004-03-02", "幸福路8号3单元302室", "15805320003", "承认过错，但无力承担十三万元");
  wu->occupation = g_strdup ("学生");
  wu->agent_kind = CONCORD_AGENT_ENTRUSTED;
  wu->agent_relation = g_strdup ("父子");
  wu->agent = person (0, CONCORD_ROLE_RESPONDENT, "吴某", CONCORD_GENDER_MALE, NULL, "1976-03-01",
                      NULL, "15805320004", NULL);
  g_clear_pointer (&wu->agent->ethnicity, g_free);
  g_ptr_array_add (c->parties, wu);

  g_ptr_array_add (c->team, member (OFFICER, CONCORD_TEAM_OFFICER, "赵某某", "四方派出所"));
  g_ptr_array_add (c->team, member (LAWYER, CONCORD_TEAM_LAWYER, "孙某某", "某律师事务所"));
  g_ptr_array_add (c->team, member (MEDIATOR, CONCORD_TEAM_MEDIATOR, "钱某某", NULL));
  return c;
}

static ConcordPosition *
position (gint64              party_id,
          ConcordPositionKind kind,
          gint64              fen,
          const char         *terms)
{
  ConcordPosition *p = concord_position_new ();

  p->party_id = party_id;
  p->kind = kind;
  p->has_amount = fen >= 0;
  p->amount_fen = fen >= 0 ? fen : 0;
  p->terms = g_strdup (terms);
  return p;
}

static ConcordAgreementSource *
fire_source (void)
{
  ConcordAgreementSource *source = g_new0 (ConcordAgreementSource, 1);

  source->c = fire_case ();
  source->station_name = g_strdup ("四方派出所人民调解室");
  source->committee_name = g_strdup ("四方街道人民调解委员会");
  source->today = g_strdup ("2026-11-10");
  source->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_session_unref);
  source->positions = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_position_free);
  ConcordSession *joint = concord_session_new ();
  ConcordSession *caucus = concord_session_new ();
  ConcordPosition *secret;

  joint->id = 1;
  joint->kind = CONCORD_SESSION_FACE_TO_FACE;
  caucus->id = 2;
  caucus->kind = CONCORD_SESSION_BACK_TO_BACK;
  g_ptr_array_add (source->sessions, joint);
  g_ptr_array_add (source->sessions, caucus);
  /* Over three face-to-face rounds Zhang's demand falls; Li asks a fixed
   * sum; Wu offers more each time (offers are not claims). */
  g_ptr_array_add (source->positions, position (ZHANG, CONCORD_POSITION_DEMAND, 13000000, NULL));
  g_ptr_array_add (source->positions, position (WU, CONCORD_POSITION_OFFER, 2000000, NULL));
  g_ptr_array_add (source->positions, position (LI, CONCORD_POSITION_DEMAND, 3000000, "分期支付"));
  g_ptr_array_add (source->positions, position (ZHANG, CONCORD_POSITION_DEMAND, 8000000, NULL));
  g_ptr_array_add (source->positions, position (WU, CONCORD_POSITION_OFFER, 5000000, NULL));
  g_ptr_array_add (source->positions, position (ZHANG, CONCORD_POSITION_DEMAND, 6000000, NULL));
  g_ptr_array_add (source->positions, position (WU, CONCORD_POSITION_OFFER, 9000000, NULL));
  for (guint i = 0; i < source->positions->len; i++)
    ((ConcordPosition *) g_ptr_array_index (source->positions, i))->session_id = joint->id;
  /* What Zhang told the mediator alone never goes into the agreement. */
  secret = position (ZHANG, CONCORD_POSITION_DEMAND, 4500000, "私下底线");
  secret->session_id = caucus->id;
  g_ptr_array_add (source->positions, secret);
  return source;
}

static ConcordTemplate *
find_template (const char *id)
{
  ConcordTemplate *template = concord_template_find (id);

  g_assert_nonnull (template);
  return template;
}

static char *
wu_id (void)
{
  return fixture_resident_id ("37028320040302003");
}

/* The draft */

/* A demand whose words repeat its amount says the amount once. */
static void
test_claims_amount_once (void)
{
  g_autoptr(ConcordTemplate) template = find_template ("people-mediation");
  g_autoptr(ConcordAgreementSource) source = fire_source ();
  g_autoptr(ConcordAgreement) draft = NULL;
  ConcordPosition *last_zhang = g_ptr_array_index (source->positions, 5);

  g_assert_cmpint (last_zhang->amount_fen, ==, 6000000);
  last_zhang->terms = g_strdup ("60000元，签订协议时先付一半");
  draft = concord_agreement_new_draft (template, source);
  g_assert_nonnull (strstr (concord_agreement_get_field (draft, "disputed"),
                            "人民币陆万元整（¥60,000.00），签订协议时先付一半\n"));

  /* Words in brackets follow the amount directly. */
  g_free (last_zhang->terms);
  last_zhang->terms = g_strdup ("60000元（含装修费）");
  g_clear_pointer (&draft, concord_agreement_unref);
  draft = concord_agreement_new_draft (template, source);
  g_assert_nonnull (strstr (concord_agreement_get_field (draft, "disputed"),
                            "人民币陆万元整（¥60,000.00）（含装修费）\n"));
}

static void
test_draft_people (void)
{
  g_autoptr(ConcordAgreementSource) source = fire_source ();
  g_autoptr(ConcordTemplate) template = find_template ("people-mediation");
  g_autoptr(ConcordAgreement) draft = concord_agreement_new_draft (template, source);
  g_autofree char *id = wu_id ();
  g_autofree char *wu_particulars = NULL;
  const ConcordAgreementParty *party;

  g_assert_cmpstr (draft->template_id, ==, "people-mediation");
  g_assert_cmpint (draft->case_id, ==, 7);
  g_assert_cmpint (draft->id, ==, 0);
  g_assert_cmpint (draft->version, ==, 0);
  /* Three parties, one copy for each, one for the committee. */
  g_assert_cmpint (draft->copies, ==, 4);
  g_assert_cmpuint (draft->terms->len, ==, 0);

  g_assert_cmpuint (draft->parties->len, ==, 3);
  party = g_ptr_array_index (draft->parties, 0);
  g_assert_cmpint (party->party_id, ==, ZHANG);
  g_assert_cmpstr (party->role, ==, "申请人");
  g_assert_cmpstr (party->name, ==, "张某某");
  party = g_ptr_array_index (draft->parties, 2);
  g_assert_cmpint (party->party_id, ==, WU);
  g_assert_cmpstr (party->role, ==, "被申请人");
  wu_particulars = g_strdup_printf ("吴某某，男，2004年3月2日出生，汉族，学生，住幸福路8号3单元302室，"
                                    "公民身份号码%s，联系电话15805320003。\n"
                                    "委托代理人：吴某，男，1976年3月1日出生，联系电话15805320004，"
                                    "与当事人关系：父子。", id);
  g_assert_cmpstr (party->particulars, ==, wu_particulars);

  g_assert_cmpstr (concord_agreement_get_field (draft, "facts"), ==, source->c->facts);
  g_assert_cmpstr (concord_agreement_get_field (draft, "disputed"), ==,
                   "张某某：要求吴某某赔偿房屋损失人民币130000元\n"
                   "张某某最后主张：人民币陆万元整（¥60,000.00）\n"
                   "李某某：要求吴某某赔偿房屋修复费用\n"
                   "李某某最后主张：人民币叁万元整（¥30,000.00），分期支付\n"
                   "吴某某：承认过错，但无力承担十三万元");
  g_assert_cmpstr (concord_agreement_get_field (draft, "participants"), ==,
                   "民警赵某某、律师孙某某（某律师事务所）、调解员钱某某");
  /* Nothing to take responsibility from: the mediator writes it. */
  g_assert_null (concord_agreement_get_field (draft, "responsibility"));
  /* Clauses start as the template's text, placeholders kept. */
  g_assert_cmpstr (concord_agreement_get_field (draft, "default"), ==,
                   concord_template_find_field (template, "default")->default_text);
  g_assert_cmpstr (concord_agreement_get_field (draft, "closing"), ==,
                   "本协议履行完毕后，各方当事人就本纠纷再无其他争议。本协议所称“某日前”，均包括该日。");
  /* The number of copies is said in words, and follows a change. */
  g_assert_cmpint (draft->copies, ==, 4);
  g_assert_nonnull (strstr (concord_agreement_get_field (draft, "effect"), "本协议一式四份"));
  g_assert_null (strstr (concord_agreement_get_field (draft, "effect"), "{"));
  g_assert_nonnull (concord_agreement_get_field (draft, "confirmation"));
  {
    g_autoptr(GPtrArray) changed = concord_agreement_set_copies (draft, 12);

    g_assert_cmpuint (changed->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (changed, 0), ==, "effect");
    g_assert_nonnull (strstr (concord_agreement_get_field (draft, "effect"), "本协议一式十二份"));
    g_assert_cmpint (draft->copies, ==, 12);
  }
  {
    g_autoptr(GPtrArray) same = concord_agreement_set_copies (draft, 12);
    g_autofree char *expanded = concord_agreement_expand_text (draft, "一式{copies}份，共{copies}份");

    g_assert_cmpuint (same->len, ==, 0);
    g_assert_cmpstr (expanded, ==, "一式十二份，共十二份");
  }
}

static ConcordAgreementSource *
fight_source (void)
{
  ConcordAgreementSource *source = g_new0 (ConcordAgreementSource, 1);
  ConcordCase *c = concord_case_new ();
  ConcordSession *first = concord_session_new ();
  ConcordSession *second = concord_session_new ();
  const struct { ConcordSession *session; gint64 party_id; gint64 member_id; const char *name; const char *role; } attendees[] = {
    { first, 1, 0, "郑某某", NULL },
    { first, 2, 0, "冯某某", NULL },
    { first, 0, OFFICER, "赵某某", NULL },
    { first, 0, 0, "周某某", "治安志愿者" },
    { second, 1, 0, "郑某某", NULL },
    { second, 0, OFFICER, "赵某某", NULL },
    { second, 0, 0, "周某某", "治安志愿者" },
    { second, 0, 0, "陈某某", NULL },
  };

  c->id = 9;
  c->mediation_type = CONCORD_MEDIATION_POLICE;
  c->incident_no = g_strdup ("J3702032026111600456");
  /* 21:00 in Shanghai */
  c->occurred_at = g_strdup ("2026-11-16T13:00:00Z");
  c->place = g_strdup ("夜市烧烤摊");
  c->facts = g_strdup ("郑某某与冯某某在夜市饮酒时发生口角，继而互相推搡厮打。");
  c->police_screened = TRUE;
  g_ptr_array_add (c->parties, person (1, CONCORD_ROLE_PARTY, "郑某某", CONCORD_GENDER_MALE,
                                       "37020219900101001", "1990-01-01", "海港路1号", "13800000001", NULL));
  g_ptr_array_add (c->parties, person (2, CONCORD_ROLE_PARTY, "冯某某", CONCORD_GENDER_MALE,
                                       "37020219910202002", "1991-02-02", "海港路2号", "13800000002", NULL));
  g_ptr_array_add (c->team, member (OFFICER, CONCORD_TEAM_OFFICER, "赵某某", "四方派出所"));
  g_ptr_array_add (c->team, member (14, CONCORD_TEAM_OFFICER, "韩某某", "四方派出所"));

  for (guint i = 0; i < G_N_ELEMENTS (attendees); i++)
    {
      ConcordAttendee *attendee = concord_attendee_new ();

      attendee->party_id = attendees[i].party_id;
      attendee->member_id = attendees[i].member_id;
      attendee->name = g_strdup (attendees[i].name);
      attendee->role = g_strdup (attendees[i].role);
      g_ptr_array_add (attendees[i].session->attendees, attendee);
    }
  source->c = c;
  source->station_name = g_strdup ("四方派出所");
  source->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_session_unref);
  g_ptr_array_add (source->sessions, first);
  g_ptr_array_add (source->sessions, second);
  source->today = g_strdup ("2026-11-17");
  return source;
}

static void
test_draft_police (void)
{
  g_autoptr(ConcordAgreementSource) source = fight_source ();
  g_autoptr(ConcordTemplate) template = find_template ("police-mediation");
  g_autoptr(ConcordAgreement) draft = concord_agreement_new_draft (template, source);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_cmpint (draft->copies, ==, 3);
  g_assert_cmpstr (((ConcordAgreementParty *) g_ptr_array_index (draft->parties, 0))->role, ==, "甲方");
  g_assert_cmpstr (((ConcordAgreementParty *) g_ptr_array_index (draft->parties, 1))->role, ==, "乙方");
  g_assert_cmpstr (concord_agreement_get_field (draft, "organ"), ==, "四方派出所");
  g_assert_cmpstr (concord_agreement_get_field (draft, "presiding"), ==, "赵某某、韩某某");
  /* Everyone but the parties and the presiding officers, once each, with
   * what they are. */
  g_assert_cmpstr (concord_agreement_get_field (draft, "others"), ==, "周某某（治安志愿者）、陈某某");
  g_assert_cmpstr (concord_agreement_get_field (draft, "occurred-at"), ==, "2026年11月16日21时");
  g_assert_cmpstr (concord_agreement_get_field (draft, "place"), ==, "夜市烧烤摊");
  g_assert_cmpstr (concord_agreement_get_field (draft, "incident-no"), ==, "J3702032026111600456");
  g_assert_cmpstr (concord_agreement_get_field (draft, "course"), ==, source->c->facts);
  g_assert_null (concord_agreement_get_field (draft, "cause"));
  g_assert_null (concord_agreement_get_field (draft, "result"));
  g_assert_nonnull (strstr (concord_agreement_get_field (draft, "mediation"), "本案以调解方式处理"));

  /* Minutes show when the incident was not on the hour. */
  g_free (source->c->occurred_at);
  source->c->occurred_at = g_strdup ("2026-11-16T13:45:00Z");
  {
    g_autoptr(ConcordAgreement) again = concord_agreement_new_draft (template, source);

    g_assert_cmpstr (concord_agreement_get_field (again, "occurred-at"), ==, "2026年11月16日21时45分");
  }

  /* What the police form still needs: cause, circumstances, result, terms. */
  problems = concord_agreement_check (draft, template, source);
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_cmpstr (((ConcordAgreementProblem *) g_ptr_array_index (problems, 0))->target, ==, "field:cause");
  g_assert_cmpstr (((ConcordAgreementProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "“Cause” is not filled in (police rules art. 184)");
  g_assert_cmpstr (((ConcordAgreementProblem *) g_ptr_array_index (problems, 1))->target, ==, "field:circumstances");
  g_assert_cmpstr (((ConcordAgreementProblem *) g_ptr_array_index (problems, 2))->target, ==, "field:result");
  g_assert_cmpstr (((ConcordAgreementProblem *) g_ptr_array_index (problems, 3))->target, ==, "terms");
}

/* The completeness check */

static char *
targets (GPtrArray *problems)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const ConcordAgreementProblem *problem = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, problem->target);
    }
  return g_string_free (out, FALSE);
}

static char *
check_targets (ConcordAgreement             *agreement,
               ConcordTemplate              *template,
               const ConcordAgreementSource *source)
{
  g_autoptr(GPtrArray) problems = concord_agreement_check (agreement, template, source);

  return targets (problems);
}

static const char *
message_of (GPtrArray  *problems,
            const char *target)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const ConcordAgreementProblem *problem = g_ptr_array_index (problems, i);

      if (strcmp (problem->target, target) == 0)
        return problem->message;
    }
  return NULL;
}

static ConcordParty *
bare_party (gint64      id,
            const char *name)
{
  ConcordParty *party = concord_party_new ();

  party->id = id;
  party->name = g_strdup (name);
  party->id_type = CONCORD_ID_NONE;
  return party;
}

static void
test_check_people_step_by_step (void)
{
  g_autoptr(ConcordTemplate) template = find_template ("people-mediation");
  g_autoptr(ConcordAgreementSource) source = g_new0 (ConcordAgreementSource, 1);
  g_autoptr(ConcordAgreement) agreement = concord_agreement_new ("people-mediation");
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *all = NULL;
  ConcordParty *wu, *zhang;
  ConcordTerm *term;
  char *step;

  source->c = concord_case_new ();
  wu = bare_party (WU, "吴某某");
  zhang = bare_party (ZHANG, "张某某");
  g_ptr_array_add (source->c->parties, wu);
  g_ptr_array_add (source->c->parties, zhang);

  /* An empty agreement: everything the law asks is missing, each where it
   * is fixed. */
  problems = concord_agreement_check (agreement, template, source);
  all = targets (problems);
  g_assert_cmpstr (all, ==,
                   "party:3 party:1 "
                   "field:facts field:disputed field:responsibility field:default field:closing field:effect "
                   "terms team setting:station.committee copies");
  g_assert_cmpstr (message_of (problems, "party:3"), ==,
                   "吴某某’s gender, date of birth or ID number, address are missing "
                   "(parties’ particulars, People’s Mediation Law art. 29)");
  g_assert_cmpstr (message_of (problems, "field:facts"), ==,
                   "“Main facts” is not filled in (People’s Mediation Law art. 29)");
  g_assert_cmpstr (message_of (problems, "terms"), ==,
                   "No terms yet: the agreement states what the parties agreed, how and by when "
                   "(People’s Mediation Law art. 29)");
  g_assert_cmpstr (message_of (problems, "team"), ==,
                   "No mediator is on the team: the mediator signs the agreement");
  g_assert_cmpstr (message_of (problems, "setting:station.committee"), ==,
                   "The committee’s name is not set (Preferences): its seal goes on the agreement");
  g_assert_cmpstr (message_of (problems, "copies"), ==,
                   "Too few copies: 0; at least 3 are needed, one for each party and 1 kept on file");

  /* parties-particulars: Wu's gender and address, then his birth date. */
  wu->gender = CONCORD_GENDER_MALE;
  wu->address = g_strdup ("幸福路8号");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = concord_agreement_check (agreement, template, source);
  g_assert_cmpstr (message_of (problems, "party:3"), ==,
                   "吴某某’s date of birth or ID number is missing "
                   "(parties’ particulars, People’s Mediation Law art. 29)");
  wu->id_number = wu_id ();
  wu->id_type = CONCORD_ID_RESIDENT;
  zhang->gender = CONCORD_GENDER_FEMALE;
  zhang->birth_date = g_strdup ("1968-04-12");
  zhang->address = g_strdup ("幸福路8号402室");
  step = check_targets (agreement, template, source);
  g_assert_cmpstr (step, ==,
                   "field:facts field:disputed field:responsibility field:default field:closing field:effect "
                   "terms team setting:station.committee copies");
  g_free (step);

  /* required-fields */
  concord_agreement_set_field (agreement, "facts", "吴某某用电不慎引发火灾。");
  concord_agreement_set_field (agreement, "disputed", "赔偿数额。");
  concord_agreement_set_field (agreement, "responsibility", "吴某某负全部责任。");
  concord_agreement_set_field (agreement, "default", "……");
  concord_agreement_set_field (agreement, "closing", "……");
  concord_agreement_set_field (agreement, "effect", "本协议一式{copies}份……");
  step = check_targets (agreement, template, source);
  g_assert_cmpstr (step, ==, "terms team setting:station.committee copies");
  g_free (step);

  /* terms-present, then terms-performance for an unfinished term */
  term = concord_agreement_add_term (agreement, concord_term_new (CONCORD_TERM_MONEY));
  step = check_targets (agreement, template, source);
  g_assert_cmpstr (step, ==, "term:t1 term:t1 term:t1 term:t1 term:t1 team setting:station.committee copies");
  g_free (step);
  term->party_id = WU;
  term->counterparty_id = ZHANG;
  term->amount_fen = 6000000;
  term->method = g_strdup ("银行转账");
  term->due_date = g_strdup ("2026-11-30");
  step = check_targets (agreement, template, source);
  g_assert_cmpstr (step, ==, "team setting:station.committee copies");
  g_free (step);

  /* mediator */
  g_ptr_array_add (source->c->team, member (MEDIATOR, CONCORD_TEAM_MEDIATOR, "钱某某", NULL));
  step = check_targets (agreement, template, source);
  g_assert_cmpstr (step, ==, "setting:station.committee copies");
  g_free (step);

  /* committee */
  source->committee_name = g_strdup ("四方街道人民调解委员会");
  step = check_targets (agreement, template, source);
  g_assert_cmpstr (step, ==, "copies");
  g_free (step);

  /* copies: two parties and the committee's copy */
  agreement->copies = 2;
  step = check_targets (agreement, template, source);
  g_assert_cmpstr (step, ==, "copies");
  g_free (step);
  agreement->copies = 3;
  step = check_targets (agreement, template, source);
  g_assert_cmpstr (step, ==, "");
  g_free (step);
}

static void
test_check_particulars (void)
{
  g_autoptr(ConcordTemplate) template = find_template ("settlement");
  g_autoptr(ConcordAgreementSource) source = fire_source ();
  g_autoptr(ConcordAgreement) agreement = concord_agreement_new_draft (template, source);
  ConcordParty *company = bare_party (20, "某某商贸有限公司");
  ConcordParty *wu = g_ptr_array_index (source->c->parties, 2);
  g_autoptr(GPtrArray) problems = NULL;

  company->kind = CONCORD_PARTY_ORGANISATION;
  g_ptr_array_add (source->c->parties, company);
  g_clear_pointer (&wu->agent, concord_party_unref);
  g_free (wu->birth_date);
  wu->birth_date = NULL;

  problems = concord_agreement_check (agreement, template, source);
  /* Wu has his ID number (enough without the birth date) but his agent
   * has no record; the company lacks representative and address. The
   * settlement follows the Civil Code on contracts. */
  g_assert_cmpstr (message_of (problems, "party:3"), ==,
                   "吴某某’s agent’s name is missing (parties’ particulars, Civil Code art. 470)");
  g_assert_cmpstr (message_of (problems, "party:20"), ==,
                   "某某商贸有限公司’s legal representative, address are missing "
                   "(parties’ particulars, Civil Code art. 470)");
  g_assert_null (message_of (problems, "party:1"));

  /* An organisation's representative may be its representative agent. */
  company->address = g_strdup ("商贸城1号");
  company->agent_kind = CONCORD_AGENT_REPRESENTATIVE;
  company->agent = bare_party (0, "周某某");
  wu->agent_kind = CONCORD_AGENT_NONE;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = concord_agreement_check (agreement, template, source);
  g_assert_null (message_of (problems, "party:3"));
  g_assert_null (message_of (problems, "party:20"));

  /* One party cannot make an agreement. */
  g_ptr_array_set_size (source->c->parties, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = concord_agreement_check (agreement, template, source);
  g_assert_cmpstr (message_of (problems, "case:parties"), ==,
                   "An agreement needs at least two parties (Civil Code art. 470)");
}

static ConcordTerm *
money_term (gint64      from,
            gint64      to,
            gint64      fen,
            const char *method,
            const char *due)
{
  ConcordTerm *term = concord_term_new (CONCORD_TERM_MONEY);

  term->party_id = from;
  term->counterparty_id = to;
  term->amount_fen = fen;
  term->method = g_strdup (method);
  term->due_date = g_strdup (due);
  return term;
}

static void
add_instalment (ConcordTerm *term,
                const char  *due,
                gint64       fen)
{
  ConcordInstalment instalment = { g_strdup (due), fen };

  g_array_append_val (term->instalments, instalment);
}

static void
test_check_terms (void)
{
  g_autoptr(ConcordTemplate) template = find_template ("settlement");
  g_autoptr(ConcordAgreementSource) source = fire_source ();
  g_autoptr(ConcordAgreement) agreement = concord_agreement_new_draft (template, source);
  g_autoptr(GPtrArray) problems = NULL;
  ConcordTerm *instalments, *act;

  concord_agreement_set_field (agreement, "responsibility", "吴某某负全部责任。");
  /* t1: complete */
  concord_agreement_add_term (agreement, money_term (WU, ZHANG, 6000000, "银行转账", "2026-11-30"));
  /* t2: instalments that do not add up */
  instalments = concord_agreement_add_term (agreement, money_term (WU, LI, 3000000, "现金", NULL));
  add_instalment (instalments, "2026-12-31", 1000000);
  add_instalment (instalments, "2027-01-31", 1000000);
  add_instalment (instalments, "2027-02-28", 500000);
  /* t3: Wu pays himself, with no method and no date */
  concord_agreement_add_term (agreement, money_term (WU, WU, 100000, NULL, NULL));
  /* t4: an act without its time limit */
  act = concord_agreement_add_term (agreement, concord_term_new (CONCORD_TERM_ACT));
  act->party_id = WU;
  act->text = g_strdup ("向张某某、李某某赔礼道歉");

  problems = concord_agreement_check (agreement, template, source);
  {
    static const struct { const char *target; const char *message; } want[] = {
      { "term:t2", "Term 2: the instalments add up to ¥25,000.00, not ¥30,000.00" },
      { "term:t3", "Term 3: a party cannot pay itself" },
      { "term:t3", "Term 3: the method of payment is missing (manner of performance)" },
      { "term:t3", "Term 3: the due date is missing (time limit of performance)" },
      { "term:t4", "Term 4: the time limit is missing (time limit of performance)" },
    };

    g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (want));
    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      {
        const ConcordAgreementProblem *problem = g_ptr_array_index (problems, i);

        g_assert_cmpstr (problem->target, ==, want[i].target);
        g_assert_cmpstr (problem->message, ==, want[i].message);
      }
  }

  /* Fixed: the instalments add up; dates that go back, a bad date, an
   * instalment without amount, a due date as well as instalments. */
  g_array_index (instalments->instalments, ConcordInstalment, 2).amount_fen = 1000000;
  concord_agreement_remove_term (agreement, "t3");
  act->deadline = g_strdup ("于本协议签订当日");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = concord_agreement_check (agreement, template, source);
  g_assert_cmpuint (problems->len, ==, 0);

  g_free (g_array_index (instalments->instalments, ConcordInstalment, 1).due_date);
  g_array_index (instalments->instalments, ConcordInstalment, 1).due_date = g_strdup ("2026-12-01");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = concord_agreement_check (agreement, template, source);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((ConcordAgreementProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Term 2: the instalments’ dates must follow one another");

  g_free (g_array_index (instalments->instalments, ConcordInstalment, 1).due_date);
  g_array_index (instalments->instalments, ConcordInstalment, 1).due_date = g_strdup ("2027-02-30");
  g_array_index (instalments->instalments, ConcordInstalment, 0).amount_fen = 0;
  instalments->due_date = g_strdup ("2026-12-31");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = concord_agreement_check (agreement, template, source);
  {
    static const char *const want[] = {
      "Term 2: give either one due date or instalments, not both",
      "Term 2: instalment 1 has no amount",
      "Term 2: instalment 2 has no valid due date",
      "Term 2: the instalments add up to ¥20,000.00, not ¥30,000.00",
    };

    g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (want));
    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      g_assert_cmpstr (((ConcordAgreementProblem *) g_ptr_array_index (problems, i))->message, ==, want[i]);
  }

  /* A payer or payee who is not a party of the case. */
  concord_agreement_remove_term (agreement, "t2");
  ((ConcordTerm *) g_ptr_array_index (agreement->terms, 0))->counterparty_id = 99;
  act->party_id = 0;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = concord_agreement_check (agreement, template, source);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((ConcordAgreementProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Term 1: who is paid is not chosen");
  g_assert_cmpstr (((ConcordAgreementProblem *) g_ptr_array_index (problems, 1))->message, ==,
                   "Term 2: who does it is not chosen");
  g_assert_cmpstr (((ConcordAgreementProblem *) g_ptr_array_index (problems, 1))->target, ==, "term:t4");
}

static void
test_check_police (void)
{
  g_autoptr(ConcordTemplate) template = find_template ("police-mediation");
  g_autoptr(ConcordAgreementSource) source = fight_source ();
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  char *step;

  agreement = concord_agreement_new_draft (template, source);
  concord_agreement_set_field (agreement, "cause", "饮酒时因琐事发生口角。");
  concord_agreement_set_field (agreement, "circumstances", "情节轻微，双方均有过错。");
  concord_agreement_set_field (agreement, "result", "双方均受轻微伤。");
  {
    ConcordTerm *term = concord_agreement_add_term (agreement, concord_term_new (CONCORD_TERM_ACT));

    term->party_id = 1;
    term->counterparty_id = 2;
    term->text = g_strdup ("向冯某某赔礼道歉");
    term->deadline = g_strdup ("于本协议签订当日");
  }
  step = check_targets (agreement, template, source);
  g_assert_cmpstr (step, ==, "");
  g_free (step);

  /* police-screening: not done at intake */
  source->c->police_screened = FALSE;
  problems = concord_agreement_check (agreement, template, source);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (message_of (problems, "case:police-screening"), ==,
                   "The police art. 179 checklist was not done at intake");

  /* done, and something excludes police mediation */
  source->c->police_screened = TRUE;
  source->c->police_exclusions = CONCORD_EXCLUSION_GANG_FIGHT | CONCORD_EXCLUSION_REPEATED;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = concord_agreement_check (agreement, template, source);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (message_of (problems, "case:police-screening"), ==,
                   "Police mediation does not apply: A gang fight or other picking of quarrels, "
                   "Public-order violations committed repeatedly (police rules art. 179)");
  source->c->police_exclusions = 0;

  /* incident: a draft made before the case knew time and place sends the
   * mediator to the case; once the case knows, to the field. */
  g_clear_pointer (&source->c->occurred_at, g_free);
  g_clear_pointer (&source->c->place, g_free);
  concord_agreement_set_field (agreement, "occurred-at", NULL);
  concord_agreement_set_field (agreement, "place", NULL);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = concord_agreement_check (agreement, template, source);
  step = targets (problems);
  g_assert_cmpstr (step, ==, "case:occurred-at case:place");
  g_free (step);
  g_assert_cmpstr (message_of (problems, "case:occurred-at"), ==,
                   "The time of the incident is not recorded in the case (police rules art. 184)");
  g_assert_cmpstr (message_of (problems, "case:place"), ==,
                   "The place of the incident is not recorded in the case (police rules art. 184)");
  source->c->occurred_at = g_strdup ("2026-11-16T13:00:00Z");
  source->c->place = g_strdup ("夜市烧烤摊");
  step = check_targets (agreement, template, source);
  g_assert_cmpstr (step, ==, "field:occurred-at field:place");
  g_free (step);
  concord_agreement_set_field (agreement, "occurred-at", "2026年11月16日21时");
  concord_agreement_set_field (agreement, "place", "夜市烧烤摊");

  /* organ: the station's name; presiding-officer: an officer on the team */
  g_clear_pointer (&source->station_name, g_free);
  concord_agreement_set_field (agreement, "organ", NULL);
  g_ptr_array_set_size (source->c->team, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = concord_agreement_check (agreement, template, source);
  step = targets (problems);
  g_assert_cmpstr (step, ==, "setting:station.name team");
  g_free (step);
  g_assert_cmpstr (message_of (problems, "team"), ==,
                   "No police officer is on the team: an officer presides over police mediation "
                   "and signs the agreement (police rules art. 184)");
  /* The organ typed into the agreement is enough for the document. */
  concord_agreement_set_field (agreement, "organ", "四方派出所");
  step = check_targets (agreement, template, source);
  g_assert_cmpstr (step, ==, "team");
  g_free (step);
  g_ptr_array_add (source->c->team, member (OFFICER, CONCORD_TEAM_OFFICER, "赵某某", NULL));
  concord_agreement_set_field (agreement, "presiding", NULL);
  step = check_targets (agreement, template, source);
  g_assert_cmpstr (step, ==, "field:presiding");
  g_free (step);

  /* copies: too few */
  concord_agreement_set_field (agreement, "presiding", "赵某某");
  agreement->copies = 2;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = concord_agreement_check (agreement, template, source);
  step = targets (problems);
  g_assert_cmpstr (step, ==, "copies");
  g_free (step);
  g_assert_cmpstr (message_of (problems, "copies"), ==,
                   "Too few copies: 2; at least 3 are needed, one for each party and 1 kept on file");
}

/* Term sentences and particulars */

static ConcordAgreement *
agreement_with_parties (void)
{
  g_autoptr(ConcordAgreementSource) source = fire_source ();
  ConcordAgreement *agreement = concord_agreement_new ("people-mediation");

  concord_agreement_refresh_parties (agreement, source->c);
  return agreement;
}

static void
test_term_text (void)
{
  g_autoptr(ConcordAgreement) agreement = agreement_with_parties ();
  g_autoptr(ConcordTerm) single = money_term (WU, ZHANG, 6000000, "银行转账", "2026-11-30");
  g_autoptr(ConcordTerm) parts = money_term (WU, LI, 3000000, "银行转账", NULL);
  g_autoptr(ConcordTerm) two = money_term (WU, LI, 3000000, NULL, NULL);
  g_autoptr(ConcordTerm) act = concord_term_new (CONCORD_TERM_ACT);
  g_autoptr(ConcordTerm) blank = concord_term_new (CONCORD_TERM_MONEY);
  g_autoptr(ConcordTerm) one_instalment = money_term (WU, ZHANG, 6000000, "现金", NULL);
  char *text;

  single->text = g_strdup ("（含医疗费、误工费）");
  text = concord_agreement_term_text (agreement, single);
  g_assert_cmpstr (text, ==,
                   "吴某某于2026年11月30日前向张某某一次性支付人民币陆万元整（¥60,000.00）"
                   "（含医疗费、误工费），支付方式：银行转账。");
  g_free (text);

  add_instalment (parts, "2026-12-31", 1000000);
  add_instalment (parts, "2027-01-31", 1000000);
  add_instalment (parts, "2027-02-28", 1000000);
  text = concord_agreement_term_text (agreement, parts);
  g_assert_cmpstr (text, ==,
                   "吴某某向李某某支付人民币叁万元整（¥30,000.00），分三期支付："
                   "2026年12月31日前支付人民币壹万元整（¥10,000.00）；"
                   "2027年1月31日前支付人民币壹万元整（¥10,000.00）；"
                   "2027年2月28日前支付人民币壹万元整（¥10,000.00）。支付方式：银行转账。");
  g_free (text);

  add_instalment (two, "2026-12-31", 2000000);
  add_instalment (two, "2027-06-30", 1000000);
  two->text = g_strdup ("房屋修复费用");
  text = concord_agreement_term_text (agreement, two);
  g_assert_cmpstr (text, ==,
                   "吴某某向李某某支付人民币叁万元整（¥30,000.00）（房屋修复费用），分两期支付："
                   "2026年12月31日前支付人民币贰万元整（¥20,000.00）；"
                   "2027年6月30日前支付人民币壹万元整（¥10,000.00）。");
  g_free (text);

  add_instalment (one_instalment, "2026-12-01", 6000000);
  text = concord_agreement_term_text (agreement, one_instalment);
  g_assert_cmpstr (text, ==,
                   "吴某某于2026年12月1日前向张某某一次性支付人民币陆万元整（¥60,000.00），支付方式：现金。");
  g_free (text);

  act->party_id = WU;
  act->deadline = g_strdup ("自2026年11月20日起");
  act->text = g_strdup ("每日19时至21时在广场东侧活动。");
  text = concord_agreement_term_text (agreement, act);
  g_assert_cmpstr (text, ==, "吴某某自2026年11月20日起每日19时至21时在广场东侧活动。");
  g_free (text);
  g_free (act->deadline);
  act->deadline = g_strdup ("2026-12-01");
  g_free (act->text);
  act->text = g_strdup ("向张某某赔礼道歉");
  text = concord_agreement_term_text (agreement, act);
  g_assert_cmpstr (text, ==, "吴某某于2026年12月1日前向张某某赔礼道歉。");
  g_free (text);
  /* The party it is owed to is named when the words do not say it. */
  act->counterparty_id = ZHANG;
  g_free (act->text);
  act->text = g_strdup ("赔礼道歉");
  text = concord_agreement_term_text (agreement, act);
  g_assert_cmpstr (text, ==, "吴某某于2026年12月1日前向张某某赔礼道歉。");
  g_free (text);
  g_free (act->text);
  act->text = g_strdup ("不再在张某某家门前堆放杂物");
  text = concord_agreement_term_text (agreement, act);
  g_assert_cmpstr (text, ==, "吴某某于2026年12月1日前不再在张某某家门前堆放杂物。");
  g_free (text);

  /* What is missing shows as a blank to fill. */
  text = concord_agreement_term_text (agreement, blank);
  g_assert_cmpstr (text, ==, "____向____支付人民币____元。");
  g_free (text);
}

static void
test_particulars (void)
{
  g_autoptr(ConcordCase) c = fire_case ();
  g_autoptr(ConcordParty) company = bare_party (20, "某某商贸有限公司");
  g_autoptr(ConcordParty) child = bare_party (21, "小吴");
  g_autoptr(ConcordParty) group = bare_party (22, "广场舞队");
  char *text;

  company->kind = CONCORD_PARTY_ORGANISATION;
  company->address = g_strdup ("商贸城1号");
  company->occupation = g_strdup ("周某某");
  company->id_type = CONCORD_ID_CREDIT_CODE;
  company->id_number = g_strdup ("91370200MA3C000000");
  company->phone = g_strdup ("0532-80000000");
  text = concord_agreement_party_particulars (c, company);
  g_assert_cmpstr (text, ==,
                   "某某商贸有限公司，住所地商贸城1号，法定代表人周某某，"
                   "统一社会信用代码91370200MA3C000000，联系电话0532-80000000。");
  g_free (text);

  /* Only what is known. */
  child->gender = CONCORD_GENDER_FEMALE;
  child->agent_kind = CONCORD_AGENT_GUARDIAN;
  child->agent = bare_party (0, "吴某");
  child->agent->id_type = CONCORD_ID_PASSPORT;
  child->agent->id_number = g_strdup ("E12345678");
  text = concord_agreement_party_particulars (c, child);
  g_assert_cmpstr (text, ==, "小吴，女。\n法定代理人：吴某，护照号码E12345678。");
  g_free (text);

  group->agent_kind = CONCORD_AGENT_REPRESENTATIVE;
  group->agent = bare_party (0, "陈某某");
  group->agent->phone = g_strdup ("13900000000");
  text = concord_agreement_party_particulars (c, group);
  g_assert_cmpstr (text, ==, "广场舞队。\n代表人：陈某某，联系电话13900000000。");
  g_free (text);
}

static void
test_refresh_parties (void)
{
  g_autoptr(ConcordCase) c = fire_case ();
  g_autoptr(ConcordAgreement) agreement = concord_agreement_new ("people-mediation");
  ConcordParty *zhang = g_ptr_array_index (c->parties, 0);
  const ConcordAgreementParty *snapshot;

  concord_agreement_refresh_parties (agreement, c);
  g_assert_cmpuint (agreement->parties->len, ==, 3);
  g_free (zhang->address);
  zhang->address = g_strdup ("新家园1号");
  g_ptr_array_remove_index (c->parties, 1);
  concord_agreement_refresh_parties (agreement, c);
  g_assert_cmpuint (agreement->parties->len, ==, 2);
  snapshot = g_ptr_array_index (agreement->parties, 0);
  g_assert_nonnull (strstr (snapshot->particulars, "住新家园1号"));
  snapshot = g_ptr_array_index (agreement->parties, 1);
  g_assert_cmpint (snapshot->party_id, ==, WU);
}

static void
test_terms_and_fields (void)
{
  g_autoptr(ConcordAgreement) agreement = concord_agreement_new ("settlement");
  ConcordTerm *term;

  g_assert_cmpstr (concord_agreement_add_term (agreement, concord_term_new (CONCORD_TERM_ACT))->id, ==, "t1");
  g_assert_cmpstr (concord_agreement_add_term (agreement, concord_term_new (CONCORD_TERM_ACT))->id, ==, "t2");
  g_assert_true (concord_agreement_remove_term (agreement, "t1"));
  g_assert_false (concord_agreement_remove_term (agreement, "t1"));
  g_assert_cmpstr (concord_agreement_add_term (agreement, concord_term_new (CONCORD_TERM_ACT))->id, ==, "t3");
  /* A taken id is not reused. */
  term = concord_term_new (CONCORD_TERM_MONEY);
  term->id = g_strdup ("t2");
  g_assert_cmpstr (concord_agreement_add_term (agreement, term)->id, ==, "t4");
  term = concord_term_new (CONCORD_TERM_MONEY);
  term->id = g_strdup ("t9");
  g_assert_cmpstr (concord_agreement_add_term (agreement, term)->id, ==, "t9");
  g_assert_true (concord_agreement_find_term (agreement, "t9") == term);
  g_assert_null (concord_agreement_find_term (agreement, "t1"));

  concord_agreement_set_field (agreement, "facts", "  事实。 \n");
  g_assert_cmpstr (concord_agreement_get_field (agreement, "facts"), ==, "事实。");
  concord_agreement_set_field (agreement, "facts", " \u3000 ");
  g_assert_null (concord_agreement_get_field (agreement, "facts"));
  g_assert_cmpuint (g_hash_table_size (agreement->fields), ==, 0);
}

/* JSON */

static ConcordAgreement *
full_agreement (void)
{
  g_autoptr(ConcordAgreementSource) source = fire_source ();
  g_autoptr(ConcordTemplate) template = find_template ("people-mediation");
  ConcordAgreement *agreement = concord_agreement_new_draft (template, source);
  ConcordTerm *parts = money_term (WU, LI, 3000000, "银行转账", NULL);
  ConcordTerm *act = concord_term_new (CONCORD_TERM_ACT);

  concord_agreement_set_field (agreement, "responsibility", "吴某某负全部责任，\"引号\"、\\反斜杠\\\t制表。");
  concord_agreement_add_term (agreement, money_term (WU, ZHANG, 6000000, "银行转账", "2026-11-30"));
  add_instalment (parts, "2026-12-31", 2000000);
  add_instalment (parts, "2027-01-31", 1000000);
  concord_agreement_add_term (agreement, parts);
  act->party_id = WU;
  act->text = g_strdup ("向张某某、李某某赔礼道歉");
  act->deadline = g_strdup ("于本协议签订当日");
  concord_agreement_add_term (agreement, act);
  return agreement;
}

static void
test_json_round_trip (void)
{
  g_autoptr(ConcordAgreement) agreement = full_agreement ();
  g_autoptr(ConcordAgreement) back = NULL;
  g_autoptr(ConcordAgreement) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = concord_agreement_to_json (agreement);
  g_autofree char *json_back = NULL;

  back = concord_agreement_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  json_back = concord_agreement_to_json (back);
  g_assert_cmpstr (json_back, ==, json);
  g_assert_true (concord_agreement_same_content (agreement, back));
  g_assert_cmpint (back->id, ==, 0);
  g_assert_cmpint (back->case_id, ==, 0);
  g_assert_cmpint (back->version, ==, 0);
  g_assert_cmpint (back->copies, ==, 4);
  g_assert_cmpuint (back->terms->len, ==, 3);
  g_assert_cmpuint (((ConcordTerm *) g_ptr_array_index (back->terms, 1))->instalments->len, ==, 2);
  g_assert_cmpstr (concord_agreement_get_field (back, "responsibility"), ==,
                   concord_agreement_get_field (agreement, "responsibility"));
  g_assert_cmpstr (((ConcordAgreementParty *) g_ptr_array_index (back->parties, 2))->particulars, ==,
                   ((ConcordAgreementParty *) g_ptr_array_index (agreement->parties, 2))->particulars);

  /* A deep copy keeps the stored identity too. */
  agreement->id = 5;
  agreement->version = 2;
  agreement->saved_by = g_strdup ("qian");
  copy = concord_agreement_copy (agreement);
  g_assert_cmpint (copy->id, ==, 5);
  g_assert_cmpint (copy->version, ==, 2);
  g_assert_cmpstr (copy->saved_by, ==, "qian");
  g_assert_true (concord_agreement_same_content (agreement, copy));
  ((ConcordTerm *) g_ptr_array_index (copy->terms, 0))->amount_fen = 5000000;
  g_assert_false (concord_agreement_same_content (agreement, copy));
}

static void
test_json_canonical (void)
{
  g_autoptr(ConcordAgreement) a = concord_agreement_new ("settlement");
  g_autoptr(ConcordAgreement) b = concord_agreement_new ("settlement");
  g_autofree char *json_a = NULL;
  g_autofree char *json_b = NULL;
  ConcordTerm *term;
  static const char *const keys[] = { "facts", "disputed", "closing", "default", "zeta", "alpha" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      concord_agreement_set_field (a, keys[i], keys[i]);
      concord_agreement_set_field (b, keys[G_N_ELEMENTS (keys) - 1 - i], keys[G_N_ELEMENTS (keys) - 1 - i]);
    }
  /* Many more, so that the hash tables' orders differ. */
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *key = g_strdup_printf ("k%02u", i);
      g_autofree char *other = g_strdup_printf ("k%02u", 49 - i);

      concord_agreement_set_field (a, key, key);
      concord_agreement_set_field (b, other, other);
    }
  json_a = concord_agreement_to_json (a);
  json_b = concord_agreement_to_json (b);
  g_assert_cmpstr (json_a, ==, json_b);
  g_assert_true (concord_agreement_same_content (a, b));

  /* The exact form: fixed member order, fields by key, no white space,
   * UTF-8 kept, blank term members left out. */
  {
    g_autoptr(ConcordAgreement) small = concord_agreement_new ("settlement");
    g_autoptr(ConcordCase) c = fire_case ();
    g_autofree char *json = NULL;
    g_autofree char *zhang_id = NULL;
    g_autofree char *want = NULL;

    concord_agreement_set_field (small, "facts", "失火\n\"一\"");
    concord_agreement_set_field (small, "closing", "了结。");
    term = concord_agreement_add_term (small, money_term (WU, ZHANG, 100, " ", "2026-11-30"));
    add_instalment (term, "2026-11-30", 100);
    small->copies = 2;
    g_ptr_array_set_size (c->parties, 1);
    concord_agreement_refresh_parties (small, c);
    json = concord_agreement_to_json (small);
    zhang_id = fixture_resident_id ("37020219680412001");
    want = g_strdup_printf ("{\"format\":1,\"template\":\"settlement\","
                            "\"fields\":{\"closing\":\"了结。\",\"facts\":\"失火\\n\\\"一\\\"\"},"
                            "\"terms\":[{\"id\":\"t1\",\"kind\":\"money\",\"party\":3,\"counterparty\":1,\"amount\":100,"
                            "\"due_date\":\"2026-11-30\",\"instalments\":[{\"due_date\":\"2026-11-30\",\"amount\":100}]}],"
                            "\"copies\":2,"
                            "\"parties\":[{\"party_id\":1,\"role\":\"申请人\",\"name\":\"张某某\",\"particulars\":"
                            "\"张某某，男，1968年4月12日出生，汉族，住幸福路8号3单元402室，公民身份号码%s，"
                            "联系电话13805320001。\"}]}", zhang_id);
    g_assert_cmpstr (json, ==, want);
  }
}

static void
test_json_refused (void)
{
  static const struct { const char *json; const char *where; } cases[] = {
    { "", "/" },
    { "[]", "/" },
    { "{\"fields\":{}}", "template" },
    { "{\"format\":2,\"template\":\"settlement\"}", "format" },
    { "{\"template\":\"settlement\",\"colour\":\"red\"}", "colour" },
    { "{\"template\":\"settlement\",\"fields\":{\"facts\":5}}", "fields.facts" },
    { "{\"template\":\"settlement\",\"terms\":[{\"id\":\"t1\",\"kind\":\"gift\",\"party\":1,\"counterparty\":2,\"amount\":1}]}",
      "terms[0].kind" },
    { "{\"template\":\"settlement\",\"terms\":[{\"id\":\"t1\",\"kind\":\"money\",\"party\":1,\"counterparty\":2,\"amount\":1},"
      "{\"id\":\"t1\",\"kind\":\"act\",\"party\":1,\"counterparty\":0,\"amount\":0}]}",
      "terms[1].id" },
    { "{\"template\":\"settlement\",\"terms\":[{\"id\":\"t1\",\"kind\":\"money\",\"party\":1,\"counterparty\":2,\"amount\":-5}]}",
      "terms[0].amount" },
    { "{\"template\":\"settlement\",\"terms\":[{\"id\":\"t1\",\"kind\":\"money\",\"party\":1,\"counterparty\":2,\"amount\":5,"
      "\"instalments\":[{\"due_date\":\"2026-01-01\",\"amount\":5},{\"due_date\":3,\"amount\":5}]}]}",
      "terms[0].instalments[1].due_date" },
    { "{\"template\":\"settlement\",\"copies\":\"four\"}", "copies" },
    { "{\"template\":\"settlement\",\"parties\":[{\"party_id\":1,\"name\":7}]}", "parties[0].name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConcordAgreement) agreement = NULL;
      g_autofree char *message = g_strdup_printf ("The agreement’s stored content is damaged at “%s”.", cases[i].where);

      g_test_message ("%s", cases[i].json);
      agreement = concord_agreement_from_json (cases[i].json, &error);
      g_assert_null (agreement);
      g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, message);
    }
}

/* Differences */

static void
test_diff (void)
{
  g_autoptr(ConcordTemplate) template = find_template ("people-mediation");
  g_autoptr(ConcordAgreement) before = full_agreement ();
  g_autoptr(ConcordAgreement) after = concord_agreement_copy (before);
  g_autoptr(GPtrArray) none = concord_agreement_diff (before, after, template);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(ConcordCase) c = fire_case ();
  ConcordTerm *term;
  const ConcordAgreementChange *change;

  g_assert_cmpuint (none->len, ==, 0);

  concord_agreement_set_field (after, "facts", "新的事实。");
  concord_agreement_set_field (after, "confirmation", NULL);
  concord_agreement_remove_term (after, "t2");
  ((ConcordTerm *) g_ptr_array_index (after->terms, 0))->amount_fen = 5000000;
  term = concord_agreement_add_term (after, money_term (WU, LI, 1000000, "现金", "2026-12-31"));
  after->copies = 5;
  g_free (((ConcordParty *) g_ptr_array_index (c->parties, 1))->address);
  ((ConcordParty *) g_ptr_array_index (c->parties, 1))->address = g_strdup ("光明路2号");
  concord_agreement_refresh_parties (after, c);

  changes = concord_agreement_diff (before, after, template);
  {
    static const struct { const char *target; const char *label; ConcordChangeKind kind; } want[] = {
      { "field:facts", "Main facts", CONCORD_CHANGE_CHANGED },
      { "field:confirmation", "Judicial confirmation", CONCORD_CHANGE_REMOVED },
      { "term:t1", "Term 1: money, 吴某某 → 张某某", CONCORD_CHANGE_CHANGED },
      { "term:t2", "Term 2: money, 吴某某 → 李某某", CONCORD_CHANGE_REMOVED },
      { "term:t4", "Term 3: money, 吴某某 → 李某某", CONCORD_CHANGE_ADDED },
      { "copies", "Copies", CONCORD_CHANGE_CHANGED },
      { "party:2", "李某某", CONCORD_CHANGE_CHANGED },
    };

    for (guint i = 0; i < changes->len; i++)
      g_test_message ("%s", ((ConcordAgreementChange *) g_ptr_array_index (changes, i))->target);
    g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (want));
    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      {
        change = g_ptr_array_index (changes, i);
        g_assert_cmpstr (change->target, ==, want[i].target);
        g_assert_cmpstr (change->label, ==, want[i].label);
        g_assert_cmpint (change->kind, ==, want[i].kind);
      }
  }
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->old_text, ==, concord_agreement_get_field (before, "facts"));
  g_assert_cmpstr (change->new_text, ==, "新的事实。");
  change = g_ptr_array_index (changes, 1);
  g_assert_nonnull (change->old_text);
  g_assert_null (change->new_text);
  change = g_ptr_array_index (changes, 2);
  g_assert_cmpstr (change->old_text, ==,
                   "吴某某于2026年11月30日前向张某某一次性支付人民币陆万元整（¥60,000.00），支付方式：银行转账。");
  g_assert_cmpstr (change->new_text, ==,
                   "吴某某于2026年11月30日前向张某某一次性支付人民币伍万元整（¥50,000.00），支付方式：银行转账。");
  change = g_ptr_array_index (changes, 4);
  g_assert_null (change->old_text);
  g_assert_cmpstr (change->new_text, ==,
                   "吴某某于2026年12月31日前向李某某一次性支付人民币壹万元整（¥10,000.00），支付方式：现金。");
  g_assert_cmpstr (term->id, ==, "t4");
  change = g_ptr_array_index (changes, 5);
  g_assert_cmpstr (change->old_text, ==, "4");
  g_assert_cmpstr (change->new_text, ==, "5");
  change = g_ptr_array_index (changes, 6);
  g_assert_true (g_str_has_prefix (change->old_text, "申请人：李某某，女，1975年9月23日出生，汉族，住光明路1号"));
  g_assert_true (g_str_has_prefix (change->new_text, "申请人：李某某，女，1975年9月23日出生，汉族，住光明路2号"));

  /* Another template; terms in another order. */
  {
    g_autoptr(ConcordAgreement) other = concord_agreement_copy (before);
    g_autoptr(GPtrArray) more = NULL;
    gpointer first;

    g_free (other->template_id);
    other->template_id = g_strdup ("settlement");
    first = other->terms->pdata[0];
    other->terms->pdata[0] = other->terms->pdata[1];
    other->terms->pdata[1] = first;
    more = concord_agreement_diff (before, other, template);
    g_assert_cmpuint (more->len, ==, 2);
    change = g_ptr_array_index (more, 0);
    g_assert_cmpstr (change->target, ==, "terms");
    g_assert_cmpstr (change->label, ==, "Terms");
    g_assert_true (g_str_has_prefix (change->new_text, "1. 吴某某向李某某支付"));
    change = g_ptr_array_index (more, 1);
    g_assert_cmpstr (change->target, ==, "template");
    g_assert_cmpstr (change->old_text, ==, "People’s mediation agreement");
    g_assert_cmpstr (change->new_text, ==, "Settlement agreement");
  }
}

static void
test_target_labels (void)
{
  g_autoptr(ConcordTemplate) template = find_template ("people-mediation");
  g_autoptr(ConcordAgreement) agreement = full_agreement ();
  static const struct { const char *target; const char *label; } cases[] = {
    { "field:facts", "Main facts" },
    { "field:unknown-key", "unknown-key" },
    { "term:t1", "Term 1: money, 吴某某 → 张某某" },
    { "term:t3", "Term 3: act, 吴某某" },
    { "term:t8", "Term “t8”" },
    { "terms", "Terms" },
    { "copies", "Copies" },
    { "party:3", "吴某某" },
    { "party:99", "A party" },
    { "team", "Team" },
    { "setting:station.committee", "Station settings" },
    { "case:place", "Place of the incident" },
    { "case:occurred-at", "Time of the incident" },
    { "case:police-screening", "Police mediation checklist" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = concord_agreement_target_label (agreement, template, cases[i].target);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

/* Text differences */

static void
rebuild (GPtrArray *segments,
         char     **before,
         char     **after)
{
  GString *b = g_string_new (NULL);
  GString *a = g_string_new (NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      const ConcordDiffSegment *segment = g_ptr_array_index (segments, i);

      g_assert_cmpuint (strlen (segment->text), >, 0);
      g_assert_true (g_utf8_validate (segment->text, -1, NULL));
      if (i > 0)
        g_assert_cmpint (((ConcordDiffSegment *) g_ptr_array_index (segments, i - 1))->op, !=, segment->op);
      if (segment->op != CONCORD_DIFF_INSERTED)
        g_string_append (b, segment->text);
      if (segment->op != CONCORD_DIFF_DELETED)
        g_string_append (a, segment->text);
    }
  *before = g_string_free (b, FALSE);
  *after = g_string_free (a, FALSE);
}

static void
test_text_diff_example (void)
{
  g_autoptr(GPtrArray) segments = concord_text_diff ("本协议一式四份，当事人各执一份。", "本协议一式五份，各方当事人各执一份。");
  static const struct { ConcordDiffOp op; const char *text; } want[] = {
    { CONCORD_DIFF_SAME, "本协议一式" },
    { CONCORD_DIFF_DELETED, "四" },
    { CONCORD_DIFF_INSERTED, "五" },
    { CONCORD_DIFF_SAME, "份，" },
    { CONCORD_DIFF_INSERTED, "各方" },
    { CONCORD_DIFF_SAME, "当事人各执一份。" },
  };

  g_assert_cmpuint (segments->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      const ConcordDiffSegment *segment = g_ptr_array_index (segments, i);

      g_assert_cmpint (segment->op, ==, want[i].op);
      g_assert_cmpstr (segment->text, ==, want[i].text);
    }

  g_clear_pointer (&segments, g_ptr_array_unref);
  segments = concord_text_diff ("", "");
  g_assert_cmpuint (segments->len, ==, 0);
  g_clear_pointer (&segments, g_ptr_array_unref);
  segments = concord_text_diff (NULL, "新增");
  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_cmpint (((ConcordDiffSegment *) g_ptr_array_index (segments, 0))->op, ==, CONCORD_DIFF_INSERTED);
  g_clear_pointer (&segments, g_ptr_array_unref);
  segments = concord_text_diff ("删除", "");
  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_cmpint (((ConcordDiffSegment *) g_ptr_array_index (segments, 0))->op, ==, CONCORD_DIFF_DELETED);

  /* A removed name is shown removed whole, from the punctuation before
   * it, not as a change inside the name left standing. */
  g_clear_pointer (&segments, g_ptr_array_unref);
  segments = concord_text_diff ("调解员黄某某、记录员梁某某", "调解员黄某某");
  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpstr (((ConcordDiffSegment *) g_ptr_array_index (segments, 0))->text, ==, "调解员黄某某");
  g_assert_cmpstr (((ConcordDiffSegment *) g_ptr_array_index (segments, 1))->text, ==, "、记录员梁某某");
  g_clear_pointer (&segments, g_ptr_array_unref);
  segments = concord_text_diff ("张某某、李某某", "张某某、王某某、李某某");
  g_assert_cmpuint (segments->len, ==, 3);
  g_assert_cmpstr (((ConcordDiffSegment *) g_ptr_array_index (segments, 1))->text, ==, "、王某某");
  g_assert_cmpint (((ConcordDiffSegment *) g_ptr_array_index (segments, 1))->op, ==, CONCORD_DIFF_INSERTED);
}

/* The length of a longest common subsequence, by dynamic programming:
 * what an optimal difference keeps. */
static glong
lcs_length (const gunichar *a,
            glong           n,
            const gunichar *b,
            glong           m)
{
  g_autofree glong *row = g_new0 (glong, m + 1);

  for (glong i = 1; i <= n; i++)
    {
      glong diagonal = 0;

      for (glong j = 1; j <= m; j++)
        {
          glong above = row[j];

          row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : MAX (row[j], row[j - 1]);
          diagonal = above;
        }
    }
  return row[m];
}

static char *
random_text (guint max_len)
{
  /* A small alphabet of CJK, ASCII and a 4-byte character, so that texts
   * share a lot. */
  static const char *const alphabet[] = { "调", "解", "协", "议", "，", "。", "a", "1", "\n", "𠀀" };
  guint len = (guint) g_test_rand_int_range (0, (gint32) max_len + 1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < len; i++)
    g_string_append (out, alphabet[g_test_rand_int_range (0, G_N_ELEMENTS (alphabet))]);
  return g_string_free (out, FALSE);
}

static char *
mutate (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gint32 dice = g_test_rand_int_range (0, 10);

      if (dice == 0)
        continue;
      if (dice == 1)
        g_string_append (out, "新");
      g_string_append_unichar (out, g_utf8_get_char (p));
    }
  return g_string_free (out, FALSE);
}

static void
test_text_diff_property (void)
{
  for (guint round = 0; round < 600; round++)
    {
      g_autofree char *before = random_text (round < 300 ? 12 : 80);
      g_autofree char *after = round % 2 == 0 ? random_text (round < 300 ? 12 : 80) : mutate (before);
      g_autoptr(GPtrArray) segments = concord_text_diff (before, after);
      g_autofree char *got_before = NULL;
      g_autofree char *got_after = NULL;
      g_autofree gunichar *a = NULL;
      g_autofree gunichar *b = NULL;
      glong n, m, deleted = 0, inserted = 0, lcs;

      rebuild (segments, &got_before, &got_after);
      g_assert_cmpstr (got_before, ==, before);
      g_assert_cmpstr (got_after, ==, after);

      /* And the difference is as small as can be. */
      a = g_utf8_to_ucs4_fast (before, -1, &n);
      b = g_utf8_to_ucs4_fast (after, -1, &m);
      lcs = lcs_length (a, n, b, m);
      for (guint i = 0; i < segments->len; i++)
        {
          const ConcordDiffSegment *segment = g_ptr_array_index (segments, i);

          if (segment->op == CONCORD_DIFF_DELETED)
            deleted += g_utf8_strlen (segment->text, -1);
          else if (segment->op == CONCORD_DIFF_INSERTED)
            inserted += g_utf8_strlen (segment->text, -1);
        }
      g_assert_cmpint (deleted, ==, n - lcs);
      g_assert_cmpint (inserted, ==, m - lcs);
    }
}

static void
test_text_diff_long (void)
{
  /* Clause-sized texts that differ throughout stay quick. */
  GString *a = g_string_new (NULL);
  GString *b = g_string_new (NULL);
  g_autoptr(GPtrArray) segments = NULL;
  g_autofree char *got_before = NULL;
  g_autofree char *got_after = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append (a, i % 3 == 0 ? "甲" : "乙");
      g_string_append (b, i % 5 == 0 ? "乙" : "丙");
    }
  segments = concord_text_diff (a->str, b->str);
  rebuild (segments, &got_before, &got_after);
  g_assert_cmpstr (got_before, ==, a->str);
  g_assert_cmpstr (got_after, ==, b->str);
  g_string_free (a, TRUE);
  g_string_free (b, TRUE);
}

/* A station's police template that asks less than the law still gets the
 * police rules: the art. 179 checklist, the presiding officer… */
static void
test_check_mandatory (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/concord/Concord/core/templates/police-mediation.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordTemplate) weak = NULL;
  g_autoptr(ConcordAgreementSource) source = fight_source ();
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *json = NULL;
  g_autofree char *found = NULL;
  const char *start, *end;
  GString *edited;

  g_assert_nonnull (bytes);
  json = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  start = strstr (json, "\"checks\"");
  g_assert_nonnull (start);
  end = strchr (start, ']');
  edited = g_string_new_len (json, start - json);
  g_string_append (edited, "\"checks\": [\"parties-particulars\"");
  g_string_append (edited, end);
  weak = concord_template_parse (edited->str, -1, "weak.json", &error);
  g_string_free (edited, TRUE);
  g_assert_no_error (error);
  g_assert_cmpstr (weak->checks[0], ==, "parties-particulars");
  g_assert_null (weak->checks[1]);

  source->c->police_screened = FALSE;
  agreement = concord_agreement_new_draft (weak, source);
  problems = concord_agreement_check (agreement, weak, source);
  found = targets (problems);
  g_assert_nonnull (strstr (found, "case:police-screening"));
  g_assert_nonnull (strstr (found, "terms"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *empty_dir = NULL;
  int status;

  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);
  empty_dir = g_dir_make_tmp ("concord-no-templates-XXXXXX", NULL);
  g_setenv ("CONCORD_TEMPLATE_DIR", empty_dir, TRUE);

  g_test_add_func ("/agreement/draft/people", test_draft_people);
  g_test_add_func ("/agreement/claims-amount-once", test_claims_amount_once);
  g_test_add_func ("/agreement/draft/police", test_draft_police);
  g_test_add_func ("/agreement/check/people-step-by-step", test_check_people_step_by_step);
  g_test_add_func ("/agreement/check/particulars", test_check_particulars);
  g_test_add_func ("/agreement/check/terms", test_check_terms);
  g_test_add_func ("/agreement/check/police", test_check_police);
  g_test_add_func ("/agreement/check/mandatory", test_check_mandatory);
  g_test_add_func ("/agreement/term-text", test_term_text);
  g_test_add_func ("/agreement/particulars", test_particulars);
  g_test_add_func ("/agreement/refresh-parties", test_refresh_parties);
  g_test_add_func ("/agreement/terms-and-fields", test_terms_and_fields);
  g_test_add_func ("/agreement/json/round-trip", test_json_round_trip);
  g_test_add_func ("/agreement/json/canonical", test_json_canonical);
  g_test_add_func ("/agreement/json/refused", test_json_refused);
  g_test_add_func ("/agreement/diff", test_diff);
  g_test_add_func ("/agreement/target-labels", test_target_labels);
  g_test_add_func ("/agreement/text-diff/example", test_text_diff_example);
  g_test_add_func ("/agreement/text-diff/property", test_text_diff_property);
  g_test_add_func ("/agreement/text-diff/long", test_text_diff_long);
  status = g_test_run ();
  g_rmdir (empty_dir);
  return status;
}
