/* concord-clock.h — the one source of "now"
 *
 * Real time, unless something fixes the clock: a time set in the process
 * with concord_clock_set_fixed() (the demonstration loader stamps what it
 * records at the times the demo cases say), else CONCORD_NOW, a UTC
 * ISO-8601 time in the environment (tests, demos and benchmarks fix the
 * clock with it so that deadlines and case numbers are reproducible).
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

/* Fixes "now" for the whole process at @utc_iso (an ISO-8601 time, UTC
 * unless it names its offset) until it is set again; NULL goes back to
 * CONCORD_NOW or the real time. The fixed time wins over CONCORD_NOW: it
 * is set by code around a bounded piece of work, which must put back what
 * was there before (concord_clock_dup_fixed()), even when the work fails.
 * Every thread sees it, so fix the clock only around work that runs on
 * one thread while nothing else reads the clock. A malformed @utc_iso is a
 * programming error: it is reported and the clock stays as it was. */
void       concord_clock_set_fixed (const char *utc_iso);
/* The time set with concord_clock_set_fixed() (as stored, UTC), or NULL. */
char      *concord_clock_dup_fixed (void);

G_END_DECLS
