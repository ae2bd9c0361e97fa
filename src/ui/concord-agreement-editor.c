/* concord-agreement-editor.c
 *
 * The editor keeps one ConcordAgreement in memory and the widgets that
 * show it. Typing marks it dirty; the first change after a save arms one
 * timeout (SAVE_DELAY_MS) that copies the widgets' text into it and
 * writes it as the working draft, as the session window does with notes.
 * Terms and copies change the agreement at once.
 *
 * A version is what "Save Version" stores (concord_store_save_agreement());
 * the latest one is kept to say whether there are unsaved changes.
 *
 * The editor is shown inside the case view's scrolled page: it has no
 * scroller of its own, and its toasts go to the window's toast overlay
 * when there is one, as its own overlay would sit at the bottom of a
 * page taller than the window.
 *
 * "Preview" (F9) puts the agreement's real PDF beside the form
 * (ConcordPdfPreview, concord_document_render_draft()), drawn again
 * PREVIEW_DELAY_MS after the draft last changed, and only while it is
 * shown. The form and the preview share the editor's width; the preview
 * stays in view as the case's page scrolls (it is allocated where the
 * visible part of the editor is), and it steps aside when the editor is
 * too narrow for both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-agreement-editor"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "concord-pdf-preview.h"
#include "concord-term-dialog.h"
#include "concord-version-dialog.h"
#include "concord-resources.h"
#include "concord-ui-util.h"
#include "concord-agreement-editor.h"

#define SAVE_DELAY_MS 300
#define MAX_COPIES    99

#define PREVIEW_DELAY_MS    400
#define PREVIEW_GAP         18
#define PREVIEW_MIN_WIDTH   260
#define PREVIEW_NAT_WIDTH   480
#define PREVIEW_MIN_HEIGHT  480
#define PREVIEW_MARGIN      12   /* from the edges of the visible page */
#define FORM_MIN_WIDTH      360

struct _ConcordAgreementEditor
{
  GtkWidget               parent_instance;

  ConcordContext         *context;
  gint64                  case_id;
  ConcordCase            *c;
  ConcordTemplate        *template;
  ConcordAgreement       *agreement;   /* what the editor shows, or NULL */
  ConcordAgreement       *latest;      /* the latest version, or NULL */
  ConcordAgreementSource *source;      /* for the check; NULL until needed */
  GPtrArray              *members;     /* of ConcordTeamMember */
  GPtrArray              *templates;   /* of ConcordTemplate, the start page's list */
  GPtrArray              *problems;    /* of ConcordAgreementProblem, as shown */
  GHashTable             *fields;      /* key → GtkTextView or AdwEntryRow */
  GHashTable             *restore_buttons; /* key → GtkButton of a clause */
  GPtrArray              *check_rows;
  gboolean                editable;
  gboolean                loading;
  gboolean                dirty;
  gboolean                check_shown;
  guint                   save_id;
  guint                   reload_idle;
  guint                   settle_tick;
  guint                   settle_frames;  /* in a row with every text view fitting */
  guint                   settle_count;   /* frames since the tick started */
  int                     last_width;

  gboolean                preview_shown;
  gboolean                preview_stale;  /* the draft changed since it was drawn */
  gboolean                preview_fits;   /* the editor is wide enough for both */
  guint                   preview_id;
  guint                   preview_fit_idle;
  guint                   follow_tick;
  GtkAdjustment          *scroll_adjustment;

  ConcordTerm            *removed_term;   /* for undo */
  guint                   removed_index;
  AdwToast               *undo_toast;     /* weak */
  GtkWidget              *term_dialog;    /* weak */

  GtkWidget              *parties_list;
  GtkWidget              *terms_list;
  GtkWidget              *add_money_button;
  GtkWidget              *signers_list;
  GtkWidget              *signers_row;
  GtkSpinButton          *copies_spin;

  AdwToastOverlay        *toast_overlay;
  GtkStack               *stack;
  AdwStatusPage          *start_page;
  GtkDropDown            *template_dropdown;
  GtkWidget              *start_button;
  GtkLabel               *title_label;
  GtkLabel               *template_label;
  GtkLabel               *version_label;
  GtkWidget              *unsaved_label;
  GtkWidget              *save_button;
  GtkWidget              *compare_button;
  GtkWidget              *check_button;
  GtkLabel               *save_error_label;
  GtkLabel               *locked_label;
  AdwPreferencesGroup    *check_group;
  GtkBox                 *sections_box;
  GtkWidget              *preview_button;
  GtkWidget              *preview_pane;
  ConcordPdfPreview      *preview;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PREVIEW_SHOWN,
  N_PROPS
};

enum {
  OPEN_TARGET,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConcordAgreementEditor, concord_agreement_editor, GTK_TYPE_WIDGET)

static void build_draft (ConcordAgreementEditor *self);
static void show_terms (ConcordAgreementEditor *self);
static void refresh_check (ConcordAgreementEditor *self,
                           gboolean                force);
static void queue_preview (ConcordAgreementEditor *self);

/* Helpers */

static ConcordStore *
get_store (ConcordAgreementEditor *self)
{
  return concord_context_get_store (self->context);
}

static void
add_toast (ConcordAgreementEditor *self,
           AdwToast               *toast)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *overlay = parent != NULL ? gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY) : NULL;

  adw_toast_overlay_add_toast (overlay != NULL ? ADW_TOAST_OVERLAY (overlay) : self->toast_overlay, toast);
}

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
dup_widget_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return concord_ui_text_view_dup_text (GTK_TEXT_VIEW (widget));
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

static void
set_widget_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

      /* What was loaded is not something Ctrl+Z takes back. */
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
      gtk_text_buffer_end_irreversible_action (buffer);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
}

/* The widgets' text into the agreement. */
static void
collect (ConcordAgreementEditor *self)
{
  GHashTableIter iter;
  gpointer key, widget;

  if (self->agreement == NULL || self->fields == NULL)
    return;
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, &widget))
    {
      g_autofree char *text = dup_widget_text (widget);

      concord_agreement_set_field (self->agreement, key, text);
    }
  if (self->copies_spin != NULL)
    self->agreement->copies = gtk_spin_button_get_value_as_int (self->copies_spin);
}

static const ConcordAgreementSource *
ensure_source (ConcordAgreementEditor *self,
               GError                **error)
{
  if (self->source == NULL)
    self->source = concord_store_dup_agreement_source (get_store (self), self->case_id, error);
  return self->source;
}

static gboolean
has_unsaved_changes (ConcordAgreementEditor *self)
{
  if (self->agreement == NULL)
    return FALSE;
  return self->latest == NULL || !concord_agreement_same_content (self->agreement, self->latest);
}

static void
update_version_info (ConcordAgreementEditor *self)
{
  g_autofree char *text = NULL;
  int n_versions = self->latest != NULL ? self->latest->version : 0;

  if (self->agreement == NULL)
    return;

  if (self->latest == NULL)
    /* Translators: under the title of a draft agreement never saved as a version */
    text = g_strdup (_("Draft, not saved as a version yet"));
  else
    {
      g_autofree char *when = format_saved_at (self->latest->saved_at);

      /* Translators: under the title of the agreement: the latest version,
       * when and by whom it was saved, e.g. "第 2 版 · 11月20日 14:02 由罗某某保存" */
      text = g_strdup_printf (_("Version %d · saved %s by %s"), self->latest->version, when,
                              actor_name (self->members, self->latest->saved_by));
    }
  gtk_label_set_text (self->version_label, text);
  gtk_widget_set_visible (self->unsaved_label, self->latest != NULL && has_unsaved_changes (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.save-version", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.compare", n_versions >= 2);
}

static void
show_save_error (ConcordAgreementEditor *self,
                 const GError           *error)
{
  g_autofree char *text = NULL;

  if (error == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), FALSE);
      return;
    }
  /* Translators: over the agreement when writing the draft to the
   * database failed; %s is the reason. The text stays in the editor. */
  text = g_strdup_printf (_("The draft could not be saved: %s. It is kept here and saved again as you type."),
                          error->message);
  gtk_label_set_text (self->save_error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), TRUE);
}

static gboolean
save_cb (gpointer data)
{
  ConcordAgreementEditor *self = data;

  self->save_id = 0;
  concord_agreement_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
mark_dirty (ConcordAgreementEditor *self)
{
  if (self->loading || self->agreement == NULL || !self->editable)
    return;
  self->dirty = TRUE;
  if (self->save_id == 0)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
  queue_preview (self);
}

static void
close_term_dialog (ConcordAgreementEditor *self)
{
  if (self->term_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->term_dialog));
  g_clear_weak_pointer (&self->term_dialog);
}

static void
forget_removed_term (ConcordAgreementEditor *self)
{
  g_clear_pointer (&self->removed_term, concord_term_free);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_weak_pointer (&self->undo_toast);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

/* The preview */

static gboolean
preview_wanted (ConcordAgreementEditor *self)
{
  return self->preview_shown && self->agreement != NULL && self->template != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "draft") == 0;
}

/* The draft as it stands, as the PDF it prints to; a draft that cannot
 * be printed (a character the font lacks…) says why over the last
 * pages. */
static void
render_preview (ConcordAgreementEditor *self)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;

  g_clear_handle_id (&self->preview_id, g_source_remove);
  /* Not on screen: drawn once it is (map). */
  if (!preview_wanted (self) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->preview_stale = FALSE;
  collect (self);
  now = concord_clock_now_iso ();
  pdf = concord_document_render_draft (get_store (self), self->agreement, now, NULL, &error);
  if (pdf == NULL)
    {
      concord_pdf_preview_set_message (self->preview, error->message);
      return;
    }
  if (!concord_pdf_preview_set_pdf (self->preview, pdf, &error))
    g_warning ("The agreement's PDF could not be shown: %s", error->message);
}

static gboolean
preview_timeout_cb (gpointer data)
{
  ConcordAgreementEditor *self = data;

  self->preview_id = 0;
  render_preview (self);
  return G_SOURCE_REMOVE;
}

/* The draft changed: drawn again once the typing pauses. */
static void
queue_preview (ConcordAgreementEditor *self)
{
  self->preview_stale = TRUE;
  if (!preview_wanted (self) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

/* Shows the preview beside the form when it is wanted, up to date. */
static void
update_preview_pane (ConcordAgreementEditor *self)
{
  gboolean wanted = preview_wanted (self);

  gtk_widget_set_visible (self->preview_pane, wanted);
  if (wanted && self->preview_stale)
    render_preview (self);
  else if (!wanted)
    g_clear_handle_id (&self->preview_id, g_source_remove);
}

static void
stack_page_changed_cb (ConcordAgreementEditor *self)
{
  update_preview_pane (self);
}

static gboolean
follow_scroll_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (widget);

  self->follow_tick = 0;
  gtk_widget_queue_allocate (widget);
  return G_SOURCE_REMOVE;
}

/* The preview follows the visible part of the page. The adjustment
 * changes while the page is being laid out too: the new place is given
 * at the start of the next frame, before its layout. */
static void
scroll_changed_cb (ConcordAgreementEditor *self)
{
  if (gtk_widget_get_visible (self->preview_pane) && self->follow_tick == 0)
    self->follow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), follow_scroll_cb, NULL, NULL);
}

static gboolean
preview_fit_idle_cb (gpointer data)
{
  ConcordAgreementEditor *self = data;

  self->preview_fit_idle = 0;
  gtk_widget_set_child_visible (self->preview_pane, self->preview_fits);
  gtk_widget_set_opacity (self->preview_pane, 1.0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  /* The button says why it does nothing in a narrow window. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.preview", self->preview_fits);
  gtk_widget_set_tooltip_text (self->preview_button,
                               self->preview_fits
                               ? _("Show the Agreement as It Will Print (F9)")
                               /* Translators: tooltip of the preview button when the window is too narrow for it */
                               : _("Widen the window to see the agreement as it will print beside it"));
  return G_SOURCE_REMOVE;
}

/* The narrowest the form can be beside the preview. */
static int
form_min_width (ConcordAgreementEditor *self)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (self->stack), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return MAX (minimum, FORM_MIN_WIDTH);
}

/* The width of the form beside the preview in @width: half, or what it
 * needs. */
static int
form_width (ConcordAgreementEditor *self,
            int                     width)
{
  int form = width - PREVIEW_GAP - (width - PREVIEW_GAP) / 2;

  return MAX (form, form_min_width (self));
}

static gboolean
preview_fits (ConcordAgreementEditor *self,
              int                     width)
{
  return width >= form_min_width (self) + PREVIEW_GAP + PREVIEW_MIN_WIDTH;
}

static gboolean
preview_beside (ConcordAgreementEditor *self)
{
  return gtk_widget_get_visible (self->preview_pane) && gtk_widget_get_child_visible (self->preview_pane);
}

/* The check list */

static void
problem_activated_cb (AdwActionRow           *row,
                      ConcordAgreementEditor *self)
{
  const char *target = g_object_get_data (G_OBJECT (row), "target");

  if (target == NULL)
    return;
  if (!concord_agreement_editor_focus_target (self, target))
    g_signal_emit (self, signals[OPEN_TARGET], 0, target);
}

static gboolean
same_problems (GPtrArray *a,
               GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const ConcordAgreementProblem *p = g_ptr_array_index (a, i);
      const ConcordAgreementProblem *q = g_ptr_array_index (b, i);

      if (g_strcmp0 (p->target, q->target) != 0 || g_strcmp0 (p->message, q->message) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
show_problems (ConcordAgreementEditor *self,
               GPtrArray              *problems)
{
  gtk_widget_set_visible (GTK_WIDGET (self->check_group), TRUE);
  self->check_shown = TRUE;
  if (same_problems (self->problems, problems) && self->check_rows->len > 0)
    return;

  concord_ui_group_clear (self->check_group, self->check_rows);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_ptr_array_ref (problems);

  if (problems->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      /* Translators: the only row of the completeness check when the
       * agreement has everything the law asks of it */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing is missing"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_widget_add_css_class (row, "success");
      gtk_widget_set_name (row, "check-ok");
      concord_ui_group_add (self->check_group, self->check_rows, row);
      return;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      const ConcordAgreementProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message != NULL ? problem->message : "");
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (problem->target != NULL)
        {
          g_object_set_data_full (G_OBJECT (row), "target", g_strdup (problem->target), g_free);
          gtk_widget_set_name (row, problem->target);
        }
      g_signal_connect_object (row, "activated", G_CALLBACK (problem_activated_cb), self, 0);
      concord_ui_group_add (self->check_group, self->check_rows, row);
    }
}

/* Runs the completeness check on what the editor holds; only once the
 * list was shown, unless @force. */
static void
refresh_check (ConcordAgreementEditor *self,
               gboolean                force)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const ConcordAgreementSource *source;

  if (self->agreement == NULL || self->template == NULL || (!force && !self->check_shown))
    return;
  source = ensure_source (self, &error);
  if (source == NULL)
    {
      g_warning ("Could not read the case for the agreement check: %s", error->message);
      return;
    }
  collect (self);
  problems = concord_agreement_check (self->agreement, self->template, source);
  if (problems != NULL)
    show_problems (self, problems);
}

/* Parties */

static void
party_activated_cb (AdwActionRow           *row,
                    ConcordAgreementEditor *self)
{
  g_signal_emit (self, signals[OPEN_TARGET], 0, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
show_parties (ConcordAgreementEditor *self)
{
  if (self->parties_list == NULL)
    return;
  clear_list (self->parties_list);

  if (self->c == NULL || self->c->parties->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No parties yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (self->parties_list), row);
      return;
    }

  for (guint i = 0; i < self->c->parties->len; i++)
    {
      const ConcordParty *p = g_ptr_array_index (self->c->parties, i);
      g_autofree char *role = concord_case_dup_party_role (self->c, p);
      g_autofree char *particulars = concord_agreement_party_particulars (self->c, p);
      g_autofree char *title = NULL;
      g_autofree char *name = g_strdup_printf ("party:%" G_GINT64_FORMAT, p->id);
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a party of the agreement, role and name, e.g. "甲方：张某" */
      title = g_strdup_printf (C_("party heading", "%s: %s"), role, p->name != NULL ? p->name : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (!concord_text_is_blank (particulars))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), particulars);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_widget_set_tooltip_text (row, _("Change in the Case"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, name);
      g_signal_connect_object (row, "activated", G_CALLBACK (party_activated_cb), self, 0);
      gtk_list_box_append (GTK_LIST_BOX (self->parties_list), row);
    }
}

/* Terms */

static void
term_row_activated_cb (GtkListBox             *list,
                       GtkListBoxRow          *row,
                       ConcordAgreementEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "term-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "agreement.edit-term", "s", id);
}

static GtkWidget *
term_row_new (ConcordAgreementEditor *self,
              const ConcordTerm      *term)
{
  g_autofree char *target = g_strdup_printf ("term:%s", term->id != NULL ? term->id : "");
  g_autofree char *label = concord_agreement_target_label (self->agreement, self->template, target);
  g_autofree char *text = concord_agreement_term_text (self->agreement, term);
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (label);
  GtkWidget *sentence = gtk_label_new (text);
  GtkWidget *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text != NULL ? text : "");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), self->editable);
  gtk_widget_set_name (row, target);
  g_object_set_data_full (G_OBJECT (row), "term-id", g_strdup (term->id), g_free);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 8);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_append (GTK_BOX (words), heading);

  gtk_label_set_xalign (GTK_LABEL (sentence), 0);
  gtk_label_set_wrap (GTK_LABEL (sentence), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (sentence), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (words), sentence);
  gtk_widget_set_hexpand (words, TRUE);
  gtk_box_append (GTK_BOX (box), words);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text != NULL ? text : "",
                                  -1);

  if (self->editable)
    {
      button = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_tooltip_text (button, _("Change Term"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agreement.edit-term");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", term->id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Change Term"), -1);
      gtk_box_append (GTK_BOX (box), button);

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_tooltip_text (button, _("Remove Term"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agreement.remove-term");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", term->id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove Term"), -1);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
show_terms (ConcordAgreementEditor *self)
{
  if (self->terms_list == NULL)
    return;
  clear_list (self->terms_list);

  if (self->agreement->terms->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      /* Translators: in the list of agreed terms before any was added */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No terms yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("What each party pays or does, how and by when."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (self->terms_list), row);
      return;
    }

  for (guint i = 0; i < self->agreement->terms->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->terms_list),
                         term_row_new (self, g_ptr_array_index (self->agreement->terms, i)));
}

static GtkWidget *
find_term_row (ConcordAgreementEditor *self,
               const char             *id)
{
  if (self->terms_list == NULL || id == NULL)
    return NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (self->terms_list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "term-id"), id) == 0)
      return row;
  return NULL;
}

static guint
term_index (ConcordAgreementEditor *self,
            const char             *id)
{
  for (guint i = 0; i < self->agreement->terms->len; i++)
    if (g_strcmp0 (((ConcordTerm *) g_ptr_array_index (self->agreement->terms, i))->id, id) == 0)
      return i;
  return G_MAXUINT;
}

/* Puts @term (taken) into the agreement at @index. */
static ConcordTerm *
insert_term (ConcordAgreementEditor *self,
             ConcordTerm            *term,
             guint                   index)
{
  ConcordTerm *added = concord_agreement_add_term (self->agreement, term);
  guint last = self->agreement->terms->len - 1;

  if (index < last)
    {
      gpointer moved = g_ptr_array_steal_index (self->agreement->terms, last);

      g_ptr_array_insert (self->agreement->terms, (gint) index, moved);
    }
  return added;
}

static void
term_saved_cb (ConcordTermDialog      *dialog,
               const ConcordTerm      *term,
               ConcordAgreementEditor *self)
{
  ConcordTerm *copy = concord_term_copy (term);
  ConcordTerm *added;
  GtkWidget *row;
  guint index = G_MAXUINT;

  if (self->agreement == NULL)
    {
      concord_term_free (copy);
      return;
    }
  if (copy->id != NULL)
    {
      index = term_index (self, copy->id);
      if (index != G_MAXUINT)
        concord_agreement_remove_term (self->agreement, copy->id);
    }
  added = insert_term (self, copy, index);
  show_terms (self);
  mark_dirty (self);
  row = find_term_row (self, added->id);
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

static void
open_term_dialog (ConcordAgreementEditor *self,
                  const ConcordTerm      *term,
                  ConcordTermKind         kind)
{
  ConcordTermDialog *dialog;

  if (self->agreement == NULL || !self->editable)
    return;
  collect (self);
  close_term_dialog (self);
  dialog = concord_term_dialog_new (concord_ui_get_window (GTK_WIDGET (self)), self->agreement, term, kind);
  g_set_weak_pointer (&self->term_dialog, GTK_WIDGET (dialog));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (term_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_remove_cb (AdwToast               *toast,
                ConcordAgreementEditor *self)
{
  ConcordTerm *term;
  GtkWidget *row;

  if (toast != self->undo_toast || self->removed_term == NULL || self->agreement == NULL)
    return;
  term = insert_term (self, g_steal_pointer (&self->removed_term), self->removed_index);
  g_clear_weak_pointer (&self->undo_toast);
  show_terms (self);
  mark_dirty (self);
  row = find_term_row (self, term->id);
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

/* Fields */

/* A text view outside a scrolled window measures the lines it has not
 * laid out yet by guess, and GTK 4.8 keeps that first measure: a long
 * field would show its last lines cut, or the page would not get the
 * room it needs. For a few frames after the page is built or changes
 * width, each view's laid-out text is compared with its height and the
 * page with the editor's, and what does not fit is measured again. */
#define SETTLE_MAX_FRAMES 12

static int
text_view_needed_height (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;
  int y, height, requested;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_view_get_line_yrange (view, &end, &y, &height);
  gtk_widget_get_size_request (GTK_WIDGET (view), NULL, &requested);
  return MAX (requested, y + height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view));
}

static gboolean
settle_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  GHashTableIter iter;
  gpointer view;
  gboolean fit = TRUE;
  int min_height = 0;

  /* A view that grew while it was being allocated leaves the page
   * taller than the room it was given. */
  if (page != NULL)
    {
      gtk_widget_measure (page, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (page),
                          &min_height, NULL, NULL, NULL);
      if (min_height > gtk_widget_get_height (GTK_WIDGET (self->stack)))
        {
          gtk_widget_queue_resize (widget);
          fit = FALSE;
        }
    }

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &view))
    if (GTK_IS_TEXT_VIEW (view) && gtk_widget_get_mapped (view) &&
        text_view_needed_height (view) > gtk_widget_get_height (view))
      {
        gtk_widget_queue_resize (view);
        fit = FALSE;
      }

  self->settle_frames = fit ? self->settle_frames + 1 : 0;
  if (self->settle_frames >= 3 || ++self->settle_count >= SETTLE_MAX_FRAMES)
    {
      self->settle_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
queue_text_resize (ConcordAgreementEditor *self)
{
  self->settle_frames = 0;
  self->settle_count = 0;
  if (self->settle_tick == 0)
    self->settle_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), settle_tick_cb, NULL, NULL);
}

static void
stop_settling (ConcordAgreementEditor *self)
{
  if (self->settle_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->settle_tick);
  self->settle_tick = 0;
}

static void
field_changed_cb (ConcordAgreementEditor *self)
{
  mark_dirty (self);
}

static void
clause_changed_cb (GtkTextBuffer          *buffer,
                   ConcordAgreementEditor *self)
{
  const char *key = g_object_get_data (G_OBJECT (buffer), "field-key");
  const ConcordTemplateField *field = concord_template_find_field (self->template, key);
  GtkWidget *button = g_hash_table_lookup (self->restore_buttons, key);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (field != NULL && button != NULL)
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_autofree char *standard = self->agreement != NULL
                                   ? concord_agreement_expand_text (self->agreement, field->default_text)
                                   : g_strdup (field->default_text);

      gtk_widget_set_visible (button, self->editable &&
                              g_strcmp0 (g_strstrip (text), standard != NULL ? standard : "") != 0);
    }
  mark_dirty (self);
}

static GtkWidget *
section_new (ConcordAgreementEditor       *self,
             const ConcordTemplateSection *section,
             const char                   *fallback_title,
             const char                   *description)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (section != NULL && section->label != NULL ? section->label : fallback_title);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), title);

  if (description != NULL)
    {
      GtkWidget *label = gtk_label_new (description);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  if (section != NULL && section->id != NULL)
    {
      g_autofree char *name = g_strconcat ("section:", section->id, NULL);

      gtk_widget_set_name (box, name);
    }
  gtk_box_append (self->sections_box, box);
  return box;
}

static GtkWidget *
boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
hint_label_new (const char *hint)
{
  GtkWidget *label = gtk_label_new (hint);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static void
add_field (ConcordAgreementEditor     *self,
           GtkWidget                  *section_box,
           const ConcordTemplateField *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *widget;
  GtkWidget *hint = NULL;
  const char *text = concord_agreement_get_field (self->agreement, field->key);
  g_autofree char *name = g_strconcat ("field:", field->key, NULL);
  const char *label_text = field->label != NULL ? field->label : field->key;

  if (!concord_text_is_blank (field->hint))
    hint = hint_label_new (field->hint);

  if (field->kind == CONCORD_FIELD_LINE)
    {
      GtkWidget *list = boxed_list_new ();

      widget = adw_entry_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), label_text);
      gtk_editable_set_editable (GTK_EDITABLE (widget), self->editable);
      set_widget_text (widget, text);
      g_signal_connect_object (widget, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (GTK_LIST_BOX (list), widget);
      gtk_box_append (GTK_BOX (box), list);
    }
  else
    {
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (label_text);
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkTextBuffer *buffer;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (header), label);
      /* As tall as its button, so that the text does not move down when
       * the button of a clause appears. */
      if (field->kind == CONCORD_FIELD_CLAUSE)
        gtk_widget_set_size_request (header, -1, 34);

      widget = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (widget), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (widget), FALSE);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), self->editable);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (widget), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (widget), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (widget), 10);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (widget), 10);
      gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (widget), 2);
      gtk_widget_set_size_request (widget, -1, field->kind == CONCORD_FIELD_TEXT ? 96 : 64);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label_text,
                                      GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                      -1);
      if (hint != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, hint, NULL,
                                        -1);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      set_widget_text (widget, text);
      g_signal_connect_object (widget, "map", G_CALLBACK (queue_text_resize), self, G_CONNECT_SWAPPED);
      gtk_frame_set_child (GTK_FRAME (frame), widget);
      gtk_widget_add_css_class (frame, "view");

      if (field->kind == CONCORD_FIELD_CLAUSE && field->default_text != NULL)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore Standard Text"));

          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Put back the template’s wording of this clause"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agreement.restore-clause");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", field->key);
          /* Only there when the wording differs from the template's. */
          g_autofree char *standard = self->agreement != NULL
                                   ? concord_agreement_expand_text (self->agreement, field->default_text)
                                   : g_strdup (field->default_text);

          gtk_widget_set_visible (button, self->editable && g_strcmp0 (text, standard) != 0);
          gtk_box_append (GTK_BOX (header), button);
          g_hash_table_insert (self->restore_buttons, g_strdup (field->key), button);
          g_object_set_data_full (G_OBJECT (buffer), "field-key", g_strdup (field->key), g_free);
          g_signal_connect_object (buffer, "changed", G_CALLBACK (clause_changed_cb), self, 0);
        }
      else
        g_signal_connect_object (buffer, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);

      gtk_box_append (GTK_BOX (box), header);
      gtk_box_append (GTK_BOX (box), frame);
    }

  if (hint != NULL)
    gtk_box_append (GTK_BOX (box), hint);
  gtk_widget_set_name (widget, name);
  g_hash_table_insert (self->fields, g_strdup (field->key), widget);
  gtk_box_append (GTK_BOX (section_box), box);
}

/* Copies and signatures */

static void
copies_changed_cb (GtkSpinButton          *spin,
                   ConcordAgreementEditor *self)
{
  g_autoptr(GPtrArray) changed = NULL;

  if (self->loading || self->agreement == NULL)
    return;
  /* The clauses that say the number of copies follow it. */
  changed = concord_agreement_set_copies (self->agreement, gtk_spin_button_get_value_as_int (spin));
  self->loading = TRUE;
  for (guint i = 0; i < changed->len; i++)
    {
      GtkWidget *widget = g_hash_table_lookup (self->fields, g_ptr_array_index (changed, i));

      if (widget != NULL)
        set_widget_text (widget, concord_agreement_get_field (self->agreement, g_ptr_array_index (changed, i)));
    }
  self->loading = FALSE;
  mark_dirty (self);
}

static char *
describe_signers (ConcordAgreementEditor *self)
{
  return concord_ui_describe_signers (self->template, self->c,
                                      self->source != NULL ? self->source->station_name : NULL,
                                      self->source != NULL ? self->source->committee_name : NULL);
}

static void
show_signers (ConcordAgreementEditor *self)
{
  g_autofree char *signers = NULL;

  if (self->signers_list == NULL)
    return;
  if (self->signers_row != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->signers_list), self->signers_row);
  self->signers_row = NULL;
  if (!concord_template_has_section (self->template, CONCORD_SECTION_SIGNATURES))
    return;

  ensure_source (self, NULL);
  signers = describe_signers (self);
  if (*signers == '\0')
    return;
  /* Translators: the row that says who signs the agreement and whose seal it bears */
  self->signers_row = concord_ui_property_row_new (_("Signed by"), signers);
  gtk_widget_set_name (self->signers_row, "signers");
  gtk_list_box_prepend (GTK_LIST_BOX (self->signers_list), self->signers_row);
}

/* Scrolling the page over the number of copies scrolls the page: the
 * number changes only by typing, the buttons, or the wheel once the field
 * has the focus. */
static gboolean
copies_scroll_cb (GtkEventControllerScroll *controller,
                  double                    dx,
                  double                    dy,
                  gpointer                  data)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scroller;
  GtkAdjustment *adjustment;

  if (gtk_widget_get_state_flags (spin) & GTK_STATE_FLAG_FOCUS_WITHIN)
    return FALSE;
  scroller = gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL)
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            dy * MAX (gtk_adjustment_get_step_increment (adjustment), 40));
    }
  return TRUE;
}

static void
add_copies (ConcordAgreementEditor *self,
            GtkWidget              *list)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, MAX_COPIES, 1);
  guint n_parties = self->c != NULL ? self->c->parties->len : 0;
  g_autofree char *subtitle = NULL;
  int copies = self->agreement->copies;

  if (copies < 1)
    copies = (int) n_parties + self->template->extra_copies;
  /* Translators: the row of the number of printed copies of the agreement */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Copies"));
  /* Translators: under the number of copies of the agreement: the first
   * %d is how many further copies the mediators keep (the committee's or
   * the police file's), the second the least number of copies */
  subtitle = g_strdup_printf (_("One for each party and %d kept by the mediators: at least %d"),
                              self->template->extra_copies,
                              (int) n_parties + self->template->extra_copies);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), MAX (1, copies));
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_editable_set_editable (GTK_EDITABLE (spin), self->editable);
  gtk_widget_set_sensitive (spin, self->editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copies"), -1);
  gtk_widget_set_name (spin, "copies");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (copies_changed_cb), self, 0);
  {
    GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

    gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
    g_signal_connect (scroll, "scroll", G_CALLBACK (copies_scroll_cb), NULL);
    gtk_widget_add_controller (spin, scroll);
  }
  self->copies_spin = GTK_SPIN_BUTTON (spin);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

/* Building the page */


static void
forget_widgets (ConcordAgreementEditor *self)
{
  g_hash_table_remove_all (self->fields);
  g_hash_table_remove_all (self->restore_buttons);
  self->parties_list = NULL;
  self->terms_list = NULL;
  self->add_money_button = NULL;
  self->signers_list = NULL;
  self->signers_row = NULL;
  self->copies_spin = NULL;
  clear_box (GTK_WIDGET (self->sections_box));
}

static void
build_terms_section (ConcordAgreementEditor       *self,
                     const ConcordTemplateSection *section)
{
  GtkWidget *box = section_new (self, section, _("Agreed Terms"), NULL);
  GtkWidget *buttons;
  GtkWidget *button;

  self->terms_list = boxed_list_new ();
  gtk_widget_set_name (self->terms_list, "terms");
  g_signal_connect_object (self->terms_list, "row-activated", G_CALLBACK (term_row_activated_cb), self, 0);
  gtk_box_append (GTK_BOX (box), self->terms_list);
  show_terms (self);

  if (!self->editable)
    return;
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  /* Translators: button that opens the dialog for a payment of money agreed by the parties */
  button = gtk_button_new_with_mnemonic (_("Add _Money Term…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agreement.add-money-term");
  gtk_box_append (GTK_BOX (buttons), button);
  self->add_money_button = button;
  /* Translators: button that opens the dialog for a term other than money, e.g. an apology or a time window */
  button = gtk_button_new_with_mnemonic (_("Add _Other Term…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agreement.add-other-term");
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (box), buttons);
}

static void
build_sections (ConcordAgreementEditor *self)
{
  gboolean copies_shown = FALSE;

  self->loading = TRUE;
  forget_widgets (self);

  for (guint i = 0; i < self->template->sections->len; i++)
    {
      const ConcordTemplateSection *section = g_ptr_array_index (self->template->sections, i);
      GtkWidget *box;

      switch (section->kind)
        {
        case CONCORD_SECTION_PARTIES:
          box = section_new (self, section, _("Parties"),
                             _("As the agreement states them. They are changed in the case: choose a party to open it."));
          self->parties_list = boxed_list_new ();
          gtk_box_append (GTK_BOX (box), self->parties_list);
          show_parties (self);
          break;

        case CONCORD_SECTION_FIELDS:
          box = section_new (self, section, "", NULL);
          gtk_box_set_spacing (GTK_BOX (box), 18);
          for (guint j = 0; j < section->fields->len; j++)
            add_field (self, box, g_ptr_array_index (section->fields, j));
          break;

        case CONCORD_SECTION_TERMS:
          build_terms_section (self, section);
          break;

        case CONCORD_SECTION_SIGNATURES:
          box = section_new (self, section, _("Signatures"), NULL);
          self->signers_list = boxed_list_new ();
          gtk_box_append (GTK_BOX (box), self->signers_list);
          show_signers (self);
          if (!copies_shown)
            add_copies (self, self->signers_list);
          copies_shown = TRUE;
          break;

        case CONCORD_N_SECTION_KINDS:
        default:
          break;
        }
    }

  if (!copies_shown)
    {
      GtkWidget *box = section_new (self, NULL, _("Copies"), NULL);
      GtkWidget *list = boxed_list_new ();

      gtk_box_append (GTK_BOX (box), list);
      add_copies (self, list);
    }
  self->loading = FALSE;
  queue_text_resize (self);
}

static void
show_start_page (ConcordAgreementEditor *self,
                 const char             *title,
                 const char             *description,
                 gboolean                can_start)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *wanted = NULL;
  guint selected = 0;

  if (title != NULL)
    adw_status_page_set_title (self->start_page, title);
  else
    adw_status_page_set_title (self->start_page, _("No Agreement Drafted Yet"));
  if (description != NULL)
    adw_status_page_set_description (self->start_page, description);
  else
    adw_status_page_set_description (self->start_page,
                                     _("The draft starts from what the case already holds: the parties and their particulars, the facts, the claims and the team."));

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = concord_template_list ();
  if (self->c != NULL)
    wanted = concord_template_default_id (self->c->mediation_type);
  for (guint i = 0; self->templates != NULL && i < self->templates->len; i++)
    {
      const ConcordTemplate *t = g_ptr_array_index (self->templates, i);

      gtk_string_list_append (names, t->name != NULL ? t->name : t->id);
      if (g_strcmp0 (t->id, wanted) == 0)
        selected = i;
    }
  gtk_drop_down_set_model (self->template_dropdown, G_LIST_MODEL (names));
  if (g_list_model_get_n_items (G_LIST_MODEL (names)) > 0)
    gtk_drop_down_set_selected (self->template_dropdown, selected);

  can_start = can_start && self->templates != NULL && self->templates->len > 0;
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->template_dropdown)), can_start);
  gtk_widget_set_visible (self->start_button, can_start);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.start", can_start);
  gtk_stack_set_visible_child_name (self->stack, "start");
}

static void
update_actions (ConcordAgreementEditor *self)
{
  gboolean draft = self->agreement != NULL && self->template != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.save-version", draft && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.compare",
                                 draft && self->latest != NULL && self->latest->version >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.check", draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.add-money-term", draft && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.add-other-term", draft && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.edit-term", draft && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.remove-term", draft && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.restore-clause", draft && self->editable);
}

/* Shows self->agreement. */
static void
build_draft (ConcordAgreementEditor *self)
{
  g_autofree char *subtitle = NULL;

  g_clear_pointer (&self->template, concord_template_unref);
  self->template = concord_template_find (self->agreement->template_id);
  if (self->template == NULL)
    {
      g_autofree char *description = NULL;

      /* Translators: %s is the identifier of an agreement template file */
      description = g_strdup_printf (_("The agreement follows the template “%s”, which this computer no longer has. "
                                       "Put the template file back to go on drafting."),
                                     self->agreement->template_id != NULL ? self->agreement->template_id : "");
      show_start_page (self, _("The Agreement’s Template Is Missing"), description, FALSE);
      update_actions (self);
      return;
    }

  gtk_label_set_text (self->title_label, self->template->title != NULL ? self->template->title : "");
  /* The template's name, unless the title says it already (人民调解协议书
   * in Chinese), and the law it follows. */
  if (g_strcmp0 (self->template->name, self->template->title) == 0)
    subtitle = g_strdup (self->template->basis != NULL ? self->template->basis : "");
  else if (!concord_text_is_blank (self->template->basis))
    /* Translators: under the title of the agreement: the template's name and the law it follows */
    subtitle = g_strdup_printf (_("%s · %s"), self->template->name, self->template->basis);
  else
    subtitle = g_strdup (self->template->name);
  gtk_label_set_text (self->template_label, subtitle);

  if (!self->editable)
    {
      gtk_label_set_text (self->locked_label,
                          _("The agreement can be changed while the case is at drafting; it is shown here as it was sent on."));
      gtk_widget_set_visible (GTK_WIDGET (self->locked_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->locked_label), FALSE);
  gtk_widget_set_visible (self->save_button, self->editable);

  build_sections (self);
  gtk_widget_set_visible (GTK_WIDGET (self->check_group), self->check_shown);
  update_actions (self);
  update_version_info (self);
  self->preview_stale = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "draft");
  update_preview_pane (self);
}

static void
clear_case (ConcordAgreementEditor *self)
{
  close_term_dialog (self);
  forget_removed_term (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  stop_settling (self);
  concord_pdf_preview_set_pdf (self->preview, NULL, NULL);
  self->preview_stale = TRUE;
  self->dirty = FALSE;
  self->check_shown = FALSE;
  forget_widgets (self);
  concord_ui_group_clear (self->check_group, self->check_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->check_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), FALSE);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->c, concord_case_unref);
  g_clear_pointer (&self->template, concord_template_unref);
  g_clear_pointer (&self->agreement, concord_agreement_unref);
  g_clear_pointer (&self->latest, concord_agreement_unref);
  g_clear_pointer (&self->source, concord_agreement_source_free);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  self->case_id = 0;
  self->editable = FALSE;
}

/* Reads the case and the agreement of self->case_id. */
static void
load (ConcordAgreementEditor *self)
{
  ConcordStore *store = get_store (self);
  g_autoptr(GError) error = NULL;

  self->c = concord_store_load_case (store, self->case_id, &error);
  if (self->c == NULL)
    {
      show_start_page (self, _("The Case Could Not Be Read"), error->message, FALSE);
      update_actions (self);
      return;
    }
  self->editable = self->c->stage == CONCORD_STAGE_DRAFTING;
  self->members = concord_store_list_members (store, NULL);

  self->latest = concord_store_load_agreement (store, self->case_id, 0, &error);
  if (error != NULL)
    {
      show_start_page (self, _("The Agreement Could Not Be Read"), error->message, FALSE);
      update_actions (self);
      return;
    }
  self->agreement = concord_store_load_current_agreement (store, self->case_id, &error);
  if (error != NULL)
    {
      show_start_page (self, _("The Agreement Could Not Be Read"), error->message, FALSE);
      update_actions (self);
      return;
    }

  if (self->agreement == NULL)
    {
      show_start_page (self, NULL,
                       self->editable ? NULL : _("An agreement is drafted once the case reaches drafting."),
                       self->editable);
      update_actions (self);
      return;
    }

  /* The particulars as the case holds them now: a version saved next
   * takes them too. */
  if (self->editable)
    concord_agreement_refresh_parties (self->agreement, self->c);
  build_draft (self);
}

/* Another window changed the case (a party's particulars, the team, the
 * stage): what the editor shows of it is read again, the typing kept. */
static gboolean
reload_idle_cb (gpointer data)
{
  ConcordAgreementEditor *self = data;
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_editable = self->editable;

  self->reload_idle = 0;
  if (self->case_id == 0)
    return G_SOURCE_REMOVE;

  c = concord_store_load_case (get_store (self), self->case_id, &error);
  if (c == NULL)
    {
      g_warning ("Could not read case %" G_GINT64_FORMAT " again: %s", self->case_id, error->message);
      return G_SOURCE_REMOVE;
    }
  g_clear_pointer (&self->source, concord_agreement_source_free);

  if (self->agreement == NULL || self->template == NULL ||
      (c->stage == CONCORD_STAGE_DRAFTING) != was_editable)
    {
      gint64 id = self->case_id;

      concord_agreement_editor_flush (self);
      clear_case (self);
      self->case_id = id;
      load (self);
      return G_SOURCE_REMOVE;
    }

  g_clear_pointer (&self->c, concord_case_unref);
  self->c = g_steal_pointer (&c);
  if (self->editable)
    {
      collect (self);
      concord_agreement_refresh_parties (self->agreement, self->c);
    }
  show_parties (self);
  show_terms (self);
  show_signers (self);
  update_version_info (self);
  refresh_check (self, FALSE);
  /* The particulars, the team or the station's names print in it. */
  queue_preview (self);
  return G_SOURCE_REMOVE;
}

static void
context_case_changed_cb (ConcordAgreementEditor *self,
                         gint64                  id)
{
  if (self->case_id == 0 || self->case_id != id || self->reload_idle != 0)
    return;
  /* Before the next frame: drawing a busy page must not hold it back. */
  self->reload_idle = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

/* Saves the agreement as a version; FALSE with @error when the store refused. */
static gboolean
save_version (ConcordAgreementEditor *self,
              gboolean                toast,
              GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  int before = self->latest != NULL ? self->latest->version : 0;

  collect (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!concord_store_save_agreement (get_store (self), self->agreement,
                                     concord_context_get_username (self->context), &local_error))
    {
      /* The typing is kept as the working draft. */
      self->dirty = TRUE;
      concord_agreement_editor_flush (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The store cleared the working draft: the version holds it all. */
  self->dirty = FALSE;
  show_save_error (self, NULL);
  g_clear_pointer (&self->latest, concord_agreement_unref);
  self->latest = concord_agreement_copy (self->agreement);
  update_actions (self);
  update_version_info (self);
  refresh_check (self, FALSE);

  if (toast)
    {
      if (self->agreement->version > before)
        /* Translators: a toast after "Save Version"; %d is the new version's number */
        add_toast (self, adw_toast_new_format (_("Version %d saved"), self->agreement->version));
      else
        /* Translators: a toast after "Save Version" when nothing changed since version %d */
        add_toast (self, adw_toast_new_format (_("No changes since version %d"), self->agreement->version));
    }
  if (self->agreement->version > before)
    concord_context_case_changed (self->context, self->case_id);
  return TRUE;
}

/* Actions */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (widget);
  g_autoptr(ConcordAgreement) draft = NULL;
  g_autoptr(GError) error = NULL;
  const ConcordAgreementSource *source;
  ConcordTemplate *template;
  guint selected = gtk_drop_down_get_selected (self->template_dropdown);
  GtkWidget *first;

  if (self->case_id == 0 || self->agreement != NULL || !self->editable ||
      self->templates == NULL || selected >= self->templates->len)
    return;

  template = g_ptr_array_index (self->templates, selected);
  source = ensure_source (self, &error);
  if (source == NULL)
    {
      concord_ui_show_message (concord_ui_get_window (widget), _("Could Not Start the Draft"), error->message);
      return;
    }
  draft = concord_agreement_new_draft (template, source);
  draft->case_id = self->case_id;
  if (!concord_store_save_agreement_draft (get_store (self), draft, &error))
    {
      concord_ui_show_message (concord_ui_get_window (widget), _("Could Not Start the Draft"), error->message);
      return;
    }
  self->agreement = g_steal_pointer (&draft);
  build_draft (self);

  /* The first thing to write is the first field the case did not fill. */
  first = NULL;
  for (guint i = 0; i < template->sections->len && first == NULL; i++)
    {
      const ConcordTemplateSection *section = g_ptr_array_index (template->sections, i);

      for (guint j = 0; section->kind == CONCORD_SECTION_FIELDS && j < section->fields->len; j++)
        {
          const ConcordTemplateField *field = g_ptr_array_index (section->fields, j);

          if (concord_agreement_get_field (self->agreement, field->key) == NULL)
            {
              first = g_hash_table_lookup (self->fields, field->key);
              break;
            }
        }
    }
  if (first != NULL)
    gtk_widget_grab_focus (first);
  else
    gtk_widget_grab_focus (self->check_button);
}

static void
save_version_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->agreement == NULL || !self->editable)
    return;
  if (!save_version (self, TRUE, &error))
    concord_ui_show_message (concord_ui_get_window (widget), _("Could Not Save the Version"), error->message);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (widget);
  ConcordVersionDialog *dialog;
  g_autoptr(GError) error = NULL;

  if (self->agreement == NULL)
    return;
  collect (self);
  dialog = concord_version_dialog_new (concord_ui_get_window (widget), self->context, self->case_id,
                                       has_unsaved_changes (self) ? self->agreement : NULL, &error);
  if (dialog == NULL)
    {
      concord_ui_show_message (concord_ui_get_window (widget), _("Could Not Read the Versions"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (widget);
  GtkWidget *first;

  refresh_check (self, TRUE);
  if (self->check_rows->len == 0)
    return;
  /* The keyboard lands on the list, where each problem leads on. */
  first = g_ptr_array_index (self->check_rows, 0);
  if (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (first)))
    gtk_widget_grab_focus (first);
}

static void
add_money_term_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_term_dialog (CONCORD_AGREEMENT_EDITOR (widget), NULL, CONCORD_TERM_MONEY);
}

static void
add_other_term_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_term_dialog (CONCORD_AGREEMENT_EDITOR (widget), NULL, CONCORD_TERM_ACT);
}

static void
edit_term_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (widget);
  const ConcordTerm *term;

  if (self->agreement == NULL)
    return;
  term = concord_agreement_find_term (self->agreement, g_variant_get_string (parameter, NULL));
  if (term != NULL)
    open_term_dialog (self, term, term->kind);
}

static void
remove_term_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const ConcordTerm *term;
  AdwToast *toast;
  GtkWidget *row, *next = NULL;
  guint index;

  if (self->agreement == NULL || !self->editable)
    return;
  term = concord_agreement_find_term (self->agreement, id);
  if (term == NULL)
    return;

  forget_removed_term (self);
  index = term_index (self, id);
  self->removed_term = concord_term_copy (term);
  self->removed_index = index;

  /* Focus goes to the row below (or above), not lost with the row. */
  row = find_term_row (self, id);
  if (row != NULL)
    {
      GtkWidget *sibling = gtk_widget_get_next_sibling (row);

      if (sibling == NULL)
        sibling = gtk_widget_get_prev_sibling (row);
      next = sibling;
    }
  concord_agreement_remove_term (self->agreement, id);
  {
    g_autofree char *next_id = next != NULL ? g_strdup (g_object_get_data (G_OBJECT (next), "term-id")) : NULL;

    show_terms (self);
    mark_dirty (self);
    next = find_term_row (self, next_id);
  }
  if (next != NULL)
    gtk_widget_grab_focus (next);
  else if (self->add_money_button != NULL)
    gtk_widget_grab_focus (self->add_money_button);

  /* Translators: a toast after a term was taken out of the agreement; its button puts it back */
  toast = adw_toast_new (_("Term removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);
  g_set_weak_pointer (&self->undo_toast, toast);
  add_toast (self, toast);
}

static void
restore_clause_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  const ConcordTemplateField *field;
  GtkWidget *view;
  GtkTextBuffer *buffer;

  if (self->template == NULL || !self->editable)
    return;
  field = concord_template_find_field (self->template, key);
  view = g_hash_table_lookup (self->fields, key);
  if (field == NULL || field->default_text == NULL || !GTK_IS_TEXT_VIEW (view))
    return;

  /* One step that Ctrl+Z in the clause takes back. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  {
    g_autofree char *text = concord_agreement_expand_text (self->agreement, field->default_text);

    gtk_text_buffer_begin_user_action (buffer);
    gtk_text_buffer_set_text (buffer, text, -1);
    gtk_text_buffer_end_user_action (buffer);
  }
  gtk_widget_grab_focus (view);
}

/* Overrides */

static void
concord_agreement_editor_dispose (GObject *object)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (object);

  if (self->context != NULL)
    {
      concord_agreement_editor_flush (self);
      g_signal_handlers_disconnect_by_data (self->context, self);
    }
  close_term_dialog (self);
  forget_removed_term (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  g_clear_handle_id (&self->preview_fit_idle, g_source_remove);
  if (self->scroll_adjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->scroll_adjustment, self);
  g_clear_object (&self->scroll_adjustment);
  stop_settling (self);
  self->parties_list = self->terms_list = self->signers_list = self->signers_row = NULL;
  self->add_money_button = NULL;
  self->copies_spin = NULL;
  if (self->fields != NULL)
    g_hash_table_remove_all (self->fields);
  if (self->restore_buttons != NULL)
    g_hash_table_remove_all (self->restore_buttons);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_AGREEMENT_EDITOR);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_agreement_editor_parent_class)->dispose (object);
}

static void
concord_agreement_editor_finalize (GObject *object)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (object);

  g_clear_pointer (&self->c, concord_case_unref);
  g_clear_pointer (&self->template, concord_template_unref);
  g_clear_pointer (&self->agreement, concord_agreement_unref);
  g_clear_pointer (&self->latest, concord_agreement_unref);
  g_clear_pointer (&self->source, concord_agreement_source_free);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->restore_buttons, g_hash_table_unref);
  g_clear_pointer (&self->check_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (concord_agreement_editor_parent_class)->finalize (object);
}

static void
concord_agreement_editor_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (widget);
  gboolean beside = preview_beside (self);

  /* The stack, not the toast overlay around it: libadwaita 1.2's
   * overlay measures its child for any width, and wrapped text needs
   * the real one. Toasts float over the page and take no room. */
  if (orientation == GTK_ORIENTATION_VERTICAL && beside && for_size >= 0 && preview_fits (self, for_size))
    {
      gtk_widget_measure (GTK_WIDGET (self->stack), orientation, form_width (self, for_size),
                          minimum, natural, NULL, NULL);
      *minimum = MAX (*minimum, PREVIEW_MIN_HEIGHT);
      *natural = MAX (*natural, PREVIEW_MIN_HEIGHT);
      *minimum_baseline = *natural_baseline = -1;
      return;
    }
  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  /* The preview never makes the editor wider than the window allows:
   * it steps aside instead (size_allocate). */
  if (orientation == GTK_ORIENTATION_HORIZONTAL && beside)
    *natural += PREVIEW_GAP + PREVIEW_NAT_WIDTH;
}

/* Wrapped labels and text views: the height depends on the width. */
static GtkSizeRequestMode
concord_agreement_editor_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
concord_agreement_editor_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (widget);
  gboolean fits = preview_fits (self, width);
  int form = width;

  /* Whether the preview fits beside the form changes outside the
   * allocation: it changes what the editor asks for. */
  if (fits != self->preview_fits)
    {
      self->preview_fits = fits;
      if (self->preview_fit_idle == 0)
        self->preview_fit_idle = g_idle_add (preview_fit_idle_cb, self);
    }

  if (preview_beside (self))
    {
      GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
      int pane_min_width = 0, pane_min_height = 0;
      int pane_width, pane_height = height, top = 0;
      graphene_point_t point;

      gtk_widget_measure (self->preview_pane, GTK_ORIENTATION_HORIZONTAL, -1, &pane_min_width, NULL, NULL, NULL);
      if (fits)
        form = form_width (self, width);
      pane_width = MAX (width - form - PREVIEW_GAP, pane_min_width);

      /* In view: as tall as the visible part of the page, where it is. */
      if (scroller != NULL &&
          gtk_widget_compute_point (widget, scroller, &GRAPHENE_POINT_INIT (0, 0), &point))
        {
          int visible = gtk_widget_get_height (scroller) - 2 * PREVIEW_MARGIN;

          if (visible > 0)
            pane_height = MIN (height, visible);
          top = CLAMP ((int) -point.y + PREVIEW_MARGIN, 0, MAX (height - pane_height, 0));
        }
      gtk_widget_measure (self->preview_pane, GTK_ORIENTATION_VERTICAL, pane_width,
                          &pane_min_height, NULL, NULL, NULL);
      pane_height = MAX (pane_height, pane_min_height);

      /* Too narrow for both: hidden until the idle takes it away. */
      gtk_widget_set_opacity (self->preview_pane, fits ? 1.0 : 0.0);
      gtk_widget_allocate (self->preview_pane, pane_width, pane_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (fits ? form + PREVIEW_GAP : 0, top)));
    }

  gtk_widget_allocate (GTK_WIDGET (self->toast_overlay), form, height, baseline, NULL);
  /* The fields wrap anew: see queue_text_resize(). */
  if (form != self->last_width)
    {
      self->last_width = form;
      if (g_hash_table_size (self->fields) > 0)
        queue_text_resize (self);
    }
}

static void
concord_agreement_editor_map (GtkWidget *widget)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (widget);
  GtkWidget *scroller;

  GTK_WIDGET_CLASS (concord_agreement_editor_parent_class)->map (widget);
  /* What changed while it was away. */
  update_preview_pane (self);

  /* The page the editor scrolls in: the preview keeps to its visible part. */
  scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      if (adjustment != self->scroll_adjustment)
        {
          if (self->scroll_adjustment != NULL)
            g_signal_handlers_disconnect_by_data (self->scroll_adjustment, self);
          g_set_object (&self->scroll_adjustment, adjustment);
          g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scroll_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (adjustment, "changed", G_CALLBACK (scroll_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
    }
}

static void
concord_agreement_editor_unmap (GtkWidget *widget)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (widget);

  if (self->scroll_adjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->scroll_adjustment, self);
  g_clear_object (&self->scroll_adjustment);
  if (self->follow_tick != 0)
    gtk_widget_remove_tick_callback (widget, self->follow_tick);
  self->follow_tick = 0;

  GTK_WIDGET_CLASS (concord_agreement_editor_parent_class)->unmap (widget);
}

static void
concord_agreement_editor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PREVIEW_SHOWN:
      g_value_set_boolean (value, self->preview_shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_agreement_editor_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  ConcordAgreementEditor *self = CONCORD_AGREEMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_assert (self->context == NULL);
      self->context = g_value_dup_object (value);
      if (self->context != NULL)
        g_signal_connect_object (self->context, "case-changed", G_CALLBACK (context_case_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      break;
    case PROP_PREVIEW_SHOWN:
      if (self->preview_shown != g_value_get_boolean (value))
        {
          self->preview_shown = g_value_get_boolean (value);
          update_preview_pane (self);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_agreement_editor_class_init (ConcordAgreementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_agreement_editor_dispose;
  object_class->finalize = concord_agreement_editor_finalize;
  object_class->get_property = concord_agreement_editor_get_property;
  object_class->set_property = concord_agreement_editor_set_property;
  widget_class->get_request_mode = concord_agreement_editor_get_request_mode;
  widget_class->measure = concord_agreement_editor_measure;
  widget_class->size_allocate = concord_agreement_editor_size_allocate;
  widget_class->map = concord_agreement_editor_map;
  widget_class->unmap = concord_agreement_editor_unmap;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CONCORD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether the agreement's PDF is shown beside the form (agreement.preview, F9). */
  properties[PROP_PREVIEW_SHOWN] =
    g_param_spec_boolean ("preview-shown", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ConcordAgreementEditor::open-target:
   * @target: where the problem is fixed ("party:12", "team", "case:place",
   *   "setting:station.committee")
   *
   * A place outside the editor was asked for.
   */
  signals[OPEN_TARGET] =
    g_signal_new ("open-target",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /* The resources live in a static library: referring to them keeps them
   * linked into every program that shows this widget. */
  if (concord_get_resource () == NULL)
    g_critical ("The interface resources are missing");

  g_type_ensure (CONCORD_TYPE_PDF_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-agreement-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, start_page);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, template_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, template_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, version_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, unsaved_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, compare_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, check_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, locked_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, check_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, sections_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, preview_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, preview_pane);
  gtk_widget_class_bind_template_child (widget_class, ConcordAgreementEditor, preview);

  gtk_widget_class_install_action (widget_class, "agreement.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "agreement.save-version", NULL, save_version_action);
  gtk_widget_class_install_action (widget_class, "agreement.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "agreement.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "agreement.add-money-term", NULL, add_money_term_action);
  gtk_widget_class_install_action (widget_class, "agreement.add-other-term", NULL, add_other_term_action);
  gtk_widget_class_install_action (widget_class, "agreement.edit-term", "s", edit_term_action);
  gtk_widget_class_install_action (widget_class, "agreement.remove-term", "s", remove_term_action);
  gtk_widget_class_install_action (widget_class, "agreement.restore-clause", "s", restore_clause_action);
  gtk_widget_class_install_property_action (widget_class, "agreement.preview", "preview-shown");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "agreement.save-version", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "agreement.preview", NULL);

  gtk_widget_class_set_css_name (widget_class, "agreementeditor");
}

static void
concord_agreement_editor_init (ConcordAgreementEditor *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->restore_buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->check_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The status page scrolls its content itself; inside the case view's
   * page it would get a sliver of height. It takes its full height. */
  {
    GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (self->start_page));

    if (GTK_IS_SCROLLED_WINDOW (scroller))
      {
        gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_NEVER);
        gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      }
  }
  gtk_stack_set_visible_child_name (self->stack, "none");
  self->preview_fits = TRUE;
  self->preview_stale = TRUE;
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (stack_page_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
}

/* Public */

GtkWidget *
concord_agreement_editor_new (ConcordContext *context)
{
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);

  return g_object_new (CONCORD_TYPE_AGREEMENT_EDITOR, "context", context, NULL);
}

void
concord_agreement_editor_set_case (ConcordAgreementEditor *self,
                                   gint64                  case_id)
{
  g_return_if_fail (CONCORD_IS_AGREEMENT_EDITOR (self));
  g_return_if_fail (case_id >= 0);
  g_return_if_fail (self->context != NULL);

  /* The same case again (the case view shows it anew after a change):
   * read what changed around the agreement, keep the typing. */
  if (case_id != 0 && case_id == self->case_id)
    {
      g_clear_handle_id (&self->reload_idle, g_source_remove);
      reload_idle_cb (self);
      return;
    }

  concord_agreement_editor_flush (self);
  clear_case (self);
  self->case_id = case_id;
  if (case_id == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      update_actions (self);
      return;
    }
  load (self);
}

void
concord_agreement_editor_flush (ConcordAgreementEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CONCORD_IS_AGREEMENT_EDITOR (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!self->dirty || self->agreement == NULL || self->context == NULL)
    return;

  collect (self);
  if (!concord_store_save_agreement_draft (get_store (self), self->agreement, &error))
    {
      g_warning ("Could not save the agreement draft of case %" G_GINT64_FORMAT ": %s",
                 self->case_id, error->message);
      show_save_error (self, error);
      return;
    }
  self->dirty = FALSE;
  show_save_error (self, NULL);
  update_version_info (self);
  refresh_check (self, FALSE);
}

gboolean
concord_agreement_editor_submit (ConcordAgreementEditor *self,
                                 GError                **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CONCORD_IS_AGREEMENT_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->agreement == NULL || self->case_id == 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   _("No agreement has been drafted yet."));
      return FALSE;
    }

  concord_agreement_editor_flush (self);
  collect (self);
  if (self->editable && has_unsaved_changes (self) && !save_version (self, FALSE, error))
    return FALSE;

  if (!concord_store_submit_agreement (get_store (self), self->case_id,
                                       concord_context_get_username (self->context), &local_error))
    {
      if (g_error_matches (local_error, CONCORD_ERROR, CONCORD_ERROR_INVALID))
        {
          GtkWidget *first;

          refresh_check (self, TRUE);
          first = self->check_rows->len > 0 ? g_ptr_array_index (self->check_rows, 0) : NULL;
          if (first != NULL && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (first)))
            gtk_widget_grab_focus (first);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  concord_context_case_changed (self->context, self->case_id);
  return TRUE;
}

gboolean
concord_agreement_editor_focus_target (ConcordAgreementEditor *self,
                                       const char             *target)
{
  GtkWidget *widget = NULL;

  g_return_val_if_fail (CONCORD_IS_AGREEMENT_EDITOR (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  if (self->agreement == NULL || self->template == NULL)
    return FALSE;

  if (g_str_has_prefix (target, "field:"))
    widget = g_hash_table_lookup (self->fields, target + strlen ("field:"));
  else if (g_str_has_prefix (target, "term:"))
    widget = find_term_row (self, target + strlen ("term:"));
  else if (g_strcmp0 (target, "terms") == 0)
    {
      widget = self->add_money_button;
      if (widget == NULL && self->terms_list != NULL)
        widget = gtk_widget_get_first_child (self->terms_list);
    }
  else if (g_strcmp0 (target, "copies") == 0)
    widget = GTK_WIDGET (self->copies_spin);

  if (widget == NULL)
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, "draft");
  gtk_widget_grab_focus (widget);
  concord_ui_scroll_to_widget (widget);
  return TRUE;
}
