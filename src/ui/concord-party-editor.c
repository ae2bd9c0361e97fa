/* concord-party-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-party-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "concord-intake-dialog-private.h"
#include "concord-party-editor.h"
#include "concord-resources.h"
#include "concord-ui-util.h"

/* One field of the editor: the widget, where its message shows, and its
 * name in the field paths of concord_case_validate(). */
typedef struct
{
  const char *subfield;
  GtkWidget  *widget;
  GtkLabel   *message;          /* NULL: messages go to other_message */
  GtkWidget  *message_row;
  GtkWidget  *expander;         /* the AdwExpanderRow hiding it, or NULL */
} Field;

#define N_FIELDS 23

struct _ConcordPartyEditor
{
  AdwPreferencesGroup parent_instance;

  GtkButton      *remove_button;
  AdwEntryRow    *name_row;
  GtkWidget      *name_message_row;
  GtkLabel       *name_message;
  AdwComboRow    *role_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *id_type_row;
  AdwEntryRow    *id_number_row;
  GtkWidget      *id_number_message_row;
  GtkLabel       *id_number_message;
  GtkButton      *id_offer_button;
  AdwComboRow    *gender_row;
  GtkWidget      *gender_message_row;
  GtkLabel       *gender_message;
  AdwEntryRow    *birth_date_row;
  GtkWidget      *birth_date_message_row;
  GtkLabel       *birth_date_message;
  AdwEntryRow    *phone_row;
  GtkWidget      *phone_message_row;
  GtkLabel       *phone_message;
  AdwEntryRow    *address_row;
  AdwExpanderRow *more_row;
  AdwEntryRow    *ethnicity_row;
  AdwEntryRow    *occupation_row;
  GtkTextView    *claims_view;
  AdwExpanderRow *agent_row;
  AdwComboRow    *agent_kind_row;
  AdwEntryRow    *agent_relation_row;
  AdwEntryRow    *agent_name_row;
  GtkWidget      *agent_name_message_row;
  GtkLabel       *agent_name_message;
  AdwComboRow    *agent_gender_row;
  AdwComboRow    *agent_id_type_row;
  AdwEntryRow    *agent_id_number_row;
  GtkWidget      *agent_id_number_message_row;
  GtkLabel       *agent_id_number_message;
  GtkButton      *agent_id_offer_button;
  AdwEntryRow    *agent_birth_date_row;
  GtkWidget      *agent_birth_date_message_row;
  GtkLabel       *agent_birth_date_message;
  AdwEntryRow    *agent_phone_row;
  GtkWidget      *agent_phone_message_row;
  GtkLabel       *agent_phone_message;
  AdwEntryRow    *agent_address_row;
  GtkWidget      *other_message_row;
  GtkLabel       *other_message;

  Field           fields[N_FIELDS];

  gint64          party_id;
  gint64          agent_id;
  guint           position;
  guint           loading;
  gboolean        role_chosen;
  gboolean        disposed;
  gboolean        setting_role;

  /* The offers shown under the ID numbers, for their buttons. */
  char            offer_birth_date[11];
  ConcordGender   offer_gender;
  gboolean        offer_fill_birth_date;
  gboolean        offer_fill_gender;
  char            agent_offer_birth_date[11];
  ConcordGender   agent_offer_gender;
  gboolean        agent_offer_fill_birth_date;
  gboolean        agent_offer_fill_gender;
};

enum {
  CHANGED,
  FIELD_LEFT,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConcordPartyEditor, concord_party_editor, ADW_TYPE_PREFERENCES_GROUP)

#define FIELD_STATE_KEY "concord-field-state"

enum {
  FIELD_PRISTINE,
  FIELD_EDITED,
  FIELD_TOUCHED,
};

/* Shared field helpers (declared in concord-intake-dialog-private.h) */

void
_concord_field_mark_edited (GtkWidget *field)
{
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (field), FIELD_STATE_KEY)) == FIELD_PRISTINE)
    g_object_set_data (G_OBJECT (field), FIELD_STATE_KEY, GINT_TO_POINTER (FIELD_EDITED));
}

gboolean
_concord_field_promote (GtkWidget *field)
{
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (field), FIELD_STATE_KEY)) != FIELD_EDITED)
    return FALSE;
  g_object_set_data (G_OBJECT (field), FIELD_STATE_KEY, GINT_TO_POINTER (FIELD_TOUCHED));
  return TRUE;
}

gboolean
_concord_field_is_touched (GtkWidget *field)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (field), FIELD_STATE_KEY)) == FIELD_TOUCHED;
}

static void
field_reset (GtkWidget *field)
{
  g_object_set_data (G_OBJECT (field), FIELD_STATE_KEY, GINT_TO_POINTER (FIELD_PRISTINE));
}

void
_concord_field_watch_focus (GtkWidget *field,
                            GCallback  callback,
                            gpointer   data)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (controller, "leave", callback, data);
  gtk_widget_add_controller (field, controller);
}

void
_concord_field_set_accessible_label (GtkWidget  *field,
                                     const char *label)
{
  g_autofree char *plain = NULL;

  /* Titles carry mnemonics ("_Name"): screen readers want the words. */
  plain = g_strdup (label);
  if (plain != NULL)
    {
      char *src = plain, *dst = plain;

      for (; *src != '\0'; src++)
        if (*src != '_')
          *dst++ = *src;
      *dst = '\0';
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                  -1);
  if (GTK_IS_EDITABLE (field))
    {
      GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (field));

      if (delegate != NULL && GTK_WIDGET (delegate) != field)
        gtk_accessible_update_property (GTK_ACCESSIBLE (delegate),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                        -1);
    }
}

/* Helpers */

static const char *
editable_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
dup_claims (ConcordPartyEditor *self)
{
  return concord_ui_text_view_dup_text (self->claims_view);
}

static void
set_enum_model (AdwComboRow *row,
                GtkStringList *list)
{
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  g_object_unref (list);
}

static GtkStringList *
new_gender_list (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < CONCORD_N_GENDERS; i++)
    gtk_string_list_append (list, concord_gender_label (i));
  return list;
}

static GtkStringList *
new_id_type_list (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < CONCORD_N_ID_TYPES; i++)
    gtk_string_list_append (list, concord_id_type_label (i));
  return list;
}

static guint
combo_selected (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

static Field *
find_field (ConcordPartyEditor *self,
            const char         *subfield)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].subfield != NULL && g_str_equal (self->fields[i].subfield, subfield))
      return &self->fields[i];
  return NULL;
}

static void
update_title (ConcordPartyEditor *self)
{
  g_autofree char *title = NULL;
  g_autofree char *name = g_strstrip (g_strdup (editable_text (self->name_row)));

  if (*name == '\0')
    /* Translators: the heading of one party's particulars */
    title = g_strdup_printf (_("Party %u"), self->position + 1);
  else
    /* Translators: the heading of one party's particulars, with the name */
    title = g_strdup_printf (_("Party %u: %s"), self->position + 1, name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
}

static void
update_kind (ConcordPartyEditor *self)
{
  gboolean person = combo_selected (self->kind_row) == CONCORD_PARTY_PERSON;
  ConcordIdType id_type = combo_selected (self->id_type_row);

  gtk_widget_set_visible (GTK_WIDGET (self->gender_row), person);
  gtk_widget_set_visible (GTK_WIDGET (self->birth_date_row), person);
  gtk_widget_set_visible (GTK_WIDGET (self->ethnicity_row), person);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->occupation_row),
                                 person ? _("Occupation") : _("Legal representative"));
  _concord_field_set_accessible_label (GTK_WIDGET (self->occupation_row),
                                       person ? _("Occupation") : _("Legal representative"));
  adw_expander_row_set_subtitle (self->more_row,
                                 person ? _("Ethnicity, occupation")
                                        : _("Legal representative"));
  /* A person has a name (姓名), an organisation a name (名称). */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row),
                                 person ? C_("person", "Name") : C_("organisation", "Name"));

  /* An organisation is known by its credit code, a person by their ID
   * card: switch the document while nothing has been typed into it. */
  if (concord_text_is_blank (editable_text (self->id_number_row)))
    {
      if (!person && id_type == CONCORD_ID_RESIDENT)
        adw_combo_row_set_selected (self->id_type_row, CONCORD_ID_CREDIT_CODE);
      else if (person && id_type == CONCORD_ID_CREDIT_CODE)
        adw_combo_row_set_selected (self->id_type_row, CONCORD_ID_RESIDENT);
    }
}

static void
update_id_type (ConcordPartyEditor *self)
{
  gboolean has_document = combo_selected (self->id_type_row) != CONCORD_ID_NONE;
  gboolean agent_has_document = combo_selected (self->agent_id_type_row) != CONCORD_ID_NONE;

  gtk_widget_set_visible (GTK_WIDGET (self->id_number_row), has_document);
  gtk_widget_set_visible (GTK_WIDGET (self->agent_id_number_row), agent_has_document);
}

static void
update_agent (ConcordPartyEditor *self)
{
  ConcordAgentKind kind = combo_selected (self->agent_kind_row);
  gboolean has_agent = kind != CONCORD_AGENT_NONE;
  g_autofree char *name = g_strstrip (g_strdup (editable_text (self->agent_name_row)));
  GtkWidget *rows[] = {
    GTK_WIDGET (self->agent_relation_row), GTK_WIDGET (self->agent_name_row),
    GTK_WIDGET (self->agent_gender_row), GTK_WIDGET (self->agent_id_type_row),
    GTK_WIDGET (self->agent_birth_date_row), GTK_WIDGET (self->agent_phone_row),
    GTK_WIDGET (self->agent_address_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_visible (rows[i], has_agent);
  gtk_widget_set_visible (GTK_WIDGET (self->agent_id_number_row),
                          has_agent && combo_selected (self->agent_id_type_row) != CONCORD_ID_NONE);

  if (!has_agent)
    adw_expander_row_set_subtitle (self->agent_row, C_("agent", "None"));
  else if (*name == '\0')
    adw_expander_row_set_subtitle (self->agent_row, concord_agent_kind_label (kind));
  else
    {
      /* Translators: who speaks for a party, "Entrusted agent: Wang" */
      g_autofree char *subtitle = g_strdup_printf (C_("agent kind and name", "%s: %s"),
                                                   concord_agent_kind_label (kind), name);

      adw_expander_row_set_subtitle (self->agent_row, subtitle);
    }
}

static void
update_message_rows (ConcordPartyEditor *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      Field *field = &self->fields[i];
      gboolean visible;

      if (field->message_row == NULL)
        continue;

      visible = gtk_widget_get_visible (field->widget) &&
                gtk_widget_get_visible (GTK_WIDGET (field->message));
      if (field->message_row == self->id_number_message_row)
        visible = visible || (gtk_widget_get_visible (field->widget) &&
                              gtk_widget_get_visible (GTK_WIDGET (self->id_offer_button)));
      else if (field->message_row == self->agent_id_number_message_row)
        visible = visible || (gtk_widget_get_visible (field->widget) &&
                              gtk_widget_get_visible (GTK_WIDGET (self->agent_id_offer_button)));
      gtk_widget_set_visible (field->message_row, visible);
    }
  gtk_widget_set_visible (self->other_message_row,
                          gtk_widget_get_visible (GTK_WIDGET (self->other_message)));
}

static void
emit_changed (ConcordPartyEditor *self,
              GtkWidget          *field)
{
  if (self->loading > 0 || self->disposed)
    return;
  if (field != NULL)
    _concord_field_mark_edited (field);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
apply_offer (ConcordPartyEditor *self,
             gboolean            agent)
{
  AdwEntryRow *birth_date_row = agent ? self->agent_birth_date_row : self->birth_date_row;
  AdwComboRow *gender_row = agent ? self->agent_gender_row : self->gender_row;

  if (agent ? self->agent_offer_fill_birth_date : self->offer_fill_birth_date)
    set_row_text (birth_date_row, agent ? self->agent_offer_birth_date : self->offer_birth_date);
  if (agent ? self->agent_offer_fill_gender : self->offer_fill_gender)
    adw_combo_row_set_selected (gender_row, agent ? self->agent_offer_gender : self->offer_gender);

  /* The filled fields are right now, and were not typed: say so at once. */
  _concord_field_promote (GTK_WIDGET (birth_date_row));
  gtk_widget_grab_focus (GTK_WIDGET (agent ? self->agent_id_number_row : self->id_number_row));
}

/* Callbacks */

static void
remove_clicked_cb (ConcordPartyEditor *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
id_offer_clicked_cb (ConcordPartyEditor *self)
{
  apply_offer (self, FALSE);
}

static void
agent_id_offer_clicked_cb (ConcordPartyEditor *self)
{
  apply_offer (self, TRUE);
}

static void
editable_changed_cb (GtkEditable        *editable,
                     ConcordPartyEditor *self)
{
  if (self->disposed)
    return;
  if (editable == GTK_EDITABLE (self->name_row))
    update_title (self);
  else if (editable == GTK_EDITABLE (self->agent_name_row))
    update_agent (self);
  emit_changed (self, GTK_WIDGET (editable));
}

static void
claims_changed_cb (ConcordPartyEditor *self)
{
  emit_changed (self, GTK_WIDGET (self->claims_view));
}

static void
combo_selected_cb (AdwComboRow        *row,
                   GParamSpec         *pspec,
                   ConcordPartyEditor *self)
{
  if (self->disposed)
    return;
  if (row == self->kind_row)
    update_kind (self);
  else if (row == self->id_type_row || row == self->agent_id_type_row)
    update_id_type (self);
  else if (row == self->agent_kind_row)
    update_agent (self);
  else if (row == self->role_row && !self->setting_role && self->loading == 0)
    self->role_chosen = TRUE;

  update_message_rows (self);
  emit_changed (self, NULL);
}

static void
field_left_cb (ConcordPartyEditor *self)
{
  gboolean promoted = FALSE;

  if (self->disposed)
    return;
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].widget != NULL && _concord_field_promote (self->fields[i].widget))
      promoted = TRUE;
  /* Only fields that were left are promoted here; the others wait for
   * their own focus change or for the pause (promote_fields). */
  if (promoted)
    g_signal_emit (self, signals[FIELD_LEFT], 0);
}

/* Overrides */

static void
concord_party_editor_dispose (GObject *object)
{
  CONCORD_PARTY_EDITOR (object)->disposed = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (object), CONCORD_TYPE_PARTY_EDITOR);

  G_OBJECT_CLASS (concord_party_editor_parent_class)->dispose (object);
}

static void
concord_party_editor_class_init (ConcordPartyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_party_editor_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FIELD_LEFT] =
    g_signal_new ("field-left", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The resources live in a static library: referring to them keeps them
   * linked into every program that opens the form. */
  if (concord_get_resource () == NULL)
    g_critical ("The interface resources are missing");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/concord/Concord/ui/concord-party-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, name_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, name_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, id_type_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, id_number_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, id_number_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, id_offer_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, gender_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, gender_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, gender_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, birth_date_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, birth_date_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, phone_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, phone_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, more_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, ethnicity_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, occupation_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, claims_view);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_kind_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_relation_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_name_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_name_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_name_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_gender_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_id_type_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_id_number_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_id_number_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_id_number_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_id_offer_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_birth_date_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_birth_date_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_phone_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_phone_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_phone_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, agent_address_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, other_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordPartyEditor, other_message);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_offer_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, agent_id_offer_clicked_cb);
}

static void
add_field (ConcordPartyEditor *self,
           guint              *n,
           const char         *subfield,
           gpointer            widget,
           GtkLabel           *message,
           GtkWidget          *message_row,
           AdwExpanderRow     *expander)
{
  g_assert (*n < N_FIELDS);

  self->fields[*n] = (Field) {
    .subfield = subfield,
    .widget = GTK_WIDGET (widget),
    .message = message,
    .message_row = message_row,
    .expander = expander != NULL ? GTK_WIDGET (expander) : NULL,
  };
  (*n)++;
}

static void
concord_party_editor_init (ConcordPartyEditor *self)
{
  GtkStringList *list;
  guint n = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->loading++;

  list = gtk_string_list_new (NULL);
  for (guint i = 0; i < CONCORD_N_PARTY_ROLES; i++)
    gtk_string_list_append (list, concord_party_role_label (i));
  set_enum_model (self->role_row, list);

  list = gtk_string_list_new (NULL);
  for (guint i = 0; i < CONCORD_N_PARTY_KINDS; i++)
    gtk_string_list_append (list, concord_party_kind_label (i));
  set_enum_model (self->kind_row, list);

  /* The party and the agent each have a gender and a document. */
  set_enum_model (self->gender_row, new_gender_list ());
  set_enum_model (self->agent_gender_row, new_gender_list ());
  set_enum_model (self->id_type_row, new_id_type_list ());
  set_enum_model (self->agent_id_type_row, new_id_type_list ());

  list = gtk_string_list_new (NULL);
  for (guint i = 0; i < CONCORD_N_AGENT_KINDS; i++)
    gtk_string_list_append (list, concord_agent_kind_label (i));
  set_enum_model (self->agent_kind_row, list);

  adw_combo_row_set_selected (self->id_type_row, CONCORD_ID_RESIDENT);
  adw_combo_row_set_selected (self->agent_id_type_row, CONCORD_ID_RESIDENT);

  add_field (self, &n, "name", self->name_row, self->name_message, self->name_message_row, NULL);
  add_field (self, &n, "role", self->role_row, NULL, NULL, NULL);
  add_field (self, &n, "kind", self->kind_row, NULL, NULL, NULL);
  add_field (self, &n, "id_type", self->id_type_row, NULL, NULL, NULL);
  add_field (self, &n, "id_number", self->id_number_row, self->id_number_message,
             self->id_number_message_row, NULL);
  add_field (self, &n, "gender", self->gender_row, self->gender_message, self->gender_message_row, NULL);
  add_field (self, &n, "birth_date", self->birth_date_row, self->birth_date_message,
             self->birth_date_message_row, NULL);
  add_field (self, &n, "phone", self->phone_row, self->phone_message, self->phone_message_row, NULL);
  add_field (self, &n, "address", self->address_row, NULL, NULL, NULL);
  add_field (self, &n, "ethnicity", self->ethnicity_row, NULL, NULL, self->more_row);
  add_field (self, &n, "occupation", self->occupation_row, NULL, NULL, self->more_row);
  add_field (self, &n, "claims", self->claims_view, NULL, NULL, NULL);
  add_field (self, &n, "agent_kind", self->agent_kind_row, NULL, NULL, self->agent_row);
  add_field (self, &n, "agent_relation", self->agent_relation_row, NULL, NULL, self->agent_row);
  add_field (self, &n, "agent/name", self->agent_name_row, self->agent_name_message,
             self->agent_name_message_row, self->agent_row);
  add_field (self, &n, "agent/gender", self->agent_gender_row, NULL, NULL, self->agent_row);
  add_field (self, &n, "agent/id_type", self->agent_id_type_row, NULL, NULL, self->agent_row);
  add_field (self, &n, "agent/id_number", self->agent_id_number_row, self->agent_id_number_message,
             self->agent_id_number_message_row, self->agent_row);
  add_field (self, &n, "agent/birth_date", self->agent_birth_date_row, self->agent_birth_date_message,
             self->agent_birth_date_message_row, self->agent_row);
  add_field (self, &n, "agent/phone", self->agent_phone_row, self->agent_phone_message,
             self->agent_phone_message_row, self->agent_row);
  add_field (self, &n, "agent/address", self->agent_address_row, NULL, NULL, self->agent_row);
  /* The agent's relation and kind are also reached by these names. */
  add_field (self, &n, "agent/relation", self->agent_relation_row, NULL, NULL, self->agent_row);
  add_field (self, &n, "agent/kind", self->agent_kind_row, NULL, NULL, self->agent_row);
  g_assert (n == N_FIELDS);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *widget = self->fields[i].widget;

      /* The two alias entries above point at widgets already wired. */
      if (g_str_equal (self->fields[i].subfield, "agent/relation") ||
          g_str_equal (self->fields[i].subfield, "agent/kind"))
        continue;

      if (ADW_IS_ENTRY_ROW (widget))
        {
          g_signal_connect (widget, "changed", G_CALLBACK (editable_changed_cb), self);
          _concord_field_set_accessible_label (widget,
                                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
          _concord_field_watch_focus (widget, G_CALLBACK (field_left_cb), self);
        }
      else if (ADW_IS_COMBO_ROW (widget))
        g_signal_connect (widget, "notify::selected", G_CALLBACK (combo_selected_cb), self);
      else if (GTK_IS_TEXT_VIEW (widget))
        {
          g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                                    G_CALLBACK (claims_changed_cb), self);
          _concord_field_watch_focus (widget, G_CALLBACK (field_left_cb), self);
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->claims_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Claims"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove This Party"),
                                  -1);

  update_kind (self);
  update_id_type (self);
  update_agent (self);
  update_title (self);
  concord_party_editor_apply_state (self, NULL, "", FALSE);

  self->loading--;
}

/* Public */

ConcordPartyEditor *
concord_party_editor_new (void)
{
  return g_object_new (CONCORD_TYPE_PARTY_EDITOR, NULL);
}

void
concord_party_editor_set_party (ConcordPartyEditor *self,
                                const ConcordParty *party)
{
  g_autoptr(ConcordParty) blank = NULL;
  const ConcordParty *agent;
  GtkTextBuffer *buffer;

  g_return_if_fail (CONCORD_IS_PARTY_EDITOR (self));

  if (party == NULL)
    party = blank = concord_party_new ();
  agent = party->agent;

  self->loading++;

  self->party_id = party->id;
  self->agent_id = agent != NULL ? agent->id : 0;
  self->role_chosen = party->id != 0;

  adw_combo_row_set_selected (self->kind_row, party->kind);
  adw_combo_row_set_selected (self->role_row, party->role);
  set_row_text (self->name_row, party->name);
  adw_combo_row_set_selected (self->gender_row, party->gender);
  set_row_text (self->ethnicity_row, party->ethnicity);
  set_row_text (self->birth_date_row, party->birth_date);
  adw_combo_row_set_selected (self->id_type_row, party->id_type);
  set_row_text (self->id_number_row, party->id_number);
  set_row_text (self->phone_row, party->phone);
  set_row_text (self->address_row, party->address);
  set_row_text (self->occupation_row, party->occupation);
  buffer = gtk_text_view_get_buffer (self->claims_view);
  gtk_text_buffer_set_text (buffer, party->claims != NULL ? party->claims : "", -1);

  adw_combo_row_set_selected (self->agent_kind_row, party->agent_kind);
  set_row_text (self->agent_relation_row, party->agent_relation);
  set_row_text (self->agent_name_row, agent != NULL ? agent->name : NULL);
  adw_combo_row_set_selected (self->agent_gender_row, agent != NULL ? agent->gender : CONCORD_GENDER_UNKNOWN);
  adw_combo_row_set_selected (self->agent_id_type_row, agent != NULL ? agent->id_type : CONCORD_ID_RESIDENT);
  set_row_text (self->agent_id_number_row, agent != NULL ? agent->id_number : NULL);
  set_row_text (self->agent_birth_date_row, agent != NULL ? agent->birth_date : NULL);
  set_row_text (self->agent_phone_row, agent != NULL ? agent->phone : NULL);
  set_row_text (self->agent_address_row, agent != NULL ? agent->address : NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    field_reset (self->fields[i].widget);

  /* Show what is filled in, keep the rest folded. */
  adw_expander_row_set_expanded (self->more_row,
                                 party->ethnicity != NULL || party->occupation != NULL);
  adw_expander_row_set_expanded (self->agent_row, party->agent_kind != CONCORD_AGENT_NONE);

  update_kind (self);
  update_id_type (self);
  update_agent (self);
  update_title (self);
  concord_party_editor_apply_state (self, NULL, "", FALSE);

  self->loading--;
}

static void
read_person (ConcordParty *person,
             AdwEntryRow  *name_row,
             AdwComboRow  *gender_row,
             AdwComboRow  *id_type_row,
             AdwEntryRow  *id_number_row,
             AdwEntryRow  *birth_date_row,
             AdwEntryRow  *phone_row,
             AdwEntryRow  *address_row,
             gboolean      is_person)
{
  concord_set_text (&person->name, editable_text (name_row));
  person->id_type = combo_selected (id_type_row);
  if (person->id_type != CONCORD_ID_NONE)
    concord_set_text (&person->id_number, editable_text (id_number_row));
  if (is_person)
    {
      person->gender = combo_selected (gender_row);
      concord_set_text (&person->birth_date, editable_text (birth_date_row));
    }
  concord_set_text (&person->phone, editable_text (phone_row));
  concord_set_text (&person->address, editable_text (address_row));
}

ConcordParty *
concord_party_editor_build_party (ConcordPartyEditor *self)
{
  g_autoptr(ConcordParty) party = NULL;
  g_autofree char *claims = NULL;

  g_return_val_if_fail (CONCORD_IS_PARTY_EDITOR (self), NULL);

  party = concord_party_new ();
  party->id = self->party_id;
  party->kind = combo_selected (self->kind_row);
  party->role = combo_selected (self->role_row);
  read_person (party, self->name_row, self->gender_row, self->id_type_row, self->id_number_row,
               self->birth_date_row, self->phone_row, self->address_row,
               party->kind == CONCORD_PARTY_PERSON);
  if (party->kind == CONCORD_PARTY_PERSON)
    concord_set_text (&party->ethnicity, editable_text (self->ethnicity_row));
  concord_set_text (&party->occupation, editable_text (self->occupation_row));
  claims = dup_claims (self);
  concord_set_text (&party->claims, claims);

  party->agent_kind = combo_selected (self->agent_kind_row);
  if (party->agent_kind != CONCORD_AGENT_NONE)
    {
      party->agent = concord_party_new ();
      party->agent->id = self->agent_id;
      party->agent->role = party->role;
      read_person (party->agent, self->agent_name_row, self->agent_gender_row,
                   self->agent_id_type_row, self->agent_id_number_row,
                   self->agent_birth_date_row, self->agent_phone_row, self->agent_address_row,
                   TRUE);
      concord_set_text (&party->agent_relation, editable_text (self->agent_relation_row));
    }

  return g_steal_pointer (&party);
}

gboolean
_concord_party_editor_has_data (ConcordPartyEditor *self)
{
  g_autofree char *claims = NULL;

  g_return_val_if_fail (CONCORD_IS_PARTY_EDITOR (self), FALSE);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *widget = self->fields[i].widget;

      if (ADW_IS_ENTRY_ROW (widget) && !concord_text_is_blank (editable_text (ADW_ENTRY_ROW (widget))))
        return TRUE;
    }
  claims = dup_claims (self);
  return !concord_text_is_blank (claims);
}

gboolean
concord_party_editor_is_blank (ConcordPartyEditor *self)
{
  g_return_val_if_fail (CONCORD_IS_PARTY_EDITOR (self), TRUE);

  return !_concord_party_editor_has_data (self);
}

void
concord_party_editor_set_position (ConcordPartyEditor *self,
                                   guint               position)
{
  g_return_if_fail (CONCORD_IS_PARTY_EDITOR (self));

  self->position = position;
  update_title (self);
}

ConcordPartyRole
concord_party_editor_get_role (ConcordPartyEditor *self)
{
  g_return_val_if_fail (CONCORD_IS_PARTY_EDITOR (self), CONCORD_ROLE_APPLICANT);

  return combo_selected (self->role_row);
}

void
concord_party_editor_set_default_role (ConcordPartyEditor *self,
                                       ConcordPartyRole    role)
{
  g_return_if_fail (CONCORD_IS_PARTY_EDITOR (self));
  g_return_if_fail (role < CONCORD_N_PARTY_ROLES);

  if (self->role_chosen)
    return;
  self->setting_role = TRUE;
  adw_combo_row_set_selected (self->role_row, role);
  self->setting_role = FALSE;
}

GtkEditable *
concord_party_editor_get_name_editable (ConcordPartyEditor *self)
{
  g_return_val_if_fail (CONCORD_IS_PARTY_EDITOR (self), NULL);

  return GTK_EDITABLE (self->name_row);
}

static void
set_offer (ConcordPartyEditor   *self,
           gboolean              agent,
           const ConcordIdOffer *offer)
{
  GtkButton *button = agent ? self->agent_id_offer_button : self->id_offer_button;

  gtk_widget_set_visible (GTK_WIDGET (button), offer != NULL);
  if (offer == NULL)
    return;

  gtk_button_set_label (button, offer->button_label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), offer->question);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, offer->question,
                                  -1);
  if (agent)
    {
      g_strlcpy (self->agent_offer_birth_date, offer->birth_date, sizeof self->agent_offer_birth_date);
      self->agent_offer_gender = offer->gender;
      self->agent_offer_fill_birth_date = offer->fill_birth_date;
      self->agent_offer_fill_gender = offer->fill_gender;
    }
  else
    {
      g_strlcpy (self->offer_birth_date, offer->birth_date, sizeof self->offer_birth_date);
      self->offer_gender = offer->gender;
      self->offer_fill_birth_date = offer->fill_birth_date;
      self->offer_fill_gender = offer->fill_gender;
    }
}

void
concord_party_editor_apply_state (ConcordPartyEditor           *self,
                                  const ConcordIntakeFormState *state,
                                  const char                   *prefix,
                                  gboolean                      show_all)
{
  g_autoptr(GString) other = g_string_new (NULL);
  g_autofree char *agent_prefix = NULL;
  g_autofree char *slash_prefix = NULL;

  g_return_if_fail (CONCORD_IS_PARTY_EDITOR (self));
  g_return_if_fail (prefix != NULL);

  slash_prefix = g_strconcat (prefix, "/", NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      Field *field = &self->fields[i];
      g_autofree char *path = g_strconcat (slash_prefix, field->subfield, NULL);
      const char *message = NULL;

      if (state != NULL)
        message = concord_intake_form_state_get_message (state, path);
      if (message != NULL && !show_all && !_concord_field_is_touched (field->widget) &&
          !ADW_IS_COMBO_ROW (field->widget))
        message = NULL;

      /* Two names lead to the agent's kind and relation: do not let the
       * second clear what the first set. */
      if (message == NULL && (g_str_equal (field->subfield, "agent/relation") ||
                              g_str_equal (field->subfield, "agent/kind")))
        continue;

      concord_ui_set_field_error (field->widget, field->message, message);
      if (field->message == NULL && message != NULL)
        {
          if (other->len > 0)
            g_string_append_c (other, '\n');
          g_string_append (other, message);
        }
    }

  /* Messages for fields this editor has no widget for. */
  if (state != NULL && show_all)
    for (guint i = 0; i < state->fields->len; i++)
      {
        const char *path = g_ptr_array_index (state->fields, i);

        if (!g_str_has_prefix (path, slash_prefix) || find_field (self, path + strlen (slash_prefix)) != NULL)
          continue;
        if (other->len > 0)
          g_string_append_c (other, '\n');
        g_string_append (other, concord_intake_form_state_get_message (state, path));
      }

  gtk_label_set_text (self->other_message, other->str);
  gtk_widget_set_visible (GTK_WIDGET (self->other_message), other->len > 0);

  agent_prefix = g_strconcat (prefix, "/agent", NULL);
  set_offer (self, FALSE, state != NULL ? concord_intake_form_state_get_offer (state, prefix) : NULL);
  set_offer (self, TRUE, state != NULL ? concord_intake_form_state_get_offer (state, agent_prefix) : NULL);

  update_message_rows (self);
}

gboolean
concord_party_editor_focus_field (ConcordPartyEditor *self,
                                  const char         *subfield)
{
  Field *field;

  g_return_val_if_fail (CONCORD_IS_PARTY_EDITOR (self), FALSE);
  g_return_val_if_fail (subfield != NULL, FALSE);

  field = find_field (self, subfield);
  if (field == NULL)
    return FALSE;

  if (field->expander != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (field->expander), TRUE);
  return gtk_widget_grab_focus (field->widget);
}

/* Private */

void
_concord_party_editor_promote_fields (ConcordPartyEditor *self)
{
  g_return_if_fail (CONCORD_IS_PARTY_EDITOR (self));

  for (guint i = 0; i < N_FIELDS; i++)
    _concord_field_promote (self->fields[i].widget);
}

GtkWidget *
_concord_party_editor_get_field (ConcordPartyEditor *self,
                                 const char         *subfield)
{
  Field *field;

  g_return_val_if_fail (CONCORD_IS_PARTY_EDITOR (self), NULL);

  field = find_field (self, subfield);
  return field != NULL ? field->widget : NULL;
}

GtkLabel *
_concord_party_editor_get_message_label (ConcordPartyEditor *self,
                                         const char         *subfield)
{
  Field *field;

  g_return_val_if_fail (CONCORD_IS_PARTY_EDITOR (self), NULL);

  field = find_field (self, subfield);
  if (field == NULL)
    return NULL;
  return field->message != NULL ? field->message : self->other_message;
}

GtkButton *
_concord_party_editor_get_offer_button (ConcordPartyEditor *self,
                                        gboolean            agent)
{
  g_return_val_if_fail (CONCORD_IS_PARTY_EDITOR (self), NULL);

  return agent ? self->agent_id_offer_button : self->id_offer_button;
}

GtkButton *
_concord_party_editor_get_remove_button (ConcordPartyEditor *self)
{
  g_return_val_if_fail (CONCORD_IS_PARTY_EDITOR (self), NULL);

  return self->remove_button;
}
