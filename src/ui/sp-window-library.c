/* sp-window-library.c: what the sidebar's themes and stakeholders do in
 * the window, and the codebook and stakeholder editors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-window-private.h"

static void
open_annotations (SpWindow *self)
{
  if (g_strcmp0 (self->side_pane, "annotations") != 0)
    _sp_window_set_side_pane (self, "annotations");
}

void
_sp_window_sidebar_theme_activated_cb (SpWindow *self,
                                       gint64    theme_id)
{
  g_assert (SP_IS_WINDOW (self));

  if (self->project == NULL)
    return;

  open_annotations (self);
  sp_annotations_panel_set_filter (self->annotations_panel, theme_id, 0, SP_STANCE_NONE);
}

void
_sp_window_filter_by_stakeholder (SpWindow *self,
                                  gint64    stakeholder_id)
{
  g_assert (SP_IS_WINDOW (self));

  if (self->project == NULL)
    return;

  open_annotations (self);
  sp_annotations_panel_set_filter (self->annotations_panel, 0, stakeholder_id, SP_STANCE_NONE);
}

void
_sp_window_sidebar_stakeholder_edit_cb (SpWindow *self,
                                        gint64    stakeholder_id)
{
  sp_window_edit_stakeholder (self, stakeholder_id);
}

SpCodebookEditor *
sp_window_show_codebook (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  if (self->project == NULL)
    return NULL;

  if (self->codebook_editor == NULL)
    {
      self->codebook_editor = sp_codebook_editor_new (self->project);
      g_object_add_weak_pointer (G_OBJECT (self->codebook_editor), (gpointer *) &self->codebook_editor);
      gtk_window_set_transient_for (GTK_WINDOW (self->codebook_editor), GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self->codebook_editor), TRUE);
      if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
        gtk_window_set_application (GTK_WINDOW (self->codebook_editor),
                                    gtk_window_get_application (GTK_WINDOW (self)));
    }

  gtk_window_present (GTK_WINDOW (self->codebook_editor));
  return self->codebook_editor;
}

SpStakeholderEditor *
sp_window_edit_stakeholder (SpWindow *self,
                            gint64    stakeholder_id)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  if (self->project == NULL || stakeholder_id == 0)
    return NULL;

  if (self->stakeholder_editor == NULL)
    {
      self->stakeholder_editor = sp_stakeholder_editor_new (self->project, stakeholder_id);
      g_object_add_weak_pointer (G_OBJECT (self->stakeholder_editor), (gpointer *) &self->stakeholder_editor);
      gtk_window_set_transient_for (GTK_WINDOW (self->stakeholder_editor), GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self->stakeholder_editor), TRUE);
      if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
        gtk_window_set_application (GTK_WINDOW (self->stakeholder_editor),
                                    gtk_window_get_application (GTK_WINDOW (self)));
    }
  else
    sp_stakeholder_editor_set_stakeholder (self->stakeholder_editor, stakeholder_id);

  gtk_window_present (GTK_WINDOW (self->stakeholder_editor));
  return self->stakeholder_editor;
}

/* The editors belong to one project: a new one closes them */
static void
close_editors (SpWindow *self)
{
  if (self->codebook_editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->codebook_editor));
  if (self->stakeholder_editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->stakeholder_editor));
}

void
_sp_window_library_set_project (SpWindow *self)
{
  if (self->codebook_editor != NULL &&
      sp_codebook_editor_get_project (self->codebook_editor) != self->project)
    gtk_window_destroy (GTK_WINDOW (self->codebook_editor));
  if (self->stakeholder_editor != NULL && self->project == NULL)
    gtk_window_destroy (GTK_WINDOW (self->stakeholder_editor));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.codebook", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-stakeholder", self->project != NULL);
}

void
_sp_window_library_dispose (SpWindow *self)
{
  close_editors (self);
}

static void
codebook_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  sp_window_show_codebook (SP_WINDOW (widget));
}

static void
edit_stakeholder_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  sp_window_edit_stakeholder (SP_WINDOW (widget), g_variant_get_int64 (param));
}

void
_sp_window_class_library_init (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.codebook", NULL, codebook_action);
  gtk_widget_class_install_action (widget_class, "win.edit-stakeholder", "x", edit_stakeholder_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.codebook", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_K, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.codebook", NULL);
}
