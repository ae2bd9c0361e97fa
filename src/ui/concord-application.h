/* concord-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_APPLICATION (concord_application_get_type ())
G_DECLARE_FINAL_TYPE (ConcordApplication, concord_application, CONCORD, APPLICATION, AdwApplication)

/* The application: single instance (a second start presents the open
 * window), options --db PATH (or $CONCORD_DB) and --version. When the
 * database cannot be opened it shows a dialog that says what is wrong and
 * what to do, and leaves the file as it was. */
ConcordApplication *concord_application_new (void);
/* NULL until the database is open. */
ConcordContext     *concord_application_get_context (ConcordApplication *self);

/* When the process started (g_get_monotonic_time() at the top of main()):
 * with CONCORD_BENCH_EXIT_AFTER_MAP=1 the application prints
 * "window-mapped-ms: N", the milliseconds from then until the main window
 * has drawn its first frame with the first page of the case list, and
 * quits. */
void                concord_application_set_start_time (ConcordApplication *self,
                                                        gint64              monotonic_us);

G_END_DECLS
