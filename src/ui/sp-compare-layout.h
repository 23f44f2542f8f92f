/* sp-compare-layout.h: what the compare pages build alike — a grid
 * beside the list of the passages behind its chosen cell, the names that
 * label the grid's rows and columns, and the worker runs (on a secondary
 * connection) that compute what they show off the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-compare.h"
#include "sp-worker.h"

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


/* The passages behind a cell and their formatted locations (strings, one
 * per passage), as a worker computes them. */
typedef struct
{
  GPtrArray *annotations;
  GPtrArray *locations;
} SpCitedPassages;

void       sp_cited_passages_free       (SpCitedPassages      *passages);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCitedPassages, sp_cited_passages_free)
/* Cites @annotations (taken) from @connection. NULL when citing fails,
 * or when @annotations is NULL: a failed listing, whose @error is set. */
SpCitedPassages *sp_cited_passages_new  (SpProject            *connection,
                                         GPtrArray            *annotations,
                                         GError              **error);

G_END_DECLS
