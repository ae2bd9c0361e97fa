/* concord-review-pane.c
 *
 * Everything the lawyer decides on is read once when a case is shown
 * (the case, its sessions, positions and legal points, the latest
 * version of the agreement, the decisions, comments and citations) and
 * the pane is built from those lists; a change announced by the context
 * reads them again. Comments and citations are shown under the clause
 * they are about; those about something the latest version no longer has
 * are shown with the agreement as a whole, so nothing said is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-review-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "concord-positions-view.h"
#include "concord-session-record.h"
#include "concord-statute-library.h"
#include "concord-ui-util.h"
#include "concord-review-pane.h"

/* A long case shows its latest legal points, and a row for the others. */
#define POINTS_FOLDED_ABOVE 12
#define POINTS_SHOWN_FOLDED 8

/* The two columns: side by side from this width, else one above the
 * other. */
#define COLUMNS_SIDE_BY_SIDE 720
#define COLUMNS_SPACING      24

/* Columns: the case and the agreement side by side, stacked when narrow */

#define CONCORD_TYPE_REVIEW_COLUMNS (concord_review_columns_get_type ())
G_DECLARE_FINAL_TYPE (ConcordReviewColumns, concord_review_columns, CONCORD, REVIEW_COLUMNS, GtkWidget)

struct _ConcordReviewColumns
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (ConcordReviewColumns, concord_review_columns, GTK_TYPE_WIDGET)

static guint
columns_get_children (GtkWidget  *widget,
                      GtkWidget **children)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && n < 2;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      children[n++] = child;
  return n;
}

/* Whether @width holds both children side by side. */
static gboolean
columns_side_by_side (GtkWidget **children,
                      guint       n,
                      int         width)
{
  int half = (width - COLUMNS_SPACING) / 2;

  if (n < 2 || width < COLUMNS_SIDE_BY_SIDE)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      int min = 0;

      gtk_widget_measure (children[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > half)
        return FALSE;
    }
  return TRUE;
}

static void
concord_review_columns_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  GtkWidget *children[2];
  guint n = columns_get_children (widget, children);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      for (guint i = 0; i < n; i++)
        {
          int min = 0, nat = 0;

          gtk_widget_measure (children[i], orientation, -1, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural += nat;
        }
      if (n == 2)
        *natural += COLUMNS_SPACING;
      *natural = MAX (*natural, *minimum);
      return;
    }

  if (for_size >= 0 && columns_side_by_side (children, n, for_size))
    {
      int first = (for_size - COLUMNS_SPACING) / 2;
      int widths[2] = { first, for_size - COLUMNS_SPACING - first };

      for (guint i = 0; i < n; i++)
        {
          int min = 0, nat = 0;

          gtk_widget_measure (children[i], orientation, widths[i], &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      int min = 0, nat = 0;

      gtk_widget_measure (children[i], orientation, for_size, &min, &nat, NULL, NULL);
      *minimum += min;
      *natural += nat;
    }
  if (n == 2)
    {
      *minimum += COLUMNS_SPACING;
      *natural += COLUMNS_SPACING;
    }
}

static void
concord_review_columns_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  GtkWidget *children[2];
  guint n = columns_get_children (widget, children);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  if (n == 0)
    return;
  if (n == 1)
    {
      gtk_widget_allocate (children[0], width, height, -1, NULL);
      return;
    }

  if (columns_side_by_side (children, n, width))
    {
      int first = (width - COLUMNS_SPACING) / 2;
      int second = width - COLUMNS_SPACING - first;
      GtkAllocation a = { rtl ? second + COLUMNS_SPACING : 0, 0, first, height };
      GtkAllocation b = { rtl ? 0 : first + COLUMNS_SPACING, 0, second, height };

      gtk_widget_size_allocate (children[0], &a, -1);
      gtk_widget_size_allocate (children[1], &b, -1);
    }
  else
    {
      int min = 0, nat = 0;
      GtkAllocation a, b;

      gtk_widget_measure (children[0], GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
      a = (GtkAllocation) { 0, 0, width, nat };
      b = (GtkAllocation) { 0, nat + COLUMNS_SPACING, width, MAX (0, height - nat - COLUMNS_SPACING) };
      gtk_widget_size_allocate (children[0], &a, -1);
      gtk_widget_size_allocate (children[1], &b, -1);
    }
}

static GtkSizeRequestMode
concord_review_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
concord_review_columns_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (concord_review_columns_parent_class)->dispose (object);
}

static void
concord_review_columns_class_init (ConcordReviewColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_review_columns_dispose;
  widget_class->measure = concord_review_columns_measure;
  widget_class->size_allocate = concord_review_columns_size_allocate;
  widget_class->get_request_mode = concord_review_columns_get_request_mode;
}

static void
concord_review_columns_init (ConcordReviewColumns *self)
{
}

/* The pane */

struct _ConcordReviewPane
{
  GtkWidget            parent_instance;

  ConcordContext      *context;
  gint64               case_id;
  ConcordCase         *c;
  ConcordAgreement    *agreement;    /* the latest version, or NULL */
  ConcordTemplate     *template;     /* its template, or NULL when unknown */
  GPtrArray           *sessions;     /* of ConcordSession */
  GPtrArray           *positions;    /* of ConcordPosition */
  GPtrArray           *points;       /* of ConcordLegalPoint */
  GPtrArray           *reviews;      /* of ConcordReview */
  GPtrArray           *comments;     /* of ConcordReviewComment */
  GPtrArray           *citations;    /* of ConcordCitation */
  GPtrArray           *members;      /* of ConcordTeamMember */
  GHashTable          *shown_targets; /* targets with a clause on screen */
  gboolean             all_points;
  guint                reload_idle;
  char                *send_back_text; /* typed in Send Back, kept until sent */
  GtkWindow           *library;      /* weak: the library opened from here */

  GPtrArray           *claim_rows;
  GPtrArray           *point_rows;
  GPtrArray           *general_rows;
  GPtrArray           *case_citation_rows;
  GPtrArray           *decision_rows;

  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkWidget           *decision_box;
  GtkLabel            *decision_title;
  GtkWidget           *approve_button;
  GtkWidget           *send_back_button;
  GtkWidget           *status_box;
  GtkLabel            *status_title;
  GtkLabel            *status_body;
  AdwPreferencesGroup *facts_group;
  GtkLabel            *facts_label;
  AdwPreferencesGroup *claims_group;
  AdwPreferencesGroup *positions_group;
  GtkWidget           *case_column;
  GtkWidget           *positions_view;
  AdwPreferencesGroup *points_group;
  GtkLabel            *agreement_title;
  GtkLabel            *agreement_meta;
  GtkWidget           *clauses_box;
  AdwPreferencesGroup *general_group;
  AdwPreferencesGroup *case_citations_group;
  AdwPreferencesGroup *decisions_group;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConcordReviewPane, concord_review_pane, GTK_TYPE_WIDGET)

static void show_all (ConcordReviewPane *self);

/* Helpers */

static gboolean
privacy_on (ConcordReviewPane *self)
{
  return self->context != NULL && concord_context_get_privacy_mode (self->context);
}

/* Comments and citations can be added, and citations removed, only while
 * the lawyer decides. */
static gboolean
editable (ConcordReviewPane *self)
{
  return self->c != NULL && self->agreement != NULL && self->c->stage == CONCORD_STAGE_REVIEW;
}

/* Who did it: the team member whose login it is, else the login. */
static const char *
actor_name (ConcordReviewPane *self,
            const char        *actor)
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

/* "2026-11-23 14:30 · 陈律师" */
static char *
dup_when_who (ConcordReviewPane *self,
              const char        *at,
              const char        *actor)
{
  g_autofree char *when = concord_ui_format_time (at);

  /* Translators: when and by whom, e.g. "2026-11-23 14:30 · wangli" */
  return g_strdup_printf (_("%s · %s"), when, actor_name (self, actor));
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : "");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A row of a group that only shows text: @heading above @text. */
static GtkWidget *
text_row_new (const char *heading,
              const char *text,
              GtkWidget **box_out)
{
  /* A preferences row, or the group would put it outside its list. */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  if (heading != NULL)
    {
      label = wrapped_label (heading, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  if (text != NULL)
    {
      label = wrapped_label (text, NULL);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (box_out != NULL)
    *box_out = box;
  return row;
}

static GtkWidget *
placeholder_row_new (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* What a clause is called in the interface ("Term 1 (money)"). */
static char *
dup_target_label (ConcordReviewPane *self,
                  const char        *target)
{
  if (target == NULL)
    /* Translators: what a citation or comment without a clause is about */
    return g_strdup (_("The case as a whole"));
  if (self->agreement != NULL && self->template != NULL)
    return concord_agreement_target_label (self->agreement, self->template, target);
  return g_strdup (target);
}

/* Whether @target is shown as a clause of the latest version. */
static gboolean
target_shown (ConcordReviewPane *self,
              const char        *target)
{
  return target != NULL && self->shown_targets != NULL &&
         g_hash_table_contains (self->shown_targets, target);
}

/* Comments */

static void
comment_text_changed_cb (GtkTextBuffer *buffer,
                         GtkWidget     *popover)
{
  GtkWidget *add = g_object_get_data (G_OBJECT (popover), "add-button");
  GtkLabel *error_label = g_object_get_data (G_OBJECT (popover), "error-label");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gtk_widget_set_sensitive (add, !concord_text_is_blank (text));
  concord_ui_set_field_error (g_object_get_data (G_OBJECT (popover), "text-view"), error_label, NULL);
}

static void
comment_add_clicked_cb (GtkButton         *button,
                        ConcordReviewPane *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  GtkTextView *view = g_object_get_data (G_OBJECT (popover), "text-view");
  GtkLabel *error_label = g_object_get_data (G_OBJECT (popover), "error-label");
  const char *target = g_object_get_data (G_OBJECT (popover), "target");
  g_autofree char *text = concord_ui_text_view_dup_text (view);
  g_autoptr(GError) error = NULL;
  gint64 case_id = self->case_id;

  g_strstrip (text);
  if (concord_text_is_blank (text) || !editable (self))
    return;
  if (concord_store_add_review_comment (concord_context_get_store (self->context), case_id, target, text,
                                        concord_context_get_username (self->context), &error) <= 0)
    {
      /* What was typed stays, with why it was not kept. */
      concord_ui_set_field_error (GTK_WIDGET (view), error_label,
                                  error != NULL ? error->message : _("The comment could not be saved."));
      return;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "", -1);
  gtk_popover_popdown (GTK_POPOVER (popover));
  concord_context_case_changed (self->context, case_id);
}

static gboolean
comment_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkWidget             *add)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK) != 0)
    {
      if (gtk_widget_get_sensitive (add))
        gtk_widget_activate (add);
      return TRUE;
    }
  return FALSE;
}

/* Made when the button is first used: a page of clauses would otherwise
 * carry a popover for each. */
static void
create_comment_popover_cb (GtkMenuButton *menu_button,
                           gpointer       data)
{
  ConcordReviewPane *self = data;
  const char *target = g_object_get_data (G_OBJECT (menu_button), "target");
  const char *what = g_object_get_data (G_OBJECT (menu_button), "what");
  GtkWidget *popover, *box, *label, *scroller, *view, *error_label, *add;
  GtkEventController *keys;
  g_autofree char *heading = NULL;

  if (gtk_menu_button_get_popover (menu_button) != NULL)
    return;

  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  /* Translators: heading of the small window where the lawyer writes a
   * comment on a clause; %s is the clause, e.g. "Term 1 (money)" */
  heading = g_strdup_printf (_("Comment on %s"), what);
  label = wrapped_label (heading, "heading");
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_box_append (GTK_BOX (box), label);

  view = gtk_text_view_new ();
  gtk_widget_set_name (view, "comment-view");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 320, 110);
  gtk_widget_add_css_class (scroller, "card");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_box_append (GTK_BOX (box), scroller);

  error_label = wrapped_label (NULL, "error");
  gtk_label_set_max_width_chars (GTK_LABEL (error_label), 36);
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (box), error_label);

  /* Translators: the button that saves a comment on a clause */
  add = gtk_button_new_with_mnemonic (_("_Add Comment"));
  gtk_widget_set_name (add, "add-comment-button");
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_widget_set_sensitive (add, FALSE);
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_box_append (GTK_BOX (box), add);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), add);
  g_object_set_data (G_OBJECT (popover), "text-view", view);
  g_object_set_data (G_OBJECT (popover), "error-label", error_label);
  g_object_set_data (G_OBJECT (popover), "add-button", add);
  g_object_set_data_full (G_OBJECT (popover), "target", g_strdup (target), g_free);

  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (comment_text_changed_cb), popover, 0);
  g_signal_connect_object (add, "clicked", G_CALLBACK (comment_add_clicked_cb), self, 0);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (comment_key_pressed_cb), add, 0);
  gtk_widget_add_controller (view, keys);

  gtk_menu_button_set_popover (menu_button, popover);
}

/* The button that opens the comment popover for @target (NULL: the
 * agreement as a whole), called @what in its heading. */
static GtkWidget *
comment_button_new (ConcordReviewPane *self,
                    const char        *target,
                    const char        *what)
{
  GtkWidget *button = gtk_menu_button_new ();

  /* A label child, not a label: the arrow would say it opens a menu. */
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button),
                             /* Translators: a button on a clause of the agreement: the lawyer writes a comment on it */
                             gtk_label_new (_("Comment…")));
  gtk_widget_set_name (button, "comment-button");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "target", g_strdup (target), g_free);
  g_object_set_data_full (G_OBJECT (button), "what", g_strdup (what), g_free);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_comment_popover_cb, self, NULL);
  return button;
}

static GtkWidget *
comment_widget_new (ConcordReviewPane          *self,
                    const ConcordReviewComment *comment,
                    gboolean                    with_target)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  g_autofree char *who = dup_when_who (self, comment->at, comment->actor);
  g_autofree char *meta = NULL;
  GString *heading = g_string_new (NULL);

  gtk_widget_set_name (box, "review-comment");
  gtk_widget_add_css_class (box, "card");

  /* Translators: the heading of a comment of the lawyer on a clause,
   * followed by when and by whom */
  g_string_append (heading, C_("review comment", "Comment"));
  if (with_target)
    {
      g_autofree char *what = dup_target_label (self, comment->target);

      g_string_append (heading, _(" · "));
      g_string_append (heading, what);
    }
  if (self->agreement != NULL && comment->version != self->agreement->version)
    {
      g_autofree char *version = NULL;

      /* Translators: a comment made on an earlier version of the agreement */
      version = g_strdup_printf (_("on version %d"), comment->version);
      g_string_append (heading, _(" · "));
      g_string_append (heading, version);
    }
  g_string_append (heading, _(" · "));
  g_string_append (heading, who);
  meta = g_string_free (heading, FALSE);

  label = wrapped_label (meta, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_set_margin_end (label, 10);
  gtk_box_append (GTK_BOX (box), label);

  label = wrapped_label (comment->text, NULL);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_set_margin_end (label, 10);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* Citations */

static void
remove_citation_response_cb (AdwMessageDialog  *dialog,
                             const char        *response,
                             ConcordReviewPane *self)
{
  gint64 citation_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "citation-id");
  gint64 case_id = self->case_id;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || !editable (self))
    return;
  if (!concord_store_remove_citation (concord_context_get_store (self->context), citation_id,
                                      concord_context_get_username (self->context), &error))
    {
      concord_ui_show_message (concord_ui_get_window (GTK_WIDGET (self)),
                               _("Could Not Remove the Citation"), error->message);
      return;
    }
  concord_context_case_changed (self->context, case_id);
}

static void
remove_citation_clicked_cb (GtkButton         *button,
                            ConcordReviewPane *self)
{
  const ConcordCitation *citation = g_object_get_data (G_OBJECT (button), "citation");
  g_autofree char *reference = NULL;
  GtkWidget *dialog;
  gint64 *id;

  g_return_if_fail (citation != NULL);
  reference = concord_citation_dup_reference (citation);
  /* Translators: asked before a citation of a statute article is removed */
  dialog = adw_message_dialog_new (concord_ui_get_window (GTK_WIDGET (self)), _("Remove the Citation?"), NULL);
  /* Translators: %s is the article, e.g. "《中华人民共和国民法典》第一千一百六十五条" */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("%s will no longer be cited for this case."),
                                  reference);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    /* Translators: response that removes a citation */
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  id = g_new (gint64, 1);
  *id = citation->id;
  g_object_set_data_full (G_OBJECT (dialog), "citation-id", id, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_citation_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
citation_widget_new (ConcordReviewPane     *self,
                     const ConcordCitation *citation,
                     gboolean               with_target)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *expander, *label, *text;
  g_autofree char *reference = concord_citation_dup_reference (citation);
  g_autofree char *who = dup_when_who (self, citation->at, citation->actor);
  g_autofree char *meta = NULL;

  gtk_widget_set_name (box, "citation");
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "legal-point");
  g_object_set_data_full (G_OBJECT (box), "reference", g_strdup (reference), g_free);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 4);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);

  /* The article's text folds away: a clause may cite several. */
  expander = gtk_expander_new (NULL);
  label = wrapped_label (reference, "citation");
  gtk_widget_add_css_class (label, "heading");
  /* Wide enough to say the whole reference on one line when there is room. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_expander_set_label_widget (GTK_EXPANDER (expander), label);
  text = wrapped_label (citation->text, NULL);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_margin_top (text, 6);
  gtk_widget_set_margin_start (text, 4);
  gtk_expander_set_child (GTK_EXPANDER (expander), text);
  gtk_widget_set_hexpand (expander, TRUE);
  gtk_grid_attach (GTK_GRID (grid), expander, 0, 0, 1, 1);

  if (editable (self))
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_name (remove, "remove-citation-button");
      gtk_widget_set_valign (remove, GTK_ALIGN_START);
      gtk_widget_add_css_class (remove, "flat");
      /* Translators: tooltip of the button that removes a citation of a statute article */
      gtk_widget_set_tooltip_text (remove, _("Remove Citation"));
      g_object_set_data (G_OBJECT (remove), "citation", (gpointer) citation);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_citation_clicked_cb), self, 0);
      gtk_grid_attach (GTK_GRID (grid), remove, 1, 0, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);

  if (!concord_text_is_blank (citation->note))
    {
      label = wrapped_label (citation->note, NULL);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 10);
      gtk_widget_set_margin_end (label, 10);
      gtk_box_append (GTK_BOX (box), label);
    }

  if (with_target && citation->target != NULL)
    {
      g_autofree char *what = dup_target_label (self, citation->target);

      /* Translators: a citation made for a clause the latest version no
       * longer has; %s is the clause and when and by whom */
      meta = g_strdup_printf (_("Cited for %s · %s"), what, who);
    }
  else
    /* Translators: %s is when and by whom a statute article was cited */
    meta = g_strdup_printf (_("Cited %s"), who);
  label = wrapped_label (meta, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_set_margin_end (label, 10);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* The statute library */

static void
open_library (ConcordReviewPane *self,
              const char        *target)
{
  ConcordStatuteLibrary *library;
  gint64 library_case = 0;

  if (self->library != NULL)
    g_object_get (self->library, "case-id", &library_case, NULL);
  if (self->library != NULL && library_case == self->case_id)
    {
      g_object_set (self->library, "target", target, NULL);
      gtk_window_present (self->library);
      return;
    }
  if (self->library != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->library), (gpointer *) &self->library);
      self->library = NULL;
    }

  library = concord_statute_library_new (self->context, self->case_id, target);
  gtk_window_set_transient_for (GTK_WINDOW (library), concord_ui_get_window (GTK_WIDGET (self)));
  self->library = GTK_WINDOW (library);
  g_object_add_weak_pointer (G_OBJECT (library), (gpointer *) &self->library);
  gtk_window_present (GTK_WINDOW (library));
}

static void
cite_clicked_cb (GtkButton         *button,
                 ConcordReviewPane *self)
{
  open_library (self, g_object_get_data (G_OBJECT (button), "target"));
}

static GtkWidget *
cite_button_new (ConcordReviewPane *self,
                 const char        *target)
{
  /* Translators: a button on a clause of the agreement (or on the case):
   * opens the statute library to cite an article for it */
  GtkWidget *button = gtk_button_new_with_label (_("Cite…"));

  gtk_widget_set_name (button, "cite-button");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "target", g_strdup (target), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (cite_clicked_cb), self, 0);
  return button;
}

/* The agreement, clause by clause */

/* A clause: what it is called, its text, the buttons to comment on it and
 * cite for it, and the comments and citations about it. */
static GtkWidget *
clause_row_new (ConcordReviewPane *self,
                const char        *target,
                const char        *text)
{
  g_autofree char *what = dup_target_label (self, target);
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_grid_new ();
  GtkWidget *label;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_name (row, "clause-row");
  g_object_set_data_full (G_OBJECT (row), "target", g_strdup (target), g_free);
  g_hash_table_add (self->shown_targets, g_strdup (target));

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 8);

  gtk_grid_set_column_spacing (GTK_GRID (header), 4);
  label = wrapped_label (what, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (header), label, 0, 0, 1, 1);
  if (editable (self))
    {
      gtk_grid_attach (GTK_GRID (header), comment_button_new (self, target, what), 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (header), cite_button_new (self, target), 2, 0, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), header);

  label = wrapped_label (text, NULL);
  gtk_widget_set_name (label, "clause-text");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_end (label, 4);
  gtk_box_append (GTK_BOX (box), label);

  for (guint i = 0; self->citations != NULL && i < self->citations->len; i++)
    {
      const ConcordCitation *citation = g_ptr_array_index (self->citations, i);

      if (g_strcmp0 (citation->target, target) == 0)
        gtk_box_append (GTK_BOX (box), citation_widget_new (self, citation, FALSE));
    }
  for (guint i = 0; self->comments != NULL && i < self->comments->len; i++)
    {
      const ConcordReviewComment *comment = g_ptr_array_index (self->comments, i);

      if (g_strcmp0 (comment->target, target) == 0)
        gtk_box_append (GTK_BOX (box), comment_widget_new (self, comment, FALSE));
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
clause_group_new (const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  return group;
}

/* A standard clause says "本协议一式{copies}份": the number as the
 * document will print it. */
static char *
dup_field_text (ConcordReviewPane *self,
                const char        *text)
{
  g_autofree char *label = NULL;
  g_autofree char *number = NULL;
  g_auto(GStrv) pieces = NULL;

  if (strstr (text, "{copies}") == NULL)
    return g_strdup (text);
  /* "第四条" → "四": the Chinese numeral the statute labels use. */
  label = concord_statute_number_label (self->agreement->copies);
  if (label != NULL && g_str_has_prefix (label, "第") && g_str_has_suffix (label, "条"))
    number = g_strndup (label + strlen ("第"), strlen (label) - strlen ("第") - strlen ("条"));
  else
    number = g_strdup_printf ("%d", self->agreement->copies);
  pieces = g_strsplit (text, "{copies}", -1);
  return g_strjoinv (number, pieces);
}

static guint
add_field_clauses (ConcordReviewPane            *self,
                   GtkWidget                    *group,
                   const ConcordTemplateSection *section)
{
  guint n = 0;

  for (guint i = 0; i < section->fields->len; i++)
    {
      const ConcordTemplateField *field = g_ptr_array_index (section->fields, i);
      const char *text = concord_agreement_get_field (self->agreement, field->key);
      g_autofree char *target = NULL;
      g_autofree char *shown = NULL;

      if (concord_text_is_blank (text))
        continue;
      target = g_strconcat ("field:", field->key, NULL);
      shown = dup_field_text (self, text);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), clause_row_new (self, target, shown));
      n++;
    }
  return n;
}

static guint
add_party_clauses (ConcordReviewPane *self,
                   GtkWidget         *group)
{
  for (guint i = 0; i < self->agreement->parties->len; i++)
    {
      const ConcordAgreementParty *party = g_ptr_array_index (self->agreement->parties, i);
      g_autofree char *target = g_strdup_printf ("party:%" G_GINT64_FORMAT, party->party_id);
      g_autofree char *text = NULL;

      /* Translators: a party as the agreement states it: role, then its
       * particulars, e.g. "甲方：吴某某，男，……" */
      text = g_strdup_printf (C_("agreement party", "%s: %s"), party->role != NULL ? party->role : "",
                              party->particulars != NULL ? party->particulars : party->name);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), clause_row_new (self, target, text));
    }
  return self->agreement->parties->len;
}

static guint
add_term_clauses (ConcordReviewPane *self,
                  GtkWidget         *group)
{
  if (self->agreement->terms->len == 0)
    /* Translators: in the lawyer's review, under the heading of the agreed terms */
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), placeholder_row_new (_("No terms")));
  for (guint i = 0; i < self->agreement->terms->len; i++)
    {
      const ConcordTerm *term = g_ptr_array_index (self->agreement->terms, i);
      g_autofree char *target = g_strconcat ("term:", term->id, NULL);
      g_autofree char *text = concord_agreement_term_text (self->agreement, term);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), clause_row_new (self, target, text));
    }
  return MAX (1, self->agreement->terms->len);
}

static guint
add_copies_clause (ConcordReviewPane *self,
                   GtkWidget         *group)
{
  g_autofree char *text = NULL;

  /* Translators: the number of copies of the agreement to print and sign,
   * e.g. "一式四份" */
  text = g_strdup_printf (ngettext ("%d copy", "%d copies", self->agreement->copies), self->agreement->copies);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), clause_row_new (self, "copies", text));
  return 1;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Adds @group to the clauses when it holds any (a section whose fields
 * are all blank is left out), else drops it. */
static void
append_group (ConcordReviewPane *self,
              GtkWidget         *group,
              guint              n_rows)
{
  if (n_rows > 0)
    gtk_box_append (GTK_BOX (self->clauses_box), group);
  else
    {
      g_object_ref_sink (group);
      g_object_unref (group);
    }
}

static void
show_clauses (ConcordReviewPane *self)
{
  GtkWidget *child;
  gboolean copies_shown = FALSE;

  while ((child = gtk_widget_get_first_child (self->clauses_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->clauses_box), child);
  g_hash_table_remove_all (self->shown_targets);
  if (self->agreement == NULL)
    return;

  if (self->template != NULL)
    {
      for (guint i = 0; i < self->template->sections->len; i++)
        {
          const ConcordTemplateSection *section = g_ptr_array_index (self->template->sections, i);
          const char *title = !concord_text_is_blank (section->label) ? section->label : section->heading;
          GtkWidget *group = clause_group_new (title);
          guint n = 0;

          switch (section->kind)
            {
            case CONCORD_SECTION_FIELDS:
              n = add_field_clauses (self, group, section);
              break;
            case CONCORD_SECTION_PARTIES:
              n = add_party_clauses (self, group);
              break;
            case CONCORD_SECTION_TERMS:
              n = add_term_clauses (self, group);
              break;
            case CONCORD_SECTION_SIGNATURES:
              {
                g_autofree char *station = concord_store_get_setting (concord_context_get_store (self->context),
                                                                      CONCORD_SETTING_STATION_NAME);
                g_autofree char *committee = concord_store_get_setting (concord_context_get_store (self->context),
                                                                        CONCORD_SETTING_COMMITTEE_NAME);
                g_autofree char *signers = concord_ui_describe_signers (self->template, self->c, station, committee);

                if (signers != NULL && *signers != '\0')
                  {
                    /* Translators: the row of who signs the agreement */
                    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                               text_row_new (_("Signed by"), signers, NULL));
                    n++;
                  }
                n += add_copies_clause (self, group);
                copies_shown = TRUE;
              }
              break;
            case CONCORD_N_SECTION_KINDS:
            default:
              break;
            }
          append_group (self, group, n);
        }
    }
  else
    {
      /* A template this desk does not have: the fields by key, the rest
       * as usual; nothing of the agreement is left out. */
      GtkWidget *group = clause_group_new (NULL);
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->agreement->fields);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (keys, key);
      g_ptr_array_sort (keys, compare_strings);
      for (guint i = 0; i < keys->len; i++)
        {
          const char *k = g_ptr_array_index (keys, i);
          g_autofree char *target = g_strconcat ("field:", k, NULL);
          g_autofree char *shown = dup_field_text (self, concord_agreement_get_field (self->agreement, k));

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), clause_row_new (self, target, shown));
        }
      append_group (self, group, keys->len);
      group = clause_group_new (NULL);
      append_group (self, group, add_party_clauses (self, group));
      group = clause_group_new (NULL);
      append_group (self, group, add_term_clauses (self, group));
    }

  if (!copies_shown)
    {
      GtkWidget *group = clause_group_new (NULL);

      append_group (self, group, add_copies_clause (self, group));
    }
}

static void
show_agreement (ConcordReviewPane *self)
{
  ConcordAgreement *a = self->agreement;
  g_autofree char *meta = NULL;
  g_autofree char *when_who = NULL;

  g_assert (a != NULL);

  gtk_label_set_text (self->agreement_title,
                      self->template != NULL && !concord_text_is_blank (self->template->title)
                      ? self->template->title
                      /* Translators: the title of an agreement whose template is unknown */
                      : _("Agreement"));
  when_who = dup_when_who (self, a->saved_at, a->saved_by);
  /* Translators: under the title of the agreement in the lawyer's review:
   * its version and when and by whom it was saved, e.g. "第2稿 · 2026-11-23 14:30 · 王调解员" */
  meta = g_strdup_printf (_("Version %d · %s"), a->version, when_who);
  gtk_label_set_text (self->agreement_meta, meta);

  show_clauses (self);
}

/* Comments and citations not about a clause on screen */

static void
show_general (ConcordReviewPane *self)
{
  gboolean any = FALSE;

  concord_ui_group_clear (self->general_group, self->general_rows);
  adw_preferences_group_set_header_suffix (self->general_group,
                                           editable (self)
                                           ? comment_button_new (self, NULL, _("The whole agreement"))
                                           : NULL);
  for (guint i = 0; self->comments != NULL && i < self->comments->len; i++)
    {
      const ConcordReviewComment *comment = g_ptr_array_index (self->comments, i);
      GtkWidget *row, *box;

      if (target_shown (self, comment->target))
        continue;
      row = text_row_new (NULL, NULL, &box);
      gtk_box_append (GTK_BOX (box), comment_widget_new (self, comment, comment->target != NULL));
      concord_ui_group_add (self->general_group, self->general_rows, row);
      any = TRUE;
    }
  if (!any)
    /* Translators: under "Comments on the whole agreement" when there are none */
    concord_ui_group_add (self->general_group, self->general_rows, placeholder_row_new (_("No comments")));

  any = FALSE;
  concord_ui_group_clear (self->case_citations_group, self->case_citation_rows);
  adw_preferences_group_set_header_suffix (self->case_citations_group,
                                           editable (self) ? cite_button_new (self, NULL) : NULL);
  for (guint i = 0; self->citations != NULL && i < self->citations->len; i++)
    {
      const ConcordCitation *citation = g_ptr_array_index (self->citations, i);
      GtkWidget *row, *box;

      if (target_shown (self, citation->target))
        continue;
      row = text_row_new (NULL, NULL, &box);
      gtk_box_append (GTK_BOX (box), citation_widget_new (self, citation, TRUE));
      concord_ui_group_add (self->case_citations_group, self->case_citation_rows, row);
      any = TRUE;
    }
  if (!any)
    /* Translators: under "Citations for the whole case" when there are none */
    concord_ui_group_add (self->case_citations_group, self->case_citation_rows, placeholder_row_new (_("No citations")));
}

/* The case: facts, claims, positions, legal points */

static void
show_claims (ConcordReviewPane *self)
{
  gboolean any = FALSE;

  concord_ui_group_clear (self->claims_group, self->claim_rows);
  for (guint i = 0; i < self->c->parties->len; i++)
    {
      const ConcordParty *p = g_ptr_array_index (self->c->parties, i);
      g_autofree char *role = concord_case_dup_party_role (self->c, p);
      g_autofree char *heading = NULL;

      if (concord_text_is_blank (p->claims))
        continue;
      /* Translators: the heading of a party's particulars on the case page,
       * role and name, e.g. "Applicant: Zhang San" */
      heading = g_strdup_printf (C_("party heading", "%s: %s"), role, p->name != NULL ? p->name : "");
      concord_ui_group_add (self->claims_group, self->claim_rows, text_row_new (heading, p->claims, NULL));
      any = TRUE;
    }
  if (!any)
    /* Translators: in the lawyer's review, when no party's claims were recorded */
    concord_ui_group_add (self->claims_group, self->claim_rows, placeholder_row_new (_("No claims recorded")));
}

static const ConcordSession *
session_of (ConcordReviewPane *self,
            gint64             session_id,
            guint             *number)
{
  for (guint i = 0; self->sessions != NULL && i < self->sessions->len; i++)
    {
      const ConcordSession *s = g_ptr_array_index (self->sessions, i);

      if (s->id == session_id)
        {
          if (number != NULL)
            *number = i + 1;
          return s;
        }
    }
  return NULL;
}

static void
show_positions (ConcordReviewPane *self)
{
  concord_positions_view_show_in_group (CONCORD_POSITIONS_VIEW (self->positions_view), self->positions_group,
                                        self->c, self->sessions, self->positions, privacy_on (self));
  /* Beside the agreement during the review only (see show_case()). */
  if (self->c->stage != CONCORD_STAGE_REVIEW)
    gtk_widget_set_visible (GTK_WIDGET (self->positions_group), FALSE);
}

static void
more_points_activated_cb (AdwActionRow      *row,
                          ConcordReviewPane *self)
{
  self->all_points = TRUE;
  show_all (self);
}

static void
show_points (ConcordReviewPane *self)
{
  gboolean privacy = privacy_on (self);
  guint n = self->points != NULL ? self->points->len : 0;
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first = 0;

  concord_ui_group_clear (self->points_group, self->point_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->points_group), n > 0);
  adw_preferences_group_set_description (self->points_group, NULL);
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

  if (!self->all_points && shown->len > POINTS_FOLDED_ABOVE)
    {
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();

      first = shown->len - POINTS_SHOWN_FOLDED;
      /* Translators: a row above the latest legal points explained in a
       * long case; %u is the number of earlier ones it shows */
      title = g_strdup_printf (ngettext ("Show %u Earlier Legal Point", "Show %u Earlier Legal Points", first), first);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("pan-down-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
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
          g_autofree char *numbered = g_strdup_printf (C_("session number", "Session %u"), number);
          g_autofree char *date = concord_ui_format_date (s->started_at);

          /* Translators: which session a legal point was explained in:
           * its number, kind and date, e.g. "第2次 · 背靠背 · 2026-11-23" */
          heading = g_strdup_printf (_("%s · %s · %s"), numbered, concord_session_kind_label (s->kind), date);
        }
      concord_ui_group_add (self->points_group, self->point_rows,
                            _concord_session_record_point_row_new (point, heading));
    }
}

static void
show_case (ConcordReviewPane *self)
{
  gboolean has_facts = !concord_text_is_blank (self->c->facts);

  gtk_label_set_text (self->facts_label,
                      has_facts ? self->c->facts
                      /* Translators: in the lawyer's review, when no facts were recorded */
                      : _("No facts recorded"));
  if (has_facts)
    gtk_widget_remove_css_class (GTK_WIDGET (self->facts_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->facts_label), "dim-label");
  show_claims (self);
  show_positions (self);
  show_points (self);

  /* The case beside the agreement is for the review itself; afterwards
   * the case view shows the case and its sessions already. */
  gtk_widget_set_visible (self->case_column, self->c->stage == CONCORD_STAGE_REVIEW);
}

/* Decisions */

static const ConcordReview *
latest_review (ConcordReviewPane *self)
{
  if (self->reviews == NULL || self->reviews->len == 0)
    return NULL;
  return g_ptr_array_index (self->reviews, self->reviews->len - 1);
}

static void
show_decisions (ConcordReviewPane *self)
{
  concord_ui_group_clear (self->decisions_group, self->decision_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->decisions_group), self->reviews != NULL && self->reviews->len > 0);

  for (guint i = 0; self->reviews != NULL && i < self->reviews->len; i++)
    {
      const ConcordReview *r = g_ptr_array_index (self->reviews, i);
      g_autofree char *who = dup_when_who (self, r->at, r->actor);
      g_autofree char *heading = NULL;
      GtkWidget *row;

      heading = r->approved
                /* Translators: an earlier decision of the lawyer: version, when and by whom,
                 * e.g. "第2稿已批准 · 2026-11-24 10:00 · 陈律师" */
                ? g_strdup_printf (_("Version %d approved · %s"), r->version, who)
                /* Translators: an earlier decision of the lawyer: version, when and by whom,
                 * e.g. "第1稿退回修改 · 2026-11-23 16:00 · 陈律师" */
                : g_strdup_printf (_("Version %d sent back · %s"), r->version, who);
      row = text_row_new (heading, !concord_text_is_blank (r->comment) ? r->comment : NULL, NULL);
      gtk_widget_set_name (row, r->approved ? "decision-approved" : "decision-sent-back");
      concord_ui_group_add (self->decisions_group, self->decision_rows, row);
    }
}

/* The bar with Approve and Send Back while the case is in legal review;
 * afterwards what became of the agreement. */
static void
show_decision_bar (ConcordReviewPane *self)
{
  gboolean deciding = editable (self);
  const ConcordReview *last = latest_review (self);

  gtk_widget_set_visible (self->decision_box, deciding);
  gtk_widget_set_sensitive (self->approve_button, deciding);
  gtk_widget_set_sensitive (self->send_back_button, deciding);
  if (deciding)
    {
      g_autofree char *title = NULL;

      /* Translators: in the lawyer's review: the version waiting for a decision */
      title = g_strdup_printf (_("Version %d awaits your decision"), self->agreement->version);
      gtk_label_set_text (self->decision_title, title);
      gtk_widget_set_visible (self->status_box, FALSE);
      return;
    }

  if (last != NULL && last->approved && self->agreement != NULL && last->version == self->agreement->version)
    {
      g_autofree char *who = dup_when_who (self, last->at, last->actor);
      g_autofree char *body = NULL;

      /* Translators: the lawyer's review after approval */
      gtk_label_set_text (self->status_title, _("Approved for signing"));
      /* Translators: which version was approved, when and by whom */
      body = g_strdup_printf (_("Version %d · %s. Comments can no longer be added."), last->version, who);
      gtk_label_set_text (self->status_body, body);
    }
  else if (self->c->stage == CONCORD_STAGE_DRAFTING)
    {
      /* Translators: the lawyer's review while the agreement is being drafted again */
      gtk_label_set_text (self->status_title, _("Back in drafting"));
      gtk_label_set_text (self->status_body, _("The agreement comes back here when it is sent to legal review again."));
    }
  else
    {
      /* Translators: the lawyer's review of a case that has left legal review */
      gtk_label_set_text (self->status_title, _("Not in legal review"));
      gtk_label_set_text (self->status_body, _("The agreement and its citations are shown as they were reviewed."));
    }
  gtk_widget_set_visible (self->status_box, TRUE);
}

static void
show_all (ConcordReviewPane *self)
{
  if (self->c == NULL || self->agreement == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "review");
  show_decision_bar (self);
  show_case (self);
  show_agreement (self);
  show_general (self);
  show_decisions (self);
}

/* Approve, send back */

static gboolean
decide (ConcordReviewPane *self,
        gboolean           approve,
        const char        *comment,
        GError           **error)
{
  gint64 case_id = self->case_id;

  g_return_val_if_fail (self->agreement != NULL, FALSE);

  /* The decision is on the version shown: if another was sent since, the
   * store refuses and the pane shows the new one. */
  if (!concord_store_review_version (concord_context_get_store (self->context), case_id, self->agreement->id,
                                     approve, comment, concord_context_get_username (self->context), error))
    {
      if (g_error_matches (*error, CONCORD_ERROR, CONCORD_ERROR_STAGE))
        concord_context_case_changed (self->context, case_id);
      return FALSE;
    }
  concord_context_case_changed (self->context, case_id);
  return TRUE;
}

static void
approve (ConcordReviewPane *self)
{
  g_autoptr(GError) error = NULL;

  if (!editable (self))
    return;
  if (!decide (self, TRUE, NULL, &error))
    concord_ui_show_message (concord_ui_get_window (GTK_WIDGET (self)),
                             /* Translators: heading of the message when approval was refused */
                             _("Could Not Approve the Agreement"), error->message);
}

static void
approve_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     ConcordReviewPane *self)
{
  gint64 agreement_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "agreement-id"));

  /* Only the version the question was about. */
  if (g_strcmp0 (response, "approve") == 0 && self->agreement != NULL && self->agreement->id == agreement_id)
    approve (self);
}

/* The lawyers of the case's team, "陈某某、罗某某", or NULL. */
static char *
dup_lawyer_names (ConcordReviewPane *self,
                  gboolean          *is_me)
{
  const char *me = concord_context_get_username (self->context);
  g_autoptr(GString) names = g_string_new (NULL);

  *is_me = FALSE;
  for (guint i = 0; self->c->team != NULL && i < self->c->team->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (self->c->team, i);

      if (member->role != CONCORD_TEAM_LAWYER)
        continue;
      if (g_strcmp0 (member->username, me) == 0)
        *is_me = TRUE;
      if (names->len > 0)
        g_string_append (names, C_("name list separator", ", "));
      g_string_append (names, member->name);
    }
  return names->len > 0 ? g_strdup (names->str) : NULL;
}

/* The lawyer approves; anyone else is asked first, since the approval is
 * recorded in their name. */
static void
approve_clicked_cb (ConcordReviewPane *self)
{
  g_autofree char *lawyers = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  gboolean is_lawyer;

  if (!editable (self))
    return;
  lawyers = dup_lawyer_names (self, &is_lawyer);
  if (is_lawyer)
    {
      approve (self);
      return;
    }
  body = lawyers != NULL
         /* Translators: asked when someone who is not the case's lawyer approves */
         ? g_strdup_printf (_("The lawyer of this case is %s. The approval of version %d is recorded in your name (%s)."),
                            lawyers, self->agreement->version, concord_context_get_username (self->context))
         : g_strdup_printf (_("No lawyer is on this case’s team. The approval of version %d is recorded in your name (%s)."),
                            self->agreement->version, concord_context_get_username (self->context));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (concord_ui_get_window (GTK_WIDGET (self)),
                                                       _("Approve Without the Lawyer?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "approve", _("_Approve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "agreement-id", GSIZE_TO_POINTER ((gsize) self->agreement->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (approve_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void send_back_ask (ConcordReviewPane *self,
                           const char        *problem);

static void
send_back_text_changed_cb (GtkTextBuffer     *buffer,
                           ConcordReviewPane *self)
{
  AdwMessageDialog *dialog = g_object_get_data (G_OBJECT (buffer), "dialog");
  GtkTextIter start, end;

  g_free (self->send_back_text);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  self->send_back_text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  adw_message_dialog_set_response_enabled (dialog, "send-back", !concord_text_is_blank (self->send_back_text));
}

static void
send_back_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       ConcordReviewPane *self)
{
  g_autofree char *comment = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "send-back") != 0 || !editable (self))
    return;
  comment = g_strstrip (g_strdup (self->send_back_text != NULL ? self->send_back_text : ""));
  if (concord_text_is_blank (comment))
    return;
  if (!decide (self, FALSE, comment, &error))
    {
      /* The dialog closes with its response: ask again, with what was
       * typed and why it was refused. */
      send_back_ask (self, error->message);
      return;
    }
  g_clear_pointer (&self->send_back_text, g_free);
}

static void
send_back_ask (ConcordReviewPane *self,
               const char        *problem)
{
  AdwMessageDialog *dialog;
  GtkWidget *box, *label, *scroller, *view;
  GtkTextBuffer *buffer;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (concord_ui_get_window (GTK_WIDGET (self)),
                                                       /* Translators: heading of the dialog that sends the agreement back */
                                                       _("Send Back to Drafting?"),
                                                       _("Say what must change. The mediator sees it with the agreement, "
                                                         "and the case goes back to drafting.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: response of the dialog that sends the agreement back to drafting */
                                    "send-back", _("_Send Back"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "send-back", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "send-back");
  adw_message_dialog_set_close_response (dialog, "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  /* Translators: the label of the comments typed when sending the agreement back */
  label = gtk_label_new_with_mnemonic (_("_What must change"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  view = gtk_text_view_new ();
  gtk_widget_set_name (view, "send-back-view");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, -1, 120);
  gtk_widget_add_css_class (scroller, "card");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_box_append (GTK_BOX (box), scroller);

  label = wrapped_label (problem, "error");
  gtk_widget_set_name (label, "send-back-error");
  gtk_widget_set_visible (label, problem != NULL);
  gtk_box_append (GTK_BOX (box), label);
  adw_message_dialog_set_extra_child (dialog, box);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, self->send_back_text != NULL ? self->send_back_text : "", -1);
  g_object_set_data (G_OBJECT (buffer), "dialog", dialog);
  adw_message_dialog_set_response_enabled (dialog, "send-back", !concord_text_is_blank (self->send_back_text));
  g_signal_connect_object (buffer, "changed", G_CALLBACK (send_back_text_changed_cb), self, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (send_back_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
send_back_clicked_cb (ConcordReviewPane *self)
{
  if (editable (self))
    send_back_ask (self, NULL);
}

/* Loading */

static void
clear_data (ConcordReviewPane *self)
{
  g_clear_pointer (&self->c, concord_case_unref);
  g_clear_pointer (&self->agreement, concord_agreement_unref);
  g_clear_pointer (&self->template, concord_template_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_ptr_array_unref);
  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_pointer (&self->citations, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
}

/* Reads everything shown for the case; FALSE with @error when the store
 * cannot, leaving what was shown before. */
static gboolean
load (ConcordReviewPane *self,
      gint64             case_id,
      GError           **error)
{
  ConcordStore *store = concord_context_get_store (self->context);
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  GError *local_error = NULL;

  if ((c = concord_store_load_case (store, case_id, error)) == NULL ||
      (sessions = concord_store_list_sessions (store, case_id, error)) == NULL ||
      (positions = concord_store_list_positions (store, case_id, error)) == NULL ||
      (points = concord_store_list_legal_points (store, case_id, error)) == NULL ||
      (reviews = concord_store_list_reviews (store, case_id, error)) == NULL ||
      (comments = concord_store_list_review_comments (store, case_id, error)) == NULL ||
      (citations = concord_store_list_citations (store, case_id, error)) == NULL)
    return FALSE;
  agreement = concord_store_load_agreement (store, case_id, 0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  clear_data (self);
  self->c = g_steal_pointer (&c);
  self->agreement = g_steal_pointer (&agreement);
  if (self->agreement != NULL && self->agreement->template_id != NULL)
    self->template = concord_template_find (self->agreement->template_id);
  self->sessions = g_steal_pointer (&sessions);
  self->positions = g_steal_pointer (&positions);
  self->points = g_steal_pointer (&points);
  self->reviews = g_steal_pointer (&reviews);
  self->comments = g_steal_pointer (&comments);
  self->citations = g_steal_pointer (&citations);
  self->members = concord_store_list_members (store, NULL);
  return TRUE;
}

/* The rows are made again: focus inside them (a clause's button, a
 * popover's text) would be left on widgets that are gone. */
static void
drop_focus (ConcordReviewPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    gtk_root_set_focus (root, NULL);
}

static void
reload (ConcordReviewPane *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  drop_focus (self);
  if (self->context == NULL || self->case_id <= 0)
    {
      clear_data (self);
      show_all (self);
      return;
    }
  if (!load (self, self->case_id, &error))
    {
      g_warning ("Could not read the review of case %" G_GINT64_FORMAT ": %s", self->case_id, error->message);
      clear_data (self);
      adw_status_page_set_title (self->empty_page, _("The Review Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  adw_status_page_set_title (self->empty_page, _("No Agreement to Review"));
  adw_status_page_set_description (self->empty_page, _("The agreement is drafted and sent to legal review first."));
  show_all (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  ConcordReviewPane *self = data;

  self->reload_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Another window (the library, a dialog, the case view) changed the case:
 * it is read again once that window's handler has returned. */
static void
context_case_changed_cb (ConcordReviewPane *self,
                         gint64             id)
{
  if (self->case_id <= 0 || self->case_id != id || self->reload_idle != 0)
    return;
  /* Before the next frame: drawing a busy page must not hold it back. */
  self->reload_idle = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

static void
privacy_changed_cb (ConcordReviewPane *self)
{
  if (self->c == NULL)
    return;
  show_positions (self);
  show_points (self);
}

/* Overrides */

static void
concord_review_pane_dispose (GObject *object)
{
  ConcordReviewPane *self = CONCORD_REVIEW_PANE (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->library != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->library), (gpointer *) &self->library);
      self->library = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_REVIEW_PANE);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_review_pane_parent_class)->dispose (object);
}

static void
concord_review_pane_finalize (GObject *object)
{
  ConcordReviewPane *self = CONCORD_REVIEW_PANE (object);

  clear_data (self);
  g_clear_pointer (&self->shown_targets, g_hash_table_unref);
  g_clear_pointer (&self->send_back_text, g_free);
  g_clear_pointer (&self->claim_rows, g_ptr_array_unref);
  g_clear_pointer (&self->point_rows, g_ptr_array_unref);
  g_clear_pointer (&self->general_rows, g_ptr_array_unref);
  g_clear_pointer (&self->case_citation_rows, g_ptr_array_unref);
  g_clear_pointer (&self->decision_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (concord_review_pane_parent_class)->finalize (object);
}

static void
set_context (ConcordReviewPane *self,
             ConcordContext    *context)
{
  g_assert (self->context == NULL);

  if (context == NULL)
    return;
  self->context = g_object_ref (context);
  g_signal_connect_object (context, "case-changed", G_CALLBACK (context_case_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::privacy-mode", G_CALLBACK (privacy_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
concord_review_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ConcordReviewPane *self = CONCORD_REVIEW_PANE (object);

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
concord_review_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ConcordReviewPane *self = CONCORD_REVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_review_pane_class_init (ConcordReviewPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_review_pane_dispose;
  object_class->finalize = concord_review_pane_finalize;
  object_class->get_property = concord_review_pane_get_property;
  object_class->set_property = concord_review_pane_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CONCORD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONCORD_TYPE_REVIEW_COLUMNS);
  g_type_ensure (CONCORD_TYPE_POSITIONS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-review-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, decision_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, decision_title);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, approve_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, send_back_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, status_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, status_title);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, status_body);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, facts_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, facts_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, claims_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, positions_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, case_column);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, positions_view);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, points_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, agreement_title);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, agreement_meta);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, clauses_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, general_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, case_citations_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordReviewPane, decisions_group);
  gtk_widget_class_bind_template_callback (widget_class, approve_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, send_back_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reviewpane");
}

static void
concord_review_pane_init (ConcordReviewPane *self)
{
  self->shown_targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->claim_rows = g_ptr_array_new ();
  self->point_rows = g_ptr_array_new ();
  self->general_rows = g_ptr_array_new ();
  self->case_citation_rows = g_ptr_array_new ();
  self->decision_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public */

GtkWidget *
concord_review_pane_new (ConcordContext *context)
{
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);

  return g_object_new (CONCORD_TYPE_REVIEW_PANE, "context", context, NULL);
}

void
concord_review_pane_set_case (ConcordReviewPane *self,
                              gint64             case_id)
{
  g_return_if_fail (CONCORD_IS_REVIEW_PANE (self));
  g_return_if_fail (case_id >= 0);

  if (case_id != self->case_id)
    self->all_points = FALSE;
  self->case_id = case_id;
  reload (self);
}
