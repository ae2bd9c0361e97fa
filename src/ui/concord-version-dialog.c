/* concord-version-dialog.c
 *
 * The text of a change is shown as Pango markup built here: every piece
 * of typed text goes through g_markup_escape_text(), so a "<" typed in a
 * clause stays a "<". Deletions are struck through and insertions
 * underlined as well as coloured, so that the difference does not rest on
 * colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-version-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-resources.h"
#include "concord-ui-util.h"
#include "concord-version-dialog.h"

#define DELETED_SPAN  "<span strikethrough=\"true\" foreground=\"#e01b24\" background=\"#e01b2422\">"
#define INSERTED_SPAN "<span underline=\"single\" foreground=\"#26a269\" background=\"#26a26922\">"

struct _ConcordVersionDialog
{
  AdwWindow            parent_instance;

  ConcordContext      *context;
  GPtrArray           *versions;    /* of ConcordAgreement, oldest first; the
                                     * unsaved draft last (version 0) */
  GPtrArray           *members;     /* of ConcordTeamMember */
  GPtrArray           *change_rows;
  guint                n_changes;

  GtkDropDown         *before_dropdown;
  GtkDropDown         *after_dropdown;
  GtkStack            *result_stack;
  GtkScrolledWindow   *changes_scroller;
  AdwPreferencesGroup *changes_group;
  GtkLabel            *legend_label;
};

G_DEFINE_FINAL_TYPE (ConcordVersionDialog, concord_version_dialog, ADW_TYPE_WINDOW)

/* Who saved it: the team member whose login it is, else the login. */
static const char *
actor_name (GPtrArray  *members,
            const char *actor)
{
  if (actor == NULL)
    return "";
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (members, i);

      if (g_strcmp0 (member->username, actor) == 0 && !concord_text_is_blank (member->name))
        return member->name;
    }
  return actor;
}

static char *
format_saved_at (const char *saved_at)
{
  g_autoptr(GDateTime) utc = concord_clock_parse_iso (saved_at);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  /* Translators: when a version of the agreement was saved, as
   * g_date_time_format() writes it; zh_CN: "%-m月%-d日 %H:%M" */
  /* xgettext:no-c-format */
  return g_date_time_format (local, C_("version saved at", "%b %-d, %H:%M"));
}

static char *
version_item (ConcordVersionDialog   *self,
              const ConcordAgreement *agreement)
{
  g_autofree char *when = NULL;

  if (agreement->version == 0)
    /* Translators: in the list of versions to compare: what the editor
     * holds now and was not saved as a version */
    return g_strdup (_("Unsaved changes"));
  when = format_saved_at (agreement->saved_at);
  /* Translators: an item of the list of versions: number, when, who, e.g.
   * "第 2 版 · 11月20日 14:02 · 罗某某" */
  return g_strdup_printf (_("Version %d · %s · %s"), agreement->version, when,
                          actor_name (self->members, agreement->saved_by));
}

static void
append_escaped (GString    *out,
                const char *text,
                const char *span)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = g_markup_escape_text (text, -1);
  if (span != NULL)
    {
      g_string_append (out, span);
      g_string_append (out, escaped);
      g_string_append (out, "</span>");
    }
  else
    g_string_append (out, escaped);
}

static char *
change_markup (const ConcordAgreementChange *change)
{
  GString *out = g_string_new (NULL);

  switch (change->kind)
    {
    case CONCORD_CHANGE_ADDED:
      append_escaped (out, change->new_text, INSERTED_SPAN);
      break;
    case CONCORD_CHANGE_REMOVED:
      append_escaped (out, change->old_text, DELETED_SPAN);
      break;
    case CONCORD_CHANGE_CHANGED:
    default:
      {
        g_autoptr(GPtrArray) segments = concord_text_diff (change->old_text != NULL ? change->old_text : "",
                                                           change->new_text != NULL ? change->new_text : "");

        for (guint i = 0; segments != NULL && i < segments->len; i++)
          {
            const ConcordDiffSegment *segment = g_ptr_array_index (segments, i);

            append_escaped (out, segment->text,
                            segment->op == CONCORD_DIFF_DELETED ? DELETED_SPAN :
                            segment->op == CONCORD_DIFF_INSERTED ? INSERTED_SPAN : NULL);
          }
      }
      break;
    }
  return g_string_free (out, FALSE);
}

static const char *
change_kind_label (ConcordChangeKind kind)
{
  switch (kind)
    {
    case CONCORD_CHANGE_ADDED:
      /* Translators: a tag on a part of the agreement that the later version added */
      return C_("change", "Added");
    case CONCORD_CHANGE_REMOVED:
      /* Translators: a tag on a part of the agreement that the later version no longer has */
      return C_("change", "Removed");
    case CONCORD_CHANGE_CHANGED:
    default:
      /* Translators: a tag on a part of the agreement whose words changed */
      return C_("change", "Changed");
    }
}

static GtkWidget *
change_row_new (const ConcordAgreementChange *change)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (change->label != NULL ? change->label : change->target);
  GtkWidget *tag = gtk_label_new (change_kind_label (change->kind));
  GtkWidget *text = gtk_label_new (NULL);
  g_autofree char *markup = change_markup (change);
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change->label != NULL ? change->label : "");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_name (row, change->target);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "caption");
  switch (change->kind)
    {
    case CONCORD_CHANGE_ADDED:
      gtk_widget_add_css_class (tag, "record-tag");
      gtk_widget_add_css_class (tag, "running");
      break;
    case CONCORD_CHANGE_REMOVED:
      gtk_widget_add_css_class (tag, "overdue-tag");
      break;
    case CONCORD_CHANGE_CHANGED:
    default:
      gtk_widget_add_css_class (tag, "record-tag");
      gtk_widget_add_css_class (tag, "open");
      break;
    }
  gtk_box_append (GTK_BOX (header), tag);
  gtk_box_append (GTK_BOX (box), header);

  gtk_label_set_markup (GTK_LABEL (text), markup);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_add_css_class (text, "change-text");
  /* A screen reader gets both texts in words, not the strike-through. */
  if (change->kind == CONCORD_CHANGE_CHANGED)
    /* Translators: what a screen reader says for a changed part of the
     * agreement: its old text, then its new text */
    accessible = g_strdup_printf (_("Before: %s. After: %s"),
                                  change->old_text != NULL ? change->old_text : "",
                                  change->new_text != NULL ? change->new_text : "");
  else
    accessible = g_strdup (change->kind == CONCORD_CHANGE_ADDED ? change->new_text : change->old_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible != NULL ? accessible : "",
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), text);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static const ConcordAgreement *
selected_version (ConcordVersionDialog *self,
                  GtkDropDown          *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (i >= self->versions->len)
    return NULL;
  return g_ptr_array_index (self->versions, i);
}

static void
show_changes (ConcordVersionDialog *self)
{
  const ConcordAgreement *before = selected_version (self, self->before_dropdown);
  const ConcordAgreement *after = selected_version (self, self->after_dropdown);
  g_autoptr(ConcordTemplate) template = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *title = NULL;

  concord_ui_group_clear (self->changes_group, self->change_rows);
  self->n_changes = 0;

  if (self->versions->len < 2 || before == NULL || after == NULL)
    {
      gtk_stack_set_visible_child_name (self->result_stack, "nothing");
      return;
    }

  template = concord_template_find (after->template_id);
  if (template == NULL)
    template = concord_template_find (before->template_id);
  if (template == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the identifier of an agreement template file */
      message = g_strdup_printf (_("The template “%s” of this agreement is missing, so its parts cannot be named."),
                                 after->template_id != NULL ? after->template_id : "");
      adw_preferences_group_set_title (self->changes_group, message);
      gtk_stack_set_visible_child_name (self->result_stack, "changes");
      return;
    }

  changes = concord_agreement_diff (before, after, template);
  if (changes == NULL || changes->len == 0)
    {
      gtk_stack_set_visible_child_name (self->result_stack, "same");
      return;
    }

  for (guint i = 0; i < changes->len; i++)
    concord_ui_group_add (self->changes_group, self->change_rows,
                          change_row_new (g_ptr_array_index (changes, i)));
  self->n_changes = changes->len;

  /* Translators: heading over the list of what differs between two versions */
  title = g_strdup_printf (ngettext ("%u Change", "%u Changes", changes->len), changes->len);
  adw_preferences_group_set_title (self->changes_group, title);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->changes_scroller), 0);
  gtk_stack_set_visible_child_name (self->result_stack, "changes");
}

static void
version_selected_cb (GtkDropDown          *dropdown,
                     GParamSpec           *pspec,
                     ConcordVersionDialog *self)
{
  show_changes (self);
}

static void
concord_version_dialog_dispose (GObject *object)
{
  ConcordVersionDialog *self = CONCORD_VERSION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_VERSION_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_version_dialog_parent_class)->dispose (object);
}

static void
concord_version_dialog_finalize (GObject *object)
{
  ConcordVersionDialog *self = CONCORD_VERSION_DIALOG (object);

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->change_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (concord_version_dialog_parent_class)->finalize (object);
}

static void
concord_version_dialog_class_init (ConcordVersionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_version_dialog_dispose;
  object_class->finalize = concord_version_dialog_finalize;

  /* The resources live in a static library: referring to them keeps them
   * linked into every program that shows this widget. */
  if (concord_get_resource () == NULL)
    g_critical ("The interface resources are missing");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-version-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordVersionDialog, before_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConcordVersionDialog, after_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConcordVersionDialog, result_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordVersionDialog, changes_scroller);
  gtk_widget_class_bind_template_child (widget_class, ConcordVersionDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordVersionDialog, legend_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
concord_version_dialog_init (ConcordVersionDialog *self)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *taken_out = NULL;
  g_autofree char *put_in = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) parts = NULL;

  self->change_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The legend shows the two marks as they look in the list. */
  taken_out = g_markup_escape_text (_("words taken out"), -1);
  put_in = g_markup_escape_text (_("words put in"), -1);
  /* Translators: the legend under the list of changes; the first %s is
   * "words taken out" (shown struck through), the second "words put in"
   * (shown underlined) */
  format = g_markup_escape_text (_("Marked: %s and %s."), -1);
  parts = g_strsplit (format, "%s", 3);
  if (g_strv_length (parts) == 3)
    g_string_append_printf (markup, "%s" DELETED_SPAN "%s</span>%s" INSERTED_SPAN "%s</span>%s",
                            parts[0], taken_out, parts[1], put_in, parts[2]);
  else
    g_string_append_printf (markup, DELETED_SPAN "%s</span> " INSERTED_SPAN "%s</span>",
                            taken_out, put_in);
  gtk_label_set_markup (self->legend_label, markup->str);
}

ConcordVersionDialog *
concord_version_dialog_new (GtkWindow              *parent,
                            ConcordContext         *context,
                            gint64                  case_id,
                            const ConcordAgreement *draft,
                            GError                **error)
{
  ConcordVersionDialog *self;
  g_autoptr(GtkStringList) before_items = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) after_items = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) versions = NULL;
  ConcordStore *store;
  guint n_saved;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (case_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = concord_context_get_store (context);
  versions = concord_store_list_agreement_versions (store, case_id, error);
  if (versions == NULL)
    return NULL;

  self = g_object_new (CONCORD_TYPE_VERSION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->members = concord_store_list_members (store, NULL);
  self->versions = g_steal_pointer (&versions);
  n_saved = self->versions->len;
  if (draft != NULL)
    {
      ConcordAgreement *copy = concord_agreement_copy (draft);

      copy->version = 0;
      g_ptr_array_add (self->versions, copy);
    }

  for (guint i = 0; i < self->versions->len; i++)
    {
      g_autofree char *item = version_item (self, g_ptr_array_index (self->versions, i));

      gtk_string_list_append (before_items, item);
      gtk_string_list_append (after_items, item);
    }
  gtk_drop_down_set_model (self->before_dropdown, G_LIST_MODEL (before_items));
  gtk_drop_down_set_model (self->after_dropdown, G_LIST_MODEL (after_items));

  /* The latest version against the one before; with a single version,
   * that one against the unsaved changes. */
  if (n_saved >= 2)
    {
      gtk_drop_down_set_selected (self->before_dropdown, n_saved - 2);
      gtk_drop_down_set_selected (self->after_dropdown, n_saved - 1);
    }
  else if (self->versions->len >= 2)
    {
      gtk_drop_down_set_selected (self->before_dropdown, 0);
      gtk_drop_down_set_selected (self->after_dropdown, 1);
    }
  g_signal_connect (self->before_dropdown, "notify::selected", G_CALLBACK (version_selected_cb), self);
  g_signal_connect (self->after_dropdown, "notify::selected", G_CALLBACK (version_selected_cb), self);
  show_changes (self);
  return self;
}

static int
index_of_version (ConcordVersionDialog *self,
                  int                   version)
{
  for (guint i = 0; i < self->versions->len; i++)
    if (((ConcordAgreement *) g_ptr_array_index (self->versions, i))->version == version)
      return (int) i;
  return -1;
}

gboolean
concord_version_dialog_compare (ConcordVersionDialog *self,
                                int                   before,
                                int                   after)
{
  int b, a;

  g_return_val_if_fail (CONCORD_IS_VERSION_DIALOG (self), FALSE);

  b = index_of_version (self, before);
  a = index_of_version (self, after);
  if (b < 0 || a < 0)
    return FALSE;
  g_signal_handlers_block_by_func (self->before_dropdown, version_selected_cb, self);
  gtk_drop_down_set_selected (self->before_dropdown, (guint) b);
  g_signal_handlers_unblock_by_func (self->before_dropdown, version_selected_cb, self);
  gtk_drop_down_set_selected (self->after_dropdown, (guint) a);
  show_changes (self);
  return TRUE;
}

guint
concord_version_dialog_get_n_changes (ConcordVersionDialog *self)
{
  g_return_val_if_fail (CONCORD_IS_VERSION_DIALOG (self), 0);
  return self->n_changes;
}
