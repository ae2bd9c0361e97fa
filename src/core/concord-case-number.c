/* concord-case-number.c — case numbers from a per-station format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-case-number"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "concord-case-number.h"
#include "concord-error.h"

/* Walks @format once. With @out NULL it only checks; otherwise it appends
 * the case number for @year, @seq and @station to @out. */
static gboolean
expand_format (const char *format,
               int         year,
               guint       seq,
               const char *station,
               GString    *out,
               GError    **error)
{
  guint n_seq = 0;
  guint n_year = 0;
  const char *p = format;

  while (*p != '\0')
    {
      const char *close;
      g_autofree char *name = NULL;

      if (p[0] == '{' && p[1] == '{')
        {
          if (out != NULL)
            g_string_append_c (out, '{');
          p += 2;
          continue;
        }
      if (p[0] == '}')
        {
          if (p[1] != '}')
            {
              g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                                   _("A single } in the case number format must be written as }}"));
              return FALSE;
            }
          if (out != NULL)
            g_string_append_c (out, '}');
          p += 2;
          continue;
        }
      if (p[0] != '{')
        {
          const char *next = g_utf8_next_char (p);

          if (out != NULL)
            g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }

      close = strchr (p + 1, '}');
      if (close == NULL)
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("The placeholder “%s” in the case number format has no closing }"),
                       p);
          return FALSE;
        }
      name = g_strndup (p + 1, close - (p + 1));
      p = close + 1;

      if (g_str_equal (name, "year"))
        {
          if (++n_year > 1)
            {
              g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                                   _("The case number format contains {year} more than once"));
              return FALSE;
            }
          if (out != NULL)
            g_string_append_printf (out, "%04d", year);
        }
      else if (g_str_equal (name, "station"))
        {
          if (out != NULL && station != NULL)
            g_string_append (out, station);
        }
      else if (g_str_equal (name, "seq") || g_str_has_prefix (name, "seq:"))
        {
          int width = 0;

          if (name[3] == ':')
            {
              const char *digits = name + 4;

              if (!(g_ascii_isdigit (digits[0]) && digits[1] == '\0' && digits[0] != '0'))
                {
                  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                               _("In {%s}, the number of digits must be from 1 to 9, as in {seq:4}"),
                               name);
                  return FALSE;
                }
              width = digits[0] - '0';
            }
          if (++n_seq > 1)
            {
              g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                                   _("The case number format contains {seq} more than once"));
              return FALSE;
            }
          if (out != NULL)
            g_string_append_printf (out, "%0*u", width, seq);
        }
      else
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("The case number format contains an unknown placeholder {%s}; use {year}, {station}, {seq} or {seq:4}"),
                       name);
          return FALSE;
        }
    }

  if (n_seq == 0)
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("The case number format must contain {seq}, the number of the case in the year"));
      return FALSE;
    }
  return TRUE;
}

gboolean
concord_case_number_check_format (const char *format,
                                  GError    **error)
{
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (format, -1, NULL))
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("The case number format is not valid text"));
      return FALSE;
    }
  return expand_format (format, 0, 0, NULL, NULL, error);
}

char *
concord_case_number_format (const char *format,
                            int         year,
                            guint       seq,
                            const char *station,
                            GError    **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (year >= 0 && year <= 9999, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!concord_case_number_check_format (format, error))
    return NULL;

  out = g_string_new (NULL);
  if (!expand_format (format, year, seq, station, out, error))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
