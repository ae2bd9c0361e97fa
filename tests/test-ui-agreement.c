/* test-ui-agreement.c — scenario 1's agreement drafted through the real
 * widgets: started from the case, checked, completed at the places the
 * check points to, a money term typed in the term dialog (a wrong amount
 * and instalments that do not add up first), two versions compared, the
 * working draft saved on its own, and sent to legal review once nothing
 * is missing. Runs under Xvfb (suite "ui").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "concord-agreement-editor.h"
#include "concord-term-dialog.h"
#include "concord-version-dialog.h"
#include "test-fixtures.h"
#include "test-ui-helpers.h"

#define ACTOR "王调解员"
#define FIRE_FACTS "租户吴某用电不慎引发火灾，烧毁房东李某的房屋并熏黑楼上邻居张某的房屋，张某报警要求赔偿。"
#define NEW_FACTS  "租户吴某用电不慎引发火灾，烧毁房东李某的卧室并熏黑楼上邻居张某的房屋，张某报警要求赔偿。"
#define RESPONSIBILITY "吴某对火灾负全部责任。"

typedef struct
{
  Fixture                 f;
  ConcordCase            *c;
  ConcordContext         *context;
  GtkWindow              *window;
  ConcordAgreementEditor *editor;
  GPtrArray              *opened;    /* targets of "open-target" */
} Desk;

static void
open_target_cb (ConcordAgreementEditor *editor,
                const char             *target,
                Desk                   *desk)
{
  g_ptr_array_add (desk->opened, g_strdup (target));
}

static void
wait_until_mapped (gpointer widget)
{
  gint64 deadline = g_get_monotonic_time () + UI_WAIT_TIMEOUT_MS * 1000;

  while (!gtk_widget_get_mapped (GTK_WIDGET (widget)) && g_get_monotonic_time () < deadline)
    run_for (20);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (widget)));
  run_for (50);
}

static void
desk_set_up (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = NULL;
  GtkWidget *overlay, *scroller;

  fixture_set_up (&desk->f, NULL);
  c = fixture_stored_fire_case (&desk->f, CONCORD_STAGE_BACK_TO_BACK, ACTOR);
  g_assert_true (concord_store_move_stage (desk->f.store, c->id, CONCORD_STAGE_DRAFTING, NULL, ACTOR, &error));
  g_assert_no_error (error);
  desk->c = concord_store_load_case (desk->f.store, c->id, &error);
  g_assert_no_error (error);
  desk->context = concord_context_new (desk->f.store, "tester");
  desk->opened = g_ptr_array_new_with_free_func (g_free);

  /* As in the main window: a toast overlay over the scrolled case page. */
  desk->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (desk->window, 1000, 800);
  overlay = adw_toast_overlay_new ();
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  desk->editor = CONCORD_AGREEMENT_EDITOR (concord_agreement_editor_new (desk->context));
  g_signal_connect (desk->editor, "open-target", G_CALLBACK (open_target_cb), desk);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (desk->editor));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), scroller);
  adw_window_set_content (ADW_WINDOW (desk->window), overlay);
  gtk_window_present (desk->window);
  wait_until_mapped (desk->window);
}

static void
desk_tear_down (Desk *desk)
{
  destroy_all_windows ();
  g_clear_pointer (&desk->opened, g_ptr_array_unref);
  g_clear_object (&desk->context);
  g_clear_pointer (&desk->c, concord_case_unref);
  fixture_tear_down (&desk->f, NULL);
}

/* The widget named @name under @root (fields are "field:KEY", terms
 * "term:ID", problems their target), or NULL. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
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

static GtkWidget *
field (Desk       *desk,
       const char *key)
{
  g_autofree char *name = g_strconcat ("field:", key, NULL);
  GtkWidget *widget = find_named (template_child (desk->editor, "sections_box"), name);

  g_assert_nonnull (widget);
  return widget;
}

static char *
field_text (Desk       *desk,
            const char *key)
{
  GtkWidget *widget = field (desk, key);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (!GTK_IS_TEXT_VIEW (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The problem row of the check list for @target, when it is shown. */
static GtkWidget *
problem_row (Desk       *desk,
             const char *target)
{
  GtkWidget *group = template_child (desk->editor, "check_group");
  GtkWidget *row;

  if (!gtk_widget_get_mapped (group))
    return NULL;
  row = find_named (group, target);
  return row != NULL && gtk_widget_get_mapped (row) ? row : NULL;
}

static GtkWidget *
focused (Desk *desk)
{
  return gtk_root_get_focus (GTK_ROOT (desk->window));
}

/* A click on a button the user can see and use. */
static void
click (gpointer button)
{
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

static ConcordAgreement *
stored_draft (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  ConcordAgreement *draft = concord_store_load_agreement_draft (desk->f.store, desk->c->id, &error);

  g_assert_no_error (error);
  return draft;
}

static GPtrArray *
stored_versions (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *versions = concord_store_list_agreement_versions (desk->f.store, desk->c->id, &error);

  g_assert_no_error (error);
  return versions;
}

static gboolean
opened (Desk       *desk,
        const char *target)
{
  for (guint i = 0; i < desk->opened->len; i++)
    if (g_strcmp0 (g_ptr_array_index (desk->opened, i), target) == 0)
      return TRUE;
  return FALSE;
}

/* The date and amount entries of instalment row @n (from 0). */
static void
instalment_entries (ConcordTermDialog *dialog,
                    guint              n,
                    GtkEditable      **date,
                    GtkEditable      **amount)
{
  GtkWidget *list = template_child (dialog, "instalments_list");
  GtkWidget *row = gtk_widget_get_first_child (list);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  for (guint i = 0; i < n && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  collect (row, GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 2);
  *date = g_ptr_array_index (entries, 0);
  *amount = g_ptr_array_index (entries, 1);
}

static guint
count_instalments (ConcordTermDialog *dialog)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (template_child (dialog, "instalments_list"));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* Whether the markup of @label marks @text (its first occurrence) with an
 * attribute of @type. */
static gboolean
label_marks (GtkLabel      *label,
             const char    *text,
             PangoAttrType  type)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  PangoAttrList *attrs = NULL;
  PangoAttrIterator *iter;
  const char *at;
  guint start, end;
  gboolean found = FALSE;

  g_assert_true (pango_parse_markup (gtk_label_get_label (label), -1, 0, &attrs, &plain, NULL, &error));
  g_assert_no_error (error);
  at = strstr (plain, text);
  g_assert_nonnull (at);
  start = at - plain;
  end = start + strlen (text);

  iter = pango_attr_list_get_iterator (attrs);
  do
    {
      int s, e;

      pango_attr_iterator_range (iter, &s, &e);
      if ((guint) s <= start && (guint) e >= end && pango_attr_iterator_get (iter, type) != NULL)
        found = TRUE;
    }
  while (!found && pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);
  pango_attr_list_unref (attrs);
  return found;
}

/* The term dialog: a wrong amount and instalments that do not add up
 * are told at their fields with everything typed kept; fixed, the term
 * goes into the agreement. Returns the sentence the dialog showed. */
static char *
add_money_term (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  ConcordTermDialog *dialog;
  GtkWidget *button;
  GtkLabel *amount_error, *instalments_error;
  GtkEditable *amount, *date1, *amount1, *date2, *amount2;
  const char *words;
  char *sentence;

  button = find_shown_button (GTK_WIDGET (desk->editor), "Add _Money Term…");
  g_assert_nonnull (button);
  click (button);
  dialog = CONCORD_TERM_DIALOG (wait_for_toplevel (CONCORD_TYPE_TERM_DIALOG, NULL));
  g_assert_nonnull (dialog);
  wait_until_mapped (dialog);

  /* A payment: the respondent (the last party) pays the first party. */
  g_assert_cmpuint (adw_combo_row_get_selected (template_child (dialog, "kind_row")), ==, CONCORD_TERM_MONEY);
  g_assert_cmpuint (adw_combo_row_get_selected (template_child (dialog, "payer_row")), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (template_child (dialog, "payee_row")), ==, 0);

  /* A wrong amount: the error at the field, the text kept, still open. */
  amount = template_child (dialog, "amount_row");
  amount_error = template_child (dialog, "amount_error");
  gtk_editable_set_text (amount, "六万x");
  g_assert_false (concord_term_dialog_save (dialog, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (amount_error)));
  g_assert_cmpstr (gtk_label_get_text (amount_error), !=, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (amount), "error"));
  g_assert_cmpstr (gtk_editable_get_text (amount), ==, "六万x");
  g_assert_true (find_toplevel (CONCORD_TYPE_TERM_DIALOG) == GTK_WINDOW (dialog));

  /* As people type it, shown both ways at once. */
  gtk_editable_set_text (amount, "6万");
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (amount_error)));
  words = gtk_label_get_text (template_child (dialog, "amount_words"));
  g_assert_cmpstr (words, ==, "¥60,000.00 · 人民币陆万元整");
  g_assert_true (shows_label (GTK_WIDGET (dialog), "¥60,000.00 · 人民币陆万元整"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "term.method", "s", "银行转账"));
  g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, "method_row")), ==, "银行转账");

  /* Instalments start with two rows; 40,000 + 10,000 is not 60,000. */
  adw_combo_row_set_selected (template_child (dialog, "schedule_row"), 1);
  settle ();
  g_assert_cmpuint (count_instalments (dialog), ==, 2);
  instalment_entries (dialog, 0, &date1, &amount1);
  instalment_entries (dialog, 1, &date2, &amount2);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (date1)));
  gtk_editable_set_text (date1, "2026-11-30");
  gtk_editable_set_text (amount1, "4万");
  gtk_editable_set_text (date2, "2026年12月31日");
  gtk_editable_set_text (amount2, "10000");
  g_assert_false (concord_term_dialog_save (dialog, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  settle ();
  instalments_error = template_child (dialog, "instalments_error");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (instalments_error)));
  g_assert_nonnull (strstr (gtk_label_get_text (instalments_error), "¥50,000.00"));
  g_assert_nonnull (strstr (gtk_label_get_text (instalments_error), "¥60,000.00"));
  g_assert_cmpstr (gtk_editable_get_text (amount2), ==, "10000");
  g_assert_cmpstr (gtk_editable_get_text (amount), ==, "6万");
  g_assert_true (find_toplevel (CONCORD_TYPE_TERM_DIALOG) == GTK_WINDOW (dialog));

  /* Fixed: the sentence the agreement will print is shown below. */
  gtk_editable_set_text (amount2, "2万");
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (instalments_error)));
  sentence = g_strdup (gtk_label_get_text (template_child (dialog, "preview_label")));
  g_assert_nonnull (strstr (sentence, "吴某"));
  g_assert_nonnull (strstr (sentence, "张某"));
  g_assert_nonnull (strstr (sentence, "陆万元整"));
  g_assert_nonnull (strstr (sentence, "银行转账"));
  g_assert_true (concord_term_dialog_save (dialog, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_null (find_toplevel (CONCORD_TYPE_TERM_DIALOG));
  return sentence;
}

static void
test_scenario_1 (void)
{
  Desk desk = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordAgreement) draft = NULL;
  g_autoptr(ConcordTemplate) people = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *party_target = NULL;
  GtkStringObject *item;
  GtkWidget *row, *view, *undo;
  GtkTextBuffer *buffer;
  ConcordVersionDialog *compare;
  GtkWidget *change;
  GtkLabel *change_text = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  desk_set_up (&desk);
  people = concord_template_find ("people-mediation");
  g_assert_nonnull (people);

  /* No agreement yet: the page offers to start one, with the template of
   * people's mediation chosen. */
  concord_agreement_editor_set_case (desk.editor, desk.c->id);
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (desk.editor, "stack")), ==, "start");
  g_assert_true (widget_shows (desk.editor, "No Agreement Drafted Yet"));
  item = gtk_drop_down_get_selected_item (template_child (desk.editor, "template_dropdown"));
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, people->name);
  g_assert_false (concord_agreement_editor_focus_target (desk.editor, "field:facts"));

  /* Started from the case: the facts and the claims are there, and the
   * working draft is stored at once. */
  click (template_child (desk.editor, "start_button"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (desk.editor, "stack")), ==, "draft");
  g_assert_true (shows_label (GTK_WIDGET (desk.editor), "人民调解协议书"));
  text = field_text (&desk, "facts");
  g_assert_cmpstr (text, ==, FIRE_FACTS);
  g_clear_pointer (&text, g_free);
  text = field_text (&desk, "disputed");
  g_assert_nonnull (strstr (text, "张某"));
  g_clear_pointer (&text, g_free);
  draft = stored_draft (&desk);
  g_assert_nonnull (draft);
  g_assert_cmpstr (draft->template_id, ==, "people-mediation");
  g_clear_pointer (&draft, concord_agreement_unref);
  g_assert_true (widget_shows (desk.editor, "Draft, not saved as a version yet"));
  g_assert_false (gtk_widget_is_sensitive (template_child (desk.editor, "compare_button")));
  /* The parties as the agreement states them. */
  g_assert_true (widget_shows (desk.editor, "吴某，男，2004年1月15日出生"));

  /* Check: what is missing is listed, each at its place. */
  g_assert_null (problem_row (&desk, "field:responsibility"));
  click (template_child (desk.editor, "check_button"));
  g_assert_true (gtk_widget_get_mapped (template_child (desk.editor, "check_group")));
  g_assert_nonnull (problem_row (&desk, "field:responsibility"));
  g_assert_nonnull (problem_row (&desk, "terms"));
  g_assert_nonnull (problem_row (&desk, "setting:station.committee"));
  g_assert_null (problem_row (&desk, "field:facts"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (problem_row (&desk, "terms"))), !=, "");

  /* A problem in the editor leads to its field; one elsewhere is
   * announced for the case view. */
  gtk_widget_activate (problem_row (&desk, "field:responsibility"));
  settle ();
  view = field (&desk, "responsibility");
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  g_assert_true (focused (&desk) == view);
  gtk_widget_activate (problem_row (&desk, "setting:station.committee"));
  settle ();
  g_assert_true (opened (&desk, "setting:station.committee"));
  g_assert_true (focused (&desk) != view);

  /* Typed there: saved on its own, and the list follows. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_widget_grab_focus (view);
  gtk_text_buffer_insert_at_cursor (buffer, RESPONSIBILITY, -1);
  run_for (500);
  draft = stored_draft (&desk);
  g_assert_nonnull (draft);
  g_assert_cmpstr (concord_agreement_get_field (draft, "responsibility"), ==, RESPONSIBILITY);
  g_clear_pointer (&draft, concord_agreement_unref);
  g_assert_null (problem_row (&desk, "field:responsibility"));
  g_assert_nonnull (problem_row (&desk, "terms"));

  /* The payment, through the term dialog; the row says the sentence. */
  sentence = add_money_term (&desk);
  row = find_named (template_child (desk.editor, "sections_box"), "term:t1");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_true (shows_label (row, sentence));
  g_assert_true (focused (&desk) == row);
  run_for (500);
  g_assert_null (problem_row (&desk, "terms"));
  draft = stored_draft (&desk);
  g_assert_cmpuint (draft->terms->len, ==, 1);
  g_assert_cmpint (((ConcordTerm *) g_ptr_array_index (draft->terms, 0))->amount_fen, ==, 6000000);
  g_assert_cmpuint (((ConcordTerm *) g_ptr_array_index (draft->terms, 0))->instalments->len, ==, 2);
  g_clear_pointer (&draft, concord_agreement_unref);

  /* Removed and put back with the toast's Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk.editor), "agreement.remove-term", "s", "t1"));
  settle ();
  g_assert_null (find_named (template_child (desk.editor, "sections_box"), "term:t1"));
  g_assert_true (shows_label (GTK_WIDGET (desk.window), "Term removed"));
  run_for (500);
  draft = stored_draft (&desk);
  g_assert_cmpuint (draft->terms->len, ==, 0);
  g_clear_pointer (&draft, concord_agreement_unref);
  undo = find_shown_button (GTK_WIDGET (desk.window), "_Undo");
  g_assert_nonnull (undo);
  click (undo);
  row = find_named (template_child (desk.editor, "sections_box"), "term:t1");
  g_assert_nonnull (row);
  g_assert_true (shows_label (row, sentence));
  run_for (500);
  draft = stored_draft (&desk);
  g_assert_cmpuint (draft->terms->len, ==, 1);
  g_clear_pointer (&draft, concord_agreement_unref);

  /* Version 1. */
  click (template_child (desk.editor, "save_button"));
  versions = stored_versions (&desk);
  g_assert_cmpuint (versions->len, ==, 1);
  g_clear_pointer (&versions, g_ptr_array_unref);
  g_assert_null (stored_draft (&desk));
  g_assert_true (shows_label (GTK_WIDGET (desk.window), "Version 1 saved"));
  g_assert_nonnull (strstr (gtk_label_get_text (template_child (desk.editor, "version_label")), "Version 1"));
  g_assert_false (gtk_widget_get_visible (template_child (desk.editor, "unsaved_label")));
  g_assert_false (gtk_widget_is_sensitive (template_child (desk.editor, "compare_button")));

  /* The facts changed: unsaved until version 2. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (&desk, "facts")));
  gtk_text_buffer_set_text (buffer, NEW_FACTS, -1);
  run_for (500);
  g_assert_true (gtk_widget_get_mapped (template_child (desk.editor, "unsaved_label")));
  draft = stored_draft (&desk);
  g_assert_cmpstr (concord_agreement_get_field (draft, "facts"), ==, NEW_FACTS);
  g_clear_pointer (&draft, concord_agreement_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk.editor), "agreement.save-version", NULL));
  settle ();
  versions = stored_versions (&desk);
  g_assert_cmpuint (versions->len, ==, 2);
  g_clear_pointer (&versions, g_ptr_array_unref);
  g_assert_nonnull (strstr (gtk_label_get_text (template_child (desk.editor, "version_label")), "Version 2"));
  g_assert_false (gtk_widget_get_visible (template_child (desk.editor, "unsaved_label")));

  /* Compared: the facts, with the words taken out struck through and
   * those put in underlined. */
  click (template_child (desk.editor, "compare_button"));
  compare = CONCORD_VERSION_DIALOG (wait_for_toplevel (CONCORD_TYPE_VERSION_DIALOG, NULL));
  g_assert_nonnull (compare);
  wait_until_mapped (compare);
  g_assert_cmpuint (gtk_drop_down_get_selected (template_child (compare, "before_dropdown")), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (template_child (compare, "after_dropdown")), ==, 1);
  g_assert_cmpuint (concord_version_dialog_get_n_changes (compare), ==, 1);
  change = find_named (GTK_WIDGET (compare), "field:facts");
  g_assert_nonnull (change);
  g_assert_true (gtk_widget_get_mapped (change));
  g_assert_true (shows_label (change, "Changed"));
  collect (change, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "change-text"))
      change_text = g_ptr_array_index (labels, i);
  g_assert_nonnull (change_text);
  g_assert_true (label_marks (change_text, "房屋", PANGO_ATTR_STRIKETHROUGH));
  g_assert_true (label_marks (change_text, "卧室", PANGO_ATTR_UNDERLINE));
  g_assert_false (label_marks (change_text, "租户吴某", PANGO_ATTR_STRIKETHROUGH));
  g_assert_false (label_marks (change_text, "租户吴某", PANGO_ATTR_UNDERLINE));
  /* The same version twice: nothing differs. */
  g_assert_true (concord_version_dialog_compare (compare, 2, 2));
  settle ();
  g_assert_cmpuint (concord_version_dialog_get_n_changes (compare), ==, 0);
  g_assert_true (widget_shows (compare, "No Differences"));
  gtk_window_destroy (GTK_WINDOW (compare));
  settle ();

  /* Sent on with something still missing: refused, and the list says what. */
  g_clear_pointer (&desk.opened, g_ptr_array_unref);
  desk.opened = g_ptr_array_new_with_free_func (g_free);
  g_assert_false (concord_agreement_editor_submit (desk.editor, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  settle ();
  g_assert_nonnull (problem_row (&desk, "setting:station.committee"));
  c = concord_store_load_case (desk.f.store, desk.c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->stage, ==, CONCORD_STAGE_DRAFTING);

  /* A party's address is changed in the case: its row says where. */
  party_target = g_strdup_printf ("party:%" G_GINT64_FORMAT,
                                  ((ConcordParty *) g_ptr_array_index (c->parties, 0))->id);
  row = problem_row (&desk, party_target);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  settle ();
  g_assert_true (opened (&desk, party_target));
  g_assert_false (concord_agreement_editor_focus_target (desk.editor, party_target));
  g_assert_true (concord_agreement_editor_focus_target (desk.editor, "copies"));
  g_assert_true (GTK_IS_SPIN_BUTTON (gtk_widget_get_ancestor (focused (&desk), GTK_TYPE_SPIN_BUTTON)));

  /* Completed where the case view would do it: the committee's name in
   * the settings, the addresses in the case. */
  g_assert_true (concord_store_set_setting (desk.f.store, CONCORD_SETTING_COMMITTEE_NAME,
                                            "东城街道人民调解委员会", ACTOR, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < c->parties->len; i++)
    {
      ConcordParty *p = g_ptr_array_index (c->parties, i);

      g_free (p->address);
      p->address = g_strdup ("青岛市市北区幸福路8号");
    }
  g_assert_true (concord_store_save_case (desk.f.store, c, ACTOR, &error));
  g_assert_no_error (error);
  concord_context_case_changed (desk.context, desk.c->id);
  run_for (500);
  g_assert_true (widget_shows (desk.editor, "青岛市市北区幸福路8号"));
  g_assert_true (widget_shows (desk.editor, "东城街道人民调解委员会"));

  /* The autosave once more, then nothing is missing and it goes on. */
  view = field (&desk, "participants");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, "民警刘警官、律师陈律师、调解员王调解员", -1);
  run_for (500);
  draft = stored_draft (&desk);
  g_assert_nonnull (draft);
  g_assert_cmpstr (concord_agreement_get_field (draft, "participants"), ==, "民警刘警官、律师陈律师、调解员王调解员");
  g_clear_pointer (&draft, concord_agreement_unref);
  g_assert_nonnull (problem_row (&desk, "check-ok"));
  g_assert_true (widget_shows (desk.editor, "Nothing is missing"));

  g_assert_true (concord_agreement_editor_submit (desk.editor, &error));
  g_assert_no_error (error);
  g_clear_pointer (&c, concord_case_unref);
  c = concord_store_load_case (desk.f.store, desk.c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->stage, ==, CONCORD_STAGE_REVIEW);
  versions = stored_versions (&desk);
  g_assert_cmpuint (versions->len, ==, 3);
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* In review the agreement is shown, no longer changed here. */
  run_for (200);
  g_assert_false (gtk_widget_get_visible (template_child (desk.editor, "save_button")));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (field (&desk, "facts"))));
  g_assert_null (find_shown_button (GTK_WIDGET (desk.editor), "Add _Money Term…"));

  desk_tear_down (&desk);
}

/* An act term, its sentence, and a change of it through its row. */
static void
test_other_term (void)
{
  Desk desk = { 0 };
  g_autoptr(GError) error = NULL;
  ConcordTermDialog *dialog;
  GtkTextBuffer *what;
  GtkLabel *act_error;
  GtkWidget *row;
  const char *sentence;

  desk_set_up (&desk);
  concord_agreement_editor_set_case (desk.editor, desk.c->id);
  click (template_child (desk.editor, "start_button"));

  click (find_shown_button (GTK_WIDGET (desk.editor), "Add _Other Term…"));
  dialog = CONCORD_TERM_DIALOG (wait_for_toplevel (CONCORD_TYPE_TERM_DIALOG, NULL));
  g_assert_nonnull (dialog);
  wait_until_mapped (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (template_child (dialog, "kind_row")), ==, CONCORD_TERM_ACT);

  /* Nothing said: told at the field. */
  act_error = template_child (dialog, "act_error");
  g_assert_false (concord_term_dialog_save (dialog, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (act_error)));

  /* Switching the kind and back keeps what was typed. */
  what = gtk_text_view_get_buffer (template_child (dialog, "act_view"));
  gtk_text_buffer_set_text (what, "向李某赔礼道歉", -1);
  gtk_editable_set_text (template_child (dialog, "deadline_row"), "于本协议签订时");
  adw_combo_row_set_selected (template_child (dialog, "performer_row"), 2);
  adw_combo_row_set_selected (template_child (dialog, "kind_row"), CONCORD_TERM_MONEY);
  settle ();
  adw_combo_row_set_selected (template_child (dialog, "kind_row"), CONCORD_TERM_ACT);
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (act_error)));
  g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, "deadline_row")), ==, "于本协议签订时");
  sentence = gtk_label_get_text (template_child (dialog, "preview_label"));
  g_assert_nonnull (strstr (sentence, "赔礼道歉"));
  g_assert_true (concord_term_dialog_save (dialog, &error));
  g_assert_no_error (error);
  settle ();

  row = find_named (template_child (desk.editor, "sections_box"), "term:t1");
  g_assert_nonnull (row);
  g_assert_true (widget_shows (row, "赔礼道歉"));

  /* Changed through its row: the dialog opens with it. */
  gtk_widget_activate (row);
  dialog = CONCORD_TERM_DIALOG (wait_for_toplevel (CONCORD_TYPE_TERM_DIALOG, NULL));
  g_assert_nonnull (dialog);
  what = gtk_text_view_get_buffer (template_child (dialog, "act_view"));
  gtk_text_buffer_set_text (what, "向李某、张某赔礼道歉", -1);
  g_assert_true (concord_term_dialog_save (dialog, &error));
  g_assert_no_error (error);
  settle ();
  row = find_named (template_child (desk.editor, "sections_box"), "term:t1");
  g_assert_true (widget_shows (row, "向李某、张某赔礼道歉"));
  g_assert_null (find_named (template_child (desk.editor, "sections_box"), "term:t2"));

  /* Switching to another case saves what was pending at once. */
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (&desk, "responsibility"))),
                                    RESPONSIBILITY, -1);
  concord_agreement_editor_set_case (desk.editor, 0);
  {
    g_autoptr(ConcordAgreement) draft = stored_draft (&desk);

    g_assert_nonnull (draft);
    g_assert_cmpstr (concord_agreement_get_field (draft, "responsibility"), ==, RESPONSIBILITY);
    g_assert_cmpuint (draft->terms->len, ==, 1);
  }

  desk_tear_down (&desk);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "agreement editor"))
    return 77;

  g_test_add_func ("/agreement/scenario-1", test_scenario_1);
  g_test_add_func ("/agreement/other-term", test_other_term);
  return g_test_run ();
}
