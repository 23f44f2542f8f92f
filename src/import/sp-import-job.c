/* sp-import-job.c: importing several files off the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-import-file.h"
#include "sp-import-job.h"

typedef struct
{
  GFile   *file;
  gint64   document_id;
  GError  *error;
  GStrv    warnings;
} FileResult;

struct _SpImportJob
{
  GObject       parent_instance;

  SpProject    *project;     /* the caller's connection, used on its thread only */
  GArray       *results;     /* of FileResult */
  GMainContext *context;     /* where signals and notifications are emitted */

  /* Written by the worker, read by the caller's thread. */
  GMutex        lock;
  double        fraction;
  char         *current_file;
  gboolean      running;
};

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_CURRENT_FILE,
  N_PROPS
};

enum {
  FILE_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpImportJob, sp_import_job, G_TYPE_OBJECT)

static void
file_result_clear (gpointer data)
{
  FileResult *result = data;

  g_clear_object (&result->file);
  g_clear_error (&result->error);
  g_clear_pointer (&result->warnings, g_strfreev);
}

static void
sp_import_job_finalize (GObject *object)
{
  SpImportJob *self = SP_IMPORT_JOB (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->results, g_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->current_file, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (sp_import_job_parent_class)->finalize (object);
}

static void
sp_import_job_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SpImportJob *self = SP_IMPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, sp_import_job_get_fraction (self));
      break;

    case PROP_CURRENT_FILE:
      g_mutex_lock (&self->lock);
      g_value_set_string (value, self->current_file);
      g_mutex_unlock (&self->lock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_import_job_class_init (SpImportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_import_job_finalize;
  object_class->get_property = sp_import_job_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CURRENT_FILE] =
    g_param_spec_string ("current-file", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpImportJob::file-finished:
   * @index: which file
   *
   * Emitted when a file has been imported or has failed; the per-file
   * getters have its outcome.
   */
  signals[FILE_FINISHED] =
    g_signal_new ("file-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sp_import_job_init (SpImportJob *self)
{
  g_mutex_init (&self->lock);
  self->results = g_array_new (FALSE, TRUE, sizeof (FileResult));
  g_array_set_clear_func (self->results, file_result_clear);
}

SpImportJob *
sp_import_job_new (SpProject  *project,
                   GFile     **files,
                   guint       n_files)
{
  SpImportJob *self;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  self = g_object_new (SP_TYPE_IMPORT_JOB, NULL);
  self->project = g_object_ref (project);

  for (guint i = 0; i < n_files; i++)
    {
      FileResult result = { 0 };

      result.file = g_object_ref (files[i]);
      g_array_append_val (self->results, result);
    }

  return self;
}

typedef struct
{
  SpImportJob *job;
  guint        index;      /* G_MAXUINT: only progress changed */
  gboolean     imported;
} Notification;

static gboolean
notify_in_context_cb (gpointer user_data)
{
  Notification *notification = user_data;
  SpImportJob *self = notification->job;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_FILE]);

  if (notification->index != G_MAXUINT)
    {
      /* The caller's own connection learns of the new rows through this. */
      if (notification->imported)
        sp_project_emit_changed (self->project,
                                 SP_PROJECT_CHANGE_DOCUMENTS | SP_PROJECT_CHANGE_STAKEHOLDERS);
      g_signal_emit (self, signals[FILE_FINISHED], 0, notification->index);
    }

  return G_SOURCE_REMOVE;
}

static void
notification_free (gpointer data)
{
  Notification *notification = data;

  g_object_unref (notification->job);
  g_free (notification);
}

static void
notify_caller (SpImportJob *self,
               guint        index,
               gboolean     imported)
{
  Notification *notification = g_new0 (Notification, 1);
  g_autoptr(GSource) source = NULL;

  notification->job = g_object_ref (self);
  notification->index = index;
  notification->imported = imported;
  source = g_idle_source_new ();

  /* Not g_main_context_invoke(): it runs the callback right here, in the
   * worker, whenever no thread happens to own the context at that moment. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, notify_in_context_cb, notification, notification_free);
  g_source_set_static_name (source, "[standpoint] import progress");
  g_source_attach (source, self->context);
}

static void
set_progress (SpImportJob *self,
              double       fraction,
              const char  *current_file)
{
  g_mutex_lock (&self->lock);
  self->fraction = fraction;
  g_free (self->current_file);
  self->current_file = g_strdup (current_file);
  g_mutex_unlock (&self->lock);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SpImportJob *self = source_object;
  SpProject *connection = task_data;
  guint n_files = self->results->len;

  for (guint i = 0; i < n_files; i++)
    {
      FileResult *result = &g_array_index (self->results, FileResult, i);
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (result->file);
      gint64 id;

      if (g_task_return_error_if_cancelled (task))
        return;

      set_progress (self, (double) i / n_files, name);
      notify_caller (self, G_MAXUINT, FALSE);

      id = sp_import_file (connection, result->file, SP_IMPORT_FORMAT_AUTO,
                           cancellable, warnings, &error);

      g_mutex_lock (&self->lock);
      result->document_id = id;
      result->error = g_steal_pointer (&error);
      g_ptr_array_add (warnings, NULL);
      result->warnings = (GStrv) g_ptr_array_steal (warnings, NULL);
      g_mutex_unlock (&self->lock);

      set_progress (self, (double) (i + 1) / n_files, name);
      notify_caller (self, i, id != 0);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * sp_import_job_run_async:
 *
 * Imports the files one after another in a worker thread, each in its own
 * transaction on a connection of its own.
 */
void
sp_import_job_run_async (SpImportJob         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SpProject) connection = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SP_IS_IMPORT_JOB (self));
  g_return_if_fail (!self->running);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_import_job_run_async);
  g_task_set_name (task, "[standpoint] import files");

  self->running = TRUE;
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();

  connection = sp_project_open_secondary (self->project, &error);
  if (connection == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_set_task_data (task, g_steal_pointer (&connection), g_object_unref);
  g_task_run_in_thread (task, run_in_thread);
}

gboolean
sp_import_job_run_finish (SpImportJob   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (SP_IS_IMPORT_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->running = FALSE;
  return g_task_propagate_boolean (G_TASK (result), error);
}

double
sp_import_job_get_fraction (SpImportJob *self)
{
  double fraction;

  g_return_val_if_fail (SP_IS_IMPORT_JOB (self), 0.0);

  g_mutex_lock (&self->lock);
  fraction = self->fraction;
  g_mutex_unlock (&self->lock);

  return fraction;
}

/* Returned string stays valid until the next progress notification, which
 * only happens in the caller's thread's main loop. */
const char *
sp_import_job_get_current_file (SpImportJob *self)
{
  const char *name;

  g_return_val_if_fail (SP_IS_IMPORT_JOB (self), NULL);

  g_mutex_lock (&self->lock);
  name = self->current_file;
  g_mutex_unlock (&self->lock);

  return name;
}

guint
sp_import_job_get_n_files (SpImportJob *self)
{
  g_return_val_if_fail (SP_IS_IMPORT_JOB (self), 0);
  return self->results->len;
}

static FileResult *
get_result (SpImportJob *self,
            guint        index)
{
  g_return_val_if_fail (SP_IS_IMPORT_JOB (self), NULL);
  g_return_val_if_fail (index < self->results->len, NULL);
  return &g_array_index (self->results, FileResult, index);
}

GFile *
sp_import_job_get_file (SpImportJob *self,
                        guint        index)
{
  FileResult *result = get_result (self, index);
  return result != NULL ? result->file : NULL;
}

gint64
sp_import_job_get_document_id (SpImportJob *self,
                               guint        index)
{
  FileResult *result = get_result (self, index);
  gint64 id;

  if (result == NULL)
    return 0;
  g_mutex_lock (&self->lock);
  id = result->document_id;
  g_mutex_unlock (&self->lock);
  return id;
}

const GError *
sp_import_job_get_file_error (SpImportJob *self,
                              guint        index)
{
  FileResult *result = get_result (self, index);
  const GError *error;

  if (result == NULL)
    return NULL;
  g_mutex_lock (&self->lock);
  error = result->error;
  g_mutex_unlock (&self->lock);
  return error;
}

const char * const *
sp_import_job_get_warnings (SpImportJob *self,
                            guint        index)
{
  static const char * const none[] = { NULL };
  FileResult *result = get_result (self, index);
  const char * const *warnings;

  if (result == NULL)
    return none;
  g_mutex_lock (&self->lock);
  warnings = result->warnings != NULL ? (const char * const *) result->warnings : none;
  g_mutex_unlock (&self->lock);
  return warnings;
}

static guint
count_results (SpImportJob *self,
               gboolean     imported)
{
  guint n = 0;

  g_return_val_if_fail (SP_IS_IMPORT_JOB (self), 0);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->results->len; i++)
    {
      FileResult *result = &g_array_index (self->results, FileResult, i);

      if (imported ? result->document_id != 0 : result->error != NULL)
        n++;
    }
  g_mutex_unlock (&self->lock);

  return n;
}

guint
sp_import_job_get_n_imported (SpImportJob *self)
{
  return count_results (self, TRUE);
}

guint
sp_import_job_get_n_failed (SpImportJob *self)
{
  return count_results (self, FALSE);
}
