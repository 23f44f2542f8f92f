/* sp-document-content.c: the normalised document importers produce.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-document-content.h"
#include "sp-error.h"
#include "sp-text-index.h"

static void
segment_clear (gpointer data)
{
  SpSegment *segment = data;

  g_clear_pointer (&segment->speaker, g_free);
  g_clear_pointer (&segment->href, g_free);
}

SpDocumentContent *
sp_document_content_new (SpDocumentKind kind)
{
  SpDocumentContent *self = g_new0 (SpDocumentContent, 1);

  self->kind = kind;
  self->text = g_string_new (NULL);
  self->segments = g_array_new (FALSE, TRUE, sizeof (SpSegment));
  g_array_set_clear_func (self->segments, segment_clear);
  self->warnings = g_ptr_array_new_with_free_func (g_free);

  return self;
}

void
sp_document_content_free (SpDocumentContent *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_string_free (self->text, TRUE);
  g_array_unref (self->segments);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}

void
sp_document_content_set_title (SpDocumentContent *self,
                               const char        *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  self->title = g_strdup (title);
}

guint
sp_document_content_append (SpDocumentContent *self,
                            const char        *text,
                            gssize             len)
{
  guint start;

  g_return_val_if_fail (self != NULL, 0);

  start = self->n_chars;
  if (text == NULL)
    return start;
  if (len < 0)
    len = strlen (text);

  g_string_append_len (self->text, text, len);
  self->n_chars += sp_utf8_count_chars (text, (gsize) len);

  return start;
}

guint
sp_document_content_append_c (SpDocumentContent *self,
                              gunichar           c)
{
  char buf[6];
  int len = g_unichar_to_utf8 (c, buf);

  return sp_document_content_append (self, buf, len);
}

int
sp_document_content_add_segment (SpDocumentContent *self,
                                 SpSegmentKind      kind,
                                 guint              start,
                                 guint              end)
{
  SpSegment segment = { 0 };

  g_return_val_if_fail (self != NULL, -1);

  segment.kind = kind;
  segment.start = start;
  segment.end = end;
  segment.timestamp_ms = -1;
  segment.target = -1;
  g_array_append_val (self->segments, segment);

  return (int) self->segments->len - 1;
}

SpSegment *
sp_document_content_get_segment (SpDocumentContent *self,
                                 int                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index >= 0 && (guint) index < self->segments->len, NULL);

  return &g_array_index (self->segments, SpSegment, index);
}

guint
sp_document_content_get_n_segments (SpDocumentContent *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->segments->len;
}

void
sp_document_content_add_warning (SpDocumentContent *self,
                                 const char        *format,
                                 ...)
{
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

typedef struct
{
  SpSegment segment;
  int       old_index;
} SortEntry;

static int
sort_entry_compare (gconstpointer a,
                    gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;

  if (ea->segment.start != eb->segment.start)
    return ea->segment.start < eb->segment.start ? -1 : 1;
  /* Enclosing ranges first, so a turn precedes its speaker label. */
  if (ea->segment.end != eb->segment.end)
    return ea->segment.end > eb->segment.end ? -1 : 1;
  if (ea->segment.kind != eb->segment.kind)
    return ea->segment.kind < eb->segment.kind ? -1 : 1;
  return ea->old_index - eb->old_index;
}

void
sp_document_content_sort (SpDocumentContent *self)
{
  g_autofree SortEntry *entries = NULL;
  g_autofree int *new_index = NULL;
  guint n;

  g_return_if_fail (self != NULL);

  n = self->segments->len;
  if (n == 0)
    return;

  entries = g_new (SortEntry, n);
  new_index = g_new (int, n);
  for (guint i = 0; i < n; i++)
    {
      entries[i].segment = g_array_index (self->segments, SpSegment, i);
      entries[i].old_index = (int) i;
    }

  qsort (entries, n, sizeof (SortEntry), sort_entry_compare);

  for (guint i = 0; i < n; i++)
    new_index[entries[i].old_index] = (int) i;

  /* The strings move with the structs; clear the old array without freeing them. */
  g_array_set_clear_func (self->segments, NULL);
  g_array_set_size (self->segments, 0);
  for (guint i = 0; i < n; i++)
    {
      SpSegment *segment = &entries[i].segment;

      if (segment->target >= 0 && (guint) segment->target < n)
        segment->target = new_index[segment->target];
      g_array_append_val (self->segments, *segment);
    }
  g_array_set_clear_func (self->segments, segment_clear);
}

gboolean
sp_document_content_validate (SpDocumentContent  *self,
                              GError            **error)
{
  const char *end = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (memchr (self->text->str, '\0', self->text->len) != NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_DOCUMENT,
                   "The normalised text contains a NUL character");
      return FALSE;
    }

  if (!g_utf8_validate (self->text->str, self->text->len, &end))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_DOCUMENT,
                   "The normalised text is not valid UTF-8 at byte %" G_GSIZE_FORMAT,
                   (gsize) (end - self->text->str));
      return FALSE;
    }

  if (sp_utf8_count_chars (self->text->str, self->text->len) != self->n_chars)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_DOCUMENT,
                   "The character count of the normalised text is wrong");
      return FALSE;
    }

  for (guint i = 0; i < self->segments->len; i++)
    {
      const SpSegment *segment = &g_array_index (self->segments, SpSegment, i);

      if (segment->kind > SP_SEGMENT_KIND_LAST ||
          segment->start > segment->end ||
          segment->end > self->n_chars)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID_DOCUMENT,
                       "Segment %u (%s) has an invalid range %u–%u in a text of %u characters",
                       i, sp_segment_kind_to_string (MIN (segment->kind, SP_SEGMENT_KIND_LAST)),
                       segment->start, segment->end, self->n_chars);
          return FALSE;
        }

      if (segment->target >= (int) self->segments->len || segment->target < -1)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID_DOCUMENT,
                       "Segment %u points to segment %d, which does not exist",
                       i, segment->target);
          return FALSE;
        }
    }

  return TRUE;
}
