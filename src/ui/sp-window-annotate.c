/* sp-window-annotate.c: tagging passages (theme keys and the tagging
 * popover), undo and redo, the annotations and search panes.
 *
 * All of it acts on the active pane (SP_WINDOW_ACTIVE_VIEW); a change
 * shows in both panes when both show the document it touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-annotations.h"
#include "sp-error.h"
#include "sp-project-themes.h"
#include "sp-text-snap.h"
#include "sp-window-private.h"

/* Characters of context around a selection when widening it to words */
#define SNAP_CONTEXT 80

/* Loading */

static GPtrArray *
list_document_annotations (SpWindow  *self,
                           gint64     document_id,
                           GError   **error)
{
  SpAnnotationFilter filter = { 0, };

  filter.document_id = document_id;
  filter.stance = SP_STANCE_NONE;

  return sp_project_list_annotations (self->project, &filter, error);
}

static void
reload_themes (SpWindow *self)
{
  g_clear_pointer (&self->themes, g_ptr_array_unref);
  if (self->project != NULL)
    self->themes = sp_project_list_themes (self->project, NULL);
}

void
_sp_window_reload_annotations (SpWindow *self)
{
  g_autoptr(GPtrArray) stakeholders = NULL;
  GPtrArray *shown[G_N_ELEMENTS (self->views)] = { NULL, };

  if (self->themes == NULL && self->project != NULL)
    reload_themes (self);

  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    {
      gint64 document_id = sp_document_view_get_document_id (self->views[i]);
      g_autoptr(GError) error = NULL;

      if (self->project == NULL || document_id == 0)
        {
          sp_document_view_set_annotations (self->views[i], NULL, NULL);
          continue;
        }

      /* A list of its own even when both panes show one document: a view
       * changes its list in place when one annotation changes */
      if ((shown[i] = list_document_annotations (self, document_id, &error)) == NULL)
        {
          sp_window_add_toast (self, error->message);
          continue;
        }

      sp_document_view_set_annotations (self->views[i], shown[i], self->themes);
    }

  if (shown[self->active_pane] != NULL)
    {
      stakeholders = sp_project_list_stakeholders (self->project, NULL);
      sp_annotations_panel_set_annotations (self->annotations_panel, shown[self->active_pane],
                                            self->themes, stakeholders);
    }
  else
    sp_annotations_panel_set_annotations (self->annotations_panel, NULL, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    g_clear_pointer (&shown[i], g_ptr_array_unref);
}

/* Refreshes the one annotation @id in the views and the panel: added,
 * changed or (when the project no longer has it) removed. */
static void
refresh_annotation (SpWindow *self,
                    gint64    id)
{
  if (self->project == NULL)
    return;

  if (self->themes == NULL)
    reload_themes (self);

  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    {
      g_autoptr(SpAnnotationInfo) info = NULL;
      g_autoptr(GError) error = NULL;
      gint64 document_id = sp_document_view_get_document_id (self->views[i]);

      if (document_id == 0)
        continue;

      /* Each view takes its own copy */
      info = sp_project_get_annotation (self->project, id, &error);
      if (info == NULL && !g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND))
        {
          _sp_window_reload_annotations (self);
          return;
        }
      if (info != NULL && info->document_id != document_id)
        g_clear_pointer (&info, sp_annotation_info_free);

      if (i == self->active_pane)
        sp_annotations_panel_update_annotation (self->annotations_panel, id, info);
      sp_document_view_update_annotation (self->views[i], id, g_steal_pointer (&info), self->themes);
    }
}

static void
begin_tracking (SpWindow *self)
{
  self->tracking = TRUE;
  self->tracked_changes = 0;
}

/* After a change of the one annotation @id (0 if unknown): refreshes only
 * it when it was the only change, else everything. */
static void
end_tracking (SpWindow *self,
              gint64    id)
{
  guint changes = self->tracked_changes;

  self->tracking = FALSE;
  self->tracked_changes = 0;

  if (changes == 1 && id != 0)
    refresh_annotation (self, id);
  else if (changes > 0)
    _sp_window_reload_annotations (self);

  /* A linked passage deleted takes its links along */
  if (changes > 0)
    _sp_window_reload_links (self);
}

static void
project_changed_cb (SpWindow        *self,
                    SpProjectChange  what)
{
  if (self->tracking && what == SP_PROJECT_CHANGE_ANNOTATIONS)
    {
      self->tracked_changes++;
      return;
    }

  if (what & SP_PROJECT_CHANGE_THEMES)
    reload_themes (self);

  if (what & SP_PROJECT_CHANGE_DOCUMENTS)
    _sp_window_split_documents_changed (self);

  if (what & (SP_PROJECT_CHANGE_ANNOTATIONS | SP_PROJECT_CHANGE_THEMES | SP_PROJECT_CHANGE_STAKEHOLDERS))
    _sp_window_reload_annotations (self);

  if (what & (SP_PROJECT_CHANGE_LINKS | SP_PROJECT_CHANGE_ANNOTATIONS | SP_PROJECT_CHANGE_STAKEHOLDERS |
              SP_PROJECT_CHANGE_DOCUMENTS))
    _sp_window_reload_links (self);

  if (what & (SP_PROJECT_CHANGE_THEMES | SP_PROJECT_CHANGE_STAKEHOLDERS | SP_PROJECT_CHANGE_DOCUMENTS))
    sp_search_panel_reload (self->search_panel);
}

/* Undo and redo */

/* libadwaita 1.2 cannot dismiss a toast that is not shown yet, so a toast
 * whose Undo no longer applies is disarmed (its button goes insensitive)
 * instead of dismissed. */
static void
disarm_undo_toast (SpWindow *self)
{
  self->undo_toast = NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", FALSE);
}

static void
update_undo (SpWindow *self)
{
  gboolean can_undo = self->undo_manager != NULL && sp_undo_manager_can_undo (self->undo_manager);
  gboolean can_redo = self->undo_manager != NULL && sp_undo_manager_can_redo (self->undo_manager);
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);

  if (can_undo && sp_undo_manager_get_undo_label (self->undo_manager) != NULL)
    /* Translators: the Undo menu item, "_Undo <what>", e.g. "Undo Tag passage" */
    undo = g_strdup_printf (_("_Undo %s"), sp_undo_manager_get_undo_label (self->undo_manager));
  else
    undo = g_strdup (_("_Undo"));

  if (can_redo && sp_undo_manager_get_redo_label (self->undo_manager) != NULL)
    /* Translators: the Redo menu item, "_Redo <what>" */
    redo = g_strdup_printf (_("_Redo %s"), sp_undo_manager_get_redo_label (self->undo_manager));
  else
    redo = g_strdup (_("_Redo"));

  g_menu_remove_all (self->undo_section);
  if (self->project != NULL)
    {
      g_menu_append (self->undo_section, undo, "win.undo");
      g_menu_append (self->undo_section, redo, "win.redo");
    }
}

/* The one annotation that Undo (@undoing) or Redo would change now, or 0
 * when that is not known (it may change any number of them). */
static gint64
undo_subject (SpWindow *self,
              gboolean  undoing)
{
  SpProjectChange kind = 0;
  gint64 id = 0;
  gboolean known;

  known = undoing ? sp_undo_manager_peek_undo_subject (self->undo_manager, &kind, &id)
                  : sp_undo_manager_peek_redo_subject (self->undo_manager, &kind, &id);
  return known && kind == SP_PROJECT_CHANGE_ANNOTATIONS ? id : 0;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean undoing = g_str_equal (action_name, "win.undo");
  gint64 id;
  gboolean ok;

  if (self->undo_manager == NULL)
    return;

  /* Like a tag, edit or deletion, undoing one of them refreshes only the
   * annotation it touched, not all of them. */
  id = undo_subject (self, undoing);
  begin_tracking (self);
  if (undoing)
    ok = sp_undo_manager_undo (self->undo_manager, &error);
  else
    ok = sp_undo_manager_redo (self->undo_manager, &error);
  end_tracking (self, ok ? id : 0);

  if (!ok)
    sp_window_add_toast (self, error->message);
  disarm_undo_toast (self);
}

/* The toast's Undo button: undoes the deletion it announced, as long as
 * nothing else happened since. */
static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean ok;

  if (self->undo_toast == NULL || self->undo_manager == NULL)
    return;

  id = undo_subject (self, TRUE);
  begin_tracking (self);
  ok = sp_undo_manager_undo (self->undo_manager, &error);
  end_tracking (self, ok ? id : 0);
  if (!ok)
    sp_window_add_toast (self, error->message);
  disarm_undo_toast (self);
}

void
_sp_window_annotate_set_project (SpWindow  *self,
                                 SpProject *old_project)
{
  if (old_project != NULL)
    g_clear_signal_handler (&self->project_changed_id, old_project);
  if (self->undo_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_manager, self);
  g_clear_object (&self->undo_manager);
  g_clear_pointer (&self->themes, g_ptr_array_unref);

  if (self->tag_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->tag_popover));

  if (self->project != NULL)
    {
      self->project_changed_id =
        g_signal_connect_object (self->project, "changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
      self->undo_manager = g_object_ref (sp_project_get_undo_manager (self->project));
      g_signal_connect_swapped (self->undo_manager, "notify::can-undo", G_CALLBACK (update_undo), self);
      g_signal_connect_swapped (self->undo_manager, "notify::can-redo", G_CALLBACK (update_undo), self);
      g_signal_connect_swapped (self->undo_manager, "notify::undo-label", G_CALLBACK (update_undo), self);
      g_signal_connect_swapped (self->undo_manager, "notify::redo-label", G_CALLBACK (update_undo), self);
    }

  sp_search_panel_set_project (self->search_panel, self->project);
  gtk_widget_set_visible (self->tag_button, self->project != NULL);
  gtk_widget_set_visible (self->annotations_button, self->project != NULL);
  gtk_widget_set_visible (self->search_button, self->project != NULL);
  if (self->project == NULL)
    _sp_window_set_side_pane (self, NULL);
  update_undo (self);
}

/* Tagging */

/* The "default-stance" setting: the stance new tags start with */
static SpStance
default_stance (SpWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "default-stance");
  SpStance stance = SP_STANCE_NONE;

  if (!sp_stance_from_string (name, &stance))
    stance = SP_STANCE_NONE;

  return stance;
}

typedef struct
{
  SpWindow  *window;
  SpWindowPane pane;
  gint64     document_id;
  int        start;
  int        end;
  GArray    *theme_ids;
  gint64     stakeholder_id;
  SpStance   stance;
  char      *memo;
} TagRequest;

static void
tag_request_free (TagRequest *request)
{
  g_clear_object (&request->window);
  g_clear_pointer (&request->theme_ids, g_array_unref);
  g_free (request->memo);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TagRequest, tag_request_free)

static gboolean
can_annotate (SpWindow *self)
{
  if (self->project == NULL || sp_document_view_get_document_id (SP_WINDOW_ACTIVE_VIEW (self)) == 0)
    return FALSE;

  if (sp_project_is_read_only (self->project))
    {
      sp_window_add_toast (self, _("This project is open read-only: passages cannot be tagged"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_sp_window_get_snapped_selection (SpWindow       *self,
                                  SpDocumentView *view,
                                  const char     *nothing_selected,
                                  int            *start,
                                  int            *end)
{
  GtkTextBuffer *buffer = sp_document_view_get_buffer (view);
  int n_chars = gtk_text_buffer_get_char_count (buffer);
  int s, e, from, to;
  gsize snap_start, snap_end;
  g_autofree char *text = NULL;

  if (!sp_document_view_get_selection (view, &s, &e) || e <= s)
    {
      sp_window_add_toast (self, nothing_selected);
      return FALSE;
    }

  from = MAX (0, s - SNAP_CONTEXT);
  to = MIN (n_chars, e + SNAP_CONTEXT);
  text = sp_document_view_get_text_range (view, from, to);
  snap_start = s - from;
  snap_end = e - from;

  if (!sp_text_snap_to_words (text, -1, &snap_start, &snap_end))
    {
      sp_window_add_toast (self, _("The selection holds no words"));
      return FALSE;
    }

  *start = from + (int) snap_start;
  *end = from + (int) snap_end;
  return TRUE;
}

static void
run_tag_request (TagRequest      *request,
                 SpAnnotateFlags  flags)
{
  SpWindow *self = request->window;
  SpDocumentView *view = self->views[request->pane];
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (self->project == NULL || sp_document_view_get_document_id (view) != request->document_id)
    return;

  disarm_undo_toast (self);
  begin_tracking (self);
  if (!sp_project_annotate (self->project, request->document_id, request->start, request->end,
                            (const gint64 *) (gpointer) request->theme_ids->data, request->theme_ids->len,
                            request->stakeholder_id, request->stance, request->memo,
                            flags, &id, &error))
    {
      end_tracking (self, 0);
      sp_window_add_toast (self, error->message);
      return;
    }
  end_tracking (self, id);

  /* The highlight shows the passage now: let go of the selection */
  {
    GtkTextBuffer *buffer = sp_document_view_get_buffer (view);
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, request->end);
    gtk_text_buffer_place_cursor (buffer, &iter);
  }
}

static void
cross_turn_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        TagRequest       *request)
{
  if (g_strcmp0 (response, "tag") == 0)
    run_tag_request (request, SP_ANNOTATE_ALLOW_CROSS_TURN);
}

static void
tag_request_free_closure (gpointer  data,
                          GClosure *closure)
{
  tag_request_free (data);
}

/* Tags the request's passage, asking first when it runs over from one
 * speaker's turn into the next. Takes @request. */
static void
submit_tag_request (SpWindow   *self,
                    TagRequest *request)
{
  SpDocumentView *view = self->views[request->pane];
  SpSegmentInfo *first = sp_document_view_get_turn_at (view, request->start);
  SpSegmentInfo *last = sp_document_view_get_turn_at (view, request->end - 1);

  if (first != last)
    {
      GtkWidget *dialog;
      g_autofree char *body = NULL;

      if (first != NULL && last != NULL && first->stakeholder != NULL && last->stakeholder != NULL)
        body = g_strdup_printf (_("The passage runs from %s’s turn into %s’s. Tag it as one passage anyway?"),
                                first->stakeholder, last->stakeholder);
      else
        body = g_strdup (_("The passage runs over from one speaker’s turn into another. Tag it as one passage anyway?"));

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Tag Across Two Turns?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "tag", _("_Tag Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "tag", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "tag");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_data (dialog, "response", G_CALLBACK (cross_turn_response_cb),
                             request, tag_request_free_closure, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  run_tag_request (request, SP_ANNOTATE_DEFAULT);
  tag_request_free (request);
}

static TagRequest *
tag_request_new (SpWindow     *self,
                 int           start,
                 int           end,
                 const gint64 *theme_ids,
                 guint         n_theme_ids,
                 gint64        stakeholder_id,
                 SpStance      stance,
                 const char   *memo)
{
  TagRequest *request = g_new0 (TagRequest, 1);

  request->window = g_object_ref (self);
  request->pane = self->active_pane;
  request->document_id = sp_document_view_get_document_id (SP_WINDOW_ACTIVE_VIEW (self));
  request->start = start;
  request->end = end;
  request->theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (request->theme_ids, theme_ids, n_theme_ids);
  request->stakeholder_id = stakeholder_id;
  request->stance = stance;
  request->memo = g_strdup (memo != NULL ? memo : "");

  return request;
}

static void
tag_theme_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  gint64 theme_id = g_variant_get_int64 (param);
  int start, end;

  if (!can_annotate (self) ||
      !_sp_window_get_snapped_selection (self, SP_WINDOW_ACTIVE_VIEW (self),
                                         _("Select a passage to tag first"), &start, &end))
    return;

  submit_tag_request (self, tag_request_new (self, start, end, &theme_id, 1, 0, default_stance (self), ""));
}

static void
popover_tag_cb (SpWindow     *self,
                SpTagPopover *popover)
{
  g_autoptr(GArray) ids = sp_tag_popover_get_theme_ids (popover);
  g_autoptr(GError) error = NULL;
  gint64 editing_id = self->editing_id;

  gtk_popover_popdown (GTK_POPOVER (popover));

  if (self->project == NULL)
    return;

  disarm_undo_toast (self);
  if (editing_id != 0)
    {
      gboolean ok;

      begin_tracking (self);
      ok = sp_project_update_annotation (self->project, editing_id,
                                         (const gint64 *) (gpointer) ids->data, ids->len,
                                         sp_tag_popover_get_stakeholder_id (popover),
                                         sp_tag_popover_get_stance (popover),
                                         sp_tag_popover_get_memo (popover),
                                         &error);
      end_tracking (self, editing_id);
      if (!ok)
        sp_window_add_toast (self, error->message);
      return;
    }

  submit_tag_request (self, tag_request_new (self, self->tag_start, self->tag_end,
                                             (const gint64 *) (gpointer) ids->data, ids->len,
                                             sp_tag_popover_get_stakeholder_id (popover),
                                             sp_tag_popover_get_stance (popover),
                                             sp_tag_popover_get_memo (popover)));
}

static void
popover_closed_cb (SpWindow *self)
{
  self->editing_id = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (SP_WINDOW_ACTIVE_VIEW (self))))
    gtk_widget_grab_focus (GTK_WIDGET (SP_WINDOW_ACTIVE_VIEW (self)));
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autoptr(GPtrArray) stakeholders = NULL;
  SpDocumentView *view;
  gint64 document_id;
  gint64 proposed;
  int start, end;

  if (!can_annotate (self) ||
      !_sp_window_get_snapped_selection (self, SP_WINDOW_ACTIVE_VIEW (self),
                                         _("Select a passage to tag first"), &start, &end))
    return;

  view = SP_WINDOW_ACTIVE_VIEW (self);
  document_id = sp_document_view_get_document_id (view);
  proposed = sp_project_propose_stakeholder (self->project, document_id, start, end, NULL);
  stakeholders = sp_project_list_stakeholders (self->project, NULL);
  if (self->themes == NULL)
    reload_themes (self);

  self->tag_start = start;
  self->tag_end = end;
  self->editing_id = 0;
  sp_document_view_select_range (view, start, end);
  sp_tag_popover_setup (self->tag_popover, self->themes, stakeholders,
                        NULL, 0, proposed, default_stance (self), "", FALSE);
  _sp_window_move_popover (GTK_POPOVER (self->tag_popover), view);
  sp_document_view_popup_at_range (view, GTK_POPOVER (self->tag_popover), start, end);
}

void
_sp_window_edit_annotation_cb (SpWindow *self,
                               gint64    id)
{
  g_autoptr(SpAnnotationInfo) info = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GError) error = NULL;
  SpDocumentView *view;

  if (!can_annotate (self))
    return;

  if ((info = sp_project_get_annotation (self->project, id, &error)) == NULL)
    {
      sp_window_add_toast (self, error->message);
      return;
    }

  stakeholders = sp_project_list_stakeholders (self->project, NULL);
  if (self->themes == NULL)
    reload_themes (self);

  view = SP_WINDOW_ACTIVE_VIEW (self);
  sp_document_view_select_range (view, info->start, info->end);
  sp_tag_popover_setup (self->tag_popover, self->themes, stakeholders,
                        info->theme_ids != NULL ? (const gint64 *) (gpointer) info->theme_ids->data : NULL,
                        info->theme_ids != NULL ? info->theme_ids->len : 0,
                        info->stakeholder_id, info->stance, info->memo, TRUE);
  self->tag_start = info->start;
  self->tag_end = info->end;
  self->editing_id = id;
  _sp_window_move_popover (GTK_POPOVER (self->tag_popover), view);
  sp_document_view_popup_at_range (view, GTK_POPOVER (self->tag_popover),
                                   info->start, info->end);
}

static void
undo_toast_dismissed_cb (SpWindow *self,
                         AdwToast *toast)
{
  if (self->undo_toast == toast)
    disarm_undo_toast (self);
}

void
_sp_window_delete_annotation_cb (SpWindow *self,
                                 gint64    id)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!can_annotate (self))
    return;

  disarm_undo_toast (self);
  begin_tracking (self);
  if (!sp_project_delete_annotation (self->project, id, &error))
    {
      end_tracking (self, 0);
      sp_window_add_toast (self, error->message);
      return;
    }
  end_tracking (self, id);

  toast = adw_toast_new (_("Annotation deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->undo_toast = toast;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", TRUE);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_sp_window_annotation_activated_cb (SpWindow *self,
                                    gint64    id)
{
  SpDocumentView *view = SP_WINDOW_ACTIVE_VIEW (self);
  GPtrArray *annotations = sp_document_view_get_annotations (view);

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      SpAnnotationInfo *info = g_ptr_array_index (annotations, i);

      if (info->id == id)
        {
          sp_document_view_select_range (view, info->start, info->end);
          return;
        }
    }
}

void
_sp_window_search_hit_activated_cb (SpWindow *self,
                                    gint64    document_id,
                                    gint64    start,
                                    gint64    end)
{
  if (self->project == NULL || !_sp_window_load_in_pane (self, self->active_pane, document_id))
    return;

  sp_document_view_select_range (SP_WINDOW_ACTIVE_VIEW (self), start, end);
}

/* Keys: a theme's shortcut tags the selection with it, T opens the popover */

static gboolean
view_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     SpWindow              *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask () & ~GDK_SHIFT_MASK;
  gunichar c = gdk_keyval_to_unicode (keyval);
  char key[8] = { 0, };

  if (mods != 0 || c == 0 || !g_unichar_isgraph (c) || self->project == NULL)
    return GDK_EVENT_PROPAGATE;

  /* The keys act on the pane they were typed in */
  _sp_window_set_active_pane (self,
                              gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)) ==
                              GTK_WIDGET (sp_document_view_get_source_view (self->views[SP_WINDOW_PANE_RIGHT]))
                              ? SP_WINDOW_PANE_RIGHT : SP_WINDOW_PANE_LEFT);
  g_unichar_to_utf8 (g_unichar_tolower (c), key);

  if (!sp_document_view_get_selection (SP_WINDOW_ACTIVE_VIEW (self), NULL, NULL))
    {
      if (g_str_equal (key, "t"))
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "win.tag", NULL);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;
    }

  if (self->themes == NULL)
    reload_themes (self);

  for (guint i = 0; self->themes != NULL && i < self->themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (self->themes, i);

      if (theme->shortcut != NULL && g_ascii_strcasecmp (theme->shortcut, key) == 0)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "win.tag-theme", "x", theme->id);
          return GDK_EVENT_STOP;
        }
    }

  if (g_str_equal (key, "t"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.tag", NULL);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* Side pane */

void
_sp_window_set_side_pane (SpWindow   *self,
                          const char *name)
{
  gboolean was_annotations = g_strcmp0 (self->side_pane, "annotations") == 0;
  gboolean was_search = g_strcmp0 (self->side_pane, "search") == 0;

  if (g_strcmp0 (self->side_pane, name) == 0)
    return;

  g_free (self->side_pane);
  self->side_pane = g_strdup (name);

  if (name != NULL)
    gtk_stack_set_visible_child_name (self->side_stack, name);
  gtk_revealer_set_reveal_child (self->side_revealer, name != NULL);

  if (was_annotations != (g_strcmp0 (name, "annotations") == 0))
    g_object_notify (G_OBJECT (self), "annotations-visible");
  if (was_search != (g_strcmp0 (name, "search") == 0))
    g_object_notify (G_OBJECT (self), "search-visible");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  if (self->project == NULL)
    return;

  _sp_window_set_side_pane (self, "search");
  sp_search_panel_focus_entry (self->search_panel);
}

void
_sp_window_class_annotate_init (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.tag-theme", "x", tag_theme_action);
  gtk_widget_class_install_action (widget_class, "win.tag", NULL, tag_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-annotations", "annotations-visible");
  gtk_widget_class_install_property_action (widget_class, "win.toggle-search", "search-visible");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.tag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.search", NULL);
}

void
_sp_window_move_popover (GtkPopover     *popover,
                         SpDocumentView *view)
{
  if (gtk_widget_get_parent (GTK_WIDGET (popover)) == GTK_WIDGET (view))
    return;

  gtk_popover_popdown (popover);
  g_object_ref (popover);
  gtk_widget_unparent (GTK_WIDGET (popover));
  gtk_widget_set_parent (GTK_WIDGET (popover), GTK_WIDGET (view));
  g_object_unref (popover);
}

void
_sp_window_annotate_init (SpWindow *self)
{
  GtkEventController *controller;
  g_autoptr(GMenu) extra = g_menu_new ();

  self->tag_popover = SP_TAG_POPOVER (sp_tag_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->tag_popover), GTK_WIDGET (SP_WINDOW_ACTIVE_VIEW (self)));
  g_signal_connect_object (self->tag_popover, "tag", G_CALLBACK (popover_tag_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tag_popover, "closed", G_CALLBACK (popover_closed_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    {
      controller = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect (controller, "key-pressed", G_CALLBACK (view_key_pressed_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (sp_document_view_get_source_view (self->views[i])), controller);
    }

  /* F8 shows the annotations pane. Caught on the way in: a class binding
   * would see it last, after the GtkPaned around the focus, which takes F8
   * for itself (cycle-handle-focus). */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F8, 0),
                                                          gtk_named_action_new ("win.toggle-annotations")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* The text views' context menu */
  g_menu_append (extra, _("_Tag Selection…"), "win.tag");
  g_menu_append (extra, _("_Link Passages…"), "win.link-passages");
  g_menu_append (extra, _("_Follow Link"), "win.follow-link");
  g_menu_append (extra, _("Show _Annotations"), "win.toggle-annotations");
  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (sp_document_view_get_source_view (self->views[i])),
                                  G_MENU_MODEL (extra));

  update_undo (self);
  disarm_undo_toast (self);
}

void
_sp_window_annotate_dispose (SpWindow *self)
{
  if (self->undo_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_manager, self);
  g_clear_object (&self->undo_manager);
  g_clear_pointer (&self->themes, g_ptr_array_unref);
  g_clear_pointer (&self->side_pane, g_free);
  if (self->tag_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->tag_popover));
      self->tag_popover = NULL;
    }
}
