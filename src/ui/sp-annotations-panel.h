/* sp-annotations-panel.h: the annotations of the document shown, in
 * reading order, filterable by theme, stakeholder and stance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-annotations.h"
#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_ANNOTATIONS_PANEL (sp_annotations_panel_get_type ())

G_DECLARE_FINAL_TYPE (SpAnnotationsPanel, sp_annotations_panel, SP, ANNOTATIONS_PANEL, GtkWidget)

GtkWidget   *sp_annotations_panel_new               (void);

/* Lists @annotations (SpAnnotationInfo in reading order; NULL: none);
 * @themes and @stakeholders fill the filters. Keeps the filters where it
 * can. While the panel is hidden it only keeps a reference to
 * @annotations and lists them when shown. */
void         sp_annotations_panel_set_annotations   (SpAnnotationsPanel     *self,
                                                     GPtrArray              *annotations,
                                                     GPtrArray              *themes,
                                                     GPtrArray              *stakeholders);
/* Adds, replaces (@info) or removes (@info NULL) the annotation @id, in
 * reading order; @info is copied. Uses the themes and stakeholders of the
 * last sp_annotations_panel_set_annotations(). */
void         sp_annotations_panel_update_annotation (SpAnnotationsPanel     *self,
                                                     gint64                  id,
                                                     const SpAnnotationInfo *info);
GtkListView *sp_annotations_panel_get_list          (SpAnnotationsPanel     *self);
/* Annotations listed, whatever the filters. */
guint        sp_annotations_panel_get_n_annotations (SpAnnotationsPanel     *self);
/* Rows the filters leave visible. */
guint        sp_annotations_panel_get_n_visible     (SpAnnotationsPanel     *self);
/* The annotation the visible row at @position stands for, or 0. */
gint64       sp_annotations_panel_get_id_at         (SpAnnotationsPanel     *self,
                                                     guint                   position);
/* The row widget shown for the visible row at @position, or NULL when it
 * has none (scrolled out of view, or the panel is not shown). */
GtkWidget   *sp_annotations_panel_get_row           (SpAnnotationsPanel     *self,
                                                     guint                   position);
/* Filters: 0 / SP_STANCE_NONE for any. */
void         sp_annotations_panel_set_filter        (SpAnnotationsPanel     *self,
                                                     gint64                  theme_id,
                                                     gint64                  stakeholder_id,
                                                     SpStance                stance);

G_END_DECLS
