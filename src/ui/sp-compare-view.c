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

#include "sp-agreement-page.h"
#include "sp-annotations.h"
#include "sp-compare-filter-bar.h"
#include "sp-compare-layout.h"
#include "sp-compare-view.h"
#include "sp-matrix-page.h"
#include "sp-theme-compare-page.h"

#define RESOURCE "/io/github/standpoint/Standpoint/sp-compare-view.ui"
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
  SpCompareFilter *filter;
  Page             page;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_clear_pointer (&data->filter, sp_compare_filter_free);
  g_free (data);
}

static gpointer
compute_grid (SpProject  *connection,
              gpointer    user_data,
              GError    **error)
{
  ComputeData *data = user_data;

  if (data->page == PAGE_MATRIX)
    return sp_project_compute_matrix (connection, data->filter, error);
  return sp_project_compute_agreement (connection, data->filter, error);
}

static void
compute_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SpCompareView *self = SP_COMPARE_VIEW (source);
  ComputeData *data = user_data;
  g_autoptr(GError) error = NULL;
  gpointer grid = sp_worker_run_finish (result, &error);

  /* A later change or another page replaced this computation */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
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
  ComputeData *data = g_new0 (ComputeData, 1);

  /* The task owns @data, and holds it until the callback has read it */
  data->page = page;
  data->filter = filter;
  sp_worker_run_async (self, self->project, compute_grid, data, (GDestroyNotify) compute_data_free,
                        page == PAGE_MATRIX ? (GDestroyNotify) sp_matrix_free : (GDestroyNotify) sp_agreement_free,
                        sp_worker_restart (&self->cancellable), compute_done_cb, data);
}

/* Recomputes the page in view if it is stale, or shows why there is
 * nothing to compare. Workers compute the pages (compare by theme's
 * columns in the page itself), and the old content stays in view until
 * the new one is ready. */
static void
refresh (SpCompareView *self)
{
  g_autoptr(SpCompareFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  Page page = visible_page (self);
  guint n_annotations;

  sp_worker_cancel (&self->cancellable);

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
  sp_worker_cancel (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_COMPARE_VIEW);

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

  g_type_ensure (SP_TYPE_COMPARE_FILTER_BAR);
  g_type_ensure (SP_TYPE_THEME_COMPARE_PAGE);
  g_type_ensure (SP_TYPE_MATRIX_PAGE);
  g_type_ensure (SP_TYPE_AGREEMENT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE);
  gtk_widget_class_bind_template_child (widget_class, SpCompareView, box);
  gtk_widget_class_bind_template_child (widget_class, SpCompareView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, SpCompareView, states);
  gtk_widget_class_bind_template_child (widget_class, SpCompareView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SpCompareView, pages);
  gtk_widget_class_bind_template_child (widget_class, SpCompareView, theme_page);
  gtk_widget_class_bind_template_child (widget_class, SpCompareView, matrix_page);
  gtk_widget_class_bind_template_child (widget_class, SpCompareView, agreement_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, annotation_activated_cb);
}

static void
sp_compare_view_init (SpCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The matrix is the overview: shown first, and only then followed */
  gtk_stack_set_visible_child_name (self->pages, SP_COMPARE_PAGE_MATRIX);
  g_signal_connect_swapped (self->pages, "notify::visible-child", G_CALLBACK (page_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);

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
