/* concord-statute-library.h — the statute library window: search articles
 * by number or words, read them, cite them, import more laws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_STATUTE_LIBRARY (concord_statute_library_get_type ())
G_DECLARE_FINAL_TYPE (ConcordStatuteLibrary, concord_statute_library, CONCORD, STATUTE_LIBRARY, AdwWindow)

/* A library window. With @case_id > 0 each article can be cited for that
 * case, as a whole or for one clause of its agreement (@target preselects
 * the clause; NULL: the case as a whole). Citing goes through
 * concord_store_add_citation() and concord_context_case_changed(). */
ConcordStatuteLibrary *concord_statute_library_new (ConcordContext *context,
                                                    gint64          case_id,
                                                    const char     *target);

/* Puts @text in the search entry and searches (tests, and "look up
 * 第一千一百六十五条" links). */
void                   concord_statute_library_search (ConcordStatuteLibrary *self,
                                                       const char            *text);

G_END_DECLS
