/* concord-preferences-window.h — the station's settings, categories and
 * team members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_PREFERENCES_WINDOW (concord_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ConcordPreferencesWindow, concord_preferences_window, CONCORD, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Everything is written to the store as it is changed (entries when
 * applied or when the window closes). */
GtkWidget *concord_preferences_window_new (ConcordContext *context,
                                           GtkWindow      *parent);
/* Shows the page of the setting @key (CONCORD_SETTING_STATION_NAME,
 * CONCORD_SETTING_COMMITTEE_NAME, CONCORD_SETTING_REVIEW_REQUIRED…) and
 * focuses its row, now or when the window shows. */
void       concord_preferences_window_focus_setting (ConcordPreferencesWindow *self,
                                                     const char               *key);

G_END_DECLS
