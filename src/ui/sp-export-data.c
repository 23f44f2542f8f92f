/* sp-export-data.c: the file choosers and dialogs around sp-export.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sp-export-data.h"
#include "sp-export.h"
#include "sp-ui-rows.h"
#include "sp-worker.h"

#define FORMAT_CHOICE "format"

/* The choice ids in the save dialog, in the order they are offered. */
static const struct
{
  const char     *id;
  const char     *label;
  const char     *extension;
  SpExportFormat  format;
} formats[] = {
  { "csv", N_("CSV spreadsheet (one row per passage and theme)"), ".csv", SP_EXPORT_CSV },
  { "json", N_("Web Annotation JSON-LD"), ".jsonld", SP_EXPORT_WEB_ANNOTATION },
  { "qdpx", N_("REFI-QDA project (.qdpx)"), ".qdpx", SP_EXPORT_QDPX },
  { "qdc", N_("REFI-QDA codebook (.qdc)"), ".qdc", SP_EXPORT_QDC },
  { "graphml-themes", N_("GraphML: stakeholders and themes"), ".graphml", SP_EXPORT_GRAPHML_THEMES },
  { "graphml-agreement", N_("GraphML: agreement between stakeholders"), ".graphml", SP_EXPORT_GRAPHML_AGREEMENT },
};

/* Exports and imports run in a thread, each on a connection of its own
 * (the project's belongs to the main thread); the import is therefore not
 * on the window's undo stack, and a refused one changes nothing anyway. */

typedef struct
{
  SpExportFormat  format;  /* exports */
  GFile          *file;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->file);
  g_free (job);
}

/* In the worker; the result only says it worked. */
static gpointer
export_data (SpProject  *connection,
             gpointer    data,
             GError    **error)
{
  Job *job = data;
  g_autofree char *path = g_file_get_path (job->file);

  return sp_export_to_path (connection, job->format, path, NULL, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
import_data (SpProject  *connection,
             gpointer    data,
             GError    **error)
{
  Job *job = data;

  return sp_import_refi_qda (connection, job->file, NULL, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gboolean
finish_job (GAsyncResult *result,
            GtkWindow    *parent,
            const char   *failure)
{
  g_autoptr(GError) error = NULL;

  if (sp_worker_run_finish (result, &error) != NULL)
    return TRUE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Cancelled: %s", error->message);
  else
    sp_show_error_dialog (parent, failure, error);
  return FALSE;
}

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;

  finish_job (result, parent, _("Could Not Export"));
}

static void
import_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;

  if (finish_job (result, parent, _("Could Not Import")))
    /* Stored through another connection: tell the views of this one. */
    sp_project_emit_changed (SP_PROJECT (source_object),
                             SP_PROJECT_CHANGE_DOCUMENTS | SP_PROJECT_CHANGE_STAKEHOLDERS |
                             SP_PROJECT_CHANGE_THEMES | SP_PROJECT_CHANGE_ANNOTATIONS);
}

/* Takes @project's reference and the chooser's. */
static void
start_job (GtkNativeDialog     *chooser,
           int                  response,
           SpProject           *project,
           SpExportFormat       format,
           SpWorkFunc           work,
           GAsyncReadyCallback  done)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      Job *job = g_new0 (Job, 1);

      job->format = format;
      job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      sp_worker_run_async (project, project, work, job, (GDestroyNotify) job_free, NULL, NULL, done,
                           parent != NULL ? g_object_ref (parent) : NULL);
    }

  g_object_unref (project);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            gpointer         user_data)
{
  const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), FORMAT_CHOICE);
  SpExportFormat format = formats[0].format;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (choice, formats[i].id) == 0)
      format = formats[i].format;

  start_job (chooser, response, user_data, format, export_data, export_done_cb);
}

static void
import_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            gpointer         user_data)
{
  start_job (chooser, response, user_data, 0, import_data, import_done_cb);
}

void
sp_export_data_run (GtkWindow *parent,
                    SpProject *project)
{
  GtkFileChooserNative *chooser;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  const char *ids[G_N_ELEMENTS (formats) + 1] = { NULL, };
  const char *labels[G_N_ELEMENTS (formats) + 1] = { NULL, };

  g_return_if_fail (SP_IS_PROJECT (project));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      ids[i] = formats[i].id;
      labels[i] = _(formats[i].label);
    }

  chooser = gtk_file_chooser_native_new (_("Export Data"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), FORMAT_CHOICE, _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), FORMAT_CHOICE, formats[0].id);
  title = sp_project_dup_title (project);
  name = g_strconcat (title, formats[0].extension, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_response_cb), g_object_ref (project));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
sp_import_qdpx_run (GtkWindow *parent,
                    SpProject *project)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (SP_IS_PROJECT (project));

  gtk_file_filter_set_name (filter, _("REFI-QDA projects and codebooks"));
  gtk_file_filter_add_suffix (filter, "qdpx");
  gtk_file_filter_add_suffix (filter, "qdc");

  chooser = gtk_file_chooser_native_new (_("Import REFI-QDA Project"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect (chooser, "response", G_CALLBACK (import_chooser_response_cb), g_object_ref (project));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
