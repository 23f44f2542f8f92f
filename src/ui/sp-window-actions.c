/* sp-window-actions.c: the window's actions, keyboard shortcuts and file
 * choosers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-project-themes.h"
#include "sp-window-private.h"

void
_sp_window_show_error (SpWindow   *self,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog;

  g_assert (SP_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_sp_window_update_actions (SpWindow *self)
{
  gboolean has_project = self->project != NULL;
  gboolean writable = has_project && !sp_project_is_read_only (self->project);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 writable && self->import_job == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-project", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-sidebar", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", has_project);
  _sp_window_export_update_actions (self);
}

/* File choosers */

static void
set_documents_folder (GtkFileChooser *chooser)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
}

static void
add_project_filters (GtkFileChooser *chooser)
{
  GtkFileFilter *filter;

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Standpoint projects"));
  gtk_file_filter_add_pattern (filter, "*" SP_PROJECT_FILE_EXTENSION);
  gtk_file_filter_add_mime_type (filter, "application/x-standpoint-project");
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_file_chooser_set_filter (chooser, filter);
  g_object_unref (filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static void
new_project_response_cb (GtkNativeDialog *native,
                         int              response,
                         SpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      const char *codebook = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "codebook");
      g_autoptr(GError) error = NULL;

      if (file != NULL && sp_window_create_project (self, file) &&
          g_strcmp0 (codebook, "sample") == 0 &&
          !sp_project_add_sample_codebook (sp_window_get_project (self), &error))
        _sp_window_show_error (self, _("Could Not Add the Sample Codebook"), error->message);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
sp_window_choose_new_project (SpWindow *self)
{
  GtkFileChooserNative *native;

  g_return_if_fail (SP_IS_WINDOW (self));

  native = gtk_file_chooser_native_new (_("New Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  set_documents_folder (GTK_FILE_CHOOSER (native));
  /* Translators: the suggested file name of a new project */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Untitled project.standpoint"));
  add_project_filters (GTK_FILE_CHOOSER (native));

  /* A new project starts with an empty codebook or the one drawn from the
   * sample corpus, which is a good base for standards-policy work. */
  {
    const char *ids[] = { "empty", "sample", NULL };
    const char *labels[] = { _("Empty codebook"), _("Sample codebook (12 themes)"), NULL };

    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "codebook", _("Start with"),
                                 ids, labels);
    gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "codebook", "empty");
  }

  g_signal_connect_object (native, "response", G_CALLBACK (new_project_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_project_response_cb (GtkNativeDialog *native,
                          int              response,
                          SpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        sp_window_open_project (self, file, SP_PROJECT_OPEN_DEFAULT);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
sp_window_choose_project (SpWindow *self)
{
  GtkFileChooserNative *native;

  g_return_if_fail (SP_IS_WINDOW (self));

  native = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  set_documents_folder (GTK_FILE_CHOOSER (native));
  add_project_filters (GTK_FILE_CHOOSER (native));

  g_signal_connect_object (native, "response", G_CALLBACK (open_project_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    SpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));

      if (array->len > 0)
        sp_window_import_files (self, (GFile **) array->pdata, array->len);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *patterns,
            const char * const *mime_types)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

void
sp_window_choose_import (SpWindow *self)
{
  static const char * const all_patterns[] = { "*.md", "*.markdown", "*.txt", "*.text", NULL };
  static const char * const all_types[] = { "text/plain", "text/markdown", NULL };
  static const char * const md_patterns[] = { "*.md", "*.markdown", NULL };
  static const char * const md_types[] = { "text/markdown", NULL };
  static const char * const txt_patterns[] = { "*.txt", "*.text", NULL };
  static const char * const any[] = { "*", NULL };
  GtkFileChooserNative *native;

  g_return_if_fail (SP_IS_WINDOW (self));

  if (self->project == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Import Files"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  add_filter (GTK_FILE_CHOOSER (native), _("Reports, transcripts and text"), all_patterns, all_types);
  add_filter (GTK_FILE_CHOOSER (native), _("Markdown reports"), md_patterns, md_types);
  add_filter (GTK_FILE_CHOOSER (native), _("Transcripts and plain text"), txt_patterns, NULL);
  add_filter (GTK_FILE_CHOOSER (native), _("All files"), any, NULL);

  g_signal_connect_object (native, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Actions */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sp_window_choose_import (SP_WINDOW (widget));
}

static void
close_project_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  sp_window_close_project (SP_WINDOW (widget));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  if (sp_document_view_go_back (SP_WINDOW_ACTIVE_VIEW (self)))
    gtk_widget_grab_focus (GTK_WIDGET (SP_WINDOW_ACTIVE_VIEW (self)));
}

void
_sp_window_class_actions_init (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.close-project", NULL, close_project_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "sidebar-visible");

  /* The application also sets these as accelerators (they then show in
   * menus); the bindings make them work in a window without one, too. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
}
