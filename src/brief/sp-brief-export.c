/* sp-brief-export.c: a brief into a file, in the format asked for,
 * through the atomic writer shared with the data exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-brief-export.h"
#include "sp-export-file.h"

gboolean
sp_brief_format_from_string (const char    *str,
                             SpBriefFormat *format)
{
  if (str == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (str, "md") == 0 || g_ascii_strcasecmp (str, "markdown") == 0)
    *format = SP_BRIEF_FORMAT_MARKDOWN;
  else if (g_ascii_strcasecmp (str, "html") == 0)
    *format = SP_BRIEF_FORMAT_HTML;
  else if (g_ascii_strcasecmp (str, "pdf") == 0)
    *format = SP_BRIEF_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

const char *
sp_brief_format_to_string (SpBriefFormat format)
{
  switch (format)
    {
    case SP_BRIEF_FORMAT_HTML: return "html";
    case SP_BRIEF_FORMAT_PDF:  return "pdf";
    case SP_BRIEF_FORMAT_MARKDOWN:
    default:                   return "md";
    }
}

typedef struct
{
  const SpBrief *brief;
  SpBriefFormat  format;
  SpBriefPaper   paper;
} WriteJob;

static gboolean
write_cb (GOutputStream  *stream,
          gpointer        user_data,
          GCancellable   *cancellable,
          GError        **error)
{
  WriteJob *job = user_data;
  g_autofree char *text = NULL;

  if (job->format == SP_BRIEF_FORMAT_PDF)
    return sp_brief_write_pdf (job->brief, job->paper, stream, cancellable, error);

  text = job->format == SP_BRIEF_FORMAT_HTML ? sp_brief_to_html (job->brief)
                                             : sp_brief_to_markdown (job->brief);
  return g_output_stream_write_all (stream, text, strlen (text), NULL, cancellable, error);
}

gboolean
sp_brief_write (const SpBrief  *brief,
                SpBriefFormat   format,
                SpBriefPaper    paper,
                const char     *path,
                GCancellable   *cancellable,
                GError        **error)
{
  WriteJob job = { brief, format, paper };

  g_return_val_if_fail (brief != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return sp_export_file_write (path, write_cb, &job, cancellable, error);
}

gboolean
sp_brief_export (SpProject           *project,
                 const SpBriefScope  *scope,
                 SpBriefFormat        format,
                 SpBriefPaper         paper,
                 const char          *path,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(SpBrief) brief = sp_brief_new (project, scope, error);

  if (brief == NULL)
    return FALSE;
  return sp_brief_write (brief, format, paper, path, cancellable, error);
}
