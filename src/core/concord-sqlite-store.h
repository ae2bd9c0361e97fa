/* concord-sqlite-store.h — the embedded SQLite backend of ConcordStore
 *
 * This header does not include sqlite3.h: the rest of the program sees only
 * the ConcordStore interface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concord-store.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_SQLITE_STORE (concord_sqlite_store_get_type ())
G_DECLARE_FINAL_TYPE (ConcordSqliteStore, concord_sqlite_store, CONCORD, SQLITE_STORE, GObject)

#define CONCORD_SQLITE_LATEST_VERSION 7

ConcordStore *concord_sqlite_store_open (const char *path,
                                         GError    **error);

/* For the migration tests: creates or upgrades the database at @path only
 * up to @version (which may be older than the latest). */
ConcordStore *_concord_sqlite_store_open_at_version (const char *path,
                                                     int         version,
                                                     GError    **error);
/* For tests: runs @sql (several statements) as it is. */
gboolean      _concord_sqlite_store_exec (ConcordSqliteStore *self,
                                          const char         *sql,
                                          GError            **error);
/* For tests: the first column of the first row of @sql as text. */
char         *_concord_sqlite_store_query_text (ConcordSqliteStore *self,
                                                const char         *sql,
                                                GError            **error);

G_END_DECLS
