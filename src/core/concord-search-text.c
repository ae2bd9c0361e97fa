/* concord-search-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-search-text"

#include "config.h"

#include "concord-search-text.h"

/* Shortest suffix of a letter/digit run that is indexed on its own. */
#define MIN_SUFFIX 3
/* Longer runs (unlikely to be searched by their middle) get no suffixes. */
#define MAX_SUFFIXED_RUN 32

typedef enum
{
  CHAR_SEPARATOR,
  CHAR_IDEOGRAPH,
  CHAR_ALNUM,
} CharClass;

static CharClass
classify (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      if (g_unichar_isalnum (c))
        return CHAR_IDEOGRAPH;
      break;
    default:
      break;
    }
  if (g_unichar_isalnum (c))
    return CHAR_ALNUM;
  return CHAR_SEPARATOR;
}

static void
append_token (GString    *out,
              const char *token,
              gssize      len)
{
  if (out->len > 0 && out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
  g_string_append_len (out, token, len);
}

/* Calls @emit for each token of @text: ideographs one by one, letter and
 * digit runs whole (lower-cased). @joined tells whether the token follows
 * the previous one with no separator in between. */
typedef void (*EmitFunc) (const char *token, gboolean is_run, gboolean joined, gpointer data);

static void
tokenize (const char *text,
          EmitFunc    emit,
          gpointer    data)
{
  g_autofree char *norm = NULL;
  g_autoptr(GString) run = g_string_new (NULL);
  gboolean joined = FALSE;

  norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (norm == NULL)
    return;   /* not valid UTF-8: nothing to index */

  for (const char *p = norm; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      CharClass klass = classify (c);

      if (klass == CHAR_ALNUM)
        {
          g_string_append_unichar (run, g_unichar_tolower (c));
          continue;
        }

      if (run->len > 0)
        {
          emit (run->str, TRUE, joined, data);
          g_string_truncate (run, 0);
          joined = TRUE;
        }

      if (klass == CHAR_IDEOGRAPH)
        {
          char buf[8];
          int n = g_unichar_to_utf8 (c, buf);

          buf[n] = '\0';
          emit (buf, FALSE, joined, data);
          joined = TRUE;
        }
      else
        joined = FALSE;
    }

  if (run->len > 0)
    emit (run->str, TRUE, joined, data);
}

typedef struct
{
  GString *tokens;
  GString *suffixes;
} IndexState;

static void
index_emit (const char *token,
            gboolean    is_run,
            gboolean    joined,
            gpointer    data)
{
  IndexState *state = data;
  glong n_chars;

  append_token (state->tokens, token, -1);
  if (!is_run)
    return;

  /* Suffixes go after the field's tokens, so they never break a phrase. */
  n_chars = g_utf8_strlen (token, -1);
  if (n_chars <= MIN_SUFFIX || n_chars > MAX_SUFFIXED_RUN)
    return;
  for (const char *p = g_utf8_next_char (token); g_utf8_strlen (p, -1) >= MIN_SUFFIX; p = g_utf8_next_char (p))
    append_token (state->suffixes, p, -1);
}

char *
concord_search_text_stamp (void)
{
  return g_strdup_printf ("text-%d glib-%u.%u", CONCORD_SEARCH_TEXT_VERSION,
                          glib_major_version, glib_minor_version);
}

void
concord_search_text_append (GString    *out,
                            const char *text)
{
  IndexState state;

  g_return_if_fail (out != NULL);

  if (text == NULL || *text == '\0')
    return;

  state.tokens = out;
  state.suffixes = g_string_new (NULL);
  tokenize (text, index_emit, &state);
  if (state.suffixes->len > 0)
    append_token (out, state.suffixes->str, state.suffixes->len);
  g_string_free (state.suffixes, TRUE);
}

typedef struct
{
  GString  *expr;
  GString  *phrase;
  gboolean  last_is_run;
} QueryState;

static void
flush_phrase (QueryState *state)
{
  if (state->phrase->len == 0)
    return;

  if (state->expr->len > 0)
    g_string_append (state->expr, " AND ");
  g_string_append_c (state->expr, '"');
  g_string_append (state->expr, state->phrase->str);
  g_string_append_c (state->expr, '"');
  /* A letter/digit run may be the start of a longer one ("138" of a phone
   * number), or of one of its indexed suffixes. */
  if (state->last_is_run)
    g_string_append (state->expr, " *");
  g_string_truncate (state->phrase, 0);
}

static void
query_emit (const char *token,
            gboolean    is_run,
            gboolean    joined,
            gpointer    data)
{
  QueryState *state = data;

  if (!joined)
    flush_phrase (state);
  if (state->phrase->len > 0)
    g_string_append_c (state->phrase, ' ');
  /* Tokens hold only letters, digits and ideographs: no quote to escape. */
  g_string_append (state->phrase, token);
  state->last_is_run = is_run;
}

char *
concord_search_text_query (const char *user_text)
{
  QueryState state = { 0 };

  if (user_text == NULL)
    return NULL;

  state.expr = g_string_new (NULL);
  state.phrase = g_string_new (NULL);
  tokenize (user_text, query_emit, &state);
  flush_phrase (&state);
  g_string_free (state.phrase, TRUE);

  if (state.expr->len == 0)
    {
      g_string_free (state.expr, TRUE);
      return NULL;
    }
  return g_string_free (state.expr, FALSE);
}
