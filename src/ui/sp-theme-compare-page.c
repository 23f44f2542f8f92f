/* sp-theme-compare-page.c: one theme, a column per stakeholder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-a11y.h"
#include "sp-citation.h"
#include "sp-compare-layout.h"
#include "sp-drop-down-ellipsize.h"
#include "sp-filter-dropdowns.h"
#include "sp-passage-list.h"
#include "sp-project-themes.h"
#include "sp-stance-style.h"
#include "sp-theme-compare-page.h"

#define COLUMN_WIDTH 300

struct _SpThemeComparePage
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkDropDown     *themes;
  GtkLabel        *statement;
  GtkStack        *stack;
  GtkBox          *columns;
  GtkLabel        *none;

  GCancellable    *cancellable;   /* of the columns being computed */
  SpProject       *project;
  SpCompareFilter *filter;
  GPtrArray       *theme_infos;   /* SpThemeInfo, in drop-down order */
  GArray          *theme_ids;     /* gint64, in drop-down order */
  guint            refilling;
};

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpThemeComparePage, sp_theme_compare_page, GTK_TYPE_WIDGET)

static void
passage_activated_cb (SpPassageList      *passages,
                      gint64              annotation_id,
                      SpThemeComparePage *self)
{
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation_id);
}

/* The badge over a column. sp_stance_prevailing() breaks a tie by a
 * fixed order, which would call one supporting and one mixed passage
 * "Supports": a tie between stances is shown as what it is, "Mixed". */
static SpStance
column_badge_stance (const SpThemeColumn *column)
{
  guint most = column->n_by_stance[column->prevailing];
  guint n_with_most = 0;

  if (column->prevailing == SP_STANCE_NONE)
    return SP_STANCE_NONE;
  for (guint stance = SP_STANCE_NONE + 1; stance < SP_N_STANCES; stance++)
    if (column->n_by_stance[stance] == most)
      n_with_most++;
  return n_with_most > 1 ? SP_STANCE_MIXED : column->prevailing;
}

static GtkWidget *
column_new (SpThemeComparePage  *self,
            const SpThemeColumn *column,
            GPtrArray           *locations)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (column->stakeholder->name);
  GtkWidget *summary_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *summary;
  GtkWidget *passages = sp_passage_list_new (NULL);
  g_autofree char *counts = sp_stance_describe_counts (column->n_by_stance);
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (box, "sp-theme-column");
  gtk_widget_set_size_request (box, COLUMN_WIDTH, -1);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (title, "sp-theme-column-title");
  gtk_box_append (GTK_BOX (box), title);

  gtk_box_append (GTK_BOX (summary_box), sp_stance_badge_new (column_badge_stance (column)));
  summary = gtk_label_new (counts);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "caption");
  gtk_box_append (GTK_BOX (summary_box), summary);
  gtk_box_append (GTK_BOX (box), summary_box);

  sp_passage_list_set_annotations (SP_PASSAGE_LIST (passages), column->annotations, locations, FALSE);
  g_signal_connect (passages, "annotation-activated", G_CALLBACK (passage_activated_cb), self);
  gtk_box_append (GTK_BOX (box), passages);

  /* Translators: a column of compare by theme: stakeholder, "Supports: 2, Opposes: 1" */
  accessible = g_strdup_printf (_("%s: %s"), column->stakeholder->name, counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (passages),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return box;
}

static SpThemeInfo *
chosen_theme (SpThemeComparePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->themes);

  if (self->theme_infos == NULL || selected >= self->theme_infos->len)
    return NULL;
  return g_ptr_array_index (self->theme_infos, selected);
}

/* The columns: computed and cited in a worker */

typedef struct
{
  gint64           theme_id;
  SpCompareFilter *filter;
} ColumnsQuery;

typedef struct
{
  GPtrArray *columns;     /* SpThemeColumn */
  GPtrArray *locations;   /* per column, the locations of its passages */
} Columns;

static void
columns_query_free (ColumnsQuery *query)
{
  g_clear_pointer (&query->filter, sp_compare_filter_free);
  g_free (query);
}

static void
columns_free (Columns *columns)
{
  g_clear_pointer (&columns->columns, g_ptr_array_unref);
  g_clear_pointer (&columns->locations, g_ptr_array_unref);
  g_free (columns);
}

static gpointer
compute_columns (SpProject  *connection,
                 gpointer    data,
                 GError    **error)
{
  ColumnsQuery *query = data;
  Columns *result;
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GPtrArray) passages = g_ptr_array_new ();
  g_autoptr(GPtrArray) locations = NULL;
  g_autoptr(GPtrArray) per_column = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint next = 0;

  columns = sp_project_compare_theme (connection, query->theme_id, query->filter, error);
  if (columns == NULL)
    return NULL;

  /* One citation pass over every column reads each document's segments once */
  for (guint i = 0; i < columns->len; i++)
    g_ptr_array_extend (passages, ((SpThemeColumn *) g_ptr_array_index (columns, i))->annotations, NULL, NULL);
  locations = sp_project_cite_annotations (connection, passages, error);
  if (locations == NULL)
    return NULL;
  for (guint i = 0; i < columns->len; i++)
    {
      guint n = ((SpThemeColumn *) g_ptr_array_index (columns, i))->annotations->len;
      GPtrArray *column_locations = g_ptr_array_new_full (n, g_free);

      /* The strings move to the column's array; NULL slots free as nothing */
      for (guint j = 0; j < n; j++, next++)
        g_ptr_array_add (column_locations, g_steal_pointer (&g_ptr_array_index (locations, next)));
      g_ptr_array_add (per_column, column_locations);
    }

  result = g_new0 (Columns, 1);
  result->columns = g_steal_pointer (&columns);
  result->locations = g_steal_pointer (&per_column);
  return result;
}

static void
clear_columns (SpThemeComparePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns))) != NULL)
    gtk_box_remove (self->columns, child);
}

#define NO_PASSAGES _("No stakeholder has a passage on this theme yet. " \
                      "Tag passages with it, or choose another theme or filter.")

static void
show_none (SpThemeComparePage *self,
           const char         *why)
{
  clear_columns (self);
  gtk_label_set_label (self->none, why);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

static void
columns_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SpThemeComparePage *self = SP_THEME_COMPARE_PAGE (source);
  SpThemeInfo *theme;
  Columns *columns;
  g_autoptr(GError) error = NULL;

  columns = sp_worker_run_finish (result, &error);
  /* A later theme, filter or change replaced this computation */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (columns == NULL)
    {
      gtk_label_set_label (self->statement, "");
      show_none (self, error->message);
      return;
    }

  /* The run was for the theme chosen now: choosing another cancels it */
  theme = chosen_theme (self);
  gtk_label_set_label (self->statement, theme->statement != NULL && theme->statement[0] != '\0'
                                        ? theme->statement : theme->description);
  clear_columns (self);
  for (guint i = 0; i < columns->columns->len; i++)
    gtk_box_append (self->columns, column_new (self, g_ptr_array_index (columns->columns, i),
                                               g_ptr_array_index (columns->locations, i)));
  if (columns->columns->len > 0)
    gtk_stack_set_visible_child_name (self->stack, "columns");
  else
    show_none (self, NO_PASSAGES);
  columns_free (columns);
}

/* Computes the chosen theme's columns; the ones in view stay until the
 * new ones are ready. */
static void
start_columns (SpThemeComparePage *self)
{
  SpThemeInfo *theme = chosen_theme (self);
  ColumnsQuery *query;

  if (self->project == NULL || theme == NULL)
    {
      sp_worker_cancel (&self->cancellable);
      gtk_label_set_label (self->statement, "");
      show_none (self, NO_PASSAGES);
      return;
    }

  query = g_new0 (ColumnsQuery, 1);
  query->theme_id = theme->id;
  query->filter = sp_compare_filter_copy (self->filter);
  sp_worker_run_async (self, self->project, compute_columns, query, (GDestroyNotify) columns_query_free,
                        (GDestroyNotify) columns_free, sp_worker_restart (&self->cancellable),
                        columns_ready_cb, NULL);
}

static void
theme_selected_cb (SpThemeComparePage *self)
{
  if (self->refilling == 0)
    start_columns (self);
}

static void
sp_theme_compare_page_dispose (GObject *object)
{
  SpThemeComparePage *self = SP_THEME_COMPARE_PAGE (object);

  /* The worker's result is dropped when it comes */
  sp_worker_cancel (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->project);
  g_clear_pointer (&self->filter, sp_compare_filter_free);
  g_clear_pointer (&self->theme_infos, g_ptr_array_unref);
  g_clear_pointer (&self->theme_ids, g_array_unref);

  G_OBJECT_CLASS (sp_theme_compare_page_parent_class)->dispose (object);
}

static void
sp_theme_compare_page_class_init (SpThemeComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_theme_compare_page_dispose;

  signals[ANNOTATION_ACTIVATED] = sp_compare_annotation_activated_new (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sp_theme_compare_page_init (SpThemeComparePage *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Theme"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *none = gtk_label_new (NO_PASSAGES);

  self->theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->themes = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  sp_filter_dropdown_use_string_expression (self->themes);
  gtk_drop_down_set_enable_search (self->themes, TRUE);
  sp_drop_down_ellipsize (self->themes, 36);
  /* One name, "Theme to compare": the mnemonic's labelled-by relation to
   * the visible "Theme" would be read after it ("Theme to compare Theme") */
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->themes));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->themes), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->themes),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Theme to compare"),
                                  -1);
  sp_a11y_name_drop_down_button (self->themes, _("Theme to compare"));
  g_signal_connect_swapped (self->themes, "notify::selected", G_CALLBACK (theme_selected_cb), self);

  self->statement = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->statement, TRUE);
  gtk_label_set_xalign (self->statement, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->statement), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->statement), "dim-label");

  gtk_box_append (GTK_BOX (top), label);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->themes));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->statement));
  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  gtk_widget_set_margin_top (top, 6);
  gtk_box_append (GTK_BOX (self->box), top);

  self->columns = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_widget_set_margin_start (GTK_WIDGET (self->columns), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->columns), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->columns), 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->columns));

  gtk_label_set_wrap (GTK_LABEL (none), TRUE);
  gtk_widget_add_css_class (none, "dim-label");
  self->none = GTK_LABEL (none);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scroller, "columns");
  gtk_stack_add_named (self->stack, none, "none");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
}

GtkWidget *
sp_theme_compare_page_new (void)
{
  return g_object_new (SP_TYPE_THEME_COMPARE_PAGE, NULL);
}

/* Refills the drop-down, keeping the chosen theme; without one, the
 * first theme that has passages. */
static void
refill_themes (SpThemeComparePage *self,
               GPtrArray          *themes)
{
  gint64 chosen = sp_theme_compare_page_get_theme (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->theme_ids, 0);
  for (guint i = 0; i < themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (themes, i);
      /* Sub-themes are indented under their parent */
      g_autofree char *indent = g_strnfill (theme->depth * 4, ' ');
      g_autofree char *name = g_strconcat (indent, theme->name, NULL);

      gtk_string_list_append (names, name);
      g_array_append_val (self->theme_ids, theme->id);
      if (theme->id == chosen)
        selected = i;
    }
  for (guint i = 0; selected == GTK_INVALID_LIST_POSITION && i < themes->len; i++)
    if (((SpThemeInfo *) g_ptr_array_index (themes, i))->n_annotations > 0)
      selected = i;

  g_clear_pointer (&self->theme_infos, g_ptr_array_unref);
  self->theme_infos = g_ptr_array_ref (themes);
  self->refilling++;
  gtk_drop_down_set_model (self->themes, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->themes, selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
  self->refilling--;
}

gboolean
sp_theme_compare_page_reload (SpThemeComparePage    *self,
                              SpProject             *project,
                              const SpCompareFilter *filter,
                              GError               **error)
{
  g_autoptr(GPtrArray) themes = NULL;

  g_return_val_if_fail (SP_IS_THEME_COMPARE_PAGE (self), FALSE);
  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);

  themes = sp_project_list_themes (project, error);
  if (themes == NULL)
    return FALSE;

  sp_compare_keep_query (&self->project, &self->filter, project, filter);
  refill_themes (self, themes);
  start_columns (self);
  return TRUE;
}

void
sp_theme_compare_page_set_theme (SpThemeComparePage *self,
                                 gint64              theme_id)
{
  g_return_if_fail (SP_IS_THEME_COMPARE_PAGE (self));

  for (guint i = 0; i < self->theme_ids->len; i++)
    if (g_array_index (self->theme_ids, gint64, i) == theme_id)
      gtk_drop_down_set_selected (self->themes, i);
}

gint64
sp_theme_compare_page_get_theme (SpThemeComparePage *self)
{
  g_return_val_if_fail (SP_IS_THEME_COMPARE_PAGE (self), 0);
  return sp_filter_dropdown_selected_id (self->themes, self->theme_ids);
}

GtkWidget *
sp_theme_compare_page_get_columns (SpThemeComparePage *self)
{
  g_return_val_if_fail (SP_IS_THEME_COMPARE_PAGE (self), NULL);
  return GTK_WIDGET (self->columns);
}

gboolean
sp_theme_compare_page_get_busy (SpThemeComparePage *self)
{
  g_return_val_if_fail (SP_IS_THEME_COMPARE_PAGE (self), FALSE);
  return self->cancellable != NULL;
}
