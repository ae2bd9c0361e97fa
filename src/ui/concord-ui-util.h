/* concord-ui-util.h — small helpers the widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-case.h"
#include "concord-template.h"

G_BEGIN_DECLS

/* A modal AdwMessageDialog with one "Close" response. */
void   concord_ui_show_message (GtkWindow  *parent,
                                const char *heading,
                                const char *body);

/* The question before throwing away what was typed or written: a modal
 * AdwMessageDialog over @parent with "cancel" (@keep_label, the default
 * and what closing it answers) and a destructive "discard" (_Discard).
 * The caller connects "response" and presents it. */
AdwMessageDialog *concord_ui_discard_dialog_new (GtkWindow  *parent,
                                                 const char *heading,
                                                 const char *body,
                                                 const char *keep_label);

/* Marks @widget invalid (CSS class "error", accessible state) and shows
 * @message in @message_label; NULL @message clears both. */
void   concord_ui_set_field_error (GtkWidget  *widget,
                                   GtkLabel   *message_label,
                                   const char *message);

/* A stored UTC time as local "2026-11-23 14:30", or "" for NULL. */
char  *concord_ui_format_time (const char *utc_iso);

/* Text of a GtkTextView's buffer, owned by the caller. */
char  *concord_ui_text_view_dup_text (GtkTextView *view);

/* A stored UTC time as the local date "2026-11-23", or "" for NULL. */
char  *concord_ui_format_date (const char *utc_iso);

/* @n with the locale's thousands separator ("1,234" in English). */
char  *concord_ui_format_count (guint n);

/* The window @widget is in, or NULL. */
GtkWindow *concord_ui_get_window (GtkWidget *widget);

/* Scrolls the nearest scrolled window around @widget so that @widget
 * stands in the upper third of it, unless it is in the upper half
 * already (when it was focused from a list of problems, say). */
void       concord_ui_scroll_to_widget (GtkWidget *widget);

/* Who signs an agreement of @template for case @c, in the interface
 * language: "each party (张某、李某); the mediator (黄某某); the seal of
 * 东城街道人民调解委员会". */
char      *concord_ui_describe_signers (const ConcordTemplate *template,
                                        const ConcordCase     *c,
                                        const char            *station_name,
                                        const char            *committee_name);

/* Rows a view adds to a group and takes away when it shows something
 * else: @rows (not owning) remembers them. */
void   concord_ui_group_add (AdwPreferencesGroup *group,
                             GPtrArray           *rows,
                             GtkWidget           *row);
void   concord_ui_group_clear (AdwPreferencesGroup *group,
                               GPtrArray           *rows);
/* A property row (concord_ui_property_row_new()) when @value has text;
 * nothing otherwise. */
void   concord_ui_group_add_property (AdwPreferencesGroup *group,
                                      GPtrArray           *rows,
                                      const char          *key,
                                      const char          *value);

/* A read-only row for an AdwPreferencesGroup: @key on the left, @value
 * (selectable, wrapped) beside it. */
GtkWidget *concord_ui_property_row_new (const char *key,
                                        const char *value);

G_END_DECLS
