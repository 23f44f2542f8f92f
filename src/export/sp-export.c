/* sp-export.c: picking the writer for a format, and writing through
 * SpExportFile so the target only appears once it is complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-export.h"
#include "sp-export-file.h"
#include "sp-export-private.h"

typedef gboolean (*SpExportWriter) (SpProject *, GOutputStream *, GCancellable *, GError **);

static const SpExportWriter writers[] = {
  [SP_EXPORT_CSV] = sp_export_csv,
  [SP_EXPORT_WEB_ANNOTATION] = sp_export_web_annotation,
  [SP_EXPORT_QDC] = sp_export_qdc,
  [SP_EXPORT_QDPX] = sp_export_qdpx,
  [SP_EXPORT_GRAPHML_THEMES] = sp_export_graphml_themes,
  [SP_EXPORT_GRAPHML_AGREEMENT] = sp_export_graphml_agreement,
};

gboolean
_sp_export_flush (GOutputStream  *stream,
                  GString        *buffer,
                  GCancellable   *cancellable,
                  GError        **error)
{
  gboolean ok;

  ok = g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error);
  g_string_truncate (buffer, 0);
  return ok;
}

char *
_sp_export_xml_scrub (char *text)
{
  /* Every such control character is one byte in UTF-8, and U+FFFE and
   * U+FFFF three, as U+FFFD is: the length stays. */
  for (char *p = text; p != NULL && *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        *p = ' ';
      else if ((guchar) p[0] == 0xef && (guchar) p[1] == 0xbf && ((guchar) p[2] == 0xbe || (guchar) p[2] == 0xbf))
        p[2] = (char) 0xbd;
    }
  return text;
}

gboolean
sp_export_to_path (SpProject      *project,
                   SpExportFormat  format,
                   const char     *path,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autoptr(SpExportFile) file = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (writers), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = sp_export_file_new (path, error);
  if (file == NULL)
    return FALSE;

  if (!writers[format] (project, sp_export_file_get_stream (file), cancellable, error))
    return FALSE;

  return sp_export_file_commit (file, cancellable, error);
}
