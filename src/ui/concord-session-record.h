/* concord-session-record.h — the record of one session, read afterwards:
 * kind, room, times, attendees, the notes (笔录) with the per-note switch
 * that records a party's agreement to share a caucus note, the positions
 * and legal points of the session, and its outcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_SESSION_RECORD (concord_session_record_get_type ())
G_DECLARE_FINAL_TYPE (ConcordSessionRecord, concord_session_record, CONCORD, SESSION_RECORD, AdwWindow)

/* Loads session @session_id of case @c (whose parties name the notes and
 * positions) and makes a modal window for it, transient for @parent (or
 * none), not yet presented. @number is the session's place in the case,
 * from 1 ("Session 2"). The window follows the context's "privacy-mode"
 * at once; after a note's sharing changes it calls
 * concord_context_case_changed(). NULL, with @error set, when the store
 * cannot read the session. */
ConcordSessionRecord *concord_session_record_new (ConcordContext    *context,
                                                  GtkWindow         *parent,
                                                  const ConcordCase *c,
                                                  gint64             session_id,
                                                  guint              number,
                                                  GError           **error);

gint64                concord_session_record_get_session_id (ConcordSessionRecord *self);

/* For concord-case-record.c, which lists the sessions and legal points
 * of a case the way this window names them. */

/* "Session 2 · Back-to-back · Zhang San" (the party only back-to-back). */
char      *_concord_session_record_dup_title (const ConcordCase    *c,
                                              const ConcordSession *session,
                                              guint                 number);
/* The local date of @session ("2026-11-23") into @date, and returns its
 * local times and duration ("14:30–15:10 · 40 min"; "14:30–" while it
 * runs). */
char      *_concord_session_record_dup_times (const ConcordSession *session,
                                              char                **date);
/* A row for a legal point explained: @heading (which session, or NULL),
 * the text and the citation, selectable. */
GtkWidget *_concord_session_record_point_row_new (const ConcordLegalPoint *point,
                                                  const char              *heading);
/* The name of party @party_id of @c, or NULL. */
const char *_concord_session_record_party_name (const ConcordCase *c,
                                                gint64             party_id);

G_END_DECLS
