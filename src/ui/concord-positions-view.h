/* concord-positions-view.h — the parties' demands and offers over the
 * rounds: a small chart, a table, and the current gap between the sides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_POSITIONS_VIEW (concord_positions_view_get_type ())
G_DECLARE_FINAL_TYPE (ConcordPositionsView, concord_positions_view, CONCORD, POSITIONS_VIEW, GtkWidget)

GtkWidget  *concord_positions_view_new (void);

/* Shows the @positions (of ConcordPosition, in time order as
 * concord_store_list_positions() gives them) of case @c, whose parties
 * name the lines, with the case's @sessions (of ConcordSession, oldest
 * first: a session is a round; back-to-back or face-to-face). With
 * @privacy on, positions taken in back-to-back sessions are left out of
 * the chart, the table and the gap
 * (concord_privacy_shows_session_content()). Keeps its own copies. */
void        concord_positions_view_set_positions (ConcordPositionsView *self,
                                                  const ConcordCase    *c,
                                                  GPtrArray            *sessions,
                                                  GPtrArray            *positions,
                                                  gboolean              privacy);

/* Shows the positions as concord_positions_view_set_positions() does, in
 * @group (the view's parent group): the group is hidden when there are no
 * positions, the view when privacy hides all of them, and the group's
 * description says when privacy hides some. */
void        concord_positions_view_show_in_group (ConcordPositionsView *self,
                                                  AdwPreferencesGroup  *group,
                                                  const ConcordCase    *c,
                                                  GPtrArray            *sessions,
                                                  GPtrArray            *positions,
                                                  gboolean              privacy);

/* What is shown, for tests: the gap sentence ("The sides are ¥30,000.00
 * apart" in the interface language; NULL when no gap can be told) and
 * the number of rows of the table. */
const char *concord_positions_view_get_gap_text (ConcordPositionsView *self);
guint       concord_positions_view_get_n_rows (ConcordPositionsView *self);

G_END_DECLS
