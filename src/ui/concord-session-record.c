/* concord-session-record.c
 *
 * The window is read-mostly: the one thing it changes is whether a party
 * agreed to share a caucus note. What it shows comes from copies loaded
 * when it opens (and the notes again after a switch), so that privacy
 * mode can be applied again at once, without a query, when it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-session-record"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-resources.h"
#include "concord-ui-util.h"
#include "concord-session-record.h"

/* Long notes scroll inside their card beyond this height. */
#define NOTE_MAX_HEIGHT 420
/* Notes up to this size are a label; longer ones a text view. */
#define NOTE_LABEL_MAX_BYTES 16384

struct _ConcordSessionRecord
{
  AdwWindow            parent_instance;

  ConcordContext      *context;
  ConcordCase         *c;
  ConcordSession      *session;
  guint                number;
  GPtrArray           *notes;      /* of ConcordNote */
  GPtrArray           *positions;  /* of ConcordPosition, of this session */
  GPtrArray           *points;     /* of ConcordLegalPoint, of this session */
  GPtrArray           *members;    /* of ConcordTeamMember, for names */
  GPtrArray           *info_rows;
  GPtrArray           *attendee_rows;
  GPtrArray           *position_rows;
  GPtrArray           *point_rows;
  guint                rebuild_id;

  AdwWindowTitle      *window_title;
  GtkLabel            *title_label;
  GtkLabel            *running_label;
  GtkLabel            *case_label;
  AdwPreferencesGroup *info_group;
  AdwPreferencesGroup *attendees_group;
  GtkWidget           *notes_box;
  AdwPreferencesGroup *positions_group;
  AdwPreferencesGroup *points_group;
  AdwPreferencesGroup *outcome_group;
  GtkLabel            *outcome_label;
};

G_DEFINE_FINAL_TYPE (ConcordSessionRecord, concord_session_record, ADW_TYPE_WINDOW)

/* Shared with concord-case-record.c */

const char *
_concord_session_record_party_name (const ConcordCase *c,
                                    gint64             party_id)
{
  if (c == NULL || party_id <= 0)
    return NULL;
  for (guint i = 0; i < c->parties->len; i++)
    {
      const ConcordParty *p = g_ptr_array_index (c->parties, i);

      if (p->id == party_id)
        return p->name;
    }
  return NULL;
}

/* Whom a back-to-back session was with: its attendees that are parties,
 * named as the case names them now (or as they were named on the day). */
static char *
dup_session_parties (const ConcordCase    *c,
                     const ConcordSession *session)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; session->attendees != NULL && i < session->attendees->len; i++)
    {
      const ConcordAttendee *a = g_ptr_array_index (session->attendees, i);
      const char *name;

      if (a->party_id <= 0)
        continue;
      name = _concord_session_record_party_name (c, a->party_id);
      if (name == NULL)
        name = a->name;
      if (concord_text_is_blank (name))
        continue;
      if (names->len > 0)
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, name);
    }
  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

char *
_concord_session_record_dup_title (const ConcordCase    *c,
                                   const ConcordSession *session,
                                   guint                 number)
{
  g_autofree char *numbered = NULL;
  g_autofree char *with = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (session != NULL, NULL);

  /* Translators: the place of a session in its case, e.g. "第2次" */
  numbered = g_strdup_printf (C_("session number", "Session %u"), number);
  /* Translators: a session's number and kind, e.g. "第2次 · 背靠背" */
  title = g_strdup_printf (C_("session title", "%s · %s"), numbered,
                           concord_session_kind_label (session->kind));
  if (session->kind == CONCORD_SESSION_BACK_TO_BACK)
    with = dup_session_parties (c, session);
  if (with == NULL)
    return g_steal_pointer (&title);
  /* Translators: a back-to-back session and the party it was with, e.g.
   * "第2次 · 背靠背 · 张某" */
  return g_strdup_printf (C_("session title", "%s · %s"), title, with);
}

static GDateTime *
parse_local (const char *utc_iso)
{
  g_autoptr(GDateTime) utc = concord_clock_parse_iso (utc_iso);

  return utc != NULL ? g_date_time_to_local (utc) : NULL;
}

static char *
format_duration (GTimeSpan span)
{
  gint64 minutes = span / G_TIME_SPAN_MINUTE;

  if (minutes < 60)
    /* Translators: how long a session lasted, in minutes, e.g. "40分钟" */
    return g_strdup_printf (_("%d min"), (int) minutes);
  /* Translators: how long a session lasted, e.g. "1小时5分钟" */
  return g_strdup_printf (_("%d h %d min"), (int) (minutes / 60), (int) (minutes % 60));
}

char *
_concord_session_record_dup_times (const ConcordSession *session,
                                   char                **date)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *duration = NULL;

  g_return_val_if_fail (session != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  start = parse_local (session->started_at);
  if (start == NULL)
    {
      *date = g_strdup ("");
      return g_strdup ("");
    }
  *date = g_date_time_format (start, "%Y-%m-%d");
  from = g_date_time_format (start, "%H:%M");
  end = parse_local (session->ended_at);
  if (end == NULL)
    /* Translators: the start of a session that is still running, e.g. "14:30–" */
    return g_strdup_printf (C_("running session", "%s–"), from);

  if (g_date_time_get_year (end) == g_date_time_get_year (start) &&
      g_date_time_get_day_of_year (end) == g_date_time_get_day_of_year (start))
    to = g_date_time_format (end, "%H:%M");
  else
    to = g_date_time_format (end, "%Y-%m-%d %H:%M");
  duration = format_duration (MAX (0, g_date_time_difference (end, start)));
  /* Translators: a session's local start and end times and how long it
   * lasted, e.g. "14:30–15:10 · 40分钟" */
  return g_strdup_printf (_("%s–%s · %s"), from, to, duration);
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
_concord_session_record_point_row_new (const ConcordLegalPoint *point,
                                       const char              *heading)
{
  GtkWidget *row, *box, *label;

  g_return_val_if_fail (point != NULL, NULL);

  row = adw_preferences_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "legal-point");
  gtk_widget_set_name (row, "legal-point-row");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  if (heading != NULL)
    {
      label = wrapped_label (heading, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  label = wrapped_label (point->text != NULL ? point->text : "", NULL);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (!concord_text_is_blank (point->citation))
    {
      label = wrapped_label (point->citation, "citation");
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* Helpers */

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static gboolean
privacy_on (ConcordSessionRecord *self)
{
  return concord_context_get_privacy_mode (self->context);
}

/* Who did it: the team member whose login it is, else the login. */
static const char *
actor_name (ConcordSessionRecord *self,
            const char           *actor)
{
  if (actor == NULL)
    return "";
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (self->members, i);

      if (g_strcmp0 (member->username, actor) == 0 && !concord_text_is_blank (member->name))
        return member->name;
    }
  return actor;
}

static GtkWindow *
as_window (ConcordSessionRecord *self)
{
  return GTK_WINDOW (self);
}

/* What is shown */

static void
show_info (ConcordSessionRecord *self)
{
  const ConcordSession *s = self->session;
  g_autofree char *date = NULL;
  g_autofree char *times = _concord_session_record_dup_times (s, &date);
  g_autofree char *with = NULL;

  concord_ui_group_clear (self->info_group, self->info_rows);
  concord_ui_group_add_property (self->info_group, self->info_rows, _("Kind"), concord_session_kind_label (s->kind));
  if (s->kind == CONCORD_SESSION_BACK_TO_BACK)
    {
      with = dup_session_parties (self->c, s);
      /* Translators: the party a back-to-back session was held with */
      concord_ui_group_add_property (self->info_group, self->info_rows, C_("session", "With"), with);
    }
  concord_ui_group_add_property (self->info_group, self->info_rows, _("Room"), s->room);
  concord_ui_group_add_property (self->info_group, self->info_rows, _("Date"), date);
  concord_ui_group_add_property (self->info_group, self->info_rows, _("Time"), times);
  /* Translators: who opened the session in Concord */
  concord_ui_group_add_property (self->info_group, self->info_rows, _("Recorded by"), actor_name (self, s->created_by));
}

static void
show_attendees (ConcordSessionRecord *self)
{
  GPtrArray *attendees = self->session->attendees;

  concord_ui_group_clear (self->attendees_group, self->attendee_rows);
  if (attendees == NULL || attendees->len == 0)
    {
      concord_ui_group_add (self->attendees_group, self->attendee_rows, placeholder_row (_("No attendees recorded")));
      return;
    }

  for (guint i = 0; i < attendees->len; i++)
    {
      const ConcordAttendee *a = g_ptr_array_index (attendees, i);
      GtkWidget *row = adw_action_row_new ();
      const char *name = a->name;

      if (a->party_id > 0 && _concord_session_record_party_name (self->c, a->party_id) != NULL)
        name = _concord_session_record_party_name (self->c, a->party_id);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : "");
      if (!concord_text_is_blank (a->role))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), a->role);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      concord_ui_group_add (self->attendees_group, self->attendee_rows, row);
    }
}

static void share_switch_cb (GtkSwitch            *sw,
                             GParamSpec           *pspec,
                             ConcordSessionRecord *self);

static GtkWidget *
note_text_widget (const ConcordNote *note)
{
  GtkWidget *scroller, *text;

  if (concord_text_is_blank (note->text))
    {
      GtkWidget *label = wrapped_label (_("Nothing was written."), "dim-label");

      gtk_widget_add_css_class (label, "card");
      gtk_widget_add_css_class (label, "facts");
      gtk_widget_set_margin_top (label, 12);
      return label;
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_margin_top (scroller, 12);

  if (strlen (note->text) <= NOTE_LABEL_MAX_BYTES)
    {
      /* A label measures its wrapped height exactly: the card fits the
       * note, up to NOTE_MAX_HEIGHT. */
      text = wrapped_label (note->text, "note-text");
      gtk_label_set_yalign (GTK_LABEL (text), 0);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_widget_set_margin_top (text, 12);
      gtk_widget_set_margin_bottom (text, 12);
      gtk_widget_set_margin_start (text, 12);
      gtk_widget_set_margin_end (text, 12);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), NOTE_MAX_HEIGHT);
    }
  else
    {
      /* A long note: a text view lays out only what is on screen. */
      text = gtk_text_view_new ();
      gtk_text_view_set_editable (GTK_TEXT_VIEW (text), FALSE);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (text), FALSE);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text), 12);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text), 12);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text), 12);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text), 12);
      gtk_widget_add_css_class (text, "note-text");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), note->text, -1);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), NOTE_MAX_HEIGHT);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"),
                                  -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text);
  return scroller;
}

static GtkWidget *
note_group_new (ConcordSessionRecord *self,
                const ConcordNote    *note,
                guint                 index)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;
  const char *party = _concord_session_record_party_name (self->c, note->party_id);

  if (party != NULL)
    /* Translators: heading of the notes taken in caucus with a party, e.g. "与张某的背靠背笔录" */
    title = g_strdup_printf (_("Caucus Notes with %s"), party);
  else
    title = g_strdup (_("Notes"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

  if (note->confidential)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     /* Translators: a switch under a confidential caucus
                                      * note; on when the party agreed that the other side
                                      * may see it */
                                     _("The party agreed to share this note"));
      if (note->shared_at != NULL)
        {
          g_autofree char *when = concord_ui_format_time (note->shared_at);

          /* Translators: under the share switch of a note: when the
           * party's agreement was recorded, and by whom */
          subtitle = g_strdup_printf (_("Shared since %s, recorded by %s"), when,
                                      actor_name (self, note->shared_by));
        }
      else
        subtitle = g_strdup (_("Confidential: hidden in privacy mode"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      gtk_widget_set_name (sw, "share-switch");
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (sw), note->shared_at != NULL);
      g_object_set_data (G_OBJECT (sw), "note-index", GUINT_TO_POINTER (index));
      g_signal_connect_object (sw, "notify::active", G_CALLBACK (share_switch_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      /* Sharing shows the note: not while the screen faces the room. */
      gtk_widget_set_sensitive (row, !privacy_on (self));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (concord_privacy_shows_note (note, privacy_on (self)))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note_text_widget (note));
  else
    {
      GtkWidget *label = wrapped_label (_("Hidden in privacy mode"), "dim-label");

      gtk_widget_add_css_class (label, "card");
      gtk_widget_add_css_class (label, "facts");
      gtk_widget_set_margin_top (label, 12);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
    }
  return group;
}

static void
show_notes (ConcordSessionRecord *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->notes_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->notes_box), child);

  if (self->notes->len == 0)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Notes"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), placeholder_row (_("No notes were taken")));
      gtk_box_append (GTK_BOX (self->notes_box), group);
      return;
    }

  for (guint i = 0; i < self->notes->len; i++)
    gtk_box_append (GTK_BOX (self->notes_box),
                    note_group_new (self, g_ptr_array_index (self->notes, i), i));
}

static void
show_positions (ConcordSessionRecord *self)
{
  gboolean shown = concord_privacy_shows_session_content (self->session, privacy_on (self));

  concord_ui_group_clear (self->positions_group, self->position_rows);
  adw_preferences_group_set_description (self->positions_group, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->positions_group), self->positions->len > 0);
  if (self->positions->len == 0)
    return;
  if (!shown)
    {
      adw_preferences_group_set_description (self->positions_group, _("Hidden in privacy mode"));
      return;
    }

  for (guint i = 0; i < self->positions->len; i++)
    {
      const ConcordPosition *p = g_ptr_array_index (self->positions, i);
      const char *party = _concord_session_record_party_name (self->c, p->party_id);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      /* Translators: whose position and what kind, e.g. "张某 · 要求" */
      title = g_strdup_printf (C_("position", "%s · %s"), party != NULL ? party : "",
                               concord_position_kind_label (p->kind));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (!concord_text_is_blank (p->terms))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), p->terms);
      if (p->has_amount)
        {
          g_autofree char *amount = concord_money_format (p->amount_fen);
          GtkWidget *label = gtk_label_new (amount);

          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_widget_add_css_class (label, "numeric");
          gtk_widget_add_css_class (label, "heading");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      concord_ui_group_add (self->positions_group, self->position_rows, row);
    }
}

static void
show_points (ConcordSessionRecord *self)
{
  gboolean shown = concord_privacy_shows_session_content (self->session, privacy_on (self));

  concord_ui_group_clear (self->points_group, self->point_rows);
  adw_preferences_group_set_description (self->points_group, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->points_group), self->points->len > 0);
  if (self->points->len == 0)
    return;
  if (!shown)
    {
      adw_preferences_group_set_description (self->points_group, _("Hidden in privacy mode"));
      return;
    }
  for (guint i = 0; i < self->points->len; i++)
    concord_ui_group_add (self->points_group, self->point_rows,
             _concord_session_record_point_row_new (g_ptr_array_index (self->points, i), NULL));
}

static void
show_outcome (ConcordSessionRecord *self)
{
  const ConcordSession *s = self->session;
  const char *text;
  gboolean dim = TRUE;

  if (!concord_privacy_shows_session_content (s, privacy_on (self)))
    text = _("Hidden in privacy mode");
  else if (!concord_text_is_blank (s->outcome))
    {
      text = s->outcome;
      dim = FALSE;
    }
  else if (s->ended_at == NULL)
    text = _("The session is still running.");
  else
    text = _("No outcome was recorded.");

  gtk_label_set_text (self->outcome_label, text);
  if (dim)
    gtk_widget_add_css_class (GTK_WIDGET (self->outcome_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_label), "dim-label");
}

/* Everything privacy mode decides. */
static void
show_content (ConcordSessionRecord *self)
{
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  show_notes (self);
  show_positions (self);
  show_points (self);
  show_outcome (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  ConcordSessionRecord *self = CONCORD_SESSION_RECORD (data);

  self->rebuild_id = 0;
  show_content (self);
  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
toggle_privacy_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ConcordSessionRecord *self = CONCORD_SESSION_RECORD (widget);

  concord_context_set_privacy_mode (self->context, !concord_context_get_privacy_mode (self->context));
}

static void
privacy_changed_cb (ConcordSessionRecord *self)
{
  show_content (self);
}

static void
share_switch_cb (GtkSwitch            *sw,
                 GParamSpec           *pspec,
                 ConcordSessionRecord *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (sw), "note-index"));
  gboolean active = gtk_switch_get_active (sw);
  ConcordStore *store = concord_context_get_store (self->context);
  const ConcordNote *note;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (index < self->notes->len);
  note = g_ptr_array_index (self->notes, index);
  if (active == (note->shared_at != NULL))
    return;

  if (!concord_store_set_note_shared (store, note->id, active,
                                      concord_context_get_username (self->context), &error))
    {
      /* The switch goes back to what is stored; rebuilt after this signal. */
      concord_ui_show_message (as_window (self), _("Could Not Change the Note"), error->message);
      if (self->rebuild_id == 0)
        self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_cb, self, NULL);
      return;
    }

  notes = concord_store_list_notes (store, self->c->id, self->session->id, &error);
  if (notes != NULL)
    {
      g_ptr_array_unref (self->notes);
      self->notes = g_steal_pointer (&notes);
    }
  else
    g_warning ("Could not read the notes of session %" G_GINT64_FORMAT ": %s",
               self->session->id, error->message);

  /* Not from inside the switch's own signal: the switch is replaced. */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_cb, self, NULL);
  concord_context_case_changed (self->context, self->c->id);
}

/* Overrides */

static void
concord_session_record_show (GtkWidget *widget)
{
  GtkWidget *focus;

  GTK_WIDGET_CLASS (concord_session_record_parent_class)->show (widget);

  /* The window gives its first focusable widget the focus, a selectable
   * label here, which would then be shown all selected: none instead,
   * Tab moves on from the top. */
  focus = gtk_window_get_focus (GTK_WINDOW (widget));
  if (GTK_IS_LABEL (focus))
    {
      gtk_label_select_region (GTK_LABEL (focus), 0, 0);
      gtk_window_set_focus (GTK_WINDOW (widget), NULL);
    }
}

static void
concord_session_record_dispose (GObject *object)
{
  ConcordSessionRecord *self = CONCORD_SESSION_RECORD (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_SESSION_RECORD);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_session_record_parent_class)->dispose (object);
}

static void
concord_session_record_finalize (GObject *object)
{
  ConcordSessionRecord *self = CONCORD_SESSION_RECORD (object);

  g_clear_pointer (&self->c, concord_case_unref);
  g_clear_pointer (&self->session, concord_session_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_ptr_array_unref);
  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->info_rows, g_ptr_array_unref);
  g_clear_pointer (&self->attendee_rows, g_ptr_array_unref);
  g_clear_pointer (&self->position_rows, g_ptr_array_unref);
  g_clear_pointer (&self->point_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (concord_session_record_parent_class)->finalize (object);
}

static void
concord_session_record_class_init (ConcordSessionRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_session_record_dispose;
  object_class->finalize = concord_session_record_finalize;
  widget_class->show = concord_session_record_show;

  /* The resources live in a static library: referring to them keeps them
   * linked into every program that shows this widget. */
  if (concord_get_resource () == NULL)
    g_critical ("The interface resources are missing");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-session-record.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionRecord, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionRecord, title_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionRecord, running_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionRecord, case_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionRecord, info_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionRecord, attendees_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionRecord, notes_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionRecord, positions_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionRecord, points_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionRecord, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionRecord, outcome_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* The record is modal: privacy mode must be reachable from it too. */
  gtk_widget_class_install_action (widget_class, "record.toggle-privacy", NULL, toggle_privacy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "record.toggle-privacy", NULL);
}

static void
concord_session_record_init (ConcordSessionRecord *self)
{
  self->info_rows = g_ptr_array_new ();
  self->attendee_rows = g_ptr_array_new ();
  self->position_rows = g_ptr_array_new ();
  self->point_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public */

ConcordSessionRecord *
concord_session_record_new (ConcordContext    *context,
                            GtkWindow         *parent,
                            const ConcordCase *c,
                            gint64             session_id,
                            guint              number,
                            GError           **error)
{
  ConcordStore *store;
  g_autoptr(ConcordSession) session = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GPtrArray) points = NULL;
  ConcordSessionRecord *self;
  g_autofree char *title = NULL;
  g_autofree char *parties = NULL;
  g_autofree char *case_line = NULL;
  const char *case_no;

  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (c != NULL && c->id > 0, NULL);
  g_return_val_if_fail (session_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = concord_context_get_store (context);
  session = concord_store_load_session (store, session_id, error);
  if (session == NULL)
    return NULL;
  if (session->case_id != c->id)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND,
                   /* Translators: a session was asked for under a case it does not belong to */
                   _("This session is not one of the case’s sessions."));
      return NULL;
    }
  notes = concord_store_list_notes (store, c->id, session_id, error);
  if (notes == NULL)
    return NULL;
  positions = concord_store_list_positions (store, c->id, error);
  if (positions == NULL)
    return NULL;
  points = concord_store_list_legal_points (store, c->id, error);
  if (points == NULL)
    return NULL;

  self = g_object_new (CONCORD_TYPE_SESSION_RECORD,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->c = concord_case_copy (c);
  self->session = g_steal_pointer (&session);
  self->number = MAX (number, 1);
  self->notes = g_steal_pointer (&notes);
  self->members = concord_store_list_members (store, NULL);

  /* Of the case's lists, this session's entries only. */
  self->positions = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_position_free);
  for (guint i = 0; i < positions->len; i++)
    if (((ConcordPosition *) g_ptr_array_index (positions, i))->session_id == session_id)
      g_ptr_array_add (self->positions, g_ptr_array_steal_index (positions, i--));
  self->points = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_legal_point_free);
  for (guint i = 0; i < points->len; i++)
    if (((ConcordLegalPoint *) g_ptr_array_index (points, i))->session_id == session_id)
      g_ptr_array_add (self->points, g_ptr_array_steal_index (points, i--));

  title = _concord_session_record_dup_title (self->c, self->session, self->number);
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->running_label), self->session->ended_at == NULL);
  case_no = !concord_text_is_blank (c->case_no) ? c->case_no : _("Unnumbered");
  parties = concord_case_dup_party_names (c);
  if (!concord_text_is_blank (parties))
    /* Translators: under the title of a session record: the case number
     * and the parties' names */
    case_line = g_strdup_printf (_("%s · %s"), case_no, parties);
  else
    case_line = g_strdup (case_no);
  gtk_label_set_text (self->case_label, case_line);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, case_no);
  gtk_window_set_title (GTK_WINDOW (self), title);

  show_info (self);
  show_attendees (self);
  show_content (self);

  g_signal_connect_object (context, "notify::privacy-mode",
                           G_CALLBACK (privacy_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

gint64
concord_session_record_get_session_id (ConcordSessionRecord *self)
{
  g_return_val_if_fail (CONCORD_IS_SESSION_RECORD (self), 0);
  return self->session != NULL ? self->session->id : 0;
}
