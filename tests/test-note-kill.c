/* test-note-kill.c — notes survive SIGKILL: the real application types into
 * the notes of a session (its CONCORD_TEST_SESSION hook), is killed while
 * typing, and the database must hold all but the last second of the text.
 * Runs under Xvfb (suite "ui"); skipped (77) without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <unistd.h>
#include <gio/gio.h>

#include "test-fixtures.h"

#define ACTOR "王调解员"
#define KILL_AFTER 60        /* characters typed before the kill */
#define MS_PER_CHAR 20
#define MAX_LOSS (1000 / MS_PER_CHAR)  /* one second of typing */

static const char typed_text[] =
  "张某称：火灾当天楼下冒烟，家中墙面和家具被熏黑，要求吴某赔偿十三万元。"
  "吴某称：承认用电不慎，但只是大学生，无力一次赔偿，希望分期。"
  "李某称：房屋需要重新装修，要求吴某承担修复费用，可以接受分期。"
  "Mediator: explained Article 1165 of the Civil Code to each side.";

static void
test_kill (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = fixture_fire_case ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *case_id = NULL;
  const char *app_path = g_getenv ("CONCORD_APP");
  const ConcordNote *note;
  glong typed = 0, stored, total = g_utf8_strlen (typed_text, -1);

  g_assert_nonnull (app_path);
  fixture_set_up (&f, NULL);
  g_assert_true (concord_store_save_case (f.store, c, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_decide_case (f.store, c->id, TRUE, NULL, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_move_stage (f.store, c->id, CONCORD_STAGE_BACK_TO_BACK, NULL, ACTOR, &error));
  g_assert_no_error (error);
  g_clear_object (&f.store);

  case_id = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "CONCORD_TEST_SESSION", case_id, TRUE);
  g_subprocess_launcher_setenv (launcher, "CONCORD_TEST_TYPE", typed_text, TRUE);
  app = g_subprocess_launcher_spawn (launcher, &error, app_path, "--db", f.path, NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (app));
  while (typed < KILL_AFTER)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("The application ended before typing %d characters (typed %ld)", KILL_AFTER, typed);
      if (g_str_has_prefix (line, "typed "))
        typed = g_ascii_strtoll (line + 6, NULL, 10);
    }
  g_assert_cmpint (typed, <, total);  /* still typing when killed */

  g_subprocess_send_signal (app, SIGKILL);
  g_assert_true (g_subprocess_wait (app, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (app));
  g_assert_cmpint (g_subprocess_get_term_sig (app), ==, SIGKILL);

  f.store = concord_store_open (f.path, &error);
  g_assert_no_error (error);
  notes = concord_store_list_notes (f.store, c->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_true (note->confidential);
  stored = note->text != NULL ? g_utf8_strlen (note->text, -1) : 0;
  g_test_message ("typed at least %ld characters, %ld on disk after SIGKILL: "
                  "at most %ld lost (%ld ms of typing)",
                  typed, stored, MAX (0, typed - stored), MAX (0, typed - stored) * MS_PER_CHAR);
  g_print ("# kill test: typed >= %ld, stored %ld, lost <= %ld characters (%ld ms)\n",
           typed, stored, MAX (0, typed - stored), MAX (0, typed - stored) * MS_PER_CHAR);
  g_assert_true (g_str_has_prefix (typed_text, note->text != NULL ? note->text : ""));
  g_assert_cmpint (stored, >=, typed - MAX_LOSS);

  fixture_tear_down (&f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipped.\n");
      return 77;
    }
  alarm (120);  /* a hung application must not hang the suite */
  g_test_add_func ("/note-kill/sigkill-while-typing", test_kill);
  return g_test_run ();
}
