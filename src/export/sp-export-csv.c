/* sp-export-csv.c: annotations as CSV, one row per annotation and theme.
 *
 * Columns: annotation_id, document_id, document, start, end, quote, theme,
 * stakeholder, stance, memo, author, created_at, updated_at. RFC 4180:
 * CRLF line ends, a cell with a comma, quote, CR or LF is quoted and its
 * quotes doubled. A text cell starting with = + - @, tab or CR gets a
 * leading ' so that spreadsheets show it instead of running it (OWASP's
 * advice against CSV injection); numbers are written by us and need none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-annotations.h"
#include "sp-export.h"
#include "sp-export-private.h"

/* Rows written per flush: keeps memory flat on large projects. */
#define SP_CSV_ROWS_PER_FLUSH 256

static const char * const columns[] = {
  "annotation_id", "document_id", "document", "start", "end", "quote", "theme",
  "stakeholder", "stance", "memo", "author", "created_at", "updated_at",
};

static void
append_text_cell (GString    *row,
                  const char *text)
{
  const char *formula_starts = "=+-@\t\r";

  if (text == NULL)
    text = "";

  if (*text != '\0' && strchr (formula_starts, *text) != NULL)
    {
      /* The quote makes the cell text; it also moves the start, so the
       * cell still needs quoting below only for the usual reasons. */
      g_string_append_c (row, '"');
      g_string_append_c (row, '\'');
    }
  else if (strpbrk (text, ",\"\r\n") != NULL)
    g_string_append_c (row, '"');
  else
    {
      g_string_append (row, text);
      return;
    }

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  g_string_append_c (row, '"');
}

static void
append_row (GString                *buffer,
            const SpAnnotationInfo *info,
            const char             *theme)
{
  g_string_append_printf (buffer, "%lld,%lld,", (long long) info->id, (long long) info->document_id);
  append_text_cell (buffer, info->document_title);
  g_string_append_printf (buffer, ",%lld,%lld,", (long long) info->start, (long long) info->end);
  append_text_cell (buffer, info->quote);
  g_string_append_c (buffer, ',');
  append_text_cell (buffer, theme);
  g_string_append_c (buffer, ',');
  append_text_cell (buffer, info->stakeholder);
  g_string_append_c (buffer, ',');
  append_text_cell (buffer, info->stance == SP_STANCE_NONE ? "" : sp_stance_to_string (info->stance));
  g_string_append_c (buffer, ',');
  append_text_cell (buffer, info->memo);
  g_string_append_c (buffer, ',');
  append_text_cell (buffer, info->author);
  g_string_append_c (buffer, ',');
  append_text_cell (buffer, info->created_at);
  g_string_append_c (buffer, ',');
  append_text_cell (buffer, info->updated_at);
  g_string_append (buffer, "\r\n");
}

gboolean
sp_export_csv (SpProject      *project,
               GOutputStream  *stream,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  annotations = sp_project_list_annotations (project, NULL, error);
  if (annotations == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (i > 0)
        g_string_append_c (buffer, ',');
      g_string_append (buffer, columns[i]);
    }
  g_string_append (buffer, "\r\n");

  for (guint i = 0; i < annotations->len; i++)
    {
      const SpAnnotationInfo *info = g_ptr_array_index (annotations, i);

      if (info->theme_names == NULL || info->theme_names[0] == NULL)
        append_row (buffer, info, "");
      for (guint t = 0; info->theme_names != NULL && info->theme_names[t] != NULL; t++)
        append_row (buffer, info, info->theme_names[t]);

      if ((i + 1) % SP_CSV_ROWS_PER_FLUSH == 0 &&
          !_sp_export_flush (stream, buffer, cancellable, error))
        return FALSE;
    }

  return _sp_export_flush (stream, buffer, cancellable, error);
}
