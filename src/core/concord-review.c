/* concord-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-review"

#include "config.h"

#include "concord-review.h"

void
concord_review_free (ConcordReview *review)
{
  if (review == NULL)
    return;
  g_free (review->comment);
  g_free (review->actor);
  g_free (review->at);
  g_free (review);
}

void
concord_review_comment_free (ConcordReviewComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->target);
  g_free (comment->text);
  g_free (comment->actor);
  g_free (comment->at);
  g_free (comment);
}

void
concord_citation_free (ConcordCitation *citation)
{
  if (citation == NULL)
    return;
  g_free (citation->target);
  g_free (citation->law);
  g_free (citation->label);
  g_free (citation->text);
  g_free (citation->note);
  g_free (citation->actor);
  g_free (citation->at);
  g_free (citation);
}

char *
concord_citation_dup_reference (const ConcordCitation *citation)
{
  g_return_val_if_fail (citation != NULL, NULL);

  return g_strdup_printf ("《%s》%s", citation->law, citation->label);
}
