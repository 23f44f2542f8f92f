/* sp-compare-layout.h: what the matrix and agreement pages build alike —
 * a grid beside the list of the passages behind its chosen cell, and the
 * names that label the grid's rows and columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-compare.h"

G_BEGIN_DECLS

/* @grid (an SpHeatGrid) scrolled, above @legend (may be NULL), beside a
 * scrolled side pane with @heading over @details. */
GtkWidget *sp_compare_split_new        (GtkWidget *grid,
                                        GtkWidget *legend,
                                        GtkWidget *heading,
                                        GtkWidget *details);
/* A wrapping heading label for the side pane. */
GtkWidget *sp_compare_heading_new      (const char *text);
/* The names of SpStakeholderInfo or SpThemeInfo records, NULL-terminated. */
GStrv      sp_compare_stakeholder_names (GPtrArray *stakeholders);
GStrv      sp_compare_theme_names       (GPtrArray *themes);

/* Keeps a reference to @project and a copy of @filter (NULL: all) in
 * the slots, for the queries a page makes later (the passages of a cell). */
void       sp_compare_keep_query        (SpProject            **project_slot,
                                         SpCompareFilter      **filter_slot,
                                         SpProject             *project,
                                         const SpCompareFilter *filter);
/* Adds ::annotation-activated (gint64 annotation_id) to @type, as the
 * passage list, the compare pages and the view all emit it. */
guint      sp_compare_annotation_activated_new (GType   type);

G_END_DECLS
