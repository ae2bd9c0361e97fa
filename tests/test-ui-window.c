/* test-ui-window.c — the main window driven as a person would: the list,
 * search as you type, the stage filter, opening a case, accepting it and
 * not accepting another with a reason. Runs under Xvfb (suite "ui").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "concord-application.h"
#include "concord-case-row.h"
#include "concord-case-view.h"
#include "concord-fail-dialog-private.h"
#include "concord-intake-dialog.h"
#include "concord-intake-dialog-private.h"
#include "concord-preferences-window.h"
#include "concord-review-pane.h"
#include "concord-statute-library.h"
#include "concord-stage-path.h"
#include "concord-ui-util.h"
#include "concord-window.h"
#include "test-fixtures.h"
#include "test-ui-helpers.h"


typedef struct
{
  Fixture         base;
  ConcordContext *context;
  ConcordWindow  *window;
  gint64          fire_id;      /* 火灾 in the facts */
  gint64          water_id;     /* 火灾 too */
  gint64          dance_id;
  gint64          fight_id;     /* accepted before the window opens */
  gint64          debt_id;
} WindowFixture;


static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Walking the widget tree */

static gboolean
shows_status_page (GtkWidget  *root,
                   const char *title)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  collect (root, ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (pages, i);

      if (gtk_widget_get_mapped (page) &&
          g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (page)), title) == 0)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
find_button (GtkWidget  *root,
             GType       type,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, type, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  g_error ("no button “%s”", label);
  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (root, type, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  g_error ("no row “%s”", title);
  return NULL;
}

/* The ids of the case rows on screen, sorted. */
static GArray *
shown_ids (ConcordWindow *window)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  collect (GTK_WIDGET (window), CONCORD_TYPE_CASE_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      ConcordCaseRow *row = g_ptr_array_index (rows, i);
      ConcordCaseSummary *summary = concord_case_row_get_summary (row);
      gint64 id;

      if (summary == NULL || !gtk_widget_get_mapped (GTK_WIDGET (row)))
        continue;
      id = concord_case_summary_get_id (summary);
      g_array_append_val (ids, id);
    }
  return ids;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  ConcordWindow *window;
  gint64         ids[8];
  guint          n_ids;
} ShownRows;

static gboolean
rows_are (gpointer data)
{
  ShownRows *expected = data;
  g_autoptr(GArray) ids = shown_ids (expected->window);
  gint64 want[8];

  if (ids->len != expected->n_ids)
    return FALSE;
  memcpy (want, expected->ids, sizeof (gint64) * expected->n_ids);
  qsort (want, expected->n_ids, sizeof (gint64), compare_ids);
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) != want[i])
      return FALSE;
  return TRUE;
}

static void
assert_rows (ConcordWindow *window,
             guint          n_ids,
             ...)
{
  ShownRows expected = { window, { 0 }, n_ids };
  va_list args;

  g_assert_cmpuint (n_ids, <=, G_N_ELEMENTS (expected.ids));
  va_start (args, n_ids);
  for (guint i = 0; i < n_ids; i++)
    expected.ids[i] = va_arg (args, gint64);
  va_end (args);

  if (!wait_for (rows_are, &expected))
    {
      g_autoptr(GArray) ids = shown_ids (window);
      GString *shown = g_string_new (NULL);

      for (guint i = 0; i < ids->len; i++)
        g_string_append_printf (shown, " %" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
      g_error ("expected %u rows on screen, the window shows:%s", n_ids, shown->str);
    }
  /* The model holds exactly what is shown. */
  g_assert_cmpuint (g_list_model_get_n_items (concord_window_get_case_list (window)), ==, n_ids);
}

/* Typing into the real search entry, waiting for its debounce. */
static void
type_search (ConcordWindow *window,
             const char    *text)
{
  GtkEditable *entry = concord_window_get_search_entry (window);
  gboolean changed = FALSE;
  gulong id;

  id = g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (set_flag_cb), &changed);
  gtk_editable_set_text (entry, text);
  g_assert_true (wait_for (flag_set, &changed));
  g_signal_handler_disconnect (entry, id);
}

/* Fixture */

static gint64
add_case (ConcordStore         *store,
          const char           *category,
          ConcordMediationType  type,
          const char           *facts,
          const char          **names,
          const char           *mediator_username)
{
  g_autoptr(ConcordCase) c = concord_case_new ();
  g_autoptr(GError) error = NULL;

  c->source = CONCORD_SOURCE_CALL_110;
  c->category = g_strdup (category);
  c->mediation_type = type;
  c->facts = g_strdup (facts);
  for (guint i = 0; names[i] != NULL; i++)
    {
      ConcordParty *p = concord_party_new ();

      p->role = i == 0 ? CONCORD_ROLE_APPLICANT : CONCORD_ROLE_RESPONDENT;
      p->name = g_strdup (names[i]);
      g_ptr_array_add (c->parties, p);
    }
  if (mediator_username != NULL)
    {
      ConcordTeamMember *m = concord_team_member_new ();

      m->name = g_strdup ("宋调解");
      m->role = CONCORD_TEAM_MEDIATOR;
      m->username = g_strdup (mediator_username);
      g_ptr_array_add (c->team, m);
    }
  g_assert_true (concord_store_save_case (store, c, "tester", &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->id, >, 0);
  return c->id;
}

static gboolean
window_ready (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
window_set_up (WindowFixture *f,
               gconstpointer  data)
{
  gboolean empty = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;

  fixture_set_up (&f->base, NULL);

  if (!empty)
    {
      f->fire_id = add_case (f->base.store, "damage", CONCORD_MEDIATION_PEOPLE,
                             "租户用电不慎引发火灾，房东和楼上邻居的房屋受损。",
                             (const char *[]) { "吴某", "李某", "张某", NULL }, "tester");
      f->dance_id = add_case (f->base.store, "neighbour", CONCORD_MEDIATION_PEOPLE,
                              "居民每天早晨在楼下跳广场舞，业主无法休息。",
                              (const char *[]) { "赵某", "孙某", NULL }, NULL);
      f->fight_id = add_case (f->base.store, "minor_injury", CONCORD_MEDIATION_POLICE,
                              "两人在夜市摊位饮酒后发生口角并互殴，均有轻微伤。",
                              (const char *[]) { "周某", "郑某", NULL }, NULL);
      f->debt_id = add_case (f->base.store, "contract", CONCORD_MEDIATION_LAWYER,
                             "商户拖欠批发货款，债权人到店吵闹。",
                             (const char *[]) { "王某", "冯某", NULL }, NULL);
      f->water_id = add_case (f->base.store, "damage", CONCORD_MEDIATION_PEOPLE,
                              "楼上发生火灾后救火用水漫到楼下商铺。",
                              (const char *[]) { "陈某", "褚某", NULL }, NULL);
      g_assert_true (concord_store_decide_case (f->base.store, f->fight_id, TRUE, NULL, "tester", &error));
      g_assert_no_error (error);
    }

  f->context = concord_context_new (f->base.store, "tester");
  f->window = g_object_ref_sink (concord_window_new (NULL, f->context));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_for (window_ready, f->window));
  settle ();
}

static void
window_tear_down (WindowFixture *f,
                  gconstpointer  data)
{
  GList *toplevels;

  /* Dialogs a test left open go first. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  gtk_window_destroy (GTK_WINDOW (f->window));
  settle ();
  g_clear_object (&f->window);
  g_clear_object (&f->context);
  fixture_tear_down (&f->base, NULL);
}

/* Tests */

static void
test_stage_path_compute (void)
{
  ConcordStagePathStep steps[CONCORD_STAGE_PATH_MAX_STEPS];
  guint n;

  n = concord_stage_path_compute (CONCORD_STAGE_ACCEPTED, -1, steps);
  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpint (steps[0].stage, ==, CONCORD_STAGE_RECEIVED);
  g_assert_cmpint (steps[0].state, ==, CONCORD_STEP_DONE);
  g_assert_cmpint (steps[1].stage, ==, CONCORD_STAGE_ACCEPTED);
  g_assert_cmpint (steps[1].state, ==, CONCORD_STEP_CURRENT);
  g_assert_cmpint (steps[2].state, ==, CONCORD_STEP_LATER);
  g_assert_cmpint (steps[8].stage, ==, CONCORD_STAGE_CLOSED);
  g_assert_cmpint (steps[8].state, ==, CONCORD_STEP_LATER);

  /* Not accepted leaves the path right after it was received. */
  n = concord_stage_path_compute (CONCORD_STAGE_NOT_ACCEPTED, -1, steps);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (steps[0].stage, ==, CONCORD_STAGE_RECEIVED);
  g_assert_cmpint (steps[0].state, ==, CONCORD_STEP_DONE);
  g_assert_cmpint (steps[1].stage, ==, CONCORD_STAGE_NOT_ACCEPTED);
  g_assert_cmpint (steps[1].state, ==, CONCORD_STEP_EXIT);

  /* A failure after back-to-back talks shows the path up to there. */
  n = concord_stage_path_compute (CONCORD_STAGE_FAILED, CONCORD_STAGE_BACK_TO_BACK, steps);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (steps[2].stage, ==, CONCORD_STAGE_BACK_TO_BACK);
  g_assert_cmpint (steps[2].state, ==, CONCORD_STEP_DONE);
  g_assert_cmpint (steps[3].stage, ==, CONCORD_STAGE_FAILED);
  g_assert_cmpint (steps[3].state, ==, CONCORD_STEP_EXIT);

  /* Closed after failing: the exit stays on the path. */
  n = concord_stage_path_compute_exit (CONCORD_STAGE_CLOSED, CONCORD_STAGE_BACK_TO_BACK,
                                       CONCORD_STAGE_FAILED, steps);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (steps[3].stage, ==, CONCORD_STAGE_FAILED);
  g_assert_cmpint (steps[3].state, ==, CONCORD_STEP_EXIT);
  g_assert_cmpint (steps[4].stage, ==, CONCORD_STAGE_CLOSED);
  g_assert_cmpint (steps[4].state, ==, CONCORD_STEP_CURRENT);

  n = concord_stage_path_compute (CONCORD_STAGE_CLOSED, -1, steps);
  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpint (steps[7].state, ==, CONCORD_STEP_DONE);
  g_assert_cmpint (steps[8].state, ==, CONCORD_STEP_CURRENT);
}

static void
test_empty (WindowFixture *f,
            gconstpointer  data)
{
  g_assert_true (shows_status_page (GTK_WIDGET (f->window), "No Cases Yet"));
  g_assert_true (shows_status_page (GTK_WIDGET (f->window), "No Case Selected"));
  g_assert_true (shows_label (GTK_WIDGET (f->window), "0 cases"));
  g_assert_cmpuint (g_list_model_get_n_items (concord_window_get_case_list (f->window)), ==, 0);
}

static void
test_list_and_search (WindowFixture *f,
                      gconstpointer  data)
{
  GtkDropDown *stage_filter = concord_window_get_stage_filter (f->window);

  assert_rows (f->window, 5, f->fire_id, f->dance_id, f->fight_id, f->debt_id, f->water_id);
  g_assert_true (shows_label (GTK_WIDGET (f->window), "5 cases"));
  g_assert_true (shows_status_page (GTK_WIDGET (f->window), "No Case Selected"));

  /* Two Chinese characters find both cases that mention a fire. */
  type_search (f->window, "火灾");
  assert_rows (f->window, 2, f->fire_id, f->water_id);
  g_assert_true (shows_label (GTK_WIDGET (f->window), "2 cases"));

  /* A party's name. */
  type_search (f->window, "周某");
  assert_rows (f->window, 1, f->fight_id);

  type_search (f->window, "没有这样的纠纷");
  assert_rows (f->window, 0);
  g_assert_true (shows_status_page (GTK_WIDGET (f->window), "No Matching Cases"));

  type_search (f->window, "");
  assert_rows (f->window, 5, f->fire_id, f->dance_id, f->fight_id, f->debt_id, f->water_id);

  /* The stage filter: position 0 is "any stage", then the stages. */
  gtk_drop_down_set_selected (stage_filter, 1 + CONCORD_STAGE_ACCEPTED);
  assert_rows (f->window, 1, f->fight_id);
  gtk_drop_down_set_selected (stage_filter, 1 + CONCORD_STAGE_RECEIVED);
  assert_rows (f->window, 4, f->fire_id, f->dance_id, f->debt_id, f->water_id);

  /* Search and filter together. */
  type_search (f->window, "火灾");
  assert_rows (f->window, 2, f->fire_id, f->water_id);
  gtk_drop_down_set_selected (stage_filter, 1 + CONCORD_STAGE_ACCEPTED);
  assert_rows (f->window, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clear-filters", NULL);
  assert_rows (f->window, 5, f->fire_id, f->dance_id, f->fight_id, f->debt_id, f->water_id);

  /* "Mine": cases whose team has the person at the desk. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button (GTK_WIDGET (f->window), GTK_TYPE_TOGGLE_BUTTON, "Mine")), TRUE);
  assert_rows (f->window, 1, f->fire_id);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clear-filters", NULL);
  assert_rows (f->window, 5, f->fire_id, f->dance_id, f->fight_id, f->debt_id, f->water_id);
  g_assert_cmpuint (gtk_drop_down_get_selected (stage_filter), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (concord_window_get_search_entry (f->window)), ==, "");
}

static guint
position_of (ConcordWindow *window,
             gint64         id)
{
  GListModel *list = concord_window_get_case_list (window);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ConcordCaseSummary) summary = g_list_model_get_item (list, i);

      if (concord_case_summary_get_id (summary) == id)
        return i;
    }
  g_error ("case %" G_GINT64_FORMAT " is not in the list", id);
  return G_MAXUINT;
}

/* The case list (the filters' popups hold list views too). */
static GtkListView *
find_case_list_view (ConcordWindow *window)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (views, i), "navigation-sidebar"))
      return g_ptr_array_index (views, i);
  g_error ("no case list view");
  return NULL;
}

static void
select_case (WindowFixture *f,
             gint64         id)
{
  GtkListView *list_view = find_case_list_view (f->window);
  GtkSelectionModel *model = gtk_list_view_get_model (list_view);

  g_assert_true (gtk_selection_model_select_item (model, position_of (f->window, id), TRUE));
  settle ();
  if (find_message_dialog () != NULL)
    g_error ("opening the case failed: %s", adw_message_dialog_get_body (find_message_dialog ()));
}

/* The name of the step the stage path highlights (current or exit). */
static const char *
highlighted_stage (GtkWidget  *view,
                   const char *state_class)
{
  GtkWidget *path = find_first (view, CONCORD_TYPE_STAGE_PATH);
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  const char *name = NULL;

  g_assert_nonnull (path);
  for (GtkWidget *step = gtk_widget_get_first_child (path); step != NULL;
       step = gtk_widget_get_next_sibling (step))
    if (gtk_widget_has_css_class (step, state_class))
      {
        g_autoptr(GPtrArray) labels = g_ptr_array_new ();

        g_assert_null (name);
        collect (step, GTK_TYPE_LABEL, labels);
        for (guint i = 0; i < labels->len; i++)
          if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "name"))
            name = gtk_label_get_text (g_ptr_array_index (labels, i));
      }
  return name;
}

static ConcordCase *
load (WindowFixture *f,
      gint64         id)
{
  g_autoptr(GError) error = NULL;
  ConcordCase *c = concord_store_load_case (f->base.store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

static void
test_open_and_accept (WindowFixture *f,
                      gconstpointer  data)
{
  GtkWidget *view = concord_window_get_case_view (f->window);
  g_autoptr(ConcordCase) before = load (f, f->dance_id);
  g_autoptr(ConcordCase) after = NULL;
  GListModel *list = concord_window_get_case_list (f->window);
  g_autoptr(ConcordCaseSummary) row = NULL;
  guint position;

  g_assert_nonnull (before->case_no);

  /* The history names the team member whose login did it. */
  {
    g_autoptr(ConcordTeamMember) member = concord_team_member_new ();
    g_autoptr(GError) error = NULL;

    member->name = g_strdup ("宋调解");
    member->role = CONCORD_TEAM_MEDIATOR;
    member->username = g_strdup ("tester");
    g_assert_true (concord_store_save_member (f->base.store, member, "tester", &error));
    g_assert_no_error (error);
  }
  select_case (f, f->dance_id);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    gboolean named = FALSE;

    collect (view, ADW_TYPE_ACTION_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      {
        const char *subtitle = adw_action_row_get_subtitle (g_ptr_array_index (rows, i));

        if (subtitle != NULL && g_str_has_suffix (subtitle, " · 宋调解"))
          named = TRUE;
        g_assert_false (subtitle != NULL && g_str_has_suffix (subtitle, " · tester"));
      }
    g_assert_true (named);
  }
  /* Each party is headed by role and name. */
  g_assert_true (shows_label (view, "Applicant: 赵某"));
  g_assert_true (shows_label (view, "Respondent: 孙某"));

  g_assert_cmpint (concord_case_view_get_case_id (CONCORD_CASE_VIEW (view)), ==, f->dance_id);
  g_assert_true (shows_label (view, before->case_no));
  g_assert_true (shows_label (view, "赵某, 孙某"));
  g_assert_cmpstr (highlighted_stage (view, "current"), ==, concord_stage_label (CONCORD_STAGE_RECEIVED));
  g_assert_true (shows_label (view, "Accept"));
  g_assert_true (shows_label (view, "Do Not Accept…"));

  g_assert_true (gtk_widget_activate_action (view, "case.accept", NULL));
  settle ();

  after = load (f, f->dance_id);
  g_assert_cmpint (after->stage, ==, CONCORD_STAGE_ACCEPTED);
  g_assert_cmpstr (highlighted_stage (view, "current"), ==, concord_stage_label (CONCORD_STAGE_ACCEPTED));
  g_assert_cmpint (concord_case_view_get_case_id (CONCORD_CASE_VIEW (view)), ==, f->dance_id);

  /* The list shows the new stage and keeps the case selected. */
  position = position_of (f->window, f->dance_id);
  row = g_list_model_get_item (list, position);
  g_assert_cmpint (concord_case_summary_get_stage (row), ==, CONCORD_STAGE_ACCEPTED);
  {
    GtkListView *list_view = find_case_list_view (f->window);
    GtkSelectionModel *model = gtk_list_view_get_model (list_view);

    g_assert_true (gtk_selection_model_is_selected (model, position));
  }

  /* Accepting is only offered for a received case. */
  g_assert_false (shows_label (view, "Accept"));
  g_assert_false (shows_label (view, "Do Not Accept…"));
}

static void
test_not_accept (WindowFixture *f,
                 gconstpointer  data)
{
  GtkWidget *view = concord_window_get_case_view (f->window);
  const char *reason = "双方已自行和解，申请人撤回请求。";
  g_autoptr(ConcordCase) after = NULL;
  AdwMessageDialog *dialog;
  GtkTextView *text_view;

  select_case (f, f->debt_id);
  g_assert_cmpint (concord_case_view_get_case_id (CONCORD_CASE_VIEW (view)), ==, f->debt_id);

  g_assert_true (gtk_widget_activate_action (view, "case.reject", NULL));
  g_assert_true (wait_for (message_dialog_open, NULL));
  dialog = find_message_dialog ();

  /* The decision needs a reason. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reject"));
  text_view = GTK_TEXT_VIEW (find_first (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (text_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "   ", -1);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reject"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), reason, -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reject"));

  adw_message_dialog_response (dialog, "reject");
  settle ();

  after = load (f, f->debt_id);
  g_assert_cmpint (after->stage, ==, CONCORD_STAGE_NOT_ACCEPTED);
  g_assert_cmpstr (after->stage_reason, ==, reason);

  /* The view shows the exit and the reason. */
  g_assert_cmpstr (highlighted_stage (view, "exit"), ==, concord_stage_label (CONCORD_STAGE_NOT_ACCEPTED));
  g_assert_null (highlighted_stage (view, "current"));
  g_assert_true (shows_label (view, reason));
  g_assert_false (shows_label (view, "Do Not Accept…"));
}

static void
test_cancel_not_accept (WindowFixture *f,
                        gconstpointer  data)
{
  GtkWidget *view = concord_window_get_case_view (f->window);
  g_autoptr(ConcordCase) after = NULL;
  AdwMessageDialog *dialog;

  select_case (f, f->fire_id);
  g_assert_true (gtk_widget_activate_action (view, "case.reject", NULL));
  g_assert_true (wait_for (message_dialog_open, NULL));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "cancel");
  settle ();

  after = load (f, f->fire_id);
  g_assert_cmpint (after->stage, ==, CONCORD_STAGE_RECEIVED);
  g_assert_null (after->stage_reason);
}

static gboolean
intake_open (gpointer data)
{
  return find_toplevel (CONCORD_TYPE_INTAKE_DIALOG) != NULL;
}

/* Editing opens the intake dialog with the case; when it reports a save,
 * the view and the list show what was stored. */
static void
test_edit_reloads (WindowFixture *f,
                   gconstpointer  data)
{
  GtkWidget *view = concord_window_get_case_view (f->window);
  const char *facts = "楼上发生火灾后救火用水漫到楼下两家商铺，货物受损。";
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(ConcordCaseSummary) row = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  select_case (f, f->water_id);
  g_assert_true (gtk_widget_activate_action (view, "case.edit", NULL));
  g_assert_true (wait_for (intake_open, NULL));
  dialog = find_toplevel (CONCORD_TYPE_INTAKE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));

  /* What the dialog's save does, then its signal. */
  c = load (f, f->water_id);
  concord_set_text (&c->facts, facts);
  g_assert_true (concord_store_save_case (f->base.store, c, "tester", &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (dialog, "saved", f->water_id);
  gtk_window_destroy (dialog);
  settle ();

  g_assert_true (shows_label (view, facts));
  row = g_list_model_get_item (concord_window_get_case_list (f->window),
                               position_of (f->window, f->water_id));
  g_assert_cmpstr (concord_case_summary_get_facts (row), ==, facts);
}

static gboolean
intake_closed (gpointer data)
{
  return find_toplevel (CONCORD_TYPE_INTAKE_DIALOG) == NULL;
}

/* The path a person walks: New Case in the window, the quick fields of the
 * intake form, Save; the new case is open and in the list, and typing a
 * name or two characters of its facts finds it. */
static void
test_register_and_find (WindowFixture *f,
                        gconstpointer  data)
{
  GtkWidget *view = concord_window_get_case_view (f->window);
  ConcordIntakeDialog *dialog;
  g_autoptr(ConcordCaseSummary) top = NULL;
  g_autoptr(ConcordCase) stored = NULL;
  GtkWidget *save;
  gint64 new_id;

  /* A search that the new case will not match: it goes after saving. */
  type_search (f->window, "广场舞");
  assert_rows (f->window, 1, f->dance_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL));
  g_assert_true (wait_for (intake_open, NULL));
  dialog = CONCORD_INTAKE_DIALOG (find_toplevel (CONCORD_TYPE_INTAKE_DIALOG));

  save = _concord_intake_dialog_get_save_button (dialog);
  gtk_editable_set_text (GTK_EDITABLE (_concord_intake_dialog_get_quick_name (dialog)), "蒋某");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (_concord_intake_dialog_get_facts_view (dialog)),
                            "邻居家电线短路引发火灾，烟熏损坏蒋某的房屋。", -1);
  _concord_intake_dialog_flush (dialog);
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (wait_for (intake_closed, NULL));
  settle ();

  /* Stored, newest in the list, open on the right. */
  top = g_list_model_get_item (concord_window_get_case_list (f->window), 0);
  new_id = concord_case_summary_get_id (top);
  g_assert_cmpint (new_id, >, f->water_id);
  stored = load (f, new_id);
  g_assert_cmpuint (stored->parties->len, ==, 1);
  g_assert_cmpstr (((ConcordParty *) g_ptr_array_index (stored->parties, 0))->name, ==, "蒋某");
  g_assert_true (shows_label (view, stored->case_no));

  /* Shown and selected in the list, the search cleared. */
  {
    GtkListView *list_view = find_case_list_view (f->window);
    g_autoptr(GArray) ids = shown_ids (f->window);
    gboolean shown = FALSE;

    g_assert_cmpuint (g_list_model_get_n_items (concord_window_get_case_list (f->window)), ==, 6);
    g_assert_true (gtk_selection_model_is_selected (gtk_list_view_get_model (list_view), 0));
    for (guint i = 0; i < ids->len; i++)
      if (g_array_index (ids, gint64, i) == new_id)
        shown = TRUE;
    g_assert_true (shown);
  }

  type_search (f->window, "火灾");
  assert_rows (f->window, 3, new_id, f->fire_id, f->water_id);
  type_search (f->window, "蒋");
  assert_rows (f->window, 1, new_id);
  type_search (f->window, stored->case_no);
  assert_rows (f->window, 1, new_id);
}

/* A team member who is also a party is flagged where the case is shown. */
static void
test_conflict_warning (WindowFixture *f,
                       gconstpointer  data)
{
  GtkWidget *view = concord_window_get_case_view (f->window);
  g_autoptr(ConcordCase) c = load (f, f->dance_id);
  g_autoptr(GError) error = NULL;
  ConcordTeamMember *m = concord_team_member_new ();

  select_case (f, f->fire_id);
  g_assert_false (shows_label (view, "Possible Conflict of Interest"));

  m->name = g_strdup ("赵某");
  m->role = CONCORD_TEAM_MEDIATOR;
  g_ptr_array_add (c->team, m);
  g_assert_true (concord_store_save_case (f->base.store, c, "tester", &error));
  g_assert_no_error (error);

  select_case (f, f->dance_id);
  g_assert_true (shows_label (view, "Possible Conflict of Interest"));
}

/* With many cases the window holds a few pages, not all of them, even
 * after the list has settled; scrolling to the end fetches more. */
static void
test_reads_on_demand (WindowFixture *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = concord_window_get_case_list (f->window);
  GtkListView *list_view = find_case_list_view (f->window);
  guint settled;

  g_assert_true (concord_store_begin_batch (f->base.store, &error));
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(ConcordCase) c = fixture_quick_case ("卫某", "相邻通行纠纷。");

      g_assert_true (concord_store_save_case (f->base.store, c, "tester", &error));
    }
  g_assert_true (concord_store_commit_batch (f->base.store, &error));
  g_assert_no_error (error);

  type_search (f->window, "卫某");
  settle ();
  settle ();
  settled = g_list_model_get_n_items (list);
  g_assert_cmpuint (settled, >=, CONCORD_CASE_LIST_PAGE_SIZE);
  g_assert_cmpuint (settled, <=, 400);

  /* Scrolled to the last row held, the next page comes. */
  gtk_widget_activate_action (GTK_WIDGET (list_view), "list.scroll-to-item", "u", settled - 1);
  settle ();
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (list), >, settled);
  g_assert_cmpuint (g_list_model_get_n_items (list), <, 2000);
}

static void
test_preferences (WindowFixture *f,
                  gconstpointer  data)
{
  GtkWidget *preferences = concord_preferences_window_new (f->context, GTK_WINDOW (f->window));
  GtkWidget *format_row, *example_row, *category_row, *spin;
  g_autofree char *stored = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (preferences));
  settle ();

  format_row = find_row (preferences, ADW_TYPE_ENTRY_ROW, "Format");
  example_row = find_row (preferences, ADW_TYPE_ACTION_ROW, "Example: number 12 of this year");

  /* The example follows the format as it is typed. */
  gtk_editable_set_text (GTK_EDITABLE (format_row), "{station}{year}-{seq:3}");
  g_assert_false (gtk_widget_has_css_class (format_row, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (example_row)), ==, "2026-012");
  g_signal_emit_by_name (format_row, "apply");
  stored = concord_store_get_setting (f->base.store, CONCORD_SETTING_CASE_NUMBER_FORMAT);
  g_assert_cmpstr (stored, ==, "{station}{year}-{seq:3}");
  g_clear_pointer (&stored, g_free);

  /* An invalid format is marked at the field and not stored. */
  gtk_editable_set_text (GTK_EDITABLE (format_row), "{year}-{seq:3}-{sequence}");
  g_assert_true (gtk_widget_has_css_class (format_row, "error"));
  g_assert_true (gtk_widget_has_css_class (example_row, "error"));
  g_signal_emit_by_name (format_row, "apply");
  stored = concord_store_get_setting (f->base.store, CONCORD_SETTING_CASE_NUMBER_FORMAT);
  g_assert_cmpstr (stored, ==, "{station}{year}-{seq:3}");

  /* A category of the station's own. */
  category_row = find_row (preferences, ADW_TYPE_ENTRY_ROW, "Name of the new category");
  gtk_editable_set_text (GTK_EDITABLE (category_row), "宠物纠纷");
  g_assert_true (gtk_widget_get_sensitive (find_button (preferences, GTK_TYPE_BUTTON, "_Add")));
  g_signal_emit_by_name (find_button (preferences, GTK_TYPE_BUTTON, "_Add"), "clicked");
  settle ();
  if (find_message_dialog () != NULL)
    g_error ("adding failed: %s", adw_message_dialog_get_body (find_message_dialog ()));
  categories = concord_store_list_categories (f->base.store, TRUE, NULL);
  for (guint i = 0; i < categories->len; i++)
    {
      const ConcordCategory *category = g_ptr_array_index (categories, i);

      if (g_strcmp0 (category->label, "宠物纠纷") == 0)
        found = category->active && !category->builtin;
    }
  g_assert_true (found);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (category_row)), ==, "");

  /* A number typed but not confirmed is saved at close. The invalid format
   * keeps the window open once, with a word why; closing again discards it. */
  spin = find_first (preferences, GTK_TYPE_SPIN_BUTTON);
  gtk_editable_set_text (GTK_EDITABLE (spin), "15");
  g_object_add_weak_pointer (G_OBJECT (preferences), (gpointer *) &preferences);
  gtk_window_close (GTK_WINDOW (preferences));
  settle ();
  g_assert_nonnull (preferences);
  g_assert_true (shows_label (preferences, "The case number format is not valid and was not saved. "
                                           "Close again to discard it."));
  g_clear_pointer (&stored, g_free);
  stored = concord_store_get_setting (f->base.store, CONCORD_SETTING_LIMIT_RECEIVED_DAYS);
  g_assert_cmpstr (stored, ==, "15");

  gtk_window_close (GTK_WINDOW (preferences));
  settle ();
  g_assert_null (preferences);
  g_clear_pointer (&stored, g_free);
  stored = concord_store_get_setting (f->base.store, CONCORD_SETTING_CASE_NUMBER_FORMAT);
  g_assert_cmpstr (stored, ==, "{station}{year}-{seq:3}");
}

/* A new case with something typed in it, over @parent. */
static ConcordIntakeDialog *
open_typed_intake (ConcordContext *context,
                   GtkWindow      *parent)
{
  ConcordIntakeDialog *dialog = concord_intake_dialog_new (context, parent, NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  settle ();
  gtk_editable_set_text (GTK_EDITABLE (_concord_intake_dialog_get_quick_name (dialog)), "孙某");
  settle ();
  return dialog;
}

static AdwMessageDialog *
find_discard_question (void)
{
  AdwMessageDialog *question = find_message_dialog ();

  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Discard This Case?");
  return question;
}

/* Closing the main window over a case being typed asks first. */
static void
test_close_with_intake (WindowFixture *f,
                        gconstpointer  data)
{
  ConcordIntakeDialog *dialog = open_typed_intake (f->context, GTK_WINDOW (f->window));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (f->window));
  settle ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* Asked once, however often the window is closed. */
  gtk_window_close (GTK_WINDOW (f->window));
  settle ();
  answer (find_discard_question (), "cancel");
  g_assert_null (find_message_dialog ());
  g_assert_nonnull (dialog);

  gtk_window_close (GTK_WINDOW (f->window));
  settle ();
  answer (find_discard_question (), "discard");
  g_assert_null (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
}

static AdwMessageDialog *
find_message_dialog_titled (const char *heading)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* When the decision cannot be stored, the reason typed is not lost. */
static void
test_not_accept_fails (WindowFixture *f,
                       gconstpointer  data)
{
  GtkWidget *view = concord_window_get_case_view (f->window);
  const char *reason = "双方已自行和解，申请人撤回请求。";
  g_autoptr(ConcordCase) after = NULL;
  g_autofree char *again_text = NULL;
  AdwMessageDialog *dialog, *error_dialog;
  GtkTextView *text_view;
  sqlite3 *db = NULL;

  select_case (f, f->debt_id);
  g_assert_true (gtk_widget_activate_action (view, "case.reject", NULL));
  g_assert_true (wait_for (message_dialog_open, NULL));
  dialog = find_message_dialog_titled ("Do Not Accept This Case?");
  text_view = GTK_TEXT_VIEW (find_first (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), reason, -1);

  /* Another program holds the database (the store waits, then gives up). */
  g_assert_cmpint (sqlite3_open (f->base.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  answer (dialog, "reject");
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  error_dialog = find_message_dialog_titled ("Could Not Record the Decision");
  g_assert_nonnull (error_dialog);
  dialog = find_message_dialog_titled ("Do Not Accept This Case?");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (error_dialog)) == GTK_WINDOW (dialog));
  answer (error_dialog, "close");

  text_view = GTK_TEXT_VIEW (find_first (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  again_text = concord_ui_text_view_dup_text (text_view);
  g_assert_cmpstr (again_text, ==, reason);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reject"));
  answer (dialog, "reject");

  after = load (f, f->debt_id);
  g_assert_cmpint (after->stage, ==, CONCORD_STAGE_NOT_ACCEPTED);
  g_assert_cmpstr (after->stage_reason, ==, reason);
}

/* Stage moves */

/* Clicks the suggested button that takes the case to its next stage. */
static void
click_next (GtkWidget  *view,
            const char *label)
{
  GtkWidget *button = find_shown_button (view, label);

  if (button == NULL)
    g_error ("no button “%s” on the case", label);
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  settle ();
  if (find_message_dialog () != NULL)
    g_error ("the move failed: %s", adw_message_dialog_get_body (find_message_dialog ()));
}

/* The "Other Moves" menu of the case: the target of the item labelled
 * @label, or NULL when there is none. */
static GVariant *
other_move_target (GtkWidget  *view,
                   const char *label)
{
  GtkWidget *menu_button = find_first (view, GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu;

  g_assert_nonnull (menu_button);
  if (!gtk_widget_get_mapped (menu_button))
    return NULL;
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (menu_button)), ==, "Other Moves");
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_label = NULL;
      g_autofree char *action = NULL;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label);
      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      if (g_strcmp0 (item_label, label) == 0)
        {
          g_assert_cmpstr (action, ==, "case.move");
          return g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
        }
    }
  return NULL;
}

/* Chooses @label in the "Other Moves" menu: activates its action. */
static void
choose_other_move (GtkWidget  *view,
                   const char *label)
{
  g_autoptr(GVariant) target = other_move_target (view, label);

  if (target == NULL)
    g_error ("no other move “%s”", label);
  g_assert_true (gtk_widget_activate_action_variant (view, "case.move", target));
}

/* Clicks the button labelled @label of the case's review pane. */
static void
click_pane_button (GtkWidget  *view,
                   const char *label)
{
  GtkWidget *pane = find_first (view, CONCORD_TYPE_REVIEW_PANE);
  GtkWidget *button;

  g_assert_nonnull (pane);
  g_assert_true (gtk_widget_get_mapped (pane));
  button = find_shown_button (pane, label);
  if (button == NULL)
    g_error ("no button “%s” in the review pane", label);
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

/* Types @comments into the lawyer's send-back dialog and confirms, after
 * checking that it refuses blank comments. */
static void
give_comments (const char *comments)
{
  AdwMessageDialog *dialog;
  GtkTextView *text_view;

  g_assert_true (wait_for (message_dialog_open, NULL));
  dialog = find_message_dialog ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "send-back"));
  text_view = GTK_TEXT_VIEW (find_first (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (text_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), " \n ", -1);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "send-back"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), comments, -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "send-back"));
  answer (dialog, "send-back");
  if (find_message_dialog () != NULL)
    g_error ("sending back failed: %s", adw_message_dialog_get_body (find_message_dialog ()));
}

/* The case is at @stage in the store and the path highlights it. */
static void
assert_at (WindowFixture *f,
           gint64         id,
           ConcordStage   stage)
{
  GtkWidget *view = concord_window_get_case_view (f->window);
  g_autoptr(ConcordCase) c = load (f, id);
  gboolean exit_stage = stage == CONCORD_STAGE_NOT_ACCEPTED || stage == CONCORD_STAGE_FAILED ||
                        stage == CONCORD_STAGE_WITHDRAWN;

  g_assert_cmpint (c->stage, ==, stage);
  g_assert_cmpint (concord_case_view_get_case_id (CONCORD_CASE_VIEW (view)), ==, id);
  g_assert_cmpstr (highlighted_stage (view, exit_stage ? "exit" : "current"), ==, concord_stage_label (stage));
  if (exit_stage)
    g_assert_null (highlighted_stage (view, "current"));
}

/* The names of the steps on the stage path, in order. */
static GPtrArray *
path_steps (GtkWidget *view)
{
  GtkWidget *path = find_first (view, CONCORD_TYPE_STAGE_PATH);
  GPtrArray *names = g_ptr_array_new ();

  for (GtkWidget *step = gtk_widget_get_first_child (path); step != NULL;
       step = gtk_widget_get_next_sibling (step))
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      collect (step, GTK_TYPE_LABEL, labels);
      for (guint i = 0; i < labels->len; i++)
        if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "name"))
          g_ptr_array_add (names, (gpointer) gtk_label_get_text (g_ptr_array_index (labels, i)));
    }
  return names;
}

static gboolean
shows_move (GtkWidget    *view,
            ConcordStage  from,
            ConcordStage  to)
{
  g_autofree char *text = g_strdup_printf ("%s → %s", concord_stage_label (from), concord_stage_label (to));

  return shows_label (view, text);
}

/* Scenario 1: from received to closed along the whole path, with the
 * lawyer sending the agreement back once, through the case's buttons. */
static void
test_whole_path (WindowFixture *f,
                 gconstpointer  data)
{
  GtkWidget *view = concord_window_get_case_view (f->window);
  const char *comments = "赔偿款的支付期限写得不明确，请补充分期时间。";
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(GError) error = NULL;

  select_case (f, f->dance_id);
  assert_at (f, f->dance_id, CONCORD_STAGE_RECEIVED);
  /* A received case is decided with Accept and Do Not Accept. */
  g_assert_null (find_shown_button (view, "Start Back-to-Back Sessions"));
  g_assert_nonnull (other_move_target (view, "Withdrawn…"));
  g_assert_null (other_move_target (view, "Do Not Accept…"));

  click_next (view, "_Accept");
  assert_at (f, f->dance_id, CONCORD_STAGE_ACCEPTED);
  g_assert_true (shows_move (view, CONCORD_STAGE_RECEIVED, CONCORD_STAGE_ACCEPTED));
  g_assert_null (find_shown_button (view, "_Accept"));
  g_assert_nonnull (other_move_target (view, "Mediation Failed…"));
  g_assert_nonnull (other_move_target (view, "Start Face-to-Face Session"));

  click_next (view, "Start Back-to-Back Sessions");
  assert_at (f, f->dance_id, CONCORD_STAGE_BACK_TO_BACK);
  /* The list shows the new stage and keeps the case selected. */
  {
    GtkSelectionModel *model = gtk_list_view_get_model (find_case_list_view (f->window));
    guint position = position_of (f->window, f->dance_id);
    g_autoptr(ConcordCaseSummary) row = g_list_model_get_item (concord_window_get_case_list (f->window), position);

    g_assert_cmpint (concord_case_summary_get_stage (row), ==, CONCORD_STAGE_BACK_TO_BACK);
    g_assert_true (gtk_selection_model_is_selected (model, position));
  }

  click_next (view, "Start Face-to-Face Session");
  assert_at (f, f->dance_id, CONCORD_STAGE_FACE_TO_FACE);
  g_assert_nonnull (other_move_target (view, "Back to Back-to-Back Sessions"));

  click_next (view, "Start Drafting");
  assert_at (f, f->dance_id, CONCORD_STAGE_DRAFTING);

  /* An agreement with nothing missing goes to the lawyer. */
  {
    g_autoptr(ConcordAgreement) agreement = fixture_complete_agreement (f->base.store, f->dance_id, "mediator");

    g_assert_true (concord_case_view_reload (CONCORD_CASE_VIEW (view), NULL));
    settle ();
  }
  click_next (view, "Send to Legal Review");
  assert_at (f, f->dance_id, CONCORD_STAGE_REVIEW);
  /* The lawyer decides in the review pane, not with the stage buttons. */
  g_assert_null (other_move_target (view, "Send Back to Drafting…"));

  /* The lawyer sends it back: that needs the comments. */
  click_pane_button (view, "Send Back to Drafting…");
  give_comments (comments);
  assert_at (f, f->dance_id, CONCORD_STAGE_DRAFTING);
  c = load (f, f->dance_id);
  g_assert_cmpstr (c->stage_reason, ==, comments);
  g_assert_true (shows_move (view, CONCORD_STAGE_REVIEW, CONCORD_STAGE_DRAFTING));
  g_assert_true (shows_label (view, comments));

  click_next (view, "Send to Legal Review");
  assert_at (f, f->dance_id, CONCORD_STAGE_REVIEW);
  click_pane_button (view, "Approve for Signing");
  /* Not the case's lawyer: asked first. */
  g_assert_nonnull (find_message_dialog ());
  assert_at (f, f->dance_id, CONCORD_STAGE_REVIEW);
  answer (find_message_dialog (), "approve");
  assert_at (f, f->dance_id, CONCORD_STAGE_SIGNING);
  /* At signing a party may still want a change; follow-up waits for the
   * signatures. */
  {
    g_autoptr(GVariant) back = other_move_target (view, "Change the Agreement…");
    g_autoptr(ConcordSigning) signing = concord_store_load_signing (f->base.store, f->dance_id, &error);
    g_autofree char *today = concord_clock_today_iso ();
    GtkWidget *next = find_shown_button (view, "Signed: Start Follow-Up");

    g_assert_nonnull (back);
    g_assert_cmpint (g_variant_get_int32 (back), ==, CONCORD_STAGE_DRAFTING);
    g_assert_nonnull (next);
    g_assert_false (gtk_widget_get_sensitive (next));
    g_assert_no_error (error);
    /* Signed on paper, as the clerk records it in the signing pane. */
    g_assert_true (concord_store_record_paper_signing (f->base.store, f->dance_id, signing->agreement_id, today,
                                                       "王书记员", "tester", &error));
    g_assert_no_error (error);
    concord_context_case_changed (f->context, f->dance_id);
    settle ();
    g_assert_true (gtk_widget_get_sensitive (find_shown_button (view, "Signed: Start Follow-Up")));
  }
  click_next (view, "Signed: Start Follow-Up");
  assert_at (f, f->dance_id, CONCORD_STAGE_FOLLOW_UP);
  click_next (view, "Close Case");
  assert_at (f, f->dance_id, CONCORD_STAGE_CLOSED);

  /* Nothing more to do; every move stays readable, by whom. */
  g_assert_null (find_shown_button (view, "Close Case"));
  g_assert_false (gtk_widget_get_mapped (find_first (view, GTK_TYPE_MENU_BUTTON)));
  g_assert_true (shows_move (view, CONCORD_STAGE_FOLLOW_UP, CONCORD_STAGE_CLOSED));
  g_assert_true (shows_move (view, CONCORD_STAGE_ACCEPTED, CONCORD_STAGE_BACK_TO_BACK));
  moves = concord_store_list_stage_moves (f->base.store, f->dance_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (moves);
  g_assert_cmpuint (moves->len, >=, 10);
  for (guint i = 0; i < moves->len; i++)
    g_assert_cmpstr (((ConcordStageMove *) g_ptr_array_index (moves, i))->actor, ==, "tester");
}

static gboolean
fail_dialog_open (gpointer data)
{
  return find_toplevel (CONCORD_TYPE_FAIL_DIALOG) != NULL;
}

static gboolean
fail_dialog_closed (gpointer data)
{
  return find_toplevel (CONCORD_TYPE_FAIL_DIALOG) == NULL;
}

/* Scenario 7: talks fail after back-to-back sessions. The parties are
 * guided to court and a work order goes to a department; the path shows
 * the exit right after the sessions, and still after the case is closed;
 * the list tags the case until the department answers. */
static void
test_failed_path (WindowFixture *f,
                  gconstpointer  data)
{
  GtkWidget *view = concord_window_get_case_view (f->window);
  const char *reason = "双方对赔偿金额分歧过大，钱某拒绝任何方案。";
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) closed_steps = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 14);
  g_autofree char *due = g_date_time_format (later, "%Y-%m-%d");
  ConcordFailDialog *dialog;
  ConcordReferral *order;

  select_case (f, f->fight_id);
  assert_at (f, f->fight_id, CONCORD_STAGE_ACCEPTED);
  click_next (view, "Start Back-to-Back Sessions");
  assert_at (f, f->fight_id, CONCORD_STAGE_BACK_TO_BACK);

  /* Cancelling leaves the case where it was. */
  choose_other_move (view, "Mediation Failed…");
  g_assert_true (wait_for (fail_dialog_open, NULL));
  gtk_window_close (find_toplevel (CONCORD_TYPE_FAIL_DIALOG));
  g_assert_true (wait_for (fail_dialog_closed, NULL));
  assert_at (f, f->fight_id, CONCORD_STAGE_BACK_TO_BACK);

  /* The reason, the court, and a work order to the market regulator. */
  choose_other_move (view, "Mediation Failed…");
  g_assert_true (wait_for (fail_dialog_open, NULL));
  dialog = CONCORD_FAIL_DIALOG (find_toplevel (CONCORD_TYPE_FAIL_DIALOG));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (_concord_fail_dialog_get_reason_view (dialog)), reason, -1);
  gtk_check_button_set_active (_concord_fail_dialog_get_check (dialog, CONCORD_REFERRAL_LITIGATION), TRUE);
  gtk_editable_set_text (_concord_fail_dialog_get_detail (dialog, CONCORD_REFERRAL_LITIGATION), "东城区人民法院");
  g_signal_emit_by_name (_concord_fail_dialog_get_add_order_button (dialog), "clicked");
  gtk_editable_set_text (_concord_fail_dialog_get_order_field (dialog, 0, "department"), "区市场监管局");
  gtk_editable_set_text (_concord_fail_dialog_get_order_field (dialog, 0, "request"), "核查夜市摊位经营许可");
  gtk_editable_set_text (_concord_fail_dialog_get_order_field (dialog, 0, "due"), due);
  g_signal_emit_by_name (_concord_fail_dialog_get_submit_button (dialog), "clicked");
  g_assert_true (wait_for (fail_dialog_closed, NULL));
  settle ();

  assert_at (f, f->fight_id, CONCORD_STAGE_FAILED);
  c = load (f, f->fight_id);
  g_assert_cmpstr (c->stage_reason, ==, reason);
  g_assert_true (shows_move (view, CONCORD_STAGE_BACK_TO_BACK, CONCORD_STAGE_FAILED));
  referrals = concord_store_list_referrals (f->base.store, f->fight_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (referrals->len, ==, 2);
  order = g_ptr_array_index (referrals, 1);
  g_assert_true (concord_referral_is_open_work_order (order));
  g_assert_cmpstr (order->due_date, ==, due);

  /* The case view shows the work order; the list row carries its tag. */
  g_assert_true (shows_label (view, "区市场监管局") || shows_label (view, "核查夜市摊位经营许可"));
  {
    g_autofree char *tag = g_strdup_printf ("Work order due %s", due);

    g_assert_true (shows_label (GTK_WIDGET (f->window), tag));
  }

  steps = path_steps (view);
  g_assert_cmpuint (steps->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (steps, 2), ==, concord_stage_label (CONCORD_STAGE_BACK_TO_BACK));
  g_assert_cmpstr (g_ptr_array_index (steps, 3), ==, concord_stage_label (CONCORD_STAGE_FAILED));

  click_next (view, "Close Case");
  assert_at (f, f->fight_id, CONCORD_STAGE_CLOSED);
  g_assert_cmpstr (highlighted_stage (view, "exit"), ==, concord_stage_label (CONCORD_STAGE_FAILED));
  closed_steps = path_steps (view);
  g_assert_cmpuint (closed_steps->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (closed_steps, 2), ==, concord_stage_label (CONCORD_STAGE_BACK_TO_BACK));
  g_assert_cmpstr (g_ptr_array_index (closed_steps, 3), ==, concord_stage_label (CONCORD_STAGE_FAILED));
  g_assert_cmpstr (g_ptr_array_index (closed_steps, 4), ==, concord_stage_label (CONCORD_STAGE_CLOSED));
  /* The reason of the failure stays readable after closing, and the
   * open work order stays in view until it is answered. */
  g_assert_true (shows_label (view, reason));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_shown_button (GTK_WIDGET (f->window), "Work Orders")), TRUE);
  settle ();
  assert_rows (f->window, 1, f->fight_id);
  g_assert_true (concord_store_answer_work_order (f->base.store, order->id, "已责令摊主办理许可", "tester", &error));
  concord_window_reload (f->window);
  settle ();
  assert_rows (f->window, 0);
}

typedef struct
{
  GApplication        *app;
  ConcordIntakeDialog *dialog;
  gboolean             checked;
} QuitTest;

/* Once quitting would have taken effect: the case is still there, asking. */
static gboolean
quit_test_check_cb (gpointer data)
{
  QuitTest *test = data;

  g_assert_nonnull (test->dialog);
  g_assert_nonnull (gtk_application_get_windows (GTK_APPLICATION (test->app)));
  answer (find_discard_question (), "discard");
  g_assert_null (test->dialog);

  /* With nothing left to lose, it quits. */
  g_action_group_activate_action (G_ACTION_GROUP (test->app), "quit", NULL);
  test->checked = TRUE;
  return G_SOURCE_REMOVE;
}

static void
quit_test_activate_cb (GApplication *app,
                       QuitTest     *test)
{
  ConcordContext *context = concord_application_get_context (CONCORD_APPLICATION (app));
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (CONCORD_IS_WINDOW (window));
  g_assert_true (wait_for (window_ready, window));
  test->app = app;
  test->dialog = open_typed_intake (context, window);
  g_object_add_weak_pointer (G_OBJECT (test->dialog), (gpointer *) &test->dialog);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_timeout_add (300, quit_test_check_cb, test);
}

static void
test_quit_keeps_intake (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ConcordApplication) app = concord_application_new ();
  char *argv[] = { (char *) "concord", (char *) "--db", f->path, NULL };
  QuitTest test = { NULL, NULL, FALSE };

  /* Not the one running on this desk, if any. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (quit_test_activate_cb), &test);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv), ==, 0);
  g_assert_true (test.checked);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static gboolean
library_shows_1165 (gpointer library)
{
  return widget_shows (library, "第一千一百六十五条");
}

/* The statute library from the menu or Ctrl+L, for the case shown. */
static void
test_statute_library (WindowFixture *f,
                      gconstpointer  data)
{
  GtkWindow *library;

  concord_window_show_case (f->window, f->fire_id);
  settle ();
  g_assert_null (find_toplevel (CONCORD_TYPE_STATUTE_LIBRARY));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.statutes", NULL));
  library = wait_for_toplevel (CONCORD_TYPE_STATUTE_LIBRARY, NULL);
  g_assert_nonnull (library);
  g_assert_true (gtk_window_get_transient_for (library) == GTK_WINDOW (f->window));
  concord_statute_library_search (CONCORD_STATUTE_LIBRARY (library), "1165");
  g_assert_true (wait_for (library_shows_1165, library));
  gtk_window_destroy (library);
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  /* A fixed "now": deadlines and the case-number example do not depend on
   * the day the tests run. */
  g_setenv ("CONCORD_NOW", "2026-11-23T06:00:00Z", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: the window tests need one (run them under Xvfb).\n");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/ui/window/stage-path", test_stage_path_compute);
  g_test_add ("/ui/window/empty", WindowFixture, GINT_TO_POINTER (TRUE),
              window_set_up, test_empty, window_tear_down);
  g_test_add ("/ui/window/statute-library", WindowFixture, GINT_TO_POINTER (FALSE),
              window_set_up, test_statute_library, window_tear_down);
  g_test_add ("/ui/window/list-and-search", WindowFixture, GINT_TO_POINTER (FALSE),
              window_set_up, test_list_and_search, window_tear_down);
  g_test_add ("/ui/window/open-and-accept", WindowFixture, GINT_TO_POINTER (FALSE),
              window_set_up, test_open_and_accept, window_tear_down);
  g_test_add ("/ui/window/not-accept", WindowFixture, GINT_TO_POINTER (FALSE),
              window_set_up, test_not_accept, window_tear_down);
  g_test_add ("/ui/window/cancel-not-accept", WindowFixture, GINT_TO_POINTER (FALSE),
              window_set_up, test_cancel_not_accept, window_tear_down);

  g_test_add ("/ui/window/register-and-find", WindowFixture, GINT_TO_POINTER (FALSE),
              window_set_up, test_register_and_find, window_tear_down);
  g_test_add ("/ui/window/reads-on-demand", WindowFixture, GINT_TO_POINTER (FALSE),
              window_set_up, test_reads_on_demand, window_tear_down);
  g_test_add ("/ui/window/edit-reloads", WindowFixture, GINT_TO_POINTER (FALSE),
              window_set_up, test_edit_reloads, window_tear_down);
  g_test_add ("/ui/window/conflict-warning", WindowFixture, GINT_TO_POINTER (FALSE),
              window_set_up, test_conflict_warning, window_tear_down);
  g_test_add ("/ui/window/preferences", WindowFixture, GINT_TO_POINTER (FALSE),
              window_set_up, test_preferences, window_tear_down);
  g_test_add ("/ui/window/close-with-intake", WindowFixture, GINT_TO_POINTER (TRUE),
              window_set_up, test_close_with_intake, window_tear_down);
  g_test_add ("/ui/window/not-accept-fails", WindowFixture, GINT_TO_POINTER (FALSE),
              window_set_up, test_not_accept_fails, window_tear_down);
  g_test_add ("/ui/window/whole-path", WindowFixture, GINT_TO_POINTER (FALSE),
              window_set_up, test_whole_path, window_tear_down);
  g_test_add ("/ui/window/failed-path", WindowFixture, GINT_TO_POINTER (FALSE),
              window_set_up, test_failed_path, window_tear_down);
  g_test_add ("/ui/window/quit-keeps-intake", Fixture, NULL,
              fixture_set_up, test_quit_keeps_intake, fixture_tear_down);

  return g_test_run ();
}
