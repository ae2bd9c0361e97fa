/* concord-sqlite-store.c — ConcordStore on one SQLite file (WAL)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-sqlite"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "concord-calendar.h"
#include "concord-case-number.h"
#include "concord-clock.h"
#include "concord-error.h"
#include "concord-pdf.h"
#include "concord-search-text.h"
#include "concord-sqlite-private.h"
#include "concord-validate.h"

static gboolean case_stage (ConcordSqliteStore *self, gint64 case_id, ConcordStage *stage, GError **error);
static gboolean has_agreement (ConcordSqliteStore *self, gint64 case_id);

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"
#define BUSY_TIMEOUT_MS 5000
#define FACTS_IN_SUMMARY 160

struct _ConcordSqliteStore
{
  GObject     parent_instance;
  sqlite3    *db;
  char       *path;
  int         version;
  guint       batch_depth;
  gboolean    batch_failed;     /* SQLite ended the batch's transaction after an error */
  GHashTable *category_labels;  /* code → label shown (translated if built in) */
  GHashTable *statements;       /* SQL → prepared statement, see prepare_cached() */
  GHashTable *pending_index;    /* case id → its old index text ("" when none), written at commit_batch */
};

static void concord_sqlite_store_iface_init (ConcordStoreInterface *iface);
static ConcordSigning *sqlite_load_signing (ConcordStore *store, gint64 case_id, GError **error);

G_DEFINE_FINAL_TYPE_WITH_CODE (ConcordSqliteStore, concord_sqlite_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CONCORD_TYPE_STORE, concord_sqlite_store_iface_init))

/* Helpers shared with the migrations */

void
_concord_sqlite_set_error (sqlite3    *db,
                           int         rc,
                           const char *what,
                           GError    **error)
{
  int primary = rc & 0xff;
  ConcordError code = CONCORD_ERROR_DB_FAILED;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    code = CONCORD_ERROR_DB_BUSY;
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    code = CONCORD_ERROR_DB_CORRUPT;
  else if (primary == SQLITE_CANTOPEN || primary == SQLITE_PERM ||
           primary == SQLITE_READONLY || primary == SQLITE_AUTH)
    code = CONCORD_ERROR_DB_CANNOT_OPEN;
  else if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    code = CONCORD_ERROR_CONFLICT;
  else if (rc == SQLITE_CONSTRAINT_TRIGGER && db != NULL &&
           g_str_has_prefix (sqlite3_errmsg (db), "concord: "))
    code = CONCORD_ERROR_STAGE;

  if (code == CONCORD_ERROR_STAGE)
    {
      /* A trigger guarding what is signed or archived (schema 7). */
      const char *why = sqlite3_errmsg (db) + strlen ("concord: ");

      if (g_str_has_prefix (why, "an archived print"))
        g_set_error_literal (error, CONCORD_ERROR, code,
                             _("A printed file kept with the case cannot be changed or removed."));
      else if (g_str_has_prefix (why, "a version with signatures"))
        g_set_error_literal (error, CONCORD_ERROR, code,
                             _("Signatures have been given on this version, so its text cannot be changed: "
                               "a change is a new version, signed again."));
      else
        g_set_error_literal (error, CONCORD_ERROR, code,
                             _("The agreement is signed and locked, so it cannot be changed. A change needs "
                               "a new version, signed again."));
    }
  else if (code == CONCORD_ERROR_DB_BUSY)
    g_set_error (error, CONCORD_ERROR, code,
                 _("The database is busy: another program has been writing to it for too long. Try again."));
  else if (code == CONCORD_ERROR_DB_CORRUPT)
    g_set_error (error, CONCORD_ERROR, code,
                 _("The database file is damaged (%s)."),
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    g_set_error (error, CONCORD_ERROR, code, "%s: %s", what,
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

gboolean
_concord_sqlite_exec (sqlite3    *db,
                      const char *sql,
                      GError    **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _concord_sqlite_set_error (db, rc, "exec", error);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql,
         GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _concord_sqlite_set_error (db, rc, "prepare", error);
      return NULL;
    }
  return stmt;
}


GHashTable *
_concord_sqlite_statement_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) stmt_finalize);
}


#define cached(self, sql, error) prepare_cached ((self)->db, (self)->statements, (sql), (error))


static int
code_or (int value,
         int fallback)
{
  return value >= 0 ? value : fallback;
}

/* The search index */

static void
append_party_search_text (GString      *body,
                          sqlite3_stmt *stmt)
{
  /* name, phone, id_number, claims */
  for (int col = 0; col < 4; col++)
    concord_search_text_append (body, column_str (stmt, col));
}

/* The text the index holds for a case, made from what the database holds
 * now. The index is contentless (it does not keep a second copy of the
 * text), so removing a case's old entry needs that old text again: it is
 * rebuilt with this function before the case's rows change. Whoever
 * changes what goes into it must add a migration that rebuilds the whole
 * index ('delete-all' and re-insert). */
char *
_concord_sqlite_search_body (sqlite3    *db,
                             GHashTable *cache,
                             gint64      case_id,
                             GError    **error)
{
  g_autoptr(CachedStmt) case_stmt = NULL;
  g_autoptr(CachedStmt) party_stmt = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  int rc;

  case_stmt = prepare_cached (db, cache,
                       "SELECT case_no, incident_no, place, referred_by, facts FROM cases WHERE id = ?1",
                       error);
  if (case_stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (case_stmt, 1, case_id);
  rc = sqlite3_step (case_stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND,
                   _("This case is no longer in the database."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (db, rc, "index case", error);
      return NULL;
    }
  for (int col = 0; col < 5; col++)
    concord_search_text_append (body, column_str (case_stmt, col));

  party_stmt = prepare_cached (db, cache,
                        "SELECT name, phone, id_number, claims FROM party WHERE case_id = ?1"
                        " ORDER BY represents_id IS NOT NULL, position, id",
                        error);
  if (party_stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (party_stmt, 1, case_id);
  while ((rc = sqlite3_step (party_stmt)) == SQLITE_ROW)
    append_party_search_text (body, party_stmt);
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (db, rc, "index case", error);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}

gboolean
_concord_sqlite_index_case (sqlite3    *db,
                            GHashTable *cache,
                            gint64      case_id,
                            const char *old_body,
                            GError    **error)
{
  g_autoptr(CachedStmt) del = NULL;
  g_autoptr(CachedStmt) ins = NULL;
  g_autofree char *body = NULL;

  if (old_body != NULL)
    {
      del = prepare_cached (db, cache,
                     "INSERT INTO case_search (case_search, rowid, body) VALUES ('delete', ?1, ?2)",
                     error);
      if (del == NULL)
        return FALSE;
      sqlite3_bind_int64 (del, 1, case_id);
      sqlite3_bind_text (del, 2, old_body, -1, SQLITE_STATIC);
      if (!step_done (db, del, "index case", error))
        return FALSE;
    }

  body = _concord_sqlite_search_body (db, cache, case_id, error);
  if (body == NULL)
    return FALSE;
  ins = prepare_cached (db, cache, "INSERT INTO case_search (rowid, body) VALUES (?1, ?2)", error);
  if (ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (ins, 1, case_id);
  sqlite3_bind_text (ins, 2, body, -1, SQLITE_STATIC);
  return step_done (db, ins, "index case", error);
}

/* Transactions: a write opens its own immediate transaction, or a savepoint
 * inside a batch. */

static void
set_batch_failed_error (GError **error)
{
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_FAILED,
               _("An earlier error ended this group of changes; none of it was stored."));
}

static gboolean
write_begin (ConcordSqliteStore *self,
             GError            **error)
{
  if (self->batch_depth > 0 && self->batch_failed)
    {
      set_batch_failed_error (error);
      return FALSE;
    }
  return _concord_sqlite_exec (self->db,
                               self->batch_depth > 0 ? "SAVEPOINT concord_write" : "BEGIN IMMEDIATE",
                               error);
}

static gboolean
write_commit (ConcordSqliteStore *self,
              GError            **error)
{
  return _concord_sqlite_exec (self->db,
                               self->batch_depth > 0 ? "RELEASE concord_write" : "COMMIT",
                               error);
}

static void
write_rollback (ConcordSqliteStore *self)
{
  if (self->batch_depth > 0)
    {
      /* After some errors (disk full, I/O) SQLite has already rolled the
       * whole transaction back: the batch is over, whatever comes next. */
      if (sqlite3_get_autocommit (self->db))
        self->batch_failed = TRUE;
      else
        sqlite3_exec (self->db, "ROLLBACK TO concord_write; RELEASE concord_write", NULL, NULL, NULL);
    }
  else if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* The audit log */

static char *
audit_hash (const char *prev_hash,
            const char *at,
            const char *actor,
            gint64      case_id,
            const char *action,
            const char *detail)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *case_text = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *parts[] = { prev_hash, at, actor, case_text, action, detail ? detail : "" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_checksum_update (sum, (const guchar *) parts[i], (gssize) strlen (parts[i]));
      g_checksum_update (sum, (const guchar *) "\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static gboolean
audit_append (ConcordSqliteStore *self,
              const char         *actor,
              gint64              case_id,
              const char         *action,
              const char         *detail,
              GError            **error)
{
  g_autoptr(CachedStmt) last = NULL;
  g_autoptr(CachedStmt) ins = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *at = concord_clock_now_iso ();
  g_autofree char *hash = NULL;
  int rc;

  last = cached (self, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;
  rc = sqlite3_step (last);
  if (rc == SQLITE_ROW)
    prev = column_dup (last, 0);
  else if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "audit", error);
      return FALSE;
    }
  if (prev == NULL)
    prev = g_strdup (GENESIS_HASH);

  hash = audit_hash (prev, at, actor, case_id, action, detail);
  ins = cached (self,
                 "INSERT INTO audit (at, actor, case_id, action, detail, prev_hash, hash)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                 error);
  if (ins == NULL)
    return FALSE;
  bind_text (ins, 1, at);
  bind_text (ins, 2, actor);
  if (case_id > 0)
    sqlite3_bind_int64 (ins, 3, case_id);
  bind_text (ins, 4, action);
  bind_text (ins, 5, detail);
  bind_text (ins, 6, prev);
  bind_text (ins, 7, hash);
  return step_done (self->db, ins, "audit", error);
}

/* Categories */

static gboolean
load_category_labels (ConcordSqliteStore *self,
                      GError            **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_hash_table_remove_all (self->category_labels);
  stmt = cached (self, "SELECT code, label, builtin FROM category", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = column_str (stmt, 0);
      const char *builtin = sqlite3_column_int (stmt, 2) ? concord_category_builtin_label (code) : NULL;

      g_hash_table_insert (self->category_labels, g_strdup (code),
                           g_strdup (builtin ? builtin : column_str (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "categories", error);
      return FALSE;
    }
  return TRUE;
}

/* Time limits */

/* The time limit of @stage in working days from @from_iso (the setting
 * "limit.<stage>.days", the station's holidays and make-up working days);
 * NULL for a final stage. */
static void  set_no_such_case (gint64   id,
                               GError **error);
static char *add_working_days (ConcordSqliteStore *self,
                               const char         *from_iso,
                               guint               days);

static char *
due_after_working_days (ConcordSqliteStore *self,
                        const char         *from_iso,
                        ConcordStage        stage)
{
  g_autofree char *key = concord_store_dup_limit_key (stage);
  g_autofree char *value = NULL;
  guint64 days = 0;

  if (key == NULL)
    return NULL;
  value = concord_store_get_setting (CONCORD_STORE (self), key);
  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 365, &days, NULL))
    return NULL;
  return add_working_days (self, from_iso, (guint) days);
}

/* @from_iso plus @days working days of the station's calendar. */
static char *
add_working_days (ConcordSqliteStore *self,
                  const char         *from_iso,
                  guint               days)
{
  g_autofree char *holidays = NULL;
  g_autofree char *workdays = NULL;
  g_autoptr(ConcordCalendar) calendar = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) due = NULL;

  from = concord_clock_parse_iso (from_iso);
  if (from == NULL)
    return NULL;

  holidays = concord_store_get_setting (CONCORD_STORE (self), CONCORD_SETTING_CALENDAR_HOLIDAYS);
  workdays = concord_store_get_setting (CONCORD_STORE (self), CONCORD_SETTING_CALENDAR_WORKDAYS);
  calendar = concord_calendar_new (holidays, workdays, NULL);
  if (calendar == NULL)
    {
      /* Only set_setting() writes the lists, and it checks them. */
      g_warning ("The station's calendar settings are malformed; counting Monday to Friday only");
      calendar = concord_calendar_new (NULL, NULL, NULL);
    }
  due = concord_calendar_add_working_days_to_time (calendar, from, days);
  return due ? concord_clock_format_iso (due) : NULL;
}

/* The due time of a police mediation case at a session stage: the
 * stage's limit counted from when the case entered it, and while it has
 * had one session, no later than CONCORD_POLICE_SECOND_SESSION_WORKING_DAYS
 * after that session began (公安机关办理行政案件程序规定 art. 183).
 * Updates cases.due_at; other cases keep the due time of their stage move. */
static gboolean
update_session_stage_due (ConcordSqliteStore *self,
                          gint64              case_id,
                          GError            **error)
{
  g_autoptr(CachedStmt) get = NULL;
  g_autoptr(CachedStmt) upd = NULL;
  g_autofree char *due = NULL;
  int stage;
  int type;
  int rc;

  get = cached (self,
                "SELECT c.stage, c.mediation_type,"
                " (SELECT at FROM stage_move WHERE case_id = c.id ORDER BY id DESC LIMIT 1),"
                " (SELECT count (*) FROM session WHERE case_id = c.id),"
                " (SELECT min (started_at) FROM session WHERE case_id = c.id)"
                " FROM cases c WHERE c.id = ?1",
                error);
  if (get == NULL)
    return FALSE;
  sqlite3_bind_int64 (get, 1, case_id);
  rc = sqlite3_step (get);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        set_no_such_case (case_id, error);
      else
        _concord_sqlite_set_error (self->db, rc, "due", error);
      return FALSE;
    }
  stage = concord_stage_from_code (column_str (get, 0));
  type = concord_mediation_type_from_code (column_str (get, 1));
  if (type != CONCORD_MEDIATION_POLICE ||
      (stage != CONCORD_STAGE_BACK_TO_BACK && stage != CONCORD_STAGE_FACE_TO_FACE))
    return TRUE; /* the due time set by the stage move stands */

  due = due_after_working_days (self, column_str (get, 2), stage);
  if (sqlite3_column_int64 (get, 3) == 1)
    {
      g_autofree char *second = add_working_days (self, column_str (get, 4),
                                                  CONCORD_POLICE_SECOND_SESSION_WORKING_DAYS);

      if (second != NULL && (due == NULL || strcmp (second, due) < 0))
        {
          g_free (due);
          due = g_steal_pointer (&second);
        }
    }
  g_clear_pointer (&get, cached_stmt_release);

  upd = cached (self, "UPDATE cases SET due_at = ?2 WHERE id = ?1", error);
  if (upd == NULL)
    return FALSE;
  sqlite3_bind_int64 (upd, 1, case_id);
  bind_text (upd, 2, due);
  return step_done (self->db, upd, "due", error);
}

static gboolean
insert_stage_move (ConcordSqliteStore *self,
                   gint64              case_id,
                   int                 from,
                   ConcordStage        to,
                   const char         *at,
                   const char         *actor,
                   const char         *reason,
                   GError            **error)
{
  g_autoptr(CachedStmt) ins = NULL;

  ins = cached (self,
                "INSERT INTO stage_move (case_id, from_stage, to_stage, at, actor, reason)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                error);
  if (ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (ins, 1, case_id);
  bind_text (ins, 2, from >= 0 ? concord_stage_to_code (from) : NULL);
  bind_text (ins, 3, concord_stage_to_code (to));
  bind_text (ins, 4, at);
  bind_text (ins, 5, actor);
  bind_text (ins, 6, reason);
  return step_done (self->db, ins, "stage move", error);
}

/* Saving a case */

typedef struct
{
  gint64 *field;
  gint64  old_value;
} IdRestore;

/* Remembers an id the write assigned, to undo it if the write fails. */
static void
assign_id (GArray *restore,
           gint64 *field,
           gint64  value)
{
  IdRestore r = { field, *field };

  g_array_append_val (restore, r);
  *field = value;
}

static gboolean
write_party (ConcordSqliteStore *self,
             gint64              case_id,
             int                 position,
             gint64              represents_id,
             ConcordParty       *party,
             GArray             *restore,
             GHashTable         *kept,
             GError            **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  gboolean update = party->id > 0;

  if (update)
    stmt = cached (self,
                    "UPDATE party SET position = ?3, represents_id = ?4, kind = ?5, role = ?6, name = ?7,"
                    " gender = ?8, ethnicity = ?9, birth_date = ?10, id_type = ?11, id_number = ?12,"
                    " phone = ?13, address = ?14, occupation = ?15, claims = ?16, agent_kind = ?17,"
                    " agent_relation = ?18 WHERE id = ?1 AND case_id = ?2",
                    error);
  else
    stmt = cached (self,
                    "INSERT INTO party (case_id, position, represents_id, kind, role, name, gender,"
                    " ethnicity, birth_date, id_type, id_number, phone, address, occupation, claims,"
                    " agent_kind, agent_relation)"
                    " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                    error);
  if (stmt == NULL)
    return FALSE;

  if (update)
    sqlite3_bind_int64 (stmt, 1, party->id);
  sqlite3_bind_int64 (stmt, 2, case_id);
  sqlite3_bind_int (stmt, 3, position);
  if (represents_id > 0)
    sqlite3_bind_int64 (stmt, 4, represents_id);
  else
    sqlite3_bind_null (stmt, 4);
  bind_text (stmt, 5, concord_party_kind_to_code (party->kind));
  bind_text (stmt, 6, concord_party_role_to_code (party->role));
  bind_text (stmt, 7, party->name);
  bind_text (stmt, 8, concord_gender_to_code (party->gender));
  bind_text (stmt, 9, party->ethnicity);
  bind_text (stmt, 10, party->birth_date);
  bind_text (stmt, 11, concord_id_type_to_code (party->id_type));
  bind_text (stmt, 12, party->id_number);
  bind_text (stmt, 13, party->phone);
  bind_text (stmt, 14, party->address);
  bind_text (stmt, 15, party->occupation);
  bind_text (stmt, 16, party->claims);
  bind_text (stmt, 17, concord_agent_kind_to_code (represents_id > 0 ? CONCORD_AGENT_NONE : party->agent_kind));
  bind_text (stmt, 18, party->agent_relation);

  if (!step_done (self->db, stmt, "save party", error))
    return FALSE;

  if (update && sqlite3_changes (self->db) == 0)
    {
      /* Not a party of this case (copied from another): store it anew. */
      assign_id (restore, &party->id, 0);
      return write_party (self, case_id, position, represents_id, party, restore, kept, error);
    }
  if (!update)
    assign_id (restore, &party->id, sqlite3_last_insert_rowid (self->db));
  g_hash_table_add (kept, g_memdup2 (&party->id, sizeof party->id));

  if (represents_id == 0 && party->agent != NULL && party->agent_kind != CONCORD_AGENT_NONE)
    return write_party (self, case_id, position, party->id, party->agent, restore, kept, error);
  return TRUE;
}

static gboolean
delete_removed_parties (ConcordSqliteStore *self,
                        gint64              case_id,
                        GHashTable         *kept,
                        GError            **error)
{
  g_autoptr(CachedStmt) list = NULL;
  g_autoptr(CachedStmt) del = NULL;
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  list = cached (self, "SELECT id FROM party WHERE case_id = ?1", error);
  if (list == NULL)
    return FALSE;
  sqlite3_bind_int64 (list, 1, case_id);
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (list, 0);

      if (!g_hash_table_contains (kept, &id))
        g_array_append_val (removed, id);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "save parties", error);
      return FALSE;
    }

  del = cached (self, "DELETE FROM party WHERE id = ?1", error);
  if (del == NULL)
    return FALSE;
  for (guint i = 0; i < removed->len; i++)
    {
      sqlite3_reset (del);
      sqlite3_bind_int64 (del, 1, g_array_index (removed, gint64, i));
      if (!step_done (self->db, del, "save parties", error))
        return FALSE;
    }
  return TRUE;
}

/* The one way a team member row is added. */
static gboolean
insert_member_row (ConcordSqliteStore *self,
                   ConcordTeamMember  *member,
                   const char         *name,
                   gint64             *id,
                   GError            **error)
{
  g_autoptr(CachedStmt) ins = NULL;
  g_autofree char *now = concord_clock_now_iso ();

  ins = cached (self,
                "INSERT INTO team_member (name, role, phone, id_number, organisation, username, created_at)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                error);
  if (ins == NULL)
    return FALSE;
  bind_text (ins, 1, name);
  bind_text (ins, 2, concord_team_role_to_code (member->role));
  bind_text (ins, 3, member->phone);
  bind_text (ins, 4, member->id_number);
  bind_text (ins, 5, member->organisation);
  bind_text (ins, 6, member->username);
  bind_text (ins, 7, now);
  if (!step_done (self->db, ins, "save team member", error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* A station member named on a case: details typed on the case (a new
 * phone, an organisation) update the member; a member without an id is
 * matched by name and phone, or added. */
static gboolean
resolve_member (ConcordSqliteStore *self,
                ConcordTeamMember  *member,
                const char         *actor,
                GArray             *restore,
                GError            **error)
{
  g_autoptr(CachedStmt) find = NULL;
  gint64 id = 0;
  int rc;

  if (member->id > 0)
    {
      g_autoptr(CachedStmt) upd = NULL;

      upd = cached (self,
                    "UPDATE team_member SET phone = coalesce (?2, phone),"
                    " id_number = coalesce (?3, id_number), organisation = coalesce (?4, organisation)"
                    " WHERE id = ?1 AND (phone IS NOT coalesce (?2, phone)"
                    " OR id_number IS NOT coalesce (?3, id_number)"
                    " OR organisation IS NOT coalesce (?4, organisation))",
                    error);
      if (upd == NULL)
        return FALSE;
      sqlite3_bind_int64 (upd, 1, member->id);
      bind_text (upd, 2, member->phone);
      bind_text (upd, 3, member->id_number);
      bind_text (upd, 4, member->organisation);
      if (!step_done (self->db, upd, "save team", error))
        return FALSE;
      if (sqlite3_changes (self->db) > 0 &&
          !audit_append (self, actor, 0, "member.update", member->name, error))
        return FALSE;
      return TRUE;
    }

  find = cached (self,
                 "SELECT id FROM team_member WHERE name = ?1 AND phone IS ?2 ORDER BY id LIMIT 1",
                 error);
  if (find == NULL)
    return FALSE;
  bind_text (find, 1, member->name);
  bind_text (find, 2, member->phone);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    {
      assign_id (restore, &member->id, sqlite3_column_int64 (find, 0));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "save team", error);
      return FALSE;
    }

  if (!insert_member_row (self, member, member->name, &id, error))
    return FALSE;
  assign_id (restore, &member->id, id);
  return TRUE;
}

static gboolean
write_team (ConcordSqliteStore *self,
            ConcordCase        *c,
            const char         *actor,
            GArray             *restore,
            GError            **error)
{
  g_autoptr(CachedStmt) del = NULL;
  g_autoptr(CachedStmt) ins = NULL;

  del = cached (self, "DELETE FROM case_team WHERE case_id = ?1", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, c->id);
  if (!step_done (self->db, del, "save team", error))
    return FALSE;

  ins = cached (self,
                 "INSERT INTO case_team (case_id, position, member_id, role) VALUES (?1, ?2, ?3, ?4)",
                 error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; i < c->team->len; i++)
    {
      ConcordTeamMember *member = g_ptr_array_index (c->team, i);

      if (!resolve_member (self, member, actor, restore, error))
        return FALSE;
      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, c->id);
      sqlite3_bind_int (ins, 2, (int) i);
      sqlite3_bind_int64 (ins, 3, member->id);
      bind_text (ins, 4, concord_team_role_to_code (member->role));
      if (!step_done (self->db, ins, "save team", error))
        return FALSE;
    }
  return TRUE;
}

/* Reserves the next number of the year and makes the case number from the
 * station's format. The sequence row is written inside the same immediate
 * transaction, so two windows saving at once get different numbers; the
 * UNIQUE constraint on case_no is the last guard. */
static gboolean
next_case_number (ConcordSqliteStore *self,
                  int                 year,
                  guint              *seq,
                  char              **case_no,
                  GError            **error)
{
  g_autofree char *format = concord_store_get_setting (CONCORD_STORE (self), CONCORD_SETTING_CASE_NUMBER_FORMAT);
  g_autofree char *station = concord_store_get_setting (CONCORD_STORE (self), CONCORD_SETTING_STATION_SHORT_NAME);
  g_autoptr(CachedStmt) next = NULL;
  g_autoptr(CachedStmt) taken = NULL;

  next = cached (self,
                  "INSERT INTO case_sequence (year, last) VALUES (?1, 1)"
                  " ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
                  error);
  taken = cached (self, "SELECT 1 FROM cases WHERE case_no = ?1", error);
  if (next == NULL || taken == NULL)
    return FALSE;

  /* A format changed in the middle of a year may produce a number already
   * used: skip to the next free one. */
  for (guint attempt = 0; attempt < 10000; attempt++)
    {
      g_autofree char *candidate = NULL;
      int rc;

      sqlite3_reset (next);
      sqlite3_bind_int (next, 1, year);
      rc = sqlite3_step (next);
      if (rc != SQLITE_ROW)
        {
          _concord_sqlite_set_error (self->db, rc, "case number", error);
          return FALSE;
        }
      *seq = (guint) sqlite3_column_int (next, 0);
      sqlite3_reset (next);

      candidate = concord_case_number_format (format, year, *seq, station, error);
      if (candidate == NULL)
        return FALSE;

      sqlite3_reset (taken);
      bind_text (taken, 1, candidate);
      rc = sqlite3_step (taken);
      if (rc == SQLITE_DONE)
        {
          *case_no = g_steal_pointer (&candidate);
          return TRUE;
        }
      if (rc != SQLITE_ROW)
        {
          _concord_sqlite_set_error (self->db, rc, "case number", error);
          return FALSE;
        }
    }
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_CONFLICT,
               _("No free case number: check the case number format in Preferences."));
  return FALSE;
}

static int
local_year (const char *utc_iso)
{
  g_autoptr(GDateTime) utc = concord_clock_parse_iso (utc_iso);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return 0;
  local = g_date_time_to_local (utc);
  return g_date_time_get_year (local);
}

static gboolean
insert_case_row (ConcordSqliteStore *self,
                 ConcordCase        *c,
                 const char         *now,
                 char              **case_no,
                 char              **received_at,
                 char              **due_at,
                 gint64             *id,
                 GError            **error)
{
  g_autoptr(CachedStmt) ins = NULL;
  guint seq = 0;
  int year;

  *received_at = g_strdup (c->received_at ? c->received_at : now);
  year = local_year (*received_at);
  if (year == 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The time the case was received is not a valid time."));
      return FALSE;
    }
  if (!next_case_number (self, year, &seq, case_no, error))
    return FALSE;
  *due_at = c->due_at ? g_strdup (c->due_at)
                      : due_after_working_days (self, *received_at, CONCORD_STAGE_RECEIVED);

  ins = cached (self,
                 "INSERT INTO cases (case_no, year, seq, source, referred_by, incident_no, occurred_at,"
                 " place, category, mediation_type, facts, stage, stage_reason, received_at, due_at,"
                 " updated_at, party_names, police_screened, police_exclusions)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, '', ?17, ?18)",
                 error);
  if (ins == NULL)
    return FALSE;
  bind_text (ins, 1, *case_no);
  sqlite3_bind_int (ins, 2, year);
  sqlite3_bind_int (ins, 3, (int) seq);
  bind_text (ins, 4, concord_source_to_code (c->source));
  bind_text (ins, 5, c->referred_by);
  bind_text (ins, 6, c->incident_no);
  bind_text (ins, 7, c->occurred_at);
  bind_text (ins, 8, c->place);
  bind_text (ins, 9, c->category);
  bind_text (ins, 10, concord_mediation_type_to_code (c->mediation_type));
  bind_text (ins, 11, c->facts);
  bind_text (ins, 12, concord_stage_to_code (CONCORD_STAGE_RECEIVED));
  bind_text (ins, 13, NULL);
  bind_text (ins, 14, *received_at);
  bind_text (ins, 15, *due_at);
  bind_text (ins, 16, now);
  sqlite3_bind_int (ins, 17, c->police_screened ? 1 : 0);
  sqlite3_bind_int (ins, 18, (int) c->police_exclusions);
  if (!step_done (self->db, ins, "save case", error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
update_case_row (ConcordSqliteStore *self,
                 ConcordCase        *c,
                 const char         *now,
                 GError            **error)
{
  g_autoptr(CachedStmt) upd = NULL;

  upd = cached (self,
                 "UPDATE cases SET source = ?2, referred_by = ?3, incident_no = ?4, occurred_at = ?5,"
                 " place = ?6, category = ?7, mediation_type = ?8, facts = ?9, updated_at = ?10,"
                 " police_screened = ?11, police_exclusions = ?12"
                 " WHERE id = ?1",
                 error);
  if (upd == NULL)
    return FALSE;
  sqlite3_bind_int64 (upd, 1, c->id);
  bind_text (upd, 2, concord_source_to_code (c->source));
  bind_text (upd, 3, c->referred_by);
  bind_text (upd, 4, c->incident_no);
  bind_text (upd, 5, c->occurred_at);
  bind_text (upd, 6, c->place);
  bind_text (upd, 7, c->category);
  bind_text (upd, 8, concord_mediation_type_to_code (c->mediation_type));
  bind_text (upd, 9, c->facts);
  bind_text (upd, 10, now);
  sqlite3_bind_int (upd, 11, c->police_screened ? 1 : 0);
  sqlite3_bind_int (upd, 12, (int) c->police_exclusions);
  if (!step_done (self->db, upd, "save case", error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND,
                   _("This case is no longer in the database."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
update_party_names (ConcordSqliteStore *self,
                    ConcordCase        *c,
                    GError            **error)
{
  g_autoptr(CachedStmt) upd = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  /* Stored for the list; the Chinese enumeration comma reads well in every
   * interface language for Chinese names. */
  for (guint i = 0; i < c->parties->len; i++)
    {
      ConcordParty *party = g_ptr_array_index (c->parties, i);

      if (names->len > 0)
        g_string_append (names, "、");
      g_string_append (names, party->name);
    }

  upd = cached (self, "UPDATE cases SET party_names = ?2 WHERE id = ?1", error);
  if (upd == NULL)
    return FALSE;
  sqlite3_bind_int64 (upd, 1, c->id);
  bind_text (upd, 2, names->str);
  return step_done (self->db, upd, "save case", error);
}

static gboolean
check_category (ConcordSqliteStore *self,
                const char         *code,
                GError            **error)
{
  if (code == NULL || g_hash_table_contains (self->category_labels, code))
    return TRUE;
  /* Another program (concord-cli, another window) may have added it. */
  if (!load_category_labels (self, error))
    return FALSE;
  if (g_hash_table_contains (self->category_labels, code))
    return TRUE;
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
               _("“%s” is not a dispute category of this station."), code);
  return FALSE;
}

static gboolean
sqlite_save_case (ConcordStore *store,
                  ConcordCase  *c,
                  const char   *actor,
                  GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GArray) restore = g_array_new (FALSE, FALSE, sizeof (IdRestore));
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *case_no = NULL;
  g_autofree char *received_at = NULL;
  g_autofree char *due_at = NULL;
  g_autofree char *old_body = NULL;
  gboolean is_new = c->id == 0;
  gint64 new_id = 0;

  /* Empty party rows of a form are not parties. */
  problems = concord_case_validate (c);
  if (problems->len > 0)
    {
      ConcordProblem *first = g_ptr_array_index (problems, 0);

      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, "%s", first->message);
      return FALSE;
    }
  if (!check_category (self, c->category, error))
    return FALSE;

  if (!write_begin (self, error))
    return FALSE;

  if (is_new)
    {
      if (!insert_case_row (self, c, now, &case_no, &received_at, &due_at, &new_id, error) ||
          !insert_stage_move (self, new_id, -1, CONCORD_STAGE_RECEIVED, received_at, actor, NULL, error))
        goto failed;
      assign_id (restore, &c->id, new_id);
    }
  else if ((old_body = _concord_sqlite_search_body (self->db, self->statements, c->id, error)) == NULL)
    goto failed;
  else if (!update_case_row (self, c, now, error))
    goto failed;

  for (guint i = 0; i < c->parties->len; i++)
    if (!write_party (self, c->id, (int) i, 0, g_ptr_array_index (c->parties, i), restore, kept, error))
      goto failed;
  if (!is_new && !delete_removed_parties (self, c->id, kept, error))
    goto failed;
  if (!write_team (self, c, actor, restore, error) ||
      !update_party_names (self, c, error) ||
      (self->batch_depth == 0 &&
       !_concord_sqlite_index_case (self->db, self->statements, c->id, old_body, error)) ||
      !audit_append (self, actor, c->id, is_new ? "case.create" : "case.update",
                     is_new ? case_no : NULL, error) ||
      !write_commit (self, error))
    goto failed;

  /* In a batch the index is written at commit_batch, in one go: FTS5
   * flushes its pending terms at every savepoint, which made bulk loads
   * twice as slow. The text to remove is the one from before the batch. */
  if (self->batch_depth > 0 && !g_hash_table_contains (self->pending_index, &c->id))
    g_hash_table_insert (self->pending_index, g_memdup2 (&c->id, sizeof c->id),
                         old_body ? g_steal_pointer (&old_body) : g_strdup (""));

  if (is_new)
    {
      g_free (c->case_no);
      c->case_no = g_steal_pointer (&case_no);
      g_free (c->received_at);
      c->received_at = g_steal_pointer (&received_at);
      g_free (c->due_at);
      c->due_at = g_steal_pointer (&due_at);
      c->stage = CONCORD_STAGE_RECEIVED;
    }
  g_free (c->updated_at);
  c->updated_at = g_steal_pointer (&now);
  return TRUE;

failed:
  write_rollback (self);
  /* Nothing was stored: the record must not pretend it was. */
  for (guint i = restore->len; i > 0; i--)
    {
      IdRestore *r = &g_array_index (restore, IdRestore, i - 1);
      *r->field = r->old_value;
    }
  return FALSE;
}

/* Loading a case */

static void
set_no_such_case (gint64   id,
                  GError **error)
{
  /* The number is formatted first: gettext cannot see through
   * G_GINT64_FORMAT in a message. */
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND, _("No case with id %s."), number);
}

static ConcordParty *
party_from_row (sqlite3_stmt *stmt)
{
  ConcordParty *party = concord_party_new ();

  /* id, represents_id, kind, role, name, gender, ethnicity, birth_date,
   * id_type, id_number, phone, address, occupation, claims, agent_kind,
   * agent_relation */
  party->id = sqlite3_column_int64 (stmt, 0);
  party->kind = code_or (concord_party_kind_from_code (column_str (stmt, 2)), CONCORD_PARTY_PERSON);
  party->role = code_or (concord_party_role_from_code (column_str (stmt, 3)), CONCORD_ROLE_PARTY);
  party->name = column_dup (stmt, 4);
  party->gender = code_or (concord_gender_from_code (column_str (stmt, 5)), CONCORD_GENDER_UNKNOWN);
  party->ethnicity = column_dup (stmt, 6);
  party->birth_date = column_dup (stmt, 7);
  party->id_type = code_or (concord_id_type_from_code (column_str (stmt, 8)), CONCORD_ID_OTHER);
  party->id_number = column_dup (stmt, 9);
  party->phone = column_dup (stmt, 10);
  party->address = column_dup (stmt, 11);
  party->occupation = column_dup (stmt, 12);
  party->claims = column_dup (stmt, 13);
  party->agent_kind = code_or (concord_agent_kind_from_code (column_str (stmt, 14)), CONCORD_AGENT_NONE);
  party->agent_relation = column_dup (stmt, 15);
  return party;
}

/* Columns: id, name, role, phone, id_number, organisation, username. */
static ConcordTeamMember *
member_from_row (sqlite3_stmt *stmt)
{
  ConcordTeamMember *member = concord_team_member_new ();

  member->id = sqlite3_column_int64 (stmt, 0);
  member->name = column_dup (stmt, 1);
  member->role = code_or (concord_team_role_from_code (column_str (stmt, 2)), CONCORD_TEAM_HELPER);
  member->phone = column_dup (stmt, 3);
  member->id_number = column_dup (stmt, 4);
  member->organisation = column_dup (stmt, 5);
  member->username = column_dup (stmt, 6);
  return member;
}

static gboolean
load_parties (ConcordSqliteStore *self,
              ConcordCase        *c,
              GError            **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  stmt = cached (self,
                  "SELECT id, represents_id, kind, role, name, gender, ethnicity, birth_date, id_type,"
                  " id_number, phone, address, occupation, claims, agent_kind, agent_relation"
                  " FROM party WHERE case_id = ?1 ORDER BY represents_id IS NOT NULL, position, id",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ConcordParty *party = party_from_row (stmt);

      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        {
          g_ptr_array_add (c->parties, party);
          g_hash_table_insert (by_id, &party->id, party);
        }
      else
        {
          gint64 represents = sqlite3_column_int64 (stmt, 1);
          ConcordParty *principal = g_hash_table_lookup (by_id, &represents);

          if (principal != NULL && principal->agent == NULL)
            principal->agent = party;
          else
            concord_party_unref (party);
        }
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "load parties", error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_team (ConcordSqliteStore *self,
           ConcordCase        *c,
           GError            **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = cached (self,
                  "SELECT m.id, m.name, ct.role, m.phone, m.id_number, m.organisation, m.username"
                  " FROM case_team ct JOIN team_member m ON m.id = ct.member_id"
                  " WHERE ct.case_id = ?1 ORDER BY ct.position",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (c->team, member_from_row (stmt));
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "load team", error);
      return FALSE;
    }
  return TRUE;
}

static ConcordCase *
load_case_where (ConcordSqliteStore *self,
                 const char         *where,
                 gint64              id,
                 const char         *case_no,
                 GError            **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strconcat ("SELECT id, case_no, source, referred_by, incident_no, occurred_at, place, category,"
                     " mediation_type, facts, stage, stage_reason, received_at, due_at, updated_at,"
                     " police_screened, police_exclusions"
                     " FROM cases WHERE ", where, NULL);
  stmt = cached (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (case_no != NULL)
    bind_text (stmt, 1, case_no);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      if (case_no != NULL)
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND,
                     _("No case numbered “%s”."), case_no);
      else
        set_no_such_case (id, error);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (self->db, rc, "load case", error);
      return NULL;
    }

  c = concord_case_new ();
  c->id = sqlite3_column_int64 (stmt, 0);
  c->case_no = column_dup (stmt, 1);
  c->source = code_or (concord_source_from_code (column_str (stmt, 2)), CONCORD_SOURCE_WALK_IN);
  c->referred_by = column_dup (stmt, 3);
  c->incident_no = column_dup (stmt, 4);
  c->occurred_at = column_dup (stmt, 5);
  c->place = column_dup (stmt, 6);
  c->category = column_dup (stmt, 7);
  c->mediation_type = code_or (concord_mediation_type_from_code (column_str (stmt, 8)),
                               CONCORD_MEDIATION_PEOPLE);
  c->facts = column_dup (stmt, 9);
  c->stage = code_or (concord_stage_from_code (column_str (stmt, 10)), CONCORD_STAGE_RECEIVED);
  c->stage_reason = column_dup (stmt, 11);
  c->received_at = column_dup (stmt, 12);
  c->due_at = column_dup (stmt, 13);
  c->updated_at = column_dup (stmt, 14);
  c->police_screened = sqlite3_column_int (stmt, 15) != 0;
  c->police_exclusions = (guint) sqlite3_column_int (stmt, 16);

  if (!load_parties (self, c, error) || !load_team (self, c, error))
    return NULL;
  return g_steal_pointer (&c);
}

static ConcordCase *
sqlite_load_case (ConcordStore *store,
                  gint64        id,
                  GError      **error)
{
  return load_case_where (CONCORD_SQLITE_STORE (store), "id = ?1", id, NULL, error);
}

static ConcordCase *
sqlite_find_case (ConcordStore *store,
                  const char   *case_no,
                  GError      **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (case_no));

  return load_case_where (CONCORD_SQLITE_STORE (store), "case_no = ?1", 0, stripped, error);
}

/* Stages */

/* Moves case @id to @to in one transaction (see concord_store_move_stage()).
 * @audit_action NULL records "case.stage" with "from→to"; acceptance
 * records its own action with the reason. */
static gboolean
move_stage_locked (ConcordSqliteStore *self,
                   gint64              id,
                   ConcordStage        to,
                   const char         *reason,
                   const char         *actor,
                   const char         *audit_action,
                   GError            **error)
{
  g_autoptr(CachedStmt) get = NULL;
  g_autoptr(CachedStmt) upd = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *due = NULL;
  g_autofree char *case_no = NULL;
  g_autofree char *detail = NULL;
  const char *kept_reason;
  int from;
  int rc;

  kept_reason = *stripped ? stripped : NULL;

  get = cached (self, "SELECT stage, case_no FROM cases WHERE id = ?1", error);
  if (get == NULL)
    goto failed;
  sqlite3_bind_int64 (get, 1, id);
  rc = sqlite3_step (get);
  if (rc == SQLITE_DONE)
    {
      set_no_such_case (id, error);
      goto failed;
    }
  if (rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (self->db, rc, "stage", error);
      goto failed;
    }
  from = concord_stage_from_code (column_str (get, 0));
  case_no = column_dup (get, 1);
  g_clear_pointer (&get, cached_stmt_release);

  if (from < 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("Case %s is at a stage this version of Concord does not know."), case_no);
      goto failed;
    }
  if (audit_action != NULL && from != CONCORD_STAGE_RECEIVED)
    {
      /* Deciding acceptance keeps its own message. */
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("Case %s has already been decided: it is at the stage “%s”."),
                   case_no, concord_stage_label (from));
      goto failed;
    }
  if (!concord_stage_check_move (from, to, kept_reason, error))
    goto failed;

  due = due_after_working_days (self, now, to);

  upd = cached (self,
                 "UPDATE cases SET stage = ?2, stage_reason = ?3, due_at = ?4, updated_at = ?5 WHERE id = ?1",
                 error);
  if (upd == NULL)
    goto failed;
  sqlite3_bind_int64 (upd, 1, id);
  bind_text (upd, 2, concord_stage_to_code (to));
  bind_text (upd, 3, kept_reason);
  bind_text (upd, 4, due);
  bind_text (upd, 5, now);
  if (!step_done (self->db, upd, "stage", error) ||
      !insert_stage_move (self, id, from, to, now, actor, kept_reason, error))
    goto failed;
  g_clear_pointer (&upd, cached_stmt_release);
  if ((to == CONCORD_STAGE_BACK_TO_BACK || to == CONCORD_STAGE_FACE_TO_FACE) &&
      !update_session_stage_due (self, id, error))
    goto failed;

  if (audit_action == NULL)
    detail = kept_reason
      ? g_strdup_printf ("%s→%s: %s", concord_stage_to_code (from), concord_stage_to_code (to), kept_reason)
      : g_strdup_printf ("%s→%s", concord_stage_to_code (from), concord_stage_to_code (to));
  else
    detail = g_strdup (kept_reason);
  if (!audit_append (self, actor, id, audit_action ? audit_action : "case.stage", detail, error))
    goto failed;
  return TRUE;

failed:
  return FALSE;
}

static gboolean
move_stage_in_transaction (ConcordSqliteStore *self,
                           gint64              id,
                           ConcordStage        to,
                           const char         *reason,
                           const char         *actor,
                           const char         *audit_action,
                           GError            **error)
{
  if (!write_begin (self, error))
    return FALSE;
  if (!move_stage_locked (self, id, to, reason, actor, audit_action, error) ||
      !write_commit (self, error))
    {
      write_rollback (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_move_stage (ConcordStore *store,
                   gint64        case_id,
                   ConcordStage  to,
                   const char   *reason,
                   const char   *actor,
                   GError      **error)
{
  if (to == CONCORD_STAGE_FAILED)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("Closing a mediation as failed needs the referral: where the parties "
                     "were told they can go next."));
      return FALSE;
    }
  if (to == CONCORD_STAGE_REVIEW || to == CONCORD_STAGE_SIGNING)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   to == CONCORD_STAGE_REVIEW
                   ? _("An agreement goes to legal review when it is sent with its completeness check passed.")
                   : _("An agreement goes to signing when the lawyer approves it, or when it is sent "
                       "complete and the station does not require review."));
      return FALSE;
    }
  /* The moves the agreement decides: back to drafting, on to follow-up. */
  if (to == CONCORD_STAGE_DRAFTING || to == CONCORD_STAGE_FOLLOW_UP)
    {
      ConcordStage from;

      if (case_stage (CONCORD_SQLITE_STORE (store), case_id, &from, NULL) &&
          has_agreement (CONCORD_SQLITE_STORE (store), case_id))
        {
          /* A case sent to review before agreements were kept here
           * (schema 5) has no version to decide on: it may go back to
           * drafting. */
          if (to == CONCORD_STAGE_DRAFTING && from == CONCORD_STAGE_REVIEW)
            {
              g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                           _("Only the lawyer’s review sends an agreement back to drafting, with comments."));
              return FALSE;
            }
          /* At signing the lock decides (schema 7): a version everyone
           * signed is not taken back, and follow-up waits for it. */
          if (from == CONCORD_STAGE_SIGNING)
            {
              g_autoptr(ConcordSigning) signing = sqlite_load_signing (store, case_id, error);
              guint missing = 0;

              if (signing == NULL)
                return FALSE;
              if (to == CONCORD_STAGE_DRAFTING && signing->locked_at != NULL)
                {
                  g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                                       _("Everyone has signed: the agreement is locked and does not go back "
                                         "to drafting. Follow-up comes next."));
                  return FALSE;
                }
              for (guint i = 0; i < signing->signatures->len; i++)
                missing += g_ptr_array_index (signing->signatures, i) == NULL;
              if (to == CONCORD_STAGE_FOLLOW_UP && signing->locked_at == NULL)
                {
                  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "The agreement is not signed yet: %u signature is missing.",
                                            "The agreement is not signed yet: %u signatures are missing.",
                                            missing),
                               missing);
                  return FALSE;
                }
            }
        }
    }
  return move_stage_in_transaction (CONCORD_SQLITE_STORE (store), case_id, to, reason, actor, NULL, error);
}

static gboolean
sqlite_decide_case (ConcordStore *store,
                    gint64        id,
                    gboolean      accept,
                    const char   *reason,
                    const char   *actor,
                    GError      **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));

  if (!accept && *stripped == '\0')
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("Give the reason why the case is not accepted."));
      return FALSE;
    }
  return move_stage_in_transaction (CONCORD_SQLITE_STORE (store), id,
                                    accept ? CONCORD_STAGE_ACCEPTED : CONCORD_STAGE_NOT_ACCEPTED,
                                    reason, actor, accept ? "case.accept" : "case.not-accept", error);
}

static GPtrArray *
sqlite_list_stage_moves (ConcordStore *store,
                         gint64        case_id,
                         GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_stage_move_free);
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = cached (self,
                 "SELECT id, case_id, from_stage, to_stage, at, actor, reason"
                 " FROM stage_move WHERE case_id = ?1 ORDER BY id",
                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ConcordStageMove *move = g_new0 (ConcordStageMove, 1);

      move->id = sqlite3_column_int64 (stmt, 0);
      move->case_id = sqlite3_column_int64 (stmt, 1);
      move->from_stage = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                           ? -1 : concord_stage_from_code (column_str (stmt, 2));
      move->to_stage = concord_stage_from_code (column_str (stmt, 3));
      move->at = column_dup (stmt, 4);
      move->actor = column_dup (stmt, 5);
      move->reason = column_dup (stmt, 6);
      g_ptr_array_add (moves, move);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "stage moves", error);
      return NULL;
    }
  return g_steal_pointer (&moves);
}

/* Queries */

static const char *final_stages_sql =
  "('closed', 'not_accepted', 'failed', 'withdrawn')";

/* Builds the FROM and WHERE of a case query; binds come in a fixed order
 * (see bind_query). Returns FALSE when the search text has nothing to
 * search for. */
static void
build_query (const ConcordCaseQuery *query,
             const char             *match,
             gint64                  before_id,
             GString                *sql)
{
  if (match != NULL)
    g_string_append (sql, " FROM case_search s CROSS JOIN cases c ON c.id = s.rowid"
                          " WHERE s.case_search MATCH :match");
  else
    g_string_append (sql, " FROM cases c WHERE 1");

  if (before_id > 0)
    g_string_append (sql, match != NULL ? " AND s.rowid < :before" : " AND c.id < :before");
  if (query->stage >= 0)
    g_string_append (sql, " AND c.stage = :stage");
  if (query->category != NULL)
    g_string_append (sql, " AND c.category = :category");
  if (query->mediation_type >= 0)
    g_string_append (sql, " AND c.mediation_type = :type");
  if (query->mine != NULL)
    /* Driven from the member's cases (an index), not tested case by case:
     * EXISTS per case took seconds over a million cases. */
    g_string_append (sql, " AND c.id IN (SELECT ct.case_id FROM case_team ct WHERE ct.member_id IN"
                          " (SELECT m.id FROM team_member m WHERE m.username = :mine))");
  if (query->overdue)
    g_string_append_printf (sql, " AND c.due_at IS NOT NULL AND c.due_at < :now AND c.stage NOT IN %s",
                            final_stages_sql);
  if (query->open_work_orders)
    g_string_append (sql, " AND c.work_order_due IS NOT NULL");
}

static gboolean
query_is_text_only (const ConcordCaseQuery *query)
{
  return query->stage < 0 && query->category == NULL && query->mediation_type < 0 &&
         query->mine == NULL && !query->overdue && !query->open_work_orders;
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    bind_text (stmt, index, value);
}

static void
bind_query (sqlite3_stmt           *stmt,
            const ConcordCaseQuery *query,
            const char             *match,
            gint64                  before_id,
            const char             *now)
{
  int index;

  bind_named_text (stmt, ":match", match);
  if ((index = sqlite3_bind_parameter_index (stmt, ":before")) > 0)
    sqlite3_bind_int64 (stmt, index, before_id);
  if (query->stage >= 0)
    bind_named_text (stmt, ":stage", concord_stage_to_code (query->stage));
  bind_named_text (stmt, ":category", query->category);
  if (query->mediation_type >= 0)
    bind_named_text (stmt, ":type", concord_mediation_type_to_code (query->mediation_type));
  bind_named_text (stmt, ":mine", query->mine);
  bind_named_text (stmt, ":now", now);
}

/* Columns: id, case_no, party_names, category, stage, mediation_type,
 * received_at, due_at, facts (shortened). */
static ConcordCaseSummary *
summary_from_row (ConcordSqliteStore *self,
                  sqlite3_stmt       *stmt,
                  const char         *now)
{
  const char *category = column_str (stmt, 3);
  const char *due_at = column_str (stmt, 7);
  ConcordStage stage = code_or (concord_stage_from_code (column_str (stmt, 4)), CONCORD_STAGE_RECEIVED);
  gboolean overdue = due_at != NULL && strcmp (due_at, now) < 0 && !concord_stage_is_final (stage);
  ConcordCaseSummary *summary;

  summary = concord_case_summary_new (sqlite3_column_int64 (stmt, 0),
                                   column_str (stmt, 1),
                                   column_str (stmt, 2),
                                   category,
                                   category ? g_hash_table_lookup (self->category_labels, category) : NULL,
                                   stage,
                                   code_or (concord_mediation_type_from_code (column_str (stmt, 5)),
                                            CONCORD_MEDIATION_PEOPLE),
                                   column_str (stmt, 6),
                                   due_at,
                                   overdue,
                                   column_str (stmt, 8));
  concord_case_summary_set_work_order_due (summary, column_str (stmt, 9));
  return summary;
}

static GPtrArray *
sqlite_query_cases (ConcordStore           *store,
                    const ConcordCaseQuery *query,
                    gint64                  before_id,
                    guint                   limit,
                    GError                **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(Stmt) stmt = NULL;
  g_autofree char *match = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  int rc;

  if (concord_case_query_has_text (query))
    {
      match = concord_search_text_query (query->text);
      if (match == NULL)
        return g_steal_pointer (&result);   /* only punctuation: nothing matches */
    }

  g_string_append (sql, "SELECT c.id, c.case_no, c.party_names, c.category, c.stage, c.mediation_type,"
                        " c.received_at, c.due_at, substr (c.facts, 1, " G_STRINGIFY (FACTS_IN_SUMMARY) "), c.work_order_due");
  build_query (query, match, before_id, sql);
  g_string_append_printf (sql, " ORDER BY %s DESC LIMIT %u", match ? "s.rowid" : "c.id", limit);

  stmt = prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query, match, before_id, now);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, summary_from_row (self, stmt, now));
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "search", error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

static gboolean
sqlite_count_cases (ConcordStore           *store,
                    const ConcordCaseQuery *query,
                    guint                   cap,
                    guint                  *count,
                    gboolean               *capped,
                    GError                **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(Stmt) stmt = NULL;
  g_autofree char *match = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  gint64 n;
  int rc;

  *count = 0;
  if (capped != NULL)
    *capped = FALSE;

  if (concord_case_query_has_text (query))
    {
      match = concord_search_text_query (query->text);
      if (match == NULL)
        return TRUE;
    }

  if (match == NULL && query_is_text_only (query))
    /* All cases: kept by triggers, no need to count a million rows. */
    g_string_append (sql, "SELECT value FROM counters WHERE name = 'cases'");
  else
    g_string_append (sql, "SELECT count(*) FROM (SELECT 1");
  if (match == NULL && query_is_text_only (query))
    ;
  else if (match != NULL && query_is_text_only (query))
    /* Nothing to check on the case rows: count in the index alone. */
    g_string_append (sql, " FROM case_search WHERE case_search MATCH :match");
  else
    build_query (query, match, 0, sql);
  if (!(match == NULL && query_is_text_only (query)))
    {
      if (cap > 0)
        g_string_append_printf (sql, " LIMIT %u", cap + 1);
      g_string_append (sql, ")");
    }

  stmt = prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, query, match, 0, now);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (self->db, rc, "count", error);
      return FALSE;
    }
  n = sqlite3_column_int64 (stmt, 0);
  if (cap > 0 && n > cap)
    {
      n = cap;
      if (capped != NULL)
        *capped = TRUE;
    }
  *count = (guint) MIN (n, (gint64) G_MAXUINT);
  return TRUE;
}

/* Team members */

static GPtrArray *
sqlite_list_members (ConcordStore *store,
                     GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_team_member_unref);
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = cached (self,
                  "SELECT id, name, role, phone, id_number, organisation, username FROM team_member"
                  " ORDER BY name, id",
                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (members, member_from_row (stmt));
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "team members", error);
      return NULL;
    }
  return g_steal_pointer (&members);
}

static gboolean
sqlite_save_member (ConcordStore      *store,
                    ConcordTeamMember *member,
                    const char        *actor,
                    GError           **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *name = g_strstrip (g_strdup (member->name ? member->name : ""));
  gboolean is_new = member->id == 0;
  gint64 new_id = 0;

  if (*name == '\0')
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("Enter the team member’s name."));
      return FALSE;
    }
  if (member->phone != NULL && !concord_validate_phone (member->phone, NULL, error))
    return FALSE;

  if (!write_begin (self, error))
    return FALSE;

  if (is_new)
    {
      if (!insert_member_row (self, member, name, &new_id, error))
        goto failed;
    }
  else
    {
      stmt = cached (self,
                     "UPDATE team_member SET name = ?2, role = ?3, phone = ?4, id_number = ?5,"
                     " organisation = ?6, username = ?7 WHERE id = ?1",
                     error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, member->id);
      bind_text (stmt, 2, name);
      bind_text (stmt, 3, concord_team_role_to_code (member->role));
      bind_text (stmt, 4, member->phone);
      bind_text (stmt, 5, member->id_number);
      bind_text (stmt, 6, member->organisation);
      bind_text (stmt, 7, member->username);
      if (!step_done (self->db, stmt, "save team member", error))
        goto failed;
      if (sqlite3_changes (self->db) == 0)
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND,
                       _("This team member is no longer in the database."));
          goto failed;
        }
      new_id = member->id;
    }

  if (!audit_append (self, actor, 0, is_new ? "member.create" : "member.update", name, error) ||
      !write_commit (self, error))
    goto failed;
  member->id = new_id;
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

/* Categories */

static GPtrArray *
sqlite_list_categories (ConcordStore *store,
                        gboolean      include_inactive,
                        GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_category_free);
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = cached (self,
                  include_inactive
                    ? "SELECT code, label, builtin, active FROM category ORDER BY position, code"
                    : "SELECT code, label, builtin, active FROM category WHERE active ORDER BY position, code",
                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ConcordCategory *category = g_new0 (ConcordCategory, 1);
      const char *builtin_label;

      category->code = column_dup (stmt, 0);
      category->builtin = sqlite3_column_int (stmt, 2) != 0;
      builtin_label = category->builtin ? concord_category_builtin_label (category->code) : NULL;
      category->label = builtin_label ? g_strdup (builtin_label) : column_dup (stmt, 1);
      category->active = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (list, category);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "categories", error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
valid_category_code (const char *code)
{
  if (*code == '\0' || strlen (code) > 64)
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
sqlite_save_category (ConcordStore *store,
                      const char   *code,
                      const char   *label,
                      gboolean      active,
                      const char   *actor,
                      GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (label ? label : ""));
  g_autofree char *detail = NULL;
  gboolean exists = g_hash_table_contains (self->category_labels, code);

  if (!valid_category_code (code))
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("A category code uses lower-case letters, digits and “_” only."));
      return FALSE;
    }
  if (!exists && *stripped == '\0')
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("Enter the name of the category."));
      return FALSE;
    }

  if (!write_begin (self, error))
    return FALSE;

  if (exists)
    stmt = cached (self,
                    "UPDATE category SET active = ?3,"
                    " label = CASE WHEN builtin OR ?2 IS NULL THEN label ELSE ?2 END WHERE code = ?1",
                    error);
  else
    stmt = cached (self,
                    "INSERT INTO category (code, label, builtin, active, position)"
                    " VALUES (?1, ?2, 0, ?3, (SELECT coalesce (max (position), 0) + 1 FROM category))",
                    error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 1, code);
  bind_text (stmt, 2, *stripped ? stripped : NULL);
  sqlite3_bind_int (stmt, 3, active ? 1 : 0);
  detail = g_strdup_printf ("%s %s%s", code, *stripped ? stripped : "", active ? "" : " (inactive)");
  if (!step_done (self->db, stmt, "save category", error) ||
      !audit_append (self, actor, 0, "category.save", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return load_category_labels (self, error);

failed:
  write_rollback (self);
  return FALSE;
}

/* Settings */

static char *
sqlite_get_setting (ConcordStore *store,
                    const char   *key)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) stmt = NULL;

  stmt = cached (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return column_dup (stmt, 0);
}

static gboolean
sqlite_set_setting (ConcordStore *store,
                    const char   *key,
                    const char   *value,
                    const char   *actor,
                    GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *detail = NULL;

  if (!write_begin (self, error))
    return FALSE;

  if (value != NULL)
    stmt = cached (self,
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    error);
  else
    stmt = cached (self, "DELETE FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 1, key);
  if (value != NULL)
    bind_text (stmt, 2, value);
  detail = g_strdup_printf ("%s=%s", key, value ? value : "");
  if (!step_done (self->db, stmt, "save setting", error) ||
      !audit_append (self, actor, 0, "setting.set", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

/* Audit */

static GPtrArray *
sqlite_list_audit (ConcordStore *store,
                   gint64        case_id,
                   GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_audit_entry_free);
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = cached (self,
                  case_id > 0
                    ? "SELECT id, at, actor, case_id, action, detail, hash FROM audit WHERE case_id = ?1 ORDER BY id"
                    : "SELECT id, at, actor, case_id, action, detail, hash FROM audit ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;
  if (case_id > 0)
    sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ConcordAuditEntry *entry = g_new0 (ConcordAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = column_dup (stmt, 1);
      entry->actor = column_dup (stmt, 2);
      entry->case_id = sqlite3_column_int64 (stmt, 3);
      entry->action = column_dup (stmt, 4);
      entry->detail = column_dup (stmt, 5);
      entry->hash = column_dup (stmt, 6);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "audit", error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static gboolean
sqlite_verify_audit (ConcordStore *store,
                     GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  int rc;

  stmt = cached (self,
                  "SELECT id, at, actor, coalesce (case_id, 0), action, detail, prev_hash, hash"
                  " FROM audit ORDER BY id",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *hash = NULL;

      hash = audit_hash (column_str (stmt, 6), column_str (stmt, 1), column_str (stmt, 2),
                         sqlite3_column_int64 (stmt, 3), column_str (stmt, 4), column_str (stmt, 5));
      if (g_strcmp0 (column_str (stmt, 6), expected_prev) != 0 ||
          g_strcmp0 (column_str (stmt, 7), hash) != 0)
        {
          g_autofree char *entry = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));

          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CORRUPT,
                       _("The audit log was altered at entry %s."), entry);
          return FALSE;
        }
      g_free (expected_prev);
      expected_prev = g_steal_pointer (&hash);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "audit", error);
      return FALSE;
    }
  return TRUE;
}

/* Batches */

static int
compare_ids (const gint64 *a,
             const gint64 *b)
{
  return (*a > *b) - (*a < *b);
}

static gboolean
flush_pending_index (ConcordSqliteStore *self,
                     GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  /* In id order, so that a bulk load appends to the index. */
  g_hash_table_iter_init (&iter, self->pending_index);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, (GCompareFunc) compare_ids);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      const char *old_body = g_hash_table_lookup (self->pending_index, &id);

      if (!_concord_sqlite_index_case (self->db, self->statements, id,
                                       old_body != NULL && *old_body != '\0' ? old_body : NULL,
                                       error))
        return FALSE;
    }
  g_hash_table_remove_all (self->pending_index);
  return TRUE;
}

static void sqlite_rollback_batch (ConcordStore *store);

static gboolean
sqlite_begin_batch (ConcordStore *store,
                    GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);

  if (self->batch_depth == 0)
    {
      if (!_concord_sqlite_exec (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->batch_failed = FALSE;
    }
  self->batch_depth++;
  return TRUE;
}

static gboolean
sqlite_commit_batch (ConcordStore *store,
                     GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);

  /* No batch: it was rolled back (perhaps by an inner rollback_batch). */
  if (self->batch_depth == 0)
    {
      set_batch_failed_error (error);
      return FALSE;
    }
  if (self->batch_depth > 1)
    {
      self->batch_depth--;
      return TRUE;
    }
  if (self->batch_failed)
    {
      set_batch_failed_error (error);
      sqlite_rollback_batch (store);
      return FALSE;
    }
  if (!flush_pending_index (self, error) ||
      !_concord_sqlite_exec (self->db, "COMMIT", error))
    {
      /* Nothing half-written stays behind. */
      sqlite_rollback_batch (store);
      return FALSE;
    }
  self->batch_depth = 0;
  return TRUE;
}

static void
sqlite_rollback_batch (ConcordStore *store)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);

  if (self->batch_depth == 0)
    return;
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->batch_depth = 0;
  self->batch_failed = FALSE;
  g_hash_table_remove_all (self->pending_index);
  load_category_labels (self, NULL);
}

/* Sessions */

static void
set_no_such_session (gint64   id,
                     GError **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND, _("No session with id %s."), number);
}

static void
set_no_such_note (gint64   id,
                  GError **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND, _("No note with id %s."), number);
}

/* Reads the kind and case of session @id; FALSE with NOT_FOUND when none. */
static gboolean
get_session_row (ConcordSqliteStore *self,
                 gint64              id,
                 int                *kind,
                 gint64             *case_id,
                 gboolean           *ended,
                 GError            **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = cached (self, "SELECT kind, case_id, ended_at IS NOT NULL FROM session WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_no_such_session (id, error);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (self->db, rc, "session", error);
      return FALSE;
    }
  if (kind != NULL)
    *kind = concord_session_kind_from_code (column_str (stmt, 0));
  if (case_id != NULL)
    *case_id = sqlite3_column_int64 (stmt, 1);
  if (ended != NULL)
    *ended = sqlite3_column_int (stmt, 2) != 0;
  return TRUE;
}

/* TRUE when @party_id is a party (not an agent) of case @case_id. */
static gboolean
check_party_of_case (ConcordSqliteStore *self,
                     gint64              party_id,
                     gint64              case_id,
                     GError            **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = cached (self, "SELECT 1 FROM party WHERE id = ?1 AND case_id = ?2 AND represents_id IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, party_id);
  sqlite3_bind_int64 (stmt, 2, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    _concord_sqlite_set_error (self->db, rc, "party", error);
  else
    g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                 _("This person is not a party to the case."));
  return FALSE;
}

/* Inserts one attendee of session @session_id (of case @case_id) at
 * @position; returns its id, 0 on error. */
static gint64
insert_attendee (ConcordSqliteStore    *self,
                 gint64                 session_id,
                 gint64                 case_id,
                 int                    position,
                 const ConcordAttendee *attendee,
                 GError               **error)
{
  g_autoptr(CachedStmt) ins = NULL;
  g_autofree char *name = g_strstrip (g_strdup (attendee->name ? attendee->name : ""));
  g_autofree char *role = g_strstrip (g_strdup (attendee->role ? attendee->role : ""));

  if (*name == '\0')
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("Give the name of every person attending the session."));
      return 0;
    }
  if (attendee->party_id > 0 && !check_party_of_case (self, attendee->party_id, case_id, error))
    return 0;
  ins = cached (self,
                "INSERT INTO session_attendee (session_id, position, party_id, member_id, name, role)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                error);
  if (ins == NULL)
    return 0;
  sqlite3_bind_int64 (ins, 1, session_id);
  sqlite3_bind_int (ins, 2, position);
  if (attendee->party_id > 0)
    sqlite3_bind_int64 (ins, 3, attendee->party_id);
  if (attendee->member_id > 0)
    sqlite3_bind_int64 (ins, 4, attendee->member_id);
  bind_text (ins, 5, name);
  bind_text (ins, 6, *role ? role : NULL);
  if (!step_done (self->db, ins, "session attendee", error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static gint64
sqlite_start_session (ConcordStore   *store,
                      ConcordSession *session,
                      const char     *actor,
                      GError        **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) get = NULL;
  g_autoptr(CachedStmt) ins = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *case_no = NULL;
  g_autofree char *room = g_strstrip (g_strdup (session->room ? session->room : ""));
  g_autofree char *detail = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;
  int stage;
  int rc;

  if (session->kind != CONCORD_SESSION_BACK_TO_BACK && session->kind != CONCORD_SESSION_FACE_TO_FACE)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("A session is either back-to-back or face-to-face."));
      return 0;
    }
  for (guint i = 0; i < session->attendees->len; i++)
    {
      ConcordAttendee *attendee = g_ptr_array_index (session->attendees, i);

      if (concord_text_is_blank (attendee->name))
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("Give the name of every person attending the session."));
          return 0;
        }
    }

  if (!write_begin (self, error))
    return 0;

  get = cached (self, "SELECT stage, case_no FROM cases WHERE id = ?1", error);
  if (get == NULL)
    goto failed;
  sqlite3_bind_int64 (get, 1, session->case_id);
  rc = sqlite3_step (get);
  if (rc == SQLITE_DONE)
    {
      set_no_such_case (session->case_id, error);
      goto failed;
    }
  if (rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (self->db, rc, "session", error);
      goto failed;
    }
  stage = concord_stage_from_code (column_str (get, 0));
  case_no = column_dup (get, 1);
  g_clear_pointer (&get, cached_stmt_release);
  if (stage != CONCORD_STAGE_BACK_TO_BACK && stage != CONCORD_STAGE_FACE_TO_FACE)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("Case %s is at the stage “%s”: sessions are held at the stages "
                     "“Back-to-back” and “Face-to-face”. Move the case to one of them first."),
                   case_no, stage >= 0 ? concord_stage_label (stage) : "?");
      goto failed;
    }

  ins = cached (self,
                "INSERT INTO session (case_id, kind, room, started_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)",
                error);
  if (ins == NULL)
    goto failed;
  sqlite3_bind_int64 (ins, 1, session->case_id);
  bind_text (ins, 2, concord_session_kind_to_code (session->kind));
  bind_text (ins, 3, *room ? room : NULL);
  bind_text (ins, 4, now);
  bind_text (ins, 5, actor);
  if (!step_done (self->db, ins, "session", error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);
  g_clear_pointer (&ins, cached_stmt_release);

  for (guint i = 0; i < session->attendees->len; i++)
    {
      gint64 attendee_id = insert_attendee (self, id, session->case_id, (int) i,
                                            g_ptr_array_index (session->attendees, i), error);

      if (attendee_id == 0)
        goto failed;
      g_array_append_val (ids, attendee_id);
    }
  if (!update_session_stage_due (self, session->case_id, error))
    goto failed;

  detail = g_strdup_printf ("%" G_GINT64_FORMAT " %s%s%s", id, concord_session_kind_to_code (session->kind),
                            *room ? " " : "", room);
  if (!audit_append (self, actor, session->case_id, "session.start", detail, error) ||
      !write_commit (self, error))
    goto failed;

  session->id = id;
  g_free (session->started_at);
  session->started_at = g_steal_pointer (&now);
  g_free (session->created_by);
  session->created_by = g_strdup (actor);
  for (guint i = 0; i < session->attendees->len; i++)
    ((ConcordAttendee *) g_ptr_array_index (session->attendees, i))->id = g_array_index (ids, gint64, i);
  return id;

failed:
  write_rollback (self);
  return 0;
}

static gboolean
sqlite_end_session (ConcordStore *store,
                    gint64        session_id,
                    const char   *outcome,
                    const char   *actor,
                    GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) upd = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *kept = g_strstrip (g_strdup (outcome ? outcome : ""));
  g_autofree char *detail = NULL;
  gint64 case_id = 0;
  gboolean ended = FALSE;

  if (!write_begin (self, error))
    return FALSE;
  if (!get_session_row (self, session_id, NULL, &case_id, &ended, error))
    goto failed;
  if (ended)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_CONFLICT, _("This session has already ended."));
      goto failed;
    }
  upd = cached (self, "UPDATE session SET ended_at = ?2, outcome = ?3 WHERE id = ?1", error);
  if (upd == NULL)
    goto failed;
  sqlite3_bind_int64 (upd, 1, session_id);
  bind_text (upd, 2, now);
  bind_text (upd, 3, *kept ? kept : NULL);
  if (!step_done (self->db, upd, "session", error))
    goto failed;
  detail = g_strdup_printf ("%" G_GINT64_FORMAT "%s%s", session_id, *kept ? ": " : "", kept);
  if (!audit_append (self, actor, case_id, "session.end", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

/* Columns: id, case_id, kind, room, started_at, ended_at, outcome, created_by. */
#define SESSION_COLUMNS "id, case_id, kind, room, started_at, ended_at, outcome, created_by"

static ConcordSession *
session_from_row (sqlite3_stmt *stmt)
{
  ConcordSession *session = concord_session_new ();

  session->id = sqlite3_column_int64 (stmt, 0);
  session->case_id = sqlite3_column_int64 (stmt, 1);
  session->kind = code_or (concord_session_kind_from_code (column_str (stmt, 2)), CONCORD_SESSION_BACK_TO_BACK);
  session->room = column_dup (stmt, 3);
  session->started_at = column_dup (stmt, 4);
  session->ended_at = column_dup (stmt, 5);
  session->outcome = column_dup (stmt, 6);
  session->created_by = column_dup (stmt, 7);
  return session;
}

static gboolean
load_attendees (ConcordSqliteStore *self,
                ConcordSession     *session,
                GError            **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = cached (self,
                 "SELECT id, party_id, member_id, name, role FROM session_attendee"
                 " WHERE session_id = ?1 ORDER BY position, id",
                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ConcordAttendee *attendee = concord_attendee_new ();

      attendee->id = sqlite3_column_int64 (stmt, 0);
      attendee->party_id = sqlite3_column_int64 (stmt, 1);
      attendee->member_id = sqlite3_column_int64 (stmt, 2);
      attendee->name = column_dup (stmt, 3);
      attendee->role = column_dup (stmt, 4);
      g_ptr_array_add (session->attendees, attendee);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "session attendees", error);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
sqlite_list_sessions (ConcordStore *store,
                      gint64        case_id,
                      GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_session_unref);
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = cached (self, "SELECT " SESSION_COLUMNS " FROM session WHERE case_id = ?1 ORDER BY started_at, id",
                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sessions, session_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "sessions", error);
      return NULL;
    }
  g_clear_pointer (&stmt, cached_stmt_release);
  for (guint i = 0; i < sessions->len; i++)
    if (!load_attendees (self, g_ptr_array_index (sessions, i), error))
      return NULL;
  return g_steal_pointer (&sessions);
}

static ConcordSession *
sqlite_load_session (ConcordStore *store,
                     gint64        session_id,
                     GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(ConcordSession) session = NULL;
  int rc;

  stmt = cached (self, "SELECT " SESSION_COLUMNS " FROM session WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_no_such_session (session_id, error);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (self->db, rc, "session", error);
      return NULL;
    }
  session = session_from_row (stmt);
  g_clear_pointer (&stmt, cached_stmt_release);
  if (!load_attendees (self, session, error))
    return NULL;
  return g_steal_pointer (&session);
}

/* Notes */

static gint64
sqlite_add_note (ConcordStore *store,
                 gint64        session_id,
                 gint64        party_id,
                 const char   *text,
                 const char   *actor,
                 GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) ins = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *detail = NULL;
  gint64 case_id = 0;
  gint64 id;
  int kind = -1;

  if (!write_begin (self, error))
    return 0;
  if (!get_session_row (self, session_id, &kind, &case_id, NULL, error) ||
      (party_id > 0 && !check_party_of_case (self, party_id, case_id, error)))
    goto failed;

  ins = cached (self,
                "INSERT INTO note (session_id, party_id, confidential, text, updated_at)"
                " VALUES (?1, ?2, ?3, ?4, ?5)",
                error);
  if (ins == NULL)
    goto failed;
  sqlite3_bind_int64 (ins, 1, session_id);
  if (party_id > 0)
    sqlite3_bind_int64 (ins, 2, party_id);
  sqlite3_bind_int (ins, 3, kind == CONCORD_SESSION_FACE_TO_FACE ? 0 : 1);
  bind_text (ins, 4, text ? text : "");
  bind_text (ins, 5, now);
  if (!step_done (self->db, ins, "note", error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);
  /* The audit log says a note was taken, never what it says. */
  detail = g_strdup_printf ("%" G_GINT64_FORMAT " session %" G_GINT64_FORMAT, id, session_id);
  if (!audit_append (self, actor, case_id, "note.add", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return id;

failed:
  write_rollback (self);
  return 0;
}

static gboolean
sqlite_set_note_text (ConcordStore *store,
                      gint64        note_id,
                      const char   *text,
                      GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) upd = NULL;
  g_autofree char *now = concord_clock_now_iso ();

  /* One statement is its own transaction (or a savepoint of a batch's):
   * nothing else to keep together. */
  upd = cached (self, "UPDATE note SET text = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (upd == NULL)
    return FALSE;
  sqlite3_bind_int64 (upd, 1, note_id);
  bind_text (upd, 2, text ? text : "");
  bind_text (upd, 3, now);
  if (!step_done (self->db, upd, "note", error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      set_no_such_note (note_id, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_set_note_shared (ConcordStore *store,
                        gint64        note_id,
                        gboolean      shared,
                        const char   *actor,
                        GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) get = NULL;
  g_autoptr(CachedStmt) upd = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *detail = NULL;
  gint64 case_id;
  int rc;

  if (!write_begin (self, error))
    return FALSE;
  get = cached (self,
                "SELECT s.case_id, n.confidential, n.shared_at IS NOT NULL"
                " FROM note n JOIN session s ON s.id = n.session_id WHERE n.id = ?1",
                error);
  if (get == NULL)
    goto failed;
  sqlite3_bind_int64 (get, 1, note_id);
  rc = sqlite3_step (get);
  if (rc == SQLITE_DONE)
    {
      set_no_such_note (note_id, error);
      goto failed;
    }
  if (rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (self->db, rc, "note", error);
      goto failed;
    }
  case_id = sqlite3_column_int64 (get, 0);
  if (sqlite3_column_int (get, 1) == 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("This note is not confidential: there is nothing to share."));
      goto failed;
    }
  if ((sqlite3_column_int (get, 2) != 0) == shared)
    {
      /* Already so: nothing to record. */
      g_clear_pointer (&get, cached_stmt_release);
      write_rollback (self);
      return TRUE;
    }
  g_clear_pointer (&get, cached_stmt_release);

  upd = cached (self, "UPDATE note SET shared_at = ?2, shared_by = ?3 WHERE id = ?1", error);
  if (upd == NULL)
    goto failed;
  sqlite3_bind_int64 (upd, 1, note_id);
  bind_text (upd, 2, shared ? now : NULL);
  bind_text (upd, 3, shared ? actor : NULL);
  if (!step_done (self->db, upd, "note", error))
    goto failed;
  detail = g_strdup_printf ("%" G_GINT64_FORMAT, note_id);
  if (!audit_append (self, actor, case_id, shared ? "note.share" : "note.unshare", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

static GPtrArray *
sqlite_list_notes (ConcordStore *store,
                   gint64        case_id,
                   gint64        session_id,
                   GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_note_free);
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  if (session_id > 0)
    stmt = cached (self,
                   "SELECT id, session_id, party_id, confidential, shared_at, shared_by, text, updated_at"
                   " FROM note WHERE session_id = ?1 ORDER BY id",
                   error);
  else
    stmt = cached (self,
                   "SELECT n.id, n.session_id, n.party_id, n.confidential, n.shared_at, n.shared_by, n.text,"
                   " n.updated_at FROM session s JOIN note n ON n.session_id = s.id"
                   " WHERE s.case_id = ?1 ORDER BY s.started_at, s.id, n.id",
                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id > 0 ? session_id : case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ConcordNote *note = g_new0 (ConcordNote, 1);

      note->id = sqlite3_column_int64 (stmt, 0);
      note->session_id = sqlite3_column_int64 (stmt, 1);
      note->party_id = sqlite3_column_int64 (stmt, 2);
      note->confidential = sqlite3_column_int (stmt, 3) != 0;
      note->shared_at = column_dup (stmt, 4);
      note->shared_by = column_dup (stmt, 5);
      note->text = column_dup (stmt, 6);
      note->updated_at = column_dup (stmt, 7);
      g_ptr_array_add (notes, note);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "notes", error);
      return NULL;
    }
  return g_steal_pointer (&notes);
}

/* Positions */

static gint64
sqlite_add_position (ConcordStore    *store,
                     ConcordPosition *position,
                     const char      *actor,
                     GError         **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) ins = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *terms = g_strstrip (g_strdup (position->terms ? position->terms : ""));
  g_autofree char *detail = NULL;
  gint64 case_id = 0;
  gint64 id;

  if (position->kind != CONCORD_POSITION_DEMAND && position->kind != CONCORD_POSITION_OFFER)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("A position is either a demand or an offer."));
      return 0;
    }
  if (position->has_amount && position->amount_fen < 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("An amount cannot be negative."));
      return 0;
    }
  if (!position->has_amount && *terms == '\0')
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("Give an amount or the terms in words."));
      return 0;
    }

  if (!write_begin (self, error))
    return 0;
  if (!get_session_row (self, position->session_id, NULL, &case_id, NULL, error) ||
      !check_party_of_case (self, position->party_id, case_id, error))
    goto failed;

  ins = cached (self,
                "INSERT INTO position (session_id, party_id, kind, amount_fen, terms, at)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                error);
  if (ins == NULL)
    goto failed;
  sqlite3_bind_int64 (ins, 1, position->session_id);
  sqlite3_bind_int64 (ins, 2, position->party_id);
  bind_text (ins, 3, concord_position_kind_to_code (position->kind));
  if (position->has_amount)
    sqlite3_bind_int64 (ins, 4, position->amount_fen);
  bind_text (ins, 5, *terms ? terms : NULL);
  bind_text (ins, 6, now);
  if (!step_done (self->db, ins, "position", error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);
  if (position->has_amount)
    detail = g_strdup_printf ("%" G_GINT64_FORMAT " party %" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT,
                              id, position->party_id, concord_position_kind_to_code (position->kind),
                              position->amount_fen);
  else
    detail = g_strdup_printf ("%" G_GINT64_FORMAT " party %" G_GINT64_FORMAT " %s",
                              id, position->party_id, concord_position_kind_to_code (position->kind));
  if (!audit_append (self, actor, case_id, "position.add", detail, error) ||
      !write_commit (self, error))
    goto failed;

  position->id = id;
  g_free (position->at);
  position->at = g_steal_pointer (&now);
  return id;

failed:
  write_rollback (self);
  return 0;
}

static GPtrArray *
sqlite_list_positions (ConcordStore *store,
                       gint64        case_id,
                       GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) positions = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_position_free);
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = cached (self,
                 "SELECT p.id, p.session_id, p.party_id, p.kind, p.amount_fen, p.terms, p.at"
                 " FROM session s JOIN position p ON p.session_id = s.id"
                 " WHERE s.case_id = ?1 ORDER BY p.at, p.id",
                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ConcordPosition *position = concord_position_new ();

      position->id = sqlite3_column_int64 (stmt, 0);
      position->session_id = sqlite3_column_int64 (stmt, 1);
      position->party_id = sqlite3_column_int64 (stmt, 2);
      position->kind = code_or (concord_position_kind_from_code (column_str (stmt, 3)), CONCORD_POSITION_DEMAND);
      position->has_amount = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      position->amount_fen = sqlite3_column_int64 (stmt, 4);
      position->terms = column_dup (stmt, 5);
      position->at = column_dup (stmt, 6);
      g_ptr_array_add (positions, position);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "positions", error);
      return NULL;
    }
  return g_steal_pointer (&positions);
}

/* Legal points */

static gint64
sqlite_add_legal_point (ConcordStore *store,
                        gint64        session_id,
                        const char   *text,
                        const char   *citation,
                        const char   *actor,
                        GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) ins = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *kept_text = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *kept_citation = g_strstrip (g_strdup (citation ? citation : ""));
  g_autofree char *detail = NULL;
  gint64 case_id = 0;
  gint64 id;

  if (*kept_text == '\0')
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("Write down what was explained to the parties."));
      return 0;
    }
  if (!write_begin (self, error))
    return 0;
  if (!get_session_row (self, session_id, NULL, &case_id, NULL, error))
    goto failed;
  ins = cached (self, "INSERT INTO legal_point (session_id, text, citation, at) VALUES (?1, ?2, ?3, ?4)", error);
  if (ins == NULL)
    goto failed;
  sqlite3_bind_int64 (ins, 1, session_id);
  bind_text (ins, 2, kept_text);
  bind_text (ins, 3, *kept_citation ? kept_citation : NULL);
  bind_text (ins, 4, now);
  if (!step_done (self->db, ins, "legal point", error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);
  detail = g_strdup_printf ("%" G_GINT64_FORMAT "%s%s", id, *kept_citation ? " " : "", kept_citation);
  if (!audit_append (self, actor, case_id, "legal-point.add", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return id;

failed:
  write_rollback (self);
  return 0;
}

static GPtrArray *
sqlite_list_legal_points (ConcordStore *store,
                          gint64        case_id,
                          GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_legal_point_free);
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = cached (self,
                 "SELECT l.id, l.session_id, l.text, l.citation, l.at"
                 " FROM session s JOIN legal_point l ON l.session_id = s.id"
                 " WHERE s.case_id = ?1 ORDER BY l.at, l.id",
                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ConcordLegalPoint *point = g_new0 (ConcordLegalPoint, 1);

      point->id = sqlite3_column_int64 (stmt, 0);
      point->session_id = sqlite3_column_int64 (stmt, 1);
      point->text = column_dup (stmt, 2);
      point->citation = column_dup (stmt, 3);
      point->at = column_dup (stmt, 4);
      g_ptr_array_add (points, point);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "legal points", error);
      return NULL;
    }
  return g_steal_pointer (&points);
}

/* Linked cases */

static GPtrArray *
sqlite_find_linked_cases (ConcordStore *store,
                          gint64        case_id,
                          GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  int rc;

  /* Both arms look the other cases' parties up by an index (party_id_number,
   * party_phone); stored phones and ID numbers are normalised on save. */
  stmt = cached (self,
                 "SELECT c.id, c.case_no, c.party_names, c.category, c.stage, c.mediation_type,"
                 " c.received_at, c.due_at, substr (c.facts, 1, " G_STRINGIFY (FACTS_IN_SUMMARY) "), c.work_order_due"
                 " FROM cases c WHERE c.id IN ("
                 "  SELECT o.case_id FROM party p JOIN party o ON o.id_number = p.id_number"
                 "   WHERE p.case_id = ?1 AND p.represents_id IS NULL AND p.id_number IS NOT NULL"
                 "   AND o.represents_id IS NULL AND o.case_id < ?1"
                 "  UNION"
                 "  SELECT o.case_id FROM party p JOIN party o ON o.phone = p.phone"
                 "   WHERE p.case_id = ?1 AND p.represents_id IS NULL AND p.phone IS NOT NULL"
                 "   AND o.represents_id IS NULL AND o.case_id < ?1"
                 "   AND replace (o.name, ' ', '') = replace (p.name, ' ', ''))"
                 " ORDER BY c.id DESC",
                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, summary_from_row (self, stmt, now));
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "linked cases", error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

static int
sqlite_get_schema_version (ConcordStore *store)
{
  return CONCORD_SQLITE_STORE (store)->version;
}

static const char *
sqlite_get_location (ConcordStore *store)
{
  return CONCORD_SQLITE_STORE (store)->path;
}

/* Attendees added or removed after the start */

static gint64
sqlite_add_attendee (ConcordStore    *store,
                     gint64           session_id,
                     ConcordAttendee *attendee,
                     const char      *actor,
                     GError         **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) get = NULL;
  g_autofree char *detail = NULL;
  gint64 case_id;
  gint64 id;
  int position = 0;

  if (!write_begin (self, error))
    return 0;
  if (!get_session_row (self, session_id, NULL, &case_id, NULL, error))
    goto failed;
  get = cached (self, "SELECT coalesce (max (position) + 1, 0) FROM session_attendee WHERE session_id = ?1",
                error);
  if (get == NULL)
    goto failed;
  sqlite3_bind_int64 (get, 1, session_id);
  if (sqlite3_step (get) == SQLITE_ROW)
    position = sqlite3_column_int (get, 0);
  g_clear_pointer (&get, cached_stmt_release);

  id = insert_attendee (self, session_id, case_id, position, attendee, error);
  if (id == 0)
    goto failed;
  detail = g_strdup_printf ("%" G_GINT64_FORMAT " +%s", session_id, attendee->name);
  if (!audit_append (self, actor, case_id, "session.attendee", detail, error) ||
      !write_commit (self, error))
    goto failed;
  attendee->id = id;
  return id;

failed:
  write_rollback (self);
  return 0;
}

static gboolean
sqlite_remove_attendee (ConcordStore *store,
                        gint64        attendee_id,
                        const char   *actor,
                        GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) get = NULL;
  g_autoptr(CachedStmt) del = NULL;
  g_autofree char *detail = NULL;
  gint64 case_id;
  int rc;

  if (!write_begin (self, error))
    return FALSE;
  get = cached (self,
                "SELECT s.case_id, a.session_id, a.name FROM session_attendee a"
                " JOIN session s ON s.id = a.session_id WHERE a.id = ?1",
                error);
  if (get == NULL)
    goto failed;
  sqlite3_bind_int64 (get, 1, attendee_id);
  rc = sqlite3_step (get);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND,
                     _("This person is no longer among the attendees."));
      else
        _concord_sqlite_set_error (self->db, rc, "attendee", error);
      goto failed;
    }
  case_id = sqlite3_column_int64 (get, 0);
  detail = g_strdup_printf ("%" G_GINT64_FORMAT " -%s", (gint64) sqlite3_column_int64 (get, 1),
                            column_str (get, 2));
  g_clear_pointer (&get, cached_stmt_release);

  del = cached (self, "DELETE FROM session_attendee WHERE id = ?1", error);
  if (del == NULL)
    goto failed;
  sqlite3_bind_int64 (del, 1, attendee_id);
  if (!step_done (self->db, del, "attendee", error) ||
      !audit_append (self, actor, case_id, "session.attendee.remove", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

/* Failure, referrals and work orders */

/* Sets cases.work_order_due to the earliest due date of the case's open
 * work orders (NULL when none is open). */
static gboolean
update_work_order_due (ConcordSqliteStore *self,
                       gint64              case_id,
                       GError            **error)
{
  g_autoptr(CachedStmt) upd = NULL;

  upd = cached (self,
                "UPDATE cases SET work_order_due = (SELECT min (due_date) FROM referral"
                "  WHERE case_id = ?1 AND kind = 'department' AND answered_at IS NULL)"
                " WHERE id = ?1",
                error);
  if (upd == NULL)
    return FALSE;
  sqlite3_bind_int64 (upd, 1, case_id);
  return step_done (self->db, upd, "work order", error);
}

static gboolean
sqlite_fail_case (ConcordStore *store,
                  gint64        case_id,
                  const char   *reason,
                  GPtrArray    *referrals,
                  const char   *actor,
                  GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *today = concord_clock_today_iso ();
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The reason is checked with the move itself (concord_stage_check_move()),
   * so that a move that is not allowed says so first. */
  if (referrals == NULL || referrals->len == 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("Record where the parties were told they can go next: to court, "
                     "another legal channel or a department."));
      return FALSE;
    }
  for (guint i = 0; i < referrals->len; i++)
    {
      ConcordReferral *r = g_ptr_array_index (referrals, i);
      char *due = NULL;

      if (!concord_referral_validate (r, today, error))
        return FALSE;
      if (r->kind == CONCORD_REFERRAL_DEPARTMENT &&
          !concord_validate_date (r->due_date, &due, error))
        return FALSE;
      g_ptr_array_add (dates, due);
    }

  if (!write_begin (self, error))
    return FALSE;
  if (!move_stage_locked (self, case_id, CONCORD_STAGE_FAILED, reason, actor, NULL, error))
    goto failed;
  for (guint i = 0; i < referrals->len; i++)
    {
      ConcordReferral *r = g_ptr_array_index (referrals, i);
      g_autoptr(CachedStmt) ins = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *request = NULL;
      g_autofree char *audit = NULL;
      gint64 id;

      concord_set_text (&detail, r->detail);
      concord_set_text (&request, r->request);
      ins = cached (self,
                    "INSERT INTO referral (case_id, kind, detail, request, due_date, created_at, created_by)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    error);
      if (ins == NULL)
        goto failed;
      sqlite3_bind_int64 (ins, 1, case_id);
      bind_text (ins, 2, concord_referral_kind_to_code (r->kind));
      bind_text (ins, 3, detail);
      bind_text (ins, 4, r->kind == CONCORD_REFERRAL_DEPARTMENT ? request : NULL);
      bind_text (ins, 5, g_ptr_array_index (dates, i));
      bind_text (ins, 6, now);
      bind_text (ins, 7, actor);
      if (!step_done (self->db, ins, "referral", error))
        goto failed;
      id = sqlite3_last_insert_rowid (self->db);
      g_array_append_val (ids, id);
      audit = g_strdup_printf ("%s%s%s%s%s", concord_referral_kind_to_code (r->kind),
                               detail ? " " : "", detail ? detail : "",
                               g_ptr_array_index (dates, i) ? " " : "",
                               g_ptr_array_index (dates, i) ? (char *) g_ptr_array_index (dates, i) : "");
      if (!audit_append (self, actor, case_id, "case.referral", audit, error))
        goto failed;
    }
  if (!update_work_order_due (self, case_id, error) ||
      !write_commit (self, error))
    goto failed;

  for (guint i = 0; i < referrals->len; i++)
    {
      ConcordReferral *r = g_ptr_array_index (referrals, i);

      r->id = g_array_index (ids, gint64, i);
      r->case_id = case_id;
      g_free (r->created_at);
      r->created_at = g_strdup (now);
      g_free (r->created_by);
      r->created_by = g_strdup (actor);
      if (r->kind == CONCORD_REFERRAL_DEPARTMENT)
        {
          g_free (r->due_date);
          r->due_date = g_strdup (g_ptr_array_index (dates, i));
        }
    }
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

static GPtrArray *
sqlite_list_referrals (ConcordStore *store,
                       gint64        case_id,
                       GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_referral_free);
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = cached (self,
                 "SELECT id, case_id, kind, detail, request, due_date, created_at, created_by,"
                 " answered_at, answer, answered_by FROM referral WHERE case_id = ?1 ORDER BY id",
                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int kind = concord_referral_kind_from_code (column_str (stmt, 2));
      ConcordReferral *r = concord_referral_new (kind >= 0 ? kind : CONCORD_REFERRAL_LITIGATION);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->case_id = sqlite3_column_int64 (stmt, 1);
      r->detail = column_dup (stmt, 3);
      r->request = column_dup (stmt, 4);
      r->due_date = column_dup (stmt, 5);
      r->created_at = column_dup (stmt, 6);
      r->created_by = column_dup (stmt, 7);
      r->answered_at = column_dup (stmt, 8);
      r->answer = column_dup (stmt, 9);
      r->answered_by = column_dup (stmt, 10);
      g_ptr_array_add (referrals, r);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "referrals", error);
      return NULL;
    }
  return g_steal_pointer (&referrals);
}

static gboolean
sqlite_answer_work_order (ConcordStore *store,
                          gint64        referral_id,
                          const char   *answer,
                          const char   *actor,
                          GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) get = NULL;
  g_autoptr(CachedStmt) upd = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  gint64 case_id;
  int rc;

  concord_set_text (&text, answer);
  if (text == NULL)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("Enter the department’s answer."));
      return FALSE;
    }
  if (!write_begin (self, error))
    return FALSE;
  get = cached (self, "SELECT case_id, kind, answered_at IS NOT NULL, detail FROM referral WHERE id = ?1",
                error);
  if (get == NULL)
    goto failed;
  sqlite3_bind_int64 (get, 1, referral_id);
  rc = sqlite3_step (get);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND, _("There is no such work order."));
      else
        _concord_sqlite_set_error (self->db, rc, "work order", error);
      goto failed;
    }
  case_id = sqlite3_column_int64 (get, 0);
  if (g_strcmp0 (column_str (get, 1), "department") != 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("Only a work order to a department has an answer."));
      goto failed;
    }
  if (sqlite3_column_int (get, 2) != 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The answer of this work order has already been recorded."));
      goto failed;
    }
  detail = g_strdup_printf ("%" G_GINT64_FORMAT " %s", referral_id, column_str (get, 3));
  g_clear_pointer (&get, cached_stmt_release);

  upd = cached (self, "UPDATE referral SET answered_at = ?2, answer = ?3, answered_by = ?4 WHERE id = ?1",
                error);
  if (upd == NULL)
    goto failed;
  sqlite3_bind_int64 (upd, 1, referral_id);
  bind_text (upd, 2, now);
  bind_text (upd, 3, text);
  bind_text (upd, 4, actor);
  if (!step_done (self->db, upd, "work order", error) ||
      !update_work_order_due (self, case_id, error) ||
      !audit_append (self, actor, case_id, "workorder.answer", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

/* The agreement */

static gboolean
case_stage (ConcordSqliteStore *self,
            gint64              case_id,
            ConcordStage       *stage,
            GError            **error)
{
  g_autoptr(CachedStmt) get = NULL;
  int rc;

  get = cached (self, "SELECT stage FROM cases WHERE id = ?1", error);
  if (get == NULL)
    return FALSE;
  sqlite3_bind_int64 (get, 1, case_id);
  rc = sqlite3_step (get);
  if (rc == SQLITE_DONE)
    {
      set_no_such_case (case_id, error);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (self->db, rc, "stage", error);
      return FALSE;
    }
  *stage = code_or (concord_stage_from_code (column_str (get, 0)), CONCORD_STAGE_RECEIVED);
  return TRUE;
}

static gboolean
has_agreement (ConcordSqliteStore *self,
               gint64              case_id)
{
  g_autoptr(CachedStmt) get = cached (self, "SELECT 1 FROM agreement WHERE case_id = ?1 LIMIT 1", NULL);

  if (get == NULL)
    return TRUE;
  sqlite3_bind_int64 (get, 1, case_id);
  return sqlite3_step (get) != SQLITE_DONE;
}

static gboolean
check_drafting (ConcordSqliteStore *self,
                gint64              case_id,
                GError            **error)
{
  ConcordStage stage;

  if (!case_stage (self, case_id, &stage, error))
    return FALSE;
  if (stage != CONCORD_STAGE_DRAFTING)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("The agreement can be changed only while it is being drafted; the case is at the stage “%s”."),
                   concord_stage_label (stage));
      return FALSE;
    }
  return TRUE;
}

/* The canonical content of @agreement, or NULL with CONCORD_ERROR_INVALID
 * when it could not be read back (an amount out of range, too many copies,
 * a blank field name…): what is stored must always load. */
static char *
agreement_content (const ConcordAgreement *agreement,
                   GError                **error)
{
  g_autofree char *content = concord_agreement_to_json (agreement);
  g_autoptr(ConcordAgreement) again = NULL;
  g_autoptr(GError) local_error = NULL;

  again = concord_agreement_from_json (content, &local_error);
  if (again == NULL)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The agreement cannot be saved: %s"), local_error->message);
      return NULL;
    }
  return g_steal_pointer (&content);
}

/* Reads an agreement row: id, version, content, saved_at, saved_by,
 * submitted. */
static ConcordAgreement *
agreement_from_row (sqlite3_stmt *stmt,
                    gint64        case_id,
                    GError      **error)
{
  ConcordAgreement *agreement;

  agreement = concord_agreement_from_json (column_str (stmt, 2), error);
  if (agreement == NULL)
    {
      g_prefix_error (error, _("Version %d of the agreement cannot be read: "), sqlite3_column_int (stmt, 1));
      return NULL;
    }
  agreement->id = sqlite3_column_int64 (stmt, 0);
  agreement->version = sqlite3_column_int (stmt, 1);
  agreement->case_id = case_id;
  g_free (agreement->saved_at);
  agreement->saved_at = column_dup (stmt, 3);
  g_free (agreement->saved_by);
  agreement->saved_by = column_dup (stmt, 4);
  agreement->submitted = sqlite3_column_int (stmt, 5);
  return agreement;
}

static ConcordAgreement *
load_agreement_row (ConcordSqliteStore *self,
                    gint64              case_id,
                    int                 version,
                    GError            **error)
{
  g_autoptr(CachedStmt) get = NULL;
  int rc;

  if (version > 0)
    get = cached (self,
                  "SELECT id, version, content, saved_at, saved_by, submitted FROM agreement"
                  " WHERE case_id = ?1 AND version = ?2",
                  error);
  else
    get = cached (self,
                  "SELECT id, version, content, saved_at, saved_by, submitted FROM agreement"
                  " WHERE case_id = ?1 ORDER BY version DESC LIMIT 1",
                  error);
  if (get == NULL)
    return NULL;
  sqlite3_bind_int64 (get, 1, case_id);
  if (version > 0)
    sqlite3_bind_int (get, 2, version);
  rc = sqlite3_step (get);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (self->db, rc, "agreement", error);
      return NULL;
    }
  return agreement_from_row (get, case_id, error);
}

static gboolean
delete_agreement_draft (ConcordSqliteStore *self,
                        gint64              case_id,
                        GError            **error)
{
  g_autoptr(CachedStmt) del = NULL;

  del = cached (self, "DELETE FROM agreement_draft WHERE case_id = ?1", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, case_id);
  return step_done (self->db, del, "agreement draft", error);
}

static gboolean
sqlite_save_agreement (ConcordStore     *store,
                       ConcordAgreement *agreement,
                       const char       *actor,
                       GError          **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(ConcordTemplate) template = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(ConcordAgreement) latest = NULL;
  g_autoptr(CachedStmt) ins = NULL;
  g_autofree char *content = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *detail = NULL;
  GError *local_error = NULL;
  int version;

  template = concord_agreement_dup_template (agreement, error);
  if (template == NULL)
    return FALSE;
  if (!write_begin (self, error))
    return FALSE;
  if (!check_drafting (self, agreement->case_id, error))
    goto failed;
  c = load_case_where (self, "id = ?1", agreement->case_id, NULL, error);
  if (c == NULL)
    goto failed;
  concord_agreement_refresh_parties (agreement, c);
  content = agreement_content (agreement, error);
  if (content == NULL)
    goto failed;

  latest = load_agreement_row (self, agreement->case_id, 0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto failed;
    }
  if (latest != NULL && concord_agreement_same_content (latest, agreement))
    {
      if (!delete_agreement_draft (self, agreement->case_id, error) ||
          !write_commit (self, error))
        goto failed;
      agreement->id = latest->id;
      agreement->version = latest->version;
      g_free (agreement->saved_at);
      agreement->saved_at = g_strdup (latest->saved_at);
      g_free (agreement->saved_by);
      agreement->saved_by = g_strdup (latest->saved_by);
      return TRUE;
    }

  version = latest != NULL ? latest->version + 1 : 1;
  ins = cached (self,
                "INSERT INTO agreement (case_id, version, template, content, saved_at, saved_by)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                error);
  if (ins == NULL)
    goto failed;
  sqlite3_bind_int64 (ins, 1, agreement->case_id);
  sqlite3_bind_int (ins, 2, version);
  bind_text (ins, 3, agreement->template_id);
  bind_text (ins, 4, content);
  bind_text (ins, 5, now);
  bind_text (ins, 6, actor);
  detail = g_strdup_printf ("v%d %s", version, agreement->template_id);
  if (!step_done (self->db, ins, "save agreement", error))
    goto failed;
  agreement->id = sqlite3_last_insert_rowid (self->db);
  g_clear_pointer (&ins, cached_stmt_release);
  if (!delete_agreement_draft (self, agreement->case_id, error) ||
      !audit_append (self, actor, agreement->case_id, "agreement.save", detail, error) ||
      !write_commit (self, error))
    {
      agreement->id = 0;
      goto failed;
    }
  agreement->version = version;
  g_free (agreement->saved_at);
  agreement->saved_at = g_steal_pointer (&now);
  g_free (agreement->saved_by);
  agreement->saved_by = g_strdup (actor);
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

static ConcordAgreement *
sqlite_load_agreement (ConcordStore *store,
                       gint64        case_id,
                       int           version,
                       GError      **error)
{
  return load_agreement_row (CONCORD_SQLITE_STORE (store), case_id, version, error);
}

static GPtrArray *
sqlite_list_agreement_versions (ConcordStore *store,
                                gint64        case_id,
                                GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_agreement_unref);
  g_autoptr(CachedStmt) get = NULL;
  int rc;

  get = cached (self,
                "SELECT id, version, content, saved_at, saved_by, submitted FROM agreement"
                " WHERE case_id = ?1 ORDER BY version",
                error);
  if (get == NULL)
    return NULL;
  sqlite3_bind_int64 (get, 1, case_id);
  while ((rc = sqlite3_step (get)) == SQLITE_ROW)
    {
      ConcordAgreement *agreement = agreement_from_row (get, case_id, error);

      if (agreement == NULL)
        return NULL;
      g_ptr_array_add (versions, agreement);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "agreement versions", error);
      return NULL;
    }
  return g_steal_pointer (&versions);
}

static gboolean
sqlite_save_agreement_draft (ConcordStore     *store,
                             ConcordAgreement *agreement,
                             GError          **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) put = NULL;
  g_autofree char *content = NULL;
  g_autofree char *now = concord_clock_now_iso ();

  if (!write_begin (self, error))
    return FALSE;
  if (!check_drafting (self, agreement->case_id, error))
    goto failed;
  content = agreement_content (agreement, error);
  if (content == NULL)
    goto failed;
  put = cached (self,
                "INSERT INTO agreement_draft (case_id, template, content, updated_at) VALUES (?1, ?2, ?3, ?4)"
                " ON CONFLICT (case_id) DO UPDATE SET template = ?2, content = ?3, updated_at = ?4",
                error);
  if (put == NULL)
    goto failed;
  sqlite3_bind_int64 (put, 1, agreement->case_id);
  bind_text (put, 2, agreement->template_id);
  bind_text (put, 3, content);
  bind_text (put, 4, now);
  if (!step_done (self->db, put, "agreement draft", error) ||
      !write_commit (self, error))
    goto failed;
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

static ConcordAgreement *
sqlite_load_agreement_draft (ConcordStore *store,
                             gint64        case_id,
                             GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) get = NULL;
  ConcordAgreement *agreement;
  int rc;

  get = cached (self, "SELECT content FROM agreement_draft WHERE case_id = ?1", error);
  if (get == NULL)
    return NULL;
  sqlite3_bind_int64 (get, 1, case_id);
  rc = sqlite3_step (get);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (self->db, rc, "agreement draft", error);
      return NULL;
    }
  agreement = concord_agreement_from_json (column_str (get, 0), error);
  if (agreement == NULL)
    {
      g_prefix_error (error, _("The working draft of the agreement cannot be read: "));
      return NULL;
    }
  agreement->case_id = case_id;
  return agreement;
}

static gboolean
sqlite_submit_agreement (ConcordStore *store,
                         gint64        case_id,
                         const char   *actor,
                         GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(ConcordAgreement) latest = NULL;
  g_autoptr(ConcordAgreement) draft = NULL;
  g_autoptr(ConcordAgreementSource) source = NULL;
  g_autoptr(ConcordTemplate) template = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CachedStmt) upd = NULL;
  g_autofree char *detail = NULL;
  GError *local_error = NULL;
  ConcordStage to;

  if (!write_begin (self, error))
    return FALSE;
  if (!check_drafting (self, case_id, error))
    goto failed;
  latest = load_agreement_row (self, case_id, 0, &local_error);
  if (latest == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                     _("Save a version of the agreement first."));
      goto failed;
    }
  draft = sqlite_load_agreement_draft (store, case_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto failed;
    }
  if (draft != NULL && !concord_agreement_same_content (draft, latest))
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The agreement has changes that are not saved as a version yet: save them first."));
      goto failed;
    }
  source = concord_store_dup_agreement_source (store, case_id, error);
  if (source == NULL)
    goto failed;
  /* The version sent must state the parties as the case has them now. */
  {
    g_autoptr(ConcordAgreement) refreshed = concord_agreement_copy (latest);

    concord_agreement_refresh_parties (refreshed, source->c);
    if (!concord_agreement_same_content (refreshed, latest))
      {
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                     _("The parties’ particulars have changed in the case since version %d was saved: "
                       "save a new version first."), latest->version);
        goto failed;
      }
  }
  template = concord_agreement_dup_template (latest, error);
  if (template == NULL)
    goto failed;
  problems = concord_agreement_check (latest, template, source);
  if (problems->len > 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The agreement is not complete: %u thing the law asks for is missing.",
                                "The agreement is not complete: %u things the law asks for are missing.",
                                problems->len),
                   problems->len);
      goto failed;
    }

  /* submitted: 1 sent to review, 2 sent straight to signing because the
   * station did not require review (which stays so if it later does). */
  to = concord_store_review_required (store) ? CONCORD_STAGE_REVIEW : CONCORD_STAGE_SIGNING;
  upd = cached (self, "UPDATE agreement SET submitted = ?2 WHERE id = ?1", error);
  if (upd == NULL)
    goto failed;
  sqlite3_bind_int64 (upd, 1, latest->id);
  sqlite3_bind_int (upd, 2, to == CONCORD_STAGE_REVIEW ? 1 : 2);
  detail = g_strdup_printf ("v%d", latest->version);
  if (!step_done (self->db, upd, "submit agreement", error) ||
      !delete_agreement_draft (self, case_id, error) ||
      !move_stage_locked (self, case_id, to, NULL, actor, NULL, error) ||
      !audit_append (self, actor, case_id, "agreement.submit", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

static gboolean
sqlite_review_agreement (ConcordStore *store,
                         gint64        case_id,
                         gint64        agreement_id,
                         gboolean      approve,
                         const char   *comment,
                         const char   *actor,
                         GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(ConcordAgreement) latest = NULL;
  g_autoptr(CachedStmt) ins = NULL;
  g_autofree char *text = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *detail = NULL;
  GError *local_error = NULL;
  ConcordStage stage;

  concord_set_text (&text, comment);
  if (!approve && text == NULL)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("Say what must change: the comments go back to the mediator with the agreement."));
      return FALSE;
    }
  if (!write_begin (self, error))
    return FALSE;
  if (!case_stage (self, case_id, &stage, error))
    goto failed;
  if (stage != CONCORD_STAGE_REVIEW)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("The agreement is not in legal review; the case is at the stage “%s”."),
                   concord_stage_label (stage));
      goto failed;
    }
  latest = load_agreement_row (self, case_id, 0, &local_error);
  if (latest == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("There is no agreement to review."));
      goto failed;
    }
  if (agreement_id != 0 && agreement_id != latest->id)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("Version %d of the agreement has been sent since: read it before deciding."),
                   latest->version);
      goto failed;
    }
  ins = cached (self,
                "INSERT INTO agreement_review (case_id, agreement_id, approved, comment, actor, at)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                error);
  if (ins == NULL)
    goto failed;
  sqlite3_bind_int64 (ins, 1, case_id);
  sqlite3_bind_int64 (ins, 2, latest->id);
  sqlite3_bind_int (ins, 3, approve ? 1 : 0);
  bind_text (ins, 4, text);
  bind_text (ins, 5, actor);
  bind_text (ins, 6, now);
  detail = text != NULL ? g_strdup_printf ("v%d: %s", latest->version, text)
                        : g_strdup_printf ("v%d", latest->version);
  if (!step_done (self->db, ins, "review", error) ||
      !move_stage_locked (self, case_id, approve ? CONCORD_STAGE_SIGNING : CONCORD_STAGE_DRAFTING,
                          text, actor, NULL, error) ||
      !audit_append (self, actor, case_id, approve ? "agreement.approve" : "agreement.send-back",
                     detail, error) ||
      !write_commit (self, error))
    goto failed;
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

static GPtrArray *
sqlite_list_reviews (ConcordStore *store,
                     gint64        case_id,
                     GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_review_free);
  g_autoptr(CachedStmt) get = NULL;
  int rc;

  get = cached (self,
                "SELECT r.id, r.agreement_id, a.version, r.approved, r.comment, r.actor, r.at"
                " FROM agreement_review r JOIN agreement a ON a.id = r.agreement_id"
                " WHERE r.case_id = ?1 ORDER BY r.id",
                error);
  if (get == NULL)
    return NULL;
  sqlite3_bind_int64 (get, 1, case_id);
  while ((rc = sqlite3_step (get)) == SQLITE_ROW)
    {
      ConcordReview *review = g_new0 (ConcordReview, 1);

      review->id = sqlite3_column_int64 (get, 0);
      review->case_id = case_id;
      review->agreement_id = sqlite3_column_int64 (get, 1);
      review->version = sqlite3_column_int (get, 2);
      review->approved = sqlite3_column_int (get, 3) != 0;
      review->comment = column_dup (get, 4);
      review->actor = column_dup (get, 5);
      review->at = column_dup (get, 6);
      g_ptr_array_add (reviews, review);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "reviews", error);
      return NULL;
    }
  return g_steal_pointer (&reviews);
}

static gint64
sqlite_add_review_comment (ConcordStore *store,
                           gint64        case_id,
                           const char   *target,
                           const char   *text,
                           const char   *actor,
                           GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(ConcordAgreement) latest = NULL;
  g_autoptr(CachedStmt) ins = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *detail = NULL;
  GError *local_error = NULL;
  ConcordStage stage;
  gint64 id;

  concord_set_text (&kept, text);
  if (kept == NULL)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("Write the comment first."));
      return 0;
    }
  if (!write_begin (self, error))
    return 0;
  if (!case_stage (self, case_id, &stage, error))
    goto failed;
  if (stage != CONCORD_STAGE_REVIEW)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("Comments are made while the agreement is in legal review; the case is at the stage “%s”."),
                   concord_stage_label (stage));
      goto failed;
    }
  latest = load_agreement_row (self, case_id, 0, &local_error);
  if (latest == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                     _("There is no saved agreement to comment on."));
      goto failed;
    }
  ins = cached (self,
                "INSERT INTO review_comment (case_id, agreement_id, target, text, actor, at)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                error);
  if (ins == NULL)
    goto failed;
  sqlite3_bind_int64 (ins, 1, case_id);
  sqlite3_bind_int64 (ins, 2, latest->id);
  bind_text (ins, 3, target);
  bind_text (ins, 4, kept);
  bind_text (ins, 5, actor);
  bind_text (ins, 6, now);
  if (!step_done (self->db, ins, "comment", error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);
  detail = g_strdup_printf ("v%d %s", latest->version, target ? target : "*");
  if (!audit_append (self, actor, case_id, "review.comment", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return id;

failed:
  write_rollback (self);
  return 0;
}

static GPtrArray *
sqlite_list_review_comments (ConcordStore *store,
                             gint64        case_id,
                             GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_review_comment_free);
  g_autoptr(CachedStmt) get = NULL;
  int rc;

  get = cached (self,
                "SELECT c.id, c.agreement_id, a.version, c.target, c.text, c.actor, c.at"
                " FROM review_comment c JOIN agreement a ON a.id = c.agreement_id"
                " WHERE c.case_id = ?1 ORDER BY c.id",
                error);
  if (get == NULL)
    return NULL;
  sqlite3_bind_int64 (get, 1, case_id);
  while ((rc = sqlite3_step (get)) == SQLITE_ROW)
    {
      ConcordReviewComment *comment = g_new0 (ConcordReviewComment, 1);

      comment->id = sqlite3_column_int64 (get, 0);
      comment->case_id = case_id;
      comment->agreement_id = sqlite3_column_int64 (get, 1);
      comment->version = sqlite3_column_int (get, 2);
      comment->target = column_dup (get, 3);
      comment->text = column_dup (get, 4);
      comment->actor = column_dup (get, 5);
      comment->at = column_dup (get, 6);
      g_ptr_array_add (comments, comment);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "comments", error);
      return NULL;
    }
  return g_steal_pointer (&comments);
}

/* The legal basis is settled with the agreement: from signing on, the
 * citations are part of the record and stay as they are. */
static gboolean
citations_open (ConcordStage stage,
                GError     **error)
{
  if (stage == CONCORD_STAGE_SIGNING || stage == CONCORD_STAGE_FOLLOW_UP || stage == CONCORD_STAGE_CLOSED)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("The agreement has been approved: its citations can no longer be changed."));
      return FALSE;
    }
  return TRUE;
}

static gint64
sqlite_add_citation (ConcordStore *store,
                     gint64        case_id,
                     gint64        statute_id,
                     const char   *target,
                     const char   *note,
                     const char   *actor,
                     GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(ConcordStatute) statute = NULL;
  g_autoptr(CachedStmt) ins = NULL;
  g_autofree char *kept_note = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *detail = NULL;
  ConcordStage stage;
  gint64 id;

  concord_set_text (&kept_note, note);
  if (!write_begin (self, error))
    return 0;
  if (!case_stage (self, case_id, &stage, error))
    goto failed;
  if (!citations_open (stage, error))
    goto failed;
  statute = _concord_sqlite_statutes_load (self->db, self->statements, statute_id, error);
  if (statute == NULL)
    goto failed;
  ins = cached (self,
                "INSERT INTO citation (case_id, statute_id, target, law, label, text, note, actor, at)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                error);
  if (ins == NULL)
    goto failed;
  sqlite3_bind_int64 (ins, 1, case_id);
  sqlite3_bind_int64 (ins, 2, statute_id);
  bind_text (ins, 3, target);
  bind_text (ins, 4, statute->law);
  bind_text (ins, 5, statute->label);
  bind_text (ins, 6, statute->text);
  bind_text (ins, 7, kept_note);
  bind_text (ins, 8, actor);
  bind_text (ins, 9, now);
  if (!step_done (self->db, ins, "citation", error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);
  detail = g_strdup_printf ("《%s》%s %s", statute->law, statute->label, target ? target : "*");
  if (!audit_append (self, actor, case_id, "citation.add", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return id;

failed:
  write_rollback (self);
  return 0;
}

static gboolean
sqlite_remove_citation (ConcordStore *store,
                        gint64        citation_id,
                        const char   *actor,
                        GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) get = NULL;
  g_autoptr(CachedStmt) del = NULL;
  g_autofree char *detail = NULL;
  gint64 case_id;
  int rc;

  if (!write_begin (self, error))
    return FALSE;
  get = cached (self, "SELECT case_id, law, label, target FROM citation WHERE id = ?1", error);
  if (get == NULL)
    goto failed;
  sqlite3_bind_int64 (get, 1, citation_id);
  rc = sqlite3_step (get);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND, _("This citation is no longer there."));
      else
        _concord_sqlite_set_error (self->db, rc, "citation", error);
      goto failed;
    }
  case_id = sqlite3_column_int64 (get, 0);
  detail = g_strdup_printf ("《%s》%s %s", column_str (get, 1), column_str (get, 2),
                            column_str (get, 3) ? column_str (get, 3) : "*");
  g_clear_pointer (&get, cached_stmt_release);
  {
    ConcordStage stage;

    if (!case_stage (self, case_id, &stage, error) || !citations_open (stage, error))
      goto failed;
  }
  del = cached (self, "DELETE FROM citation WHERE id = ?1", error);
  if (del == NULL)
    goto failed;
  sqlite3_bind_int64 (del, 1, citation_id);
  if (!step_done (self->db, del, "citation", error) ||
      !audit_append (self, actor, case_id, "citation.remove", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

static GPtrArray *
sqlite_list_citations (ConcordStore *store,
                       gint64        case_id,
                       GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) citations = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_citation_free);
  g_autoptr(CachedStmt) get = NULL;
  int rc;

  get = cached (self,
                "SELECT id, statute_id, target, law, label, text, note, actor, at FROM citation"
                " WHERE case_id = ?1 ORDER BY id",
                error);
  if (get == NULL)
    return NULL;
  sqlite3_bind_int64 (get, 1, case_id);
  while ((rc = sqlite3_step (get)) == SQLITE_ROW)
    {
      ConcordCitation *citation = g_new0 (ConcordCitation, 1);

      citation->id = sqlite3_column_int64 (get, 0);
      citation->case_id = case_id;
      citation->statute_id = sqlite3_column_int64 (get, 1);
      citation->target = column_dup (get, 2);
      citation->law = column_dup (get, 3);
      citation->label = column_dup (get, 4);
      citation->text = column_dup (get, 5);
      citation->note = column_dup (get, 6);
      citation->actor = column_dup (get, 7);
      citation->at = column_dup (get, 8);
      g_ptr_array_add (citations, citation);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "citations", error);
      return NULL;
    }
  return g_steal_pointer (&citations);
}

/* The statute library: the queries live in concord-sqlite-statutes.c. */

static gboolean
sqlite_import_statutes (ConcordStore       *store,
                        ConcordStatuteFile *file,
                        const char         *actor,
                        guint              *n_articles,
                        GError            **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autofree char *detail = NULL;
  guint n = 0;

  if (!write_begin (self, error))
    return FALSE;
  if (!_concord_sqlite_statutes_import (self->db, self->statements, file, &n, error))
    goto failed;
  detail = g_strdup_printf ("%s (%s)%s%s: %u", file->law, file->version_date,
                            file->part ? " " : "", file->part ? file->part : "", n);
  if (!audit_append (self, actor, 0, "statute.import", detail, error) ||
      !write_commit (self, error))
    goto failed;
  if (n_articles != NULL)
    *n_articles = n;
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

static GPtrArray *
sqlite_search_statutes (ConcordStore *store,
                        const char   *query,
                        guint         limit,
                        GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);

  return _concord_sqlite_statutes_search (self->db, self->statements, query, limit, error);
}

static ConcordStatute *
sqlite_load_statute (ConcordStore *store,
                     gint64        statute_id,
                     GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);

  return _concord_sqlite_statutes_load (self->db, self->statements, statute_id, error);
}

static GPtrArray *
sqlite_list_statute_laws (ConcordStore *store,
                          GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);

  return _concord_sqlite_statutes_list_laws (self->db, self->statements, error);
}

/* Signing (schema 7) */

static ConcordSignature *
signature_from_row (sqlite3_stmt *get,
                    GError      **error)
{
  /* id, agreement_id, signer, signer_name, method, strokes, signed_at,
   * recorded_by, checked_by */
  g_autoptr(ConcordSignature) signature = NULL;
  const char *method = column_str (get, 4);

  signature = concord_signature_new (g_strcmp0 (method, "pad") == 0 ? CONCORD_SIGNATURE_METHOD_PAD
                                                                     : CONCORD_SIGNATURE_METHOD_INK);
  signature->id = sqlite3_column_int64 (get, 0);
  signature->agreement_id = sqlite3_column_int64 (get, 1);
  signature->signer = column_dup (get, 2);
  signature->signer_name = column_dup (get, 3);
  signature->signed_at = column_dup (get, 6);
  signature->recorded_by = column_dup (get, 7);
  signature->checked_by = column_dup (get, 8);
  if (signature->method == CONCORD_SIGNATURE_METHOD_PAD &&
      !concord_signature_strokes_from_json (signature, column_str (get, 5), error))
    return NULL;
  return g_steal_pointer (&signature);
}

static GPtrArray *
sqlite_list_signatures (ConcordStore *store,
                        gint64        agreement_id,
                        GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_signature_free);
  g_autoptr(CachedStmt) get = NULL;
  int rc;

  get = cached (self,
                "SELECT id, agreement_id, signer, signer_name, method, strokes, signed_at, recorded_by,"
                " checked_by FROM signature WHERE agreement_id = ?1 ORDER BY position, id",
                error);
  if (get == NULL)
    return NULL;
  sqlite3_bind_int64 (get, 1, agreement_id);
  while ((rc = sqlite3_step (get)) == SQLITE_ROW)
    {
      ConcordSignature *signature = signature_from_row (get, error);

      if (signature == NULL)
        return NULL;
      g_ptr_array_add (signatures, signature);
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "signatures", error);
      return NULL;
    }
  return g_steal_pointer (&signatures);
}

/* The lock of version @agreement_id: TRUE when read; *locked_at and
 * *hash get NULL while it is not locked. */
static gboolean
agreement_lock (ConcordSqliteStore *self,
                gint64              agreement_id,
                char              **locked_at,
                char              **hash,
                GError            **error)
{
  g_autoptr(CachedStmt) get = NULL;
  int rc;

  get = cached (self, "SELECT locked_at, content_hash FROM agreement WHERE id = ?1", error);
  if (get == NULL)
    return FALSE;
  sqlite3_bind_int64 (get, 1, agreement_id);
  rc = sqlite3_step (get);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND, _("There is no such agreement version."));
      else
        _concord_sqlite_set_error (self->db, rc, "agreement lock", error);
      return FALSE;
    }
  if (locked_at != NULL)
    *locked_at = column_dup (get, 0);
  if (hash != NULL)
    *hash = column_dup (get, 1);
  return TRUE;
}

void
concord_signing_free (ConcordSigning *signing)
{
  if (signing == NULL)
    return;
  g_free (signing->pad_refusal);
  g_clear_pointer (&signing->signers, g_ptr_array_unref);
  g_clear_pointer (&signing->signatures, g_ptr_array_unref);
  g_free (signing->content_hash);
  g_free (signing->code);
  g_free (signing->locked_at);
  g_free (signing);
}

static void
signature_free0 (gpointer data)
{
  concord_signature_free (data);
}

/* Where the signing of the latest version stands; NULL with no error
 * when the case has no agreement. */
static ConcordSigning *
load_signing (ConcordSqliteStore *self,
              gint64              case_id,
              ConcordAgreement  **latest_out,
              GError            **error)
{
  ConcordStore *store = CONCORD_STORE (self);
  g_autoptr(ConcordSigning) signing = g_new0 (ConcordSigning, 1);
  g_autoptr(ConcordAgreement) latest = NULL;
  g_autoptr(ConcordAgreementSource) source = NULL;
  g_autoptr(ConcordTemplate) template = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *category_label = NULL;
  GError *local_error = NULL;

  latest = load_agreement_row (self, case_id, 0, &local_error);
  if (latest == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return NULL;
    }
  source = concord_store_dup_agreement_source (store, case_id, error);
  if (source == NULL)
    return NULL;
  template = concord_agreement_dup_template (latest, error);
  if (template == NULL)
    return NULL;
  stored = sqlite_list_signatures (store, latest->id, error);
  if (stored == NULL)
    return NULL;
  if (!agreement_lock (self, latest->id, &signing->locked_at, &signing->content_hash, error))
    return NULL;

  signing->case_id = case_id;
  signing->agreement_id = latest->id;
  signing->version = latest->version;
  signing->code = concord_agreement_verification_code (latest);
  if (source->c->category != NULL)
    category_label = concord_store_dup_category_label (store, source->c->category);
  signing->pad_allowed = concord_signature_pad_allowed (source->c, category_label, &signing->pad_refusal);
  signing->signers = concord_signature_required_signers (latest, template, source);
  signing->signatures = g_ptr_array_new_full (signing->signers->len, signature_free0);
  for (guint i = 0; i < signing->signers->len; i++)
    {
      ConcordSigner *signer = g_ptr_array_index (signing->signers, i);
      ConcordSignature *found = NULL;

      for (guint j = 0; found == NULL && j < stored->len; j++)
        {
          ConcordSignature *signature = g_ptr_array_index (stored, j);

          if (g_strcmp0 (signature->signer, signer->key) == 0)
            found = g_ptr_array_steal_index (stored, j);
        }
      g_ptr_array_add (signing->signatures, found);
    }
  if (latest_out != NULL)
    *latest_out = g_steal_pointer (&latest);
  return g_steal_pointer (&signing);
}

static ConcordSigning *
sqlite_load_signing (ConcordStore *store,
                     gint64        case_id,
                     GError      **error)
{
  GError *local_error = NULL;
  ConcordSigning *signing = load_signing (CONCORD_SQLITE_STORE (store), case_id, NULL, &local_error);

  if (signing == NULL && local_error == NULL)
    g_set_error (&local_error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND, _("The case has no agreement yet."));
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return signing;
}

/* In a write transaction: the signing of the case's latest version, which
 * must be at signing, approved and not locked. */
static ConcordSigning *
open_signing (ConcordSqliteStore *self,
              gint64              case_id,
              gint64              agreement_id,
              ConcordAgreement  **latest,
              GError            **error)
{
  g_autoptr(ConcordSigning) signing = NULL;
  ConcordStage stage;
  GError *local_error = NULL;

  if (!case_stage (self, case_id, &stage, error))
    return NULL;
  if (stage != CONCORD_STAGE_SIGNING)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("The agreement is signed while the case is at signing; it is at the stage “%s”."),
                   concord_stage_label (stage));
      return NULL;
    }
  signing = load_signing (self, case_id, latest, &local_error);
  if (signing == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, CONCORD_ERROR, CONCORD_ERROR_STAGE, _("The case has no agreement to sign."));
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (agreement_id != signing->agreement_id)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("This is not the version being signed: version %d is."), signing->version);
      return NULL;
    }
  if (signing->locked_at != NULL)
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                           _("Everyone has signed: the agreement is locked."));
      return NULL;
    }
  if (!concord_store_agreement_approved (CONCORD_STORE (self), case_id))
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                           _("This version is not approved for signing."));
      return NULL;
    }
  return g_steal_pointer (&signing);
}

static gboolean
insert_signature (ConcordSqliteStore *self,
                  ConcordSignature   *signature,
                  guint               position,
                  GError            **error)
{
  g_autoptr(CachedStmt) ins = NULL;
  g_autofree char *strokes = NULL;

  ins = cached (self,
                "INSERT INTO signature (agreement_id, position, signer, signer_name, method, strokes,"
                " signed_at, recorded_by, checked_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                error);
  if (ins == NULL)
    return FALSE;
  if (signature->method == CONCORD_SIGNATURE_METHOD_PAD)
    strokes = concord_signature_strokes_to_json (signature);
  sqlite3_bind_int64 (ins, 1, signature->agreement_id);
  sqlite3_bind_int (ins, 2, (int) position);
  bind_text (ins, 3, signature->signer);
  bind_text (ins, 4, signature->signer_name != NULL ? signature->signer_name : "");
  bind_text (ins, 5, signature->method == CONCORD_SIGNATURE_METHOD_PAD ? "pad" : "ink");
  bind_text (ins, 6, strokes);
  bind_text (ins, 7, signature->signed_at);
  bind_text (ins, 8, signature->recorded_by);
  bind_text (ins, 9, signature->method == CONCORD_SIGNATURE_METHOD_INK ? signature->checked_by : NULL);
  if (!step_done (self->db, ins, "signature", error))
    return FALSE;
  signature->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Locks @latest, which every signer has now signed: its content hash
 * and the time. */
static gboolean
lock_version (ConcordSqliteStore *self,
              gint64              case_id,
              ConcordAgreement   *latest,
              const char         *code,
              const char         *actor,
              GError            **error)
{
  g_autoptr(CachedStmt) upd = NULL;
  g_autofree char *hash = concord_agreement_content_hash (latest);
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *detail = g_strdup_printf ("v%d %s", latest->version, code);

  upd = cached (self, "UPDATE agreement SET content_hash = ?2, locked_at = ?3 WHERE id = ?1", error);
  if (upd == NULL)
    return FALSE;
  sqlite3_bind_int64 (upd, 1, latest->id);
  bind_text (upd, 2, hash);
  bind_text (upd, 3, now);
  return step_done (self->db, upd, "agreement lock", error) &&
         audit_append (self, actor, case_id, "agreement.lock", detail, error);
}

static gboolean
sqlite_add_signature (ConcordStore     *store,
                      gint64            case_id,
                      ConcordSignature *signature,
                      const char       *actor,
                      gboolean         *locked,
                      GError          **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(ConcordSigning) signing = NULL;
  g_autoptr(ConcordAgreement) latest = NULL;
  g_autofree char *detail = NULL;
  gboolean done = FALSE;
  int position = -1;

  if (!write_begin (self, error))
    return FALSE;
  signing = open_signing (self, case_id, signature->agreement_id, &latest, error);
  if (signing == NULL)
    goto failed;
  for (guint i = 0; i < signing->signers->len; i++)
    {
      ConcordSigner *signer = g_ptr_array_index (signing->signers, i);

      if (g_strcmp0 (signer->key, signature->signer) == 0)
        {
          position = (int) i;
          if (g_ptr_array_index (signing->signatures, i) != NULL)
            {
              g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_CONFLICT,
                           _("%s %s has signed already; remove that signature to sign again."),
                           signer->role, signer->name);
              goto failed;
            }
          if (signature->signer_name == NULL)
            signature->signer_name = g_strdup (signer->name);
        }
    }
  if (position < 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("“%s” is not among those who sign this agreement."),
                   signature->signer != NULL ? signature->signer : "");
      goto failed;
    }
  if (signature->method == CONCORD_SIGNATURE_METHOD_PAD)
    {
      if (!signing->pad_allowed)
        {
          g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_STAGE, signing->pad_refusal);
          goto failed;
        }
      if (!concord_signature_check_strokes (signature, error))
        goto failed;
      /* What is stored must read back: points on the pad, pressure 0..1,
       * times going forward. */
      {
        g_autofree char *json = concord_signature_strokes_to_json (signature);
        g_autoptr(ConcordSignature) check = concord_signature_new (CONCORD_SIGNATURE_METHOD_PAD);

        if (!concord_signature_strokes_from_json (check, json, error))
          goto failed;
      }
    }
  else if (signature->checked_by == NULL || g_strstrip (signature->checked_by)[0] == '\0')
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("Say who checked the signed paper."));
      goto failed;
    }
  if (signature->signed_at == NULL)
    signature->signed_at = concord_clock_now_iso ();
  if (signature->recorded_by == NULL)
    signature->recorded_by = g_strdup (actor);
  detail = g_strdup_printf ("v%d %s (%s)", signing->version, signature->signer,
                            signature->method == CONCORD_SIGNATURE_METHOD_PAD ? "pad" : "ink");
  /* The last one missing locks the version. */
  done = TRUE;
  for (guint i = 0; i < signing->signatures->len; i++)
    done &= i == (guint) position || g_ptr_array_index (signing->signatures, i) != NULL;
  if (!insert_signature (self, signature, (guint) position, error) ||
      !audit_append (self, actor, case_id, "signature.add", detail, error) ||
      (done && !lock_version (self, case_id, latest, signing->code, actor, error)) ||
      !write_commit (self, error))
    goto failed;
  if (locked != NULL)
    *locked = done;
  return TRUE;

failed:
  signature->id = 0;
  write_rollback (self);
  return FALSE;
}

static gboolean
sqlite_remove_signature (ConcordStore *store,
                         gint64        signature_id,
                         const char   *actor,
                         GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) get = NULL;
  g_autoptr(CachedStmt) del = NULL;
  g_autofree char *detail = NULL;
  gint64 case_id = 0;
  ConcordStage stage;
  int rc;

  if (!write_begin (self, error))
    return FALSE;
  get = cached (self,
                "SELECT a.case_id, a.version, s.signer FROM signature s JOIN agreement a ON a.id = s.agreement_id"
                " WHERE s.id = ?1",
                error);
  if (get == NULL)
    goto failed;
  sqlite3_bind_int64 (get, 1, signature_id);
  rc = sqlite3_step (get);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND, _("There is no such signature."));
      else
        _concord_sqlite_set_error (self->db, rc, "signature", error);
      goto failed;
    }
  case_id = sqlite3_column_int64 (get, 0);
  detail = g_strdup_printf ("v%d %s", sqlite3_column_int (get, 1), column_str (get, 2));
  g_clear_pointer (&get, cached_stmt_release);
  if (!case_stage (self, case_id, &stage, error))
    goto failed;
  del = cached (self, "DELETE FROM signature WHERE id = ?1", error);
  if (del == NULL)
    goto failed;
  sqlite3_bind_int64 (del, 1, signature_id);
  /* The trigger refuses it once the version is locked. */
  if (!step_done (self->db, del, "signature", error))
    goto failed;
  if (stage != CONCORD_STAGE_SIGNING)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("Signatures are changed while the case is at signing; it is at the stage “%s”."),
                   concord_stage_label (stage));
      goto failed;
    }
  if (!audit_append (self, actor, case_id, "signature.remove", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

static gboolean
sqlite_record_paper_signing (ConcordStore *store,
                             gint64        case_id,
                             gint64        agreement_id,
                             const char   *signed_on,
                             const char   *checked_by,
                             const char   *actor,
                             GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(ConcordSigning) signing = NULL;
  g_autoptr(ConcordAgreement) latest = NULL;
  g_autoptr(GDateTime) saved = NULL;
  g_autoptr(GDateTime) saved_local = NULL;
  g_autofree char *today = concord_clock_today_iso ();
  g_autofree char *saved_day = NULL;
  g_autofree char *checker = g_strdup (checked_by != NULL ? checked_by : "");
  g_autofree char *at = NULL;
  g_autofree char *detail = NULL;
  guint n = 0;
  int y, m, d;

  g_strstrip (checker);
  if (signed_on == NULL || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", signed_on, 0, 0) ||
      sscanf (signed_on, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("Give the date the paper was signed, as 2026-11-23."));
      return FALSE;
    }
  if (g_strcmp0 (signed_on, today) > 0)
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("The date the paper was signed cannot be in the future."));
      return FALSE;
    }
  if (checker[0] == '\0')
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("Say who checked the signed paper."));
      return FALSE;
    }
  if (!write_begin (self, error))
    return FALSE;
  signing = open_signing (self, case_id, agreement_id, &latest, error);
  if (signing == NULL)
    goto failed;
  saved = g_date_time_new_from_iso8601 (latest->saved_at, NULL);
  if (saved != NULL)
    {
      saved_local = g_date_time_to_local (saved);
      saved_day = g_date_time_format (saved_local, "%Y-%m-%d");
      if (g_strcmp0 (signed_on, saved_day) < 0)
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("The paper cannot have been signed before version %d was written (%s)."),
                       latest->version, saved_day);
          goto failed;
        }
    }
  at = g_strconcat (signed_on, "T00:00:00Z", NULL);
  for (guint i = 0; i < signing->signers->len; i++)
    {
      ConcordSigner *signer = g_ptr_array_index (signing->signers, i);
      g_autoptr(ConcordSignature) signature = NULL;

      if (g_ptr_array_index (signing->signatures, i) != NULL)
        continue;
      signature = concord_signature_new (CONCORD_SIGNATURE_METHOD_INK);
      signature->agreement_id = agreement_id;
      signature->signer = g_strdup (signer->key);
      signature->signer_name = g_strdup (signer->name);
      signature->signed_at = g_strdup (at);
      signature->recorded_by = g_strdup (actor);
      signature->checked_by = g_strdup (checker);
      if (!insert_signature (self, signature, i, error))
        goto failed;
      n++;
    }
  detail = g_strdup_printf ("v%d %s, %u signers, checked by %s", signing->version, signed_on, n, checker);
  /* Every signer has signed now, on paper or before on screen. */
  if (!audit_append (self, actor, case_id, "signature.paper", detail, error) ||
      !lock_version (self, case_id, latest, signing->code, actor, error) ||
      !write_commit (self, error))
    goto failed;
  return TRUE;

failed:
  write_rollback (self);
  return FALSE;
}

static ConcordAgreement *
sqlite_load_agreement_by_id (ConcordStore *store,
                             gint64        agreement_id,
                             GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) get = NULL;
  gint64 case_id;
  int version;
  int rc;

  get = cached (self, "SELECT case_id, version FROM agreement WHERE id = ?1", error);
  if (get == NULL)
    return NULL;
  sqlite3_bind_int64 (get, 1, agreement_id);
  rc = sqlite3_step (get);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND, _("There is no such agreement version."));
      else
        _concord_sqlite_set_error (self->db, rc, "agreement", error);
      return NULL;
    }
  case_id = sqlite3_column_int64 (get, 0);
  version = sqlite3_column_int (get, 1);
  g_clear_pointer (&get, cached_stmt_release);
  return load_agreement_row (self, case_id, version, error);
}

/* Printed files */

void
concord_print_free (ConcordPrint *print)
{
  if (print == NULL)
    return;
  g_free (print->sha256);
  g_free (print->printed_at);
  g_free (print->printed_by);
  g_free (print);
}

#define PRINT_COLUMNS "id, case_id, agreement_id, sha256, length(pdf), pages, copies, signed_copy," \
                      " printed_at, printed_by"

static ConcordPrint *
print_from_row (sqlite3_stmt *get)
{
  ConcordPrint *print = g_new0 (ConcordPrint, 1);

  print->id = sqlite3_column_int64 (get, 0);
  print->case_id = sqlite3_column_int64 (get, 1);
  print->agreement_id = sqlite3_column_int64 (get, 2);
  print->sha256 = column_dup (get, 3);
  print->size = (gsize) sqlite3_column_int64 (get, 4);
  print->pages = (guint) sqlite3_column_int (get, 5);
  print->copies = (guint) sqlite3_column_int (get, 6);
  print->signed_copy = sqlite3_column_int (get, 7) != 0;
  print->printed_at = column_dup (get, 8);
  print->printed_by = column_dup (get, 9);
  return print;
}

static gint64
sqlite_archive_print (ConcordStore *store,
                      gint64        agreement_id,
                      GBytes       *pdf,
                      guint         pages,
                      guint         copies,
                      const char   *actor,
                      GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  ConcordPdfMarker marker;
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(CachedStmt) get = NULL;
  g_autoptr(CachedStmt) write = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *now = concord_clock_now_iso ();
  g_autofree char *detail = NULL;
  gint64 id = 0;
  int rc;

  if (pages == 0 || copies == 0)
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("A printed file has at least one page and one copy."));
      return 0;
    }
  if (!concord_pdf_read_marker (pdf, &marker) || marker.agreement_id != agreement_id)
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("The file to archive is not this agreement version as Concord printed it."));
      return 0;
    }
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  if (!write_begin (self, error))
    return 0;
  agreement = sqlite_load_agreement_by_id (store, agreement_id, error);
  if (agreement == NULL)
    goto failed;
  get = cached (self, "SELECT id FROM printed_document WHERE sha256 = ?1", error);
  if (get == NULL)
    goto failed;
  bind_text (get, 1, sha256);
  rc = sqlite3_step (get);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (get, 0);
  else if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "printed document", error);
      goto failed;
    }
  g_clear_pointer (&get, cached_stmt_release);
  if (id != 0)
    {
      write = cached (self,
                      "UPDATE printed_document SET copies = copies + ?2, printed_at = ?3, printed_by = ?4"
                      " WHERE id = ?1",
                      error);
      if (write == NULL)
        goto failed;
      sqlite3_bind_int64 (write, 1, id);
    }
  else
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (pdf, &size);

      write = cached (self,
                      "INSERT INTO printed_document (case_id, agreement_id, sha256, pdf, pages, copies,"
                      " signed_copy, printed_at, printed_by) VALUES (?5, ?6, ?7, ?8, ?9, ?2, ?10, ?3, ?4)",
                      error);
      if (write == NULL)
        goto failed;
      sqlite3_bind_int64 (write, 5, agreement->case_id);
      sqlite3_bind_int64 (write, 6, agreement_id);
      bind_text (write, 7, sha256);
      sqlite3_bind_blob64 (write, 8, data, size, SQLITE_TRANSIENT);
      sqlite3_bind_int (write, 9, (int) pages);
      sqlite3_bind_int (write, 10, marker.signed_copy ? 1 : 0);
    }
  sqlite3_bind_int (write, 2, (int) copies);
  bind_text (write, 3, now);
  bind_text (write, 4, actor);
  if (!step_done (self->db, write, "printed document", error))
    goto failed;
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  detail = g_strdup_printf ("v%d %s, %u copies, %s", agreement->version, marker.signed_copy ? "signed" : "for ink",
                            copies, sha256);
  if (!audit_append (self, actor, agreement->case_id, "agreement.print", detail, error) ||
      !write_commit (self, error))
    goto failed;
  return id;

failed:
  write_rollback (self);
  return 0;
}

static GPtrArray *
sqlite_list_prints (ConcordStore *store,
                    gint64        case_id,
                    GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(GPtrArray) prints = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_print_free);
  g_autoptr(CachedStmt) get = NULL;
  int rc;

  get = cached (self, "SELECT " PRINT_COLUMNS " FROM printed_document WHERE case_id = ?1 ORDER BY id", error);
  if (get == NULL)
    return NULL;
  sqlite3_bind_int64 (get, 1, case_id);
  while ((rc = sqlite3_step (get)) == SQLITE_ROW)
    g_ptr_array_add (prints, print_from_row (get));
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (self->db, rc, "printed documents", error);
      return NULL;
    }
  return g_steal_pointer (&prints);
}

static ConcordPrint *
sqlite_find_print (ConcordStore *store,
                   const char   *sha256,
                   GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) get = NULL;
  int rc;

  get = cached (self, "SELECT " PRINT_COLUMNS " FROM printed_document WHERE sha256 = ?1", error);
  if (get == NULL)
    return NULL;
  bind_text (get, 1, sha256);
  rc = sqlite3_step (get);
  if (rc == SQLITE_ROW)
    return print_from_row (get);
  if (rc != SQLITE_DONE)
    _concord_sqlite_set_error (self->db, rc, "printed document", error);
  return NULL;
}

static GBytes *
sqlite_load_print_bytes (ConcordStore *store,
                         gint64        print_id,
                         GError      **error)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (store);
  g_autoptr(CachedStmt) get = NULL;
  int rc;

  get = cached (self, "SELECT pdf FROM printed_document WHERE id = ?1", error);
  if (get == NULL)
    return NULL;
  sqlite3_bind_int64 (get, 1, print_id);
  rc = sqlite3_step (get);
  if (rc == SQLITE_ROW)
    return g_bytes_new (sqlite3_column_blob (get, 0), (gsize) sqlite3_column_bytes (get, 0));
  if (rc == SQLITE_DONE)
    g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND, _("There is no such printed file."));
  else
    _concord_sqlite_set_error (self->db, rc, "printed document", error);
  return NULL;
}

static void
concord_sqlite_store_iface_init (ConcordStoreInterface *iface)
{
  iface->get_schema_version = sqlite_get_schema_version;
  iface->get_location = sqlite_get_location;
  iface->save_case = sqlite_save_case;
  iface->load_case = sqlite_load_case;
  iface->find_case = sqlite_find_case;
  iface->decide_case = sqlite_decide_case;
  iface->move_stage = sqlite_move_stage;
  iface->list_stage_moves = sqlite_list_stage_moves;
  iface->query_cases = sqlite_query_cases;
  iface->count_cases = sqlite_count_cases;
  iface->list_members = sqlite_list_members;
  iface->save_member = sqlite_save_member;
  iface->list_categories = sqlite_list_categories;
  iface->save_category = sqlite_save_category;
  iface->get_setting = sqlite_get_setting;
  iface->set_setting = sqlite_set_setting;
  iface->list_audit = sqlite_list_audit;
  iface->verify_audit = sqlite_verify_audit;
  iface->begin_batch = sqlite_begin_batch;
  iface->commit_batch = sqlite_commit_batch;
  iface->rollback_batch = sqlite_rollback_batch;
  iface->start_session = sqlite_start_session;
  iface->end_session = sqlite_end_session;
  iface->list_sessions = sqlite_list_sessions;
  iface->load_session = sqlite_load_session;
  iface->add_note = sqlite_add_note;
  iface->set_note_text = sqlite_set_note_text;
  iface->set_note_shared = sqlite_set_note_shared;
  iface->list_notes = sqlite_list_notes;
  iface->add_position = sqlite_add_position;
  iface->list_positions = sqlite_list_positions;
  iface->add_legal_point = sqlite_add_legal_point;
  iface->list_legal_points = sqlite_list_legal_points;
  iface->find_linked_cases = sqlite_find_linked_cases;
  iface->add_attendee = sqlite_add_attendee;
  iface->remove_attendee = sqlite_remove_attendee;
  iface->fail_case = sqlite_fail_case;
  iface->list_referrals = sqlite_list_referrals;
  iface->answer_work_order = sqlite_answer_work_order;
  iface->save_agreement = sqlite_save_agreement;
  iface->load_agreement = sqlite_load_agreement;
  iface->list_agreement_versions = sqlite_list_agreement_versions;
  iface->save_agreement_draft = sqlite_save_agreement_draft;
  iface->load_agreement_draft = sqlite_load_agreement_draft;
  iface->submit_agreement = sqlite_submit_agreement;
  iface->review_agreement = sqlite_review_agreement;
  iface->list_reviews = sqlite_list_reviews;
  iface->add_review_comment = sqlite_add_review_comment;
  iface->list_review_comments = sqlite_list_review_comments;
  iface->add_citation = sqlite_add_citation;
  iface->remove_citation = sqlite_remove_citation;
  iface->list_citations = sqlite_list_citations;
  iface->import_statutes = sqlite_import_statutes;
  iface->search_statutes = sqlite_search_statutes;
  iface->load_statute = sqlite_load_statute;
  iface->list_statute_laws = sqlite_list_statute_laws;
  iface->load_signing = sqlite_load_signing;
  iface->add_signature = sqlite_add_signature;
  iface->remove_signature = sqlite_remove_signature;
  iface->record_paper_signing = sqlite_record_paper_signing;
  iface->list_signatures = sqlite_list_signatures;
  iface->load_agreement_by_id = sqlite_load_agreement_by_id;
  iface->archive_print = sqlite_archive_print;
  iface->list_prints = sqlite_list_prints;
  iface->find_print = sqlite_find_print;
  iface->load_print_bytes = sqlite_load_print_bytes;
}

static void
concord_sqlite_store_finalize (GObject *object)
{
  ConcordSqliteStore *self = CONCORD_SQLITE_STORE (object);

  if (self->batch_depth > 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  /* Statements first: the connection closes only when none is left. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending_index, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->category_labels, g_hash_table_unref);

  G_OBJECT_CLASS (concord_sqlite_store_parent_class)->finalize (object);
}

static void
concord_sqlite_store_class_init (ConcordSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = concord_sqlite_store_finalize;
}

static void
concord_sqlite_store_init (ConcordSqliteStore *self)
{
  self->category_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->statements = _concord_sqlite_statement_cache_new ();
  self->pending_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/* Opening */

#define SEARCH_STAMP_KEY "search.index-stamp"

/* The contentless index removes an entry by the text it was made from,
 * rebuilt from the case; made by another tokenizer or other Unicode
 * tables, that text no longer matches and stale entries would stay.
 * Such an index is rebuilt whole, in one transaction. */
static gboolean
check_search_index (ConcordSqliteStore *self,
                    GError            **error)
{
  g_autofree char *stamp = concord_search_text_stamp ();
  g_autofree char *stored = sqlite_get_setting (CONCORD_STORE (self), SEARCH_STAMP_KEY);
  g_autoptr(Stmt) ids = NULL;
  g_autoptr(CachedStmt) set = NULL;
  int rc;

  if (g_strcmp0 (stored, stamp) == 0)
    return TRUE;

  if (!_concord_sqlite_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (stored != NULL)
    {
      g_message ("Rebuilding the search index (made by %s, now %s)", stored, stamp);
      if (!_concord_sqlite_exec (self->db, "INSERT INTO case_search (case_search) VALUES ('delete-all')", error))
        goto failed;
      ids = prepare (self->db, "SELECT id FROM cases ORDER BY id", error);
      if (ids == NULL)
        goto failed;
      while ((rc = sqlite3_step (ids)) == SQLITE_ROW)
        if (!_concord_sqlite_index_case (self->db, self->statements, sqlite3_column_int64 (ids, 0), NULL, error))
          goto failed;
      if (rc != SQLITE_DONE)
        {
          _concord_sqlite_set_error (self->db, rc, "rebuild the search index", error);
          goto failed;
        }
    }
  /* No stamp yet: the index was made by this very code (a new database or
   * migration 2 just now). */
  set = cached (self, "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                      " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (set == NULL)
    goto failed;
  bind_text (set, 1, SEARCH_STAMP_KEY);
  bind_text (set, 2, stamp);
  if (!step_done (self->db, set, "search index", error) ||
      !_concord_sqlite_exec (self->db, "COMMIT", error))
    goto failed;
  return TRUE;

failed:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
read_int_pragma (sqlite3    *db,
                 const char *sql,
                 int        *value,
                 GError    **error)
{
  g_autoptr(Stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (db, rc, "read schema", error);
      return FALSE;
    }
  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static ConcordStore *
open_store (const char *path,
            int         target_version,
            GError    **error)
{
  g_autoptr(ConcordSqliteStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) local_error = NULL;
  int version = 0;
  int app_id = 0;
  int n_tables = 0;
  int rc;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CANNOT_OPEN,
                   _("Cannot create the folder “%s” for the database: %s."), dir, g_strerror (saved));
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CANNOT_OPEN,
                       _("“%s” is a folder, not a database file."), path);
          return NULL;
        }
      if (g_access (path, R_OK | W_OK) != 0)
        {
          int saved = errno;
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CANNOT_OPEN,
                       _("Cannot open the database “%s”: %s. Check that your account may read and write it."),
                       path, g_strerror (saved));
          return NULL;
        }
    }
  else if (g_access (dir, W_OK) != 0)
    {
      int saved = errno;
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CANNOT_OPEN,
                   _("Cannot create the database in “%s”: %s."), dir, g_strerror (saved));
      return NULL;
    }

  /* The file holds people's ID numbers and phones: only its owner may
   * read it (SQLite gives its -wal and -shm files the same mode). */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0 && errno != EEXIST)
        {
          int saved = errno;
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CANNOT_OPEN,
                       _("Cannot create the database “%s”: %s."), path, g_strerror (saved));
          return NULL;
        }
      if (fd >= 0)
        close (fd);
    }

  self = g_object_new (CONCORD_TYPE_SQLITE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CANNOT_OPEN,
                   _("Cannot open the database “%s”: %s."), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Read before anything writes: a newer or foreign file stays as it is. */
  if (!read_int_pragma (self->db, "PRAGMA user_version", &version, &local_error) ||
      !read_int_pragma (self->db, "PRAGMA application_id", &app_id, &local_error) ||
      !read_int_pragma (self->db, "SELECT count(*) FROM sqlite_master", &n_tables, &local_error))
    {
      if (g_error_matches (local_error, CONCORD_ERROR, CONCORD_ERROR_DB_CORRUPT))
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CORRUPT,
                     _("“%s” is not a Concord database, or it is damaged. The file has not been changed."),
                     path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if ((version > 0 || n_tables > 0) && app_id != CONCORD_SQLITE_APPLICATION_ID)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CORRUPT,
                   _("“%s” is a database of another program, not of Concord. The file has not been changed."),
                   path);
      return NULL;
    }
  if (version > CONCORD_SQLITE_LATEST_VERSION)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_TOO_NEW,
                   _("The database “%s” was written by a newer version of Concord (schema %d; this version "
                     "knows up to %d). Install the newer version to open it. The file has not been changed."),
                   path, version, CONCORD_SQLITE_LATEST_VERSION);
      return NULL;
    }

  /* FULL: in WAL mode every commit reaches the disk (fsync of the WAL)
   * before it returns. With NORMAL a power cut could take back commits
   * made since the last checkpoint — seconds or minutes of notes —,
   * and a mediator may lose at most the last second of typing. */
  if (!_concord_sqlite_exec (self->db, "PRAGMA journal_mode = WAL", error) ||
      !_concord_sqlite_exec (self->db, "PRAGMA synchronous = FULL", error) ||
      !_concord_sqlite_exec (self->db, "PRAGMA foreign_keys = ON", error) ||
      /* Rows that REPLACE deletes fire the delete triggers that guard
       * what is signed and archived (schema 7). */
      !_concord_sqlite_exec (self->db, "PRAGMA recursive_triggers = ON", error))
    return NULL;

  if (version < target_version &&
      !_concord_sqlite_migrate (self->db, version, target_version, error))
    return NULL;
  self->version = MAX (version, target_version);

  if (self->version >= 1 && !load_category_labels (self, error))
    return NULL;
  if (self->version >= 2 && !check_search_index (self, error))
    return NULL;
  /* The articles these rooms cite most come with every database. */
  if (self->version >= 6 && !_concord_sqlite_statutes_seed (self->db, self->statements, error))
    return NULL;

  return CONCORD_STORE (g_steal_pointer (&self));
}

ConcordStore *
concord_sqlite_store_open (const char *path,
                           GError    **error)
{
  return open_store (path, CONCORD_SQLITE_LATEST_VERSION, error);
}

ConcordStore *
_concord_sqlite_store_open_at_version (const char *path,
                                       int         version,
                                       GError    **error)
{
  g_return_val_if_fail (version >= 0 && version <= CONCORD_SQLITE_LATEST_VERSION, NULL);
  return open_store (path, version, error);
}

gboolean
_concord_sqlite_store_exec (ConcordSqliteStore *self,
                            const char         *sql,
                            GError            **error)
{
  g_return_val_if_fail (CONCORD_IS_SQLITE_STORE (self), FALSE);
  return _concord_sqlite_exec (self->db, sql, error);
}

char *
_concord_sqlite_store_query_text (ConcordSqliteStore *self,
                                  const char         *sql,
                                  GError            **error)
{
  g_autoptr(Stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CONCORD_IS_SQLITE_STORE (self), NULL);

  stmt = prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    _concord_sqlite_set_error (self->db, rc, "query", error);
  return NULL;
}
