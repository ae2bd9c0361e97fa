/* concord-context.h — what the interface and the command line share:
 * the open store and who is at the desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "concord-store.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_CONTEXT (concord_context_get_type ())
G_DECLARE_FINAL_TYPE (ConcordContext, concord_context, CONCORD, CONTEXT, GObject)

/* @username: who is at the desk (audit log, "mine"); NULL for the login
 * name of this process (g_get_user_name()). */
ConcordContext *concord_context_new (ConcordStore *store,
                                     const char   *username);
ConcordStore   *concord_context_get_store (ConcordContext *self);
const char     *concord_context_get_username (ConcordContext *self);

/* Privacy mode ("privacy-mode", notified): the screen is turned towards
 * the parties. While it is on, every screen hides what
 * concord_privacy_shows_note() and concord_privacy_shows_session_content()
 * refuse. Off when the context is made. */
gboolean        concord_context_get_privacy_mode (ConcordContext *self);
void            concord_context_set_privacy_mode (ConcordContext *self,
                                                  gboolean        privacy_mode);

/* Emits "case-changed" (gint64 case_id): something changed case @case_id
 * in the store (a session started or ended, a position recorded, a stage
 * moved…); every view showing it loads it again. */
void            concord_context_case_changed (ConcordContext *self,
                                              gint64          case_id);

G_END_DECLS
