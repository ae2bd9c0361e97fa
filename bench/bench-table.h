/* bench-table.h — the table of results the benchmarks print, and the
 * arithmetic of their measures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RESULT_NONE,      /* informational line */
  RESULT_PASS,
  RESULT_FAIL,
  RESULT_SKIP,
} Result;

void     bench_table_init (void);
void     bench_table_free (void);

void     add_row          (const char *what,
                           const char *value,
                           const char *target,
                           Result      result);
void     add_ms_row       (const char *what,
                           double      ms,
                           double      target_ms);
gboolean print_table      (void);

int      compare_doubles  (gconstpointer a,
                           gconstpointer b);
double   percentile       (GArray     *values,
                           double      p);
double   ms_since         (gint64      start);

G_END_DECLS
