/* sp-export-file.c: a temporary file in the target's folder, renamed into
 * place on success (see sp-export-file.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-export-file.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
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

/* The file an export to @path replaces: the file itself, or the one a
 * link points to (the link stays a link), or NULL with an error when
 * that is not an ordinary file (a folder, a device, a pipe, where a
 * rename would put the export in its place: as root, "/dev/stdout"
 * would have become a file). *@mode is the existing file's permissions,
 * or -1 when there is none yet. */
static char *
resolve_target (const char  *path,
                int         *mode,
                GError     **error)
{
  g_autofree char *real = NULL;
  GStatBuf st;

  *mode = -1;
  if (g_lstat (path, &st) != 0)
    return g_strdup (path);  /* a new file */
  if (S_ISLNK (st.st_mode))
    {
      char *resolved = realpath (path, NULL);

      if (resolved == NULL || g_stat (resolved, &st) != 0)
        {
          free (resolved);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("“%s” is a link to a file that does not exist"), path);
          return NULL;
        }
      real = g_strdup (resolved);
      free (resolved);
    }
  else
    real = g_strdup (path);

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not an ordinary file (it is a folder, a device or a pipe); choose a file to export to"),
                   path);
      return NULL;
    }
  *mode = (int) (st.st_mode & 07777);
  return g_steal_pointer (&real);
}

SpExportFile *
sp_export_file_new (const char  *path,
                    GError     **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *real_path = NULL;
  SpExportFile *self;
  int mode;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((real_path = resolve_target (path, &mode, error)) == NULL)
    return NULL;
  target = g_file_new_for_path (real_path);
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

      /* Replacing a file keeps who may read it: a private file stays private. */
      if (mode >= 0)
        fchmod (g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (stream)), (mode_t) mode);

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
