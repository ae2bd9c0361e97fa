/* test-ui-fail.c — closing a mediation as failed through the real dialog
 * (scenario 7): every refused attempt says why at the field and keeps what
 * was typed; the case ends failed with its referrals and an open work
 * order. Runs under Xvfb (suite "ui").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concord-fail-dialog-private.h"
#include "test-fixtures.h"
#include "test-ui-helpers.h"

#define ACTOR "王调解员"
#define REASON "经两轮背靠背调解，张某拒绝任何赔偿方案，调解不成。"

static void
count_cb (gpointer  instance,
          gint64    case_id,
          gint64   *last)
{
  *last = case_id;
}

/* Opens the failure dialog of @c over @parent into *@dialog, which turns
 * NULL when the dialog is destroyed; with @failed_id, the case id of its
 * "failed" signal is kept there. */
static void
open_dialog (ConcordFailDialog **dialog,
             GtkWindow          *parent,
             ConcordContext     *context,
             const ConcordCase  *c,
             gint64             *failed_id)
{
  *dialog = concord_fail_dialog_new (parent, context, c);
  g_object_add_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
  if (failed_id != NULL)
    g_signal_connect (*dialog, "failed", G_CALLBACK (count_cb), failed_id);
  gtk_window_present (GTK_WINDOW (*dialog));
  run_for (50);
}

static ConcordStage
stored_stage (ConcordStore *store,
              gint64        case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = concord_store_load_case (store, case_id, &error);

  g_assert_no_error (error);
  return c->stage;
}

static void
press (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  run_for (30);
}

static const char *
message (ConcordFailDialog *dialog,
         const char        *field)
{
  GtkLabel *label = _concord_fail_dialog_get_message_label (dialog, field);

  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
}

static const char *
order_message (ConcordFailDialog *dialog,
               guint              index,
               const char        *field)
{
  GtkLabel *label = _concord_fail_dialog_get_order_message_label (dialog, index, field);

  /* Shown only when its row is shown too. */
  if (!gtk_widget_get_visible (GTK_WIDGET (label)) ||
      !gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (label))))
    return NULL;
  return gtk_label_get_text (label);
}

static gboolean
has_focus (ConcordFailDialog *dialog,
           gpointer           widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static char *
reason_text (ConcordFailDialog *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (_concord_fail_dialog_get_reason_view (dialog));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_fail (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(ConcordCase) loaded = NULL;
  g_autoptr(ConcordContext) context = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autofree char *typed = NULL;
  ConcordFailDialog *dialog;
  GtkWindow *parent;
  GtkWidget *submit, *add;
  GtkCheckButton *sue;
  gint64 failed_id = 0, changed_id = 0;
  const ConcordReferral *r;

  fixture_set_up (&f, NULL);
  c = fixture_stored_fire_case (&f, CONCORD_STAGE_BACK_TO_BACK, ACTOR);
  context = concord_context_new (f.store, "tester");
  g_signal_connect (context, "case-changed", G_CALLBACK (count_cb), &changed_id);

  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (parent);
  open_dialog (&dialog, parent, context, c, &failed_id);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == parent);
  submit = _concord_fail_dialog_get_submit_button (dialog);
  add = _concord_fail_dialog_get_add_order_button (dialog);
  sue = _concord_fail_dialog_get_check (dialog, CONCORD_REFERRAL_LITIGATION);

  /* Nothing typed: the reason first (focused), and the referral. */
  press (submit);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (message (dialog, "reason"), ==, "Enter why the mediation failed.");
  g_assert_nonnull (message (dialog, "referral"));
  g_assert_nonnull (strstr (message (dialog, "referral"), "where they can go next"));
  g_assert_true (has_focus (dialog, _concord_fail_dialog_get_reason_view (dialog)));
  g_assert_cmpint (stored_stage (f.store, c->id), ==, CONCORD_STAGE_BACK_TO_BACK);

  /* A reason, no referral: only the referral is refused. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (_concord_fail_dialog_get_reason_view (dialog)),
                            REASON, -1);
  g_assert_null (message (dialog, "reason"));  /* cleared as it was typed */
  press (submit);
  g_assert_null (message (dialog, "reason"));
  g_assert_nonnull (message (dialog, "referral"));
  g_assert_true (has_focus (dialog, sue));
  g_assert_cmpint (stored_stage (f.store, c->id), ==, CONCORD_STAGE_BACK_TO_BACK);
  typed = reason_text (dialog);
  g_assert_cmpstr (typed, ==, REASON);
  g_clear_pointer (&typed, g_free);

  /* Guided to sue, with the court; a work order due in the past. */
  gtk_check_button_set_active (sue, TRUE);
  g_assert_null (message (dialog, "referral"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_concord_fail_dialog_get_detail (dialog, CONCORD_REFERRAL_LITIGATION))));
  gtk_editable_set_text (_concord_fail_dialog_get_detail (dialog, CONCORD_REFERRAL_LITIGATION), "市南区人民法院");
  press (add);
  g_assert_cmpuint (_concord_fail_dialog_get_n_orders (dialog), ==, 1);
  g_assert_true (has_focus (dialog, _concord_fail_dialog_get_order_field (dialog, 0, "department")));
  /* A field just added is not marked before it is tried. */
  g_assert_null (order_message (dialog, 0, "department"));
  gtk_editable_set_text (_concord_fail_dialog_get_order_field (dialog, 0, "department"), "区住房和城乡建设局");
  gtk_editable_set_text (_concord_fail_dialog_get_order_field (dialog, 0, "request"), "核查房屋结构安全并答复当事人");
  gtk_editable_set_text (_concord_fail_dialog_get_order_field (dialog, 0, "due"), "2026-11-01");
  press (submit);
  g_assert_nonnull (dialog);
  g_assert_null (order_message (dialog, 0, "department"));
  g_assert_null (order_message (dialog, 0, "request"));
  g_assert_nonnull (order_message (dialog, 0, "due"));
  g_assert_nonnull (strstr (order_message (dialog, 0, "due"), "2026-11-01"));
  g_assert_true (has_focus (dialog, _concord_fail_dialog_get_order_field (dialog, 0, "due")));
  g_assert_cmpint (stored_stage (f.store, c->id), ==, CONCORD_STAGE_BACK_TO_BACK);

  /* Not a date at all. */
  gtk_editable_set_text (_concord_fail_dialog_get_order_field (dialog, 0, "due"), "下周五");
  press (submit);
  g_assert_nonnull (order_message (dialog, 0, "due"));
  g_assert_null (strstr (order_message (dialog, 0, "due"), "2026-11-01"));

  /* Everything typed is still there. */
  typed = reason_text (dialog);
  g_assert_cmpstr (typed, ==, REASON);
  g_assert_true (gtk_check_button_get_active (sue));
  g_assert_cmpstr (gtk_editable_get_text (_concord_fail_dialog_get_detail (dialog, CONCORD_REFERRAL_LITIGATION)),
                   ==, "市南区人民法院");
  g_assert_cmpstr (gtk_editable_get_text (_concord_fail_dialog_get_order_field (dialog, 0, "department")),
                   ==, "区住房和城乡建设局");
  g_assert_cmpstr (gtk_editable_get_text (_concord_fail_dialog_get_order_field (dialog, 0, "request")),
                   ==, "核查房屋结构安全并答复当事人");
  g_assert_cmpstr (gtk_editable_get_text (_concord_fail_dialog_get_order_field (dialog, 0, "due")), ==, "下周五");

  /* A second order added by mistake and removed again. */
  press (add);
  g_assert_cmpuint (_concord_fail_dialog_get_n_orders (dialog), ==, 2);
  press (_concord_fail_dialog_get_order_remove_button (dialog, 1));
  g_assert_cmpuint (_concord_fail_dialog_get_n_orders (dialog), ==, 1);

  /* The date fixed, typed the Chinese way: closed as failed. */
  gtk_editable_set_text (_concord_fail_dialog_get_order_field (dialog, 0, "due"), "2026年12月7日");
  g_assert_null (order_message (dialog, 0, "due"));
  press (submit);
  run_for (100);
  g_assert_null (dialog);
  g_assert_cmpint (failed_id, ==, c->id);
  g_assert_cmpint (changed_id, ==, c->id);

  loaded = concord_store_load_case (f.store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->stage, ==, CONCORD_STAGE_FAILED);
  g_assert_cmpstr (loaded->stage_reason, ==, REASON);
  referrals = concord_store_list_referrals (f.store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (referrals->len, ==, 2);
  r = g_ptr_array_index (referrals, 0);
  g_assert_cmpint (r->kind, ==, CONCORD_REFERRAL_LITIGATION);
  g_assert_cmpstr (r->detail, ==, "市南区人民法院");
  g_assert_false (concord_referral_is_open_work_order (r));
  r = g_ptr_array_index (referrals, 1);
  g_assert_cmpint (r->kind, ==, CONCORD_REFERRAL_DEPARTMENT);
  g_assert_cmpstr (r->detail, ==, "区住房和城乡建设局");
  g_assert_cmpstr (r->request, ==, "核查房屋结构安全并答复当事人");
  g_assert_cmpstr (r->due_date, ==, "2026-12-07");
  g_assert_true (concord_referral_is_open_work_order (r));

  gtk_window_destroy (parent);
  run_for (50);
  g_clear_object (&context);
  fixture_tear_down (&f, NULL);
}

/* The store refuses (the case is not at a session stage): the message is
 * shown in the dialog, which stays open with what was typed. */
static void
test_store_error (void)
{
  Fixture f = { 0 };
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(ConcordContext) context = NULL;
  g_autofree char *typed = NULL;
  ConcordFailDialog *dialog;
  GtkWindow *parent;
  gint64 failed_id = 0;

  fixture_set_up (&f, NULL);
  c = fixture_stored_fire_case (&f, CONCORD_STAGE_RECEIVED, ACTOR);
  context = concord_context_new (f.store, "tester");

  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (parent);
  open_dialog (&dialog, parent, context, c, &failed_id);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (_concord_fail_dialog_get_reason_view (dialog)),
                            REASON, -1);
  gtk_check_button_set_active (_concord_fail_dialog_get_check (dialog, CONCORD_REFERRAL_JUDICIAL), TRUE);
  gtk_editable_set_text (_concord_fail_dialog_get_detail (dialog, CONCORD_REFERRAL_JUDICIAL), "劳动争议仲裁");
  press (_concord_fail_dialog_get_submit_button (dialog));
  run_for (50);
  g_assert_nonnull (dialog);
  g_assert_nonnull (message (dialog, "general"));
  g_assert_nonnull (strstr (message (dialog, "general"), "could not be closed as failed"));
  g_assert_cmpint (failed_id, ==, 0);
  g_assert_cmpint (stored_stage (f.store, c->id), ==, CONCORD_STAGE_RECEIVED);
  typed = reason_text (dialog);
  g_assert_cmpstr (typed, ==, REASON);
  g_assert_cmpstr (gtk_editable_get_text (_concord_fail_dialog_get_detail (dialog, CONCORD_REFERRAL_JUDICIAL)),
                   ==, "劳动争议仲裁");

  gtk_window_destroy (parent);
  run_for (50);
  g_assert_null (dialog);
  g_clear_object (&context);
  fixture_tear_down (&f, NULL);
}

/* Escape on an empty dialog closes it; with something typed it asks first. */
static void
test_cancel (void)
{
  Fixture f = { 0 };
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(ConcordContext) context = NULL;
  ConcordFailDialog *dialog;
  AdwMessageDialog *ask;
  GtkWindow *parent;

  fixture_set_up (&f, NULL);
  c = fixture_stored_fire_case (&f, CONCORD_STAGE_FACE_TO_FACE, ACTOR);
  context = concord_context_new (f.store, "tester");
  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (parent);

  open_dialog (&dialog, parent, context, c, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "fail.cancel", NULL));
  run_for (50);
  g_assert_null (dialog);
  g_assert_null (find_message_dialog ());

  open_dialog (&dialog, parent, context, c, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (_concord_fail_dialog_get_reason_view (dialog)),
                            REASON, -1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "fail.cancel", NULL);
  run_for (50);
  g_assert_nonnull (dialog);
  ask = find_message_dialog ();
  g_assert_nonnull (ask);
  answer (ADW_MESSAGE_DIALOG (ask), "cancel");
  g_assert_null (find_message_dialog ());
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "fail.cancel", NULL);
  run_for (50);
  ask = find_message_dialog ();
  g_assert_nonnull (ask);
  answer (ADW_MESSAGE_DIALOG (ask), "discard");
  g_assert_null (dialog);
  g_assert_cmpint (stored_stage (f.store, c->id), ==, CONCORD_STAGE_FACE_TO_FACE);

  gtk_window_destroy (parent);
  run_for (50);
  g_clear_object (&context);
  fixture_tear_down (&f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* "Today" is 20 November 2026 (Beijing time) for the due dates. */
  g_setenv ("CONCORD_NOW", "2026-11-20T02:00:00Z", TRUE);
  if (!ui_test_init (&argc, &argv, "failure dialog"))
    return 77;

  g_test_add_func ("/ui/fail/close-as-failed", test_fail);
  g_test_add_func ("/ui/fail/store-error", test_store_error);
  g_test_add_func ("/ui/fail/cancel", test_cancel);
  return g_test_run ();
}
