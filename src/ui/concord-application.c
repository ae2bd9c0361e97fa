/* concord-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-application"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "concord-intake-dialog.h"
#include "concord-preferences-window.h"
#include "concord-session-window.h"
#include "concord-window.h"
#include "concord-application.h"

struct _ConcordApplication
{
  AdwApplication  parent_instance;

  char           *db_path;        /* from --db, or NULL */
  ConcordContext *context;
  GError         *open_error;
  char           *open_location;
  gint64          start_time;
  gulong          bench_paint_id;
};

G_DEFINE_FINAL_TYPE (ConcordApplication, concord_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH instead of the default one"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

static ConcordWindow *
get_main_window (ConcordApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CONCORD_IS_WINDOW (l->data))
      return CONCORD_WINDOW (l->data);
  return NULL;
}

static void
open_database (ConcordApplication *self)
{
  g_autoptr(ConcordStore) store = NULL;
  g_autofree char *location = NULL;

  if (self->db_path != NULL)
    location = g_canonicalize_filename (self->db_path, NULL);
  else
    location = concord_store_default_path ();

  store = concord_store_open (location, &self->open_error);
  if (store == NULL)
    {
      g_warning ("Could not open the database %s: %s", location, self->open_error->message);
      self->open_location = g_steal_pointer (&location);
      return;
    }
  self->context = concord_context_new (store, NULL);
}

/* The dialog says what is wrong and what the person can do about it. */
static void
show_open_error (ConcordApplication *self)
{
  const GError *error = self->open_error;
  const char *path = self->open_location;
  g_autofree char *body = NULL;
  const char *heading;
  GtkWidget *dialog;

  if (g_error_matches (error, CONCORD_ERROR, CONCORD_ERROR_DB_TOO_NEW))
    {
      heading = _("Database From a Newer Version");
      /* Translators: %s is the path of the database file */
      body = g_strdup_printf (_("This database was written by a newer version of Concord. "
                                "Install the newer version to open it; the file has not been changed.\n\n%s"),
                              path);
    }
  else if (g_error_matches (error, CONCORD_ERROR, CONCORD_ERROR_DB_CORRUPT))
    {
      heading = _("Not a Concord Database");
      /* Translators: %s is the path of the database file */
      body = g_strdup_printf (_("The file “%s” is not a Concord database or is damaged. "
                                "Restore it from a backup, or start Concord with another database (--db). "
                                "The file has not been changed."),
                              path);
    }
  else if (g_error_matches (error, CONCORD_ERROR, CONCORD_ERROR_DB_CANNOT_OPEN))
    {
      heading = _("Cannot Open the Database");
      /* Translators: the first %s is the path of the database file, the second the system's reason */
      body = g_strdup_printf (_("Concord cannot open “%s”. "
                                "Check that you may read and write it and the folder it is in, "
                                "then start Concord again.\n\n%s"),
                              path, error->message);
    }
  else if (g_error_matches (error, CONCORD_ERROR, CONCORD_ERROR_DB_BUSY))
    {
      heading = _("The Database Is in Use");
      /* Translators: %s is the path of the database file */
      body = g_strdup_printf (_("Another program keeps “%s” busy. "
                                "Close it, or wait a moment, and start Concord again."),
                              path);
    }
  else
    {
      heading = _("Cannot Open the Database");
      /* Translators: the first %s is the path of the database file, the second the reason */
      body = g_strdup_printf (_("Concord could not open “%s”: %s"), path, error->message);
    }

  dialog = adw_message_dialog_new (NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  /* Belonging to the application keeps it running until the dialog closes. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bench_after_paint_cb (GdkFrameClock      *clock,
                      ConcordApplication *self)
{
  gint64 elapsed = g_get_monotonic_time () - self->start_time;

  g_clear_signal_handler (&self->bench_paint_id, clock);
  g_print ("window-mapped-ms: %" G_GINT64_FORMAT "\n", elapsed / 1000);
  fflush (stdout);
  g_application_quit (G_APPLICATION (self));
}

/* The list is filled when the window is built, so the first frame drawn
 * after mapping shows its first page. */
static void
bench_map_cb (GtkWidget          *window,
              ConcordApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (self->bench_paint_id != 0 || clock == NULL)
    return;
  self->bench_paint_id = g_signal_connect_object (clock, "after-paint",
                                                  G_CALLBACK (bench_after_paint_cb), self, 0);
}

/* Actions */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ConcordApplication *self = user_data;

  /* A case being typed is not lost: its dialog asks whether to discard it,
   * and the application stays while the question shows. */
  if (!concord_intake_dialog_close_all (NULL))
    return;

  /* Closing the windows lets each of them save what it needs to; one that
   * refuses keeps the application running. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  if (gtk_application_get_windows (GTK_APPLICATION (self)) != NULL)
    return;
  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ConcordApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Concord developers"), NULL };

  adw_show_about_window (parent,
                         "application-name", _("Concord"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Concord developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Guides a mediation room through a dispute, from the moment it is received to the follow-up visit after the agreement."),
                         "developers", developers,
                         /* Translators: the copyright line of the About window */
                         "copyright", _("© 2026 The Concord developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_destroyed_cb (GtkWidget          *preferences,
                          ConcordApplication *self)
{
  ConcordWindow *window = get_main_window (self);

  /* Categories may have been added or switched off. */
  if (window != NULL)
    concord_window_reload (window);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  ConcordApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences;

  if (self->context == NULL)
    return;

  preferences = concord_preferences_window_new (self->context, parent);
  g_signal_connect_object (preferences, "destroy", G_CALLBACK (preferences_destroyed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_activated, NULL, NULL, NULL, { 0 } },
};

/* The test hook of tests/test-note-kill.c: with CONCORD_TEST_SESSION=<case
 * id> and CONCORD_TEST_TYPE=<text>, a session is started for that case as
 * soon as the main window is up, and the text is typed into its notes, one
 * character every 20 ms, with "typed N" on stdout after each. */

typedef struct
{
  ConcordSessionWindow *window;  /* weak */
  char                 *text;
  const char           *next;
  guint                 typed;
} TestTyping;

static void
test_typing_free (gpointer data)
{
  TestTyping *typing = data;

  g_clear_weak_pointer (&typing->window);
  g_free (typing->text);
  g_free (typing);
}

static gboolean
test_type_cb (gpointer data)
{
  TestTyping *typing = data;
  const char *after;

  if (typing->window == NULL || *typing->next == '\0')
    return G_SOURCE_REMOVE;
  after = g_utf8_next_char (typing->next);
  gtk_text_buffer_insert_at_cursor (concord_session_window_get_buffer (typing->window),
                                    typing->next, (int) (after - typing->next));
  typing->next = after;
  typing->typed++;
  printf ("typed %u\n", typing->typed);
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

static gboolean
test_session_cb (gpointer data)
{
  ConcordApplication *self = CONCORD_APPLICATION (data);
  ConcordStore *store = concord_context_get_store (self->context);
  const char *text = g_getenv ("CONCORD_TEST_TYPE");
  gint64 case_id = g_ascii_strtoll (g_getenv ("CONCORD_TEST_SESSION"), NULL, 10);
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GError) error = NULL;
  ConcordSessionWindow *window;
  ConcordSessionKind kind;
  TestTyping *typing;

  c = concord_store_load_case (store, case_id, &error);
  if (c == NULL || c->parties->len == 0)
    {
      g_printerr ("CONCORD_TEST_SESSION: no case %" G_GINT64_FORMAT " with parties: %s\n",
                  case_id, error != NULL ? error->message : "");
      return G_SOURCE_REMOVE;
    }
  kind = c->stage == CONCORD_STAGE_FACE_TO_FACE ? CONCORD_SESSION_FACE_TO_FACE : CONCORD_SESSION_BACK_TO_BACK;
  window = concord_session_window_start (GTK_APPLICATION (self), self->context, c, kind, NULL,
                                         ((ConcordParty *) g_ptr_array_index (c->parties, 0))->id,
                                         &error);
  if (window == NULL)
    {
      g_printerr ("CONCORD_TEST_SESSION: %s\n", error->message);
      return G_SOURCE_REMOVE;
    }
  gtk_window_present (GTK_WINDOW (window));
  printf ("session %" G_GINT64_FORMAT " note %" G_GINT64_FORMAT "\n",
          concord_session_window_get_session_id (window),
          concord_session_window_get_note_id (window));
  fflush (stdout);

  typing = g_new0 (TestTyping, 1);
  g_set_weak_pointer (&typing->window, window);
  typing->text = g_strdup (text != NULL ? text : "");
  typing->next = typing->text;
  g_timeout_add_full (G_PRIORITY_DEFAULT, 20, test_type_cb, typing, test_typing_free);
  return G_SOURCE_REMOVE;
}

/* Overrides */

static int
concord_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  ConcordApplication *self = CONCORD_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("concord %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* Only the first instance opens a database; a second start presents its
   * window, whatever --db says. */
  if (g_variant_dict_lookup (options, "db", "^&ay", &path) && path != NULL && *path != '\0')
    {
      g_free (self->db_path);
      self->db_path = g_strdup (path);
    }

  return -1;
}

static void
concord_application_startup (GApplication *app)
{
  ConcordApplication *self = CONCORD_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (concord_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  open_database (self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "preferences")),
                               self->context != NULL);
}

static void
concord_application_activate (GApplication *app)
{
  ConcordApplication *self = CONCORD_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->context == NULL)
    {
      show_open_error (self);
      return;
    }

  window = GTK_WINDOW (concord_window_new (GTK_APPLICATION (self), self->context));
  if (g_strcmp0 (g_getenv ("CONCORD_BENCH_EXIT_AFTER_MAP"), "1") == 0)
    g_signal_connect_object (window, "map", G_CALLBACK (bench_map_cb), self, G_CONNECT_AFTER);
  gtk_window_present (window);
  if (g_getenv ("CONCORD_TEST_SESSION") != NULL)
    g_idle_add_full (G_PRIORITY_LOW, test_session_cb, g_object_ref (self), g_object_unref);
}

static void
concord_application_finalize (GObject *object)
{
  ConcordApplication *self = CONCORD_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->open_location, g_free);
  g_clear_error (&self->open_error);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (concord_application_parent_class)->finalize (object);
}

static void
concord_application_class_init (ConcordApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = concord_application_finalize;
  app_class->handle_local_options = concord_application_handle_local_options;
  app_class->startup = concord_application_startup;
  app_class->activate = concord_application_activate;
}

static void
concord_application_init (ConcordApplication *self)
{
  self->start_time = g_get_monotonic_time ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Concord guides a mediation room through its disputes."));
}

ConcordApplication *
concord_application_new (void)
{
  return g_object_new (CONCORD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", g_getenv ("CONCORD_TEST_SESSION") != NULL
                                ? G_APPLICATION_NON_UNIQUE : G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/concord/Concord",
                       NULL);
}

ConcordContext *
concord_application_get_context (ConcordApplication *self)
{
  g_return_val_if_fail (CONCORD_IS_APPLICATION (self), NULL);
  return self->context;
}

void
concord_application_set_start_time (ConcordApplication *self,
                                    gint64              monotonic_us)
{
  g_return_if_fail (CONCORD_IS_APPLICATION (self));
  self->start_time = monotonic_us;
}
