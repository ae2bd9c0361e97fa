/* test-signing.c — signatures, the lock the database enforces, the
 * archive of printed files, and telling a genuine agreement from an
 * altered or foreign one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "concord-core.h"
#include "concord-sqlite-store.h"
#include "test-fixtures.h"

/* The fire case (scenario 1) at signing: three parties and a mediator. */
static gint64
fire_case_at_signing (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = fixture_stored_fire_case (f, CONCORD_STAGE_FACE_TO_FACE, "li");

  g_assert_true (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_DRAFTING, NULL, "li", &error));
  g_assert_no_error (error);
  g_assert_true (fixture_move (f->store, c->id, CONCORD_STAGE_REVIEW, NULL, "li", &error));
  g_assert_no_error (error);
  g_assert_true (fixture_move (f->store, c->id, CONCORD_STAGE_SIGNING, NULL, "chen", &error));
  g_assert_no_error (error);
  return c->id;
}

/* A signature written the way a pen does: a short zigzag. */
static ConcordSignature *
pad_signature (gint64      agreement_id,
               const char *signer,
               guint       seed)
{
  ConcordSignature *signature = concord_signature_new (CONCORD_SIGNATURE_METHOD_PAD);
  GArray *stroke = concord_signature_add_stroke (signature);

  for (guint i = 0; i < 20; i++)
    {
      ConcordInkPoint point = { 50.0f + i * 20.0f, 100.0f + ((i + seed) % 2) * 40.0f, 0.3f + i * 0.02f,
                                i * 16 };

      g_array_append_val (stroke, point);
    }
  signature->agreement_id = agreement_id;
  signature->signer = g_strdup (signer);
  return signature;
}

static void
expect_refused (ConcordStore *store,
                const char   *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (store), sql, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_assert_nonnull (strstr (error->message, "signed"));
}

static void
test_pad_and_lock (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = fire_case_at_signing (f);
  g_autoptr(ConcordSigning) signing = concord_store_load_signing (f->store, id, &error);
  g_autoptr(ConcordAgreement) latest = NULL;
  g_autoptr(ConcordSigning) done = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *code = NULL;
  g_autofree char *hash = NULL;
  gboolean locked = TRUE;

  g_assert_no_error (error);
  latest = concord_store_load_agreement (f->store, id, 0, &error);
  g_assert_no_error (error);
  code = concord_agreement_verification_code (latest);
  hash = concord_agreement_content_hash (latest);

  /* Three parties and the mediator, in the block's order. */
  g_assert_cmpuint (signing->signers->len, ==, 4);
  g_assert_cmpuint (signing->signatures->len, ==, 4);
  g_assert_cmpint (signing->agreement_id, ==, latest->id);
  g_assert_cmpstr (((ConcordSigner *) g_ptr_array_index (signing->signers, 0))->name, ==, "张某");
  g_assert_cmpstr (((ConcordSigner *) g_ptr_array_index (signing->signers, 3))->key, ==, "mediator");
  g_assert_cmpstr (((ConcordSigner *) g_ptr_array_index (signing->signers, 3))->role, ==, "调解员");
  g_assert_true (signing->pad_allowed);
  g_assert_null (signing->pad_refusal);
  g_assert_cmpstr (signing->code, ==, code);
  g_assert_null (signing->locked_at);
  g_assert_null (signing->content_hash);
  for (guint i = 0; i < 4; i++)
    g_assert_null (g_ptr_array_index (signing->signatures, i));

  /* Not yet signed: follow-up waits. */
  g_assert_false (concord_store_move_stage (f->store, id, CONCORD_STAGE_FOLLOW_UP, NULL, "li", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_assert_nonnull (strstr (error->message, "4"));
  g_clear_error (&error);

  /* An empty pad, a stranger, another version: refused. */
  {
    g_autoptr(ConcordSignature) empty = concord_signature_new (CONCORD_SIGNATURE_METHOD_PAD);
    g_autoptr(ConcordSignature) stranger = pad_signature (latest->id, "party:99999", 0);
    g_autoptr(ConcordSignature) other = pad_signature (latest->id + 1000, "mediator", 0);
    ConcordSigner *first = g_ptr_array_index (signing->signers, 0);

    empty->agreement_id = latest->id;
    empty->signer = g_strdup (first->key);
    g_assert_false (concord_store_add_signature (f->store, id, empty, "li", NULL, &error));
    g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (concord_store_add_signature (f->store, id, stranger, "li", NULL, &error));
    g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (concord_store_add_signature (f->store, id, other, "li", NULL, &error));
    g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
    g_clear_error (&error);
  }

  /* The first party signs, thinks better of it, signs again. */
  {
    ConcordSigner *first = g_ptr_array_index (signing->signers, 0);
    g_autoptr(ConcordSignature) one = pad_signature (latest->id, first->key, 0);
    g_autoptr(ConcordSignature) again = pad_signature (latest->id, first->key, 0);
    g_autoptr(ConcordSignature) twice = pad_signature (latest->id, first->key, 1);

    g_assert_true (concord_store_add_signature (f->store, id, one, "li", &locked, &error));
    g_assert_no_error (error);
    g_assert_false (locked);
    g_assert_cmpint (one->id, >, 0);
    g_assert_cmpstr (one->signer_name, ==, "张某");
    g_assert_false (concord_store_add_signature (f->store, id, again, "li", NULL, &error));
    g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_true (concord_store_remove_signature (f->store, one->id, "li", &error));
    g_assert_no_error (error);
    g_assert_true (concord_store_add_signature (f->store, id, twice, "li", &locked, &error));
    g_assert_no_error (error);
    g_assert_false (locked);
  }

  /* Once someone has signed, the version's text is fixed even before
   * the lock. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE agreement SET content = json_set(content, '$.copies', 9)"
                                            " WHERE id = %" G_GINT64_FORMAT, latest->id);
    g_autoptr(ConcordSignature) wild = pad_signature (latest->id, ((ConcordSigner *) g_ptr_array_index (signing->signers, 1))->key, 0);
    ConcordInkPoint off = { 9000.0f, 10.0f, 0.5f, 999 };

    expect_refused (f->store, sql);
    /* Strokes that would not read back are refused before they are stored. */
    g_array_append_val ((GArray *) g_ptr_array_index (wild->strokes, 0), off);
    g_assert_false (concord_store_add_signature (f->store, id, wild, "li", NULL, &error));
    g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* The others; the last locks. */
  for (guint i = 1; i < signing->signers->len; i++)
    {
      ConcordSigner *signer = g_ptr_array_index (signing->signers, i);
      g_autoptr(ConcordSignature) signature = pad_signature (latest->id, signer->key, i);

      g_assert_true (concord_store_add_signature (f->store, id, signature, "li", &locked, &error));
      g_assert_no_error (error);
      g_assert_cmpint (locked, ==, i == signing->signers->len - 1);
    }
  done = concord_store_load_signing (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (done->locked_at);
  g_assert_cmpstr (done->content_hash, ==, hash);
  for (guint i = 0; i < 4; i++)
    {
      ConcordSignature *signature = g_ptr_array_index (done->signatures, i);

      g_assert_nonnull (signature);
      g_assert_cmpint (signature->method, ==, CONCORD_SIGNATURE_METHOD_PAD);
      g_assert_cmpuint (concord_signature_count_points (signature), ==, 20);
      g_assert_cmpstr (signature->recorded_by, ==, "li");
    }

  /* Stored strokes read back exactly. */
  stored = concord_store_list_signatures (f->store, latest->id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ConcordSignature) expected = pad_signature (latest->id, "x", 1);
    g_autofree char *a = concord_signature_strokes_to_json (expected);
    g_autofree char *b = concord_signature_strokes_to_json (g_ptr_array_index (stored, 0));

    g_assert_cmpstr (a, ==, b);
  }

  /* Locked: nothing more through the store… */
  {
    g_autoptr(ConcordSignature) late = pad_signature (latest->id, "mediator", 0);

    g_assert_false (concord_store_add_signature (f->store, id, late, "li", NULL, &error));
    g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
    g_clear_error (&error);
    g_assert_false (concord_store_remove_signature (f->store, ((ConcordSignature *) g_ptr_array_index (stored, 0))->id,
                                                    "li", &error));
    g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
    g_clear_error (&error);
  }

  /* … and the database itself refuses, whoever writes to it. */
  {
    g_autofree char *sql = NULL;

    sql = g_strdup_printf ("UPDATE agreement SET content = json_set(content, '$.copies', 9) WHERE id = %"
                           G_GINT64_FORMAT, latest->id);
    expect_refused (f->store, sql);
    g_free (sql);
    sql = g_strdup_printf ("UPDATE agreement SET locked_at = NULL, content_hash = NULL WHERE id = %"
                           G_GINT64_FORMAT, latest->id);
    expect_refused (f->store, sql);
    g_free (sql);
    sql = g_strdup_printf ("UPDATE agreement SET submitted = 0 WHERE id = %" G_GINT64_FORMAT, latest->id);
    expect_refused (f->store, sql);
    g_free (sql);
    sql = g_strdup_printf ("DELETE FROM agreement WHERE id = %" G_GINT64_FORMAT, latest->id);
    expect_refused (f->store, sql);
    g_free (sql);
    sql = g_strdup_printf ("DELETE FROM signature WHERE agreement_id = %" G_GINT64_FORMAT, latest->id);
    expect_refused (f->store, sql);
    g_free (sql);
    sql = g_strdup_printf ("UPDATE signature SET strokes = '[]' WHERE agreement_id = %" G_GINT64_FORMAT,
                           latest->id);
    expect_refused (f->store, sql);
    g_free (sql);
    sql = g_strdup_printf ("INSERT INTO signature (agreement_id, position, signer, signer_name, method,"
                           " signed_at, recorded_by, checked_by) VALUES (%" G_GINT64_FORMAT
                           ", 9, 'party:1', 'x', 'ink', '2026-11-20T00:00:00Z', 'li', 'x')",
                           latest->id);
    expect_refused (f->store, sql);
    g_free (sql);
    sql = g_strdup_printf ("DELETE FROM cases WHERE id = %" G_GINT64_FORMAT, id);
    expect_refused (f->store, sql);
    g_free (sql);
    /* REPLACE would delete the locked row and write another. */
    sql = g_strdup_printf ("INSERT OR REPLACE INTO agreement (id, case_id, version, template, content, saved_at,"
                           " saved_by) SELECT id, case_id, version, template, json_set(content, '$.copies', 9),"
                           " saved_at, saved_by FROM agreement WHERE id = %" G_GINT64_FORMAT, latest->id);
    expect_refused (f->store, sql);
    g_free (sql);
    sql = g_strdup_printf ("REPLACE INTO agreement (case_id, version, template, content, saved_at, saved_by)"
                           " VALUES (%" G_GINT64_FORMAT ", %d, 'people-mediation', '{}', 'x', 'x')",
                           id, latest->version);
    expect_refused (f->store, sql);
    g_free (sql);
    sql = g_strdup_printf ("REPLACE INTO signature (id, agreement_id, position, signer, signer_name, method,"
                           " signed_at, recorded_by, checked_by) SELECT id, agreement_id, position, signer,"
                           " signer_name, 'ink', signed_at, recorded_by, 'x' FROM signature WHERE agreement_id = %"
                           G_GINT64_FORMAT " LIMIT 1", latest->id);
    expect_refused (f->store, sql);
    g_free (sql);
    /* A version cannot be created locked, nor locked without its hash. */
    sql = g_strdup_printf ("INSERT INTO agreement (case_id, version, template, content, saved_at, saved_by,"
                           " locked_at) VALUES (%" G_GINT64_FORMAT ", 99, 'people-mediation', '{}',"
                           " '2026-11-20T00:00:00Z', 'li', '2026-11-20T00:00:00Z')", id);
    expect_refused (f->store, sql);
  }

  /* Everything is still as signed. */
  {
    g_autoptr(ConcordAgreement) again = concord_store_load_agreement (f->store, id, 0, &error);
    g_autofree char *hash_again = NULL;

    g_assert_no_error (error);
    hash_again = concord_agreement_content_hash (again);
    g_assert_cmpstr (hash_again, ==, hash);
  }

  /* Signed by everyone: it does not go back to drafting. */
  g_assert_false (concord_store_move_stage (f->store, id, CONCORD_STAGE_DRAFTING, "再改一处", "li", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);

  /* Signed: follow-up may begin. */
  g_assert_true (concord_store_move_stage (f->store, id, CONCORD_STAGE_FOLLOW_UP, NULL, "li", &error));
  g_assert_no_error (error);
}

static void
test_paper (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = fire_case_at_signing (f);
  g_autoptr(ConcordSigning) signing = concord_store_load_signing (f->store, id, &error);
  g_autoptr(ConcordSigning) done = NULL;
  g_autoptr(ConcordSignature) mediator = NULL;
  g_autofree char *today = concord_clock_today_iso ();
  static const char *const bad_dates[] = { "", "2026-13-01", "2026-02-30", "20261120", "2026-11-2", "昨天" };

  g_assert_no_error (error);

  /* The mediator signs on screen first; the parties sign on paper. */
  mediator = pad_signature (signing->agreement_id, "mediator", 0);
  g_assert_true (concord_store_add_signature (f->store, id, mediator, "li", NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_assert_false (concord_store_record_paper_signing (f->store, id, signing->agreement_id, bad_dates[i],
                                                          "王书记员", "li", &error));
      g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (concord_store_record_paper_signing (f->store, id, signing->agreement_id, "2099-01-01",
                                                      "王书记员", "li", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);
  g_assert_false (concord_store_record_paper_signing (f->store, id, signing->agreement_id, "2020-01-01",
                                                      "王书记员", "li", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (concord_store_record_paper_signing (f->store, id, signing->agreement_id, today, "  ",
                                                      "li", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (concord_store_record_paper_signing (f->store, id, signing->agreement_id, today, " 王书记员 ",
                                                     "li", &error));
  g_assert_no_error (error);
  done = concord_store_load_signing (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (done->locked_at);
  for (guint i = 0; i < 3; i++)
    {
      ConcordSignature *signature = g_ptr_array_index (done->signatures, i);

      g_assert_cmpint (signature->method, ==, CONCORD_SIGNATURE_METHOD_INK);
      g_assert_cmpuint (signature->strokes->len, ==, 0);
      g_assert_cmpstr (signature->checked_by, ==, "王书记员");
      g_assert_true (g_str_has_prefix (signature->signed_at, today));
    }
  g_assert_cmpint (((ConcordSignature *) g_ptr_array_index (done->signatures, 3))->method, ==,
                   CONCORD_SIGNATURE_METHOD_PAD);

  /* Nothing left to record. */
  g_assert_false (concord_store_record_paper_signing (f->store, id, signing->agreement_id, today, "王书记员",
                                                      "li", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
}

static void
test_marriage (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = fixture_quick_case ("刘某", "婚后财产分割与子女抚养纠纷。");
  g_autoptr(ConcordSigning) signing = NULL;
  g_autoptr(ConcordSignature) signature = NULL;
  g_autofree char *today = concord_clock_today_iso ();
  g_autofree char *reason = NULL;

  g_free (c->category);
  c->category = g_strdup ("marriage_family");
  g_assert_true (concord_store_save_case (f->store, c, "li", &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_decide_case (f->store, c->id, TRUE, NULL, "li", &error));
  g_assert_true (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_FACE_TO_FACE, NULL, "li", &error));
  g_assert_true (concord_store_move_stage (f->store, c->id, CONCORD_STAGE_DRAFTING, NULL, "li", &error));
  g_assert_no_error (error);
  g_assert_true (fixture_move (f->store, c->id, CONCORD_STAGE_SIGNING, NULL, "li", &error));
  g_assert_no_error (error);

  signing = concord_store_load_signing (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_false (signing->pad_allowed);
  g_assert_nonnull (strstr (signing->pad_refusal, "art. 3"));

  signature = pad_signature (signing->agreement_id, "mediator", 0);
  g_assert_false (concord_store_add_signature (f->store, c->id, signature, "li", NULL, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_assert_cmpstr (error->message, ==, signing->pad_refusal);
  g_clear_error (&error);

  g_assert_true (concord_store_record_paper_signing (f->store, c->id, signing->agreement_id, today, "王书记员",
                                                     "li", &error));
  g_assert_no_error (error);

  /* The rule itself, on categories a station named. */
  g_free (c->category);
  c->category = g_strdup ("custom_1");
  g_assert_false (concord_signature_pad_allowed (c, "遗产继承", &reason));
  g_assert_nonnull (reason);
  g_assert_false (concord_signature_pad_allowed (c, "收养关系", NULL));
  g_assert_false (concord_signature_pad_allowed (c, "Divorce settlements", NULL));
  g_assert_true (concord_signature_pad_allowed (c, "邻里纠纷", NULL));
  g_assert_true (concord_signature_pad_allowed (c, NULL, NULL));
}

static void
test_back_to_drafting (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = fire_case_at_signing (f);
  g_autoptr(ConcordSigning) before = concord_store_load_signing (f->store, id, &error);
  g_autoptr(ConcordSigning) after = NULL;
  g_autoptr(ConcordSignature) first = NULL;
  g_autoptr(ConcordAgreement) changed = NULL;
  g_autoptr(GPtrArray) old = NULL;

  g_assert_no_error (error);
  first = pad_signature (before->agreement_id, ((ConcordSigner *) g_ptr_array_index (before->signers, 0))->key, 0);
  g_assert_true (concord_store_add_signature (f->store, id, first, "li", NULL, &error));
  g_assert_no_error (error);

  /* A party wants a clause changed: back to drafting, with the reason. */
  g_assert_false (concord_store_move_stage (f->store, id, CONCORD_STAGE_DRAFTING, NULL, "li", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (concord_store_move_stage (f->store, id, CONCORD_STAGE_DRAFTING, "乙方要求修改履行期限",
                                           "li", &error));
  g_assert_no_error (error);
  changed = concord_store_load_agreement (f->store, id, 0, &error);
  g_assert_no_error (error);
  concord_agreement_set_field (changed, "responsibility", "各方对火灾损失承担相应责任，履行期限另行约定。");
  g_assert_true (concord_store_save_agreement (f->store, changed, "li", &error));
  g_assert_no_error (error);
  g_assert_true (fixture_move (f->store, id, CONCORD_STAGE_REVIEW, NULL, "li", &error));
  g_assert_true (fixture_move (f->store, id, CONCORD_STAGE_SIGNING, NULL, "chen", &error));
  g_assert_no_error (error);

  /* The new version is signed afresh; the old one keeps its signature. */
  after = concord_store_load_signing (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->agreement_id, !=, before->agreement_id);
  g_assert_cmpstr (after->code, !=, before->code);
  for (guint i = 0; i < after->signatures->len; i++)
    g_assert_null (g_ptr_array_index (after->signatures, i));
  old = concord_store_list_signatures (f->store, before->agreement_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old->len, ==, 1);
  /* The old version's signature can no longer be taken away nor added to. */
  {
    g_autoptr(ConcordSignature) late = pad_signature (before->agreement_id, "mediator", 0);

    g_assert_false (concord_store_add_signature (f->store, id, late, "li", NULL, &error));
    g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  }
}

static void
test_strokes_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordSignature) signature = concord_signature_new (CONCORD_SIGNATURE_METHOD_PAD);
  g_autoptr(ConcordSignature) read = concord_signature_new (CONCORD_SIGNATURE_METHOD_PAD);
  g_autoptr(ConcordSignature) copy = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  GArray *stroke = concord_signature_add_stroke (signature);
  ConcordInkPoint points[] = { { 10.04f, 20.5f, 0.5f, 0 }, { 599.96f, 239.9f, 1.0f, 17 }, { 0, 0, 0, 17 } };
  static const char *const bad[] = {
    "", "{}", "[1]", "[[1,2,3]]", "[[1,2,0.5,0,1]]", "[[-1,2,0.5,0]]", "[[1,241,0.5,0]]", "[[1,2,1.5,0]]",
    "[[1,2,0.5,10,1,2,0.5,9]]", "[[1,2,0.5,\"0\"]]", "[[1,2,0.5,0.5]]", "[[]]", "[[1,2,null,0]]",
  };

  g_array_append_vals (stroke, points, G_N_ELEMENTS (points));
  json = concord_signature_strokes_to_json (signature);
  g_assert_cmpstr (json, ==, "[[10,20.5,0.5,0,600,239.9,1,17,0,0,0,17]]");
  g_assert_true (concord_signature_strokes_from_json (read, json, &error));
  g_assert_no_error (error);
  again = concord_signature_strokes_to_json (read);
  g_assert_cmpstr (again, ==, json);
  copy = concord_signature_copy (read);
  g_assert_cmpuint (concord_signature_count_points (copy), ==, 3);
  g_assert_true (concord_signature_check_strokes (copy, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (concord_signature_strokes_from_json (read, bad[i], &error));
      g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
      g_clear_error (&error);
      /* A refused text leaves the strokes as they were. */
      g_assert_cmpuint (concord_signature_count_points (read), ==, 3);
    }
  g_assert_true (concord_signature_strokes_from_json (read, "[]", &error));
  g_assert_false (concord_signature_check_strokes (read, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
}

static void
test_codes (void)
{
  g_autoptr(ConcordAgreement) a = concord_agreement_new ("people-mediation");
  g_autoptr(ConcordAgreement) b = NULL;
  g_autofree char *code_a = NULL;
  g_autofree char *code_b = NULL;
  g_autofree char *hash = NULL;
  struct { const char *typed; const char *expected; } codes[] = {
    { "3f2a9c1b77d0", "3F2A-9C1B-77D0" }, { "3F2A-9C1B-77D0", "3F2A-9C1B-77D0" },
    { " 3f2a 9c1b 77d0 ", "3F2A-9C1B-77D0" }, { "3F2A-9C1B-77D", NULL }, { "3F2A-9C1B-77D0A", NULL },
    { "3G2A-9C1B-77D0", NULL }, { "", NULL }, { "３F2A9C1B77D0", NULL },
  };

  concord_agreement_set_field (a, "facts", "2026年3月，吴某某在夜市放烟花引燃棚屋。");
  a->copies = 4;
  b = concord_agreement_copy (a);
  b->id = 77;
  b->version = 3;
  b->saved_at = g_strdup ("2026-11-20T08:00:00Z");
  code_a = concord_agreement_verification_code (a);
  code_b = concord_agreement_verification_code (b);
  /* The code is the content's, not the row's. */
  g_assert_cmpstr (code_a, ==, code_b);
  g_assert_true (g_regex_match_simple ("^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$", code_a, 0, 0));
  hash = concord_agreement_content_hash (a);
  g_assert_cmpuint (strlen (hash), ==, 64);
  {
    g_autofree char *upper = g_ascii_strup (hash, 12);

    g_assert_true (strncmp (code_a, upper, 4) == 0);
  }
  b->copies = 5;
  g_free (code_b);
  code_b = concord_agreement_verification_code (b);
  g_assert_cmpstr (code_a, !=, code_b);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *normal = concord_verification_code_normalize (codes[i].typed);

      g_assert_cmpstr (normal, ==, codes[i].expected);
    }
}

static void
test_font_setting (void)
{
  struct { const char *spec; gboolean set; const char *path; guint index; } cases[] = {
    { NULL, FALSE, NULL, 0 }, { "  ", FALSE, NULL, 0 },
    { "/usr/share/fonts/a.ttf", TRUE, "/usr/share/fonts/a.ttf", 0 },
    { "/usr/share/fonts/uming.ttc#1", TRUE, "/usr/share/fonts/uming.ttc", 1 },
    { " /x/#fonts/b.ttc#2 ", TRUE, "/x/#fonts/b.ttc", 2 },
    { "/x/c#d.ttf", TRUE, "/x/c#d.ttf", 0 },
    { "/x/e.ttc#", TRUE, "/x/e.ttc#", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;
      guint index = 99;

      g_assert_cmpint (concord_document_parse_font_setting (cases[i].spec, &path, &index), ==, cases[i].set);
      g_assert_cmpstr (path, ==, cases[i].path);
      g_assert_cmpuint (index, ==, cases[i].index);
    }
}

/* Verification */

static ConcordVerdictKind
verdict_of (ConcordStore *store,
            GBytes       *pdf,
            char        **summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordVerdict) verdict = concord_document_verify (store, pdf, &error);

  g_assert_no_error (error);
  g_assert_nonnull (verdict);
  g_assert_nonnull (verdict->summary);
  if (summary != NULL)
    *summary = g_strdup (verdict->summary);
  return verdict->kind;
}

/* @pdf with the byte at @offset changed. */
static GBytes *
altered (GBytes *pdf,
         gsize   offset)
{
  gsize size;
  guint8 *data = g_memdup2 (g_bytes_get_data (pdf, &size), g_bytes_get_size (pdf));

  g_assert_cmpuint (offset, <, size);
  data[offset] ^= 0x20;
  return g_bytes_new_take (data, size);
}

static void
test_verify (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = fire_case_at_signing (f);
  g_autoptr(ConcordSigning) signing = concord_store_load_signing (f->store, id, &error);
  g_autoptr(GBytes) ink = NULL;
  g_autoptr(GBytes) signed_copy = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GBytes) garbage = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *today = concord_clock_today_iso ();
  ConcordPdfMarker marker;
  guint pages = 0;
  gint64 print_id;

  g_assert_no_error (error);
  ink = concord_document_render (f->store, id, 0, FALSE, &pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages, >=, 1);
  g_assert_true (concord_pdf_read_marker (ink, &marker));
  g_assert_cmpint (marker.case_id, ==, id);
  g_assert_cmpint (marker.agreement_id, ==, signing->agreement_id);
  g_assert_cmpstr (marker.code, ==, signing->code);
  g_assert_false (marker.signed_copy);

  /* Printed for ink, before anyone signed: unchanged but unsigned. */
  g_assert_cmpint (verdict_of (f->store, ink, NULL), ==, CONCORD_VERDICT_UNSIGNED);

  /* Archived when printed. */
  print_id = concord_store_archive_print (f->store, signing->agreement_id, ink, pages, 4, "wang", &error);
  g_assert_no_error (error);
  g_assert_cmpint (print_id, >, 0);
  g_assert_cmpint (concord_store_archive_print (f->store, signing->agreement_id, ink, pages, 1, "wang",
                                                &error), ==, print_id);
  {
    g_autoptr(GPtrArray) prints = concord_store_list_prints (f->store, id, &error);
    g_autoptr(GBytes) back = concord_store_load_print_bytes (f->store, print_id, &error);
    ConcordPrint *print;

    g_assert_no_error (error);
    g_assert_cmpuint (prints->len, ==, 1);
    print = g_ptr_array_index (prints, 0);
    g_assert_cmpuint (print->copies, ==, 5);
    g_assert_cmpuint (print->pages, ==, pages);
    g_assert_cmpuint (print->size, ==, g_bytes_get_size (ink));
    g_assert_false (print->signed_copy);
    g_assert_cmpstr (print->printed_by, ==, "wang");
    g_assert_true (g_bytes_equal (back, ink));
  }
  {
    g_autofree char *where = g_strdup_printf (" WHERE id = %" G_GINT64_FORMAT, print_id);
    const char *const attacks[] = {
      "UPDATE printed_document SET pdf = x'00'",
      "UPDATE printed_document SET signed_copy = 1",
      "DELETE FROM printed_document",
      "REPLACE INTO printed_document (id, case_id, agreement_id, sha256, pdf, pages, copies, signed_copy,"
      " printed_at, printed_by) SELECT id, case_id, agreement_id, sha256, x'00', pages, copies, signed_copy,"
      " printed_at, printed_by FROM printed_document",
    };

    for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
      {
        g_autofree char *sql = g_strconcat (attacks[i], where, NULL);

        g_assert_false (_concord_sqlite_store_exec (CONCORD_SQLITE_STORE (f->store), sql, &error));
        g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
        g_clear_error (&error);
      }
  }
  /* Only a rendering of that version is archived. */
  {
    g_autoptr(GBytes) other = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);

    g_assert_cmpint (concord_store_archive_print (f->store, signing->agreement_id, other, 1, 1, "wang",
                                                  &error), ==, 0);
    g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (concord_store_archive_print (f->store, signing->agreement_id + 1000, ink, pages, 1,
                                                  "wang", &error), ==, 0);
    g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Signed on paper: the printed copy is now the genuine one. */
  g_assert_true (concord_store_record_paper_signing (f->store, id, signing->agreement_id, today, "王书记员",
                                                     "li", &error));
  g_assert_no_error (error);
  g_assert_cmpint (verdict_of (f->store, ink, &summary), ==, CONCORD_VERDICT_GENUINE);
  g_assert_nonnull (strstr (summary, "(2026)"));
  {
    g_autoptr(ConcordVerdict) verdict = concord_document_verify (f->store, ink, &error);

    g_assert_no_error (error);
    g_assert_true (verdict->archived);
    g_assert_cmpint (verdict->version, ==, signing->version);
    g_assert_cmpstr (verdict->code, ==, signing->code);
    g_assert_nonnull (verdict->locked_at);
  }

  /* A reprint, not archived, is the same bytes: genuine by rendering. */
  signed_copy = concord_document_render (f->store, id, 0, TRUE, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ConcordVerdict) verdict = concord_document_verify (f->store, signed_copy, &error);

    g_assert_no_error (error);
    g_assert_cmpint (verdict->kind, ==, CONCORD_VERDICT_GENUINE);
  }

  /* One byte changed in the middle, in the last quarter, near the end. */
  {
    gsize size = g_bytes_get_size (ink);
    gsize offsets[] = { size / 2, size * 3 / 4, size / 3 };

    for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
      {
        ConcordPdfMarker seen;

        changed = altered (ink, offsets[i]);
        if (!concord_pdf_read_marker (changed, &seen))
          {
            /* The byte hit the marker: no longer recognised. */
            g_assert_cmpint (verdict_of (f->store, changed, NULL), ==, CONCORD_VERDICT_FOREIGN);
          }
        else
          g_assert_cmpint (verdict_of (f->store, changed, NULL), !=, CONCORD_VERDICT_GENUINE);
        g_clear_pointer (&changed, g_bytes_unref);
      }
  }
  /* A changed byte in a page's content: altered. */
  {
    const char *bytes = g_bytes_get_data (ink, NULL);
    const char *stream = g_strstr_len (bytes, (gssize) g_bytes_get_size (ink), "stream\n");
    g_autofree char *text = NULL;

    g_assert_nonnull (stream);
    changed = altered (ink, (gsize) (stream - bytes) + 40);
    g_assert_cmpint (verdict_of (f->store, changed, &text), ==, CONCORD_VERDICT_ALTERED);
    g_assert_nonnull (strstr (text, "(2026)"));
    g_clear_pointer (&changed, g_bytes_unref);
  }

  /* Not a PDF; a PDF without a mark. */
  garbage = g_bytes_new_static ("hello", 5);
  g_assert_cmpint (verdict_of (f->store, garbage, NULL), ==, CONCORD_VERDICT_FOREIGN);
  g_clear_pointer (&garbage, g_bytes_unref);
  garbage = g_bytes_new_static ("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n", 36);
  g_assert_cmpint (verdict_of (f->store, garbage, NULL), ==, CONCORD_VERDICT_FOREIGN);
}

/* A mark naming a version this database does not have, or with another
 * code: not of this database. */
static void
test_verify_foreign_database (Fixture      *f,
                              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = fire_case_at_signing (f);
  g_autoptr(GBytes) pdf = concord_document_render (f->store, id, 0, FALSE, NULL, &error);
  Fixture other = { 0 };
  g_autofree char *today = concord_clock_today_iso ();

  g_assert_no_error (error);

  /* A fresh database of its own: nothing there. */
  fixture_set_up (&other, NULL);
  g_assert_cmpint (verdict_of (other.store, pdf, NULL), ==, CONCORD_VERDICT_UNKNOWN);

  /* A database with a case of the same id but other content. */
  {
    g_autoptr(ConcordCase) c = fixture_quick_case ("别人", "另一起纠纷。");
    g_autoptr(ConcordSigning) signing = NULL;

    g_assert_true (concord_store_save_case (other.store, c, "li", &error));
    g_assert_true (concord_store_decide_case (other.store, c->id, TRUE, NULL, "li", &error));
    g_assert_true (concord_store_move_stage (other.store, c->id, CONCORD_STAGE_FACE_TO_FACE, NULL, "li", &error));
    g_assert_true (concord_store_move_stage (other.store, c->id, CONCORD_STAGE_DRAFTING, NULL, "li", &error));
    g_assert_true (fixture_move (other.store, c->id, CONCORD_STAGE_SIGNING, NULL, "li", &error));
    g_assert_no_error (error);
    signing = concord_store_load_signing (other.store, c->id, &error);
    g_assert_true (concord_store_record_paper_signing (other.store, c->id, signing->agreement_id, today,
                                                       "王书记员", "li", &error));
    g_assert_no_error (error);
    g_assert_cmpint (verdict_of (other.store, pdf, NULL), ==, CONCORD_VERDICT_UNKNOWN);
  }
  fixture_tear_down (&other, NULL);
}

/* An unsigned version replaced by a later one. */
static void
test_verify_superseded (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = fire_case_at_signing (f);
  g_autoptr(GBytes) first = concord_document_render (f->store, id, 0, FALSE, NULL, &error);
  g_autoptr(ConcordAgreement) changed = NULL;

  g_assert_no_error (error);
  g_assert_true (concord_store_move_stage (f->store, id, CONCORD_STAGE_DRAFTING, "改期限", "li", &error));
  changed = concord_store_load_agreement (f->store, id, 0, &error);
  g_assert_no_error (error);
  g_ptr_array_unref (concord_agreement_set_copies (changed, 6));
  g_assert_true (concord_store_save_agreement (f->store, changed, "li", &error));
  g_assert_no_error (error);
  g_assert_cmpint (verdict_of (f->store, first, NULL), ==, CONCORD_VERDICT_SUPERSEDED);
}

/* The text of @pdf, by pdftotext. */
static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  int fd = g_file_open_tmp ("concord-signing-XXXXXX.pdf", &path, &error);
  const char *argv[] = { "pdftotext", "-q", NULL, "-", NULL };
  int status = 0;

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), NULL));
  argv[2] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_remove (path);
  return g_steal_pointer (&out);
}

/* Signed on screen: the copy with the signatures is the genuine one; a
 * blank copy of it says it shows none. */
static void
test_verify_blank_of_pad (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = fire_case_at_signing (f);
  g_autoptr(ConcordSigning) signing = concord_store_load_signing (f->store, id, &error);
  g_autoptr(GBytes) blank = NULL;
  g_autoptr(GBytes) signed_copy = NULL;
  ConcordPdfMarker marker;

  g_assert_no_error (error);
  for (guint i = 0; i < signing->signers->len; i++)
    {
      g_autoptr(ConcordSignature) signature =
        pad_signature (signing->agreement_id, ((ConcordSigner *) g_ptr_array_index (signing->signers, i))->key, i);

      g_assert_true (concord_store_add_signature (f->store, id, signature, "li", NULL, &error));
      g_assert_no_error (error);
    }
  blank = concord_document_render (f->store, id, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  signed_copy = concord_document_render (f->store, id, 0, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (blank, signed_copy));
  g_assert_true (concord_pdf_read_marker (signed_copy, &marker));
  g_assert_true (marker.signed_copy);
  g_assert_cmpint (verdict_of (f->store, signed_copy, NULL), ==, CONCORD_VERDICT_GENUINE);
  g_assert_cmpint (verdict_of (f->store, blank, NULL), ==, CONCORD_VERDICT_UNSIGNED);
  /* Signed on screen by everyone: the date of signing is printed; the
   * blank copy leaves it to be written by hand. */
  {
    g_autofree char *signed_text = pdf_text (signed_copy);
    g_autofree char *blank_text = pdf_text (blank);

    g_assert_nonnull (strstr (signed_text, "2026年11月20日"));
    g_assert_null (strstr (blank_text, "2026年11月20日"));
    g_assert_nonnull (strstr (blank_text, "年"));
  }
  /* Archived, the blank copy still says so. */
  g_assert_cmpint (concord_store_archive_print (f->store, signing->agreement_id, blank, 1, 1, "wang",
                                                &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (verdict_of (f->store, blank, NULL), ==, CONCORD_VERDICT_UNSIGNED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  concord_clock_set_fixed ("2026-11-20T08:00:00Z");

  g_test_add ("/signing/pad-and-lock", Fixture, NULL, fixture_set_up, test_pad_and_lock, fixture_tear_down);
  g_test_add ("/signing/paper", Fixture, NULL, fixture_set_up, test_paper, fixture_tear_down);
  g_test_add ("/signing/marriage", Fixture, NULL, fixture_set_up, test_marriage, fixture_tear_down);
  g_test_add ("/signing/back-to-drafting", Fixture, NULL, fixture_set_up, test_back_to_drafting,
              fixture_tear_down);
  g_test_add_func ("/signing/strokes-json", test_strokes_json);
  g_test_add_func ("/signing/codes", test_codes);
  g_test_add_func ("/document/font-setting", test_font_setting);
  g_test_add ("/document/verify", Fixture, NULL, fixture_set_up, test_verify, fixture_tear_down);
  g_test_add ("/document/verify-foreign-database", Fixture, NULL, fixture_set_up, test_verify_foreign_database,
              fixture_tear_down);
  g_test_add ("/document/verify-blank-of-pad", Fixture, NULL, fixture_set_up, test_verify_blank_of_pad,
              fixture_tear_down);
  g_test_add ("/document/verify-superseded", Fixture, NULL, fixture_set_up, test_verify_superseded,
              fixture_tear_down);
  return g_test_run ();
}
