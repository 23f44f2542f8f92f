/* sp-worker.c: work on a project in a worker thread (see sp-worker.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-worker.h"

typedef struct
{
  SpProject         *connection;
  SpWorkFunc  work;
  gpointer           data;
  GDestroyNotify     data_free;
  GDestroyNotify     result_free;
} RunData;

static void
run_data_free (RunData *run)
{
  g_clear_object (&run->connection);
  if (run->data_free != NULL)
    g_clear_pointer (&run->data, run->data_free);
  g_free (run);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RunData *run = task_data;
  GError *error = NULL;
  gpointer result = run->work (run->connection, run->data, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, run->result_free);
}

void
sp_worker_run_async (gpointer             source_object,
                      SpProject           *project,
                      SpWorkFunc    work,
                      gpointer             data,
                      GDestroyNotify       data_free,
                      GDestroyNotify       result_free,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RunData *run = g_new0 (RunData, 1);

  run->work = work;
  run->data = data;
  run->data_free = data_free;
  run->result_free = result_free;
  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_worker_run_async);
  g_task_set_name (task, "[standpoint] worker");
  g_task_set_task_data (task, run, (GDestroyNotify) run_data_free);

  /* The worker must not share the main thread's connection */
  run->connection = sp_project_open_secondary (project, &error);
  if (run->connection == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_run_in_thread (task, run_in_thread);
}

gpointer
sp_worker_run_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sp_worker_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
sp_worker_cancel (GCancellable **cancellable_slot)
{
  if (*cancellable_slot != NULL)
    g_cancellable_cancel (*cancellable_slot);
  g_clear_object (cancellable_slot);
}

GCancellable *
sp_worker_restart (GCancellable **cancellable_slot)
{
  sp_worker_cancel (cancellable_slot);
  *cancellable_slot = g_cancellable_new ();
  return *cancellable_slot;
}
