/* sp-brief.h: an annotated brief — what a colleague is handed: for each
 * theme in scope, its description and position statement, who takes which
 * stance on it, and the quotes behind that, each with its citation, memo
 * and paraphrase links; then the codebook and the sources.
 *
 * sp_brief_new() gathers everything from the project once; the writers
 * (Markdown, HTML, PDF and print) only read the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-annotations.h"
#include "sp-citation.h"
#include "sp-project.h"

G_BEGIN_DECLS

/* What goes into a brief. Empty id arrays and a stance mask of 0 mean
 * "all"; @title NULL or "" takes the project's title. */
typedef struct
{
  GArray   *theme_ids;        /* of gint64 */
  GArray   *stakeholder_ids;  /* of gint64 */
  GArray   *document_ids;     /* of gint64 */
  guint     stances;          /* bits 1 << SpStance */
  char     *title;
  gboolean  include_memos;
  gboolean  include_codebook;
} SpBriefScope;

SpBriefScope *sp_brief_scope_new  (void);
SpBriefScope *sp_brief_scope_copy (const SpBriefScope *scope);
void          sp_brief_scope_free (SpBriefScope       *scope);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBriefScope, sp_brief_scope_free)

/* The other end of a link, seen from a quote. */
typedef struct
{
  char            *label;     /* "Paraphrases", "Paraphrased by", … */
  char            *quote;
  SpCitation       citation;
} SpBriefLink;

typedef struct
{
  gint64           annotation_id;
  char            *quote;
  char            *memo;      /* "" if none or memos are left out */
  SpStance         stance;
  SpCitation       citation;
  GPtrArray       *links;     /* of SpBriefLink */
} SpBriefQuote;

typedef struct
{
  gint64     stakeholder_id;  /* 0: passages attributed to no one */
  char      *name;
  SpStance   stance;          /* the stance most of the passages take */
  GPtrArray *quotes;          /* of SpBriefQuote, in reading order; shared */
} SpBriefStakeholder;

typedef struct
{
  SpThemeInfo *theme;
  GPtrArray   *stakeholders;  /* of SpBriefStakeholder, most passages first */
} SpBriefTheme;

typedef struct
{
  char      *title;
  char      *date;            /* the day it was made, for people */
  GPtrArray *scope_lines;     /* of char *: "Themes: …", "Stances: …" */
  GPtrArray *themes;          /* of SpBriefTheme */
  GPtrArray *codebook;        /* of SpThemeInfo; empty if left out */
  GPtrArray *sources;         /* of SpDocumentInfo, in scope */
  guint      n_quotes;        /* passages in scope, each counted once */

  /*< private >*/
  GPtrArray *quotes;          /* owns the quotes the themes share */
  GPtrArray *sources_out_of_scope;
} SpBrief;

SpBrief    *sp_brief_new          (SpProject           *project,
                                   const SpBriefScope  *scope,
                                   GError             **error);
void        sp_brief_free         (SpBrief             *brief);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBrief, sp_brief_free)

/* "#rrggbb", readable on white. */
const char *sp_brief_stance_color (SpStance            stance);
/* @color if it is "#rrggbb", else a neutral grey: safe to put in CSS. */
const char *sp_brief_safe_color   (const char          *color);
/* @text, wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE when it
 * holds bidi embeddings, overrides or isolates of its own, so one it
 * never closes (a right-to-left override in a theme's name) cannot turn
 * the rest of the line around. Other text comes back as it is. */
char       *sp_brief_isolate_bidi (const char          *text);

G_END_DECLS
