/* test-validate.c — ID numbers, credit codes, phones, dates, whole cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "concord-core.h"

/* The fixed clock of every test: 2026-11-23 13:22:25 in Beijing. */
#define TEST_NOW "2026-11-23T05:22:25Z"

/* Helpers */

/* The ISO 7064 MOD 11-2 check character, computed independently of the
 * code under test (weights written out as GB 11643 lists them). */
static char
id_check_char (const char *first17)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char chars[] = "10X98765432";
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (first17[i] - '0') * weights[i];
  return chars[sum % 11];
}

/* A complete ID number for @region (6 digits), @birth (YYYYMMDD) and
 * @serial (3 digits). */
static char *
make_id (const char *region,
         const char *birth,
         const char *serial)
{
  char *id = g_strdup_printf ("%s%s%sC", region, birth, serial);

  g_assert_cmpuint (strlen (id), ==, 18);
  id[17] = id_check_char (id);
  return id;
}

static char
credit_check_char (const char *first17)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (int) (strchr (alphabet, first17[i]) - alphabet) * weights[i];
  return alphabet[(31 - sum % 31) % 31];
}

/* "input → normalised" or "input → error message": one string to compare,
 * so a failure names the input. */
static char *
phone_result (const char *input)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  if (concord_validate_phone (input, &normalized, &error))
    {
      g_assert_no_error (error);
      return g_strdup_printf ("%s → %s", input, normalized);
    }
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_assert_null (normalized);
  return g_strdup_printf ("%s → %s", input, error->message);
}

static char *
date_result (const char *input)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  if (concord_validate_date (input, &iso, &error))
    return g_strdup_printf ("%s → %s", input, iso);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_assert_null (iso);
  return g_strdup_printf ("%s → %s", input, error->message);
}

static char *
datetime_result (const char *input,
                 GTimeZone  *tz)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *utc = NULL;

  if (concord_validate_local_datetime (input, tz, &utc, &error))
    return g_strdup_printf ("%s → %s", input, utc);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_assert_null (utc);
  return g_strdup_printf ("%s → %s", input, error->message);
}

static char *
document_result (ConcordIdType type,
                 const char   *input)
{
  g_autoptr(GError) error = NULL;

  if (concord_validate_id_document (type, input, NULL, &error))
    return g_strdup_printf ("%s → ok", input);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  return g_strdup_printf ("%s → %s", input, error->message);
}

typedef struct
{
  const char *input;
  const char *expected;         /* result, or error message */
} Case;

#define CHECK_TABLE(table, result_func) \
  G_STMT_START { \
    for (guint i_ = 0; i_ < G_N_ELEMENTS (table); i_++) \
      { \
        g_autofree char *got_ = result_func (table[i_].input); \
        g_autofree char *want_ = g_strdup_printf ("%s → %s", table[i_].input, table[i_].expected); \
        g_assert_cmpstr (got_, ==, want_); \
      } \
  } G_STMT_END

static void
assert_id_error (const char *id,
                 const char *message)
{
  g_autoptr(GError) error = NULL;
  ConcordIdInfo info = { "unset", "unset", CONCORD_GENDER_UNKNOWN };

  g_assert_false (concord_validate_resident_id (id, &info, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  /* @info is left alone on failure. */
  g_assert_cmpstr (info.region, ==, "unset");
}

static void
assert_id_ok (const char    *id,
              const char    *region,
              const char    *birth_date,
              ConcordGender  gender)
{
  g_autoptr(GError) error = NULL;
  ConcordIdInfo info = { "", "", CONCORD_GENDER_UNKNOWN };

  g_assert_true (concord_validate_resident_id (id, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.region, ==, region);
  g_assert_cmpstr (info.birth_date, ==, birth_date);
  g_assert_cmpint (info.gender, ==, gender);
}

static ConcordParty *
party_named (const char *name)
{
  ConcordParty *party = concord_party_new ();

  concord_set_text (&party->name, name);
  return party;
}

static ConcordTeamMember *
member_named (const char      *name,
              ConcordTeamRole  role)
{
  ConcordTeamMember *member = concord_team_member_new ();

  concord_set_text (&member->name, name);
  member->role = role;
  return member;
}

/* A case that passes: one party with a name and one sentence of facts. */
static ConcordCase *
minimal_case (void)
{
  ConcordCase *c = concord_case_new ();

  concord_set_text (&c->facts, "楼上漏水，楼下要求赔偿。");
  g_ptr_array_add (c->parties, party_named ("吴某"));
  return c;
}

/* All problems as "field: message" lines, to compare in one go. */
static char *
problems_text (const ConcordCase *c)
{
  g_autoptr(GPtrArray) problems = concord_case_validate (c);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      ConcordProblem *problem = g_ptr_array_index (problems, i);

      g_assert_nonnull (problem->field);
      g_assert_nonnull (problem->message);
      g_assert_cmpstr (problem->message, !=, "");
      g_string_append_printf (out, "%s: %s\n", problem->field, problem->message);
    }
  return g_string_free (out, FALSE);
}

/* Resident ID numbers */

static void
test_resident_id_known (void)
{
  /* Published examples: a woman born 1949-12-31 in Beijing's Chaoyang
   * district, a man born 1880-01-01 in Guangdong. */
  assert_id_ok ("11010519491231002X", "110105", "1949-12-31", CONCORD_GENDER_FEMALE);
  assert_id_ok ("440524188001010014", "440524", "1880-01-01", CONCORD_GENDER_MALE);
  /* Lower-case x, surrounding spaces, full-width digits from an input method. */
  assert_id_ok ("11010519491231002x", "110105", "1949-12-31", CONCORD_GENDER_FEMALE);
  assert_id_ok ("  11010519491231002X\t", "110105", "1949-12-31", CONCORD_GENDER_FEMALE);
  assert_id_ok ("１１０１０５１９４９１２３１００２Ｘ", "110105", "1949-12-31", CONCORD_GENDER_FEMALE);
  assert_id_ok ("１１０１０５１９４９１２３１００２ｘ", "110105", "1949-12-31", CONCORD_GENDER_FEMALE);

  /* No info wanted. */
  g_assert_true (concord_validate_resident_id ("440524188001010014", NULL, NULL));
}

static void
test_resident_id_generated (void)
{
  static const char *regions[] = { "370202", "110105", "440304", "510104", "650102", "810000", "830000" };
  static const char *births[] = { "19000101", "19491001", "19800229", "19991231", "20000229", "20261123" };
  static const char *serials[] = { "001", "002", "123", "998", "519", "000" };

  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    for (guint b = 0; b < G_N_ELEMENTS (births); b++)
      for (guint s = 0; s < G_N_ELEMENTS (serials); s++)
        {
          g_autofree char *id = make_id (regions[r], births[b], serials[s]);
          g_autofree char *iso = g_strdup_printf ("%.4s-%.2s-%.2s", births[b], births[b] + 4, births[b] + 6);
          ConcordGender gender = ((serials[s][2] - '0') % 2) ? CONCORD_GENDER_MALE : CONCORD_GENDER_FEMALE;
          char right = id[17];
          const char *all = "0123456789X";

          assert_id_ok (id, regions[r], iso, gender);

          /* Every other last character is refused. */
          for (const char *wrong = all; *wrong != '\0'; wrong++)
            {
              g_autofree char *message = NULL;

              if (*wrong == right)
                continue;
              id[17] = *wrong;
              message = g_strdup ("This ID number does not add up: a digit is wrong or two are swapped. Check every digit against the card.");
              assert_id_error (id, message);
            }
          id[17] = right;

          /* A mistyped digit in the serial is caught by the check digit. */
          id[15] = id[15] == '9' ? '0' : id[15] + 1;
          g_assert_false (concord_validate_resident_id (id, NULL, NULL));
        }
}

static void
test_resident_id_errors (void)
{
  g_autofree char *feb30 = make_id ("110105", "19990230", "001");
  g_autofree char *month13 = make_id ("110105", "19991301", "001");
  g_autofree char *tomorrow = make_id ("110105", "20261124", "001");
  g_autofree char *today = make_id ("110105", "20261123", "001");
  g_autofree char *future = make_id ("110105", "20300101", "001");
  g_autofree char *province = make_id ("990105", "19491231", "002");
  g_autofree char *too_old = make_id ("110105", "17991231", "002");

  assert_id_error ("110105194912310021",
                   "This ID number does not add up: a digit is wrong or two are swapped. Check every digit against the card.");
  assert_id_error ("440524188001010015",
                   "This ID number does not add up: a digit is wrong or two are swapped. Check every digit against the card.");
  assert_id_error ("11010519491231002",
                   "An ID number has 18 characters; this one has 17");
  assert_id_error ("11010519491231002X1",
                   "An ID number has 18 characters; this one has 19");
  assert_id_error ("",
                   "Enter the ID number");
  assert_id_error ("   ",
                   "Enter the ID number");
  assert_id_error ("110105491231002",
                   "This is an old 15-digit ID number; enter the 18-character number of the current card");
  assert_id_error ("1101051949123100AX",
                   "An ID number has only digits, with an X allowed as the last character");
  assert_id_error ("X10105194912310020",
                   "An ID number has only digits, with an X allowed as the last character");
  assert_id_error ("110105 1949123100X",
                   "An ID number has only digits, with an X allowed as the last character");
  assert_id_error ("11010519491231002Y",
                   "An ID number has only digits, with an X allowed as the last character");
  /* 18 characters, but not 18 bytes. */
  assert_id_error ("1101051949123100二X",
                   "An ID number has only digits, with an X allowed as the last character");
  assert_id_error (feb30,
                   "The date of birth in this ID number, 1999-02-30, does not exist");
  assert_id_error (month13,
                   "The date of birth in this ID number, 1999-13-01, does not exist");
  assert_id_error (too_old,
                   "The date of birth in this ID number, 1799-12-31, does not exist");
  assert_id_error (tomorrow,
                   "The date of birth in this ID number, 2026-11-24, is in the future");
  assert_id_error (future,
                   "The date of birth in this ID number, 2030-01-01, is in the future");
  assert_id_error (province,
                   "No province has the code 99 that this ID number starts with");

  /* Born today is fine. */
  assert_id_ok (today, "110105", "2026-11-23", CONCORD_GENDER_MALE);
}

static void
test_resident_id_uses_clock (void)
{
  g_autofree char *born = make_id ("110105", "20261123", "001");

  /* 2026-11-22 17:00 UTC is already 2026-11-23 01:00 in Beijing: "today"
   * is the desk's local date. */
  g_setenv ("CONCORD_NOW", "2026-11-22T17:00:00Z", TRUE);
  assert_id_ok (born, "110105", "2026-11-23", CONCORD_GENDER_MALE);

  g_setenv ("CONCORD_NOW", "2026-11-22T15:59:59Z", TRUE);
  assert_id_error (born, "The date of birth in this ID number, 2026-11-23, is in the future");

  g_setenv ("CONCORD_NOW", TEST_NOW, TRUE);
}

/* Unified social credit codes */

static void
test_credit_code (void)
{
  static const char *valid[] = {
    "91350100M000100Y43",
    "91110000100006485K",
    "91440300708461136T",
    "91110108551385082Q",
    "91110108551385082q",       /* lower case is read as upper case */
    " 91440300708461136T ",
  };
  static const Case errors[] = {
    { "91350100M000100Y44", "This credit code does not add up: a character is wrong or two are swapped. Check it against the licence." },
    { "91110000100006485J", "This credit code does not add up: a character is wrong or two are swapped. Check it against the licence." },
    { "91350100M000100Y4", "A unified social credit code has 18 characters; this one has 17" },
    { "91350100M000100Y433", "A unified social credit code has 18 characters; this one has 19" },
    { "", "Enter the unified social credit code" },
    { "91350100I000100Y43", "A credit code never contains the letter I; did you mean 1?" },
    { "91350100O000100Y43", "A credit code never contains the letter O; did you mean 0?" },
    { "9135010ZM000100Y43", "A credit code never contains the letter Z; did you mean 2?" },
    { "91350100S000100Y43", "A credit code never contains the letter S; did you mean 5?" },
    { "91350100V000100Y43", "A credit code never contains the letter V; did you mean U?" },
    { "91350100-000100Y43", "A credit code has only digits and capital letters" },
    { "9135010统M000100Y43", "A credit code has only digits and capital letters" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (concord_validate_credit_code (valid[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (concord_validate_credit_code (errors[i].input, &error));
      g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, errors[i].expected);
    }

  /* Generated codes: the right check character passes, every other one of
   * the 31 fails. */
  {
    static const char *bodies[] = {
      "91370202MA3C12345", "12100000400000624", "51110000500000000", "Y1110105MA01ABCDE",
    };
    static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
      {
        char code[19];
        char right = credit_check_char (bodies[i]);

        g_snprintf (code, sizeof code, "%s%c", bodies[i], right);
        g_assert_true (concord_validate_credit_code (code, NULL));
        for (const char *c = alphabet; *c != '\0'; c++)
          if (*c != right)
            {
              code[17] = *c;
              g_assert_false (concord_validate_credit_code (code, NULL));
            }
      }
  }
}

/* Other documents */

static void
test_id_document (void)
{
  static const Case passports[] = {
    { "E12345678", "ok" },
    { "G1234567", "ok" },
    { "e12345678", "ok" },
    { "AB12", "A passport number has 5 to 17 letters and digits" },
    { "E1234 5678", "A passport number has 5 to 17 letters and digits" },
    { "E123456789012345678", "A passport number has 5 to 17 letters and digits" },
    { "", "Enter the document number" },
  };
  static const Case hk_macao[] = {
    { "H12345678", "ok" },
    { "M1234567801", "ok" },
    { "h12345678", "ok" },
    { "X12345678", "A travel permit number for Hong Kong and Macao residents is H or M followed by 8 or 10 digits" },
    { "H1234567", "A travel permit number for Hong Kong and Macao residents is H or M followed by 8 or 10 digits" },
    { "H1234567A", "A travel permit number for Hong Kong and Macao residents is H or M followed by 8 or 10 digits" },
  };
  static const Case taiwan[] = {
    { "12345678", "ok" },
    { "1234567890", "ok" },
    { "1234567", "A travel permit number for Taiwan residents has 8 to 10 digits" },
    { "T1234567", "A travel permit number for Taiwan residents has 8 to 10 digits" },
  };
  static const Case foreign[] = {
    { "USA123456789012", "ok" },
    { "911234567890123456", "ok" },
    { "91123456789012345X", "ok" },
    { "US1234567890123", "A foreign permanent resident ID number has 15 characters (three letters and 12 digits) or 18 characters starting with 9" },
    { "811234567890123456", "A foreign permanent resident ID number has 15 characters (three letters and 12 digits) or 18 characters starting with 9" },
  };
  static const Case other[] = {
    { "军官证第12345号", "ok" },
    { "AB", "ok" },
    { "A", "A document number has 2 to 40 characters" },
    { "0123456789012345678901234567890123456789X", "A document number has 2 to 40 characters" },
  };

#define CHECK_DOCS(table, type) \
  for (guint i = 0; i < G_N_ELEMENTS (table); i++) \
    { \
      g_autofree char *got = document_result (type, table[i].input); \
      g_autofree char *want = g_strdup_printf ("%s → %s", table[i].input, table[i].expected); \
      g_assert_cmpstr (got, ==, want); \
    }

  CHECK_DOCS (passports, CONCORD_ID_PASSPORT);
  CHECK_DOCS (hk_macao, CONCORD_ID_HK_MACAO);
  CHECK_DOCS (taiwan, CONCORD_ID_TAIWAN);
  CHECK_DOCS (foreign, CONCORD_ID_FOREIGN_RESIDENT);
  CHECK_DOCS (other, CONCORD_ID_OTHER);
#undef CHECK_DOCS

  /* No document: only an empty number. */
  g_assert_true (concord_validate_id_document (CONCORD_ID_NONE, NULL, NULL, NULL));
  g_assert_true (concord_validate_id_document (CONCORD_ID_NONE, "", NULL, NULL));
  g_assert_true (concord_validate_id_document (CONCORD_ID_NONE, "  ", NULL, NULL));
  {
    g_autofree char *got = document_result (CONCORD_ID_NONE, "E12345678");

    g_assert_cmpstr (got, ==, "E12345678 → Choose the type of document this number belongs to");
  }

  /* Resident IDs and credit codes are checked fully, and @info is filled. */
  {
    g_autoptr(GError) error = NULL;
    ConcordIdInfo info = { "", "", CONCORD_GENDER_UNKNOWN };

    g_assert_true (concord_validate_id_document (CONCORD_ID_RESIDENT, "440524188001010014", &info, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (info.birth_date, ==, "1880-01-01");
    g_assert_cmpint (info.gender, ==, CONCORD_GENDER_MALE);

    g_assert_false (concord_validate_id_document (CONCORD_ID_RESIDENT, "440524188001010015", NULL, &error));
    g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "This ID number does not add up: a digit is wrong or two are swapped. Check every digit against the card.");
    g_clear_error (&error);

    g_assert_true (concord_validate_id_document (CONCORD_ID_CREDIT_CODE, "91350100M000100Y43", NULL, &error));
    g_assert_no_error (error);
    g_assert_false (concord_validate_id_document (CONCORD_ID_CREDIT_CODE, "91350100M000100Y44", NULL, &error));
    g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
    g_clear_error (&error);

    /* A resident ID is not a credit code, nor the other way round. */
    g_assert_false (concord_validate_id_document (CONCORD_ID_CREDIT_CODE, "11010519491231002X", NULL, NULL));
    g_assert_false (concord_validate_id_document (CONCORD_ID_RESIDENT, "91350100M000100Y43", NULL, NULL));
  }
}

/* Phones */

static void
test_phone_valid (void)
{
  static const Case table[] = {
    { "13812345678", "13812345678" },
    { "138 1234 5678", "13812345678" },
    { "138-1234-5678", "13812345678" },
    { " 19912345678 ", "19912345678" },
    { "+86 138 1234 5678", "13812345678" },
    { "+8613812345678", "13812345678" },
    { "+86-138-1234-5678", "13812345678" },
    { "8613812345678", "13812345678" },
    { "0086 13812345678", "13812345678" },
    { "１３８１２３４５６７８", "13812345678" },
    { "0532-88886666", "0532-88886666" },
    { "053288886666", "0532-88886666" },
    { "0532 8888 6666", "0532-88886666" },
    { "(0532) 88886666", "0532-88886666" },
    { "（0532）88886666", "0532-88886666" },
    { "0571-8888666", "0571-8888666" },
    { "010-62345678", "010-62345678" },
    { "02188886666", "021-88886666" },
    { "020 8888 6666", "020-88886666" },
    { "0532-88886666-123", "0532-88886666-123" },
    { "0532 88886666 123", "0532-88886666-123" },
    { "0532-88886666转123", "0532-88886666-123" },
    { "0532-88886666 转 8001", "0532-88886666-8001" },
    { "0532-88886666分机5", "0532-88886666-5" },
    { "0532-88886666 ext. 123", "0532-88886666-123" },
    { "0532-88886666 EXT 123", "0532-88886666-123" },
    { "0532-88886666x123", "0532-88886666-123" },
    { "0532-88886666#123", "0532-88886666-123" },
    { "+86 532 8888 6666", "0532-88886666" },
    { "+86 10 6234 5678", "010-62345678" },
    { "400-800-1234", "4008001234" },
  };

  CHECK_TABLE (table, phone_result);

  /* @normalized is optional. */
  g_assert_true (concord_validate_phone ("13812345678", NULL, NULL));
}

static void
test_phone_invalid (void)
{
  static const Case table[] = {
    { "", "Enter a phone number" },
    { "  ", "Enter a phone number" },
    { "-", "Enter a phone number" },
    { "12345", "Service numbers such as 12345 or 110 cannot be used as a phone number" },
    { "110", "Service numbers such as 12345 or 110 cannot be used as a phone number" },
    { "95588", "Service numbers such as 12345 or 95588 cannot be used as a phone number" },
    { "1381234567", "A mobile number has 11 digits starting with 1; this one has 10" },
    { "138123456789", "A mobile number has 11 digits starting with 1; this one has 12" },
    { "12812345678", "Mobile numbers start with 13 to 19; check the second digit" },
    { "13812345678转12", "A mobile number has no extension" },
    { "88886666", "Add the area code to a landline number, for example 0532-88886666" },
    { "8888666", "Add the area code to a landline number, for example 0532-88886666" },
    { "0532-888866", "A landline number has 7 or 8 digits after the area code; this one has 6" },
    { "0532-888866661", "A landline number has 7 or 8 digits after the area code; this one has 9" },
    { "0532", "Enter the number after the area code" },
    { "0532-08886666", "The number after the area code cannot start with 0 or 1" },
    { "010-12345678", "The number after the area code cannot start with 0 or 1" },
    { "011-62345678", "011 is not an area code in mainland China" },
    { "0532-88886666转", "An extension has 1 to 6 digits" },
    { "0532-88886666转1234567", "An extension has 1 to 6 digits" },
    { "0532-88886666转12a", "An extension has 1 to 6 digits" },
    { "0532-88886666-1234567", "An extension has 1 to 6 digits" },
    { "abc", "A phone number has only digits, spaces and hyphens" },
    { "138.1234.5678", "A phone number has only digits, spaces and hyphens" },
    { "138+12345678", "A phone number has only digits, spaces and hyphens" },
    { "+1 415 555 0100", "Only phone numbers in mainland China (+86) can be checked" },
    { "00852 2345 6789", "Only phone numbers in mainland China (+86) can be checked" },
    { "5551234567", "This is neither a mobile number (11 digits starting with 1) nor a landline number with its area code" },
  };

  CHECK_TABLE (table, phone_result);
}

/* Dates and times */

static void
test_date (void)
{
  static const Case table[] = {
    { "2026-11-23", "2026-11-23" },
    { "2026/11/23", "2026-11-23" },
    { "2026.11.23", "2026-11-23" },
    { "20261123", "2026-11-23" },
    { "2026年11月23日", "2026-11-23" },
    { "2026年11月23号", "2026-11-23" },
    { "2026-1-5", "2026-01-05" },
    { "2026年1月5日", "2026-01-05" },
    { " 2026-11-23 ", "2026-11-23" },
    { "２０２６年１１月２３日", "2026-11-23" },
    { "２０２６－１１－２３", "2026-11-23" },
    { "2024-02-29", "2024-02-29" },
    { "2000-02-29", "2000-02-29" },
    { "1880-01-01", "1880-01-01" },
    { "2026-02-30", "This date does not exist" },
    { "2026-02-29", "This date does not exist" },
    { "1900-02-29", "This date does not exist" },
    { "2026-04-31", "This date does not exist" },
    { "2026-13-01", "This date does not exist" },
    { "2026-00-10", "This date does not exist" },
    { "2026-11-00", "This date does not exist" },
    { "20260230", "This date does not exist" },
    { "2026年2月30日", "This date does not exist" },
    { "1799-12-31", "The year must be between 1800 and 2999" },
    { "3026-01-01", "The year must be between 1800 and 2999" },
    { "", "Enter a date" },
    { "2026-11", "Enter the date as 2026-11-23" },
    { "2026-11-23x", "Enter the date as 2026-11-23" },
    { "2026-11/23", "Enter the date as 2026-11-23" },
    { "2026-111-23", "Enter the date as 2026-11-23" },
    { "2026-11-233", "Enter the date as 2026-11-23" },
    { "26-11-23", "Enter the date as 2026-11-23" },
    { "202611231", "Enter the date as 2026-11-23" },
    { "2026年11月23", "Enter the date as 2026-11-23" },
    { "2026-11-23 14:30", "Enter the date as 2026-11-23" },
    { "yesterday", "Enter the date as 2026-11-23" },
  };

  CHECK_TABLE (table, date_result);

  g_assert_true (concord_validate_date ("2026-11-23", NULL, NULL));
}

static void
test_local_datetime (void)
{
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  static const Case table[] = {
    { "2026-11-23 14:30", "2026-11-23T06:30:00Z" },
    { "2026-11-23  14:30", "2026-11-23T06:30:00Z" },
    { "2026-11-23T14:30", "2026-11-23T06:30:00Z" },
    { "2026/11/23 9:05", "2026-11-23T01:05:00Z" },
    { "2026.11.23 14:30:15", "2026-11-23T06:30:15Z" },
    { "20261123 08:05", "2026-11-23T00:05:00Z" },
    { "2026-11-23 00:00", "2026-11-22T16:00:00Z" },
    { "2026-11-23", "2026-11-22T16:00:00Z" },
    { "2026-11-23 23:59", "2026-11-23T15:59:00Z" },
    { "2026年11月23日14时30分", "2026-11-23T06:30:00Z" },
    { "2026年11月23日 14时30分", "2026-11-23T06:30:00Z" },
    { "2026年11月23日 14时", "2026-11-23T06:00:00Z" },
    { "2026年11月23日14点30分", "2026-11-23T06:30:00Z" },
    { "2026-11-23 １４：３０", "2026-11-23T06:30:00Z" },
    { "2026-11-23 24:00", "This time does not exist" },
    { "2026-11-23 14:60", "This time does not exist" },
    { "2026-11-23 25时", "This time does not exist" },
    { "2026-02-30 10:00", "This date does not exist" },
    { "2026-11-23 14", "Enter the date and time as 2026-11-23 14:30" },
    { "2026-11-23 1430", "Enter the date and time as 2026-11-23 14:30" },
    { "2026-11-23 14:3", "Enter the date and time as 2026-11-23 14:30" },
    { "2026-11-23 14:30 pm", "Enter the date and time as 2026-11-23 14:30" },
    { "2026-11-23 14时30", "Enter the date and time as 2026-11-23 14:30" },
    { "2026-11-23x", "Enter the date and time as 2026-11-23 14:30" },
    { "", "Enter a date and time" },
    { "14:30", "Enter the date as 2026-11-23" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *got = datetime_result (table[i].input, shanghai);
      g_autofree char *want = g_strdup_printf ("%s → %s", table[i].input, table[i].expected);

      g_assert_cmpstr (got, ==, want);
    }

  /* Other zones, and the local one (TZ is Asia/Shanghai in these tests). */
  {
    g_autofree char *in_utc = datetime_result ("2026-11-23 14:30", utc);
    g_autofree char *in_berlin_winter = datetime_result ("2026-11-23 14:30", berlin);
    g_autofree char *in_berlin_summer = datetime_result ("2026-07-01 14:30", berlin);
    g_autofree char *local = datetime_result ("2026-11-23 14:30", NULL);

    g_assert_cmpstr (in_utc, ==, "2026-11-23 14:30 → 2026-11-23T14:30:00Z");
    g_assert_cmpstr (in_berlin_winter, ==, "2026-11-23 14:30 → 2026-11-23T13:30:00Z");
    g_assert_cmpstr (in_berlin_summer, ==, "2026-07-01 14:30 → 2026-07-01T12:30:00Z");
    g_assert_cmpstr (local, ==, "2026-11-23 14:30 → 2026-11-23T06:30:00Z");
  }

  g_assert_true (concord_validate_local_datetime ("2026-11-23 14:30", NULL, NULL, NULL));
}

static void
test_format_local_datetime (void)
{
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  static const char *round_trip[] = {
    "2026-11-23 14:30", "2026-01-01 00:00", "1999-12-31 23:59", "2024-02-29 08:05",
  };
  char *text;

  text = concord_format_local_datetime ("2026-11-23T06:30:00Z", shanghai);
  g_assert_cmpstr (text, ==, "2026-11-23 14:30");
  g_free (text);

  text = concord_format_local_datetime ("2026-11-22T16:00:00Z", shanghai);
  g_assert_cmpstr (text, ==, "2026-11-23 00:00");
  g_free (text);

  text = concord_format_local_datetime ("2026-11-23T06:30:00Z", utc);
  g_assert_cmpstr (text, ==, "2026-11-23 06:30");
  g_free (text);

  text = concord_format_local_datetime ("2026-11-23T06:30:00Z", NULL);
  g_assert_cmpstr (text, ==, "2026-11-23 14:30");
  g_free (text);

  g_assert_null (concord_format_local_datetime (NULL, NULL));
  g_assert_null (concord_format_local_datetime ("", shanghai));
  g_assert_null (concord_format_local_datetime ("yesterday", shanghai));

  /* What one function writes the other reads back. */
  for (guint i = 0; i < G_N_ELEMENTS (round_trip); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      g_autofree char *back = NULL;

      g_assert_true (concord_validate_local_datetime (round_trip[i], shanghai, &iso, &error));
      g_assert_no_error (error);
      back = concord_format_local_datetime (iso, shanghai);
      g_assert_cmpstr (back, ==, round_trip[i]);
    }
}

/* Whole cases */

static void
test_case_minimal (void)
{
  g_autoptr(ConcordCase) empty = concord_case_new ();
  g_autoptr(ConcordCase) minimal = minimal_case ();
  g_autoptr(ConcordCase) no_facts = minimal_case ();
  g_autoptr(ConcordCase) blank = concord_case_new ();
  g_autofree char *empty_text = problems_text (empty);
  g_autofree char *minimal_text = NULL;
  g_autofree char *no_facts_text = NULL;
  g_autofree char *blank_text = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_cmpstr (empty_text, ==,
                   "facts: Describe the dispute in at least one sentence\n"
                   "party/0/name: Enter the name of at least one party\n");

  problems = concord_case_validate (minimal);
  g_assert_cmpuint (problems->len, ==, 0);
  minimal_text = problems_text (minimal);
  g_assert_cmpstr (minimal_text, ==, "");

  g_clear_pointer (&no_facts->facts, g_free);
  no_facts_text = problems_text (no_facts);
  g_assert_cmpstr (no_facts_text, ==, "facts: Describe the dispute in at least one sentence\n");

  /* Blank text counts as nothing; a party without a name is named. */
  blank->facts = g_strdup ("  \n ");
  g_ptr_array_add (blank->parties, party_named ("李某"));
  g_ptr_array_add (blank->parties, concord_party_new ());
  ((ConcordParty *) g_ptr_array_index (blank->parties, 1))->name = g_strdup ("　");
  blank_text = problems_text (blank);
  g_assert_cmpstr (blank_text, ==,
                   "facts: Describe the dispute in at least one sentence\n"
                   "party/1/name: Enter the party's name\n");
}

static void
test_case_party_particulars (void)
{
  g_autoptr(ConcordCase) c = minimal_case ();
  ConcordParty *first = g_ptr_array_index (c->parties, 0);
  ConcordParty *second = party_named ("张某");
  ConcordParty *third = party_named ("某某物业公司");
  ConcordParty *fourth = party_named ("周某");
  g_autofree char *text = NULL;

  g_ptr_array_add (c->parties, second);
  g_ptr_array_add (c->parties, third);
  g_ptr_array_add (c->parties, fourth);

  /* Good particulars in various forms. */
  first->id_type = CONCORD_ID_RESIDENT;
  first->id_number = g_strdup ("11010519491231002x");
  first->birth_date = g_strdup ("1949年12月31日");
  first->gender = CONCORD_GENDER_FEMALE;
  first->phone = g_strdup ("+86 138 1234 5678");
  third->kind = CONCORD_PARTY_ORGANISATION;
  third->id_type = CONCORD_ID_CREDIT_CODE;
  third->id_number = g_strdup ("91350100M000100Y43");
  third->phone = g_strdup ("0532-88886666 转 123");
  fourth->id_type = CONCORD_ID_PASSPORT;
  fourth->id_number = g_strdup ("E12345678");
  fourth->birth_date = g_strdup ("1990-05-06");
  fourth->gender = CONCORD_GENDER_MALE;
  text = problems_text (c);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  /* Each bad one is named at its field. */
  second->id_type = CONCORD_ID_RESIDENT;
  second->id_number = g_strdup ("110105194912310021");
  second->phone = g_strdup ("1381234567");
  second->birth_date = g_strdup ("1999-02-30");
  third->id_number[17] = '4';
  fourth->birth_date[0] = '3';
  text = problems_text (c);
  g_assert_cmpstr (text, ==,
                   "party/1/birth_date: This date does not exist\n"
                   "party/1/id_number: This ID number does not add up: a digit is wrong or two are swapped. Check every digit against the card.\n"
                   "party/1/phone: A mobile number has 11 digits starting with 1; this one has 10\n"
                   "party/2/id_number: This credit code does not add up: a character is wrong or two are swapped. Check it against the licence.\n"
                   "party/3/birth_date: The year must be between 1800 and 2999\n");
  g_clear_pointer (&text, g_free);

  /* A birth date in the future; a number without a document type. */
  g_ptr_array_remove_range (c->parties, 1, 3);
  g_clear_pointer (&first->birth_date, g_free);
  first->birth_date = g_strdup ("2026-11-24");
  first->gender = CONCORD_GENDER_UNKNOWN;
  second = party_named ("王某");
  second->id_type = CONCORD_ID_NONE;
  second->id_number = g_strdup ("E12345678");
  g_ptr_array_add (c->parties, second);
  text = problems_text (c);
  g_assert_cmpstr (text, ==,
                   "party/0/birth_date: The date of birth is in the future\n"
                   "party/1/id_number: Choose the type of document this number belongs to\n");
}

static void
test_case_id_agreement (void)
{
  g_autoptr(ConcordCase) c = minimal_case ();
  ConcordParty *party = g_ptr_array_index (c->parties, 0);
  g_autofree char *text = NULL;

  party->id_number = g_strdup ("440524188001010014");   /* man, 1880-01-01 */
  party->birth_date = g_strdup ("1880-01-01");
  party->gender = CONCORD_GENDER_MALE;
  text = problems_text (c);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  /* Same date written another way. */
  g_free (party->birth_date);
  party->birth_date = g_strdup ("18800101");
  text = problems_text (c);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  g_free (party->birth_date);
  party->birth_date = g_strdup ("1880-01-02");
  party->gender = CONCORD_GENDER_FEMALE;
  text = problems_text (c);
  g_assert_cmpstr (text, ==,
                   "party/0/birth_date: This does not match the ID number, which gives 1880-01-01\n"
                   "party/0/gender: This does not match the ID number, which is a man's\n");
  g_clear_pointer (&text, g_free);

  g_free (party->id_number);
  party->id_number = g_strdup ("11010519491231002X");   /* woman, 1949-12-31 */
  g_clear_pointer (&party->birth_date, g_free);
  party->gender = CONCORD_GENDER_MALE;
  text = problems_text (c);
  g_assert_cmpstr (text, ==,
                   "party/0/gender: This does not match the ID number, which is a woman's\n");
  g_clear_pointer (&text, g_free);

  /* Gender not given: nothing to compare. */
  party->gender = CONCORD_GENDER_UNKNOWN;
  text = problems_text (c);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  /* A passport says nothing about birth or gender. */
  party->id_type = CONCORD_ID_PASSPORT;
  g_free (party->id_number);
  party->id_number = g_strdup ("E12345678");
  party->birth_date = g_strdup ("1990-01-01");
  party->gender = CONCORD_GENDER_MALE;
  text = problems_text (c);
  g_assert_cmpstr (text, ==, "");
}

static void
test_case_agent (void)
{
  g_autoptr(ConcordCase) c = minimal_case ();
  ConcordParty *party = g_ptr_array_index (c->parties, 0);
  ConcordParty *agent;
  g_autofree char *text = NULL;

  /* A guardian chosen but not named. */
  party->agent_kind = CONCORD_AGENT_GUARDIAN;
  text = problems_text (c);
  g_assert_cmpstr (text, ==, "party/0/agent/name: Enter the agent's name, or choose “No agent”\n");
  g_clear_pointer (&text, g_free);

  party->agent = agent = concord_party_new ();
  text = problems_text (c);
  g_assert_cmpstr (text, ==, "party/0/agent/name: Enter the agent's name, or choose “No agent”\n");
  g_clear_pointer (&text, g_free);

  agent->name = g_strdup ("吴父");
  agent->phone = g_strdup ("0532-888866");
  agent->id_number = g_strdup ("11010519491231002X");
  agent->gender = CONCORD_GENDER_MALE;
  agent->birth_date = g_strdup ("2030-01-01");
  text = problems_text (c);
  g_assert_cmpstr (text, ==,
                   "party/0/agent/birth_date: The date of birth is in the future\n"
                   "party/0/agent/gender: This does not match the ID number, which is a woman's\n"
                   "party/0/agent/phone: A landline number has 7 or 8 digits after the area code; this one has 6\n");
  g_clear_pointer (&text, g_free);

  g_free (agent->id_number);
  agent->id_number = g_strdup ("11010519491231002");
  g_clear_pointer (&agent->birth_date, g_free);
  g_free (agent->phone);
  agent->phone = g_strdup ("0532-88886666");
  text = problems_text (c);
  g_assert_cmpstr (text, ==,
                   "party/0/agent/id_number: An ID number has 18 characters; this one has 17\n");
  g_clear_pointer (&text, g_free);

  /* "No agent": whatever is left in the agent record is not checked. */
  party->agent_kind = CONCORD_AGENT_NONE;
  text = problems_text (c);
  g_assert_cmpstr (text, ==, "");
}

static void
test_case_team_and_time (void)
{
  g_autoptr(ConcordCase) c = minimal_case ();
  g_autofree char *text = NULL;
  ConcordTeamMember *unnamed = concord_team_member_new ();
  ConcordTeamMember *officer = member_named ("张伟", CONCORD_TEAM_OFFICER);

  officer->phone = g_strdup ("12345");
  g_ptr_array_add (c->team, unnamed);
  g_ptr_array_add (c->team, officer);
  text = problems_text (c);
  g_assert_cmpstr (text, ==,
                   "team/0/name: Enter the team member's name\n"
                   "team/1/phone: Service numbers such as 12345 or 110 cannot be used as a phone number\n");
  g_clear_pointer (&text, g_free);

  unnamed->name = g_strdup ("李娜");
  g_free (officer->phone);
  officer->phone = g_strdup ("0532-88886666");
  text = problems_text (c);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  /* The clock says 2026-11-23T05:22:25Z: up to a day ahead is tolerated
   * (a clock set wrong, a time zone mistaken), more is not. */
  c->occurred_at = g_strdup ("2026-11-20T14:00:00Z");
  text = problems_text (c);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  g_free (c->occurred_at);
  c->occurred_at = g_strdup ("2026-11-24T05:00:00Z");
  text = problems_text (c);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  g_free (c->occurred_at);
  c->occurred_at = g_strdup ("2026-11-24T06:00:00Z");
  text = problems_text (c);
  g_assert_cmpstr (text, ==, "occurred_at: This time is in the future\n");
  g_clear_pointer (&text, g_free);

  g_free (c->occurred_at);
  c->occurred_at = g_strdup ("next week");
  text = problems_text (c);
  g_assert_cmpstr (text, ==, "occurred_at: Enter the date and time as 2026-11-23 14:30\n");
}

/* Conflicts of interest */

static char *
conflicts_text (const ConcordCase *c)
{
  g_autoptr(GPtrArray) conflicts = concord_case_find_conflicts (c);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (conflicts);
  for (guint i = 0; i < conflicts->len; i++)
    {
      ConcordConflict *conflict = g_ptr_array_index (conflicts, i);

      g_assert_cmpuint (conflict->member_index, <, c->team->len);
      g_assert_cmpuint (conflict->party_index, <, c->parties->len);
      g_string_append_printf (out, "%u/%u: %s\n",
                              conflict->member_index, conflict->party_index,
                              conflict->message);
    }
  return g_string_free (out, FALSE);
}

static void
test_conflicts (void)
{
  g_autoptr(ConcordCase) c = minimal_case ();
  ConcordParty *wu = g_ptr_array_index (c->parties, 0);
  ConcordParty *zhang = party_named ("张伟");
  ConcordParty *li = party_named ("李某");
  ConcordTeamMember *mediator = member_named ("张 伟", CONCORD_TEAM_MEDIATOR);
  ConcordTeamMember *lawyer = member_named ("王律师", CONCORD_TEAM_LAWYER);
  ConcordTeamMember *officer = member_named ("赵警官", CONCORD_TEAM_OFFICER);
  g_autofree char *text = NULL;

  g_ptr_array_add (c->parties, zhang);
  g_ptr_array_add (c->parties, li);

  /* No team, no conflicts; a team with nothing in common, none either. */
  text = conflicts_text (c);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  g_ptr_array_add (c->team, officer);
  officer->phone = g_strdup ("13900000000");
  wu->phone = g_strdup ("13812345678");
  text = conflicts_text (c);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  g_ptr_array_add (c->team, mediator);
  g_ptr_array_add (c->team, lawyer);

  /* Same name after removing spaces. */
  text = conflicts_text (c);
  g_assert_cmpstr (text, ==, "1/1: 张 伟 (Mediator) has the same name as party 张伟\n");
  g_clear_pointer (&text, g_free);

  /* Same phone, written differently. */
  lawyer->phone = g_strdup ("+86 138-1234-5678");
  text = conflicts_text (c);
  g_assert_cmpstr (text, ==,
                   "1/1: 张 伟 (Mediator) has the same name as party 张伟\n"
                   "2/0: 王律师 (Lawyer) has the same phone number as party 吴某\n");
  g_clear_pointer (&text, g_free);

  /* Same ID number, x and X; the strongest match is reported once. */
  mediator->id_number = g_strdup ("11010519491231002x");
  zhang->id_number = g_strdup (" 11010519491231002X");
  mediator->phone = g_strdup ("0532 8888 6666");
  zhang->phone = g_strdup ("0532-88886666");
  text = conflicts_text (c);
  g_assert_cmpstr (text, ==,
                   "1/1: 张 伟 (Mediator) has the same ID number as party 张伟\n"
                   "2/0: 王律师 (Lawyer) has the same phone number as party 吴某\n");
  g_clear_pointer (&text, g_free);

  /* Landlines with different extensions are different phones. */
  g_clear_pointer (&mediator->id_number, g_free);
  g_free (mediator->phone);
  mediator->phone = g_strdup ("0532-88886666");
  g_free (zhang->name);
  zhang->name = g_strdup ("张某");
  g_free (zhang->phone);
  zhang->phone = g_strdup ("0532-88886666转1");
  text = conflicts_text (c);
  g_assert_cmpstr (text, ==, "2/0: 王律师 (Lawyer) has the same phone number as party 吴某\n");
  g_clear_pointer (&text, g_free);

  /* An agent: the party is named, and who speaks for it. */
  g_clear_pointer (&lawyer->phone, g_free);
  li->agent_kind = CONCORD_AGENT_ENTRUSTED;
  li->agent = party_named ("李父");
  li->agent->id_number = g_strdup ("440524188001010014");
  officer->id_number = g_strdup ("440524188001010014");
  text = conflicts_text (c);
  g_assert_cmpstr (text, ==,
                   "0/2: 赵警官 (Police officer) has the same ID number as 李父, who speaks for party 李某\n");
  g_clear_pointer (&text, g_free);

  g_clear_pointer (&officer->id_number, g_free);
  g_clear_pointer (&mediator->phone, g_free);
  lawyer->phone = g_strdup ("0532-88886666");
  li->agent->phone = g_strdup ("053288886666");
  text = conflicts_text (c);
  g_assert_cmpstr (text, ==,
                   "2/2: 王律师 (Lawyer) has the same phone number as 李父, who speaks for party 李某\n");
  g_clear_pointer (&text, g_free);

  g_clear_pointer (&lawyer->phone, g_free);
  g_free (mediator->name);
  mediator->name = g_strdup ("李父");
  text = conflicts_text (c);
  g_assert_cmpstr (text, ==,
                   "1/2: 李父 (Mediator) has the same name as 李父, who speaks for party 李某\n");
  g_clear_pointer (&text, g_free);

  /* Both the party and its agent can match. */
  li->phone = g_strdup ("13700000000");
  mediator->phone = g_strdup ("137 0000 0000");
  text = conflicts_text (c);
  g_assert_cmpstr (text, ==,
                   "1/2: 李父 (Mediator) has the same phone number as party 李某\n"
                   "1/2: 李父 (Mediator) has the same name as 李父, who speaks for party 李某\n");
  g_clear_pointer (&text, g_free);

  /* "No agent": the leftover record is ignored. */
  li->agent_kind = CONCORD_AGENT_NONE;
  text = conflicts_text (c);
  g_assert_cmpstr (text, ==, "1/2: 李父 (Mediator) has the same phone number as party 李某\n");
  g_clear_pointer (&text, g_free);

  /* Empty values never match each other. */
  g_clear_pointer (&li->phone, g_free);
  g_clear_pointer (&mediator->phone, g_free);
  g_clear_pointer (&mediator->name, g_free);
  g_clear_pointer (&li->name, g_free);
  mediator->id_number = g_strdup ("");
  li->id_number = g_strdup ("");
  text = conflicts_text (c);
  g_assert_cmpstr (text, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CONCORD_NOW", TEST_NOW, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/resident-id/known", test_resident_id_known);
  g_test_add_func ("/validate/resident-id/generated", test_resident_id_generated);
  g_test_add_func ("/validate/resident-id/errors", test_resident_id_errors);
  g_test_add_func ("/validate/resident-id/clock", test_resident_id_uses_clock);
  g_test_add_func ("/validate/credit-code", test_credit_code);
  g_test_add_func ("/validate/id-document", test_id_document);
  g_test_add_func ("/validate/phone/valid", test_phone_valid);
  g_test_add_func ("/validate/phone/invalid", test_phone_invalid);
  g_test_add_func ("/validate/date", test_date);
  g_test_add_func ("/validate/local-datetime", test_local_datetime);
  g_test_add_func ("/validate/format-local-datetime", test_format_local_datetime);
  g_test_add_func ("/validate/case/minimal", test_case_minimal);
  g_test_add_func ("/validate/case/party-particulars", test_case_party_particulars);
  g_test_add_func ("/validate/case/id-agreement", test_case_id_agreement);
  g_test_add_func ("/validate/case/agent", test_case_agent);
  g_test_add_func ("/validate/case/team-and-time", test_case_team_and_time);
  g_test_add_func ("/validate/conflicts", test_conflicts);

  return g_test_run ();
}
