/* sp-search.h: full-text search over document text and annotations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-project.h"
#include "sp-types.h"

G_BEGIN_DECLS

typedef enum
{
  SP_SEARCH_HIT_TEXT,        /* a paragraph, heading, footnote … of a document */
  SP_SEARCH_HIT_ANNOTATION,  /* an annotation's quote or memo */
} SpSearchHitKind;

typedef enum
{
  SP_SEARCH_ORDER_RANK,      /* best match first (bm25) */
  SP_SEARCH_ORDER_READING,   /* documents in order, then by position */
} SpSearchOrder;

/* Zero / SP_STANCE_NONE fields mean "any". Theme and stance only annotations
 * have, so either one leaves text hits out; a stakeholder matches text
 * through the speaker of the turn it is in. */
typedef struct
{
  gint64         document_id;
  gint64         theme_id;
  gint64         stakeholder_id;
  SpStance       stance;
  SpSearchOrder  order;
} SpSearchFilter;

typedef struct
{
  guint start;  /* code points into the hit's snippet, end exclusive */
  guint end;
} SpSearchHighlight;

typedef struct
{
  SpSearchHitKind  kind;
  gint64           id;             /* segment id or annotation id */
  gint64           document_id;
  char            *document_title;
  gint64           start;          /* code points of the segment or annotation */
  gint64           end;
  gint64           stakeholder_id; /* the turn's speaker or the annotation's; 0 if none */
  char            *stakeholder;
  char            *snippet;        /* the match in context, "…" where cut */
  GArray          *highlights;     /* of SpSearchHighlight: the matched words */
  double           rank;           /* bm25: lower is better */
} SpSearchHit;

void        sp_search_hit_free     (SpSearchHit          *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSearchHit, sp_search_hit_free)

/* Turns what a person typed into an FTS5 query: words (a trailing * finds
 * words that start so), "phrases", AND, OR, NOT and parentheses. Words
 * with punctuation ("like-minded", "U.S.", "5G") are taken as they are.
 * A query FTS5 could not run gives SP_ERROR_INVALID_ARGUMENT saying what is
 * wrong with it. */
char       *sp_search_query_to_fts (const char           *query,
                                    GError              **error);

/* When one side (text or annotations) matches more rows than this and a
 * @limit is given, its hits come from the first SP_SEARCH_RANKED_MAX
 * matches that pass the filter, in the order they were imported or made,
 * ranked or put in reading order among themselves: scoring every match of
 * a word that is everywhere costs more than the search. Filters on a
 * theme, stakeholder or document are applied before that cut, so a
 * filtered search with no more passing matches than this is exact. */
#define SP_SEARCH_RANKED_MAX 5000

/* Up to @limit hits (0: all) for @query, as SpSearchHit. */
GPtrArray  *sp_project_search      (SpProject            *self,
                                    const char           *query,
                                    const SpSearchFilter *filter,
                                    guint                 limit,
                                    GError              **error);

G_END_DECLS
