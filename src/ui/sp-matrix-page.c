/* sp-matrix-page.c: the stakeholder x theme matrix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-compare-layout.h"
#include "sp-matrix-page.h"
#include "sp-stance-style.h"

struct _SpMatrixPage
{
  GtkWidget        parent_instance;

  GtkWidget       *split;
  SpHeatGrid      *grid;
  GtkLabel        *heading;
  SpPassageList   *passages;

  SpProject       *project;
  SpCompareFilter *filter;
  SpMatrix        *matrix;
  GCancellable    *cancellable;   /* of the cell's passages being listed */
  /* The chosen cell, by ids so that it survives a reload */
  gint64           stakeholder_id;
  gint64           theme_id;
};

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpMatrixPage, sp_matrix_page, GTK_TYPE_WIDGET)

static SpStakeholderInfo *
row_stakeholder (SpMatrixPage *self,
                 guint         row)
{
  return g_ptr_array_index (self->matrix->stakeholders, row);
}

static SpThemeInfo *
column_theme (SpMatrixPage *self,
              guint         column)
{
  return g_ptr_array_index (self->matrix->themes, column);
}

static void
fill_cell (guint       row,
           guint       column,
           SpHeatCell *cell,
           gpointer    user_data)
{
  SpMatrixPage *self = user_data;
  SpMatrixCell *counts = sp_matrix_get_cell (self->matrix, row, column);

  if (counts == NULL || counts->n_passages == 0)
    return;

  g_snprintf (cell->text, sizeof cell->text, "%u", counts->n_passages);
  for (SpStance stance = SP_STANCE_SUPPORTS; stance < SP_N_STANCES; stance++)
    {
      cell->part_stances[cell->n_parts] = stance;
      cell->part_counts[cell->n_parts++] = counts->n_by_stance[stance];
    }
  cell->part_stances[cell->n_parts] = SP_STANCE_NONE;
  cell->part_counts[cell->n_parts++] = counts->n_by_stance[SP_STANCE_NONE];
  cell->fill = (double) counts->n_passages / MAX (1, self->matrix->max_passages);
}

static char *
describe_cell (guint    row,
               guint    column,
               gpointer user_data)
{
  SpMatrixPage *self = user_data;
  SpMatrixCell *counts = sp_matrix_get_cell (self->matrix, row, column);
  guint n = counts != NULL ? counts->n_passages : 0;
  g_autofree char *stances = counts != NULL ? sp_stance_describe_counts (counts->n_by_stance) : g_strdup ("");
  g_autofree char *passages = g_strdup_printf (ngettext ("%u passage", "%u passages", n), n);

  if (stances[0] == '\0')
    /* Translators: a matrix cell: stakeholder, theme, "3 passages" */
    return g_strdup_printf (_("%s on %s: %s"), row_stakeholder (self, row)->name,
                            column_theme (self, column)->name, passages);

  /* Translators: a matrix cell: stakeholder, theme, "3 passages", "Supports: 2, Opposes: 1" */
  return g_strdup_printf (_("%s on %s: %s (%s)"), row_stakeholder (self, row)->name,
                          column_theme (self, column)->name, passages, stances);
}

/* A cell's passages: listed and cited in a worker */

typedef struct
{
  gint64           stakeholder_id;
  gint64           theme_id;
  SpCompareFilter *filter;
} CellQuery;

static void
cell_query_free (CellQuery *query)
{
  g_clear_pointer (&query->filter, sp_compare_filter_free);
  g_free (query);
}

static gpointer
list_cell_passages (SpProject  *connection,
                    gpointer    data,
                    GError    **error)
{
  CellQuery *query = data;

  return sp_cited_passages_new (connection,
                                sp_project_list_cell_annotations (connection, query->stakeholder_id,
                                                                  query->theme_id, query->filter, error),
                                error);
}

static void
cell_passages_listed_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  SpMatrixPage *self = SP_MATRIX_PAGE (source);
  g_autoptr(SpCitedPassages) passages = NULL;
  g_autoptr(GError) error = NULL;
  guint row, column;

  passages = sp_worker_run_finish (result, &error);
  /* A later cell or matrix replaced this listing */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (passages == NULL)
    {
      gtk_label_set_label (self->heading, error->message);
      sp_passage_list_set_annotations (self->passages, NULL, NULL, FALSE);
      return;
    }
  if (sp_matrix_page_find_cell (self, self->stakeholder_id, self->theme_id, &row, &column))
    {
      /* Translators: heading over the passages of a matrix cell: stakeholder, theme */
      g_autofree char *heading = g_strdup_printf (_("%s on %s"), row_stakeholder (self, row)->name,
                                                  column_theme (self, column)->name);

      gtk_label_set_label (self->heading, heading);
    }
  sp_passage_list_set_annotations (self->passages, passages->annotations, passages->locations, FALSE);
}

/* Lists the chosen cell's passages; the ones in view stay until the new
 * ones are ready. */
static void
show_cell_passages (SpMatrixPage *self)
{
  CellQuery *query;
  guint row, column;

  if (self->project == NULL ||
      !sp_matrix_page_find_cell (self, self->stakeholder_id, self->theme_id, &row, &column))
    {
      sp_worker_cancel (&self->cancellable);
      gtk_label_set_label (self->heading, _("Choose a cell to see the passages behind it"));
      sp_passage_list_set_annotations (self->passages, NULL, NULL, FALSE);
      return;
    }

  query = g_new0 (CellQuery, 1);
  query->stakeholder_id = self->stakeholder_id;
  query->theme_id = self->theme_id;
  query->filter = sp_compare_filter_copy (self->filter);
  sp_worker_run_async (self, self->project, list_cell_passages, query, (GDestroyNotify) cell_query_free,
                        (GDestroyNotify) sp_cited_passages_free, sp_worker_restart (&self->cancellable),
                        cell_passages_listed_cb, NULL);
}

static void
cell_activated_cb (SpHeatGrid   *grid,
                   guint         row,
                   guint         column,
                   SpMatrixPage *self)
{
  self->stakeholder_id = row_stakeholder (self, row)->id;
  self->theme_id = column_theme (self, column)->id;
  show_cell_passages (self);
}

static void
passage_activated_cb (SpPassageList *passages,
                      gint64         annotation_id,
                      SpMatrixPage  *self)
{
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation_id);
}

static void
sp_matrix_page_dispose (GObject *object)
{
  SpMatrixPage *self = SP_MATRIX_PAGE (object);

  /* The worker's result is dropped when it comes */
  sp_worker_cancel (&self->cancellable);
  g_clear_pointer (&self->split, gtk_widget_unparent);
  g_clear_object (&self->project);
  g_clear_pointer (&self->filter, sp_compare_filter_free);
  g_clear_pointer (&self->matrix, sp_matrix_free);

  G_OBJECT_CLASS (sp_matrix_page_parent_class)->dispose (object);
}

static void
sp_matrix_page_class_init (SpMatrixPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_matrix_page_dispose;

  signals[ANNOTATION_ACTIVATED] = sp_compare_annotation_activated_new (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sp_matrix_page_init (SpMatrixPage *self)
{
  self->grid = SP_HEAT_GRID (sp_heat_grid_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passages by stakeholder and theme"),
                                  -1);
  g_signal_connect (self->grid, "cell-activated", G_CALLBACK (cell_activated_cb), self);

  self->heading = GTK_LABEL (sp_compare_heading_new (NULL));
  self->passages = SP_PASSAGE_LIST (sp_passage_list_new (_("No passages in this cell")));
  g_signal_connect (self->passages, "annotation-activated", G_CALLBACK (passage_activated_cb), self);

  self->split = sp_compare_split_new (GTK_WIDGET (self->grid), sp_stance_legend_new (),
                                      GTK_WIDGET (self->heading), GTK_WIDGET (self->passages));
  gtk_widget_set_parent (self->split, GTK_WIDGET (self));
  show_cell_passages (self);
}

GtkWidget *
sp_matrix_page_new (void)
{
  return g_object_new (SP_TYPE_MATRIX_PAGE, NULL);
}

void
sp_matrix_page_show (SpMatrixPage          *self,
                     SpProject             *project,
                     const SpCompareFilter *filter,
                     SpMatrix              *matrix)
{
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) columns = NULL;

  g_return_if_fail (SP_IS_MATRIX_PAGE (self));
  g_return_if_fail (SP_IS_PROJECT (project));
  g_return_if_fail (matrix != NULL);

  sp_compare_keep_query (&self->project, &self->filter, project, filter);
  rows = sp_compare_stakeholder_names (matrix->stakeholders);
  columns = sp_compare_theme_names (matrix->themes);
  /* The grid reads the new matrix from here on; the old one goes only now */
  g_clear_pointer (&self->matrix, sp_matrix_free);
  self->matrix = matrix;
  sp_heat_grid_set_data (self->grid, (const char * const *) rows, (const char * const *) columns,
                         fill_cell, describe_cell, self);
  show_cell_passages (self);
}

gboolean
sp_matrix_page_find_cell (SpMatrixPage *self,
                          gint64        stakeholder_id,
                          gint64        theme_id,
                          guint        *row,
                          guint        *column)
{
  gboolean found_row = FALSE, found_column = FALSE;

  g_return_val_if_fail (SP_IS_MATRIX_PAGE (self), FALSE);

  if (self->matrix == NULL)
    return FALSE;
  for (guint i = 0; i < self->matrix->stakeholders->len && !found_row; i++)
    if ((found_row = row_stakeholder (self, i)->id == stakeholder_id))
      *row = i;
  for (guint i = 0; i < self->matrix->themes->len && !found_column; i++)
    if ((found_column = column_theme (self, i)->id == theme_id))
      *column = i;
  return found_row && found_column;
}

SpHeatGrid *
sp_matrix_page_get_grid (SpMatrixPage *self)
{
  g_return_val_if_fail (SP_IS_MATRIX_PAGE (self), NULL);
  return self->grid;
}

SpPassageList *
sp_matrix_page_get_passages (SpMatrixPage *self)
{
  g_return_val_if_fail (SP_IS_MATRIX_PAGE (self), NULL);
  return self->passages;
}

gboolean
sp_matrix_page_get_busy (SpMatrixPage *self)
{
  g_return_val_if_fail (SP_IS_MATRIX_PAGE (self), FALSE);
  return self->cancellable != NULL;
}
