/* sp-window-private.h: shared by the sp-window*.c files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-annotations-panel.h"
#include "sp-attribution-view.h"
#include "sp-codebook-editor.h"
#include "sp-compare-view.h"
#include "sp-import-job.h"
#include "sp-link-popover.h"
#include "sp-links.h"
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
  AdwViewSwitcherTitle *window_title;
  GtkWidget            *sidebar_button;
  GtkWidget            *import_button;
  GtkWidget            *split_button;
  GtkMenuButton        *menu_button;
  GtkStack             *main_stack;
  SpWelcomePage        *welcome_page;
  GtkLabel             *loading_label;
  GtkInfoBar           *read_only_bar;
  GtkLabel             *read_only_label;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  AdwViewStack         *view_stack;
  SpCompareView        *compare_view;
  SpAttributionView    *attribution_view;
  GtkPaned             *paned;
  SpSidebar            *sidebar;
  GtkStack             *content_stack;
  GtkPaned             *split_paned;
  SpDocumentView       *document_view;   /* the left pane */
  SpDocumentView       *right_view;
  GtkWidget            *left_pane;
  GtkWidget            *right_pane;
  GtkWidget            *left_header;
  GtkWidget            *right_header;
  GtkDropDown          *left_dropdown;
  GtkDropDown          *right_dropdown;
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

  /* Side by side (sp-window-split.c) */
  SpDocumentView       *views[2];        /* SpWindowPane -> view */
  SpWindowPane          active_pane;     /* the pane that has, or last had, focus */
  gboolean              side_by_side;
  GArray               *document_ids;    /* gint64, the dropdowns' order */
  guint                 syncing;         /* > 0 while the window moves selections itself */
  guint                 save_position_id;
  int                   split_width;     /* the divider's paned, when last moved */

  /* Links (sp-window-links.c) */
  SpLinkPopover        *link_popover;
  SpPassage             link_here;       /* the active pane's passage */
  SpPassage             link_there;
};

/* The view of the active pane */
#define SP_WINDOW_ACTIVE_VIEW(self) ((self)->views[(self)->active_pane])

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
/* Re-reads the shown documents' annotations into the views and the panel */
void _sp_window_reload_annotations  (SpWindow      *self);
/* @view's selection widened to whole words; FALSE (with a toast saying
 * @nothing_selected) if it holds no words. */
gboolean _sp_window_get_snapped_selection (SpWindow       *self,
                                     SpDocumentView *view,
                                     const char     *nothing_selected,
                                     int            *start,
                                     int            *end);
/* Moves @popover to @view (popped down first) if it points elsewhere */
void _sp_window_move_popover        (GtkPopover     *popover,
                                     SpDocumentView *view);
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

/* sp-window-split.c: the two panes, which one is active, the documents
 * they show, and remembering the pair and the divider per project */
void _sp_window_class_split_init    (SpWindowClass *klass);
void _sp_window_split_init          (SpWindow      *self);
void _sp_window_split_dispose       (SpWindow      *self);
/* After the project changed: fills the dropdowns and restores the pair */
void _sp_window_split_set_project   (SpWindow      *self);
/* Stores a divider position still waiting to be stored, now */
void _sp_window_split_save_position (SpWindow      *self);
/* The project's documents changed */
void _sp_window_split_documents_changed (SpWindow  *self);
/* Shows @document_id in @pane (loads it if it shows another one) with its
 * annotations and links; FALSE with a toast if it cannot be read. */
gboolean _sp_window_load_in_pane    (SpWindow      *self,
                                     SpWindowPane   pane,
                                     gint64         document_id);
void _sp_window_set_active_pane     (SpWindow      *self,
                                     SpWindowPane   pane);
/* Opens the second pane for following a link, keeping the first as is */
void _sp_window_open_second_pane    (SpWindow      *self);
/* Updates the window title (sp-window.c) */
void _sp_window_update_titles       (SpWindow      *self);
/* Shows the document page, or the placeholder when no pane has one */
void _sp_window_update_content_page (SpWindow      *self);

/* sp-window-links.c */
void _sp_window_class_links_init    (SpWindowClass *klass);
void _sp_window_links_init          (SpWindow      *self);
void _sp_window_links_dispose       (SpWindow      *self);
/* Re-reads the link markers of both panes */
void _sp_window_reload_links        (SpWindow      *self);
void _sp_window_link_activated_cb   (SpWindow      *self,
                                     gint64         link_id,
                                     int            start,
                                     SpDocumentView *view);

/* sp-window-views.c: Read, Compare and Attributions */
void _sp_window_class_views_init    (SpWindowClass *klass);

/* sp-window-export.c: briefs, printing, data exports, REFI-QDA import */
void _sp_window_class_export_init   (SpWindowClass *klass);
void _sp_window_export_update_actions (SpWindow    *self);
void _sp_window_views_init          (SpWindow      *self);
void _sp_window_views_set_project   (SpWindow      *self);
void _sp_window_view_changed_cb     (SpWindow      *self);

/* sp-window-import.c */
void _sp_window_import_init         (SpWindow      *self);
void _sp_window_cancel_import       (SpWindow      *self);
void _sp_window_import_cancel_cb    (SpWindow      *self);

G_END_DECLS
