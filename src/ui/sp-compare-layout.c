/* sp-compare-layout.c: the grid-beside-passages layout of the compare
 * pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-citation.h"
#include "sp-compare-layout.h"
#include "sp-records.h"

GtkWidget *
sp_compare_split_new (GtkWidget *grid,
                      GtkWidget *legend,
                      GtkWidget *heading,
                      GtkWidget *details)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *main_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid_scroller = gtk_scrolled_window_new ();
  GtkWidget *side_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *side_scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (grid_scroller), grid);
  gtk_widget_set_vexpand (grid_scroller, TRUE);
  gtk_widget_set_hexpand (grid_scroller, TRUE);
  gtk_box_append (GTK_BOX (main_box), grid_scroller);
  if (legend != NULL)
    {
      gtk_widget_set_margin_start (legend, 12);
      gtk_widget_set_margin_bottom (legend, 6);
      gtk_box_append (GTK_BOX (main_box), legend);
    }

  gtk_widget_add_css_class (side_box, "sp-compare-details");
  gtk_widget_set_margin_start (side_box, 12);
  gtk_widget_set_margin_end (side_box, 12);
  gtk_widget_set_margin_top (side_box, 12);
  gtk_widget_set_margin_bottom (side_box, 12);
  gtk_box_append (GTK_BOX (side_box), heading);
  gtk_box_append (GTK_BOX (side_box), details);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side_scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side_scroller), side_box);
  gtk_widget_set_size_request (side_scroller, 320, -1);

  gtk_paned_set_start_child (GTK_PANED (paned), main_box);
  gtk_paned_set_end_child (GTK_PANED (paned), side_scroller);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  return paned;
}

GtkWidget *
sp_compare_heading_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

GStrv
sp_compare_stakeholder_names (GPtrArray *stakeholders)
{
  GStrv names = g_new0 (char *, stakeholders->len + 1);

  for (guint i = 0; i < stakeholders->len; i++)
    names[i] = g_strdup (((SpStakeholderInfo *) g_ptr_array_index (stakeholders, i))->name);
  return names;
}

GStrv
sp_compare_theme_names (GPtrArray *themes)
{
  GStrv names = g_new0 (char *, themes->len + 1);

  for (guint i = 0; i < themes->len; i++)
    names[i] = g_strdup (((SpThemeInfo *) g_ptr_array_index (themes, i))->name);
  return names;
}

void
sp_compare_keep_query (SpProject             **project_slot,
                       SpCompareFilter       **filter_slot,
                       SpProject              *project,
                       const SpCompareFilter  *filter)
{
  g_set_object (project_slot, project);
  g_clear_pointer (filter_slot, sp_compare_filter_free);
  *filter_slot = filter != NULL ? sp_compare_filter_copy (filter) : sp_compare_filter_new ();
}

guint
sp_compare_annotation_activated_new (GType type)
{
  return g_signal_new ("annotation-activated",
                       type,
                       G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL,
                       G_TYPE_NONE, 1, G_TYPE_INT64);
}


void
sp_cited_passages_free (SpCitedPassages *passages)
{
  if (passages == NULL)
    return;
  g_clear_pointer (&passages->annotations, g_ptr_array_unref);
  g_clear_pointer (&passages->locations, g_ptr_array_unref);
  g_free (passages);
}

SpCitedPassages *
sp_cited_passages_new (SpProject  *connection,
                       GPtrArray  *annotations,
                       GError    **error)
{
  g_autoptr(SpCitedPassages) passages = g_new0 (SpCitedPassages, 1);

  passages->annotations = annotations;
  if (annotations == NULL)
    return NULL;
  passages->locations = sp_project_cite_annotations (connection, annotations, error);
  if (passages->locations == NULL)
    return NULL;
  return g_steal_pointer (&passages);
}
