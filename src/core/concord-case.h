/* concord-case.h — the records of a dispute: case, party, team member
 *
 * These are plain reference-counted records (boxed types) with public
 * fields: the storage fills them, the forms edit copies of them, and the
 * storage writes them back whole in one transaction. Strings are owned
 * UTF-8, NULL when empty. Dates are "YYYY-MM-DD"; times are UTC ISO-8601
 * ("2026-11-23T13:22:25Z").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "concord-types.h"

G_BEGIN_DECLS

typedef struct _ConcordParty ConcordParty;

struct _ConcordParty
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  gint64            id;          /* 0 until stored */
  ConcordPartyKind  kind;
  ConcordPartyRole  role;
  char             *name;        /* required */
  ConcordGender     gender;
  char             *ethnicity;   /* 民族, e.g. "汉族" */
  char             *birth_date;  /* YYYY-MM-DD */
  ConcordIdType     id_type;
  char             *id_number;
  char             *phone;
  char             *address;
  char             *occupation;  /* for organisations: the legal representative */
  char             *claims;      /* what this party asks for (请求) */

  /* Agent, guardian or representative, with their own particulars; the
   * agent record's own agent fields are unused. */
  ConcordAgentKind  agent_kind;
  ConcordParty     *agent;       /* NULL when agent_kind is NONE */
  char             *agent_relation; /* relation to the party, e.g. "父子" */
};

#define CONCORD_TYPE_PARTY (concord_party_get_type ())
GType          concord_party_get_type (void) G_GNUC_CONST;
ConcordParty  *concord_party_new (void);
ConcordParty  *concord_party_ref (ConcordParty *party);
void           concord_party_unref (ConcordParty *party);
ConcordParty  *concord_party_copy (const ConcordParty *party);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordParty, concord_party_unref)

typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  gint64           id;           /* team member id; 0 until stored */
  char            *name;         /* required */
  ConcordTeamRole  role;         /* role in this case (or default role) */
  char            *phone;
  char            *id_number;
  char            *organisation; /* e.g. 四方派出所, 某律师事务所 */
  char            *username;     /* login name on this desk, for "mine" */
} ConcordTeamMember;

#define CONCORD_TYPE_TEAM_MEMBER (concord_team_member_get_type ())
GType              concord_team_member_get_type (void) G_GNUC_CONST;
ConcordTeamMember *concord_team_member_new (void);
ConcordTeamMember *concord_team_member_ref (ConcordTeamMember *member);
void               concord_team_member_unref (ConcordTeamMember *member);
ConcordTeamMember *concord_team_member_copy (const ConcordTeamMember *member);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordTeamMember, concord_team_member_unref)

/* What excludes police mediation (公安机关办理行政案件程序规定 art. 179),
 * asked at intake as a checklist: bits of ConcordCase.police_exclusions. */
typedef enum
{
  CONCORD_EXCLUSION_HIRED_HARM    = 1 << 0, /* 雇凶伤害他人 */
  CONCORD_EXCLUSION_GANG_FIGHT    = 1 << 1, /* 结伙斗殴或者其他寻衅滋事 */
  CONCORD_EXCLUSION_REPEATED      = 1 << 2, /* 多次实施违反治安管理行为 */
  CONCORD_EXCLUSION_UNWILLING     = 1 << 3, /* 当事人明确表示不愿意调解处理 */
  CONCORD_EXCLUSION_NEW_VIOLATION = 1 << 4, /* 调解中又针对对方实施违反治安管理行为 */
  CONCORD_EXCLUSION_FLED          = 1 << 5, /* 调解过程中违法嫌疑人逃跑 */
  CONCORD_EXCLUSION_OTHER         = 1 << 6, /* 其他不宜调解处理 */
} ConcordPoliceExclusion;
#define CONCORD_N_EXCLUSIONS 7

/* The checklist item of @bit, in the interface language. */
const char *concord_police_exclusion_label (ConcordPoliceExclusion bit);

typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  gint64               id;            /* 0 until stored */
  char                *case_no;       /* assigned by the storage on first save */
  ConcordSource        source;
  char                *referred_by;   /* for referrals: community, grid centre, court… */
  char                *incident_no;   /* police incident number (警情号) */
  char                *occurred_at;   /* UTC ISO-8601, or NULL */
  char                *place;
  char                *category;      /* category code, see concord_store_list_categories() */
  ConcordMediationType mediation_type;
  char                *facts;         /* 纠纷事实; one sentence is enough at intake */
  ConcordStage         stage;
  char                *stage_reason;  /* reason of the last stage decision (e.g. not accepted) */
  char                *received_at;   /* UTC; set by storage on first save */
  char                *due_at;        /* UTC deadline of the current stage, or NULL */
  char                *updated_at;    /* UTC; set by storage */
  GPtrArray           *parties;       /* of ConcordParty, in order */
  GPtrArray           *team;          /* of ConcordTeamMember, role = role in this case */
  /* Police mediation only: the art. 179 checklist. police_screened is TRUE
   * once it was gone through; any exclusion bit set makes the case
   * ineligible for police mediation (concord_case_validate() refuses it). */
  gboolean             police_screened;
  guint                police_exclusions;
} ConcordCase;

#define CONCORD_TYPE_CASE (concord_case_get_type ())
GType        concord_case_get_type (void) G_GNUC_CONST;
ConcordCase *concord_case_new (void);
ConcordCase *concord_case_ref (ConcordCase *self);
void         concord_case_unref (ConcordCase *self);
/* Deep copy (parties and team are copied too). */
ConcordCase *concord_case_copy (const ConcordCase *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordCase, concord_case_unref)

/* "吴某、李某、张某": the parties' names joined, for lists and titles. */
char        *concord_case_dup_party_names (const ConcordCase *self);
/* The role of @party in the case as people say it: "甲方", "乙方"… by
 * its order among the parties of role CONCORD_ROLE_PARTY
 * (concord_party_ordinal_label()), the role's label otherwise. */
char        *concord_case_dup_party_role (const ConcordCase  *self,
                                          const ConcordParty *party);

/* Replace *field with a copy of @value, stripped; empty becomes NULL. */
void         concord_set_text (char **field, const char *value);

/* TRUE when @text is NULL, empty or only white space (any Unicode space). */
gboolean     concord_text_is_blank (const char *text);

G_END_DECLS
