/* concord-validate.c — validation of what people type at intake
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "concord-clock.h"
#include "concord-error.h"
#include "concord-validate.h"

/* Years a date may carry: the oldest resident ID numbers carry births in the
 * 1880s; anything past 2999 is a typing error. */
#define MIN_YEAR 1800
#define MAX_YEAR 2999

/* GB 32100 alphabet and weights. */
static const char credit_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int credit_weights[17] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
};

/* Provinces and the other first-two-digit codes of GB/T 2260 that resident
 * ID numbers (and residence permits for Hong Kong, Macao and Taiwan
 * residents, which use the same form) start with. */
static const char *const province_codes[] = {
  "11", "12", "13", "14", "15",
  "21", "22", "23",
  "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46",
  "50", "51", "52", "53", "54",
  "61", "62", "63", "64", "65",
  "71", "81", "82", "83",
};

/* Text helpers */

/* A copy of @text with full-width ASCII (what a Chinese input method gives
 * for digits, letters and punctuation) and the ideographic space turned to
 * plain ASCII, stripped at both ends. */
static char *
normalize_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c = c - 0xFF01 + 0x21;
      else if (c == 0x3000)
        c = ' ';
      g_string_append_unichar (out, c);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static int
read_digits (const char **p,
             int          max_digits,
             int         *n_digits)
{
  int value = 0;
  int n = 0;

  while (n < max_digits && g_ascii_isdigit (**p))
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  *n_digits = n;
  return value;
}

static gboolean
skip_prefix (const char **p,
             const char  *prefix)
{
  if (g_str_has_prefix (*p, prefix))
    {
      *p += strlen (prefix);
      return TRUE;
    }
  return FALSE;
}

static int
date_key (int year,
          int month,
          int day)
{
  return year * 10000 + month * 100 + day;
}

/* Today's date on the desk's clock, as a date_key(). */
static int
today_key (void)
{
  g_autoptr(GDateTime) now = concord_clock_now ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return date_key (g_date_time_get_year (local),
                   g_date_time_get_month (local),
                   g_date_time_get_day_of_month (local));
}

static gboolean
check_ymd (int      year,
           int      month,
           int      day,
           GError **error)
{
  if (year < MIN_YEAR || year > MAX_YEAR)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The year must be between %d and %d"), MIN_YEAR, MAX_YEAR);
      return FALSE;
    }
  if (month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("This date does not exist"));
      return FALSE;
    }
  return TRUE;
}

/* Reads a date at *p in any of the accepted forms and moves *p past it. */
static gboolean
parse_date_prefix (const char **p,
                   int         *year,
                   int         *month,
                   int         *day,
                   GError     **error)
{
  const char *s = *p;
  int n_year, n_month, n_day;

  *year = read_digits (&s, 8, &n_year);
  if (n_year == 8 && !g_ascii_isdigit (*s))
    {
      *day = *year % 100;
      *month = (*year / 100) % 100;
      *year /= 10000;
    }
  else if (n_year == 4 && (*s == '-' || *s == '/' || *s == '.'))
    {
      char sep = *s++;

      *month = read_digits (&s, 2, &n_month);
      if (n_month == 0 || *s != sep)
        goto bad_form;
      s++;
      *day = read_digits (&s, 2, &n_day);
      if (n_day == 0 || g_ascii_isdigit (*s))
        goto bad_form;
    }
  else if (n_year == 4 && skip_prefix (&s, "年"))
    {
      *month = read_digits (&s, 2, &n_month);
      if (n_month == 0 || !skip_prefix (&s, "月"))
        goto bad_form;
      *day = read_digits (&s, 2, &n_day);
      if (n_day == 0 || !(skip_prefix (&s, "日") || skip_prefix (&s, "号")))
        goto bad_form;
    }
  else
    goto bad_form;

  if (!check_ymd (*year, *month, *day, error))
    return FALSE;
  *p = s;
  return TRUE;

bad_form:
  g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("Enter the date as 2026-11-23"));
  return FALSE;
}

static gboolean
parse_date (const char *text,
            int        *year,
            int        *month,
            int        *day,
            GError    **error)
{
  g_autofree char *norm = normalize_text (text);
  const char *p = norm;

  if (*norm == '\0')
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("Enter a date"));
      return FALSE;
    }
  if (!parse_date_prefix (&p, year, month, day, error))
    return FALSE;
  if (*p != '\0')
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("Enter the date as 2026-11-23"));
      return FALSE;
    }
  return TRUE;
}

/* Resident ID numbers */

static char
resident_check_char (const char *digits17)
{
  static const char check_chars[] = "10X98765432";
  int sum = 0;

  for (int i = 0; i < 17; i++)
    {
      /* The weight of position i is 2^(17-i) mod 11. */
      int weight = (1 << (17 - i)) % 11;

      sum += (digits17[i] - '0') * weight;
    }
  return check_chars[sum % 11];
}

gboolean
concord_validate_resident_id (const char    *text,
                              ConcordIdInfo *info,
                              GError       **error)
{
  g_autofree char *norm = NULL;
  glong n_chars;
  int year, month, day;
  gboolean known_province = FALSE;
  char check;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  norm = normalize_text (text);
  n_chars = g_utf8_strlen (norm, -1);

  if (n_chars == 0)
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("Enter the ID number"));
      return FALSE;
    }
  if (n_chars == 15)
    {
      gboolean all_digits = TRUE;

      for (const char *p = norm; *p != '\0'; p++)
        all_digits = all_digits && g_ascii_isdigit (*p);
      if (all_digits)
        {
          g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                               _("This is an old 15-digit ID number; enter the 18-character number of the current card"));
          return FALSE;
        }
    }
  if (n_chars != 18)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("An ID number has 18 characters; this one has %ld"),
                   n_chars);
      return FALSE;
    }
  /* 18 characters and 18 bytes once we know they are all ASCII. */
  for (int i = 0; i < 18; i++)
    {
      char c = norm[i];

      if ((c & 0x80) != 0 ||
          !(g_ascii_isdigit (c) || (i == 17 && (c == 'X' || c == 'x'))))
        {
          g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                               _("An ID number has only digits, with an X allowed as the last character"));
          return FALSE;
        }
    }
  norm[17] = g_ascii_toupper (norm[17]);

  for (guint i = 0; i < G_N_ELEMENTS (province_codes); i++)
    known_province = known_province || strncmp (norm, province_codes[i], 2) == 0;
  if (!known_province)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("No province has the code %.2s that this ID number starts with"),
                   norm);
      return FALSE;
    }

  year = (norm[6] - '0') * 1000 + (norm[7] - '0') * 100 + (norm[8] - '0') * 10 + (norm[9] - '0');
  month = (norm[10] - '0') * 10 + (norm[11] - '0');
  day = (norm[12] - '0') * 10 + (norm[13] - '0');
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The date of birth in this ID number, %.4s-%.2s-%.2s, does not exist"),
                   norm + 6, norm + 10, norm + 12);
      return FALSE;
    }
  if (date_key (year, month, day) > today_key ())
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The date of birth in this ID number, %04d-%02d-%02d, is in the future"),
                   year, month, day);
      return FALSE;
    }

  check = resident_check_char (norm);
  if (check != norm[17])
    {
      /* Naming the expected check digit would invite changing the last
       * digit to fit, when the mistake is usually elsewhere. */
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("This ID number does not add up: a digit is wrong or two are swapped. Check every digit against the card."));
      return FALSE;
    }

  if (info != NULL)
    {
      memcpy (info->region, norm, 6);
      info->region[6] = '\0';
      g_snprintf (info->birth_date, sizeof info->birth_date,
                  "%04d-%02d-%02d", year, month, day);
      info->gender = ((norm[16] - '0') % 2 == 1) ? CONCORD_GENDER_MALE
                                                 : CONCORD_GENDER_FEMALE;
    }
  return TRUE;
}

/* Unified social credit codes */

gboolean
concord_validate_credit_code (const char *text,
                              GError    **error)
{
  static const struct { char bad; char meant; } look_alikes[] = {
    { 'I', '1' }, { 'O', '0' }, { 'Z', '2' }, { 'S', '5' }, { 'V', 'U' },
  };
  g_autofree char *norm = NULL;
  glong n_chars;
  int sum = 0;
  int check_value;
  char check;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  norm = normalize_text (text);
  n_chars = g_utf8_strlen (norm, -1);

  if (n_chars == 0)
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("Enter the unified social credit code"));
      return FALSE;
    }
  if (n_chars != 18)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("A unified social credit code has 18 characters; this one has %ld"),
                   n_chars);
      return FALSE;
    }

  for (int i = 0; i < 18; i++)
    {
      char c = g_ascii_toupper (norm[i]);
      const char *found;

      if ((norm[i] & 0x80) != 0)
        {
          g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                               _("A credit code has only digits and capital letters"));
          return FALSE;
        }
      found = c != '\0' ? strchr (credit_alphabet, c) : NULL;
      if (found == NULL)
        {
          for (guint j = 0; j < G_N_ELEMENTS (look_alikes); j++)
            if (look_alikes[j].bad == c)
              {
                g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                             _("A credit code never contains the letter %c; did you mean %c?"),
                             c, look_alikes[j].meant);
                return FALSE;
              }
          g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                               _("A credit code has only digits and capital letters"));
          return FALSE;
        }
      norm[i] = c;
      if (i < 17)
        sum += (int) (found - credit_alphabet) * credit_weights[i];
    }

  check_value = (31 - sum % 31) % 31;
  check = credit_alphabet[check_value];
  if (check != norm[17])
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("This credit code does not add up: a character is wrong or two are swapped. Check it against the licence."));
      return FALSE;
    }
  return TRUE;
}

/* Other documents */

static gboolean
all_match (const char *s,
           gboolean  (*pred) (gchar c))
{
  for (; *s != '\0'; s++)
    if (!pred (*s))
      return FALSE;
  return TRUE;
}

static gboolean
is_ascii_alnum (gchar c)
{
  return g_ascii_isalnum (c);
}

static gboolean
is_ascii_digit (gchar c)
{
  return g_ascii_isdigit (c);
}

static gboolean
is_ascii_alpha (gchar c)
{
  return g_ascii_isalpha (c);
}

static gboolean
check_other_document (ConcordIdType type,
                      const char   *norm,
                      GError      **error)
{
  gsize len = strlen (norm);

  switch (type)
    {
    case CONCORD_ID_PASSPORT:
      if (len < 5 || len > 17 || !all_match (norm, is_ascii_alnum))
        {
          g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                               _("A passport number has 5 to 17 letters and digits"));
          return FALSE;
        }
      return TRUE;

    case CONCORD_ID_HK_MACAO:
      if ((len != 9 && len != 11) ||
          (g_ascii_toupper (norm[0]) != 'H' && g_ascii_toupper (norm[0]) != 'M') ||
          !all_match (norm + 1, is_ascii_digit))
        {
          g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                               _("A travel permit number for Hong Kong and Macao residents is H or M followed by 8 or 10 digits"));
          return FALSE;
        }
      return TRUE;

    case CONCORD_ID_TAIWAN:
      if (len < 8 || len > 10 || !all_match (norm, is_ascii_digit))
        {
          g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                               _("A travel permit number for Taiwan residents has 8 to 10 digits"));
          return FALSE;
        }
      return TRUE;

    case CONCORD_ID_FOREIGN_RESIDENT:
      {
        /* The 2004 card: three letters (nationality) and 12 digits; the
         * 2023 card: 18 characters starting with 9, in the form of a
         * resident ID number. */
        gboolean old_form = len == 15 &&
          is_ascii_alpha (norm[0]) && is_ascii_alpha (norm[1]) && is_ascii_alpha (norm[2]) &&
          all_match (norm + 3, is_ascii_digit);
        gboolean new_form = FALSE;

        if (len == 18 && norm[0] == '9')
          {
            g_autofree char *first17 = g_strndup (norm, 17);

            new_form = all_match (first17, is_ascii_digit) &&
              (g_ascii_isdigit (norm[17]) || g_ascii_toupper (norm[17]) == 'X');
          }
        if (!old_form && !new_form)
          {
            g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                                 _("A foreign permanent resident ID number has 15 characters (three letters and 12 digits) or 18 characters starting with 9"));
            return FALSE;
          }
        return TRUE;
      }

    case CONCORD_ID_OTHER:
      {
        glong n_chars = g_utf8_strlen (norm, -1);

        for (const char *p = norm; *p != '\0'; p = g_utf8_next_char (p))
          if (!g_unichar_isprint (g_utf8_get_char (p)))
            {
              g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                                   _("This document number contains characters that cannot be printed"));
              return FALSE;
            }
        if (n_chars < 2 || n_chars > 40)
          {
            g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                                 _("A document number has 2 to 40 characters"));
            return FALSE;
          }
        return TRUE;
      }

    case CONCORD_ID_NONE:
    case CONCORD_ID_RESIDENT:
    case CONCORD_ID_CREDIT_CODE:
    case CONCORD_N_ID_TYPES:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
concord_validate_id_document (ConcordIdType  type,
                              const char    *number,
                              ConcordIdInfo *info,
                              GError       **error)
{
  g_autofree char *norm = NULL;

  g_return_val_if_fail (type < CONCORD_N_ID_TYPES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  norm = normalize_text (number);

  if (type == CONCORD_ID_NONE)
    {
      if (*norm != '\0')
        {
          g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                               _("Choose the type of document this number belongs to"));
          return FALSE;
        }
      return TRUE;
    }
  if (*norm == '\0')
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("Enter the document number"));
      return FALSE;
    }

  switch (type)
    {
    case CONCORD_ID_RESIDENT:
      return concord_validate_resident_id (norm, info, error);
    case CONCORD_ID_CREDIT_CODE:
      return concord_validate_credit_code (norm, error);
    case CONCORD_ID_PASSPORT:
    case CONCORD_ID_HK_MACAO:
    case CONCORD_ID_TAIWAN:
    case CONCORD_ID_FOREIGN_RESIDENT:
    case CONCORD_ID_OTHER:
      return check_other_document (type, norm, error);
    case CONCORD_ID_NONE:
    case CONCORD_N_ID_TYPES:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* Phones */

static void
set_phone_error (GError    **error,
                 const char *message)
{
  g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, message);
}

/* Splits "0532-88886666 转 123" into main part and extension at the first
 * extension marker; returns the extension digits (or NULL) and cuts @text. */
static gboolean
split_extension (char     *text,
                 char    **extension,
                 GError  **error)
{
  static const char *const markers[] = { "转", "分机", "ext.", "ext", "x", "#" };
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char *best = NULL;
  gsize best_len = 0;
  GString *digits;

  *extension = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      const char *found = strstr (lower, markers[i]);

      if (found != NULL && (best == NULL || found < best))
        {
          best = found;
          best_len = strlen (markers[i]);
        }
    }
  if (best == NULL)
    return TRUE;

  digits = g_string_new (NULL);
  for (const char *p = text + (best - lower) + best_len; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '-' && *p != ':' && *p != '.')
        {
          g_string_free (digits, TRUE);
          set_phone_error (error, _("An extension has 1 to 6 digits"));
          return FALSE;
        }
    }
  if (digits->len == 0 || digits->len > 6)
    {
      g_string_free (digits, TRUE);
      set_phone_error (error, _("An extension has 1 to 6 digits"));
      return FALSE;
    }
  text[best - lower] = '\0';
  *extension = g_string_free (digits, FALSE);
  return TRUE;
}

gboolean
concord_validate_phone (const char *text,
                        char      **normalized,
                        GError    **error)
{
  g_autofree char *norm = NULL;
  g_autofree char *extension = NULL;
  g_autoptr(GString) digits = NULL;
  /* Digit counts at which a space, hyphen or bracket separated groups. */
  g_autoptr(GArray) breaks = NULL;
  gboolean plus = FALSE;
  gboolean seen_digit = FALSE;
  gboolean had_country_code = FALSE;
  const char *d;
  gsize len;
  guint offset = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  norm = normalize_text (text);
  if (*norm == '\0')
    {
      set_phone_error (error, _("Enter a phone number"));
      return FALSE;
    }
  if (!split_extension (norm, &extension, error))
    return FALSE;

  digits = g_string_new (NULL);
  breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  for (const char *p = norm; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          seen_digit = TRUE;
        }
      else if (*p == ' ' || *p == '-' || *p == '(' || *p == ')')
        {
          guint at = (guint) digits->len;

          if (seen_digit && (breaks->len == 0 ||
                             g_array_index (breaks, guint, breaks->len - 1) != at))
            g_array_append_val (breaks, at);
        }
      else if (*p == '+' && !seen_digit && !plus)
        plus = TRUE;
      else
        {
          set_phone_error (error, _("A phone number has only digits, spaces and hyphens"));
          return FALSE;
        }
    }
  if (digits->len == 0)
    {
      set_phone_error (error, _("Enter a phone number"));
      return FALSE;
    }

  /* Country code: +86, 0086, or 86 in front of a mobile number. */
  if (plus || g_str_has_prefix (digits->str, "00"))
    {
      guint prefix = plus ? 2 : 4;

      if (!g_str_has_prefix (digits->str + (plus ? 0 : 2), "86"))
        {
          set_phone_error (error, _("Only phone numbers in mainland China (+86) can be checked"));
          return FALSE;
        }
      g_string_erase (digits, 0, prefix);
      offset = prefix;
      had_country_code = TRUE;
    }
  else if (digits->len == 13 && g_str_has_prefix (digits->str, "861"))
    {
      g_string_erase (digits, 0, 2);
      offset = 2;
      had_country_code = TRUE;
    }
  for (guint i = 0; i < breaks->len; i++)
    {
      guint *b = &g_array_index (breaks, guint, i);

      *b = *b > offset ? *b - offset : 0;
    }
  if (had_country_code && digits->len > 0 && digits->str[0] != '0' &&
      !(digits->str[0] == '1' && digits->len > 1 && digits->str[1] != '0'))
    {
      /* "+86 532 8888 6666": the area code loses its 0 abroad. */
      g_string_prepend_c (digits, '0');
      for (guint i = 0; i < breaks->len; i++)
        g_array_index (breaks, guint, i)++;
    }

  d = digits->str;
  len = digits->len;

  if (len == 0)
    {
      set_phone_error (error, _("Enter a phone number"));
      return FALSE;
    }

  if (d[0] == '1')
    {
      if (len <= 6)
        {
          set_phone_error (error, _("Service numbers such as 12345 or 110 cannot be used as a phone number"));
          return FALSE;
        }
      if (len != 11)
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("A mobile number has 11 digits starting with 1; this one has %u"),
                       (guint) len);
          return FALSE;
        }
      if (d[1] < '3')
        {
          set_phone_error (error, _("Mobile numbers start with 13 to 19; check the second digit"));
          return FALSE;
        }
      if (extension != NULL)
        {
          set_phone_error (error, _("A mobile number has no extension"));
          return FALSE;
        }
      if (normalized != NULL)
        *normalized = g_strdup (d);
      return TRUE;
    }

  if (d[0] == '0')
    {
      guint area_len = (d[1] == '1' || d[1] == '2') ? 3 : 4;
      gsize rest;
      gsize subscriber_len;

      if (len < 3 || d[1] == '0' || (d[1] == '1' && d[2] != '0'))
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("%.*s is not an area code in mainland China"),
                       (int) MIN (len, area_len), d);
          return FALSE;
        }
      if (len <= area_len)
        {
          set_phone_error (error, _("Enter the number after the area code"));
          return FALSE;
        }
      rest = len - area_len;
      subscriber_len = rest;
      if (extension == NULL && rest > 8)
        {
          /* Without a marker, an extension is a last group separated by a
           * space or a hyphen after 7 or 8 digits. */
          for (guint i = breaks->len; i > 0; i--)
            {
              guint b = g_array_index (breaks, guint, i - 1);

              if (b > area_len && b < len && (b - area_len == 7 || b - area_len == 8))
                {
                  subscriber_len = b - area_len;
                  break;
                }
            }
          if (subscriber_len != rest)
            {
              if (rest - subscriber_len > 6)
                {
                  set_phone_error (error, _("An extension has 1 to 6 digits"));
                  return FALSE;
                }
              extension = g_strdup (d + area_len + subscriber_len);
            }
        }
      if (subscriber_len < 7 || subscriber_len > 8)
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("A landline number has 7 or 8 digits after the area code; this one has %u"),
                       (guint) subscriber_len);
          return FALSE;
        }
      if (d[area_len] == '0' || d[area_len] == '1')
        {
          set_phone_error (error, _("The number after the area code cannot start with 0 or 1"));
          return FALSE;
        }
      if (normalized != NULL)
        {
          GString *out = g_string_new_len (d, area_len);

          g_string_append_c (out, '-');
          g_string_append_len (out, d + area_len, subscriber_len);
          if (extension != NULL)
            g_string_append_printf (out, "-%s", extension);
          *normalized = g_string_free (out, FALSE);
        }
      return TRUE;
    }

  /* Nationwide business numbers, e.g. 400-800-1234. */
  if (len == 10 && (g_str_has_prefix (d, "400") || g_str_has_prefix (d, "800")))
    {
      if (normalized != NULL)
        *normalized = extension != NULL ? g_strdup_printf ("%s-%s", d, extension)
                                        : g_strdup (d);
      return TRUE;
    }

  if (len <= 6)
    {
      set_phone_error (error, _("Service numbers such as 12345 or 95588 cannot be used as a phone number"));
      return FALSE;
    }
  if (len == 7 || len == 8)
    {
      set_phone_error (error, _("Add the area code to a landline number, for example 0532-88886666"));
      return FALSE;
    }
  set_phone_error (error, _("This is neither a mobile number (11 digits starting with 1) nor a landline number with its area code"));
  return FALSE;
}

/* Dates and times */

gboolean
concord_validate_date (const char *text,
                       char      **iso,
                       GError    **error)
{
  int year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_date (text, &year, &month, &day, error))
    return FALSE;
  if (iso != NULL)
    *iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return TRUE;
}

static void
skip_spaces (const char **p)
{
  while (**p == ' ' || **p == '\t')
    (*p)++;
}

static gboolean
parse_time (const char *p,
            int        *hour,
            int        *minute,
            int        *second,
            GError    **error)
{
  int n_hour, n_minute, n_second;

  *hour = *minute = *second = 0;

  *hour = read_digits (&p, 2, &n_hour);
  if (n_hour == 0)
    goto bad_form;
  if (*p == ':')
    {
      p++;
      *minute = read_digits (&p, 2, &n_minute);
      if (n_minute != 2)
        goto bad_form;
      if (*p == ':')
        {
          p++;
          *second = read_digits (&p, 2, &n_second);
          if (n_second != 2)
            goto bad_form;
        }
    }
  else if (skip_prefix (&p, "时") || skip_prefix (&p, "点"))
    {
      skip_spaces (&p);
      if (*p != '\0')
        {
          *minute = read_digits (&p, 2, &n_minute);
          if (n_minute == 0 || !skip_prefix (&p, "分"))
            goto bad_form;
        }
    }
  else
    goto bad_form;

  skip_spaces (&p);
  if (*p != '\0')
    goto bad_form;

  if (*hour > 23 || *minute > 59 || *second > 59)
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("This time does not exist"));
      return FALSE;
    }
  return TRUE;

bad_form:
  g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("Enter the date and time as 2026-11-23 14:30"));
  return FALSE;
}

gboolean
concord_validate_local_datetime (const char *text,
                                 GTimeZone  *tz,
                                 char      **utc_iso,
                                 GError    **error)
{
  g_autofree char *norm = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) when = NULL;
  const char *p;
  int year, month, day;
  int hour = 0, minute = 0, second = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  norm = normalize_text (text);
  if (*norm == '\0')
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("Enter a date and time"));
      return FALSE;
    }
  p = norm;
  if (!parse_date_prefix (&p, &year, &month, &day, error))
    return FALSE;

  if (*p != '\0')
    {
      const char *date_end = p;

      /* "2026-11-23 14:30", "2026-11-23T14:30", "2026年11月23日14时30分" */
      skip_spaces (&p);
      if (p == date_end && *p == 'T')
        p++;
      if (!parse_time (p, &hour, &minute, &second, error))
        return FALSE;
    }

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  when = g_date_time_new (tz, year, month, day, hour, minute, second);
  if (when == NULL)
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("This time does not exist"));
      return FALSE;
    }
  if (utc_iso != NULL)
    *utc_iso = concord_clock_format_iso (when);
  return TRUE;
}

char *
concord_format_local_datetime (const char *utc_iso,
                               GTimeZone  *tz)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  /* A case without a time of incident is common; NULL in, NULL out. */
  if (utc_iso == NULL)
    return NULL;
  utc = concord_clock_parse_iso (utc_iso);
  if (utc == NULL)
    return NULL;
  if (tz != NULL)
    local = g_date_time_to_timezone (utc, tz);
  else
    local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Whole cases */

/* Normalising */

static void
normalize_blank (char **field)
{
  if (*field != NULL && concord_text_is_blank (*field))
    g_clear_pointer (field, g_free);
}

static void
normalize_phone (char **phone)
{
  g_autofree char *normalized = NULL;

  normalize_blank (phone);
  if (*phone != NULL && concord_validate_phone (*phone, &normalized, NULL))
    {
      g_free (*phone);
      *phone = g_steal_pointer (&normalized);
    }
}

static void
normalize_date (char **date)
{
  g_autofree char *iso = NULL;

  normalize_blank (date);
  if (*date != NULL && concord_validate_date (*date, &iso, NULL))
    {
      g_free (*date);
      *date = g_steal_pointer (&iso);
    }
}

static void
normalize_time (char **time)
{
  g_autoptr(GDateTime) parsed = NULL;

  normalize_blank (time);
  if (*time != NULL && (parsed = concord_clock_parse_iso (*time)) != NULL)
    {
      g_free (*time);
      *time = concord_clock_format_iso (parsed);
    }
}

static void
strip_text (char **field)
{
  concord_set_text (field, *field);
}

static void
normalize_party (ConcordParty *party)
{
  strip_text (&party->name);
  strip_text (&party->ethnicity);
  normalize_date (&party->birth_date);
  strip_text (&party->id_number);
  if (party->id_number != NULL &&
      (party->id_type == CONCORD_ID_RESIDENT || party->id_type == CONCORD_ID_CREDIT_CODE))
    {
      char *upper = g_ascii_strup (party->id_number, -1);

      g_free (party->id_number);
      party->id_number = upper;
    }
  normalize_phone (&party->phone);
  strip_text (&party->address);
  strip_text (&party->occupation);
  normalize_blank (&party->claims);
  strip_text (&party->agent_relation);
  if (party->agent != NULL)
    normalize_party (party->agent);
}

void
concord_team_member_normalize (ConcordTeamMember *member)
{
  g_return_if_fail (member != NULL);

  strip_text (&member->name);
  normalize_phone (&member->phone);
  strip_text (&member->id_number);
  strip_text (&member->organisation);
  strip_text (&member->username);
}

void
concord_case_normalize (ConcordCase *c)
{
  g_return_if_fail (c != NULL);

  strip_text (&c->referred_by);
  strip_text (&c->incident_no);
  normalize_time (&c->occurred_at);
  strip_text (&c->place);
  strip_text (&c->category);
  normalize_blank (&c->facts);
  normalize_time (&c->received_at);
  normalize_time (&c->due_at);
  for (guint i = 0; i < c->parties->len; i++)
    normalize_party (g_ptr_array_index (c->parties, i));
  for (guint i = 0; i < c->team->len; i++)
    concord_team_member_normalize (g_ptr_array_index (c->team, i));
}

void
concord_problem_free (ConcordProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray  *problems,
             char       *field,
             const char *message)
{
  ConcordProblem *problem = g_new0 (ConcordProblem, 1);

  problem->field = field;
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

/* Checks the particulars of a party or of its agent; @prefix is "party/0"
 * or "party/0/agent". */
static void
check_person (GPtrArray          *problems,
              const char         *prefix,
              const ConcordParty *party,
              gboolean            is_agent)
{
  g_autofree char *birth_iso = NULL;
  gboolean birth_ok = FALSE;

  if (concord_text_is_blank (party->name))
    add_problem (problems, g_strdup_printf ("%s/name", prefix),
                 is_agent ? _("Enter the agent's name, or choose “No agent”")
                          : _("Enter the party's name"));

  if (!concord_text_is_blank (party->birth_date))
    {
      g_autoptr(GError) error = NULL;
      int year, month, day;

      if (!parse_date (party->birth_date, &year, &month, &day, &error))
        add_problem (problems, g_strdup_printf ("%s/birth_date", prefix), error->message);
      else if (date_key (year, month, day) > today_key ())
        add_problem (problems, g_strdup_printf ("%s/birth_date", prefix),
                     _("The date of birth is in the future"));
      else
        {
          birth_iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
          birth_ok = TRUE;
        }
    }

  if (!concord_text_is_blank (party->id_number))
    {
      g_autoptr(GError) error = NULL;
      ConcordIdInfo info = { 0 };

      if (!concord_validate_id_document (party->id_type, party->id_number, &info, &error))
        add_problem (problems, g_strdup_printf ("%s/id_number", prefix), error->message);
      else if (party->id_type == CONCORD_ID_RESIDENT)
        {
          if (birth_ok && !g_str_equal (birth_iso, info.birth_date))
            {
              g_autofree char *message =
                g_strdup_printf (_("This does not match the ID number, which gives %s"),
                                 info.birth_date);

              add_problem (problems, g_strdup_printf ("%s/birth_date", prefix), message);
            }
          if (party->gender != CONCORD_GENDER_UNKNOWN && party->gender != info.gender)
            add_problem (problems, g_strdup_printf ("%s/gender", prefix),
                         info.gender == CONCORD_GENDER_MALE
                           ? _("This does not match the ID number, which is a man's")
                           : _("This does not match the ID number, which is a woman's"));
        }
    }

  if (!concord_text_is_blank (party->phone))
    {
      g_autoptr(GError) error = NULL;

      if (!concord_validate_phone (party->phone, NULL, &error))
        add_problem (problems, g_strdup_printf ("%s/phone", prefix), error->message);
    }
}

GPtrArray *
concord_case_validate (const ConcordCase *c)
{
  GPtrArray *problems;

  g_return_val_if_fail (c != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_problem_free);

  if (c->occurred_at != NULL)
    {
      g_autoptr(GDateTime) when = concord_clock_parse_iso (c->occurred_at);
      g_autoptr(GDateTime) now = concord_clock_now ();

      if (when == NULL)
        add_problem (problems, g_strdup ("occurred_at"),
                     _("Enter the date and time as 2026-11-23 14:30"));
      else if (g_date_time_difference (when, now) > G_TIME_SPAN_DAY)
        add_problem (problems, g_strdup ("occurred_at"),
                     _("This time is in the future"));
    }

  if (concord_text_is_blank (c->facts))
    add_problem (problems, g_strdup ("facts"),
                 _("Describe the dispute in at least one sentence"));

  /* Every party needs a name; with no party at all, ask for the first. */
  if (c->parties == NULL || c->parties->len == 0)
    add_problem (problems, g_strdup ("party/0/name"),
                 _("Enter the name of at least one party"));

  for (guint i = 0; c->parties != NULL && i < c->parties->len; i++)
    {
      const ConcordParty *party = g_ptr_array_index (c->parties, i);
      g_autofree char *prefix = g_strdup_printf ("party/%u", i);

      check_person (problems, prefix, party, FALSE);

      if (party->agent_kind != CONCORD_AGENT_NONE)
        {
          g_autofree char *agent_prefix = g_strdup_printf ("party/%u/agent", i);

          if (party->agent == NULL)
            add_problem (problems, g_strdup_printf ("%s/name", agent_prefix),
                         _("Enter the agent's name, or choose “No agent”"));
          else
            check_person (problems, agent_prefix, party->agent, TRUE);
        }
    }

  for (guint i = 0; c->team != NULL && i < c->team->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (c->team, i);

      if (concord_text_is_blank (member->name))
        add_problem (problems, g_strdup_printf ("team/%u/name", i),
                     _("Enter the team member's name"));
      if (!concord_text_is_blank (member->phone))
        {
          g_autoptr(GError) error = NULL;

          if (!concord_validate_phone (member->phone, NULL, &error))
            add_problem (problems, g_strdup_printf ("team/%u/phone", i), error->message);
        }
    }

  /* 公安机关办理行政案件程序规定 art. 179: these cases are not mediated by
   * the police. */
  if (c->mediation_type == CONCORD_MEDIATION_POLICE && c->police_exclusions != 0)
    {
      g_autoptr(GString) which = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint bit = 0; bit < CONCORD_N_EXCLUSIONS; bit++)
        if (c->police_exclusions & (1u << bit))
          {
            if (which->len > 0)
              /* Translators: separates items of a list */
              g_string_append (which, _("; "));
            g_string_append (which, concord_police_exclusion_label (1u << bit));
          }
      message = g_strdup_printf (_("Police mediation does not apply (police procedure rules art. 179): %s. "
                                   "Choose another type of mediation."), which->str);
      add_problem (problems, g_strdup ("police_exclusions"), message);
    }

  return problems;
}

/* Conflicts of interest */

void
concord_conflict_free (ConcordConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->message);
  g_free (conflict);
}

static char *
name_key (const char *name)
{
  g_autofree char *norm = NULL;
  GString *out;
  char *key;

  if (name == NULL)
    return NULL;
  norm = normalize_text (name);
  out = g_string_new (NULL);
  for (const char *p = norm; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  key = g_utf8_casefold (out->str, -1);
  g_string_free (out, TRUE);
  return key;
}

static char *
phone_key (const char *phone)
{
  char *normalized = NULL;
  g_autofree char *norm = NULL;
  GString *digits;

  if (phone == NULL)
    return NULL;
  if (concord_validate_phone (phone, &normalized, NULL))
    return normalized;
  /* Not a valid number, but two equal mistakes are still the same number. */
  norm = normalize_text (phone);
  digits = g_string_new (NULL);
  for (const char *p = norm; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (digits->len < 5)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

static char *
id_key (const char *id_number)
{
  g_autofree char *norm = NULL;
  GString *out;

  if (id_number == NULL)
    return NULL;
  norm = normalize_text (id_number);
  out = g_string_new (NULL);
  for (const char *p = norm; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, g_ascii_toupper (*p));
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static gboolean
keys_equal (const char *a,
            const char *b)
{
  return a != NULL && b != NULL && g_str_equal (a, b);
}

typedef enum
{
  MATCH_NONE,
  MATCH_NAME,
  MATCH_PHONE,
  MATCH_ID,
} MatchKind;

/* The strongest thing @member shares with @person. */
static MatchKind
match_person (const ConcordTeamMember *member,
              const ConcordParty      *person)
{
  g_autofree char *member_id = id_key (member->id_number);
  g_autofree char *person_id = id_key (person->id_number);
  g_autofree char *member_phone = NULL;
  g_autofree char *person_phone = NULL;
  g_autofree char *member_name = NULL;
  g_autofree char *person_name = NULL;

  if (keys_equal (member_id, person_id))
    return MATCH_ID;
  member_phone = phone_key (member->phone);
  person_phone = phone_key (person->phone);
  if (keys_equal (member_phone, person_phone))
    return MATCH_PHONE;
  member_name = name_key (member->name);
  person_name = name_key (person->name);
  if (keys_equal (member_name, person_name))
    return MATCH_NAME;
  return MATCH_NONE;
}

static char *
conflict_message (MatchKind   match,
                  const char *member,
                  const char *role,
                  const char *party,
                  const char *agent)
{
  if (agent == NULL)
    {
      switch (match)
        {
        case MATCH_ID:
          /* Translators: "Zhang Wei (Mediator) has the same ID number as party Wu" */
          return g_strdup_printf (_("%s (%s) has the same ID number as party %s"),
                                  member, role, party);
        case MATCH_PHONE:
          return g_strdup_printf (_("%s (%s) has the same phone number as party %s"),
                                  member, role, party);
        case MATCH_NAME:
          return g_strdup_printf (_("%s (%s) has the same name as party %s"),
                                  member, role, party);
        case MATCH_NONE:
        default:
          g_assert_not_reached ();
        }
    }

  switch (match)
    {
    case MATCH_ID:
      /* Translators: "Zhang Wei (Lawyer) has the same ID number as Li Na,
       * who speaks for party Wu" — Li Na is the party's agent or guardian */
      return g_strdup_printf (_("%s (%s) has the same ID number as %s, who speaks for party %s"),
                              member, role, agent, party);
    case MATCH_PHONE:
      return g_strdup_printf (_("%s (%s) has the same phone number as %s, who speaks for party %s"),
                              member, role, agent, party);
    case MATCH_NAME:
      return g_strdup_printf (_("%s (%s) has the same name as %s, who speaks for party %s"),
                              member, role, agent, party);
    case MATCH_NONE:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
add_conflict (GPtrArray  *conflicts,
              guint       member_index,
              guint       party_index,
              char       *message)
{
  ConcordConflict *conflict = g_new0 (ConcordConflict, 1);

  conflict->member_index = member_index;
  conflict->party_index = party_index;
  conflict->message = message;
  g_ptr_array_add (conflicts, conflict);
}

GPtrArray *
concord_case_find_conflicts (const ConcordCase *c)
{
  GPtrArray *conflicts;

  g_return_val_if_fail (c != NULL, NULL);

  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_conflict_free);
  if (c->team == NULL || c->parties == NULL)
    return conflicts;

  for (guint i = 0; i < c->team->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (c->team, i);
      const char *role = member->role < CONCORD_N_TEAM_ROLES
        ? concord_team_role_label (member->role) : "";
      const char *member_name = !concord_text_is_blank (member->name) ? member->name : _("A team member");

      for (guint j = 0; j < c->parties->len; j++)
        {
          const ConcordParty *party = g_ptr_array_index (c->parties, j);
          const char *party_name = !concord_text_is_blank (party->name) ? party->name : _("(no name)");
          MatchKind match;

          match = match_person (member, party);
          if (match != MATCH_NONE)
            add_conflict (conflicts, i, j,
                          conflict_message (match, member_name, role, party_name, NULL));

          if (party->agent_kind != CONCORD_AGENT_NONE && party->agent != NULL)
            {
              const ConcordParty *agent = party->agent;
              const char *agent_name = !concord_text_is_blank (agent->name) ? agent->name : _("(no name)");

              match = match_person (member, agent);
              if (match != MATCH_NONE)
                add_conflict (conflicts, i, j,
                              conflict_message (match, member_name, role, party_name, agent_name));
            }
        }
    }
  return conflicts;
}
