/* bench-table.c — the table of results the benchmarks print, and the
 * arithmetic of their measures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-bench"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bench-table.h"

typedef struct
{
  char   *what;
  char   *value;
  char   *target;
  Result  result;
} Row;

static GPtrArray *rows;

static void
row_free (Row *row)
{
  g_free (row->what);
  g_free (row->value);
  g_free (row->target);
  g_free (row);
}

/* Starts an empty table. */
void
bench_table_init (void)
{
  g_return_if_fail (rows == NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
}

void
bench_table_free (void)
{
  g_clear_pointer (&rows, g_ptr_array_unref);
}

void
add_row (const char *what,
         const char *value,
         const char *target,
         Result      result)
{
  Row *row;

  g_return_if_fail (rows != NULL);

  row = g_new0 (Row, 1);
  row->what = g_strdup (what);
  row->value = g_strdup (value);
  row->target = g_strdup (target ? target : "");
  row->result = result;
  g_ptr_array_add (rows, row);
}

/* A time in milliseconds; it passes when under @target_ms, unless
 * @target_ms is 0 (for reference only). */
void
add_ms_row (const char *what,
            double      ms,
            double      target_ms)
{
  g_autofree char *value = g_strdup_printf ("%.2f ms", ms);
  g_autofree char *target = target_ms > 0 ? g_strdup_printf ("< %.0f ms", target_ms) : NULL;

  add_row (what, value, target,
           target_ms > 0 ? (ms < target_ms ? RESULT_PASS : RESULT_FAIL) : RESULT_NONE);
}

/* Width of a UTF-8 string in terminal columns: CJK characters take two. */
static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
print_padded (const char *text,
              int         width)
{
  fputs (text, stdout);
  for (int i = display_width (text); i < width; i++)
    putchar (' ');
}

/* Prints the table; returns whether no line failed. */
gboolean
print_table (void)
{
  static const char *result_names[] = { "", "PASS", "FAIL", "SKIP" };
  int what_width = 7, value_width = 5, target_width = 6;
  gboolean all_pass = TRUE;

  g_return_val_if_fail (rows != NULL, FALSE);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      what_width = MAX (what_width, display_width (row->what));
      value_width = MAX (value_width, display_width (row->value));
      target_width = MAX (target_width, display_width (row->target));
    }

  putchar ('\n');
  print_padded ("measure", what_width + 2);
  print_padded ("value", value_width + 2);
  print_padded ("target", target_width + 2);
  puts ("result");
  for (int i = 0; i < what_width + value_width + target_width + 12; i++)
    putchar ('-');
  putchar ('\n');

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      print_padded (row->what, what_width + 2);
      print_padded (row->value, value_width + 2);
      print_padded (row->target, target_width + 2);
      puts (result_names[row->result]);
      if (row->result == RESULT_FAIL)
        all_pass = FALSE;
    }
  return all_pass;
}

int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Nearest-rank percentile of @values (sorted in place). */
double
percentile (GArray *values,
            double  p)
{
  guint rank;

  g_assert (values->len > 0);
  g_array_sort (values, compare_doubles);
  rank = (guint) (p / 100.0 * values->len + 0.999999);
  rank = CLAMP (rank, 1, values->len);
  return g_array_index (values, double, rank - 1);
}

double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}
