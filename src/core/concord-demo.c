/* concord-demo.c — the demonstration cases bundled in the core
 *
 * The cases live in resources/demo/cases.json, compiled into the core
 * library as a GResource. The file holds the station's particulars, the
 * station's team, and cases whose fields mirror ConcordCase, ConcordParty
 * and ConcordTeamMember, with the stored codes of concord-types.c, and
 * what happened to each case after it was received, step by step:
 *
 *   { "format": "concord-demo", "version": 1,
 *     "station": { "name", "short_name", "committee" },
 *     "members": [ { "key", "name", "role", "phone", "organisation",
 *                    "username", "id_number" } ],
 *     (the username "@desk" stands for whoever loads the demo, so that
 *     "Mine" shows the demo mediator's cases to them)
 *     "attendee_roles": { code: text },
 *     (the role written for a session's attendee, by the code of a party's
 *     role, an agent's kind or a team role: the demo's language, not the
 *     desk's; a code not listed gets the translated label)
 *     "cases": [ { "key", "received_at", "occurred_at", "source",
 *                  "incident_no", "referred_by", "place", "category",
 *                  "mediation_type", "facts", "stage", "stage_reason",
 *                  "decided_at", "related": [ case keys ],
 *                  "police_screened": true (the art. 179 checklist gone
 *                  through with nothing excluding),
 *                  "parties": [ { "kind", "role", "name", "gender",
 *                                 "ethnicity", "birth_date", "id_type",
 *                                 "id_number", "phone", "address",
 *                                 "occupation", "claims", "agent_kind",
 *                                 "agent": { party fields },
 *                                 "agent_relation" } ],
 *                  "team": [ { "member": key, "role" }
 *                            | { "name", "role", "phone", "organisation" } ],
 *                  "steps": [ step ] } ] }
 *
 * A case is accepted (or not accepted, with "stage_reason") at
 * "decided_at" (default: when it was received) unless its "stage" is
 * "received". Its steps follow, in order:
 *
 *   { "move": stage code, "at", "reason" }
 *   { "session": { "kind": "back_to_back" | "face_to_face",
 *                  "party": index | "parties": [ index ],
 *                  "room", "start", "end",
 *                  "attendees": [ member key
 *                                 | { "member": key, "role" }
 *                                 | { "agent": index, "role" }
 *                                 | { "name", "role" } ],
 *                  "notes": text | [ text | { "text", "party": index,
 *                                             "shared": bool } ],
 *                  "legal_points": [ { "text", "citation" } ],
 *                  "positions": [ { "party": index, "kind": "demand" | "offer",
 *                                   "amount": "130000", "terms" } ],
 *                  "outcome" } }
 *   { "fail": { "at", "reason",
 *               "referrals": [ { "kind": "litigation" | "judicial" | "department",
 *                                "detail", "request", "due_in_days": n } ] } }
 *   { "agreement": { "template", "fields": { key: text },
 *                    "terms": [ { "kind": "money" | "act", "party": index,
 *                                 "counterparty": index, "amount", "method",
 *                                 "due_in_days": n | "instalments":
 *                                   [ { "due_in_days": n, "amount" } ],
 *                                 "text", "deadline" } ] },
 *     "at" }                  a version: a draft from the case the first
 *                             time, with these fields and terms added
 *   { "submit": true, "at" }  sent to legal review
 *   { "review": "approve" | "send_back", "comment", "at" }
 *   { "sign": "paper", "checked_by", "at" }
 *                             every signer signed the printed agreement in
 *                             ink that day, checked by that person
 *
 * Indexes count the case's "parties" from 0. A back-to-back session is with
 * "party" (its notes are that party's caucus notes unless they name
 * another); a face-to-face one with every party unless "parties" says
 * otherwise. "attendees" are the team and invited helpers present besides
 * the parties (default: the case's team); a { "name" } of the case's team
 * is that member. Amounts are in yuan as people type them
 * (concord_money_parse()). A work order is due "due_in_days" days after
 * the day the demo is loaded (or after the failure, if that is later), so
 * that it is still open whenever the demo is loaded.
 *
 * Times are UTC ISO-8601. Everything is recorded at its own time, in time
 * order across all cases, with the clock fixed at that time
 * (concord_clock_set_fixed()): a session is started at "start" with its
 * notes opened empty, its legal points and then its positions are recorded
 * at even intervals until "end", when its notes are written, shared if
 * "shared", and it ends with its outcome. The station's team and settings
 * are recorded at the time of the first case. A case's "stage" says where
 * its steps leave it; loading checks it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include <string.h>

#include "concord-clock.h"
#include "concord-core-resources.h"
#include "concord-demo.h"
#include "concord-error.h"
#include "concord-money.h"

#define DEMO_RESOURCE_PATH "/io/github/concord/Concord/core/demo/cases.json"
#define DEMO_LOADED_SETTING "demo.loaded"

/* A case of the file, as it is recorded. */
typedef struct
{
  JsonObject  *object;
  const char  *key;
  ConcordCase *c;        /* once received */
  char        *reason;   /* of not accepting it */
  int          stage;    /* where its steps must leave it */
  int          reached;  /* where they have left it so far */
  char        *received_at;
} DemoCase;

/* A session among a case's steps. */
typedef struct
{
  DemoCase   *dc;
  JsonObject *object;
  int         kind;
  GArray     *parties;   /* of guint: indexes of the parties present */
  gint64      id;
  GArray     *note_ids;  /* of gint64, one per note */
} DemoSession;

/* What is recorded at one time. */
typedef enum
{
  EVENT_RECEIVE,
  EVENT_DECIDE,
  EVENT_MOVE,
  EVENT_SESSION_START,
  EVENT_LEGAL_POINT,
  EVENT_POSITION,
  EVENT_SESSION_END,
  EVENT_FAIL,
  EVENT_AGREEMENT,
  EVENT_SUBMIT,
  EVENT_SIGN,
  EVENT_REVIEW,
} EventKind;

typedef struct
{
  char        *at;       /* UTC ISO-8601 as stored */
  guint        seq;      /* the order of the file, for equal times */
  EventKind    kind;
  DemoCase    *dc;
  DemoSession *session;
  JsonObject  *object;   /* the step, legal point or position */
} Event;

typedef struct
{
  ConcordStore *store;
  const char   *actor;
  GDate         load_day;  /* local */
  GHashTable   *members;   /* key → ConcordTeamMember with its id */
  JsonObject   *roles;
  GPtrArray    *cases;     /* of DemoCase */
  GPtrArray    *sessions;  /* of DemoSession */
  GPtrArray    *events;    /* of Event */
} Loader;

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
  if (json_object_has_member (object, "police_screened"))
    c->police_screened = json_object_get_boolean_member (object, "police_screened");

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

/* The timeline */

static void
demo_case_free (DemoCase *dc)
{
  g_clear_pointer (&dc->c, concord_case_unref);
  g_free (dc->reason);
  g_free (dc->received_at);
  g_free (dc);
}

static void
demo_session_free (DemoSession *session)
{
  g_array_unref (session->parties);
  g_array_unref (session->note_ids);
  g_free (session);
}

static void
event_free (Event *event)
{
  g_free (event->at);
  g_free (event);
}

static gint
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *event_a = *(const Event **) a;
  const Event *event_b = *(const Event **) b;
  int order = strcmp (event_a->at, event_b->at);

  if (order != 0)
    return order;
  return event_a->seq < event_b->seq ? -1 : event_a->seq > event_b->seq;
}

static void
set_invalid (GError    **error,
             const char *name,
             const char *value)
{
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
               /* Translators: a broken demonstration file; %s are a field name and its value */
               _("The demonstration data has an invalid %s “%s”"), name, value ? value : "");
}

/* The time member @name as stored (UTC), in *out. */
static gboolean
read_time (JsonObject  *object,
           const char  *name,
           char       **out,
           GError     **error)
{
  const char *text = member_string (object, name);
  g_autoptr(GDateTime) parsed = concord_clock_parse_iso (text);

  if (parsed == NULL)
    {
      set_invalid (error, name, text);
      return FALSE;
    }
  *out = concord_clock_format_iso (parsed);
  return TRUE;
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64     *out)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return FALSE;
  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
check_party_index (DemoCase  *dc,
                   gint64     index,
                   GError   **error)
{
  JsonArray *parties = member_array (dc->object, "parties");

  if (index < 0 || parties == NULL || index >= (gint64) json_array_get_length (parties))
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, index);

      set_invalid (error, "party", text);
      return FALSE;
    }
  return TRUE;
}

static Event *
add_event (Loader      *loader,
           char        *at,
           EventKind    kind,
           DemoCase    *dc,
           DemoSession *session,
           JsonObject  *object,
           GError     **error)
{
  Event *event;

  if (strcmp (at, dc->received_at) < 0)
    {
      /* Nothing happens to a case before it is received. */
      set_invalid (error, "time", at);
      g_free (at);
      return NULL;
    }
  event = g_new0 (Event, 1);
  event->at = at;
  event->seq = loader->events->len;
  event->kind = kind;
  event->dc = dc;
  event->session = session;
  event->object = object;
  g_ptr_array_add (loader->events, event);
  return event;
}

/* @n_items items recorded at even intervals strictly between @start and
 * @end: the time of the item @i. */
static char *
time_between (GDateTime *start,
              GDateTime *end,
              guint      i,
              guint      n_items)
{
  GTimeSpan span = g_date_time_difference (end, start);
  g_autoptr(GDateTime) at = g_date_time_add (start, span / (GTimeSpan) (n_items + 1) * (GTimeSpan) (i + 1));

  return concord_clock_format_iso (at);
}

static gboolean
plan_session (Loader      *loader,
              DemoCase    *dc,
              JsonObject  *object,
              GError     **error)
{
  JsonArray *points = member_array (object, "legal_points");
  JsonArray *positions = member_array (object, "positions");
  JsonArray *parties = member_array (object, "parties");
  JsonNode *notes = json_object_get_member (object, "notes");
  DemoSession *session;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GDateTime) start_time = NULL;
  g_autoptr(GDateTime) end_time = NULL;
  guint n_points, n_items;
  gint64 index;
  int kind;

  if (!read_code (object, "kind", concord_session_kind_from_code, CONCORD_SESSION_FACE_TO_FACE,
                  &kind, error) ||
      !read_time (object, "start", &start, error) ||
      !read_time (object, "end", &end, error))
    return FALSE;
  if (strcmp (end, start) < 0)
    {
      set_invalid (error, "end", end);
      return FALSE;
    }

  session = g_new0 (DemoSession, 1);
  session->dc = dc;
  session->object = object;
  session->kind = kind;
  session->parties = g_array_new (FALSE, FALSE, sizeof (guint));
  session->note_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_add (loader->sessions, session);

  if (member_int (object, "party", &index))
    {
      guint i = (guint) index;

      if (!check_party_index (dc, index, error))
        return FALSE;
      g_array_append_val (session->parties, i);
    }
  else if (parties != NULL)
    for (guint j = 0; j < json_array_get_length (parties); j++)
      {
        guint i;

        index = json_array_get_int_element (parties, j);
        if (!check_party_index (dc, index, error))
          return FALSE;
        i = (guint) index;
        g_array_append_val (session->parties, i);
      }
  else if (kind == CONCORD_SESSION_FACE_TO_FACE && member_array (dc->object, "parties") != NULL)
    for (guint i = 0; i < json_array_get_length (member_array (dc->object, "parties")); i++)
      g_array_append_val (session->parties, i);

  if (notes != NULL && !JSON_NODE_HOLDS_ARRAY (notes) &&
      !(JSON_NODE_HOLDS_VALUE (notes) && json_node_get_value_type (notes) == G_TYPE_STRING))
    {
      set_invalid (error, "notes", NULL);
      return FALSE;
    }

  start_time = concord_clock_parse_iso (start);
  end_time = concord_clock_parse_iso (end);
  n_points = points != NULL ? json_array_get_length (points) : 0;
  n_items = n_points + (positions != NULL ? json_array_get_length (positions) : 0);

  if (add_event (loader, g_steal_pointer (&start), EVENT_SESSION_START, dc, session, object, error) == NULL)
    return FALSE;
  for (guint i = 0; i < n_items; i++)
    {
      JsonObject *item = i < n_points ? json_array_get_object_element (points, i)
                                      : json_array_get_object_element (positions, i - n_points);

      if (item == NULL)
        {
          set_invalid (error, i < n_points ? "legal_points" : "positions", NULL);
          return FALSE;
        }
      if (add_event (loader, time_between (start_time, end_time, i, n_items),
                     i < n_points ? EVENT_LEGAL_POINT : EVENT_POSITION,
                     dc, session, item, error) == NULL)
        return FALSE;
    }
  return add_event (loader, g_steal_pointer (&end), EVENT_SESSION_END, dc, session, object, error) != NULL;
}

/* Puts what happens to the case @object on the timeline. */
static gboolean
plan_case (Loader      *loader,
           JsonObject  *object,
           GError     **error)
{
  JsonArray *steps = member_array (object, "steps");
  DemoCase *dc = g_new0 (DemoCase, 1);
  char *decided_at = NULL;

  dc->object = object;
  dc->key = member_string (object, "key");
  dc->reached = CONCORD_STAGE_RECEIVED;
  g_ptr_array_add (loader->cases, dc);

  if (!read_code (object, "stage", concord_stage_from_code, CONCORD_STAGE_RECEIVED, &dc->stage, error) ||
      !read_time (object, "received_at", &dc->received_at, error))
    return FALSE;
  if (add_event (loader, g_strdup (dc->received_at), EVENT_RECEIVE, dc, NULL, object, error) == NULL)
    return FALSE;

  if (dc->stage == CONCORD_STAGE_RECEIVED)
    return TRUE;
  if (member_string (object, "decided_at") == NULL)
    decided_at = g_strdup (dc->received_at);
  else if (!read_time (object, "decided_at", &decided_at, error))
    return FALSE;
  if (add_event (loader, decided_at, EVENT_DECIDE, dc, NULL, object, error) == NULL)
    return FALSE;

  for (guint i = 0; steps != NULL && i < json_array_get_length (steps); i++)
    {
      JsonObject *step = json_array_get_object_element (steps, i);
      JsonObject *inner;
      char *at = NULL;

      if (step != NULL && member_string (step, "move") != NULL)
        {
          if (!read_time (step, "at", &at, error) ||
              add_event (loader, at, EVENT_MOVE, dc, NULL, step, error) == NULL)
            return FALSE;
        }
      else if (step != NULL && (inner = member_object (step, "session")) != NULL)
        {
          if (!plan_session (loader, dc, inner, error))
            return FALSE;
        }
      else if (step != NULL && (inner = member_object (step, "agreement")) != NULL)
        {
          if (!read_time (step, "at", &at, error) ||
              add_event (loader, at, EVENT_AGREEMENT, dc, NULL, inner, error) == NULL)
            return FALSE;
        }
      else if (step != NULL && member_string (step, "review") != NULL)
        {
          if (!read_time (step, "at", &at, error) ||
              add_event (loader, at, EVENT_REVIEW, dc, NULL, step, error) == NULL)
            return FALSE;
        }
      else if (step != NULL && g_strcmp0 (member_string (step, "sign"), "paper") == 0)
        {
          if (!read_time (step, "at", &at, error) ||
              add_event (loader, at, EVENT_SIGN, dc, NULL, step, error) == NULL)
            return FALSE;
        }
      else if (step != NULL && json_object_has_member (step, "submit"))
        {
          if (!read_time (step, "at", &at, error) ||
              add_event (loader, at, EVENT_SUBMIT, dc, NULL, step, error) == NULL)
            return FALSE;
        }
      else if (step != NULL && (inner = member_object (step, "fail")) != NULL)
        {
          if (!read_time (inner, "at", &at, error) ||
              add_event (loader, at, EVENT_FAIL, dc, NULL, inner, error) == NULL)
            return FALSE;
        }
      else
        {
          set_invalid (error, "steps", dc->key);
          return FALSE;
        }
    }
  return TRUE;
}

/* Recording */

static const char *
role_text (Loader     *loader,
           const char *code,
           const char *label)
{
  const char *text = member_string (loader->roles, code);

  return text != NULL ? text : label;
}

static ConcordParty *
party_of (DemoCase *dc,
          guint     index)
{
  g_assert (index < dc->c->parties->len);
  return g_ptr_array_index (dc->c->parties, index);
}

static ConcordAttendee *
party_attendee (Loader   *loader,
                DemoCase *dc,
                guint     index)
{
  ConcordParty *party = party_of (dc, index);
  ConcordAttendee *attendee = concord_attendee_new ();

  attendee->party_id = party->id;
  attendee->name = g_strdup (party->name);
  attendee->role = g_strdup (role_text (loader, concord_party_role_to_code (party->role),
                                        concord_party_role_label (party->role)));
  return attendee;
}

static ConcordAttendee *
member_attendee (Loader                  *loader,
                 DemoCase                *dc,
                 const ConcordTeamMember *member,
                 const char              *role)
{
  ConcordAttendee *attendee = concord_attendee_new ();
  ConcordTeamRole team_role = member->role;

  /* The role on the case's team, if the member is on it. */
  for (guint i = 0; i < dc->c->team->len; i++)
    {
      const ConcordTeamMember *on_team = g_ptr_array_index (dc->c->team, i);

      if (on_team->id == member->id)
        team_role = on_team->role;
    }
  attendee->member_id = member->id;
  attendee->name = g_strdup (member->name);
  attendee->role = g_strdup (role != NULL ? role
                                          : role_text (loader, concord_team_role_to_code (team_role),
                                                       concord_team_role_label (team_role)));
  return attendee;
}

static ConcordAttendee *
attendee_from_json (Loader    *loader,
                    DemoCase  *dc,
                    JsonNode  *node,
                    GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *key = NULL;
  const char *name = member_string (object, "name");
  const char *role = member_string (object, "role");
  gint64 index;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    key = json_node_get_string (node);
  else if (object != NULL)
    key = member_string (object, "member");

  if (key != NULL)
    {
      ConcordTeamMember *member = g_hash_table_lookup (loader->members, key);

      if (member == NULL)
        {
          g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                       _("The demonstration data has an unknown %s “%s”"), "member", key);
          return NULL;
        }
      return member_attendee (loader, dc, member, role);
    }

  if (member_int (object, "agent", &index))
    {
      ConcordParty *party;
      ConcordAttendee *attendee;

      if (!check_party_index (dc, index, error))
        return NULL;
      party = party_of (dc, (guint) index);
      if (party->agent == NULL)
        {
          set_invalid (error, "agent", party->name);
          return NULL;
        }
      attendee = concord_attendee_new ();
      attendee->name = g_strdup (party->agent->name);
      attendee->role = g_strdup (role != NULL ? role
                                              : role_text (loader, concord_agent_kind_to_code (party->agent_kind),
                                                           concord_agent_kind_label (party->agent_kind)));
      return attendee;
    }

  if (name != NULL)
    {
      ConcordAttendee *attendee;

      for (guint i = 0; i < dc->c->team->len; i++)
        {
          const ConcordTeamMember *member = g_ptr_array_index (dc->c->team, i);

          if (g_strcmp0 (member->name, name) == 0)
            return member_attendee (loader, dc, member, role);
        }
      /* An invited helper, known by name and role. */
      attendee = concord_attendee_new ();
      attendee->name = g_strdup (name);
      attendee->role = g_strdup (role);
      return attendee;
    }

  set_invalid (error, "attendees", dc->key);
  return NULL;
}

/* The party whose caucus note @note of @session is: the one it names,
 * else the party of a back-to-back session, else none (0). */
static gboolean
note_party (DemoSession *session,
            JsonNode    *note,
            gint64      *party_id,
            GError     **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (note) ? json_node_get_object (note) : NULL;
  gint64 index;

  *party_id = 0;
  if (member_int (object, "party", &index))
    {
      if (!check_party_index (session->dc, index, error))
        return FALSE;
      *party_id = party_of (session->dc, (guint) index)->id;
    }
  else if (session->kind == CONCORD_SESSION_BACK_TO_BACK && session->parties->len > 0)
    *party_id = party_of (session->dc, g_array_index (session->parties, guint, 0))->id;
  return TRUE;
}

/* The notes of a session as a list of nodes (one text is a list of one). */
static GPtrArray *
session_notes (DemoSession *session)
{
  JsonNode *notes = json_object_get_member (session->object, "notes");
  GPtrArray *list = g_ptr_array_new ();

  if (notes == NULL)
    return list;
  if (JSON_NODE_HOLDS_ARRAY (notes))
    {
      JsonArray *array = json_node_get_array (notes);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (list, json_array_get_element (array, i));
    }
  else
    g_ptr_array_add (list, notes);
  return list;
}

static const char *
note_text (JsonNode *note)
{
  if (JSON_NODE_HOLDS_OBJECT (note))
    return member_string (json_node_get_object (note), "text");
  if (JSON_NODE_HOLDS_VALUE (note) && json_node_get_value_type (note) == G_TYPE_STRING)
    return json_node_get_string (note);
  return NULL;
}

static gboolean
start_session (Loader       *loader,
               DemoSession  *session,
               GError      **error)
{
  DemoCase *dc = session->dc;
  JsonArray *attendees = member_array (session->object, "attendees");
  g_autoptr(ConcordSession) record = concord_session_new ();
  g_autoptr(GPtrArray) notes = NULL;

  record->case_id = dc->c->id;
  record->kind = session->kind;
  concord_set_text (&record->room, member_string (session->object, "room"));
  for (guint i = 0; i < session->parties->len; i++)
    g_ptr_array_add (record->attendees, party_attendee (loader, dc, g_array_index (session->parties, guint, i)));
  if (attendees != NULL)
    for (guint i = 0; i < json_array_get_length (attendees); i++)
      {
        ConcordAttendee *attendee = attendee_from_json (loader, dc, json_array_get_element (attendees, i), error);

        if (attendee == NULL)
          return FALSE;
        g_ptr_array_add (record->attendees, attendee);
      }
  else
    for (guint i = 0; i < dc->c->team->len; i++)
      g_ptr_array_add (record->attendees, member_attendee (loader, dc, g_ptr_array_index (dc->c->team, i), NULL));

  session->id = concord_store_start_session (loader->store, record, loader->actor, error);
  if (session->id == 0)
    return FALSE;

  /* As the session window does: the notes are opened when the session
   * starts and written as it goes. */
  notes = session_notes (session);
  for (guint i = 0; i < notes->len; i++)
    {
      gint64 party_id, note_id;

      if (!note_party (session, g_ptr_array_index (notes, i), &party_id, error))
        return FALSE;
      note_id = concord_store_add_note (loader->store, session->id, party_id, "", loader->actor, error);
      if (note_id == 0)
        return FALSE;
      g_array_append_val (session->note_ids, note_id);
    }
  return TRUE;
}

static gboolean
end_session (Loader       *loader,
             DemoSession  *session,
             GError      **error)
{
  g_autoptr(GPtrArray) notes = session_notes (session);

  g_assert (notes->len == session->note_ids->len);
  for (guint i = 0; i < notes->len; i++)
    {
      JsonNode *note = g_ptr_array_index (notes, i);
      gint64 note_id = g_array_index (session->note_ids, gint64, i);

      if (!concord_store_set_note_text (loader->store, note_id, note_text (note), error))
        return FALSE;
      if (JSON_NODE_HOLDS_OBJECT (note) &&
          json_object_get_boolean_member_with_default (json_node_get_object (note), "shared", FALSE) &&
          !concord_store_set_note_shared (loader->store, note_id, TRUE, loader->actor, error))
        return FALSE;
    }
  return concord_store_end_session (loader->store, session->id,
                                    member_string (session->object, "outcome"),
                                    loader->actor, error);
}

static gboolean
add_position (Loader       *loader,
              DemoSession  *session,
              JsonObject   *object,
              GError      **error)
{
  g_autoptr(ConcordPosition) position = concord_position_new ();
  const char *amount = member_string (object, "amount");
  gint64 index = -1;
  int kind;

  if (!member_int (object, "party", &index))
    {
      set_invalid (error, "party", session->dc->key);
      return FALSE;
    }
  if (!check_party_index (session->dc, index, error) ||
      !read_code (object, "kind", concord_position_kind_from_code, CONCORD_POSITION_DEMAND, &kind, error))
    return FALSE;

  position->session_id = session->id;
  position->party_id = party_of (session->dc, (guint) index)->id;
  position->kind = kind;
  if (amount != NULL)
    {
      if (!concord_money_parse (amount, &position->amount_fen, error))
        return FALSE;
      position->has_amount = TRUE;
    }
  concord_set_text (&position->terms, member_string (object, "terms"));
  return concord_store_add_position (loader->store, position, loader->actor, error) != 0;
}

/* "due_in_days" days after the later of the day the demo is loaded and
 * the day of @at (local). */
static char *
work_order_due (Loader     *loader,
                const char *at,
                guint       days)
{
  g_autoptr(GDateTime) utc = concord_clock_parse_iso (at);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  GDate day, due = loader->load_day;
  char text[16];

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
  if (g_date_compare (&day, &due) > 0)
    due = day;
  g_date_add_days (&due, days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &due);
  return g_strdup (text);
}

static gboolean
fail_case (Loader      *loader,
           DemoCase    *dc,
           Event       *event,
           GError     **error)
{
  g_autoptr(GPtrArray) referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_referral_free);
  JsonArray *list = member_array (event->object, "referrals");

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *object = json_array_get_object_element (list, i);
      ConcordReferral *referral;
      gint64 days = 0;
      int kind;

      if (!read_code (object, "kind", concord_referral_kind_from_code, CONCORD_REFERRAL_LITIGATION,
                      &kind, error))
        return FALSE;
      referral = concord_referral_new (kind);
      g_ptr_array_add (referrals, referral);
      concord_set_text (&referral->detail, member_string (object, "detail"));
      concord_set_text (&referral->request, member_string (object, "request"));
      if (member_int (object, "due_in_days", &days))
        {
          if (days < 0 || days > 365)
            {
              set_invalid (error, "due_in_days", dc->key);
              return FALSE;
            }
          referral->due_date = work_order_due (loader, event->at, (guint) days);
        }
    }
  return concord_store_fail_case (loader->store, dc->c->id, member_string (event->object, "reason"),
                                  referrals, loader->actor, error);
}

/* The day @days after @day ("YYYY-MM-DD"). */
static char *
day_after (const char *day,
           gint64      days)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  g_return_val_if_fail (g_date_valid (&date), NULL);
  g_date_add_days (&date, (guint) days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

/* A version of the case's agreement: a draft made from the case, with the
 * "fields" and "terms" given ({"kind": "money"|"act", "party": i,
 * "counterparty": j, "amount", "method", "due_in_days" | "instalments":
 * [{"due_in_days", "amount"}], "text", "deadline"}), saved as a version. */
static gboolean
draft_agreement (Loader     *loader,
                 DemoCase   *dc,
                 JsonObject *object,
                 GError    **error)
{
  g_autoptr(ConcordAgreementSource) source = NULL;
  g_autoptr(ConcordTemplate) template = NULL;
  g_autoptr(ConcordAgreement) agreement = NULL;
  JsonObject *fields = member_object (object, "fields");
  JsonArray *terms = member_array (object, "terms");
  const char *template_id = member_string (object, "template");

  source = concord_store_dup_agreement_source (loader->store, dc->c->id, error);
  if (source == NULL)
    return FALSE;
  agreement = concord_store_load_agreement (loader->store, dc->c->id, 0, error);
  if (agreement == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      template = concord_template_find (template_id != NULL ? template_id
                                        : concord_template_default_id (dc->c->mediation_type));
      if (template == NULL)
        {
          set_invalid (error, "template", dc->key);
          return FALSE;
        }
      agreement = concord_agreement_new_draft (template, source);
      agreement->case_id = dc->c->id;
    }

  if (fields != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (fields);

      for (GList *l = names; l != NULL; l = l->next)
        concord_agreement_set_field (agreement, l->data, member_string (fields, l->data));
    }

  for (guint i = 0; terms != NULL && i < json_array_get_length (terms); i++)
    {
      JsonObject *t = json_array_get_object_element (terms, i);
      g_autoptr(ConcordTerm) term = NULL;
      JsonArray *instalments = member_array (t, "instalments");
      const char *amount = member_string (t, "amount");
      gint64 index, days;

      term = concord_term_new (g_strcmp0 (member_string (t, "kind"), "act") == 0
                               ? CONCORD_TERM_ACT : CONCORD_TERM_MONEY);
      if (!member_int (t, "party", &index) || !check_party_index (dc, index, error))
        {
          if (error != NULL && *error == NULL)
            set_invalid (error, "party", dc->key);
          return FALSE;
        }
      term->party_id = party_of (dc, (guint) index)->id;
      if (member_int (t, "counterparty", &index))
        {
          if (!check_party_index (dc, index, error))
            return FALSE;
          term->counterparty_id = party_of (dc, (guint) index)->id;
        }
      if (amount != NULL && !concord_money_parse (amount, &term->amount_fen, error))
        return FALSE;
      concord_set_text (&term->method, member_string (t, "method"));
      concord_set_text (&term->text, member_string (t, "text"));
      concord_set_text (&term->deadline, member_string (t, "deadline"));
      if (member_int (t, "due_in_days", &days))
        term->due_date = day_after (source->today, days);
      for (guint k = 0; instalments != NULL && k < json_array_get_length (instalments); k++)
        {
          JsonObject *inst = json_array_get_object_element (instalments, k);
          ConcordInstalment instalment = { NULL, 0 };

          if (!member_int (inst, "due_in_days", &days) ||
              !concord_money_parse (member_string (inst, "amount"), &instalment.amount_fen, error))
            {
              if (error != NULL && *error == NULL)
                set_invalid (error, "instalments", dc->key);
              return FALSE;
            }
          instalment.due_date = day_after (source->today, days);
          g_array_append_val (term->instalments, instalment);
        }
      concord_agreement_add_term (agreement, g_steal_pointer (&term));
    }

  return concord_store_save_agreement (loader->store, agreement, loader->actor, error);
}

static gboolean
run_event (Loader  *loader,
           Event   *event,
           GError **error)
{
  DemoCase *dc = event->dc;
  int stage;

  switch (event->kind)
    {
    case EVENT_RECEIVE:
      dc->c = case_from_json (dc->object, loader->members, &stage, error);
      if (dc->c == NULL)
        return FALSE;
      dc->reason = g_steal_pointer (&dc->c->stage_reason);
      return concord_store_save_case (loader->store, dc->c, loader->actor, error);

    case EVENT_DECIDE:
      if (!concord_store_decide_case (loader->store, dc->c->id, dc->stage != CONCORD_STAGE_NOT_ACCEPTED,
                                      dc->stage == CONCORD_STAGE_NOT_ACCEPTED ? dc->reason : NULL,
                                      loader->actor, error))
        return FALSE;
      dc->reached = dc->stage == CONCORD_STAGE_NOT_ACCEPTED ? CONCORD_STAGE_NOT_ACCEPTED : CONCORD_STAGE_ACCEPTED;
      return TRUE;

    case EVENT_MOVE:
      if (!read_code (event->object, "move", concord_stage_from_code, CONCORD_STAGE_RECEIVED, &stage, error) ||
          !concord_store_move_stage (loader->store, dc->c->id, stage, member_string (event->object, "reason"),
                                     loader->actor, error))
        return FALSE;
      dc->reached = stage;
      return TRUE;

    case EVENT_SESSION_START:
      return start_session (loader, event->session, error);

    case EVENT_LEGAL_POINT:
      return concord_store_add_legal_point (loader->store, event->session->id,
                                            member_string (event->object, "text"),
                                            member_string (event->object, "citation"),
                                            loader->actor, error) != 0;

    case EVENT_POSITION:
      return add_position (loader, event->session, event->object, error);

    case EVENT_SESSION_END:
      return end_session (loader, event->session, error);

    case EVENT_AGREEMENT:
      return draft_agreement (loader, dc, event->object, error);

    case EVENT_SUBMIT:
      if (!concord_store_submit_agreement (loader->store, dc->c->id, loader->actor, error))
        return FALSE;
      dc->reached = concord_store_review_required (loader->store) ? CONCORD_STAGE_REVIEW : CONCORD_STAGE_SIGNING;
      return TRUE;

    case EVENT_SIGN:
      {
        g_autoptr(ConcordSigning) signing = concord_store_load_signing (loader->store, dc->c->id, error);
        g_autofree char *today = concord_clock_today_iso ();

        return signing != NULL &&
               concord_store_record_paper_signing (loader->store, dc->c->id, signing->agreement_id, today,
                                                   member_string (event->object, "checked_by"), loader->actor,
                                                   error);
      }

    case EVENT_REVIEW:
      {
        gboolean approve = g_strcmp0 (member_string (event->object, "review"), "approve") == 0;

        if (!concord_store_review_agreement (loader->store, dc->c->id, approve,
                                             member_string (event->object, "comment"), loader->actor, error))
          return FALSE;
        dc->reached = approve ? CONCORD_STAGE_SIGNING : CONCORD_STAGE_DRAFTING;
        return TRUE;
      }

    case EVENT_FAIL:
      if (!fail_case (loader, dc, event, error))
        return FALSE;
      dc->reached = CONCORD_STAGE_FAILED;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* Everything but the batch around it and the mark that the demo is
 * loaded; leaves the clock fixed. */
static gboolean
load_demo (Loader     *loader,
           JsonObject *root,
           guint      *n_added,
           GError    **error)
{
  JsonObject *station = member_object (root, "station");
  JsonArray *member_list = member_array (root, "members");
  JsonArray *cases = member_array (root, "cases");

  loader->roles = member_object (root, "attendee_roles");

  for (guint i = 0; cases != NULL && i < json_array_get_length (cases); i++)
    {
      JsonObject *object = json_array_get_object_element (cases, i);

      if (object != NULL && !plan_case (loader, object, error))
        return FALSE;
    }
  /* Case numbers and ids follow the order of reception. */
  g_ptr_array_sort (loader->events, compare_events);

  /* The station was there before its first case. */
  if (loader->events->len > 0)
    concord_clock_set_fixed (((Event *) g_ptr_array_index (loader->events, 0))->at);

  if (station != NULL &&
      (!set_setting_if_unset (loader->store, CONCORD_SETTING_STATION_NAME,
                              member_string (station, "name"), loader->actor, error) ||
       !set_setting_if_unset (loader->store, CONCORD_SETTING_STATION_SHORT_NAME,
                              member_string (station, "short_name"), loader->actor, error) ||
       !set_setting_if_unset (loader->store, CONCORD_SETTING_COMMITTEE_NAME,
                              member_string (station, "committee"), loader->actor, error)))
    return FALSE;

  for (guint i = 0; member_list != NULL && i < json_array_get_length (member_list); i++)
    {
      JsonObject *object = json_array_get_object_element (member_list, i);
      g_autoptr(ConcordTeamMember) member = NULL;
      const char *key;

      if (object == NULL)
        continue;
      member = member_from_json (object, loader->actor, error);
      if (member == NULL)
        return FALSE;
      if (!concord_store_save_member (loader->store, member, loader->actor, error))
        return FALSE;
      key = member_string (object, "key");
      if (key != NULL)
        g_hash_table_replace (loader->members, g_strdup (key), g_steal_pointer (&member));
    }

  for (guint i = 0; i < loader->events->len; i++)
    {
      Event *event = g_ptr_array_index (loader->events, i);

      concord_clock_set_fixed (event->at);
      if (!run_event (loader, event, error))
        {
          if (event->dc->key != NULL)
            g_prefix_error (error, "[%s %s] ", event->dc->key, event->at);
          return FALSE;
        }
      if (event->kind == EVENT_RECEIVE)
        (*n_added)++;
    }

  for (guint i = 0; i < loader->cases->len; i++)
    {
      DemoCase *dc = g_ptr_array_index (loader->cases, i);

      if (dc->reached != dc->stage)
        {
          set_invalid (error, "stage", concord_stage_to_code (dc->stage));
          g_prefix_error (error, "[%s] ", dc->key ? dc->key : "");
          return FALSE;
        }
    }
  return TRUE;
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
  g_autofree char *fixed_before = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;
  Loader loader = { 0 };
  JsonNode *root;
  guint added = 0;
  gboolean ok;

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

  /* The day the demo is loaded, before the clock is fixed at the demo's
   * own times. */
  now = concord_clock_now ();
  local = g_date_time_to_local (now);
  g_date_clear (&loader.load_day, 1);
  g_date_set_dmy (&loader.load_day, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
  loader.store = store;
  loader.actor = actor;
  loader.members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) concord_team_member_unref);
  loader.cases = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_case_free);
  loader.sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_session_free);
  loader.events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);

  if (!concord_store_begin_batch (store, error))
    ok = FALSE;
  else
    {
      fixed_before = concord_clock_dup_fixed ();
      ok = load_demo (&loader, json_node_get_object (root), &added, error);
      /* Whatever happened, the clock goes back to what it was. */
      concord_clock_set_fixed (fixed_before);

      ok = ok &&
           concord_store_set_setting (store, DEMO_LOADED_SETTING, "1", actor, error) &&
           concord_store_commit_batch (store, error);
      if (!ok)
        concord_store_rollback_batch (store);
    }

  g_ptr_array_unref (loader.events);
  g_ptr_array_unref (loader.sessions);
  g_ptr_array_unref (loader.cases);
  g_hash_table_unref (loader.members);

  if (ok && n_added != NULL)
    *n_added = added;
  return ok;
}
