/* concord-template.h — agreement templates, as data
 *
 * A template is a JSON file: the shipped ones are resources
 * (resources/templates/NAME.json, in the core GResource under
 * /io/github/concord/Concord/core/templates/), a station's own ones are files in
 * $CONCORD_TEMPLATE_DIR or else <user data dir>/concord/templates/. A file
 * there with the id of a shipped template replaces it. The layout is
 * documented in resources/templates/README.md.
 *
 * Document words (title, headings, standard clauses) are Chinese: the
 * agreement is a Chinese document whatever the interface language. Labels
 * and hints shown in the interface are given per language in the file
 * ({"en": "Main facts", "zh_CN": "纠纷主要事实", "zh_TW": "糾紛主要事實"})
 * and picked by g_get_language_names(); "en" is the fallback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "concord-types.h"

G_BEGIN_DECLS

typedef enum
{
  CONCORD_FIELD_TEXT,    /* paragraphs (facts, course of events…) */
  CONCORD_FIELD_LINE,    /* one line (place, time…) */
  CONCORD_FIELD_CLAUSE,  /* a standard clause: starts as the template's
                          * text, can be edited */
  CONCORD_N_FIELD_KINDS
} ConcordFieldKind;

typedef struct
{
  char             *key;          /* "facts": the clause target "field:facts" */
  ConcordFieldKind  kind;
  char             *label;        /* interface language ("Main facts") */
  char             *heading;      /* document words printed before the text
                                   * ("纠纷的主要事实："), or NULL */
  char             *default_text; /* a clause's standard text, or NULL */
  char             *source;       /* what fills it in a new draft (see
                                   * concord_agreement_new_draft()), or NULL */
  char             *hint;         /* interface language, or NULL */
  gboolean          required;     /* the completeness check asks for it */
} ConcordTemplateField;

typedef enum
{
  CONCORD_SECTION_FIELDS,      /* the fields listed */
  CONCORD_SECTION_PARTIES,     /* each party's particulars */
  CONCORD_SECTION_TERMS,       /* the agreed terms (money and acts) */
  CONCORD_SECTION_SIGNATURES,  /* the signature block (issue 5 prints it) */
  CONCORD_N_SECTION_KINDS
} ConcordSectionKind;

typedef struct
{
  char               *id;
  ConcordSectionKind  kind;
  char               *heading;   /* document words ("纠纷事实及争议事项"), or NULL */
  char               *label;     /* interface language, for the editor */
  GPtrArray          *fields;    /* of ConcordTemplateField (FIELDS only; else empty) */
} ConcordTemplateSection;

typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  char      *id;               /* "people-mediation", "police-mediation",
                                * "lawyer-mediation", "settlement" */
  char      *name;             /* interface language ("People's mediation agreement") */
  char      *title;            /* document title ("人民调解协议书") */
  char      *basis;            /* interface language: the law the form follows
                                * ("People's Mediation Law, art. 28–29") */
  guint      mediation_types;  /* bit (1 << ConcordMediationType) for each type it serves */
  GPtrArray *sections;         /* of ConcordTemplateSection, in document order */
  GStrv      checks;           /* completeness rules (concord_agreement_check()) */
  GStrv      signers;          /* who signs, in order: "parties", "mediator",
                                * "presiding-officer", "committee-seal",
                                * "organ-seal" */
  int        extra_copies;     /* copies = number of parties + this (1: the
                                * committee's or the police file's copy) */
  gboolean   builtin;          /* shipped, not a station's own file */
  char      *origin;           /* resource path or file path, for messages */
} ConcordTemplate;

#define CONCORD_TYPE_TEMPLATE (concord_template_get_type ())
GType            concord_template_get_type (void) G_GNUC_CONST;
ConcordTemplate *concord_template_ref (ConcordTemplate *self);
void             concord_template_unref (ConcordTemplate *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordTemplate, concord_template_unref)

/* Parses one template file. A bad file gives CONCORD_ERROR_INVALID with a
 * message naming @origin and the member that is wrong ("police.json:
 * sections[2].fields[0]: “key” is missing"). Unknown check rules, section
 * kinds, field kinds or sources are errors too. */
ConcordTemplate *concord_template_parse (const char  *json,
                                         gssize       length,
                                         const char  *origin,
                                         GError     **error);

/* Every template, shipped and the station's own, sorted by id: a new array
 * of references. Loaded once per process (concord_template_reload() loads
 * again); a station file that does not parse is left out and listed by
 * concord_template_list_problems(). */
GPtrArray       *concord_template_list (void);
/* Messages about station template files that were left out (new array of
 * strings; empty when none). */
GPtrArray       *concord_template_list_problems (void);
/* The template @id (a new reference), or NULL. */
ConcordTemplate *concord_template_find (const char *id);
/* Forgets the loaded templates; the next call loads them again (tests,
 * after the station added a file). */
void             concord_template_reload (void);

/* The template a type of mediation starts with: people's → "people-mediation",
 * police → "police-mediation", lawyer → "lawyer-mediation",
 * settlement → "settlement". */
const char      *concord_template_default_id (ConcordMediationType type);

/* The field @key of @self, or NULL. */
const ConcordTemplateField *concord_template_find_field (const ConcordTemplate *self,
                                                         const char            *key);
/* TRUE when @self has a section of @kind. */
gboolean         concord_template_has_section (const ConcordTemplate *self,
                                               ConcordSectionKind     kind);

G_END_DECLS
