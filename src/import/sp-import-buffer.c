/* sp-import-buffer.c: the block buffer importers gather text into, and the
 * operations on its blocks (trimming, tidying lines, span lookup) that must
 * keep every span on the text it covers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sp-import-buffer.h"
#include "sp-import-util-private.h"

static void
span_clear (gpointer data)
{
  SpImportSpan *span = data;

  g_clear_pointer (&span->href, g_free);
}

void
sp_import_buffer_init (SpImportBuffer *self)
{
  self->text = g_string_new (NULL);
  self->spans = g_array_new (FALSE, TRUE, sizeof (SpImportSpan));
  g_array_set_clear_func (self->spans, span_clear);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (SpImportBlock));
}

void
sp_import_buffer_clear (SpImportBuffer *self)
{
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  self->text = NULL;
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->blocks, g_array_unref);
}

void
sp_import_buffer_reset (SpImportBuffer *self)
{
  g_string_truncate (self->text, 0);
  g_array_set_size (self->spans, 0);
  g_array_set_size (self->blocks, 0);
}

SpImportBlock *
sp_import_buffer_begin_block (SpImportBuffer    *self,
                              SpImportBlockKind  kind)
{
  SpImportBlock block = { 0 };

  block.kind = kind;
  block.start = self->text->len;
  block.span_first = self->spans->len;
  block.group = -1;
  g_array_append_val (self->blocks, block);

  return &g_array_index (self->blocks, SpImportBlock, self->blocks->len - 1);
}

SpImportBlock *
sp_import_buffer_last_block (SpImportBuffer *self)
{
  if (self->blocks->len == 0)
    return NULL;
  return &g_array_index (self->blocks, SpImportBlock, self->blocks->len - 1);
}

void
sp_import_buffer_end_block (SpImportBuffer *self)
{
  SpImportBlock *block = sp_import_buffer_last_block (self);

  g_assert (block != NULL);
  block->len = self->text->len - block->start;
  block->n_spans = self->spans->len - block->span_first;
}

void
sp_import_buffer_drop_last_block (SpImportBuffer *self)
{
  SpImportBlock *block = sp_import_buffer_last_block (self);

  if (block == NULL)
    return;
  g_string_truncate (self->text, block->start);
  g_array_set_size (self->spans, block->span_first);
  g_array_set_size (self->blocks, self->blocks->len - 1);
}

guint
sp_import_buffer_add_span (SpImportBuffer *self,
                           SpSegmentKind   kind,
                           gsize           start,
                           gsize           end,
                           int             level,
                           int             number,
                           const char     *href)
{
  SpImportBlock *block = sp_import_buffer_last_block (self);
  SpImportSpan span = { 0 };

  g_assert (block != NULL);

  span.kind = kind;
  span.start = start;
  span.end = end;
  span.level = level;
  span.number = number;
  span.href = g_strdup (href);
  g_array_append_val (self->spans, span);
  block->n_spans = self->spans->len - block->span_first;

  return self->spans->len - 1;
}

SpImportSpan *
sp_import_buffer_get_span (SpImportBuffer *self,
                           guint           index)
{
  g_assert (index < self->spans->len);
  return &g_array_index (self->spans, SpImportSpan, index);
}

static void
block_clamp_spans (SpImportBuffer *self,
                   SpImportBlock  *block)
{
  gsize end = block->start + block->len;

  for (guint i = 0; i < block->n_spans; i++)
    {
      SpImportSpan *span = sp_import_buffer_get_span (self, block->span_first + i);

      span->start = CLAMP (span->start, block->start, end);
      span->end = CLAMP (span->end, span->start, end);
    }
}

void
sp_import_block_trim (SpImportBuffer *self,
                      SpImportBlock  *block)
{
  const char *str = self->text->str;
  gsize start = block->start;
  gsize end = block->start + block->len;

  while (start < end && _sp_import_is_ascii_space (str[start]))
    start++;
  while (end > start && _sp_import_is_ascii_space (str[end - 1]))
    end--;

  block->start = start;
  block->len = end - start;
  block_clamp_spans (self, block);
}

void
sp_import_block_skip (SpImportBuffer *self,
                      SpImportBlock  *block,
                      gsize           n_bytes)
{
  n_bytes = MIN (n_bytes, block->len);
  block->start += n_bytes;
  block->len -= n_bytes;
  block_clamp_spans (self, block);
}

typedef struct
{
  gsize  offset;
  gsize *point;
} SpanPoint;

static int
span_point_compare (const void *a,
                    const void *b)
{
  const SpanPoint *pa = a;
  const SpanPoint *pb = b;

  if (pa->offset != pb->offset)
    return pa->offset < pb->offset ? -1 : 1;
  return 0;
}

/* Removes blank lines and trailing spaces inside a block, which <br>, an
 * emptied line or a stray space would leave: a blank line inside a block
 * would read as a block boundary. Spans move with their text. */
void
sp_import_block_tidy_lines (SpImportBuffer *self,
                            SpImportBlock  *block)
{
  char *str = self->text->str;
  gsize end = block->start + block->len;
  g_autoptr(GArray) removed = NULL;   /* Range, in old offsets */
  gsize r = block->start;
  gsize w = block->start;
  gsize total = 0;
  gsize last_newline = 0;     /* old offset of the last '\n' kept */

  /* Done in place, so only for the last block: later text would move. */
  g_assert (end == self->text->len);

  if (memchr (str + block->start, '\n', block->len) == NULL)
    return;

  removed = g_array_new (FALSE, FALSE, sizeof (gsize) * 2);

  while (r < end)
    {
      const char *nl = memchr (str + r, '\n', end - r);
      gsize line_end = nl != NULL ? (gsize) (nl - str) : end;
      gsize next = nl != NULL ? line_end + 1 : line_end;
      gsize content_end = line_end;
      gboolean blank = TRUE;

      for (gsize i = r; i < line_end; i++)
        if (!_sp_import_is_ascii_space (str[i]))
          {
            blank = FALSE;
            break;
          }

      if (blank)
        {
          gsize range[2] = { r, next };

          g_array_append_val (removed, range);
          total += next - r;
          r = next;
          continue;
        }

      while (content_end > r && str[content_end - 1] == ' ')
        content_end--;
      memmove (str + w, str + r, content_end - r);
      w += content_end - r;
      if (content_end < line_end)
        {
          gsize range[2] = { content_end, line_end };

          g_array_append_val (removed, range);
          total += line_end - content_end;
        }
      if (nl != NULL)
        {
          str[w++] = '\n';
          last_newline = line_end;
        }
      r = next;
    }

  /* A newline kept before lines that were all dropped ends the block. */
  if (w > block->start && str[w - 1] == '\n')
    {
      gsize range[2] = { last_newline, last_newline + 1 };
      guint at = removed->len;

      while (at > 0 && g_array_index (removed, gsize, 2 * (at - 1)) > last_newline)
        at--;
      g_array_insert_val (removed, at, range);
      total++;
      w--;
    }

  if (total == 0)
    return;

  /* Shift every span boundary by what was removed before it: one sorted
   * walk, so a long line with many spans and removals stays linear. */
  {
    g_autofree SpanPoint *points = g_new (SpanPoint, 2 * block->n_spans + 1);
    guint n = 0;
    guint k = 0;
    gsize shift = 0;

    for (guint i = 0; i < block->n_spans; i++)
      {
        SpImportSpan *span = sp_import_buffer_get_span (self, block->span_first + i);

        points[n].offset = span->start;
        points[n++].point = &span->start;
        points[n].offset = span->end;
        points[n++].point = &span->end;
      }
    qsort (points, n, sizeof (SpanPoint), span_point_compare);

    for (guint i = 0; i < n; i++)
      {
        gsize old = points[i].offset;
        gsize partial = 0;

        while (k < removed->len && g_array_index (removed, gsize, 2 * k + 1) <= old)
          {
            shift += g_array_index (removed, gsize, 2 * k + 1) - g_array_index (removed, gsize, 2 * k);
            k++;
          }
        if (k < removed->len && g_array_index (removed, gsize, 2 * k) < old)
          partial = old - g_array_index (removed, gsize, 2 * k);
        *points[i].point = old - shift - partial;
      }
  }

  block->len = w - block->start;
  g_string_truncate (self->text, w);
  block_clamp_spans (self, block);
}

SpImportSpan *
sp_import_block_span_at (SpImportBuffer *self,
                         SpImportBlock  *block,
                         SpSegmentKind   kind,
                         gsize           start)
{
  for (guint i = 0; i < block->n_spans; i++)
    {
      SpImportSpan *span = sp_import_buffer_get_span (self, block->span_first + i);

      if (span->kind == kind && span->start == start && span->end > span->start)
        return span;
    }

  return NULL;
}
