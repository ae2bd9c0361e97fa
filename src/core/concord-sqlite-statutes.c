/* concord-sqlite-statutes.c — the statute library in SQLite
 *
 * Articles live in the table "statute" (one row per law, version date and
 * article number) and are found through "statute_search", a contentless
 * FTS5 index whose rowid is the article's id. Its text is made by
 * concord_search_text_append() (one token per Chinese character) from the
 * article's law, book, chapter, section, label, text and tags; as the
 * index keeps no copy of it, an entry is removed by giving that text again,
 * made from the row as it is before it changes (statute_body()). An index
 * made by another tokenizer is rebuilt when the starter set is checked
 * (setting "statutes.index-stamp").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-sqlite-statutes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "concord-core-resources.h"
#include "concord-error.h"
#include "concord-search-text.h"
#include "concord-sqlite-private.h"

#define STARTER_DIR       "/io/github/concord/Concord/core/statutes/"
#define STARTER_INI       STARTER_DIR "starter.ini"
#define STARTER_SETTING   "statutes.starter"
#define STAMP_SETTING     "statutes.index-stamp"

#define COLUMNS "id, law, version_date, part, chapter, section, number, label, text, tags"

static ConcordStatute *
statute_from_row (sqlite3_stmt *stmt)
{
  ConcordStatute *statute = concord_statute_new ();

  statute->id = sqlite3_column_int64 (stmt, 0);
  statute->law = column_dup (stmt, 1);
  statute->version_date = column_dup (stmt, 2);
  statute->part = column_dup (stmt, 3);
  statute->chapter = column_dup (stmt, 4);
  statute->section = column_dup (stmt, 5);
  statute->number = sqlite3_column_int (stmt, 6);
  statute->label = column_dup (stmt, 7);
  statute->text = column_dup (stmt, 8);
  statute->tags = column_dup (stmt, 9);
  return statute;
}

/* Runs @stmt and adds its rows to @out. */
static gboolean
collect_rows (sqlite3      *db,
              sqlite3_stmt *stmt,
              GPtrArray    *out,
              GError      **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, statute_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (db, rc, "read the statutes", error);
      return FALSE;
    }
  return TRUE;
}

/* Transactions: a savepoint inside the caller's transaction, else one of
 * our own (immediate, as it writes). */

typedef struct
{
  sqlite3  *db;
  gboolean  own;
  gboolean  open;
} Transaction;

static gboolean
transaction_begin (Transaction *tx,
                   sqlite3     *db,
                   GError     **error)
{
  tx->db = db;
  tx->own = sqlite3_get_autocommit (db) != 0;
  tx->open = _concord_sqlite_exec (db, tx->own ? "BEGIN IMMEDIATE" : "SAVEPOINT statutes", error);
  return tx->open;
}

static gboolean
transaction_commit (Transaction *tx,
                    GError     **error)
{
  if (!_concord_sqlite_exec (tx->db, tx->own ? "COMMIT" : "RELEASE statutes", error))
    return FALSE;
  tx->open = FALSE;
  return TRUE;
}

static void
transaction_end (Transaction *tx)
{
  if (!tx->open)
    return;
  /* SQLite may have rolled back already (a full disk): errors are moot. */
  if (tx->own)
    sqlite3_exec (tx->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (tx->db, "ROLLBACK TO statutes; RELEASE statutes", NULL, NULL, NULL);
  tx->open = FALSE;
}

/* Settings */

static gboolean
read_setting (sqlite3     *db,
              GHashTable  *cache,
              const char  *key,
              char       **value,
              GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  *value = NULL;
  stmt = prepare_cached (db, cache, "SELECT value FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = column_dup (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (db, rc, "read a setting", error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_setting (sqlite3    *db,
               GHashTable *cache,
               const char *key,
               const char *value,
               GError    **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  stmt = prepare_cached (db, cache,
                         "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  bind_text (stmt, 2, value);
  return step_done (db, stmt, "write a setting", error);
}

/* The search index */

/* The index text of an article. Whoever changes it must make the index
 * be rebuilt (raise CONCORD_SEARCH_TEXT_VERSION or change the stamp). */
static char *
statute_body (const ConcordStatute *statute)
{
  GString *body = g_string_new (NULL);

  concord_search_text_append (body, statute->law);
  concord_search_text_append (body, statute->part);
  concord_search_text_append (body, statute->chapter);
  concord_search_text_append (body, statute->section);
  concord_search_text_append (body, statute->label);
  concord_search_text_append (body, statute->text);
  concord_search_text_append (body, statute->tags);
  return g_string_free (body, FALSE);
}

static gboolean
index_add (sqlite3              *db,
           GHashTable           *cache,
           const ConcordStatute *statute,
           GError              **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *body = statute_body (statute);

  stmt = prepare_cached (db, cache, "INSERT INTO statute_search (rowid, body) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, statute->id);
  sqlite3_bind_text (stmt, 2, body, -1, SQLITE_STATIC);
  return step_done (db, stmt, "index a statute", error);
}

/* Removes the entry made from @statute as it is stored. */
static gboolean
index_remove (sqlite3              *db,
              GHashTable           *cache,
              const ConcordStatute *statute,
              GError              **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *body = statute_body (statute);

  stmt = prepare_cached (db, cache,
                         "INSERT INTO statute_search (statute_search, rowid, body) VALUES ('delete', ?1, ?2)",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, statute->id);
  sqlite3_bind_text (stmt, 2, body, -1, SQLITE_STATIC);
  return step_done (db, stmt, "index a statute", error);
}

static gboolean
rebuild_index (sqlite3    *db,
               GHashTable *cache,
               GError    **error)
{
  g_autoptr(Stmt) stmt = NULL;
  int rc;

  if (!_concord_sqlite_exec (db, "INSERT INTO statute_search (statute_search) VALUES ('delete-all')", error))
    return FALSE;
  rc = sqlite3_prepare_v2 (db, "SELECT " COLUMNS " FROM statute ORDER BY id", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _concord_sqlite_set_error (db, rc, "rebuild the statute index", error);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ConcordStatute) statute = statute_from_row (stmt);

      if (!index_add (db, cache, statute, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (db, rc, "rebuild the statute index", error);
      return FALSE;
    }
  return TRUE;
}

/* Writing articles */

/* The stored article of @law, @version_date and @number; NULL (and no
 * error) when there is none. */
static ConcordStatute *
find_article (sqlite3     *db,
              GHashTable  *cache,
              const char  *law,
              const char  *version_date,
              int          number,
              gboolean    *failed,
              GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  *failed = FALSE;
  stmt = prepare_cached (db, cache,
                         "SELECT " COLUMNS " FROM statute"
                         " WHERE law = ?1 AND version_date = ?2 AND number = ?3",
                         error);
  if (stmt == NULL)
    {
      *failed = TRUE;
      return NULL;
    }
  bind_text (stmt, 1, law);
  bind_text (stmt, 2, version_date);
  sqlite3_bind_int (stmt, 3, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return statute_from_row (stmt);
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (db, rc, "read a statute", error);
      *failed = TRUE;
    }
  return NULL;
}

static gboolean
same_content (const ConcordStatute *a,
              const ConcordStatute *b)
{
  return g_strcmp0 (a->part, b->part) == 0 &&
         g_strcmp0 (a->chapter, b->chapter) == 0 &&
         g_strcmp0 (a->section, b->section) == 0 &&
         g_strcmp0 (a->label, b->label) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->tags, b->tags) == 0;
}

/* Adds @article (of @law and @version_date), or replaces in place the
 * stored one with its number: its id, and so its citations, stay. An
 * article without tags keeps those the stored one has (the starter set's):
 * published texts carry none. */
static gboolean
upsert_article (sqlite3              *db,
                GHashTable           *cache,
                const char           *law,
                const char           *version_date,
                const ConcordStatute *article,
                GError              **error)
{
  g_autoptr(ConcordStatute) stored = NULL;
  g_autoptr(ConcordStatute) row = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  gboolean failed = FALSE;

  stored = find_article (db, cache, law, version_date, article->number, &failed, error);
  if (failed)
    return FALSE;

  row = concord_statute_copy (article);
  g_free (row->law);
  row->law = g_strdup (law);
  g_free (row->version_date);
  row->version_date = g_strdup (version_date);
  if (stored != NULL && row->tags == NULL)
    row->tags = g_strdup (stored->tags);

  if (stored != NULL)
    {
      if (same_content (stored, row))
        return TRUE;
      row->id = stored->id;
      if (!index_remove (db, cache, stored, error))
        return FALSE;
      stmt = prepare_cached (db, cache,
                             "UPDATE statute SET part = ?2, chapter = ?3, section = ?4, label = ?5,"
                             " text = ?6, tags = ?7 WHERE id = ?1",
                             error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->id);
      bind_text (stmt, 2, row->part);
      bind_text (stmt, 3, row->chapter);
      bind_text (stmt, 4, row->section);
      bind_text (stmt, 5, row->label);
      bind_text (stmt, 6, row->text);
      bind_text (stmt, 7, row->tags);
      if (!step_done (db, stmt, "update a statute", error))
        return FALSE;
    }
  else
    {
      stmt = prepare_cached (db, cache,
                             "INSERT INTO statute (law, version_date, part, chapter, section, number,"
                             " label, text, tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                             error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, row->law);
      bind_text (stmt, 2, row->version_date);
      bind_text (stmt, 3, row->part);
      bind_text (stmt, 4, row->chapter);
      bind_text (stmt, 5, row->section);
      sqlite3_bind_int (stmt, 6, row->number);
      bind_text (stmt, 7, row->label);
      bind_text (stmt, 8, row->text);
      bind_text (stmt, 9, row->tags);
      if (!step_done (db, stmt, "add a statute", error))
        return FALSE;
      row->id = sqlite3_last_insert_rowid (db);
    }
  return index_add (db, cache, row, error);
}

static gboolean
delete_article (sqlite3              *db,
                GHashTable           *cache,
                const ConcordStatute *stored,
                GError              **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  if (!index_remove (db, cache, stored, error))
    return FALSE;
  stmt = prepare_cached (db, cache, "DELETE FROM statute WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stored->id);
  return step_done (db, stmt, "remove a statute", error);
}

static gboolean
check_file (ConcordStatuteFile *file,
            GError            **error)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree char *law = g_strstrip (g_strdup (file->law ? file->law : ""));

  if (*law == '\0' ||
      file->version_date == NULL || file->articles == NULL || file->articles->len == 0)
    goto invalid;
  for (guint i = 0; i < file->articles->len; i++)
    {
      ConcordStatute *article = g_ptr_array_index (file->articles, i);
      g_autofree char *text = g_strstrip (g_strdup (article->text ? article->text : ""));

      if (article->number <= 0 || article->label == NULL || *text == '\0' ||
          !g_hash_table_add (numbers, GINT_TO_POINTER (article->number)))
        goto invalid;
    }
  return TRUE;

invalid:
  g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("The statute file has no law, no version date, an article without "
                         "text or an article number twice."));
  return FALSE;
}

gboolean
_concord_sqlite_statutes_import (sqlite3            *db,
                                 GHashTable         *cache,
                                 ConcordStatuteFile *file,
                                 guint              *n_articles,
                                 GError            **error)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) unit = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_statute_free);
  g_autoptr(CachedStmt) stmt = NULL;
  Transaction tx = { 0 };

  g_return_val_if_fail (db != NULL && cache != NULL && file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_articles != NULL)
    *n_articles = 0;
  if (!check_file (file, error))
    return FALSE;
  if (!transaction_begin (&tx, db, error))
    return FALSE;

  for (guint i = 0; i < file->articles->len; i++)
    {
      ConcordStatute *article = g_ptr_array_index (file->articles, i);

      if (!upsert_article (db, cache, file->law, file->version_date, article, error))
        goto failed;
      g_hash_table_add (numbers, GINT_TO_POINTER (article->number));
    }

  /* The file replaces what its header names: the law's version, or one
   * book of it (a Civil Code book's file holds only that book). */
  stmt = prepare_cached (db, cache,
                         "SELECT " COLUMNS " FROM statute"
                         " WHERE law = ?1 AND version_date = ?2 AND (?3 IS NULL OR part = ?3)",
                         error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 1, file->law);
  bind_text (stmt, 2, file->version_date);
  bind_text (stmt, 3, file->part);
  if (!collect_rows (db, stmt, unit, error))
    goto failed;
  cached_stmt_release (g_steal_pointer (&stmt));
  for (guint i = 0; i < unit->len; i++)
    {
      ConcordStatute *stored = g_ptr_array_index (unit, i);

      if (!g_hash_table_contains (numbers, GINT_TO_POINTER (stored->number)) &&
          !delete_article (db, cache, stored, error))
        goto failed;
    }

  if (!transaction_commit (&tx, error))
    goto failed;
  if (n_articles != NULL)
    *n_articles = file->articles->len;
  return TRUE;

failed:
  transaction_end (&tx);
  return FALSE;
}

/* Searching */

static gboolean
is_arabic_digit (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static gboolean
is_chinese_numeral (gunichar c)
{
  return g_utf8_strchr ("零〇一二两三四五六七八九十百千万", -1, c) != NULL;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/* An article number at the end of @query ("1165", "第1165条", "民法典
 * 1165", "人民调解法第二十九条"): its value, and in *law_words what comes
 * before it. Chinese numerals glued to a word ("万一") are no number
 * unless "第" or "条" marks them. */
static int
split_number_query (const char  *query,
                    char       **law_words)
{
  g_autofree gunichar *chars = NULL;
  g_autofree char *number_text = NULL;
  glong n = 0, end, start, prefix_end;
  gboolean marked = FALSE;
  gboolean arabic;
  int number;

  *law_words = NULL;
  chars = g_utf8_to_ucs4 (query, -1, NULL, &n, NULL);
  if (chars == NULL)
    return 0;

  end = n;
  while (end > 0 && is_space (chars[end - 1]))
    end--;
  if (end > 0 && chars[end - 1] == 0x6761)   /* 条 */
    {
      marked = TRUE;
      end--;
      while (end > 0 && is_space (chars[end - 1]))
        end--;
    }
  if (end == 0)
    return 0;
  arabic = is_arabic_digit (chars[end - 1]);
  if (!arabic && !is_chinese_numeral (chars[end - 1]))
    return 0;
  start = end;
  while (start > 0 && (arabic ? is_arabic_digit (chars[start - 1]) : is_chinese_numeral (chars[start - 1])))
    start--;

  prefix_end = start;
  while (prefix_end > 0 && is_space (chars[prefix_end - 1]))
    prefix_end--;
  if (prefix_end > 0 && chars[prefix_end - 1] == 0x7B2C)   /* 第 */
    {
      marked = TRUE;
      prefix_end--;
    }
  else if (!arabic && !marked && prefix_end == start && start > 0)
    return 0;

  number_text = g_ucs4_to_utf8 (chars + start, end - start, NULL, NULL, NULL);
  number = concord_statute_parse_number (number_text);
  if (number <= 0)
    return 0;
  *law_words = g_ucs4_to_utf8 (chars, prefix_end, NULL, NULL, NULL);
  return number;
}

/* Whether every word of @words (split at spaces and punctuation: "《民法典》")
 * occurs in the article's law or book, or else in its chapter, section,
 * tags or text ("借款 667", "调解协议 29"). */
static gboolean
law_matches (const ConcordStatute *statute,
             const char           *words)
{
  g_autofree char *norm = g_utf8_normalize (words, -1, G_NORMALIZE_NFKC);
  g_autoptr(GString) word = g_string_new (NULL);

  if (norm == NULL)
    return FALSE;
  for (const char *p = norm;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          const char *const places[] = { statute->law, statute->part, statute->chapter, statute->section,
                                         statute->tags, statute->text };
          gboolean found = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (places) && !found; i++)
            found = places[i] != NULL && strstr (places[i], word->str) != NULL;
          if (!found)
            return FALSE;
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  return TRUE;
}

static gboolean
search_number (sqlite3     *db,
               GHashTable  *cache,
               int          number,
               const char  *law_words,
               guint        limit,
               GPtrArray   *out,
               GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_statute_free);

  stmt = prepare_cached (db, cache,
                         "SELECT " COLUMNS " FROM statute WHERE number = ?1"
                         " ORDER BY law, version_date DESC",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, number);
  if (!collect_rows (db, stmt, rows, error))
    return FALSE;
  for (guint i = 0; i < rows->len && (limit == 0 || out->len < limit); i++)
    {
      ConcordStatute *statute = g_ptr_array_index (rows, i);

      if (law_words == NULL || law_matches (statute, law_words))
        g_ptr_array_add (out, g_steal_pointer (&rows->pdata[i]));
    }
  return TRUE;
}

static gboolean
search_words (sqlite3     *db,
              GHashTable  *cache,
              const char  *query,
              guint        limit,
              GPtrArray   *out,
              GError     **error)
{
  g_autofree char *match = concord_search_text_query (query);
  g_autoptr(CachedStmt) stmt = NULL;

  if (match == NULL)
    return TRUE;   /* nothing searchable: punctuation only */
  stmt = prepare_cached (db, cache,
                         "SELECT " COLUMNS " FROM statute WHERE id IN"
                         " (SELECT rowid FROM statute_search WHERE statute_search MATCH ?1)"
                         " ORDER BY law, number, version_date DESC LIMIT ?2",
                         error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, match);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return collect_rows (db, stmt, out, error);
}

GPtrArray *
_concord_sqlite_statutes_search (sqlite3    *db,
                                 GHashTable *cache,
                                 const char *query,
                                 guint       limit,
                                 GError    **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_statute_free);
  g_autofree char *law_words = NULL;
  int number;

  g_return_val_if_fail (db != NULL && cache != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return g_steal_pointer (&out);

  number = split_number_query (query, &law_words);
  if (number > 0)
    {
      g_strstrip (law_words);
      if (*law_words == '\0')
        g_clear_pointer (&law_words, g_free);
      if (!search_number (db, cache, number, law_words, limit, out, error))
        return NULL;
      /* "借款 2": not a law's name after all; search the words. */
      if (out->len > 0 || law_words == NULL)
        return g_steal_pointer (&out);
    }
  if (!search_words (db, cache, query, limit, out, error))
    return NULL;
  return g_steal_pointer (&out);
}

ConcordStatute *
_concord_sqlite_statutes_load (sqlite3    *db,
                               GHashTable *cache,
                               gint64      statute_id,
                               GError    **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL && cache != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare_cached (db, cache, "SELECT " COLUMNS " FROM statute WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, statute_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return statute_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND,
                         _("This statute article is not in the library."));
  else
    _concord_sqlite_set_error (db, rc, "read a statute", error);
  return NULL;
}

GPtrArray *
_concord_sqlite_statutes_list_laws (sqlite3    *db,
                                    GHashTable *cache,
                                    GError    **error)
{
  g_autoptr(GPtrArray) laws = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL && cache != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare_cached (db, cache,
                         "SELECT law, version_date, count(*) FROM statute"
                         " GROUP BY law, version_date ORDER BY law, version_date",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (laws, g_strdup_printf ("%s\t%s\t%d",
                                            (const char *) sqlite3_column_text (stmt, 0),
                                            (const char *) sqlite3_column_text (stmt, 1),
                                            sqlite3_column_int (stmt, 2)));
  if (rc != SQLITE_DONE)
    {
      _concord_sqlite_set_error (db, rc, "list the laws", error);
      return NULL;
    }
  return g_steal_pointer (&laws);
}

/* The starter set */

static GKeyFile *
load_starter_ini (GError **error)
{
  g_autoptr(GKeyFile) ini = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;

  /* Named explicitly so that the static library keeps the resource. */
  bytes = g_resource_lookup_data (concord_core_get_resource (), STARTER_INI,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  if (!g_key_file_load_from_data (ini, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  G_KEY_FILE_NONE, error))
    return NULL;
  return g_steal_pointer (&ini);
}

/* The starter set's files, parsed, with the tags of starter.ini. Each is
 * read under the name of the published file it comes from
 * ("law(2019-04-27).md", the date from [version-dates]), so that its
 * version date is the published one, not the first date of its history. */
static GPtrArray *
load_starter_files (GKeyFile  *ini,
                    GError   **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_statute_file_free);
  g_auto(GStrv) names = NULL;

  names = g_key_file_get_string_list (ini, "starter", "files", NULL, error);
  if (names == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (STARTER_DIR, names[i], NULL);
      g_autofree char *date = g_key_file_get_string (ini, "version-dates", names[i], NULL);
      g_autofree char *stem = NULL;
      g_autofree char *file_name = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      ConcordStatuteFile *file;
      guint line = 0;

      bytes = g_resource_lookup_data (concord_core_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;
      stem = g_strdup (names[i]);
      if (g_str_has_suffix (stem, ".md"))
        stem[strlen (stem) - 3] = '\0';
      file_name = date != NULL ? g_strdup_printf ("%s(%s).md", stem, g_strstrip (date))
                               : g_strdup (names[i]);
      file = concord_statute_parse (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                    file_name, &line, &local_error);
      if (file == NULL)
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       "starter statutes %s: %s", names[i], local_error->message);
          return NULL;
        }
      g_ptr_array_add (files, file);

      for (guint j = 0; j < file->articles->len; j++)
        {
          ConcordStatute *article = g_ptr_array_index (file->articles, j);
          char key[16];
          g_autofree char *tags = NULL;

          g_snprintf (key, sizeof key, "%d", article->number);
          tags = g_key_file_get_string (ini, file->law, key, NULL);
          if (tags != NULL && *g_strstrip (tags) != '\0')
            article->tags = g_steal_pointer (&tags);
        }
    }
  return g_steal_pointer (&files);
}

static gboolean
seed_files (sqlite3    *db,
            GHashTable *cache,
            GPtrArray  *files,
            GError    **error)
{
  for (guint i = 0; i < files->len; i++)
    {
      ConcordStatuteFile *file = g_ptr_array_index (files, i);

      /* Upserted only: a full law imported by the user keeps its other
       * articles. */
      for (guint j = 0; j < file->articles->len; j++)
        if (!upsert_article (db, cache, file->law, file->version_date,
                             g_ptr_array_index (file->articles, j), error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
has_articles (sqlite3  *db,
              gboolean *any,
              GError  **error)
{
  g_autoptr(Stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT EXISTS (SELECT 1 FROM statute)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _concord_sqlite_set_error (db, rc, "read the statutes", error);
      return FALSE;
    }
  *any = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* What must be done: import the starter set (its version is newer than
 * the one seeded), rebuild the index (made by another tokenizer). */
static gboolean
seed_needed (sqlite3    *db,
             GHashTable *cache,
             int         version,
             const char *stamp,
             gboolean   *import,
             gboolean   *rebuild,
             GError    **error)
{
  g_autofree char *seeded = NULL;
  g_autofree char *stored_stamp = NULL;

  if (!read_setting (db, cache, STARTER_SETTING, &seeded, error) ||
      !read_setting (db, cache, STAMP_SETTING, &stored_stamp, error))
    return FALSE;
  *import = seeded == NULL || atoi (seeded) < version;
  *rebuild = g_strcmp0 (stored_stamp, stamp) != 0;
  return TRUE;
}

gboolean
_concord_sqlite_statutes_seed (sqlite3    *db,
                               GHashTable *cache,
                               GError    **error)
{
  g_autoptr(GKeyFile) ini = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *stamp = concord_search_text_stamp ();
  g_autofree char *version_text = NULL;
  Transaction tx = { 0 };
  gboolean import = FALSE, rebuild = FALSE, any = FALSE;
  int version;

  g_return_val_if_fail (db != NULL && cache != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ini = load_starter_ini (error);
  if (ini == NULL)
    return FALSE;
  version = g_key_file_get_integer (ini, "starter", "version", NULL);
  if (version <= 0)
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           "starter statutes: starter.ini has no version");
      return FALSE;
    }

  /* Most opens end here: two reads. */
  if (!seed_needed (db, cache, version, stamp, &import, &rebuild, error))
    return FALSE;
  if (!import && !rebuild)
    return TRUE;

  if (import)
    {
      files = load_starter_files (ini, error);
      if (files == NULL)
        return FALSE;
    }

  if (!transaction_begin (&tx, db, error))
    return FALSE;
  /* Another program may have seeded meanwhile. */
  if (!seed_needed (db, cache, version, stamp, &import, &rebuild, error))
    goto failed;

  if (rebuild)
    {
      if (!has_articles (db, &any, error))
        goto failed;
      if (any)
        {
          g_message ("Rebuilding the statute index (now %s)", stamp);
          if (!rebuild_index (db, cache, error))
            goto failed;
        }
      if (!write_setting (db, cache, STAMP_SETTING, stamp, error))
        goto failed;
    }
  if (import && files != NULL)
    {
      version_text = g_strdup_printf ("%d", version);
      if (!seed_files (db, cache, files, error) ||
          !write_setting (db, cache, STARTER_SETTING, version_text, error))
        goto failed;
    }

  if (!transaction_commit (&tx, error))
    goto failed;
  return TRUE;

failed:
  transaction_end (&tx);
  return FALSE;
}
