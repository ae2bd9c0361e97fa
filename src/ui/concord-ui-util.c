/* concord-ui-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-ui-util"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-validate.h"
#include "concord-ui-util.h"

void
concord_ui_show_message (GtkWindow  *parent,
                         const char *heading,
                         const char *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
concord_ui_set_field_error (GtkWidget  *widget,
                            GtkLabel   *message_label,
                            const char *message)
{
  gboolean invalid = message != NULL && *message != '\0';

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (invalid)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);

  if (message_label != NULL)
    {
      gtk_label_set_text (message_label, invalid ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (message_label), invalid);
      if (invalid)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, message_label, NULL,
                                        -1);
    }
}

char *
concord_ui_format_time (const char *utc_iso)
{
  if (utc_iso == NULL)
    return g_strdup ("");
  return concord_format_local_datetime (utc_iso, NULL);
}

char *
concord_ui_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
