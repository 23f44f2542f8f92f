/* test-import-util.c: helpers shared by the importer tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-import-util.h"

char *
sp_test_read_corpus (const char *name,
                     gsize      *len)
{
  const char *dir = g_getenv ("SP_TEST_CORPUS");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  g_file_get_contents (path, &data, len, &error);
  g_assert_no_error (error);

  return data;
}

char *
sp_test_read_data (const char *name,
                   gsize      *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, len, &error);
  g_assert_no_error (error);

  return data;
}

SpDocumentContent *
sp_test_import (const char     *data,
                gssize          len,
                const char     *filename,
                SpImportFormat  format)
{
  g_autoptr(GError) error = NULL;
  SpDocumentContent *content;

  if (len < 0)
    len = strlen (data);

  content = sp_import_bytes (data, len, filename, format, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (content);
  sp_test_assert_document (content);

  return content;
}

SpDocumentContent *
sp_test_import_corpus (const char *name)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  data = sp_test_read_corpus (name, &len);
  return sp_test_import (data, len, name, SP_IMPORT_FORMAT_AUTO);
}

static const SpSegment *
segment_at (SpDocumentContent *content,
            int                index)
{
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (index, <, (int) content->segments->len);
  return &g_array_index (content->segments, SpSegment, index);
}

void
sp_test_assert_document (SpDocumentContent *content)
{
  g_autoptr(GError) error = NULL;
  const char *text = content->text->str;
  gsize len = content->text->len;
  int paragraph = 0;

  sp_document_content_validate (content, &error);
  g_assert_no_error (error);

  if (len > 0)
    {
      g_assert_false (g_ascii_isspace (text[0]));
      g_assert_false (g_ascii_isspace (text[len - 1]));
    }
  g_assert_null (strstr (text, "\n\n\n"));

  for (guint i = 0; i < content->segments->len; i++)
    {
      const SpSegment *segment = segment_at (content, i);

      if (i > 0)
        g_assert_cmpuint (segment_at (content, i - 1)->start, <=, segment->start);

      switch (segment->kind)
        {
        case SP_SEGMENT_PARAGRAPH:
        case SP_SEGMENT_LIST_ITEM:
          g_assert_cmpint (segment->number, ==, ++paragraph);
          g_assert_cmpuint (segment->end, >, segment->start);
          break;

        case SP_SEGMENT_FOOTNOTE_REF:
          {
            const SpSegment *footnote = segment_at (content, segment->target);

            g_assert_cmpint (footnote->kind, ==, SP_SEGMENT_FOOTNOTE);
            g_assert_cmpint (footnote->number, ==, segment->number);
          }
          break;

        case SP_SEGMENT_FOOTNOTE:
          g_assert_nonnull (sp_test_enclosing (content, SP_SEGMENT_NOTES, segment->start, segment->end));
          if (segment->target >= 0)
            {
              const SpSegment *ref = segment_at (content, segment->target);

              g_assert_cmpint (ref->kind, ==, SP_SEGMENT_FOOTNOTE_REF);
              g_assert_cmpint (ref->number, ==, segment->number);
              /* The footnote points at the first reference, which points back. */
              g_assert_true (segment_at (content, ref->target) == segment);
            }
          break;

        case SP_SEGMENT_HEADING:
          g_assert_cmpint (segment->level, >=, 1);
          g_assert_cmpint (segment->level, <=, 6);
          break;

        case SP_SEGMENT_EMPHASIS:
          g_assert_cmpint (segment->level, >=, 1);
          g_assert_cmpint (segment->level, <=, 3);
          g_assert_cmpuint (segment->end, >, segment->start);
          break;

        case SP_SEGMENT_LINK:
          g_assert_nonnull (segment->href);
          g_assert_cmpstr (segment->href, !=, "");
          break;

        case SP_SEGMENT_TURN:
        case SP_SEGMENT_SPEAKER:
          g_assert_nonnull (segment->speaker);
          break;

        default:
          g_assert_cmpint (segment->target, ==, -1);
          break;
        }
    }
}

char *
sp_test_segment_text (SpDocumentContent *content,
                      const SpSegment   *segment)
{
  const char *start = g_utf8_offset_to_pointer (content->text->str, segment->start);
  const char *end = g_utf8_offset_to_pointer (start, segment->end - segment->start);

  return g_strndup (start, end - start);
}

GPtrArray *
sp_test_segments (SpDocumentContent *content,
                  SpSegmentKind      kind)
{
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < content->segments->len; i++)
    {
      SpSegment *segment = &g_array_index (content->segments, SpSegment, i);

      if (segment->kind == kind)
        g_ptr_array_add (result, segment);
    }

  return result;
}

const SpSegment *
sp_test_find (SpDocumentContent *content,
              SpSegmentKind      kind,
              const char        *prefix)
{
  for (guint i = 0; i < content->segments->len; i++)
    {
      const SpSegment *segment = segment_at (content, i);
      g_autofree char *text = NULL;

      if (segment->kind != kind)
        continue;
      text = sp_test_segment_text (content, segment);
      if (g_str_has_prefix (text, prefix))
        return segment;
    }

  return NULL;
}

const SpSegment *
sp_test_find_containing (SpDocumentContent *content,
                         SpSegmentKind      kind,
                         const char        *needle)
{
  for (guint i = 0; i < content->segments->len; i++)
    {
      const SpSegment *segment = segment_at (content, i);
      g_autofree char *text = NULL;

      if (segment->kind != kind)
        continue;
      text = sp_test_segment_text (content, segment);
      if (strstr (text, needle) != NULL)
        return segment;
    }

  return NULL;
}

const SpSegment *
sp_test_enclosing (SpDocumentContent *content,
                   SpSegmentKind      kind,
                   guint              start,
                   guint              end)
{
  const SpSegment *best = NULL;

  for (guint i = 0; i < content->segments->len; i++)
    {
      const SpSegment *segment = segment_at (content, i);

      if (segment->kind == kind && segment->start <= start && segment->end >= end &&
          (best == NULL || segment->end - segment->start < best->end - best->start))
        best = segment;
    }

  return best;
}

int
sp_test_offset_of (SpDocumentContent *content,
                   const char        *needle)
{
  const char *found = strstr (content->text->str, needle);

  if (found == NULL)
    return -1;
  return (int) g_utf8_pointer_to_offset (content->text->str, found);
}

int
sp_test_index_of (SpDocumentContent *content,
                  const SpSegment   *segment)
{
  return (int) (segment - &g_array_index (content->segments, SpSegment, 0));
}

gboolean
sp_test_under_valgrind (void)
{
  const char *preload = g_getenv ("LD_PRELOAD");

  return preload != NULL && strstr (preload, "vgpreload") != NULL;
}
