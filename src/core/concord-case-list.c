/* concord-case-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-case-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concord-case-list.h"

struct _ConcordCaseList
{
  GObject           parent_instance;
  ConcordStore     *store;
  ConcordCaseQuery *query;
  GPtrArray        *rows;          /* of ConcordCaseSummary, newest first */
  gboolean          has_more;
  guint             total;
  gboolean          total_capped;
  char             *error_message;
  guint             load_idle_id;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_TOTAL,
  PROP_TOTAL_CAPPED,
  PROP_HAS_MORE,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ConcordCaseList, concord_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
set_error_message (ConcordCaseList *self,
                   const char      *message)
{
  if (g_strcmp0 (self->error_message, message) == 0)
    return;
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static void
set_has_more (ConcordCaseList *self,
              gboolean         has_more)
{
  if (self->has_more == has_more)
    return;
  self->has_more = has_more;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MORE]);
}

/* Appends the next page to self->rows; returns the number of rows added. */
static guint
fetch_page (ConcordCaseList *self)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before_id = 0;

  if (self->rows->len > 0)
    before_id = concord_case_summary_get_id (g_ptr_array_index (self->rows, self->rows->len - 1));

  page = concord_store_query_cases (self->store, self->query, before_id,
                                    CONCORD_CASE_LIST_PAGE_SIZE, &error);
  if (page == NULL)
    {
      g_warning ("Case list query failed: %s", error->message);
      set_error_message (self, error->message);
      set_has_more (self, FALSE);
      return 0;
    }

  set_error_message (self, NULL);
  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (self->rows, g_object_ref (g_ptr_array_index (page, i)));
  set_has_more (self, page->len == CONCORD_CASE_LIST_PAGE_SIZE);
  return page->len;
}

static void
count_total (ConcordCaseList *self)
{
  g_autoptr(GError) error = NULL;
  guint total = 0;
  gboolean capped = FALSE;
  /* Counted up to a cap: counting every match of a common character, or
   * every overdue case of a million, costs more than showing the first
   * page. (The store knows the number of all cases without counting.) */
  if (!concord_store_count_cases (self->store, self->query, CONCORD_CASE_LIST_COUNT_CAP,
                                  &total, &capped, &error))
    {
      g_warning ("Case count failed: %s", error->message);
      total = self->rows->len;
      capped = self->has_more;
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
  if (self->total_capped != capped)
    {
      self->total_capped = capped;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_CAPPED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
load_more_idle_cb (gpointer user_data)
{
  ConcordCaseList *self = user_data;

  self->load_idle_id = 0;
  concord_case_list_load_more (self);
  return G_SOURCE_REMOVE;
}

/* GListModel */

static GType
concord_case_list_get_item_type (GListModel *model)
{
  return CONCORD_TYPE_CASE_SUMMARY;
}

static guint
concord_case_list_get_n_items (GListModel *model)
{
  return CONCORD_CASE_LIST (model)->rows->len;
}

static gpointer
concord_case_list_get_item (GListModel *model,
                            guint       position)
{
  ConcordCaseList *self = CONCORD_CASE_LIST (model);

  if (position >= self->rows->len)
    return NULL;

  /* Reading near the end of what is held: fetch the next page soon, but
   * not from inside get_item(), where changing the model is not allowed. */
  if (self->has_more && self->load_idle_id == 0 &&
      position + CONCORD_CASE_LIST_PAGE_SIZE / 4 >= self->rows->len)
    self->load_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_more_idle_cb, self, NULL);

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = concord_case_list_get_item_type;
  iface->get_n_items = concord_case_list_get_n_items;
  iface->get_item = concord_case_list_get_item;
}

/* GObject */

static void
concord_case_list_dispose (GObject *object)
{
  ConcordCaseList *self = CONCORD_CASE_LIST (object);

  g_clear_handle_id (&self->load_idle_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (concord_case_list_parent_class)->dispose (object);
}

static void
concord_case_list_finalize (GObject *object)
{
  ConcordCaseList *self = CONCORD_CASE_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->query, concord_case_query_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (concord_case_list_parent_class)->finalize (object);
}

static void
concord_case_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ConcordCaseList *self = CONCORD_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_TOTAL_CAPPED:
      g_value_set_boolean (value, self->total_capped);
      break;
    case PROP_HAS_MORE:
      g_value_set_boolean (value, self->has_more);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_case_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ConcordCaseList *self = CONCORD_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_case_list_class_init (ConcordCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = concord_case_list_dispose;
  object_class->finalize = concord_case_list_finalize;
  object_class->get_property = concord_case_list_get_property;
  object_class->set_property = concord_case_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CONCORD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL_CAPPED] =
    g_param_spec_boolean ("total-capped", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
concord_case_list_init (ConcordCaseList *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->query = concord_case_query_new ();
}

/* Public */

ConcordCaseList *
concord_case_list_new (ConcordStore *store)
{
  ConcordCaseList *self;

  g_return_val_if_fail (CONCORD_IS_STORE (store), NULL);

  self = g_object_new (CONCORD_TYPE_CASE_LIST, "store", store, NULL);
  concord_case_list_reload (self);
  return self;
}

void
concord_case_list_set_query (ConcordCaseList        *self,
                             const ConcordCaseQuery *query)
{
  g_return_if_fail (CONCORD_IS_CASE_LIST (self));
  g_return_if_fail (query != NULL);

  concord_case_query_free (self->query);
  self->query = concord_case_query_copy (query);
  concord_case_list_reload (self);
}

const ConcordCaseQuery *
concord_case_list_get_query (ConcordCaseList *self)
{
  g_return_val_if_fail (CONCORD_IS_CASE_LIST (self), NULL);
  return self->query;
}

void
concord_case_list_reload (ConcordCaseList *self)
{
  guint removed;

  g_return_if_fail (CONCORD_IS_CASE_LIST (self));

  g_clear_handle_id (&self->load_idle_id, g_source_remove);
  removed = self->rows->len;
  g_ptr_array_set_size (self->rows, 0);
  fetch_page (self);
  count_total (self);
  if (removed > 0 || self->rows->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->rows->len);
}

gboolean
concord_case_list_load_more (ConcordCaseList *self)
{
  guint old_len;
  guint added;

  g_return_val_if_fail (CONCORD_IS_CASE_LIST (self), FALSE);

  g_clear_handle_id (&self->load_idle_id, g_source_remove);
  if (!self->has_more)
    return FALSE;

  old_len = self->rows->len;
  added = fetch_page (self);
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, added);
  return added > 0;
}

guint
concord_case_list_get_total (ConcordCaseList *self)
{
  g_return_val_if_fail (CONCORD_IS_CASE_LIST (self), 0);
  return self->total;
}

gboolean
concord_case_list_get_total_capped (ConcordCaseList *self)
{
  g_return_val_if_fail (CONCORD_IS_CASE_LIST (self), FALSE);
  return self->total_capped;
}

gboolean
concord_case_list_get_has_more (ConcordCaseList *self)
{
  g_return_val_if_fail (CONCORD_IS_CASE_LIST (self), FALSE);
  return self->has_more;
}

const char *
concord_case_list_get_error_message (ConcordCaseList *self)
{
  g_return_val_if_fail (CONCORD_IS_CASE_LIST (self), NULL);
  return self->error_message;
}

guint
concord_case_list_find (ConcordCaseList *self,
                        gint64           id)
{
  g_return_val_if_fail (CONCORD_IS_CASE_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->rows->len; i++)
    if (concord_case_summary_get_id (g_ptr_array_index (self->rows, i)) == id)
      return i;
  return G_MAXUINT;
}
