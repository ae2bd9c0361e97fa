/* concord-signing-pane.c
 *
 * Where the signing of the case's agreement stands is read once when the
 * case is shown (concord_store_load_signing(), the printed files, the
 * station's members for names) and the pane is built from it; a change
 * announced by the context (a signature stored by the signature window,
 * a print archived) reads it again. What the pane offers follows from a
 * plain PaneState computed from those values (compute_state()).
 *
 * The paper way asks its date and checker in a message dialog. A
 * message dialog closes with its response, so what can be checked
 * before is checked as it is typed (the response stays disabled, the
 * message under its field); a refusal by the store opens the dialog
 * again with what was typed and the message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-signing-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-print.h"
#include "concord-signature-window.h"
#include "concord-ui-util.h"
#include "concord-signing-pane.h"

/* The small copy of a pad signature in its row, in pixels. */
#define THUMB_WIDTH  130
#define THUMB_HEIGHT 52

/* What the pane offers, from where the signing stands. */
typedef struct
{
  gboolean shown;       /* there is a version to sign or signed */
  gboolean locked;
  gboolean can_sign;    /* at signing, not locked: signatures can be added or removed */
  gboolean pad;         /* can_sign, and the pad is allowed */
  gboolean paper_only;  /* the pad is not allowed (art. 3), shown while not locked */
  guint    n_signed;
  guint    n_signers;
} PaneState;

struct _ConcordSigningPane
{
  GtkWidget            parent_instance;

  ConcordContext      *context;
  gint64               case_id;
  ConcordCase         *c;
  ConcordSigning      *signing;      /* or NULL */
  GPtrArray           *prints;       /* of ConcordPrint */
  GPtrArray           *members;      /* of ConcordTeamMember */
  PaneState            state;
  guint                reload_idle;
  char                *paper_date;   /* typed in Record Paper Signing, kept until recorded */
  char                *paper_checker;

  GPtrArray           *signer_rows;
  GPtrArray           *print_rows;
  GtkWidget           *next_sign_button;  /* the first "Sign on Screen…", or NULL */

  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkWidget           *status_box;
  GtkImage            *status_icon;
  GtkLabel            *status_title;
  GtkLabel            *status_body;
  GtkLabel            *status_code;
  GtkWidget           *paper_only_list;
  AdwActionRow        *paper_only_row;
  GtkWidget           *locked_actions;
  GtkWidget           *print_signed_button;
  GtkWidget           *save_pdf_button;
  AdwPreferencesGroup *signers_group;
  GtkWidget           *paper_group;
  GtkWidget           *print_ink_button;
  GtkWidget           *record_paper_button;
  AdwPreferencesGroup *prints_group;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConcordSigningPane, concord_signing_pane, GTK_TYPE_WIDGET)

static void record_paper_ask (ConcordSigningPane *self,
                              const char         *date_problem,
                              const char         *general_problem);

/* State */

static PaneState
compute_state (ConcordStage          stage,
               const ConcordSigning *signing)
{
  PaneState state = { 0 };

  if (signing == NULL || signing->agreement_id <= 0)
    return state;
  state.shown = TRUE;
  state.locked = signing->locked_at != NULL;
  state.can_sign = stage == CONCORD_STAGE_SIGNING && !state.locked;
  state.pad = state.can_sign && signing->pad_allowed;
  state.paper_only = !signing->pad_allowed && !state.locked;
  state.n_signers = signing->signers->len;
  for (guint i = 0; i < signing->signers->len; i++)
    if (signing->signatures != NULL && i < signing->signatures->len &&
        g_ptr_array_index (signing->signatures, i) != NULL)
      state.n_signed++;
  return state;
}

/* Helpers */

/* Who did it: the team member whose login it is, else the login. */
static const char *
actor_name (ConcordSigningPane *self,
            const char         *actor)
{
  if (actor == NULL)
    return "";
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (self->members, i);

      if (g_strcmp0 (member->username, actor) == 0 && !concord_text_is_blank (member->name))
        return member->name;
    }
  for (guint i = 0; self->c != NULL && i < self->c->team->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (self->c->team, i);

      if (g_strcmp0 (member->username, actor) == 0 && !concord_text_is_blank (member->name))
        return member->name;
    }
  return actor;
}

/* "甲方 赵某", or the role alone when there is no name. */
static char *
signer_title (const ConcordSigner *signer)
{
  if (concord_text_is_blank (signer->name))
    return g_strdup (signer->role != NULL ? signer->role : "");
  /* Translators: a signer in the signing pane, role and name, e.g. "甲方 赵某", "调解员 王某" */
  return g_strdup_printf (C_("signer", "%s %s"), signer->role != NULL ? signer->role : "", signer->name);
}

static const ConcordSigner *
find_signer (ConcordSigningPane *self,
             const char         *key,
             ConcordSignature  **signature)
{
  for (guint i = 0; self->signing != NULL && i < self->signing->signers->len; i++)
    {
      const ConcordSigner *signer = g_ptr_array_index (self->signing->signers, i);

      if (g_strcmp0 (signer->key, key) == 0)
        {
          if (signature != NULL)
            *signature = self->signing->signatures != NULL && i < self->signing->signatures->len
                         ? g_ptr_array_index (self->signing->signatures, i) : NULL;
          return signer;
        }
    }
  return NULL;
}

/* The names of who has not signed yet: "赵某、钱某、徐警官". */
static char *
dup_missing_names (ConcordSigningPane *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; self->signing != NULL && i < self->signing->signers->len; i++)
    {
      const ConcordSigner *signer = g_ptr_array_index (self->signing->signers, i);
      g_autofree char *title = NULL;

      if (self->signing->signatures != NULL && i < self->signing->signatures->len &&
          g_ptr_array_index (self->signing->signatures, i) != NULL)
        continue;
      title = signer_title (signer);
      if (names->len > 0)
        g_string_append (names, C_("name list separator", ", "));
      g_string_append (names, title);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Drawing a stored signature small */

static void
thumb_draw_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  const ConcordSignature *signature = data;
  double scale = MIN (width / CONCORD_SIGNATURE_PAD_WIDTH, height / CONCORD_SIGNATURE_PAD_HEIGHT);
  double x0 = (width - CONCORD_SIGNATURE_PAD_WIDTH * scale) / 2;
  double y0 = (height - CONCORD_SIGNATURE_PAD_HEIGHT * scale) / 2;

  /* Paper, as on the pad. */
  cairo_rectangle (cr, x0 + 0.5, y0 + 0.5, CONCORD_SIGNATURE_PAD_WIDTH * scale - 1,
                   CONCORD_SIGNATURE_PAD_HEIGHT * scale - 1);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_translate (cr, x0, y0);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0.06, 0.09, 0.22);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < signature->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (signature->strokes, i);

      for (guint j = 0; j < stroke->len; j++)
        {
          const ConcordInkPoint *b = &g_array_index (stroke, ConcordInkPoint, j);
          const ConcordInkPoint *a = j > 0 ? &g_array_index (stroke, ConcordInkPoint, j - 1) : b;

          /* Thicker than on the pad, or the strokes vanish at this size. */
          cairo_set_line_width (cr, (1.2 + 3.6 * (a->pressure + b->pressure) / 2) * 1.6);
          cairo_move_to (cr, a->x, a->y);
          cairo_line_to (cr, b->x, b->y);
          cairo_stroke (cr);
        }
    }
}

static GtkWidget *
signature_thumb_new (const ConcordSignature *signature,
                     const char             *title)
{
  GtkWidget *area = gtk_drawing_area_new ();
  g_autofree char *label = NULL;

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), THUMB_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), THUMB_HEIGHT);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (area, 6);
  gtk_widget_set_margin_bottom (area, 6);
  gtk_widget_set_name (area, "signature-thumb");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), thumb_draw_cb,
                                  concord_signature_copy (signature),
                                  (GDestroyNotify) concord_signature_free);
  /* Translators: read by screen readers: the small picture of a stored signature; %s is who signed, e.g. "甲方 赵某" */
  label = g_strdup_printf (_("Signature of %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return area;
}

/* Showing */

static void
show_status (ConcordSigningPane *self)
{
  const ConcordSigning *s = self->signing;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *code = NULL;

  gtk_widget_remove_css_class (self->status_box, "locked");
  if (self->state.locked)
    {
      g_autofree char *when = concord_ui_format_time (s->locked_at);

      gtk_widget_add_css_class (self->status_box, "locked");
      gtk_image_set_from_icon_name (self->status_icon, "changes-prevent-symbolic");
      /* Translators: the signing pane once every signer has signed: the
       * agreement's content can no longer change */
      title = g_strdup (_("Signed and locked"));
      /* Translators: %d is the version, %s the time it was locked */
      body = g_strdup_printf (_("Version %d, locked %s. Any change to the agreement is a new version, signed "
                                "again."),
                              s->version, when);
    }
  else if (self->state.can_sign)
    {
      gtk_image_set_from_icon_name (self->status_icon, "document-edit-symbolic");
      if (self->state.n_signed == 0)
        /* Translators: the signing pane before anyone has signed */
        title = g_strdup (_("Not signed yet"));
      else
        /* Translators: the signing pane: how many of the required signatures are there, e.g. "2 of 3 signed" */
        title = g_strdup_printf (ngettext ("%u of %u signed", "%u of %u signed", self->state.n_signers),
                                 self->state.n_signed, self->state.n_signers);
      /* Translators: %d is the version being signed */
      body = g_strdup_printf (_("Version %d. The agreement is locked when the last signature is in."),
                              s->version);
    }
  else
    {
      gtk_image_set_from_icon_name (self->status_icon, "document-edit-symbolic");
      /* Translators: the signing pane of a case past signing whose agreement was not signed in Concord */
      title = g_strdup (_("No signing recorded"));
      /* Translators: %d is the version of the agreement */
      body = g_strdup_printf (_("Version %d. Signatures are taken only while the case is at signing."),
                              s->version);
    }
  gtk_label_set_text (self->status_title, title);
  gtk_label_set_text (self->status_body, body);
  /* Translators: in the signing pane: the code printed on the agreement
   * that proves which text was signed, e.g. "3F2A-9C1B-77D0" */
  code = g_strdup_printf (_("Verification code %s"), s->code != NULL ? s->code : "");
  gtk_label_set_text (self->status_code, code);
  gtk_widget_set_visible (GTK_WIDGET (self->status_code), s->code != NULL);
}

static void
sign_clicked_cb (GtkButton          *button,
                 ConcordSigningPane *self);
static void
sign_again_clicked_cb (GtkButton          *button,
                       ConcordSigningPane *self);

static GtkWidget *
row_button (ConcordSigningPane  *self,
            const char          *label,
            const char          *accessible,
            const ConcordSigner *signer,
            GCallback            callback)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "signer-key", g_strdup (signer->key), g_free);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
signer_row_new (ConcordSigningPane     *self,
                const ConcordSigner    *signer,
                const ConcordSignature *signature)
{
  g_autofree char *title = signer_title (signer);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "signer-row");

  if (signature == NULL)
    {
      /* Translators: a signer's row in the signing pane */
      subtitle = g_strdup (_("Not signed"));
      icon = gtk_image_new_from_icon_name ("radio-symbolic");
      gtk_widget_add_css_class (icon, "dim-label");
    }
  else if (signature->method == CONCORD_SIGNATURE_METHOD_INK)
    {
      g_autofree char *date = concord_ui_format_date (signature->signed_at);

      /* Translators: a signer's row: signed the printed agreement in ink with a fingerprint; %s is the date,
       * %s who checked the paper */
      subtitle = g_strdup_printf (_("Signed on paper on %s, checked by %s"), date,
                                  signature->checked_by != NULL ? signature->checked_by : "");
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
    }
  else
    {
      g_autofree char *when = concord_ui_format_time (signature->signed_at);

      /* Translators: a signer's row: signed on the signature pad; %s is the date and time */
      subtitle = g_strdup_printf (_("Signed on screen %s"), when);
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (signature != NULL && signature->method == CONCORD_SIGNATURE_METHOD_PAD && signature->strokes->len > 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), signature_thumb_new (signature, title));

  if (signature == NULL && self->state.pad)
    {
      /* Translators: read by screen readers for a signer's "Sign on Screen…" button; %s is the signer, e.g. "甲方 赵某" */
      g_autofree char *accessible = g_strdup_printf (_("Sign on screen: %s"), title);
      GtkWidget *button = row_button (self,
                                      /* Translators: a button in a signer's row: opens the signature pad for them */
                                      _("Sign on Screen…"), accessible, signer, G_CALLBACK (sign_clicked_cb));

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      if (self->next_sign_button == NULL)
        self->next_sign_button = button;
    }
  else if (signature != NULL && signature->method == CONCORD_SIGNATURE_METHOD_PAD && self->state.pad)
    {
      /* Translators: read by screen readers for a signer's "Sign Again" button; %s is the signer */
      g_autofree char *accessible = g_strdup_printf (_("Sign again: %s"), title);
      GtkWidget *button = row_button (self,
                                      /* Translators: a button in a signed row before the agreement is locked:
                                       * removes the signature and opens the pad again */
                                      _("Sign Again"), accessible, signer, G_CALLBACK (sign_again_clicked_cb));

      gtk_widget_add_css_class (button, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
show_signers (ConcordSigningPane *self)
{
  const ConcordSigning *s = self->signing;

  concord_ui_group_clear (self->signers_group, self->signer_rows);
  self->next_sign_button = NULL;
  for (guint i = 0; i < s->signers->len; i++)
    {
      const ConcordSigner *signer = g_ptr_array_index (s->signers, i);
      const ConcordSignature *signature = s->signatures != NULL && i < s->signatures->len
                                          ? g_ptr_array_index (s->signatures, i) : NULL;

      concord_ui_group_add (self->signers_group, self->signer_rows, signer_row_new (self, signer, signature));
    }
}

static void
show_prints (ConcordSigningPane *self)
{
  concord_ui_group_clear (self->prints_group, self->print_rows);
  if (self->prints == NULL || self->prints->len == 0)
    {
      GtkWidget *row;

      gtk_widget_set_visible (GTK_WIDGET (self->prints_group), self->state.locked);
      if (!self->state.locked)
        return;
      row = adw_action_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      /* Translators: the list of printed copies of the agreement, when there is none */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing printed or saved yet"));
      gtk_widget_add_css_class (row, "dim-label");
      concord_ui_group_add (self->prints_group, self->print_rows, row);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->prints_group), TRUE);
  /* Newest first: the copy just printed is the one looked for. */
  for (guint i = self->prints->len; i-- > 0;)
    {
      const ConcordPrint *print = g_ptr_array_index (self->prints, i);
      g_autofree char *when = concord_ui_format_time (print->printed_at);
      g_autofree char *copies = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     print->signed_copy
                                     /* Translators: a printed file of the agreement, with the on-screen signatures */
                                     ? _("Signed copy")
                                     /* Translators: a printed file of the agreement, with empty boxes to sign in ink */
                                     : _("For ink signing"));
      /* Translators: how many copies of the agreement were printed */
      copies = g_strdup_printf (ngettext ("%u copy", "%u copies", print->copies), print->copies);
      /* Translators: a printed file of the agreement: when, how many copies, who printed it,
       * e.g. "2026-11-23 14:30 · 3 copies · 徐警官" */
      subtitle = g_strdup_printf (_("%s · %s · %s"), when, copies, actor_name (self, print->printed_by));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name (print->signed_copy ? "document-print-symbolic" : "x-office-document-symbolic");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      concord_ui_group_add (self->prints_group, self->print_rows, row);
    }
}

static void
show_all (ConcordSigningPane *self)
{
  if (self->c == NULL || !self->state.shown)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "signing");
  show_status (self);

  gtk_widget_set_visible (self->paper_only_list, self->state.paper_only);
  adw_action_row_set_subtitle (self->paper_only_row,
                               self->signing->pad_refusal != NULL ? self->signing->pad_refusal : "");
  gtk_widget_set_visible (self->locked_actions, self->state.locked);
  gtk_widget_set_visible (self->paper_group, self->state.can_sign);
  /* Without the pad, printing for ink is the way on. */
  if (self->state.paper_only)
    gtk_widget_add_css_class (self->print_ink_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->print_ink_button, "suggested-action");
  gtk_widget_set_sensitive (self->record_paper_button, self->state.n_signed < self->state.n_signers);

  show_signers (self);
  show_prints (self);
}

/* Signing on screen */

static void
open_signature_window (ConcordSigningPane  *self,
                       const ConcordSigner *signer)
{
  ConcordSignatureWindow *window;

  window = concord_signature_window_new (concord_ui_get_window (GTK_WIDGET (self)), self->context,
                                         self->case_id, self->signing->agreement_id, signer);
  gtk_window_present (GTK_WINDOW (window));
}

static void
sign_clicked_cb (GtkButton          *button,
                 ConcordSigningPane *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "signer-key");
  const ConcordSigner *signer;
  ConcordSignature *signature = NULL;

  if (!self->state.pad)
    return;
  signer = find_signer (self, key, &signature);
  if (signer == NULL || signature != NULL)
    return;
  open_signature_window (self, signer);
}

/* The signer wants to sign again: the pad opens for them, and the new
 * signature takes the place of the old one when it is stored. */
static void
sign_again_clicked_cb (GtkButton          *button,
                       ConcordSigningPane *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "signer-key");
  ConcordSignature *signature = NULL;
  const ConcordSigner *found;
  ConcordSignatureWindow *window;

  if (!self->state.pad)
    return;
  found = find_signer (self, key, &signature);
  if (found == NULL || signature == NULL)
    return;
  window = concord_signature_window_new (concord_ui_get_window (GTK_WIDGET (self)), self->context,
                                         self->case_id, self->signing->agreement_id, found);
  concord_signature_window_set_replaces (window, signature->id);
  gtk_window_present (GTK_WINDOW (window));
}

/* Printing */

static void
print_ink_clicked_cb (ConcordSigningPane *self)
{
  if (self->case_id > 0)
    concord_print_agreement (concord_ui_get_window (GTK_WIDGET (self)), self->context, self->case_id, FALSE);
}

static void
print_signed_clicked_cb (ConcordSigningPane *self)
{
  if (self->case_id > 0 && self->state.locked)
    concord_print_agreement (concord_ui_get_window (GTK_WIDGET (self)), self->context, self->case_id, TRUE);
}

static void
save_pdf_clicked_cb (ConcordSigningPane *self)
{
  if (self->case_id > 0 && self->state.locked)
    concord_print_save_pdf (concord_ui_get_window (GTK_WIDGET (self)), self->context, self->case_id, TRUE);
}

/* Recording the paper signing */

/* The name of who is at the desk: the station member whose login it
 * is, else the login. */
static const char *
my_name (ConcordSigningPane *self)
{
  return actor_name (self, concord_context_get_username (self->context));
}

/* What is wrong with the date and the checker as typed, or NULL; the
 * date as YYYY-MM-DD in *iso when it is right. */
static void
check_paper (const char  *date,
             const char  *checker,
             const char  *today,
             char       **iso,
             char       **date_problem,
             char       **checker_problem)
{
  g_autofree char *valid = NULL;

  *date_problem = NULL;
  *checker_problem = NULL;
  if (concord_text_is_blank (date))
    /* Translators: under the date field of Record Paper Signing */
    *date_problem = g_strdup (_("Give the date the paper was signed."));
  else if (!concord_validate_date (date, &valid, NULL))
    /* Translators: under the date field of Record Paper Signing; keep the example date as it is */
    *date_problem = g_strdup (_("Not a date: write it as 2026-11-23."));
  else if (today != NULL && g_strcmp0 (valid, today) > 0)
    /* Translators: under the date field of Record Paper Signing */
    *date_problem = g_strdup (_("The date is in the future: give the day the paper was signed."));
  if (concord_text_is_blank (checker))
    /* Translators: under the field of who checked the signed paper */
    *checker_problem = g_strdup (_("Give the name of who checked the signatures and fingerprints."));
  if (iso != NULL)
    *iso = *date_problem == NULL ? g_steal_pointer (&valid) : NULL;
}

typedef struct
{
  AdwMessageDialog *dialog;
  GtkWidget        *date_row;
  GtkLabel         *date_message;
  GtkWidget        *checker_row;
  GtkLabel         *checker_message;
} PaperDialog;

static void
paper_recheck (ConcordSigningPane *self,
               PaperDialog        *d)
{
  g_autofree char *today = concord_clock_today_iso ();
  g_autofree char *date_problem = NULL;
  g_autofree char *checker_problem = NULL;

  g_free (self->paper_date);
  self->paper_date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->date_row)));
  g_free (self->paper_checker);
  self->paper_checker = g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->checker_row)));
  check_paper (self->paper_date, self->paper_checker, today, NULL, &date_problem, &checker_problem);
  concord_ui_set_field_error (d->date_row, d->date_message, date_problem);
  concord_ui_set_field_error (d->checker_row, d->checker_message, checker_problem);
  adw_message_dialog_set_response_enabled (d->dialog, "record", date_problem == NULL && checker_problem == NULL);
}

static void
paper_field_changed_cb (GtkEditable        *editable,
                        ConcordSigningPane *self)
{
  PaperDialog *d = g_object_get_data (G_OBJECT (editable), "paper-dialog");

  paper_recheck (self, d);
}

static void
paper_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   ConcordSigningPane *self)
{
  g_autofree char *today = concord_clock_today_iso ();
  g_autofree char *iso = NULL;
  g_autofree char *date_problem = NULL;
  g_autofree char *checker_problem = NULL;
  g_autofree char *checker = NULL;
  g_autoptr(GError) error = NULL;
  gint64 agreement_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "agreement-id"));

  if (g_strcmp0 (response, "record") != 0)
    return;
  if (self->signing == NULL || self->signing->agreement_id != agreement_id || !self->state.can_sign)
    {
      /* The signing changed while the question was open. */
      record_paper_ask (self, NULL, _("The agreement changed while this was open: check the signatures and record again."));
      return;
    }
  check_paper (self->paper_date, self->paper_checker, today, &iso, &date_problem, &checker_problem);
  if (date_problem != NULL || checker_problem != NULL)
    {
      record_paper_ask (self, NULL, NULL);
      return;
    }
  checker = g_strstrip (g_strdup (self->paper_checker));
  if (!concord_store_record_paper_signing (concord_context_get_store (self->context), self->case_id,
                                           agreement_id, iso, checker,
                                           concord_context_get_username (self->context), &error))
    {
      /* A date the store refuses (before the approval) is the date's;
       * anything else is the dialog's. */
      if (g_error_matches (error, CONCORD_ERROR, CONCORD_ERROR_INVALID))
        record_paper_ask (self, error->message, NULL);
      else
        record_paper_ask (self, NULL, error->message);
      concord_context_case_changed (self->context, self->case_id);
      return;
    }
  g_clear_pointer (&self->paper_date, g_free);
  g_clear_pointer (&self->paper_checker, g_free);
  concord_context_case_changed (self->context, self->case_id);
}

static GtkLabel *
add_message_row (AdwPreferencesGroup *group,
                 const char          *name)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "field-message-row");
  gtk_widget_set_name (label, name);
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
  /* The row shows only with its message. */
  g_object_bind_property (label, "visible", row, "visible", G_BINDING_SYNC_CREATE);
  return GTK_LABEL (label);
}

static GtkWidget *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title,
               const char          *name,
               const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_set_name (row, name);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_preferences_group_add (group, row);
  return row;
}

/* Asks the date and who checked the paper, with what was typed before
 * and, after a refusal, why. */
static void
record_paper_ask (ConcordSigningPane *self,
                  const char         *date_problem,
                  const char         *general_problem)
{
  g_autofree char *today = concord_clock_today_iso ();
  g_autofree char *names = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  PaperDialog *d;
  GtkWidget *box, *group, *general;

  if (self->signing == NULL || !self->state.can_sign)
    {
      /* Reopened after a refusal, but the agreement changed meanwhile. */
      if (general_problem != NULL)
        concord_ui_show_message (concord_ui_get_window (GTK_WIDGET (self)),
                                 _("Could Not Record the Paper Signing"), general_problem);
      return;
    }
  if (self->paper_date == NULL)
    self->paper_date = g_strdup (today);
  if (self->paper_checker == NULL)
    self->paper_checker = g_strdup (my_name (self));

  names = dup_missing_names (self);
  /* Translators: the question of Record Paper Signing; %d is the version
   * of the agreement, %s the signers who have not signed on screen, e.g.
   * "甲方 赵某, 乙方 钱某" */
  body = g_strdup_printf (_("Records that version %d, printed, was signed in ink with a fingerprint by: %s. "
                            "The agreement is then locked."),
                          self->signing->version, names);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (concord_ui_get_window (GTK_WIDGET (self)),
                                                       /* Translators: heading of the dialog that records the ink signing */
                                                       _("Record Paper Signing"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: response of Record Paper Signing */
                                    "record", _("_Record and Lock"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "record");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "agreement-id", GSIZE_TO_POINTER ((gsize) self->signing->agreement_id));

  d = g_new0 (PaperDialog, 1);
  d->dialog = dialog;
  g_object_set_data_full (G_OBJECT (dialog), "paper-dialog", d, g_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  general = gtk_label_new (general_problem);
  gtk_widget_set_name (general, "paper-general-message");
  gtk_label_set_wrap (GTK_LABEL (general), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (general), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (general), 0);
  gtk_widget_add_css_class (general, "error");
  gtk_widget_set_visible (general, general_problem != NULL);
  gtk_box_append (GTK_BOX (box), general);

  group = adw_preferences_group_new ();
  /* Translators: field of Record Paper Signing: the date on which the parties signed the printed agreement */
  d->date_row = add_entry_row (ADW_PREFERENCES_GROUP (group), _("_Date signed"), "paper-date-row", self->paper_date);
  d->date_message = add_message_row (ADW_PREFERENCES_GROUP (group), "paper-date-message");
  /* Translators: field of Record Paper Signing: who checked the signatures and fingerprints on the paper */
  d->checker_row = add_entry_row (ADW_PREFERENCES_GROUP (group), _("_Checked by"), "paper-checker-row",
                                  self->paper_checker);
  d->checker_message = add_message_row (ADW_PREFERENCES_GROUP (group), "paper-checker-message");
  gtk_box_append (GTK_BOX (box), group);
  adw_message_dialog_set_extra_child (dialog, box);

  g_object_set_data (G_OBJECT (d->date_row), "paper-dialog", d);
  g_object_set_data (G_OBJECT (d->checker_row), "paper-dialog", d);
  paper_recheck (self, d);
  if (date_problem != NULL)
    concord_ui_set_field_error (d->date_row, d->date_message, date_problem);
  g_signal_connect_object (d->date_row, "changed", G_CALLBACK (paper_field_changed_cb), self, 0);
  g_signal_connect_object (d->checker_row, "changed", G_CALLBACK (paper_field_changed_cb), self, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (paper_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (d->date_row);
}

static void
record_paper_clicked_cb (ConcordSigningPane *self)
{
  record_paper_ask (self, NULL, NULL);
}

/* Loading */

static void
clear_data (ConcordSigningPane *self)
{
  self->next_sign_button = NULL;
  g_clear_pointer (&self->c, concord_case_unref);
  g_clear_pointer (&self->signing, concord_signing_free);
  g_clear_pointer (&self->prints, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  self->state = (PaneState) { 0 };
}

/* Reads everything shown for the case; FALSE with @error when the store
 * cannot. A case without an agreement is no error: nothing to sign. */
static gboolean
load (ConcordSigningPane *self,
      gint64              case_id,
      GError            **error)
{
  ConcordStore *store = concord_context_get_store (self->context);
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(ConcordSigning) signing = NULL;
  g_autoptr(GPtrArray) prints = NULL;
  GError *local_error = NULL;

  if ((c = concord_store_load_case (store, case_id, error)) == NULL)
    return FALSE;
  signing = concord_store_load_signing (store, case_id, &local_error);
  if (signing == NULL && !g_error_matches (local_error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_clear_error (&local_error);
  if ((prints = concord_store_list_prints (store, case_id, error)) == NULL)
    return FALSE;

  clear_data (self);
  self->state = compute_state (c->stage, signing);
  self->c = g_steal_pointer (&c);
  self->signing = g_steal_pointer (&signing);
  self->prints = g_steal_pointer (&prints);
  self->members = concord_store_list_members (store, NULL);
  return TRUE;
}

/* The rows are made again: focus inside them would be left on widgets
 * that are gone. The focus goes back to the row of the same signer when
 * there is one. */
static void
reload (ConcordSigningPane *self)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (had_focus)
    gtk_root_set_focus (root, NULL);
  if (self->context == NULL || self->case_id <= 0)
    {
      clear_data (self);
      show_all (self);
      return;
    }
  if (!load (self, self->case_id, &error))
    {
      g_warning ("Could not read the signing of case %" G_GINT64_FORMAT ": %s", self->case_id, error->message);
      clear_data (self);
      adw_status_page_set_title (self->empty_page, _("The Signing Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  adw_status_page_set_title (self->empty_page, _("No Agreement to Sign"));
  adw_status_page_set_description (self->empty_page,
                                   _("The agreement is signed once it has been drafted and approved."));
  show_all (self);
  /* The keyboard goes on to the next signer, or to printing once locked. */
  if (had_focus && self->state.shown)
    {
      if (self->next_sign_button != NULL)
        gtk_widget_grab_focus (self->next_sign_button);
      else if (self->state.locked)
        gtk_widget_grab_focus (self->print_signed_button);
      else
        gtk_widget_child_focus (GTK_WIDGET (self->signers_group), GTK_DIR_TAB_FORWARD);
    }
}

static gboolean
reload_idle_cb (gpointer data)
{
  ConcordSigningPane *self = data;

  self->reload_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
context_case_changed_cb (ConcordSigningPane *self,
                         gint64              id)
{
  if (self->case_id <= 0 || self->case_id != id || self->reload_idle != 0)
    return;
  self->reload_idle = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

/* Overrides */

static void
concord_signing_pane_dispose (GObject *object)
{
  ConcordSigningPane *self = CONCORD_SIGNING_PANE (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_SIGNING_PANE);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_signing_pane_parent_class)->dispose (object);
}

static void
concord_signing_pane_finalize (GObject *object)
{
  ConcordSigningPane *self = CONCORD_SIGNING_PANE (object);

  clear_data (self);
  g_clear_pointer (&self->paper_date, g_free);
  g_clear_pointer (&self->paper_checker, g_free);
  g_clear_pointer (&self->signer_rows, g_ptr_array_unref);
  g_clear_pointer (&self->print_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (concord_signing_pane_parent_class)->finalize (object);
}

static void
set_context (ConcordSigningPane *self,
             ConcordContext     *context)
{
  g_assert (self->context == NULL);

  if (context == NULL)
    return;
  self->context = g_object_ref (context);
  g_signal_connect_object (context, "case-changed", G_CALLBACK (context_case_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
concord_signing_pane_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ConcordSigningPane *self = CONCORD_SIGNING_PANE (object);

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
concord_signing_pane_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ConcordSigningPane *self = CONCORD_SIGNING_PANE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_signing_pane_class_init (ConcordSigningPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_signing_pane_dispose;
  object_class->finalize = concord_signing_pane_finalize;
  object_class->get_property = concord_signing_pane_get_property;
  object_class->set_property = concord_signing_pane_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CONCORD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-signing-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, status_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, status_icon);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, status_title);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, status_body);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, status_code);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, paper_only_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, paper_only_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, locked_actions);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, print_signed_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, save_pdf_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, signers_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, paper_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, print_ink_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, record_paper_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordSigningPane, prints_group);
  gtk_widget_class_bind_template_callback (widget_class, print_ink_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_signed_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_pdf_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_paper_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "signingpane");
}

static void
concord_signing_pane_init (ConcordSigningPane *self)
{
  self->signer_rows = g_ptr_array_new ();
  self->print_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public */

GtkWidget *
concord_signing_pane_new (ConcordContext *context)
{
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);

  return g_object_new (CONCORD_TYPE_SIGNING_PANE, "context", context, NULL);
}

void
concord_signing_pane_set_case (ConcordSigningPane *self,
                               gint64              case_id)
{
  g_return_if_fail (CONCORD_IS_SIGNING_PANE (self));
  g_return_if_fail (case_id >= 0);

  if (case_id != self->case_id)
    {
      g_clear_pointer (&self->paper_date, g_free);
      g_clear_pointer (&self->paper_checker, g_free);
    }
  self->case_id = case_id;
  reload (self);
}
