/* concord-intake-form.h — what the intake form shows, computed from plain
 * values
 *
 * No GTK here: the dialog builds a draft ConcordCase from its widgets,
 * asks concord_intake_form_compute() what to show, and applies the answer
 * to the widgets. The tests call the same function without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "concord-core.h"

G_BEGIN_DECLS

/* An offer to fill a person's birth date and gender from their valid
 * mainland resident ID number. */
typedef struct
{
  char          *prefix;        /* "party/0" or "party/0/agent" */
  char           birth_date[11];/* YYYY-MM-DD */
  ConcordGender  gender;
  gboolean       fill_birth_date; /* the birth date is empty or different */
  gboolean       fill_gender;     /* the gender is not given or different */
  char          *question;      /* "Fill in birth date 1999-03-07 and gender male from the ID number?" */
  char          *button_label;  /* "Fill in from ID: 1999-03-07, male" */
} ConcordIdOffer;

typedef struct
{
  /* Field path (as concord_case_validate() names them: "facts",
   * "occurred_at", "party/0/name", "party/1/agent/phone", "team/2/phone")
   * → message; one message per field, the first found. */
  GHashTable *messages;
  /* The same field paths in the order they were found (parties in order,
   * then the team), for focusing the first invalid field. */
  GPtrArray  *fields;
  /* Conflict-of-interest warnings (char *), from
   * concord_case_find_conflicts(); they never block saving. */
  GPtrArray  *conflicts;
  /* ConcordIdOffer *, one per person whose ID could fill more. */
  GPtrArray  *offers;
  /* A party with a name and the facts are there: Save can be pressed.
   * Problems in other fields are shown when it is pressed. */
  gboolean    can_save;
  /* What is still needed before Save can be pressed, or NULL. */
  char       *missing;
} ConcordIntakeFormState;

/* Computes what the form shows for @draft, the case as built from the
 * widgets (best passed through concord_intake_form_normalize() first, so
 * that "1999/3/7" is checked as 1999-03-07). @occurred_at_text is the time
 * as typed in local time ("2026-11-23 14:30"; NULL or blank for none): it
 * is checked with concord_validate_local_datetime() in @tz (NULL: local),
 * so the message can say what is wrong with the text; draft->occurred_at
 * is checked by concord_case_validate() as usual. */
ConcordIntakeFormState *concord_intake_form_compute (const ConcordCase *draft,
                                                     const char        *occurred_at_text,
                                                     GTimeZone         *tz);
void                    concord_intake_form_state_free (ConcordIntakeFormState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordIntakeFormState, concord_intake_form_state_free)

/* The message for @field, or NULL. */
const char             *concord_intake_form_state_get_message (const ConcordIntakeFormState *state,
                                                               const char                   *field);
/* The offer for the person at @prefix ("party/0", "party/0/agent"), or NULL. */
const ConcordIdOffer   *concord_intake_form_state_get_offer (const ConcordIntakeFormState *state,
                                                             const char                   *prefix);

/* Adds a message for @field unless it has one already (for problems the
 * store reports on save). */
void                    concord_intake_form_state_add_message (ConcordIntakeFormState *state,
                                                               const char             *field,
                                                               const char             *message);

/* Turns the text-as-typed values of @draft into the stored forms: birth
 * dates "YYYY-MM-DD", phones normalised, ID numbers upper-case, the time
 * from @occurred_at_text as UTC. Values that do not parse are left as they
 * are (the store refuses them). */
void                    concord_intake_form_normalize (ConcordCase *draft,
                                                       const char  *occurred_at_text,
                                                       GTimeZone   *tz);

/* Splits a field path into its parts: "party/1/agent/phone" gives
 * @group "party", @index 1, @rest "agent/phone"; "facts" gives @group
 * "facts", @index -1, @rest NULL. Returns FALSE for an empty path. */
gboolean                concord_intake_form_split_field (const char  *field,
                                                         char       **group,
                                                         int         *index,
                                                         char       **rest);

G_END_DECLS
