/* sp-annotations-panel.h: the annotations of the document shown, in
 * reading order, filterable by theme, stakeholder and stance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_ANNOTATIONS_PANEL (sp_annotations_panel_get_type ())

G_DECLARE_FINAL_TYPE (SpAnnotationsPanel, sp_annotations_panel, SP, ANNOTATIONS_PANEL, GtkWidget)

GtkWidget  *sp_annotations_panel_new             (void);

/* Lists @annotations (SpAnnotationInfo; NULL: none); @themes and
 * @stakeholders fill the filters. Keeps the filters where it can. */
void        sp_annotations_panel_set_annotations (SpAnnotationsPanel *self,
                                                  GPtrArray          *annotations,
                                                  GPtrArray          *themes,
                                                  GPtrArray          *stakeholders);
GtkListBox *sp_annotations_panel_get_list        (SpAnnotationsPanel *self);
/* Rows the filters leave visible. */
guint       sp_annotations_panel_get_n_visible   (SpAnnotationsPanel *self);
/* The annotation a row stands for. */
gint64      sp_annotations_panel_row_get_id      (GtkListBoxRow      *row);
/* Filters: 0 / SP_STANCE_NONE for any. */
void        sp_annotations_panel_set_filter      (SpAnnotationsPanel *self,
                                                  gint64              theme_id,
                                                  gint64              stakeholder_id,
                                                  SpStance            stance);

G_END_DECLS
