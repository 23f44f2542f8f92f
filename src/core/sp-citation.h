/* sp-citation.h: where in a document a passage is — the enclosing turn
 * (speaker, timestamp), the nearest heading before it, the source page
 * and the paragraph number — from the document's segments, read once per
 * document. Briefs cite their quotes with it, the compare view its
 * passage cards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-project.h"

G_BEGIN_DECLS

/* Where a passage comes from, as precisely as the document's structure
 * allows. Unknown parts are NULL, -1 (timestamp) or 0. */
typedef struct
{
  char   *document_title;
  char   *speaker;
  gint64  timestamp_ms;
  char   *heading;
  int     page;
  int     paragraph;
} SpCitation;

void  sp_citation_clear            (SpCitation       *citation);
/* "Title, Speaker, 12:34, “Heading”, p. 3, ¶ 12" (translated). */
char *sp_citation_format           (const SpCitation *citation);
/* The same without the title: "Speaker, 12:34, ¶ 12"; "" when nothing
 * is known. */
char *sp_citation_format_location  (const SpCitation *citation);
/* "1:02:03", or "12:34" under an hour; "" for a negative (unknown) time. */
char *sp_citation_format_timestamp (gint64            timestamp_ms);

typedef enum
{
  SP_CITATION_INDEX_DEFAULT  = 0,
  /* Also the heading text, which reads the document's text: briefs want
   * it, passage cards do not. */
  SP_CITATION_INDEX_HEADINGS = 1 << 0,
} SpCitationIndexFlags;

typedef struct _SpCitationIndex SpCitationIndex;

/* Reads the segments of document @document_id (titled @document_title)
 * once. */
SpCitationIndex *sp_citation_index_new  (SpProject             *project,
                                         gint64                 document_id,
                                         const char            *document_title,
                                         SpCitationIndexFlags   flags,
                                         GError               **error);
void             sp_citation_index_free (SpCitationIndex       *index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCitationIndex, sp_citation_index_free)

/* Fills @citation for the passage starting at @offset (code points); the
 * caller clears it with sp_citation_clear(). */
void             sp_citation_index_cite (SpCitationIndex       *index,
                                         gint64                 offset,
                                         SpCitation            *citation);

/* Where in its document each SpAnnotationInfo of @annotations is, as
 * sp_citation_format_location() says it (headings left out), in order: an
 * array of strings. Reads each document's segments once. */
GPtrArray       *sp_project_cite_annotations (SpProject        *project,
                                         GPtrArray             *annotations,
                                         GError               **error);

G_END_DECLS
