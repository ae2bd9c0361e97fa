/* concord-agreement.h — the agreement: its content, a draft made from the
 * case, the legal completeness check, and the differences between versions
 *
 * An agreement follows a template (concord-template.h). Its content is the
 * template's fields (key → text), the agreed terms, the number of copies,
 * and a snapshot of the parties' particulars taken when it is saved. Every
 * saved draft is a version (concord_store_save_agreement()).
 *
 * Clauses are named by a "target" string, used by the completeness check
 * (where to jump), review comments and citations (what they are about) and
 * the differences between versions:
 *   "field:KEY"    a template field         "term:ID"   one agreed term
 *   "terms"        the terms as a whole     "copies"    the number of copies
 *   "party:ID"     a party's particulars (ConcordParty.id; edited in the case)
 *   "team"         the case's team          "setting:KEY" a station setting
 *   "case:NAME"    a particular of the case: "case:place", "case:occurred-at",
 *                  "case:facts", "case:police-screening"
 *
 * Document text made here (term sentences, particulars) is Chinese, never
 * translated; messages for the mediator go through gettext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "concord-case.h"
#include "concord-session.h"
#include "concord-template.h"

G_BEGIN_DECLS

typedef enum
{
  CONCORD_TERM_MONEY,   /* a party pays another: amount, method, when */
  CONCORD_TERM_ACT,     /* a party does or refrains from something, e.g.
                         * "每日19时至21时在广场东侧跳舞" */
  CONCORD_N_TERM_KINDS
} ConcordTermKind;

typedef struct
{
  char   *due_date;     /* YYYY-MM-DD */
  gint64  amount_fen;   /* > 0 */
} ConcordInstalment;

typedef struct
{
  char            *id;              /* "t1", "t2"…: stable within the agreement */
  ConcordTermKind  kind;
  gint64           party_id;        /* who pays (money) or performs (act) */
  gint64           counterparty_id; /* to whom: money requires it; act: 0 for
                                     * "the other parties" */
  gint64           amount_fen;      /* money: the whole amount, > 0 */
  char            *method;          /* money: "银行转账", "现金"…, or NULL */
  char            *due_date;        /* money: YYYY-MM-DD of a single payment;
                                     * NULL when paid in instalments */
  GArray          *instalments;     /* of ConcordInstalment: empty for one
                                     * payment; else dates rising, amounts
                                     * summing to amount_fen */
  char            *text;            /* act: what is done; money: further words
                                     * ("含医疗费、误工费") or NULL */
  char            *deadline;        /* act: time limit of performance in words
                                     * ("自2026年12月1日起"), or NULL */
} ConcordTerm;

ConcordTerm *concord_term_new (ConcordTermKind kind);
ConcordTerm *concord_term_copy (const ConcordTerm *term);
void         concord_term_free (ConcordTerm *term);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordTerm, concord_term_free)

/* A party as the agreement states it (snapshot taken from the case). */
typedef struct
{
  gint64  party_id;
  char   *role;         /* "甲方", "申请人"… (concord_case_dup_party_role()) */
  char   *name;
  char   *particulars;  /* "吴某某，男，2004年3月2日出生，汉族，学生，住……，
                         * 公民身份号码……，联系电话……" and the agent's line */
} ConcordAgreementParty;

void concord_agreement_party_free (ConcordAgreementParty *party);

typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  gint64      id;           /* the stored version's row id; 0 when not saved */
  gint64      case_id;
  int         version;      /* 1, 2…; 0 when not saved */
  char       *template_id;
  char       *saved_at;     /* UTC ISO-8601, set by the storage */
  char       *saved_by;
  int         submitted;    /* set by the storage: 0 not sent on, 1 sent to
                             * legal review, 2 sent straight to signing
                             * (the station did not require review) */
  GHashTable *fields;       /* key → text; blank fields are absent */
  GPtrArray  *terms;        /* of ConcordTerm, in order */
  int         copies;       /* number of copies to print and sign */
  GPtrArray  *parties;      /* of ConcordAgreementParty, in the case's order */
} ConcordAgreement;

#define CONCORD_TYPE_AGREEMENT (concord_agreement_get_type ())
GType             concord_agreement_get_type (void) G_GNUC_CONST;
ConcordAgreement *concord_agreement_new (const char *template_id);
ConcordAgreement *concord_agreement_ref (ConcordAgreement *self);
void              concord_agreement_unref (ConcordAgreement *self);
/* Deep copy (id, version and saved_* too). */
ConcordAgreement *concord_agreement_copy (const ConcordAgreement *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordAgreement, concord_agreement_unref)

/* The template @self follows (a new reference), or NULL with
 * CONCORD_ERROR_INVALID naming it when this desk does not have it. */
ConcordTemplate *concord_agreement_dup_template (const ConcordAgreement  *self,
                                                 GError                 **error);

/* The text of field @key, or NULL. */
const char  *concord_agreement_get_field (const ConcordAgreement *self,
                                          const char             *key);
/* Sets field @key (stripped; blank removes it). */
void         concord_agreement_set_field (ConcordAgreement *self,
                                          const char       *key,
                                          const char       *text);
/* Appends @term (taking it), giving it the next free id when it has none. */
ConcordTerm *concord_agreement_add_term (ConcordAgreement *self,
                                         ConcordTerm      *term);
ConcordTerm *concord_agreement_find_term (const ConcordAgreement *self,
                                          const char             *id);
gboolean     concord_agreement_remove_term (ConcordAgreement *self,
                                            const char       *id);

/* The content as canonical JSON (fixed member order, no id, version or
 * saved_*): what versions store and compare, and what a later content hash
 * covers. */
char             *concord_agreement_to_json (const ConcordAgreement *self);
/* Reads content made by concord_agreement_to_json(); CONCORD_ERROR_INVALID
 * on anything else. id, case_id, version and saved_* stay unset. */
ConcordAgreement *concord_agreement_from_json (const char  *json,
                                               GError     **error);
/* TRUE when both have the same content (template, fields, terms, copies,
 * parties). */
gboolean          concord_agreement_same_content (const ConcordAgreement *a,
                                                  const ConcordAgreement *b);

/* What a draft is made from and checked against: the case and what the
 * store knows around it (concord_store_dup_agreement_source() fills one). */
typedef struct
{
  ConcordCase *c;              /* parties, team, facts, place, occurred_at… */
  char        *station_name;   /* setting station.name, or NULL */
  char        *committee_name; /* setting station.committee, or NULL */
  GPtrArray   *sessions;       /* of ConcordSession (attendees), or NULL */
  GPtrArray   *positions;      /* of ConcordPosition, or NULL */
  char        *today;          /* YYYY-MM-DD (concord_clock_today_iso()) */
} ConcordAgreementSource;

void concord_agreement_source_free (ConcordAgreementSource *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordAgreementSource, concord_agreement_source_free)

/* A new draft of @template for the case: the parties' snapshot, every
 * field whose template "source" is known filled from @source, the
 * clauses' standard text, copies = parties + the template's extra copies,
 * no terms. Sources: "case.facts", "case.claims" (each party's claims and
 * latest demand, one line each), "case.place", "case.occurred-at",
 * "case.incident-no", "case.team" (the team with roles), "case.attendees"
 * (everyone who attended a session, with what they are), "station.name",
 * "station.committee", "team.mediator", "team.officer" (names), "today". */
ConcordAgreement *concord_agreement_new_draft (ConcordTemplate              *template,
                                               const ConcordAgreementSource *source);

/* @text with the template placeholders filled in from @self: "{copies}"
 * becomes the number of copies in Chinese ("四"). A template's standard
 * clause goes into a draft this way. */
char             *concord_agreement_expand_text (const ConcordAgreement *self,
                                                 const char             *text);

/* Sets the number of copies and says it in the clauses: every "一式N份"
 * in a field that named the old number names the new one. Returns the
 * keys of the fields it changed (a new array of strings, maybe empty). */
GPtrArray        *concord_agreement_set_copies (ConcordAgreement *self,
                                                int               copies);

/* Takes the parties' particulars again from the case (when saving). */
void              concord_agreement_refresh_parties (ConcordAgreement  *self,
                                                     const ConcordCase *c);

/* "吴某某，男，2004年3月2日出生，汉族，学生，住……": the particulars of
 * @party as an agreement states them (with its agent on a second line). */
char             *concord_agreement_party_particulars (const ConcordCase  *c,
                                                       const ConcordParty *party);

/* The sentence of a term as the agreement prints it, e.g.
 * "吴某某于2026年11月30日前向张某某一次性支付人民币陆万元整（¥60,000.00），
 * 支付方式：银行转账。" Names come from the parties' snapshot. */
char             *concord_agreement_term_text (const ConcordAgreement *self,
                                               const ConcordTerm      *term);

/* One thing the completeness check found missing. */
typedef struct
{
  char *target;     /* where it is fixed (see the top of this file) */
  char *message;    /* interface language, for the mediator: "Wu’s
                     * address is missing (a party’s particulars: People’s
                     * Mediation Law art. 29)" */
} ConcordAgreementProblem;

void concord_agreement_problem_free (ConcordAgreementProblem *problem);

/* The legal completeness check: every rule the template lists in "checks",
 * in the template's order. Returns a new array of ConcordAgreementProblem,
 * empty when the agreement may go to review or print. Rules:
 *   "parties-particulars"  each party: name, gender, date of birth or ID
 *                          number, address (organisations: name,
 *                          representative, address) — 人民调解法 art. 29(1)
 *   "required-fields"      every field the template marks required
 *   "terms-present"        at least one term — art. 29(3)
 *   "terms-performance"    each term complete: money has payer, payee
 *                          (another party), amount, method, and a due date
 *                          or instalments with dates that sum exactly to the
 *                          amount; an act has who, what and time limit
 *   "mediator"             a mediator on the team (signs) — art. 29
 *   "committee"            the committee's name (its seal) — art. 29
 *   "copies"               copies ≥ parties + extra copies — art. 29
 *   "organ"                the police station's name — police rules art. 184
 *   "presiding-officer"    an officer on the team — art. 184
 *   "incident"             time and place of the incident — art. 184
 *   "police-screening"     the art. 179 checklist was done at intake and
 *                          nothing excludes police mediation */
GPtrArray        *concord_agreement_check (const ConcordAgreement       *self,
                                           const ConcordTemplate        *template,
                                           const ConcordAgreementSource *source);

/* What a target is called in the interface, for lists of problems,
 * comments and changes: "Main facts", "Term 2 (money)", "Copies"… */
char             *concord_agreement_target_label (const ConcordAgreement *self,
                                                  const ConcordTemplate  *template,
                                                  const char             *target);

typedef enum
{
  CONCORD_CHANGE_ADDED,
  CONCORD_CHANGE_REMOVED,
  CONCORD_CHANGE_CHANGED,
} ConcordChangeKind;

typedef struct
{
  char              *target;
  char              *label;     /* concord_agreement_target_label() */
  ConcordChangeKind  kind;
  char              *old_text;  /* NULL when added */
  char              *new_text;  /* NULL when removed */
} ConcordAgreementChange;

void concord_agreement_change_free (ConcordAgreementChange *change);

/* What changed from @before to @after, in document order: fields, terms
 * (by id; a term's text as concord_agreement_term_text() says it),
 * copies, the parties' particulars, the template. Empty when the same. */
GPtrArray        *concord_agreement_diff (const ConcordAgreement *before,
                                          const ConcordAgreement *after,
                                          const ConcordTemplate  *template);

typedef enum
{
  CONCORD_DIFF_SAME,
  CONCORD_DIFF_DELETED,
  CONCORD_DIFF_INSERTED,
} ConcordDiffOp;

typedef struct
{
  ConcordDiffOp  op;
  char          *text;
} ConcordDiffSegment;

void concord_diff_segment_free (ConcordDiffSegment *segment);

/* A character-level difference of two texts (for showing a changed clause
 * with its deletions struck and insertions marked): a new array of
 * ConcordDiffSegment that spells @before with the SAME and DELETED
 * segments and @after with the SAME and INSERTED ones. */
GPtrArray        *concord_text_diff (const char *before,
                                     const char *after);

G_END_DECLS
