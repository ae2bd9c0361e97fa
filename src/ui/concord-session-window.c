/* concord-session-window.c
 *
 * The notes are never more than SAVE_DELAY_MS behind the keyboard: the
 * first change after a save arms one timeout, and further typing does not
 * push it back, so a steady typist is saved every SAVE_DELAY_MS too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-session-window"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-ui-util.h"
#include "concord-session-window.h"

#define SAVE_DELAY_MS 300

struct _ConcordSessionWindow
{
  AdwWindow        parent_instance;

  ConcordContext  *context;
  ConcordSession  *session;
  gint64           note_id;
  GDateTime       *started;
  gboolean         dirty;
  gboolean         ended;
  gboolean         may_close;
  guint            save_id;
  guint            timer_id;

  GtkLabel        *case_label;
  GtkLabel        *kind_label;
  GtkLabel        *party_label;
  GtkLabel        *timer_label;
  GtkLabel        *error_label;
  GtkTextView     *notes_view;
  GtkWidget       *end_button;
};

G_DEFINE_FINAL_TYPE (ConcordSessionWindow, concord_session_window, ADW_TYPE_WINDOW)

static void
update_timer (ConcordSessionWindow *self)
{
  g_autoptr(GDateTime) now = concord_clock_now ();
  GTimeSpan span = 0;
  gint64 seconds;
  char text[32];

  if (self->started != NULL)
    span = MAX (0, g_date_time_difference (now, self->started));
  seconds = span / G_TIME_SPAN_SECOND;
  g_snprintf (text, sizeof text, "%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
              seconds / 60, seconds % 60);
  gtk_label_set_text (self->timer_label, text);
}

static gboolean
timer_cb (gpointer data)
{
  update_timer (CONCORD_SESSION_WINDOW (data));
  return G_SOURCE_CONTINUE;
}

static void
show_save_error (ConcordSessionWindow *self,
                 const GError         *error)
{
  g_autofree char *text = NULL;

  if (error == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      return;
    }
  /* Translators: shown over the notes of a session when writing them to
   * the database failed; %s is the reason. The text stays in the window. */
  text = g_strdup_printf (_("The notes could not be saved: %s. They are kept here and saved again as you type."),
                          error->message);
  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

gboolean
concord_session_window_save (ConcordSessionWindow *self,
                             GError              **error)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CONCORD_IS_SESSION_WINDOW (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!self->dirty || self->note_id <= 0)
    return TRUE;

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!concord_store_set_note_text (concord_context_get_store (self->context),
                                    self->note_id, text, &local_error))
    {
      show_save_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->dirty = FALSE;
  show_save_error (self, NULL);
  return TRUE;
}

static gboolean
save_cb (gpointer data)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (data);

  self->save_id = 0;
  concord_session_window_save (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
notes_changed_cb (GtkTextBuffer        *buffer,
                  ConcordSessionWindow *self)
{
  self->dirty = TRUE;
  if (self->save_id == 0)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Hides the window now and destroys it once the dialog that asked (and
 * whose transient parent it is) has gone. */
static void
close_later (ConcordSessionWindow *self)
{
  self->may_close = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

gboolean
concord_session_window_end (ConcordSessionWindow *self,
                            const char           *outcome,
                            GError              **error)
{
  g_return_val_if_fail (CONCORD_IS_SESSION_WINDOW (self), FALSE);
  g_return_val_if_fail (!self->ended, FALSE);

  if (!concord_session_window_save (self, error))
    return FALSE;
  if (!concord_store_end_session (concord_context_get_store (self->context),
                                  self->session->id,
                                  concord_text_is_blank (outcome) ? NULL : outcome,
                                  concord_context_get_username (self->context),
                                  error))
    return FALSE;
  self->ended = TRUE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  close_later (self);
  return TRUE;
}

static void
end_response_cb (AdwMessageDialog     *dialog,
                 const char           *response,
                 ConcordSessionWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "outcome-entry");
  g_autofree char *outcome = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "end") != 0 || self->ended)
    return;
  outcome = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (!concord_session_window_end (self, outcome, &error))
    concord_ui_show_message (GTK_WINDOW (self), _("Could Not End the Session"), error->message);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->ended)
    return;
  concord_session_window_save (self, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("End the Session?"),
                                                       _("The notes are saved. Record how the session ended.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: response of the dialog that ends a session */
                                    "end", _("_End Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "end", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "end");
  adw_message_dialog_set_close_response (dialog, "cancel");

  entry = gtk_entry_new ();
  /* Translators: placeholder of the outcome of a session, e.g. "双方同意继续协商" */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Outcome, e.g. both sides agree to meet again"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outcome"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "outcome-entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (end_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
close_response_cb (AdwMessageDialog     *dialog,
                   const char           *response,
                   ConcordSessionWindow *self)
{
  if (g_strcmp0 (response, "leave") == 0)
    close_later (self);
  else if (g_strcmp0 (response, "end") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "session.end", NULL);
}

static gboolean
concord_session_window_close_request (GtkWindow *window)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (window);
  AdwMessageDialog *dialog;

  concord_session_window_save (self, NULL);
  if (self->ended || self->may_close)
    return GTK_WINDOW_CLASS (concord_session_window_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Close Without Ending the Session?"),
                                                       _("The notes are saved. The session keeps running until it is ended.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "leave", _("_Keep Running and Close"),
                                    "end", _("_End Session…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "end", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
concord_session_window_dispose (GObject *object)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (object);
  g_autoptr(GError) error = NULL;

  if (self->dirty && self->context != NULL && !concord_session_window_save (self, &error))
    g_warning ("Could not save the notes of session %" G_GINT64_FORMAT ": %s",
               self->session != NULL ? self->session->id : 0, error->message);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORD_TYPE_SESSION_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_session_window_parent_class)->dispose (object);
}

static void
concord_session_window_finalize (GObject *object)
{
  ConcordSessionWindow *self = CONCORD_SESSION_WINDOW (object);

  g_clear_pointer (&self->session, concord_session_unref);
  g_clear_pointer (&self->started, g_date_time_unref);

  G_OBJECT_CLASS (concord_session_window_parent_class)->finalize (object);
}

static void
concord_session_window_class_init (ConcordSessionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = concord_session_window_dispose;
  object_class->finalize = concord_session_window_finalize;
  window_class->close_request = concord_session_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/concord/Concord/ui/concord-session-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, case_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, party_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, timer_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ConcordSessionWindow, end_button);

  gtk_widget_class_install_action (widget_class, "session.end", NULL, end_action);
}

static void
concord_session_window_init (ConcordSessionWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ConcordSessionWindow *
concord_session_window_start (GtkApplication     *application,
                              ConcordContext     *context,
                              const ConcordCase  *c,
                              ConcordSessionKind  kind,
                              const char         *room,
                              gint64              party_id,
                              GError            **error)
{
  ConcordStore *store;
  const char *username;
  ConcordSessionWindow *self;
  g_autoptr(ConcordSession) session = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *kind_text = NULL;
  gint64 note_id;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CONCORD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (c != NULL && c->id > 0, NULL);
  g_return_val_if_fail (kind == CONCORD_SESSION_FACE_TO_FACE || party_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = concord_context_get_store (context);
  username = concord_context_get_username (context);

  session = concord_session_new ();
  session->case_id = c->id;
  session->kind = kind;
  session->room = concord_text_is_blank (room) ? NULL : g_strstrip (g_strdup (room));
  for (guint i = 0; i < c->parties->len; i++)
    {
      const ConcordParty *p = g_ptr_array_index (c->parties, i);
      ConcordAttendee *a;

      if (kind == CONCORD_SESSION_BACK_TO_BACK && p->id != party_id)
        continue;
      a = concord_attendee_new ();
      a->party_id = p->id;
      a->name = g_strdup (p->name);
      a->role = g_strdup (concord_party_role_label (p->role));
      g_ptr_array_add (session->attendees, a);
      if (names->len > 0)
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, p->name);
    }

  if (concord_store_start_session (store, session, username, error) == 0)
    return NULL;
  note_id = concord_store_add_note (store, session->id,
                                    kind == CONCORD_SESSION_BACK_TO_BACK ? party_id : 0,
                                    "", username, error);
  if (note_id == 0)
    return NULL;

  self = g_object_new (CONCORD_TYPE_SESSION_WINDOW,
                       "application", application,
                       NULL);
  self->context = g_object_ref (context);
  self->note_id = note_id;
  self->started = session->started_at != NULL ? concord_clock_parse_iso (session->started_at) : NULL;
  if (self->started == NULL)
    self->started = concord_clock_now ();
  self->session = g_steal_pointer (&session);

  gtk_label_set_text (self->case_label,
                      !concord_text_is_blank (c->case_no) ? c->case_no : _("Unnumbered"));
  if (self->session->room != NULL)
    /* Translators: the kind of a session and its room, e.g. "背靠背 · 第二调解室" */
    kind_text = g_strdup_printf (_("%s · %s"), concord_session_kind_label (kind), self->session->room);
  else
    kind_text = g_strdup (concord_session_kind_label (kind));
  gtk_label_set_text (self->kind_label, kind_text);
  {
    /* Translators: who is in the room during a session; %s are names */
    g_autofree char *in_room = g_strdup_printf (_("In the room: %s"), names->str);

    gtk_label_set_text (self->party_label, in_room);
  }
  {
    /* Translators: title of a session window; %s is the case number */
    g_autofree char *title = g_strdup_printf (_("Session — %s"), gtk_label_get_text (self->case_label));

    gtk_window_set_title (GTK_WINDOW (self), title);
  }

  update_timer (self);
  self->timer_id = g_timeout_add_seconds (1, timer_cb, self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
  return self;
}

gint64
concord_session_window_get_session_id (ConcordSessionWindow *self)
{
  g_return_val_if_fail (CONCORD_IS_SESSION_WINDOW (self), 0);
  return self->session != NULL ? self->session->id : 0;
}

gint64
concord_session_window_get_note_id (ConcordSessionWindow *self)
{
  g_return_val_if_fail (CONCORD_IS_SESSION_WINDOW (self), 0);
  return self->note_id;
}

GtkTextBuffer *
concord_session_window_get_buffer (ConcordSessionWindow *self)
{
  g_return_val_if_fail (CONCORD_IS_SESSION_WINDOW (self), NULL);
  return gtk_text_view_get_buffer (self->notes_view);
}
