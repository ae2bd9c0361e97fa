/* concord-cli-private.h — what the command files of concord-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concord-core.h"

G_BEGIN_DECLS

#define EXIT_FAILED 1
#define EXIT_USAGE  2

#define PAGE_SIZE   500

typedef struct
{
  char            *db_path;
  ConcordStore    *store;
  ConcordContext  *context;
  gboolean         progress_on_tty;
  gint64           started;
} Cli;

/* Prints the message and a hint to --help; returns EXIT_USAGE. */
int         usage_error (const char *format,
                         ...) G_GNUC_PRINTF (1, 2);
/* Prints the message; returns EXIT_FAILED. */
int         failure (const char *format,
                     ...) G_GNUC_PRINTF (1, 2);
/* Parses a positive integer (1…G_MAXUINT32) without sign or junk. */
gboolean    parse_positive (const char *text,
                            guint      *out);
/* Matches "--name VALUE" or "--name=VALUE" at argv[*i]; advances *i past
 * the value. Returns 1 on a match, 0 when argv[*i] is another argument,
 * -1 when the option matches but its value is missing. */
int         take_option (int          argc,
                         char       **argv,
                         int         *i,
                         const char  *name,
                         const char **value);
/* Opens (creating if needed) the database. */
gboolean    open_store (Cli     *cli,
                        GError **error);
/* Opens an existing database; EXIT_SUCCESS or a printed failure. */
int         open_existing_store (Cli *cli);
/* An argument in the terminal's character set, as UTF-8 (NULL if not
 * convertible). */
char       *argument_to_utf8 (const char *argument);
/* The username commands act as. */
const char *actor (Cli *cli);
/* Text for one tab-separated field: tabs and line breaks become spaces;
 * cut to @max_chars (0: no limit) with "…". */
char       *field_text (const char *text,
                        glong       max_chars);
/* A UTC ISO-8601 time in local time, "" for NULL. */
char       *local_time (const char *utc_iso);

/* concord-cli-statutes.c: "statutes import FILE…", "statutes search TEXT",
 * "statutes show ID". */
int         cmd_statutes (Cli   *cli,
                          int    argc,
                          char **argv);

/* concord-cli-pdf.c: "pdf CASE_NO -o FILE". */
int         cmd_pdf (Cli   *cli,
                     int    argc,
                     char **argv);
int         cmd_verify (Cli   *cli,
                        int    argc,
                        char **argv);
int         cmd_sign (Cli   *cli,
                      int    argc,
                      char **argv);

G_END_DECLS
