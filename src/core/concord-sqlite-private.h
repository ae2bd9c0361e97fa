/* concord-sqlite-private.h — what the SQLite backend's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "concord-sqlite-store.h"

G_BEGIN_DECLS

/* 'Conc' — marks the file as a Concord database. */
#define CONCORD_SQLITE_APPLICATION_ID 0x436F6E63

/* Sets @error from the connection's last error. */
void      _concord_sqlite_set_error (sqlite3    *db,
                                     int         rc,
                                     const char *what,
                                     GError    **error);
gboolean  _concord_sqlite_exec (sqlite3    *db,
                                const char *sql,
                                GError    **error);

/* Brings the schema from its current version up to @target, one
 * migration per transaction. */
gboolean  _concord_sqlite_migrate (sqlite3 *db,
                                   int      from,
                                   int      target,
                                   GError **error);

/* Rebuilds the search index row of case @case_id from the database. */
gboolean  _concord_sqlite_index_case (sqlite3 *db,
                                      gint64   case_id,
                                      GError **error);

G_END_DECLS
