/* concord-bench-statutes.c — the statute library stays fast
 *
 *   concord-bench-statutes [--shared DIR] [--runs N] [--keep PATH]
 *
 * In a new database under a temporary folder (or at PATH, which must not
 * exist yet, with --keep): measures seeding the starter set, then imports
 * the whole Civil Code (its eight books, from DIR/data/statutes/民法典;
 * DIR defaults to $CONCORD_SHARED_DIR, else ../shared) and measures, over
 * its ~1260 articles plus the starter set, the searches a lawyer types:
 * by article number and by words. For each query: the median and the
 * slowest of N runs (default 100) and the number of results; the target
 * is every run under 50 ms (issue 4). Prints a table like concord-bench
 * and exits 1 when a target is missed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-bench-statutes"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "concord-core.h"
#include "concord-sqlite-private.h"
#include "bench-table.h"

#define TARGET_SEARCH_MS   50.0
#define TARGET_SEED_MS     100.0
#define SEARCH_LIMIT       100
#define CIVIL_CODE         "中华人民共和国民法典"
#define ACTOR              "bench"

static const char *queries[] = {
  "1165", "第一千一百六十五条", "民法典 1165", "过错", "相邻关系", "借款 利息",
};

G_GNUC_NORETURN static void
die (const char   *what,
     const GError *error)
{
  fprintf (stderr, "concord-bench-statutes: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (dir);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The Civil Code's books, or NULL when they are not there. */
static GPtrArray *
civil_code_files (const char *shared)
{
  g_autofree char *dir = g_build_filename (shared, "data", "statutes", "民法典", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return NULL;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".md"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return paths->len > 0 ? g_steal_pointer (&paths) : NULL;
}

/* Seeding an empty library, straight on the database (the store seeds
 * when it opens, which the open measure includes). */
static void
bench_seed (const char *path)
{
  g_autoptr(GHashTable) cache = _concord_sqlite_statement_cache_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *count = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;
  int n = 0;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    die ("open the database", NULL);
  for (int run = 0; run < 5; run++)
    {
      if (!_concord_sqlite_exec (db,
                                 "DELETE FROM settings WHERE key = 'statutes.starter';"
                                 "DELETE FROM statute;"
                                 "INSERT INTO statute_search (statute_search) VALUES ('delete-all');",
                                 &error))
        die ("empty the library", error);
      double ms;

      start = g_get_monotonic_time ();
      if (!_concord_sqlite_statutes_seed (db, cache, &error))
        die ("seed the starter set", error);
      ms = ms_since (start);
      g_array_append_val (times, ms);
    }

  start = g_get_monotonic_time ();
  if (!_concord_sqlite_statutes_seed (db, cache, &error))
    die ("seed the starter set", error);
  add_ms_row ("open: check the starter set (seeded already)", ms_since (start), 0);

  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM statute", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_hash_table_remove_all (cache);
  sqlite3_close (db);

  count = g_strdup_printf ("seed the starter set (%d articles), median of 5", n);
  add_ms_row (count, percentile (times, 50), TARGET_SEED_MS);
}

static guint
import_code (ConcordStore *store,
             GPtrArray    *paths,
             double       *parse_ms,
             double       *import_ms)
{
  guint total = 0;

  *parse_ms = *import_ms = 0;
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConcordStatuteFile) file = NULL;
      gint64 start = g_get_monotonic_time ();
      guint line = 0, n = 0;

      file = concord_statute_parse_file (g_ptr_array_index (paths, i), &line, &error);
      if (file == NULL)
        die (g_ptr_array_index (paths, i), error);
      *parse_ms += ms_since (start);

      start = g_get_monotonic_time ();
      if (!concord_store_import_statutes (store, file, ACTOR, &n, &error))
        die ("import the Civil Code", error);
      *import_ms += ms_since (start);
      total += n;
    }
  return total;
}

static void
bench_query (ConcordStore *store,
             const char   *query,
             guint         runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *median_label = NULL;
  g_autofree char *max_label = NULL;
  guint found = 0;

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      results = concord_store_search_statutes (store, query, SEARCH_LIMIT, &error);
      ms = ms_since (start);
      g_array_append_val (times, ms);
      if (results == NULL)
        die (query, error);
      found = results->len;
    }

  median_label = g_strdup_printf ("search “%s”: median (%u found)", query, found);
  max_label = g_strdup_printf ("search “%s”: slowest of %u", query, runs);
  add_ms_row (median_label, percentile (times, 50), 0);
  add_ms_row (max_label, percentile (times, 100), TARGET_SEARCH_MS);
}

static void
usage (FILE *out)
{
  fputs ("Usage: concord-bench-statutes [--shared DIR] [--runs N] [--keep PATH]\n"
         "\n"
         "  --shared DIR  the folder holding data/statutes (default: $CONCORD_SHARED_DIR, else ../shared)\n"
         "  --runs N      runs per search (default 100)\n"
         "  --keep PATH   make the database at PATH (must not exist) and keep it\n",
         out);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordStore) store = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *shared = g_getenv ("CONCORD_SHARED_DIR");
  const char *keep = NULL;
  guint runs = 100;
  gboolean all_pass;
  gint64 start;

  setlocale (LC_ALL, "");
  bench_table_init ();

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;
      guint64 parsed;

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          usage (stdout);
          return 0;
        }
      if (value == NULL ||
          !(g_str_equal (arg, "--shared") || g_str_equal (arg, "--runs") || g_str_equal (arg, "--keep")))
        {
          usage (stderr);
          return 2;
        }
      i++;
      if (g_str_equal (arg, "--shared"))
        shared = value;
      else if (g_str_equal (arg, "--keep"))
        keep = value;
      else if (g_ascii_string_to_unsigned (value, 10, 1, 100000, &parsed, NULL))
        runs = (guint) parsed;
      else
        {
          usage (stderr);
          return 2;
        }
    }
  if (shared == NULL || *shared == '\0')
    shared = "../shared";

  if (keep != NULL)
    {
      if (g_file_test (keep, G_FILE_TEST_EXISTS))
        {
          fprintf (stderr, "concord-bench-statutes: %s exists already\n", keep);
          return 2;
        }
      path = g_strdup (keep);
    }
  else
    {
      dir = g_dir_make_tmp ("concord-bench-statutes-XXXXXX", &error);
      if (dir == NULL)
        die ("make a temporary folder", error);
      path = g_build_filename (dir, "statutes.db", NULL);
    }

  printf ("Concord statute library benchmark: %s, %u runs per search\n", path, runs);
  fflush (stdout);

  start = g_get_monotonic_time ();
  store = concord_store_open (path, &error);
  if (store == NULL)
    die ("open the database", error);
  add_ms_row ("open a new database (schema, starter set)", ms_since (start), 0);
  g_clear_object (&store);
  bench_seed (path);

  store = concord_store_open (path, &error);
  if (store == NULL)
    die ("open the database", error);

  paths = civil_code_files (shared);
  if (paths == NULL)
    {
      g_autofree char *where = g_build_filename (shared, "data", "statutes", "民法典", NULL);

      fprintf (stderr, "concord-bench-statutes: no Civil Code at %s; searching the starter set only\n", where);
      add_row ("import the Civil Code", "no published texts", NULL, RESULT_SKIP);
    }
  else
    {
      g_autofree char *n_articles = NULL;
      double parse_ms, import_ms;
      guint n;

      n = import_code (store, paths, &parse_ms, &import_ms);
      n_articles = g_strdup_printf ("import the Civil Code (%u books, %u articles)", paths->len, n);
      add_ms_row ("read the Civil Code's files (parse)", parse_ms, 0);
      add_ms_row (n_articles, import_ms, 0);
      import_code (store, paths, &parse_ms, &import_ms);
      add_ms_row ("import it again, unchanged", import_ms, 0);
    }

  {
    g_autoptr(GPtrArray) laws = concord_store_list_statute_laws (store, &error);
    g_autofree char *articles = NULL;
    guint total = 0;

    if (laws == NULL)
      die ("list the laws", error);
    for (guint i = 0; i < laws->len; i++)
      {
        g_auto(GStrv) fields = g_strsplit (g_ptr_array_index (laws, i), "\t", 3);

        if (g_strv_length (fields) == 3)
          total += (guint) atoi (fields[2]);
      }
    articles = g_strdup_printf ("%u in %u laws", total, laws->len);
    add_row ("articles in the library", articles, NULL, RESULT_NONE);
  }

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    bench_query (store, queries[i], runs);

  g_clear_object (&store);
  if (dir != NULL)
    remove_tree (dir);

  all_pass = print_table ();
  bench_table_free ();
  return all_pass ? 0 : 1;
}
