/* sp-window.h: the main window: a welcome page without a project, and the
 * project's documents, stakeholders and document views with one — one
 * pane, or two side by side with links between their passages — beside
 * the Compare and Attributions views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-annotations-panel.h"
#include "sp-attribution-view.h"
#include "sp-codebook-editor.h"
#include "sp-compare-view.h"
#include "sp-document-view.h"
#include "sp-link-popover.h"
#include "sp-search-panel.h"
#include "sp-tag-popover.h"
#include "sp-project.h"
#include "sp-sidebar.h"
#include "sp-stakeholder-editor.h"

G_BEGIN_DECLS

#define SP_TYPE_WINDOW (sp_window_get_type ())

G_DECLARE_FINAL_TYPE (SpWindow, sp_window, SP, WINDOW, AdwApplicationWindow)

typedef enum
{
  SP_WINDOW_PANE_LEFT,
  SP_WINDOW_PANE_RIGHT,
} SpWindowPane;

/* Names of the window's views, for sp_window_set_view() */
#define SP_WINDOW_VIEW_READ         "read"
#define SP_WINDOW_VIEW_COMPARE      "compare"
#define SP_WINDOW_VIEW_ATTRIBUTIONS "attributions"

SpWindow       *sp_window_new                (GtkApplication *application);

/* Shows @project (the window keeps a reference); NULL shows the welcome
 * page. The project is added to the recent projects. */
void            sp_window_set_project        (SpWindow       *self,
                                              SpProject      *project);
SpProject      *sp_window_get_project        (SpWindow       *self);
/* The open project's file, or NULL. */
const char     *sp_window_get_project_path   (SpWindow       *self);

/* Open or create a project file; errors are shown in the window. */
gboolean        sp_window_open_project       (SpWindow       *self,
                                              GFile          *file,
                                              SpProjectOpenFlags flags);
gboolean        sp_window_create_project     (SpWindow       *self,
                                              GFile          *file);
/* Opens the sample project, building it first (in a thread) if needed. */
void            sp_window_open_sample        (SpWindow       *self);
void            sp_window_close_project      (SpWindow       *self);

/* File choosers */
void            sp_window_choose_new_project (SpWindow       *self);
void            sp_window_choose_project     (SpWindow       *self);
void            sp_window_choose_import      (SpWindow       *self);

/* Imports @files into the open project in the background. */
void            sp_window_import_files       (SpWindow       *self,
                                              GFile         **files,
                                              guint           n_files);
gboolean        sp_window_is_importing       (SpWindow       *self);

void            sp_window_add_toast          (SpWindow       *self,
                                              const char     *message);

SpSidebar      *sp_window_get_sidebar        (SpWindow       *self);
/* The view of the active pane: the one that has, or last had, focus. */
SpDocumentView *sp_window_get_document_view  (SpWindow       *self);
SpDocumentView *sp_window_get_pane_view      (SpWindow       *self,
                                              SpWindowPane    pane);
SpWindowPane    sp_window_get_active_pane    (SpWindow       *self);
/* Makes @pane the active one and gives it the focus. */
void            sp_window_focus_pane         (SpWindow       *self,
                                              SpWindowPane    pane);
/* Two panes (the "side-by-side" property, win.side-by-side). Turning it
 * on shows the pair last used with this project, or the first report on
 * the left and the first transcript on the right. */
gboolean        sp_window_get_side_by_side   (SpWindow       *self);
void            sp_window_set_side_by_side   (SpWindow       *self,
                                              gboolean        side_by_side);
/* Shows @document_id in @pane; FALSE if it cannot be read. */
gboolean        sp_window_show_document_in_pane (SpWindow    *self,
                                              SpWindowPane    pane,
                                              gint64          document_id);
/* The divider between the panes */
GtkPaned       *sp_window_get_split_paned    (SpWindow       *self);
SpLinkPopover  *sp_window_get_link_popover   (SpWindow       *self);
/* SP_WINDOW_VIEW_READ, _COMPARE or _ATTRIBUTIONS */
const char     *sp_window_get_view           (SpWindow       *self);
void            sp_window_set_view           (SpWindow       *self,
                                              const char     *view);
SpCompareView  *sp_window_get_compare_view   (SpWindow       *self);
SpAttributionView *sp_window_get_attribution_view (SpWindow  *self);
SpAnnotationsPanel *sp_window_get_annotations_panel (SpWindow  *self);
SpSearchPanel  *sp_window_get_search_panel   (SpWindow       *self);
SpTagPopover   *sp_window_get_tag_popover    (SpWindow       *self);
/* Opens (or raises) the codebook editor of the open project; NULL without one. */
SpCodebookEditor *sp_window_show_codebook    (SpWindow       *self);
/* Opens (or reuses) the stakeholder editor on @stakeholder_id. */
SpStakeholderEditor *sp_window_edit_stakeholder (SpWindow    *self,
                                              gint64          stakeholder_id);
/* The toast offering to undo the last deletion, while it is shown. */
AdwToast       *sp_window_get_undo_toast     (SpWindow       *self);
/* "welcome", "loading" or "project" */
const char     *sp_window_get_page           (SpWindow       *self);

G_END_DECLS
