/* test-ui-review.c — the lawyer's review through real widgets: the case
 * and the agreement side by side, a comment on a term, the statute library
 * opened from the term (search by number and by words, cite), sending back
 * with and without comments, approval, the read-only review afterwards
 * (scenarios 1 and 3), and importing statutes into the library. Runs under
 * Xvfb (suite "ui").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concord-positions-view.h"
#include "concord-review-pane.h"
#include "concord-statute-library.h"
#include "test-fixtures.h"
#include "test-ui-helpers.h"

#define ACTOR   "王调解员"
#define LAWYER  "chen"

#define COMMENT      "第一项应写明是否含装修损失"
#define SEND_BACK    "请写明各方责任比例，并补充违约条款"
#define REFERENCE    "《中华人民共和国民法典》第一千一百六十五条"
#define RESULT_1165  "民法典 第一千一百六十五条"
#define CAUCUS_POINT "背靠背时向张某讲解：损失以实际修复费用为限"
#define OPEN_POINT   "当面讲解：起诉需重新鉴定损失"

typedef struct
{
  Fixture            f;
  ConcordContext    *context;
  GtkWindow         *window;
  ConcordReviewPane *pane;
} UiFixture;

static void
ui_set_up (UiFixture    *u,
           gconstpointer data)
{
  GtkWidget *scroller;

  g_setenv ("CONCORD_NOW", "2026-11-23T01:00:00Z", TRUE);
  fixture_set_up (&u->f, NULL);
  u->context = concord_context_new (u->f.store, LAWYER);
  u->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (u->window, 1000, 900);
  u->pane = CONCORD_REVIEW_PANE (concord_review_pane_new (u->context));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (u->pane));
  gtk_window_set_child (u->window, scroller);
  gtk_window_present (u->window);
  settle ();
}

static void
ui_tear_down (UiFixture    *u,
              gconstpointer data)
{
  destroy_all_windows ();
  g_clear_object (&u->context);
  fixture_tear_down (&u->f, NULL);
  g_unsetenv ("CONCORD_NOW");
}

/* Preparing an agreement through the store */

static void
set_station (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (concord_store_set_setting (f->store, CONCORD_SETTING_STATION_NAME, "四方派出所", ACTOR, &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_set_setting (f->store, CONCORD_SETTING_COMMITTEE_NAME,
                                            "四方街道人民调解委员会", ACTOR, &error));
  g_assert_no_error (error);
}

/* Completes what the completeness check asks of the parties: an address. */
static ConcordCase *
complete_parties (Fixture *f,
                  gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = concord_store_load_case (f->store, case_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < c->parties->len; i++)
    {
      ConcordParty *p = g_ptr_array_index (c->parties, i);

      if (concord_text_is_blank (p->address))
        {
          g_free (p->address);
          p->address = g_strdup_printf ("青岛市市北区幸福路%u号", i + 8);
        }
    }
  g_assert_true (concord_store_save_case (f->store, c, ACTOR, &error));
  g_assert_no_error (error);
  return concord_store_load_case (f->store, case_id, &error);
}

static gint64
party_id_named (ConcordCase *c,
                const char  *name)
{
  for (guint i = 0; i < c->parties->len; i++)
    {
      const ConcordParty *p = g_ptr_array_index (c->parties, i);

      if (g_strcmp0 (p->name, name) == 0)
        return p->id;
    }
  g_error ("no party %s", name);
  return 0;
}

static ConcordTerm *
money_term (gint64 payer,
            gint64 payee,
            gint64 yuan)
{
  ConcordTerm *term = concord_term_new (CONCORD_TERM_MONEY);

  term->party_id = payer;
  term->counterparty_id = payee;
  term->amount_fen = yuan * 100;
  term->method = g_strdup ("银行转账");
  term->due_date = g_strdup ("2026-11-30");
  return term;
}

/* Saves @a as a version and submits it; says what is missing when the
 * check refuses it. */
static void
save_and_submit (Fixture          *f,
                 ConcordAgreement *a)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (concord_store_save_agreement (f->store, a, ACTOR, &error));
  g_assert_no_error (error);
  if (!concord_store_submit_agreement (f->store, a->case_id, ACTOR, &error))
    {
      g_autoptr(GPtrArray) problems = concord_store_check_agreement (f->store, a->case_id, NULL);

      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          const ConcordAgreementProblem *p = g_ptr_array_index (problems, i);

          g_printerr ("missing: %s: %s\n", p->target, p->message);
        }
      g_error ("submit refused: %s", error->message);
    }
}

/* A new draft of @template_id for @case_id with every required field
 * filled (those the case does not fill get @filler). */
static ConcordAgreement *
draft (Fixture    *f,
       gint64      case_id,
       const char *template_id,
       const char *filler)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordAgreementSource) source = concord_store_dup_agreement_source (f->store, case_id, &error);
  g_autoptr(ConcordTemplate) template = concord_template_find (template_id);
  ConcordAgreement *a;

  g_assert_no_error (error);
  g_assert_nonnull (template);
  a = concord_agreement_new_draft (template, source);
  a->case_id = case_id;
  for (guint i = 0; i < template->sections->len; i++)
    {
      const ConcordTemplateSection *section = g_ptr_array_index (template->sections, i);

      for (guint k = 0; k < section->fields->len; k++)
        {
          const ConcordTemplateField *field = g_ptr_array_index (section->fields, k);

          if (field->required && concord_text_is_blank (concord_agreement_get_field (a, field->key)))
            concord_agreement_set_field (a, field->key, filler);
        }
    }
  return a;
}

/* Scenario 1 up to legal review: the fire case in drafting, its agreement
 * with a payment from Wu to Zhang and one from Wu to Li, submitted. */
/* A caucus with Zhang (back-to-back) and a joint session, each with a
 * position and a legal point explained. */
static void
add_sessions (Fixture     *f,
              ConcordCase *c)
{
  const ConcordSessionKind kinds[] = { CONCORD_SESSION_BACK_TO_BACK, CONCORD_SESSION_FACE_TO_FACE };
  const char *points[] = { CAUCUS_POINT, OPEN_POINT };
  const gint64 yuan[] = { 80000, 75000 };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConcordSession) session = concord_session_new ();
      g_autoptr(ConcordPosition) position = concord_position_new ();
      ConcordAttendee *attendee = concord_attendee_new ();
      gint64 id;

      session->case_id = c->id;
      session->kind = kinds[i];
      attendee->party_id = party_id_named (c, "张某");
      attendee->name = g_strdup ("张某");
      g_ptr_array_add (session->attendees, attendee);
      id = concord_store_start_session (f->store, session, ACTOR, &error);
      g_assert_no_error (error);
      g_assert_cmpint (concord_store_add_legal_point (f->store, id, points[i], REFERENCE, ACTOR, &error), >, 0);
      g_assert_no_error (error);
      position->session_id = id;
      position->party_id = party_id_named (c, "张某");
      position->kind = CONCORD_POSITION_DEMAND;
      position->has_amount = TRUE;
      position->amount_fen = yuan[i] * 100;
      g_assert_cmpint (concord_store_add_position (f->store, position, ACTOR, &error), >, 0);
      g_assert_no_error (error);
      g_assert_true (concord_store_end_session (f->store, id, NULL, ACTOR, &error));
      g_assert_no_error (error);
    }
}

static ConcordCase *
fire_case_in_review_with (Fixture  *f,
                          gboolean  sessions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) stored = fixture_stored_fire_case (f, CONCORD_STAGE_BACK_TO_BACK, ACTOR);
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(ConcordAgreement) a = NULL;
  gint64 wu, zhang, li;

  set_station (f);
  if (sessions)
    add_sessions (f, stored);
  g_assert_true (concord_store_move_stage (f->store, stored->id, CONCORD_STAGE_DRAFTING, NULL, ACTOR, &error));
  g_assert_no_error (error);
  c = complete_parties (f, stored->id);
  wu = party_id_named (c, "吴某");
  zhang = party_id_named (c, "张某");
  li = party_id_named (c, "李某");

  a = draft (f, c->id, "people-mediation", "吴某对火灾负全部责任。");
  concord_agreement_add_term (a, money_term (wu, zhang, 60000));
  concord_agreement_add_term (a, money_term (wu, li, 20000));
  save_and_submit (f, a);
  return concord_store_load_case (f->store, c->id, &error);
}

static ConcordCase *
fire_case_in_review (Fixture *f)
{
  return fire_case_in_review_with (f, FALSE);
}

static ConcordStage
stage_of (Fixture *f,
          gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = concord_store_load_case (f->store, case_id, &error);

  g_assert_no_error (error);
  return c->stage;
}

/* Finding things in the pane */

static gboolean
collect_clause (GtkWidget  *widget,
                const char *target,
                GtkWidget **found)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), "clause-row") == 0 &&
      g_strcmp0 (g_object_get_data (G_OBJECT (widget), "target"), target) == 0 &&
      gtk_widget_get_mapped (widget))
    {
      *found = widget;
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (collect_clause (child, target, found))
      return TRUE;
  return FALSE;
}

/* The clause of @target shown in the pane, or NULL. */
static GtkWidget *
clause_row (UiFixture  *u,
            const char *target)
{
  GtkWidget *found = NULL;

  collect_clause (GTK_WIDGET (u->pane), target, &found);
  return found;
}

/* The mapped widget named @name under @root, or NULL. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (root == NULL || !gtk_widget_get_mapped (root))
    return NULL;
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  UiFixture  *u;
  const char *target;
  const char *text;
} ClauseShows;

static gboolean
clause_shows (gpointer data)
{
  ClauseShows *c = data;
  GtkWidget *row = clause_row (c->u, c->target);

  return row != NULL && widget_shows (row, c->text);
}

static gboolean
side_by_side (gpointer data)
{
  UiFixture *u = data;
  GtkWidget *term = clause_row (u, "term:t1");
  graphene_rect_t bounds;

  return term != NULL && gtk_widget_compute_bounds (term, GTK_WIDGET (u->pane), &bounds) &&
         bounds.origin.x > gtk_widget_get_width (GTK_WIDGET (u->pane)) / 3;
}

static gboolean
pane_shows (gpointer data)
{
  UiFixture *u = ((gpointer *) data)[0];

  return widget_shows (u->pane, ((gpointer *) data)[1]);
}

/* Scrolls @widget on screen, as a person would before clicking it (a
 * popover needs its button in sight). */
static void
scroll_to (UiFixture *u,
           GtkWidget *widget)
{
  graphene_rect_t bounds;

  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (u->pane), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  /* No focus: the viewport would scroll back to the focused widget. */
  gtk_window_set_focus (u->window, NULL);
  settle ();
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (u->pane), &bounds));
  gtk_adjustment_clamp_page (adjustment, bounds.origin.y - 48, bounds.origin.y + bounds.size.height + 48);
  settle ();
  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

/* The library */

static gboolean
library_lists (gpointer data)
{
  ConcordStatuteLibrary *library = ((gpointer *) data)[0];

  return shows_label (GTK_WIDGET (library), ((gpointer *) data)[1]);
}

/* The label of the row of the results list that is selected. */
static ConcordStatuteLibrary *
wait_for_library (void)
{
  GtkWindow *w = wait_for_toplevel (CONCORD_TYPE_STATUTE_LIBRARY, NULL);

  g_assert_nonnull (w);
  settle ();
  return CONCORD_STATUTE_LIBRARY (w);
}

static const char *
dropdown_text (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Scenario 1 */

static void
test_fire_review (UiFixture    *u,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = fire_case_in_review (&u->f);
  g_autoptr(ConcordAgreement) a = concord_store_load_agreement (u->f.store, c->id, 0, &error);
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autofree char *term1 = NULL;
  g_autofree char *term2 = NULL;
  ConcordStatuteLibrary *library;
  AdwMessageDialog *dialog;
  GtkWidget *row, *button, *popover, *view, *citation;
  GtkDropDown *dropdown;
  gpointer args[2];
  ClauseShows shows;

  g_assert_no_error (error);
  g_assert_nonnull (a);
  g_assert_cmpint (c->stage, ==, CONCORD_STAGE_REVIEW);
  term1 = concord_agreement_term_text (a, g_ptr_array_index (a->terms, 0));
  term2 = concord_agreement_term_text (a, g_ptr_array_index (a->terms, 1));

  concord_review_pane_set_case (u->pane, c->id);
  settle ();

  /* The case and the agreement side by side. */
  g_assert_true (shows_label (GTK_WIDGET (u->pane), c->facts));
  g_assert_true (widget_shows (u->pane, "要求吴某赔偿房屋损失人民币130000元"));
  g_assert_true (widget_shows (u->pane, "承认过错，但无力承担十三万元"));
  g_assert_true (shows_label (GTK_WIDGET (u->pane), term1));
  g_assert_true (shows_label (GTK_WIDGET (u->pane), term2));
  g_assert_true (strstr (term1, "陆万元") != NULL);
  g_assert_nonnull (find_shown_button (GTK_WIDGET (u->pane), "Approve for Signing"));
  g_assert_nonnull (find_shown_button (GTK_WIDGET (u->pane), "Send Back to Drafting…"));
  /* Side by side at 1000 px: the terms to the right of the facts. */
  g_assert_true (wait_for (side_by_side, u));

  /* A comment on the first term, through its popover. */
  row = clause_row (u, "term:t1");
  g_assert_nonnull (row);
  button = find_named (row, "comment-button");
  g_assert_nonnull (button);
  scroll_to (u, button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  settle ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  view = find_named (popover, "comment-view");
  g_assert_false (gtk_widget_is_sensitive (find_named (popover, "add-comment-button")));
  set_text_view (view, "   ");
  g_assert_false (gtk_widget_is_sensitive (find_named (popover, "add-comment-button")));
  set_text_view (view, COMMENT);
  click (find_named (popover, "add-comment-button"));

  shows = (ClauseShows) { u, "term:t1", COMMENT };
  g_assert_true (wait_for (clause_shows, &shows));
  comments = concord_store_list_review_comments (u->f.store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_cmpstr (((ConcordReviewComment *) g_ptr_array_index (comments, 0))->target, ==, "term:t1");
  g_assert_cmpstr (((ConcordReviewComment *) g_ptr_array_index (comments, 0))->text, ==, COMMENT);
  /* Not under the other term. */
  g_assert_false (widget_shows (clause_row (u, "term:t2"), COMMENT));

  /* The library from the term's Cite button. */
  click (find_named (clause_row (u, "term:t1"), "cite-button"));
  library = wait_for_library ();
  dropdown = template_child (library, "target_dropdown");
  {
    g_autoptr(ConcordTemplate) template = concord_template_find (a->template_id);
    g_autofree char *label = concord_agreement_target_label (a, template, "term:t1");

    g_assert_cmpstr (dropdown_text (dropdown), ==, label);
  }

  concord_statute_library_search (library, "1165");
  args[0] = library;
  args[1] = RESULT_1165;
  g_assert_true (wait_for (library_lists, args));
  g_assert_true (widget_shows (library, "第一千一百六十五条"));
  g_assert_true (widget_shows (library, "行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。"));

  concord_statute_library_search (library, "第一千一百六十五条");
  g_assert_true (wait_for (library_lists, args));
  concord_statute_library_search (library, "过错");
  g_assert_true (wait_for (library_lists, args));

  /* Cited for the term. */
  concord_statute_library_search (library, "1165");
  g_assert_true (wait_for (library_lists, args));
  gtk_editable_set_text (GTK_EDITABLE (template_child (library, "note_entry")), "吴某用电不慎，有过错");
  click (template_child (library, "cite_button"));
  g_assert_null (find_message_dialog ());
  citations = concord_store_list_citations (u->f.store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (citations->len, ==, 1);
  g_assert_cmpstr (((ConcordCitation *) g_ptr_array_index (citations, 0))->target, ==, "term:t1");
  g_assert_true (widget_shows (library, "Already cited for"));

  shows = (ClauseShows) { u, "term:t1", REFERENCE };
  g_assert_true (wait_for (clause_shows, &shows));
  citation = find_named (clause_row (u, "term:t1"), "citation");
  g_assert_nonnull (citation);
  g_assert_true (widget_shows (citation, "吴某用电不慎，有过错"));
  /* The article's text is folded until asked for. */
  g_assert_false (widget_shows (citation, "行为人因过错侵害他人民事权益"));
  gtk_expander_set_expanded (GTK_EXPANDER (find_first (citation, GTK_TYPE_EXPANDER)), TRUE);
  settle ();
  g_assert_true (widget_shows (citation, "行为人因过错侵害他人民事权益"));
  g_assert_false (widget_shows (clause_row (u, "term:t2"), REFERENCE));
  gtk_window_destroy (GTK_WINDOW (library));
  settle ();

  /* Send back: refused while blank, done with comments. */
  click (find_shown_button (GTK_WIDGET (u->pane), "Send Back to Drafting…"));
  g_assert_true (wait_for (message_dialog_open, NULL));
  dialog = find_message_dialog ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "send-back"));
  view = find_named (GTK_WIDGET (dialog), "send-back-view");
  set_text_view (view, "  \n ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "send-back"));
  set_text_view (view, SEND_BACK);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "send-back"));
  answer (dialog, "send-back");
  g_assert_cmpint (stage_of (&u->f, c->id), ==, CONCORD_STAGE_DRAFTING);

  concord_review_pane_set_case (u->pane, c->id);
  settle ();
  g_assert_true (widget_shows (u->pane, "Version 1 sent back"));
  g_assert_true (widget_shows (u->pane, SEND_BACK));
  g_assert_null (find_shown_button (GTK_WIDGET (u->pane), "Approve for Signing"));
  g_assert_null (find_named (GTK_WIDGET (u->pane), "comment-button"));

  /* Fixed, submitted again, approved. */
  {
    g_autoptr(ConcordAgreement) changed = concord_agreement_copy (a);

    concord_agreement_set_field (changed, "responsibility", "吴某用电不慎引发火灾，对张某、李某的损失负全部责任。");
    save_and_submit (&u->f, changed);
    g_assert_cmpint (changed->version, ==, 2);
  }
  concord_context_case_changed (u->context, c->id);
  args[0] = u;
  args[1] = "Version 2 awaits your decision";
  g_assert_true (wait_for (pane_shows, args));
  /* The comment and the citation made on version 1 are still there. */
  g_assert_true (widget_shows (clause_row (u, "term:t1"), REFERENCE));
  g_assert_true (widget_shows (clause_row (u, "term:t1"), "on version 1"));

  click (find_shown_button (GTK_WIDGET (u->pane), "Approve for Signing"));
  g_assert_cmpint (stage_of (&u->f, c->id), ==, CONCORD_STAGE_SIGNING);
  args[1] = "Approved for signing";
  g_assert_true (wait_for (pane_shows, args));
  g_assert_null (find_shown_button (GTK_WIDGET (u->pane), "Approve for Signing"));
  g_assert_null (find_shown_button (GTK_WIDGET (u->pane), "Send Back to Drafting…"));
  g_assert_null (find_named (GTK_WIDGET (u->pane), "comment-button"));
  g_assert_null (find_named (GTK_WIDGET (u->pane), "cite-button"));
  g_assert_null (find_named (GTK_WIDGET (u->pane), "remove-citation-button"));
  g_assert_true (widget_shows (clause_row (u, "term:t1"), REFERENCE));
  g_assert_true (widget_shows (u->pane, "Version 2 approved"));
  g_assert_true (shows_label (GTK_WIDGET (u->pane), term2));
}

/* A store that refuses: what was typed to send back stays. */
static void
test_send_back_kept (UiFixture    *u,
                     gconstpointer data)
{
  g_autoptr(ConcordCase) c = fire_case_in_review (&u->f);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  concord_review_pane_set_case (u->pane, c->id);
  settle ();

  click (find_shown_button (GTK_WIDGET (u->pane), "Send Back to Drafting…"));
  g_assert_true (wait_for (message_dialog_open, NULL));
  dialog = find_message_dialog ();
  set_text_view (find_named (GTK_WIDGET (dialog), "send-back-view"), SEND_BACK);

  /* Someone else withdrew the case meanwhile. */
  g_assert_true (concord_store_move_stage (u->f.store, c->id, CONCORD_STAGE_WITHDRAWN, "申请人撤回", ACTOR, &error));
  g_assert_no_error (error);
  adw_message_dialog_response (dialog, "send-back");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  g_assert_true (wait_for (message_dialog_open, NULL));
  dialog = find_message_dialog ();
  {
    GtkWidget *view = find_named (GTK_WIDGET (dialog), "send-back-view");
    g_autofree char *kept = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &start, &end);
    kept = gtk_text_buffer_get_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &start, &end, FALSE);
    g_assert_cmpstr (kept, ==, SEND_BACK);
    g_assert_nonnull (find_named (GTK_WIDGET (dialog), "send-back-error"));
  }
  answer (dialog, "cancel");
  g_assert_cmpint (stage_of (&u->f, c->id), ==, CONCORD_STAGE_WITHDRAWN);
}

/* Scenario 3: a fight at a night-market stall, police mediation, approved:
 * the review is read-only. */
static void
test_police_read_only (UiFixture    *u,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = concord_case_new ();
  g_autoptr(ConcordCase) loaded = NULL;
  g_autoptr(ConcordAgreement) a = NULL;
  g_autoptr(ConcordAgreement) stored = NULL;
  g_autofree char *term = NULL;
  ConcordTeamMember *officer = concord_team_member_new ();
  ConcordTeamMember *mediator = concord_team_member_new ();
  ConcordParty *first, *second;

  set_station (&u->f);
  c->source = CONCORD_SOURCE_CALL_110;
  c->incident_no = g_strdup ("J3702032026112000456");
  c->occurred_at = g_strdup ("2026-11-20T15:40:00Z");
  c->place = g_strdup ("台东夜市烧烤摊");
  c->category = g_strdup ("minor_injury");
  c->mediation_type = CONCORD_MEDIATION_POLICE;
  c->police_screened = TRUE;
  c->facts = g_strdup ("赵某与钱某在夜市烧烤摊饮酒时发生口角并互殴，双方均受轻微伤。");
  first = fixture_party (CONCORD_ROLE_PARTY, "赵某", CONCORD_GENDER_MALE,
                         "37020219900512001", "1990-05-12", "13805321001", "要求钱某赔偿医药费");
  second = fixture_party (CONCORD_ROLE_PARTY, "钱某", CONCORD_GENDER_MALE,
                          "37020319910301003", "1991-03-01", "13905321002", "要求赵某赔礼道歉");
  first->address = g_strdup ("青岛市市北区台东一路1号");
  second->address = g_strdup ("青岛市市北区台东二路2号");
  g_ptr_array_add (c->parties, first);
  g_ptr_array_add (c->parties, second);
  officer->name = g_strdup ("刘警官");
  officer->role = CONCORD_TEAM_OFFICER;
  officer->username = g_strdup ("liu");
  mediator->name = g_strdup ("王调解员");
  mediator->role = CONCORD_TEAM_MEDIATOR;
  g_ptr_array_add (c->team, officer);
  g_ptr_array_add (c->team, mediator);
  concord_store_save_case (u->f.store, c, ACTOR, &error);
  g_assert_no_error (error);
  g_assert_true (concord_store_decide_case (u->f.store, c->id, TRUE, NULL, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_move_stage (u->f.store, c->id, CONCORD_STAGE_FACE_TO_FACE, NULL, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_move_stage (u->f.store, c->id, CONCORD_STAGE_DRAFTING, NULL, ACTOR, &error));
  g_assert_no_error (error);
  loaded = concord_store_load_case (u->f.store, c->id, &error);
  g_assert_no_error (error);

  a = draft (&u->f, c->id, "police-mediation", "双方饮酒后因琐事发生口角，继而互殴。");
  concord_agreement_add_term (a, money_term (party_id_named (loaded, "钱某"), party_id_named (loaded, "赵某"), 1500));
  save_and_submit (&u->f, a);
  g_assert_true (concord_store_review_agreement (u->f.store, c->id, TRUE, NULL, LAWYER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stage_of (&u->f, c->id), ==, CONCORD_STAGE_SIGNING);

  stored = concord_store_load_agreement (u->f.store, c->id, 0, &error);
  g_assert_no_error (error);
  term = concord_agreement_term_text (stored, g_ptr_array_index (stored->terms, 0));

  concord_review_pane_set_case (u->pane, c->id);
  settle ();
  g_assert_true (shows_label (GTK_WIDGET (u->pane), loaded->facts));
  g_assert_true (shows_label (GTK_WIDGET (u->pane), term));
  g_assert_true (widget_shows (u->pane, "甲方"));
  g_assert_true (widget_shows (u->pane, "乙方"));
  g_assert_true (widget_shows (u->pane, "治安调解协议书"));
  g_assert_true (widget_shows (u->pane, "Approved for signing"));
  g_assert_true (widget_shows (u->pane, "Version 1 approved"));
  g_assert_null (find_shown_button (GTK_WIDGET (u->pane), "Approve for Signing"));
  g_assert_null (find_shown_button (GTK_WIDGET (u->pane), "Send Back to Drafting…"));
  g_assert_null (find_named (GTK_WIDGET (u->pane), "comment-button"));
  g_assert_null (find_named (GTK_WIDGET (u->pane), "cite-button"));

  /* No case: nothing to review. */
  concord_review_pane_set_case (u->pane, 0);
  settle ();
  g_assert_false (widget_shows (u->pane, term));
  g_assert_true (widget_shows (u->pane, "No Agreement to Review"));
}

/* The positions and legal points of caucuses go when the screen is
 * turned to the parties; the agreement stays. */
static void
test_privacy (UiFixture    *u,
              gconstpointer data)
{
  g_autoptr(ConcordCase) c = fire_case_in_review_with (&u->f, TRUE);
  GtkWidget *positions = template_child (u->pane, "positions_view");

  concord_review_pane_set_case (u->pane, c->id);
  settle ();
  g_assert_true (widget_shows (u->pane, CAUCUS_POINT));
  g_assert_true (widget_shows (u->pane, OPEN_POINT));
  g_assert_cmpuint (concord_positions_view_get_n_rows (CONCORD_POSITIONS_VIEW (positions)), ==, 2);

  concord_context_set_privacy_mode (u->context, TRUE);
  settle ();
  g_assert_false (widget_shows (u->pane, CAUCUS_POINT));
  g_assert_true (widget_shows (u->pane, OPEN_POINT));
  g_assert_true (widget_shows (u->pane, "Legal points explained back-to-back are hidden in privacy mode."));
  g_assert_cmpuint (concord_positions_view_get_n_rows (CONCORD_POSITIONS_VIEW (positions)), ==, 1);
  g_assert_nonnull (find_shown_button (GTK_WIDGET (u->pane), "Approve for Signing"));

  /* A reload keeps to it. */
  concord_review_pane_set_case (u->pane, c->id);
  settle ();
  g_assert_false (widget_shows (u->pane, CAUCUS_POINT));

  concord_context_set_privacy_mode (u->context, FALSE);
  settle ();
  g_assert_true (widget_shows (u->pane, CAUCUS_POINT));
  g_assert_cmpuint (concord_positions_view_get_n_rows (CONCORD_POSITIONS_VIEW (positions)), ==, 2);
}

/* Importing into the library, as its menu does */

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_library_import (UiFixture    *u,
                     gconstpointer data)
{
  g_autofree char *bad = write_file (&u->f, "相邻测试法-bad.md",
                                     "# 中华人民共和国相邻测试法\n"
                                     "\n"
                                     "2021年6月1日第十三届全国人民代表大会常务委员会通过\n"
                                     "\n"
                                     "<!-- INFO END -->\n"
                                     "\n"
                                     "## 第一章 总则\n"
                                     "\n"
                                     "第一条 为了测试导入，制定本法。\n"
                                     "\n"
                                     "第一条 重复的条文。\n");
  g_autofree char *good = write_file (&u->f, "相邻测试法(2021-06-01).md",
                                      "# 中华人民共和国相邻测试法\n"
                                      "\n"
                                      "2021年6月1日第十三届全国人民代表大会常务委员会通过\n"
                                      "\n"
                                      "<!-- INFO END -->\n"
                                      "\n"
                                      "## 第一章 总则\n"
                                      "\n"
                                      "第一条 为了测试导入，制定本法。\n"
                                      "\n"
                                      "第二条 相邻的楼上楼下应当互谅互让，维修房屋时注意排水。\n");
  ConcordStatuteLibrary *library = concord_statute_library_new (u->context, 0, NULL);
  AdwMessageDialog *dialog;
  gpointer args[2];

  gtk_window_present (GTK_WINDOW (library));
  settle ();

  /* Never blank: the laws of the starter set before a search. */
  g_assert_true (shows_label (GTK_WIDGET (library), "Laws in the Library"));
  g_assert_true (shows_label (GTK_WIDGET (library), "中华人民共和国民法典"));
  g_assert_false (gtk_widget_get_visible (template_child (library, "cite_bar")));

  /* A bad file: refused, naming the file and the line. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (library), "library.import-file", "s", bad));
  g_assert_true (wait_for (message_dialog_open, NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "相邻测试法-bad.md"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Line 11"));
  answer (dialog, "close");
  concord_statute_library_search (library, "相邻测试法");
  g_assert_true (shows_label (GTK_WIDGET (library), "No Articles Found"));

  /* A good file: its articles are found. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (library), "library.import-file", "s", good));
  args[0] = library;
  args[1] = "Imported 2 articles of 中华人民共和国相邻测试法";
  g_assert_true (wait_for (library_lists, args));
  g_assert_null (find_message_dialog ());
  concord_statute_library_search (library, "楼上楼下");
  args[1] = "相邻测试法 第二条";
  g_assert_true (wait_for (library_lists, args));
  g_assert_true (shows_label (GTK_WIDGET (library), "相邻的楼上楼下应当互谅互让，维修房屋时注意排水。"));
  g_assert_true (shows_label (GTK_WIDGET (library), "Version of 2021-06-01 · 第一章 总则"));

  /* Emptied again: the laws, the new one among them. */
  concord_statute_library_search (library, "");
  g_assert_true (shows_label (GTK_WIDGET (library), "中华人民共和国相邻测试法"));
  g_assert_true (shows_label (GTK_WIDGET (library), "2021-06-01 · 2 articles"));
}

/* Up and Down in the search field move through the results. */
static void
test_library_keys (UiFixture    *u,
                   gconstpointer data)
{
  ConcordStatuteLibrary *library = concord_statute_library_new (u->context, 0, NULL);
  GtkListBox *list;
  GtkWidget *search;

  gtk_window_present (GTK_WINDOW (library));
  settle ();
  concord_statute_library_search (library, "过错");
  settle ();
  list = template_child (library, "results_list");
  search = template_child (library, "search_entry");
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (list)), ==, 0);

  /* The key as the search field's own controller gets it. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (search);
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
            gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
      }
    g_assert_true (handled);
  }
  settle ();
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (list)), ==, 1);
  {
    /* The article shown follows: the row's title ends with its label. */
    GtkLabel *article = template_child (library, "article_label");
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_selected_row (list));
    GtkLabel *title = GTK_LABEL (find_first (row, GTK_TYPE_LABEL));

    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (article)));
    g_assert_true (g_str_has_suffix (gtk_label_get_text (title), gtk_label_get_text (article)));
  }
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "review"))
    return 77;

#define ADD(path, func) g_test_add (path, UiFixture, NULL, ui_set_up, func, ui_tear_down)
  ADD ("/ui/review/fire", test_fire_review);
  ADD ("/ui/review/send-back-kept", test_send_back_kept);
  ADD ("/ui/review/police-read-only", test_police_read_only);
  ADD ("/ui/review/privacy", test_privacy);
  ADD ("/ui/review/library-import", test_library_import);
  ADD ("/ui/review/library-keys", test_library_keys);
#undef ADD

  return g_test_run ();
}
