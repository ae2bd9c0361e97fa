/* test-ids.h — valid mainland ID numbers for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <glib.h>

/* Completes the first 17 digits of a mainland ID number with its check
 * character (ISO 7064 MOD 11-2). */
static inline char *
fixture_resident_id (const char *first17)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char check[] = "10X98765432";
  int sum = 0;

  g_assert_cmpuint (strlen (first17), ==, 17);
  for (int i = 0; i < 17; i++)
    sum += (first17[i] - '0') * weights[i];
  return g_strdup_printf ("%s%c", first17, check[sum % 11]);
}
