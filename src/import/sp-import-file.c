/* sp-import-file.c: reading one file into a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-import-file.h"

char *
sp_import_sha256 (const char *data,
                  gsize       len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* Refuses what cannot be a document before reading a byte of it: a folder,
 * a device, or a file too large to import. */
static gboolean
check_file (GFile         *file,
            const char    *name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  guint64 size;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    {
      g_prefix_error (error, _("Could not read “%s”: "), name);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                   _("“%s” is not a file (it is a folder or a device)"), name);
      return FALSE;
    }

  size = (guint64) g_file_info_get_size (info);
  if (size > SP_IMPORT_MAX_BYTES)
    {
      g_autofree char *have = g_format_size (size);
      g_autofree char *limit = g_format_size (SP_IMPORT_MAX_BYTES);

      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to import (%s; the limit is %s). "
                     "Split it into smaller documents."), name, have, limit);
      return FALSE;
    }

  return TRUE;
}

gint64
sp_import_file (SpProject       *project,
                GFile           *file,
                SpImportFormat   format,
                GCancellable    *cancellable,
                GPtrArray       *warnings,
                GError         **error)
{
  g_autoptr(SpDocumentContent) content = NULL;
  g_autoptr(SpDocumentInfo) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  g_autofree char *sha256 = NULL;
  gsize len = 0;
  gint64 id;

  g_return_val_if_fail (SP_IS_PROJECT (project), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  name = g_file_get_basename (file);
  if (name == NULL)
    name = g_file_get_uri (file);

  if (!check_file (file, name, cancellable, error))
    return 0;

  if (!g_file_load_contents (file, cancellable, &data, &len, NULL, error))
    {
      g_prefix_error (error, _("Could not read “%s”: "), name);
      return 0;
    }

  /* Recognise a file that is already in the project before parsing it. */
  sha256 = sp_import_sha256 (data, len);
  existing = sp_project_find_document_by_sha256 (project, sha256, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (existing != NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE,
                   _("“%s” is already in this project as “%s” (imported %s)"),
                   name, existing->title, existing->imported_at);
      return 0;
    }

  content = sp_import_bytes (data, len, name, format, cancellable, error);
  if (content == NULL)
    {
      g_prefix_error (error, _("Could not import “%s”: "), name);
      return 0;
    }

  /* The raw bytes are no longer needed; do not hold both copies while the
   * project stores the document. */
  g_clear_pointer (&data, g_free);

  id = sp_project_add_document (project, content, name, sha256, cancellable, error);
  if (id == 0)
    return 0;

  if (warnings != NULL)
    for (guint i = 0; i < content->warnings->len; i++)
      g_ptr_array_add (warnings, g_strdup_printf ("%s: %s", name,
                                                  (const char *) g_ptr_array_index (content->warnings, i)));

  return id;
}
