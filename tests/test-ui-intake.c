/* test-ui-intake.c — the intake dialog driven through its real widgets
 * (run under Xvfb)
 *
 * Set CONCORD_TEST_PAUSE=name to stop in the test called name (e.g.
 * "scenario") with the dialog on screen, for a screenshot; it goes on
 * after CONCORD_TEST_PAUSE_SECONDS (default 5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ui-intake"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "concord-core.h"
#include "test-ids.h"
#include "concord-intake-dialog.h"
#include "concord-intake-dialog-private.h"
#include "concord-preferences-window.h"

typedef struct
{
  char           *dir;
  ConcordStore   *store;
  ConcordContext *context;
  gint64          saved_id;
  guint           n_saved;
} Fixture;

/* Helpers */

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
maybe_pause (const char *name)
{
  const char *pause = g_getenv ("CONCORD_TEST_PAUSE");
  const char *seconds = g_getenv ("CONCORD_TEST_PAUSE_SECONDS");

  if (pause == NULL || g_strcmp0 (pause, name) != 0)
    return;
  g_printerr ("# pausing in %s\n", name);
  wait_ms ((seconds != NULL ? atoi (seconds) : 5) * 1000);
}

static void
saved_cb (ConcordIntakeDialog *dialog,
          gint64               case_id,
          Fixture             *fixture)
{
  fixture->saved_id = case_id;
  fixture->n_saved++;
}

static ConcordIntakeDialog *
open_dialog (Fixture     *fixture,
             ConcordCase *existing)
{
  ConcordIntakeDialog *dialog = concord_intake_dialog_new (fixture->context, NULL, existing);

  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), fixture);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  return dialog;
}

static guint
count_cases (Fixture *fixture)
{
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(GError) error = NULL;
  gboolean capped = FALSE;
  guint count = 0;

  g_assert_true (concord_store_count_cases (fixture->store, query, 0, &count, &capped, &error));
  g_assert_no_error (error);
  return count;
}

static gboolean
query_finds (Fixture    *fixture,
             const char *text,
             gint64      id)
{
  g_autoptr(ConcordCaseQuery) query = concord_case_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  query->text = g_strdup (text);
  found = concord_store_query_cases (fixture->store, query, 0, 50, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    if (concord_case_summary_get_id (g_ptr_array_index (found, i)) == id)
      return TRUE;
  return FALSE;
}

static void
set_text (gpointer    editable,
          const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  iterate ();
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  iterate ();
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Chooses the item labelled @label in a combo row. */
static void
choose (GtkWidget  *combo,
        const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
          iterate ();
          return;
        }
    }
  g_error ("No item “%s” in the combo row", label);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

static GtkWidget *
party_field (ConcordIntakeDialog *dialog,
             guint                party,
             const char          *subfield)
{
  ConcordPartyEditor *editor = _concord_intake_dialog_get_party_editor (dialog, party);
  GtkWidget *field = _concord_party_editor_get_field (editor, subfield);

  g_assert_nonnull (field);
  return field;
}

static gboolean
focus_is_in (ConcordIntakeDialog *dialog,
             GtkWidget           *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static const ConcordParty *
find_party (const ConcordCase *c,
            const char        *name)
{
  for (guint i = 0; i < c->parties->len; i++)
    {
      const ConcordParty *party = g_ptr_array_index (c->parties, i);

      if (g_strcmp0 (party->name, name) == 0)
        return party;
    }
  g_error ("No party %s", name);
  return NULL;
}

static const ConcordTeamMember *
find_member (const ConcordCase *c,
             ConcordTeamRole    role)
{
  for (guint i = 0; i < c->team->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (c->team, i);

      if (member->role == role)
        return member;
    }
  g_error ("No team member with role %d", role);
  return NULL;
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("concord-ui-intake-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "concord.db", NULL);
  fixture->store = concord_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  fixture->context = concord_context_new (fixture->store, "tester");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  iterate ();
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Tests */

static void
test_opens_empty (Fixture       *fixture,
                  gconstpointer  data)
{
  ConcordIntakeDialog *dialog = open_dialog (fixture, NULL);
  GtkWidget *save = _concord_intake_dialog_get_save_button (dialog);
  GtkLabel *missing = _concord_intake_dialog_get_missing_label (dialog);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* The focus is on the first party's name, Save waits for a name and a
   * sentence and says so, and no field shouts yet. */
  g_assert_true (focus_is_in (dialog, _concord_intake_dialog_get_quick_name (dialog)));
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (missing)));
  g_assert_cmpstr (gtk_label_get_text (missing), ==,
                   _("Enter a party's name and the facts to register the case."));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_concord_intake_dialog_get_message_label (dialog, "party/0/name"))));
  g_assert_cmpuint (_concord_intake_dialog_get_n_parties (dialog), ==, 1);
  g_assert_cmpuint (_concord_intake_dialog_get_n_team_rows (dialog), ==, 4);

  maybe_pause ("empty");

  /* Nothing typed: Escape closes without asking. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "intake.cancel", NULL);
  iterate ();
  g_assert_null (dialog);
  g_assert_cmpuint (count_cases (fixture), ==, 0);
}

static void
test_quick (Fixture       *fixture,
            gconstpointer  data)
{
  ConcordIntakeDialog *dialog = open_dialog (fixture, NULL);
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GError) error = NULL;
  const ConcordParty *party;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  set_text (_concord_intake_dialog_get_quick_name (dialog), "周某");
  g_assert_false (gtk_widget_is_sensitive (_concord_intake_dialog_get_save_button (dialog)));
  set_view_text (_concord_intake_dialog_get_facts_view (dialog), "周某欠王某货款未还，王某到店内吵闹。");

  /* The quick name is the first party's name. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (party_field (dialog, 0, "name"))), ==, "周某");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_concord_intake_dialog_get_missing_label (dialog))));

  maybe_pause ("quick");
  click (_concord_intake_dialog_get_save_button (dialog));

  g_assert_null (dialog);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (fixture->saved_id, >, 0);
  g_assert_cmpuint (count_cases (fixture), ==, 1);

  c = concord_store_load_case (fixture->store, fixture->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->parties->len, ==, 1);
  party = g_ptr_array_index (c->parties, 0);
  g_assert_cmpstr (party->name, ==, "周某");
  g_assert_cmpint (party->role, ==, CONCORD_ROLE_APPLICANT);
  g_assert_cmpstr (c->facts, ==, "周某欠王某货款未还，王某到店内吵闹。");
  g_assert_cmpuint (c->team->len, ==, 0);
  g_assert_nonnull (c->case_no);
  g_assert_true (query_finds (fixture, "周某", c->id));
}

/* Scenario 1 of SCENARIOS.md: fire damage between a tenant, a landlord
 * and the neighbour upstairs. */
static void
test_scenario_fire (Fixture       *fixture,
                    gconstpointer  data)
{
  ConcordIntakeDialog *dialog = open_dialog (fixture, NULL);
  g_autofree char *wu_id = fixture_resident_id ("37020320010915123");   /* man, 2001-09-15 */
  g_autofree char *li_id = fixture_resident_id ("37020319680422246");   /* woman, 1968-04-22 */
  g_autofree char *zhang_id = fixture_resident_id ("37020219751102457"); /* man, 1975-11-02 */
  g_autofree char *zhang_bad_id = g_strdup (zhang_id);
  g_autofree char *facts = NULL;
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GError) error = NULL;
  const char *category_label = concord_category_builtin_label ("damage");
  const ConcordParty *wu, *li, *zhang;
  const ConcordTeamMember *officer, *lawyer, *mediator;
  GtkWidget *save = _concord_intake_dialog_get_save_button (dialog);
  GtkWidget *zhang_id_row;
  GtkLabel *zhang_id_message;
  ConcordPartyEditor *editor;
  GtkButton *offer;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* One wrong character: the check digit no longer matches. */
  zhang_bad_id[17] = zhang_id[17] == '0' ? '1' : '0';

  /* Quick registration */
  set_text (_concord_intake_dialog_get_quick_name (dialog), "吴某");
  set_view_text (_concord_intake_dialog_get_facts_view (dialog),
                 "租户吴某用电不慎引发火灾，烧毁房东李某的房屋，并熏坏楼上邻居张某的住房。"
                 "张某报警，要求赔偿130000元。");
  g_assert_true (gtk_widget_is_sensitive (save));

  /* The case */
  choose (_concord_intake_dialog_get_case_field (dialog, "source"), concord_source_label (CONCORD_SOURCE_CALL_110));
  g_assert_false (gtk_widget_get_visible (_concord_intake_dialog_get_case_field (dialog, "referred_by")));
  set_text (_concord_intake_dialog_get_case_field (dialog, "incident_no"), "J3702032026112300158");
  set_text (_concord_intake_dialog_get_case_field (dialog, "occurred_at"), "2026-11-22 21:40");
  set_text (_concord_intake_dialog_get_case_field (dialog, "place"), "四方区某小区3号楼");
  choose (_concord_intake_dialog_get_case_field (dialog, "category"), category_label);
  choose (_concord_intake_dialog_get_case_field (dialog, "mediation_type"),
          concord_mediation_type_label (CONCORD_MEDIATION_PEOPLE));

  /* Wu, the tenant at fault */
  choose (party_field (dialog, 0, "role"), concord_party_role_label (CONCORD_ROLE_RESPONDENT));
  set_text (party_field (dialog, 0, "id_number"), wu_id);
  set_text (party_field (dialog, 0, "phone"), "139 1234 5678");
  set_text (party_field (dialog, 0, "occupation"), "大学生");
  set_view_text (GTK_TEXT_VIEW (party_field (dialog, 0, "claims")), "承认过错，但无力承担130000元。");

  /* A valid ID offers the birth date and gender; taking it fills them. */
  editor = _concord_intake_dialog_get_party_editor (dialog, 0);
  offer = _concord_party_editor_get_offer_button (editor, FALSE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (offer)));
  {
    g_autofree char *expected = g_strdup_printf (_("Fill in from ID: %s, %s"), "2001-09-15",
                                                 C_("gender in a sentence", "male"));

    g_assert_cmpstr (gtk_button_get_label (offer), ==, expected);
  }
  click (GTK_WIDGET (offer));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (party_field (dialog, 0, "birth_date"))), ==, "2001-09-15");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (party_field (dialog, 0, "gender"))), ==,
                    CONCORD_GENDER_MALE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (offer)));

  /* Li, the landlord */
  click (_concord_intake_dialog_get_add_party_button (dialog));
  g_assert_cmpuint (_concord_intake_dialog_get_n_parties (dialog), ==, 2);
  g_assert_true (focus_is_in (dialog, party_field (dialog, 1, "name")));
  /* The second party responds by default; here Li claims too. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (party_field (dialog, 1, "role"))), ==,
                    CONCORD_ROLE_RESPONDENT);
  set_text (party_field (dialog, 1, "name"), "李某");
  choose (party_field (dialog, 1, "role"), concord_party_role_label (CONCORD_ROLE_APPLICANT));
  set_text (party_field (dialog, 1, "id_number"), li_id);
  choose (party_field (dialog, 1, "gender"), concord_gender_label (CONCORD_GENDER_FEMALE));
  set_text (party_field (dialog, 1, "phone"), "13588886666");
  set_text (party_field (dialog, 1, "address"), "四方区某小区3号楼2单元201室");
  set_view_text (GTK_TEXT_VIEW (party_field (dialog, 1, "claims")), "要求吴某赔偿房屋修复费用。");

  /* Zhang, the neighbour upstairs, with a mistyped ID number */
  click (_concord_intake_dialog_get_add_party_button (dialog));
  set_text (party_field (dialog, 2, "name"), "张某");
  choose (party_field (dialog, 2, "role"), concord_party_role_label (CONCORD_ROLE_APPLICANT));
  set_text (party_field (dialog, 2, "id_number"), zhang_bad_id);
  set_text (party_field (dialog, 2, "phone"), "0532-88886666");
  set_view_text (GTK_TEXT_VIEW (party_field (dialog, 2, "claims")), "要求吴某赔偿损失人民币130000元。");

  /* The team */
  set_text (_concord_intake_dialog_get_team_entry (dialog, 1, "name"), "王磊");
  set_text (_concord_intake_dialog_get_team_entry (dialog, 1, "phone"), "13700001111");
  set_text (_concord_intake_dialog_get_team_entry (dialog, 2, "name"), "赵敏");
  set_text (_concord_intake_dialog_get_team_entry (dialog, 2, "phone"), "13700002222");
  set_text (_concord_intake_dialog_get_team_entry (dialog, 0, "name"), "陈芳");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (_concord_intake_dialog_get_conflicts_label (dialog)))));

  /* While typing, the wrong ID is not shouted at; after a pause it is. */
  zhang_id_row = party_field (dialog, 2, "id_number");
  zhang_id_message = _concord_party_editor_get_message_label (_concord_intake_dialog_get_party_editor (dialog, 2),
                                                              "id_number");
  _concord_intake_dialog_flush (dialog);
  g_assert_true (gtk_widget_has_css_class (zhang_id_row, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (zhang_id_message)));

  /* Save with the wrong ID: nothing is stored, the field says why and has
   * the focus, and everything typed is still there. */
  click (save);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpuint (count_cases (fixture), ==, 0);
  g_assert_true (gtk_widget_has_css_class (zhang_id_row, "error"));
  {
    g_autofree char *expected = g_strdup (_("This ID number does not add up: a digit is wrong or two are swapped. Check every digit against the card."));

    g_assert_cmpstr (gtk_label_get_text (zhang_id_message), ==, expected);
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (zhang_id_message)));
  g_assert_true (focus_is_in (dialog, zhang_id_row));
  maybe_pause ("scenario-error");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zhang_id_row)), ==, zhang_bad_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_concord_intake_dialog_get_quick_name (dialog))), ==, "吴某");
  facts = view_text (_concord_intake_dialog_get_facts_view (dialog));
  g_assert_nonnull (strstr (facts, "130000"));
  g_assert_cmpstr (gtk_editable_get_text (_concord_intake_dialog_get_team_entry (dialog, 0, "name")), ==, "陈芳");

  /* Fix it: the message goes, and Save stores the case. */
  set_text (zhang_id_row, zhang_id);
  g_assert_false (gtk_widget_has_css_class (zhang_id_row, "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (zhang_id_message)));

  maybe_pause ("scenario");
  click (save);
  g_assert_null (dialog);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpuint (count_cases (fixture), ==, 1);

  c = concord_store_load_case (fixture->store, fixture->saved_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c->case_no);
  g_assert_cmpint (c->source, ==, CONCORD_SOURCE_CALL_110);
  g_assert_cmpstr (c->incident_no, ==, "J3702032026112300158");
  g_assert_cmpstr (c->occurred_at, ==, "2026-11-22T13:40:00Z");
  g_assert_cmpstr (c->place, ==, "四方区某小区3号楼");
  g_assert_cmpstr (c->category, ==, "damage");
  g_assert_cmpint (c->mediation_type, ==, CONCORD_MEDIATION_PEOPLE);
  g_assert_cmpint (c->stage, ==, CONCORD_STAGE_RECEIVED);
  g_assert_nonnull (strstr (c->facts, "火灾"));

  g_assert_cmpuint (c->parties->len, ==, 3);
  wu = g_ptr_array_index (c->parties, 0);
  g_assert_cmpstr (wu->name, ==, "吴某");
  g_assert_cmpint (wu->role, ==, CONCORD_ROLE_RESPONDENT);
  g_assert_cmpstr (wu->id_number, ==, wu_id);
  g_assert_cmpstr (wu->birth_date, ==, "2001-09-15");
  g_assert_cmpint (wu->gender, ==, CONCORD_GENDER_MALE);
  g_assert_cmpstr (wu->phone, ==, "13912345678");
  g_assert_cmpstr (wu->occupation, ==, "大学生");
  g_assert_cmpstr (wu->claims, ==, "承认过错，但无力承担130000元。");
  li = find_party (c, "李某");
  g_assert_cmpint (li->role, ==, CONCORD_ROLE_APPLICANT);
  g_assert_cmpstr (li->id_number, ==, li_id);
  g_assert_cmpint (li->gender, ==, CONCORD_GENDER_FEMALE);
  g_assert_cmpstr (li->phone, ==, "13588886666");
  g_assert_cmpstr (li->address, ==, "四方区某小区3号楼2单元201室");
  zhang = find_party (c, "张某");
  g_assert_cmpint (zhang->role, ==, CONCORD_ROLE_APPLICANT);
  g_assert_cmpstr (zhang->id_number, ==, zhang_id);
  g_assert_cmpstr (zhang->phone, ==, "0532-88886666");
  g_assert_cmpstr (zhang->claims, ==, "要求吴某赔偿损失人民币130000元。");
  g_assert_cmpint (zhang->agent_kind, ==, CONCORD_AGENT_NONE);

  g_assert_cmpuint (c->team->len, ==, 3);
  officer = find_member (c, CONCORD_TEAM_OFFICER);
  lawyer = find_member (c, CONCORD_TEAM_LAWYER);
  mediator = find_member (c, CONCORD_TEAM_MEDIATOR);
  g_assert_cmpstr (officer->name, ==, "王磊");
  g_assert_cmpstr (officer->phone, ==, "13700001111");
  g_assert_cmpint (officer->id, >, 0);
  g_assert_cmpstr (lawyer->name, ==, "赵敏");
  g_assert_cmpstr (mediator->name, ==, "陈芳");

  /* Two-character Chinese queries find it, a name alone too. */
  g_assert_true (query_finds (fixture, "张", c->id));
  g_assert_true (query_finds (fixture, "火灾", c->id));
  g_assert_true (query_finds (fixture, "张某", c->id));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(ConcordCase) c = concord_case_new ();
  g_autoptr(ConcordCase) loaded = NULL;
  g_autoptr(ConcordCase) stored = NULL;
  g_autoptr(GError) error = NULL;
  ConcordParty *party = concord_party_new ();
  ConcordTeamMember *member = concord_team_member_new ();
  ConcordIntakeDialog *dialog;
  gint64 id;

  concord_set_text (&party->name, "甲某");
  party->role = CONCORD_ROLE_PARTY;
  g_ptr_array_add (c->parties, party);
  concord_set_text (&c->facts, "夜市大排档两人酒后互殴。");
  c->mediation_type = CONCORD_MEDIATION_POLICE;
  c->source = CONCORD_SOURCE_CALL_110;
  concord_set_text (&member->name, "刘警官");
  member->role = CONCORD_TEAM_OFFICER;
  g_ptr_array_add (c->team, member);
  g_assert_true (concord_store_save_case (fixture->store, c, "tester", &error));
  g_assert_no_error (error);
  id = c->id;
  loaded = concord_store_load_case (fixture->store, id, &error);
  g_assert_no_error (error);

  dialog = open_dialog (fixture, loaded);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* What is stored is shown; nothing typed yet is nothing to lose. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_concord_intake_dialog_get_quick_name (dialog))), ==, "甲某");
  g_assert_cmpstr (gtk_editable_get_text (_concord_intake_dialog_get_team_entry (dialog, 1, "name")), ==, "刘警官");
  /* Editing: the title says so, and the name is only in the party's section. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Case");
  g_assert_false (gtk_widget_get_visible (_concord_intake_dialog_get_quick_name (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (party_field (dialog, 0, "name"))), ==, "甲某");
  g_assert_true (gtk_widget_is_sensitive (_concord_intake_dialog_get_save_button (dialog)));

  /* Police mediation: an added party is a "party" (乙方), not a respondent. */
  click (_concord_intake_dialog_get_add_party_button (dialog));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (party_field (dialog, 1, "role"))), ==,
                    CONCORD_ROLE_PARTY);
  set_text (party_field (dialog, 1, "name"), "乙某");
  set_text (_concord_intake_dialog_get_case_field (dialog, "place"), "夜市");

  /* A party with data asks before it goes; an empty one goes at once. */
  click (_concord_intake_dialog_get_add_party_button (dialog));
  g_assert_cmpuint (_concord_intake_dialog_get_n_parties (dialog), ==, 3);
  click (GTK_WIDGET (_concord_party_editor_get_remove_button (_concord_intake_dialog_get_party_editor (dialog, 2))));
  g_assert_cmpuint (_concord_intake_dialog_get_n_parties (dialog), ==, 2);

  click (_concord_intake_dialog_get_save_button (dialog));
  g_assert_null (dialog);
  g_assert_cmpint (fixture->saved_id, ==, id);
  g_assert_cmpuint (count_cases (fixture), ==, 1);

  stored = concord_store_load_case (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->parties->len, ==, 2);
  g_assert_cmpint (((ConcordParty *) g_ptr_array_index (stored->parties, 0))->id, ==,
                   ((ConcordParty *) g_ptr_array_index (loaded->parties, 0))->id);
  g_assert_cmpstr (stored->place, ==, "夜市");
  g_assert_cmpstr (stored->case_no, ==, loaded->case_no);
  g_assert_cmpuint (stored->team->len, ==, 1);
  g_assert_cmpint (((ConcordTeamMember *) g_ptr_array_index (stored->team, 0))->id, ==,
                   ((ConcordTeamMember *) g_ptr_array_index (loaded->team, 0))->id);
}

static void
test_conflict_and_discard (Fixture       *fixture,
                           gconstpointer  data)
{
  ConcordIntakeDialog *dialog = open_dialog (fixture, NULL);
  GtkLabel *conflicts = _concord_intake_dialog_get_conflicts_label (dialog);
  GList *toplevels;
  AdwMessageDialog *question = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  set_text (_concord_intake_dialog_get_quick_name (dialog), "张伟");
  set_view_text (_concord_intake_dialog_get_facts_view (dialog), "楼道摄像头引发邻里纠纷。");
  set_text (_concord_intake_dialog_get_team_entry (dialog, 0, "name"), "张伟");

  /* A warning naming who matches whom, and Save still possible. */
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (conflicts))));
  {
    g_autofree char *expected = g_strdup_printf (_("%s (%s) has the same name as party %s"), "张伟",
                                                 concord_team_role_label (CONCORD_TEAM_MEDIATOR), "张伟");

    g_assert_nonnull (strstr (gtk_label_get_text (conflicts), expected));
  }
  g_assert_true (gtk_widget_is_sensitive (_concord_intake_dialog_get_save_button (dialog)));
  if (g_getenv ("CONCORD_TEST_PAUSE") != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (_concord_intake_dialog_get_team_entry (dialog, 3, "phone")));
  maybe_pause ("conflict");

  /* Something typed: Escape asks first. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "intake.cancel", NULL);
  iterate ();
  g_assert_nonnull (dialog);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (dialog))
      question = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (question);

  adw_message_dialog_response (question, "discard");
  iterate ();
  g_assert_null (dialog);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpuint (count_cases (fixture), ==, 0);
}

static void
test_member_from_list (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ConcordTeamMember) known = concord_team_member_new ();
  g_autoptr(ConcordTeamMember) lawyer = concord_team_member_new ();
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GError) error = NULL;
  ConcordIntakeDialog *dialog;
  GtkEntryCompletion *completion;
  GtkTreeModel *model;
  GtkTreeIter iter;
  gboolean handled = FALSE;
  gboolean found = FALSE;

  concord_set_text (&known->name, "陈芳");
  known->role = CONCORD_TEAM_MEDIATOR;
  concord_set_text (&known->phone, "13600001234");
  g_assert_true (concord_store_save_member (fixture->store, known, "tester", &error));
  g_assert_no_error (error);
  concord_set_text (&lawyer->name, "赵敏");
  lawyer->role = CONCORD_TEAM_LAWYER;
  concord_set_text (&lawyer->organisation, "某律师事务所");
  g_assert_true (concord_store_save_member (fixture->store, lawyer, "tester", &error));
  g_assert_no_error (error);

  dialog = open_dialog (fixture, NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  set_text (_concord_intake_dialog_get_quick_name (dialog), "孙某");
  set_view_text (_concord_intake_dialog_get_facts_view (dialog), "广场舞噪音扰民。");

  /* Chosen from the completion: the name, and the phone with it. */
  completion = gtk_entry_get_completion (GTK_ENTRY (_concord_intake_dialog_get_team_entry (dialog, 0, "name")));
  g_assert_nonnull (completion);
  model = gtk_entry_completion_get_model (completion);
  for (gboolean more = gtk_tree_model_get_iter_first (model, &iter); more && !found;
       more = gtk_tree_model_iter_next (model, &iter))
    {
      g_autofree char *name = NULL;

      gtk_tree_model_get (model, &iter, 0, &name, -1);
      found = g_strcmp0 (name, "陈芳") == 0;
      if (found)
        break;
    }
  g_assert_true (found);
  g_signal_emit_by_name (completion, "match-selected", model, &iter, &handled);
  iterate ();
  g_assert_true (handled);
  g_assert_cmpstr (gtk_editable_get_text (_concord_intake_dialog_get_team_entry (dialog, 0, "name")), ==, "陈芳");
  g_assert_cmpstr (gtk_editable_get_text (_concord_intake_dialog_get_team_entry (dialog, 0, "phone")), ==,
                   "13600001234");

  /* Typed in full: the same member. A participant added by hand is new. */
  set_text (_concord_intake_dialog_get_team_entry (dialog, 2, "name"), "赵敏");
  click (_concord_intake_dialog_get_add_member_button (dialog));
  g_assert_cmpuint (_concord_intake_dialog_get_n_team_rows (dialog), ==, 5);
  set_text (_concord_intake_dialog_get_team_entry (dialog, 4, "name"), "钱主任");
  set_text (_concord_intake_dialog_get_team_entry (dialog, 4, "organisation"), "社区居委会");
  g_assert_null (_concord_intake_dialog_get_team_role_dropdown (dialog, 0));
  g_assert_cmpuint (gtk_drop_down_get_selected (_concord_intake_dialog_get_team_role_dropdown (dialog, 4)), ==,
                    CONCORD_TEAM_HELPER);

  /* An added participant may have any role. */
  click (_concord_intake_dialog_get_add_member_button (dialog));
  set_text (_concord_intake_dialog_get_team_entry (dialog, 5, "name"), "孙干事");
  gtk_drop_down_set_selected (_concord_intake_dialog_get_team_role_dropdown (dialog, 5), CONCORD_TEAM_JUDICIAL);

  click (_concord_intake_dialog_get_save_button (dialog));
  g_assert_null (dialog);

  c = concord_store_load_case (fixture->store, fixture->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->team->len, ==, 4);
  g_assert_cmpstr (find_member (c, CONCORD_TEAM_JUDICIAL)->name, ==, "孙干事");
  g_assert_cmpint (find_member (c, CONCORD_TEAM_MEDIATOR)->id, ==, known->id);
  g_assert_cmpint (find_member (c, CONCORD_TEAM_LAWYER)->id, ==, lawyer->id);
  g_assert_cmpstr (find_member (c, CONCORD_TEAM_HELPER)->name, ==, "钱主任");
  g_assert_cmpstr (find_member (c, CONCORD_TEAM_HELPER)->organisation, ==, "社区居委会");
  g_assert_cmpint (find_member (c, CONCORD_TEAM_HELPER)->id, !=, known->id);
}

/* Two people may share a name: a typed name takes a member's id only
 * when the typed phone is empty or the member's own. */
static void
test_member_same_name (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ConcordTeamMember) officer = concord_team_member_new ();
  g_autoptr(ConcordTeamMember) mediator = concord_team_member_new ();
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  const ConcordTeamMember *saved;
  ConcordIntakeDialog *dialog;
  gboolean officer_kept = FALSE;

  concord_set_text (&officer->name, "王磊");
  officer->role = CONCORD_TEAM_OFFICER;
  concord_set_text (&officer->phone, "13700001111");
  g_assert_true (concord_store_save_member (fixture->store, officer, "tester", &error));
  g_assert_no_error (error);
  concord_set_text (&mediator->name, "陈芳");
  mediator->role = CONCORD_TEAM_MEDIATOR;
  concord_set_text (&mediator->phone, "13600001234");
  g_assert_true (concord_store_save_member (fixture->store, mediator, "tester", &error));
  g_assert_no_error (error);

  dialog = open_dialog (fixture, NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  set_text (_concord_intake_dialog_get_quick_name (dialog), "孙某");
  set_view_text (_concord_intake_dialog_get_facts_view (dialog), "广场舞噪音扰民。");

  /* The same phone written another way: the same person. */
  set_text (_concord_intake_dialog_get_team_entry (dialog, 0, "name"), "陈芳");
  set_text (_concord_intake_dialog_get_team_entry (dialog, 0, "phone"), "136 0000 1234");
  /* Another phone: another 王磊. */
  set_text (_concord_intake_dialog_get_team_entry (dialog, 1, "name"), "王磊");
  set_text (_concord_intake_dialog_get_team_entry (dialog, 1, "phone"), "13900009999");

  click (_concord_intake_dialog_get_save_button (dialog));
  g_assert_null (dialog);

  c = concord_store_load_case (fixture->store, fixture->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->team->len, ==, 2);
  g_assert_cmpint (find_member (c, CONCORD_TEAM_MEDIATOR)->id, ==, mediator->id);
  saved = find_member (c, CONCORD_TEAM_OFFICER);
  g_assert_cmpstr (saved->name, ==, "王磊");
  g_assert_cmpstr (saved->phone, ==, "13900009999");
  g_assert_cmpint (saved->id, >, 0);
  g_assert_cmpint (saved->id, !=, officer->id);

  /* The first 王磊 is still there with his own phone. */
  members = concord_store_list_members (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < members->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (members, i);

      if (member->id == officer->id)
        {
          g_assert_cmpstr (member->phone, ==, "13700001111");
          officer_kept = TRUE;
        }
    }
  g_assert_true (officer_kept);
}

static void
test_required_on_leave (Fixture       *fixture,
                        gconstpointer  data)
{
  ConcordIntakeDialog *dialog = open_dialog (fixture, NULL);
  GtkWidget *phone = party_field (dialog, 0, "phone");
  GtkLabel *message = _concord_party_editor_get_message_label (_concord_intake_dialog_get_party_editor (dialog, 0),
                                                               "phone");

  /* A half-typed phone is not an error until the pause. */
  set_text (phone, "1380013");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  _concord_intake_dialog_flush (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  {
    g_autofree char *expected = g_strdup_printf (_("A mobile number has 11 digits starting with 1; this one has %u"), 7);

    g_assert_cmpstr (gtk_label_get_text (message), ==, expected);
  }
  set_text (phone, "13800138000");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The art. 179 checklist of police mediation */

static void
toggle_check (GtkCheckButton *check,
              gboolean        active)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (check)));
  gtk_check_button_set_active (check, active);
  iterate ();
}

/* Is @widget on screen: visible, and every container up to the window too. */
static gboolean
shown (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w))
      return FALSE;
  return TRUE;
}

static void
save_case_directly (Fixture     *fixture,
                    ConcordCase *c,
                    const char  *name,
                    const char  *facts)
{
  g_autoptr(GError) error = NULL;
  ConcordParty *party = concord_party_new ();

  concord_set_text (&party->name, name);
  party->role = CONCORD_ROLE_PARTY;
  g_ptr_array_add (c->parties, party);
  concord_set_text (&c->facts, facts);
  g_assert_true (concord_store_save_case (fixture->store, c, "tester", &error));
  g_assert_no_error (error);
}

static void
test_police_checklist (Fixture       *fixture,
                       gconstpointer  data)
{
  ConcordIntakeDialog *dialog = open_dialog (fixture, NULL);
  GtkWidget *box = _concord_intake_dialog_get_case_field (dialog, "police_exclusions");
  GtkLabel *message = _concord_intake_dialog_get_message_label (dialog, "police_exclusions");
  GtkCheckButton *gang = _concord_intake_dialog_get_exclusion_check (dialog, CONCORD_EXCLUSION_GANG_FIGHT);
  GtkWidget *gang_row = _concord_intake_dialog_get_exclusion_row (dialog, CONCORD_EXCLUSION_GANG_FIGHT);
  GtkSwitch *screened = _concord_intake_dialog_get_screened_switch (dialog);
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *facts = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* People's mediation, the default: no checklist. */
  g_assert_nonnull (box);
  g_assert_false (shown (box));

  set_text (_concord_intake_dialog_get_quick_name (dialog), "甲某");
  set_view_text (_concord_intake_dialog_get_facts_view (dialog), "夜市大排档两伙人酒后打架。");
  choose (_concord_intake_dialog_get_case_field (dialog, "mediation_type"),
          concord_mediation_type_label (CONCORD_MEDIATION_POLICE));

  /* Police mediation: one row per exclusion, each saying the situation,
   * none ticked, and nothing to complain about. */
  g_assert_true (shown (box));
  for (guint i = 0; i < CONCORD_N_EXCLUSIONS; i++)
    {
      GtkWidget *row = _concord_intake_dialog_get_exclusion_row (dialog, 1u << i);

      g_assert_true (shown (row));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       concord_police_exclusion_label (1u << i));
      g_assert_false (gtk_check_button_get_active (_concord_intake_dialog_get_exclusion_check (dialog, 1u << i)));
    }
  g_assert_false (gtk_switch_get_active (screened));
  g_assert_false (shown (GTK_WIDGET (message)));

  /* A gang fight: the police may not mediate, and the checklist says so
   * at once, at the ticked row. */
  toggle_check (gang, TRUE);
  g_assert_true (shown (GTK_WIDGET (message)));
  g_assert_nonnull (strstr (gtk_label_get_text (message),
                            concord_police_exclusion_label (CONCORD_EXCLUSION_GANG_FIGHT)));
  g_assert_true (gtk_widget_has_css_class (gang_row, "error"));
  g_assert_false (gtk_widget_has_css_class (_concord_intake_dialog_get_exclusion_row (dialog, CONCORD_EXCLUSION_FLED),
                                            "error"));
  /* Said once: not again at the top of the form. */
  g_assert_false (shown (GTK_WIDGET (_concord_intake_dialog_get_message_label (dialog, "case"))));

  /* Save is refused; the focus goes to the ticked row, nothing is lost. */
  wait_ms (100);  /* laid out, as it is by the time a person presses Save */
  click (_concord_intake_dialog_get_save_button (dialog));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpuint (count_cases (fixture), ==, 0);
  g_assert_true (focus_is_in (dialog, gang_row));
  g_assert_true (shown (GTK_WIDGET (message)));
  g_assert_false (shown (GTK_WIDGET (_concord_intake_dialog_get_message_label (dialog, "case"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_concord_intake_dialog_get_quick_name (dialog))), ==, "甲某");
  facts = view_text (_concord_intake_dialog_get_facts_view (dialog));
  g_assert_cmpstr (facts, ==, "夜市大排档两伙人酒后打架。");
  g_assert_true (gtk_check_button_get_active (gang));

  maybe_pause ("police");

  /* Untick it, say the list was gone through: saved. */
  toggle_check (gang, FALSE);
  g_assert_false (shown (GTK_WIDGET (message)));
  g_assert_false (gtk_widget_has_css_class (gang_row, "error"));
  gtk_switch_set_active (screened, TRUE);
  iterate ();
  click (_concord_intake_dialog_get_save_button (dialog));
  g_assert_null (dialog);
  g_assert_cmpuint (fixture->n_saved, ==, 1);

  c = concord_store_load_case (fixture->store, fixture->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->mediation_type, ==, CONCORD_MEDIATION_POLICE);
  g_assert_true (c->police_screened);
  g_assert_cmpuint (c->police_exclusions, ==, 0);
}

static void
test_police_type_switch (Fixture       *fixture,
                         gconstpointer  data)
{
  ConcordIntakeDialog *dialog = open_dialog (fixture, NULL);
  GtkWidget *type = _concord_intake_dialog_get_case_field (dialog, "mediation_type");
  GtkWidget *box = _concord_intake_dialog_get_case_field (dialog, "police_exclusions");
  GtkLabel *message = _concord_intake_dialog_get_message_label (dialog, "police_exclusions");
  GtkCheckButton *repeated = _concord_intake_dialog_get_exclusion_check (dialog, CONCORD_EXCLUSION_REPEATED);
  g_autoptr(ConcordCase) c = NULL;
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  set_text (_concord_intake_dialog_get_quick_name (dialog), "丙某");
  set_view_text (_concord_intake_dialog_get_facts_view (dialog), "丙某多次在小区内滋事。");
  choose (type, concord_mediation_type_label (CONCORD_MEDIATION_POLICE));
  toggle_check (repeated, TRUE);
  gtk_switch_set_active (_concord_intake_dialog_get_screened_switch (dialog), TRUE);
  iterate ();
  g_assert_true (shown (GTK_WIDGET (message)));

  /* Another type: the checklist goes, and with it its message. */
  choose (type, concord_mediation_type_label (CONCORD_MEDIATION_PEOPLE));
  g_assert_false (shown (box));
  g_assert_false (shown (GTK_WIDGET (message)));

  /* Back to police mediation: what was ticked is still ticked. */
  choose (type, concord_mediation_type_label (CONCORD_MEDIATION_POLICE));
  g_assert_true (shown (box));
  g_assert_true (gtk_check_button_get_active (repeated));
  g_assert_true (gtk_switch_get_active (_concord_intake_dialog_get_screened_switch (dialog)));
  g_assert_true (shown (GTK_WIDGET (message)));

  /* People's mediation it is: saved, and the checklist with it, which
   * says why the police did not mediate. */
  choose (type, concord_mediation_type_label (CONCORD_MEDIATION_PEOPLE));
  click (_concord_intake_dialog_get_save_button (dialog));
  g_assert_null (dialog);
  c = concord_store_load_case (fixture->store, fixture->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->mediation_type, ==, CONCORD_MEDIATION_PEOPLE);
  g_assert_cmpuint (c->police_exclusions, ==, CONCORD_EXCLUSION_REPEATED);
}

static void
test_police_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ConcordCase) screened = concord_case_new ();
  g_autoptr(ConcordCase) unscreened = concord_case_new ();
  g_autoptr(ConcordCase) loaded = NULL;
  g_autoptr(GError) error = NULL;
  ConcordIntakeDialog *dialog;

  screened->mediation_type = CONCORD_MEDIATION_POLICE;
  screened->police_screened = TRUE;
  save_case_directly (fixture, screened, "甲某", "两邻居因停车互相推搡。");
  unscreened->mediation_type = CONCORD_MEDIATION_POLICE;
  save_case_directly (fixture, unscreened, "乙某", "两同事因琐事争吵后互殴。");

  /* Editing shows the saved checklist. */
  loaded = concord_store_load_case (fixture->store, screened->id, &error);
  g_assert_no_error (error);
  dialog = open_dialog (fixture, loaded);
  g_assert_true (shown (_concord_intake_dialog_get_case_field (dialog, "police_exclusions")));
  g_assert_true (gtk_switch_get_active (_concord_intake_dialog_get_screened_switch (dialog)));
  for (guint i = 0; i < CONCORD_N_EXCLUSIONS; i++)
    g_assert_false (gtk_check_button_get_active (_concord_intake_dialog_get_exclusion_check (dialog, 1u << i)));

  /* Asked for the checklist once the dialog shows: its first row. */
  concord_intake_dialog_focus_field (dialog, "police_screening");
  iterate ();
  g_assert_true (focus_is_in (dialog, _concord_intake_dialog_get_exclusion_row (dialog, CONCORD_EXCLUSION_HIRED_HARM)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_clear_pointer (&loaded, concord_case_unref);

  /* The agreement check found the checklist not gone through: the case
   * view opens the dialog at it. */
  loaded = concord_store_load_case (fixture->store, unscreened->id, &error);
  g_assert_no_error (error);
  dialog = concord_intake_dialog_new (fixture->context, NULL, loaded);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), fixture);
  concord_intake_dialog_focus_field (dialog, "police_screening");
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  g_assert_false (gtk_switch_get_active (_concord_intake_dialog_get_screened_switch (dialog)));
  g_assert_true (focus_is_in (dialog, _concord_intake_dialog_get_exclusion_row (dialog, CONCORD_EXCLUSION_HIRED_HARM)));

  maybe_pause ("police-edit");

  /* Gone through now, nothing applies: saved. */
  gtk_switch_set_active (_concord_intake_dialog_get_screened_switch (dialog), TRUE);
  iterate ();
  click (_concord_intake_dialog_get_save_button (dialog));
  g_assert_null (dialog);
  g_clear_pointer (&loaded, concord_case_unref);
  loaded = concord_store_load_case (fixture->store, unscreened->id, &error);
  g_assert_no_error (error);
  g_assert_true (loaded->police_screened);
  g_assert_cmpuint (loaded->police_exclusions, ==, 0);
}

/* The station settings the agreement check names */

/* The row titled @title under @root, or NULL. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_preferences_review (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *window = concord_preferences_window_new (fixture->context, NULL);
  GtkWidget *row;
  GtkWidget *toggle;
  g_autofree char *value = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* Unset, approval is required: the switch is on. */
  row = find_row (window, _("Legal review required before printing"));
  g_assert_nonnull (row);
  g_assert_true (shown (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   _("When off, a complete agreement goes straight to signing without the lawyer’s approval"));
  toggle = find_descendant (row, GTK_TYPE_SWITCH);
  g_assert_nonnull (toggle);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_true (concord_store_review_required (fixture->store));

  /* Off, and on again: stored at once. */
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  iterate ();
  value = concord_store_get_setting (fixture->store, CONCORD_SETTING_REVIEW_REQUIRED);
  g_assert_cmpstr (value, ==, "false");
  g_assert_false (concord_store_review_required (fixture->store));
  g_clear_pointer (&value, g_free);
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  iterate ();
  value = concord_store_get_setting (fixture->store, CONCORD_SETTING_REVIEW_REQUIRED);
  g_assert_cmpstr (value, ==, "true");
  g_clear_pointer (&value, g_free);

  /* The names the agreement check asks for are there too. */
  g_assert_nonnull (find_row (window, _("Name of the mediation room")));
  g_assert_nonnull (find_row (window, _("People’s mediation committee")));

  maybe_pause ("preferences");

  /* From another page, asked for a setting: its page and its row. */
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (find_row (window, _("No team members yet")),
                                                                                          ADW_TYPE_PREFERENCES_PAGE)));
  iterate ();
  g_assert_true (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)) !=
                 (gpointer) gtk_widget_get_ancestor (find_row (window, _("People’s mediation committee")),
                                                     ADW_TYPE_PREFERENCES_PAGE));
  concord_preferences_window_focus_setting (CONCORD_PREFERENCES_WINDOW (window), CONCORD_SETTING_COMMITTEE_NAME);
  iterate ();
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *committee = find_row (window, _("People’s mediation committee"));

    g_assert_nonnull (focus);
    g_assert_true (focus == committee || gtk_widget_is_ancestor (focus, committee));
    g_assert_true (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)) ==
                   (gpointer) gtk_widget_get_ancestor (committee, ADW_TYPE_PREFERENCES_PAGE));
  }
  concord_preferences_window_focus_setting (CONCORD_PREFERENCES_WINDOW (window), CONCORD_SETTING_REVIEW_REQUIRED);
  iterate ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == toggle);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_null (window);

  /* Stored "false": the switch shows it off, and asked for before it
   * shows, the window opens at it. */
  g_assert_true (concord_store_set_setting (fixture->store, CONCORD_SETTING_REVIEW_REQUIRED, "false",
                                            "tester", NULL));
  window = concord_preferences_window_new (fixture->context, NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  concord_preferences_window_focus_setting (CONCORD_PREFERENCES_WINDOW (window), CONCORD_SETTING_STATION_NAME);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  toggle = find_descendant (find_row (window, _("Legal review required before printing")), GTK_TYPE_SWITCH);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *name = find_row (window, _("Name of the mediation room"));

    g_assert_nonnull (focus);
    g_assert_true (focus == name || gtk_widget_is_ancestor (focus, name));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_null (window);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* The messages are compared through gettext, so the test also runs in
   * another language (LANG=zh_CN.UTF-8) for screenshots. */
  bindtextdomain (GETTEXT_PACKAGE, concord_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("CONCORD_NOW", "2026-11-23T08:00:00Z", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping (run under xvfb-run)\n");
      return 77;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui-intake/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("opens-empty", test_opens_empty);
  ADD ("quick", test_quick);
  ADD ("scenario-fire", test_scenario_fire);
  ADD ("edit", test_edit);
  ADD ("conflict-and-discard", test_conflict_and_discard);
  ADD ("member-from-list", test_member_from_list);
  ADD ("member-same-name", test_member_same_name);
  ADD ("required-on-leave", test_required_on_leave);
  ADD ("police-checklist", test_police_checklist);
  ADD ("police-type-switch", test_police_type_switch);
  ADD ("police-edit", test_police_edit);
  ADD ("preferences-review", test_preferences_review);

#undef ADD

  return g_test_run ();
}
