/* concord-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-clock"

#include "config.h"

#include "concord-clock.h"

/* The time fixed by concord_clock_set_fixed(), or NULL. */
G_LOCK_DEFINE_STATIC (fixed_time);
static GDateTime *fixed_time;

GDateTime *
concord_clock_now (void)
{
  const char *fixed;

  G_LOCK (fixed_time);
  if (fixed_time != NULL)
    {
      GDateTime *now = g_date_time_ref (fixed_time);

      G_UNLOCK (fixed_time);
      return now;
    }
  G_UNLOCK (fixed_time);

  fixed = g_getenv ("CONCORD_NOW");

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

void
concord_clock_set_fixed (const char *utc_iso)
{
  GDateTime *parsed = NULL;
  GDateTime *old;

  if (utc_iso != NULL)
    {
      g_autoptr(GDateTime) any = concord_clock_parse_iso (utc_iso);

      if (any == NULL)
        {
          g_critical ("concord_clock_set_fixed: not an ISO-8601 time: %s", utc_iso);
          return;
        }
      parsed = g_date_time_to_utc (any);
    }

  G_LOCK (fixed_time);
  old = fixed_time;
  fixed_time = parsed;
  G_UNLOCK (fixed_time);

  g_clear_pointer (&old, g_date_time_unref);
}

char *
concord_clock_dup_fixed (void)
{
  char *iso = NULL;

  G_LOCK (fixed_time);
  if (fixed_time != NULL)
    iso = concord_clock_format_iso (fixed_time);
  G_UNLOCK (fixed_time);
  return iso;
}
