/* sp-import-transcript.c: panel and hearing transcripts.
 *
 * Two layouts are recognised. Webinar transcripts put a speaker line
 * ("Robin Mansell 00:09", "Baisheng An² 40:05") on its own before each turn;
 * hearings and interviews start each turn with "NAME: text". Footnote text
 * lines ("¹ https://…") sit wherever the page ended; they are moved to Notes
 * and a paragraph split around them is joined again.
 *
 * The text is read line by line straight from the input buffer and only the
 * block being read is held, so memory stays proportional to the output and
 * time linear in the input, whatever the line lengths.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-import-private.h"
#include "sp-import-util.h"

typedef enum
{
  CURRENT_NONE,
  CURRENT_PARAGRAPH,
  CURRENT_ITEM,
  CURRENT_FOOTNOTE,
} CurrentKind;

typedef struct
{
  SpImportWriter *writer;
  SpImportBuffer  buffer;        /* the block being read, nothing else */
  CurrentKind     current;
  int             footnote;      /* number of the footnote being read */
  int             n_lists;
  gboolean        in_list;       /* items continue the same list */
  gboolean        after_footnote;
  gboolean        colon_mode;    /* "NAME: text" turns instead of speaker lines */
  gboolean        seen_first_line;
  GHashTable     *speakers;      /* names seen on timestamped speaker lines */
  /* The source text of the current block: its lines are consecutive in the
   * input, so the block is parsed in one go (a <b> may close on a later
   * line) without copying it first. */
  const char     *raw_start;
  const char     *raw_end;
} Transcript;

static const SpImportInlineFlags inline_flags = SP_IMPORT_INLINE_HTML | SP_IMPORT_INLINE_EMPHASIS;

static void
flush (Transcript *self)
{
  SpImportBlock *block;
  CurrentKind current = self->current;

  self->current = CURRENT_NONE;
  if (current == CURRENT_NONE)
    return;

  if (self->raw_start != NULL)
    sp_import_buffer_append_inline (&self->buffer, self->raw_start,
                                    self->raw_end - self->raw_start, inline_flags);
  self->raw_start = self->raw_end = NULL;
  sp_import_buffer_end_block (&self->buffer);
  block = sp_import_buffer_last_block (&self->buffer);
  sp_import_block_tidy_lines (&self->buffer, block);
  sp_import_block_trim (&self->buffer, block);

  if (block->len > 0)
    {
      if (current != CURRENT_FOOTNOTE)
        sp_import_block_find_refs (&self->buffer, block);
      sp_import_block_link_urls (&self->buffer, block);

      switch (current)
        {
        case CURRENT_PARAGRAPH:
          /* A bare URL right after a footnote is the rest of that footnote. */
          if (self->after_footnote &&
              g_ascii_strncasecmp (self->buffer.text->str + block->start, "http", 4) == 0 &&
              sp_import_looks_like_reference (self->buffer.text->str + block->start, block->len) &&
              sp_import_writer_footnote_continue (self->writer, &self->buffer, block))
            break;
          sp_import_writer_paragraph (self->writer, &self->buffer, block);
          self->after_footnote = FALSE;
          self->in_list = FALSE;
          break;

        case CURRENT_ITEM:
          sp_import_writer_list_item (self->writer, &self->buffer, block);
          self->after_footnote = FALSE;
          break;

        case CURRENT_FOOTNOTE:
          sp_import_writer_footnote (self->writer, self->footnote, &self->buffer, block);
          self->after_footnote = TRUE;
          break;

        case CURRENT_NONE:
        default:
          g_assert_not_reached ();
        }
    }

  sp_import_buffer_reset (&self->buffer);
}

static void
begin (Transcript        *self,
       CurrentKind        current,
       SpImportBlockKind  kind)
{
  self->current = current;
  self->raw_start = self->raw_end = NULL;
  sp_import_buffer_begin_block (&self->buffer, kind);
}

/* Adds a line (or the rest of one) to the current block. */
static void
add_line (Transcript *self,
          const char *text,
          gsize       len)
{
  if (self->raw_start == NULL)
    self->raw_start = text;
  g_assert (self->raw_end == NULL || self->raw_end < text);
  self->raw_end = text + len;
}

static void
open_turn (Transcript *self,
           const char *line,
           gsize       label_len,
           const char *name,
           gsize       name_len,
           gint64      timestamp_ms)
{
  g_autofree char *speaker = g_strndup (name, name_len);
  SpImportBlock *block;

  flush (self);
  self->in_list = FALSE;
  self->after_footnote = FALSE;

  block = sp_import_buffer_begin_block (&self->buffer, SP_IMPORT_BLOCK_PARAGRAPH);
  g_string_append_len (self->buffer.text, line, label_len);
  sp_import_buffer_end_block (&self->buffer);
  block = sp_import_buffer_last_block (&self->buffer);
  sp_import_block_trim (&self->buffer, block);
  sp_import_block_find_refs (&self->buffer, block);
  sp_import_writer_speaker (self->writer, &self->buffer, block, speaker, timestamp_ms);
  sp_import_buffer_reset (&self->buffer);
}

static void
emit_title (Transcript *self,
            const char *line,
            gsize       len)
{
  g_autofree char *title = sp_import_tidy_title (line, len);
  SpImportBlock *block;

  sp_document_content_set_title (sp_import_writer_get_content (self->writer), title);

  block = sp_import_buffer_begin_block (&self->buffer, SP_IMPORT_BLOCK_HEADING);
  g_string_append (self->buffer.text, title);
  sp_import_buffer_end_block (&self->buffer);
  block = sp_import_buffer_last_block (&self->buffer);
  sp_import_writer_heading (self->writer, &self->buffer, block, 1);
  sp_import_buffer_reset (&self->buffer);
}

/* "- item", "• item", "* item" (not "**bold**"). */
static gsize
list_marker_length (const char *line,
                    gsize       len)
{
  if (len >= 2 && (line[0] == '-' || line[0] == '*') && (line[1] == ' ' || line[1] == '\t'))
    return 2;
  if (len >= 4 && memcmp (line, "\xe2\x80\xa2", 3) == 0 && (line[3] == ' ' || line[3] == '\t'))
    return 4;
  return 0;
}

static void
process_line (Transcript *self,
              const char *line,
              gsize       len)
{
  SpSpeakerMatch match;
  gsize marker;
  int number;

  if (sp_import_is_blank (line, len))
    {
      flush (self);
      return;
    }

  /* The first line names the event, unless the transcript starts right
   * away with a turn or a footnote. */
  if (!self->seen_first_line)
    {
      self->seen_first_line = TRUE;
      if (len < 500 &&
          !sp_import_match_speaker_line (line, len, NULL) &&
          !(self->colon_mode && sp_import_match_colon_line (line, len, NULL)) &&
          sp_import_parse_superscript (line, line + len, NULL) == 0)
        {
          emit_title (self, line, len);
          return;
        }
    }

  if (!self->colon_mode && sp_import_match_speaker_line (line, len, &match))
    {
      g_hash_table_add (self->speakers, g_strndup (line + match.name_start, match.name_len));
      open_turn (self, line, match.label_len, line + match.name_start, match.name_len,
                 match.timestamp_ms);
      return;
    }

  if (self->colon_mode && sp_import_match_colon_line (line, len, &match))
    {
      open_turn (self, line, match.label_len, line + match.name_start, match.name_len,
                 match.timestamp_ms);
      if (match.text_start < len)
        {
          begin (self, CURRENT_PARAGRAPH, SP_IMPORT_BLOCK_PARAGRAPH);
          add_line (self, line + match.text_start, len - match.text_start);
        }
      return;
    }

  /* A name that already opened a timestamped turn, alone on its line: the
   * same speaker again with the time missing ("Robin Mansell"). */
  if (!self->colon_mode && len <= 80 && g_hash_table_size (self->speakers) > 0)
    {
      g_autofree char *name = sp_import_tidy_title (line, len);

      if (g_hash_table_contains (self->speakers, name))
        {
          open_turn (self, name, strlen (name), name, strlen (name), -1);
          return;
        }
    }

  /* "¹ text": a footnote, wherever the page break put it. */
  marker = sp_import_parse_superscript (line, line + len, &number);
  if (marker > 0 && marker < len && (line[marker] == ' ' || line[marker] == '\t') && number > 0)
    {
      flush (self);
      begin (self, CURRENT_FOOTNOTE, SP_IMPORT_BLOCK_PARAGRAPH);
      self->footnote = number;
      add_line (self, line + marker + 1, len - marker - 1);
      return;
    }

  marker = list_marker_length (line, len);
  if (marker > 0)
    {
      SpImportBlock *block;

      flush (self);
      if (!self->in_list)
        self->n_lists++;
      self->in_list = TRUE;
      begin (self, CURRENT_ITEM, SP_IMPORT_BLOCK_LIST_ITEM);
      block = sp_import_buffer_last_block (&self->buffer);
      block->group = self->n_lists;
      block->level = 1;
      g_string_append (self->buffer.text, "• ");
      add_line (self, line + marker, len - marker);
      return;
    }

  if (self->current == CURRENT_NONE)
    begin (self, CURRENT_PARAGRAPH, SP_IMPORT_BLOCK_PARAGRAPH);
  add_line (self, line, len);
}

/* Decides between the two layouts before reading: a document with any
 * timestamped speaker line uses those; otherwise "NAME:" lines open turns. */
static gboolean
prefer_colon_mode (const char *text,
                   gsize       len)
{
  const char *p = text;
  const char *end = text + len;
  guint n_colon = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;

      if (sp_import_match_speaker_line (p, line_end - p, NULL))
        return FALSE;
      if (sp_import_match_colon_line (p, line_end - p, NULL))
        n_colon++;

      p = line_end + 1;
    }

  return n_colon >= 2;
}

SpDocumentContent *
_sp_import_transcript (const char    *text,
                       gsize          len,
                       GCancellable  *cancellable,
                       GError       **error)
{
  Transcript self = { 0 };
  SpDocumentContent *content = NULL;
  const char *p = text;
  const char *end = text + len;
  guint n_lines = 0;

  self.writer = sp_import_writer_new (SP_DOCUMENT_KIND_TRANSCRIPT);
  self.speakers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.colon_mode = prefer_colon_mode (text, len);
  sp_import_buffer_init (&self.buffer);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;

      if (++n_lines % SP_IMPORT_CANCEL_INTERVAL == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      process_line (&self, p, line_end - p);
      p = line_end + 1;
    }
  flush (&self);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  content = sp_import_writer_finish (self.writer);

out:
  sp_import_writer_free (self.writer);
  sp_import_buffer_clear (&self.buffer);
  g_hash_table_unref (self.speakers);

  return content;
}
