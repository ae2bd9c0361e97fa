/* concord-clock.h — the one source of "now"
 *
 * Real time, unless CONCORD_NOW holds a UTC ISO-8601 time (tests, demos
 * and benchmarks fix the clock with it so that deadlines and case numbers
 * are reproducible).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *concord_clock_now (void);            /* UTC */
char      *concord_clock_now_iso (void);        /* "2026-11-23T13:22:25Z" */
/* Formats a UTC GDateTime the way the database stores times. */
char      *concord_clock_format_iso (GDateTime *utc);
/* Today's date in the local time zone (of the desk), "2026-11-23". */
char      *concord_clock_today_iso (void);
/* Parses a stored time; NULL when @iso is NULL or malformed. */
GDateTime *concord_clock_parse_iso (const char *iso);

G_END_DECLS
