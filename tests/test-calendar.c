/* test-calendar.c — working days, holidays and make-up working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "concord-core.h"

/* The National Day week of 2026 as a station would enter it: 1–7 October
 * off, Sunday 27 September and Saturday 10 October worked instead. */
#define NATIONAL_DAY_HOLIDAYS "2026-10-01, 2026-10-02,2026-10-03,2026-10-04,2026-10-05,2026-10-06,2026-10-07"
#define NATIONAL_DAY_WORKDAYS "2026-09-27,2026-10-10"

static char *
add (const ConcordCalendar *calendar,
     const char            *ymd,
     guint                  n)
{
  GDate date;
  char buffer[16];
  int y, m, d;

  g_assert_cmpint (sscanf (ymd, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  concord_calendar_add_working_days (calendar, &date, n);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
  return g_strdup (buffer);
}

#define ASSERT_ADD(cal, from, n, expected) \
  G_STMT_START { \
    g_autofree char *got_ = add ((cal), (from), (n)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_weekends (void)
{
  g_autoptr(ConcordCalendar) plain = concord_calendar_new (NULL, "", NULL);

  g_assert_nonnull (plain);
  ASSERT_ADD (plain, "2026-11-20", 0, "2026-11-20");   /* Friday */
  ASSERT_ADD (plain, "2026-11-20", 1, "2026-11-23");   /* → Monday */
  ASSERT_ADD (plain, "2026-11-20", 5, "2026-11-27");
  ASSERT_ADD (plain, "2026-11-20", 7, "2026-12-01");   /* month end */
  ASSERT_ADD (plain, "2026-11-21", 1, "2026-11-23");   /* from a Saturday */
  ASSERT_ADD (plain, "2026-11-22", 5, "2026-11-27");   /* from a Sunday */
  ASSERT_ADD (plain, "2026-11-23", 15, "2026-12-14");
  ASSERT_ADD (plain, "2026-12-30", 3, "2027-01-04");   /* year end, Wed → Mon */
  ASSERT_ADD (plain, "2028-02-28", 1, "2028-02-29");   /* leap day, a Tuesday */
  ASSERT_ADD (plain, "2026-11-23", 30, "2027-01-04");
}

static void
test_national_day (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCalendar) calendar = concord_calendar_new (NATIONAL_DAY_HOLIDAYS, NATIONAL_DAY_WORKDAYS, &error);
  GDate date;

  g_assert_no_error (error);

  /* Friday 25 September: Sunday 27 is worked, then Monday to Wednesday,
   * then the holiday week, then Thursday 8, Friday 9, Saturday 10. */
  ASSERT_ADD (calendar, "2026-09-25", 1, "2026-09-27");
  ASSERT_ADD (calendar, "2026-09-25", 4, "2026-09-30");
  ASSERT_ADD (calendar, "2026-09-25", 5, "2026-10-08");
  ASSERT_ADD (calendar, "2026-09-25", 7, "2026-10-10");
  ASSERT_ADD (calendar, "2026-09-25", 8, "2026-10-12");
  ASSERT_ADD (calendar, "2026-09-30", 3, "2026-10-10");
  ASSERT_ADD (calendar, "2026-10-03", 1, "2026-10-08");  /* from inside the holiday */

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_OCTOBER, 2026);
  g_assert_false (concord_calendar_is_working_day (calendar, &date));
  g_date_set_dmy (&date, 10, G_DATE_OCTOBER, 2026);
  g_assert_true (concord_calendar_is_working_day (calendar, &date));
  g_date_set_dmy (&date, 11, G_DATE_OCTOBER, 2026);
  g_assert_false (concord_calendar_is_working_day (calendar, &date));

  /* A date on both lists is a holiday. */
  {
    g_autoptr(ConcordCalendar) both = concord_calendar_new ("2026-10-10", "2026-10-10", &error);

    g_assert_no_error (error);
    g_date_set_dmy (&date, 10, G_DATE_OCTOBER, 2026);
    g_assert_false (concord_calendar_is_working_day (both, &date));
  }
  /* New Year across the year end. */
  {
    g_autoptr(ConcordCalendar) new_year = concord_calendar_new ("2027-01-01", "", &error);

    g_assert_no_error (error);
    ASSERT_ADD (new_year, "2026-12-31", 1, "2027-01-04");
  }
}

static void
test_times (void)
{
  g_autoptr(ConcordCalendar) calendar = concord_calendar_new (NATIONAL_DAY_HOLIDAYS, NATIONAL_DAY_WORKDAYS, NULL);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *text = NULL;

  /* Tests run in Asia/Shanghai: 2026-09-30T17:00Z is 1 October, 01:00
   * local — a holiday, so the count starts from the local date. */
  from = concord_clock_parse_iso ("2026-09-30T17:00:00Z");
  due = concord_calendar_add_working_days_to_time (calendar, from, 1);
  text = concord_clock_format_iso (due);
  g_assert_cmpstr (text, ==, "2026-10-07T17:00:00Z");
  g_clear_pointer (&due, g_date_time_unref);
  g_free (text);

  /* Friday 16:00 local + 7 working days: Tuesday 1 December 16:00. */
  g_clear_pointer (&from, g_date_time_unref);
  from = concord_clock_parse_iso ("2026-11-20T08:00:00Z");
  due = concord_calendar_add_working_days_to_time (calendar, from, 7);
  text = concord_clock_format_iso (due);
  g_assert_cmpstr (text, ==, "2026-12-01T08:00:00Z");
}

static void
test_lists (void)
{
  static const char *good[] = {
    NULL, "", "2026-10-01", "2026-10-01,2026-10-02", " 2026-10-01 ,  2026-10-02 ", "2026-10-01,",
    "2028-02-29",
  };
  static const char *bad[] = {
    "2026-13-01", "2026-02-30", "2027-02-29", "2026-1-01", "26-10-01", "2026/10/01", "2026-10-01,,2026-10-02",
    "十月一日", "2026-10-01;2026-10-02", "2026-10-0x", ",", "2026-10-011",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (concord_calendar_check_list (good[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConcordCalendar) calendar = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (concord_calendar_check_list (bad[i], &error));
      g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
      g_clear_error (&error);
      calendar = concord_calendar_new (NULL, bad[i], &error);
      g_assert_null (calendar);
      g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/weekends", test_weekends);
  g_test_add_func ("/calendar/national-day", test_national_day);
  g_test_add_func ("/calendar/times", test_times);
  g_test_add_func ("/calendar/lists", test_lists);

  return g_test_run ();
}
