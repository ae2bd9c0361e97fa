/* concord-store.c — the storage interface and what all backends share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concord-error.h"
#include "concord-calendar.h"
#include "concord-case-number.h"
#include "concord-sqlite-store.h"
#include "concord-validate.h"
#include "concord-store.h"
#include "concord-clock.h"

G_DEFINE_INTERFACE (ConcordStore, concord_store, G_TYPE_OBJECT)

static void
concord_store_default_init (ConcordStoreInterface *iface)
{
}

/* Values of settings nobody has set yet. */
static const struct
{
  const char *key;
  const char *value;
} setting_defaults[] = {
  { CONCORD_SETTING_CASE_NUMBER_FORMAT, CONCORD_CASE_NUMBER_DEFAULT_FORMAT },
  { CONCORD_SETTING_STATION_SHORT_NAME, "" },
  { CONCORD_SETTING_LIMIT_RECEIVED_DAYS, "3" },
  { CONCORD_SETTING_LIMIT_ACCEPTED_DAYS, "7" },
  { "limit.back_to_back.days", "15" },
  { "limit.face_to_face.days", "15" },
  { "limit.drafting.days", "5" },
  { "limit.review.days", "3" },
  { "limit.signing.days", "3" },
  { "limit.follow_up.days", "30" },
  { CONCORD_SETTING_CALENDAR_HOLIDAYS, "" },
  { CONCORD_SETTING_CALENDAR_WORKDAYS, "" },
  { CONCORD_SETTING_REVIEW_REQUIRED, "true" },
};

/* Query */

ConcordCaseQuery *
concord_case_query_new (void)
{
  ConcordCaseQuery *query = g_new0 (ConcordCaseQuery, 1);

  query->stage = -1;
  query->mediation_type = -1;
  return query;
}

ConcordCaseQuery *
concord_case_query_copy (const ConcordCaseQuery *query)
{
  ConcordCaseQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_new0 (ConcordCaseQuery, 1);
  copy->text = g_strdup (query->text);
  copy->stage = query->stage;
  copy->category = g_strdup (query->category);
  copy->mediation_type = query->mediation_type;
  copy->mine = g_strdup (query->mine);
  copy->overdue = query->overdue;
  copy->open_work_orders = query->open_work_orders;
  return copy;
}

void
concord_case_query_free (ConcordCaseQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_free (query->category);
  g_free (query->mine);
  g_free (query);
}

gboolean
concord_case_query_equal (const ConcordCaseQuery *a,
                          const ConcordCaseQuery *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->text, b->text) == 0 &&
         a->stage == b->stage &&
         g_strcmp0 (a->category, b->category) == 0 &&
         a->mediation_type == b->mediation_type &&
         g_strcmp0 (a->mine, b->mine) == 0 &&
         a->overdue == b->overdue &&
         a->open_work_orders == b->open_work_orders;
}

gboolean
concord_case_query_has_text (const ConcordCaseQuery *query)
{
  g_return_val_if_fail (query != NULL, FALSE);

  return !concord_text_is_blank (query->text);
}

void
concord_category_free (ConcordCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->code);
  g_free (category->label);
  g_free (category);
}

void
concord_audit_entry_free (ConcordAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->detail);
  g_free (entry->hash);
  g_free (entry);
}

const char *
concord_audit_action_label (const char *action)
{
  static const struct
  {
    const char *code;
    const char *label;
  } labels[] = {
    { "case.create", N_("Registered") },
    { "case.update", N_("Particulars changed") },
    { "case.accept", N_("Accepted") },
    { "case.not-accept", N_("Not accepted") },
    { "case.stage", N_("Stage changed") },
    { "member.create", N_("Team member added") },
    { "member.update", N_("Team member changed") },
    { "category.save", N_("Category changed") },
    { "setting.set", N_("Setting changed") },
  };

  g_return_val_if_fail (action != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].code, action))
      return _(labels[i].label);
  return action;
}

char *
concord_store_default_path (void)
{
  const char *env = g_getenv ("CONCORD_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "concord", "concord.db", NULL);
}

ConcordStore *
concord_store_open (const char *location,
                    GError    **error)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Only the embedded backend exists today; a "postgresql://" location
   * will choose the shared one. */
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_DB_CANNOT_OPEN,
                   _("This version of Concord works with a database file on this computer; "
                     "a shared PostgreSQL database is not supported yet."));
      return NULL;
    }
  return concord_sqlite_store_open (location, error);
}

int
concord_store_latest_schema_version (void)
{
  return CONCORD_SQLITE_LATEST_VERSION;
}

#define IFACE(self) CONCORD_STORE_GET_IFACE (self)

int
concord_store_get_schema_version (ConcordStore *self)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), 0);
  return IFACE (self)->get_schema_version (self);
}

const char *
concord_store_get_location (ConcordStore *self)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  return IFACE (self)->get_location (self);
}

gboolean
concord_store_save_case (ConcordStore *self,
                         ConcordCase  *c,
                         const char   *actor,
                         GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (c != NULL, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  concord_case_normalize (c);
  return IFACE (self)->save_case (self, c, actor, error);
}

ConcordCase *
concord_store_load_case (ConcordStore *self,
                         gint64        id,
                         GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->load_case (self, id, error);
}

ConcordCase *
concord_store_find_case (ConcordStore *self,
                         const char   *case_no,
                         GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (case_no != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->find_case (self, case_no, error);
}

gboolean
concord_store_decide_case (ConcordStore *self,
                           gint64        id,
                           gboolean      accept,
                           const char   *reason,
                           const char   *actor,
                           GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->decide_case (self, id, accept, reason, actor, error);
}

gboolean
concord_store_move_stage (ConcordStore *self,
                          gint64        case_id,
                          ConcordStage  to,
                          const char   *reason,
                          const char   *actor,
                          GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (to >= 0 && to < CONCORD_N_STAGES, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->move_stage (self, case_id, to, reason, actor, error);
}

GPtrArray *
concord_store_list_stage_moves (ConcordStore *self,
                                gint64        case_id,
                                GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_stage_moves (self, case_id, error);
}

GPtrArray *
concord_store_query_cases (ConcordStore           *self,
                           const ConcordCaseQuery *query,
                           gint64                  before_id,
                           guint                   limit,
                           GError                **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->query_cases (self, query, before_id, limit, error);
}

gboolean
concord_store_count_cases (ConcordStore           *self,
                           const ConcordCaseQuery *query,
                           guint                   cap,
                           guint                  *count,
                           gboolean               *capped,
                           GError                **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->count_cases (self, query, cap, count, capped, error);
}

GPtrArray *
concord_store_list_members (ConcordStore *self,
                            GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  return IFACE (self)->list_members (self, error);
}

gboolean
concord_store_save_member (ConcordStore      *self,
                           ConcordTeamMember *member,
                           const char        *actor,
                           GError           **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  concord_team_member_normalize (member);
  return IFACE (self)->save_member (self, member, actor, error);
}

GPtrArray *
concord_store_list_categories (ConcordStore *self,
                               gboolean      include_inactive,
                               GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  return IFACE (self)->list_categories (self, include_inactive, error);
}

gboolean
concord_store_save_category (ConcordStore *self,
                             const char   *code,
                             const char   *label,
                             gboolean      active,
                             const char   *actor,
                             GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  return IFACE (self)->save_category (self, code, label, active, actor, error);
}

char *
concord_store_dup_category_label (ConcordStore *self,
                                  const char   *code)
{
  g_autoptr(GPtrArray) categories = NULL;
  const char *builtin;

  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);

  if (code == NULL)
    return NULL;
  builtin = concord_category_builtin_label (code);
  if (builtin != NULL)
    return g_strdup (builtin);

  categories = concord_store_list_categories (self, TRUE, NULL);
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      ConcordCategory *category = g_ptr_array_index (categories, i);

      if (g_str_equal (category->code, code))
        return g_strdup (category->label);
    }
  return g_strdup (code);
}

char *
concord_store_get_setting (ConcordStore *self,
                           const char   *key)
{
  char *value;

  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  value = IFACE (self)->get_setting (self, key);
  if (value != NULL)
    return value;
  for (guint i = 0; i < G_N_ELEMENTS (setting_defaults); i++)
    if (g_str_equal (setting_defaults[i].key, key))
      return g_strdup (setting_defaults[i].value);
  return NULL;
}

/* TRUE for "limit.<stage code>.days" of a stage that is not final. */
static gboolean
is_limit_key (const char *key)
{
  for (int stage = 0; stage < CONCORD_N_STAGES; stage++)
    {
      g_autofree char *limit = concord_store_dup_limit_key (stage);

      if (limit != NULL && g_str_equal (limit, key))
        return TRUE;
    }
  return FALSE;
}

char *
concord_store_dup_limit_key (ConcordStage stage)
{
  g_return_val_if_fail (stage >= 0 && stage < CONCORD_N_STAGES, NULL);

  if (concord_stage_is_final (stage))
    return NULL;
  return g_strdup_printf ("limit.%s.days", concord_stage_to_code (stage));
}

gboolean
concord_store_set_setting (ConcordStore *self,
                           const char   *key,
                           const char   *value,
                           const char   *actor,
                           GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (g_str_equal (key, CONCORD_SETTING_CASE_NUMBER_FORMAT) &&
      !concord_case_number_check_format (value ? value : "", error))
    return FALSE;

  if ((g_str_equal (key, CONCORD_SETTING_CALENDAR_HOLIDAYS) ||
       g_str_equal (key, CONCORD_SETTING_CALENDAR_WORKDAYS)) &&
      !concord_calendar_check_list (value, error))
    return FALSE;

  if (is_limit_key (key))
    {
      guint64 days = 0;

      if (value == NULL ||
          !g_ascii_string_to_unsigned (value, 10, 1, 365, &days, NULL))
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("A time limit is a whole number of days from 1 to 365."));
          return FALSE;
        }
    }

  return IFACE (self)->set_setting (self, key, value, actor, error);
}

GPtrArray *
concord_store_list_audit (ConcordStore *self,
                          gint64        case_id,
                          GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  return IFACE (self)->list_audit (self, case_id, error);
}

gboolean
concord_store_verify_audit (ConcordStore *self,
                            GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  return IFACE (self)->verify_audit (self, error);
}

gboolean
concord_store_begin_batch (ConcordStore *self,
                           GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  return IFACE (self)->begin_batch (self, error);
}

gboolean
concord_store_commit_batch (ConcordStore *self,
                            GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  return IFACE (self)->commit_batch (self, error);
}

void
concord_store_rollback_batch (ConcordStore *self)
{
  g_return_if_fail (CONCORD_IS_STORE (self));
  IFACE (self)->rollback_batch (self);
}

gint64
concord_store_start_session (ConcordStore   *self,
                             ConcordSession *session,
                             const char     *actor,
                             GError        **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), 0);
  g_return_val_if_fail (session != NULL, 0);
  g_return_val_if_fail (actor != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);
  return IFACE (self)->start_session (self, session, actor, error);
}

gboolean
concord_store_end_session (ConcordStore *self,
                           gint64        session_id,
                           const char   *outcome,
                           const char   *actor,
                           GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->end_session (self, session_id, outcome, actor, error);
}

GPtrArray *
concord_store_list_sessions (ConcordStore *self,
                             gint64        case_id,
                             GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_sessions (self, case_id, error);
}

ConcordSession *
concord_store_load_session (ConcordStore *self,
                            gint64        session_id,
                            GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->load_session (self, session_id, error);
}

gint64
concord_store_add_note (ConcordStore *self,
                        gint64        session_id,
                        gint64        party_id,
                        const char   *text,
                        const char   *actor,
                        GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), 0);
  g_return_val_if_fail (actor != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);
  return IFACE (self)->add_note (self, session_id, party_id, text, actor, error);
}

gboolean
concord_store_set_note_text (ConcordStore *self,
                             gint64        note_id,
                             const char   *text,
                             GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->set_note_text (self, note_id, text, error);
}

gboolean
concord_store_share_note (ConcordStore *self,
                          gint64        note_id,
                          const char   *actor,
                          GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->set_note_shared (self, note_id, TRUE, actor, error);
}

gboolean
concord_store_set_note_shared (ConcordStore *self,
                               gint64        note_id,
                               gboolean      shared,
                               const char   *actor,
                               GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->set_note_shared (self, note_id, !!shared, actor, error);
}

GPtrArray *
concord_store_list_notes (ConcordStore *self,
                          gint64        case_id,
                          gint64        session_id,
                          GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id > 0 || session_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_notes (self, case_id, session_id, error);
}

gint64
concord_store_add_position (ConcordStore    *self,
                            ConcordPosition *position,
                            const char      *actor,
                            GError         **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), 0);
  g_return_val_if_fail (position != NULL, 0);
  g_return_val_if_fail (actor != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);
  return IFACE (self)->add_position (self, position, actor, error);
}

GPtrArray *
concord_store_list_positions (ConcordStore *self,
                              gint64        case_id,
                              GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_positions (self, case_id, error);
}

gint64
concord_store_add_legal_point (ConcordStore *self,
                               gint64        session_id,
                               const char   *text,
                               const char   *citation,
                               const char   *actor,
                               GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), 0);
  g_return_val_if_fail (actor != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);
  return IFACE (self)->add_legal_point (self, session_id, text, citation, actor, error);
}

GPtrArray *
concord_store_list_legal_points (ConcordStore *self,
                                 gint64        case_id,
                                 GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_legal_points (self, case_id, error);
}

GPtrArray *
concord_store_find_linked_cases (ConcordStore *self,
                                 gint64        case_id,
                                 GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->find_linked_cases (self, case_id, error);
}

gint64
concord_store_add_attendee (ConcordStore    *self,
                            gint64           session_id,
                            ConcordAttendee *attendee,
                            const char      *actor,
                            GError         **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), 0);
  g_return_val_if_fail (attendee != NULL, 0);
  g_return_val_if_fail (actor != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);
  return IFACE (self)->add_attendee (self, session_id, attendee, actor, error);
}

gboolean
concord_store_remove_attendee (ConcordStore *self,
                               gint64        attendee_id,
                               const char   *actor,
                               GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->remove_attendee (self, attendee_id, actor, error);
}

gboolean
concord_store_fail_case (ConcordStore *self,
                         gint64        case_id,
                         const char   *reason,
                         GPtrArray    *referrals,
                         const char   *actor,
                         GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->fail_case (self, case_id, reason, referrals, actor, error);
}

GPtrArray *
concord_store_list_referrals (ConcordStore *self,
                              gint64        case_id,
                              GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_referrals (self, case_id, error);
}

gboolean
concord_store_answer_work_order (ConcordStore *self,
                                 gint64        referral_id,
                                 const char   *answer,
                                 const char   *actor,
                                 GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->answer_work_order (self, referral_id, answer, actor, error);
}

/* The agreement */

gboolean
concord_store_save_agreement (ConcordStore     *self,
                              ConcordAgreement *agreement,
                              const char       *actor,
                              GError          **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (agreement != NULL && agreement->case_id > 0, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->save_agreement (self, agreement, actor, error);
}

ConcordAgreement *
concord_store_load_agreement (ConcordStore *self,
                              gint64        case_id,
                              int           version,
                              GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (version >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->load_agreement (self, case_id, version, error);
}

GPtrArray *
concord_store_list_agreement_versions (ConcordStore *self,
                                       gint64        case_id,
                                       GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_agreement_versions (self, case_id, error);
}

gboolean
concord_store_save_agreement_draft (ConcordStore     *self,
                                    ConcordAgreement *agreement,
                                    GError          **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (agreement != NULL && agreement->case_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->save_agreement_draft (self, agreement, error);
}

ConcordAgreement *
concord_store_load_agreement_draft (ConcordStore *self,
                                    gint64        case_id,
                                    GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->load_agreement_draft (self, case_id, error);
}

ConcordAgreement *
concord_store_load_current_agreement (ConcordStore *self,
                                      gint64        case_id,
                                      GError      **error)
{
  ConcordAgreement *agreement;
  GError *local_error = NULL;

  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  agreement = concord_store_load_agreement_draft (self, case_id, &local_error);
  if (agreement != NULL || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return agreement;
    }
  return concord_store_load_agreement (self, case_id, 0, error);
}

ConcordAgreementSource *
concord_store_dup_agreement_source (ConcordStore *self,
                                    gint64        case_id,
                                    GError      **error)
{
  g_autoptr(ConcordAgreementSource) source = NULL;
  g_autoptr(ConcordCase) c = NULL;

  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  c = concord_store_load_case (self, case_id, error);
  if (c == NULL)
    return NULL;
  source = g_new0 (ConcordAgreementSource, 1);
  source->c = g_steal_pointer (&c);
  source->station_name = concord_store_get_setting (self, CONCORD_SETTING_STATION_NAME);
  source->committee_name = concord_store_get_setting (self, CONCORD_SETTING_COMMITTEE_NAME);
  source->today = concord_clock_today_iso ();
  source->sessions = concord_store_list_sessions (self, case_id, error);
  if (source->sessions == NULL)
    return NULL;
  source->positions = concord_store_list_positions (self, case_id, error);
  if (source->positions == NULL)
    return NULL;
  return g_steal_pointer (&source);
}

GPtrArray *
concord_store_check_agreement (ConcordStore *self,
                               gint64        case_id,
                               GError      **error)
{
  g_autoptr(ConcordAgreement) agreement = NULL;
  g_autoptr(ConcordAgreementSource) source = NULL;
  g_autoptr(ConcordTemplate) template = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  agreement = concord_store_load_agreement (self, case_id, 0, &local_error);
  if (agreement == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                     _("There is no saved agreement to check yet."));
      return NULL;
    }
  template = concord_agreement_dup_template (agreement, error);
  if (template == NULL)
    return NULL;
  source = concord_store_dup_agreement_source (self, case_id, error);
  if (source == NULL)
    return NULL;
  return concord_agreement_check (agreement, template, source);
}

gboolean
concord_store_submit_agreement (ConcordStore *self,
                                gint64        case_id,
                                const char   *actor,
                                GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->submit_agreement (self, case_id, actor, error);
}

gboolean
concord_store_review_agreement (ConcordStore *self,
                                gint64        case_id,
                                gboolean      approve,
                                const char   *comment,
                                const char   *actor,
                                GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->review_agreement (self, case_id, 0, approve, comment, actor, error);
}

gboolean
concord_store_review_version (ConcordStore *self,
                              gint64        case_id,
                              gint64        agreement_id,
                              gboolean      approve,
                              const char   *comment,
                              const char   *actor,
                              GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (agreement_id > 0, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->review_agreement (self, case_id, agreement_id, approve, comment, actor, error);
}

GPtrArray *
concord_store_list_reviews (ConcordStore *self,
                            gint64        case_id,
                            GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_reviews (self, case_id, error);
}

gboolean
concord_store_review_required (ConcordStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (CONCORD_IS_STORE (self), TRUE);

  value = concord_store_get_setting (self, CONCORD_SETTING_REVIEW_REQUIRED);
  return g_strcmp0 (value, "false") != 0;
}

gboolean
concord_store_agreement_approved (ConcordStore *self,
                                  gint64        case_id)
{
  g_autoptr(ConcordAgreement) latest = NULL;
  g_autoptr(GPtrArray) reviews = NULL;

  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);

  latest = concord_store_load_agreement (self, case_id, 0, NULL);
  if (latest == NULL)
    return FALSE;
  reviews = concord_store_list_reviews (self, case_id, NULL);
  if (reviews != NULL && reviews->len > 0)
    {
      ConcordReview *last = g_ptr_array_index (reviews, reviews->len - 1);

      if (last->agreement_id == latest->id)
        return last->approved;
    }
  /* Sent straight to signing while the station did not require review:
   * it stays printable if the station later does. */
  return latest->submitted == 2;
}

gint64
concord_store_add_review_comment (ConcordStore *self,
                                  gint64        case_id,
                                  const char   *target,
                                  const char   *text,
                                  const char   *actor,
                                  GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), 0);
  g_return_val_if_fail (actor != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);
  return IFACE (self)->add_review_comment (self, case_id, target, text, actor, error);
}

GPtrArray *
concord_store_list_review_comments (ConcordStore *self,
                                    gint64        case_id,
                                    GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_review_comments (self, case_id, error);
}

gint64
concord_store_add_citation (ConcordStore *self,
                            gint64        case_id,
                            gint64        statute_id,
                            const char   *target,
                            const char   *note,
                            const char   *actor,
                            GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), 0);
  g_return_val_if_fail (actor != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);
  return IFACE (self)->add_citation (self, case_id, statute_id, target, note, actor, error);
}

gboolean
concord_store_remove_citation (ConcordStore *self,
                               gint64        citation_id,
                               const char   *actor,
                               GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->remove_citation (self, citation_id, actor, error);
}

GPtrArray *
concord_store_list_citations (ConcordStore *self,
                              gint64        case_id,
                              GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_citations (self, case_id, error);
}

/* The statute library */

gboolean
concord_store_import_statutes (ConcordStore       *self,
                               ConcordStatuteFile *file,
                               const char         *actor,
                               guint              *n_articles,
                               GError            **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->import_statutes (self, file, actor, n_articles, error);
}

GPtrArray *
concord_store_search_statutes (ConcordStore *self,
                               const char   *query,
                               guint         limit,
                               GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->search_statutes (self, query, limit, error);
}

ConcordStatute *
concord_store_load_statute (ConcordStore *self,
                            gint64        statute_id,
                            GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->load_statute (self, statute_id, error);
}

GPtrArray *
concord_store_list_statute_laws (ConcordStore *self,
                                 GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_statute_laws (self, error);
}

ConcordSigning *
concord_store_load_signing (ConcordStore *self,
                            gint64        case_id,
                            GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->load_signing (self, case_id, error);
}

gboolean
concord_store_add_signature (ConcordStore     *self,
                             gint64            case_id,
                             ConcordSignature *signature,
                             const char       *actor,
                             gboolean         *locked,
                             GError          **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (signature != NULL, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (locked != NULL)
    *locked = FALSE;
  return IFACE (self)->add_signature (self, case_id, signature, actor, locked, error);
}

gboolean
concord_store_remove_signature (ConcordStore *self,
                                gint64        signature_id,
                                const char   *actor,
                                GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->remove_signature (self, signature_id, actor, error);
}

gboolean
concord_store_record_paper_signing (ConcordStore *self,
                                    gint64        case_id,
                                    gint64        agreement_id,
                                    const char   *signed_on,
                                    const char   *checked_by,
                                    const char   *actor,
                                    GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return IFACE (self)->record_paper_signing (self, case_id, agreement_id, signed_on, checked_by, actor, error);
}

GPtrArray *
concord_store_list_signatures (ConcordStore *self,
                               gint64        agreement_id,
                               GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_signatures (self, agreement_id, error);
}

ConcordAgreement *
concord_store_load_agreement_by_id (ConcordStore *self,
                                    gint64        agreement_id,
                                    GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->load_agreement_by_id (self, agreement_id, error);
}

gint64
concord_store_archive_print (ConcordStore *self,
                             gint64        agreement_id,
                             GBytes       *pdf,
                             guint         pages,
                             guint         copies,
                             const char   *actor,
                             GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), 0);
  g_return_val_if_fail (pdf != NULL, 0);
  g_return_val_if_fail (actor != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);
  return IFACE (self)->archive_print (self, agreement_id, pdf, pages, copies, actor, error);
}

GPtrArray *
concord_store_list_prints (ConcordStore *self,
                           gint64        case_id,
                           GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_prints (self, case_id, error);
}

ConcordPrint *
concord_store_find_print (ConcordStore *self,
                          const char   *sha256,
                          GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->find_print (self, sha256, error);
}

GBytes *
concord_store_load_print_bytes (ConcordStore *self,
                                gint64        print_id,
                                GError      **error)
{
  g_return_val_if_fail (CONCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->load_print_bytes (self, print_id, error);
}
