/* concord-preferences-window-private.h — what the widget tests reach
 * into: the paths a file chooser takes once a file is chosen (native
 * choosers cannot be driven by a test)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concord-preferences-window.h"

G_BEGIN_DECLS

/* Checks face @face of the font @file for the setting @key
 * (CONCORD_SETTING_PDF_BODY_FONT or CONCORD_SETTING_PDF_HEADING_FONT) and
 * stores it, or shows at the font's row why it cannot be used and leaves
 * the setting as it was. With @face -1, a collection of several usable
 * fonts (.ttc) asks which one in a dialog (a GtkDropDown, responses
 * "cancel" and "choose"), as after the file chooser. */
void _concord_preferences_window_choose_font (ConcordPreferencesWindow *self,
                                              const char               *key,
                                              GFile                    *file,
                                              int                       face);

/* Checks the seal image @file (a readable PNG with transparency) and
 * stores it, or shows at the seal's row why not. */
void _concord_preferences_window_choose_seal (ConcordPreferencesWindow *self,
                                              GFile                    *file);

/* The characters a font for @key must have to print agreements: the
 * words of every template and of the printed form, the numerals of
 * amounts, and the station's names (@station_name, @committee_name may be
 * NULL). A new string. */
char *_concord_preferences_dup_needed_chars (const char *key,
                                            const char *station_name,
                                            const char *committee_name);

G_END_DECLS
