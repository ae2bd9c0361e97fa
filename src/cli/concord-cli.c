/* concord-cli.c — the command-line companion on the same core
 *
 * Exit status: 0 success, 1 a failure (the database cannot be opened, no
 * such case…), 2 a usage error (unknown command, missing or bad value).
 *
 * Output is written as UTF-8 whatever the locale, so scripts can read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "concord-core.h"
#include "concord-cli-private.h"

typedef int (*CommandFunc) (Cli *cli, int argc, char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  run;
  const char  *synopsis;   /* untranslated arguments */
  const char  *summary;    /* N_() */
} Command;

static int cmd_init (Cli *cli, int argc, char **argv);
static int cmd_demo (Cli *cli, int argc, char **argv);
static int cmd_generate (Cli *cli, int argc, char **argv);
static int cmd_list (Cli *cli, int argc, char **argv);
static int cmd_search (Cli *cli, int argc, char **argv);
static int cmd_show (Cli *cli, int argc, char **argv);
static int cmd_amount (Cli *cli, int argc, char **argv);

static const Command commands[] = {
  { "init", cmd_init, "",
    N_("Create or upgrade the database and print its path and schema version") },
  { "demo", cmd_demo, "",
    N_("Load the demonstration cases") },
  { "generate", cmd_generate, "--cases N [--seed S]",
    N_("Add N synthetic cases (for benchmarks)") },
  { "list", cmd_list, "[--stage CODE] [--category CODE] [--limit N]",
    N_("List cases, newest first") },
  { "search", cmd_search, "TEXT [--stage CODE] [--category CODE] [--limit N]",
    N_("Find cases by name, case number, phone, ID number or facts") },
  { "show", cmd_show, "CASE_NO",
    N_("Show all particulars of a case") },
  { "amount", cmd_amount, "AMOUNT",
    N_("Write an amount of yuan in figures and in Chinese capital numerals") },
  { "pdf", cmd_pdf, "CASE_NO -o FILE [--version N] [--blank]",
    N_("Write the case’s agreement as a PDF (--blank: without on-screen signatures)") },
  { "sign", cmd_sign, "CASE_NO --paper --checked-by NAME [--date YYYY-MM-DD]",
    N_("Record that the printed agreement was signed in ink by everyone") },
  { "verify", cmd_verify, "FILE.pdf",
    N_("Tell whether a PDF is a genuine signed agreement of this database") },
  { "statutes", cmd_statutes, "import FILE… | search TEXT [--limit N] | show ID | laws",
    N_("Import, search and show statute articles") },
};

/* Helpers */

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: concord-cli [--db PATH] COMMAND [ARGUMENTS]"));
  fprintf (out, "\n%s\n", _("Manage the mediation cases of a Concord database."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s %s", commands[i].name, commands[i].synopsis);

      fprintf (out, "  %s\n      %s\n", g_strstrip (line), _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  %-20s %s\n", "--db PATH",
           _("The database file (default: $CONCORD_DB, else the user's data directory)"));
  fprintf (out, "  %-20s %s\n", "-h, --help", _("Show this help"));
  fprintf (out, "  %-20s %s\n", "--version", _("Show the version"));
}

int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "concord-cli: %s\n", message);
  fprintf (stderr, "%s\n", _("Try “concord-cli --help” for more information."));
  return EXIT_USAGE;
}

int
failure (const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "concord-cli: %s\n", message);
  return EXIT_FAILED;
}

/* Parses a positive integer (1…G_MAXUINT32) without sign or junk. */
gboolean
parse_positive (const char *text,
                guint      *out)
{
  guint64 value = 0;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p < '0' || *p > '9')
        return FALSE;
      value = value * 10 + (guint64) (*p - '0');
      if (value > G_MAXUINT32)
        return FALSE;
    }
  if (value == 0)
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

/* Matches "--name VALUE" or "--name=VALUE" at argv[*i]; advances *i past
 * the value. Returns -1 when the option matches but its value is missing. */
int
take_option (int          argc,
             char       **argv,
             int         *i,
             const char  *name,
             const char **value)
{
  const char *arg = argv[*i];
  gsize len = strlen (name);

  if (strncmp (arg, name, len) != 0)
    return 0;
  if (arg[len] == '=')
    {
      *value = arg + len + 1;
      return 1;
    }
  if (arg[len] != '\0')
    return 0;
  if (*i + 1 >= argc)
    return -1;
  *i += 1;
  *value = argv[*i];
  return 1;
}

gboolean
open_store (Cli     *cli,
            GError **error)
{
  if (cli->store != NULL)
    return TRUE;
  cli->store = concord_store_open (cli->db_path, error);
  if (cli->store == NULL)
    return FALSE;
  cli->context = concord_context_new (cli->store, NULL);
  return TRUE;
}

/* The commands that only read do not create a database: a mistyped path
 * would otherwise leave an empty one behind and list nothing. */
int
open_existing_store (Cli *cli)
{
  g_autoptr(GError) error = NULL;

  if (cli->store == NULL && !g_file_test (cli->db_path, G_FILE_TEST_EXISTS))
    return failure (_("No database at %s. Create one with “concord-cli init” or “concord-cli demo”."),
                    cli->db_path);
  if (!open_store (cli, &error))
    return failure ("%s", error->message);
  return EXIT_SUCCESS;
}

/* Command-line arguments come in the terminal's character set (GBK on
 * many Chinese desktops); the core works in UTF-8. */
char *
argument_to_utf8 (const char *argument)
{
  return g_locale_to_utf8 (argument, -1, NULL, NULL, NULL);
}

static int
open_failure (Cli    *cli,
              GError *error)
{
  /* The store's messages name the file and say whether it was changed. */
  return failure ("%s", error->message);
}

const char *
actor (Cli *cli)
{
  return concord_context_get_username (cli->context);
}

/* Text for one tab-separated field: tabs and line breaks become spaces. */
char *
field_text (const char *text,
            glong       max_chars)
{
  g_autofree char *flat = NULL;
  glong length;

  if (text == NULL)
    return g_strdup ("");
  flat = g_strdup (text);
  for (char *p = flat; *p != '\0'; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  length = g_utf8_strlen (flat, -1);
  if (max_chars > 0 && length > max_chars)
    {
      g_autofree char *head = g_utf8_substring (flat, 0, max_chars);

      return g_strconcat (head, "…", NULL);
    }
  return g_steal_pointer (&flat);
}

char *
local_time (const char *utc_iso)
{
  if (utc_iso == NULL)
    return g_strdup ("");
  return concord_format_local_datetime (utc_iso, NULL);
}

/* Commands */

static int
cmd_amount (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *capital = NULL;
  gint64 fen;

  if (argc < 1)
    return usage_error (_("Give the amount, e.g. “%s”"), "100005.07");
  if (argc > 1)
    return usage_error (_("Unexpected argument “%s”"), argv[1]);
  text = argument_to_utf8 (argv[0]);
  if (text == NULL)
    return usage_error (_("The amount is not in the terminal’s character set"));
  if (!concord_money_parse (text, &fen, &error))
    return usage_error ("%s", error->message);
  if (fen == 0)
    return usage_error (_("The amount must be at least 0.01 yuan."));

  figures = concord_money_format (fen);
  capital = concord_money_capital (fen);
  printf ("%s\n人民币%s\n", figures, capital);
  return EXIT_SUCCESS;
}

static int
cmd_init (Cli   *cli,
          int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc > 0)
    return usage_error (_("Unexpected argument “%s”"), argv[0]);
  if (!open_store (cli, &error))
    return open_failure (cli, error);

  printf (_("Database: %s\n"), concord_store_get_location (cli->store));
  printf (_("Schema version: %d\n"), concord_store_get_schema_version (cli->store));
  return EXIT_SUCCESS;
}

static int
cmd_demo (Cli   *cli,
          int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  guint added = 0;

  if (argc > 0)
    return usage_error (_("Unexpected argument “%s”"), argv[0]);
  if (!open_store (cli, &error))
    return open_failure (cli, error);

  if (!concord_demo_load (cli->store, actor (cli), &added, &error))
    return failure (_("Cannot load the demonstration cases: %s"), error->message);

  if (added == 0)
    printf ("%s\n", _("The demonstration cases are already loaded; nothing was added."));
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "Added %u demonstration case.\n",
                         "Added %u demonstration cases.\n", added), added);
  return EXIT_SUCCESS;
}

static void
generate_progress_cb (guint    done,
                      guint    total,
                      gpointer data)
{
  Cli *cli = data;
  double seconds = (g_get_monotonic_time () - cli->started) / (double) G_USEC_PER_SEC;
  double rate = seconds > 0 ? done / seconds : 0;

  /* Translators: progress of generating cases: done, total, cases per second */
  fprintf (stderr, _("Generated %u of %u cases (%.0f cases/s)"), done, total, rate);
  fputs (cli->progress_on_tty && done < total ? "\r" : "\n", stderr);
  fflush (stderr);
}

static int
cmd_generate (Cli   *cli,
              int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  guint n = 0, seed = 1;
  gboolean have_n = FALSE;
  double seconds;

  for (int i = 0; i < argc; i++)
    {
      const char *value = NULL;
      int found;

      if ((found = take_option (argc, argv, &i, "--cases", &value)) != 0)
        {
          if (found < 0)
            return usage_error (_("The option %s needs a value"), "--cases");
          if (!parse_positive (value, &n))
            return usage_error (_("The number of cases must be a positive integer, not “%s”"), value);
          have_n = TRUE;
        }
      else if ((found = take_option (argc, argv, &i, "--seed", &value)) != 0)
        {
          if (found < 0)
            return usage_error (_("The option %s needs a value"), "--seed");
          if (!parse_positive (value, &seed))
            return usage_error (_("The seed must be a positive integer, not “%s”"), value);
        }
      else
        return usage_error (_("Unexpected argument “%s”"), argv[i]);
    }
  if (!have_n)
    return usage_error (_("The option %s is required"), "--cases");

  if (!open_store (cli, &error))
    return open_failure (cli, error);

  cli->progress_on_tty = isatty (fileno (stderr));
  cli->started = g_get_monotonic_time ();
  if (!concord_generate_cases (cli->store, n, seed, generate_progress_cb, cli, &error))
    return failure (_("Cannot generate cases: %s"), error->message);

  seconds = (g_get_monotonic_time () - cli->started) / (double) G_USEC_PER_SEC;
  printf (g_dngettext (GETTEXT_PACKAGE, "Added %u case in %.1f s (%.0f cases/s).\n",
                       "Added %u cases in %.1f s (%.0f cases/s).\n", n),
          n, seconds, seconds > 0 ? n / seconds : 0.0);
  return EXIT_SUCCESS;
}

/* The options list and search share; @text receives a positional argument
 * when @want_text. */
static int
parse_query_options (Cli               *cli,
                     int                argc,
                     char             **argv,
                     gboolean           want_text,
                     ConcordCaseQuery  *query,
                     guint             *limit)
{
  gboolean options_done = FALSE;

  for (int i = 0; i < argc; i++)
    {
      const char *value = NULL;
      int found;

      if (!options_done && g_str_equal (argv[i], "--"))
        {
          options_done = TRUE;
          continue;
        }
      if (!options_done && g_str_has_prefix (argv[i], "--"))
        {
          if ((found = take_option (argc, argv, &i, "--stage", &value)) != 0)
            {
              if (found < 0)
                return usage_error (_("The option %s needs a value"), "--stage");
              query->stage = concord_stage_from_code (value);
              if (query->stage < 0)
                return usage_error (_("Unknown stage “%s”"), value);
            }
          else if ((found = take_option (argc, argv, &i, "--category", &value)) != 0)
            {
              if (found < 0)
                return usage_error (_("The option %s needs a value"), "--category");
              concord_set_text (&query->category, value);
            }
          else if ((found = take_option (argc, argv, &i, "--limit", &value)) != 0)
            {
              if (found < 0)
                return usage_error (_("The option %s needs a value"), "--limit");
              if (!parse_positive (value, limit))
                return usage_error (_("The limit must be a positive integer, not “%s”"), value);
            }
          else
            return usage_error (_("Unknown option “%s”"), argv[i]);
        }
      else if (want_text && query->text == NULL)
        {
          g_autofree char *text = argument_to_utf8 (argv[i]);

          if (text == NULL)
            {
              const char *charset = NULL;

              g_get_charset (&charset);
              return usage_error (_("The search text is not valid in the terminal’s character set (%s)"),
                                  charset);
            }
          concord_set_text (&query->text, text);
          if (query->text == NULL)
            return usage_error ("%s", _("The search text is empty"));
        }
      else
        return usage_error (_("Unexpected argument “%s”"), argv[i]);
    }

  if (want_text && query->text == NULL)
    return usage_error ("%s", _("What to search for is missing"));
  return EXIT_SUCCESS;
}

static gboolean
check_category (Cli               *cli,
                ConcordCaseQuery  *query,
                GError           **error)
{
  g_autoptr(GPtrArray) categories = NULL;

  if (query->category == NULL)
    return TRUE;
  categories = concord_store_list_categories (cli->store, TRUE, error);
  if (categories == NULL)
    return FALSE;
  for (guint i = 0; i < categories->len; i++)
    {
      ConcordCategory *category = g_ptr_array_index (categories, i);

      if (g_strcmp0 (category->code, query->category) == 0)
        return TRUE;
    }
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
               _("Unknown category “%s”"), query->category);
  return FALSE;
}

/* Prints the matching cases page by page: case number first, then
 * tab-separated fields; search adds the received time and the facts. */
static int
print_cases (Cli                    *cli,
             const ConcordCaseQuery *query,
             guint                   limit,
             gboolean                with_details)
{
  gint64 before_id = 0;
  guint printed = 0;

  while (limit == 0 || printed < limit)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = NULL;
      guint want = PAGE_SIZE;

      if (limit > 0)
        want = MIN (want, limit - printed);

      page = concord_store_query_cases (cli->store, query, before_id, want, &error);
      if (page == NULL)
        return failure (_("Cannot read the cases: %s"), error->message);

      for (guint i = 0; i < page->len; i++)
        {
          ConcordCaseSummary *summary = g_ptr_array_index (page, i);
          g_autofree char *names = field_text (concord_case_summary_get_party_names (summary), 0);
          g_autofree char *category = field_text (concord_case_summary_get_category_label (summary), 0);

          printf ("%s\t%s\t%s\t%s",
                  concord_case_summary_get_case_no (summary),
                  concord_stage_label (concord_case_summary_get_stage (summary)),
                  names, category);
          if (with_details)
            {
              g_autofree char *received = local_time (concord_case_summary_get_received_at (summary));
              g_autofree char *facts = field_text (concord_case_summary_get_facts (summary), 60);

              printf ("\t%s\t%s", received, facts);
            }
          putchar ('\n');
          before_id = concord_case_summary_get_id (summary);
        }
      printed += page->len;
      if (page->len < want)
        break;
    }

  return EXIT_SUCCESS;
}

static int
run_query (Cli     *cli,
           int      argc,
           char   **argv,
           gboolean is_search)
{
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(GError) error = NULL;
  guint limit = 0;
  int status;

  status = parse_query_options (cli, argc, argv, is_search, query, &limit);
  if (status != EXIT_SUCCESS)
    return status;

  status = open_existing_store (cli);
  if (status != EXIT_SUCCESS)
    return status;
  if (!check_category (cli, query, &error))
    {
      /* An unknown category is a usage error; the database failing is not. */
      if (g_error_matches (error, CONCORD_ERROR, CONCORD_ERROR_INVALID))
        return usage_error ("%s", error->message);
      return failure (_("Cannot read the categories: %s"), error->message);
    }

  return print_cases (cli, query, limit, is_search);
}

static int
cmd_list (Cli   *cli,
          int    argc,
          char **argv)
{
  return run_query (cli, argc, argv, FALSE);
}

static int
cmd_search (Cli   *cli,
            int    argc,
            char **argv)
{
  return run_query (cli, argc, argv, TRUE);
}

static void
print_field (int         indent,
             const char *label,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  printf ("%*s", indent, "");
  /* Translators: a label and its value in "show", e.g. "Phone: 138…" */
  printf (_("%s: %s"), label, value);
  putchar ('\n');
}

static void
print_party_fields (int                 indent,
                    const ConcordParty *party)
{
  g_autofree char *document = NULL;

  print_field (indent, _("Kind"), concord_party_kind_label (party->kind));
  if (party->kind == CONCORD_PARTY_PERSON)
    {
      if (party->gender != CONCORD_GENDER_UNKNOWN)
        print_field (indent, _("Gender"), concord_gender_label (party->gender));
      print_field (indent, _("Ethnicity"), party->ethnicity);
      print_field (indent, _("Date of birth"), party->birth_date);
    }
  if (party->id_type != CONCORD_ID_NONE && party->id_number != NULL)
    {
      /* Translators: an ID document type and its number */
      document = g_strdup_printf (_("%s %s"), concord_id_type_label (party->id_type), party->id_number);
      print_field (indent, _("ID document"), document);
    }
  print_field (indent, _("Phone"), party->phone);
  print_field (indent, _("Address"), party->address);
  if (party->kind == CONCORD_PARTY_ORGANISATION)
    print_field (indent, _("Legal representative"), party->occupation);
  else
    print_field (indent, _("Occupation"), party->occupation);
}

static void
print_case (Cli               *cli,
            const ConcordCase *c)
{
  g_autofree char *received = local_time (c->received_at);
  g_autofree char *due = c->due_at ? local_time (c->due_at) : NULL;
  g_autofree char *occurred = c->occurred_at ? local_time (c->occurred_at) : NULL;
  g_autofree char *updated = local_time (c->updated_at);
  g_autofree char *category = c->category ? concord_store_dup_category_label (cli->store, c->category) : NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  guint ordinal = 0;

  print_field (0, _("Case number"), c->case_no);
  print_field (0, _("Stage"), concord_stage_label (c->stage));
  print_field (0, _("Reason"), c->stage_reason);
  print_field (0, _("Received"), received);
  print_field (0, _("Due"), due);
  print_field (0, _("Last changed"), updated);
  print_field (0, _("Source"), concord_source_label (c->source));
  print_field (0, _("Referred by"), c->referred_by);
  print_field (0, _("Incident number"), c->incident_no);
  print_field (0, _("Occurred"), occurred);
  print_field (0, _("Place"), c->place);
  print_field (0, _("Category"), category);
  print_field (0, _("Type of mediation"), concord_mediation_type_label (c->mediation_type));
  if (c->facts != NULL)
    printf ("%s\n  %s\n", _("Facts:"), c->facts);

  printf ("\n%s\n", _("Parties:"));
  for (guint i = 0; i < c->parties->len; i++)
    {
      const ConcordParty *party = g_ptr_array_index (c->parties, i);
      g_autofree char *role = NULL;

      if (party->role == CONCORD_ROLE_PARTY)
        role = concord_party_ordinal_label (ordinal++);
      else
        role = g_strdup (concord_party_role_label (party->role));

      /* Translators: a party in "show": position, name and role */
      printf (_("  %u. %s (%s)\n"), i + 1, party->name ? party->name : "", role);
      print_party_fields (5, party);
      print_field (5, _("Claims"), party->claims);

      if (party->agent_kind != CONCORD_AGENT_NONE && party->agent != NULL)
        {
          /* Translators: an agent in "show": agent kind and name */
          printf (_("     %s: %s\n"), concord_agent_kind_label (party->agent_kind),
                  party->agent->name ? party->agent->name : "");
          print_field (7, _("Relation"), party->agent_relation);
          print_party_fields (7, party->agent);
        }
    }

  printf ("\n%s\n", _("Team:"));
  if (c->team->len == 0)
    printf ("  %s\n", _("No team yet"));
  for (guint i = 0; i < c->team->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (c->team, i);

      /* Translators: a team member in "show": name and role */
      printf (_("  %s (%s)"), member->name ? member->name : "", concord_team_role_label (member->role));
      if (member->organisation != NULL)
        /* Translators: what follows a team member in "show" (organisation, phone) */
        printf (C_("list separator", ", %s"), member->organisation);
      if (member->phone != NULL)
        printf (C_("list separator", ", %s"), member->phone);
      putchar ('\n');
    }

  printf ("\n%s\n", _("Audit trail:"));
  audit = concord_store_list_audit (cli->store, c->id, &error);
  if (audit == NULL)
    printf ("  %s\n", error->message);
  else
    for (guint i = 0; i < audit->len; i++)
      {
        const ConcordAuditEntry *entry = g_ptr_array_index (audit, i);
        g_autofree char *at = local_time (entry->at);
        g_autofree char *detail = field_text (entry->detail, 0);

        printf ("  %s  %s  %s", at, entry->actor ? entry->actor : "",
                entry->action ? concord_audit_action_label (entry->action) : "");
        if (*detail != '\0')
          printf ("  %s", detail);
        putchar ('\n');
      }
}

static int
cmd_show (Cli   *cli,
          int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autofree char *case_no = NULL;
  int status;

  if (argc < 1)
    return usage_error ("%s", _("Which case to show is missing"));
  if (argc > 1)
    return usage_error (_("Unexpected argument “%s”"), argv[1]);
  case_no = argument_to_utf8 (argv[0]);
  if (case_no == NULL)
    {
      const char *charset = NULL;

      g_get_charset (&charset);
      return usage_error (_("The case number is not valid in the terminal’s character set (%s)"), charset);
    }
  g_strstrip (case_no);
  if (*case_no == '\0')
    return usage_error ("%s", _("Which case to show is missing"));

  status = open_existing_store (cli);
  if (status != EXIT_SUCCESS)
    return status;

  c = concord_store_find_case (cli->store, case_no, &error);
  if (c == NULL)
    {
      if (error == NULL || g_error_matches (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND))
        return failure (_("No case numbered “%s”"), case_no);
      return failure (_("Cannot read the case: %s"), error->message);
    }

  print_case (cli, c);
  return EXIT_SUCCESS;
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static int
run (int   argc,
     char *argv[])
{
  Cli cli = { 0 };
  const Command *command = NULL;
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  const char *db = NULL;
  int status;

  /* Global options come before the command; --db is taken after it too. */
  for (int i = 1; i < argc; i++)
    {
      const char *value = NULL;
      int found;

      if (command == NULL && (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h")))
        {
          print_usage (stdout);
          return EXIT_SUCCESS;
        }
      if (command == NULL && g_str_equal (argv[i], "--version"))
        {
          printf ("concord-cli %s\n", PACKAGE_VERSION);
          return EXIT_SUCCESS;
        }
      if ((found = take_option (argc, argv, &i, "--db", &value)) != 0)
        {
          if (found < 0 || *value == '\0')
            return usage_error (_("The option %s needs a value"), "--db");
          db = value;
          continue;
        }
      if (command == NULL)
        {
          if (argv[i][0] == '-')
            return usage_error (_("Unknown option “%s”"), argv[i]);
          command = find_command (argv[i]);
          if (command == NULL)
            return usage_error (_("Unknown command “%s”"), argv[i]);
          continue;
        }
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_usage (stdout);
          return EXIT_SUCCESS;
        }
      g_ptr_array_add (rest, argv[i]);
    }

  if (command == NULL)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }

  cli.db_path = db != NULL ? g_strdup (db) : concord_store_default_path ();
  g_ptr_array_add (rest, NULL);
  status = command->run (&cli, (int) rest->len - 1, (char **) rest->pdata);

  g_clear_object (&cli.context);
  g_clear_object (&cli.store);
  g_free (cli.db_path);
  return status;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, concord_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = run (argc, argv);

  /* Output that did not arrive (a full disk, a closed pipe) is a failure,
   * not a silent success. */
  errno = 0;
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno != 0 ? errno : EIO;

      failure (_("Cannot write the output: %s"), g_strerror (saved_errno));
      if (status == EXIT_SUCCESS)
        status = EXIT_FAILED;
    }
  return status;
}
