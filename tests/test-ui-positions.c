/* test-ui-positions.c — the positions of the fire case (scenario 1) over
 * four rounds, as the chart, the table and the gap show them; privacy
 * mode leaves out what was said back-to-back. Runs under Xvfb (suite
 * "ui").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concord-positions-view.h"
#include "test-ui-helpers.h"

#define ZHANG 1
#define LI    2
#define WU    3

/* Runs the main loop until @widget is mapped with a width (slow under
 * valgrind), or 10 s have passed. */
static void
wait_for_allocation (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0) &&
         g_get_monotonic_time () < deadline)
    run_for (20);
}

static ConcordCase *
fire_case (void)
{
  ConcordCase *c = concord_case_new ();
  const char *names[] = { "张某", "李某", "吴某" };

  c->id = 7;
  c->case_no = g_strdup ("(2026)四调字第0007号");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ConcordParty *party = concord_party_new ();

      party->id = i + 1;
      party->name = g_strdup (names[i]);
      party->role = i < 2 ? CONCORD_ROLE_APPLICANT : CONCORD_ROLE_RESPONDENT;
      g_ptr_array_add (c->parties, party);
    }
  return c;
}

static GPtrArray *
fire_sessions (void)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_session_unref);
  const ConcordSessionKind kinds[] = {
    CONCORD_SESSION_BACK_TO_BACK, CONCORD_SESSION_BACK_TO_BACK,
    CONCORD_SESSION_FACE_TO_FACE, CONCORD_SESSION_FACE_TO_FACE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      ConcordSession *session = concord_session_new ();

      session->id = 11 + i;
      session->case_id = 7;
      session->kind = kinds[i];
      session->started_at = g_strdup_printf ("2026-11-%02uT01:00:00Z", 6 + i);
      session->ended_at = g_strdup_printf ("2026-11-%02uT03:00:00Z", 6 + i);
      g_ptr_array_add (sessions, session);
    }
  return sessions;
}

static void
add_position (GPtrArray           *positions,
              gint64               session_id,
              gint64               party_id,
              ConcordPositionKind  kind,
              gint64               yuan,
              const char          *terms)
{
  ConcordPosition *position = concord_position_new ();

  position->id = positions->len + 1;
  position->session_id = session_id;
  position->party_id = party_id;
  position->kind = kind;
  position->has_amount = yuan >= 0;
  position->amount_fen = yuan >= 0 ? yuan * 100 : 0;
  position->terms = g_strdup (terms);
  /* The rounds are on 6–9 November, at 10:xx in Shanghai. */
  position->at = g_strdup_printf ("2026-11-%02" G_GINT64_FORMAT "T02:%02u:00Z",
                                  6 + (session_id - 11), positions->len);
  g_ptr_array_add (positions, position);
}

/* The claim of 130,000 yuan comes down to 100,000 while the offer goes up
 * to meet it; the landlord asks for repairs in words only. The rounds up
 * to @last_round (1–4). */
static GPtrArray *
fire_positions (guint last_round)
{
  GPtrArray *positions = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_position_free);

  add_position (positions, 11, ZHANG, CONCORD_POSITION_DEMAND, 130000, "赔偿房屋损失");
  add_position (positions, 11, WU, CONCORD_POSITION_OFFER, 50000, NULL);
  if (last_round >= 2)
    {
      add_position (positions, 12, ZHANG, CONCORD_POSITION_DEMAND, 120000, NULL);
      add_position (positions, 12, LI, CONCORD_POSITION_DEMAND, -1, "修复墙面并更换门窗");
      add_position (positions, 12, WU, CONCORD_POSITION_OFFER, 80000, "分两期支付");
    }
  if (last_round >= 3)
    {
      add_position (positions, 13, ZHANG, CONCORD_POSITION_DEMAND, 110000, NULL);
      add_position (positions, 13, WU, CONCORD_POSITION_OFFER, 80000, NULL);
    }
  if (last_round >= 4)
    {
      add_position (positions, 14, ZHANG, CONCORD_POSITION_DEMAND, 100000, "一次性付清");
      add_position (positions, 14, WU, CONCORD_POSITION_OFFER, 100000, NULL);
    }
  return positions;
}

/* Every label's text under @widget that is shown, joined by "|". */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '|');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
shown_text (GtkWidget *view)
{
  GString *out = g_string_new ("|");

  collect_labels (view, out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
find_chart (GtkWidget *widget)
{
  if (GTK_IS_DRAWING_AREA (widget) &&
      gtk_drawing_area_get_content_height (GTK_DRAWING_AREA (widget)) >= 100)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_chart (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many pixels of the chart, rendered, are strongly coloured: the lines
 * and markers (grid lines and text are grey). */
static guint
count_coloured_pixels (GtkWidget *chart)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (chart);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (chart);
  int height = gtk_widget_get_height (chart);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint coloured = 0;

  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >=, 150);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return 0;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                              y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < width; x++)
        {
          int a = row[x] >> 24, r = (row[x] >> 16) & 0xff, g = (row[x] >> 8) & 0xff, b = row[x] & 0xff;

          if (a > 200 && MAX (MAX (r, g), b) - MIN (MIN (r, g), b) > 80)
            coloured++;
        }
    }
  cairo_surface_destroy (surface);
  return coloured;
}

/* A positions view alone in a window of 900×700, presented. */
static ConcordPositionsView *
present_view (GtkWindow **window)
{
  ConcordPositionsView *view;

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 900, 700);
  view = CONCORD_POSITIONS_VIEW (concord_positions_view_new ());
  gtk_window_set_child (*window, GTK_WIDGET (view));
  gtk_window_present (*window);
  return view;
}

static void
test_rounds (void)
{
  g_autoptr(ConcordCase) c = fire_case ();
  g_autoptr(GPtrArray) sessions = fire_sessions ();
  g_autoptr(GPtrArray) positions = NULL;
  g_autofree char *text = NULL;
  ConcordPositionsView *view;
  GtkWindow *window;
  GtkWidget *chart;

  view = present_view (&window);

  /* Nothing recorded: no gap, no rows, an empty state. */
  positions = g_ptr_array_new ();
  concord_positions_view_set_positions (view, c, sessions, positions, FALSE);
  g_assert_null (concord_positions_view_get_gap_text (view));
  g_assert_cmpuint (concord_positions_view_get_n_rows (view), ==, 0);
  text = shown_text (GTK_WIDGET (view));
  g_assert_nonnull (strstr (text, "No demands or offers"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&positions, g_ptr_array_unref);

  /* Round 1: a demand and an offer, 80,000 apart. */
  positions = fire_positions (1);
  concord_positions_view_set_positions (view, c, sessions, positions, FALSE);
  g_assert_cmpuint (concord_positions_view_get_n_rows (view), ==, 2);
  g_assert_nonnull (strstr (concord_positions_view_get_gap_text (view), "¥80,000.00"));
  g_clear_pointer (&positions, g_ptr_array_unref);

  /* Round 3, in the middle: 110,000 asked, 80,000 offered. The table
   * keeps the copies: the array given is freed at once. */
  positions = fire_positions (3);
  concord_positions_view_set_positions (view, c, sessions, positions, FALSE);
  g_clear_pointer (&positions, g_ptr_array_unref);
  g_assert_cmpuint (concord_positions_view_get_n_rows (view), ==, 7);
  g_assert_nonnull (strstr (concord_positions_view_get_gap_text (view), "¥30,000.00"));
  text = shown_text (GTK_WIDGET (view));
  g_assert_nonnull (strstr (text, "|The sides are ¥30,000.00 apart.|"));
  g_assert_nonnull (strstr (text, "|¥130,000.00|"));
  g_assert_nonnull (strstr (text, "|Round 1|"));
  g_assert_nonnull (strstr (text, "|Round 3|"));
  g_assert_null (strstr (text, "|Round 4|"));
  g_assert_nonnull (strstr (text, "|修复墙面并更换门窗|"));
  g_assert_nonnull (strstr (text, "|2026-11-06 10:00|"));   /* local time */
  g_assert_nonnull (strstr (text, "|张某 · Demand|"));       /* the legend */
  g_assert_nonnull (strstr (text, "|吴某 · Offer|"));
  /* Terms only: in the table, not a line of the chart. */
  g_assert_null (strstr (text, "|李某 · Demand|"));
  g_clear_pointer (&text, g_free);

  /* Round 4: the offer meets the claim. */
  positions = fire_positions (4);
  concord_positions_view_set_positions (view, c, sessions, positions, FALSE);
  g_assert_cmpuint (concord_positions_view_get_n_rows (view), ==, 9);
  g_assert_cmpstr (concord_positions_view_get_gap_text (view), ==, "The offers meet the demands.");

  /* The chart draws its lines. */
  chart = find_chart (GTK_WIDGET (view));
  g_assert_nonnull (chart);
  wait_for_allocation (chart);
  g_assert_true (gtk_widget_get_mapped (chart));
  g_assert_cmpuint (count_coloured_pixels (chart), >, 200);

  /* Dark style: drawn again with the other palette, without complaint. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  run_for (100);
  g_assert_cmpuint (count_coloured_pixels (chart), >, 200);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  run_for (50);

  gtk_window_destroy (window);
  run_for (50);
}

static void
test_privacy (void)
{
  g_autoptr(ConcordCase) c = fire_case ();
  g_autoptr(GPtrArray) sessions = fire_sessions ();
  g_autoptr(GPtrArray) positions = fire_positions (4);
  g_autoptr(GPtrArray) early = fire_positions (2);
  g_autofree char *text = NULL;
  ConcordPositionsView *view;
  GtkWindow *window;

  view = present_view (&window);

  /* Privacy on: rounds 1 and 2 were back-to-back and are left out. */
  concord_positions_view_set_positions (view, c, sessions, positions, TRUE);
  g_assert_cmpuint (concord_positions_view_get_n_rows (view), ==, 4);
  g_assert_cmpstr (concord_positions_view_get_gap_text (view), ==, "The offers meet the demands.");
  text = shown_text (GTK_WIDGET (view));
  g_assert_null (strstr (text, "¥130,000.00"));
  g_assert_null (strstr (text, "¥120,000.00"));
  g_assert_null (strstr (text, "¥50,000.00"));
  g_assert_null (strstr (text, "修复墙面"));
  g_assert_null (strstr (text, "分两期支付"));
  g_assert_null (strstr (text, "|Round 1|"));
  g_assert_null (strstr (text, "|Round 2|"));
  g_assert_nonnull (strstr (text, "|Round 3|"));
  g_assert_nonnull (strstr (text, "|¥110,000.00|"));
  g_assert_nonnull (strstr (text, "hidden while the screen is turned to the parties"));
  g_clear_pointer (&text, g_free);
  run_for (100);

  /* Only caucus positions so far: nothing shows, and the gap is not told
   * either (it would give the caucus amounts away). */
  concord_positions_view_set_positions (view, c, sessions, early, TRUE);
  g_assert_cmpuint (concord_positions_view_get_n_rows (view), ==, 0);
  g_assert_null (concord_positions_view_get_gap_text (view));
  text = shown_text (GTK_WIDGET (view));
  g_assert_null (strstr (text, "¥"));
  g_assert_nonnull (strstr (text, "hidden while the screen is turned to the parties"));
  g_clear_pointer (&text, g_free);

  /* Privacy off again: everything. */
  concord_positions_view_set_positions (view, c, sessions, early, FALSE);
  g_assert_cmpuint (concord_positions_view_get_n_rows (view), ==, 5);
  g_assert_nonnull (strstr (concord_positions_view_get_gap_text (view), "¥40,000.00"));
  run_for (100);

  gtk_window_destroy (window);
  run_for (50);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "positions"))
    return 77;

  g_test_add_func ("/ui/positions/rounds", test_rounds);
  g_test_add_func ("/ui/positions/privacy", test_privacy);
  return g_test_run ();
}
