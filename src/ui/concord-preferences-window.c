/* concord-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-ui-util.h"
#include "concord-preferences-window.h"

#define DEFAULT_RECEIVED_DAYS 3
#define DEFAULT_ACCEPTED_DAYS 7
#define SPIN_SAVE_DELAY_MS    600

struct _ConcordPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  ConcordContext       *context;
  GPtrArray            *category_rows;
  GPtrArray            *member_rows;
  guint                 spin_save_id;
  gboolean              loading;
  gboolean              format_warned;  /* closing again discards it */
  char                 *focus_key;      /* setting to focus when shown */

  AdwEntryRow          *station_name_row;
  AdwEntryRow          *short_name_row;
  AdwEntryRow          *committee_row;
  GtkSwitch            *review_required_switch;
  AdwEntryRow          *format_row;
  AdwActionRow         *example_row;
  GtkSpinButton        *received_spin;
  GtkSpinButton        *accepted_spin;
  AdwPreferencesGroup  *categories_group;
  AdwEntryRow          *new_category_row;
  GtkWidget            *add_category_button;
  AdwPreferencesGroup  *members_group;
  GtkWidget            *add_member_button;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConcordPreferencesWindow, concord_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static ConcordStore *
get_store (ConcordPreferencesWindow *self)
{
  return concord_context_get_store (self->context);
}

static const char *
get_actor (ConcordPreferencesWindow *self)
{
  return concord_context_get_username (self->context);
}

static char *
dup_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_error (ConcordPreferencesWindow *self,
            const char               *heading,
            const GError             *error)
{
  concord_ui_show_message (GTK_WINDOW (self), heading, error->message);
}

/* The example updates as the format or the short name is typed. Returns
 * whether the format is valid. */
static gboolean
update_example (ConcordPreferencesWindow *self)
{
  g_autofree char *format = dup_stripped (self->format_row);
  g_autofree char *station = dup_stripped (self->short_name_row);
  g_autoptr(GDateTime) now = concord_clock_now ();
  g_autoptr(GError) error = NULL;
  g_autofree char *example = NULL;

  example = concord_case_number_format (format, g_date_time_get_year (now), 12, station, &error);
  if (example == NULL)
    {
      concord_ui_set_field_error (GTK_WIDGET (self->format_row), NULL, error->message);
      adw_action_row_set_subtitle (self->example_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->example_row), "error");
      return FALSE;
    }

  concord_ui_set_field_error (GTK_WIDGET (self->format_row), NULL, NULL);
  adw_action_row_set_subtitle (self->example_row, example);
  gtk_widget_remove_css_class (GTK_WIDGET (self->example_row), "error");
  return TRUE;
}

/* Writes @row's text to @key when it differs from what is stored. */
static gboolean
save_entry (ConcordPreferencesWindow *self,
            AdwEntryRow              *row,
            const char               *key)
{
  g_autofree char *value = dup_stripped (row);
  g_autofree char *stored = concord_store_get_setting (get_store (self), key);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (value, stored != NULL ? stored : "") == 0)
    return TRUE;

  if (!concord_store_set_setting (get_store (self), key, *value != '\0' ? value : NULL,
                                  get_actor (self), &error))
    {
      show_error (self, _("Could Not Save the Setting"), error);
      return FALSE;
    }
  return TRUE;
}

static void
save_format (ConcordPreferencesWindow *self)
{
  /* An invalid format stays marked at the field and is not stored. */
  if (!update_example (self))
    return;
  save_entry (self, self->format_row, CONCORD_SETTING_CASE_NUMBER_FORMAT);
}

static void
save_limit (ConcordPreferencesWindow *self,
            GtkSpinButton            *spin,
            const char               *key)
{
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));
  g_autofree char *stored = concord_store_get_setting (get_store (self), key);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (value, stored) == 0)
    return;
  if (!concord_store_set_setting (get_store (self), key, value, get_actor (self), &error))
    show_error (self, _("Could Not Save the Time Limit"), error);
}

static void
save_limits (ConcordPreferencesWindow *self)
{
  g_clear_handle_id (&self->spin_save_id, g_source_remove);
  save_limit (self, self->received_spin, CONCORD_SETTING_LIMIT_RECEIVED_DAYS);
  save_limit (self, self->accepted_spin, CONCORD_SETTING_LIMIT_ACCEPTED_DAYS);
}

static void
load_entry (ConcordPreferencesWindow *self,
            AdwEntryRow              *row,
            const char               *key,
            const char               *fallback)
{
  g_autofree char *value = concord_store_get_setting (get_store (self), key);

  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : fallback);
}

static void
load_limit (ConcordPreferencesWindow *self,
            GtkSpinButton            *spin,
            const char               *key,
            int                       fallback)
{
  g_autofree char *value = concord_store_get_setting (get_store (self), key);
  gint64 days = fallback;

  if (value != NULL && !g_ascii_string_to_signed (value, 10, 1, 365, &days, NULL))
    days = fallback;
  gtk_spin_button_set_value (spin, (double) days);
}

static void
review_required_cb (ConcordPreferencesWindow *self)
{
  gboolean required = gtk_switch_get_active (self->review_required_switch);
  g_autoptr(GError) error = NULL;

  if (self->loading || required == concord_store_review_required (get_store (self)))
    return;
  if (!concord_store_set_setting (get_store (self), CONCORD_SETTING_REVIEW_REQUIRED,
                                  required ? "true" : "false", get_actor (self), &error))
    {
      show_error (self, _("Could Not Save the Setting"), error);
      /* The switch shows what is stored. */
      self->loading = TRUE;
      gtk_switch_set_active (self->review_required_switch, !required);
      self->loading = FALSE;
    }
}

/* The widget that edits setting @key, or NULL. */
static GtkWidget *
setting_widget (ConcordPreferencesWindow *self,
                const char               *key)
{
  if (g_str_equal (key, CONCORD_SETTING_STATION_NAME))
    return GTK_WIDGET (self->station_name_row);
  if (g_str_equal (key, CONCORD_SETTING_STATION_SHORT_NAME))
    return GTK_WIDGET (self->short_name_row);
  if (g_str_equal (key, CONCORD_SETTING_COMMITTEE_NAME))
    return GTK_WIDGET (self->committee_row);
  if (g_str_equal (key, CONCORD_SETTING_REVIEW_REQUIRED))
    return GTK_WIDGET (self->review_required_switch);
  if (g_str_equal (key, CONCORD_SETTING_CASE_NUMBER_FORMAT))
    return GTK_WIDGET (self->format_row);
  if (g_str_equal (key, CONCORD_SETTING_LIMIT_RECEIVED_DAYS))
    return GTK_WIDGET (self->received_spin);
  if (g_str_equal (key, CONCORD_SETTING_LIMIT_ACCEPTED_DAYS))
    return GTK_WIDGET (self->accepted_spin);
  return NULL;
}

static void
focus_requested (ConcordPreferencesWindow *self)
{
  g_autofree char *key = g_steal_pointer (&self->focus_key);
  GtkWidget *widget = setting_widget (self, key);
  GtkWidget *page;

  if (widget == NULL)
    {
      g_warning ("No preference shows the setting “%s”", key);
      return;
    }
  page = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_PAGE);
  if (page != NULL)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  gtk_widget_grab_focus (widget);
}

static void
map_cb (ConcordPreferencesWindow *self)
{
  if (self->focus_key != NULL)
    focus_requested (self);
}

/* Categories */

static void
category_switch_cb (GtkSwitch                *toggle,
                    GParamSpec               *pspec,
                    ConcordPreferencesWindow *self)
{
  const char *code = g_object_get_data (G_OBJECT (toggle), "code");
  const char *label = g_object_get_data (G_OBJECT (toggle), "label");
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  if (!concord_store_save_category (get_store (self), code, label,
                                    gtk_switch_get_active (toggle),
                                    get_actor (self), &error))
    {
      show_error (self, _("Could Not Save the Category"), error);
      self->loading = TRUE;
      gtk_switch_set_active (toggle, !gtk_switch_get_active (toggle));
      self->loading = FALSE;
    }
}

static void
load_categories (ConcordPreferencesWindow *self)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->category_rows->len; i++)
    adw_preferences_group_remove (self->categories_group, g_ptr_array_index (self->category_rows, i));
  g_ptr_array_set_size (self->category_rows, 0);

  categories = concord_store_list_categories (get_store (self), TRUE, &error);
  if (categories == NULL)
    {
      g_warning ("Could not read the categories: %s", error->message);
      return;
    }

  self->loading = TRUE;
  for (guint i = 0; i < categories->len; i++)
    {
      const ConcordCategory *category = g_ptr_array_index (categories, i);
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE); /* names are text, not markup */
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), category->label);
      if (!category->builtin)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Added by the station"));
      gtk_switch_set_active (GTK_SWITCH (toggle), category->active);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, category->label,
                                      -1);
      g_object_set_data_full (G_OBJECT (toggle), "code", g_strdup (category->code), g_free);
      g_object_set_data_full (G_OBJECT (toggle), "label", g_strdup (category->label), g_free);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (category_switch_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);

      adw_preferences_group_add (self->categories_group, row);
      g_ptr_array_add (self->category_rows, row);
    }
  self->loading = FALSE;
}

/* A code for a category the station adds: stable and ASCII, unlike its
 * label. */
static char *
new_category_code (ConcordPreferencesWindow *self)
{
  g_autoptr(GPtrArray) categories = NULL;

  categories = concord_store_list_categories (get_store (self), TRUE, NULL);
  for (guint n = 1; ; n++)
    {
      g_autofree char *code = g_strdup_printf ("custom_%u", n);
      gboolean taken = FALSE;

      for (guint i = 0; categories != NULL && i < categories->len; i++)
        {
          const ConcordCategory *category = g_ptr_array_index (categories, i);

          if (g_str_equal (category->code, code))
            taken = TRUE;
        }
      if (!taken)
        return g_steal_pointer (&code);
    }
}

static gboolean
category_label_taken (ConcordPreferencesWindow *self,
                      const char               *label)
{
  g_autoptr(GPtrArray) categories = concord_store_list_categories (get_store (self), TRUE, NULL);

  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      const ConcordCategory *category = g_ptr_array_index (categories, i);

      if (g_strcmp0 (category->label, label) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
new_category_changed_cb (ConcordPreferencesWindow *self)
{
  g_autofree char *label = dup_stripped (self->new_category_row);
  gboolean taken = *label != '\0' && category_label_taken (self, label);

  concord_ui_set_field_error (GTK_WIDGET (self->new_category_row), NULL,
                              taken ? _("There is already a category with this name") : NULL);
  gtk_widget_set_sensitive (self->add_category_button, *label != '\0' && !taken);
}

static void
add_category_cb (ConcordPreferencesWindow *self)
{
  g_autofree char *label = dup_stripped (self->new_category_row);
  g_autofree char *code = NULL;
  g_autoptr(GError) error = NULL;

  if (*label == '\0' || category_label_taken (self, label))
    return;

  code = new_category_code (self);
  if (!concord_store_save_category (get_store (self), code, label, TRUE, get_actor (self), &error))
    {
      show_error (self, _("Could Not Add the Category"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_category_row), "");
  load_categories (self);
}

/* Team members */

static void load_members (ConcordPreferencesWindow *self);

typedef struct
{
  ConcordPreferencesWindow *self;
  ConcordTeamMember        *member;
  AdwMessageDialog         *dialog;
  AdwEntryRow              *name_row;
  AdwComboRow              *role_row;
  AdwEntryRow              *phone_row;
  AdwEntryRow              *organisation_row;
  AdwEntryRow              *username_row;
} MemberEditor;

static void
member_editor_free (MemberEditor *editor)
{
  g_clear_object (&editor->self);
  g_clear_pointer (&editor->member, concord_team_member_unref);
  g_free (editor);
}

static gboolean
member_editor_check (MemberEditor *editor)
{
  g_autofree char *name = dup_stripped (editor->name_row);
  g_autofree char *phone = dup_stripped (editor->phone_row);
  g_autoptr(GError) error = NULL;
  gboolean phone_ok = TRUE;

  if (*phone != '\0')
    phone_ok = concord_validate_phone (phone, NULL, &error);
  concord_ui_set_field_error (GTK_WIDGET (editor->phone_row), NULL,
                              phone_ok ? NULL : error->message);
  gtk_widget_set_tooltip_text (GTK_WIDGET (editor->phone_row), phone_ok ? NULL : error->message);

  adw_message_dialog_set_response_enabled (editor->dialog, "save", *name != '\0' && phone_ok);
  return *name != '\0' && phone_ok;
}

static void
member_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    MemberEditor     *editor)
{
  ConcordTeamMember *m = editor->member;
  g_autofree char *phone = NULL;
  g_autoptr(GError) error = NULL;
  guint role;

  if (g_strcmp0 (response, "save") != 0 || !member_editor_check (editor))
    return;

  concord_set_text (&m->name, gtk_editable_get_text (GTK_EDITABLE (editor->name_row)));
  role = adw_combo_row_get_selected (editor->role_row);
  m->role = role < CONCORD_N_TEAM_ROLES ? (ConcordTeamRole) role : CONCORD_TEAM_MEDIATOR;
  phone = dup_stripped (editor->phone_row);
  if (*phone != '\0')
    {
      g_autofree char *normalized = NULL;

      if (concord_validate_phone (phone, &normalized, NULL))
        {
          g_free (phone);
          phone = g_steal_pointer (&normalized);
        }
    }
  concord_set_text (&m->phone, phone);
  concord_set_text (&m->organisation, gtk_editable_get_text (GTK_EDITABLE (editor->organisation_row)));
  concord_set_text (&m->username, gtk_editable_get_text (GTK_EDITABLE (editor->username_row)));

  if (!concord_store_save_member (get_store (editor->self), m, get_actor (editor->self), &error))
    {
      show_error (editor->self, _("Could Not Save the Team Member"), error);
      return;
    }
  load_members (editor->self);
}

static AdwEntryRow *
add_entry_row (GtkWidget  *list,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return ADW_ENTRY_ROW (row);
}

static void
edit_member (ConcordPreferencesWindow *self,
             const ConcordTeamMember  *member)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  MemberEditor *editor = g_new0 (MemberEditor, 1);
  GtkWidget *list, *row;

  editor->self = g_object_ref (self);
  editor->member = member != NULL ? concord_team_member_copy (member) : concord_team_member_new ();

  editor->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                               member != NULL ? _("Edit Team Member") : _("New Team Member"),
                                                               NULL));
  adw_message_dialog_add_responses (editor->dialog,
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (editor->dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (editor->dialog, "save");
  adw_message_dialog_set_close_response (editor->dialog, "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  editor->name_row = add_entry_row (list, _("Name"), editor->member->name);

  for (int i = 0; i < CONCORD_N_TEAM_ROLES; i++)
    gtk_string_list_append (roles, concord_team_role_label (i));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (roles));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), editor->member->role);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  editor->role_row = ADW_COMBO_ROW (row);

  editor->phone_row = add_entry_row (list, _("Phone"), editor->member->phone);
  adw_entry_row_set_input_purpose (editor->phone_row, GTK_INPUT_PURPOSE_PHONE);
  editor->organisation_row = add_entry_row (list, _("Organisation"), editor->member->organisation);
  editor->username_row = add_entry_row (list, _("User name on this computer"), editor->member->username);

  adw_message_dialog_set_extra_child (editor->dialog, list);

  g_signal_connect_swapped (editor->name_row, "changed", G_CALLBACK (member_editor_check), editor);
  g_signal_connect_swapped (editor->phone_row, "changed", G_CALLBACK (member_editor_check), editor);
  g_signal_connect (editor->dialog, "response", G_CALLBACK (member_response_cb), editor);
  g_object_set_data_full (G_OBJECT (editor->dialog), "editor", editor,
                          (GDestroyNotify) member_editor_free);
  member_editor_check (editor);

  gtk_window_present (GTK_WINDOW (editor->dialog));
  gtk_widget_grab_focus (GTK_WIDGET (editor->name_row));
}

static void
edit_member_cb (GtkButton                *button,
                ConcordPreferencesWindow *self)
{
  edit_member (self, g_object_get_data (G_OBJECT (button), "member"));
}

static void
add_member_cb (ConcordPreferencesWindow *self)
{
  edit_member (self, NULL);
}

static void
load_members (ConcordPreferencesWindow *self)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->member_rows->len; i++)
    adw_preferences_group_remove (self->members_group, g_ptr_array_index (self->member_rows, i));
  g_ptr_array_set_size (self->member_rows, 0);

  members = concord_store_list_members (get_store (self), &error);
  if (members == NULL)
    {
      g_warning ("Could not read the team members: %s", error->message);
      return;
    }

  if (members->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE); /* names are text, not markup */

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No team members yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->member_rows, row);
      return;
    }

  for (guint i = 0; i < members->len; i++)
    {
      ConcordTeamMember *m = g_ptr_array_index (members, i);
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE); /* names are text, not markup */
      GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");
      g_autoptr(GString) subtitle = g_string_new (concord_team_role_label (m->role));
      g_autofree char *accessible = NULL;

      /* Translators: separates the particulars of a team member, e.g. "Lawyer · 138… · Qingdao Law Firm" */
#define SEP C_("particulars separator", " · ")
      if (m->phone != NULL)
        g_string_append_printf (subtitle, "%s%s", SEP, m->phone);
      if (m->organisation != NULL)
        g_string_append_printf (subtitle, "%s%s", SEP, m->organisation);
      if (m->username != NULL)
        g_string_append_printf (subtitle, "%s%s", SEP, m->username);
#undef SEP

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->name != NULL ? m->name : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: tooltip of the edit button of a team member; %s is the name */
      accessible = g_strdup_printf (_("Edit %s"), m->name != NULL ? m->name : "");
      gtk_widget_set_tooltip_text (button, accessible);
      g_object_set_data_full (G_OBJECT (button), "member",
                              concord_team_member_ref (m),
                              (GDestroyNotify) concord_team_member_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (edit_member_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->member_rows, row);
    }
}

/* Callbacks */

static void
station_apply_cb (AdwEntryRow              *row,
                  ConcordPreferencesWindow *self)
{
  if (row == self->station_name_row)
    save_entry (self, row, CONCORD_SETTING_STATION_NAME);
  else if (row == self->short_name_row)
    save_entry (self, row, CONCORD_SETTING_STATION_SHORT_NAME);
  else if (row == self->committee_row)
    save_entry (self, row, CONCORD_SETTING_COMMITTEE_NAME);
  else if (row == self->format_row)
    save_format (self);
}

static void
format_changed_cb (ConcordPreferencesWindow *self)
{
  if (self->loading)
    return;
  self->format_warned = FALSE;
  update_example (self);
}

static gboolean
spin_save_cb (gpointer data)
{
  ConcordPreferencesWindow *self = data;

  self->spin_save_id = 0;
  save_limits (self);
  return G_SOURCE_REMOVE;
}

static void
spin_changed_cb (ConcordPreferencesWindow *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->spin_save_id, g_source_remove);
  self->spin_save_id = g_timeout_add (SPIN_SAVE_DELAY_MS, spin_save_cb, self);
}

/* Overrides */

/* An invalid format is not stored: say so once, at the field, and keep the
 * window open; closing again discards it. */
static gboolean
warn_invalid_format (ConcordPreferencesWindow *self)
{
  GtkWidget *page;

  if (self->format_warned || update_example (self))
    return FALSE;

  self->format_warned = TRUE;
  page = gtk_widget_get_ancestor (GTK_WIDGET (self->format_row), ADW_TYPE_PREFERENCES_PAGE);
  if (page != NULL)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  gtk_widget_grab_focus (GTK_WIDGET (self->format_row));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("The case number format is not valid and was not saved. "
                                                     "Close again to discard it.")));
  return TRUE;
}

static gboolean
concord_preferences_window_close_request (GtkWindow *window)
{
  ConcordPreferencesWindow *self = CONCORD_PREFERENCES_WINDOW (window);

  /* What was typed but not applied is kept too: a number typed in a spin
   * button counts only once the button has read it. */
  if (self->context != NULL)
    {
      gtk_spin_button_update (self->received_spin);
      gtk_spin_button_update (self->accepted_spin);
      save_entry (self, self->station_name_row, CONCORD_SETTING_STATION_NAME);
      save_entry (self, self->short_name_row, CONCORD_SETTING_STATION_SHORT_NAME);
      save_entry (self, self->committee_row, CONCORD_SETTING_COMMITTEE_NAME);
      save_format (self);
      save_limits (self);
      if (warn_invalid_format (self))
        return TRUE;
    }

  return GTK_WINDOW_CLASS (concord_preferences_window_parent_class)->close_request (window);
}

static void
concord_preferences_window_constructed (GObject *object)
{
  ConcordPreferencesWindow *self = CONCORD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (concord_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL);

  self->loading = TRUE;
  load_entry (self, self->station_name_row, CONCORD_SETTING_STATION_NAME, "");
  load_entry (self, self->short_name_row, CONCORD_SETTING_STATION_SHORT_NAME, "");
  load_entry (self, self->committee_row, CONCORD_SETTING_COMMITTEE_NAME, "");
  gtk_switch_set_active (self->review_required_switch, concord_store_review_required (get_store (self)));
  load_entry (self, self->format_row, CONCORD_SETTING_CASE_NUMBER_FORMAT,
              CONCORD_CASE_NUMBER_DEFAULT_FORMAT);
  load_limit (self, self->received_spin, CONCORD_SETTING_LIMIT_RECEIVED_DAYS, DEFAULT_RECEIVED_DAYS);
  load_limit (self, self->accepted_spin, CONCORD_SETTING_LIMIT_ACCEPTED_DAYS, DEFAULT_ACCEPTED_DAYS);
  self->loading = FALSE;

  update_example (self);
  load_categories (self);
  load_members (self);
}

static void
concord_preferences_window_dispose (GObject *object)
{
  ConcordPreferencesWindow *self = CONCORD_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->spin_save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_preferences_window_parent_class)->dispose (object);
}

static void
concord_preferences_window_finalize (GObject *object)
{
  ConcordPreferencesWindow *self = CONCORD_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->category_rows, g_ptr_array_unref);
  g_clear_pointer (&self->member_rows, g_ptr_array_unref);
  g_clear_pointer (&self->focus_key, g_free);

  G_OBJECT_CLASS (concord_preferences_window_parent_class)->finalize (object);
}

static void
concord_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  ConcordPreferencesWindow *self = CONCORD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  ConcordPreferencesWindow *self = CONCORD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_preferences_window_class_init (ConcordPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = concord_preferences_window_constructed;
  object_class->dispose = concord_preferences_window_dispose;
  object_class->finalize = concord_preferences_window_finalize;
  object_class->get_property = concord_preferences_window_get_property;
  object_class->set_property = concord_preferences_window_set_property;
  window_class->close_request = concord_preferences_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CONCORD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, station_name_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, committee_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, review_required_switch);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, example_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, received_spin);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, accepted_spin);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, categories_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, new_category_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, add_category_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, members_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, add_member_button);
}

static void
concord_preferences_window_init (ConcordPreferencesWindow *self)
{
  self->category_rows = g_ptr_array_new ();
  self->member_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->station_name_row, "apply", G_CALLBACK (station_apply_cb), self, 0);
  g_signal_connect_object (self->short_name_row, "apply", G_CALLBACK (station_apply_cb), self, 0);
  g_signal_connect_object (self->committee_row, "apply", G_CALLBACK (station_apply_cb), self, 0);
  g_signal_connect_object (self->format_row, "apply", G_CALLBACK (station_apply_cb), self, 0);
  g_signal_connect_object (self->review_required_switch, "notify::active",
                           G_CALLBACK (review_required_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect_object (self->format_row, "changed", G_CALLBACK (format_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->short_name_row, "changed", G_CALLBACK (format_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->received_spin, "value-changed", G_CALLBACK (spin_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->accepted_spin, "value-changed", G_CALLBACK (spin_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_category_row, "changed", G_CALLBACK (new_category_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_category_row, "entry-activated", G_CALLBACK (add_category_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_category_button, "clicked", G_CALLBACK (add_category_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_member_button, "clicked", G_CALLBACK (add_member_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
concord_preferences_window_new (ConcordContext *context,
                                GtkWindow      *parent)
{
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CONCORD_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       "transient-for", parent,
                       NULL);
}

/**
 * concord_preferences_window_focus_setting:
 * @self: the window
 * @key: a station setting: %CONCORD_SETTING_STATION_NAME,
 *   %CONCORD_SETTING_COMMITTEE_NAME, %CONCORD_SETTING_REVIEW_REQUIRED (or
 *   the short name, the case number format, a time limit)
 *
 * Shows the page of the setting @key and focuses its row, now or when the
 * window shows; for what another view says is missing ("the committee's
 * name is not set").
 */
void
concord_preferences_window_focus_setting (ConcordPreferencesWindow *self,
                                          const char               *key)
{
  g_return_if_fail (CONCORD_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (key != NULL);

  g_free (self->focus_key);
  self->focus_key = g_strdup (key);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_requested (self);
}
