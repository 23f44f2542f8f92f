/* sp-window-private.h: shared by sp-window.c, sp-window-actions.c and
 * sp-window-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-annotations-panel.h"
#include "sp-codebook-editor.h"
#include "sp-import-job.h"
#include "sp-search-panel.h"
#include "sp-stakeholder-editor.h"
#include "sp-tag-popover.h"
#include "sp-undo-manager.h"
#include "sp-welcome-page.h"
#include "sp-window.h"

G_BEGIN_DECLS

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *sidebar_button;
  GtkWidget            *import_button;
  GtkMenuButton        *menu_button;
  GtkStack             *main_stack;
  SpWelcomePage        *welcome_page;
  GtkLabel             *loading_label;
  GtkInfoBar           *read_only_bar;
  GtkLabel             *read_only_label;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GtkPaned             *paned;
  SpSidebar            *sidebar;
  GtkStack             *content_stack;
  SpDocumentView       *document_view;
  AdwStatusPage        *empty_page;
  GtkWidget            *empty_import_button;
  GtkWidget            *tag_button;
  GtkWidget            *annotations_button;
  GtkWidget            *search_button;
  GtkRevealer          *side_revealer;
  GtkStack             *side_stack;
  SpAnnotationsPanel   *annotations_panel;
  SpSearchPanel        *search_panel;
  GMenu                *undo_section;

  /* Annotating (sp-window-annotate.c) */
  SpTagPopover         *tag_popover;
  SpUndoManager        *undo_manager;
  gulong                project_changed_id;
  GPtrArray            *themes;          /* SpThemeInfo, tree order */
  int                   tag_start;       /* the passage the popover tags */
  int                   tag_end;
  gint64                editing_id;      /* the annotation it edits, or 0 */
  AdwToast             *undo_toast;      /* weak: the last "deleted" toast */
  /* Set around a change of one annotation made here: ::changed is then
   * counted, and the window refreshes only that annotation afterwards */
  gboolean              tracking;
  guint                 tracked_changes;
  char                 *side_pane;       /* "annotations", "search" or NULL */

  GSettings            *settings;
  SpProject            *project;

  /* The import in progress, if any */
  SpImportJob          *import_job;
  GCancellable         *import_cancellable;

  /* Building the sample project */
  GCancellable         *sample_cancellable;

  /* Editors (sp-window-library.c); weak */
  SpCodebookEditor     *codebook_editor;
  SpStakeholderEditor  *stakeholder_editor;

  gboolean              sidebar_visible;
};

/* sp-window-actions.c */
void _sp_window_class_actions_init  (SpWindowClass *klass);
void _sp_window_update_actions      (SpWindow      *self);
void _sp_window_show_error          (SpWindow      *self,
                                     const char    *heading,
                                     const char    *body);

/* sp-window-annotate.c */
void _sp_window_class_annotate_init (SpWindowClass *klass);
void _sp_window_annotate_init       (SpWindow      *self);
void _sp_window_annotate_dispose    (SpWindow      *self);
/* After the project changed (connects to its signals) */
void _sp_window_annotate_set_project (SpWindow     *self,
                                     SpProject     *old_project);
/* Re-reads the shown document's annotations into the view and the panel */
void _sp_window_reload_annotations  (SpWindow      *self);
/* "annotations", "search" or NULL */
void _sp_window_set_side_pane       (SpWindow      *self,
                                     const char    *name);
void _sp_window_annotation_activated_cb (SpWindow  *self,
                                     gint64         id);
void _sp_window_edit_annotation_cb  (SpWindow      *self,
                                     gint64         id);
void _sp_window_delete_annotation_cb (SpWindow     *self,
                                     gint64         id);
void _sp_window_search_hit_activated_cb (SpWindow  *self,
                                     gint64         document_id,
                                     gint64         start,
                                     gint64         end);

/* sp-window-library.c: the sidebar's themes and stakeholders, and the
 * codebook and stakeholder editors */
void _sp_window_class_library_init  (SpWindowClass *klass);
void _sp_window_library_set_project (SpWindow      *self);
void _sp_window_library_dispose     (SpWindow      *self);
void _sp_window_sidebar_theme_activated_cb (SpWindow *self,
                                     gint64         theme_id);
void _sp_window_sidebar_stakeholder_edit_cb (SpWindow *self,
                                     gint64         stakeholder_id);
/* Filters the annotations pane by @stakeholder_id, opening it */
void _sp_window_filter_by_stakeholder (SpWindow    *self,
                                     gint64         stakeholder_id);

/* sp-window-import.c */
void _sp_window_import_init         (SpWindow      *self);
void _sp_window_cancel_import       (SpWindow      *self);
void _sp_window_import_cancel_cb    (SpWindow      *self);

G_END_DECLS
