/* concord-intake-dialog.c
 *
 * The form is computed, not kept: every change builds a draft case from
 * the widgets, concord_intake_form_compute() says what to show, and
 * apply_state() shows it. Nothing is written until Save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-intake-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "concord-intake-dialog.h"
#include "concord-intake-dialog-private.h"
#include "concord-intake-form.h"
#include "concord-party-editor.h"
#include "concord-resources.h"
#include "concord-ui-util.h"

/* How long typing may pause before the field's message shows. */
#define PAUSE_MS 900

/* One row of the team: a role, a name (completed from the station's
 * members), a phone, and for added participants an organisation. */
typedef struct
{
  ConcordTeamRole    role;
  gboolean           fixed;     /* one of the four standing roles */
  GtkWidget         *row;
  GtkEntry          *name_entry;
  GtkEntry          *organisation_entry; /* added rows only */
  GtkEntry          *phone_entry;
  GtkWidget         *role_dropdown; /* added rows only */
  GtkWidget         *remove_button;
  GtkWidget         *message_row;
  GtkLabel          *message;
  ConcordTeamMember *original;  /* as loaded or chosen from the list */
} TeamRow;

struct _ConcordIntakeDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkWidget           *cancel_button;
  GtkLabel            *general_message;
  AdwPreferencesGroup *quick_group;
  AdwEntryRow         *quick_name_row;
  GtkWidget           *quick_name_message_row;
  GtkLabel            *quick_name_message;
  GtkTextView         *facts_view;
  GtkWidget           *facts_message_row;
  GtkLabel            *facts_message;
  GtkLabel            *missing_label;
  AdwComboRow         *source_row;
  AdwEntryRow         *referred_by_row;
  AdwEntryRow         *incident_no_row;
  AdwEntryRow         *occurred_at_row;
  GtkWidget           *occurred_at_message_row;
  GtkLabel            *occurred_at_message;
  AdwEntryRow         *place_row;
  AdwComboRow         *category_row;
  AdwComboRow         *mediation_type_row;
  GtkWidget           *police_box;
  AdwPreferencesGroup *police_group;
  GtkSwitch           *screened_switch;
  GtkWidget           *exclusion_rows[CONCORD_N_EXCLUSIONS];
  GtkCheckButton      *exclusion_checks[CONCORD_N_EXCLUSIONS];
  GtkWidget           *police_message_row;
  GtkLabel            *police_message;
  GtkBox              *parties_box;
  GtkWidget           *add_party_button;
  AdwPreferencesGroup *team_group;
  GtkWidget           *add_member_button;
  GtkWidget           *conflicts_box;
  GtkLabel            *conflicts_label;
  GtkWidget           *question;        /* "Discard?" while it shows (weak) */

  ConcordContext      *context;
  ConcordCase         *base;            /* the case as it was (a copy), or a new one */
  GPtrArray           *editors;         /* ConcordPartyEditor *, the box owns them */
  GPtrArray           *team_rows;       /* TeamRow * */
  GPtrArray           *members;         /* ConcordTeamMember *, the station's */
  GPtrArray           *category_codes;  /* char *, by combo position; [0] NULL */
  GtkListStore        *member_store;    /* for name completion */
  gboolean             editing;         /* an existing case: no quick name */
  GtkSizeGroup        *team_end_group;  /* trash buttons and their stand-ins */

  ConcordIntakeFormState *state;
  GPtrArray           *case_editors;    /* party index in the draft → editor */
  GPtrArray           *case_team_rows;  /* team index in the draft → TeamRow */

  char                *focus_path;      /* to focus when the dialog shows */

  guint                pause_id;
  guint                loading;
  gboolean             syncing_name;
  gboolean             dirty;
  gboolean             show_all;
  gboolean             closing;
  gboolean             disposed;  /* focus leaves while the widgets go */
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CASE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

enum {
  MEMBER_COLUMN_NAME,
  MEMBER_COLUMN_DETAIL,
  MEMBER_COLUMN_INDEX,
  N_MEMBER_COLUMNS
};

G_DEFINE_FINAL_TYPE (ConcordIntakeDialog, concord_intake_dialog, ADW_TYPE_WINDOW)

static void revalidate (ConcordIntakeDialog *self);
static void form_changed (ConcordIntakeDialog *self, GtkWidget *field);

/* Helpers */

static void
team_row_free (TeamRow *team_row)
{
  g_clear_pointer (&team_row->original, concord_team_member_unref);
  g_free (team_row);
}

static const char *
editable_text (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static guint
combo_selected (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

static void
set_message (GtkWidget  *field,
             GtkLabel   *label,
             GtkWidget  *message_row,
             const char *message)
{
  concord_ui_set_field_error (field, label, message);
  gtk_widget_set_visible (message_row, gtk_widget_get_visible (GTK_WIDGET (label)));
}

static gboolean
is_police_mediation (ConcordIntakeDialog *self)
{
  return combo_selected (self->mediation_type_row) == CONCORD_MEDIATION_POLICE;
}

static void
update_party_defaults (ConcordIntakeDialog *self)
{
  gboolean police = is_police_mediation (self);

  for (guint i = 0; i < self->editors->len; i++)
    {
      ConcordPartyEditor *editor = g_ptr_array_index (self->editors, i);
      ConcordPartyRole role;

      /* Police mediation names everyone "party" (甲方, 乙方); otherwise the
       * one who came is the applicant and the others respond. */
      if (police)
        role = CONCORD_ROLE_PARTY;
      else
        role = i == 0 ? CONCORD_ROLE_APPLICANT : CONCORD_ROLE_RESPONDENT;

      concord_party_editor_set_position (editor, i);
      concord_party_editor_set_default_role (editor, role);
      gtk_widget_set_visible (GTK_WIDGET (_concord_party_editor_get_remove_button (editor)),
                              self->editors->len > 1);
    }
}

static ConcordPartyEditor *
first_editor (ConcordIntakeDialog *self)
{
  return self->editors->len > 0 ? g_ptr_array_index (self->editors, 0) : NULL;
}

/* The quick name is the first party's name: keep the two in step. */
static void
sync_quick_name_from_editor (ConcordIntakeDialog *self)
{
  ConcordPartyEditor *editor = first_editor (self);
  const char *name;

  if (editor == NULL || self->syncing_name)
    return;
  name = gtk_editable_get_text (concord_party_editor_get_name_editable (editor));
  if (g_strcmp0 (name, editable_text (self->quick_name_row)) == 0)
    return;
  self->syncing_name = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->quick_name_row), name);
  self->syncing_name = FALSE;
}

static void
sync_editor_from_quick_name (ConcordIntakeDialog *self)
{
  ConcordPartyEditor *editor = first_editor (self);
  GtkEditable *name;

  if (editor == NULL || self->syncing_name)
    return;
  name = concord_party_editor_get_name_editable (editor);
  if (g_strcmp0 (gtk_editable_get_text (name), editable_text (self->quick_name_row)) == 0)
    return;
  self->syncing_name = TRUE;
  gtk_editable_set_text (name, editable_text (self->quick_name_row));
  self->syncing_name = FALSE;
}

static char *
dup_normalized_phone (const char *phone)
{
  g_autofree char *normalized = NULL;

  if (concord_validate_phone (phone, &normalized, NULL) && normalized != NULL)
    return g_steal_pointer (&normalized);
  return g_strstrip (g_strdup (phone != NULL ? phone : ""));
}

/* A typed member is a known one only if nothing typed contradicts it: the
 * same name, and no phone or the same phone. Two people may share a name. */
static gboolean
member_phone_matches (const ConcordTeamMember *member,
                      const char              *phone)
{
  g_autofree char *typed = NULL;
  g_autofree char *known = NULL;

  if (concord_text_is_blank (phone))
    return TRUE;
  typed = dup_normalized_phone (phone);
  known = dup_normalized_phone (member->phone);
  return g_strcmp0 (typed, known) == 0;
}

static const ConcordTeamMember *
find_member (ConcordIntakeDialog *self,
             const char          *name,
             const char          *phone,
             ConcordTeamRole      role)
{
  const ConcordTeamMember *any = NULL;

  for (guint i = 0; i < self->members->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (self->members, i);

      if (g_strcmp0 (member->name, name) != 0 || !member_phone_matches (member, phone))
        continue;
      if (member->role == role)
        return member;
      if (any == NULL)
        any = member;
    }
  return any;
}

static ConcordTeamMember *
build_member (ConcordIntakeDialog *self,
              TeamRow             *team_row)
{
  g_autofree char *name = g_strstrip (g_strdup (editable_text (team_row->name_entry)));
  const char *phone = editable_text (team_row->phone_entry);
  const ConcordTeamMember *known;
  ConcordTeamMember *member;

  if (*name == '\0' && concord_text_is_blank (phone))
    return NULL;

  /* Chosen from the list (or loaded) keeps its id, and the store updates
   * a changed phone or organisation; a name typed that matches a member
   * (with no phone, or the member's phone) is that member; anything else
   * has id 0 and the store matches it by name and phone or adds it. */
  if (team_row->original != NULL && g_strcmp0 (team_row->original->name, name) == 0)
    member = concord_team_member_copy (team_row->original);
  else if ((known = find_member (self, name, phone, team_row->role)) != NULL)
    member = concord_team_member_copy (known);
  else
    member = concord_team_member_new ();

  member->role = team_row->role;
  concord_set_text (&member->name, name);
  concord_set_text (&member->phone, phone);
  if (team_row->organisation_entry != NULL)
    concord_set_text (&member->organisation, editable_text (team_row->organisation_entry));
  return member;
}

/* The case as the widgets show it, text as typed; fills the maps from the
 * draft's indexes back to the widgets. */
static ConcordCase *
build_draft (ConcordIntakeDialog *self)
{
  g_autoptr(ConcordCase) draft = concord_case_copy (self->base);
  g_autofree char *facts = NULL;
  guint category;

  g_ptr_array_set_size (draft->parties, 0);
  g_ptr_array_set_size (draft->team, 0);
  g_ptr_array_set_size (self->case_editors, 0);
  g_ptr_array_set_size (self->case_team_rows, 0);

  draft->source = combo_selected (self->source_row);
  concord_set_text (&draft->referred_by,
                    draft->source == CONCORD_SOURCE_REFERRAL ? editable_text (self->referred_by_row) : NULL);
  concord_set_text (&draft->incident_no, editable_text (self->incident_no_row));
  concord_set_text (&draft->place, editable_text (self->place_row));
  category = combo_selected (self->category_row);
  concord_set_text (&draft->category,
                    category < self->category_codes->len ? g_ptr_array_index (self->category_codes, category)
                                                         : NULL);
  draft->mediation_type = combo_selected (self->mediation_type_row);
  /* The checklist is kept whatever the type: ticked and then switched to
   * people's mediation, it still says why the police did not mediate. */
  draft->police_screened = gtk_switch_get_active (self->screened_switch);
  draft->police_exclusions = 0;
  for (guint i = 0; i < CONCORD_N_EXCLUSIONS; i++)
    if (gtk_check_button_get_active (self->exclusion_checks[i]))
      draft->police_exclusions |= 1u << i;
  facts = concord_ui_text_view_dup_text (self->facts_view);
  concord_set_text (&draft->facts, facts);

  /* The time is read by concord_intake_form_normalize(). */
  g_clear_pointer (&draft->occurred_at, g_free);

  /* The first party is always in, so that "party/0" is the quick name;
   * parties added but left blank are not. */
  for (guint i = 0; i < self->editors->len; i++)
    {
      ConcordPartyEditor *editor = g_ptr_array_index (self->editors, i);

      if (i > 0 && concord_party_editor_is_blank (editor))
        continue;
      g_ptr_array_add (draft->parties, concord_party_editor_build_party (editor));
      g_ptr_array_add (self->case_editors, editor);
    }

  for (guint i = 0; i < self->team_rows->len; i++)
    {
      TeamRow *team_row = g_ptr_array_index (self->team_rows, i);
      ConcordTeamMember *member = build_member (self, team_row);

      if (member == NULL)
        continue;
      g_ptr_array_add (draft->team, member);
      g_ptr_array_add (self->case_team_rows, team_row);
    }

  return g_steal_pointer (&draft);
}

static gboolean
field_shown (ConcordIntakeDialog *self,
             GtkWidget           *field)
{
  return self->show_all || _concord_field_is_touched (field);
}

static const char *
shown_message (ConcordIntakeDialog *self,
               GtkWidget           *field,
               const char          *path)
{
  const char *message = concord_intake_form_state_get_message (self->state, path);

  return message != NULL && field_shown (self, field) ? message : NULL;
}

static void
append_line (GString    *text,
             const char *line)
{
  if (line == NULL)
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

static void
apply_team_row_state (ConcordIntakeDialog *self,
                      TeamRow             *team_row,
                      int                  index)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean name_bad = FALSE, phone_bad = FALSE;

  if (index >= 0)
    {
      g_autofree char *prefix = g_strdup_printf ("team/%d/", index);

      for (guint i = 0; i < self->state->fields->len; i++)
        {
          const char *path = g_ptr_array_index (self->state->fields, i);
          const char *message = concord_intake_form_state_get_message (self->state, path);
          const char *rest;
          GtkWidget *field;

          if (!g_str_has_prefix (path, prefix))
            continue;
          rest = path + strlen (prefix);
          if (g_str_equal (rest, "phone"))
            field = GTK_WIDGET (team_row->phone_entry);
          else if (g_str_equal (rest, "organisation") && team_row->organisation_entry != NULL)
            field = GTK_WIDGET (team_row->organisation_entry);
          else
            field = GTK_WIDGET (team_row->name_entry);

          if (!field_shown (self, field))
            continue;
          if (field == GTK_WIDGET (team_row->phone_entry))
            phone_bad = TRUE;
          else
            name_bad = TRUE;
          append_line (text, message);
        }
    }

  concord_ui_set_field_error (GTK_WIDGET (team_row->name_entry), NULL, name_bad ? text->str : NULL);
  concord_ui_set_field_error (GTK_WIDGET (team_row->phone_entry), NULL, phone_bad ? text->str : NULL);
  set_message (text->len > 0 ? GTK_WIDGET (phone_bad ? team_row->phone_entry : team_row->name_entry)
                             : GTK_WIDGET (team_row->name_entry),
               team_row->message, team_row->message_row, text->len > 0 ? text->str : NULL);
}

static gboolean
path_is_shown_elsewhere (ConcordIntakeDialog *self,
                         const char          *path)
{
  g_autofree char *group = NULL;
  g_autofree char *rest = NULL;
  int index;

  if (!concord_intake_form_split_field (path, &group, &index, &rest))
    return TRUE;
  if (g_str_equal (path, "facts") || g_str_equal (path, "occurred_at"))
    return TRUE;
  if (g_str_equal (path, "police_exclusions") && gtk_widget_get_visible (self->police_box))
    return TRUE;
  if (g_str_equal (group, "party") && index >= 0 && (guint) index < self->case_editors->len)
    return TRUE;
  if (g_str_equal (group, "team") && index >= 0 && (guint) index < self->case_team_rows->len)
    return TRUE;
  return FALSE;
}

/* The art. 179 checklist: a ticked exclusion is a decision, not typing,
 * so its message shows at once, at the group, and the ticked rows are
 * marked. */
static void
apply_police_state (ConcordIntakeDialog *self)
{
  const char *message = NULL;

  if (gtk_widget_get_visible (self->police_box))
    message = concord_intake_form_state_get_message (self->state, "police_exclusions");

  for (guint i = 0; i < CONCORD_N_EXCLUSIONS; i++)
    {
      gboolean marked = message != NULL && gtk_check_button_get_active (self->exclusion_checks[i]);

      concord_ui_set_field_error (self->exclusion_rows[i], NULL, marked ? message : NULL);
      if (marked)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (self->exclusion_rows[i]),
                                        GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->police_message, NULL,
                                        -1);
    }
  gtk_label_set_text (self->police_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->police_message), message != NULL);
  gtk_widget_set_visible (self->police_message_row, message != NULL);
}

static void
apply_state (ConcordIntakeDialog *self)
{
  ConcordIntakeFormState *state = self->state;
  g_autoptr(GString) general = g_string_new (NULL);
  g_autoptr(GString) conflicts = g_string_new (NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.save", state->can_save);
  gtk_label_set_text (self->missing_label, state->missing != NULL ? state->missing : "");
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), state->missing != NULL);

  set_message (GTK_WIDGET (self->quick_name_row), self->quick_name_message, self->quick_name_message_row,
               self->editing ? NULL : shown_message (self, GTK_WIDGET (self->quick_name_row), "party/0/name"));
  set_message (GTK_WIDGET (self->facts_view), self->facts_message, self->facts_message_row,
               shown_message (self, GTK_WIDGET (self->facts_view), "facts"));
  set_message (GTK_WIDGET (self->occurred_at_row), self->occurred_at_message, self->occurred_at_message_row,
               shown_message (self, GTK_WIDGET (self->occurred_at_row), "occurred_at"));
  apply_police_state (self);

  for (guint i = 0; i < self->editors->len; i++)
    {
      ConcordPartyEditor *editor = g_ptr_array_index (self->editors, i);
      guint index;

      if (g_ptr_array_find (self->case_editors, editor, &index))
        {
          g_autofree char *prefix = g_strdup_printf ("party/%u", index);

          concord_party_editor_apply_state (editor, state, prefix, self->show_all);
        }
      else
        concord_party_editor_apply_state (editor, NULL, "", FALSE);
    }

  for (guint i = 0; i < self->team_rows->len; i++)
    {
      TeamRow *team_row = g_ptr_array_index (self->team_rows, i);
      guint index;

      if (g_ptr_array_find (self->case_team_rows, team_row, &index))
        apply_team_row_state (self, team_row, (int) index);
      else
        apply_team_row_state (self, team_row, -1);
    }

  /* What no field shows (the source, the category, anything new the
   * store checks) is said at the top, once Save was pressed. */
  if (self->show_all)
    for (guint i = 0; i < state->fields->len; i++)
      {
        const char *path = g_ptr_array_index (state->fields, i);

        if (!path_is_shown_elsewhere (self, path))
          append_line (general, concord_intake_form_state_get_message (state, path));
      }
  gtk_label_set_text (self->general_message, general->str);
  gtk_widget_set_visible (GTK_WIDGET (self->general_message), general->len > 0);

  for (guint i = 0; i < state->conflicts->len; i++)
    append_line (conflicts, g_ptr_array_index (state->conflicts, i));
  if (conflicts->len > 0)
    {
      g_autofree char *escaped = g_markup_escape_text (conflicts->str, -1);
      g_autofree char *heading = g_markup_escape_text (_("Possible Conflict of Interest"), -1);
      g_autofree char *markup = g_strdup_printf ("<b>%s</b>\n%s", heading, escaped);

      gtk_label_set_markup (self->conflicts_label, markup);
    }
  else
    gtk_label_set_text (self->conflicts_label, "");
  gtk_widget_set_visible (self->conflicts_box, conflicts->len > 0);
}

static void
revalidate (ConcordIntakeDialog *self)
{
  g_autoptr(ConcordCase) draft = build_draft (self);
  const char *occurred_at = editable_text (self->occurred_at_row);

  /* Checked as it will be stored: "1999/3/7" is as good as "1999-03-07". */
  concord_intake_form_normalize (draft, occurred_at, NULL);
  g_clear_pointer (&self->state, concord_intake_form_state_free);
  self->state = concord_intake_form_compute (draft, occurred_at, NULL);
  apply_state (self);
}

static void
promote_all_fields (ConcordIntakeDialog *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->quick_name_row), GTK_WIDGET (self->facts_view),
    GTK_WIDGET (self->referred_by_row), GTK_WIDGET (self->incident_no_row),
    GTK_WIDGET (self->occurred_at_row), GTK_WIDGET (self->place_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    _concord_field_promote (fields[i]);
  for (guint i = 0; i < self->editors->len; i++)
    _concord_party_editor_promote_fields (g_ptr_array_index (self->editors, i));
  for (guint i = 0; i < self->team_rows->len; i++)
    {
      TeamRow *team_row = g_ptr_array_index (self->team_rows, i);

      _concord_field_promote (GTK_WIDGET (team_row->name_entry));
      _concord_field_promote (GTK_WIDGET (team_row->phone_entry));
      if (team_row->organisation_entry != NULL)
        _concord_field_promote (GTK_WIDGET (team_row->organisation_entry));
    }
}

static gboolean
pause_cb (gpointer data)
{
  ConcordIntakeDialog *self = data;

  self->pause_id = 0;
  promote_all_fields (self);
  revalidate (self);
  return G_SOURCE_REMOVE;
}

static void
form_changed (ConcordIntakeDialog *self,
              GtkWidget           *field)
{
  if (self->loading > 0 || self->disposed)
    return;
  if (field != NULL)
    _concord_field_mark_edited (field);
  self->dirty = TRUE;
  revalidate (self);

  g_clear_handle_id (&self->pause_id, g_source_remove);
  self->pause_id = g_timeout_add (PAUSE_MS, pause_cb, self);
}

/* Moves the focus to the widget that shows @path. */
static gboolean
focus_field (ConcordIntakeDialog *self,
             const char          *path)
{
  g_autofree char *group = NULL;
  g_autofree char *rest = NULL;
  int index;

  if (!concord_intake_form_split_field (path, &group, &index, &rest))
    return FALSE;

  if (g_str_equal (path, "party/0/name") && !self->editing)
    return gtk_widget_grab_focus (GTK_WIDGET (self->quick_name_row));
  if (g_str_equal (path, "facts"))
    return gtk_widget_grab_focus (GTK_WIDGET (self->facts_view));
  if (g_str_equal (path, "occurred_at"))
    return gtk_widget_grab_focus (GTK_WIDGET (self->occurred_at_row));
  if (g_str_equal (path, "incident_no"))
    return gtk_widget_grab_focus (GTK_WIDGET (self->incident_no_row));
  if (g_str_equal (path, "referred_by"))
    return gtk_widget_grab_focus (GTK_WIDGET (self->referred_by_row));
  if (g_str_equal (path, "place"))
    return gtk_widget_grab_focus (GTK_WIDGET (self->place_row));
  if (g_str_equal (path, "category"))
    return gtk_widget_grab_focus (GTK_WIDGET (self->category_row));
  if (g_str_equal (path, "source"))
    return gtk_widget_grab_focus (GTK_WIDGET (self->source_row));
  if (g_str_equal (path, "mediation_type"))
    return gtk_widget_grab_focus (GTK_WIDGET (self->mediation_type_row));
  if (g_str_equal (path, "police_screening") || g_str_equal (path, "police_exclusions"))
    {
      GtkWidget *target = GTK_WIDGET (self->exclusion_checks[0]);

      /* Not police mediation: the checklist is not shown, the type is
       * what to look at. */
      if (!gtk_widget_get_visible (self->police_box))
        return gtk_widget_grab_focus (GTK_WIDGET (self->mediation_type_row));
      /* An exclusion: the first one ticked; the checklist: its start. */
      if (g_str_equal (path, "police_exclusions"))
        for (guint i = 0; i < CONCORD_N_EXCLUSIONS; i++)
          if (gtk_check_button_get_active (self->exclusion_checks[i]))
            {
              target = GTK_WIDGET (self->exclusion_checks[i]);
              break;
            }
      return gtk_widget_grab_focus (target);
    }

  if (g_str_equal (group, "party") && index >= 0 && (guint) index < self->case_editors->len && rest != NULL)
    return concord_party_editor_focus_field (g_ptr_array_index (self->case_editors, index), rest);

  if (g_str_equal (group, "team") && index >= 0 && (guint) index < self->case_team_rows->len)
    {
      TeamRow *team_row = g_ptr_array_index (self->case_team_rows, index);

      if (g_strcmp0 (rest, "phone") == 0)
        return gtk_widget_grab_focus (GTK_WIDGET (team_row->phone_entry));
      return gtk_widget_grab_focus (GTK_WIDGET (team_row->name_entry));
    }

  return FALSE;
}

/* Scrolls so that the focused field sits a third down the page, leaving
 * room under it for its message (which may not be laid out yet). */
static void
scroll_to_focus (ConcordIntakeDialog *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self->parties_box), GTK_TYPE_VIEWPORT);
  GtkWidget *content;
  GtkWidget *row;
  GtkAdjustment *adjustment;
  double x, y, value;

  if (focus == NULL || viewport == NULL)
    return;
  content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL)
    row = focus;
  if (!gtk_widget_translate_coordinates (row, content, 0, 0, &x, &y))
    return;

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  value = y - gtk_adjustment_get_page_size (adjustment) / 3;
  gtk_adjustment_set_value (adjustment,
                            CLAMP (value, gtk_adjustment_get_lower (adjustment),
                                   gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)));
}

/* A widget just added has no allocation yet, and the viewport, following
 * the focus into it, scrolls to its (0, 0): wait for the first layout
 * that places it, then bring its top into view. */
static gboolean
reveal_when_allocated_cb (GtkWidget     *widget,
                          GdkFrameClock *frame_clock,
                          gpointer       user_data)
{
  guint *frames = user_data;
  GtkWidget *viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);
  GtkAdjustment *adjustment;
  double x, y, value;

  if (viewport == NULL || ++*frames > 30)
    return G_SOURCE_REMOVE;
  if (gtk_widget_get_height (widget) <= 0 ||
      !gtk_widget_translate_coordinates (widget, gtk_viewport_get_child (GTK_VIEWPORT (viewport)),
                                         0, 0, &x, &y))
    return G_SOURCE_CONTINUE;

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  if (gtk_adjustment_get_upper (adjustment) < y + gtk_widget_get_height (widget))
    return G_SOURCE_CONTINUE;   /* the content has not grown yet */
  value = y - 12;
  gtk_adjustment_set_value (adjustment,
                            CLAMP (value, gtk_adjustment_get_lower (adjustment),
                                   gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)));
  return G_SOURCE_REMOVE;
}

static void
reveal_when_allocated (GtkWidget *widget)
{
  gtk_widget_add_tick_callback (widget, reveal_when_allocated_cb, g_new0 (guint, 1), g_free);
}

static void
focus_first_problem (ConcordIntakeDialog *self)
{
  for (guint i = 0; i < self->state->fields->len; i++)
    if (focus_field (self, g_ptr_array_index (self->state->fields, i)))
      {
        scroll_to_focus (self);
        return;
      }

  /* Nothing to focus: the message is at the top. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->general_message)))
    {
      GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (
        GTK_SCROLLABLE (gtk_widget_get_ancestor (GTK_WIDGET (self->general_message), GTK_TYPE_VIEWPORT)));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
}

/* "party/1/id_number: The check digit…": the store says which field. */
static gboolean
split_store_message (const char  *text,
                     char       **field,
                     const char **message)
{
  const char *colon = strstr (text, ": ");

  if (colon == NULL || colon == text)
    return FALSE;
  for (const char *p = text; p < colon; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_' && *p != '/')
      return FALSE;

  *field = g_strndup (text, colon - text);
  *message = colon + 2;
  return TRUE;
}

static void
save (ConcordIntakeDialog *self)
{
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GError) error = NULL;
  ConcordStore *store;

  g_clear_handle_id (&self->pause_id, g_source_remove);
  self->show_all = TRUE;
  promote_all_fields (self);
  revalidate (self);

  if (!self->state->can_save || self->state->fields->len > 0)
    {
      focus_first_problem (self);
      return;
    }

  c = build_draft (self);
  concord_intake_form_normalize (c, editable_text (self->occurred_at_row), NULL);

  store = concord_context_get_store (self->context);
  if (!concord_store_save_case (store, c, concord_context_get_username (self->context), &error))
    {
      g_autofree char *field = NULL;
      const char *message = NULL;

      g_debug ("Saving the case failed: %s", error->message);

      if (!g_error_matches (error, CONCORD_ERROR, CONCORD_ERROR_INVALID))
        {
          concord_ui_show_message (GTK_WINDOW (self), _("The Case Could Not Be Saved"), error->message);
          return;
        }

      /* Everything typed stays; the store's reason shows at its field, or
       * at the top when it names none. */
      if (!split_store_message (error->message, &field, &message))
        {
          g_clear_pointer (&field, g_free);
          field = g_strdup ("case");
          message = error->message;
        }
      concord_intake_form_state_add_message (self->state, field, message);
      apply_state (self);
      focus_first_problem (self);
      return;
    }

  self->dirty = FALSE;
  self->closing = TRUE;
  g_signal_emit (self, signals[SAVED], 0, c->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Team rows */

static void
team_entry_changed_cb (GtkEditable         *editable,
                       ConcordIntakeDialog *self)
{
  form_changed (self, GTK_WIDGET (editable));
}

static void
team_entry_left_cb (ConcordIntakeDialog *self)
{
  if (self->disposed)
    return;
  for (guint i = 0; i < self->team_rows->len; i++)
    {
      TeamRow *team_row = g_ptr_array_index (self->team_rows, i);

      _concord_field_promote (GTK_WIDGET (team_row->name_entry));
      _concord_field_promote (GTK_WIDGET (team_row->phone_entry));
      if (team_row->organisation_entry != NULL)
        _concord_field_promote (GTK_WIDGET (team_row->organisation_entry));
    }
  if (self->loading == 0)
    revalidate (self);
}

static gboolean
member_match_selected_cb (GtkEntryCompletion  *completion,
                          GtkTreeModel        *model,
                          GtkTreeIter         *iter,
                          ConcordIntakeDialog *self)
{
  GtkWidget *entry = gtk_entry_completion_get_entry (completion);
  const ConcordTeamMember *member;
  TeamRow *team_row = NULL;
  int index = -1;

  gtk_tree_model_get (model, iter, MEMBER_COLUMN_INDEX, &index, -1);
  if (index < 0 || (guint) index >= self->members->len)
    return FALSE;
  member = g_ptr_array_index (self->members, index);

  for (guint i = 0; i < self->team_rows->len; i++)
    {
      TeamRow *candidate = g_ptr_array_index (self->team_rows, i);

      if (GTK_WIDGET (candidate->name_entry) == entry)
        team_row = candidate;
    }
  if (team_row == NULL)
    return FALSE;

  /* Chosen from the list: this member, with their id and phone. */
  g_clear_pointer (&team_row->original, concord_team_member_unref);
  team_row->original = concord_team_member_copy (member);
  gtk_editable_set_text (GTK_EDITABLE (team_row->name_entry), member->name);
  gtk_editable_set_position (GTK_EDITABLE (team_row->name_entry), -1);
  if (concord_text_is_blank (editable_text (team_row->phone_entry)) && member->phone != NULL)
    gtk_editable_set_text (GTK_EDITABLE (team_row->phone_entry), member->phone);
  if (team_row->organisation_entry != NULL &&
      concord_text_is_blank (editable_text (team_row->organisation_entry)) && member->organisation != NULL)
    gtk_editable_set_text (GTK_EDITABLE (team_row->organisation_entry), member->organisation);
  return TRUE;
}

static void
remove_team_row (ConcordIntakeDialog *self,
                 TeamRow             *team_row)
{
  gboolean had_data = !concord_text_is_blank (editable_text (team_row->name_entry)) ||
                      !concord_text_is_blank (editable_text (team_row->phone_entry));

  adw_preferences_group_remove (self->team_group, team_row->message_row);
  adw_preferences_group_remove (self->team_group, team_row->row);
  g_ptr_array_remove (self->team_rows, team_row);
  if (had_data)
    self->dirty = TRUE;
  revalidate (self);
  gtk_widget_grab_focus (self->add_member_button);
}

static void
team_remove_clicked_cb (GtkButton           *button,
                        ConcordIntakeDialog *self)
{
  for (guint i = 0; i < self->team_rows->len; i++)
    {
      TeamRow *team_row = g_ptr_array_index (self->team_rows, i);

      if (team_row->remove_button == GTK_WIDGET (button))
        {
          remove_team_row (self, team_row);
          return;
        }
    }
}

/* GTK 4.8 sizes the completion popup's scrolled window to the entry's
 * width (or, without popup-set-width, to nothing at all, which leaves an
 * empty strip).  Let it grow to the rows' natural width so the name and
 * the role/organisation of each suggestion are both readable. */
static void
widen_completion_popup (GtkWidget *entry)
{
  for (GtkWidget *child = gtk_widget_get_first_child (entry);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *scrolled;

      if (!GTK_IS_POPOVER (child))
        continue;
      scrolled = gtk_popover_get_child (GTK_POPOVER (child));
      if (GTK_IS_SCROLLED_WINDOW (scrolled))
        {
          gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                          GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
          gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
          /* The tree view reports the entry's width before its rows are
           * measured; ask for room for "name  role · organisation". */
          gtk_widget_set_size_request (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                       380, -1);
        }
    }
}

static void
team_role_selected_cb (GtkDropDown         *dropdown,
                       GParamSpec          *pspec,
                       ConcordIntakeDialog *self)
{
  for (guint i = 0; i < self->team_rows->len; i++)
    {
      TeamRow *team_row = g_ptr_array_index (self->team_rows, i);
      guint selected = gtk_drop_down_get_selected (dropdown);

      if (team_row->role_dropdown != GTK_WIDGET (dropdown) || selected >= CONCORD_N_TEAM_ROLES)
        continue;
      if (team_row->role != (ConcordTeamRole) selected)
        {
          team_row->role = (ConcordTeamRole) selected;
          if (self->loading == 0)
            {
              self->dirty = TRUE;
              revalidate (self);
            }
        }
    }
}

static GtkWidget *
new_team_role_dropdown (ConcordTeamRole role)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (int i = 0; i < CONCORD_N_TEAM_ROLES; i++)
    gtk_string_list_append (roles, concord_team_role_label ((ConcordTeamRole) i));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&roles)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), role);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Role in the mediation team"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Role in the mediation team"),
                                  -1);
  return dropdown;
}

static GtkEntry *
new_team_entry (ConcordIntakeDialog *self,
                const char          *placeholder,
                const char          *accessible_label,
                int                  width_chars)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());

  gtk_entry_set_placeholder_text (entry, placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_valign (GTK_WIDGET (entry), GTK_ALIGN_CENTER);
  _concord_field_set_accessible_label (GTK_WIDGET (entry), accessible_label);
  g_signal_connect (entry, "changed", G_CALLBACK (team_entry_changed_cb), self);
  _concord_field_watch_focus (GTK_WIDGET (entry), G_CALLBACK (team_entry_left_cb), self);
  return entry;
}

static TeamRow *
add_team_row (ConcordIntakeDialog     *self,
              ConcordTeamRole          role,
              gboolean                 fixed,
              const ConcordTeamMember *member)
{
  TeamRow *team_row = g_new0 (TeamRow, 1);
  const char *role_label = concord_team_role_label (role);
  g_autofree char *name_label = NULL;
  g_autofree char *phone_label = NULL;
  g_autofree char *organisation_label = NULL;
  GtkEntryCompletion *completion;
  GtkCellRenderer *renderer;
  GtkWidget *box;
  GtkWidget *fields;
  GtkWidget *end;

  team_row->role = role;
  team_row->fixed = fixed;

  team_row->row = adw_action_row_new ();
  if (fixed)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (team_row->row), role_label);

  /* Translators: accessible labels of the team entries: "Mediator: name" */
  name_label = g_strdup_printf (_("%s: name"), role_label);
  phone_label = g_strdup_printf (_("%s: phone"), role_label);
  organisation_label = g_strdup_printf (_("%s: organisation"), role_label);

  /* Name and phone sit in the same columns on every row; an added
   * participant's role is a drop-down in place of the fixed title, the
   * organisation goes under name and phone, and the stand-in at the end
   * of the fixed rows is as wide as the trash button of the added ones. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  fields = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (fields), 6);
  gtk_grid_set_row_spacing (GTK_GRID (fields), 6);
  gtk_widget_set_valign (fields, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), fields);

  team_row->name_entry = new_team_entry (self, _("Name"), name_label, 8);
  gtk_grid_attach (GTK_GRID (fields), GTK_WIDGET (team_row->name_entry), 0, 0, 1, 1);
  team_row->phone_entry = new_team_entry (self, _("Phone"), phone_label, 12);
  gtk_entry_set_input_purpose (team_row->phone_entry, GTK_INPUT_PURPOSE_PHONE);
  gtk_grid_attach (GTK_GRID (fields), GTK_WIDGET (team_row->phone_entry), 1, 0, 1, 1);
  if (!fixed)
    {
      team_row->organisation_entry = new_team_entry (self, _("Organisation"), organisation_label, 10);
      gtk_grid_attach (GTK_GRID (fields), GTK_WIDGET (team_row->organisation_entry), 0, 1, 2, 1);

      team_row->role_dropdown = new_team_role_dropdown (role);
      g_signal_connect (team_row->role_dropdown, "notify::selected",
                        G_CALLBACK (team_role_selected_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (team_row->row), team_row->role_dropdown);
    }

  if (fixed)
    {
      end = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_size_group_add_widget (self->team_end_group, end);
      gtk_box_append (GTK_BOX (box), end);
    }
  else
    {
      team_row->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_size_group_add_widget (self->team_end_group, team_row->remove_button);
      gtk_widget_set_valign (team_row->remove_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (team_row->remove_button, "flat");
      gtk_widget_set_tooltip_text (team_row->remove_button, _("Remove This Participant"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (team_row->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove This Participant"),
                                      -1);
      g_signal_connect (team_row->remove_button, "clicked", G_CALLBACK (team_remove_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), team_row->remove_button);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (team_row->row), box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (team_row->row), GTK_WIDGET (team_row->name_entry));

  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->member_store));
  gtk_entry_completion_set_text_column (completion, MEMBER_COLUMN_NAME);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  /* At least as wide as the entry; widened below to show the details. */
  gtk_entry_completion_set_popup_set_width (completion, TRUE);
  renderer = gtk_cell_renderer_text_new ();
  g_object_set (renderer, "foreground", "gray", "xpad", 12, "ellipsize", PANGO_ELLIPSIZE_END, NULL);
  gtk_cell_layout_pack_start (GTK_CELL_LAYOUT (completion), renderer, FALSE);
  gtk_cell_layout_add_attribute (GTK_CELL_LAYOUT (completion), renderer, "text", MEMBER_COLUMN_DETAIL);
  g_signal_connect (completion, "match-selected", G_CALLBACK (member_match_selected_cb), self);
  gtk_entry_set_completion (team_row->name_entry, completion);
  widen_completion_popup (GTK_WIDGET (team_row->name_entry));
  g_object_unref (completion);

  team_row->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (team_row->message, 0);
  gtk_label_set_wrap (team_row->message, TRUE);
  gtk_label_set_wrap_mode (team_row->message, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (GTK_WIDGET (team_row->message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (team_row->message), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (team_row->message), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (team_row->message), 6);
  gtk_widget_add_css_class (GTK_WIDGET (team_row->message), "error");
  gtk_widget_add_css_class (GTK_WIDGET (team_row->message), "caption");
  gtk_widget_set_visible (GTK_WIDGET (team_row->message), FALSE);
  team_row->message_row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                        "child", team_row->message,
                                        "activatable", FALSE,
                                        "focusable", FALSE,
                                        "visible", FALSE,
                                        NULL);

  if (member != NULL)
    {
      self->loading++;
      team_row->original = concord_team_member_copy (member);
      gtk_editable_set_text (GTK_EDITABLE (team_row->name_entry), member->name != NULL ? member->name : "");
      gtk_editable_set_text (GTK_EDITABLE (team_row->phone_entry), member->phone != NULL ? member->phone : "");
      if (team_row->organisation_entry != NULL)
        gtk_editable_set_text (GTK_EDITABLE (team_row->organisation_entry),
                               member->organisation != NULL ? member->organisation : "");
      self->loading--;
    }

  adw_preferences_group_add (self->team_group, team_row->row);
  adw_preferences_group_add (self->team_group, team_row->message_row);
  g_ptr_array_add (self->team_rows, team_row);
  return team_row;
}

/* Parties */

static void editor_remove_requested_cb (ConcordPartyEditor *editor, ConcordIntakeDialog *self);

static void
editor_changed_cb (ConcordPartyEditor  *editor,
                   ConcordIntakeDialog *self)
{
  if (self->disposed)
    return;
  if (editor == first_editor (self))
    sync_quick_name_from_editor (self);
  form_changed (self, NULL);
}

static void
editor_field_left_cb (ConcordPartyEditor  *editor,
                      ConcordIntakeDialog *self)
{
  if (self->loading == 0 && !self->disposed)
    revalidate (self);
}

static ConcordPartyEditor *
add_editor (ConcordIntakeDialog *self,
            const ConcordParty  *party)
{
  ConcordPartyEditor *editor = concord_party_editor_new ();

  if (party != NULL)
    concord_party_editor_set_party (editor, party);
  g_signal_connect (editor, "changed", G_CALLBACK (editor_changed_cb), self);
  g_signal_connect (editor, "field-left", G_CALLBACK (editor_field_left_cb), self);
  g_signal_connect (editor, "remove-requested", G_CALLBACK (editor_remove_requested_cb), self);
  gtk_box_append (self->parties_box, GTK_WIDGET (editor));
  g_ptr_array_add (self->editors, editor);

  self->loading++;
  update_party_defaults (self);
  self->loading--;
  return editor;
}

static void
remove_editor (ConcordIntakeDialog *self,
               ConcordPartyEditor  *editor)
{
  gboolean had_data = _concord_party_editor_has_data (editor);
  gboolean was_first = editor == first_editor (self);

  g_ptr_array_remove (self->editors, editor);
  gtk_box_remove (self->parties_box, GTK_WIDGET (editor));

  if (self->editors->len == 0)
    add_editor (self, NULL);

  self->loading++;
  update_party_defaults (self);
  if (was_first)
    {
      self->syncing_name = FALSE;
      sync_quick_name_from_editor (self);
    }
  self->loading--;

  if (had_data)
    self->dirty = TRUE;
  revalidate (self);
  gtk_widget_grab_focus (self->add_party_button);
}

static void
remove_party_response_cb (AdwMessageDialog    *dialog,
                          const char          *response,
                          ConcordIntakeDialog *self)
{
  ConcordPartyEditor *editor = g_object_get_data (G_OBJECT (dialog), "editor");

  if (g_strcmp0 (response, "remove") == 0 && g_ptr_array_find (self->editors, editor, NULL))
    remove_editor (self, editor);
}

static void
editor_remove_requested_cb (ConcordPartyEditor  *editor,
                            ConcordIntakeDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!_concord_party_editor_has_data (editor))
    {
      remove_editor (self, editor);
      return;
    }

  name = g_strstrip (g_strdup (gtk_editable_get_text (concord_party_editor_get_name_editable (editor))));
  if (*name != '\0')
    /* Translators: %s is a party's name */
    body = g_strdup_printf (_("What was entered about %s will be lost."), name);
  else
    body = g_strdup (_("What was entered about this party will be lost."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Party?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "editor", g_object_ref (editor), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_party_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
quick_name_changed_cb (ConcordIntakeDialog *self)
{
  sync_editor_from_quick_name (self);
  form_changed (self, GTK_WIDGET (self->quick_name_row));
}

static void
case_entry_changed_cb (GtkEditable         *editable,
                       ConcordIntakeDialog *self)
{
  form_changed (self, GTK_WIDGET (editable));
}

static void
facts_changed_cb (ConcordIntakeDialog *self)
{
  form_changed (self, GTK_WIDGET (self->facts_view));
}

static void
case_field_left_cb (ConcordIntakeDialog *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->quick_name_row), GTK_WIDGET (self->facts_view),
    GTK_WIDGET (self->referred_by_row), GTK_WIDGET (self->incident_no_row),
    GTK_WIDGET (self->occurred_at_row), GTK_WIDGET (self->place_row),
  };
  gboolean promoted = FALSE;

  if (self->disposed)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (_concord_field_promote (fields[i]))
      promoted = TRUE;
  if (promoted && self->loading == 0)
    revalidate (self);
}

static void
source_selected_cb (ConcordIntakeDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->referred_by_row),
                          combo_selected (self->source_row) == CONCORD_SOURCE_REFERRAL);
  form_changed (self, NULL);
}

static void
update_police_box (ConcordIntakeDialog *self)
{
  /* Hidden, not cleared: switching back shows what was ticked. */
  gtk_widget_set_visible (self->police_box, is_police_mediation (self));
}

static void
police_toggled_cb (ConcordIntakeDialog *self)
{
  form_changed (self, NULL);
}

static void
mediation_type_selected_cb (ConcordIntakeDialog *self)
{
  update_police_box (self);
  self->loading++;
  update_party_defaults (self);
  self->loading--;
  form_changed (self, NULL);
}

static void
combo_selected_cb (ConcordIntakeDialog *self)
{
  form_changed (self, NULL);
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     ConcordIntakeDialog *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->closing = TRUE;
  /* Not from inside the question's own signal: it still refers to us as
   * its parent until it is gone. */
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static void
ask_discard (ConcordIntakeDialog *self)
{
  GtkWidget *dialog;
  gboolean is_new = self->base->id == 0;

  /* Asked once: a second close (quitting, say) shows the same question. */
  if (self->question != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->question));
      return;
    }

  dialog = GTK_WIDGET (concord_ui_discard_dialog_new (GTK_WINDOW (self),
                                                      is_new ? _("Discard This Case?") : _("Discard Changes?"),
                                                      is_new ? _("What was typed has not been saved and will be lost.")
                                                             : _("The changes to this case have not been saved and will be lost."),
                                                      _("_Keep Editing")));
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  self->question = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->question);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save (CONCORD_INTAKE_DIALOG (widget));
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
add_party_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConcordIntakeDialog *self = CONCORD_INTAKE_DIALOG (widget);
  ConcordPartyEditor *editor = add_editor (self, NULL);

  revalidate (self);
  gtk_widget_grab_focus (GTK_WIDGET (concord_party_editor_get_name_editable (editor)));
  reveal_when_allocated (GTK_WIDGET (editor));
}

static void
add_member_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ConcordIntakeDialog *self = CONCORD_INTAKE_DIALOG (widget);
  TeamRow *team_row = add_team_row (self, CONCORD_TEAM_HELPER, FALSE, NULL);

  revalidate (self);
  gtk_widget_grab_focus (GTK_WIDGET (team_row->name_entry));
  reveal_when_allocated (team_row->row);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  ConcordIntakeDialog *self = CONCORD_INTAKE_DIALOG (window);

  if (self->closing || !self->dirty)
    return FALSE;
  ask_discard (self);
  return TRUE;
}

/* Focuses the field asked for, and brings its row into view once the
 * page is laid out. */
static void
focus_requested (ConcordIntakeDialog *self)
{
  g_autofree char *path = g_steal_pointer (&self->focus_path);
  GtkWidget *focus;
  GtkWidget *row;

  if (!focus_field (self, path))
    return;
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL)
    return;
  /* The checklist from its heading, which says what the ticks mean. */
  if (gtk_widget_is_ancestor (focus, self->police_box))
    {
      reveal_when_allocated (self->police_box);
      return;
    }
  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  reveal_when_allocated (row != NULL ? row : focus);
}

static void
map_cb (ConcordIntakeDialog *self)
{
  if (self->focus_path != NULL)
    focus_requested (self);
  else if (self->editing)
    gtk_widget_grab_focus (GTK_WIDGET (self->facts_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->quick_name_row));
}

/* Loading */

static void
load_models (ConcordIntakeDialog *self)
{
  ConcordStore *store = concord_context_get_store (self->context);
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  GtkStringList *list;
  guint selected = 0;

  list = gtk_string_list_new (NULL);
  for (guint i = 0; i < CONCORD_N_SOURCES; i++)
    gtk_string_list_append (list, concord_source_label (i));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (list));
  g_object_unref (list);

  list = gtk_string_list_new (NULL);
  for (guint i = 0; i < CONCORD_N_MEDIATION_TYPES; i++)
    gtk_string_list_append (list, concord_mediation_type_label (i));
  adw_combo_row_set_model (self->mediation_type_row, G_LIST_MODEL (list));
  g_object_unref (list);

  /* Categories: the active ones, and the case's own even when retired. */
  list = gtk_string_list_new (NULL);
  /* Translators: the category of a case that has none yet */
  gtk_string_list_append (list, C_("category", "Not set"));
  g_ptr_array_add (self->category_codes, NULL);
  categories = concord_store_list_categories (store, TRUE, &error);
  if (categories == NULL)
    g_warning ("Could not list the categories: %s", error->message);
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      const ConcordCategory *category = g_ptr_array_index (categories, i);
      gboolean own = g_strcmp0 (category->code, self->base->category) == 0;

      if (!category->active && !own)
        continue;
      if (own)
        selected = self->category_codes->len;
      gtk_string_list_append (list, category->label != NULL ? category->label : category->code);
      g_ptr_array_add (self->category_codes, g_strdup (category->code));
    }
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (list));
  g_object_unref (list);
  adw_combo_row_set_selected (self->category_row, selected);

  g_clear_error (&error);
  self->members = concord_store_list_members (store, &error);
  if (self->members == NULL)
    {
      g_warning ("Could not list the team members: %s", error->message);
      self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_team_member_unref);
    }
  for (guint i = 0; i < self->members->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (self->members, i);
      g_autoptr(GString) detail = g_string_new (concord_team_role_label (member->role));
      GtkTreeIter iter;

      if (member->name == NULL)
        continue;
      if (member->organisation != NULL)
        g_string_append_printf (detail, " · %s", member->organisation);
      if (member->phone != NULL)
        g_string_append_printf (detail, " · %s", member->phone);
      gtk_list_store_insert_with_values (self->member_store, &iter, -1,
                                         MEMBER_COLUMN_NAME, member->name,
                                         MEMBER_COLUMN_DETAIL, detail->str,
                                         MEMBER_COLUMN_INDEX, (int) i,
                                         -1);
    }
}

static void
load_case (ConcordIntakeDialog *self)
{
  const ConcordCase *c = self->base;
  static const ConcordTeamRole standing[] = {
    CONCORD_TEAM_MEDIATOR, CONCORD_TEAM_OFFICER, CONCORD_TEAM_LAWYER, CONCORD_TEAM_NOTE_TAKER,
  };
  TeamRow *standing_rows[G_N_ELEMENTS (standing)];

  self->loading++;

  adw_combo_row_set_selected (self->source_row, c->source);
  gtk_widget_set_visible (GTK_WIDGET (self->referred_by_row), c->source == CONCORD_SOURCE_REFERRAL);
  gtk_editable_set_text (GTK_EDITABLE (self->referred_by_row), c->referred_by != NULL ? c->referred_by : "");
  gtk_editable_set_text (GTK_EDITABLE (self->incident_no_row), c->incident_no != NULL ? c->incident_no : "");
  if (c->occurred_at != NULL)
    {
      g_autofree char *local = concord_format_local_datetime (c->occurred_at, NULL);

      gtk_editable_set_text (GTK_EDITABLE (self->occurred_at_row), local != NULL ? local : "");
    }
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), c->place != NULL ? c->place : "");
  adw_combo_row_set_selected (self->mediation_type_row, c->mediation_type);
  update_police_box (self);
  gtk_switch_set_active (self->screened_switch, c->police_screened);
  for (guint i = 0; i < CONCORD_N_EXCLUSIONS; i++)
    gtk_check_button_set_active (self->exclusion_checks[i], (c->police_exclusions & (1u << i)) != 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->facts_view), c->facts != NULL ? c->facts : "", -1);

  for (guint i = 0; i < c->parties->len; i++)
    add_editor (self, g_ptr_array_index (c->parties, i));
  if (self->editors->len == 0)
    add_editor (self, NULL);
  sync_quick_name_from_editor (self);

  for (guint i = 0; i < G_N_ELEMENTS (standing); i++)
    standing_rows[i] = add_team_row (self, standing[i], TRUE, NULL);
  for (guint i = 0; i < c->team->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (c->team, i);
      TeamRow *team_row = NULL;

      for (guint j = 0; j < G_N_ELEMENTS (standing); j++)
        if (standing[j] == member->role && standing_rows[j]->original == NULL)
          team_row = standing_rows[j];

      if (team_row == NULL)
        add_team_row (self, member->role, FALSE, member);
      else
        {
          team_row->original = concord_team_member_copy (member);
          gtk_editable_set_text (GTK_EDITABLE (team_row->name_entry), member->name != NULL ? member->name : "");
          gtk_editable_set_text (GTK_EDITABLE (team_row->phone_entry), member->phone != NULL ? member->phone : "");
        }
    }

  if (c->id != 0)
    {
      /* Editing: the name is in the first party's section below, and
       * "quick registration" is over; only the facts stay up here. */
      self->editing = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->quick_name_row), FALSE);
      gtk_widget_set_visible (self->quick_name_message_row, FALSE);
      adw_preferences_group_set_title (self->quick_group, "");
      adw_preferences_group_set_description (self->quick_group, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Case"));
      adw_window_title_set_title (self->window_title, _("Edit Case"));
      adw_window_title_set_subtitle (self->window_title, c->case_no != NULL ? c->case_no : "");
    }

  self->loading--;
  self->dirty = FALSE;
}

/* Overrides */

static void
concord_intake_dialog_constructed (GObject *object)
{
  ConcordIntakeDialog *self = CONCORD_INTAKE_DIALOG (object);

  G_OBJECT_CLASS (concord_intake_dialog_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  if (self->base == NULL)
    self->base = concord_case_new ();

  load_models (self);
  load_case (self);
  revalidate (self);
}

static void
concord_intake_dialog_dispose (GObject *object)
{
  ConcordIntakeDialog *self = CONCORD_INTAKE_DIALOG (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->pause_id, g_source_remove);
  if (self->question != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->question), (gpointer *) &self->question);
  self->question = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_INTAKE_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->member_store);
  g_clear_object (&self->team_end_group);

  G_OBJECT_CLASS (concord_intake_dialog_parent_class)->dispose (object);
}

static void
concord_intake_dialog_finalize (GObject *object)
{
  ConcordIntakeDialog *self = CONCORD_INTAKE_DIALOG (object);

  g_clear_pointer (&self->base, concord_case_unref);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->team_rows, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->category_codes, g_ptr_array_unref);
  g_clear_pointer (&self->state, concord_intake_form_state_free);
  g_clear_pointer (&self->case_editors, g_ptr_array_unref);
  g_clear_pointer (&self->case_team_rows, g_ptr_array_unref);
  g_clear_pointer (&self->focus_path, g_free);

  G_OBJECT_CLASS (concord_intake_dialog_parent_class)->finalize (object);
}

static void
concord_intake_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ConcordIntakeDialog *self = CONCORD_INTAKE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CASE:
      g_value_set_boxed (value, self->base);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_intake_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ConcordIntakeDialog *self = CONCORD_INTAKE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CASE:
      {
        const ConcordCase *c = g_value_get_boxed (value);

        /* Edit a copy: the caller's case changes only through the store. */
        if (c != NULL)
          self->base = concord_case_copy (c);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_intake_dialog_class_init (ConcordIntakeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = concord_intake_dialog_constructed;
  object_class->dispose = concord_intake_dialog_dispose;
  object_class->finalize = concord_intake_dialog_finalize;
  object_class->get_property = concord_intake_dialog_get_property;
  object_class->set_property = concord_intake_dialog_set_property;
  window_class->close_request = close_request_cb;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CONCORD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_boxed ("case", NULL, NULL,
                        CONCORD_TYPE_CASE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /* The resources live in a static library: referring to them keeps them
   * linked into every program that opens the form. */
  if (concord_get_resource () == NULL)
    g_critical ("The interface resources are missing");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/concord/Concord/ui/concord-intake-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, general_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, quick_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, quick_name_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, quick_name_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, quick_name_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, facts_view);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, facts_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, facts_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, missing_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, referred_by_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, incident_no_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, occurred_at_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, occurred_at_message_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, occurred_at_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, mediation_type_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, police_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, police_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, screened_switch);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, parties_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, add_party_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, team_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, add_member_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordIntakeDialog, conflicts_label);

  gtk_widget_class_install_action (widget_class, "intake.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "intake.cancel", NULL, cancel_action_cb);
  gtk_widget_class_install_action (widget_class, "intake.add-party", NULL, add_party_action_cb);
  gtk_widget_class_install_action (widget_class, "intake.add-member", NULL, add_member_action_cb);

  /* Escape bubbles: an open completion popup closes first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "intake.cancel", NULL);
}

/* One row per art. 179 exclusion, ticked when it applies, then the row
 * for the message. */
static void
add_exclusion_rows (ConcordIntakeDialog *self)
{
  for (guint i = 0; i < CONCORD_N_EXCLUSIONS; i++)
    {
      const char *label = concord_police_exclusion_label (1u << i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (police_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->police_group, row);
      self->exclusion_rows[i] = row;
      self->exclusion_checks[i] = GTK_CHECK_BUTTON (check);
    }

  self->police_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->police_message, 0);
  gtk_label_set_wrap (self->police_message, TRUE);
  gtk_label_set_wrap_mode (self->police_message, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (GTK_WIDGET (self->police_message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->police_message), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->police_message), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->police_message), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->police_message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->police_message), FALSE);
  self->police_message_row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                           "child", self->police_message,
                                           "activatable", FALSE,
                                           "focusable", FALSE,
                                           "visible", FALSE,
                                           NULL);
  adw_preferences_group_add (self->police_group, self->police_message_row);
}

static void
add_capture_shortcut (GtkShortcutController *controller,
                      guint                  keyval)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("intake.save")));
}

static void
concord_intake_dialog_init (ConcordIntakeDialog *self)
{
  GtkEventController *shortcuts;
  AdwEntryRow *case_entries[4];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->editors = g_ptr_array_new ();
  self->team_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) team_row_free);
  self->team_end_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->category_codes = g_ptr_array_new_with_free_func (g_free);
  self->case_editors = g_ptr_array_new ();
  self->case_team_rows = g_ptr_array_new ();
  self->member_store = gtk_list_store_new (N_MEMBER_COLUMNS, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT);

  /* Ctrl+S and Ctrl+Return save from anywhere, even inside the facts
   * (where Return alone is a new line): caught before the text view. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_s);
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Return);
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Enter);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect_swapped (self->quick_name_row, "changed", G_CALLBACK (quick_name_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->facts_view), "changed",
                            G_CALLBACK (facts_changed_cb), self);
  case_entries[0] = self->referred_by_row;
  case_entries[1] = self->incident_no_row;
  case_entries[2] = self->occurred_at_row;
  case_entries[3] = self->place_row;
  for (guint i = 0; i < G_N_ELEMENTS (case_entries); i++)
    {
      g_signal_connect (case_entries[i], "changed", G_CALLBACK (case_entry_changed_cb), self);
      _concord_field_watch_focus (GTK_WIDGET (case_entries[i]), G_CALLBACK (case_field_left_cb), self);
      _concord_field_set_accessible_label (GTK_WIDGET (case_entries[i]),
                                           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (case_entries[i])));
    }
  _concord_field_watch_focus (GTK_WIDGET (self->quick_name_row), G_CALLBACK (case_field_left_cb), self);
  _concord_field_watch_focus (GTK_WIDGET (self->facts_view), G_CALLBACK (case_field_left_cb), self);
  _concord_field_set_accessible_label (GTK_WIDGET (self->quick_name_row),
                                       adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->quick_name_row)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->facts_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Facts of the dispute"),
                                  -1);

  add_exclusion_rows (self);
  g_signal_connect_swapped (self->screened_switch, "notify::active", G_CALLBACK (police_toggled_cb), self);

  g_signal_connect_swapped (self->source_row, "notify::selected", G_CALLBACK (source_selected_cb), self);
  g_signal_connect_swapped (self->mediation_type_row, "notify::selected",
                            G_CALLBACK (mediation_type_selected_cb), self);
  g_signal_connect_swapped (self->category_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect_swapped (self, "map", G_CALLBACK (map_cb), self);

  /* Enabled once a party's name and the facts are there. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.save", FALSE);
}

/* Public */

ConcordIntakeDialog *
concord_intake_dialog_new (ConcordContext *context,
                           GtkWindow      *parent,
                           ConcordCase    *existing)
{
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CONCORD_TYPE_INTAKE_DIALOG,
                       "context", context,
                       "case", existing,
                       "transient-for", parent,
                       NULL);
}

/**
 * concord_intake_dialog_focus_field:
 * @self: the dialog
 * @path: a field path as concord_case_validate() names them ("facts",
 *   "mediation_type", "party/1/phone"), or "police_screening" for the
 *   art. 179 checklist
 *
 * Moves the focus to the field of @path and brings it into view; before
 * the dialog is shown, it does so when it shows (instead of the usual
 * first field). An unknown path leaves the focus where it is.
 */
void
concord_intake_dialog_focus_field (ConcordIntakeDialog *self,
                                   const char          *path)
{
  g_return_if_fail (CONCORD_IS_INTAKE_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_free (self->focus_path);
  self->focus_path = g_strdup (path);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_requested (self);
}

static gboolean
is_toplevel (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == window)
        return TRUE;
    }
  return FALSE;
}

/**
 * concord_intake_dialog_close_all:
 * @parent: (nullable): only the dialogs over this window, or %NULL for all
 *
 * Closes the intake dialogs as if their close button was pressed: those
 * with nothing typed go, the others ask whether to discard what was typed.
 *
 * Returns: %TRUE when none is left open, %FALSE when one is asking
 */
gboolean
concord_intake_dialog_close_all (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean all_closed = TRUE;
  guint n = g_list_model_get_n_items (toplevels);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);

  /* Collected first: closing changes the list. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CONCORD_IS_INTAKE_DIALOG (window) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent))
        g_ptr_array_add (dialogs, g_steal_pointer (&window));
    }

  for (guint i = 0; i < dialogs->len; i++)
    {
      GtkWindow *dialog = g_ptr_array_index (dialogs, i);

      gtk_window_close (dialog);
      if (is_toplevel (dialog))
        all_closed = FALSE;
    }
  return all_closed;
}

/* Private, for the tests */

GtkWidget *
_concord_intake_dialog_get_save_button (ConcordIntakeDialog *self)
{
  return self->save_button;
}

GtkWidget *
_concord_intake_dialog_get_add_party_button (ConcordIntakeDialog *self)
{
  return self->add_party_button;
}

GtkWidget *
_concord_intake_dialog_get_add_member_button (ConcordIntakeDialog *self)
{
  return self->add_member_button;
}

GtkWidget *
_concord_intake_dialog_get_quick_name (ConcordIntakeDialog *self)
{
  return GTK_WIDGET (self->quick_name_row);
}

GtkTextView *
_concord_intake_dialog_get_facts_view (ConcordIntakeDialog *self)
{
  return self->facts_view;
}

GtkWidget *
_concord_intake_dialog_get_case_field (ConcordIntakeDialog *self,
                                       const char          *field)
{
  if (g_str_equal (field, "source"))
    return GTK_WIDGET (self->source_row);
  if (g_str_equal (field, "referred_by"))
    return GTK_WIDGET (self->referred_by_row);
  if (g_str_equal (field, "incident_no"))
    return GTK_WIDGET (self->incident_no_row);
  if (g_str_equal (field, "occurred_at"))
    return GTK_WIDGET (self->occurred_at_row);
  if (g_str_equal (field, "place"))
    return GTK_WIDGET (self->place_row);
  if (g_str_equal (field, "category"))
    return GTK_WIDGET (self->category_row);
  if (g_str_equal (field, "mediation_type"))
    return GTK_WIDGET (self->mediation_type_row);
  if (g_str_equal (field, "police_exclusions") || g_str_equal (field, "police_screening"))
    return self->police_box;
  return NULL;
}

GtkLabel *
_concord_intake_dialog_get_message_label (ConcordIntakeDialog *self,
                                          const char          *field)
{
  if (g_str_equal (field, "party/0/name"))
    return self->quick_name_message;
  if (g_str_equal (field, "facts"))
    return self->facts_message;
  if (g_str_equal (field, "occurred_at"))
    return self->occurred_at_message;
  if (g_str_equal (field, "police_exclusions"))
    return self->police_message;
  return self->general_message;
}

guint
_concord_intake_dialog_get_n_parties (ConcordIntakeDialog *self)
{
  return self->editors->len;
}

ConcordPartyEditor *
_concord_intake_dialog_get_party_editor (ConcordIntakeDialog *self,
                                         guint                index)
{
  g_return_val_if_fail (index < self->editors->len, NULL);
  return g_ptr_array_index (self->editors, index);
}

guint
_concord_intake_dialog_get_n_team_rows (ConcordIntakeDialog *self)
{
  return self->team_rows->len;
}

GtkEditable *
_concord_intake_dialog_get_team_entry (ConcordIntakeDialog *self,
                                       guint                row,
                                       const char          *what)
{
  TeamRow *team_row;

  g_return_val_if_fail (row < self->team_rows->len, NULL);
  team_row = g_ptr_array_index (self->team_rows, row);
  if (g_str_equal (what, "phone"))
    return GTK_EDITABLE (team_row->phone_entry);
  if (g_str_equal (what, "organisation"))
    return team_row->organisation_entry != NULL ? GTK_EDITABLE (team_row->organisation_entry) : NULL;
  return GTK_EDITABLE (team_row->name_entry);
}

GtkDropDown *
_concord_intake_dialog_get_team_role_dropdown (ConcordIntakeDialog *self,
                                               guint                row)
{
  TeamRow *team_row;

  g_return_val_if_fail (row < self->team_rows->len, NULL);
  team_row = g_ptr_array_index (self->team_rows, row);
  return team_row->role_dropdown != NULL ? GTK_DROP_DOWN (team_row->role_dropdown) : NULL;
}

GtkLabel *
_concord_intake_dialog_get_team_message_label (ConcordIntakeDialog *self,
                                               guint                row)
{
  TeamRow *team_row;

  g_return_val_if_fail (row < self->team_rows->len, NULL);
  team_row = g_ptr_array_index (self->team_rows, row);
  return team_row->message;
}

GtkLabel *
_concord_intake_dialog_get_conflicts_label (ConcordIntakeDialog *self)
{
  return self->conflicts_label;
}

GtkLabel *
_concord_intake_dialog_get_missing_label (ConcordIntakeDialog *self)
{
  return self->missing_label;
}

void
_concord_intake_dialog_flush (ConcordIntakeDialog *self)
{
  if (self->pause_id != 0)
    {
      g_clear_handle_id (&self->pause_id, g_source_remove);
      pause_cb (self);
    }
}

GtkCheckButton *
_concord_intake_dialog_get_exclusion_check (ConcordIntakeDialog    *self,
                                            ConcordPoliceExclusion  bit)
{
  for (guint i = 0; i < CONCORD_N_EXCLUSIONS; i++)
    if (bit == 1u << i)
      return self->exclusion_checks[i];
  g_return_val_if_reached (NULL);
}

GtkWidget *
_concord_intake_dialog_get_exclusion_row (ConcordIntakeDialog    *self,
                                          ConcordPoliceExclusion  bit)
{
  for (guint i = 0; i < CONCORD_N_EXCLUSIONS; i++)
    if (bit == 1u << i)
      return self->exclusion_rows[i];
  g_return_val_if_reached (NULL);
}

GtkSwitch *
_concord_intake_dialog_get_screened_switch (ConcordIntakeDialog *self)
{
  return self->screened_switch;
}
