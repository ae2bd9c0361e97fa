/* concord-window.h — the main window: case list beside the open case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_WINDOW (concord_window_get_type ())
G_DECLARE_FINAL_TYPE (ConcordWindow, concord_window, CONCORD, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests). Actions: win.new-case (Ctrl+N),
 * win.search (Ctrl+F), win.clear-filters, win.back, win.toggle-privacy
 * (Ctrl+Shift+P: the context's privacy mode), win.statutes (Ctrl+L),
 * win.verify-pdf (Ctrl+Shift+V: concord-verify-dialog), win.show-case
 * (an int64 case id); Ctrl+E activates case.edit on the open case. */
ConcordWindow *concord_window_new (GtkApplication *application,
                                   ConcordContext *context);
ConcordContext *concord_window_get_context (ConcordWindow *self);
/* Shows the case with @id on the right and selects it in the list when it
 * is among the rows shown. */
void           concord_window_show_case (ConcordWindow *self,
                                         gint64         id);
/* The search entry's text (tests type into the real entry). */
GtkEditable   *concord_window_get_search_entry (ConcordWindow *self);

/* Reads the categories and the list again (after the preferences or
 * another program changed them). */
void           concord_window_reload (ConcordWindow *self);

/* For tests and the benchmark: the parts of the window. */
GListModel    *concord_window_get_case_list (ConcordWindow *self);
GtkWidget     *concord_window_get_case_view (ConcordWindow *self);
GtkDropDown   *concord_window_get_stage_filter (ConcordWindow *self);

G_END_DECLS
