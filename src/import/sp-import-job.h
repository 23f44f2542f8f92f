/* sp-import-job.h: importing several files off the main thread, with
 * progress and cancellation, for the window.
 *
 * The job opens its own connection to the project (SQLite's WAL lets the
 * window keep reading meanwhile); each file is one transaction, so a failed
 * or cancelled file leaves nothing behind and earlier files stay imported.
 * Signals and property notifications are emitted in the thread-default main
 * context of the thread that called sp_import_job_run_async().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_IMPORT_JOB (sp_import_job_get_type ())

G_DECLARE_FINAL_TYPE (SpImportJob, sp_import_job, SP, IMPORT_JOB, GObject)

SpImportJob  *sp_import_job_new               (SpProject            *project,
                                               GFile               **files,
                                               guint                 n_files);
void          sp_import_job_run_async         (SpImportJob          *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
/* FALSE only when the whole job failed (cancelled, or no connection could be
 * opened); what happened to each file is in the per-file getters. */
gboolean      sp_import_job_run_finish        (SpImportJob          *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* Progress: 0.0 to 1.0 over all files ("fraction" property). */
double        sp_import_job_get_fraction      (SpImportJob          *self);
/* Display name of the file being imported now ("current-file" property). */
const char   *sp_import_job_get_current_file  (SpImportJob          *self);

guint         sp_import_job_get_n_files       (SpImportJob          *self);
GFile        *sp_import_job_get_file          (SpImportJob          *self,
                                               guint                 index);
/* 0 if the file was not imported (yet). */
gint64        sp_import_job_get_document_id   (SpImportJob          *self,
                                               guint                 index);
/* Why the file was not imported, or NULL. */
const GError *sp_import_job_get_file_error    (SpImportJob          *self,
                                               guint                 index);
/* Warnings for the user about an imported file (NULL-terminated, never NULL). */
const char * const *sp_import_job_get_warnings (SpImportJob         *self,
                                               guint                 index);
guint         sp_import_job_get_n_imported    (SpImportJob          *self);
guint         sp_import_job_get_n_failed      (SpImportJob          *self);

G_END_DECLS
