/* concord-case-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-case-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "concord-ui-util.h"
#include "concord-case-row.h"
#include "concord-clock.h"

struct _ConcordCaseRow
{
  GtkWidget           parent_instance;

  ConcordCaseSummary *summary;

  GtkLabel           *case_no_label;
  GtkLabel           *received_label;
  GtkLabel           *parties_label;
  GtkLabel           *stage_label;
  GtkLabel           *overdue_label;
  GtkLabel           *work_order_label;
  GtkLabel           *facts_label;
};

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConcordCaseRow, concord_case_row, GTK_TYPE_WIDGET)

/* The facts on one line: line breaks become spaces. */
static char *
one_line (const char *text)
{
  char *line;

  if (text == NULL)
    return g_strdup ("");
  line = g_strdup (text);
  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return line;
}

static void
update (ConcordCaseRow *self)
{
  ConcordCaseSummary *s = self->summary;
  g_autofree char *received = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *work_order = NULL;
  const char *case_no, *parties, *category, *work_order_due;
  gboolean overdue;

  if (s == NULL)
    {
      gtk_label_set_text (self->case_no_label, "");
      gtk_label_set_text (self->received_label, "");
      gtk_label_set_text (self->parties_label, "");
      gtk_label_set_text (self->stage_label, "");
      gtk_label_set_text (self->facts_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->work_order_label), FALSE);
      return;
    }

  case_no = concord_case_summary_get_case_no (s);
  if (case_no == NULL || *case_no == '\0')
    case_no = _("Unnumbered");
  parties = concord_case_summary_get_party_names (s);
  if (parties == NULL || *parties == '\0')
    parties = _("No parties yet");
  category = concord_case_summary_get_category_label (s);
  overdue = concord_case_summary_get_overdue (s);

  received = concord_ui_format_date (concord_case_summary_get_received_at (s));
  if (category != NULL && *category != '\0')
    /* Translators: category and stage of a case in the list, e.g. "Neighbours · Accepted" */
    stage = g_strdup_printf (_("%s · %s"), category,
                             concord_stage_label (concord_case_summary_get_stage (s)));
  else
    stage = g_strdup (concord_stage_label (concord_case_summary_get_stage (s)));
  facts = one_line (concord_case_summary_get_facts (s));

  /* What is due, beside the stage (overdue cases have their tag). */
  if (!overdue && concord_case_summary_get_due_at (s) != NULL &&
      !concord_stage_is_final (concord_case_summary_get_stage (s)))
    {
      g_autofree char *due = concord_ui_format_date (concord_case_summary_get_due_at (s));
      g_autofree char *with_due = NULL;

      /* Translators: the stage of a case in the list and its time limit,
       * e.g. "邻里纠纷 · 背靠背调解 · 限 2026-11-30" */
      with_due = g_strdup_printf (_("%s · due %s"), stage, due);
      g_free (stage);
      stage = g_steal_pointer (&with_due);
    }

  gtk_label_set_text (self->case_no_label, case_no);
  gtk_label_set_text (self->received_label, received);
  gtk_label_set_text (self->parties_label, parties);
  gtk_label_set_text (self->stage_label, stage);
  gtk_label_set_text (self->facts_label, facts);
  gtk_widget_set_visible (GTK_WIDGET (self->facts_label), *facts != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), overdue);

  work_order_due = concord_case_summary_get_work_order_due (s);
  if (work_order_due != NULL)
    {
      g_autofree char *today = concord_clock_today_iso ();
      const char *when = work_order_due;
      gboolean late = strcmp (work_order_due, today) < 0;

      work_order = g_strdup_printf (late
                                    /* Translators: tag on a case in the list: a work order sent to a
                                     * department was due on %s (a date) and has no answer yet */
                                    ? _("Work order late since %s")
                                    /* Translators: tag on a case in the list: a work order sent to a
                                     * department must be answered by %s (a date) */
                                    : _("Work order due %s"),
                                    when);
      gtk_label_set_text (self->work_order_label, work_order);
      if (late)
        gtk_widget_add_css_class (GTK_WIDGET (self->work_order_label), "late");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->work_order_label), "late");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->work_order_label), work_order != NULL);

  /* Read as one sentence by screen readers. */
  accessible = g_strjoin (", ", parties, case_no, stage, overdue ? _("Overdue") : work_order,
                          overdue ? work_order : NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
concord_case_row_dispose (GObject *object)
{
  ConcordCaseRow *self = CONCORD_CASE_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_CASE_ROW);
  /* The template's top box has no id: unparent what is left. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (concord_case_row_parent_class)->dispose (object);
}

static void
concord_case_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ConcordCaseRow *self = CONCORD_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_case_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ConcordCaseRow *self = CONCORD_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      concord_case_row_set_summary (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_case_row_class_init (ConcordCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_case_row_dispose;
  object_class->get_property = concord_case_row_get_property;
  object_class->set_property = concord_case_row_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, CONCORD_TYPE_CASE_SUMMARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-case-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseRow, case_no_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseRow, received_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseRow, parties_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseRow, stage_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseRow, work_order_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordCaseRow, facts_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "caserow");
}

static void
concord_case_row_init (ConcordCaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
concord_case_row_new (void)
{
  return g_object_new (CONCORD_TYPE_CASE_ROW, NULL);
}

void
concord_case_row_set_summary (ConcordCaseRow     *self,
                              ConcordCaseSummary *summary)
{
  g_return_if_fail (CONCORD_IS_CASE_ROW (self));
  g_return_if_fail (summary == NULL || CONCORD_IS_CASE_SUMMARY (summary));

  if (g_set_object (&self->summary, summary))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
}

ConcordCaseSummary *
concord_case_row_get_summary (ConcordCaseRow *self)
{
  g_return_val_if_fail (CONCORD_IS_CASE_ROW (self), NULL);
  return self->summary;
}
