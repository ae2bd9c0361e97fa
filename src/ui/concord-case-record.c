/* concord-case-record.c
 *
 * One query per list when a case is shown, nothing per row: a case with
 * hundreds of sessions opens as fast as a new one. Note texts are never
 * read here; a session's record window reads them when it is opened.
 * The lists are kept so that privacy mode is applied again at once,
 * without a query, when it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-case-record"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-positions-view.h"
#include "concord-session-record.h"
#include "concord-session-window.h"
#include "concord-resources.h"
#include "concord-ui-util.h"
#include "concord-case-record.h"

/* A long case shows its latest sessions and legal points, and a row
 * that shows the earlier ones. */
#define FOLDED_ABOVE 12
#define SHOWN_FOLDED 8

struct _ConcordCaseRecord
{
  GtkWidget            parent_instance;

  ConcordContext      *context;
  ConcordCase         *c;
  GPtrArray           *sessions;    /* of ConcordSession, oldest first */
  GPtrArray           *positions;   /* of ConcordPosition */
  GPtrArray           *points;      /* of ConcordLegalPoint */
  GPtrArray           *linked;      /* of ConcordCaseSummary */
  GPtrArray           *referrals;   /* of ConcordReferral */
  GHashTable          *session_index;  /* session id → index + 1 */
  gboolean             all_sessions;
  gboolean             all_points;

  GPtrArray           *referral_rows;
  GPtrArray           *linked_rows;
  GPtrArray           *session_rows;
  GPtrArray           *point_rows;
  GtkWidget           *positions_view;

  GtkWidget           *box;
  AdwPreferencesGroup *referrals_group;
  AdwPreferencesGroup *linked_group;
  AdwPreferencesGroup *sessions_group;
  AdwPreferencesGroup *positions_group;
  AdwPreferencesGroup *points_group;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  OPEN_CASE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConcordCaseRecord, concord_case_record, GTK_TYPE_WIDGET)

static GtkWidget *
action_row_new (const char *title,
                const char *subtitle,
                gboolean    activatable)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names and outcomes are typed by people: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (!concord_text_is_blank (subtitle))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), activatable);
  return row;
}

/* The arrow of a row that opens something, after its other suffixes. */
static void
add_arrow (GtkWidget  *row,
           const char *icon_name)
{
  GtkWidget *arrow = gtk_image_new_from_icon_name (icon_name);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
}

static GtkWidget *
tag_new (const char *text,
         const char *css_class)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "caption");
  if (g_strcmp0 (css_class, "overdue-tag") == 0)
    gtk_widget_add_css_class (tag, css_class);
  else
    {
      gtk_widget_add_css_class (tag, "record-tag");
      if (css_class != NULL)
        gtk_widget_add_css_class (tag, css_class);
    }
  return tag;
}

static gboolean
privacy_on (ConcordCaseRecord *self)
{
  return self->context != NULL && concord_context_get_privacy_mode (self->context);
}

static const ConcordSession *
session_of (ConcordCaseRecord *self,
            gint64             session_id,
            guint             *number)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->session_index, &session_id));

  if (index == 0)
    return NULL;
  if (number != NULL)
    *number = index;
  return g_ptr_array_index (self->sessions, index - 1);
}

static char *
today_local (void)
{
  g_autoptr(GDateTime) now = concord_clock_now ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* Who did it: the team member whose login it is, else the login. */
static const char *
actor_name (GPtrArray  *members,
            const char *actor)
{
  if (actor == NULL)
    return "";
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (members, i);

      if (g_strcmp0 (member->username, actor) == 0 && !concord_text_is_blank (member->name))
        return member->name;
    }
  return actor;
}

/* Referrals and work orders */

static void answer_clicked_cb (GtkButton         *button,
                               ConcordCaseRecord *self);

static GtkWidget *
work_order_row_new (ConcordCaseRecord     *self,
                    const ConcordReferral *r,
                    guint                  index,
                    GPtrArray             *members,
                    const char            *today)
{
  GtkWidget *row = adw_expander_row_new ();
  gboolean open = concord_referral_is_open_work_order (r);
  const char *values[6];
  const char *keys[6];
  g_autofree char *issued = NULL;
  g_autofree char *answered = NULL;
  guint n = 0;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), concord_referral_kind_label (r->kind));
  if (!concord_text_is_blank (r->detail))
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), r->detail);
  gtk_widget_set_name (row, "referral-row");

  if (open)
    {
      gboolean overdue = r->due_date != NULL && g_strcmp0 (today, r->due_date) > 0;
      GtkWidget *button;

      /* Actions are put in front of each other: the button first, so
       * that the tag stands before it. */
      /* Translators: a button on an open work order (工单): record what the
       * department answered */
      button = gtk_button_new_with_mnemonic (_("Record _Answer…"));
      gtk_widget_set_name (button, "answer-button");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "referral-index", GUINT_TO_POINTER (index));
      g_signal_connect_object (button, "clicked", G_CALLBACK (answer_clicked_cb), self, 0);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   overdue
                                   /* Translators: a tag on a work order past its due date */
                                   ? tag_new (C_("work order", "Overdue"), "overdue-tag")
                                   /* Translators: a tag on a work order the department has not answered yet */
                                   : tag_new (C_("work order", "Open"), "open"));
    }
  else
    /* Translators: a tag on a work order the department has answered */
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag_new (C_("work order", "Answered"), "done"));

  if (r->created_at != NULL)
    {
      g_autofree char *when = concord_ui_format_time (r->created_at);

      /* Translators: when and by whom, e.g. "2026-11-23 14:30 · 王调解员" */
      issued = g_strdup_printf (_("%s · %s"), when, actor_name (members, r->created_by));
    }
  if (r->answered_at != NULL)
    {
      g_autofree char *when = concord_ui_format_time (r->answered_at);

      answered = g_strdup_printf (_("%s · %s"), when, actor_name (members, r->answered_by));
    }

#define ADD(k, v) G_STMT_START { keys[n] = (k); values[n] = (v); n++; } G_STMT_END
  /* Translators: what a department is asked to do in a work order */
  ADD (C_("work order", "Request"), r->request);
  /* Translators: the date by which a department must answer a work order */
  ADD (C_("work order", "Due"), r->due_date);
  /* Translators: when a work order was sent, and by whom */
  ADD (C_("work order", "Issued"), issued);
  /* Translators: what the department answered to a work order */
  ADD (C_("work order", "Answer"), r->answer);
  /* Translators: when the answer to a work order was recorded, and by whom */
  ADD (C_("work order", "Answer recorded"), answered);
#undef ADD

  for (guint i = 0; i < n; i++)
    if (!concord_text_is_blank (values[i]))
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), concord_ui_property_row_new (keys[i], values[i]));
  /* Few, and what they ask and answer is the point: open. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return row;
}

static void
show_referrals (ConcordCaseRecord *self)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *today = NULL;

  concord_ui_group_clear (self->referrals_group, self->referral_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->referrals_group),
                          self->referrals != NULL && self->referrals->len > 0);
  if (self->referrals == NULL || self->referrals->len == 0)
    return;

  members = concord_store_list_members (concord_context_get_store (self->context), NULL);
  today = today_local ();
  for (guint i = 0; i < self->referrals->len; i++)
    {
      const ConcordReferral *r = g_ptr_array_index (self->referrals, i);
      GtkWidget *row;

      if (r->kind == CONCORD_REFERRAL_DEPARTMENT)
        row = work_order_row_new (self, r, i, members, today);
      else
        {
          row = action_row_new (concord_referral_kind_label (r->kind), r->detail, FALSE);
          gtk_widget_set_name (row, "referral-row");
        }
      concord_ui_group_add (self->referrals_group, self->referral_rows, row);
    }
}

/* Linked cases */

static void
linked_activated_cb (AdwActionRow      *row,
                     ConcordCaseRecord *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "linked-index"));

  g_return_if_fail (self->linked != NULL && index < self->linked->len);
  g_signal_emit (self, signals[OPEN_CASE], 0,
                 concord_case_summary_get_id (g_ptr_array_index (self->linked, index)));
}

static void
show_linked (ConcordCaseRecord *self)
{
  concord_ui_group_clear (self->linked_group, self->linked_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->linked_group), self->linked != NULL && self->linked->len > 0);
  if (self->linked == NULL)
    return;

  for (guint i = 0; i < self->linked->len; i++)
    {
      ConcordCaseSummary *summary = g_ptr_array_index (self->linked, i);
      g_autofree char *date = concord_ui_format_date (concord_case_summary_get_received_at (summary));
      const char *case_no = concord_case_summary_get_case_no (summary);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Translators: an earlier case of the same parties: their names,
       * its stage and the date it was received, e.g. "孙某、钱某 · 结案 · 2026-03-02" */
      subtitle = g_strdup_printf (_("%s · %s · %s"),
                                  concord_case_summary_get_party_names (summary),
                                  concord_stage_label (concord_case_summary_get_stage (summary)),
                                  date);
      row = action_row_new (!concord_text_is_blank (case_no) ? case_no : _("Unnumbered"), subtitle, TRUE);
      add_arrow (row, "go-next-symbolic");
      gtk_widget_set_name (row, "linked-case-row");
      g_object_set_data (G_OBJECT (row), "linked-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "activated", G_CALLBACK (linked_activated_cb), self, 0);
      concord_ui_group_add (self->linked_group, self->linked_rows, row);
    }
}

/* Sessions */

static void
session_activated_cb (AdwActionRow      *row,
                      ConcordCaseRecord *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "session-index"));
  const ConcordSession *session;
  ConcordSessionRecord *record;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->sessions != NULL && index < self->sessions->len);
  session = g_ptr_array_index (self->sessions, index);

  /* A running session goes back to its window, where it is run. */
  if (session->ended_at == NULL)
    {
      GList *toplevels = gtk_window_list_toplevels ();
      GtkWindow *found = NULL;
      GtkWindow *parent = concord_ui_get_window (GTK_WIDGET (self));

      for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
        if (CONCORD_IS_SESSION_WINDOW (l->data) &&
            concord_session_window_get_session_id (l->data) == session->id)
          found = l->data;
      g_list_free (toplevels);
      if (found == NULL)
        found = GTK_WINDOW (concord_session_window_open (parent != NULL ? gtk_window_get_application (parent) : NULL,
                                                         self->context, session->id, &error));
      if (found == NULL)
        {
          concord_ui_show_message (parent, _("Could Not Open the Session"), error->message);
          return;
        }
      gtk_window_present (found);
      return;
    }

  record = concord_session_record_new (self->context, concord_ui_get_window (GTK_WIDGET (self)), self->c,
                                       session->id, index + 1, &error);
  if (record == NULL)
    {
      concord_ui_show_message (concord_ui_get_window (GTK_WIDGET (self)), _("Could Not Open the Session"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (record));
}

static void show_sessions (ConcordCaseRecord *self);

static void
more_sessions_activated_cb (AdwActionRow      *row,
                            ConcordCaseRecord *self)
{
  self->all_sessions = TRUE;
  show_sessions (self);
}

static GtkWidget *
session_row_new (ConcordCaseRecord    *self,
                 const ConcordSession *s,
                 guint                 index,
                 gboolean              privacy)
{
  g_autofree char *title = _concord_session_record_dup_title (self->c, s, index + 1);
  g_autofree char *date = NULL;
  g_autofree char *times = _concord_session_record_dup_times (s, &date);
  const char *outcome = NULL;
  GtkWidget *row, *when, *label;

  if (!concord_text_is_blank (s->outcome))
    outcome = concord_privacy_shows_session_content (s, privacy)
              ? s->outcome
              /* Translators: instead of the outcome of a back-to-back
               * session while the screen is turned to the parties */
              : _("Outcome hidden in privacy mode");
  row = action_row_new (title, outcome, TRUE);
  gtk_widget_set_name (row, "session-row");
  g_object_set_data (G_OBJECT (row), "session-index", GUINT_TO_POINTER (index));

  if (s->ended_at == NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag_new (_("Running"), "running"));

  /* Date, times and room on the right, small. */
  when = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (when, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (when, "session-when");
  label = gtk_label_new (date);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (when), label);
  label = gtk_label_new (times);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (when), label);
  if (!concord_text_is_blank (s->room))
    {
      label = gtk_label_new (s->room);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (when), label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), when);
  add_arrow (row, "go-next-symbolic");

  g_signal_connect_object (row, "activated", G_CALLBACK (session_activated_cb), self, 0);
  return row;
}

static gboolean
at_session_stage (ConcordCaseRecord *self)
{
  return self->c != NULL &&
         (self->c->stage == CONCORD_STAGE_BACK_TO_BACK || self->c->stage == CONCORD_STAGE_FACE_TO_FACE);
}

static void
show_sessions (ConcordCaseRecord *self)
{
  gboolean privacy = privacy_on (self);
  guint n = self->sessions != NULL ? self->sessions->len : 0;
  guint first = 0;
  gboolean hidden_outcomes = FALSE;

  concord_ui_group_clear (self->sessions_group, self->session_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->sessions_group), n > 0 || at_session_stage (self));
  adw_preferences_group_set_description (self->sessions_group, NULL);

  if (n == 0)
    {
      if (at_session_stage (self))
        {
          GtkWidget *row = action_row_new (_("No sessions yet"), NULL, FALSE);

          gtk_widget_add_css_class (row, "dim-label");
          concord_ui_group_add (self->sessions_group, self->session_rows, row);
        }
      return;
    }

  if (!self->all_sessions && n > FOLDED_ABOVE)
    {
      g_autofree char *title = NULL;
      GtkWidget *row;

      first = n - SHOWN_FOLDED;
      /* Translators: a row above the latest sessions of a long case; %u is
       * the number of earlier sessions it shows */
      title = g_strdup_printf (ngettext ("Show %u Earlier Session", "Show %u Earlier Sessions", first), first);
      row = action_row_new (title, NULL, TRUE);
      add_arrow (row, "pan-down-symbolic");
      gtk_widget_set_name (row, "more-sessions-row");
      g_signal_connect_object (row, "activated", G_CALLBACK (more_sessions_activated_cb), self, 0);
      concord_ui_group_add (self->sessions_group, self->session_rows, row);
    }

  for (guint i = first; i < n; i++)
    {
      const ConcordSession *s = g_ptr_array_index (self->sessions, i);

      if (!concord_text_is_blank (s->outcome) && !concord_privacy_shows_session_content (s, privacy))
        hidden_outcomes = TRUE;
      concord_ui_group_add (self->sessions_group, self->session_rows, session_row_new (self, s, i, privacy));
    }
  if (hidden_outcomes)
    adw_preferences_group_set_description (self->sessions_group,
                                           _("The outcomes of back-to-back sessions are hidden in privacy mode."));
}

/* Positions and legal points */

static void
show_positions (ConcordCaseRecord *self)
{
  concord_positions_view_show_in_group (CONCORD_POSITIONS_VIEW (self->positions_view), self->positions_group,
                                        self->c, self->sessions, self->positions, privacy_on (self));
}

static void show_points (ConcordCaseRecord *self);

static void
more_points_activated_cb (AdwActionRow      *row,
                          ConcordCaseRecord *self)
{
  self->all_points = TRUE;
  show_points (self);
}

static void
show_points (ConcordCaseRecord *self)
{
  gboolean privacy = privacy_on (self);
  guint n = self->points != NULL ? self->points->len : 0;
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first = 0;

  concord_ui_group_clear (self->points_group, self->point_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->points_group), n > 0);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      const ConcordLegalPoint *point = g_ptr_array_index (self->points, i);
      const ConcordSession *s = session_of (self, point->session_id, NULL);

      if (s == NULL || concord_privacy_shows_session_content (s, privacy))
        g_array_append_val (shown, i);
    }
  if (shown->len < n)
    adw_preferences_group_set_description (self->points_group,
                                           _("Legal points explained back-to-back are hidden in privacy mode."));
  else
    adw_preferences_group_set_description (self->points_group,
                                           _("What the parties were told of the law, session by session."));

  if (!self->all_points && shown->len > FOLDED_ABOVE)
    {
      g_autofree char *title = NULL;
      GtkWidget *row;

      first = shown->len - SHOWN_FOLDED;
      /* Translators: a row above the latest legal points explained in a
       * long case; %u is the number of earlier ones it shows */
      title = g_strdup_printf (ngettext ("Show %u Earlier Legal Point", "Show %u Earlier Legal Points", first), first);
      row = action_row_new (title, NULL, TRUE);
      add_arrow (row, "pan-down-symbolic");
      gtk_widget_set_name (row, "more-points-row");
      g_signal_connect_object (row, "activated", G_CALLBACK (more_points_activated_cb), self, 0);
      concord_ui_group_add (self->points_group, self->point_rows, row);
    }

  for (guint k = first; k < shown->len; k++)
    {
      const ConcordLegalPoint *point = g_ptr_array_index (self->points, g_array_index (shown, guint, k));
      guint number = 0;
      const ConcordSession *s = session_of (self, point->session_id, &number);
      g_autofree char *heading = NULL;

      if (s != NULL)
        {
          g_autofree char *numbered = NULL;
          g_autofree char *date = concord_ui_format_date (s->started_at);

          numbered = g_strdup_printf (C_("session number", "Session %u"), number);
          /* Translators: which session a legal point was explained in:
           * its number, kind and date, e.g. "第2次 · 背靠背 · 2026-11-23" */
          heading = g_strdup_printf (_("%s · %s · %s"), numbered,
                                     concord_session_kind_label (s->kind), date);
        }
      concord_ui_group_add (self->points_group, self->point_rows,
               _concord_session_record_point_row_new (point, heading));
    }
}

static void
update_visibility (ConcordCaseRecord *self)
{
  gboolean any = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (self->box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    any = any || gtk_widget_get_visible (child);
  /* No gap in the case view for an empty record. */
  gtk_widget_set_visible (GTK_WIDGET (self), any);
}

static void
show_all (ConcordCaseRecord *self)
{
  show_referrals (self);
  show_linked (self);
  show_sessions (self);
  show_positions (self);
  show_points (self);
  update_visibility (self);
}

static void
privacy_changed_cb (ConcordCaseRecord *self)
{
  if (self->c == NULL)
    return;
  show_sessions (self);
  show_positions (self);
  show_points (self);
  update_visibility (self);
}

/* The answer to a work order */

static void
answer_record_cb (GtkButton         *button,
                  ConcordCaseRecord *self)
{
  GtkWindow *dialog = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "answer-view");
  GtkLabel *error_label = g_object_get_data (G_OBJECT (dialog), "answer-error");
  gint64 referral_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "referral-id");
  ConcordStore *store = concord_context_get_store (self->context);
  g_autofree char *text = concord_ui_text_view_dup_text (view);
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GError) error = NULL;

  g_strstrip (text);
  if (concord_text_is_blank (text))
    {
      concord_ui_set_field_error (GTK_WIDGET (view), error_label,
                                  /* Translators: under the empty answer of a work order */
                                  _("Enter what the department answered."));
      gtk_widget_grab_focus (GTK_WIDGET (view));
      return;
    }
  if (!concord_store_answer_work_order (store, referral_id, text,
                                        concord_context_get_username (self->context), &error))
    {
      concord_ui_set_field_error (GTK_WIDGET (view), error_label, error->message);
      return;
    }

  gtk_window_destroy (dialog);
  if (self->c == NULL)
    return;
  referrals = concord_store_list_referrals (store, self->c->id, &error);
  if (referrals != NULL)
    {
      g_clear_pointer (&self->referrals, g_ptr_array_unref);
      self->referrals = g_steal_pointer (&referrals);
      show_referrals (self);
      update_visibility (self);
    }
  else
    g_warning ("Could not read the referrals of case %" G_GINT64_FORMAT ": %s",
               self->c->id, error->message);
  concord_context_case_changed (self->context, self->c->id);
}

static void
answer_changed_cb (GtkTextBuffer *buffer,
                   GtkWindow     *dialog)
{
  concord_ui_set_field_error (g_object_get_data (G_OBJECT (dialog), "answer-view"),
                              g_object_get_data (G_OBJECT (dialog), "answer-error"),
                              NULL);
}

static void
answer_clicked_cb (GtkButton         *button,
                   ConcordCaseRecord *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "referral-index"));
  const ConcordReferral *r;
  GtkWidget *dialog, *content, *header, *cancel, *record, *body, *label, *scroller, *view, *error_label;
  GtkShortcutController *shortcuts;
  gint64 *id;

  g_return_if_fail (self->referrals != NULL && index < self->referrals->len);
  r = g_ptr_array_index (self->referrals, index);

  dialog = adw_window_new ();
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), concord_ui_get_window (GTK_WIDGET (self)));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, -1);
  /* Translators: title of the dialog that records a department's answer to a work order */
  gtk_window_set_title (GTK_WINDOW (dialog), _("Answer to the Work Order"));

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  /* Translators: button of the dialog that records a department's answer */
  record = gtk_button_new_with_mnemonic (_("_Record"));
  gtk_widget_add_css_class (record, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), record);
  gtk_box_append (GTK_BOX (content), header);

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 24);
  gtk_widget_set_margin_start (body, 24);
  gtk_widget_set_margin_end (body, 24);

  label = gtk_label_new (!concord_text_is_blank (r->detail) ? r->detail : concord_referral_kind_label (r->kind));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (body), label);
  if (!concord_text_is_blank (r->request))
    {
      label = gtk_label_new (r->request);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (body), label);
    }

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  /* Translators: the label of the field for a department's answer to a work order */
  label = gtk_label_new_with_mnemonic (_("_Answer of the department"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 10);
  gtk_box_append (GTK_BOX (body), label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, -1, 120);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_add_css_class (scroller, "reason-entry");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_box_append (GTK_BOX (body), scroller);

  error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (body), error_label);

  gtk_box_append (GTK_BOX (content), body);
  adw_window_set_content (ADW_WINDOW (dialog), content);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, GTK_EVENT_CONTROLLER (shortcuts));

  id = g_new (gint64, 1);
  *id = r->id;
  g_object_set_data_full (G_OBJECT (dialog), "referral-id", id, g_free);
  g_object_set_data (G_OBJECT (dialog), "answer-view", view);
  g_object_set_data (G_OBJECT (dialog), "answer-error", error_label);
  g_object_set_data (G_OBJECT (dialog), "record-button", record);
  g_signal_connect_object (record, "clicked", G_CALLBACK (answer_record_cb), self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (answer_changed_cb), dialog, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* Overrides */

static void
concord_case_record_dispose (GObject *object)
{
  ConcordCaseRecord *self = CONCORD_CASE_RECORD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_CASE_RECORD);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_case_record_parent_class)->dispose (object);
}

static void
clear_data (ConcordCaseRecord *self)
{
  g_clear_pointer (&self->c, concord_case_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_ptr_array_unref);
  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->linked, g_ptr_array_unref);
  g_clear_pointer (&self->referrals, g_ptr_array_unref);
  g_hash_table_remove_all (self->session_index);
}

static void
concord_case_record_finalize (GObject *object)
{
  ConcordCaseRecord *self = CONCORD_CASE_RECORD (object);

  clear_data (self);
  g_clear_pointer (&self->session_index, g_hash_table_unref);
  g_clear_pointer (&self->referral_rows, g_ptr_array_unref);
  g_clear_pointer (&self->linked_rows, g_ptr_array_unref);
  g_clear_pointer (&self->session_rows, g_ptr_array_unref);
  g_clear_pointer (&self->point_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (concord_case_record_parent_class)->finalize (object);
}

static void
concord_case_record_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ConcordCaseRecord *self = CONCORD_CASE_RECORD (object);

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
concord_case_record_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ConcordCaseRecord *self = CONCORD_CASE_RECORD (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_assert (self->context == NULL);
      self->context = g_value_dup_object (value);
      if (self->context != NULL)
        g_signal_connect_object (self->context, "notify::privacy-mode",
                                 G_CALLBACK (privacy_changed_cb), self, G_CONNECT_SWAPPED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_case_record_class_init (ConcordCaseRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_case_record_dispose;
  object_class->finalize = concord_case_record_finalize;
  object_class->get_property = concord_case_record_get_property;
  object_class->set_property = concord_case_record_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CONCORD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ConcordCaseRecord::open-case:
   * @case_id: the id of the linked case to open
   */
  signals[OPEN_CASE] =
    g_signal_new ("open-case",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /* The resources live in a static library: referring to them keeps them
   * linked into every program that shows this widget. */
  if (concord_get_resource () == NULL)
    g_critical ("The interface resources are missing");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-case-record.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseRecord, box);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseRecord, referrals_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseRecord, linked_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseRecord, sessions_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseRecord, positions_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseRecord, points_group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "caserecord");
}

static void
concord_case_record_init (ConcordCaseRecord *self)
{
  self->session_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->referral_rows = g_ptr_array_new ();
  self->linked_rows = g_ptr_array_new ();
  self->session_rows = g_ptr_array_new ();
  self->point_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->positions_view = concord_positions_view_new ();
  adw_preferences_group_add (self->positions_group, self->positions_view);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Public */

GtkWidget *
concord_case_record_new (ConcordContext *context)
{
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);

  return g_object_new (CONCORD_TYPE_CASE_RECORD, "context", context, NULL);
}

gboolean
concord_case_record_show_case (ConcordCaseRecord *self,
                               const ConcordCase *c,
                               GError           **error)
{
  ConcordStore *store;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) linked = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  gboolean same;

  g_return_val_if_fail (CONCORD_IS_CASE_RECORD (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);
  g_return_val_if_fail (c != NULL && c->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = concord_context_get_store (self->context);
  if ((sessions = concord_store_list_sessions (store, c->id, error)) == NULL ||
      (positions = concord_store_list_positions (store, c->id, error)) == NULL ||
      (points = concord_store_list_legal_points (store, c->id, error)) == NULL ||
      (linked = concord_store_find_linked_cases (store, c->id, error)) == NULL)
    {
      concord_case_record_clear (self);
      return FALSE;
    }
  /* Only a failed mediation has referrals (concord_store_fail_case());
   * a failed case may be closed afterwards. */
  if (c->stage == CONCORD_STAGE_FAILED || c->stage == CONCORD_STAGE_CLOSED)
    {
      referrals = concord_store_list_referrals (store, c->id, error);
      if (referrals == NULL)
        {
          concord_case_record_clear (self);
          return FALSE;
        }
    }

  same = self->c != NULL && self->c->id == c->id;
  clear_data (self);
  if (!same)
    {
      self->all_sessions = FALSE;
      self->all_points = FALSE;
    }
  self->c = concord_case_copy (c);
  self->sessions = g_steal_pointer (&sessions);
  self->positions = g_steal_pointer (&positions);
  self->points = g_steal_pointer (&points);
  self->linked = g_steal_pointer (&linked);
  self->referrals = g_steal_pointer (&referrals);
  for (guint i = 0; i < self->sessions->len; i++)
    {
      const ConcordSession *s = g_ptr_array_index (self->sessions, i);

      g_hash_table_insert (self->session_index, g_memdup2 (&s->id, sizeof s->id), GUINT_TO_POINTER (i + 1));
    }

  show_all (self);
  return TRUE;
}

void
concord_case_record_clear (ConcordCaseRecord *self)
{
  g_return_if_fail (CONCORD_IS_CASE_RECORD (self));

  clear_data (self);
  self->all_sessions = FALSE;
  self->all_points = FALSE;
  show_all (self);
}
