/* concord-case-list.h — the case list as a GListModel read on demand
 *
 * The model never loads all cases: it holds the rows fetched so far (newest
 * first) and fetches the next page, by keyset on the case id, when a row
 * near the end of what it holds is asked for. A million cases cost what the
 * person has scrolled through, not more. The total is counted separately,
 * exactly for the plain list and up to a cap for searches and filters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "concord-store.h"

G_BEGIN_DECLS

#define CONCORD_CASE_LIST_PAGE_SIZE 50
#define CONCORD_CASE_LIST_COUNT_CAP 10000

#define CONCORD_TYPE_CASE_LIST (concord_case_list_get_type ())
G_DECLARE_FINAL_TYPE (ConcordCaseList, concord_case_list, CONCORD, CASE_LIST, GObject)

/* Properties: "store", "total" (guint, matches counted), "total-capped"
 * (boolean: there are more than "total"), "has-more" (boolean: pages not
 * fetched yet), "error-message" (string or NULL: the last query failed). */
ConcordCaseList        *concord_case_list_new (ConcordStore *store);

/* Sets the query and reloads from the newest case. */
void                    concord_case_list_set_query (ConcordCaseList        *self,
                                                     const ConcordCaseQuery *query);
const ConcordCaseQuery *concord_case_list_get_query (ConcordCaseList *self);

/* Reloads with the same query (after a case was saved). */
void                    concord_case_list_reload (ConcordCaseList *self);

/* Fetches the next page now (the model also does it by itself, from an
 * idle callback, when a row near the end is read). */
gboolean                concord_case_list_load_more (ConcordCaseList *self);

guint                   concord_case_list_get_total (ConcordCaseList *self);
gboolean                concord_case_list_get_total_capped (ConcordCaseList *self);
gboolean                concord_case_list_get_has_more (ConcordCaseList *self);
const char             *concord_case_list_get_error_message (ConcordCaseList *self);

/* Position of the case with @id among the rows fetched so far, or
 * G_MAXUINT. */
guint                   concord_case_list_find (ConcordCaseList *self,
                                                gint64           id);

G_END_DECLS
