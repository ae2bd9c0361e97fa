/* concord-case-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-case-summary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concord-case-summary.h"

struct _ConcordCaseSummary
{
  GObject              parent_instance;
  gint64               id;
  char                *case_no;
  char                *party_names;
  char                *category;
  char                *category_label;
  ConcordStage         stage;
  ConcordMediationType mediation_type;
  char                *received_at;
  char                *due_at;
  gboolean             overdue;
  char                *facts;
  char                *work_order_due;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_NO,
  PROP_PARTY_NAMES,
  PROP_CATEGORY,
  PROP_CATEGORY_LABEL,
  PROP_STAGE,
  PROP_STAGE_LABEL,
  PROP_MEDIATION_TYPE,
  PROP_RECEIVED_AT,
  PROP_DUE_AT,
  PROP_OVERDUE,
  PROP_FACTS,
  PROP_WORK_ORDER_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConcordCaseSummary, concord_case_summary, G_TYPE_OBJECT)

static void
concord_case_summary_finalize (GObject *object)
{
  ConcordCaseSummary *self = CONCORD_CASE_SUMMARY (object);

  g_free (self->case_no);
  g_free (self->party_names);
  g_free (self->category);
  g_free (self->category_label);
  g_free (self->received_at);
  g_free (self->due_at);
  g_free (self->facts);
  g_free (self->work_order_due);

  G_OBJECT_CLASS (concord_case_summary_parent_class)->finalize (object);
}

static void
concord_case_summary_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ConcordCaseSummary *self = CONCORD_CASE_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CASE_NO:
      g_value_set_string (value, self->case_no);
      break;
    case PROP_PARTY_NAMES:
      g_value_set_string (value, self->party_names);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_CATEGORY_LABEL:
      g_value_set_string (value, self->category_label);
      break;
    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;
    case PROP_STAGE_LABEL:
      g_value_set_string (value, concord_stage_label (self->stage));
      break;
    case PROP_MEDIATION_TYPE:
      g_value_set_int (value, self->mediation_type);
      break;
    case PROP_RECEIVED_AT:
      g_value_set_string (value, self->received_at);
      break;
    case PROP_DUE_AT:
      g_value_set_string (value, self->due_at);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    case PROP_FACTS:
      g_value_set_string (value, self->facts);
      break;
    case PROP_WORK_ORDER_DUE:
      g_value_set_string (value, self->work_order_due);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_case_summary_class_init (ConcordCaseSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = concord_case_summary_finalize;
  object_class->get_property = concord_case_summary_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CASE_NO] = g_param_spec_string ("case-no", NULL, NULL, NULL, flags);
  properties[PROP_PARTY_NAMES] = g_param_spec_string ("party-names", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY_LABEL] = g_param_spec_string ("category-label", NULL, NULL, NULL, flags);
  properties[PROP_STAGE] = g_param_spec_int ("stage", NULL, NULL, 0, CONCORD_N_STAGES - 1, 0, flags);
  properties[PROP_STAGE_LABEL] = g_param_spec_string ("stage-label", NULL, NULL, NULL, flags);
  properties[PROP_MEDIATION_TYPE] = g_param_spec_int ("mediation-type", NULL, NULL, 0,
                                                      CONCORD_N_MEDIATION_TYPES - 1, 0, flags);
  properties[PROP_RECEIVED_AT] = g_param_spec_string ("received-at", NULL, NULL, NULL, flags);
  properties[PROP_DUE_AT] = g_param_spec_string ("due-at", NULL, NULL, NULL, flags);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  properties[PROP_FACTS] = g_param_spec_string ("facts", NULL, NULL, NULL, flags);
  properties[PROP_WORK_ORDER_DUE] = g_param_spec_string ("work-order-due", NULL, NULL, NULL,
                                                         flags | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
concord_case_summary_init (ConcordCaseSummary *self)
{
}

ConcordCaseSummary *
concord_case_summary_new (gint64               id,
                          const char          *case_no,
                          const char          *party_names,
                          const char          *category,
                          const char          *category_label,
                          ConcordStage         stage,
                          ConcordMediationType mediation_type,
                          const char          *received_at,
                          const char          *due_at,
                          gboolean             overdue,
                          const char          *facts)
{
  ConcordCaseSummary *self = g_object_new (CONCORD_TYPE_CASE_SUMMARY, NULL);

  self->id = id;
  self->case_no = g_strdup (case_no);
  self->party_names = g_strdup (party_names);
  self->category = g_strdup (category);
  self->category_label = g_strdup (category_label);
  self->stage = stage;
  self->mediation_type = mediation_type;
  self->received_at = g_strdup (received_at);
  self->due_at = g_strdup (due_at);
  self->overdue = overdue;
  self->facts = g_strdup (facts);
  return self;
}

#define GETTER(type, name, fallback) \
  type concord_case_summary_get_##name (ConcordCaseSummary *self) \
  { \
    g_return_val_if_fail (CONCORD_IS_CASE_SUMMARY (self), fallback); \
    return self->name; \
  }

GETTER (gint64, id, 0)
GETTER (const char *, case_no, NULL)
GETTER (const char *, party_names, NULL)
GETTER (const char *, category, NULL)
GETTER (const char *, category_label, NULL)
GETTER (ConcordStage, stage, CONCORD_STAGE_RECEIVED)
GETTER (ConcordMediationType, mediation_type, CONCORD_MEDIATION_PEOPLE)
GETTER (const char *, received_at, NULL)
GETTER (const char *, due_at, NULL)
GETTER (gboolean, overdue, FALSE)
GETTER (const char *, facts, NULL)

const char *
concord_case_summary_get_work_order_due (ConcordCaseSummary *self)
{
  g_return_val_if_fail (CONCORD_IS_CASE_SUMMARY (self), NULL);
  return self->work_order_due;
}

void
concord_case_summary_set_work_order_due (ConcordCaseSummary *self,
                                         const char         *due_date)
{
  g_return_if_fail (CONCORD_IS_CASE_SUMMARY (self));

  if (g_strcmp0 (self->work_order_due, due_date) == 0)
    return;
  g_free (self->work_order_due);
  self->work_order_due = g_strdup (due_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORK_ORDER_DUE]);
}
