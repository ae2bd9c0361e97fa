/* concord-session.h — the records of mediation sessions: session,
 * attendee, note (笔录), position, legal point explained (释法明理)
 *
 * Plain records like those of concord-case.h: the storage fills them,
 * strings are owned UTF-8 (NULL when empty), times are UTC ISO-8601.
 * Money is integer fen, never floating point.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CONCORD_SESSION_BACK_TO_BACK,  /* 背靠背: with one side at a time */
  CONCORD_SESSION_FACE_TO_FACE,  /* 面对面: all sides together */
} ConcordSessionKind;

#define CONCORD_N_SESSION_KINDS 2

/* "back_to_back", "face_to_face" */
const char *concord_session_kind_to_code (ConcordSessionKind kind);
/* The kind of @code, or -1 when @code is not one. */
int         concord_session_kind_from_code (const char *code);
/* Translated: "Back-to-back", "Face-to-face". */
const char *concord_session_kind_label (ConcordSessionKind kind);

/* Police public-security mediation (治安调解): "调解一般为一次。对一次调解
 * 不成……可以再次调解，并应当在第一次调解后的七个工作日内完成" (公安机关
 * 办理行政案件程序规定 art. 183). While a police case has had one session,
 * its due time is at the latest this many working days after that
 * session began. */
#define CONCORD_POLICE_SECOND_SESSION_WORKING_DAYS 7

/* Who attended a session: a party (party_id), a team member (member_id),
 * or an invited helper known only by name and role (e.g. a residents'
 * committee member). @name is kept for all of them, as they were named on
 * the day. */
typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  gint64  id;         /* 0 until stored */
  gint64  party_id;   /* 0 when not a party */
  gint64  member_id;  /* 0 when not a team member */
  char   *name;
  char   *role;       /* free text, e.g. "居委会委员" */
} ConcordAttendee;

#define CONCORD_TYPE_ATTENDEE (concord_attendee_get_type ())
GType            concord_attendee_get_type (void) G_GNUC_CONST;
ConcordAttendee *concord_attendee_new (void);
ConcordAttendee *concord_attendee_ref (ConcordAttendee *attendee);
void             concord_attendee_unref (ConcordAttendee *attendee);
ConcordAttendee *concord_attendee_copy (const ConcordAttendee *attendee);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordAttendee, concord_attendee_unref)

typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  gint64              id;          /* 0 until stored */
  gint64              case_id;
  ConcordSessionKind  kind;
  char               *room;
  char               *started_at;  /* set by the storage */
  char               *ended_at;    /* NULL while the session runs */
  char               *outcome;
  char               *created_by;  /* username */
  GPtrArray          *attendees;   /* of ConcordAttendee */
} ConcordSession;

#define CONCORD_TYPE_SESSION (concord_session_get_type ())
GType           concord_session_get_type (void) G_GNUC_CONST;
ConcordSession *concord_session_new (void);
ConcordSession *concord_session_ref (ConcordSession *session);
void            concord_session_unref (ConcordSession *session);
/* Deep copy (attendees are copied too). */
ConcordSession *concord_session_copy (const ConcordSession *session);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordSession, concord_session_unref)

/* A note (笔录) taken during a session. A caucus note (party_id set,
 * taken back-to-back) is confidential to that party unless the party
 * agreed to share it: shared_at and shared_by record that agreement. */
typedef struct
{
  gint64    id;
  gint64    session_id;
  gint64    party_id;      /* whose caucus note; 0 for none */
  gboolean  confidential;
  char     *shared_at;     /* when the party agreed to share; NULL if not */
  char     *shared_by;     /* who recorded the agreement */
  char     *text;
  char     *updated_at;
} ConcordNote;

void     concord_note_free (ConcordNote *note);
/* TRUE when @note must not be shown to anyone but its party and the team:
 * confidential and not shared. */
gboolean concord_note_is_private (const ConcordNote *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordNote, concord_note_free)

typedef enum
{
  CONCORD_POSITION_DEMAND,  /* what a party asks for (要求) */
  CONCORD_POSITION_OFFER,   /* what a party offers (愿意给付) */
} ConcordPositionKind;

/* "demand", "offer" */
const char *concord_position_kind_to_code (ConcordPositionKind kind);
int         concord_position_kind_from_code (const char *code);
/* Translated: "Demand", "Offer". */
const char *concord_position_kind_label (ConcordPositionKind kind);

/* One party's demand or offer in a session. */
typedef struct
{
  gint64               id;
  gint64               session_id;
  gint64               party_id;
  ConcordPositionKind  kind;
  gboolean             has_amount;  /* FALSE for terms in words only */
  gint64               amount_fen;  /* when has_amount; ≥ 0 */
  char                *terms;
  char                *at;          /* set by the storage */
} ConcordPosition;

ConcordPosition *concord_position_new (void);
void             concord_position_free (ConcordPosition *position);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordPosition, concord_position_free)

/* The current gap between the sides, in fen, over @positions (of
 * ConcordPosition, in time order as concord_store_list_positions() gives
 * them). The rule: for each party only its latest demand and its latest
 * offer with an amount count (a later one replaces an earlier one); the
 * gap is the sum of the parties' latest demands minus the sum of their
 * latest offers. So when two parties each claim from a third (scenario 1),
 * both claims count against what is offered. Returns FALSE, *gap_fen 0,
 * when there is no demand or no offer with an amount yet. A negative gap
 * means the offers exceed the demands. */
gboolean concord_positions_gap (GPtrArray *positions,
                                gint64    *gap_fen);

/* A legal point explained to the parties (释法明理). */
typedef struct
{
  gint64  id;
  gint64  session_id;
  char   *text;
  char   *citation;   /* e.g. "《民法典》第一千一百六十五条", or NULL */
  char   *at;
} ConcordLegalPoint;

void concord_legal_point_free (ConcordLegalPoint *point);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordLegalPoint, concord_legal_point_free)

/* Privacy mode (the screen is turned towards the parties).
 *
 * concord_privacy_shows_note(): with @privacy on, a note is shown only
 * when it is not private (concord_note_is_private()): every caucus note
 * the party did not agree to share is hidden, whoever's it is.
 *
 * concord_privacy_shows_session_content(): with @privacy on, everything
 * else taken in a back-to-back session — its positions, legal points
 * explained and outcome — is caucus content and hidden; that of a
 * face-to-face session is shown. Both return TRUE when @privacy is off. */
gboolean concord_privacy_shows_note (const ConcordNote *note,
                                     gboolean           privacy);
gboolean concord_privacy_shows_session_content (const ConcordSession *session,
                                                gboolean              privacy);

/* Where the parties of a failed mediation were sent. */
typedef enum
{
  CONCORD_REFERRAL_LITIGATION,  /* guided to sue at the people's court */
  CONCORD_REFERRAL_JUDICIAL,    /* another legal channel: arbitration,
                                 * court-annexed mediation… */
  CONCORD_REFERRAL_DEPARTMENT,  /* a work order (工单) to another department */
} ConcordReferralKind;

#define CONCORD_N_REFERRAL_KINDS 3

/* "litigation", "judicial", "department" */
const char *concord_referral_kind_to_code (ConcordReferralKind kind);
int         concord_referral_kind_from_code (const char *code);
/* Translated: "Guided to sue", "Other legal channel", "Work order to a
 * department". */
const char *concord_referral_kind_label (ConcordReferralKind kind);

/* One referral of a failed mediation. A referral to a department is a
 * work order: @detail names the department, @request says what it is
 * asked to do, @due_date (YYYY-MM-DD) when it must answer; it stays open
 * until its answer is recorded (answered_at, answer, answered_by). */
typedef struct
{
  gint64               id;           /* 0 until stored */
  gint64               case_id;
  ConcordReferralKind  kind;
  char                *detail;       /* court, channel or department */
  char                *request;      /* work orders only */
  char                *due_date;     /* work orders only: YYYY-MM-DD */
  char                *created_at;   /* set by the storage */
  char                *created_by;
  char                *answered_at;  /* work orders: NULL while open */
  char                *answer;
  char                *answered_by;
} ConcordReferral;

ConcordReferral *concord_referral_new (ConcordReferralKind kind);
void             concord_referral_free (ConcordReferral *referral);
/* TRUE for a work order without its answer. */
gboolean         concord_referral_is_open_work_order (const ConcordReferral *referral);
/* Checks what a person types for a referral: a department's name, a
 * request and a valid due date for a work order (the date may not be
 * before @today, YYYY-MM-DD, when @today is given). CONCORD_ERROR_INVALID
 * with a message that names the field. */
gboolean         concord_referral_validate (const ConcordReferral *referral,
                                            const char            *today,
                                            GError               **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordReferral, concord_referral_free)

G_END_DECLS
