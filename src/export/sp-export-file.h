/* sp-export-file.h: writing an export atomically.
 *
 * The data goes to a temporary file in the target's folder, which is
 * renamed over the target only when everything was written and closed.
 * A failed or cancelled export therefore never leaves a truncated file,
 * and never clobbers a file that was already there.
 *
 *   g_autoptr(SpExportFile) file = sp_export_file_new (path, &error);
 *   if (file == NULL) return FALSE;
 *   if (!write_everything (sp_export_file_get_stream (file), cancellable, &error))
 *     return FALSE;                // freeing the file deletes the temporary
 *   return sp_export_file_commit (file, cancellable, &error);
 *
 * Or, for a writer that is one function, sp_export_file_write().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _SpExportFile SpExportFile;

/* Creates the temporary file next to @path (same folder, hidden name).
 * Fails with a G_IO_ERROR naming the folder if it is not writable. */
SpExportFile  *sp_export_file_new        (const char    *path,
                                          GError       **error);
/* The stream to write the export to; owned by @self. Do not close it. */
GOutputStream *sp_export_file_get_stream (SpExportFile  *self);
/* Closes, syncs and renames the temporary over the target. On failure (or
 * when @cancellable is cancelled) the temporary is deleted and the target
 * left as it was. Can be called once. */
gboolean       sp_export_file_commit     (SpExportFile  *self,
                                          GCancellable  *cancellable,
                                          GError       **error);
/* Deletes the temporary file unless it was committed. */
void           sp_export_file_free       (SpExportFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpExportFile, sp_export_file_free)

typedef gboolean (*SpExportWriteFunc) (GOutputStream  *stream,
                                       gpointer        user_data,
                                       GCancellable   *cancellable,
                                       GError        **error);

/* Runs @write_func on the temporary file's stream and commits it if it
 * returns TRUE; on FALSE the target is left untouched. */
gboolean       sp_export_file_write      (const char         *path,
                                          SpExportWriteFunc   write_func,
                                          gpointer            user_data,
                                          GCancellable       *cancellable,
                                          GError            **error);

G_END_DECLS
