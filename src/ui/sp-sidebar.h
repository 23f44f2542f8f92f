/* sp-sidebar.h: the project's library:
 * its documents, stakeholders (with their turn and annotation counts) and
 * the codebook's themes, kept up to date with SpProject::changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_SIDEBAR (sp_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (SpSidebar, sp_sidebar, SP, SIDEBAR, GtkWidget)

GtkWidget  *sp_sidebar_new                     (void);
/* Lists the documents and stakeholders of @project (NULL empties it). */
void        sp_sidebar_set_project             (SpSidebar *self,
                                                SpProject *project);
SpProject  *sp_sidebar_get_project             (SpSidebar *self);
/* Re-reads the lists from the project, keeping the selection if it can. */
void        sp_sidebar_reload                  (SpSidebar *self);

/* 0 if no document is selected. Selecting emits ::document-selected. */
gint64      sp_sidebar_get_selected_document   (SpSidebar *self);
gboolean    sp_sidebar_select_document         (SpSidebar *self,
                                                gint64     document_id);

guint       sp_sidebar_get_n_documents         (SpSidebar *self);
guint       sp_sidebar_get_n_stakeholders      (SpSidebar *self);
GtkListBox *sp_sidebar_get_document_list       (SpSidebar *self);
GtkListBox *sp_sidebar_get_stakeholder_list    (SpSidebar *self);
/* The codebook, depth first */
GtkListBox *sp_sidebar_get_theme_list          (SpSidebar *self);
guint       sp_sidebar_get_n_themes            (SpSidebar *self);
/* The annotation count a theme row shows. */
guint       sp_sidebar_theme_row_get_n_annotations (GtkListBoxRow *row);
/* The row of @list standing for @id, or NULL. */
GtkListBoxRow *sp_sidebar_find_row             (GtkListBox *list,
                                                gint64      id);

/* The id a document or stakeholder row stands for. */
gint64      sp_sidebar_row_get_id              (GtkListBoxRow *row);

G_END_DECLS
