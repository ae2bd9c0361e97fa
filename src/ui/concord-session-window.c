/* concord-session-window.c
 *
 * The notes are never more than SAVE_DELAY_MS behind the keyboard: the
 * first change after a save arms one timeout, and further typing does not
 * push it back, so a steady typist is saved every SAVE_DELAY_MS too.
 *
 * Privacy mode hides, it never clears: the notes and the side column are
 * pages of stacks whose other page is a placeholder, so what is typed
 * stays in its buffer and the autosave goes on while it is out of sight.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-session-window"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-money.h"
#include "concord-position-dialog.h"
#include "concord-ui-util.h"
#include "concord-session-window.h"

#define SAVE_DELAY_MS 300

struct _ConcordSessionWindow
{
  AdwWindow        parent_instance;

  ConcordContext  *context;
  ConcordCase     *c;
  ConcordSession  *session;
  gint64           note_id;
  gint64           party_id;           /* whose caucus (back-to-back), else 0 */
  gboolean         note_confidential;
  gboolean         note_shared;
  GDateTime       *started;
  gboolean         dirty;
  gboolean         ended;
  gboolean         may_close;
  guint            save_id;
  guint            timer_id;
  GtkWidget       *position_dialog;    /* weak */

  GtkToggleButton *privacy_button;
  GtkLabel        *case_label;
  GtkLabel        *kind_label;
  GtkLabel        *party_label;
  GtkLabel        *timer_label;
  GtkLabel        *error_label;
  GtkStack        *notes_stack;
  GtkTextView     *notes_view;
  AdwStatusPage   *notes_hidden_page;
  GtkWidget       *share_box;
  GtkSwitch       *share_switch;
  GtkWidget       *end_button;
  GtkListBox      *attendees_list;
  GtkMenuButton   *add_attendee_button;
  GtkPopover      *attendee_popover;
  GtkListBox      *candidates_list;
  GtkEntry        *helper_name_entry;
  GtkEntry        *helper_role_entry;
  GtkLabel        *helper_error;
  GtkStack        *content_stack;
  GtkListBox      *positions_list;
  AdwEntryRow     *legal_text_row;
  AdwEntryRow     *legal_citation_row;
  GtkLabel        *legal_error;
  GtkListBox      *legal_list;
};

G_DEFINE_FINAL_TYPE (ConcordSessionWindow, concord_session_window, ADW_TYPE_WINDOW)

/* Helpers */

static void
update_timer (ConcordSessionWindow *self)
{
  g_autoptr(GDateTime) now = concord_clock_now ();
  GTimeSpan span = 0;
  gint64 seconds;
  char text[32];

  if (self->started != NULL)
    span = MAX (0, g_date_time_difference (now, self->started));
  seconds = span / G_TIME_SPAN_SECOND;
  g_snprintf (text, sizeof text, "%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
              seconds / 60, seconds % 60);
  gtk_label_set_text (self->timer_label, text);
}

static void
changed (ConcordSessionWindow *self)
{
  concord_context_case_changed (self->context, self->c->id);
}

static const ConcordParty *
find_party (ConcordSessionWindow *self,
            gint64                party_id)
{
  for (guint i = 0; i < self->c->parties->len; i++)
    {
      const ConcordParty *p = g_ptr_array_index (self->c->parties, i);

      if (p->id == party_id)
        return p;
    }
  return NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row of plain text: titles and subtitles are typed by people, never
 * markup. */
static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* What privacy mode lets this window show. */
static gboolean
shows_note (ConcordSessionWindow *self)
{
  ConcordNote note = { 0 };

  note.confidential = self->note_confidential;
  note.shared_at = self->note_shared ? (char *) "" : NULL;
  return concord_privacy_shows_note (&note, concord_context_get_privacy_mode (self->context));
}

static gboolean
shows_content (ConcordSessionWindow *self)
{
  return concord_privacy_shows_session_content (self->session,
                                                concord_context_get_privacy_mode (self->context));
}

/* Shows page @name of @stack and makes its other pages invisible, so that
 * nothing of them is mapped or measured, whatever the stack does. */
static void
show_page (GtkStack   *stack,
           const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, name);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (stack, page);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != page)
      gtk_widget_set_visible (child, FALSE);
}

static void
update_privacy (ConcordSessionWindow *self)
{
  gboolean privacy = concord_context_get_privacy_mode (self->context);
  gboolean note = shows_note (self);
  gboolean content = shows_content (self);

  show_page (self->notes_stack, note ? "notes" : "hidden");
  show_page (self->content_stack, content ? "shown" : "hidden");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.record-position", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.add-legal-point", content);
  /* Sharing a caucus note shows it: not while the screen faces the room. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->share_switch), !privacy);

  if (privacy)
    gtk_widget_add_css_class (GTK_WIDGET (self->privacy_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->privacy_button), "suggested-action");

  /* A position being typed is caucus content too: out of sight with the
   * rest, kept as typed, back when privacy mode is off. */
  if (self->position_dialog != NULL)
    {
      if (!content)
        gtk_widget_set_visible (self->position_dialog, FALSE);
      else if (!gtk_widget_get_visible (self->position_dialog))
        gtk_window_present (GTK_WINDOW (self->position_dialog));
    }

  if (note && gtk_window_get_focus (GTK_WINDOW (self)) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

static void
update_in_room (ConcordSessionWindow *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *in_room = NULL;

  for (guint i = 0; i < self->session->attendees->len; i++)
    {
      const ConcordAttendee *a = g_ptr_array_index (self->session->attendees, i);

      if (a->party_id <= 0)
        continue;
      if (names->len > 0)
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, a->name);
    }
  if (names->len == 0)
    /* Translators: shown instead of names when no party attends a session */
    in_room = g_strdup (_("No party in the room"));
  else
    /* Translators: who is in the room during a session; %s are names */
    in_room = g_strdup_printf (_("In the room: %s"), names->str);
  gtk_label_set_text (self->party_label, in_room);
}

/* Attendees */

static void remove_attendee_cb (GtkButton            *button,
                                ConcordSessionWindow *self);

static void
show_attendees (ConcordSessionWindow *self)
{
  clear_list (self->attendees_list);
  for (guint i = 0; i < self->session->attendees->len; i++)
    {
      const ConcordAttendee *a = g_ptr_array_index (self->session->attendees, i);
      GtkWidget *row = text_row_new (a->name, a->role);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: tooltip of the button that removes someone from the
       * attendees of a session; %s is their name */
      g_autofree char *tooltip = g_strdup_printf (_("Remove %s"), a->name);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                      -1);
      g_object_set_data (G_OBJECT (remove), "attendee-id", GSIZE_TO_POINTER ((gsize) a->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_attendee_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->attendees_list, row);
    }
  update_in_room (self);
}

static gboolean
reload_session (ConcordSessionWindow *self,
                GError              **error)
{
  ConcordSession *session;

  session = concord_store_load_session (concord_context_get_store (self->context),
                                        self->session->id, error);
  if (session == NULL)
    return FALSE;
  g_clear_pointer (&self->session, concord_session_unref);
  self->session = session;
  show_attendees (self);
  return TRUE;
}

static gboolean
attends_already (ConcordSessionWindow  *self,
                 const ConcordAttendee *candidate)
{
  for (guint i = 0; i < self->session->attendees->len; i++)
    {
      const ConcordAttendee *a = g_ptr_array_index (self->session->attendees, i);

      if (candidate->party_id > 0 ? a->party_id == candidate->party_id :
          candidate->member_id > 0 ? a->member_id == candidate->member_id :
          (a->party_id <= 0 && a->member_id <= 0 && g_strcmp0 (a->name, candidate->name) == 0))
        return TRUE;
    }
  return FALSE;
}

static void
add_candidate (ConcordSessionWindow *self,
               ConcordAttendee      *candidate)
{
  g_autoptr(ConcordAttendee) owned = candidate;
  GtkWidget *row;
  GtkWidget *icon;

  if (concord_text_is_blank (candidate->name) || attends_already (self, candidate))
    return;
  row = text_row_new (candidate->name, candidate->role);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  icon = gtk_image_new_from_icon_name ("list-add-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data_full (G_OBJECT (row), "attendee", g_steal_pointer (&owned),
                          (GDestroyNotify) concord_attendee_unref);
  gtk_list_box_append (self->candidates_list, row);
}

/* Everyone of the case who does not attend yet: its parties, their
 * agents, its team, then the station's other members. */
static void
fill_candidates (ConcordSessionWindow *self)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->candidates_list);
  for (guint i = 0; i < self->c->parties->len; i++)
    {
      const ConcordParty *p = g_ptr_array_index (self->c->parties, i);
      ConcordAttendee *a = concord_attendee_new ();

      a->party_id = p->id;
      a->name = g_strdup (p->name);
      a->role = concord_case_dup_party_role (self->c, p);
      add_candidate (self, a);
      if (p->agent != NULL && p->agent_kind != CONCORD_AGENT_NONE)
        {
          a = concord_attendee_new ();
          a->name = g_strdup (p->agent->name);
          /* Translators: the role of an agent attending a session, e.g.
           * "吴某的委托代理人"; the first %s is the kind of agent, the
           * second the name of the party it speaks for */
          a->role = g_strdup_printf (_("%s of %s"), concord_agent_kind_label (p->agent_kind), p->name);
          add_candidate (self, a);
        }
    }
  for (guint i = 0; i < self->c->team->len; i++)
    {
      const ConcordTeamMember *m = g_ptr_array_index (self->c->team, i);
      ConcordAttendee *a = concord_attendee_new ();

      a->member_id = m->id;
      a->name = g_strdup (m->name);
      a->role = g_strdup (concord_team_role_label (m->role));
      add_candidate (self, a);
    }

  members = concord_store_list_members (concord_context_get_store (self->context), &error);
  if (members == NULL)
    g_warning ("Could not list the team members: %s", error->message);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const ConcordTeamMember *m = g_ptr_array_index (members, i);
      gboolean on_team = FALSE;
      ConcordAttendee *a;

      for (guint j = 0; j < self->c->team->len && !on_team; j++)
        on_team = ((ConcordTeamMember *) g_ptr_array_index (self->c->team, j))->id == m->id;
      if (on_team)
        continue;
      a = concord_attendee_new ();
      a->member_id = m->id;
      a->name = g_strdup (m->name);
      a->role = g_strdup (concord_team_role_label (m->role));
      add_candidate (self, a);
    }
}

static gboolean
add_attendee (ConcordSessionWindow *self,
              ConcordAttendee      *attendee,
              GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  if (concord_store_add_attendee (concord_context_get_store (self->context), self->session->id,
                                  attendee, concord_context_get_username (self->context), error) == 0)
    return FALSE;
  changed (self);
  if (!reload_session (self, &local_error))
    g_warning ("Could not reload session %" G_GINT64_FORMAT ": %s", self->session->id, local_error->message);
  return TRUE;
}

static void
candidate_activated_cb (GtkListBox           *list,
                        GtkListBoxRow        *row,
                        ConcordSessionWindow *self)
{
  ConcordAttendee *candidate = g_object_get_data (G_OBJECT (row), "attendee");
  g_autoptr(ConcordAttendee) attendee = NULL;
  g_autoptr(GError) error = NULL;

  if (candidate == NULL)
    return;
  attendee = concord_attendee_copy (candidate);
  gtk_popover_popdown (self->attendee_popover);
  if (!add_attendee (self, attendee, &error))
    concord_ui_show_message (GTK_WINDOW (self), _("Could Not Add the Attendee"), error->message);
}

static void
attendee_popover_show_cb (GtkPopover           *popover,
                          ConcordSessionWindow *self)
{
  fill_candidates (self);
}

static void
helper_name_changed_cb (GtkEditable          *editable,
                        ConcordSessionWindow *self)
{
  concord_ui_set_field_error (GTK_WIDGET (self->helper_name_entry), self->helper_error, NULL);
}

static void
add_helper_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (widget);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->helper_name_entry));
  const char *role = gtk_editable_get_text (GTK_EDITABLE (self->helper_role_entry));
  g_autoptr(ConcordAttendee) attendee = NULL;
  g_autoptr(GError) error = NULL;

  if (concord_text_is_blank (name))
    {
      concord_ui_set_field_error (GTK_WIDGET (self->helper_name_entry), self->helper_error,
                                  _("Enter the name of the person attending."));
      gtk_widget_grab_focus (GTK_WIDGET (self->helper_name_entry));
      return;
    }

  attendee = concord_attendee_new ();
  attendee->name = g_strstrip (g_strdup (name));
  concord_set_text (&attendee->role, role);
  if (!add_attendee (self, attendee, &error))
    {
      concord_ui_set_field_error (GTK_WIDGET (self->helper_name_entry), self->helper_error, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->helper_name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->helper_role_entry), "");
  gtk_popover_popdown (self->attendee_popover);
}

static void
helper_activate_cb (GtkEntry             *entry,
                    ConcordSessionWindow *self)
{
  if (entry == self->helper_name_entry && concord_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->helper_role_entry))))
    gtk_widget_grab_focus (GTK_WIDGET (self->helper_role_entry));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "session.add-helper", NULL);
}

static void
remove_attendee_cb (GtkButton            *button,
                    ConcordSessionWindow *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "attendee-id"));
  g_autoptr(GError) error = NULL;

  if (!concord_store_remove_attendee (concord_context_get_store (self->context), id,
                                      concord_context_get_username (self->context), &error))
    {
      concord_ui_show_message (GTK_WINDOW (self), _("Could Not Remove the Attendee"), error->message);
      return;
    }
  changed (self);
  /* The button goes with its row: nothing of it may be touched after. */
  if (!reload_session (self, &error))
    g_warning ("Could not reload session %" G_GINT64_FORMAT ": %s", self->session->id, error->message);
}

/* Positions and legal points */

static void
show_positions (ConcordSessionWindow *self)
{
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->positions_list);
  positions = concord_store_list_positions (concord_context_get_store (self->context), self->c->id, &error);
  if (positions == NULL)
    {
      g_warning ("Could not list the positions of case %" G_GINT64_FORMAT ": %s", self->c->id, error->message);
      return;
    }
  for (guint i = 0; i < positions->len; i++)
    {
      const ConcordPosition *p = g_ptr_array_index (positions, i);
      const ConcordParty *party;
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (p->session_id != self->session->id)
        continue;
      party = find_party (self, p->party_id);
      /* Translators: a position in a session, e.g. "张某 · 要求": the
       * party's name and "Demand" or "Offer" */
      title = g_strdup_printf (_("%s · %s"),
                               party != NULL ? party->name : _("Unknown party"),
                               concord_position_kind_label (p->kind));
      row = text_row_new (title, p->terms);
      if (p->has_amount)
        {
          g_autofree char *amount = concord_money_format (p->amount_fen);
          GtkWidget *label = gtk_label_new (amount);

          gtk_widget_add_css_class (label, "numeric");
          gtk_widget_add_css_class (label, "heading");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      gtk_list_box_append (self->positions_list, row);
    }
}

static void
show_legal_points (ConcordSessionWindow *self)
{
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->legal_list);
  points = concord_store_list_legal_points (concord_context_get_store (self->context), self->c->id, &error);
  if (points == NULL)
    {
      g_warning ("Could not list the legal points of case %" G_GINT64_FORMAT ": %s", self->c->id, error->message);
      return;
    }
  for (guint i = 0; i < points->len; i++)
    {
      const ConcordLegalPoint *p = g_ptr_array_index (points, i);

      if (p->session_id == self->session->id)
        gtk_list_box_append (self->legal_list, text_row_new (p->text, p->citation));
    }
}

static void
position_saved_cb (ConcordPositionDialog *dialog,
                   gint64                 position_id,
                   ConcordSessionWindow  *self)
{
  show_positions (self);
  changed (self);
}

static void
record_position_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (widget);
  ConcordPositionDialog *dialog;

  if (self->position_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->position_dialog));
      return;
    }
  dialog = concord_position_dialog_new (GTK_WINDOW (self), self->context, self->c, self->session,
                                        self->party_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (position_saved_cb), self, 0);
  g_set_weak_pointer (&self->position_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
legal_changed_cb (GtkEditable          *editable,
                  ConcordSessionWindow *self)
{
  concord_ui_set_field_error (GTK_WIDGET (self->legal_text_row), self->legal_error, NULL);
}

static void
add_legal_point_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->legal_text_row));
  const char *citation = gtk_editable_get_text (GTK_EDITABLE (self->legal_citation_row));
  g_autofree char *kept_text = NULL;
  g_autofree char *kept_citation = NULL;
  g_autoptr(GError) error = NULL;

  if (concord_text_is_blank (text))
    {
      concord_ui_set_field_error (GTK_WIDGET (self->legal_text_row), self->legal_error,
                                  _("Enter the point of law that was explained."));
      gtk_widget_grab_focus (GTK_WIDGET (self->legal_text_row));
      return;
    }
  concord_set_text (&kept_text, text);
  concord_set_text (&kept_citation, citation);
  if (concord_store_add_legal_point (concord_context_get_store (self->context), self->session->id,
                                     kept_text, kept_citation,
                                     concord_context_get_username (self->context), &error) == 0)
    {
      concord_ui_set_field_error (GTK_WIDGET (self->legal_text_row), self->legal_error, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->legal_text_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->legal_citation_row), "");
  show_legal_points (self);
  changed (self);
}

static void
legal_activated_cb (AdwEntryRow          *row,
                    ConcordSessionWindow *self)
{
  if (row == self->legal_text_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->legal_citation_row));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "session.add-legal-point", NULL);
}

/* Sharing and privacy */

static void
share_active_cb (GtkSwitch            *share_switch,
                 GParamSpec           *pspec,
                 ConcordSessionWindow *self)
{
  gboolean shared = gtk_switch_get_active (share_switch);
  g_autoptr(GError) error = NULL;

  if (shared == self->note_shared)
    return;
  if (!concord_store_set_note_shared (concord_context_get_store (self->context), self->note_id, shared,
                                      concord_context_get_username (self->context), &error))
    {
      g_signal_handlers_block_by_func (share_switch, share_active_cb, self);
      gtk_switch_set_active (share_switch, self->note_shared);
      g_signal_handlers_unblock_by_func (share_switch, share_active_cb, self);
      concord_ui_show_message (GTK_WINDOW (self), _("Could Not Record the Party’s Agreement"), error->message);
      return;
    }
  self->note_shared = shared;
  update_privacy (self);
  changed (self);
}

static void
privacy_mode_cb (ConcordContext       *context,
                 GParamSpec           *pspec,
                 ConcordSessionWindow *self)
{
  update_privacy (self);
}

static void
toggle_privacy_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (widget);

  concord_context_set_privacy_mode (self->context, !concord_context_get_privacy_mode (self->context));
}

/* Notes */

static gboolean
timer_cb (gpointer data)
{
  update_timer (CONCORD_SESSION_WINDOW (data));
  return G_SOURCE_CONTINUE;
}

static void
show_save_error (ConcordSessionWindow *self,
                 const GError         *error)
{
  g_autofree char *text = NULL;

  if (error == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      return;
    }
  /* Translators: shown over the notes of a session when writing them to
   * the database failed; %s is the reason. The text stays in the window. */
  text = g_strdup_printf (_("The notes could not be saved: %s. They are kept here and saved again as you type."),
                          error->message);
  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

gboolean
concord_session_window_save (ConcordSessionWindow *self,
                             GError              **error)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CONCORD_IS_SESSION_WINDOW (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!self->dirty || self->note_id <= 0)
    return TRUE;

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!concord_store_set_note_text (concord_context_get_store (self->context),
                                    self->note_id, text, &local_error))
    {
      show_save_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->dirty = FALSE;
  show_save_error (self, NULL);
  return TRUE;
}

static gboolean
save_cb (gpointer data)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (data);

  self->save_id = 0;
  concord_session_window_save (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
notes_changed_cb (GtkTextBuffer        *buffer,
                  ConcordSessionWindow *self)
{
  self->dirty = TRUE;
  if (self->save_id == 0)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

/* Ending and closing */

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Hides the window now and destroys it once the dialog that asked (and
 * whose transient parent it is) has gone. */
static void
close_later (ConcordSessionWindow *self)
{
  self->may_close = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

gboolean
concord_session_window_end (ConcordSessionWindow *self,
                            const char           *outcome,
                            GError              **error)
{
  g_return_val_if_fail (CONCORD_IS_SESSION_WINDOW (self), FALSE);
  g_return_val_if_fail (!self->ended, FALSE);

  if (!concord_session_window_save (self, error))
    return FALSE;
  if (!concord_store_end_session (concord_context_get_store (self->context),
                                  self->session->id,
                                  concord_text_is_blank (outcome) ? NULL : outcome,
                                  concord_context_get_username (self->context),
                                  error))
    return FALSE;
  self->ended = TRUE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  changed (self);
  close_later (self);
  return TRUE;
}

static void
end_response_cb (AdwMessageDialog     *dialog,
                 const char           *response,
                 ConcordSessionWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "outcome-entry");
  g_autofree char *outcome = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "end") != 0 || self->ended)
    return;
  outcome = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (!concord_session_window_end (self, outcome, &error))
    concord_ui_show_message (GTK_WINDOW (self), _("Could Not End the Session"), error->message);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->ended)
    return;
  concord_session_window_save (self, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("End the Session?"),
                                                       _("The notes are saved. Record how the session ended.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: response of the dialog that ends a session */
                                    "end", _("_End Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "end", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "end");
  adw_message_dialog_set_close_response (dialog, "cancel");

  entry = gtk_entry_new ();
  /* Translators: placeholder of the outcome of a session, e.g. "双方同意继续协商" */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Outcome, e.g. both sides agree to meet again"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outcome"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "outcome-entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (end_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
close_response_cb (AdwMessageDialog     *dialog,
                   const char           *response,
                   ConcordSessionWindow *self)
{
  if (g_strcmp0 (response, "leave") == 0)
    close_later (self);
  else if (g_strcmp0 (response, "end") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "session.end", NULL);
}

/* Overrides */

static gboolean
concord_session_window_close_request (GtkWindow *window)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (window);
  AdwMessageDialog *dialog;

  concord_session_window_save (self, NULL);
  if (self->ended || self->may_close)
    return GTK_WINDOW_CLASS (concord_session_window_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Close Without Ending the Session?"),
                                                       _("The notes are saved. The session keeps running until it is ended.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "leave", _("_Keep Running and Close"),
                                    "end", _("_End Session…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "end", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
concord_session_window_dispose (GObject *object)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (object);
  g_autoptr(GError) error = NULL;

  if (self->dirty && self->context != NULL && !concord_session_window_save (self, &error))
    g_warning ("Could not save the notes of session %" G_GINT64_FORMAT ": %s",
               self->session != NULL ? self->session->id : 0, error->message);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_weak_pointer (&self->position_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_SESSION_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_session_window_parent_class)->dispose (object);
}

static void
concord_session_window_finalize (GObject *object)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (object);

  g_clear_pointer (&self->c, concord_case_unref);
  g_clear_pointer (&self->session, concord_session_unref);
  g_clear_pointer (&self->started, g_date_time_unref);

  G_OBJECT_CLASS (concord_session_window_parent_class)->finalize (object);
}

static void
concord_session_window_class_init (ConcordSessionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = concord_session_window_dispose;
  object_class->finalize = concord_session_window_finalize;
  window_class->close_request = concord_session_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-session-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, privacy_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, case_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, party_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, timer_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, notes_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, notes_hidden_page);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, share_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, share_switch);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, end_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, attendees_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, add_attendee_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, attendee_popover);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, candidates_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, helper_name_entry);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, helper_role_entry);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, helper_error);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, positions_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, legal_text_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, legal_citation_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, legal_error);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, legal_list);

  gtk_widget_class_install_action (widget_class, "session.end", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "session.toggle-privacy", NULL, toggle_privacy_action);
  gtk_widget_class_install_action (widget_class, "session.record-position", NULL, record_position_action);
  gtk_widget_class_install_action (widget_class, "session.add-helper", NULL, add_helper_action);
  gtk_widget_class_install_action (widget_class, "session.add-legal-point", NULL, add_legal_point_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "session.toggle-privacy", NULL);
}

static void
concord_session_window_init (ConcordSessionWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->attendees_list,
                                placeholder_new (_("No one is recorded as attending.")));
  gtk_list_box_set_placeholder (self->candidates_list,
                                placeholder_new (_("Everyone of the case attends already.")));
  gtk_list_box_set_placeholder (self->positions_list,
                                placeholder_new (_("No demand or offer recorded in this session yet.")));
  gtk_list_box_set_placeholder (self->legal_list,
                                placeholder_new (_("No legal point recorded in this session yet.")));

  g_signal_connect (self->attendee_popover, "show", G_CALLBACK (attendee_popover_show_cb), self);
  g_signal_connect (self->candidates_list, "row-activated", G_CALLBACK (candidate_activated_cb), self);
  g_signal_connect (self->helper_name_entry, "changed", G_CALLBACK (helper_name_changed_cb), self);
  g_signal_connect (self->helper_name_entry, "activate", G_CALLBACK (helper_activate_cb), self);
  g_signal_connect (self->helper_role_entry, "activate", G_CALLBACK (helper_activate_cb), self);
  g_signal_connect (self->legal_text_row, "changed", G_CALLBACK (legal_changed_cb), self);
  g_signal_connect (self->legal_text_row, "entry-activated", G_CALLBACK (legal_activated_cb), self);
  g_signal_connect (self->legal_citation_row, "entry-activated", G_CALLBACK (legal_activated_cb), self);
}

/* Fills the window for the running session @session of case @c, whose
 * notes are note @note (its text already stored). */
static ConcordSessionWindow *
session_window_new (GtkApplication    *application,
                    ConcordContext    *context,
                    const ConcordCase *c,
                    ConcordSession    *session,
                    const ConcordNote *note)
{
  ConcordSessionWindow *self;
  g_autofree char *kind_text = NULL;
  g_autofree char *title = NULL;
  GtkTextBuffer *buffer;

  self = g_object_new (CONCORD_TYPE_SESSION_WINDOW,
                       "application", application,
                       NULL);
  self->context = g_object_ref (context);
  self->c = concord_case_copy (c);
  self->session = concord_session_ref (session);
  self->note_id = note->id;
  self->party_id = session->kind == CONCORD_SESSION_BACK_TO_BACK ? note->party_id : 0;
  self->note_confidential = note->confidential;
  self->note_shared = note->shared_at != NULL;
  self->started = session->started_at != NULL ? concord_clock_parse_iso (session->started_at) : NULL;
  if (self->started == NULL)
    self->started = concord_clock_now ();

  gtk_label_set_text (self->case_label,
                      !concord_text_is_blank (c->case_no) ? c->case_no : _("Unnumbered"));
  if (session->room != NULL)
    /* Translators: the kind of a session and its room, e.g. "背靠背 · 第二调解室" */
    kind_text = g_strdup_printf (_("%s · %s"), concord_session_kind_label (session->kind), session->room);
  else
    kind_text = g_strdup (concord_session_kind_label (session->kind));
  gtk_label_set_text (self->kind_label, kind_text);
  /* Translators: title of a session window; %s is the case number */
  title = g_strdup_printf (_("Session — %s"), gtk_label_get_text (self->case_label));
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (self->party_id > 0)
    {
      const ConcordParty *party = find_party (self, self->party_id);
      /* Translators: shown instead of the caucus notes of a back-to-back
       * session while privacy mode is on; %s is the party's name */
      g_autofree char *hidden = g_strdup_printf (_("These notes are confidential to %s. They are kept and still saved as you type. Turn privacy mode off (Ctrl+Shift+P) to see them."),
                                                 party != NULL ? party->name : "");

      adw_status_page_set_description (self->notes_hidden_page, hidden);
    }
  else
    adw_status_page_set_description (self->notes_hidden_page,
                                     _("These notes are confidential. They are kept and still saved as you type. Turn privacy mode off (Ctrl+Shift+P) to see them."));

  gtk_widget_set_visible (self->share_box, self->note_confidential);
  gtk_switch_set_active (self->share_switch, self->note_shared);
  g_signal_connect (self->share_switch, "notify::active", G_CALLBACK (share_active_cb), self);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_set_text (buffer, note->text != NULL ? note->text : "", -1);
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_place_cursor (buffer, &end);
  }
  g_signal_connect_object (buffer, "changed", G_CALLBACK (notes_changed_cb), self, 0);

  show_attendees (self);
  show_positions (self);
  show_legal_points (self);

  g_object_bind_property (context, "privacy-mode", self->privacy_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (context, "notify::privacy-mode", G_CALLBACK (privacy_mode_cb), self, 0);

  update_timer (self);
  self->timer_id = g_timeout_add_seconds (1, timer_cb, self);
  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
  update_privacy (self);
  return self;
}

/* Public */

ConcordSessionWindow *
concord_session_window_start (GtkApplication     *application,
                              ConcordContext     *context,
                              const ConcordCase  *c,
                              ConcordSessionKind  kind,
                              const char         *room,
                              gint64              party_id,
                              GError            **error)
{
  ConcordStore *store;
  const char *username;
  g_autoptr(ConcordSession) session = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  const ConcordNote *note = NULL;
  gint64 note_id;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (c != NULL && c->id > 0, NULL);
  g_return_val_if_fail (kind == CONCORD_SESSION_FACE_TO_FACE || party_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = concord_context_get_store (context);
  username = concord_context_get_username (context);

  session = concord_session_new ();
  session->case_id = c->id;
  session->kind = kind;
  session->room = concord_text_is_blank (room) ? NULL : g_strstrip (g_strdup (room));
  for (guint i = 0; i < c->parties->len; i++)
    {
      const ConcordParty *p = g_ptr_array_index (c->parties, i);
      ConcordAttendee *a;

      if (kind == CONCORD_SESSION_BACK_TO_BACK && p->id != party_id)
        continue;
      a = concord_attendee_new ();
      a->party_id = p->id;
      a->name = g_strdup (p->name);
      a->role = concord_case_dup_party_role (c, p);
      g_ptr_array_add (session->attendees, a);
    }

  if (concord_store_start_session (store, session, username, error) == 0)
    return NULL;
  note_id = concord_store_add_note (store, session->id,
                                    kind == CONCORD_SESSION_BACK_TO_BACK ? party_id : 0,
                                    "", username, error);
  if (note_id == 0)
    return NULL;
  concord_context_case_changed (context, c->id);

  notes = concord_store_list_notes (store, c->id, session->id, error);
  if (notes == NULL)
    return NULL;
  for (guint i = 0; i < notes->len && note == NULL; i++)
    if (((ConcordNote *) g_ptr_array_index (notes, i))->id == note_id)
      note = g_ptr_array_index (notes, i);
  if (note == NULL)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND, _("The notes of the session were not found."));
      return NULL;
    }

  /* The screen of a joint session faces the parties from the start. */
  if (kind == CONCORD_SESSION_FACE_TO_FACE)
    concord_context_set_privacy_mode (context, TRUE);

  return session_window_new (application, context, c, session, note);
}

ConcordSessionWindow *
concord_session_window_open (GtkApplication  *application,
                             ConcordContext  *context,
                             gint64           session_id,
                             GError         **error)
{
  ConcordStore *store;
  g_autoptr(ConcordSession) session = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  const ConcordNote *note = NULL;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (session_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = concord_context_get_store (context);
  session = concord_store_load_session (store, session_id, error);
  if (session == NULL)
    return NULL;
  if (session->ended_at != NULL)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_CONFLICT, _("This session has already ended."));
      return NULL;
    }
  c = concord_store_load_case (store, session->case_id, error);
  if (c == NULL)
    return NULL;
  notes = concord_store_list_notes (store, session->case_id, session_id, error);
  if (notes == NULL)
    return NULL;
  if (notes->len > 0)
    note = g_ptr_array_index (notes, 0);
  else
    {
      gint64 party_id = 0;
      gint64 note_id;

      /* A session started elsewhere without notes: take them now. */
      for (guint i = 0; i < session->attendees->len && session->kind == CONCORD_SESSION_BACK_TO_BACK; i++)
        if (party_id == 0)
          party_id = ((ConcordAttendee *) g_ptr_array_index (session->attendees, i))->party_id;
      note_id = concord_store_add_note (store, session_id, party_id, "",
                                        concord_context_get_username (context), error);
      if (note_id == 0)
        return NULL;
      g_clear_pointer (&notes, g_ptr_array_unref);
      notes = concord_store_list_notes (store, session->case_id, session_id, error);
      if (notes == NULL)
        return NULL;
      if (notes->len == 0)
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND, _("The notes of the session were not found."));
          return NULL;
        }
      note = g_ptr_array_index (notes, 0);
    }

  if (session->kind == CONCORD_SESSION_FACE_TO_FACE)
    concord_context_set_privacy_mode (context, TRUE);

  return session_window_new (application, context, c, session, note);
}

gint64
concord_session_window_get_session_id (ConcordSessionWindow *self)
{
  g_return_val_if_fail (CONCORD_IS_SESSION_WINDOW (self), 0);
  return self->session != NULL ? self->session->id : 0;
}

gint64
concord_session_window_get_note_id (ConcordSessionWindow *self)
{
  g_return_val_if_fail (CONCORD_IS_SESSION_WINDOW (self), 0);
  return self->note_id;
}

GtkTextBuffer *
concord_session_window_get_buffer (ConcordSessionWindow *self)
{
  g_return_val_if_fail (CONCORD_IS_SESSION_WINDOW (self), NULL);
  return gtk_text_view_get_buffer (self->notes_view);
}
