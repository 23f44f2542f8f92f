/* sp-brief-citation.c: a brief's citations, found by the core's citation
 * index (sp-citation.h), which the compare view's passage cards share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-brief-citation.h"
#include "sp-citation.h"

struct _SpBriefCitationIndex
{
  SpCitationIndex *index;
};

SpBriefCitationIndex *
sp_brief_citation_index_new (SpProject             *project,
                             const SpDocumentInfo  *document,
                             GError               **error)
{
  g_autoptr(SpBriefCitationIndex) index = g_new0 (SpBriefCitationIndex, 1);

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  index->index = sp_citation_index_new (project, document->id, document->title,
                                        SP_CITATION_INDEX_HEADINGS, error);
  if (index->index == NULL)
    return NULL;
  return g_steal_pointer (&index);
}

void
sp_brief_citation_index_free (SpBriefCitationIndex *index)
{
  if (index == NULL)
    return;
  g_clear_pointer (&index->index, sp_citation_index_free);
  g_free (index);
}

void
sp_brief_citation_index_cite (SpBriefCitationIndex *index,
                              gint64                offset,
                              SpBriefCitation      *citation)
{
  SpCitation found = { 0 };

  g_return_if_fail (index != NULL);
  g_return_if_fail (citation != NULL);

  sp_citation_index_cite (index->index, offset, &found);
  /* The brief's citation has the same fields; the strings move over */
  citation->document_title = g_steal_pointer (&found.document_title);
  citation->speaker = g_steal_pointer (&found.speaker);
  citation->timestamp_ms = found.timestamp_ms;
  citation->heading = g_steal_pointer (&found.heading);
  citation->page = found.page;
  citation->paragraph = found.paragraph;
}

void
sp_brief_citation_clear (SpBriefCitation *citation)
{
  g_clear_pointer (&citation->document_title, g_free);
  g_clear_pointer (&citation->speaker, g_free);
  g_clear_pointer (&citation->heading, g_free);
}

char *
sp_brief_citation_format (const SpBriefCitation *citation)
{
  const SpCitation view = {
    citation->document_title,
    citation->speaker,
    citation->timestamp_ms,
    citation->heading,
    citation->page,
    citation->paragraph,
  };

  return sp_citation_format (&view);
}
