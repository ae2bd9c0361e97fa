/* concord-error.h — the project's GError domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CONCORD_ERROR (concord_error_quark ())

/**
 * ConcordError:
 * @CONCORD_ERROR_INVALID: a value the user typed is not valid; the message
 *   says why (concord_case_validate() tells which field)
 * @CONCORD_ERROR_NOT_FOUND: no such case, party, member…
 * @CONCORD_ERROR_DB_CANNOT_OPEN: the database file could not be opened
 *   (missing directory, no permission)
 * @CONCORD_ERROR_DB_CORRUPT: the file is not a Concord database or is damaged
 * @CONCORD_ERROR_DB_TOO_NEW: the database was written by a newer Concord
 * @CONCORD_ERROR_DB_BUSY: another program holds the database too long
 * @CONCORD_ERROR_DB_FAILED: any other storage failure
 * @CONCORD_ERROR_STAGE: the requested stage move is not allowed
 * @CONCORD_ERROR_CONFLICT: a unique value is already taken
 */
typedef enum
{
  CONCORD_ERROR_INVALID,
  CONCORD_ERROR_NOT_FOUND,
  CONCORD_ERROR_DB_CANNOT_OPEN,
  CONCORD_ERROR_DB_CORRUPT,
  CONCORD_ERROR_DB_TOO_NEW,
  CONCORD_ERROR_DB_BUSY,
  CONCORD_ERROR_DB_FAILED,
  CONCORD_ERROR_STAGE,
  CONCORD_ERROR_CONFLICT,
} ConcordError;

GQuark concord_error_quark (void);

G_END_DECLS
