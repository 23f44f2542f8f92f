/* sp-heat-grid.h: a drawn grid of rows x columns with sticky row and
 * column headings, each cell a number over a small stacked bar coloured by
 * stance. Only the cells in view are drawn, so 200 x 100 cells scroll
 * smoothly; the cursor moves with the arrow keys and Enter (or a click)
 * activates a cell. Implements GtkScrollable: put it straight into a
 * GtkScrolledWindow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_HEAT_CELL_MAX_PARTS 6

/* What one cell shows; the grid passes a zeroed one to the fill func. */
typedef struct
{
  char     text[24];                               /* "" leaves the cell empty */
  guint    n_parts;
  SpStance part_stances[SP_HEAT_CELL_MAX_PARTS];   /* colour of each bar part */
  guint    part_counts[SP_HEAT_CELL_MAX_PARTS];    /* relative part lengths */
  double   fill;                                   /* bar length, 0..1 of the cell */
} SpHeatCell;

typedef void  (*SpHeatCellFunc)     (guint       row,
                                     guint       column,
                                     SpHeatCell *cell,
                                     gpointer    user_data);
/* What a screen reader and the tooltip say about a cell; newly allocated. */
typedef char *(*SpHeatDescribeFunc) (guint       row,
                                     guint       column,
                                     gpointer    user_data);

#define SP_TYPE_HEAT_GRID (sp_heat_grid_get_type ())

G_DECLARE_FINAL_TYPE (SpHeatGrid, sp_heat_grid, SP, HEAT_GRID, GtkWidget)

GtkWidget *sp_heat_grid_new           (void);
/* Shows @row_names x @column_names (both copied); the funcs are asked for
 * the cells in view, so @user_data must outlive the next set_data call.
 * Keeps the cursor where it was when it is still inside. */
void       sp_heat_grid_set_data      (SpHeatGrid         *self,
                                       const char * const *row_names,
                                       const char * const *column_names,
                                       SpHeatCellFunc      cell_func,
                                       SpHeatDescribeFunc  describe_func,
                                       gpointer            user_data);
guint      sp_heat_grid_get_n_rows    (SpHeatGrid         *self);
guint      sp_heat_grid_get_n_columns (SpHeatGrid         *self);
/* FALSE when the grid is empty. */
gboolean   sp_heat_grid_get_cursor    (SpHeatGrid         *self,
                                       guint              *row,
                                       guint              *column);
/* Moves the cursor (scrolling it into view) and activates the cell, as a
 * click or Enter does: emits ::cell-activated (guint row, guint column). */
void       sp_heat_grid_activate_cell (SpHeatGrid         *self,
                                       guint               row,
                                       guint               column);
/* Moves the cursor (scrolling it into view) without activating the cell:
 * where keyboard navigation starts. */
void       sp_heat_grid_set_cursor    (SpHeatGrid         *self,
                                       guint               row,
                                       guint               column);
/* Height of the column headings: the longest name, written upwards, up to
 * a maximum beyond which names are ellipsized. */
int        sp_heat_grid_get_column_heading_height (SpHeatGrid *self);
/* The text shown in a cell ("" for an empty one); newly allocated. */
char      *sp_heat_grid_dup_cell_text (SpHeatGrid         *self,
                                       guint               row,
                                       guint               column);
/* What a screen reader and the tooltip say of a cell; newly allocated. */
char      *sp_heat_grid_dup_cell_description (SpHeatGrid  *self,
                                              guint        row,
                                              guint        column);

G_END_DECLS
