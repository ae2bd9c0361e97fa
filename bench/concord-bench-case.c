/* concord-bench-case.c — a long case stays fast (issue 3)
 *
 *   concord-bench-case --db PATH [--runs N] [--keys N]
 *
 * Makes, at PATH (which must not exist yet), a database with one long
 * case: the fire case of scenario 1 with 200 sessions, alternately
 * back-to-back (each party in turn) and face-to-face, 100 lines of notes
 * each (20,000 lines), the positions of every round and a legal point
 * every third session; and one small case. Then measures:
 *
 *  - the core reads that showing the case needs (for reference);
 *  - the time from concord_case_view_show_case() to the next painted frame
 *    of a 1400×900 window, with the small case shown in between so every
 *    show is a real reload (target: under 200 ms);
 *  - in a session window of the long case, the time from a keystroke in the
 *    notes to the text being committed to the database, as a second
 *    connection reads it (target: under one second, the most typing the
 *    issue allows to be lost), for steady typing and for a burst;
 *  - one autosave commit (synchronous=FULL), for reference.
 *
 * The window parts need a display (bench/run uses xvfb-run when there is
 * none); without one they are skipped. Prints a table like concord-bench
 * and exits 1 when a target is missed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-bench-case"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <adwaita.h>

#include "concord-core.h"
#include "concord-case-view.h"
#include "concord-session-window.h"
#include "bench-table.h"
#include "test-fixtures.h"

#define N_SESSIONS          200
#define LINES_PER_NOTE      100
#define SEED                1
#define ACTOR               "wang"
#define TARGET_SHOW_MS      200.0
#define TARGET_KEY_MS       1000.0
#define POLL_INTERVAL_US    5000
#define TYPING_INTERVAL_MS  120
#define BURST_INTERVAL_MS   10
#define COMMIT_RUNS         200
#define SETTLE_QUIET_MS     200
#define WAIT_TIMEOUT_MS     10000

G_GNUC_NORETURN static void
die (const char   *what,
     const GError *error)
{
  fprintf (stderr, "concord-bench-case: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* ---- the long case ---- */

/* What is said in a mediation of the fire case, in pieces that make
 * sentences of 20 to 60 characters. */
static const char *mediator_says[] = {
  "请你把当天的经过再说一遍", "我们先核实一下损失情况", "这个数字是怎么算出来的",
  "有没有维修公司的报价单", "你们双方都先冷静一下", "法律上讲究有过错才承担责任",
  "赔偿要以实际损失为准", "对方也表示愿意承担责任", "吴某现在还是学生，没有固定收入",
  "能不能考虑分期付款", "装修的折旧也要考虑进去", "房东这边的损失另外计算",
  "今天先谈到这里，下次继续", "我把你的意见转达给对方", "你看这个方案能不能接受",
  "调解是自愿的，不强迫任何一方", "达成协议后可以申请司法确认", "物业出具的证明我们已经看过了",
  "火灾事故认定书写明了起火原因", "赔偿范围包括房屋修复和物品损失", "大家都是邻居，以后还要相处",
};
static const char *zhang_says[] = {
  "我家的墙面和吊顶全被熏黑了", "家具和电器基本都不能用了", "这段时间我们一家只能住在亲戚家",
  "重新装修至少要三个月", "十三万是按装修公司的报价算的", "我不是故意要高价",
  "孩子上学也受到了影响", "如果能一次付清可以少一点", "我需要看到对方的诚意",
  "保险公司只赔了一小部分", "那天中午我在家闻到烟味就报了警",
};
static const char *li_says[] = {
  "房子租给他的时候是刚装修好的", "厨房和客厅烧得最严重", "押金肯定不能退了",
  "我要求把房子恢复原状", "修复费用我问了三家公司", "合同里写明了租客要注意用电安全",
  "房子现在租不出去，租金也损失了", "楼上的损失跟我没有关系",
};
static const char *wu_says[] = {
  "我承认是我用电不小心", "我还在上大学，实在拿不出这么多钱", "我们家愿意承担责任",
  "但是十三万确实太多了", "能不能按实际维修费用算", "我们可以先付一部分，剩下的分期",
  "孩子已经知道错了", "我们东拼西凑也只能凑出这些", "希望对方能体谅一下",
  "维修我们可以找人来做，费用会低一些",
};
static const char *lawyer_says[] = {
  "根据民法典，侵权人应当赔偿实际损失", "装修的折旧应当合理扣除", "承租人对租赁房屋负有妥善保管义务",
  "这种情况下精神损害赔偿一般不予支持", "协议里要写清楚付款期限和方式", "分期履行的可以约定违约责任",
};

typedef struct
{
  const char  *name;
  const char **says;
  guint        n_says;
} Speaker;

static const Speaker speakers[] = {
  { "王调解员", mediator_says, G_N_ELEMENTS (mediator_says) },
  { "张某", zhang_says, G_N_ELEMENTS (zhang_says) },
  { "李某", li_says, G_N_ELEMENTS (li_says) },
  { "吴某", wu_says, G_N_ELEMENTS (wu_says) },
  { "吴父", wu_says, G_N_ELEMENTS (wu_says) },
  { "陈律师", lawyer_says, G_N_ELEMENTS (lawyer_says) },
};

static const struct { const char *text; const char *citation; } legal_points[] = {
  { "因过错侵害他人民事权益造成损害的，应当承担侵权责任。", "《民法典》第一千一百六十五条" },
  { "侵害他人财产的，财产损失按照损失发生时的市场价格或者其他合理方式计算。", "《民法典》第一千一百八十四条" },
  { "被侵权人对同一损害的发生或者扩大有过错的，可以减轻侵权人的责任。", "《民法典》第一千一百七十三条" },
  { "承租人应当妥善保管租赁物，因保管不善造成租赁物毁损、灭失的，应当承担赔偿责任。", "《民法典》第七百一十四条" },
  { "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。", "《人民调解法》第三十一条" },
  { "双方可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。", "《人民调解法》第三十三条" },
};

static const char *outcomes[] = {
  "双方同意继续协商", "张某同意降低赔偿数额", "吴某家属同意再筹措部分款项",
  "李某要求先行支付修复费用", "约定下次面对面调解",
};

/* One line of notes: "name：sentence", 20 to 60 characters. */
static void
append_line (GString       *out,
             GRand         *rand,
             const Speaker *speaker)
{
  glong target = g_rand_int_range (rand, 20, 61);
  glong length = g_utf8_strlen (speaker->name, -1) + 1;
  gboolean first = TRUE;

  g_string_append (out, speaker->name);
  g_string_append (out, "：");
  while (length < target)
    {
      const char *piece = speaker->says[g_rand_int_range (rand, 0, speaker->n_says)];
      glong piece_length = g_utf8_strlen (piece, -1);

      if (length + piece_length + 1 > 60)
        {
          if (!first)
            break;
          continue;
        }
      if (!first)
        {
          g_string_append (out, "，");
          length++;
        }
      g_string_append (out, piece);
      length += piece_length;
      first = FALSE;
    }
  /* The loop kept room for the full stop. */
  g_string_append (out, "。");
}

/* The notes of one session: the mediator and the people in the room take
 * turns. */
static char *
make_note (GRand         *rand,
           const Speaker **room,
           guint           n_room)
{
  GString *out = g_string_new (NULL);

  for (guint line = 0; line < LINES_PER_NOTE; line++)
    {
      const Speaker *speaker = line % 2 == 0 ? &speakers[0]
                                             : room[g_rand_int_range (rand, 0, n_room)];

      if (line > 0)
        g_string_append_c (out, '\n');
      append_line (out, rand, speaker);
    }
  return g_string_free (out, FALSE);
}

/* Scenario 1, as tests/test-fixtures.h builds it, the mediator signed in
 * as ACTOR. */
static ConcordCase *
make_fire_case (void)
{
  ConcordCase *c = fixture_fire_case ();

  for (guint i = 0; i < c->team->len; i++)
    {
      ConcordTeamMember *member = g_ptr_array_index (c->team, i);

      if (member->role == CONCORD_TEAM_MEDIATOR)
        member->username = g_strdup (ACTOR);
    }
  return c;
}

/* The store reads the clock from CONCORD_NOW: each session gets its day. */
static void
set_now (GDateTime *at)
{
  g_autofree char *iso = concord_clock_format_iso (at);

  g_setenv ("CONCORD_NOW", iso, TRUE);
}

static ConcordAttendee *
attendee_new (gint64      party_id,
              gint64      member_id,
              const char *name,
              const char *role)
{
  ConcordAttendee *a = concord_attendee_new ();

  a->party_id = party_id;
  a->member_id = member_id;
  a->name = g_strdup (name);
  a->role = g_strdup (role);
  return a;
}

/* A claim that comes down (or an offer that goes up) from @from to @to
 * over the rounds, in steps of 1,000 yuan. */
static gint64
amount_at (double from,
           double to,
           guint  session)
{
  double t = (double) session / (N_SESSIONS - 1);

  return (gint64) ((from + (to - from) * t) / 1000.0 + 0.5) * 1000 * 100;
}

static void
add_position (ConcordStore         *store,
              gint64                session_id,
              const ConcordParty   *party,
              ConcordPositionKind   kind,
              gint64                amount_fen,
              const char           *terms)
{
  g_autoptr(ConcordPosition) p = concord_position_new ();
  g_autoptr(GError) error = NULL;

  p->session_id = session_id;
  p->party_id = party->id;
  p->kind = kind;
  p->has_amount = amount_fen >= 0;
  p->amount_fen = MAX (amount_fen, 0);
  p->terms = g_strdup (terms);
  if (concord_store_add_position (store, p, ACTOR, &error) == 0)
    die ("add_position", error);
}

typedef struct
{
  gint64 long_id;
  gint64 small_id;
  guint  n_notes_lines;
  guint  n_positions;
  guint  n_legal_points;
} Made;

static void
make_database (ConcordStore *store,
               Made         *made)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = make_fire_case ();
  g_autoptr(ConcordCase) small = concord_case_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) received = g_date_time_new (utc, 2026, 11, 5, 6, 0, 0);
  const ConcordParty *zhang, *li, *wu;
  gint64 mediator_id = 0, lawyer_id = 0;
  ConcordStage stage;

  /* 09:00 and 14:00 in Beijing, one day after the other. */
  set_now (received);
  if (!concord_store_begin_batch (store, &error))
    die ("begin_batch", error);

  {
    ConcordParty *party = concord_party_new ();

    party->name = g_strdup ("赵某");
    party->id_type = CONCORD_ID_NONE;
    g_ptr_array_add (small->parties, party);
    small->facts = g_strdup ("赵某的电动车停在楼道被邻居投诉，双方发生口角。");
    if (!concord_store_save_case (store, small, ACTOR, &error))
      die ("save_case (small)", error);
  }

  if (!concord_store_save_case (store, c, ACTOR, &error))
    die ("save_case", error);
  if (!concord_store_decide_case (store, c->id, TRUE, NULL, ACTOR, &error))
    die ("decide_case", error);
  zhang = g_ptr_array_index (c->parties, 0);
  li = g_ptr_array_index (c->parties, 1);
  wu = g_ptr_array_index (c->parties, 2);
  for (guint i = 0; i < c->team->len; i++)
    {
      const ConcordTeamMember *m = g_ptr_array_index (c->team, i);

      if (m->role == CONCORD_TEAM_MEDIATOR)
        mediator_id = m->id;
      else if (m->role == CONCORD_TEAM_LAWYER)
        lawyer_id = m->id;
    }
  stage = CONCORD_STAGE_ACCEPTED;

  for (guint i = 0; i < N_SESSIONS; i++)
    {
      g_autoptr(ConcordSession) session = concord_session_new ();
      g_autoptr(GDateTime) day = g_date_time_add_days (received, 1 + i / 2);
      g_autoptr(GDateTime) start = g_date_time_add_hours (day, i % 2 == 0 ? -5 : 0);
      g_autoptr(GDateTime) moved = g_date_time_add_minutes (start, -5);
      g_autoptr(GDateTime) offered = g_date_time_add_minutes (start, 40);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 90);
      g_autofree char *note = NULL;
      const Speaker *room[5];
      guint n_room = 0;
      const ConcordParty *with = NULL;
      gint64 note_id;

      session->case_id = c->id;
      session->kind = i % 2 == 0 ? CONCORD_SESSION_BACK_TO_BACK : CONCORD_SESSION_FACE_TO_FACE;
      session->room = g_strdup (i % 2 == 0 ? "第二调解室" : "第一调解室");

      if (session->kind == CONCORD_SESSION_BACK_TO_BACK)
        {
          with = g_ptr_array_index (c->parties, (i / 2) % 3);
          g_ptr_array_add (session->attendees, attendee_new (with->id, 0, with->name,
                                                             concord_party_role_label (with->role)));
          if (with == wu)
            {
              g_ptr_array_add (session->attendees, attendee_new (0, 0, "吴父", "委托代理人"));
              room[n_room++] = &speakers[3];
              room[n_room++] = &speakers[4];
            }
          else
            room[n_room++] = &speakers[with == zhang ? 1 : 2];
        }
      else
        {
          for (guint p = 0; p < c->parties->len; p++)
            {
              const ConcordParty *party = g_ptr_array_index (c->parties, p);

              g_ptr_array_add (session->attendees, attendee_new (party->id, 0, party->name,
                                                                 concord_party_role_label (party->role)));
            }
          g_ptr_array_add (session->attendees, attendee_new (0, 0, "吴父", "委托代理人"));
          g_ptr_array_add (session->attendees, attendee_new (0, lawyer_id, "陈律师", "律师"));
          if (i % 10 == 1)
            g_ptr_array_add (session->attendees, attendee_new (0, 0, "赵主任", "居委会委员"));
          room[n_room++] = &speakers[1];
          room[n_room++] = &speakers[2];
          room[n_room++] = &speakers[3];
          room[n_room++] = &speakers[4];
          room[n_room++] = &speakers[5];
        }
      g_ptr_array_add (session->attendees, attendee_new (0, mediator_id, "王调解员", "调解员"));

      /* The stage follows the kind of session: back-to-back ⇄ face-to-face. */
      {
        ConcordStage want = session->kind == CONCORD_SESSION_BACK_TO_BACK ? CONCORD_STAGE_BACK_TO_BACK
                                                                           : CONCORD_STAGE_FACE_TO_FACE;

        if (stage != want)
          {
            set_now (moved);
            if (!concord_store_move_stage (store, c->id, want, NULL, ACTOR, &error))
              die ("move_stage", error);
            stage = want;
          }
      }

      set_now (start);
      if (concord_store_start_session (store, session, ACTOR, &error) == 0)
        die ("start_session", error);
      note_id = concord_store_add_note (store, session->id, with != NULL ? with->id : 0, "", ACTOR, &error);
      if (note_id == 0)
        die ("add_note", error);

      set_now (offered);
      if (with == NULL || with == zhang)
        add_position (store, session->id, zhang, CONCORD_POSITION_DEMAND, amount_at (130000, 85000, i), NULL);
      if (with == NULL || with == li)
        add_position (store, session->id, li, CONCORD_POSITION_DEMAND, amount_at (60000, 42000, i),
                      "含三个月租金损失");
      if (with == NULL || with == wu)
        add_position (store, session->id, wu, CONCORD_POSITION_OFFER, amount_at (20000, 110000, i),
                      i % 4 == 0 ? "首付一部分，其余每月分期支付" : NULL);
      made->n_positions += with == NULL ? 3 : 1;
      if (i % 3 == 2)
        {
          guint k = (i / 3) % G_N_ELEMENTS (legal_points);

          if (concord_store_add_legal_point (store, session->id, legal_points[k].text,
                                             legal_points[k].citation, ACTOR, &error) == 0)
            die ("add_legal_point", error);
          made->n_legal_points++;
        }

      set_now (end);
      note = make_note (rand, room, n_room);
      if (!concord_store_set_note_text (store, note_id, note, &error))
        die ("set_note_text", error);
      made->n_notes_lines += LINES_PER_NOTE;
      if (!concord_store_end_session (store, session->id, outcomes[i % G_N_ELEMENTS (outcomes)],
                                      ACTOR, &error))
        die ("end_session", error);
    }

  if (!concord_store_commit_batch (store, &error))
    die ("commit_batch", error);
  g_unsetenv ("CONCORD_NOW");
  made->long_id = c->id;
  made->small_id = small->id;
}

static gint64
file_size (const char *path)
{
  struct stat st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

/* ---- what showing the case reads ---- */

static void
bench_core_loads (ConcordStore *store,
                  gint64        case_id,
                  guint         runs)
{
  static const char *names[] = {
    "load_case", "list_sessions", "list_positions", "list_legal_points", "list_notes",
    "list_stage_moves", "list_audit",
  };
  GArray *each[G_N_ELEMENTS (names)];
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  guint n_audit = 0;

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    each[k] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < runs; run++)
    {
      double sum = 0;

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          gint64 start = g_get_monotonic_time ();
          gpointer result = NULL;
          double ms;

          switch (k)
            {
            case 0: result = concord_store_load_case (store, case_id, &error); break;
            case 1: result = concord_store_list_sessions (store, case_id, &error); break;
            case 2: result = concord_store_list_positions (store, case_id, &error); break;
            case 3: result = concord_store_list_legal_points (store, case_id, &error); break;
            case 4: result = concord_store_list_notes (store, case_id, 0, &error); break;
            case 5: result = concord_store_list_stage_moves (store, case_id, &error); break;
            case 6: result = concord_store_list_audit (store, case_id, &error); break;
            default: g_assert_not_reached ();
            }
          if (result == NULL)
            die (names[k], error);
          ms = ms_since (start);
          if (k == 0)
            concord_case_unref (result);
          else
            {
              if (k == 6)
                n_audit = ((GPtrArray *) result)->len;
              g_ptr_array_unref (result);
            }
          g_array_append_val (each[k], ms);
          if (k <= 4)
            sum += ms;
        }
      g_array_append_val (total, sum);
    }

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autofree char *label = g_strdup_printf ("core: %s, median", names[k]);

      add_ms_row (label, percentile (each[k], 50), 0);
      g_array_unref (each[k]);
    }
  add_ms_row ("core: case + sessions + positions + legal points + notes, median",
              percentile (total, 50), 0);
  {
    g_autofree char *value = g_strdup_printf ("%u", n_audit);

    add_row ("history entries of the case (audit log)", value, NULL, RESULT_NONE);
  }
}

/* ---- the window ---- */

static gint64 last_paint;
static guint  n_paints;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  last_paint = g_get_monotonic_time ();
  n_paints++;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until a frame is painted after @since; FALSE on
 * timeout. */
static gboolean
wait_for_paint (GtkWidget *window,
                gint64     since)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_MS * 1000;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  gtk_widget_queue_draw (window);
  while (last_paint < since && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return last_paint >= since;
}

/* Runs the main loop until no frame was painted for SETTLE_QUIET_MS (or
 * for at most two seconds). */
static void
wait_until_quiet (void)
{
  gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (5, wake_cb, NULL);

  while (g_get_monotonic_time () < until &&
         g_get_monotonic_time () - last_paint < SETTLE_QUIET_MS * 1000)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* Shows case @id and measures until the next painted frame (@first_ms)
 * and until the last frame before the window went quiet (@settled_ms: a
 * part of the view that fills itself later is counted there). */
static void
show_once (ConcordCaseView *view,
           GtkWidget       *window,
           gint64           id,
           double          *call_ms,
           double          *first_ms,
           double          *settled_ms)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!concord_case_view_show_case (view, id, &error))
    die ("concord_case_view_show_case", error);
  if (call_ms != NULL)
    *call_ms = ms_since (start);
  if (!wait_for_paint (window, start))
    die ("no frame painted within 10 s", NULL);
  if (first_ms != NULL)
    *first_ms = (last_paint - start) / 1000.0;
  wait_until_quiet ();
  if (settled_ms != NULL)
    *settled_ms = (last_paint - start) / 1000.0;
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

static void
bench_show (ConcordContext *context,
            const Made     *made,
            guint           runs)
{
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) settled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) call = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) small = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window = adw_window_new ();
  GtkWidget *view = concord_case_view_new (context);
  double cold_first;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  if (!wait_for_paint (window, g_get_monotonic_time ()))
    die ("the window was not painted within 10 s", NULL);
  wait_until_quiet ();

  /* The first show builds the rows for the first time. */
  show_once (CONCORD_CASE_VIEW (view), window, made->long_id, NULL, &cold_first, NULL);
  {
    g_autofree char *value = g_strdup_printf ("%u", count_widgets (view));

    add_row ("widgets in the case view, long case shown", value, NULL, RESULT_NONE);
  }

  for (guint run = 0; run < runs; run++)
    {
      double c, f, s, sm;

      show_once (CONCORD_CASE_VIEW (view), window, made->small_id, NULL, &sm, NULL);
      g_array_append_val (small, sm);
      show_once (CONCORD_CASE_VIEW (view), window, made->long_id, &c, &f, &s);
      g_array_append_val (call, c);
      g_array_append_val (first, f);
      g_array_append_val (settled, s);
    }

  add_ms_row ("show the long case: first show, to the next frame", cold_first, 0);
  {
    g_autofree char *label = g_strdup_printf ("show the long case: median of %u, show_case() alone", runs);

    add_ms_row (label, percentile (call, 50), 0);
  }
  {
    g_autofree char *label = g_strdup_printf ("show the long case: median of %u, to the next frame", runs);

    add_ms_row (label, percentile (first, 50), TARGET_SHOW_MS);
  }
  {
    g_autofree char *label = g_strdup_printf ("show the long case: slowest of %u, to the next frame", runs);

    add_ms_row (label, percentile (first, 100), TARGET_SHOW_MS);
  }
  {
    g_autofree char *label = g_strdup_printf ("show the long case: median of %u, to the last frame", runs);

    add_ms_row (label, percentile (settled, 50), 0);
  }
  {
    /* What any case costs: layout and drawing of the whole window. */
    g_autofree char *label = g_strdup_printf ("for reference, a small case: median of %u, to the next frame",
                                              runs);

    add_ms_row (label, percentile (small, 50), 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Types @n characters at the end of the notes, @interval_ms apart, while a
 * second connection reads the note every POLL_INTERVAL_US; adds the rows
 * of keystroke-to-disk times. */
static void
type_and_watch (ConcordSessionWindow *window,
                ConcordStore         *reader,
                const char           *what,
                guint                 n,
                guint                 interval_ms)
{
  static const char *sentence = "张某称当天中午闻到烟味立即报警并通知物业吴某表示愿意先行支付一部分修复费用";
  GtkTextBuffer *buffer = concord_session_window_get_buffer (window);
  gint64 session_id = concord_session_window_get_session_id (window);
  gint64 note_id = concord_session_window_get_note_id (window);
  g_autoptr(GArray) latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree gint64 *typed_at = g_new0 (gint64, n);
  glong base = gtk_text_buffer_get_char_count (buffer);
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + (gint64) (n * interval_ms + WAIT_TIMEOUT_MS) * 1000;
  gint64 next_key = start, next_poll = start;
  guint typed = 0, seen = 0;
  guint wake = g_timeout_add (1, wake_cb, NULL);
  glong sentence_length = g_utf8_strlen (sentence, -1);

  while (seen < n && g_get_monotonic_time () < deadline)
    {
      gint64 now = g_get_monotonic_time ();

      if (typed < n && now >= next_key)
        {
          const char *ch = g_utf8_offset_to_pointer (sentence, typed % sentence_length);
          GtkTextIter end;

          typed_at[typed++] = g_get_monotonic_time ();
          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_insert_interactive (buffer, &end, ch, g_utf8_next_char (ch) - ch, TRUE);
          next_key += interval_ms * 1000;
        }
      if (now >= next_poll)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) notes = concord_store_list_notes (reader, 0, session_id, &error);
          gint64 read_at = g_get_monotonic_time ();
          glong stored = -1;

          if (notes == NULL)
            die ("list_notes (second connection)", error);
          for (guint i = 0; i < notes->len; i++)
            {
              const ConcordNote *note = g_ptr_array_index (notes, i);

              if (note->id == note_id)
                stored = note->text != NULL ? g_utf8_strlen (note->text, -1) : 0;
            }
          /* Characters are only added at the end: the stored length says
           * which keystrokes are on disk. */
          while (seen < typed && stored >= base + (glong) seen + 1)
            {
              double ms = (read_at - typed_at[seen]) / 1000.0;

              g_array_append_val (latency, ms);
              seen++;
            }
          next_poll = now + POLL_INTERVAL_US;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);

  if (seen < n)
    {
      g_autofree char *label = g_strdup_printf ("keystroke to disk, %s", what);
      g_autofree char *value = g_strdup_printf ("%u of %u keystrokes not on disk after 10 s", n - seen, n);

      add_row (label, value, "< 1000 ms", RESULT_FAIL);
      return;
    }

#define KEY_ROW(stat, p, target) \
  G_STMT_START { \
    g_autofree char *label = g_strdup_printf ("keystroke to disk, %s: %s", what, stat); \
    add_ms_row (label, percentile (latency, p), target); \
  } G_STMT_END
  KEY_ROW ("median", 50, 0);
  KEY_ROW ("p95", 95, 0);
  KEY_ROW ("max", 100, TARGET_KEY_MS);
#undef KEY_ROW
}

static void
bench_keystrokes (ConcordContext *context,
                  const char     *path,
                  const Made     *made,
                  guint           keys)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordStore) reader = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 1);
  g_autofree char *prefill = NULL;
  const Speaker *room[] = { &speakers[1] };
  ConcordSessionWindow *window;
  const ConcordParty *zhang;

  c = concord_store_load_case (concord_context_get_store (context), made->long_id, &error);
  if (c == NULL)
    die ("load_case", error);
  zhang = g_ptr_array_index (c->parties, 0);
  window = concord_session_window_start (NULL, context, c, CONCORD_SESSION_BACK_TO_BACK,
                                         "第二调解室", zhang->id, &error);
  if (window == NULL)
    die ("concord_session_window_start", error);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  if (!wait_for_paint (GTK_WIDGET (window), g_get_monotonic_time ()))
    die ("the session window was not painted within 10 s", NULL);

  /* Late in a long session: the note holds 100 lines already. */
  prefill = make_note (rand, room, G_N_ELEMENTS (room));
  gtk_text_buffer_set_text (concord_session_window_get_buffer (window), prefill, -1);
  if (!concord_session_window_save (window, &error))
    die ("concord_session_window_save", error);
  wait_until_quiet ();

  reader = concord_store_open (path, &error);
  if (reader == NULL)
    die ("concord_store_open (second connection)", error);

  {
    g_autofree char *what = g_strdup_printf ("typing %u ms apart", TYPING_INTERVAL_MS);

    type_and_watch (window, reader, what, keys, TYPING_INTERVAL_MS);
  }
  {
    g_autofree char *what = g_strdup_printf ("burst %u ms apart", BURST_INTERVAL_MS);

    type_and_watch (window, reader, what, keys, BURST_INTERVAL_MS);
  }

  if (!concord_session_window_end (window, "双方同意继续协商", &error))
    die ("concord_session_window_end", error);
  {
    guint wake = g_timeout_add (10, wake_cb, NULL);
    gint64 until = g_get_monotonic_time () + 200 * 1000;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (wake);
  }
}

/* One autosave: the UPDATE of a 100-line note, committed with
 * synchronous=FULL. */
static void
bench_commit (ConcordStore *store,
              const Made   *made)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = concord_store_list_sessions (store, made->long_id, &error);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 2);
  const Speaker *room[] = { &speakers[3] };
  g_autofree char *text = make_note (rand, room, G_N_ELEMENTS (room));
  g_autoptr(GString) typed = g_string_new (text);
  const ConcordSession *last;
  gint64 note_id;

  if (sessions == NULL || sessions->len == 0)
    die ("list_sessions", error);
  last = g_ptr_array_index (sessions, sessions->len - 1);
  note_id = concord_store_add_note (store, last->id, 0, "", ACTOR, &error);
  if (note_id == 0)
    die ("add_note", error);

  for (guint run = 0; run < COMMIT_RUNS; run++)
    {
      gint64 start;
      double ms;

      g_string_append (typed, "字");
      start = g_get_monotonic_time ();
      if (!concord_store_set_note_text (store, note_id, typed->str, &error))
        die ("set_note_text", error);
      ms = ms_since (start);
      g_array_append_val (times, ms);
    }
  {
    g_autofree char *label = g_strdup_printf ("one autosave commit (synchronous=FULL), median of %u", COMMIT_RUNS);

    add_ms_row (label, percentile (times, 50), 0);
  }
  add_ms_row ("one autosave commit, p95", percentile (times, 95), 0);
  add_ms_row ("one autosave commit, max", percentile (times, 100), 0);
}

static void
usage (FILE *out)
{
  fputs ("Usage: concord-bench-case --db PATH [--runs N] [--keys N]\n"
         "\n"
         "  --db PATH   where to make the database (must not exist yet)\n"
         "  --runs N    shows of the long case measured (default 10)\n"
         "  --keys N    keystrokes per typing run (default 100)\n",
         out);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordStore) store = NULL;
  g_autoptr(ConcordContext) context = NULL;
  g_autofree char *wal = NULL;
  const char *db = NULL;
  guint runs = 10, keys = 100;
  Made made = { 0 };
  gboolean all_pass;
  gint64 start;

  setlocale (LC_ALL, "");
  bench_table_init ();

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;
      guint64 parsed;

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          usage (stdout);
          return 0;
        }
      if (value == NULL ||
          !(g_str_equal (arg, "--db") || g_str_equal (arg, "--runs") || g_str_equal (arg, "--keys")))
        {
          usage (stderr);
          return 2;
        }
      i++;
      if (g_str_equal (arg, "--db"))
        {
          db = value;
          continue;
        }
      if (!g_ascii_string_to_unsigned (value, 10, 1, 10000, &parsed, NULL))
        {
          usage (stderr);
          return 2;
        }
      if (g_str_equal (arg, "--runs"))
        runs = (guint) parsed;
      else
        keys = (guint) parsed;
    }
  if (db == NULL)
    {
      usage (stderr);
      return 2;
    }
  if (g_file_test (db, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "concord-bench-case: %s exists; the benchmark makes its own database\n", db);
      return 2;
    }

  store = concord_store_open (db, &error);
  if (store == NULL)
    die (db, error);

  printf ("Concord long-case benchmark: %s\n", db);
  fflush (stdout);
  start = g_get_monotonic_time ();
  make_database (store, &made);
  wal = g_strconcat (db, "-wal", NULL);
  {
    g_autofree char *value = g_strdup_printf ("%u sessions, %u lines of notes, %u positions, %u legal points",
                                              N_SESSIONS, made.n_notes_lines, made.n_positions,
                                              made.n_legal_points);
    g_autofree char *made_in = g_strdup_printf ("%.1f MB, made in %.0f ms",
                                                (file_size (db) + file_size (wal)) / (1024.0 * 1024.0),
                                                ms_since (start));

    add_row ("the long case", value, NULL, RESULT_NONE);
    add_row ("the database", made_in, NULL, RESULT_NONE);
  }

  bench_core_loads (store, made.long_id, runs);

  context = concord_context_new (store, ACTOR);
  if (!gtk_init_check ())
    {
      add_row ("show the long case", "no display", "< 200 ms", RESULT_SKIP);
      add_row ("keystroke to disk", "no display", "< 1000 ms", RESULT_SKIP);
    }
  else
    {
      adw_init ();
      add_row ("renderer (GSK_RENDERER)",
               g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "GTK's default",
               NULL, RESULT_NONE);
      bench_show (context, &made, runs);
      bench_keystrokes (context, db, &made, keys);
    }

  bench_commit (store, &made);

  all_pass = print_table ();
  bench_table_free ();
  return all_pass ? 0 : 1;
}
