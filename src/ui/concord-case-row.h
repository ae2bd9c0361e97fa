/* concord-case-row.h — one case in the case list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-case-summary.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_CASE_ROW (concord_case_row_get_type ())
G_DECLARE_FINAL_TYPE (ConcordCaseRow, concord_case_row, CONCORD, CASE_ROW, GtkWidget)

/* Property "summary" (ConcordCaseSummary, nullable): what the row shows. */
GtkWidget          *concord_case_row_new (void);
void                concord_case_row_set_summary (ConcordCaseRow     *self,
                                                  ConcordCaseSummary *summary);
ConcordCaseSummary *concord_case_row_get_summary (ConcordCaseRow *self);

G_END_DECLS
