/* concord-sqlite-migrations.c — the schema and its ordered migrations
 *
 * The schema version is PRAGMA user_version. Migration N brings a database
 * from version N-1 to N, in one transaction. Never edit a migration that
 * has shipped: add the next one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concord-error.h"
#include "concord-types.h"
#include "concord-sqlite-private.h"

/* Version 1: cases, parties, team members, settings, categories, the
 * audit log. */
static const char migration_1_sql[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE category ("
  "  code     TEXT PRIMARY KEY,"
  "  label    TEXT NOT NULL,"
  "  builtin  INTEGER NOT NULL DEFAULT 0,"
  "  active   INTEGER NOT NULL DEFAULT 1,"
  "  position INTEGER NOT NULL DEFAULT 0"
  ") WITHOUT ROWID;"

  "CREATE TABLE team_member ("
  "  id           INTEGER PRIMARY KEY,"
  "  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  role         TEXT NOT NULL,"
  "  phone        TEXT,"
  "  id_number    TEXT,"
  "  organisation TEXT,"
  "  username     TEXT,"
  "  created_at   TEXT NOT NULL"
  ");"
  "CREATE INDEX team_member_username ON team_member (username) WHERE username IS NOT NULL;"

  "CREATE TABLE case_sequence ("
  "  year INTEGER PRIMARY KEY,"
  "  last INTEGER NOT NULL"
  ");"

  "CREATE TABLE cases ("
  "  id             INTEGER PRIMARY KEY,"
  "  case_no        TEXT NOT NULL UNIQUE,"
  "  year           INTEGER NOT NULL,"
  "  seq            INTEGER NOT NULL,"
  "  source         TEXT NOT NULL,"
  "  referred_by    TEXT,"
  "  incident_no    TEXT,"
  "  occurred_at    TEXT,"
  "  place          TEXT,"
  "  category       TEXT REFERENCES category (code),"
  "  mediation_type TEXT NOT NULL,"
  "  facts          TEXT,"
  "  stage          TEXT NOT NULL,"
  "  stage_reason   TEXT,"
  "  received_at    TEXT NOT NULL,"
  "  due_at         TEXT,"
  "  updated_at     TEXT NOT NULL,"
  "  party_names    TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (year, seq)"
  ");"
  "CREATE INDEX cases_stage ON cases (stage, id);"
  "CREATE INDEX cases_category ON cases (category, id);"
  "CREATE INDEX cases_type ON cases (mediation_type, id);"
  "CREATE INDEX cases_due ON cases (due_at) WHERE due_at IS NOT NULL;"

  /* The number of cases, for the list's total without counting rows. */
  "CREATE TABLE counters ("
  "  name  TEXT PRIMARY KEY,"
  "  value INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "INSERT INTO counters (name, value) VALUES ('cases', 0);"
  "CREATE TRIGGER cases_count_insert AFTER INSERT ON cases"
  "  BEGIN UPDATE counters SET value = value + 1 WHERE name = 'cases'; END;"
  "CREATE TRIGGER cases_count_delete AFTER DELETE ON cases"
  "  BEGIN UPDATE counters SET value = value - 1 WHERE name = 'cases'; END;"

  "CREATE TABLE party ("
  "  id             INTEGER PRIMARY KEY,"
  "  case_id        INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  position       INTEGER NOT NULL,"
  "  represents_id  INTEGER REFERENCES party (id) ON DELETE CASCADE,"
  "  kind           TEXT NOT NULL,"
  "  role           TEXT NOT NULL,"
  "  name           TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  gender         TEXT NOT NULL DEFAULT 'unknown',"
  "  ethnicity      TEXT,"
  "  birth_date     TEXT,"
  "  id_type        TEXT NOT NULL DEFAULT 'none',"
  "  id_number      TEXT,"
  "  phone          TEXT,"
  "  address        TEXT,"
  "  occupation     TEXT,"
  "  claims         TEXT,"
  "  agent_kind     TEXT NOT NULL DEFAULT 'none',"
  "  agent_relation TEXT"
  ");"
  "CREATE INDEX party_case ON party (case_id, position);"
  "CREATE INDEX party_represents ON party (represents_id) WHERE represents_id IS NOT NULL;"
  "CREATE INDEX party_id_number ON party (id_number) WHERE id_number IS NOT NULL;"
  "CREATE INDEX party_phone ON party (phone) WHERE phone IS NOT NULL;"

  "CREATE TABLE case_team ("
  "  case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  position  INTEGER NOT NULL,"
  "  member_id INTEGER NOT NULL REFERENCES team_member (id),"
  "  role      TEXT NOT NULL,"
  "  PRIMARY KEY (case_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX case_team_member ON case_team (member_id, case_id);"

  /* Append-only: each entry's hash covers the previous entry's hash. */
  "CREATE TABLE audit ("
  "  id        INTEGER PRIMARY KEY,"
  "  at        TEXT NOT NULL,"
  "  actor     TEXT NOT NULL,"
  "  case_id   INTEGER,"
  "  action    TEXT NOT NULL,"
  "  detail    TEXT,"
  "  prev_hash TEXT NOT NULL,"
  "  hash      TEXT NOT NULL"
  ");"
  "CREATE INDEX audit_case ON audit (case_id) WHERE case_id IS NOT NULL;"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;";

static gboolean
seed_categories (sqlite3 *db,
                 GError **error)
{
  const ConcordCategoryDefault *defaults;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc;

  defaults = concord_category_defaults (&n);
  rc = sqlite3_prepare_v2 (db,
                           "INSERT OR IGNORE INTO category (code, label, builtin, active, position)"
                           " VALUES (?1, ?2, 1, 1, ?3)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _concord_sqlite_set_error (db, rc, "seed categories", error);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_text (stmt, 1, defaults[i].code, -1, SQLITE_STATIC);
      /* The stored label is the untranslated source; built-in labels are
       * translated when shown. */
      sqlite3_bind_text (stmt, 2, defaults[i].label, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) i);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _concord_sqlite_set_error (db, rc, "seed categories", error);
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
migrate_1 (sqlite3 *db,
           GError **error)
{
  return _concord_sqlite_exec (db, migration_1_sql, error) &&
         seed_categories (db, error);
}

/* Version 2: the full-text search index (one token per Chinese character,
 * see concord-search-text.h), filled from the cases already there. It is
 * contentless: the text is rebuilt from the cases when an entry must be
 * removed (see _concord_sqlite_search_body()). */
static gboolean
migrate_2 (sqlite3 *db,
           GError **error)
{
  sqlite3_stmt *stmt = NULL;
  GHashTable *cache;
  gboolean ok = TRUE;
  int rc;

  if (!_concord_sqlite_exec (db,
                             "CREATE VIRTUAL TABLE case_search USING fts5 ("
                             "  body, content = '', tokenize = 'unicode61 remove_diacritics 2'"
                             ");",
                             error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db, "SELECT id FROM cases ORDER BY id", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _concord_sqlite_set_error (db, rc, "index cases", error);
      return FALSE;
    }
  cache = _concord_sqlite_statement_cache_new ();
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = _concord_sqlite_index_case (db, cache, sqlite3_column_int64 (stmt, 0), NULL, error);
  g_hash_table_unref (cache);
  if (ok && rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (db, rc, "index cases", error);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Version 3: the history of stage moves. Every case already there gets
 * one entry for the stage it is at, so that every case has a history. */
static const char migration_3_sql[] =
  "CREATE TABLE stage_move ("
  "  id         INTEGER PRIMARY KEY,"
  "  case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  from_stage TEXT,"
  "  to_stage   TEXT NOT NULL,"
  "  at         TEXT NOT NULL,"
  "  actor      TEXT NOT NULL,"
  "  reason     TEXT"
  ");"
  "CREATE INDEX stage_move_case ON stage_move (case_id, id);"
  "INSERT INTO stage_move (case_id, from_stage, to_stage, at, actor, reason)"
  "  SELECT id, NULL, stage, updated_at, 'migration', stage_reason FROM cases ORDER BY id;";

static gboolean
migrate_3 (sqlite3 *db,
           GError **error)
{
  return _concord_sqlite_exec (db, migration_3_sql, error);
}

/* Version 4: mediation sessions, who attended them, their notes (笔录),
 * the parties' positions and the legal points explained. */
static const char migration_4_sql[] =
  "CREATE TABLE session ("
  "  id         INTEGER PRIMARY KEY,"
  "  case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  kind       TEXT NOT NULL CHECK (kind IN ('back_to_back', 'face_to_face')),"
  "  room       TEXT,"
  "  started_at TEXT NOT NULL,"
  "  ended_at   TEXT,"
  "  outcome    TEXT,"
  "  created_by TEXT NOT NULL"
  ");"
  "CREATE INDEX session_case ON session (case_id, started_at);"

  "CREATE TABLE session_attendee ("
  "  id         INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL DEFAULT 0,"
  "  party_id   INTEGER REFERENCES party (id) ON DELETE SET NULL,"
  "  member_id  INTEGER REFERENCES team_member (id) ON DELETE SET NULL,"
  "  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  role       TEXT"
  ");"
  "CREATE INDEX session_attendee_session ON session_attendee (session_id, position);"

  "CREATE TABLE note ("
  "  id           INTEGER PRIMARY KEY,"
  "  session_id   INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
  "  party_id     INTEGER REFERENCES party (id) ON DELETE SET NULL,"
  "  confidential INTEGER NOT NULL DEFAULT 1 CHECK (confidential IN (0, 1)),"
  "  shared_at    TEXT,"
  "  shared_by    TEXT,"
  "  text         TEXT NOT NULL DEFAULT '',"
  "  updated_at   TEXT NOT NULL"
  ");"
  "CREATE INDEX note_session ON note (session_id, id);"

  "CREATE TABLE position ("
  "  id         INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
  "  party_id   INTEGER NOT NULL REFERENCES party (id) ON DELETE CASCADE,"
  "  kind       TEXT NOT NULL CHECK (kind IN ('demand', 'offer')),"
  "  amount_fen INTEGER CHECK (amount_fen IS NULL OR (typeof (amount_fen) = 'integer' AND amount_fen >= 0)),"
  "  terms      TEXT,"
  "  at         TEXT NOT NULL"
  ");"
  "CREATE INDEX position_session ON position (session_id, at, id);"

  "CREATE TABLE legal_point ("
  "  id         INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
  "  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  citation   TEXT,"
  "  at         TEXT NOT NULL"
  ");"
  "CREATE INDEX legal_point_session ON legal_point (session_id, id);";

static gboolean
migrate_4 (sqlite3 *db,
           GError **error)
{
  return _concord_sqlite_exec (db, migration_4_sql, error);
}

/* Version 5: where the parties of a failed mediation were sent
 * (referrals; work orders to departments until answered), and on each
 * case the due date of its earliest open work order for the case list. */
static const char migration_5_sql[] =
  "CREATE TABLE referral ("
  "  id          INTEGER PRIMARY KEY,"
  "  case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('litigation', 'judicial', 'department')),"
  "  detail      TEXT,"
  "  request     TEXT,"
  "  due_date    TEXT,"
  "  created_at  TEXT NOT NULL,"
  "  created_by  TEXT NOT NULL,"
  "  answered_at TEXT,"
  "  answer      TEXT,"
  "  answered_by TEXT,"
  "  CHECK (kind <> 'department' OR (length(trim(detail)) > 0 AND length(trim(request)) > 0"
  "                                  AND due_date IS NOT NULL)),"
  "  CHECK (answered_at IS NULL OR (kind = 'department' AND length(trim(answer)) > 0))"
  ");"
  "CREATE INDEX referral_case ON referral (case_id, id);"
  "ALTER TABLE cases ADD COLUMN work_order_due TEXT;"
  "CREATE INDEX cases_work_order ON cases (id) WHERE work_order_due IS NOT NULL;";

static gboolean
migrate_5 (sqlite3 *db,
           GError **error)
{
  return _concord_sqlite_exec (db, migration_5_sql, error);
}

/* Version 6: the agreement (versions kept whole as canonical JSON, one
 * working draft per case), the lawyer's decisions and comments, citations,
 * the statute library with its search index (contentless, one token per
 * Chinese character like case_search; see concord-sqlite-statutes.c), and
 * the art. 179 checklist of police mediation on each case. */
static const char migration_6_sql[] =
  "CREATE TABLE agreement ("
  "  id          INTEGER PRIMARY KEY,"
  "  case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  version     INTEGER NOT NULL CHECK (version > 0),"
  "  template    TEXT NOT NULL,"
  "  content     TEXT NOT NULL CHECK (json_valid(content)),"
  "  submitted   INTEGER NOT NULL DEFAULT 0 CHECK (submitted IN (0, 1, 2)),"
  "  saved_at    TEXT NOT NULL,"
  "  saved_by    TEXT NOT NULL,"
  "  UNIQUE (case_id, version)"
  ");"
  "CREATE TABLE agreement_draft ("
  "  case_id     INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,"
  "  template    TEXT NOT NULL,"
  "  content     TEXT NOT NULL CHECK (json_valid(content)),"
  "  updated_at  TEXT NOT NULL"
  ");"
  "CREATE TABLE agreement_review ("
  "  id           INTEGER PRIMARY KEY,"
  "  case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  agreement_id INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,"
  "  approved     INTEGER NOT NULL CHECK (approved IN (0, 1)),"
  "  comment      TEXT,"
  "  actor        TEXT NOT NULL,"
  "  at           TEXT NOT NULL,"
  "  CHECK (approved = 1 OR length(trim(comment)) > 0)"
  ");"
  "CREATE INDEX agreement_review_case ON agreement_review (case_id, id);"
  "CREATE TABLE review_comment ("
  "  id           INTEGER PRIMARY KEY,"
  "  case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  agreement_id INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,"
  "  target       TEXT,"
  "  text         TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  actor        TEXT NOT NULL,"
  "  at           TEXT NOT NULL"
  ");"
  "CREATE INDEX review_comment_case ON review_comment (case_id, id);"
  "CREATE TABLE statute ("
  "  id           INTEGER PRIMARY KEY,"
  "  law          TEXT NOT NULL CHECK (length(trim(law)) > 0),"
  "  version_date TEXT NOT NULL,"
  "  part         TEXT,"
  "  chapter      TEXT,"
  "  section      TEXT,"
  "  number       INTEGER NOT NULL CHECK (number > 0),"
  "  label        TEXT NOT NULL,"
  "  text         TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  tags         TEXT,"
  "  UNIQUE (law, version_date, number)"
  ");"
  "CREATE INDEX statute_number ON statute (number);"
  "CREATE VIRTUAL TABLE statute_search USING fts5 ("
  "  body, content = '', tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TABLE citation ("
  "  id          INTEGER PRIMARY KEY,"
  "  case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  statute_id  INTEGER REFERENCES statute (id) ON DELETE SET NULL,"
  "  target      TEXT,"
  "  law         TEXT NOT NULL,"
  "  label       TEXT NOT NULL,"
  "  text        TEXT NOT NULL,"
  "  note        TEXT,"
  "  actor       TEXT NOT NULL,"
  "  at          TEXT NOT NULL"
  ");"
  "CREATE INDEX citation_case ON citation (case_id, id);"
  "ALTER TABLE cases ADD COLUMN police_screened INTEGER NOT NULL DEFAULT 0"
  "  CHECK (police_screened IN (0, 1));"
  "ALTER TABLE cases ADD COLUMN police_exclusions INTEGER NOT NULL DEFAULT 0"
  "  CHECK (police_exclusions >= 0 AND police_exclusions < 128);";

static gboolean
migrate_6 (sqlite3 *db,
           GError **error)
{
  return _concord_sqlite_exec (db, migration_6_sql, error);
}

/* Version 7: signing (issue 5). Each signature of a version (pad strokes
 * as JSON, or the record of ink on paper); the lock of a signed version
 * (its content hash and time), which the database itself enforces: a
 * locked version's row, its signatures and the lock cannot be changed or
 * removed, and nothing can be added to them. Printed files are archived
 * with their SHA-256; their bytes cannot be changed. */
static const char migration_7_sql[] =
  "ALTER TABLE agreement ADD COLUMN content_hash TEXT"
  "  CHECK (content_hash IS NULL OR (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'));"
  "ALTER TABLE agreement ADD COLUMN locked_at TEXT;"
  "CREATE TABLE signature ("
  "  id           INTEGER PRIMARY KEY,"
  "  agreement_id INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL CHECK (position >= 0),"
  "  signer       TEXT NOT NULL CHECK (length(signer) > 0),"
  "  signer_name  TEXT NOT NULL,"
  "  method       TEXT NOT NULL CHECK (method IN ('pad', 'ink')),"
  "  strokes      TEXT CHECK (strokes IS NULL OR json_valid(strokes)),"
  "  signed_at    TEXT NOT NULL,"
  "  recorded_by  TEXT NOT NULL,"
  "  checked_by   TEXT,"
  "  CHECK ((method = 'pad') = (strokes IS NOT NULL)),"
  "  CHECK (method = 'pad' OR (checked_by IS NOT NULL AND length(trim(checked_by)) > 0)),"
  "  UNIQUE (agreement_id, signer)"
  ");"
  "CREATE TRIGGER agreement_locked_update BEFORE UPDATE ON agreement"
  "  WHEN OLD.locked_at IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'concord: a signed agreement cannot be changed'); END;"
  "CREATE TRIGGER agreement_locked_delete BEFORE DELETE ON agreement"
  "  WHEN OLD.locked_at IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'concord: a signed agreement cannot be removed'); END;"
  "CREATE TRIGGER agreement_lock_needs_hash BEFORE UPDATE OF locked_at ON agreement"
  "  WHEN NEW.locked_at IS NOT NULL AND NEW.content_hash IS NULL"
  "  BEGIN SELECT RAISE (ABORT, 'concord: an agreement is locked with its content hash'); END;"
  "CREATE TRIGGER agreement_signed_content BEFORE UPDATE OF case_id, version, template, content ON agreement"
  "  WHEN EXISTS (SELECT 1 FROM signature WHERE agreement_id = OLD.id)"
  "  BEGIN SELECT RAISE (ABORT, 'concord: a version with signatures cannot be changed'); END;"
  /* INSERT OR REPLACE would delete the locked row first: with
   * recursive_triggers on (set at every open) the delete trigger refuses
   * it, and this refuses it before anything happens. */
  "CREATE TRIGGER agreement_insert_locked BEFORE INSERT ON agreement"
  "  WHEN NEW.locked_at IS NOT NULL"
  "    OR EXISTS (SELECT 1 FROM agreement WHERE locked_at IS NOT NULL"
  "               AND (id = NEW.id OR (case_id = NEW.case_id AND version = NEW.version)))"
  "  BEGIN SELECT RAISE (ABORT, 'concord: an agreement is locked by its signatures'); END;"
  "CREATE TRIGGER signature_locked_insert BEFORE INSERT ON signature"
  "  WHEN (SELECT locked_at FROM agreement WHERE id = NEW.agreement_id) IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'concord: a signed agreement takes no more signatures'); END;"
  "CREATE TRIGGER signature_locked_update BEFORE UPDATE ON signature"
  "  WHEN (SELECT locked_at FROM agreement WHERE id = OLD.agreement_id) IS NOT NULL"
  "    OR NEW.agreement_id <> OLD.agreement_id"
  "  BEGIN SELECT RAISE (ABORT, 'concord: the signatures of a signed agreement cannot be changed'); END;"
  "CREATE TRIGGER signature_locked_delete BEFORE DELETE ON signature"
  "  WHEN (SELECT locked_at FROM agreement WHERE id = OLD.agreement_id) IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'concord: the signatures of a signed agreement cannot be removed'); END;"
  "CREATE TABLE printed_document ("
  "  id           INTEGER PRIMARY KEY,"
  "  case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  agreement_id INTEGER NOT NULL REFERENCES agreement (id),"
  "  sha256       TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),"
  "  pdf          BLOB NOT NULL,"
  "  pages        INTEGER NOT NULL CHECK (pages > 0),"
  "  copies       INTEGER NOT NULL CHECK (copies > 0),"
  "  signed_copy  INTEGER NOT NULL CHECK (signed_copy IN (0, 1)),"
  "  printed_at   TEXT NOT NULL,"
  "  printed_by   TEXT NOT NULL"
  ");"
  "CREATE INDEX printed_document_case ON printed_document (case_id, id);"
  "CREATE TRIGGER printed_document_fixed BEFORE UPDATE OF case_id, agreement_id, sha256, pdf, pages,"
  "  signed_copy ON printed_document"
  "  BEGIN SELECT RAISE (ABORT, 'concord: an archived print cannot be changed'); END;"
  "CREATE TRIGGER printed_document_kept BEFORE DELETE ON printed_document"
  "  BEGIN SELECT RAISE (ABORT, 'concord: an archived print cannot be removed'); END;";

static gboolean
migrate_7 (sqlite3 *db,
           GError **error)
{
  return _concord_sqlite_exec (db, migration_7_sql, error);
}

typedef gboolean (*MigrateFunc) (sqlite3 *db, GError **error);

static const MigrateFunc migrations[] = {
  NULL,           /* version 0: the empty file */
  migrate_1,
  migrate_2,
  migrate_3,
  migrate_4,
  migrate_5,
  migrate_6,
  migrate_7,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CONCORD_SQLITE_LATEST_VERSION + 1);

gboolean
_concord_sqlite_migrate (sqlite3 *db,
                         int      from,
                         int      target,
                         GError **error)
{
  g_return_val_if_fail (from >= 0 && target <= CONCORD_SQLITE_LATEST_VERSION, FALSE);

  for (int version = from + 1; version <= target; version++)
    {
      g_autofree char *set_version = NULL;

      if (!_concord_sqlite_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
      if (!migrations[version] (db, error) ||
          !_concord_sqlite_exec (db, set_version, error) ||
          (version == 1 &&
           !_concord_sqlite_exec (db, "PRAGMA application_id = 1131376227", error)) ||
          !_concord_sqlite_exec (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, _("Could not upgrade the database to version %d: "), version);
          return FALSE;
        }
    }
  return TRUE;
}
