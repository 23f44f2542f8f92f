/* sp-window-import.c: importing files in the background, with progress,
 * cancellation and a report of what failed; drag and drop of files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-window-private.h"

gboolean
sp_window_is_importing (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);

  return self->import_job != NULL;
}

static void
update_progress (SpWindow *self)
{
  const char *current;

  if (self->import_job == NULL)
    return;

  current = sp_import_job_get_current_file (self->import_job);
  if (current != NULL)
    {
      /* Translators: shown while importing, with the file's name */
      g_autofree char *label = g_strdup_printf (_("Importing “%s”…"), current);

      gtk_label_set_label (self->import_label, label);
    }

  gtk_progress_bar_set_fraction (self->import_progress,
                                 sp_import_job_get_fraction (self->import_job));
}

static void
import_finished (SpWindow *self)
{
  g_clear_object (&self->import_job);
  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  _sp_window_update_actions (self);
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);

  return g_file_get_parse_name (file);
}

/* Lists what went wrong (and the warnings of what went right), one line
 * per file, in a dialog the user reads and closes. */
static void
report_problems (SpWindow    *self,
                 SpImportJob *job)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint n_files = sp_import_job_get_n_files (job);
  guint n_failed = sp_import_job_get_n_failed (job);
  guint n_warned = 0;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  for (guint i = 0; i < n_files; i++)
    {
      const GError *error = sp_import_job_get_file_error (job, i);
      g_autofree char *name = file_display_name (sp_import_job_get_file (job, i));
      g_autofree char *name_escaped = g_markup_escape_text (name, -1);

      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_markup_escape_text (error->message, -1);

          if (body->len > 0)
            g_string_append (body, "\n\n");
          g_string_append_printf (body, "<b>%s</b>\n%s", name_escaped, message);
        }
    }

  for (guint i = 0; i < n_files; i++)
    {
      const char * const *warnings = sp_import_job_get_warnings (job, i);
      g_autofree char *name = NULL;
      g_autofree char *name_escaped = NULL;

      if (warnings == NULL || warnings[0] == NULL || sp_import_job_get_document_id (job, i) == 0)
        continue;

      name = file_display_name (sp_import_job_get_file (job, i));
      name_escaped = g_markup_escape_text (name, -1);
      if (body->len > 0)
        g_string_append (body, "\n\n");
      /* Translators: a file that was imported, but with remarks listed below */
      g_string_append_printf (body, _("<b>%s</b> (imported)"), name_escaped);
      for (guint j = 0; warnings[j] != NULL; j++)
        {
          g_autofree char *warning = g_markup_escape_text (warnings[j], -1);

          g_string_append_printf (body, "\n• %s", warning);
        }
      n_warned++;
    }

  if (body->len == 0)
    return;

  if (n_failed > 0)
    heading = g_strdup_printf (ngettext ("%u File Could Not Be Imported",
                                         "%u Files Could Not Be Imported", n_failed),
                               n_failed);
  else
    heading = g_strdup (ngettext ("Imported With Remarks", "Imported With Remarks", n_warned));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), TRUE);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;
  SpImportJob *job = SP_IMPORT_JOB (object);
  g_autoptr(GError) error = NULL;
  gboolean cancelled = FALSE;
  guint n_imported;
  gint64 first_id = 0;

  if (!sp_import_job_run_finish (job, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Import cancelled");
          cancelled = TRUE;
        }
      else if (self->import_job == job)
        _sp_window_show_error (self, _("Could Not Import"), error->message);
    }

  /* A job of a project this window has let go of */
  if (self->import_job != job)
    return;

  n_imported = sp_import_job_get_n_imported (job);
  for (guint i = 0; i < sp_import_job_get_n_files (job) && first_id == 0; i++)
    first_id = sp_import_job_get_document_id (job, i);

  if (n_imported > 0)
    {
      g_autofree char *message = NULL;

      if (cancelled)
        message = g_strdup_printf (ngettext ("Import cancelled after %u document",
                                             "Import cancelled after %u documents", n_imported),
                                   n_imported);
      else
        message = g_strdup_printf (ngettext ("Imported %u document",
                                             "Imported %u documents", n_imported),
                                   n_imported);
      sp_window_add_toast (self, message);
      sp_sidebar_reload (self->sidebar);
      sp_sidebar_select_document (self->sidebar, first_id);
    }
  else if (cancelled)
    sp_window_add_toast (self, _("Import cancelled"));

  if (!cancelled || sp_import_job_get_n_failed (job) > 0)
    report_problems (self, job);

  import_finished (self);
}

void
sp_window_import_files (SpWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0)
    return;

  if (self->project == NULL)
    {
      sp_window_add_toast (self, _("Open or create a project to import files into"));
      return;
    }

  if (sp_project_is_read_only (self->project))
    {
      sp_window_add_toast (self, _("This project is read-only: files cannot be imported into it"));
      return;
    }

  if (self->import_job != NULL)
    {
      sp_window_add_toast (self, _("Wait for the current import to finish"));
      return;
    }

  self->import_job = sp_import_job_new (self->project, files, n_files);
  self->import_cancellable = g_cancellable_new ();

  g_signal_connect_object (self->import_job, "notify::fraction",
                           G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_job, "notify::current-file",
                           G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);

  gtk_label_set_label (self->import_label,
                       n_files == 1 ? _("Importing 1 file…") : _("Importing files…"));
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  _sp_window_update_actions (self);

  sp_import_job_run_async (self->import_job, self->import_cancellable,
                           import_done_cb, g_object_ref (self));
}

void
_sp_window_cancel_import (SpWindow *self)
{
  g_assert (SP_IS_WINDOW (self));

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  /* The job finishes in the background; its result is ignored */
  if (self->import_job != NULL)
    import_finished (self);
}

void
_sp_window_import_cancel_cb (SpWindow *self)
{
  g_assert (SP_IS_WINDOW (self));

  /* The job reports the cancellation, with what was imported before it */
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

/* Drag and drop */

static gboolean
is_project_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, SP_PROJECT_FILE_EXTENSION);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SpWindow      *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GSList *list;

  g_assert (SP_IS_WINDOW (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);

  if (files->len == 0)
    return FALSE;

  /* A project file opens the project */
  if (files->len == 1 && is_project_file (g_ptr_array_index (files, 0)))
    return sp_window_open_project (self, g_ptr_array_index (files, 0), SP_PROJECT_OPEN_DEFAULT);

  for (guint i = 0; i < files->len; i++)
    {
      if (is_project_file (g_ptr_array_index (files, i)))
        {
          sp_window_add_toast (self, _("Drop a project on its own to open it; projects cannot be imported"));
          return FALSE;
        }
    }

  sp_window_import_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

void
_sp_window_import_init (SpWindow *self)
{
  GtkDropTarget *target;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
