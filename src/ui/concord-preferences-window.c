/* concord-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "concord-resources.h"
#include "concord-ui-util.h"
#include "concord-preferences-window.h"
#include "concord-preferences-window-private.h"

#define DEFAULT_RECEIVED_DAYS 3
#define DEFAULT_ACCEPTED_DAYS 7
#define SPIN_SAVE_DELAY_MS    600

/* A font setting and its row on the printing page */
typedef struct
{
  const char   *key;
  const char   *default_path;
  AdwActionRow *row;
  GtkWidget    *choose;
  GtkWidget    *reset;
  GtkWidget    *message_row;
  GtkLabel     *message;
} FontSlot;

enum { FONT_SLOT_BODY, FONT_SLOT_HEADING, N_FONT_SLOTS };

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

  FontSlot              fonts[N_FONT_SLOTS];
  AdwActionRow         *seal_row;
  GtkStack             *seal_thumbnail;
  GtkPicture           *seal_picture;
  GtkWidget            *seal_choose;
  GtkWidget            *seal_remove;
  GtkWidget            *seal_message_row;
  GtkLabel             *seal_message;
  GtkFileChooserNative *chooser;
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
  if (g_str_equal (key, CONCORD_SETTING_PDF_BODY_FONT))
    return self->fonts[FONT_SLOT_BODY].choose;
  if (g_str_equal (key, CONCORD_SETTING_PDF_HEADING_FONT))
    return self->fonts[FONT_SLOT_HEADING].choose;
  if (g_str_equal (key, CONCORD_SETTING_PDF_SEAL_IMAGE))
    return self->seal_choose;
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

/* Printing: the fonts and the seal */

/* Words every agreement prints in the body font whatever its template:
 * the form's fixed words, the numerals of amounts and of terms, the
 * punctuation, digits. A font without them cannot print an agreement. */
static const char body_words[] =
  "人民调解协议书甲乙丙方当事人调解员主持人签名按指印年月日第页共印章"
  "壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整零人民币〇一二三四五六七八九十"
  "，。；：、（）“”《》0123456789¥.,";

/* And in the heading font: the title of the usual form. */
static const char heading_words[] = "人民调解协议书";

/* How many missing characters a message names. */
#define MAX_NAMED_CHARS 12

/* The largest seal the PDF takes, across (concord-pdf.c's
 * SEAL_MAX_PIXELS: 1000 pixels print 42 mm at 600 dpi). */
#define SEAL_MAX_PIXELS 2000

/* A seal with less than this share of (mostly) transparent pixels would
 * hide the name it is printed over. */
#define SEAL_MIN_TRANSPARENT 0.10

static FontSlot *
font_slot (ConcordPreferencesWindow *self,
           const char               *key)
{
  for (guint i = 0; i < N_FONT_SLOTS; i++)
    if (g_strcmp0 (self->fonts[i].key, key) == 0)
      return &self->fonts[i];
  return NULL;
}

/* Shows @text (or nothing, for NULL) in the message row under a row. */
static void
set_row_message (GtkWidget  *row,
                 GtkWidget  *message_row,
                 GtkLabel   *message,
                 const char *text)
{
  gboolean shown = text != NULL && *text != '\0';

  gtk_label_set_text (message, shown ? text : "");
  gtk_widget_set_visible (message_row, shown);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               shown ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (shown)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, message, NULL,
                                    -1);
  else
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
}

static void
set_font_message (FontSlot   *slot,
                  const char *text)
{
  set_row_message (GTK_WIDGET (slot->row), slot->message_row, slot->message, text);
}

static void
set_seal_message (ConcordPreferencesWindow *self,
                  const char               *text)
{
  set_row_message (GTK_WIDGET (self->seal_row), self->seal_message_row, self->seal_message, text);
}

/* The setting "path" or "path#index". */
static char *
format_font_setting (const char *path,
                     guint       index)
{
  /* A path with a "#" of its own always carries the index, so that
   * reading it back cannot mistake part of the name for it. */
  if (index == 0 && strchr (path, '#') == NULL)
    return g_strdup (path);
  return g_strdup_printf ("%s#%u", path, index);
}

static void
add_needed (GString    *out,
            GHashTable *seen,
            const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_hash_table_contains (seen, GUINT_TO_POINTER (c)))
        continue;
      g_hash_table_add (seen, GUINT_TO_POINTER (c));
      g_string_append_unichar (out, c);
    }
}

char *
_concord_preferences_dup_needed_chars (const char *key,
                                       const char *station_name,
                                       const char *committee_name)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) templates = concord_template_list ();
  gboolean heading = g_strcmp0 (key, CONCORD_SETTING_PDF_HEADING_FONT) == 0;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (key != NULL, NULL);

  add_needed (out, seen, heading ? heading_words : body_words);
  for (guint i = 0; templates != NULL && i < templates->len; i++)
    {
      const ConcordTemplate *template = g_ptr_array_index (templates, i);

      /* What concord-pdf.c prints with each face: the title and the
       * headings with the heading font, the standard clauses with the
       * body font. */
      if (heading)
        add_needed (out, seen, template->title);
      for (guint s = 0; s < template->sections->len; s++)
        {
          const ConcordTemplateSection *section = g_ptr_array_index (template->sections, s);

          if (heading)
            add_needed (out, seen, section->heading);
          for (guint f = 0; f < section->fields->len; f++)
            {
              const ConcordTemplateField *field = g_ptr_array_index (section->fields, f);

              add_needed (out, seen, heading ? field->heading : field->default_text);
            }
        }
    }
  if (!heading)
    {
      add_needed (out, seen, station_name);
      add_needed (out, seen, committee_name);
    }
  return g_string_free (out, FALSE);
}

/* Opens face @index of @path and checks it has every character @needed. */
static ConcordPdfFont *
open_checked_font (const char  *path,
                   guint        index,
                   const char  *needed,
                   GError     **error)
{
  g_autoptr(ConcordPdfFont) font = concord_pdf_font_open (path, index, error);
  g_autoptr(GString) named = NULL;
  g_autofree char *name = NULL;
  guint n_missing = 0;

  if (font == NULL)
    return NULL;

  named = g_string_new (NULL);
  for (const char *p = needed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (concord_pdf_font_has_char (font, c))
        continue;
      if (n_missing < MAX_NAMED_CHARS)
        {
          if (n_missing > 0)
            /* Translators: separates the characters a font lacks: "人, 民, 调" */
            g_string_append (named, C_("characters", ", "));
          g_string_append_unichar (named, c);
        }
      n_missing++;
    }
  if (n_missing == 0)
    return g_steal_pointer (&font);

  name = g_filename_display_basename (path);
  if (n_missing <= MAX_NAMED_CHARS)
    g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                 /* Translators: the first %s is a font file name, %u how many characters it lacks, the last %s
                  * lists them all ("人, 民, 调"). AR PL UMing is the name of a font: keep it as it is. */
                 g_dngettext (GETTEXT_PACKAGE,
                              "“%s” lacks %u character that agreements print: %s. Choose a font that covers Chinese, such as AR PL UMing.",
                              "“%s” lacks %u characters that agreements print: %s. Choose a font that covers Chinese, such as AR PL UMing.",
                              n_missing),
                 name, n_missing, named->str);
  else
    g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                 /* Translators: the first %s is a font file name, %u how many characters it lacks (always more
                  * than 12), the last %s lists the first 12 of them ("人, 民, 调"). AR PL UMing is the name of a
                  * font: keep it as it is. */
                 g_dngettext (GETTEXT_PACKAGE,
                              "“%s” lacks %u character that agreements print, among them %s. Choose a font that covers Chinese, such as AR PL UMing.",
                              "“%s” lacks %u characters that agreements print, among them %s. Choose a font that covers Chinese, such as AR PL UMing.",
                              n_missing),
                 name, n_missing, named->str);
  return NULL;
}

static char *
dup_needed_chars (ConcordPreferencesWindow *self,
                  const char               *key)
{
  g_autofree char *station = concord_store_get_setting (get_store (self), CONCORD_SETTING_STATION_NAME);
  g_autofree char *committee = concord_store_get_setting (get_store (self), CONCORD_SETTING_COMMITTEE_NAME);

  return _concord_preferences_dup_needed_chars (key, station, committee);
}

static void
show_font (ConcordPreferencesWindow *self,
           FontSlot                 *slot)
{
  g_autofree char *spec = concord_store_get_setting (get_store (self), slot->key);
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(ConcordPdfFont) font = NULL;
  g_autoptr(GError) error = NULL;
  guint index = 0;
  gboolean is_default;

  is_default = !concord_document_parse_font_setting (spec, &path, &index);
  if (is_default)
    path = g_strdup (slot->default_path);

  display = g_filename_display_name (path);
  font = concord_pdf_font_open (path, index, &error);
  if (font == NULL)
    subtitle = g_strdup (display);
  else if (is_default)
    /* Translators: %s is the name of a font ("AR PL UMing CN"), the one used when none was chosen */
    subtitle = g_strdup_printf (_("%s (default)\n%s"), concord_pdf_font_get_family (font), display);
  else
    subtitle = g_strdup_printf ("%s\n%s", concord_pdf_font_get_family (font), display);

  adw_action_row_set_subtitle (slot->row, subtitle);
  gtk_widget_set_sensitive (slot->reset, !is_default);
  /* A font that was fine when chosen may have been removed since. */
  set_font_message (slot, font == NULL ? error->message : NULL);
}

static void
use_font (ConcordPreferencesWindow *self,
          FontSlot                 *slot,
          const char               *path,
          guint                     index)
{
  g_autofree char *needed = dup_needed_chars (self, slot->key);
  g_autoptr(ConcordPdfFont) font = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;

  font = open_checked_font (path, index, needed, &error);
  if (font == NULL)
    {
      /* The setting stays as it was; the row says why. */
      set_font_message (slot, error->message);
      return;
    }

  value = format_font_setting (path, index);
  if (!concord_store_set_setting (get_store (self), slot->key, value, get_actor (self), &error))
    {
      show_error (self, _("Could Not Save the Setting"), error);
      return;
    }
  show_font (self, slot);
}

/* How many faces the file holds: the count of a TrueType collection
 * ("ttcf" header), else 1. */
static guint
count_faces (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guint8 header[12];
  gsize len = 0;
  guint32 n;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &len, NULL, NULL) ||
      len < sizeof header || memcmp (header, "ttcf", 4) != 0)
    return 1;
  n = ((guint32) header[8] << 24) | ((guint32) header[9] << 16) | ((guint32) header[10] << 8) | header[11];
  return MAX (1, MIN (n, 256));
}

typedef struct
{
  ConcordPreferencesWindow *self;
  char                     *key;
  char                     *path;
  GArray                   *faces;     /* of guint, the face of each item */
  GtkDropDown              *dropdown;
} FaceQuestion;

static void
face_question_free (FaceQuestion *question)
{
  g_clear_object (&question->self);
  g_free (question->key);
  g_free (question->path);
  g_clear_pointer (&question->faces, g_array_unref);
  g_free (question);
}

static void
face_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  FaceQuestion     *question)
{
  FontSlot *slot = font_slot (question->self, question->key);
  guint selected = gtk_drop_down_get_selected (question->dropdown);

  if (g_strcmp0 (response, "choose") != 0 || slot == NULL || selected >= question->faces->len)
    return;
  use_font (question->self, slot, question->path, g_array_index (question->faces, guint, selected));
}

static void
ask_face (ConcordPreferencesWindow *self,
          FontSlot                 *slot,
          const char               *path,
          GArray                   *faces,
          GPtrArray                *families)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *name = g_filename_display_basename (path);
  FaceQuestion *question = g_new0 (FaceQuestion, 1);
  AdwMessageDialog *dialog;

  for (guint i = 0; i < families->len; i++)
    {
      const char *family = g_ptr_array_index (families, i);
      guint same = 0;

      for (guint j = 0; j < families->len; j++)
        same += g_strcmp0 (family, g_ptr_array_index (families, j)) == 0;
      if (same > 1)
        {
          /* Translators: a font of a collection whose name others share: "Songti SC (font 2)" */
          g_autofree char *label = g_strdup_printf (_("%s (font %u)"), family,
                                                    g_array_index (faces, guint, i) + 1);
          gtk_string_list_append (names, label);
        }
      else
        gtk_string_list_append (names, family);
    }

  question->self = g_object_ref (self);
  question->key = g_strdup (slot->key);
  question->path = g_strdup (path);
  question->faces = g_array_ref (faces);
  question->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Which Font?"), NULL));
  /* Translators: %s is a font file name (a collection, .ttc) */
  adw_message_dialog_format_body (dialog, _("“%s” holds several fonts. Choose the one agreements are printed with."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "choose", _("_Use This Font"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "choose");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (question->dropdown));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (question->dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Font"),
                                  -1);

  g_signal_connect (dialog, "response", G_CALLBACK (face_response_cb), question);
  g_object_set_data_full (G_OBJECT (dialog), "question", question, (GDestroyNotify) face_question_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_concord_preferences_window_choose_font (ConcordPreferencesWindow *self,
                                         const char               *key,
                                         GFile                    *file,
                                         int                       face)
{
  FontSlot *slot;
  g_autofree char *path = NULL;
  g_autofree char *needed = NULL;
  g_autoptr(GArray) faces = NULL;
  g_autoptr(GPtrArray) families = NULL;
  g_autoptr(GError) first_error = NULL;
  guint n_faces;

  g_return_if_fail (CONCORD_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  slot = font_slot (self, key);
  g_return_if_fail (slot != NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      set_font_message (slot, _("Choose a font file on this computer."));
      return;
    }
  if (face >= 0)
    {
      use_font (self, slot, path, (guint) face);
      return;
    }

  n_faces = count_faces (file);
  if (n_faces == 1)
    {
      use_font (self, slot, path, 0);
      return;
    }

  /* A collection: the fonts the PDF can use, by name, to choose from. The
   * characters are checked once one is chosen, with the message naming
   * them. */
  faces = g_array_new (FALSE, FALSE, sizeof (guint));
  families = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_faces; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConcordPdfFont) font = concord_pdf_font_open (path, i, &error);

      if (font == NULL)
        {
          if (first_error == NULL)
            first_error = g_steal_pointer (&error);
          continue;
        }
      g_array_append_val (faces, i);
      g_ptr_array_add (families, g_strdup (concord_pdf_font_get_family (font)));
    }

  if (faces->len == 0)
    set_font_message (slot, first_error->message);
  else if (faces->len == 1)
    use_font (self, slot, path, g_array_index (faces, guint, 0));
  else
    ask_face (self, slot, path, faces, families);
}

static void
reset_font (ConcordPreferencesWindow *self,
            FontSlot                 *slot)
{
  g_autoptr(GError) error = NULL;

  if (!concord_store_set_setting (get_store (self), slot->key, NULL, get_actor (self), &error))
    {
      show_error (self, _("Could Not Save the Setting"), error);
      return;
    }
  show_font (self, slot);
}

/* The seal */

/* Checks that @file is a PNG image with a transparent background: the
 * texture for the thumbnail, or NULL with CONCORD_ERROR_INVALID. */
static GdkTexture *
load_seal (GFile   *file,
           GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name != NULL ? name : "");
  guint8 header[29];   /* the signature and the IHDR chunk */
  gsize len = 0;
  guint32 width, height;
  gboolean transparent = FALSE;

  stream = path != NULL ? g_file_read (file, NULL, NULL) : NULL;
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &len, NULL, NULL))
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is a file name */
                   _("“%s” cannot be read. Check that it is a file you may open, or choose another image."),
                   display);
      return NULL;
    }
  g_clear_object (&stream);

  if (len < sizeof header || memcmp (header, "\x89PNG\r\n\x1a\n", 8) != 0 ||
      memcmp (header + 12, "IHDR", 4) != 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is a file name */
                   _("“%s” is not a PNG image. Save the seal as a PNG image with a transparent background, and choose that."),
                   display);
      return NULL;
    }

  /* What the PDF's PNG reader refuses, said here rather than at printing. */
  width = ((guint32) header[16] << 24) | ((guint32) header[17] << 16) | ((guint32) header[18] << 8) | header[19];
  height = ((guint32) header[20] << 24) | ((guint32) header[21] << 16) | ((guint32) header[22] << 8) | header[23];
  if (header[28] != 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is a file name. Interlacing is a way of storing PNG images. */
                   _("“%s” is an interlaced PNG image, which the PDF cannot use. Save it again without interlacing."),
                   display);
      return NULL;
    }
  if (width > SEAL_MAX_PIXELS || height > SEAL_MAX_PIXELS)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is a file name; then the width and the height of the image, and the
                    * most a side may have, in pixels */
                   _("“%s” is %u × %u pixels, larger than a seal needs (at most %u across). Save a smaller image."),
                   display, width, height, SEAL_MAX_PIXELS);
      return NULL;
    }

  /* Read with GdkPixbuf: GTK 4.8's own PNG loader leaks its buffers on a
   * damaged file. */
  pixbuf = gdk_pixbuf_new_from_file (path, NULL);
  if (pixbuf == NULL)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is a file name */
                   _("“%s” is damaged or incomplete. Choose another image."),
                   display);
      return NULL;
    }

  /* Without an alpha channel (or a tRNS colour key, which the PDF's reader
   * takes too) nothing is transparent; with one, the seal must also really
   * be transparent around its ink. */
  if (gdk_pixbuf_get_has_alpha (pixbuf) && gdk_pixbuf_get_n_channels (pixbuf) == 4 &&
      gdk_pixbuf_get_bits_per_sample (pixbuf) == 8)
    {
      int w = gdk_pixbuf_get_width (pixbuf);
      int h = gdk_pixbuf_get_height (pixbuf);
      int stride = gdk_pixbuf_get_rowstride (pixbuf);
      const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
      guint64 clear = 0;

      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          clear += pixels[(gsize) y * stride + (gsize) x * 4 + 3] < 128;
      transparent = clear >= SEAL_MIN_TRANSPARENT * w * h;
    }
  if (!transparent)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: %s is a file name */
                   _("“%s” has no transparent background: printed over the organisation’s name, it would hide it. "
                     "Save the seal as a PNG image with a transparent background."),
                   display);
      return NULL;
    }

  return gdk_texture_new_for_pixbuf (pixbuf);
}

static void
show_seal (ConcordPreferencesWindow *self)
{
  g_autofree char *path = concord_store_get_setting (get_store (self), CONCORD_SETTING_PDF_SEAL_IMAGE);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;

  if (path == NULL || *path == '\0')
    {
      gtk_picture_set_paintable (self->seal_picture, NULL);
      gtk_stack_set_visible_child_name (self->seal_thumbnail, "none");
      adw_action_row_set_subtitle (self->seal_row, _("None: the seal is stamped by hand on the printed copies"));
      gtk_widget_set_sensitive (self->seal_remove, FALSE);
      set_seal_message (self, NULL);
      return;
    }

  file = g_file_new_for_path (path);
  texture = load_seal (file, &error);
  display = g_filename_display_name (path);
  gtk_picture_set_paintable (self->seal_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->seal_thumbnail, texture != NULL ? "seal" : "none");
  adw_action_row_set_subtitle (self->seal_row, display);
  gtk_widget_set_sensitive (self->seal_remove, TRUE);
  /* The file may have been moved or changed since it was chosen. */
  set_seal_message (self, texture == NULL ? error->message : NULL);
}

void
_concord_preferences_window_choose_seal (ConcordPreferencesWindow *self,
                                         GFile                    *file)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (CONCORD_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      set_seal_message (self, _("Choose an image file on this computer."));
      return;
    }
  texture = load_seal (file, &error);
  if (texture == NULL)
    {
      set_seal_message (self, error->message);
      return;
    }
  if (!concord_store_set_setting (get_store (self), CONCORD_SETTING_PDF_SEAL_IMAGE, path,
                                  get_actor (self), &error))
    {
      show_error (self, _("Could Not Save the Setting"), error);
      return;
    }
  show_seal (self);
}

static void
remove_seal_cb (ConcordPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!concord_store_set_setting (get_store (self), CONCORD_SETTING_PDF_SEAL_IMAGE, NULL,
                                  get_actor (self), &error))
    {
      show_error (self, _("Could Not Save the Setting"), error);
      return;
    }
  show_seal (self);
}

/* The file chooser */

static void
chooser_response_cb (GtkNativeDialog          *chooser,
                     int                       response,
                     ConcordPreferencesWindow *self)
{
  g_autofree char *key = g_strdup (g_object_get_data (G_OBJECT (chooser), "key"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  if (self->chooser == GTK_FILE_CHOOSER_NATIVE (chooser))
    g_clear_object (&self->chooser);

  if (file == NULL)
    return;
  if (g_strcmp0 (key, CONCORD_SETTING_PDF_SEAL_IMAGE) == 0)
    _concord_preferences_window_choose_seal (self, file);
  else
    _concord_preferences_window_choose_font (self, key, file, -1);
}

static void
open_chooser (ConcordPreferencesWindow *self,
              const char               *key,
              const char               *title,
              GtkFileFilter            *filter,
              const char               *current,
              const char               *folder)
{
  g_autoptr(GtkFileFilter) owned_filter = filter;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), owned_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), owned_filter);
  g_object_set_data_full (G_OBJECT (self->chooser), "key", g_strdup (key), g_free);

  if (current != NULL && g_file_test (current, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (current);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), file, NULL);
    }
  else if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), dir, NULL);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
choose_font_cb (GtkButton                *button,
                ConcordPreferencesWindow *self)
{
  FontSlot *slot = g_object_get_data (G_OBJECT (button), "slot");
  g_autofree char *spec = concord_store_get_setting (get_store (self), slot->key);
  g_autofree char *path = NULL;
  GtkFileFilter *filter = gtk_file_filter_new ();
  guint index;

  if (!concord_document_parse_font_setting (spec, &path, &index))
    path = g_strdup (slot->default_path);

  gtk_file_filter_set_name (filter, _("TrueType fonts"));
  gtk_file_filter_add_suffix (filter, "ttf");
  gtk_file_filter_add_suffix (filter, "ttc");
  gtk_file_filter_add_suffix (filter, "otf");
  open_chooser (self, slot->key,
                slot == &self->fonts[FONT_SLOT_BODY] ? _("Choose the Body Font") : _("Choose the Heading Font"),
                filter, path, "/usr/share/fonts");
}

static void
reset_font_cb (GtkButton                *button,
               ConcordPreferencesWindow *self)
{
  reset_font (self, g_object_get_data (G_OBJECT (button), "slot"));
}

static void
choose_seal_cb (ConcordPreferencesWindow *self)
{
  g_autofree char *path = concord_store_get_setting (get_store (self), CONCORD_SETTING_PDF_SEAL_IMAGE);
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  open_chooser (self, CONCORD_SETTING_PDF_SEAL_IMAGE, _("Choose the Seal Image"), filter, path,
                g_get_user_special_dir (G_USER_DIRECTORY_PICTURES));
}

static void
load_printing (ConcordPreferencesWindow *self)
{
  for (guint i = 0; i < N_FONT_SLOTS; i++)
    show_font (self, &self->fonts[i]);
  show_seal (self);
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
  load_printing (self);
}

static void
concord_preferences_window_dispose (GObject *object)
{
  ConcordPreferencesWindow *self = CONCORD_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->spin_save_id, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
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

  /* The resources live in a static library: referring to them keeps them
   * linked into every program that opens the window. */
  if (concord_get_resource () == NULL)
    g_critical ("The interface resources are missing");

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
#define BIND_FONT(slot, name, member) \
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE, \
                                             G_STRUCT_OFFSET (ConcordPreferencesWindow, fonts[slot].member))
  BIND_FONT (FONT_SLOT_BODY, "body_font_row", row);
  BIND_FONT (FONT_SLOT_BODY, "body_font_choose", choose);
  BIND_FONT (FONT_SLOT_BODY, "body_font_reset", reset);
  BIND_FONT (FONT_SLOT_BODY, "body_font_message_row", message_row);
  BIND_FONT (FONT_SLOT_BODY, "body_font_message", message);
  BIND_FONT (FONT_SLOT_HEADING, "heading_font_row", row);
  BIND_FONT (FONT_SLOT_HEADING, "heading_font_choose", choose);
  BIND_FONT (FONT_SLOT_HEADING, "heading_font_reset", reset);
  BIND_FONT (FONT_SLOT_HEADING, "heading_font_message_row", message_row);
  BIND_FONT (FONT_SLOT_HEADING, "heading_font_message", message);
#undef BIND_FONT
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, seal_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, seal_thumbnail);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, seal_picture);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, seal_choose);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, seal_remove);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, seal_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPreferencesWindow, seal_message);
}

static void
concord_preferences_window_init (ConcordPreferencesWindow *self)
{
  self->category_rows = g_ptr_array_new ();
  self->member_rows = g_ptr_array_new ();
  self->fonts[FONT_SLOT_BODY].key = CONCORD_SETTING_PDF_BODY_FONT;
  self->fonts[FONT_SLOT_BODY].default_path = CONCORD_PDF_FONT_DEFAULT_BODY;
  self->fonts[FONT_SLOT_HEADING].key = CONCORD_SETTING_PDF_HEADING_FONT;
  self->fonts[FONT_SLOT_HEADING].default_path = CONCORD_PDF_FONT_DEFAULT_HEADING;

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
  for (guint i = 0; i < N_FONT_SLOTS; i++)
    {
      FontSlot *slot = &self->fonts[i];

      g_object_set_data (G_OBJECT (slot->choose), "slot", slot);
      g_object_set_data (G_OBJECT (slot->reset), "slot", slot);
      g_signal_connect_object (slot->choose, "clicked", G_CALLBACK (choose_font_cb), self, 0);
      g_signal_connect_object (slot->reset, "clicked", G_CALLBACK (reset_font_cb), self, 0);
    }
  g_signal_connect_object (self->seal_choose, "clicked", G_CALLBACK (choose_seal_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->seal_remove, "clicked", G_CALLBACK (remove_seal_cb), self, G_CONNECT_SWAPPED);
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
