/* sp-compare-view.c: the compare pages under one filter, following the
 * project's changes.
 *
 * Only the page in view is recomputed when the project changes; the
 * others are marked stale and recomputed when they come into view.
 * Changes arrive in bursts (typing a memo, undoing several steps), so the
 * recomputation waits until the project has been quiet for a moment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sp-agreement-page.h"
#include "sp-annotations.h"
#include "sp-compare-filter-bar.h"
#include "sp-compare-layout.h"
#include "sp-compare-view.h"
#include "sp-matrix-page.h"
#include "sp-theme-compare-page.h"

#define REFRESH_DELAY_MS 300

#define FOLLOWED_CHANGES (SP_PROJECT_CHANGE_ANNOTATIONS | SP_PROJECT_CHANGE_THEMES | \
                          SP_PROJECT_CHANGE_STAKEHOLDERS | SP_PROJECT_CHANGE_DOCUMENTS)

typedef enum
{
  PAGE_THEME     = 1 << 0,
  PAGE_MATRIX    = 1 << 1,
  PAGE_AGREEMENT = 1 << 2,
  ALL_PAGES      = PAGE_THEME | PAGE_MATRIX | PAGE_AGREEMENT,
} Page;

struct _SpCompareView
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  SpCompareFilterBar *filter_bar;
  GtkStack           *states;     /* "empty", "error", "pages" */
  AdwStatusPage      *error_page;
  GtkStack           *pages;
  SpThemeComparePage *theme_page;
  SpMatrixPage       *matrix_page;
  SpAgreementPage    *agreement_page;

  SpProject          *project;
  gulong              changed_id;
  guint               refresh_source;
  gboolean            refresh_on_map;
  GCancellable       *cancellable;   /* of the grid being computed */
  Page                stale;
};

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpCompareView, sp_compare_view, GTK_TYPE_WIDGET)

static Page
visible_page (SpCompareView *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->pages);

  if (g_strcmp0 (name, SP_COMPARE_PAGE_THEME) == 0)
    return PAGE_THEME;
  if (g_strcmp0 (name, SP_COMPARE_PAGE_AGREEMENT) == 0)
    return PAGE_AGREEMENT;
  return PAGE_MATRIX;
}

static void
show_error (SpCompareView *self,
            const GError  *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->states, "error");
}

/* The grids: computed in a worker on a connection of its own */

typedef struct
{
  SpProject       *connection;
  SpCompareFilter *filter;
  Page             page;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_clear_object (&data->connection);
  g_clear_pointer (&data->filter, sp_compare_filter_free);
  g_free (data);
}

static GDestroyNotify
grid_free_func (Page page)
{
  return page == PAGE_MATRIX ? (GDestroyNotify) sp_matrix_free : (GDestroyNotify) sp_agreement_free;
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ComputeData *data = task_data;
  GError *error = NULL;
  gpointer result;

  if (data->page == PAGE_MATRIX)
    result = sp_project_compute_matrix (data->connection, data->filter, &error);
  else
    result = sp_project_compute_agreement (data->connection, data->filter, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, grid_free_func (data->page));
}

static void
compute_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SpCompareView *self = SP_COMPARE_VIEW (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  ComputeData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gpointer grid = g_task_propagate_pointer (G_TASK (result), &error);

  /* A later change or another page replaced this computation */
  if (g_cancellable_is_cancelled (cancellable) || cancellable != self->cancellable)
    {
      if (grid != NULL)
        grid_free_func (data->page) (grid);
      return;
    }
  g_clear_object (&self->cancellable);

  if (grid == NULL)
    {
      show_error (self, error);
      return;
    }
  if (data->page == PAGE_MATRIX)
    sp_matrix_page_show (self->matrix_page, self->project, data->filter, grid);
  else
    sp_agreement_page_show (self->agreement_page, self->project, data->filter, grid);
  self->stale &= ~data->page;
  gtk_stack_set_visible_child_name (self->states, "pages");
}

static void
start_compute (SpCompareView   *self,
               Page             page,
               SpCompareFilter *filter)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ComputeData *data = g_new0 (ComputeData, 1);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, compute_done_cb, NULL);
  g_task_set_source_tag (task, start_compute);
  g_task_set_name (task, "[standpoint] compare");
  data->page = page;
  data->filter = filter;
  data->connection = sp_project_open_secondary (self->project, &error);
  g_task_set_task_data (task, data, (GDestroyNotify) compute_data_free);
  if (data->connection == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_run_in_thread (task, compute_in_thread);
}

/* Recomputes the page in view if it is stale, or shows why there is
 * nothing to compare. Compare by theme is one indexed query and is
 * recomputed at once; the matrix and the agreement map read every
 * annotation, so a worker computes them and the old one stays in view
 * until the new one is ready. */
static void
refresh (SpCompareView *self)
{
  g_autoptr(SpCompareFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  Page page = visible_page (self);
  guint n_annotations;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->project == NULL)
    {
      gtk_stack_set_visible_child_name (self->states, "empty");
      return;
    }

  n_annotations = sp_project_count_annotations (self->project, &error);
  if (error != NULL)
    {
      show_error (self, error);
      return;
    }
  if (n_annotations == 0)
    {
      gtk_stack_set_visible_child_name (self->states, "empty");
      return;
    }
  if ((self->stale & page) == 0)
    {
      gtk_stack_set_visible_child_name (self->states, "pages");
      return;
    }

  filter = sp_compare_filter_bar_dup_filter (self->filter_bar);
  if (page != PAGE_THEME)
    {
      start_compute (self, page, g_steal_pointer (&filter));
      return;
    }
  if (!sp_theme_compare_page_reload (self->theme_page, self->project, filter, &error))
    {
      show_error (self, error);
      return;
    }
  self->stale &= ~page;
  gtk_stack_set_visible_child_name (self->states, "pages");
}

/* After a change: the filter's choices may have changed too */
static void
refresh_all (SpCompareView *self)
{
  sp_compare_filter_bar_reload (self->filter_bar, self->project);
  refresh (self);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  SpCompareView *self = user_data;

  self->refresh_source = 0;
  /* A hidden view catches up when it is shown again */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_all (self);
  else
    self->refresh_on_map = TRUE;
  return G_SOURCE_REMOVE;
}

static void
map_cb (SpCompareView *self)
{
  if (self->refresh_on_map)
    {
      self->refresh_on_map = FALSE;
      refresh_all (self);
    }
}

static void
project_changed_cb (SpProject     *project,
                    guint          what,
                    SpCompareView *self)
{
  if ((what & FOLLOWED_CHANGES) == 0)
    return;

  self->stale = ALL_PAGES;
  /* Wait for the project to be quiet before recomputing */
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
filter_changed_cb (SpCompareView *self)
{
  self->stale = ALL_PAGES;
  refresh (self);
}

static void
page_changed_cb (SpCompareView *self)
{
  refresh (self);
}

static void
annotation_activated_cb (SpCompareView *self,
                         gint64         annotation_id)
{
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation_id);
}

static GtkWidget *
add_page (SpCompareView *self,
          GtkWidget     *page,
          const char    *name,
          const char    *title)
{
  gtk_stack_add_titled (self->pages, page, name, title);
  g_signal_connect_swapped (page, "annotation-activated", G_CALLBACK (annotation_activated_cb), self);
  return page;
}

static void
disconnect_project (SpCompareView *self)
{
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->project);
}

static void
sp_compare_view_dispose (GObject *object)
{
  SpCompareView *self = SP_COMPARE_VIEW (object);

  disconnect_project (self);
  /* The worker's result is dropped when it comes */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (sp_compare_view_parent_class)->dispose (object);
}

static void
sp_compare_view_class_init (SpCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_compare_view_dispose;

  /**
   * SpCompareView::annotation-activated:
   * @annotation_id: the passage the analyst chose
   */
  signals[ANNOTATION_ACTIVATED] = sp_compare_annotation_activated_new (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "compareview");
}

static void
sp_compare_view_init (SpCompareView *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->pages, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  self->theme_page = SP_THEME_COMPARE_PAGE (add_page (self, sp_theme_compare_page_new (),
                                                      SP_COMPARE_PAGE_THEME, _("By Theme")));
  self->matrix_page = SP_MATRIX_PAGE (add_page (self, sp_matrix_page_new (),
                                                SP_COMPARE_PAGE_MATRIX, _("Matrix")));
  self->agreement_page = SP_AGREEMENT_PAGE (add_page (self, sp_agreement_page_new (),
                                                      SP_COMPARE_PAGE_AGREEMENT, _("Agreement")));
  gtk_stack_set_visible_child_name (self->pages, SP_COMPARE_PAGE_MATRIX);
  g_signal_connect_swapped (self->pages, "notify::visible-child", G_CALLBACK (page_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);

  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (switcher),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comparison"),
                                  -1);
  self->filter_bar = SP_COMPARE_FILTER_BAR (sp_compare_filter_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->filter_bar), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->filter_bar), GTK_ALIGN_END);
  g_signal_connect_swapped (self->filter_bar, "changed", G_CALLBACK (filter_changed_cb), self);
  gtk_box_append (GTK_BOX (toolbar), switcher);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->filter_bar));
  gtk_widget_add_css_class (toolbar, "toolbar");
  gtk_box_append (GTK_BOX (self->box), toolbar);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "view-grid-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing to Compare Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Tag passages of the documents with themes, a stakeholder "
                                     "and a stance; this view then shows who stands where on each theme."));
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->error_page, _("Could Not Compare"));

  self->states = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->states, empty, "empty");
  gtk_stack_add_named (self->states, GTK_WIDGET (self->error_page), "error");
  gtk_stack_add_named (self->states, GTK_WIDGET (self->pages), "pages");
  gtk_widget_set_vexpand (GTK_WIDGET (self->states), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->states));

  self->stale = ALL_PAGES;
}

GtkWidget *
sp_compare_view_new (void)
{
  return g_object_new (SP_TYPE_COMPARE_VIEW, NULL);
}

void
sp_compare_view_set_project (SpCompareView *self,
                             SpProject     *project)
{
  g_return_if_fail (SP_IS_COMPARE_VIEW (self));
  g_return_if_fail (project == NULL || SP_IS_PROJECT (project));

  /* Referenced first, in case it is the project already set */
  if (project != NULL)
    g_object_ref (project);
  disconnect_project (self);
  self->project = project;
  if (project != NULL)
    self->changed_id = g_signal_connect (project, "changed", G_CALLBACK (project_changed_cb), self);

  self->stale = ALL_PAGES;
  /* A hidden view (another page of the window) computes when it is shown */
  self->refresh_on_map = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->refresh_on_map)
    refresh_all (self);
}

const char *
sp_compare_view_get_page (SpCompareView *self)
{
  g_return_val_if_fail (SP_IS_COMPARE_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}

void
sp_compare_view_set_page (SpCompareView *self,
                          const char    *page)
{
  g_return_if_fail (SP_IS_COMPARE_VIEW (self));
  g_return_if_fail (g_strcmp0 (page, SP_COMPARE_PAGE_THEME) == 0 ||
                    g_strcmp0 (page, SP_COMPARE_PAGE_MATRIX) == 0 ||
                    g_strcmp0 (page, SP_COMPARE_PAGE_AGREEMENT) == 0);

  gtk_stack_set_visible_child_name (self->pages, page);
}

void
sp_compare_view_show_theme (SpCompareView *self,
                            gint64         theme_id)
{
  g_return_if_fail (SP_IS_COMPARE_VIEW (self));

  sp_compare_view_set_page (self, SP_COMPARE_PAGE_THEME);
  /* Switching pages brought the theme list up to date */
  sp_theme_compare_page_set_theme (self->theme_page, theme_id);
}
