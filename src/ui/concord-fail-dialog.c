/* concord-fail-dialog.c
 *
 * What the form shows is computed first as a plain FormCheck from the
 * text typed (check_form()), then applied to the widgets (apply_check()).
 * After a refused attempt, typing corrects the messages already shown but
 * adds no new ones, so a work order just added is not covered in red.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-fail-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-resources.h"
#include "concord-ui-util.h"
#include "concord-fail-dialog-private.h"

/* One work order being typed. The widgets belong to the orders box. */
typedef struct
{
  GtkWidget *group;
  GtkWidget *department;
  GtkWidget *request;
  GtkWidget *due;
  GtkLabel  *department_message;
  GtkLabel  *request_message;
  GtkLabel  *due_message;
  GtkWidget *remove_button;
} Order;

/* What a work order typed as plain text is. */
typedef struct
{
  const char *department;
  const char *request;
  const char *due;
} OrderText;

/* The messages of a work order; NULL where a field is right. */
typedef struct
{
  char *department;
  char *request;
  char *due;
} OrderCheck;

/* The messages of the whole form; NULL where a field is right. */
typedef struct
{
  char       *reason;
  char       *referral;
  guint       n_orders;
  OrderCheck *orders;
  guint       n_problems;
} FormCheck;

struct _ConcordFailDialog
{
  AdwWindow         parent_instance;

  ConcordContext   *context;
  gint64            case_id;
  GPtrArray        *orders;     /* of Order */
  gboolean          attempted;  /* "Close as Failed" was refused once */
  gboolean          done;       /* closes without asking */

  AdwWindowTitle   *window_title;
  GtkWidget        *submit_button;
  GtkWidget        *add_order_button;
  GtkScrolledWindow *scrolled_window;
  GtkLabel         *general_message;
  GtkWidget        *reason_scroller;
  GtkTextView      *reason_view;
  GtkLabel         *reason_message;
  GtkCheckButton   *sue_check;
  GtkWidget        *sue_detail_row;
  GtkCheckButton   *legal_check;
  GtkWidget        *legal_detail_row;
  GtkLabel         *referral_message;
  GtkWidget        *orders_box;
};

enum
{
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConcordFailDialog, concord_fail_dialog, ADW_TYPE_WINDOW)

static void
form_check_free (FormCheck *check)
{
  for (guint i = 0; i < check->n_orders; i++)
    {
      g_free (check->orders[i].department);
      g_free (check->orders[i].request);
      g_free (check->orders[i].due);
    }
  g_free (check->orders);
  g_free (check->reason);
  g_free (check->referral);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FormCheck, form_check_free)

/* The message concord_referral_validate() gives a work order of
 * @department, @request and @due, or NULL when it passes. */
static char *
referral_message (const char *department,
                  const char *request,
                  const char *due,
                  const char *today)
{
  g_autoptr(ConcordReferral) referral = concord_referral_new (CONCORD_REFERRAL_DEPARTMENT);
  g_autoptr(GError) error = NULL;

  referral->detail = g_strdup (department);
  referral->request = g_strdup (request);
  referral->due_date = g_strdup (due);
  if (concord_referral_validate (referral, today, &error))
    return NULL;
  return g_strdup (error->message);
}

/* Checks each field on its own, so that every problem shows at once at
 * its field: the core's validation stops at the first one, so each field
 * is put to it with the other two filled in. */
static FormCheck *
check_form (const char      *reason,
            gboolean         sue,
            gboolean         legal,
            const OrderText *orders,
            guint            n_orders,
            const char      *today)
{
  FormCheck *check = g_new0 (FormCheck, 1);

  if (concord_text_is_blank (reason))
    {
      check->reason = g_strdup (_("Enter why the mediation failed."));
      check->n_problems++;
    }
  if (!sue && !legal && n_orders == 0)
    {
      check->referral = g_strdup (_("Choose where the parties were sent, or add a work order: "
                                    "they must be told where they can go next."));
      check->n_problems++;
    }

  check->n_orders = n_orders;
  check->orders = g_new0 (OrderCheck, MAX (n_orders, 1));
  for (guint i = 0; i < n_orders; i++)
    {
      OrderCheck *order = &check->orders[i];

      if (concord_text_is_blank (orders[i].department))
        order->department = referral_message (NULL, "-", "-", NULL);
      if (concord_text_is_blank (orders[i].request))
        order->request = referral_message ("-", NULL, "-", NULL);
      order->due = referral_message ("-", "-", orders[i].due, today);
      check->n_problems += (order->department != NULL) + (order->request != NULL) + (order->due != NULL);
    }
  return check;
}

/* Today's date where the desk is, "YYYY-MM-DD". */
static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = concord_clock_now ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, "%Y-%m-%d");
}

static char *
dup_reason (ConcordFailDialog *self)
{
  return concord_ui_text_view_dup_text (self->reason_view);
}

static FormCheck *
check_dialog (ConcordFailDialog *self)
{
  g_autofree char *reason = dup_reason (self);
  g_autofree char *today = dup_today ();
  g_autofree OrderText *texts = g_new0 (OrderText, MAX (self->orders->len, 1));

  for (guint i = 0; i < self->orders->len; i++)
    {
      const Order *order = g_ptr_array_index (self->orders, i);

      texts[i].department = gtk_editable_get_text (GTK_EDITABLE (order->department));
      texts[i].request = gtk_editable_get_text (GTK_EDITABLE (order->request));
      texts[i].due = gtk_editable_get_text (GTK_EDITABLE (order->due));
    }
  return check_form (reason,
                     gtk_check_button_get_active (self->sue_check),
                     gtk_check_button_get_active (self->legal_check),
                     texts, self->orders->len, today);
}

/* Shows or clears @message at @field. A message under an entry row sits in
 * a row of its own, shown with it. With @only_shown, a field without a
 * message keeps none. */
static void
show_message (GtkWidget  *field,
              GtkLabel   *label,
              const char *message,
              gboolean    only_shown)
{
  GtkWidget *row;

  if (only_shown && message != NULL && !gtk_widget_get_visible (GTK_WIDGET (label)))
    return;
  concord_ui_set_field_error (field, label, message);
  row = gtk_widget_get_parent (GTK_WIDGET (label));
  if (row != NULL && gtk_widget_has_css_class (row, "field-message-row"))
    gtk_widget_set_visible (row, message != NULL);
}

/* Applies @check to the widgets; with @focus, focuses the first field
 * with a problem. */
static void
apply_check (ConcordFailDialog *self,
             const FormCheck   *check,
             gboolean           focus,
             gboolean           only_shown)
{
  GtkWidget *first = NULL;

  show_message (GTK_WIDGET (self->reason_view), self->reason_message, check->reason, only_shown);
  /* The text view has no frame of its own: its card shows the state. */
  if (gtk_widget_has_css_class (GTK_WIDGET (self->reason_view), "error"))
    gtk_widget_add_css_class (self->reason_scroller, "error");
  else
    gtk_widget_remove_css_class (self->reason_scroller, "error");
  if (check->reason != NULL)
    first = GTK_WIDGET (self->reason_view);
  show_message (GTK_WIDGET (self->sue_check), self->referral_message, check->referral, only_shown);
  if (check->referral != NULL && first == NULL)
    first = GTK_WIDGET (self->sue_check);

  g_assert (check->n_orders == self->orders->len);
  for (guint i = 0; i < check->n_orders; i++)
    {
      const Order *order = g_ptr_array_index (self->orders, i);
      const OrderCheck *messages = &check->orders[i];

      show_message (order->department, order->department_message, messages->department, only_shown);
      show_message (order->request, order->request_message, messages->request, only_shown);
      show_message (order->due, order->due_message, messages->due, only_shown);
      if (first == NULL)
        first = messages->department != NULL ? order->department
              : messages->request != NULL ? order->request
              : messages->due != NULL ? order->due
              : NULL;
    }

  if (focus && first != NULL)
    gtk_widget_grab_focus (first);
}

static void
show_general_message (ConcordFailDialog *self,
                      const char        *message)
{
  gtk_label_set_text (self->general_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->general_message), message != NULL);
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static void
recheck (ConcordFailDialog *self)
{
  g_autoptr(FormCheck) check = NULL;

  if (!self->attempted)
    return;
  check = check_dialog (self);
  apply_check (self, check, FALSE, TRUE);
}

static void
field_changed_cb (ConcordFailDialog *self)
{
  recheck (self);
}

static void
check_toggled_cb (ConcordFailDialog *self)
{
  /* What was typed in a detail stays there when its box is unticked. */
  gtk_widget_set_visible (self->sue_detail_row, gtk_check_button_get_active (self->sue_check));
  gtk_widget_set_visible (self->legal_detail_row, gtk_check_button_get_active (self->legal_check));
  recheck (self);
}

static gboolean
has_typed (ConcordFailDialog *self)
{
  g_autofree char *reason = dup_reason (self);

  return !concord_text_is_blank (reason) ||
         gtk_check_button_get_active (self->sue_check) ||
         gtk_check_button_get_active (self->legal_check) ||
         self->orders->len > 0;
}

static GtkLabel *
add_message_row (AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_visible (row, FALSE);
  gtk_widget_add_css_class (row, "field-message-row");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  adw_preferences_group_add (group, row);
  return GTK_LABEL (label);
}

static GtkWidget *
add_entry_row (ConcordFailDialog   *self,
               AdwPreferencesGroup *group,
               const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_signal_connect_object (row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  return row;
}

static void
number_orders (ConcordFailDialog *self)
{
  for (guint i = 0; i < self->orders->len; i++)
    {
      const Order *order = g_ptr_array_index (self->orders, i);
      /* Translators: heading of one work order in the failed-mediation
       * dialog; %u is its number */
      g_autofree char *title = g_strdup_printf (_("Work Order %u"), i + 1);
      /* Translators: accessible name of the button that removes a work
       * order; %u is its number */
      g_autofree char *remove = g_strdup_printf (_("Remove Work Order %u"), i + 1);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (order->group), title);
      gtk_widget_set_tooltip_text (order->remove_button, remove);
      gtk_accessible_update_property (GTK_ACCESSIBLE (order->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove,
                                      -1);
    }
}

static void
remove_order_clicked_cb (GtkButton         *button,
                         ConcordFailDialog *self)
{
  for (guint i = 0; i < self->orders->len; i++)
    {
      Order *order = g_ptr_array_index (self->orders, i);

      if (order->remove_button != GTK_WIDGET (button))
        continue;
      /* Move the focus away before the focused button goes. */
      gtk_widget_grab_focus (self->add_order_button);
      gtk_box_remove (GTK_BOX (self->orders_box), order->group);
      g_ptr_array_remove_index (self->orders, i);
      number_orders (self);
      recheck (self);
      return;
    }
}

static Order *
add_order (ConcordFailDialog *self)
{
  Order *order = g_new0 (Order, 1);
  AdwPreferencesGroup *group;

  order->group = adw_preferences_group_new ();
  group = ADW_PREFERENCES_GROUP (order->group);

  order->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (order->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (order->remove_button, "flat");
  g_signal_connect_object (order->remove_button, "clicked",
                           G_CALLBACK (remove_order_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (group, order->remove_button);

  /* Translators: field of a work order: the department it goes to, e.g. 住建局 */
  order->department = add_entry_row (self, group, _("_Department"));
  order->department_message = add_message_row (group);
  /* Translators: field of a work order: what the department is asked to do */
  order->request = add_entry_row (self, group, _("_What it is asked to do"));
  order->request_message = add_message_row (group);
  /* Translators: field of a work order; keep the example date as it is,
   * "2026年12月7日" is accepted too */
  order->due = add_entry_row (self, group, _("Due da_te, e.g. 2026-12-07"));
  order->due_message = add_message_row (group);

  gtk_box_append (GTK_BOX (self->orders_box), order->group);
  g_ptr_array_add (self->orders, order);
  number_orders (self);
  return order;
}

static void
add_order_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConcordFailDialog *self = CONCORD_FAIL_DIALOG (widget);
  Order *order = add_order (self);

  gtk_widget_grab_focus (order->department);
  /* The referral is there now. */
  recheck (self);
}

static char *
dup_stripped (const char *text)
{
  if (concord_text_is_blank (text))
    return NULL;
  return g_strstrip (g_strdup (text));
}

/* The referrals as typed; only called when check_form() found nothing. */
static GPtrArray *
collect_referrals (ConcordFailDialog *self)
{
  GPtrArray *referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_referral_free);

  if (gtk_check_button_get_active (self->sue_check))
    {
      ConcordReferral *referral = concord_referral_new (CONCORD_REFERRAL_LITIGATION);

      referral->detail = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (self->sue_detail_row)));
      g_ptr_array_add (referrals, referral);
    }
  if (gtk_check_button_get_active (self->legal_check))
    {
      ConcordReferral *referral = concord_referral_new (CONCORD_REFERRAL_JUDICIAL);

      referral->detail = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (self->legal_detail_row)));
      g_ptr_array_add (referrals, referral);
    }
  for (guint i = 0; i < self->orders->len; i++)
    {
      const Order *order = g_ptr_array_index (self->orders, i);
      ConcordReferral *referral = concord_referral_new (CONCORD_REFERRAL_DEPARTMENT);
      g_autofree char *iso = NULL;

      referral->detail = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (order->department)));
      referral->request = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (order->request)));
      /* Stored as YYYY-MM-DD however it was typed. */
      if (concord_validate_date (gtk_editable_get_text (GTK_EDITABLE (order->due)), &iso, NULL))
        referral->due_date = g_steal_pointer (&iso);
      else
        referral->due_date = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (order->due)));
      g_ptr_array_add (referrals, referral);
    }
  return referrals;
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConcordFailDialog *self = CONCORD_FAIL_DIALOG (widget);
  g_autoptr(FormCheck) check = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  if (self->done)
    return;

  show_general_message (self, NULL);
  check = check_dialog (self);
  apply_check (self, check, TRUE, FALSE);
  if (check->n_problems > 0)
    {
      self->attempted = TRUE;
      return;
    }

  reason = dup_reason (self);
  g_strstrip (reason);
  referrals = collect_referrals (self);
  if (!concord_store_fail_case (concord_context_get_store (self->context), self->case_id,
                                reason, referrals,
                                concord_context_get_username (self->context), &error))
    {
      g_autofree char *text = NULL;

      /* Translators: at the top of the failed-mediation dialog when the
       * database refused it; %s is the reason. What was typed stays. */
      text = g_strdup_printf (_("The case could not be closed as failed: %s"), error->message);
      show_general_message (self, text);
      return;
    }

  self->done = TRUE;
  concord_context_case_changed (self->context, self->case_id);
  g_signal_emit (self, signals[FAILED], 0, self->case_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     ConcordFailDialog *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  /* Hidden now, destroyed once the dialog that asked has gone. */
  self->done = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

static gboolean
concord_fail_dialog_close_request (GtkWindow *window)
{
  ConcordFailDialog *self = CONCORD_FAIL_DIALOG (window);
  AdwMessageDialog *dialog;

  if (self->done || !has_typed (self))
    return GTK_WINDOW_CLASS (concord_fail_dialog_parent_class)->close_request (window);

  dialog = concord_ui_discard_dialog_new (window, _("Discard What Was Typed?"),
                                          _("The case stays as it is; the reason and the referrals typed here are not kept."),
                                          _("_Keep Editing"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
concord_fail_dialog_dispose (GObject *object)
{
  ConcordFailDialog *self = CONCORD_FAIL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_FAIL_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_fail_dialog_parent_class)->dispose (object);
}

static void
concord_fail_dialog_finalize (GObject *object)
{
  ConcordFailDialog *self = CONCORD_FAIL_DIALOG (object);

  g_clear_pointer (&self->orders, g_ptr_array_unref);

  G_OBJECT_CLASS (concord_fail_dialog_parent_class)->finalize (object);
}

static void
concord_fail_dialog_class_init (ConcordFailDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = concord_fail_dialog_dispose;
  object_class->finalize = concord_fail_dialog_finalize;
  window_class->close_request = concord_fail_dialog_close_request;

  /**
   * ConcordFailDialog::failed:
   * @case_id: the case closed as failed
   *
   * The case was stored as failed, with its referrals.
   */
  signals[FAILED] = g_signal_new ("failed",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /* The resources live in a static library: referring to them keeps them
   * linked into every program that opens the dialog. */
  if (concord_get_resource () == NULL)
    g_critical ("The interface resources are missing");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-fail-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, submit_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, add_order_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, general_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, reason_scroller);
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, reason_view);
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, reason_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, sue_check);
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, sue_detail_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, legal_check);
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, legal_detail_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, referral_message);
  gtk_widget_class_bind_template_child (widget_class, ConcordFailDialog, orders_box);

  gtk_widget_class_install_action (widget_class, "fail.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "fail.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "fail.add-order", NULL, add_order_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "fail.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "fail.submit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "fail.submit", NULL);
}

static void
concord_fail_dialog_init (ConcordFailDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->orders = g_ptr_array_new_with_free_func (g_free);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->reason_view),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->reason_message, NULL,
                                  -1);
  g_signal_connect_object (gtk_text_view_get_buffer (self->reason_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sue_check, "toggled",
                           G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->legal_check, "toggled",
                           G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);
}

ConcordFailDialog *
concord_fail_dialog_new (GtkWindow         *parent,
                         ConcordContext    *context,
                         const ConcordCase *c)
{
  ConcordFailDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (c != NULL && c->id > 0, NULL);

  self = g_object_new (CONCORD_TYPE_FAIL_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->case_id = c->id;
  if (!concord_text_is_blank (c->case_no))
    adw_window_title_set_subtitle (self->window_title, c->case_no);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_view));
  return self;
}

GtkTextView *
_concord_fail_dialog_get_reason_view (ConcordFailDialog *self)
{
  g_return_val_if_fail (CONCORD_IS_FAIL_DIALOG (self), NULL);
  return self->reason_view;
}

GtkCheckButton *
_concord_fail_dialog_get_check (ConcordFailDialog   *self,
                                ConcordReferralKind  kind)
{
  g_return_val_if_fail (CONCORD_IS_FAIL_DIALOG (self), NULL);
  g_return_val_if_fail (kind != CONCORD_REFERRAL_DEPARTMENT, NULL);
  return kind == CONCORD_REFERRAL_LITIGATION ? self->sue_check : self->legal_check;
}

GtkEditable *
_concord_fail_dialog_get_detail (ConcordFailDialog   *self,
                                 ConcordReferralKind  kind)
{
  g_return_val_if_fail (CONCORD_IS_FAIL_DIALOG (self), NULL);
  g_return_val_if_fail (kind != CONCORD_REFERRAL_DEPARTMENT, NULL);
  return GTK_EDITABLE (kind == CONCORD_REFERRAL_LITIGATION ? self->sue_detail_row : self->legal_detail_row);
}

GtkWidget *
_concord_fail_dialog_get_submit_button (ConcordFailDialog *self)
{
  g_return_val_if_fail (CONCORD_IS_FAIL_DIALOG (self), NULL);
  return self->submit_button;
}

GtkWidget *
_concord_fail_dialog_get_add_order_button (ConcordFailDialog *self)
{
  g_return_val_if_fail (CONCORD_IS_FAIL_DIALOG (self), NULL);
  return self->add_order_button;
}

guint
_concord_fail_dialog_get_n_orders (ConcordFailDialog *self)
{
  g_return_val_if_fail (CONCORD_IS_FAIL_DIALOG (self), 0);
  return self->orders->len;
}

GtkEditable *
_concord_fail_dialog_get_order_field (ConcordFailDialog *self,
                                      guint              index,
                                      const char        *field)
{
  const Order *order;

  g_return_val_if_fail (CONCORD_IS_FAIL_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->orders->len, NULL);

  order = g_ptr_array_index (self->orders, index);
  if (g_strcmp0 (field, "department") == 0)
    return GTK_EDITABLE (order->department);
  if (g_strcmp0 (field, "request") == 0)
    return GTK_EDITABLE (order->request);
  if (g_strcmp0 (field, "due") == 0)
    return GTK_EDITABLE (order->due);
  g_return_val_if_reached (NULL);
}

GtkWidget *
_concord_fail_dialog_get_order_remove_button (ConcordFailDialog *self,
                                              guint              index)
{
  g_return_val_if_fail (CONCORD_IS_FAIL_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->orders->len, NULL);
  return ((const Order *) g_ptr_array_index (self->orders, index))->remove_button;
}

GtkLabel *
_concord_fail_dialog_get_message_label (ConcordFailDialog *self,
                                        const char        *field)
{
  g_return_val_if_fail (CONCORD_IS_FAIL_DIALOG (self), NULL);

  if (g_strcmp0 (field, "general") == 0)
    return self->general_message;
  if (g_strcmp0 (field, "reason") == 0)
    return self->reason_message;
  if (g_strcmp0 (field, "referral") == 0)
    return self->referral_message;
  g_return_val_if_reached (NULL);
}

GtkLabel *
_concord_fail_dialog_get_order_message_label (ConcordFailDialog *self,
                                              guint              index,
                                              const char        *field)
{
  const Order *order;

  g_return_val_if_fail (CONCORD_IS_FAIL_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->orders->len, NULL);

  order = g_ptr_array_index (self->orders, index);
  if (g_strcmp0 (field, "department") == 0)
    return order->department_message;
  if (g_strcmp0 (field, "request") == 0)
    return order->request_message;
  if (g_strcmp0 (field, "due") == 0)
    return order->due_message;
  g_return_val_if_reached (NULL);
}
