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

G_END_DECLS
