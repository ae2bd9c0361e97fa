/* concord-calendar.c — working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-calendar"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "concord-error.h"
#include "concord-calendar.h"

struct _ConcordCalendar
{
  GHashTable *holidays;   /* julian day → itself */
  GHashTable *workdays;
};

/* Parses one "YYYY-MM-DD" exactly; 0 when it is not a real date. */
static guint32
parse_date (const char *text)
{
  guint64 year = 0, month = 0, day = 0;
  char part[5];

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return 0;

  memcpy (part, text, 4);
  part[4] = '\0';
  year = g_ascii_strtoull (part, NULL, 10);
  memcpy (part, text + 5, 2);
  part[2] = '\0';
  month = g_ascii_strtoull (part, NULL, 10);
  memcpy (part, text + 8, 2);
  part[2] = '\0';
  day = g_ascii_strtoull (part, NULL, 10);

  if (year < 1900 || year > 2999 || month < 1 || month > 12 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    return g_date_get_julian (&date);
  }
}

/* Parses @list into @into (which may be NULL, to check only). */
static gboolean
parse_list (const char *list,
            GHashTable *into,
            GError    **error)
{
  g_auto(GStrv) items = NULL;

  if (list == NULL)
    return TRUE;
  items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      guint32 julian;

      if (*item == '\0')
        {
          /* An empty list, or a trailing comma. */
          if (items[i + 1] == NULL)
            continue;
          g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                               _("A list of dates has an empty entry between two commas."));
          return FALSE;
        }
      julian = parse_date (item);
      if (julian == 0)
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("“%s” is not a date: write dates as year-month-day, "
                         "for example 2026-10-01, separated by commas."), item);
          return FALSE;
        }
      if (into != NULL)
        g_hash_table_add (into, GUINT_TO_POINTER (julian));
    }
  return TRUE;
}

gboolean
concord_calendar_check_list (const char *list,
                             GError    **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return parse_list (list, NULL, error);
}

ConcordCalendar *
concord_calendar_new (const char *holidays,
                      const char *workdays,
                      GError    **error)
{
  g_autoptr(ConcordCalendar) self = g_new0 (ConcordCalendar, 1);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->holidays = g_hash_table_new (NULL, NULL);
  self->workdays = g_hash_table_new (NULL, NULL);
  if (!parse_list (holidays, self->holidays, error) ||
      !parse_list (workdays, self->workdays, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
concord_calendar_free (ConcordCalendar *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->holidays, g_hash_table_unref);
  g_clear_pointer (&self->workdays, g_hash_table_unref);
  g_free (self);
}

gboolean
concord_calendar_is_working_day (const ConcordCalendar *self,
                                 const GDate           *date)
{
  gpointer key;
  GDateWeekday weekday;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  key = GUINT_TO_POINTER (g_date_get_julian (date));
  /* A date on both lists is a holiday. */
  if (g_hash_table_contains (self->holidays, key))
    return FALSE;
  if (g_hash_table_contains (self->workdays, key))
    return TRUE;
  weekday = g_date_get_weekday (date);
  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
}

void
concord_calendar_add_working_days (const ConcordCalendar *self,
                                   GDate                 *date,
                                   guint                  n)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  while (n > 0)
    {
      g_date_add_days (date, 1);
      if (concord_calendar_is_working_day (self, date))
        n--;
    }
}

GDateTime *
concord_calendar_add_working_days_to_time (const ConcordCalendar *self,
                                           GDateTime             *utc,
                                           guint                  n)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) later = NULL;
  GDate date;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (utc != NULL, NULL);

  local = g_date_time_to_local (utc);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
  concord_calendar_add_working_days (self, &date, n);
  later = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), g_date_time_get_hour (local),
                                 g_date_time_get_minute (local),
                                 g_date_time_get_seconds (local));
  if (later == NULL)
    return NULL;
  return g_date_time_to_utc (later);
}
