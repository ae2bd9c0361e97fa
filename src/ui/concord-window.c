/* concord-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-window"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-case-row.h"
#include "concord-case-view.h"
#include "concord-intake-dialog.h"
#include "concord-resources.h"
#include "concord-ui-util.h"
#include "concord-window.h"
#include "concord-statute-library.h"
#include "concord-verify-dialog.h"

struct _ConcordWindow
{
  AdwApplicationWindow  parent_instance;

  ConcordContext       *context;
  ConcordCaseList      *case_list;
  GtkSingleSelection   *selection;
  GSettings            *settings;
  GPtrArray            *category_codes;   /* parallel to the category filter, after "any" */
  gint64                shown_id;
  gboolean              syncing_selection;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *stage_dropdown;
  GtkDropDown          *category_dropdown;
  GtkDropDown          *type_dropdown;
  GtkToggleButton      *mine_toggle;
  GtkToggleButton      *overdue_toggle;
  GtkToggleButton      *work_orders_toggle;
  GtkToggleButton      *privacy_toggle;
  GtkRevealer          *privacy_revealer;
  GtkLabel             *count_label;
  GtkStack             *list_stack;
  GtkListView          *list_view;
  AdwStatusPage        *error_page;
  GtkStack             *content_stack;
  ConcordCaseView      *case_view;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConcordWindow, concord_window, ADW_TYPE_APPLICATION_WINDOW)

static char *
dup_search_text (ConcordWindow *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static ConcordCaseQuery *
build_query (ConcordWindow *self)
{
  ConcordCaseQuery *query = concord_case_query_new ();
  guint stage = gtk_drop_down_get_selected (self->stage_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint type = gtk_drop_down_get_selected (self->type_dropdown);

  query->text = dup_search_text (self);
  query->stage = (stage == 0 || stage == GTK_INVALID_LIST_POSITION) ? -1 : (int) stage - 1;
  query->mediation_type = (type == 0 || type == GTK_INVALID_LIST_POSITION) ? -1 : (int) type - 1;
  g_clear_pointer (&query->category, g_free);
  if (category != 0 && category != GTK_INVALID_LIST_POSITION &&
      category - 1 < self->category_codes->len)
    query->category = g_strdup (g_ptr_array_index (self->category_codes, category - 1));
  g_clear_pointer (&query->mine, g_free);
  if (gtk_toggle_button_get_active (self->mine_toggle))
    query->mine = g_strdup (concord_context_get_username (self->context));
  query->overdue = gtk_toggle_button_get_active (self->overdue_toggle);
  query->open_work_orders = gtk_toggle_button_get_active (self->work_orders_toggle);
  return query;
}

static gboolean
query_is_everything (const ConcordCaseQuery *query)
{
  return query->text == NULL &&
         query->stage < 0 &&
         query->category == NULL &&
         query->mediation_type < 0 &&
         query->mine == NULL &&
         !query->overdue &&
         !query->open_work_orders;
}

static void
update_count (ConcordWindow *self)
{
  guint total;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  if (self->case_list == NULL)
    return;

  total = concord_case_list_get_total (self->case_list);
  number = concord_ui_format_count (total);
  if (concord_case_list_get_total_capped (self->case_list))
    /* Translators: the count of a search that stopped counting, e.g. "more than 10,000 cases" */
    text = g_strdup_printf (ngettext ("more than %s case", "more than %s cases", total), number);
  else
    /* Translators: the number of cases in the list, e.g. "1,234 cases" */
    text = g_strdup_printf (ngettext ("%s case", "%s cases", total), number);
  gtk_label_set_text (self->count_label, text);
}

static void
update_list_page (ConcordWindow *self)
{
  const char *error_message;
  const char *page;

  if (self->case_list == NULL)
    return;

  error_message = concord_case_list_get_error_message (self->case_list);
  /* Other people's disputes are not for the parties in the room. */
  if (concord_context_get_privacy_mode (self->context))
    page = "private";
  else if (error_message != NULL)
    {
      adw_status_page_set_description (self->error_page, error_message);
      page = "error";
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->case_list)) > 0)
    page = "list";
  else if (query_is_everything (concord_case_list_get_query (self->case_list)))
    page = "no-cases";
  else
    page = "no-results";

  gtk_stack_set_visible_child_name (self->list_stack, page);
}

/* Selects the shown case in the list when it is among the rows fetched,
 * without showing it again. */
static void
sync_selection (ConcordWindow *self)
{
  guint position = G_MAXUINT;

  if (self->case_list == NULL)
    return;
  if (self->shown_id > 0)
    position = concord_case_list_find (self->case_list, self->shown_id);

  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  self->syncing_selection = FALSE;
}

static void
apply_query (ConcordWindow *self)
{
  g_autoptr(ConcordCaseQuery) query = NULL;

  if (self->case_list == NULL)
    return;

  query = build_query (self);
  self->syncing_selection = TRUE;
  concord_case_list_set_query (self->case_list, query);
  self->syncing_selection = FALSE;
  update_count (self);
  update_list_page (self);
  sync_selection (self);
}

static void
reload_list (ConcordWindow *self)
{
  if (self->case_list == NULL)
    return;

  self->syncing_selection = TRUE;
  concord_case_list_reload (self->case_list);
  self->syncing_selection = FALSE;
  update_count (self);
  update_list_page (self);
  sync_selection (self);
}

static void
fill_categories (ConcordWindow *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected_code = NULL;
  guint selected = 0;
  guint old = gtk_drop_down_get_selected (self->category_dropdown);

  if (old != 0 && old != GTK_INVALID_LIST_POSITION && old - 1 < self->category_codes->len)
    selected_code = g_strdup (g_ptr_array_index (self->category_codes, old - 1));

  g_ptr_array_set_size (self->category_codes, 0);
  gtk_string_list_append (strings, _("Any category"));

  categories = concord_store_list_categories (concord_context_get_store (self->context), TRUE, &error);
  if (categories == NULL)
    g_warning ("Could not read the categories: %s", error->message);
  else
    for (guint i = 0; i < categories->len; i++)
      {
        const ConcordCategory *category = g_ptr_array_index (categories, i);

        gtk_string_list_append (strings, category->label != NULL ? category->label : category->code);
        g_ptr_array_add (self->category_codes, g_strdup (category->code));
        if (g_strcmp0 (category->code, selected_code) == 0)
          selected = i + 1;
      }

  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->category_dropdown, selected);
}

static void
show_case (ConcordWindow *self,
           gint64         id,
           gboolean       navigate)
{
  g_autoptr(GError) error = NULL;

  if (!concord_case_view_show_case (self->case_view, id, &error))
    {
      concord_ui_show_message (GTK_WINDOW (self), _("Could Not Open the Case"), error->message);
      return;
    }
  self->shown_id = id;
  gtk_stack_set_visible_child_name (self->content_stack, "case");
  if (navigate)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Callbacks */

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      ConcordWindow      *self)
{
  ConcordCaseSummary *summary;

  if (self->syncing_selection)
    return;

  /* An empty selection (a new search, a reload) keeps the case shown. */
  summary = gtk_single_selection_get_selected_item (selection);
  if (summary == NULL)
    return;

  if (concord_case_summary_get_id (summary) != self->shown_id)
    show_case (self, concord_case_summary_get_id (summary),
               adw_leaflet_get_folded (self->leaflet));
}

static void
list_activate_cb (GtkListView   *list_view,
                  guint          position,
                  ConcordWindow *self)
{
  g_autoptr(ConcordCaseSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (summary == NULL)
    return;
  if (concord_case_summary_get_id (summary) != self->shown_id)
    show_case (self, concord_case_summary_get_id (summary), TRUE);
  else
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   ConcordWindow  *self)
{
  apply_query (self);
}

static void
stop_search_cb (GtkSearchEntry *entry,
                ConcordWindow  *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
filter_changed_cb (ConcordWindow *self)
{
  apply_query (self);
}

static void
list_notify_cb (ConcordCaseList *list,
                GParamSpec      *pspec,
                ConcordWindow   *self)
{
  update_count (self);
  update_list_page (self);
}

static void
case_changed_cb (ConcordCaseView *view,
                 gint64           case_id,
                 ConcordWindow   *self)
{
  reload_list (self);
}

static void
intake_saved_cb (ConcordIntakeDialog *dialog,
                 gint64               case_id,
                 ConcordWindow       *self)
{
  ConcordCase *c;
  guint position;

  reload_list (self);
  show_case (self, case_id, TRUE);
  sync_selection (self);

  /* The new case must be seen in the list, selected: if the search or a
   * filter hides it, they go; then the list scrolls to its row. */
  position = self->case_list != NULL ? concord_case_list_find (self->case_list, case_id) : G_MAXUINT;
  if (position == G_MAXUINT && self->case_list != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.clear-filters", NULL);
      sync_selection (self);
      position = concord_case_list_find (self->case_list, case_id);
    }
  if (position != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  c = concord_case_view_get_case (self->case_view);
  if (c != NULL && c->id == case_id && c->case_no != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: shown after a new dispute is saved; %s is its case number */
      message = g_strdup_printf (_("Registered as %s"), c->case_no);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, concord_case_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  concord_case_row_set_summary (CONCORD_CASE_ROW (gtk_list_item_get_child (item)),
                                gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  concord_case_row_set_summary (CONCORD_CASE_ROW (gtk_list_item_get_child (item)), NULL);
}

/* The filter buttons are narrow: their labels ellipsize, the popup's do not. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  ellipsize)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static void
setup_dropdown (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (button_factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (button_factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (FALSE));
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  gtk_drop_down_set_factory (dropdown, button_factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
}

/* Actions */

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ConcordWindow *self = CONCORD_WINDOW (widget);
  ConcordIntakeDialog *dialog;

  dialog = concord_intake_dialog_new (self->context, GTK_WINDOW (self), NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (intake_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The statute library; with a case shown, articles can be cited for it. */
static void
statutes_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ConcordWindow *self = CONCORD_WINDOW (widget);
  ConcordStatuteLibrary *library;

  library = concord_statute_library_new (self->context, concord_case_view_get_case_id (self->case_view), NULL);
  gtk_window_set_transient_for (GTK_WINDOW (library), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (library));
}

/* "Verify a PDF…": the verify window asks for a file at once. */
static void
verify_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ConcordWindow *self = CONCORD_WINDOW (widget);
  ConcordVerifyDialog *dialog;

  dialog = concord_verify_dialog_new (GTK_WINDOW (self), self->context);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "verify.choose", NULL);
}

/* win.show-case (int64): what another window (the verify window) calls
 * to show a case here. */
static void
show_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  if (id > 0)
    concord_window_show_case (CONCORD_WINDOW (widget), id);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConcordWindow *self = CONCORD_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ConcordWindow *self = CONCORD_WINDOW (widget);

  /* One query for all the changes, not one per control. */
  self->syncing_selection = TRUE;
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  g_signal_handlers_block_by_func (self->stage_dropdown, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->category_dropdown, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->type_dropdown, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->mine_toggle, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->overdue_toggle, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->work_orders_toggle, filter_changed_cb, self);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->stage_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_toggle_button_set_active (self->mine_toggle, FALSE);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  gtk_toggle_button_set_active (self->work_orders_toggle, FALSE);

  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->stage_dropdown, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->category_dropdown, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->type_dropdown, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->mine_toggle, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->overdue_toggle, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->work_orders_toggle, filter_changed_cb, self);
  self->syncing_selection = FALSE;

  apply_query (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConcordWindow *self = CONCORD_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Ctrl+E and Ctrl+Shift+S act on the open case wherever the focus is
 * (the list, usually): @args holds the case view's action. */
static gboolean
case_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  ConcordWindow *self = CONCORD_WINDOW (widget);

  if (concord_case_view_get_case_id (self->case_view) == 0)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self->case_view), g_variant_get_string (args, NULL), NULL);
}

static void
bind_settings (ConcordWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Tests and uninstalled runs may have no compiled schema: the window
   * then simply does not remember its size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not found; window state is not kept", APP_ID);
      return;
    }

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  if (g_settings_schema_has_key (schema, "last-filter-mine"))
    g_settings_bind (self->settings, "last-filter-mine", self->mine_toggle, "active", G_SETTINGS_BIND_DEFAULT);
}

/* Overrides */

static void
concord_window_constructed (GObject *object)
{
  ConcordWindow *self = CONCORD_WINDOW (object);
  ConcordStore *store;

  G_OBJECT_CLASS (concord_window_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL);

  store = concord_context_get_store (self->context);
  concord_case_view_set_context (self->case_view, self->context);

  /* Privacy mode lives in the context, shared by every window. */
  g_object_bind_property (self->context, "privacy-mode", self->privacy_toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->context, "privacy-mode", self->privacy_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->context, "notify::privacy-mode", G_CALLBACK (update_list_page), self,
                           G_CONNECT_SWAPPED);

  /* The filters first: they change the query, which is applied once the
   * list exists. */
  fill_categories (self);
  bind_settings (self);

  self->case_list = concord_case_list_new (store);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->case_list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, 0);
  g_signal_connect_object (self->case_list, "notify::total",
                           G_CALLBACK (list_notify_cb), self, 0);
  g_signal_connect_object (self->case_list, "notify::total-capped",
                           G_CALLBACK (list_notify_cb), self, 0);
  g_signal_connect_object (self->case_list, "notify::error-message",
                           G_CALLBACK (list_notify_cb), self, 0);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  apply_query (self);
}

static gboolean
concord_window_close_request (GtkWindow *window)
{
  /* A case being typed over the window is not lost with it: its dialog
   * asks first, and the window stays while it asks. */
  if (!concord_intake_dialog_close_all (window))
    return TRUE;

  return GTK_WINDOW_CLASS (concord_window_parent_class)->close_request (window);
}

static void
concord_window_dispose (GObject *object)
{
  ConcordWindow *self = CONCORD_WINDOW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->case_list);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_window_parent_class)->dispose (object);
}

static void
concord_window_finalize (GObject *object)
{
  ConcordWindow *self = CONCORD_WINDOW (object);

  g_clear_pointer (&self->category_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (concord_window_parent_class)->finalize (object);
}

static void
concord_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ConcordWindow *self = CONCORD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ConcordWindow *self = CONCORD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Privacy mode: Ctrl+Shift+P from anywhere in the window. */
static void
toggle_privacy_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ConcordWindow *self = CONCORD_WINDOW (widget);

  if (self->context != NULL)
    concord_context_set_privacy_mode (self->context, !concord_context_get_privacy_mode (self->context));
}

static void
open_case_cb (ConcordWindow *self,
              gint64         id)
{
  concord_window_show_case (self, id);
}

static void
concord_window_class_init (ConcordWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = concord_window_constructed;
  object_class->dispose = concord_window_dispose;
  object_class->finalize = concord_window_finalize;
  object_class->get_property = concord_window_get_property;
  object_class->set_property = concord_window_set_property;
  window_class->close_request = concord_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CONCORD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in a static library: referring to them keeps them
   * linked into every program that shows a window. */
  if (concord_get_resource () == NULL)
    g_critical ("The interface resources are missing");

  g_type_ensure (CONCORD_TYPE_CASE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, content);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, mine_toggle);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, work_orders_toggle);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, privacy_toggle);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, privacy_revealer);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordWindow, case_view);

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.statutes", NULL, statutes_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.verify-pdf", NULL, verify_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.show-case", "x", show_case_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.statutes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.verify-pdf", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, case_shortcut_cb, "s", "case.edit");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, case_shortcut_cb,
                                "s", "case.start-session");
  gtk_widget_class_install_action (widget_class, "win.toggle-privacy", NULL, toggle_privacy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.toggle-privacy", NULL);
}

static void
concord_window_init (ConcordWindow *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->category_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (stages, _("Any stage"));
  for (int i = 0; i < CONCORD_N_STAGES; i++)
    gtk_string_list_append (stages, concord_stage_label (i));
  gtk_string_list_append (types, _("Any type"));
  for (int i = 0; i < CONCORD_N_MEDIATION_TYPES; i++)
    gtk_string_list_append (types, concord_mediation_type_label (i));

  setup_dropdown (self->stage_dropdown);
  setup_dropdown (self->category_dropdown);
  setup_dropdown (self->type_dropdown);
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activate_cb), self, 0);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, 0);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self, 0);
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->sidebar);
  g_signal_connect_object (self->stage_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->category_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->type_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mine_toggle, "toggled", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overdue_toggle, "toggled", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->work_orders_toggle, "toggled", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_view, "open-case", G_CALLBACK (open_case_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->case_view, "case-changed", G_CALLBACK (case_changed_cb), self, 0);
}

/* Public */

ConcordWindow *
concord_window_new (GtkApplication *application,
                    ConcordContext *context)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);

  return g_object_new (CONCORD_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

ConcordContext *
concord_window_get_context (ConcordWindow *self)
{
  g_return_val_if_fail (CONCORD_IS_WINDOW (self), NULL);
  return self->context;
}

void
concord_window_show_case (ConcordWindow *self,
                          gint64         id)
{
  g_return_if_fail (CONCORD_IS_WINDOW (self));
  g_return_if_fail (id > 0);

  show_case (self, id, TRUE);
  sync_selection (self);
}

GtkEditable *
concord_window_get_search_entry (ConcordWindow *self)
{
  g_return_val_if_fail (CONCORD_IS_WINDOW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

void
concord_window_reload (ConcordWindow *self)
{
  g_return_if_fail (CONCORD_IS_WINDOW (self));

  /* A category that disappeared resets its filter (which queries again);
   * the reload below shows what changed in any case. */
  fill_categories (self);
  reload_list (self);
  if (concord_case_view_get_case_id (self->case_view) != 0)
    {
      g_autoptr(GError) error = NULL;

      if (!concord_case_view_reload (self->case_view, &error))
        g_warning ("Could not show the case again: %s", error->message);
    }
}

GListModel *
concord_window_get_case_list (ConcordWindow *self)
{
  g_return_val_if_fail (CONCORD_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->case_list);
}

GtkWidget *
concord_window_get_case_view (ConcordWindow *self)
{
  g_return_val_if_fail (CONCORD_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->case_view);
}

GtkDropDown *
concord_window_get_stage_filter (ConcordWindow *self)
{
  g_return_val_if_fail (CONCORD_IS_WINDOW (self), NULL);
  return self->stage_dropdown;
}
