/* sp-import-writer.c: appends finished blocks to an SpDocumentContent and
 * applies the rules every importer shares: paragraph numbers, joining a
 * paragraph split by a page break, turns, pages and footnotes gathered into
 * Notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sp-import-writer.h"
#include "sp-import-inline.h"

typedef struct
{
  guint start;
  guint end;
  int   number;
} DeferredRef;

struct _SpImportWriter
{
  SpDocumentContent *content;
  int                n_paragraphs;
  int                join_segment;   /* PARAGRAPH the next paragraph may join */
  int                last_group;     /* list of the last item, -1 */
  gboolean           last_was_item;
  int                turn_segment;   /* the open TURN, -1 */
  int                page;           /* 0: no pages */
  gint64             page_start;     /* -1 until the page has body text */
  guint              page_end;
  GArray            *refs;           /* DeferredRef, in text order */
  SpImportBuffer     notes;          /* one block per footnote */
};

enum
{
  APPEND_EMPHASIS = 1 << 0,
  APPEND_LINKS    = 1 << 1,
  APPEND_REFS     = 1 << 2,
  APPEND_ALL      = APPEND_EMPHASIS | APPEND_LINKS | APPEND_REFS,
};

SpImportWriter *
sp_import_writer_new (SpDocumentKind kind)
{
  SpImportWriter *self = g_new0 (SpImportWriter, 1);

  self->content = sp_document_content_new (kind);
  self->join_segment = -1;
  self->last_group = -1;
  self->turn_segment = -1;
  self->page_start = -1;
  self->refs = g_array_new (FALSE, FALSE, sizeof (DeferredRef));
  sp_import_buffer_init (&self->notes);

  return self;
}

void
sp_import_writer_free (SpImportWriter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->content, sp_document_content_free);
  g_clear_pointer (&self->refs, g_array_unref);
  sp_import_buffer_clear (&self->notes);
  g_free (self);
}

SpDocumentContent *
sp_import_writer_get_content (SpImportWriter *self)
{
  return self->content;
}

static void
note_body (SpImportWriter *self,
           guint           start,
           guint           end)
{
  if (self->page <= 0 || end <= start)
    return;
  if (self->page_start < 0)
    self->page_start = start;
  self->page_end = end;
}

guint
sp_import_writer_begin_block (SpImportWriter *self)
{
  if (self->content->text->len > 0)
    sp_document_content_append (self->content, "\n\n", 2);
  self->last_was_item = FALSE;
  return self->content->n_chars;
}

guint
sp_import_writer_append (SpImportWriter *self,
                         const char     *text,
                         gssize          len)
{
  return sp_document_content_append (self->content, text, len);
}

void
sp_import_writer_end_block (SpImportWriter *self,
                            guint           start)
{
  note_body (self, start, self->content->n_chars);
  self->join_segment = -1;
  self->last_was_item = FALSE;
}

typedef struct
{
  gsize  byte;
  guint *out;
} Boundary;

/* Code points in @len bytes of valid UTF-8: count the bytes that do not
 * continue a character. Much faster than g_utf8_strlen() on long text. */
static guint
count_chars (const char *text,
             gsize       len)
{
  const guchar *p = (const guchar *) text;
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    n += (p[i] & 0xC0) != 0x80;

  return n;
}

static int
boundary_compare (const void *a,
                  const void *b)
{
  const Boundary *ba = a;
  const Boundary *bb = b;

  if (ba->byte != bb->byte)
    return ba->byte < bb->byte ? -1 : 1;
  return 0;
}

/* Appends the block's text and its spans, converted from bytes to code
 * points with one sorted walk (not one strlen per span: a 1 MB line with
 * thousands of links must stay linear). Returns where the text starts. */
static guint
append_block (SpImportWriter *self,
              SpImportBuffer *buffer,
              SpImportBlock  *block,
              guint           flags)
{
  const char *text = buffer->text->str + block->start;
  guint base;
  g_autofree Boundary *boundaries = NULL;
  g_autofree guint *offsets = NULL;
  guint n = 0;

  base = sp_document_content_append (self->content, text, block->len);
  if (block->n_spans == 0)
    return base;

  boundaries = g_new (Boundary, 2 * block->n_spans);
  offsets = g_new0 (guint, 2 * block->n_spans);
  for (guint i = 0; i < block->n_spans; i++)
    {
      SpImportSpan *span = sp_import_buffer_get_span (buffer, block->span_first + i);
      gsize start = CLAMP (span->start, block->start, block->start + block->len) - block->start;
      gsize end = CLAMP (span->end, block->start, block->start + block->len) - block->start;

      boundaries[n].byte = start;
      boundaries[n++].out = &offsets[2 * i];
      boundaries[n].byte = MAX (start, end);
      boundaries[n++].out = &offsets[2 * i + 1];
    }
  qsort (boundaries, n, sizeof (Boundary), boundary_compare);

  {
    gsize pos = 0;
    guint chars = 0;

    for (guint i = 0; i < n; i++)
      {
        if (boundaries[i].byte > pos)
          {
            chars += count_chars (text + pos, boundaries[i].byte - pos);
            pos = boundaries[i].byte;
          }
        *boundaries[i].out = base + chars;
      }
  }

  for (guint i = 0; i < block->n_spans; i++)
    {
      SpImportSpan *span = sp_import_buffer_get_span (buffer, block->span_first + i);
      guint start = offsets[2 * i];
      guint end = offsets[2 * i + 1];
      int index;

      if (end <= start)
        continue;

      switch (span->kind)
        {
        case SP_SEGMENT_EMPHASIS:
          if ((flags & APPEND_EMPHASIS) == 0)
            break;
          index = sp_document_content_add_segment (self->content, SP_SEGMENT_EMPHASIS, start, end);
          sp_document_content_get_segment (self->content, index)->level = span->level;
          break;

        case SP_SEGMENT_LINK:
          if ((flags & APPEND_LINKS) == 0 || span->href == NULL || span->href[0] == '\0')
            break;
          index = sp_document_content_add_segment (self->content, SP_SEGMENT_LINK, start, end);
          sp_document_content_get_segment (self->content, index)->href = g_strdup (span->href);
          break;

        case SP_SEGMENT_FOOTNOTE_REF:
          if ((flags & APPEND_REFS) != 0 && span->number > 0)
            {
              DeferredRef ref = { start, end, span->number };

              g_array_append_val (self->refs, ref);
            }
          break;

        default:
          break;
        }
    }

  return base;
}

void
sp_import_writer_heading (SpImportWriter *self,
                          SpImportBuffer *buffer,
                          SpImportBlock  *block,
                          int             level)
{
  guint start;
  int index;

  if (block->len == 0)
    return;

  start = sp_import_writer_begin_block (self);
  /* A heading is styled as a whole; italics or bold around it are noise. */
  append_block (self, buffer, block, APPEND_LINKS | APPEND_REFS);
  index = sp_document_content_add_segment (self->content, SP_SEGMENT_HEADING,
                                           start, self->content->n_chars);
  sp_document_content_get_segment (self->content, index)->level = CLAMP (level, 1, 6);
  sp_import_writer_end_block (self, start);
}

static gboolean
is_closing_char (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D ||
         c == 0x2019 || c == 0x00BB || c == 0x203A || c == '*' || c == '_';
}

static gboolean
is_terminal_char (gunichar c)
{
  return c == '.' || c == '?' || c == '!' || c == ':' || c == ';' || c == 0x2026 ||
         c == 0x3002 || c == 0xFF1F || c == 0xFF01;
}

/* Whether the text emitted so far ends a sentence: ". ? ! : ;", possibly
 * followed by closing quotes, brackets or footnote references. */
static gboolean
text_ends_sentence (GString *text)
{
  const char *start = text->str;
  const char *p = text->str + text->len;

  while (p > start)
    {
      const char *prev = g_utf8_find_prev_char (start, p);
      gunichar c;

      if (prev == NULL)
        break;
      c = g_utf8_get_char (prev);
      if (g_unichar_isspace (c) || is_closing_char (c) || sp_import_superscript_digit (c) >= 0)
        {
          p = prev;
          continue;
        }
      return is_terminal_char (c);
    }

  return TRUE;
}

/* A suspended hyphen ("consensus- and merit-based") keeps its space; a word
 * broken at a line end ("multi-" + "stakeholder") does not get one. */
static gboolean
needs_join_space (GString    *text,
                  const char *next,
                  gsize       next_len)
{
  static const char * const words[] = { "and ", "or ", "to ", "nor ", "und ", "et ", "ou " };
  const char *prev;

  if (text->len < 2 || text->str[text->len - 1] != '-')
    return TRUE;
  prev = g_utf8_find_prev_char (text->str, text->str + text->len - 1);
  if (prev == NULL || !g_unichar_isalpha (g_utf8_get_char (prev)))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (next_len >= strlen (words[i]) && strncmp (next, words[i], strlen (words[i])) == 0)
      return TRUE;

  return FALSE;
}

gboolean
sp_import_writer_would_join (SpImportWriter *self,
                             SpImportBuffer *buffer,
                             SpImportBlock  *block)
{
  gunichar first;

  if (self->join_segment < 0 || block->len == 0 || (block->flags & SP_IMPORT_BLOCK_FLAG_NO_JOIN) != 0)
    return FALSE;

  first = g_utf8_get_char_validated (buffer->text->str + block->start, block->len);
  if (first == (gunichar) -1 || first == (gunichar) -2 || !g_unichar_islower (first))
    return FALSE;

  return !text_ends_sentence (self->content->text);
}

void
sp_import_writer_paragraph (SpImportWriter *self,
                            SpImportBuffer *buffer,
                            SpImportBlock  *block)
{
  guint start;
  int index;

  if (block->len == 0)
    return;

  if (sp_import_writer_would_join (self, buffer, block))
    {
      SpSegment *segment;

      if (needs_join_space (self->content->text, buffer->text->str + block->start, block->len))
        sp_document_content_append (self->content, " ", 1);
      start = append_block (self, buffer, block, APPEND_ALL);
      segment = sp_document_content_get_segment (self->content, self->join_segment);
      segment->end = self->content->n_chars;
      note_body (self, start, self->content->n_chars);
      return;
    }

  start = sp_import_writer_begin_block (self);
  append_block (self, buffer, block, APPEND_ALL);
  index = sp_document_content_add_segment (self->content, SP_SEGMENT_PARAGRAPH,
                                           start, self->content->n_chars);
  sp_document_content_get_segment (self->content, index)->number = ++self->n_paragraphs;
  note_body (self, start, self->content->n_chars);
  self->join_segment = (block->flags & SP_IMPORT_BLOCK_FLAG_NO_JOIN) != 0 ? -1 : index;
}

void
sp_import_writer_list_item (SpImportWriter *self,
                            SpImportBuffer *buffer,
                            SpImportBlock  *block)
{
  SpSegment *segment;
  guint start;
  int index;

  if (block->len == 0)
    return;

  if (self->last_was_item && block->group == self->last_group)
    start = sp_document_content_append (self->content, "\n", 1) + 1;
  else
    start = sp_import_writer_begin_block (self);

  append_block (self, buffer, block, APPEND_ALL);
  index = sp_document_content_add_segment (self->content, SP_SEGMENT_LIST_ITEM,
                                           start, self->content->n_chars);
  segment = sp_document_content_get_segment (self->content, index);
  segment->number = ++self->n_paragraphs;
  segment->level = block->level;
  sp_import_writer_end_block (self, start);
  self->last_was_item = TRUE;
  self->last_group = block->group;
}

void
sp_import_writer_table (SpImportWriter *self,
                        SpImportBuffer *buffer,
                        SpImportBlock  *block)
{
  guint start;

  if (block->len == 0)
    return;

  start = sp_import_writer_begin_block (self);
  append_block (self, buffer, block, APPEND_ALL);
  sp_document_content_add_segment (self->content, SP_SEGMENT_TABLE, start, self->content->n_chars);
  sp_import_writer_end_block (self, start);
}

void
sp_import_writer_end_turn (SpImportWriter *self)
{
  if (self->turn_segment < 0)
    return;

  sp_document_content_get_segment (self->content, self->turn_segment)->end = self->content->n_chars;
  self->turn_segment = -1;
}

void
sp_import_writer_speaker (SpImportWriter *self,
                          SpImportBuffer *buffer,
                          SpImportBlock  *block,
                          const char     *speaker,
                          gint64          timestamp_ms)
{
  SpSegment *segment;
  guint start;
  int turn;
  int label;

  sp_import_writer_end_turn (self);

  start = sp_import_writer_begin_block (self);
  append_block (self, buffer, block, APPEND_LINKS | APPEND_REFS);

  turn = sp_document_content_add_segment (self->content, SP_SEGMENT_TURN, start, self->content->n_chars);
  segment = sp_document_content_get_segment (self->content, turn);
  segment->speaker = g_strdup (speaker);
  segment->timestamp_ms = timestamp_ms;

  label = sp_document_content_add_segment (self->content, SP_SEGMENT_SPEAKER, start, self->content->n_chars);
  segment = sp_document_content_get_segment (self->content, label);
  segment->speaker = g_strdup (speaker);
  segment->timestamp_ms = timestamp_ms;

  sp_import_writer_end_block (self, start);
  self->turn_segment = turn;
}

static void
copy_links (SpImportBuffer *to,
            SpImportBuffer *from,
            SpImportBlock  *block,
            gsize           to_offset)
{
  for (guint i = 0; i < block->n_spans; i++)
    {
      SpImportSpan *span = sp_import_buffer_get_span (from, block->span_first + i);

      if (span->kind == SP_SEGMENT_LINK && span->end > span->start &&
          span->start >= block->start && span->end <= block->start + block->len)
        sp_import_buffer_add_span (to, SP_SEGMENT_LINK,
                                   to_offset + (span->start - block->start),
                                   to_offset + (span->end - block->start),
                                   0, 0, span->href);
    }
}

void
sp_import_writer_footnote (SpImportWriter *self,
                           int             number,
                           SpImportBuffer *buffer,
                           SpImportBlock  *block)
{
  SpImportBlock *note;
  gsize offset;

  note = sp_import_buffer_begin_block (&self->notes, SP_IMPORT_BLOCK_PARAGRAPH);
  note->number = number;
  offset = self->notes.text->len;
  g_string_append_len (self->notes.text, buffer->text->str + block->start, block->len);
  copy_links (&self->notes, buffer, block, offset);
  sp_import_buffer_end_block (&self->notes);
}

gboolean
sp_import_writer_footnote_continue (SpImportWriter *self,
                                    SpImportBuffer *buffer,
                                    SpImportBlock  *block)
{
  gsize offset;

  if (self->notes.blocks->len == 0)
    return FALSE;
  if (block->len == 0)
    return TRUE;

  /* The last footnote's text is at the end of the notes buffer, so the
   * continuation can simply be appended to it. */
  g_string_append_c (self->notes.text, '\n');
  offset = self->notes.text->len;
  g_string_append_len (self->notes.text, buffer->text->str + block->start, block->len);
  copy_links (&self->notes, buffer, block, offset);
  sp_import_buffer_end_block (&self->notes);

  return TRUE;
}

gboolean
sp_import_writer_has_footnotes (SpImportWriter *self)
{
  return self->notes.blocks->len > 0;
}

void
sp_import_writer_break_join (SpImportWriter *self)
{
  self->join_segment = -1;
}

void
sp_import_writer_set_page (SpImportWriter *self,
                           int             page)
{
  if (page == self->page)
    return;

  if (self->page > 0 && self->page_start >= 0 && self->page_end > (guint) self->page_start)
    {
      int index = sp_document_content_add_segment (self->content, SP_SEGMENT_PAGE,
                                                   (guint) self->page_start, self->page_end);

      sp_document_content_get_segment (self->content, index)->number = self->page;
    }

  self->page = page;
  self->page_start = -1;
}

int
sp_import_writer_get_page (SpImportWriter *self)
{
  return self->page;
}

static int
note_order_compare (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  SpImportBuffer *notes = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  int na = g_array_index (notes->blocks, SpImportBlock, ia).number;
  int nb = g_array_index (notes->blocks, SpImportBlock, ib).number;

  if (na != nb)
    return na < nb ? -1 : 1;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

SpDocumentContent *
sp_import_writer_finish (SpImportWriter *self)
{
  g_autoptr(GHashTable) by_number = g_hash_table_new (NULL, NULL);

  sp_import_writer_end_turn (self);
  sp_import_writer_set_page (self, 0);

  if (self->notes.blocks->len > 0)
    {
      g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->notes.blocks->len);
      g_autoptr(GString) number = g_string_new (NULL);
      guint notes_start;
      int index;

      for (guint i = 0; i < self->notes.blocks->len; i++)
        g_array_append_val (order, i);
      g_array_sort_with_data (order, note_order_compare, &self->notes);

      notes_start = sp_import_writer_begin_block (self);
      /* Part of the document text, so not translated: the same file must
       * import to the same text (and anchors) in every locale. */
      sp_document_content_append (self->content, "Notes", -1);
      index = sp_document_content_add_segment (self->content, SP_SEGMENT_HEADING,
                                               notes_start, self->content->n_chars);
      sp_document_content_get_segment (self->content, index)->level = 2;

      for (guint i = 0; i < order->len; i++)
        {
          SpImportBlock *note = &g_array_index (self->notes.blocks, SpImportBlock,
                                                g_array_index (order, guint, i));
          guint start = sp_import_writer_begin_block (self);

          g_string_truncate (number, 0);
          sp_import_append_superscript (number, note->number);
          if (note->len > 0)
            g_string_append_c (number, ' ');
          sp_document_content_append (self->content, number->str, number->len);
          append_block (self, &self->notes, note, APPEND_LINKS);

          index = sp_document_content_add_segment (self->content, SP_SEGMENT_FOOTNOTE,
                                                   start, self->content->n_chars);
          sp_document_content_get_segment (self->content, index)->number = note->number;
          if (!g_hash_table_contains (by_number, GINT_TO_POINTER (note->number)))
            g_hash_table_insert (by_number, GINT_TO_POINTER (note->number), GINT_TO_POINTER (index));
        }

      sp_document_content_add_segment (self->content, SP_SEGMENT_NOTES, notes_start, self->content->n_chars);
    }

  /* References are added last, when it is known which footnotes exist: a
   * superscript with no footnote text ("m²", or a lost note) stays plain text. */
  for (guint i = 0; i < self->refs->len; i++)
    {
      const DeferredRef *ref = &g_array_index (self->refs, DeferredRef, i);
      gpointer value;
      SpSegment *footnote;
      int note_index;
      int index;

      if (!g_hash_table_lookup_extended (by_number, GINT_TO_POINTER (ref->number), NULL, &value))
        continue;
      note_index = GPOINTER_TO_INT (value);

      index = sp_document_content_add_segment (self->content, SP_SEGMENT_FOOTNOTE_REF, ref->start, ref->end);
      sp_document_content_get_segment (self->content, index)->number = ref->number;
      sp_document_content_get_segment (self->content, index)->target = note_index;

      footnote = sp_document_content_get_segment (self->content, note_index);
      if (footnote->target < 0)
        footnote->target = index;
    }

  return g_steal_pointer (&self->content);
}
