/* concord-cli-pdf.c — "concord-cli pdf CASE_NO -o FILE": the case's latest
 * saved agreement as the PDF the parties sign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "concord-cli-private.h"

int
cmd_pdf (Cli   *cli,
         int    argc,
         char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_no = NULL;
  const char *output = NULL;
  const char *version_text = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gboolean blank = FALSE;
  guint version = 0;
  const char *data;
  gsize size;
  int status;

  for (int i = 0; i < argc; i++)
    {
      int taken;

      if (g_str_equal (argv[i], "--blank"))
        {
          blank = TRUE;
          continue;
        }
      taken = take_option (argc, argv, &i, "-o", &output);
      if (taken == 0)
        taken = take_option (argc, argv, &i, "--output", &output);
      if (taken == 0)
        taken = take_option (argc, argv, &i, "--version", &version_text);
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
  if (output == NULL)
    return usage_error ("%s", _("Give the file to write with -o FILE"));
  if (version_text != NULL && !parse_positive (version_text, &version))
    return usage_error (_("“%s” is not a version number"), version_text);
  status = open_existing_store (cli);
  if (status != EXIT_SUCCESS)
    return status;
  c = concord_store_find_case (cli->store, case_no, &error);
  if (c == NULL)
    return failure ("%s", error != NULL ? error->message : case_no);
  agreement = concord_store_load_agreement (cli->store, c->id, (int) version, &error);
  if (agreement == NULL && error != NULL)
    return failure ("%s", error->message);
  if (agreement == NULL && version > 0)
    return failure (_("Case %s has no version %u of its agreement"), case_no, version);
  if (agreement == NULL)
    return failure (_("Case %s has no saved agreement"), case_no);
  /* The signatures drawn on screen are printed unless --blank. */
  pdf = concord_document_render (cli->store, c->id, agreement->id, !blank, NULL, &error);
  if (pdf == NULL)
    return failure ("%s", error->message);
  data = g_bytes_get_data (pdf, &size);
  if (!g_file_set_contents (output, data, (gssize) size, &error))
    return failure ("%s", error->message);
  if (version == 0 && !concord_store_agreement_approved (cli->store, c->id))
    /* Translators: a note after writing the PDF of a draft */
    fprintf (stderr, _("Note: version %d of the agreement is not approved for signing yet\n"),
             agreement->version);
  return EXIT_SUCCESS;
}
