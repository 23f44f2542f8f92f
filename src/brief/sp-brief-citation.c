/* sp-brief-citation.c: citations from a document's structure.
 *
 * Segments come sorted by start, and the kinds looked up here (turns,
 * pages, paragraphs, headings) never overlap their own kind, so the one
 * enclosing an offset is the last one starting at or before it: a binary
 * search per kind keeps a brief of thousands of quotes fast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-brief-citation.h"

typedef struct
{
  gint64  start;
  gint64  end;
  int     number;
  gint64  timestamp_ms;
  char   *text;         /* heading text or turn speaker; owned */
} Span;

struct _SpBriefCitationIndex
{
  char   *document_title;
  GArray *turns;        /* of Span */
  GArray *headings;
  GArray *pages;
  GArray *paragraphs;
};

static void
span_clear (gpointer data)
{
  Span *span = data;

  g_free (span->text);
}

static GArray *
span_array_new (void)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (Span));

  g_array_set_clear_func (spans, span_clear);
  return spans;
}

/* The last span starting at or before @offset, or NULL. */
static const Span *
find_span (GArray *spans,
           gint64  offset)
{
  guint low = 0, high = spans->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (spans, Span, mid).start <= offset)
        low = mid + 1;
      else
        high = mid;
    }

  return low == 0 ? NULL : &g_array_index (spans, Span, low - 1);
}

static const Span *
find_enclosing (GArray *spans,
                gint64  offset)
{
  const Span *span = find_span (spans, offset);

  return span != NULL && offset < span->end ? span : NULL;
}

/* Heading text, one line, from code point offsets. The cursor walks
 * forward only: headings come in document order. */
static char *
heading_text (const char  *text,
              const char **cursor,
              gint64      *cursor_offset,
              gint64       start,
              gint64       end)
{
  const char *from, *to;
  g_autofree char *raw = NULL;
  g_auto(GStrv) words = NULL;

  *cursor = g_utf8_offset_to_pointer (*cursor, start - *cursor_offset);
  *cursor_offset = start;
  from = *cursor;
  to = g_utf8_offset_to_pointer (from, end - start);
  raw = g_strndup (from, to - from);
  words = g_strsplit_set (g_strstrip (raw), "\n\t", -1);
  return g_strjoinv (" ", words);
}

SpBriefCitationIndex *
sp_brief_citation_index_new (SpProject             *project,
                             const SpDocumentInfo  *document,
                             GError               **error)
{
  g_autoptr(SpBriefCitationIndex) index = g_new0 (SpBriefCitationIndex, 1);
  g_autoptr(GPtrArray) segments = NULL;
  g_autofree char *text = NULL;
  const char *cursor;
  gint64 cursor_offset = 0;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  index->document_title = g_strdup (document->title);
  index->turns = span_array_new ();
  index->headings = span_array_new ();
  index->pages = span_array_new ();
  index->paragraphs = span_array_new ();

  segments = sp_project_list_segments (project, document->id, error);
  if (segments == NULL)
    return NULL;
  text = sp_project_get_document_text (project, document->id, error);
  if (text == NULL)
    return NULL;
  cursor = text;

  for (guint i = 0; i < segments->len; i++)
    {
      const SpSegmentInfo *segment = g_ptr_array_index (segments, i);
      Span span = { segment->start, segment->end, segment->number, segment->timestamp_ms, NULL };

      switch (segment->kind)
        {
        case SP_SEGMENT_TURN:
          span.text = g_strdup (segment->stakeholder);
          g_array_append_val (index->turns, span);
          break;
        case SP_SEGMENT_HEADING:
          span.text = heading_text (text, &cursor, &cursor_offset, segment->start, segment->end);
          g_array_append_val (index->headings, span);
          break;
        case SP_SEGMENT_PAGE:
          g_array_append_val (index->pages, span);
          break;
        case SP_SEGMENT_PARAGRAPH:
        case SP_SEGMENT_LIST_ITEM:
          g_array_append_val (index->paragraphs, span);
          break;
        default:
          break;
        }
    }

  return g_steal_pointer (&index);
}

void
sp_brief_citation_index_free (SpBriefCitationIndex *index)
{
  if (index == NULL)
    return;
  g_free (index->document_title);
  g_array_unref (index->turns);
  g_array_unref (index->headings);
  g_array_unref (index->pages);
  g_array_unref (index->paragraphs);
  g_free (index);
}

void
sp_brief_citation_index_cite (SpBriefCitationIndex *index,
                              gint64                offset,
                              SpBriefCitation      *citation)
{
  const Span *turn, *heading, *page, *paragraph;

  g_return_if_fail (index != NULL);
  g_return_if_fail (citation != NULL);

  turn = find_enclosing (index->turns, offset);
  heading = find_span (index->headings, offset);
  page = find_enclosing (index->pages, offset);
  paragraph = find_enclosing (index->paragraphs, offset);

  citation->document_title = g_strdup (index->document_title);
  citation->speaker = turn != NULL ? g_strdup (turn->text) : NULL;
  citation->timestamp_ms = turn != NULL ? turn->timestamp_ms : -1;
  /* A transcript's only heading is often its title: no need to say it twice. */
  citation->heading = heading != NULL && heading->text[0] != '\0' &&
                      g_strcmp0 (heading->text, index->document_title) != 0 ? g_strdup (heading->text) : NULL;
  citation->page = page != NULL ? page->number : 0;
  citation->paragraph = paragraph != NULL ? paragraph->number : 0;
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
  GString *out = g_string_new (citation->document_title);

  if (citation->speaker != NULL)
    g_string_append_printf (out, ", %s", citation->speaker);
  if (citation->timestamp_ms >= 0)
    {
      gint64 seconds = citation->timestamp_ms / 1000;

      if (seconds >= 3600)
        g_string_append_printf (out, ", %lld:%02d:%02d", (long long) (seconds / 3600),
                                (int) (seconds / 60 % 60), (int) (seconds % 60));
      else
        g_string_append_printf (out, ", %02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
    }
  if (citation->heading != NULL)
    /* TRANSLATORS: the section heading a quote is under, in a citation */
    g_string_append_printf (out, _(", “%s”"), citation->heading);
  if (citation->page > 0)
    /* TRANSLATORS: a page of the source, in a citation */
    g_string_append_printf (out, _(", p. %d"), citation->page);
  if (citation->paragraph > 0)
    /* TRANSLATORS: a paragraph number, in a citation */
    g_string_append_printf (out, _(", ¶ %d"), citation->paragraph);

  return g_string_free (out, FALSE);
}
