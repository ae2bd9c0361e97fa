/* concord-case-number.h — case numbers from a per-station format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The default format gives "(2026)四方调字第0012号". */
#define CONCORD_CASE_NUMBER_DEFAULT_FORMAT "({year}){station}调字第{seq:4}号"

/* Format placeholders:
 *   {year}    the four-digit year
 *   {station} the station's short name (setting "station.short-name")
 *   {seq}     the yearly sequence number, {seq:N} zero-padded to N digits (1–9)
 *   {{ and }} literal braces
 * A format must contain {seq} exactly once and {year} at most once; anything
 * else inside braces is an error that names it. */
gboolean concord_case_number_check_format (const char *format,
                                           GError    **error);

/* Returns the case number, or NULL with @error for a bad format. */
char    *concord_case_number_format (const char *format,
                                     int         year,
                                     guint       seq,
                                     const char *station,
                                     GError    **error);

G_END_DECLS
