/* sp-window.c: the window's layout, project lifecycle and state.
 *
 * Actions and file choosers are in sp-window-actions.c, importing and
 * drag-and-drop in sp-window-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-error.h"
#include "sp-recent-projects.h"
#include "sp-sample.h"
#include "sp-window-private.h"

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SIDEBAR_VISIBLE,
  PROP_ANNOTATIONS_VISIBLE,
  PROP_SEARCH_VISIBLE,
  PROP_SIDE_BY_SIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SpWindow, sp_window, ADW_TYPE_APPLICATION_WINDOW)

void
sp_window_add_toast (SpWindow   *self,
                     const char *message)
{
  AdwToast *toast;

  g_return_if_fail (SP_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_sp_window_update_titles (SpWindow *self)
{
  g_autofree char *name = NULL;
  const char *doc_title = NULL;

  if (self->project != NULL)
    {
      name = sp_project_dup_title (self->project);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "document") == 0)
        doc_title = sp_document_view_get_title (SP_WINDOW_ACTIVE_VIEW (self));
    }

  adw_view_switcher_title_set_title (self->window_title, name != NULL ? name : _("Standpoint"));
  adw_view_switcher_title_set_subtitle (self->window_title, doc_title);

  if (name != NULL)
    {
      /* Translators: the window title, "<project name> — Standpoint" */
      g_autofree char *title = g_strdup_printf (_("%s — Standpoint"), name);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Standpoint"));
}

static void
document_title_changed_cb (SpWindow *self)
{
  _sp_window_update_titles (self);
}

static void
show_empty_page (SpWindow *self)
{
  if (self->project == NULL)
    return;

  if (sp_sidebar_get_n_documents (self->sidebar) == 0)
    {
      if (sp_project_is_read_only (self->project))
        {
          adw_status_page_set_title (self->empty_page, _("No Documents"));
          adw_status_page_set_description (self->empty_page,
                                           _("This project has no documents, and it was opened read-only."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("Add Your First Documents"));
          adw_status_page_set_description (self->empty_page,
                                           _("Import policy reports (Markdown), panel or hearing transcripts and plain text files, or drop them on this window."));
        }
      gtk_widget_set_visible (self->empty_import_button, !sp_project_is_read_only (self->project));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Document Selected"));
      adw_status_page_set_description (self->empty_page, _("Choose a document in the sidebar to read it."));
      gtk_widget_set_visible (self->empty_import_button, FALSE);
    }

  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  _sp_window_update_titles (self);
}

void
_sp_window_update_content_page (SpWindow *self)
{
  if (self->project != NULL &&
      (sp_document_view_get_document_id (self->views[SP_WINDOW_PANE_LEFT]) != 0 ||
       (self->side_by_side && sp_document_view_get_document_id (self->views[SP_WINDOW_PANE_RIGHT]) != 0)))
    {
      gtk_stack_set_visible_child_name (self->content_stack, "document");
      _sp_window_update_titles (self);
    }
  else
    show_empty_page (self);
}

/* The sidebar opens a document in the active pane */
static void
sidebar_document_selected_cb (SpWindow *self,
                              gint64    document_id)
{
  g_assert (SP_IS_WINDOW (self));

  if (self->syncing > 0)
    return;

  if (self->project == NULL || document_id == 0)
    {
      sp_document_view_clear (SP_WINDOW_ACTIVE_VIEW (self));
      _sp_window_update_content_page (self);
      return;
    }

  _sp_window_load_in_pane (self, self->active_pane, document_id);
}

static void
sidebar_n_documents_cb (SpWindow *self)
{
  g_assert (SP_IS_WINDOW (self));

  /* The placeholder's text depends on whether there are documents */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0)
    show_empty_page (self);
}

/* Whether a transcript has a turn by @stakeholder_id. */
static gboolean
document_has_turn_by (SpProject *project,
                      gint64     document_id,
                      gint64     stakeholder_id)
{
  g_autoptr(GPtrArray) segments = sp_project_list_segments (project, document_id, NULL);

  for (guint i = 0; segments != NULL && i < segments->len; i++)
    {
      SpSegmentInfo *seg = g_ptr_array_index (segments, i);

      if (seg->kind == SP_SEGMENT_TURN && seg->stakeholder_id == stakeholder_id)
        return TRUE;
    }

  return FALSE;
}

static void
sidebar_stakeholder_activated_cb (SpWindow   *self,
                                  gint64      stakeholder_id,
                                  const char *name)
{
  g_autoptr(GPtrArray) documents = NULL;

  g_assert (SP_IS_WINDOW (self));

  if (self->project == NULL)
    return;

  if (sp_document_view_next_turn_by (SP_WINDOW_ACTIVE_VIEW (self), stakeholder_id))
    {
      _sp_window_filter_by_stakeholder (self, stakeholder_id);
      gtk_widget_grab_focus (GTK_WIDGET (SP_WINDOW_ACTIVE_VIEW (self)));
      return;
    }

  /* Not in the document shown: open the first one where they speak */
  documents = sp_project_list_documents (self->project, NULL);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      SpDocumentInfo *info = g_ptr_array_index (documents, i);

      if (info->id == sp_document_view_get_document_id (SP_WINDOW_ACTIVE_VIEW (self)) || info->n_turns == 0)
        continue;

      if (document_has_turn_by (self->project, info->id, stakeholder_id))
        {
          SpDocumentView *view = SP_WINDOW_ACTIVE_VIEW (self);

          sp_sidebar_select_document (self->sidebar, info->id);
          sp_document_view_next_turn_by (view, stakeholder_id);
          _sp_window_filter_by_stakeholder (self, stakeholder_id);
          gtk_widget_grab_focus (GTK_WIDGET (view));
          return;
        }
    }

  {
    /* Translators: shown when a stakeholder is chosen who has no speaker turn */
    g_autofree char *message = g_strdup_printf (_("%s has no speaker turns in this project"), name);

    sp_window_add_toast (self, message);
  }
}

static void
welcome_open_recent_cb (SpWindow   *self,
                        const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert (SP_IS_WINDOW (self));

  sp_window_open_project (self, file, SP_PROJECT_OPEN_DEFAULT);
}

/* Project lifecycle */

void
sp_window_set_project (SpWindow  *self,
                       SpProject *project)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (project == NULL || SP_IS_PROJECT (project));

  if (self->project == project)
    return;

  _sp_window_cancel_import (self);
  g_cancellable_cancel (self->sample_cancellable);

  _sp_window_split_save_position (self);
  sp_document_view_clear (self->views[SP_WINDOW_PANE_LEFT]);
  sp_document_view_clear (self->views[SP_WINDOW_PANE_RIGHT]);
  sp_sidebar_set_project (self->sidebar, NULL);
  if (self->project != NULL)
    g_clear_signal_handler (&self->project_changed_id, self->project);
  /* Only dropped, not closed: an import finishing in the background may
   * still hold it, and the last reference closes it. */
  g_clear_object (&self->project);

  if (project != NULL)
    {
      GtkListBoxRow *first;
      const char *reason;

      self->project = g_object_ref (project);
      _sp_window_annotate_set_project (self, NULL);
      sp_recent_projects_add (self->settings, sp_project_get_path (project));

      reason = sp_project_get_read_only_reason (project);
      if (sp_project_is_read_only (project))
        gtk_label_set_label (self->read_only_label,
                             reason != NULL ? reason : _("This project was opened read-only."));
      gtk_info_bar_set_revealed (self->read_only_bar, sp_project_is_read_only (project));

      sp_sidebar_set_project (self->sidebar, project);
      gtk_stack_set_visible_child_name (self->main_stack, "project");

      _sp_window_set_active_pane (self, SP_WINDOW_PANE_LEFT);
      first = gtk_list_box_get_row_at_index (sp_sidebar_get_document_list (self->sidebar), 0);
      if (first != NULL)
        sp_sidebar_select_document (self->sidebar, sp_sidebar_row_get_id (first));
      else
        show_empty_page (self);
      _sp_window_split_set_project (self);
    }
  else
    {
      _sp_window_annotate_set_project (self, NULL);
      _sp_window_split_set_project (self);
      gtk_info_bar_set_revealed (self->read_only_bar, FALSE);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  gtk_widget_set_visible (self->sidebar_button, project != NULL);
  gtk_widget_set_visible (self->import_button, project != NULL);
  gtk_widget_set_visible (self->split_button, project != NULL);
  _sp_window_library_set_project (self);
  _sp_window_views_set_project (self);

  _sp_window_update_titles (self);
  _sp_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

SpProject *
sp_window_get_project (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->project;
}

const char *
sp_window_get_project_path (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->project != NULL ? sp_project_get_path (self->project) : NULL;
}

void
sp_window_close_project (SpWindow *self)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  sp_window_set_project (self, NULL);
}

typedef struct
{
  SpWindow *window;
  GFile    *file;
} RetryData;

static void
retry_data_free (gpointer  user_data,
                 GClosure *closure)
{
  RetryData *data = user_data;

  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_free (data);
}

static void
locked_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RetryData        *data)
{
  if (g_strcmp0 (response, "read-only") == 0)
    sp_window_open_project (data->window, data->file, SP_PROJECT_OPEN_READ_ONLY);
}

static void
show_open_error (SpWindow   *self,
                 GFile      *file,
                 SpProjectOpenFlags flags,
                 GError     *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open Project"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  /* Someone else is changing it: reading it is still safe */
  if (g_error_matches (error, SP_ERROR, SP_ERROR_LOCKED) && !(flags & SP_PROJECT_OPEN_READ_ONLY))
    {
      RetryData *data = g_new0 (RetryData, 1);

      data->window = g_object_ref (self);
      data->file = g_object_ref (file);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "read-only", _("Open _Read-Only"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "read-only",
                                                  ADW_RESPONSE_SUGGESTED);
      g_signal_connect_data (dialog, "response", G_CALLBACK (locked_response_cb),
                             data, retry_data_free, 0);
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
sp_window_open_project (SpWindow           *self,
                        GFile              *file,
                        SpProjectOpenFlags  flags)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, SP_ERROR, SP_ERROR_IO,
                   _("“%s” is not a local file. Standpoint can only open projects stored on this computer."),
                   uri);
      show_open_error (self, file, flags, error);
      return FALSE;
    }

  /* Already open here */
  if (self->project != NULL)
    {
      g_autofree char *a = g_canonicalize_filename (path, NULL);
      g_autofree char *b = g_canonicalize_filename (sp_project_get_path (self->project), NULL);

      if (g_strcmp0 (a, b) == 0 &&
          (sp_project_is_read_only (self->project) || !(flags & SP_PROJECT_OPEN_READ_ONLY)))
        {
          gtk_window_present (GTK_WINDOW (self));
          return TRUE;
        }
      /* Re-opening our own project read-only: let go of it first */
      if (g_strcmp0 (a, b) == 0)
        sp_window_set_project (self, NULL);
    }

  project = sp_project_open (path, flags, &error);
  if (project == NULL)
    {
      show_open_error (self, file, flags, error);
      return FALSE;
    }

  sp_window_set_project (self, project);
  return TRUE;
}

gboolean
sp_window_create_project (SpWindow *self,
                          GFile    *file)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      _sp_window_show_error (self, _("Could Not Create Project"),
                             _("Projects can only be created on this computer’s disks."));
      return FALSE;
    }

  if (!g_str_has_suffix (path, SP_PROJECT_FILE_EXTENSION))
    {
      char *with_extension = g_strconcat (path, SP_PROJECT_FILE_EXTENSION, NULL);

      g_free (path);
      path = with_extension;
    }

  /* sp_project_create() never overwrites: an existing file is an error */
  project = sp_project_create (path, &error);
  if (project == NULL)
    {
      _sp_window_show_error (self, _("Could Not Create Project"), error->message);
      return FALSE;
    }

  sp_window_set_project (self, project);
  return TRUE;
}

/* The sample project */

static void
build_sample_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(SpProject) project = NULL;
  GError *error = NULL;

  /* Built here on a connection of this thread, then closed: the window
   * opens it again on its own thread. */
  project = sp_sample_project_open (path, cancellable, &error);
  if (project == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  sp_project_close (project);
  g_task_return_boolean (task, TRUE);
}

static void
build_sample_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SpWindow *self = SP_WINDOW (object);
  g_autoptr(GError) error = NULL;
  const char *path = g_task_get_task_data (G_TASK (result));

  /* The window was closed, or another project opened, meanwhile */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_debug ("Sample project ready, but no longer wanted");
      return;
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Building the sample project was cancelled");
          return;
        }

      gtk_stack_set_visible_child_name (self->main_stack, self->project != NULL ? "project" : "welcome");
      _sp_window_show_error (self, _("Could Not Create the Sample Project"), error->message);
      return;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    if (!sp_window_open_project (self, file, SP_PROJECT_OPEN_DEFAULT))
      gtk_stack_set_visible_child_name (self->main_stack, self->project != NULL ? "project" : "welcome");
  }
}

void
sp_window_open_sample (SpWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SP_IS_WINDOW (self));

  path = sp_sample_project_default_path ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      sp_window_open_project (self, file, SP_PROJECT_OPEN_DEFAULT);
      return;
    }

  /* Let go of the current project while the sample is being built */
  sp_window_set_project (self, NULL);

  g_cancellable_cancel (self->sample_cancellable);
  g_clear_object (&self->sample_cancellable);
  self->sample_cancellable = g_cancellable_new ();

  gtk_label_set_label (self->loading_label, _("Preparing the sample project…"));
  gtk_stack_set_visible_child_name (self->main_stack, "loading");

  task = g_task_new (self, self->sample_cancellable, build_sample_done_cb, NULL);
  g_task_set_source_tag (task, sp_window_open_sample);
  g_task_set_name (task, "[standpoint] build sample project");
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, build_sample_thread);
}

/* Getters */

SpSidebar *
sp_window_get_sidebar (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->sidebar;
}

SpDocumentView *
sp_window_get_document_view (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return SP_WINDOW_ACTIVE_VIEW (self);
}

SpDocumentView *
sp_window_get_pane_view (SpWindow     *self,
                         SpWindowPane  pane)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (pane == SP_WINDOW_PANE_LEFT || pane == SP_WINDOW_PANE_RIGHT, NULL);

  return self->views[pane];
}

SpWindowPane
sp_window_get_active_pane (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), SP_WINDOW_PANE_LEFT);

  return self->active_pane;
}

GtkPaned *
sp_window_get_split_paned (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->split_paned;
}

SpLinkPopover *
sp_window_get_link_popover (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->link_popover;
}

SpCompareView *
sp_window_get_compare_view (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->compare_view;
}

SpAttributionView *
sp_window_get_attribution_view (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->attribution_view;
}

SpAnnotationsPanel *
sp_window_get_annotations_panel (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->annotations_panel;
}

SpSearchPanel *
sp_window_get_search_panel (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->search_panel;
}

SpTagPopover *
sp_window_get_tag_popover (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->tag_popover;
}

AdwToast *
sp_window_get_undo_toast (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->undo_toast;
}

const char *
sp_window_get_page (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

static void
set_sidebar_visible (SpWindow *self,
                     gboolean  visible)
{
  visible = !!visible;
  if (self->sidebar_visible == visible)
    return;

  self->sidebar_visible = visible;
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), visible);
  gtk_widget_set_tooltip_text (self->sidebar_button, visible ? _("Hide Sidebar") : _("Show Sidebar"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_VISIBLE]);
}

/* GObject and GtkWidget */

SpWindow *
sp_window_new (GtkApplication *application)
{
  return g_object_new (SP_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

static gboolean
sp_window_close_request (GtkWindow *window)
{
  SpWindow *self = SP_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (gtk_widget_get_visible (GTK_WIDGET (self->sidebar)) && gtk_paned_get_position (self->paned) > 0)
    g_settings_set_int (self->settings, "sidebar-width",
                        CLAMP (gtk_paned_get_position (self->paned), 180, 800));

  _sp_window_cancel_import (self);
  g_cancellable_cancel (self->sample_cancellable);
  _sp_window_split_save_position (self);

  return GTK_WINDOW_CLASS (sp_window_parent_class)->close_request (window);
}

static void
sp_window_dispose (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  _sp_window_cancel_import (self);
  g_cancellable_cancel (self->sample_cancellable);
  g_clear_object (&self->sample_cancellable);
  _sp_window_split_save_position (self);

  if (self->sidebar != NULL)
    sp_sidebar_set_project (self->sidebar, NULL);
  if (self->project != NULL)
    g_clear_signal_handler (&self->project_changed_id, self->project);
  g_clear_object (&self->project);
  _sp_window_annotate_dispose (self);
  _sp_window_library_dispose (self);
  _sp_window_links_dispose (self);
  _sp_window_split_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_window_parent_class)->dispose (object);
}

static void
sp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, self->sidebar_visible);
      break;

    case PROP_ANNOTATIONS_VISIBLE:
      g_value_set_boolean (value, g_strcmp0 (self->side_pane, "annotations") == 0);
      break;

    case PROP_SEARCH_VISIBLE:
      g_value_set_boolean (value, g_strcmp0 (self->side_pane, "search") == 0);
      break;

    case PROP_SIDE_BY_SIDE:
      g_value_set_boolean (value, self->side_by_side);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      sp_window_set_project (self, g_value_get_object (value));
      break;

    case PROP_SIDEBAR_VISIBLE:
      set_sidebar_visible (self, g_value_get_boolean (value));
      break;

    case PROP_ANNOTATIONS_VISIBLE:
      if (g_value_get_boolean (value))
        _sp_window_set_side_pane (self, "annotations");
      else if (g_strcmp0 (self->side_pane, "annotations") == 0)
        _sp_window_set_side_pane (self, NULL);
      break;

    case PROP_SEARCH_VISIBLE:
      if (g_value_get_boolean (value))
        _sp_window_set_side_pane (self, "search");
      else if (g_strcmp0 (self->side_pane, "search") == 0)
        _sp_window_set_side_pane (self, NULL);
      break;

    case PROP_SIDE_BY_SIDE:
      sp_window_set_side_by_side (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_class_init (SpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sp_window_dispose;
  object_class->get_property = sp_window_get_property;
  object_class->set_property = sp_window_set_property;

  window_class->close_request = sp_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         SP_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ANNOTATIONS_VISIBLE] =
    g_param_spec_boolean ("annotations-visible", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SEARCH_VISIBLE] =
    g_param_spec_boolean ("search-visible", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SIDE_BY_SIDE] =
    g_param_spec_boolean ("side-by-side", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_ANNOTATIONS_PANEL);
  g_type_ensure (SP_TYPE_ATTRIBUTION_VIEW);
  g_type_ensure (SP_TYPE_COMPARE_VIEW);
  g_type_ensure (SP_TYPE_SEARCH_PANEL);
  g_type_ensure (SP_TYPE_DOCUMENT_VIEW);
  g_type_ensure (SP_TYPE_SIDEBAR);
  g_type_ensure (SP_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, split_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, attribution_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, split_paned);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, document_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, right_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, left_pane);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, right_pane);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, left_header);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, right_header);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, left_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, right_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, empty_import_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, tag_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, annotations_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, side_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, annotations_panel);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, search_panel);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, undo_section);
  gtk_widget_class_bind_template_callback (widget_class, _sp_window_annotation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, _sp_window_edit_annotation_cb);
  gtk_widget_class_bind_template_callback (widget_class, _sp_window_delete_annotation_cb);
  gtk_widget_class_bind_template_callback (widget_class, _sp_window_search_hit_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, document_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_document_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_stakeholder_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, _sp_window_sidebar_theme_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, _sp_window_sidebar_stakeholder_edit_cb);
  gtk_widget_class_bind_template_callback (widget_class, welcome_open_recent_cb);
  gtk_widget_class_bind_template_callback (widget_class, _sp_window_import_cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, _sp_window_link_activated_cb);

  _sp_window_class_actions_init (klass);
  _sp_window_class_library_init (klass);
  _sp_window_class_annotate_init (klass);
  _sp_window_class_split_init (klass);
  _sp_window_class_links_init (klass);
  _sp_window_class_views_init (klass);
  _sp_window_class_export_init (klass);
}

/* "highlight-style" -> SpDocumentView:underline-highlights */
static gboolean
highlight_style_get_mapping (GValue   *value,
                             GVariant *variant,
                             gpointer  user_data)
{
  g_value_set_boolean (value, g_strcmp0 (g_variant_get_string (variant, NULL), "underline") == 0);
  return TRUE;
}

static void
sp_window_init (SpWindow *self)
{
  int width, height;

  self->sidebar_visible = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_paned_set_position (self->paned, g_settings_get_int (self->settings, "sidebar-width"));
  g_settings_bind (self->settings, "sidebar-visible", self, "sidebar-visible", G_SETTINGS_BIND_DEFAULT);

  self->views[SP_WINDOW_PANE_LEFT] = self->document_view;
  self->views[SP_WINDOW_PANE_RIGHT] = self->right_view;
  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    {
      g_settings_bind (self->settings, "document-zoom", self->views[i], "zoom", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "show-page-numbers", self->views[i], "show-page-numbers", G_SETTINGS_BIND_GET);
      g_settings_bind_with_mapping (self->settings, "highlight-style",
                                    self->views[i], "underline-highlights",
                                    G_SETTINGS_BIND_GET,
                                    highlight_style_get_mapping, NULL, NULL, NULL);
    }

  g_signal_connect_object (self->sidebar, "notify::n-documents",
                           G_CALLBACK (sidebar_n_documents_cb), self, G_CONNECT_SWAPPED);

  _sp_window_import_init (self);
  _sp_window_library_set_project (self);
  _sp_window_split_init (self);
  _sp_window_annotate_init (self);
  _sp_window_links_init (self);
  _sp_window_views_init (self);
  g_settings_bind (self->settings, "annotations-visible", self, "annotations-visible", G_SETTINGS_BIND_DEFAULT);

  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  _sp_window_update_titles (self);
  _sp_window_update_actions (self);
}
