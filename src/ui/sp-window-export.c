/* sp-window-export.c: the window's way out of the project — the annotated
 * brief (dialog and print), the data exports, and a REFI-QDA import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-brief-dialog.h"
#include "sp-export-data.h"
#include "sp-window-private.h"

static void
brief_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  if (self->project != NULL)
    gtk_window_present (GTK_WINDOW (sp_brief_dialog_new (GTK_WINDOW (self), self->project)));
}

/* Ctrl+P prints a brief of everything: narrowing it down is what the
 * brief dialog is for, and it has its own Print button. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autoptr(SpBriefScope) scope = NULL;

  if (self->project == NULL)
    return;
  scope = sp_brief_scope_new ();
  sp_brief_print (GTK_WINDOW (self), self->project, scope);
}

static void
export_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  if (self->project != NULL)
    sp_export_data_run (GTK_WINDOW (self), self->project);
}

static void
import_qdpx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  if (self->project != NULL)
    sp_import_qdpx_run (GTK_WINDOW (self), self->project);
}

void
_sp_window_export_update_actions (SpWindow *self)
{
  gboolean has_project = self->project != NULL;
  gboolean writable = has_project && !sp_project_is_read_only (self->project);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.brief", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-data", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-qdpx", writable);
}

void
_sp_window_class_export_init (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.brief", NULL, brief_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-data", NULL, export_data_action);
  gtk_widget_class_install_action (widget_class, "win.import-qdpx", NULL, import_qdpx_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.brief", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}
