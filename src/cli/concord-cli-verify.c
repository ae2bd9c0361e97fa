/* concord-cli-verify.c — "concord-cli verify FILE.pdf": is a printed
 * agreement genuine; and "concord-cli sign CASE_NO --paper …": record
 * that the printed agreement was signed in ink
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "concord-cli-private.h"

/* The exit status of a file that is not a genuine signed agreement. */
#define EXIT_NOT_GENUINE 3

static const char *
verdict_word (ConcordVerdictKind kind)
{
  switch (kind)
    {
    case CONCORD_VERDICT_GENUINE:
      return "genuine";
    case CONCORD_VERDICT_UNSIGNED:
      return "unsigned";
    case CONCORD_VERDICT_SUPERSEDED:
      return "superseded";
    case CONCORD_VERDICT_ALTERED:
      return "altered";
    case CONCORD_VERDICT_UNKNOWN:
      return "unknown";
    case CONCORD_VERDICT_FOREIGN:
    default:
      return "foreign";
    }
}

int
cmd_verify (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordVerdict) verdict = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gsize size;
  int status;

  if (argc != 1)
    return usage_error ("%s", argc == 0 ? _("Give the PDF file to verify")
                                        : _("Give one PDF file to verify"));
  if (!g_file_get_contents (argv[0], &contents, &size, &error))
    return failure ("%s", error->message);
  pdf = g_bytes_new_take (g_steal_pointer (&contents), size);
  status = open_existing_store (cli);
  if (status != EXIT_SUCCESS)
    return status;
  verdict = concord_document_verify (cli->store, pdf, &error);
  if (verdict == NULL)
    return failure ("%s", error->message);

  /* The first line is a fixed word for scripts; then the sentence. */
  printf ("%s\n%s\n", verdict_word (verdict->kind), verdict->summary);
  if (verdict->case_number != NULL)
    printf ("%s %s\n", _("Case:"), verdict->case_number);
  if (verdict->version > 0)
    printf ("%s %d\n", _("Version:"), verdict->version);
  if (verdict->code != NULL)
    printf ("%s %s\n", _("Verification code:"), verdict->code);
  if (verdict->detail != NULL)
    printf ("%s\n", verdict->detail);
  return verdict->kind == CONCORD_VERDICT_GENUINE ? EXIT_SUCCESS : EXIT_NOT_GENUINE;
}

int
cmd_sign (Cli   *cli,
          int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(ConcordSigning) signing = NULL;
  g_autofree char *case_no = NULL;
  g_autofree char *today = concord_clock_today_iso ();
  g_autofree char *checked_by = NULL;
  const char *date = NULL;
  const char *checker = NULL;
  gboolean paper = FALSE;
  int status;

  for (int i = 0; i < argc; i++)
    {
      int taken;

      if (g_str_equal (argv[i], "--paper"))
        {
          paper = TRUE;
          continue;
        }
      taken = take_option (argc, argv, &i, "--date", &date);
      if (taken == 0)
        taken = take_option (argc, argv, &i, "--checked-by", &checker);
      if (taken < 0)
        return usage_error (_("Give a value after %s"), argv[i]);
      if (taken > 0)
        continue;
      if (case_no != NULL)
        return usage_error (_("Unexpected argument “%s”"), argv[i]);
      case_no = argument_to_utf8 (argv[i]);
      if (case_no == NULL)
        return usage_error ("%s", _("The case number is not valid text"));
    }
  if (case_no == NULL)
    return usage_error ("%s", _("Give the case number"));
  if (!paper)
    return usage_error ("%s", _("Signatures on screen are taken in the application; "
                                "here only --paper records an agreement signed in ink"));
  if (checker == NULL)
    return usage_error ("%s", _("Say who checked the signed paper with --checked-by NAME"));
  checked_by = argument_to_utf8 (checker);
  if (checked_by == NULL)
    return usage_error ("%s", _("The name is not valid text"));
  status = open_existing_store (cli);
  if (status != EXIT_SUCCESS)
    return status;
  c = concord_store_find_case (cli->store, case_no, &error);
  if (c == NULL)
    return failure ("%s", error != NULL ? error->message : case_no);
  signing = concord_store_load_signing (cli->store, c->id, &error);
  if (signing == NULL)
    return failure ("%s", error->message);
  if (!concord_store_record_paper_signing (cli->store, c->id, signing->agreement_id,
                                           date != NULL ? date : today, checked_by, actor (cli), &error))
    return failure ("%s", error->message);
  /* Translators: %s is the verification code */
  printf (_("Signed and locked; verification code %s\n"), signing->code);
  return EXIT_SUCCESS;
}
