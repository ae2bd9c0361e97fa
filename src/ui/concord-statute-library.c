/* concord-statute-library.c
 *
 * Searching is one query per change of the search text (the search entry
 * waits for typing to pause), at most RESULTS_LIMIT articles; an empty
 * search lists the laws in the library, so the window is never blank.
 * Files to import are read and parsed off the main thread; the store
 * writes each law in one transaction on the main thread, where the
 * database is used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-statute-library"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-ui-util.h"
#include "concord-statute-library.h"

#define RESULTS_LIMIT 200

struct _ConcordStatuteLibrary
{
  AdwWindow        parent_instance;

  ConcordContext  *context;
  gint64           case_id;
  char            *target;        /* the clause to preselect, or NULL */
  GPtrArray       *results;       /* of ConcordStatute: what the list shows */
  GPtrArray       *laws;          /* of "law\tdate\tN", when it lists laws */
  char            *searched;      /* the text the list shows results for */
  ConcordStatute  *shown;         /* the article on the right, or NULL */
  GPtrArray       *targets;       /* of char * (NULL: the case as a whole),
                                   * in the order of the dropdown */
  GCancellable    *cancellable;

  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkSearchEntry  *search_entry;
  GtkLabel        *results_heading;
  GtkStack        *results_stack;
  GtkScrolledWindow *results_scroller;
  GtkListBox      *results_list;
  AdwStatusPage   *nothing_page;
  GtkStack        *article_stack;
  GtkScrolledWindow *article_scroller;
  GtkLabel        *law_label;
  GtkLabel        *place_label;
  GtkLabel        *article_label;
  GtkWidget       *paragraphs_box;
  GtkLabel        *tags_label;
  GtkWidget       *cite_bar;
  GtkDropDown     *target_dropdown;
  GtkEntry        *note_entry;
  GtkWidget       *cite_button;
  GtkLabel        *cited_label;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CASE_ID,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConcordStatuteLibrary, concord_statute_library, ADW_TYPE_WINDOW)

/* Helpers */

static GtkWidget *
row_label (const char *text,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
    }
  return label;
}

static GtkWidget *
list_row_new (const char *title,
              const char *subtitle,
              gboolean    wrap_subtitle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  label = row_label (title, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  if (!concord_text_is_blank (subtitle))
    {
      label = row_label (subtitle, wrap_subtitle);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
clear_list (ConcordStatuteLibrary *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
}

/* The label of @target in the dropdown, or NULL when it is not there. */
static const char *
target_label (ConcordStatuteLibrary *self,
              const char            *target)
{
  GListModel *labels = G_LIST_MODEL (gtk_drop_down_get_model (self->target_dropdown));

  for (guint i = 0; self->targets != NULL && i < self->targets->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->targets, i), target) == 0 && labels != NULL)
      return gtk_string_list_get_string (GTK_STRING_LIST (labels), i);
  return NULL;
}

/* Where a citation can go */

static void
add_target (GPtrArray        *targets,
            GtkStringList    *labels,
            ConcordAgreement *agreement,
            ConcordTemplate  *template,
            const char       *target)
{
  g_autofree char *label = NULL;

  for (guint i = 0; i < targets->len; i++)
    if (g_strcmp0 (g_ptr_array_index (targets, i), target) == 0)
      return;
  if (agreement != NULL && template != NULL)
    label = concord_agreement_target_label (agreement, template, target);
  g_ptr_array_add (targets, g_strdup (target));
  gtk_string_list_append (labels, label != NULL ? label : target);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Every clause of the case's latest agreement, in document order. */
static void
add_agreement_targets (GPtrArray        *targets,
                       GtkStringList    *labels,
                       ConcordAgreement *a,
                       ConcordTemplate  *template)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (template != NULL)
    for (guint i = 0; i < template->sections->len; i++)
      {
        const ConcordTemplateSection *section = g_ptr_array_index (template->sections, i);

        for (guint k = 0; section->kind == CONCORD_SECTION_FIELDS && k < section->fields->len; k++)
          {
            const ConcordTemplateField *field = g_ptr_array_index (section->fields, k);
            g_autofree char *target = NULL;

            if (concord_text_is_blank (concord_agreement_get_field (a, field->key)))
              continue;
            target = g_strconcat ("field:", field->key, NULL);
            add_target (targets, labels, a, template, target);
          }
        if (section->kind == CONCORD_SECTION_TERMS)
          for (guint k = 0; k < a->terms->len; k++)
            {
              const ConcordTerm *term = g_ptr_array_index (a->terms, k);
              g_autofree char *target = g_strconcat ("term:", term->id, NULL);

              add_target (targets, labels, a, template, target);
            }
        if (section->kind == CONCORD_SECTION_PARTIES)
          for (guint k = 0; k < a->parties->len; k++)
            {
              const ConcordAgreementParty *party = g_ptr_array_index (a->parties, k);
              g_autofree char *target = g_strdup_printf ("party:%" G_GINT64_FORMAT, party->party_id);

              add_target (targets, labels, a, template, target);
            }
        if (section->kind == CONCORD_SECTION_SIGNATURES)
          add_target (targets, labels, a, template, "copies");
      }

  /* Without its template (or what it leaves out): fields by key, parties,
   * terms, copies. */
  g_hash_table_iter_init (&iter, a->fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  for (guint i = 0; template == NULL && i < keys->len; i++)
    {
      g_autofree char *target = g_strconcat ("field:", (const char *) g_ptr_array_index (keys, i), NULL);

      add_target (targets, labels, a, template, target);
    }
  for (guint k = 0; k < a->parties->len; k++)
    {
      const ConcordAgreementParty *party = g_ptr_array_index (a->parties, k);
      g_autofree char *target = g_strdup_printf ("party:%" G_GINT64_FORMAT, party->party_id);

      add_target (targets, labels, a, template, target);
    }
  for (guint k = 0; k < a->terms->len; k++)
    {
      const ConcordTerm *term = g_ptr_array_index (a->terms, k);
      g_autofree char *target = g_strconcat ("term:", term->id, NULL);

      add_target (targets, labels, a, template, target);
    }
  add_target (targets, labels, a, template, "copies");
}

/* Fills the dropdown of where to cite from the case's latest agreement and
 * selects self->target. */
static void
load_targets (ConcordStatuteLibrary *self)
{
  ConcordStore *store = concord_context_get_store (self->context);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(ConcordTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_clear_pointer (&self->targets, g_ptr_array_unref);
  self->targets = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->targets, NULL);
  /* Translators: in the list of where a statute article is cited */
  gtk_string_list_append (labels, _("The case as a whole"));

  agreement = concord_store_load_agreement (store, self->case_id, 0, &error);
  if (error != NULL)
    g_warning ("Could not read the agreement of case %" G_GINT64_FORMAT ": %s", self->case_id, error->message);
  if (agreement != NULL)
    {
      if (agreement->template_id != NULL)
        template = concord_template_find (agreement->template_id);
      add_agreement_targets (self->targets, labels, agreement, template);
    }
  /* A clause asked for that the latest version does not have is offered
   * anyway: the citation is still about it. */
  if (self->target != NULL)
    add_target (self->targets, labels, agreement, template, self->target);

  for (guint i = 0; i < self->targets->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->targets, i), self->target) == 0)
      selected = i;
  gtk_drop_down_set_model (self->target_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->target_dropdown, selected);
}

/* Under the Cite button: what the shown article is already cited for. */
static void
show_cited (ConcordStatuteLibrary *self)
{
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GString) where = NULL;
  g_autofree char *text = NULL;

  if (self->case_id <= 0 || self->shown == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->cited_label), FALSE);
      return;
    }
  citations = concord_store_list_citations (concord_context_get_store (self->context), self->case_id, NULL);
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      const ConcordCitation *citation = g_ptr_array_index (citations, i);
      const char *label;

      if (citation->statute_id != self->shown->id)
        continue;
      label = target_label (self, citation->target);
      if (where == NULL)
        where = g_string_new (NULL);
      else
        /* Translators: between the places an article is cited for */
        g_string_append (where, _(", "));
      g_string_append (where, label != NULL ? label : citation->target);
    }
  if (where != NULL)
    /* Translators: under the Cite button; %s lists the clauses (or "the
     * case as a whole") the article shown is already cited for */
    text = g_strdup_printf (_("Already cited for: %s"), where->str);
  gtk_label_set_text (self->cited_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->cited_label), text != NULL);
}

/* The article */

static void
show_article (ConcordStatuteLibrary *self,
              const ConcordStatute  *statute)
{
  g_autoptr(GString) place = g_string_new (NULL);
  g_auto(GStrv) paragraphs = NULL;
  GtkWidget *child;
  const char *parts[3];

  g_clear_pointer (&self->shown, concord_statute_free);
  gtk_widget_set_sensitive (self->cite_button, FALSE);
  if (statute == NULL)
    {
      gtk_stack_set_visible_child_name (self->article_stack, "none");
      show_cited (self);
      return;
    }
  self->shown = concord_statute_copy (statute);

  gtk_label_set_text (self->law_label, statute->law != NULL ? statute->law : "");
  if (!concord_text_is_blank (statute->version_date))
    /* Translators: the version of a law an article is taken from, e.g. "Version of 2020-05-28" */
    g_string_printf (place, _("Version of %s"), statute->version_date);
  parts[0] = statute->part;
  parts[1] = statute->chapter;
  parts[2] = statute->section;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (concord_text_is_blank (parts[i]))
        continue;
      if (place->len > 0)
        g_string_append (place, _(" · "));
      g_string_append (place, parts[i]);
    }
  gtk_label_set_text (self->place_label, place->str);
  gtk_widget_set_visible (GTK_WIDGET (self->place_label), place->len > 0);

  gtk_label_set_text (self->article_label, statute->label != NULL ? statute->label : "");

  while ((child = gtk_widget_get_first_child (self->paragraphs_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->paragraphs_box), child);
  paragraphs = g_strsplit (statute->text != NULL ? statute->text : "", "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      GtkWidget *label;

      if (concord_text_is_blank (paragraphs[i]))
        continue;
      label = row_label (paragraphs[i], TRUE);
      gtk_widget_set_name (label, "article-paragraph");
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (self->paragraphs_box), label);
    }

  if (!concord_text_is_blank (statute->tags))
    {
      g_autofree char *tags = NULL;

      /* Translators: the key words of a statute article, e.g. "Tags: 过错责任 侵权" */
      tags = g_strdup_printf (_("Tags: %s"), statute->tags);
      gtk_label_set_text (self->tags_label, tags);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_label), !concord_text_is_blank (statute->tags));

  gtk_stack_set_visible_child_name (self->article_stack, "article");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->article_scroller), 0);
  gtk_widget_set_sensitive (self->cite_button, self->case_id > 0 && statute->id > 0);
  show_cited (self);
}

/* Searching */

static void
show_laws (ConcordStatuteLibrary *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) laws = concord_store_list_statute_laws (concord_context_get_store (self->context), &error);

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->laws, g_ptr_array_unref);
  clear_list (self);
  show_article (self, NULL);

  if (laws == NULL)
    {
      gtk_label_set_text (self->results_heading, "");
      adw_status_page_set_title (self->nothing_page, _("The Library Could Not Be Read"));
      adw_status_page_set_description (self->nothing_page, error->message);
      gtk_stack_set_visible_child_name (self->results_stack, "nothing");
      return;
    }
  if (laws->len == 0)
    {
      gtk_label_set_text (self->results_heading, "");
      /* Translators: the statute library holds no law yet */
      adw_status_page_set_title (self->nothing_page, _("The Library Is Empty"));
      adw_status_page_set_description (self->nothing_page, _("Import laws from Markdown files with the main menu."));
      gtk_stack_set_visible_child_name (self->results_stack, "nothing");
      return;
    }

  /* Translators: heading of the list of laws in the statute library, shown before a search */
  gtk_label_set_text (self->results_heading, _("Laws in the Library"));
  for (guint i = 0; i < laws->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_ptr_array_index (laws, i), "\t", 3);
      g_autofree char *subtitle = NULL;
      guint n = 0;
      GtkWidget *row;

      if (g_strv_length (fields) < 3)
        continue;
      n = (guint) g_ascii_strtoull (fields[2], NULL, 10);
      /* Translators: under a law in the statute library: its version date
       * and how many of its articles the library holds, e.g. "2020-05-28 · 95 articles" */
      subtitle = g_strdup_printf (ngettext ("%s · %u article", "%s · %u articles", n), fields[1], n);
      row = list_row_new (fields[0], subtitle, TRUE);
      gtk_widget_set_name (row, "law-row");
      g_object_set_data_full (G_OBJECT (row), "law", g_strdup (fields[0]), g_free);
      gtk_list_box_append (self->results_list, row);
    }
  self->laws = g_steal_pointer (&laws);
  gtk_stack_set_visible_child_name (self->results_stack, "list");
}

static void
run_search (ConcordStatuteLibrary *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *heading = NULL;

  g_free (self->searched);
  self->searched = g_strdup (text);
  if (concord_text_is_blank (text))
    {
      show_laws (self);
      return;
    }

  results = concord_store_search_statutes (concord_context_get_store (self->context), text, RESULTS_LIMIT, &error);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->laws, g_ptr_array_unref);
  clear_list (self);
  if (results == NULL)
    {
      gtk_label_set_text (self->results_heading, "");
      adw_status_page_set_title (self->nothing_page, _("The Search Failed"));
      adw_status_page_set_description (self->nothing_page, error->message);
      gtk_stack_set_visible_child_name (self->results_stack, "nothing");
      show_article (self, NULL);
      return;
    }
  if (results->len == 0)
    {
      gtk_label_set_text (self->results_heading, "");
      adw_status_page_set_title (self->nothing_page, _("No Articles Found"));
      adw_status_page_set_description (self->nothing_page, _("Try an article number, or fewer words."));
      gtk_stack_set_visible_child_name (self->results_stack, "nothing");
      show_article (self, NULL);
      return;
    }

  if (results->len >= RESULTS_LIMIT)
    /* Translators: heading of the search results when there are more than shown */
    heading = g_strdup_printf (_("The first %u articles"), results->len);
  else
    /* Translators: heading of the search results of the statute library */
    heading = g_strdup_printf (ngettext ("%u article", "%u articles", results->len), results->len);
  gtk_label_set_text (self->results_heading, heading);

  for (guint i = 0; i < results->len; i++)
    {
      const ConcordStatute *s = g_ptr_array_index (results, i);
      g_autofree char *law = concord_statute_short_law (s->law);
      g_autofree char *title = NULL;
      g_autofree char *first_line = NULL;
      const char *newline;
      GtkWidget *row;

      /* Translators: a search result: the law's short name and the
       * article, e.g. "民法典 第一千一百六十五条" */
      title = g_strdup_printf (C_("statute result", "%s %s"), law, s->label != NULL ? s->label : "");
      newline = s->text != NULL ? strchr (s->text, '\n') : NULL;
      first_line = newline != NULL ? g_strndup (s->text, newline - s->text) : g_strdup (s->text);
      row = list_row_new (title, first_line, FALSE);
      gtk_widget_set_name (row, "statute-row");
      gtk_list_box_append (self->results_list, row);
    }
  self->results = g_steal_pointer (&results);
  gtk_stack_set_visible_child_name (self->results_stack, "list");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->results_scroller), 0);
  gtk_list_box_select_row (self->results_list, gtk_list_box_get_row_at_index (self->results_list, 0));
}

/* Callbacks */

static void
search_changed_cb (ConcordStatuteLibrary *self)
{
  /* concord_statute_library_search() searched at once already. */
  if (g_strcmp0 (self->searched, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) == 0)
    return;
  run_search (self);
}

static void
stop_search_cb (ConcordStatuteLibrary *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
row_selected_cb (ConcordStatuteLibrary *self,
                 GtkListBoxRow         *row)
{
  int index;

  if (row == NULL || self->results == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  if (index >= 0 && (guint) index < self->results->len)
    show_article (self, g_ptr_array_index (self->results, index));
}

static void
row_activated_cb (ConcordStatuteLibrary *self,
                  GtkListBoxRow         *row)
{
  const char *law = g_object_get_data (G_OBJECT (row), "law");

  if (law != NULL)
    concord_statute_library_search (self, law);
}

/* Keeps @row in sight in the results' scroller. */
static void
scroll_to_row (ConcordStatuteLibrary *self,
               GtkListBoxRow         *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->results_scroller);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->results_list), &bounds))
    return;
  gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
}

/* Up and Down in the search field move in the results; the typing stays
 * where it is. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       ConcordStatuteLibrary *self)
{
  GtkListBoxRow *selected, *next;
  int index;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_Up && keyval != GDK_KEY_KP_Down && keyval != GDK_KEY_KP_Up)
    return FALSE;

  selected = gtk_list_box_get_selected_row (self->results_list);
  index = selected != NULL ? gtk_list_box_row_get_index (selected) : -1;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    index++;
  else
    index = MAX (0, index - 1);
  next = gtk_list_box_get_row_at_index (self->results_list, index);
  if (next == NULL)
    return TRUE;
  gtk_list_box_select_row (self->results_list, next);
  scroll_to_row (self, next);
  return TRUE;
}

static void
search_activate_cb (ConcordStatuteLibrary *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results_list);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (row == NULL)
    return;
  if (self->laws != NULL)
    row_activated_cb (self, row);
  else
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
cite_clicked_cb (ConcordStatuteLibrary *self)
{
  guint selected = gtk_drop_down_get_selected (self->target_dropdown);
  const char *target = NULL;
  const char *where;
  g_autofree char *note = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->case_id <= 0 || self->shown == NULL || self->targets == NULL || selected >= self->targets->len)
    return;
  target = g_ptr_array_index (self->targets, selected);
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));

  if (concord_store_add_citation (concord_context_get_store (self->context), self->case_id, self->shown->id,
                                  target, *note != '\0' ? note : NULL,
                                  concord_context_get_username (self->context), &error) <= 0)
    {
      concord_ui_show_message (GTK_WINDOW (self),
                               /* Translators: heading of the message when citing an article failed */
                               _("Could Not Cite the Article"),
                               error != NULL ? error->message : NULL);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  concord_context_case_changed (self->context, self->case_id);

  where = target_label (self, target);
  if (target == NULL)
    /* Translators: a short message after an article was cited for the case as a whole */
    message = g_strdup (_("Cited for the case as a whole"));
  else
    /* Translators: a short message after an article was cited for a clause,
     * e.g. "Cited for Term 1 (money)" */
    message = g_strdup_printf (_("Cited for %s"), where != NULL ? where : target);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  show_cited (self);
}

/* Importing */

typedef struct
{
  char               *path;
  ConcordStatuteFile *file;
  GError             *error;
  guint               n_articles;
} ImportItem;

static void
import_item_free (ImportItem *item)
{
  g_free (item->path);
  g_clear_pointer (&item->file, concord_statute_file_free);
  g_clear_error (&item->error);
  g_free (item);
}

static void
parse_files_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *const *paths = task_data;
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) import_item_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      ImportItem *item = g_new0 (ImportItem, 1);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      item->path = g_strdup (paths[i]);
      item->file = concord_statute_parse_file (paths[i], NULL, &item->error);
      g_ptr_array_add (items, item);
    }
  g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
show_import_errors (ConcordStatuteLibrary *self,
                    GPtrArray             *failed)
{
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);

  if (failed->len == 1)
    {
      const ImportItem *item = g_ptr_array_index (failed, 0);
      g_autofree char *name = g_path_get_basename (item->path);

      /* Translators: heading of the message when a statute file is refused;
       * %s is its file name. The message under it names the line. */
      heading = g_strdup_printf (_("Could Not Import “%s”"), name);
      g_string_append (body, item->error->message);
    }
  else
    {
      /* Translators: heading of the message when several statute files are refused */
      heading = g_strdup_printf (ngettext ("Could Not Import %u File", "Could Not Import %u Files", failed->len),
                                 failed->len);
      for (guint i = 0; i < failed->len; i++)
        {
          const ImportItem *item = g_ptr_array_index (failed, i);
          g_autofree char *name = g_path_get_basename (item->path);

          if (body->len > 0)
            g_string_append (body, "\n\n");
          /* Translators: a refused statute file and why, e.g. "民法典.md: Line 12: …" */
          g_string_append_printf (body, _("%s: %s"), name, item->error->message);
        }
    }
  g_string_append (body, "\n\n");
  /* Translators: after the reasons statute files were refused */
  g_string_append (body, _("Nothing of a refused file was imported."));
  concord_ui_show_message (GTK_WINDOW (self), heading, body->str);
}

static void
parse_files_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  ConcordStatuteLibrary *self = CONCORD_STATUTE_LIBRARY (source);
  g_autoptr(GPtrArray) items = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GPtrArray) failed = g_ptr_array_new ();
  const ImportItem *only = NULL;
  guint n_laws = 0, n_articles = 0;
  ConcordStore *store;

  if (items == NULL || self->context == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.import", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.import-file", TRUE);

  store = concord_context_get_store (self->context);
  for (guint i = 0; i < items->len; i++)
    {
      ImportItem *item = g_ptr_array_index (items, i);

      if (item->file != NULL &&
          !concord_store_import_statutes (store, item->file, concord_context_get_username (self->context),
                                          &item->n_articles, &item->error))
        g_clear_pointer (&item->file, concord_statute_file_free);
      if (item->file == NULL)
        {
          if (item->error == NULL)
            g_set_error_literal (&item->error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("The file could not be read."));
          g_ptr_array_add (failed, item);
          continue;
        }
      only = item;
      n_laws++;
      n_articles += item->n_articles;
    }

  if (n_laws > 0)
    {
      g_autofree char *message = NULL;
      AdwToast *toast;

      if (n_laws == 1)
        /* Translators: a short message after statutes were imported; %s is
         * the law, e.g. "Imported 95 articles of 中华人民共和国民法典" */
        message = g_strdup_printf (ngettext ("Imported %u article of %s", "Imported %u articles of %s", n_articles),
                                   n_articles, only->file->law != NULL ? only->file->law : "");
      else
        /* Translators: a short message after several laws were imported */
        message = g_strdup_printf (ngettext ("Imported %u article of %u laws", "Imported %u articles of %u laws",
                                             n_articles),
                                   n_articles, n_laws);
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 5);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      run_search (self);
    }
  if (failed->len > 0)
    show_import_errors (self, failed);
}

static void
import_paths (ConcordStatuteLibrary *self,
              GStrv                  paths)
{
  g_autoptr(GTask) task = NULL;

  if (paths == NULL || paths[0] == NULL)
    {
      g_strfreev (paths);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.import-file", FALSE);
  task = g_task_new (self, self->cancellable, parse_files_done_cb, NULL);
  g_task_set_source_tag (task, import_paths);
  g_task_set_task_data (task, paths, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, parse_files_thread);
}

static void
chooser_response_cb (GtkNativeDialog       *chooser,
                     int                    response,
                     ConcordStatuteLibrary *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (paths, path);
        }
      import_paths (self, g_strv_builder_end (paths));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConcordStatuteLibrary *self = CONCORD_STATUTE_LIBRARY (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (/* Translators: title of the file chooser of statute files */
                                         _("Import Statutes"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         /* Translators: button of the file chooser of statute files */
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  /* Translators: the kind of file statutes are imported from */
  gtk_file_filter_set_name (markdown, _("Statutes in Markdown"));
  gtk_file_filter_add_pattern (markdown, "*.md");
  gtk_file_filter_add_mime_type (markdown, "text/markdown");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), markdown);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* "library.import-file" (s): imports the file at a path as the file
 * chooser would (tests, and files dropped on the window later). */
static void
import_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GStrv paths = g_new0 (char *, 2);

  paths[0] = g_variant_dup_string (parameter, NULL);
  import_paths (CONCORD_STATUTE_LIBRARY (widget), paths);
}

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   data)
{
  ConcordStatuteLibrary *self = CONCORD_STATUTE_LIBRARY (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
  return TRUE;
}

/* Overrides */

static void
concord_statute_library_constructed (GObject *object)
{
  ConcordStatuteLibrary *self = CONCORD_STATUTE_LIBRARY (object);

  G_OBJECT_CLASS (concord_statute_library_parent_class)->constructed (object);

  g_assert (self->context != NULL);

  if (self->case_id > 0)
    {
      g_autoptr(ConcordCase) c = concord_store_load_case (concord_context_get_store (self->context),
                                                         self->case_id, NULL);

      if (c != NULL && !concord_text_is_blank (c->case_no))
        {
          g_autofree char *subtitle = NULL;

          /* Translators: under the title of the statute library opened from a case */
          subtitle = g_strdup_printf (_("Citing for case %s"), c->case_no);
          adw_window_title_set_subtitle (self->window_title, subtitle);
        }
      load_targets (self);
      gtk_widget_set_visible (self->cite_bar, TRUE);
    }
  run_search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
concord_statute_library_dispose (GObject *object)
{
  ConcordStatuteLibrary *self = CONCORD_STATUTE_LIBRARY (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_STATUTE_LIBRARY);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_statute_library_parent_class)->dispose (object);
}

static void
concord_statute_library_finalize (GObject *object)
{
  ConcordStatuteLibrary *self = CONCORD_STATUTE_LIBRARY (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->laws, g_ptr_array_unref);
  g_clear_pointer (&self->searched, g_free);
  g_clear_pointer (&self->shown, concord_statute_free);
  g_clear_pointer (&self->targets, g_ptr_array_unref);

  G_OBJECT_CLASS (concord_statute_library_parent_class)->finalize (object);
}

static void
concord_statute_library_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ConcordStatuteLibrary *self = CONCORD_STATUTE_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_statute_library_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ConcordStatuteLibrary *self = CONCORD_STATUTE_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_TARGET:
      if (g_strcmp0 (self->target, g_value_get_string (value)) != 0)
        {
          g_free (self->target);
          self->target = g_value_dup_string (value);
          /* Asked again from another clause: the agreement may have
           * changed since, so its clauses are read again. */
          if (self->context != NULL && self->case_id > 0 && self->targets != NULL)
            {
              load_targets (self);
              show_cited (self);
            }
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_statute_library_class_init (ConcordStatuteLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = concord_statute_library_constructed;
  object_class->dispose = concord_statute_library_dispose;
  object_class->finalize = concord_statute_library_finalize;
  object_class->get_property = concord_statute_library_get_property;
  object_class->set_property = concord_statute_library_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CONCORD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The case citations are made for; 0: reading only. */
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The clause preselected for citing (NULL: the case as a whole). */
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/concord/Concord/ui/concord-statute-library.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, results_heading);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, results_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, results_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, nothing_page);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, article_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, article_scroller);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, law_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, place_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, article_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, paragraphs_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, tags_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, cite_bar);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, note_entry);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, cite_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordStatuteLibrary, cited_label);
  gtk_widget_class_bind_template_callback (widget_class, cite_clicked_cb);

  gtk_widget_class_install_action (widget_class, "library.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "library.import-file", "s", import_file_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "library.import", NULL);
}

static void
concord_statute_library_init (ConcordStatuteLibrary *self)
{
  GtkEventController *keys;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  g_signal_connect_object (self->results_list, "row-selected", G_CALLBACK (row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results_list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->cite_button);
}

/* Public */

ConcordStatuteLibrary *
concord_statute_library_new (ConcordContext *context,
                             gint64          case_id,
                             const char     *target)
{
  ConcordStatuteLibrary *self;
  GApplication *app;

  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (case_id >= 0, NULL);

  self = g_object_new (CONCORD_TYPE_STATUTE_LIBRARY,
                       "context", context,
                       "case-id", case_id,
                       "target", target,
                       NULL);

  /* Belongs to the application, over its window, unless the caller
   * says otherwise. */
  app = g_application_get_default ();
  if (GTK_IS_APPLICATION (app))
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

      gtk_window_set_application (GTK_WINDOW (self), GTK_APPLICATION (app));
      if (active != NULL)
        gtk_window_set_transient_for (GTK_WINDOW (self), active);
    }
  return self;
}

void
concord_statute_library_search (ConcordStatuteLibrary *self,
                                const char            *text)
{
  g_return_if_fail (CONCORD_IS_STATUTE_LIBRARY (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  run_search (self);
}
