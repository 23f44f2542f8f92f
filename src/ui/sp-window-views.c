/* sp-window-views.c: the window's three views — Read (the documents, one
 * or two panes), Compare (positions by theme and stakeholder) and
 * Attributions (the report's attributed passages) — and what the last two
 * hand back to reading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-annotations.h"
#include "sp-window-private.h"

const char *
sp_window_get_view (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
sp_window_set_view (SpWindow   *self,
                    const char *view)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, view) == NULL)
    {
      g_warning ("The window has no view “%s”", view);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, view);
}

void
_sp_window_view_changed_cb (SpWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean reading = g_strcmp0 (view, SP_WINDOW_VIEW_READ) == 0;

  /* The reading tools in the header bar only make sense while reading */
  if (self->project != NULL)
    {
      gtk_widget_set_visible (self->split_button, reading);
      gtk_widget_set_visible (self->tag_button, reading);
      gtk_widget_set_visible (self->annotations_button, reading);
      gtk_widget_set_visible (self->search_button, reading);
      gtk_widget_set_visible (self->sidebar_button, reading);
    }

  if (view != NULL && self->settings != NULL)
    g_settings_set_string (self->settings, "main-view", view);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  if (self->project != NULL)
    sp_window_set_view (self, g_variant_get_string (param, NULL));
}

/* Compare: a passage behind a cell, opened in the active pane */
static void
compare_annotation_activated_cb (SpCompareView *compare_view,
                                 gint64         annotation_id,
                                 SpWindow      *self)
{
  g_autoptr(SpAnnotationInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;

  if ((info = sp_project_get_annotation (self->project, annotation_id, &error)) == NULL)
    {
      sp_window_add_toast (self, error->message);
      return;
    }

  sp_window_set_view (self, SP_WINDOW_VIEW_READ);
  _sp_window_search_hit_activated_cb (self, info->document_id, info->start, info->end);
  gtk_widget_grab_focus (GTK_WIDGET (SP_WINDOW_ACTIVE_VIEW (self)));
}

/* Attributions: a report passage beside a transcript candidate */
static void
attribution_show_pair_cb (SpAttributionView *attribution_view,
                          gint64             report_id,
                          gint64             report_start,
                          gint64             report_end,
                          gint64             transcript_id,
                          gint64             transcript_start,
                          gint64             transcript_end,
                          SpWindow          *self)
{
  if (self->project == NULL)
    return;

  sp_window_set_view (self, SP_WINDOW_VIEW_READ);
  sp_window_set_side_by_side (self, TRUE);
  if (!_sp_window_load_in_pane (self, SP_WINDOW_PANE_LEFT, report_id) ||
      !_sp_window_load_in_pane (self, SP_WINDOW_PANE_RIGHT, transcript_id))
    return;

  sp_document_view_go_to_range (self->views[SP_WINDOW_PANE_LEFT], (int) report_start, (int) report_end, TRUE);
  sp_document_view_go_to_range (self->views[SP_WINDOW_PANE_RIGHT], (int) transcript_start, (int) transcript_end, TRUE);
  sp_window_focus_pane (self, SP_WINDOW_PANE_LEFT);
}

/* Connects @handler to @signal of @instance, when it has that signal: the
 * views are written against their headers and may not emit it yet. */
static void
connect_if_present (gpointer    instance,
                    const char *signal,
                    GCallback   handler,
                    SpWindow   *self)
{
  if (g_signal_lookup (signal, G_OBJECT_TYPE (instance)) == 0)
    {
      g_debug ("%s has no ::%s signal yet", G_OBJECT_TYPE_NAME (instance), signal);
      return;
    }

  g_signal_connect_object (instance, signal, handler, self, 0);
}

void
_sp_window_views_set_project (SpWindow *self)
{
  sp_compare_view_set_project (self->compare_view, self->project);
  sp_attribution_view_set_project (self->attribution_view, self->project);
  adw_view_switcher_title_set_view_switcher_enabled (self->window_title, self->project != NULL);

  if (self->project == NULL)
    sp_window_set_view (self, SP_WINDOW_VIEW_READ);
  _sp_window_view_changed_cb (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", self->project != NULL);
}

void
_sp_window_class_views_init (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, _sp_window_view_changed_cb);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", SP_WINDOW_VIEW_READ);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", SP_WINDOW_VIEW_COMPARE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", SP_WINDOW_VIEW_ATTRIBUTIONS);
}

void
_sp_window_views_init (SpWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "main-view");

  connect_if_present (self->compare_view, "annotation-activated",
                      G_CALLBACK (compare_annotation_activated_cb), self);
  connect_if_present (self->attribution_view, "show-pair",
                      G_CALLBACK (attribution_show_pair_cb), self);

  if (adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, view);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", FALSE);
}
