/* concord-case-view.h — one case: its stage path, the actions of its stage
 * and its particulars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_CASE_VIEW (concord_case_view_get_type ())
G_DECLARE_FINAL_TYPE (ConcordCaseView, concord_case_view, CONCORD, CASE_VIEW, GtkWidget)

/* Actions: case.accept, case.reject (asks for the reason), case.edit,
 * case.move (int32 stage; a failed mediation opens ConcordFailDialog),
 * case.start-session.
 * Signal "case-changed" (gint64 case_id): the case changed in the store
 * (through this view, or any window that called
 * concord_context_case_changed()) and the view shows it anew.
 * Signal "open-case" (gint64 case_id): the person asked to see another
 * case (a linked earlier one). */
GtkWidget      *concord_case_view_new (ConcordContext *context);
void            concord_case_view_set_context (ConcordCaseView *self,
                                               ConcordContext  *context);
ConcordContext *concord_case_view_get_context (ConcordCaseView *self);

/* Loads the case with @id from the store and shows it. */
gboolean        concord_case_view_show_case (ConcordCaseView *self,
                                             gint64           id,
                                             GError         **error);
/* Loads the shown case again. */
gboolean        concord_case_view_reload (ConcordCaseView *self,
                                          GError         **error);
/* Shows nothing. */
void            concord_case_view_clear (ConcordCaseView *self);

/* 0 when nothing is shown. */
gint64          concord_case_view_get_case_id (ConcordCaseView *self);
/* The case as last loaded, or NULL. */
ConcordCase    *concord_case_view_get_case (ConcordCaseView *self);

G_END_DECLS
