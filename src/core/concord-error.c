/* concord-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-error"

#include "config.h"

#include "concord-error.h"

G_DEFINE_QUARK (concord-error-quark, concord_error)
