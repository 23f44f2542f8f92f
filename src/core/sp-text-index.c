/* sp-text-index.c
 *
 * Keeps the byte offset of every 64th code point: an eighth of a byte per
 * character of memory, and at most 63 steps of g_utf8_next_char per lookup,
 * where a full table would cost 8 bytes per character.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-text-index.h"

#define STRIDE 64

struct _SpTextIndex
{
  const char *text;
  gsize       len;
  gsize       n_chars;
  GArray     *marks;  /* of gsize: byte offset of code point i * STRIDE */
};

SpTextIndex *
sp_text_index_new (const char *text,
                   gsize       len)
{
  SpTextIndex *self = g_new0 (SpTextIndex, 1);
  const char *p = text;
  const char *end = text + len;
  gsize n = 0;

  self->text = text;
  self->len = len;
  self->marks = g_array_sized_new (FALSE, FALSE, sizeof (gsize), len / STRIDE + 1);

  /* A code point starts at every byte that is not a continuation byte
   * (10xxxxxx); counting those is much cheaper than decoding. */
  for (; p < end; p++)
    {
      if (((guchar) *p & 0xC0) == 0x80)
        continue;
      if (n % STRIDE == 0)
        {
          gsize offset = (gsize) (p - text);
          g_array_append_val (self->marks, offset);
        }
      n++;
    }

  self->n_chars = n;
  return self;
}

void
sp_text_index_free (SpTextIndex *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->marks);
  g_free (self);
}

gsize
sp_text_index_get_n_chars (SpTextIndex *self)
{
  return self->n_chars;
}

gsize
sp_text_index_byte_offset (SpTextIndex *self,
                           gsize        offset)
{
  const char *p;

  if (offset >= self->n_chars)
    return self->len;

  p = self->text + g_array_index (self->marks, gsize, offset / STRIDE);
  for (gsize i = offset % STRIDE; i > 0; i--)
    p = g_utf8_next_char (p);

  return (gsize) (p - self->text);
}

gsize
sp_utf8_count_chars (const char *text,
                     gsize       len)
{
  const guchar *p = (const guchar *) text;
  gsize continuation = 0;

  /* Valid UTF-8 only: every byte that is not a continuation byte starts a
   * character. The compiler vectorises this loop; g_utf8_strlen() cannot. */
  for (gsize i = 0; i < len; i++)
    continuation += (p[i] & 0xC0) == 0x80;

  return len - continuation;
}

char *
sp_text_index_substring (SpTextIndex *self,
                         gsize        start,
                         gsize        end)
{
  gsize from, to;

  if (end < start)
    end = start;

  from = sp_text_index_byte_offset (self, start);
  to = sp_text_index_byte_offset (self, end);

  return g_strndup (self->text + from, to - from);
}
