/* concord-demo.c — the demonstration cases bundled in the core
 *
 * The cases live in resources/demo/cases.json, compiled into the core
 * library as a GResource. The file holds the station's particulars, the
 * station's team, and cases whose fields mirror ConcordCase, ConcordParty
 * and ConcordTeamMember, with the stored codes of concord-types.c:
 *
 *   { "format": "concord-demo", "version": 1,
 *     "station": { "name", "short_name", "committee" },
 *     "members": [ { "key", "name", "role", "phone", "organisation",
 *                    "username", "id_number" } ],
 *     (the username "@desk" stands for whoever loads the demo, so that
 *     "Mine" shows the demo mediator's cases to them)
 *     "cases": [ { "key", "received_at", "occurred_at", "source",
 *                  "incident_no", "referred_by", "place", "category",
 *                  "mediation_type", "facts", "stage", "stage_reason",
 *                  "related": [ case keys ],
 *                  "parties": [ { "kind", "role", "name", "gender",
 *                                 "ethnicity", "birth_date", "id_type",
 *                                 "id_number", "phone", "address",
 *                                 "occupation", "claims", "agent_kind",
 *                                 "agent": { party fields },
 *                                 "agent_relation" } ],
 *                  "team": [ { "member": key, "role" }
 *                            | { "name", "role", "phone", "organisation" } ] } ] }
 *
 * Stages past "accepted" (the demo's closed cases) are stored as accepted
 * until the later stages can be recorded with their sessions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "concord-core-resources.h"
#include "concord-demo.h"
#include "concord-error.h"

#define DEMO_RESOURCE_PATH "/io/github/concord/Concord/core/demo/cases.json"
#define DEMO_LOADED_SETTING "demo.loaded"

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (!json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node;

  if (!json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Reads the code member @name through @from_code; a missing member gives
 * @fallback, an unknown code an error that names it. */
static gboolean
read_code (JsonObject  *object,
           const char  *name,
           int        (*from_code) (const char *code),
           int          fallback,
           int         *out,
           GError     **error)
{
  const char *code = member_string (object, name);
  int value;

  if (code == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  value = from_code (code);
  if (value < 0)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                   /* Translators: a broken demonstration file; %s are a field name and its value */
                   _("The demonstration data has an unknown %s “%s”"), name, code);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static ConcordParty *
party_from_json (JsonObject *object,
                 gboolean    is_agent,
                 GError    **error)
{
  g_autoptr(ConcordParty) party = concord_party_new ();
  int kind, role, gender, id_type, agent_kind;

  if (!read_code (object, "kind", concord_party_kind_from_code, CONCORD_PARTY_PERSON, &kind, error) ||
      !read_code (object, "role", concord_party_role_from_code, CONCORD_ROLE_APPLICANT, &role, error) ||
      !read_code (object, "gender", concord_gender_from_code, CONCORD_GENDER_UNKNOWN, &gender, error) ||
      !read_code (object, "id_type", concord_id_type_from_code,
                  member_string (object, "id_number") != NULL ? CONCORD_ID_RESIDENT : CONCORD_ID_NONE,
                  &id_type, error) ||
      !read_code (object, "agent_kind", concord_agent_kind_from_code, CONCORD_AGENT_NONE, &agent_kind, error))
    return NULL;

  party->kind = kind;
  party->role = role;
  party->gender = gender;
  party->id_type = id_type;
  concord_set_text (&party->name, member_string (object, "name"));
  concord_set_text (&party->ethnicity, member_string (object, "ethnicity"));
  concord_set_text (&party->birth_date, member_string (object, "birth_date"));
  concord_set_text (&party->id_number, member_string (object, "id_number"));
  concord_set_text (&party->phone, member_string (object, "phone"));
  concord_set_text (&party->address, member_string (object, "address"));
  concord_set_text (&party->occupation, member_string (object, "occupation"));
  concord_set_text (&party->claims, member_string (object, "claims"));

  if (!is_agent && agent_kind != CONCORD_AGENT_NONE)
    {
      JsonObject *agent_object = member_object (object, "agent");

      party->agent_kind = agent_kind;
      concord_set_text (&party->agent_relation, member_string (object, "agent_relation"));
      if (agent_object != NULL)
        {
          party->agent = party_from_json (agent_object, TRUE, error);
          if (party->agent == NULL)
            return NULL;
        }
    }

  return g_steal_pointer (&party);
}

static ConcordTeamMember *
member_from_json (JsonObject *object,
                  const char *actor,
                  GError    **error)
{
  const char *username = member_string (object, "username");
  g_autoptr(ConcordTeamMember) member = concord_team_member_new ();
  int role;

  if (!read_code (object, "role", concord_team_role_from_code, CONCORD_TEAM_MEDIATOR, &role, error))
    return NULL;
  member->role = role;
  concord_set_text (&member->name, member_string (object, "name"));
  concord_set_text (&member->phone, member_string (object, "phone"));
  concord_set_text (&member->id_number, member_string (object, "id_number"));
  concord_set_text (&member->organisation, member_string (object, "organisation"));
  concord_set_text (&member->username, g_strcmp0 (username, "@desk") == 0 ? actor : username);
  return g_steal_pointer (&member);
}

/* @members maps the demo's member keys to stored members (with their id). */
static ConcordCase *
case_from_json (JsonObject  *object,
                GHashTable  *members,
                int         *stage,
                GError     **error)
{
  g_autoptr(ConcordCase) c = concord_case_new ();
  JsonArray *parties = member_array (object, "parties");
  JsonArray *team = member_array (object, "team");
  int source, mediation_type;

  if (!read_code (object, "source", concord_source_from_code, CONCORD_SOURCE_WALK_IN, &source, error) ||
      !read_code (object, "mediation_type", concord_mediation_type_from_code,
                  CONCORD_MEDIATION_PEOPLE, &mediation_type, error) ||
      !read_code (object, "stage", concord_stage_from_code, CONCORD_STAGE_RECEIVED, stage, error))
    return NULL;

  c->source = source;
  c->mediation_type = mediation_type;
  c->stage = CONCORD_STAGE_RECEIVED;
  concord_set_text (&c->referred_by, member_string (object, "referred_by"));
  concord_set_text (&c->incident_no, member_string (object, "incident_no"));
  concord_set_text (&c->occurred_at, member_string (object, "occurred_at"));
  concord_set_text (&c->received_at, member_string (object, "received_at"));
  concord_set_text (&c->place, member_string (object, "place"));
  concord_set_text (&c->category, member_string (object, "category"));
  concord_set_text (&c->facts, member_string (object, "facts"));
  concord_set_text (&c->stage_reason, member_string (object, "stage_reason"));

  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    {
      JsonObject *party_object = json_array_get_object_element (parties, i);
      ConcordParty *party;

      if (party_object == NULL)
        continue;
      party = party_from_json (party_object, FALSE, error);
      if (party == NULL)
        return NULL;
      g_ptr_array_add (c->parties, party);
    }

  for (guint i = 0; team != NULL && i < json_array_get_length (team); i++)
    {
      JsonObject *entry = json_array_get_object_element (team, i);
      const char *key;
      ConcordTeamMember *member;

      if (entry == NULL)
        continue;

      key = member_string (entry, "member");
      if (key != NULL)
        {
          ConcordTeamMember *station_member = g_hash_table_lookup (members, key);
          int role;

          if (station_member == NULL)
            {
              g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("The demonstration data has an unknown %s “%s”"), "member", key);
              return NULL;
            }
          if (!read_code (entry, "role", concord_team_role_from_code, station_member->role, &role, error))
            return NULL;
          member = concord_team_member_copy (station_member);
          member->role = role;
        }
      else
        {
          member = member_from_json (entry, NULL, error);
          if (member == NULL)
            return NULL;
        }
      g_ptr_array_add (c->team, member);
    }

  return g_steal_pointer (&c);
}

static gboolean
set_setting_if_unset (ConcordStore *store,
                      const char   *key,
                      const char   *value,
                      const char   *actor,
                      GError      **error)
{
  g_autofree char *current = NULL;

  if (value == NULL)
    return TRUE;
  current = concord_store_get_setting (store, key);
  if (current != NULL && *current != '\0')
    return TRUE;
  return concord_store_set_setting (store, key, value, actor, error);
}

static gint
compare_received_at (gconstpointer a,
                     gconstpointer b)
{
  JsonObject *case_a = *(JsonObject **) a;
  JsonObject *case_b = *(JsonObject **) b;

  return g_strcmp0 (member_string (case_a, "received_at"),
                    member_string (case_b, "received_at"));
}

/* Everything but the batch around it. */
static gboolean
load_demo (ConcordStore *store,
           JsonObject   *root,
           const char   *actor,
           guint        *n_added,
           GError      **error)
{
  g_autoptr(GHashTable) members = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  JsonObject *station = member_object (root, "station");
  JsonArray *member_list = member_array (root, "members");
  JsonArray *cases = member_array (root, "cases");

  if (station != NULL &&
      (!set_setting_if_unset (store, CONCORD_SETTING_STATION_NAME,
                              member_string (station, "name"), actor, error) ||
       !set_setting_if_unset (store, CONCORD_SETTING_STATION_SHORT_NAME,
                              member_string (station, "short_name"), actor, error) ||
       !set_setting_if_unset (store, CONCORD_SETTING_COMMITTEE_NAME,
                              member_string (station, "committee"), actor, error)))
    return FALSE;

  members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) concord_team_member_unref);
  for (guint i = 0; member_list != NULL && i < json_array_get_length (member_list); i++)
    {
      JsonObject *object = json_array_get_object_element (member_list, i);
      g_autoptr(ConcordTeamMember) member = NULL;
      const char *key;

      if (object == NULL)
        continue;
      member = member_from_json (object, actor, error);
      if (member == NULL)
        return FALSE;
      if (!concord_store_save_member (store, member, actor, error))
        return FALSE;
      key = member_string (object, "key");
      if (key != NULL)
        g_hash_table_replace (members, g_strdup (key), g_steal_pointer (&member));
    }

  /* Case numbers and ids follow the order of reception. */
  ordered = g_ptr_array_new ();
  for (guint i = 0; cases != NULL && i < json_array_get_length (cases); i++)
    {
      JsonObject *object = json_array_get_object_element (cases, i);

      if (object != NULL)
        g_ptr_array_add (ordered, object);
    }
  g_ptr_array_sort (ordered, compare_received_at);

  for (guint i = 0; i < ordered->len; i++)
    {
      g_autoptr(ConcordCase) c = NULL;
      g_autofree char *reason = NULL;
      int stage = CONCORD_STAGE_RECEIVED;

      c = case_from_json (g_ptr_array_index (ordered, i), members, &stage, error);
      if (c == NULL)
        return FALSE;

      reason = g_steal_pointer (&c->stage_reason);
      if (!concord_store_save_case (store, c, actor, error))
        return FALSE;

      if (stage == CONCORD_STAGE_NOT_ACCEPTED)
        {
          if (!concord_store_decide_case (store, c->id, FALSE, reason, actor, error))
            return FALSE;
        }
      else if (stage != CONCORD_STAGE_RECEIVED)
        {
          if (!concord_store_decide_case (store, c->id, TRUE, NULL, actor, error))
            return FALSE;
        }

      (*n_added)++;
    }

  return concord_store_set_setting (store, DEMO_LOADED_SETTING, "1", actor, error);
}

gboolean
concord_demo_load (ConcordStore *store,
                   const char   *actor,
                   guint        *n_added,
                   GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *loaded = NULL;
  JsonNode *root;
  guint added = 0;

  g_return_val_if_fail (CONCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;

  loaded = concord_store_get_setting (store, DEMO_LOADED_SETTING);
  if (g_strcmp0 (loaded, "1") == 0)
    return TRUE;

  /* Named explicitly so that the static library keeps the resource. */
  bytes = g_resource_lookup_data (concord_core_get_resource (), DEMO_RESOURCE_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                           _("The demonstration data is damaged"));
      return FALSE;
    }

  if (!concord_store_begin_batch (store, error))
    return FALSE;

  if (!load_demo (store, json_node_get_object (root), actor, &added, error) ||
      !concord_store_commit_batch (store, error))
    {
      concord_store_rollback_batch (store);
      return FALSE;
    }

  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}
