/* sp-search-panel.h: full-text search over the project, with filters for
 * document, theme, stakeholder and stance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_SEARCH_PANEL (sp_search_panel_get_type ())

G_DECLARE_FINAL_TYPE (SpSearchPanel, sp_search_panel, SP, SEARCH_PANEL, GtkWidget)

GtkWidget   *sp_search_panel_new          (void);

/* The project to search (the panel keeps a reference; NULL: none). */
void         sp_search_panel_set_project  (SpSearchPanel *self,
                                           SpProject     *project);
/* Re-reads the filters' choices (documents, themes, stakeholders). */
void         sp_search_panel_reload       (SpSearchPanel *self);
/* Runs @query at once (and puts it in the entry). */
void         sp_search_panel_set_query    (SpSearchPanel *self,
                                           const char    *query);
GtkListBox  *sp_search_panel_get_results  (SpSearchPanel *self);
/* The message under the entry (a bad query), or NULL. */
const char  *sp_search_panel_get_error    (SpSearchPanel *self);
void         sp_search_panel_focus_entry  (SpSearchPanel *self);

G_END_DECLS
