/* sp-sample.c: the sample project, built from the corpus that ships inside
 * Standpoint (data/samples/, compiled into this library as a GResource).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>

#include <glib/gstdio.h>

#include "sp-error.h"
#include "sp-import-file.h"
#include "sp-importer.h"
#include "sp-project-themes.h"
#include "sp-sample.h"
#include "sp-samples-resources.h"

#define SAMPLES_PATH "/io/github/standpoint/Standpoint/samples/"

/* Report first: side by side it goes on the left, the transcript on the right. */
static const char * const sample_files[] = {
  "geopolitics-of-standards-report.md",
  "geopolitics-of-standards-webinar-transcript.txt",
};

char *
sp_sample_project_default_path (void)
{
  /* Translators: file name of the sample project, without extension */
  g_autofree char *name = g_strconcat (_("Sample project"), SP_PROJECT_FILE_EXTENSION, NULL);

  return g_build_filename (g_get_user_data_dir (), "standpoint", name, NULL);
}

gboolean
sp_sample_project_fill (SpProject     *project,
                        GCancellable  *cancellable,
                        GError       **error)
{
  GResource *resource;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);

  resource = sp_samples_get_resource ();

  for (guint i = 0; i < G_N_ELEMENTS (sample_files); i++)
    {
      g_autofree char *path = g_strconcat (SAMPLES_PATH, sample_files[i], NULL);
      g_autoptr(SpDocumentContent) content = NULL;
      g_autoptr(SpDocumentInfo) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sha256 = NULL;
      const char *data;
      gsize len;

      bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return FALSE;

      data = g_bytes_get_data (bytes, &len);
      sha256 = sp_import_sha256 (data, len);

      existing = sp_project_find_document_by_sha256 (project, sha256, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (existing != NULL)
        continue;

      content = sp_import_bytes (data, len, sample_files[i], SP_IMPORT_FORMAT_AUTO, cancellable, error);
      if (content == NULL ||
          sp_project_add_document (project, content, sample_files[i], sha256, cancellable, error) == 0)
        return FALSE;
    }

  /* The corpus comes with the codebook written for it, unless the analyst
   * has started a codebook of their own. */
  {
    g_autoptr(GPtrArray) themes = sp_project_list_themes (project, error);

    if (themes == NULL)
      return FALSE;
    if (themes->len == 0 && !sp_project_add_sample_codebook (project, error))
      return FALSE;
  }

  return TRUE;
}

SpProject *
sp_sample_project_open (const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(SpProject) project = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return sp_project_open (path, SP_PROJECT_OPEN_DEFAULT, error);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SP_ERROR, SP_ERROR_IO,
                   _("Could not create the folder for the sample project: %s"),
                   g_strerror (saved_errno));
      return NULL;
    }

  project = sp_project_create (path, error);
  if (project == NULL)
    return NULL;

  if (!sp_sample_project_fill (project, cancellable, error))
    {
      /* A half-built sample would confuse; build it afresh next time. */
      sp_project_close (project);
      g_unlink (path);
      return NULL;
    }

  return g_steal_pointer (&project);
}
