/* concord-cli-statutes.c — "concord-cli statutes …": the statute library
 *
 *   statutes import FILE…           parse and import each file in turn
 *   statutes search TEXT [--limit N] id, law, label, text (tab-separated)
 *   statutes show ID                one article in full
 *   statutes laws                   law, version date, number of articles
 *
 * A file that is not in the layout stops the import with "FILE:LINE:
 * message" on stderr and exit status 1; nothing of it is imported, the
 * files before it stay imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "concord-cli-private.h"

#define DEFAULT_LIMIT   20
#define TEXT_CHARS      60

/* The parser's message without its "Line N: " (the line comes first). */
static const char *
reason_of (const char *message,
           guint       line,
           char      **prefix)
{
  /* The same format the parser uses, with nothing after it. */
  *prefix = g_strdup_printf (_("Line %u: %s"), line, "");
  if (g_str_has_prefix (message, *prefix))
    return message + strlen (*prefix);
  return message;
}

static int
import_files (Cli   *cli,
              int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc < 1)
    return usage_error ("%s", _("Give the statute files to import (Markdown, one law per file)"));
  if (!open_store (cli, &error))
    return failure ("%s", error->message);

  for (int i = 0; i < argc; i++)
    {
      g_autofree char *shown = g_filename_display_name (argv[i]);
      g_autoptr(ConcordStatuteFile) file = NULL;
      guint line = 0;
      guint n = 0;

      file = concord_statute_parse_file (argv[i], &line, &error);
      if (file == NULL)
        {
          g_autofree char *prefix = NULL;

          if (line > 0)
            fprintf (stderr, "%s:%u: %s\n", shown, line, reason_of (error->message, line, &prefix));
          else
            fprintf (stderr, "%s: %s\n", shown, error->message);
          return EXIT_FAILED;
        }
      if (!concord_store_import_statutes (cli->store, file, actor (cli), &n, &error))
        {
          fprintf (stderr, "%s: %s\n", shown, error->message);
          return EXIT_FAILED;
        }
      if (file->part != NULL)
        /* Translators: "FILE: 95 articles of 中华人民共和国民法典 侵权责任编 (2020-05-28)" */
        printf (ngettext ("%s: %u article of %s %s (%s)\n",
                          "%s: %u articles of %s %s (%s)\n", n),
                shown, n, file->law, file->part, file->version_date);
      else
        /* Translators: "FILE: 35 articles of 中华人民共和国人民调解法 (2010-08-28)" */
        printf (ngettext ("%s: %u article of %s (%s)\n",
                          "%s: %u articles of %s (%s)\n", n),
                shown, n, file->law, file->version_date);
    }
  return EXIT_SUCCESS;
}

static int
search_statutes (Cli   *cli,
                 int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  guint limit = DEFAULT_LIMIT;
  int status;

  for (int i = 0; i < argc; i++)
    {
      const char *value = NULL;
      int taken = take_option (argc, argv, &i, "--limit", &value);

      if (taken < 0)
        return usage_error (_("The option %s needs a value"), "--limit");
      if (taken > 0)
        {
          if (!parse_positive (value, &limit))
            return usage_error (_("The limit must be a positive integer, not “%s”"), value);
          continue;
        }
      if (argv[i][0] == '-' && argv[i][1] == '-')
        return usage_error (_("Unknown option “%s”"), argv[i]);
      {
        g_autofree char *word = argument_to_utf8 (argv[i]);

        if (word == NULL)
          {
            const char *charset = NULL;

            g_get_charset (&charset);
            return usage_error (_("The search text is not valid in the terminal’s character set (%s)"),
                                charset);
          }
        if (query->len > 0)
          g_string_append_c (query, ' ');
        g_string_append (query, word);
      }
    }
  if (*g_strstrip (query->str) == '\0')
    return usage_error ("%s", _("What to search for is missing"));

  status = open_existing_store (cli);
  if (status != EXIT_SUCCESS)
    return status;
  found = concord_store_search_statutes (cli->store, query->str, limit, &error);
  if (found == NULL)
    return failure (_("Cannot search the statutes: %s"), error->message);

  for (guint i = 0; i < found->len; i++)
    {
      ConcordStatute *statute = g_ptr_array_index (found, i);
      g_autofree char *law = concord_statute_short_law (statute->law);
      g_autofree char *law_field = field_text (law, 0);
      g_autofree char *text = field_text (statute->text, TEXT_CHARS);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", statute->id, law_field, statute->label, text);
    }
  return EXIT_SUCCESS;
}

static void
print_line (const char *label,
            const char *value)
{
  if (value != NULL)
    printf ("%s %s\n", label, value);
}

static int
show_statute (Cli   *cli,
              int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordStatute) statute = NULL;
  g_autofree char *citation = NULL;
  guint id = 0;
  int status;

  if (argc < 1)
    return usage_error ("%s", _("Give the number of the article in the library (from “statutes search”)"));
  if (argc > 1)
    return usage_error (_("Unexpected argument “%s”"), argv[1]);
  if (!parse_positive (argv[0], &id))
    return usage_error (_("“%s” is not the number of an article in the library"), argv[0]);

  status = open_existing_store (cli);
  if (status != EXIT_SUCCESS)
    return status;
  statute = concord_store_load_statute (cli->store, id, &error);
  if (statute == NULL)
    return failure ("%s", error->message);

  citation = concord_statute_citation (statute);
  printf ("%s\n", citation);
  /* Translators: labels of "concord-cli statutes show"; keep the colon */
  print_line (_("Version:"), statute->version_date);
  print_line (_("Book:"), statute->part);
  print_line (_("Chapter:"), statute->chapter);
  print_line (_("Section:"), statute->section);
  print_line (_("Tags:"), statute->tags);
  printf ("\n%s %s\n", statute->label, statute->text);
  return EXIT_SUCCESS;
}

static int
list_laws (Cli   *cli,
           int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) laws = NULL;
  int status;

  if (argc > 0)
    return usage_error (_("Unexpected argument “%s”"), argv[0]);
  status = open_existing_store (cli);
  if (status != EXIT_SUCCESS)
    return status;
  laws = concord_store_list_statute_laws (cli->store, &error);
  if (laws == NULL)
    return failure (_("Cannot read the statutes: %s"), error->message);
  for (guint i = 0; i < laws->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (laws, i));
  return EXIT_SUCCESS;
}

int
cmd_statutes (Cli   *cli,
              int    argc,
              char **argv)
{
  if (argc < 1)
    return usage_error ("%s", _("Say what to do with the statutes: import, search, show or laws"));
  if (g_str_equal (argv[0], "import"))
    return import_files (cli, argc - 1, argv + 1);
  if (g_str_equal (argv[0], "search"))
    return search_statutes (cli, argc - 1, argv + 1);
  if (g_str_equal (argv[0], "show"))
    return show_statute (cli, argc - 1, argv + 1);
  if (g_str_equal (argv[0], "laws"))
    return list_laws (cli, argc - 1, argv + 1);
  return usage_error (_("Unknown statutes command “%s”: use import, search, show or laws"), argv[0]);
}
