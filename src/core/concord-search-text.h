/* concord-search-text.h — text for the search index, and queries on it
 *
 * SQLite's FTS5 trigram tokenizer cannot match queries shorter than three
 * characters, and unicode61 takes a run of Chinese characters as one word.
 * So the index holds one token per CJK character (separated by spaces, read
 * by unicode61), and a query becomes a phrase of those characters: "纠纷"
 * matches "纠 纷" wherever it occurs. Runs of letters and digits (phone
 * numbers, ID numbers, case numbers) are indexed whole and by every suffix
 * of three or more characters, and searched as prefixes, so any part of a
 * phone number of three or more digits finds it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Raise when what concord_search_text_append() produces changes: the
 * index is then rebuilt when a database is opened. */
#define CONCORD_SEARCH_TEXT_VERSION 1

/* Names this tokenizer and the Unicode tables it reads (GLib's), e.g.
 * "text-1 glib-2.74". An index made under another stamp cannot have its
 * entries removed reliably and must be rebuilt. */
char *concord_search_text_stamp (void);

/* Appends the index form of @text to @out (a space separates it from what
 * is already there). NULL @text appends nothing. */
void  concord_search_text_append (GString    *out,
                                  const char *text);

/* The FTS5 MATCH expression for what the user typed, or NULL when it holds
 * nothing searchable (blank, punctuation only). Every whitespace-separated
 * word must match (AND); Chinese characters of a word must be adjacent. */
char *concord_search_text_query (const char *user_text);

G_END_DECLS
