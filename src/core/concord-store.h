/* concord-store.h — the storage interface
 *
 * Everything outside src/core/concord-sqlite-*.c talks to storage through
 * this interface, so that a shared PostgreSQL backend can be added without
 * touching the interface code. Every write happens in one transaction:
 * either all of it is stored or none of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "concord-case.h"
#include "concord-case-summary.h"
#include "concord-session.h"
#include "concord-stage.h"
#include "concord-agreement.h"
#include "concord-review.h"
#include "concord-statute.h"
#include "concord-signature.h"

G_BEGIN_DECLS

/* What the case list shows: all fields optional. */
typedef struct
{
  char    *text;            /* search text; NULL or blank for all cases */
  int      stage;           /* ConcordStage, or -1 for any */
  char    *category;        /* category code, or NULL for any */
  int      mediation_type;  /* ConcordMediationType, or -1 for any */
  char    *mine;            /* a username: only cases whose team has them */
  gboolean overdue;         /* only cases past their due time */
  gboolean open_work_orders; /* only cases with an unanswered work order */
} ConcordCaseQuery;

ConcordCaseQuery *concord_case_query_new (void);
ConcordCaseQuery *concord_case_query_copy (const ConcordCaseQuery *query);
void              concord_case_query_free (ConcordCaseQuery *query);
gboolean          concord_case_query_equal (const ConcordCaseQuery *a,
                                            const ConcordCaseQuery *b);
/* TRUE when the query's text holds more than white space. */
gboolean          concord_case_query_has_text (const ConcordCaseQuery *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordCaseQuery, concord_case_query_free)

/* A dispute category: built-in ones have a translated label. */
typedef struct
{
  char    *code;
  char    *label;           /* translated for built-in codes */
  gboolean builtin;
  gboolean active;          /* inactive categories stay on old cases only */
} ConcordCategory;

void concord_category_free (ConcordCategory *category);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordCategory, concord_category_free)

/* One entry of the append-only audit log. Each entry's hash is SHA-256 over
 * the previous entry's hash and this entry's fields, so a changed or
 * removed entry breaks the chain. */
typedef struct
{
  gint64  id;
  char   *at;               /* UTC ISO-8601 */
  char   *actor;            /* username */
  gint64  case_id;          /* 0 when not about a case */
  char   *action;           /* "case.create", "case.update", "case.accept"… */
  char   *detail;
  char   *hash;             /* hex */
} ConcordAuditEntry;

void concord_audit_entry_free (ConcordAuditEntry *entry);
/* What an audit action means, translated ("Registered", "Accepted"…); the
 * code itself for an action this version does not know. */
const char *concord_audit_action_label (const char *action);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordAuditEntry, concord_audit_entry_free)

/* Station settings kept in the database (not per-desk preferences). */
#define CONCORD_SETTING_STATION_NAME        "station.name"        /* 四方派出所人民调解室 */
#define CONCORD_SETTING_STATION_SHORT_NAME  "station.short-name"  /* 四方 */
#define CONCORD_SETTING_COMMITTEE_NAME      "station.committee"   /* 人民调解委员会名称 */
#define CONCORD_SETTING_CASE_NUMBER_FORMAT  "case-number.format"
#define CONCORD_SETTING_LIMIT_RECEIVED_DAYS "limit.received.days" /* days to decide acceptance */
#define CONCORD_SETTING_LIMIT_ACCEPTED_DAYS "limit.accepted.days" /* days to the first session */
/* The time limit of every stage that is not final is the setting
 * "limit.<stage code>.days" (working days, 1 to 365): see
 * concord_store_dup_limit_key(). */
#define CONCORD_SETTING_CALENDAR_HOLIDAYS   "calendar.holidays"   /* "2026-10-01,2026-10-02" */
#define CONCORD_SETTING_CALENDAR_WORKDAYS   "calendar.workdays"   /* make-up working days (调休) */
/* Printing (issue 5): font files for the agreement's body and headings
 * ("path" or "path#index" for a face of a collection; unset: the
 * defaults of concord-pdf.h), and the station's seal, a PNG with
 * transparency placed over the organisation's name (unset: room left for
 * the stamp). */
#define CONCORD_SETTING_PDF_BODY_FONT       "pdf.body-font"
#define CONCORD_SETTING_PDF_HEADING_FONT    "pdf.heading-font"
#define CONCORD_SETTING_PDF_SEAL_IMAGE      "pdf.seal-image"

#define CONCORD_TYPE_STORE (concord_store_get_type ())
G_DECLARE_INTERFACE (ConcordStore, concord_store, CONCORD, STORE, GObject)

/* Signing and the archive of printed files; defined further down. */
typedef struct _ConcordSigning ConcordSigning;
typedef struct _ConcordPrint   ConcordPrint;

struct _ConcordStoreInterface
{
  GTypeInterface parent_iface;

  int          (*get_schema_version) (ConcordStore *self);
  const char  *(*get_location)       (ConcordStore *self);

  gboolean     (*save_case)       (ConcordStore *self, ConcordCase *c, const char *actor, GError **error);
  ConcordCase *(*load_case)       (ConcordStore *self, gint64 id, GError **error);
  ConcordCase *(*find_case)       (ConcordStore *self, const char *case_no, GError **error);
  gboolean     (*decide_case)     (ConcordStore *self, gint64 id, gboolean accept, const char *reason,
                                   const char *actor, GError **error);
  GPtrArray   *(*query_cases)     (ConcordStore *self, const ConcordCaseQuery *query, gint64 before_id,
                                   guint limit, GError **error);
  gboolean     (*count_cases)     (ConcordStore *self, const ConcordCaseQuery *query, guint cap,
                                   guint *count, gboolean *capped, GError **error);

  GPtrArray   *(*list_members)    (ConcordStore *self, GError **error);
  gboolean     (*save_member)     (ConcordStore *self, ConcordTeamMember *member, const char *actor,
                                   GError **error);

  GPtrArray   *(*list_categories) (ConcordStore *self, gboolean include_inactive, GError **error);
  gboolean     (*save_category)   (ConcordStore *self, const char *code, const char *label,
                                   gboolean active, const char *actor, GError **error);

  char        *(*get_setting)     (ConcordStore *self, const char *key);
  gboolean     (*set_setting)     (ConcordStore *self, const char *key, const char *value,
                                   const char *actor, GError **error);

  GPtrArray   *(*list_audit)      (ConcordStore *self, gint64 case_id, GError **error);
  gboolean     (*verify_audit)    (ConcordStore *self, GError **error);

  gboolean     (*begin_batch)     (ConcordStore *self, GError **error);
  gboolean     (*commit_batch)    (ConcordStore *self, GError **error);
  void         (*rollback_batch)  (ConcordStore *self);

  gboolean     (*move_stage)      (ConcordStore *self, gint64 case_id, ConcordStage to, const char *reason,
                                   const char *actor, GError **error);
  GPtrArray   *(*list_stage_moves) (ConcordStore *self, gint64 case_id, GError **error);

  gint64          (*start_session)  (ConcordStore *self, ConcordSession *session, const char *actor,
                                     GError **error);
  gboolean        (*end_session)    (ConcordStore *self, gint64 session_id, const char *outcome,
                                     const char *actor, GError **error);
  GPtrArray      *(*list_sessions)  (ConcordStore *self, gint64 case_id, GError **error);
  ConcordSession *(*load_session)   (ConcordStore *self, gint64 session_id, GError **error);
  gint64          (*add_note)       (ConcordStore *self, gint64 session_id, gint64 party_id, const char *text,
                                     const char *actor, GError **error);
  gboolean        (*set_note_text)  (ConcordStore *self, gint64 note_id, const char *text, GError **error);
  gboolean        (*set_note_shared) (ConcordStore *self, gint64 note_id, gboolean shared, const char *actor,
                                      GError **error);
  GPtrArray      *(*list_notes)     (ConcordStore *self, gint64 case_id, gint64 session_id, GError **error);
  gint64          (*add_position)   (ConcordStore *self, ConcordPosition *position, const char *actor,
                                     GError **error);
  GPtrArray      *(*list_positions) (ConcordStore *self, gint64 case_id, GError **error);
  gint64          (*add_legal_point) (ConcordStore *self, gint64 session_id, const char *text,
                                      const char *citation, const char *actor, GError **error);
  GPtrArray      *(*list_legal_points) (ConcordStore *self, gint64 case_id, GError **error);
  GPtrArray      *(*find_linked_cases) (ConcordStore *self, gint64 case_id, GError **error);
  gint64          (*add_attendee)   (ConcordStore *self, gint64 session_id, ConcordAttendee *attendee,
                                     const char *actor, GError **error);
  gboolean        (*remove_attendee) (ConcordStore *self, gint64 attendee_id, const char *actor, GError **error);
  gboolean        (*fail_case)      (ConcordStore *self, gint64 case_id, const char *reason, GPtrArray *referrals,
                                     const char *actor, GError **error);
  GPtrArray      *(*list_referrals) (ConcordStore *self, gint64 case_id, GError **error);
  gboolean          (*save_agreement)  (ConcordStore *self, ConcordAgreement *agreement, const char *actor,
                                        GError **error);
  ConcordAgreement *(*load_agreement)  (ConcordStore *self, gint64 case_id, int version, GError **error);
  GPtrArray        *(*list_agreement_versions) (ConcordStore *self, gint64 case_id, GError **error);
  gboolean          (*save_agreement_draft) (ConcordStore *self, ConcordAgreement *agreement, GError **error);
  ConcordAgreement *(*load_agreement_draft) (ConcordStore *self, gint64 case_id, GError **error);
  gboolean          (*submit_agreement) (ConcordStore *self, gint64 case_id, const char *actor, GError **error);
  gboolean          (*review_agreement) (ConcordStore *self, gint64 case_id, gint64 agreement_id, gboolean approve,
                                         const char *comment, const char *actor, GError **error);
  GPtrArray        *(*list_reviews)    (ConcordStore *self, gint64 case_id, GError **error);
  gint64            (*add_review_comment) (ConcordStore *self, gint64 case_id, const char *target,
                                           const char *text, const char *actor, GError **error);
  GPtrArray        *(*list_review_comments) (ConcordStore *self, gint64 case_id, GError **error);
  gint64            (*add_citation)    (ConcordStore *self, gint64 case_id, gint64 statute_id, const char *target,
                                        const char *note, const char *actor, GError **error);
  gboolean          (*remove_citation) (ConcordStore *self, gint64 citation_id, const char *actor, GError **error);
  GPtrArray        *(*list_citations)  (ConcordStore *self, gint64 case_id, GError **error);
  gboolean          (*import_statutes) (ConcordStore *self, ConcordStatuteFile *file, const char *actor,
                                        guint *n_articles, GError **error);
  GPtrArray        *(*search_statutes) (ConcordStore *self, const char *query, guint limit, GError **error);
  ConcordStatute   *(*load_statute)    (ConcordStore *self, gint64 statute_id, GError **error);
  GPtrArray        *(*list_statute_laws) (ConcordStore *self, GError **error);
  ConcordSigning   *(*load_signing)    (ConcordStore *self, gint64 case_id, GError **error);
  gboolean          (*add_signature)   (ConcordStore *self, gint64 case_id, ConcordSignature *signature,
                                        const char *actor, gboolean *locked, GError **error);
  gboolean          (*remove_signature) (ConcordStore *self, gint64 signature_id, const char *actor,
                                         GError **error);
  gboolean          (*record_paper_signing) (ConcordStore *self, gint64 case_id, gint64 agreement_id,
                                             const char *signed_on, const char *checked_by,
                                             const char *actor, GError **error);
  GPtrArray        *(*list_signatures) (ConcordStore *self, gint64 agreement_id, GError **error);
  ConcordAgreement *(*load_agreement_by_id) (ConcordStore *self, gint64 agreement_id, GError **error);
  gint64            (*archive_print)   (ConcordStore *self, gint64 agreement_id, GBytes *pdf, guint pages,
                                        guint copies, const char *actor,
                                        GError **error);
  GPtrArray        *(*list_prints)     (ConcordStore *self, gint64 case_id, GError **error);
  ConcordPrint     *(*find_print)  (ConcordStore *self, const char *sha256, GError **error);
  GBytes           *(*load_print_bytes) (ConcordStore *self, gint64 print_id, GError **error);

  gboolean        (*answer_work_order) (ConcordStore *self, gint64 referral_id, const char *answer,
                                        const char *actor, GError **error);
};

/* The database the programs use when none is given: $CONCORD_DB, or
 * concord/concord.db in the user's data directory. */
char          *concord_store_default_path (void);

/* Opens (creating it and its directory if needed) and upgrades the
 * database at @location, a file path. A database made by a newer Concord is
 * refused with CONCORD_ERROR_DB_TOO_NEW and left untouched; a file that is
 * not a Concord database gives CONCORD_ERROR_DB_CORRUPT; no permission gives
 * CONCORD_ERROR_DB_CANNOT_OPEN. */
ConcordStore  *concord_store_open (const char *location,
                                   GError    **error);

/* The schema version this build writes. */
int            concord_store_latest_schema_version (void);

int            concord_store_get_schema_version (ConcordStore *self);
const char    *concord_store_get_location (ConcordStore *self);

/* Validates @c (concord_case_validate()) and stores it with its parties and
 * team in one transaction. A new case (id 0) gets its id, case number,
 * received_at and due_at; team members without an id are added to the
 * station's members (or matched by name and phone). Fills c->updated_at. */
gboolean       concord_store_save_case (ConcordStore *self,
                                        ConcordCase  *c,
                                        const char   *actor,
                                        GError      **error);
ConcordCase   *concord_store_load_case (ConcordStore *self,
                                        gint64        id,
                                        GError      **error);
ConcordCase   *concord_store_find_case (ConcordStore *self,
                                        const char   *case_no,
                                        GError      **error);
/* Accept (受理) or not accept (with @reason, required) a received case. */
gboolean       concord_store_decide_case (ConcordStore *self,
                                          gint64        id,
                                          gboolean      accept,
                                          const char   *reason,
                                          const char   *actor,
                                          GError      **error);

/* Moves case @case_id to the stage @to, after concord_stage_check_move()
 * against its stage as stored (read in the same transaction): sets its
 * stage, stage_reason (@reason, or none) and due_at (the stage's time limit
 * in working days from now; none for a final stage), and records the move
 * and an audit entry "case.stage", all in one transaction. A refused move
 * changes nothing. */
gboolean       concord_store_move_stage (ConcordStore *self,
                                         gint64        case_id,
                                         ConcordStage  to,
                                         const char   *reason,
                                         const char   *actor,
                                         GError      **error);
/* The recorded moves of a case, oldest first: a new array of
 * ConcordStageMove. */
GPtrArray     *concord_store_list_stage_moves (ConcordStore *self,
                                               gint64        case_id,
                                               GError      **error);
/* "limit.<stage code>.days", or NULL for a final stage. */
char          *concord_store_dup_limit_key (ConcordStage stage);

/* Sessions (DESIGN.md, "back-to-back", "face-to-face"). Every write is
 * one transaction with an audit entry, except concord_store_set_note_text(),
 * the autosave path. */

/* Starts @session (its case_id, kind, room and attendees; an attendee
 * needs a name) now, for case @session->case_id, which must be at the
 * stage back-to-back or face-to-face (else CONCORD_ERROR_STAGE). Several
 * sessions may run at once (separate rooms). Fills session->id,
 * started_at, created_by (@actor) and the attendees' ids; returns the id,
 * 0 on error. */
gint64          concord_store_start_session (ConcordStore   *self,
                                             ConcordSession *session,
                                             const char     *actor,
                                             GError        **error);
/* Ends a running session now, with its @outcome (or none). Ending a session
 * that has ended gives CONCORD_ERROR_CONFLICT. */
gboolean        concord_store_end_session (ConcordStore *self,
                                           gint64        session_id,
                                           const char   *outcome,
                                           const char   *actor,
                                           GError      **error);
/* The sessions of a case with their attendees, oldest first: a new array
 * of ConcordSession. */
GPtrArray      *concord_store_list_sessions (ConcordStore *self,
                                             gint64        case_id,
                                             GError      **error);
ConcordSession *concord_store_load_session (ConcordStore *self,
                                            gint64        session_id,
                                            GError      **error);

/* Adds a note to a session; @party_id (0 for none) is the party it was
 * taken with. A note of a back-to-back session is confidential, one of a
 * face-to-face session is not. Returns the note's id, 0 on error. */
gint64          concord_store_add_note (ConcordStore *self,
                                        gint64        session_id,
                                        gint64        party_id,
                                        const char   *text,
                                        const char   *actor,
                                        GError      **error);
/* Replaces a note's text: the autosave path, one UPDATE in its own
 * transaction, no audit entry (the note's creation and sharing are
 * audited; its typing is not). */
gboolean        concord_store_set_note_text (ConcordStore *self,
                                             gint64        note_id,
                                             const char   *text,
                                             GError      **error);
/* Records that the party of a confidential note agreed to share it:
 * shared_at is now, shared_by is @actor. Same as
 * concord_store_set_note_shared (self, note_id, TRUE, actor, error). */
gboolean        concord_store_share_note (ConcordStore *self,
                                          gint64        note_id,
                                          const char   *actor,
                                          GError      **error);
/* The per-note switch: @shared TRUE records the party's agreement (as
 * above), FALSE that it was taken back (shared_at and shared_by cleared).
 * Each change is an audit entry ("note.share" / "note.unshare"). Only a
 * confidential note can be shared: CONCORD_ERROR_INVALID otherwise.
 * Setting the state it already has changes nothing and succeeds. */
gboolean        concord_store_set_note_shared (ConcordStore *self,
                                               gint64        note_id,
                                               gboolean      shared,
                                               const char   *actor,
                                               GError      **error);
/* The notes of session @session_id, or of every session of case @case_id
 * when @session_id is 0; oldest first: a new array of ConcordNote. */
GPtrArray      *concord_store_list_notes (ConcordStore *self,
                                          gint64        case_id,
                                          gint64        session_id,
                                          GError      **error);

/* Adds a party's demand or offer to a session (session_id, party_id, kind,
 * amount and terms of @position; the party must be one of the case's; an
 * amount must not be negative, and there must be an amount or terms).
 * Fills position->id and at; returns the id, 0 on error. */
gint64          concord_store_add_position (ConcordStore    *self,
                                            ConcordPosition *position,
                                            const char      *actor,
                                            GError         **error);
/* The positions of every session of a case in time order: a new array of
 * ConcordPosition, for concord_positions_gap(). */
GPtrArray      *concord_store_list_positions (ConcordStore *self,
                                              gint64        case_id,
                                              GError      **error);

/* Records a legal point explained in a session (释法明理), with its
 * citation or NULL. Returns its id, 0 on error. */
gint64          concord_store_add_legal_point (ConcordStore *self,
                                               gint64        session_id,
                                               const char   *text,
                                               const char   *citation,
                                               const char   *actor,
                                               GError      **error);
/* The legal points of every session of a case, oldest first: a new array
 * of ConcordLegalPoint. */
GPtrArray      *concord_store_list_legal_points (ConcordStore *self,
                                                 gint64        case_id,
                                                 GError      **error);

/* Earlier cases (id below @case_id) with a party that is one of @case_id's
 * parties: the same ID number, or the same name and phone (as stored,
 * that is normalised). Agents do not link cases. Newest first: a new array
 * of ConcordCaseSummary. */
GPtrArray      *concord_store_find_linked_cases (ConcordStore *self,
                                                 gint64        case_id,
                                                 GError      **error);

/* Adds someone to a session's attendees, running or ended (the record can
 * be completed afterwards): a party of the case, a team member, or an
 * invited helper known by name and role; a name is needed. Fills
 * attendee->id; returns it, 0 on error. Audit "session.attendee". */
gint64          concord_store_add_attendee (ConcordStore    *self,
                                            gint64           session_id,
                                            ConcordAttendee *attendee,
                                            const char      *actor,
                                            GError         **error);
/* Removes an attendee added by mistake. Audit "session.attendee.remove". */
gboolean        concord_store_remove_attendee (ConcordStore *self,
                                               gint64        attendee_id,
                                               const char   *actor,
                                               GError      **error);

/* Closes a mediation as failed: moves the case to CONCORD_STAGE_FAILED
 * with @reason (required) and records @referrals (of ConcordReferral; at
 * least one: the parties must be told where to go next, People's
 * Mediation Law art. 26), all in one transaction; each referral must pass
 * concord_referral_validate(). Fills the referrals' ids, case_id,
 * created_at and created_by. A move to CONCORD_STAGE_FAILED through
 * concord_store_move_stage() is refused: the referral would be missing.
 * While a work order is open, the case's summary carries its due date
 * (concord_case_summary_get_work_order_due()). */
gboolean        concord_store_fail_case (ConcordStore *self,
                                         gint64        case_id,
                                         const char   *reason,
                                         GPtrArray    *referrals,
                                         const char   *actor,
                                         GError      **error);
/* The referrals of a case, oldest first: a new array of ConcordReferral. */
GPtrArray      *concord_store_list_referrals (ConcordStore *self,
                                              gint64        case_id,
                                              GError      **error);
/* Records a department's answer to a work order (required, not blank);
 * the order is then closed. Answering twice is refused
 * (CONCORD_ERROR_INVALID). Audit "workorder.answer". */
gboolean        concord_store_answer_work_order (ConcordStore *self,
                                                 gint64        referral_id,
                                                 const char   *answer,
                                                 const char   *actor,
                                                 GError      **error);

/* The agreement (DESIGN.md, "Drafting", "Legal review"). Versions are
 * kept whole and never changed; the working draft is what the editor saves
 * as it is typed into, one per case, and becomes a version when saved. */

/* Saves @agreement (its case_id set) as the case's next version when its
 * content differs from the latest version (parties' snapshot refreshed
 * from the case first); fills id, version, saved_at and saved_by (those of
 * the latest version when nothing changed). Only while the case is in
 * drafting (else CONCORD_ERROR_STAGE), and an unknown template is
 * CONCORD_ERROR_INVALID. Clears the working draft. Audit
 * "agreement.save". */
gboolean          concord_store_save_agreement (ConcordStore     *self,
                                                ConcordAgreement *agreement,
                                                const char       *actor,
                                                GError          **error);
/* Version @version of the case's agreement, 0 for the latest; NULL without
 * an error when there is none. */
ConcordAgreement *concord_store_load_agreement (ConcordStore *self,
                                                gint64        case_id,
                                                int           version,
                                                GError      **error);
/* Every version, oldest first: a new array of ConcordAgreement. */
GPtrArray        *concord_store_list_agreement_versions (ConcordStore *self,
                                                         gint64        case_id,
                                                         GError      **error);
/* The working draft: replaced whole (one statement, the autosave path),
 * not a version, not audited. */
gboolean          concord_store_save_agreement_draft (ConcordStore     *self,
                                                      ConcordAgreement *agreement,
                                                      GError          **error);
/* The working draft, or NULL without an error when there is none. */
ConcordAgreement *concord_store_load_agreement_draft (ConcordStore *self,
                                                      gint64        case_id,
                                                      GError      **error);
/* What the editor opens: the working draft, else the latest version, else
 * NULL. */
ConcordAgreement *concord_store_load_current_agreement (ConcordStore *self,
                                                        gint64        case_id,
                                                        GError      **error);

/* Everything a draft is made from and checked against, for case @case_id. */
ConcordAgreementSource *concord_store_dup_agreement_source (ConcordStore *self,
                                                            gint64        case_id,
                                                            GError      **error);
/* Runs the completeness check on the latest version: a new array of
 * ConcordAgreementProblem (empty: complete). */
GPtrArray        *concord_store_check_agreement (ConcordStore *self,
                                                 gint64        case_id,
                                                 GError      **error);

/* Sends the latest version on: to legal review, or straight to signing
 * when the station does not require review. Refused with
 * CONCORD_ERROR_INVALID when there is no version, the working draft holds
 * unsaved changes, or the completeness check finds anything missing (the
 * message counts the problems). Audit "agreement.submit". */
gboolean          concord_store_submit_agreement (ConcordStore *self,
                                                  gint64        case_id,
                                                  const char   *actor,
                                                  GError      **error);
/* The lawyer's decision on the latest version, in legal review: approve
 * (the case moves to signing) or send back with @comment, required (the
 * case moves back to drafting, the comment its reason). Audit
 * "agreement.approve" / "agreement.send-back". */
gboolean          concord_store_review_agreement (ConcordStore *self,
                                                  gint64        case_id,
                                                  gboolean      approve,
                                                  const char   *comment,
                                                  const char   *actor,
                                                  GError      **error);
/* The same, on version @agreement_id (ConcordAgreement.id) as the lawyer
 * read it: refused with CONCORD_ERROR_STAGE when another version has been
 * sent since. */
gboolean          concord_store_review_version (ConcordStore *self,
                                                gint64        case_id,
                                                gint64        agreement_id,
                                                gboolean      approve,
                                                const char   *comment,
                                                const char   *actor,
                                                GError      **error);
/* Decisions, oldest first: a new array of ConcordReview. */
GPtrArray        *concord_store_list_reviews (ConcordStore *self,
                                              gint64        case_id,
                                              GError      **error);
/* TRUE when the station requires approval before printing (setting
 * CONCORD_SETTING_REVIEW_REQUIRED; default TRUE). */
gboolean          concord_store_review_required (ConcordStore *self);
/* TRUE when the latest version may be printed: approved by a review, or
 * review is not required and it passed submission. */
gboolean          concord_store_agreement_approved (ConcordStore *self,
                                                    gint64        case_id);

/* Signing (DESIGN.md, "Signing"; issue 5). The version signed is the
 * latest, once approved (concord_store_agreement_approved()) and while the
 * case is at signing. When the last required signature is added the
 * version is locked in the same transaction: its content hash is stored,
 * and from then on the database itself refuses any change to its content,
 * its signatures or the lock (triggers). A later change is a new version,
 * signed again. */
struct _ConcordSigning
{
  gint64     case_id;
  gint64     agreement_id;   /* the version being signed or signed; 0: none */
  int        version;
  gboolean   pad_allowed;    /* FALSE under Electronic Signature Law art. 3 */
  char      *pad_refusal;    /* why, when not allowed; else NULL */
  GPtrArray *signers;        /* of ConcordSigner, in the block's order */
  GPtrArray *signatures;     /* of ConcordSignature or NULL, parallel to signers */
  char      *content_hash;   /* stored at locking; NULL before */
  char      *code;           /* the verification code (computed before locking too) */
  char      *locked_at;      /* UTC ISO-8601, NULL while not all have signed */
};

void concord_signing_free (ConcordSigning *signing);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordSigning, concord_signing_free)

/* Where the signing of the case's latest version stands; NULL with
 * CONCORD_ERROR_NOT_FOUND when the case has no agreement. */
ConcordSigning   *concord_store_load_signing (ConcordStore *self,
                                              gint64        case_id,
                                              GError      **error);
/* Stores @signature (its agreement_id, signer, method and strokes or
 * paper date set) of a required signer who has not signed yet; sets its
 * id. Refused (CONCORD_ERROR_STAGE) when the case is not at signing, the
 * version is not the latest approved one or is locked; a pad signature
 * when the pad is not allowed (art. 3) or its strokes are not a signature
 * (CONCORD_ERROR_INVALID). *locked (may be NULL) tells whether this
 * signature completed the agreement and locked it. Audit
 * "signature.add" (and "agreement.lock"). */
gboolean          concord_store_add_signature (ConcordStore     *self,
                                               gint64            case_id,
                                               ConcordSignature *signature,
                                               const char       *actor,
                                               gboolean         *locked,
                                               GError          **error);
/* Removes a signature before the version is locked (the signer wants to
 * sign again); CONCORD_ERROR_STAGE once locked. Audit "signature.remove". */
gboolean          concord_store_remove_signature (ConcordStore *self,
                                                  gint64        signature_id,
                                                  const char   *actor,
                                                  GError      **error);
/* Records that the printed agreement was signed in ink and fingerprinted
 * by every signer who has not signed yet, on @signed_on (YYYY-MM-DD, not
 * in the future, not before the version was approved), checked by
 * @checked_by (a name, not blank). Locks the version. Audit
 * "signature.paper". */
gboolean          concord_store_record_paper_signing (ConcordStore *self,
                                                      gint64        case_id,
                                                      gint64        agreement_id,
                                                      const char   *signed_on,
                                                      const char   *checked_by,
                                                      const char   *actor,
                                                      GError      **error);
/* The signatures of version @agreement_id, in the order of the block: a
 * new array of ConcordSignature. */
GPtrArray        *concord_store_list_signatures (ConcordStore *self,
                                                 gint64        agreement_id,
                                                 GError      **error);
/* The stored version @agreement_id (ConcordAgreement.id) of any case;
 * NULL with CONCORD_ERROR_NOT_FOUND. */
ConcordAgreement *concord_store_load_agreement_by_id (ConcordStore *self,
                                                      gint64        agreement_id,
                                                      GError      **error);

/* Printed files kept with the case (DESIGN.md, the clerk's archive). */
struct _ConcordPrint
{
  gint64  id;
  gint64  case_id;
  gint64  agreement_id;
  char   *sha256;        /* of the PDF's bytes, lowercase hex */
  gsize   size;
  guint   pages;
  guint   copies;
  gboolean signed_copy;  /* TRUE: with on-screen signatures; FALSE: for ink */
  char   *printed_at;    /* UTC ISO-8601 */
  char   *printed_by;
};

void concord_print_free (ConcordPrint *print);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordPrint, concord_print_free)

/* Keeps @pdf (a rendering of version @agreement_id: its marker must name
 * that version, else CONCORD_ERROR_INVALID) with the case, once per
 * distinct file (printing the same bytes again adds to the record's
 * copies and time); whether it shows signatures (signed_copy) is what its
 * marker says. Returns the record's id. Audit "agreement.print". */
gint64            concord_store_archive_print (ConcordStore *self,
                                               gint64        agreement_id,
                                               GBytes       *pdf,
                                               guint         pages,
                                               guint         copies,
                                               const char   *actor,
                                               GError      **error);
/* The case's printed files, oldest first: ConcordPrint. */
GPtrArray        *concord_store_list_prints (ConcordStore *self,
                                             gint64        case_id,
                                             GError      **error);
/* The archived file with that SHA-256 (lowercase hex), or NULL (no error
 * when there is none). */
ConcordPrint     *concord_store_find_print (ConcordStore *self,
                                            const char   *sha256,
                                            GError      **error);
/* The archived file's bytes. */
GBytes           *concord_store_load_print_bytes (ConcordStore *self,
                                                  gint64        print_id,
                                                  GError      **error);

/* A comment on @target (NULL: the agreement as a whole) of the latest
 * version, while it is in legal review (else CONCORD_ERROR_STAGE). Audit
 * "review.comment". */
gint64            concord_store_add_review_comment (ConcordStore *self,
                                                    gint64        case_id,
                                                    const char   *target,
                                                    const char   *text,
                                                    const char   *actor,
                                                    GError      **error);
/* Every comment of every version, oldest first: ConcordReviewComment. */
GPtrArray        *concord_store_list_review_comments (ConcordStore *self,
                                                      gint64        case_id,
                                                      GError      **error);

/* Cites statute @statute_id for the case (@target NULL) or a clause of its
 * agreement, copying the article's law, label and text. Citations are
 * added and removed until the agreement is approved (from signing on,
 * CONCORD_ERROR_STAGE). Audit "citation.add". */
gint64            concord_store_add_citation (ConcordStore *self,
                                              gint64        case_id,
                                              gint64        statute_id,
                                              const char   *target,
                                              const char   *note,
                                              const char   *actor,
                                              GError      **error);
gboolean          concord_store_remove_citation (ConcordStore *self,
                                                 gint64        citation_id,
                                                 const char   *actor,
                                                 GError      **error);
/* Citations of a case, oldest first: ConcordCitation. */
GPtrArray        *concord_store_list_citations (ConcordStore *self,
                                                gint64        case_id,
                                                GError      **error);

/* The statute library. */

/* Imports every article of @file in one transaction: articles of the same
 * law, version date and number are replaced in place (their citations
 * stay), new ones added, those no longer in the file removed. Nothing is
 * written on failure. *n_articles (may be NULL) gets the number imported.
 * Audit "statute.import". */
gboolean          concord_store_import_statutes (ConcordStore       *self,
                                                 ConcordStatuteFile *file,
                                                 const char         *actor,
                                                 guint              *n_articles,
                                                 GError            **error);
/* Articles matching what the user typed, at most @limit: a new array of
 * ConcordStatute. An article number ("1165", "第一千一百六十五条") finds
 * that article of every law; words before it narrow the law ("民法典
 * 1165"). Otherwise every word must occur in the article (its text, tags,
 * law, chapter), two-character Chinese words included. Ordered by law,
 * then article number. */
GPtrArray        *concord_store_search_statutes (ConcordStore *self,
                                                 const char   *query,
                                                 guint         limit,
                                                 GError      **error);
ConcordStatute   *concord_store_load_statute (ConcordStore *self,
                                              gint64        statute_id,
                                              GError      **error);
/* The laws in the library: a new array of strings "law\tversion date\tN"
 * (N the number of articles), sorted. */
GPtrArray        *concord_store_list_statute_laws (ConcordStore *self,
                                                   GError      **error);

/* Cases matching @query, newest first, with ids below @before_id (0: from
 * the newest), at most @limit: a new array of ConcordCaseSummary. */
GPtrArray     *concord_store_query_cases (ConcordStore           *self,
                                          const ConcordCaseQuery *query,
                                          gint64                  before_id,
                                          guint                   limit,
                                          GError                **error);
/* Counts matches up to @cap (0: no cap); *capped tells the count stopped.
 * The number of all cases (an empty query) is always exact. */
gboolean       concord_store_count_cases (ConcordStore           *self,
                                          const ConcordCaseQuery *query,
                                          guint                   cap,
                                          guint                  *count,
                                          gboolean               *capped,
                                          GError                **error);

GPtrArray     *concord_store_list_members (ConcordStore *self,
                                           GError      **error);
gboolean       concord_store_save_member (ConcordStore      *self,
                                          ConcordTeamMember *member,
                                          const char        *actor,
                                          GError           **error);

GPtrArray     *concord_store_list_categories (ConcordStore *self,
                                              gboolean      include_inactive,
                                              GError      **error);
gboolean       concord_store_save_category (ConcordStore *self,
                                            const char   *code,
                                            const char   *label,
                                            gboolean      active,
                                            const char   *actor,
                                            GError      **error);
/* Label of a category code (built-in translated, or as stored), or the code
 * itself when unknown. */
char          *concord_store_dup_category_label (ConcordStore *self,
                                                 const char   *code);

char          *concord_store_get_setting (ConcordStore *self,
                                          const char   *key);
gboolean       concord_store_set_setting (ConcordStore *self,
                                          const char   *key,
                                          const char   *value,
                                          const char   *actor,
                                          GError      **error);

GPtrArray     *concord_store_list_audit (ConcordStore *self,
                                         gint64        case_id,
                                         GError      **error);
gboolean       concord_store_verify_audit (ConcordStore *self,
                                           GError      **error);

/* Groups many writes (demo data, generated cases) into one transaction. */
gboolean       concord_store_begin_batch (ConcordStore *self,
                                          GError      **error);
gboolean       concord_store_commit_batch (ConcordStore *self,
                                           GError      **error);
void           concord_store_rollback_batch (ConcordStore *self);

G_END_DECLS
