/* concord-statute.h — statute articles: reading the Markdown layout,
 * article numbers, citations
 *
 * The statute library (DESIGN.md, "statute") holds articles of laws and
 * rules: law, version date, article number, text, tags. Files come in the
 * Markdown layout of the published texts (one file per law, or per book
 * of the Civil Code): a "# title" line (the Civil Code's books have a
 * second "# book" line), the adoption/amendment history, a line
 * "<!-- INFO END -->", then "## chapter" / "### section" headings and one
 * article per paragraph starting with "第N条" (Chinese numerals). An
 * article's further paragraphs (items "（一）…", second paragraphs) follow
 * it until the next article or heading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  gint64  id;            /* 0 until stored */
  char   *law;           /* "中华人民共和国民法典" (the "# title") */
  char   *version_date;  /* "2020-05-28": from the file name "(YYYY-MM-DD)",
                          * else the first date of the history */
  char   *part;          /* the Civil Code's book ("侵权责任编"), or NULL */
  char   *chapter;       /* "第一章 一般规定", or NULL */
  char   *section;       /* "第一节 …", or NULL */
  int     number;        /* 1165 */
  char   *label;         /* "第一千一百六十五条", as printed */
  char   *text;          /* the article without its label: its paragraphs
                          * joined by "\n", each exactly as published */
  char   *tags;          /* space-separated words ("过错责任 侵权"), or NULL */
} ConcordStatute;

ConcordStatute *concord_statute_new (void);
ConcordStatute *concord_statute_copy (const ConcordStatute *statute);
void            concord_statute_free (ConcordStatute *statute);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordStatute, concord_statute_free)

/* One parsed file: every article of it, in order. */
typedef struct
{
  char      *law;
  char      *version_date;
  char      *part;       /* or NULL */
  GPtrArray *articles;   /* of ConcordStatute (law, version_date, part set) */
} ConcordStatuteFile;

void concord_statute_file_free (ConcordStatuteFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordStatuteFile, concord_statute_file_free)

/* Parses @text (@length bytes, or -1 for NUL-terminated) of the file named
 * @file_name (its base name gives the version date; may be NULL). A file
 * that is not in the layout gives CONCORD_ERROR_INVALID with a message that
 * names the line and says what is wrong there ("第 12 行：条文编号“第十条”
 * 重复" / "Line 12: article 第十条 appears twice"), and *error_line (when
 * not NULL) the 1-based line number. Checks: the title line, the
 * "<!-- INFO END -->" line, a version date, article numbers that parse and
 * rise (gaps allowed, repeats and going back not), no text before the first
 * article of a chapter other than headings, no empty article, valid UTF-8,
 * at least one article. */
ConcordStatuteFile *concord_statute_parse (const char  *text,
                                           gssize       length,
                                           const char  *file_name,
                                           guint       *error_line,
                                           GError     **error);

/* Reads and parses the file at @path (as concord_statute_parse()). */
ConcordStatuteFile *concord_statute_parse_file (const char  *path,
                                                guint       *error_line,
                                                GError     **error);

/* 1165 → "第一千一百六十五条"; 10 → "第十条"; 110 → "第一百一十条". */
char *concord_statute_number_label (int number);

/* The article number in what someone typed, or 0 when it is not one:
 * "1165", "第1165条", "第一千一百六十五条", "一千一百六十五", "１１６５"
 * (full-width), with spaces around. Also used on the label of a file. */
int   concord_statute_parse_number (const char *text);

/* "《中华人民共和国民法典》第一千一百六十五条": how an agreement or a
 * legal point cites the article. */
char *concord_statute_citation (const ConcordStatute *statute);

/* The law's usual short name for lists: "中华人民共和国民法典" → "民法典"
 * (drops the leading "中华人民共和国"). */
char *concord_statute_short_law (const char *law);

G_END_DECLS
