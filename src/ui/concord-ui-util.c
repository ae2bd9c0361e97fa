/* concord-ui-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-ui-util"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-clock.h"
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

AdwMessageDialog *
concord_ui_discard_dialog_new (GtkWindow  *parent,
                               const char *heading,
                               const char *body,
                               const char *keep_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", keep_label,
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
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

char *
concord_ui_format_date (const char *utc_iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  utc = concord_clock_parse_iso (utc_iso);
  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d");
}

char *
concord_ui_format_count (guint n)
{
  /* The ' flag groups digits as the locale does (glibc). */
  return g_strdup_printf ("%'u", n);
}

GtkWidget *
concord_ui_property_row_new (const char *key,
                             const char *value)
{
  GtkWidget *row, *box, *key_label, *value_label;

  g_return_val_if_fail (key != NULL, NULL);

  row = adw_preferences_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), key);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "property-row");

  /* A grid, not a box: a box asks a wrapping label for its width at the
   * row's height, and the key column would widen to fit it on one line. */
  box = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (box), 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  key_label = gtk_label_new (key);
  gtk_label_set_xalign (GTK_LABEL (key_label), 0);
  gtk_label_set_yalign (GTK_LABEL (key_label), 0);
  gtk_label_set_wrap (GTK_LABEL (key_label), TRUE);
  /* A fixed column: longer keys wrap instead of pushing the value aside. */
  gtk_widget_set_size_request (key_label, 136, -1);
  gtk_label_set_max_width_chars (GTK_LABEL (key_label), 1);
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_widget_add_css_class (key_label, "property-key");
  gtk_grid_attach (GTK_GRID (box), key_label, 0, 0, 1, 1);

  value_label = gtk_label_new (value != NULL ? value : "");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_yalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_widget_add_css_class (value_label, "property-value");
  gtk_grid_attach (GTK_GRID (box), value_label, 1, 0, 1, 1);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, key_label, NULL,
                                  -1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

GtkWindow *
concord_ui_get_window (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
concord_ui_group_add (AdwPreferencesGroup *group,
                      GPtrArray           *rows,
                      GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

void
concord_ui_group_clear (AdwPreferencesGroup *group,
                        GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

void
concord_ui_group_add_property (AdwPreferencesGroup *group,
                               GPtrArray           *rows,
                               const char          *key,
                               const char          *value)
{
  if (concord_text_is_blank (value))
    return;
  concord_ui_group_add (group, rows, concord_ui_property_row_new (key, value));
}

static void
scroll_now (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *child;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  if (scroller == NULL)
    return;
  child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  if (child == NULL || !gtk_widget_compute_point (widget, child, &GRAPHENE_POINT_INIT (0, 0), &point))
    return;
  /* The point is where @widget is seen now (the scrolled window's child
   * is its viewport, which stays put while its content moves). */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* Already well in view: the page stays where the reader left it. */
  if (point.y >= 0 && point.y <= gtk_adjustment_get_page_size (adjustment) / 2)
    return;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y -
                                        gtk_adjustment_get_page_size (adjustment) / 3);
}

void
concord_ui_scroll_to_widget (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  scroll_now (widget);
}

/* The names of @c's team members of @role, "黄某某、梁某某", or NULL. */
static char *
signer_names (const ConcordCase *c,
              ConcordTeamRole    role)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; c != NULL && c->team != NULL && i < c->team->len; i++)
    {
      const ConcordTeamMember *m = g_ptr_array_index (c->team, i);

      if (m->role != role || concord_text_is_blank (m->name))
        continue;
      if (names->len > 0)
        g_string_append (names, C_("name list separator", ", "));
      g_string_append (names, m->name);
    }
  return names->len > 0 ? g_strdup (names->str) : NULL;
}

char *
concord_ui_describe_signers (const ConcordTemplate *template,
                             const ConcordCase     *c,
                             const char            *station_name,
                             const char            *committee_name)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; template->signers != NULL && template->signers[i] != NULL; i++)
    {
      const char *signer = template->signers[i];
      g_autofree char *item = NULL;

      if (g_strcmp0 (signer, "parties") == 0)
        {
          g_autofree char *names = c != NULL ? concord_case_dup_party_names (c) : NULL;

          /* Translators: who signs the agreement; %s are the parties' names */
          item = g_strdup_printf (_("each party (%s)"), names != NULL ? names : "");
        }
      else if (g_strcmp0 (signer, "mediator") == 0)
        {
          g_autofree char *names = signer_names (c, CONCORD_TEAM_MEDIATOR);

          item = names != NULL
                 /* Translators: who signs the agreement; %s is the mediator's name */
                 ? g_strdup_printf (_("the mediator (%s)"), names)
                 : g_strdup (_("the mediator (none on the team yet)"));
        }
      else if (g_strcmp0 (signer, "presiding-officer") == 0)
        {
          g_autofree char *names = signer_names (c, CONCORD_TEAM_OFFICER);

          item = names != NULL
                 /* Translators: who signs a police mediation agreement; %s is the officer's name */
                 ? g_strdup_printf (_("the presiding officer (%s)"), names)
                 : g_strdup (_("the presiding officer (none on the team yet)"));
        }
      else if (g_strcmp0 (signer, "committee-seal") == 0)
        {
          const char *name = committee_name;

          item = !concord_text_is_blank (name)
                 /* Translators: the seal put on the agreement; %s names the mediation committee */
                 ? g_strdup_printf (_("the seal of %s"), name)
                 : g_strdup (_("the mediation committee’s seal"));
        }
      else if (g_strcmp0 (signer, "organ-seal") == 0)
        {
          const char *name = station_name;

          item = !concord_text_is_blank (name)
                 /* Translators: the seal put on the agreement; %s names the police station */
                 ? g_strdup_printf (_("the seal of %s"), name)
                 : g_strdup (_("the police station’s seal"));
        }
      else
        continue;

      if (out->len > 0)
        /* Translators: between the signers of the agreement in a list */
        g_string_append (out, C_("list separator", "; "));
      g_string_append (out, item);
    }
  return g_strdup (out->str);
}
