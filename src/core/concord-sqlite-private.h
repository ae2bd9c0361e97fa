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

/* Statements: helpers the backend's files share. */

typedef sqlite3_stmt Stmt;
static inline void
stmt_finalize (Stmt *stmt)
{
  sqlite3_finalize (stmt);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Stmt, stmt_finalize)

/* Statements with fixed SQL are prepared once per connection and kept
 * (prepare_cached()): preparing is a good part of the cost of a small
 * write. A cached statement is reset when it is handed out and when its
 * holder's scope ends, never finalized by its holder. */
typedef sqlite3_stmt CachedStmt;
static inline void
cached_stmt_release (CachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStmt, cached_stmt_release)

static inline sqlite3_stmt *
prepare_cached (sqlite3    *db,
                GHashTable *cache,
                const char *sql,
                GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (cache, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _concord_sqlite_set_error (db, rc, "prepare", error);
      return NULL;
    }
  g_hash_table_insert (cache, g_strdup (sql), stmt);
  return stmt;
}

/* Binds @text, or NULL for NULL. */
static inline void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static inline char *
column_dup (sqlite3_stmt *stmt,
            int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  return text ? g_strdup ((const char *) text) : NULL;
}

static inline const char *
column_str (sqlite3_stmt *stmt,
            int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

/* Runs a statement that returns no rows. */
static inline gboolean
step_done (sqlite3      *db,
           sqlite3_stmt *stmt,
           const char   *what,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (db, rc, what, error);
      return FALSE;
    }
  return TRUE;
}

/* A cache of prepared statements for one connection (SQL → statement). */
GHashTable *_concord_sqlite_statement_cache_new (void);

/* The search index text of case @case_id as the database holds it now. */
char     *_concord_sqlite_search_body (sqlite3    *db,
                                       GHashTable *cache,
                                       gint64      case_id,
                                       GError    **error);
/* Indexes case @case_id from the database, first removing its entry made
 * from @old_body (NULL for a case not indexed yet). */
gboolean  _concord_sqlite_index_case (sqlite3    *db,
                                      GHashTable *cache,
                                      gint64      case_id,
                                      const char *old_body,
                                      GError    **error);

/* The statute library (concord-sqlite-statutes.c). Each runs inside the
 * caller's transaction when there is one and writes no audit entry: the
 * store does both. */
gboolean        _concord_sqlite_statutes_import (sqlite3            *db,
                                                 GHashTable         *cache,
                                                 ConcordStatuteFile *file,
                                                 guint              *n_articles,
                                                 GError            **error);
GPtrArray      *_concord_sqlite_statutes_search (sqlite3    *db,
                                                 GHashTable *cache,
                                                 const char *query,
                                                 guint       limit,
                                                 GError    **error);
ConcordStatute *_concord_sqlite_statutes_load (sqlite3    *db,
                                               GHashTable *cache,
                                               gint64      statute_id,
                                               GError    **error);
GPtrArray      *_concord_sqlite_statutes_list_laws (sqlite3    *db,
                                                    GHashTable *cache,
                                                    GError    **error);
/* Imports the starter set shipped in the core resources
 * (/io/github/concord/Concord/core/statutes/) when the database holds an older
 * one (setting "statutes.starter", the set's version) or none. Called by
 * the store after opening, in its own transaction. */
gboolean        _concord_sqlite_statutes_seed (sqlite3    *db,
                                               GHashTable *cache,
                                               GError    **error);

G_END_DECLS
