/* sp-citation.c: citations from a document's structure.
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

#include "sp-annotations.h"
#include "sp-citation.h"

typedef struct
{
  gint64  start;
  gint64  end;
  int     number;
  gint64  timestamp_ms;
  char   *text;         /* heading text or turn speaker; owned */
} Span;

struct _SpCitationIndex
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

SpCitationIndex *
sp_citation_index_new (SpProject             *project,
                       gint64                 document_id,
                       const char            *document_title,
                       SpCitationIndexFlags   flags,
                       GError               **error)
{
  g_autoptr(SpCitationIndex) index = g_new0 (SpCitationIndex, 1);
  g_autoptr(GPtrArray) segments = NULL;
  g_autofree char *text = NULL;
  const char *cursor = NULL;
  gint64 cursor_offset = 0;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  index->document_title = g_strdup (document_title);
  index->turns = span_array_new ();
  index->headings = span_array_new ();
  index->pages = span_array_new ();
  index->paragraphs = span_array_new ();

  segments = sp_project_list_segments (project, document_id, error);
  if (segments == NULL)
    return NULL;
  if ((flags & SP_CITATION_INDEX_HEADINGS) != 0)
    {
      text = sp_project_get_document_text (project, document_id, error);
      if (text == NULL)
        return NULL;
      cursor = text;
    }

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
          if (text == NULL)
            break;
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
sp_citation_index_free (SpCitationIndex *index)
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
sp_citation_index_cite (SpCitationIndex *index,
                        gint64           offset,
                        SpCitation      *citation)
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
sp_citation_clear (SpCitation *citation)
{
  g_clear_pointer (&citation->document_title, g_free);
  g_clear_pointer (&citation->speaker, g_free);
  g_clear_pointer (&citation->heading, g_free);
}

char *
sp_citation_format_timestamp (gint64 timestamp_ms)
{
  gint64 seconds = timestamp_ms / 1000;

  if (timestamp_ms < 0)
    return g_strdup ("");
  if (seconds >= 3600)
    return g_strdup_printf ("%lld:%02d:%02d", (long long) (seconds / 3600),
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

char *
sp_citation_format_location (const SpCitation *citation)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (citation->speaker != NULL)
    g_ptr_array_add (parts, g_strdup (citation->speaker));
  if (citation->timestamp_ms >= 0)
    g_ptr_array_add (parts, sp_citation_format_timestamp (citation->timestamp_ms));
  if (citation->heading != NULL)
    /* TRANSLATORS: the section heading a quote is under, in a citation */
    g_ptr_array_add (parts, g_strdup_printf (_("“%s”"), citation->heading));
  if (citation->page > 0)
    /* TRANSLATORS: a page of the source, in a citation */
    g_ptr_array_add (parts, g_strdup_printf (_("p. %d"), citation->page));
  if (citation->paragraph > 0)
    /* TRANSLATORS: a paragraph number, in a citation */
    g_ptr_array_add (parts, g_strdup_printf (_("¶ %d"), citation->paragraph));
  g_ptr_array_add (parts, NULL);

  /* TRANSLATORS: the separator between the parts of a citation */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

char *
sp_citation_format (const SpCitation *citation)
{
  g_autofree char *location = sp_citation_format_location (citation);

  if (location[0] == '\0')
    return g_strdup (citation->document_title);
  /* TRANSLATORS: a citation: a document's title, then where in it, as in
   * "Webinar, Thomas Li, 12:38, ¶ 26" */
  return g_strdup_printf (_("%s, %s"), citation->document_title, location);
}

GPtrArray *
sp_project_cite_annotations (SpProject  *project,
                             GPtrArray  *annotations,
                             GError    **error)
{
  g_autoptr(GHashTable) indexes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) sp_citation_index_free);
  g_autoptr(GPtrArray) citations = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (annotations != NULL, NULL);

  for (guint i = 0; i < annotations->len; i++)
    {
      const SpAnnotationInfo *annotation = g_ptr_array_index (annotations, i);
      SpCitationIndex *index = g_hash_table_lookup (indexes, &annotation->document_id);
      SpCitation citation = { 0 };

      if (index == NULL)
        {
          index = sp_citation_index_new (project, annotation->document_id, annotation->document_title,
                                         SP_CITATION_INDEX_DEFAULT, error);
          if (index == NULL)
            return NULL;
          g_hash_table_insert (indexes, g_memdup2 (&annotation->document_id, sizeof (gint64)), index);
        }
      sp_citation_index_cite (index, annotation->start, &citation);
      g_ptr_array_add (citations, sp_citation_format_location (&citation));
      sp_citation_clear (&citation);
    }
  return g_steal_pointer (&citations);
}
