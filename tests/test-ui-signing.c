/* test-ui-signing.c — signing the agreement through real widgets: the
 * signature pad (pad units, letterboxing, undo, clear); scenario 3 (a
 * fight at a night-market stall, police mediation) where each party and
 * the presiding officer sign on screen, one signs again, the empty pad
 * is refused, the last signature locks the agreement with its
 * verification code, and the case moves on to follow-up from the case
 * view; a marriage and family case, where the Electronic Signature Law
 * (art. 3) leaves only ink and fingerprints, recorded through Record
 * Paper Signing with a future date refused at its field. Runs under Xvfb
 * (suite "ui").
 *
 * With CONCORD_SHOT_DIR set, PNG pictures of the pane and the window
 * are written there (for looking at the layout, e.g. in Chinese with
 * LANGUAGE=zh_CN and CONCORD_LOCALEDIR).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concord-case-view.h"
#include "concord-print.h"
#include "concord-review-pane.h"
#include "concord-ui-util.h"
#include "concord-signature-window.h"
#include "concord-signing-pane.h"
#include "concord-window.h"
#include "test-fixtures.h"
#include "test-ui-helpers.h"

#define OFFICER      "xu"
#define OFFICER_NAME "徐警官"
#define NOW          "2026-11-23T06:00:00Z"   /* 14:00 in Shanghai */
#define TODAY        "2026-11-23"

typedef struct
{
  Fixture             f;
  ConcordContext     *context;
  GtkWindow          *window;
  ConcordSigningPane *pane;
} UiFixture;

/* Pictures */

static void
shoot (gpointer    widget,
       const char *name)
{
  const char *dir = g_getenv ("CONCORD_SHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  run_for (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_printerr ("picture: %s\n", path);
}

/* Setting up */

static void
add_member (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordTeamMember) member = concord_team_member_new ();

  member->name = g_strdup (OFFICER_NAME);
  member->role = CONCORD_TEAM_OFFICER;
  member->username = g_strdup (OFFICER);
  g_assert_true (concord_store_save_member (f->store, member, OFFICER, &error));
  g_assert_no_error (error);
}

static void
ui_set_up (UiFixture    *u,
           gconstpointer data)
{
  GtkWidget *scroller, *clamp;

  g_setenv ("CONCORD_NOW", NOW, TRUE);
  fixture_set_up (&u->f, NULL);
  add_member (&u->f);
  u->context = concord_context_new (u->f.store, OFFICER);
  u->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (u->window, 900, 860);
  u->pane = CONCORD_SIGNING_PANE (concord_signing_pane_new (u->context));
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 820);
  gtk_widget_set_margin_top (clamp, 24);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (u->pane));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_window_set_child (u->window, scroller);
  gtk_window_present (u->window);
  settle ();
}

static void
ui_tear_down (UiFixture    *u,
              gconstpointer data)
{
  destroy_all_windows ();
  g_clear_object (&u->context);
  fixture_tear_down (&u->f, NULL);
  g_unsetenv ("CONCORD_NOW");
}

/* Scenario 3: two friends fought at a night-market stall; the officer
 * mediates. Stored, and moved to signing the way the application does. */
static gint64
fight_case_at_signing (Fixture *f)
{
  g_autoptr(ConcordCase) fight = concord_case_new ();
  g_autoptr(GError) error = NULL;
  ConcordTeamMember *officer = concord_team_member_new ();
  ConcordParty *a, *b;

  fight->source = CONCORD_SOURCE_CALL_110;
  fight->incident_no = g_strdup ("J3702032026111800231");
  fight->mediation_type = CONCORD_MEDIATION_POLICE;
  fight->category = g_strdup ("minor_injury");
  fight->occurred_at = g_strdup ("2026-11-18T15:20:00Z");
  fight->place = g_strdup ("东城区光明路夜市烧烤摊");
  fight->facts = g_strdup ("赵某与钱某酒后在夜市烧烤摊发生口角并互殴，均受轻微伤，巡逻队员将二人分开。");
  a = fixture_party (CONCORD_ROLE_PARTY, "赵某", CONCORD_GENDER_MALE, "37020219900101001", "1990-01-01",
                     "13805320101", "要求钱某赔偿医疗费");
  b = fixture_party (CONCORD_ROLE_PARTY, "钱某", CONCORD_GENDER_MALE, "37020219910202003", "1991-02-02",
                     "13805320102", "要求赵某赔偿医疗费");
  a->address = g_strdup ("东城区光明路1号");
  b->address = g_strdup ("东城区光明路2号");
  g_ptr_array_add (fight->parties, a);
  g_ptr_array_add (fight->parties, b);
  officer->name = g_strdup (OFFICER_NAME);
  officer->role = CONCORD_TEAM_OFFICER;
  officer->username = g_strdup (OFFICER);
  g_ptr_array_add (fight->team, officer);

  g_assert_true (concord_store_save_case (f->store, fight, OFFICER, &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_decide_case (f->store, fight->id, TRUE, NULL, OFFICER, &error));
  g_assert_true (fixture_move (f->store, fight->id, CONCORD_STAGE_FACE_TO_FACE, NULL, OFFICER, &error));
  g_assert_true (fixture_move (f->store, fight->id, CONCORD_STAGE_DRAFTING, NULL, OFFICER, &error));
  g_assert_true (fixture_move (f->store, fight->id, CONCORD_STAGE_REVIEW, NULL, OFFICER, &error));
  g_assert_true (fixture_move (f->store, fight->id, CONCORD_STAGE_SIGNING, NULL, OFFICER, &error));
  g_assert_no_error (error);
  return fight->id;
}

/* Scenario 6's kind: a marriage and family dispute, people's mediation. */
static gint64
family_case_at_signing (Fixture *f)
{
  g_autoptr(ConcordCase) c = concord_case_new ();
  g_autoptr(GError) error = NULL;
  ConcordTeamMember *mediator = concord_team_member_new ();

  c->source = CONCORD_SOURCE_WALK_IN;
  c->mediation_type = CONCORD_MEDIATION_PEOPLE;
  c->category = g_strdup ("marriage_family");
  c->facts = g_strdup ("孙某与周某婚后因抚养费和家务分担多次争吵，双方同意调解。");
  g_ptr_array_add (c->parties, fixture_party (CONCORD_ROLE_APPLICANT, "孙某", CONCORD_GENDER_FEMALE,
                                              "37020219880303002", "1988-03-03", "13805320201",
                                              "要求周某按月支付抚养费"));
  g_ptr_array_add (c->parties, fixture_party (CONCORD_ROLE_RESPONDENT, "周某", CONCORD_GENDER_MALE,
                                              "37020219860404001", "1986-04-04", "13805320202",
                                              "同意支付，但要求减少数额"));
  mediator->name = g_strdup ("王调解员");
  mediator->role = CONCORD_TEAM_MEDIATOR;
  g_ptr_array_add (c->team, mediator);

  g_assert_true (concord_store_save_case (f->store, c, OFFICER, &error));
  g_assert_no_error (error);
  g_assert_true (concord_store_decide_case (f->store, c->id, TRUE, NULL, OFFICER, &error));
  g_assert_true (fixture_move (f->store, c->id, CONCORD_STAGE_BACK_TO_BACK, NULL, OFFICER, &error));
  g_assert_true (fixture_move (f->store, c->id, CONCORD_STAGE_DRAFTING, NULL, OFFICER, &error));
  g_assert_true (fixture_move (f->store, c->id, CONCORD_STAGE_SIGNING, NULL, OFFICER, &error));
  g_assert_no_error (error);
  return c->id;
}

static ConcordSigning *
load_signing (Fixture *f,
              gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  ConcordSigning *signing = concord_store_load_signing (f->store, case_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (signing);
  return signing;
}

/* The verification code of the case's latest version, computed here. */
static char *
expected_code (Fixture *f,
               gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordAgreement) agreement = concord_store_load_agreement (f->store, case_id, 0, &error);

  g_assert_no_error (error);
  return concord_agreement_verification_code (agreement);
}

static ConcordStage
stage_of (Fixture *f,
          gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordCase) c = concord_store_load_case (f->store, case_id, &error);

  g_assert_no_error (error);
  return c->stage;
}

/* Finding things */

/* "甲方 赵某": how the pane titles a signer. */
static char *
signer_title (const ConcordSigner *signer)
{
  return g_strdup_printf (C_("signer", "%s %s"), signer->role, signer->name);
}

/* The mapped row titled @title under @root, or NULL. */
static AdwActionRow *
find_row (gpointer    root,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (root), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (gtk_widget_get_mapped (row) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return ADW_ACTION_ROW (row);
    }
  return NULL;
}

static AdwActionRow *
signer_row (UiFixture           *u,
            const ConcordSigner *signer)
{
  g_autofree char *title = signer_title (signer);
  AdwActionRow *row = find_row (u->pane, title);

  if (row == NULL)
    g_error ("no row for the signer “%s”", title);
  return row;
}

/* The mapped widget named @name under @root, or NULL. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (root == NULL || !gtk_widget_get_mapped (root))
    return NULL;
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
allocated (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

static const char *
status_title (UiFixture *u)
{
  return gtk_label_get_text (template_child (u->pane, "status_title"));
}

typedef struct
{
  UiFixture  *u;
  const char *text;
} Expect;

static gboolean
status_is (gpointer data)
{
  Expect *e = data;

  return g_strcmp0 (status_title (e->u), e->text) == 0;
}

/* The pane reads the store again once the main loop runs: waits for
 * @text in the status (5 s at most, for slow runs under valgrind). */
static void
assert_status (UiFixture  *u,
               const char *text)
{
  Expect e = { u, text };

  wait_for (status_is, &e);
  g_assert_cmpstr (status_title (u), ==, text);
}

static void
assert_count (UiFixture *u,
              guint      n,
              guint      of)
{
  g_autofree char *expected = g_strdup_printf (ngettext ("%u of %u signed", "%u of %u signed", of), n, of);

  assert_status (u, expected);
}

static gboolean
row_shown (gpointer data)
{
  Expect *e = data;

  return find_row (e->u->pane, e->text) != NULL;
}

/* The code shown in the status, with its words. */
static const char *
status_code (UiFixture *u)
{
  return gtk_label_get_text (template_child (u->pane, "status_code"));
}

/* Writing on the pad as a pen would: a short zigzag at @y, in widget
 * coordinates, with rising pressure and 8 ms between points. */
static void
write_stroke (ConcordSignaturePad *pad,
              double               y,
              guint32              t0)
{
  double w = gtk_widget_get_width (GTK_WIDGET (pad));

  concord_signature_pad_begin_stroke (pad, w * 0.3, y, 0.3, t0);
  for (guint i = 1; i <= 12; i++)
    concord_signature_pad_add_point (pad, w * 0.3 + i * w * 0.03, y + (i % 2 ? -14 : 14), 0.3 + i * 0.05,
                                     t0 + i * 8);
  concord_signature_pad_end_stroke (pad);
}

/* For wait_for(): whether @args (UiFixture, signer, label) has the
 * signer's row showing the button. */
static gboolean
row_has_button (gpointer data)
{
  gpointer *args = data;
  const ConcordSigner *signer = args[1];
  g_autofree char *title = signer_title (signer);
  AdwActionRow *row = find_row (((UiFixture *) args[0])->pane, title);

  return row != NULL && find_shown_button (GTK_WIDGET (row), args[2]) != NULL;
}

static ConcordSignatureWindow *
open_window_from (UiFixture           *u,
                  const ConcordSigner *signer,
                  const char          *button_label)
{
  ConcordSignatureWindow *window;
  GtkWidget *button;
  gpointer args[] = { u, (gpointer) signer, (gpointer) button_label };

  g_assert_true (wait_for (row_has_button, args));
  button = find_shown_button (GTK_WIDGET (signer_row (u, signer)), button_label);

  /* As from the keyboard: focused, then pressed. */
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  click (button);
  window = CONCORD_SIGNATURE_WINDOW (wait_for_toplevel (CONCORD_TYPE_SIGNATURE_WINDOW, NULL));
  g_assert_nonnull (window);
  g_assert_true (wait_for (allocated, concord_signature_window_get_pad (window)));
  settle ();
  return window;
}

static gboolean
pane_row_signed (gpointer data)
{
  gpointer *args = data;
  UiFixture *u = args[0];
  const ConcordSigner *signer = args[1];
  g_autofree char *title = signer_title (signer);
  AdwActionRow *row = find_row (u->pane, title);

  return row != NULL && g_strcmp0 (adw_action_row_get_subtitle (row), _("Not signed")) != 0;
}

/* Signs for @signer in the window, with two strokes; checks what the
 * window shows first. */
static void
sign_in_window (UiFixture           *u,
                ConcordSignatureWindow *window,
                const ConcordSigner *signer,
                const char          *code)
{
  ConcordSignaturePad *pad = concord_signature_window_get_pad (window);
  GtkWidget *sign_button = template_child (window, "sign_button");
  g_autofree char *meta = NULL;
  gpointer args[] = { u, (gpointer) signer };

  /* Who signs, large, and the text they sign. */
  g_assert_cmpstr (gtk_label_get_text (template_child (window, "name_label")), ==, signer->name);
  g_assert_cmpstr (gtk_label_get_text (template_child (window, "role_label")), ==, signer->role);
  g_assert_true (gtk_widget_get_mapped (template_child (window, "name_label")));
  meta = g_strdup (gtk_label_get_text (template_child (window, "meta_label")));
  g_assert_nonnull (strstr (meta, code));

  /* The empty pad cannot be signed. */
  g_assert_true (concord_signature_pad_is_empty (pad));
  g_assert_false (gtk_widget_is_sensitive (sign_button));
  gtk_widget_activate_action (GTK_WIDGET (window), "signature.sign", NULL);
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  write_stroke (pad, gtk_widget_get_height (GTK_WIDGET (pad)) * 0.5, 100000);
  write_stroke (pad, gtk_widget_get_height (GTK_WIDGET (pad)) * 0.65, 100400);
  g_assert_cmpuint (concord_signature_pad_count_strokes (pad), ==, 2);
  g_assert_true (gtk_widget_is_sensitive (sign_button));

  click (sign_button);
  g_assert_true (wait_for (toplevel_closed, GSIZE_TO_POINTER (CONCORD_TYPE_SIGNATURE_WINDOW)));
  g_assert_true (wait_for (pane_row_signed, args));
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
signed_cb (ConcordSignatureWindow *window,
           gboolean                locked,
           int                    *out)
{
  *out = locked;
}

/* Tests */

/* The pad keeps points in pad units: the pad is letterboxed in the
 * widget, points outside are brought inside, times start at the first
 * point; undo and clear say so. */
static void
test_pad (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ConcordSignaturePad *pad = CONCORD_SIGNATURE_PAD (concord_signature_pad_new ());
  g_autoptr(ConcordSignature) signature = NULL;
  guint changed = 0;
  const ConcordInkPoint *p;
  GArray *stroke;
  int w, h;

  gtk_window_set_default_size (window, 900, 240);
  gtk_window_set_child (window, GTK_WIDGET (pad));
  gtk_window_present (window);
  g_assert_true (wait_for (allocated, pad));
  settle ();
  w = gtk_widget_get_width (GTK_WIDGET (pad));
  h = gtk_widget_get_height (GTK_WIDGET (pad));
  g_assert_cmpint (w, >, h * 2.5);   /* wider than the pad: bars left and right */
  g_signal_connect (pad, "changed", G_CALLBACK (count_cb), &changed);

  g_assert_true (concord_signature_pad_is_empty (pad));
  {
    double scale = h / CONCORD_SIGNATURE_PAD_HEIGHT;
    double x0 = (w - CONCORD_SIGNATURE_PAD_WIDTH * scale) / 2;

    /* The pad's top left corner, its middle, and a point past the right
     * and bottom edges. */
    concord_signature_pad_begin_stroke (pad, x0, 0, 0.2, 5000);
    concord_signature_pad_add_point (pad, w / 2.0, h / 2.0, 0.9, 5016);
    concord_signature_pad_add_point (pad, w + 50, h + 50, 1.7, 5030);
    g_assert_cmpuint (changed, ==, 0);
    concord_signature_pad_end_stroke (pad);
    g_assert_cmpuint (changed, ==, 1);
  }
  /* An event stamped earlier keeps the time going forward. */
  concord_signature_pad_begin_stroke (pad, 10, 10, 0.5, 4000);
  concord_signature_pad_add_point (pad, 300, 100, 0.5, 5100);
  concord_signature_pad_end_stroke (pad);
  g_assert_cmpuint (concord_signature_pad_count_strokes (pad), ==, 2);

  signature = concord_signature_pad_dup_signature (pad);
  g_assert_cmpint (signature->method, ==, CONCORD_SIGNATURE_METHOD_PAD);
  g_assert_cmpuint (signature->strokes->len, ==, 2);
  stroke = g_ptr_array_index (signature->strokes, 0);
  g_assert_cmpuint (stroke->len, ==, 3);
  p = &g_array_index (stroke, ConcordInkPoint, 0);
  g_assert_cmpfloat_with_epsilon (p->x, 0, 0.01);
  g_assert_cmpfloat_with_epsilon (p->y, 0, 0.01);
  g_assert_cmpuint (p->t, ==, 0);
  g_assert_cmpfloat_with_epsilon (p->pressure, 0.2, 0.001);
  p = &g_array_index (stroke, ConcordInkPoint, 1);
  g_assert_cmpfloat_with_epsilon (p->x, CONCORD_SIGNATURE_PAD_WIDTH / 2, 0.6);
  g_assert_cmpfloat_with_epsilon (p->y, CONCORD_SIGNATURE_PAD_HEIGHT / 2, 0.6);
  g_assert_cmpuint (p->t, ==, 16);
  p = &g_array_index (stroke, ConcordInkPoint, 2);
  g_assert_cmpfloat (p->x, ==, CONCORD_SIGNATURE_PAD_WIDTH);
  g_assert_cmpfloat (p->y, ==, CONCORD_SIGNATURE_PAD_HEIGHT);
  g_assert_cmpfloat (p->pressure, ==, 1);
  stroke = g_ptr_array_index (signature->strokes, 1);
  p = &g_array_index (stroke, ConcordInkPoint, 0);
  g_assert_cmpfloat (p->x, ==, 0);      /* left of the pad, in the bar */
  g_assert_cmpuint (p->t, ==, 30);
  g_assert_cmpuint (g_array_index (stroke, ConcordInkPoint, 1).t, ==, 100);
  /* What the store reads back. */
  {
    g_autofree char *json = concord_signature_strokes_to_json (signature);
    g_autoptr(ConcordSignature) back = concord_signature_new (CONCORD_SIGNATURE_METHOD_PAD);
    g_autoptr(GError) error = NULL;

    g_assert_true (concord_signature_strokes_from_json (back, json, &error));
    g_assert_no_error (error);
    g_assert_true (concord_signature_check_strokes (back, NULL));
  }

  concord_signature_pad_undo (pad);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (concord_signature_pad_count_strokes (pad), ==, 1);
  concord_signature_pad_clear (pad);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_true (concord_signature_pad_is_empty (pad));
  /* Times start again from the next first point. */
  concord_signature_pad_begin_stroke (pad, w / 2.0, h / 2.0, 0.5, 9000);
  concord_signature_pad_add_point (pad, w / 2.0 + 20, h / 2.0, 0.5, 9010);
  concord_signature_pad_end_stroke (pad);
  {
    g_autoptr(ConcordSignature) again = concord_signature_pad_dup_signature (pad);

    g_assert_cmpuint (g_array_index ((GArray *) g_ptr_array_index (again->strokes, 0), ConcordInkPoint, 1).t, ==, 10);
  }
  gtk_window_destroy (window);
  settle ();
}

/* Scenario 3 at the desk: each party and the presiding officer sign on
 * screen; one signs again; the last signature locks the agreement. */
static void
test_fight_on_screen (UiFixture    *u,
                      gconstpointer data)
{
  gint64 case_id = fight_case_at_signing (&u->f);
  g_autoptr(ConcordSigning) signing = load_signing (&u->f, case_id);
  g_autofree char *code = expected_code (&u->f, case_id);
  ConcordSignatureWindow *window;
  const ConcordSigner *first, *second, *officer;
  int locked_by_last = -1;

  g_assert_true (signing->pad_allowed);
  g_assert_cmpuint (signing->signers->len, ==, 3);
  first = g_ptr_array_index (signing->signers, 0);
  second = g_ptr_array_index (signing->signers, 1);
  officer = g_ptr_array_index (signing->signers, 2);
  g_assert_cmpstr (first->name, ==, "赵某");
  g_assert_cmpstr (second->name, ==, "钱某");
  g_assert_cmpstr (officer->key, ==, "presiding-officer");
  g_assert_cmpstr (officer->name, ==, OFFICER_NAME);

  concord_signing_pane_set_case (u->pane, case_id);
  settle ();

  /* Nobody has signed: each can sign on screen, or all on paper. */
  assert_status (u, _("Not signed yet"));
  g_assert_nonnull (strstr (status_code (u), code));
  g_assert_false (gtk_widget_get_mapped (template_child (u->pane, "paper_only_list")));
  for (guint i = 0; i < signing->signers->len; i++)
    {
      AdwActionRow *row = signer_row (u, g_ptr_array_index (signing->signers, i));

      g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, _("Not signed"));
      g_assert_nonnull (find_shown_button (GTK_WIDGET (row), _("Sign on Screen…")));
      g_assert_null (find_shown_button (GTK_WIDGET (row), _("Sign Again")));
    }
  g_assert_nonnull (find_shown_button (GTK_WIDGET (u->pane), _("Print for Ink Signing…")));
  g_assert_nonnull (find_shown_button (GTK_WIDGET (u->pane), _("Record Paper Signing…")));
  g_assert_null (find_shown_button (GTK_WIDGET (u->pane), _("Print Signed Copy…")));
  shoot (u->window, "signing-pane-before");

  /* The first party signs. */
  window = open_window_from (u, first, _("Sign on Screen…"));
  {
    ConcordSignaturePad *pad = concord_signature_window_get_pad (window);

    /* Ctrl+Z's action takes the last stroke back. */
    write_stroke (pad, 80, 1000);
    g_assert_true (gtk_widget_is_sensitive (template_child (window, "sign_button")));
    gtk_widget_activate_action (GTK_WIDGET (window), "signature.undo", NULL);
    settle ();
    g_assert_true (concord_signature_pad_is_empty (pad));
    g_assert_false (gtk_widget_is_sensitive (template_child (window, "sign_button")));
  }
  sign_in_window (u, window, first, code);
  g_assert_nonnull (find_shown_button (GTK_WIDGET (signer_row (u, first)), _("Sign Again")));
  g_assert_null (find_shown_button (GTK_WIDGET (signer_row (u, first)), _("Sign on Screen…")));
  g_assert_nonnull (find_named (GTK_WIDGET (signer_row (u, first)), "signature-thumb"));
  assert_count (u, 1, 3);

  /* He signs again: the pad opens for him, and his signature stays
   * until the new one is stored. Closing with something written asks
   * first; discarding keeps the old signature. */
  {
    g_autoptr(ConcordSigning) before = concord_store_load_signing (u->f.store, case_id, NULL);
    g_autoptr(ConcordSigning) after = NULL;
    g_autofree char *old_strokes =
      concord_signature_strokes_to_json (g_ptr_array_index (before->signatures, 0));
    g_autofree char *new_strokes = NULL;

    window = open_window_from (u, first, _("Sign Again"));
    assert_count (u, 1, 3);
    write_stroke (concord_signature_window_get_pad (window), 90, 2000);
    gtk_widget_activate_action (GTK_WIDGET (window), "signature.cancel", NULL);
    settle ();
    g_assert_true (wait_for (message_dialog_open, NULL));
    g_assert_cmpstr (adw_message_dialog_get_heading (find_message_dialog ()), ==, _("Discard the Signature?"));
    /* It says the signature given before stays. */
    g_assert_cmpstr (adw_message_dialog_get_body (find_message_dialog ()), ==,
                     _("What is written on the pad is not kept; the signature given before stays."));
    shoot (find_message_dialog (), "sign-again-discard");
    answer (find_message_dialog (), "cancel");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
    g_assert_cmpuint (concord_signature_pad_count_strokes (concord_signature_window_get_pad (window)), ==, 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "signature.cancel", NULL);
    settle ();
    g_assert_true (wait_for (message_dialog_open, NULL));
    answer (find_message_dialog (), "discard");
    g_assert_true (wait_for (toplevel_closed, GSIZE_TO_POINTER (CONCORD_TYPE_SIGNATURE_WINDOW)));
    assert_count (u, 1, 3);
    g_assert_nonnull (find_shown_button (GTK_WIDGET (signer_row (u, first)), _("Sign Again")));

    /* Now he signs again for good: the new signature replaces the old. */
    window = open_window_from (u, first, _("Sign Again"));
    write_stroke (concord_signature_window_get_pad (window), 60, 3000);
    write_stroke (concord_signature_window_get_pad (window), 100, 3400);
    write_stroke (concord_signature_window_get_pad (window), 140, 3800);
    click (template_child (window, "sign_button"));
    g_assert_true (wait_for (toplevel_closed, GSIZE_TO_POINTER (CONCORD_TYPE_SIGNATURE_WINDOW)));
    assert_count (u, 1, 3);
    after = concord_store_load_signing (u->f.store, case_id, NULL);
    g_assert_nonnull (g_ptr_array_index (after->signatures, 0));
    new_strokes = concord_signature_strokes_to_json (g_ptr_array_index (after->signatures, 0));
    g_assert_cmpstr (new_strokes, !=, old_strokes);
  }

  /* The second party. Cancel on an empty pad closes without asking. */
  window = open_window_from (u, second, _("Sign on Screen…"));
  gtk_widget_activate_action (GTK_WIDGET (window), "signature.cancel", NULL);
  g_assert_true (wait_for (toplevel_closed, GSIZE_TO_POINTER (CONCORD_TYPE_SIGNATURE_WINDOW)));
  g_assert_null (find_message_dialog ());
  window = open_window_from (u, second, _("Sign on Screen…"));
  shoot (window, "signature-window-empty");
  write_stroke (concord_signature_window_get_pad (window), 70, 500);
  write_stroke (concord_signature_window_get_pad (window), 120, 900);
  shoot (window, "signature-window");

  /* Meanwhile he was recorded as signed at another desk: the store
   * refuses, the window says so and keeps the strokes. */
  {
    g_autoptr(ConcordSignature) elsewhere = concord_signature_pad_dup_signature (concord_signature_window_get_pad (window));
    g_autoptr(GError) error = NULL;
    GtkWidget *error_label = template_child (window, "error_label");

    elsewhere->agreement_id = signing->agreement_id;
    elsewhere->signer = g_strdup (second->key);
    elsewhere->signer_name = g_strdup (second->name);
    elsewhere->signed_at = g_strdup (NOW);
    elsewhere->recorded_by = g_strdup ("desk2");
    g_assert_true (concord_store_add_signature (u->f.store, case_id, elsewhere, "desk2", NULL, &error));
    g_assert_no_error (error);

    g_assert_false (gtk_widget_get_mapped (error_label));
    click (template_child (window, "sign_button"));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
    g_assert_true (gtk_widget_get_mapped (error_label));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
    g_assert_cmpuint (concord_signature_pad_count_strokes (concord_signature_window_get_pad (window)), ==, 2);
    shoot (window, "signature-window-refused");

    /* Closing now asks; the signature stored elsewhere is taken back. */
    gtk_widget_activate_action (GTK_WIDGET (window), "signature.cancel", NULL);
    g_assert_true (wait_for (message_dialog_open, NULL));
    answer (find_message_dialog (), "discard");
    g_assert_true (wait_for (toplevel_closed, GSIZE_TO_POINTER (CONCORD_TYPE_SIGNATURE_WINDOW)));
    g_assert_true (concord_store_remove_signature (u->f.store, elsewhere->id, "desk2", &error));
    g_assert_no_error (error);
    concord_context_case_changed (u->context, case_id);
    settle ();
  }
  window = open_window_from (u, second, _("Sign on Screen…"));
  sign_in_window (u, window, second, code);
  assert_count (u, 2, 3);
  /* The keyboard goes on to the next signer. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (u->window)) ==
                 find_shown_button (GTK_WIDGET (signer_row (u, officer)), _("Sign on Screen…")));
  {
    g_autoptr(ConcordSigning) two = load_signing (&u->f, case_id);

    g_assert_null (two->locked_at);
  }

  /* The presiding officer signs last: the agreement is locked. */
  window = open_window_from (u, officer, _("Sign on Screen…"));
  g_signal_connect (window, "signed", G_CALLBACK (signed_cb), &locked_by_last);
  sign_in_window (u, window, officer, code);
  g_assert_cmpint (locked_by_last, ==, 1);
  assert_status (u, _("Signed and locked"));
  g_assert_nonnull (strstr (status_code (u), code));
  {
    g_autoptr(ConcordSigning) locked = load_signing (&u->f, case_id);

    g_assert_nonnull (locked->locked_at);
    g_assert_cmpstr (locked->code, ==, code);
  }
  for (guint i = 0; i < signing->signers->len; i++)
    {
      AdwActionRow *row = signer_row (u, g_ptr_array_index (signing->signers, i));

      g_autofree char *expected = g_strdup_printf (_("Signed on screen %s"), "2026-11-23 14:00");

      g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, expected);
      g_assert_null (find_shown_button (GTK_WIDGET (row), _("Sign Again")));
    }
  g_assert_null (find_shown_button (GTK_WIDGET (u->pane), _("Sign on Screen…")));
  g_assert_null (find_shown_button (GTK_WIDGET (u->pane), _("Record Paper Signing…")));
  g_assert_nonnull (find_shown_button (GTK_WIDGET (u->pane), _("Print Signed Copy…")));
  g_assert_nonnull (find_shown_button (GTK_WIDGET (u->pane), _("Save as PDF…")));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (u->window)) == template_child (u->pane, "print_signed_button"));
  g_assert_true (shows_label (GTK_WIDGET (u->pane), _("Printed Files")));
  g_assert_nonnull (find_row (u->pane, _("Nothing printed or saved yet")));
  g_assert_true (gtk_widget_get_mapped (template_child (u->pane, "status_code")));

  /* "Save as PDF…" once the file is chosen: the file is kept with the
   * case and listed. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (u->f.dir, "signed.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *copies = g_strdup_printf (ngettext ("%u copy", "%u copies", 1), 1);
    AdwActionRow *row;

    Expect e = { u, _("Signed copy") };

    g_assert_true (concord_print_save_pdf_to_file (u->context, case_id, TRUE, file, &error));
    g_assert_no_error (error);
    g_assert_true (wait_for (row_shown, &e));
    g_assert_null (find_row (u->pane, _("Nothing printed or saved yet")));
    row = find_row (u->pane, _("Signed copy"));
    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), copies));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), OFFICER_NAME));
  }
  shoot (u->window, "signing-pane-locked");

  /* The case moves on to follow-up; the pane stays, read-only. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (fixture_move (u->f.store, case_id, CONCORD_STAGE_FOLLOW_UP, NULL, OFFICER, &error));
    g_assert_no_error (error);
  }
  concord_context_case_changed (u->context, case_id);
  settle ();
  assert_status (u, _("Signed and locked"));
  g_assert_nonnull (find_shown_button (GTK_WIDGET (u->pane), _("Print Signed Copy…")));
}

/* A marriage and family agreement cannot rest on electronic signatures:
 * no pad, the reason shown, and the paper signing recorded. */
static void
test_family_on_paper (UiFixture    *u,
                      gconstpointer data)
{
  gint64 case_id = family_case_at_signing (&u->f);
  g_autoptr(ConcordSigning) signing = load_signing (&u->f, case_id);
  AdwMessageDialog *dialog;
  GtkWidget *date_row, *date_message, *checker_row;

  g_assert_false (signing->pad_allowed);
  g_assert_nonnull (signing->pad_refusal);
  concord_signing_pane_set_case (u->pane, case_id);
  settle ();

  /* The reason, at the top; no pad anywhere. */
  g_assert_true (gtk_widget_get_mapped (template_child (u->pane, "paper_only_list")));
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (u->pane, "paper_only_row")), ==,
                   signing->pad_refusal);
  g_assert_null (find_shown_button (GTK_WIDGET (u->pane), _("Sign on Screen…")));
  for (guint i = 0; i < signing->signers->len; i++)
    g_assert_cmpstr (adw_action_row_get_subtitle (signer_row (u, g_ptr_array_index (signing->signers, i))), ==,
                     _("Not signed"));
  g_assert_nonnull (find_shown_button (GTK_WIDGET (u->pane), _("Print for Ink Signing…")));
  shoot (u->window, "signing-pane-art3");

  /* Record Paper Signing: today and who is at the desk, by default. */
  click (find_shown_button (GTK_WIDGET (u->pane), _("Record Paper Signing…")));
  g_assert_true (wait_for (message_dialog_open, NULL));
  dialog = find_message_dialog ();
  settle ();
  date_row = find_named (GTK_WIDGET (dialog), "paper-date-row");
  checker_row = find_named (GTK_WIDGET (dialog), "paper-checker-row");
  g_assert_nonnull (date_row);
  g_assert_nonnull (checker_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, TODAY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (checker_row)), ==, OFFICER_NAME);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));

  /* A future date is refused at its field, and cannot be recorded. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-12-01");
  settle ();
  date_message = find_named (GTK_WIDGET (dialog), "paper-date-message");
  g_assert_nonnull (date_message);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (date_message)), ==,
                   _("The date is in the future: give the day the paper was signed."));
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "record"));
  /* A blank checker too. */
  gtk_editable_set_text (GTK_EDITABLE (checker_row), "  ");
  settle ();
  g_assert_nonnull (find_named (GTK_WIDGET (dialog), "paper-checker-message"));
  shoot (dialog, "record-paper-refused");
  gtk_editable_set_text (GTK_EDITABLE (checker_row), OFFICER_NAME);
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026年11月23日");
  settle ();
  g_assert_null (find_named (GTK_WIDGET (dialog), "paper-date-message"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));

  /* A day before the version was written: the store refuses it, the
   * question comes back with what was typed and the reason at the date. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-11-01");
  settle ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
  answer (dialog, "record");
  g_assert_true (wait_for (message_dialog_open, NULL));
  dialog = find_message_dialog ();
  settle ();
  date_row = find_named (GTK_WIDGET (dialog), "paper-date-row");
  checker_row = find_named (GTK_WIDGET (dialog), "paper-checker-row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2026-11-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (checker_row)), ==, OFFICER_NAME);
  date_message = find_named (GTK_WIDGET (dialog), "paper-date-message");
  g_assert_nonnull (date_message);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (date_message)), !=, "");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  {
    g_autoptr(ConcordSigning) still = load_signing (&u->f, case_id);

    g_assert_null (still->locked_at);
  }
  gtk_editable_set_text (GTK_EDITABLE (date_row), TODAY);
  settle ();
  g_assert_null (find_named (GTK_WIDGET (dialog), "paper-date-message"));

  answer (dialog, "record");
  settle ();
  g_assert_null (find_message_dialog ());
  assert_status (u, _("Signed and locked"));
  g_assert_false (gtk_widget_get_mapped (template_child (u->pane, "paper_only_list")));
  {
    g_autofree char *expected = g_strdup_printf (_("Signed on paper on %s, checked by %s"), TODAY, OFFICER_NAME);

    for (guint i = 0; i < signing->signers->len; i++)
      g_assert_cmpstr (adw_action_row_get_subtitle (signer_row (u, g_ptr_array_index (signing->signers, i))), ==,
                       expected);
  }
  g_assert_nonnull (find_shown_button (GTK_WIDGET (u->pane), _("Print Signed Copy…")));
  {
    g_autoptr(ConcordSigning) locked = load_signing (&u->f, case_id);

    g_assert_nonnull (locked->locked_at);
  }
  shoot (u->window, "signing-pane-art3-locked");
}

static gboolean
pane_locked (gpointer pane)
{
  return shows_label (pane, _("Signed and locked"));
}

/* In the case view: the signing pane above the approved agreement at
 * signing, and the case moved on to follow-up once locked. */
static void
test_case_view (void)
{
  Fixture f;
  g_autoptr(ConcordContext) context = NULL;
  g_autoptr(ConcordSigning) signing = NULL;
  ConcordWindow *window;
  GtkWidget *view, *pane, *button;
  gint64 case_id;

  g_setenv ("CONCORD_NOW", NOW, TRUE);
  fixture_set_up (&f, NULL);
  add_member (&f);
  case_id = fight_case_at_signing (&f);
  context = concord_context_new (f.store, OFFICER);
  window = g_object_ref_sink (concord_window_new (NULL, context));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  view = concord_window_get_case_view (window);
  concord_window_show_case (window, case_id);
  settle ();

  pane = find_first (view, CONCORD_TYPE_SIGNING_PANE);
  g_assert_nonnull (pane);
  g_assert_true (gtk_widget_get_visible (pane));
  g_assert_nonnull (find_shown_button (pane, _("Sign on Screen…")));
  /* Above the approved text, read-only, for reading out. */
  {
    GtkWidget *review = find_first (view, CONCORD_TYPE_REVIEW_PANE);

    g_assert_true (gtk_widget_get_visible (review));
    g_assert_true (gtk_widget_get_next_sibling (pane) == review);
  }
  concord_ui_scroll_to_widget (pane);
  shoot (window, "case-view-signing");

  /* Everyone signs (through the store, as the window does). */
  signing = load_signing (&f, case_id);
  for (guint i = 0; i < signing->signers->len; i++)
    {
      const ConcordSigner *signer = g_ptr_array_index (signing->signers, i);
      g_autoptr(ConcordSignature) s = concord_signature_new (CONCORD_SIGNATURE_METHOD_PAD);
      g_autoptr(GError) error = NULL;
      GArray *stroke = concord_signature_add_stroke (s);
      ConcordInkPoint points[] = { { 100, 150, 0.5, 0 }, { 300, 120, 0.6, 40 }, { 500, 160, 0.4, 90 } };

      g_array_append_vals (stroke, points, G_N_ELEMENTS (points));
      s->agreement_id = signing->agreement_id;
      s->signer = g_strdup (signer->key);
      s->signer_name = g_strdup (signer->name);
      s->signed_at = g_strdup (NOW);
      s->recorded_by = g_strdup (OFFICER);
      g_assert_true (concord_store_add_signature (f.store, case_id, s, OFFICER, NULL, &error));
      g_assert_no_error (error);
    }
  concord_context_case_changed (context, case_id);
  g_assert_true (wait_for (pane_locked, pane));

  button = find_shown_button (view, _("Signed: Start Follow-Up"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  settle ();
  if (find_message_dialog () != NULL)
    g_error ("the move failed: %s", adw_message_dialog_get_body (find_message_dialog ()));
  g_assert_cmpint (stage_of (&f, case_id), ==, CONCORD_STAGE_FOLLOW_UP);
  g_assert_true (gtk_widget_get_visible (pane));
  g_assert_true (shows_label (pane, _("Signed and locked")));
  concord_ui_scroll_to_widget (pane);
  shoot (window, "case-view-follow-up");

  destroy_all_windows ();
  g_object_unref (window);
  g_clear_object (&context);
  fixture_tear_down (&f, NULL);
  g_unsetenv ("CONCORD_NOW");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "signing"))
    return 77;
  /* The application's style, as AdwApplication loads it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/concord/Concord/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  /* Pictures in the interface language asked for. */
  if (g_getenv ("CONCORD_SHOT_DIR") != NULL && g_getenv ("CONCORD_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CONCORD_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add_func ("/ui/signing/pad", test_pad);
  g_test_add ("/ui/signing/fight-on-screen", UiFixture, NULL, ui_set_up, test_fight_on_screen, ui_tear_down);
  g_test_add ("/ui/signing/family-on-paper", UiFixture, NULL, ui_set_up, test_family_on_paper, ui_tear_down);
  g_test_add_func ("/ui/signing/case-view", test_case_view);
  return g_test_run ();
}
