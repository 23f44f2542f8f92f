/* sp-brief-citation.h: finding where in a document a passage is — the
 * enclosing turn (speaker, timestamp), the nearest heading before it, the
 * source page and the paragraph number — from the document's segments,
 * through the core's citation index (sp-citation.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-brief.h"

G_BEGIN_DECLS

typedef struct _SpBriefCitationIndex SpBriefCitationIndex;

/* Reads @document's segments (and the text of its headings) once. */
SpBriefCitationIndex *sp_brief_citation_index_new  (SpProject              *project,
                                                    const SpDocumentInfo   *document,
                                                    GError                **error);
void                  sp_brief_citation_index_free (SpBriefCitationIndex   *index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBriefCitationIndex, sp_brief_citation_index_free)

/* Fills @citation for the passage starting at @offset (code points); the
 * caller clears it with sp_brief_citation_clear(). */
void                  sp_brief_citation_index_cite (SpBriefCitationIndex   *index,
                                                    gint64                  offset,
                                                    SpBriefCitation        *citation);

void                  sp_brief_citation_clear      (SpBriefCitation        *citation);

G_END_DECLS
