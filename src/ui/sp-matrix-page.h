/* sp-matrix-page.h: the stakeholder x theme matrix — passages and their
 * mix of stances per cell — beside the passages of the chosen cell.
 * Activating a passage emits ::annotation-activated (gint64 id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-compare.h"
#include "sp-heat-grid.h"
#include "sp-passage-list.h"

G_BEGIN_DECLS

#define SP_TYPE_MATRIX_PAGE (sp_matrix_page_get_type ())

G_DECLARE_FINAL_TYPE (SpMatrixPage, sp_matrix_page, SP, MATRIX_PAGE, GtkWidget)

GtkWidget     *sp_matrix_page_new          (void);
/* Shows @matrix (computed from @project under @filter; taken over),
 * keeping @project and @filter for the passages of the chosen cell. */
void           sp_matrix_page_show         (SpMatrixPage          *self,
                                            SpProject             *project,
                                            const SpCompareFilter *filter,
                                            SpMatrix              *matrix);
/* The row and column of a stakeholder and a theme; FALSE when the
 * stakeholder has no passage under the filter or the theme is unknown. */
gboolean       sp_matrix_page_find_cell    (SpMatrixPage          *self,
                                            gint64                 stakeholder_id,
                                            gint64                 theme_id,
                                            guint                 *row,
                                            guint                 *column);
SpHeatGrid    *sp_matrix_page_get_grid     (SpMatrixPage          *self);
SpPassageList *sp_matrix_page_get_passages (SpMatrixPage          *self);
/* Whether the chosen cell's passages are still being listed. */
gboolean       sp_matrix_page_get_busy     (SpMatrixPage          *self);

G_END_DECLS
