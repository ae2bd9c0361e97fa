/* concord-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-context"

#include "config.h"

#include "concord-context.h"

struct _ConcordContext
{
  GObject       parent_instance;
  ConcordStore *store;
  char         *username;
  gboolean      privacy_mode;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_USERNAME,
  PROP_PRIVACY_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CASE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConcordContext, concord_context, G_TYPE_OBJECT)

static void
concord_context_finalize (GObject *object)
{
  ConcordContext *self = CONCORD_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->username, g_free);

  G_OBJECT_CLASS (concord_context_parent_class)->finalize (object);
}

static void
concord_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ConcordContext *self = CONCORD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_PRIVACY_MODE:
      g_value_set_boolean (value, self->privacy_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_context_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ConcordContext *self = CONCORD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_USERNAME:
      self->username = g_value_dup_string (value);
      if (self->username == NULL)
        self->username = g_strdup (g_get_user_name ());
      break;
    case PROP_PRIVACY_MODE:
      concord_context_set_privacy_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_context_class_init (ConcordContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = concord_context_finalize;
  object_class->get_property = concord_context_get_property;
  object_class->set_property = concord_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CONCORD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRIVACY_MODE] =
    g_param_spec_boolean ("privacy-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CASE_CHANGED] =
    g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
concord_context_init (ConcordContext *self)
{
}

ConcordContext *
concord_context_new (ConcordStore *store,
                     const char   *username)
{
  g_return_val_if_fail (CONCORD_IS_STORE (store), NULL);

  return g_object_new (CONCORD_TYPE_CONTEXT,
                       "store", store,
                       "username", username,
                       NULL);
}

ConcordStore *
concord_context_get_store (ConcordContext *self)
{
  g_return_val_if_fail (CONCORD_IS_CONTEXT (self), NULL);
  return self->store;
}

const char *
concord_context_get_username (ConcordContext *self)
{
  g_return_val_if_fail (CONCORD_IS_CONTEXT (self), NULL);
  return self->username;
}

gboolean
concord_context_get_privacy_mode (ConcordContext *self)
{
  g_return_val_if_fail (CONCORD_IS_CONTEXT (self), FALSE);
  return self->privacy_mode;
}

void
concord_context_set_privacy_mode (ConcordContext *self,
                                  gboolean        privacy_mode)
{
  g_return_if_fail (CONCORD_IS_CONTEXT (self));

  privacy_mode = !!privacy_mode;
  if (self->privacy_mode == privacy_mode)
    return;
  self->privacy_mode = privacy_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIVACY_MODE]);
}

void
concord_context_case_changed (ConcordContext *self,
                              gint64          case_id)
{
  g_return_if_fail (CONCORD_IS_CONTEXT (self));
  g_return_if_fail (case_id > 0);

  g_signal_emit (self, signals[CASE_CHANGED], 0, case_id);
}
