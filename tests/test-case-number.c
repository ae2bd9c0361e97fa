/* test-case-number.c — case numbers from a per-station format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-case-number"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-core.h"

static void
assert_number (const char *format,
               int         year,
               guint       seq,
               const char *station,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  g_assert_true (concord_case_number_check_format (format, &error));
  g_assert_no_error (error);

  number = concord_case_number_format (format, year, seq, station, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (number, ==, expected);
}

static void
assert_bad_format (const char *format,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  g_assert_false (concord_case_number_check_format (format, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  /* Formatting refuses the same format with the same message. */
  number = concord_case_number_format (format, 2026, 12, "四方", &error);
  g_assert_null (number);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_default_format (void)
{
  assert_number (CONCORD_CASE_NUMBER_DEFAULT_FORMAT, 2026, 12, "四方",
                 "(2026)四方调字第0012号");
  assert_number (CONCORD_CASE_NUMBER_DEFAULT_FORMAT, 2026, 1, "四方",
                 "(2026)四方调字第0001号");
  assert_number (CONCORD_CASE_NUMBER_DEFAULT_FORMAT, 2027, 9999, "市南",
                 "(2027)市南调字第9999号");
  /* A busy year outgrows the padding rather than being cut. */
  assert_number (CONCORD_CASE_NUMBER_DEFAULT_FORMAT, 2026, 12345, "四方",
                 "(2026)四方调字第12345号");
  /* No station name set yet. */
  assert_number (CONCORD_CASE_NUMBER_DEFAULT_FORMAT, 2026, 12, NULL,
                 "(2026)调字第0012号");
  assert_number (CONCORD_CASE_NUMBER_DEFAULT_FORMAT, 2026, 12, "",
                 "(2026)调字第0012号");
}

static void
test_placeholders (void)
{
  assert_number ("{seq}", 2026, 7, NULL, "7");
  assert_number ("{seq}", 2026, 0, NULL, "0");
  assert_number ("{seq:1}", 2026, 7, NULL, "7");
  assert_number ("{seq:3}", 2026, 7, NULL, "007");
  assert_number ("{seq:9}", 2026, 12, NULL, "000000012");
  assert_number ("{seq:9}", 2026, 4000000000u, NULL, "4000000000");
  assert_number ("{year}-{seq:5}", 2026, 42, NULL, "2026-00042");
}

static void
test_placeholders_more (void)
{
  assert_number ("{station}{station}{seq}", 2026, 3, "青", "青青3");
  assert_number ("（{year}）{station}民调字〔{seq:3}〕号", 2026, 5, "四方司法所",
                 "（2026）四方司法所民调字〔005〕号");
  /* The year is written with four digits. */
  assert_number ("{year}/{seq}", 999, 1, NULL, "0999/1");
  /* Literal braces. */
  assert_number ("{{{year}}}-{seq}", 2026, 7, NULL, "{2026}-7");
  assert_number ("{{seq}}{seq}", 2026, 7, NULL, "{seq}7");
  assert_number ("{{}}{seq}", 2026, 7, NULL, "{}7");
  assert_number ("{seq}}}", 2026, 7, NULL, "7}");
  /* The station's name is copied, braces and all, not read as a format. */
  assert_number ("{station}{seq}", 2026, 7, "{seq}", "{seq}7");
}

static void
test_bad_formats (void)
{
  assert_bad_format ("",
                     "The case number format must contain {seq}, the number of the case in the year");
  assert_bad_format ("({year}){station}调字第号",
                     "The case number format must contain {seq}, the number of the case in the year");
  assert_bad_format ("{{seq}}",
                     "The case number format must contain {seq}, the number of the case in the year");
  assert_bad_format ("{seq}-{seq}",
                     "The case number format contains {seq} more than once");
  assert_bad_format ("{seq:4}-{seq}",
                     "The case number format contains {seq} more than once");
  assert_bad_format ("{year}{year}{seq}",
                     "The case number format contains {year} more than once");
  assert_bad_format ("({yaer}){seq}",
                     "The case number format contains an unknown placeholder {yaer}; use {year}, {station}, {seq} or {seq:4}");
  assert_bad_format ("{Year}{seq}",
                     "The case number format contains an unknown placeholder {Year}; use {year}, {station}, {seq} or {seq:4}");
  assert_bad_format ("{ seq }",
                     "The case number format contains an unknown placeholder { seq }; use {year}, {station}, {seq} or {seq:4}");
  assert_bad_format ("{}{seq}",
                     "The case number format contains an unknown placeholder {}; use {year}, {station}, {seq} or {seq:4}");
  assert_bad_format ("{站点}{seq}",
                     "The case number format contains an unknown placeholder {站点}; use {year}, {station}, {seq} or {seq:4}");
  assert_bad_format ("{seq:0}",
                     "In {seq:0}, the number of digits must be from 1 to 9, as in {seq:4}");
  assert_bad_format ("{seq:10}",
                     "In {seq:10}, the number of digits must be from 1 to 9, as in {seq:4}");
  assert_bad_format ("{seq:}",
                     "In {seq:}, the number of digits must be from 1 to 9, as in {seq:4}");
  assert_bad_format ("{seq:x}",
                     "In {seq:x}, the number of digits must be from 1 to 9, as in {seq:4}");
  assert_bad_format ("{seq:-4}",
                     "In {seq:-4}, the number of digits must be from 1 to 9, as in {seq:4}");
  assert_bad_format ("({year}{seq",
                     "The placeholder “{seq” in the case number format has no closing }");
  assert_bad_format ("{seq}第{sta",
                     "The placeholder “{sta” in the case number format has no closing }");
  assert_bad_format ("{seq}}",
                     "A single } in the case number format must be written as }}");
  assert_bad_format ("调字}{seq}",
                     "A single } in the case number format must be written as }}");
  /* The first problem is the one reported. */
  assert_bad_format ("{bad}{seq}{seq}",
                     "The case number format contains an unknown placeholder {bad}; use {year}, {station}, {seq} or {seq:4}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-number/default-format", test_default_format);
  g_test_add_func ("/case-number/placeholders", test_placeholders);
  g_test_add_func ("/case-number/placeholders-more", test_placeholders_more);
  g_test_add_func ("/case-number/bad-formats", test_bad_formats);

  return g_test_run ();
}
