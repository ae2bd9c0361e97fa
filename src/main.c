/* main.c — the Concord application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "concord-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ConcordApplication) app = NULL;
  /* The benchmark measures from here (CONCORD_BENCH_EXIT_AFTER_MAP). */
  gint64 start = g_get_monotonic_time ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, concord_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Concord"));

  app = concord_application_new ();
  concord_application_set_start_time (app, start);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
