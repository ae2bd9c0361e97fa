/* concord-calendar.h — working days
 *
 * Monday to Friday are working days, except the station's holidays; the
 * make-up working days (调休) are working days even on a weekend. Both are
 * lists of dates "YYYY-MM-DD", separated by commas, kept in the settings
 * CONCORD_SETTING_CALENDAR_HOLIDAYS and CONCORD_SETTING_CALENDAR_WORKDAYS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ConcordCalendar ConcordCalendar;

/* A calendar from the two lists (NULL or "" for none); NULL with
 * CONCORD_ERROR_INVALID when a list is malformed. */
ConcordCalendar *concord_calendar_new (const char *holidays,
                                       const char *workdays,
                                       GError    **error);
void             concord_calendar_free (ConcordCalendar *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordCalendar, concord_calendar_free)

/* Checks a list of dates: "2026-10-01,2026-10-02" (spaces allowed around
 * the commas; an empty list is fine). */
gboolean         concord_calendar_check_list (const char *list,
                                              GError    **error);

gboolean         concord_calendar_is_working_day (const ConcordCalendar *self,
                                                  const GDate           *date);

/* Moves @date forward by @n working days: from a Friday, one working day
 * is the next Monday (unless that is a holiday). With @n 0, @date stays. */
void             concord_calendar_add_working_days (const ConcordCalendar *self,
                                                    GDate                 *date,
                                                    guint                  n);

/* The same time of day @n working days after @utc, counted in the local
 * time zone (the station's); a new UTC time. */
GDateTime       *concord_calendar_add_working_days_to_time (const ConcordCalendar *self,
                                                            GDateTime             *utc,
                                                            guint                  n);

G_END_DECLS
