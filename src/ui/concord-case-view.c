/* concord-case-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-case-view"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-intake-dialog.h"
#include "concord-session-window.h"
#include "concord-case-record.h"
#include "concord-agreement-editor.h"
#include "concord-review-pane.h"
#include "concord-signing-pane.h"
#include "concord-preferences-window.h"
#include "concord-fail-dialog.h"
#include "concord-stage-path.h"
#include "concord-ui-util.h"
#include "concord-case-view.h"

struct _ConcordCaseView
{
  GtkWidget             parent_instance;

  ConcordContext       *context;
  ConcordCase          *c;
  GPtrArray            *case_rows;
  GPtrArray            *team_rows;
  GPtrArray            *history_rows;

  GtkScrolledWindow    *scroller;
  GtkLabel             *title_label;
  GtkLabel             *parties_label;
  GtkLabel             *stage_label;
  GtkLabel             *due_label;
  GtkLabel             *overdue_label;
  ConcordStagePath     *stage_path;
  GtkWidget            *reason_box;
  GtkLabel             *reason_title;
  GtkLabel             *reason_label;
  GtkWidget            *actions_box;
  GtkWidget            *accept_button;
  GtkWidget            *reject_button;
  GtkWidget            *move_button;
  GtkWidget            *session_button;
  GtkWidget            *other_moves_button;
  GtkGrid              *moves_grid;
  GtkWidget            *conflicts_box;
  GtkWidget            *conflicts_list;
  AdwPreferencesGroup  *case_group;
  AdwPreferencesGroup  *facts_group;
  GtkLabel             *facts_label;
  GtkWidget            *record_box;
  ConcordCaseRecord    *record;
  GtkWidget            *agreement_box;
  ConcordAgreementEditor *editor;
  ConcordReviewPane    *review_pane;
  ConcordSigningPane   *signing_pane;
  guint                 reload_idle;
  gboolean              all_moves;     /* the whole stage history, not the latest */
  gboolean              all_history;   /* every audit entry, not the latest */
  GtkWidget            *parties_box;
  AdwPreferencesGroup  *team_group;
  AdwPreferencesGroup  *history_group;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  CASE_CHANGED,
  OPEN_CASE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConcordCaseView, concord_case_view, GTK_TYPE_WIDGET)

/* A property row when @value has text; nothing otherwise. */
static gboolean
case_is_overdue (const ConcordCase *c)
{
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (c->due_at == NULL || concord_stage_is_final (c->stage))
    return FALSE;
  due = concord_clock_parse_iso (c->due_at);
  if (due == NULL)
    return FALSE;
  now = concord_clock_now ();
  return g_date_time_compare (now, due) > 0;
}

/* TRUE when a police mediation case has had exactly one session: its due
 * time is then the second-session limit (CONCORD_POLICE_SECOND_SESSION_
 * WORKING_DAYS). */
static gboolean
awaits_police_second_session (ConcordCaseView *self)
{
  g_autoptr(GPtrArray) sessions = NULL;

  if (self->c->mediation_type != CONCORD_MEDIATION_POLICE ||
      (self->c->stage != CONCORD_STAGE_BACK_TO_BACK && self->c->stage != CONCORD_STAGE_FACE_TO_FACE))
    return FALSE;
  sessions = concord_store_list_sessions (concord_context_get_store (self->context), self->c->id, NULL);
  return sessions != NULL && sessions->len == 1;
}

static char *
format_due (const ConcordCase *c,
            gboolean           second_session)
{
  g_autofree char *when = NULL;

  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (c->due_at == NULL || concord_stage_is_final (c->stage))
    return NULL;

  due = concord_clock_parse_iso (c->due_at);
  now = concord_clock_now ();
  if (due != NULL && g_date_time_compare (now, due) > 0)
    {
      GTimeSpan late = g_date_time_difference (now, due);
      int days = (int) MAX (1, late / G_TIME_SPAN_DAY);

      /* Translators: the stage is past its time limit, by whole days
       * (at least one), e.g. "已超期 3 天" */
      return g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days", days), days);
    }

  when = concord_ui_format_time (c->due_at);
  switch (c->stage)
    {
    case CONCORD_STAGE_RECEIVED:
      /* Translators: %s is a date and time, e.g. "2026-11-25 14:30" */
      return g_strdup_printf (_("Decide on acceptance by %s"), when);
    case CONCORD_STAGE_ACCEPTED:
      /* Translators: %s is a date and time */
      return g_strdup_printf (_("First session by %s"), when);
    case CONCORD_STAGE_BACK_TO_BACK:
    case CONCORD_STAGE_FACE_TO_FACE:
      if (second_session)
        /* Translators: police mediation (治安调解) allows a second session only within
         * 7 working days of the first; %s is a date and time */
        return g_strdup_printf (_("Second session by %s (police mediation: within 7 working days of the first)"),
                                when);
      /* Translators: %s is a date and time */
      return g_strdup_printf (_("Due %s"), when);
    default:
      /* Translators: %s is a date and time */
      return g_strdup_printf (_("Due %s"), when);
    }
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


/* "Applicant: Zhang San", "甲方：张某": the role (or, for police
 * mediation, the ordinal) and the name, as the form titles a party. */
static char *
party_heading (const ConcordCase  *c,
               const ConcordParty *party)
{
  g_autofree char *role = concord_case_dup_party_role (c, party);

  if (concord_text_is_blank (party->name))
    return g_steal_pointer (&role);
  /* Translators: the heading of a party's particulars on the case page,
   * role and name, e.g. "Applicant: Zhang San" */
  return g_strdup_printf (C_("party heading", "%s: %s"), role, party->name);
}

static char *
format_id_document (const ConcordParty *p)
{
  if (concord_text_is_blank (p->id_number))
    return NULL;
  if (p->id_type == CONCORD_ID_NONE || p->id_type == CONCORD_ID_OTHER)
    return g_strdup (p->id_number);
  /* Translators: an ID document, e.g. "Resident identity card 370202…" */
  return g_strdup_printf (_("%s %s"), concord_id_type_label (p->id_type), p->id_number);
}

/* The particulars of a party or an agent, into @add_to (a group or an
 * expander row). */
static void
add_person_rows (GtkWidget          *add_to,
                 GPtrArray          *rows,
                 const ConcordParty *p,
                 gboolean            with_name)
{
  g_autofree char *id_doc = format_id_document (p);
  const char *values[10];
  const char *keys[10];
  guint n = 0;

#define ADD(k, v) G_STMT_START { keys[n] = (k); values[n] = (v); n++; } G_STMT_END
  if (with_name)
    ADD (p->kind == CONCORD_PARTY_ORGANISATION ? C_("organisation", "Name") : C_("person", "Name"), p->name);
  if (p->kind == CONCORD_PARTY_ORGANISATION)
    {
      ADD (_("Kind"), concord_party_kind_label (p->kind));
      /* For organisations the occupation field holds the legal representative. */
      ADD (_("Legal representative"), p->occupation);
    }
  else
    {
      ADD (_("Gender"), p->gender != CONCORD_GENDER_UNKNOWN ? concord_gender_label (p->gender) : NULL);
      ADD (_("Ethnicity"), p->ethnicity);
      ADD (_("Date of birth"), p->birth_date);
      ADD (_("Occupation"), p->occupation);
    }
  ADD (_("ID document"), id_doc);
  ADD (_("Phone"), p->phone);
  ADD (_("Address"), p->address);
#undef ADD

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row;

      if (concord_text_is_blank (values[i]))
        continue;
      row = concord_ui_property_row_new (keys[i], values[i]);
      if (ADW_IS_EXPANDER_ROW (add_to))
        adw_expander_row_add_row (ADW_EXPANDER_ROW (add_to), row);
      else
        concord_ui_group_add (ADW_PREFERENCES_GROUP (add_to), rows, row);
    }
}

static void
show_parties (ConcordCaseView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->parties_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->parties_box), child);

  if (self->c->parties->len == 0)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE); /* names are text, not markup */

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Parties"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No parties yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      gtk_box_append (GTK_BOX (self->parties_box), group);
      return;
    }

  for (guint i = 0; i < self->c->parties->len; i++)
    {
      const ConcordParty *p = g_ptr_array_index (self->c->parties, i);
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      g_autofree char *heading = party_heading (self->c, p);
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), heading);
      add_person_rows (group, rows, p, TRUE);
      if (!concord_text_is_blank (p->claims))
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   concord_ui_property_row_new (_("Claims"), p->claims));

      if (p->agent_kind != CONCORD_AGENT_NONE && p->agent != NULL)
        {
          GtkWidget *expander = adw_expander_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
          g_autofree char *title = NULL;

          /* Translators: e.g. "Guardian: Wu Jianguo" */
          title = g_strdup_printf (_("%s: %s"), concord_agent_kind_label (p->agent_kind),
                                   p->agent->name != NULL ? p->agent->name : "");
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
          if (!concord_text_is_blank (p->agent_relation))
            adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), p->agent_relation);
          add_person_rows (expander, NULL, p->agent, FALSE);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
        }

      gtk_box_append (GTK_BOX (self->parties_box), group);
    }
}

static void
show_team (ConcordCaseView *self)
{
  concord_ui_group_clear (self->team_group, self->team_rows);

  if (self->c->team->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE); /* names are text, not markup */

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No team members yet"));
      gtk_widget_add_css_class (row, "dim-label");
      concord_ui_group_add (self->team_group, self->team_rows, row);
      return;
    }

  for (guint i = 0; i < self->c->team->len; i++)
    {
      const ConcordTeamMember *m = g_ptr_array_index (self->c->team, i);
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE); /* names are text, not markup */
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->name != NULL ? m->name : "");
      if (!concord_text_is_blank (m->organisation))
        /* Translators: role and organisation of a team member, e.g. "Lawyer · Qingdao Law Firm" */
        subtitle = g_strdup_printf (_("%s · %s"), concord_team_role_label (m->role), m->organisation);
      else
        subtitle = g_strdup (concord_team_role_label (m->role));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (!concord_text_is_blank (m->phone))
        {
          GtkWidget *phone = gtk_label_new (m->phone);

          gtk_label_set_selectable (GTK_LABEL (phone), TRUE);
          gtk_widget_add_css_class (phone, "numeric");
          gtk_widget_add_css_class (phone, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), phone);
        }
      concord_ui_group_add (self->team_group, self->team_rows, row);
    }
}

#define HISTORY_SHOWN 20
#define MOVES_SHOWN   10

static void show_history (ConcordCaseView *self);

static gboolean
is_session_action (const char *action)
{
  return g_str_has_prefix (action, "session.") || g_str_has_prefix (action, "note.") ||
         g_str_has_prefix (action, "position.") || g_str_has_prefix (action, "legal-point.");
}

static void
show_all_history_cb (ConcordCaseView *self)
{
  self->all_history = TRUE;
  show_history (self);
}

static void
show_history (ConcordCaseView *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  guint first;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  ConcordStore *store = concord_context_get_store (self->context);

  concord_ui_group_clear (self->history_group, self->history_rows);

  entries = concord_store_list_audit (store, self->c->id, &error);
  members = concord_store_list_members (store, NULL);
  if (entries == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE); /* names are text, not markup */

      g_warning ("Could not read the history of case %" G_GINT64_FORMAT ": %s",
                 self->c->id, error->message);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The history could not be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      concord_ui_group_add (self->history_group, self->history_rows, row);
      return;
    }

  /* A long case has thousands of entries: the latest ones, and a row
   * that shows the others on request. */
  first = 0;
  if (!self->all_history && entries->len > HISTORY_SHOWN + HISTORY_SHOWN / 2)
    {
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *title = NULL;

      first = entries->len - HISTORY_SHOWN;
      /* Translators: a row over the latest entries of a case's history */
      title = g_strdup_printf (ngettext ("Show %u Earlier Entry", "Show %u Earlier Entries", first), first);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (more), gtk_image_new_from_icon_name ("go-down-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (more), TRUE);
      g_signal_connect_object (more, "activated", G_CALLBACK (show_all_history_cb), self, G_CONNECT_SWAPPED);
      concord_ui_group_add (self->history_group, self->history_rows, more);
    }

  for (guint i = first; i < entries->len; i++)
    {
      const ConcordAuditEntry *e = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = concord_ui_format_time (e->at);
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE); /* names are text, not markup */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), concord_audit_action_label (e->action));
      /* Translators: when and by whom, e.g. "2026-11-23 14:30 · wangli" */
      subtitle = g_strdup_printf (_("%s · %s"), when, actor_name (members, e->actor));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* What was said in a session (an outcome, an amount) is not
       * repeated here: privacy mode hides it in the record. */
      if (!concord_text_is_blank (e->detail) && !is_session_action (e->action))
        gtk_widget_set_tooltip_text (row, e->detail);
      concord_ui_group_add (self->history_group, self->history_rows, row);
    }
}

static void
show_conflicts (ConcordCaseView *self)
{
  g_autoptr(GPtrArray) conflicts = concord_case_find_conflicts (self->c);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->conflicts_list)) != NULL)
    gtk_box_remove (GTK_BOX (self->conflicts_list), child);

  for (guint i = 0; i < conflicts->len; i++)
    {
      const ConcordConflict *conflict = g_ptr_array_index (conflicts, i);
      GtkWidget *label = gtk_label_new (conflict->message);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (self->conflicts_list), label);
    }
  gtk_widget_set_visible (self->conflicts_box, conflicts->len > 0);
}

static void
show_case_group (ConcordCaseView *self)
{
  ConcordCase *c = self->c;
  ConcordStore *store = concord_context_get_store (self->context);
  g_autofree char *category = NULL;
  g_autofree char *occurred = NULL;
  g_autofree char *received = NULL;
  g_autofree char *due = NULL;

  concord_ui_group_clear (self->case_group, self->case_rows);

  if (c->category != NULL)
    category = concord_store_dup_category_label (store, c->category);
  occurred = concord_ui_format_time (c->occurred_at);
  received = concord_ui_format_time (c->received_at);
  if (!concord_stage_is_final (c->stage))
    due = concord_ui_format_time (c->due_at);

  concord_ui_group_add_property (self->case_group, self->case_rows, _("Source"), concord_source_label (c->source));
  concord_ui_group_add_property (self->case_group, self->case_rows, _("Referred by"), c->referred_by);
  concord_ui_group_add_property (self->case_group, self->case_rows, _("Police incident number"), c->incident_no);
  concord_ui_group_add_property (self->case_group, self->case_rows, _("Time of the dispute"), occurred);
  concord_ui_group_add_property (self->case_group, self->case_rows, _("Place"), c->place);
  concord_ui_group_add_property (self->case_group, self->case_rows, _("Category"), category);
  concord_ui_group_add_property (self->case_group, self->case_rows, _("Type of mediation"),
                concord_mediation_type_label (c->mediation_type));
  concord_ui_group_add_property (self->case_group, self->case_rows, _("Received"), received);
  concord_ui_group_add_property (self->case_group, self->case_rows, _("Due"), due);
  /* A decision that ended the case has its reason under the path. */
  if (!concord_stage_is_final (c->stage))
    concord_ui_group_add_property (self->case_group, self->case_rows, _("Reason of the last decision"), c->stage_reason);
}

/* What a button or menu item that moves a case from @from to @to says. */
static const char *
move_label (ConcordStage from,
            ConcordStage to)
{
  switch (to)
    {
    case CONCORD_STAGE_ACCEPTED:
      return _("_Accept");
    case CONCORD_STAGE_BACK_TO_BACK:
      if (from == CONCORD_STAGE_ACCEPTED)
        /* Translators: a button that moves a case to the stage of
         * back-to-back talks (背靠背), one side at a time */
        return _("Start Back-to-Back Sessions");
      /* Translators: back from joint sessions or drafting to talks with one side at a time */
      return _("Back to Back-to-Back Sessions");
    case CONCORD_STAGE_FACE_TO_FACE:
      if (from == CONCORD_STAGE_DRAFTING)
        return _("Back to Face-to-Face Session");
      /* Translators: a button that moves a case to a joint session (面对面) */
      return _("Start Face-to-Face Session");
    case CONCORD_STAGE_DRAFTING:
      if (from == CONCORD_STAGE_REVIEW)
        /* Translators: the lawyer sends the agreement back with comments; asks for them */
        return _("Send Back to Drafting…");
      if (from == CONCORD_STAGE_SIGNING)
        /* Translators: a menu item at signing: a party wants a change; asks what */
        return _("Change the Agreement…");
      /* Translators: a button that starts drafting the agreement (协议起草) */
      return _("Start Drafting");
    case CONCORD_STAGE_REVIEW:
      /* Translators: a button: the drafted agreement goes to the lawyer (法律审核) */
      return _("Send to Legal Review");
    case CONCORD_STAGE_SIGNING:
      if (from == CONCORD_STAGE_DRAFTING)
        /* Translators: a button when the station does not require the
         * lawyer's review: the complete agreement goes to signing */
        return _("Send for Signing");
      /* Translators: a button: the lawyer approves the agreement, which goes to signing */
      return _("Approve for Signing");
    case CONCORD_STAGE_FOLLOW_UP:
      /* Translators: a button: every party has signed; visits and calls (回访) follow */
      return _("Signed: Start Follow-Up");
    case CONCORD_STAGE_CLOSED:
      /* Translators: a button that closes (结案) a case */
      return _("Close Case");
    case CONCORD_STAGE_NOT_ACCEPTED:
      return _("_Do Not Accept…");
    case CONCORD_STAGE_FAILED:
      /* Translators: a menu item: mediation failed (调解不成); asks for the reason */
      return _("Mediation Failed…");
    case CONCORD_STAGE_WITHDRAWN:
      /* Translators: a menu item: the applicant withdrew (撤回); asks for the reason */
      return _("Withdrawn…");
    case CONCORD_STAGE_RECEIVED:
    case CONCORD_N_STAGES:
    default:
      return concord_stage_label (to);
    }
}

/* Whether @to is the next step of the path from @from rather than a step
 * back or a side exit. */
static gboolean
moves_forward (ConcordStage from,
               ConcordStage to)
{
  if (concord_stage_move_needs_reason (from, to))
    return FALSE;
  if (to == CONCORD_STAGE_CLOSED)
    return TRUE;
  return to > from && to < CONCORD_STAGE_CLOSED;
}

/* The next step of the path as the suggested button, the other moves in
 * the menu next to it; a received case keeps its Accept and Do Not Accept
 * buttons. */
static void
show_move_buttons (ConcordCaseView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  const ConcordStage *next = NULL;
  ConcordStage from;
  guint n = 0;
  gboolean have_next = FALSE;
  gboolean review_required = TRUE;

  if (self->c != NULL)
    {
      review_required = concord_store_review_required (concord_context_get_store (self->context));
      from = self->c->stage;
      next = concord_stage_next_moves (from, &n);
    }
  else
    from = CONCORD_STAGE_RECEIVED;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (from == CONCORD_STAGE_RECEIVED &&
          (next[i] == CONCORD_STAGE_ACCEPTED || next[i] == CONCORD_STAGE_NOT_ACCEPTED))
        continue;
      /* The agreement goes on to review, or straight to signing when the
       * station does not require review; the lawyer decides in the review
       * pane. */
      if (from == CONCORD_STAGE_DRAFTING && next[i] == (review_required ? CONCORD_STAGE_SIGNING : CONCORD_STAGE_REVIEW))
        continue;
      if (from == CONCORD_STAGE_REVIEW &&
          (next[i] == CONCORD_STAGE_SIGNING || next[i] == CONCORD_STAGE_DRAFTING))
        continue;
      if (!have_next && moves_forward (from, next[i]))
        {
          gboolean ready = TRUE;

          /* Follow-up begins once everyone has signed. */
          if (from == CONCORD_STAGE_SIGNING && next[i] == CONCORD_STAGE_FOLLOW_UP)
            {
              g_autoptr(ConcordSigning) signing =
                concord_store_load_signing (concord_context_get_store (self->context), self->c->id, NULL);

              ready = signing == NULL || signing->locked_at != NULL;
            }
          gtk_widget_set_tooltip_text (self->move_button,
                                       ready ? NULL : _("Every signer must sign first: on screen, or on paper "
                                                        "recorded in the signing pane."));
          gtk_button_set_label (GTK_BUTTON (self->move_button), move_label (from, next[i]));
          gtk_actionable_set_action_target (GTK_ACTIONABLE (self->move_button), "i", (gint32) next[i]);
          /* The action decides the button's sensitivity while it is set. */
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->move_button), ready ? "case.move" : NULL);
          gtk_widget_set_sensitive (self->move_button, ready);
          have_next = TRUE;
          continue;
        }
      item = g_menu_item_new (move_label (from, next[i]), NULL);
      g_menu_item_set_action_and_target_value (item, "case.move", g_variant_new_int32 (next[i]));
      g_menu_append_item (menu, item);
    }

  gtk_widget_set_visible (self->move_button, have_next);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->other_moves_button), G_MENU_MODEL (menu));
  gtk_widget_set_visible (self->other_moves_button, g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
}

/* The recorded moves under the path: date, from → to, who, why. */
static void show_stage_moves (ConcordCaseView *self,
                              GPtrArray       *moves);

static void
show_all_moves_cb (ConcordCaseView *self)
{
  g_autoptr(GPtrArray) moves = NULL;

  self->all_moves = TRUE;
  moves = concord_store_list_stage_moves (concord_context_get_store (self->context), self->c->id, NULL);
  show_stage_moves (self, moves);
}

static void
show_stage_moves (ConcordCaseView *self,
                  GPtrArray       *moves)
{
  g_autoptr(GPtrArray) members = NULL;
  GtkWidget *child;
  guint first;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->moves_grid))) != NULL)
    gtk_grid_remove (self->moves_grid, child);

  if (moves == NULL || moves->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->moves_grid), FALSE);
      return;
    }
  members = concord_store_list_members (concord_context_get_store (self->context), NULL);

  /* Back and forth between the session stages for months: the latest
   * moves, and a button for the others. */
  first = 0;
  if (!self->all_moves && moves->len > MOVES_SHOWN + MOVES_SHOWN / 2)
    {
      g_autofree char *title = NULL;
      GtkWidget *more;

      first = moves->len - MOVES_SHOWN;
      /* Translators: a button over the latest moves of a case between stages */
      title = g_strdup_printf (ngettext ("Show %u Earlier Move", "Show %u Earlier Moves", first), first);
      more = gtk_button_new_with_label (title);
      gtk_widget_set_halign (more, GTK_ALIGN_START);
      gtk_widget_add_css_class (more, "flat");
      gtk_widget_add_css_class (more, "caption");
      g_signal_connect_object (more, "clicked", G_CALLBACK (show_all_moves_cb), self, G_CONNECT_SWAPPED);
      gtk_grid_attach (self->moves_grid, more, 0, row++, 4, 1);
    }

  for (guint i = first; i < moves->len; i++)
    {
      const ConcordStageMove *move = g_ptr_array_index (moves, i);
      g_autofree char *when = concord_ui_format_time (move->at);
      g_autofree char *what = NULL;
      GtkWidget *label;

      if (move->to_stage < 0 || move->to_stage >= CONCORD_N_STAGES)
        continue;
      if (move->from_stage >= 0 && move->from_stage < CONCORD_N_STAGES)
        /* Translators: a move of a case from one stage to another, e.g. "Accepted → Back-to-back" */
        what = g_strdup_printf (_("%s → %s"), concord_stage_label (move->from_stage),
                                concord_stage_label (move->to_stage));
      else
        what = g_strdup (concord_stage_label (move->to_stage));

      label = gtk_label_new (when);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (self->moves_grid, label, 0, row, 1, 1);

      label = gtk_label_new (what);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "move");
      gtk_grid_attach (self->moves_grid, label, 1, row, 1, 1);

      label = gtk_label_new (actor_name (members, move->actor));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (self->moves_grid, label, 2, row, 1, 1);

      label = gtk_label_new (move->reason != NULL ? move->reason : "");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_visible (label, !concord_text_is_blank (move->reason));
      gtk_grid_attach (self->moves_grid, label, 3, row, 1, 1);
      row++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->moves_grid), row > 0);
}

static gboolean
in_session_stage (ConcordCaseView *self)
{
  return self->c != NULL &&
         (self->c->stage == CONCORD_STAGE_BACK_TO_BACK ||
          self->c->stage == CONCORD_STAGE_FACE_TO_FACE);
}

static void
update_actions (ConcordCaseView *self)
{
  gboolean have_case = self->c != NULL;
  gboolean received = have_case && self->c->stage == CONCORD_STAGE_RECEIVED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.accept", received);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.reject", received);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.edit", have_case);
  gtk_widget_set_visible (self->accept_button, received);
  gtk_widget_set_visible (self->reject_button, received);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.move",
                                 have_case && self->c->stage != CONCORD_STAGE_CLOSED);
  show_move_buttons (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.start-session", in_session_stage (self));
  gtk_widget_set_visible (self->session_button, in_session_stage (self));
}

/* The agreement: its editor while drafting, the review pane from legal
 * review on; from signing on the signing pane above it, the approved
 * text below for reading out. */
static void
show_agreement (ConcordCaseView *self)
{
  ConcordStage stage = self->c != NULL ? self->c->stage : CONCORD_STAGE_RECEIVED;
  gboolean drafting = stage == CONCORD_STAGE_DRAFTING;
  gboolean reviewed = stage == CONCORD_STAGE_REVIEW || stage == CONCORD_STAGE_SIGNING ||
                      stage == CONCORD_STAGE_FOLLOW_UP;

  /* A closed case shows its agreement if it had one. */
  if (stage == CONCORD_STAGE_CLOSED && self->c != NULL)
    {
      g_autoptr(ConcordAgreement) agreement =
        concord_store_load_agreement (concord_context_get_store (self->context), self->c->id, 0, NULL);

      reviewed = agreement != NULL;
    }

  if (self->editor == NULL)
    return;
  concord_agreement_editor_set_case (self->editor, drafting ? self->c->id : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->editor), drafting);
  concord_review_pane_set_case (self->review_pane, reviewed ? self->c->id : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->review_pane), reviewed);
  concord_signing_pane_set_case (self->signing_pane, reviewed && stage != CONCORD_STAGE_REVIEW ? self->c->id : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->signing_pane), reviewed && stage != CONCORD_STAGE_REVIEW);
  gtk_widget_set_visible (self->agreement_box, drafting || reviewed);
  /* At signing the signatures are what the room is doing: the agreement
   * comes first, above the case's particulars. */
  {
    GtkWidget *box = gtk_widget_get_parent (self->agreement_box);
    GtkWidget *after = stage == CONCORD_STAGE_SIGNING ? self->conflicts_box : GTK_WIDGET (self->facts_group);

    if (gtk_widget_get_prev_sibling (self->agreement_box) != after)
      gtk_box_reorder_child_after (GTK_BOX (box), self->agreement_box, after);
  }
  /* In review the pane shows the facts beside the agreement. */
  gtk_widget_set_visible (GTK_WIDGET (self->facts_group), stage != CONCORD_STAGE_REVIEW);
}

static void
show (ConcordCaseView *self)
{
  ConcordCase *c = self->c;
  g_autofree char *parties = NULL;
  g_autofree char *due = NULL;

  g_assert (c != NULL);

  gtk_label_set_text (self->title_label,
                      !concord_text_is_blank (c->case_no) ? c->case_no : _("Unnumbered"));
  parties = concord_case_dup_party_names (c);
  gtk_label_set_text (self->parties_label, parties);
  gtk_widget_set_visible (GTK_WIDGET (self->parties_label), *parties != '\0');

  gtk_label_set_text (self->stage_label, concord_stage_label (c->stage));
  if (c->stage == CONCORD_STAGE_NOT_ACCEPTED ||
      c->stage == CONCORD_STAGE_FAILED ||
      c->stage == CONCORD_STAGE_WITHDRAWN)
    gtk_widget_add_css_class (GTK_WIDGET (self->stage_label), "exit");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->stage_label), "exit");

  due = format_due (c, awaits_police_second_session (self));
  gtk_label_set_text (self->due_label, due != NULL ? due : "");
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), case_is_overdue (c));

  {
    g_autoptr(GPtrArray) moves = NULL;
    g_autoptr(GError) error = NULL;
    int left_from = -1, exit_stage = -1;

    moves = concord_store_list_stage_moves (concord_context_get_store (self->context), c->id, &error);
    if (moves == NULL)
      g_warning ("Could not read the stage moves of case %" G_GINT64_FORMAT ": %s",
                 c->id, error->message);
    concord_stage_path_find_exit (moves, &left_from, &exit_stage);
    concord_stage_path_set_path (self->stage_path, c->stage, left_from, exit_stage);
    show_stage_moves (self, moves);
  }

  /* The reason of a decision that ended the case stands out under the path. */
  if (!concord_text_is_blank (c->stage_reason) && concord_stage_is_final (c->stage))
    {
      const char *title;

      switch (c->stage)
        {
        case CONCORD_STAGE_NOT_ACCEPTED:
          title = _("Not accepted, because:");
          break;
        case CONCORD_STAGE_FAILED:
          title = _("Mediation failed, because:");
          break;
        case CONCORD_STAGE_WITHDRAWN:
          title = _("Withdrawn, because:");
          break;
        case CONCORD_STAGE_CLOSED:
        default:
          title = _("Reason of the last decision:");
          break;
        }
      gtk_label_set_text (self->reason_title, title);
      gtk_label_set_text (self->reason_label, c->stage_reason);
      gtk_widget_set_visible (self->reason_box, TRUE);
    }
  else
    gtk_widget_set_visible (self->reason_box, FALSE);

  show_conflicts (self);
  show_case_group (self);

  gtk_label_set_text (self->facts_label,
                      !concord_text_is_blank (c->facts) ? c->facts : _("No facts recorded yet."));
  if (concord_text_is_blank (c->facts))
    gtk_widget_add_css_class (GTK_WIDGET (self->facts_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->facts_label), "dim-label");

  show_agreement (self);

  if (self->record != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!concord_case_record_show_case (self->record, c, &error))
        g_warning ("Could not show the record of case %" G_GINT64_FORMAT ": %s", c->id, error->message);
    }

  show_parties (self);
  show_team (self);
  show_history (self);
  update_actions (self);
}

static void
changed (ConcordCaseView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->c->id;

  if (!concord_case_view_reload (self, &error))
    concord_ui_show_message (concord_ui_get_window (GTK_WIDGET (self)),
                             _("Could Not Show the Case"), error->message);
  g_signal_emit (self, signals[CASE_CHANGED], 0, id);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConcordCaseView *self = CONCORD_CASE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->c != NULL);

  if (!concord_store_decide_case (concord_context_get_store (self->context),
                                  self->c->id, TRUE, NULL,
                                  concord_context_get_username (self->context),
                                  &error))
    {
      concord_ui_show_message (concord_ui_get_window (GTK_WIDGET (self)),
                               _("Could Not Accept the Case"), error->message);
      return;
    }
  changed (self);
}

static AdwMessageDialog *open_reason_dialog (ConcordCaseView *self,
                                             ConcordStage     to,
                                             const char      *reason);

/* The response that moves the case in a reason dialog. */
static const char *
reason_response (ConcordStage to)
{
  return to == CONCORD_STAGE_NOT_ACCEPTED ? "reject" : "move";
}

static void
reason_changed_cb (GtkTextBuffer    *buffer,
                   AdwMessageDialog *dialog)
{
  ConcordStage to = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "to"));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  adw_message_dialog_set_response_enabled (dialog, reason_response (to), !concord_text_is_blank (text));
}

/* Moves the shown case to @to; deciding acceptance records it as such. */
static gboolean
move_case (ConcordCaseView *self,
           ConcordStage     to,
           const char      *reason,
           GError         **error)
{
  ConcordStore *store = concord_context_get_store (self->context);
  const char *username = concord_context_get_username (self->context);

  if (self->c->stage == CONCORD_STAGE_RECEIVED &&
      (to == CONCORD_STAGE_ACCEPTED || to == CONCORD_STAGE_NOT_ACCEPTED))
    return concord_store_decide_case (store, self->c->id, to == CONCORD_STAGE_ACCEPTED,
                                      reason, username, error);
  /* The agreement goes on through its editor (which saves it, checks it
   * and shows what is missing) and the lawyer's decision. */
  if (self->c->stage == CONCORD_STAGE_DRAFTING &&
      (to == CONCORD_STAGE_REVIEW || to == CONCORD_STAGE_SIGNING))
    return concord_agreement_editor_submit (self->editor, error);
  if (self->c->stage == CONCORD_STAGE_REVIEW &&
      (to == CONCORD_STAGE_SIGNING || to == CONCORD_STAGE_DRAFTING))
    return concord_store_review_agreement (store, self->c->id, to == CONCORD_STAGE_SIGNING, reason, username,
                                           error);
  return concord_store_move_stage (store, self->c->id, to, reason, username, error);
}

static const char *
move_error_heading (ConcordStage to)
{
  if (to == CONCORD_STAGE_ACCEPTED)
    return _("Could Not Accept the Case");
  if (to == CONCORD_STAGE_NOT_ACCEPTED)
    return _("Could Not Record the Decision");
  if (to == CONCORD_STAGE_REVIEW)
    /* Translators: heading of the message when the agreement could not go to the lawyer */
    return _("Could Not Send to Legal Review");
  /* Translators: heading of a message when moving a case to another stage failed */
  return _("Could Not Change the Stage");
}

static void
reason_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ConcordCaseView  *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "reason-view");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "case-id"));
  ConcordStage to = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "to"));
  AdwMessageDialog *again;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, reason_response (to)) != 0)
    return;

  reason = g_strstrip (concord_ui_text_view_dup_text (view));
  if (concord_text_is_blank (reason) || self->c == NULL || self->c->id != id)
    return;

  if (!move_case (self, to, reason, &error))
    {
      /* Moved meanwhile at another desk: the view shows where. */
      if (g_error_matches (error, CONCORD_ERROR, CONCORD_ERROR_STAGE))
        {
          concord_ui_show_message (concord_ui_get_window (GTK_WIDGET (self)), move_error_heading (to), error->message);
          changed (self);
          return;
        }
      /* Otherwise the reason is not lost: it is there to try again. */
      again = open_reason_dialog (self, to, reason);
      concord_ui_show_message (GTK_WINDOW (again), move_error_heading (to), error->message);
      return;
    }
  changed (self);
}

/* Asks for the reason of a move to @to, @reason already typed when given. */
static AdwMessageDialog *
open_reason_dialog (ConcordCaseView *self,
                    ConcordStage     to,
                    const char      *reason)
{
  AdwMessageDialog *dialog;
  GtkWidget *box, *label, *scroller, *view;
  const char *heading, *body, *response_label;
  AdwResponseAppearance appearance = ADW_RESPONSE_DESTRUCTIVE;

  body = _("The reason is kept with the case and shown to everyone who opens it.");
  switch (to)
    {
    case CONCORD_STAGE_NOT_ACCEPTED:
      heading = _("Do Not Accept This Case?");
      response_label = _("_Do Not Accept");
      break;
    case CONCORD_STAGE_FAILED:
      /* Translators: heading of the dialog that ends a mediation as failed (调解不成) */
      heading = _("Record the Mediation as Failed?");
      response_label = _("Mediation _Failed");
      break;
    case CONCORD_STAGE_WITHDRAWN:
      /* Translators: heading of the dialog that records that the case was withdrawn (撤回) */
      heading = _("Record the Case as Withdrawn?");
      response_label = _("_Withdrawn");
      break;
    case CONCORD_STAGE_DRAFTING:
      if (self->c != NULL && self->c->stage == CONCORD_STAGE_SIGNING)
        {
          /* Translators: heading of the dialog that takes an agreement back from signing */
          heading = _("Change the Agreement Before Signing?");
          body = _("Say what must change. The signatures given so far stay with this version; the changed "
                   "agreement is a new version, checked and signed again.");
          response_label = _("_Back to Drafting");
          break;
        }
      G_GNUC_FALLTHROUGH;
    default:
      /* Translators: heading of the dialog in which the lawyer sends the agreement back */
      heading = _("Send the Agreement Back to Drafting?");
      body = _("Say what must change. The comments are kept with the case.");
      response_label = _("_Send Back");
      appearance = ADW_RESPONSE_SUGGESTED;
      break;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (concord_ui_get_window (GTK_WIDGET (self)), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    reason_response (to), response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, reason_response (to), appearance);
  adw_message_dialog_set_response_enabled (dialog, reason_response (to), FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Reason (required)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_add_css_class (scroller, "reason-entry");
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                  -1);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_message_dialog_set_extra_child (dialog, box);

  g_object_set_data (G_OBJECT (dialog), "reason-view", view);
  g_object_set_data (G_OBJECT (dialog), "case-id", GSIZE_TO_POINTER ((gsize) self->c->id));
  g_object_set_data (G_OBJECT (dialog), "to", GINT_TO_POINTER (to));
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (reason_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reason_response_cb), self, 0);
  if (reason != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), reason, -1);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
  return dialog;
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConcordCaseView *self = CONCORD_CASE_VIEW (widget);

  g_return_if_fail (self->c != NULL);

  open_reason_dialog (self, CONCORD_STAGE_NOT_ACCEPTED, NULL);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConcordCaseView *self = CONCORD_CASE_VIEW (widget);
  int to = g_variant_get_int32 (parameter);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->c != NULL);
  g_return_if_fail (to >= 0 && to < CONCORD_N_STAGES);

  if (to == CONCORD_STAGE_FAILED)
    {
      ConcordFailDialog *dialog = concord_fail_dialog_new (concord_ui_get_window (GTK_WIDGET (self)), self->context, self->c);

      g_signal_connect_object (dialog, "failed", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (concord_stage_move_needs_reason (self->c->stage, to))
    {
      open_reason_dialog (self, to, NULL);
      return;
    }
  if (!move_case (self, to, NULL, &error))
    {
      concord_ui_show_message (concord_ui_get_window (GTK_WIDGET (self)), move_error_heading (to), error->message);
      /* Moved meanwhile at another desk: show where it is now. */
      if (g_error_matches (error, CONCORD_ERROR, CONCORD_ERROR_STAGE))
        changed (self);
      return;
    }
  changed (self);
}

static void
intake_saved_cb (ConcordIntakeDialog *dialog,
                 gint64               case_id,
                 ConcordCaseView     *self)
{
  if (self->c == NULL || self->c->id != case_id)
    return;
  changed (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConcordCaseView *self = CONCORD_CASE_VIEW (widget);
  ConcordIntakeDialog *dialog;

  g_return_if_fail (self->c != NULL);

  dialog = concord_intake_dialog_new (self->context, concord_ui_get_window (GTK_WIDGET (self)), self->c);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (intake_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A problem of the agreement whose place is the case's form or the
 * station's settings. */
static void
open_target_cb (ConcordCaseView *self,
                const char      *target)
{
  ConcordIntakeDialog *dialog;
  g_autofree char *path = NULL;

  g_return_if_fail (self->c != NULL);

  if (g_str_has_prefix (target, "setting:"))
    {
      GtkWindow *window = concord_ui_get_window (GTK_WIDGET (self));
      ConcordPreferencesWindow *preferences =
        CONCORD_PREFERENCES_WINDOW (concord_preferences_window_new (self->context, window));

      concord_preferences_window_focus_setting (preferences, target + strlen ("setting:"));
      gtk_window_present (GTK_WINDOW (preferences));
      return;
    }
  if (g_str_has_prefix (target, "party:"))
    {
      gint64 id = g_ascii_strtoll (target + strlen ("party:"), NULL, 10);

      for (guint i = 0; i < self->c->parties->len; i++)
        if (((ConcordParty *) g_ptr_array_index (self->c->parties, i))->id == id)
          path = g_strdup_printf ("party/%u/name", i);
    }
  else if (g_str_equal (target, "team"))
    path = g_strdup ("team");
  else if (g_str_equal (target, "case:occurred-at"))
    path = g_strdup ("occurred_at");
  else if (g_str_equal (target, "case:police-screening"))
    path = g_strdup ("police_screening");
  else if (g_str_has_prefix (target, "case:"))
    path = g_strdup (target + strlen ("case:"));

  dialog = concord_intake_dialog_new (self->context, concord_ui_get_window (GTK_WIDGET (self)), self->c);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (intake_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  if (path != NULL)
    concord_intake_dialog_focus_field (dialog, path);
}

static void
concord_case_view_dispose (GObject *object)
{
  ConcordCaseView *self = CONCORD_CASE_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_CASE_VIEW);
  /* The template's top box has no id: unparent what is left. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->c, concord_case_unref);
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  self->record = NULL;
  self->editor = NULL;
  self->review_pane = NULL;
  self->signing_pane = NULL;

  G_OBJECT_CLASS (concord_case_view_parent_class)->dispose (object);
}

static void
concord_case_view_finalize (GObject *object)
{
  ConcordCaseView *self = CONCORD_CASE_VIEW (object);

  g_clear_pointer (&self->case_rows, g_ptr_array_unref);
  g_clear_pointer (&self->team_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (concord_case_view_parent_class)->finalize (object);
}

static void
concord_case_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ConcordCaseView *self = CONCORD_CASE_VIEW (object);

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
concord_case_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ConcordCaseView *self = CONCORD_CASE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      concord_case_view_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Starting a session */

static void
session_kind_changed_cb (GtkDropDown *kind_dropdown,
                         GParamSpec  *pspec,
                         GtkWidget   *party_box)
{
  gtk_widget_set_visible (party_box,
                          gtk_drop_down_get_selected (kind_dropdown) == CONCORD_SESSION_BACK_TO_BACK);
}

static void
start_session_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           ConcordCaseView  *self)
{
  GtkDropDown *kind_dropdown = g_object_get_data (G_OBJECT (dialog), "kind-dropdown");
  GtkDropDown *party_dropdown = g_object_get_data (G_OBJECT (dialog), "party-dropdown");
  GtkEditable *room_entry = g_object_get_data (G_OBJECT (dialog), "room-entry");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "case-id"));
  ConcordSessionKind kind;
  gint64 party_id = 0;
  guint party;
  ConcordSessionWindow *window;
  GtkRoot *root;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "start") != 0 || self->c == NULL || self->c->id != id)
    return;

  kind = gtk_drop_down_get_selected (kind_dropdown) == CONCORD_SESSION_FACE_TO_FACE
         ? CONCORD_SESSION_FACE_TO_FACE : CONCORD_SESSION_BACK_TO_BACK;
  party = gtk_drop_down_get_selected (party_dropdown);
  if (kind == CONCORD_SESSION_BACK_TO_BACK)
    {
      if (party >= self->c->parties->len)
        return;
      party_id = ((ConcordParty *) g_ptr_array_index (self->c->parties, party))->id;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = concord_session_window_start (GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL,
                                         self->context, self->c, kind,
                                         gtk_editable_get_text (room_entry), party_id, &error);
  if (window == NULL)
    {
      concord_ui_show_message (concord_ui_get_window (GTK_WIDGET (self)), _("Could Not Start the Session"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

static GtkWidget *
labelled (const char *mnemonic,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static void
start_session_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ConcordCaseView *self = CONCORD_CASE_VIEW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *box, *kind_dropdown, *party_dropdown, *party_box, *room_entry;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) parties = gtk_string_list_new (NULL);

  if (!in_session_stage (self))
    return;

  for (int k = 0; k < CONCORD_N_SESSION_KINDS; k++)
    gtk_string_list_append (kinds, concord_session_kind_label (k));
  for (guint i = 0; i < self->c->parties->len; i++)
    {
      const ConcordParty *p = g_ptr_array_index (self->c->parties, i);
      /* Translators: a party in the list of whom a back-to-back session is
       * with: name and role, e.g. "张某（申请人）" */
      g_autofree char *item = g_strdup_printf (_("%s (%s)"), p->name, concord_party_role_label (p->role));

      gtk_string_list_append (parties, item);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (concord_ui_get_window (GTK_WIDGET (self)), _("Start a Session?"),
                                                       _("The notes are saved as they are typed.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: response of the dialog that starts a session */
                                    "start", _("_Start"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "start");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "start", self->c->parties->len > 0);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  kind_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind_dropdown),
                              self->c->stage == CONCORD_STAGE_FACE_TO_FACE
                              ? CONCORD_SESSION_FACE_TO_FACE : CONCORD_SESSION_BACK_TO_BACK);
  gtk_box_append (GTK_BOX (box), labelled (_("_Kind"), kind_dropdown));
  party_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (parties)), NULL);
  party_box = labelled (_("_With party"), party_dropdown);
  gtk_box_append (GTK_BOX (box), party_box);
  room_entry = gtk_entry_new ();
  /* Translators: placeholder of the room of a session */
  gtk_entry_set_placeholder_text (GTK_ENTRY (room_entry), _("e.g. Mediation room 2"));
  gtk_entry_set_activates_default (GTK_ENTRY (room_entry), TRUE);
  gtk_box_append (GTK_BOX (box), labelled (_("_Room"), room_entry));
  adw_message_dialog_set_extra_child (dialog, box);

  g_signal_connect_object (kind_dropdown, "notify::selected",
                           G_CALLBACK (session_kind_changed_cb), party_box, 0);
  session_kind_changed_cb (GTK_DROP_DOWN (kind_dropdown), NULL, party_box);

  g_object_set_data (G_OBJECT (dialog), "kind-dropdown", kind_dropdown);
  g_object_set_data (G_OBJECT (dialog), "party-dropdown", party_dropdown);
  g_object_set_data (G_OBJECT (dialog), "room-entry", room_entry);
  g_object_set_data (G_OBJECT (dialog), "case-id", GSIZE_TO_POINTER ((gsize) self->c->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (start_session_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
concord_case_view_class_init (ConcordCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_case_view_dispose;
  object_class->finalize = concord_case_view_finalize;
  object_class->get_property = concord_case_view_get_property;
  object_class->set_property = concord_case_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CONCORD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CASE_CHANGED] =
    g_signal_new ("case-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /* "open-case" (gint64 case_id): the person asked to see another case
   * (a linked earlier case). */
  signals[OPEN_CASE] =
    g_signal_new ("open-case",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CONCORD_TYPE_STAGE_PATH);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, scroller);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, parties_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, stage_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, due_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, stage_path);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, reason_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, reason_title);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, reason_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, accept_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, reject_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, move_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, session_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, other_moves_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, moves_grid);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, case_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, facts_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, facts_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, record_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, agreement_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, parties_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, team_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseView, history_group);

  gtk_widget_class_install_action (widget_class, "case.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "case.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "case.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "case.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "case.start-session", NULL, start_session_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "case.start-session", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "caseview");
}

static void
concord_case_view_init (ConcordCaseView *self)
{
  self->case_rows = g_ptr_array_new ();
  self->team_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

static void
open_case_cb (ConcordCaseView *self,
              gint64           id)
{
  g_signal_emit (self, signals[OPEN_CASE], 0, id);
}

static gboolean
reload_idle_cb (gpointer data)
{
  ConcordCaseView *self = data;

  self->reload_idle = 0;
  if (self->c != NULL)
    changed (self);
  return G_SOURCE_REMOVE;
}

/* Another window (a session, a dialog of the record) changed a case: the
 * shown one is read again once that window's handler has returned. */
static void
context_case_changed_cb (ConcordCaseView *self,
                         gint64           id)
{
  if (self->c == NULL || self->c->id != id || self->reload_idle != 0)
    return;
  /* Before the next frame: drawing a busy page must not hold it back. */
  self->reload_idle = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

GtkWidget *
concord_case_view_new (ConcordContext *context)
{
  g_return_val_if_fail (context == NULL || CONCORD_IS_CONTEXT (context), NULL);

  return g_object_new (CONCORD_TYPE_CASE_VIEW, "context", context, NULL);
}

void
concord_case_view_set_context (ConcordCaseView *self,
                               ConcordContext  *context)
{
  g_return_if_fail (CONCORD_IS_CASE_VIEW (self));
  g_return_if_fail (context == NULL || CONCORD_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  if (self->record != NULL)
    {
      gtk_box_remove (GTK_BOX (self->record_box), GTK_WIDGET (self->record));
      self->record = NULL;
    }
  if (self->editor != NULL)
    {
      concord_agreement_editor_flush (self->editor);
      gtk_box_remove (GTK_BOX (self->agreement_box), GTK_WIDGET (self->editor));
      gtk_box_remove (GTK_BOX (self->agreement_box), GTK_WIDGET (self->signing_pane));
      gtk_box_remove (GTK_BOX (self->agreement_box), GTK_WIDGET (self->review_pane));
      self->editor = NULL;
      self->signing_pane = NULL;
      self->review_pane = NULL;
    }
  g_set_object (&self->context, context);
  if (context != NULL)
    {
      self->editor = CONCORD_AGREEMENT_EDITOR (concord_agreement_editor_new (context));
      self->review_pane = CONCORD_REVIEW_PANE (concord_review_pane_new (context));
      self->signing_pane = CONCORD_SIGNING_PANE (concord_signing_pane_new (context));
      gtk_box_append (GTK_BOX (self->agreement_box), GTK_WIDGET (self->editor));
      gtk_box_append (GTK_BOX (self->agreement_box), GTK_WIDGET (self->signing_pane));
      gtk_box_append (GTK_BOX (self->agreement_box), GTK_WIDGET (self->review_pane));
      g_signal_connect_object (self->editor, "open-target", G_CALLBACK (open_target_cb), self,
                               G_CONNECT_SWAPPED);
      self->record = CONCORD_CASE_RECORD (concord_case_record_new (context));
      gtk_box_append (GTK_BOX (self->record_box), GTK_WIDGET (self->record));
      g_signal_connect_object (self->record, "open-case", G_CALLBACK (open_case_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "case-changed", G_CALLBACK (context_case_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  concord_case_view_clear (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

ConcordContext *
concord_case_view_get_context (ConcordCaseView *self)
{
  g_return_val_if_fail (CONCORD_IS_CASE_VIEW (self), NULL);
  return self->context;
}

gboolean
concord_case_view_show_case (ConcordCaseView *self,
                             gint64           id,
                             GError         **error)
{
  g_autoptr(ConcordCase) c = NULL;
  gboolean same;

  g_return_val_if_fail (CONCORD_IS_CASE_VIEW (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);
  g_return_val_if_fail (id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  c = concord_store_load_case (concord_context_get_store (self->context), id, error);
  if (c == NULL)
    return FALSE;

  same = self->c != NULL && self->c->id == id;
  if (!same)
    self->all_moves = self->all_history = FALSE;
  g_clear_pointer (&self->c, concord_case_unref);
  self->c = g_steal_pointer (&c);
  show (self);

  /* A different case starts at the top; the same one keeps its place. */
  if (!same)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

gboolean
concord_case_view_reload (ConcordCaseView *self,
                          GError         **error)
{
  g_return_val_if_fail (CONCORD_IS_CASE_VIEW (self), FALSE);

  if (self->c == NULL)
    return TRUE;
  return concord_case_view_show_case (self, self->c->id, error);
}

void
concord_case_view_clear (ConcordCaseView *self)
{
  g_return_if_fail (CONCORD_IS_CASE_VIEW (self));

  g_clear_pointer (&self->c, concord_case_unref);
  if (self->record != NULL)
    concord_case_record_clear (self->record);
  show_agreement (self);
  update_actions (self);
}

gint64
concord_case_view_get_case_id (ConcordCaseView *self)
{
  g_return_val_if_fail (CONCORD_IS_CASE_VIEW (self), 0);
  return self->c != NULL ? self->c->id : 0;
}

ConcordCase *
concord_case_view_get_case (ConcordCaseView *self)
{
  g_return_val_if_fail (CONCORD_IS_CASE_VIEW (self), NULL);
  return self->c;
}
