/* concord-agreement.c — the agreement: content, draft, completeness check,
 * canonical JSON and differences between versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-agreement"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "concord-agreement.h"
#include "concord-statute.h"
#include "concord-error.h"
#include "concord-money.h"

#define CONTENT_FORMAT 1
#define MAX_COPIES 1000
/* Printed where a part of a term is still missing. */
#define BLANK "____"

G_DEFINE_BOXED_TYPE (ConcordAgreement, concord_agreement, concord_agreement_ref, concord_agreement_unref)

static const char *const term_kind_codes[] = { "money", "act" };

/* Chinese document words (never translated) */

static const char *
gender_words (ConcordGender gender)
{
  switch (gender)
    {
    case CONCORD_GENDER_MALE:
      return "男";
    case CONCORD_GENDER_FEMALE:
      return "女";
    case CONCORD_GENDER_UNKNOWN:
    case CONCORD_N_GENDERS:
    default:
      return NULL;
    }
}

/* What precedes the number of a document of @type. */
static const char *
id_type_words (ConcordIdType type)
{
  switch (type)
    {
    case CONCORD_ID_RESIDENT:
      return "公民身份号码";
    case CONCORD_ID_PASSPORT:
      return "护照号码";
    case CONCORD_ID_HK_MACAO:
      return "港澳居民来往内地通行证号码";
    case CONCORD_ID_TAIWAN:
      return "台湾居民来往大陆通行证号码";
    case CONCORD_ID_FOREIGN_RESIDENT:
      return "外国人永久居留身份证号码";
    case CONCORD_ID_CREDIT_CODE:
      return "统一社会信用代码";
    case CONCORD_ID_OTHER:
      return "证件号码";
    case CONCORD_ID_NONE:
    case CONCORD_N_ID_TYPES:
    default:
      return NULL;
    }
}

static const char *
agent_words (ConcordAgentKind kind)
{
  switch (kind)
    {
    case CONCORD_AGENT_ENTRUSTED:
      return "委托代理人";
    case CONCORD_AGENT_GUARDIAN:
      return "法定代理人";
    case CONCORD_AGENT_REPRESENTATIVE:
      return "代表人";
    case CONCORD_AGENT_NONE:
    case CONCORD_N_AGENT_KINDS:
    default:
      return NULL;
    }
}

static const char *
team_role_words (ConcordTeamRole role)
{
  switch (role)
    {
    case CONCORD_TEAM_MEDIATOR:
      return "调解员";
    case CONCORD_TEAM_OFFICER:
      return "民警";
    case CONCORD_TEAM_LAWYER:
      return "律师";
    case CONCORD_TEAM_NOTE_TAKER:
      return "记录员";
    case CONCORD_TEAM_JUDICIAL:
      return "司法所工作人员";
    case CONCORD_TEAM_HELPER:
    case CONCORD_N_TEAM_ROLES:
    default:
      return NULL;
    }
}

/* "甲方", "乙方"… for the parties of role CONCORD_ROLE_PARTY, by order. */
static char *
party_role_words (const ConcordCase  *c,
                  const ConcordParty *party)
{
  static const char *const stems[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };
  guint position = 0;

  switch (party->role)
    {
    case CONCORD_ROLE_APPLICANT:
      return g_strdup ("申请人");
    case CONCORD_ROLE_RESPONDENT:
      return g_strdup ("被申请人");
    case CONCORD_ROLE_THIRD_PARTY:
      return g_strdup ("第三人");
    case CONCORD_ROLE_PARTY:
    case CONCORD_N_PARTY_ROLES:
    default:
      break;
    }
  for (guint i = 0; c != NULL && i < c->parties->len; i++)
    {
      const ConcordParty *other = g_ptr_array_index (c->parties, i);

      if (other == party || (party->id != 0 && other->id == party->id))
        break;
      if (other->role == CONCORD_ROLE_PARTY)
        position++;
    }
  if (position < G_N_ELEMENTS (stems))
    return g_strconcat (stems[position], "方", NULL);
  return g_strdup_printf ("第%u方", position + 1);
}

/* Chinese numerals for small counts: 一, 十二, 二十; @two_as_liang gives
 * "两" for 2 ("分两期"). */
static char *
small_numeral (guint    n,
               gboolean two_as_liang)
{
  static const char *const digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  GString *out;

  if (n == 2 && two_as_liang)
    return g_strdup ("两");
  if (n >= 100)
    return g_strdup_printf ("%u", n);
  if (n < 10)
    return g_strdup (digits[n]);
  out = g_string_new (NULL);
  if (n >= 20)
    g_string_append (out, digits[n / 10]);
  g_string_append (out, "十");
  if (n % 10 != 0)
    g_string_append (out, digits[n % 10]);
  return g_string_free (out, FALSE);
}

/* TRUE and the parts for a "YYYY-MM-DD" that names a real day. */
static gboolean
parse_date (const char *iso,
            int        *year,
            int        *month,
            int        *day)
{
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;
  *year = (int) g_ascii_strtoll (iso, NULL, 10);
  *month = (int) g_ascii_strtoll (iso + 5, NULL, 10);
  *day = (int) g_ascii_strtoll (iso + 8, NULL, 10);
  return *year >= 1 && *month >= 1 && *month <= 12 && *day >= 1
         && g_date_valid_dmy ((GDateDay) *day, (GDateMonth) *month, (GDateYear) *year);
}

static gboolean
is_date (const char *iso)
{
  int y, m, d;

  return parse_date (iso, &y, &m, &d);
}

/* "2026年11月30日"; what is not a date stays as it is. */
static char *
date_words (const char *iso)
{
  int y, m, d;

  if (!parse_date (iso, &y, &m, &d))
    return g_strdup (iso != NULL ? iso : BLANK);
  return g_strdup_printf ("%d年%d月%d日", y, m, d);
}

/* "2026年11月16日21时" (and "30分" when not on the hour), local time. */
static char *
datetime_words (const char *utc_iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  GString *out;

  if (utc_iso == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (utc_iso, NULL);
  if (utc == NULL)
    return g_strdup (utc_iso);
  local = g_date_time_to_local (utc);
  out = g_string_new (NULL);
  g_string_append_printf (out, "%d年%d月%d日%d时", g_date_time_get_year (local),
                          g_date_time_get_month (local), g_date_time_get_day_of_month (local),
                          g_date_time_get_hour (local));
  if (g_date_time_get_minute (local) != 0)
    g_string_append_printf (out, "%d分", g_date_time_get_minute (local));
  return g_string_free (out, FALSE);
}

static gboolean
is_blank (const char *text)
{
  return concord_text_is_blank (text);
}

/* @text without white space around and without final punctuation, so
 * that a sentence can end it with its own. */
static char *
sentence_body (const char *text)
{
  static const char *const stops[] = { "。", "；", "，", ".", ";", ",", "、" };
  char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean again = TRUE;

  while (again)
    {
      gsize len = strlen (copy);

      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
        if (g_str_has_suffix (copy, stops[i]))
          {
            copy[len - strlen (stops[i])] = '\0';
            g_strchomp (copy);
            again = TRUE;
            break;
          }
    }
  return copy;
}

/* @text without enclosing brackets: "（含医疗费）" → "含医疗费". */
static char *
bracket_body (const char *text)
{
  g_autofree char *body = sentence_body (text);

  if ((g_str_has_prefix (body, "（") && g_str_has_suffix (body, "）") && strlen (body) >= 6)
      || (g_str_has_prefix (body, "(") && g_str_has_suffix (body, ")") && strlen (body) >= 2))
    {
      gsize open = body[0] == '(' ? 1 : 3;
      gsize close = g_str_has_suffix (body, ")") ? 1 : 3;
      char *inner = g_strndup (body + open, strlen (body) - open - close);

      /* "（甲）（乙）" is two brackets, not one: keep it. */
      if (strstr (inner, "（") == NULL && strstr (inner, "(") == NULL)
        return g_strstrip (inner);
      g_free (inner);
    }
  return g_steal_pointer (&body);
}

static const char *
list_separator (void)
{
  /* Translators: separator between party names in a list */
  return C_("list separator", ", ");
}

/* Records */

ConcordTerm *
concord_term_new (ConcordTermKind kind)
{
  ConcordTerm *term;

  g_return_val_if_fail (kind < CONCORD_N_TERM_KINDS, NULL);

  term = g_new0 (ConcordTerm, 1);
  term->kind = kind;
  term->instalments = g_array_new (FALSE, TRUE, sizeof (ConcordInstalment));
  return term;
}

static void
clear_instalments (GArray *instalments)
{
  for (guint i = 0; i < instalments->len; i++)
    g_free (g_array_index (instalments, ConcordInstalment, i).due_date);
  g_array_set_size (instalments, 0);
}

ConcordTerm *
concord_term_copy (const ConcordTerm *term)
{
  ConcordTerm *copy;

  g_return_val_if_fail (term != NULL, NULL);

  copy = concord_term_new (term->kind);
  copy->id = g_strdup (term->id);
  copy->party_id = term->party_id;
  copy->counterparty_id = term->counterparty_id;
  copy->amount_fen = term->amount_fen;
  copy->method = g_strdup (term->method);
  copy->due_date = g_strdup (term->due_date);
  copy->text = g_strdup (term->text);
  copy->deadline = g_strdup (term->deadline);
  for (guint i = 0; term->instalments != NULL && i < term->instalments->len; i++)
    {
      ConcordInstalment instalment = g_array_index (term->instalments, ConcordInstalment, i);

      instalment.due_date = g_strdup (instalment.due_date);
      g_array_append_val (copy->instalments, instalment);
    }
  return copy;
}

void
concord_term_free (ConcordTerm *term)
{
  if (term == NULL)
    return;
  g_free (term->id);
  g_free (term->method);
  g_free (term->due_date);
  g_free (term->text);
  g_free (term->deadline);
  if (term->instalments != NULL)
    {
      clear_instalments (term->instalments);
      g_array_unref (term->instalments);
    }
  g_free (term);
}

void
concord_agreement_party_free (ConcordAgreementParty *party)
{
  if (party == NULL)
    return;
  g_free (party->role);
  g_free (party->name);
  g_free (party->particulars);
  g_free (party);
}

static ConcordAgreementParty *
agreement_party_copy (const ConcordAgreementParty *party)
{
  ConcordAgreementParty *copy = g_new0 (ConcordAgreementParty, 1);

  copy->party_id = party->party_id;
  copy->role = g_strdup (party->role);
  copy->name = g_strdup (party->name);
  copy->particulars = g_strdup (party->particulars);
  return copy;
}

void
concord_agreement_problem_free (ConcordAgreementProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->target);
  g_free (problem->message);
  g_free (problem);
}

void
concord_agreement_change_free (ConcordAgreementChange *change)
{
  if (change == NULL)
    return;
  g_free (change->target);
  g_free (change->label);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change);
}

void
concord_diff_segment_free (ConcordDiffSegment *segment)
{
  if (segment == NULL)
    return;
  g_free (segment->text);
  g_free (segment);
}

void
concord_agreement_source_free (ConcordAgreementSource *source)
{
  if (source == NULL)
    return;
  g_clear_pointer (&source->c, concord_case_unref);
  g_free (source->station_name);
  g_free (source->committee_name);
  g_clear_pointer (&source->sessions, g_ptr_array_unref);
  g_clear_pointer (&source->positions, g_ptr_array_unref);
  g_free (source->today);
  g_free (source);
}

/* The agreement */

ConcordAgreement *
concord_agreement_new (const char *template_id)
{
  ConcordAgreement *self = g_new0 (ConcordAgreement, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->template_id = g_strdup (template_id);
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_term_free);
  self->parties = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_agreement_party_free);
  return self;
}

ConcordAgreement *
concord_agreement_ref (ConcordAgreement *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
concord_agreement_unref (ConcordAgreement *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->template_id);
  g_free (self->saved_at);
  g_free (self->saved_by);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->parties, g_ptr_array_unref);
  g_free (self);
}

ConcordAgreement *
concord_agreement_copy (const ConcordAgreement *self)
{
  ConcordAgreement *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, NULL);

  copy = concord_agreement_new (self->template_id);
  copy->id = self->id;
  copy->case_id = self->case_id;
  copy->version = self->version;
  copy->saved_at = g_strdup (self->saved_at);
  copy->saved_by = g_strdup (self->saved_by);
  copy->submitted = self->submitted;
  copy->copies = self->copies;
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->fields, g_strdup (key), g_strdup (value));
  for (guint i = 0; i < self->terms->len; i++)
    g_ptr_array_add (copy->terms, concord_term_copy (g_ptr_array_index (self->terms, i)));
  for (guint i = 0; i < self->parties->len; i++)
    g_ptr_array_add (copy->parties, agreement_party_copy (g_ptr_array_index (self->parties, i)));
  return copy;
}

ConcordTemplate *
concord_agreement_dup_template (const ConcordAgreement  *self,
                                GError                 **error)
{
  ConcordTemplate *template;

  g_return_val_if_fail (self != NULL, NULL);

  template = self->template_id != NULL ? concord_template_find (self->template_id) : NULL;
  if (template == NULL)
    g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
                 _("The agreement’s template “%s” is not installed."),
                 self->template_id != NULL ? self->template_id : "");
  return template;
}

const char *
concord_agreement_get_field (const ConcordAgreement *self,
                             const char             *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->fields, key);
}

void
concord_agreement_set_field (ConcordAgreement *self,
                             const char       *key,
                             const char       *text)
{
  char *copy = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  if (text != NULL)
    copy = g_strstrip (g_strdup (text));
  if (copy == NULL || *copy == '\0' || is_blank (copy))
    {
      g_free (copy);
      g_hash_table_remove (self->fields, key);
      return;
    }
  g_hash_table_insert (self->fields, g_strdup (key), copy);
}

ConcordTerm *
concord_agreement_find_term (const ConcordAgreement *self,
                             const char             *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return NULL;
  for (guint i = 0; i < self->terms->len; i++)
    {
      ConcordTerm *term = g_ptr_array_index (self->terms, i);

      if (g_strcmp0 (term->id, id) == 0)
        return term;
    }
  return NULL;
}

ConcordTerm *
concord_agreement_add_term (ConcordAgreement *self,
                            ConcordTerm      *term)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (term != NULL, NULL);

  /* A term keeps its id unless it has none or it is taken: ids name the
   * term in comments and differences, so they must stay unique. */
  if (term->id == NULL || *term->id == '\0' || concord_agreement_find_term (self, term->id) != NULL)
    {
      guint64 next = 1;

      for (guint i = 0; i < self->terms->len; i++)
        {
          const ConcordTerm *other = g_ptr_array_index (self->terms, i);
          guint64 n;

          if (other->id != NULL && other->id[0] == 't'
              && g_ascii_string_to_unsigned (other->id + 1, 10, 1, G_MAXUINT32, &n, NULL)
              && n >= next)
            next = n + 1;
        }
      g_free (term->id);
      term->id = g_strdup_printf ("t%" G_GUINT64_FORMAT, next);
    }
  g_ptr_array_add (self->terms, term);
  return term;
}

gboolean
concord_agreement_remove_term (ConcordAgreement *self,
                               const char       *id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; id != NULL && i < self->terms->len; i++)
    {
      const ConcordTerm *term = g_ptr_array_index (self->terms, i);

      if (g_strcmp0 (term->id, id) == 0)
        {
          g_ptr_array_remove_index (self->terms, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Canonical JSON: written by hand so that the bytes depend on nothing but
 * the content (member order fixed, fields by key, no white space, UTF-8
 * as it is, only what JSON requires escaped). */

static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_member (GString    *out,
              gboolean   *first,
              const char *name)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  write_string (out, name);
  g_string_append_c (out, ':');
}

/* A string member, stripped; blank ones are left out. */
static void
write_text_member (GString    *out,
                   gboolean   *first,
                   const char *name,
                   const char *value)
{
  g_autofree char *stripped = NULL;

  if (is_blank (value))
    return;
  stripped = g_strstrip (g_strdup (value));
  write_member (out, first, name);
  write_string (out, stripped);
}

static void
write_int_member (GString    *out,
                  gboolean   *first,
                  const char *name,
                  gint64      value)
{
  write_member (out, first, name);
  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
concord_agreement_to_json (const ConcordAgreement *self)
{
  g_autoptr(GPtrArray) keys = NULL;
  GString *out;
  gboolean first = TRUE;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new ("{");
  write_int_member (out, &first, "format", CONTENT_FORMAT);
  write_member (out, &first, "template");
  write_string (out, self->template_id != NULL ? self->template_id : "");

  write_member (out, &first, "fields");
  g_string_append_c (out, '{');
  keys = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  {
    gboolean first_field = TRUE;

    for (guint i = 0; i < keys->len; i++)
      write_text_member (out, &first_field, g_ptr_array_index (keys, i),
                         g_hash_table_lookup (self->fields, g_ptr_array_index (keys, i)));
  }
  g_string_append_c (out, '}');

  write_member (out, &first, "terms");
  g_string_append_c (out, '[');
  for (guint i = 0; i < self->terms->len; i++)
    {
      const ConcordTerm *term = g_ptr_array_index (self->terms, i);
      gboolean first_member = TRUE;

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      write_member (out, &first_member, "id");
      write_string (out, term->id != NULL ? term->id : "");
      write_member (out, &first_member, "kind");
      write_string (out, term->kind < CONCORD_N_TERM_KINDS ? term_kind_codes[term->kind] : "");
      write_int_member (out, &first_member, "party", term->party_id);
      write_int_member (out, &first_member, "counterparty", term->counterparty_id);
      write_int_member (out, &first_member, "amount", term->amount_fen);
      write_text_member (out, &first_member, "method", term->method);
      write_text_member (out, &first_member, "due_date", term->due_date);
      if (term->instalments != NULL && term->instalments->len > 0)
        {
          write_member (out, &first_member, "instalments");
          g_string_append_c (out, '[');
          for (guint j = 0; j < term->instalments->len; j++)
            {
              const ConcordInstalment *instalment = &g_array_index (term->instalments, ConcordInstalment, j);
              gboolean first_part = TRUE;

              if (j > 0)
                g_string_append_c (out, ',');
              g_string_append_c (out, '{');
              write_text_member (out, &first_part, "due_date", instalment->due_date);
              write_int_member (out, &first_part, "amount", instalment->amount_fen);
              g_string_append_c (out, '}');
            }
          g_string_append_c (out, ']');
        }
      write_text_member (out, &first_member, "text", term->text);
      write_text_member (out, &first_member, "deadline", term->deadline);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  write_int_member (out, &first, "copies", self->copies);

  write_member (out, &first, "parties");
  g_string_append_c (out, '[');
  for (guint i = 0; i < self->parties->len; i++)
    {
      const ConcordAgreementParty *party = g_ptr_array_index (self->parties, i);
      gboolean first_member = TRUE;

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      write_int_member (out, &first_member, "party_id", party->party_id);
      write_text_member (out, &first_member, "role", party->role);
      write_text_member (out, &first_member, "name", party->name);
      write_text_member (out, &first_member, "particulars", party->particulars);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* Reading content back: anything to_json() would not have written is
 * refused, with the member named. */

typedef struct
{
  GString *path;
} ContentReader;

static gboolean
content_fail (ContentReader *reader,
              GError       **error)
{
  g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_INVALID,
               /* Translators: %s names the damaged part, e.g. “terms[1].amount” */
               _("The agreement’s stored content is damaged at “%s”."),
               reader->path->len > 0 ? reader->path->str : "/");
  return FALSE;
}

static gsize
content_enter (ContentReader *reader,
               const char    *name,
               guint          index)
{
  gsize len = reader->path->len;

  if (name != NULL)
    {
      if (len > 0)
        g_string_append_c (reader->path, '.');
      g_string_append (reader->path, name);
    }
  else
    g_string_append_printf (reader->path, "[%u]", index);
  return len;
}

static gboolean
content_members_known (ContentReader     *reader,
                       JsonObject        *object,
                       const char *const *allowed,
                       GError           **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        content_enter (reader, l->data, 0);
        return content_fail (reader, error);
      }
  return TRUE;
}

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING
         && g_utf8_validate (json_node_get_string (node), -1, NULL);
}

static gboolean
node_is_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* Optional string member @name into *out. */
static gboolean
content_text (ContentReader *reader,
              JsonObject    *object,
              const char    *name,
              gboolean       required,
              char         **out,
              GError       **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      if (!required)
        return TRUE;
      content_enter (reader, name, 0);
      return content_fail (reader, error);
    }
  if (!node_is_string (node))
    {
      content_enter (reader, name, 0);
      return content_fail (reader, error);
    }
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
content_int (ContentReader *reader,
             JsonObject    *object,
             const char    *name,
             gint64         min,
             gint64         max,
             gint64        *out,
             GError       **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (!node_is_int (node) || json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      content_enter (reader, name, 0);
      return content_fail (reader, error);
    }
  *out = json_node_get_int (node);
  return TRUE;
}

static ConcordTerm *
content_term (ContentReader *reader,
              JsonNode      *node,
              GError       **error)
{
  static const char *const allowed[] = {
    "id", "kind", "party", "counterparty", "amount", "method", "due_date", "instalments",
    "text", "deadline", NULL
  };
  g_autoptr(ConcordTerm) term = NULL;
  g_autofree char *kind = NULL;
  JsonObject *object;
  JsonNode *instalments;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      content_fail (reader, error);
      return NULL;
    }
  object = json_node_get_object (node);
  if (!content_members_known (reader, object, allowed, error))
    return NULL;
  term = concord_term_new (CONCORD_TERM_MONEY);
  if (!content_text (reader, object, "id", TRUE, &term->id, error)
      || !content_text (reader, object, "kind", TRUE, &kind, error))
    return NULL;
  if (*term->id == '\0')
    {
      content_enter (reader, "id", 0);
      content_fail (reader, error);
      return NULL;
    }
  if (strcmp (kind, "money") == 0)
    term->kind = CONCORD_TERM_MONEY;
  else if (strcmp (kind, "act") == 0)
    term->kind = CONCORD_TERM_ACT;
  else
    {
      content_enter (reader, "kind", 0);
      content_fail (reader, error);
      return NULL;
    }
  if (!content_int (reader, object, "party", 0, G_MAXINT64, &term->party_id, error)
      || !content_int (reader, object, "counterparty", 0, G_MAXINT64, &term->counterparty_id, error)
      || !content_int (reader, object, "amount", 0, CONCORD_MONEY_MAX_FEN, &term->amount_fen, error)
      || !content_text (reader, object, "method", FALSE, &term->method, error)
      || !content_text (reader, object, "due_date", FALSE, &term->due_date, error)
      || !content_text (reader, object, "text", FALSE, &term->text, error)
      || !content_text (reader, object, "deadline", FALSE, &term->deadline, error))
    return NULL;

  instalments = json_object_get_member (object, "instalments");
  if (instalments != NULL)
    {
      JsonArray *array;
      gsize len = content_enter (reader, "instalments", 0);

      if (!JSON_NODE_HOLDS_ARRAY (instalments))
        {
          content_fail (reader, error);
          return NULL;
        }
      array = json_node_get_array (instalments);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          static const char *const parts[] = { "due_date", "amount", NULL };
          JsonNode *element = json_array_get_element (array, i);
          ConcordInstalment instalment = { NULL, 0 };
          JsonObject *part;
          gsize inner = content_enter (reader, NULL, i);

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              content_fail (reader, error);
              return NULL;
            }
          part = json_node_get_object (element);
          if (!content_members_known (reader, part, parts, error)
              || !content_int (reader, part, "amount", 0, CONCORD_MONEY_MAX_FEN, &instalment.amount_fen, error)
              || !content_text (reader, part, "due_date", FALSE, &instalment.due_date, error))
            {
              g_free (instalment.due_date);
              return NULL;
            }
          g_array_append_val (term->instalments, instalment);
          g_string_truncate (reader->path, inner);
        }
      g_string_truncate (reader->path, len);
    }
  return g_steal_pointer (&term);
}

ConcordAgreement *
concord_agreement_from_json (const char  *json,
                             GError     **error)
{
  static const char *const allowed[] = {
    "format", "template", "fields", "terms", "copies", "parties", NULL
  };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(ConcordAgreement) self = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  ContentReader reader = { path };
  JsonObject *object;
  JsonNode *node;
  gint64 copies = 0;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, NULL))
    {
      content_fail (&reader, error);
      return NULL;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      content_fail (&reader, error);
      return NULL;
    }
  object = json_node_get_object (node);
  if (!content_members_known (&reader, object, allowed, error))
    return NULL;

  node = json_object_get_member (object, "format");
  if (node != NULL && (!node_is_int (node) || json_node_get_int (node) != CONTENT_FORMAT))
    {
      content_enter (&reader, "format", 0);
      content_fail (&reader, error);
      return NULL;
    }

  self = concord_agreement_new (NULL);
  if (!content_text (&reader, object, "template", TRUE, &self->template_id, error))
    return NULL;
  if (*self->template_id == '\0')
    {
      content_enter (&reader, "template", 0);
      content_fail (&reader, error);
      return NULL;
    }

  node = json_object_get_member (object, "fields");
  if (node != NULL)
    {
      g_autoptr(GList) members = NULL;
      JsonObject *fields;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          content_enter (&reader, "fields", 0);
          content_fail (&reader, error);
          return NULL;
        }
      fields = json_node_get_object (node);
      members = json_object_get_members (fields);
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (fields, l->data);

          if (!node_is_string (value) || *(const char *) l->data == '\0')
            {
              content_enter (&reader, "fields", 0);
              content_enter (&reader, l->data, 0);
              content_fail (&reader, error);
              return NULL;
            }
          concord_agreement_set_field (self, l->data, json_node_get_string (value));
        }
    }

  node = json_object_get_member (object, "terms");
  if (node != NULL)
    {
      JsonArray *terms;
      gsize len;

      len = content_enter (&reader, "terms", 0);
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          content_fail (&reader, error);
          return NULL;
        }
      terms = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (terms); i++)
        {
          gsize inner = content_enter (&reader, NULL, i);
          ConcordTerm *term = content_term (&reader, json_array_get_element (terms, i), error);

          if (term == NULL)
            return NULL;
          if (concord_agreement_find_term (self, term->id) != NULL)
            {
              concord_term_free (term);
              content_enter (&reader, "id", 0);
              content_fail (&reader, error);
              return NULL;
            }
          g_ptr_array_add (self->terms, term);
          g_string_truncate (reader.path, inner);
        }
      g_string_truncate (reader.path, len);
    }

  if (json_object_has_member (object, "copies"))
    {
      if (!content_int (&reader, object, "copies", 0, MAX_COPIES, &copies, error))
        return NULL;
      self->copies = (int) copies;
    }

  node = json_object_get_member (object, "parties");
  if (node != NULL)
    {
      static const char *const party_members[] = { "party_id", "role", "name", "particulars", NULL };
      JsonArray *parties;

      content_enter (&reader, "parties", 0);
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          content_fail (&reader, error);
          return NULL;
        }
      parties = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (parties); i++)
        {
          JsonNode *element = json_array_get_element (parties, i);
          ConcordAgreementParty *party;
          JsonObject *part;
          gsize inner = content_enter (&reader, NULL, i);

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              content_fail (&reader, error);
              return NULL;
            }
          part = json_node_get_object (element);
          if (!content_members_known (&reader, part, party_members, error))
            return NULL;
          party = g_new0 (ConcordAgreementParty, 1);
          g_ptr_array_add (self->parties, party);
          if (!content_int (&reader, part, "party_id", 0, G_MAXINT64, &party->party_id, error)
              || !content_text (&reader, part, "role", FALSE, &party->role, error)
              || !content_text (&reader, part, "name", FALSE, &party->name, error)
              || !content_text (&reader, part, "particulars", FALSE, &party->particulars, error))
            return NULL;
          g_string_truncate (reader.path, inner);
        }
    }

  return g_steal_pointer (&self);
}

gboolean
concord_agreement_same_content (const ConcordAgreement *a,
                                const ConcordAgreement *b)
{
  g_autofree char *json_a = NULL;
  g_autofree char *json_b = NULL;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  json_a = concord_agreement_to_json (a);
  json_b = concord_agreement_to_json (b);
  return strcmp (json_a, json_b) == 0;
}

/* Parties' particulars */

static void
add_part (GPtrArray  *parts,
          const char *prefix,
          const char *value,
          const char *suffix)
{
  g_autofree char *stripped = NULL;

  if (is_blank (value))
    return;
  stripped = g_strstrip (g_strdup (value));
  g_ptr_array_add (parts, g_strconcat (prefix != NULL ? prefix : "", stripped,
                                       suffix != NULL ? suffix : "", NULL));
}

/* The particulars of @party without final punctuation. */
static char *
particulars_body (const ConcordParty *party)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  add_part (parts, NULL, party->name, NULL);
  if (party->kind == CONCORD_PARTY_ORGANISATION)
    {
      add_part (parts, "住所地", party->address, NULL);
      add_part (parts, "法定代表人", party->occupation, NULL);
    }
  else
    {
      add_part (parts, NULL, gender_words (party->gender), NULL);
      if (!is_blank (party->birth_date))
        {
          g_autofree char *date = date_words (party->birth_date);

          add_part (parts, NULL, date, "出生");
        }
      add_part (parts, NULL, party->ethnicity, NULL);
      add_part (parts, NULL, party->occupation, NULL);
      add_part (parts, "住", party->address, NULL);
    }
  if (id_type_words (party->id_type) != NULL)
    add_part (parts, id_type_words (party->id_type), party->id_number, NULL);
  add_part (parts, "联系电话", party->phone, NULL);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("，", (char **) parts->pdata);
}

char *
concord_agreement_party_particulars (const ConcordCase  *c,
                                     const ConcordParty *party)
{
  g_autofree char *body = NULL;
  GString *out;

  g_return_val_if_fail (party != NULL, NULL);

  body = particulars_body (party);
  out = g_string_new (*body != '\0' ? body : BLANK);
  g_string_append (out, "。");
  if (party->agent_kind != CONCORD_AGENT_NONE && party->agent != NULL
      && agent_words (party->agent_kind) != NULL)
    {
      g_autofree char *agent = particulars_body (party->agent);

      g_string_append_printf (out, "\n%s：%s", agent_words (party->agent_kind),
                              *agent != '\0' ? agent : BLANK);
      if (!is_blank (party->agent_relation))
        {
          g_autofree char *relation = g_strstrip (g_strdup (party->agent_relation));

          g_string_append_printf (out, "，与当事人关系：%s", relation);
        }
      g_string_append (out, "。");
    }
  return g_string_free (out, FALSE);
}

void
concord_agreement_refresh_parties (ConcordAgreement  *self,
                                   const ConcordCase *c)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (c != NULL);

  g_ptr_array_set_size (self->parties, 0);
  for (guint i = 0; c->parties != NULL && i < c->parties->len; i++)
    {
      const ConcordParty *party = g_ptr_array_index (c->parties, i);
      ConcordAgreementParty *snapshot = g_new0 (ConcordAgreementParty, 1);

      snapshot->party_id = party->id;
      snapshot->role = party_role_words (c, party);
      snapshot->name = is_blank (party->name) ? NULL : g_strstrip (g_strdup (party->name));
      snapshot->particulars = concord_agreement_party_particulars (c, party);
      g_ptr_array_add (self->parties, snapshot);
    }
}

/* The draft */

static char *
team_names (const ConcordCase *c,
            ConcordTeamRole    role)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; c->team != NULL && i < c->team->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (c->team, i);

      if (member->role == role && !is_blank (member->name))
        g_ptr_array_add (names, member->name);
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("、", (char **) names->pdata);
}

/* "民警赵某某、律师孙某某（某律师事务所）、调解员钱某某" */
static char *
team_words (const ConcordCase *c)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; c->team != NULL && i < c->team->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (c->team, i);
      const char *role = team_role_words (member->role);
      GString *one;

      if (is_blank (member->name))
        continue;
      one = g_string_new (NULL);
      if (role != NULL)
        g_string_append (one, role);
      else if (!is_blank (member->organisation))
        g_string_append (one, member->organisation);
      g_string_append (one, member->name);
      if (role != NULL && !is_blank (member->organisation)
          && (member->role == CONCORD_TEAM_LAWYER || member->role == CONCORD_TEAM_JUDICIAL))
        g_string_append_printf (one, "（%s）", member->organisation);
      g_ptr_array_add (people, g_string_free (one, FALSE));
    }
  if (people->len == 0)
    return NULL;
  g_ptr_array_add (people, NULL);
  return g_strjoinv ("、", (char **) people->pdata);
}

static const ConcordParty *
case_party (const ConcordCase *c,
            gint64             id)
{
  for (guint i = 0; id != 0 && c->parties != NULL && i < c->parties->len; i++)
    {
      const ConcordParty *party = g_ptr_array_index (c->parties, i);

      if (party->id == id)
        return party;
    }
  return NULL;
}

static const ConcordTeamMember *
case_member (const ConcordCase *c,
             gint64             id)
{
  for (guint i = 0; id != 0 && c->team != NULL && i < c->team->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (c->team, i);

      if (member->id == id)
        return member;
    }
  return NULL;
}

/* Everyone but the parties who attended a session (the parties are
 * stated in their own section): "钱某某（居委会委员）、民警赵某某". */
static char *
attendee_words (const ConcordAgreementSource *source)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; source->sessions != NULL && i < source->sessions->len; i++)
    {
      const ConcordSession *session = g_ptr_array_index (source->sessions, i);

      for (guint j = 0; session->attendees != NULL && j < session->attendees->len; j++)
        {
          const ConcordAttendee *attendee = g_ptr_array_index (session->attendees, j);
          const ConcordTeamMember *member = case_member (source->c, attendee->member_id);
          g_autofree char *key = NULL;
          const char *name = attendee->name;
          const char *role = attendee->role;

          /* The parties have their own section, and the officers who
           * presided are named as 主持人. */
          if (attendee->party_id != 0 || (member != NULL && member->role == CONCORD_TEAM_OFFICER))
            continue;
          if (member != NULL)
            {
              if (is_blank (name))
                name = member->name;
              if (team_role_words (member->role) != NULL)
                role = team_role_words (member->role);
              else if (is_blank (role))
                role = member->organisation;
            }
          if (is_blank (name))
            continue;
          if (attendee->member_id != 0)
            key = g_strdup_printf ("m%" G_GINT64_FORMAT, attendee->member_id);
          else
            key = g_strdup_printf ("n%s\x1f%s", name, role != NULL ? role : "");
          if (g_hash_table_contains (seen, key))
            continue;
          g_hash_table_add (seen, g_steal_pointer (&key));
          if (is_blank (role))
            g_ptr_array_add (people, g_strdup (name));
          else
            g_ptr_array_add (people, g_strdup_printf ("%s（%s）", name, role));
        }
    }
  if (people->len == 0)
    return NULL;
  g_ptr_array_add (people, NULL);
  return g_strjoinv ("、", (char **) people->pdata);
}

/* Each party's claims, then its latest demand, one line each. */
/* A demand made back-to-back is confidential to its party: only what was
 * said face-to-face may go into the agreement. A position whose session
 * is not known is left out too. */
static gboolean
position_is_open (const ConcordAgreementSource *source,
                  const ConcordPosition        *position)
{
  for (guint i = 0; source->sessions != NULL && i < source->sessions->len; i++)
    {
      const ConcordSession *session = g_ptr_array_index (source->sessions, i);

      if (session->id == position->session_id)
        return concord_privacy_shows_session_content (session, TRUE);
    }
  return FALSE;
}

static char *
claims_words (const ConcordAgreementSource *source)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; source->c->parties != NULL && i < source->c->parties->len; i++)
    {
      const ConcordParty *party = g_ptr_array_index (source->c->parties, i);
      const ConcordPosition *latest = NULL;
      const char *name = is_blank (party->name) ? BLANK : party->name;

      if (!is_blank (party->claims))
        {
          g_autofree char *claims = g_strstrip (g_strdup (party->claims));

          if (out->len > 0)
            g_string_append_c (out, '\n');
          g_string_append_printf (out, "%s：%s", name, claims);
        }
      for (guint j = 0; source->positions != NULL && j < source->positions->len; j++)
        {
          const ConcordPosition *position = g_ptr_array_index (source->positions, j);

          if (party->id != 0 && position->party_id == party->id
              && position->kind == CONCORD_POSITION_DEMAND
              && (position->has_amount || !is_blank (position->terms))
              && position_is_open (source, position))
            latest = position;
        }
      if (latest != NULL)
        {
          if (out->len > 0)
            g_string_append_c (out, '\n');
          g_string_append_printf (out, "%s最后主张：", name);
          if (latest->has_amount)
            {
              g_autofree char *amount = concord_money_format_both (latest->amount_fen);

              g_string_append (out, amount);
            }
          if (!is_blank (latest->terms))
            {
              g_autofree char *terms = g_strstrip (g_strdup (latest->terms));
              const char *rest = terms;

              /* "75000元，签订协议时先付一半": the amount is said already. */
              if (latest->has_amount && latest->amount_fen % 100 == 0)
                {
                  g_autofree char *figures = g_strdup_printf ("%" G_GINT64_FORMAT "元", latest->amount_fen / 100);

                  if (g_str_has_prefix (rest, figures))
                    {
                      rest += strlen (figures);
                      while (g_str_has_prefix (rest, "，") || g_str_has_prefix (rest, "、"))
                        rest += strlen ("，");
                      while (*rest == ',' || *rest == ' ')
                        rest++;
                    }
                }
              if (*rest != '\0')
                {
                  /* "人民币叁万伍仟元整（¥35,000.00）（押金3000元抵扣）" */
                  if (latest->has_amount && !g_str_has_prefix (rest, "（"))
                    g_string_append (out, "，");
                  g_string_append (out, rest);
                }
            }
        }
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static char *
source_text (const char                   *name,
             const ConcordAgreementSource *source)
{
  const ConcordCase *c = source->c;

  if (strcmp (name, "case.facts") == 0)
    return g_strdup (c->facts);
  if (strcmp (name, "case.claims") == 0)
    return claims_words (source);
  if (strcmp (name, "case.place") == 0)
    return g_strdup (c->place);
  if (strcmp (name, "case.occurred-at") == 0)
    return datetime_words (c->occurred_at);
  if (strcmp (name, "case.incident-no") == 0)
    return g_strdup (c->incident_no);
  if (strcmp (name, "case.team") == 0)
    return team_words (c);
  if (strcmp (name, "case.attendees") == 0)
    return attendee_words (source);
  if (strcmp (name, "station.name") == 0)
    return g_strdup (source->station_name);
  if (strcmp (name, "station.committee") == 0)
    return g_strdup (source->committee_name);
  if (strcmp (name, "team.mediator") == 0)
    return team_names (c, CONCORD_TEAM_MEDIATOR);
  if (strcmp (name, "team.officer") == 0)
    return team_names (c, CONCORD_TEAM_OFFICER);
  if (strcmp (name, "today") == 0)
    return source->today != NULL ? date_words (source->today) : NULL;
  g_warning ("Unknown template source “%s”", name);
  return NULL;
}

static guint
n_case_parties (const ConcordCase *c)
{
  return c->parties != NULL ? c->parties->len : 0;
}

ConcordAgreement *
concord_agreement_new_draft (ConcordTemplate              *template,
                             const ConcordAgreementSource *source)
{
  ConcordAgreement *self;

  g_return_val_if_fail (template != NULL, NULL);
  g_return_val_if_fail (source != NULL && source->c != NULL, NULL);

  self = concord_agreement_new (template->id);
  self->case_id = source->c->id;
  concord_agreement_refresh_parties (self, source->c);
  for (guint i = 0; i < template->sections->len; i++)
    {
      const ConcordTemplateSection *section = g_ptr_array_index (template->sections, i);

      for (guint j = 0; j < section->fields->len; j++)
        {
          const ConcordTemplateField *field = g_ptr_array_index (section->fields, j);
          g_autofree char *text = NULL;

          if (field->source != NULL)
            text = source_text (field->source, source);
          if (is_blank (text) && field->default_text != NULL)
            {
              g_free (text);
              text = g_strdup (field->default_text);
            }
          concord_agreement_set_field (self, field->key, text);
        }
    }
  self->copies = (int) n_case_parties (source->c) + template->extra_copies;
  /* The standard clauses say the number of copies in words. */
  {
    GHashTableIter iter;
    gpointer key, value;
    g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

    g_hash_table_iter_init (&iter, self->fields);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (strstr (value, "{") != NULL)
        g_ptr_array_add (keys, g_strdup (key));
    for (guint i = 0; i < keys->len; i++)
      {
        g_autofree char *expanded = concord_agreement_expand_text (self, concord_agreement_get_field (self, keys->pdata[i]));

        concord_agreement_set_field (self, keys->pdata[i], expanded);
      }
  }
  return self;
}

/* "四", "十二": a number of copies as a clause says it. */
static char *
copies_words (int copies)
{
  g_autofree char *label = NULL;
  gsize length;

  if (copies <= 0)
    return g_strdup (BLANK);
  label = concord_statute_number_label (copies);       /* "第十二条" */
  length = strlen (label);
  if (g_str_has_prefix (label, "第") && length > strlen ("第条"))
    return g_strndup (label + strlen ("第"), length - strlen ("第条"));
  return g_strdup_printf ("%d", copies);
}

char *
concord_agreement_expand_text (const ConcordAgreement *self,
                               const char             *text)
{
  g_autofree char *words = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;
  words = copies_words (self->copies);
  parts = g_strsplit (text, "{copies}", -1);
  return g_strjoinv (words, parts);
}

GPtrArray *
concord_agreement_set_copies (ConcordAgreement *self,
                              int               copies)
{
  g_autofree char *old_words = NULL;
  g_autofree char *new_words = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GPtrArray *changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, changed);

  old_words = copies_words (self->copies);
  new_words = copies_words (copies);
  before = g_strdup_printf ("一式%s份", old_words);
  self->copies = copies;
  after = g_strdup_printf ("一式%s份", new_words);
  if (g_str_equal (before, after))
    return changed;

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (strstr (value, before) != NULL)
      g_ptr_array_add (keys, g_strdup (key));
  for (guint i = 0; i < keys->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (concord_agreement_get_field (self, keys->pdata[i]), before, -1);
      g_autofree char *text = g_strjoinv (after, parts);

      g_ptr_array_add (changed, g_strdup (keys->pdata[i]));
      concord_agreement_set_field (self, keys->pdata[i], text);
    }
  return changed;
}

/* Term sentences */

static const char *
snapshot_name (const ConcordAgreement *self,
               gint64                  party_id)
{
  for (guint i = 0; party_id != 0 && i < self->parties->len; i++)
    {
      const ConcordAgreementParty *party = g_ptr_array_index (self->parties, i);

      if (party->party_id == party_id)
        return party->name != NULL ? party->name : BLANK;
    }
  return NULL;
}

static char *
amount_words (gint64 fen)
{
  if (fen <= 0)
    return g_strdup ("人民币" BLANK "元");
  return concord_money_format_both (fen);
}

char *
concord_agreement_term_text (const ConcordAgreement *self,
                             const ConcordTerm      *term)
{
  const char *who;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (term != NULL, NULL);

  who = snapshot_name (self, term->party_id);
  if (who == NULL)
    who = BLANK;
  out = g_string_new (NULL);

  if (term->kind == CONCORD_TERM_MONEY)
    {
      const char *whom = snapshot_name (self, term->counterparty_id);
      g_autofree char *amount = amount_words (term->amount_fen);
      g_autofree char *extra = is_blank (term->text) ? NULL : bracket_body (term->text);
      g_autofree char *method = is_blank (term->method) ? NULL : sentence_body (term->method);
      guint n = term->instalments != NULL ? term->instalments->len : 0;
      const char *single_date = term->due_date;

      if (whom == NULL)
        whom = BLANK;
      if (n == 1 && is_blank (single_date))
        single_date = g_array_index (term->instalments, ConcordInstalment, 0).due_date;

      if (n >= 2)
        {
          g_autofree char *periods = small_numeral (n, TRUE);

          g_string_append_printf (out, "%s向%s支付%s", who, whom, amount);
          if (extra != NULL && *extra != '\0')
            g_string_append_printf (out, "（%s）", extra);
          g_string_append_printf (out, "，分%s期支付：", periods);
          for (guint i = 0; i < n; i++)
            {
              const ConcordInstalment *instalment = &g_array_index (term->instalments, ConcordInstalment, i);
              g_autofree char *date = date_words (is_blank (instalment->due_date) ? NULL : instalment->due_date);
              g_autofree char *part = amount_words (instalment->amount_fen);

              if (i > 0)
                g_string_append (out, "；");
              g_string_append_printf (out, "%s前支付%s", date, part);
            }
          g_string_append (out, "。");
          if (method != NULL && *method != '\0')
            g_string_append_printf (out, "支付方式：%s。", method);
        }
      else
        {
          if (!is_blank (single_date))
            {
              g_autofree char *date = date_words (single_date);

              g_string_append_printf (out, "%s于%s前向%s一次性支付%s", who, date, whom, amount);
            }
          else
            g_string_append_printf (out, "%s向%s支付%s", who, whom, amount);
          if (extra != NULL && *extra != '\0')
            g_string_append_printf (out, "（%s）", extra);
          if (method != NULL && *method != '\0')
            g_string_append_printf (out, "，支付方式：%s", method);
          g_string_append (out, "。");
        }
    }
  else
    {
      g_autofree char *what = is_blank (term->text) ? g_strdup (BLANK) : sentence_body (term->text);

      const char *whom = snapshot_name (self, term->counterparty_id);

      g_string_append (out, who);
      if (is_date (term->deadline))
        {
          g_autofree char *date = date_words (term->deadline);

          g_string_append_printf (out, "于%s前", date);
        }
      else if (!is_blank (term->deadline))
        {
          g_autofree char *deadline = sentence_body (term->deadline);

          g_string_append (out, deadline);
        }
      /* To whom it is owed, unless the words already name them
       * ("向张某赔礼道歉" / "不拍摄郑某家房门"). */
      if (whom != NULL && strstr (what, whom) == NULL)
        g_string_append_printf (out, "向%s", whom);
      g_string_append (out, what);
      g_string_append (out, "。");
    }
  return g_string_free (out, FALSE);
}

/* The completeness check */

static void
add_problem (GPtrArray  *problems,
             char       *target,
             char       *message)
{
  ConcordAgreementProblem *problem = g_new0 (ConcordAgreementProblem, 1);

  problem->target = target;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* The law a template's agreement follows, for the messages of the general
 * rules: police mediation its rules, people's mediation its law, lawyer
 * mediation and settlements the Civil Code on the content of contracts. */
static const char *
template_law (const ConcordTemplate *template)
{
  if (template->mediation_types & (1u << CONCORD_MEDIATION_POLICE))
    /* Translators: 公安机关办理行政案件程序规定 第一百八十四条 */
    return _("police rules art. 184");
  if (template->mediation_types & (1u << CONCORD_MEDIATION_PEOPLE))
    /* Translators: 人民调解法 第二十九条 */
    return _("People’s Mediation Law art. 29");
  /* Translators: 民法典 第四百七十条 (what a contract contains) */
  return _("Civil Code art. 470");
}

/* Which rule answers for a field filled from @source: the rule reports a
 * blank field itself, with the place where it is fixed, and
 * "required-fields" leaves it alone. */
static const char *
rule_of_source (const char *source)
{
  static const struct
  {
    const char *source;
    const char *rule;
  } owners[] = {
    { "station.name", "organ" },
    { "station.committee", "committee" },
    { "team.officer", "presiding-officer" },
    { "team.mediator", "mediator" },
    { "case.occurred-at", "incident" },
    { "case.place", "incident" },
  };

  for (guint i = 0; source != NULL && i < G_N_ELEMENTS (owners); i++)
    if (strcmp (owners[i].source, source) == 0)
      return owners[i].rule;
  return NULL;
}

static gboolean
template_checks (const ConcordTemplate *template,
                 const char            *rule)
{
  return template->checks != NULL && g_strv_contains ((const char *const *) template->checks, rule);
}

static void
field_missing (GPtrArray                  *problems,
               const ConcordTemplate      *template,
               const ConcordTemplateField *field,
               const char                 *law)
{
  add_problem (problems, g_strdup_printf ("field:%s", field->key),
               /* Translators: a field of the agreement (“Main facts”) and the law that asks for it */
               g_strdup_printf (_("“%s” is not filled in (%s)"), field->label, law));
}

/* Fields of @template filled from @source that are blank in @self. */
static GPtrArray *
blank_fields_of_source (const ConcordAgreement *self,
                        const ConcordTemplate  *template,
                        const char             *source)
{
  GPtrArray *blank = g_ptr_array_new ();

  for (guint i = 0; i < template->sections->len; i++)
    {
      const ConcordTemplateSection *section = g_ptr_array_index (template->sections, i);

      for (guint j = 0; j < section->fields->len; j++)
        {
          const ConcordTemplateField *field = g_ptr_array_index (section->fields, j);

          if (g_strcmp0 (field->source, source) == 0
              && is_blank (concord_agreement_get_field (self, field->key)))
            g_ptr_array_add (blank, (gpointer) field);
        }
    }
  return blank;
}

static gboolean
template_has_source (const ConcordTemplate *template,
                     const char            *source)
{
  for (guint i = 0; i < template->sections->len; i++)
    {
      const ConcordTemplateSection *section = g_ptr_array_index (template->sections, i);

      for (guint j = 0; j < section->fields->len; j++)
        if (g_strcmp0 (((const ConcordTemplateField *) g_ptr_array_index (section->fields, j))->source,
                       source) == 0)
          return TRUE;
    }
  return FALSE;
}

/* A particular that comes from @source, known (@known) or not: when the
 * template has fields for it, they must be filled (where: the source when
 * it is empty, else the field); when it has none, the source must be
 * known. Adds @missing (target, message) when the source is the place. */
static void
check_sourced (GPtrArray              *problems,
               const ConcordAgreement *self,
               const ConcordTemplate  *template,
               const char             *source,
               gboolean                known,
               const char             *law,
               char                   *missing_target,
               char                   *missing_message)
{
  g_autoptr(GPtrArray) blank = blank_fields_of_source (self, template, source);

  if (!template_has_source (template, source) || blank->len > 0)
    {
      if (!known)
        {
          add_problem (problems, missing_target, missing_message);
          return;
        }
      for (guint i = 0; i < blank->len; i++)
        field_missing (problems, template, g_ptr_array_index (blank, i), law);
    }
  g_free (missing_target);
  g_free (missing_message);
}

static gboolean
team_has_role (const ConcordCase *c,
               ConcordTeamRole    role)
{
  for (guint i = 0; c->team != NULL && i < c->team->len; i++)
    {
      const ConcordTeamMember *member = g_ptr_array_index (c->team, i);

      if (member->role == role && !is_blank (member->name))
        return TRUE;
    }
  return FALSE;
}

/* The party as the mediator knows it: its name, else its role. */
static char *
party_display_name (const ConcordCase  *c,
                    const ConcordParty *party)
{
  if (!is_blank (party->name))
    return g_strstrip (g_strdup (party->name));
  return concord_case_dup_party_role (c, party);
}

static void
check_particulars (GPtrArray                    *problems,
                   const ConcordTemplate        *template,
                   const ConcordAgreementSource *source)
{
  const ConcordCase *c = source->c;
  const char *law = template_law (template);

  if (n_case_parties (c) < 2)
    add_problem (problems, g_strdup ("case:parties"),
                 /* Translators: %s is the law, e.g. “People’s Mediation Law art. 29” */
                 g_strdup_printf (_("An agreement needs at least two parties (%s)"), law));

  for (guint i = 0; i < n_case_parties (c); i++)
    {
      const ConcordParty *party = g_ptr_array_index (c->parties, i);
      g_autoptr(GPtrArray) missing = g_ptr_array_new ();
      g_autofree char *name = NULL;
      g_autofree char *list = NULL;

      if (is_blank (party->name))
        g_ptr_array_add (missing, (gpointer) _("name"));
      if (party->kind == CONCORD_PARTY_ORGANISATION)
        {
          if (is_blank (party->occupation)
              && !(party->agent_kind == CONCORD_AGENT_REPRESENTATIVE && party->agent != NULL
                   && !is_blank (party->agent->name)))
            g_ptr_array_add (missing, (gpointer) _("legal representative"));
          if (is_blank (party->address))
            g_ptr_array_add (missing, (gpointer) _("address"));
        }
      else
        {
          if (party->gender != CONCORD_GENDER_MALE && party->gender != CONCORD_GENDER_FEMALE)
            g_ptr_array_add (missing, (gpointer) _("gender"));
          if (is_blank (party->birth_date) && is_blank (party->id_number))
            g_ptr_array_add (missing, (gpointer) _("date of birth or ID number"));
          if (is_blank (party->address))
            g_ptr_array_add (missing, (gpointer) _("address"));
        }
      if (party->agent_kind != CONCORD_AGENT_NONE
          && (party->agent == NULL || is_blank (party->agent->name)))
        g_ptr_array_add (missing, (gpointer) _("agent’s name"));
      if (missing->len == 0)
        continue;

      name = party_display_name (c, party);
      g_ptr_array_add (missing, NULL);
      list = g_strjoinv (list_separator (), (char **) missing->pdata);
      add_problem (problems, g_strdup_printf ("party:%" G_GINT64_FORMAT, party->id),
                   /* Translators: a party's name, what is missing (“gender, address”), the law */
                   g_strdup_printf (ngettext ("%s’s %s is missing (parties’ particulars, %s)",
                                              "%s’s %s are missing (parties’ particulars, %s)",
                                              missing->len - 1),
                                    name, list, law));
    }
}

static void
check_required (GPtrArray              *problems,
                const ConcordAgreement *self,
                const ConcordTemplate  *template)
{
  const char *law = template_law (template);

  for (guint i = 0; i < template->sections->len; i++)
    {
      const ConcordTemplateSection *section = g_ptr_array_index (template->sections, i);

      for (guint j = 0; j < section->fields->len; j++)
        {
          const ConcordTemplateField *field = g_ptr_array_index (section->fields, j);
          const char *owner = rule_of_source (field->source);

          if (!field->required || !is_blank (concord_agreement_get_field (self, field->key)))
            continue;
          if (owner != NULL && template_checks (template, owner))
            continue;
          field_missing (problems, template, field, law);
        }
    }
}

static gboolean
is_case_party (const ConcordCase *c,
               gint64             id)
{
  return case_party (c, id) != NULL;
}

static void
term_problem (GPtrArray         *problems,
              const ConcordTerm *term,
              char              *message)
{
  add_problem (problems, g_strdup_printf ("term:%s", term->id != NULL ? term->id : ""), message);
}

static void
check_money_term (GPtrArray         *problems,
                  const ConcordCase *c,
                  const ConcordTerm *term,
                  guint              n)
{
  guint n_instalments = term->instalments != NULL ? term->instalments->len : 0;

  if (!is_case_party (c, term->party_id))
    term_problem (problems, term, g_strdup_printf (_("Term %u: who pays is not chosen"), n));
  if (!is_case_party (c, term->counterparty_id))
    term_problem (problems, term, g_strdup_printf (_("Term %u: who is paid is not chosen"), n));
  else if (term->counterparty_id == term->party_id)
    term_problem (problems, term, g_strdup_printf (_("Term %u: a party cannot pay itself"), n));
  if (term->amount_fen <= 0)
    term_problem (problems, term, g_strdup_printf (_("Term %u: the amount is missing"), n));
  if (is_blank (term->method))
    term_problem (problems, term,
                  g_strdup_printf (_("Term %u: the method of payment is missing (manner of performance)"), n));

  if (n_instalments == 0)
    {
      if (is_blank (term->due_date))
        term_problem (problems, term,
                      g_strdup_printf (_("Term %u: the due date is missing (time limit of performance)"), n));
      else if (!is_date (term->due_date))
        term_problem (problems, term, g_strdup_printf (_("Term %u: the due date is not a valid date"), n));
      return;
    }

  if (!is_blank (term->due_date))
    term_problem (problems, term,
                  g_strdup_printf (_("Term %u: give either one due date or instalments, not both"), n));
  {
    gint64 sum = 0;
    gboolean dates_ok = TRUE;
    gboolean rising = TRUE;

    for (guint i = 0; i < n_instalments; i++)
      {
        const ConcordInstalment *instalment = &g_array_index (term->instalments, ConcordInstalment, i);

        if (!is_date (instalment->due_date))
          {
            dates_ok = FALSE;
            term_problem (problems, term,
                          /* Translators: term number, instalment number */
                          g_strdup_printf (_("Term %u: instalment %u has no valid due date"), n, i + 1));
          }
        else if (i > 0)
          {
            const ConcordInstalment *previous = &g_array_index (term->instalments, ConcordInstalment, i - 1);

            if (is_date (previous->due_date) && strcmp (previous->due_date, instalment->due_date) >= 0)
              rising = FALSE;
          }
        if (instalment->amount_fen <= 0)
          term_problem (problems, term,
                        /* Translators: term number, instalment number */
                        g_strdup_printf (_("Term %u: instalment %u has no amount"), n, i + 1));
        else
          sum += instalment->amount_fen;
      }
    if (dates_ok && !rising)
      term_problem (problems, term,
                    g_strdup_printf (_("Term %u: the instalments’ dates must follow one another"), n));
    if (term->amount_fen > 0 && sum != term->amount_fen)
      {
        g_autofree char *got = concord_money_format (sum);
        g_autofree char *want = concord_money_format (term->amount_fen);

        term_problem (problems, term,
                      /* Translators: term number, the sum of the instalments, the amount of the term */
                      g_strdup_printf (_("Term %u: the instalments add up to %s, not %s"), n, got, want));
      }
  }
}

static void
check_act_term (GPtrArray         *problems,
                const ConcordCase *c,
                const ConcordTerm *term,
                guint              n)
{
  if (!is_case_party (c, term->party_id))
    term_problem (problems, term, g_strdup_printf (_("Term %u: who does it is not chosen"), n));
  if (term->counterparty_id != 0
      && (!is_case_party (c, term->counterparty_id) || term->counterparty_id == term->party_id))
    term_problem (problems, term,
                  g_strdup_printf (_("Term %u: the party it is done for is not another party of the case"), n));
  if (is_blank (term->text))
    term_problem (problems, term, g_strdup_printf (_("Term %u: what is to be done is missing"), n));
  if (is_blank (term->deadline))
    term_problem (problems, term,
                  g_strdup_printf (_("Term %u: the time limit is missing (time limit of performance)"), n));
}

static void
check_police_screening (GPtrArray         *problems,
                        const ConcordCase *c)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *list = NULL;

  if (!c->police_screened)
    {
      add_problem (problems, g_strdup ("case:police-screening"),
                   g_strdup (_("The police art. 179 checklist was not done at intake")));
      return;
    }
  if (c->police_exclusions == 0)
    return;
  labels = g_ptr_array_new ();
  for (guint bit = 0; bit < CONCORD_N_EXCLUSIONS; bit++)
    if (c->police_exclusions & (1u << bit))
      g_ptr_array_add (labels, (gpointer) concord_police_exclusion_label (1u << bit));
  g_ptr_array_add (labels, NULL);
  list = g_strjoinv (list_separator (), (char **) labels->pdata);
  add_problem (problems, g_strdup ("case:police-screening"),
               /* Translators: %s lists what excludes police mediation */
               g_strdup_printf (_("Police mediation does not apply: %s (police rules art. 179)"), list));
}

/* The rules the law sets for each type of mediation, whatever template a
 * station uses: a template may ask more, never less. */
static const char *const mandatory_people[] = {
  "parties-particulars", "terms-present", "terms-performance", "mediator", "committee", "copies", NULL
};
static const char *const mandatory_police[] = {
  "parties-particulars", "organ", "presiding-officer", "incident", "terms-present", "terms-performance",
  "police-screening", "copies", NULL
};
static const char *const mandatory_lawyer[] = {
  "parties-particulars", "terms-present", "terms-performance", "mediator", "copies", NULL
};
static const char *const mandatory_settlement[] = {
  "parties-particulars", "terms-present", "terms-performance", "copies", NULL
};

/* The template's rules in its order, then the type's mandatory ones it
 * left out. */
static GPtrArray *
effective_rules (const ConcordTemplate *template,
                 const ConcordCase     *c)
{
  const char *const *mandatory;
  GPtrArray *rules = g_ptr_array_new ();

  switch (c->mediation_type)
    {
    case CONCORD_MEDIATION_POLICE:
      mandatory = mandatory_police;
      break;
    case CONCORD_MEDIATION_LAWYER:
      mandatory = mandatory_lawyer;
      break;
    case CONCORD_MEDIATION_SETTLEMENT:
      mandatory = mandatory_settlement;
      break;
    case CONCORD_MEDIATION_PEOPLE:
    default:
      mandatory = mandatory_people;
      break;
    }
  for (guint r = 0; template->checks != NULL && template->checks[r] != NULL; r++)
    g_ptr_array_add (rules, template->checks[r]);
  for (guint r = 0; mandatory[r] != NULL; r++)
    if (template->checks == NULL || !g_strv_contains ((const char *const *) template->checks, mandatory[r]))
      g_ptr_array_add (rules, (gpointer) mandatory[r]);
  return rules;
}

GPtrArray *
concord_agreement_check (const ConcordAgreement       *self,
                         const ConcordTemplate        *template,
                         const ConcordAgreementSource *source)
{
  g_autoptr(GPtrArray) rules = NULL;
  GPtrArray *problems;
  const ConcordCase *c;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (template != NULL, NULL);
  g_return_val_if_fail (source != NULL && source->c != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_agreement_problem_free);
  c = source->c;
  rules = effective_rules (template, c);

  for (guint r = 0; r < rules->len; r++)
    {
      const char *rule = g_ptr_array_index (rules, r);
      const char *law = template_law (template);

      if (strcmp (rule, "parties-particulars") == 0)
        check_particulars (problems, template, source);
      else if (strcmp (rule, "required-fields") == 0)
        check_required (problems, self, template);
      else if (strcmp (rule, "terms-present") == 0)
        {
          if (self->terms->len == 0)
            add_problem (problems, g_strdup ("terms"),
                         /* Translators: %s is the law */
                         g_strdup_printf (_("No terms yet: the agreement states what the parties agreed, how and by when (%s)"),
                                          law));
        }
      else if (strcmp (rule, "terms-performance") == 0)
        {
          for (guint i = 0; i < self->terms->len; i++)
            {
              const ConcordTerm *term = g_ptr_array_index (self->terms, i);

              if (term->kind == CONCORD_TERM_MONEY)
                check_money_term (problems, c, term, i + 1);
              else
                check_act_term (problems, c, term, i + 1);
            }
        }
      else if (strcmp (rule, "mediator") == 0)
        {
          gboolean known = team_has_role (c, CONCORD_TEAM_MEDIATOR);

          check_sourced (problems, self, template, "team.mediator", known, law, g_strdup ("team"),
                         g_strdup (_("No mediator is on the team: the mediator signs the agreement")));
        }
      else if (strcmp (rule, "committee") == 0)
        {
          check_sourced (problems, self, template, "station.committee",
                         !is_blank (source->committee_name), law,
                         g_strdup ("setting:station.committee"),
                         g_strdup (_("The committee’s name is not set (Preferences): its seal goes on the agreement")));
        }
      else if (strcmp (rule, "copies") == 0)
        {
          int needed = (int) n_case_parties (c) + template->extra_copies;

          if (self->copies < needed)
            {
              char *message;

              if (template->extra_copies > 0)
                message = g_strdup_printf (_("Too few copies: %d; at least %d are needed, one for each party and %d kept on file"),
                                           self->copies, needed, template->extra_copies);
              else
                message = g_strdup_printf (_("Too few copies: %d; at least %d are needed, one for each party"),
                                           self->copies, needed);
              add_problem (problems, g_strdup ("copies"), message);
            }
        }
      else if (strcmp (rule, "organ") == 0)
        {
          check_sourced (problems, self, template, "station.name", !is_blank (source->station_name), law,
                         g_strdup ("setting:station.name"),
                         g_strdup (_("The station’s name is not set (Preferences): the agreement names the police organ that mediates (police rules art. 184)")));
        }
      else if (strcmp (rule, "presiding-officer") == 0)
        {
          gboolean known = team_has_role (c, CONCORD_TEAM_OFFICER);

          if (!known)
            add_problem (problems, g_strdup ("team"),
                         g_strdup (_("No police officer is on the team: an officer presides over police mediation and signs the agreement (police rules art. 184)")));
          else
            check_sourced (problems, self, template, "team.officer", TRUE, law, NULL, NULL);
        }
      else if (strcmp (rule, "incident") == 0)
        {
          check_sourced (problems, self, template, "case.occurred-at", !is_blank (c->occurred_at), law,
                         g_strdup ("case:occurred-at"),
                         g_strdup (_("The time of the incident is not recorded in the case (police rules art. 184)")));
          check_sourced (problems, self, template, "case.place", !is_blank (c->place), law,
                         g_strdup ("case:place"),
                         g_strdup (_("The place of the incident is not recorded in the case (police rules art. 184)")));
        }
      else if (strcmp (rule, "police-screening") == 0)
        check_police_screening (problems, c);
      else
        g_warning ("Unknown check rule “%s” in template %s", rule, template->id);
    }
  return problems;
}

/* Targets in words */

static gboolean
parse_party_target (const char *target,
                    gint64     *id)
{
  gint64 value;
  char *end = NULL;

  if (!g_str_has_prefix (target, "party:"))
    return FALSE;
  value = g_ascii_strtoll (target + strlen ("party:"), &end, 10);
  if (end == target + strlen ("party:") || *end != '\0')
    return FALSE;
  *id = value;
  return TRUE;
}

char *
concord_agreement_target_label (const ConcordAgreement *self,
                                const ConcordTemplate  *template,
                                const char             *target)
{
  gint64 party_id;

  g_return_val_if_fail (target != NULL, NULL);

  if (g_str_has_prefix (target, "field:"))
    {
      const char *key = target + strlen ("field:");
      const ConcordTemplateField *field = template != NULL ? concord_template_find_field (template, key) : NULL;

      return g_strdup (field != NULL ? field->label : key);
    }
  if (g_str_has_prefix (target, "term:"))
    {
      const char *id = target + strlen ("term:");

      for (guint i = 0; self != NULL && i < self->terms->len; i++)
        {
          const ConcordTerm *term = g_ptr_array_index (self->terms, i);
          const char *who, *whom;

          if (g_strcmp0 (term->id, id) != 0)
            continue;
          who = snapshot_name (self, term->party_id);
          whom = snapshot_name (self, term->counterparty_id);
          if (term->kind == CONCORD_TERM_MONEY)
            /* Translators: “Term 2: money, Wu → Zhang”: who pays whom */
            return g_strdup_printf (_("Term %u: money, %s → %s"), i + 1, who != NULL ? who : "?",
                                    whom != NULL ? whom : "?");
          /* Translators: “Term 3: act, Wu”: a term where a party does something */
          return g_strdup_printf (_("Term %u: act, %s"), i + 1, who != NULL ? who : "?");
        }
      /* Translators: a term that is no longer in the agreement; %s is its id (“t3”) */
      return g_strdup_printf (_("Term “%s”"), id);
    }
  if (strcmp (target, "terms") == 0)
    return g_strdup (_("Terms"));
  if (strcmp (target, "copies") == 0)
    return g_strdup (_("Copies"));
  if (strcmp (target, "team") == 0)
    return g_strdup (_("Team"));
  if (strcmp (target, "template") == 0)
    return g_strdup (_("Template"));
  if (g_str_has_prefix (target, "setting:"))
    return g_strdup (_("Station settings"));
  if (parse_party_target (target, &party_id))
    {
      for (guint i = 0; self != NULL && i < self->parties->len; i++)
        {
          const ConcordAgreementParty *party = g_ptr_array_index (self->parties, i);

          if (party->party_id == party_id && party->name != NULL)
            return g_strdup (party->name);
        }
      return g_strdup (_("A party"));
    }
  if (strcmp (target, "case:place") == 0)
    return g_strdup (_("Place of the incident"));
  if (strcmp (target, "case:occurred-at") == 0)
    return g_strdup (_("Time of the incident"));
  if (strcmp (target, "case:facts") == 0)
    return g_strdup (_("Facts of the case"));
  if (strcmp (target, "case:police-screening") == 0)
    return g_strdup (_("Police mediation checklist"));
  if (strcmp (target, "case:parties") == 0)
    return g_strdup (_("Parties"));
  if (g_str_has_prefix (target, "case:"))
    return g_strdup (_("Case details"));
  return g_strdup (target);
}

/* Differences between versions */

static void
add_change (GPtrArray              *changes,
            const ConcordAgreement *labelled_by,
            const ConcordTemplate  *template,
            const char             *target,
            const char             *old_text,
            const char             *new_text)
{
  ConcordAgreementChange *change;

  if (g_strcmp0 (old_text, new_text) == 0)
    return;
  change = g_new0 (ConcordAgreementChange, 1);
  change->target = g_strdup (target);
  change->label = concord_agreement_target_label (labelled_by, template, target);
  change->kind = old_text == NULL ? CONCORD_CHANGE_ADDED
                 : new_text == NULL ? CONCORD_CHANGE_REMOVED : CONCORD_CHANGE_CHANGED;
  change->old_text = g_strdup (old_text);
  change->new_text = g_strdup (new_text);
  g_ptr_array_add (changes, change);
}

static int
term_index (const ConcordAgreement *self,
            const char             *id)
{
  for (guint i = 0; id != NULL && i < self->terms->len; i++)
    if (g_strcmp0 (((const ConcordTerm *) g_ptr_array_index (self->terms, i))->id, id) == 0)
      return (int) i;
  return -1;
}

static char *
party_snapshot_text (const ConcordAgreementParty *party)
{
  if (party->role != NULL)
    return g_strdup_printf ("%s：%s", party->role, party->particulars != NULL ? party->particulars : "");
  return g_strdup (party->particulars != NULL ? party->particulars : "");
}

static const ConcordAgreementParty *
snapshot_party (const ConcordAgreement *self,
                gint64                  party_id)
{
  for (guint i = 0; i < self->parties->len; i++)
    {
      const ConcordAgreementParty *party = g_ptr_array_index (self->parties, i);

      if (party->party_id == party_id)
        return party;
    }
  return NULL;
}

static char *
terms_list_text (const ConcordAgreement *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->terms->len; i++)
    {
      g_autofree char *text = concord_agreement_term_text (self, g_ptr_array_index (self->terms, i));

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%u. %s", i + 1, text);
    }
  return g_string_free (out, FALSE);
}

static void
diff_terms (GPtrArray              *changes,
            const ConcordAgreement *before,
            const ConcordAgreement *after,
            const ConcordTemplate  *template)
{
  g_autofree gboolean *reported = g_new0 (gboolean, before->terms->len + 1);
  int last_kept = -1;
  gboolean reordered = FALSE;

  for (guint j = 0; j < after->terms->len; j++)
    {
      const ConcordTerm *term = g_ptr_array_index (after->terms, j);
      g_autofree char *target = g_strdup_printf ("term:%s", term->id != NULL ? term->id : "");
      g_autofree char *new_text = concord_agreement_term_text (after, term);
      int k = term_index (before, term->id);

      if (k < 0)
        {
          add_change (changes, after, template, target, NULL, new_text);
          continue;
        }
      /* The terms removed before this one, where they stood. */
      for (int i = 0; i < k; i++)
        if (!reported[i] && term_index (after, ((const ConcordTerm *) g_ptr_array_index (before->terms, i))->id) < 0)
          {
            const ConcordTerm *gone = g_ptr_array_index (before->terms, i);
            g_autofree char *gone_target = g_strdup_printf ("term:%s", gone->id != NULL ? gone->id : "");
            g_autofree char *old_text = concord_agreement_term_text (before, gone);

            add_change (changes, before, template, gone_target, old_text, NULL);
            reported[i] = TRUE;
          }
      reported[k] = TRUE;
      if (k < last_kept)
        reordered = TRUE;
      last_kept = k;
      {
        g_autofree char *old_text = concord_agreement_term_text (before, g_ptr_array_index (before->terms, k));

        add_change (changes, after, template, target, old_text, new_text);
      }
    }
  for (guint i = 0; i < before->terms->len; i++)
    if (!reported[i])
      {
        const ConcordTerm *gone = g_ptr_array_index (before->terms, i);
        g_autofree char *gone_target = g_strdup_printf ("term:%s", gone->id != NULL ? gone->id : "");
        g_autofree char *old_text = concord_agreement_term_text (before, gone);

        add_change (changes, before, template, gone_target, old_text, NULL);
      }
  if (reordered)
    {
      g_autofree char *old_list = terms_list_text (before);
      g_autofree char *new_list = terms_list_text (after);

      add_change (changes, after, template, "terms", old_list, new_list);
    }
}

static char *
template_display_name (const char *id)
{
  g_autoptr(ConcordTemplate) template = NULL;

  if (id == NULL)
    return NULL;
  template = concord_template_find (id);
  if (template != NULL && template->name != NULL)
    return g_strdup (template->name);
  return g_strdup (id);
}

GPtrArray *
concord_agreement_diff (const ConcordAgreement *before,
                        const ConcordAgreement *after,
                        const ConcordTemplate  *template)
{
  GPtrArray *changes;
  g_autoptr(GHashTable) done = NULL;
  g_autoptr(GPtrArray) others = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (before != NULL, NULL);
  g_return_val_if_fail (after != NULL, NULL);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_agreement_change_free);
  done = g_hash_table_new (g_str_hash, g_str_equal);

  /* Fields: the template's order, then any others by key. */
  for (guint i = 0; template != NULL && i < template->sections->len; i++)
    {
      const ConcordTemplateSection *section = g_ptr_array_index (template->sections, i);

      for (guint j = 0; j < section->fields->len; j++)
        {
          const ConcordTemplateField *field = g_ptr_array_index (section->fields, j);
          g_autofree char *target = g_strdup_printf ("field:%s", field->key);

          g_hash_table_add (done, field->key);
          add_change (changes, after, template, target, concord_agreement_get_field (before, field->key),
                      concord_agreement_get_field (after, field->key));
        }
    }
  others = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, before->fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (done, key))
      {
        g_hash_table_add (done, key);
        g_ptr_array_add (others, key);
      }
  g_hash_table_iter_init (&iter, after->fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (done, key))
      {
        g_hash_table_add (done, key);
        g_ptr_array_add (others, key);
      }
  g_ptr_array_sort (others, compare_strings);
  for (guint i = 0; i < others->len; i++)
    {
      const char *field_key = g_ptr_array_index (others, i);
      g_autofree char *target = g_strdup_printf ("field:%s", field_key);

      add_change (changes, after, template, target, concord_agreement_get_field (before, field_key),
                  concord_agreement_get_field (after, field_key));
    }

  diff_terms (changes, before, after, template);

  if (before->copies != after->copies)
    {
      g_autofree char *old_copies = g_strdup_printf ("%d", before->copies);
      g_autofree char *new_copies = g_strdup_printf ("%d", after->copies);

      add_change (changes, after, template, "copies", old_copies, new_copies);
    }

  /* Parties: in the order of @after, then those no longer there. */
  for (guint i = 0; i < after->parties->len; i++)
    {
      const ConcordAgreementParty *party = g_ptr_array_index (after->parties, i);
      const ConcordAgreementParty *old = snapshot_party (before, party->party_id);
      g_autofree char *target = g_strdup_printf ("party:%" G_GINT64_FORMAT, party->party_id);
      g_autofree char *new_text = party_snapshot_text (party);
      g_autofree char *old_text = old != NULL ? party_snapshot_text (old) : NULL;

      add_change (changes, after, template, target, old_text, new_text);
    }
  for (guint i = 0; i < before->parties->len; i++)
    {
      const ConcordAgreementParty *party = g_ptr_array_index (before->parties, i);

      if (snapshot_party (after, party->party_id) == NULL)
        {
          g_autofree char *target = g_strdup_printf ("party:%" G_GINT64_FORMAT, party->party_id);
          g_autofree char *old_text = party_snapshot_text (party);

          add_change (changes, before, template, target, old_text, NULL);
        }
    }

  if (g_strcmp0 (before->template_id, after->template_id) != 0)
    {
      g_autofree char *old_name = template_display_name (before->template_id);
      g_autofree char *new_name = template_display_name (after->template_id);

      add_change (changes, after, template, "template", old_name, new_name);
    }
  return changes;
}

/* Character differences: Myers' O(ND) algorithm, in linear space by
 * bisection (as diff-match-patch does), over Unicode characters. */

typedef struct
{
  ConcordDiffOp   op;
  const gunichar *start;
  glong           len;
} Piece;

static void
add_piece (GArray         *pieces,
           ConcordDiffOp   op,
           const gunichar *start,
           glong           len)
{
  Piece piece = { op, start, len };

  if (len > 0)
    g_array_append_val (pieces, piece);
}

static void diff_chars (const gunichar *a, glong n, const gunichar *b, glong m, GArray *pieces);

static void
diff_bisect (const gunichar *a,
             glong           n,
             const gunichar *b,
             glong           m,
             GArray         *pieces)
{
  glong max_d = (n + m + 1) / 2;
  glong v_offset = max_d;
  glong v_length = 2 * max_d + 2;
  g_autofree glong *v1 = g_new (glong, v_length);
  g_autofree glong *v2 = g_new (glong, v_length);
  glong delta = n - m;
  gboolean front = (delta % 2 != 0);
  glong k1start = 0, k1end = 0, k2start = 0, k2end = 0;

  for (glong i = 0; i < v_length; i++)
    v1[i] = v2[i] = -1;
  v1[v_offset + 1] = 0;
  v2[v_offset + 1] = 0;

  for (glong d = 0; d < max_d; d++)
    {
      for (glong k1 = -d + k1start; k1 <= d - k1end; k1 += 2)
        {
          glong k1_offset = v_offset + k1;
          glong x1, y1;

          if (k1 == -d || (k1 != d && v1[k1_offset - 1] < v1[k1_offset + 1]))
            x1 = v1[k1_offset + 1];
          else
            x1 = v1[k1_offset - 1] + 1;
          y1 = x1 - k1;
          while (x1 < n && y1 < m && a[x1] == b[y1])
            {
              x1++;
              y1++;
            }
          v1[k1_offset] = x1;
          if (x1 > n)
            k1end += 2;
          else if (y1 > m)
            k1start += 2;
          else if (front)
            {
              glong k2_offset = v_offset + delta - k1;

              if (k2_offset >= 0 && k2_offset < v_length && v2[k2_offset] != -1)
                {
                  glong x2 = n - v2[k2_offset];

                  if (x1 >= x2)
                    {
                      diff_chars (a, x1, b, y1, pieces);
                      diff_chars (a + x1, n - x1, b + y1, m - y1, pieces);
                      return;
                    }
                }
            }
        }
      for (glong k2 = -d + k2start; k2 <= d - k2end; k2 += 2)
        {
          glong k2_offset = v_offset + k2;
          glong x2, y2;

          if (k2 == -d || (k2 != d && v2[k2_offset - 1] < v2[k2_offset + 1]))
            x2 = v2[k2_offset + 1];
          else
            x2 = v2[k2_offset - 1] + 1;
          y2 = x2 - k2;
          while (x2 < n && y2 < m && a[n - x2 - 1] == b[m - y2 - 1])
            {
              x2++;
              y2++;
            }
          v2[k2_offset] = x2;
          if (x2 > n)
            k2end += 2;
          else if (y2 > m)
            k2start += 2;
          else if (!front)
            {
              glong k1_offset = v_offset + delta - k2;

              if (k1_offset >= 0 && k1_offset < v_length && v1[k1_offset] != -1)
                {
                  glong x1 = v1[k1_offset];
                  glong y1 = v_offset + x1 - k1_offset;

                  if (x1 >= n - x2)
                    {
                      diff_chars (a, x1, b, y1, pieces);
                      diff_chars (a + x1, n - x1, b + y1, m - y1, pieces);
                      return;
                    }
                }
            }
        }
    }
  /* Nothing in common. */
  add_piece (pieces, CONCORD_DIFF_DELETED, a, n);
  add_piece (pieces, CONCORD_DIFF_INSERTED, b, m);
}

static void
diff_chars (const gunichar *a,
            glong           n,
            const gunichar *b,
            glong           m,
            GArray         *pieces)
{
  glong prefix = 0, suffix = 0;

  while (prefix < n && prefix < m && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix && a[n - suffix - 1] == b[m - suffix - 1])
    suffix++;

  add_piece (pieces, CONCORD_DIFF_SAME, a, prefix);
  a += prefix;
  b += prefix;
  n -= prefix + suffix;
  m -= prefix + suffix;
  if (n == 0)
    add_piece (pieces, CONCORD_DIFF_INSERTED, b, m);
  else if (m == 0)
    add_piece (pieces, CONCORD_DIFF_DELETED, a, n);
  else
    diff_bisect (a, n, b, m, pieces);
  add_piece (pieces, CONCORD_DIFF_SAME, a + n, suffix);
}

static void
add_segment (GPtrArray     *segments,
             ConcordDiffOp  op,
             GString       *text)
{
  ConcordDiffSegment *segment;

  if (text->len == 0)
    return;
  segment = g_new0 (ConcordDiffSegment, 1);
  segment->op = op;
  segment->text = g_strndup (text->str, text->len);
  g_ptr_array_add (segments, segment);
  g_string_truncate (text, 0);
}

static void
append_chars (GString        *out,
              const gunichar *chars,
              glong           len)
{
  for (glong i = 0; i < len; i++)
    g_string_append_unichar (out, chars[i]);
}

/* Where a lone deletion or insertion could equally sit a few characters
 * to the left or right ("黄[某某、记录员梁]某某" / "黄某某[、记录员梁某某]"),
 * it is moved to where it begins or ends at punctuation or at an end of
 * the text, which is how a reader sees the change. */
static gboolean
diff_boundary (gunichar c)
{
  return g_unichar_ispunct (c) || g_unichar_isspace (c);
}

static int
diff_score (const GString *prev,
            const gunichar *edit,
            glong           edit_len,
            const gunichar *next,
            glong           next_len)
{
  int score = 0;
  const char *end;

  if (prev->len == 0)
    score += 2;
  else
    {
      end = g_utf8_find_prev_char (prev->str, prev->str + prev->len);
      if (end != NULL && diff_boundary (g_utf8_get_char (end)))
        score += 2;
    }
  if (edit_len > 0 && diff_boundary (edit[0]))
    score += 2;
  if (next_len == 0 || diff_boundary (next[0]))
    score += 1;
  if (edit_len > 0 && diff_boundary (edit[edit_len - 1]))
    score += 1;
  return score;
}

static void
diff_align (GPtrArray *segments)
{
  for (guint i = 1; i + 1 < segments->len; i++)
    {
      ConcordDiffSegment *before = g_ptr_array_index (segments, i - 1);
      ConcordDiffSegment *change = g_ptr_array_index (segments, i);
      ConcordDiffSegment *after = g_ptr_array_index (segments, i + 1);
      g_autofree gunichar *p = NULL, *e = NULL, *x = NULL;
      glong np, ne, nx, best_shift = 0;
      int best;
      g_autoptr(GString) prev = NULL;

      if (before->op != CONCORD_DIFF_SAME || after->op != CONCORD_DIFF_SAME || change->op == CONCORD_DIFF_SAME)
        continue;
      p = g_utf8_to_ucs4_fast (before->text, -1, &np);
      e = g_utf8_to_ucs4_fast (change->text, -1, &ne);
      x = g_utf8_to_ucs4_fast (after->text, -1, &nx);

      /* As far left as it can go. */
      while (np > 0 && ne > 0 && p[np - 1] == e[ne - 1])
        {
          gunichar c = e[ne - 1];

          memmove (e + 1, e, (gsize) (ne - 1) * sizeof (gunichar));
          e[0] = c;
          x = g_renew (gunichar, x, nx + 1);
          memmove (x + 1, x, (gsize) nx * sizeof (gunichar));
          x[0] = c;
          nx++;
          np--;
        }

      /* Then each place to the right, keeping the best. */
      prev = g_string_new (NULL);
      for (glong k = 0; k < np; k++)
        g_string_append_unichar (prev, p[k]);
      best = diff_score (prev, e, ne, x, nx);
      for (glong shift = 1;
           shift <= nx && (shift - 1 < ne ? e[shift - 1] : x[shift - 1 - ne]) == x[shift - 1];
           shift++)
        {
          g_autoptr(GString) moved = g_string_new (prev->str);
          g_autofree gunichar *edit = g_new (gunichar, ne);
          int score;

          for (glong k = 0; k < shift; k++)
            g_string_append_unichar (moved, x[k]);
          for (glong k = 0; k < ne; k++)
            edit[k] = k + shift < ne ? e[k + shift] : x[k + shift - ne];
          score = diff_score (moved, edit, ne, x + shift, nx - shift);
          if (score > best)
            {
              best = score;
              best_shift = shift;
            }
        }

      /* Write the three pieces back. */
      {
        g_autoptr(GString) new_before = g_string_new (prev->str);
        g_autoptr(GString) new_change = g_string_new (NULL);
        g_autoptr(GString) new_after = g_string_new (NULL);

        for (glong k = 0; k < best_shift; k++)
          g_string_append_unichar (new_before, x[k]);
        for (glong k = 0; k < ne; k++)
          g_string_append_unichar (new_change, k + best_shift < ne ? e[k + best_shift] : x[k + best_shift - ne]);
        for (glong k = best_shift; k < nx; k++)
          g_string_append_unichar (new_after, x[k]);
        g_free (before->text);
        before->text = g_string_free (g_steal_pointer (&new_before), FALSE);
        g_free (change->text);
        change->text = g_string_free (g_steal_pointer (&new_change), FALSE);
        g_free (after->text);
        after->text = g_string_free (g_steal_pointer (&new_after), FALSE);
      }
    }

  /* Stretches left empty go; neighbours of one kind become one. */
  for (guint i = segments->len; i > 0; i--)
    if (*((ConcordDiffSegment *) g_ptr_array_index (segments, i - 1))->text == '\0')
      g_ptr_array_remove_index (segments, i - 1);
  for (guint i = segments->len; i > 1; i--)
    {
      ConcordDiffSegment *first = g_ptr_array_index (segments, i - 2);
      ConcordDiffSegment *second = g_ptr_array_index (segments, i - 1);

      if (first->op == second->op)
        {
          char *joined = g_strconcat (first->text, second->text, NULL);

          g_free (first->text);
          first->text = joined;
          g_ptr_array_remove_index (segments, i - 1);
        }
    }
}

GPtrArray *
concord_text_diff (const char *before,
                   const char *after)
{
  g_autofree gunichar *a = NULL;
  g_autofree gunichar *b = NULL;
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autoptr(GString) same = g_string_new (NULL);
  g_autoptr(GString) deleted = g_string_new (NULL);
  g_autoptr(GString) inserted = g_string_new (NULL);
  GPtrArray *segments;
  glong n = 0, m = 0;

  if (before == NULL)
    before = "";
  if (after == NULL)
    after = "";
  g_return_val_if_fail (g_utf8_validate (before, -1, NULL), NULL);
  g_return_val_if_fail (g_utf8_validate (after, -1, NULL), NULL);

  a = g_utf8_to_ucs4_fast (before, -1, &n);
  b = g_utf8_to_ucs4_fast (after, -1, &m);
  diff_chars (a, n, b, m, pieces);

  /* Coalesce: each run of changes between two unchanged stretches shows
   * what was deleted, then what was inserted. */
  segments = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_diff_segment_free);
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);

      if (piece->op == CONCORD_DIFF_SAME)
        {
          add_segment (segments, CONCORD_DIFF_DELETED, deleted);
          add_segment (segments, CONCORD_DIFF_INSERTED, inserted);
          append_chars (same, piece->start, piece->len);
        }
      else
        {
          add_segment (segments, CONCORD_DIFF_SAME, same);
          append_chars (piece->op == CONCORD_DIFF_DELETED ? deleted : inserted, piece->start, piece->len);
        }
    }
  add_segment (segments, CONCORD_DIFF_SAME, same);
  add_segment (segments, CONCORD_DIFF_DELETED, deleted);
  add_segment (segments, CONCORD_DIFF_INSERTED, inserted);
  diff_align (segments);
  return segments;
}
