/* sp-agreement-page.c: the agreement map of stakeholder pairs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-agreement-page.h"
#include "sp-compare-layout.h"
#include "sp-passage-list.h"

struct _SpAgreementPage
{
  GtkWidget        parent_instance;

  GtkWidget       *split;
  SpHeatGrid      *grid;
  GtkLabel        *heading;
  GtkBox          *details;

  SpProject       *project;
  SpCompareFilter *filter;
  SpAgreement     *agreement;
  GCancellable    *cancellable;   /* of the pair's passages being listed */
  /* The chosen pair, by ids so that it survives a reload */
  gint64           stakeholder_a;
  gint64           stakeholder_b;
};

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpAgreementPage, sp_agreement_page, GTK_TYPE_WIDGET)

static SpStakeholderInfo *
stakeholder_at (SpAgreementPage *self,
                guint            index)
{
  return g_ptr_array_index (self->agreement->stakeholders, index);
}

static const char *
theme_name (SpAgreementPage *self,
            gint64           theme_id)
{
  for (guint i = 0; i < self->agreement->themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (self->agreement->themes, i);

      if (theme->id == theme_id)
        return theme->name;
    }
  return "";
}

static void
fill_cell (guint       row,
           guint       column,
           SpHeatCell *cell,
           gpointer    user_data)
{
  SpAgreementPage *self = user_data;
  guint agree, conflict;

  /* Counts only: the theme lists are built for the cell a person picks */
  sp_agreement_get_counts (self->agreement, row, column, &agree, &conflict);
  if (agree + conflict == 0)
    return;

  /* Translators: an agreement map cell: themes agreed on / in conflict */
  g_snprintf (cell->text, sizeof cell->text, _("%u / %u"), agree, conflict);
  cell->n_parts = 2;
  cell->part_stances[0] = SP_STANCE_SUPPORTS;
  cell->part_counts[0] = agree;
  cell->part_stances[1] = SP_STANCE_OPPOSES;
  cell->part_counts[1] = conflict;
  cell->fill = (double) MAX (agree, conflict) / MAX (1, self->agreement->max_count);
}

static char *
describe_cell (guint    row,
               guint    column,
               gpointer user_data)
{
  SpAgreementPage *self = user_data;
  g_autofree char *agree_text = NULL;
  g_autofree char *conflict_text = NULL;
  guint agree, conflict;

  sp_agreement_get_counts (self->agreement, row, column, &agree, &conflict);
  agree_text = g_strdup_printf (ngettext ("agree on %u theme", "agree on %u themes", agree), agree);
  conflict_text = g_strdup_printf (ngettext ("conflict on %u theme", "conflict on %u themes", conflict), conflict);

  /* Translators: an agreement map cell: two stakeholders, "agree on 2 themes", "conflict on 1 theme" */
  return g_strdup_printf (_("%s and %s: %s, %s"), stakeholder_at (self, row)->name,
                          stakeholder_at (self, column)->name, agree_text, conflict_text);
}

static void
passage_activated_cb (SpPassageList   *passages,
                      gint64           annotation_id,
                      SpAgreementPage *self)
{
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation_id);
}

static void
clear_details (SpAgreementPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details))) != NULL)
    gtk_box_remove (self->details, child);
}

/* A pair's passages: listed and cited in a worker, theme by theme */

typedef struct
{
  gint64           stakeholder_a;
  gint64           stakeholder_b;
  GArray          *theme_ids;   /* of gint64: the agreed ones, then the conflicting ones */
  guint            n_agree;
  SpCompareFilter *filter;
} PairQuery;

static void
pair_query_free (PairQuery *query)
{
  g_clear_pointer (&query->theme_ids, g_array_unref);
  g_clear_pointer (&query->filter, sp_compare_filter_free);
  g_free (query);
}

/* An array of SpCitedPassages, one per theme of the query */
static gpointer
list_pair_passages (SpProject  *connection,
                    gpointer    data,
                    GError    **error)
{
  PairQuery *query = data;
  g_autoptr(GPtrArray) themes = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_cited_passages_free);

  for (guint i = 0; i < query->theme_ids->len; i++)
    {
      SpCitedPassages *passages;

      passages = sp_cited_passages_new (connection,
                                        sp_project_list_pair_annotations (connection, query->stakeholder_a,
                                                                          query->stakeholder_b,
                                                                          g_array_index (query->theme_ids, gint64, i),
                                                                          query->filter, error),
                                        error);
      if (passages == NULL)
        return NULL;
      g_ptr_array_add (themes, passages);
    }
  return g_steal_pointer (&themes);
}

/* A heading for one theme of the pair, then the passages behind it */
static void
append_theme (SpAgreementPage *self,
              gint64           theme_id,
              gboolean         agree,
              SpCitedPassages *cited)
{
  g_autofree char *title = NULL;
  GtkWidget *heading;
  GtkWidget *passages;

  title = g_strdup_printf (agree ? _("Agree on “%s”") : _("Conflict on “%s”"),
                           theme_name (self, theme_id));
  heading = sp_compare_heading_new (title);
  gtk_widget_add_css_class (heading, agree ? "sp-agreement-agree" : "sp-agreement-conflict");
  gtk_box_append (self->details, heading);

  passages = sp_passage_list_new (NULL);
  sp_passage_list_set_annotations (SP_PASSAGE_LIST (passages), cited->annotations, cited->locations, TRUE);
  g_signal_connect (passages, "annotation-activated", G_CALLBACK (passage_activated_cb), self);
  gtk_box_append (self->details, passages);
}

static void
pair_passages_listed_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  SpAgreementPage *self = SP_AGREEMENT_PAGE (source);
  PairQuery *query = user_data;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  guint a, b;

  themes = sp_worker_run_finish (result, &error);
  /* A later pair or map replaced this listing */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  clear_details (self);
  if (themes == NULL)
    {
      gtk_label_set_label (self->heading, error->message);
      return;
    }

  /* The run was for the pair chosen now, in the map shown now */
  sp_agreement_page_find_stakeholder (self, query->stakeholder_a, &a);
  sp_agreement_page_find_stakeholder (self, query->stakeholder_b, &b);
  /* Translators: heading over the themes two stakeholders agree and conflict on */
  heading = g_strdup_printf (_("%s and %s"), stakeholder_at (self, a)->name, stakeholder_at (self, b)->name);
  gtk_label_set_label (self->heading, heading);

  for (guint i = 0; i < themes->len; i++)
    append_theme (self, g_array_index (query->theme_ids, gint64, i), i < query->n_agree,
                  g_ptr_array_index (themes, i));

  if (themes->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("They neither agree nor conflict on any theme"));

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->details, none);
    }
}

/* Lists the chosen pair's passages; the ones in view stay until the new
 * ones are ready. */
static void
show_pair (SpAgreementPage *self)
{
  SpAgreementCell *pair;
  PairQuery *query;
  guint a, b;

  if (self->project == NULL ||
      !sp_agreement_page_find_stakeholder (self, self->stakeholder_a, &a) ||
      !sp_agreement_page_find_stakeholder (self, self->stakeholder_b, &b))
    {
      sp_worker_cancel (&self->cancellable);
      clear_details (self);
      gtk_label_set_label (self->heading, _("Choose a cell to see where two stakeholders agree and conflict"));
      return;
    }

  pair = sp_agreement_get_cell (self->agreement, a, b);
  query = g_new0 (PairQuery, 1);
  query->stakeholder_a = self->stakeholder_a;
  query->stakeholder_b = self->stakeholder_b;
  query->filter = sp_compare_filter_copy (self->filter);
  query->theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (pair != NULL && pair->agree_theme_ids != NULL)
    g_array_append_vals (query->theme_ids, pair->agree_theme_ids->data, pair->agree_theme_ids->len);
  query->n_agree = query->theme_ids->len;
  if (pair != NULL && pair->conflict_theme_ids != NULL)
    g_array_append_vals (query->theme_ids, pair->conflict_theme_ids->data, pair->conflict_theme_ids->len);
  /* The callback reads the query: the task holds it until then */
  sp_worker_run_async (self, self->project, list_pair_passages, query, (GDestroyNotify) pair_query_free,
                        (GDestroyNotify) g_ptr_array_unref, sp_worker_restart (&self->cancellable),
                        pair_passages_listed_cb, query);
}

static void
cell_activated_cb (SpHeatGrid      *grid,
                   guint            row,
                   guint            column,
                   SpAgreementPage *self)
{
  self->stakeholder_a = stakeholder_at (self, row)->id;
  self->stakeholder_b = stakeholder_at (self, column)->id;
  show_pair (self);
}

static GtkWidget *
legend_new (void)
{
  GtkWidget *legend = gtk_label_new (_("Each cell: themes agreed on / themes in conflict (bar: green agree, red conflict)"));

  gtk_label_set_wrap (GTK_LABEL (legend), TRUE);
  gtk_label_set_xalign (GTK_LABEL (legend), 0);
  gtk_widget_add_css_class (legend, "dim-label");
  return legend;
}

static void
sp_agreement_page_dispose (GObject *object)
{
  SpAgreementPage *self = SP_AGREEMENT_PAGE (object);

  /* The worker's result is dropped when it comes */
  sp_worker_cancel (&self->cancellable);
  g_clear_pointer (&self->split, gtk_widget_unparent);
  g_clear_object (&self->project);
  g_clear_pointer (&self->filter, sp_compare_filter_free);
  g_clear_pointer (&self->agreement, sp_agreement_free);

  G_OBJECT_CLASS (sp_agreement_page_parent_class)->dispose (object);
}

static void
sp_agreement_page_class_init (SpAgreementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_agreement_page_dispose;

  signals[ANNOTATION_ACTIVATED] = sp_compare_annotation_activated_new (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sp_agreement_page_init (SpAgreementPage *self)
{
  self->grid = SP_HEAT_GRID (sp_heat_grid_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agreement and conflict between stakeholders"),
                                  -1);
  g_signal_connect (self->grid, "cell-activated", G_CALLBACK (cell_activated_cb), self);

  self->heading = GTK_LABEL (sp_compare_heading_new (NULL));
  self->details = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 8));
  self->split = sp_compare_split_new (GTK_WIDGET (self->grid), legend_new (),
                                      GTK_WIDGET (self->heading), GTK_WIDGET (self->details));
  gtk_widget_set_parent (self->split, GTK_WIDGET (self));
  show_pair (self);
}

GtkWidget *
sp_agreement_page_new (void)
{
  return g_object_new (SP_TYPE_AGREEMENT_PAGE, NULL);
}

/* A stakeholder against themselves means nothing: until a pair is
 * chosen, the keyboard starts on the first pair of two (row 0, column 1).
 * The arrow keys may still cross the diagonal. */
static void
place_first_cursor (SpAgreementPage *self)
{
  guint row, column, a, b;

  if (sp_agreement_page_find_stakeholder (self, self->stakeholder_a, &a) &&
      sp_agreement_page_find_stakeholder (self, self->stakeholder_b, &b))
    return;
  if (sp_heat_grid_get_n_columns (self->grid) >= 2 &&
      sp_heat_grid_get_cursor (self->grid, &row, &column) && row == 0 && column == 0)
    sp_heat_grid_set_cursor (self->grid, 0, 1);
}

void
sp_agreement_page_show (SpAgreementPage       *self,
                        SpProject             *project,
                        const SpCompareFilter *filter,
                        SpAgreement           *agreement)
{
  g_auto(GStrv) names = NULL;

  g_return_if_fail (SP_IS_AGREEMENT_PAGE (self));
  g_return_if_fail (SP_IS_PROJECT (project));
  g_return_if_fail (agreement != NULL);

  sp_compare_keep_query (&self->project, &self->filter, project, filter);
  names = sp_compare_stakeholder_names (agreement->stakeholders);
  g_clear_pointer (&self->agreement, sp_agreement_free);
  self->agreement = agreement;
  sp_heat_grid_set_data (self->grid, (const char * const *) names, (const char * const *) names,
                         fill_cell, describe_cell, self);
  place_first_cursor (self);
  show_pair (self);
}

gboolean
sp_agreement_page_find_stakeholder (SpAgreementPage *self,
                                    gint64           stakeholder_id,
                                    guint           *index)
{
  g_return_val_if_fail (SP_IS_AGREEMENT_PAGE (self), FALSE);

  for (guint i = 0; self->agreement != NULL && i < self->agreement->stakeholders->len; i++)
    if (stakeholder_at (self, i)->id == stakeholder_id)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

SpHeatGrid *
sp_agreement_page_get_grid (SpAgreementPage *self)
{
  g_return_val_if_fail (SP_IS_AGREEMENT_PAGE (self), NULL);
  return self->grid;
}

GtkWidget *
sp_agreement_page_get_details (SpAgreementPage *self)
{
  g_return_val_if_fail (SP_IS_AGREEMENT_PAGE (self), NULL);
  return GTK_WIDGET (self->details);
}

gboolean
sp_agreement_page_get_busy (SpAgreementPage *self)
{
  g_return_val_if_fail (SP_IS_AGREEMENT_PAGE (self), FALSE);
  return self->cancellable != NULL;
}
