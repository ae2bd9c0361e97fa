/* concord-review.h — the lawyer's review of an agreement: decisions,
 * comments on clauses, citations of statute articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The station setting that makes approval required before printing
 * ("true", the default when unset, or "false"). */
#define CONCORD_SETTING_REVIEW_REQUIRED "review.required"

/* A decision on one version of a case's agreement. */
typedef struct
{
  gint64    id;
  gint64    case_id;
  gint64    agreement_id;   /* the version decided on */
  int       version;
  gboolean  approved;       /* FALSE: sent back */
  char     *comment;        /* required when sent back */
  char     *actor;
  char     *at;             /* UTC ISO-8601 */
} ConcordReview;

void concord_review_free (ConcordReview *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordReview, concord_review_free)

/* A comment on a clause (or on the whole agreement) of one version. */
typedef struct
{
  gint64  id;
  gint64  case_id;
  gint64  agreement_id;
  int     version;
  char   *target;         /* concord-agreement.h targets; NULL: the whole */
  char   *text;
  char   *actor;
  char   *at;
} ConcordReviewComment;

void concord_review_comment_free (ConcordReviewComment *comment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordReviewComment, concord_review_comment_free)

/* A statute article cited for a case or for one clause of its agreement.
 * The article's law, label and text are copied when cited, so the citation
 * says what was cited even if the library changes later. */
typedef struct
{
  gint64  id;
  gint64  case_id;
  gint64  statute_id;     /* 0 when the article left the library */
  char   *target;         /* a clause ("term:t1", "field:responsibility"),
                           * or NULL for the case as a whole */
  char   *law;
  char   *label;          /* "第一千一百六十五条" */
  char   *text;
  char   *note;           /* why it applies, or NULL */
  char   *actor;
  char   *at;
} ConcordCitation;

void concord_citation_free (ConcordCitation *citation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordCitation, concord_citation_free)

/* "《中华人民共和国民法典》第一千一百六十五条" */
char *concord_citation_dup_reference (const ConcordCitation *citation);

G_END_DECLS
