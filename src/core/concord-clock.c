/* concord-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-clock"

#include "config.h"

#include "concord-clock.h"

GDateTime *
concord_clock_now (void)
{
  const char *fixed = g_getenv ("CONCORD_NOW");

  if (fixed != NULL && *fixed != '\0')
    {
      GDateTime *parsed = concord_clock_parse_iso (fixed);

      if (parsed != NULL)
        return parsed;
      g_warning ("CONCORD_NOW is not an ISO-8601 time: %s", fixed);
    }
  return g_date_time_new_now_utc ();
}

char *
concord_clock_format_iso (GDateTime *utc)
{
  g_autoptr(GDateTime) in_utc = NULL;

  g_return_val_if_fail (utc != NULL, NULL);

  in_utc = g_date_time_to_utc (utc);
  return g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
concord_clock_now_iso (void)
{
  g_autoptr(GDateTime) now = concord_clock_now ();

  return concord_clock_format_iso (now);
}

GDateTime *
concord_clock_parse_iso (const char *iso)
{
  g_autoptr(GTimeZone) utc = NULL;

  if (iso == NULL)
    return NULL;
  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (iso, utc);
}

char *
concord_clock_today_iso (void)
{
  g_autoptr(GDateTime) now = concord_clock_now ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, "%Y-%m-%d");
}
