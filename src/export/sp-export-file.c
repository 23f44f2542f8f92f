/* sp-export-file.c: a temporary file in the target's folder, renamed into
 * place on success (see sp-export-file.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-export-file.h"

#include <errno.h>
#include <gio/gfiledescriptorbased.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

/* Random names that collide are retried this many times before giving up. */
#define SP_EXPORT_FILE_ATTEMPTS 32

struct _SpExportFile
{
  GFile             *target;
  GFile             *temporary;
  GFileOutputStream *stream;
  gboolean           committed;
};

SpExportFile *
sp_export_file_new (const char  *path,
                    GError     **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *basename = NULL;
  SpExportFile *self;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  target = g_file_new_for_path (path);
  folder = g_file_get_parent (target);
  basename = g_file_get_basename (target);
  if (folder == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is not a file that can be written"), path);
      return NULL;
    }

  for (guint attempt = 0; attempt < SP_EXPORT_FILE_ATTEMPTS; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autoptr(GFile) temporary = g_file_get_child (folder, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      /* g_file_create() uses O_EXCL, so a name someone else took fails
       * with EXISTS rather than writing into their file. */
      stream = g_file_create (temporary, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            continue;
          g_autofree char *folder_path = g_file_get_path (folder);
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Cannot write in the folder “%s”: "), folder_path);
          return NULL;
        }

      self = g_new0 (SpExportFile, 1);
      self->target = g_steal_pointer (&target);
      self->temporary = g_steal_pointer (&temporary);
      self->stream = stream;
      return self;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Cannot find a free temporary name next to “%s”"), path);
  return NULL;
}

GOutputStream *
sp_export_file_get_stream (SpExportFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return G_OUTPUT_STREAM (self->stream);
}

static void
delete_temporary (SpExportFile *self)
{
  if (self->stream != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (self->stream)))
    g_output_stream_close (G_OUTPUT_STREAM (self->stream), NULL, NULL);
  g_file_delete (self->temporary, NULL, NULL);
}

gboolean
sp_export_file_commit (SpExportFile  *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  GOutputStream *stream;
  g_autofree char *temporary_path = NULL;
  g_autofree char *target_path = NULL;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stream = G_OUTPUT_STREAM (self->stream);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !g_output_stream_flush (stream, cancellable, error))
    {
      delete_temporary (self);
      return FALSE;
    }

  /* The data must be on disk before the rename makes it the target, or a
   * crash could leave an empty file under the target's name. */
  fd = g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (self->stream));
  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write the export to disk: %s"), g_strerror (saved_errno));
      delete_temporary (self);
      return FALSE;
    }

  if (!g_output_stream_close (stream, cancellable, error))
    {
      delete_temporary (self);
      return FALSE;
    }

  temporary_path = g_file_get_path (self->temporary);
  target_path = g_file_get_path (self->target);
  if (g_rename (temporary_path, target_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot replace “%s”: %s"), target_path, g_strerror (saved_errno));
      delete_temporary (self);
      return FALSE;
    }

  self->committed = TRUE;
  return TRUE;
}

void
sp_export_file_free (SpExportFile *self)
{
  if (self == NULL)
    return;

  if (!self->committed)
    delete_temporary (self);
  g_clear_object (&self->stream);
  g_clear_object (&self->temporary);
  g_clear_object (&self->target);
  g_free (self);
}

gboolean
sp_export_file_write (const char         *path,
                      SpExportWriteFunc   write_func,
                      gpointer            user_data,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autoptr(SpExportFile) file = NULL;

  g_return_val_if_fail (write_func != NULL, FALSE);

  file = sp_export_file_new (path, error);
  if (file == NULL)
    return FALSE;

  if (!write_func (sp_export_file_get_stream (file), user_data, cancellable, error))
    return FALSE;

  return sp_export_file_commit (file, cancellable, error);
}
