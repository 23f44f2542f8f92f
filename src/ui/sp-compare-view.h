/* sp-compare-view.h: who stands where, in three views of one filter
 * (documents, sectors, stances): compare by theme (a column per
 * stakeholder), the stakeholder x theme matrix, and the agreement map
 * (stakeholder x stakeholder heat map of agreeing and conflicting
 * themes). Choosing a cell lists the passages behind it; activating a
 * passage emits ::annotation-activated so the window can open it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_COMPARE_VIEW (sp_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (SpCompareView, sp_compare_view, SP, COMPARE_VIEW, GtkWidget)

/* Page names for sp_compare_view_set_page() */
#define SP_COMPARE_PAGE_THEME     "theme"
#define SP_COMPARE_PAGE_MATRIX    "matrix"
#define SP_COMPARE_PAGE_AGREEMENT "agreement"

GtkWidget  *sp_compare_view_new         (void);
/* Follows @project's ::changed until another project (or NULL) is set;
 * keeps a reference. */
void        sp_compare_view_set_project (SpCompareView *self,
                                         SpProject     *project);
const char *sp_compare_view_get_page    (SpCompareView *self);
void        sp_compare_view_set_page    (SpCompareView *self,
                                         const char    *page);
/* Shows compare by theme for @theme_id. */
void        sp_compare_view_show_theme  (SpCompareView *self,
                                         gint64         theme_id);

/* Signals:
 *   ::annotation-activated (gint64 annotation_id)
 */

G_END_DECLS
