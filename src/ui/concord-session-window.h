/* concord-session-window.h — the window in which a session is run: who is
 * in the room, a running timer, the notes (笔录), saved as they are typed,
 * the attendees, the parties' positions and the legal points explained,
 * with a privacy mode for when the screen faces the parties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_SESSION_WINDOW (concord_session_window_get_type ())
G_DECLARE_FINAL_TYPE (ConcordSessionWindow, concord_session_window, CONCORD, SESSION_WINDOW, AdwWindow)

/* Starts a session of @kind in @room for case @c (at back-to-back or
 * face-to-face), with party @party_id for a back-to-back session or every
 * party for a face-to-face one; creates its note and opens the window for
 * it (not yet presented). A face-to-face session turns the context's
 * privacy mode on. NULL, with @error set, when the store refuses. */
ConcordSessionWindow *concord_session_window_start (GtkApplication     *application,
                                                    ConcordContext     *context,
                                                    const ConcordCase  *c,
                                                    ConcordSessionKind  kind,
                                                    const char         *room,
                                                    gint64              party_id,
                                                    GError            **error);

/* Opens the window again for session @session_id, still running (closed
 * with "Keep Running and Close"), with its notes as stored. An ended
 * session gives CONCORD_ERROR_CONFLICT. Not yet presented. */
ConcordSessionWindow *concord_session_window_open (GtkApplication  *application,
                                                   ConcordContext  *context,
                                                   gint64           session_id,
                                                   GError         **error);

gint64         concord_session_window_get_session_id (ConcordSessionWindow *self);
gint64         concord_session_window_get_note_id (ConcordSessionWindow *self);
GtkTextBuffer *concord_session_window_get_buffer (ConcordSessionWindow *self);
/* Writes the notes now when they changed since the last save. */
gboolean       concord_session_window_save (ConcordSessionWindow *self,
                                            GError              **error);
/* Saves the notes, ends the session with @outcome and closes the window. */
gboolean       concord_session_window_end (ConcordSessionWindow *self,
                                           const char           *outcome,
                                           GError              **error);

G_END_DECLS
