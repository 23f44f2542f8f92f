/* sp-worker.h: work on a project in a worker thread, on a connection of
 * its own (a project's connection belongs to the main thread), with the
 * result back on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-project.h"

G_BEGIN_DECLS

/* Work handed to a worker thread (the compare pages, the attribution
 * check, the brief's preview and export, data export and import): it
 * reads @connection, a connection of its own, and touches nothing else
 * but @data. */
typedef gpointer (*SpWorkFunc) (SpProject  *connection,
                                gpointer    data,
                                GError    **error);

/* Runs @work (@data, freed with @data_free) in a worker thread on a
 * secondary connection to @project; @callback then runs on the main
 * thread and takes the result with sp_worker_run_finish(); @data lives
 * until @callback has returned, so it may be @user_data too. A cancelled
 * run finishes with G_IO_ERROR_CANCELLED and frees its result with
 * @result_free. A result is never NULL: work that has nothing to return
 * returns a non-NULL token such as GINT_TO_POINTER (TRUE). */
void          sp_worker_run_async  (gpointer              source_object,
                                    SpProject            *project,
                                    SpWorkFunc            work,
                                    gpointer              data,
                                    GDestroyNotify        data_free,
                                    GDestroyNotify        result_free,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gpointer      sp_worker_run_finish (GAsyncResult         *result,
                                    GError              **error);
/* Cancels and drops the run in *@cancellable_slot, if any: its result
 * is dropped when it comes. */
void          sp_worker_cancel     (GCancellable        **cancellable_slot);
/* The same, then puts a new cancellable there for the next run. */
GCancellable *sp_worker_restart    (GCancellable        **cancellable_slot);

G_END_DECLS
