/* concord-types.h — the enumerations of the domain, with their stored codes
 * and their translated labels
 *
 * Every enumeration is stored in the database as a short ASCII code (so the
 * file stays readable with the sqlite3 shell) and shown through gettext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the dispute came from (来源). */
typedef enum
{
  CONCORD_SOURCE_CALL_110,      /* 110 报警 */
  CONCORD_SOURCE_WALK_IN,       /* 来访 */
  CONCORD_SOURCE_REFERRAL,      /* 移交/委托 (community, grid centre, court) */
  CONCORD_SOURCE_SCREENING,     /* 主动排查 */
  CONCORD_N_SOURCES
} ConcordSource;

/* Type of mediation (调解类型); decides the legal frame and the template. */
typedef enum
{
  CONCORD_MEDIATION_PEOPLE,     /* 人民调解 */
  CONCORD_MEDIATION_POLICE,     /* 治安调解 */
  CONCORD_MEDIATION_LAWYER,     /* 律师调解 */
  CONCORD_MEDIATION_SETTLEMENT, /* 和解 */
  CONCORD_N_MEDIATION_TYPES
} ConcordMediationType;

/* The stages of a case (DESIGN.md, "The path of a case"). */
typedef enum
{
  CONCORD_STAGE_RECEIVED,       /* 登记 */
  CONCORD_STAGE_ACCEPTED,       /* 受理 */
  CONCORD_STAGE_BACK_TO_BACK,   /* 背靠背 */
  CONCORD_STAGE_FACE_TO_FACE,   /* 面对面 */
  CONCORD_STAGE_DRAFTING,       /* 协议起草 */
  CONCORD_STAGE_REVIEW,         /* 法律审核 */
  CONCORD_STAGE_SIGNING,        /* 签署 */
  CONCORD_STAGE_FOLLOW_UP,      /* 回访 */
  CONCORD_STAGE_CLOSED,         /* 结案 */
  CONCORD_STAGE_NOT_ACCEPTED,   /* 不予受理 */
  CONCORD_STAGE_FAILED,         /* 调解不成 */
  CONCORD_STAGE_WITHDRAWN,      /* 撤回 */
  CONCORD_N_STAGES
} ConcordStage;

typedef enum
{
  CONCORD_PARTY_PERSON,         /* 自然人 */
  CONCORD_PARTY_ORGANISATION,   /* 法人或其他组织 */
  CONCORD_N_PARTY_KINDS
} ConcordPartyKind;

typedef enum
{
  CONCORD_ROLE_APPLICANT,       /* 申请人 */
  CONCORD_ROLE_RESPONDENT,      /* 被申请人 */
  CONCORD_ROLE_PARTY,           /* 当事人 (甲/乙/丙… by position, e.g. a fight) */
  CONCORD_ROLE_THIRD_PARTY,     /* 第三人 */
  CONCORD_N_PARTY_ROLES
} ConcordPartyRole;

/* Who speaks for a party. */
typedef enum
{
  CONCORD_AGENT_NONE,
  CONCORD_AGENT_ENTRUSTED,      /* 委托代理人 */
  CONCORD_AGENT_GUARDIAN,       /* 法定代理人/监护人 */
  CONCORD_AGENT_REPRESENTATIVE, /* 代表人 (a group, an organisation) */
  CONCORD_N_AGENT_KINDS
} ConcordAgentKind;

typedef enum
{
  CONCORD_GENDER_UNKNOWN,
  CONCORD_GENDER_MALE,
  CONCORD_GENDER_FEMALE,
  CONCORD_N_GENDERS
} ConcordGender;

typedef enum
{
  CONCORD_ID_NONE,
  CONCORD_ID_RESIDENT,          /* 居民身份证 (checked by its check digit) */
  CONCORD_ID_PASSPORT,          /* 护照 */
  CONCORD_ID_HK_MACAO,          /* 港澳居民来往内地通行证 */
  CONCORD_ID_TAIWAN,            /* 台湾居民来往大陆通行证 */
  CONCORD_ID_FOREIGN_RESIDENT,  /* 外国人永久居留身份证 */
  CONCORD_ID_CREDIT_CODE,       /* 统一社会信用代码 (organisations) */
  CONCORD_ID_OTHER,
  CONCORD_N_ID_TYPES
} ConcordIdType;

typedef enum
{
  CONCORD_TEAM_MEDIATOR,        /* 调解员 */
  CONCORD_TEAM_OFFICER,         /* 民警 */
  CONCORD_TEAM_LAWYER,          /* 律师 */
  CONCORD_TEAM_NOTE_TAKER,      /* 记录员 */
  CONCORD_TEAM_JUDICIAL,        /* 司法所工作人员 */
  CONCORD_TEAM_HELPER,          /* 其他参与人员 (residents' committee, market management…) */
  CONCORD_N_TEAM_ROLES
} ConcordTeamRole;

/* Each enumeration has the same three functions:
 *   _to_code():   the stored ASCII code, never translated
 *   _from_code(): the value for a code, or -1 when the code is unknown
 *   _label():     the translated label for the interface
 */
const char *concord_source_to_code (ConcordSource value);
int         concord_source_from_code (const char *code);
const char *concord_source_label (ConcordSource value);

const char *concord_mediation_type_to_code (ConcordMediationType value);
int         concord_mediation_type_from_code (const char *code);
const char *concord_mediation_type_label (ConcordMediationType value);

const char *concord_stage_to_code (ConcordStage value);
int         concord_stage_from_code (const char *code);
const char *concord_stage_label (ConcordStage value);
/* TRUE for closed, not accepted, failed and withdrawn: nothing is due. */
gboolean    concord_stage_is_final (ConcordStage value);

const char *concord_party_kind_to_code (ConcordPartyKind value);
int         concord_party_kind_from_code (const char *code);
const char *concord_party_kind_label (ConcordPartyKind value);

const char *concord_party_role_to_code (ConcordPartyRole value);
int         concord_party_role_from_code (const char *code);
const char *concord_party_role_label (ConcordPartyRole value);

const char *concord_agent_kind_to_code (ConcordAgentKind value);
int         concord_agent_kind_from_code (const char *code);
const char *concord_agent_kind_label (ConcordAgentKind value);

const char *concord_gender_to_code (ConcordGender value);
int         concord_gender_from_code (const char *code);
const char *concord_gender_label (ConcordGender value);

const char *concord_id_type_to_code (ConcordIdType value);
int         concord_id_type_from_code (const char *code);
const char *concord_id_type_label (ConcordIdType value);

const char *concord_team_role_to_code (ConcordTeamRole value);
int         concord_team_role_from_code (const char *code);
const char *concord_team_role_label (ConcordTeamRole value);

/* Label of the party at @position (0-based) among parties of role
 * CONCORD_ROLE_PARTY: 甲方, 乙方, 丙方, 丁方… */
char       *concord_party_ordinal_label (guint position);

/* The default dispute categories (纠纷类别) seeded into a new database.
 * Codes are stable; labels are translated. Stations may add their own
 * categories, whose labels are stored as typed. */
typedef struct
{
  const char *code;
  const char *label;            /* untranslated (N_()) English source */
} ConcordCategoryDefault;

const ConcordCategoryDefault *concord_category_defaults (guint *n_defaults);
/* Translated label for a built-in category code, or NULL when the code is
 * not built in. */
const char *concord_category_builtin_label (const char *code);

G_END_DECLS

G_BEGIN_DECLS
/* Where the translations are: $CONCORD_LOCALEDIR (set for runs from the
 * build tree and for tests), else the installed locale directory. */
const char *concord_locale_dir (void);
G_END_DECLS
