/* concord-validate.h — validation of what people type at intake
 *
 * Pure functions, no storage and no GTK: the forms call them as the user
 * types, the storage calls concord_case_validate() again before it writes.
 * Messages are translated and written for the person at the desk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "concord-case.h"

G_BEGIN_DECLS

/* What a mainland resident ID number tells. */
typedef struct
{
  char          region[7];      /* first six digits: administrative division */
  char          birth_date[11]; /* YYYY-MM-DD */
  ConcordGender gender;         /* from the 17th digit: odd male, even female */
} ConcordIdInfo;

/* 18-character mainland resident ID number (GB 11643): digits, a valid birth
 * date not in the future, and the ISO 7064 MOD 11-2 check character (0-9 or
 * X, lower-case x accepted). Fills @info when given. */
gboolean concord_validate_resident_id (const char    *text,
                                       ConcordIdInfo *info,
                                       GError       **error);

/* 18-character unified social credit code (GB 32100), with its check
 * character. */
gboolean concord_validate_credit_code (const char *text,
                                       GError    **error);

/* The number of a document of @type: resident IDs and credit codes are
 * checked fully; other documents for plausible characters and length.
 * CONCORD_ID_NONE accepts only an empty number. */
gboolean concord_validate_id_document (ConcordIdType  type,
                                       const char    *number,
                                       ConcordIdInfo *info,
                                       GError       **error);

/* Mainland mobile (11 digits starting 1[3-9], optional +86 / 86 prefix) or
 * landline (area code 0xx/0xxx, 7–8 digits, optional extension), spaces and
 * hyphens allowed; also 5-digit service numbers such as 12345 are refused.
 * Returns the normalised form (digits, landline as "0532-88886666",
 * extension as "-123") in @normalized when given. */
gboolean concord_validate_phone (const char *text,
                                 char      **normalized,
                                 GError    **error);

/* A calendar date: "2026-11-23", "2026/11/23", "2026.11.23", "20261123" or
 * "2026年11月23日". Returns "YYYY-MM-DD" in @iso when given. */
gboolean concord_validate_date (const char *text,
                                char      **iso,
                                GError    **error);

/* A local date and time: any date form above followed by "HH:MM" (or
 * "HH时MM分"), or a date alone (00:00). Returned as a UTC ISO-8601 string
 * ("2026-11-23T06:30:00Z") in @utc_iso when given, converted from @tz
 * (NULL: local time zone). */
gboolean concord_validate_local_datetime (const char *text,
                                          GTimeZone  *tz,
                                          char      **utc_iso,
                                          GError    **error);

/* Formats a stored UTC ISO-8601 time in @tz (NULL: local) as
 * "2026-11-23 14:30", the form concord_validate_local_datetime() reads. */
char    *concord_format_local_datetime (const char *utc_iso,
                                        GTimeZone  *tz);

/* Brings what was typed into the one form the database keeps, so that
 * search, the conflict check and comparisons find it however it was
 * typed: blank text becomes NULL; phones as concord_validate_phone()
 * normalises them; resident IDs and credit codes in upper case; dates as
 * "YYYY-MM-DD"; times as UTC "…Z". Values that do not validate are left
 * as typed, for concord_case_validate() to report. */
void     concord_case_normalize (ConcordCase *c);
void     concord_team_member_normalize (ConcordTeamMember *member);

/* One problem with one field of a case, for the form to show at that
 * field. @field is a path: "facts", "occurred_at", "category",
 * "party/0/name", "party/1/id_number", "party/0/agent/phone",
 * "team/2/phone"… */
typedef struct
{
  char *field;
  char *message;
} ConcordProblem;

void     concord_problem_free (ConcordProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordProblem, concord_problem_free)

/* Checks a whole case as it would be saved. Required: at least one party
 * with a name. Every ID number, phone and date that is given must be valid;
 * a resident ID's birth date and gender must agree with the ones given.
 * Returns a new array of ConcordProblem (empty when all is well). */
GPtrArray *concord_case_validate (const ConcordCase *c);

/* A warning that a team member may have a conflict of interest: their
 * name, phone or ID number matches one of the parties' (or an agent's). */
typedef struct
{
  guint  member_index;          /* into c->team */
  guint  party_index;           /* into c->parties */
  char  *message;               /* "调解员张伟与当事人张伟的电话相同" style */
} ConcordConflict;

void       concord_conflict_free (ConcordConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordConflict, concord_conflict_free)

/* Returns a new array of ConcordConflict (empty when none). Names are
 * compared after removing spaces; phones and ID numbers after
 * normalisation. */
GPtrArray *concord_case_find_conflicts (const ConcordCase *c);

G_END_DECLS
