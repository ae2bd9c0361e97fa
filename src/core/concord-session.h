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

G_END_DECLS
