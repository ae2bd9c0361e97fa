/* concord-template.c — agreement templates, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-template"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "concord-core-resources.h"
#include "concord-error.h"
#include "concord-template.h"

#define TEMPLATE_RESOURCE_DIR "/io/github/concord/Concord/core/templates/"
#define TEMPLATE_FORMAT 1

G_DEFINE_BOXED_TYPE (ConcordTemplate, concord_template, concord_template_ref, concord_template_unref)

/* What a template file may name. concord-agreement.c acts on each. */
static const char *const field_kind_codes[] = { "text", "line", "clause" };
static const char *const section_kind_codes[] = { "fields", "parties", "terms", "signatures" };
static const char *const known_sources[] = {
  "case.facts", "case.claims", "case.place", "case.occurred-at", "case.incident-no",
  "case.team", "case.attendees", "station.name", "station.committee",
  "team.mediator", "team.officer", "today", NULL
};
static const char *const known_checks[] = {
  "parties-particulars", "required-fields", "terms-present", "terms-performance",
  "mediator", "committee", "copies", "organ", "presiding-officer", "incident",
  "police-screening", NULL
};
static const char *const known_signers[] = {
  "parties", "mediator", "presiding-officer", "committee-seal", "organ-seal", NULL
};

#define MAX_EXTRA_COPIES 10

G_LOCK_DEFINE_STATIC (registry);
static GPtrArray *registry_templates;  /* of ConcordTemplate, sorted by id; NULL: not loaded */
static GPtrArray *registry_problems;   /* of char * */

/* Parsing state: the file's name and the member being read, for messages. */
typedef struct
{
  const char *origin;
  GString    *path;
} Reader;

static void
field_free (ConcordTemplateField *field)
{
  if (field == NULL)
    return;
  g_free (field->key);
  g_free (field->label);
  g_free (field->heading);
  g_free (field->default_text);
  g_free (field->source);
  g_free (field->hint);
  g_free (field);
}

static void
section_free (ConcordTemplateSection *section)
{
  if (section == NULL)
    return;
  g_free (section->id);
  g_free (section->heading);
  g_free (section->label);
  g_clear_pointer (&section->fields, g_ptr_array_unref);
  g_free (section);
}

static ConcordTemplate *
template_new (void)
{
  ConcordTemplate *self = g_new0 (ConcordTemplate, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  return self;
}

static gboolean
reader_fail (Reader      *reader,
             GError     **error,
             const char  *message)
{
  /* Translators: a template file that cannot be used: the file, the member
   * that is wrong (e.g. “sections[2].fields[0]”), and what is wrong */
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("%s: %s: %s"),
               reader->origin, reader->path->len > 0 ? reader->path->str : "/", message);
  return FALSE;
}

/* Enters member @name (or array element @index when @name is NULL);
 * returns the length to cut back to. */
static gsize
reader_enter (Reader     *reader,
              const char *name,
              guint       index)
{
  gsize len = reader->path->len;

  if (name != NULL)
    {
      if (reader->path->len > 0)
        g_string_append_c (reader->path, '.');
      g_string_append (reader->path, name);
    }
  else
    g_string_append_printf (reader->path, "[%u]", index);
  return len;
}

static void
reader_leave (Reader *reader,
              gsize   len)
{
  g_string_truncate (reader->path, len);
}

static gboolean
strv_contains_code (const char *const *codes,
                    guint              n_codes,
                    const char        *code,
                    int               *index)
{
  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      {
        *index = (int) i;
        return TRUE;
      }
  return FALSE;
}

/* Members a JSON object may have; names starting with "_" are comments. */
static gboolean
check_members (Reader             *reader,
               JsonObject         *object,
               const char *const  *allowed,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      g_autofree char *message = NULL;
      gsize len;

      if (name[0] == '_' || g_strv_contains (allowed, name))
        continue;
      len = reader_enter (reader, name, 0);
      /* Translators: a member of a template file that Concord does not know */
      message = g_strdup_printf (_("unknown member “%s”"), name);
      reader_fail (reader, error, message);
      reader_leave (reader, len);
      return FALSE;
    }
  return TRUE;
}

/* Reads string member @name of @object into *out (stripped). Absent or
 * null gives NULL unless @required. */
static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *name,
             gboolean     required,
             char       **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *message = NULL;
  const char *value;
  gsize len;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
      message = g_strdup_printf (_("“%s” is missing"), name);
      return reader_fail (reader, error, message);
    }
  len = reader_enter (reader, name, 0);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      reader_fail (reader, error, _("must be a string"));
      reader_leave (reader, len);
      return FALSE;
    }
  value = json_node_get_string (node);
  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    {
      reader_fail (reader, error, _("is not valid UTF-8"));
      reader_leave (reader, len);
      return FALSE;
    }
  *out = g_strstrip (g_strdup (value));
  if (**out == '\0')
    {
      g_clear_pointer (out, g_free);
      if (required)
        {
          reader_fail (reader, error, _("must not be empty"));
          reader_leave (reader, len);
          return FALSE;
        }
    }
  reader_leave (reader, len);
  return TRUE;
}

/* The language keys tried for the interface, best first. */
static GPtrArray *
interface_language_keys (void)
{
  const char *const *names = g_get_language_names ();
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];
      g_autofree char *base = NULL;
      const char *cut;

      if (strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0)
        {
          g_ptr_array_add (keys, g_strdup ("en"));
          continue;
        }
      /* "zh_CN.UTF-8@euro": keep "zh_CN" (the shorter forms follow in
       * the list anyway). */
      cut = name + strcspn (name, ".@");
      base = g_strndup (name, cut - name);
      g_ptr_array_add (keys, g_strdup (base));
      if (strcmp (base, "zh_HK") == 0 || strcmp (base, "zh_MO") == 0)
        g_ptr_array_add (keys, g_strdup ("zh_TW"));
      else if (strcmp (base, "zh") == 0 || strcmp (base, "zh_SG") == 0)
        g_ptr_array_add (keys, g_strdup ("zh_CN"));
    }
  g_ptr_array_add (keys, g_strdup ("en"));
  return keys;
}

/* A localized member: a string (the same in every language) or an object
 * of language → string. */
static gboolean
read_localized (Reader      *reader,
                JsonObject  *object,
                const char  *name,
                gboolean     required,
                char       **out,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *texts;
  const char *chosen = NULL;
  gsize len;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node)
      || (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING))
    return read_string (reader, object, name, required, out, error);

  len = reader_enter (reader, name, 0);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_fail (reader, error, _("must be a string or an object of languages ({\"en\": …, \"zh_CN\": …})"));
      reader_leave (reader, len);
      return FALSE;
    }
  texts = json_node_get_object (node);
  members = json_object_get_members (texts);
  if (members == NULL)
    {
      reader_fail (reader, error, _("gives no language"));
      reader_leave (reader, len);
      return FALSE;
    }
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *text = json_object_get_member (texts, l->data);
      gsize inner = reader_enter (reader, l->data, 0);

      if (!JSON_NODE_HOLDS_VALUE (text) || json_node_get_value_type (text) != G_TYPE_STRING
          || !g_utf8_validate (json_node_get_string (text), -1, NULL))
        {
          reader_fail (reader, error, _("must be a string"));
          reader_leave (reader, len);
          return FALSE;
        }
      reader_leave (reader, inner);
    }

  keys = interface_language_keys ();
  for (guint i = 0; chosen == NULL && i < keys->len; i++)
    if (json_object_has_member (texts, g_ptr_array_index (keys, i)))
      chosen = json_object_get_string_member (texts, g_ptr_array_index (keys, i));
  if (chosen == NULL && json_object_has_member (texts, "zh_CN"))
    chosen = json_object_get_string_member (texts, "zh_CN");
  if (chosen == NULL)
    chosen = json_object_get_string_member (texts, members->data);

  *out = g_strstrip (g_strdup (chosen));
  if (**out == '\0')
    {
      g_clear_pointer (out, g_free);
      if (required)
        {
          reader_fail (reader, error, _("must not be empty"));
          reader_leave (reader, len);
          return FALSE;
        }
    }
  reader_leave (reader, len);
  return TRUE;
}

static gboolean
read_bool (Reader     *reader,
           JsonObject *object,
           const char *name,
           gboolean   *out,
           GError    **error)
{
  JsonNode *node = json_object_get_member (object, name);
  gsize len;

  *out = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *out = json_node_get_boolean (node);
      return TRUE;
    }
  len = reader_enter (reader, name, 0);
  reader_fail (reader, error, _("must be true or false"));
  reader_leave (reader, len);
  return FALSE;
}

/* An array member; absent gives NULL unless @required. */
static gboolean
read_array (Reader      *reader,
            JsonObject  *object,
            const char  *name,
            gboolean     required,
            JsonArray  **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *message = NULL;
  gsize len;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
      message = g_strdup_printf (_("“%s” is missing"), name);
      return reader_fail (reader, error, message);
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      len = reader_enter (reader, name, 0);
      reader_fail (reader, error, _("must be an array"));
      reader_leave (reader, len);
      return FALSE;
    }
  *out = json_node_get_array (node);
  return TRUE;
}

/* An array of strings, each one of @known. */
static gboolean
read_code_list (Reader             *reader,
                JsonObject         *object,
                const char         *name,
                const char *const  *known,
                GStrv              *out,
                GError            **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  JsonArray *array = NULL;
  gsize len;

  *out = NULL;
  if (!read_array (reader, object, name, TRUE, &array, error))
    return FALSE;
  len = reader_enter (reader, name, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize inner = reader_enter (reader, NULL, i);
      const char *code;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          reader_fail (reader, error, _("must be a string"));
          reader_leave (reader, len);
          return FALSE;
        }
      code = json_node_get_string (node);
      if (!g_strv_contains (known, code))
        {
          g_autofree char *message = NULL;

          if (known == known_checks)
            /* Translators: %s is a check rule of a template file, as written there */
            message = g_strdup_printf (_("unknown check rule “%s”"), code);
          else
            /* Translators: %s is a signer of a template file, as written there */
            message = g_strdup_printf (_("unknown signer “%s”"), code);
          reader_fail (reader, error, message);
          reader_leave (reader, len);
          return FALSE;
        }
      for (guint j = 0; j < seen->len; j++)
        if (strcmp (g_ptr_array_index (seen, j), code) == 0)
          {
            g_autofree char *message = g_strdup_printf (_("“%s” is listed twice"), code);

            reader_fail (reader, error, message);
            reader_leave (reader, len);
            return FALSE;
          }
      g_ptr_array_add (seen, (gpointer) code);
      g_strv_builder_add (builder, code);
      reader_leave (reader, inner);
    }
  reader_leave (reader, len);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* Keys, ids: ASCII letters, digits, '-' and '_', starting with a letter. */
static gboolean
is_identifier (const char *text)
{
  if (text == NULL || !g_ascii_isalpha (text[0]))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
fail_member (Reader     *reader,
             const char *name,
             const char *message,
             GError    **error)
{
  gsize len = reader_enter (reader, name, 0);

  reader_fail (reader, error, message);
  reader_leave (reader, len);
  return FALSE;
}

static ConcordTemplateField *
read_field (Reader      *reader,
            JsonNode    *node,
            GHashTable  *keys,
            GError     **error)
{
  static const char *const allowed[] = {
    "key", "kind", "label", "heading", "default", "source", "hint", "required", NULL
  };
  g_autoptr(GError) local_error = NULL;
  ConcordTemplateField *field;
  JsonObject *object;
  g_autofree char *kind = NULL;
  int index = -1;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_fail (reader, error, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_members (reader, object, allowed, error))
    return NULL;

  field = g_new0 (ConcordTemplateField, 1);
  if (!read_string (reader, object, "key", TRUE, &field->key, &local_error)
      || !read_string (reader, object, "kind", TRUE, &kind, &local_error)
      || !read_localized (reader, object, "label", TRUE, &field->label, &local_error)
      || !read_string (reader, object, "heading", FALSE, &field->heading, &local_error)
      || !read_string (reader, object, "default", FALSE, &field->default_text, &local_error)
      || !read_string (reader, object, "source", FALSE, &field->source, &local_error)
      || !read_localized (reader, object, "hint", FALSE, &field->hint, &local_error)
      || !read_bool (reader, object, "required", &field->required, &local_error))
    goto fail;

  if (!is_identifier (field->key))
    {
      fail_member (reader, "key", _("must be letters, digits, “-” or “_”, starting with a letter"),
                   &local_error);
      goto fail;
    }
  if (g_hash_table_contains (keys, field->key))
    {
      g_autofree char *message = g_strdup_printf (_("the key “%s” is used twice"), field->key);

      fail_member (reader, "key", message, &local_error);
      goto fail;
    }
  if (!strv_contains_code (field_kind_codes, G_N_ELEMENTS (field_kind_codes), kind, &index))
    {
      g_autofree char *message =
        /* Translators: do not translate the words in quotes after the colon */
        g_strdup_printf (_("unknown field kind “%s” (known: “text”, “line”, “clause”)"), kind);

      fail_member (reader, "kind", message, &local_error);
      goto fail;
    }
  field->kind = (ConcordFieldKind) index;
  if (field->source != NULL && !g_strv_contains (known_sources, field->source))
    {
      g_autofree char *message = g_strdup_printf (_("unknown source “%s”"), field->source);

      fail_member (reader, "source", message, &local_error);
      goto fail;
    }
  if (field->kind == CONCORD_FIELD_CLAUSE && field->default_text == NULL)
    {
      reader_fail (reader, &local_error, _("a clause needs its standard text in “default”"));
      goto fail;
    }
  g_hash_table_add (keys, field->key);
  return field;

fail:
  g_propagate_error (error, g_steal_pointer (&local_error));
  field_free (field);
  return NULL;
}

static ConcordTemplateSection *
read_section (Reader      *reader,
              JsonNode    *node,
              GHashTable  *ids,
              GHashTable  *keys,
              GError     **error)
{
  static const char *const allowed[] = { "id", "kind", "heading", "label", "fields", NULL };
  g_autoptr(GError) local_error = NULL;
  ConcordTemplateSection *section;
  JsonObject *object;
  JsonArray *fields = NULL;
  g_autofree char *kind = NULL;
  int index = -1;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_fail (reader, error, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_members (reader, object, allowed, error))
    return NULL;

  section = g_new0 (ConcordTemplateSection, 1);
  section->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  if (!read_string (reader, object, "id", TRUE, &section->id, &local_error)
      || !read_string (reader, object, "kind", TRUE, &kind, &local_error)
      || !read_string (reader, object, "heading", FALSE, &section->heading, &local_error)
      || !read_localized (reader, object, "label", TRUE, &section->label, &local_error)
      || !read_array (reader, object, "fields", FALSE, &fields, &local_error))
    goto fail;

  if (!is_identifier (section->id))
    {
      fail_member (reader, "id", _("must be letters, digits, “-” or “_”, starting with a letter"),
                   &local_error);
      goto fail;
    }
  if (g_hash_table_contains (ids, section->id))
    {
      g_autofree char *message = g_strdup_printf (_("the section id “%s” is used twice"), section->id);

      fail_member (reader, "id", message, &local_error);
      goto fail;
    }
  if (!strv_contains_code (section_kind_codes, G_N_ELEMENTS (section_kind_codes), kind, &index))
    {
      g_autofree char *message =
        /* Translators: do not translate the words in quotes after the colon */
        g_strdup_printf (_("unknown section kind “%s” (known: “fields”, “parties”, “terms”, “signatures”)"),
                         kind);

      fail_member (reader, "kind", message, &local_error);
      goto fail;
    }
  section->kind = (ConcordSectionKind) index;

  if (section->kind == CONCORD_SECTION_FIELDS)
    {
      gsize len;

      if (fields == NULL || json_array_get_length (fields) == 0)
        {
          reader_fail (reader, &local_error, _("a section of kind “fields” needs its “fields”"));
          goto fail;
        }
      len = reader_enter (reader, "fields", 0);
      for (guint i = 0; i < json_array_get_length (fields); i++)
        {
          gsize inner = reader_enter (reader, NULL, i);
          ConcordTemplateField *field = read_field (reader, json_array_get_element (fields, i), keys,
                                                    &local_error);

          if (field == NULL)
            {
              reader_leave (reader, len);
              goto fail;
            }
          g_ptr_array_add (section->fields, field);
          reader_leave (reader, inner);
        }
      reader_leave (reader, len);
    }
  else if (fields != NULL)
    {
      fail_member (reader, "fields", _("only a section of kind “fields” has fields"), &local_error);
      goto fail;
    }
  g_hash_table_add (ids, section->id);
  return section;

fail:
  g_propagate_error (error, g_steal_pointer (&local_error));
  section_free (section);
  return NULL;
}

static gboolean
read_mediation_types (Reader      *reader,
                      JsonObject  *object,
                      guint       *types,
                      GError     **error)
{
  JsonArray *array = NULL;
  gsize len;

  *types = 0;
  if (!read_array (reader, object, "mediation_types", TRUE, &array, error))
    return FALSE;
  len = reader_enter (reader, "mediation_types", 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize inner = reader_enter (reader, NULL, i);
      int type;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          reader_fail (reader, error, _("must be a string"));
          reader_leave (reader, len);
          return FALSE;
        }
      type = concord_mediation_type_from_code (json_node_get_string (node));
      if (type < 0)
        {
          g_autofree char *message =
            /* Translators: do not translate the words in quotes after the colon */
            g_strdup_printf (_("unknown type of mediation “%s” (known: “people”, “police”, “lawyer”, “settlement”)"),
                             json_node_get_string (node));

          reader_fail (reader, error, message);
          reader_leave (reader, len);
          return FALSE;
        }
      *types |= 1u << type;
      reader_leave (reader, inner);
    }
  if (*types == 0)
    {
      reader_fail (reader, error, _("must name at least one type of mediation"));
      reader_leave (reader, len);
      return FALSE;
    }
  reader_leave (reader, len);
  return TRUE;
}

/* A check rule that needs a section the template does not have. */
static gboolean
check_rules_fit (Reader           *reader,
                 ConcordTemplate  *self,
                 GError          **error)
{
  static const struct
  {
    const char         *rule;
    ConcordSectionKind  kind;
  } needs[] = {
    { "parties-particulars", CONCORD_SECTION_PARTIES },
    { "terms-present", CONCORD_SECTION_TERMS },
    { "terms-performance", CONCORD_SECTION_TERMS },
  };

  for (guint i = 0; self->checks[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (needs); j++)
      if (strcmp (self->checks[i], needs[j].rule) == 0
          && !concord_template_has_section (self, needs[j].kind))
        {
          g_autofree char *message =
            /* Translators: a check rule of a template, and a kind of section (do not translate either) */
            g_strdup_printf (_("the rule “%s” needs a section of kind “%s”"), needs[j].rule,
                             section_kind_codes[needs[j].kind]);
          gsize len = reader_enter (reader, "checks", 0);

          reader_enter (reader, NULL, i);
          reader_fail (reader, error, message);
          reader_leave (reader, len);
          return FALSE;
        }

  for (guint kind = CONCORD_SECTION_PARTIES; kind < CONCORD_N_SECTION_KINDS; kind++)
    {
      guint count = 0;

      for (guint i = 0; i < self->sections->len; i++)
        if (((ConcordTemplateSection *) g_ptr_array_index (self->sections, i))->kind == kind)
          count++;
      if (count > 1)
        {
          g_autofree char *message =
            /* Translators: a kind of section (do not translate it) */
            g_strdup_printf (_("more than one section of kind “%s”"), section_kind_codes[kind]);

          return fail_member (reader, "sections", message, error);
        }
    }
  return TRUE;
}

/* The registry */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static int
compare_templates (gconstpointer a,
                   gconstpointer b)
{
  const ConcordTemplate *ta = *(ConcordTemplate *const *) a;
  const ConcordTemplate *tb = *(ConcordTemplate *const *) b;

  return strcmp (ta->id, tb->id);
}

static void
load_registry_locked (void)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_template_unref);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) children = NULL;
  g_autofree char *user_dir = NULL;
  const char *dir;
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = NULL;

  /* Named explicitly so that the static library keeps the resource. */
  children = g_resource_enumerate_children (concord_core_get_resource (), TEMPLATE_RESOURCE_DIR,
                                            G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (children == NULL)
    g_critical ("No shipped templates: %s", error->message);
  g_clear_error (&error);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      ConcordTemplate *template;
      gsize size;
      const char *data;

      if (!g_str_has_suffix (children[i], ".json"))
        continue;
      path = g_strconcat (TEMPLATE_RESOURCE_DIR, children[i], NULL);
      bytes = g_resource_lookup_data (concord_core_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        {
          g_critical ("%s: %s", path, error->message);
          g_clear_error (&error);
          continue;
        }
      data = g_bytes_get_data (bytes, &size);
      template = concord_template_parse (data, (gssize) size, path, &error);
      if (template == NULL)
        {
          /* A shipped template that does not parse is a bug of ours. */
          g_critical ("%s", error->message);
          g_ptr_array_add (problems, g_strdup (error->message));
          g_clear_error (&error);
          continue;
        }
      template->builtin = TRUE;
      g_ptr_array_add (templates, template);
    }

  /* The station's own files, in name order so that problems read the
   * same each time. */
  dir = g_getenv ("CONCORD_TEMPLATE_DIR");
  if (dir == NULL || *dir == '\0')
    {
      user_dir = g_build_filename (g_get_user_data_dir (), "concord", "templates", NULL);
      dir = user_dir;
    }
  d = g_dir_open (dir, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while (d != NULL)
    {
      const char *name = g_dir_read_name (d);

      if (name == NULL)
        break;
      if (g_str_has_suffix (name, ".json") && name[0] != '.')
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  {
    g_autoptr(GHashTable) station_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

    for (guint i = 0; i < names->len; i++)
      {
        g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
        g_autofree char *contents = NULL;
        ConcordTemplate *template;
        const char *other;
        gsize size = 0;

        if (!g_file_get_contents (path, &contents, &size, &error))
          {
            g_ptr_array_add (problems, g_strdup (error->message));
            g_clear_error (&error);
            continue;
          }
        template = concord_template_parse (contents, (gssize) size, path, &error);
        if (template == NULL)
          {
            g_ptr_array_add (problems, g_strdup (error->message));
            g_clear_error (&error);
            continue;
          }
        other = g_hash_table_lookup (station_ids, template->id);
        if (other != NULL)
          {
            g_ptr_array_add (problems,
                             /* Translators: a template file left out: the file, the template id, the other file */
                             g_strdup_printf (_("%s: the template id “%s” is already used by %s; this file is left out"),
                                              path, template->id, other));
            concord_template_unref (template);
            continue;
          }
        g_hash_table_insert (station_ids, g_strdup (template->id), g_strdup (path));
        template->builtin = FALSE;
        for (guint j = 0; j < templates->len; j++)
          if (strcmp (((ConcordTemplate *) g_ptr_array_index (templates, j))->id, template->id) == 0)
            {
              g_ptr_array_remove_index (templates, j);
              break;
            }
        g_ptr_array_add (templates, template);
      }
  }

  g_ptr_array_sort (templates, compare_templates);

  g_clear_pointer (&registry_templates, g_ptr_array_unref);
  g_clear_pointer (&registry_problems, g_ptr_array_unref);
  registry_templates = g_steal_pointer (&templates);
  registry_problems = g_steal_pointer (&problems);
}

static void
ensure_loaded_locked (void)
{
  if (registry_templates == NULL)
    load_registry_locked ();
}

/* Public */

ConcordTemplate *
concord_template_ref (ConcordTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
concord_template_unref (ConcordTemplate *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->title);
  g_free (self->basis);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_strfreev (self->checks);
  g_strfreev (self->signers);
  g_free (self->origin);
  g_free (self);
}

ConcordTemplate *
concord_template_parse (const char  *json,
                        gssize       length,
                        const char  *origin,
                        GError     **error)
{
  static const char *const allowed[] = {
    "format", "id", "name", "title", "basis", "mediation_types", "sections", "checks",
    "signers", "extra_copies", NULL
  };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(ConcordTemplate) self = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GHashTable) section_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) field_keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) parse_error = NULL;
  Reader reader = { origin != NULL ? origin : "template", path };
  JsonObject *object;
  JsonArray *sections = NULL;
  JsonNode *node;
  gsize len;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, &parse_error))
    {
      /* Translators: a template file that is not JSON: the file and the parser's message */
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, _("%s: not a JSON file: %s"),
                   reader.origin, parse_error->message);
      return NULL;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_fail (&reader, error, _("a template is a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_members (&reader, object, allowed, error))
    return NULL;

  node = json_object_get_member (object, "format");
  if (node != NULL
      && (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
          || json_node_get_int (node) != TEMPLATE_FORMAT))
    {
      fail_member (&reader, "format",
                   _("this version of Concord reads templates of format 1 only"), error);
      return NULL;
    }

  self = template_new ();
  self->origin = g_strdup (origin);
  if (!read_string (&reader, object, "id", TRUE, &self->id, error)
      || !read_localized (&reader, object, "name", TRUE, &self->name, error)
      || !read_string (&reader, object, "title", TRUE, &self->title, error)
      || !read_localized (&reader, object, "basis", FALSE, &self->basis, error)
      || !read_mediation_types (&reader, object, &self->mediation_types, error)
      || !read_array (&reader, object, "sections", TRUE, &sections, error))
    return NULL;
  if (!is_identifier (self->id))
    {
      fail_member (&reader, "id", _("must be letters, digits, “-” or “_”, starting with a letter"),
                   error);
      return NULL;
    }

  if (json_array_get_length (sections) == 0)
    {
      fail_member (&reader, "sections", _("a template needs at least one section"), error);
      return NULL;
    }
  len = reader_enter (&reader, "sections", 0);
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      gsize inner = reader_enter (&reader, NULL, i);
      ConcordTemplateSection *section = read_section (&reader, json_array_get_element (sections, i),
                                                      section_ids, field_keys, error);

      if (section == NULL)
        return NULL;
      g_ptr_array_add (self->sections, section);
      reader_leave (&reader, inner);
    }
  reader_leave (&reader, len);

  if (!read_code_list (&reader, object, "checks", known_checks, &self->checks, error)
      || !read_code_list (&reader, object, "signers", known_signers, &self->signers, error))
    return NULL;

  node = json_object_get_member (object, "extra_copies");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    self->extra_copies = 0;
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
           && json_node_get_int (node) >= 0 && json_node_get_int (node) <= MAX_EXTRA_COPIES)
    self->extra_copies = (int) json_node_get_int (node);
  else
    {
      g_autofree char *message = g_strdup_printf (_("must be a whole number from 0 to %d"),
                                                  MAX_EXTRA_COPIES);

      fail_member (&reader, "extra_copies", message, error);
      return NULL;
    }

  if (!check_rules_fit (&reader, self, error))
    return NULL;

  return g_steal_pointer (&self);
}

GPtrArray *
concord_template_list (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_template_unref);

  G_LOCK (registry);
  ensure_loaded_locked ();
  for (guint i = 0; i < registry_templates->len; i++)
    g_ptr_array_add (list, concord_template_ref (g_ptr_array_index (registry_templates, i)));
  G_UNLOCK (registry);
  return list;
}

GPtrArray *
concord_template_list_problems (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  G_LOCK (registry);
  ensure_loaded_locked ();
  for (guint i = 0; i < registry_problems->len; i++)
    g_ptr_array_add (list, g_strdup (g_ptr_array_index (registry_problems, i)));
  G_UNLOCK (registry);
  return list;
}

ConcordTemplate *
concord_template_find (const char *id)
{
  ConcordTemplate *found = NULL;

  if (id == NULL)
    return NULL;

  G_LOCK (registry);
  ensure_loaded_locked ();
  for (guint i = 0; i < registry_templates->len && found == NULL; i++)
    {
      ConcordTemplate *template = g_ptr_array_index (registry_templates, i);

      if (strcmp (template->id, id) == 0)
        found = concord_template_ref (template);
    }
  G_UNLOCK (registry);
  return found;
}

void
concord_template_reload (void)
{
  G_LOCK (registry);
  g_clear_pointer (&registry_templates, g_ptr_array_unref);
  g_clear_pointer (&registry_problems, g_ptr_array_unref);
  G_UNLOCK (registry);
}

const char *
concord_template_default_id (ConcordMediationType type)
{
  switch (type)
    {
    case CONCORD_MEDIATION_PEOPLE:
      return "people-mediation";
    case CONCORD_MEDIATION_POLICE:
      return "police-mediation";
    case CONCORD_MEDIATION_LAWYER:
      return "lawyer-mediation";
    case CONCORD_MEDIATION_SETTLEMENT:
      return "settlement";
    case CONCORD_N_MEDIATION_TYPES:
    default:
      g_return_val_if_reached ("people-mediation");
    }
}

const ConcordTemplateField *
concord_template_find_field (const ConcordTemplate *self,
                             const char            *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      const ConcordTemplateSection *section = g_ptr_array_index (self->sections, i);

      for (guint j = 0; j < section->fields->len; j++)
        {
          const ConcordTemplateField *field = g_ptr_array_index (section->fields, j);

          if (strcmp (field->key, key) == 0)
            return field;
        }
    }
  return NULL;
}

gboolean
concord_template_has_section (const ConcordTemplate *self,
                              ConcordSectionKind     kind)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->sections->len; i++)
    if (((const ConcordTemplateSection *) g_ptr_array_index (self->sections, i))->kind == kind)
      return TRUE;
  return FALSE;
}
