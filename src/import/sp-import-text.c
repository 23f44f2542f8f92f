/* sp-import-text.c: plain text, paragraphs from blank lines.
 *
 * Nothing in plain text is markup: asterisks and angle brackets stay as
 * they are. Lines within a paragraph are kept (joined by "\n"), bare URLs
 * become links, and a paragraph cut in two by a page break is joined again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-import-private.h"
#include "sp-import-util.h"

/* A first line longer than this is the start of the text, not a title. */
#define MAX_TITLE_CHARS 100

static void
flush (SpImportWriter *writer,
       SpImportBuffer *buffer)
{
  SpImportBlock *block = sp_import_buffer_last_block (buffer);

  if (block == NULL)
    return;

  sp_import_buffer_end_block (buffer);
  sp_import_block_tidy_lines (buffer, block);
  sp_import_block_trim (buffer, block);
  sp_import_block_link_urls (buffer, block);
  sp_import_writer_paragraph (writer, buffer, block);
  sp_import_buffer_reset (buffer);
}

SpDocumentContent *
_sp_import_text (const char    *text,
                 gsize          len,
                 GCancellable  *cancellable,
                 GError       **error)
{
  SpImportWriter *writer = sp_import_writer_new (SP_DOCUMENT_KIND_TEXT);
  SpDocumentContent *content = NULL;
  SpImportBuffer buffer;
  const char *p = text;
  const char *end = text + len;
  gboolean seen_first_line = FALSE;
  guint n_lines = 0;

  sp_import_buffer_init (&buffer);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      gsize line_len = line_end - p;

      if (++n_lines % SP_IMPORT_CANCEL_INTERVAL == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      if (sp_import_is_blank (p, line_len))
        flush (writer, &buffer);
      else
        {
          if (!seen_first_line)
            {
              seen_first_line = TRUE;
              if (g_utf8_strlen (p, MIN (line_len, 4 * MAX_TITLE_CHARS)) < MAX_TITLE_CHARS)
                {
                  g_autofree char *title = sp_import_tidy_title (p, line_len);

                  sp_document_content_set_title (sp_import_writer_get_content (writer), title);
                }
            }

          if (sp_import_buffer_last_block (&buffer) == NULL)
            sp_import_buffer_begin_block (&buffer, SP_IMPORT_BLOCK_PARAGRAPH);
          else
            g_string_append_c (buffer.text, '\n');
          g_string_append_len (buffer.text, p, line_len);
        }

      p = line_end + 1;
    }
  flush (writer, &buffer);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  content = sp_import_writer_finish (writer);

out:
  sp_import_writer_free (writer);
  sp_import_buffer_clear (&buffer);

  return content;
}
