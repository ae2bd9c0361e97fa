/* test-stage.c — the stage state machine against an independent table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concord-core.h"
#include "test-fixtures.h"

/* The path of DESIGN.md written out by hand: legal[from][to] is 1 for a
 * legal move, 2 for a legal move that needs a reason. Rows and columns in
 * the order of ConcordStage: R A BB FF D RV S FU C NA F W. Drafting goes
 * straight to signing when the station does not require legal review. */
static const int legal[CONCORD_N_STAGES][CONCORD_N_STAGES] = {
  /*               R  A  BB FF D  RV S  FU C  NA F  W */
  /* received */ { 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2 },
  /* accepted */ { 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 2, 2 },
  /* b2b      */ { 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 2, 2 },
  /* f2f      */ { 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 2, 2 },
  /* drafting */ { 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 2, 2 },
  /* review   */ { 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 2 },
  /* signing  */ { 0, 0, 0, 0, 2, 0, 0, 1, 0, 0, 0, 0 },
  /* followup */ { 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0 },
  /* closed   */ { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
  /* not acc. */ { 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0 },
  /* failed   */ { 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0 },
  /* withdrawn*/ { 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0 },
};

static void
test_all_pairs (void)
{
  for (int from = 0; from < CONCORD_N_STAGES; from++)
    for (int to = 0; to < CONCORD_N_STAGES; to++)
      {
        g_autoptr(GError) error = NULL;
        gboolean ok;

        g_test_message ("%s → %s", concord_stage_to_code (from), concord_stage_to_code (to));
        g_assert_cmpint (concord_stage_can_move (from, to), ==, legal[from][to] != 0);

        /* With a reason: exactly the legal moves pass. */
        ok = concord_stage_check_move (from, to, "当事人自愿", &error);
        if (legal[from][to])
          {
            g_assert_no_error (error);
            g_assert_true (ok);
          }
        else
          {
            g_assert_false (ok);
            g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
            g_assert_cmpuint (strlen (error->message), >, 10);
          }
        g_clear_error (&error);

        /* Without a reason (NULL, and blank): the moves that need one are
         * refused for that. */
        for (guint k = 0; k < 2; k++)
          {
            ok = concord_stage_check_move (from, to, k == 0 ? NULL : " \t　", &error);
            if (legal[from][to] == 1)
              {
                g_assert_no_error (error);
                g_assert_true (ok);
              }
            else if (legal[from][to] == 2)
              {
                g_assert_false (ok);
                g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
                g_assert_true (g_str_has_prefix (error->message, "Give the reason") ||
                               g_str_has_prefix (error->message, "Say what the legal review") ||
                               g_str_has_prefix (error->message, "Say what must change"));
              }
            else
              {
                g_assert_false (ok);
                g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
              }
            g_clear_error (&error);
          }
        g_assert_cmpint (concord_stage_move_needs_reason (from, to) && legal[from][to], ==, legal[from][to] == 2);
      }
}

static void
test_next_moves (void)
{
  for (int from = 0; from < CONCORD_N_STAGES; from++)
    {
      guint n = 99;
      const ConcordStage *next = concord_stage_next_moves (from, &n);
      guint expected = 0;

      for (int to = 0; to < CONCORD_N_STAGES; to++)
        expected += legal[from][to] != 0;
      g_assert_cmpuint (n, ==, expected);
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpint (legal[from][next[i]], !=, 0);
          for (guint j = 0; j < i; j++)
            g_assert_cmpint (next[i], !=, next[j]);
        }
    }

  /* The next step of the path comes first. */
  {
    guint n = 0;

    g_assert_cmpint (concord_stage_next_moves (CONCORD_STAGE_RECEIVED, &n)[0], ==, CONCORD_STAGE_ACCEPTED);
    g_assert_cmpint (concord_stage_next_moves (CONCORD_STAGE_DRAFTING, &n)[0], ==, CONCORD_STAGE_REVIEW);
    g_assert_cmpint (concord_stage_next_moves (CONCORD_STAGE_REVIEW, &n)[0], ==, CONCORD_STAGE_SIGNING);
    g_assert_null (concord_stage_next_moves (CONCORD_STAGE_CLOSED, &n));
    g_assert_cmpuint (n, ==, 0);
  }
}

/* The messages say why, in the mediator's words. */
static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (concord_stage_check_move (CONCORD_STAGE_DRAFTING, CONCORD_STAGE_CLOSED, "x", &error));
  g_assert_cmpstr (error->message, ==,
                   "A case can only be closed after the follow-up visit, or after it failed, "
                   "was withdrawn or not accepted.");
  g_clear_error (&error);

  g_assert_false (concord_stage_check_move (CONCORD_STAGE_FACE_TO_FACE, CONCORD_STAGE_FAILED, NULL, &error));
  g_assert_cmpstr (error->message, ==, "Give the reason why the mediation failed.");
  g_clear_error (&error);

  g_assert_false (concord_stage_check_move (CONCORD_STAGE_SIGNING, CONCORD_STAGE_WITHDRAWN, "x", &error));
  g_assert_cmpstr (error->message, ==, "A case can only be withdrawn before the agreement is signed.");
  g_clear_error (&error);

  g_assert_false (concord_stage_check_move (CONCORD_STAGE_RECEIVED, CONCORD_STAGE_BACK_TO_BACK, NULL, &error));
  g_assert_cmpstr (error->message, ==, "Accept the case before holding sessions with the parties.");
  g_clear_error (&error);

  g_assert_false (concord_stage_check_move (CONCORD_STAGE_FAILED, CONCORD_STAGE_ACCEPTED, NULL, &error));
  g_assert_nonnull (strstr (error->message, "it can only be closed now"));
  g_clear_error (&error);

  g_assert_false (concord_stage_check_move (CONCORD_STAGE_CLOSED, CONCORD_STAGE_CLOSED, NULL, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);

  /* Out of range: refused, not a crash. */
  g_assert_false (concord_stage_check_move (CONCORD_N_STAGES, CONCORD_STAGE_CLOSED, NULL, &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_false (concord_stage_can_move (-1, CONCORD_STAGE_CLOSED));
}

/* Scenario 2's short path and scenario 1's long one are both legal. */
static void
test_paths (void)
{
  static const ConcordStage short_path[] = {
    CONCORD_STAGE_RECEIVED, CONCORD_STAGE_ACCEPTED, CONCORD_STAGE_FACE_TO_FACE, CONCORD_STAGE_DRAFTING,
    CONCORD_STAGE_REVIEW, CONCORD_STAGE_SIGNING, CONCORD_STAGE_FOLLOW_UP, CONCORD_STAGE_CLOSED,
  };
  static const ConcordStage long_path[] = {
    CONCORD_STAGE_RECEIVED, CONCORD_STAGE_ACCEPTED, CONCORD_STAGE_BACK_TO_BACK, CONCORD_STAGE_FACE_TO_FACE,
    CONCORD_STAGE_BACK_TO_BACK, CONCORD_STAGE_FACE_TO_FACE, CONCORD_STAGE_DRAFTING, CONCORD_STAGE_REVIEW,
    CONCORD_STAGE_DRAFTING, CONCORD_STAGE_REVIEW, CONCORD_STAGE_SIGNING, CONCORD_STAGE_FOLLOW_UP,
    CONCORD_STAGE_CLOSED,
  };

  for (guint i = 1; i < G_N_ELEMENTS (short_path); i++)
    g_assert_true (concord_stage_check_move (short_path[i - 1], short_path[i], NULL, NULL));
  for (guint i = 1; i < G_N_ELEMENTS (long_path); i++)
    g_assert_true (concord_stage_check_move (long_path[i - 1], long_path[i], "需修改违约条款", NULL));
}

/* Through the store */

#define R  CONCORD_STAGE_RECEIVED
#define A  CONCORD_STAGE_ACCEPTED
#define BB CONCORD_STAGE_BACK_TO_BACK
#define FF CONCORD_STAGE_FACE_TO_FACE
#define D  CONCORD_STAGE_DRAFTING
#define RV CONCORD_STAGE_REVIEW
#define S  CONCORD_STAGE_SIGNING
#define FU CONCORD_STAGE_FOLLOW_UP
#define C  CONCORD_STAGE_CLOSED
#define NA CONCORD_STAGE_NOT_ACCEPTED
#define F  CONCORD_STAGE_FAILED
#define W  CONCORD_STAGE_WITHDRAWN
#define END -1

/* A legal way from received to each stage. */
static const int way_to[CONCORD_N_STAGES][8] = {
  [R] = { END },
  [A] = { A, END },
  [BB] = { A, BB, END },
  [FF] = { A, FF, END },
  [D] = { A, BB, D, END },
  [RV] = { A, BB, D, RV, END },
  [S] = { A, FF, D, RV, S, END },
  [FU] = { A, FF, D, RV, S, FU, END },
  [C] = { A, FF, D, RV, S, FU, C, END },
  [NA] = { NA, END },
  [F] = { A, F, END },
  [W] = { W, END },
};

/* A move through the store, the way the application makes it
 * (fixture_move()). */
#define store_move fixture_move

static gint64
case_at (ConcordStore *store,
         ConcordStage  stage)
{
  g_autoptr(ConcordCase) c = fixture_quick_case ("冯某", "一句话的纠纷。");
  g_autoptr(GError) error = NULL;

  g_assert_true (concord_store_save_case (store, c, "mediator", &error));
  g_assert_no_error (error);
  for (guint i = 0; way_to[stage][i] != END; i++)
    {
      g_assert_true (store_move (store, c->id, way_to[stage][i], "理由", "mediator", &error));
      g_assert_no_error (error);
    }
  return c->id;
}

static guint
count_of (GPtrArray *array)
{
  g_assert_nonnull (array);
  return array->len;
}

static void
test_store_all_moves (Fixture      *f,
                      gconstpointer data)
{
  g_setenv ("CONCORD_NOW", "2026-11-20T08:00:00Z", TRUE);

  for (int from = 0; from < CONCORD_N_STAGES; from++)
    {
      gint64 id = case_at (f->store, from);

      for (int to = 0; to < CONCORD_N_STAGES; to++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(ConcordCase) before = concord_store_load_case (f->store, id, &error);
          g_autoptr(ConcordCase) after = NULL;
          g_autoptr(GPtrArray) moves = concord_store_list_stage_moves (f->store, id, &error);
          g_autoptr(GPtrArray) audit = concord_store_list_audit (f->store, id, &error);
          g_autoptr(GPtrArray) moves_after = NULL;
          g_autoptr(GPtrArray) audit_after = NULL;

          g_test_message ("%s → %s", concord_stage_to_code (from), concord_stage_to_code (to));
          g_assert_no_error (error);
          g_assert_cmpint (before->stage, ==, from);

          /* Moves that need a reason are refused without one, and change
           * nothing. */
          if (!legal[from][to] || legal[from][to] == 2)
            {
              int code = legal[from][to] ? CONCORD_ERROR_INVALID : CONCORD_ERROR_STAGE;

              g_assert_false (store_move (f->store, id, to, "  ", "mediator", &error));
              g_assert_error (error, CONCORD_ERROR, code);
              g_clear_error (&error);

              after = concord_store_load_case (f->store, id, &error);
              g_assert_no_error (error);
              g_assert_cmpint (after->stage, ==, before->stage);
              g_assert_cmpstr (after->stage_reason, ==, before->stage_reason);
              g_assert_cmpstr (after->due_at, ==, before->due_at);
              g_assert_cmpstr (after->updated_at, ==, before->updated_at);
              moves_after = concord_store_list_stage_moves (f->store, id, &error);
              audit_after = concord_store_list_audit (f->store, id, &error);
              g_assert_cmpuint (count_of (moves_after), ==, moves->len);
              g_assert_cmpuint (count_of (audit_after), ==, audit->len);
              g_clear_pointer (&after, concord_case_unref);
              g_clear_pointer (&moves_after, g_ptr_array_unref);
              g_clear_pointer (&audit_after, g_ptr_array_unref);
            }
          if (!legal[from][to])
            continue;

          /* A legal move, on a case of its own. */
          {
            gint64 other = case_at (f->store, from);
            ConcordStageMove *last;
            ConcordAuditEntry *entry;
            g_autofree char *detail = NULL;
            /* Sending the agreement on takes no reason; the lawyer's
             * decision keeps its comment as the reason. Either writes its
             * own audit entry after the move's. */
            gboolean submitted = from == D && (to == RV || to == S);
            gboolean decided = from == RV && (to == S || to == D);
            const char *reason = submitted ? NULL : "双方自愿";

            g_assert_true (store_move (f->store, other, to, " 双方自愿 ", "lawyer", &error));
            g_assert_no_error (error);
            after = concord_store_load_case (f->store, other, &error);
            g_assert_cmpint (after->stage, ==, to);
            g_assert_cmpstr (after->stage_reason, ==, reason);
            g_assert_cmpstr (after->updated_at, ==, "2026-11-20T08:00:00Z");
            if (concord_stage_is_final (to))
              g_assert_null (after->due_at);
            else
              g_assert_nonnull (after->due_at);

            moves_after = concord_store_list_stage_moves (f->store, other, &error);
            last = g_ptr_array_index (moves_after, moves_after->len - 1);
            g_assert_cmpint (last->from_stage, ==, from);
            g_assert_cmpint (last->to_stage, ==, to);
            g_assert_cmpstr (last->actor, ==, "lawyer");
            g_assert_cmpstr (last->reason, ==, reason);
            g_assert_cmpstr (last->at, ==, "2026-11-20T08:00:00Z");

            audit_after = concord_store_list_audit (f->store, other, &error);
            /* A failed mediation's referral comes after its move. */
            entry = g_ptr_array_index (audit_after, audit_after->len -
                                       (to == CONCORD_STAGE_FAILED || submitted || decided ? 2 : 1));
            detail = reason != NULL
              ? g_strdup_printf ("%s→%s: %s", concord_stage_to_code (from), concord_stage_to_code (to), reason)
              : g_strdup_printf ("%s→%s", concord_stage_to_code (from), concord_stage_to_code (to));
            g_assert_cmpstr (entry->action, ==, "case.stage");
            g_assert_cmpstr (entry->detail, ==, detail);
            g_assert_cmpstr (entry->actor, ==, "lawyer");
          }
        }
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (concord_store_move_stage (f->store, 99999, A, NULL, "mediator", &error));
    g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_true (concord_store_verify_audit (f->store, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpstr (concord_audit_action_label ("case.stage"), ==, "Stage changed");
  g_unsetenv ("CONCORD_NOW");
}

static void
test_store_history (Fixture      *f,
                    gconstpointer data)
{
  static const struct
  {
    const char  *now;
    ConcordStage to;
    const char  *reason;
  } steps[] = {
    { "2026-11-20T08:00:00Z", A, NULL },
    { "2026-11-21T02:00:00Z", BB, NULL },
    { "2026-11-23T02:00:00Z", FF, NULL },
    { "2026-11-24T02:00:00Z", D, NULL },
    { "2026-11-25T02:00:00Z", RV, NULL },
    { "2026-11-26T02:00:00Z", D, "违约金条款需修改" },
    { "2026-11-27T02:00:00Z", RV, NULL },
    { "2026-11-30T02:00:00Z", S, NULL },
    { "2026-11-30T03:00:00Z", FU, NULL },
    { "2026-12-30T03:00:00Z", C, NULL },
  };
  g_autoptr(ConcordCase) c = fixture_fire_case ();
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(GError) error = NULL;
  ConcordStageMove *first;

  g_setenv ("CONCORD_NOW", "2026-11-19T08:00:00Z", TRUE);
  g_assert_true (concord_store_save_case (f->store, c, "mediator", &error));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_setenv ("CONCORD_NOW", steps[i].now, TRUE);
      g_assert_true (fixture_move (f->store, c->id, steps[i].to, steps[i].reason, "mediator", &error));
      g_assert_no_error (error);
    }

  moves = concord_store_list_stage_moves (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (moves->len, ==, G_N_ELEMENTS (steps) + 1);
  first = g_ptr_array_index (moves, 0);
  g_assert_cmpint (first->from_stage, ==, -1);
  g_assert_cmpint (first->to_stage, ==, R);
  g_assert_cmpstr (first->at, ==, "2026-11-19T08:00:00Z");
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      ConcordStageMove *move = g_ptr_array_index (moves, i + 1);
      ConcordStageMove *previous = g_ptr_array_index (moves, i);

      g_assert_cmpint (move->id, >, previous->id);
      g_assert_cmpint (move->case_id, ==, c->id);
      g_assert_cmpint (move->from_stage, ==, previous->to_stage);
      g_assert_cmpint (move->to_stage, ==, steps[i].to);
      g_assert_cmpstr (move->at, ==, steps[i].now);
      g_assert_cmpstr (move->reason, ==, steps[i].reason);
    }

  /* Another case's history is its own. */
  g_clear_pointer (&moves, g_ptr_array_unref);
  moves = concord_store_list_stage_moves (f->store, 4242, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (moves->len, ==, 0);
  g_unsetenv ("CONCORD_NOW");
}

static char *
due_after_move (Fixture     *f,
                gint64       id,
                ConcordStage to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = NULL;

  g_assert_true (store_move (f->store, id, to, "理由", "mediator", &error));
  g_assert_no_error (error);
  c = concord_store_load_case (f->store, id, &error);
  g_assert_no_error (error);
  return g_strdup (c->due_at);
}

#define ASSERT_DUE(f, id, to, expected) \
  G_STMT_START { \
    g_autofree char *due_ = due_after_move ((f), (id), (to)); \
    g_assert_cmpstr (due_, ==, (expected)); \
  } G_STMT_END

static void
test_store_due (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* The National Day week of 2026, with its make-up Sunday and Saturday. */
  g_assert_true (concord_store_set_setting (f->store, CONCORD_SETTING_CALENDAR_HOLIDAYS,
                                            "2026-10-01,2026-10-02,2026-10-03,2026-10-04,"
                                            "2026-10-05,2026-10-06,2026-10-07", "admin", &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_set_setting (f->store, CONCORD_SETTING_CALENDAR_WORKDAYS,
                                            "2026-09-27, 2026-10-10", "admin", &error));
  g_assert_no_error (error);

  /* Wednesday 30 September, 10:00 in Qingdao. */
  g_setenv ("CONCORD_NOW", "2026-09-30T02:00:00Z", TRUE);
  id = case_at (f->store, R);
  /* 7 working days: 8, 9, 10 (Saturday, worked), 12, 13, 14, 15 October. */
  ASSERT_DUE (f, id, A, "2026-10-15T02:00:00Z");
  /* Stations set their own limits. */
  g_assert_true (concord_store_set_setting (f->store, "limit.back_to_back.days", "2", "admin", &error));
  g_assert_no_error (error);
  ASSERT_DUE (f, id, BB, "2026-10-09T02:00:00Z");
  ASSERT_DUE (f, id, FF, "2026-10-27T02:00:00Z");   /* 15 by default */
  ASSERT_DUE (f, id, D, "2026-10-13T02:00:00Z");    /* 5 */
  ASSERT_DUE (f, id, RV, "2026-10-10T02:00:00Z");   /* 3: the make-up Saturday */
  ASSERT_DUE (f, id, S, "2026-10-10T02:00:00Z");
  ASSERT_DUE (f, id, FU, "2026-11-17T02:00:00Z");   /* 30 */
  ASSERT_DUE (f, id, C, NULL);

  /* Friday evening, 18 December: over the weekend and the year end. */
  g_setenv ("CONCORD_NOW", "2026-12-18T10:30:00Z", TRUE);
  g_assert_true (concord_store_set_setting (f->store, CONCORD_SETTING_CALENDAR_HOLIDAYS,
                                            "2027-01-01", "admin", &error));
  id = case_at (f->store, R);
  g_assert_true (concord_store_set_setting (f->store, "limit.accepted.days", "10", "admin", &error));
  ASSERT_DUE (f, id, A, "2027-01-04T10:30:00Z");
  ASSERT_DUE (f, id, F, NULL);

  /* Malformed settings are refused. */
  g_assert_false (concord_store_set_setting (f->store, CONCORD_SETTING_CALENDAR_HOLIDAYS,
                                             "2026-10-01,2026-13-01", "admin", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (concord_store_set_setting (f->store, CONCORD_SETTING_CALENDAR_WORKDAYS,
                                             "10月10日", "admin", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
  g_clear_error (&error);
  for (int stage = 0; stage < CONCORD_N_STAGES; stage++)
    {
      g_autofree char *key = concord_store_dup_limit_key (stage);

      if (concord_stage_is_final (stage))
        {
          g_assert_null (key);
          continue;
        }
      g_assert_false (concord_store_set_setting (f->store, key, "0", "admin", &error));
      g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (concord_store_set_setting (f->store, key, "七", "admin", &error));
      g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID);
      g_clear_error (&error);
    }
  {
    g_autofree char *kept = concord_store_get_setting (f->store, CONCORD_SETTING_CALENDAR_HOLIDAYS);
    g_autofree char *follow_up = concord_store_get_setting (f->store, "limit.follow_up.days");

    g_assert_cmpstr (kept, ==, "2027-01-01");
    g_assert_cmpstr (follow_up, ==, "30");
  }
  g_unsetenv ("CONCORD_NOW");
}

/* Accepting through decide_case() is a move like the others. */
static void
test_store_decide_is_a_move (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  gint64 id;

  g_setenv ("CONCORD_NOW", "2026-11-20T08:00:00Z", TRUE);
  id = case_at (f->store, R);
  g_assert_true (concord_store_decide_case (f->store, id, FALSE, "不属于调解范围", "mediator", &error));
  g_assert_no_error (error);
  moves = concord_store_list_stage_moves (f->store, id, &error);
  g_assert_cmpuint (moves->len, ==, 2);
  g_assert_cmpint (((ConcordStageMove *) g_ptr_array_index (moves, 1))->to_stage, ==, NA);
  g_assert_cmpstr (((ConcordStageMove *) g_ptr_array_index (moves, 1))->reason, ==, "不属于调解范围");
  /* Refused when already decided, through either door. */
  g_assert_false (concord_store_move_stage (f->store, id, A, NULL, "mediator", &error));
  g_assert_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_true (concord_store_move_stage (f->store, id, C, NULL, "mediator", &error));
  g_assert_no_error (error);
  g_unsetenv ("CONCORD_NOW");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stage/all-pairs", test_all_pairs);
  g_test_add_func ("/stage/next-moves", test_next_moves);
  g_test_add_func ("/stage/messages", test_messages);
  g_test_add_func ("/stage/paths", test_paths);
#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/stage/store/all-moves", test_store_all_moves);
  ADD ("/stage/store/history", test_store_history);
  ADD ("/stage/store/due", test_store_due);
  ADD ("/stage/store/decide-is-a-move", test_store_decide_is_a_move);
#undef ADD

  return g_test_run ();
}
