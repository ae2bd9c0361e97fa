/* concord-term-dialog.c
 *
 * A modal window rather than an AdwMessageDialog, as the position dialog:
 * a wrong amount must leave the dialog open with everything typed in it.
 * Both kinds of term have their own page, so switching the kind loses
 * nothing either.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-term-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-money.h"
#include "concord-validate.h"
#include "concord-resources.h"
#include "concord-ui-util.h"
#include "concord-term-dialog.h"

/* Rows of the schedule combo. */
enum {
  SCHEDULE_ONCE,
  SCHEDULE_INSTALMENTS,
};

struct _ConcordTermDialog
{
  AdwWindow               parent_instance;

  ConcordAgreement       *agreement;  /* a copy, for the parties' names */
  char                   *term_id;    /* of the term changed, or NULL */

  GtkScrolledWindow      *scroller;
  GtkWidget              *reveal;     /* weak: to scroll into view */
  guint                   reveal_tick;
  guint                   reveal_frames;
  GtkLabel               *error_label;
  AdwComboRow            *kind_row;
  GtkStack               *kind_stack;
  AdwComboRow            *payer_row;
  AdwComboRow            *payee_row;
  GtkLabel               *payee_error;
  AdwEntryRow            *amount_row;
  GtkLabel               *amount_error;
  GtkLabel               *amount_words;
  AdwEntryRow            *method_row;
  AdwComboRow            *schedule_row;
  GtkStack               *schedule_stack;
  AdwEntryRow            *due_row;
  GtkLabel               *due_error;
  GtkListBox             *instalments_list;
  GtkLabel               *instalments_error;
  GtkLabel               *instalments_sum;
  AdwEntryRow            *words_row;
  AdwComboRow            *performer_row;
  AdwComboRow            *beneficiary_row;
  GtkLabel               *beneficiary_error;
  GtkTextView            *act_view;
  GtkWidget              *act_frame;
  GtkLabel               *act_error;
  AdwEntryRow            *deadline_row;
  GtkLabel               *preview_label;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConcordTermDialog, concord_term_dialog, ADW_TYPE_WINDOW)

static guint
n_parties (ConcordTermDialog *self)
{
  return self->agreement->parties != NULL ? self->agreement->parties->len : 0;
}

static gint64
party_at (ConcordTermDialog *self,
          guint              index)
{
  const ConcordAgreementParty *party;

  if (index >= n_parties (self))
    return 0;
  party = g_ptr_array_index (self->agreement->parties, index);
  return party->party_id;
}

static guint
index_of_party (ConcordTermDialog *self,
                gint64             party_id)
{
  for (guint i = 0; i < n_parties (self); i++)
    if (party_at (self, i) == party_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static char *
dup_entry_text (gpointer editable)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Instalments */

static GtkWidget *
instalment_entry (GtkWidget *row,
                  const char *which)
{
  return g_object_get_data (G_OBJECT (row), which);
}

static void update_preview (ConcordTermDialog *self);

static void
renumber_instalments (ConcordTermDialog *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->instalments_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *date_name = NULL;
      g_autofree char *amount_name = NULL;
      g_autofree char *number = NULL;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      n++;
      number = g_strdup_printf ("%u", n);
      gtk_label_set_text (GTK_LABEL (instalment_entry (row, "number")), number);
      /* Translators: what a screen reader says for the date entry of the
       * instalment numbered %u */
      date_name = g_strdup_printf (_("Date of instalment %u"), n);
      /* Translators: what a screen reader says for the amount entry of the
       * instalment numbered %u */
      amount_name = g_strdup_printf (_("Amount of instalment %u in yuan"), n);
      gtk_accessible_update_property (GTK_ACCESSIBLE (instalment_entry (row, "date")),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, date_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (instalment_entry (row, "amount")),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, amount_name, -1);
    }
}

static void
clear_instalment_errors (ConcordTermDialog *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->instalments_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      {
        concord_ui_set_field_error (instalment_entry (row, "date"), NULL, NULL);
        concord_ui_set_field_error (instalment_entry (row, "amount"), NULL, NULL);
      }
  concord_ui_set_field_error (GTK_WIDGET (self->instalments_list), self->instalments_error, NULL);
}

static void
instalment_changed_cb (GtkEditable       *editable,
                       ConcordTermDialog *self)
{
  clear_instalment_errors (self);
  update_preview (self);
}

static void
remove_instalment_cb (GtkButton         *button,
                      ConcordTermDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *next;

  if (row == NULL)
    return;
  /* Focus goes to the next row (or the one above), not lost. */
  next = gtk_widget_get_next_sibling (row);
  if (next == NULL)
    next = gtk_widget_get_prev_sibling (row);
  gtk_list_box_remove (self->instalments_list, row);
  renumber_instalments (self);
  clear_instalment_errors (self);
  update_preview (self);
  if (next != NULL)
    gtk_widget_grab_focus (instalment_entry (next, "date"));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->instalments_list));
}

static GtkWidget *
add_instalment (ConcordTermDialog *self,
                const char        *date,
                const char        *amount)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *date_entry = gtk_entry_new ();
  GtkWidget *amount_entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_set_size_request (number, 20, -1);
  gtk_box_append (GTK_BOX (box), number);

  /* Translators: placeholder of the date of an instalment */
  gtk_entry_set_placeholder_text (GTK_ENTRY (date_entry), _("Date, e.g. 2026-12-31"));
  gtk_editable_set_width_chars (GTK_EDITABLE (date_entry), 14);
  gtk_widget_set_hexpand (date_entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (date_entry), date != NULL ? date : "");
  gtk_box_append (GTK_BOX (box), date_entry);

  /* Translators: placeholder of the amount of an instalment */
  gtk_entry_set_placeholder_text (GTK_ENTRY (amount_entry), _("Amount in yuan"));
  gtk_entry_set_input_purpose (GTK_ENTRY (amount_entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (amount_entry), 12);
  gtk_widget_set_hexpand (amount_entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (amount_entry), amount != NULL ? amount : "");
  gtk_box_append (GTK_BOX (box), amount_entry);

  gtk_widget_set_tooltip_text (remove, _("Remove Instalment"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), remove);

  g_object_set_data (G_OBJECT (row), "number", number);
  g_object_set_data (G_OBJECT (row), "date", date_entry);
  g_object_set_data (G_OBJECT (row), "amount", amount_entry);
  g_signal_connect (date_entry, "changed", G_CALLBACK (instalment_changed_cb), self);
  g_signal_connect (amount_entry, "changed", G_CALLBACK (instalment_changed_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_instalment_cb), self);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (self->instalments_list, row);
  renumber_instalments (self);
  return row;
}

static guint
count_instalment_rows (ConcordTermDialog *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->instalments_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      n++;
  return n;
}

/* What was typed */

static gboolean
is_money (ConcordTermDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row) == CONCORD_TERM_MONEY;
}

static gboolean
in_instalments (ConcordTermDialog *self)
{
  return adw_combo_row_get_selected (self->schedule_row) == SCHEDULE_INSTALMENTS;
}

/* The amount typed in @editable in fen, 0 when blank or wrong. */
static gint64
typed_amount (gpointer editable)
{
  gint64 fen = 0;

  if (!concord_money_parse (gtk_editable_get_text (GTK_EDITABLE (editable)), &fen, NULL))
    return 0;
  return fen;
}

static gint64
beneficiary_id (ConcordTermDialog *self)
{
  guint i = adw_combo_row_get_selected (self->beneficiary_row);

  /* Row 0 is "all the other parties". */
  if (i == 0 || i == GTK_INVALID_LIST_POSITION)
    return 0;
  return party_at (self, i - 1);
}

ConcordTerm *
concord_term_dialog_dup_term (ConcordTermDialog *self)
{
  ConcordTerm *term;

  g_return_val_if_fail (CONCORD_IS_TERM_DIALOG (self), NULL);

  if (is_money (self))
    {
      term = concord_term_new (CONCORD_TERM_MONEY);
      term->party_id = party_at (self, adw_combo_row_get_selected (self->payer_row));
      term->counterparty_id = party_at (self, adw_combo_row_get_selected (self->payee_row));
      term->amount_fen = typed_amount (self->amount_row);
      term->method = dup_entry_text (self->method_row);
      term->text = dup_entry_text (self->words_row);
      if (in_instalments (self))
        {
          for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->instalments_list));
               row != NULL;
               row = gtk_widget_get_next_sibling (row))
            {
              ConcordInstalment instalment = { NULL, 0 };
              g_autofree char *date = NULL;

              if (!GTK_IS_LIST_BOX_ROW (row))
                continue;
              date = dup_entry_text (instalment_entry (row, "date"));
              instalment.amount_fen = typed_amount (instalment_entry (row, "amount"));
              if (date == NULL && instalment.amount_fen == 0)
                continue;
              if (date == NULL || !concord_validate_date (date, &instalment.due_date, NULL))
                instalment.due_date = g_steal_pointer (&date);
              g_array_append_val (term->instalments, instalment);
            }
        }
      else
        {
          g_autofree char *date = dup_entry_text (self->due_row);

          if (date != NULL && !concord_validate_date (date, &term->due_date, NULL))
            term->due_date = g_steal_pointer (&date);
        }
    }
  else
    {
      g_autofree char *what = concord_ui_text_view_dup_text (self->act_view);

      term = concord_term_new (CONCORD_TERM_ACT);
      term->party_id = party_at (self, adw_combo_row_get_selected (self->performer_row));
      term->counterparty_id = beneficiary_id (self);
      g_strstrip (what);
      term->text = *what != '\0' ? g_steal_pointer (&what) : NULL;
      term->deadline = dup_entry_text (self->deadline_row);
    }
  term->id = g_strdup (self->term_id);
  return term;
}

static void
update_preview (ConcordTermDialog *self)
{
  g_autoptr(ConcordTerm) term = concord_term_dialog_dup_term (self);
  g_autofree char *text = concord_agreement_term_text (self->agreement, term);
  gint64 amount = typed_amount (self->amount_row);
  gint64 sum = 0;

  gtk_label_set_text (self->preview_label, text != NULL ? text : "");

  if (amount > 0)
    {
      g_autofree char *figures = concord_money_format (amount);
      g_autofree char *capital = concord_money_capital (amount);
      /* Both are document notation (¥ and 人民币…元整), the same in every
       * interface language. */
      g_autofree char *words = g_strdup_printf ("%s · 人民币%s", figures, capital);

      gtk_label_set_text (self->amount_words, words);
    }
  else
    gtk_label_set_text (self->amount_words, "");
  gtk_widget_set_visible (GTK_WIDGET (self->amount_words), amount > 0);

  for (guint i = 0; i < term->instalments->len; i++)
    sum += g_array_index (term->instalments, ConcordInstalment, i).amount_fen;
  if (sum > 0)
    {
      g_autofree char *figures = concord_money_format (sum);
      /* Translators: beside the list of instalments: what they add up to,
       * e.g. "Together ¥60,000.00" */
      g_autofree char *together = g_strdup_printf (_("Together %s"), figures);

      gtk_label_set_text (self->instalments_sum, together);
    }
  else
    gtk_label_set_text (self->instalments_sum, "");
}

static void
show_error (ConcordTermDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
clear_errors (ConcordTermDialog *self)
{
  show_error (self, NULL);
  concord_ui_set_field_error (GTK_WIDGET (self->payee_row), self->payee_error, NULL);
  concord_ui_set_field_error (GTK_WIDGET (self->amount_row), self->amount_error, NULL);
  concord_ui_set_field_error (GTK_WIDGET (self->due_row), self->due_error, NULL);
  clear_instalment_errors (self);
  concord_ui_set_field_error (GTK_WIDGET (self->beneficiary_row), self->beneficiary_error, NULL);
  concord_ui_set_field_error (self->act_frame, self->act_error, NULL);
}

/* Scrolls so that self->reveal (an error under its field) is in view,
 * once it has its place: tick callbacks run before the frame's layout,
 * so the message shown now has its place at the second tick. */
static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  ConcordTermDialog *self = CONCORD_TERM_DIALOG (widget);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  double value, page;

  if (++self->reveal_frames < 2)
    return G_SOURCE_CONTINUE;
  self->reveal_tick = 0;
  if (self->reveal == NULL || content == NULL ||
      !gtk_widget_compute_bounds (self->reveal, content, &bounds))
    return G_SOURCE_REMOVE;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y + bounds.size.height + 12 > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height + 12 - page);
  else if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, MAX (0, bounds.origin.y - 12));
  return G_SOURCE_REMOVE;
}

static void
reveal_later (ConcordTermDialog *self,
              GtkWidget         *widget)
{
  g_set_weak_pointer (&self->reveal, widget);
  self->reveal_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb, NULL, NULL);
}

/* Callbacks */

static void
kind_selected_cb (AdwComboRow       *row,
                  GParamSpec        *pspec,
                  ConcordTermDialog *self)
{
  gtk_stack_set_visible_child_name (self->kind_stack, is_money (self) ? "money" : "act");
  update_preview (self);
}

static void
schedule_selected_cb (AdwComboRow       *row,
                      GParamSpec        *pspec,
                      ConcordTermDialog *self)
{
  gboolean instalments = in_instalments (self);

  gtk_stack_set_visible_child_name (self->schedule_stack, instalments ? "instalments" : "once");
  /* Instalments start with two rows to fill in. */
  if (instalments && count_instalment_rows (self) == 0)
    {
      add_instalment (self, NULL, NULL);
      add_instalment (self, NULL, NULL);
    }
  update_preview (self);
}

static void
party_selected_cb (AdwComboRow       *row,
                   GParamSpec        *pspec,
                   ConcordTermDialog *self)
{
  concord_ui_set_field_error (GTK_WIDGET (self->payee_row), self->payee_error, NULL);
  concord_ui_set_field_error (GTK_WIDGET (self->beneficiary_row), self->beneficiary_error, NULL);
  update_preview (self);
}

static void
amount_changed_cb (GtkEditable       *editable,
                   ConcordTermDialog *self)
{
  concord_ui_set_field_error (GTK_WIDGET (self->amount_row), self->amount_error, NULL);
  clear_instalment_errors (self);
  update_preview (self);
}

static void
due_changed_cb (GtkEditable       *editable,
                ConcordTermDialog *self)
{
  concord_ui_set_field_error (GTK_WIDGET (self->due_row), self->due_error, NULL);
  update_preview (self);
}

static void
text_changed_cb (ConcordTermDialog *self)
{
  update_preview (self);
}

static void
act_changed_cb (GtkTextBuffer     *buffer,
                ConcordTermDialog *self)
{
  concord_ui_set_field_error (self->act_frame, self->act_error, NULL);
  update_preview (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  concord_term_dialog_save (CONCORD_TERM_DIALOG (widget), NULL);
}

static void
add_instalment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ConcordTermDialog *self = CONCORD_TERM_DIALOG (widget);
  GtkWidget *row = add_instalment (self, NULL, NULL);

  clear_instalment_errors (self);
  gtk_widget_grab_focus (instalment_entry (row, "date"));
}

static void
method_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConcordTermDialog *self = CONCORD_TERM_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->method_row), g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->method_row));
}

/* Overrides */

static void
concord_term_dialog_dispose (GObject *object)
{
  ConcordTermDialog *self = CONCORD_TERM_DIALOG (object);

  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  g_clear_weak_pointer (&self->reveal);
  gtk_widget_dispose_template (GTK_WIDGET (object), CONCORD_TYPE_TERM_DIALOG);

  G_OBJECT_CLASS (concord_term_dialog_parent_class)->dispose (object);
}

static void
concord_term_dialog_finalize (GObject *object)
{
  ConcordTermDialog *self = CONCORD_TERM_DIALOG (object);

  g_free (self->term_id);
  g_clear_pointer (&self->agreement, concord_agreement_unref);

  G_OBJECT_CLASS (concord_term_dialog_parent_class)->finalize (object);
}

static void
concord_term_dialog_class_init (ConcordTermDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_term_dialog_dispose;
  object_class->finalize = concord_term_dialog_finalize;

  /**
   * ConcordTermDialog::saved:
   * @term: (type gpointer): the checked ConcordTerm, owned by the dialog
   *
   * The term is complete enough to go into the agreement; the dialog
   * closes next.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  /* The resources live in a static library: referring to them keeps them
   * linked into every program that shows this widget. */
  if (concord_get_resource () == NULL)
    g_critical ("The interface resources are missing");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-term-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, kind_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, payer_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, payee_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, payee_error);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, amount_error);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, amount_words);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, schedule_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, due_error);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, instalments_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, instalments_error);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, instalments_sum);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, words_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, performer_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, beneficiary_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, beneficiary_error);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, act_view);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, act_frame);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, act_error);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordTermDialog, preview_label);

  gtk_widget_class_install_action (widget_class, "term.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "term.add-instalment", NULL, add_instalment_action);
  gtk_widget_class_install_action (widget_class, "term.method", "s", method_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "term.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "term.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
concord_term_dialog_init (ConcordTermDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) schedules = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  G_STATIC_ASSERT (CONCORD_TERM_MONEY == 0 && CONCORD_TERM_ACT == 1);
  /* Translators: a kind of agreed term: a party pays money */
  gtk_string_list_append (kinds, _("Payment of money"));
  /* Translators: a kind of agreed term: a party does or refrains from
   * something, e.g. dances only from 7 to 9 pm */
  gtk_string_list_append (kinds, _("Something done or not done"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  /* Translators: money paid all at once (一次性支付) */
  gtk_string_list_append (schedules, _("In one payment"));
  /* Translators: money paid in instalments (分期支付) */
  gtk_string_list_append (schedules, _("In instalments"));
  adw_combo_row_set_model (self->schedule_row, G_LIST_MODEL (schedules));
}

/* Public */

static GListModel *
party_names (ConcordTermDialog *self,
             const char        *first)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (names, first);
  for (guint i = 0; i < n_parties (self); i++)
    {
      const ConcordAgreementParty *p = g_ptr_array_index (self->agreement->parties, i);
      g_autofree char *item = NULL;

      if (!concord_text_is_blank (p->role))
        /* Translators: a party in a list: name and role, e.g. "张某（申请人）" */
        item = g_strdup_printf (_("%s (%s)"), p->name != NULL ? p->name : "", p->role);
      else
        item = g_strdup (p->name != NULL ? p->name : "");
      gtk_string_list_append (names, item);
    }
  return G_LIST_MODEL (names);
}

static void
select_party (AdwComboRow *row,
              guint        index)
{
  if (index != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (row, index);
}

static void
fill (ConcordTermDialog *self,
      const ConcordTerm *term)
{
  if (term->kind == CONCORD_TERM_MONEY)
    {
      select_party (self->payer_row, index_of_party (self, term->party_id));
      select_party (self->payee_row, index_of_party (self, term->counterparty_id));
      if (term->amount_fen > 0)
        {
          /* Figures without the sign and the separators: as people type. */
          g_autofree char *amount = NULL;

          if (term->amount_fen % 100 == 0)
            amount = g_strdup_printf ("%" G_GINT64_FORMAT, term->amount_fen / 100);
          else
            amount = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", term->amount_fen / 100,
                                      (int) (term->amount_fen % 100));
          gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
        }
      gtk_editable_set_text (GTK_EDITABLE (self->method_row), term->method != NULL ? term->method : "");
      gtk_editable_set_text (GTK_EDITABLE (self->words_row), term->text != NULL ? term->text : "");
      gtk_editable_set_text (GTK_EDITABLE (self->due_row), term->due_date != NULL ? term->due_date : "");
      for (guint i = 0; term->instalments != NULL && i < term->instalments->len; i++)
        {
          const ConcordInstalment *instalment = &g_array_index (term->instalments, ConcordInstalment, i);
          g_autofree char *amount = NULL;

          if (instalment->amount_fen % 100 == 0)
            amount = g_strdup_printf ("%" G_GINT64_FORMAT, instalment->amount_fen / 100);
          else
            amount = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", instalment->amount_fen / 100,
                                      (int) (instalment->amount_fen % 100));
          add_instalment (self, instalment->due_date, amount);
        }
      if (term->instalments != NULL && term->instalments->len > 0)
        adw_combo_row_set_selected (self->schedule_row, SCHEDULE_INSTALMENTS);
    }
  else
    {
      select_party (self->performer_row, index_of_party (self, term->party_id));
      if (term->counterparty_id == 0)
        adw_combo_row_set_selected (self->beneficiary_row, 0);
      else
        {
          guint i = index_of_party (self, term->counterparty_id);

          if (i != GTK_INVALID_LIST_POSITION)
            adw_combo_row_set_selected (self->beneficiary_row, i + 1);
        }
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->act_view),
                                term->text != NULL ? term->text : "", -1);
      gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), term->deadline != NULL ? term->deadline : "");
    }
}

ConcordTermDialog *
concord_term_dialog_new (GtkWindow              *parent,
                         const ConcordAgreement *agreement,
                         const ConcordTerm      *term,
                         ConcordTermKind         kind)
{
  ConcordTermDialog *self;
  g_autoptr(GListModel) payers = NULL;
  g_autoptr(GListModel) payees = NULL;
  g_autoptr(GListModel) performers = NULL;
  g_autoptr(GListModel) beneficiaries = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (agreement != NULL, NULL);
  g_return_val_if_fail (term != NULL || (guint) kind < CONCORD_N_TERM_KINDS, NULL);

  self = g_object_new (CONCORD_TYPE_TERM_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->agreement = concord_agreement_copy (agreement);

  payers = party_names (self, NULL);
  payees = party_names (self, NULL);
  performers = party_names (self, NULL);
  /* Translators: in the list of for whom a term is done: every party
   * other than the one who does it */
  beneficiaries = party_names (self, _("All the other parties"));
  adw_combo_row_set_model (self->payer_row, payers);
  adw_combo_row_set_model (self->payee_row, payees);
  adw_combo_row_set_model (self->performer_row, performers);
  adw_combo_row_set_model (self->beneficiary_row, beneficiaries);

  if (term != NULL)
    {
      self->term_id = g_strdup (term->id);
      kind = term->kind;
      fill (self, term);
      gtk_window_set_title (GTK_WINDOW (self), _("Change Term"));
    }
  else
    {
      /* A new payment: the last party pays the first, as in most
       * agreements the respondent pays the applicant. The user changes
       * it in one step otherwise. */
      if (n_parties (self) >= 2)
        adw_combo_row_set_selected (self->payer_row, n_parties (self) - 1);
      gtk_window_set_title (GTK_WINDOW (self),
                            kind == CONCORD_TERM_MONEY ? _("Add Money Term") : _("Add Other Term"));
    }
  adw_combo_row_set_selected (self->kind_row, kind);

  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  g_signal_connect (self->schedule_row, "notify::selected", G_CALLBACK (schedule_selected_cb), self);
  g_signal_connect (self->payer_row, "notify::selected", G_CALLBACK (party_selected_cb), self);
  g_signal_connect (self->payee_row, "notify::selected", G_CALLBACK (party_selected_cb), self);
  g_signal_connect (self->performer_row, "notify::selected", G_CALLBACK (party_selected_cb), self);
  g_signal_connect (self->beneficiary_row, "notify::selected", G_CALLBACK (party_selected_cb), self);
  g_signal_connect (self->amount_row, "changed", G_CALLBACK (amount_changed_cb), self);
  g_signal_connect (self->due_row, "changed", G_CALLBACK (due_changed_cb), self);
  g_signal_connect_swapped (self->method_row, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->words_row, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->deadline_row, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->act_view), "changed", G_CALLBACK (act_changed_cb), self);

  kind_selected_cb (self->kind_row, NULL, self);
  schedule_selected_cb (self->schedule_row, NULL, self);

  if (kind == CONCORD_TERM_MONEY)
    gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->act_view));
  return self;
}

/* Marks @widget with @message and remembers the first problem. */
static void
fail_at (GtkWidget  *widget,
         GtkLabel   *label,
         const char *message,
         GtkWidget **first_widget,
         GError    **first_error)
{
  concord_ui_set_field_error (widget, label, message);
  if (*first_error == NULL)
    {
      g_set_error_literal (first_error, CONCORD_ERROR, CONCORD_ERROR_INVALID, message);
      *first_widget = widget;
      /* The message is under the field: both are to be seen. */
      if (label != NULL)
        g_object_set_data (G_OBJECT (widget), "error-label", label);
    }
}

static void
check_instalments (ConcordTermDialog *self,
                   gint64             amount,
                   GtkWidget        **first_widget,
                   GError           **first_error)
{
  g_autofree char *previous_date = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);
  GtkWidget *first_here = NULL;
  GtkWidget *last_amount = NULL;
  gint64 sum = 0;
  guint n = 0, given = 0;
  gboolean rows_ok = TRUE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->instalments_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *date_entry, *amount_entry;
      g_autofree char *date_text = NULL;
      g_autofree char *date = NULL;
      g_autoptr(GError) error = NULL;
      const char *amount_text;
      gint64 fen = 0;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      n++;
      date_entry = instalment_entry (row, "date");
      amount_entry = instalment_entry (row, "amount");
      date_text = dup_entry_text (date_entry);
      amount_text = gtk_editable_get_text (GTK_EDITABLE (amount_entry));
      if (date_text == NULL && concord_text_is_blank (amount_text))
        continue;
      given++;
      last_amount = amount_entry;

      if (date_text == NULL)
        {
          concord_ui_set_field_error (date_entry, NULL, _("Enter the date."));
          if (messages->len > 0)
            g_string_append_c (messages, '\n');
          /* Translators: an instalment (numbered %u) has an amount but no date */
          g_string_append_printf (messages, _("Instalment %u: enter its date."), n);
          first_here = first_here != NULL ? first_here : date_entry;
          rows_ok = FALSE;
        }
      else if (!concord_validate_date (date_text, &date, &error))
        {
          concord_ui_set_field_error (date_entry, NULL, error->message);
          if (messages->len > 0)
            g_string_append_c (messages, '\n');
          /* Translators: %u numbers the instalment, %s says what is wrong with its date */
          g_string_append_printf (messages, _("Instalment %u: %s"), n, error->message);
          first_here = first_here != NULL ? first_here : date_entry;
          rows_ok = FALSE;
          g_clear_error (&error);
        }
      else if (previous_date != NULL && g_strcmp0 (date, previous_date) <= 0)
        {
          concord_ui_set_field_error (date_entry, NULL, _("Later than the one above"));
          if (messages->len > 0)
            g_string_append_c (messages, '\n');
          /* Translators: instalments are listed in the order they fall due */
          g_string_append_printf (messages, _("Instalment %u must fall due after the one above it."), n);
          first_here = first_here != NULL ? first_here : date_entry;
          rows_ok = FALSE;
        }
      if (date != NULL)
        {
          g_free (previous_date);
          previous_date = g_strdup (date);
        }

      if (concord_text_is_blank (amount_text))
        {
          if (messages->len > 0)
            g_string_append_c (messages, '\n');
          /* Translators: an instalment (numbered %u) has a date but no amount */
          g_string_append_printf (messages, _("Instalment %u: enter its amount."), n);
          concord_ui_set_field_error (amount_entry, NULL, _("Enter the amount."));
          first_here = first_here != NULL ? first_here : amount_entry;
          rows_ok = FALSE;
        }
      else if (!concord_money_parse (amount_text, &fen, &error) || fen == 0)
        {
          const char *why = error != NULL ? error->message : _("The amount must be more than zero.");

          concord_ui_set_field_error (amount_entry, NULL, why);
          if (messages->len > 0)
            g_string_append_c (messages, '\n');
          g_string_append_printf (messages, _("Instalment %u: %s"), n, why);
          first_here = first_here != NULL ? first_here : amount_entry;
          rows_ok = FALSE;
        }
      sum += fen;
    }

  if (given == 0)
    {
      g_string_assign (messages, _("Enter the date and amount of each instalment, or choose one payment."));
      rows_ok = FALSE;
    }
  else if (rows_ok && amount > 0 && sum != amount)
    {
      g_autofree char *sum_text = concord_money_format (sum);
      g_autofree char *amount_text = concord_money_format (amount);

      /* Translators: the instalments' amounts do not add up to the whole
       * amount of the term; both are amounts like ¥50,000.00 */
      g_string_printf (messages, _("The instalments add up to %s, not the amount of %s."),
                       sum_text, amount_text);
      /* The last amount is where the difference is usually made up. */
      first_here = last_amount;
      rows_ok = FALSE;
    }

  if (!rows_ok)
    {
      fail_at (GTK_WIDGET (self->instalments_list), self->instalments_error, messages->str,
               first_widget, first_error);
      /* The keyboard goes to the entry to correct, the message stays
       * under the list. */
      if (first_here != NULL && *first_widget == GTK_WIDGET (self->instalments_list))
        {
          *first_widget = first_here;
          g_object_set_data (G_OBJECT (first_here), "error-label", self->instalments_error);
        }
    }
}

gboolean
concord_term_dialog_save (ConcordTermDialog *self,
                          GError           **error)
{
  g_autoptr(GError) first_error = NULL;
  g_autoptr(ConcordTerm) term = NULL;
  GtkWidget *first_widget = NULL;

  g_return_val_if_fail (CONCORD_IS_TERM_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clear_errors (self);
  term = concord_term_dialog_dup_term (self);

  if (n_parties (self) == 0)
    {
      g_set_error (&first_error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("The agreement has no parties yet: add them to the case first."));
      show_error (self, first_error->message);
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  if (term->kind == CONCORD_TERM_MONEY)
    {
      const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
      g_autoptr(GError) amount_error = NULL;
      gint64 amount = 0;

      if (n_parties (self) < 2)
        fail_at (GTK_WIDGET (self->payee_row), self->payee_error,
                 _("A payment needs a second party to receive it: add it to the case first."),
                 &first_widget, &first_error);
      else if (term->party_id == term->counterparty_id)
        fail_at (GTK_WIDGET (self->payee_row), self->payee_error,
                 _("The money goes to another party: choose who receives it."),
                 &first_widget, &first_error);

      if (concord_text_is_blank (amount_text))
        fail_at (GTK_WIDGET (self->amount_row), self->amount_error, _("Enter the amount."),
                 &first_widget, &first_error);
      else if (!concord_money_parse (amount_text, &amount, &amount_error))
        fail_at (GTK_WIDGET (self->amount_row), self->amount_error, amount_error->message,
                 &first_widget, &first_error);
      else if (amount == 0)
        fail_at (GTK_WIDGET (self->amount_row), self->amount_error, _("The amount must be more than zero."),
                 &first_widget, &first_error);

      if (in_instalments (self))
        check_instalments (self, amount, &first_widget, &first_error);
      else
        {
          g_autofree char *due = dup_entry_text (self->due_row);
          g_autoptr(GError) due_error = NULL;

          /* A missing date is left to the completeness check: the draft
           * may be saved before the parties settled it. */
          if (due != NULL && !concord_validate_date (due, NULL, &due_error))
            fail_at (GTK_WIDGET (self->due_row), self->due_error, due_error->message,
                     &first_widget, &first_error);
        }
    }
  else
    {
      if (term->counterparty_id != 0 && term->counterparty_id == term->party_id)
        fail_at (GTK_WIDGET (self->beneficiary_row), self->beneficiary_error,
                 _("Choose another party, or all the other parties."),
                 &first_widget, &first_error);
      if (term->text == NULL)
        fail_at (self->act_frame, self->act_error, _("Say what is to be done, as the agreement should say it."),
                 &first_widget, &first_error);
    }

  if (first_error != NULL)
    {
      GtkWidget *label = g_object_get_data (G_OBJECT (first_widget), "error-label");

      if (first_widget == self->act_frame)
        first_widget = GTK_WIDGET (self->act_view);
      gtk_widget_grab_focus (first_widget);
      if (label != NULL)
        reveal_later (self, label);
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, term);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}
