/* test-agreement-store.c — the agreement in the store: versions, the
 * working draft, sending to review, the lawyer's decision, comments and
 * citations, and the stage moves only the agreement may make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "concord-core.h"
#include "concord-sqlite-store.h"
#include "test-fixtures.h"

static ConcordCase *
drafting_fire_case (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = fixture_stored_fire_case (f, CONCORD_STAGE_BACK_TO_BACK, "mediator");

  g_assert_true (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_DRAFTING, NULL, "mediator", &error));
  g_assert_no_error (error);
  return concord_store_load_case (f->store, c->id, &error);
}

static ConcordAgreement *
new_draft (Fixture *f,
           gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordAgreementSource) source = concord_store_dup_agreement_source (f->store, case_id, &error);
  g_autoptr(ConcordTemplate) template = NULL;
  ConcordAgreement *agreement;

  g_assert_no_error (error);
  template = concord_template_find (concord_template_default_id (source->c->mediation_type));
  g_assert_nonnull (template);
  agreement = concord_agreement_new_draft (template, source);
  agreement->case_id = case_id;
  return agreement;
}

static guint
count_audit (Fixture    *f,
             gint64      case_id,
             const char *action)
{
  g_autoptr(GPtrArray) entries = concord_store_list_audit (f->store, case_id, NULL);
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    n += g_str_equal (((ConcordAuditEntry *) g_ptr_array_index (entries, i))->action, action);
  return n;
}

/* A version is made only when the content changed; the working draft is
 * separate and goes away when a version is saved. */
static void
test_versions (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = drafting_fire_case (f);
  g_autoptr(ConcordAgreement) agreement = new_draft (f, c->id);
  g_autoptr(ConcordAgreement) draft = NULL;
  g_autoptr(ConcordAgreement) current = NULL;
  g_autoptr(ConcordAgreement) first = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(ConcordTemplate) template = concord_template_find (agreement->template_id);

  g_assert_null (concord_store_load_agreement (f->store, c->id, 0, &error));
  g_assert_no_error (error);
  g_assert_null (concord_store_load_current_agreement (f->store, c->id, &error));
  g_assert_no_error (error);

  /* The working draft, as typed. */
  concord_agreement_set_field (agreement, "responsibility", "吴某用电不慎，负全部责任。");
  g_assert_true (concord_store_save_agreement_draft (f->store, agreement, &error));
  g_assert_no_error (error);
  draft = concord_store_load_agreement_draft (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpint (draft->version, ==, 0);
  g_assert_cmpstr (concord_agreement_get_field (draft, "responsibility"), ==, "吴某用电不慎，负全部责任。");
  g_assert_cmpuint (count_audit (f, c->id, "agreement.save"), ==, 0);

  /* Version 1. */
  g_assert_true (concord_store_save_agreement (f->store, agreement, "mediator", &error));
  g_assert_no_error (error);
  g_assert_cmpint (agreement->version, ==, 1);
  g_assert_cmpint (agreement->id, >, 0);
  g_assert_cmpstr (agreement->saved_by, ==, "mediator");
  g_assert_nonnull (agreement->saved_at);
  g_assert_null (concord_store_load_agreement_draft (f->store, c->id, &error));
  g_assert_no_error (error);
  /* The parties' particulars are taken from the case. */
  g_assert_cmpuint (agreement->parties->len, ==, 3);

  /* Saving the same content again makes no version. */
  g_assert_true (concord_store_save_agreement (f->store, agreement, "mediator", &error));
  g_assert_no_error (error);
  g_assert_cmpint (agreement->version, ==, 1);

  /* A change makes version 2; the first stays as it was. */
  concord_agreement_set_field (agreement, "responsibility", "吴某用电不慎引发火灾，应承担全部赔偿责任。");
  agreement->copies = 5;
  g_assert_true (concord_store_save_agreement (f->store, agreement, "lawyer", &error));
  g_assert_no_error (error);
  g_assert_cmpint (agreement->version, ==, 2);
  g_assert_cmpuint (count_audit (f, c->id, "agreement.save"), ==, 2);

  versions = concord_store_list_agreement_versions (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  first = concord_store_load_agreement (f->store, c->id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (concord_agreement_get_field (first, "responsibility"), ==, "吴某用电不慎，负全部责任。");
  current = concord_store_load_current_agreement (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (current->version, ==, 2);
  g_assert_cmpint (current->copies, ==, 5);
  g_assert_cmpstr (current->saved_by, ==, "lawyer");

  changes = concord_agreement_diff (first, current, template);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpstr (((ConcordAgreementChange *) g_ptr_array_index (changes, 0))->target, ==,
                   "field:responsibility");
}

/* The agreement is written only while drafting. */
static void
test_only_while_drafting (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = fixture_stored_fire_case (f, CONCORD_STAGE_BACK_TO_BACK, "mediator");
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(ConcordAgreement) bad = NULL;

  g_assert_true (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_DRAFTING, NULL, "mediator", &error));
  agreement = new_draft (f, c->id);
  g_assert_true (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_BACK_TO_BACK, NULL, "mediator", &error));
  g_assert_no_error (error);

  g_assert_false (concord_store_save_agreement (f->store, agreement, "mediator", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_false (concord_store_save_agreement_draft (f->store, agreement, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);

  /* An unknown template is refused. */
  g_assert_true (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_DRAFTING, NULL, "mediator", &error));
  bad = concord_agreement_copy (agreement);
  g_free (bad->template_id);
  bad->template_id = g_strdup ("no-such-template");
  g_assert_false (concord_store_save_agreement (f->store, bad, "mediator", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_assert_null (concord_store_load_agreement (f->store, c->id, 0, NULL));
}

/* Drafting → review → signing go only through the agreement. */
static void
test_moves_need_agreement (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = drafting_fire_case (f);
  g_autoptr(ConcordCase) after = NULL;

  g_assert_false (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_REVIEW, NULL, "mediator", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_false (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_SIGNING, NULL, "mediator", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);

  /* Nothing to send yet. */
  g_assert_false (concord_store_submit_agreement (f->store, c->id, "mediator", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&after, concord_case_unref);
  g_assert_true (fixture_move (f->store, c->id, CONCORD_STAGE_REVIEW, NULL, "mediator", &error));
  g_assert_no_error (error);
  g_assert_false (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_DRAFTING, "改", "lawyer", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_false (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_SIGNING, NULL, "lawyer", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);
  /* Withdrawal stays possible. */
  g_assert_true (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_WITHDRAWN, "申请人撤回", "mediator",
                                           &error));
  g_assert_no_error (error);
}

/* Scenario 1: an incomplete agreement is refused with the number of
 * problems; completed, it goes to review; sent back with comments; fixed;
 * approved. */
static void
test_submit_and_review (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = drafting_fire_case (f);
  g_autoptr(ConcordAgreement) agreement = new_draft (f, c->id);
  g_autoptr(ConcordAgreement) complete = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(ConcordCase) loaded = NULL;
  guint n_problems;

  g_assert_true (concord_store_save_agreement (f->store, agreement, "mediator", &error));
  g_assert_no_error (error);
  problems = concord_store_check_agreement (f->store, c->id, &error);
  g_assert_no_error (error);
  n_problems = problems->len;
  g_assert_cmpuint (n_problems, >, 0);
  g_assert_false (concord_store_submit_agreement (f->store, c->id, "mediator", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  {
    g_autofree char *count = g_strdup_printf ("%u", n_problems);

    g_assert_nonnull (strstr (error->message, count));
  }
  g_clear_error (&error);
  loaded = concord_store_load_case (f->store, c->id, NULL);
  g_assert_cmpint (loaded->stage, ==, CONCORD_STAGE_DRAFTING);
  g_clear_pointer (&loaded, concord_case_unref);

  /* Unsaved changes in the working draft hold it back too. */
  complete = fixture_complete_agreement (f->store, c->id, "mediator");
  concord_agreement_set_field (complete, "facts", "改过的事实。");
  g_assert_true (concord_store_save_agreement_draft (f->store, complete, &error));
  g_assert_false (concord_store_submit_agreement (f->store, c->id, "mediator", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (concord_store_save_agreement (f->store, complete, "mediator", &error));
  g_assert_no_error (error);

  g_assert_true (concord_store_submit_agreement (f->store, c->id, "mediator", &error));
  g_assert_no_error (error);
  loaded = concord_store_load_case (f->store, c->id, NULL);
  g_assert_cmpint (loaded->stage, ==, CONCORD_STAGE_REVIEW);
  g_clear_pointer (&loaded, concord_case_unref);
  g_assert_false (concord_store_agreement_approved (f->store, c->id));

  /* Comments on clauses, then sent back: a comment is required. */
  g_assert_cmpint (concord_store_add_review_comment (f->store, c->id, "term:t1", "违约责任应写明。", "lawyer",
                                                     &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (concord_store_add_review_comment (f->store, c->id, NULL, "  ", "lawyer", &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (concord_store_review_agreement (f->store, c->id, FALSE, " ", "lawyer", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (concord_store_review_agreement (f->store, c->id, FALSE, "请补充违约责任条款。", "lawyer", &error));
  g_assert_no_error (error);
  loaded = concord_store_load_case (f->store, c->id, NULL);
  g_assert_cmpint (loaded->stage, ==, CONCORD_STAGE_DRAFTING);
  g_assert_cmpstr (loaded->stage_reason, ==, "请补充违约责任条款。");
  g_clear_pointer (&loaded, concord_case_unref);

  /* Fixed, sent again, approved. */
  concord_agreement_set_field (complete, "default", "吴某未按期支付的，张某、李某可以申请司法确认后申请强制执行。");
  g_assert_true (concord_store_save_agreement (f->store, complete, "mediator", &error));
  g_assert_cmpint (complete->version, ==, 4);
  g_assert_true (concord_store_submit_agreement (f->store, c->id, "mediator", &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_review_agreement (f->store, c->id, TRUE, NULL, "lawyer", &error));
  g_assert_no_error (error);
  loaded = concord_store_load_case (f->store, c->id, NULL);
  g_assert_cmpint (loaded->stage, ==, CONCORD_STAGE_SIGNING);
  g_assert_true (concord_store_agreement_approved (f->store, c->id));

  reviews = concord_store_list_reviews (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 2);
  g_assert_false (((ConcordReview *) g_ptr_array_index (reviews, 0))->approved);
  g_assert_cmpint (((ConcordReview *) g_ptr_array_index (reviews, 0))->version, ==, 3);
  g_assert_true (((ConcordReview *) g_ptr_array_index (reviews, 1))->approved);
  g_assert_cmpint (((ConcordReview *) g_ptr_array_index (reviews, 1))->version, ==, 4);
  g_assert_cmpuint (count_audit (f, c->id, "agreement.send-back"), ==, 1);
  g_assert_cmpuint (count_audit (f, c->id, "agreement.approve"), ==, 1);
  g_assert_cmpuint (count_audit (f, c->id, "agreement.submit"), ==, 2);

  {
    g_autoptr(GPtrArray) comments = concord_store_list_review_comments (f->store, c->id, &error);
    ConcordReviewComment *comment;

    g_assert_no_error (error);
    g_assert_cmpuint (comments->len, ==, 1);
    comment = g_ptr_array_index (comments, 0);
    g_assert_cmpstr (comment->target, ==, "term:t1");
    g_assert_cmpint (comment->version, ==, 3);
    g_assert_cmpstr (comment->actor, ==, "lawyer");
  }

  /* A decision outside review is refused. */
  g_assert_false (concord_store_review_agreement (f->store, c->id, TRUE, NULL, "lawyer", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_assert_true (concord_store_verify_audit (f->store, NULL));
}

/* With review switched off, a complete agreement goes to signing. */
static void
test_review_not_required (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = drafting_fire_case (f);
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(ConcordCase) loaded = NULL;

  g_assert_true (concord_store_review_required (f->store));
  g_assert_true (concord_store_set_setting (f->store, CONCORD_SETTING_REVIEW_REQUIRED, "false", "admin", &error));
  g_assert_false (concord_store_review_required (f->store));

  agreement = fixture_complete_agreement (f->store, c->id, "mediator");
  g_assert_false (concord_store_agreement_approved (f->store, c->id));
  g_assert_true (concord_store_submit_agreement (f->store, c->id, "mediator", &error));
  g_assert_no_error (error);
  loaded = concord_store_load_case (f->store, c->id, NULL);
  g_assert_cmpint (loaded->stage, ==, CONCORD_STAGE_SIGNING);
  g_assert_true (concord_store_agreement_approved (f->store, c->id));
}

/* Citations copy the article; they are listed per case and removed. */
static void
test_citations (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = drafting_fire_case (f);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autofree char *reference = NULL;
  ConcordStatute *article;
  ConcordCitation *citation;
  gint64 id;

  found = concord_store_search_statutes (f->store, "民法典 1165", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  article = g_ptr_array_index (found, 0);
  g_assert_cmpstr (article->label, ==, "第一千一百六十五条");

  id = concord_store_add_citation (f->store, c->id, article->id, "field:responsibility", "过错责任", "lawyer",
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (concord_store_add_citation (f->store, c->id, article->id, NULL, NULL, "lawyer", &error), >, 0);
  g_assert_cmpint (concord_store_add_citation (f->store, c->id, 999999, NULL, NULL, "lawyer", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  citations = concord_store_list_citations (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (citations->len, ==, 2);
  citation = g_ptr_array_index (citations, 0);
  g_assert_cmpstr (citation->target, ==, "field:responsibility");
  g_assert_cmpstr (citation->law, ==, article->law);
  g_assert_cmpstr (citation->text, ==, article->text);
  g_assert_cmpstr (citation->note, ==, "过错责任");
  g_assert_null (((ConcordCitation *) g_ptr_array_index (citations, 1))->target);
  reference = concord_citation_dup_reference (citation);
  g_assert_cmpstr (reference, ==, "《中华人民共和国民法典》第一千一百六十五条");

  g_assert_true (concord_store_remove_citation (f->store, id, "lawyer", &error));
  g_assert_no_error (error);
  g_assert_false (concord_store_remove_citation (f->store, id, "lawyer", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&citations, g_ptr_array_unref);
  citations = concord_store_list_citations (f->store, c->id, &error);
  g_assert_cmpuint (citations->len, ==, 1);
  g_assert_cmpuint (count_audit (f, c->id, "citation.add"), ==, 2);
  g_assert_cmpuint (count_audit (f, c->id, "citation.remove"), ==, 1);
}

/* Police mediation: the art. 179 checklist is saved with the case, and an
 * exclusion makes the case invalid for police mediation. */
static void
test_police_screening (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = fixture_quick_case ("甲某", "夜市大排档两人酒后斗殴，均受轻微伤。");
  g_autoptr(ConcordCase) loaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  c->mediation_type = CONCORD_MEDIATION_POLICE;
  c->police_screened = TRUE;
  g_assert_true (concord_store_save_case (f->store, c, "officer", &error));
  g_assert_no_error (error);
  loaded = concord_store_load_case (f->store, c->id, &error);
  g_assert_true (loaded->police_screened);
  g_assert_cmpuint (loaded->police_exclusions, ==, 0);

  loaded->police_exclusions = CONCORD_EXCLUSION_GANG_FIGHT | CONCORD_EXCLUSION_REPEATED;
  problems = concord_case_validate (loaded);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((ConcordProblem *) g_ptr_array_index (problems, 0))->field, ==, "police_exclusions");
  g_assert_nonnull (strstr (((ConcordProblem *) g_ptr_array_index (problems, 0))->message,
                           concord_police_exclusion_label (CONCORD_EXCLUSION_GANG_FIGHT)));
  g_assert_false (concord_store_save_case (f->store, loaded, "officer", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Another type of mediation is not bound by it. */
  loaded->mediation_type = CONCORD_MEDIATION_PEOPLE;
  g_assert_true (concord_store_save_case (f->store, loaded, "officer", &error));
  g_assert_no_error (error);
}

/* What the version says is what is checked and approved: a change of a
 * party's particulars in the case holds the old version back; content
 * that could not be read back is refused; the lawyer decides on the
 * version read; comments and citations have their time. */
static void
test_guards (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = drafting_fire_case (f);
  g_autoptr(ConcordAgreement) complete = fixture_complete_agreement (f->store, c->id, "mediator");
  g_autoptr(ConcordAgreement) bad = concord_agreement_copy (complete);
  g_autoptr(ConcordCase) loaded = NULL;
  g_autoptr(GPtrArray) found = NULL;
  ConcordParty *zhang;
  gint64 first_id = complete->id;
  gint64 citation;

  /* Too many copies to read back: refused, the latest version intact. */
  bad->copies = 5000;
  g_assert_false (concord_store_save_agreement (f->store, bad, "mediator", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (concord_store_save_agreement_draft (f->store, bad, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(ConcordAgreement) latest = concord_store_load_agreement (f->store, c->id, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpint (latest->id, ==, first_id);
  }

  /* Zhang moves house after the version was saved. */
  loaded = concord_store_load_case (f->store, c->id, &error);
  zhang = g_ptr_array_index (loaded->parties, 0);
  g_free (zhang->address);
  zhang->address = g_strdup ("东城区新华路9号");
  g_assert_true (concord_store_save_case (f->store, loaded, "mediator", &error));
  g_assert_false (concord_store_submit_agreement (f->store, c->id, "mediator", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (concord_store_save_agreement (f->store, complete, "mediator", &error));
  g_assert_cmpint (complete->version, ==, 2);
  g_assert_nonnull (strstr (((ConcordAgreementParty *) g_ptr_array_index (complete->parties, 0))->particulars,
                            "新华路9号"));

  /* No comments and no decisions before review. */
  g_assert_cmpint (concord_store_add_review_comment (f->store, c->id, NULL, "早了", "lawyer", &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_true (concord_store_submit_agreement (f->store, c->id, "mediator", &error));
  g_assert_no_error (error);

  /* The lawyer read version 1's id: refused; version 2's: approved. */
  g_assert_false (concord_store_review_version (f->store, c->id, first_id, TRUE, NULL, "lawyer", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);
  found = concord_store_search_statutes (f->store, "1165", 5, &error);
  citation = concord_store_add_citation (f->store, c->id, ((ConcordStatute *) g_ptr_array_index (found, 0))->id,
                                         NULL, NULL, "lawyer", &error);
  g_assert_cmpint (citation, >, 0);
  g_assert_true (concord_store_review_version (f->store, c->id, complete->id, TRUE, NULL, "lawyer", &error));
  g_assert_no_error (error);

  /* Approved: the legal basis stays as it was approved. */
  g_assert_cmpint (concord_store_add_review_comment (f->store, c->id, NULL, "晚了", "lawyer", &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_false (concord_store_remove_citation (f->store, citation, "lawyer", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_cmpint (concord_store_add_citation (f->store, c->id, ((ConcordStatute *) g_ptr_array_index (found, 0))->id,
                                               NULL, NULL, "lawyer", &error), ==, 0);
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
}

/* An agreement sent straight to signing while review was not required
 * stays printable when the station requires review again. */
static void
test_review_switched_on_later (Fixture      *f,
                               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = drafting_fire_case (f);

  g_assert_true (fixture_move (f->store, c->id, CONCORD_STAGE_SIGNING, NULL, "mediator", &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_review_required (f->store));
  g_assert_true (concord_store_agreement_approved (f->store, c->id));
}

/* A case sent to review before agreements were kept (schema 5) has no
 * version: it can go back to drafting. */
static void
test_review_without_version (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = drafting_fire_case (f);
  g_autoptr(ConcordCase) loaded = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE cases SET stage = 'review' WHERE id = %" G_GINT64_FORMAT, c->id);

  g_assert_true (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (f->store), sql, &error));
  g_assert_true (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_DRAFTING, "补录协议", "mediator", &error));
  g_assert_no_error (error);
  loaded = concord_store_load_case (f->store, c->id, NULL);
  g_assert_cmpint (loaded->stage, ==, CONCORD_STAGE_DRAFTING);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("CONCORD_NOW", "2026-11-23T02:00:00Z", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/agreement-store/versions", test_versions);
  ADD ("/agreement-store/only-while-drafting", test_only_while_drafting);
  ADD ("/agreement-store/moves-need-agreement", test_moves_need_agreement);
  ADD ("/agreement-store/submit-and-review", test_submit_and_review);
  ADD ("/agreement-store/review-not-required", test_review_not_required);
  ADD ("/agreement-store/citations", test_citations);
  ADD ("/agreement-store/police-screening", test_police_screening);
  ADD ("/agreement-store/guards", test_guards);
  ADD ("/agreement-store/review-switched-on-later", test_review_switched_on_later);
  ADD ("/agreement-store/review-without-version", test_review_without_version);
  return g_test_run ();
}
